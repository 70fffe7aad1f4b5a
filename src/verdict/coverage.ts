import { createMatcher, parsePatterns } from '../configs/select.js';
import { ACKNOWLEDGEMENTS_SCHEMA, type AckEntry, type AckFile } from './acknowledgements-file.js';
import type { Break, ConfigBreaks } from './fingerprint.js';

/** What acknowledges a break (`acknowledge-with`): the PR's title, footer or label; the file; or either. */
export const ACK_MODES = ['pr', 'file', 'either'] as const;
export type AckMode = (typeof ACK_MODES)[number];

/**
 * What became of one entry: `used` (it acknowledges a break of this PR), `expired` (its
 * `expires` day is past: it acknowledges nothing), `stale` (it matches no break any more).
 */
export type EntryState = 'used' | 'expired' | 'stale';

/** An entry with what it matched: the fingerprints it acknowledges (or, expired, would). */
export type CheckedEntry = AckEntry & { state: EntryState; covers: string[] };

/** A break the file does not acknowledge, and why: no entry, or only an expired one. */
export type UncoveredBreak = Break & {
  /** `base`, or the release whose new drift it is. */
  ref: string;
  configPath: string;
  /** Entries that would cover it but expired. */
  expiredEntries?: number[];
  /** The same config has other breaks the file acknowledges: this one is new since. */
  newSinceAcknowledgement?: boolean;
};

/** The acknowledgements file against the PR's breaks. */
export interface FileCoverage {
  path: string;
  found: boolean;
  form?: 'list' | 'mapping';
  entries: CheckedEntry[];
  /** Every break that counts for the verdict is acknowledged by a live entry (and there is one). */
  covered: boolean;
  /** The breaks that count for the verdict and that no live entry acknowledges. */
  uncovered: UncoveredBreak[];
  /** Entries for the uncovered breaks, ready to paste into the file. */
  suggestion?: string;
}

/** Today as YYYY-MM-DD in UTC: the day `expires` is compared with. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Each entry's globs compiled once: a file is matched against every break of thousands of configs. */
const matchers = new WeakMap<AckEntry, { included: (path: string) => boolean; excluded: (path: string) => boolean }>();

function matchersOf(entry: AckEntry, paths: readonly string[]): { included: (path: string) => boolean; excluded: (path: string) => boolean } {
  let found = matchers.get(entry);
  if (!found) {
    const excludes = paths.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    found = {
      included: createMatcher(parsePatterns(paths.filter((glob) => !glob.startsWith('!')).join('\n'))),
      excluded: excludes.length ? createMatcher(parsePatterns(excludes.join('\n'))) : () => false,
    };
    matchers.set(entry, found);
  }
  return found;
}

/** Whether an entry matches a break: the same fingerprint, or a glob of its paths and its layer. */
export function entryMatches(entry: AckEntry, found: ConfigBreaks, broke: Break): boolean {
  if (entry.fingerprint !== undefined) return entry.fingerprint === broke.fingerprint;
  if (!entry.paths || entry.layer !== broke.layer) return false;
  // Every name the config has had must pass the entry's globs: one name matching is not enough
  // when another is excluded (`!conf/prod.yaml` excludes the config whatever it was called before).
  const names = [broke.path, found.configPath, found.currentPath].filter((path): path is string => path !== undefined);
  const { included, excluded } = matchersOf(entry, entry.paths);
  return names.some(included) && !names.some(excluded);
}

/**
 * Matches the file's entries with the breaks. `counts(found)` says which configs' breaks count
 * for the verdict (the base's; new drift too with `fail-on-drift`); an entry that matches any
 * break, counted or not, is not stale. An entry whose `expires` day is before `today` covers
 * nothing, and the breaks it would cover say so.
 */
export function coverBreaks(file: AckFile, breaks: readonly ConfigBreaks[], counts: (found: ConfigBreaks) => boolean, today: string): FileCoverage {
  const entries = file.found ? file.entries : [];
  const checked: CheckedEntry[] = entries.map((entry) => {
    const covers = new Set<string>();
    for (const found of breaks) for (const broke of found.breaks) if (entryMatches(entry, found, broke)) covers.add(broke.fingerprint);
    const expired = entry.expires !== undefined && entry.expires < today;
    return { ...entry, state: expired ? 'expired' : covers.size ? 'used' : 'stale', covers: [...covers].sort() };
  });
  const liveCovers = new Set(checked.filter((entry) => entry.state === 'used').flatMap((entry) => entry.covers));
  const uncovered: UncoveredBreak[] = [];
  const seen = new Set<string>();
  let counted = 0;
  for (const found of breaks) {
    if (!counts(found)) continue;
    const coveredHere = found.breaks.filter((broke) => liveCovers.has(broke.fingerprint));
    for (const broke of found.breaks) {
      counted++;
      if (coveredHere.includes(broke) || seen.has(broke.fingerprint)) continue;
      seen.add(broke.fingerprint);
      const expiredEntries = checked.filter((entry) => entry.state === 'expired' && entry.covers.includes(broke.fingerprint)).map((entry) => entry.number);
      uncovered.push({
        ...broke,
        ref: found.ref,
        configPath: found.configPath,
        ...(expiredEntries.length ? { expiredEntries } : {}),
        ...(coveredHere.length ? { newSinceAcknowledgement: true } : {}),
      });
    }
  }
  const form = file.found ? file.form : undefined;
  return {
    path: file.path,
    found: file.found,
    ...(form ? { form } : {}),
    entries: checked,
    covered: counted > 0 && uncovered.length === 0,
    uncovered,
    ...(uncovered.length ? { suggestion: suggestEntries(uncovered, form ?? 'mapping', file.found) } : {}),
  };
}

/**
 * The file's coverage over the partial reports of shards: each shard matched the same file with
 * its own slice of the breaks. An entry is used when any shard used it, stale only when every
 * shard found it stale; the breaks left uncovered are those of every shard.
 */
export function mergeCoverage(shards: readonly FileCoverage[]): FileCoverage {
  const first = shards[0]!;
  const entries = first.entries.map((entry, index) => {
    const seen = shards.map((shard) => shard.entries[index]).filter((other): other is CheckedEntry => other !== undefined);
    const covers = [...new Set(seen.flatMap((other) => other.covers))].sort();
    const state: EntryState = seen.some((other) => other.state === 'expired') ? 'expired' : seen.some((other) => other.state === 'used') ? 'used' : 'stale';
    return { ...entry, state, covers };
  });
  const uncovered: UncoveredBreak[] = [];
  const seen = new Set<string>();
  for (const broke of shards.flatMap((shard) => shard.uncovered)) {
    if (seen.has(broke.fingerprint)) continue;
    seen.add(broke.fingerprint);
    uncovered.push(broke);
  }
  const { suggestion: _suggestion, ...rest } = first;
  return {
    ...rest,
    entries,
    covered: uncovered.length === 0 && shards.some((shard) => shard.covered),
    uncovered,
    ...(uncovered.length ? { suggestion: suggestEntries(uncovered, first.form ?? 'mapping', first.found) } : {}),
  };
}

/** One line of what broke, for a person: `schema: rule required-added at /server`. */
export function breakWords(broke: Break, pointer: (pointer: string) => string = (as) => as): string {
  if (broke.rule) return `${broke.layer}: ${broke.rule} at ${pointer(broke.pointer || '/')}`;
  if (broke.keyword) return `${broke.layer}: ${broke.keyword} at ${pointer(broke.pointer || '/')}`;
  if (broke.test) return `${broke.layer}: test ${broke.test}`;
  return `${broke.layer}: ${broke.message ?? ''}`;
}

const MAX_SUGGESTED = 50;

/**
 * Entries for the breaks not acknowledged, in the file's own form (under `acknowledgements:`
 * for a new file). Each `reason` is a placeholder with a comment saying to replace it: the
 * file keeps why each break is accepted.
 */
function suggestEntries(uncovered: readonly UncoveredBreak[], form: 'list' | 'mapping', exists: boolean): string {
  const indent = form === 'mapping' ? '  ' : '';
  const lines: string[] = [];
  if (form === 'mapping' && !exists) lines.push(`# yaml-language-server: $schema=${ACKNOWLEDGEMENTS_SCHEMA.$id}`, 'acknowledgements:');
  else if (form === 'mapping') lines.push('# add under `acknowledgements:`');
  for (const broke of uncovered.slice(0, MAX_SUGGESTED)) {
    lines.push(`${indent}# ${comment(broke.path)} — ${comment(breakWords(broke))}`);
    lines.push(`${indent}- fingerprint: ${broke.fingerprint}`);
    lines.push(`${indent}  reason: "TODO: why users may lose this, and what they must change" # replace before merging`);
  }
  if (uncovered.length > MAX_SUGGESTED) lines.push(`# …and ${uncovered.length - MAX_SUGGESTED} more: the JSON report lists every fingerprint`);
  return lines.join('\n');
}

/** Text safe inside a YAML comment line: one line, printable, not too long. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
