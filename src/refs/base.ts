import { GateError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';

/** A ref as a person names it, and the commit it resolved to. */
export interface RefTarget {
  ref: string;
  sha: string;
}

/** A webhook payload: only the fields compat-gate reads matter, and any may be missing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads differ by event; every read is guarded.
export type Payload = Record<string, any>;

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
  const defaultBranch: string | undefined = payload.repository?.default_branch;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      if (payload.pull_request?.base?.sha) {
        return { ref: payload.pull_request.base.ref ?? 'base', sha: payload.pull_request.base.sha };
      }
      break;
    case 'merge_group':
      if (payload.merge_group?.base_sha) {
        return { ref: shortRef(payload.merge_group.base_ref ?? 'base'), sha: payload.merge_group.base_sha };
      }
      break;
    case 'push': {
      const before: string | undefined = payload.before;
      if (before && !ZERO_SHA.test(before)) return { ref: before.slice(0, 12), sha: before };
      // A branch's first push has an all-zero `before`: compare with the default branch instead.
      const pushed = shortRef(payload.ref ?? '');
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
export async function resolveBase(git: GitCommandManager, candidate: { ref: string; sha?: string }): Promise<RefTarget> {
  const sha = candidate.sha ?? (await resolveName(git, candidate.ref));
  if (sha && (await git.hasCommit(sha))) return { ref: candidate.ref, sha };
  if (sha) {
    if ((await git.tryFetch([sha], { depth: 1 })) && (await git.hasCommit(sha))) return { ref: candidate.ref, sha };
    // Servers that refuse a bare sha still serve the branch it is on.
    if (!SHA.test(candidate.ref) && (await git.tryFetch([`refs/heads/${candidate.ref}`], { depth: 1 })) && (await git.hasCommit(sha))) {
      return { ref: candidate.ref, sha };
    }
  } else if (await git.tryFetch([candidate.ref], { depth: 1 })) {
    const fetched = await git.tryResolveCommit('FETCH_HEAD');
    if (fetched) return { ref: candidate.ref, sha: fetched };
  }
  const named = sha && sha !== candidate.ref ? `\`${candidate.ref}\` (${sha.slice(0, 12)})` : `\`${candidate.ref}\``;
  throw new GateError(
    `The base ${named} is not in the checkout and could not be fetched from origin.`,
    'Check the `base` input, and that actions/checkout ran with a token that can read the repository.',
  );
}

async function resolveName(git: GitCommandManager, name: string): Promise<string | undefined> {
  for (const ref of [name, `refs/remotes/origin/${name}`, `refs/tags/${name}`]) {
    const sha = await git.tryResolveCommit(ref);
    if (sha) return sha;
  }
  return undefined;
}
