import { FAILSAFE_SCHEMA, loadAll, Type } from 'js-yaml';

/**
 * A fast path for reading YAML: js-yaml (~10× faster than `yaml` with its source ranges) gives
 * the values of the common, plain files, and everything it cannot be sure to read exactly as
 * the `yaml` reader does goes the slow way. `parseYamlFast` returns the documents' values,
 * deep-equal to the slow reader's (key order, -0, NaN, merge keys, last-wins duplicates), or
 * undefined to defer: it never reports an error, so every error (and its position) still
 * comes from the slow reader.
 */
export function parseYamlFast(text: string, yamlVersion: '1.1' | '1.2'): unknown[] | undefined {
  // PyYAML's 1.1 resolver (sexagesimal numbers, yes/on/off) would need a second schema; 1.1
  // files are rare enough to read them the slow way.
  if (yamlVersion !== '1.2') return undefined;
  const scan = scanYamlText(text);
  if (!scan) return undefined;
  if (scan.aliases > 0 && scan.aliases ** scan.anchors > FAST_MAX_ALIAS_PRODUCT) return undefined;
  let documents: unknown[];
  try {
    documents = loadAll(text, null, LOAD_OPTIONS);
  } catch {
    return undefined;
  }
  if (documents.length > FAST_MAX_DOCUMENTS) return undefined;
  // An empty stream (empty file, only comments) is one null document.
  if (documents.length === 0) return [null];
  for (const document of documents) {
    if (!plainShape(document, scan.anchors > 0)) return undefined;
  }
  return documents.map((document) => document ?? null);
}

/**
 * Bounds the fast path keeps under the slow reader's own (1,000 levels, 10,000 documents,
 * 1,000,000 expanded values), so it never reads a file the slow reader refuses.
 */
export const FAST_MAX_DEPTH = 100;
const FAST_MAX_DOCUMENTS = 10_000;
const FAST_MAX_EXPANDED_VALUES = 1_000_000;
/**
 * `yaml` refuses a file when an anchor's uses × the aliases inside it exceed 10,000. That
 * product is at most (alias uses)^(anchors), so below this bound it cannot be reached.
 */
const FAST_MAX_ALIAS_PRODUCT = 10_000;

/** What the text scan counted: anchors (`&a`) and aliases (`*a`) at the start of a node. */
export interface YamlTextScan {
  anchors: number;
  aliases: number;
}

/**
 * Scans a YAML text for what js-yaml reads otherwise than `yaml` (or accepts where `yaml`
 * refuses): tags, directives, `?` keys, empty keys, tabs, a `#` glued to a token, content on a
 * `---`/`...` line, quoted scalars or flow collections spread over lines, flow collections or
 * aliases as keys, two anchors on a node, block scalars that start with a blank line, reserved
 * indicators, keep chomping (`|+`). Returns undefined for such a text, else the anchors and
 * aliases it counted.
 */
export function scanYamlText(text: string, options: { lineByLine?: boolean } = {}): YamlTextScan | undefined {
  if (text.includes('\t') || text.includes('\uFEFF') || /\r(?!\n)/.test(text)) return undefined;
  const counts: YamlTextScan = { anchors: 0, aliases: 0 };
  // Runs of plain lines are skipped with one regular expression (PLAIN_LINES) that ends lines at
  // LF alone: the scan also drops the CR of a CRLF, so such texts are read line by line.
  const skipPlain = options.lineByLine !== true && !text.includes('\r');
  /** Column a block scalar's lines must be indented past, while inside one. */
  let blockParent: number | undefined;
  let blockFirstLine = false;
  /** Indentation of the document's first line: js-yaml accepts later lines left of it. */
  let documentIndent: number | undefined;
  /** Column of a `-` that ended its line (an empty item): js-yaml nests a `-` one column right of it otherwise. */
  let emptyItem: number | undefined;
  /** The last line ended with an anchor (`key: &a`): it belongs to the node on the next line. */
  let pendingAnchor = false;
  // Each line is read in place, as [lineFrom, lineTo) of the text (without its line break): no
  // line is copied out of it.
  let from = 0;
  while (from <= text.length) {
    // A plain line changes nothing the scan tracks once the document's first line sits at column
    // 0 and no block scalar, empty item or anchor waits for the next line: skip to the first line
    // that is not plain (or the last one, which has no line break).
    if (skipPlain && documentIndent === 0 && blockParent === undefined && emptyItem === undefined && !pendingAnchor) {
      PLAIN_LINES.lastIndex = from;
      if (PLAIN_LINES.test(text)) from = PLAIN_LINES.lastIndex;
      if (from > text.length) break;
    }
    let next = text.indexOf('\n', from);
    if (next === -1) next = text.length;
    const lineFrom = from;
    const lineTo = next > from && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    from = next + 1;
    const length = lineTo - lineFrom;
    if (blockParent !== undefined) {
      const indent = leadingSpaces(text, lineFrom, lineTo);
      if (indent === length) {
        if (blockFirstLine) return undefined;
        continue;
      }
      if (indent > blockParent) {
        blockFirstLine = false;
        continue;
      }
      blockParent = undefined;
    }
    const indent = leadingSpaces(text, lineFrom, lineTo);
    if (indent < length && text.charCodeAt(lineFrom + indent) !== HASH) {
      if (documentMarker(text, lineFrom)) documentIndent = undefined;
      else if (documentIndent === undefined) documentIndent = indent;
      else if (indent < documentIndent) return undefined;
      if (emptyItem !== undefined && indent === emptyItem + 1) return undefined;
      const last = lastNonSpace(text, lineFrom, lineTo);
      emptyItem = last >= 0 && text.charCodeAt(lineFrom + last) === DASH && /^ *(?:- +)*-$/.test(text.slice(lineFrom, lineFrom + last + 1)) ? last : undefined;
      const first = text.charCodeAt(lineFrom + indent);
      if (pendingAnchor && (first === AMPERSAND || first === STAR)) return undefined;
      pendingAnchor = false;
    }
    const anchorsBefore = counts.anchors;
    const scanned = scanLine(text, lineFrom, lineTo, counts);
    if (counts.anchors > anchorsBefore && /&[^\s,[\]{}]+(?: +#.*)? *$/.test(text.slice(lineFrom, lineTo))) pendingAnchor = true;
    if (scanned === false) return undefined;
    if (scanned !== true) {
      blockParent = scanned;
      blockFirstLine = true;
    }
  }
  return counts;
}

/**
 * A line the scan passes with nothing to count or defer on, and that leaves its state as it
 * found it: blank, a comment, or `key:` (after `- ` items) with nothing, or a plain scalar that
 * starts with a letter, digit, `_` or `/` and holds no `#` nor `: `, or a quoted scalar without
 * escapes, or a flow sequence of plain words, then maybe a comment. Each line has one way to
 * match (a blank line's spaces, in particular, are read by the leading ` *` alone: trailing
 * spaces belong to the content), so a run is matched in one pass and a line that is not plain
 * fails in time linear in its length.
 */
const PLAIN_KEY = String.raw`[A-Za-z0-9_][A-Za-z0-9_./-]*`;
const PLAIN_VALUE = String.raw`[A-Za-z0-9_/](?:[^\n#: ]|:(?=[^ \n])| +(?=[^ \n#]))*`;
const QUOTED_VALUE = String.raw`"[^"\\\n]*"|'[^'\n]*'`;
const FLOW_WORDS = String.raw`\[ *(?:${PLAIN_KEY}(?: *, *${PLAIN_KEY})* *)?\]|\{ *\}`;
const PLAIN_LINE = String.raw` *(?:(?:(?:- +)*${PLAIN_KEY}:(?: +(?:${PLAIN_VALUE}|${QUOTED_VALUE}|${FLOW_WORDS}))?(?: +#[^\n]*)?|#[^\n]*) *)?\n`;
/** Plain lines, each with its line break, as many as follow one another from `lastIndex`. */
const PLAIN_LINES = new RegExp(`(?:${PLAIN_LINE})*`, 'y');

const SPACE = 0x20;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const AMPERSAND = 0x26;
const STAR = 0x2a;
const COLON = 0x3a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const LESS_THAN = 0x3c;

/** Whether a line starts with `---` or `...` (a document marker, or a scalar that starts like one). */
function documentMarker(text: string, from: number): boolean {
  return text.startsWith('---', from) || text.startsWith('...', from);
}

/**
 * Scans one line outside block scalars: false to defer, true when it is fine, or the column a
 * block scalar starting on this line must be indented past.
 */
function scanLine(text: string, from: number, to: number, counts: YamlTextScan): boolean | number {
  const first = text.charCodeAt(from);
  if (from < to && first === 0x25) return false;
  if (documentMarker(text, from)) return /^(?:---|\.\.\.) *$/.test(text.slice(from, to));
  let i = from;
  let nodeStart = true;
  let anchored = false;
  let flow = 0;
  /** Column of the last `- ` and of the last key on the line, for a block scalar's parent. */
  let dash = -1;
  let key = -1;
  let afterKey = false;
  let nodeColumn = -1;
  for (;;) {
    while (i < to && text.charCodeAt(i) === SPACE) i++;
    if (i >= to) break;
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (i > from && text.charCodeAt(i - 1) !== SPACE) return false;
      break;
    }
    if (nodeStart) {
      if (c === DASH && flow === 0 && spaceOrEnd(text, i + 1, to)) {
        dash = i - from;
        afterKey = false;
        anchored = false;
        i++;
        continue;
      }
      // `?` `!` `%` `@` and the backquote.
      if (c === 0x3f || c === 0x21 || c === 0x25 || c === 0x40 || c === 0x60) return false;
      if (c === COLON && (spaceOrEnd(text, i + 1, to) || (flow > 0 && flowIndicatorAt(text, i + 1, to)))) return false;
      if (c === AMPERSAND) {
        if (anchored) return false;
        anchored = true;
        counts.anchors++;
        i = endOfName(text, i + 1, to);
        continue;
      }
      nodeColumn = i - from;
      if (c === STAR) {
        if (anchored) return false;
        counts.aliases++;
        i = endOfName(text, i + 1, to);
        while (i < to && text.charCodeAt(i) === SPACE) i++;
        if (i < to && text.charCodeAt(i) === COLON) return false;
        nodeStart = false;
        continue;
      }
      if (c === QUOTE || c === APOSTROPHE) {
        const close = closingQuote(text, i, to);
        if (close === -1) return false;
        i = close + 1;
        if (i < to) {
          const after = text.charCodeAt(i);
          if (after !== SPACE && after !== COLON && !(flow > 0 && flowIndicator(after))) return false;
        }
        nodeStart = false;
        continue;
      }
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        flow++;
        i++;
        anchored = false;
        continue;
      }
      if (c === CLOSE_BRACKET || c === CLOSE_BRACE || c === COMMA) {
        if (flow === 0) return false;
        nodeStart = false;
        continue;
      }
      // `|` and `>`.
      if (c === 0x7c || c === 0x3e) {
        if (flow > 0 || anchored) return false;
        // Keep chomping (`|+`): js-yaml keeps a last line of spaces with no line break that `yaml` drops.
        if (!/^[|>](?:-?[1-9]?|[1-9]-?)(?: +#.*)? *$/.test(text.slice(i, to))) return false;
        if (afterKey) return key;
        if (dash >= 0) return dash;
        return false;
      }
      // A plain scalar: up to `: `, ` #`, or in flow a flow indicator.
      const plainEnd = endOfPlain(text, i, to, flow > 0);
      if (plainEnd === -1) return false;
      // js-yaml merges what `yaml` refuses (`<<: [[]]`): keep merges of aliases and flow maps.
      if (plainEnd === i + 2 && c === LESS_THAN && text.charCodeAt(i + 1) === LESS_THAN && plainEnd < to && text.charCodeAt(plainEnd) === COLON && !MERGE_VALUE.test(text.slice(plainEnd + 1, to))) {
        return false;
      }
      i = plainEnd;
      nodeStart = false;
      continue;
    }
    // After a node: a key's `:`, or in flow a `,` or a closing bracket.
    if (c === COLON && (spaceOrEnd(text, i + 1, to) || flow > 0)) {
      // A second block key on one line (`a: b: c`, `a: &x b: c`): js-yaml reads some of them.
      if (flow === 0 && afterKey) return false;
      key = nodeColumn;
      afterKey = true;
      nodeStart = true;
      anchored = false;
      i++;
      continue;
    }
    if (flow > 0 && c === COMMA) {
      nodeStart = true;
      anchored = false;
      i++;
      continue;
    }
    if (flow > 0 && (c === CLOSE_BRACKET || c === CLOSE_BRACE)) {
      flow--;
      i++;
      if (flow === 0) {
        while (i < to && text.charCodeAt(i) === SPACE) i++;
        if (i < to && text.charCodeAt(i) === COLON) return false;
      }
      continue;
    }
    return false;
  }
  return flow === 0;
}

function spaceOrEnd(text: string, at: number, to: number): boolean {
  return at >= to || text.charCodeAt(at) === SPACE;
}

function flowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;
}

function flowIndicatorAt(text: string, at: number, to: number): boolean {
  return at < to && flowIndicator(text.charCodeAt(at));
}

/** Column of the last character that is not a space (-1 for a blank line). */
function lastNonSpace(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && text.charCodeAt(i) === SPACE) i--;
  return i - from;
}

const MERGE_VALUE = /^ *(?:\*[^\s,[\]{}]+|\{[^[\]]*\}|\[ *\*[^\s,[\]{}]+(?: *, *\*[^\s,[\]{}]+)* *\])(?: +#.*)? *$/;

function leadingSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  return i - from;
}

/** End of an anchor or alias name: the next space or flow indicator. */
function endOfName(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === SPACE || flowIndicator(c)) break;
    i++;
  }
  return i;
}

/** Index of the quote closing the quoted scalar at `open`, or -1 when it is not on the line. */
function closingQuote(text: string, open: number, to: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote === QUOTE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === APOSTROPHE && i + 1 < to && text.charCodeAt(i + 1) === APOSTROPHE) i++;
      else return i;
    }
  }
  return -1;
}

/** End of a plain scalar starting at `from`, or -1 for a `#` glued to it. */
function endOfPlain(text: string, from: number, to: number, inFlow: boolean): number {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    // Most characters of a plain scalar are none of `:`, `#` and the flow indicators.
    if (c !== COLON && c !== HASH && !(inFlow && flowIndicator(c))) continue;
    if (c === COLON && (i + 1 === to || text.charCodeAt(i + 1) === SPACE || (inFlow && flowIndicatorAt(text, i + 1, to)))) return i;
    if (c === HASH) return text.charCodeAt(i - 1) === SPACE ? i : -1;
    if (c !== COLON) return i;
  }
  return i;
}

/**
 * Whether a document's values are within the slow reader's bounds and carry no key js-yaml
 * names otherwise: a null key (`yaml` names it "", js-yaml "null"), so both are deferred.
 * With anchors, values are shared: a cycle defers, and so does an expansion over the bound.
 */
function plainShape(root: unknown, shared: boolean): boolean {
  if (typeof root !== 'object' || root === null) return true;
  const sizes = shared ? new Map<object, number>() : undefined;
  let ok = true;
  const visit = (value: object): number => {
    const known = sizes?.get(value);
    if (known !== undefined) {
      if (known < 0) ok = false;
      return known;
    }
    sizes?.set(value, -1);
    let size = 1;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        size += typeof item === 'object' && item !== null ? visit(item) : 1;
        if (!ok) return 0;
      }
    } else {
      for (const k in value) {
        if (k === 'null' || k === '') {
          ok = false;
          return 0;
        }
        const item = (value as Record<string, unknown>)[k];
        size += typeof item === 'object' && item !== null ? visit(item) : 1;
        if (!ok) return 0;
      }
    }
    sizes?.set(value, size);
    return size;
  };
  const size = visit(root);
  return ok && size <= FAST_MAX_EXPANDED_VALUES;
}

/**
 * Whether a plain scalar starts as a 1.2 core number does (a digit, a sign; `.` for floats):
 * most scalars are words, and this spares them the patterns below.
 */
function startsNumeric(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
}

/** The YAML 1.2 core schema's scalars, resolved as `yaml` resolves them. */
const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || (typeof data === 'string' && data.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(data)),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (data.length === 4 || data.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data === 'true' || data === 'True' || data === 'TRUE',
  predicate: (value: unknown) => typeof value === 'boolean',
});

/** A plain `<<` key: js-yaml merges the mappings of its value. */
const mergeKey = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<',
});

const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && startsNumeric(data) && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(data),
  construct: (data: string) => (data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10)),
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
});

const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) =>
    typeof data === 'string' &&
    (startsNumeric(data) || data.charCodeAt(0) === 0x2e) &&
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(data),
  construct: (data: string) => {
    if (/nan$/i.test(data)) return NaN;
    if (/inf$/i.test(data)) return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return parseFloat(data);
  },
  predicate: (value: unknown) => typeof value === 'number',
});

/** null, bool, int, float of the 1.2 core schema, plus merge keys (`<<`). */
const CORE_1_2 = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat, mergeKey] });

/** `json: true`: duplicate keys are kept, the last one winning, as with the slow reader. */
const LOAD_OPTIONS = { schema: CORE_1_2, json: true, maxDepth: FAST_MAX_DEPTH };
