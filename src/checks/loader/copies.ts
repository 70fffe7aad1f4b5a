import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError, errorMessage } from '../../errors.js';

/** A config handed to the loader: where it lives in the repository and the copy the loader reads. */
export interface LoaderTarget {
  /** Repository path, POSIX separators. */
  path: string;
  /** Absolute path of the copy given to the loader. */
  file: string;
  /** The copy's path with symbolic links resolved, when known (a loader may print either). */
  realFile?: string;
}

/** Writing copies in RAM gives way to other work (git's output for the next ref) this often, in milliseconds. */
const WRITE_SLICE_MS = 8;

/**
 * Writes each config under `dir` at its repository path, so the loader sees the real file names,
 * and returns the targets to give `runLoader`. A path that is absolute, empty or that
 * contains `.`, `..` or empty segments would not be a repository path and is refused. `inRam`
 * says `dir` is a RAM folder (tmpfs): there a write is a memory copy, and the copies are written
 * one after the other without the thread pool's round trips (3× faster for thousands of files),
 * giving way to other work every few milliseconds; on disk they are written 16 at a time.
 */
export async function writeConfigs(dir: string, files: { path: string; content: Buffer }[], { inRam = false }: { inRam?: boolean } = {}): Promise<LoaderTarget[]> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  // The folder's real path once, not each copy's: nothing below it is a link.
  const realRoot = await realpath(root).catch(() => root);
  const seen = new Set<string>();
  const targets = files.map(({ path: repoPath }) => {
    const file = configCopyPath(root, repoPath);
    if (seen.has(file)) throw new GateError(`Config ${JSON.stringify(repoPath)} is listed twice.`);
    seen.add(file);
    return { path: repoPath, file, realFile: path.join(realRoot, path.relative(root, file)) };
  });
  const directories = [...new Set(targets.map((target) => path.dirname(target.file)))];
  if (inRam) {
    await writeOneByOne(directories, targets, files);
    return targets;
  }
  await forEachLimited(directories.length, 16, async (index) => {
    await mkdir(directories[index]!, { recursive: true }).catch((error: unknown) => {
      throw writeError(directories[index]!, error);
    });
  });
  await forEachLimited(files.length, 16, async (index) => {
    const target = targets[index]!;
    await writeFile(target.file, files[index]!.content).catch((error: unknown) => {
      throw writeError(target.path, error);
    });
  });
  return targets;
}

async function writeOneByOne(directories: string[], targets: LoaderTarget[], files: { content: Buffer }[]): Promise<void> {
  let slice = performance.now();
  const giveWay = async () => {
    if (performance.now() - slice < WRITE_SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    slice = performance.now();
  };
  for (const directory of directories) {
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw writeError(directory, error);
    }
    await giveWay();
  }
  for (const [index, target] of targets.entries()) {
    try {
      writeFileSync(target.file, files[index]!.content);
    } catch (error) {
      throw writeError(target.path, error);
    }
    await giveWay();
  }
}

function configCopyPath(root: string, repoPath: string): string {
  const segments = repoPath.split(path.sep === '\\' ? /[\\/]/ : '/');
  const escapes =
    repoPath.length === 0 ||
    repoPath.includes('\0') ||
    path.posix.isAbsolute(repoPath) ||
    path.isAbsolute(repoPath) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (escapes || relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
    throw new GateError(
      `Refusing to write config ${JSON.stringify(repoPath)}: it is not a relative repository path and would leave ${root}.`,
      'Config paths come from the `configs` globs and must be relative paths without `.` or `..` segments.',
    );
  }
  return file;
}

function writeError(where: string, error: unknown): GateError {
  const reason = errorMessage(error);
  return new GateError(`Could not write config ${JSON.stringify(where)} for the loader: ${reason}`);
}

async function forEachLimited(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
