import { readFile, realpath } from 'node:fs/promises';
import { asRepositoryPaths } from '../evaluate.js';
import { DEFAULT_MAX_ARGUMENT_BYTES, DEFAULT_MAX_BATCH_SIZE } from '../loader/bisect.js';
import { writeConfigs, type LoaderTarget } from '../loader/copies.js';
import { loaderWords } from '../loader/messages.js';
import { DEFAULT_MAX_OUTPUT_BYTES, LiveProcesses, SHELL_NOT_EXECUTABLE, SHELL_NOT_FOUND, checkOptions, runProcess, signalOfShellStatus } from '../loader/process.js';
import { indexTargets, reportCollector } from '../loader/protocol.js';
import { describeError } from '../../errors.js';

/**
 * The `migrate` protocol. The command is started like the loader (`/bin/sh -c '<command> "$@"'`
 * in the working directory, the same scrubbed environment with `COMPAT_GATE_REF`, the loader's
 * timeout and output cap), once per old ref, with copies of that ref's broken configs as
 * arguments (written under the run's temp folder at their repository paths). It rewrites each
 * copy in place. Exit 0: every copy is migrated. A non-zero exit with JSON lines
 * `{"file", "ok": false, "message"}` fails the files it names; without any JSON line it fails
 * the whole batch (a migration is not split to find the culprit: the files are few, and a
 * command that fails on one can say so in a JSON line). Only past what one command line holds
 * (the loader's caps on argument bytes and files) does a ref take more than one process.
 */

/** How to run the migrate command. */
export interface MigrateOptions {
  command: string;
  /** `working-directory` of the PR checkout. */
  cwd: string;
  /** The loader's environment: the token and secrets already removed. */
  env: Record<string, string>;
  /** Seconds the one process may run (`loader-timeout`). */
  timeoutSeconds: number;
  /** `COMPAT_GATE_REF`: which old ref the configs come from. */
  refLabel: string;
  maxOutputBytes?: number;
  /** Caps on one process's arguments: the loader's by default. */
  maxArgumentBytes?: number;
  maxBatchSize?: number;
}

/** One config after the command ran: its migrated bytes, or why there are none. */
export type MigratedFile = { ok: true; content: Buffer } | { ok: false; message: string };

/**
 * Runs the command once on copies of `files` written under `dir`, and reads the copies back.
 * Never throws for the command's sake: a command that cannot start, crashes or times out fails
 * every file of the batch with the reason (a migration never changes the verdict).
 */
export async function runMigrate(dir: string, files: ReadonlyArray<{ path: string; content: Buffer }>, options: MigrateOptions): Promise<Map<string, MigratedFile>> {
  const results = new Map<string, MigratedFile>();
  if (files.length === 0) return results;
  let targets: LoaderTarget[];
  try {
    await checkOptions(options);
    targets = await writeConfigs(dir, [...files]);
  } catch (error) {
    for (const file of files) results.set(file.path, { ok: false, message: `the migrate command could not be run: ${describeError(error)}` });
    return results;
  }
  const copies = [dir, await realpath(dir).catch(() => dir)];
  for (const batch of batches(targets, options.maxArgumentBytes ?? DEFAULT_MAX_ARGUMENT_BYTES, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE)) {
    for (const [path, result] of await runBatch(batch, copies, options)) results.set(path, result);
  }
  return results;
}

/** The targets in order, cut where one process's arguments would pass a cap. */
function batches(targets: readonly LoaderTarget[], maxBytes: number, maxFiles: number): LoaderTarget[][] {
  const out: LoaderTarget[][] = [];
  let current: LoaderTarget[] = [];
  let bytes = 0;
  for (const target of targets) {
    const size = Buffer.byteLength(target.file) + 1;
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxFiles)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** One process on one batch of copies, and what it made of each. */
async function runBatch(targets: LoaderTarget[], copies: string[], options: MigrateOptions): Promise<Map<string, MigratedFile>> {
  const results = new Map<string, MigratedFile>();
  const failAll = (message: string) => {
    for (const target of targets) if (!results.has(target.path)) results.set(target.path, { ok: false, message });
    return results;
  };
  const { onLine, reports } = reportCollector(await indexTargets(targets, options.cwd), targets);
  const live = new LiveProcesses();
  live.watch();
  let outcome;
  try {
    outcome = await runProcess(
      targets.map((target) => target.file),
      { command: options.command, cwd: options.cwd, env: options.env, timeoutSeconds: options.timeoutSeconds, refLabel: options.refLabel },
      options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      live,
      onLine,
    );
  } catch (error) {
    return failAll(asRepositoryPaths(`the migrate command could not be started: ${describeError(error)}`, copies));
  } finally {
    live.unwatch();
  }
  if (outcome.timedOut) return failAll(`the migrate command timed out after ${options.timeoutSeconds}s (\`loader-timeout\`)`);
  for (const [target, report] of reports) {
    if (!report.ok) results.set(target.path, { ok: false, message: asRepositoryPaths(`the migrate command failed on it: ${report.message || 'no message'}`, copies) });
  }
  if (outcome.code !== 0 && reports.size === 0) {
    const words = asRepositoryPaths(loaderWords(outcome.stderr, outcome.stdout), copies);
    const signal = outcome.signal ?? signalOfShellStatus(outcome.code);
    const how =
      outcome.code === SHELL_NOT_FOUND
        ? 'the migrate command was not found (exit code 127)'
        : outcome.code === SHELL_NOT_EXECUTABLE
          ? 'the migrate command cannot be executed (exit code 126)'
          : signal
            ? `the migrate command was killed by signal ${signal}`
            : `the migrate command exited with code ${outcome.code}`;
    return failAll(words ? `${how}: ${words}` : how);
  }
  for (const target of targets) {
    if (results.has(target.path)) continue;
    const content = await readFile(target.file).catch(() => undefined);
    results.set(target.path, content ? { ok: true, content } : { ok: false, message: 'the migrate command removed the file instead of rewriting it' });
  }
  return results;
}
