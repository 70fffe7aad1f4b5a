import { describe, expect, it } from 'vitest';
import type { GitCommandManager, PathChanges, TreeEntry } from '../../src/git/git.js';
import { HISTORY_LIMIT, followMoves } from '../../src/configs/follow.js';
import { createMatcher, parsePatterns } from '../../src/configs/select.js';

const blob = (path: string): TreeEntry => ({ mode: '100644', type: 'blob', sha: 'f'.repeat(40), path });
const patterns = parsePatterns('configs/*.yaml');
const matches = createMatcher(patterns);

/**
 * A shallow checkout whose history shows `presets/solo.yaml` renamed to `configs/single.yaml`
 * once it is deep enough (`reachable`), and the trees of the release and of HEAD.
 */
function shallowGit(reachable: (deepened: number) => boolean) {
  const deepens: number[] = [];
  let deepened = 0;
  const steps: PathChanges[] = [
    { sha: '1', renames: [{ from: 'presets/solo.yaml', to: 'configs/single.yaml' }], deleted: [], added: [] },
    { sha: '2', renames: [], deleted: [], added: [] },
  ];
  const git = {
    root: '/repo',
    lsTree: async (commit: string) =>
      commit === 'release' ? [blob('presets/solo.yaml'), blob('presets/kept.yaml')] : [blob('configs/single.yaml'), blob('configs/kept.yaml')],
    renames: async () => [{ from: 'presets/kept.yaml', to: 'configs/kept.yaml' }],
    tryParents: async () => ['base'],
    isShallow: async () => true,
    tryDeepen: async (_commit: string, commits: number) => {
      deepens.push(commits);
      deepened = commits;
      return true;
    },
    tryFirstParentChanges: async (_from: string, _to: string, limit: number) => {
      expect(limit).toBe(HISTORY_LIMIT);
      return reachable(deepened) ? steps : undefined;
    },
  } as unknown as GitCommandManager;
  return { git, deepens };
}

describe('following moves commit by commit from a shallow checkout', () => {
  it('deepens in two bounded steps until the release shows as an ancestor, then follows the rename', async () => {
    const { git, deepens } = shallowGit((deepened) => deepened >= HISTORY_LIMIT);
    const moves = await followMoves(git, 'release', 'head', matches, patterns);
    expect(deepens).toEqual([64, HISTORY_LIMIT]);
    expect(moves.history).toBe('walked');
    expect(moves.movedTo.get('presets/solo.yaml')).toBe('configs/single.yaml');
    expect(moves.noPathToday.size).toBe(0);
  });

  it('stops at the bound: the file is judged at its release path, listed as having no path today', async () => {
    const { git, deepens } = shallowGit(() => false);
    const moves = await followMoves(git, 'release', 'head', matches, patterns);
    expect(deepens).toEqual([64, HISTORY_LIMIT]);
    expect(moves.history).toBe('unavailable');
    // Its folder moved where the globs look: it is still a config users hold.
    expect(moves.noPathToday.get('presets/solo.yaml')).toEqual({ why: 'deleted' });
  });
});
