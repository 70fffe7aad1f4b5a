import { Collector } from '../model.js';
import type { Entry, View } from '../view.js';

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
  const verb = keyword === 'pattern' ? 'match the pattern' : 'have the format';
  fresh.forEach((entry, index) => {
    const replaced = old[index];
    if (replaced) {
      out.add('breaking', RULES[keyword].changed, entry.at, (place) => `${place.subject} must now ${verb} \`${entry.value}\` instead of \`${replaced.value}\``);
    } else {
      out.add('breaking', RULES[keyword].added, entry.at, (place) => `${place.subject} must now ${verb} \`${entry.value}\``);
    }
  });
  for (const entry of old.slice(fresh.length)) {
    out.add('compatible', RULES[keyword].removed, p.at, (place) => `${place.subject} no longer has to ${verb} \`${entry.value}\``);
  }
}
