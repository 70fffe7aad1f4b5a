import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/errors.js';
import type { GitCommandManager } from '../../src/git/git.js';
import { baseCandidate, resolveBase } from '../../src/refs/base.js';

const sha = (c: string) => c.repeat(40);

describe('which ref gates the PR', () => {
  it('takes the PR base sha and branch from a pull_request event', () => {
    expect(baseCandidate({ eventName: 'pull_request', payload: { pull_request: { base: { ref: 'main', sha: sha('a') } } } })).toEqual({ ref: 'main', sha: sha('a') });
  });

  it('reads only string fields of the payload: a base sha of another type names no base', () => {
    const payload = { pull_request: { base: { ref: 'main', sha: 42 } }, repository: { default_branch: 'trunk' } };
    expect(baseCandidate({ eventName: 'pull_request', payload })).toEqual({ ref: 'trunk' });
    expect(baseCandidate({ eventName: 'pull_request', payload: { pull_request: 'not an object' } })).toEqual({ none: 'the pull_request run names no base' });
  });

  it('takes the same from pull_request_target', () => {
    expect(baseCandidate({ eventName: 'pull_request_target', payload: { pull_request: { base: { ref: 'dev', sha: sha('b') } } } })).toEqual({ ref: 'dev', sha: sha('b') });
  });

  it('takes the merge group base sha, without refs/heads/', () => {
    const payload = { merge_group: { base_sha: sha('c'), base_ref: 'refs/heads/main', head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-abc' } };
    expect(baseCandidate({ eventName: 'merge_group', payload })).toEqual({ ref: 'main', sha: sha('c') });
  });

  it('compares a push with the commit before it', () => {
    expect(baseCandidate({ eventName: 'push', payload: { before: sha('d'), ref: 'refs/heads/main' } })).toEqual({ ref: sha('d').slice(0, 12), sha: sha('d') });
  });

  it('compares the first push of a branch (all-zero before) with the default branch', () => {
    const payload = { before: sha('0'), ref: 'refs/heads/feature', repository: { default_branch: 'main' } };
    expect(baseCandidate({ eventName: 'push', payload })).toEqual({ ref: 'main' });
  });

  it('has nothing to compare on the first push of the default branch itself', () => {
    const payload = { before: sha('0'), ref: 'refs/heads/main', repository: { default_branch: 'main' } };
    const candidate = baseCandidate({ eventName: 'push', payload });
    expect('none' in candidate && candidate.none).toMatch(/first push of main/);
  });

  it('lets the base input win over the event', () => {
    const payload = { pull_request: { base: { ref: 'main', sha: sha('a') } } };
    expect(baseCandidate({ input: 'release/1.x', eventName: 'pull_request', payload })).toEqual({ ref: 'release/1.x' });
    expect(baseCandidate({ input: sha('e'), eventName: 'pull_request', payload })).toEqual({ ref: sha('e').slice(0, 12), sha: sha('e') });
  });

  it('falls back to the default branch for other events', () => {
    expect(baseCandidate({ eventName: 'workflow_dispatch', payload: { repository: { default_branch: 'trunk' } } })).toEqual({ ref: 'trunk' });
  });
});

describe('resolving the base, and the work done while git fetches it', () => {
  /** A checkout holding `have`, whose origin serves `served` (by sha, or by branch name), logging each step. */
  function fakeGit(have: string[], served: { shas?: string[]; branches?: Record<string, string> }) {
    const steps: string[] = [];
    const present = new Set(have);
    const git = {
      tryResolveCommit: async (ref: string) => (present.has(ref) ? ref : undefined),
      hasCommit: async (sha: string) => present.has(sha),
      tryFetch: async ([spec]: string[]) => {
        steps.push(`fetch ${spec}`);
        const sha = served.shas?.includes(spec!) ? spec : served.branches?.[spec!.replace('refs/heads/', '')];
        if (sha) present.add(sha);
        return Boolean(sha);
      },
      tryFetchCommit: async (spec: string) => {
        steps.push(`fetch ${spec}`);
        const sha = served.branches?.[spec];
        if (sha) present.add(sha);
        return sha;
      },
    } as unknown as GitCommandManager;
    return { git, steps, meanwhile: () => void steps.push('meanwhile') };
  }

  it('does nothing meanwhile when the checkout has the base', async () => {
    const { git, steps, meanwhile } = fakeGit([sha('a')], {});
    expect(await resolveBase(git, { ref: 'main', sha: sha('a') }, meanwhile)).toEqual({ ref: 'main', sha: sha('a') });
    expect(steps).toEqual([]);
  });

  it('starts the other work once, as git starts fetching, however many fetches it takes', async () => {
    const bySha = fakeGit([], { shas: [sha('a')] });
    await resolveBase(bySha.git, { ref: 'main', sha: sha('a') }, bySha.meanwhile);
    expect(bySha.steps).toEqual(['meanwhile', `fetch ${sha('a')}`]);

    // A server that refuses a bare sha serves the branch it is on.
    const byBranch = fakeGit([], { branches: { main: sha('b') } });
    await resolveBase(byBranch.git, { ref: 'main', sha: sha('b') }, byBranch.meanwhile);
    expect(byBranch.steps).toEqual(['meanwhile', `fetch ${sha('b')}`, 'fetch refs/heads/main']);

    const byName = fakeGit([], { branches: { main: sha('c') } });
    expect(await resolveBase(byName.git, { ref: 'main' }, byName.meanwhile)).toEqual({ ref: 'main', sha: sha('c') });
    expect(byName.steps).toEqual(['meanwhile', 'fetch main']);
  });

  it('still fails naming the base when nothing can be fetched', async () => {
    const { git, steps, meanwhile } = fakeGit([], {});
    await expect(resolveBase(git, { ref: 'main', sha: sha('d') }, meanwhile)).rejects.toThrow(GateError);
    await expect(resolveBase(git, { ref: 'main', sha: sha('d') })).rejects.toThrow(/The base `main` \(dddddddddddd\) is not in the checkout/);
    expect(steps.filter((step) => step === 'meanwhile')).toHaveLength(1);
  });
});
