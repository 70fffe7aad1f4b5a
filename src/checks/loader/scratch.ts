import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { onExitOrCancel } from './process.js';

/** Linux's shared-memory file system: a folder in RAM on every Linux runner. */
export const SHARED_MEMORY = '/dev/shm';
/** `statfs` type of tmpfs. */
const TMPFS_MAGIC = 0x01021994;
/** What a file or a folder takes on tmpfs at least: one page. */
const PAGE = 4096;
/** Room left free on the shared-memory file system, for everything else that uses it. */
const HEADROOM_BYTES = 64 * 1024 * 1024;

/**
 * Where the loader's copies of the configs are written. In RAM (a private folder under
 * `/dev/shm`) when that is a tmpfs with room for twice what the copies take and 64 MiB to spare;
 * else in `disk`, the run's temp folder. Thousands of small files cost seconds to create on a
 * runner's disk and a few hundredths of that in RAM. A container's 64 MiB `/dev/shm` is too small
 * for a large run, which then goes to disk, as does a copy the RAM refuses half-way (`ENOSPC`).
 * {@link Scratch.dispose} removes the folder in RAM; `disk` is the caller's to remove.
 */
export class Scratch {
  private ram: Promise<string | undefined> | undefined;
  /** A run that is cancelled, or ends without `dispose`, does not leave its copies in RAM. */
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly disk: string,
    private readonly sharedMemory: string | undefined = process.platform === 'linux' ? SHARED_MEMORY : undefined,
  ) {}

  /** A new, empty folder `name` (e.g. `pr/run-1`) for these files. */
  async folder(name: string, files: readonly { path: string; content: Buffer }[]): Promise<{ dir: string; inRam: boolean }> {
    const ram = files.length > 0 && (await this.fits(files)) ? await this.ramRoot() : undefined;
    if (ram) {
      const dir = path.join(ram, name);
      const made = await mkdir(dir, { recursive: true }).then(
        () => true,
        () => false,
      );
      if (made) return { dir, inRam: true };
    }
    const dir = path.join(this.disk, name);
    await mkdir(dir, { recursive: true });
    return { dir, inRam: false };
  }

  /** The same folder on disk, after the RAM refused a copy. */
  async onDisk(name: string): Promise<string> {
    const dir = path.join(this.disk, name);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async dispose(): Promise<void> {
    const ram = this.ram ? await this.ram : undefined;
    this.ram = undefined;
    this.stopWatching?.();
    this.stopWatching = undefined;
    if (ram) await rm(ram, { recursive: true, force: true }).catch(() => undefined);
  }

  private async fits(files: readonly { path: string; content: Buffer }[]): Promise<boolean> {
    if (!this.sharedMemory) return false;
    const room = await statfs(this.sharedMemory).catch(() => undefined);
    return room !== undefined && room.type === TMPFS_MAGIC && fitsInRam(files, room.bavail * room.bsize);
  }

  /** One folder in RAM per run, made as mkdtemp makes it (a fresh name, private to this user). */
  private ramRoot(): Promise<string | undefined> {
    const sharedMemory = this.sharedMemory;
    if (!sharedMemory) return Promise.resolve(undefined);
    return (this.ram ??= mkdtemp(path.join(sharedMemory, 'compat-gate-')).then(
      (made) => {
        this.stopWatching = onExitOrCancel(() => rmSync(made, { recursive: true, force: true }));
        return made;
      },
      () => undefined,
    ));
  }
}

/** Whether `available` bytes of tmpfs hold twice what the copies take, and 64 MiB to spare. */
export function fitsInRam(files: readonly { path: string; content: Buffer }[], available: number): boolean {
  return available >= 2 * footprint(files) + HEADROOM_BYTES;
}

/** Bytes the copies take on tmpfs: whole pages, a page per folder. */
function footprint(files: readonly { path: string; content: Buffer }[]): number {
  const folders = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    bytes += Math.max(1, Math.ceil(file.content.length / PAGE)) * PAGE;
    for (let dir = path.posix.dirname(file.path); dir !== '.' && dir !== '/' && !folders.has(dir); dir = path.posix.dirname(dir)) folders.add(dir);
  }
  return bytes + folders.size * PAGE;
}
