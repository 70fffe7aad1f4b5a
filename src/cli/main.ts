import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../pipeline.js';
import { loaderEnvironment } from '../checks/loader/index.js';
import { parseRefMap } from '../checks/schema.js';
import type { YamlVersion } from '../configs/parse/index.js';
import { parsePatterns } from '../configs/select.js';
import { Verdict } from '../constants.js';
import { GateError, describeError } from '../errors.js';
import { createGitCommandManager } from '../git/git.js';
import { safeJson, visible } from '../reports/safe-text.js';
import { parseLabelList } from '../verdict/acknowledgement.js';
import { INPUT_DEFAULTS, YAML_VERSIONS } from '../settings.js';
import { VERSION } from '../version.js';
import { renderTerminal, stylesFor } from './terminal.js';

const USAGE = `Usage: compat-gate check --configs GLOBS (--schema FILE | --loader CMD) [options]

Loads the configs of an old ref (default: the default branch) with this checkout's
schema and loader, and fails when a config that loaded there no longer loads.

Options:
  --configs GLOBS          config files, comma-separated or repeated; !glob excludes (required)
  --schema FILE            JSON Schema (JSON or YAML), relative to --working-directory
  --schema-ref-map MAP     URL-prefix=local/dir/ for absolute $refs (repeatable)
  --no-check-formats       do not assert formats
  --loader CMD             shell command; config paths are appended as arguments
  --loader-timeout SECS    seconds one loader process may run (default ${INPUT_DEFAULTS['loader-timeout']})
  --base REF               the ref whose configs gate the change (default: origin's default branch)
  --release REL            latest (highest semver tag), a tag, a line (v1, v0.2: its highest
                           release), or none; comma-separated or repeated (default: ${INPUT_DEFAULTS.release})
  --fail-on-drift          also fail when the change breaks configs of a release
  --title TEXT             the PR title, to judge an acknowledgement (e.g. "feat!: …")
  --label NAME             a PR label (repeatable)
  --ack-labels LABELS      labels that acknowledge a break (default: ${INPUT_DEFAULTS['ack-labels']})
  --ack-must-reach-release fail when the release tool will not release the acknowledged
                           break as major (default: a warning)
  --yaml-version 1.1|1.2   1.1 reads YAML like PyYAML (default ${INPUT_DEFAULTS['yaml-version']})
  -C, --working-directory DIR   where the loader runs (default: ${INPUT_DEFAULTS['working-directory']})
  --json                   print the JSON report instead of text
  --report FILE            also write the JSON report to FILE
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 pass or acknowledged, 1 breaking, 2 error.`;

/** Exit codes of the CLI (SPEC, "CLI"). */
export const ExitCode = { Pass: 0, Breaking: 1, Error: 2 } as const;

/** Runs the CLI with arguments; returns the exit code. Output goes to the given streams. */
export async function main(
  argv: string[],
  io: { stdout: NodeJS.WritableStream & { isTTY?: boolean }; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv; cwd: string },
): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        configs: { type: 'string', multiple: true },
        schema: { type: 'string' },
        'schema-ref-map': { type: 'string', multiple: true },
        'check-formats': { type: 'boolean', default: isTrue(INPUT_DEFAULTS['check-formats']) },
        'no-check-formats': { type: 'boolean' },
        loader: { type: 'string' },
        'loader-timeout': { type: 'string', default: INPUT_DEFAULTS['loader-timeout'] },
        base: { type: 'string' },
        release: { type: 'string', multiple: true, default: [INPUT_DEFAULTS.release] },
        'fail-on-drift': { type: 'boolean', default: isTrue(INPUT_DEFAULTS['fail-on-drift']) },
        title: { type: 'string' },
        label: { type: 'string', multiple: true },
        'ack-labels': { type: 'string', default: INPUT_DEFAULTS['ack-labels'] },
        'ack-must-reach-release': { type: 'boolean', default: false },
        'yaml-version': { type: 'string', default: INPUT_DEFAULTS['yaml-version'] },
        'working-directory': { type: 'string', short: 'C', default: INPUT_DEFAULTS['working-directory'] },
        json: { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    io.stderr.write(`compat-gate: ${visible(describeError(error), { newlines: true })}\n\n${USAGE}\n`);
    return ExitCode.Error;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.Pass;
  }
  if (values.help || positionals[0] !== 'check') {
    (values.help ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return values.help ? ExitCode.Pass : ExitCode.Error;
  }

  try {
    const yamlVersion = values['yaml-version'];
    if (!isYamlVersion(yamlVersion)) throw new GateError(`--yaml-version is ${yamlVersion}.`, 'Use 1.1 or 1.2.');
    const timeout = Number(values['loader-timeout']);
    if (!(timeout > 0)) throw new GateError(`--loader-timeout is ${values['loader-timeout']}.`, 'Give a positive number of seconds.');
    if (!values.configs?.length) throw new GateError('--configs is missing.', 'Give glob patterns of the config files users have, e.g. --configs "distributions/*/run.yaml".');
    const workingDirectory = resolve(io.cwd, values['working-directory']);
    const base = values.base ?? (await (await createGitCommandManager(workingDirectory)).defaultBranch());
    if (!base) throw new GateError('There is no origin/HEAD, main or master to compare with.', 'Name the old ref with --base.');

    const report = await check({
      gate: {
        workingDirectory,
        patterns: parsePatterns(values.configs.join('\n')),
        ...(values.schema ? { schema: values.schema } : {}),
        refMap: parseRefMap((values['schema-ref-map'] ?? []).join('\n')),
        checkFormats: values['check-formats'] && !values['no-check-formats'],
        ...(values.loader ? { loader: values.loader } : {}),
        loaderTimeoutSeconds: timeout,
        loaderEnv: loaderEnvironment(io.env, []),
        yamlVersion,
      },
      base,
      release: values.release.join('\n'),
      failOnDrift: values['fail-on-drift'],
      eventName: 'cli',
      payload: {},
      ackLabels: parseLabelList(values['ack-labels']),
      ackMustReachRelease: values['ack-must-reach-release'],
      allowPullRequestTarget: false,
      localPullRequest: { ...(values.title !== undefined ? { title: values.title } : {}), labels: values.label ?? [] },
      tempRoot: tmpdir(),
      toolVersion: VERSION,
    });
    // Raw data for machines, with the characters a terminal would act on written as \u escapes.
    const json = safeJson(report) + '\n';
    if (values.report) await writeFile(resolve(io.cwd, values.report), json);
    io.stdout.write(values.json ? json : renderTerminal(report, stylesFor(io.stdout, io.env)));
    if (report.verdict === Verdict.Error) return ExitCode.Error;
    return report.verdict === Verdict.Breaking ? ExitCode.Breaking : ExitCode.Pass;
  } catch (error) {
    io.stderr.write(`compat-gate: ${visible(describeError(error), { newlines: true })}\n`);
    return ExitCode.Error;
  }
}

function isYamlVersion(value: string): value is YamlVersion {
  return (YAML_VERSIONS as readonly string[]).includes(value);
}

/** An action.yml boolean default as a flag's default. */
function isTrue(value: string): boolean {
  return value === 'true';
}
