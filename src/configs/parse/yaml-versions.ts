import { decodeConfig } from './decode.js';
import { parsePointer } from './pointer.js';
import { readText } from './read.js';
import type { ReadOptions } from './result.js';
import type { YamlVersion } from './yaml-dialect.js';

/** One value of a config as YAML 1.1 and YAML 1.2 read it, when the two differ. */
export interface YamlVersionDifference {
  /** The value as the `yaml-version` in use reads it. */
  read: unknown;
  /** The value as the other YAML version reads it. */
  other: unknown;
  otherVersion: YamlVersion;
}

const documentsByVersion = new WeakMap<Buffer, Map<string, unknown[] | undefined>>();

function documentsAs(path: string, content: Buffer, options: ReadOptions, version: YamlVersion): unknown[] | undefined {
  let byVersion = documentsByVersion.get(content);
  if (!byVersion) documentsByVersion.set(content, (byVersion = new Map()));
  const key = `${path}\0${version}`;
  if (!byVersion.has(key)) {
    const decoded = decodeConfig(content, options);
    const read = decoded.ok ? readText(path, decoded.text, { ...options, yamlVersion: version }) : undefined;
    // Only YAML reads differ between versions; JSON (and anything else) never does.
    byVersion.set(key, read?.format === 'yaml' && read.result.ok ? read.result.documents : undefined);
  }
  return byVersion.get(key);
}

function valueAt(document: unknown, segments: string[]): { found: boolean; value?: unknown } {
  let value = document;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return { found: false };
    value = (value as Record<string, unknown>)[segment];
    if (value === undefined) return { found: false };
  }
  return { found: true, value };
}

/**
 * Whether the value at a JSON pointer of a YAML config reads otherwise in the other YAML
 * version (`yes`, `on`, `0777`, `1:30`, `1_000`): a schema error there may only say that the
 * schema and the loader read YAML differently. Undefined when both read it alike, or the
 * file is not YAML. Configs are parsed again, once per version, only when asked.
 */
export function yamlVersionDifference(
  path: string,
  content: Buffer,
  options: ReadOptions,
  documentIndex: number,
  pointer: string,
): YamlVersionDifference | undefined {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  const version = options.yamlVersion;
  const otherVersion: YamlVersion = version === '1.2' ? '1.1' : '1.2';
  const read = documentsAs(path, content, options, version);
  const other = documentsAs(path, content, options, otherVersion);
  if (!read || !other) return undefined;
  const a = valueAt(read[documentIndex], segments);
  const b = valueAt(other[documentIndex], segments);
  if (!a.found || !b.found) return undefined;
  // Scalars only: a mapping that differs somewhere inside is reported where it differs.
  if ((a.value !== null && typeof a.value === 'object') || (b.value !== null && typeof b.value === 'object')) return undefined;
  if (Object.is(a.value, b.value)) return undefined;
  return { read: a.value, other: b.value, otherVersion };
}

/** The hint a schema error on such a value carries: how each version reads it, and the setting to try. */
export function yamlVersionHint(difference: YamlVersionDifference): string {
  const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
  const current = difference.otherVersion === '1.1' ? '1.2' : '1.1';
  const loaders = difference.otherVersion === '1.1' ? ' (PyYAML, as most Python loaders do)' : '';
  return `YAML ${current} reads this value as ${shown(difference.read)}, YAML ${difference.otherVersion} as ${shown(difference.other)}: if the loader reads YAML ${difference.otherVersion}${loaders}, set \`yaml-version: ${difference.otherVersion}\``;
}
