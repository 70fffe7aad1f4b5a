import { describe, expect, it } from 'vitest';
import { baseCandidate } from '../../src/refs/base.js';

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
