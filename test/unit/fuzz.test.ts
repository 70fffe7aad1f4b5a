// Property-based tests (fast-check) of the two parsers that read what strangers write: the
// config reader, which must answer for any bytes, and the acknowledgement rules, checked
// against a reference model written from the Conventional Commits 1.0.0 grammar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate, readConfig, type ReadOptions, type ReadResult } from '../../src/configs/parse/index.js';
import type { PullRequestCommit } from '../../src/refs/pull-request.js';
import { acknowledge, breakingChange, isBreakingHeader, type AckReason } from '../../src/verdict/acknowledgement.js';

const OPTIONS: ReadOptions[] = [{ yamlVersion: '1.2' }, { yamlVersion: '1.1' }, { yamlVersion: '1.2', maxBytes: 512 }];
const PATHS = ['c.yaml', 'c.YML', 'c.json', 'c.conf', 'dir.d/c', 'c'];

/** What every answer of readConfig must look like, whatever it was given. */
function expectWellFormed(result: ReadResult): void {
  if (result.ok) {
    expect(Array.isArray(result.documents)).toBe(true);
    expect(result.documents.length).toBeGreaterThan(0);
    return;
  }
  expect(typeof result.message).toBe('string');
  expect(result.message.trim()).not.toBe('');
  // A message for a person, not a stack.
  expect(result.message).not.toMatch(/\n\s+at /);
  if (result.position) {
    expect(result.position.line).toBeGreaterThanOrEqual(1);
    expect(result.position.column).toBeGreaterThanOrEqual(1);
  }
}

/** Reads, checks the answer, and locates a few pointers in what was read: none of it may throw. */
function readAndLocate(path: string, content: Buffer, options: ReadOptions, pointers: string[] = ['', '/a', '/0/a', '/a~1b/0']): void {
  const result = readConfig(path, content, options);
  expectWellFormed(result);
  if (!result.ok) return;
  for (let document = 0; document < Math.min(result.documents.length, 3); document++) {
    for (const pointer of pointers) {
      const position = locate(path, content, options, document, pointer, document % 2 === 0 ? 'value' : 'key');
      if (position) expect(position.line).toBeGreaterThanOrEqual(1);
    }
  }
}

const options = fc.constantFrom(...OPTIONS);
const path = fc.constantFrom(...PATHS);

/** Pieces of YAML and JSON syntax, so that generated text gets deep into the parsers. */
const syntax = fc.constantFrom(
  'a', 'b', ': ', ':', '- ', '-', '\n', '\r\n', '  ', '\t', '[', ']', '{', '}', ',', '&a ', '&b ', '*a', '*b', '<<: ', '<<',
  '!t ', '!!str ', '!!map ', '!!binary ', '!!python/object ', '"', "'", '\\', '#', '---\n', '...\n', '? ', '|', '>-', '%YAML 1.1\n',
  '%TAG ! tag:x,2024:\n', '0x1F', '1e3', '.inf', 'yes', 'on', '~', 'null', '2024-01-01', '"\\u00e9"', '"\\ud800"', '@', '`', '\u00a0', '\ufeff',
  '\u2028', '日本', '\0', '/*', '*/', '//', '"a": ', 'true', '1.', '-0',
);
const syntaxText = fc.array(syntax, { maxLength: 120 }).map((pieces) => pieces.join(''));

/** Structures that hurt parsers: deep nesting, alias chains, many documents, long scalars. */
const hostileText = fc.oneof(
  fc.tuple(fc.constantFrom('[', '{"a":', '{a: ', '- ', 'a:\n '), fc.integer({ min: 0, max: 4_000 })).map(([open, depth]) => open.repeat(depth)),
  fc.integer({ min: 1, max: 4_000 }).map((depth) => Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k:`).join('\n')),
  fc.integer({ min: 1, max: 20 }).map((levels) =>
    ['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n'),
  ),
  fc.integer({ min: 1, max: 30 }).map((levels) =>
    ['m0: &m0 {x: 1}', ...Array.from({ length: levels }, (_, i) => `m${i + 1}: &m${i + 1} {<<: [*m${i}, *m${i}], y${i}: *m${i}}`)].join('\n'),
  ),
  fc.integer({ min: 1, max: 12_000 }).map((documents) => '---\na: 1\n'.repeat(documents)),
  fc.constantFrom('a: &a [*a]', 'a: &a {b: *a}', '&a [*a, *a]', '*unknown', '&a a: *a'),
);

describe('readConfig on arbitrary input', () => {
  it('answers ok or a message, never throwing, for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_000 }), path, options, (bytes, file, opts) => {
        readAndLocate(file, Buffer.from(bytes), opts);
      }),
      { numRuns: 600 },
    );
  });

  it('answers ok or a message for arbitrary Unicode text, with and without a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), path, options, (text, bom, file, opts) => {
        readAndLocate(file, Buffer.from(`${bom ? '\ufeff' : ''}${text}`), opts);
      }),
      { numRuns: 600 },
    );
  });

  it('answers ok or a message for text made of YAML and JSON syntax, and locates any pointer in what it read', () => {
    const pointer = fc.array(fc.constantFrom('a', 'b', '0', '1', '~0', '~1', '', 'a~1b', '日本'), { maxLength: 4 }).map((tokens) => tokens.map((t) => `/${t}`).join(''));
    fc.assert(
      fc.property(syntaxText, path, options, fc.array(pointer, { maxLength: 4 }), (text, file, opts, pointers) => {
        readAndLocate(file, Buffer.from(text), opts, ['', ...pointers, '#/a', 'not-a-pointer']);
      }),
      { numRuns: 1_500 },
    );
  });

  it('answers hostile structures (deep nesting, alias bombs, merge-key bombs, 12 000 documents) quickly, never throwing', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('c.yaml', 'c.json', 'c'), fc.constantFrom(OPTIONS[0]!, OPTIONS[1]!), (text, file, opts) => {
        const started = Date.now();
        readAndLocate(file, Buffer.from(text), opts);
        expect(Date.now() - started).toBeLessThan(3_000);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file over maxBytes without parsing it, whatever it holds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 513, maxLength: 2_000 }), path, (bytes, file) => {
        const result = readConfig(file, Buffer.from(bytes), { yamlVersion: '1.2', maxBytes: 512 });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/^too large to read: /);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- The reference model: Conventional Commits 1.0.0, read character by character. ----
//
// header  = type [ "(" scope ")" ] "!" ":" SP+ description      (spec rules 1, 4, 5, 13)
// type    = ALPHA *( ALPHA / DIGIT / "-" )                       (a noun; compared case-insensitively)
// scope   = 1*( any but "(" ")" CR LF ), not only whitespace    (a noun in parentheses)
// description starts with a non-whitespace character.
// footer  = ( "BREAKING CHANGE" / "BREAKING-CHANGE" ) ":" SP+ text, starting a line after the
//           subject (rules 11-12, 16: the token is uppercase).
// A title or subject is compared without surrounding whitespace; a footer without trailing whitespace.

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWhitespace = (c: string | undefined): boolean => c !== undefined && c.trim() === '';

/** Index after one or more spaces at `i` followed by a non-whitespace character, or -1. */
function spacesThenText(text: string, i: number): number {
  let j = i;
  while (text[j] === ' ') j++;
  return j > i && j < text.length && !isWhitespace(text[j]) ? j : -1;
}

function modelIsBreakingHeader(title: string): boolean {
  const text = title.trim();
  if (!isAsciiLetter(text[0])) return false;
  let i = 1;
  while (isAsciiLetter(text[i]) || isAsciiDigit(text[i]) || text[i] === '-') i++;
  if (text[i] === '(') {
    let j = i + 1;
    while (j < text.length && !'()\r\n'.includes(text[j]!)) j++;
    if (text[j] !== ')') return false;
    const scope = text.slice(i + 1, j);
    if (scope.trim() === '') return false;
    i = j + 1;
  }
  if (text[i] !== '!' || text[i + 1] !== ':') return false;
  return spacesThenText(text, i + 2) !== -1;
}

/** Lines as git and GitHub show them: LF or CRLF ends a line; a lone CR does not. */
function lines(message: string): string[] {
  const pieces = message.split('\n');
  return pieces.map((piece, index) => (index < pieces.length - 1 && piece.endsWith('\r') ? piece.slice(0, -1) : piece));
}

function modelBreakingChange(message: string): string | undefined {
  const [subject = '', ...rest] = lines(message);
  if (modelIsBreakingHeader(subject)) return subject.trim();
  for (const line of rest) {
    const token = ['BREAKING CHANGE', 'BREAKING-CHANGE'].find((t) => line.startsWith(t));
    if (token === undefined || line[token.length] !== ':') continue;
    if (spacesThenText(line, token.length + 1) !== -1) return line.trimEnd();
  }
  return undefined;
}

function modelAcknowledge(input: { title?: string; labels: string[]; commits: PullRequestCommit[]; ackLabels: string[] }): AckReason[] {
  const reasons: AckReason[] = [];
  if (input.title !== undefined && modelIsBreakingHeader(input.title)) reasons.push({ kind: 'title', title: input.title.trim() });
  for (const commit of input.commits) {
    const text = modelBreakingChange(commit.message);
    if (text !== undefined) reasons.push({ kind: 'commit', sha: commit.sha, text });
  }
  // GitHub compares label names case-insensitively.
  const wanted = input.ackLabels.map((label) => label.trim().toLowerCase()).filter((label) => label !== '');
  for (const label of input.labels) if (wanted.includes(label.trim().toLowerCase())) reasons.push({ kind: 'label', label });
  return reasons;
}

// ---- Generators: titles built from the grammar's parts, right and almost right. ----

/** Mostly a valid part, sometimes one that is almost right: about a quarter of titles are breaking. */
const part = (valid: string[], invalid: string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });

const type = part(
  ['feat', 'fix', 'FEAT', 'Feat', 'chore', 'refactor', 'build-ci', 'x1', 'a', 'my-type2'],
  ['1feat', '-feat', 'fe at', 'feat_x', 'fëat', '', '[WIP] feat', 'fixup! feat', 'Revert "feat'],
);
const scope = part(['', '', '(api)', '(config-loader)', '(api/v2)', '(日本)', '(a b)'], ['()', '( )', '(\t)', '(a(b))', '(api', 'api)', '(a\nb)', '((a)']);
const bang = part(['!'], ['', ' !', '!!', '\t!', '！']);
const colon = part([':'], [' :', '：', '', '::', ';']);
const gap = part([' ', '  '], ['', '\t', '\u00a0', ' \t']);
const description = part(['drop the v1 keys', 'x', '!: y', 'feat!: nested', 'ünïcødé ✓', 'a\nb'], ['', ' ', '\u00a0x']);
const padding = fc.constantFrom('', '', ' ', '\n', '  \t', '\r\n', '\u00a0');

const title = fc
  .tuple(padding, type, scope, bang, colon, gap, description, padding)
  .map((parts) => parts.join(''));
const anyTitle = fc.oneof({ weight: 4, arbitrary: title }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) });

const footerLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('BREAKING CHANGE', 'BREAKING-CHANGE', 'breaking change', 'Breaking Change', 'BREAKING_CHANGE', ' BREAKING CHANGE', 'BREAKING  CHANGE', 'x BREAKING CHANGE'),
      fc.constantFrom(':', ' :', '', '：'),
      fc.constantFrom(' ', '  ', '', '\t'),
      fc.constantFrom('the v1 keys are gone', '', ' ', 'x  '),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('', 'Reviewed-by: A', 'body text', 'Refs: #12', 'this is not a BREAKING CHANGE: really'),
);
const message = fc
  .tuple(anyTitle, fc.array(footerLine, { maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([subject, body, eol]) => [subject, ...body].join(eol));
const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const label = fc.constantFrom('breaking-change', 'Breaking-Change', ' breaking-change ', 'breaking', 'semver-major', 'bug', '');

describe('acknowledgement against the Conventional Commits model', () => {
  it('agrees with the model on whether a generated title is a breaking header', () => {
    fc.assert(
      fc.property(anyTitle, (text) => {
        expect(isBreakingHeader(text), JSON.stringify(text)).toBe(modelIsBreakingHeader(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('generates both sides of the question: breaking and non-breaking titles are common', () => {
    const sample = fc.sample(title, { numRuns: 2_000, seed: 42 });
    const breaking = sample.filter(modelIsBreakingHeader).length;
    expect(breaking).toBeGreaterThan(100);
    expect(sample.length - breaking).toBeGreaterThan(100);
  });

  it('agrees with the model on what in a commit message acknowledges a break', () => {
    fc.assert(
      fc.property(message, (text) => {
        expect(breakingChange(text), JSON.stringify(text)).toBe(modelBreakingChange(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with the model on the reasons to acknowledge, in order, from title, commits and labels', () => {
    fc.assert(
      fc.property(
        fc.option(anyTitle, { nil: undefined }),
        fc.array(fc.record({ sha, message }), { maxLength: 4 }),
        fc.array(label, { maxLength: 3 }),
        fc.array(label, { maxLength: 2 }),
        (prTitle, commits, labels, ackLabels) => {
          const input = { ...(prTitle !== undefined ? { title: prTitle } : {}), labels, commits, ackLabels };
          const expected = modelAcknowledge(input);
          // Near misses are checked below: the model decides what counts, not what almost does.
          const { nearMisses, ...result } = acknowledge(input);
          expect(result).toEqual({ acknowledged: expected.length > 0, reasons: expected });
          // A near miss is never something that counts, and always offers a form that does.
          for (const miss of nearMisses ?? []) {
            if (miss.kind === 'title') {
              expect(isBreakingHeader(miss.text)).toBe(false);
              expect(miss.fix.includes('<description>') || isBreakingHeader(miss.fix)).toBe(true);
            }
            if (miss.kind === 'commit') expect(breakingChange(commits.find((commit) => commit.sha === miss.sha)?.message ?? '')).toBeUndefined();
            if (miss.kind === 'label') {
              expect(ackLabels.map((ack) => ack.trim().toLowerCase())).not.toContain(miss.text.trim().toLowerCase());
              expect(ackLabels.map((ack) => ack.trim())).toContain(miss.fix);
            }
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), (text, labels) => {
        expect(typeof isBreakingHeader(text)).toBe('boolean');
        const found = breakingChange(text);
        expect(found === undefined || typeof found === 'string').toBe(true);
        expect(acknowledge({ title: text, labels, commits: [{ sha: 'a', message: text }], ackLabels: labels }).reasons.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2_000 },
    );
  });
});
