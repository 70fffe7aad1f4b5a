import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Evaluator, type Evaluation, type Finding } from './evaluate.js';
import { changeMatches, diffSchemas, loadResolvedSchema, type SchemaChange } from './schema-diff/index.js';
import { compileSchema, workspaceSource, type CompiledSchema, type RefMapping, type SchemaSource } from './schema.js';
import { collectConfigs, dropDocuments, skippedNote, type OldConfig, type SkippedPath } from '../configs/collect.js';
import { locate, type YamlVersion } from '../configs/parse/index.js';
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
  /** A folder the engine owns for this run; removed by the caller. */
  tempDir: string;
}

/** One old config and what the PR's code makes of it. */
export interface JudgedConfig {
  path: string;
  blob: string;
  status: ConfigStatus;
  /** Why it does not load on the PR (or cannot be read), first the most useful. */
  findings: Finding[];
  /** Why it did not load on the base either (status failing-on-base). */
  baseFindings?: Finding[];
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
  path: string;
  blob: string;
  status: DriftStatus;
  /** Why it does not load on the PR. */
  findings: Finding[];
  /** Why it did not load on the base (existing and fixed drift). */
  baseFindings?: Finding[];
}

/** The latest release's configs, judged on the PR and on the base. */
export interface JudgedRelease {
  ref: RefTarget;
  configs: DriftConfig[];
  skipped: SkippedPath[];
}

/** A difference between the base's schema and the PR's, with its line in the schema file. */
export type LocatedSchemaChange = SchemaChange & { line?: number };

/**
 * A schema change with the configs it broke: the broken configs of the base and the new drift
 * of the release whose schema errors fall under it. A breaking change that broke none is latent.
 */
export type AttributedSchemaChange = LocatedSchemaChange & { configs: string[] };

/** What the engine found, before acknowledgement turns it into a verdict. */
export interface GateRun {
  base: JudgedRef;
  release?: JudgedRelease;
  /** How the PR's schema differs from the base's; absent when there is nothing to compare. */
  schemaChanges?: AttributedSchemaChange[];
  schema?: { file: string; draft: string; files: string[] };
  loader?: { command: string };
  loaderProcesses: number;
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
  processes = 0;

  constructor(private readonly evaluate: (configs: OldConfig[], refLabel: string) => Promise<Evaluation>) {}

  async run(configs: OldConfig[], refLabel: string): Promise<void> {
    const missing = configs.filter((config) => config.read.ok && !this.findings.has(cacheKey(config)));
    if (missing.length === 0) return;
    const evaluation = await this.evaluate(missing, refLabel);
    this.processes += evaluation.loaderProcesses;
    for (const config of missing) this.findings.set(cacheKey(config), evaluation.findings.get(config.path) ?? []);
  }

  get(config: OldConfig): Finding[] | undefined {
    return this.findings.get(cacheKey(config));
  }
}

function cacheKey(config: OldConfig): string {
  return `${config.blob}\0${config.path}`;
}

/**
 * Judges the base's configs (the gate) and the release's (drift) with the PR's schema and
 * loader. A base config that fails on the PR is judged again with the base's own schema and
 * loader, so that a config that was already failing is never blamed on the PR: that work is
 * done only for failing configs. A release config that fails on the PR is judged with the
 * base's schema and loader too (new or existing drift); one that loads on the PR, with the
 * base's schema alone (fixed drift).
 */
export async function judge(git: GitCommandManager, options: GateOptions, base: RefTarget, release?: RefTarget): Promise<GateRun> {
  if (!options.schema && !options.loader) {
    throw new GateError('Neither `schema` nor `loader` is set: there is nothing to load the configs with.', 'Set at least one of them.');
  }
  const notes: string[] = [];
  const schemaPath = options.schema ? repositoryPath(options, options.schema, 'schema') : undefined;
  const at = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  // The schema files of each side are read for compiling and again for the schema diff.
  const prSource = workspaceSource(options.repositoryRoot, 'the PR checkout');
  const baseSource = gitSource(git, base.sha, at);
  const prSchema = schemaPath
    ? await compileSchema(schemaPath, prSource, options)
    : undefined;
  const matchesGlobs = createMatcher(options.patterns);
  const { shard } = options;
  const matcher = shard ? (path: string) => matchesGlobs(path) && inShard(path, shard) : matchesGlobs;
  const readOptions = { yamlVersion: options.yamlVersion };
  const collect = async (ref: RefTarget, role: string) => {
    const collected = await collectConfigs(git, ref.sha, matcher, readOptions);
    const skippedWhy = skippedNote(collected, `the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)})`);
    if (skippedWhy) notes.push(skippedWhy);
    else if (collected.configs.length === 0) {
      notes.push(
        `No file in the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) matches the \`configs\` patterns (${describePatterns(options.patterns)})${shard ? ` in shard ${shard.index}/${shard.total}` : ''}: nothing was checked there.`,
      );
    }
    return collected;
  };
  await mkdir(options.tempDir, { recursive: true });
  const prEvaluator = new Evaluator({
    label: 'the PR',
    ...(prSchema ? { schema: prSchema } : {}),
    ...(options.loader ? { loader: loaderSetup(options, options.workingDirectory) } : {}),
    tempDir: join(options.tempDir, 'pr'),
  });
  const onPr = new CachedSide((configs, refLabel) => prEvaluator.evaluate(configs, refLabel));
  let baseSchema: Promise<CompiledSchema | undefined> | undefined;
  const compiledBaseSchema = () => (baseSchema ??= compileBaseSchema(baseSource, options, schemaPath, notes));
  const baseTempDir = join(options.tempDir, 'base');
  let baseEvaluator: Evaluator | undefined;
  const onBase = new CachedSide(async (configs, refLabel) => {
    if (!baseEvaluator) {
      const schema = await compiledBaseSchema();
      const loader = await prepareBaseLoader(git, options, base.sha, notes);
      baseEvaluator = new Evaluator({ label: at, ...(schema ? { schema } : {}), ...(loader ? { loader } : {}), tempDir: baseTempDir });
    }
    try {
      return await baseEvaluator.evaluate(configs, refLabel);
    } catch (error) {
      // A loader that cannot start on the base (say, the PR added it) leaves the base to the schema.
      if (!(error instanceof GateError) || !baseEvaluator.setup.loader) throw error;
      notes.push(`The loader could not run on ${at} (${error.message}); on the base, configs are judged by the schema alone.`);
      const { loader: _dropped, ...schemaOnly } = baseEvaluator.setup;
      baseEvaluator = new Evaluator(schemaOnly);
      return baseEvaluator.evaluate(configs, refLabel);
    }
  });
  // Release configs that load on the PR are checked against the base's schema only, to find the
  // ones the PR fixed: running the base's loader on every one of them would cost as much again.
  const onBaseSchema = new CachedSide(async (configs, refLabel) => {
    const schema = await compiledBaseSchema();
    return new Evaluator({ label: at, ...(schema ? { schema } : {}), tempDir: baseTempDir }).evaluate(configs, refLabel);
  });

  // One ref at a time, and its parsed documents dropped once both sides have judged them:
  // at 10,000 configs a ref's documents are most of the memory.
  const onBaseRef = await collect(base, 'base');
  await onPr.run(onBaseRef.configs, base.ref);
  await onBase.run(
    onBaseRef.configs.filter((config) => (onPr.get(config)?.length ?? 0) > 0),
    base.ref,
  );
  dropDocuments(onBaseRef.configs);
  const onReleaseRef = release ? await collect(release, 'release') : undefined;
  if (release && onReleaseRef) {
    await onPr.run(onReleaseRef.configs, release.ref);
    const failsOnPr = (config: OldConfig) => (onPr.get(config)?.length ?? 0) > 0;
    await onBase.run(onReleaseRef.configs.filter(failsOnPr), release.ref);
    await onBaseSchema.run(onReleaseRef.configs.filter((config) => !failsOnPr(config) && !onBase.get(config)), release.ref);
    dropDocuments(onReleaseRef.configs);
  }

  const schemaChanges = schemaPath && prSchema ? await diffWithBase(baseSource, prSource, options, schemaPath, notes) : undefined;

  const configs = onBaseRef.configs.map((config) => judgeConfig(config, onPr.get(config) ?? [], onBase.get(config), readOptions));
  return attributeSchemaChanges({
    base: { ref: base, configs, skipped: onBaseRef.skipped },
    ...(release && onReleaseRef
      ? {
          release: {
            ref: release,
            configs: onReleaseRef.configs.map((config) =>
              judgeDrift(config, onPr.get(config) ?? [], onBase.get(config) ?? onBaseSchema.get(config) ?? [], readOptions),
            ),
            skipped: onReleaseRef.skipped,
          },
        }
      : {}),
    ...(prSchema ? { schema: { file: prSchema.file, draft: prSchema.draft, files: prSchema.files } } : {}),
    ...(schemaChanges ? { schemaChanges } : {}),
    ...(options.loader ? { loader: { command: options.loader } } : {}),
    loaderProcesses: onPr.processes + onBase.processes,
    notes,
  });
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
    ...(run.release?.configs.filter((config) => config.status === DriftStatus.New) ?? []),
  ];
  const matched = schemaChanges.map((change) => ({
    change,
    configs: broken.filter((config) =>
      config.findings.some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer)),
    ),
  }));
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
    schemaChanges: matched.map(({ change, configs }) => ({ ...change, configs: [...new Set(configs.map((config) => config.path))] })),
  };
}

/**
 * A release config's drift: *new* (loads on the base, not on the PR: this PR breaks it),
 * *existing* (fails on both), *fixed* (fails on the base, loads on the PR), or ok.
 */
function judgeDrift(config: OldConfig, onPr: Finding[], onBase: Finding[], readOptions: { yamlVersion: YamlVersion }): DriftConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: DriftStatus.Unreadable, findings: parseFindings(config) };
  if (onPr.length === 0) {
    return onBase.length === 0
      ? { path, blob, status: DriftStatus.Ok, findings: [] }
      : { path, blob, status: DriftStatus.Fixed, findings: [], baseFindings: withPositions(config, onBase.slice(0, MAX_FINDINGS_PER_CONFIG), readOptions) };
  }
  const findings = withPositions(config, onPr.slice(0, MAX_FINDINGS_PER_CONFIG), readOptions);
  return onBase.length === 0
    ? { path, blob, status: DriftStatus.New, findings }
    : { path, blob, status: DriftStatus.Existing, findings, baseFindings: withPositions(config, onBase.slice(0, MAX_FINDINGS_PER_CONFIG), readOptions) };
}

function parseFindings(config: OldConfig): Finding[] {
  if (config.read.ok) return [];
  const { message, position } = config.read;
  return [{ layer: 'parse', message, ...(position ? { line: position.line, column: position.column } : {}) }];
}

function judgeConfig(
  config: OldConfig,
  onPr: Finding[],
  onBase: Finding[] | undefined,
  readOptions: { yamlVersion: YamlVersion },
): JudgedConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: ConfigStatus.Unreadable, findings: parseFindings(config) };
  if (onPr.length === 0) return { path, blob, status: ConfigStatus.Ok, findings: [] };
  const findings = withPositions(config, onPr.slice(0, MAX_FINDINGS_PER_CONFIG), readOptions);
  if (onBase && onBase.length > 0) {
    return { path, blob, status: ConfigStatus.FailingOnBase, findings, baseFindings: withPositions(config, onBase.slice(0, MAX_FINDINGS_PER_CONFIG), readOptions) };
  }
  return { path, blob, status: ConfigStatus.Broken, findings };
}

function withPositions(config: OldConfig, findings: Finding[], readOptions: { yamlVersion: YamlVersion }): Finding[] {
  return findings.map((finding) => {
    if (finding.pointer === undefined || finding.line !== undefined) return finding;
    const position = locate(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer, finding.target ?? 'value');
    return position ? { ...finding, line: position.line, column: position.column } : finding;
  });
}

/** The base's schema, read from git at the base commit; undefined (with a note) when it has none. */
async function compileBaseSchema(
  source: SchemaSource,
  options: GateOptions,
  schemaPath: string | undefined,
  notes: string[],
): Promise<CompiledSchema | undefined> {
  if (!schemaPath) return undefined;
  const at = source.label;
  if (!(await source.read(schemaPath))) {
    notes.push(`${at} has no \`${schemaPath}\`: on the base, configs are judged by the loader alone.`);
    return undefined;
  }
  try {
    return await compileSchema(schemaPath, source, options);
  } catch (error) {
    notes.push(`The schema of ${at} could not be compiled (${describeError(error)}); on the base, configs are judged by the loader alone.`);
    return undefined;
  }
}

/** The base's loader, run in a throw-away copy of the base's tree; undefined (with a note) when that cannot be made. */
async function prepareBaseLoader(git: GitCommandManager, options: GateOptions, commit: string, notes: string[]) {
  if (!options.loader) return undefined;
  const tree = join(options.tempDir, 'base-tree');
  try {
    await mkdir(tree, { recursive: true });
    await git.exportTree(commit, tree);
    return loaderSetup(options, join(tree, relative(options.repositoryRoot, options.workingDirectory)));
  } catch (error) {
    await rm(tree, { recursive: true, force: true });
    notes.push(`The base's loader could not be prepared (${describeError(error)}); on the base, configs are judged by the schema alone.`);
    return undefined;
  }
}

/**
 * Compares the base's schema with the PR's, both resolved. Informational: when the base has
 * no schema or either side cannot be walked, a note says so and the verdict is untouched.
 */
async function diffWithBase(
  baseSource: SchemaSource,
  prSource: SchemaSource,
  options: GateOptions,
  schemaPath: string,
  notes: string[],
): Promise<LocatedSchemaChange[] | undefined> {
  if (!(await baseSource.read(schemaPath))) return undefined;
  let changes: SchemaChange[];
  try {
    const [before, after] = await Promise.all([loadResolvedSchema(schemaPath, baseSource, options), loadResolvedSchema(schemaPath, prSource, options)]);
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
    const position = text ? locate(change.file, text, { yamlVersion: '1.2' }, 0, change.schemaPointer, 'key') : undefined;
    located.push(position ? { ...change, line: position.line } : change);
  }
  return located;
}

function loaderSetup(options: GateOptions, cwd: string) {
  return { command: options.loader!, cwd, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds };
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
    throw new GateError(`The \`${input}\` input \`${path}\` is outside the repository.`, 'Give a path inside the checkout, relative to `working-directory`.');
  }
  return fromRoot.split(sep).join('/');
}

function describePatterns(patterns: ConfigPatterns): string {
  return [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((p) => `\`${p}\``).join(', ');
}
