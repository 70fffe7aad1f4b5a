import { Collector } from '../model.js';
import { type View, typesOf } from '../view.js';
import { describeTypes } from '../wording.js';

// Which JSON types a value may have.
export const TYPE_WIDENED = 'type-widened';
export const TYPE_NARROWED = 'type-narrowed';

/** Changes of `type`. */
export function compareTypes(b: View, p: View, out: Collector): void {
  if (!p.type) {
    if (b.type) {
      const was = b.type.value;
      out.add('compatible', TYPE_WIDENED, p.at, (place) => `${place.subject} now accepts any type (it had to be ${describeTypes(was)})`);
    }
    return;
  }
  const now = p.type.value;
  const bTypes = typesOf(b);
  const lost = [...bTypes].filter((type) => !now.has(type) && !(type === 'integer' && now.has('number')));
  const gained = [...now].filter((type) => !bTypes.has(type) && !(type === 'integer' && bTypes.has('number')));
  if (lost.length > 0) {
    out.add('breaking', TYPE_NARROWED, p.type.at, (place) =>
      b.type
        ? `${place.subject} no longer accepts ${describeTypes(lost)} (its type is now ${describeTypes(now)})`
        : `${place.subject} must now be ${describeTypes(now)} (any type was accepted)`,
    );
  }
  if (gained.length > 0) out.add('compatible', TYPE_WIDENED, p.type.at, (place) => `${place.subject} now also accepts ${describeTypes(gained)}`);
}
