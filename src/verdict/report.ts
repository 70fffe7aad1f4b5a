// The report model: what a check found and decided, as one versioned document
// (schemas/report.schema.json), and the questions asked of it. Data only: reports/ renders it.
import { ConfigStatus, DriftStatus, REPORT_VERSION, TOOL_NAME, Verdict } from '../constants.js';
import type { Finding } from '../checks/evaluate.js';
import type { NoPathToday, SkippedKind } from '../configs/collect.js';
import type { Shard } from '../configs/select.js';
import type { AttributedSchemaChange, GateRun, JudgedRelease, LayerJudgements } from '../checks/judge.js';
import type { Migration } from '../checks/migration/index.js';
import type { RefTarget } from '../refs/base.js';
import type { PullRequestContext } from '../refs/pull-request.js';
import type { Acknowledgement } from './acknowledgement.js';
import type { AckMode, FileCoverage } from './coverage.js';
import type { Break, ConfigBreaks } from './fingerprint.js';
import type { ReleaseReach } from './release-tool.js';

/**
 * What users must change, ready to paste: a `BREAKING CHANGE:` footer for the squash commit
 * (plain text) and the same as a markdown list for the release notes. Written from the report
 * by reports/release-note.ts.
 */
export interface ReleaseNote {
  /** The footer, plain text for a commit message: no markup, no mention, no issue reference. */
  footer: string;
  /** The same changes as a markdown list, for release notes. */
  markdown: string;
}

/** Whether the acknowledgement reaches the release tools; `required` is `ack-must-reach-release`. */
export type ReportReleaseReach = Omit<ReleaseReach, 'notes'> & { required: boolean };

/** One config in the report. */
export interface ReportConfig {
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the old ref. */
  currentPath?: string;
  /** Set when it has no path the globs name today (the PR deletes it, or moves it out of the globs). */
  noPathToday?: NoPathToday;
  /** Which old ref it was read from: `base` (later also `release`). */
  ref: 'base';
  blob: string;
  status: ConfigStatus;
  /** Why it does not load with the PR's code; for a broken config, the breaking layer's errors first. */
  errors: Finding[];
  /** Why it does not load with the base's code, in every layer that rejects it there. */
  baseErrors?: Finding[];
  /** Each layer's outcome on the base and on the PR. */
  layers?: LayerJudgements;
  /** For a broken config: the breaking schema changes its errors fall under. */
  causes?: string[];
  /** For a broken config (report version 2): how it moves to the PR's code, or why it cannot. */
  migration?: Migration;
  /** For a broken config: each break and its fingerprint (report version 2). */
  breaks?: Break[];
}

/** One config of a release that does not simply load: new, existing or fixed drift. */
export interface ReportDrift {
  /** Its path in the release. */
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the release. */
  currentPath?: string;
  /** Set when it has no path the globs name today: judged at its path in the release. */
  noPathToday?: NoPathToday;
  blob: string;
  status: Exclude<DriftStatus, 'ok'>;
  errors: Finding[];
  baseErrors?: Finding[];
  /** Each layer's outcome on the base and on the PR. */
  layers?: LayerJudgements;
  /** For new drift (report version 2): how it moves to the PR's code, or why it cannot. */
  migration?: Migration;
  /** For new drift: each break and its fingerprint (report version 2). */
  breaks?: Break[];
}

/** A change between the base's schema and the PR's, joined with the configs it broke. */
export interface ReportSchemaChange {
  severity: 'breaking' | 'compatible';
  rule: string;
  /** Where in a config it applies, `*` for any item or name. */
  instancePath: string;
  message: string;
  /** The schema file and the pointer of the changed keyword, and its line there. */
  file: string;
  schemaPointer: string;
  line?: number;
  /** The broken configs whose errors fall under this change. */
  configs: string[];
  /** Configs already failing on the base whose new errors fall under this change (not counted). */
  shownBy?: string[];
}

/**
 * The JSON report: everything the summary, the comment, the annotations and the CLI
 * show, in one versioned document (schemas/report.schema.json).
 */
export interface Report {
  version: typeof REPORT_VERSION;
  tool: { name: string; version: string };
  verdict: Verdict;
  /** Set when verdict is `error`: what the gate could not do, and what to do about it. */
  error?: { message: string; hint?: string };
  repository?: { name: string; serverUrl: string };
  event?: string;
  pullRequest?: { number?: number; title?: string; headSha?: string };
  /** The inputs the configs were judged with; shards merged into one report must share them. */
  settings?: ReportSettings;
  base?: RefTarget;
  head?: { sha: string };
  /** The first release compared with (`releases[0]`). */
  release?: RefTarget;
  /** The first release's drift, kept for readers of one release; absent when there is no release. */
  drift?: ReportReleaseDrift;
  /** Every release compared with, in the order the `release` input names them, each with its drift. */
  releases?: Array<RefTarget & { drift: ReportReleaseDrift }>;
  acknowledgement: Acknowledgement & {
    labels: string[];
    sources: PullRequestContext['sources'];
    /** For an acknowledged break in a repository with a release tool: whether it will cut a major release. */
    release?: ReportReleaseReach;
    /** `acknowledge-with`; absent in reports of version 1, where it is `pr`. */
    mode?: AckMode;
    /** The acknowledgements file against the PR's breaks, with `acknowledge-with: file` or `either`. */
    file?: FileCoverage;
  };
  counts: { configs: number; ok: number; broken: number; failingOnBase: number; unreadable: number; skipped: number };
  configs: ReportConfig[];
  /** Matched paths whose content is not in the tree; `kind` is absent in reports of older versions. */
  skipped: Array<{ path: string; kind?: SkippedKind; reason: string }>;
  schema?: GateRun['schema'];
  /** `script`: the file the loader command names that the PR changed, and its first changed line. */
  loader?: { command: string; processes: number; script?: { path: string; line: number } };
  /** The integration suite layer: its command, the configs it ran on (in any ref), its processes and their time. */
  suite?: { command: string; configs: number; processes: number; durationMs: number };
  /** The base has no config and the PR adds this many: a pass that says so. */
  firstConfigs?: number;
  notes: string[];
  durationMs: number;
  /** How the PR's schema differs from the base's: breaking changes with the configs each broke, latent ones (breaking, and no config shows it), and compatible ones. */
  schemaChanges?: { breaking: ReportSchemaChange[]; latent: ReportSchemaChange[]; compatible: ReportSchemaChange[] };
  /** What users must change, ready to paste: the `BREAKING CHANGE:` footer and the release-notes list; absent when nothing broke. */
  releaseNote?: ReleaseNote;
  /** Set on a partial report: this run judged one shard of the configs. */
  shard?: Shard;
  /** Set on a report merged from partial ones: how many shards it combines. */
  shards?: number;
}

/** One release's configs judged on the PR and the base. */
export interface ReportReleaseDrift {
  counts: { configs: number; ok: number; new: number; existing: number; fixed: number; unreadable: number };
  /** Every release config that does not simply load (ok ones are only counted). */
  configs: ReportDrift[];
  /** With fail-on-drift, new drift fails the check. */
  failOnDrift: boolean;
  /** When no file of the release matches the globs, at its path or through a move: its nearest paths. */
  nearest?: string[];
  /** Every config of the release with no path the globs name today, whatever its drift (absent when none). */
  noPathToday?: Array<{ path: string; why: NoPathToday['why']; to?: string; status: DriftStatus }>;
}

/** The inputs that decide how configs are judged (`configs`, `schema`, `loader`, `yaml-version`, `check-formats`). */
export interface ReportSettings {
  /** The `configs` patterns, `!` before an excluding one. */
  configs: string[];
  schema?: string;
  loader?: string;
  /** The `migrate` command (report version 2). */
  migrate?: string;
  suite?: string;
  yamlVersion: string;
  checkFormats: boolean;
}

/** What a check knows when it ends, successfully or not. */
export interface ReportInput {
  toolVersion: string;
  verdict: Verdict;
  error?: { message: string; hint?: string };
  repository?: { name: string; serverUrl: string };
  event?: string;
  pullRequest?: PullRequestContext;
  ackLabels: string[];
  acknowledgement?: Acknowledgement;
  releaseReach?: ReportReleaseReach;
  /** `acknowledge-with`. */
  ackMode?: AckMode;
  /** Each broken config's and new drift's breaks, with fingerprints. */
  breaks?: ConfigBreaks[];
  fileCoverage?: FileCoverage;
  base?: RefTarget;
  /** The first release the `release` input resolved to: the report's `release`, set before judging ends. */
  firstRelease?: RefTarget;
  head?: { sha: string };
  failOnDrift?: boolean;
  run?: GateRun;
  /** The loader's script, when the command names a file the PR changed. */
  loaderScript?: { path: string; line: number };
  shard?: Shard;
  settings?: ReportSettings;
  notes: string[];
  durationMs: number;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Assembles the report; pure, so the action, the CLI and tests build it the same way. Its
 * release note is written from it by reports/release-note.ts (`withReleaseNote`).
 */
export function buildReport(input: ReportInput): Report {
  const breaksOf = (ref: string, path: string) => {
    const found = input.breaks?.find((entry) => entry.ref === ref && entry.configPath === path);
    return found?.breaks.length ? { breaks: found.breaks } : {};
  };
  const configs: ReportConfig[] = (input.run?.base.configs ?? []).map((config) => ({
    path: config.path,
    ...(config.currentPath ? { currentPath: config.currentPath } : {}),
    ...(config.noPathToday ? { noPathToday: config.noPathToday } : {}),
    ref: 'base',
    blob: config.blob,
    status: config.status,
    errors: config.findings,
    ...(config.baseFindings ? { baseErrors: config.baseFindings } : {}),
    ...(config.layers && Object.keys(config.layers).length ? { layers: config.layers } : {}),
    ...(config.causes?.length ? { causes: config.causes } : {}),
    ...(config.migration ? { migration: config.migration } : {}),
    ...(config.status === ConfigStatus.Broken ? breaksOf('base', config.path) : {}),
  }));
  const skipped = input.run?.base.skipped ?? [];
  const pr = input.pullRequest;
  return {
    version: REPORT_VERSION,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    verdict: input.verdict,
    ...(input.error ? { error: input.error } : {}),
    ...(input.repository ? { repository: input.repository } : {}),
    ...(input.event ? { event: input.event } : {}),
    ...(pr?.number !== undefined || pr?.title !== undefined
      ? {
          pullRequest: {
            ...(pr.number !== undefined ? { number: pr.number } : {}),
            ...(pr.title !== undefined ? { title: pr.title } : {}),
            ...(pr.headSha !== undefined && SHA.test(pr.headSha) ? { headSha: pr.headSha } : {}),
          },
        }
      : {}),
    ...(input.settings ? { settings: input.settings } : {}),
    ...(input.base ? { base: input.base } : {}),
    ...(input.head ? { head: input.head } : {}),
    ...(input.firstRelease ? { release: input.firstRelease } : {}),
    ...(input.run?.releases[0] ? { drift: driftOf(input.run.releases[0], input.failOnDrift ?? false, breaksOf) } : {}),
    ...(input.run?.releases.length
      ? { releases: input.run.releases.map((release) => ({ ...release.ref, drift: driftOf(release, input.failOnDrift ?? false, breaksOf) })) }
      : {}),
    acknowledgement: {
      ...(input.acknowledgement ?? { acknowledged: false, reasons: [] }),
      labels: input.ackLabels,
      sources: pr?.sources ?? { title: 'none', labels: 'none', commits: 'none' },
      ...(input.releaseReach ? { release: input.releaseReach } : {}),
      ...(input.ackMode ? { mode: input.ackMode } : {}),
      ...(input.fileCoverage ? { file: input.fileCoverage } : {}),
    },
    counts: countConfigs(configs, skipped.length),
    configs,
    skipped,
    ...(input.run?.schema ? { schema: input.run.schema } : {}),
    ...(input.run?.schemaChanges ? { schemaChanges: groupSchemaChanges(input.run.schemaChanges) } : {}),
    ...(input.run?.loader
      ? { loader: { command: input.run.loader.command, processes: input.run.loaderProcesses, ...(input.loaderScript ? { script: input.loaderScript } : {}) } }
      : {}),
    ...(input.run?.suite ? { suite: input.run.suite } : {}),
    ...(input.run?.firstConfigs ? { firstConfigs: input.run.firstConfigs } : {}),
    notes: [...(pr?.notes ?? []), ...(input.run?.notes ?? []), ...input.notes],
    durationMs: input.durationMs,
    ...(input.shard ? { shard: input.shard } : {}),
  };
}

/** The engine's schema changes, each with the configs it broke, grouped as the report shows them. */
function groupSchemaChanges(changes: readonly AttributedSchemaChange[]): NonNullable<Report['schemaChanges']> {
  const shown: ReportSchemaChange[] = changes.map((change) => ({
    severity: change.severity,
    rule: change.rule,
    instancePath: change.instancePath,
    message: change.message,
    file: change.file,
    schemaPointer: change.schemaPointer,
    ...(change.line ? { line: change.line } : {}),
    configs: change.configs,
    ...(change.shownBy?.length ? { shownBy: change.shownBy } : {}),
  }));
  return {
    breaking: shown.filter((change) => change.severity === 'breaking' && change.configs.length > 0),
    latent: shown.filter((change) => change.severity === 'breaking' && change.configs.length === 0),
    compatible: shown.filter((change) => change.severity === 'compatible'),
  };
}

function driftOf(release: JudgedRelease, failOnDrift: boolean, breaksOf: (ref: string, path: string) => { breaks?: Break[] }): ReportReleaseDrift {
  const count = (status: DriftStatus) => release.configs.filter((config) => config.status === status).length;
  const gone = release.configs.flatMap((config) =>
    config.noPathToday ? [{ path: config.path, why: config.noPathToday.why, ...(config.noPathToday.to ? { to: config.noPathToday.to } : {}), status: config.status }] : [],
  );
  return {
    counts: {
      configs: release.configs.length,
      ok: count(DriftStatus.Ok),
      new: count(DriftStatus.New),
      existing: count(DriftStatus.Existing),
      fixed: count(DriftStatus.Fixed),
      unreadable: count(DriftStatus.Unreadable),
    },
    configs: release.configs.flatMap((config) =>
      config.status === DriftStatus.Ok
        ? []
        : [
            {
              path: config.path,
              ...(config.currentPath ? { currentPath: config.currentPath } : {}),
              ...(config.noPathToday ? { noPathToday: config.noPathToday } : {}),
              blob: config.blob,
              status: config.status,
              errors: config.findings,
              ...(config.baseFindings ? { baseErrors: config.baseFindings } : {}),
              ...(config.layers && Object.keys(config.layers).length ? { layers: config.layers } : {}),
              ...(config.migration ? { migration: config.migration } : {}),
              ...(config.status === DriftStatus.New ? breaksOf(release.ref.ref, config.path) : {}),
            },
          ],
    ),
    failOnDrift,
    ...(release.nearest ? { nearest: release.nearest } : {}),
    ...(gone.length ? { noPathToday: gone } : {}),
  };
}

/** How many configs have each status (the report's `counts`). */
export function countConfigs(configs: readonly { status: ConfigStatus }[], skipped: number): Report['counts'] {
  const count = (status: ConfigStatus) => configs.filter((config) => config.status === status).length;
  return {
    configs: configs.length,
    ok: count(ConfigStatus.Ok),
    broken: count(ConfigStatus.Broken),
    failingOnBase: count(ConfigStatus.FailingOnBase),
    unreadable: count(ConfigStatus.Unreadable),
    skipped,
  };
}

/** Every release's drift: `releases`, else the one `drift` of a report that has no list. */
export function releaseDrifts(report: Report): Array<RefTarget & { drift: ReportReleaseDrift }> {
  if (report.releases?.length) return report.releases;
  return report.drift && report.release ? [{ ...report.release, drift: report.drift }] : [];
}

/** Configs of the releases that fail on the PR: new and existing drift, summed over the releases (the `drift` output). */
export function driftCount(report: Report): number {
  const releases = releaseDrifts(report);
  if (releases.length === 0) return report.drift ? report.drift.counts.new + report.drift.counts.existing : 0;
  return releases.reduce((sum, { drift }) => sum + drift.counts.new + drift.counts.existing, 0);
}

/** Configs of the releases that this PR breaks: new drift, summed over the releases. */
export function newDriftCount(report: Report): number {
  const releases = releaseDrifts(report);
  if (releases.length === 0) return report.drift?.counts.new ?? 0;
  return releases.reduce((sum, { drift }) => sum + drift.counts.new, 0);
}

/** The tags compared with, comma-separated (the `release` output); empty when none. */
export function releaseTags(report: Report): string {
  return releaseDrifts(report).map((release) => release.ref).join(',') || (report.release?.ref ?? '');
}

/**
 * The report with every occurrence of the given secrets replaced by `***`. A loader's own
 * words reach the report, and a loader can print the token (it can read it from the
 * checkout's git config): the summary, the comment and the files are made from this copy.
 */
export function redactReport(report: Report, secrets: readonly string[]): Report {
  const words = secrets.filter((secret) => secret.length >= 4);
  if (words.length === 0) return report;
  // A value with nothing to redact is kept as it is: only what holds a secret is copied, and a
  // report with none (the rule) is walked without copying.
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return words.some((secret) => value.includes(secret)) ? words.reduce((text, secret) => text.split(secret).join('***'), value) : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let index = 0; index < value.length; index += 1) {
        const inner: unknown = value[index];
        const scrubbed = scrub(inner);
        if (!Object.is(scrubbed, inner)) (copy ??= [...value])[index] = scrubbed;
      }
      return copy ?? value;
    }
    if (value && typeof value === 'object') {
      let copy: Record<string, unknown> | undefined;
      for (const key of Object.keys(value)) {
        const inner = (value as Record<string, unknown>)[key];
        const scrubbed = scrub(inner);
        if (!Object.is(scrubbed, inner)) (copy ??= { ...value })[key] = scrubbed;
      }
      return copy ?? value;
    }
    return value;
  };
  return scrub(report) as Report;
}

/** The configs this PR breaks. */
export function brokenConfigs(report: Report): ReportConfig[] {
  return report.configs.filter((config) => config.status === ConfigStatus.Broken);
}
