import type { Collector } from '../model.js';
import { canonical } from '../resolve.js';
import type { View } from '../view.js';
import { SAY } from '../wording.js';

// Keywords that do not constrain values: `title`, `description`, `default`, ….
export const ANNOTATION_CHANGED = 'annotation-changed';

/** Changes of keywords that constrain nothing. */
export function compareAnnotations(b: View, p: View, out: Collector): void {
  for (const [keyword, entry] of p.annotations) {
    const old = b.annotations.get(keyword);
    if (old && canonical(old.value) === canonical(entry.value)) continue;
    out.add(ANNOTATION_CHANGED, entry.at, SAY.annotationChanged, keyword, old === undefined);
  }
  for (const keyword of b.annotations.keys()) {
    if (!p.annotations.has(keyword)) out.add(ANNOTATION_CHANGED, p.at, SAY.annotationRemoved, keyword);
  }
}
