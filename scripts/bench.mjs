// npm run bench: compat-gate at thousands of configs, against the pipeline maintainers write by
// hand and against the floor, measured in the same run on the same generated repositories.
//
//   node scripts/bench.mjs                       sizes 500, 2,000, 4,000 and 10,000 (long: minutes on 2 cores)
//   npm run bench -- --sizes 500,2000            chosen sizes
//   node scripts/bench.mjs --quick               500 configs, one run each, k = 1 only
//
// At each size it runs, alternating and taking medians: the gate (on every core and pinned to
// one), the js-yaml floor and the `yaml` floor (scripts/bench-floor.mjs), the hand-written
// pipeline, check-jsonschema, the gate with the loader and one loader process over the same
// files. Needs `npm ci && npm run build` (it runs the bundled dist/index.js), git, python3 with
// PyYAML and jsonschema, and GNU time at /usr/bin/time for peak memory. check-jsonschema is
// installed from PyPI into a venv under ~/.cache/compat-gate-bench when it is not on PATH.
// Rewrites bench/results.md unless --no-write is given; --keep leaves the generated
// repositories in place.
//
// The parts, each readable alone: bench/options.mjs (flags, names, targets), bench/preflight.mjs
// (tools and versions), bench/fixtures.mjs (generated repositories, fake GitHub API),
// bench/runners.mjs (the gate and what it is compared with, measured), bench/probes.mjs
// (start-up, CPU profile, loader layer) and bench/report.mjs (the markdown).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { args, clock, CORES, log, RESULTS, runsFor, sizes, TASKSET, TOKEN } from './bench/options.mjs';
import { buildRepository, startApi } from './bench/fixtures.mjs';
import { actionDefaults, exportForLoaderFloor, findCheckJsonschema, judgedRefs, LOADER_INPUTS, medianOf, runCheckJsonschema, runFloor, runGate, runHandwritten, runLoaderFloor, SCHEMA_INPUTS, STARTUP_CONFIGS, timeline, writeWrappers } from './bench/runners.mjs';
import { loaderLayer, measureStartup, summarizeProfile } from './bench/probes.mjs';
import { count, ms, render } from './bench/report.mjs';
import { phaseTableIn } from './bench/phases.mjs';

async function main() {
  // Short folder names: the loader gets config paths under RUNNER_TEMP, and the length of those
  // paths sets how many fit in one loader process (a runner's is /home/runner/work/_temp).
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cgb-'));
  const api = await startApi();
  const sizesDone = [];
  const loaderRows = [];
  const notes = [];
  let startup;
  const profiles = [];
  const started = clock();
  const checkJsonschema = args['no-check-jsonschema'] ? undefined : findCheckJsonschema(notes);
  if (!TASKSET && CORES > 1) notes.push('taskset is not on PATH: the gate was not also measured on one core.');
  try {
    log(`start-up: ${STARTUP_CONFIGS} configs, 5 traced runs with a token and 5 without`);
    const small = await buildRepository(path.join(scratch, 'startup'), STARTUP_CONFIGS);
    await writeWrappers(path.join(small.root, 'wrappers'));
    api.state.repo = small;
    startup = await measureStartup(small, api, 5);
    if (!args.keep) await rm(small.root, { recursive: true, force: true });
    for (const n of sizes) {
      log(`N=${n}: generating the repositories`);
      const t = clock();
      const repo = await buildRepository(path.join(scratch, `n${n}`), n);
      await writeWrappers(path.join(repo.root, 'wrappers'));
      api.state.repo = repo;
      log(`N=${n}: generated in ${ms(clock() - t)}; tracing one gate run`);
      const traced = await runGate(repo, api, { inputs: SCHEMA_INPUTS, trace: true });
      if (traced.report.verdict !== 'pass' || traced.report.counts.configs !== n) {
        throw new Error(`the gate should pass ${n} configs, got ${traced.report.verdict} with ${traced.report.counts.configs} configs`);
      }
      const refs = judgedRefs(repo, traced);
      if (refs.length < 2 && !notes.some((note) => note.startsWith('The action reports no release'))) {
        notes.push(
          `The action reports no release (\`outputs.release\` is empty with \`release: ${args.release ?? actionDefaults(TOKEN).release}\`), so it judges the base only; ` +
            'the floor and the hand-written pipeline then read the base only too. Once the action reports the release, every pipeline reads both refs.',
        );
      }
      const runs = runsFor(n);
      const expected = n * refs.length;
      const loaderFiles = args['no-loader'] ? undefined : await exportForLoaderFloor(repo, refs);
      const parts = [
        ['gate', () => runGate(repo, api, { inputs: SCHEMA_INPUTS })],
        ...(TASKSET && CORES > 1 ? [['gate1', () => runGate(repo, api, { inputs: SCHEMA_INPUTS, oneCore: true })]] : []),
        ['floor', () => runFloor(repo, refs, 'js-yaml')],
        ['yamlFloor', () => runFloor(repo, refs, 'yaml')],
        ...(args['no-handwritten'] ? [] : [['handwritten', () => runHandwritten(repo, refs)]]),
        ...(checkJsonschema ? [['checkJsonschema', () => runCheckJsonschema(repo, refs, checkJsonschema)]] : []),
        ...(loaderFiles ? [['gateLoader', () => runGate(repo, api, { inputs: LOADER_INPUTS, env: { BENCH_LOADER_REJECT: '' } })], ['loaderFloor', () => runLoaderFloor(repo, loaderFiles)]] : []),
      ];
      log(`N=${n}: refs judged: ${refs.map((ref) => ref.name).join(', ')}; timing ${parts.map(([name]) => name).join(', ')}, alternately (${runs}× each)`);
      // Alternating, so that load from other processes on the machine falls on all alike.
      const results = Object.fromEntries(parts.map(([name]) => [name, []]));
      for (let i = 0; i < runs; i++) {
        for (const [name, run] of parts) results[name].push(await run());
      }
      const medians = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, medianOf(list)]));
      const { floor, yamlFloor, handwritten } = medians;
      log(`N=${n}: ${Object.entries(medians).map(([name, result]) => `${name} ${ms(result.wallMs)}`).join(', ')}`);
      for (const [name, result] of [['js-yaml floor', floor], ['yaml floor', yamlFloor]]) {
        if (result.summary.configs !== expected || result.summary.invalid !== 0 || result.summary.unreadable !== 0) {
          throw new Error(`the ${name} should validate ${expected} configs, all valid: ${JSON.stringify(result.summary)}`);
        }
      }
      if (handwritten && (handwritten.summary.configs !== expected || handwritten.summary.invalid !== 0)) {
        throw new Error(`the hand-written pipeline should validate ${expected} configs, all valid: ${JSON.stringify(handwritten.summary)}`);
      }
      if (medians.checkJsonschema && !medians.checkJsonschema.ok) {
        notes.push(`check-jsonschema at ${count(n)} did not pass every config (${medians.checkJsonschema.output}); its time is still shown.`);
      }
      if (medians.gateLoader && (medians.gateLoader.report.verdict !== 'pass' || judgedRefs(repo, medians.gateLoader).length !== refs.length)) {
        throw new Error(`the gate with the loader should pass on ${refs.length} refs: ${medians.gateLoader.report.verdict}`);
      }
      if (loaderFiles && loaderFiles.length !== expected) throw new Error(`the loader floor should load ${expected} files, got ${loaderFiles.length}`);
      sizesDone.push({ n, runs, refs, ...medians, traced, trace: timeline(traced) });
      if (!args['no-profile'] && n === Math.max(...sizes)) {
        log(`N=${n}: CPU profile of the gate`);
        const dir = path.join(repo.root, 'cpu-profile');
        await runGate(repo, api, { inputs: SCHEMA_INPUTS, cpuProf: dir });
        profiles.push({ order: 0, title: `schema layer, ${count(n)} configs × ${refs.length} refs`, ...(await summarizeProfile(dir)), phases: phaseTableIn(dir) });
      }
      if (!args['no-loader']) {
        loaderRows.push(...(await loaderLayer(repo, api)));
        if (!args['no-profile'] && n === Math.min(...sizes)) {
          log(`N=${n}: CPU profile of the gate with the loader (k=0)`);
          const dir = path.join(repo.root, 'cpu-profile-loader');
          await runGate(repo, api, { inputs: LOADER_INPUTS, env: { BENCH_LOADER_REJECT: '' }, cpuProf: dir });
          profiles.push({ order: 1, title: `loader layer, ${count(n)} configs × 2 refs, k = 0`, ...(await summarizeProfile(dir)), phases: phaseTableIn(dir) });
        }
      }
      if (!args.keep) await rm(repo.root, { recursive: true, force: true });
    }
  } finally {
    await api.close();
    if (args.keep) log(`kept ${scratch}`);
    else await rm(scratch, { recursive: true, force: true });
  }
  notes.push(
    'The floor and the hand-written pipeline read the bare origin, which holds every ref; the gate starts from the shallow checkout and ' +
      'fetches what it needs, as on a runner. The floors parse with js-yaml (its core schema with merge keys) or with the `yaml` package, ' +
      'and validate with ajv (draft-07, ajv-formats) as the gate does, without the gate\'s safety checks, positions or report. ' +
      'check-jsonschema exports each ref with `git archive | tar -x` (timed) and checks every file in one process.',
  );
  notes.push(
    `The hand-written pipeline: \`git ls-tree\`, then a bash loop running \`git show <ref>:<path>\` once per config into files, then ` +
      '`python3 scripts/bench-handwritten.py` (PyYAML `yaml.safe_load`, one jsonschema `Draft7Validator` with its format checker).',
  );
  notes.push(`Total bench time: ${ms(clock() - started)}.`);
  const markdown = render({ sizesDone, startup, loaderRows, profiles, notes });
  console.log(markdown);
  if (!args['no-write']) {
    const file = path.resolve(args.out ?? RESULTS);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, markdown + '\n');
    log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

await main();
