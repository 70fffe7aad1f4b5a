import * as alternatives from './rules/alternatives.js';
import * as annotations from './rules/annotations.js';
import * as arrays from './rules/arrays.js';
import * as conditions from './rules/conditions.js';
import * as counts from './rules/counts.js';
import * as numbers from './rules/numbers.js';
import * as objects from './rules/objects.js';
import * as refs from './rules/refs.js';
import * as strings from './rules/strings.js';
import * as types from './rules/types.js';
import * as values from './rules/values.js';
import type { ChangeSeverity } from './model.js';

/**
 * The rule catalogue: every rule a schema change is classified by, whether it breaks, what it
 * means, and a tiny example. The rule table of docs/schema-changes.md is generated from it (`node scripts/docs.mjs`)
 * and each example is a test: its change must give exactly its rule.
 */
export interface RuleEntry {
  /** The rule id a SchemaChange carries. */
  id: string;
  /** Whether a config that was valid before can be invalid now. */
  breaking: boolean;
  /** One line for a person. */
  meaning: string;
  example: {
    /** The base's schema. */
    before: Record<string, unknown>;
    /** The PR's schema. */
    after: Record<string, unknown>;
    /**
     * A config that shows the change: valid before and invalid after for a breaking rule;
     * valid after (and, where the old schema can be compiled, invalid before) for a compatible
     * one, except `annotation-changed`, where it is valid on both sides.
     */
    value: unknown;
  };
}

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';
const object = (extra: Record<string, unknown> = {}) => ({ type: 'object', ...extra });
const array = (extra: Record<string, unknown> = {}) => ({ type: 'array', ...extra });
const string = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const number = (extra: Record<string, unknown> = {}) => ({ type: 'number', ...extra });
const in2020 = (schema: Record<string, unknown>) => ({ $schema: DRAFT_2020, ...schema });
const definitions = { a: string(), b: string({ maxLength: 1 }) };

/**
 * A breaking rule and the compatible rule of the reverse change: the compatible example is the
 * breaking one turned around, with the same value.
 */
function pair(
  breaking: string,
  compatible: string | undefined,
  meaning: [string, string?],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  value: unknown,
): RuleEntry[] {
  const entries: RuleEntry[] = [{ id: breaking, breaking: true, meaning: meaning[0], example: { before, after, value } }];
  if (compatible && meaning[1]) entries.push({ id: compatible, breaking: false, meaning: meaning[1], example: { before: after, after: before, value } });
  return entries;
}

function compatible(id: string, meaning: string, before: Record<string, unknown>, after: Record<string, unknown>, value: unknown): RuleEntry {
  return { id, breaking: false, meaning, example: { before, after, value } };
}

/** Every rule, breaking ones first within each family. */
export const RULES: readonly RuleEntry[] = [
  ...pair(objects.REQUIRED_ADDED, objects.REQUIRED_REMOVED, ['a property becomes required', 'a property is no longer required'], object(), object({ required: ['name'] }), {}),
  ...pair(
    objects.PROPERTY_REMOVED,
    objects.OPTIONAL_PROPERTY_ADDED,
    ['a property leaves `properties` where other properties are not allowed', 'a new optional property on a closed object'],
    object({ properties: { a: {} }, additionalProperties: false }),
    object({ additionalProperties: false }),
    { a: 1 },
  ),
  compatible(objects.PROPERTY_UNCONSTRAINED, 'a property leaves `properties` where any property is allowed', object({ properties: { a: string() } }), object(), { a: 1 }),
  ...pair(
    objects.ADDITIONAL_PROPERTIES_CLOSED,
    objects.ADDITIONAL_PROPERTIES_OPENED,
    ['`additionalProperties: false` added', '`additionalProperties: false` removed'],
    object(),
    object({ additionalProperties: false }),
    { a: 1 },
  ),
  ...pair(
    objects.PATTERN_PROPERTY_REMOVED,
    objects.PATTERN_PROPERTY_ADDED,
    ['a `patternProperties` entry removed where other properties are not allowed', 'a `patternProperties` entry added to a closed object'],
    object({ patternProperties: { '^x': {} }, additionalProperties: false }),
    object({ additionalProperties: false }),
    { x1: 1 },
  ),
  ...pair(
    objects.DEPENDENT_REQUIRED_ADDED,
    objects.DEPENDENT_REQUIRED_REMOVED,
    ['`dependentRequired` (or `dependencies` with names) asks for more', '`dependentRequired` asks for less'],
    in2020(object()),
    in2020(object({ dependentRequired: { a: ['b'] } })),
    { a: 1 },
  ),
  ...pair(
    objects.DEPENDENT_SCHEMA_ADDED,
    objects.DEPENDENT_SCHEMA_REMOVED,
    ['a `dependentSchemas` entry added', 'a `dependentSchemas` entry removed'],
    in2020(object()),
    in2020(object({ dependentSchemas: { a: { required: ['b'] } } })),
    { a: 1 },
  ),
  ...pair(
    objects.DEPENDENT_SCHEMA_TIGHTENED,
    objects.DEPENDENT_SCHEMA_LOOSENED,
    ['a `dependentSchemas` entry checks more strictly', 'a `dependentSchemas` entry checks less strictly'],
    in2020(object({ dependentSchemas: { a: {} } })),
    in2020(object({ dependentSchemas: { a: { required: ['b'] } } })),
    { a: 1 },
  ),
  ...pair(
    objects.PROPERTY_NAMES_TIGHTENED,
    objects.PROPERTY_NAMES_LOOSENED,
    ['`propertyNames` checks more strictly', '`propertyNames` checks less strictly'],
    object(),
    object({ propertyNames: { maxLength: 2 } }),
    { abc: 1 },
  ),
  ...pair(
    objects.UNEVALUATED_PROPERTIES_CLOSED,
    objects.UNEVALUATED_PROPERTIES_OPENED,
    ['`unevaluatedProperties: false` added', '`unevaluatedProperties: false` removed'],
    in2020(object()),
    in2020(object({ unevaluatedProperties: false })),
    { a: 1 },
  ),
  ...pair(counts.MIN_PROPERTIES_TIGHTENED, counts.MIN_PROPERTIES_LOOSENED, ['`minProperties` raised or added', '`minProperties` lowered or removed'], object(), object({ minProperties: 1 }), {}),
  ...pair(counts.MAX_PROPERTIES_TIGHTENED, counts.MAX_PROPERTIES_LOOSENED, ['`maxProperties` lowered or added', '`maxProperties` raised or removed'], object({ maxProperties: 2 }), object({ maxProperties: 1 }), { a: 1, b: 2 }),
  ...pair(
    types.TYPE_NARROWED,
    types.TYPE_WIDENED,
    ['fewer types accepted (`integer` counts as part of `number`)', 'more types accepted'],
    { type: ['string', 'number'] },
    { type: 'string' },
    1,
  ),
  ...pair(values.ENUM_NARROWED, values.ENUM_WIDENED, ['fewer `enum` values', 'more `enum` values, or no `enum`'], { enum: ['a', 'b'] }, { enum: ['a'] }, 'b'),
  ...pair(values.CONST_NARROWED, values.CONST_WIDENED, ['a `const` added or changed', 'a `const` removed'], {}, { const: 'a' }, 'b'),
  ...pair(
    numbers.MINIMUM_TIGHTENED,
    numbers.MINIMUM_LOOSENED,
    ['`minimum` or `exclusiveMinimum` (draft-04 boolean or later number) raised or added', '`minimum` or `exclusiveMinimum` lowered or removed'],
    number({ minimum: 0 }),
    number({ minimum: 1 }),
    0,
  ),
  ...pair(
    numbers.MAXIMUM_TIGHTENED,
    numbers.MAXIMUM_LOOSENED,
    ['`maximum` or `exclusiveMaximum` lowered or added', '`maximum` or `exclusiveMaximum` raised or removed'],
    number({ maximum: 10 }),
    number({ maximum: 5 }),
    6,
  ),
  ...pair(
    numbers.MULTIPLE_OF_TIGHTENED,
    numbers.MULTIPLE_OF_LOOSENED,
    ['a `multipleOf` that does not divide an old one', 'a `multipleOf` removed'],
    number(),
    number({ multipleOf: 2 }),
    3,
  ),
  ...pair(counts.MIN_LENGTH_TIGHTENED, counts.MIN_LENGTH_LOOSENED, ['`minLength` raised or added', '`minLength` lowered or removed'], string(), string({ minLength: 2 }), 'a'),
  ...pair(counts.MAX_LENGTH_TIGHTENED, counts.MAX_LENGTH_LOOSENED, ['`maxLength` lowered or added', '`maxLength` raised or removed'], string({ maxLength: 3 }), string({ maxLength: 2 }), 'abc'),
  ...pair(strings.PATTERN_ADDED, strings.PATTERN_REMOVED, ['a `pattern` added', 'a `pattern` removed'], string(), string({ pattern: '^a' }), 'b'),
  ...pair(strings.PATTERN_CHANGED, undefined, ['a `pattern` changed'], string({ pattern: '^a' }), string({ pattern: '^b' }), 'a'),
  ...pair(strings.FORMAT_ADDED, strings.FORMAT_REMOVED, ['a `format` added', 'a `format` removed'], string(), string({ format: 'date' }), 'x'),
  ...pair(strings.FORMAT_CHANGED, undefined, ['a `format` changed'], string({ format: 'date' }), string({ format: 'time' }), '2024-01-01'),
  ...pair(counts.MIN_ITEMS_TIGHTENED, counts.MIN_ITEMS_LOOSENED, ['`minItems` raised or added', '`minItems` lowered or removed'], array(), array({ minItems: 1 }), []),
  ...pair(counts.MAX_ITEMS_TIGHTENED, counts.MAX_ITEMS_LOOSENED, ['`maxItems` lowered or added', '`maxItems` raised or removed'], array({ maxItems: 2 }), array({ maxItems: 1 }), [1, 2]),
  ...pair(arrays.UNIQUE_ITEMS_ADDED, arrays.UNIQUE_ITEMS_REMOVED, ['`uniqueItems: true` added', '`uniqueItems: true` removed'], array(), array({ uniqueItems: true }), [1, 1]),
  ...pair(
    arrays.ADDITIONAL_ITEMS_CLOSED,
    arrays.ADDITIONAL_ITEMS_OPENED,
    ['no items accepted past the positional ones (`additionalItems`/`items: false`)', 'items accepted past the positional ones'],
    array({ items: [{}] }),
    array({ items: [{}], additionalItems: false }),
    [1, 2],
  ),
  ...pair(arrays.CONTAINS_ADDED, arrays.CONTAINS_REMOVED, ['a `contains` added', 'a `contains` removed'], array(), array({ contains: { const: 1 } }), []),
  ...pair(
    arrays.CONTAINS_TIGHTENED,
    arrays.CONTAINS_LOOSENED,
    ['the item `contains` asks for is checked more strictly', 'the item `contains` asks for is checked less strictly'],
    array({ contains: number() }),
    array({ contains: number({ minimum: 5 }) }),
    [1],
  ),
  ...pair(
    counts.MIN_CONTAINS_TIGHTENED,
    counts.MIN_CONTAINS_LOOSENED,
    ['`minContains` raised or added', '`minContains` lowered or removed'],
    in2020(array({ contains: { const: 1 } })),
    in2020(array({ contains: { const: 1 }, minContains: 2 })),
    [1],
  ),
  ...pair(
    counts.MAX_CONTAINS_TIGHTENED,
    counts.MAX_CONTAINS_LOOSENED,
    ['`maxContains` lowered or added', '`maxContains` raised or removed'],
    in2020(array({ contains: { const: 1 }, maxContains: 2 })),
    in2020(array({ contains: { const: 1 }, maxContains: 1 })),
    [1, 1],
  ),
  ...pair(
    arrays.UNEVALUATED_ITEMS_CLOSED,
    arrays.UNEVALUATED_ITEMS_OPENED,
    ['`unevaluatedItems: false` added', '`unevaluatedItems: false` removed'],
    in2020(array()),
    in2020(array({ unevaluatedItems: false })),
    [1],
  ),
  ...pair(
    alternatives.BRANCH_REMOVED,
    alternatives.BRANCH_ADDED,
    ['a `oneOf`/`anyOf` alternative removed', 'a `oneOf`/`anyOf` alternative added'],
    { anyOf: [string(), number()] },
    { anyOf: [string()] },
    1,
  ),
  {
    id: alternatives.ALTERNATIVES_NARROWED,
    breaking: true,
    meaning:
      'a value must now match one of several `oneOf`/`anyOf` alternatives that together accept less than before; the message lists every form, since a value that fails one may match another',
    example: { before: {}, after: { oneOf: [{ type: 'integer', minimum: 0, maximum: 2 }, { enum: ['off', 'warn', 'error'] }, array()] }, value: true },
  },
  compatible(alternatives.ONE_OF_RELAXED, '`oneOf` became `anyOf`', { oneOf: [number(), { type: 'integer' }] }, { anyOf: [number(), { type: 'integer' }] }, 1),
  ...pair(
    alternatives.SCHEMA_FALSE,
    alternatives.SCHEMA_OPENED,
    ['a schema becomes `false`', 'a `false` schema becomes `true` (or any schema)'],
    object({ properties: { x: true } }),
    object({ properties: { x: false } }),
    { x: 1 },
  ),
  ...pair(
    refs.REF_STRICTER,
    refs.REF_LOOSER,
    ['a `$ref` switched to a definition that accepts less', 'a `$ref` switched to a definition that accepts more'],
    object({ properties: { x: { $ref: '#/definitions/a' } }, definitions }),
    object({ properties: { x: { $ref: '#/definitions/b' } }, definitions }),
    { x: 'ab' },
  ),
  compatible(refs.REF_REMOVED, 'a `$ref` that compat-gate cannot load removed', { $ref: 'other.json' }, {}, 1),
  ...pair(
    conditions.CHANGED,
    conditions.NOT_REMOVED,
    [
      'what compat-gate cannot classify with confidence: a new or changed `not` or `if`, a new `oneOf` alternative that may overlap another, `anyOf` to `oneOf`, a `$ref` it cannot load',
      'a `not` removed',
    ],
    {},
    { not: { const: 1 } },
    1,
  ),
  compatible(conditions.CONDITIONAL_REMOVED, 'an `if`/`then`/`else` removed', { if: number(), then: { minimum: 5 } }, {}, 1),
  compatible(
    annotations.ANNOTATION_CHANGED,
    '`title`, `description`, `examples`, `default`, `$comment` or an unknown keyword changed',
    { title: 'Port' },
    { title: 'Port number' },
    1,
  ),
];

const SEVERITIES: ReadonlyMap<string, ChangeSeverity> = new Map(RULES.map((rule) => [rule.id, rule.breaking ? 'breaking' : 'compatible']));

/** Whether a change of `rule` breaks, as the catalogue says. A rule it does not list is a mistake in compat-gate. */
export function severityOf(rule: string): ChangeSeverity {
  const severity = SEVERITIES.get(rule);
  if (severity === undefined) throw new Error(`The schema-diff rule \`${rule}\` is not in the rule catalogue.`);
  return severity;
}
