import { commentMarker, isResolvedComment } from '../constants.js';
import { httpStatus, isRateLimited, statusAndMessage } from './errors.js';

/** An issue comment as the sticky-comment logic sees it; `user` is missing when the client cannot say. */
export interface IssueComment {
  id: number;
  body: string;
  user?: { login: string; type: string };
}

/** The comment endpoints the sticky comment uses; tests pass a hand-written fake. */
export interface CommentsClient {
  /**
   * The issue's comments, oldest first, one page at a time (`COMMENTS_PER_PAGE` a page), for as
   * long as the API's `Link` header names a `rel="next"` page.
   */
  pages(issue: number): AsyncIterable<IssueComment[]>;
  create(issue: number, body: string): Promise<{ id: number }>;
  update(id: number, body: string): Promise<void>;
  /** Deletes a comment; one already gone (404) is not an error. */
  remove(id: number): Promise<void>;
  /** The login the token acts as, when the API says it (a personal token); undefined otherwise. */
  login?(): Promise<string | undefined>;
}

/** GitHub caps `per_page` at 100. */
export const COMMENTS_PER_PAGE = 100;

// Type aliases, not interfaces: Octokit's parameter types have an index signature, which only
// type literals satisfy.
type IssueParams = { owner: string; repo: string; issue_number: number };
type CommentParams = { owner: string; repo: string; comment_id: number; body: string };

interface ApiComment {
  id: number;
  body?: string;
  user?: { login: string; type: string } | null;
}

/** The part of the GitHub client (github/client.ts) that `octokitCommentsClient` uses. */
export interface OctokitCommentsLike {
  rest: {
    issues: {
      listComments(params: IssueParams & { per_page: number; page: number }): Promise<{ data: ApiComment[] }>;
      createComment(params: IssueParams & { body: string }): Promise<{ data: { id: number } }>;
      updateComment(params: CommentParams): Promise<unknown>;
      deleteComment(params: { owner: string; repo: string; comment_id: number }): Promise<unknown>;
    };
    users: {
      getAuthenticated(): Promise<{ data: { login: string } }>;
    };
  };
  paginate: {
    iterator(
      method: OctokitCommentsLike['rest']['issues']['listComments'],
      params: IssueParams & { per_page: number; page: number },
    ): AsyncIterable<{ data: ApiComment[] }>;
  };
}

/** The CommentsClient of a repository, backed by an Octokit client. */
export function octokitCommentsClient(octokit: OctokitCommentsLike, owner: string, repo: string): CommentsClient {
  let login: Promise<string | undefined> | undefined;
  return {
    async *pages(issue) {
      // Octokit's iterator follows the `Link: <…>; rel="next"` URL of each answer, as GitHub asks.
      const params = { owner, repo, issue_number: issue, per_page: COMMENTS_PER_PAGE, page: 1 };
      for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
        yield data.map((comment) => ({
          id: comment.id,
          body: comment.body ?? '',
          ...(comment.user ? { user: { login: comment.user.login, type: comment.user.type } } : {}),
        }));
      }
    },
    async create(issue, body) {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
      return { id: data.id };
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
    async remove(id) {
      try {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
      } catch (error) {
        // Two runs healing the same duplicate: the other one deleted it first.
        if (httpStatus(error) !== 404) throw error;
      }
    },
    login() {
      // An Actions or App installation token may not read /user (403): it comments as a Bot.
      login ??= octokit.rest.users.getAuthenticated().then(
        ({ data }) => data.login,
        () => undefined,
      );
      return login;
    },
  };
}

/**
 * What `syncStickyComment` did, or why it could not; `readOnly` when the token may not write.
 * `removed`: the ids of this gate's duplicate comments it deleted.
 */
export type CommentOutcome =
  | { action: 'created' | 'updated' | 'resolved' | 'unchanged' | 'skipped'; id?: number; reason?: string; removed?: number[] }
  | { action: 'failed'; reason: string; readOnly: boolean };

/**
 * Keeps one sticky comment per gate on a PR (SPEC "Outputs users read"). With a `body`: updates
 * this key's comment when it differs, or creates it. Without (nothing to say): rewrites an
 * existing comment to `resolvedBody`, once; creates nothing. Never throws for an API failure:
 * a token that cannot write (a fork PR's) is `failed` with `readOnly`.
 */
export async function syncStickyComment(params: {
  client: CommentsClient;
  issue: number;
  key: string;
  /** Undefined when there is nothing to say. */
  body: string | undefined;
  /** The resolved form; a function receives the comment's current body. */
  resolvedBody: string | ((previous: string) => string);
}): Promise<CommentOutcome> {
  const { client, issue, key } = params;
  const marker = commentMarker(key);
  let ours: IssueComment[];
  try {
    ours = await findStickyComments(client, issue, marker);
  } catch (error) {
    return failure(error, issue, 'read');
  }
  const existing = ours[0];
  let outcome: CommentOutcome & { action: 'created' | 'updated' | 'resolved' | 'unchanged' | 'skipped' };
  let written: string | undefined;
  try {
    if (params.body !== undefined) {
      const body = withMarker(params.body, marker);
      written = body;
      if (!existing) outcome = { action: 'created', id: (await client.create(issue, body)).id };
      else if (sameBody(existing.body, body)) outcome = { action: 'unchanged', id: existing.id };
      else {
        await client.update(existing.id, body);
        outcome = { action: 'updated', id: existing.id };
      }
    } else if (!existing) {
      return { action: 'skipped', reason: 'nothing to say, and no comment to resolve' };
    } else if (isResolvedComment(existing.body)) {
      outcome = { action: 'unchanged', id: existing.id, reason: 'already resolved' };
    } else {
      const resolved = typeof params.resolvedBody === 'function' ? params.resolvedBody(existing.body) : params.resolvedBody;
      written = withMarker(resolved, marker);
      await client.update(existing.id, written);
      outcome = { action: 'resolved', id: existing.id };
    }
  } catch (error) {
    return failure(error, issue, 'write');
  }
  // Two runs on one PR at once (opened and labeled fire together) may each find no comment and
  // each create one. After creating one, and whenever duplicates were already there, look again
  // and keep only the oldest of this gate's comments, with the body written last.
  if (outcome.action !== 'created' && ours.length < 2) return outcome;
  return removeDuplicates(client, issue, marker, written ?? existing?.body, outcome);
}

async function removeDuplicates(
  client: CommentsClient,
  issue: number,
  marker: string,
  latest: string | undefined,
  outcome: CommentOutcome & { action: 'created' | 'updated' | 'resolved' | 'unchanged' | 'skipped' },
): Promise<CommentOutcome> {
  try {
    const [oldest, ...duplicates] = await findStickyComments(client, issue, marker);
    if (!oldest || duplicates.length === 0) return outcome;
    const removed: number[] = [];
    for (const duplicate of duplicates) {
      // A comment whose author the API did not name is never deleted, however it is marked.
      if (!duplicate.user) continue;
      await client.remove(duplicate.id);
      removed.push(duplicate.id);
    }
    let action = outcome.action;
    if (latest !== undefined && !sameBody(oldest.body, latest)) {
      await client.update(oldest.id, latest);
      if (action === 'created' || action === 'unchanged') action = 'updated';
    }
    return { ...outcome, action, id: oldest.id, ...(removed.length ? { removed } : {}) };
  } catch (error) {
    const what = statusAndMessage(error);
    return { ...outcome, reason: `a duplicate PR comment could not be removed: ${what}` };
  }
}

/**
 * This gate's comments, oldest first: those whose first line is exactly the marker (a quote of
 * the marker inside a user's text or code block is not) and that were written by a bot or by the
 * token's own user. Reads every page the API links to.
 */
export async function findStickyComments(client: CommentsClient, issue: number, marker: string): Promise<IssueComment[]> {
  const found: IssueComment[] = [];
  for await (const comments of client.pages(issue)) {
    for (const comment of comments) {
      if (firstLine(comment.body) !== marker) continue;
      if (await writtenByGate(client, comment)) found.push(comment);
    }
  }
  return found;
}

/** The oldest comment that is this gate's (see findStickyComments). */
export async function findStickyComment(client: CommentsClient, issue: number, marker: string): Promise<IssueComment | undefined> {
  return (await findStickyComments(client, issue, marker))[0];
}

async function writtenByGate(client: CommentsClient, comment: IssueComment): Promise<boolean> {
  if (!comment.user || comment.user.type === 'Bot') return true;
  const login = await client.login?.();
  return login !== undefined && login.toLowerCase() === comment.user.login.toLowerCase();
}

function firstLine(body: string): string {
  return (body.split('\n', 1)[0] ?? '').trimEnd();
}

function withMarker(body: string, marker: string): string {
  return firstLine(body) === marker ? body : `${marker}\n${body}`;
}

// GitHub may store a body with CRLF line ends; a re-run with the same content is not a change.
function sameBody(stored: string, body: string): boolean {
  const normal = (text: string) => text.replace(/\r\n/g, '\n').trimEnd();
  return normal(stored) === normal(body);
}

function failure(error: unknown, issue: number, step: 'read' | 'write'): CommentOutcome {
  const status = httpStatus(error);
  const rateLimited = isRateLimited(error);
  const what = statusAndMessage(error);
  // A fork PR's token answers writes with 403 "Resource not accessible by integration"; a
  // fine-grained token without access to the repository answers 404.
  const readOnly = !rateLimited && (status === 403 || (status === 404 && step === 'write'));
  if (readOnly) {
    return {
      action: 'failed',
      readOnly: true,
      reason: `The github-token cannot ${step === 'read' ? 'read the comments of' : 'comment on'} PR #${issue} (${what}): a pull request from a fork gets a read-only token; elsewhere, give the job \`pull-requests: write\`.`,
    };
  }
  return { action: 'failed', readOnly: false, reason: `The PR comment on #${issue} could not be ${step === 'read' ? 'found' : 'written'}: ${what}.` };
}

