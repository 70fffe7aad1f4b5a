import type { Place, Segment } from './placement.js';
import type { At, Sub } from './resolve.js';

/** Whether data that was valid against the base's schema can be invalid against the PR's. */
export type ChangeSeverity = 'breaking' | 'compatible';

/** One difference between the base's schema and the PR's, classified. */
export interface SchemaChange {
  severity: ChangeSeverity;
  /** Stable id of the kind of change: 'required-added', 'enum-narrowed', 'annotation-changed', … */
  rule: string;
  /** Where in a config it applies: a JSON pointer with `*` for any array item or any property name. */
  instancePath: string;
  /** One sentence for a person: "`storage` is now required in `/server`". */
  message: string;
  /** Repository path of the PR's schema file holding the changed keyword (for a removal: the PR's schema object that lost it). */
  file: string;
  /** JSON pointer of the changed keyword inside `file`, to find its line. */
  schemaPointer: string;
}

/** A change before it is placed: where in a config comes from the results that hold it. */
export interface Delta {
  severity: ChangeSeverity;
  rule: string;
  at: At;
  say(place: Place): string;
}

/** Two conjunctions of subschemas to compare, with where each side would be if it is absent. */
export interface Pair {
  b: Sub[];
  p: Sub[];
  bAt: At;
  pAt: At;
}

/**
 * The changes found for one pair of subschemas: its own, and those of deeper pairs under a
 * path. A result is shared by every place its pair is met, and placed at instance paths at the end.
 */
export interface Result {
  deltas: Delta[];
  children: Child[];
  /** The first breaking change, where it is relative to this result. */
  firstBreaking?: { delta: Delta; path: Segment[] };
  breaking: number;
  semantic: boolean;
  breakingRules: Set<string>;
  semanticRules: Set<string>;
}

export interface Child {
  path: Segment[];
  result?: Result;
  cut?: Pair;
}

export const EMPTY: Result = {
  deltas: [],
  children: [],
  breaking: 0,
  semantic: false,
  breakingRules: new Set(),
  semanticRules: new Set(),
};

export function keyOf(delta: Delta): string {
  return `${delta.severity}|${delta.rule}|${delta.at.file}#${delta.at.pointer}`;
}

export function isSemantic(delta: Delta): boolean {
  return delta.rule !== 'annotation-changed';
}

/** Whether a change of a rule breaks: the rule catalogue's word (catalogue.ts), which compare.ts hands in. */
export type SeverityOf = (rule: string) => ChangeSeverity;

/** Gathers the changes of one pair into a Result. */
export class Collector {
  private readonly deltas: Delta[] = [];
  private readonly children: Child[] = [];

  constructor(private readonly severityOf: SeverityOf) {}

  /** A change of `rule` at `at`, said by `say` (one of wording.ts's SAY) with `args`; its severity is the catalogue's. */
  add<A extends unknown[]>(rule: string, at: At, say: (place: Place, ...args: A) => string, ...args: A): void {
    this.deltas.push({ severity: this.severityOf(rule), rule, at, say: (place) => say(place, ...args) });
  }

  include(path: Segment[], result: Result): void {
    if (result !== EMPTY) this.children.push({ path, result });
  }

  defer(pair: Pair): void {
    this.children.push({ path: [], cut: pair });
  }

  build(): Result {
    const [only] = this.children;
    if (this.deltas.length === 0 && this.children.length === 0) return EMPTY;
    if (this.deltas.length === 0 && this.children.length === 1 && only?.result && only.path.length === 0) return only.result;
    const result: Result = {
      deltas: this.deltas,
      children: this.children,
      breaking: 0,
      semantic: false,
      breakingRules: new Set(),
      semanticRules: new Set(),
    };
    for (const delta of this.deltas) {
      if (delta.severity === 'breaking') {
        result.breaking++;
        result.breakingRules.add(delta.rule);
        result.firstBreaking ??= { delta, path: [] };
      }
      if (isSemantic(delta)) {
        result.semantic = true;
        result.semanticRules.add(delta.rule);
      }
    }
    for (const child of this.children) {
      const inner = child.result;
      // A pair left for later counts for nothing here: it is compared when changes are placed.
      if (!inner) continue;
      result.breaking += inner.breaking;
      result.semantic ||= inner.semantic;
      if (!result.firstBreaking && inner.firstBreaking) {
        result.firstBreaking = { delta: inner.firstBreaking.delta, path: [...child.path, ...inner.firstBreaking.path] };
      }
      for (const rule of inner.breakingRules) result.breakingRules.add(rule);
      for (const rule of inner.semanticRules) result.semanticRules.add(rule);
    }
    return result;
  }
}
