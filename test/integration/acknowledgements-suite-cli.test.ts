// Fingerprints of the suite layer through the CLI as a process (dist/cli.js): a test that breaks
// is named by itself, the same on every run, and acknowledged by paths and layer.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/verdict/report.js';
import { CLI, runCli } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit, type FileTree } from '../helpers/git-fixture.js';
import { stackConfig, stackProject } from '../helpers/suite-fixture.js';

const HAS_DIST = existsSync(CLI);
/** This file's own port: test files run side by side, each suite binds its port. */
const STACK_PORT = '47329';

let root = '';
let repo = '';
let env: NodeJS.ProcessEnv = {};

async function writeFiles(files: FileTree): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), content as string);
  }
}

async function check(args: string[] = []): Promise<{ code: number | null; report: Report }> {
  const run = await runCli(['check', '--configs', 'distributions/*/run.yaml', '--base', 'main', '--release', 'none', '--suite', 'node tests/suite.mjs {config}', '--json', ...args], { cwd: repo, env });
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe.skipIf(!HAS_DIST)('CLI: fingerprints of the suite layer', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-acks-suite-'));
    await mkdir(path.join(root, 'home'));
    env = { ...isolatedGitEnv(path.join(root, 'home')), STACK_PORT, NO_COLOR: '' };
    repo = path.join(root, 'repo');
    await mkdir(repo);
    const git = (args: string[]) => runGit(repo, args, env);
    await git(['init', '--quiet', '--initial-branch=main']);
    await writeFiles({
      ...stackProject({}),
      'distributions/ci/run.yaml': stackConfig('ci'),
      'distributions/legacy/run.yaml': stackConfig('legacy', { legacy: true, known_issue: true }),
    });
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: stack']);
    await git(['switch', '--quiet', '-c', 'pr']);
    await writeFiles(stackProject({ dropLegacy: true }));
    await git(['commit', '--quiet', '-am', 'refactor: drop legacy configs']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('names the test that broke, not the one that failed on the base too, the same on two runs', async () => {
    const first = await check();
    expect(first.code).toBe(1);
    const breaks = first.report.configs.find((config) => config.path === 'distributions/legacy/run.yaml')!.breaks;
    expect(breaks).toEqual([expect.objectContaining({ layer: 'suite', test: 'stack::legacy' })]);
    const second = await check();
    expect(second.report.configs.find((config) => config.path === 'distributions/legacy/run.yaml')!.breaks).toEqual(breaks);
  });

  it('is acknowledged by paths and the suite layer', async () => {
    await writeFiles({ '.github/compat-gate-acknowledged.yaml': '- paths: distributions/legacy/*\n  layer: suite\n  reason: legacy configs are no longer served\n' });
    const { code, report } = await check(['--acknowledge-with', 'file']);
    expect(code).toBe(0);
    expect(report.verdict).toBe('acknowledged');
    expect(report.acknowledgement.file!.entries[0]).toMatchObject({ state: 'used' });
  });
});
