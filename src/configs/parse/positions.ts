import { decodeConfig, positionAt, type Position } from './decode.js';
import { FORMATS } from './format.js';
import { parsePointer } from './pointer.js';
import { formatsRead, readKey, readText } from './read.js';
import type { Locator, ReadOptions } from './result.js';

/**
 * The 1-based line and column, in the file as the user sees it, of the value at an RFC 6901
 * JSON pointer (`""` is the whole document) in document `documentIndex` of a file that
 * `readConfig` read, parsed as the format it was read as. `target: 'key'` points at the
 * property's name instead (for "property X is not allowed"); array items and the root have
 * no name and give their value. When the pointer goes further than the document (a missing
 * required property), the deepest part that exists is given, by its name when it is a
 * property. A value inherited through a YAML merge key (`<<: *base`) is found where the
 * anchor defines it. Undefined when the file cannot be parsed, the document does not exist,
 * or the pointer is not a JSON pointer.
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
  const located = locatorOf(path, content, options);
  const offset = located?.locator(documentIndex, segments, target);
  return offset === undefined || !located ? undefined : positionAt(located.text, offset);
}

interface Located {
  text: string;
  locator: Locator;
}

/**
 * One parse with positions per file: a config with several findings is located several
 * times in a row, and most configs are never located at all. Keyed by the Buffer, so it
 * goes away with the file.
 */
const locators = new WeakMap<Buffer, { key: string; located: Located | undefined }>();

function locatorOf(path: string, content: Buffer, options: ReadOptions): Located | undefined {
  const key = readKey(path, options);
  const cached = locators.get(content);
  if (cached?.key === key) return cached.located;
  const located = parseWithPositions(path, content, options, key);
  locators.set(content, { key, located });
  return located;
}

function parseWithPositions(path: string, content: Buffer, options: ReadOptions, key: string): Located | undefined {
  const decoded = decodeConfig(content, options);
  if (!decoded.ok) return undefined;
  const { text } = decoded;
  const read = formatsRead.get(content);
  // A file located without being read first (a test, a tool) is read here to learn its format.
  const format = read?.key === key ? read.format : readText(path, text, options, decoded.utf16).format;
  const locator = FORMATS[format].locator(text, options);
  return locator ? { text, locator } : undefined;
}
