// The results, as markdown: bench/results.md, with the targets met or not.
import os from 'node:os';
import { CORES, LOADER_COMMAND, RELEASE_TAG, TARGET_FLOOR_RATIO, TARGET_HANDWRITTEN_RATIO, TARGET_LOADER_FLOOR_RATIO, TARGET_PEAK_MB, TARGET_SIZES } from './options.mjs';
import { distFingerprint, machine } from './preflight.mjs';
import { renderPhases } from './phases.mjs';

export const ms = (value) => (value === undefined ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString('en-US')} ms`);
const mb = (kb) => (kb ? `${Math.round(kb / 1024)} MB` : '—');
export const count = (value) => (value === undefined ? '—' : value.toLocaleString('en-US'));
const ratio = (value) => `${value.toFixed(2)}×`;
const mark = (met) => (met ? '✅ met' : '❌ not met');
/** The sizes a target is set for, as words: `2,000 and 10,000`. */
const sizesText = (list) => list.map(count).join(' and ');

export function render({ sizesDone, startup, loaderRows, profiles, notes }) {
  const out = [];
  out.push('# compat-gate benchmark');
  out.push('');
  const command = ['node scripts/bench.mjs', ...process.argv.slice(2)].join(' ');
  out.push(
    `Written by \`npm run bench\` (\`${command}\`) on ${machine.date}, commit ${machine.commit}${machine.dirty ? ' (src/ or dist/ modified)' : ''}, ` +
      `dist/ ${machine.dist}.`,
  );
  const distNow = distFingerprint();
  if (distNow !== machine.dist) {
    out.push('');
    out.push(`> **dist/ changed during the run** (${machine.dist} → ${distNow}): these results mix two builds; run the bench again.`);
  }
  out.push('');
  out.push(
    `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; load average ${machine.loadBefore.toFixed(1)} at the start, ` +
      `${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows every pipeline). Node ${machine.node}, git ${machine.git}, ` +
      `Python ${machine.python} (PyYAML ${machine.pyyaml}${machine.libyaml ? ' with libyaml' : ''}, jsonschema ${machine.jsonschema}).`,
  );
  out.push('');
  out.push(
    `Each repository is generated with \`git fast-import\`: N configs \`services/<i>/config.yaml\` (30–80 lines: nested objects, arrays of ` +
      `objects, enums, patterns, formats, a quarter with \`<<: *defaults\` merge keys) on \`main\`, the same N slightly different on tag ` +
      `\`${RELEASE_TAG}\` (no blob shared), a draft-07 schema with \`$ref\`s, \`oneOf\`, \`if\`/\`then\`, and a compatible PR (an optional ` +
      '`observability` block). The gate runs as the runner starts it: `node dist/index.js` in a fresh shallow checkout of the merge ' +
      'commit (fetch-depth 1), `INPUT_*` from action.yml, a `pull_request` event, a GitHub API on 127.0.0.1. ' +
      `Every pipeline of the first table: ${sizesDone.map((size) => `${size.runs} run${size.runs > 1 ? 's' : ''} each at ${count(size.n)}`).join(', ')} (alternating; the median is shown); ` +
      'the traced runs and the loader layer\'s k sweep: one run.',
  );
  out.push('');
  out.push('## Against the floors and peers');
  out.push('');
  out.push(
    `Medians of ${sizesDone.map((size) => `${size.runs} alternating run${size.runs > 1 ? 's' : ''} at ${count(size.n)}`).join(', ')}. ` +
      `"All cores" is the gate as it runs (${CORES} CPUs here); "1 core" pins it with \`taskset -c 0\`. The js-yaml floor is one node process ` +
      '(`ls-tree` per ref, one `cat-file --batch`, js-yaml, one compiled ajv validator); the `yaml` floor is the same with the `yaml` package. ' +
      'Per config: wall time ÷ configs read (N × refs). Peak: GNU time\'s maximum resident set.',
  );
  out.push('');
  out.push('| configs × refs | gate, all cores | gate, 1 core | js-yaml floor | `yaml` floor | hand-written | check-jsonschema | gate ÷ js-yaml floor (all / 1 core) | gate ÷ `yaml` floor | hand-written ÷ gate | check-jsonschema ÷ gate | gate per config | gate peak |');
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizesDone) {
    const { n, refs, gate, gate1, floor, yamlFloor, handwritten, checkJsonschema } = size;
    const per = (result) => `${count(Math.round((1000 * result.wallMs) / (n * refs.length)))} µs`;
    out.push(
      `| ${count(n)} × ${refs.length} | ${ms(gate.wallMs)} | ${gate1 ? ms(gate1.wallMs) : '—'} | ${ms(floor.wallMs)} | ${ms(yamlFloor.wallMs)} | ` +
        `${handwritten ? ms(handwritten.wallMs) : '—'} | ${checkJsonschema ? ms(checkJsonschema.wallMs) : '—'} | ` +
        `**${ratio(gate.wallMs / floor.wallMs)}** / ${gate1 ? ratio(gate1.wallMs / floor.wallMs) : '—'} | ${ratio(gate.wallMs / yamlFloor.wallMs)} | ` +
        `${handwritten ? `**${ratio(handwritten.wallMs / gate.wallMs)}**` : '—'} | ${checkJsonschema ? ratio(checkJsonschema.wallMs / gate.wallMs) : '—'} | ` +
        `${per(gate)} (floor ${per(floor)}) | ${mb(gate.peakKb)} |`,
    );
  }
  out.push('');
  const loaderSizes = sizesDone.filter((size) => size.gateLoader);
  if (loaderSizes.length > 0) {
    out.push(
      `Loader layer: the gate with \`loader: ${LOADER_COMMAND}\` (no schema, every config loads, base + release) against one ` +
        '`python3 load_config.py <every file of both refs>` process over the same files, exported beforehand (the export is not timed).',
    );
    out.push('');
    out.push('| configs × refs | gate with the loader | loader processes | one loader process | gate ÷ one loader process | gate peak |');
    out.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const size of loaderSizes) {
      const { n, refs, gateLoader, loaderFloor } = size;
      const loaderRatio = gateLoader.wallMs / loaderFloor.wallMs;
      out.push(
        `| ${count(n)} × ${refs.length} | ${ms(gateLoader.wallMs)} | ${count(gateLoader.report.loader?.processes)} | ${ms(loaderFloor.wallMs)} | ` +
          `**${ratio(loaderRatio)}** ${TARGET_SIZES.loader.includes(n) ? `${mark(loaderRatio <= TARGET_LOADER_FLOOR_RATIO)} (target ≤ ${TARGET_LOADER_FLOOR_RATIO}×)` : `(the target, ≤ ${TARGET_LOADER_FLOOR_RATIO}×, is set at ${sizesText(TARGET_SIZES.loader)})`} | ${mb(gateLoader.peakKb)} |`,
      );
    }
    out.push('');
  }
  out.push('## Schema layer');
  out.push('');
  out.push('| configs | pipeline | refs | wall time | peak memory | processes started | gate / floor | hand-written / gate |');
  out.push('| ---: | --- | :---: | ---: | ---: | --- | ---: | ---: |');
  for (const size of sizesDone) {
    const { n, refs, gate, floor, handwritten, trace } = size;
    const refNames = refs.map((ref) => ref.name).join(' + ');
    out.push(
      `| ${count(n)} | **gate** (\`node dist/index.js\`) | ${refNames} | ${ms(gate.wallMs)} | ${mb(gate.peakKb)} | ${trace.gitProcesses} git, 0 loader | ` +
        `**${ratio(gate.wallMs / floor.wallMs)}** | ${handwritten ? `**${ratio(handwritten.wallMs / gate.wallMs)}**` : '—'} |`,
    );
    out.push(`| ${count(n)} | js-yaml floor (1 node process) | ${refNames} | ${ms(floor.wallMs)} | ${mb(floor.peakKb)} | ${refs.length + 1} git | | |`);
    if (handwritten) {
      out.push(
        `| ${count(n)} | hand-written (\`git show\` per file + Python) | ${refNames} | ${ms(handwritten.wallMs)} | ${mb(handwritten.peakKb)} | ` +
          `${count(handwritten.processes - 1)} git, 1 python | | |`,
      );
    }
  }
  out.push('');
  out.push('Peak memory is GNU time\'s maximum resident set: the largest single process of the pipeline (for the gate, node).');
  out.push('');
  const handwrittenStages = sizesDone.filter((size) => size.handwritten);
  if (handwrittenStages.length > 0) {
    out.push('Hand-written pipeline by stage:');
    out.push('');
    for (const size of handwrittenStages) {
      const show = size.handwritten.stages.filter((stage) => stage.name.startsWith('git show')).reduce((sum, stage) => sum + stage.wallMs, 0);
      out.push(
        `- ${count(size.n)} configs: ${size.handwritten.stages.map((stage) => `${stage.name} ${ms(stage.wallMs)}`).join('; ')}. ` +
          `The \`git show\` loop alone takes ${ratio(show / size.gate.wallMs)} the gate's time.`,
      );
    }
    out.push('');
  }
  out.push('### Targets');
  out.push('');
  out.push('Each target at the sizes it is set for (configs × 2 refs); a size this run did not measure says so.');
  out.push('');
  out.push('| target | at | measured | |');
  out.push('| --- | ---: | ---: | --- |');
  const targetRows = [
    { name: `gate within ${TARGET_FLOOR_RATIO}× of the js-yaml floor`, at: TARGET_SIZES.floor, value: (size) => size.gate.wallMs / size.floor.wallMs, text: ratio, met: (value) => value <= TARGET_FLOOR_RATIO },
    {
      name: `gate ≥ ${TARGET_HANDWRITTEN_RATIO}× faster than hand-written`,
      at: TARGET_SIZES.handwritten,
      value: (size) => (size.handwritten ? size.handwritten.wallMs / size.gate.wallMs : undefined),
      text: ratio,
      met: (value) => value >= TARGET_HANDWRITTEN_RATIO,
    },
    { name: `gate peak memory < ${TARGET_PEAK_MB} MB`, at: TARGET_SIZES.peak, value: (size) => size.gate.peakKb, text: mb, met: (value) => value / 1024 < TARGET_PEAK_MB },
    {
      name: `the loader layer within ${TARGET_LOADER_FLOOR_RATIO}× of one loader process`,
      at: TARGET_SIZES.loader,
      value: (size) => (size.gateLoader && size.loaderFloor ? size.gateLoader.wallMs / size.loaderFloor.wallMs : undefined),
      text: ratio,
      met: (value) => value <= TARGET_LOADER_FLOOR_RATIO,
    },
  ];
  for (const target of targetRows) {
    for (const n of target.at) {
      const size = sizesDone.find((done) => done.n === n);
      const value = size ? target.value(size) : undefined;
      const oneRef = size && size.refs.length < 2 ? ' (1 ref: the target is for 2)' : '';
      out.push(`| ${target.name} | ${count(n)} | ${value === undefined ? 'not measured' : `${target.text(value)}${oneRef}`} | ${value === undefined ? '—' : mark(target.met(value))} |`);
    }
  }
  out.push('');

  out.push('## Where the gate\'s time goes');
  out.push('');
  out.push('From one more run with a wrapper first on PATH that logs when each git process starts and ends (it adds ~2 ms per call):');
  out.push('');
  out.push('| configs | wall time | spawn → first git | git processes (wall covered) | by git command | node without git |');
  out.push('| ---: | ---: | ---: | ---: | --- | ---: |');
  for (const size of sizesDone) {
    const t = size.trace;
    out.push(
      `| ${count(size.n)} | ${ms(size.traced.wallMs)} | ${ms(t.firstGitMs)} | ${t.gitProcesses} (${ms(t.gitMs)}) | ` +
        `${t.groups.map(([verb, group]) => `${verb} ×${group.count} ${ms(group.ms)}`).join(', ')} | ${ms(t.outsideMs)} |`,
    );
  }
  out.push('');
  for (const size of sizesDone) {
    const phases = size.floor.summary.phases;
    out.push(`Floor at ${count(size.n)}: ${Object.entries(phases).map(([name, value]) => `${name} ${ms(value)}`).join(', ')} (inside the process; node start-up is the rest).`);
  }
  out.push('');
  for (const profile of [...profiles].sort((a, b) => a.order - b.order)) {
    out.push(`CPU profile of the gate, ${profile.title} (\`node --cpu-prof dist/index.js\`, ${ms(profile.totalMs)} sampled), self time:`);
    out.push('');
    out.push('| by bundled module | self time | share |');
    out.push('| --- | ---: | ---: |');
    for (const [name, value] of profile.modules) out.push(`| ${name} | ${ms(value)} | ${Math.round((100 * value) / profile.totalMs)}% |`);
    out.push('');
    out.push('| by function | self time |');
    out.push('| --- | ---: |');
    for (const [name, value] of profile.functions) out.push(`| \`${name.replace(/\|/g, '\\|')}\` | ${ms(value)} |`);
    out.push('');
    if (profile.phases) out.push(...renderPhases(profile.phases));
  }

  out.push('## Start-up');
  out.push('');
  out.push('| measure | value |');
  out.push('| --- | ---: |');
  out.push(`| \`node dist/index.js\` spawned → its first git call (median of ${startup.firstGitRuns.length}, with a token: as on a runner) | ${ms(startup.firstGitMs)} |`);
  out.push(`| the same without a token (\`github-token: ''\`: the GitHub SDK is not loaded) | ${ms(startup.tokenlessMs)} |`);
  out.push(`| the same for \`node -e\` that only starts git (Node's own start-up) | ${ms(startup.nodeBaselineMs)} |`);
  const size = (part) => `${(part.bytes / 1024).toFixed(0)} KiB in ${part.files} file${part.files > 1 ? 's' : ''} (${(part.gzip / 1024).toFixed(0)} KiB gzip -9)`;
  out.push(`| bundle loaded at start: dist/index.js and the chunks it imports | ${size(startup.bundle.eager)} |`);
  if (startup.bundle.lazy.files > 0) out.push(`| chunks behind \`import()\` (loaded on demand, e.g. with a token) | ${size(startup.bundle.lazy)} |`);
  out.push('');

  if (loaderRows.length > 0) {
    out.push('## Loader layer');
    out.push('');
    out.push(
      `The gate with \`loader: ${LOADER_COMMAND}\` (PyYAML${machine.libyaml ? ' CSafeLoader' : ''} and checks in code; no schema). The PR's ` +
        'loader refuses k services spread over the N, which the schema would accept and the base\'s loader loads. It says which on stderr ' +
        'and exits 1, so the gate splits batches to attribute the failures; the "JSON lines" row prints a JSON line per failing config ' +
        'instead (`{"file", "ok": false, "message"}`, nothing for the configs that load). These runs judge the base only (`release: none`); ' +
        'the last row per size adds the release (the default `release: latest`). "Loader processes" is the report\'s ' +
        '`loader.processes`: every process the gate started, the PR\'s loader on the base\'s (and the release\'s) configs and the base\'s ' +
        'loader on the configs it must judge again. "Loader running" and "git running": wall time during which at least one such ' +
        'process ran (from wrappers on PATH).',
    );
    out.push('');
    out.push('| configs | k failing | refs | loader processes | more than k = 0 | k·⌈log₂ N⌉ | broken | verdict | wall time | loader running | git running | peak memory |');
    out.push('| ---: | ---: | :---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const row of loaderRows) {
      const zero = loaderRows.find((other) => other.n === row.n && other.k === 0 && other.refs === 1);
      const more = row.k === 0 || !zero ? '—' : `+${count(row.processes - zero.processes)}`;
      out.push(
        `| ${count(row.n)} | ${row.k}${row.json ? ' (JSON lines)' : ''} | ${row.refs === 1 ? 'base' : 'base + release'} | ${count(row.processes)} | ${more} | ` +
          `${row.k === 0 || row.json ? '—' : count(row.k * Math.ceil(Math.log2(row.n)))} | ` +
          `${count(row.broken)} | ${row.verdict} | ${ms(row.wallMs)} | ${ms(row.loaderMs)} | ${ms(row.gitMs)} | ${mb(row.peakKb)} |`,
      );
    }
    out.push('');
  }
  if (notes.length > 0) {
    out.push('## Notes');
    out.push('');
    for (const note of notes) out.push(`- ${note}`);
    out.push('');
  }
  return out.join('\n');
}
