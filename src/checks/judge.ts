// The engine's entry: `judge()` reads the base's configs and each release's, and judges them with
// the PR's code against the base's. Read the parts one at a time:
//   judged.ts      what judging returns (GateOptions in, GateRun out)
//   schemas.ts     the PR's schema and the base's, and how they differ
//   sides.ts       the code of each side (PR, base schema, base loader, suite), cached by config
//   read-ahead.ts  the next release fetched and parsed while the current ref is judged
//   judge-ref.ts   one ref's configs judged layer by layer (the gate's rule, drift)
//   attribution.ts schema changes joined with the configs they broke, and migrations
//   run-notes.ts   what the maintainer should know that is not a failure
import { mkdir } from 'node:fs/promises';
import type { Evaluator } from './evaluate.js';
import { attributeSchemaChanges, withMigrations } from './attribution.js';
import type { GateOptions, GateRun, JudgedRelease, LocatedSchemaChange } from './judged.js';
import { judgeBaseRef, judgeReleaseRef, type RefJudging } from './judge-ref.js';
import { ProcessLanes } from './lanes.js';
import { Scratch } from './loader/index.js';
import { findMigrations, type BrokenOfRef } from './migration/index.js';
import { nothingCollected, nothingToLoad } from './nothing-checked.js';
import { ReadAhead, type RunScope } from './read-ahead.js';
import { loaderNotes, refNotes, suiteMatchedNothing, suiteNotes } from './run-notes.js';
import { diffWithBase, openSchemas, type BegunSchema, type Schemas } from './schemas.js';
import { openSides, type Sides } from './sides.js';
import { dropDocuments, setDocumentsAside, type OldConfig, type OnParsed } from '../configs/collect.js';
import { fetchListed, listFollowingMoves, parseFollowing, type FetchedFollowing } from '../configs/follow.js';
import type { ReadOptions } from '../configs/parse/index.js';
import { createMatcher, inShard } from '../configs/select.js';
import { describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

export type * from './judged.js';
export { attributeSchemaChanges } from './attribution.js';
export { breakingLayers, layerStatus } from './judge-ref.js';
export { beginPrSchema, gitSource, type BegunSchema } from './schemas.js';

/**
 * Judges the base's configs (the gate) and the release's (drift) with the PR's schema and
 * loader, each layer on its own. A base config that a layer of the PR rejects is judged again
 * by that layer of the base (the base's own schema, the base's own loader in a copy of its
 * tree): only then can the PR be blamed or cleared, and that work is done only for the
 * configs and layers that fail on the PR. A release config that loads on the PR is checked
 * against the base's schema alone (fixed drift). Nothing checked is an error, never a pass
 * (see nothing-checked.ts).
 */
export async function judge(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  /** The releases, or their lookup still running: it is awaited once the base is read. */
  releases?: RefTarget | readonly RefTarget[] | Promise<readonly RefTarget[]>,
  /** Work begun before the base was resolved: the PR's schema, begun by {@link beginPrSchema} with these options. */
  begun?: BegunSchema,
): Promise<GateRun> {
  const lookup = Promise.resolve(releases === undefined ? [] : releases instanceof Promise ? releases : 'sha' in releases ? [releases] : releases);
  // Safe: the read-ahead awaits the lookup once the base is read and meets its failure there; this
  // only keeps it from counting as unhandled until then (a run that fails before has its own error).
  lookup.catch(() => undefined);
  const scope: RunScope = { scratch: new Scratch(options.tempDir), started: new Set(), lanes: new ProcessLanes(options.loaderJobs) };
  try {
    return await judgeRefs(git, options, base, lookup, scope, begun);
  } finally {
    // Work started ahead (a release read while the loader ran) ends before its copies are removed.
    await Promise.allSettled(scope.started);
    await scope.scratch.dispose();
  }
}

async function judgeRefs(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  releasesReady: Promise<readonly RefTarget[]>,
  scope: RunScope,
  begun: BegunSchema | undefined,
): Promise<GateRun> {
  if (!options.schema && !options.loader && !options.suite) throw nothingToLoad();
  const notes: string[] = [];
  const matchesGlobs = createMatcher(options.patterns);
  const { shard } = options;
  const inSlice = shard ? (path: string) => inShard(path, shard) : undefined;
  const readOptions = { yamlVersion: options.yamlVersion };
  const head = await git.tryResolveCommit('HEAD');
  // The base's configs, followed across moves to the paths the globs describe at the PR's HEAD:
  // listed, fetched and parsed while the schemas are read and compiled (none of it needs them).
  const baseListing = listFollowingMoves(git, base.sha, head, matchesGlobs, readOptions, inSlice, options.patterns);
  // Once the PR's schema is compiled, a schema-only run judges each config as it is parsed.
  // Configs parsed before the PR's schema is compiled wait for it (a few, or the whole ref when
  // git is fast), so that what is judged as parsed does not depend on timing.
  const asParsed: { judge?: OnParsed; waiting: OldConfig[] } = { waiting: [] };
  const onBaseParsed: OnParsed = (config) => (asParsed.judge ? asParsed.judge(config) : void asParsed.waiting.push(config));
  const baseRead = baseListing.then(async (listed) =>
    parseFollowing(git, await fetchListed(git, listed, undefined, readOptions, onBaseParsed), options.patterns, readOptions, undefined, onBaseParsed),
  );
  // Safe: both are awaited once the schemas are open (a failure of the schemas' is met first, as
  // when they were read first); the run's end waits for the reading either way.
  baseRead.catch(() => undefined);
  scope.started.add(baseRead);
  const schemas = await openSchemas(git, options, base, notes, begun);
  await mkdir(options.tempDir, { recursive: true });
  const sides = await openSides(git, options, base, schemas, scope, notes);
  // The schema diff needs the two schemas only: it is worked out while the configs are read (its
  // notes keep their place among the run's).
  const diffNotes: string[] = [];
  const schemaDiff = diffOfSchemas(sides, schemas, options, diffNotes);
  // Safe: awaited once the refs are judged; a run that fails first settles it with its started work.
  schemaDiff.catch(() => undefined);
  scope.started.add(schemaDiff);
  asParsed.judge = judgedAsParsed(sides, schemas, readOptions) ?? (() => undefined);
  for (const config of asParsed.waiting.splice(0)) asParsed.judge(config);
  const run: RefJudging = { options, base, schemas, sides, readOptions, notes };
  // In a schema-only run, a release config the PR's schema accepts is judged by the base's schema
  // too as it is parsed (fixed drift).
  let releaseJudge: Promise<OnParsed | undefined> | undefined;
  const judgedAsRelease = () =>
    (releaseJudge ??= sides.prEvaluator.schemaOnly
      ? sides.baseSchemaEvaluator().then((baseSchema) => judgedAsParsed(sides, schemas, readOptions, baseSchema))
      : Promise.resolve(judgedAsParsed(sides, schemas, readOptions)));
  /** A release's configs parsed (those not parsed as they streamed in), each judged as {@link judgedAsParsed} says. */
  const parseRef = async (fetched: FetchedFollowing, known?: ReadonlyMap<string, OldConfig>) =>
    parseFollowing(git, fetched, options.patterns, readOptions, known, await judgedAsRelease());

  const baseListed = await baseListing;
  const ahead = new ReadAhead({
    git,
    releasesReady,
    baseFiles: baseListed.files,
    // A run without a loader parses a release's configs as git streams them, each judged as it is
    // parsed. With a loader, only the bytes are read meanwhile: parsing them beside the base's
    // would hold back the end of the base's parsing, and with it the loader's start on the base.
    fetch: async (ref, known) => {
      const listed = await listFollowingMoves(git, ref.sha, head, matchesGlobs, readOptions, inSlice, options.patterns);
      const judge = options.loader ? undefined : await judgedAsRelease();
      return fetchListed(git, listed, known, judge ? readOptions : undefined, judge);
    },
    parse: parseRef,
    onPr: sides.onPr,
    started: scope.started,
    withLoader: Boolean(options.loader),
  });
  const onBaseRef = await baseRead;
  notes.push(...refNotes(onBaseRef, base, 'base'));
  const firstConfigs = await nothingCollected(git, options, onBaseRef, base, matchesGlobs, notes);
  // The PR's code starts on the base's configs at once, not after the releases are looked up and
  // listed: a file a release shares with the base is judged once all the same (the release's run
  // waits for the base's judgement of it).
  const onPrOfBase = sides.onPr.run(onBaseRef.configs, base.ref);
  // Safe: awaited below once the releases are known; when their lookup fails first, the run's
  // end waits for this work before its copies are removed.
  onPrOfBase.catch(() => undefined);
  scope.started.add(onPrOfBase);
  const { releases, shared } = await ahead.afterBase(onBaseRef.configs);
  // With a loader, the first release is read while the loader runs on the base.
  ahead.readAhead(0);
  await onPrOfBase;
  const judgedBase = await judgeBaseRef(run, onBaseRef, shared);
  const brokenRefs: BrokenOfRef[] = [judgedBase.broken];

  const judgedReleases: JudgedRelease[] = [];
  for (const [index, target] of releases.entries()) {
    const { collected: reading, onPrDone } = ahead.next(index);
    const collected = await reading;
    await onPrDone;
    const judged = await judgeReleaseRef(run, target, collected);
    brokenRefs.push(judged.broken);
    judgedReleases.push(judged.release);
  }
  dropDocuments([...shared.values()], readOptions);

  const { suite } = sides;
  // A shard sees its share of the configs only: the job that merges the reports checks the whole.
  if (suite && suite.configs.size === 0 && suite.leftOut.length === 0 && judgedBase.readable.length > 0 && !shard) throw suiteMatchedNothing(options.suite!.patterns, judgedBase.readable.length);
  if (suite) notes.push(...suiteNotes(suite, sides.suiteModule!.SUITE_TIMEOUT_BUDGET, options.workingDirectory));
  if (options.loader) {
    const refused = [...judgedBase.configs, ...judgedReleases.flatMap((release) => release.configs)].flatMap((config) => [...config.findings, ...(config.baseFindings ?? [])]);
    notes.push(...loaderNotes(refused, options.loaderJobs, sides.onPr.retriedAlone + sides.onBaseLoader.retriedAlone));
  }

  const { pr: prSchema, baseFile: baseSchemaFile, path: schemaPath } = schemas;
  const schemaChanges = await schemaDiff;
  notes.push(...diffNotes);

  const attributed = attributeSchemaChanges({
    base: { ref: base, configs: judgedBase.configs, skipped: onBaseRef.skipped },
    releases: judgedReleases,
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
    loaderProcesses: sides.onPr.processes + sides.onBaseLoader.processes,
    ...(suite && options.suite
      ? { suite: { command: options.suite.command, configs: suite.configs.size, processes: suite.processes, durationMs: suite.durationMs } }
      : {}),
    ...(firstConfigs ? { firstConfigs } : {}),
    notes,
  });
  if (!brokenRefs.some((ref) => ref.configs.length > 0)) return attributed;
  // A migration is help for users, never part of the verdict: whatever fails here is a note.
  const migrations = await findMigrations(brokenRefs, {
    ...(options.migrate ? { migrate: { command: options.migrate, cwd: options.workingDirectory, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds } } : {}),
    evaluator: sides.prEvaluator,
    ...(prSchema ? { schema: prSchema } : {}),
    ...(attributed.schemaChanges ? { changes: attributed.schemaChanges } : {}),
    tempDir: options.tempDir,
    readOptions,
  }).catch((error: unknown) => {
    attributed.notes.push(`The migrations of the broken configs could not be worked out (${describeError(error)}); the verdict does not depend on them.`);
    return undefined;
  });
  return migrations ? withMigrations(attributed, migrations) : attributed;
}

/** How the base's schema and the PR's differ: none when the PR keeps the same files, undefined without both. */
async function diffOfSchemas(sides: Sides, schemas: Schemas, options: GateOptions, notes: string[]): Promise<LocatedSchemaChange[] | undefined> {
  if (sides.schemaUnchanged) return [];
  const { pr, baseFile, path } = schemas;
  return path && pr && baseFile ? diffWithBase(schemas.baseSource, schemas.prSource, options, baseFile.path, path, notes) : undefined;
}

/**
 * In a schema-only run, the PR's schema judges each config as soon as it is parsed (and, for a
 * release, the base's schema each one the PR's accepts: fixed drift); the documents it accepts are
 * then set aside (another side that asks reads them again from the bytes), so that the garbage
 * collector never carries a whole ref's documents. What the PR's schema rejects is kept whole,
 * for the base's schema, the lines of the findings and the migrations. Without a schema, nothing
 * reads the documents (the loader and the suite read the bytes): each is set aside as parsed.
 * With a schema and a loader, the documents wait for the PR's code to run on the whole ref.
 */
function judgedAsParsed(sides: Sides, schemas: Schemas, readOptions: ReadOptions, baseSchema?: Evaluator): OnParsed | undefined {
  if (!schemas.pr) return (config) => setDocumentsAside(config, readOptions);
  if (!sides.prEvaluator.schemaOnly) return undefined;
  return (config) => {
    if (!config.read.ok) return;
    const findings = sides.prEvaluator.schemaFindings(config);
    sides.onPr.record(config, findings);
    if (findings.length > 0) return;
    if (baseSchema) sides.onBaseSchema.record(config, baseSchema.schemaFindings(config));
    setDocumentsAside(config, readOptions);
  };
}
