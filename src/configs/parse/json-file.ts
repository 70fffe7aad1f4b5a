import { decodeConfig, sizeProblem, type Position } from './decode.js';
import { describeReadFailure } from './hardening.js';
import { readJson } from './json.js';

/** How much of a JSON text from outside is read. */
export interface JsonLimits {
  /** Larger texts are not read (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Values nested deeper are refused (default {@link MAX_NESTING_DEPTH}). */
  maxDepth?: number;
}

/** A JSON text read: its one value, or why it cannot be read (and where, when one place is to blame). */
export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string; position?: Position };

/**
 * Reads JSON the gate did not write itself (an event payload, a shard's report, a release tool's
 * config, a loader's line) with the limits configs are read with: size, UTF-8 or UTF-16 with
 * or without a BOM, nesting depth; a `__proto__` key is a plain own key. Never throws.
 */
export function readJsonBytes(content: Buffer, limits: JsonLimits = {}): JsonRead {
  const decoded = decodeConfig(content, limits);
  return decoded.ok ? readJsonText(decoded.text, limits) : decoded;
}

/** {@link readJsonBytes} for text already decoded (a leading BOM is dropped). */
export function readJsonText(text: string, limits: JsonLimits = {}): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooLarge = sizeProblem(Buffer.byteLength(body), limits);
  if (tooLarge) return { ok: false, message: tooLarge };
  let result;
  try {
    result = readJson(body, limits);
  } catch (error) {
    // jsonc-parser recurses once per level: a text deeper than the stack overflows it.
    return { ok: false, message: describeReadFailure(error, 'not valid JSON', limits.maxDepth) };
  }
  if (!result.ok) return { ok: false, message: result.message, ...(result.position ? { position: result.position } : {}) };
  return { ok: true, value: result.documents[0] };
}

/** A failed read in words for an error message: `not valid JSON: expected a value (line 3, column 7)`. */
export function describeJsonRead(failure: { message: string; position?: Position }): string {
  return failure.position ? `${failure.message} (line ${failure.position.line}, column ${failure.position.column})` : failure.message;
}
