import { parsePointer, pointerOf } from '../../configs/parse/index.js';
import { GateError } from '../../errors.js';
import { type Draft, type SchemaDocuments, type SchemaOptions, type SchemaSource, loadSchemaDocuments } from '../schema.js';

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

export const FLATTEN_HINT = 'Flatten the schema: move deep parts into `definitions` and `$ref` them.';

export function isStackOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** A location in a schema file. */
export interface At {
  file: string;
  pointer: string;
}

/** A subschema where it sits: its node, file, pointer, and the base URI its `$ref`s resolve against. */
export interface Sub {
  node: unknown;
  file: string;
  pointer: string;
  base: string;
}

export function atOf(sub: Sub): At {
  return { file: sub.file, pointer: sub.pointer };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}

/** JSON with sorted keys: equal values give equal strings. */
export function canonical(value: unknown): string {
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
export const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/** Keywords whose values map names to schemas. */
export const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies']);

export const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'] as const;

/** Keywords that name or hold schemas but constrain nothing themselves. */
export const STRUCTURAL_KEYWORDS = new Set([
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
export class Side {
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
    return { node, file: sub.file, pointer: `${sub.pointer}${pointerOf(path)}`, base: this.baseOf(sub) };
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
