import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { ConfigStatus, REPORT_VERSION, Verdict } from '../constants.js';
import { describeJsonRead, readJsonBytes } from '../configs/parse/index.js';
import { GateError, describeError } from '../errors.js';
import { acknowledgementCounts, decideVerdict } from '../verdict/verdict.js';
import { mergeCoverage } from '../verdict/coverage.js';
import { withReleaseNote } from './release-note.js';
import { countConfigs, releaseDrifts, type Report, type ReportReleaseDrift } from '../verdict/report.js';

/**
 * Reads the partial reports named by `merge-reports`: paths or globs (relative to `cwd`),
 * one a line or comma-separated. Throws a GateError naming what is missing or unreadable.
 */
export async function readPartialReports(input: string, cwd: string): Promise<Report[]> {
  const patterns = input
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (patterns.length === 0) throw new GateError('The `merge-reports` input is empty.', 'Give the paths or globs of the shards\' JSON reports.');
  const files = new Set<string>();
  for (const pattern of patterns) {
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) {
      files.add(resolve(cwd, pattern));
      continue;
    }
    const base = resolve(cwd, scan.base || '.');
    const matches = picomatch(scan.glob, { dot: true });
    const found = (await listFiles(base)).filter((file) => matches(relative(base, file).split('\\').join('/')));
    if (found.length === 0) {
      throw new GateError(`No partial report matches \`${pattern}\` (in ${cwd}).`, 'Check that every shard uploaded its report and that the merge job downloaded them there.');
    }
    for (const file of found) files.add(file);
  }
  const reports: Report[] = [];
  for (const file of [...files].sort()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new GateError(`The partial report ${file} could not be read: ${describeError(error)}.`, 'Check the `merge-reports` paths.');
    }
    const read = readJsonBytes(bytes, { maxBytes: MAX_PARTIAL_REPORT_BYTES });
    if (!read.ok) {
      throw new GateError(`The partial report ${file} could not be read: ${describeJsonRead(read)}.`, 'Merge the JSON reports the shards wrote (the `report` output), as they uploaded them.');
    }
    const report = (isObject(read.value) ? read.value : {}) as Partial<Report>;
    if (report.version !== REPORT_VERSION || !report.shard) {
      throw new GateError(`${file} is not a partial compat-gate report (version ${REPORT_VERSION}, written with \`shard\`).`, 'Merge only the reports of `shard: i/n` runs of this version.');
    }
    reports.push(report as Report);
  }
  return reports;
}

/** A shard's report of thousands of configs, each with its errors, stays well below this. */
const MAX_PARTIAL_REPORT_BYTES = 256 * 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** What the merging run knows of the push it merges for. */
export interface MergeExpectation {
  /** The PR head of the merging run's event: every shard must have judged this push. */
  pullRequestHeadSha?: string;
}

/** One thing every shard of one run shares, as a reader names it, and how to show a value. */
const SHARED: ReadonlyArray<{ name: string; of: (report: Report) => string | undefined; show?: (value: string) => string }> = [
  { name: 'base sha', of: (report) => report.base?.sha, show: short },
  { name: 'head sha', of: (report) => report.head?.sha, show: short },
  { name: 'PR head sha', of: (report) => report.pullRequest?.headSha, show: short },
  { name: '`configs`', of: (report) => report.settings && report.settings.configs.join(', ') },
  { name: '`schema`', of: (report) => report.settings && (report.settings.schema ?? '(none)') },
  { name: '`loader`', of: (report) => report.settings && (report.settings.loader ?? '(none)') },
  { name: '`suite`', of: (report) => report.settings && (report.settings.suite ?? '(none)') },
  { name: '`yaml-version`', of: (report) => report.settings?.yamlVersion },
  { name: '`check-formats`', of: (report) => report.settings && String(report.settings.checkFormats) },
  // Each shard resolves `release` itself: a release published mid-run must not split them.
  { name: 'releases', of: (report) => report.error ? undefined : releaseDrifts(report).map((release) => `${release.ref}@${short(release.sha)}`).join(', ') || '(none)' },
];

function short(sha: string): string {
  return sha.slice(0, 12);
}

/**
 * Refuses partial reports that are not of one run: each must have judged the same base and head
 * (a report left from an older push must never hide a break of this one) with the same settings.
 * The odd shard is the one that differs from most; a shard that says nothing of a field (a report
 * of an older compat-gate) differs too, unless it failed and so makes the merge an error anyway.
 */
function checkSameRun(reports: readonly Report[], total: number, expected: MergeExpectation): void {
  const problems: string[] = [];
  // A tie goes to the shards that judged the push this run is for, then to the lowest shard.
  const current = (report: Report) => expected.pullRequestHeadSha !== undefined && report.pullRequest?.headSha === expected.pullRequestHeadSha;
  const voters = [...reports.filter(current), ...reports.filter((report) => !current(report))];
  for (const field of SHARED) {
    const values = reports.map((report) => ({ report, value: field.of(report) }));
    const counted = new Map<string | undefined, number>();
    for (const report of voters) {
      const value = field.of(report);
      if (value !== undefined || !report.error) counted.set(value, (counted.get(value) ?? 0) + 1);
    }
    if (counted.size <= 1) continue;
    const common = [...counted].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const show = (value: string | undefined) => (value === undefined ? 'nothing' : field.show ? field.show(value) : `\`${value}\``);
    for (const { report, value } of values) {
      if (value === common || (value === undefined && report.error)) continue;
      problems.push(
        `shard ${report.shard!.index}/${total} has ${field.name} ${show(value)} where ${reports.length > 2 ? 'the others have' : 'the other has'} ${show(common)}`,
      );
    }
  }
  const heads = [...new Set(reports.map((report) => report.pullRequest?.headSha).filter((sha) => sha !== undefined))];
  if (expected.pullRequestHeadSha && heads.length === 1 && heads[0] !== expected.pullRequestHeadSha) {
    problems.push(`the shards judged PR head ${short(heads[0]!)}, but this run is for PR head ${short(expected.pullRequestHeadSha)} (a newer push)`);
  }
  if (problems.length) {
    throw new GateError(
      `The partial reports are not of one run: ${problems.join('; ')}.`,
      'Merge only the reports that the shards of this workflow run wrote (download the artifacts of this run, with names that carry the run id), all with the same inputs.',
    );
  }
}

/**
 * Combines the partial reports of `shard: i/n` runs into the report of the whole gate: every
 * shard must be there once, of the same base, head and settings, the configs and drift are
 * joined, and the verdict is decided again over all of them (an error in any shard is an error
 * of the whole).
 */
export function mergeReports(reports: readonly Report[], expected: MergeExpectation = {}): Report {
  const first = reports[0];
  if (!first?.shard) throw new GateError('There is no partial report to merge.');
  const total = first.shard.total;
  const seen = new Map<number, number>();
  for (const report of reports) {
    if (!report.shard || report.shard.total !== total) {
      throw new GateError(`The partial reports do not agree on the number of shards (${total} and ${report.shard?.total ?? 'none'}).`, 'Merge the reports of one matrix run.');
    }
    seen.set(report.shard.index, (seen.get(report.shard.index) ?? 0) + 1);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !seen.has(index));
  const doubled = [...seen].filter(([, times]) => times > 1).map(([index]) => index);
  if (missing.length || doubled.length) {
    throw new GateError(
      `The partial reports are incomplete: ${[missing.length ? `missing shard ${missing.map((i) => `${i}/${total}`).join(', ')}` : '', doubled.length ? `shard ${doubled.join(', ')} given twice` : ''].filter(Boolean).join('; ')}.`,
      'A shard that did not finish has no report: re-run the failed matrix jobs, then this one.',
    );
  }
  const ordered = [...reports].sort((a, b) => a.shard!.index - b.shard!.index);
  checkSameRun(ordered, total, expected);
  const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const configs = ordered.flatMap((report) => report.configs).sort(byPath);
  const skipped = ordered.flatMap((report) => report.skipped).sort(byPath);
  const drift = mergeDrifts(ordered.map((report) => report.drift).filter((drift) => drift !== undefined));
  // Each release's drift, joined over the shards (every shard compared with the same releases).
  const releases = (first.releases ?? []).flatMap((release) => {
    const merged = mergeDrifts(ordered.flatMap((report) => report.releases?.find((other) => other.ref === release.ref)?.drift ?? []));
    return merged ? [{ ref: release.ref, sha: release.sha, drift: merged }] : [];
  });
  const newDrift = releases.length ? sum(releases.map((release) => release.drift.counts.new)) : (drift?.counts.new ?? 0);
  // Every shard reads the PR live; a label added between two shards' runs may split them. Only
  // an acknowledgement that every shard saw counts.
  // With the acknowledgements file, each shard matched it with its own breaks: the file covers
  // the whole when every break of every shard has a live entry.
  const files = ordered.map((report) => report.acknowledgement.file).filter((file) => file !== undefined);
  const file = files.length === ordered.length && files.length > 0 ? mergeCoverage(files) : undefined;
  const mode = first.acknowledgement.mode ?? 'pr';
  const byPullRequest = ordered.every((report) => report.acknowledgement.reasons.length > 0);
  const acknowledged =
    file && mode === 'file'
      ? file.covered
      : file && mode === 'either'
        ? byPullRequest || file.covered
        : ordered.every((report) => report.acknowledgement.acknowledged);
  // With `ack-must-reach-release`, a shard whose acknowledgement does not reach the release fails it.
  const counted = acknowledged && ordered.every((report) => acknowledgementCounts(true, report.acknowledgement.release));
  const errors = ordered.filter((report) => report.error);
  const counts = countConfigs(configs, skipped.length);
  // A shard sees a slice, and one made only of unreadable or skipped files passes: only the
  // whole can tell that nothing at all could be checked, which is an error, never a pass.
  const nothingRead = errors.length === 0 && configs.length + skipped.length > 0 && configs.every((config) => config.status === ConfigStatus.Unreadable);
  const firstUnread = configs[0] ? `\`${configs[0].path}\`: ${configs[0].errors[0]?.message ?? 'unreadable'}` : skipped[0] ? `\`${skipped[0].path}\` is ${skipped[0].reason}` : '';
  let nothingError: { message: string; hint: string } | undefined = nothingRead
    ? {
        message: `Nothing could be checked: none of the ${configs.length + skipped.length} files matching the \`configs\` patterns in the ${total} shards could be read as a config; the first: ${firstUnread}.`,
        hint: 'Make the patterns match the config files themselves (YAML, JSON, TOML), not links, submodules or files kept in Git LFS; or fix the files so that they parse.',
      }
    : undefined;
  // Each shard sees its share: only the whole says whether `suite-configs` named any config.
  const suiteConfigs = sum(ordered.map((report) => report.suite?.configs ?? 0));
  if (!nothingError && !errors.length && first.settings?.suite && suiteConfigs === 0 && counts.configs > 0) {
    nothingError = {
      message: `The \`suite-configs\` input names none of the ${counts.configs} configs read in the ${total} shards: the suite ran on nothing.`,
      hint: 'Give globs that match paths the `configs` input matches (the suite runs on a subset of them), or leave `suite-configs` out to run it on every config.',
    };
  }
  const verdict = errors.length || nothingError
    ? Verdict.Error
    : decideVerdict({ broken: counts.broken, newDrift, failOnDrift: drift?.failOnDrift ?? false, acknowledged: counted });
  const { shard: _shard, error: _error, ...rest } = first;
  const loaderProcesses = sum(ordered.map((report) => report.loader?.processes ?? 0));
  return withReleaseNote({
    ...rest,
    verdict,
    ...(errors.length
      ? {
          error: {
            message: errors.map((report) => `shard ${report.shard!.index}/${total}: ${report.error!.message}`).join(' '),
            ...(errors[0]!.error!.hint ? { hint: errors[0]!.error!.hint } : {}),
          },
        }
      : nothingError
        ? { error: nothingError }
        : {}),
    acknowledgement: {
      ...first.acknowledgement,
      acknowledged,
      reasons: acknowledged && (mode === 'pr' || byPullRequest) ? first.acknowledgement.reasons : [],
      ...(file ? { file } : {}),
    },
    counts,
    configs,
    skipped,
    ...(drift ? { drift } : {}),
    ...(releases.length ? { releases } : {}),
    ...(first.loader ? { loader: { ...first.loader, processes: loaderProcesses } } : {}),
    ...(first.suite ? { suite: mergedSuite(first.suite, ordered) } : {}),
    notes: [...new Set(ordered.flatMap((report) => report.notes))],
    durationMs: Math.max(...ordered.map((report) => report.durationMs)),
    shards: total,
  });
}

/** The suite layer over the shards: configs, processes and time summed (each shard ran its own share). */
function mergedSuite(first: NonNullable<Report['suite']>, reports: readonly Report[]): NonNullable<Report['suite']> {
  return {
    command: first.command,
    configs: sum(reports.map((report) => report.suite?.configs ?? 0)),
    processes: sum(reports.map((report) => report.suite?.processes ?? 0)),
    durationMs: sum(reports.map((report) => report.suite?.durationMs ?? 0)),
  };
}

/** One release's drift over the shards: counts summed, configs joined; undefined when no shard has it. */
function mergeDrifts(drifts: readonly ReportReleaseDrift[]): ReportReleaseDrift | undefined {
  if (drifts.length === 0) return undefined;
  const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const configs = sum(drifts.map((d) => d.counts.configs));
  const nearest = configs === 0 ? drifts.find((d) => d.nearest)?.nearest : undefined;
  return {
    counts: {
      configs,
      ok: sum(drifts.map((d) => d.counts.ok)),
      new: sum(drifts.map((d) => d.counts.new)),
      existing: sum(drifts.map((d) => d.counts.existing)),
      fixed: sum(drifts.map((d) => d.counts.fixed)),
      unreadable: sum(drifts.map((d) => d.counts.unreadable)),
    },
    configs: drifts.flatMap((d) => d.configs).sort(byPath),
    failOnDrift: drifts.some((d) => d.failOnDrift),
    ...(drifts.some((d) => d.noPathToday?.length) ? { noPathToday: drifts.flatMap((d) => d.noPathToday ?? []).sort(byPath) } : {}),
    ...(nearest ? { nearest } : {}),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
