import type { Collector } from '../model.js';
import type { CountKeyword, View } from '../view.js';
import { SAY } from '../wording.js';

// Bounds on sizes: lengths of strings, numbers of items and of properties.
export const MIN_LENGTH_TIGHTENED = 'min-length-tightened';
export const MIN_LENGTH_LOOSENED = 'min-length-loosened';
export const MAX_LENGTH_TIGHTENED = 'max-length-tightened';
export const MAX_LENGTH_LOOSENED = 'max-length-loosened';
export const MIN_ITEMS_TIGHTENED = 'min-items-tightened';
export const MIN_ITEMS_LOOSENED = 'min-items-loosened';
export const MAX_ITEMS_TIGHTENED = 'max-items-tightened';
export const MAX_ITEMS_LOOSENED = 'max-items-loosened';
export const MIN_CONTAINS_TIGHTENED = 'min-contains-tightened';
export const MIN_CONTAINS_LOOSENED = 'min-contains-loosened';
export const MAX_CONTAINS_TIGHTENED = 'max-contains-tightened';
export const MAX_CONTAINS_LOOSENED = 'max-contains-loosened';
export const MIN_PROPERTIES_TIGHTENED = 'min-properties-tightened';
export const MIN_PROPERTIES_LOOSENED = 'min-properties-loosened';
export const MAX_PROPERTIES_TIGHTENED = 'max-properties-tightened';
export const MAX_PROPERTIES_LOOSENED = 'max-properties-loosened';

const RULES: Record<CountKeyword, { tightened: string; loosened: string }> = {
  minLength: { tightened: MIN_LENGTH_TIGHTENED, loosened: MIN_LENGTH_LOOSENED },
  maxLength: { tightened: MAX_LENGTH_TIGHTENED, loosened: MAX_LENGTH_LOOSENED },
  minItems: { tightened: MIN_ITEMS_TIGHTENED, loosened: MIN_ITEMS_LOOSENED },
  maxItems: { tightened: MAX_ITEMS_TIGHTENED, loosened: MAX_ITEMS_LOOSENED },
  minContains: { tightened: MIN_CONTAINS_TIGHTENED, loosened: MIN_CONTAINS_LOOSENED },
  maxContains: { tightened: MAX_CONTAINS_TIGHTENED, loosened: MAX_CONTAINS_LOOSENED },
  minProperties: { tightened: MIN_PROPERTIES_TIGHTENED, loosened: MIN_PROPERTIES_LOOSENED },
  maxProperties: { tightened: MAX_PROPERTIES_TIGHTENED, loosened: MAX_PROPERTIES_LOOSENED },
};

// Bounds on sizes: lengths of strings, numbers of items and of properties.

/** Changes of the bounds on sizes named by `keywords`. */
export function compareCounts(b: View, p: View, keywords: CountKeyword[], out: Collector): void {
  for (const keyword of keywords) {
    const isMin = keyword.startsWith('min');
    const rule = RULES[keyword];
    const bValue = b.counts.get(keyword);
    const pValue = p.counts.get(keyword);
    const none = isMin ? 0 : Infinity;
    const before = bValue?.value ?? none;
    const after = pValue?.value ?? none;
    if (isMin ? after > before : after < before) out.add(rule.tightened, pValue?.at ?? p.at, SAY.countTightened, keyword, after, before);
    else if (isMin ? after < before : after > before) out.add(rule.loosened, pValue?.at ?? p.at, SAY.countLoosened, keyword, after, before);
  }
}
