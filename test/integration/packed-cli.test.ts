import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

// The package as users get it: `npm pack`, then the tarball installed in an empty folder, then its
// `compat-gate` command run on a git repository. Needs a built dist/ (`npm run build`).

const project = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

describe('the npm package', () => {
  let temp: string;
  let installed: string;
  let tarball: string;
  let repo: string;
  let gitEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'compat-gate-pack-'));
    const packed = JSON.parse(
      await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: project }),
    ) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(temp, packed[0]!.filename);
    installed = path.join(temp, 'user');
    await mkdir(installed);
    await writeFile(path.join(installed, 'package.json'), '{ "name": "user", "private": true }\n');
    await run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', tarball], { cwd: installed });

    repo = path.join(temp, 'repo');
    await mkdir(path.join(repo, 'configs'), { recursive: true });
    gitEnv = isolatedGitEnv(temp);
    const git = (...args: string[]) => runGit(repo, ['-c', 'commit.gpgsign=false', ...args], gitEnv);
    const schema = (maximum?: number) =>
      JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer', minimum: 1, ...(maximum ? { maximum } : {}) } } }, null, 2);
    await git('init', '-q', '-b', 'main');
    await writeFile(path.join(repo, 'schema.json'), schema());
    await writeFile(path.join(repo, 'configs', 'small.yaml'), 'port: 80\n');
    await writeFile(path.join(repo, 'configs', 'large.yaml'), 'port: 8080\n');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'two configs and a schema');
    await git('switch', '-q', '-c', 'cap-port');
    await writeFile(path.join(repo, 'schema.json'), schema(1024));
    await git('commit', '-q', '-am', 'cap the port at 1024');
  }, 120_000);

  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('holds the bundle, the licences, action.yml, the report schema and the docs, and declares no runtime dependencies', async () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'node_modules', 'compat-gate', 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    // Nothing but compat-gate itself was installed.
    expect((await readdir(path.join(installed, 'node_modules'))).filter((name) => !name.startsWith('.'))).toEqual(['compat-gate']);
    for (const file of ['dist/index.js', 'dist/cli.js', 'dist/licenses.txt', 'action.yml', 'schemas/report.schema.json', 'schemas/acknowledgements.schema.json', 'docs/inputs.md', 'docs/loader-and-suite.md', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(existsSync(path.join(installed, 'node_modules', 'compat-gate', file)), file).toBe(true);
    }
    expect(existsSync(path.join(installed, 'node_modules', 'compat-gate', 'src'))).toBe(false);
    const licences = readFileSync(path.join(installed, 'node_modules', 'compat-gate', 'dist', 'licenses.txt'), 'utf8');
    // The packages whose code runs: validation, YAML, globs, the Actions toolkit, the GitHub SDK.
    // saxes reads the suite's JUnit reports.
    for (const name of ['ajv', 'yaml', 'picomatch', 'saxes', '@actions/core', '@octokit/core']) {
      expect(licences).toMatch(new RegExp(`^${name.replace('/', '\\/')}@\\d+\\.\\d+\\.\\d+\\nLicense: \\S+\\n\\n\\S`, 'm'));
    }
    // Type-only packages are not bundled, so not listed.
    expect(licences).not.toMatch(/^@types\//m);
  });

  const cli = (args: readonly string[]) =>
    spawnSync(path.join(installed, 'node_modules', '.bin', 'compat-gate'), args, {
      cwd: repo,
      encoding: 'utf8',
      // The command's own `#!/usr/bin/env node` finds the Node that runs the tests.
      env: { ...gitEnv, PATH: `${path.dirname(process.execPath)}${path.delimiter}${gitEnv['PATH']}` },
    });
  const judge = ['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none', '--json'];

  it('installs a compat-gate command that prints its version', () => {
    const result = cli(['--version']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toContain(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).version);
  });

  it('fails a change that breaks an old config, with exit code 1 and verdict breaking', () => {
    const result = cli([...judge, '--title', 'fix: cap the port']);
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.verdict).toBe('breaking');
    expect(report.counts.broken).toBe(1);
    expect(report.configs.find((config: { path: string }) => config.path === 'configs/large.yaml')?.status).toBe('broken');
  });

  it('lets the same change through when its title acknowledges the break', () => {
    const result = cli([...judge, '--title', 'fix!: cap the port']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('acknowledged');
  });
});
