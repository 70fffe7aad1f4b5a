import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { REPORT_VERSION, Verdict } from '../constants.js';
import { GateError, describeError } from '../errors.js';
import { acknowledgementCounts, decideVerdict } from '../verdict/verdict.js';
import { countConfigs, type Report } from './report.js';

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
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new GateError(`The partial report ${file} could not be read: ${describeError(error)}.`, 'Check the `merge-reports` paths.');
    }
    const report = parsed as Partial<Report>;
    if (report.version !== REPORT_VERSION || !report.shard) {
      throw new GateError(`${file} is not a partial compat-gate report (version ${REPORT_VERSION}, written with \`shard\`).`, 'Merge only the reports of `shard: i/n` runs of this version.');
    }
    reports.push(report as Report);
  }
  return reports;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Combines the partial reports of `shard: i/n` runs into the report of the whole gate: every
 * shard must be there once, the configs and drift are joined, and the verdict is decided again
 * over all of them (an error in any shard is an error of the whole).
 */
export function mergeReports(reports: readonly Report[]): Report {
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
  const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const configs = ordered.flatMap((report) => report.configs).sort(byPath);
  const skipped = ordered.flatMap((report) => report.skipped).sort(byPath);
  const drifts = ordered.map((report) => report.drift).filter((drift) => drift !== undefined);
  const drift =
    drifts.length > 0
      ? {
          counts: {
            configs: sum(drifts.map((d) => d.counts.configs)),
            ok: sum(drifts.map((d) => d.counts.ok)),
            new: sum(drifts.map((d) => d.counts.new)),
            existing: sum(drifts.map((d) => d.counts.existing)),
            fixed: sum(drifts.map((d) => d.counts.fixed)),
            unreadable: sum(drifts.map((d) => d.counts.unreadable)),
          },
          configs: drifts.flatMap((d) => d.configs).sort(byPath),
          failOnDrift: drifts.some((d) => d.failOnDrift),
        }
      : undefined;
  // Every shard reads the PR live; a label added between two shards' runs may split them. Only
  // an acknowledgement that every shard saw counts.
  const acknowledged = ordered.every((report) => report.acknowledgement.acknowledged);
  // With `ack-must-reach-release`, a shard whose acknowledgement does not reach the release fails it.
  const counted = acknowledged && ordered.every((report) => acknowledgementCounts(report.acknowledgement));
  const errors = ordered.filter((report) => report.error);
  const counts = countConfigs(configs, skipped.length);
  const verdict = errors.length
    ? Verdict.Error
    : decideVerdict({ broken: counts.broken, newDrift: drift?.counts.new ?? 0, failOnDrift: drift?.failOnDrift ?? false, acknowledged: counted });
  const { shard: _shard, error: _error, ...rest } = first;
  const loaderProcesses = sum(ordered.map((report) => report.loader?.processes ?? 0));
  return {
    ...rest,
    verdict,
    ...(errors.length
      ? {
          error: {
            message: errors.map((report) => `shard ${report.shard!.index}/${total}: ${report.error!.message}`).join(' '),
            ...(errors[0]!.error!.hint ? { hint: errors[0]!.error!.hint } : {}),
          },
        }
      : {}),
    acknowledgement: { ...first.acknowledgement, acknowledged, reasons: acknowledged ? first.acknowledgement.reasons : [] },
    counts,
    configs,
    skipped,
    ...(drift ? { drift } : {}),
    ...(first.loader ? { loader: { ...first.loader, processes: loaderProcesses } } : {}),
    notes: [...new Set(ordered.flatMap((report) => report.notes))],
    durationMs: Math.max(...ordered.map((report) => report.durationMs)),
    shards: total,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
