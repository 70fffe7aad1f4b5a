import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { badTimeout, emptyCommand, missingDirectory, startFailure } from './messages.js';
import { LineScanner } from './protocol.js';
import type { ProcessLanes } from '../lanes.js';

/** How to run the loader. */
export interface LoaderOptions {
  /** The user's shell text; the config paths are appended as positional parameters. */
  command: string;
  /** Where the loader runs (`working-directory` of the PR checkout). */
  cwd: string;
  /** Seconds one loader process may run (`loader-timeout`). */
  timeoutSeconds: number;
  /** Environment, already scrubbed by `loaderEnvironment`; `COMPAT_GATE_REF` is added here. */
  env: Record<string, string>;
  /** Value of `COMPAT_GATE_REF`, e.g. `base` or `release v1.2.0`. */
  refLabel: string;
  /** Cap on captured stdout and on captured stderr of each process; the tail is kept. */
  maxOutputBytes?: number;
  /** Cap on the total length of the config paths given to one process. */
  maxArgumentBytes?: number;
  /** Cap on the number of configs given to one process. */
  maxBatchSize?: number;
  /** Processes that may time out before the run is given up (default `timeoutBudget`). */
  maxTimeouts?: number;
  /** Who may run at once across the check: loader processes take a shared lane. */
  lanes?: ProcessLanes;
}

/** How one process is started: the shell text and what it adds to the environment. */
export interface ProcessSpec {
  /** Shell text run by `/bin/sh -c`; the files are its positional parameters. */
  script: string;
  /** Variables added to the scrubbed environment (besides `COMPAT_GATE_REF`). */
  env?: Record<string, string>;
}

/** Default cap on captured stdout, and separately stderr, of one loader process. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/** How long to wait for the pipes to close once the process group has been killed. */
const CLOSE_GRACE_MS = 2000;
/** setTimeout's largest delay; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** POSIX shells exit 127 when the command is not found and 126 when it cannot be executed. */
export const SHELL_NOT_FOUND = 127;
export const SHELL_NOT_EXECUTABLE = 126;
/** Signals that end a run from outside; the loaders must end with it. */
export const CANCEL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Refuses options the loader cannot run with, before any process starts. */
export async function checkOptions({ command, cwd, timeoutSeconds }: LoaderOptions): Promise<void> {
  if (command.trim() === '') throw emptyCommand();
  if (!(timeoutSeconds > 0)) throw badTimeout(timeoutSeconds);
  const directory = await stat(cwd).catch(() => undefined);
  if (!directory?.isDirectory()) throw missingDirectory(cwd);
}

/** How one loader process ended and the tails of what it printed. */
export interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Bytes of stdout and stderr dropped by the capture cap. */
  droppedBytes: number;
}

/**
 * The process groups of a run's loaders, killed together when the run ends, when Node exits, or
 * when the run is cancelled.
 */
/**
 * Runs `cleanup` when Node exits or the run is cancelled, until the returned function is called.
 * The runner cancels a run (or ends a step past timeout-minutes) with SIGINT, then SIGTERM: Node
 * dies of them without 'exit', and what the gate started (the loaders' process groups, their
 * copies in RAM) would live on. After the cleanup, once no other watcher is left, the signal does
 * what it would have done without these watchers.
 */
export function onExitOrCancel(cleanup: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    stop();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const stop = () => {
    process.off('exit', cleanup);
    for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal);
  };
  process.on('exit', cleanup);
  for (const signal of CANCEL_SIGNALS) process.once(signal, onSignal);
  return stop;
}

export class LiveProcesses {
  /** Every loader process started. */
  started = 0;
  private readonly pids = new Set<number>();
  private stopWatching: (() => void) | undefined;
  readonly killAll = () => {
    for (const pid of this.pids) killGroup(pid);
  };

  /** Kills the loaders if Node exits or the run is cancelled, until {@link LiveProcesses.unwatch}. */
  watch(): void {
    this.stopWatching ??= onExitOrCancel(this.killAll);
  }

  /** Kills what is left and stops watching. */
  unwatch(): void {
    this.killAll();
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  add(pid: number): void {
    this.started += 1;
    this.pids.add(pid);
  }

  delete(pid: number): void {
    this.pids.delete(pid);
  }
}

/**
 * Runs `/bin/sh -c '<command> "$@"' compat-gate <file>…` once (or the shell text of `spec`), in
 * its own process group, and hands each line of its stdout to `onStdoutLine`. Rejects when the
 * process cannot be started.
 */
export function runProcess(
  files: string[],
  options: LoaderOptions,
  maxOutputBytes: number,
  live: LiveProcesses,
  onStdoutLine: (line: string) => void,
  spec: ProcessSpec = { script: `${options.command.trim()} "$@"` },
): Promise<ProcessOutcome> {
  const { command, cwd, env, refLabel, timeoutSeconds } = options;
  const stdout = new OutputTail(maxOutputBytes);
  const stderr = new OutputTail(maxOutputBytes);
  const lines = new LineScanner(maxOutputBytes, onStdoutLine);

  return new Promise<ProcessOutcome>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', spec.script, 'compat-gate', ...files], {
      cwd,
      env: { ...env, ...spec.env, COMPAT_GATE_REF: refLabel },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout kills the loader and everything it started.
      detached: true,
    });
    const pid = child.pid;
    if (pid !== undefined) live.add(pid);
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let timedOut = false;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      if (pid !== undefined) live.delete(pid);
      lines.end();
      resolve({
        code: exited?.code ?? null,
        signal: exited?.signal ?? (timedOut ? 'SIGKILL' : null),
        timedOut,
        stdout: stdout.text(),
        stderr: stderr.text(),
        droppedBytes: stdout.dropped + stderr.dropped,
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
        live.delete(pid);
      }
      reject(startFailure(command, cwd, `could not be started (${error.message})`, stderr.text()));
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      // Children the loader left behind would keep the pipes, and this run, open.
      killAndWait();
    });
    child.on('close', finish);
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** `sh -c` does not exec its last command (dash), so a loader killed by signal N shows as exit 128+N. */
export function signalOfShellStatus(code: number | null): string | undefined {
  if (code === null || code <= 128) return undefined;
  const number = code - 128;
  return Object.entries(osConstants.signals).find(([, value]) => value === number)?.[0];
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
