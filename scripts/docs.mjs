// Writes the inputs and outputs tables of README.md from action.yml, between the
// <!-- inputs --> / <!-- outputs --> markers. `node scripts/docs.mjs --check` fails when
// README.md is out of date (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

const replace = (text, marker, table) => {
  const pattern = new RegExp(`(<!-- ${marker} -->)[\\s\\S]*?(<!-- /${marker} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${marker} --> … <!-- /${marker} --> block`);
  return text.replace(pattern, (_, open, close) => `${open}\n${table}\n${close}`);
};
const next = replace(replace(readme, 'inputs', inputs), 'outputs', outputs);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md does not match action.yml: run `node scripts/docs.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
}
