import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { nodeFetch } from './transport.js';

/**
 * Octokit with what @actions/github's `getOctokit` adds (REST methods, pagination), plus
 * retries and rate-limit handling.
 */
const GitHub = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

/** A GitHub REST client: Octokit with REST methods, pagination, retries and rate-limit handling. */
export type GitHubClient = InstanceType<typeof GitHub>;

/** How often a request is retried after a 5xx or a network error (plugin-retry). */
const RETRIES = 2;
/** Longest wait for a rate limit to reset before giving up and falling back. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/**
 * The client compat-gate talks to GitHub with, set up as @actions/github sets it up: the
 * server from `GITHUB_API_URL` (GHES, tests), the token as `token …`, the runner's
 * orchestration id in the user agent. Requests go through the proxy `HTTPS_PROXY`/`HTTP_PROXY`
 * name for the server (`NO_PROXY` does not exempt it) as @actions/github sends them, and
 * otherwise through Node's own `http`/`https` (`nodeFetch`; see `transportFor`). 5xx answers and
 * network errors are retried twice with quadratic backoff (plugin-retry: n² × `retryBaseMs`, a
 * few seconds in all); a primary or secondary rate limit is waited out twice when the wait is
 * short, and otherwise fails so that the caller can fall back to the event payload and git.
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
  const baseUrl = options.baseUrl ?? apiUrl();
  const userAgent = orchestrationUserAgent();
  return new GitHub({
    auth: `token ${token}`,
    baseUrl,
    ...(userAgent ? { userAgent } : {}),
    request: { fetch: options.fetch ?? transportFor(baseUrl) },
    retry: { retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      onRateLimit: retryOnce('primary'),
      onSecondaryRateLimit: retryOnce('secondary'),
    },
  });
}

/** The REST API's root: `GITHUB_API_URL` on a runner (GHES has its own), else github.com's. */
function apiUrl(): string {
  return process.env.GITHUB_API_URL || 'https://api.github.com';
}

/**
 * How requests to `baseUrl` travel: through the proxy the runner names for it, with `undici`'s
 * fetch and @actions/http-client's proxy dispatcher for `baseUrl` (as @actions/github sends
 * them; loaded only then), or straight, with `nodeFetch`.
 */
export function transportFor(baseUrl: string): typeof fetch {
  if (!getProxyUrl(new URL(baseUrl))) return nodeFetch as unknown as typeof fetch;
  let proxied: Promise<typeof fetch> | undefined;
  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    proxied ??= Promise.all([import('@actions/http-client'), import('undici')]).then(([{ HttpClient }, undici]) => {
      const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
      return ((url: Parameters<typeof fetch>[0], options?: Parameters<typeof fetch>[1]) =>
        undici.fetch(url as Parameters<typeof undici.fetch>[0], { ...(options as Parameters<typeof undici.fetch>[1]), ...(dispatcher ? { dispatcher } : {}) })) as unknown as typeof fetch;
    });
    return (await proxied)(input, init);
  }) as typeof fetch;
}

/**
 * The user agent @actions/github sends: Octokit's own, with the runner's orchestration id
 * (`ACTIONS_ORCHESTRATION_ID`, unsafe characters replaced) when there is one.
 */
export function orchestrationUserAgent(): string | undefined {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}
