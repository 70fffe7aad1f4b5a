import { describe, expect, it } from 'vitest';
import { MAX_SCHEMA_NESTING_DEPTH, readSchemaFile, type SchemaSource } from '../../src/checks/schema-refs.js';
import { formatsToTry, locate, readConfig, type ReadOptions } from '../../src/configs/parse/index.js';
import { GateError } from '../../src/errors.js';

const YAML_1_2: ReadOptions = { yamlVersion: '1.2' };

describe('the parse module: picking the format', () => {
  it('goes by extension, then by content: JSON-looking text is tried as JSON, then as YAML', () => {
    expect(formatsToTry('a.yml', '{"a": 1}')).toEqual(['yaml']);
    expect(formatsToTry('a.JSON', 'a: 1')).toEqual(['json']);
    expect(formatsToTry('config', '  [1]')).toEqual(['json', 'yaml', 'toml']);
    expect(formatsToTry('config', 'a: 1')).toEqual(['yaml', 'toml']);
    expect(formatsToTry('dir.json/config', 'a: 1')).toEqual(['yaml', 'toml']);
  });

  it('reads an extension-less file as the first format that parses it, and gives the first one\'s error when none does', () => {
    expect(readConfig('config', Buffer.from('{"a": 1}'), YAML_1_2)).toEqual({ ok: true, documents: [{ a: 1 }] });
    expect(readConfig('config', Buffer.from('{a: 1}'), YAML_1_2)).toEqual({ ok: true, documents: [{ a: 1 }] });
    const neither = readConfig('config', Buffer.from('{"a": 1'), YAML_1_2);
    expect(neither).toEqual({ ok: false, message: "not valid JSON: expected '}'", position: { line: 1, column: 8 }, detail: 'close brace expected' });
  });
});

describe('the parse module: positions on demand', () => {
  it('locates in the format the file was read as, the same Buffer read once and located many times', () => {
    const content = Buffer.from('{a: [1, 2],\n b: {c: 3}}');
    expect(readConfig('config', content, YAML_1_2).ok).toBe(true);
    expect(locate('config', content, YAML_1_2, 0, '/a/1')).toEqual({ line: 1, column: 9 });
    expect(locate('config', content, YAML_1_2, 0, '/b/c', 'key')).toEqual({ line: 2, column: 6 });
    expect(locate('config', content, YAML_1_2, 1, '/a')).toBeUndefined();
  });

  it('locates after a BOM and in UTF-16 as the user sees the file', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a:\n  b: 1\n', 'utf16le')]);
    expect(readConfig('a.yaml', utf16, YAML_1_2)).toEqual({ ok: true, documents: [{ a: { b: 1 } }] });
    expect(locate('a.yaml', utf16, YAML_1_2, 0, '/a/b')).toEqual({ line: 2, column: 6 });
  });

  it('is undefined for a file whose bytes are not text', () => {
    const binary = Buffer.from([0x7b, 0x00, 0x7d]);
    expect(readConfig('a.json', binary, YAML_1_2)).toEqual({ ok: false, message: 'binary file (it contains NUL bytes), not a YAML or JSON config' });
    expect(locate('a.json', binary, YAML_1_2, 0, '')).toBeUndefined();
  });

  it('re-reads when the same bytes are located under other options', () => {
    const content = Buffer.from('on: 1\nyes: 2\n');
    expect(locate('a.yaml', content, YAML_1_2, 0, '/yes')).toEqual({ line: 2, column: 6 });
    // In YAML 1.1 `yes` is the key "true".
    expect(locate('a.yaml', content, { yamlVersion: '1.1' }, 0, '/true')).toEqual({ line: 2, column: 6 });
  });
});

describe('schema files go through the same reader, with its hardening', () => {
  const sourceOf = (files: Record<string, Buffer | string>): SchemaSource => ({
    label: 'the PR checkout',
    read: async (path) => {
      const file = files[path];
      return typeof file === 'string' ? Buffer.from(file) : file;
    },
  });
  const readError = (path: string, content: Buffer | string) =>
    readSchemaFile(path, sourceOf({ [path]: content })).then(
      () => undefined,
      (error: unknown) => error,
    );

  it('reads a schema saved as UTF-16 with a BOM, and one with a UTF-8 BOM', async () => {
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"type": "object"}', 'utf16le').swap16()]);
    expect(await readSchemaFile('s.json', sourceOf({ 's.json': utf16be }))).toEqual({ type: 'object' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('type: string\n')]);
    expect(await readSchemaFile('s.yaml', sourceOf({ 's.yaml': bom }))).toEqual({ type: 'string' });
  });

  it('refuses a schema nested deeper than the bound, naming the file', async () => {
    const nest = (levels: number) => `{"allOf": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
    // The root object, then `allOf`'s array and the arrays in it.
    expect(await readSchemaFile('s.json', sourceOf({ 's.json': nest(MAX_SCHEMA_NESTING_DEPTH - 1) }))).toHaveProperty('allOf');
    const error = await readError('s.json', nest(MAX_SCHEMA_NESTING_DEPTH));
    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toBe(
      `Schema file s.json in the PR checkout cannot be parsed: it nests too deeply (more than ${MAX_SCHEMA_NESTING_DEPTH} levels).`,
    );
    const yaml = await readError('s.yaml', `allOf:\n  - ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
    expect((yaml as GateError).message).toMatch(/^Schema file s\.yaml in the PR checkout cannot be parsed( at line 2)?: it nests too deeply \(more than 2000 levels\)\.$/);
  });

  it('refuses a YAML schema whose aliases expand exponentially', async () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 8; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const error = await readError('s.yaml', `${levels.join('\n')}\n`);
    expect((error as GateError).message).toMatch(/^Schema file s\.yaml in the PR checkout cannot be parsed: its aliases expand to too many values/);
  });

  it('refuses bytes that are not text, saying where', async () => {
    expect(((await readError('s.json', Buffer.from([0x7b, 0x0a, 0xc3, 0x28, 0x7d]))) as GateError).message).toBe(
      'Schema file s.json in the PR checkout cannot be parsed at line 2: not valid UTF-8 text; save the file as UTF-8.',
    );
    expect(((await readError('s.json', Buffer.from([0x7b, 0x00, 0x7d]))) as GateError).message).toBe(
      'Schema file s.json in the PR checkout cannot be parsed: binary file (it contains NUL bytes), not a YAML or JSON config.',
    );
  });

  it('keeps a `__proto__` property of a JSON schema with comments as a property', async () => {
    const schema = await readSchemaFile('s.json', sourceOf({ 's.json': '{"properties": {"__proto__": {"type": "string"}}, // note\n}' }));
    expect(Object.keys((schema as { properties: object }).properties)).toEqual(['__proto__']);
  });

  it('still refuses a schema file of several YAML documents', async () => {
    expect(((await readError('s.yaml', 'type: object\n---\ntype: string\n')) as GateError).message).toBe(
      'Schema file s.yaml in the PR checkout cannot be parsed at line 1: it holds 2 YAML documents; a schema file holds one.',
    );
  });
});
