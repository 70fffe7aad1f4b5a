import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compileSchema, workspaceSource, type CompiledSchema } from '../../src/checks/schema.js';

// Six real commits of compose-spec/compose-go's schema, with what an independent ajv run measured
// (see test/fixtures/compose-go/README.md).
const corpus = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/compose-go');
const commits = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Expected {
  subject: string;
  base_schema_draft: string;
  head_schema_draft: string;
  configs_checked: number;
  broken: string[];
  failing_on_base: string[];
}

function configFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.ya?ml$/.test(entry.name)) found.push(relative(root, full).split(sep).join('/'));
    }
  };
  for (const top of ['loader', 'cli']) if (existsSync(join(root, top))) visit(join(root, top));
  return found.sort();
}

/**
 * Parses a Compose file as the gate does: every document must be valid, an empty file is null.
 * An unknown tag (Compose's `!reset`) cannot be read, as PyYAML and js-yaml refuse it too; the
 * `yaml` package only warns and yields a string.
 */
function loads(schema: CompiledSchema, text: string): boolean {
  const documents = parseAllDocuments(text, { merge: true });
  if (documents.length === 0) return schema.validate(null).length === 0;
  return documents.every((document) => {
    if (document.errors.length > 0) return false;
    if (document.warnings.some((warning) => warning.code === 'TAG_RESOLVE_FAILED')) return false;
    try {
      return schema.validate(document.toJS()).length === 0;
    } catch {
      return false;
    }
  });
}

describe('the schema layer on compose-go history', () => {
  it('has the six commits of the corpus', () => {
    expect(commits).toEqual(['25fe179663', '37ba724348', '3b30ce384a', 'a6c896cdf0', 'a9f2bb2996', 'e350f08404']);
  });

  it.each(commits)('finds exactly the configs commit %s breaks', async (commit) => {
    const dir = join(corpus, commit);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const options = { checkFormats: false, refMap: [] };
    const base = await compileSchema('schema/compose-spec.json', workspaceSource(join(dir, 'base'), 'base'), options);
    const head = await compileSchema('schema/compose-spec.json', workspaceSource(join(dir, 'head'), 'head'), options);
    expect(base.draft).toBe(expected.base_schema_draft);
    expect(head.draft).toBe(expected.head_schema_draft);

    const configs = configFiles(join(dir, 'base'));
    expect(configs).toHaveLength(expected.configs_checked);
    const failingOnBase: string[] = [];
    const broken: string[] = [];
    for (const config of configs) {
      const text = readFileSync(join(dir, 'base', config), 'utf8');
      const onBase = loads(base, text);
      if (!onBase) failingOnBase.push(config);
      else if (!loads(head, text)) broken.push(config);
    }
    expect(broken).toEqual([...expected.broken].sort());
    expect(failingOnBase).toEqual([...expected.failing_on_base].sort());
  });

  it('explains a break the way a Compose user would read it', async () => {
    const dir = join(corpus, '25fe179663');
    const head = await compileSchema('schema/compose-spec.json', workspaceSource(join(dir, 'head'), 'head'), {
      checkFormats: false,
      refMap: [],
    });
    const text = readFileSync(join(dir, 'base/cli/testdata/simple/compose-with-variables.yaml'), 'utf8');
    const [first] = head.validate(parseAllDocuments(text, { merge: true })[0]?.toJS());
    // ports items are oneOf number | string | object: the string alternative is the one that applies.
    expect(first).toMatchObject({ pointer: '/services/simple/ports/0', keyword: 'pattern', target: 'value' });
    expect(first?.message).toContain('found `${PUBLIC_PORT}:80`');
  });
});
