import { describe, expect, it } from 'vitest';
import { directoryRenames, renamesOfStep, throughMovedFolders, tracePaths } from '../../src/configs/moves.js';

describe('folders that moved (merge-ort\'s directory renames)', () => {
  it('finds a folder most of whose renamed files went to one place, and its parents whose names agree', () => {
    const moved = directoryRenames({
      renames: [
        { from: 'a/b/x.yaml', to: 'd/b/x.yaml' },
        { from: 'a/b/y.yaml', to: 'd/b/y.yaml' },
      ],
      deleted: ['a/b/z.yaml'],
      added: ['d/b/z.yaml'],
    });
    expect(moved).toEqual(new Map([['a/b', 'd/b'], ['a', 'd']]));
  });

  it('moves no folder on a tie, nor one that still holds more files than moved out', () => {
    expect(directoryRenames({ renames: [{ from: 'a/x', to: 'b/x' }, { from: 'a/y', to: 'c/y' }], deleted: [], added: [] }).size).toBe(0);
    const step = { renames: [{ from: 'a/x', to: 'b/x' }], deleted: [], added: [], remaining: (folder: string) => (folder === 'a' ? 5 : 0) };
    expect(directoryRenames(step).size).toBe(0);
  });

  it('never moves the top of the tree', () => {
    expect(directoryRenames({ renames: [{ from: 'x.yaml', to: 'conf/x.yaml' }], deleted: [], added: [] }).size).toBe(0);
  });

  it('pairs a file deleted from a moved folder with the file of the same name added where it went', () => {
    const { renames } = renamesOfStep({
      renames: [{ from: 'presets/a.yaml', to: 'configs/presets/a.yaml' }, { from: 'presets/b.yaml', to: 'configs/presets/b.yaml' }],
      deleted: ['presets/c.yaml', 'presets/d.yaml'],
      added: ['configs/presets/c.yaml', 'configs/presets/other.yaml'],
    });
    expect(renames.get('presets/c.yaml')).toBe('configs/presets/c.yaml');
    expect(renames.has('presets/d.yaml')).toBe(false);
    expect(throughMovedFolders('presets/d.yaml', new Map([['presets', 'configs/presets']]))).toBe('configs/presets/d.yaml');
  });
});

describe('paths traced commit by commit', () => {
  it('follows a rename in one step and keeps it through the next, which adds another file', () => {
    const traced = tracePaths(['presets/solo.yaml'], [
      { renames: [{ from: 'presets/solo.yaml', to: 'configs/single.yaml' }], deleted: [], added: [] },
      { renames: [], deleted: [], added: ['configs/other.yaml'] },
    ]);
    expect(traced.get('presets/solo.yaml')).toMatchObject({ path: 'configs/single.yaml', gone: false });
    expect(traced.get('presets/solo.yaml')?.trail).toContain('presets/solo.yaml');
  });

  it('ends a deleted file where its folder went, so that its old place under the globs is known', () => {
    const traced = tracePaths(['presets/gone.yaml'], [
      { renames: [{ from: 'presets/a.yaml', to: 'configs/a.yaml' }], deleted: ['presets/gone.yaml'], added: [] },
    ]);
    expect(traced.get('presets/gone.yaml')).toMatchObject({ gone: true, path: 'configs/gone.yaml' });
  });
});
