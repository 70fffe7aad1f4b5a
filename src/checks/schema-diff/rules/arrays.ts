import type { Differ } from '../compare.js';
import { compareCounts } from './counts.js';
import type { Collector } from '../model.js';
import { ANY } from '../placement.js';
import { type Sub, atOf } from '../resolve.js';
import { type View, viewOf } from '../view.js';
import { SAY } from '../wording.js';

// Arrays: unique, positional and additional items, `contains`.
export const UNIQUE_ITEMS_ADDED = 'unique-items-added';
export const UNIQUE_ITEMS_REMOVED = 'unique-items-removed';
export const ADDITIONAL_ITEMS_CLOSED = 'additional-items-closed';
export const ADDITIONAL_ITEMS_OPENED = 'additional-items-opened';
export const CONTAINS_ADDED = 'contains-added';
export const CONTAINS_REMOVED = 'contains-removed';
export const CONTAINS_TIGHTENED = 'contains-tightened';
export const CONTAINS_LOOSENED = 'contains-loosened';
export const UNEVALUATED_ITEMS_CLOSED = 'unevaluated-items-closed';
export const UNEVALUATED_ITEMS_OPENED = 'unevaluated-items-opened';

/** Changes of what an array may and must hold. */
export function compareArrays(d: Differ, b: View, p: View, out: Collector): void {
  compareCounts(b, p, ['minItems', 'maxItems', 'minContains', 'maxContains'], out);
  if (p.uniqueItems && !b.uniqueItems) out.add(UNIQUE_ITEMS_ADDED, p.uniqueItems, SAY.uniqueItemsAdded);
  if (b.uniqueItems && !p.uniqueItems) out.add(UNIQUE_ITEMS_REMOVED, p.at, SAY.uniqueItemsRemoved);

  const bRestNever = viewOf(d.base, b.rest, b.at).never !== undefined;
  const pRestNever = viewOf(d.pr, p.rest, p.at).never !== undefined;
  const positions = Math.max(b.tuple.length, p.tuple.length);
  for (let index = 0; index < positions; index++) {
    if (index >= b.tuple.length && bRestNever) break;
    const bSubs = b.tuple[index] ?? b.rest;
    const pSubs = p.tuple[index] ?? p.rest;
    out.include([String(index)], d.compareSubs(bSubs, pSubs, b.restAt ?? b.at, p.restAt ?? p.at));
  }
  if (!bRestNever && pRestNever) {
    out.add(ADDITIONAL_ITEMS_CLOSED, p.restAt ?? p.at, SAY.additionalItemsClosed, p.tuple.length);
  } else if (bRestNever && !pRestNever) {
    out.add(ADDITIONAL_ITEMS_OPENED, p.restAt ?? p.at, SAY.additionalItemsOpened, b.tuple.length);
  } else if (!bRestNever && (b.rest.length > 0 || p.rest.length > 0)) {
    out.include([ANY], d.compareSubs(b.rest, p.rest, b.restAt ?? b.at, p.restAt ?? p.at));
  }

  if (p.contains.length > 0 && b.contains.length === 0) {
    out.add(CONTAINS_ADDED, atOf(p.contains[0] as Sub), SAY.containsAdded);
  } else if (b.contains.length > 0 && p.contains.length === 0) {
    out.add(CONTAINS_REMOVED, p.at, SAY.containsRemoved);
  } else {
    d.summarise(b.contains, p.contains, b.at, p.at, { tightened: CONTAINS_TIGHTENED, loosened: CONTAINS_LOOSENED }, 'the item `contains` asks for', out);
  }
  d.compareClosable(b.unevaluatedItems, p.unevaluatedItems, b.at, p.at, { closed: UNEVALUATED_ITEMS_CLOSED, opened: UNEVALUATED_ITEMS_OPENED }, 'items not evaluated by other keywords', out);
}
