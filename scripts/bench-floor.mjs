// The floor of `npm run bench`: the least work any tool has to do to validate the configs of
// some refs against one JSON Schema. One process: list each ref's tree once, read every blob
// through one `git cat-file --batch`, parse each config (with js-yaml, the fastest JavaScript
// YAML parser, or with `--parser yaml` the same `yaml` package as the gate's slow path), run
// one compiled ajv validator. No fetch, no report, no positions, no second opinion.
//
// usage: node scripts/bench-floor.mjs [--parser js-yaml|yaml] --git-dir DIR --schema FILE --configs GLOB REF...
// Prints one JSON line: { refs, configs, invalid, unreadable, maxRssKb, phases }.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import AjvModule from 'ajv';
import ajvFormatsModule from 'ajv-formats';
import jsYaml from 'js-yaml';
import picomatch from 'picomatch';
import { parseAllDocuments } from 'yaml';

const Ajv = AjvModule.default ?? AjvModule;
const addFormats = ajvFormatsModule.default ?? ajvFormatsModule;

const { values: options, positionals: refs } = parseArgs({
  allowPositionals: true,
  options: {
    'git-dir': { type: 'string' },
    schema: { type: 'string' },
    configs: { type: 'string' },
    parser: { type: 'string', default: 'js-yaml' },
  },
});
if (!options['git-dir'] || !options.schema || !options.configs || refs.length === 0 || !['js-yaml', 'yaml'].includes(options.parser)) {
  console.error('usage: node scripts/bench-floor.mjs [--parser js-yaml|yaml] --git-dir DIR --schema FILE --configs GLOB REF...');
  process.exit(2);
}
const gitDir = options['git-dir'];
const phases = {};
let mark = performance.now();
const phase = (name) => {
  const now = performance.now();
  phases[name] = Math.round(now - mark);
  mark = now;
};

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(options.schema, 'utf8')));
const matches = picomatch(options.configs, { dot: true });
phase('compile');

const wanted = [];
for (const ref of refs) {
  const out = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', ref], { maxBuffer: 1 << 30, encoding: 'utf8' });
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0 || !matches(record.slice(tab + 1))) continue;
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    if (type === 'blob' && mode !== '120000') wanted.push(sha);
  }
}
phase('ls-tree');

const blobs = await readBlobs(wanted);
phase('cat-file');

let invalid = 0;
let unreadable = 0;
// js-yaml's core schema (no timestamps or binary) with merge keys, duplicate keys last-wins.
const JS_YAML_OPTIONS = { schema: jsYaml.CORE_SCHEMA.extend({ implicit: [jsYaml.types.merge] }), json: true };
for (const sha of wanted) {
  const text = blobs.get(sha).toString('utf8');
  let values;
  if (options.parser === 'js-yaml') {
    try {
      values = jsYaml.loadAll(text, null, JS_YAML_OPTIONS);
    } catch {
      unreadable += 1;
      continue;
    }
  } else {
    const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((doc) => doc.errors.length > 0)) {
      unreadable += 1;
      continue;
    }
    values = list.map((doc) => doc.toJS({ maxAliasCount: 10_000 }));
  }
  if (!values.every((value) => validate(value))) invalid += 1;
}
phase('parse+validate');

console.log(
  JSON.stringify({ parser: options.parser, refs: refs.length, configs: wanted.length, invalid, unreadable, maxRssKb: process.resourceUsage().maxRSS, phases }),
);

/** Every blob through one `git cat-file --batch`: "<sha> <type> <size>\n<content>\n" per answer. */
function readBlobs(shas) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const blobs = new Map();
      let at = 0;
      while (at < all.length) {
        const eol = all.indexOf(10, at);
        const [sha, type, size] = all.subarray(at, eol).toString('latin1').split(' ');
        if (type === 'missing') return reject(new Error(`blob ${sha} is missing`));
        const start = eol + 1;
        blobs.set(sha, all.subarray(start, start + Number(size)));
        at = start + Number(size) + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(shas.join('\n') + '\n');
  });
}
