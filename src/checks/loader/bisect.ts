import type { LoaderTarget } from './copies.js';
import { NO_VERDICT, processFailure, reportedFailure, startFailure, timedOutMessage, tooManyTimeouts } from './messages.js';
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  LiveProcesses,
  SHELL_NOT_EXECUTABLE,
  SHELL_NOT_FOUND,
  checkOptions,
  runProcess,
  signalOfShellStatus,
  type LoaderOptions,
  type ProcessOutcome,
} from './process.js';
import { indexTargets, reportCollector, type LoaderLine, type TargetIndex } from './protocol.js';

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
  /** Processes that fought another loader process over a port or a lock, and were run again alone. */
  retriedAlone?: number;
}

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

/** Loader processes running at once (the hosted runners have 2 to 4 cores). */
const CONCURRENCY = 2;

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
    results.set(target.path, session.results.get(target) ?? { path: target.path, ok: false, message: NO_VERDICT });
  }
  return {
    results,
    processes: session.live.started,
    droppedOutputBytes: session.droppedOutputBytes,
    ...(session.retriedAlone ? { retriedAlone: session.retriedAlone } : {}),
  };
}

type Batch = LoaderTarget[];

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

/** One process's outcome with the JSON lines it printed about its batch. */
interface BatchOutcome extends ProcessOutcome {
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
  readonly live = new LiveProcesses();
  droppedOutputBytes = 0;
  retriedAlone = 0;
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private failure: unknown;
  private readonly maxOutputBytes: number;
  private timeouts = 0;

  constructor(
    private readonly options: LoaderOptions,
    private readonly index: TargetIndex,
    private readonly maxTimeouts: number,
  ) {
    this.maxOutputBytes = Math.max(1024, options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  }

  async run(batches: Batch[]): Promise<void> {
    this.live.watch();
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
      this.live.unwatch();
    }
  }

  private guard(task: Promise<void>): Promise<void> {
    return task.catch((error: unknown) => {
      if (this.failure === undefined) this.failure = error;
      this.live.killAll();
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
    if (outcome.timedOut && ++this.timeouts > this.maxTimeouts) {
      const { timeoutSeconds, refLabel } = this.options;
      throw tooManyTimeouts(
        this.timeouts,
        timeoutSeconds,
        refLabel,
        batch.map((target) => target.path),
      );
    }
    if (first && !outcome.timedOut && (outcome.code === SHELL_NOT_FOUND || outcome.code === SHELL_NOT_EXECUTABLE)) {
      throw startFailure(this.options.command, this.options.cwd, `exited with code ${outcome.code}`, outcome.stderr || outcome.stdout);
    }
    let reportedFailed = false;
    for (const [target, report] of outcome.reports) {
      if (!report.ok) reportedFailed = true;
      this.results.set(target, report.ok ? { path: target.path, ok: true } : failed(target, reportedFailure(report.message)));
    }
    const unreported = batch.filter((target) => !outcome.reports.has(target));
    const finished = () => Promise.resolve();
    // Exit 0, or a non-zero exit that the loader explained with JSON lines of failures (the
    // protocol lets a loader print only those): the configs it did not mention loaded.
    const crashed = outcome.signal !== null || signalOfShellStatus(outcome.code) !== undefined;
    if ((outcome.code === 0 || reportedFailed) && !outcome.timedOut && !crashed) {
      for (const target of unreported) this.results.set(target, { path: target.path, ok: true });
      return { allLoaded: !reportedFailed, settleRest: finished };
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
      return { path: target.path, ok: false, timedOut: true, message: timedOutMessage(this.options.timeoutSeconds) };
    }
    return failed(target, processFailure({ ...outcome, shellSignal: signalOfShellStatus(outcome.code) }));
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

  private async spawnLoader(batch: Batch): Promise<BatchOutcome> {
    await this.acquire();
    try {
      const { onLine, reports } = reportCollector(this.index, batch);
      const files = batch.map((target) => target.file);
      const start = () => runProcess(files, this.options, this.maxOutputBytes, this.live, onLine);
      const { lanes } = this.options;
      let outcome = await (lanes ? lanes.inShared(start) : start());
      this.droppedOutputBytes += outcome.droppedBytes;
      if (lanes && lanes.loaderJobs !== 1 && outcome.code !== 0 && !outcome.timedOut && PORT_OR_LOCK.test(`${outcome.stdout}\n${outcome.stderr}`)) {
        // It lost a port or a lock to another loader process: what it said depends on which one won.
        // Run it again with no other process beside it, so that the same commits get the same verdict.
        reports.clear();
        this.retriedAlone += 1;
        outcome = await lanes.alone(start);
        this.droppedOutputBytes += outcome.droppedBytes;
      }
      return { ...outcome, reports };
    } finally {
      this.release();
    }
  }
}

/** What a process prints when another one holds the port or the lock it needs. */
export const PORT_OR_LOCK = /address already in use|EADDRINUSE|port is already allocated|database is locked|could not (?:acquire|obtain) lock/i;

function failed(target: LoaderTarget, message: string): LoaderResult {
  return { path: target.path, ok: false, message };
}
