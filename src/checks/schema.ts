import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv, MissingRefError, type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import type * as AjvCoreModule from 'ajv/dist/core.js';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { escapePointerToken } from '../configs/parse/index.js';
import { GateError, errorMessage } from '../errors.js';
import {
  describeUri,
  loadSchemaGraph,
  normaliseRepoPath,
  readSchemaFile,
  type LoadedSchemaFile,
  type RefMapping,
  type SchemaGraph,
  type SchemaSource,
} from './schema-refs.js';

export { parseRefMap } from './schema-refs.js';
export type { LoadedSchemaFile, RefMapping, SchemaSource } from './schema-refs.js';

type AjvCore = AjvCoreModule.default;

/** How a schema is compiled: the `check-formats` and `schema-ref-map` inputs. */
export interface SchemaOptions {
  checkFormats: boolean;
  refMap: RefMapping[];
}

/** The JSON Schema drafts compat-gate validates with. */
export type Draft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** One reason a document does not match the schema, worded for the person who wrote the config. */
export interface SchemaIssue {
  /** JSON pointer into the document (for a missing or unknown property: that property). */
  pointer: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
  schemaPath: string;
  /** Whether the issue is about the property name at `pointer` or about its value. */
  target: 'value' | 'key';
}

/** A schema ready to validate many documents. */
export interface CompiledSchema {
  file: string;
  draft: Draft;
  /** Every schema file loaded, the root first. */
  files: string[];
  /** Things the user may want to know that do not stop the gate (unknown `$schema`, formats not checked, …). */
  notes: string[];
  /** The issues of one document, most useful first; [] when it is valid. */
  validate(document: unknown): SchemaIssue[];
}

interface DraftInfo {
  meta: string;
  idKey: 'id' | '$id';
}

const DRAFTS: Record<Draft, DraftInfo> = {
  'draft-04': { meta: 'http://json-schema.org/draft-04/schema#', idKey: 'id' },
  'draft-06': { meta: 'http://json-schema.org/draft-06/schema#', idKey: '$id' },
  'draft-07': { meta: 'http://json-schema.org/draft-07/schema#', idKey: '$id' },
  '2019-09': { meta: 'https://json-schema.org/draft/2019-09/schema', idKey: '$id' },
  '2020-12': { meta: 'https://json-schema.org/draft/2020-12/schema', idKey: '$id' },
};

const META_SCHEMA_URI = /^https?:\/\/json-schema\.org\/(?:(draft-0[467])\/schema|draft\/(2019-09|2020-12)\/schema)\/?#?$/i;

/** The draft a schema's `$schema` names; draft-07 when it names none or one compat-gate does not know. */
export function detectDraft(schema: unknown): { draft: Draft; note?: string } {
  const declared = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>).$schema : undefined;
  if (declared === undefined) return { draft: 'draft-07' };
  const match = typeof declared === 'string' ? META_SCHEMA_URI.exec(declared.trim()) : null;
  if (!match) {
    return {
      draft: 'draft-07',
      note: `\`$schema\` ${JSON.stringify(declared)} is not a draft compat-gate knows (draft-04, -06, -07, 2019-09, 2020-12); the schema is validated as draft-07.`,
    };
  }
  return { draft: (match[1] ?? match[2]) as Draft };
}

/**
 * Compiles a JSON Schema file from `source`, with every file its `$ref`s reach. Throws a
 * GateError, naming the file, when the schema is missing, unparseable or invalid.
 */
export async function compileSchema(file: string, source: SchemaSource, options: SchemaOptions): Promise<CompiledSchema> {
  try {
    return await compileSchemaFiles(file, source, options);
  } catch (error) {
    // ajv compiles and checks schemas recursively: a schema nested thousands deep overflows the stack.
    if (!isStackOverflow(error)) throw error;
    throw new GateError(
      `Schema file ${file} in ${source.label} cannot be compiled: ${ajvReason(error)}.`,
      'Flatten the schema (move deep parts into `definitions` and `$ref` them), and make every `$ref` cycle pass through a property or an item.',
    );
  }
}

async function compileSchemaFiles(file: string, source: SchemaSource, options: SchemaOptions): Promise<CompiledSchema> {
  const rootPath = normaliseRepoPath(file);
  const rootSchema = await readSchemaFile(rootPath, source);
  const { draft, note } = detectDraft(rootSchema);
  const notes = new Set<string>(note === undefined ? [] : [note]);
  const unknownFormats = new Set<string>();
  const fast = createAjv(draft, options, false, unknownFormats);
  const graph = await loadSchemaGraph(rootPath, rootSchema, source, {
    refMap: options.refMap,
    idKey: DRAFTS[draft].idKey,
    metaSchema: DRAFTS[draft].meta,
    resolve: (base, ref) => fast.opts.uriResolver.resolve(base, ref),
    isBuiltIn: (uri) => uri in fast.schemas || uri in fast.refs,
  });
  for (const loaded of graph.files) {
    if (loaded.declaredMeta !== undefined && loaded !== graph.files[0] && detectDraft({ $schema: loaded.declaredMeta }).draft !== draft) {
      notes.add(`${loaded.path} declares \`$schema\` "${loaded.declaredMeta}"; it is validated as ${draft}, the draft of ${rootPath}.`);
    }
  }
  const fastValidate = compileRoot(fast, graph, rootPath, draft, source, metaValidator(draft, options, unknownFormats));
  refuseEndlessRefs(fastValidate, rootPath, source);
  for (const [uri, problem] of graph.problems) {
    notes.add(`A \`$ref\` to ${describeUri(uri)} could not be loaded, but nothing the schema validates with uses it: ${problem.message}`);
  }

  let detailed: { ajv: AjvCore; validate: ValidateFunction } | undefined;
  const explainer = (): { ajv: AjvCore; validate: ValidateFunction } => {
    if (!detailed) {
      const ajv = createAjv(draft, options, true, unknownFormats);
      detailed = { ajv, validate: compileRoot(ajv, graph, rootPath, draft, source, metaValidator(draft, options, unknownFormats)) };
    }
    return detailed;
  };

  if (unknownFormats.size > 0 && options.checkFormats) {
    notes.add(`Formats ajv-formats does not know are not checked: ${[...unknownFormats].map((f) => `\`${f}\``).join(', ')}.`);
  }

  return {
    file: rootPath,
    draft,
    files: graph.files.map((loaded) => loaded.path),
    notes: [...notes],
    validate(document: unknown): SchemaIssue[] {
      try {
        if (fastValidate(document)) return [];
      } catch (error) {
        // A document whose YAML aliases make it cyclic recurses until the stack runs out.
        const message = `cannot be validated: ${errorMessage(error)}`;
        return [{ pointer: '', keyword: 'schema', message, params: {}, schemaPath: '#', target: 'value' }];
      }
      const { ajv, validate } = explainer();
      validate(document);
      const issues = explain(validate.errors ?? [], (parentSchema, keyword, index) =>
        branchValidator(ajv, graph, parentSchema, keyword, index),
      );
      return issues.length > 0
        ? issues
        : [{ pointer: '', keyword: 'schema', message: 'does not match the schema', params: {}, schemaPath: '#', target: 'value' }];
    },
  };
}

/** The files of a schema as compileSchema reads them, for code that reads a schema rather than validates with it. */
export interface SchemaDocuments {
  /** Repository path of the root file. */
  file: string;
  draft: Draft;
  /** Every schema file its `$ref`s reach, the root first (root `$id`s made absolute, `$schema` normalised). */
  files: LoadedSchemaFile[];
  /** Other URIs that name an already loaded file. */
  aliases: Array<{ uri: string; target: string }>;
  /** Formats the compiled schema asserts; empty when `check-formats` is off. */
  knownFormats: Set<string>;
  /** Resolves a `$ref` against a base URI exactly as ajv does. */
  resolve(base: string, ref: string): string;
}

/**
 * Loads a schema file and every file its `$ref`s reach, as compileSchema does, without
 * compiling. Throws a GateError, naming the file, when the root is missing or unparseable.
 */
export async function loadSchemaDocuments(file: string, source: SchemaSource, options: SchemaOptions): Promise<SchemaDocuments> {
  const rootPath = normaliseRepoPath(file);
  const rootSchema = await readSchemaFile(rootPath, source);
  const { draft } = detectDraft(rootSchema);
  const ajv = createAjv(draft, options, false, new Set());
  const resolve = (base: string, ref: string): string => ajv.opts.uriResolver.resolve(base, ref);
  const graph = await loadSchemaGraph(rootPath, rootSchema, source, {
    refMap: options.refMap,
    idKey: DRAFTS[draft].idKey,
    metaSchema: DRAFTS[draft].meta,
    resolve,
    isBuiltIn: (uri) => uri in ajv.schemas || uri in ajv.refs,
  });
  const knownFormats = new Set(options.checkFormats ? Object.keys(ajv.formats) : []);
  return { file: rootPath, draft, files: graph.files, aliases: graph.aliases, knownFormats, resolve };
}

/**
 * Reads files under a directory (the PR checkout); refuses paths that escape it, symlinks
 * included. Each file is read once: the bytes compiled are the bytes compared with the base's
 * and diffed.
 */
export function workspaceSource(rootDir: string, label = 'the PR checkout'): SchemaSource {
  const root = path.resolve(rootDir);
  let realRoot: Promise<string> | undefined;
  const refuse = (repoPath: string): GateError =>
    new GateError(`Refusing to read ${repoPath}: it is outside ${label}.`, 'Keep the schema and the files its `$ref`s point to inside the repository.');
  const reads = new Map<string, Promise<Buffer | undefined>>();
  return {
    label,
    read(repoPath: string): Promise<Buffer | undefined> {
      let read = reads.get(repoPath);
      if (!read) reads.set(repoPath, (read = readNow(repoPath)));
      return read;
    },
  };

  async function readNow(repoPath: string): Promise<Buffer | undefined> {
    const full = path.resolve(root, repoPath);
    if (!isInside(root, full)) throw refuse(repoPath);
    try {
      const real = await fs.realpath(full);
      realRoot ??= fs.realpath(root);
      if (!isInside(await realRoot, real)) throw refuse(repoPath);
      return await fs.readFile(real);
    } catch (error) {
      if (error instanceof GateError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      throw new GateError(`Cannot read ${repoPath} in ${label}: ${(error as Error).message}.`, 'Check the file permissions of the checkout.');
    }
  }
}

function isInside(root: string, full: string): boolean {
  const relative = path.relative(root, full);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * Real schemas carry patterns that are not valid in Unicode mode (`^[\w-.]+$`): try `u` first,
 * as ajv does, and fall back to a plain RegExp. ajv's RegExpEngine needs `code` for standalone
 * code generation, which compat-gate never uses.
 */
const lenientRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      if (!flags.includes('u')) throw error;
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'compatGateLenientRegExp' },
);

/** ajv-formats' `regex` format demands Unicode mode; the meta-schema applies it to every `pattern`. */
function isLenientRegex(value: string): boolean {
  try {
    lenientRegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

function createAjv(draft: Draft, options: SchemaOptions, detailed: boolean, unknownFormats: Set<string>): AjvCore {
  const warn = (...args: unknown[]): void => {
    const match = /unknown format "([^"]+)"/.exec(args.map(String).join(' '));
    if (match?.[1] !== undefined) unknownFormats.add(match[1]);
  };
  const ajvOptions: Options = {
    strict: false,
    allErrors: detailed,
    verbose: detailed,
    validateFormats: options.checkFormats,
    logger: { log: () => undefined, warn, error: () => undefined },
    // ajv's optimizer (dropping unused variables, folding constants) makes compiling a fifth
    // slower and validating no faster on real schemas: a run compiles more than it saves.
    code: { regExp: lenientRegExp, optimize: false },
    ...(draft === 'draft-06' ? { defaultMeta: DRAFTS['draft-06'].meta } : {}),
  };
  let ajv: AjvCore;
  switch (draft) {
    case 'draft-04':
      ajv = new ajvDraft04.default(ajvOptions);
      break;
    case 'draft-06':
      ajv = new Ajv(ajvOptions);
      ajv.addMetaSchema(draft06MetaSchema);
      break;
    case 'draft-07':
      ajv = new Ajv(ajvOptions);
      break;
    case '2019-09':
      ajv = new Ajv2019(ajvOptions);
      break;
    case '2020-12':
      ajv = new Ajv2020(ajvOptions);
      break;
  }
  // ajv makes `id` throw "NOT SUPPORTED" in drafts 06+, where it is no keyword at all; real
  // schemas (Compose's) still carry the draft-04 spelling, so it becomes an ignored unknown keyword.
  if (draft !== 'draft-04') ajv.removeKeyword('id');
  if (options.checkFormats) {
    ajvFormats.default(ajv);
    ajv.addFormat('regex', isLenientRegex);
  }
  return ajv;
}

/**
 * Checks schema files against their draft's meta-schema. ajv compiles the meta-schema into each
 * instance on its first check (a third of compiling a small schema): one instance per draft and
 * `check-formats` does the checking for every schema of the run, the base's and the PR's alike.
 * It is set up as the compiling instances are, holds nothing but the meta-schemas, and hands
 * every compile the formats it warned about, as a compiling instance's own check would.
 */
interface MetaValidator {
  /** Whether `schema` is valid, or undefined when its `$schema` is not the draft's own meta-schema (the compiling instance checks it). */
  validate(schema: unknown): boolean | undefined;
  errors(): ErrorObject[];
}

const metaValidators = new Map<string, { ajv: AjvCore; warned: Set<string> }>();

function metaValidator(draft: Draft, options: SchemaOptions, unknownFormats: Set<string>): MetaValidator {
  const key = `${draft}|${options.checkFormats}`;
  let shared = metaValidators.get(key);
  if (!shared) {
    const warned = new Set<string>();
    shared = { ajv: createAjv(draft, options, false, warned), warned };
    metaValidators.set(key, shared);
  }
  const { ajv, warned } = shared;
  return {
    validate(schema) {
      const declared = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>).$schema : undefined;
      if (declared !== undefined && !(typeof declared === 'string' && META_SCHEMA_URI.test(declared.trim()) && detectDraft(schema).draft === draft)) return undefined;
      const valid = ajv.validateSchema(schema as AnySchema) as boolean;
      for (const format of warned) unknownFormats.add(format);
      return valid;
    },
    errors: () => ajv.errors ?? [],
  };
}

function compileRoot(ajv: AjvCore, graph: SchemaGraph, rootPath: string, draft: Draft, source: SchemaSource, meta: MetaValidator): ValidateFunction {
  const invalid = (file: string, error: unknown): GateError =>
    new GateError(
      `Schema file ${file} in ${source.label} is not a valid ${draft} JSON Schema: ${ajvReason(error)}.`,
      'Fix the schema so that ajv can compile it.',
    );
  const root = graph.files[0];
  for (const loaded of graph.files) {
    // A referenced file that is not a schema (an example config behind a `$ref` in `x-example`)
    // only matters if ajv needs it: it then surfaces as the MissingRefError handled below.
    const refuse = (error: GateError): void => {
      if (loaded === root) throw error;
      graph.problems.set(loaded.uri, error);
    };
    const shared = meta.validate(loaded.schema);
    if (shared === false) {
      refuse(invalid(loaded.path, metaSchemaReason(meta.errors())));
      continue;
    }
    if (shared === undefined && !ajv.validateSchema(loaded.schema as AnySchema)) {
      refuse(invalid(loaded.path, metaSchemaReason(ajv.errors ?? [])));
      continue;
    }
    try {
      ajv.addSchema(loaded.schema as AnySchema, loaded.uri, undefined, false);
    } catch (error) {
      refuse(invalid(loaded.path, error));
    }
  }
  for (const alias of graph.aliases) ajv.addSchema({ $ref: alias.target }, alias.uri);
  let validate: ValidateFunction | undefined;
  try {
    validate = root ? ajv.getSchema(root.uri) : undefined;
  } catch (error) {
    if (error instanceof MissingRefError) {
      const problem = graph.problems.get(error.missingSchema);
      if (problem) throw problem;
      const inFile = graph.files.find((loaded) => loaded.uri === error.missingSchema);
      throw new GateError(
        `Schema file ${inFile?.path ?? rootPath} in ${source.label} has a \`$ref\` that points to nothing: ${describeUri(error.missingRef)}.`,
        'Fix that `$ref` so that it names a definition that exists.',
      );
    }
    throw invalid(rootPath, error);
  }
  if (!validate) throw invalid(rootPath, 'ajv returned no validator');
  if ((validate as { $async?: boolean }).$async === true) {
    throw new GateError(`Schema file ${rootPath} is asynchronous (\`$async\`), which compat-gate does not support.`, 'Remove `$async` from the schema.');
  }
  return validate;
}

function isStackOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** One value of each JSON type: a `$ref` loop that consumes nothing overflows on all of them. */
const PROBES: unknown[] = [null, true, 0, '', [], {}];

/**
 * ajv compiles `{"$ref": "#"}`, or two files whose `$ref`s point at each other, and then recurses
 * without end on every document. Such a schema can judge nothing: refuse it rather than report
 * every config as broken.
 */
function refuseEndlessRefs(validate: ValidateFunction, rootPath: string, source: SchemaSource): void {
  for (const probe of PROBES) {
    try {
      validate(probe);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      throw new GateError(
        `Schema file ${rootPath} in ${source.label} cannot validate anything: its \`$ref\`s loop without end (validating ${JSON.stringify(probe)} exceeds the call stack).`,
        'Make every `$ref` cycle pass through a property or an item, so that it ends with the document.',
      );
    }
  }
}

function ajvReason(error: unknown): string {
  if (isStackOverflow(error)) return `it nests too deeply, or its \`$ref\`s loop without end (${error.message})`;
  return errorMessage(error);
}

/** Where the schema breaks its meta-schema: ajv's first message for each place, three places at most. */
function metaSchemaReason(errors: ErrorObject[]): string {
  const byPlace = new Map<string, string>();
  for (const error of errors) {
    if (!byPlace.has(error.instancePath)) byPlace.set(error.instancePath, `#${error.instancePath} ${error.message ?? error.keyword}`);
  }
  const reasons = [...byPlace.values()];
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}

type BranchValidator = (parentSchema: unknown, keyword: string, index: number) => ValidateFunction | undefined;

const branchCache = new WeakMap<AjvCore, Map<string, ValidateFunction | undefined>>();

/** Compiles one alternative of a `oneOf`/`anyOf` on its own, found by where its schema object sits. */
function branchValidator(
  ajv: AjvCore,
  graph: SchemaGraph,
  parentSchema: unknown,
  keyword: string,
  index: number,
): ValidateFunction | undefined {
  if (typeof parentSchema !== 'object' || parentSchema === null) return undefined;
  const location = graph.locations.get(parentSchema);
  if (!location) return undefined;
  const pointer = `${location.pointer}/${keyword}/${index}`;
  const ref = `${location.uri}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
  let cache = branchCache.get(ajv);
  if (!cache) branchCache.set(ajv, (cache = new Map()));
  if (!cache.has(ref)) {
    try {
      cache.set(ref, ajv.getSchema(ref));
    } catch {
      cache.set(ref, undefined);
    }
  }
  return cache.get(ref);
}

/** Turns ajv's errors into issues: losing alternatives dropped, worded, deduplicated, deepest first. */
function explain(errors: ErrorObject[], branches: BranchValidator): SchemaIssue[] {
  const kept = keepBestAlternatives(errors, branches);
  // ajv reports a bad property name twice: the failing keyword (with `propertyName`), then `propertyNames`.
  const namesExplained = new Set(
    kept.filter((error) => error.propertyName !== undefined).map((error) => `${error.instancePath}\u0000${error.propertyName}`),
  );
  const relevant = kept.filter(
    (error) =>
      !(error.keyword === 'if' && kept.length > 1) &&
      !(error.keyword === 'propertyNames' && namesExplained.has(`${error.instancePath}\u0000${String(error.params.propertyName)}`)),
  );
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of relevant) {
    const issue = toIssue(error);
    const key = `${issue.pointer}\u0000${issue.keyword}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues
    .map((issue, order) => ({ issue, order, depth: issue.pointer === '' ? 0 : issue.pointer.split('/').length - 1 }))
    .sort((a, b) => b.depth - a.depth || a.order - b.order)
    .map(({ issue }) => issue);
}

function signature(error: ErrorObject): string {
  return `${error.instancePath}\u0000${error.keyword}\u0000${JSON.stringify(error.params)}`;
}

/**
 * With allErrors, ajv reports the errors of every alternative of a failed `oneOf`/`anyOf`, right
 * before the combinator's own error. Each alternative is validated again on its own to learn which
 * errors are its; only the alternative that got furthest into the document keeps its errors.
 */
function keepBestAlternatives(errors: ErrorObject[], branches: BranchValidator): ErrorObject[] {
  const dropped = new Set<number>();
  errors.forEach((error, index) => {
    if ((error.keyword !== 'oneOf' && error.keyword !== 'anyOf') || !Array.isArray(error.schema)) return;
    const perBranch: ErrorObject[][] = [];
    for (let branch = 0; branch < error.schema.length; branch++) {
      const validate = branches(error.parentSchema, error.keyword, branch);
      if (!validate) return;
      const valid = validate(error.data);
      perBranch.push(valid ? [] : (validate.errors ?? []).map((inner) => ({ ...inner, instancePath: error.instancePath + inner.instancePath })));
    }
    const matchedSeveral = error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas);
    if (!matchedSeveral && perBranch.some((branch) => branch.length === 0)) return;
    const all = new Set(perBranch.flat().map(signature));
    const best = matchedSeveral ? new Set<string>() : new Set(pickFurthest(perBranch, error.instancePath).map(signature));
    for (let before = index - 1; before >= 0; before--) {
      const previous = errors[before];
      if (!previous || !all.has(signature(previous))) break;
      if (!best.has(signature(previous))) dropped.add(before);
    }
  });
  return errors.filter((_, index) => !dropped.has(index));
}

function pickFurthest(perBranch: ErrorObject[][], at: string): ErrorObject[] {
  const depth = (pointer: string): number => (pointer === '' ? 0 : pointer.split('/').length - 1);
  const scored = perBranch.map((branchErrors, order) => ({
    branchErrors,
    order,
    reach: Math.max(...branchErrors.map((e) => depth(e.instancePath))),
    wrongType: branchErrors.some((e) => e.keyword === 'type' && e.instancePath === at),
  }));
  scored.sort(
    (a, b) =>
      b.reach - a.reach ||
      Number(a.wrongType) - Number(b.wrongType) ||
      a.branchErrors.length - b.branchErrors.length ||
      a.order - b.order,
  );
  return scored[0]?.branchErrors ?? [];
}

/** A value as short inline code inside a finding's message (60 characters at most). */
function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

function list(values: unknown[], max = 10): string {
  const shown = values.slice(0, max).map(quoteValue).join(', ');
  return values.length > max ? `${shown}, … (${values.length - max} more)` : shown;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function joinAlternatives(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function found(value: unknown, hasData: boolean): string {
  if (!hasData || (typeof value === 'object' && value !== null)) return '';
  return `, found ${quoteValue(value)}`;
}

const COMPARISONS: Record<string, string> = { '>=': 'at least', '>': 'greater than', '<=': 'at most', '<': 'less than' };

/** The closest allowed name to a misspelt one, when it is close enough to be a typo. */
function closest(name: string, allowed: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Optimal string alignment distance: Levenshtein plus swapped neighbours (`imgae` → `image` is 1). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

function notAllowedMessage(name: string, parentSchema: unknown): string {
  const schema = typeof parentSchema === 'object' && parentSchema !== null ? (parentSchema as Record<string, unknown>) : {};
  const properties = typeof schema.properties === 'object' && schema.properties !== null ? Object.keys(schema.properties) : [];
  const patterns =
    typeof schema.patternProperties === 'object' && schema.patternProperties !== null ? Object.keys(schema.patternProperties) : [];
  let message = `${quoteValue(name)} is not allowed here`;
  const suggestion = closest(name, properties);
  if (suggestion !== undefined) message += `; did you mean ${quoteValue(suggestion)}?`;
  const allowed = [properties.length > 0 ? list(properties) : '', patterns.length > 0 ? `names matching ${list(patterns, 3)}` : '']
    .filter(Boolean)
    .join(' and ');
  if (allowed !== '') message += `${suggestion === undefined ? ';' : ''} allowed: ${allowed}`;
  return message;
}

function toIssue(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  const hasData = 'data' in error;
  const data: unknown = error.data;
  const base = { keyword: error.keyword, params, schemaPath: error.schemaPath };
  const at = (pointer: string, message: string, target: 'value' | 'key' = 'value'): SchemaIssue => ({
    ...base,
    pointer,
    message,
    target,
  });
  const child = (name: unknown): string => `${error.instancePath}/${escapePointerToken(String(name))}`;

  if (error.propertyName !== undefined && error.keyword !== 'propertyNames') {
    const inner = toIssue({ ...error, propertyName: undefined });
    return at(child(error.propertyName), `the name ${quoteValue(error.propertyName)} ${inner.message.replace(/, found `[^`]*`$/, '')}`, 'key');
  }
  switch (error.keyword) {
    case 'additionalProperties':
      return at(child(params.additionalProperty), notAllowedMessage(String(params.additionalProperty), error.parentSchema), 'key');
    case 'unevaluatedProperties':
      return at(child(params.unevaluatedProperty), notAllowedMessage(String(params.unevaluatedProperty), error.parentSchema), 'key');
    case 'required':
      return at(child(params.missingProperty), `missing required property ${quoteValue(params.missingProperty)}`);
    case 'dependencies':
    case 'dependentRequired':
      return at(child(params.property), `${quoteValue(params.property)} requires property ${quoteValue(params.missingProperty)} as well`, 'key');
    case 'propertyNames':
      return at(child(params.propertyName), `the name ${quoteValue(params.propertyName)} is not allowed`, 'key');
    case 'type': {
      const expected = (Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(','))
        .map((name) => TYPE_NAMES[name] ?? name);
      const actual = kindOf(data);
      const foundKind = actual === 'an integer' && !expected.includes('an integer') ? 'a number' : actual;
      return at(error.instancePath, `must be ${joinAlternatives(expected)}${hasData ? `, found ${foundKind}` : ''}`);
    }
    case 'enum':
      return at(error.instancePath, `must be one of ${list(Array.isArray(params.allowedValues) ? params.allowedValues : [])}${found(data, hasData)}`);
    case 'const':
      return at(error.instancePath, `must be ${quoteValue(params.allowedValue)}${found(data, hasData)}`);
    case 'pattern':
      return at(error.instancePath, `must match the pattern ${quoteValue(params.pattern)}${found(data, hasData)}`);
    case 'format':
      return at(error.instancePath, `must be a valid ${quoteValue(params.format)}${found(data, hasData)}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(
        error.instancePath,
        `must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}${found(data, hasData)}`,
      );
    case 'multipleOf':
      return at(error.instancePath, `must be a multiple of ${String(params.multipleOf)}${found(data, hasData)}`);
    case 'minLength':
      return at(error.instancePath, params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`);
    case 'maxLength':
      return at(error.instancePath, `must be at most ${String(params.limit)} characters long`);
    case 'minItems':
      return at(error.instancePath, params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} items`);
    case 'maxItems':
    case 'additionalItems':
    case 'unevaluatedItems':
    case 'items':
      return at(error.instancePath, `must have at most ${String(params.limit)} items`);
    case 'minProperties':
      return at(error.instancePath, params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} properties`);
    case 'maxProperties':
      return at(error.instancePath, `must have at most ${String(params.limit)} properties`);
    case 'uniqueItems':
      return at(error.instancePath, `must not have duplicate items (items ${String(params.j)} and ${String(params.i)} are equal)`);
    case 'contains':
      return at(error.instancePath, 'must contain at least one item of the expected form');
    case 'oneOf':
      return at(
        error.instancePath,
        Array.isArray(params.passingSchemas)
          ? `must match exactly one of the allowed forms, but matches ${params.passingSchemas.length} of them`
          : 'does not match any of the allowed forms',
      );
    case 'anyOf':
      return at(error.instancePath, 'does not match any of the allowed forms');
    case 'not':
      return at(error.instancePath, 'is not allowed here (it matches a form the schema excludes)');
    case 'false schema':
      return at(error.instancePath, 'is not allowed here');
    case 'if':
      return at(error.instancePath, `must match the \`${String(params.failingKeyword)}\` schema`);
    default:
      return at(error.instancePath, error.message ?? `fails \`${error.keyword}\``);
  }
}
