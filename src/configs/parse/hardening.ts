import { errorMessage } from '../../errors.js';

/**
 * Deeper values are refused. Python's own loaders give up well before this (PyYAML's
 * recursive composer near 500 levels, `json` at its 1000-frame recursion limit).
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * yaml's `maxAliasCount` (uses of one anchor × the aliases inside it). yaml's default of 100
 * refuses an ordinary file that merges `<<: *defaults` into 101 jobs; this still stops an
 * exponential "billion laughs" after a few levels.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Aliases are shared in memory, but the schema validator and the files written for the loader
 * see them expanded: a document may expand to this many values, or to 10× its own size.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** A YAML stream may hold this many documents (each `---` costs yaml a Document object). */
export const MAX_YAML_DOCUMENTS = 10_000;

/** The message of a file nested deeper than `maxDepth`. */
export function nestedTooDeeply(maxDepth: number = MAX_NESTING_DEPTH): string {
  return `nested too deeply (more than ${maxDepth} levels)`;
}

/** The message of a file nested deeper than {@link MAX_NESTING_DEPTH}. */
export const NESTED_TOO_DEEPLY = nestedTooDeeply();

export const ALIAS_BOMB_MESSAGE = 'its aliases expand to too many values (an alias bomb, "billion laughs"): refusing to expand them';

/** Thrown when a text nests collections deeper than its bound. */
export class NestingTooDeepError extends RangeError {
  constructor(maxDepth: number) {
    super(nestedTooDeeply(maxDepth));
  }
}

/** Thrown when a YAML stream holds more than {@link MAX_YAML_DOCUMENTS} documents. */
export class TooManyDocumentsError extends RangeError {
  constructor() {
    super(`more than ${MAX_YAML_DOCUMENTS} YAML documents in one file`);
  }
}

/**
 * Why a parsed value cannot be used, or undefined when it can: it nests deeper than
 * `maxDepth`, an alias contains itself, or aliases expand it past
 * {@link MAX_EXPANDED_VALUES}. Values are only shared (a DAG, maybe a cycle) when the text had
 * anchors (`shared`), so only then are they memoized.
 */
export function checkShape(root: unknown, shared: boolean, maxDepth: number = MAX_NESTING_DEPTH): string | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const memo = shared ? new Map<object, Shape | typeof VISITING>() : undefined;
  let distinct = 0;
  let problem: string | undefined;

  const visit = (value: object, depth: number): Shape | undefined => {
    if (depth > maxDepth) {
      problem = nestedTooDeeply(maxDepth);
      return undefined;
    }
    const known = memo?.get(value);
    if (known === VISITING) {
      problem = 'an alias refers to a value that contains it (a recursive structure cannot be checked)';
      return undefined;
    }
    if (known) {
      if (depth + known.height - 1 > maxDepth) problem = nestedTooDeeply(maxDepth);
      return problem ? undefined : known;
    }
    memo?.set(value, VISITING);
    let size = 1;
    let scalars = 0;
    let height = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child !== 'object' || child === null) {
        scalars += 1;
        continue;
      }
      const shape = visit(child, depth + 1);
      if (!shape) return undefined;
      size += shape.size;
      if (shape.height + 1 > height) height = shape.height + 1;
    }
    distinct += 1 + scalars;
    const shape = { size: size + scalars, height };
    memo?.set(value, shape);
    return shape;
  };

  const shape = visit(root, 1);
  if (problem) return problem;
  if (shape && shape.size > MAX_EXPANDED_VALUES && shape.size > 10 * distinct) return ALIAS_BOMB_MESSAGE;
  return undefined;
}

interface Shape {
  /** Values in the tree once aliases are expanded. */
  size: number;
  height: number;
}

const VISITING = Symbol('visiting');

/** Turns what a parser threw into a message: deep nesting overflows the stack (RangeError). */
export function describeReadFailure(error: unknown, prefix: string, maxDepth: number = MAX_NESTING_DEPTH): string {
  if (error instanceof NestingTooDeepError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return nestedTooDeeply(maxDepth);
  if (error instanceof TooManyDocumentsError) return error.message;
  const message = errorMessage(error);
  // yaml's maxAliasCount ReferenceError: "Excessive alias count indicates a resource exhaustion attack".
  if (/excessive alias count/i.test(message)) return ALIAS_BOMB_MESSAGE;
  return `${prefix}: ${message}`;
}
