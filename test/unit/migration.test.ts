import { describe, expect, it } from 'vitest';
import { diffSchemas, loadResolvedSchema, type SchemaChange } from '../../src/checks/schema-diff/index.js';
import { suggestMigration, unifiedDiff } from '../../src/checks/migration/index.js';
import { compileSchema, type SchemaSource } from '../../src/checks/schema.js';
import type { Finding } from '../../src/checks/evaluate.js';

function memorySource(schema: unknown): SchemaSource {
  return { label: 'memory', read: (path) => Promise.resolve(path === 's.json' ? Buffer.from(JSON.stringify(schema)) : undefined) };
}

const settings = { checkFormats: true, refMap: [] };

async function diff(base: unknown, pr: unknown): Promise<SchemaChange[]> {
  return diffSchemas(await loadResolvedSchema('s.json', memorySource(base), settings), await loadResolvedSchema('s.json', memorySource(pr), settings));
}

/** The PR's schema findings of a document, as the Evaluator makes them. */
async function findings(pr: unknown, document: unknown): Promise<Finding[]> {
  const schema = await compileSchema('s.json', memorySource(pr), settings);
  return schema.validate(document).map((issue) => ({ layer: 'schema', message: issue.message, pointer: issue.pointer, ...(issue.target ? { target: issue.target } : {}) }));
}

async function suggest(base: unknown, pr: unknown, document: unknown) {
  const changes = await diff(base, pr);
  const schema = await compileSchema('s.json', memorySource(pr), settings);
  return suggestMigration([document], await findings(pr, document), changes, schema);
}

const closed = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, additionalProperties: false, ...extra });

describe('unified diff of a config before and after its migration', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a.yaml', 'a: 1\n', 'a: 1\n')).toBe('');
  });

  it('says so when only the line endings changed', () => {
    expect(unifiedDiff('a.yaml', 'a: 1\r\nb: 2', 'a: 1\nb: 2\n')).toBe('--- a/a.yaml\n+++ b/a.yaml\n(only the line endings changed)');
  });

  it('writes one hunk with three lines of context, as diff -u does', () => {
    const before = ['a: 1', 'b: 2', 'c: 3', 'd: 4', 'e: 5', 'f: 6', 'g: 7', 'h: 8'].join('\n') + '\n';
    const after = before.replace('e: 5', 'e: five');
    expect(unifiedDiff('conf/a.yaml', before, after)).toBe(
      ['--- a/conf/a.yaml', '+++ b/conf/a.yaml', '@@ -2,7 +2,7 @@', ' b: 2', ' c: 3', ' d: 4', '-e: 5', '+e: five', ' f: 6', ' g: 7', ' h: 8'].join('\n'),
    );
  });

  it('keeps distant changes in separate hunks and counts added and removed lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`);
    const after = [...lines];
    after[1] = 'k1: one';
    after.splice(15, 1);
    const text = unifiedDiff('x.yaml', lines.join('\n') + '\n', after.join('\n') + '\n');
    expect(text.match(/^@@/gm)).toHaveLength(2);
    expect(text).toContain('@@ -1,5 +1,5 @@');
    expect(text).toContain('@@ -13,7 +13,6 @@');
    expect(text).toContain('-k15: 15');
  });

  it('is cut at a line with a note when it is too long', () => {
    const before = Array.from({ length: 400 }, (_, i) => `key${i}: old`).join('\n');
    const after = before.replace(/old/g, 'new');
    const text = unifiedDiff('big.yaml', before, after, 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/… \(\d+ more lines of the diff not shown\)$/);
  });
});

describe('mechanical migrations found in the schema diff', () => {
  it('sees a renamed property: one out, one in at the same place, with a compatible subschema', async () => {
    const changes = await diff(closed({ hostname: { type: 'string' } }), closed({ host: { type: 'string' } }));
    expect(changes.find((change) => change.rule === 'property-removed')?.detail).toEqual({ kind: 'property-renamed', from: 'hostname', to: 'host' });
  });

  it('does not call it a rename when the new property accepts less', async () => {
    const changes = await diff(closed({ hostname: { type: 'string' } }), closed({ host: { type: 'integer' } }));
    expect(changes.find((change) => change.rule === 'property-removed')?.detail).toBeUndefined();
  });

  it('sees a rename to a required property in an open object', async () => {
    const changes = await diff({ type: 'object', properties: { hostname: { type: 'string' } } }, { type: 'object', properties: { host: { type: 'string' } }, required: ['host'] });
    expect(changes.find((change) => change.rule === 'required-added')?.detail).toEqual({ kind: 'property-renamed', from: 'hostname', to: 'host' });
  });

  it('sees a removed property that had a default', async () => {
    const changes = await diff(closed({ a: { type: 'string' }, legacy: { type: 'boolean', default: false } }), closed({ a: { type: 'string' } }));
    expect(changes.find((change) => change.rule === 'property-removed')?.detail).toEqual({ kind: 'property-removed', property: 'legacy', default: false });
  });

  it('sees a renamed enum value: one value out, one in', async () => {
    const changes = await diff({ enum: ['fast', 'slow'] }, { enum: ['quick', 'slow'] });
    expect(changes.find((change) => change.rule === 'enum-narrowed')?.detail).toEqual({ kind: 'value-renamed', from: 'fast', to: 'quick' });
  });

  it('does not call it a rename when two values leave', async () => {
    const changes = await diff({ enum: ['a', 'b', 'c'] }, { enum: ['d', 'c'] });
    expect(changes.find((change) => change.rule === 'enum-narrowed')?.detail).toBeUndefined();
  });
});

describe('suggested migrations of a broken config', () => {
  it('renames the property in words and as a before/after YAML snippet, and says the result passes', async () => {
    const base = closed({ server: closed({ hostname: { type: 'string' }, port: { type: 'integer' } }) });
    const pr = closed({ server: closed({ host: { type: 'string' }, port: { type: 'integer' } }) });
    const migration = await suggest(base, pr, { server: { hostname: 'db.local', port: 5432 } });
    expect(migration).toEqual({
      status: 'suggested',
      suggestions: [{ text: 'Rename `hostname` to `host` in `/server`', pointer: '/server/hostname', before: 'server:\n  hostname: db.local', after: 'server:\n  host: db.local' }],
      message: "With these changes the config passes the PR's schema.",
    });
  });

  it('drops a removed property that had a default', async () => {
    const migration = await suggest(closed({ a: { type: 'string' }, legacy: { type: 'boolean', default: false } }), closed({ a: { type: 'string' } }), { a: 'x', legacy: true });
    expect(migration?.suggestions?.[0]).toMatchObject({ text: 'Drop `legacy` at the top level: it is no longer allowed (its old default was `false`; this config set `true`)', before: 'legacy: true', after: '# (legacy dropped)' });
    expect(migration?.message).toBe("With these changes the config passes the PR's schema.");
  });

  it('renames an enum value in every array item that holds it', async () => {
    const item = (values: string[]) => closed({ mode: { enum: values } });
    const base = closed({ jobs: { type: 'array', items: item(['fast', 'slow']) } });
    const pr = closed({ jobs: { type: 'array', items: item(['quick', 'slow']) } });
    const migration = await suggest(base, pr, { jobs: [{ mode: 'slow' }, { mode: 'fast' }, { mode: 'fast' }] });
    expect(migration?.suggestions?.map((s) => s.text)).toEqual(['Change `/jobs/1/mode` from `"fast"` to `"quick"`', 'Change `/jobs/2/mode` from `"fast"` to `"quick"`']);
    expect(migration?.suggestions?.[0]).toMatchObject({ before: 'jobs:\n  - mode: fast', after: 'jobs:\n  - mode: quick' });
    expect(migration?.message).toContain('passes');
  });

  it('adds a newly required property from its default', async () => {
    const migration = await suggest(
      { type: 'object', properties: { a: { type: 'string' } } },
      { type: 'object', properties: { a: { type: 'string' }, storage: { type: 'string', default: 'local' } }, required: ['storage'] },
      { a: 'x' },
    );
    expect(migration?.suggestions?.[0]).toMatchObject({ text: 'Add `storage` at the top level: it is now required (its default is `"local"`)', before: '# (no storage)', after: 'storage: local' });
  });

  it('says when the suggestions are not enough for the PR schema', async () => {
    const base = closed({ hostname: { type: 'string' }, port: { type: 'integer' } });
    const pr = closed({ host: { type: 'string' }, port: { type: 'integer', maximum: 10 } });
    const migration = await suggest(base, pr, { hostname: 'h', port: 80 });
    expect(migration?.suggestions).toHaveLength(1);
    expect(migration?.message).toMatch(/^With these changes the config still fails the PR's schema at `\/port`/);
  });

  it('suggests nothing for a change that is not mechanical', async () => {
    expect(await suggest({ type: 'object', properties: { n: { type: 'integer' } } }, { type: 'object', properties: { n: { type: 'integer', minimum: 5 } } }, { n: 1 })).toBeUndefined();
  });
});
