import { describe, expect, it } from 'vitest';
import type { GitCommandManager } from '../../src/git/git.js';
import { releaseLineOfBranch, resolveReleases, type ApiRelease, type ReleaseApi } from '../../src/refs/release.js';

const sha = (c: string) => c.repeat(40);

describe('the release line a branch name names', () => {
  it.each([
    ['release-0.3.x', { major: 0, minor: 3, name: '0.3' }],
    ['release/1.2', { major: 1, minor: 2, name: '1.2' }],
    ['release-0.3', { major: 0, minor: 3, name: '0.3' }],
    ['releases/v1', { major: 1, name: '1' }],
    ['v1.x', { major: 1, name: '1' }],
    ['v2.4.x', { major: 2, minor: 4, name: '2.4' }],
    ['1.2-stable', { major: 1, minor: 2, name: '1.2' }],
    ['stable-2.1', { major: 2, minor: 1, name: '2.1' }],
    ['1.2', { major: 1, minor: 2, name: '1.2' }],
    ['refs/heads/release-0.3.x', { major: 0, minor: 3, name: '0.3' }],
    ['origin/release/1.2', { major: 1, minor: 2, name: '1.2' }],
    ['Release-1.x', { major: 1, name: '1' }],
  ])('reads %s as a line', (branch, line) => {
    expect(releaseLineOfBranch(branch)).toEqual(line);
  });

  it.each(['main', 'master', 'develop', 'backport-fixes', 'fix/1.2-crash', 'release/1.2.0', '3', '2024', 'release-2024-05', 'feature/v1.x-docs', '0123abcd4567'])(
    'reads %s as no line',
    (branch) => {
      expect(releaseLineOfBranch(branch)).toBeUndefined();
    },
  );
});

/** A repository whose origin has these tags, every commit present. */
function fakeGit(tags: Record<string, string>): GitCommandManager {
  const list = Object.entries(tags).map(([name, commit]) => ({ name, sha: commit }));
  return {
    root: '/repo',
    tryRemoteTags: async () => list,
    tags: async () => list,
    hasCommit: async (commit: string) => Object.values(tags).includes(commit),
    tryResolveCommit: async () => undefined,
    tryFetch: async () => false,
    tryFetchCommit: async () => undefined,
  } as unknown as GitCommandManager;
}

function fakeApi(latest: string, releases: ApiRelease[]): ReleaseApi & { askedLatest: number } {
  const api = {
    askedLatest: 0,
    latestReleaseTag: async () => {
      api.askedLatest += 1;
      return latest;
    },
    listReleases: async () => releases,
  };
  return api;
}

const tags = { 'v0.3.0': sha('a'), 'v0.3.1': sha('b'), 'v0.3.2': sha('c'), 'v0.4.0': sha('d') };
const published: ApiRelease[] = [
  { tag: 'v0.4.0', draft: false, prerelease: false },
  { tag: 'v0.3.2', draft: true, prerelease: false },
  { tag: 'v0.3.1', draft: false, prerelease: false },
  { tag: 'v0.3.0', draft: false, prerelease: false },
];

describe('`latest` on a release branch', () => {
  it('is the newest published release of the line, never GitHub\'s latest of another line', async () => {
    const api = fakeApi('v0.4.0', published);
    const choice = await resolveReleases(fakeGit(tags), 'latest', api, { baseBranch: 'release-0.3.x' });
    // v0.3.2 is a draft on GitHub: the line's newest published release is v0.3.1.
    expect(choice.releases[0]).toEqual({ ref: 'v0.3.1', sha: sha('b') });
    expect(api.askedLatest).toBe(0);
    expect(choice.notes.join(' ')).toContain('The base branch `release-0.3.x` names the release line 0.3');
  });

  it('is the highest semver tag of the line without GitHub', async () => {
    const choice = await resolveReleases(fakeGit(tags), 'latest', undefined, { baseBranch: 'release/0.3' });
    expect(choice.releases[0]?.ref).toBe('v0.3.2');
  });

  it('falls back to the release before the line, with a note, when the line has none yet', async () => {
    const choice = await resolveReleases(fakeGit(tags), 'latest', fakeApi('v0.4.0', published), { baseBranch: 'release-0.5.x' });
    expect(choice.releases[0]?.ref).toBe('v0.4.0');
    expect(choice.notes.join(' ')).toContain('names the release line 0.5, which has no stable release yet: `latest` is the release before it, `v0.4.0`');
    // A newer line says nothing to the users of a line about to ship: v1.3.0, not v2.0.0.
    const lines = { 'v1.2.0': 'a'.repeat(40), 'v1.3.0': 'b'.repeat(40), 'v2.0.0': 'c'.repeat(40) };
    expect((await resolveReleases(fakeGit(lines), 'latest', undefined, { baseBranch: 'release-1.4.x' })).releases[0]?.ref).toBe('v1.3.0');
  });

  it('keeps its meaning on a branch that names no line, and a named tag keeps its own on a line branch', async () => {
    expect((await resolveReleases(fakeGit(tags), 'latest', fakeApi('v0.4.0', published), { baseBranch: 'main' })).releases[0]?.ref).toBe('v0.4.0');
    expect((await resolveReleases(fakeGit(tags), 'v0.4.0', undefined, { baseBranch: 'release-0.3.x' })).releases[0]?.ref).toBe('v0.4.0');
  });
});
