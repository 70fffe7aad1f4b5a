// Writes the inputs and outputs tables from action.yml, and the table of schema change rules
// from the rule catalogue (src/checks/schema-diff/catalogue.ts), between the
// <!-- inputs --> / <!-- outputs --> / <!-- rules --> markers of the page that holds each:
// docs/inputs.md and docs/schema-changes.md today. Each marker must be in exactly one of
// README.md and docs/*.md, so a table that moves to another page moves with its markers.
// `node scripts/docs.mjs --check` fails when a page is out of date (a test runs it).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const action = YAML.parse(readFileSync(`${root}action.yml`, 'utf8'));
const docsDir = `${root}docs/`;
const pages = [
  'README.md',
  ...(existsSync(docsDir) ? readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`) : []),
];

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

const tables = { inputs, outputs, rules };
const texts = new Map(pages.map((page) => [page, readFileSync(`${root}${page}`, 'utf8')]));
const next = new Map(texts);
for (const [marker, table] of Object.entries(tables)) {
  const pattern = new RegExp(`(<!-- ${marker} -->)[\\s\\S]*?(<!-- /${marker} -->)`);
  const holders = pages.filter((page) => pattern.test(texts.get(page)));
  if (holders.length !== 1) {
    console.error(
      holders.length
        ? `The <!-- ${marker} --> table is in ${holders.join(' and ')}: keep it in one page and remove the other block.`
        : `No page (README.md, docs/*.md) has a <!-- ${marker} --> … <!-- /${marker} --> block: add one where the table belongs.`,
    );
    process.exit(1);
  }
  const [page] = holders;
  next.set(page, next.get(page).replace(pattern, (_, open, close) => `${open}\n${table}\n${close}`));
}
const stale = pages.filter((page) => next.get(page) !== texts.get(page));
if (process.argv.includes('--check')) {
  if (stale.length) {
    console.error(`${stale.join(', ')} ${stale.length === 1 ? 'does' : 'do'} not match action.yml or the rule catalogue: run \`node scripts/docs.mjs\`.`);
    process.exit(1);
  }
} else {
  for (const page of stale) writeFileSync(`${root}${page}`, next.get(page));
}
