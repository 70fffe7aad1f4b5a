import { parsePointer } from '../configs/parse/index.js';
import { GateError } from '../errors.js';
import { loadSchemaDocuments, type Draft, type SchemaDocuments, type SchemaOptions, type SchemaSource } from './schema.js';

/** Whether data that was valid against the base's schema can be invalid against the PR's. */
export type ChangeSeverity = 'breaking' | 'compatible';

/** One difference between the base's schema and the PR's, classified. */
export interface SchemaChange {
  severity: ChangeSeverity;
  /** Stable id of the kind of change: 'required-added', 'enum-narrowed', 'annotation-changed', … */
  rule: string;
  /** Where in a config it applies: a JSON pointer with `*` for any array item or any property name. */
  instancePath: string;
  /** One sentence for a person: "`storage` is now required in `/server`". */
  message: string;
  /** Repository path of the PR's schema file holding the changed keyword (for a removal: the PR's schema object that lost it). */
  file: string;
  /** JSON pointer of the changed keyword inside `file`, to find its line. */
  schemaPointer: string;
}

/** A schema loaded with every file its `$ref`s reach, ready to be compared. */
export type ResolvedSchema = SchemaDocuments;

/**
 * Loads a schema and the files its `$ref`s reach, as the gate compiles it, for diffSchemas.
 * Throws a GateError, naming the file, when it is missing, unparseable or nested too deeply.
 */
export async function loadResolvedSchema(file: string, source: SchemaSource, options: SchemaOptions): Promise<ResolvedSchema> {
  try {
    return await loadSchemaDocuments(file, source, options);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new GateError(`Schema file ${file} in ${source.label} cannot be read: it nests too deeply (${error.message}).`, FLATTEN_HINT);
  }
}

const FLATTEN_HINT = 'Flatten the schema: move deep parts into `definitions` and `$ref` them.';

function isStackOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Compares the base's schema with the PR's, following `$ref`s on both sides, and classifies
 * each difference: breaking when data valid against the base can be invalid against the PR.
 * What cannot be classified with confidence is reported as breaking (rule 'changed').
 * Sorted: breaking first, then by instance path. Throws a GateError for schemas nested too
 * deeply to walk.
 */
export function diffSchemas(base: ResolvedSchema, pr: ResolvedSchema): SchemaChange[] {
  try {
    return diffResolved(base, pr);
  } catch (error) {
    // The walk is bounded (MAX_DEPTH), but merging thousands of nested `allOf`s still recurses.
    if (!isStackOverflow(error)) throw error;
    throw new GateError(`The schemas ${base.file} of the base and ${pr.file} of the PR cannot be compared: they nest too deeply (${error.message}).`, FLATTEN_HINT);
  }
}

function diffResolved(base: ResolvedSchema, pr: ResolvedSchema): SchemaChange[] {
  const differ = new Differ(new Side(base), new Side(pr));
  const bRoot = differ.base.root();
  const pRoot = differ.pr.root();
  const placed = differ.place(differ.compareSubs([bRoot], [pRoot], atOf(bRoot), atOf(pRoot)));
  const seen = new Set<string>();
  const changes: SchemaChange[] = [];
  for (const { delta, path } of placed) {
    const instancePath = renderPath(path);
    const change: SchemaChange = {
      severity: delta.severity,
      rule: delta.rule,
      instancePath,
      message: capitalise(delta.say(placeOf(instancePath))),
      file: delta.at.file,
      schemaPointer: delta.at.pointer,
    };
    const key = JSON.stringify(change);
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push(change);
  }
  return changes.sort(
    (a, b) =>
      Number(a.severity !== 'breaking') - Number(b.severity !== 'breaking') ||
      compareText(a.instancePath, b.instancePath) ||
      compareText(a.rule, b.rule) ||
      compareText(a.file, b.file) ||
      compareText(a.schemaPointer, b.schemaPointer),
  );
}

/**
 * Whether a change can explain a finding at `findingPointer` (a JSON pointer into a config):
 * `*` in the change's path matches any one token, and a finding anywhere under the change's
 * path matches (`required` added at `/server` explains a finding at `/server/storage`).
 */
export function changeMatches(change: SchemaChange, findingPointer: string): boolean {
  const expected = tokens(change.instancePath);
  const found = tokens(findingPointer.startsWith('#') ? findingPointer.slice(1) : findingPointer);
  if (found.length < expected.length) return false;
  return expected.every((token, index) => token === '*' || token === found[index]);
}

function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.replace(/^\//, '').split('/');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A path segment that stands for any array item or any property name. */
const ANY = Symbol('any');
type Segment = string | typeof ANY;

/** How a change names its place in a config, for messages. */
interface Place {
  /** The instance path itself. */
  path: string;
  /** "`/server`", or "the document" for the root. */
  subject: string;
  /** "in `/server`", or "at the top level". */
  in: string;
}

function placeOf(instancePath: string): Place {
  return instancePath === ''
    ? { path: instancePath, subject: 'the document', in: 'at the top level' }
    : { path: instancePath, subject: `\`${instancePath}\``, in: `in \`${instancePath}\`` };
}

/** A location in a schema file. */
interface At {
  file: string;
  pointer: string;
}

/** A change before it is placed: where in a config comes from the results that hold it. */
interface Delta {
  severity: ChangeSeverity;
  rule: string;
  at: At;
  say(place: Place): string;
}

/** Two conjunctions of subschemas to compare, with where each side would be if it is absent. */
interface Pair {
  b: Sub[];
  p: Sub[];
  bAt: At;
  pAt: At;
}

/**
 * The changes found for one pair of subschemas: its own, and those of deeper pairs under a
 * path. A result is shared by every place its pair is met, and placed at instance paths at the end.
 */
interface Result {
  deltas: Delta[];
  children: Child[];
  /** The first breaking change, where it is relative to this result. */
  firstBreaking?: { delta: Delta; path: Segment[] };
  breaking: number;
  semantic: boolean;
  breakingRules: Set<string>;
  semanticRules: Set<string>;
}

interface Child {
  path: Segment[];
  result?: Result;
  cut?: Pair;
}

/** A subschema where it sits: its node, file, pointer, and the base URI its `$ref`s resolve against. */
interface Sub {
  node: unknown;
  file: string;
  pointer: string;
  base: string;
}

function atOf(sub: Sub): At {
  return { file: sub.file, pointer: sub.pointer };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}

/** JSON with sorted keys: equal values give equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Keywords whose values are data: nothing inside them is a schema. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
/** Keywords whose values map names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies']);
const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'] as const;
/** Keywords that name or hold schemas but constrain nothing themselves. */
const STRUCTURAL_KEYWORDS = new Set([
  '$schema',
  '$id',
  'id',
  '$anchor',
  '$dynamicAnchor',
  '$recursiveAnchor',
  '$defs',
  'definitions',
  '$vocabulary',
  'then',
  'else',
  'nullable',
]);

/** One side of the comparison: a loaded schema with its `$id`s and anchors indexed. */
class Side {
  readonly draft: Draft;
  readonly idKey: 'id' | '$id';
  readonly knownFormats: Set<string>;
  private readonly resources = new Map<string, Sub>();
  private readonly anchors = new Map<string, Sub>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  constructor(private readonly schema: ResolvedSchema) {
    this.draft = schema.draft;
    this.idKey = schema.draft === 'draft-04' ? 'id' : '$id';
    this.knownFormats = schema.knownFormats;
    for (const file of schema.files) {
      const root: Sub = { node: file.schema, file: file.path, pointer: '', base: file.uri };
      this.resources.set(file.uri, root);
      this.index(root);
    }
    for (const alias of schema.aliases) {
      const target = this.resources.get(alias.target);
      if (target) this.resources.set(alias.uri, target);
    }
  }

  root(): Sub {
    const first = this.schema.files[0];
    if (!first) return { node: true, file: this.schema.file, pointer: '', base: '' };
    return { node: first.schema, file: first.path, pointer: '', base: first.uri };
  }

  /** A number that names a schema node, for memo keys. */
  idOf(node: unknown): string {
    if (typeof node !== 'object' || node === null) return String(node);
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.nextId++));
    return String(id);
  }

  /** The base URI in effect inside a subschema, after its own `$id`. */
  baseOf(sub: Sub): string {
    if (!isObject(sub.node)) return sub.base;
    const id = sub.node[this.idKey];
    if (typeof id !== 'string' || id.startsWith('#')) return sub.base;
    try {
      return withoutFragment(this.schema.resolve(sub.base, id)) || sub.base;
    } catch {
      return sub.base;
    }
  }

  child(sub: Sub, ...path: Array<string | number>): Sub {
    let node: unknown = sub.node;
    for (const token of path) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
    return { node, file: sub.file, pointer: `${sub.pointer}${path.map((t) => `/${escapeToken(String(t))}`).join('')}`, base: this.baseOf(sub) };
  }

  /** The subschema a `$ref` in `sub` points to, or undefined when it is not among the loaded files. */
  resolveRef(sub: Sub, ref: string): Sub | undefined {
    let full: string;
    try {
      full = this.schema.resolve(this.baseOf(sub), ref);
    } catch {
      return undefined;
    }
    const hash = full.indexOf('#');
    const document = hash < 0 ? full : full.slice(0, hash);
    const fragment = hash < 0 ? '' : full.slice(hash + 1);
    const resource = this.resources.get(document);
    if (!resource) return undefined;
    if (fragment === '') return resource;
    if (fragment.startsWith('/')) {
      const path = parsePointer(`#${fragment}`);
      if (!path) return undefined;
      let target = resource;
      for (const token of path) {
        target = this.child(target, token);
        if (target.node === undefined) return undefined;
      }
      return target;
    }
    try {
      return this.anchors.get(`${document}#${decodeURIComponent(fragment)}`);
    } catch {
      return undefined;
    }
  }

  /** Whether a file of this side holds a schema at `pointer`. */
  has(file: string, pointer: string): boolean {
    const loaded = this.schema.files.find((candidate) => candidate.path === file);
    const path = parsePointer(pointer);
    if (!loaded || !path) return false;
    let node: unknown = loaded.schema;
    for (const token of path) {
      if (!isObject(node) && !Array.isArray(node)) return false;
      node = (node as Record<string, unknown>)[token];
    }
    return isObject(node) || typeof node === 'boolean';
  }

  /** The URI a `$ref` names, for messages and for comparing refs that cannot be followed. */
  refUri(sub: Sub, ref: string): string {
    try {
      return this.schema.resolve(this.baseOf(sub), ref);
    } catch {
      return ref;
    }
  }

  private index(root: Sub): void {
    // Iterative: a schema may nest deeper than the call stack goes.
    const stack: Array<{ sub: Sub; namesOnly: boolean }> = [{ sub: root, namesOnly: false }];
    const seen = new Set<object>();
    while (stack.length > 0) {
      const { sub, namesOnly } = stack.pop() as { sub: Sub; namesOnly: boolean };
      const node = sub.node;
      if (typeof node !== 'object' || node === null || seen.has(node)) continue;
      seen.add(node);
      if (Array.isArray(node)) {
        node.forEach((_, index) => stack.push({ sub: this.child(sub, index), namesOnly: false }));
        continue;
      }
      if (!namesOnly) {
        const base = this.baseOf(sub);
        if (base !== sub.base && !this.resources.has(base)) this.resources.set(base, sub);
        const id = (node as Record<string, unknown>)[this.idKey];
        if (typeof id === 'string' && id.includes('#')) {
          const name = id.slice(id.indexOf('#') + 1);
          // A plain-name fragment is an anchor (draft-06/07 `$id: "#foo"`); a JSON pointer is not.
          if (name !== '' && !name.startsWith('/')) this.anchors.set(`${base}#${name}`, sub);
        }
        for (const key of ['$anchor', '$dynamicAnchor']) {
          const anchor = (node as Record<string, unknown>)[key];
          if (typeof anchor === 'string') this.anchors.set(`${base}#${anchor}`, sub);
        }
      }
      for (const key of Object.keys(node)) {
        if (!namesOnly && DATA_KEYWORDS.has(key)) continue;
        stack.push({ sub: this.child(sub, key), namesOnly: !namesOnly && SCHEMA_MAP_KEYWORDS.has(key) });
      }
    }
  }
}

type CountKeyword = 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minProperties' | 'maxProperties' | 'minContains' | 'maxContains';
const COUNT_NOUNS: Record<CountKeyword, [string, string]> = {
  minLength: ['character', 'characters'],
  maxLength: ['character', 'characters'],
  minItems: ['item', 'items'],
  maxItems: ['item', 'items'],
  minProperties: ['property', 'properties'],
  maxProperties: ['property', 'properties'],
  minContains: ['item matching `contains`', 'items matching `contains`'],
  maxContains: ['item matching `contains`', 'items matching `contains`'],
};

interface Entry<T> {
  value: T;
  at: At;
}

interface Bound {
  value: number;
  exclusive: boolean;
  at: At;
  /** Where the draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` sits, when it is set. */
  flagAt?: At;
}

interface Group {
  kind: 'anyOf' | 'oneOf';
  branches: Sub[];
  at: At;
}

interface Conditional {
  if: Sub;
  then: Sub[];
  else: Sub[];
  at: At;
}

/**
 * What a schema asks of a value, with its `$ref`s and `allOf`s merged in (a conjunction), each
 * keyword remembering where it is written. Subschemas stay unexpanded until compared.
 */
interface View {
  side: Side;
  at: At;
  /** The `$ref` this schema was reached through, to name it in messages. */
  label?: string;
  /** For an alternative of `oneOf`/`anyOf`: its `$ref` target, or its JSON, to pair it with the other side's. */
  origin?: string;
  never?: At;
  type?: Entry<Set<string>>;
  values?: Entry<unknown[]> & { kind: 'enum' | 'const' };
  lower?: Bound;
  upper?: Bound;
  multipleOf: Array<Entry<number>>;
  counts: Map<CountKeyword, Entry<number>>;
  uniqueItems?: At;
  patterns: Array<Entry<string>>;
  formats: Array<Entry<string>>;
  properties: Map<string, Sub[]>;
  propertiesAt?: At;
  required: Map<string, At>;
  patternProperties: Map<string, Sub[]>;
  patternPropertiesAt?: At;
  additionalProperties: Sub[];
  additionalAt?: At;
  propertyNames: Sub[];
  dependentRequired: Map<string, Entry<string[]>>;
  dependentSchemas: Map<string, Sub[]>;
  tuple: Sub[][];
  rest: Sub[];
  restAt?: At;
  contains: Sub[];
  unevaluatedProperties: Sub[];
  unevaluatedItems: Sub[];
  groups: Group[];
  nots: Sub[];
  conditionals: Conditional[];
  annotations: Map<string, Entry<unknown>>;
  /** `$ref`s that cannot be followed (not among the loaded files): compared by URI only. */
  opaque: Array<Entry<string>>;
}

function emptyView(side: Side, at: At): View {
  return {
    side,
    at,
    multipleOf: [],
    counts: new Map(),
    patterns: [],
    formats: [],
    properties: new Map(),
    required: new Map(),
    patternProperties: new Map(),
    additionalProperties: [],
    propertyNames: [],
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    tuple: [],
    rest: [],
    contains: [],
    unevaluatedProperties: [],
    unevaluatedItems: [],
    groups: [],
    nots: [],
    conditionals: [],
    annotations: new Map(),
    opaque: [],
  };
}

function cloneView(view: View): View {
  const lists = <K, T>(map: Map<K, T[]>): Map<K, T[]> => new Map([...map].map(([key, list]) => [key, [...list]]));
  return {
    ...view,
    multipleOf: [...view.multipleOf],
    counts: new Map(view.counts),
    patterns: [...view.patterns],
    formats: [...view.formats],
    properties: lists(view.properties),
    required: new Map(view.required),
    patternProperties: lists(view.patternProperties),
    additionalProperties: [...view.additionalProperties],
    propertyNames: [...view.propertyNames],
    dependentRequired: new Map(view.dependentRequired),
    dependentSchemas: lists(view.dependentSchemas),
    tuple: view.tuple.map((position) => [...position]),
    rest: [...view.rest],
    contains: [...view.contains],
    unevaluatedProperties: [...view.unevaluatedProperties],
    unevaluatedItems: [...view.unevaluatedItems],
    groups: [...view.groups],
    nots: [...view.nots],
    conditionals: [...view.conditionals],
    annotations: new Map(view.annotations),
    opaque: [...view.opaque],
  };
}

const ALL_TYPES: ReadonlySet<string> = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);

function typesOf(view: View): ReadonlySet<string> {
  return view.type?.value ?? ALL_TYPES;
}

/** The types both sets accept; `integer` where one says `number` and the other `integer`. */
function intersectTypes(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const both = new Set<string>();
  for (const type of a) {
    if (b.has(type)) both.add(type);
    else if (type === 'integer' && b.has('number')) both.add('integer');
    else if (type === 'number' && b.has('integer')) both.add('integer');
  }
  return both;
}

function viewOf(side: Side, subs: Sub[], fallback: At): View {
  const view = emptyView(side, subs[0] ? atOf(subs[0]) : fallback);
  const merged = new Set<object>();
  for (const sub of subs) addNode(view, sub, merged);
  return view;
}

function addList<K>(map: Map<K, Sub[]>, key: K, sub: Sub): void {
  const list = map.get(key);
  if (list) list.push(sub);
  else map.set(key, [sub]);
}

/** Merges one schema node into a view (a conjunction), with its `allOf` members and `$ref` targets. */
function addNode(view: View, sub: Sub, merged: Set<object>): void {
  const { side } = view;
  const node = sub.node;
  if (node === false) {
    view.never ??= atOf(sub);
    return;
  }
  if (!isObject(node) || merged.has(node)) return;
  merged.add(node);
  const here = (...path: Array<string | number>): At => atOf(side.child(sub, ...path));
  const child = (...path: Array<string | number>): Sub => side.child(sub, ...path);
  const draft04 = side.draft === 'draft-04';
  const draft2020 = side.draft === '2020-12';
  const later2019 = side.draft === '2019-09' || draft2020;

  for (const [keyword, value] of Object.entries(node)) {
    switch (keyword) {
      case 'type': {
        const listed = (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');
        // ajv's `nullable: true` (OpenAPI) adds null to the types.
        if (node.nullable === true) listed.push('null');
        const types = new Set(listed);
        if (!view.type) view.type = { value: types, at: here(keyword) };
        else {
          const both = intersectTypes(view.type.value, types);
          if (both.size < view.type.value.size) view.type = { value: both, at: here(keyword) };
        }
        break;
      }
      case 'enum':
      case 'const': {
        if (keyword === 'enum' && !Array.isArray(value)) break;
        const values = keyword === 'enum' ? (value as unknown[]) : [value];
        if (!view.values) view.values = { value: values, at: here(keyword), kind: keyword };
        else {
          const allowed = new Set(values.map(canonical));
          view.values = {
            value: view.values.value.filter((v) => allowed.has(canonical(v))),
            at: here(keyword),
            kind: keyword === 'const' ? 'const' : view.values.kind,
          };
        }
        break;
      }
      case 'minimum':
      case 'maximum': {
        if (typeof value !== 'number') break;
        const flagKey = keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
        const flagged = draft04 && node[flagKey] === true;
        mergeBound(view, keyword === 'minimum' ? 'lower' : 'upper', {
          value,
          exclusive: flagged,
          at: here(keyword),
          ...(flagged ? { flagAt: here(flagKey) } : {}),
        });
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        // draft-04 spells these as booleans beside minimum/maximum (handled there); later drafts as numbers.
        if (typeof value === 'number' && !draft04) {
          mergeBound(view, keyword === 'exclusiveMinimum' ? 'lower' : 'upper', { value, exclusive: true, at: here(keyword) });
        }
        break;
      case 'multipleOf':
        if (typeof value === 'number' && value > 0 && !view.multipleOf.some((m) => m.value === value)) {
          view.multipleOf.push({ value, at: here(keyword) });
        }
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
      case 'minContains':
      case 'maxContains': {
        if (typeof value !== 'number') break;
        const current = view.counts.get(keyword);
        const tighter = keyword.startsWith('min') ? (current?.value ?? -Infinity) < value : (current?.value ?? Infinity) > value;
        if (tighter) view.counts.set(keyword, { value, at: here(keyword) });
        break;
      }
      case 'uniqueItems':
        if (value === true) view.uniqueItems ??= here(keyword);
        break;
      case 'pattern':
        if (typeof value === 'string' && !view.patterns.some((p) => p.value === value)) view.patterns.push({ value, at: here(keyword) });
        break;
      case 'format':
        if (typeof value !== 'string') break;
        // ajv asserts only the formats it knows, and none with `check-formats: false`: the rest are annotations.
        if (side.knownFormats.has(value)) {
          if (!view.formats.some((f) => f.value === value)) view.formats.push({ value, at: here(keyword) });
        } else if (!view.annotations.has(keyword)) view.annotations.set(keyword, { value, at: here(keyword) });
        break;
      case 'properties':
        if (!isObject(value)) break;
        view.propertiesAt ??= here(keyword);
        for (const name of Object.keys(value)) addList(view.properties, name, child(keyword, name));
        break;
      case 'required':
        if (!Array.isArray(value)) break;
        value.forEach((name, index) => {
          if (typeof name === 'string' && !view.required.has(name)) view.required.set(name, here(keyword, index));
        });
        break;
      case 'patternProperties':
        if (!isObject(value)) break;
        view.patternPropertiesAt ??= here(keyword);
        for (const pattern of Object.keys(value)) addList(view.patternProperties, pattern, child(keyword, pattern));
        break;
      case 'additionalProperties':
        view.additionalAt ??= here(keyword);
        view.additionalProperties.push(child(keyword));
        break;
      case 'propertyNames':
        view.propertyNames.push(child(keyword));
        break;
      case 'dependentRequired':
      case 'dependencies':
      case 'dependentSchemas':
        if (!isObject(value)) break;
        for (const [name, dependency] of Object.entries(value)) {
          if (Array.isArray(dependency) && keyword !== 'dependentSchemas') {
            const names = dependency.filter((d): d is string => typeof d === 'string');
            const current = view.dependentRequired.get(name);
            view.dependentRequired.set(name, {
              value: [...new Set([...(current?.value ?? []), ...names])],
              at: current?.at ?? here(keyword, name),
            });
          } else if (keyword !== 'dependentRequired') addList(view.dependentSchemas, name, child(keyword, name));
        }
        break;
      case 'items':
        if (Array.isArray(value) && !draft2020) {
          value.forEach((_, index) => {
            (view.tuple[index] ??= []).push(child(keyword, index));
          });
        } else {
          view.restAt ??= here(keyword);
          view.rest.push(child(keyword));
        }
        break;
      case 'prefixItems':
        if (draft2020 && Array.isArray(value)) {
          value.forEach((_, index) => {
            (view.tuple[index] ??= []).push(child(keyword, index));
          });
        } else annotate(view, keyword, value, here(keyword));
        break;
      case 'additionalItems':
        // Without a tuple `items`, `additionalItems` has no effect (and 2020-12 has none).
        if (!draft2020 && Array.isArray(node.items)) {
          view.restAt ??= here(keyword);
          view.rest.push(child(keyword));
        }
        break;
      case 'contains':
        view.contains.push(child(keyword));
        break;
      case 'unevaluatedProperties':
      case 'unevaluatedItems':
        if (!later2019) annotate(view, keyword, value, here(keyword));
        else if (keyword === 'unevaluatedProperties') view.unevaluatedProperties.push(child(keyword));
        else view.unevaluatedItems.push(child(keyword));
        break;
      case 'anyOf':
      case 'oneOf':
        if (Array.isArray(value)) view.groups.push({ kind: keyword, branches: value.map((_, index) => child(keyword, index)), at: here(keyword) });
        break;
      case 'not':
        view.nots.push(child(keyword));
        break;
      case 'if':
        view.conditionals.push({
          if: child(keyword),
          then: 'then' in node ? [child('then')] : [],
          else: 'else' in node ? [child('else')] : [],
          at: here(keyword),
        });
        break;
      case 'allOf':
      case '$ref':
      case '$dynamicRef':
      case '$recursiveRef':
        break;
      default:
        if (!STRUCTURAL_KEYWORDS.has(keyword)) annotate(view, keyword, value, here(keyword));
    }
  }
  if (Array.isArray(node.allOf)) node.allOf.forEach((_, index) => addNode(view, child('allOf', index), merged));
  // ajv 8 applies the keywords beside a `$ref` in every draft, so a `$ref` is one more conjunct.
  for (const keyword of REF_KEYWORDS) {
    const ref = node[keyword];
    if (typeof ref !== 'string') continue;
    const target = side.resolveRef(sub, ref);
    if (target) {
      view.label ??= ref;
      addNode(view, target, merged);
    } else view.opaque.push({ value: side.refUri(sub, ref), at: here(keyword) });
  }
}

function annotate(view: View, keyword: string, value: unknown, at: At): void {
  if (!view.annotations.has(keyword)) view.annotations.set(keyword, { value, at });
}

function mergeBound(view: View, which: 'lower' | 'upper', bound: Bound): void {
  const current = view[which];
  if (!current || tighter(which, bound, current)) view[which] = bound;
}

/** Whether bound `a` accepts fewer numbers than bound `b`. */
function tighter(which: 'lower' | 'upper', a: Bound, b: Bound): boolean {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return which === 'lower' ? a.value > b.value : a.value < b.value;
}

/** Words for values in messages: strings bare, anything else as JSON, at most five. */
function describeValues(values: unknown[]): string {
  const shown = values.slice(0, 5).map((v) => `\`${typeof v === 'string' ? v : canonical(v)}\``);
  const rest = values.length > 5 ? `, and ${values.length - 5} more` : '';
  return `${shown.join(', ')}${rest}`;
}

function describeTypes(types: Iterable<string>): string {
  const list = [...types].sort();
  return list.length === 0 ? 'nothing' : list.join(' or ');
}

function describeBound(which: 'lower' | 'upper', bound: Bound): string {
  const op = which === 'lower' ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤';
  return `${op} ${bound.value}`;
}

function describeBranch(view: View): string {
  if (view.label !== undefined) return `\`${view.label}\``;
  if (view.values) return `the value${view.values.value.length === 1 ? '' : 's'} ${describeValues(view.values.value)}`;
  if (view.type) return `values of type ${describeTypes(view.type.value)}`;
  return `the alternative at \`${view.at.pointer || '/'}\``;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

function compileLenient(pattern: string): RegExp | undefined {
  if (compiledPatterns.has(pattern)) return compiledPatterns.get(pattern);
  let compiled: RegExp | undefined;
  for (const flags of ['u', '']) {
    try {
      compiled = new RegExp(pattern, flags);
      break;
    } catch {
      // Real schemas carry patterns that are valid only outside Unicode mode; try that next.
    }
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

const EMPTY: Result = {
  deltas: [],
  children: [],
  breaking: 0,
  semantic: false,
  breakingRules: new Set(),
  semanticRules: new Set(),
};

function keyOf(delta: Delta): string {
  return `${delta.severity}|${delta.rule}|${delta.at.file}#${delta.at.pointer}`;
}

function isSemantic(delta: Delta): boolean {
  return delta.rule !== 'annotation-changed';
}

/** Gathers the changes of one pair into a Result. */
class Collector {
  private readonly deltas: Delta[] = [];
  private readonly children: Child[] = [];

  add(severity: ChangeSeverity, rule: string, at: At, say: (place: Place) => string): void {
    this.deltas.push({ severity, rule, at, say });
  }

  include(path: Segment[], result: Result): void {
    if (result !== EMPTY) this.children.push({ path, result });
  }

  defer(pair: Pair): void {
    this.children.push({ path: [], cut: pair });
  }

  build(): Result {
    const [only] = this.children;
    if (this.deltas.length === 0 && this.children.length === 0) return EMPTY;
    if (this.deltas.length === 0 && this.children.length === 1 && only?.result && only.path.length === 0) return only.result;
    const result: Result = {
      deltas: this.deltas,
      children: this.children,
      breaking: 0,
      semantic: false,
      breakingRules: new Set(),
      semanticRules: new Set(),
    };
    for (const delta of this.deltas) {
      if (delta.severity === 'breaking') {
        result.breaking++;
        result.breakingRules.add(delta.rule);
        result.firstBreaking ??= { delta, path: [] };
      }
      if (isSemantic(delta)) {
        result.semantic = true;
        result.semanticRules.add(delta.rule);
      }
    }
    for (const child of this.children) {
      const inner = child.result;
      // A pair left for later counts for nothing here: it is compared when changes are placed.
      if (!inner) continue;
      result.breaking += inner.breaking;
      result.semantic ||= inner.semantic;
      if (!result.firstBreaking && inner.firstBreaking) {
        result.firstBreaking = { delta: inner.firstBreaking.delta, path: [...child.path, ...inner.firstBreaking.path] };
      }
      for (const rule of inner.breakingRules) result.breakingRules.add(rule);
      for (const rule of inner.semanticRules) result.semanticRules.add(rule);
    }
    return result;
  }
}

/**
 * Most instance paths a changed keyword is reported at. A definition reached through many `$ref`
 * chains has a number of paths that grows with every level; the shortest ones are kept.
 */
const MAX_PATHS_PER_CHANGE = 32;

/** Most results visited while looking for more paths of one changed keyword. */
const PLACEMENT_BUDGET = 5_000;

function renderPath(path: Segment[]): string {
  return path.map((segment) => `/${segment === ANY ? '*' : escapeToken(segment)}`).join('');
}

/** The place of a change found under `place`, `path` deeper. */
function deeper(place: Place, path: Segment[]): Place {
  return path.length === 0 ? place : placeOf(place.path + renderPath(path));
}

/**
 * How many subschema pairs deep one walk goes. A chain of `$ref`s, each to another definition,
 * can be far deeper and would exhaust the call stack: a deeper pair is compared later, from a
 * fresh stack, and its changes placed at the path where it was met.
 */
const MAX_DEPTH = 48;

/** Walks two schemas in parallel; results are memoised per pair of subschemas. */
class Differ {
  private readonly memo = new Map<string, Result>();
  private readonly active = new Set<string>();

  constructor(
    readonly base: Side,
    readonly pr: Side,
  ) {}

  /** Compares the conjunction of `b` (base) with the conjunction of `p` (PR); an empty list means `true`. */
  compareSubs(b: Sub[], p: Sub[], bAt: At, pAt: At): Result {
    const key = this.pairKey({ b, p, bAt, pAt });
    const cached = this.memo.get(key);
    if (cached) return cached;
    // A recursive schema comes back to a pair it is comparing: its changes are reported where the pair was first met.
    if (this.active.has(key)) return EMPTY;
    if (this.active.size >= MAX_DEPTH) {
      const deferred = new Collector();
      deferred.defer({ b, p, bAt, pAt });
      return deferred.build();
    }
    this.active.add(key);
    try {
      const result = this.compareRefs(b, p) ?? this.compareViews(viewOf(this.base, b, bAt), viewOf(this.pr, p, pAt));
      this.memo.set(key, result);
      return result;
    } finally {
      this.active.delete(key);
    }
  }

  private pairKey(pair: Pair): string {
    const side = (which: Side, subs: Sub[], fallback: At): string => {
      if (subs.length > 0) return subs.map((sub) => which.idOf(sub.node)).join(',');
      // Changes are located in the PR's file only, so where an absent base schema would be never matters.
      return which === this.base ? 'true' : `@${fallback.file}#${fallback.pointer}`;
    };
    return `${side(this.base, pair.b, pair.bAt)}|${side(this.pr, pair.p, pair.pAt)}`;
  }

  /**
   * Places the changes of a result at instance paths: every change at its shortest path first
   * (pairs left for later are compared then, from a fresh stack), then more paths for each
   * changed keyword, nearest first, up to MAX_PATHS_PER_CHANGE.
   */
  place(root: Result): Array<{ delta: Delta; path: Segment[] }> {
    const placed: Array<{ delta: Delta; path: Segment[] }> = [];
    const counts = new Map<string, number>();
    const pathsOf = new Map<Delta, Set<string>>();
    const emit = (delta: Delta, path: Segment[]): void => {
      const key = keyOf(delta);
      const rendered = renderPath(path);
      let paths = pathsOf.get(delta);
      if (!paths) pathsOf.set(delta, (paths = new Set()));
      if (paths.has(rendered)) return;
      paths.add(rendered);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      placed.push({ delta, path });
    };
    const resolve = (child: Child): Result => (child.result ??= child.cut ? this.compareSubs(child.cut.b, child.cut.p, child.cut.bAt, child.cut.pAt) : EMPTY);

    const owners = new Map<string, Result[]>();
    const parents = new Map<Result, Array<{ parent: Result; weight: number }>>();
    const visited = new Set<Result>([root]);
    const queue: Array<{ result: Result; path: Segment[] }> = [{ result: root, path: [] }];
    for (let index = 0; index < queue.length; index++) {
      const { result, path } = queue[index] as { result: Result; path: Segment[] };
      for (const delta of result.deltas) {
        emit(delta, path);
        const key = keyOf(delta);
        const list = owners.get(key);
        if (!list) owners.set(key, [result]);
        else if (list[list.length - 1] !== result) list.push(result);
      }
      for (const child of result.children) {
        const inner = resolve(child);
        const edges = parents.get(inner);
        if (edges) edges.push({ parent: result, weight: child.path.length });
        else parents.set(inner, [{ parent: result, weight: child.path.length }]);
        if (visited.has(inner)) continue;
        visited.add(inner);
        queue.push({ result: inner, path: [...path, ...child.path] });
      }
    }

    for (const [key, keyOwners] of owners) {
      if ((counts.get(key) ?? 0) >= MAX_PATHS_PER_CHANGE) continue;
      // Distance from each result to the nearest place of this change (a 0-1 BFS: a child is 0 or 1 segment down).
      const distance = new Map<Result, number>(keyOwners.map((owner) => [owner, 0]));
      const deque = [...keyOwners];
      while (deque.length > 0) {
        const node = deque.shift() as Result;
        const here = distance.get(node) ?? 0;
        for (const { parent, weight } of parents.get(node) ?? []) {
          if (here + weight >= (distance.get(parent) ?? Infinity)) continue;
          distance.set(parent, here + weight);
          if (weight === 0) deque.unshift(parent);
          else deque.push(parent);
        }
      }
      if (!distance.has(root)) continue;
      const stack: Array<{ result: Result; path: Segment[] }> = [{ result: root, path: [] }];
      for (let steps = 0; stack.length > 0 && steps < PLACEMENT_BUDGET && (counts.get(key) ?? 0) < MAX_PATHS_PER_CHANGE; steps++) {
        const { result, path } = stack.pop() as { result: Result; path: Segment[] };
        for (const delta of result.deltas) if (keyOf(delta) === key) emit(delta, path);
        const next = result.children
          .filter((child) => child.result !== undefined && distance.has(child.result))
          .map((child) => ({ child, far: child.path.length + (distance.get(child.result as Result) ?? 0) }))
          .sort((a, b) => b.far - a.far);
        for (const { child } of next) stack.push({ result: child.result as Result, path: [...path, ...child.path] });
      }
    }
    return placed;
  }

  /** Two `$ref`s to different targets: one change at the `$ref`, whatever the targets differ in. */
  private compareRefs(b: Sub[], p: Sub[]): Result | undefined {
    const [bSub] = b;
    const [pSub] = p;
    if (b.length !== 1 || p.length !== 1 || !bSub || !pSub || !isObject(bSub.node) || !isObject(pSub.node)) return undefined;
    const bRef = bSub.node.$ref;
    const pRef = pSub.node.$ref;
    if (typeof bRef !== 'string' || typeof pRef !== 'string') return undefined;
    const bTarget = this.base.resolveRef(bSub, bRef);
    const pTarget = this.pr.resolveRef(pSub, pRef);
    if (!bTarget || !pTarget || (bTarget.file === pTarget.file && bTarget.pointer === pTarget.pointer)) return undefined;
    // A target the base did not have is a renamed or new definition: its own changes are reported in
    // detail. Only a switch to another definition the base already had is a change of the `$ref` itself.
    if (!this.base.has(pTarget.file, pTarget.pointer)) return undefined;
    const inner = this.compareViews(viewOf(this.base, b, atOf(bSub)), viewOf(this.pr, p, atOf(pSub)));
    const at = atOf(this.pr.child(pSub, '$ref'));
    const out = new Collector();
    const firstBreaking = inner.firstBreaking;
    if (firstBreaking) {
      out.add('breaking', 'ref-stricter', at, (place) =>
        `${place.subject} now refers to \`${pRef}\` instead of \`${bRef}\`, which accepts less: ${firstBreaking.delta.say(deeper(place, firstBreaking.path))}`,
      );
    } else if (inner.semantic) {
      out.add('compatible', 'ref-looser', at, (place) => `${place.subject} now refers to \`${pRef}\` instead of \`${bRef}\`, which accepts more`);
    } else return inner;
    return out.build();
  }

  private compareViews(b: View, p: View): Result {
    const out = new Collector();
    if (b.never) {
      // Nothing was valid before, so nothing can break.
      if (!p.never) out.add('compatible', 'schema-opened', p.at, (place) => `${place.subject} now accepts values (its schema was \`false\`)`);
      return out.build();
    }
    if (p.never) {
      out.add('breaking', 'schema-false', p.never, (place) => `${place.subject} no longer accepts any value (its schema is now \`false\`)`);
      return out.build();
    }
    if ((b.groups.length === 0) !== (p.groups.length === 0)) {
      // One side moved its alternatives into (or out of) `oneOf`/`anyOf`: compare whole alternatives.
      const [bGroup] = b.groups;
      const [pGroup] = p.groups;
      this.compareBranches(
        out,
        bGroup ? distribute(b, bGroup) : [b],
        bGroup?.kind ?? 'anyOf',
        pGroup ? distribute(p, pGroup) : [p],
        pGroup?.kind ?? 'anyOf',
        pGroup?.at ?? p.at,
      );
      return out.build();
    }
    this.compareOwn(out, b, p);
    const branches = (side: Side, group: Group): View[] =>
      group.branches.map((branch) => ({ ...viewOf(side, [branch], atOf(branch)), origin: originOf(side, branch) }));
    for (let index = 0; index < Math.max(b.groups.length, p.groups.length); index++) {
      const bGroup = b.groups[index];
      const pGroup = p.groups[index];
      this.compareBranches(
        out,
        bGroup ? branches(this.base, bGroup) : [emptyView(this.base, b.at)],
        bGroup?.kind ?? 'anyOf',
        pGroup ? branches(this.pr, pGroup) : [emptyView(this.pr, p.at)],
        pGroup?.kind ?? 'anyOf',
        pGroup?.at ?? p.at,
      );
    }
    return out.build();
  }

  /**
   * Each base alternative must be accepted by some PR alternative. One that is not is reported
   * with the detailed changes of the closest PR alternative, or as removed when none is close.
   */
  private compareBranches(out: Collector, bBranches: View[], bKind: Group['kind'], pBranches: View[], pKind: Group['kind'], pGroupAt: At): void {
    const cache = new Map<View, Map<number, Result>>();
    const compare = (piece: View, j: number): Result => {
      let row = cache.get(piece);
      if (!row) cache.set(piece, (row = new Map()));
      let result = row.get(j);
      if (!result) row.set(j, (result = this.compareViews(piece, pBranches[j] as View)));
      return result;
    };
    const used = new Set<number>();
    const paired = new Set<number>();
    bBranches.forEach((bBranch, i) => {
      const j = pBranches.findIndex((pBranch, k) => !used.has(k) && bBranch.origin !== undefined && pBranch.origin === bBranch.origin);
      if (j < 0) return;
      used.add(j);
      paired.add(i);
      out.include([], compare(bBranch, j));
    });
    bBranches.forEach((bBranch, i) => {
      if (paired.has(i)) return;
      const order = pBranches.map((_, j) => j).sort((x, y) => Number(x !== i) - Number(y !== i));
      const find = (piece: View): number | undefined =>
        order.find((j) => !compare(piece, j).semantic) ?? order.find((j) => compare(piece, j).breaking === 0);
      const whole = find(bBranch);
      // `type: [string, integer]` split into `anyOf: [{type: string}, {type: integer}]`: each type on its own.
      const pieces = whole === undefined ? splitByType(bBranch) : [bBranch];
      for (const piece of pieces) {
        const covering = piece === bBranch ? whole : find(piece);
        if (covering !== undefined) {
          used.add(covering);
          out.include([], compare(piece, covering));
          continue;
        }
        const overlapping = order.filter((j) => !disjoint(piece, pBranches[j] as View));
        const closest = overlapping.sort((x, y) => compare(piece, x).breaking - compare(piece, y).breaking)[0];
        if (closest !== undefined) {
          used.add(closest);
          out.include([], compare(piece, closest));
          continue;
        }
        out.add('breaking', 'branch-removed', pGroupAt, (place) =>
          `${place.subject} no longer accepts ${describeBranch(piece)} (${bBranches.length > 1 ? `a \`${bKind}\` alternative was removed` : 'no alternative of the new schema accepts it'})`,
        );
      }
    });
    pBranches.forEach((pBranch, j) => {
      if (used.has(j)) return;
      const overlaps = pKind === 'oneOf' && pBranches.some((other, k) => k !== j && !disjoint(pBranch, other));
      if (overlaps) {
        out.add('breaking', 'changed', pBranch.at, (place) =>
          `${place.subject} has a new \`oneOf\` alternative (${describeBranch(pBranch)}) that may also match what another alternative matches; such a value now fails \`oneOf\` (compat-gate cannot tell whether any does, so this counts as breaking)`,
        );
      } else {
        out.add('compatible', 'branch-added', pBranch.at, (place) => `${place.subject} now also accepts ${describeBranch(pBranch)}`);
      }
    });
    if (bKind === 'anyOf' && bBranches.length > 1 && pKind === 'oneOf') {
      const overlapping = pBranches.some((a, i) => pBranches.some((c, k) => k > i && !disjoint(a, c)));
      if (overlapping) {
        out.add('breaking', 'changed', pGroupAt, (place) =>
          `${place.subject} changed from \`anyOf\` to \`oneOf\` over alternatives that may overlap: a value that matches two of them is now invalid (compat-gate cannot tell whether any does, so this counts as breaking)`,
        );
      }
    } else if (bKind === 'oneOf' && pKind === 'anyOf' && pBranches.length > 1) {
      out.add('compatible', 'one-of-relaxed', pGroupAt, (place) => `${place.subject} changed from \`oneOf\` to \`anyOf\`: a value may now match several alternatives`);
    }
  }

  /** Every keyword but `oneOf`/`anyOf`. */
  private compareOwn(out: Collector, b: View, p: View): void {
    const bTypes = typesOf(b);
    const may = (type: string): boolean => bTypes.has(type) || (type === 'integer' && bTypes.has('number'));

    this.compareTypes(b, p, out);
    this.compareValues(b, p, out);
    if (may('number') || may('integer')) this.compareNumbers(b, p, out);
    if (may('string')) {
      this.compareCounts(b, p, ['minLength', 'maxLength'], out);
      this.compareStrings(b, p, 'pattern', b.patterns, p.patterns, out);
    }
    this.compareStrings(b, p, 'format', b.formats, p.formats, out);
    if (may('object')) this.compareObjects(b, p, out);
    if (may('array')) this.compareArrays(b, p, out);
    this.compareNots(b, p, out);
    this.compareConditionals(b, p, out);
    this.compareOpaque(b, p, out);
    this.compareAnnotations(b, p, out);
  }

  private compareTypes(b: View, p: View, out: Collector): void {
    if (!p.type) {
      if (b.type) {
        const was = b.type.value;
        out.add('compatible', 'type-widened', p.at, (place) => `${place.subject} now accepts any type (it had to be ${describeTypes(was)})`);
      }
      return;
    }
    const now = p.type.value;
    const bTypes = typesOf(b);
    const lost = [...bTypes].filter((type) => !now.has(type) && !(type === 'integer' && now.has('number')));
    const gained = [...now].filter((type) => !bTypes.has(type) && !(type === 'integer' && bTypes.has('number')));
    if (lost.length > 0) {
      out.add('breaking', 'type-narrowed', p.type.at, (place) =>
        b.type
          ? `${place.subject} no longer accepts ${describeTypes(lost)} (its type is now ${describeTypes(now)})`
          : `${place.subject} must now be ${describeTypes(now)} (any type was accepted)`,
      );
    }
    if (gained.length > 0) out.add('compatible', 'type-widened', p.type.at, (place) => `${place.subject} now also accepts ${describeTypes(gained)}`);
  }

  private compareValues(b: View, p: View, out: Collector): void {
    const pValues = p.values;
    const bValues = b.values;
    if (pValues) {
      const rule = pValues.kind === 'const' ? 'const-narrowed' : 'enum-narrowed';
      if (!bValues) {
        out.add('breaking', rule, pValues.at, (place) => `${place.subject} is now restricted to ${describeValues(pValues.value)}`);
      } else {
        const allowed = new Set(pValues.value.map(canonical));
        const lost = bValues.value.filter((value) => !allowed.has(canonical(value)));
        if (lost.length > 0) {
          out.add('breaking', rule, pValues.at, (place) => `${describeValues(lost)} ${lost.length === 1 ? 'is' : 'are'} no longer allowed ${place.in}`);
        }
      }
    }
    if (bValues) {
      const rule = bValues.kind === 'const' ? 'const-widened' : 'enum-widened';
      if (!pValues) out.add('compatible', rule, p.at, (place) => `${place.subject} is no longer restricted to a list of values`);
      else {
        const before = new Set(bValues.value.map(canonical));
        const gained = pValues.value.filter((value) => !before.has(canonical(value)));
        if (gained.length > 0) {
          out.add('compatible', rule, pValues.at, (place) => `${describeValues(gained)} ${gained.length === 1 ? 'is' : 'are'} now allowed ${place.in}`);
        }
      }
    }
  }

  private compareNumbers(b: View, p: View, out: Collector): void {
    for (const which of ['lower', 'upper'] as const) {
      const name = which === 'lower' ? 'minimum' : 'maximum';
      const bBound = b[which];
      const pBound = p[which];
      if (pBound && (!bBound || tighter(which, pBound, bBound))) {
        const at = bBound && bBound.value === pBound.value ? (pBound.flagAt ?? pBound.at) : pBound.at;
        out.add('breaking', `${name}-tightened`, at, (place) =>
          `${place.subject} must now be ${describeBound(which, pBound)} (${bBound ? `it was ${describeBound(which, bBound)}` : `it had no ${name}`})`,
        );
      } else if (bBound && (!pBound || tighter(which, bBound, pBound))) {
        out.add('compatible', `${name}-loosened`, pBound?.at ?? p.at, (place) =>
          pBound
            ? `${place.subject} may now be ${describeBound(which, pBound)} (it was ${describeBound(which, bBound)})`
            : `${place.subject} no longer has a ${name} (it was ${describeBound(which, bBound)})`,
        );
      }
    }
    // A multiple of 6 is a multiple of 3: the PR's divisor must divide one the base already had.
    const divides = (m: number, of: number): boolean => Math.abs(of / m - Math.round(of / m)) < 1e-9;
    const stricter = p.multipleOf.filter((m) => !b.multipleOf.some((old) => divides(m.value, old.value)));
    for (const m of stricter) {
      out.add('breaking', 'multiple-of-tightened', m.at, (place) => `${place.subject} must now be a multiple of ${m.value}`);
    }
    if (stricter.length > 0) return;
    for (const old of b.multipleOf) {
      if (p.multipleOf.some((m) => m.value === old.value)) continue;
      out.add('compatible', 'multiple-of-loosened', p.multipleOf[0]?.at ?? p.at, (place) => `${place.subject} no longer has to be a multiple of ${old.value}`);
    }
  }

  private compareCounts(b: View, p: View, keywords: CountKeyword[], out: Collector): void {
    for (const keyword of keywords) {
      const isMin = keyword.startsWith('min');
      const rule = keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const bValue = b.counts.get(keyword);
      const pValue = p.counts.get(keyword);
      const none = isMin ? 0 : Infinity;
      const before = bValue?.value ?? none;
      const after = pValue?.value ?? none;
      const [one, many] = COUNT_NOUNS[keyword];
      const words = (n: number): string => (n === Infinity ? `any number of ${many}` : `${isMin ? 'at least' : 'at most'} ${n} ${n === 1 ? one : many}`);
      if (isMin ? after > before : after < before) {
        out.add('breaking', `${rule}-tightened`, pValue?.at ?? p.at, (place) => `${place.subject} must now have ${words(after)} (it was ${words(before)})`);
      } else if (isMin ? after < before : after > before) {
        out.add('compatible', `${rule}-loosened`, pValue?.at ?? p.at, (place) => `${place.subject} may now have ${words(after)} (it was ${words(before)})`);
      }
    }
  }

  private compareStrings(b: View, p: View, keyword: 'pattern' | 'format', before: Array<Entry<string>>, after: Array<Entry<string>>, out: Collector): void {
    const old = before.filter((entry) => !after.some((e) => e.value === entry.value));
    const fresh = after.filter((entry) => !before.some((e) => e.value === entry.value));
    const verb = keyword === 'pattern' ? 'match the pattern' : 'have the format';
    fresh.forEach((entry, index) => {
      const replaced = old[index];
      if (replaced) {
        out.add('breaking', `${keyword}-changed`, entry.at, (place) => `${place.subject} must now ${verb} \`${entry.value}\` instead of \`${replaced.value}\``);
      } else {
        out.add('breaking', `${keyword}-added`, entry.at, (place) => `${place.subject} must now ${verb} \`${entry.value}\``);
      }
    });
    for (const entry of old.slice(fresh.length)) {
      out.add('compatible', `${keyword}-removed`, p.at, (place) => `${place.subject} no longer has to ${verb} \`${entry.value}\``);
    }
  }

  /** The subschemas that judge a property `name` that `properties` does not list. */
  private governing(view: View, name: string): { subs: Sub[]; at: At; never: boolean } {
    const matching: Sub[] = [];
    for (const [pattern, subs] of view.patternProperties) {
      if (compileLenient(pattern)?.test(name)) matching.push(...subs);
    }
    const subs = matching.length > 0 ? matching : view.additionalProperties;
    const at = (matching.length > 0 ? view.patternPropertiesAt : view.additionalAt) ?? view.at;
    return { subs, at, never: viewOf(view.side, subs, at).never !== undefined };
  }

  private compareObjects(b: View, p: View, out: Collector): void {
    this.compareCounts(b, p, ['minProperties', 'maxProperties'], out);

    for (const [name, at] of p.required) {
      if (b.required.has(name)) continue;
      const pSubs = p.properties.get(name);
      const hasDefault = pSubs !== undefined && viewOf(this.pr, pSubs, at).annotations.has('default');
      out.add('breaking', 'required-added', at, (place) =>
        hasDefault
          ? `\`${name}\` is now required ${place.in}; it has a \`default\`, but validation does not fill defaults in, so a config without it fails`
          : `\`${name}\` is now required ${place.in}`,
      );
    }
    for (const name of b.required.keys()) {
      if (!p.required.has(name)) out.add('compatible', 'required-removed', p.at, (place) => `\`${name}\` is no longer required ${place.in}`);
    }

    const bProperties = b.propertiesAt ?? b.at;
    const pProperties = p.propertiesAt ?? p.at;
    for (const [name, bSubs] of b.properties) {
      const pSubs = p.properties.get(name);
      if (pSubs) {
        out.include([name], this.compareSubs(bSubs, pSubs, bProperties, pProperties));
        continue;
      }
      const rule = this.governing(p, name);
      if (rule.never) {
        out.add('breaking', 'property-removed', pProperties, (place) => `\`${name}\` is no longer allowed ${place.in} (it left \`properties\` and other properties are not allowed)`);
      } else if (rule.subs.length === 0) {
        out.add('compatible', 'property-unconstrained', pProperties, (place) => `\`${name}\` ${place.in} is no longer described by \`properties\`: any value is accepted`);
      } else {
        out.include([name], this.compareSubs(bSubs, rule.subs, bProperties, rule.at));
      }
    }
    for (const [name, pSubs] of p.properties) {
      if (b.properties.has(name)) continue;
      const rule = this.governing(b, name);
      if (rule.never) {
        if (!p.required.has(name)) out.add('compatible', 'optional-property-added', atOf(pSubs[0] as Sub), (place) => `\`${name}\` is now allowed ${place.in} (optional)`);
        continue;
      }
      // The name was already accepted, by `additionalProperties` or a pattern: its new schema may reject old values.
      out.include([name], this.compareSubs(rule.subs, pSubs, rule.at, pProperties));
    }

    const pPatternsAt = p.patternPropertiesAt ?? p.at;
    for (const [pattern, bSubs] of b.patternProperties) {
      const pSubs = p.patternProperties.get(pattern);
      if (pSubs) {
        out.include([ANY], this.compareSubs(bSubs, pSubs, b.patternPropertiesAt ?? b.at, pPatternsAt));
      } else if (viewOf(this.pr, p.additionalProperties, p.at).never) {
        out.add('breaking', 'pattern-property-removed', pPatternsAt, (place) => `properties matching \`${pattern}\` are no longer allowed ${place.in}`);
      } else if (p.additionalProperties.length > 0) {
        out.include([ANY], this.compareSubs(bSubs, p.additionalProperties, b.at, p.additionalAt ?? p.at));
      }
    }
    for (const [pattern, pSubs] of p.patternProperties) {
      if (b.patternProperties.has(pattern)) continue;
      if (viewOf(this.base, b.additionalProperties, b.at).never) {
        out.add('compatible', 'pattern-property-added', atOf(pSubs[0] as Sub), (place) => `properties matching \`${pattern}\` are now allowed ${place.in}`);
      } else {
        out.include([ANY], this.compareSubs(b.additionalProperties, pSubs, b.additionalAt ?? b.at, pPatternsAt));
      }
    }

    const bClosed = viewOf(this.base, b.additionalProperties, b.at).never !== undefined;
    const pClosed = viewOf(this.pr, p.additionalProperties, p.at).never !== undefined;
    if (!bClosed && pClosed) {
      const listed = [...p.properties.keys()];
      const patterns = [...p.patternProperties.keys()];
      const others = [...listed.map((n) => `\`${n}\``), ...patterns.map((n) => `names matching \`${n}\``)];
      out.add('breaking', 'additional-properties-closed', p.additionalAt ?? p.at, (place) =>
        others.length === 0
          ? `${place.subject} no longer accepts any property`
          : `${place.subject} no longer accepts properties other than ${others.slice(0, 8).join(', ')}${others.length > 8 ? `, and ${others.length - 8} more` : ''}`,
      );
    } else if (bClosed && !pClosed) {
      out.add('compatible', 'additional-properties-opened', p.additionalAt ?? p.at, (place) => `${place.subject} now accepts properties other than those it lists`);
    } else if (!bClosed && (b.additionalProperties.length > 0 || p.additionalProperties.length > 0)) {
      out.include([ANY], this.compareSubs(b.additionalProperties, p.additionalProperties, b.additionalAt ?? b.at, p.additionalAt ?? p.at));
    }

    this.summarise(b.propertyNames, p.propertyNames, b.at, p.at, 'property-names', 'property names', out);

    for (const [name, pDependency] of p.dependentRequired) {
      const before = new Set(b.dependentRequired.get(name)?.value ?? []);
      const fresh = pDependency.value.filter((n) => !before.has(n));
      if (fresh.length > 0) {
        out.add('breaking', 'dependent-required-added', pDependency.at, (place) => `${place.in}, \`${name}\` now requires ${describeValues(fresh)}`);
      }
    }
    for (const [name, bDependency] of b.dependentRequired) {
      const after = new Set(p.dependentRequired.get(name)?.value ?? []);
      const gone = bDependency.value.filter((n) => !after.has(n));
      if (gone.length > 0) {
        out.add('compatible', 'dependent-required-removed', p.dependentRequired.get(name)?.at ?? p.at, (place) => `${place.in}, \`${name}\` no longer requires ${describeValues(gone)}`);
      }
    }
    for (const [name, pSubs] of p.dependentSchemas) {
      const bSubs = b.dependentSchemas.get(name);
      if (!bSubs) {
        out.add('breaking', 'dependent-schema-added', atOf(pSubs[0] as Sub), (place) => `${place.in}, a value with \`${name}\` must now also match a dependent schema`);
      } else this.summarise(bSubs, pSubs, b.at, p.at, 'dependent-schema', `the schema that applies when \`${name}\` is present`, out);
    }
    for (const name of b.dependentSchemas.keys()) {
      if (!p.dependentSchemas.has(name)) out.add('compatible', 'dependent-schema-removed', p.at, (place) => `${place.in}, \`${name}\` no longer brings a dependent schema`);
    }

    this.compareClosable(b.unevaluatedProperties, p.unevaluatedProperties, b.at, p.at, 'unevaluated-properties', 'properties not evaluated by other keywords', out);
  }

  private compareArrays(b: View, p: View, out: Collector): void {
    this.compareCounts(b, p, ['minItems', 'maxItems', 'minContains', 'maxContains'], out);
    if (p.uniqueItems && !b.uniqueItems) out.add('breaking', 'unique-items-added', p.uniqueItems, (place) => `${place.subject} must now hold unique items`);
    if (b.uniqueItems && !p.uniqueItems) out.add('compatible', 'unique-items-removed', p.at, (place) => `${place.subject} may now hold repeated items`);

    const bRestNever = viewOf(this.base, b.rest, b.at).never !== undefined;
    const pRestNever = viewOf(this.pr, p.rest, p.at).never !== undefined;
    const positions = Math.max(b.tuple.length, p.tuple.length);
    for (let index = 0; index < positions; index++) {
      if (index >= b.tuple.length && bRestNever) break;
      const bSubs = b.tuple[index] ?? b.rest;
      const pSubs = p.tuple[index] ?? p.rest;
      out.include([String(index)], this.compareSubs(bSubs, pSubs, b.restAt ?? b.at, p.restAt ?? p.at));
    }
    if (!bRestNever && pRestNever) {
      const count = p.tuple.length;
      out.add('breaking', 'additional-items-closed', p.restAt ?? p.at, (place) =>
        count === 0 ? `${place.subject} must now be empty` : `${place.subject} no longer accepts more than ${count} item${count === 1 ? '' : 's'}`,
      );
    } else if (bRestNever && !pRestNever) {
      out.add('compatible', 'additional-items-opened', p.restAt ?? p.at, (place) => `${place.subject} now accepts more than ${b.tuple.length} items`);
    } else if (!bRestNever && (b.rest.length > 0 || p.rest.length > 0)) {
      out.include([ANY], this.compareSubs(b.rest, p.rest, b.restAt ?? b.at, p.restAt ?? p.at));
    }

    if (p.contains.length > 0 && b.contains.length === 0) {
      out.add('breaking', 'contains-added', atOf(p.contains[0] as Sub), (place) => `${place.subject} must now contain an item that matches \`contains\``);
    } else if (b.contains.length > 0 && p.contains.length === 0) {
      out.add('compatible', 'contains-removed', p.at, (place) => `${place.subject} no longer has to contain an item that matches \`contains\``);
    } else {
      this.summarise(b.contains, p.contains, b.at, p.at, 'contains', 'the item `contains` asks for', out);
    }
    this.compareClosable(b.unevaluatedItems, p.unevaluatedItems, b.at, p.at, 'unevaluated-items', 'items not evaluated by other keywords', out);
  }

  /** `unevaluatedProperties`/`unevaluatedItems`: closing is breaking, opening compatible, else compare the schemas. */
  private compareClosable(bSubs: Sub[], pSubs: Sub[], bAt: At, pAt: At, rule: string, what: string, out: Collector): void {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const bNever = viewOf(this.base, bSubs, bAt).never !== undefined;
    const pNever = viewOf(this.pr, pSubs, pAt).never !== undefined;
    const at = pSubs[0] ? atOf(pSubs[0]) : pAt;
    if (!bNever && pNever) out.add('breaking', `${rule}-closed`, at, (place) => `${place.subject} no longer accepts ${what}`);
    else if (bNever && !pNever) out.add('compatible', `${rule}-opened`, at, (place) => `${place.subject} now accepts ${what}`);
    else if (!bNever) out.include([ANY], this.compareSubs(bSubs, pSubs, bAt, pAt));
  }

  /** A subschema whose changes are told as one: stricter (breaking) or looser (compatible). */
  private summarise(bSubs: Sub[], pSubs: Sub[], bAt: At, pAt: At, rule: string, what: string, out: Collector): void {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const inner = this.compareSubs(bSubs, pSubs, bAt, pAt);
    const at = pSubs[0] ? atOf(pSubs[0]) : pAt;
    const rules = (set: Set<string>): string => [...set].join(', ');
    if (inner.breaking > 0) {
      out.add('breaking', `${rule}-tightened`, at, (place) => `${what} ${place.in} are checked more strictly (${rules(inner.breakingRules)})`);
    } else if (inner.semantic) {
      out.add('compatible', `${rule}-loosened`, at, (place) => `${what} ${place.in} are checked less strictly (${rules(inner.semanticRules)})`);
    }
  }

  private compareNots(b: View, p: View, out: Collector): void {
    const count = Math.max(b.nots.length, p.nots.length);
    for (let index = 0; index < count; index++) {
      const bNot = b.nots[index];
      const pNot = p.nots[index];
      if (!pNot) {
        out.add('compatible', 'not-removed', p.at, (place) => `${place.subject} no longer has a \`not\` to avoid`);
        continue;
      }
      const changed = !bNot || this.compareSubs([bNot], [pNot], b.at, p.at).semantic;
      if (changed) {
        out.add('breaking', 'changed', atOf(pNot), (place) =>
          `${place.subject} has ${bNot ? 'a changed' : 'a new'} \`not\`; compat-gate cannot tell whether it rejects values that were valid, so this counts as breaking`,
        );
      }
    }
  }

  private compareConditionals(b: View, p: View, out: Collector): void {
    const count = Math.max(b.conditionals.length, p.conditionals.length);
    for (let index = 0; index < count; index++) {
      const bIf = b.conditionals[index];
      const pIf = p.conditionals[index];
      if (!pIf) {
        out.add('compatible', 'conditional-removed', p.at, (place) => `${place.subject} no longer has an \`if\`/\`then\`/\`else\``);
        continue;
      }
      if (!bIf || this.compareSubs([bIf.if], [pIf.if], bIf.at, pIf.at).semantic) {
        out.add('breaking', 'changed', pIf.at, (place) =>
          `${place.subject} has ${bIf ? 'a changed' : 'a new'} \`if\`; compat-gate cannot tell whether its \`then\`/\`else\` now reject values that were valid, so this counts as breaking`,
        );
        continue;
      }
      out.include([], this.compareSubs(bIf.then, pIf.then, bIf.at, pIf.at));
      out.include([], this.compareSubs(bIf.else, pIf.else, bIf.at, pIf.at));
    }
  }

  private compareOpaque(b: View, p: View, out: Collector): void {
    const before = new Set(b.opaque.map((entry) => entry.value));
    const after = new Set(p.opaque.map((entry) => entry.value));
    for (const entry of p.opaque) {
      if (before.has(entry.value)) continue;
      out.add('breaking', 'changed', entry.at, (place) =>
        `${place.subject} now uses \`$ref\` ${entry.value}, which is not among the loaded schema files; compat-gate cannot compare it, so this counts as breaking`,
      );
    }
    for (const entry of b.opaque) {
      if (!after.has(entry.value)) out.add('compatible', 'ref-removed', p.at, (place) => `${place.subject} no longer uses \`$ref\` ${entry.value}`);
    }
  }

  private compareAnnotations(b: View, p: View, out: Collector): void {
    for (const [keyword, entry] of p.annotations) {
      const old = b.annotations.get(keyword);
      if (old && canonical(old.value) === canonical(entry.value)) continue;
      out.add('compatible', 'annotation-changed', entry.at, (place) => `\`${keyword}\` of ${place.subject} ${old ? 'changed' : 'was added'}`);
    }
    for (const keyword of b.annotations.keys()) {
      if (!p.annotations.has(keyword)) out.add('compatible', 'annotation-changed', p.at, (place) => `\`${keyword}\` of ${place.subject} was removed`);
    }
  }
}

/** One alternative of `group` with the rest of `view` (its own keywords) merged in: A ∧ (B ∨ C) = (A ∧ B) ∨ (A ∧ C). */
function distribute(view: View, group: Group): View[] {
  return group.branches.map((branch) => {
    const alternative = cloneView(view);
    alternative.groups = view.groups.filter((g) => g !== group);
    alternative.at = atOf(branch);
    const ref = isObject(branch.node) ? branch.node.$ref : undefined;
    if (typeof ref === 'string') alternative.label = ref;
    else delete alternative.label;
    alternative.origin = originOf(view.side, branch);
    addNode(alternative, branch, new Set());
    return alternative;
  });
}

/** What identifies an alternative across the two sides: the place its `$ref` leads to, else its JSON. */
function originOf(side: Side, branch: Sub): string {
  const node = branch.node;
  if (isObject(node) && typeof node.$ref === 'string') {
    const target = side.resolveRef(branch, node.$ref);
    if (target) return `ref:${target.file}#${target.pointer}`;
  }
  return `json:${canonical(node)}`;
}

/** A view with several types as one view per type, so each can find its own alternative. */
function splitByType(view: View): View[] {
  const type = view.type;
  if (!type || type.value.size < 2) return [view];
  return [...type.value].sort().map((one) => ({ ...view, type: { value: new Set([one]), at: type.at } }));
}

/** Whether no value can match both views (so a `oneOf` over them is never ambiguous); false when unsure. */
function disjoint(a: View, b: View): boolean {
  if (a.never || b.never) return true;
  const common = intersectTypes(typesOf(a), typesOf(b));
  if (common.size === 0) return true;
  if (a.values && b.values) {
    const inA = new Set(a.values.value.map(canonical));
    if (!b.values.value.some((value) => inA.has(canonical(value)))) return true;
  }
  if (common.size !== 1 || !common.has('object')) return false;
  for (const [name, aSubs] of a.properties) {
    const bSubs = b.properties.get(name);
    if (!bSubs || !(a.required.has(name) || b.required.has(name))) continue;
    const aValues = viewOf(a.side, aSubs, a.at).values;
    const bValues = viewOf(b.side, bSubs, b.at).values;
    if (aValues && bValues) {
      const inA = new Set(aValues.value.map(canonical));
      if (!bValues.value.some((value) => inA.has(canonical(value)))) return true;
    }
  }
  const closedWithout = (closed: View, other: View): boolean =>
    closed.patternProperties.size === 0 &&
    viewOf(closed.side, closed.additionalProperties, closed.at).never !== undefined &&
    [...other.required.keys()].some((name) => !closed.properties.has(name));
  return closedWithout(a, b) || closedWithout(b, a);
}
