import * as core from '@actions/core';
import { isAbsolute, resolve } from 'node:path';
import { parseRefMap, type RefMapping } from '../checks/schema.js';
import type { YamlVersion } from '../configs/read.js';
import { parsePatterns, parseShard, type ConfigPatterns, type Shard } from '../configs/select.js';
import { GateError } from '../errors.js';
import { parseLabelList } from '../verdict/acknowledgement.js';

/** The action's inputs, typed, with every default applied (action.yml describes each). */
export interface ActionSettings {
  /** Globs of the configs users have, matched in each old ref. */
  patterns: ConfigPatterns;
  /** The PR's JSON Schema, relative to workingDirectory. */
  schema?: string;
  /** Where absolute `$ref` URLs live in the repository. */
  refMap: RefMapping[];
  /** Assert the formats ajv-formats knows. */
  checkFormats: boolean;
  /** The PR's runtime loader, a shell command. */
  loader?: string;
  /** The `base` input: the ref whose configs gate the PR, when not taken from the event. */
  base?: string;
  /** `latest`, a tag, or `none`. */
  release: string;
  /** Labels that acknowledge a break. */
  ackLabels: string[];
  /** Fail on new release drift too. */
  failOnDrift: boolean;
  /** Fail an acknowledged break that the repository's release tool will not release as major. */
  ackMustReachRelease: boolean;
  /** `auto` or `never`. */
  comment: 'auto' | 'never';
  yamlVersion: YamlVersion;
  loaderTimeoutSeconds: number;
  allowPullRequestTarget: boolean;
  /** Absolute path of `working-directory`. */
  workingDirectory: string;
  /** Empty when no token was given. */
  token: string;
  /** Judge one stable slice of the configs and write a partial report. */
  shard?: Shard;
  /** Partial reports to combine instead of judging (`merge-reports`). */
  mergeReports?: string;
}

/** Reads and checks every input; throws a GateError naming the input and what it accepts. */
export function getInputs(workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): ActionSettings {
  // Masked before anything else can fail and print.
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  const schema = optional('schema');
  const loader = optional('loader');
  const mergeReports = optional('merge-reports');
  const shard = optional('shard');
  if (mergeReports && shard) {
    throw new GateError('`shard` and `merge-reports` are both set.', 'Set `shard` in the matrix jobs and `merge-reports` in the job that combines them.');
  }
  if (mergeReports) {
    // The job that merges judges nothing itself: it needs no configs, schema or loader.
    return {
      patterns: { include: [], exclude: [] },
      refMap: [],
      checkFormats: true,
      release: 'none',
      ackLabels: parseLabelList(core.getInput('ack-labels') || 'breaking-change'),
      failOnDrift: boolean('fail-on-drift', false),
      ackMustReachRelease: boolean('ack-must-reach-release', false),
      comment: choice('comment', ['auto', 'never'] as const, 'auto'),
      yamlVersion: '1.2',
      loaderTimeoutSeconds: 120,
      allowPullRequestTarget: false,
      workingDirectory: workspace,
      token,
      ...(schema ? { schema } : {}),
      ...(loader ? { loader } : {}),
      mergeReports,
    };
  }
  if (!schema && !loader) {
    throw new GateError('Neither `schema` nor `loader` is set: there is nothing to load the configs with.', 'Set `schema` (a JSON Schema file), `loader` (a command), or both.');
  }
  const configs = core.getInput('configs');
  if (!configs.trim()) {
    throw new GateError('The `configs` input is empty.', 'Give glob patterns of the config files users have, e.g. `distributions/*/run.yaml`.');
  }
  const workingDirectory = core.getInput('working-directory') || '.';
  const base = optional('base');
  return {
    patterns: parsePatterns(configs),
    ...(schema ? { schema } : {}),
    refMap: parseRefMap(core.getInput('schema-ref-map')),
    checkFormats: boolean('check-formats', true),
    ...(loader ? { loader } : {}),
    ...(base ? { base } : {}),
    release: optional('release') ?? 'latest',
    ackLabels: parseLabelList(core.getInput('ack-labels') || 'breaking-change'),
    failOnDrift: boolean('fail-on-drift', false),
    ackMustReachRelease: boolean('ack-must-reach-release', false),
    comment: choice('comment', ['auto', 'never'] as const, 'auto'),
    yamlVersion: choice('yaml-version', ['1.2', '1.1'] as const, '1.2'),
    loaderTimeoutSeconds: positiveNumber('loader-timeout', 120),
    allowPullRequestTarget: boolean('allow-pull-request-target', false),
    workingDirectory: isAbsolute(workingDirectory) ? workingDirectory : resolve(workspace, workingDirectory),
    token,
    ...(shard ? { shard: parseShard(shard) } : {}),
  };
}

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

function boolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).toLowerCase();
  if (!value) return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new GateError(`The \`${name}\` input is \`${value}\`, which is not a boolean.`, 'Use `true` or `false`.');
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name);
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new GateError(`The \`${name}\` input is \`${value}\`.`, `Use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
}

function positiveNumber(name: string, fallback: number): number {
  const value = core.getInput(name);
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new GateError(`The \`${name}\` input is \`${value}\`, not a positive number of seconds.`, `Use a number such as \`${fallback}\`.`);
  }
  return number;
}
