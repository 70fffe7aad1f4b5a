import { jsonLocator, readJson } from './json.js';
import type { ConfigFormat, Locator, ReadOptions, ReadResult } from './result.js';
import { readToml, tomlLocator } from './toml.js';
import { readYaml, yamlLocator } from './yaml.js';

/** What the reader needs of one format. */
export interface FormatReader {
  /** The documents of a text, checked against the hardening limits, or why it cannot be read. */
  read(text: string, options: ReadOptions): ReadResult;
  /** Parses the text again keeping source offsets; undefined when it cannot be parsed. */
  locator(text: string, options: ReadOptions): Locator | undefined;
}

/** Every format the reader knows. */
export const FORMATS: Record<ConfigFormat, FormatReader> = {
  json: { read: readJson, locator: jsonLocator },
  yaml: { read: readYaml, locator: yamlLocator },
  toml: { read: readToml, locator: tomlLocator },
};

/** The format a path's extension fixes (case-insensitive), or undefined to decide by content. */
export function formatByExtension(path: string): ConfigFormat | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || path.indexOf('/', dot) !== -1) return undefined;
  const extension = path.slice(dot + 1).toLowerCase();
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  if (extension === 'json') return 'json';
  if (extension === 'toml') return 'toml';
  return undefined;
}

/** Whether text of unknown format should be tried as JSON first: it starts with `{` or `[`. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/**
 * The formats to try on a file, in order: the first that reads it is its format; when none
 * does, the first one's error is the file's. `.yaml`/`.yml` are YAML, `.json` is JSON, `.toml`
 * is TOML, and anything else goes by content: text that starts like JSON is tried as JSON,
 * then as YAML (a superset of JSON, where `{a: 1}` is a flow mapping); other text is YAML.
 * TOML comes last, so a file that YAML or JSON reads is read as before, except text that YAML
 * reads as one plain string (`name = "x"` lines) and TOML reads as a table.
 */
export function formatsToTry(path: string, text: string): ConfigFormat[] {
  const byExtension = formatByExtension(path);
  if (byExtension) return [byExtension];
  return looksLikeJson(text) ? ['json', 'yaml', 'toml'] : ['yaml', 'toml'];
}
