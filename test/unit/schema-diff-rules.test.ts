import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SchemaSource } from '../../src/checks/schema.js';
import { RULES, severityOf } from '../../src/checks/schema-diff/catalogue.js';
import { diffSchemas, loadResolvedSchema } from '../../src/checks/schema-diff/index.js';
import * as alternatives from '../../src/checks/schema-diff/rules/alternatives.js';
import * as annotations from '../../src/checks/schema-diff/rules/annotations.js';
import * as arrays from '../../src/checks/schema-diff/rules/arrays.js';
import * as conditions from '../../src/checks/schema-diff/rules/conditions.js';
import * as counts from '../../src/checks/schema-diff/rules/counts.js';
import * as numbers from '../../src/checks/schema-diff/rules/numbers.js';
import * as objects from '../../src/checks/schema-diff/rules/objects.js';
import * as refs from '../../src/checks/schema-diff/rules/refs.js';
import * as strings from '../../src/checks/schema-diff/rules/strings.js';
import * as types from '../../src/checks/schema-diff/rules/types.js';
import * as values from '../../src/checks/schema-diff/rules/values.js';

function source(schema: unknown, label: string): SchemaSource {
  return {
    label,
    read: (repoPath: string) => Promise.resolve(repoPath === 's.json' ? Buffer.from(JSON.stringify(schema)) : undefined),
  };
}

async function changesOf(before: unknown, after: unknown) {
  const settings = { checkFormats: true, refMap: [] };
  return diffSchemas(
    await loadResolvedSchema('s.json', source(before, 'base'), settings),
    await loadResolvedSchema('s.json', source(after, 'the PR checkout'), settings),
  );
}

/** Whether ajv accepts the value; undefined when the schema cannot be compiled (a `$ref` to a file that is not there). */
function accepts(schema: Record<string, unknown>, value: unknown): boolean | undefined {
  const ajv = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12') ? new Ajv2020({ strict: false }) : new Ajv({ strict: false });
  ajvFormats.default(ajv);
  let validate;
  try {
    validate = ajv.compile(schema as AnySchema);
  } catch {
    return undefined;
  }
  return validate(value) === true;
}

const families = [alternatives, annotations, arrays, conditions, counts, numbers, objects, refs, strings, types, values];

describe('the rule catalogue', () => {
  it('lists every rule id the rule families export, once', () => {
    const exported = families.flatMap((family) => Object.values(family).filter((value): value is string => typeof value === 'string'));
    const listed = RULES.map((rule) => rule.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...new Set(exported)].sort());
  });

  it('gives each rule its severity, and refuses a rule it does not list', () => {
    for (const rule of RULES) expect(severityOf(rule.id)).toBe(rule.breaking ? 'breaking' : 'compatible');
    expect(() => severityOf('no-such-rule')).toThrow('The schema-diff rule `no-such-rule` is not in the rule catalogue.');
  });

  it('keeps the words out of the rules: their messages are wording.ts\'s, their severities the catalogue\'s', () => {
    const dir = new URL('../../src/checks/schema-diff/rules/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBe(families.length);
    for (const name of files) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/place\.(subject|in)\b/);
      expect(text, name).not.toMatch(/'(breaking|compatible)'/);
    }
  });

  for (const rule of RULES) {
    it(`${rule.id}: its example gives exactly that rule, ${rule.breaking ? 'breaking' : 'compatible'}`, async () => {
      const { before, after, value } = rule.example;
      const changes = await changesOf(before, after);
      expect(changes.map((change) => [change.rule, change.severity])).toEqual(
        changes.map(() => [rule.id, rule.breaking ? 'breaking' : 'compatible']),
      );
      expect(changes.length).toBeGreaterThan(0);
      if (rule.breaking) {
        expect(accepts(before, value), 'the value is valid before').toBe(true);
        expect(accepts(after, value), 'the value is invalid after').toBe(false);
      } else {
        expect(accepts(after, value), 'the value is valid after').toBe(true);
        const old = accepts(before, value);
        if (rule.id === annotations.ANNOTATION_CHANGED) expect(old).toBe(true);
        else if (rule.id === refs.REF_REMOVED) expect(old).toBeUndefined();
        else expect(old, 'the value was invalid before').toBe(false);
      }
    });
  }
});
