import { posix } from 'node:path';
import { MAX_NESTING_DEPTH, escapePointerToken, nestedTooDeeply, readConfig, type ReadOptions } from '../configs/parse/index.js';
import { GateError } from '../errors.js';

/** Reads repository files (POSIX paths relative to the repo root) from one side: the PR checkout, or an old commit. */
export interface SchemaSource {
  /** Says where files come from in messages, e.g. "the PR checkout", "base 1a2b3c4". */
  label: string;
  /** The file's bytes, or undefined when there is no such file. */
  read(repoPath: string): Promise<Buffer | undefined>;
}

/** One `schema-ref-map` line: absolute `$ref` URLs starting with `prefix` live under `dir` in the repository. */
export interface RefMapping {
  prefix: string;
  /** Repository path with a trailing slash ('' for the repository root). */
  dir: string;
}

/** One schema file read for a compile: where it lives and the URI ajv knows it by. */
export interface LoadedSchemaFile {
  path: string;
  uri: string;
  schema: unknown;
  /** The `$schema` the file declared, before it was normalised to the root's draft. */
  declaredMeta?: string;
}

/** Every file a schema needs, and why some `$ref`s could not be loaded. */
export interface SchemaGraph {
  files: LoadedSchemaFile[];
  /** Other URIs that name an already loaded file (it was reached through two URLs). */
  aliases: Array<{ uri: string; target: string }>;
  /**
   * Why a referenced URI (without fragment) could not be loaded. Thrown only when ajv needs
   * that URI, so a broken `$ref` in a definition nothing uses does not stop the gate.
   */
  problems: Map<string, GateError>;
  /** Where each schema object holding `oneOf`/`anyOf` sits: the file URI and a JSON pointer. */
  locations: WeakMap<object, { uri: string; pointer: string }>;
}

/** What loadSchemaGraph needs to know about the draft and the ajv instance it loads for. */
export interface LoadGraphOptions {
  refMap: RefMapping[];
  /** `id` for draft-04, `$id` for later drafts. */
  idKey: 'id' | '$id';
  /** The canonical `$schema` of the root's draft, written into every file that declares one. */
  metaSchema: string;
  /** ajv's own URI resolver, so that this module and ajv agree on every URI. */
  resolve(base: string, ref: string): string;
  /** URIs ajv already knows without a file (the meta-schemas). */
  isBuiltIn(uri: string): boolean;
}

/**
 * Base URI given to schema files that have no `$id`, so relative `$ref`s between files resolve
 * like paths. The `.invalid` TLD is reserved (RFC 2606): it can never name a real server.
 */
const REPOSITORY_BASE = 'https://repository.compat-gate.invalid/';

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'] as const;
/** Keywords whose values are data, not schemas: a `$ref` inside them is not a reference. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
/** Keywords whose values map names to schemas: the keys there are names, not keywords. */
const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
]);

/** Parses the `schema-ref-map` input: lines `URL-prefix=local/dir/`; blank lines and `#` comments are ignored. */
export function parseRefMap(text: string): RefMapping[] {
  const mappings: RefMapping[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `schema-ref-map line ${index + 1} ("${line}")`;
    const hint = 'Write one mapping a line as `URL-prefix=local/dir/`, e.g. `https://json.schemastore.org/=src/schemas/json/`.';
    const equals = line.indexOf('=');
    if (equals <= 0) throw new GateError(`${where} has no \`=\` between a URL prefix and a directory.`, hint);
    const prefix = line.slice(0, equals).trim();
    const rawDir = line.slice(equals + 1).trim();
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(prefix)) {
      throw new GateError(`${where}: "${prefix}" is not an absolute URL.`, hint);
    }
    if (rawDir === '') throw new GateError(`${where} has no directory after \`=\`.`, hint);
    if (rawDir.startsWith('/')) {
      throw new GateError(`${where}: "${rawDir}" is an absolute path; the directory must be a path in the repository.`, hint);
    }
    const dir = posix.normalize(rawDir);
    if (dir === '..' || dir.startsWith('../')) {
      throw new GateError(`${where}: "${rawDir}" points outside the repository.`, hint);
    }
    mappings.push({ prefix, dir: dir === '.' || dir === './' ? '' : dir.endsWith('/') ? dir : `${dir}/` });
  }
  return mappings;
}

/** The URI of a repository file without `$id`, under the synthetic repository base. */
function repositoryUri(repoPath: string, resolve: LoadGraphOptions['resolve']): string {
  return resolve(REPOSITORY_BASE, repoPath.split('/').map(encodeURIComponent).join('/'));
}

/** A URI as a person should read it: a repository path for files without `$id`. */
export function describeUri(uri: string): string {
  const hash = uri.indexOf('#');
  const document = hash < 0 ? uri : uri.slice(0, hash);
  const path = repositoryPathOf(document);
  if (path === undefined) return uri;
  try {
    return `${path}${hash < 0 ? '' : decodeURIComponent(uri.slice(hash))}`;
  } catch {
    return `${path}${uri.slice(hash)}`;
  }
}

/** The repository path behind a synthetic repository URI, or undefined for any other URI. */
function repositoryPathOf(uri: string): string | undefined {
  if (!uri.startsWith(REPOSITORY_BASE)) return undefined;
  return decodePath(uri.slice(REPOSITORY_BASE.length));
}

function decodePath(encoded: string): string | undefined {
  try {
    return insideRepository(encoded.split('/').map(decodeURIComponent).join('/'));
  } catch {
    return undefined;
  }
}

function insideRepository(path: string): string | undefined {
  const normalised = posix.normalize(path).replace(/\/+$/, '');
  const outside = normalised === '..' || normalised.startsWith('../') || normalised.startsWith('/');
  return outside || normalised === '.' ? undefined : normalised;
}

/** Normalises a path given as the `schema` input to a repository path, or says why it is not one. */
export function normaliseRepoPath(file: string): string {
  const path = posix.normalize(file.trim());
  if (path.startsWith('/') || path === '..' || path.startsWith('../') || path === '.') {
    throw new GateError(
      `The schema path "${file}" is not a file path inside the repository.`,
      'Set `schema` to a path relative to the repository root, such as `schemas/config.schema.json`.',
    );
  }
  return path;
}

/**
 * A schema nests about twice as deep as the configs it describes (`properties`, then the
 * name, for each level of a config), so it may nest twice as deep as a config.
 */
export const MAX_SCHEMA_NESTING_DEPTH = 2 * MAX_NESTING_DEPTH;

/**
 * Schema files are read as configs are (one reader: the same decoding, formats and limits on
 * depth, aliases and size), in YAML 1.2: a schema is the maintainer's file, not a user's.
 */
export const SCHEMA_READ_OPTIONS: ReadOptions = { yamlVersion: '1.2', maxDepth: MAX_SCHEMA_NESTING_DEPTH };

/** Reads and parses one schema file, or throws a GateError that names the file and the source. */
export async function readSchemaFile(path: string, source: SchemaSource, reachedAs?: string): Promise<unknown> {
  const bytes = await source.read(path);
  if (bytes === undefined) {
    if (reachedAs !== undefined) {
      throw new GateError(`Schema file ${path} (${reachedAs}) was not found in ${source.label}.`, 'Fix that `$ref`, or commit the file it points to.');
    }
    throw new GateError(
      `Schema file ${path} was not found in ${source.label}.`,
      (n) => `Set the ${n.setting('schema')} to the path of a JSON or YAML schema file committed in the repository, relative to its root.`,
    );
  }
  const read = readConfig(path, bytes, SCHEMA_READ_OPTIONS);
  if (!read.ok) throw unparseable(path, source, read.detail ?? read.message, read.position?.line);
  if (read.documents.length > 1) throw unparseable(path, source, `it holds ${read.documents.length} YAML documents; a schema file holds one`, 1);
  const schema = read.documents[0];
  if (typeof schema !== 'boolean' && !isPlainObject(schema)) {
    throw new GateError(
      `Schema file ${path} in ${source.label} is not a JSON Schema: it holds ${describeKind(schema)}, not an object.`,
      'Point `schema` at a JSON Schema file (an object with `type`, `properties`, …).',
    );
  }
  return schema;
}

function unparseable(path: string, source: SchemaSource, message: string, line: number | undefined): GateError {
  const at = line === undefined ? '' : ` at line ${line}`;
  const tooDeep = message === nestedTooDeeply(MAX_SCHEMA_NESTING_DEPTH);
  const reason = tooDeep ? `it nests too deeply (more than ${MAX_SCHEMA_NESTING_DEPTH} levels)` : message;
  return new GateError(
    `Schema file ${path} in ${source.label} cannot be parsed${at}: ${reason}.`,
    'Fix the syntax of the schema file (JSON, comments and trailing commas allowed, or YAML).',
  );
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface FoundRef {
  /** Absolute URI of the referenced document, without fragment. */
  uri: string;
  ref: string;
  from: string;
}

/**
 * Loads the root schema and every file its `$ref`s reach, through `source`: relative refs from
 * the referencing file's URI, absolute URLs through `refMap`. Never touches the network.
 */
export async function loadSchemaGraph(
  rootPath: string,
  rootSchema: unknown,
  source: SchemaSource,
  options: LoadGraphOptions,
): Promise<SchemaGraph> {
  const graph: SchemaGraph = { files: [], aliases: [], problems: new Map(), locations: new WeakMap() };
  const byPath = new Map<string, LoadedSchemaFile>();
  const known = new Set<string>();
  /** Directories implied by absolute root `$id`s: a file's own `$id` says where its siblings live. */
  const implicitMap: RefMapping[] = [];
  const pending: FoundRef[] = [];

  const admit = (path: string, uri: string, schema: unknown): void => {
    const file: LoadedSchemaFile = { path, uri, schema };
    let base = uri;
    if (isPlainObject(schema)) {
      if (typeof schema.$schema === 'string' && schema.$schema !== options.metaSchema) {
        file.declaredMeta = schema.$schema;
        schema.$schema = options.metaSchema;
      }
      const id = schema[options.idKey];
      if (typeof id === 'string') {
        // ajv takes a root `$id` as given; making it absolute keeps ajv and this walker in step.
        base = withoutFragment(options.resolve(uri, id)) || uri;
        schema[options.idKey] = base;
        if (/^https?:/i.test(base) && repositoryPathOf(base) === undefined) implicitMap.push(...mappingsFromId(base, path));
      }
    }
    byPath.set(path, file);
    graph.files.push(file);
    known.add(uri);
    known.add(base);
    walk(schema, base, '', false, { file, known, pending, options, locations: graph.locations, seen: new Set() });
  };

  admit(rootPath, repositoryUri(rootPath, options.resolve), rootSchema);

  const attempted = new Set<string>();
  for (let i = 0; i < pending.length; i++) {
    const found = pending[i];
    if (!found || known.has(found.uri) || attempted.has(found.uri) || options.isBuiltIn(found.uri)) continue;
    attempted.add(found.uri);
    const target = mapUri(found.uri, options, implicitMap);
    if (target.path === undefined) {
      graph.problems.set(found.uri, unmappedError(found));
      continue;
    }
    const loaded = byPath.get(target.path);
    if (loaded) {
      graph.aliases.push({ uri: found.uri, target: loaded.uri });
      known.add(found.uri);
      continue;
    }
    try {
      const reachedAs = `${target.how}, from \`$ref: "${found.ref}"\` in ${found.from}`;
      admit(target.path, found.uri, await readSchemaFile(target.path, source, reachedAs));
    } catch (error) {
      if (!(error instanceof GateError)) throw error;
      graph.problems.set(found.uri, error);
    }
  }
  return graph;
}

function unmappedError(found: FoundRef): GateError {
  const directory = found.uri.slice(0, found.uri.lastIndexOf('/') + 1);
  return new GateError(
    `Schema file ${found.from} refers to ${found.uri} (\`$ref: "${found.ref}"\`), which is not a file in the repository; compat-gate never fetches schemas from the network.`,
    (n) => `Commit that schema to the repository and add a ${n.setting('schema-ref-map')} line that says where it lives, e.g. \`${directory}=schemas/vendor/\`.`,
  );
}

function mapUri(
  uri: string,
  options: LoadGraphOptions,
  implicitMap: RefMapping[],
): { path?: string; how: string } {
  const inRepository = repositoryPathOf(uri);
  if (inRepository !== undefined) return { path: inRepository, how: 'a relative reference' };
  for (const [mappings, how] of [
    [options.refMap, 'mapped by `schema-ref-map`'],
    [implicitMap, 'mapped by the `$id` of a schema file'],
  ] as const) {
    let best: RefMapping | undefined;
    for (const mapping of mappings) {
      const prefix = normalisePrefix(mapping.prefix, options);
      if (startsWithPrefix(uri, prefix) && (!best || prefix.length > normalisePrefix(best.prefix, options).length)) best = mapping;
    }
    if (best) {
      // A prefix without its trailing `/` names a folder all the same (`https://example.com/schemas=vendor/`).
      const encodedRest = uri.slice(normalisePrefix(best.prefix, options).length).replace(/^\//, '');
      // A line may map one URL to one file (`https://example.com/s.json=vendor/s.json`).
      const rest = encodedRest === '' ? '' : decodePath(encodedRest);
      const path = rest === undefined ? undefined : insideRepository(best.dir + rest);
      return path === undefined ? { how } : { path, how: `${how} from ${uri}` };
    }
  }
  return { how: 'not mapped' };
}

/** `uri` starts with `prefix` at a path boundary: `…/schemas` covers `…/schemas/a.json`, not `…/schemas-old/a.json`. */
function startsWithPrefix(uri: string, prefix: string): boolean {
  return uri.startsWith(prefix) && (prefix.endsWith('/') || uri.length === prefix.length || '/#?'.includes(uri[prefix.length]!));
}

function normalisePrefix(prefix: string, options: LoadGraphOptions): string {
  try {
    return withoutFragment(options.resolve(prefix, '')) || prefix;
  } catch {
    return prefix;
  }
}

/**
 * What a file's absolute `$id` says about where schemas live: its URL directory is the file's
 * directory, and while the two end in the same folder names, each parent maps to the parent
 * (`https://example.com/schemas/a.json` at `schemas/a.json` also maps `https://example.com/` to the root).
 */
function mappingsFromId(id: string, path: string): RefMapping[] {
  const urlDirectory = id.slice(0, id.lastIndexOf('/') + 1);
  const mappings: RefMapping[] = [];
  let prefix = urlDirectory;
  const folders = path.split('/').slice(0, -1);
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.exec(id)?.[0] ?? '';
  for (;;) {
    mappings.push({ prefix, dir: folders.length > 0 ? `${folders.join('/')}/` : '' });
    const segments = prefix.slice(origin.length).split('/').filter(Boolean);
    const last = segments[segments.length - 1];
    if (last === undefined || folders.length === 0 || decodeSegment(last) !== folders[folders.length - 1]) break;
    folders.pop();
    prefix = prefix.slice(0, prefix.length - last.length - 1);
  }
  return mappings;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}

interface WalkContext {
  file: LoadedSchemaFile;
  known: Set<string>;
  pending: FoundRef[];
  options: LoadGraphOptions;
  locations: WeakMap<object, { uri: string; pointer: string }>;
  seen: Set<object>;
}

/** Collects `$ref`s and `$id`s of one file, tracking the base URI as `$id`s change it. */
function walk(node: unknown, base: string, pointer: string, namesOnly: boolean, context: WalkContext): void {
  if (typeof node !== 'object' || node === null || context.seen.has(node)) return;
  context.seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, base, `${pointer}/${index}`, false, context));
    return;
  }
  const schema = node as Record<string, unknown>;
  if (!namesOnly) {
    const id = schema[context.options.idKey];
    if (typeof id === 'string' && pointer !== '') {
      base = withoutFragment(context.options.resolve(base, id)) || base;
      context.known.add(base);
    }
    for (const keyword of REF_KEYWORDS) {
      const ref = schema[keyword];
      if (typeof ref === 'string') {
        context.pending.push({ uri: withoutFragment(context.options.resolve(base, ref)), ref, from: context.file.path });
      }
    }
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
      context.locations.set(schema, { uri: context.file.uri, pointer });
    }
  }
  for (const [key, value] of Object.entries(schema)) {
    if (!namesOnly && DATA_KEYWORDS.has(key)) continue;
    const child = `${pointer}/${escapePointerToken(key)}`;
    walk(value, base, child, !namesOnly && SCHEMA_MAP_KEYWORDS.has(key), context);
  }
}
