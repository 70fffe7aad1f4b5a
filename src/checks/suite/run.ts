import { readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asRepositoryPaths } from '../evaluate.js';
import type { ProcessLanes } from '../lanes.js';
import { writeConfigs, type Scratch } from '../loader/index.js';
import { LiveProcesses, SHELL_NOT_EXECUTABLE, SHELL_NOT_FOUND, runProcess, signalOfShellStatus } from '../loader/process.js';
import { MAX_JUNIT_BYTES, junitTooLarge, readJunit, type TestResult } from './junit.js';

/** How the integration suite is run on one side (the PR checkout, or a copy of the base's tree). */
export interface SuiteSetup {
  /** The `suite` input: shell text, `{config}` standing for the config's path. */
  command: string;
  /** Where it runs: `working-directory` of that side's tree. */
  cwd: string;
  /** The scrubbed environment (no token, no secrets). */
  env: Record<string, string>;
  /** Seconds one suite run may take (`suite-timeout`). */
  timeoutSeconds: number;
  /** A suite process runs alone: no loader and no other suite beside it. */
  lanes: ProcessLanes;
  scratch: Scratch;
  /** Names this side's folder under the scratch folder: `pr` or `base`. */
  folder: string;
}

/** What one suite run on one config said. */
export interface SuiteOutcome {
  /** Exit 0, no test failed in its JUnit report, and not timed out. */
  passed: boolean;
  timedOut: boolean;
  /** The shell could not find or execute the command (exit 127 / 126). */
  notStarted: boolean;
  /** `exit code 1`, `killed by signal SIGSEGV`, `timed out after 1800s`. */
  ending: string;
  /** Test by test, when the suite wrote a JUnit report to `COMPAT_GATE_JUNIT`. */
  tests?: TestResult[];
  /** Why a JUnit report that was written could not be used. */
  junitNote?: string;
  /** The last lines the suite printed (stderr after stdout), with the copy's path as the repository path. */
  tail: string;
  durationMs: number;
}

/** Lines of output kept for the summary: the end of a test run says what failed. */
const TAIL_LINES = 40;
const TAIL_MAX_CHARS = 4000;
/** Captured output per stream: a suite prints far more than a loader. */
const SUITE_OUTPUT_BYTES = 1024 * 1024;

/**
 * The shell text of a suite run: `{config}` becomes `"$1"`, the config's path as a positional
 * parameter, never spliced into the text; without `{config}` the path is appended. Quotes the
 * user put around `{config}` are dropped (inside `'…'` the parameter would not expand).
 */
export function suiteScript(command: string): string {
  const text = command.trim();
  if (!text.includes('{config}')) return `${text} "$1"`;
  return text.replace(/'\{config\}'|"\{config\}"|\{config\}/g, '"$1"');
}

/** Runs the suite on configs one at a time; each run has its own copy of the config and its own JUnit path. */
export class SuiteRunner {
  private runs = 0;
  processes = 0;

  constructor(readonly setup: SuiteSetup) {}

  /** Runs the suite once, with this config, once every other process of the check has ended. */
  async run(config: { path: string; content: Buffer }, refLabel: string): Promise<SuiteOutcome> {
    const { setup } = this;
    const dir = await setup.scratch.onDisk(join('suite', setup.folder, `run-${++this.runs}`));
    const copies = join(dir, 'config');
    const [target] = await writeConfigs(copies, [config]);
    const realCopies = await realpath(copies).catch(() => copies);
    const junit = join(dir, 'junit.xml');
    const live = new LiveProcesses();
    const started = Date.now();
    const outcome = await setup.lanes.alone(async () => {
      this.processes += 1;
      live.watch();
      try {
        return await runProcess(
          [target!.file],
          { command: setup.command, cwd: setup.cwd, env: setup.env, refLabel, timeoutSeconds: setup.timeoutSeconds },
          SUITE_OUTPUT_BYTES,
          live,
          () => undefined,
          { script: suiteScript(setup.command), env: { COMPAT_GATE_JUNIT: junit, COMPAT_GATE_CONFIG: config.path } },
        );
      } finally {
        live.unwatch();
      }
    });
    const durationMs = Date.now() - started;
    const junitRead = await readReport(junit);
    const tests = junitRead && junitRead.ok ? [...junitRead.tests.values()] : undefined;
    const failedTests = tests?.some((test) => test.status === 'failed') ?? false;
    const shellSignal = signalOfShellStatus(outcome.code);
    const ending = outcome.timedOut
      ? `timed out after ${setup.timeoutSeconds}s`
      : outcome.signal
        ? `killed by signal ${outcome.signal}`
        : shellSignal
          ? `killed by signal ${shellSignal} (exit code ${outcome.code})`
          : `exit code ${outcome.code}`;
    const output = [outcome.stdout, outcome.stderr].filter((text) => text.trim() !== '').join('\n');
    return {
      passed: outcome.code === 0 && !outcome.timedOut && !failedTests,
      timedOut: outcome.timedOut,
      notStarted: !outcome.timedOut && (outcome.code === SHELL_NOT_FOUND || outcome.code === SHELL_NOT_EXECUTABLE),
      ending,
      ...(tests ? { tests } : {}),
      ...(junitRead && !junitRead.ok ? { junitNote: junitRead.note } : {}),
      tail: tailOf(asRepositoryPaths(output, [copies, realCopies])),
      durationMs,
    };
  }
}

/** The JUnit report the run wrote, read; undefined when it wrote none. */
async function readReport(file: string): Promise<ReturnType<typeof readJunit> | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) return { ok: false, note: 'it is not a regular file' };
  // Never read more than the cap: the size is known before the bytes are.
  if (info.size > MAX_JUNIT_BYTES) return junitTooLarge(info.size);
  return readJunit(await readFile(file));
}

/** The last lines of the output, trimmed of blank lines at the end. */
export function tailOf(output: string): string {
  const lines = output.replace(/\s+$/, '').split(/\r?\n/);
  const kept = lines.slice(-TAIL_LINES).join('\n');
  return kept.length > TAIL_MAX_CHARS ? kept.slice(kept.length - TAIL_MAX_CHARS) : kept;
}
