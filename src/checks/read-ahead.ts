// The read-ahead: while one ref is judged, the next release's bytes are fetched from git (and,
// with a loader, parsed and started on with the PR's code), so that git, the parser and the
// loader work side by side. Every piece of work started ahead is recorded in the run's scope
// and settled before the run's copies are removed.
import type { ProcessLanes } from './lanes.js';
import type { Scratch } from './loader/index.js';
import type { CachedSide } from './sides.js';
import { configKey, type OldConfig } from '../configs/collect.js';
import type { FetchedFollowing, FollowedConfigs } from '../configs/follow.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

/** What a run leaves to clean up (the loader's copies in RAM, the work it started ahead), and who may run at once. */
export interface RunScope {
  scratch: Scratch;
  started: Set<Promise<unknown>>;
  lanes: ProcessLanes;
}

/** A release being read: its configs, and the PR's code started on them. */
export interface ReleaseReading {
  collected: Promise<FollowedConfigs>;
  onPrDone: Promise<void>;
}

/** What the read-ahead needs from the run. */
export interface ReadAheadSetup {
  git: GitCommandManager;
  /** The releases, or their lookup still running. */
  releasesReady: Promise<readonly RefTarget[]>;
  /** The base's config files, listed: the releases' files with the same path and blob are read once. */
  baseFiles: ReadonlyArray<{ path: string; blob: string }>;
  /** A ref's bytes from git, the files already read (`known`) left out. */
  fetch: (ref: RefTarget, known: { has(key: string): boolean }) => Promise<FetchedFollowing>;
  /** A ref's bytes parsed, the configs already parsed (`known`) reused. */
  parse: (fetched: FetchedFollowing, known: ReadonlyMap<string, OldConfig>) => Promise<FollowedConfigs>;
  onPr: CachedSide;
  /** The run's work started ahead, settled before its copies are removed. */
  started: Set<Promise<unknown>>;
  /** With a loader, the next release is parsed and the PR's loader started on it ahead; else only its bytes are fetched. */
  withLoader: boolean;
}

/**
 * Schedules the releases' reading. A ref's parsed documents are dropped once both sides have
 * judged them: at 10,000 configs a ref's documents are most of the memory. The next ref's bytes
 * are fetched meanwhile (in a schema-only run parsed and judged as they stream in, the documents
 * the schemas accept set aside at once; with a loader, parsed after, and the PR's loader started
 * on them: at most two refs' documents are held at once, and the PR's loader runs on both refs
 * side by side, two processes on a runner's cores).
 */
export class ReadAhead {
  /** The keys of the base's files that a release holds too (same path, same blob). */
  private readonly sharedKeysReady: Promise<Set<string>>;
  private readonly fetched = new Map<number, Promise<FetchedFollowing>>();
  private readonly reading = new Map<number, ReleaseReading>();
  private releases: readonly RefTarget[] = [];
  private shared: ReadonlyMap<string, OldConfig> = new Map();

  /** Starts at once, while the base is read: which files the releases share with it, and the first release's bytes. */
  constructor(private readonly setup: ReadAheadSetup) {
    this.sharedKeysReady = setup.releasesReady.then((releases) => sharedWithReleases(setup.git, setup.baseFiles, releases));
    // Safe: `afterBase` awaits it and meets its failure; this only keeps it from counting as
    // unhandled until then (a run that fails before has its own error).
    this.sharedKeysReady.catch(() => undefined);
    // The first release is looked up and its bytes fetched while the base's are parsed, as git streams them.
    const firstRelease = setup.releasesReady.then((found) => (found[0] ? this.fetch(0, found[0]) : undefined));
    // Safe: its failure is the lookup's or the fetch's, each awaited where it is used; the run settles it before cleaning up.
    firstRelease.catch(() => undefined);
    setup.started.add(firstRelease);
  }

  /** Once the base is read: the releases, and the base's configs they share (kept parsed for them). */
  async afterBase(baseConfigs: readonly OldConfig[]): Promise<{ releases: readonly RefTarget[]; shared: ReadonlyMap<string, OldConfig> }> {
    this.releases = await this.setup.releasesReady;
    const sharedKeys = await this.sharedKeysReady;
    this.shared = new Map(baseConfigs.filter((config) => sharedKeys.has(configKey(config))).map((config) => [configKey(config), config]));
    return { releases: this.releases, shared: this.shared };
  }

  /** With a loader, starts reading the release at `index` (and the PR's loader on it) ahead of its turn. */
  readAhead(index: number): void {
    if (this.setup.withLoader && index < this.releases.length && !this.reading.has(index)) this.reading.set(index, this.read(index));
  }

  /** The release at `index`, read ahead or read now; the one after it is started meanwhile. */
  next(index: number): ReleaseReading {
    const reading = this.reading.get(index) ?? this.read(index);
    this.reading.delete(index);
    this.readAhead(index + 1);
    const following = this.releases[index + 1];
    // Safe: `fetch` keeps the promise (with its failure) for that release's turn and records it in the run's started work.
    if (following) void this.fetch(index + 1, following);
    return reading;
  }

  /** A release's configs read and the PR's code started on them. */
  private read(index: number): ReleaseReading {
    const release = this.releases[index]!;
    const collected = this.fetch(index, release).then((fetched) => this.setup.parse(fetched, this.shared));
    const onPrDone = collected.then((found) => this.setup.onPr.run(found.configs, release.ref));
    this.setup.started.add(onPrDone);
    // Safe: the release's turn awaits it and meets its failure; one read ahead whose turn never
    // comes (the run failed first) is settled with the run's started work.
    onPrDone.catch(() => undefined);
    return { collected, onPrDone };
  }

  /** A release's bytes, fetched from git once, while the ref before it is parsed and judged. */
  private fetch(index: number, target: RefTarget): Promise<FetchedFollowing> {
    let fetched = this.fetched.get(index);
    if (!fetched) {
      fetched = this.sharedKeysReady.then((keys) => this.setup.fetch(target, keys));
      // Safe: the release's turn awaits it and meets its failure; until then (or when the run
      // fails first) it is only settled with the run's started work.
      fetched.catch(() => undefined);
      this.setup.started.add(fetched);
      this.fetched.set(index, fetched);
    }
    return fetched;
  }
}

/**
 * The configs of each release that the base holds too (same path, same blob), by key: read and
 * parsed once, for the base, and kept for the releases.
 */
async function sharedWithReleases(git: GitCommandManager, baseFiles: ReadonlyArray<{ path: string; blob: string }>, releases: readonly RefTarget[]): Promise<Set<string>> {
  if (releases.length === 0) return new Set();
  const inReleases = new Set<string>();
  for (const release of releases) {
    for (const entry of await git.lsTree(release.sha)) if (entry.type === 'blob') inReleases.add(configKey({ path: entry.path, blob: entry.sha }));
  }
  return new Set(baseFiles.map(configKey).filter((key) => inReleases.has(key)));
}
