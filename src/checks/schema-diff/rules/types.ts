import type { Collector } from '../model.js';
import { type View, typesOf } from '../view.js';
import { SAY } from '../wording.js';

// Which JSON types a value may have.
export const TYPE_WIDENED = 'type-widened';
export const TYPE_NARROWED = 'type-narrowed';

/** Changes of `type`. */
export function compareTypes(b: View, p: View, out: Collector): void {
  if (!p.type) {
    if (b.type) {
      out.add(TYPE_WIDENED, p.at, SAY.anyTypeAccepted, b.type.value);
    }
    return;
  }
  const now = p.type.value;
  const bTypes = typesOf(b);
  const lost = [...bTypes].filter((type) => !now.has(type) && !(type === 'integer' && now.has('number')));
  const gained = [...now].filter((type) => !bTypes.has(type) && !(type === 'integer' && bTypes.has('number')));
  if (lost.length > 0) {
    out.add(TYPE_NARROWED, p.type.at, SAY.typeNarrowed, lost, now, b.type !== undefined);
  }
  if (gained.length > 0) out.add(TYPE_WIDENED, p.type.at, SAY.typeWidened, gained);
}
