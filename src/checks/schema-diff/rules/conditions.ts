import type { Differ } from '../compare.js';
import { Collector } from '../model.js';
import { atOf } from '../resolve.js';
import type { View } from '../view.js';

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
      out.add('compatible', NOT_REMOVED, p.at, (place) => `${place.subject} no longer has a \`not\` to avoid`);
      continue;
    }
    const changed = !bNot || d.compareSubs([bNot], [pNot], b.at, p.at).semantic;
    if (changed) {
      out.add('breaking', CHANGED, atOf(pNot), (place) =>
        `${place.subject} has ${bNot ? 'a changed' : 'a new'} \`not\`; compat-gate cannot tell whether it rejects values that were valid, so this counts as breaking`,
      );
    }
  }
}

/** Changes of `if`/`then`/`else`: a new or changed `if` cannot be classified with confidence. */
export function compareConditionals(d: Differ, b: View, p: View, out: Collector): void {
  const count = Math.max(b.conditionals.length, p.conditionals.length);
  for (let index = 0; index < count; index++) {
    const bIf = b.conditionals[index];
    const pIf = p.conditionals[index];
    if (!pIf) {
      out.add('compatible', CONDITIONAL_REMOVED, p.at, (place) => `${place.subject} no longer has an \`if\`/\`then\`/\`else\``);
      continue;
    }
    if (!bIf || d.compareSubs([bIf.if], [pIf.if], bIf.at, pIf.at).semantic) {
      out.add('breaking', CHANGED, pIf.at, (place) =>
        `${place.subject} has ${bIf ? 'a changed' : 'a new'} \`if\`; compat-gate cannot tell whether its \`then\`/\`else\` now reject values that were valid, so this counts as breaking`,
      );
      continue;
    }
    out.include([], d.compareSubs(bIf.then, pIf.then, bIf.at, pIf.at));
    out.include([], d.compareSubs(bIf.else, pIf.else, bIf.at, pIf.at));
  }
}
