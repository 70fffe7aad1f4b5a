// What judging makes of the configs: the engine's options and the run it returns, read by the
// verdict and the reports. Types only: the judging itself is in judge.ts and judge-ref.ts.
import type { Finding } from './evaluate.js';
import type { Migration } from './migration/index.js';
import type { SchemaChange } from './schema-diff/index.js';
import type { RefMapping } from './schema.js';
import type { NoPathToday, SkippedPath } from '../configs/collect.js';
import type { YamlVersion } from '../configs/parse/index.js';
import type { ConfigPatterns, Shard } from '../configs/select.js';
import type { ConfigStatus, DriftStatus } from '../constants.js';
import type { RefTarget } from '../refs/base.js';

/** Everything the engine needs to judge configs; plain values, no toolkit. */
export interface GateOptions {
  /** Top folder of the PR checkout (the git repository). */
  repositoryRoot: string;
  /** Absolute folder where the loader runs and relative paths resolve (`working-directory`). */
  workingDirectory: string;
  /** Globs of the configs users have, matched in each old ref (`configs`). */
  patterns: ConfigPatterns;
  /** The PR's JSON Schema, relative to workingDirectory. */
  schema?: string;
  /** Where absolute `$ref` URLs live in the repository (`schema-ref-map`). */
  refMap: RefMapping[];
  /** Assert the formats ajv-formats knows (`check-formats`). */
  checkFormats: boolean;
  /** The PR's runtime loader, a shell command. */
  loader?: string;
  /** The `migrate` command: rewrites copies of broken configs for the PR's code, run like the loader. */
  migrate?: string;
  /** Seconds one loader process may run (`loader-timeout`). */
  loaderTimeoutSeconds: number;
  /** The loader's environment: the runner's, without the token and other secrets. */
  loaderEnv: Record<string, string>;
  yamlVersion: YamlVersion;
  /** Judge only this stable slice of the configs (a matrix job's share, `shard`) and write a partial report. */
  shard?: Shard;
  /** The integration suite (`suite`, `suite-configs`, `suite-timeout`), run with one config a process on the configs `patterns` name. */
  suite?: SuiteOptions;
  /** Loader processes that may run at once across the check (`loader-jobs`); undefined (`auto`): two a loader run, refs side by side. */
  loaderJobs?: number;
  /** A folder the engine owns for this run; removed by the caller. */
  tempDir: string;
}

/** The `suite`, `suite-configs` and `suite-timeout` inputs. */
export interface SuiteOptions {
  /** Shell text; `{config}` stands for the config's path, else the path is appended. */
  command: string;
  /** Which of the configs read the suite runs on. */
  patterns: ConfigPatterns;
  timeoutSeconds: number;
}

/** The layers that load a config, each judged on its own. */
export type Layer = 'schema' | 'loader' | 'suite';

/**
 * What one layer made of a config on one side: `accepts`, `rejects`; `absent` when that side
 * has no such layer (the PR introduces the schema), so nothing there rejected the config;
 * `not-run` when it was not asked (not needed to judge the config, or skipped).
 */
export type LayerOutcome = 'accepts' | 'rejects' | 'absent' | 'not-run';

/** One layer's outcome on the base and on the PR. */
export interface LayerJudgement {
  base: LayerOutcome;
  pr: LayerOutcome;
  /**
   * Suite layer, test by test: tests that fail on the PR and did not fail on the base (passed
   * there, or were not there), the first 50. They break the config though the base failed too.
   */
  newFailures?: string[];
  /** Suite layer: how many such tests, when more than those listed. */
  newFailureCount?: number;
  /** Suite layer: tests that passed on the base and did not run on the PR. They break the config. */
  notRun?: number;
  /** Suite layer: how many tests failed on the PR and on the base alike (not the PR's doing). */
  failedOnBoth?: number;
  /** Suite layer: the PR's run timed out where the base's finished. It breaks the config. */
  prTimedOut?: boolean;
}

/** Each layer the PR has, with its outcome on both sides. */
export type LayerJudgements = Partial<Record<Layer, LayerJudgement>>;

/** One old config and what the PR's code makes of it. */
export interface JudgedConfig {
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the old ref. */
  currentPath?: string;
  /** Set when it has no path the globs name today (deleted since, or moved out of the globs): judged at its old path. */
  noPathToday?: NoPathToday;
  blob: string;
  status: ConfigStatus;
  /** Why it does not load on the PR (or cannot be read), first the most useful: a broken config's breaking layer first. */
  findings: Finding[];
  /**
   * For a broken config (new drift): every finding of the breaking layers, when there are more
   * than \`findings\` keeps. Fingerprints are made from these, so that no break hides past the cut.
   */
  uncut?: Finding[];
  /** Why it does not load with the base's code, in every layer that rejects it there. */
  baseFindings?: Finding[];
  /** Each layer on its own: the config is broken when a layer that accepted it on the base rejects it on the PR. */
  layers?: LayerJudgements;
  /** For a broken config: the messages of the breaking schema changes its errors fall under. */
  causes?: string[];
  /** For a broken config: the `migrate` command's result, or the schema diff's suggestions. */
  migration?: Migration;
}

/** The configs of one old ref, judged. */
export interface JudgedRef {
  ref: RefTarget;
  configs: JudgedConfig[];
  skipped: SkippedPath[];
}

/** One release config and what the PR does to it, compared with the base. */
export interface DriftConfig {
  /** Its path in the release. */
  path: string;
  /** Where the config is now, when git's rename detection says it moved since the release. */
  currentPath?: string;
  /** Set when it has no path the globs name today (deleted since, or moved out of the globs): judged at its path in the release. */
  noPathToday?: NoPathToday;
  blob: string;
  status: DriftStatus;
  /** Why it does not load on the PR. */
  findings: Finding[];
  /**
   * For a broken config (new drift): every finding of the breaking layers, when there are more
   * than \`findings\` keeps. Fingerprints are made from these, so that no break hides past the cut.
   */
  uncut?: Finding[];
  /** Why it did not load on the base (existing and fixed drift), in every layer that rejects it there. */
  baseFindings?: Finding[];
  /** Each layer on its own: new drift when a layer that accepted it on the base rejects it on the PR. */
  layers?: LayerJudgements;
  /** For new drift: the `migrate` command's result, or the schema diff's suggestions. */
  migration?: Migration;
}

/** A release's configs, judged on the PR and on the base. */
export interface JudgedRelease {
  ref: RefTarget;
  configs: DriftConfig[];
  skipped: SkippedPath[];
  /** When no config of the release matches the globs, at its path or through a move: the nearest paths it has. */
  nearest?: string[];
}

/** A difference between the base's schema and the PR's, with its line in the schema file. */
export type LocatedSchemaChange = SchemaChange & { line?: number };

/**
 * A schema change with the configs it broke: the broken configs of the base and the new drift
 * of the release whose schema errors fall under it. A breaking change that broke none is latent.
 */
export type AttributedSchemaChange = LocatedSchemaChange & {
  configs: string[];
  /** Configs already failing on the base whose new schema errors fall under it: it shows there, without counting. */
  shownBy?: string[];
};

/** What the engine found, before acknowledgement turns it into a verdict. */
export interface GateRun {
  base: JudgedRef;
  /** Every release compared with, in the order the `release` input names them; empty when none is. */
  releases: JudgedRelease[];
  /** How the PR's schema differs from the base's; absent when there is nothing to compare. */
  schemaChanges?: AttributedSchemaChange[];
  schema?: {
    file: string;
    draft: string;
    files: string[];
    /** The base's schema file when the PR moved or renamed it. */
    baseFile?: string;
    /** The base has no schema: the PR introduces it, and the configs it rejects are broken by the PR. */
    newInPr?: boolean;
  };
  loader?: { command: string };
  loaderProcesses: number;
  /** The suite layer: its command, how many configs it ran on, its processes and their time. */
  suite?: { command: string; configs: number; processes: number; durationMs: number };
  /** The base has no config and the PR checkout has these many: the PR adds the first ones. */
  firstConfigs?: number;
  /** Things a maintainer should know that are not failures: fallbacks, empty globs. */
  notes: string[];
}

/** A run as judging leaves it, before its schema changes are joined with the configs they broke. */
export type UnattributedRun = Omit<GateRun, 'schemaChanges'> & { schemaChanges?: LocatedSchemaChange[] };
