// The CLI as a process (dist/cli.js, as `npx compat-gate` starts it) on a real git repository
// whose config names and loader messages carry terminal escape sequences and bidi controls.
// Its human output, piped as in CI, must show them escaped and never pass them to a terminal.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);

const CLEAR_SCREEN = '\u001b[2J';
const SET_TITLE = '\u001b]0;owned\u0007';
const C1_CSI = '\u009b2J';
const RLO = '\u202E';
/** Any byte a terminal acts on (C0 but line feed, DEL, C1), and bidi or zero-width characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/;

const CONFIGS = [`configs/clear${CLEAR_SCREEN}.yaml`, `configs/title${SET_TITLE}.yaml`, `configs/a${RLO}gnp.exe.yaml`, 'configs/plain.yaml'];

/** The changed loader refuses every config, with a message that would clear the screen and set the title. */
const PR_LOADER = `
const message = 'refused ${'\\u001b'}[2J ${'\\u001b'}]0;owned${'\\u0007'} ${'\\u009b'}2J ${RLO}gnp.exe\\nsecond line\\rhidden';
for (const file of process.argv.slice(2)) console.log(JSON.stringify({ file, ok: false, message }));
process.exit(1);
`;

let root = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]): Promise<CliRun> {
  return runCli([...args], { cwd: path.join(root, 'repo'), env: { ...env, NO_COLOR: '' } });
}

const layer = HAS_DIST ? 'CLI output on a hostile repository' : 'CLI output (skipped: dist/cli.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  let human: CliRun;
  let json: CliRun;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-cli-out-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    const repo = path.join(root, 'repo');
    const git = (args: string[]) => runGit(repo, args, env);
    await mkdir(path.join(repo, 'configs'), { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    for (const config of CONFIGS) await writeFile(path.join(repo, config), 'name: x\n');
    await writeFile(path.join(repo, 'loader.mjs'), 'process.exit(0);\n');
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['checkout', '--quiet', '-b', 'change']);
    await writeFile(path.join(repo, 'loader.mjs'), PR_LOADER);
    await git(['commit', '--quiet', '-am', 'feat: a stricter loader']);
    const args = ['check', '--configs', 'configs/*.yaml', '--loader', 'node loader.mjs', '--base', 'main', '--release', 'none'];
    [human, json] = await Promise.all([cli(args), cli([...args, '--json'])]);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('breaks every config, as the fixture means to', () => {
    expect(human.code, human.stderr).toBe(1);
    expect(human.stdout).toContain('breaking');
  });

  it('prints no escape sequence, control or bidi character from paths or loader messages, though stdout is a pipe', () => {
    for (const line of human.stdout.split('\n')) expect(line, JSON.stringify(line)).not.toMatch(UNSAFE);
    expect(human.stderr).not.toMatch(UNSAFE);
  });

  it('shows them escaped where they were', () => {
    expect(human.stdout).toContain('configs/clear<U+001B>[2J.yaml');
    expect(human.stdout).toContain('configs/title<U+001B>]0;owned<U+0007>.yaml');
    expect(human.stdout).toContain('configs/a<U+202E>gnp.exe.yaml');
    expect(human.stdout).toContain('refused <U+001B>[2J <U+001B>]0;owned<U+0007> <U+009B>2J <U+202E>gnp.exe');
    // A carriage return would let the rest of the line overwrite what came before.
    expect(human.stdout).toContain('second line<U+000D>hidden');
  });

  it('keeps the data raw in --json, with those characters written as \\u escapes', () => {
    expect(json.code, json.stderr).toBe(1);
    expect(json.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    const report = JSON.parse(json.stdout) as { configs: Array<{ path: string; errors: Array<{ message: string }> }> };
    expect(report.configs.map((config) => config.path).sort()).toEqual([...CONFIGS].sort());
    expect(report.configs[0]!.errors[0]!.message).toContain(`refused ${CLEAR_SCREEN} ${SET_TITLE} ${C1_CSI} ${RLO}gnp.exe`);
  });

  it('shows an escape sequence in a flag it cannot use escaped in its error', async () => {
    const run = await cli(['check', '--configs', 'configs/*.yaml', '--loader', 'node loader.mjs', '--base', `nope${CLEAR_SCREEN}${SET_TITLE}`, '--release', 'none']);
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(`${run.stdout}${run.stderr}`).toContain('nope<U+001B>[2J<U+001B>]0;owned<U+0007>');
  });
});
