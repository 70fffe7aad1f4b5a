import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compileSchema, workspaceSource, type SchemaOptions, type SchemaSource } from '../../src/checks/schema.js';
import { changeMatches, diffSchemas, loadResolvedSchema, type SchemaChange } from '../../src/checks/schema-diff/index.js';
import { locate } from '../../src/configs/parse/index.js';
import { GateError } from '../../src/errors.js';

/** A SchemaSource over files held in memory; objects are written as JSON. */
function memorySource(files: Record<string, unknown>, label: string): SchemaSource {
  return {
    label,
    read(repoPath: string) {
      const content = files[repoPath];
      return Promise.resolve(content === undefined ? undefined : Buffer.from(JSON.stringify(content)));
    },
  };
}

type Files = Record<string, unknown>;

/** Diffs two schemas; a plain schema stands for one file `s.json`, a record of files names the root first. */
async function diff(base: unknown, pr: unknown, options: Partial<SchemaOptions> = {}): Promise<SchemaChange[]> {
  const asFiles = (schema: unknown): Files => (isFiles(schema) ? schema.files : { 's.json': schema });
  const baseFiles = asFiles(base);
  const prFiles = asFiles(pr);
  const settings = { checkFormats: true, refMap: [], ...options };
  const root = Object.keys(prFiles)[0] ?? 's.json';
  return diffSchemas(
    await loadResolvedSchema(root, memorySource(baseFiles, 'base'), settings),
    await loadResolvedSchema(root, memorySource(prFiles, 'the PR checkout'), settings),
  );
}

function isFiles(value: unknown): value is { files: Files } {
  return typeof value === 'object' && value !== null && 'files' in value;
}

const summary = (changes: SchemaChange[]): Array<[string, string, string]> => changes.map((c) => [c.severity, c.rule, c.instancePath]);

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const at = (name: string, schema: unknown) => obj({ [name]: schema });

type Expected = Array<['breaking' | 'compatible', string, string]>;
type Case = [name: string, base: unknown, pr: unknown, expected: Expected];

const B = 'breaking' as const;
const C = 'compatible' as const;

const server = (extra: Record<string, unknown> = {}, properties: Record<string, unknown> = { storage: { type: 'string' } }) =>
  at('server', obj(properties, extra));

const cases: Case[] = [
  ['identical schemas', server(), server(), []],
  ['required added', server(), server({ required: ['storage'] }), [[B, 'required-added', '/server']]],
  ['required removed', server({ required: ['storage'] }), server(), [[C, 'required-removed', '/server']]],
  [
    'a new required property on a closed object',
    server({ additionalProperties: false }),
    server({ additionalProperties: false, required: ['port'] }, { storage: { type: 'string' }, port: { type: 'integer' } }),
    [[B, 'required-added', '/server']],
  ],
  [
    'property removed where additional properties are closed',
    server({ additionalProperties: false }, { storage: { type: 'string' }, legacy: { type: 'string' } }),
    server({ additionalProperties: false }),
    [[B, 'property-removed', '/server']],
  ],
  [
    'property removed from an open object',
    server({}, { storage: { type: 'string' }, legacy: { type: 'string' } }),
    server(),
    [[C, 'property-unconstrained', '/server']],
  ],
  [
    'optional property added to a closed object',
    server({ additionalProperties: false }),
    server({ additionalProperties: false }, { storage: { type: 'string' }, port: { type: 'integer' } }),
    [[C, 'optional-property-added', '/server']],
  ],
  [
    'a typed property added to an open object rejects old values of that name',
    server(),
    server({}, { storage: { type: 'string' }, port: { type: 'integer' } }),
    [[B, 'type-narrowed', '/server/port']],
  ],
  ['additional properties closed', server(), server({ additionalProperties: false }), [[B, 'additional-properties-closed', '/server']]],
  ['additional properties opened', server({ additionalProperties: false }), server(), [[C, 'additional-properties-opened', '/server']]],
  [
    'additional properties narrowed',
    at('env', { type: 'object', additionalProperties: { type: ['string', 'number'] } }),
    at('env', { type: 'object', additionalProperties: { type: 'string' } }),
    [[B, 'type-narrowed', '/env/*']],
  ],
  ['type narrowed', at('port', { type: ['string', 'integer'] }), at('port', { type: 'integer' }), [[B, 'type-narrowed', '/port']]],
  ['type widened', at('port', { type: 'integer' }), at('port', { type: ['string', 'integer'] }), [[C, 'type-widened', '/port']]],
  ['integer widened to number', at('ratio', { type: 'integer' }), at('ratio', { type: 'number' }), [[C, 'type-widened', '/ratio']]],
  ['number narrowed to integer', at('ratio', { type: 'number' }), at('ratio', { type: 'integer' }), [[B, 'type-narrowed', '/ratio']]],
  [
    'enum narrowed on array items',
    at('apis', { type: 'array', items: { enum: ['inference', 'telemetry'] } }),
    at('apis', { type: 'array', items: { enum: ['inference'] } }),
    [[B, 'enum-narrowed', '/apis/*']],
  ],
  [
    'enum widened',
    at('apis', { type: 'array', items: { enum: ['inference'] } }),
    at('apis', { type: 'array', items: { enum: ['inference', 'telemetry'] } }),
    [[C, 'enum-widened', '/apis/*']],
  ],
  ['const added', at('version', { type: 'integer' }), at('version', { type: 'integer', const: 2 }), [[B, 'const-narrowed', '/version']]],
  ['const removed', at('version', { type: 'integer', const: 2 }), at('version', { type: 'integer' }), [[C, 'const-widened', '/version']]],
  ['minimum tightened', at('n', { type: 'integer', minimum: 0 }), at('n', { type: 'integer', minimum: 1 }), [[B, 'minimum-tightened', '/n']]],
  ['minimum loosened', at('n', { type: 'integer', minimum: 1 }), at('n', { type: 'integer', minimum: 0 }), [[C, 'minimum-loosened', '/n']]],
  ['maximum added', at('n', { type: 'integer' }), at('n', { type: 'integer', maximum: 10 }), [[B, 'maximum-tightened', '/n']]],
  ['maximum removed', at('n', { type: 'integer', maximum: 10 }), at('n', { type: 'integer' }), [[C, 'maximum-loosened', '/n']]],
  [
    'exclusiveMaximum as a number (draft-06+) at the old maximum',
    at('n', { type: 'number', maximum: 10 }),
    at('n', { type: 'number', exclusiveMaximum: 10 }),
    [[B, 'maximum-tightened', '/n']],
  ],
  [
    'exclusiveMinimum as a number loosened to minimum',
    at('n', { type: 'number', exclusiveMinimum: 0 }),
    at('n', { type: 'number', minimum: 0 }),
    [[C, 'minimum-loosened', '/n']],
  ],
  ['minLength tightened', at('s', { type: 'string' }), at('s', { type: 'string', minLength: 1 }), [[B, 'min-length-tightened', '/s']]],
  ['maxLength loosened', at('s', { type: 'string', maxLength: 8 }), at('s', { type: 'string', maxLength: 16 }), [[C, 'max-length-loosened', '/s']]],
  ['minItems tightened', at('l', { type: 'array' }), at('l', { type: 'array', minItems: 1 }), [[B, 'min-items-tightened', '/l']]],
  ['maxItems tightened', at('l', { type: 'array', maxItems: 5 }), at('l', { type: 'array', maxItems: 3 }), [[B, 'max-items-tightened', '/l']]],
  ['maxProperties tightened', at('m', { type: 'object' }), at('m', { type: 'object', maxProperties: 3 }), [[B, 'max-properties-tightened', '/m']]],
  ['minProperties loosened', at('m', { type: 'object', minProperties: 2 }), at('m', { type: 'object' }), [[C, 'min-properties-loosened', '/m']]],
  ['uniqueItems added', at('l', { type: 'array' }), at('l', { type: 'array', uniqueItems: true }), [[B, 'unique-items-added', '/l']]],
  ['uniqueItems removed', at('l', { type: 'array', uniqueItems: true }), at('l', { type: 'array' }), [[C, 'unique-items-removed', '/l']]],
  ['multipleOf changed to a multiple', at('n', { type: 'integer', multipleOf: 3 }), at('n', { type: 'integer', multipleOf: 6 }), [[B, 'multiple-of-tightened', '/n']]],
  ['multipleOf changed to a divisor', at('n', { type: 'integer', multipleOf: 6 }), at('n', { type: 'integer', multipleOf: 3 }), [[C, 'multiple-of-loosened', '/n']]],
  ['pattern added', at('name', { type: 'string' }), at('name', { type: 'string', pattern: '^[a-z]+$' }), [[B, 'pattern-added', '/name']]],
  ['pattern changed', at('name', { type: 'string', pattern: '^[a-z]+$' }), at('name', { type: 'string', pattern: '^[a-z0-9]+$' }), [[B, 'pattern-changed', '/name']]],
  ['pattern removed', at('name', { type: 'string', pattern: '^[a-z]+$' }), at('name', { type: 'string' }), [[C, 'pattern-removed', '/name']]],
  ['format added', at('url', { type: 'string' }), at('url', { type: 'string', format: 'uri' }), [[B, 'format-added', '/url']]],
  ['format changed', at('url', { type: 'string', format: 'uri' }), at('url', { type: 'string', format: 'email' }), [[B, 'format-changed', '/url']]],
  ['format removed', at('url', { type: 'string', format: 'uri' }), at('url', { type: 'string' }), [[C, 'format-removed', '/url']]],
  [
    'a format ajv does not know is an annotation',
    at('wait', { type: 'string' }),
    at('wait', { type: 'string', format: 'go-duration' }),
    [[C, 'annotation-changed', '/wait']],
  ],
  [
    'keywords for a type the base never accepted change nothing',
    at('name', { type: 'string' }),
    at('name', { type: 'string', minimum: 5, maxItems: 2, required: ['x'] }),
    [],
  ],
  [
    'propertyNames tightened',
    at('labels', { type: 'object' }),
    at('labels', { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }),
    [[B, 'property-names-tightened', '/labels']],
  ],
  [
    'propertyNames loosened',
    at('labels', { type: 'object', propertyNames: { maxLength: 8 } }),
    at('labels', { type: 'object', propertyNames: { maxLength: 63 } }),
    [[C, 'property-names-loosened', '/labels']],
  ],
  [
    'a oneOf branch removed',
    at('port', { oneOf: [{ type: 'integer' }, { type: 'string' }] }),
    at('port', { oneOf: [{ type: 'integer' }] }),
    [[B, 'branch-removed', '/port']],
  ],
  [
    'an anyOf branch added',
    at('port', { anyOf: [{ type: 'integer' }] }),
    at('port', { anyOf: [{ type: 'integer' }, { type: 'string' }] }),
    [[C, 'branch-added', '/port']],
  ],
  [
    'oneOf branches reordered, matched by $ref target',
    { ...at('port', { oneOf: [{ $ref: '#/definitions/n' }, { $ref: '#/definitions/s' }] }), definitions: { n: { type: 'integer' }, s: { type: 'string' } } },
    { ...at('port', { oneOf: [{ $ref: '#/definitions/s' }, { $ref: '#/definitions/n' }] }), definitions: { n: { type: 'integer' }, s: { type: 'string' } } },
    [],
  ],
  [
    'a oneOf branch that may overlap another',
    at('port', { oneOf: [{ type: 'string', pattern: '^[0-9]+$' }] }),
    at('port', { oneOf: [{ type: 'string', pattern: '^[0-9]+$' }, { type: 'string', maxLength: 5 }] }),
    [[B, 'changed', '/port']],
  ],
  [
    'a oneOf branch told apart by a const discriminator',
    at('p', { oneOf: [obj({ kind: { const: 'a' } }, { required: ['kind'] })] }),
    at('p', { oneOf: [obj({ kind: { const: 'a' } }, { required: ['kind'] }), obj({ kind: { const: 'b' } }, { required: ['kind'] })] }),
    [[C, 'branch-added', '/p']],
  ],
  [
    'anyOf became oneOf over overlapping alternatives',
    at('v', { anyOf: [{ type: 'string' }, { type: 'string', minLength: 3 }] }),
    at('v', { oneOf: [{ type: 'string' }, { type: 'string', minLength: 3 }] }),
    [[B, 'changed', '/v']],
  ],
  [
    'a type moved into oneOf with a new alternative',
    at('cpu', { type: 'integer', minimum: 0 }),
    at('cpu', { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] }),
    [[C, 'branch-added', '/cpu']],
  ],
  [
    'a type list split into anyOf alternatives',
    at('count', { type: ['string', 'integer'] }),
    at('count', { anyOf: [{ type: 'string' }, { type: 'integer' }] }),
    [],
  ],
  [
    'a oneOf alternative tightened is reported in detail',
    at('port', { oneOf: [{ type: 'number' }, { type: 'string' }] }),
    at('port', { oneOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9]+$' }] }),
    [[B, 'pattern-added', '/port']],
  ],
  [
    'allOf gains a member with required',
    at('s', { allOf: [obj({ a: { type: 'string' } })] }),
    at('s', { allOf: [obj({ a: { type: 'string' } }), { required: ['a'] }] }),
    [[B, 'required-added', '/s']],
  ],
  [
    'allOf members merged into one schema change nothing',
    at('s', { allOf: [{ type: 'object' }, { properties: { a: { type: 'string' } } }] }),
    at('s', obj({ a: { type: 'string' } })),
    [],
  ],
  ['not added', at('s', { type: 'string' }), at('s', { type: 'string', not: { const: 'x' } }), [[B, 'changed', '/s']]],
  ['not changed', at('s', { not: { const: 'x' } }), at('s', { not: { const: 'y' } }), [[B, 'changed', '/s']]],
  ['not removed', at('s', { type: 'string', not: { const: 'x' } }), at('s', { type: 'string' }), [[C, 'not-removed', '/s']]],
  [
    'dependentRequired added',
    { $schema: 'https://json-schema.org/draft/2019-09/schema', ...at('tls', obj({ cert: {}, key: {} })) },
    { $schema: 'https://json-schema.org/draft/2019-09/schema', ...at('tls', obj({ cert: {}, key: {} }, { dependentRequired: { cert: ['key'] } })) },
    [[B, 'dependent-required-added', '/tls']],
  ],
  [
    'draft-07 dependencies (array form) removed',
    at('tls', obj({ cert: {}, key: {} }, { dependencies: { cert: ['key'] } })),
    at('tls', obj({ cert: {}, key: {} })),
    [[C, 'dependent-required-removed', '/tls']],
  ],
  [
    'draft-07 dependencies (schema form) added',
    at('tls', obj({ cert: {}, key: {} })),
    at('tls', obj({ cert: {}, key: {} }, { dependencies: { cert: { required: ['key'] } } })),
    [[B, 'dependent-schema-added', '/tls']],
  ],
  ['boolean schema true to false', at('legacy', true), at('legacy', false), [[B, 'schema-false', '/legacy']]],
  ['boolean schema false to true', at('legacy', false), at('legacy', true), [[C, 'schema-opened', '/legacy']]],
  [
    'items narrowed',
    at('list', { type: 'array', items: { type: ['string', 'null'] } }),
    at('list', { type: 'array', items: { type: 'string' } }),
    [[B, 'type-narrowed', '/list/*']],
  ],
  [
    'tuple items (draft-07 array form) narrowed at one position',
    at('pair', { type: 'array', items: [{ type: 'string' }, { type: ['string', 'integer'] }] }),
    at('pair', { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] }),
    [[B, 'type-narrowed', '/pair/1']],
  ],
  [
    'prefixItems (2020-12) narrowed at one position',
    { $schema: 'https://json-schema.org/draft/2020-12/schema', ...at('pair', { type: 'array', prefixItems: [{ type: 'string' }, {}] }) },
    { $schema: 'https://json-schema.org/draft/2020-12/schema', ...at('pair', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] }) },
    [[B, 'type-narrowed', '/pair/1']],
  ],
  [
    'additional items closed after a tuple',
    at('pair', { type: 'array', items: [{ type: 'string' }, { type: 'string' }] }),
    at('pair', { type: 'array', items: [{ type: 'string' }, { type: 'string' }], additionalItems: false }),
    [[B, 'additional-items-closed', '/pair']],
  ],
  [
    'contains added',
    at('l', { type: 'array' }),
    at('l', { type: 'array', contains: { const: 'main' } }),
    [[B, 'contains-added', '/l']],
  ],
  [
    'unevaluatedProperties closed (2019-09)',
    { $schema: 'https://json-schema.org/draft/2019-09/schema', ...at('s', obj({ a: {} })) },
    { $schema: 'https://json-schema.org/draft/2019-09/schema', ...at('s', obj({ a: {} }, { unevaluatedProperties: false })) },
    [[B, 'unevaluated-properties-closed', '/s']],
  ],
  [
    'patternProperties removed from a closed object',
    at('m', { type: 'object', patternProperties: { '^x-': {} }, additionalProperties: false }),
    at('m', { type: 'object', additionalProperties: false }),
    [[B, 'pattern-property-removed', '/m']],
  ],
  [
    'patternProperties added to a closed object',
    at('m', { type: 'object', additionalProperties: false }),
    at('m', { type: 'object', patternProperties: { '^x-': {} }, additionalProperties: false }),
    [[C, 'pattern-property-added', '/m']],
  ],
  [
    'then tightened under an unchanged if',
    at('s', { if: { properties: { kind: { const: 'tls' } } }, then: {} }),
    at('s', { if: { properties: { kind: { const: 'tls' } } }, then: { required: ['cert'] } }),
    [[B, 'required-added', '/s']],
  ],
  [
    'if changed',
    at('s', { if: { properties: { kind: { const: 'tls' } } }, then: { required: ['cert'] } }),
    at('s', { if: { properties: { kind: { const: 'mtls' } } }, then: { required: ['cert'] } }),
    [[B, 'changed', '/s']],
  ],
  [
    'a $ref that cannot be followed is compared by URI',
    at('s', { $ref: 'https://example.com/a.json' }),
    at('s', { $ref: 'https://example.com/b.json' }),
    [
      [B, 'changed', '/s'],
      [C, 'ref-removed', '/s'],
    ],
  ],
  [
    'annotations only',
    at('s', { type: 'string', title: 'S', description: 'old', examples: ['a'], default: 'a' }),
    at('s', { type: 'string', title: 'The S', description: 'new', examples: ['b'], default: 'b', 'x-order': 1 }),
    [
      [C, 'annotation-changed', '/s'],
      [C, 'annotation-changed', '/s'],
      [C, 'annotation-changed', '/s'],
      [C, 'annotation-changed', '/s'],
      [C, 'annotation-changed', '/s'],
    ],
  ],
  [
    'definitions renamed to $defs with a draft bump',
    { $schema: 'http://json-schema.org/draft-07/schema#', ...at('s', { $ref: '#/definitions/s' }), definitions: { s: { type: 'string' } } },
    { $schema: 'https://json-schema.org/draft/2020-12/schema', ...at('s', { $ref: '#/$defs/s' }), $defs: { s: { type: 'string' } } },
    [],
  ],
  [
    '$ref switched to a stricter definition the base already had',
    { ...at('port', { $ref: '#/definitions/any_port' }), definitions: { any_port: { type: 'integer' }, tcp_port: { type: 'integer', maximum: 65535 } } },
    { ...at('port', { $ref: '#/definitions/tcp_port' }), definitions: { any_port: { type: 'integer' }, tcp_port: { type: 'integer', maximum: 65535 } } },
    [[B, 'ref-stricter', '/port']],
  ],
  [
    '$ref switched to a looser definition the base already had',
    { ...at('port', { $ref: '#/definitions/tcp_port' }), definitions: { any_port: { type: 'integer' }, tcp_port: { type: 'integer', maximum: 65535 } } },
    { ...at('port', { $ref: '#/definitions/any_port' }), definitions: { any_port: { type: 'integer' }, tcp_port: { type: 'integer', maximum: 65535 } } },
    [[C, 'ref-looser', '/port']],
  ],
  [
    '$ref to a new definition reports what the definition asks for',
    { ...at('wait', { type: 'string' }) },
    { ...at('wait', { $ref: '#/definitions/duration' }), definitions: { duration: { type: 'string', pattern: '^[0-9]+s$' } } },
    [[B, 'pattern-added', '/wait']],
  ],
];

describe('classifying schema changes', () => {
  it.each(cases)('%s', async (_name, base, pr, expected) => {
    expect(summary(await diff(base, pr))).toEqual(expected);
  });

  it('has a case for each rule, in both directions where there are two', () => {
    const covered = new Set(cases.flatMap(([, , , expected]) => expected.map(([, rule]) => rule)));
    const rules = [
      ['required-added', 'required-removed'],
      ['property-removed', 'property-unconstrained', 'optional-property-added'],
      ['additional-properties-closed', 'additional-properties-opened'],
      ['type-narrowed', 'type-widened'],
      ['enum-narrowed', 'enum-widened', 'const-narrowed', 'const-widened'],
      ['minimum-tightened', 'minimum-loosened', 'maximum-tightened', 'maximum-loosened'],
      ['min-length-tightened', 'max-length-loosened', 'min-items-tightened', 'max-items-tightened'],
      ['min-properties-loosened', 'max-properties-tightened', 'unique-items-added', 'unique-items-removed'],
      ['multiple-of-tightened', 'multiple-of-loosened'],
      ['pattern-added', 'pattern-changed', 'pattern-removed', 'format-added', 'format-changed', 'format-removed'],
      ['property-names-tightened', 'property-names-loosened', 'pattern-property-removed', 'pattern-property-added'],
      ['branch-removed', 'branch-added', 'ref-stricter', 'ref-looser'],
      ['dependent-required-added', 'dependent-required-removed', 'dependent-schema-added'],
      ['schema-false', 'schema-opened', 'additional-items-closed', 'contains-added', 'unevaluated-properties-closed'],
      ['not-removed', 'changed', 'annotation-changed'],
    ].flat();
    expect(rules.filter((rule) => !covered.has(rule))).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});

describe('where changes are located', () => {
  it('points at the keyword in the PR file that changed, for its line', async () => {
    const [change] = await diff(server(), server({ required: ['storage'] }));
    expect(change).toMatchObject({ file: 's.json', schemaPointer: '/properties/server/required/0' });
    expect(change?.message).toBe('`storage` is now required in `/server`');
  });

  it('points at the PR object for a property it no longer lists', async () => {
    const [change] = await diff(
      server({ additionalProperties: false }, { storage: { type: 'string' }, legacy: {} }),
      server({ additionalProperties: false }),
    );
    expect(change).toMatchObject({ rule: 'property-removed', schemaPointer: '/properties/server/properties' });
    expect(change?.message).toContain('`legacy` is no longer allowed in `/server`');
  });

  it('words a narrowed enum by the values that are gone', async () => {
    const [change] = await diff(
      at('apis', { type: 'array', items: { enum: ['inference', 'telemetry'] } }),
      at('apis', { type: 'array', items: { enum: ['inference'] } }),
    );
    expect(change?.message).toBe('`telemetry` is no longer allowed in `/apis/*`');
    expect(change?.schemaPointer).toBe('/properties/apis/items/enum');
  });

  it('reports a definition changed behind a $ref once for each place that uses it', async () => {
    const definitions = (port: Record<string, unknown>) => ({
      ...obj({ http: { $ref: '#/definitions/port' }, admin: { type: 'object', properties: { port: { $ref: '#/definitions/port' } } } }),
      definitions: { port },
    });
    const changes = await diff(definitions({ type: 'integer' }), definitions({ type: 'integer', maximum: 65535 }));
    expect(summary(changes)).toEqual([
      [B, 'maximum-tightened', '/admin/port'],
      [B, 'maximum-tightened', '/http'],
    ]);
    expect(new Set(changes.map((c) => c.schemaPointer))).toEqual(new Set(['/definitions/port/maximum']));
  });

  it('follows a $ref into another file and names that file', async () => {
    const changes = await diff(
      { files: { 'schema/root.json': at('db', { $ref: 'defs.json#/$defs/db' }), 'schema/defs.json': { $defs: { db: obj({ url: { type: 'string' } }) } } } },
      {
        files: {
          'schema/root.json': at('db', { $ref: 'defs.json#/$defs/db' }),
          'schema/defs.json': { $defs: { db: obj({ url: { type: 'string' } }, { required: ['url'] }) } },
        },
      },
    );
    expect(changes).toEqual([
      {
        severity: B,
        rule: 'required-added',
        instancePath: '/db',
        message: '`url` is now required in `/db`',
        file: 'schema/defs.json',
        schemaPointer: '/$defs/db/required/0',
      },
    ]);
  });

  it('terminates on a recursive schema and reports a change inside it', async () => {
    const tree = (name: Record<string, unknown>) => ({
      $ref: '#/definitions/node',
      definitions: { node: obj({ name, children: { type: 'array', items: { $ref: '#/definitions/node' } } }) },
    });
    const changes = await diff(tree({ type: 'string' }), tree({ type: 'string', minLength: 1 }));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.rule === 'min-length-tightened' && c.schemaPointer === '/definitions/node/properties/name/minLength')).toBe(true);
    expect(changes.map((c) => c.instancePath)).toContain('/name');
  });

  it('terminates on a $ref cycle with nothing in between', async () => {
    const cycle = { $ref: '#/definitions/a', definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }], type: 'object' } } };
    expect(await diff(cycle, cycle)).toEqual([]);
  });

  it('finds a change at the end of a $ref chain deeper than one walk goes, at its full path', async () => {
    const chain = (leaf: Record<string, unknown>) => {
      const definitions: Record<string, unknown> = { d80: leaf };
      for (let i = 0; i < 80; i++) definitions[`d${i}`] = obj({ next: { $ref: `#/definitions/d${i + 1}` } });
      return { $ref: '#/definitions/d0', definitions };
    };
    const changes = await diff(chain({ type: 'string' }), chain({ type: 'string', maxLength: 3 }));
    expect(summary(changes)).toEqual([[B, 'max-length-tightened', '/next'.repeat(80)]]);
  });

  it('compares a schema nested 500 levels deep, and refuses one too deep to read with a GateError', async () => {
    const nest = (depth: number, leaf: unknown, kind: 'properties' | 'allOf') => {
      let schema = leaf;
      for (let i = 0; i < depth; i++) schema = kind === 'allOf' ? { allOf: [schema] } : obj({ a: schema });
      return schema;
    };
    const deep = await diff(nest(500, { type: 'string' }, 'properties'), nest(500, { type: 'string', maxLength: 2 }, 'properties'));
    expect(summary(deep)).toEqual([[B, 'max-length-tightened', '/a'.repeat(500)]]);
    const tooDeep = await diff(nest(2000, {}, 'allOf'), nest(2000, {}, 'allOf')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(tooDeep).toBeInstanceOf(GateError);
    expect((tooDeep as GateError).message).toMatch(/s\.json .*nests too deeply/);
  });

  it('reports a definition reached by very many paths at the 32 shortest', async () => {
    // A binary tree of $refs eight levels deep: 256 paths lead to the leaf definition.
    const tree = (leaf: Record<string, unknown>) => {
      const definitions: Record<string, unknown> = { l8: leaf };
      for (let i = 0; i < 8; i++) definitions[`l${i}`] = obj({ left: { $ref: `#/definitions/l${i + 1}` }, right: { $ref: `#/definitions/l${i + 1}` } });
      return { $ref: '#/definitions/l0', definitions };
    };
    const changes = await diff(tree({ type: 'integer' }), tree({ type: 'integer', minimum: 1 }));
    expect(changes).toHaveLength(32);
    expect(new Set(changes.map((c) => c.instancePath)).size).toBe(32);
    expect(changes.every((c) => c.rule === 'minimum-tightened' && c.schemaPointer === '/definitions/l8/minimum')).toBe(true);
  });

  it('reads draft-04 boolean exclusiveMaximum and points at it', async () => {
    const draft04 = (n: Record<string, unknown>) => ({ $schema: 'http://json-schema.org/draft-04/schema#', ...at('n', n) });
    const tightened = await diff(draft04({ type: 'number', maximum: 10 }), draft04({ type: 'number', maximum: 10, exclusiveMaximum: true }));
    expect(summary(tightened)).toEqual([[B, 'maximum-tightened', '/n']]);
    expect(tightened[0]?.schemaPointer).toBe('/properties/n/exclusiveMaximum');
    expect(tightened[0]?.message).toBe('`/n` must now be < 10 (it was ≤ 10)');
    const loosened = await diff(draft04({ type: 'number', maximum: 10, exclusiveMaximum: true }), draft04({ type: 'number', maximum: 10 }));
    expect(summary(loosened)).toEqual([[C, 'maximum-loosened', '/n']]);
  });

  it('calls a new required property with a default breaking, and says why', async () => {
    // ajv (as the gate runs it, without useDefaults) does not fill a default in before `required` is checked.
    const changes = await diff(
      server({}, { storage: { type: 'string' }, region: { type: 'string', default: 'eu' } }),
      server({ required: ['region'] }, { storage: { type: 'string' }, region: { type: 'string', default: 'eu' } }),
    );
    expect(summary(changes)).toEqual([[B, 'required-added', '/server']]);
    expect(changes[0]?.message).toContain('has a `default`');
    const compiled = await compileSchema(
      's.json',
      memorySource({ 's.json': server({ required: ['region'] }, { region: { type: 'string', default: 'eu' } }) }, 'pr'),
      { checkFormats: true, refMap: [] },
    );
    expect(compiled.validate({ server: {} })).not.toEqual([]);
  });

  it('treats formats as annotations when formats are not checked', async () => {
    const changes = await diff(at('url', { type: 'string' }), at('url', { type: 'string', format: 'uri' }), { checkFormats: false });
    expect(summary(changes)).toEqual([[C, 'annotation-changed', '/url']]);
  });

  it('sorts breaking changes first, then by instance path', async () => {
    const changes = await diff(
      obj({ b: { type: 'string' }, a: { type: 'string', pattern: 'x' }, c: { type: 'integer' } }),
      obj({ b: { type: 'string', description: 'b' }, a: { type: 'string' }, c: { type: 'integer', maximum: 3 } }, { required: ['b'] }),
    );
    expect(summary(changes)).toEqual([
      [B, 'required-added', ''],
      [B, 'maximum-tightened', '/c'],
      [C, 'pattern-removed', '/a'],
      [C, 'annotation-changed', '/b'],
    ]);
    expect(changes[0]?.message).toBe('`b` is now required at the top level');
  });
});

describe('joining a change to a finding', () => {
  const change = (instancePath: string): SchemaChange => ({
    severity: 'breaking',
    rule: 'required-added',
    instancePath,
    message: '',
    file: 's.json',
    schemaPointer: '',
  });

  it.each([
    ['/apis/*', '/apis/2', true],
    ['/apis/*', '/apis', false],
    ['/server', '/server/storage', true],
    ['/server', '/server', true],
    ['/server', '/servers/storage', false],
    ['/providers/*/*/config', '/providers/inference/0/config/url', true],
    ['/providers/*/*/config', '/providers/inference/0/provider_id', false],
    ['', '/anything', true],
    ['/a~1b', '/a~1b/0', true],
  ])('change at %s matches finding %s: %s', (instancePath, finding, expected) => {
    expect(changeMatches(change(instancePath), finding)).toBe(expected);
  });
});

// Six real commits of compose-spec/compose-go's schema (see test/fixtures/compose-go/README.md).
const corpus = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/compose-go');
const commits = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('schema diff on compose-go history', () => {
  it('has the six commits of the corpus', () => expect(commits).toHaveLength(6));

  const options = { checkFormats: false, refMap: [] };
  const load = async (commit: string) => {
    const dir = join(corpus, commit);
    const base = await loadResolvedSchema('schema/compose-spec.json', workspaceSource(join(dir, 'base'), 'base'), options);
    const head = await loadResolvedSchema('schema/compose-spec.json', workspaceSource(join(dir, 'head'), 'head'), options);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { broken: string[] };
    return { dir, changes: diffSchemas(base, head), broken: expected.broken };
  };

  const breakingCommits = commits.filter((commit) => {
    const expected = JSON.parse(readFileSync(join(corpus, commit, 'expected.json'), 'utf8')) as { broken: string[] };
    return expected.broken.length > 0;
  });

  it.each(breakingCommits)('joins every config commit %s breaks to a breaking change by pointer', async (commit) => {
    const { dir, changes, broken } = await load(commit);
    const head = await compileSchema('schema/compose-spec.json', workspaceSource(join(dir, 'head'), 'head'), options);
    const breaking = changes.filter((change) => change.severity === 'breaking');
    for (const config of broken) {
      const documents = parseAllDocuments(readFileSync(join(dir, 'base', config), 'utf8'), { merge: true });
      const pointers = documents.flatMap((document) => head.validate(document.toJS()).map((issue) => issue.pointer));
      expect(pointers.length, config).toBeGreaterThan(0);
      const explained = breaking.some((change) => pointers.some((pointer) => changeMatches(change, pointer)));
      expect(explained, `${config} fails at ${pointers.join(', ')}`).toBe(true);
    }
  });

  it('finds the pattern 37ba724348 put on the project name, at its line', async () => {
    const { dir, changes } = await load('37ba724348');
    expect(summary(changes)).toEqual([[B, 'pattern-added', '/name']]);
    const [change] = changes;
    const file = readFileSync(join(dir, 'head', change?.file ?? ''));
    const line = locate(change?.file ?? '', file, { yamlVersion: '1.2' }, 0, change?.schemaPointer ?? '', 'key')?.line ?? 0;
    expect(file.toString('utf8').split('\n')[line - 1]?.trim()).toBe('"pattern": "^[a-z0-9][a-z0-9_-]*$",');
  });

  it('reports the required provider.type of a6c896cdf0, which no config exercises', async () => {
    const { changes, broken } = await load('a6c896cdf0');
    expect(broken).toEqual([]);
    expect(summary(changes)).toEqual([[B, 'required-added', '/services/*/provider']]);
    expect(changes[0]?.schemaPointer).toBe('/definitions/service/properties/provider/required/0');
  });

  it('finds only compatible changes in a9f2bb2996 (attributes may also be strings)', async () => {
    const { changes } = await load('a9f2bb2996');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((change) => change.severity === 'breaking')).toEqual([]);
  });

  it('finds no change in e350f08404 (draft 2020-12, definitions renamed to $defs)', async () => {
    const { changes } = await load('e350f08404');
    expect(changes).toEqual([]);
  });

  it('names the new patterns 25fe179663 put behind $refs, in the definition that holds them', async () => {
    const { changes } = await load('25fe179663');
    const durations = changes.filter((change) => change.schemaPointer === '/definitions/duration_format/pattern');
    expect(durations.map((change) => change.instancePath)).toContain('/services/*/healthcheck/interval');
    expect(durations.every((change) => change.severity === 'breaking' && change.rule === 'pattern-added')).toBe(true);
  });
});

describe('explanations describe the new constraint as a whole', () => {
  // An ESLint-style rule level, as SchemaStore's `package` schema gained it: a value that was
  // anything must now be a severity number, a severity name, or an array with options.
  const level = { oneOf: [{ type: 'integer', minimum: 0, maximum: 2 }, { type: 'string', enum: ['off', 'warn', 'error'] }, { type: 'array' }] };
  const rules = (schema: unknown) => at('rules', { type: 'object', additionalProperties: schema });

  it('names every form a value may now take, not one alternative as if it were all', async () => {
    const changes = await diff(rules({}), rules(level));
    expect(changes.filter((change) => change.severity === 'breaking')).toEqual([
      expect.objectContaining({
        rule: 'alternatives-narrowed',
        instancePath: '/rules/*',
        message: '`/rules/*` must now match one of 3 forms: an integer 0–2, one of `off`, `warn`, `error`, or an array',
        schemaPointer: '/properties/rules/additionalProperties/oneOf',
      }),
    ]);
    // The values each alternative accepts were accepted before: none of them is "now also" accepted.
    expect(changes.filter((change) => change.rule === 'branch-added')).toEqual([]);
  });

  it('does not say a type list narrowed into anyOf with null means one type', async () => {
    const changes = await diff(at('r', {}), at('r', { anyOf: [{ type: 'string' }, { type: 'null' }] }));
    expect(changes.map((change) => change.message)).toEqual(['`/r` must now match one of 2 forms: a string, or null']);
  });

  it('says "exactly one" of oneOf alternatives that may overlap', async () => {
    const changes = await diff(at('r', { type: 'string' }), at('r', { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'string', pattern: '^a' }] }));
    expect(changes.map((change) => [change.rule, change.message])).toEqual([
      ['alternatives-narrowed', '`/r` must now match exactly one of 2 forms: a string of at most 3 characters, or a string matching `^a`'],
    ]);
  });

  it('says "one of" $ref alternatives that cannot overlap, and names them by their $ref', async () => {
    const definitions = { level: { type: 'integer', minimum: 0, maximum: 2 }, name: { enum: ['off', 'warn'] } };
    const changes = await diff(
      { ...at('r', {}), definitions },
      { ...at('r', { oneOf: [{ $ref: '#/definitions/level' }, { $ref: '#/definitions/name' }] }), definitions },
    );
    expect(changes.map((change) => change.message)).toEqual(['`/r` must now match one of 2 forms: `#/definitions/level`, or `#/definitions/name`']);
  });

  it('says of a type list split into alternatives which type a detail is about', async () => {
    const changes = await diff(
      at('r', { type: ['string', 'integer'] }),
      at('r', { oneOf: [{ type: 'string', enum: ['a'] }, { type: 'integer' }] }),
    );
    expect(changes.map((change) => [change.rule, change.message])).toEqual([['enum-narrowed', '`/r` (when a string) is now restricted to `a`']]);
  });

  it('keeps a nullable type narrowed into alternatives in detail, each type on its own', async () => {
    const changes = await diff(at('r', { type: 'string', nullable: true }), at('r', { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] }));
    expect(changes.map((change) => [change.rule, change.message])).toEqual([
      ['max-length-tightened', '`/r` (when a string) must now have at most 3 characters (it was any number of characters)'],
    ]);
  });

  it('still details the one alternative that can hold the old values', async () => {
    const changes = await diff(at('r', {}), at('r', { anyOf: [{ type: 'string' }] }));
    expect(changes.map((change) => [change.rule, change.message])).toEqual([['type-narrowed', '`/r` must now be string (any type was accepted)']]);
  });
});
