import { isUtf8 } from 'node:buffer';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { Composer, Lexer, Parser, Schema, type Document, type DocumentOptions, type ScalarTag, type Tags } from 'yaml';
import { errorMessage } from '../errors.js';

/** YAML dialect: 1.2 (the spec) or 1.1 (what PyYAML reads: yes/on are booleans, …). */
export type YamlVersion = '1.1' | '1.2';

/** How config files are read. */
export interface ReadOptions {
  yamlVersion: YamlVersion;
  /** Larger files are not read (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** Where something is in a config file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** A config read from bytes: its documents, or why it cannot be read. */
export type ReadResult =
  | { ok: true; documents: unknown[] }
  | { ok: false; message: string; position?: Position };

/** Configs larger than this are reported as unreadable rather than parsed. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Deeper values are refused. Python's own loaders give up well before this (PyYAML's
 * recursive composer near 500 levels, `json` at its 1000-frame recursion limit).
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * yaml's `maxAliasCount` (uses of one anchor × the aliases inside it). yaml's default of 100
 * refuses an ordinary file that merges `<<: *defaults` into 101 jobs; this still stops an
 * exponential "billion laughs" after a few levels.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Aliases are shared in memory, but the schema validator and the files written for the loader
 * see them expanded: a document may expand to this many values, or to 10× its own size.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** A YAML stream may hold this many documents (each `---` costs yaml a Document object). */
export const MAX_YAML_DOCUMENTS = 10_000;

/** How a config's text is parsed. */
export type ConfigFormat = 'yaml' | 'json';

/** Why a file of this size is not read, or undefined when it is small enough. */
export function sizeProblem(bytes: number, options: Pick<ReadOptions, 'maxBytes'>): string | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes <= maxBytes) return undefined;
  let [size, limit] = [formatBytes(bytes), formatBytes(maxBytes)];
  // Rounded, 10 MiB + 1 byte reads "10 MiB, over the limit of 10 MiB".
  if (size === limit) [size, limit] = [`${bytes} bytes`, `${limit} (${maxBytes} bytes)`];
  return `too large to read: ${size}, over the limit of ${limit}`;
}

/** A config's bytes as text (BOM removed), or why they are not text. */
export type DecodedText = { ok: true; text: string } | { ok: false; message: string; position?: Position };

const ALIAS_BOMB_MESSAGE = 'its aliases expand to too many values (an alias bomb, "billion laughs"): refusing to expand them';
const NESTED_TOO_DEEPLY = `nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`;

/** Reads one config file's bytes into its parsed documents, or says why it cannot be read. */
export function readConfig(path: string, content: Buffer, options: ReadOptions): ReadResult {
  const decoded = decodeConfig(content, options);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  try {
    const format = formatByExtension(path);
    if (format === 'json') return readJson(text);
    if (format === 'yaml' || !looksLikeJson(text)) return readYaml(text, options.yamlVersion);
    const json = readJson(text);
    if (json.ok) return json;
    // Not JSON after all: YAML is a superset of JSON, and `{a: 1}` is a YAML flow mapping.
    const yaml = readYaml(text, options.yamlVersion);
    return yaml.ok ? yaml : json;
  } catch (error) {
    return { ok: false, message: describeReadFailure(error, 'could not be parsed') };
  }
}

/**
 * Checks size, NUL bytes and encoding, and turns the bytes into text without the BOM, so
 * offsets in the text are positions as the user sees the file.
 */
export function decodeConfig(content: Buffer, options: Pick<ReadOptions, 'maxBytes'>): DecodedText {
  const tooLarge = sizeProblem(content.length, options);
  if (tooLarge) return { ok: false, message: tooLarge };
  // YAML 1.2 §5.2 allows UTF-16 with a BOM; PowerShell's `>` writes it.
  if (content[0] === 0xff && content[1] === 0xfe) return decodeUtf16(content.subarray(2), 'le');
  if (content[0] === 0xfe && content[1] === 0xff) return decodeUtf16(content.subarray(2), 'be');
  if (content.includes(0)) return { ok: false, message: 'binary file (it contains NUL bytes), not a YAML or JSON config' };
  if (!isUtf8(content)) {
    return { ok: false, message: 'not valid UTF-8 text; save the file as UTF-8', position: utf8PositionAt(content, firstInvalidUtf8(content)) };
  }
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  return { ok: true, text: content.toString('utf8', bom) };
}

/** The format a path's extension fixes (case-insensitive), or undefined to decide by content. */
export function formatByExtension(path: string): ConfigFormat | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || path.indexOf('/', dot) !== -1) return undefined;
  const extension = path.slice(dot + 1).toLowerCase();
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  if (extension === 'json') return 'json';
  return undefined;
}

/** Whether text of unknown format should be tried as JSON first: it starts with `{` or `[`. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/** The `yaml` parse options of a dialect, shared by reading and locating. */
export function yamlOptions(version: YamlVersion): DocumentOptions & { schema: Schema } {
  return version === '1.1' ? YAML_1_1 : YAML_1_2;
}

/**
 * The YAML documents of a text (none for an empty stream). This is yaml's
 * `parseAllDocuments`, with the parser's stack bounded: yaml's CST parser holds each open
 * collection on a stack and needs ~1.5 KB and ~7 µs per level, so a 10 MiB file of `[`
 * would take minutes and gigabytes before its composer overflowed.
 * Throws {@link NestingTooDeepError} or {@link TooManyDocumentsError}.
 */
export function parseYaml(text: string, version: YamlVersion): Document.Parsed[] {
  const parser = new Parser();
  const composer = new Composer(yamlOptions(version));
  const docs: Document.Parsed[] = [];
  const add = (composed: Iterable<Document.Parsed>) => {
    for (const doc of composed) docs.push(doc);
    if (docs.length > MAX_YAML_DOCUMENTS) throw new TooManyDocumentsError();
  };
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) add(composer.next(token));
    if (parser.stack.length > MAX_NESTING_DEPTH + 2) throw new NestingTooDeepError();
  }
  for (const token of parser.end()) add(composer.next(token));
  add(composer.end());
  return docs;
}

/** Thrown when a YAML text nests collections deeper than {@link MAX_NESTING_DEPTH}. */
export class NestingTooDeepError extends RangeError {
  constructor() {
    super(NESTED_TOO_DEEPLY);
  }
}

/** Thrown when a YAML stream holds more than {@link MAX_YAML_DOCUMENTS} documents. */
export class TooManyDocumentsError extends RangeError {
  constructor() {
    super(`more than ${MAX_YAML_DOCUMENTS} YAML documents in one file`);
  }
}

/**
 * jsonc-parser's tree of a JSON text with comments and trailing commas, and its errors
 * (`parseTree` never throws: it returns a best-effort tree next to the errors).
 */
export function parseJsonTree(text: string): { root: JsonNode | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSON_PARSE_OPTIONS);
  return { root, errors };
}

/** 1-based line and column (in code points) of a UTF-16 offset into text. */
export function positionAt(text: string, offset: number): Position {
  const end = Math.min(Math.max(offset, 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) column += 1;
  }
  return { line, column };
}

const JSON_PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

const COMMON_YAML_OPTIONS = {
  // PyYAML keeps the last of duplicate keys; yaml would report an error.
  uniqueKeys: false,
  // yaml otherwise prints some warnings with process.emitWarning.
  logLevel: 'silent',
} as const;

const YAML_1_2 = {
  ...COMMON_YAML_OPTIONS,
  version: '1.2',
  schema: new Schema({ schema: 'core', merge: true, resolveKnownTags: true }),
} as const;

const YAML_1_1 = {
  ...COMMON_YAML_OPTIONS,
  version: '1.1',
  schema: new Schema({ schema: 'yaml-1.1', customTags: pyyamlScalars, resolveKnownTags: false }),
} as const;

/**
 * Adjusts yaml's YAML 1.1 schema to PyYAML's implicit resolvers (yaml/resolver.py), which
 * are narrower than the 1.1 spec: `y`/`n` stay strings, a float needs a dot (`1e3` is a
 * string), decimal ints have no leading zero. Timestamps are left as their text: a schema
 * can only say `string` (`format: date`) about them.
 */
function pyyamlScalars(tags: Tags): Tags {
  const adjusted: Tags = [];
  for (const tag of tags) {
    if (typeof tag === 'string' || !isImplicitScalarTag(tag)) {
      adjusted.push(tag);
      continue;
    }
    const probe = (value: string) => tag.test.test(value);
    switch (tag.tag) {
      case 'tag:yaml.org,2002:bool':
        adjusted.push({ ...tag, test: probe('true') ? /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/ : /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/ });
        break;
      case 'tag:yaml.org,2002:int':
        if (tag.format === undefined) adjusted.push({ ...tag, test: /^[-+]?(?:0|[1-9][0-9_]*)$/ });
        else if (tag.format === 'TIME') adjusted.push({ ...tag, test: /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/ });
        else adjusted.push(tag);
        break;
      case 'tag:yaml.org,2002:float':
        if (tag.format === 'EXP') break;
        if (tag.format === undefined && !probe('.inf')) {
          adjusted.push({
            ...tag,
            test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$/,
            resolve: (source: string) => parseFloat(source.replace(/_/g, '')),
          });
        } else adjusted.push(tag);
        break;
      case 'tag:yaml.org,2002:timestamp':
        break;
      default:
        adjusted.push(tag);
    }
  }
  return adjusted;
}

function isImplicitScalarTag(tag: Tags[number]): tag is ScalarTag & { test: RegExp } {
  return typeof tag === 'object' && tag.default === true && 'test' in tag && tag.test instanceof RegExp;
}

function readYaml(text: string, version: YamlVersion): ReadResult {
  try {
    return yamlDocuments(text, version);
  } catch (error) {
    return { ok: false, message: describeReadFailure(error, 'not valid YAML') };
  }
}

function yamlDocuments(text: string, version: YamlVersion): ReadResult {
  const docs = parseYaml(text, version);
  for (const doc of docs) {
    const error = doc.errors[0];
    if (!error) continue;
    // yaml's composer turns its own stack overflow into a document error.
    const message = /call stack/i.test(error.message) ? NESTED_TOO_DEEPLY : `not valid YAML: ${error.message}`;
    return { ok: false, message, position: positionAt(text, error.pos[0]) };
  }
  for (const doc of docs) {
    // PyYAML's safe_load refuses a tag it does not know (`!reset`, `!Ref`); yaml would only
    // warn and keep the plain value. Refuse it too, so the file is unreadable on every side.
    const unknownTag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    if (unknownTag) {
      return { ok: false, message: `not readable by a safe YAML loader: ${unknownTag.message}`, position: positionAt(text, unknownTag.pos[0]) };
    }
  }
  // An empty stream (an empty file, only comments) is one null document, as PyYAML's safe_load.
  if (docs.length === 0) return { ok: true, documents: [null] };
  const documents: unknown[] = [];
  for (const doc of docs) {
    let anchored = false;
    const value: unknown = doc.toJS({
      maxAliasCount: MAX_ALIAS_COUNT,
      onAnchor: () => {
        anchored = true;
      },
    });
    const problem = checkShape(value, anchored);
    if (problem) return { ok: false, message: docs.length > 1 ? `document ${documents.length + 1}: ${problem}` : problem };
    documents.push(value ?? null);
  }
  return { ok: true, documents };
}

function readJson(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Comments or trailing commas (or a real error): the tolerant parser decides.
    const { root, errors } = parseJsonTree(text);
    const error = errors[0];
    if (error) return { ok: false, message: `not valid JSON: ${describeJsonError(error)}`, position: positionAt(text, error.offset) };
    value = root ? jsonValue(root) : null;
  }
  const problem = checkShape(value, false);
  return problem ? { ok: false, message: problem } : { ok: true, documents: [value] };
}

/**
 * The value of a jsonc-parser tree. Unlike jsonc-parser's own `getNodeValue`, a `__proto__`
 * key becomes an own property (as with JSON.parse) instead of replacing the prototype.
 */
function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        Object.defineProperty(object, String(key.value), { value: jsonValue(value), writable: true, enumerable: true, configurable: true });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value as unknown;
  }
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected content after the value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function describeJsonError(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return JSON_ERRORS[name] ?? name;
}

/**
 * Refuses values nested deeper than {@link MAX_NESTING_DEPTH}, aliases that contain
 * themselves, and alias expansions over {@link MAX_EXPANDED_VALUES}. Values are only shared
 * (a DAG, maybe a cycle) when the YAML had anchors, so only then are they memoized.
 */
function checkShape(root: unknown, shared: boolean): string | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const memo = shared ? new Map<object, Shape | typeof VISITING>() : undefined;
  let distinct = 0;
  let problem: string | undefined;

  const visit = (value: object, depth: number): Shape | undefined => {
    if (depth > MAX_NESTING_DEPTH) {
      problem = NESTED_TOO_DEEPLY;
      return undefined;
    }
    const known = memo?.get(value);
    if (known === VISITING) {
      problem = 'an alias refers to a value that contains it (a recursive structure cannot be checked)';
      return undefined;
    }
    if (known) {
      if (depth + known.height - 1 > MAX_NESTING_DEPTH) problem = NESTED_TOO_DEEPLY;
      return problem ? undefined : known;
    }
    memo?.set(value, VISITING);
    let size = 1;
    let scalars = 0;
    let height = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child !== 'object' || child === null) {
        scalars += 1;
        continue;
      }
      const shape = visit(child, depth + 1);
      if (!shape) return undefined;
      size += shape.size;
      if (shape.height + 1 > height) height = shape.height + 1;
    }
    distinct += 1 + scalars;
    const shape = { size: size + scalars, height };
    memo?.set(value, shape);
    return shape;
  };

  const shape = visit(root, 1);
  if (problem) return problem;
  if (shape && shape.size > MAX_EXPANDED_VALUES && shape.size > 10 * distinct) return ALIAS_BOMB_MESSAGE;
  return undefined;
}

interface Shape {
  /** Values in the tree once aliases are expanded. */
  size: number;
  height: number;
}

const VISITING = Symbol('visiting');

/** Turns what a parser threw into a message: deep nesting overflows the stack (RangeError). */
function describeReadFailure(error: unknown, prefix: string): string {
  if (error instanceof NestingTooDeepError || (error instanceof RangeError && /call stack/i.test(error.message))) return NESTED_TOO_DEEPLY;
  if (error instanceof TooManyDocumentsError) return error.message;
  const message = errorMessage(error);
  // yaml's maxAliasCount ReferenceError: "Excessive alias count indicates a resource exhaustion attack".
  if (/excessive alias count/i.test(message)) return ALIAS_BOMB_MESSAGE;
  return `${prefix}: ${message}`;
}

function decodeUtf16(body: Buffer, endian: 'le' | 'be'): DecodedText {
  if (body.length % 2 !== 0) return { ok: false, message: 'not valid UTF-16 text (odd number of bytes); save the file as UTF-8' };
  const little = endian === 'le' ? body : Buffer.from(body).swap16();
  return { ok: true, text: little.toString('utf16le') };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters, not counting a BOM) of a byte offset into UTF-8 bytes. */
function utf8PositionAt(bytes: Buffer, offset: number): Position {
  let line = 1;
  let column = 1;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < offset; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      line += 1;
      column = 1;
    } else if ((byte & 0xc0) !== 0x80) column += 1;
  }
  return { line, column };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KiB`;
  return `${round(bytes / (1024 * 1024))} MiB`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
