import { GateError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';

/** A ref as a person names it, and the commit it resolved to. */
export interface RefTarget {
  ref: string;
  sha: string;
}

/**
 * A webhook payload: only the fields compat-gate reads matter, and any may be missing or of
 * another type. Read it with payloadField and payloadText.
 */
export type Payload = Record<string, unknown>;

/** The value at a path of nested fields of a payload; undefined when a step is missing. */
export function payloadField(payload: Payload, ...path: string[]): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A string field of a payload; undefined when it is missing or not a string. */
export function payloadText(payload: Payload, ...path: string[]): string | undefined {
  const value = payloadField(payload, ...path);
  return typeof value === 'string' ? value : undefined;
}

/** What names the base: the `base` input, or the event that started the run. */
export interface BaseRequest {
  input?: string;
  eventName: string;
  payload: Payload;
}

/** The base before git is asked: a name and, when the event carries it, the exact sha. */
export type BaseCandidate = { ref: string; sha?: string } | { none: string };

const ZERO_SHA = /^0+$/;
const SHA = /^[0-9a-f]{40}$/i;

/** Which ref gates the PR, from the `base` input or the event (pure; see resolveBase). */
export function baseCandidate(request: BaseRequest): BaseCandidate {
  const { input, eventName, payload } = request;
  if (input) return SHA.test(input) ? { ref: input.slice(0, 12), sha: input } : { ref: input };
  const defaultBranch = payloadText(payload, 'repository', 'default_branch');
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const sha = payloadText(payload, 'pull_request', 'base', 'sha');
      if (sha) return { ref: payloadText(payload, 'pull_request', 'base', 'ref') ?? 'base', sha };
      break;
    }
    case 'merge_group': {
      const sha = payloadText(payload, 'merge_group', 'base_sha');
      if (sha) return { ref: shortRef(payloadText(payload, 'merge_group', 'base_ref') ?? 'base'), sha };
      break;
    }
    case 'push': {
      const before = payloadText(payload, 'before');
      if (before && !ZERO_SHA.test(before)) return { ref: before.slice(0, 12), sha: before };
      // A branch's first push has an all-zero `before`: compare with the default branch instead.
      const pushed = shortRef(payloadText(payload, 'ref') ?? '');
      if (defaultBranch && pushed !== defaultBranch) return { ref: defaultBranch };
      return { none: `this is the first push of ${pushed || 'the branch'}: there is no earlier commit to compare with` };
    }
  }
  if (defaultBranch) return { ref: defaultBranch };
  return { none: `the ${eventName || 'local'} run names no base` };
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

/**
 * Finds the base commit in the checkout, fetching it (depth 1) when the checkout is
 * shallow. Throws a GateError naming the ref when it cannot be had.
 */
export async function resolveBase(
  git: GitCommandManager,
  candidate: { ref: string; sha?: string },
  /** Told once when the base must be fetched, as git starts: work that needs no git can be done meanwhile. */
  whileFetching: () => void = () => undefined,
): Promise<RefTarget> {
  const sha = candidate.sha ?? (await resolveName(git, candidate.ref));
  if (sha && (await git.hasCommit(sha))) return { ref: candidate.ref, sha };
  whileFetching();
  if (sha) {
    if ((await git.tryFetch([sha], { depth: 1 })) && (await git.hasCommit(sha))) return { ref: candidate.ref, sha };
    // Servers that refuse a bare sha still serve the branch it is on.
    if (!SHA.test(candidate.ref) && (await git.tryFetch([`refs/heads/${candidate.ref}`], { depth: 1 })) && (await git.hasCommit(sha))) {
      return { ref: candidate.ref, sha };
    }
  } else {
    const fetched = await git.tryFetchCommit(candidate.ref, { depth: 1 });
    if (fetched) return { ref: candidate.ref, sha: fetched };
  }
  const named = sha && sha !== candidate.ref ? `\`${candidate.ref}\` (${sha.slice(0, 12)})` : `\`${candidate.ref}\``;
  throw new GateError(
    `The base ${named} is not in the checkout and could not be fetched from origin.`,
    (n) => (n.edge === 'cli' ? `Check the ${n.setting('base')}, and that \`git fetch origin\` can read the repository.` : `Check the ${n.setting('base')}, and that actions/checkout ran with a token that can read the repository.`),
  );
}

async function resolveName(git: GitCommandManager, name: string): Promise<string | undefined> {
  for (const ref of [name, `refs/remotes/origin/${name}`, `refs/tags/${name}`]) {
    const sha = await git.tryResolveCommit(ref);
    if (sha) return sha;
  }
  return undefined;
}
