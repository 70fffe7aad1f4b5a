import { tmpdir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { loaderEnvironment } from './checks/loader/index.js';
import { nothingToLoad } from './checks/nothing-checked.js';
import { parseRefMap } from './checks/schema.js';
import type { YamlVersion } from './configs/parse/index.js';
import { parsePatterns, parseShard } from './configs/select.js';
import type { GateOptions, SuiteOptions } from './checks/judge.js';
import type { Naming } from './errors.js';
import type { CheckRequest } from './pipeline.js';
import type { Payload } from './refs/base.js';
import { GateError } from './errors.js';
import { parseLabelList } from './verdict/acknowledgement.js';
import { ACK_MODES, type AckMode } from './verdict/coverage.js';

/**
 * The defaults of action.yml's inputs, as action.yml writes them; the CLI's flags share them.
 * A test keeps this table equal to action.yml.
 */
export const INPUT_DEFAULTS = {
  'check-formats': 'true',
  release: 'latest',
  'ack-labels': 'breaking-change',
  'acknowledge-with': 'pr',
  acknowledgements: '.github/compat-gate-acknowledged.yaml',
  'fail-on-drift': 'false',
  'ack-must-reach-release': 'false',
  comment: 'auto',
  'yaml-version': '1.2',
  'loader-timeout': '120',
  'loader-jobs': 'auto',
  'suite-timeout': '1800',
  'allow-pull-request-target': 'false',
  'working-directory': '.',
} as const;

/** The YAML dialects the `yaml-version` input and flag accept, the default first. */
export const YAML_VERSIONS = ['1.2', '1.1'] as const satisfies readonly YamlVersion[];

/** The values the `comment` input accepts. */
export const COMMENT_MODES = ['auto', 'never'] as const;

/** The engine's options that the inputs set; each is declared once, in GateOptions. */
const GATE_SETTINGS = [
  'workingDirectory',
  'patterns',
  'schema',
  'refMap',
  'checkFormats',
  'loader',
  'migrate',
  'loaderTimeoutSeconds',
  'loaderJobs',
  'suite',
  'loaderEnv',
  'yamlVersion',
  'shard',
] as const satisfies ReadonlyArray<keyof GateOptions>;

/** The part of the settings the engine takes as it is. */
export type GateSettings = Pick<GateOptions, (typeof GATE_SETTINGS)[number]>;

/** The action's inputs, typed, with every default applied (action.yml describes each). */
export interface ActionSettings extends GateSettings {
  /** The `base` input: the ref whose configs gate the PR, when not taken from the event. */
  base?: string;
  /** The `release` input's text, as the user wrote it: `latest`, tags, release lines, or `none`. */
  releaseSelection: string;
  /** Labels that acknowledge a break. */
  ackLabels: string[];
  /** What acknowledges a break: the PR, the acknowledgements file, or either. */
  acknowledgeWith: AckMode;
  /** The acknowledgements file, relative to workingDirectory. */
  acknowledgements: string;
  /** Fail on new release drift too. */
  failOnDrift: boolean;
  /** Fail an acknowledged break that the repository's release tool will not release as major. */
  ackMustReachRelease: boolean;
  /** `auto` or `never`. */
  comment: (typeof COMMENT_MODES)[number];
  allowPullRequestTarget: boolean;
  /** Empty when no token was given. */
  token: string;
  /** Partial reports to combine instead of judging (`merge-reports`). */
  mergeReports?: string;
}

/** What the Actions runner tells the step through its environment. */
export interface RunnerSettings {
  /** GITHUB_WORKSPACE: the checkout, where relative inputs resolve (the current directory without it). */
  workspace: string;
  /** GITHUB_EVENT_NAME, empty when unknown. */
  eventName: string;
  /** GITHUB_EVENT_PATH: the event payload file. */
  eventPath?: string;
  /** GITHUB_REPOSITORY (`owner/name`) and the server it lives on. */
  repository?: { name: string; owner: string; repo: string; serverUrl: string };
  /** The run's page (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT), for the comment's link. */
  runUrl?: string;
  /** RUNNER_TEMP, else the system's temp folder: where the run's files go. */
  tempDir: string;
  /** GITHUB_ACTION: the step's id, naming the report file. */
  stepId?: string;
  /** GITHUB_STEP_SUMMARY is set: the job summary can be written. */
  hasStepSummary: boolean;
}

/** Reads an input by its action.yml name; '' when it is not set. */
export type InputReader = (name: string) => string;

/** The runner's settings from its environment; never throws. */
export function runnerSettings(env: NodeJS.ProcessEnv, cwd: string): RunnerSettings {
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const name = env.GITHUB_REPOSITORY;
  const [owner = '', repo = ''] = (name ?? '/').split('/');
  const runId = env.GITHUB_RUN_ID;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  return {
    workspace: env.GITHUB_WORKSPACE ?? cwd,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(env.GITHUB_EVENT_PATH ? { eventPath: env.GITHUB_EVENT_PATH } : {}),
    ...(name ? { repository: { name, owner, repo, serverUrl } } : {}),
    ...(runId ? { runUrl: `${serverUrl}/${name}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}` } : {}),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    ...(env.GITHUB_ACTION ? { stepId: env.GITHUB_ACTION } : {}),
    hasStepSummary: Boolean(env.GITHUB_STEP_SUMMARY),
  };
}

/**
 * Every input checked and typed, with action.yml's defaults; throws a GateError naming the
 * input and what it accepts. A relative `working-directory` resolves in the runner's workspace;
 * the loader gets the runner's environment `env` without its secrets.
 */
export function actionSettings(input: InputReader, runner: Pick<RunnerSettings, 'workspace'>, env: NodeJS.ProcessEnv): ActionSettings {
  const read = inputs(input);
  const { workspace } = runner;
  const token = input('github-token');
  const loaderEnv = loaderEnvironment(env, token ? [token] : []);
  const schema = read.optional('schema');
  const loader = read.optional('loader');
  const mergeReports = read.optional('merge-reports');
  const shard = read.optional('shard');
  if (mergeReports && shard) {
    throw new GateError('`shard` and `merge-reports` are both set.', 'Set `shard` in the matrix jobs and `merge-reports` in the job that combines them.');
  }
  // Read where each branch reads them, so that the first bad input named stays the same.
  const verdictInputs = () => ({
    ackLabels: parseLabelList(read.text('ack-labels')),
    acknowledgeWith: read.choice('acknowledge-with', ACK_MODES),
    acknowledgements: read.text('acknowledgements'),
    failOnDrift: read.boolean('fail-on-drift'),
    ackMustReachRelease: read.boolean('ack-must-reach-release'),
    comment: read.choice('comment', COMMENT_MODES),
  });
  // Alike in both branches: the merge job keys its sticky comment by the schema and loader too.
  const given = { token, loaderEnv, ...(schema ? { schema } : {}), ...(loader ? { loader } : {}) };
  if (mergeReports) {
    // The job that merges judges nothing itself: it needs no configs, schema or loader.
    return {
      patterns: { include: [], exclude: [] },
      refMap: [],
      checkFormats: true,
      releaseSelection: 'none',
      ...verdictInputs(),
      yamlVersion: read.choice('yaml-version', YAML_VERSIONS, 'unchecked'),
      loaderTimeoutSeconds: read.positiveNumber('loader-timeout', 'unchecked'),
      allowPullRequestTarget: false,
      workingDirectory: workspace,
      ...given,
      mergeReports,
    };
  }
  const suiteCommand = read.optional('suite');
  if (!schema && !loader && !suiteCommand) throw nothingToLoad();
  const configs = input('configs');
  if (!configs.trim()) {
    throw new GateError((n) => `The ${n.setting('configs')} is empty.`, 'Give glob patterns of the config files users have, e.g. `distributions/*/run.yaml`.');
  }
  const suite = suiteCommand
    ? suiteOptions(suiteCommand, input('suite-configs'), configs, read.positiveNumber('suite-timeout'))
    : undefined;
  const loaderJobs = parseLoaderJobs(read.text('loader-jobs'));
  const workingDirectory = read.text('working-directory');
  const base = read.optional('base');
  const migrate = read.optional('migrate')?.trim();
  return {
    patterns: parsePatterns(configs),
    refMap: parseRefMap(input('schema-ref-map')),
    checkFormats: read.boolean('check-formats'),
    ...(migrate ? { migrate } : {}),
    ...(base ? { base } : {}),
    releaseSelection: read.text('release'),
    ...verdictInputs(),
    yamlVersion: read.choice('yaml-version', YAML_VERSIONS),
    loaderTimeoutSeconds: read.positiveNumber('loader-timeout'),
    ...(loaderJobs !== undefined ? { loaderJobs } : {}),
    ...(suite ? { suite } : {}),
    allowPullRequestTarget: read.boolean('allow-pull-request-target'),
    workingDirectory: isAbsolute(workingDirectory) ? workingDirectory : resolve(workspace, workingDirectory),
    ...given,
    ...(shard ? { shard: parseShard(shard) } : {}),
  };
}

/** The suite layer's settings; `suite-configs` empty means every config `configs` matches. */
export function suiteOptions(command: string, suiteConfigs: string, configs: string, timeoutSeconds: number): SuiteOptions {
  return { command, patterns: parsePatterns(suiteConfigs.trim() ? suiteConfigs : configs), timeoutSeconds };
}

/** `loader-jobs`: `auto` (undefined), or a whole number of processes from 1. */
export function parseLoaderJobs(value: string): number | undefined {
  const text = value.trim();
  if (text === '' || text === 'auto') return undefined;
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1) {
    throw new GateError(
      (n) => `The ${n.setting('loader-jobs')} is \`${text}\`.`,
      'Use `auto`, or a whole number of loader processes that may run at once (`1` for a loader that binds a fixed port or holds a lock).',
    );
  }
  return number;
}

type Defaulted = keyof typeof INPUT_DEFAULTS;

/**
 * Typed readers of inputs, each falling back to action.yml's default. `unchecked` takes the
 * default whatever the input says: the job that merges reports does not use those inputs.
 */
function inputs(input: InputReader) {
  const text = (name: Defaulted, mode?: 'unchecked'): string => (mode === 'unchecked' ? '' : input(name)) || INPUT_DEFAULTS[name];
  return {
    text,
    optional: (name: string): string | undefined => input(name) || undefined,
    boolean(name: Defaulted): boolean {
      const value = text(name).toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(value)) return true;
      if (['false', 'no', 'off', '0'].includes(value)) return false;
      throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`, which is not a boolean.`, 'Use `true` or `false`.');
    },
    choice<T extends string>(name: Defaulted, allowed: readonly T[], mode?: 'unchecked'): T {
      const value = text(name, mode);
      if ((allowed as readonly string[]).includes(value)) return value as T;
      throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`.`, `Use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
    },
    positiveNumber(name: Defaulted, mode?: 'unchecked'): number {
      const value = text(name, mode);
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) {
        throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`, not a positive number of seconds.`, `Use a number such as \`${INPUT_DEFAULTS[name]}\`.`);
      }
      return number;
    },
  };
}

/** What the edge that asks for a check knows besides the settings: the event, the API, where temp files go. */
export interface CheckContext {
  eventName: string;
  payload: Payload;
  /** GitHub's API, when there is a token. */
  apis?: Pick<CheckRequest, 'api' | 'releaseApi' | 'mergeSettingsApi'>;
  repository?: { name: string; serverUrl: string };
  /** The CLI's stand-in for a PR: a title and labels from flags. */
  localPullRequest?: { title?: string; labels: string[] };
  tempRoot: string;
  toolVersion: string;
  naming?: Naming;
}

/** The engine's settings alone, without the check's own. */
function gateSettings(settings: ActionSettings): GateSettings {
  // Keyed by GATE_SETTINGS, the type's own list; a setting that is not set stays out.
  return Object.fromEntries(GATE_SETTINGS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]])) as GateSettings;
}

/** The one way from settings to a check: the action and the CLI both ask for it so. */
export function toCheckRequest(settings: ActionSettings, context: CheckContext): CheckRequest {
  return {
    gate: gateSettings(settings),
    ...(settings.base ? { base: settings.base } : {}),
    releaseSelection: settings.releaseSelection,
    failOnDrift: settings.failOnDrift,
    eventName: context.eventName,
    payload: context.payload,
    ackLabels: settings.ackLabels,
    acknowledgeWith: settings.acknowledgeWith,
    acknowledgements: settings.acknowledgements,
    ackMustReachRelease: settings.ackMustReachRelease,
    allowPullRequestTarget: settings.allowPullRequestTarget,
    ...(context.apis ?? {}),
    ...(context.repository ? { repository: context.repository } : {}),
    ...(context.localPullRequest ? { localPullRequest: context.localPullRequest } : {}),
    tempRoot: context.tempRoot,
    toolVersion: context.toolVersion,
    ...(context.naming ? { naming: context.naming } : {}),
  };
}
