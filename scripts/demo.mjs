// npm run demo: builds an example repository from examples/stack/ and runs the gate on a
// pull request that breaks some of its configs, first as is, then acknowledged.
// Needs Node and git; uses the Python loader when python3 has PyYAML and pydantic. The suite layer
// starts the example's server on 127.0.0.1 (its config's port, or STACK_PORT) with one config.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_EXPECTED, EXAMPLE_TITLE, buildExampleRepo } from './example-repo.mjs';

const project = fileURLToPath(new URL('..', import.meta.url));
const cli = join(project, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (it is committed, so a fresh clone has it).');
  process.exit(2);
}

// COMPAT_GATE_DEMO_KEEP=1 keeps the repository and the report to look at afterwards; without
// it both are deleted at the end, so their paths are not printed.
const keep = Boolean(process.env.COMPAT_GATE_DEMO_KEEP);
// The integration suite: the server started with one config on its port, one request per API.
const SUITE = 'node tests/smoke.cjs {config}';
const SUITE_CONFIG = 'distributions/ollama/run.yaml';
const work = mkdtempSync(join(tmpdir(), 'compat-gate-demo-'));
const repo = join(work, 'stack');
const env = {
  ...process.env,
  // The Node loader requires `yaml`, installed with compat-gate's development dependencies.
  NODE_PATH: join(project, 'node_modules'),
};

try {
  buildExampleRepo(repo);

  const python = spawnSync('python3', ['-c', 'import yaml, pydantic'], { stdio: 'ignore' }).status === 0;
  const loader = python ? 'python3 loader/load_config.py' : 'node loader/load_config.cjs';
  const title = EXAMPLE_TITLE;
  console.log(keep ? `Example repository (kept): ${repo}` : 'Example repository (deleted at the end; COMPAT_GATE_DEMO_KEEP=1 keeps it):');
  console.log('  main        5 distributions (distributions/*/run.yaml), a JSON Schema, a runtime loader,');
  console.log('              the server and its smoke suite (starts it on 127.0.0.1 with one config); tag v0.1.0');
  console.log('  the PR      drops `telemetry` from the schema and the server, `inline::meta-reference` from the loader');
  console.log(`  loader      ${loader}${python ? '' : ' (python3 with PyYAML and pydantic not found)'}`);
  console.log(`  suite       ${SUITE}, on the CI distribution (${SUITE_CONFIG})\n`);

  const run = (label, extra) => {
    const layers = ['--schema', 'schema/run.schema.json', '--loader', loader, '--suite', SUITE, '--suite-configs', SUITE_CONFIG];
    const args = [cli, 'check', '--configs', 'distributions/*/run.yaml', ...layers, '--base', 'main', ...extra];
    const shown = [...layers, '--base', 'main', ...extra].map((a) => (/[ {}*]/.test(a) ? `'${a}'` : a)).join(' ');
    console.log(`$ compat-gate check --configs 'distributions/*/run.yaml' ${shown}`);
    console.log(`  (${label})\n`);
    const result = spawnSync(process.execPath, args, { cwd: repo, env, encoding: 'utf8' });
    process.stdout.write(result.stdout.replace(/^/gm, '  '));
    if (result.stderr) process.stderr.write(result.stderr);
    console.log(`  exit code ${result.status}\n`);
    return result.status;
  };

  // The report sits next to the repository, named relative to it in the command shown.
  const breaking = run('the PR as opened: not acknowledged', ['--title', title, '--report', '../report.json']);
  const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
  console.log(`The JSON report (${keep ? join(work, 'report.json') : '../report.json'}) says: verdict=${report.verdict}, broken=${report.counts.broken}, ` +
    `already failing=${report.counts.failingOnBase}, loader processes=${report.loader?.processes ?? 0}, ` +
    `suite runs=${report.suite?.processes ?? 0} (one at a time).\n`);
  const acknowledged = run('the same PR, retitled as a breaking change', ['--title', title.replace('refactor:', 'refactor!:')]);

  const ollama = report.configs.find((config) => config.path === SUITE_CONFIG);
  const suiteBroke = ollama?.layers?.suite?.pr === 'rejects' && ollama?.layers?.suite?.base === 'accepts';
  const ok = breaking === 1 && acknowledged === 0 && report.counts.broken === EXAMPLE_EXPECTED.broken && suiteBroke;
  console.log(ok ? 'Demo finished: the gate stopped the break, then let the acknowledged break through.' : 'Demo did not behave as expected.');
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
