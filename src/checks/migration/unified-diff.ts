/**
 * A small unified diff of two texts, line by line (longest common subsequence), as `diff -u`
 * writes it, for showing a config before and after its migration.
 */

/** Lines of context around each change, as `diff -u`. */
const CONTEXT = 3;
/** Most cells of the LCS table: past it the changed middle is shown as removed, then added. */
const MAX_TABLE_CELLS = 4_000_000;
/** A diff longer than this is cut at a line, with a note of how many lines were left out. */
export const MAX_DIFF_CHARS = 4000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * The unified diff of `before` and `after`, headed `--- a/<path>` and `+++ b/<path>`; empty
 * when the texts are equal. Longer than `maxChars`, it is cut at a line with a visible note.
 */
export function unifiedDiff(path: string, before: string, after: string, maxChars = MAX_DIFF_CHARS): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const changed = hunks(diffLines(a, b));
  // Texts equal line by line differ in line endings only (CRLF, the last newline): said in words.
  const lines = [`--- a/${path}`, `+++ b/${path}`, ...(changed.length ? changed : ['(only the line endings changed)'])];
  return capLines(lines, maxChars);
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The edit script from `a` to `b`: common prefix and suffix kept, the middle by LCS. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (line: string): Op => ({ kind: ' ', line });
  const middle = lcsOps(a.slice(start, endA), b.slice(start, endB));
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  }
  // lengths[i][j]: the LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push({ kind: '-', line: a[i++]! });
    } else {
      ops.push({ kind: '+', line: b[j++]! });
    }
  }
  while (i < n) ops.push({ kind: '-', line: a[i++]! });
  while (j < m) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

/** The `@@ -l,s +l,s @@` hunks of an edit script, with CONTEXT lines around each change. */
function hunks(ops: readonly Op[]): string[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out: string[] = [];
  let cursor = 0;
  while (cursor < changed.length) {
    const first = changed[cursor]!;
    let last = first;
    // Changes closer than twice the context share a hunk.
    while (cursor + 1 < changed.length && changed[cursor + 1]! - last <= 2 * CONTEXT) last = changed[++cursor]!;
    cursor++;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    let lineA = 1;
    let lineB = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') lineA++;
      if (op.kind !== '-') lineB++;
    }
    const body = ops.slice(from, to);
    const sizeA = body.filter((op) => op.kind !== '+').length;
    const sizeB = body.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(lineA, sizeA)} +${range(lineB, sizeB)} @@`, ...body.map((op) => `${op.kind}${op.line}`));
  }
  return out;
}

/** `diff -u`'s range: `start,size`, the start one less for an empty range, `,1` left out. */
function range(start: number, size: number): string {
  if (size === 0) return `${start - 1},0`;
  return size === 1 ? `${start}` : `${start},${size}`;
}

function capLines(lines: string[], maxChars: number): string {
  const text = lines.join('\n');
  if (text.length <= maxChars) return text;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > maxChars - 60) break;
    kept.push(line);
    length += line.length + 1;
  }
  return [...kept, `… (${lines.length - kept.length} more lines of the diff not shown)`].join('\n');
}
