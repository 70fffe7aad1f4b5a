import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { positionAt } from './decode.js';
import { checkShape } from './hardening.js';
import { isArrayIndex } from './pointer.js';
import type { Locator, ReadOptions, ReadResult } from './result.js';

/** Reads JSON text (comments and trailing commas tolerated) into its one document. */
export function readJson(text: string, options: Pick<ReadOptions, 'maxDepth'> = {}): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Comments or trailing commas (or a real error): the tolerant parser decides.
    const { root, errors } = parseJsonTree(text);
    const error = errors[0];
    if (error) {
      // jsonc-parser's own name of the error, in words: `ValueExpected` is "value expected".
      const detail = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return { ok: false, message: `not valid JSON: ${describeJsonError(error)}`, position: positionAt(text, error.offset), detail };
    }
    value = root ? jsonValue(root) : null;
  }
  const problem = checkShape(value, false, options.maxDepth);
  return problem ? { ok: false, message: problem } : { ok: true, documents: [value] };
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

/** Parses JSON text again, keeping every node's offset, to locate pointers in it (a best-effort tree past an error). */
export function jsonLocator(text: string): Locator | undefined {
  let root: JsonNode | undefined;
  try {
    ({ root } = parseJsonTree(text));
  } catch {
    // jsonc-parser recurses once per level: text nested deeper than the stack has no positions.
    return undefined;
  }
  if (!root) return undefined;
  return (documentIndex, segments, target) => (documentIndex === 0 ? locateInJson(root, segments, target) : undefined);
}

const JSON_PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

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

function locateInJson(root: JsonNode, segments: string[], target: 'value' | 'key'): number | undefined {
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
