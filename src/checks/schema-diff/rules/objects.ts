import type { Differ } from '../compare.js';
import { compareCounts } from './counts.js';
import type { Collector } from '../model.js';
import { ANY } from '../placement.js';
import { type At, type Sub, atOf } from '../resolve.js';
import { type View, compileLenient, viewOf } from '../view.js';
import { SAY } from '../wording.js';

// Objects: required and listed properties, patterns, additional properties, dependencies.
export const REQUIRED_ADDED = 'required-added';
export const REQUIRED_REMOVED = 'required-removed';
export const PROPERTY_REMOVED = 'property-removed';
export const PROPERTY_UNCONSTRAINED = 'property-unconstrained';
export const OPTIONAL_PROPERTY_ADDED = 'optional-property-added';
export const PATTERN_PROPERTY_REMOVED = 'pattern-property-removed';
export const PATTERN_PROPERTY_ADDED = 'pattern-property-added';
export const ADDITIONAL_PROPERTIES_CLOSED = 'additional-properties-closed';
export const ADDITIONAL_PROPERTIES_OPENED = 'additional-properties-opened';
export const DEPENDENT_REQUIRED_ADDED = 'dependent-required-added';
export const DEPENDENT_REQUIRED_REMOVED = 'dependent-required-removed';
export const DEPENDENT_SCHEMA_ADDED = 'dependent-schema-added';
export const DEPENDENT_SCHEMA_REMOVED = 'dependent-schema-removed';
export const PROPERTY_NAMES_TIGHTENED = 'property-names-tightened';
export const PROPERTY_NAMES_LOOSENED = 'property-names-loosened';
export const DEPENDENT_SCHEMA_TIGHTENED = 'dependent-schema-tightened';
export const DEPENDENT_SCHEMA_LOOSENED = 'dependent-schema-loosened';
export const UNEVALUATED_PROPERTIES_CLOSED = 'unevaluated-properties-closed';
export const UNEVALUATED_PROPERTIES_OPENED = 'unevaluated-properties-opened';

/** The subschemas that judge a property `name` that `properties` does not list. */
function governing(view: View, name: string): { subs: Sub[]; at: At; never: boolean } {
  const matching: Sub[] = [];
  for (const [pattern, subs] of view.patternProperties) {
    if (compileLenient(pattern)?.test(name)) matching.push(...subs);
  }
  const subs = matching.length > 0 ? matching : view.additionalProperties;
  const at = (matching.length > 0 ? view.patternPropertiesAt : view.additionalAt) ?? view.at;
  return { subs, at, never: viewOf(view.side, subs, at).never !== undefined };
}

/** Changes of what an object may and must hold. */
export function compareObjects(d: Differ, b: View, p: View, out: Collector): void {
  compareCounts(b, p, ['minProperties', 'maxProperties'], out);

  for (const [name, at] of p.required) {
    if (b.required.has(name)) continue;
    const pSubs = p.properties.get(name);
    const hasDefault = pSubs !== undefined && viewOf(d.pr, pSubs, at).annotations.has('default');
    out.add(REQUIRED_ADDED, at, SAY.requiredAdded, name, hasDefault);
  }
  for (const name of b.required.keys()) {
    if (!p.required.has(name)) out.add(REQUIRED_REMOVED, p.at, SAY.requiredRemoved, name);
  }

  const bProperties = b.propertiesAt ?? b.at;
  const pProperties = p.propertiesAt ?? p.at;
  for (const [name, bSubs] of b.properties) {
    const pSubs = p.properties.get(name);
    if (pSubs) {
      out.include([name], d.compareSubs(bSubs, pSubs, bProperties, pProperties));
      continue;
    }
    const rule = governing(p, name);
    if (rule.never) {
      out.add(PROPERTY_REMOVED, pProperties, SAY.propertyRemoved, name);
    } else if (rule.subs.length === 0) {
      out.add(PROPERTY_UNCONSTRAINED, pProperties, SAY.propertyUnconstrained, name);
    } else {
      out.include([name], d.compareSubs(bSubs, rule.subs, bProperties, rule.at));
    }
  }
  for (const [name, pSubs] of p.properties) {
    if (b.properties.has(name)) continue;
    const rule = governing(b, name);
    if (rule.never) {
      if (!p.required.has(name)) out.add(OPTIONAL_PROPERTY_ADDED, atOf(pSubs[0] as Sub), SAY.optionalPropertyAdded, name);
      continue;
    }
    // The name was already accepted, by `additionalProperties` or a pattern: its new schema may reject old values.
    out.include([name], d.compareSubs(rule.subs, pSubs, rule.at, pProperties));
  }

  const pPatternsAt = p.patternPropertiesAt ?? p.at;
  for (const [pattern, bSubs] of b.patternProperties) {
    const pSubs = p.patternProperties.get(pattern);
    if (pSubs) {
      out.include([ANY], d.compareSubs(bSubs, pSubs, b.patternPropertiesAt ?? b.at, pPatternsAt));
    } else if (viewOf(d.pr, p.additionalProperties, p.at).never) {
      out.add(PATTERN_PROPERTY_REMOVED, pPatternsAt, SAY.patternPropertyRemoved, pattern);
    } else if (p.additionalProperties.length > 0) {
      out.include([ANY], d.compareSubs(bSubs, p.additionalProperties, b.at, p.additionalAt ?? p.at));
    }
  }
  for (const [pattern, pSubs] of p.patternProperties) {
    if (b.patternProperties.has(pattern)) continue;
    if (viewOf(d.base, b.additionalProperties, b.at).never) {
      out.add(PATTERN_PROPERTY_ADDED, atOf(pSubs[0] as Sub), SAY.patternPropertyAdded, pattern);
    } else {
      out.include([ANY], d.compareSubs(b.additionalProperties, pSubs, b.additionalAt ?? b.at, pPatternsAt));
    }
  }

  const bClosed = viewOf(d.base, b.additionalProperties, b.at).never !== undefined;
  const pClosed = viewOf(d.pr, p.additionalProperties, p.at).never !== undefined;
  if (!bClosed && pClosed) {
    const listed = [...p.properties.keys()];
    const patterns = [...p.patternProperties.keys()];
    const others = [...listed.map((n) => `\`${n}\``), ...patterns.map((n) => `names matching \`${n}\``)];
    out.add(ADDITIONAL_PROPERTIES_CLOSED, p.additionalAt ?? p.at, SAY.additionalPropertiesClosed, others);
  } else if (bClosed && !pClosed) {
    out.add(ADDITIONAL_PROPERTIES_OPENED, p.additionalAt ?? p.at, SAY.additionalPropertiesOpened);
  } else if (!bClosed && (b.additionalProperties.length > 0 || p.additionalProperties.length > 0)) {
    out.include([ANY], d.compareSubs(b.additionalProperties, p.additionalProperties, b.additionalAt ?? b.at, p.additionalAt ?? p.at));
  }

  d.summarise(b.propertyNames, p.propertyNames, b.at, p.at, { tightened: PROPERTY_NAMES_TIGHTENED, loosened: PROPERTY_NAMES_LOOSENED }, 'property names', out);

  for (const [name, pDependency] of p.dependentRequired) {
    const before = new Set(b.dependentRequired.get(name)?.value ?? []);
    const fresh = pDependency.value.filter((n) => !before.has(n));
    if (fresh.length > 0) out.add(DEPENDENT_REQUIRED_ADDED, pDependency.at, SAY.dependentRequiredAdded, name, fresh);
  }
  for (const [name, bDependency] of b.dependentRequired) {
    const after = new Set(p.dependentRequired.get(name)?.value ?? []);
    const gone = bDependency.value.filter((n) => !after.has(n));
    if (gone.length > 0) out.add(DEPENDENT_REQUIRED_REMOVED, p.dependentRequired.get(name)?.at ?? p.at, SAY.dependentRequiredRemoved, name, gone);
  }
  for (const [name, pSubs] of p.dependentSchemas) {
    const bSubs = b.dependentSchemas.get(name);
    if (!bSubs) out.add(DEPENDENT_SCHEMA_ADDED, atOf(pSubs[0] as Sub), SAY.dependentSchemaAdded, name);
    else d.summarise(bSubs, pSubs, b.at, p.at, { tightened: DEPENDENT_SCHEMA_TIGHTENED, loosened: DEPENDENT_SCHEMA_LOOSENED }, `the schema that applies when \`${name}\` is present`, out);
  }
  for (const name of b.dependentSchemas.keys()) {
    if (!p.dependentSchemas.has(name)) out.add(DEPENDENT_SCHEMA_REMOVED, p.at, SAY.dependentSchemaRemoved, name);
  }

  d.compareClosable(b.unevaluatedProperties, p.unevaluatedProperties, b.at, p.at, { closed: UNEVALUATED_PROPERTIES_CLOSED, opened: UNEVALUATED_PROPERTIES_OPENED }, 'properties not evaluated by other keywords', out);
}
