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
  const { result, format } = readText(path, decoded.text, options, decoded.utf16);
  formatsRead.set(content, { key: readKey(path, options), format });
  return result;
}

/** Reads decoded text as {@link readConfig} does, saying which format it was read as. */
export function readText(path: string, text: string, options: ReadOptions, utf16 = false): { result: ReadResult; format: ConfigFormat } {
  // TOML 1.0: "A TOML file must be a valid UTF-8 encoded Unicode document."
  const formats = utf16 ? formatsToTry(path, text).filter((format) => format !== 'toml') : formatsToTry(path, text);
  if (formats.length === 0) return { result: { ok: false, message: 'not valid TOML: a TOML file must be UTF-8, and this one is UTF-16; save it as UTF-8' }, format: 'toml' };
  let first: { result: ReadResult; format: ConfigFormat } | undefined;
  for (const format of formats) {
    let result: ReadResult;
    try {
      result = FORMATS[format].read(text, options);
    } catch (error) {
      result = { ok: false, message: describeReadFailure(error, 'could not be parsed', options.maxDepth) };
    }
    if (result.ok) {
      // `name = "x"` lines read as YAML are one plain string, which no config is: TOML,
      // when it reads the text, is what the file is.
      if (format === 'yaml' && formats.includes('toml') && isOneString(result.documents)) {
        const toml = FORMATS.toml.read(text, options);
        if (toml.ok) return { result: toml, format: 'toml' };
      }
      return { result, format };
    }
    first ??= { result, format };
  }
  return first!;
}

function isOneString(documents: unknown[]): boolean {
  return documents.length === 1 && typeof documents[0] === 'string';
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
