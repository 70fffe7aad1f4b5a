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

const ARTICLES: Record<string, string> = {
  array: 'an array',
  boolean: 'a boolean',
  integer: 'an integer',
  null: 'null',
  number: 'a number',
  object: 'an object',
  string: 'a string',
};

/** A JSON type as a noun: "a string", "an integer", "null". */
export function describeType(type: string): string {
  return ARTICLES[type] ?? type;
}

/**
 * One alternative in a few words, for a list of the forms a value may take: "an integer 0–2",
 * "one of `off`, `warn`", "a string of at most 3 characters", "`#/definitions/rule`".
 */
export function describeForm(view: View): string {
  if (view.label !== undefined) return `\`${view.label}\``;
  if (view.values) return view.values.value.length === 1 ? describeValues(view.values.value) : `one of ${describeValues(view.values.value)}`;
  const types = view.type ? [...view.type.value].sort() : [];
  if (types.length !== 1) return types.length === 0 ? `the alternative at \`${view.at.pointer || '/'}\`` : `a value of type ${describeTypes(types)}`;
  const type = types[0] as string;
  const details: string[] = [];
  if (type === 'integer' || type === 'number') {
    const { lower, upper } = view;
    if (lower && upper && !lower.exclusive && !upper.exclusive) details.push(`${lower.value}–${upper.value}`);
    else details.push(...[lower && describeBound('lower', lower), upper && describeBound('upper', upper)].filter((d): d is string => d !== undefined));
  }
  const counted = (min: CountKeyword, max: CountKeyword): void => {
    const [one, many] = COUNT_NOUNS[min];
    const low = view.counts.get(min)?.value;
    const high = view.counts.get(max)?.value;
    const nouns = (n: number): string => `${n} ${n === 1 ? one : many}`;
    if (low !== undefined && high !== undefined) details.push(`of ${low}–${high} ${high === 1 ? one : many}`);
    else if (low !== undefined) details.push(`of at least ${nouns(low)}`);
    else if (high !== undefined) details.push(`of at most ${nouns(high)}`);
  };
  if (type === 'string') {
    counted('minLength', 'maxLength');
    for (const pattern of view.patterns) details.push(`matching \`${pattern.value}\``);
  }
  if (type === 'array') counted('minItems', 'maxItems');
  if (type === 'object' && view.required.size > 0) details.push(`with ${[...view.required.keys()].map((name) => `\`${name}\``).join(', ')}`);
  return [describeType(type), ...details].join(' ');
}

/** A list of forms: "A, B, or C". */
export function describeForms(views: View[]): string {
  const forms = views.map(describeForm);
  return forms.length < 2 ? forms.join('') : `${forms.slice(0, -1).join(', ')}, or ${forms[forms.length - 1]}`;
}
