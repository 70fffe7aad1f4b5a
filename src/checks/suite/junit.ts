import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** How one test ended, in a JUnit XML report. */
export type TestStatus = 'passed' | 'failed' | 'skipped';

/** One test of a suite run. */
export interface TestResult {
  /** `classname::name`, or the name alone when the report gives no class. */
  id: string;
  status: TestStatus;
  /** For a failed test: the first line of its failure or error message. */
  message?: string;
}

/** A JUnit report read, or why it could not be (the suite is then judged by its exit code). */
export type JunitRead = { ok: true; tests: Map<string, TestResult> } | { ok: false; note: string };

/**
 * The largest JUnit report read. The file is the PR's code's output: pytest writes a few hundred
 * bytes a test, so this holds tens of thousands of tests; a larger file is not read at all.
 */
export const MAX_JUNIT_BYTES = 32 * 1024 * 1024;
/** Most tests kept from one report; a report with more is judged by the suite's exit code. */
export const MAX_JUNIT_TESTS = 100_000;
/** Deepest nesting of elements read: JUnit nests suites a few levels, never thousands. */
const MAX_DEPTH = 64;
const MESSAGE_MAX_CHARS = 300;
const ID_MAX_CHARS = 300;
const NOTE_MAX_CHARS = 200;
/** Characters handed to the parser at a time. */
const CHUNK_CHARS = 1 << 20;

/** Stops the parse with a note; thrown from inside the parser's handlers. */
class Refused extends Error {}

/**
 * Reads a JUnit XML report (pytest `--junitxml`, vitest, go-junit-report, Surefire): every
 * `testcase`, at any depth of `testsuites` / `testsuite`. A `failure` or `error` child fails the
 * test, `skipped` skips it. A test named twice (a parametrised test without its parameters, a
 * rerun) fails when any of its runs failed.
 *
 * saxes reads it as a stream, strict about well-formedness, in time and memory linear in the
 * file whatever its shape; it expands no entity beyond XML's five and character references (a
 * report that declares entities is refused at once), so a billion-laughs file costs nothing.
 */
export function readJunit(bytes: Buffer): JunitRead {
  if (bytes.length > MAX_JUNIT_BYTES) return junitTooLarge(bytes.length);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, note: 'it is empty' };
  if (/<!ENTITY/i.test(text)) return { ok: false, note: 'it declares XML entities, which compat-gate never expands' };

  const tests = new Map<string, TestResult>();
  let count = 0;
  let depth = 0;
  let current: { id: string; status: TestStatus; message?: string } | undefined;
  /** The text of the failure being read, when it has no `message` attribute. */
  let failureText: string | undefined;

  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH) throw new Refused(`its elements nest more than ${MAX_DEPTH} levels deep`);
    if (tag.name === 'testcase') {
      if (++count > MAX_JUNIT_TESTS) throw new Refused(`it holds more than ${MAX_JUNIT_TESTS.toLocaleString('en-US')} test cases`);
      const name = attribute(tag, 'name');
      const classname = attribute(tag, 'classname');
      current = name ? { id: clip(classname ? `${classname}::${name}` : name, ID_MAX_CHARS), status: 'passed' } : undefined;
    } else if (current && (tag.name === 'failure' || tag.name === 'error')) {
      const message = firstLine(attribute(tag, 'message') ?? '');
      if (current.status !== 'failed') {
        current.status = 'failed';
        if (message) current.message = message;
        else if (!tag.isSelfClosing) failureText = '';
      }
    } else if (current && tag.name === 'skipped' && current.status === 'passed') {
      current.status = 'skipped';
    }
  });
  const onText = (chunk: string) => {
    if (failureText !== undefined && failureText.length < MESSAGE_MAX_CHARS * 4) failureText += chunk.slice(0, MESSAGE_MAX_CHARS * 4);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth -= 1;
    if (failureText !== undefined && (tag.name === 'failure' || tag.name === 'error')) {
      const message = firstLine(failureText);
      if (current && message) current.message = message;
      failureText = undefined;
    } else if (tag.name === 'testcase' && current) {
      merge(tests, current);
      current = undefined;
    }
  });
  parser.on('error', (error: Error) => {
    throw error;
  });

  try {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) parser.write(text.slice(at, at + CHUNK_CHARS));
    parser.close();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, note: error.message };
    const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { ok: false, note: clip(`it is not well-formed XML (${why})`, NOTE_MAX_CHARS) };
  }
  if (tests.size === 0) return { ok: false, note: 'it holds no test case' };
  return { ok: true, tests };
}

/** Why a report of `size` bytes is not read. */
export function junitTooLarge(size: number): JunitRead {
  return { ok: false, note: `it is ${megabytes(size)} MiB, more than the ${megabytes(MAX_JUNIT_BYTES)} MiB compat-gate reads` };
}

const RANK: Record<TestStatus, number> = { skipped: 0, passed: 1, failed: 2 };

/** A test seen twice keeps its worst outcome: failed over passed over skipped. */
function merge(tests: Map<string, TestResult>, test: TestResult): void {
  const known = tests.get(test.id);
  if (!known || RANK[test.status] > RANK[known.status]) tests.set(test.id, test);
}

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const value = (tag.attributes as Record<string, string>)[name];
  return typeof value === 'string' ? value : undefined;
}

function firstLine(text: string): string | undefined {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim();
  return line ? clip(line, MESSAGE_MAX_CHARS) : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 1 : 0);
}
