// The code that judges a config on each side: the PR's schema and loader, the base's schema, the
// base's loader in a copy of its tree, and the suite on both. Each side runs once per distinct
// file, and the base runs only on what the PR rejects.
import { mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Evaluator, type Evaluation, type Finding } from './evaluate.js';
import type { GateOptions, Layer } from './judged.js';
import { rejects } from './judge-ref.js';
import type { ProcessLanes } from './lanes.js';
import type { Scratch } from './loader/index.js';
import { compileBaseSchema, schemaUnchangedOnBase, type BaseSchema, type Schemas } from './schemas.js';
import type { SuiteSides } from './suite/sides.js';
import { configKey, type OldConfig } from '../configs/collect.js';
import { GateError, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

/**
 * Runs one side's code over configs, once per distinct file: a config with the same path and
 * blob in the base and in the release is evaluated once.
 */
export class CachedSide {
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

  /** Keeps what this side's code found in a config judged outside {@link run} (as it was parsed). */
  record(config: OldConfig, findings: Finding[]): void {
    this.findings.set(cacheKey(config), findings);
  }
}

const cacheKey = configKey;

type SuiteModule = typeof import('./suite/sides.js');

/** The code of each side of a run, each cached by config. */
export interface Sides {
  /** The PR's schema and loader; it also checks the migrations of what broke. */
  prEvaluator: Evaluator;
  onPr: CachedSide;
  /** The base's schema alone: cheap, in-process; it judges the schema layer of the base. */
  onBaseSchema: CachedSide;
  /** The base's schema compiled, for judging configs one by one; undefined when it has none of its own to judge with (the PR's is the same, or it cannot be compiled). */
  baseSchemaEvaluator(): Promise<Evaluator | undefined>;
  /** The base's loader alone, in a copy of the base's tree: it runs only on what the PR's loader rejects. */
  onBaseLoader: CachedSide;
  /** The base reads the very same schema files as the PR: its schema findings are the PR's, and the diff is empty. */
  schemaUnchanged: boolean;
  /** The layers the PR has besides the suite. */
  layersOfPr: Layer[];
  /** The suite layer on both sides, when the run has one. */
  suite: SuiteSides | undefined;
  /** The suite's module (and its XML parser), loaded only by the runs that have a suite. */
  suiteModule: SuiteModule | undefined;
  /** Runs each layer of the base on the configs that layer of the PR rejects. */
  judgeOnBase(configs: OldConfig[], refLabel: string): Promise<void>;
}

/** Sets up each side's code; nothing runs on a config yet. */
export async function openSides(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  schemas: Schemas,
  { scratch, lanes }: { scratch: Scratch; lanes: ProcessLanes },
  notes: string[],
): Promise<Sides> {
  const { pr: prSchema, baseFile: baseSchemaFile, at } = schemas;
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
    prSchema && baseSchemaFile && !baseSchemaFile.moved ? await schemaUnchangedOnBase(prSchema, schemas.prSource, schemas.baseSource, at, notes) : false;
  let baseSchema: Promise<Evaluator | { failure: string }> | undefined;
  const baseSchemaSide = () =>
    (baseSchema ??= compileBaseSchema(schemas.baseSource, options, baseSchemaFile).then((schema: BaseSchema) =>
      schema.kind === 'compiled' ? new Evaluator({ label: at, schema: schema.compiled, scratch, folder: 'base' }) : { failure: schema.reason },
    ));
  const onBaseSchema = new CachedSide(async (configs, refLabel) => {
    if (schemaUnchanged) return schemaFindingsOf(onPr, configs);
    const evaluator = await baseSchemaSide();
    if ('failure' in evaluator) return everyConfigRejected(configs, 'schema', evaluator.failure);
    return evaluator.evaluate(configs, refLabel);
  });
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
  const suiteModule = options.suite ? await import('./suite/sides.js') : undefined;
  const suite =
    suiteModule && options.suite
      ? new suiteModule.SuiteSides({ suite: options.suite, prCwd: options.workingDirectory, baseCwd: baseWorkingDirectory, env: options.loaderEnv, lanes, scratch })
      : undefined;
  const layersOfPr: Layer[] = [...(prSchema ? (['schema'] as const) : []), ...(options.loader ? (['loader'] as const) : [])];
  const rejectsOnPr = (layer: Layer) => (config: OldConfig) => config.read.ok && rejects(onPr.get(config), layer);
  return {
    prEvaluator,
    onPr,
    onBaseSchema,
    baseSchemaEvaluator: async () => {
      if (!prSchema || !baseSchemaFile || schemaUnchanged) return undefined;
      const evaluator = await baseSchemaSide();
      return 'failure' in evaluator ? undefined : evaluator;
    },
    onBaseLoader,
    schemaUnchanged,
    layersOfPr,
    suite,
    suiteModule,
    judgeOnBase: async (configs, refLabel) => {
      if (prSchema && baseSchemaFile) await onBaseSchema.run(configs.filter(rejectsOnPr('schema')), refLabel);
      if (options.loader) await onBaseLoader.run(configs.filter(rejectsOnPr('loader')), refLabel);
    },
  };
}

/** The base's schema layer when its schema is the PR's: the PR's schema findings, evaluated once. */
function schemaFindingsOf(onPr: CachedSide, configs: OldConfig[]): Evaluation {
  const findings = new Map<string, Finding[]>();
  for (const config of configs) findings.set(config.path, (onPr.get(config) ?? []).filter((finding) => finding.layer === 'schema'));
  return { findings, loaderProcesses: 0 };
}

/** An evaluation in which one layer rejected every config for one reason (it could not run). */
function everyConfigRejected(configs: OldConfig[], layer: Layer, message: string): Evaluation {
  return { findings: new Map(configs.map((config) => [config.path, [{ layer, message }]])), loaderProcesses: 0 };
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

function loaderSetup(options: GateOptions, cwd: string, lanes: ProcessLanes) {
  return { command: options.loader!, cwd, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds, lanes };
}
