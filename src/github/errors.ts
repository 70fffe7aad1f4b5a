/** How compat-gate reads a failed GitHub API call: its status, and one safe line about it. */

import { errorMessage } from '../errors.js';

/**
 * The HTTP status of a failed call, undefined when no response came back. Octokit's
 * RequestError reports a network failure as status 500 without a `response`, so that one is
 * not a status.
 */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status } = error as { status?: unknown };
  if (typeof status !== 'number') return undefined;
  if ('request' in error && !(error as { response?: unknown }).response) return undefined;
  return status;
}

/** Whether GitHub refused the call for a rate limit (403/429 with no requests left). */
export function isRateLimited(error: unknown): boolean {
  const response = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response;
  return response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(errorLine(error));
}

// Token shapes from GitHub's docs ("About authentication": ghp_, gho_, ghu_, ghs_, ghr_ and
// fine-grained github_pat_), and credentials embedded in URLs (https://user:token@host):
// masked in case a proxy or server echoes them into an error.
const TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
const URL_CREDENTIALS = /(?<=:\/\/)[^\s/@]+@/g;

/** Masks anything that looks like a credential. */
export function redact(text: string): string {
  return text.replace(TOKEN, '***').replace(URL_CREDENTIALS, '***@');
}

/** The first line of an error's message, credentials masked, without Octokit's doc link; never a stack. */
export function errorLine(error: unknown, max = 300): string {
  const raw = errorMessage(error);
  // Octokit appends " - <documentation_url>" to GitHub's message.
  const line = redact((raw.split(/\r?\n/)[0] ?? '').replace(/ - https?:\/\/\S+$/, '')).trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** "<status> <message>", or "unknown error". */
export function statusAndMessage(error: unknown): string {
  const status = httpStatus(error);
  return [status, errorLine(error)].filter((part) => part !== undefined && part !== '').join(' ') || 'unknown error';
}
