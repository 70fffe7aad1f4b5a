// The CLI as a process in a shallow clone that lacks the base: the base is fetched, and the PR's
// schema is compiled while git fetches it. Which error is reported never depends on that order:
// a base that cannot be had is the error even when the PR's schema is broken too.
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
  error?: { message: string };
  configs: Array<{ path: string; status: string }>;
}

let root = '';
let env: NodeJS.ProcessEnv = {};

const schema = (maximum: number) => JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer', maximum } } });

/** A depth-1 clone of the `change` branch alone: `main`, the base, is not in it. */
async function shallowClone(name: string, change: Record<string, string>): Promise<string> {
  const origin = path.join(root, `${name}-origin`);
  const git = (args: string[]) => runGit(origin, args, env);
  const write = async (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(origin, file)), { recursive: true });
      await writeFile(path.join(origin, file), text);
    }
    await git(['add', '--all']);
  };
  await mkdir(origin, { recursive: true });
  await git(['init', '--quiet', '--initial-branch=main']);
  await write({ 'schema.json': schema(9000), 'configs/a.yaml': 'port: 8080\n', 'configs/b.yaml': 'port: 80\n' });
  await git(['commit', '--quiet', '-m', 'configs']);
  await git(['checkout', '--quiet', '-b', 'change']);
  await write(change);
  await git(['commit', '--quiet', '-m', 'change']);
  const clone = path.join(root, name);
  await runGit(root, ['clone', '--quiet', '--depth=1', '--single-branch', '--branch', 'change', `file://${origin}`, clone], env);
  return clone;
}

async function check(cwd: string, base: string): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCli(['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json', '--base', base, '--release', 'none', '--json'], { cwd, env: { ...env, NO_COLOR: '' } });
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

describe.skipIf(!HAS_DIST)('CLI: a base fetched into a shallow clone', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-shallow-base-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('fetches the base and judges its configs with the PR\'s schema', async () => {
    const clone = await shallowClone('tighter', { 'schema.json': schema(1024) });
    expect(await runGit(clone, ['cat-file', '-t', 'main'], env).catch(() => 'absent')).toBe('absent');
    const { run, report } = await check(clone, 'main');
    expect(run.code, run.stderr).toBe(1);
    expect(report.error).toBeUndefined();
    expect(report.verdict).toBe('breaking');
    expect(report.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/a.yaml', 'broken'],
      ['configs/b.yaml', 'ok'],
    ]);
  });

  it('reports a PR schema that does not compile, once the base is fetched', async () => {
    const clone = await shallowClone('invalid', { 'schema.json': JSON.stringify({ type: 'object', properties: { port: { type: 'integer', maximum: 'high' } } }) });
    const { run, report } = await check(clone, 'main');
    expect(run.code, run.stderr).toBe(2);
    expect(report.verdict).toBe('error');
    expect(report.error?.message).toMatch(/schema\.json in the PR checkout is not a valid draft-07 JSON Schema/);
  });

  it('reports the base that cannot be had, not the PR schema that does not compile', async () => {
    const clone = await shallowClone('both', { 'schema.json': JSON.stringify({ type: 'object', properties: { port: { type: 'integer', maximum: 'high' } } }) });
    const { run, report } = await check(clone, 'no-such-branch');
    expect(run.code, run.stderr).toBe(2);
    expect(report.verdict).toBe('error');
    expect(report.error?.message).toContain('The base `no-such-branch` is not in the checkout and could not be fetched from origin.');
  });
});
