import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MAX_BYTES, MAX_YAML_DOCUMENTS, readConfig, type ReadOptions, type ReadResult } from '../../src/configs/parse/index.js';

const YAML_1_2: ReadOptions = { yamlVersion: '1.2' };
const YAML_1_1: ReadOptions = { yamlVersion: '1.1' };

function read(path: string, content: string | Buffer, options: ReadOptions = YAML_1_2): ReadResult {
  return readConfig(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, options);
}

function documentsOf(result: ReadResult): unknown[] {
  if (!result.ok) throw new Error(`expected the config to be read, got: ${result.message}`);
  return result.documents;
}

function failureOf(result: ReadResult): Extract<ReadResult, { ok: false }> {
  if (result.ok) throw new Error(`expected the config to be refused, got ${JSON.stringify(result.documents).slice(0, 200)}`);
  return result;
}

describe('readConfig: YAML dialects', () => {
  it('reads `on: yes` as strings in YAML 1.2', () => {
    expect(documentsOf(read('a.yaml', 'on: yes\noff: no\n'))).toEqual([{ on: 'yes', off: 'no' }]);
  });

  it('reads `on: yes` as booleans in YAML 1.1, as PyYAML does (the key becomes "true")', () => {
    expect(documentsOf(read('a.yaml', 'on: yes\nenabled: off\n', YAML_1_1))).toEqual([{ true: true, enabled: false }]);
  });

  it('follows PyYAML rather than the 1.1 spec where they differ: y/n stay strings, 1e3 is a string', () => {
    const [doc] = documentsOf(read('a.yaml', 'a: y\nb: n\nc: 1e3\nd: 1.0e+3\ne: 09\n', YAML_1_1));
    expect(doc).toEqual({ a: 'y', b: 'n', c: '1e3', d: 1000, e: '09' });
  });

  it('reads YAML 1.1 octal and sexagesimal numbers as PyYAML does', () => {
    expect(documentsOf(read('a.yaml', 'mode: 0755\nduration: 1:30\n', YAML_1_1))).toEqual([{ mode: 493, duration: 90 }]);
    expect(documentsOf(read('a.yaml', 'mode: 0755\nduration: 1:30\n'))).toEqual([{ mode: 755, duration: '1:30' }]);
  });

  it('keeps timestamps as their text in both dialects (a JSON Schema can only see strings)', () => {
    expect(documentsOf(read('a.yaml', 'released: 2001-12-14\n', YAML_1_1))).toEqual([{ released: '2001-12-14' }]);
    expect(documentsOf(read('a.yaml', 'released: 2001-12-14\n'))).toEqual([{ released: '2001-12-14' }]);
  });

  it.each([YAML_1_1, YAML_1_2])('merges `<<` keys in YAML $yamlVersion, own keys winning over merged ones', (options) => {
    const yaml = ['base: &base {host: a, port: 1}', 'server:', '  port: 2', '  <<: *base', ''].join('\n');
    expect(documentsOf(read('a.yaml', yaml, options))).toEqual([{ base: { host: 'a', port: 1 }, server: { host: 'a', port: 2 } }]);
  });

  it('merges a list of maps with the earlier maps winning, as PyYAML does', () => {
    const yaml = ['a: &a {x: 1, y: 2}', 'b: &b {x: 5, z: 9}', 'c:', '  <<: [*a, *b]', '  w: 0', ''].join('\n');
    expect(documentsOf(read('a.yaml', yaml))[0]).toMatchObject({ c: { x: 1, y: 2, z: 9, w: 0 } });
  });

  it('merges one anchor into hundreds of maps (more than yaml’s default alias limit of 100)', () => {
    const jobs = Array.from({ length: 300 }, (_, i) => `job${i}:\n  <<: *defaults\n  name: j${i}`);
    const result = read('ci.yml', ['defaults: &defaults {image: node, retries: 2}', ...jobs, ''].join('\n'));
    expect(documentsOf(result)[0]).toMatchObject({ job299: { image: 'node', retries: 2, name: 'j299' } });
  });

  it('keeps the last of duplicate keys, as PyYAML does', () => {
    expect(documentsOf(read('a.yaml', 'a: 1\nb: 2\na: 3\n'))).toEqual([{ a: 3, b: 2 }]);
  });

  it('refuses unknown tags (Compose’s !reset, CloudFormation’s !Ref) as PyYAML’s safe_load does', () => {
    const result = read('a.yaml', 'x: 1\ny: !Ref Bucket\n');
    expect(result).toMatchObject({ ok: false, position: { line: 2 } });
    expect(!result.ok && result.message).toContain('!Ref');
  });

  it('keeps a `__proto__` key as a property instead of changing the prototype', () => {
    const [doc] = documentsOf(read('a.yaml', '__proto__: {polluted: true}\n'));
    expect(Object.keys(doc as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readConfig: documents', () => {
  it('gives each document of a multi-document stream', () => {
    expect(documentsOf(read('k8s.yaml', 'kind: A\n---\nkind: B\n---\n- 1\n'))).toEqual([{ kind: 'A' }, { kind: 'B' }, [1]]);
  });

  it('reads an empty file as one null document, as PyYAML’s safe_load', () => {
    expect(documentsOf(read('a.yaml', ''))).toEqual([null]);
    expect(documentsOf(read('a.yml', '# nothing here yet\n'))).toEqual([null]);
  });

  it('reads an empty document inside a stream as null', () => {
    expect(documentsOf(read('a.yaml', '---\n---\na: 1\n'))).toEqual([null, { a: 1 }]);
  });

  it('ignores a UTF-8 byte-order mark', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(documentsOf(read('a.yaml', Buffer.concat([bom, Buffer.from('a: 1\n')])))).toEqual([{ a: 1 }]);
    expect(documentsOf(read('a.json', Buffer.concat([bom, Buffer.from('{"a": 1}')])))).toEqual([{ a: 1 }]);
  });

  it('reads UTF-16 text that starts with its byte-order mark (as PowerShell writes it)', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: café\n', 'utf16le')]);
    const big = Buffer.from(Buffer.concat([Buffer.from('\ufeffname: café\n', 'utf16le')])).swap16();
    expect(documentsOf(read('a.yaml', little))).toEqual([{ name: 'café' }]);
    expect(documentsOf(read('a.yaml', big))).toEqual([{ name: 'café' }]);
  });

  it('refuses a stream of more documents than the limit', () => {
    const failure = failureOf(read('a.yaml', '---\n'.repeat(MAX_YAML_DOCUMENTS + 1)));
    expect(failure.message).toContain(`more than ${MAX_YAML_DOCUMENTS} YAML documents`);
  });
});

describe('readConfig: formats', () => {
  it('reads JSON with comments and trailing commas', () => {
    const json = '{\n  // the port\n  "port": 8080, /* block */\n  "hosts": ["a", "b",],\n}\n';
    expect(documentsOf(read('settings.json', json))).toEqual([{ port: 8080, hosts: ['a', 'b'] }]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const failure = failureOf(read('a.json', '{\n  "a": 1\n  "b": 2\n}\n'));
    expect(failure.message).toBe("not valid JSON: expected ','");
    expect(failure.position).toEqual({ line: 3, column: 3 });
  });

  it('reads `.json` as JSON even when YAML would accept it (a YAML-only flow map is an error)', () => {
    expect(failureOf(read('a.json', '{a: 1}')).message).toMatch(/^not valid JSON/);
  });

  it('recognises extensions case-insensitively', () => {
    expect(documentsOf(read('A.YML', 'on: yes', YAML_1_1))).toEqual([{ true: true }]);
    expect(failureOf(read('A.Json', '{a: 1}')).message).toMatch(/^not valid JSON/);
  });

  it('keeps a `__proto__` key of JSON with comments as a property', () => {
    const [doc] = documentsOf(read('a.json', '{"__proto__": {"polluted": true}, // c\n}'));
    expect(Object.keys(doc as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });

  it('reads an extension-less file that starts with `{` or `[` as JSON', () => {
    expect(documentsOf(read('Configfile', '  {"a": [1, 2], // c\n}'))).toEqual([{ a: [1, 2] }]);
    expect(documentsOf(read('config', '[1, 2]'))).toEqual([[1, 2]]);
  });

  it('falls back to YAML for an extension-less file that starts with `{` but is a YAML flow map', () => {
    expect(documentsOf(read('config', '{a: 1, b: [x, y]}\n'))).toEqual([{ a: 1, b: ['x', 'y'] }]);
  });

  it('reports the JSON error for an extension-less file that is neither JSON nor YAML', () => {
    const failure = failureOf(read('config', '{"a": 1,, }'));
    expect(failure.message).toMatch(/^not valid JSON/);
    expect(failure.position).toEqual({ line: 1, column: 9 });
  });

  it('reads any other extension-less file as YAML (1.1 rules apply)', () => {
    expect(documentsOf(read('.compatrc', 'on: yes\n', YAML_1_1))).toEqual([{ true: true }]);
    expect(documentsOf(read('dir.d/config', 'a: 1\n'))).toEqual([{ a: 1 }]);
  });

  it('reports a YAML syntax error with the first error’s line and column', () => {
    const failure = failureOf(read('a.yaml', 'a: 1\nb: c: d\n'));
    expect(failure.message).toMatch(/^not valid YAML: /);
    expect(failure.position).toEqual({ line: 2, column: 4 });
  });

  it('reports an alias with no anchor as invalid YAML', () => {
    expect(failureOf(read('a.yaml', 'a: *nowhere\n')).message).toMatch(/^not valid YAML: .*nowhere/);
  });
});

describe('readConfig: bytes that are not text', () => {
  it('refuses a binary file', () => {
    expect(failureOf(read('a.yaml', Buffer.from([0x61, 0x3a, 0x00, 0x01]))).message).toMatch(/^binary file/);
  });

  it('refuses invalid UTF-8 and says where the bad byte is', () => {
    const content = Buffer.concat([Buffer.from('a: 1\nb: é'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const failure = failureOf(read('a.yaml', content));
    expect(failure.message).toMatch(/not valid UTF-8/);
    expect(failure.position).toEqual({ line: 2, column: 5 });
  });

  it('refuses overlong and surrogate UTF-8 encodings', () => {
    expect(failureOf(read('a.yaml', Buffer.from([0x61, 0xc0, 0xaf]))).message).toMatch(/not valid UTF-8/);
    expect(failureOf(read('a.yaml', Buffer.from([0x61, 0xed, 0xa0, 0x80]))).message).toMatch(/not valid UTF-8/);
  });

  it('refuses a file over the size limit, saying its size and the limit', () => {
    const failure = failureOf(read('a.yaml', Buffer.alloc(3000, 0x20), { yamlVersion: '1.2', maxBytes: 2048 }));
    expect(failure.message).toBe('too large to read: 2.9 KiB, over the limit of 2 KiB');
  });

  it('has a 10 MiB default size limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(10 * 1024 * 1024);
    const failure = failureOf(read('a.yaml', Buffer.alloc(DEFAULT_MAX_BYTES + 1, 0x20)));
    expect(failure.message).toContain('over the limit of 10 MiB');
  });
});

describe('readConfig: hostile input', () => {
  function billionLaughs(levels: number): string {
    const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    return lines.join('\n');
  }

  it('refuses an alias bomb ("billion laughs") quickly, saying why', () => {
    const started = performance.now();
    const failure = failureOf(read('bomb.yaml', billionLaughs(10)));
    expect(failure.message).toMatch(/alias bomb/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses one huge anchor referenced thousands of times', () => {
    const yaml = `big: &big [${Array(20_000).fill('x').join(',')}]\nrefs: [${Array(1000).fill('*big').join(',')}]\n`;
    expect(failureOf(read('a.yaml', yaml)).message).toMatch(/alias bomb/);
  });

  it('still reads a few levels of shared aliases', () => {
    const [doc] = documentsOf(read('ok.yaml', billionLaughs(3)));
    expect((doc as { l2: string[][][] }).l2[8]?.[8]?.[8]).toBe('lol');
  });

  it('refuses an alias that contains itself', () => {
    expect(failureOf(read('a.yaml', 'a: &a {b: *a}\n')).message).toMatch(/contains it/);
  });

  it.each([
    ['5,000-deep YAML flow sequences', 'deep.yaml', '['.repeat(5000) + ']'.repeat(5000)],
    ['5,000-deep YAML flow mappings', 'deep.yaml', '{a: '.repeat(5000) + '1' + '}'.repeat(5000)],
    ['5,000-deep YAML compact block sequences', 'deep.yaml', '- '.repeat(5000) + 'x\n'],
    ['2,000-deep YAML block mappings (5,000 would pass the size limit)', 'deep.yaml', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'],
    ['5,000-deep JSON arrays', 'deep.json', '['.repeat(5000) + ']'.repeat(5000)],
    ['5,000-deep JSON with a comment', 'deep.json', '// c\n' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
    ['5,000-deep extension-less JSON', 'deep', '['.repeat(5000) + ']'.repeat(5000)],
  ])('refuses %s without throwing', (_kind, path, text) => {
    expect(failureOf(read(path, text)).message).toMatch(/nested too deeply/);
  });

  it('reads realistic depths: 300-deep YAML and 900-deep JSON', () => {
    expect(read('a.yaml', '['.repeat(300) + ']'.repeat(300)).ok).toBe(true);
    expect(read('a.yaml', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n').ok).toBe(true);
    expect(read('a.json', '['.repeat(900) + ']'.repeat(900)).ok).toBe(true);
  });

  it('refuses a 10 MiB file of open brackets quickly (yaml alone would take minutes and gigabytes)', () => {
    const started = performance.now();
    expect(failureOf(read('a.yaml', '['.repeat(DEFAULT_MAX_BYTES))).message).toMatch(/nested too deeply/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('a.yaml', 'a.json', 'a'), (bytes, path) => {
        const result = readConfig(path, Buffer.from(bytes), YAML_1_1);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on YAML-like text built from its special characters', () => {
    const piece = fc.constantFrom('a', ': ', '- ', '\n', '  ', '[', ']', '{', '}', ',', '&a ', '*a', '<<: ', '!t ', '"', "'", '#', '---\n', '? ', '|', '>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom<ReadOptions>(YAML_1_1, YAML_1_2), (pieces, options) => {
        const result = readConfig('a.yaml', Buffer.from(pieces.join('')), options);
        if (result.ok) expect(Array.isArray(result.documents)).toBe(true);
        else expect(result.message).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
