import type { Differ } from '../compare.js';
import { CHANGED } from './conditions.js';
import type { Collector, Result } from '../model.js';
import { type Sub, atOf, isObject } from '../resolve.js';
import { type View, viewOf } from '../view.js';
import { SAY } from '../wording.js';

// `$ref`s: switched to another definition, or not among the loaded files.
export const REF_STRICTER = 'ref-stricter';
export const REF_LOOSER = 'ref-looser';
export const REF_REMOVED = 'ref-removed';

/** Two `$ref`s to different targets: one change at the `$ref`, whatever the targets differ in. */
export function compareRefs(d: Differ, b: Sub[], p: Sub[]): Result | undefined {
  const [bSub] = b;
  const [pSub] = p;
  if (b.length !== 1 || p.length !== 1 || !bSub || !pSub || !isObject(bSub.node) || !isObject(pSub.node)) return undefined;
  const bRef = bSub.node.$ref;
  const pRef = pSub.node.$ref;
  if (typeof bRef !== 'string' || typeof pRef !== 'string') return undefined;
  const bTarget = d.base.resolveRef(bSub, bRef);
  const pTarget = d.pr.resolveRef(pSub, pRef);
  if (!bTarget || !pTarget || (bTarget.file === pTarget.file && bTarget.pointer === pTarget.pointer)) return undefined;
  // A target the base did not have is a renamed or new definition: its own changes are reported in
  // detail. Only a switch to another definition the base already had is a change of the `$ref` itself.
  if (!d.base.has(pTarget.file, pTarget.pointer)) return undefined;
  const inner = d.compareViews(viewOf(d.base, b, atOf(bSub)), viewOf(d.pr, p, atOf(pSub)));
  const at = atOf(d.pr.child(pSub, '$ref'));
  const out = d.collector();
  const firstBreaking = inner.firstBreaking;
  if (firstBreaking) {
    out.add(REF_STRICTER, at, SAY.refStricter, pRef, bRef, firstBreaking);
  } else if (inner.semantic) {
    out.add(REF_LOOSER, at, SAY.refLooser, pRef, bRef);
  } else return inner;
  return out.build();
}

/** `$ref`s that cannot be followed, compared by URI. */
export function compareOpaque(d: Differ, b: View, p: View, out: Collector): void {
  const before = new Set(b.opaque.map((entry) => entry.value));
  const after = new Set(p.opaque.map((entry) => entry.value));
  for (const entry of p.opaque) {
    if (before.has(entry.value)) continue;
    out.add(CHANGED, entry.at, SAY.opaqueRefAdded, entry.value);
  }
  for (const entry of b.opaque) {
    if (!after.has(entry.value)) out.add(REF_REMOVED, p.at, SAY.opaqueRefRemoved, entry.value);
  }
}
