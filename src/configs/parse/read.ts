import { decodeConfig } from './decode.js';
import { describeReadFailure } from './hardening.js';
import { FORMATS, formatsToTry } from './format.js';
import type { ConfigFormat, ReadOptions, ReadResult } from './result.js';

/**
 * Reads one file's bytes into its parsed documents, or says why it cannot be read: decodes
 * them (size, encoding, BOM), picks the format (by extension, else by content) and parses
 * with the hardening limits (depth, aliases, documents). Configs and schema files alike.
 */
export function readConfig(path: string, content: Buffer, options: ReadOptions): ReadResult {
  const decoded = decodeConfig(content, options);
  if (!decoded.ok) return decoded;
  const { result, format } = readText(path, decoded.text, options);
  formatsRead.set(content, { key: readKey(path, options), format });
  return result;
}

/** Reads decoded text as {@link readConfig} does, saying which format it was read as. */
export function readText(path: string, text: string, options: ReadOptions): { result: ReadResult; format: ConfigFormat } {
  const formats = formatsToTry(path, text);
  let first: { result: ReadResult; format: ConfigFormat } | undefined;
  for (const format of formats) {
    let result: ReadResult;
    try {
      result = FORMATS[format].read(text, options);
    } catch (error) {
      result = { ok: false, message: describeReadFailure(error, 'could not be parsed', options.maxDepth) };
    }
    if (result.ok) return { result, format };
    first ??= { result, format };
  }
  return first!;
}

/**
 * The format each file was read as, so that locating in it later parses it the same way
 * without deciding again. Keyed by the Buffer, so it goes away with the file.
 */
export const formatsRead = new WeakMap<Buffer, { key: string; format: ConfigFormat }>();

/** What, besides the bytes, decides how a file is read. */
export function readKey(path: string, options: ReadOptions): string {
  return `${path}|${options.yamlVersion}|${options.maxBytes ?? ''}|${options.maxDepth ?? ''}`;
}
