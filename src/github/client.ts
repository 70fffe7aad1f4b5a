import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** A GitHub REST client, as @actions/github builds it, with retries and rate-limit handling. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** How often a request is retried after a 5xx or a network error (plugin-retry). */
const RETRIES = 2;
/** Longest wait for a rate limit to reset before giving up and falling back. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/**
 * The client compat-gate talks to GitHub with. 5xx answers and network errors are retried
 * twice with quadratic backoff (plugin-retry: n² × `retryBaseMs`, a few seconds in all); a
 * primary or secondary rate limit
 * is waited out twice when the wait is short, and otherwise fails so that the caller can
 * fall back to the event payload and git. `GITHUB_API_URL` sets the server (GHES, tests).
 */
export function createGitHubClient(
  token: string,
  options: { retryBaseMs?: number; baseUrl?: string; fetch?: typeof fetch; onNotice?: (message: string) => void } = {},
): GitHubClient {
  const notice = options.onNotice ?? (() => undefined);
  const retryOnce = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) {
      notice(`GitHub's ${kind} rate limit stopped ${request.method} ${request.url}; not waiting ${retryAfter} s.`);
      return false;
    }
    notice(`GitHub's ${kind} rate limit: retrying ${request.method} ${request.url} in ${retryAfter} s.`);
    return true;
  };
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: { retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      throttle: {
        retryAfterBaseValue: options.retryBaseMs ?? 1000,
        onRateLimit: retryOnce('primary'),
        onSecondaryRateLimit: retryOnce('secondary'),
      },
    },
    retry,
    throttling,
  );
}
