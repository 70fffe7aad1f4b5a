import { describe, expect, it } from 'vitest';
import { Verdict } from '../../src/constants.js';
import { countSkipped, describeSkipped, skippedNote, type CollectedConfigs, type OldConfig } from '../../src/configs/collect.js';
import { lfsPointer, MAX_LFS_POINTER_BYTES } from '../../src/configs/lfs.js';
import { buildReport } from '../../src/verdict/report.js';
import { renderSummary } from '../../src/reports/summary.js';

const OID = `sha256:${'4d7a2146'.repeat(8)}`;
const POINTER = `version https://git-lfs.github.com/spec/v1\noid ${OID}\nsize 12345\n`;

describe('Git LFS pointers', () => {
  it.each([
    ['the canonical pointer', POINTER, { oid: OID, size: 12345 }],
    ['a pointer with an extension line', `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'1'.repeat(64)}\noid ${OID}\nsize 0\n`, { oid: OID, size: 0 }],
    ['a pointer saved with CRLF', POINTER.replace(/\n/g, '\r\n'), { oid: OID, size: 12345 }],
    ['the pre-release version URL git-lfs still reads', POINTER.replace('git-lfs.github.com', 'hawser.github.com'), { oid: OID, size: 12345 }],
  ])('recognises %s', (_name, text, expected) => {
    expect(lfsPointer(Buffer.from(text))).toEqual(expected);
  });

  it.each([
    ['an empty file (an empty config, though LFS stores empty files as themselves)', ''],
    ['a YAML config that mentions LFS', `version: https://git-lfs.github.com/spec/v1\noid: ${OID}\nsize: 12\n`],
    ['a pointer followed by config lines', `${POINTER}name: x\n`],
    ['a pointer without its size', `version https://git-lfs.github.com/spec/v1\noid ${OID}\n`],
    ['an unknown version', POINTER.replace('spec/v1', 'spec/v9')],
    ['an oid that is not sha256 hex', POINTER.replace(OID, 'sha256:xyz')],
    ['a size that is not a number', POINTER.replace('12345', '12 KB')],
    ['version not first', `oid ${OID}\nversion https://git-lfs.github.com/spec/v1\nsize 1\n`],
    ['a last line without its newline', POINTER.slice(0, -1)],
    ['a file as large as the spec forbids', POINTER + '#'.repeat(MAX_LFS_POINTER_BYTES)],
  ])('does not take %s for a pointer', (_name, text) => {
    expect(lfsPointer(Buffer.from(text))).toBeUndefined();
  });
});

describe('skipped paths in words', () => {
  const config = { path: 'a.toml', blob: '1'.repeat(40), content: Buffer.from(''), read: { ok: true, documents: [{}] } } as OldConfig;
  const lfs = { path: 'big.toml', kind: 'lfs-pointer', reason: 'a Git LFS pointer' } as const;
  const link = { path: 'link.toml', kind: 'symlink', reason: 'a symbolic link (not followed)' } as const;

  it('counts and names them by kind', () => {
    expect(countSkipped([lfs, lfs, link])).toEqual({ 'lfs-pointer': 2, symlink: 1, submodule: 0 });
    expect(describeSkipped([link, lfs, lfs])).toBe('2 Git LFS pointers, 1 symbolic link');
  });

  it.each<[string, CollectedConfigs, string | undefined]>([
    ['nothing skipped', { configs: [config], skipped: [] }, undefined],
    ['only links skipped, configs read', { configs: [config], skipped: [link] }, undefined],
    ['a pointer beside a config', { configs: [config], skipped: [lfs] }, '1 file in the base `main` matching the `configs` patterns is a Git LFS pointer (`big.toml`): its content lives in Git LFS and was not checked (listed as skipped).'],
    [
      'two pointers and a link beside a config',
      { configs: [config], skipped: [lfs, link, { ...lfs, path: 'assets/huge.json' }] },
      '2 files in the base `main` matching the `configs` patterns are Git LFS pointers (`big.toml` and `assets/huge.json`): their content lives in Git LFS and was not checked (listed as skipped).',
    ],
    [
      'seven pointers: five named, the rest counted',
      { configs: [config], skipped: Array.from({ length: 7 }, (_, i) => ({ ...lfs, path: `data/${i + 1}.toml` })) },
      '7 files in the base `main` matching the `configs` patterns are Git LFS pointers (`data/1.toml`, `data/2.toml`, `data/3.toml`, `data/4.toml`, `data/5.toml` and 2 more): their content lives in Git LFS and was not checked (listed as skipped).',
    ],
    [
      'a pointer whose path holds a backtick',
      { configs: [config], skipped: [{ ...lfs, path: 'odd`name.toml' }] },
      '1 file in the base `main` matching the `configs` patterns is a Git LFS pointer (``odd`name.toml``): its content lives in Git LFS and was not checked (listed as skipped).',
    ],
    [
      'every match a pointer',
      { configs: [], skipped: [lfs, { ...lfs, path: 'other.toml' }] },
      'Every file in the base `main` that matches the `configs` patterns was skipped (2 Git LFS pointers): the content of a Git LFS pointer (`big.toml` and `other.toml`) lives in Git LFS and was not checked. Nothing was checked there.',
    ],
    ['every match a link', { configs: [], skipped: [link] }, 'Every file in the base `main` that matches the `configs` patterns was skipped (1 symbolic link). Nothing was checked there.'],
  ])('notes %s', (_name, collected, note) => {
    expect(skippedNote(collected, 'the base `main`')).toBe(note);
  });

  it('reach the job summary with each pointer named by its path', () => {
    const skipped = [lfs, { ...lfs, path: 'assets/huge.json' }];
    const note = skippedNote({ configs: [config], skipped }, 'the base `main`')!;
    const summary = renderSummary(buildReport({ toolVersion: '1.0.0', verdict: Verdict.Pass, ackLabels: [], notes: [note], durationMs: 1 }));
    expect(summary).toContain('- 2 files in the base `main` matching the `configs` patterns are Git LFS pointers (`big.toml` and `assets/huge.json`)');
  });
});
