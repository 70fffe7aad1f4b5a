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

/** The files of a commit that match the globs, listed but not yet read. */
export interface ConfigListing {
  files: Array<{ path: string; blob: string; tooLarge?: string }>;
  skipped: SkippedPath[];
}

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
  return readConfigs(git, await listConfigs(git, commit, matches, options), options);
}

/** The matching files of a commit's tree, with the ones too large to read marked. */
export async function listConfigs(
  git: GitCommandManager,
  commit: string,
  matches: (path: string) => boolean,
  options: ReadOptions,
): Promise<ConfigListing> {
  const skipped: SkippedPath[] = [];
  const files: ConfigListing['files'] = [];
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
  return { files, skipped };
}

/**
 * Reads and parses the listed files. A file in `known` (the same path and blob, already read
 * for another ref) is taken from there: its bytes are not fetched and not parsed again.
 */
export async function readConfigs(
  git: GitCommandManager,
  { files, skipped }: ConfigListing,
  options: ReadOptions,
  known: ReadonlyMap<string, OldConfig> = new Map(),
): Promise<CollectedConfigs> {
  const toRead = files.filter((file) => !file.tooLarge && !known.has(configKey(file)));
  const blobs = toRead.length > 0 ? await git.readBlobs(toRead.map((file) => file.blob)) : new Map<string, Buffer>();
  const configs = files.map(({ path, blob, tooLarge }): OldConfig => {
    if (tooLarge) return { path, blob, content: Buffer.alloc(0), read: { ok: false, message: tooLarge } };
    const same = known.get(configKey({ path, blob }));
    if (same) return { path, blob, content: same.content, read: same.read };
    const content = blobs.get(blob) ?? Buffer.alloc(0);
    return { path, blob, content, read: readConfig(path, content, options) };
  });
  configs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { configs, skipped };
}

/** One file of one tree: the same key in two refs is the same file, read the same way. */
export function configKey(config: { path: string; blob: string }): string {
  return `${config.blob}\0${config.path}`;
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
