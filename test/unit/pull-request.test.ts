import { describe, it, expect } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import {
  describeApiFailure,
  octokitPullRequestApi,
  pullRequestFromEvent,
  pullRequestNumber,
  readPullRequest,
  type PullRequestApi,
  type PullRequestCommit,
} from '../../src/refs/pull-request.js';
import { acknowledge } from '../../src/verdict/acknowledgement.js';

const TOKEN = 'ghs_abcdefghijklmnopqrstuvwxyz0123456789';

/** An HTTP-like failure, shaped as Octokit's RequestError (status + message). */
class FakeRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface FakePull {
  title: string;
  labels: string[];
  commits: PullRequestCommit[];
  commitCount?: number;
}

/** A PullRequestApi over an in-memory set of PRs; `failPull` / `failCommits` make a call throw. */
class FakePullRequestApi implements PullRequestApi {
  readonly calls: string[] = [];
  constructor(
    private readonly pulls: Record<number, FakePull>,
    private readonly failures: { pull?: Error; commits?: Error } = {},
  ) {}

  async getPull(number: number) {
    this.calls.push(`getPull ${number}`);
    if (this.failures.pull) throw this.failures.pull;
    const pull = this.pulls[number];
    if (!pull) throw new FakeRequestError(404, 'Not Found');
    return {
      title: pull.title,
      labels: pull.labels,
      headSha: `head-${number}`,
      baseSha: `base-${number}`,
      baseRef: 'main',
      ...(pull.commitCount === undefined ? {} : { commitCount: pull.commitCount }),
    };
  }

  async listCommits(number: number) {
    this.calls.push(`listCommits ${number}`);
    if (this.failures.commits) throw this.failures.commits;
    const pull = this.pulls[number];
    if (!pull) throw new FakeRequestError(404, 'Not Found');
    return pull.commits;
  }
}

function pullRequestEvent(overrides: { title?: string; labels?: string[] } = {}) {
  return {
    action: 'synchronize',
    pull_request: {
      number: 7,
      title: overrides.title ?? 'feat: add a key',
      labels: (overrides.labels ?? []).map((name) => ({ name, color: 'ededed' })),
      head: { sha: 'event-head', ref: 'topic' },
      base: { sha: 'event-base', ref: 'main' },
    },
  };
}

const gitCommits = (commits: PullRequestCommit[]) => async () => commits;

describe('pullRequestNumber', () => {
  it.each([
    ['pull_request', { pull_request: { number: 12 } }, 12],
    ['pull_request_target', { pull_request: { number: 13 } }, 13],
    ['pull_request_review', { pull_request: { number: 14 } }, 14],
    ['merge_group', { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-abc123' } }, 42],
    ['merge_group', { merge_group: { head_ref: 'gh-readonly-queue/release/1.x/pr-42-abc123' } }, 42],
    [
      'merge_group',
      { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/team/pr-9-x/pr-108-0123456789abcdef0123456789abcdef01234567' } },
      108,
    ],
    ['issue_comment', { issue: { number: 5, pull_request: { url: 'https://api.github.com/…/pulls/5' } } }, 5],
  ])('reads the PR of a %s event', (eventName, payload, expected) => {
    expect(pullRequestNumber(eventName, payload)).toBe(expected);
  });

  it.each([
    ['push', { before: 'a', after: 'b' }],
    ['issue_comment', { issue: { number: 5 } }],
    ['merge_group', { merge_group: { head_ref: 'refs/heads/main' } }],
    ['merge_group', { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/pr-42-abc123' } }],
    ['merge_group', { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-x-abc123' } }],
    ['merge_group', {}],
    ['pull_request', { pull_request: { number: '7' } }],
    ['pull_request', null],
  ])('finds no PR in a %s event shaped %j', (eventName, payload) => {
    expect(pullRequestNumber(eventName, payload)).toBeUndefined();
  });
});

describe('pullRequestFromEvent', () => {
  it('reads title, labels and shas of a pull_request payload', () => {
    expect(pullRequestFromEvent('pull_request', pullRequestEvent({ labels: ['a', 'b'] }))).toEqual({
      number: 7,
      title: 'feat: add a key',
      labels: ['a', 'b'],
      headSha: 'event-head',
      baseSha: 'event-base',
      baseRef: 'main',
    });
  });

  it('reads title and labels of the PR an issue_comment is on', () => {
    const payload = { issue: { number: 5, title: 'feat!: x', labels: [{ name: 'breaking-change' }], pull_request: {} } };
    expect(pullRequestFromEvent('issue_comment', payload)).toEqual({ number: 5, title: 'feat!: x', labels: ['breaking-change'] });
  });

  it('has nothing for a merge_group event', () => {
    expect(pullRequestFromEvent('merge_group', { merge_group: { head_ref: 'gh-readonly-queue/main/pr-1-ab' } })).toBeUndefined();
  });
});

describe('readPullRequest', () => {
  it('takes the live API title over a stale event title', async () => {
    const api = new FakePullRequestApi({
      7: { title: 'feat!: drop the old key', labels: [], commits: [{ sha: 'c1', message: 'feat: add a key' }] },
    });
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent({ title: 'feat: drop the old key' }),
      api,
      gitCommits: () => Promise.reject(new Error('git must not be used when the API answers')),
    });
    expect(context.title).toBe('feat!: drop the old key');
    expect(context.sources).toEqual({ title: 'api', labels: 'api', commits: 'api' });
    expect(context.commits).toEqual([{ sha: 'c1', message: 'feat: add a key' }]);
    expect(context).toMatchObject({ number: 7, headSha: 'head-7', baseSha: 'base-7', baseRef: 'main' });
    expect(context.notes).toEqual([]);
  });

  it('acknowledges through a label that only the API knows (added after the event)', async () => {
    const api = new FakePullRequestApi({ 7: { title: 'feat: add a key', labels: ['Breaking-Change'], commits: [] } });
    const context = await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api });
    const verdict = acknowledge({ ...context, ackLabels: ['breaking-change'] });
    expect(verdict).toEqual({ acknowledged: true, reasons: [{ kind: 'label', label: 'Breaking-Change' }] });
  });

  it('falls back to the event title and labels and to git commits when the API fails, saying why', async () => {
    const api = new FakePullRequestApi(
      {},
      { pull: new FakeRequestError(503, 'Service Unavailable\n    at fetch (node:internal)'), commits: new FakeRequestError(503, 'Service Unavailable') },
    );
    const fromGit = [{ sha: 'g1', message: 'refactor: x\n\nBREAKING CHANGE: x moved' }];
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent({ title: 'Rework loader', labels: ['breaking-change'] }),
      api,
      gitCommits: gitCommits(fromGit),
    });
    expect(context).toMatchObject({
      title: 'Rework loader',
      labels: ['breaking-change'],
      commits: fromGit,
      headSha: 'event-head',
      sources: { title: 'event', labels: 'event', commits: 'git' },
    });
    expect(context.notes).toHaveLength(2);
    expect(context.notes[0]).toContain('Title and labels of PR #7 come from the pull_request event payload');
    expect(context.notes[0]).toContain('503 Service Unavailable');
    expect(context.notes[1]).toBe('Commits of PR #7 come from git because the GitHub API failed (503 Service Unavailable).');
    for (const note of context.notes) {
      expect(note).not.toMatch(/\n|at fetch/);
    }
  });

  it('uses the API for title and labels and git for commits when only listing commits fails', async () => {
    const api = new FakePullRequestApi(
      { 7: { title: 'feat!: x', labels: [], commits: [] } },
      { commits: new FakeRequestError(502, 'Bad Gateway') },
    );
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent(),
      api,
      gitCommits: gitCommits([{ sha: 'g1', message: 'feat: y' }]),
    });
    expect(context.sources).toEqual({ title: 'api', labels: 'api', commits: 'git' });
    expect(context.title).toBe('feat!: x');
    expect(context.notes).toEqual(['Commits of PR #7 come from git because the GitHub API failed (502 Bad Gateway).']);
  });

  it('says the token needs pull-requests: read when the API refuses', async () => {
    const refused = new FakeRequestError(403, 'Resource not accessible by integration');
    const api = new FakePullRequestApi({}, { pull: refused, commits: refused });
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent(),
      api,
      gitCommits: gitCommits([]),
    });
    expect(context.notes[0]).toContain('403 Resource not accessible by integration; the github-token needs `pull-requests: read`');
  });

  it('reads the event and git without a token, and says so', async () => {
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent({ title: 'feat(api)!: x' }),
      gitCommits: gitCommits([{ sha: 'g1', message: 'feat: y' }]),
    });
    expect(context).toMatchObject({ title: 'feat(api)!: x', sources: { title: 'event', labels: 'event', commits: 'git' } });
    expect(context.notes).toEqual([
      'Title and labels of PR #7 come from the pull_request event payload because no github-token was given; ' +
        'a re-run will not see a title edited or a label added since the event.',
      'Commits of PR #7 come from git because no github-token was given.',
    ]);
  });

  it('judges a merge-queue entry by the queued PR read from the API', async () => {
    const payload = { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/release/1.x/pr-42-abc123', head_sha: 'abc123' } };
    const api = new FakePullRequestApi({
      42: { title: 'fix(schema)!: tighten port', labels: [], commits: [{ sha: 'q1', message: 'fix: port' }] },
    });
    const number = pullRequestNumber('merge_group', payload);
    const context = await readPullRequest({ number, eventName: 'merge_group', payload, api });
    expect(api.calls).toEqual(['getPull 42', 'listCommits 42']);
    expect(context).toMatchObject({ number: 42, title: 'fix(schema)!: tighten port', sources: { title: 'api' } });
  });

  it('has no title or labels for a merge-queue entry without the API, only git commits', async () => {
    const payload = { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-abc123' } };
    const context = await readPullRequest({
      number: 42,
      eventName: 'merge_group',
      payload,
      gitCommits: gitCommits([{ sha: 'g1', message: 'feat!: x' }]),
    });
    expect(context.title).toBeUndefined();
    expect(context.labels).toEqual([]);
    expect(context.sources).toEqual({ title: 'none', labels: 'none', commits: 'git' });
    expect(context.notes[0]).toBe(
      'PR #42 has no title or labels to judge: no github-token was given, and the merge_group event payload does not carry them; ' +
        'only its commits can acknowledge a break.',
    );
  });

  it('does not take title and labels from an event about another PR', async () => {
    const context = await readPullRequest({ number: 8, eventName: 'pull_request', payload: pullRequestEvent(), gitCommits: gitCommits([]) });
    expect(context.title).toBeUndefined();
    expect(context.sources.title).toBe('none');
  });

  it('notes a failing git fallback and judges with no commits', async () => {
    const context = await readPullRequest({
      number: 7,
      eventName: 'pull_request',
      payload: pullRequestEvent(),
      gitCommits: () => Promise.reject(new Error(`fatal: could not read from https://x-access-token:${TOKEN}@github.com/o/r\nmore`)),
    });
    expect(context.commits).toEqual([]);
    expect(context.sources.commits).toBe('none');
    const note = context.notes[1] ?? '';
    expect(note).toMatch(/^No commits of PR #7 were read: no github-token was given, and git failed \(fatal: could not read/);
    expect(note).not.toContain(TOKEN);
    expect(note).not.toContain('\n');
  });

  it('notes that commits cannot acknowledge when there is neither an API nor git', async () => {
    const context = await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent() });
    expect(context.sources.commits).toBe('none');
    expect(context.notes[1]).toBe(
      'No commits of PR #7 were read: no github-token was given, and git is not available; commits cannot acknowledge a break.',
    );
  });

  it('reads commits from git when the API stops at 250 of a longer PR', async () => {
    const listed = Array.from({ length: 250 }, (_, i) => ({ sha: `a${i}`, message: 'chore: step' }));
    const all = [...listed, { sha: 'a250', message: 'feat: last\n\nBREAKING CHANGE: last' }];
    const api = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed, commitCount: 251 } });
    const context = await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api, gitCommits: gitCommits(all) });
    expect(context.commits).toHaveLength(251);
    expect(context.sources.commits).toBe('git');
    expect(context.notes).toEqual([
      'Commits of PR #7 come from git because the GitHub API lists 250 of its 251 commits (it stops at 250).',
    ]);
  });

  it('asks git, with the head and count the API gives, only when the API list may be cut', async () => {
    const asked: Array<{ headSha?: string; commitCount?: number }> = [];
    const fromGit = (pull: { headSha?: string; commitCount?: number }) => {
      asked.push(pull);
      return Promise.resolve([]);
    };
    const listed = Array.from({ length: 250 }, (_, i) => ({ sha: `a${i}`, message: 'chore: step' }));
    // 250 listed and no count: GitHub's cap, so the list may be cut.
    const capped = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed } });
    await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api: capped, gitCommits: fromGit });
    // Exactly 250 of 250: complete. 249 and no count: complete.
    const exact = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed, commitCount: 250 } });
    const whole = await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api: exact, gitCommits: fromGit });
    const short = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed.slice(1) } });
    await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api: short, gitCommits: fromGit });
    const longer = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed, commitCount: 300 } });
    await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api: longer, gitCommits: fromGit });
    expect(whole.sources.commits).toBe('api');
    expect(asked).toEqual([{ headSha: 'head-7' }, { headSha: 'head-7', commitCount: 300 }]);
  });

  it('keeps the 250 listed commits, with a note, when git cannot give the rest', async () => {
    const listed = Array.from({ length: 250 }, (_, i) => ({ sha: `a${i}`, message: 'chore: step' }));
    const api = new FakePullRequestApi({ 7: { title: 't', labels: [], commits: listed, commitCount: 300 } });
    const context = await readPullRequest({ number: 7, eventName: 'pull_request', payload: pullRequestEvent(), api });
    expect(context.commits).toHaveLength(250);
    expect(context.sources.commits).toBe('api');
    expect(context.notes).toEqual([
      'Only 250 commits of PR #7 were checked for a breaking change: the GitHub API lists 250 of its 300 commits (it stops at 250), and git is not available.',
    ]);
  });

  it('is empty without a PR number (a push), and reads nothing', async () => {
    const api = new FakePullRequestApi({});
    let gitCalled = false;
    const context = await readPullRequest({
      number: undefined,
      eventName: 'push',
      payload: { before: 'a', after: 'b' },
      api,
      gitCommits: async () => {
        gitCalled = true;
        return [];
      },
    });
    expect(context).toEqual({ labels: [], commits: [], sources: { title: 'none', labels: 'none', commits: 'none' }, notes: [] });
    expect(api.calls).toEqual([]);
    expect(gitCalled).toBe(false);
  });
});

describe('describeApiFailure', () => {
  it('gives the status and the first line of the message, masking tokens', () => {
    const error = new FakeRequestError(500, `fetch failed for ${TOKEN}\n    at Object.fetch (file:///x.js:1:1)`);
    expect(describeApiFailure(error)).toBe('500 fetch failed for ***');
  });

  it('describes a thrown non-error', () => {
    expect(describeApiFailure('socket hang up')).toBe('socket hang up');
  });
});

describe('octokitPullRequestApi', () => {
  type Route = (url: URL, attempt: number) => { status: number; body: unknown; link?: string };

  /** compat-gate's GitHub client, its HTTP sent to `route` instead of the network. */
  function fakeGitHub(route: Route) {
    const requests: URL[] = [];
    const fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      requests.push(url);
      const { status, body, link } = route(url, requests.length);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...(link ? { link } : {}) },
      });
    };
    const octokit = createGitHubClient(TOKEN, { baseUrl: 'https://api.github.test', fetch, retryBaseMs: 1 });
    return { api: octokitPullRequestApi(octokit, 'acme', 'gate'), requests };
  }

  it('reads a pull request: title, label names, shas, commit count', async () => {
    const { api, requests } = fakeGitHub(() => ({
      status: 200,
      body: {
        number: 3,
        title: 'feat!: x',
        labels: [{ id: 1, name: 'breaking-change', color: 'ff0000' }],
        head: { sha: 'h1', ref: 'topic' },
        base: { sha: 'b1', ref: 'main' },
        commits: 4,
      },
    }));
    await expect(api.getPull(3)).resolves.toEqual({
      title: 'feat!: x',
      labels: ['breaking-change'],
      headSha: 'h1',
      baseSha: 'b1',
      baseRef: 'main',
      commitCount: 4,
    });
    expect(requests.map((url) => url.pathname)).toEqual(['/repos/acme/gate/pulls/3']);
  });

  it('lists commits across pages, 100 a page', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ sha: `s${from + i}`, commit: { message: `m${from + i}` } }));
    const { api, requests } = fakeGitHub((url) =>
      url.searchParams.get('page') === '2'
        ? { status: 200, body: page(100, 20) }
        : {
            status: 200,
            body: page(0, 100),
            link: '<https://api.github.test/repos/acme/gate/pulls/3/commits?per_page=100&page=2>; rel="next"',
          },
    );
    const commits = await api.listCommits(3);
    expect(commits).toHaveLength(120);
    expect(commits[119]).toEqual({ sha: 's119', message: 'm119' });
    expect(requests.map((url) => url.searchParams.get('per_page'))).toEqual(['100', '100']);
    expect(requests[0]?.pathname).toBe('/repos/acme/gate/pulls/3/commits');
  });

  it('lists labels across pages, following the Link header', async () => {
    const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i, name: `area/${from + i}` }));
    const { api, requests } = fakeGitHub((url) =>
      url.searchParams.get('page') === '2'
        ? { status: 200, body: [...names(100, 4), { id: 999, name: 'breaking-change' }] }
        : {
            status: 200,
            body: names(0, 100),
            link: '<https://api.github.test/repos/acme/gate/issues/3/labels?per_page=100&page=2>; rel="next", <https://api.github.test/repos/acme/gate/issues/3/labels?per_page=100&page=2>; rel="last"',
          },
    );
    const labels = await api.listLabels!(3);
    expect(labels).toHaveLength(105);
    expect(labels.at(-1)).toBe('breaking-change');
    expect(requests.map((url) => [url.pathname, url.searchParams.get('page')])).toEqual([
      ['/repos/acme/gate/issues/3/labels', null],
      ['/repos/acme/gate/issues/3/labels', '2'],
    ]);
  });

  it('judges by the paged label list rather than the labels the pull request object carries', async () => {
    const api: PullRequestApi = {
      getPull: async () => ({ title: 'refactor: x', labels: ['area/api'], headSha: 'h', baseSha: 'b', baseRef: 'main', commitCount: 0 }),
      listCommits: async () => [],
      listLabels: async () => ['area/api', 'breaking-change'],
    };
    const context = await readPullRequest({ number: 3, eventName: 'pull_request', payload: {}, api });
    expect(context.labels).toEqual(['area/api', 'breaking-change']);
    expect(context.sources.labels).toBe('api');
  });

  it('surfaces an HTTP failure as a one-line note without the token', async () => {
    const { api } = fakeGitHub(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    }));
    const context = await readPullRequest({ number: 3, eventName: 'merge_group', payload: {}, api, gitCommits: gitCommits([]) });
    expect(context.sources).toEqual({ title: 'none', labels: 'none', commits: 'git' });
    expect(context.notes[0]).toContain('(403 Resource not accessible by integration');
    expect(context.notes.join('\n')).not.toContain(TOKEN);
    expect(context.notes.every((note) => !note.includes('\n'))).toBe(true);
  });

  it('retries a 5xx and then reads the pull request', async () => {
    const pull = { title: 'feat!: x', labels: [], head: { sha: 'h' }, base: { sha: 'b', ref: 'main' } };
    const { api, requests } = fakeGitHub(
      (_url, attempt) => (attempt === 1 ? { status: 502, body: { message: 'Bad Gateway' } } : { status: 200, body: pull }),
    );
    await expect(api.getPull(3)).resolves.toMatchObject({ title: 'feat!: x' });
    expect(requests).toHaveLength(2);
  });

  it('gives up on a 5xx after the last retry', async () => {
    const { api, requests } = fakeGitHub(() => ({ status: 503, body: { message: 'Service Unavailable' } }));
    await expect(api.listCommits(3)).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const { api, requests } = fakeGitHub(() => ({ status: 404, body: { message: 'Not Found' } }));
    await expect(api.getPull(3)).rejects.toMatchObject({ status: 404 });
    expect(requests).toHaveLength(1);
  });

  it('reports a network failure without the 500 that Octokit gives it', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND api.github.test') });
    };
    const octokit = createGitHubClient(TOKEN, { baseUrl: 'https://api.github.test', fetch, retryBaseMs: 1 });
    const api = octokitPullRequestApi(octokit, 'acme', 'gate');
    const error = await api.getPull(3).catch((caught: unknown) => caught);
    expect(describeApiFailure(error)).toBe('getaddrinfo ENOTFOUND api.github.test');
  });
});
