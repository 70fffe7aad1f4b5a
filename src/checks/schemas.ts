// The PR's schema and the base's: where each is, the base's compiled from git, whether the PR
// changed it, and how the two differ.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { GateOptions, LocatedSchemaChange } from './judged.js';
import { diffSchemas, loadResolvedSchema, type SchemaChange } from './schema-diff/index.js';
import { SCHEMA_READ_OPTIONS } from './schema-refs.js';
import { compileSchema, workspaceSource, type CompiledSchema, type SchemaSource } from './schema.js';
import { locate } from '../configs/parse/index.js';
import { GateError, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

/** A run's schemas: the PR's compiled, where the base keeps its own, and the sources both are read from. */
export interface Schemas {
  /** The schema's path from the repository root; undefined without a schema. */
  path: string | undefined;
  /** The PR's schema, compiled from the checkout. */
  pr: CompiledSchema | undefined;
  /** Where the base keeps its schema; undefined when the PR introduces it, or without a schema. */
  baseFile: BaseSchemaFile | undefined;
  prSource: SchemaSource;
  baseSource: SchemaSource;
  /** The base as messages name it: "the base `main` (0123456789ab)". */
  at: string;
}

/** The options that say where the PR's schema is and how it is compiled. */
export type PrSchemaOptions = Pick<GateOptions, 'schema' | 'workingDirectory' | 'repositoryRoot' | 'refMap' | 'checkFormats'>;

/** The PR's schema compiled before the base is resolved, and the checkout source it was read from. */
export interface BegunSchema {
  prSchema: Promise<CompiledSchema | undefined>;
  /** Each file read once: the bytes compiled are the bytes {@link openSchemas} compares and diffs. */
  prSource: SchemaSource;
}

/**
 * Starts compiling the PR's schema from the checkout (undefined without a schema). It needs no
 * git: a run starts it while git fetches the base, and hands it to {@link openSchemas}.
 */
export function beginPrSchema(options: PrSchemaOptions): BegunSchema {
  const prSource = prCheckout(options);
  // A schema path outside the repository fails the promise, not the caller.
  const prSchema = (async () => (options.schema ? compileSchema(repositoryPath(options, options.schema, 'schema'), prSource, options) : undefined))();
  return { prSchema, prSource };
}

/** The PR's checkout, where its schema files are read. */
function prCheckout(options: Pick<GateOptions, 'repositoryRoot'>): SchemaSource {
  return workspaceSource(options.repositoryRoot, 'the PR checkout');
}

/**
 * Compiles the PR's schema (or takes it begun by {@link beginPrSchema} with the same options)
 * and finds the base's; a note says when the PR moves or introduces it.
 */
export async function openSchemas(
  git: GitCommandManager,
  options: GateOptions,
  base: RefTarget,
  notes: string[],
  begun?: BegunSchema,
): Promise<Schemas> {
  const path = options.schema ? repositoryPath(options, options.schema, 'schema') : undefined;
  const at = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  // Each side's schema files are read once, for compiling, comparing and the schema diff.
  const prSource = begun?.prSource ?? prCheckout(options);
  const baseSource = gitSource(git, base.sha, at);
  const pr = path ? await (begun?.prSchema ?? compileSchema(path, prSource, options)) : undefined;
  const baseFile = path ? await findBaseSchema(git, baseSource, base, path, options, notes) : undefined;
  return { path, pr, baseFile, prSource, baseSource, at };
}

/** The base's schema: where it is, and whether the PR moved it. */
export interface BaseSchemaFile {
  path: string;
  /** True when the base has it at another path (the PR moved or renamed it). */
  moved: boolean;
}

export type BaseSchema = { kind: 'compiled'; compiled: CompiledSchema } | { kind: 'uncompilable'; reason: string };

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

export function describeBaseSchema(file: BaseSchemaFile, at: string): string {
  return `${at} (its schema \`${file.path}\`)`;
}

/** The base's schema compiled from git at the base commit, or why it cannot be. */
export async function compileBaseSchema(source: SchemaSource, options: GateOptions, file: BaseSchemaFile | undefined): Promise<BaseSchema> {
  if (!file) return { kind: 'uncompilable', reason: 'the base has no schema' };
  try {
    return { kind: 'compiled', compiled: await compileSchema(file.path, source, options) };
  } catch (error) {
    return { kind: 'uncompilable', reason: `the schema of ${source.label} could not be compiled: ${describeError(error)}` };
  }
}

/**
 * Whether every schema file the PR's schema reaches has the same bytes on the base. Then the
 * schema layer cannot break a config (the same files, the same options, the same validator),
 * and a note says so.
 */
export async function schemaUnchangedOnBase(prSchema: CompiledSchema, prSource: SchemaSource, baseSource: SchemaSource, at: string, notes: string[]): Promise<boolean> {
  for (const file of prSchema.files) {
    // Safe: a file the base cannot give counts as changed, and the base's schema is then judged on its own.
    const [before, after] = await Promise.all([baseSource.read(file).catch(() => undefined), prSource.read(file)]);
    if (!before || !after || !before.equals(after)) return false;
  }
  const others = prSchema.files.length - 1;
  const files = others === 0 ? `\`${prSchema.file}\` is` : `\`${prSchema.file}\` and the ${others} file${others === 1 ? '' : 's'} it references are`;
  notes.push(`The PR does not change the schema (${files} byte-identical on ${at}): the schema layer cannot break a config, so the base's schema was not evaluated again.`);
  return true;
}

/**
 * Compares the base's schema with the PR's, both resolved. Informational: when either side
 * cannot be walked, a note says so and the verdict is untouched.
 */
export async function diffWithBase(
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
function repositoryPath(options: Pick<GateOptions, 'workingDirectory' | 'repositoryRoot'>, path: string, input: string): string {
  const absolute = resolve(options.workingDirectory, path);
  const fromRoot = relative(options.repositoryRoot, absolute);
  if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new GateError((n) => `The ${n.setting(input)} \`${path}\` is outside the repository.`, (n) => `Give a path inside the checkout, relative to the ${n.setting('working-directory')}.`);
  }
  return fromRoot.split(sep).join('/');
}
