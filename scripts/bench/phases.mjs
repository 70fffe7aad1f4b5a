// Where the gate's time goes, by phase, from a CPU profile (`node --cpu-prof`): git, read,
// parse, validate, attribute, render, and the start-up before the first config is read.
//
//   node scripts/bench/phases.mjs FILE.cpuprofile     prints the phase table of one profile
//
// `npm run bench` calls phaseTable() on its profiled run and prints the table under the CPU
// profile. Each sample is charged to the innermost frame of the stack that belongs to a known
// part of the bundle (esbuild marks each bundled module with a `// <path>` line), so Node's own
// work (spawning git, reading pipes) is charged to the compat-gate code that asked for it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The phases, in the order the table lists them, and what each one means. */
export const PHASES = [
  ['start-up', 'evaluating the bundle\'s modules, reading the settings, before any other phase'],
  ['git', 'starting git and reading its output (src/git)'],
  ['read', 'listing, decoding and collecting the files (src/configs, but not parse/)'],
  ['parse', 'YAML/JSON/TOML into values, the fast path\'s scan and the shape checks (src/configs/parse, js-yaml, yaml)'],
  ['schema compile', 'compiling the schemas with ajv (once per side)'],
  ['validate', 'running the compiled validators and wording their errors (src/checks/schema.ts, evaluate.ts, ajv)'],
  ['attribute', 'judging each config on both sides, the schema diff, the verdict (src/checks, src/verdict)'],
  ['render', 'the report, the summary, annotations, terminal output (src/reports, src/cli, src/action)'],
  ['garbage collector', ''],
  ['idle', 'waiting for git or I/O with nothing to run'],
  ['other', 'Node internals and code with no compat-gate frame on the stack'],
];

const MODULE_PHASES = [
  [/^src\/git\//, 'git'],
  [/^src\/configs\/parse\/decode\.ts$/, 'read'],
  [/^src\/configs\/parse\//, 'parse'],
  [/^(?:js-yaml|yaml|smol-toml|jsonc-parser|@iarna\/toml)$/, 'parse'],
  [/^src\/configs\//, 'read'],
  [/^src\/refs\//, 'git'],
  [/^(?:ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse|uri-js|ajv-draft-04)$/, 'validate'],
  [/^src\/checks\/(?:schema|schema-refs|evaluate)\.ts$/, 'validate'],
  [/^src\/checks\//, 'attribute'],
  [/^src\/verdict\//, 'attribute'],
  [/^src\/reports\//, 'render'],
  [/^src\/(?:cli|action|github)\//, 'render'],
  [/^@actions\//, 'render'],
];

/** Which bundled module each line of a dist file belongs to. */
function bundleModules(file) {
  const starts = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      // node_modules may be a link elsewhere: esbuild then names `../other/node_modules/…`.
      const match = /^\/\/ ((?:\.\.\/\S*?)?(?:src|node_modules)\/\S+)$/.exec(line);
      if (!match) return;
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(match[1]);
      starts.push({ line: index, module: pkg ? pkg[1] : match[1] });
    });
  return (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle].line <= line) {
        found = starts[middle].module;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
}

/**
 * The phase table of one CPU profile: CPU time per phase before the first config was read
 * (start-up) and after, and when (ms into the profile) the first config was read.
 */
export function phaseTable(profileFile) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const moduleMaps = new Map();
  const moduleOf = (callFrame) => {
    if (!callFrame.url.startsWith('file://') || !callFrame.url.includes('/dist/')) return undefined;
    if (!moduleMaps.has(callFrame.url)) {
      try {
        moduleMaps.set(callFrame.url, bundleModules(fileURLToPath(callFrame.url)));
      } catch {
        moduleMaps.set(callFrame.url, () => undefined);
      }
    }
    return moduleMaps.get(callFrame.url)(callFrame.lineNumber);
  };
  /** A module's top-level code (ESM module body, esbuild's `__commonJS`/`__esm` wrappers). */
  const evaluating = (callFrame) =>
    (callFrame.functionName === '' && callFrame.lineNumber === 0) || /^(?:\.\.\/\S*?)?(?:src|node_modules)\//.test(callFrame.functionName) || /^init_/.test(callFrame.functionName) || /^__(?:require|esm|commonJS|toESM|copyProps)\d*$/.test(callFrame.functionName);
  const phaseCache = new Map();
  /** Samples with a config's readConfig on the stack (outside schema compiling): configs are being read. */
  const readingConfig = new Set();
  const phaseOfNode = (id) => {
    if (phaseCache.has(id)) return phaseCache.get(id);
    const leaf = nodes.get(id).callFrame;
    let phase;
    if (leaf.functionName === '(garbage collector)') phase = 'garbage collector';
    else if (leaf.functionName === '(idle)') phase = 'idle';
    else {
      let compiling = false;
      for (let at = id; at !== undefined; at = parents.get(at)) {
        const { callFrame } = nodes.get(at);
        if (!phase && evaluating(callFrame)) phase = 'start-up';
        const module = moduleOf(callFrame);
        if (!module) continue;
        // Everything under compileSchema (reading the schema files, ajv's compile) is compiling.
        // (An await cuts the stack: reading the schema's files resumes under its own name.)
        if (/^src\/checks\/schema(?:-refs)?\.ts$/.test(module) && /^(?:compile|readSchemaFile|loadSchemaGraph|loadSchemaDocuments)/.test(callFrame.functionName)) compiling = true;
        if (!phase) phase = MODULE_PHASES.find(([pattern]) => pattern.test(module))?.[1];
        if (/^readConfig\d*$/.test(callFrame.functionName)) readingConfig.add(id);
      }
      if (compiling) {
        phase = 'schema compile';
        readingConfig.delete(id);
      }
      phase ??= 'other';
    }
    phaseCache.set(id, phase);
    return phase;
  };
  const before = new Map();
  const after = new Map();
  let firstConfigMs;
  let elapsed = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    elapsed += ms;
    total += ms;
    const phase = phaseOfNode(id);
    if (firstConfigMs === undefined && readingConfig.has(id)) firstConfigMs = elapsed - ms;
    const into = firstConfigMs === undefined ? before : after;
    into.set(phase, (into.get(phase) ?? 0) + ms);
  });
  const rows = PHASES.map(([phase, meaning]) => ({ phase, meaning, beforeMs: before.get(phase) ?? 0, afterMs: after.get(phase) ?? 0 })).filter(
    (row) => row.beforeMs + row.afterMs > 0,
  );
  return { totalMs: total, firstConfigMs, rows };
}

/** The phase table of the one profile `node --cpu-prof --cpu-prof-dir DIR` wrote into DIR, if any. */
export function phaseTableIn(dir) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  return file ? phaseTable(path.join(dir, file)) : undefined;
}

const msText = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString('en-US')} ms`);

/** The phase table as markdown lines. */
export function renderPhases(table) {
  const out = [];
  out.push(
    `By phase (each sample charged to the innermost compat-gate frame on its stack; "before" is before the first config was read, ` +
      `${table.firstConfigMs === undefined ? 'which never happened' : `${msText(table.firstConfigMs)} into the profile`}):`,
  );
  out.push('');
  out.push('| phase | before the first config | after | total | share | what |');
  out.push('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of table.rows) {
    const sum = row.beforeMs + row.afterMs;
    out.push(`| ${row.phase} | ${msText(row.beforeMs)} | ${msText(row.afterMs)} | ${msText(sum)} | ${Math.round((100 * sum) / table.totalMs)}% | ${row.meaning} |`);
  }
  out.push('');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/bench/phases.mjs FILE.cpuprofile');
    process.exit(2);
  }
  console.log(renderPhases(phaseTable(path.resolve(file))).join('\n'));
}
