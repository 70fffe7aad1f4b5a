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
export function scanYamlText(text: string): YamlTextScan | undefined {
  if (text.includes('\t') || text.includes('\uFEFF') || /\r(?!\n)/.test(text)) return undefined;
  const counts: YamlTextScan = { anchors: 0, aliases: 0 };
  /** Column a block scalar's lines must be indented past, while inside one. */
  let blockParent: number | undefined;
  let blockFirstLine = false;
  /** Indentation of the document's first line: js-yaml accepts later lines left of it. */
  let documentIndent: number | undefined;
  /** Column of a `-` that ended its line (an empty item): js-yaml nests a `-` one column right of it otherwise. */
  let emptyItem: number | undefined;
  /** The last line ended with an anchor (`key: &a`): it belongs to the node on the next line. */
  let pendingAnchor = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (blockParent !== undefined) {
      const indent = leadingSpaces(line);
      if (indent === line.length) {
        if (blockFirstLine) return undefined;
        continue;
      }
      if (indent > blockParent) {
        blockFirstLine = false;
        continue;
      }
      blockParent = undefined;
    }
    const indent = leadingSpaces(line);
    if (indent < line.length && line[indent] !== '#') {
      if (line.startsWith('---') || line.startsWith('...')) documentIndent = undefined;
      else if (documentIndent === undefined) documentIndent = indent;
      else if (indent < documentIndent) return undefined;
      if (emptyItem !== undefined && indent === emptyItem + 1) return undefined;
      const last = lastNonSpace(line);
      emptyItem = line.charCodeAt(last) === 0x2d && /^ *(?:- +)*-$/.test(line.slice(0, last + 1)) ? last : undefined;
      if (pendingAnchor && (line[indent] === '&' || line[indent] === '*')) return undefined;
      pendingAnchor = false;
    }
    const anchorsBefore = counts.anchors;
    const scanned = scanLine(line, counts);
    if (counts.anchors > anchorsBefore && /&[^\s,[\]{}]+(?: +#.*)? *$/.test(line)) pendingAnchor = true;
    if (scanned === false) return undefined;
    if (scanned !== true) {
      blockParent = scanned;
      blockFirstLine = true;
    }
  }
  return counts;
}

/**
 * Scans one line outside block scalars: false to defer, true when it is fine, or the column a
 * block scalar starting on this line must be indented past.
 */
function scanLine(line: string, counts: YamlTextScan): boolean | number {
  if (line.startsWith('%')) return false;
  if (line.startsWith('---') || line.startsWith('...')) return /^(?:---|\.\.\.) *$/.test(line);
  let i = 0;
  let nodeStart = true;
  let anchored = false;
  let flow = 0;
  /** Column of the last `- ` and of the last key on the line, for a block scalar's parent. */
  let dash = -1;
  let key = -1;
  let afterKey = false;
  let nodeColumn = -1;
  const n = line.length;
  for (;;) {
    while (i < n && line[i] === ' ') i++;
    if (i >= n) break;
    const c = line[i]!;
    if (c === '#') {
      if (i > 0 && line[i - 1] !== ' ') return false;
      break;
    }
    if (nodeStart) {
      if (c === '-' && flow === 0 && spaceOrEnd(line, i + 1)) {
        dash = i;
        afterKey = false;
        anchored = false;
        i++;
        continue;
      }
      if (c === '?' || c === '!' || c === '%' || c === '@' || c === '`') return false;
      if (c === ':' && (spaceOrEnd(line, i + 1) || (flow > 0 && flowIndicator(line[i + 1])))) return false;
      if (c === '&') {
        if (anchored) return false;
        anchored = true;
        counts.anchors++;
        i = endOfName(line, i + 1);
        continue;
      }
      nodeColumn = i;
      if (c === '*') {
        if (anchored) return false;
        counts.aliases++;
        i = endOfName(line, i + 1);
        while (i < n && line[i] === ' ') i++;
        if (line[i] === ':') return false;
        nodeStart = false;
        continue;
      }
      if (c === '"' || c === "'") {
        const close = closingQuote(line, i);
        if (close === -1) return false;
        i = close + 1;
        const next = line[i];
        if (next !== undefined && next !== ' ' && next !== ':' && !(flow > 0 && flowIndicator(next))) return false;
        nodeStart = false;
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        i++;
        anchored = false;
        continue;
      }
      if (c === ']' || c === '}' || c === ',') {
        if (flow === 0) return false;
        nodeStart = false;
        continue;
      }
      if (c === '|' || c === '>') {
        if (flow > 0 || anchored) return false;
        // Keep chomping (`|+`): js-yaml keeps a last line of spaces with no line break that `yaml` drops.
        if (!/^[|>](?:-?[1-9]?|[1-9]-?)(?: +#.*)? *$/.test(line.slice(i))) return false;
        if (afterKey) return key;
        if (dash >= 0) return dash;
        return false;
      }
      // A plain scalar: up to `: `, ` #`, or in flow a flow indicator.
      const plainEnd = endOfPlain(line, i, flow > 0);
      if (plainEnd === -1) return false;
      // js-yaml merges what `yaml` refuses (`<<: [[]]`): keep merges of aliases and flow maps.
      if (line.slice(i, plainEnd) === '<<' && line[plainEnd] === ':' && !MERGE_VALUE.test(line.slice(plainEnd + 1))) return false;
      i = plainEnd;
      nodeStart = false;
      continue;
    }
    // After a node: a key's `:`, or in flow a `,` or a closing bracket.
    if (c === ':' && (spaceOrEnd(line, i + 1) || flow > 0)) {
      // A second block key on one line (`a: b: c`, `a: &x b: c`): js-yaml reads some of them.
      if (flow === 0 && afterKey) return false;
      key = nodeColumn;
      afterKey = true;
      nodeStart = true;
      anchored = false;
      i++;
      continue;
    }
    if (flow > 0 && c === ',') {
      nodeStart = true;
      anchored = false;
      i++;
      continue;
    }
    if (flow > 0 && (c === ']' || c === '}')) {
      flow--;
      i++;
      if (flow === 0) {
        while (i < n && line[i] === ' ') i++;
        if (line[i] === ':') return false;
      }
      continue;
    }
    return false;
  }
  return flow === 0;
}

function spaceOrEnd(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === 0x20;
}

function flowIndicator(c: string | undefined): boolean {
  return c === ',' || c === '[' || c === ']' || c === '{' || c === '}';
}

/** Index of the last character that is not a space (-1 for a blank line). */
function lastNonSpace(line: string): number {
  let i = line.length - 1;
  while (i >= 0 && line.charCodeAt(i) === 0x20) i--;
  return i;
}

const MERGE_VALUE = /^ *(?:\*[^\s,[\]{}]+|\{[^[\]]*\}|\[ *\*[^\s,[\]{}]+(?: *, *\*[^\s,[\]{}]+)* *\])(?: +#.*)? *$/;

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  return i;
}

/** End of an anchor or alias name: the next space or flow indicator. */
function endOfName(line: string, from: number): number {
  let i = from;
  while (i < line.length && !(line.charCodeAt(i) === 0x20 || flowIndicator(line[i]))) i++;
  return i;
}

/** Index of the quote closing the quoted scalar at `open`, or -1 when it is not on the line. */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** End of a plain scalar starting at `from`, or -1 for a `#` glued to it. */
function endOfPlain(line: string, from: number, inFlow: boolean): number {
  let i = from;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // Most characters of a plain scalar are none of `:`, `#` and the flow indicators.
    if (c !== 0x3a && c !== 0x23 && !(inFlow && (c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))) continue;
    if (c === 0x3a && (i + 1 === line.length || line.charCodeAt(i + 1) === 0x20 || (inFlow && flowIndicator(line[i + 1])))) return i;
    if (c === 0x23) return line.charCodeAt(i - 1) === 0x20 ? i : -1;
    if (c !== 0x3a) return i;
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
