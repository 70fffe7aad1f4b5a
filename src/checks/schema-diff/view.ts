import { type At, REF_KEYWORDS, STRUCTURAL_KEYWORDS, Side, type Sub, atOf, canonical, isObject } from './resolve.js';

export type CountKeyword = 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minProperties' | 'maxProperties' | 'minContains' | 'maxContains';

export interface Entry<T> {
  value: T;
  at: At;
}

export interface Bound {
  value: number;
  exclusive: boolean;
  at: At;
  /** Where the draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` sits, when it is set. */
  flagAt?: At;
}

export interface Group {
  kind: 'anyOf' | 'oneOf';
  branches: Sub[];
  at: At;
}

export interface Conditional {
  if: Sub;
  then: Sub[];
  else: Sub[];
  at: At;
}

/**
 * What a schema asks of a value, with its `$ref`s and `allOf`s merged in (a conjunction), each
 * keyword remembering where it is written. Subschemas stay unexpanded until compared.
 */
export interface View {
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

export function emptyView(side: Side, at: At): View {
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

export function cloneView(view: View): View {
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

export function typesOf(view: View): ReadonlySet<string> {
  return view.type?.value ?? ALL_TYPES;
}

/** The types both sets accept; `integer` where one says `number` and the other `integer`. */
export function intersectTypes(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const both = new Set<string>();
  for (const type of a) {
    if (b.has(type)) both.add(type);
    else if (type === 'integer' && b.has('number')) both.add('integer');
    else if (type === 'number' && b.has('integer')) both.add('integer');
  }
  return both;
}

export function viewOf(side: Side, subs: Sub[], fallback: At): View {
  const view = emptyView(side, subs[0] ? atOf(subs[0]) : fallback);
  const merged = new Set<object>();
  for (const sub of subs) addNode(view, sub, merged);
  return view;
}

export function addList<K>(map: Map<K, Sub[]>, key: K, sub: Sub): void {
  const list = map.get(key);
  if (list) list.push(sub);
  else map.set(key, [sub]);
}

/** Merges one schema node into a view (a conjunction), with its `allOf` members and `$ref` targets. */
export function addNode(view: View, sub: Sub, merged: Set<object>): void {
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

export function annotate(view: View, keyword: string, value: unknown, at: At): void {
  if (!view.annotations.has(keyword)) view.annotations.set(keyword, { value, at });
}

export function mergeBound(view: View, which: 'lower' | 'upper', bound: Bound): void {
  const current = view[which];
  if (!current || tighter(which, bound, current)) view[which] = bound;
}

/** Whether bound `a` accepts fewer numbers than bound `b`. */
export function tighter(which: 'lower' | 'upper', a: Bound, b: Bound): boolean {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return which === 'lower' ? a.value > b.value : a.value < b.value;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

export function compileLenient(pattern: string): RegExp | undefined {
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

/** One alternative of `group` with the rest of `view` (its own keywords) merged in: A ∧ (B ∨ C) = (A ∧ B) ∨ (A ∧ C). */
export function distribute(view: View, group: Group): View[] {
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
export function originOf(side: Side, branch: Sub): string {
  const node = branch.node;
  if (isObject(node) && typeof node.$ref === 'string') {
    const target = side.resolveRef(branch, node.$ref);
    if (target) return `ref:${target.file}#${target.pointer}`;
  }
  return `json:${canonical(node)}`;
}

/** A view with several types as one view per type, so each can find its own alternative. */
export function splitByType(view: View): View[] {
  const type = view.type;
  if (!type || type.value.size < 2) return [view];
  return [...type.value].sort().map((one) => ({ ...view, type: { value: new Set([one]), at: type.at } }));
}

/** Whether no value can match both views (so a `oneOf` over them is never ambiguous); false when unsure. */
export function disjoint(a: View, b: View): boolean {
  if (a.never || b.never) return true;
  const common = intersectTypes(typesOf(a), typesOf(b));
  if (common.size === 0) return true;
  if (a.values && b.values) {
    const inA = new Set(a.values.value.map(canonical));
    if (!b.values.value.some((value) => inA.has(canonical(value)))) return true;
  }
  // `enum: [off, warn]` and `type: integer`: no listed value has a type the other accepts.
  const typeOf = (value: unknown): string =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const outside = (listed: View, typed: View): boolean =>
    listed.values !== undefined &&
    typed.type !== undefined &&
    listed.values.value.every((value) => intersectTypes(new Set([typeOf(value)]), typed.type?.value ?? new Set()).size === 0);
  if (outside(a, b) || outside(b, a)) return true;
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
