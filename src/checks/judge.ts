import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Evaluator, type Evaluation, type Finding } from './evaluate.js';
import { ProcessLanes } from './lanes.js';
import { Scratch } from './loader/index.js';
import { contention, noConfigNote, nothingAccepted, nothingCollected, nothingToLoad } from './nothing-checked.js';
import { changeMatches, diffSchemas, loadResolvedSchema, type SchemaChange } from './schema-diff/index.js';
import { SCHEMA_READ_OPTIONS } from './schema-refs.js';
import { compileSchema, workspaceSource, type CompiledSchema, type RefMapping, type SchemaSource } from './schema.js';
import type { SuiteSides } from './suite/sides.js';
import { configKey, dropDocuments, skippedNote, type NoPathToday, type OldConfig, type SkippedPath } from '../configs/collect.js';
import { HISTORY_LIMIT, fetchFollowingMoves, fetchListed, listFollowingMoves, parseFollowing, type FetchedFollowing, type FollowedConfigs } from '../configs/follow.js';
import { locate, yamlVersionDifference, yamlVersionHint, type YamlVersion } from '../configs/parse/index.js';
import { createMatcher, inShard, type ConfigPatterns, type Shard } from '../configs/select.js';
import { ConfigStatus, DriftStatus } from '../constants.js';
import { GateError, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

/** Everything the engine needs to judge configs; plain values, no toolkit. */
export interface GateOptions {
  /** Top folder of the PR checkout (the git repository). */
  repositoryRoot: string;
  /** Absolute folder where the loader runs and relative paths resolve. */
  workingDirectory: string;
  patterns: ConfigPatterns;
  /** The PR's JSON Schema, relative to workingDirectory. */
  schema?: string;
  refMap: RefMapping[];
  checkFormats: boolean;
  /** The PR's runtime loader, a shell command. */
  loader?: string;
  loaderTimeoutSeconds: number;
  /** The loader's environment, secrets already removed. */
  loaderEnv: Record<string, string>;
  yamlVersion: YamlVersion;
  /** Judge only this stable slice of the configs (a matrix job's share). */
  shard?: Shard;
  /** The integration suite, run with one config a process on the configs `patterns` name. */
  suite?: SuiteOptions;
  /** Loader processes that may run at once across the check; undefined: two a loader run, refs side by side. */
  loaderJobs?: number;
  /** A folder the engine owns for this run; removed by the caller. */
  tempDir: string;
}

/** The `suite`, `suite-configs` and `suite-timeout` inputs. */
export interface SuiteOptions {
  /** Shell text; `{config}` stands for the config's path, else the path is appended. */
  command: string;
  /** Which of the configs read the suite runs on. */
  patterns: ConfigPatterns;
  timeoutSeconds: number;
}

/** The layers that load a config, each judged on its own. */
export type Layer = 'schema' | 'loader' | 'suite';

/**
 * What one layer made of a config on one side: `accepts`, `rejects`; `absent` when that side
 * has no such layer (the PR introduces the schema), so nothing there rejected the config;
 * `not-run` when it was not asked (not needed to judge the config, or skipped).
 */
export type LayerOutcome = 'accepts' | 'rejects' | 'absent' | 'not-run';

/** One layer's outcome on the base and on the PR. */
export interface LayerJudgement {
  base: LayerOutcome;
  pr: LayerOutcome;
  /** Suite layer, test by test: the tests that passed on the base and fail on the PR. They break the config though the base failed too. */
  newFailures?: string[];
  /** Suite layer: how many tests failed on the PR and on the base alike (not the PR's doing). */
  failedOnBoth?: number;
}

/** Each layer the PR has, with its outcome on both sides. */
export type LayerJudgements = Partial<Record<Layer, LayerJudgement>>;

/** One old config and what the PR's code makes of it. */
export interface JudgedConfig {
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the old ref. */
  currentPath?: string;
  /** Set when it has no path the globs name today (deleted since, or moved out of the globs): judged at its old path. */
  noPathToday?: NoPathToday;
  blob: string;
  status: ConfigStatus;
  /** Why it does not load on the PR (or cannot be read), first the most useful: a broken config's breaking layer first. */
  findings: Finding[];
  /** Why it does not load with the base's code, in every layer that rejects it there. */
  baseFindings?: Finding[];
  /** Each layer on its own: the config is broken when a layer that accepted it on the base rejects it on the PR. */
  layers?: LayerJudgements;
  /** For a broken config: the messages of the breaking schema changes its errors fall under. */
  causes?: string[];
}

/** The configs of one old ref, judged. */
export interface JudgedRef {
  ref: RefTarget;
  configs: JudgedConfig[];
  skipped: SkippedPath[];
}

/** One release config and what the PR does to it, compared with the base. */
export interface DriftConfig {
  /** Its path in the release. */
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the release. */
  currentPath?: string;
  /** Set when it has no path the globs name today (deleted since, or moved out of the globs): judged at its path in the release. */
  noPathToday?: NoPathToday;
  blob: string;
  status: DriftStatus;
  /** Why it does not load on the PR. */
  findings: Finding[];
  /** Why it did not load on the base (existing and fixed drift), in every layer that rejects it there. */
  baseFindings?: Finding[];
  /** Each layer on its own: new drift when a layer that accepted it on the base rejects it on the PR. */
  layers?: LayerJudgements;
}

/** A release's configs, judged on the PR and on the base. */
export interface JudgedRelease {
  ref: RefTarget;
  configs: DriftConfig[];
  skipped: SkippedPath[];
  /** When no config of the release matches the globs, at its path or through a move: the nearest paths it has. */
  nearest?: string[];
}

/** A difference between the base's schema and the PR's, with its line in the schema file. */
export type LocatedSchemaChange = SchemaChange & { line?: number };

/**
 * A schema change with the configs it broke: the broken configs of the base and the new drift
 * of the release whose schema errors fall under it. A breaking change that broke none is latent.
 */
export type AttributedSchemaChange = LocatedSchemaChange & {
  configs: string[];
  /** Configs already failing on the base whose new schema errors fall under it: it shows there, without counting. */
  shownBy?: string[];
};

/** What the engine found, before acknowledgement turns it into a verdict. */
export interface GateRun {
  base: JudgedRef;
  /** The first release (`releases[0]`), for readers of one release. */
  release?: JudgedRelease;
  /** Every release compared with, in the order the `release` input names them. */
  releases?: JudgedRelease[];
  /** How the PR's schema differs from the base's; absent when there is nothing to compare. */
  schemaChanges?: AttributedSchemaChange[];
  schema?: {
    file: string;
    draft: string;
    files: string[];
    /** The base's schema file when the PR moved or renamed it. */
    baseFile?: string;
    /** The base has no schema: the PR introduces it, and the configs it rejects are broken by the PR. */
    newInPr?: boolean;
  };
  loader?: { command: string };
  loaderProcesses: number;
  /** The suite layer: its command, how many configs it ran on, its processes and their time. */
  suite?: { command: string; configs: number; processes: number; durationMs: number };
  /** The base has no config and the PR checkout has these many: the PR adds the first ones. */
  firstConfigs?: number;
  /** Things a maintainer should know that are not failures: fallbacks, empty globs. */
  notes: string[];
}

/** Most findings a config keeps: the first ones are the useful ones. */
const MAX_FINDINGS_PER_CONFIG = 20;

/**
 * Runs one side's code over configs, once per distinct file: a config with the same path and
 * blob in the base and in the release is evaluated once.
 */
class CachedSide {
  private readonly findings = new Map<string, Finding[]>();
  private readonly pending = new Map<string, Promise<void>>();
  processes = 0;
  retriedAlone = 0;

  constructor(private readonly evaluate: (configs: OldConfig[], refLabel: string) => Promise<Evaluation>) {}

  /** Runs on the configs neither judged yet nor being judged by a run still going, then waits for those. */
  async run(configs: OldConfig[], refLabel: string): Promise<void> {
    const missing = new Map<string, OldConfig>();
    const waits = new Set<Promise<void>>();
    for (const config of configs) {
      const key = cacheKey(config);
      if (!config.read.ok || this.findings.has(key) || missing.has(key)) continue;
      const pending = this.pending.get(key);
      if (pending) waits.add(pending);
      else missing.set(key, config);
    }
    if (missing.size > 0) {
      const job = this.evaluate([...missing.values()], refLabel).then((evaluation) => {
        this.processes += evaluation.loaderProcesses;
        this.retriedAlone += evaluation.retriedAlone ?? 0;
        for (const [key, config] of missing) this.findings.set(key, evaluation.findings.get(config.path) ?? []);
      });
      for (const key of missing.keys()) this.pending.set(key, job);
      waits.add(job.finally(() => missing.forEach((_, key) => this.pending.delete(key))));
    }
    await Promise.all(waits);
  }

  get(config: OldConfig): Finding[] | undefined {
    return this.findings.get(cacheKey(config));
  }
}

const cacheKey = configKey;

/**
 * Judges the base's configs (the gate) and the release's (drift) with the PR's schema and
 * loader, each layer on its own. A base config that a layer of the PR rejects is judged again
 * by that layer of the base (the base's own schema, the base's own loader in a copy of its
 * tree): only then can the PR be blamed or cleared, and that work is done only for the
 * configs and layers that fail on the PR. A release config that loads on the PR is checked
 * against the base's schema alone (fixed drift). Nothing checked is an error, never a pass
 * (see {@link nothingChecked}).
 */
export async function judge(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  /** The releases, or their lookup still running: it is awaited once the base is read. */
  release?: RefTarget | readonly RefTarget[] | Promise<readonly RefTarget[]>,
): Promise<GateRun> {
  const releases = Promise.resolve(release === undefined ? [] : release instanceof Promise ? release : 'sha' in release ? [release] : release);
  releases.catch(() => undefined);
  const scope: RunScope = { scratch: new Scratch(options.tempDir), started: new Set(), lanes: new ProcessLanes(options.loaderJobs) };
  try {
    return await judgeRefs(git, options, base, releases, scope);
  } finally {
    // Work started ahead (a release read while the loader ran) ends before its copies are removed.
    await Promise.allSettled(scope.started);
    await scope.scratch.dispose();
  }
}

/** What a run leaves to clean up (the loader's copies in RAM, the work it started ahead), and who may run at once. */
interface RunScope {
  scratch: Scratch;
  started: Set<Promise<unknown>>;
  lanes: ProcessLanes;
}

async function judgeRefs(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  releasesReady: Promise<readonly RefTarget[]>,
  { scratch, started, lanes }: RunScope,
): Promise<GateRun> {
  if (!options.schema && !options.loader && !options.suite) throw nothingToLoad();
  const notes: string[] = [];
  const schemaPath = options.schema ? repositoryPath(options, options.schema, 'schema') : undefined;
  const at = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  // The schema files of each side are read for compiling and again for the schema diff.
  const prSource = workspaceSource(options.repositoryRoot, 'the PR checkout');
  const baseSource = gitSource(git, base.sha, at);
  const prSchema = schemaPath
    ? await compileSchema(schemaPath, prSource, options)
    : undefined;
  const baseSchemaFile = schemaPath ? await findBaseSchema(git, baseSource, base, schemaPath, options, notes) : undefined;
  const matchesGlobs = createMatcher(options.patterns);
  const { shard } = options;
  const inSlice = shard ? (path: string) => inShard(path, shard) : undefined;
  const readOptions = { yamlVersion: options.yamlVersion };
  const head = await git.tryResolveCommit('HEAD');
  /** A ref's configs, followed across moves to the paths the globs describe at the PR's HEAD. */
  const fetchRef = (ref: RefTarget, known?: { has(key: string): boolean }) => fetchFollowingMoves(git, ref.sha, head, matchesGlobs, readOptions, known, inSlice, options.patterns);
  const parseRef = async (fetched: FetchedFollowing, known?: ReadonlyMap<string, OldConfig>) => {
    const found = await parseFollowing(git, fetched, options.patterns, readOptions, known);
    // Without a schema nothing reads the documents (the loader reads its copies): only whether
    // each file could be read is kept.
    if (!prSchema) dropDocuments(found.configs);
    return found;
  };
  const noteSkipped = (collected: FollowedConfigs, ref: RefTarget, role: string) => {
    const skippedWhy = skippedNote(collected, `the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)})`);
    if (skippedWhy) notes.push(skippedWhy);
  };
  await mkdir(options.tempDir, { recursive: true });
  const prEvaluator = new Evaluator({
    label: 'the PR',
    ...(prSchema ? { schema: prSchema } : {}),
    ...(options.loader ? { loader: loaderSetup(options, options.workingDirectory, lanes) } : {}),
    scratch,
    folder: 'pr',
  });
  const onPr = new CachedSide((configs, refLabel) => prEvaluator.evaluate(configs, refLabel));
  // When the base reads the very same schema files, its schema says what the PR's says: the base
  // side's schema findings are the PR's, and the base's schema is never compiled.
  const schemaUnchanged =
    prSchema && baseSchemaFile && !baseSchemaFile.moved ? await schemaUnchangedOnBase(prSchema, prSource, baseSource, at, notes) : false;
  let baseSchema: Promise<BaseSchema> | undefined;
  const compiledBaseSchema = () => (baseSchema ??= compileBaseSchema(baseSource, options, baseSchemaFile));
  // The base's schema alone: cheap, in-process; it judges the schema layer of the base.
  const onBaseSchema = new CachedSide(async (configs, refLabel) => {
    if (schemaUnchanged) return schemaFindingsOf(onPr, configs);
    const schema = await compiledBaseSchema();
    if (schema.kind === 'uncompilable') return everyConfigRejected(configs, 'schema', schema.reason);
    return new Evaluator({ label: at, ...(schema.kind === 'compiled' ? { schema: schema.compiled } : {}), scratch, folder: 'base' }).evaluate(configs, refLabel);
  });
  // The base's loader alone, in a copy of the base's tree: it runs only on what the PR's loader rejects.
  // The base's tree, copied once for its loader and its suite.
  let baseTree: Promise<string | { failure: string }> | undefined;
  const baseWorkingDirectory = () => (baseTree ??= exportBaseTree(git, options, base.sha));
  let baseLoader: Promise<Evaluator | { failure: string }> | undefined;
  const onBaseLoader = new CachedSide(async (configs, refLabel) => {
    const evaluator = await (baseLoader ??= baseWorkingDirectory().then((cwd) =>
      typeof cwd === 'string' ? new Evaluator({ label: at, loader: loaderSetup(options, cwd, lanes), scratch, folder: 'base' }) : cwd,
    ));
    if ('failure' in evaluator) return everyConfigRejected(configs, 'loader', evaluator.failure);
    try {
      return await evaluator.evaluate(configs, refLabel);
    } catch (error) {
      // A loader that cannot start on the base has loaded none of its configs.
      if (!(error instanceof GateError)) throw error;
      baseLoader = Promise.resolve({ failure: error.message });
      return everyConfigRejected(configs, 'loader', error.message);
    }
  });
  // The suite layer (and its XML parser) is loaded only by the runs that have one.
  const suiteModule = options.suite ? await import('./suite/sides.js') : undefined;
  const suite: SuiteSides | undefined =
    suiteModule && options.suite
      ? new suiteModule.SuiteSides({ suite: options.suite, prCwd: options.workingDirectory, baseCwd: baseWorkingDirectory, env: options.loaderEnv, lanes, scratch })
      : undefined;
  const layersOfPr: Layer[] = [...(prSchema ? (['schema'] as const) : []), ...(options.loader ? (['loader'] as const) : [])];
  const rejectsOnPr = (layer: Layer) => (config: OldConfig) => config.read.ok && rejects(onPr.get(config), layer);
  /** Runs each layer of the base on the configs that layer of the PR rejects. */
  const judgeOnBase = async (configs: OldConfig[], refLabel: string) => {
    if (prSchema && baseSchemaFile) await onBaseSchema.run(configs.filter(rejectsOnPr('schema')), refLabel);
    if (options.loader) await onBaseLoader.run(configs.filter(rejectsOnPr('loader')), refLabel);
  };

  // A ref's parsed documents are dropped once both sides have judged them: at 10,000 configs a
  // ref's documents are most of the memory. The next ref's bytes are fetched meanwhile (and,
  // with a loader, parsed too: at most two refs' documents are held at once).
  const baseListed = await listFollowingMoves(git, base.sha, head, matchesGlobs, readOptions, inSlice, options.patterns);
  // A file a release shares with the base (same path, same blob) is read and parsed once: its
  // documents are kept for the releases' own checks.
  const sharedKeysReady = releasesReady.then((releases) => sharedWithReleases(git, baseListed.files, releases));
  sharedKeysReady.catch(() => undefined);
  /** A release's bytes, fetched from git while the ref before it is parsed and judged. */
  const fetchedReleases = new Map<number, Promise<FetchedFollowing>>();
  const fetchRelease = (index: number, target: RefTarget): Promise<FetchedFollowing> => {
    let fetched = fetchedReleases.get(index);
    if (!fetched) {
      fetched = sharedKeysReady.then((keys) => fetchRef(target, keys));
      fetched.catch(() => undefined);
      started.add(fetched);
      fetchedReleases.set(index, fetched);
    }
    return fetched;
  };
  // The first release is looked up and its bytes fetched while the base's are parsed, as git streams them.
  const firstRelease = releasesReady.then((found) => (found[0] ? fetchRelease(0, found[0]) : undefined));
  firstRelease.catch(() => undefined);
  started.add(firstRelease);
  const onBaseRef = await parseRef(await fetchListed(git, baseListed, undefined, readOptions));
  noteSkipped(onBaseRef, base, 'base');
  notes.push(...movesNote(onBaseRef, base, 'base'));
  const firstConfigs = await nothingCollected(git, options, onBaseRef, base, matchesGlobs, notes);
  const releases = await releasesReady;
  const sharedKeys = await sharedKeysReady;
  const shared = new Map(onBaseRef.configs.filter((config) => sharedKeys.has(configKey(config))).map((config) => [configKey(config), config]));
  /**
   * A release's configs read and the PR's code started on them. With a loader, the next ref is read
   * while the loader runs on this one, and the PR's loader runs on both refs side by side (two
   * processes on a runner's cores): only two refs' documents are held at once.
   */
  const readRelease = (index: number) => {
    const collected = fetchRelease(index, releases[index]!).then((fetched) => parseRef(fetched, shared));
    const onPrDone = collected.then((found) => onPr.run(found.configs, releases[index]!.ref));
    started.add(onPrDone);
    onPrDone.catch(() => undefined);
    return { collected, onPrDone };
  };
  const ahead = new Map<number, ReturnType<typeof readRelease>>();
  const readAhead = (index: number) => {
    if (options.loader && index < releases.length && !ahead.has(index)) ahead.set(index, readRelease(index));
  };
  const onPrOfBase = onPr.run(onBaseRef.configs, base.ref);
  readAhead(0);
  await onPrOfBase;
  await judgeOnBase(onBaseRef.configs, base.ref);
  // The suite runs once every loader process of this ref has ended, one config at a time.
  await suite?.judgeRef(onBaseRef.configs, base.ref, false);
  const readable = onBaseRef.configs.filter((config) => config.read.ok);
  const undecided = suite?.undecided(onBaseRef.configs) ?? [];
  const blind = [
    prSchema && baseSchemaFile ? await nothingAccepted('schema', readable, onPr, onBaseSchema, base.ref, readOptions, describeBaseSchema(baseSchemaFile, at)) : undefined,
    options.loader ? await nothingAccepted('loader', readable, onPr, onBaseLoader, base.ref, readOptions, at, options.loaderJobs) : undefined,
    suite?.cannotRunOnBase(onBaseRef.configs, at),
    undecided.length ? suiteModule!.suiteTimedOut(undecided, options.suite!.timeoutSeconds, at) : undefined,
  ].filter((error): error is GateError => error !== undefined);
  const baseOutcome = (config: OldConfig, layer: Layer): { outcome: LayerOutcome; findings: Finding[] } => {
    if (layer === 'schema' && !baseSchemaFile) return { outcome: 'absent', findings: [] };
    const found = (layer === 'schema' ? onBaseSchema : onBaseLoader).get(config);
    if (!found) return { outcome: 'not-run', findings: [] };
    const mine = found.filter((finding) => finding.layer === layer);
    return { outcome: mine.length ? 'rejects' : 'accepts', findings: mine };
  };
  const sidesOf = (config: OldConfig): ConfigSides => {
    const pr = onPr.get(config) ?? [];
    const layers: LayerJudgements = {};
    const baseFindings: Finding[] = [];
    for (const layer of layersOfPr) {
      const onBase = baseOutcome(config, layer);
      layers[layer] = { base: onBase.outcome, pr: rejects(pr, layer) ? 'rejects' : 'accepts' };
      baseFindings.push(...onBase.findings);
    }
    const suiteLayer = suite?.layer(config);
    if (!suiteLayer) return { pr, base: baseFindings, layers };
    layers.suite = suiteLayer.judgement;
    return { pr: [...pr, ...suiteLayer.pr], base: [...baseFindings, ...suiteLayer.base], layers };
  };
  const configs = onBaseRef.configs.map((config) => withCurrentPath(config, judgeConfig(config, sidesOf(config), readOptions)));
  // The base's documents not shared with a release are dropped now.
  dropDocuments(onBaseRef.configs.filter((config) => !shared.has(configKey(config))));
  // A layer of the base that accepts nothing compares nothing: an error, unless the other layer
  // found a break, which stands (the blind layer is then a note).
  if (blind.length && !configs.some((config) => config.status === ConfigStatus.Broken)) throw blind[0];
  for (const error of blind) notes.push(`${error.message} ${error.hint ?? ''}`.trim());

  const judgedReleases: JudgedRelease[] = [];
  for (const [index, target] of releases.entries()) {
    const { collected: reading, onPrDone } = ahead.get(index) ?? readRelease(index);
    ahead.delete(index);
    readAhead(index + 1);
    if (index + 1 < releases.length) void fetchRelease(index + 1, releases[index + 1]!);
    const collected = await reading;
    await onPrDone;
    noteSkipped(collected, target, 'release');
    notes.push(...movesNote(collected, target, 'release'));
    if (collected.configs.length === 0 && collected.skipped.length === 0) notes.push(noConfigNote(options.patterns, target, 'release', shard) + nearestNote(collected.nearest));
    await judgeOnBase(collected.configs, target.ref);
    // The workflow compat-gate replaces runs a release's config with main's code too: that is how
    // a config the PR fixes is known.
    await suite?.judgeRef(collected.configs, target.ref, true);
    const timedOut = suite?.undecided(collected.configs) ?? [];
    if (timedOut.length) notes.push(`${suiteModule!.suiteTimedOut(timedOut, options.suite!.timeoutSeconds, at).message} Their drift is shown as existing.`);
    // Release configs that load on the PR are checked against the base's schema only, to find the
    // ones the PR fixed: running the base's loader on every one of them would cost as much again.
    if (prSchema && baseSchemaFile) {
      await onBaseSchema.run(collected.configs.filter((config) => config.read.ok && (onPr.get(config)?.length ?? 0) === 0), target.ref);
    }
    const configs = collected.configs.map((config) => withCurrentPath(config, judgeDrift(config, sidesOf(config), readOptions)));
    dropDocuments(collected.configs);
    judgedReleases.push({ ref: target, configs, skipped: collected.skipped, ...(collected.nearest ? { nearest: collected.nearest } : {}) });
  }
  dropDocuments([...shared.values()]);
  if (suite && suite.configs.size === 0 && readable.length > 0) throw suiteMatchedNothing(options.suite!.patterns, readable.length);

  if (options.loader) {
    const refused = [...configs, ...judgedReleases.flatMap((release) => release.configs)].flatMap((config) => [...config.findings, ...(config.baseFindings ?? [])]);
    const contended = contention(refused, options.loaderJobs);
    if (contended) notes.push(contended);
    const retried = onPr.retriedAlone + onBaseLoader.retriedAlone;
    if (retried && !contended) {
      notes.push(
        `${retried === 1 ? 'A loader process' : `${retried} loader processes`} lost a port or a lock to another loader process running beside ${retried === 1 ? 'it' : 'them'}, and ${retried === 1 ? 'was' : 'were'} run again alone, so that the verdict does not depend on which one won. Set \`loader-jobs: 1\` (the CLI's \`--loader-jobs 1\`) to run one loader process at a time from the start.`,
      );
    }
  }

  const schemaChanges = schemaUnchanged
    ? []
    : schemaPath && prSchema && baseSchemaFile ? await diffWithBase(baseSource, prSource, options, baseSchemaFile.path, schemaPath, notes) : undefined;

  return attributeSchemaChanges({
    base: { ref: base, configs, skipped: onBaseRef.skipped },
    ...(judgedReleases.length > 0 ? { release: judgedReleases[0]!, releases: judgedReleases } : {}),
    ...(prSchema
      ? {
          schema: {
            file: prSchema.file,
            draft: prSchema.draft,
            files: prSchema.files,
            ...(baseSchemaFile && baseSchemaFile.path !== schemaPath ? { baseFile: baseSchemaFile.path } : {}),
            ...(baseSchemaFile ? {} : { newInPr: true }),
          },
        }
      : {}),
    ...(schemaChanges ? { schemaChanges } : {}),
    ...(options.loader ? { loader: { command: options.loader } } : {}),
    loaderProcesses: onPr.processes + onBaseLoader.processes,
    ...(suite && options.suite
      ? { suite: { command: options.suite.command, configs: suite.configs.size, processes: suite.processes, durationMs: suite.durationMs } }
      : {}),
    ...(firstConfigs ? { firstConfigs } : {}),
    notes,
  });
}

/** `suite-configs` names none of the configs read: the suite layer would compare nothing. */
function suiteMatchedNothing(patterns: ConfigPatterns, configs: number): GateError {
  const globs = [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((glob) => `\`${glob}\``).join(', ');
  return new GateError(
    (n) => `The ${n.setting('suite-configs')} (${globs}) names none of the ${configs} configs read from the base and the releases: the suite ran on nothing.`,
    (n) => `Give globs that match paths the ${n.setting('configs')} match (the suite runs on a subset of them), or leave the ${n.setting('suite-configs')} out to run it on every config.`,
  );
}

/** Whether a side's findings hold one of this layer. */
function rejects(findings: readonly Finding[] | undefined, layer: Layer): boolean {
  return findings?.some((finding) => finding.layer === layer) ?? false;
}

/** An evaluation in which one layer rejected every config for one reason (it could not run). */
function everyConfigRejected(configs: OldConfig[], layer: Layer, message: string): Evaluation {
  return { findings: new Map(configs.map((config) => [config.path, [{ layer, message }]])), loaderProcesses: 0 };
}

/** A config's findings on each side, and each layer's outcome. */
interface ConfigSides {
  pr: Finding[];
  base: Finding[];
  layers: LayerJudgements;
}

/** The layers that accepted the config on the base (or did not exist there) and reject it on the PR. */
export function breakingLayers(layers: LayerJudgements): Layer[] {
  return (Object.keys(layers) as Layer[]).filter((layer) => {
    const judgement = layers[layer]!;
    return judgement.pr === 'rejects' && (judgement.base === 'accepts' || judgement.base === 'absent' || (judgement.newFailures?.length ?? 0) > 0);
  });
}

/**
 * The gate's rule (SPEC, "Gate"), layer by layer: a config is *broken* when some layer that
 * accepted it on the base rejects it on the PR; *failing on base* when every layer that
 * rejects it on the PR rejected it on the base too; *ok* when no layer of the PR rejects it.
 * An old failure in one layer never hides a regression in the other.
 */
export function layerStatus(layers: LayerJudgements): 'ok' | 'broken' | 'failing-on-base' {
  const rejecting = (Object.keys(layers) as Layer[]).filter((layer) => layers[layer]!.pr === 'rejects');
  if (rejecting.length === 0) return 'ok';
  return breakingLayers(layers).length > 0 ? 'broken' : 'failing-on-base';
}

/** A run as judging leaves it, before its schema changes are joined with the configs they broke. */
export type UnattributedRun = Omit<GateRun, 'schemaChanges'> & { schemaChanges?: LocatedSchemaChange[] };

/**
 * Joins each schema change with the configs it broke, once: a broken config (of the base, or
 * new drift of the release) falls under a change when one of its schema errors sits at the
 * change's place. Each broken base config then names its breaking changes as causes.
 */
export function attributeSchemaChanges(run: UnattributedRun): GateRun {
  const { schemaChanges, ...rest } = run;
  if (!schemaChanges) return rest;
  const broken: Array<JudgedConfig | DriftConfig> = [
    ...run.base.configs.filter((config) => config.status === ConfigStatus.Broken),
    ...(run.releases ?? (run.release ? [run.release] : [])).flatMap((release) => release.configs.filter((config) => config.status === DriftStatus.New)),
  ];
  const matched = schemaChanges.map((change) => ({
    change,
    configs: broken.filter((config) =>
      config.findings.some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer)),
    ),
  }));
  // A config already failing on the base shows a change when the PR's schema errs at its place
  // and the base's schema did not: the change is real there, though it is not counted.
  const failing = run.base.configs.filter((config) => config.status === ConfigStatus.FailingOnBase);
  const shows = (change: LocatedSchemaChange, config: JudgedConfig) =>
    config.findings.some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer)) &&
    !(config.baseFindings ?? []).some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer));
  const causesOf = (config: JudgedConfig) => [
    ...new Set(matched.filter((entry) => entry.change.severity === 'breaking' && entry.configs.includes(config)).map((entry) => entry.change.message)),
  ];
  return {
    ...rest,
    base: {
      ...rest.base,
      configs: run.base.configs.map((config) => {
        const causes = config.status === ConfigStatus.Broken ? causesOf(config) : [];
        return causes.length ? { ...config, causes } : config;
      }),
    },
    schemaChanges: matched.map(({ change, configs }) => {
      // Only a latent change needs them: one that broke configs is shown by those.
      const shownBy = change.severity === 'breaking' && configs.length === 0 ? failing.filter((config) => shows(change, config)).map((config) => config.path) : [];
      return { ...change, configs: [...new Set(configs.map((config) => config.path))], ...(shownBy.length ? { shownBy: [...new Set(shownBy)] } : {}) };
    }),
  };
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

/** A judged config with the path it has now, when it moved since its ref, or why it has none. */
function withCurrentPath<T extends object>(config: OldConfig, judged: T): T & { currentPath?: string; noPathToday?: NoPathToday } {
  return {
    ...judged,
    ...(config.currentPath ? { currentPath: config.currentPath } : {}),
    ...(config.noPathToday ? { noPathToday: config.noPathToday } : {}),
  };
}

/**
 * What a maintainer should know of an old ref's configs that moved or have no path today: the
 * PR's own moves (judged at their path on the base), and, when moves could not be followed
 * commit by commit, that the configs with no path today were looked for by the trees alone.
 */
function movesNote(collected: FollowedConfigs, ref: RefTarget, role: 'base' | 'release'): string[] {
  const notes: string[] = [];
  const moved = collected.configs.filter((config) => config.currentPath);
  if (role === 'base' && moved.length > 0) {
    const shown = moved.slice(0, 3).map((config) => `\`${config.path}\` → \`${config.currentPath}\``).join(', ');
    notes.push(
      `This PR moves ${moved.length === 1 ? '1 config' : `${moved.length} configs`} (${shown}${moved.length > 3 ? `, and ${moved.length - 3} more` : ''}): each is judged at its path on the base \`${ref.ref}\`, with the PR's code.`,
    );
  }
  const gone = collected.configs.filter((config) => config.noPathToday).length;
  if (gone > 0 && collected.history === 'unavailable') {
    notes.push(
      `${gone === 1 ? '1 config' : `${gone} configs`} of the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) ${gone === 1 ? 'has' : 'have'} no path today. Moves were found by comparing its tree with the PR's and by the folders that moved, not commit by commit: the first-parent history from it to the PR is not at hand within ${HISTORY_LIMIT} commits, or it is not on that history (a release tagged on another branch).`,
    );
  }
  return notes;
}

/** " The nearest paths it has: …" for a ref where no config matched; empty without any. */
function nearestNote(nearest: readonly string[] | undefined): string {
  return nearest?.length ? ` The nearest paths it has: ${nearest.map((path) => `\`${path}\``).join(', ')}.` : '';
}

/**
 * A release config's drift, layer by layer: *new* (a layer that accepted it on the base
 * rejects it on the PR: this PR breaks it), *existing* (every layer that rejects it on the PR
 * rejected it on the base), *fixed* (loads on the PR, failed on the base), or ok.
 */
function judgeDrift(config: OldConfig, sides: ConfigSides, readOptions: { yamlVersion: YamlVersion }): DriftConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: DriftStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  const status = layerStatus(layers);
  if (status === 'ok') {
    return sides.base.length === 0
      ? { path, blob, status: DriftStatus.Ok, findings: [], layers }
      : { path, blob, status: DriftStatus.Fixed, findings: [], ...baseFindings, layers };
  }
  const findings = explained(config, breakingFirst(sides.pr, breakingLayers(layers)), readOptions);
  return status === 'broken'
    ? { path, blob, status: DriftStatus.New, findings, ...baseFindings, layers }
    : { path, blob, status: DriftStatus.Existing, findings, ...baseFindings, layers };
}

function parseFindings(config: OldConfig): Finding[] {
  if (config.read.ok) return [];
  const { message, position } = config.read;
  return [{ layer: 'parse', message, ...(position ? { line: position.line, column: position.column } : {}) }];
}

/** A base config judged layer by layer (see {@link layerStatus}). */
function judgeConfig(config: OldConfig, sides: ConfigSides, readOptions: { yamlVersion: YamlVersion }): JudgedConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: ConfigStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const status = layerStatus(layers);
  if (status === 'ok') return { path, blob, status: ConfigStatus.Ok, findings: [], layers };
  const findings = explained(config, breakingFirst(sides.pr, breakingLayers(layers)), readOptions);
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  return { path, blob, status: status === 'broken' ? ConfigStatus.Broken : ConfigStatus.FailingOnBase, findings, ...baseFindings, layers };
}

/** The findings of the layers that broke first: the first error shown is the one the PR caused. */
function breakingFirst(findings: Finding[], breaking: Layer[]): Finding[] {
  if (breaking.length === 0) return findings;
  const isBreaking = (finding: Finding) => (breaking as string[]).includes(finding.layer);
  return [...findings.filter(isBreaking), ...findings.filter((finding) => !isBreaking(finding))];
}

/**
 * Whether every schema file the PR's schema reaches has the same bytes on the base. Then the
 * schema layer cannot break a config (the same files, the same options, the same validator),
 * and a note says so.
 */
async function schemaUnchangedOnBase(prSchema: CompiledSchema, prSource: SchemaSource, baseSource: SchemaSource, at: string, notes: string[]): Promise<boolean> {
  for (const file of prSchema.files) {
    const [before, after] = await Promise.all([baseSource.read(file).catch(() => undefined), prSource.read(file)]);
    if (!before || !after || !before.equals(after)) return false;
  }
  const others = prSchema.files.length - 1;
  const files = others === 0 ? `\`${prSchema.file}\` is` : `\`${prSchema.file}\` and the ${others} file${others === 1 ? '' : 's'} it references are`;
  notes.push(`The PR does not change the schema (${files} byte-identical on ${at}): the schema layer cannot break a config, so the base's schema was not evaluated again.`);
  return true;
}

/** The base's schema layer when its schema is the PR's: the PR's schema findings, evaluated once. */
function schemaFindingsOf(onPr: CachedSide, configs: OldConfig[]): Evaluation {
  const findings = new Map<string, Finding[]>();
  for (const config of configs) findings.set(config.path, (onPr.get(config) ?? []).filter((finding) => finding.layer === 'schema'));
  return { findings, loaderProcesses: 0 };
}

/**
 * The first findings, with their line in the old file and, for a schema error on a value that
 * YAML 1.1 and 1.2 read differently, a hint saying so.
 */
function explained(config: OldConfig, findings: Finding[], readOptions: { yamlVersion: YamlVersion }): Finding[] {
  return findings.slice(0, MAX_FINDINGS_PER_CONFIG).map((finding) => withYamlHint(config, withPosition(config, finding, readOptions), readOptions));
}

function withPosition(config: OldConfig, finding: Finding, readOptions: { yamlVersion: YamlVersion }): Finding {
  if (finding.pointer === undefined || finding.line !== undefined) return finding;
  const position = locate(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer, finding.target ?? 'value');
  return position ? { ...finding, line: position.line, column: position.column } : finding;
}

/** Marks the end of a schema message that carries the YAML-version hint, so that it is added once. */
const YAML_HINT_MARK = ' — ';

function withYamlHint(config: OldConfig, finding: Finding, readOptions: { yamlVersion: YamlVersion }): Finding {
  if (finding.layer !== 'schema' || finding.pointer === undefined || finding.target === 'key') return finding;
  const difference = yamlVersionDifference(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer);
  if (!difference) return finding;
  const hint = yamlVersionHint(difference);
  return finding.message.endsWith(hint) ? finding : { ...finding, message: `${finding.message}${YAML_HINT_MARK}${hint}` };
}

/** The base's schema: where it is, and whether the PR moved it. */
interface BaseSchemaFile {
  path: string;
  /** True when the base has it at another path (the PR moved or renamed it). */
  moved: boolean;
}

type BaseSchema = { kind: 'compiled'; compiled: CompiledSchema } | { kind: 'uncompilable'; reason: string };

/**
 * Where the base keeps the schema: at the same path, else at the path git's rename detection
 * says the PR moved it from. Undefined when the base has none: the PR introduces it, and every
 * config it rejects is broken by the PR (a note says so).
 */
async function findBaseSchema(
  git: GitCommandManager,
  source: SchemaSource,
  base: RefTarget,
  schemaPath: string,
  options: GateOptions,
  notes: string[],
): Promise<BaseSchemaFile | undefined> {
  if (await source.read(schemaPath)) return { path: schemaPath, moved: false };
  const head = await git.tryResolveCommit('HEAD');
  const old = head ? await git.tryRenamedFrom(base.sha, head, schemaPath) : undefined;
  if (old && (await source.read(old))) {
    notes.push(`The PR moved the schema from \`${old}\` to \`${schemaPath}\`: ${source.label} is judged with its own \`${old}\`.`);
    return { path: old, moved: true };
  }
  notes.push(
    `The schema \`${schemaPath}\` is new in this PR: ${source.label} has no such file, nor one git sees it moved from. Configs it rejects are broken by this PR${options.loader ? '; on the base, configs are judged by the loader alone' : ''}.`,
  );
  return undefined;
}

function describeBaseSchema(file: BaseSchemaFile, at: string): string {
  return `${at} (its schema \`${file.path}\`)`;
}

/** The base's schema compiled from git at the base commit, or why it cannot be. */
async function compileBaseSchema(source: SchemaSource, options: GateOptions, file: BaseSchemaFile | undefined): Promise<BaseSchema> {
  if (!file) return { kind: 'uncompilable', reason: 'the base has no schema' };
  try {
    return { kind: 'compiled', compiled: await compileSchema(file.path, source, options) };
  } catch (error) {
    return { kind: 'uncompilable', reason: `the schema of ${source.label} could not be compiled: ${describeError(error)}` };
  }
}

/**
 * The base's working directory in a throw-away copy of the base's tree, where its loader and its
 * suite run; or why that copy cannot be made.
 */
async function exportBaseTree(git: GitCommandManager, options: GateOptions, commit: string): Promise<string | { failure: string }> {
  const tree = join(options.tempDir, 'base-tree');
  try {
    await mkdir(tree, { recursive: true });
    await git.exportTree(commit, tree);
  } catch (error) {
    await rm(tree, { recursive: true, force: true });
    return { failure: `the base's tree could not be copied to run its code: ${describeError(error)}` };
  }
  return join(tree, relative(options.repositoryRoot, options.workingDirectory));
}

/**
 * Compares the base's schema with the PR's, both resolved. Informational: when either side
 * cannot be walked, a note says so and the verdict is untouched.
 */
async function diffWithBase(
  baseSource: SchemaSource,
  prSource: SchemaSource,
  options: GateOptions,
  baseSchemaPath: string,
  schemaPath: string,
  notes: string[],
): Promise<LocatedSchemaChange[] | undefined> {
  let changes: SchemaChange[];
  try {
    const [before, after] = await Promise.all([loadResolvedSchema(baseSchemaPath, baseSource, options), loadResolvedSchema(schemaPath, prSource, options)]);
    changes = diffSchemas(before, after);
  } catch (error) {
    notes.push(`The schema change could not be classified (${describeError(error)}); configs were still judged.`);
    return undefined;
  }
  const texts = new Map<string, Buffer | undefined>();
  const located: LocatedSchemaChange[] = [];
  for (const change of changes) {
    if (!texts.has(change.file)) texts.set(change.file, (await prSource.read(change.file)) ?? (await baseSource.read(change.file)));
    const text = texts.get(change.file);
    const position = text ? locate(change.file, text, SCHEMA_READ_OPTIONS, 0, change.schemaPointer, 'key') : undefined;
    located.push(position ? { ...change, line: position.line } : change);
  }
  return located;
}

function loaderSetup(options: GateOptions, cwd: string, lanes: ProcessLanes) {
  return { command: options.loader!, cwd, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds, lanes };
}

/** Reads repository files as they are in a commit, each file once. */
export function gitSource(git: GitCommandManager, commit: string, label: string): SchemaSource {
  const files = new Map<string, Promise<Buffer | undefined>>();
  return {
    label,
    read: (path) => {
      let file = files.get(path);
      if (!file) files.set(path, (file = git.readFile(commit, path)));
      return file;
    },
  };
}

/** A path given relative to the working directory, as a POSIX path from the repository root. */
function repositoryPath(options: GateOptions, path: string, input: string): string {
  const absolute = resolve(options.workingDirectory, path);
  const fromRoot = relative(options.repositoryRoot, absolute);
  if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new GateError((n) => `The ${n.setting(input)} \`${path}\` is outside the repository.`, (n) => `Give a path inside the checkout, relative to the ${n.setting('working-directory')}.`);
  }
  return fromRoot.split(sep).join('/');
}
