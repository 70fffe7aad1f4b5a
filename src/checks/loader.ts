import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError, errorMessage } from '../errors.js';

/** A config handed to the loader: where it lives in the repository and the copy the loader reads. */
export interface LoaderTarget {
  /** Repository path, POSIX separators. */
  path: string;
  /** Absolute path of the copy given to the loader. */
  file: string;
}

/** What the loader said about one config. */
export interface LoaderResult {
  path: string;
  ok: boolean;
  /** Why it did not load: the loader's JSON message, or the last meaningful lines it printed. */
  message?: string;
  /** The loader ran out of time on this config alone. */
  timedOut?: boolean;
}

/** The outcome of running the loader on a set of configs. */
export interface LoaderRun {
  /** One result per target, keyed by repository path, in the order of the targets. */
  results: Map<string, LoaderResult>;
  /** Every loader process started, bisection included. */
  processes: number;
  /** Bytes of loader output (stdout and stderr, all processes) dropped by the capture cap. */
  droppedOutputBytes?: number;
}

/** How to run the loader. */
export interface LoaderOptions {
  /** The user's shell text; the config paths are appended as positional parameters. */
  command: string;
  /** Where the loader runs (`working-directory` of the PR checkout). */
  cwd: string;
  /** Seconds one loader process may run (`loader-timeout`). */
  timeoutSeconds: number;
  /** Environment, already scrubbed by {@link loaderEnvironment}; `COMPAT_GATE_REF` is added here. */
  env: Record<string, string>;
  /** Value of `COMPAT_GATE_REF`, e.g. `base` or `release v1.2.0`. */
  refLabel: string;
  /** Cap on captured stdout and on captured stderr of each process; the tail is kept. */
  maxOutputBytes?: number;
  /** Cap on the total length of the config paths given to one process. */
  maxArgumentBytes?: number;
  /** Cap on the number of configs given to one process. */
  maxBatchSize?: number;
  /** Processes that may time out before the run is given up (default {@link timeoutBudget}). */
  maxTimeouts?: number;
}

/** Default cap on captured stdout, and separately stderr, of one loader process. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/**
 * Default cap on the argument bytes of one loader process: half of Linux's ARG_MAX (2 MiB,
 * environment included), so that thousands of configs with long paths fit in one process.
 */
export const DEFAULT_MAX_ARGUMENT_BYTES = 1024 * 1024;
/**
 * Default cap on the number of configs given to one loader process: up to 10,000 configs take
 * two processes when all load, and the two run side by side on a 2-core runner.
 */
export const DEFAULT_MAX_BATCH_SIZE = 5000;

/**
 * How many loader processes may time out in one run: bisection finds one config the loader hangs
 * on at the cost of one timeout per level (`⌈log2 n⌉ + 1`); twice that finds two. A loader that
 * hangs on every config would otherwise time out 2n - 1 times, n × `loader-timeout` in all: hours
 * for a few hundred configs, past the job's limit, with no verdict.
 */
export function timeoutBudget(configs: number): number {
  return 2 * (Math.ceil(Math.log2(Math.max(1, configs))) + 1);
}

/** Signals that end a run from outside; the loaders must end with it. */
const CANCEL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Loader processes running at once (the hosted runners have 2 to 4 cores). */
const CONCURRENCY = 2;
const MESSAGE_MAX_CHARS = 600;
const MESSAGE_MAX_LINES = 8;
const REPORTED_MESSAGE_MAX_CHARS = 2000;
/** How long to wait for the pipes to close once the process group has been killed. */
const CLOSE_GRACE_MS = 2000;
/** setTimeout's largest delay; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** POSIX shells exit 127 when the command is not found and 126 when it cannot be executed. */
const SHELL_NOT_FOUND = 127;
const SHELL_NOT_EXECUTABLE = 126;

/**
 * Writes each config under `dir` at its repository path, so the loader sees the real file names,
 * and returns the targets to give {@link runLoader}. A path that is absolute, empty or that
 * contains `.`, `..` or empty segments would not be a repository path and is refused.
 */
export async function writeConfigs(dir: string, files: { path: string; content: Buffer }[]): Promise<LoaderTarget[]> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const seen = new Set<string>();
  const targets = files.map(({ path: repoPath }) => {
    const file = configCopyPath(root, repoPath);
    if (seen.has(file)) throw new GateError(`Config ${JSON.stringify(repoPath)} is listed twice.`);
    seen.add(file);
    return { path: repoPath, file };
  });
  const directories = [...new Set(targets.map((target) => path.dirname(target.file)))];
  await forEachLimited(directories.length, 16, async (index) => {
    await mkdir(directories[index]!, { recursive: true }).catch((error: unknown) => {
      throw writeError(directories[index]!, error);
    });
  });
  await forEachLimited(files.length, 16, async (index) => {
    const target = targets[index]!;
    await writeFile(target.file, files[index]!.content).catch((error: unknown) => {
      throw writeError(target.path, error);
    });
  });
  return targets;
}

function configCopyPath(root: string, repoPath: string): string {
  const segments = repoPath.split(path.sep === '\\' ? /[\\/]/ : '/');
  const escapes =
    repoPath.length === 0 ||
    repoPath.includes('\0') ||
    path.posix.isAbsolute(repoPath) ||
    path.isAbsolute(repoPath) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (escapes || relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) {
    throw new GateError(
      `Refusing to write config ${JSON.stringify(repoPath)}: it is not a relative repository path and would leave ${root}.`,
      'Config paths come from the `configs` globs and must be relative paths without `.` or `..` segments.',
    );
  }
  return file;
}

function writeError(where: string, error: unknown): GateError {
  const reason = errorMessage(error);
  return new GateError(`Could not write config ${JSON.stringify(where)} for the loader: ${reason}`);
}

/**
 * Runs the loader on the configs, as few processes as possible, and says for each whether it loaded.
 *
 * Each process is `/bin/sh -c '<command> "$@"' compat-gate <file>…`: the paths travel as positional
 * parameters, never through shell text. Exit 0 means every config given loaded. JSON lines
 * `{"file", "ok", "message"}` on stdout judge the configs they name; the others are attributed by
 * running smaller batches (bisection). Throws {@link GateError} when the loader cannot start at all.
 */
export async function runLoader(targets: LoaderTarget[], options: LoaderOptions): Promise<LoaderRun> {
  if (targets.length === 0) return { results: new Map(), processes: 0, droppedOutputBytes: 0 };
  await checkOptions(options);
  const session = new LoaderSession(options, await indexTargets(targets, options.cwd), options.maxTimeouts ?? timeoutBudget(targets.length));
  const batches = splitIntoBatches(
    targets,
    options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
    options.maxArgumentBytes ?? DEFAULT_MAX_ARGUMENT_BYTES,
  );
  await session.run(batches);
  const results = new Map<string, LoaderResult>();
  for (const target of targets) {
    results.set(
      target.path,
      session.results.get(target) ?? { path: target.path, ok: false, message: 'the loader gave no verdict' },
    );
  }
  return { results, processes: session.processes, droppedOutputBytes: session.droppedOutputBytes };
}

/**
 * The environment for the loader: a copy of `env` without the gate's credentials. Dropped:
 * every `INPUT_*` variable (the action's inputs, the token among them); `GITHUB_TOKEN`,
 * `GH_TOKEN`, `ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RUNTIME_URL`, `ACTIONS_RESULTS_URL`,
 * `ACTIONS_CACHE_URL`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_URL`;
 * any variable whose name contains `TOKEN`, `SECRET`, `PASSWORD` or `PRIVATE_KEY` (any case);
 * and any variable whose value contains one of `secrets` (empty strings are ignored).
 */
export function loaderEnvironment(env: NodeJS.ProcessEnv, secrets: string[]): Record<string, string> {
  const known = new Set([
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
  ]);
  const values = secrets.filter((secret) => secret.length > 0);
  const scrubbed: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (upper.startsWith('INPUT_') || known.has(upper)) continue;
    if (/TOKEN|SECRET|PASSWORD|PRIVATE_KEY/.test(upper)) continue;
    if (values.some((secret) => value.includes(secret))) continue;
    scrubbed[name] = value;
  }
  return scrubbed;
}

async function checkOptions({ command, cwd, timeoutSeconds }: LoaderOptions): Promise<void> {
  if (command.trim() === '') {
    throw new GateError('The loader command is empty.', 'Set the `loader` input to a shell command, or leave it out.');
  }
  if (!(timeoutSeconds > 0)) {
    throw new GateError(
      `The loader timeout must be a positive number of seconds, not ${timeoutSeconds}.`,
      'Check the `loader-timeout` input.',
    );
  }
  const directory = await stat(cwd).catch(() => undefined);
  if (!directory?.isDirectory()) {
    throw new GateError(
      `The loader cannot start: its working directory ${cwd} does not exist.`,
      'Check the `working-directory` input: it is relative to the PR checkout.',
    );
  }
}

type Batch = LoaderTarget[];

interface TargetIndex {
  byName: Map<string, LoaderTarget>;
  cwd: string;
}

/** Names a loader may use for a config in its JSON lines: the copy, its real path, the repository path. */
async function indexTargets(targets: LoaderTarget[], cwd: string): Promise<TargetIndex> {
  const byName = new Map<string, LoaderTarget>();
  const real = await Promise.all(targets.map((target) => realpath(target.file).catch(() => target.file)));
  targets.forEach((target, index) => {
    byName.set(target.path, target);
    byName.set(real[index]!, target);
  });
  for (const target of targets) byName.set(target.file, target);
  return { byName, cwd: path.resolve(cwd) };
}

function findTarget(index: TargetIndex, name: string): LoaderTarget | undefined {
  return (
    index.byName.get(name) ??
    index.byName.get(path.posix.normalize(name)) ??
    index.byName.get(path.resolve(index.cwd, name))
  );
}

function splitIntoBatches(targets: LoaderTarget[], maxBatchSize: number, maxArgumentBytes: number): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = [];
  let bytes = 0;
  for (const target of targets) {
    const size = Buffer.byteLength(target.file) + 1;
    if (current.length > 0 && (current.length >= maxBatchSize || bytes + size > maxArgumentBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What the loader said about one config on its JSON-lines protocol. */
interface LoaderLine {
  ok: boolean;
  message?: string;
}

interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  reports: Map<LoaderTarget, LoaderLine>;
}

/** What one process taught about a batch, and the work left to attribute the rest. */
interface Probe {
  /** Exit 0 and no config reported as failing. */
  allLoaded: boolean;
  settleRest: () => Promise<void>;
}

class LoaderSession {
  readonly results = new Map<LoaderTarget, LoaderResult>();
  processes = 0;
  droppedOutputBytes = 0;
  private readonly live = new Set<number>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private failure: unknown;
  private readonly maxOutputBytes: number;
  private readonly killAll = () => {
    for (const pid of this.live) killGroup(pid);
  };
  private readonly killAllAndDie = (signal: NodeJS.Signals) => {
    this.killAll();
    for (const other of CANCEL_SIGNALS) process.off(other, this.killAllAndDie);
    // With no listener left, the signal does what it would have done without this one.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  private timeouts = 0;

  constructor(
    private readonly options: LoaderOptions,
    private readonly index: TargetIndex,
    private readonly maxTimeouts: number,
  ) {
    this.maxOutputBytes = Math.max(1024, options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  }

  async run(batches: Batch[]): Promise<void> {
    process.on('exit', this.killAll);
    // The runner cancels a run (or ends a step past timeout-minutes) with SIGINT, then SIGTERM.
    // Node dies of them without 'exit', and the loaders' own process groups would live on.
    for (const signal of CANCEL_SIGNALS) process.once(signal, this.killAllAndDie);
    try {
      // The first process runs alone: if the shell cannot find the command, stop before starting more.
      const [first, ...rest] = batches;
      const tasks: Promise<void>[] = [];
      if (first) {
        const probe = await this.probe(first, true);
        tasks.push(this.guard(probe.settleRest()));
      }
      for (const batch of rest) tasks.push(this.guard(this.settle(batch)));
      await Promise.allSettled(tasks);
      if (this.failure !== undefined) throw this.failure;
    } finally {
      this.killAll();
      process.off('exit', this.killAll);
      for (const signal of CANCEL_SIGNALS) process.off(signal, this.killAllAndDie);
    }
  }

  private guard(task: Promise<void>): Promise<void> {
    return task.catch((error: unknown) => {
      if (this.failure === undefined) this.failure = error;
      this.killAll();
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  private async settle(batch: Batch): Promise<void> {
    const probe = await this.probe(batch, false);
    await probe.settleRest();
  }

  /** A batch that is known to hold a config that does not load (its process failed). */
  private async settleFailing(batch: Batch): Promise<void> {
    if (batch.length === 1) return this.settle(batch);
    if (batch.length === 2) {
      await Promise.all(batch.map((target) => this.settle([target])));
      return;
    }
    const middle = Math.ceil(batch.length / 2);
    const left = batch.slice(0, middle);
    const right = batch.slice(middle);
    const probe = await this.probe(left, false);
    // If the left half loads, the failure is in the right half: split it without running it whole.
    if (probe.allLoaded) return this.settleFailing(right);
    await Promise.all([probe.settleRest(), this.settle(right)]);
  }

  /** Runs one process on the batch, records what it decided, and returns what is left to do. */
  private async probe(batch: Batch, first: boolean): Promise<Probe> {
    const outcome = await this.spawnLoader(batch);
    if (outcome.timedOut && ++this.timeouts > this.maxTimeouts) throw this.tooManyTimeouts(batch);
    if (first && !outcome.timedOut && (outcome.code === SHELL_NOT_FOUND || outcome.code === SHELL_NOT_EXECUTABLE)) {
      throw this.startFailure(`exited with code ${outcome.code}`, outcome.stderr || outcome.stdout);
    }
    let reportedFailure = false;
    for (const [target, report] of outcome.reports) {
      if (!report.ok) reportedFailure = true;
      this.results.set(target, report.ok ? { path: target.path, ok: true } : failed(target, report.message));
    }
    const unreported = batch.filter((target) => !outcome.reports.has(target));
    const finished = () => Promise.resolve();
    // Exit 0, or a non-zero exit that the loader explained with JSON lines of failures (the
    // protocol lets a loader print only those): the configs it did not mention loaded.
    const crashed = outcome.signal !== null || signalOfShellStatus(outcome.code) !== undefined;
    if ((outcome.code === 0 || reportedFailure) && !outcome.timedOut && !crashed) {
      for (const target of unreported) this.results.set(target, { path: target.path, ok: true });
      return { allLoaded: !reportedFailure, settleRest: finished };
    }
    if (unreported.length === 0) return { allLoaded: false, settleRest: finished };
    if (batch.length === 1) {
      const target = batch[0]!;
      this.results.set(target, this.failureOf(target, outcome));
      return { allLoaded: false, settleRest: finished };
    }
    if (unreported.length === batch.length) return { allLoaded: false, settleRest: () => this.settleFailing(batch) };
    // A loader that reports config by config and then stops most likely stopped on the first config
    // it did not report: try that one alone and the others together.
    const [suspect, ...others] = unreported;
    return {
      allLoaded: false,
      settleRest: async () => {
        await Promise.all([this.settle([suspect!]), ...(others.length > 0 ? [this.settle(others)] : [])]);
      },
    };
  }

  private failureOf(target: LoaderTarget, outcome: ProcessOutcome): LoaderResult {
    if (outcome.timedOut) {
      return { path: target.path, ok: false, timedOut: true, message: `timed out after ${this.options.timeoutSeconds}s` };
    }
    const words = loaderWords(outcome.stderr, outcome.stdout);
    const signal = outcome.signal ?? signalOfShellStatus(outcome.code);
    if (signal) {
      const how = outcome.signal ? `killed by signal ${signal}` : `killed by signal ${signal} (exit code ${outcome.code})`;
      return failed(target, words ? `${how}\n${words}` : how);
    }
    return failed(target, words || `exited with code ${outcome.code} without printing anything`);
  }

  private tooManyTimeouts(batch: Batch): GateError {
    const { timeoutSeconds, refLabel } = this.options;
    const some = batch.slice(0, 3).map((target) => JSON.stringify(target.path));
    const more = batch.length > 3 ? ` and ${batch.length - 3} more` : '';
    return new GateError(
      `The loader timed out ${this.timeouts} times (\`loader-timeout\`: ${timeoutSeconds}s) on the configs of ${refLabel}, last on ${some.join(', ')}${more}: it hangs on too many configs to tell which ones do not load.`,
      'Make the loader finish without the network or a terminal (it may be waiting for one), or raise `loader-timeout` if it is only slow.',
    );
  }

  private startFailure(what: string, output: string): GateError {
    const words = loaderWords(output, '');
    const quoted = words ? `: ${JSON.stringify(words)}` : '';
    return new GateError(
      `The loader cannot start: \`${this.options.command.trim()}\` in ${this.options.cwd} ${what}${quoted}.`,
      'Check the `loader` input (the command must exist once the earlier steps ran: install its dependencies first) and `working-directory`.',
    );
  }

  private async acquire(): Promise<void> {
    while (this.running >= CONCURRENCY && this.failure === undefined) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
    this.running += 1;
  }

  private release(): void {
    this.running -= 1;
    this.waiting.shift()?.();
  }

  private async spawnLoader(batch: Batch): Promise<ProcessOutcome> {
    await this.acquire();
    try {
      return await this.runProcess(batch);
    } finally {
      this.release();
    }
  }

  private runProcess(batch: Batch): Promise<ProcessOutcome> {
    const { command, cwd, env, refLabel, timeoutSeconds } = this.options;
    const inBatch = new Set(batch);
    const reports = new Map<LoaderTarget, LoaderLine>();
    const stdout = new OutputTail(this.maxOutputBytes);
    const stderr = new OutputTail(this.maxOutputBytes);
    const lines = new LineScanner(this.maxOutputBytes, (line) => {
      const report = parseReport(line);
      if (!report) return;
      const target = findTarget(this.index, report.file);
      if (!target || !inBatch.has(target)) return;
      const earlier = reports.get(target);
      if (!earlier || (earlier.ok && !report.ok)) reports.set(target, { ok: report.ok, message: report.message });
    });

    return new Promise<ProcessOutcome>((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', `${command.trim()} "$@"`, 'compat-gate', ...batch.map((t) => t.file)], {
        cwd,
        env: { ...env, COMPAT_GATE_REF: refLabel },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so a timeout kills the loader and everything it started.
        detached: true,
      });
      const pid = child.pid;
      if (pid !== undefined) {
        this.processes += 1;
        this.live.add(pid);
      }
      let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let timedOut = false;
      let settled = false;
      let graceTimer: NodeJS.Timeout | undefined;

      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(graceTimer);
        if (pid !== undefined) this.live.delete(pid);
        lines.end();
        this.droppedOutputBytes += stdout.dropped + stderr.dropped;
        resolve({
          code: exited?.code ?? null,
          signal: exited?.signal ?? (timedOut ? 'SIGKILL' : null),
          timedOut,
          stdout: stdout.text(),
          stderr: stderr.text(),
          reports,
        });
      };
      // Kills the group; a process that left it (setsid) may still hold the pipes: stop waiting for them.
      const killAndWait = () => {
        if (pid !== undefined) killGroup(pid);
        graceTimer ??= setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          if (exited) finish();
        }, CLOSE_GRACE_MS);
      };
      const timer = setTimeout(
        () => {
          if (!exited) timedOut = true;
          killAndWait();
        },
        Math.min(timeoutSeconds * 1000, MAX_TIMER_MS),
      );

      child.stdout?.on('data', (chunk: Buffer) => {
        stdout.push(chunk);
        lines.push(chunk);
      });
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(graceTimer);
        if (pid !== undefined) {
          killGroup(pid);
          this.live.delete(pid);
        }
        reject(this.startFailure(`could not be started (${error.message})`, stderr.text()));
      });
      child.on('exit', (code, signal) => {
        exited = { code, signal };
        // Children the loader left behind would keep the pipes, and this run, open.
        killAndWait();
      });
      child.on('close', finish);
    });
  }
}

function failed(target: LoaderTarget, message: string | undefined): LoaderResult {
  return { path: target.path, ok: false, message: message || 'the loader reported that it did not load' };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** `sh -c` does not exec its last command (dash), so a loader killed by signal N shows as exit 128+N. */
function signalOfShellStatus(code: number | null): string | undefined {
  if (code === null || code <= 128) return undefined;
  const number = code - 128;
  return Object.entries(osConstants.signals).find(([, value]) => value === number)?.[0];
}

function parseReport(line: string): { file: string; ok: boolean; message?: string } | undefined {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { file, ok, message } = value as Record<string, unknown>;
  if (typeof file !== 'string' || typeof ok !== 'boolean') return undefined;
  const words = typeof message === 'string' ? message.trim() : undefined;
  return {
    file,
    ok,
    message: words && words.length > REPORTED_MESSAGE_MAX_CHARS ? `${words.slice(0, REPORTED_MESSAGE_MAX_CHARS)}…` : words,
  };
}

/** The last `max` bytes of a stream; what came before is counted, not kept. */
class OutputTail {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    if (chunk.length >= this.max) {
      this.dropped += this.size + chunk.length - this.max;
      this.chunks = [Buffer.from(chunk.subarray(chunk.length - this.max))];
      this.size = this.max;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.max) {
      const head = this.chunks[0]!;
      const excess = this.size - this.max;
      if (head.length <= excess) {
        this.chunks.shift();
        this.size -= head.length;
        this.dropped += head.length;
      } else {
        this.chunks[0] = Buffer.from(head.subarray(excess));
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    if (this.dropped === 0) return text;
    // The cut may fall inside a line (or a character): start at the next whole line.
    const newline = text.indexOf('\n');
    return newline === -1 ? text : text.slice(newline + 1);
  }
}

/** Splits a byte stream into lines without holding more than `max` bytes of one line. */
class LineScanner {
  private partial: Buffer[] = [];
  private size = 0;
  private overflowed = false;

  constructor(
    private readonly max: number,
    private readonly onLine: (line: string) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, newline));
      this.flush();
      start = newline + 1;
    }
    this.append(chunk.subarray(start));
  }

  end(): void {
    this.flush();
  }

  private append(piece: Buffer): void {
    if (this.overflowed || piece.length === 0) return;
    if (this.size + piece.length > this.max) {
      this.overflowed = true;
      this.partial = [];
      this.size = 0;
      return;
    }
    this.partial.push(Buffer.from(piece));
    this.size += piece.length;
  }

  private flush(): void {
    const line = this.overflowed || this.size === 0 ? undefined : Buffer.concat(this.partial).toString('utf8');
    this.partial = [];
    this.size = 0;
    this.overflowed = false;
    if (line !== undefined) this.onLine(line);
  }
}

/**
 * The loader's own words about a failure: the last meaningful lines of stderr, or of stdout when
 * stderr has none, at most MESSAGE_MAX_LINES lines and MESSAGE_MAX_CHARS characters.
 */
function loaderWords(stderr: string, stdout: string): string {
  const fromStderr = meaningfulLines(stderr);
  return fromStderr ?? meaningfulLines(stdout) ?? '';
}

function meaningfulLines(output: string): string | undefined {
  const lines = stripTerminalCodes(output)
    .split('\n')
    // A progress bar rewrites its line with \r: keep what was shown last.
    .map((line) => (line.replace(/\r+$/, '').split('\r').pop() ?? '').trimEnd())
    .filter((line) => !parseReport(line));
  // A Python traceback: the exception after the last `Traceback` header is the message, the frames
  // before it are noise. Keep the head of the exception (pydantic lists its errors below
  // "N validation errors for Model").
  const header = lines.findLastIndex((line) => line.startsWith('Traceback (most recent call last):'));
  if (header !== -1) {
    let start = header + 1;
    while (start < lines.length && /^\s/.test(lines[start]!)) start += 1;
    const exception = lines.slice(start).filter(isMeaningful);
    if (exception.length > 0) return clip(exception, 'head');
  }
  // A JavaScript stack: the error is the paragraph right above the first frame (Node prints the
  // failing source line and a caret above it, then a blank line, when the error is uncaught).
  const frame = lines.findIndex(isStackFrame);
  if (frame > 0) {
    let start = frame;
    while (start > 0 && lines[start - 1]!.trim() !== '') start -= 1;
    const error = lines.slice(start, frame).filter(isMeaningful);
    if (error.length > 0) return clip(error, 'tail');
  }
  const meaningful = lines.filter(isMeaningful);
  return meaningful.length > 0 ? clip(meaningful, 'tail') : undefined;
}

function isStackFrame(line: string): boolean {
  return /^\s+at\s.*(?::\d+:\d+\)?|\((?:native|<anonymous>|index \d+)\))$/.test(line);
}

function isMeaningful(line: string): boolean {
  return !(
    line.trim() === '' ||
    isStackFrame(line) ||
    // Node's footer after an uncaught exception.
    /^Node\.js v\d+/.test(line) ||
    // Python 3.11+ and Node underline the failing expression with carets.
    /^\s*[~^]+\s*$/.test(line) ||
    // pydantic repeats a documentation link under every error.
    /^\s*For further information visit https:\/\/errors\.pydantic\.dev\//.test(line)
  );
}

function clip(lines: string[], keep: 'head' | 'tail'): string {
  const ordered = keep === 'tail' ? [...lines].reverse() : lines;
  const kept: string[] = [];
  let length = 0;
  for (const line of ordered) {
    if (kept.length === MESSAGE_MAX_LINES) break;
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    if (length + cost > MESSAGE_MAX_CHARS) {
      if (kept.length === 0) kept.push(`${line.slice(0, MESSAGE_MAX_CHARS - 1)}…`);
      break;
    }
    kept.push(line);
    length += cost;
  }
  if (keep === 'tail') return kept.reverse().join('\n');
  if (kept.length < lines.length && !kept[kept.length - 1]!.endsWith('…')) {
    if (kept.length === MESSAGE_MAX_LINES) kept.pop();
    kept.push('…');
  }
  return kept.join('\n');
}

function stripTerminalCodes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '');
}

async function forEachLimited(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
