// Functional: PR data and shards at GitHub's limits. dist/index.js as the runner starts it, on
// actions/checkout's shallow checkout of the merge commit, against a fake API that pages as
// GitHub does (per_page 30 by default, 100 at most, `Link: <…>; rel="next"`) and lists at most
// 250 commits of a pull request.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, runGit, type CommitSpec, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type FakeComment, type GitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const OWNER = 'acme';
const REPO = 'limits';
const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const HUMAN = { login: 'octocat', type: 'User' };

const schema = (kinds: string[]) =>
  JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['name', 'kind'],
    properties: { name: { type: 'string' }, kind: { enum: kinds } },
  });

const MAIN: CommitSpec[] = [
  {
    message: 'feat: first configs',
    files: { 'schema.json': schema(['a', 'b']), 'configs/one.yaml': 'name: one\nkind: a\n', 'configs/two.yaml': 'name: two\nkind: b\n' },
  },
  { message: 'docs: readme', files: { 'README.md': '# limits\n' } },
];

/** A PR whose first commit drops kind `a` (breaking configs/one.yaml), then `messages.length - 1` more commits. */
function buildRepo(number: number, messages: string[], options: { kinds?: string[]; mainMovesOn?: number } = {}): Promise<PullRequestRepo> {
  return buildPullRequestRepo({
    main: MAIN,
    pr: {
      number,
      commits: messages.map((message, i) => ({
        message,
        files: i === 0 ? { 'schema.json': schema(options.kinds ?? ['b']) } : { [`notes/${i}.md`]: `${i}\n` },
      })),
    },
    ...(options.mainMovesOn
      ? { mainAfterBranch: Array.from({ length: options.mainMovesOn }, (_, i) => ({ message: `ci: step ${i}`, files: { [`ci/${i}.txt`]: `${i}\n` } })) }
      : {}),
  });
}

function apiState(repo: PullRequestRepo, title: string, extra: Partial<GitHubApiState> = {}): GitHubApiState {
  return {
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [repo.number]: {
        title,
        labels: [],
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [],
    comments: {},
    ...extra,
  };
}

const cleanups: Array<() => Promise<void>> = [];
let tempRoot = '';

interface Run extends ActionRun {
  workspace: string;
}

async function run(
  repo: PullRequestRepo,
  api: GitHubApi,
  options: { title: string; labels?: string[]; inputs?: Record<string, string>; action?: 'opened' | 'labeled' | 'synchronize' } = { title: '' },
): Promise<Run> {
  const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
  const result = await runAction({
    workspace,
    api,
    tempRoot,
    timeoutMs: 120_000,
    inputs: { configs: 'configs/*.yaml', schema: 'schema.json', release: 'none', comment: 'never', ...options.inputs },
    event: pullRequestEvent({
      owner: OWNER,
      repo: REPO,
      number: repo.number,
      title: options.title,
      labels: options.labels ?? [],
      head: { sha: repo.headSha, ref: repo.headRef },
      base: { sha: repo.baseSha, ref: repo.baseRef },
      mergeSha: repo.mergeSha,
      commits: repo.prCommits.length,
      ...(options.action ? { action: options.action } : {}),
    }),
  });
  cleanups.push(result.dispose);
  return { ...result, workspace };
}

const explain = (result: ActionRun) => `exit ${result.exitCode}, outputs ${JSON.stringify(result.outputs)}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-1000)}`;

function pagesRead(result: ActionRun, route: string): Array<[string | undefined, string | undefined]> {
  return result.requests.filter((r) => r.method === 'GET' && r.path === route).map((r) => [r.query['page'], r.query['per_page']]);
}

interface AckReason {
  kind: string;
  sha?: string;
  label?: string;
  text?: string;
}

function reasons(result: ActionRun): AckReason[] {
  return (result.report?.acknowledgement['reasons'] as AckReason[] | undefined) ?? [];
}

describe.skipIf(!existsSync(ACTION_ENTRY))("PR data and shards at GitHub's limits (dist/index.js)", () => {
  let long: PullRequestRepo;
  let short: PullRequestRepo;
  let plain: PullRequestRepo;

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-limits-'));
    const messages = Array.from({ length: 300 }, (_, i) =>
      i === 0 ? 'feat(schema): drop kind a' : i === 9 ? 'chore: step 10\n\nBREAKING CHANGE: configs of kind a must move to b' : `chore: step ${i + 1}`,
    );
    [long, short, plain] = await Promise.all([
      buildRepo(31, messages, { mainMovesOn: 3 }),
      buildRepo(32, ['feat(schema): drop kind a', 'chore: notes\n\nBREAKING CHANGE: configs of kind a must move to b']),
      buildRepo(33, ['feat(schema): drop kind a']),
    ]);
    cleanups.push(long.cleanup, short.cleanup, plain.cleanup);
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  describe('a PR of 300 commits, the API listing 250', () => {
    let result: Run;
    let api: GitHubApi;

    beforeAll(async () => {
      api = await startGitHubApi(apiState(long, 'feat(schema): drop kind a'));
      result = await run(long, api, { title: 'feat(schema): drop kind a' });
    }, 180_000);

    afterAll(() => api.close());

    it('acknowledges the BREAKING CHANGE: footer of commit 10, read with every other commit from git', () => {
      expect(result.outputs['verdict'], explain(result)).toBe('acknowledged');
      expect(result.exitCode).toBe(0);
      expect(result.outputs['broken']).toBe('1');
      expect(reasons(result)).toEqual([{ kind: 'commit', sha: long.prCommits[9]!.sha, text: 'BREAKING CHANGE: configs of kind a must move to b' }]);
      expect(result.report?.acknowledgement['sources']).toEqual({ title: 'api', labels: 'api', commits: 'git' });
      expect(result.summary).toContain(`Commits of PR #31 come from git because the GitHub API lists 250 of its 300 commits (it stops at 250).`);
    });

    it("follows the commits list's Link headers to its last page, 100 a page", () => {
      expect(pagesRead(result, `/repos/${OWNER}/${REPO}/pulls/31/commits`)).toEqual([
        [undefined, '100'],
        ['2', '100'],
        ['3', '100'],
      ]);
    });

    it('deepens the shallow checkout to the merge base, so that the PR and no more is read', async () => {
      const git = (args: string[]) => runGit(result.workspace, args, long.env);
      expect(await git(['merge-base', long.baseSha, long.headSha])).toBe(long.forkPointSha);
      expect(await git(['rev-list', '--count', `${long.baseSha}..${long.headSha}`])).toBe('300');
    });
  });

  it('reads a short PR from the API alone and fetches none of its commits', async () => {
    const api = await startGitHubApi(apiState(short, 'feat(schema): drop kind a'));
    try {
      const result = await run(short, api, { title: 'feat(schema): drop kind a' });
      expect(result.outputs['verdict'], explain(result)).toBe('acknowledged');
      expect(reasons(result)).toEqual([{ kind: 'commit', sha: short.prCommits[1]!.sha, text: 'BREAKING CHANGE: configs of kind a must move to b' }]);
      expect(result.report?.acknowledgement['sources']).toEqual({ title: 'api', labels: 'api', commits: 'api' });
      // The checkout has the merge commit alone; the PR head was never fetched.
      await expect(runGit(result.workspace, ['cat-file', '-e', `${short.headSha}^{commit}`], short.env)).rejects.toThrow();
    } finally {
      await api.close();
    }
  });

  it('finds the acknowledging label on the second page of the labels list', async () => {
    const filler = Array.from({ length: 120 }, (_, i) => `area/${String(i).padStart(3, '0')}`);
    const api = await startGitHubApi(apiState(plain, 'feat(schema): drop kind a'));
    api.state.pulls![33]!.labels = [...filler, 'breaking-change'];
    try {
      const result = await run(plain, api, { title: 'feat(schema): drop kind a' });
      expect(result.outputs['verdict'], explain(result)).toBe('acknowledged');
      expect(reasons(result)).toEqual([{ kind: 'label', label: 'breaking-change' }]);
      expect(pagesRead(result, `/repos/${OWNER}/${REPO}/issues/33/labels`)).toEqual([
        [undefined, '100'],
        ['2', '100'],
      ]);
    } finally {
      await api.close();
    }
  });

  describe('the sticky comment', () => {
    let api: GitHubApi;
    let ours: string;

    beforeAll(async () => {
      api = await startGitHubApi(apiState(plain, 'feat(schema): drop kind a'));
      const first = await run(plain, api, { title: 'feat(schema): drop kind a', inputs: { comment: 'auto' } });
      expect(first.outputs['verdict'], explain(first)).toBe('breaking');
      const created = api.state.comments?.[33] ?? [];
      expect(created, explain(first)).toHaveLength(1);
      ours = created[0]!.body;
    }, 120_000);

    afterAll(() => api.close());

    const comment = (id: number, body: string, user = HUMAN): FakeComment => ({
      id,
      body,
      user,
      created_at: new Date(Date.UTC(2024, 4, 1, 12, 0, id)).toISOString(),
      updated_at: new Date(Date.UTC(2024, 4, 1, 12, 0, id)).toISOString(),
    });
    const stale = () => ours.replace('configs/one.yaml', 'configs/old.yaml');

    it('finds its comment on page 3 of the comments and updates it in place', async () => {
      const list = Array.from({ length: 230 }, (_, i) => comment(i + 1, `comment ${i + 1}`));
      list.push(comment(231, stale(), BOT));
      for (let i = 232; i <= 250; i++) list.push(comment(i, `comment ${i}`));
      api.state.comments = { 33: list };
      const result = await run(plain, api, { title: 'feat(schema): drop kind a', inputs: { comment: 'auto' } });
      expect(result.outputs['verdict'], explain(result)).toBe('breaking');
      expect(pagesRead(result, `/repos/${OWNER}/${REPO}/issues/33/comments`)).toEqual([
        ['1', '100'],
        ['2', '100'],
        ['3', '100'],
      ]);
      expect(result.requests.filter((r) => r.method === 'POST' || r.method === 'DELETE')).toEqual([]);
      expect(result.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/231`]);
      expect(api.state.comments[33]).toHaveLength(250);
      expect(api.state.comments[33]![230]!.body).toBe(ours);
    });

    it('heals two of its comments left by earlier runs: the oldest stays, updated, the other is deleted', async () => {
      const quoted = comment(3, ours, HUMAN);
      api.state.comments = { 33: [comment(1, 'LGTM'), comment(2, stale(), BOT), quoted, comment(4, ours, BOT)] };
      const result = await run(plain, api, { title: 'feat(schema): drop kind a', inputs: { comment: 'auto' } });
      expect(result.outputs['verdict'], explain(result)).toBe('breaking');
      expect(result.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/4`]);
      expect(result.requests.filter((r) => r.method === 'POST')).toEqual([]);
      // The human's quote of the marker is not the gate's: it stays, untouched.
      expect(api.state.comments[33]!.map((c) => [c.id, c.body === ours])).toEqual([
        [1, false],
        [2, true],
        [3, true],
      ]);
      expect(result.stdout).toContain('PR comment: updated; removed 1 duplicate(s) of it.');
    });

    it('leaves one comment when two runs (opened and labeled) start at once', async () => {
      api.state.comments = { 33: [] };
      const [opened, labeled] = await Promise.all([
        run(plain, api, { title: 'feat(schema): drop kind a', inputs: { comment: 'auto' }, action: 'opened' }),
        run(plain, api, { title: 'feat(schema): drop kind a', inputs: { comment: 'auto' }, action: 'labeled' }),
      ]);
      expect(opened.outputs['verdict'], explain(opened)).toBe('breaking');
      expect(labeled.outputs['verdict'], explain(labeled)).toBe('breaking');
      const left = api.state.comments[33]!;
      expect(left).toHaveLength(1);
      expect(left[0]!.body).toBe(ours);
      // The fake numbers new comments from 1001: the one left is the first one created.
      expect(left[0]!.id).toBe(1001);
    }, 120_000);
  });

  describe('merging shard reports', () => {
    let older: PullRequestRepo;
    let newer: PullRequestRepo;
    let api: GitHubApi;
    const shards: Record<'older' | 'newer', string[]> = { older: [], newer: [] };

    beforeAll(async () => {
      // One PR, two pushes: the first kept kind a, the second drops it. main is the same for both.
      [older, newer] = await Promise.all([
        buildRepo(34, ['feat(schema): allow kind c'], { kinds: ['a', 'b', 'c'] }),
        // Its first commit drops kind a: configs/one.yaml breaks.
        buildRepo(34, ['refactor(schema): drop kind a', 'docs: notes']),
      ]);
      cleanups.push(older.cleanup, newer.cleanup);
      expect(older.baseSha).toBe(newer.baseSha);
      api = await startGitHubApi(apiState(older, 'feat(schema): allow kind c'));
      for (const [name, repo] of [
        ['older', older],
        ['newer', newer],
      ] as const) {
        // The API says what the PR was at the time of each push.
        api.state.pulls = apiState(repo, 'feat(schema): allow kind c').pulls;
        for (const index of [1, 2]) {
          const shard = await run(repo, api, { title: 'feat(schema): allow kind c', inputs: { shard: `${index}/2` } });
          expect(shard.outputs['report'], explain(shard)).toBeDefined();
          shards[name].push(shard.outputs['report']!);
        }
      }
    }, 180_000);

    afterAll(() => api.close());

    const merge = (reports: string[]) =>
      run(newer, api, { title: 'feat(schema): allow kind c', inputs: { configs: '', schema: '', 'merge-reports': reports.join('\n') } });

    it('merges the shards of the newest push into its verdict', async () => {
      const merged = await merge(shards.newer);
      expect(merged.outputs['verdict'], explain(merged)).toBe('breaking');
      expect(merged.outputs['broken']).toBe('1');
    });

    it.each([1, 2])('refuses shard %i/2 of the older push, naming it and what differs', async (index) => {
      const reports = [...shards.newer];
      reports[index - 1] = shards.older[index - 1]!;
      const merged = await merge(reports);
      expect(merged.outputs['verdict'], explain(merged)).toBe('error');
      expect(merged.exitCode).toBe(1);
      const message = String((merged.report?.['error'] as { message?: string } | undefined)?.message);
      expect(message).toContain(`shard ${index}/2 has PR head sha ${older.headSha.slice(0, 12)} where the other has ${newer.headSha.slice(0, 12)}`);
      expect(message).toContain(`shard ${index}/2 has head sha ${older.mergeSha.slice(0, 12)} where the other has ${newer.mergeSha.slice(0, 12)}`);
      expect(merged.summary).toContain(`shard ${index}/2`);
    });

    it('refuses the shards of an older push altogether, for the run of a newer one', async () => {
      const merged = await merge(shards.older);
      expect(merged.outputs['verdict'], explain(merged)).toBe('error');
      expect(String((merged.report?.['error'] as { message?: string }).message)).toContain(
        `the shards judged PR head ${older.headSha.slice(0, 12)}, but this run is for PR head ${newer.headSha.slice(0, 12)} (a newer push)`,
      );
    });

    it('refuses a shard judged with another yaml-version', async () => {
      const odd = await run(newer, api, { title: 'feat(schema): allow kind c', inputs: { shard: '2/2', 'yaml-version': '1.1' } });
      const merged = await merge([shards.newer[0]!, odd.outputs['report']!]);
      expect(merged.outputs['verdict'], explain(merged)).toBe('error');
      expect(String((merged.report?.['error'] as { message?: string }).message)).toContain('shard 2/2 has `yaml-version` `1.1` where the other has `1.2`');
    });
  });
});
