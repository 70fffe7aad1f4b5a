import { GateError } from '../../errors.js';
import { parseReport } from './protocol.js';

/** The wording of the loader's results and of the errors that stop a run. */

const MESSAGE_MAX_CHARS = 600;
const MESSAGE_MAX_LINES = 8;

/** A config no process gave a verdict on (a run cut short). */
export const NO_VERDICT = 'the loader gave no verdict';

/** A config the loader reported as failing, in its words when it gave some. */
export function reportedFailure(message: string | undefined): string {
  return message || 'the loader reported that it did not load';
}

/** A config the loader ran out of time on. */
export function timedOutMessage(timeoutSeconds: number): string {
  return `timed out after ${timeoutSeconds}s`;
}

/** How a process that was given a single config ended, and what it printed. */
export function processFailure(outcome: {
  code: number | null;
  /** The signal Node saw, if any. */
  signal: NodeJS.Signals | null;
  /** The signal read from a shell's 128+N exit status, if any. */
  shellSignal: string | undefined;
  stdout: string;
  stderr: string;
}): string {
  const words = loaderWords(outcome.stderr, outcome.stdout);
  const signal = outcome.signal ?? outcome.shellSignal;
  if (signal) {
    const how = outcome.signal ? `killed by signal ${signal}` : `killed by signal ${signal} (exit code ${outcome.code})`;
    return reportedFailure(words ? `${how}\n${words}` : how);
  }
  return reportedFailure(words || `exited with code ${outcome.code} without printing anything`);
}

/** The run is given up: the loader hangs on too many configs. */
export function tooManyTimeouts(timeouts: number, timeoutSeconds: number, refLabel: string, paths: string[]): GateError {
  const some = paths.slice(0, 3).map((repoPath) => JSON.stringify(repoPath));
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return new GateError(
    `The loader timed out ${timeouts} times (\`loader-timeout\`: ${timeoutSeconds}s) on the configs of ${refLabel}, last on ${some.join(', ')}${more}: it hangs on too many configs to tell which ones do not load.`,
    (n) => `Make the loader finish without the network or a terminal (it may be waiting for one), or raise the ${n.setting('loader-timeout')} if it is only slow.`,
  );
}

/** The loader command cannot run at all. */
export function startFailure(command: string, cwd: string, what: string, output: string): GateError {
  const words = loaderWords(output, '');
  const quoted = words ? `: ${JSON.stringify(words)}` : '';
  return new GateError(
    `The loader cannot start: \`${command.trim()}\` in ${cwd} ${what}${quoted}.`,
    (n) => n.edge === 'cli'
      ? `Check the ${n.setting('loader')} (the command must exist: install its dependencies first) and the ${n.setting('working-directory')}.`
      : `Check the ${n.setting('loader')} (the command must exist once the earlier steps ran: install its dependencies first) and \`working-directory\`.`,
  );
}

/** The `loader` input is blank. */
export function emptyCommand(): GateError {
  return new GateError('The loader command is empty.', (n) => `Set the ${n.setting('loader')} to a shell command, or leave it out.`);
}

/** The `loader-timeout` input is not a positive number. */
export function badTimeout(timeoutSeconds: number): GateError {
  return new GateError(
    `The loader timeout must be a positive number of seconds, not ${timeoutSeconds}.`,
    (n) => `Check the ${n.setting('loader-timeout')}.`,
  );
}

/** The `working-directory` does not exist. */
export function missingDirectory(cwd: string): GateError {
  return new GateError(
    `The loader cannot start: its working directory ${cwd} does not exist.`,
    (n) => (n.edge === 'cli' ? `Check the ${n.setting('working-directory')}: it is relative to the current directory.` : `Check the ${n.setting('working-directory')}: it is relative to the PR checkout.`),
  );
}

/**
 * The loader's own words about a failure: the last meaningful lines of stderr, or of stdout when
 * stderr has none, at most MESSAGE_MAX_LINES lines and MESSAGE_MAX_CHARS characters.
 */
export function loaderWords(stderr: string, stdout: string): string {
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
