import picomatch from 'picomatch';
import type { GitCommandManager, PathChanges } from '../git/git.js';
import { fetchConfigs, listConfigs, parseConfigs, type CollectedConfigs, type ConfigListing, type FetchedConfigs, type NoPathToday, type OldConfig, type OnParsed } from './collect.js';
import { tracePaths, type TracedPath } from './moves.js';
import type { ReadOptions } from './parse/index.js';
import type { ConfigPatterns } from './select.js';

/** The configs of an old commit, found through today's globs and through the moves since (see {@link listFollowingMoves}). */
export interface FollowedConfigs extends CollectedConfigs {
  /** How many of the configs were found at an old path that git maps onto a matching one. */
  moved: number;
  /** When nothing matched: the paths of the commit nearest to what the globs ask for. */
  nearest?: string[];
  /** Whether moves were followed commit by commit too. */
  history: HistoryWalk;
}

/** Most near paths named when a commit has no config. */
const MAX_NEAREST = 5;

/**
 * Whether moves were also followed commit by commit: `walked`; `unavailable` when that was
 * needed but the history was not at hand within {@link HISTORY_LIMIT} commits (the trees' own
 * comparison and the folders' moves decided); `not-needed` when the trees' comparison left no
 * config without a counterpart.
 */
export type HistoryWalk = 'walked' | 'unavailable' | 'not-needed';

/** A commit's configs listed, followed across moves, not yet read. */
export interface ListedFollowing extends ConfigListing {
  commit: string;
  /** Old path → the path the file has at the PR's HEAD (see {@link followMoves}). */
  movedTo: ReadonlyMap<string, string>;
  /** Old path → why the file has no path the globs name today; it is judged at its old path. */
  noPathToday: ReadonlyMap<string, NoPathToday>;
  history: HistoryWalk;
}

/** A listing with its bytes read (see {@link fetchListed}), ready for {@link parseFollowing}. */
export type FetchedFollowing = FetchedConfigs & Pick<ListedFollowing, 'commit' | 'movedTo' | 'noPathToday' | 'history'>;

/**
 * Most first-parent commits between an old commit and HEAD that are walked one by one; a
 * shallow checkout is deepened (in two fetches, 64 then this many commits) at most this far.
 */
export const HISTORY_LIMIT = 512;
const FIRST_DEEPEN = 64;

/** Where each file of an old commit is at HEAD, and which have no path the globs name there. */
export interface FollowedMoves {
  movedTo: Map<string, string>;
  noPathToday: Map<string, NoPathToday>;
  history: HistoryWalk;
}

/**
 * Follows the files of `commit` to `head` the way git's merge does: whole-file renames between
 * the two trees (`git diff -M`), folders that moved (a file deleted from a moved folder and one
 * of the same name added where it went), and, for files still without a counterpart, renames
 * commit by commit along HEAD's first-parent chain (a file renamed in one commit and rewritten
 * in the next), when that history is at hand or within {@link HISTORY_LIMIT} commits of a
 * shallow checkout. A file that matches the globs, at its old path or at the path its folder
 * moved to, and has no counterpart today is listed in `noPathToday`, as is one that moved out
 * of the globs: nothing is followed to a path the globs do not name.
 */
export async function followMoves(
  git: GitCommandManager,
  commit: string,
  head: string,
  matches: (path: string) => boolean,
  patterns: ConfigPatterns,
): Promise<FollowedMoves> {
  // HEAD's tree is only looked at for its paths: listed without the blobs' sizes, git reads no blob.
  const [oldTree, headTree] = await Promise.all([git.lsTree(commit), git.lsTree(head, { sizes: false })]);
  const oldPaths = oldTree.filter((entry) => entry.type !== 'tree').map((entry) => entry.path);
  const oldSet = new Set(oldPaths);
  const headPaths = new Set(headTree.filter((entry) => entry.type !== 'tree').map((entry) => entry.path));
  // A rename moves a file from a path that is gone to one that is new: when no path the globs
  // name is gone from HEAD or new at HEAD, every config is where it was and nothing is followed,
  // without git's rename detection (a process, and a comparison of every changed file).
  const settled = oldPaths.every((path) => headPaths.has(path) || !matches(path)) && [...headPaths].every((path) => oldSet.has(path) || !matches(path));
  if (settled) return { movedTo: new Map(), noPathToday: new Map(), history: 'not-needed' };
  const renames = await git.renames(commit, head);
  const renamedFrom = new Set(renames.map(({ from }) => from));
  const renamedTo = new Set(renames.map(({ to }) => to));
  const deleted = oldPaths.filter((path) => !headPaths.has(path) && !renamedFrom.has(path));
  const added = [...headPaths].filter((path) => !oldSet.has(path) && !renamedTo.has(path));
  const final = tracePaths(oldPaths, [{ renames, deleted, added, remaining: filesUnder(headPaths) }]);
  const resolved = (entry: TracedPath | undefined) => entry !== undefined && !entry.gone && headPaths.has(entry.path);
  const satInGlobs = (entry: TracedPath) => entry.trail.some(matches);

  // The history is walked only when it can find something: a config today of no known origin,
  // and files of the old commit without a counterpart that sat where the globs look or are
  // named as the globs name configs.
  const targets = new Set([...final.values()].filter(resolved).map((entry) => entry.path));
  const orphans = added.filter((path) => matches(path) && !targets.has(path));
  const named = namedLikeConfigs(patterns);
  const open = orphans.length === 0 ? [] : [...final].filter(([, entry]) => !resolved(entry) && (satInGlobs(entry) || named(baseName(entry.path)))).map(([path]) => path);
  let history: HistoryWalk = 'not-needed';
  if (open.length > 0) {
    // History is fetched (bounded) only when a config of today has no known origin and a file of
    // the old commit has no counterpart: a folder that moved out of what the globs name today
    // (`templates/` to `distributions/`) and was rewritten after the move is found only so.
    const steps = await firstParentChanges(git, commit, head);
    history = steps ? 'walked' : 'unavailable';
    for (const [path, entry] of tracePaths(open, steps ?? [])) {
      const before = final.get(path)!;
      if (resolved(entry)) final.set(path, entry);
      else before.trail.push(...entry.trail.filter((step) => !before.trail.includes(step)));
    }
  }

  const movedTo = new Map<string, string>();
  const noPathToday = new Map<string, NoPathToday>();
  for (const [path, entry] of final) {
    if (resolved(entry)) {
      if (entry.path === path) continue;
      if (matches(entry.path)) movedTo.set(path, entry.path);
      else if (satInGlobs(entry)) noPathToday.set(path, { why: 'outside-globs', to: entry.path });
    } else if (satInGlobs(entry)) noPathToday.set(path, { why: 'deleted' });
  }
  return { movedTo, noPathToday, history };
}

/** Whether a file's name is one the globs' last parts name (`*.yaml` of `configs/*.yaml`, `run.yaml`). */
function namedLikeConfigs(patterns: ConfigPatterns): (name: string) => boolean {
  const names = patterns.include.map((pattern) => pattern.split('/').pop() ?? pattern).filter((name) => name !== '**');
  if (names.length === 0) return () => false;
  return picomatch(names, { dot: true });
}

/** How many of the paths lie in each folder, at any depth. */
function filesUnder(paths: Iterable<string>): (folder: string) => number {
  const counts = new Map<string, number>();
  for (const path of paths) {
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  return (folder) => counts.get(folder) ?? 0;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The changes of each first-parent commit from `commit` to `head`. When `commit` is HEAD's first
 * parent (the base of a PR's merge commit) the two trees' comparison was that one step already:
 * there is nothing more to walk.
 * A shallow checkout is deepened behind HEAD, in two bounded fetches, until
 * `commit` shows as its ancestor; undefined when it does not within {@link HISTORY_LIMIT} commits.
 */
async function firstParentChanges(git: GitCommandManager, commit: string, head: string): Promise<PathChanges[] | undefined> {
  if ((await git.tryParents(head))?.[0] === commit) return [];
  let steps = await git.tryFirstParentChanges(commit, head, HISTORY_LIMIT);
  if (steps || !(await git.isShallow())) return steps;
  for (const depth of [FIRST_DEEPEN, HISTORY_LIMIT]) {
    if (!(await git.tryDeepen(head, depth))) return undefined;
    steps = await git.tryFirstParentChanges(commit, head, HISTORY_LIMIT);
    if (steps) return steps;
  }
  return undefined;
}

/**
 * The files of `commit` as the `configs` globs describe them today: a file matches at its own
 * path, or at the path it has in `head` (see {@link followMoves}). A moved file keeps its old
 * path and, once parsed, carries its current one; a file with no path the globs name today is
 * judged at its old path and says so. `inSlice` is a matrix job's slice, decided on the path the
 * file has now: a file that moved is judged in one shard only, whichever of its two paths the globs match.
 * `patterns`, the globs as written, say which file names look like configs (see {@link followMoves}).
 */
export async function listFollowingMoves(
  git: GitCommandManager,
  commit: string,
  head: string | undefined,
  matches: (path: string) => boolean,
  options: ReadOptions,
  inSlice?: (currentPath: string) => boolean,
  patterns?: ConfigPatterns,
): Promise<ListedFollowing> {
  const moves: FollowedMoves = head && head !== commit ? await followMoves(git, commit, head, matches, patterns ?? { include: [], exclude: [] }) : { movedTo: new Map(), noPathToday: new Map(), history: 'not-needed' };
  const { movedTo, noPathToday } = moves;
  const wanted = (path: string) => (matches(path) || movedTo.has(path) || noPathToday.has(path)) && (!inSlice || inSlice(movedTo.get(path) ?? path));
  return { ...(await listConfigs(git, commit, wanted, options)), commit, movedTo, noPathToday, history: moves.history };
}

/** Reads the listed files' bytes (see {@link fetchConfigs}). */
export async function fetchListed(
  git: GitCommandManager,
  listed: ListedFollowing,
  known?: { has(key: string): boolean },
  parseAs?: ReadOptions,
  onParsed?: OnParsed,
): Promise<FetchedFollowing> {
  return { ...(await fetchConfigs(git, listed, known, parseAs, onParsed)), commit: listed.commit, movedTo: listed.movedTo, noPathToday: listed.noPathToday, history: listed.history };
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
  onParsed?: OnParsed,
): Promise<FollowedConfigs> {
  const { commit, movedTo, noPathToday } = fetched;
  const collected = await parseConfigs(git, fetched, options, known, onParsed);
  let moved = 0;
  for (const config of collected.configs) {
    const now = movedTo.get(config.path);
    if (now !== undefined && now !== config.path) {
      config.currentPath = now;
      moved += 1;
    }
    const gone = noPathToday.get(config.path);
    if (gone) config.noPathToday = gone;
  }
  const { history } = fetched;
  if (collected.configs.length > 0 || collected.skipped.length > 0) return { ...collected, moved, history };
  const paths = (await git.lsTree(commit)).filter((entry) => entry.type === 'blob').map((entry) => entry.path);
  return { ...collected, moved, history, nearest: nearestPaths(paths, patterns) };
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
