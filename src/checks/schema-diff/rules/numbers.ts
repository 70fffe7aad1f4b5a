import type { Collector } from '../model.js';
import { type View, tighter } from '../view.js';
import { SAY } from '../wording.js';

// Bounds on numbers: `minimum`, `maximum` (and their exclusive forms), `multipleOf`.
export const MINIMUM_TIGHTENED = 'minimum-tightened';
export const MINIMUM_LOOSENED = 'minimum-loosened';
export const MAXIMUM_TIGHTENED = 'maximum-tightened';
export const MAXIMUM_LOOSENED = 'maximum-loosened';
export const MULTIPLE_OF_TIGHTENED = 'multiple-of-tightened';
export const MULTIPLE_OF_LOOSENED = 'multiple-of-loosened';

/** Changes of the bounds on numbers. */
export function compareNumbers(b: View, p: View, out: Collector): void {
  for (const which of ['lower', 'upper'] as const) {
    const rule = which === 'lower' ? { tightened: MINIMUM_TIGHTENED, loosened: MINIMUM_LOOSENED } : { tightened: MAXIMUM_TIGHTENED, loosened: MAXIMUM_LOOSENED };
    const bBound = b[which];
    const pBound = p[which];
    if (pBound && (!bBound || tighter(which, pBound, bBound))) {
      const at = bBound && bBound.value === pBound.value ? (pBound.flagAt ?? pBound.at) : pBound.at;
      out.add(rule.tightened, at, SAY.boundTightened, which, pBound, bBound);
    } else if (bBound && (!pBound || tighter(which, bBound, pBound))) {
      out.add(rule.loosened, pBound?.at ?? p.at, SAY.boundLoosened, which, pBound, bBound);
    }
  }
  // A multiple of 6 is a multiple of 3: the PR's divisor must divide one the base already had.
  const divides = (m: number, of: number): boolean => Math.abs(of / m - Math.round(of / m)) < 1e-9;
  const stricter = p.multipleOf.filter((m) => !b.multipleOf.some((old) => divides(m.value, old.value)));
  for (const m of stricter) {
    out.add(MULTIPLE_OF_TIGHTENED, m.at, SAY.multipleOfAdded, m.value);
  }
  if (stricter.length > 0) return;
  for (const old of b.multipleOf) {
    if (p.multipleOf.some((m) => m.value === old.value)) continue;
    out.add(MULTIPLE_OF_LOOSENED, p.multipleOf[0]?.at ?? p.at, SAY.multipleOfRemoved, old.value);
  }
}
