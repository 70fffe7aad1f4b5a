import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Evaluator, type Finding } from './checks/evaluate.js';
import { compileSchema, workspaceSource, type CompiledSchema, type RefMapping, type SchemaSource } from './checks/schema.js';
import { collectConfigs, type OldConfig, type SkippedPath } from './configs/collect.js';
import { locate } from './configs/positions.js';
import type { YamlVersion } from './configs/read.js';
import { createMatcher, type ConfigPatterns } from './configs/select.js';
import { ConfigStatus } from './constants.js';
import { GateError, describeError } from './errors.js';
import type { GitCommandManager } from './git/git.js';
import type { RefTarget } from './refs/base.js';

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
}

/** The configs of one old ref, judged. */
export interface JudgedRef {
  ref: RefTarget;
  configs: JudgedConfig[];
  skipped: SkippedPath[];
}

/** What the engine found, before acknowledgement turns it into a verdict. */
export interface GateRun {
  base: JudgedRef;
  schema?: { file: string; draft: string; files: string[] };
  loader?: { command: string };
  loaderProcesses: number;
  /** Things a maintainer should know that are not failures: fallbacks, empty globs. */
  notes: string[];
}

/** Most findings a config keeps: the first ones are the useful ones. */
const MAX_FINDINGS_PER_CONFIG = 20;

/**
 * Judges the base's configs with the PR's schema and loader. A config that fails on the
 * PR is judged again with the base's own schema and loader, so that a config that was
 * already failing is never blamed on the PR; that work is done only for failing configs.
 */
export async function judge(git: GitCommandManager, options: GateOptions, base: RefTarget): Promise<GateRun> {
  if (!options.schema && !options.loader) {
    throw new GateError('Neither `schema` nor `loader` is set: there is nothing to load the configs with.', 'Set at least one of them.');
  }
  const notes: string[] = [];
  const schemaPath = options.schema ? repositoryPath(options, options.schema, 'schema') : undefined;
  const prSchema = schemaPath
    ? await compileSchema(schemaPath, workspaceSource(options.repositoryRoot, 'the PR checkout'), options)
    : undefined;
  const matcher = createMatcher(options.patterns);
  const readOptions = { yamlVersion: options.yamlVersion };
  const collected = await collectConfigs(git, base.sha, matcher, readOptions);
  if (collected.configs.length === 0) {
    notes.push(
      `No file in the base \`${base.ref}\` (${base.sha.slice(0, 12)}) matches the \`configs\` patterns (${describePatterns(options.patterns)}): nothing was checked.`,
    );
  }

  await mkdir(options.tempDir, { recursive: true });
  const prEvaluator = new Evaluator({
    label: 'the PR',
    ...(prSchema ? { schema: prSchema } : {}),
    ...(options.loader ? { loader: loaderSetup(options, options.workingDirectory) } : {}),
    tempDir: join(options.tempDir, 'pr'),
  });
  const onPr = await prEvaluator.evaluate(collected.configs, base.ref);
  let loaderProcesses = onPr.loaderProcesses;

  const failing = collected.configs.filter((config) => (onPr.findings.get(config.path)?.length ?? 0) > 0);
  let onBase = new Map<string, Finding[]>();
  if (failing.length > 0) {
    const baseEvaluator = await createBaseEvaluator(git, options, base, schemaPath, notes);
    const evaluation = await evaluateWithFallback(baseEvaluator, failing, base.ref, notes);
    onBase = evaluation.findings;
    loaderProcesses += evaluation.loaderProcesses;
  }

  const configs = collected.configs.map((config) => judgeConfig(config, onPr.findings.get(config.path) ?? [], onBase.get(config.path), readOptions));
  return {
    base: { ref: base, configs, skipped: collected.skipped },
    ...(prSchema ? { schema: { file: prSchema.file, draft: prSchema.draft, files: prSchema.files } } : {}),
    ...(options.loader ? { loader: { command: options.loader } } : {}),
    loaderProcesses,
    notes,
  };
}

function judgeConfig(
  config: OldConfig,
  onPr: Finding[],
  onBase: Finding[] | undefined,
  readOptions: { yamlVersion: YamlVersion },
): JudgedConfig {
  const { path, blob } = config;
  if (!config.read.ok) {
    const { message, position } = config.read;
    return {
      path,
      blob,
      status: ConfigStatus.Unreadable,
      findings: [{ layer: 'parse', message, ...(position ? { line: position.line, column: position.column } : {}) }],
    };
  }
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

/** The base's own code: its schema read from git, its loader run in a copy of its tree. */
async function createBaseEvaluator(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  schemaPath: string | undefined,
  notes: string[],
): Promise<Evaluator> {
  const at = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  let schema: CompiledSchema | undefined;
  if (schemaPath) {
    const source = gitSource(git, base.sha, at);
    if (!(await source.read(schemaPath))) {
      notes.push(`${at} has no \`${schemaPath}\`: on the base, configs are judged by the loader alone.`);
    } else {
      try {
        schema = await compileSchema(schemaPath, source, options);
      } catch (error) {
        notes.push(`The schema of ${at} could not be compiled (${describeError(error)}); on the base, configs are judged by the loader alone.`);
      }
    }
  }
  let loader: ReturnType<typeof loaderSetup> | undefined;
  if (options.loader) {
    const tree = join(options.tempDir, 'base-tree');
    try {
      await mkdir(tree, { recursive: true });
      await git.exportTree(base.sha, tree);
      loader = loaderSetup(options, join(tree, relative(options.repositoryRoot, options.workingDirectory)));
    } catch (error) {
      await rm(tree, { recursive: true, force: true });
      notes.push(`The base's loader could not be prepared (${describeError(error)}); on the base, configs are judged by the schema alone.`);
    }
  }
  return new Evaluator({
    label: at,
    ...(schema ? { schema } : {}),
    ...(loader ? { loader } : {}),
    tempDir: join(options.tempDir, 'base'),
  });
}

/** A loader that cannot start on the base (say, the PR added it) leaves the base to the schema. */
async function evaluateWithFallback(evaluator: Evaluator, configs: OldConfig[], refLabel: string, notes: string[]) {
  try {
    return await evaluator.evaluate(configs, refLabel);
  } catch (error) {
    if (!(error instanceof GateError) || !evaluator.setup.loader) throw error;
    notes.push(`The loader could not run on ${evaluator.setup.label} (${error.message}); on the base, configs are judged by the schema alone.`);
    const { loader: _dropped, ...schemaOnly } = evaluator.setup;
    return new Evaluator(schemaOnly).evaluate(configs, refLabel);
  }
}

function loaderSetup(options: GateOptions, cwd: string) {
  return { command: options.loader!, cwd, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds };
}

/** Reads repository files as they are in a commit. */
export function gitSource(git: GitCommandManager, commit: string, label: string): SchemaSource {
  return { label, read: (path) => git.readFile(commit, path) };
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
