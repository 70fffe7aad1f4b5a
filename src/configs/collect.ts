import type { GitCommandManager } from '../git/git.js';
import { readConfig, sizeProblem, type ReadOptions, type ReadResult } from './parse/index.js';

/** A config file as it is in an old commit, read straight from git objects. */
export interface OldConfig {
  path: string;
  /** The blob's sha: equal blobs in two refs are the same file. */
  blob: string;
  content: Buffer;
  read: ReadResult;
  /** Where git's rename detection says the file is now, when it moved since this commit. */
  currentPath?: string;
}

/** A path that matched the globs but is not a regular file, and so is not judged. */
export interface SkippedPath {
  path: string;
  reason: string;
}

/** The configs of one commit. */
export interface CollectedConfigs {
  configs: OldConfig[];
  skipped: SkippedPath[];
}

const SYMLINK_MODE = '120000';

/**
 * Lists the commit's tree once, keeps the paths the matcher accepts, and reads all their
 * blobs in one `git cat-file --batch`. Symlinks and submodules are reported, not followed.
 */
export async function collectConfigs(
  git: GitCommandManager,
  commit: string,
  matches: (path: string) => boolean,
  options: ReadOptions,
): Promise<CollectedConfigs> {
  const skipped: SkippedPath[] = [];
  const files: Array<{ path: string; blob: string; tooLarge?: string }> = [];
  for (const entry of await git.lsTree(commit)) {
    if (!matches(entry.path)) continue;
    if (entry.type === 'commit') skipped.push({ path: entry.path, reason: 'a submodule (not followed)' });
    else if (entry.mode === SYMLINK_MODE) skipped.push({ path: entry.path, reason: 'a symbolic link (not followed)' });
    else if (entry.type === 'blob') {
      // An oversized blob is never read: the tree already says how large it is.
      const tooLarge = entry.size === undefined ? undefined : sizeProblem(entry.size, options);
      files.push({ path: entry.path, blob: entry.sha, ...(tooLarge ? { tooLarge } : {}) });
    }
  }
  const blobs = await git.readBlobs(files.filter((file) => !file.tooLarge).map((file) => file.blob));
  const configs = files.map(({ path, blob, tooLarge }): OldConfig => {
    if (tooLarge) return { path, blob, content: Buffer.alloc(0), read: { ok: false, message: tooLarge } };
    const content = blobs.get(blob) ?? Buffer.alloc(0);
    return { path, blob, content, read: readConfig(path, content, options) };
  });
  configs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { configs, skipped };
}

/**
 * Frees the parsed documents of configs that every side has judged; what remains (bytes,
 * whether they could be read) is all the reports need.
 */
export function dropDocuments(configs: OldConfig[]): void {
  for (const config of configs) {
    if (config.read.ok) config.read = { ok: true, documents: [] };
  }
}
