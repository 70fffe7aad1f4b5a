// Functional: which release drift is measured against, what kind of drift each config is,
// the merge queue, and runs with no GitHub API at all.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type GitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const OWNER = 'acme';
const REPO = 'tool';

const schema = (kinds: string[]) =>
  JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['name', 'kind'],
    properties: { name: { type: 'string' }, kind: { enum: kinds } },
  });

/**
 * Release v1.0.0 has three configs that main later moved away: r-new loads on main's schema
 * and not on the PR's, r-existing fails on both, r-fixed fails on main's and loads on the PR's.
 * main's own config loads on both sides. Tags for the semver fallback: v0.9.0, v0.10.0-rc1 …
 */
async function buildRepo(number: number, prTitle: string, prKinds = ['b', 'c']): Promise<PullRequestRepo> {
  return buildPullRequestRepo({
    main: [
      {
        message: 'feat: first configs',
        files: {
          'schema.json': schema(['a', 'b']),
          'configs/r-new.yaml': 'name: x\nkind: a\n',
          'configs/r-existing.yaml': 'name: 1\nkind: a\n',
          'configs/r-fixed.yaml': 'name: x\nkind: c\n',
        },
      },
      {
        message: 'refactor: move configs',
        files: {
          'configs/r-new.yaml': null,
          'configs/r-existing.yaml': null,
          'configs/r-fixed.yaml': null,
          'configs/main.yaml': 'name: m\nkind: b\n',
        },
      },
    ],
    tags: [
      { name: 'v0.9.0', commit: 0 },
      { name: 'v0.10.0', commit: 0, message: 'release 0.10.0' },
      { name: 'v0.11.0-rc1', commit: 1 },
      { name: 'nightly', commit: 1 },
    ],
    pr: { number, commits: [{ message: prTitle, files: { 'schema.json': schema(prKinds) } }] },
  });
}

const cleanups: Array<() => Promise<void>> = [];
let tempRoot = '';

async function run(
  repo: PullRequestRepo,
  options: {
    title: string;
    labels?: string[];
    inputs?: Record<string, string>;
    state?: Partial<GitHubApiState>;
    event?: Record<string, unknown>;
    eventName?: string;
    /** An API to reuse across runs (left running); a fresh one otherwise. */
    api?: GitHubApi;
  },
): Promise<ActionRun> {
  const api = options.api ?? await startGitHubApi({
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [repo.number]: {
        title: options.title,
        labels: options.labels ?? [],
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [{ tag_name: 'v0.9.0', draft: false, prerelease: false, published_at: '2025-01-01T00:00:00Z' }],
    comments: {},
    ...options.state,
  });
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const result = await runAction({
      workspace,
      api,
      tempRoot,
      inputs: { configs: 'configs/*.yaml', schema: 'schema.json', comment: 'never', ...options.inputs },
      ...(options.eventName ? { eventName: options.eventName } : {}),
      event:
        options.event ??
        pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: repo.number,
          title: options.title,
          labels: options.labels ?? [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          mergeSha: repo.mergeSha,
          commits: repo.prCommits.length,
        }),
    });
    cleanups.push(result.dispose);
    return result;
  } finally {
    if (!options.api) await api.close();
  }
}

const explain = (result: ActionRun) => `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-1000)}`;

describe.skipIf(!existsSync(ACTION_ENTRY))('release drift, merge queue and no API (dist/index.js)', () => {
  let repo: PullRequestRepo;

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-release-'));
    repo = await buildRepo(21, 'feat: allow kind c, drop kind a');
    cleanups.push(repo.cleanup);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await rm(tempRoot, { recursive: true, force: true });
  });

  it("takes GitHub's latest release and sorts its configs into new, existing and fixed drift", async () => {
    const result = await run(repo, { title: 'feat: allow kind c, drop kind a' });
    expect(result.outputs['verdict'], explain(result)).toBe('pass');
    expect(result.outputs['release']).toBe('v0.9.0');
    expect(result.outputs['drift']).toBe('2');
    const drift = (result.report as unknown as { drift: { counts: Record<string, number>; configs: Array<{ path: string; status: string }> } }).drift;
    expect(drift.counts).toMatchObject({ configs: 3, new: 1, existing: 1, fixed: 1 });
    expect(Object.fromEntries(drift.configs.map((c) => [c.path, c.status]))).toEqual({
      'configs/r-new.yaml': 'new',
      'configs/r-existing.yaml': 'existing',
      'configs/r-fixed.yaml': 'fixed',
    });
    expect(result.summary).toContain('### Release drift');
    expect(result.annotations.some((a) => a.level === 'warning' && a.file === 'configs/r-new.yaml')).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('fails on new drift with fail-on-drift', async () => {
    const result = await run(repo, { title: 'feat: allow kind c, drop kind a', inputs: { 'fail-on-drift': 'true' } });
    expect(result.outputs['verdict'], explain(result)).toBe('breaking');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['broken']).toBe('0');
  });

  it('falls back to the highest semver tag without a GitHub release, ignoring prereleases and other tags', async () => {
    const result = await run(repo, {
      title: 'feat: allow kind c, drop kind a',
      state: { releases: [{ tag_name: 'v0.11.0-rc1', draft: false, prerelease: true, published_at: '2025-03-01T00:00:00Z' }] },
    });
    expect(result.outputs['release'], explain(result)).toBe('v0.10.0');
    expect(result.outputs['drift']).toBe('2');
  });

  it('compares with a named tag, and says error naming a tag that does not exist', async () => {
    const named = await run(repo, { title: 'x', inputs: { release: 'v0.9.0' } });
    expect(named.outputs['release'], explain(named)).toBe('v0.9.0');
    const missing = await run(repo, { title: 'x', inputs: { release: 'v9.9.9' } });
    expect(missing.outputs['verdict'], explain(missing)).toBe('error');
    expect(missing.summary).toContain('v9.9.9');
  });

  it('skips drift with release: none', async () => {
    const result = await run(repo, { title: 'x', inputs: { release: 'none' } });
    expect(result.outputs['release'], explain(result)).toBe('');
    expect(result.outputs['drift']).toBe('0');
    expect(result.summary).not.toContain('Release drift');
  });

  it('judges a merge group by the queued PR’s own title, read from the API', async () => {
    const breaking = await buildRepo(22, 'feat: drop kind b', ['a', 'c']);
    cleanups.push(breaking.cleanup);
    // main.yaml (kind b) breaks; the queued PR's title acknowledges it.
    const queueRef = `refs/heads/gh-readonly-queue/main/pr-22-${breaking.headSha}`;
    const event = {
      action: 'checks_requested',
      merge_group: { head_sha: breaking.mergeSha, head_ref: queueRef, base_sha: breaking.baseSha, base_ref: 'refs/heads/main' },
      repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER }, default_branch: 'main' },
    };
    const acknowledged = await run(breaking, {
      title: 'feat(kinds)!: drop kind b',
      eventName: 'merge_group',
      event,
      inputs: { schema: 'schema.json', release: 'none' },
    });
    expect(acknowledged.outputs['verdict'], explain(acknowledged)).toBe('acknowledged');
    expect(acknowledged.requests.some((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/pulls/22`)).toBe(true);

    const notAcknowledged = await run(breaking, { title: 'feat(kinds): drop kind b', eventName: 'merge_group', event, inputs: { release: 'none' } });
    expect(notAcknowledged.outputs['verdict'], explain(notAcknowledged)).toBe('breaking');
  });

  it('comments once on a break, then rewrites that comment as resolved when a later push fixes it', async () => {
    const broken = await buildRepo(24, 'feat: drop kind b', ['a', 'c']);
    const fixed = await buildRepo(24, 'feat: drop kind b', ['a', 'b', 'c']);
    cleanups.push(broken.cleanup, fixed.cleanup);
    const api = await startGitHubApi({ owner: OWNER, repo: REPO, requireToken: TEST_TOKEN, pulls: {}, releases: [], comments: {} });
    const serve = (repo: PullRequestRepo) => {
      api.state.pulls = {
        24: {
          title: 'feat: drop kind b',
          labels: [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
          mergeCommitSha: repo.mergeSha,
        },
      };
    };
    try {
      serve(broken);
      const first = await run(broken, { title: 'feat: drop kind b', api, inputs: { comment: 'auto', release: 'none' } });
      expect(first.outputs['verdict'], explain(first)).toBe('breaking');
      const comments = () => api.state.comments?.[24] ?? [];
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.body).toContain('configs/main.yaml');
      expect(comments()[0]!.body).toMatch(/^<!-- compat-gate:comment key=/);

      serve(fixed);
      const second = await run(fixed, { title: 'feat: drop kind b', api, inputs: { comment: 'auto', release: 'none' } });
      expect(second.outputs['verdict'], explain(second)).toBe('pass');
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.body).toMatch(/resolved/i);
      expect(second.requests.filter((r) => r.method === 'POST')).toEqual([]);

      // Nothing new to say on a third green run: the resolved comment is left as it is.
      const third = await run(fixed, { title: 'feat: drop kind b', api, inputs: { comment: 'auto', release: 'none' } });
      expect(third.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')).toEqual([]);
      expect(comments()).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('keeps failing for the break, not for the comment, when the token cannot write (a fork PR)', async () => {
    const broken = await buildRepo(25, 'feat: drop kind b', ['a', 'c']);
    cleanups.push(broken.cleanup);
    const result = await run(broken, { title: 'feat: drop kind b', inputs: { comment: 'auto', release: 'none' }, state: { readOnly: true } });
    expect(result.outputs['verdict'], explain(result)).toBe('breaking');
    expect(result.annotations.some((a) => a.level === 'warning' && /comment could not be written/.test(a.message))).toBe(true);
    expect(result.summary).toMatch(/PR comment could not be written/);
    expect(result.summary).toContain('configs/main.yaml');
    // The JSON report says it too: it is written once GitHub has answered about the comment.
    expect((result.report?.notes as string[] | undefined)?.some((note) => /PR comment could not be written/.test(note)), explain(result)).toBe(true);
  });

  it('splits the configs over shards and merges the partial reports into the same verdict', async () => {
    const shards = [];
    for (const index of [1, 2, 3]) {
      const shard = await run(repo, { title: 'feat: allow kind c, drop kind a', inputs: { shard: `${index}/3`, 'fail-on-drift': 'true' } });
      expect(shard.outputs['verdict'], explain(shard)).toBeDefined();
      // A shard never fails the job for a break: the merging job decides.
      expect(shard.exitCode, explain(shard)).toBe(0);
      expect(shard.outputs['report']).toMatch(new RegExp(`report-shard-${index}-of-3\\.json$`));
      shards.push(shard);
    }
    const judged = shards.flatMap((shard) => shard.report?.configs.map((c) => c.path) ?? []);
    expect(judged.sort()).toEqual(['configs/main.yaml']);
    const merged = await run(repo, {
      title: 'feat: allow kind c, drop kind a',
      inputs: { configs: '', schema: '', 'merge-reports': shards.map((shard) => shard.outputs['report']).join('\n'), 'fail-on-drift': 'true' },
    });
    expect(merged.outputs['verdict'], explain(merged)).toBe('breaking');
    expect(merged.exitCode).toBe(1);
    expect(merged.outputs['drift']).toBe('2');
    const drift = (merged.report as unknown as { drift: { counts: Record<string, number> }; shards: number });
    expect(drift.drift.counts).toMatchObject({ configs: 3, new: 1, existing: 1, fixed: 1 });
    expect(drift.shards).toBe(3);

    const incomplete = await run(repo, { title: 'x', inputs: { configs: '', schema: '', 'merge-reports': shards[0]!.outputs['report']! } });
    expect(incomplete.outputs['verdict'], explain(incomplete)).toBe('error');
    expect(incomplete.summary).toContain('missing shard 2/3, 3/3');
  });

  it('works with no API at all: the event payload and git decide, and the summary says so', async () => {
    const breaking = await buildRepo(23, 'feat: drop kind b\n\nBREAKING CHANGE: kind b configs must move to c', ['a', 'c']);
    cleanups.push(breaking.cleanup);
    const result = await run(breaking, {
      title: 'feat: drop kind b',
      inputs: { 'github-token': '' },
      // Nothing listens there: any API call would fail.
      state: { faults: [{ path: /.*/, fault: 500 }] },
    });
    expect(result.outputs['verdict'], explain(result)).toBe('acknowledged');
    expect(result.requests).toEqual([]);
    expect(result.outputs['release']).toBe('v0.10.0');
    expect(result.summary).toMatch(/commits from git/);
    expect(result.summary).toMatch(/no github-token was given/);
  });
});
