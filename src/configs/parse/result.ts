import type { Position } from './decode.js';
import type { YamlVersion } from './yaml-dialect.js';

/** How a file is read. */
export interface ReadOptions {
  yamlVersion: YamlVersion;
  /** Larger files are not read (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Values nested deeper are refused (default {@link MAX_NESTING_DEPTH}). */
  maxDepth?: number;
  /**
   * Read plain YAML 1.2 with js-yaml when it gives exactly the values `yaml` gives (default
   * true); `false` always takes the `yaml` reader, the reference the fast path is tested on.
   */
  fastPath?: boolean;
}

/**
 * Why a file cannot be read, and where, when one place is to blame. `detail` is the parser's
 * own words for a syntax error (`value expected`, yaml's message), without the format.
 */
export type ReadFailure = { ok: false; message: string; position?: Position; detail?: string };

/** A file read from bytes: its documents, or why it cannot be read. */
export type ReadResult = { ok: true; documents: unknown[] } | ReadFailure;

/** The format a text is parsed as. One more format is one more case here and in format.ts. */
export type ConfigFormat = 'yaml' | 'json' | 'toml';

/**
 * Where the value (or, with `target: 'key'`, the property name) at a JSON pointer's tokens
 * sits in document `documentIndex`: a UTF-16 offset into the text, or undefined when that
 * document does not exist.
 */
export type Locator = (documentIndex: number, segments: string[], target: 'value' | 'key') => number | undefined;
