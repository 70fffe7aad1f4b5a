import type { GitCommandManager } from '../git/git.js';
import { lfsPointer } from './lfs.js';
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
  /** Set when the file has no path the globs name today: it is judged at its path here. */
  noPathToday?: NoPathToday;
  /**
   * Set when the documents were set aside once the PR's code had judged them (see
   * {@link setDocumentsAside}): {@link documentsOf} reads them again from `content` this way.
   */
  reread?: ReadOptions;
}

/** Why a file of an old commit is judged at its old path: it has no path the `configs` globs name today. */
export interface NoPathToday {
  /** `deleted`: no counterpart today (deleted since); `outside-globs`: it moved to `to`, a path the globs do not name. */
  why: 'deleted' | 'outside-globs';
  to?: string;
}

/** What a skipped path is. */
export type SkippedKind = 'symlink' | 'submodule' | 'lfs-pointer';

/** Every kind of skipped path, in the order reports name them. */
export const SKIPPED_KINDS: readonly SkippedKind[] = ['lfs-pointer', 'symlink', 'submodule'];

/**
 * A path that matched the globs but whose content is not in the tree (a symbolic link, a
 * submodule, a Git LFS pointer), and so is not judged.
 */
export interface SkippedPath {
  path: string;
  kind: SkippedKind;
  reason: string;
}

const SKIPPED_WORDS: Record<SkippedKind, [string, string]> = {
  'lfs-pointer': ['Git LFS pointer', 'Git LFS pointers'],
  symlink: ['symbolic link', 'symbolic links'],
  submodule: ['submodule', 'submodules'],
};

/** What the skipped paths are, in words: `2 Git LFS pointers, 1 symbolic link`. */
export function describeSkipped(skipped: readonly Pick<SkippedPath, 'kind'>[]): string {
  const counts = countSkipped(skipped);
  return SKIPPED_KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${SKIPPED_WORDS[kind][counts[kind] === 1 ? 0 : 1]}`)
    .join(', ');
}

/**
 * The note for a ref whose matches include Git LFS pointers (their content was not checked),
 * or whose matches were all skipped (nothing was checked there); `where` names the ref.
 */
export function skippedNote(collected: CollectedConfigs, where: string): string | undefined {
  const pointers = collected.skipped.filter((skipped) => skipped.kind === 'lfs-pointer').map((skipped) => skipped.path);
  const named = namedPaths(pointers);
  if (collected.configs.length === 0 && collected.skipped.length > 0) {
    return `Every file in ${where} that matches the \`configs\` patterns was skipped (${describeSkipped(collected.skipped)})${pointers.length ? `: the content of a Git LFS pointer (${named}) lives in Git LFS and was not checked` : ''}. Nothing was checked there.`;
  }
  if (pointers.length === 0) return undefined;
  const one = pointers.length === 1;
  return `${one ? '1 file' : `${pointers.length} files`} in ${where} matching the \`configs\` patterns ${one ? 'is a Git LFS pointer' : 'are Git LFS pointers'} (${named}): ${one ? 'its' : 'their'} content lives in Git LFS and was not checked (listed as skipped).`;
}

/** Paths a note names before it says `and N more`. */
const NAMED_PATHS = 5;

/** Paths as inline code, the first {@link NAMED_PATHS}: `` `a.toml`, `b.toml` and 3 more ``. */
function namedPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, NAMED_PATHS).map(codeSpan);
  const rest = paths.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

/** A path as a code span that its own backticks cannot end (CommonMark 6.1). */
function codeSpan(path: string): string {
  const fence = '`'.repeat(Math.max(0, ...(path.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = path.startsWith('`') || path.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${path}${pad}${fence}`;
}

/** How many skipped paths of each kind: a ref whose matches were all skipped checked nothing. */
export function countSkipped(skipped: readonly Pick<SkippedPath, 'kind'>[]): Record<SkippedKind, number> {
  const counts: Record<SkippedKind, number> = { 'lfs-pointer': 0, symlink: 0, submodule: 0 };
  for (const { kind } of skipped) counts[kind] += 1;
  return counts;
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
    if (entry.type === 'commit') skipped.push({ path: entry.path, kind: 'submodule', reason: 'a submodule (not followed)' });
    else if (entry.mode === SYMLINK_MODE) skipped.push({ path: entry.path, kind: 'symlink', reason: 'a symbolic link (not followed)' });
    else if (entry.type === 'blob') {
      // An oversized blob is never read: the tree already says how large it is.
      const tooLarge = entry.size === undefined ? undefined : sizeProblem(entry.size, options);
      files.push({ path: entry.path, blob: entry.sha, ...(tooLarge ? { tooLarge } : {}) });
    }
  }
  return { files, skipped };
}

/** The git work of reading configs, done: a listing with the bytes of the files to parse. */
export interface FetchedConfigs extends ConfigListing {
  blobs: ReadonlyMap<string, Buffer>;
  /** Files already parsed while their bytes streamed in, by {@link configKey}. */
  parsed?: ReadonlyMap<string, OldConfig>;
}

/** Called with each config as soon as it is parsed, while git sends the next ones. */
export type OnParsed = (config: OldConfig) => void;

/**
 * Reads the listed files' bytes in one `git cat-file --batch`, but not the files in `known`
 * (the same path and blob, read for another ref) nor those too large to read. With
 * `parseAs`, each file is parsed as soon as its bytes arrive, while git sends the next ones.
 */
export async function fetchConfigs(
  git: GitCommandManager,
  listing: ConfigListing,
  known: { has(key: string): boolean } = new Set(),
  parseAs?: ReadOptions,
  onParsed?: OnParsed,
): Promise<FetchedConfigs> {
  const toRead = listing.files.filter((file) => !file.tooLarge && !known.has(configKey(file)));
  if (toRead.length === 0) return { ...listing, blobs: new Map() };
  if (!parseAs) return { ...listing, blobs: await git.readBlobs(toRead.map((file) => file.blob)) };
  // One blob may sit at several paths, and a path's name decides its format.
  const pathsOf = new Map<string, string[]>();
  for (const file of toRead) {
    const paths = pathsOf.get(file.blob);
    if (paths) paths.push(file.path);
    else pathsOf.set(file.blob, [file.path]);
  }
  const parsed = new Map<string, OldConfig>();
  const blobs = await git.readBlobs(toRead.map((file) => file.blob), (blob, content) => {
    if (lfsPointer(content)) return;
    for (const path of pathsOf.get(blob) ?? []) {
      const config: OldConfig = { path, blob, content, read: readConfig(path, content, parseAs) };
      onParsed?.(config);
      parsed.set(configKey(config), config);
    }
  });
  return { ...listing, blobs, parsed };
}

/** Parsing gives way to other work (git's output for the next ref) this often, in milliseconds. */
const PARSE_SLICE_MS = 12;

/**
 * Parses fetched files; a file in `known` is taken from there. A file fetched as known whose
 * config `known` does not hold after all is fetched now. Parsing yields to the event loop every
 * few milliseconds, so that git's output for the next ref flows while this one is parsed.
 */
export async function parseConfigs(
  git: GitCommandManager,
  fetched: FetchedConfigs,
  options: ReadOptions,
  known: ReadonlyMap<string, OldConfig> = new Map(),
  onParsed?: OnParsed,
): Promise<CollectedConfigs> {
  const { files } = fetched;
  const skipped = [...fetched.skipped];
  const missing = files.filter((file) => !file.tooLarge && !known.has(configKey(file)) && !fetched.blobs.has(file.blob));
  const late = missing.length > 0 ? await git.readBlobs(missing.map((file) => file.blob)) : new Map<string, Buffer>();
  const configs: OldConfig[] = [];
  let slice = performance.now();
  for (const file of files) {
    const { path, blob, tooLarge } = file;
    if (tooLarge) {
      configs.push({ path, blob, content: Buffer.alloc(0), read: { ok: false, message: tooLarge } });
      continue;
    }
    // The listed file carries its key (made when the fetch left out the known ones).
    const key = configKey(file);
    const same = known.get(key);
    if (same) {
      configs.push({ path, blob, content: same.content, read: same.read, ...(same.reread ? { reread: same.reread } : {}) });
      continue;
    }
    // A streamed config was parsed as its bytes arrived (never a Git LFS pointer).
    const streamed = fetched.parsed?.get(key);
    if (streamed) {
      configs.push(streamed);
      continue;
    }
    const content = fetched.blobs.get(blob) ?? late.get(blob) ?? Buffer.alloc(0);
    // A checkout without git-lfs, and git itself, see only the pointer: never parse it as the config.
    const pointer = lfsPointer(content);
    if (pointer) {
      skipped.push({ path, kind: 'lfs-pointer', reason: `a Git LFS pointer: its content (${pointer.size} bytes) lives in Git LFS and was not checked` });
      continue;
    }
    const config: OldConfig = { path, blob, content, read: readConfig(path, content, options) };
    onParsed?.(config);
    configs.push(config);
    if (performance.now() - slice > PARSE_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  configs.sort(byPath);
  skipped.sort(byPath);
  return { configs, skipped };
}

/**
 * A config's key, kept on it once made (the caches of each side look a config up many times), as
 * a property no copy, comparison or JSON sees.
 */
const KEY = Symbol('configKey');

/** One file of one tree: the same key in two refs is the same file, read the same way. */
export function configKey(config: { path: string; blob: string }): string {
  const keyed = config as { path: string; blob: string; [KEY]?: string };
  let key = keyed[KEY];
  if (key === undefined) {
    key = `${config.blob}\0${config.path}`;
    if (Object.isExtensible(config)) Object.defineProperty(config, KEY, { value: key });
  }
  return key;
}

/**
 * Sets a config's documents aside once the PR's code has judged them and nothing else is sure
 * to need them: at 10,000 configs a ref's documents are most of the memory, and documents let go
 * as soon as they are judged cost the garbage collector far less than documents held until the
 * whole ref is. A side that asks later gets them read again from the bytes ({@link documentsOf}).
 */
export function setDocumentsAside(config: OldConfig, options: ReadOptions): void {
  if (!config.read.ok) return;
  config.read = { ok: true, documents: [] };
  config.reread = options;
}

/** A readable config's documents: as parsed, or read again from its bytes when they were set aside. */
export function documentsOf(config: OldConfig): unknown[] {
  if (!config.read.ok) return [];
  if (!config.reread) return config.read.documents;
  const again = readConfig(config.path, config.content, config.reread);
  // The same bytes read the same way read the same: a failure here cannot happen.
  return again.ok ? again.documents : [];
}

/**
 * Frees the parsed documents of configs that every side has judged; what remains (bytes,
 * whether they could be read) is all the reports need. They are set aside as
 * {@link setDocumentsAside} does: a side that still asked would read them again, never find none.
 */
export function dropDocuments(configs: readonly OldConfig[], options: ReadOptions): void {
  for (const config of configs) setDocumentsAside(config, options);
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
