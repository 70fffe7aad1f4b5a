// The CLI's human output at size (dist/cli.js as a process): long lists are cut with a pointer
// to --json, loader messages keep their lines under their config and name repository paths,
// not the temp copies the loader read, pointers read unescaped, and counts read right.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);
const CONFIGS = Array.from({ length: 25 }, (_, i) => `conf/c${String(i + 1).padStart(2, '0')}.yaml`);

/** The base's loader refuses only the config that already fails main's schema (it has `x: 1`). */
const BASE_LOADER = `
import { readFileSync } from 'node:fs';
const refused = process.argv.slice(2).filter((file) => readFileSync(file, 'utf8').includes('x: 1'));
for (const file of refused) console.log(JSON.stringify({ file, ok: false, message: 'x must be a name' }));
process.exit(refused.length ? 1 : 0);
`;

/** The changed loader refuses every config, naming the file it was given, on two lines. */
const PR_LOADER = `
for (const file of process.argv.slice(2)) console.log(JSON.stringify({ file, ok: false, message: 'cannot read ' + file + '\\nport must be a name' }));
process.exit(1);
`;

let root = '';
let repo = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]): Promise<CliRun> {
  return runCli([...args], { cwd: repo, env: { ...env, NO_COLOR: '1' } });
}

const layer = HAS_DIST ? 'CLI output at size' : 'CLI output at size (skipped: dist/cli.js is missing, run `npm run build`)';
const ARGS = ['check', '--configs', 'conf/*.yaml', '--schema', 'schema.json', '--loader', 'node loader.mjs', '--base', 'main', '--release', 'none'];

describe.skipIf(!HAS_DIST)(layer, () => {
  let breaking: CliRun;
  let json: CliRun;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-cli-size-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    repo = path.join(root, 'repo');
    const git = (args: string[]) => runGit(repo, args, env);
    await mkdir(path.join(repo, 'conf'), { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    // The last config already fails on main (`x` must be a string there, and the loader refuses it): it is not blamed, and not "loaded".
    for (const config of CONFIGS) await writeFile(path.join(repo, config), `rules:\n  angular-eslint/component: 1\n${config === CONFIGS.at(-1) ? 'x: 1\n' : ''}`);
    await writeFile(path.join(repo, 'schema.json'), JSON.stringify({ properties: { x: { type: 'string' } } }));
    // The base's loader refuses the last config too: it fails on main in every layer.
    await writeFile(path.join(repo, 'loader.mjs'), BASE_LOADER);
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['checkout', '--quiet', '-b', 'change']);
    await writeFile(path.join(repo, 'schema.json'), JSON.stringify({ properties: { x: { type: 'string' }, rules: { properties: { 'angular-eslint/component': { type: 'string' } } } } }));
    await writeFile(path.join(repo, 'loader.mjs'), PR_LOADER);
    await git(['commit', '--quiet', '-am', 'feat: rules are names']);
    [breaking, json] = await Promise.all([cli(ARGS), cli([...ARGS, '--json'])]);
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('breaks the 24 configs that loaded, as the fixture means to', () => {
    expect(breaking.code).toBe(1);
    expect(JSON.parse(json.stdout).counts).toMatchObject({ configs: 25, broken: 24, failingOnBase: 1 });
  });

  it('shows 20 broken configs and says how many more --json has', () => {
    const listed = CONFIGS.filter((config) => breaking.stdout.includes(`✗ ${config}`));
    expect(listed).toEqual(CONFIGS.slice(0, 20));
    expect(breaking.stdout).toContain('… and 4 more (see --json)');
    expect(JSON.parse(json.stdout).configs.filter((config: { status: string }) => config.status === 'broken')).toHaveLength(24);
  });

  it('shows pointers unescaped in the terminal, and keeps them escaped in the JSON', () => {
    expect(breaking.stdout).toContain('schema at /rules/angular-eslint/component:');
    expect(breaking.stdout).toContain('schema change: `/rules/angular-eslint/component` must now be');
    expect(breaking.stdout, breaking.stdout.split('\n').filter((line) => line.includes('~1')).join('\n')).not.toContain('~1');
    expect(json.stdout).toContain('"/rules/angular-eslint~1component"');
  });

  it('indents a multi-line loader message under its config and names the repository path', () => {
    const lines = breaking.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('loader: cannot read conf/c01.yaml'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/^ {6}loader: cannot read conf\/c01\.yaml$/);
    expect(lines[at + 1]).toBe('        port must be a name');
    expect(breaking.stdout).not.toContain(tmpdir());
    // The JSON report carries the repository path too: every output reads the same message.
    const c01 = JSON.parse(json.stdout).configs.find((config: { path: string }) => config.path === 'conf/c01.yaml');
    expect(c01.errors.find((finding: { layer: string }) => finding.layer === 'loader').message).toBe('cannot read conf/c01.yaml\nport must be a name');
  });

  it('counts read right: "all" only when all loaded, "1 config" alone', async () => {
    const one = await cli(['check', '--configs', 'conf/c01.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none']);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('breaking — 1 config from main no longer loads');
    expect(one.stdout).toContain('Checked 1 config from main');
    await runGit(repo, ['checkout', '--quiet', 'main'], env);
    try {
      const pass = await cli(ARGS);
      expect(pass.code).toBe(0);
      expect(pass.stdout.split('\n')[0]).toBe('compat-gate: pass — the 24 of 25 configs from main that loaded there still load');
      const single = await cli(['check', '--configs', 'conf/c01.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none']);
      expect(single.stdout.split('\n')[0]).toBe('compat-gate: pass — 1 config from main still loads');
      expect(single.stdout).toContain('Checked 1 config from main');
    } finally {
      await runGit(repo, ['checkout', '--quiet', 'change'], env);
    }
  });
});
