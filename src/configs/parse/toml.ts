import { parse, TomlDate, TomlError } from 'smol-toml';
import { positionAt } from './decode.js';
import { checkShape, MAX_NESTING_DEPTH, nestedTooDeeply } from './hardening.js';
import { isArrayIndex, pointerOf } from './pointer.js';
import type { Locator, ReadOptions, ReadResult } from './result.js';
import { scanToml } from './toml-scan.js';

/**
 * Reads TOML text (v1.0, as smol-toml does) into its one document, as JSON Schema sees it:
 * JSON has no dates, so datetimes become the strings {@link tomlDateString} describes, and
 * integers beyond ±2^53 become numbers only when a number holds them exactly.
 */
export function readToml(text: string, options: Pick<ReadOptions, 'maxDepth'> = {}): ReadResult {
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  let parsed: Record<string, unknown>;
  try {
    // `asNeeded`: smol-toml's default refuses every integer past 2^53 with "cannot be
    // represented losslessly", even 2^60, which a number holds exactly.
    parsed = parse(text, { integersAsBigInt: 'asNeeded', maxDepth });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const detail = tomlErrorDetail(error);
    if (/excessively nested/.test(detail)) return { ok: false, message: nestedTooDeeply(maxDepth), position: tomlErrorPosition(text, error) };
    return { ok: false, message: `not valid TOML: ${detail}`, position: tomlErrorPosition(text, error), detail };
  }
  // Tables nest through `[a.b.c]` headers and dotted keys too, which smol-toml does not bound:
  // the shape is checked before the value is walked.
  const problem = checkShape(parsed, false, maxDepth);
  if (problem) return { ok: false, message: problem };
  const inexact: string[][] = [];
  const value = asJson(parsed, [], inexact);
  if (inexact.length > 0) {
    const segments = inexact[0]!;
    const offset = tomlLocator(text)?.(0, segments, 'value');
    const where = offset === undefined ? undefined : positionAt(text, offset);
    return {
      ok: false,
      message: `integer at ${pointerOf(segments)} is too large to be checked exactly: JSON numbers hold integers up to ±2^53 (9007199254740992)`,
      ...(where ? { position: where } : {}),
    };
  }
  return { ok: true, documents: [value] };
}

/**
 * A TOML datetime as a JSON string: an offset date-time is RFC 3339 (`1979-05-27T07:32:00Z`,
 * `…-07:00`, so `format: date-time` holds), a local date-time `1979-05-27T07:32:00`, a local
 * date `1979-05-27`, a local time `07:32:00`. Fractions of a second are kept to the
 * millisecond (smol-toml's precision); a zero fraction is left out.
 */
export function tomlDateString(date: TomlDate): string {
  return date.toISOString().replace(/\.000(?=$|[Z+-])/, '');
}

/** Parses TOML text again, keeping where each key and value starts, to locate pointers in it. */
export function tomlLocator(text: string): Locator | undefined {
  const places = scanToml(text);
  if (!places) return undefined;
  return (documentIndex, segments, target) => {
    if (documentIndex !== 0) return undefined;
    // The deepest part of the pointer that the file writes down.
    for (let length = segments.length; length > 0; length--) {
      const place = places.get(JSON.stringify(segments.slice(0, length)));
      if (!place) continue;
      const byName = target === 'key' || length < segments.length;
      return byName && place.key !== undefined && !isArrayIndex(segments[length - 1]!) ? place.key : place.value;
    }
    return 0;
  };
}

/** The JSON value of smol-toml's result: plain objects, strings for dates, numbers for integers. */
function asJson(value: unknown, path: string[], inexact: string[][]): unknown {
  if (typeof value === 'bigint') {
    const number = Number(value);
    if (BigInt(number) !== value) inexact.push(path);
    return number;
  }
  if (value instanceof TomlDate) return tomlDateString(value);
  if (Array.isArray(value)) return value.map((item, index) => asJson(item, [...path, String(index)], inexact));
  if (typeof value === 'object' && value !== null) {
    const object: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      // `__proto__` stays an own property, as JSON.parse makes it.
      Object.defineProperty(object, key, { value: asJson(child, [...path, key], inexact), writable: true, enumerable: true, configurable: true });
    }
    return object;
  }
  return value;
}

/** smol-toml's message without its prefix and the code excerpt it appends. */
function tomlErrorDetail(error: TomlError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/^Invalid TOML document:\s*/, '');
}

/** smol-toml counts columns in UTF-16 units; positions count characters. */
function tomlErrorPosition(text: string, error: TomlError): { line: number; column: number } | undefined {
  if (!Number.isInteger(error.line) || !Number.isInteger(error.column) || error.line < 1) return undefined;
  let lineStart = 0;
  for (let line = 1; line < error.line; line++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return undefined;
    lineStart = next + 1;
  }
  return positionAt(text, lineStart + Math.max(error.column - 1, 0));
}
