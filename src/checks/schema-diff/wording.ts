import { canonical } from './resolve.js';
import type { Bound, CountKeyword, View } from './view.js';

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const COUNT_NOUNS: Record<CountKeyword, [string, string]> = {
  minLength: ['character', 'characters'],
  maxLength: ['character', 'characters'],
  minItems: ['item', 'items'],
  maxItems: ['item', 'items'],
  minProperties: ['property', 'properties'],
  maxProperties: ['property', 'properties'],
  minContains: ['item matching `contains`', 'items matching `contains`'],
  maxContains: ['item matching `contains`', 'items matching `contains`'],
};

/** Words for values in messages: strings bare, anything else as JSON, at most five. */
export function describeValues(values: unknown[]): string {
  const shown = values.slice(0, 5).map((v) => `\`${typeof v === 'string' ? v : canonical(v)}\``);
  const rest = values.length > 5 ? `, and ${values.length - 5} more` : '';
  return `${shown.join(', ')}${rest}`;
}

export function describeTypes(types: Iterable<string>): string {
  const list = [...types].sort();
  return list.length === 0 ? 'nothing' : list.join(' or ');
}

export function describeBound(which: 'lower' | 'upper', bound: Bound): string {
  const op = which === 'lower' ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤';
  return `${op} ${bound.value}`;
}

export function describeBranch(view: View): string {
  if (view.label !== undefined) return `\`${view.label}\``;
  if (view.values) return `the value${view.values.value.length === 1 ? '' : 's'} ${describeValues(view.values.value)}`;
  if (view.type) return `values of type ${describeTypes(view.type.value)}`;
  return `the alternative at \`${view.at.pointer || '/'}\``;
}
