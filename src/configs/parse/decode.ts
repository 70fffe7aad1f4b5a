import { isUtf8 } from 'node:buffer';

/** Where something is in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** A file's bytes as text (BOM removed), or why they are not text. */
export type DecodedText = { ok: true; text: string; utf16?: true } | { ok: false; message: string; position?: Position };

/** Files larger than this are reported as unreadable rather than parsed. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file of this size is not read, or undefined when it is small enough. */
export function sizeProblem(bytes: number, options: { maxBytes?: number }): string | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes <= maxBytes) return undefined;
  let [size, limit] = [formatBytes(bytes), formatBytes(maxBytes)];
  // Rounded, 10 MiB + 1 byte reads "10 MiB, over the limit of 10 MiB".
  if (size === limit) [size, limit] = [`${bytes} bytes`, `${limit} (${maxBytes} bytes)`];
  return `too large to read: ${size}, over the limit of ${limit}`;
}

/**
 * Checks size, NUL bytes and encoding, and turns the bytes into text without the BOM, so
 * offsets in the text are positions as the user sees the file.
 */
export function decodeConfig(content: Buffer, options: { maxBytes?: number }): DecodedText {
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

function decodeUtf16(body: Buffer, endian: 'le' | 'be'): DecodedText {
  if (body.length % 2 !== 0) return { ok: false, message: 'not valid UTF-16 text (odd number of bytes); save the file as UTF-8' };
  const little = endian === 'le' ? body : Buffer.from(body).swap16();
  return { ok: true, text: little.toString('utf16le'), utf16: true };
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
