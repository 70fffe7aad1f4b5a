import type { Position } from './decode.js';
import type { YamlVersion } from './yaml-dialect.js';

/** How a file is read. */
export interface ReadOptions {
  yamlVersion: YamlVersion;
  /** Larger files are not read (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** Why a file cannot be read, and where, when one place is to blame. */
export type ReadFailure = { ok: false; message: string; position?: Position };

/** A file read from bytes: its documents, or why it cannot be read. */
export type ReadResult = { ok: true; documents: unknown[] } | ReadFailure;

/** The format a text is parsed as. One more format is one more case here and in format.ts. */
export type ConfigFormat = 'yaml' | 'json';

/**
 * Where the value (or, with `target: 'key'`, the property name) at a JSON pointer's tokens
 * sits in document `documentIndex`: a UTF-16 offset into the text, or undefined when that
 * document does not exist.
 */
export type Locator = (documentIndex: number, segments: string[], target: 'value' | 'key') => number | undefined;
