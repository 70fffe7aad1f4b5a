import { describe, expect, it } from 'vitest';
import { formatsToTry, locate, readConfig, type ReadOptions } from '../../src/configs/parse/index.js';

const YAML_1_2: ReadOptions = { yamlVersion: '1.2' };

describe('the parse module: picking the format', () => {
  it('goes by extension, then by content: JSON-looking text is tried as JSON, then as YAML', () => {
    expect(formatsToTry('a.yml', '{"a": 1}')).toEqual(['yaml']);
    expect(formatsToTry('a.JSON', 'a: 1')).toEqual(['json']);
    expect(formatsToTry('config', '  [1]')).toEqual(['json', 'yaml']);
    expect(formatsToTry('config', 'a: 1')).toEqual(['yaml']);
    expect(formatsToTry('dir.json/config', 'a: 1')).toEqual(['yaml']);
  });

  it('reads an extension-less file as the first format that parses it, and gives the first one\'s error when none does', () => {
    expect(readConfig('config', Buffer.from('{"a": 1}'), YAML_1_2)).toEqual({ ok: true, documents: [{ a: 1 }] });
    expect(readConfig('config', Buffer.from('{a: 1}'), YAML_1_2)).toEqual({ ok: true, documents: [{ a: 1 }] });
    const neither = readConfig('config', Buffer.from('{"a": 1'), YAML_1_2);
    expect(neither).toEqual({ ok: false, message: "not valid JSON: expected '}'", position: { line: 1, column: 8 } });
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
