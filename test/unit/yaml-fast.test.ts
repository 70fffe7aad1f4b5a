import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringify, type ToStringOptions } from 'yaml';
import { readConfig } from '../../src/configs/parse/index.js';
import { parseYamlFast, scanYamlText } from '../../src/configs/parse/yaml-fast.js';
import { aliasBomb, deepBlockYaml, deepFlowYaml, mergeKeyBomb } from '../fixtures/hostile/files.js';

/** The slow reader's documents, or undefined when it refuses the text. */
function slow(text: string): unknown[] | undefined {
  const result = readConfig('config.yaml', Buffer.from(text, 'utf8'), { yamlVersion: '1.2', fastPath: false });
  return result.ok ? result.documents : undefined;
}

/** Deep equality with Object.is for numbers (-0, NaN) and the same key order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

interface Comparison {
  /** The fast path read the text (rather than deferring). */
  fast: boolean;
  /** Both paths agree: the fast values equal the slow ones, or the fast path deferred. */
  agree: boolean;
  detail: string;
}

function compare(text: string): Comparison {
  const fast = parseYamlFast(text, '1.2');
  if (fast === undefined) return { fast: false, agree: true, detail: '' };
  const reference = slow(text);
  const agree = reference !== undefined && sameValue(fast, reference);
  return { fast: true, agree, detail: agree ? '' : `${JSON.stringify(text)}\nfast: ${show(fast)}\nslow: ${show(reference)}` };
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `<${Object.is(v, -0) ? '-0' : String(v)}>` : v));
}

function expectAgreement(texts: Iterable<string>): { read: number; total: number } {
  let read = 0;
  let total = 0;
  const disagreements: string[] = [];
  for (const text of texts) {
    total++;
    const result = compare(text);
    if (result.fast) read++;
    if (!result.agree) disagreements.push(result.detail);
  }
  expect(disagreements.slice(0, 5)).toEqual([]);
  return { read, total };
}

function yamlFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/i.test(name)) files.push(path);
  }
  return files;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** The compose-go corpus, kept in the repository like every fixture: tests read nothing outside it. */
const COMPOSE_GO = join(FIXTURES, 'compose-go');

/** Where js-yaml and a YAML 1.2 core reading differ, or js-yaml accepts what yaml refuses. */
const TRICKY = [
  'a: 1\nb: -0\nc: +0\nd: 0x1F\ne: +0x1F\nf: -0x1F\ng: 0o17\nh: +0o7\ni: -0o7\nj: 0b101\n',
  'a: .5\nb: -.5\nc: -.0\nd: +.5\ne: 1.\nf: 1e400\ng: -1e400\nh: 1e-400\ni: 1.0e+3\nj: 1_000\nk: 1E3\n',
  'a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: +.nan\nh: inf\ni: nan\n',
  'a: 99999999999999999999\nb: 0777\nc: 0123\nd: 00\ne: 0x\nf: 0o\n',
  'a: true\nb: True\nc: TRUE\nd: tRue\ne: yes\nf: on\ng: off\nh: y\n',
  'a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nUll\n',
  'released: 2001-12-14\nat: 2001-12-14t21:59:43.10-05:00\n',
  'null: 1\n', '~: 1\n', 'Null: x\n', '"null": 1\n', "'': 1\n", ': 1\n', '? a\n: 1\n', '? [a]\n: 1\n',
  '[a, b]: c\n', '{a: 1}: c\n', '1: a\n1.0: b\n0x10: c\n.inf: d\ntrue: e\n-0: f\n',
  'a: !!str 1\n', 'a: !!binary aGVsbG8=\n', '!!set {a, b}\n', '!!omap [a: 1]\n', 'a: !!timestamp 2001-12-14\n', 'a: !Ref b\n', 'a: !reset\n',
  '%YAML 1.2\n---\na: 1\n', '%TAG ! tag:example.com,2000:\n---\na: 1\n',
  'key: "value"# comment\n', "key: 'value'# comment\n", 'key: value# not a comment\n', 'key: value #comment\n',
  '--- key: v\n', '---word1\nword2\n', '--- # comment\na: 1\n', '--- |\n  text\n', '...\n', 'a: 1\n...\n---\nb: 2\n...\n',
  'a:\n\t- b\n', 'a: "x\n\ty"\n', 'a: "line one\n  line two"\n', "a: 'line one\n\n  line two'\n",
  'a: [1, 2,\n  3]\n', 'a: {b: 1,\n  c: 2}\n', 'a: [1, [2, [3]]]\nb: {c: {d: [e, f]}}\n', '[a, b]\n', '{a: 1, b: [2]}\n',
  'a: |\n\n  text\n', 'a: >\n\n  folded\n', 'a: |\n  text\n\n  more\n\nb: 1\n', 'a: |-\n  x\nb: >+\n  y\n\nc: 1\n', 'a: |2\n    indented\n',
  '- |\n  x\n- >\n  y\n   z\n  w\n', 'a:\n  - b: |\n      t\n    c: 2\n',
  'a: &x 1\nb: &y &z 2\n', 'a: &x 1\nb: *x\n', 'a: &x {p: 1}\nb: *x\nc: *x\n', '*x : 1\n', 'a: &x [1]\n*x : 2\n', 'a: *unknown\n', 'a: &a [*a]\n',
  'base: &base {host: a, port: 1}\nserver:\n  port: 2\n  <<: *base\n', 'a: &a {x: 1, y: 2}\nb: &b {x: 5, z: 9}\nc:\n  <<: [*a, *b]\n  w: 0\n',
  'a: {x: 1}\nb:\n  <<: {x: 2}\n  x: 3\n', 'a:\n  x: 1\n  <<: {x: 2, y: 3}\n', 'a:\n  "<<": {x: 1}\n', "a:\n  '<<': 1\n", 'a:\n  <<: 1\n', 'a: <<\n',
  'a: 1\na: 2\nb: 3\na: 4\n', '__proto__: 1\n', '__proto__: {polluted: 1}\nb: 2\n', 'constructor: 1\ntoString: 2\n',
  '', '\n', '# only a comment\n', '---\n', '---\n---\n', '---\n...\n', 'a\n', '"a"\n', '- \n-\n- ~\n',
  'a: b: c\n', 'a:\n  b\n c\n', 'a: 1\n b: 2\n', '- a\nb: 1\n', 'a: [\n', 'a: "unterminated\n', 'a: b\n  c: d\n',
  'a: plain\n  continued\n  - dash\n', 'a: text\n  # not a comment?\n', 'a: @x\n', 'a: `x\n', 'a: %x\n', 'a: -x\nb: - x\nc: -\n',
  'a: "\\x41\\u0042\\U00000043\\N\\_\\L\\P\\/\\t\\0\\e\\a"\n', "a: 'it''s'\n", 'a: "\\q"\n',
  'k: v\r\nl: w\r\n', 'k: v\rl: w\n', 'a: "\u00e9\ud83d\ude00"\nb: \u00e9\n', 'a: \u0085x\n', 'a: x\u2028y\n', 'a: \u0007\n',
  'a: b:c\nd: e :f\ng: [h:i]\nj: {k:l}\nm: {n: o:p}\n', 'a: [a:, b]\n', 'a: {b, c: }\n', 'a: [b: c, d]\n', '[a]\n[b]\n', '{"a":1,"b":[true,null]}\n',
  'a:   \n  b\n', 'a:\n- b\n- c\n', '- - a\n  - b\n- - c\n', '-   a: 1\n    b: 2\n', 'a: -1\nb: - -1\n',
  '- >+\n  a\n  ', '- |\n  a\n  ', 'a: |+\n  a\n\n', 'a: >-\n  a\n   ', 'a<<: &b a: \n', 'a: &a b: c\n', '&a \n    *a', '&b \r\n&b ', 'a: &x *y\n', '--- \u2028', '---\u00a0\n', '- a: 1\n  b: 2\n- c: 3\n',
  `${'- '.repeat(120)}x\n`, `${'['.repeat(150)}${']'.repeat(150)}\n`, deepBlockYaml(150),
];

describe('parseYamlFast gives the slow reader’s values or defers', () => {
  it('reads plain configs (numbers, -0, NaN, merge keys, last-wins duplicates, empty files) as the slow reader does', () => {
    const text = 'a: 1\nb: -0\nc: .nan\nd: 1e400\nbase: &b {x: 1}\ne:\n  <<: *b\n  y: 2\nf: 1\nf: 2\n';
    const fast = parseYamlFast(text, '1.2');
    expect(fast).toBeDefined();
    const [doc] = fast as [Record<string, unknown>];
    expect(Object.is(doc.b, -0)).toBe(true);
    expect(doc.c).toBeNaN();
    expect(doc.d).toBe(Number.POSITIVE_INFINITY);
    expect(doc.e).toEqual({ x: 1, y: 2 });
    expect(doc.f).toBe(2);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'c', 'd', 'base', 'e', 'f']);
    expect(parseYamlFast('', '1.2')).toEqual([null]);
    expect(parseYamlFast('# nothing\n', '1.2')).toEqual([null]);
    expect(parseYamlFast('---\n---\na: 1\n', '1.2')).toEqual([null, { a: 1 }]);
    expect(compare(text).agree).toBe(true);
  });

  it('keeps the YAML 1.2 core reading where js-yaml’s own schemas differ', () => {
    expect(parseYamlFast('a: 0b101\nb: +0x1F\nc: -0o7\nd: -.5\ne: 2001-12-14\nf: 0o17\ng: 0x1F\n', '1.2')).toEqual([
      { a: '0b101', b: '+0x1F', c: '-0o7', d: -0.5, e: '2001-12-14', f: 15, g: 31 },
    ]);
  });

  it.each([
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a ? key', '? a\n: 1\n'],
    ['a null key', 'null: 1\n'],
    ['an empty key', ': 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a # glued to a quoted scalar', 'key: "value"# comment\n'],
    ['content on a document marker line', '--- key: v\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a flow collection as a key', '[a]: b\n'],
    ['a block scalar starting with a blank line', 'a: |\n\n  x\n'],
    ['two anchors on a node', 'a: &x &y 1\n'],
    ['an alias as a key', 'a: &x k\n*x : 1\n'],
    ['a recursive alias', 'a: &a [*a]\n'],
    ['nesting deeper than js-yaml’s limit', deepFlowYaml(150) + ']'.repeat(150)],
    ['an alias bomb', aliasBomb()],
    ['a merge-key bomb', mergeKeyBomb()],
    ['invalid YAML', 'a: b: c\n'],
  ])('defers on %s', (_name, text) => {
    expect(parseYamlFast(text, '1.2')).toBeUndefined();
  });

  it('defers on YAML 1.1 (PyYAML’s resolver is read the slow way)', () => {
    expect(parseYamlFast('a: 1\n', '1.1')).toBeUndefined();
  });

  it('counts anchors and aliases at node starts only (not `&&` in a command or `*` in a glob)', () => {
    expect(scanYamlText('run: a && b\nfiles: "*.js"\nglob: src/**/x\n')).toEqual({ anchors: 0, aliases: 0 });
    expect(scanYamlText('a: &x 1\nb: *x\nc: [*x, *x]\n')).toEqual({ anchors: 1, aliases: 3 });
  });

  it('agrees with the slow reader on tricky snippets', () => {
    const { read, total } = expectAgreement(TRICKY);
    // The guard must not defer on everything: most snippets are still read fast.
    expect(read).toBeGreaterThan(total / 3);
  });

  it('agrees with the slow reader on every YAML fixture and the compose-go corpus, and reads most of them', () => {
    const files = yamlFilesUnder(FIXTURES);
    expect(yamlFilesUnder(COMPOSE_GO).length).toBeGreaterThan(200);
    expect(files.length).toBeGreaterThan(200);
    const texts = files.map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const { read, total } = expectAgreement(texts);
    expect(read).toBeGreaterThan(total / 2);
  });

  it('gives readConfig the same answer with and without the fast path, failures and multi-document files included', () => {
    const files = yamlFilesUnder(FIXTURES);
    const inputs = [...TRICKY.map((text) => Buffer.from(text, 'utf8')), ...files.map((file) => readFileSync(file))];
    for (const bytes of inputs) {
      const withFast = readConfig('config.yaml', bytes, { yamlVersion: '1.2' });
      const slowOnly = readConfig('config.yaml', bytes, { yamlVersion: '1.2', fastPath: false });
      expect(withFast.ok).toBe(slowOnly.ok);
      if (withFast.ok && slowOnly.ok) expect(sameValue(withFast.documents, slowOnly.documents)).toBe(true);
      else expect(withFast).toEqual(slowOnly);
    }
  });

  it('refuses the same nesting with and without the fast path, at and around the depth limits', () => {
    const nested = (levels: number, flow: boolean) =>
      flow ? `${'['.repeat(levels)}1${']'.repeat(levels)}\n` : `${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    for (const maxDepth of [undefined, 5, 60, 99, 100, 101]) {
      for (const levels of [4, 5, 6, 59, 60, 61, 62, 98, 99, 100, 101, 102]) {
        for (const flow of [false, true]) {
          const bytes = Buffer.from(nested(levels, flow), 'utf8');
          const options = { yamlVersion: '1.2' as const, ...(maxDepth !== undefined ? { maxDepth } : {}) };
          const withFast = readConfig('config.yaml', bytes, options);
          const slowOnly = readConfig('config.yaml', bytes, { ...options, fastPath: false });
          expect(withFast.ok, `${levels} levels, maxDepth ${maxDepth}, ${flow ? 'flow' : 'block'}`).toBe(slowOnly.ok);
          if (!withFast.ok && !slowOnly.ok) expect(withFast.message).toBe(slowOnly.message);
        }
      }
    }
  });

  it('agrees on every prefix and line-drop of the tricky snippets and fixtures (broken and truncated files)', () => {
    const sources = [...TRICKY, ...yamlFilesUnder(FIXTURES).map((file) => readFileSync(file, 'utf8'))].filter((t) => t.length < 4000);
    const variants: string[] = [];
    for (const text of sources) {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        variants.push(lines.slice(0, i).join('\n'));
        variants.push([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
        variants.push([...lines.slice(0, i), ` ${lines[i]}`, ...lines.slice(i + 1)].join('\n'));
      }
    }
    expectAgreement(variants);
  });

  it('skips runs of plain lines only where the line-by-line scan finds nothing to note (fuzz and fixtures)', () => {
    const same = (text: string): void => {
      expect(scanYamlText(text), JSON.stringify(text)).toEqual(scanYamlText(text, { lineByLine: true }));
    };
    for (const file of yamlFilesUnder(FIXTURES)) same(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    for (const text of TRICKY) same(text);
    // Lines that are plain, lines that look plain but are not, and lines that change the scan's
    // state for the next one (block scalars, empty items, anchors at the end, document markers).
    const line = fc.constantFrom(
      'a: 1', 'key: value', 'k: v # c', '# comment', '   # indented comment', '', '   ', 'url: mysql://h:5432/db', 'p: /api/{id}', 'q: "3.1"',
      "r: 'x'", 't: [a, b-1, v2.0]', 'u: []', 'w: {}', '- name: x', '- - k: v', '  nested: yes', '    deeper:', 'x: a b  c',
      'h: a: b', 'h: a:', 'k:#c', 'k: v#c', 'k: "v"#c', "k: 'it''s'", 'k: "a\\"b"', 'k: [a,', 'k: [a, ]', 'k: [a b]', 'k: [a]: b',
      'k: |', 'k: >-', '  block line', '', '-', '- ', '  -', 'k: &a', 'k: &a v', 'k: *a', '&a k: v', '*a', '---', '--- k: v', '...',
      '%YAML 1.2', '? k', ': v', '!t k: v', 'k: !t v', 'k: -1', 'k: .5', 'k: ~', '<<: *a', 'k:  v', 'k: v  ', ' k: v', '  - k: v',
      'k: a\u2028b', 'k: é', 'k: a,b', 'k: {a: 1}', 'k: @x', 'k: `x`', 'k: %x', 'k: x:y:z', 'k: x: y',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, endsWithBreak) => {
        same(lines.join('\n') + (endsWithBreak ? '\n' : ''));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 13) },
    );
  });

  it('skips plain lines in time linear in the line: a megabyte of spaces before a non-plain character', () => {
    // A regular expression that could split a run of spaces two ways would take minutes here.
    for (const tail of ['x', '"', '&a', '- ', 'k: v #', 'k: [a,', 'k:   ']) {
      const text = `a: 1\n${' '.repeat(1 << 20)}${tail}\n${'k: v\n'.repeat(3)}`;
      expect(scanYamlText(text)).toEqual(scanYamlText(text, { lineByLine: true }));
    }
    const manyLines = `a: 1\n${`${' '.repeat(20_000)}x\n`.repeat(50)}`;
    expect(scanYamlText(manyLines)).toEqual(scanYamlText(manyLines, { lineByLine: true }));
  });

  it('agrees on generated YAML-ish texts (fuzz)', () => {
    const token = fc.constantFrom(
      'a', 'b', 'key', ' ', '  ', '\n', '\n  ', '\n    ', ': ', ':', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ', ', ',',
      '|', '>', '|-', '>+', '&a ', '*a', '&b ', '*b', '<<: ', '<<', '---', '...', '!', '?', '~', 'null', 'true', 'TRUE', 'yes',
      '0', '-0', '1', '0x1F', '0o7', '+1', '.5', '-.5', '1e3', '1e400', '.inf', '-.inf', '.nan', '1_000', '2001-12-14', '\\', '\\n',
      'é', '\u2028', '%', '@', '`', '=', '\r\n', '\t',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const result = compare(tokens.join(''));
        if (!result.agree) throw new Error(result.detail);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 13) },
    );
  });

  it('agrees on generated values dumped by yaml in many styles (fuzz)', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', ' ', 'null', '~', 'true', 'yes', '0x1F', '0o7', '-0', '.5', '1e3', '#x', 'a: b', '- x', '<<', 'line\nbreak', ' lead', 'trail ', '"', "'"),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('a', 'b', '<<', 'on', '1', 'true', 'x y', '-', '#'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 5 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
    }));
    const style = fc.record({
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
      minContentWidth: fc.constantFrom(0, 20),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'BLOCK_FOLDED', 'BLOCK_LITERAL', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      doubleQuotedAsJSON: fc.boolean(),
      directives: fc.constantFrom(false, null),
    }) as fc.Arbitrary<ToStringOptions>;
    let read = 0;
    fc.assert(
      fc.property(tree, style, (value, options) => {
        const text = stringify(value, options);
        const result = compare(text);
        if (result.fast) read++;
        if (!result.agree) throw new Error(result.detail);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 13) },
    );
    expect(read).toBeGreaterThan(500);
  });
});
