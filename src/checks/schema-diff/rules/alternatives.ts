import type { Differ } from '../compare.js';
import { CHANGED } from './conditions.js';
import type { Collector, Result } from '../model.js';
import type { At } from '../resolve.js';
import { type Group, type View, disjoint, splitByType } from '../view.js';
import { SAY, describeType, placeWhen } from '../wording.js';

// Whole schemas and their alternatives: boolean schemas, `oneOf`, `anyOf`.
export const BRANCH_REMOVED = 'branch-removed';
export const SCHEMA_FALSE = 'schema-false';
export const SCHEMA_OPENED = 'schema-opened';
export const BRANCH_ADDED = 'branch-added';
export const ONE_OF_RELAXED = 'one-of-relaxed';
export const ALTERNATIVES_NARROWED = 'alternatives-narrowed';

/**
 * Each base alternative must be accepted by some PR alternative. One that is not is reported
 * with the detailed changes of the closest PR alternative, or as removed when none is close.
 */
export function compareBranches(d: Differ, out: Collector, bBranches: View[], bKind: Group['kind'], pBranches: View[], pKind: Group['kind'], pGroupAt: At): void {
  const cache = new Map<View, Map<number, Result>>();
  const compare = (piece: View, j: number): Result => {
    let row = cache.get(piece);
    if (!row) cache.set(piece, (row = new Map()));
    let result = row.get(j);
    if (!result) row.set(j, (result = d.compareViews(piece, pBranches[j] as View)));
    return result;
  };
  const used = new Set<number>();
  const paired = new Map<number, number>();
  bBranches.forEach((bBranch, i) => {
    const j = pBranches.findIndex((pBranch, k) => !used.has(k) && bBranch.origin !== undefined && pBranch.origin === bBranch.origin);
    if (j < 0) return;
    used.add(j);
    paired.set(i, j);
  });
  const overlapping = (piece: View): number[] => pBranches.map((_, j) => j).filter((j) => !disjoint(piece, pBranches[j] as View));
  bBranches.forEach((bBranch, i) => {
    const partner = paired.get(i);
    // The partner's own changes are true of every old value only when no other alternative can hold one.
    if (partner !== undefined && (compare(bBranch, partner).breaking === 0 || overlapping(bBranch).every((j) => j === partner))) {
      out.include([], compare(bBranch, partner));
      return;
    }
    const order = pBranches.map((_, j) => j).sort((x, y) => Number(x !== (partner ?? i)) - Number(y !== (partner ?? i)));
    const find = (piece: View): number | undefined =>
      order.find((j) => !compare(piece, j).semantic) ?? order.find((j) => compare(piece, j).breaking === 0);
    const whole = find(bBranch);
    // `type: [string, integer]` split into `anyOf: [{type: string}, {type: integer}]`: each type on its own.
    const pieces = whole === undefined ? splitByType(bBranch) : [bBranch];
    for (const piece of pieces) {
      const covering = piece === bBranch ? whole : find(piece);
      if (covering !== undefined) {
        used.add(covering);
        out.include([], compare(piece, covering));
        continue;
      }
      const holders = overlapping(piece);
      const [only] = holders;
      if (holders.length === 1 && only !== undefined) {
        // Only this alternative can hold an old value: what it asks is what the value must now be
        // (of one type, when the old schema's types were split, so a message says which).
        used.add(only);
        const type = piece === bBranch ? undefined : [...(piece.type?.value ?? [])][0];
        out.include([], type === undefined ? compare(piece, only) : qualify(d, compare(piece, only), describeType(type)));
        continue;
      }
      if (holders.length > 1) {
        // Several alternatives may hold an old value: the change of any one of them is not the whole
        // story (a value that fails one may match another), so the new constraint is told as a whole.
        for (const j of holders) used.add(j);
        const forms = pBranches.filter((_, j) => holders.includes(j));
        const exactly = pKind === 'oneOf' && forms.some((a, x) => forms.some((c, y) => y > x && !disjoint(a, c)));
        out.add(ALTERNATIVES_NARROWED, pGroupAt, SAY.alternativesNarrowed, exactly, forms);
        continue;
      }
      out.add(BRANCH_REMOVED, pGroupAt, SAY.branchRemoved, piece, bKind, bBranches.length > 1);
    }
  });
  pBranches.forEach((pBranch, j) => {
    if (used.has(j)) return;
    const overlaps = pKind === 'oneOf' && pBranches.some((other, k) => k !== j && !disjoint(pBranch, other));
    if (overlaps) out.add(CHANGED, pBranch.at, SAY.overlappingOneOfBranch, pBranch);
    else out.add(BRANCH_ADDED, pBranch.at, SAY.branchAdded, pBranch);
  });
  if (bKind === 'anyOf' && bBranches.length > 1 && pKind === 'oneOf') {
    const overlapping = pBranches.some((a, i) => pBranches.some((c, k) => k > i && !disjoint(a, c)));
    if (overlapping) out.add(CHANGED, pGroupAt, SAY.anyOfToOneOf);
  } else if (bKind === 'oneOf' && pKind === 'anyOf' && pBranches.length > 1) {
    out.add(ONE_OF_RELAXED, pGroupAt, SAY.oneOfRelaxed);
  }
}

/** A result whose own changes say they hold of one kind of value only: "`/r` (when a string) …". */
function qualify(d: Differ, result: Result, when: string): Result {
  const out = d.collector();
  for (const delta of result.deltas) {
    out.add(delta.rule, delta.at, (place) => delta.say(placeWhen(place, when)));
  }
  for (const child of result.children) {
    if (child.result) out.include(child.path, child.path.length === 0 ? qualify(d, child.result, when) : child.result);
    else if (child.cut) out.defer(child.cut);
  }
  return out.build();
}
