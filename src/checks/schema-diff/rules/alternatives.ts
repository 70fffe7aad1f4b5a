import type { Differ } from '../compare.js';
import { CHANGED } from './conditions.js';
import { Collector, type Result } from '../model.js';
import type { At } from '../resolve.js';
import { type Group, type View, disjoint, splitByType } from '../view.js';
import { describeBranch } from '../wording.js';

// Whole schemas and their alternatives: boolean schemas, `oneOf`, `anyOf`.
export const BRANCH_REMOVED = 'branch-removed';
export const SCHEMA_FALSE = 'schema-false';
export const SCHEMA_OPENED = 'schema-opened';
export const BRANCH_ADDED = 'branch-added';
export const ONE_OF_RELAXED = 'one-of-relaxed';

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
  const paired = new Set<number>();
  bBranches.forEach((bBranch, i) => {
    const j = pBranches.findIndex((pBranch, k) => !used.has(k) && bBranch.origin !== undefined && pBranch.origin === bBranch.origin);
    if (j < 0) return;
    used.add(j);
    paired.add(i);
    out.include([], compare(bBranch, j));
  });
  bBranches.forEach((bBranch, i) => {
    if (paired.has(i)) return;
    const order = pBranches.map((_, j) => j).sort((x, y) => Number(x !== i) - Number(y !== i));
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
      const overlapping = order.filter((j) => !disjoint(piece, pBranches[j] as View));
      const closest = overlapping.sort((x, y) => compare(piece, x).breaking - compare(piece, y).breaking)[0];
      if (closest !== undefined) {
        used.add(closest);
        out.include([], compare(piece, closest));
        continue;
      }
      out.add('breaking', BRANCH_REMOVED, pGroupAt, (place) =>
        `${place.subject} no longer accepts ${describeBranch(piece)} (${bBranches.length > 1 ? `a \`${bKind}\` alternative was removed` : 'no alternative of the new schema accepts it'})`,
      );
    }
  });
  pBranches.forEach((pBranch, j) => {
    if (used.has(j)) return;
    const overlaps = pKind === 'oneOf' && pBranches.some((other, k) => k !== j && !disjoint(pBranch, other));
    if (overlaps) {
      out.add('breaking', CHANGED, pBranch.at, (place) =>
        `${place.subject} has a new \`oneOf\` alternative (${describeBranch(pBranch)}) that may also match what another alternative matches; such a value now fails \`oneOf\` (compat-gate cannot tell whether any does, so this counts as breaking)`,
      );
    } else {
      out.add('compatible', BRANCH_ADDED, pBranch.at, (place) => `${place.subject} now also accepts ${describeBranch(pBranch)}`);
    }
  });
  if (bKind === 'anyOf' && bBranches.length > 1 && pKind === 'oneOf') {
    const overlapping = pBranches.some((a, i) => pBranches.some((c, k) => k > i && !disjoint(a, c)));
    if (overlapping) {
      out.add('breaking', CHANGED, pGroupAt, (place) =>
        `${place.subject} changed from \`anyOf\` to \`oneOf\` over alternatives that may overlap: a value that matches two of them is now invalid (compat-gate cannot tell whether any does, so this counts as breaking)`,
      );
    }
  } else if (bKind === 'oneOf' && pKind === 'anyOf' && pBranches.length > 1) {
    out.add('compatible', ONE_OF_RELAXED, pGroupAt, (place) => `${place.subject} changed from \`oneOf\` to \`anyOf\`: a value may now match several alternatives`);
  }
}
