import picomatch from 'picomatch';
import type { GitCommandManager } from '../git/git.js';
import { fetchConfigs, listConfigs, parseConfigs, type CollectedConfigs, type ConfigListing, type FetchedConfigs, type OldConfig } from './collect.js';
import type { ReadOptions } from './parse/index.js';
import type { ConfigPatterns } from './select.js';

/** The configs of an old commit, found through today's globs and through the moves since (see {@link listFollowingMoves}). */
export interface FollowedConfigs extends CollectedConfigs {
  /** How many of the configs were found at an old path that git maps onto a matching one. */
  moved: number;
  /** When nothing matched: the paths of the commit nearest to what the globs ask for. */
  nearest?: string[];
}

/** Most near paths named when a commit has no config. */
const MAX_NEAREST = 5;

/** A commit's configs listed, followed across moves, not yet read. */
export interface ListedFollowing extends ConfigListing {
  commit: string;
  /** Old path → the path git's rename detection says the file has at the PR's HEAD. */
  movedTo: ReadonlyMap<string, string>;
}

/** A listing with its bytes read (see {@link fetchListed}), ready for {@link parseFollowing}. */
export type FetchedFollowing = FetchedConfigs & Pick<ListedFollowing, 'commit' | 'movedTo'>;

/**
 * The files of `commit` as the `configs` globs describe them today: a file matches at its own
 * path, or at the path git's rename detection (`git diff -M commit head`, whole-directory moves
 * included) says it has in `head`. A moved file keeps its old path and, once parsed, carries
 * its current one. `inSlice` is a matrix job's slice, decided on the path the file has now: a
 * file that moved is judged in one shard only, whichever of its two paths the globs match.
 */
export async function listFollowingMoves(
  git: GitCommandManager,
  commit: string,
  head: string | undefined,
  matches: (path: string) => boolean,
  options: ReadOptions,
  inSlice?: (currentPath: string) => boolean,
): Promise<ListedFollowing> {
  const movedTo = new Map<string, string>();
  if (head && head !== commit) {
    for (const { from, to } of await git.renames(commit, head)) {
      if (matches(to)) movedTo.set(from, to);
    }
  }
  const wanted = (path: string) => (matches(path) || movedTo.has(path)) && (!inSlice || inSlice(movedTo.get(path) ?? path));
  return { ...(await listConfigs(git, commit, wanted, options)), commit, movedTo };
}

/**
 * A ref's git work (moves, listing, bytes), to be parsed later by {@link parseFollowing}: its
 * bytes can be fetched while another ref is parsed. `known` names the files another ref will
 * have read by then (same path, same blob): their bytes are not fetched.
 */
export async function fetchFollowingMoves(
  git: GitCommandManager,
  commit: string,
  head: string | undefined,
  matches: (path: string) => boolean,
  options: ReadOptions,
  known?: { has(key: string): boolean },
  inSlice?: (currentPath: string) => boolean,
): Promise<FetchedFollowing> {
  return fetchListed(git, await listFollowingMoves(git, commit, head, matches, options, inSlice), known);
}

/** Reads the listed files' bytes (see {@link fetchConfigs}). */
export async function fetchListed(git: GitCommandManager, listed: ListedFollowing, known?: { has(key: string): boolean }, parseAs?: ReadOptions): Promise<FetchedFollowing> {
  return { ...(await fetchConfigs(git, listed, known, parseAs)), commit: listed.commit, movedTo: listed.movedTo };
}

/**
 * Parses what was fetched; a file in `known` (read for another ref) is taken as it is. When
 * nothing matched, the nearest paths the commit has are listed.
 */
export async function parseFollowing(
  git: GitCommandManager,
  fetched: FetchedFollowing,
  patterns: ConfigPatterns,
  options: ReadOptions,
  known?: ReadonlyMap<string, OldConfig>,
): Promise<FollowedConfigs> {
  const { commit, movedTo } = fetched;
  const collected = await parseConfigs(git, fetched, options, known);
  let moved = 0;
  for (const config of collected.configs) {
    const now = movedTo.get(config.path);
    if (now !== undefined && now !== config.path) {
      config.currentPath = now;
      moved += 1;
    }
  }
  if (collected.configs.length > 0 || collected.skipped.length > 0) return { ...collected, moved };
  const paths = (await git.lsTree(commit)).filter((entry) => entry.type === 'blob').map((entry) => entry.path);
  return { ...collected, moved, nearest: nearestPaths(paths, patterns) };
}

/**
 * The paths nearest to what the globs ask for, for a commit where none matches: files whose
 * name matches a glob's last part (`run.yaml` of `distributions/*\/run.yaml`); else the files
 * in the deepest folder of a glob's literal beginning that exists. Sorted, at most five.
 */
export function nearestPaths(paths: readonly string[], patterns: ConfigPatterns): string[] {
  const names = patterns.include.map((pattern) => pattern.split('/').pop() ?? pattern).filter((name) => name !== '**');
  const nameMatches = names.length ? picomatch(names, { dot: true }) : undefined;
  const byName = nameMatches ? paths.filter((path) => nameMatches(path.slice(path.lastIndexOf('/') + 1))) : [];
  if (byName.length > 0) return [...byName].sort().slice(0, MAX_NEAREST);
  const near = new Set<string>();
  for (const pattern of patterns.include) {
    const literal = pattern.split('/').slice(0, -1);
    const cut = literal.findIndex((part) => picomatch.scan(part).isGlob);
    const folders = cut < 0 ? literal : literal.slice(0, cut);
    for (let depth = folders.length; depth >= 0; depth--) {
      const prefix = folders.slice(0, depth).join('/');
      const inside = paths.filter((path) => (prefix ? path.startsWith(`${prefix}/`) : true));
      if (inside.length > 0 && depth > 0) {
        for (const path of inside.sort().slice(0, MAX_NEAREST)) near.add(path);
        break;
      }
    }
  }
  return [...near].sort().slice(0, MAX_NEAREST);
}
