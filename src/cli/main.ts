import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { check } from '../pipeline.js';
import { Verdict } from '../constants.js';
import { GateError, describeError } from '../errors.js';
import { createGitCommandManager } from '../git/git.js';
import { buildReport } from '../verdict/report.js';
import { safeJson, visible } from '../reports/safe-text.js';
import { INPUT_DEFAULTS, actionSettings, toCheckRequest } from '../settings.js';
import { VERSION } from '../version.js';
import { CLI_NAMING, flagInputs, parseCommandLine } from './args.js';
import { renderTerminal, stylesFor } from './terminal.js';

const USAGE = `Usage: compat-gate check --configs GLOBS (--schema FILE | --loader CMD | --suite CMD) [options]

Loads the configs of an old ref (default: the default branch) with this checkout's
schema, loader and integration suite, and fails when a config that loaded there no
longer loads.

Options:
  --configs GLOBS          config files, comma-separated or repeated; !glob excludes (required)
  --schema FILE            JSON Schema (JSON or YAML), relative to --working-directory
  --schema-ref-map MAP     URL-prefix=local/dir/ for absolute $refs (repeatable)
  --no-check-formats       do not assert formats (--check-formats, the default, does)
  --loader CMD             shell command; config paths are appended as arguments
  --loader-timeout SECS    seconds one loader process may run (default ${INPUT_DEFAULTS['loader-timeout']})
  --loader-jobs N|auto     loader processes at once; 1 for a loader that holds a port or a
                           lock (default ${INPUT_DEFAULTS['loader-jobs']})
  --suite CMD              integration suite, one config a run; {config} stands for its path
                           (else appended); JUnit XML at $COMPAT_GATE_JUNIT is read test by test
  --suite-configs GLOBS    the configs the suite runs on (default: every config; repeatable)
  --suite-timeout SECS     seconds one suite run may take (default ${INPUT_DEFAULTS['suite-timeout']})
  --migrate CMD            shell command that rewrites copies of broken configs in place
                           (the paths are appended); each migrated copy is loaded again
  --base REF               the ref whose configs gate the change (default: origin's default branch)
  --release REL            latest (highest semver tag), a tag, a line (v1, v0.2: its highest
                           release), or none; comma-separated or repeated (default: ${INPUT_DEFAULTS.release})
  --fail-on-drift          also fail when the change breaks configs of a release
  --title TEXT             the PR title, to judge an acknowledgement (e.g. "feat!: …")
  --label NAME             a PR label (repeatable)
  --ack-labels LABELS      labels that acknowledge a break (default: ${INPUT_DEFAULTS['ack-labels']})
  --acknowledge-with pr|file|either
                           what acknowledges a break: the title and labels (pr, the
                           default), the acknowledgements file, or either
  --acknowledgements FILE  the acknowledgements file, relative to --working-directory
                           (default ${INPUT_DEFAULTS.acknowledgements})
  --ack-must-reach-release fail when the release tool will not release the acknowledged
                           break as major (default: a warning)
  --yaml-version 1.1|1.2   1.1 reads YAML like PyYAML (default ${INPUT_DEFAULTS['yaml-version']})
  -C, --working-directory DIR   where the loader and the suite run (default: ${INPUT_DEFAULTS['working-directory']})
  --json                   print the JSON report instead of text, errors included
  --report FILE            also write the JSON report to FILE (folders are created)
  -h, --help               this help
  -v, --version            the version

Quote globs ('conf/*.yaml'): compat-gate matches them in each ref itself, and an
argument that belongs to no flag is an error.

Exit codes: 0 pass or acknowledged, 1 breaking, 2 error (a bad command line too).
When --report FILE cannot be written the verdict is still printed; a pass then exits 2.`;

/** Exit codes of the CLI (SPEC, "CLI"). */
export const ExitCode = { Pass: 0, Breaking: 1, Error: 2 } as const;

/** Runs the CLI with arguments; returns the exit code. Output goes to the given streams. */
export async function main(
  argv: string[],
  io: { stdout: NodeJS.WritableStream & { isTTY?: boolean }; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv; cwd: string },
): Promise<number> {
  const started = Date.now();
  // `--json` promises JSON on stdout whatever happens, a usage error included.
  const wantsJson = argv.includes('--json');
  /** The gate's own failure: a report with verdict `error` for --json, else the message on stderr. */
  const fail = (error: unknown, usage = false): number => {
    const worded = error instanceof GateError ? error.worded(CLI_NAMING) : { message: describeError(error, CLI_NAMING) };
    if (wantsJson) {
      const report = buildReport({ toolVersion: VERSION, verdict: Verdict.Error, error: worded, event: 'cli', ackLabels: [], notes: [], durationMs: Date.now() - started });
      io.stdout.write(safeJson(report) + '\n');
    } else {
      const text = worded.hint ? `${worded.message} ${worded.hint}` : worded.message;
      io.stderr.write(`compat-gate: ${visible(text, { newlines: true })}\n${usage ? `\n${USAGE}\n` : ''}`);
    }
    return ExitCode.Error;
  };

  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return fail(error);
  }
  const { command, values } = parsed;
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.Pass;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return ExitCode.Pass;
  }
  if (command === undefined) return fail(new GateError('no command given.', 'Run `compat-gate check …`; `compat-gate --help` lists every flag.'), true);

  let report;
  try {
    // The flags are the action's inputs under the same names: one reader checks both.
    const settings = actionSettings(flagInputs(values), { workspace: io.cwd }, io.env);
    const base = settings.base ?? (await defaultBranch(settings.workingDirectory));
    if (!base) throw new GateError('There is no origin/HEAD, main or master to compare with.', 'Name the old ref with --base.');
    const title = optional(values.title);
    report = await check(
      toCheckRequest(
        { ...settings, base },
        {
          eventName: 'cli',
          payload: {},
          localPullRequest: { ...(title !== undefined ? { title } : {}), labels: strings(values.label) },
          tempRoot: tmpdir(),
          toolVersion: VERSION,
          naming: CLI_NAMING,
        },
      ),
    );
  } catch (error) {
    return fail(error);
  }
  // Raw data for machines, with the characters a terminal would act on written as \u escapes.
  const json = safeJson(report) + '\n';
  io.stdout.write(values.json ? json : renderTerminal(report, stylesFor(io.stdout, io.env)));
  const code = report.verdict === Verdict.Error ? ExitCode.Error : report.verdict === Verdict.Breaking ? ExitCode.Breaking : ExitCode.Pass;
  const reportFile = optional(values.report);
  if (reportFile) {
    // The verdict is out already; a report that cannot be written never hides it. A pass whose
    // report is missing exits 2 (a later step would read nothing); 1 and 2 stay as they are.
    const path = resolve(io.cwd, reportFile);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, json);
    } catch (error) {
      io.stderr.write(`compat-gate: the report could not be written to ${visible(path)}: ${visible(describeError(error), { newlines: true })}\n`);
      return code === ExitCode.Pass ? ExitCode.Error : code;
    }
  }
  return code;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The repository's default branch (see GitCommandManager.defaultBranch). */
async function defaultBranch(workingDirectory: string): Promise<string | undefined> {
  const git = await createGitCommandManager(workingDirectory);
  try {
    return await git.defaultBranch();
  } finally {
    git.close();
  }
}
