/** Markdown pieces that stay intact whatever the text inside them. */

import { markdownText, visible } from './safe-text.js';
import type { Report } from '../verdict/report.js';

/** Text inside a table cell: no pipe, no newline, no HTML, no mention, nothing hidden. */
export function cell(text: string): string {
  return markdownText(text.replace(/\r?\n|\r/g, ' ')).replace(/\|/g, '\\|');
}

/**
 * Inline code that survives any content: a path may hold backticks, pipes or newlines.
 * The fence is one backtick longer than the longest run inside (CommonMark 6.1).
 */
export function inlineCode(text: string): string {
  // GitHub links no mention inside a code span, but a bidi override there still reorders it.
  const flat = visible(text.replace(/\r?\n|\r/g, '␤'));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`.replace(/\|/g, '\\|');
}

/**
 * A fenced code block that survives any content: the fence is one backtick longer than the
 * longest run inside (at least three), and hidden characters are shown. Nothing in it is
 * markup: no HTML, no mention, no closing `</details>`.
 */
export function codeBlock(text: string, info = 'text'): string {
  const flat = visible(text, { newlines: true });
  const longest = Math.max(2, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${flat}\n${fence}`;
}

/** A link whose text is inline inlineCode, or just the code when there is no URL. */
export function codeLink(text: string, url: string | undefined): string {
  return url ? `[${inlineCode(text)}](${url})` : inlineCode(text);
}

/** Shortens a message to a length, on a character boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A GitHub-flavoured table; cells must already be escaped. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Plural-aware count: `1 config`, `2 configs`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * A JSON pointer as people read it: `~1` as `/` and `~0` as `~` (`/rules/angular-eslint/component`,
 * not `/rules/angular-eslint~1component`). For human text only; the JSON report keeps pointers as they are.
 */
export function readablePointer(pointer: string): string {
  return pointer.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A composed message (a schema change's) with the pointers it quotes (`` `/a~1b` ``) made readable. */
export function readablePointers(text: string): string {
  return text.replace(/`(\/[^`\n]*)`/g, (_, pointer: string) => `\`${readablePointer(pointer)}\``);
}

/** A link to a file at a commit (and line) on the GitHub server, when the report knows the repository. */
export function fileLink(report: Report, sha: string, path: string, line?: number): string | undefined {
  if (!report.repository) return undefined;
  // encodeURIComponent leaves ( ) as they are, and `)` would end a markdown link early.
  const encoded = path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${report.repository.serverUrl}/${report.repository.name}/blob/${sha}/${encoded}${line ? `#L${line}` : ''}`;
}
