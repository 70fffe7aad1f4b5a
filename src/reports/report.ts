import { ConfigStatus, DriftStatus, REPORT_VERSION, TOOL_NAME, Verdict } from '../constants.js';
import type { Finding } from '../checks/evaluate.js';
import type { SkippedKind } from '../configs/collect.js';
import type { Shard } from '../configs/select.js';
import type { AttributedSchemaChange, GateRun, JudgedRelease } from '../checks/judge.js';
import type { RefTarget } from '../refs/base.js';
import type { PullRequestContext } from '../refs/pull-request.js';
import type { Acknowledgement } from '../verdict/acknowledgement.js';
import type { ReleaseReach } from '../verdict/release-tool.js';

/** Whether the acknowledgement reaches the release tools; `required` is `ack-must-reach-release`. */
export type ReportReleaseReach = Omit<ReleaseReach, 'notes'> & { required: boolean };

/** One config in the report. */
export interface ReportConfig {
  path: string;
  /** Which old ref it was read from: `base` (later also `release`). */
  ref: 'base';
  blob: string;
  status: ConfigStatus;
  errors: Finding[];
  baseErrors?: Finding[];
  /** For a broken config: the breaking schema changes its errors fall under. */
  causes?: string[];
}

/** One config of the latest release that does not simply load: new, existing or fixed drift. */
export interface ReportDrift {
  path: string;
  blob: string;
  status: Exclude<DriftStatus, 'ok'>;
  errors: Finding[];
  baseErrors?: Finding[];
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
  release?: RefTarget;
  /** The release's configs judged on the PR and the base; absent when there is no release. */
  drift?: {
    counts: { configs: number; ok: number; new: number; existing: number; fixed: number; unreadable: number };
    /** Every release config that does not simply load (ok ones are only counted). */
    configs: ReportDrift[];
    /** With fail-on-drift, new drift fails the check. */
    failOnDrift: boolean;
  };
  acknowledgement: Acknowledgement & {
    labels: string[];
    sources: PullRequestContext['sources'];
    /** For an acknowledged break in a repository with a release tool: whether it will cut a major release. */
    release?: ReportReleaseReach;
  };
  counts: { configs: number; ok: number; broken: number; failingOnBase: number; unreadable: number; skipped: number };
  configs: ReportConfig[];
  /** Matched paths whose content is not in the tree; `kind` is absent in reports of older versions. */
  skipped: Array<{ path: string; kind?: SkippedKind; reason: string }>;
  schema?: { file: string; draft: string; files: string[] };
  loader?: { command: string; processes: number };
  notes: string[];
  durationMs: number;
  /** How the PR's schema differs from the base's: breaking changes with the configs each broke, latent ones (breaking, and no config shows it), and compatible ones. */
  schemaChanges?: { breaking: ReportSchemaChange[]; latent: ReportSchemaChange[]; compatible: ReportSchemaChange[] };
  /** Set on a partial report: this run judged one shard of the configs. */
  shard?: Shard;
  /** Set on a report merged from partial ones: how many shards it combines. */
  shards?: number;
}

/** The inputs that decide how configs are judged (`configs`, `schema`, `loader`, `yaml-version`, `check-formats`). */
export interface ReportSettings {
  /** The `configs` patterns, `!` before an excluding one. */
  configs: string[];
  schema?: string;
  loader?: string;
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
  base?: RefTarget;
  release?: RefTarget;
  head?: { sha: string };
  failOnDrift?: boolean;
  run?: GateRun;
  shard?: Shard;
  settings?: ReportSettings;
  notes: string[];
  durationMs: number;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Assembles the report; pure, so the action, the CLI and tests build it the same way. */
export function buildReport(input: ReportInput): Report {
  const configs: ReportConfig[] = (input.run?.base.configs ?? []).map((config) => ({
    path: config.path,
    ref: 'base',
    blob: config.blob,
    status: config.status,
    errors: config.findings,
    ...(config.baseFindings ? { baseErrors: config.baseFindings } : {}),
    ...(config.causes?.length ? { causes: config.causes } : {}),
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
    ...(input.release ? { release: input.release } : {}),
    ...(input.run?.release ? { drift: driftOf(input.run.release, input.failOnDrift ?? false) } : {}),
    acknowledgement: {
      ...(input.acknowledgement ?? { acknowledged: false, reasons: [] }),
      labels: input.ackLabels,
      sources: pr?.sources ?? { title: 'none', labels: 'none', commits: 'none' },
      ...(input.releaseReach ? { release: input.releaseReach } : {}),
    },
    counts: countConfigs(configs, skipped.length),
    configs,
    skipped,
    ...(input.run?.schema ? { schema: input.run.schema } : {}),
    ...(input.run?.schemaChanges ? { schemaChanges: groupSchemaChanges(input.run.schemaChanges) } : {}),
    ...(input.run?.loader ? { loader: { command: input.run.loader.command, processes: input.run.loaderProcesses } } : {}),
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
  }));
  return {
    breaking: shown.filter((change) => change.severity === 'breaking' && change.configs.length > 0),
    latent: shown.filter((change) => change.severity === 'breaking' && change.configs.length === 0),
    compatible: shown.filter((change) => change.severity === 'compatible'),
  };
}

function driftOf(release: JudgedRelease, failOnDrift: boolean): NonNullable<Report['drift']> {
  const count = (status: DriftStatus) => release.configs.filter((config) => config.status === status).length;
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
        : [{ path: config.path, blob: config.blob, status: config.status, errors: config.findings, ...(config.baseFindings ? { baseErrors: config.baseFindings } : {}) }],
    ),
    failOnDrift,
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

/** Configs of the release that fail on the PR: new and existing drift (the `drift` output). */
export function driftCount(report: Report): number {
  return report.drift ? report.drift.counts.new + report.drift.counts.existing : 0;
}

/**
 * The report with every occurrence of the given secrets replaced by `***`. A loader's own
 * words reach the report, and a loader can print the token (it can read it from the
 * checkout's git config): the summary, the comment and the files are made from this copy.
 */
export function redactReport(report: Report, secrets: readonly string[]): Report {
  const words = secrets.filter((secret) => secret.length >= 4);
  if (words.length === 0) return report;
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return words.reduce((text, secret) => text.split(secret).join('***'), value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
    return value;
  };
  return scrub(report) as Report;
}

/** The configs this PR breaks. */
export function brokenConfigs(report: Report): ReportConfig[] {
  return report.configs.filter((config) => config.status === ConfigStatus.Broken);
}

/** A link to a file at a commit (and line) on the GitHub server, when the report knows the repository. */
export function fileLink(report: Report, sha: string, path: string, line?: number): string | undefined {
  if (!report.repository) return undefined;
  // encodeURIComponent leaves ( ) as they are, and `)` would end a markdown link early.
  const encoded = path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${report.repository.serverUrl}/${report.repository.name}/blob/${sha}/${encoded}${line ? `#L${line}` : ''}`;
}
