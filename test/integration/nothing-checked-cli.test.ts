// The CLI as a process (dist/cli.js) on real git repositories: a check that compared nothing
// exits 2 with the cause and the fix, never 0; a base without configs while the change adds
// some exits 0 and says so; one layer's old failure never hides the other layer's regression.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);

interface CliReportRun extends CliRun {
  report: { verdict: string; error?: { message: string; hint?: string }; configs: Array<{ path: string; status: string; layers?: unknown }>; firstConfigs?: number };
}

let root = '';
let env: NodeJS.ProcessEnv = {};
let repos = 0;

const schema = (max: number) =>
  JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer', maximum: max }, debug: { type: 'boolean' } } });

/** A repository with `main` and a `change` branch checked out on top of it. */
async function repository(main: Record<string, string>, change: Record<string, string | null>): Promise<string> {
  const repo = path.join(root, `repo-${++repos}`);
  const git = (args: string[]) => runGit(repo, args, env);
  await mkdir(repo, { recursive: true });
  await git(['init', '--quiet', '--initial-branch=main']);
  const write = async (files: Record<string, string | null>) => {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) await git(['rm', '--quiet', file]);
      else {
        await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
        await writeFile(path.join(repo, file), content);
      }
    }
    await git(['add', '--all']);
  };
  await write({ 'README.md': '# server\n', ...main });
  await git(['commit', '--quiet', '-m', 'feat: server']);
  await git(['checkout', '--quiet', '-b', 'change']);
  await write(change);
  await git(['commit', '--quiet', '--allow-empty', '-m', 'fix: the change']);
  return repo;
}

async function cli(repo: string, args: string[]): Promise<CliReportRun> {
  const { stdout, stderr, code } = await runCli(['check', '--base', 'main', '--release', 'none', '--json', ...args], { cwd: repo, env: { ...env, NO_COLOR: '' } });
  let report: CliReportRun['report'];
  try {
    report = JSON.parse(stdout) as CliReportRun['report'];
  } catch {
    report = { verdict: `unparsable stdout: ${stdout.slice(0, 500)} / ${stderr.slice(0, 500)}`, configs: [] };
  }
  return { code, stdout, stderr, report };
}

const layer = HAS_DIST ? 'the CLI never passes a check that compared nothing' : 'the CLI never passes a check that compared nothing (skipped: dist/cli.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-nothing-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('exits 2 when the patterns match no file on the base nor in the checkout, naming the patterns', async () => {
    const repo = await repository({ 'configs/a.yaml': 'port: 80\n', 'schema.json': schema(65535) }, {});
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--schema', 'schema.json']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toMatch(/^Nothing was checked: no file matches the `configs` patterns \(`config\/\*\.yaml`\) on the base `main` .* nor in the PR checkout/);
  }, 60_000);

  it('exits 0 when the base has no config and the change adds the first ones, and says so', async () => {
    const repo = await repository({ 'schema.json': schema(65535) }, { 'config/a.yaml': 'port: 80\n' });
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--schema', 'schema.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.report.verdict).toBe('pass');
    expect(run.report.firstConfigs).toBe(1);
  }, 60_000);

  it('exits 2 when the base\'s loader loads none of the base\'s configs with its own code', async () => {
    const repo = await repository(
      { 'config/a.yaml': 'port: 80\n', 'config/b.yaml': 'port: 81\n', 'load.js': "require('a-module-nobody-installed');\n" },
      { 'load.js': 'process.exit(process.argv.slice(2).some((file) => file.endsWith("b.yaml")) ? 1 : 0);\n' },
    );
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--loader', 'node load.js']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.report.error?.message).toMatch(/^The loader loaded none of 2 configs of the base with the base's own code .*a-module-nobody-installed/);
    expect(run.report.error?.hint).toContain('dependencies are installed');
  }, 60_000);

  it('exits 2 when the base\'s schema rejects every base config, and points at yaml-version for YAML 1.1 values', async () => {
    const repo = await repository({ 'config/a.yaml': 'port: 80\ndebug: yes\n', 'schema.json': schema(65535) }, { 'docs.md': 'x\n' });
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--schema', 'schema.json']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.report.error?.message).toMatch(/rejects every one of the 1 config of the base/);
    expect(run.report.error?.hint).toContain('set `yaml-version: 1.1`');
  }, 60_000);

  it('exits 2 when every matched config is unreadable, with the first reason', async () => {
    const repo = await repository({ 'config/a.yaml': 'port: [80\n', 'schema.json': schema(65535) }, { 'docs.md': 'x\n' });
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--schema', 'schema.json']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.report.error?.message).toMatch(/^Nothing could be checked: none of the 1 file .* the first: `config\/a\.yaml`: /);
  }, 60_000);

  it('exits 1 when the loader regresses on a config the schema already rejected on the base', async () => {
    const loader = (max: number) =>
      `const { readFileSync } = require('node:fs');\nlet bad = 0;\nfor (const f of process.argv.slice(2)) { const port = Number(/port: (\\d+)/.exec(readFileSync(f, 'utf8'))[1]); if (port > ${max}) { bad++; console.error(f + ': port above ${max}'); } }\nprocess.exit(bad ? 1 : 0);\n`;
    const repo = await repository(
      { 'config/a.yaml': 'port: 9090\ndebug: yes\n', 'schema.json': schema(65535), 'load.js': loader(65535) },
      { 'schema.json': schema(9000), 'load.js': loader(9000) },
    );
    const run = await cli(repo, ['--configs', 'config/*.yaml', '--schema', 'schema.json', '--loader', 'node load.js']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.report.verdict).toBe('breaking');
    expect(run.report.configs[0]).toMatchObject({ status: 'broken', layers: { schema: { base: 'rejects', pr: 'rejects' }, loader: { base: 'accepts', pr: 'rejects' } } });
  }, 60_000);
});
