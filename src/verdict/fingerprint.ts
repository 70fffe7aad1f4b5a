import { createHash } from 'node:crypto';
import type { Finding } from '../checks/evaluate.js';
import { breakingLayers, type AttributedSchemaChange, type GateRun, type LayerJudgements } from '../checks/judge.js';
import { changeMatches } from '../checks/schema-diff/index.js';
import { ConfigStatus, DriftStatus } from '../constants.js';

/** Version prefix of every fingerprint: a new way of computing them gets a new prefix. */
export const FINGERPRINT_PREFIX = 'cg2:';

/**
 * One thing a PR breaks in one config, and its fingerprint. The fingerprint depends only on
 * `path`, `layer` and `what`: never on commit shas, line numbers or the order of findings, so
 * it stays the same across a rebase, a new push or an unrelated edit.
 */
export interface Break {
  fingerprint: string;
  /**
   * The path the fingerprint is made from: the config's path in the first release compared with
   * that holds it (the ref users have), else its path on the base. A config renamed on the base
   * since that release keeps its fingerprint.
   */
  path: string;
  layer: string;
  /** For a schema break: the breaking change's rule id, when the schema diff names one. */
  rule?: string;
  /** For a schema break: the change's place in a config (`*` for any item), else the error's JSON pointer. */
  pointer?: string;
  /** For a schema break no change explains: the JSON Schema keyword that failed. */
  keyword?: string;
  /** For a test of the integration suite (JUnit XML): the test that passed on the base and fails now. */
  test?: string;
  /** For the other layers: the message, normalised (no temporary paths, numbers, shas or extra spaces). */
  message?: string;
}

/** The breaks of one config: of a base config (`ref: base`) or of new drift of a release (`ref` its tag). */
export interface ConfigBreaks {
  ref: string;
  /** The config's path in that ref. */
  configPath: string;
  currentPath?: string;
  breaks: Break[];
}

/** The fingerprint of what broke: `cg2:` and 16 hex digits of a SHA-256. */
export function fingerprintOf(path: string, layer: string, what: string): string {
  return FINGERPRINT_PREFIX + createHash('sha256').update(JSON.stringify([path, layer, what])).digest('hex').slice(0, 16);
}

// Absolute paths under a temporary folder (the runner's, the system's, macOS's), up to the next space or quote.
const TEMP_PATH = /(?:[A-Za-z]:)?[\\/](?:tmp|temp|var[\\/]folders|private[\\/]var|home[\\/]runner[\\/]work[\\/]_temp|runner[\\/]_work[\\/]_temp|a[\\/]_temp)[\\/][^\s'"`,;:)\]]*/gi;
// A commit or blob sha, abbreviated or whole: seven or more hex digits with at least one digit and one letter.
const HEX_SHA = /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/gi;
// Memory addresses and UUIDs: different on every run, letters and all.
const ADDRESS = /\b0x[0-9a-f]+\b/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// Durations, sizes and rates with their unit.
const MEASURE = /\b\d+(?:[.,]\d+)*\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|minutes?|h|hours?|[kKMG]i?B|bytes?|%)(?![\w])/g;
// Where in a file (`:12:5`, `line 12`, `col 5`), and who ran it (`pid 1234`, `port 8321`).
const PLACE = /(?::\d+){1,2}\b|\b(line|lines|col|column|pid|port|thread|attempt|after)\s*[:=#]?\s*\d+/gi;
// Long numbers (timestamps, ids, counters): five digits or more. Short ones (`v1`, `http2`, `3 items`) say what is wrong.
const LONG_NUMBER = /\d{5,}/g;

/**
 * A loader's (or any layer's) message with what changes from run to run taken out: the
 * config's own paths (it may have moved), temporary paths, shas, numbers (lines, columns,
 * pids, durations) and runs of whitespace. What remains says what is wrong.
 */
export function normaliseMessage(message: string, ownPaths: readonly string[] = []): string {
  let text = message;
  // Longest first, so `a/b.yaml.bak` is not half-replaced by `a/b.yaml`.
  for (const path of [...new Set(ownPaths)].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(path).join('<config>');
  return text
    .replace(TEMP_PATH, '<tmp>')
    .replace(UUID, '<uuid>')
    .replace(ADDRESS, '<address>')
    .replace(HEX_SHA, '<sha>')
    .replace(MEASURE, '<measure>')
    .replace(PLACE, (_match, word?: string) => (word ? `${word} <n>` : ':<n>'))
    .replace(LONG_NUMBER, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What one config's breaking findings say, before the path is chosen. */
export function breaksOf(
  config: { path: string; currentPath?: string; findings: readonly Finding[]; uncut?: readonly Finding[]; layers?: LayerJudgements },
  fingerprintPath: string,
  changes: readonly AttributedSchemaChange[],
): Break[] {
  const layers = config.layers ? (breakingLayers(config.layers) as string[]) : undefined;
  // Every finding, not only those the report keeps: no break hides past the cut.
  const counted = (config.uncut ?? config.findings).filter((finding) => finding.layer !== 'parse' && (!layers || layers.includes(finding.layer)));
  const breaking = changes.filter((change) => change.severity === 'breaking');
  const byFingerprint = new Map<string, Break>();
  const add = (entry: Omit<Break, 'fingerprint' | 'path'>, what: string) => {
    const fingerprint = fingerprintOf(fingerprintPath, entry.layer, what);
    if (!byFingerprint.has(fingerprint)) byFingerprint.set(fingerprint, { fingerprint, path: fingerprintPath, ...entry });
  };
  for (const finding of counted) {
    if (finding.layer === 'schema') {
      const matched = finding.pointer === undefined ? [] : breaking.filter((change) => changeMatches(change, finding.pointer!));
      if (matched.length) {
        // The change's own words name what changed (which property, which value): two changes of
        // one rule at one place (two properties newly required) are two breaks.
        for (const change of matched) add({ layer: 'schema', rule: change.rule, pointer: change.instancePath }, `rule ${change.rule} ${change.instancePath} ${change.message}`);
      } else {
        const keyword = finding.keyword ?? 'schema';
        // An item's index is where it sits, not what broke: `/servers/3/port` is `/servers/*/port`.
        const pointer = (finding.pointer ?? '').replace(/\/\d+(?=\/|$)/g, '/*');
        add({ layer: 'schema', keyword, pointer }, `keyword ${keyword} ${pointer}`);
      }
      continue;
    }
    const message = normaliseMessage(finding.message, [config.path, ...(config.currentPath ? [config.currentPath] : []), fingerprintPath]);
    if (finding.test !== undefined) {
      // A suite judged test by test: a test that failed on the base too is not the PR's break,
      // and a test is named by itself, whatever its assertion prints this time.
      if (!finding.failedOnBase) add({ layer: finding.layer, test: finding.test, message }, `test ${finding.test}`);
      continue;
    }
    add({ layer: finding.layer, message }, `message ${message}`);
  }
  // A layer that broke without a finding of its own (none kept) still has a break to acknowledge.
  for (const layer of layers ?? []) {
    if (![...byFingerprint.values()].some((broke) => broke.layer === layer)) add({ layer, message: '' }, 'message ');
  }
  // Sorted, so that the order findings came in never shows.
  return [...byFingerprint.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}

/**
 * Every break of a run: the base's broken configs, then each release's new drift. A base
 * config's fingerprint path is its path in the first release (in the `release` input's order)
 * holding it, found by where each is now (git's rename detection); else its path on the base.
 */
export function fingerprintRun(run: GateRun): ConfigBreaks[] {
  const changes = run.schemaChanges ?? [];
  const { releases } = run;
  const releasePathNow = new Map<string, string>();
  for (const release of releases) {
    for (const config of release.configs) {
      const now = config.currentPath ?? config.path;
      if (!releasePathNow.has(now)) releasePathNow.set(now, config.path);
    }
  }
  const found: ConfigBreaks[] = [];
  for (const config of run.base.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    const path = releasePathNow.get(config.currentPath ?? config.path) ?? config.path;
    found.push({ ref: 'base', configPath: config.path, ...(config.currentPath ? { currentPath: config.currentPath } : {}), breaks: breaksOf(config, path, changes) });
  }
  for (const release of releases) {
    for (const config of release.configs) {
      if (config.status !== DriftStatus.New) continue;
      const path = releasePathNow.get(config.currentPath ?? config.path) ?? config.path;
      found.push({ ref: release.ref.ref, configPath: config.path, ...(config.currentPath ? { currentPath: config.currentPath } : {}), breaks: breaksOf(config, path, changes) });
    }
  }
  return found;
}
