// Writes the inputs and outputs tables of README.md from action.yml, and the table of schema
// change rules from the rule catalogue (src/checks/schema-diff/catalogue.ts), between the
// <!-- inputs --> / <!-- outputs --> / <!-- rules --> markers. `node scripts/docs.mjs --check`
// fails when README.md is out of date (a test runs it).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const action = YAML.parse(readFileSync(`${root}action.yml`, 'utf8'));
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');

const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? '**required**' : input.default !== undefined ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
].join('\n');

// The catalogue is TypeScript and this script runs on plain Node: bundle it (as the build does)
// into a temporary module and import that, so the table always comes from the source.
const { RULES } = await importCatalogue();
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';
const code = (value) => `\`${JSON.stringify(value)}\``;
const example = ({ before, after, value }) => {
  // Examples of 2020-12 keywords carry `$schema`; name the draft instead of showing the URI.
  const draft2020 = before.$schema === DRAFT_2020 && after.$schema === DRAFT_2020;
  const bare = (schema) => (draft2020 ? Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')) : schema);
  return `${code(bare(before))} → ${code(bare(after))}${draft2020 ? ' (2020-12)' : ''}: ${code(value)}`;
};
const rules = [
  '| rule | breaks | what it means | example: before → after: a config that shows it |',
  '| --- | --- | --- | --- |',
  ...RULES.map((rule) => `| \`${rule.id}\` | ${rule.breaking ? '**yes**' : 'no'} | ${cell(rule.meaning)} | ${cell(example(rule.example))} |`),
].join('\n');

async function importCatalogue() {
  const dir = mkdtempSync(path.join(tmpdir(), 'compat-gate-docs-'));
  try {
    const outfile = path.join(dir, 'catalogue.mjs');
    await build({
      entryPoints: [`${root}src/checks/schema-diff/catalogue.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire as __compatGateRequire } from 'node:module';\nconst require = __compatGateRequire(import.meta.url);",
      },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const replace = (text, marker, table) => {
  const pattern = new RegExp(`(<!-- ${marker} -->)[\\s\\S]*?(<!-- /${marker} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${marker} --> … <!-- /${marker} --> block`);
  return text.replace(pattern, (_, open, close) => `${open}\n${table}\n${close}`);
};
const next = replace(replace(replace(readme, 'inputs', inputs), 'outputs', outputs), 'rules', rules);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md does not match action.yml or the rule catalogue: run `node scripts/docs.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
}
