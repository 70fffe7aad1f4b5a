import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/errors.js';
import type { GitCommandManager } from '../../src/git/git.js';
import { highestOfLine, parseReleaseSelection, resolveReleases, type ApiRelease, type ReleaseApi } from '../../src/refs/release.js';
import { nearestPaths } from '../../src/configs/follow.js';

const sha = (c: string) => c.repeat(40);

/** A repository whose origin has these tags, every commit present. */
function fakeGit(tags: Record<string, string>, fetched: string[] = []): GitCommandManager {
  const list = Object.entries(tags).map(([name, commit]) => ({ name, sha: commit }));
  return {
    root: '/repo',
    tryRemoteTags: async () => list,
    tags: async () => list,
    hasCommit: async (commit: string) => Object.values(tags).includes(commit),
    tryResolveCommit: async () => undefined,
    tryFetch: async (refspecs: string[]) => {
      fetched.push(...refspecs);
      return false;
    },
    tryFetchCommit: async (refspec: string) => {
      fetched.push(refspec);
      return undefined;
    },
  } as unknown as GitCommandManager;
}

function fakeApi(latest: string | undefined, releases: ApiRelease[] | Error): ReleaseApi & { listed: number } {
  const api = {
    listed: 0,
    latestReleaseTag: async () => latest,
    listReleases: async () => {
      api.listed += 1;
      if (releases instanceof Error) throw releases;
      return releases;
    },
  };
  return api;
}

const TAGS = { 'v0.1.0': sha('1'), 'v0.2.0': sha('2'), 'v0.2.5': sha('3'), 'v0.2.6-rc1': sha('4'), 'v0.3.1': sha('5'), 'v1.0.0': sha('6'), v1: sha('6') };

describe('the release input', () => {
  it('takes entries one a line or comma-separated, each once', () => {
    expect(parseReleaseSelection('latest\n v0.2 , v0.1.0\r\n\nv0.2')).toEqual([
      { kind: 'latest' },
      { kind: 'line', name: 'v0.2', major: 0, minor: 2 },
      { kind: 'tag', name: 'v0.1.0' },
    ]);
    expect(parseReleaseSelection('v1')).toEqual([{ kind: 'line', name: 'v1', major: 1 }]);
    expect(parseReleaseSelection('2.3')).toEqual([{ kind: 'line', name: '2.3', major: 2, minor: 3 }]);
    expect(parseReleaseSelection('none')).toEqual([]);
    expect(parseReleaseSelection('')).toEqual([]);
    expect(() => parseReleaseSelection('none, v1')).toThrow(GateError);
  });

  it('picks the highest stable release of a line by semver, not by text', () => {
    const tags = ['v0.2.0', 'v0.2.10', 'v0.2.9', 'v0.2.11-rc1', 'v0.3.0', 'v1', 'nightly'];
    expect(highestOfLine(tags, { major: 0, minor: 2 })).toBe('v0.2.10');
    expect(highestOfLine(tags, { major: 0 })).toBe('v0.3.0');
    expect(highestOfLine(tags, { major: 1 })).toBeUndefined();
  });
});

describe('resolving the releases', () => {
  it("takes a line's highest GitHub release (no draft, no prerelease), and latest from GitHub", async () => {
    const api = fakeApi('v0.3.1', [
      { tag: 'v0.2.7', draft: true, prerelease: false },
      { tag: 'v0.2.6-rc1', draft: false, prerelease: true },
      { tag: 'v0.3.1', draft: false, prerelease: false },
      { tag: 'v0.2.0', draft: false, prerelease: false },
    ]);
    const choice = await resolveReleases(fakeGit(TAGS), 'latest, v0.2\nv0.1.0', api);
    expect(choice.releases).toEqual([
      { ref: 'v0.3.1', sha: sha('5') },
      { ref: 'v0.2.0', sha: sha('2') },
      { ref: 'v0.1.0', sha: sha('1') },
    ]);
    expect(choice.releases[0]).toEqual({ ref: 'v0.3.1', sha: sha('5') });
    expect(choice.notes).toEqual([]);
  });

  it('lists the releases once, and only when a line asks', async () => {
    const api = fakeApi('v0.3.1', [{ tag: 'v0.2.0', draft: false, prerelease: false }]);
    await resolveReleases(fakeGit(TAGS), 'latest, v0.1.0', api);
    expect(api.listed).toBe(0);
    await resolveReleases(fakeGit(TAGS), 'v0.2, v0', api);
    expect(api.listed).toBe(1);
  });

  it('falls back to the tags without an API, when the line has no GitHub release, or when listing fails', async () => {
    expect((await resolveReleases(fakeGit(TAGS), 'v0.2', undefined)).releases).toEqual([{ ref: 'v0.2.5', sha: sha('3') }]);
    const none = await resolveReleases(fakeGit(TAGS), 'v0.1', fakeApi('v0.3.1', [{ tag: 'v0.3.1', draft: false, prerelease: false }]));
    expect(none.releases).toEqual([{ ref: 'v0.1.0', sha: sha('1') }]);
    expect(none.notes).toEqual(['The line `v0.1` has no GitHub release; using its highest semver tag, `v0.1.0`.']);
    const failing = await resolveReleases(fakeGit(TAGS), 'v1', fakeApi('v0.3.1', new Error('boom')));
    expect(failing.releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }]);
    expect(failing.notes[0]).toMatch(/^The releases could not be listed from GitHub \(.*boom.*\); release lines are taken from the semver tags instead\.$/);
  });

  it('compares a release named twice once, saying so', async () => {
    const choice = await resolveReleases(fakeGit(TAGS), 'latest\nv0.3\nv0.3.1', undefined);
    expect(choice.releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }, { ref: 'v0.3.1', sha: sha('5') }]);
    expect(choice.notes).toEqual(['`v0.3` and `v0.3.1` are the same release, `v0.3.1`: it is compared once.']);
  });

  it('is a gate error for a line without a release and for a tag that cannot be fetched', async () => {
    await expect(resolveReleases(fakeGit(TAGS), 'latest, v2', undefined)).rejects.toThrow(/The release line `v2` has no release/);
    const fetched: string[] = [];
    await expect(resolveReleases(fakeGit(TAGS, fetched), 'v9.9.9', undefined)).rejects.toThrow(/`v9.9.9` does not exist/);
    expect(fetched).toEqual(['refs/tags/v9.9.9']);
  });
});

describe("fetching the latest release while GitHub answers", () => {
  /**
   * Origin's tags, their commits held only once in `held`: the others are fetched (depth 1), each
   * fetch ending when `fetchDone` does. The log says in which order things happened.
   */
  function missingCommits(tags: Record<string, string>, log: string[], { held = new Set<string>(), fetchDone = Promise.resolve() } = {}): GitCommandManager {
    const list = Object.entries(tags).map(([name, commit]) => ({ name, sha: commit }));
    return {
      root: '/repo',
      tryRemoteTags: async () => list,
      tags: async () => list,
      hasCommit: async (commit: string) => held.has(commit),
      tryResolveCommit: async () => undefined,
      tryFetchCommit: async (refspec: string) => {
        log.push(`fetch ${refspec}`);
        await fetchDone;
        log.push(`fetched ${refspec}`);
        return tags[refspec.replace('refs/tags/', '')];
      },
    } as unknown as GitCommandManager;
  }

  /** GitHub's latest release, answered when the test says so. */
  function slowApi(log: string[]): ReleaseApi & { answer(tag: string | undefined | Error): void } {
    let settle!: (tag: string | undefined | Error) => void;
    const answered = new Promise<string | undefined | Error>((resolve) => (settle = resolve));
    return {
      latestReleaseTag: async () => {
        const tag = await answered;
        log.push('GitHub answered');
        if (tag instanceof Error) throw tag;
        return tag;
      },
      listReleases: async () => [],
      answer: (tag) => settle(tag),
    };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("fetches the highest semver tag before GitHub answers, behind the base's fetch, and takes it when GitHub names it", async () => {
    const log: string[] = [];
    const api = slowApi(log);
    let baseDone!: () => void;
    const base = new Promise<void>((resolve) => (baseDone = resolve)).then(() => void log.push('base fetched'));
    const resolving = resolveReleases(missingCommits(TAGS, log), 'latest', api, { fetchAfter: base });
    await settle();
    expect(log).toEqual([]);
    baseDone();
    await settle();
    expect(log).toEqual(['base fetched', 'fetch refs/tags/v1.0.0', 'fetched refs/tags/v1.0.0']);
    api.answer('v1.0.0');
    const choice = await resolving;
    expect(choice.releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }]);
    expect(log).toEqual(['base fetched', 'fetch refs/tags/v1.0.0', 'fetched refs/tags/v1.0.0', 'GitHub answered']);
  });

  it("fetches GitHub's latest release when it is another tag, and the guess was no more than a fetch", async () => {
    const log: string[] = [];
    const api = slowApi(log);
    const resolving = resolveReleases(missingCommits(TAGS, log), 'latest', api, { fetchAfter: Promise.resolve() });
    await settle();
    api.answer('v0.3.1');
    const choice = await resolving;
    expect(choice.releases).toEqual([{ ref: 'v0.3.1', sha: sha('5') }]);
    expect(choice.notes).toEqual([]);
    expect(log).toEqual(['fetch refs/tags/v1.0.0', 'fetched refs/tags/v1.0.0', 'GitHub answered', 'fetch refs/tags/v0.3.1', 'fetched refs/tags/v0.3.1']);
  });

  it('keeps the guessed tag when GitHub fails or has no release, with the same notes as before', async () => {
    const failing = slowApi([]);
    const resolving = resolveReleases(missingCommits(TAGS, []), 'latest', failing);
    failing.answer(new Error('boom'));
    const choice = await resolving;
    expect(choice.releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }]);
    expect(choice.notes[0]).toMatch(/^The latest release could not be read from GitHub \(.*boom.*\); using the highest semver tag instead\.$/);
    const none = slowApi([]);
    const resolvingNone = resolveReleases(missingCommits(TAGS, []), 'latest', none);
    none.answer(undefined);
    expect((await resolvingNone).notes).toEqual(['The repository has no GitHub release; using the highest semver tag, `v1.0.0`.']);
  });

  it('guesses nothing without semver tags, and fetches a named tag once', async () => {
    const log: string[] = [];
    const api = slowApi(log);
    api.answer(undefined);
    const choice = await resolveReleases(missingCommits({ nightly: sha('7') }, log), 'latest, nightly', api);
    expect(choice.releases).toEqual([{ ref: 'nightly', sha: sha('7') }]);
    expect(log).toEqual(['GitHub answered', 'fetch refs/tags/nightly', 'fetched refs/tags/nightly']);

    const named: string[] = [];
    const answering = slowApi(named);
    const both = resolveReleases(missingCommits(TAGS, named), 'latest, v0.3.1', answering);
    answering.answer('v1.0.0');
    expect((await both).releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }, { ref: 'v0.3.1', sha: sha('5') }]);
    expect(named.filter((line) => line.startsWith('fetch '))).toEqual(['fetch refs/tags/v1.0.0', 'fetch refs/tags/v0.3.1']);
  });

  it('drops the guess when GitHub has named another tag by the time the base is had', async () => {
    const log: string[] = [];
    const api = slowApi(log);
    let baseDone!: () => void;
    const base = new Promise<void>((resolve) => (baseDone = resolve));
    const resolving = resolveReleases(missingCommits(TAGS, log), 'latest', api, { fetchAfter: base });
    api.answer('v0.3.1');
    await settle();
    baseDone();
    expect((await resolving).releases).toEqual([{ ref: 'v0.3.1', sha: sha('5') }]);
    expect(log).toEqual(['GitHub answered', 'fetch refs/tags/v0.3.1', 'fetched refs/tags/v0.3.1']);
  });

  it('asks whether a commit is held once the base is had: what the base\'s fetch brought is not fetched again', async () => {
    const log: string[] = [];
    const held = new Set<string>();
    let baseDone!: () => void;
    const base = new Promise<void>((resolve) => (baseDone = resolve)).then(() => void held.add(sha('6')));
    const api = slowApi(log);
    api.answer('v1.0.0');
    const resolving = resolveReleases(missingCommits(TAGS, log, { held }), 'latest', api, { fetchAfter: base });
    await settle();
    baseDone();
    expect((await resolving).releases).toEqual([{ ref: 'v1.0.0', sha: sha('6') }]);
    expect(log.filter((line) => line.startsWith('fetch'))).toEqual([]);
  });

  it('fetches nothing when the base could not be had (the run reports the base)', async () => {
    const log: string[] = [];
    const api = slowApi(log);
    api.answer('v1.0.0');
    const failed = Promise.reject(new Error('no base'));
    failed.catch(() => undefined);
    await expect(resolveReleases(missingCommits(TAGS, log), 'latest', api, { fetchAfter: failed })).rejects.toThrow(/`v1.0.0` does not exist/);
    expect(log.filter((line) => line.startsWith('fetch'))).toEqual([]);
  });

  it('ends only once the guessed fetch has, even when the lookup fails', async () => {
    const log: string[] = [];
    let release!: () => void;
    const fetchDone = new Promise<void>((resolve) => (release = resolve));
    const api = slowApi(log);
    api.answer('v1.0.0');
    let settled = false;
    const resolving = resolveReleases(missingCommits(TAGS, log, { fetchDone }), 'latest, v9', api).finally(() => (settled = true));
    resolving.catch(() => undefined);
    await settle();
    expect(log).toContain('fetch refs/tags/v1.0.0');
    expect(settled).toBe(false);
    release();
    await expect(resolving).rejects.toThrow(/The release line `v9` has no release/);
    expect(log).toContain('fetched refs/tags/v1.0.0');
  });
});

describe('the nearest paths of a ref without configs', () => {
  const paths = ['llama_stack/templates/ollama/run.yaml', 'llama_stack/templates/vllm/run.yaml', 'llama_stack/templates/README.md', 'docs/index.md', 'src/x.ts'];

  it("names the files with the glob's file name", () => {
    expect(nearestPaths(paths, { include: ['src/llama_stack/distributions/*/run.yaml'], exclude: [] })).toEqual([
      'llama_stack/templates/ollama/run.yaml',
      'llama_stack/templates/vllm/run.yaml',
    ]);
  });

  it("else the files in the deepest folder of the glob's literal start that exists, at most five", () => {
    expect(nearestPaths(paths, { include: ['llama_stack/templates/*/config.yaml'], exclude: [] })).toEqual([
      'llama_stack/templates/README.md',
      'llama_stack/templates/ollama/run.yaml',
      'llama_stack/templates/vllm/run.yaml',
    ]);
    const many = Array.from({ length: 9 }, (_, i) => `conf/${i}.json`);
    expect(nearestPaths(many, { include: ['conf/*/x.yaml'], exclude: [] })).toHaveLength(5);
    expect(nearestPaths(paths, { include: ['nowhere/*.toml'], exclude: [] })).toEqual([]);
  });
});
