import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A commit as `GET /repos/{o}/{r}/pulls/{n}/commits` lists it (the fields the gate reads). */
export interface FakeCommit {
  sha: string;
  commit: { message: string };
}

/** A pull request as the fake API serves it; labels are names. */
export interface FakePull {
  title: string;
  body?: string | null;
  labels: string[];
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  commits: FakeCommit[];
  draft?: boolean;
  state?: 'open' | 'closed';
  mergeCommitSha?: string;
}

/** A release; `/releases/latest` picks the newest one that is neither draft nor prerelease. */
export interface FakeRelease {
  id?: number;
  tag_name: string;
  name?: string;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
  created_at?: string;
  target_commitish?: string;
}

/** An issue comment; the fake assigns ids to comments created through the API. */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

/**
 * A forced failure: `500`/`502` server errors, `404`, `403` ("Resource not accessible by
 * integration") or `rate-limit` (403 with `x-ratelimit-remaining: 0`, as GitHub answers).
 */
export type Fault = 500 | 502 | 403 | 404 | 'rate-limit';

/** Makes the requests matching `method` (any when absent) and `path` fail, `times` times (always when absent). */
export interface FaultRule {
  method?: string;
  path: string | RegExp;
  fault: Fault;
  times?: number;
}

/** Everything the fake API serves; tests mutate it between and during runs. */
export interface GitHubApiState {
  owner: string;
  repo: string;
  defaultBranch?: string;
  pulls?: Record<number, FakePull>;
  releases?: FakeRelease[];
  /** Comments by issue / pull request number. */
  comments?: Record<number, FakeComment[]>;
  tags?: Array<{ name: string; sha: string }>;
  faults?: FaultRule[];
  /** Refuse every write with 403 "Resource not accessible by integration" (a fork PR's token). */
  readOnly?: boolean;
  /** When set, every request must carry `authorization: token <T>` or `Bearer <T>`, else 401. */
  requireToken?: string;
  /** Who the comments created through the API belong to. */
  commenter?: { login: string; type: string };
  /**
   * The merge settings `GET /repos/{o}/{r}` returns (`allow_squash_merge`, `squash_merge_commit_title`, …);
   * left out of the answer when absent, as GitHub does for a token without the rights to see them.
   */
  mergeSettings?: {
    allow_squash_merge?: boolean;
    allow_merge_commit?: boolean;
    allow_rebase_merge?: boolean;
    squash_merge_commit_title?: 'PR_TITLE' | 'COMMIT_OR_PR_TITLE';
    squash_merge_commit_message?: 'PR_BODY' | 'COMMIT_MESSAGES' | 'BLANK';
    merge_commit_title?: 'PR_TITLE' | 'MERGE_MESSAGE';
    merge_commit_message?: 'PR_BODY' | 'PR_TITLE' | 'BLANK';
  };
}

/** One request the fake received, as a test asserts on it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

/** A running fake API: its base URL (for `GITHUB_API_URL`), the live state, and what it was asked. */
export interface GitHubApi {
  url: string;
  port: number;
  state: GitHubApiState;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const DEFAULT_PER_PAGE = 30;
// GitHub caps per_page at 100 on every list endpoint.
const MAX_PER_PAGE = 100;
// "The response includes a maximum of 250 commits" (GET /repos/{owner}/{repo}/pulls/{n}/commits).
const MAX_PULL_COMMITS = 250;

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class Exchange {
  constructor(
    readonly api: { url: string; state: GitHubApiState },
    readonly method: string,
    readonly url: URL,
    readonly body: unknown,
  ) {}

  page<T>(items: readonly T[]): Answer {
    const perPage = Math.min(MAX_PER_PAGE, positiveInt(this.url.searchParams.get('per_page')) ?? DEFAULT_PER_PAGE);
    const page = positiveInt(this.url.searchParams.get('page')) ?? 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const target = new URL(this.url.pathname, this.api.url);
      for (const [key, value] of this.url.searchParams) target.searchParams.set(key, value);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

function notFound(): Answer {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

function faultAnswer(fault: Fault): Answer {
  switch (fault) {
    case 500:
      return { status: 500, body: { message: 'Server Error' } };
    case 502:
      return { status: 502, body: { message: 'Server Error' } };
    case 404:
      return notFound();
    case 403:
      return forbidden();
    case 'rate-limit':
      return {
        status: 403,
        body: {
          message: 'API rate limit exceeded for installation ID 4242.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-resource': 'core',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        },
      };
  }
}

function forbidden(): Answer {
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`,
      status: '403',
    },
  };
}

function takeFault(state: GitHubApiState, method: string, path: string): Fault | undefined {
  const rules = state.faults ?? [];
  const index = rules.findIndex(
    (rule) =>
      (rule.method === undefined || rule.method.toUpperCase() === method) &&
      (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)),
  );
  const rule = rules[index];
  if (rule === undefined) return undefined;
  if (rule.times !== undefined) {
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(index, 1);
  }
  return rule.fault;
}

function authorized(state: GitHubApiState, header: string | undefined): boolean {
  if (state.requireToken === undefined) return true;
  const match = /^(token|bearer)\s+(\S+)$/i.exec(header ?? '');
  return match?.[2] === state.requireToken;
}

function label(name: string, index: number): Record<string, unknown> {
  return { id: 9000 + index, node_id: `LA_${index}`, name, color: 'ededed', default: false, description: null };
}

function user(login: string): Record<string, unknown> {
  return { login, id: 1, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function repoJson(api: { url: string; state: GitHubApiState }): Record<string, unknown> {
  const { owner, repo } = api.state;
  return {
    id: 4242,
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { login: owner, type: 'Organization' },
    private: false,
    fork: false,
    default_branch: api.state.defaultBranch ?? 'main',
    html_url: `${api.url}/${owner}/${repo}`,
    url: `${api.url}/repos/${owner}/${repo}`,
    ...api.state.mergeSettings,
  };
}

function pullJson(api: { url: string; state: GitHubApiState }, number: number, pull: FakePull): Record<string, unknown> {
  const { owner, repo } = api.state;
  const repository = repoJson(api);
  return {
    url: `${api.url}/repos/${owner}/${repo}/pulls/${number}`,
    html_url: `${api.url}/${owner}/${repo}/pull/${number}`,
    id: 100000 + number,
    number,
    state: pull.state ?? 'open',
    title: pull.title,
    body: pull.body ?? null,
    user: user('contributor'),
    labels: pull.labels.map(label),
    draft: pull.draft ?? false,
    merged: false,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    head: { label: `${owner}:${pull.head.ref}`, ref: pull.head.ref, sha: pull.head.sha, repo: repository, user: user(owner) },
    base: { label: `${owner}:${pull.base.ref}`, ref: pull.base.ref, sha: pull.base.sha, repo: repository, user: user(owner) },
    commits: pull.commits.length,
  };
}

function commitJson(api: { url: string; state: GitHubApiState }, commit: FakeCommit): Record<string, unknown> {
  const { owner, repo } = api.state;
  const who = { name: 'Contributor', email: 'contributor@example.com', date: '2024-05-01T12:00:00Z' };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    url: `${api.url}/repos/${owner}/${repo}/commits/${commit.sha}`,
    html_url: `${api.url}/${owner}/${repo}/commit/${commit.sha}`,
    commit: { ...commit.commit, author: who, committer: who },
    parents: [],
  };
}

function issueJson(api: { url: string; state: GitHubApiState }, number: number, pull: FakePull): Record<string, unknown> {
  const { owner, repo } = api.state;
  return {
    number,
    title: pull.title,
    body: pull.body ?? null,
    state: pull.state ?? 'open',
    labels: pull.labels.map(label),
    user: user('contributor'),
    pull_request: { url: `${api.url}/repos/${owner}/${repo}/pulls/${number}` },
  };
}

function commentJson(api: { url: string; state: GitHubApiState }, number: number, comment: FakeComment): Record<string, unknown> {
  const { owner, repo } = api.state;
  return {
    ...comment,
    user: { ...user(comment.user.login), type: comment.user.type },
    url: `${api.url}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    html_url: `${api.url}/${owner}/${repo}/pull/${number}#issuecomment-${comment.id}`,
    issue_url: `${api.url}/repos/${owner}/${repo}/issues/${number}`,
  };
}

function latestRelease(releases: readonly FakeRelease[]): FakeRelease | undefined {
  const stamp = (release: FakeRelease): string => release.published_at ?? release.created_at ?? '';
  return releases
    .filter((release) => !release.draft && !release.prerelease)
    .reduce<FakeRelease | undefined>((best, release) => (best === undefined || stamp(release) > stamp(best) ? release : best), undefined);
}

function releaseJson(api: { url: string; state: GitHubApiState }, release: FakeRelease, index: number): Record<string, unknown> {
  const { owner, repo } = api.state;
  const id = release.id ?? 5000 + index;
  return {
    ...release,
    id,
    url: `${api.url}/repos/${owner}/${repo}/releases/${id}`,
    html_url: `${api.url}/${owner}/${repo}/releases/tag/${encodeURIComponent(release.tag_name)}`,
    name: release.name ?? release.tag_name,
    target_commitish: release.target_commitish ?? 'main',
    created_at: release.created_at ?? release.published_at,
  };
}

function findComment(state: GitHubApiState, id: number): { number: number; list: FakeComment[]; index: number } | undefined {
  for (const [number, list] of Object.entries(state.comments ?? {})) {
    const index = list.findIndex((comment) => comment.id === id);
    if (index >= 0) return { number: Number(number), list, index };
  }
  return undefined;
}

function nextCommentId(state: GitHubApiState): number {
  const ids = Object.values(state.comments ?? {}).flatMap((list) => list.map((comment) => comment.id));
  return Math.max(1000, ...ids) + 1;
}

function commentBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const text = (body as { body?: unknown }).body;
  return typeof text === 'string' ? text : undefined;
}

function unprocessable(message: string): Answer {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ message }], documentation_url: DOCS, status: '422' } };
}

function route(x: Exchange): Answer {
  const { state } = x.api;
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(x.url.pathname);
  if (repoMatch === null) return notFound();
  const [, owner, repo, restOrUndefined] = repoMatch;
  if (owner !== state.owner || repo !== state.repo) return notFound();
  const rest = restOrUndefined ?? '';
  const get = x.method === 'GET';
  const pulls = state.pulls ?? {};
  let m: RegExpExecArray | null;

  if (get && rest === '') return { status: 200, body: repoJson(x.api) };
  if (get && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
    const pull = pulls[Number(m[1])];
    return pull ? { status: 200, body: pullJson(x.api, Number(m[1]), pull) } : notFound();
  }
  if (get && (m = /^\/pulls\/(\d+)\/commits$/.exec(rest))) {
    const pull = pulls[Number(m[1])];
    return pull ? x.page(pull.commits.slice(0, MAX_PULL_COMMITS).map((c) => commitJson(x.api, c))) : notFound();
  }
  if (get && (m = /^\/issues\/(\d+)$/.exec(rest))) {
    const pull = pulls[Number(m[1])];
    return pull ? { status: 200, body: issueJson(x.api, Number(m[1]), pull) } : notFound();
  }
  if (get && (m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
    const pull = pulls[Number(m[1])];
    return pull ? x.page(pull.labels.map(label)) : notFound();
  }
  if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
    const number = Number(m[1]);
    if (pulls[number] === undefined) return notFound();
    const comments = (state.comments ??= {});
    const list = (comments[number] ??= []);
    if (get) return x.page(list.map((comment) => commentJson(x.api, number, comment)));
    if (x.method === 'POST') {
      const body = commentBody(x.body);
      if (body === undefined) return unprocessable('body is missing');
      const now = new Date().toISOString();
      const comment: FakeComment = {
        id: nextCommentId(state),
        body,
        user: state.commenter ?? { login: 'github-actions[bot]', type: 'Bot' },
        created_at: now,
        updated_at: now,
      };
      list.push(comment);
      return { status: 201, body: commentJson(x.api, number, comment) };
    }
  }
  if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
    const found = findComment(state, Number(m[1]));
    const comment = found?.list[found.index];
    if (found === undefined || comment === undefined) return notFound();
    if (get) return { status: 200, body: commentJson(x.api, found.number, comment) };
    if (x.method === 'PATCH') {
      const body = commentBody(x.body);
      if (body === undefined) return unprocessable('body is missing');
      comment.body = body;
      comment.updated_at = new Date().toISOString();
      return { status: 200, body: commentJson(x.api, found.number, comment) };
    }
    if (x.method === 'DELETE') {
      found.list.splice(found.index, 1);
      return { status: 204 };
    }
  }
  const releases = state.releases ?? [];
  if (get && rest === '/releases') return x.page(releases.map((release, i) => releaseJson(x.api, release, i)));
  if (get && rest === '/releases/latest') {
    const latest = latestRelease(releases);
    return latest ? { status: 200, body: releaseJson(x.api, latest, releases.indexOf(latest)) } : notFound();
  }
  if (get && (m = /^\/releases\/tags\/(.+)$/.exec(rest))) {
    const tag = decodeURIComponent(m[1] ?? '');
    const index = releases.findIndex((release) => release.tag_name === tag && !release.draft);
    const release = releases[index];
    return release ? { status: 200, body: releaseJson(x.api, release, index) } : notFound();
  }
  if (get && rest === '/tags') {
    return x.page((state.tags ?? []).map((tag) => ({ name: tag.name, commit: { sha: tag.sha } })));
  }
  return notFound();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Serves the GitHub REST endpoints compat-gate uses on 127.0.0.1 (a free port), from `state`,
 * which the test may change at any time. Records every request, known or not.
 */
export async function startGitHubApi(state: GitHubApiState): Promise<GitHubApi> {
  const requests: RecordedRequest[] = [];
  const api = { url: '', state };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', api.url);
    const body = parseBody(await readBody(request));
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      status: 0,
    };
    requests.push(recorded);

    const fault = takeFault(state, method, url.pathname);
    let answer: Answer;
    if (fault !== undefined) answer = faultAnswer(fault);
    else if (!authorized(state, headers['authorization']))
      answer = { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
    else if (state.readOnly && method !== 'GET' && method !== 'HEAD') answer = forbidden();
    else answer = route(new Exchange(api, method, url, body));

    recorded.status = answer.status;
    const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${requests.length}`,
      ...answer.headers,
    });
    response.end(payload);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `fake API failure: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  api.url = `http://127.0.0.1:${port}`;

  return {
    url: api.url,
    port,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
