// The measurements beside the timed runs: start-up (from `node dist/index.js` to its first git
// call) and the bundle's size, the gate's CPU profile by bundled module, and the loader layer
// (processes started when 0 or k configs fail in the loader only).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ACTION, clock, loaderKs, log, ROOT } from './options.mjs';
import { PATH } from './preflight.mjs';
import { serviceName } from './fixtures.mjs';
import { judgedRefs, LOADER_INPUTS, median, readTrace, runGate, SCHEMA_INPUTS, timeline } from './runners.mjs';

export async function measureStartup(repo, api, count) {
  const firstGitOf = (gate) => gate.calls.find((call) => call.tool === 'git').start - gate.started;
  const gates = [];
  const tokenless = [];
  for (let i = 0; i < count; i++) {
    gates.push(await runGate(repo, api, { inputs: SCHEMA_INPUTS, trace: true }));
    tokenless.push(firstGitOf(await runGate(repo, api, { inputs: { ...SCHEMA_INPUTS, 'github-token': '' }, trace: true })));
  }
  // The same wrapper under a node that does nothing but start git: Node's own start-up.
  const baseline = [];
  for (let i = 0; i < count; i++) {
    const traceLog = path.join(repo.root, `trace-baseline-${i}.log`);
    const env = { ...repo.env, BENCH_TRACE_LOG: traceLog, PATH: `${path.join(repo.root, 'wrappers')}:${PATH}` };
    const started = clock();
    execFileSync(process.execPath, ['-e', "require('node:child_process').execFileSync('git', ['--version'])"], { env, cwd: repo.root });
    const [first] = await readTrace(traceLog);
    baseline.push(first.start - started);
  }
  const firstGit = gates.map(firstGitOf);
  return {
    firstGitMs: median(firstGit),
    firstGitRuns: firstGit,
    tokenlessMs: median(tokenless),
    nodeBaselineMs: median(baseline),
    bundle: bundleSize(ACTION),
  };
}

/**
 * What `node dist/index.js` loads: the entry and the chunks it imports statically (parsed at
 * start-up), and the chunks behind dynamic `import()` (loaded when needed, e.g. with a token).
 */
function bundleSize(entry) {
  const eager = new Set();
  const lazy = new Set();
  const visit = (file, into) => {
    if (eager.has(file) || into.has(file)) return;
    into.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:from\s*|import\s*(\()?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = path.resolve(path.dirname(file), match[2]);
      // The entry's own import() (its main module, after the compile cache is on) runs at once.
      if (existsSync(target)) visit(target, match[1] && file !== entry ? lazy : into);
    }
  };
  visit(entry, eager);
  for (const file of eager) lazy.delete(file);
  const measureFiles = (files) => {
    const bytes = Buffer.concat([...files].map((file) => readFileSync(file)));
    return { files: files.size, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return { eager: measureFiles(eager), lazy: measureFiles(lazy) };
}

// ---------------------------------------------------------------------------------------------
// CPU profile of the gate: self time by bundled module (esbuild marks each with `// <path>`).

/** Which bundled module a line of a dist file belongs to: esbuild marks each with `// <path>`. */
function bundleModules(file) {
  const starts = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      // A worktree whose node_modules links elsewhere bundles `// ../other/node_modules/…`.
      const match = /^\/\/ ((?:\.\.\/\S*?)?(?:src|node_modules)\/\S+)$/.exec(line);
      if (!match) return;
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(match[1]);
      starts.push({ line: index, module: pkg ? pkg[1] : match[1] });
    });
  return (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = `(${path.basename(file)}, outside any module)`;
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

export async function summarizeProfile(dir) {
  const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  const distUrl = `file://${path.join(ROOT, 'dist')}/`;
  const moduleMaps = new Map();
  const moduleAt = (url, line) => {
    if (!moduleMaps.has(url)) moduleMaps.set(url, bundleModules(fileURLToPath(url)));
    return moduleMaps.get(url)(line);
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const byModule = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame } = nodes.get(id);
    const special = /^\((?:garbage collector|program|idle|root)\)$/.test(callFrame.functionName);
    let where;
    if (special) where = callFrame.functionName === '(idle)' ? '(idle: waiting for git, the loader, I/O)' : callFrame.functionName;
    else if (callFrame.url.startsWith(distUrl)) where = moduleAt(callFrame.url, callFrame.lineNumber);
    else if (callFrame.url.startsWith('node:') || callFrame.url === '') where = '(node internals)';
    else where = callFrame.url;
    byModule.set(where, (byModule.get(where) ?? 0) + ms);
    if (!special) {
      const name = `${callFrame.functionName || '(anonymous)'} — ${where}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
    total += ms;
  }
  const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { totalMs: total, modules: top(byModule, 14), functions: top(byFunction, 14) };
}

// ---------------------------------------------------------------------------------------------
// The loader layer: processes started when 0 or k configs fail in the loader only.

/** k services spread evenly over the N, the ones the PR's loader will refuse. */
function rejected(n, k) {
  return Array.from({ length: k }, (_, j) => serviceName(Math.floor(((j + 0.5) * n) / k))).join(',');
}

export async function loaderLayer(repo, api) {
  const rows = [];
  // The k sweep judges the base only (`release: none`): the claim is about one evaluation. One
  // more run with the release shows what drift adds (the release's configs on the PR and the base).
  const cases = [{ k: 0 }, ...loaderKs.map((k) => ({ k })), { k: Math.max(...loaderKs), json: true }, { k: 0, release: true }];
  for (const { k, json, release } of cases) {
    log(`  loader layer: N=${repo.n}, k=${k}${json ? ', JSON lines' : ''}${release ? ', with the release' : ''}`);
    const env = { BENCH_LOADER_REJECT: rejected(repo.n, k), ...(json ? { BENCH_LOADER_JSON: '1' } : {}) };
    const inputs = release ? LOADER_INPUTS : { ...LOADER_INPUTS, release: 'none' };
    const gate = await runGate(repo, api, { inputs, env, trace: true });
    const t = timeline(gate);
    rows.push({
      n: repo.n,
      k,
      json: Boolean(json),
      refs: judgedRefs(repo, gate).length,
      processes: gate.report.loader?.processes,
      broken: gate.report.counts.broken,
      verdict: gate.report.verdict,
      wallMs: gate.wallMs,
      peakKb: gate.peakKb,
      loaderMs: t.loaderMs,
      gitMs: t.gitMs,
      traced: t.loaderProcesses,
    });
  }
  return rows;
}
