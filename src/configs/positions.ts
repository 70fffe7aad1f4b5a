import type { Node as JsonNode } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';
import {
  decodeConfig,
  formatByExtension,
  looksLikeJson,
  parseJsonTree,
  parseYaml,
  positionAt,
  type ConfigFormat,
  type Position,
  type ReadOptions,
} from './read.js';

/**
 * The 1-based line and column, in the file as the user sees it, of the value at an RFC 6901
 * JSON pointer (`""` is the whole document) in document `documentIndex` of a config that
 * `readConfig` read. `target: 'key'` points at the property's name instead (for
 * "property X is not allowed"); array items and the root have no name and give their value.
 * When the pointer goes further than the document (a missing required property), the
 * deepest part that exists is given, by its name when it is a property. A value inherited
 * through a YAML merge key (`<<: *base`) is found where the anchor defines it.
 * Undefined when the file cannot be parsed, the document does not exist, or the pointer is
 * not a JSON pointer.
 */
export function locate(
  path: string,
  content: Buffer,
  options: ReadOptions,
  documentIndex: number,
  pointer: string,
  target: 'value' | 'key' = 'value',
): Position | undefined {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  const parsed = parsedConfig(path, content, options);
  if (!parsed) return undefined;
  const offset =
    parsed.format === 'json'
      ? documentIndex === 0
        ? locateInJson(parsed.root, segments, target)
        : undefined
      : locateInYaml(parsed.docs, documentIndex, segments, target);
  return offset === undefined ? undefined : positionAt(parsed.text, offset);
}

/** The reference tokens of a JSON pointer (`/a~1b/0` → `['a/b', '0']`), also in URI fragment form (`#/a`). */
export function parsePointer(pointer: string): string[] | undefined {
  let text = pointer;
  if (text.startsWith('#')) {
    try {
      text = decodeURIComponent(text.slice(1));
    } catch {
      return undefined;
    }
  }
  if (text === '') return [];
  if (!text.startsWith('/')) return undefined;
  // RFC 6901 §4: `~1` before `~0`, so that `~01` becomes `~1` and not `/`.
  return text
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type ParsedConfig =
  | { format: 'json'; text: string; root: JsonNode | undefined }
  | { format: 'yaml'; text: string; docs: Document.Parsed[] };

/**
 * One parse per file: a config with several findings is located several times in a row.
 * Keyed by the Buffer, so it goes away with the config.
 */
const parseCache = new WeakMap<Buffer, { key: string; parsed: ParsedConfig | undefined }>();

function parsedConfig(path: string, content: Buffer, options: ReadOptions): ParsedConfig | undefined {
  const extensionFormat = formatByExtension(path);
  const key = `${extensionFormat ?? ''}|${options.yamlVersion}|${options.maxBytes ?? ''}`;
  const cached = parseCache.get(content);
  if (cached?.key === key) return cached.parsed;
  const parsed = parse(content, options, extensionFormat);
  parseCache.set(content, { key, parsed });
  return parsed;
}

/** Parses as `readConfig` does, keeping the syntax trees and their offsets. */
function parse(content: Buffer, options: ReadOptions, extensionFormat: ConfigFormat | undefined): ParsedConfig | undefined {
  const decoded = decodeConfig(content, options);
  if (!decoded.ok) return undefined;
  const { text } = decoded;
  if (extensionFormat === 'json' || (extensionFormat === undefined && looksLikeJson(text))) {
    const { root, errors } = parseJsonTree(text);
    if (extensionFormat === 'json' || errors.length === 0) return { format: 'json', text, root };
  }
  try {
    return { format: 'yaml', text, docs: parseYaml(text, options.yamlVersion) };
  } catch {
    return undefined;
  }
}

function locateInJson(root: JsonNode | undefined, segments: string[], target: 'value' | 'key'): number | undefined {
  if (!root) return undefined;
  let node = root;
  let key: JsonNode | undefined;
  for (const segment of segments) {
    const child = jsonChild(node, segment);
    if (!child) return (key ?? node).offset;
    ({ node, key } = child);
  }
  return (target === 'key' && key ? key : node).offset;
}

function jsonChild(node: JsonNode, segment: string): { node: JsonNode; key?: JsonNode } | undefined {
  const children = node.children ?? [];
  if (node.type === 'array') {
    const item = isArrayIndex(segment) ? children[Number(segment)] : undefined;
    return item ? { node: item } : undefined;
  }
  if (node.type !== 'object') return undefined;
  // Duplicate keys: the last one wins, as in JSON.parse.
  for (let i = children.length - 1; i >= 0; i--) {
    const [key, value] = children[i]?.children ?? [];
    if (key?.value === segment) return { node: value ?? key, key };
  }
  return undefined;
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

function isArrayIndex(segment: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(segment);
}
