import { describe, expect, it } from 'vitest';
import { formatsToTry, locate, readConfig, type ReadOptions } from '../../src/configs/parse/index.js';

const OPTIONS: ReadOptions = { yamlVersion: '1.2' };

function read(text: string, path = 'pyproject.toml', options: ReadOptions = OPTIONS) {
  return readConfig(path, Buffer.from(text), options);
}

function value(text: string): unknown {
  const result = read(text);
  if (!result.ok) throw new Error(result.message);
  return result.documents[0];
}

describe('TOML: values as JSON Schema sees them', () => {
  it.each([
    ['strings of the four kinds', 'a = "x\\ty"\nb = \'C:\\\\n\'\nc = """\nl1\nl2"""\nd = \'\'\'raw\\n\'\'\'', { a: 'x\ty', b: 'C:\\\\n', c: 'l1\nl2', d: 'raw\\n' }],
    ['integers in every base, floats, booleans', 'a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = -3.5e2\nf = true', { a: 31, b: 15, c: 5, d: 1000, e: -350, f: true }],
    ['tables, dotted keys, arrays of tables', '[tool.poetry]\nname = "x"\nsite."google.com" = true\n[[bin]]\nname = "a"\n[[bin]]\nname = "b"', { tool: { poetry: { name: 'x', site: { 'google.com': true } } }, bin: [{ name: 'a' }, { name: 'b' }] }],
    ['inline tables and nested arrays', 'a = { b = 1, c = { d = [1, [2, 3]] } }', { a: { b: 1, c: { d: [1, [2, 3]] } } }],
    ['an empty file as an empty table', '', {}],
    ['an integer past 2^53 that a number holds exactly', 'a = 1152921504606846976\nb = -9007199254740992', { a: 2 ** 60, b: -(2 ** 53) }],
  ])('%s', (_name, text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each([
    ['offset date-time in UTC', 'd = 1979-05-27T07:32:00Z', '1979-05-27T07:32:00Z'],
    ['offset date-time with an offset and a fraction (kept to the millisecond)', 'd = 1979-05-27T00:32:00.999999-07:00', '1979-05-27T00:32:00.999-07:00'],
    ['offset date-time written with a space', 'd = 1979-05-27 07:32:00+01:30', '1979-05-27T07:32:00+01:30'],
    ['local date-time', 'd = 1979-05-27T07:32:00', '1979-05-27T07:32:00'],
    ['local date', 'd = 1979-05-27', '1979-05-27'],
    ['local time', 'd = 07:32:00', '07:32:00'],
    ['local time with a fraction', 'd = 00:32:00.5', '00:32:00.500'],
  ])('a %s becomes a string', (_name, text, expected) => {
    expect(value(text)).toEqual({ d: expected });
  });

  it('keeps nan and inf as numbers, and __proto__ as an own key', () => {
    const read = value('a = nan\nb = -inf\nc = +inf\n"__proto__" = 1') as Record<string, unknown>;
    expect(read.a).toBeNaN();
    expect(read.b).toBe(-Infinity);
    expect(read.c).toBe(Infinity);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(['a', 'b', 'c', '__proto__']);
  });

  it('refuses an integer a JSON number cannot hold, saying where, instead of rounding it', () => {
    expect(read('[package]\nname = "x"\n[package.limits]\nmax = 9007199254740993\n')).toEqual({
      ok: false,
      message: 'integer at /package/limits/max is too large to be checked exactly: JSON numbers hold integers up to ±2^53 (9007199254740992)',
      position: { line: 4, column: 7 },
    });
    // No BigInt ever reaches the validator or JSON.stringify.
    expect(() => JSON.stringify(read('a = 9223372036854775807'))).not.toThrow();
  });
});

describe('TOML: errors with line and column', () => {
  it.each([
    ['a value missing', 'a = 1\nb = = 2\n', 'invalid value', { line: 2, column: 5 }],
    ['a key defined twice', '[a]\nb = 1\n\n[a]\nc = 2\n', 'trying to redefine an already defined table or value', { line: 4, column: 2 }],
    ['a line without =', 'name = "x"\nversion\n', undefined, { line: 2 }],
    ['an unterminated string', 'a = "abc\n', undefined, { line: 1 }],
    ['a bad escape after a non-ASCII key', '"é" = "\\q"\n', 'unrecognised escape sequence', { line: 1, column: 9 }],
  ])('%s', (_name, text, detail, position) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^not valid TOML: /);
    expect(result.position).toMatchObject(position);
    if (detail) expect(result.detail).toContain(detail);
  });
});

describe('TOML: positions of a JSON pointer', () => {
  const pyproject = [
    '# a comment [not.a.table]', // 1
    '[project]', // 2
    'name = "demo"', // 3
    'dependencies = [', // 4
    '  "requests>=2", # first', // 5
    '  "click",', // 6
    ']', // 7
    'urls.homepage = "https://example.org"', // 8
    'readme = """', // 9
    '[fake.header]', // 10
    'x = 1"""', // 11
    '', // 12
    '[tool.ruff]', // 13
    'line-length = 88', // 14
    'lint = { select = ["E", "F"], per-file = { "a.py" = ["E1"] } }', // 15
    '', // 16
    '[[tool.poetry.source]]', // 17
    'name = "first"', // 18
    '[[tool.poetry.source]]', // 19
    "'name' = \"second\"", // 20
    '[tool.poetry.source.auth]', // 21
    'token = "t"', // 22
    '[tool."quoted.key"]', // 23
    'when = 1979-05-27 07:32:00Z # a date with a space', // 24
  ].join('\n');
  const content = Buffer.from(pyproject);

  it.each([
    ['/project/name', 'value', 3, 8],
    ['/project/name', 'key', 3, 1],
    ['/project/dependencies/1', 'value', 6, 3],
    ['/project/urls/homepage', 'value', 8, 17],
    ['/project/urls', 'key', 8, 1],
    ['/project', 'key', 2, 1],
    ['/project/readme', 'value', 9, 10],
    ['/tool/ruff/line-length', 'value', 14, 15],
    ['/tool/ruff/lint/select/1', 'value', 15, 25],
    ['/tool/ruff/lint/per-file/a.py/0', 'value', 15, 54],
    ['/tool/poetry/source/0/name', 'value', 18, 8],
    ['/tool/poetry/source/1/name', 'key', 20, 1],
    ['/tool/poetry/source/1', 'value', 19, 1],
    ['/tool/poetry/source/1/auth/token', 'value', 22, 9],
    ['/tool/quoted.key/when', 'value', 24, 8],
    // A missing property: the deepest part that exists, by its name.
    ['/tool/ruff/missing', 'value', 13, 1],
    ['/project/dependencies/5', 'value', 4, 1],
    ['', 'value', 1, 1],
  ] as const)('%s (%s) is on line %i, column %i', (pointer, target, line, column) => {
    expect(read(pyproject).ok).toBe(true);
    expect(locate('pyproject.toml', content, OPTIONS, 0, pointer, target)).toEqual({ line, column });
  });

  it('never places a pointer inside a multi-line string that looks like a table', () => {
    expect(locate('pyproject.toml', content, OPTIONS, 0, '/fake/header')).toEqual({ line: 1, column: 1 });
  });

  it('counts CRLF lines and gives no position for a document that does not exist', () => {
    const crlf = Buffer.from('[a]\r\nb = 1\r\n[c]\r\nd = { e = 2 }\r\n');
    expect(read(crlf.toString()).ok).toBe(true);
    expect(locate('c.toml', crlf, OPTIONS, 0, '/c/d/e')).toEqual({ line: 4, column: 11 });
    expect(locate('c.toml', crlf, OPTIONS, 1, '/c')).toBeUndefined();
  });
});

describe('TOML: picking the format and hardening', () => {
  it('goes by the .toml extension, and tries TOML last for a file of unknown format', () => {
    expect(formatsToTry('Cargo.TOML', 'a: 1')).toEqual(['toml']);
    expect(formatsToTry('config', 'a = 1')).toEqual(['yaml', 'toml']);
    // JSON and YAML both fail on `[server]` then `port = 8080`: TOML reads it.
    expect(readConfig('config', Buffer.from('[server]\nport = 8080\n'), OPTIONS)).toEqual({ ok: true, documents: [{ server: { port: 8080 } }] });
    // YAML reads `key = value` lines as one plain string, which no config is: TOML wins.
    expect(readConfig('config', Buffer.from('name = "x"\n\n[a]\nb = 1\n'), OPTIONS)).toEqual({ ok: true, documents: [{ name: 'x', a: { b: 1 } }] });
    // Every other YAML or JSON file is read as before, even when it is also TOML.
    expect(readConfig('config', Buffer.from('"a = 1"\n'), OPTIONS)).toEqual({ ok: true, documents: ['a = 1'] });
    expect(readConfig('config', Buffer.from('[1, 2]\n'), OPTIONS)).toEqual({ ok: true, documents: [[1, 2]] });
    expect(readConfig('config', Buffer.from('a: 1\n'), OPTIONS)).toEqual({ ok: true, documents: [{ a: 1 }] });
    expect(readConfig('config', Buffer.from('just words\n'), OPTIONS)).toEqual({ ok: true, documents: ['just words'] });
    // When nothing reads it, the first format's error is the file's.
    const neither = readConfig('config', Buffer.from('x = 1\n[a]\nc: 2\n'), OPTIONS);
    expect(neither.ok === false && neither.message).toMatch(/^not valid YAML/);
    // A .toml file is TOML only, even when it is valid YAML.
    const yaml = read('a: 1\n');
    expect(yaml.ok === false && yaml.message).toMatch(/^not valid TOML/);
  });

  it('refuses nesting deeper than the limit, through inline values, headers and dotted keys', () => {
    const limit: ReadOptions = { ...OPTIONS, maxDepth: 10 };
    for (const text of ['a = ' + '['.repeat(11) + ']'.repeat(11), 'a = ' + '{b = '.repeat(11) + '1' + '}'.repeat(11), '[' + Array(12).fill('k').join('.') + ']', Array(12).fill('k').join('.') + ' = 1']) {
      expect(read(text, 'deep.toml', limit)).toMatchObject({ ok: false, message: 'nested too deeply (more than 10 levels)' });
    }
    expect(read('a = ' + '['.repeat(20_000) + ']'.repeat(20_000))).toMatchObject({ ok: false, message: 'nested too deeply (more than 1000 levels)' });
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(read('a = "' + 'x'.repeat(2000) + '"', 'big.toml', { ...OPTIONS, maxBytes: 1024 })).toMatchObject({ ok: false, message: expect.stringMatching(/^too large to read/) });
  });

  it('ignores a UTF-8 BOM and counts positions after it', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[a]\nb = 1\n')]);
    expect(readConfig('a.toml', bom, OPTIONS)).toEqual({ ok: true, documents: [{ a: { b: 1 } }] });
    expect(locate('a.toml', bom, OPTIONS, 0, '/a/b')).toEqual({ line: 2, column: 5 });
  });

  it('refuses UTF-16, which TOML does not allow, saying so', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a = 1\n', 'utf16le')]);
    expect(readConfig('a.toml', utf16, OPTIONS)).toEqual({ ok: false, message: 'not valid TOML: a TOML file must be UTF-8, and this one is UTF-16; save it as UTF-8' });
    // By content, UTF-16 text is still tried as YAML, never as TOML.
    expect(formatsToTry('config', 'a = 1')).toContain('toml');
    expect(readConfig('config', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name = "x"\n\n[a]\nb = 1\n', 'utf16le')]), OPTIONS)).toEqual({ ok: true, documents: ['name = "x"\n[a] b = 1'] });
  });
});
