import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateError } from '../../src/errors.js';
import {
  compileSchema,
  parseRefMap,
  workspaceSource,
  type SchemaOptions,
  type SchemaSource,
} from '../../src/checks/schema.js';

/** A SchemaSource over files held in memory; objects are written as JSON. */
function memorySource(files: Record<string, unknown>, label = 'the PR checkout'): SchemaSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    label,
    reads,
    read(repoPath: string) {
      reads.push(repoPath);
      const content = files[repoPath];
      if (content === undefined) return Promise.resolve(undefined);
      return Promise.resolve(Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)));
    },
  };
}

const defaults: SchemaOptions = { checkFormats: true, refMap: [] };

async function compile(files: Record<string, unknown>, options: Partial<SchemaOptions> = {}, file = Object.keys(files)[0] ?? '') {
  return compileSchema(file, memorySource(files), { ...defaults, ...options });
}

async function gateError(promise: Promise<unknown>): Promise<GateError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GateError);
  return error as GateError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('choosing the draft', () => {
  it.each([
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-07/schema#', 'draft-07'],
    ['https://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['http://json-schema.org/draft/2019-09/schema#', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12'],
  ])('reads %s as %s', async ($schema, draft) => {
    const schema = await compile({ 's.json': { $schema, type: 'object', properties: { n: { type: 'integer' } } } });
    expect(schema.draft).toBe(draft);
    expect(schema.validate({ n: 1 })).toEqual([]);
    expect(schema.validate({ n: 'one' })).toHaveLength(1);
  });

  it('applies draft-04 semantics (boolean exclusiveMaximum, `id`)', async () => {
    const schema = await compile({
      's.json': {
        $schema: 'http://json-schema.org/draft-04/schema#',
        id: 'https://example.com/limit.json',
        type: 'number',
        maximum: 10,
        exclusiveMaximum: true,
      },
    });
    expect(schema.validate(9)).toEqual([]);
    expect(schema.validate(10)[0]?.message).toBe('must be less than 10, found `10`');
  });

  it('applies draft-06 semantics (numeric exclusiveMaximum, `const`)', async () => {
    const schema = await compile({
      's.json': { $schema: 'http://json-schema.org/draft-06/schema#', properties: { n: { exclusiveMaximum: 10 }, k: { const: 'x' } } },
    });
    expect(schema.validate({ n: 9, k: 'x' })).toEqual([]);
    expect(schema.validate({ n: 10 })[0]?.keyword).toBe('exclusiveMaximum');
    expect(schema.validate({ k: 'y' })[0]?.message).toBe('must be `x`, found `y`');
  });

  it('applies 2019-09 semantics (unevaluatedProperties)', async () => {
    const schema = await compile({
      's.json': {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        allOf: [{ properties: { a: true } }],
        unevaluatedProperties: false,
      },
    });
    expect(schema.validate({ a: 1 })).toEqual([]);
    expect(schema.validate({ a: 1, b: 2 })[0]).toMatchObject({ pointer: '/b', target: 'key', keyword: 'unevaluatedProperties' });
  });

  it('applies 2020-12 semantics (prefixItems, items after them)', async () => {
    const schema = await compile({
      's.json': {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'array',
        prefixItems: [{ type: 'string' }],
        items: { type: 'number' },
      },
    });
    expect(schema.validate(['a', 1, 2])).toEqual([]);
    expect(schema.validate(['a', 'b'])[0]).toMatchObject({ pointer: '/1', message: 'must be a number, found a string' });
  });

  it('uses draft-07 when `$schema` is absent', async () => {
    const schema = await compile({ 's.json': { if: { type: 'string' }, then: { minLength: 2 } } });
    expect(schema.draft).toBe('draft-07');
    expect(schema.notes).toEqual([]);
    expect(schema.validate('ab')).toEqual([]);
    expect(schema.validate('a')[0]?.keyword).toBe('minLength');
  });

  it('uses draft-07 for a `$schema` it does not know, and says so in a note', async () => {
    const schema = await compile({ 's.json': { $schema: 'https://example.com/my-meta', type: 'string' } });
    expect(schema.draft).toBe('draft-07');
    expect(schema.notes.join('\n')).toContain('https://example.com/my-meta');
    expect(schema.validate('x')).toEqual([]);
  });

  it('ignores the draft-04 `id` keyword in later drafts instead of refusing the schema', async () => {
    const schema = await compile({
      's.json': { $schema: 'https://json-schema.org/draft/2019-09/schema', id: 'compose_spec.json', properties: { id: { type: 'string' } } },
    });
    expect(schema.validate({ id: 'x' })).toEqual([]);
    expect(schema.validate({ id: 1 })[0]?.pointer).toBe('/id');
  });
});

describe('reading schema files', () => {
  it('reads a YAML schema file', async () => {
    const yaml = [
      '$schema: https://json-schema.org/draft/2020-12/schema',
      'type: object',
      'required: [name]',
      'properties:',
      '  name: { type: string }',
      '',
    ].join('\n');
    const schema = await compile({ 'schemas/config.schema.yaml': yaml });
    expect(schema.draft).toBe('2020-12');
    expect(schema.validate({ name: 'x' })).toEqual([]);
    expect(schema.validate({})[0]?.message).toBe('missing required property `name`');
  });

  it('tolerates comments, trailing commas and a byte-order mark in a JSON schema', async () => {
    const json = '\ufeff{\n  // the config\n  "type": "object",\n  "required": ["a",],\n}\n';
    const schema = await compile({ 's.json': json });
    expect(schema.validate({ a: 1 })).toEqual([]);
    expect(schema.validate({})).toHaveLength(1);
  });

  it('refuses a missing schema file, naming the file and where it looked', async () => {
    const error = await gateError(compileSchema('schemas/nope.json', memorySource({}, 'base 1a2b3c4'), defaults));
    expect(error.message).toContain('schemas/nope.json');
    expect(error.message).toContain('base 1a2b3c4');
    expect(error.hint).toContain('`schema`');
  });

  it('refuses unparseable JSON, naming the file and the line', async () => {
    const error = await gateError(compile({ 'schemas/bad.json': '{\n  "type": "object",\n  "properties": {\n    "a": ]\n}\n' }));
    expect(error.message).toContain('schemas/bad.json');
    expect(error.message).toMatch(/line 4: value expected/);
  });

  it('refuses unparseable YAML, naming the file and the line', async () => {
    const error = await gateError(compile({ 'schemas/bad.yaml': 'type: object\nproperties:\n  a: [unclosed\n' }));
    expect(error.message).toContain('schemas/bad.yaml');
    expect(error.message).toMatch(/line \d/);
  });

  it('refuses a file that holds no schema object', async () => {
    const error = await gateError(compile({ 'schemas/list.json': '[1, 2]' }));
    expect(error.message).toContain('schemas/list.json');
    expect(error.message).toContain('an array');
  });

  it('refuses an invalid schema with ajv’s reason', async () => {
    const error = await gateError(compile({ 'schemas/invalid.json': { type: 'object', properties: { a: { type: 'text' } } } }));
    expect(error.message).toContain('schemas/invalid.json');
    expect(error.message).toContain('#/properties/a/type must be equal to one of the allowed values');
  });

  it('refuses a pattern that is no regular expression at all, with the reason', async () => {
    const error = await gateError(compile({ 'schemas/s.json': { type: 'string', pattern: '(unclosed' } }));
    expect(error.message).toContain('schemas/s.json');
    expect(error.message).toMatch(/Invalid regular expression/);
  });

  it('refuses a `$ref` to a definition that does not exist', async () => {
    const error = await gateError(compile({ 'schemas/s.json': { $ref: '#/definitions/missing' } }));
    expect(error.message).toContain('points to nothing: schemas/s.json#/definitions/missing');
  });

  it('refuses a schema path outside the repository', async () => {
    const error = await gateError(compileSchema('../other/s.json', memorySource({}), defaults));
    expect(error.message).toContain('../other/s.json');
  });
});

describe('$refs to other files', () => {
  it('resolves relative file refs from the referencing file, YAML and JSON alike', async () => {
    const schema = await compile({
      'schemas/root.json': {
        type: 'object',
        properties: { port: { $ref: 'defs.json#/definitions/port' }, name: { $ref: '../common/name.yaml' } },
      },
      'schemas/defs.json': { definitions: { port: { type: 'integer', minimum: 1 } } },
      'common/name.yaml': 'type: string\nminLength: 1\n',
    });
    expect(schema.files).toEqual(['schemas/root.json', 'schemas/defs.json', 'common/name.yaml']);
    expect(schema.validate({ port: 80, name: 'web' })).toEqual([]);
    expect(schema.validate({ port: 0, name: '' }).map((issue) => [issue.pointer, issue.message])).toEqual([
      ['/port', 'must be at least 1, found `0`'],
      ['/name', 'must not be empty'],
    ]);
  });

  it('resolves absolute URLs through schema-ref-map, the longest prefix winning', async () => {
    const schema = await compile(
      {
        'root.json': {
          properties: {
            a: { $ref: 'https://json.schemastore.org/base.json' },
            b: { $ref: 'https://json.schemastore.org/special/b.json#/$defs/b' },
          },
        },
        'vendor/schemastore/base.json': { type: 'string' },
        'vendor/special/b.json': { $defs: { b: { type: 'boolean' } } },
      },
      {
        refMap: parseRefMap(
          'https://json.schemastore.org/=vendor/schemastore/\nhttps://json.schemastore.org/special/=vendor/special/',
        ),
      },
    );
    expect(schema.files).toEqual(['root.json', 'vendor/schemastore/base.json', 'vendor/special/b.json']);
    expect(schema.validate({ a: 'x', b: true })).toEqual([]);
    expect(schema.validate({ a: 1, b: 'yes' }).map((issue) => issue.message)).toEqual([
      'must be a string, found a number',
      'must be a boolean, found a string',
    ]);
  });

  it('takes a schema-ref-map prefix without its trailing slash as a folder, at a path boundary only', async () => {
    const files = {
      'root.json': { properties: { a: { $ref: 'https://example.com/schemas/a.json' } } },
      'vendor/a.json': { type: 'string' },
    };
    for (const line of ['https://example.com/schemas=vendor', 'https://example.com/schemas=vendor/']) {
      const schema = await compile(files, { refMap: parseRefMap(line) });
      expect(schema.files).toEqual(['root.json', 'vendor/a.json']);
      expect(schema.validate({ a: 1 })[0]?.message).toBe('must be a string, found a number');
    }
    // `…/sch` is not a folder of `…/schemas/a.json`: the $ref stays unmapped, and the error says so.
    const error = await gateError(compile(files, { refMap: parseRefMap('https://example.com/sch=vendor') }));
    expect(error.message).toContain('https://example.com/schemas/a.json');
    expect(error.hint).toContain('schema-ref-map');
  });

  it('maps one URL to one file when a schema-ref-map line names a file', async () => {
    const schema = await compile(
      { 'root.json': { $ref: 'https://example.com/v2/config.json' }, 'vendor/config-v2.json': { type: 'array' } },
      { refMap: parseRefMap('https://example.com/v2/config.json=vendor/config-v2.json') },
    );
    expect(schema.files).toEqual(['root.json', 'vendor/config-v2.json']);
    expect(schema.validate({})[0]?.message).toBe('must be an array, found an object');
  });

  it('refuses an absolute URL with no mapping, naming the URL and the file, without any network access', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await gateError(
      compile({ 'schemas/root.json': { properties: { a: { $ref: 'https://example.com/schemas/a.json#/x' } } } }),
    );
    expect(error.message).toContain('https://example.com/schemas/a.json');
    expect(error.message).toContain('schemas/root.json');
    expect(error.hint).toContain('schema-ref-map');
    expect(error.hint).toContain('https://example.com/schemas/=');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('does not stop on an unmapped URL that nothing uses, but notes it', async () => {
    const schema = await compile({
      's.json': { definitions: { unused: { $ref: 'https://example.com/unused.json' } }, type: 'string' },
    });
    expect(schema.validate('x')).toEqual([]);
    expect(schema.notes.join('\n')).toContain('https://example.com/unused.json');
  });

  it('refuses a relative ref to a file that does not exist, naming both files', async () => {
    const error = await gateError(compile({ 'schemas/root.json': { $ref: 'gone.json' } }));
    expect(error.message).toContain('schemas/gone.json');
    expect(error.message).toContain('schemas/root.json');
  });

  it('resolves relative refs against `$id` and finds the file next to the schema that declares it', async () => {
    const schema = await compile({
      'schemas/root.json': { $id: 'https://example.com/schemas/root.json', $ref: 'defs.json#/$defs/name' },
      'schemas/defs.json': { $id: 'https://example.com/schemas/defs.json', $defs: { name: { type: 'string' } } },
    });
    expect(schema.files).toEqual(['schemas/root.json', 'schemas/defs.json']);
    expect(schema.validate('x')).toEqual([]);
    expect(schema.validate(1)).toHaveLength(1);
  });

  it('follows a relative ref that climbs out of the `$id` directory when the repository folders match the URL', async () => {
    const schema = await compile({
      'schemas/root.json': { $id: 'https://example.com/schemas/root.json', properties: { name: { $ref: '../common/name.json' } } },
      'common/name.json': { type: 'string' },
    });
    expect(schema.files).toEqual(['schemas/root.json', 'common/name.json']);
    expect(schema.validate({ name: 2 })[0]?.pointer).toBe('/name');
  });

  it('only refuses a referenced file that is not a valid schema when something uses it', async () => {
    const unused = await compile({
      'schemas/root.json': { type: 'object', 'x-example': { $ref: 'example.json' } },
      'schemas/example.json': { type: 'nonsense' },
    });
    expect(unused.validate({})).toEqual([]);
    const error = await gateError(
      compile({ 'schemas/root.json': { properties: { a: { $ref: 'bad.json' } } }, 'schemas/bad.json': { type: 'nonsense' } }),
    );
    expect(error.message).toContain('schemas/bad.json');
    expect(error.message).toContain('not a valid draft-07 JSON Schema');
  });

  it('resolves draft-04 refs against `id`', async () => {
    const schema = await compile({
      'schemas/root.json': {
        $schema: 'http://json-schema.org/draft-04/schema#',
        id: 'https://example.com/v1/root.json',
        properties: { a: { $ref: 'parts/a.json' } },
      },
      'schemas/parts/a.json': { $schema: 'http://json-schema.org/draft-04/schema#', type: 'integer' },
    });
    expect(schema.files).toEqual(['schemas/root.json', 'schemas/parts/a.json']);
    expect(schema.validate({ a: 'x' })[0]?.pointer).toBe('/a');
  });

  it('handles a tree schema that refers to itself and two files that refer to each other', async () => {
    const schema = await compile({
      'tree.json': {
        type: 'object',
        properties: { value: { type: 'number' }, children: { type: 'array', items: { $ref: '#' } }, other: { $ref: 'a.json' } },
      },
      'a.json': { type: 'object', properties: { next: { $ref: 'b.json' }, end: { type: 'boolean' } } },
      'b.json': { type: 'object', properties: { back: { $ref: 'a.json' } } },
    });
    expect(schema.files).toEqual(['tree.json', 'a.json', 'b.json']);
    const good = { value: 1, children: [{ value: 2, children: [{ value: 3 }] }], other: { next: { back: { end: true } } } };
    expect(schema.validate(good)).toEqual([]);
    const bad = { children: [{ children: [{ value: 'three' }] }], other: { next: { back: { end: 'yes' } } } };
    expect(schema.validate(bad).map((issue) => issue.pointer)).toEqual(['/children/0/children/0/value', '/other/next/back/end']);
  });

  it('does not follow `$ref`-looking data in enum, const and default', async () => {
    const source = memorySource({
      's.json': { properties: { a: { enum: [{ $ref: 'nowhere.json' }], default: { $ref: 'nowhere.json' } } } },
    });
    const schema = await compileSchema('s.json', source, defaults);
    expect(source.reads).toEqual(['s.json']);
    expect(schema.validate({ a: { $ref: 'nowhere.json' } })).toEqual([]);
  });
});

describe('patterns and formats', () => {
  it('compiles a pattern that is invalid in Unicode mode and still validates with it', async () => {
    const schema = await compile({
      's.json': { type: 'object', properties: { slug: { pattern: '^[\\w-.]+$' } }, patternProperties: { '^x[\\w-.]*$': { type: 'string' } } },
    });
    expect(schema.validate({ slug: 'a-b.c_d', 'x-1': 'ok' })).toEqual([]);
    expect(schema.validate({ slug: 'a b' })[0]?.message).toBe('must match the pattern `^[\\w-.]+$`, found `a b`');
    expect(schema.validate({ 'x-1': 2 })[0]?.pointer).toBe('/x-1');
  });

  it('keeps Unicode mode for patterns that need it (\\p{L})', async () => {
    const schema = await compile({ 's.json': { type: 'string', pattern: '^\\p{L}+$' } });
    expect(schema.validate('Grüße')).toEqual([]);
    expect(schema.validate('a1')).toHaveLength(1);
  });

  it('ignores a format it does not know, without console noise, and notes it', async () => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
    const schema = await compile({ 's.json': { type: 'string', format: 'duration-go' } }, { checkFormats: true });
    expect(schema.validate('10s')).toEqual([]);
    expect(schema.notes.join('\n')).toContain('`duration-go`');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('asserts `format: email` only when check-formats is on', async () => {
    const files = { 's.json': { type: 'object', properties: { contact: { type: 'string', format: 'email' } } } };
    const checked = await compile(files, { checkFormats: true });
    const unchecked = await compile(files, { checkFormats: false });
    expect(checked.validate({ contact: 'me@example.com' })).toEqual([]);
    expect(checked.validate({ contact: 'not an address' })[0]).toMatchObject({
      pointer: '/contact',
      keyword: 'format',
      message: 'must be a valid `email`, found `not an address`',
    });
    expect(unchecked.validate({ contact: 'not an address' })).toEqual([]);
  });
});

describe('issues people can read', () => {
  const files = {
    'schemas/run.schema.json': {
      type: 'object',
      required: ['storage'],
      additionalProperties: false,
      properties: {
        version: { type: 'string' },
        storage: { enum: ['sqlite', 'postgres'] },
        image: { type: 'string' },
        mode: { type: 'string' },
      },
    },
  };

  it('points at an unknown property, lists the allowed ones and suggests a near miss', async () => {
    const schema = await compile(files);
    const [issue] = schema.validate({ storage: 'sqlite', agents: [] });
    expect(issue).toMatchObject({ pointer: '/agents', target: 'key', keyword: 'additionalProperties' });
    expect(issue?.message).toBe('`agents` is not allowed here; allowed: `version`, `storage`, `image`, `mode`');
    const [typo] = schema.validate({ storage: 'sqlite', imgae: 'x' });
    expect(typo?.message).toBe('`imgae` is not allowed here; did you mean `image`? allowed: `version`, `storage`, `image`, `mode`');
  });

  it('points at a missing required property', async () => {
    const schema = await compile(files);
    expect(schema.validate({})).toEqual([
      {
        pointer: '/storage',
        keyword: 'required',
        message: 'missing required property `storage`',
        params: { missingProperty: 'storage' },
        schemaPath: '#/required',
        target: 'value',
      },
    ]);
  });

  it('lists the values an enum allows', async () => {
    const schema = await compile(files);
    expect(schema.validate({ storage: 'mysql' })[0]?.message).toBe('must be one of `sqlite`, `postgres`, found `mysql`');
  });

  it('says which type was expected and which was found', async () => {
    const schema = await compile(files);
    expect(schema.validate({ storage: 'sqlite', version: 3.8 })[0]).toMatchObject({
      pointer: '/version',
      message: 'must be a string, found a number',
    });
    expect(schema.validate('text')[0]?.message).toBe('must be an object, found a string');
  });

  it('points at a property name that breaks propertyNames or a pattern-only object, once', async () => {
    const schema = await compile({
      's.json': {
        properties: {
          labels: { propertyNames: { pattern: '^[a-z]+$' } },
          extensions: { additionalProperties: false, patternProperties: { '^x-': {} } },
        },
      },
    });
    expect(schema.validate({ labels: { ok: 1, Bad: 2 } })).toEqual([
      expect.objectContaining({ pointer: '/labels/Bad', target: 'key', message: 'the name `Bad` must match the pattern `^[a-z]+$`' }),
    ]);
    expect(schema.validate({ extensions: { 'x-a': 1, y: 1 } })).toEqual([
      expect.objectContaining({ pointer: '/extensions/y', target: 'key', message: '`y` is not allowed here; allowed: names matching `^x-`' }),
    ]);
  });

  it('escapes property names in pointers (RFC 6901)', async () => {
    const schema = await compile({ 's.json': { additionalProperties: false, required: ['a/b'] } });
    expect(schema.validate({ 'c~d': 1 }).map((issue) => issue.pointer)).toEqual(['/a~1b', '/c~0d']);
  });

  it('reports the deepest issue first and each issue once', async () => {
    const schema = await compile({
      's.json': {
        type: 'object',
        required: ['name'],
        properties: { services: { type: 'object', additionalProperties: { type: 'object', properties: { ports: { type: 'array', items: { type: 'integer' } } } } } },
      },
    });
    const issues = schema.validate({ services: { web: { ports: ['80', 443, '8080'] } } });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/services/web/ports/0', '/services/web/ports/2', '/name']);
  });

  it('explains a failed oneOf with the alternative that got furthest', async () => {
    const schema = await compile({
      's.json': {
        definitions: {
          short: { type: 'string', pattern: '^\\d+(:\\d+)?$' },
          long: {
            type: 'object',
            additionalProperties: false,
            required: ['target'],
            properties: { target: { type: 'integer' }, protocol: { enum: ['tcp', 'udp'] } },
          },
        },
        type: 'array',
        items: { oneOf: [{ type: 'number' }, { $ref: '#/definitions/short' }, { $ref: '#/definitions/long' }] },
      },
    });
    expect(schema.validate([80, '80:80', { target: 80 }])).toEqual([]);

    const long = schema.validate([{ target: 80, protocol: 'sctp' }]);
    expect(long[0]).toMatchObject({ pointer: '/0/protocol', message: 'must be one of `tcp`, `udp`, found `sctp`' });
    expect(long.map((issue) => issue.keyword)).toEqual(['enum', 'oneOf']);

    const short = schema.validate(['80:eighty']);
    expect(short.map((issue) => issue.keyword)).toEqual(['pattern', 'oneOf']);
    expect(short[1]?.message).toBe('does not match any of the allowed forms');
  });

  it('says when a oneOf matches more than one alternative', async () => {
    const schema = await compile({ 's.json': { oneOf: [{ type: 'integer' }, { minimum: 0 }] } });
    expect(schema.validate(5)).toEqual([
      expect.objectContaining({ keyword: 'oneOf', message: 'must match exactly one of the allowed forms, but matches 2 of them' }),
    ]);
  });

  it('reports a cyclic document (recursive YAML aliases) as an issue instead of crashing', async () => {
    const schema = await compile({ 's.json': { type: 'object', properties: { self: { $ref: '#' } } } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(schema.validate(cyclic)[0]).toMatchObject({ pointer: '', keyword: 'schema' });
    expect(schema.validate(cyclic)[0]?.message).toMatch(/^cannot be validated/);
  });

  it('validates many documents with one compiled schema', async () => {
    const schema = await compile(files);
    const documents = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? { storage: 'x' } : { storage: 'sqlite', version: `${i}` }));
    const failing = documents.filter((document) => schema.validate(document).length > 0);
    expect(failing).toHaveLength(20);
  });
});

describe('parseRefMap', () => {
  it('reads one mapping a line, skipping blank lines and comments', () => {
    expect(parseRefMap('\nhttps://json.schemastore.org/=src/schemas/json/\n\n# vendored\nhttps://example.com/s=./vendor\n')).toEqual([
      { prefix: 'https://json.schemastore.org/', dir: 'src/schemas/json/' },
      { prefix: 'https://example.com/s', dir: 'vendor/' },
    ]);
  });

  it.each([
    ['no equals sign', 'https://example.com/schemas/ vendor/'],
    ['no URL', '=vendor/'],
    ['a relative prefix', 'schemas/=vendor/'],
    ['no directory', 'https://example.com/='],
    ['a directory outside the repository', 'https://example.com/=../elsewhere/'],
  ])('refuses a line with %s, naming it', (_what, line) => {
    let error: unknown;
    try {
      parseRefMap(`https://ok.example/=ok/\n${line}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain('line 2');
    expect((error as GateError).message).toContain(line.split('=')[0] ?? line);
  });
});

describe('workspaceSource', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads files under the directory and answers undefined for missing ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'compat-gate-schema-'));
    dirs.push(root);
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas/s.json'), '{"type": "string"}');
    const source = workspaceSource(root);
    expect(source.label).toBe('the PR checkout');
    expect((await source.read('schemas/s.json'))?.toString()).toBe('{"type": "string"}');
    expect(await source.read('schemas/none.json')).toBeUndefined();
    const schema = await compileSchema('schemas/s.json', source, defaults);
    expect(schema.validate(1)[0]?.message).toBe('must be a string, found a number');
  });

  it('reads each file once: the bytes compiled are the bytes compared and diffed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'compat-gate-schema-'));
    dirs.push(root);
    writeFileSync(join(root, 's.json'), '{"type": "string"}');
    const source = workspaceSource(root);
    const first = await source.read('s.json');
    writeFileSync(join(root, 's.json'), '{"type": "number"}');
    expect((await source.read('s.json'))?.toString()).toBe('{"type": "string"}');
    expect(await source.read('s.json')).toBe(first);
    expect((await workspaceSource(root).read('s.json'))?.toString()).toBe('{"type": "number"}');
  });

  it('refuses paths that escape the directory, through .. or a symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'compat-gate-outside-'));
    const root = mkdtempSync(join(tmpdir(), 'compat-gate-schema-'));
    dirs.push(outside, root);
    writeFileSync(join(outside, 'secret.json'), '{}');
    symlinkSync(join(outside, 'secret.json'), join(root, 'link.json'));
    const source = workspaceSource(root, 'the PR checkout');
    await expect(source.read('../x/secret.json')).rejects.toThrow(GateError);
    await expect(source.read('link.json')).rejects.toThrow(/outside the PR checkout/);
  });
});

describe('the meta-schema check, shared by every schema of a run', () => {
  it('refuses an invalid schema with the same message whether it is the first schema compiled or a later one, formats on or off', async () => {
    for (const checkFormats of [true, false]) {
      const first = await gateError(compile({ 'bad.json': { type: 'nonsense', minLength: -1 } }, { checkFormats }));
      await compile({ 'ok.json': { type: 'object', properties: { a: { type: 'string', pattern: '^a' } } } }, { checkFormats });
      const later = await gateError(compile({ 'bad.json': { type: 'nonsense', minLength: -1 } }, { checkFormats }));
      expect(later.message).toBe(first.message);
      expect(first.message).toContain('bad.json');
      expect(first.message).toContain('not a valid draft-07 JSON Schema');
    }
  });

  it('checks each draft against its own meta-schema, whether `$schema` names it or another draft compiles first', async () => {
    const drafts: Array<[string, string]> = [
      ['http://json-schema.org/draft-04/schema#', 'draft-04'],
      ['http://json-schema.org/draft-06/schema#', 'draft-06'],
      ['http://json-schema.org/draft-07/schema#', 'draft-07'],
      ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
      ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ];
    for (const [uri, draft] of drafts) {
      const valid = await compile({ 's.json': { $schema: uri, type: 'object', required: ['a'] } });
      expect(valid.draft).toBe(draft);
      expect(valid.validate({})[0]?.keyword).toBe('required');
      const error = await gateError(compile({ 's.json': { $schema: uri, type: 'object', required: 'a' } }));
      expect(error.message).toContain(`not a valid ${draft} JSON Schema`);
    }
  });

  it('still checks a referenced file that names another meta-schema with the compiling instance', async () => {
    const schema = await compile({
      'root.json': { properties: { a: { $ref: 'part.json' } } },
      'part.json': { $schema: 'https://example.com/my-meta', type: 'string' },
    });
    expect(schema.validate({ a: 1 })[0]?.pointer).toBe('/a');
  });
});
