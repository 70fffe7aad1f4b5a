import { httpStatus, isRateLimited, statusAndMessage } from './errors.js';
import { commentMarker, isResolvedComment } from './marker.js';

/** An issue comment as the sticky-comment logic sees it; `user` is missing when the client cannot say. */
export interface IssueComment {
  id: number;
  body: string;
  user?: { login: string; type: string };
}

/** The comment endpoints the sticky comment uses; tests pass a hand-written fake. */
export interface CommentsClient {
  /** One page (from 1) of the issue's comments, oldest first, `COMMENTS_PER_PAGE` a page. */
  list(issue: number, page: number): Promise<IssueComment[]>;
  create(issue: number, body: string): Promise<{ id: number }>;
  update(id: number, body: string): Promise<void>;
  /** The login the token acts as, when the API says it (a personal token); undefined otherwise. */
  login?(): Promise<string | undefined>;
}

/** GitHub caps `per_page` at 100; a shorter page is the last one. */
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

/** The part of `@actions/github`'s `getOctokit()` client that `octokitCommentsClient` uses. */
export interface OctokitCommentsLike {
  rest: {
    issues: {
      listComments(params: IssueParams & { per_page: number; page: number }): Promise<{ data: ApiComment[] }>;
      createComment(params: IssueParams & { body: string }): Promise<{ data: { id: number } }>;
      updateComment(params: CommentParams): Promise<unknown>;
    };
    users: {
      getAuthenticated(): Promise<{ data: { login: string } }>;
    };
  };
}

/** The CommentsClient of a repository, backed by an Octokit client. */
export function octokitCommentsClient(octokit: OctokitCommentsLike, owner: string, repo: string): CommentsClient {
  let login: Promise<string | undefined> | undefined;
  return {
    async list(issue, page) {
      const { data } = await octokit.rest.issues.listComments({ owner, repo, issue_number: issue, per_page: COMMENTS_PER_PAGE, page });
      return data.map((comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        ...(comment.user ? { user: { login: comment.user.login, type: comment.user.type } } : {}),
      }));
    },
    async create(issue, body) {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
      return { id: data.id };
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
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

/** What `syncStickyComment` did, or why it could not; `readOnly` when the token may not write. */
export type CommentOutcome =
  | { action: 'created' | 'updated' | 'resolved' | 'unchanged' | 'skipped'; id?: number; reason?: string }
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
  let existing: IssueComment | undefined;
  try {
    existing = await findStickyComment(client, issue, marker);
  } catch (error) {
    return failure(error, issue, 'read');
  }
  try {
    if (params.body !== undefined) {
      const body = withMarker(params.body, marker);
      if (!existing) return { action: 'created', id: (await client.create(issue, body)).id };
      if (sameBody(existing.body, body)) return { action: 'unchanged', id: existing.id };
      await client.update(existing.id, body);
      return { action: 'updated', id: existing.id };
    }
    if (!existing) return { action: 'skipped', reason: 'nothing to say, and no comment to resolve' };
    if (isResolvedComment(existing.body)) return { action: 'unchanged', id: existing.id, reason: 'already resolved' };
    const resolved = typeof params.resolvedBody === 'function' ? params.resolvedBody(existing.body) : params.resolvedBody;
    await client.update(existing.id, withMarker(resolved, marker));
    return { action: 'resolved', id: existing.id };
  } catch (error) {
    return failure(error, issue, 'write');
  }
}

/**
 * The oldest comment that is this gate's: its first line is exactly the marker (a quote of the
 * marker inside a user's text or code block is not), and it was written by a bot or by the
 * token's own user. Pages until one has fewer than COMMENTS_PER_PAGE comments.
 */
export async function findStickyComment(client: CommentsClient, issue: number, marker: string): Promise<IssueComment | undefined> {
  for (let page = 1; ; page++) {
    const comments = await client.list(issue, page);
    for (const comment of comments) {
      if (firstLine(comment.body) !== marker) continue;
      if (await writtenByGate(client, comment)) return comment;
    }
    if (comments.length < COMMENTS_PER_PAGE) return undefined;
  }
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

