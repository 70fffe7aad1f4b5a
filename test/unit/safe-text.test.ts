import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, inlineCode } from '../../src/reports/markdown.js';
import { markdownText, noMentions, safeJson, splitCodeSpans, visible } from '../../src/reports/safe-text.js';

/** What GitHub links as a mention: `@` after a non-word character, then a login or org/team. */
const LIVE_MENTION = /(?:^|[^\w`])@[a-z0-9][a-z0-9-]*/i;
/** An issue reference: `#` then digits. */
const LIVE_REFERENCE = /(?<!&)#\d/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

describe('visible', () => {
  it.each([
    ['right-to-left override', 'conf/\u202Egnp.exe', 'conf/<U+202E>gnp.exe'],
    ['bidi isolates and marks', 'a\u2066b\u2069c\u200Ed\u200Fe\u061Cf', 'a<U+2066>b<U+2069>c<U+200E>d<U+200F>e<U+061C>f'],
    ['zero-width characters and the BOM', 'x\u200By\u200Cz\u200D\u2060\uFEFF', 'x<U+200B>y<U+200C>z<U+200D><U+2060><U+FEFF>'],
    ['a terminal escape sequence', 'a\u001b[2Jb', 'a<U+001B>[2Jb'],
    ['a window-title sequence', '\u001b]0;owned\u0007', '<U+001B>]0;owned<U+0007>'],
    ['a C1 control sequence introducer', 'a\u009b2Jb', 'a<U+009B>2Jb'],
    ['DEL, tab and carriage return', 'a\u007fb\tc\rd', 'a<U+007F>b<U+0009>c<U+000D>d'],
    ['a line feed on one line', 'a\nb', 'a<U+000A>b'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a<U+2028>b<U+2029>c'],
    ['an astral tag character', 'a\u{E0041}b', 'a<U+E0041>b'],
    ['a lone surrogate', 'a\uD800b', 'a<U+D800>b'],
    ['a Hangul filler that renders blank', 'a\u3164b', 'a<U+3164>b'],
    ['plain text, accents, emoji and CJK', 'café/設定/🚀 run.yaml', 'café/設定/🚀 run.yaml'],
  ])('escapes %s', (_name, input, output) => {
    expect(visible(input)).toBe(output);
  });

  it('keeps line feeds when asked, normalising CRLF, but never a lone carriage return', () => {
    expect(visible('a\r\nb\nc\rd', { newlines: true })).toBe('a\nb\nc<U+000D>d');
  });

  it('never leaves a bidi, zero-width or control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, newlines) => {
        const out = visible(text, { newlines });
        expect(out).not.toMatch(BIDI);
        expect(out).not.toMatch(ZERO_WIDTH);
        expect(out).not.toMatch(CONTROL);
        if (!newlines) expect(out).not.toContain('\n');
      }),
      { numRuns: 500 },
    );
  });
});

describe('mentions and references in markdown', () => {
  it.each([
    ['a user', 'cc @mallory', 'cc @&#8203;mallory'],
    ['a team', 'cc @acme/maintainers and @mallory', 'cc @&#8203;acme/maintainers and @&#8203;mallory'],
    ['a mention at the start', '@mallory hi', '@&#8203;mallory hi'],
    ['an issue reference', 'fixes #123 and acme/x#7', 'fixes #&#8203;123 and acme/x#&#8203;7'],
    ['a mention inside a code span (GitHub links none there)', 'use `@mallory` here', 'use `@mallory` here'],
    ['a mention after an unclosed backtick', 'a ` @mallory', 'a ` @&#8203;mallory'],
    ['a mention after an escaped backtick', 'a \\`@mallory`', 'a \\`@&#8203;mallory`'],
    ['an email address', 'mail a@b.org', 'mail a@&#8203;b.org'],
    ['an @ before a non-name', 'at @ 5 or @-x', 'at @ 5 or @-x'],
  ])('breaks %s', (_name, input, output) => {
    expect(noMentions(input)).toBe(output);
  });

  it.each([
    ['an entity that spells @', '&#64;mallory &commat;mallory', '&amp;#&#8203;64;mallory &amp;commat;mallory'],
    ['HTML', '<img src=x onerror=1>', '&lt;img src=x onerror=1&gt;'],
    ['a bidi override outside and inside code', '\u202Ea `\u202Eb`', '&lt;U+202E&gt;a `<U+202E>b`'],
  ])('shows %s as text', (_name, input, output) => {
    expect(markdownText(input)).toBe(output);
  });

  it('keeps issue references for text only the job summary shows, still breaking mentions', () => {
    expect(markdownText('Commits of PR #31 come from git; cc @mallory', { references: false })).toBe('Commits of PR #31 come from git; cc @&#8203;mallory');
  });

  it('splits text at code spans as CommonMark does', () => {
    expect(splitCodeSpans('a ``b ` c`` d `e')).toEqual([
      { text: 'a ', code: false },
      { text: '``b ` c``', code: true },
      { text: ' d `e', code: false },
    ]);
  });

  it('never leaves a live mention, reference, bidi or control character in a table cell', () => {
    const hostile = fc.constantFrom('@', '#', '`', '\\', '&', '<', '|', '\u202E', '\u200B', '\u001b', '\u009b', '\n', 'm', '1', ' ', '/');
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }), (pieces) => {
        const out = cell(pieces.join(''));
        // Outside code spans, as GitHub sees it; inside them nothing is linked.
        for (const part of splitCodeSpans(out)) {
          if (part.code) continue;
          expect(part.text).not.toMatch(LIVE_MENTION);
          expect(part.text).not.toMatch(LIVE_REFERENCE);
          expect(part.text).not.toMatch(/<|>/);
        }
        expect(out).not.toMatch(BIDI);
        expect(out).not.toMatch(ZERO_WIDTH);
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toContain('\n');
      }),
      { numRuns: 1000 },
    );
  });

  it('shows bidi and control characters inside inline code too', () => {
    expect(inlineCode('conf/\u202Egnp.exe')).toBe('`conf/<U+202E>gnp.exe`');
    expect(inlineCode('\u001b[2J')).toBe('`<U+001B>[2J`');
  });
});

describe('safeJson', () => {
  it('keeps the data as it is while writing hidden characters as escapes', () => {
    const value = { path: 'a\u202Eb\u009b\u2028\u{E0041}\u001b\uD800', n: 1 };
    const text = safeJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('a\\u202eb\\u009b\\u2028\\udb40\\udc41\\u001b\\ud800');
    expect(text).not.toMatch(BIDI);
    expect(text).not.toMatch(CONTROL);
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = safeJson({ text });
        expect(JSON.parse(out)).toEqual({ text });
        expect(out.replace(/\n/g, '')).not.toMatch(CONTROL);
        expect(out).not.toMatch(BIDI);
      }),
      { numRuns: 500 },
    );
  });
});
