// npm run demo: builds an example repository from examples/stack/ and runs the gate on a
// pull request that breaks some of its configs, first as is, then acknowledged.
// Needs Node and git; uses the Python loader when python3 has PyYAML and pydantic.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('..', import.meta.url));
const example = join(project, 'examples', 'stack');
const cli = join(project, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (it is committed, so a fresh clone has it).');
  process.exit(2);
}

const repo = mkdtempSync(join(tmpdir(), 'compat-gate-demo-'));
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
  // The Node loader requires `yaml`, installed with compat-gate itself.
  NODE_PATH: join(project, 'node_modules'),
};
const git = (...args) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: repo, env, stdio: 'pipe' });
const copy = (from, ...paths) => {
  for (const path of paths) cpSync(join(example, from, path), join(repo, path), { recursive: true });
};

try {
  git('init', '-q', '-b', 'main');
  copy('base', 'schema', 'loader', 'distributions/ollama', 'distributions/vllm', 'distributions/bedrock');
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: ollama, vllm and bedrock distributions');
  git('tag', 'v0.1.0');
  copy('base', 'distributions/starter', 'distributions/experimental');
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: starter distribution, experimental draft');
  git('switch', '-q', '-c', 'drop-telemetry');
  copy('pr', 'schema', 'loader');
  git('add', '-A');
  git('commit', '-q', '-m', 'refactor: drop the telemetry API and meta-reference inference');

  const python = spawnSync('python3', ['-c', 'import yaml, pydantic'], { stdio: 'ignore' }).status === 0;
  const loader = python ? 'python3 loader/load_config.py' : 'node loader/load_config.cjs';
  const title = 'refactor: drop the telemetry API and meta-reference inference';
  console.log(`Example repository: ${repo}`);
  console.log('  main        5 distributions (distributions/*/run.yaml), a JSON Schema, a runtime loader; tag v0.1.0');
  console.log('  the PR      drops `telemetry` from the schema and `inline::meta-reference` from the loader');
  console.log(`  loader      ${loader}${python ? '' : ' (python3 with PyYAML and pydantic not found)'}\n`);

  const run = (label, extra) => {
    const args = [cli, 'check', '--configs', 'distributions/*/run.yaml', '--schema', 'schema/run.schema.json', '--loader', loader, '--base', 'main', ...extra];
    console.log(`$ compat-gate check --configs 'distributions/*/run.yaml' --schema schema/run.schema.json --loader '${loader}' --base main ${extra.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
    console.log(`  (${label})\n`);
    const result = spawnSync(process.execPath, args, { cwd: repo, env, encoding: 'utf8' });
    process.stdout.write(result.stdout.replace(/^/gm, '  '));
    if (result.stderr) process.stderr.write(result.stderr);
    console.log(`  exit code ${result.status}\n`);
    return result.status;
  };

  const reportPath = `${repo}-report.json`;
  const breaking = run('the PR as opened: not acknowledged', ['--title', title, '--report', reportPath]);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  console.log(`The JSON report (${reportPath}) says: verdict=${report.verdict}, broken=${report.counts.broken}, ` +
    `already failing=${report.counts.failingOnBase}, loader processes=${report.loader?.processes ?? 0}.\n`);
  const acknowledged = run('the same PR, retitled as a breaking change', ['--title', title.replace('refactor:', 'refactor!:')]);

  const ok = breaking === 1 && acknowledged === 0 && report.counts.broken === 3;
  console.log(ok ? 'Demo finished: the gate stopped the break, then let the acknowledged break through.' : 'Demo did not behave as expected.');
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!process.env.COMPAT_GATE_DEMO_KEEP) {
    rmSync(repo, { recursive: true, force: true });
    rmSync(`${repo}-report.json`, { force: true });
  }
}
