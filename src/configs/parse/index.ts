/**
 * The one reader of configs and schema files: decodes bytes (size, UTF-8 or UTF-16, BOM),
 * picks the format (`.json`, `.yaml`/`.yml`, `.toml` by extension, else by content), parses with the hardening limits
 * (depth, alias bombs, documents) and gives positions of JSON pointers on demand.
 */
export { DEFAULT_MAX_BYTES, decodeConfig, positionAt, sizeProblem, type DecodedText, type Position } from './decode.js';
export { formatByExtension, formatsToTry, looksLikeJson } from './format.js';
export { MAX_ALIAS_COUNT, MAX_EXPANDED_VALUES, MAX_NESTING_DEPTH, MAX_YAML_DOCUMENTS, NESTED_TOO_DEEPLY, nestedTooDeeply } from './hardening.js';
export { locate } from './positions.js';
export { escapePointerToken, parsePointer, pointerOf } from './pointer.js';
export { readConfig } from './read.js';
export { yamlVersionDifference, yamlVersionHint, type YamlVersionDifference } from './yaml-versions.js';
export { tomlDateString } from './toml.js';
export type { ConfigFormat, ReadFailure, ReadOptions, ReadResult } from './result.js';
export type { YamlVersion } from './yaml-dialect.js';
export { describeJsonRead, readJsonBytes, readJsonText, type JsonLimits, type JsonRead } from './json-file.js';
