import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaSource } from '../../src/checks/schema.js';
import { type ResolvedSchema, type SchemaChange, changeMatches, diffSchemas, loadResolvedSchema } from '../../src/checks/schema-diff/index.js';
import { tokens } from '../../src/checks/schema-diff/placement.js';

// A property of the explanations: a config that loads under both the base's schema and the PR's
// is never told that a change breaks it. Schemas come from a small grammar, nested a level or two.

type Schema = Record<string, unknown> | boolean;

const SETTINGS = { checkFormats: false, refMap: [] };

function memory(schema: Schema): SchemaSource {
  return { label: 'test', read: (path: string) => Promise.resolve(path === 's.json' ? Buffer.from(JSON.stringify(schema)) : undefined) };
}

/** Each schema loaded once for the diff: the grammar repeats itself. */
const loaded = new Map<string, Promise<ResolvedSchema>>();
function load(schema: Schema): Promise<ResolvedSchema> {
  const key = JSON.stringify(schema);
  let entry = loaded.get(key);
  if (!entry) loaded.set(key, (entry = loadResolvedSchema('s.json', memory(schema), SETTINGS)));
  return entry;
}

// Validated as the gate validates a draft-07 schema (src/checks/schema.ts): ajv 8, not strict,
// all errors when explaining. One instance for every schema: a fresh gate compile (with its own
// ajv) takes far too long to run hundreds of times here; the grammar has no `$ref`, `id` or format.
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();
function validator(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(schema as AnySchema)));
  return validate;
}
function passes(schema: unknown, value: unknown): boolean {
  return validator(schema)(value) === true;
}

/** Where the gate reports the findings of a value: ajv's instance paths, a missing or extra property named. */
function findings(schema: Schema, value: unknown): string[] {
  const validate = validator(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const name = error.params.missingProperty ?? error.params.additionalProperty;
    return typeof name === 'string' ? `${error.instancePath}/${name}` : error.instancePath;
  });
}

// The grammar: types, enums, const, bounds, lengths, objects, arrays, and oneOf/anyOf/allOf of those.
const TYPES = ['string', 'integer', 'number', 'boolean', 'null', 'array', 'object'] as const;
const WORDS = ['', 'a', 'off', 'warn', 'error'];
const NAMES = ['a', 'b'];
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1, max: 3 }), fc.constant(1.5), fc.constantFrom(...WORDS));

const leaf: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({}),
  fc.constant(false),
  fc.constantFrom(...TYPES).map((type) => ({ type })),
  fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 3 }).map((type) => ({ type })),
  fc.uniqueArray(scalar, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) }).map((values) => ({ enum: values })),
  scalar.map((value) => ({ const: value })),
  fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.integer({ min: -1, max: 2 }), maximum: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 2 }), maxLength: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: ['type'] }),
);

const schema: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 2 }),
        required: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
        additionalProperties: fc.oneof(fc.constant(false), tie('schema')),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constant('array'), items: tie('schema') }, { requiredKeys: ['type'] }),
    fc.record({
      kind: fc.constantFrom('oneOf', 'anyOf', 'allOf'),
      branches: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }),
    }).map(({ kind, branches }) => ({ [kind]: branches })),
  ),
})).schema;

/** The PR's schema: another schema, or the base's with one more keyword, wrapped in alternatives, or tightened. */
const change = (base: Schema): fc.Arbitrary<Schema> =>
  fc.oneof(
    { arbitrary: schema, weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('oneOf', 'anyOf', 'allOf'), schema).map(([kind, other]) => ({ [kind]: [base, other] })), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom('oneOf', 'anyOf'), schema, schema).map(([kind, a, b]) => ({ [kind]: [a, b] })), weight: 2 },
    { arbitrary: leaf.map((extra) => (typeof base === 'object' && typeof extra === 'object' ? { ...base, ...extra } : extra)), weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom(...NAMES), schema).map(([name, inner]) => deepen(base, name, inner)), weight: 3 },
    // A place that took one form now takes one of several (an ESLint rule level: 2, `warn` or `[warn, {}]`).
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...NAMES), fc.constantFrom('oneOf', 'anyOf'), fc.array(leaf, { minLength: 2, maxLength: 3 }))
        .map(([name, kind, branches]) => deepen(base, name, { [kind]: branches })),
      weight: 3,
    },
  );

/** The base with the schema of one property (or of its items) replaced, as most real changes are. */
function deepen(base: Schema, name: string, inner: Schema): Schema {
  if (typeof base !== 'object') return inner;
  if (base.type === 'array') return { ...base, items: inner };
  return { ...base, type: 'object', properties: { ...((base.properties ?? {}) as object), [name]: inner } };
}

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom(...NAMES, 'c'), tie('value'), { maxKeys: 2 }),
  ),
})).value;

/** Values shaped by a schema, so that many are valid: its enums and consts, values of its types, its properties. */
function sample(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (typeof s === 'boolean' || depth > 3) return value;
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (Array.isArray(s.enum)) options.push(fc.constantFrom(...(s.enum as unknown[])));
  if ('const' in s) options.push(fc.constant(s.const));
  for (const kind of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(s[kind])) options.push(...(s[kind] as Schema[]).map((branch) => sample(branch, depth + 1)));
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  for (const type of types) {
    if (type === 'string') options.push(fc.constantFrom(...WORDS));
    if (type === 'integer' || type === 'number') options.push(fc.integer({ min: -1, max: 3 }));
    if (type === 'boolean') options.push(fc.boolean());
    if (type === 'null') options.push(fc.constant(null));
    if (type === 'array') options.push(fc.array(s.items === undefined ? value : sample(s.items as Schema, depth + 1), { maxLength: 2 }));
    if (type === 'object') {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const shaped = Object.fromEntries(NAMES.map((name) => [name, name in properties ? sample(properties[name] as Schema, depth + 1) : value]));
      options.push(fc.record(shaped, { requiredKeys: [] }));
    }
  }
  return options.length === 0 ? value : fc.oneof(...options);
}

/**
 * The places in a value that a change's instance path names, as the gate matches them
 * (changeMatches), with what is there. A `*` that stands for a property name also stands for
 * the names `properties` lists, whose schemas are others: only `c`, which no schema lists, is
 * taken for it (the grammar names properties `a` and `b`).
 */
function places(change: SchemaChange, data: unknown): Array<[string, unknown]> {
  let here: Array<[string, unknown]> = [['', data]];
  for (const token of tokens(change.instancePath)) {
    const next: Array<[string, unknown]> = [];
    for (const [pointer, there] of here) {
      if (typeof there !== 'object' || there === null) continue;
      const keys = Object.keys(there).filter((key) => (token === '*' ? Array.isArray(there) || key === 'c' : key === token));
      for (const key of keys) next.push([`${pointer}/${key}`, (there as Record<string, unknown>)[key]]);
    }
    here = next;
  }
  return here.filter(([pointer]) => changeMatches(change, pointer));
}

const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);
const SCHEMA_MAPS = new Set(['properties']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);

/**
 * What a change says breaks, read from the keyword it points at (the line a reviewer is shown):
 * true when `data`, found at the change's place, fails that keyword. This reads at least as
 * much into an explanation as its message says, so a test that it claims nothing passes only
 * when the message claims nothing either.
 */
function claimsBreak(change: SchemaChange, root: Schema, data: unknown): boolean {
  let owner: unknown = root;
  let keyword: string | undefined;
  let node: unknown = root;
  let isSchema = true;
  for (const token of tokens(change.schemaPointer)) {
    const inside = (node as Record<string, unknown>)[token];
    if (isSchema) {
      owner = node;
      keyword = token;
      isSchema = SCHEMA_VALUES.has(token);
    } else if (keyword !== undefined && (SCHEMA_LISTS.has(keyword) || SCHEMA_MAPS.has(keyword)) && node === (owner as Record<string, unknown>)[keyword]) {
      isSchema = true;
    }
    node = inside;
  }
  const of = owner as Record<string, unknown>;
  if (change.rule === 'property-removed') {
    const name = /^`([^`]*)`/.exec(change.message)?.[1] ?? '';
    return typeof data === 'object' && data !== null && !Array.isArray(data) && name in data;
  }
  // Closing an object or an array points at the `false` that closes it, but speaks of the object or array.
  if (change.rule === 'additional-properties-closed') return !passes({ properties: of.properties ?? {}, additionalProperties: of.additionalProperties }, data);
  if (change.rule === 'additional-items-closed') return !passes({ items: of.items, additionalItems: of.additionalItems }, data);
  // A place that is a schema (an alternative, a removed or false schema): the value fails it.
  if (isSchema) return !passes(node, data);
  // A group of alternatives: the value fails the schema that holds it.
  if (keyword !== undefined && SCHEMA_LISTS.has(keyword)) return !passes(owner, data);
  return keyword === undefined ? !passes(owner, data) : !passes({ [keyword]: of[keyword] }, data);
}

interface Tally {
  triples: number;
  validBoth: number;
  claimsChecked: number;
  newlyInvalid: number;
  explained: number;
  unexplained: Array<{ before: Schema; after: Schema; data: unknown }>;
}

function check(before: Schema, after: Schema, changes: SchemaChange[], data: unknown, tally: Tally): void {
  const onOld = findings(before, data);
  const onPr = findings(after, data);
  tally.triples++;
  if (onOld.length > 0) return;
  if (onPr.length === 0) {
    tally.validBoth++;
    for (const change of changes) {
      if (change.severity !== 'breaking' || change.rule === 'changed') continue;
      for (const [pointer, there] of places(change, data)) {
        tally.claimsChecked++;
        expect(claimsBreak(change, after, there), `${change.message} (${change.rule} at ${change.schemaPointer}) of ${JSON.stringify(there)} at ${pointer || '/'}`).toBe(false);
      }
    }
    return;
  }
  // Valid before, invalid now: the gate attaches the changes whose place holds one of the findings.
  tally.newlyInvalid++;
  const attached = changes.filter((change) => change.severity === 'breaking' && onPr.some((pointer) => changeMatches(change, pointer)));
  if (attached.length > 0) tally.explained++;
  else tally.unexplained.push({ before, after, data });
}

describe('explanations of schema changes are true of the configs they are attached to', () => {
  const tally = (): Tally => ({ triples: 0, validBoth: 0, claimsChecked: 0, newlyInvalid: 0, explained: 0, unexplained: [] });
  const run = async (triples: fc.Arbitrary<[Schema, Schema, unknown[]]>, numRuns: number, counts: Tally): Promise<void> => {
    await fc.assert(
      fc.asyncProperty(triples, async ([before, after, data]) => {
        // Several values per pair of schemas: compiling and comparing the schemas is the slow part.
        const changes = diffSchemas(await load(before), await load(after));
        for (const one of data) check(before, after, changes, one, counts);
      }),
      { seed: 20_251_126, numRuns },
    );
    // Valid before and invalid now: the gate attaches a breaking change to every such value.
    expect(counts.unexplained).toEqual([]);
    expect(counts.explained).toBe(counts.newlyInvalid);
  };

  it('never tell a value that loads under both schemas that a change breaks it', async () => {
    const counts = tally();
    const triples = schema.chain((before) =>
      change(before).chain((after) => fc.tuple(fc.constant(before), fc.constant(after), fc.array(fc.oneof(sample(before), sample(after), value), { minLength: 8, maxLength: 8 }))),
    );
    await run(triples, 40, counts);
    // The run exercises the property, not only its trivial cases.
    expect(counts.validBoth).toBeGreaterThan(30);
    expect(counts.claimsChecked).toBeGreaterThan(10);
    expect(counts.newlyInvalid).toBeGreaterThan(10);
  });

  it('never tell a value one alternative of several is all it may now be', async () => {
    // SchemaStore's `package` schema: an ESLint rule level that was anything became
    // `oneOf: [integer 0–2, enum of names, array]`, and `2` or `[warn, {}]` still load.
    const counts = tally();
    const place = (inner: Schema): Schema => ({ type: 'object', properties: { a: inner } });
    const triples = fc
      .tuple(fc.oneof(fc.constant({}), leaf), fc.constantFrom('oneOf', 'anyOf'), fc.array(leaf, { minLength: 2, maxLength: 3 }))
      .chain(([before, kind, branches]) => {
        const after = { [kind]: branches };
        const values = fc.record({ a: fc.oneof(sample(before), sample(after)) });
        return fc.tuple(fc.constant(place(before)), fc.constant(place(after)), fc.array(values, { minLength: 8, maxLength: 8 }));
      });
    await run(triples, 40, counts);
    expect(counts.claimsChecked).toBeGreaterThan(10);
  });
});
