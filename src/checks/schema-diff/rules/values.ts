import type { Collector } from '../model.js';
import { canonical } from '../resolve.js';
import type { View } from '../view.js';
import { SAY } from '../wording.js';

// The values `enum` and `const` allow.
export const ENUM_NARROWED = 'enum-narrowed';
export const ENUM_WIDENED = 'enum-widened';
export const CONST_NARROWED = 'const-narrowed';
export const CONST_WIDENED = 'const-widened';

/** Changes of `enum` and `const`. */
export function compareValues(b: View, p: View, out: Collector): void {
  const pValues = p.values;
  const bValues = b.values;
  if (pValues) {
    const rule = pValues.kind === 'const' ? CONST_NARROWED : ENUM_NARROWED;
    if (!bValues) {
      out.add(rule, pValues.at, SAY.valuesRestricted, pValues.value);
    } else {
      const allowed = new Set(pValues.value.map(canonical));
      const lost = bValues.value.filter((value) => !allowed.has(canonical(value)));
      if (lost.length > 0) {
        out.add(rule, pValues.at, SAY.valuesNoLongerAllowed, lost);
      }
    }
  }
  if (bValues) {
    const rule = bValues.kind === 'const' ? CONST_WIDENED : ENUM_WIDENED;
    if (!pValues) out.add(rule, p.at, SAY.valuesUnrestricted);
    else {
      const before = new Set(bValues.value.map(canonical));
      const gained = pValues.value.filter((value) => !before.has(canonical(value)));
      if (gained.length > 0) {
        out.add(rule, pValues.at, SAY.valuesNowAllowed, gained);
      }
    }
  }
}
