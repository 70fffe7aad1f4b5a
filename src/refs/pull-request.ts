import { GateError, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import { httpStatus, isRateLimited, redact, statusAndMessage } from '../github/errors.js';

/** One commit of the pull request, as the acknowledgement rules read it. */
export interface PullRequestCommit {
  sha: string;
  message: string;
}

/** A pull request as one source (the API or the event payload) describes it. */
export interface PullRequestData {
  number: number;
  title?: string;
  /** The PR description. */
  body?: string;
  labels: string[];
  headSha?: string;
  baseSha?: string;
  baseRef?: string;
  commits?: PullRequestCommit[];
}

/** What the gate reads about a pull request from the GitHub API; tests pass a hand-written fake. */
export interface PullRequestApi {
  /** `commitCount` is the PR's total number of commits, when the API says it. */
  getPull(number: number): Promise<{
    title: string;
    /** The PR description; GitHub sends null for none. */
    body?: string;
    labels: string[];
    headSha: string;
    baseSha: string;
    baseRef: string;
    commitCount?: number;
  }>;
  /** Every commit of the PR, all pages (GitHub stops at 250, see LIST_COMMITS_LIMIT). */
  listCommits(number: number): Promise<PullRequestCommit[]>;
  /** Every label of the PR, all pages; without it the labels of `getPull` count. */
  listLabels?(number: number): Promise<string[]>;
}

/**
 * GitHub's "List commits on a pull request" endpoint returns at most 250 commits, whatever the
 * paging ("Lists a maximum of 250 commits for a pull request"). Longer PRs need git.
 */
export const LIST_COMMITS_LIMIT = 250;

const PER_PAGE = 100;

// A type alias, not an interface: Octokit's parameter type has an index signature, which only
// type literals satisfy.
type PullsParams = {
  owner: string;
  repo: string;
  pull_number: number;
};

interface ApiPull {
  title: string;
  body?: string | null;
  labels: Array<{ name?: string } | string>;
  head: { sha: string };
  base: { sha: string; ref: string };
  commits?: number;
}

interface ApiCommit {
  sha: string;
  commit: { message: string };
}

type IssueParams = { owner: string; repo: string; issue_number: number };

/** The part of the GitHub client (github/client.ts) that `octokitPullRequestApi` uses. */
export interface OctokitLike {
  rest: {
    pulls: {
      get(params: PullsParams): Promise<{ data: ApiPull }>;
      listCommits(params: PullsParams & { per_page?: number; page?: number }): Promise<{ data: ApiCommit[] }>;
    };
    issues: {
      listLabelsOnIssue(params: IssueParams & { per_page?: number; page?: number }): Promise<{ data: Array<{ name?: string }> }>;
    };
  };
  // Octokit's paginate follows each answer's `Link: <…>; rel="next"` to the last page.
  paginate: {
    (method: OctokitLike['rest']['pulls']['listCommits'], params: PullsParams & { per_page: number }): Promise<ApiCommit[]>;
    (method: OctokitLike['rest']['issues']['listLabelsOnIssue'], params: IssueParams & { per_page: number }): Promise<Array<{ name?: string }>>;
  };
}

/**
 * The PullRequestApi of a repository, backed by an Octokit client (src/github/client.ts,
 * which retries 5xx answers and waits out short rate limits).
 */
export function octokitPullRequestApi(octokit: OctokitLike, owner: string, repo: string): PullRequestApi {
  return {
    async getPull(number) {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
      return {
        title: data.title,
        ...(typeof data.body === 'string' ? { body: data.body } : {}),
        labels: labelNames(data.labels),
        headSha: data.head.sha,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        ...(typeof data.commits === 'number' ? { commitCount: data.commits } : {}),
      };
    },
    async listCommits(number) {
      const commits = await octokit.paginate(octokit.rest.pulls.listCommits, { owner, repo, pull_number: number, per_page: PER_PAGE });
      return commits.map((commit) => ({ sha: commit.sha, message: commit.commit.message }));
    },
    async listLabels(number) {
      return labelNames(await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: number, per_page: PER_PAGE }));
    },
  };
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

// GitHub names a merge queue branch `gh-readonly-queue/<base>/pr-<N>-<head sha>`; the base may
// hold slashes, so the PR part is matched from the end.
const MERGE_QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-fA-F]+$/;

/**
 * The number of the PR an event is about: the PR of a `pull_request*` event, the queued PR of a
 * `merge_group` event (from its queue ref), the PR commented on by `issue_comment`; else undefined.
 */
export function pullRequestNumber(eventName: string, payload: unknown): number | undefined {
  if (PULL_REQUEST_EVENTS.has(eventName)) return positiveInteger(field(payload, 'pull_request', 'number'));
  if (eventName === 'merge_group') {
    const headRef = field(payload, 'merge_group', 'head_ref');
    const match = typeof headRef === 'string' ? MERGE_QUEUE_REF.exec(headRef) : null;
    return match ? positiveInteger(Number(match[1])) : undefined;
  }
  if (eventName === 'issue_comment' && field(payload, 'issue', 'pull_request')) {
    return positiveInteger(field(payload, 'issue', 'number'));
  }
  return undefined;
}

/**
 * The PR as the event payload describes it, as of when the event fired: `pull_request*` events
 * carry it whole, `issue_comment` on a PR carries its title and labels, `merge_group` nothing.
 */
export function pullRequestFromEvent(eventName: string, payload: unknown): PullRequestData | undefined {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const pull = field(payload, 'pull_request');
    const number = positiveInteger(field(pull, 'number'));
    if (number === undefined) return undefined;
    return {
      number,
      ...optionalString('title', field(pull, 'title')),
      ...optionalString('body', field(pull, 'body')),
      labels: labelNames(field(pull, 'labels')),
      ...optionalString('headSha', field(pull, 'head', 'sha')),
      ...optionalString('baseSha', field(pull, 'base', 'sha')),
      ...optionalString('baseRef', field(pull, 'base', 'ref')),
    };
  }
  const issue = field(payload, 'issue');
  if (eventName === 'issue_comment' && field(issue, 'pull_request')) {
    const number = positiveInteger(field(issue, 'number'));
    if (number === undefined) return undefined;
    return { number, ...optionalString('title', field(issue, 'title')), labels: labelNames(field(issue, 'labels')) };
  }
  return undefined;
}

/** Title, labels and commits of the PR the gate judges, where each came from, and what fell back. */
/** Where a piece of PR data came from: the live API, the event payload, git, the CLI's flags, or nowhere. */
export type PullRequestSource = 'api' | 'event' | 'git' | 'cli' | 'none';

export interface PullRequestContext {
  title?: string;
  /** The PR description, read with the title (what a squash merge may take as its body). */
  body?: string;
  labels: string[];
  commits: PullRequestCommit[];
  number?: number;
  headSha?: string;
  baseSha?: string;
  baseRef?: string;
  sources: { title: PullRequestSource; labels: PullRequestSource; commits: PullRequestSource };
  /** One line per fallback: what could not be read and what was used instead. */
  notes: string[];
}

/**
 * Reads the PR's title, labels and commits live from the API, so that a re-run sees an edited
 * title or a new label (SPEC "The job"). When the API is missing or fails, title and labels come
 * from the event payload and commits from `gitCommits`, each fallback noted.
 */
export async function readPullRequest(params: {
  number: number | undefined;
  payload: unknown;
  eventName: string;
  /** Undefined when there is no token. */
  api?: PullRequestApi;
  /**
   * The engine's git reader: every commit base..head. Given the head and the number of commits
   * the API reports, when it reports them.
   */
  gitCommits?: (pull: { headSha?: string; commitCount?: number }) => Promise<PullRequestCommit[]>;
}): Promise<PullRequestContext> {
  const { number, payload, eventName, api, gitCommits } = params;
  if (number === undefined) {
    return { labels: [], commits: [], sources: { title: 'none', labels: 'none', commits: 'none' }, notes: [] };
  }
  const notes: string[] = [];
  const [pull, listed, labels] = api
    ? await Promise.all([
        settle(() => api.getPull(number)),
        settle(() => api.listCommits(number)),
        api.listLabels ? settle(() => api.listLabels!(number)) : undefined,
      ])
    : [undefined, undefined, undefined];
  // The labels endpoint pages; the pull's own list is the fallback.
  const details = pullDetails(number, eventName, payload, pull?.ok && labels?.ok ? { ok: true, value: { ...pull.value, labels: labels.value } } : pull, notes);
  const total = pull?.ok ? pull.value.commitCount : undefined;
  const readGit = gitCommits
    ? () => gitCommits({ ...(details.data.headSha ? { headSha: details.data.headSha } : {}), ...(total !== undefined ? { commitCount: total } : {}) })
    : undefined;
  const commits = await pullCommits(number, listed, total, readGit, notes);
  return {
    number,
    ...details.data,
    commits: commits.commits,
    sources: { title: details.titleSource, labels: details.labelsSource, commits: commits.source },
    notes,
  };
}

type Source<T> = Settled<T> | undefined;

function pullDetails(
  number: number,
  eventName: string,
  payload: unknown,
  pull: Source<Awaited<ReturnType<PullRequestApi['getPull']>>>,
  notes: string[],
): {
  data: Pick<PullRequestContext, 'title' | 'body' | 'labels' | 'headSha' | 'baseSha' | 'baseRef'>;
  titleSource: PullRequestContext['sources']['title'];
  labelsSource: PullRequestContext['sources']['labels'];
} {
  if (pull?.ok) {
    const { title, body, labels, headSha, baseSha, baseRef } = pull.value;
    return { data: { title, ...(body !== undefined ? { body } : {}), labels, headSha, baseSha, baseRef }, titleSource: 'api', labelsSource: 'api' };
  }
  const failure = pull ? `the GitHub API failed (${describeApiFailure(pull.error)})` : 'no github-token was given';
  const fromEvent = pullRequestFromEvent(eventName, payload);
  if (!fromEvent || fromEvent.number !== number) {
    notes.push(
      `PR #${number} has no title or labels to judge: ${failure}, and the ${eventName} event payload does not carry them; ` +
        'only its commits can acknowledge a break.',
    );
    return { data: { labels: [] }, titleSource: 'none', labelsSource: 'none' };
  }
  notes.push(
    `Title and labels of PR #${number} come from the ${eventName} event payload because ${failure}; ` +
      'a re-run will not see a title edited or a label added since the event.',
  );
  const { title, body, labels, headSha, baseSha, baseRef } = fromEvent;
  return {
    data: { title, ...(body !== undefined ? { body } : {}), labels, headSha, baseSha, baseRef },
    titleSource: title === undefined ? 'none' : 'event',
    labelsSource: 'event',
  };
}

async function pullCommits(
  number: number,
  listed: Source<PullRequestCommit[]>,
  total: number | undefined,
  gitCommits: (() => Promise<PullRequestCommit[]>) | undefined,
  notes: string[],
): Promise<{ commits: PullRequestCommit[]; source: PullRequestContext['sources']['commits'] }> {
  // The list is complete when it holds as many commits as the PR has; without that count, only
  // a list shorter than GitHub's cap is known to be whole. Git is asked only for longer PRs.
  const complete = listed?.ok && (total === undefined ? listed.value.length < LIST_COMMITS_LIMIT : listed.value.length >= total);
  if (listed?.ok && complete) {
    return { commits: listed.value, source: 'api' };
  }
  const cause = listed?.ok
    ? `the GitHub API lists ${listed.value.length} of its ${total ?? 'more'} commits (it stops at ${LIST_COMMITS_LIMIT})`
    : listed
      ? `the GitHub API failed (${describeApiFailure(listed.error)})`
      : 'no github-token was given';
  const fromGit = gitCommits ? await settle(gitCommits) : undefined;
  if (fromGit?.ok) {
    notes.push(`Commits of PR #${number} come from git because ${cause}.`);
    return { commits: fromGit.value, source: 'git' };
  }
  const gitFailure = fromGit ? `git failed (${oneLine(describeError(fromGit.error))})` : 'git is not available';
  if (listed?.ok) {
    notes.push(
      `Only ${listed.value.length} commits of PR #${number} were checked for a breaking change: ${cause}, and ${gitFailure}.`,
    );
    return { commits: listed.value, source: 'api' };
  }
  notes.push(`No commits of PR #${number} were read: ${cause}, and ${gitFailure}; commits cannot acknowledge a break.`);
  return { commits: [], source: 'none' };
}

/** How far the first fetch of the PR head reaches when the PR's size is unknown. */
const FIRST_DEPTH = 50;
/** Deepenings of a shallow history before giving up on reaching the merge base (50 · 2¹⁰ commits at most). */
const MAX_DEEPEN_STEPS = 10;

/**
 * Every commit of the PR (base..head, oldest first) from git. A shallow checkout (actions/checkout's
 * depth 1) is fetched at the head deep enough for the PR's own commits and then deepened, doubling
 * the step, until head and base meet at their merge base, so that no commit of a long PR is missed
 * and no commit of the base branch is taken for the PR's. A full clone fetches nothing.
 */
export async function pullRequestCommitsFromGit(
  git: GitCommandManager,
  pull: { baseSha: string; headSha: string; commitCount?: number },
): Promise<PullRequestCommit[]> {
  const { baseSha, headSha, commitCount } = pull;
  let step = Math.max(FIRST_DEPTH, (commitCount ?? 0) + 1);
  if (!(await git.hasCommit(headSha))) await git.tryFetch([headSha], { depth: step });
  if (!(await git.hasCommit(headSha))) throw new GateError(`The PR head ${headSha.slice(0, 12)} could not be fetched.`);
  if (!(await git.hasCommit(baseSha))) await git.tryFetch([baseSha], { depth: 1 });
  let mergeBase = await git.tryMergeBase(baseSha, headSha);
  for (let i = 0; mergeBase === undefined && i < MAX_DEEPEN_STEPS && (await git.isShallow()); i++) {
    if (!(await git.tryFetch([headSha, baseSha], { deepen: step }))) break;
    mergeBase = await git.tryMergeBase(baseSha, headSha);
    step *= 2;
  }
  const commits = await git.log(baseSha, headSha);
  // Without a merge base (unrelated or still shallow histories) the log may hold commits of the
  // base branch too; the PR's own are the newest.
  return mergeBase === undefined && commitCount !== undefined ? commits.slice(-commitCount) : commits;
}

/**
 * One line saying why a GitHub API call failed: the HTTP status when there is one and the first
 * line of the message, with anything that looks like a credential masked. Never a stack.
 */
export function describeApiFailure(error: unknown): string {
  const status = httpStatus(error);
  const text = statusAndMessage(error);
  const refused = (status === 401 || status === 403 || status === 404) && !isRateLimited(error);
  return refused ? `${text}; the github-token needs \`pull-requests: read\` on this repository` : text;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(read: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error };
  }
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  const names: string[] = [];
  for (const label of labels) {
    const name = typeof label === 'string' ? label : field(label, 'name');
    if (typeof name === 'string' && name !== '') names.push(name);
  }
  return names;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

function oneLine(text: string): string {
  return truncate(redact(text.replace(/\s*\r?\n\s*/g, ' ').trim()), 300);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
