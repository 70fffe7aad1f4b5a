/**
 * Text that came from a pull request (config paths, YAML values, loader output, titles) made
 * safe to show people: nothing invisible, nothing that reorders what is read, nothing a terminal
 * executes, and, in markdown, nothing that notifies anyone. Pure: every renderer uses it.
 */

/**
 * Characters that are never shown raw: controls (C0, DEL, C1), format characters (bidi
 * embeddings, overrides and isolates, zero-width joiners and spaces, the BOM, tag characters,
 * U+061C…), line and paragraph separators, lone surrogates, and the Hangul fillers that render
 * as blank letters. A bidi override in a path makes `gnp.exe` read as `exe.png`.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;

/** The same characters, except the line feed. */
const HIDDEN_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;

/** `<U+202E>`: the notation of the Unicode standard, readable where the character was. */
function escaped(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text with every hidden character (see above) shown as `<U+XXXX>`. With `newlines`, line
 * breaks stay (`\r\n` becomes `\n`; a lone `\r`, which lets a terminal overwrite a line, does not).
 */
export function visible(text: string, options: { newlines?: boolean } = {}): string {
  if (options.newlines) return text.replace(/\r\n/g, '\n').replace(HIDDEN_BUT_NEWLINE, escaped);
  return text.replace(HIDDEN, escaped);
}

/** Whether `visible` would change the text. */
export function hasHidden(text: string): boolean {
  return new RegExp(HIDDEN.source, 'u').test(text);
}

/**
 * Breaks what GitHub would turn into a notification or a cross-reference in markdown:
 * `@user`, `@org/team` (a mention notifies on every edit of a comment) and `#123`,
 * `owner/repo#123` (a reference adds an entry to that timeline). A zero-width space
 * goes in after the `@` or `#`, written as the entity `&#8203;` so that the markdown itself
 * holds no invisible character: the text still reads `@mallory`, and is not a link.
 * Code spans are left alone: GitHub links nothing inside them, and an entity there would show
 * as written. Commit shas are left to autolink: a link to a commit notifies no one.
 * Give it markdown whose `&` are already escaped (`markdownText` does it), or an entity
 * (`&#64;`, `&commat;`) would still make an `@`.
 */
export function noMentions(markdown: string): string {
  return splitCodeSpans(markdown)
    .map((part) => (part.code ? part.text : breakMentions(part.text)))
    .join('');
}

function breakMentions(text: string, references = true): string {
  return text.replace(references ? /@(?=[\p{L}\p{N}_])|#(?=\p{N})/gu : /@(?=[\p{L}\p{N}_])/gu, '$&&#8203;');
}

/**
 * Untrusted text as markdown that shows it as it is: hidden characters shown, `&`, `<`, `>`
 * escaped (no HTML, no entity that spells an `@`), mentions and issue references broken.
 * Code spans stay code spans, untouched: entities show as written there. `references: false`
 * keeps `#123` a link, for text only the job summary shows (a summary adds nothing to an
 * issue's timeline, and its notes name the PR by number).
 */
export function markdownText(text: string, options: { references?: boolean } = {}): string {
  return splitCodeSpans(visible(text))
    .map((part) => (part.code ? part.text : breakMentions(part.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), options.references ?? true)))
    .join('');
}

/**
 * The text split at CommonMark code spans (6.1): a run of n backticks opens a span that the
 * next run of exactly n backticks closes; a run that nothing closes is literal text.
 */
export function splitCodeSpans(text: string): Array<{ text: string; code: boolean }> {
  const parts: Array<{ text: string; code: boolean }> = [];
  const push = (piece: string, code: boolean) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.code === code) last.text += piece;
    else parts.push({ text: piece, code });
  };
  let at = 0;
  let plainFrom = 0;
  while (at < text.length) {
    if (text[at] !== '`' || (at > 0 && text[at - 1] === '\\' && !isEscaped(text, at - 1))) {
      at++;
      continue;
    }
    let end = at;
    while (text[end] === '`') end++;
    const run = end - at;
    const close = closingRun(text, end, run);
    if (close === -1) {
      at = end;
      continue;
    }
    push(text.slice(plainFrom, at), false);
    push(text.slice(at, close + run), true);
    at = plainFrom = close + run;
  }
  push(text.slice(plainFrom), false);
  return parts;
}

function closingRun(text: string, from: number, run: number): number {
  let at = from;
  while (at < text.length) {
    if (text[at] !== '`') {
      at++;
      continue;
    }
    let end = at;
    while (text[end] === '`') end++;
    if (end - at === run) return at;
    at = end;
  }
  return -1;
}

/** Whether the backslash at `index` is itself escaped by an odd number of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  for (let at = index - 1; at >= 0 && text[at] === '\\'; at--) count++;
  return count % 2 === 1;
}

/**
 * JSON for a machine, safe on a terminal: the data stays exactly as it is (a parser reads the
 * same strings back), but the characters `visible` hides are written as `\uXXXX` escapes, so
 * no C1 control or bidi override reaches a terminal or an editor raw.
 */
export function safeJson(value: unknown, indent = 2): string {
  // JSON.stringify already escapes C0 controls and lone surrogates; the rest it leaves raw.
  return JSON.stringify(value, null, indent).replace(HIDDEN_BUT_NEWLINE, (char) =>
    Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}
