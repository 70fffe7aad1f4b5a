import type { Collector } from '../model.js';
import type { Entry, View } from '../view.js';
import { SAY } from '../wording.js';

// What strings must look like: `pattern`, `format`.
export const PATTERN_ADDED = 'pattern-added';
export const PATTERN_CHANGED = 'pattern-changed';
export const PATTERN_REMOVED = 'pattern-removed';
export const FORMAT_ADDED = 'format-added';
export const FORMAT_CHANGED = 'format-changed';
export const FORMAT_REMOVED = 'format-removed';

const RULES = {
  pattern: { added: PATTERN_ADDED, changed: PATTERN_CHANGED, removed: PATTERN_REMOVED },
  format: { added: FORMAT_ADDED, changed: FORMAT_CHANGED, removed: FORMAT_REMOVED },
};

// What strings must look like: `pattern`, `format`.

/** Changes of `pattern` or `format` (`keyword`). */
export function compareStrings(b: View, p: View, keyword: 'pattern' | 'format', before: Array<Entry<string>>, after: Array<Entry<string>>, out: Collector): void {
  const old = before.filter((entry) => !after.some((e) => e.value === entry.value));
  const fresh = after.filter((entry) => !before.some((e) => e.value === entry.value));
  fresh.forEach((entry, index) => {
    const replaced = old[index];
    if (replaced) out.add(RULES[keyword].changed, entry.at, SAY.stringChanged, keyword, entry.value, replaced.value);
    else out.add(RULES[keyword].added, entry.at, SAY.stringAdded, keyword, entry.value);
  });
  for (const entry of old.slice(fresh.length)) {
    out.add(RULES[keyword].removed, p.at, SAY.stringRemoved, keyword, entry.value);
  }
}
