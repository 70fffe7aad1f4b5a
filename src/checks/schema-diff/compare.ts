import { GateError } from '../../errors.js';
import { severityOf } from './catalogue.js';
import { Collector, EMPTY, type Pair, type Result, type SchemaChange } from './model.js';
import { ANY, place, placeOf, renderPath } from './placement.js';
import { type At, FLATTEN_HINT, type ResolvedSchema, Side, type Sub, atOf, isStackOverflow } from './resolve.js';
import { SCHEMA_FALSE, SCHEMA_OPENED, compareBranches } from './rules/alternatives.js';
import { compareAnnotations } from './rules/annotations.js';
import { compareArrays } from './rules/arrays.js';
import { compareConditionals, compareNots } from './rules/conditions.js';
import { compareCounts } from './rules/counts.js';
import { compareNumbers } from './rules/numbers.js';
import { compareObjects } from './rules/objects.js';
import { compareOpaque, compareRefs } from './rules/refs.js';
import { compareStrings } from './rules/strings.js';
import { compareTypes } from './rules/types.js';
import { compareValues } from './rules/values.js';
import { type Group, type View, distribute, emptyView, originOf, typesOf, viewOf } from './view.js';
import { SAY, capitalise } from './wording.js';

/**
 * Compares the base's schema with the PR's, following `$ref`s on both sides, and classifies
 * each difference: breaking when data valid against the base can be invalid against the PR.
 * What cannot be classified with confidence is reported as breaking (rule 'changed').
 * Sorted: breaking first, then by instance path. Throws a GateError for schemas nested too
 * deeply to walk.
 */
export function diffSchemas(base: ResolvedSchema, pr: ResolvedSchema): SchemaChange[] {
  try {
    return diffResolved(base, pr);
  } catch (error) {
    // The walk is bounded (MAX_DEPTH), but merging thousands of nested `allOf`s still recurses.
    if (!isStackOverflow(error)) throw error;
    throw new GateError(`The schemas ${base.file} of the base and ${pr.file} of the PR cannot be compared: they nest too deeply (${error.message}).`, FLATTEN_HINT);
  }
}

function diffResolved(base: ResolvedSchema, pr: ResolvedSchema): SchemaChange[] {
  const differ = new Differ(new Side(base), new Side(pr));
  const bRoot = differ.base.root();
  const pRoot = differ.pr.root();
  const placed = place(differ.compareSubs([bRoot], [pRoot], atOf(bRoot), atOf(pRoot)), (pair) => differ.compareSubs(pair.b, pair.p, pair.bAt, pair.pAt));
  const seen = new Set<string>();
  const changes: SchemaChange[] = [];
  for (const { delta, path } of placed) {
    const instancePath = renderPath(path);
    const change: SchemaChange = {
      severity: delta.severity,
      rule: delta.rule,
      instancePath,
      message: capitalise(delta.say(placeOf(instancePath))),
      file: delta.at.file,
      schemaPointer: delta.at.pointer,
    };
    const key = JSON.stringify(change);
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push(change);
  }
  return changes.sort(
    (a, b) =>
      Number(a.severity !== 'breaking') - Number(b.severity !== 'breaking') ||
      compareText(a.instancePath, b.instancePath) ||
      compareText(a.rule, b.rule) ||
      compareText(a.file, b.file) ||
      compareText(a.schemaPointer, b.schemaPointer),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How many subschema pairs deep one walk goes. A chain of `$ref`s, each to another definition,
 * can be far deeper and would exhaust the call stack: a deeper pair is compared later, from a
 * fresh stack, and its changes placed at the path where it was met.
 */
const MAX_DEPTH = 48;

/** Walks two schemas in parallel; results are memoised per pair of subschemas. */
export class Differ {
  private readonly memo = new Map<string, Result>();
  private readonly active = new Set<string>();

  constructor(
    readonly base: Side,
    readonly pr: Side,
  ) {}

  /** A collector of changes whose severities are the rule catalogue's. */
  collector(): Collector {
    return new Collector(severityOf);
  }

  /** Compares the conjunction of `b` (base) with the conjunction of `p` (PR); an empty list means `true`. */
  compareSubs(b: Sub[], p: Sub[], bAt: At, pAt: At): Result {
    const key = this.pairKey({ b, p, bAt, pAt });
    const cached = this.memo.get(key);
    if (cached) return cached;
    // A recursive schema comes back to a pair it is comparing: its changes are reported where the pair was first met.
    if (this.active.has(key)) return EMPTY;
    if (this.active.size >= MAX_DEPTH) {
      const deferred = this.collector();
      deferred.defer({ b, p, bAt, pAt });
      return deferred.build();
    }
    this.active.add(key);
    try {
      const result = compareRefs(this, b, p) ?? this.compareViews(viewOf(this.base, b, bAt), viewOf(this.pr, p, pAt));
      this.memo.set(key, result);
      return result;
    } finally {
      this.active.delete(key);
    }
  }

  private pairKey(pair: Pair): string {
    const side = (which: Side, subs: Sub[], fallback: At): string => {
      if (subs.length > 0) return subs.map((sub) => which.idOf(sub.node)).join(',');
      // Changes are located in the PR's file only, so where an absent base schema would be never matters.
      return which === this.base ? 'true' : `@${fallback.file}#${fallback.pointer}`;
    };
    return `${side(this.base, pair.b, pair.bAt)}|${side(this.pr, pair.p, pair.pAt)}`;
  }

  compareViews(b: View, p: View): Result {
    const out = this.collector();
    if (b.never) {
      // Nothing was valid before, so nothing can break.
      if (!p.never) out.add(SCHEMA_OPENED, p.at, SAY.schemaOpened);
      return out.build();
    }
    if (p.never) {
      out.add(SCHEMA_FALSE, p.never, SAY.schemaFalse);
      return out.build();
    }
    if ((b.groups.length === 0) !== (p.groups.length === 0)) {
      // One side moved its alternatives into (or out of) `oneOf`/`anyOf`: compare whole alternatives.
      const [bGroup] = b.groups;
      const [pGroup] = p.groups;
      compareBranches(this, 
        out,
        bGroup ? distribute(b, bGroup) : [b],
        bGroup?.kind ?? 'anyOf',
        pGroup ? distribute(p, pGroup) : [p],
        pGroup?.kind ?? 'anyOf',
        pGroup?.at ?? p.at,
      );
      return out.build();
    }
    this.compareOwn(out, b, p);
    const branches = (side: Side, group: Group): View[] =>
      group.branches.map((branch) => ({ ...viewOf(side, [branch], atOf(branch)), origin: originOf(side, branch) }));
    for (let index = 0; index < Math.max(b.groups.length, p.groups.length); index++) {
      const bGroup = b.groups[index];
      const pGroup = p.groups[index];
      compareBranches(this, 
        out,
        bGroup ? branches(this.base, bGroup) : [emptyView(this.base, b.at)],
        bGroup?.kind ?? 'anyOf',
        pGroup ? branches(this.pr, pGroup) : [emptyView(this.pr, p.at)],
        pGroup?.kind ?? 'anyOf',
        pGroup?.at ?? p.at,
      );
    }
    return out.build();
  }

  /** Every keyword but `oneOf`/`anyOf`. */
  private compareOwn(out: Collector, b: View, p: View): void {
    const bTypes = typesOf(b);
    const may = (type: string): boolean => bTypes.has(type) || (type === 'integer' && bTypes.has('number'));

    compareTypes(b, p, out);
    compareValues(b, p, out);
    if (may('number') || may('integer')) compareNumbers(b, p, out);
    if (may('string')) {
      compareCounts(b, p, ['minLength', 'maxLength'], out);
      compareStrings(b, p, 'pattern', b.patterns, p.patterns, out);
    }
    compareStrings(b, p, 'format', b.formats, p.formats, out);
    if (may('object')) compareObjects(this, b, p, out);
    if (may('array')) compareArrays(this, b, p, out);
    compareNots(this, b, p, out);
    compareConditionals(this, b, p, out);
    compareOpaque(this, b, p, out);
    compareAnnotations(b, p, out);
  }

  /** `unevaluatedProperties`/`unevaluatedItems`: closing is breaking, opening compatible, else compare the schemas. */
  compareClosable(bSubs: Sub[], pSubs: Sub[], bAt: At, pAt: At, rule: { closed: string; opened: string }, what: string, out: Collector): void {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const bNever = viewOf(this.base, bSubs, bAt).never !== undefined;
    const pNever = viewOf(this.pr, pSubs, pAt).never !== undefined;
    const at = pSubs[0] ? atOf(pSubs[0]) : pAt;
    if (!bNever && pNever) out.add(rule.closed, at, SAY.closableClosed, what);
    else if (bNever && !pNever) out.add(rule.opened, at, SAY.closableOpened, what);
    else if (!bNever) out.include([ANY], this.compareSubs(bSubs, pSubs, bAt, pAt));
  }

  /** A subschema whose changes are told as one: stricter (breaking) or looser (compatible). */
  summarise(bSubs: Sub[], pSubs: Sub[], bAt: At, pAt: At, rule: { tightened: string; loosened: string }, what: string, out: Collector): void {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const inner = this.compareSubs(bSubs, pSubs, bAt, pAt);
    const at = pSubs[0] ? atOf(pSubs[0]) : pAt;
    if (inner.breaking > 0) out.add(rule.tightened, at, SAY.checkedMoreStrictly, what, inner.breakingRules);
    else if (inner.semantic) out.add(rule.loosened, at, SAY.checkedLessStrictly, what, inner.semanticRules);
  }
}
