import { XMLParser, XMLValidator } from 'fast-xml-parser';

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
 * bytes a test, so this holds tens of thousands of tests; a larger file is not parsed at all.
 */
export const MAX_JUNIT_BYTES = 32 * 1024 * 1024;
/** Most tests kept from one report; a report with more is judged by the suite's exit code. */
export const MAX_JUNIT_TESTS = 100_000;
/** Deepest nesting of elements read: JUnit nests suites a few levels, never thousands. */
const MAX_DEPTH = 64;
const MESSAGE_MAX_CHARS = 300;
const ID_MAX_CHARS = 300;

/**
 * Reads a JUnit XML report (pytest `--junitxml`, vitest, go-junit-report, Surefire): every
 * `testcase`, at any depth of `testsuites` / `testsuite`. A `failure` or `error` child fails the
 * test, `skipped` skips it. A test named twice (a parametrised test without its parameters, a
 * rerun) fails when any of its runs failed.
 *
 * Entities are never expanded (a report that declares any is refused), so a billion-laughs file
 * costs nothing; the five XML entities and character references are decoded by hand.
 */
export function readJunit(bytes: Buffer): JunitRead {
  if (bytes.length > MAX_JUNIT_BYTES) return junitTooLarge(bytes.length);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, note: 'it is empty' };
  if (/<!ENTITY/i.test(text)) return { ok: false, note: 'it declares XML entities, which compat-gate never expands' };
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, note: `its elements nest more than ${MAX_DEPTH} levels deep` };
  let parsed: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { ok: false, note: `it is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      isArray: () => true,
    }).parse(text);
  } catch (error) {
    return { ok: false, note: `it could not be read as XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const tests = new Map<string, TestResult>();
  let count = 0;
  const visit = (node: unknown): boolean => {
    if (!isRecord(node)) return true;
    for (const [name, value] of Object.entries(node)) {
      if (!Array.isArray(value)) continue;
      for (const child of value) {
        if (name === 'testcase') {
          if (++count > MAX_JUNIT_TESTS) return false;
          const test = testOf(child);
          if (test) merge(tests, test);
        } else if (name === 'testsuite' || name === 'testsuites') {
          if (!visit(child)) return false;
        }
      }
    }
    return true;
  };
  if (!visit(parsed)) return { ok: false, note: `it holds more than ${MAX_JUNIT_TESTS.toLocaleString('en-US')} test cases` };
  if (tests.size === 0) return { ok: false, note: 'it holds no test case' };
  return { ok: true, tests };
}

/** Why a report of `size` bytes is not read. */
export function junitTooLarge(size: number): JunitRead {
  return { ok: false, note: `it is ${megabytes(size)} MiB, more than the ${megabytes(MAX_JUNIT_BYTES)} MiB compat-gate reads` };
}

function testOf(node: unknown): TestResult | undefined {
  if (!isRecord(node)) return undefined;
  const name = attribute(node, 'name');
  if (!name) return undefined;
  const classname = attribute(node, 'classname');
  const id = clip(classname ? `${classname}::${name}` : name, ID_MAX_CHARS);
  const failure = firstChild(node, 'failure') ?? firstChild(node, 'error');
  if (failure !== undefined) {
    const message = (isRecord(failure) ? attribute(failure, 'message') || textOf(failure) : typeof failure === 'string' ? decode(failure) : '') ?? '';
    const firstLine = message.split(/\r?\n/).find((line) => line.trim() !== '')?.trim();
    return { id, status: 'failed', ...(firstLine ? { message: clip(firstLine, MESSAGE_MAX_CHARS) } : {}) };
  }
  if (firstChild(node, 'skipped') !== undefined) return { id, status: 'skipped' };
  return { id, status: 'passed' };
}

const RANK: Record<TestStatus, number> = { skipped: 0, passed: 1, failed: 2 };

/** A test seen twice keeps its worst outcome: failed over passed over skipped. */
function merge(tests: Map<string, TestResult>, test: TestResult): void {
  const known = tests.get(test.id);
  if (!known || RANK[test.status] > RANK[known.status]) tests.set(test.id, test);
}

function firstChild(node: Record<string, unknown>, name: string): unknown {
  const value = node[name];
  return Array.isArray(value) && value.length > 0 ? (value[0] ?? '') : undefined;
}

function attribute(node: Record<string, unknown>, name: string): string | undefined {
  const value = node[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? decode(text) : undefined;
}

function textOf(node: Record<string, unknown>): string | undefined {
  const value = node['#text'];
  const text = Array.isArray(value) ? value.join('') : value;
  return typeof text === 'string' ? decode(text) : undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined XML entities and character references; anything else stays as written. */
export function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, entity: string) => {
    if (entity in NAMED) return NAMED[entity]!;
    const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * How deep the elements nest, counted without parsing (an upper bound: comments and CDATA that
 * hold tags count too). The parser recurses per level; this keeps it far from the stack's end.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of text.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1]) depth -= 1;
    else if (!match[2]) depth += 1;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > MAX_DEPTH) break;
    }
  }
  return deepest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 1 : 0);
}
