import { describe, it, expect } from 'vitest';
import { escapePointerToken, locate, parsePointer, pointerOf } from '../../src/configs/parse/index.js';
import type { ReadOptions } from '../../src/configs/parse/index.js';

const YAML_1_2: ReadOptions = { yamlVersion: '1.2' };

function at(path: string, text: string | Buffer, pointer: string, target: 'value' | 'key' = 'value', documentIndex = 0, options = YAML_1_2) {
  return locate(path, typeof text === 'string' ? Buffer.from(text) : text, options, documentIndex, pointer, target);
}

const RUN_YAML = [
  '# a distribution', //           1
  'server:', //                    2
  '  host: example.org', //        3
  '  ports:', //                   4
  '    - 80', //                   5
  '    - 443', //                  6
  '  "a/b": slash', //             7
  '  "m~n": tilde', //             8
  'defaults: &defaults', //        9
  '  timeout: 5', //               10
  '  retry: {count: 3}', //        11
  'service:', //                   12
  '  <<: *defaults', //            13
  '  name: api', //                14
  '',
].join('\n');

describe('locate in YAML', () => {
  it('finds nested values of maps and sequences', () => {
    expect(at('run.yaml', RUN_YAML, '/server/host')).toEqual({ line: 3, column: 9 });
    expect(at('run.yaml', RUN_YAML, '/server/ports/1')).toEqual({ line: 6, column: 7 });
  });

  it('gives the start of a block map for the value of its property', () => {
    expect(at('run.yaml', RUN_YAML, '/server')).toEqual({ line: 3, column: 3 });
  });

  it('points at the property name with target "key" (for "property X is not allowed")', () => {
    expect(at('run.yaml', RUN_YAML, '/server', 'key')).toEqual({ line: 2, column: 1 });
    expect(at('run.yaml', RUN_YAML, '/server/host', 'key')).toEqual({ line: 3, column: 3 });
  });

  it('gives the value of an array item for target "key" (items have no name)', () => {
    expect(at('run.yaml', RUN_YAML, '/server/ports/0', 'key')).toEqual({ line: 5, column: 7 });
  });

  it('unescapes ~1 and ~0 in pointer tokens', () => {
    expect(at('run.yaml', RUN_YAML, '/server/a~1b', 'key')).toEqual({ line: 7, column: 3 });
    expect(at('run.yaml', RUN_YAML, '/server/m~0n')).toEqual({ line: 8, column: 10 });
  });

  it('falls back to the deepest property that exists, by its name, for a missing property', () => {
    expect(at('run.yaml', RUN_YAML, '/server/missing')).toEqual({ line: 2, column: 1 });
    expect(at('run.yaml', RUN_YAML, '/server/missing/deeper')).toEqual({ line: 2, column: 1 });
    expect(at('run.yaml', RUN_YAML, '/server/ports/7')).toEqual({ line: 4, column: 3 });
  });

  it('falls back to the document itself when the first token is missing', () => {
    expect(at('run.yaml', RUN_YAML, '/nowhere')).toEqual({ line: 2, column: 1 });
  });

  it('finds a value inherited through a merge key where the anchor defines it', () => {
    expect(at('run.yaml', RUN_YAML, '/service/timeout')).toEqual({ line: 10, column: 12 });
    expect(at('run.yaml', RUN_YAML, '/service/retry/count')).toEqual({ line: 11, column: 18 });
    expect(at('run.yaml', RUN_YAML, '/service/name', 'key')).toEqual({ line: 14, column: 3 });
  });

  it('prefers a map’s own key over a merged one, and the last of duplicate keys', () => {
    const yaml = 'base: &b {x: 1}\nm:\n  x: 2\n  <<: *b\n  x: 3\n';
    expect(at('a.yaml', yaml, '/m/x')).toEqual({ line: 5, column: 6 });
  });

  it('finds values in the document given by index in a multi-document stream', () => {
    const yaml = 'kind: A\n---\nkind: B\nspec: [1, {k: v}]\n';
    expect(at('a.yaml', yaml, '/spec/1/k', 'value', 1)).toEqual({ line: 4, column: 15 });
    expect(at('a.yaml', yaml, '', 'value', 1)).toEqual({ line: 3, column: 1 });
    expect(at('a.yaml', yaml, '/kind', 'value', 2)).toBeUndefined();
  });

  it('matches keys by the name YAML 1.1 gives them (`on` is "true")', () => {
    expect(at('wf.yml', 'name: ci\non: push\n', '/true', 'key', 0, { yamlVersion: '1.1' })).toEqual({ line: 2, column: 1 });
  });

  it('counts lines and columns as the user sees the file: after a BOM, in characters', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\nb: {é𝄞: x, k: v}\n')]);
    expect(at('a.yaml', bom, '/a')).toEqual({ line: 1, column: 4 });
    expect(at('a.yaml', bom, '/b/k')).toEqual({ line: 2, column: 15 });
  });

  it('gives line 1, column 1 for the null document of an empty file', () => {
    expect(at('a.yaml', '', '')).toEqual({ line: 1, column: 1 });
    expect(at('a.yaml', '', '/required')).toEqual({ line: 1, column: 1 });
  });

  it('is undefined for a file that cannot be parsed or a token that is not a pointer', () => {
    expect(at('a.yaml', Buffer.from([0x61, 0x00]), '')).toBeUndefined();
    expect(at('run.yaml', RUN_YAML, 'server')).toBeUndefined();
  });
});

describe('locate in JSON', () => {
  const JSON_TEXT = '{\n  "a": {"b": [10, 20]},\n  // comment\n  "c/d": true,\n}\n';

  it('finds nested values in JSON with comments and trailing commas', () => {
    expect(at('a.json', JSON_TEXT, '/a/b/1')).toEqual({ line: 2, column: 19 });
    expect(at('a.json', JSON_TEXT, '/c~1d')).toEqual({ line: 4, column: 10 });
  });

  it('points at the property name with target "key"', () => {
    expect(at('a.json', JSON_TEXT, '/a', 'key')).toEqual({ line: 2, column: 3 });
  });

  it('falls back to the deepest property that exists', () => {
    expect(at('a.json', JSON_TEXT, '/a/missing')).toEqual({ line: 2, column: 3 });
    expect(at('a.json', JSON_TEXT, '/missing')).toEqual({ line: 1, column: 1 });
  });

  it('counts a BOM as invisible', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]);
    expect(at('a.json', bom, '/a')).toEqual({ line: 1, column: 7 });
  });

  it('finds the last of duplicate keys, the one JSON.parse keeps', () => {
    expect(at('a.json', '{"a": 1,\n "a": 2}', '/a')).toEqual({ line: 2, column: 7 });
  });

  it('locates an extension-less file by its content, as readConfig reads it', () => {
    expect(at('config', '{"a": [1, 2]}', '/a/1')).toEqual({ line: 1, column: 11 });
    expect(at('config', '{a: [1, 2]}', '/a/1')).toEqual({ line: 1, column: 9 });
  });

  it('has only document 0', () => {
    expect(at('a.json', JSON_TEXT, '', 'value', 1)).toBeUndefined();
  });
});

describe('parsePointer', () => {
  it('reads RFC 6901 pointers, ~1 before ~0', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~01/0')).toEqual(['a/b', '~1', '0']);
    expect(parsePointer('/')).toEqual(['']);
  });

  it('reads the URI fragment form', () => {
    expect(parsePointer('#/a%20b/0')).toEqual(['a b', '0']);
  });

  it('refuses text that is not a pointer', () => {
    expect(parsePointer('a/b')).toBeUndefined();
  });
});

describe('escapePointerToken and pointerOf', () => {
  it('escape ~ before /, so that a token reads back as itself', () => {
    expect(escapePointerToken('a/b')).toBe('a~1b');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(escapePointerToken('angular-eslint/component~x')).toBe('angular-eslint~1component~0x');
    for (const token of ['', 'plain', 'a/b', '~', '~1', '/~0/', '01']) expect(parsePointer(`/${escapePointerToken(token)}`)).toEqual([token]);
  });

  it('join tokens and array indexes into a pointer, the empty list being the whole document', () => {
    expect(pointerOf([])).toBe('');
    expect(pointerOf(['rules', 'a/b', 0])).toBe('/rules/a~1b/0');
    expect(parsePointer(pointerOf(['x~', '', 'y/z']))).toEqual(['x~', '', 'y/z']);
  });
});
