import type { Differ } from '../compare.js';
import type { Collector } from '../model.js';
import { atOf } from '../resolve.js';
import type { View } from '../view.js';
import { SAY } from '../wording.js';

// `not` and `if`/`then`/`else`, and changes that cannot be classified with confidence.
export const CHANGED = 'changed';
export const NOT_REMOVED = 'not-removed';
export const CONDITIONAL_REMOVED = 'conditional-removed';

/** Changes of `not`: a new or changed one cannot be classified with confidence. */
export function compareNots(d: Differ, b: View, p: View, out: Collector): void {
  const count = Math.max(b.nots.length, p.nots.length);
  for (let index = 0; index < count; index++) {
    const bNot = b.nots[index];
    const pNot = p.nots[index];
    if (!pNot) {
      out.add(NOT_REMOVED, p.at, SAY.notRemoved);
      continue;
    }
    const changed = !bNot || d.compareSubs([bNot], [pNot], b.at, p.at).semantic;
    if (changed) out.add(CHANGED, atOf(pNot), SAY.notChanged, bNot !== undefined);
  }
}

/** Changes of `if`/`then`/`else`: a new or changed `if` cannot be classified with confidence. */
export function compareConditionals(d: Differ, b: View, p: View, out: Collector): void {
  const count = Math.max(b.conditionals.length, p.conditionals.length);
  for (let index = 0; index < count; index++) {
    const bIf = b.conditionals[index];
    const pIf = p.conditionals[index];
    if (!pIf) {
      out.add(CONDITIONAL_REMOVED, p.at, SAY.conditionalRemoved);
      continue;
    }
    if (!bIf || d.compareSubs([bIf.if], [pIf.if], bIf.at, pIf.at).semantic) {
      out.add(CHANGED, pIf.at, SAY.ifChanged, bIf !== undefined);
      continue;
    }
    out.include([], d.compareSubs(bIf.then, pIf.then, bIf.at, pIf.at));
    out.include([], d.compareSubs(bIf.else, pIf.else, bIf.at, pIf.at));
  }
}
