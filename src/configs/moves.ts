import type { PathChanges } from '../git/git.js';

/** Where one file of an old commit went, step by step. */
export interface TracedPath {
  /** Its last known path: where it is now, or where it was (or would be, by a folder's move) when it went. */
  path: string;
  /** True once a step deleted it with no counterpart. */
  gone: boolean;
  /** Every path it had on the way, and where its folder moved: where it sat, for the globs' question. */
  trail: string[];
}

/** The parent folders of a path, without the file's name (`a/b/c.yaml` → `['a', 'b']`). */
function foldersOf(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return parts;
}

/** One step's changes; `remaining`, when known, counts the files a folder still holds after the step. */
export type MoveStep = Pick<PathChanges, 'renames' | 'deleted' | 'added'> & { remaining?: (folder: string) => number };

/**
 * The folders that moved in one step, the way git's merge (merge-ort) finds directory renames:
 * each rename `A/x → B/x` counts for `A → B`, and for each pair of parent folders whose trailing
 * names agree (`a/b/c/x → d/b/c/x` counts for `a/b/c → d/b/c`, `a/b → d/b` and `a → d`). A folder
 * moved to the target that most of the files renamed out of it went to: more than to any other,
 * and more than half of them; when the step says how many files the folder still holds, more
 * than those too (merge-ort asks that the folder be gone; a folder rewritten on the way, some
 * files seen as deleted and added, still counts). The top of the tree never moves.
 */
export function directoryRenames(step: MoveStep): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const left = new Map<string, number>();
  for (const { from, to } of step.renames) {
    // A file left each folder of its old path that its new path is not inside.
    const folders = foldersOf(from);
    for (let depth = folders.length; depth > 0; depth--) {
      const folder = folders.slice(0, depth).join('/');
      if (to.startsWith(`${folder}/`)) break;
      left.set(folder, (left.get(folder) ?? 0) + 1);
    }
    const a = folders;
    const b = foldersOf(to);
    for (let i = a.length, j = b.length; i > 0; i--, j--) {
      const oldFolder = a.slice(0, i).join('/');
      const newFolder = b.slice(0, j).join('/');
      if (oldFolder === newFolder) break;
      const targets = counts.get(oldFolder) ?? new Map<string, number>();
      targets.set(newFolder, (targets.get(newFolder) ?? 0) + 1);
      counts.set(oldFolder, targets);
      if (j === 0 || a[i - 1] !== b[j - 1]) break;
    }
  }
  const moved = new Map<string, string>();
  for (const [folder, targets] of counts) {
    const [best, second] = [...targets].sort((x, y) => y[1] - x[1]);
    // A tie names no target (merge-ort leaves such a folder alone too).
    if (!best || (second && second[1] === best[1])) continue;
    if (best[1] * 2 <= (left.get(folder) ?? 0)) continue;
    if (step.remaining && best[1] <= step.remaining(folder)) continue;
    moved.set(folder, best[0]);
  }
  return moved;
}

/** Where `path` would be after its folder's move: the deepest moved folder that holds it decides. */
export function throughMovedFolders(path: string, moved: ReadonlyMap<string, string>): string | undefined {
  const folders = foldersOf(path);
  for (let depth = folders.length; depth > 0; depth--) {
    const target = moved.get(folders.slice(0, depth).join('/'));
    if (target !== undefined) return [target, ...folders.slice(depth), path.slice(path.lastIndexOf('/') + 1)].filter(Boolean).join('/');
  }
  return undefined;
}

/**
 * The renames of one step, whole-file ones and, by the folders that moved, those git saw as a
 * deletion and an addition (a file of a moved folder rewritten on the way): `A/x` deleted and
 * `B/x` added, when `A` moved to `B`, is one file.
 */
export function renamesOfStep(step: MoveStep): { renames: Map<string, string>; folders: Map<string, string> } {
  const folders = directoryRenames(step);
  const renames = new Map(step.renames.map(({ from, to }) => [from, to]));
  const taken = new Set(step.renames.map(({ to }) => to));
  const added = new Set(step.added);
  for (const path of step.deleted) {
    const target = throughMovedFolders(path, folders);
    if (target !== undefined && added.has(target) && !taken.has(target) && !renames.has(path)) {
      renames.set(path, target);
      taken.add(target);
    }
  }
  return { renames, folders };
}

/**
 * Follows each path through steps, oldest first: a rename moves it, a deletion ends it (its
 * path kept where its folder moved, so that a file deleted from a folder that moved into the
 * globs is still known to have sat there).
 */
export function tracePaths(paths: Iterable<string>, steps: Iterable<MoveStep>): Map<string, TracedPath> {
  const traced = new Map<string, TracedPath>();
  for (const path of paths) traced.set(path, { path, gone: false, trail: [path] });
  const go = (entry: TracedPath, to: string) => {
    entry.path = to;
    if (!entry.trail.includes(to)) entry.trail.push(to);
  };
  for (const step of steps) {
    const { renames, folders } = renamesOfStep(step);
    const deleted = new Set(step.deleted);
    for (const entry of traced.values()) {
      const before = entry.path;
      // Where its folder went, whatever became of the file itself.
      const withFolder = throughMovedFolders(before, folders);
      if (withFolder !== undefined && !entry.trail.includes(withFolder)) entry.trail.push(withFolder);
      if (entry.gone) {
        if (withFolder !== undefined) entry.path = withFolder;
        continue;
      }
      const to = renames.get(before);
      if (to !== undefined) go(entry, to);
      else if (deleted.has(before)) {
        entry.gone = true;
        if (withFolder !== undefined) entry.path = withFolder;
      }
    }
  }
  return traced;
}
