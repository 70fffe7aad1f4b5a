import type { Delta } from './model.js';
import { type Place, type Segment, deeper } from './placement.js';
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

/*
 * What each rule says. The rules (rules/*.ts, and compare.ts for whole schemas) decide what
 * changed and where; these words say it about the place in a config it applies to:
 * `place.subject` is "`/server`" or "the document", `place.in` is "in `/server`" or "at the top level".
 */

/** A place said of one kind of value only: "`/r` (when a string)", "in `/r` (when a string)". */
export function placeWhen(place: Place, when: string): Place {
  return { ...place, subject: `${place.subject} (when ${when})`, in: `${place.in} (when ${when})` };
}

/** A size bound in words: "at least 2 items", "any number of properties". */
function countWords(keyword: CountKeyword, n: number): string {
  const [one, many] = COUNT_NOUNS[keyword];
  return n === Infinity ? `any number of ${many}` : `${keyword.startsWith('min') ? 'at least' : 'at most'} ${n} ${n === 1 ? one : many}`;
}

/** The verb of a string keyword: "match the pattern", "have the format". */
function stringVerb(keyword: 'pattern' | 'format'): string {
  return keyword === 'pattern' ? 'match the pattern' : 'have the format';
}

/** `a`, `b`, names matching `^x`: at most eight, then how many more. */
function listOthers(others: string[]): string {
  return `${others.slice(0, 8).join(', ')}${others.length > 8 ? `, and ${others.length - 8} more` : ''}`;
}

export const SAY = {
  // Whole schemas (compare.ts).
  schemaOpened: (place: Place) => `${place.subject} now accepts values (its schema was \`false\`)`,
  schemaFalse: (place: Place) => `${place.subject} no longer accepts any value (its schema is now \`false\`)`,
  closableClosed: (place: Place, what: string) => `${place.subject} no longer accepts ${what}`,
  closableOpened: (place: Place, what: string) => `${place.subject} now accepts ${what}`,
  checkedMoreStrictly: (place: Place, what: string, rules: Set<string>) => `${what} ${place.in} are checked more strictly (${[...rules].join(', ')})`,
  checkedLessStrictly: (place: Place, what: string, rules: Set<string>) => `${what} ${place.in} are checked less strictly (${[...rules].join(', ')})`,

  // Types (rules/types.ts).
  anyTypeAccepted: (place: Place, was: Iterable<string>) => `${place.subject} now accepts any type (it had to be ${describeTypes(was)})`,
  typeNarrowed: (place: Place, lost: string[], now: Iterable<string>, hadType: boolean) =>
    hadType
      ? `${place.subject} no longer accepts ${describeTypes(lost)} (its type is now ${describeTypes(now)})`
      : `${place.subject} must now be ${describeTypes(now)} (any type was accepted)`,
  typeWidened: (place: Place, gained: string[]) => `${place.subject} now also accepts ${describeTypes(gained)}`,

  // `enum` and `const` (rules/values.ts).
  valuesRestricted: (place: Place, values: unknown[]) => `${place.subject} is now restricted to ${describeValues(values)}`,
  valuesNoLongerAllowed: (place: Place, lost: unknown[]) => `${describeValues(lost)} ${lost.length === 1 ? 'is' : 'are'} no longer allowed ${place.in}`,
  valuesUnrestricted: (place: Place) => `${place.subject} is no longer restricted to a list of values`,
  valuesNowAllowed: (place: Place, gained: unknown[]) => `${describeValues(gained)} ${gained.length === 1 ? 'is' : 'are'} now allowed ${place.in}`,

  // Bounds on numbers (rules/numbers.ts).
  boundTightened: (place: Place, which: 'lower' | 'upper', now: Bound, was: Bound | undefined) =>
    `${place.subject} must now be ${describeBound(which, now)} (${was ? `it was ${describeBound(which, was)}` : `it had no ${which === 'lower' ? 'minimum' : 'maximum'}`})`,
  boundLoosened: (place: Place, which: 'lower' | 'upper', now: Bound | undefined, was: Bound) =>
    now
      ? `${place.subject} may now be ${describeBound(which, now)} (it was ${describeBound(which, was)})`
      : `${place.subject} no longer has a ${which === 'lower' ? 'minimum' : 'maximum'} (it was ${describeBound(which, was)})`,
  multipleOfAdded: (place: Place, value: number) => `${place.subject} must now be a multiple of ${value}`,
  multipleOfRemoved: (place: Place, value: number) => `${place.subject} no longer has to be a multiple of ${value}`,

  // Bounds on sizes (rules/counts.ts).
  countTightened: (place: Place, keyword: CountKeyword, after: number, before: number) =>
    `${place.subject} must now have ${countWords(keyword, after)} (it was ${countWords(keyword, before)})`,
  countLoosened: (place: Place, keyword: CountKeyword, after: number, before: number) =>
    `${place.subject} may now have ${countWords(keyword, after)} (it was ${countWords(keyword, before)})`,

  // `pattern` and `format` (rules/strings.ts).
  stringChanged: (place: Place, keyword: 'pattern' | 'format', value: string, replaced: string) =>
    `${place.subject} must now ${stringVerb(keyword)} \`${value}\` instead of \`${replaced}\``,
  stringAdded: (place: Place, keyword: 'pattern' | 'format', value: string) => `${place.subject} must now ${stringVerb(keyword)} \`${value}\``,
  stringRemoved: (place: Place, keyword: 'pattern' | 'format', value: string) => `${place.subject} no longer has to ${stringVerb(keyword)} \`${value}\``,

  // Objects (rules/objects.ts).
  requiredAdded: (place: Place, name: string, hasDefault: boolean) =>
    hasDefault
      ? `\`${name}\` is now required ${place.in}; it has a \`default\`, but validation does not fill defaults in, so a config without it fails`
      : `\`${name}\` is now required ${place.in}`,
  requiredRemoved: (place: Place, name: string) => `\`${name}\` is no longer required ${place.in}`,
  propertyRemoved: (place: Place, name: string) => `\`${name}\` is no longer allowed ${place.in} (it left \`properties\` and other properties are not allowed)`,
  propertyUnconstrained: (place: Place, name: string) => `\`${name}\` ${place.in} is no longer described by \`properties\`: any value is accepted`,
  optionalPropertyAdded: (place: Place, name: string) => `\`${name}\` is now allowed ${place.in} (optional)`,
  patternPropertyRemoved: (place: Place, pattern: string) => `properties matching \`${pattern}\` are no longer allowed ${place.in}`,
  patternPropertyAdded: (place: Place, pattern: string) => `properties matching \`${pattern}\` are now allowed ${place.in}`,
  additionalPropertiesClosed: (place: Place, others: string[]) =>
    others.length === 0 ? `${place.subject} no longer accepts any property` : `${place.subject} no longer accepts properties other than ${listOthers(others)}`,
  additionalPropertiesOpened: (place: Place) => `${place.subject} now accepts properties other than those it lists`,
  dependentRequiredAdded: (place: Place, name: string, fresh: string[]) => `${place.in}, \`${name}\` now requires ${describeValues(fresh)}`,
  dependentRequiredRemoved: (place: Place, name: string, gone: string[]) => `${place.in}, \`${name}\` no longer requires ${describeValues(gone)}`,
  dependentSchemaAdded: (place: Place, name: string) => `${place.in}, a value with \`${name}\` must now also match a dependent schema`,
  dependentSchemaRemoved: (place: Place, name: string) => `${place.in}, \`${name}\` no longer brings a dependent schema`,

  // Arrays (rules/arrays.ts).
  uniqueItemsAdded: (place: Place) => `${place.subject} must now hold unique items`,
  uniqueItemsRemoved: (place: Place) => `${place.subject} may now hold repeated items`,
  additionalItemsClosed: (place: Place, count: number) =>
    count === 0 ? `${place.subject} must now be empty` : `${place.subject} no longer accepts more than ${count} item${count === 1 ? '' : 's'}`,
  additionalItemsOpened: (place: Place, count: number) => `${place.subject} now accepts more than ${count} items`,
  containsAdded: (place: Place) => `${place.subject} must now contain an item that matches \`contains\``,
  containsRemoved: (place: Place) => `${place.subject} no longer has to contain an item that matches \`contains\``,

  // Alternatives: `oneOf`, `anyOf` (rules/alternatives.ts).
  alternativesNarrowed: (place: Place, exactly: boolean, forms: View[]) =>
    `${place.subject} must now match ${exactly ? 'exactly ' : ''}one of ${forms.length} forms: ${describeForms(forms)}`,
  branchRemoved: (place: Place, branch: View, kind: string, several: boolean) =>
    `${place.subject} no longer accepts ${describeBranch(branch)} (${several ? `a \`${kind}\` alternative was removed` : 'no alternative of the new schema accepts it'})`,
  overlappingOneOfBranch: (place: Place, branch: View) =>
    `${place.subject} has a new \`oneOf\` alternative (${describeBranch(branch)}) that may also match what another alternative matches; such a value now fails \`oneOf\` (compat-gate cannot tell whether any does, so this counts as breaking)`,
  branchAdded: (place: Place, branch: View) => `${place.subject} now also accepts ${describeBranch(branch)}`,
  anyOfToOneOf: (place: Place) =>
    `${place.subject} changed from \`anyOf\` to \`oneOf\` over alternatives that may overlap: a value that matches two of them is now invalid (compat-gate cannot tell whether any does, so this counts as breaking)`,
  oneOfRelaxed: (place: Place) => `${place.subject} changed from \`oneOf\` to \`anyOf\`: a value may now match several alternatives`,

  // `not`, `if`/`then`/`else` (rules/conditions.ts).
  notRemoved: (place: Place) => `${place.subject} no longer has a \`not\` to avoid`,
  notChanged: (place: Place, hadOne: boolean) =>
    `${place.subject} has ${hadOne ? 'a changed' : 'a new'} \`not\`; compat-gate cannot tell whether it rejects values that were valid, so this counts as breaking`,
  conditionalRemoved: (place: Place) => `${place.subject} no longer has an \`if\`/\`then\`/\`else\``,
  ifChanged: (place: Place, hadOne: boolean) =>
    `${place.subject} has ${hadOne ? 'a changed' : 'a new'} \`if\`; compat-gate cannot tell whether its \`then\`/\`else\` now reject values that were valid, so this counts as breaking`,

  // `$ref`s (rules/refs.ts).
  refStricter: (place: Place, now: string, was: string, first: { delta: Delta; path: Segment[] }) =>
    `${place.subject} now refers to \`${now}\` instead of \`${was}\`, which accepts less: ${first.delta.say(deeper(place, first.path))}`,
  refLooser: (place: Place, now: string, was: string) => `${place.subject} now refers to \`${now}\` instead of \`${was}\`, which accepts more`,
  opaqueRefAdded: (place: Place, uri: string) =>
    `${place.subject} now uses \`$ref\` ${uri}, which is not among the loaded schema files; compat-gate cannot compare it, so this counts as breaking`,
  opaqueRefRemoved: (place: Place, uri: string) => `${place.subject} no longer uses \`$ref\` ${uri}`,

  // Annotations (rules/annotations.ts).
  annotationChanged: (place: Place, keyword: string, added: boolean) => `\`${keyword}\` of ${place.subject} ${added ? 'was added' : 'changed'}`,
  annotationRemoved: (place: Place, keyword: string) => `\`${keyword}\` of ${place.subject} was removed`,
} as const;
