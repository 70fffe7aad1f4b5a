// The CLI as a process (dist/cli.js) on a real git repository whose configs moved from
// `templates/` to `distributions/`: old releases and an old base are followed through the move,
// several release lines are compared in one run, and without a remote the local tags decide.
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
  release?: { ref: string };
  releases?: Array<{ ref: string; drift: { counts: Record<string, number>; configs: Array<{ path: string; currentPath?: string; status: string }> } }>;
  configs: Array<{ path: string; currentPath?: string; status: string }>;
}

const schema = (kinds: string[]) => JSON.stringify({ type: 'object', required: ['kind'], properties: { kind: { enum: kinds } } });
// Long enough that a one-line edit during the move still reads as a rename to git.
const runYaml = (name: string, kind: string) =>
  `name: ${name}\nkind: ${kind}\nproviders:\n${Array.from({ length: 10 }, (_, i) => `  - id: ${name}-${i}\n`).join('')}`;

let root = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]): Promise<CliRun> {
  return runCli([...args], { cwd: path.join(root, 'repo'), env: { ...env, NO_COLOR: '' } });
}

const parse = (run: CliRun): JsonReport => JSON.parse(run.stdout) as JsonReport;

describe.skipIf(!HAS_DIST)('CLI: configs followed across a move, several releases', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-moves-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    const repo = path.join(root, 'repo');
    const git = (args: string[]) => runGit(repo, args, env);
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
      await writeFile(path.join(repo, file), text);
    };
    await mkdir(repo, { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    await write('schema.json', schema(['a', 'b']));
    await write('templates/ollama/run.yaml', runYaml('ollama', 'a'));
    await write('templates/vllm/run.yaml', runYaml('vllm', 'b'));
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: templates']);
    await git(['tag', 'v0.1.0']);
    await write('README.md', 'stack\n');
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'docs: readme']);
    await git(['tag', 'v0.1.1']);
    // The whole folder moves, and ollama moves on to kind b on the way.
    await git(['mv', 'templates', 'distributions']);
    await write('distributions/ollama/run.yaml', runYaml('ollama', 'b'));
    await git(['commit', '--quiet', '-am', 'refactor: templates are distributions']);
    await git(['tag', 'v0.2.0']);
    await git(['checkout', '--quiet', '-b', 'change']);
    await write('schema.json', schema(['b', 'c']));
    await git(['commit', '--quiet', '-am', 'feat: drop kind a']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const check = ['check', '--configs', 'distributions/*/run.yaml', '--schema', 'schema.json', '--base', 'main'];

  it('compares each release named, the line v0.1 being its highest tag, and finds drift through the move', async () => {
    const run = await cli([...check, '--release', 'v0.1', '--release', 'v0.2.0,v0.1.0', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = parse(run);
    expect(report.verdict).toBe('pass');
    expect(report.release?.ref).toBe('v0.1.1');
    expect(report.releases?.map((release) => release.ref)).toEqual(['v0.1.1', 'v0.2.0', 'v0.1.0']);
    const [v011, v020, v010] = report.releases!;
    expect(v011!.drift.configs).toEqual([expect.objectContaining({ path: 'templates/ollama/run.yaml', currentPath: 'distributions/ollama/run.yaml', status: 'new' })]);
    expect(v011!.drift.counts).toMatchObject({ configs: 2, ok: 1, new: 1 });
    expect(v020!.drift.counts).toMatchObject({ configs: 2, ok: 2, new: 0 });
    expect(v010!.drift.counts).toMatchObject({ configs: 2, new: 1 });
  });

  it('prints one line a release, a moved config by both paths', async () => {
    const run = await cli([...check, '--release', 'v0.1.1, v0.2.0']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Release v0.1.1: 1 new, 0 existing, 0 fixed drift (of 2 configs).');
    expect(run.stdout).toContain('templates/ollama/run.yaml in v0.1.1, now distributions/ollama/run.yaml');
    expect(run.stdout).toContain('Release v0.2.0: 0 new, 0 existing, 0 fixed drift (of 2 configs).');
  });

  it('fails on new drift of any release with --fail-on-drift', async () => {
    const run = await cli([...check, '--release', 'v0.2.0', '--release', 'v0.1', '--fail-on-drift', '--json']);
    expect(run.code, run.stderr).toBe(1);
    expect(parse(run).verdict).toBe('breaking');
  });

  it('judges a base behind the move through the move', async () => {
    const run = await cli(['check', '--configs', 'distributions/*/run.yaml', '--schema', 'schema.json', '--base', 'v0.1.1', '--release', 'none', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = parse(run);
    expect(report.configs).toEqual([
      expect.objectContaining({ path: 'templates/ollama/run.yaml', currentPath: 'distributions/ollama/run.yaml', status: 'broken' }),
      expect.objectContaining({ path: 'templates/vllm/run.yaml', currentPath: 'distributions/vllm/run.yaml', status: 'ok' }),
    ]);
  });

  it('says error for a line with no tag, and for none among releases', async () => {
    const line = await cli([...check, '--release', 'v3', '--json']);
    expect(line.code).toBe(2);
    expect(JSON.stringify(parse(line))).toContain('The release line `v3` has no release');
    const mixed = await cli([...check, '--release', 'none,latest', '--json']);
    expect(mixed.code).toBe(2);
    expect(JSON.stringify(parse(mixed))).toContain('names `none` with other releases');
  });
});
