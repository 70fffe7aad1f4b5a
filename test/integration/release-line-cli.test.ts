// The CLI as a process (dist/cli.js) on a backport into a release branch: the notes that say
// which release `latest` stands for, and the error for a line with no release, name the
// `--release` flag, never the action's input.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);

interface JsonReport {
  verdict: string;
  error?: { message: string; hint?: string };
  release?: { ref: string };
  notes: string[];
}

const schema = (kinds: string[]) => JSON.stringify({ type: 'object', required: ['kind'], properties: { kind: { enum: kinds } } });
const runYaml = (kind: string) => `name: run\nkind: ${kind}\n`;

let root = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: path.join(root, 'repo'), env: { ...env, NO_COLOR: '' } });
}

const parse = (run: CliRun): JsonReport => JSON.parse(run.stdout) as JsonReport;

describe.skipIf(!HAS_DIST)('CLI: release-line notes name the --release flag', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-release-line-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    const repo = path.join(root, 'repo');
    const git = (args: string[]) => runGit(repo, args, env);
    const write = (file: string, text: string) => writeFile(path.join(repo, file), text);
    await mkdir(path.join(repo, 'configs'), { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    await write('schema.json', schema(['a', 'b', 'c']));
    await write('configs/run.yaml', runYaml('a'));
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['tag', 'v0.3.0']);
    await git(['branch', 'release-0.3.x']);
    // A branch cut for a line that has shipped nothing yet: `latest` is the release before it.
    await git(['branch', 'release-0.5.x']);
    await write('configs/run.yaml', runYaml('c'));
    await git(['commit', '--quiet', '-am', 'feat: kind c']);
    await git(['tag', 'v0.4.0']);
    await git(['checkout', '--quiet', 'release-0.3.x']);
    await write('configs/run.yaml', runYaml('b'));
    await git(['commit', '--quiet', '-am', 'fix: kind b']);
    await git(['tag', 'v0.3.1']);
    await git(['checkout', '--quiet', '-b', 'backport']);
    await write('schema.json', schema(['a', 'b', 'c', 'd']));
    await git(['commit', '--quiet', '-am', 'feat: kind d']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const check = ['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json'];

  it('says `latest` is the line\'s newest release and how to compare another with `--release`', async () => {
    const run = await cli([...check, '--base', 'release-0.3.x', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = parse(run);
    expect(report.error).toBeUndefined();
    expect(report.release?.ref).toBe('v0.3.1');
    const note = report.notes.find((text) => text.includes('names the release line 0.3'));
    expect(note).toContain('`latest` is that line\'s newest stable release, `v0.3.1`');
    expect(note).toContain('set the `--release` flag to its tag or its line (`v0.4`)');
    expect(note).not.toContain('input');
  });

  it('names the flag in the terminal too, for a line with no release yet', async () => {
    const run = await cli([...check, '--base', 'release-0.5.x']);
    expect(run.code, run.stderr).toBe(0);
    const note = run.stdout.split('\n').find((line) => line.includes('names the release line 0.5'));
    expect(note).toContain('which has no stable release yet: `latest` is the release before it, `v0.4.0`');
    expect(note).toContain('set the `--release` flag to its tag or its line');
    expect(run.stdout).not.toContain('`release` input');
  });

  it('says what to set in `--release` when a line it names has no release', async () => {
    const run = await cli([...check, '--base', 'release-0.3.x', '--release', 'v9', '--json']);
    expect(run.code).toBe(2);
    const report = parse(run);
    expect(report.verdict).toBe('error');
    expect(report.error?.message).toContain('The release line `v9` has no release');
    expect(report.error?.hint).toMatch(/^Set the `--release` flag to `latest`, a tag/);
  });
});
