import { Composer, isAlias, isMap, isScalar, isSeq, Lexer, Parser, type Document } from 'yaml';
import { positionAt } from './decode.js';
import {
  checkShape,
  describeReadFailure,
  MAX_ALIAS_COUNT,
  MAX_NESTING_DEPTH,
  MAX_YAML_DOCUMENTS,
  nestedTooDeeply,
  NestingTooDeepError,
  TooManyDocumentsError,
} from './hardening.js';
import { isArrayIndex } from './pointer.js';
import type { Locator, ReadFailure, ReadOptions, ReadResult } from './result.js';
import { yamlOptions, type YamlVersion } from './yaml-dialect.js';
import { FAST_MAX_DEPTH, parseYamlFast } from './yaml-fast.js';

/**
 * The YAML documents of a text (none for an empty stream). This is yaml's
 * `parseAllDocuments`, with the parser's stack bounded: yaml's CST parser holds each open
 * collection on a stack and needs ~1.5 KB and ~7 µs per level, so a 10 MiB file of `[`
 * would take minutes and gigabytes before its composer overflowed.
 * Throws {@link NestingTooDeepError} or {@link TooManyDocumentsError}.
 */
export function parseYaml(text: string, version: YamlVersion, maxDepth: number = MAX_NESTING_DEPTH): Document.Parsed[] {
  const parser = new Parser();
  const composer = new Composer(yamlOptions(version));
  const docs: Document.Parsed[] = [];
  const add = (composed: Iterable<Document.Parsed>) => {
    for (const doc of composed) docs.push(doc);
    if (docs.length > MAX_YAML_DOCUMENTS) throw new TooManyDocumentsError();
  };
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) add(composer.next(token));
    if (parser.stack.length > maxDepth + 2) throw new NestingTooDeepError(maxDepth);
  }
  for (const token of parser.end()) add(composer.next(token));
  add(composer.end());
  return docs;
}

/** Reads YAML text into its documents' values, checked against the hardening limits. */
export function readYaml(text: string, options: ReadOptions): ReadResult {
  try {
    // js-yaml reads plain YAML 1.2 ~10× faster than `yaml`; it answers only when its values are
    // exactly `yaml`'s, and leaves everything else (and every error's wording) to `yaml`.
    // Positions never come from it: `yamlLocator` parses with `yaml`, and only when asked.
    // Values can share nodes only through anchors (`&`), so only then are they walked as a graph.
    const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
    const fast = options.fastPath === false ? undefined : parseYamlFast(text, options.yamlVersion);
    const parsed: YamlValues = fast
      ? { ok: true, count: fast.length, values: fast.map((value) => ({ value, shared: text.includes('&') })) }
      : yamlValues(text, options.yamlVersion, maxDepth);
    if (!parsed.ok) return parsed;
    const documents: unknown[] = [];
    // A value js-yaml read without anchors shares no node and is no deeper than its own limit:
    // within the bounds, there is nothing to check.
    const checked = !fast || maxDepth < FAST_MAX_DEPTH;
    for (const { value, shared } of parsed.values) {
      const problem = checked || shared ? checkShape(value, shared, maxDepth) : undefined;
      if (problem) return { ok: false, message: parsed.count > 1 ? `document ${documents.length + 1}: ${problem}` : problem };
      documents.push(value ?? null);
    }
    return { ok: true, documents };
  } catch (error) {
    return { ok: false, message: describeReadFailure(error, 'not valid YAML', options.maxDepth) };
  }
}

/** The documents of a YAML stream, each converted only when it is reached. */
type YamlValues = { ok: true; count: number; values: Iterable<{ value: unknown; shared: boolean }> } | ReadFailure;

/** The values of a YAML stream as yaml reads it, or the first error or unknown tag in it. */
function yamlValues(text: string, version: YamlVersion, maxDepth: number): YamlValues {
  const docs = parseYaml(text, version, maxDepth);
  for (const doc of docs) {
    const error = doc.errors[0];
    if (!error) continue;
    // yaml's composer turns its own stack overflow into a document error.
    if (/call stack/i.test(error.message)) return { ok: false, message: nestedTooDeeply(maxDepth), position: positionAt(text, error.pos[0]) };
    return { ok: false, message: `not valid YAML: ${error.message}`, position: positionAt(text, error.pos[0]), detail: error.message };
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
  if (docs.length === 0) return { ok: true, count: 1, values: [{ value: null, shared: false }] };
  return { ok: true, count: docs.length, values: convert(docs) };
}

/** yaml's toJS of each document, noting whether it used anchors (only then can values be shared). */
function* convert(docs: Document.Parsed[]): Generator<{ value: unknown; shared: boolean }> {
  for (const doc of docs) {
    let shared = false;
    const value: unknown = doc.toJS({
      maxAliasCount: MAX_ALIAS_COUNT,
      onAnchor: () => {
        shared = true;
      },
    });
    yield { value, shared };
  }
}

/** Parses YAML text again, keeping every node's source range, to locate pointers in it. */
export function yamlLocator(text: string, options: ReadOptions): Locator | undefined {
  let docs: Document.Parsed[];
  try {
    docs = parseYaml(text, options.yamlVersion, options.maxDepth);
  } catch {
    return undefined;
  }
  return (documentIndex, segments, target) => locateInYaml(docs, documentIndex, segments, target);
}

/** A YAML node with its source range (yaml's parsed nodes all have one). */
interface Ranged {
  range?: readonly [number, number, number] | null;
}

interface YamlStep {
  value: unknown;
  key?: unknown;
}

function locateInYaml(docs: Document.Parsed[], documentIndex: number, segments: string[], target: 'value' | 'key'): number | undefined {
  // An empty stream is read as one null document.
  if (docs.length === 0) return documentIndex === 0 ? 0 : undefined;
  const doc = docs[documentIndex];
  if (!doc) return undefined;
  let step: YamlStep = { value: doc.contents };
  for (const segment of segments) {
    const child = yamlChild(doc, resolveAlias(doc, step.value), segment, 0);
    if (!child) return startOf(step.key) ?? startOf(step.value) ?? doc.range[0];
    step = child;
  }
  const wanted = target === 'key' ? (startOf(step.key) ?? startOf(step.value)) : (startOf(step.value) ?? startOf(step.key));
  return wanted ?? doc.range[0];
}

/** Merge sources can merge other maps in turn; this bounds a pathological chain. */
const MAX_MERGE_DEPTH = 100;

function yamlChild(doc: Document.Parsed, node: unknown, segment: string, mergeDepth: number): YamlStep | undefined {
  if (isSeq(node)) {
    const item: unknown = isArrayIndex(segment) ? node.items[Number(segment)] : undefined;
    return item === undefined ? undefined : { value: item };
  }
  if (!isMap(node)) return undefined;
  // As yaml's toJS and PyYAML: a map's own keys win over merged ones, and the last duplicate wins.
  for (let i = node.items.length - 1; i >= 0; i--) {
    const pair = node.items[i];
    if (pair && !isMergeKey(pair.key) && keyString(doc, pair.key) === segment) return { value: pair.value, key: pair.key };
  }
  if (mergeDepth >= MAX_MERGE_DEPTH) return undefined;
  // Among merge sources, the first that has the key wins (yaml.org/type/merge.html).
  for (const pair of node.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = resolveAlias(doc, pair.value);
    const sources: unknown[] = isSeq(source) ? source.items.map((item) => resolveAlias(doc, item)) : [source];
    for (const map of sources) {
      const found = yamlChild(doc, map, segment, mergeDepth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  // yaml resolves a plain `<<` to a Symbol('<<') scalar when the schema has merge keys.
  if (typeof key.value === 'symbol') return key.value.description === '<<';
  return key.value === '<<' && (!key.type || key.type === 'PLAIN');
}

/** The property name yaml's toJS gives a key (`yes` is `"true"` in YAML 1.1, `1.0` is `"1"`). */
function keyString(doc: Document.Parsed, key: unknown): string | undefined {
  const node = resolveAlias(doc, key);
  if (node === null || node === undefined) return '';
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? undefined : String(value);
}

function resolveAlias(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  return (node as Ranged).range?.[0];
}
