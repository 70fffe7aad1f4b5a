// The suite layer through the CLI as a process (dist/cli.js) on real git repositories: a suite
// that starts a server on a fixed port of 127.0.0.1 with one config and writes JUnit XML, judged
// test by test, by exit code, on time-outs, against releases, and the nothing-checked errors.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit, type FileTree } from '../helpers/git-fixture.js';
import { stackConfig, stackProject, type StackCode } from '../helpers/suite-fixture.js';

const HAS_DIST = existsSync(CLI);
/** This file's own port: test files run side by side, each suite binds its port. */
const STACK_PORT = '47311';

interface Finding {
  layer: string;
  message: string;
  test?: string;
  output?: string;
  timedOut?: boolean;
}
interface JsonReport {
  verdict: string;
  error?: { message: string; hint?: string };
  configs: Array<{ path: string; status: string; errors: Finding[]; layers?: Record<string, { base: string; pr: string; newFailures?: string[]; failedOnBoth?: number }> }>;
  releases?: Array<{ ref: string; drift: { counts: Record<string, number>; configs: Array<{ path: string; status: string; errors: Finding[] }> } }>;
  suite?: { command: string; configs: number; processes: number; durationMs: number };
}

let root = '';
let home = '';
let env: NodeJS.ProcessEnv = {};
let repos = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'compat-gate-suite-'));
  home = path.join(root, 'home');
  await mkdir(home);
  env = { ...isolatedGitEnv(home), STACK_PORT, NO_COLOR: '' };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeFiles(dir: string, files: FileTree): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content as string);
  }
}

/**
 * A repository: main's commits (each may be tagged), then the PR's branch with its own commit,
 * checked out. Returns its folder.
 */
async function repository(main: Array<{ files: FileTree; tag?: string }>, pr: FileTree): Promise<string> {
  const dir = path.join(root, `repo-${++repos}`);
  await mkdir(dir);
  const git = (args: string[]) => runGit(dir, args, env);
  await git(['init', '--quiet', '--initial-branch=main']);
  for (const [index, commit] of main.entries()) {
    await writeFiles(dir, commit.files);
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', `feat: main ${index}`]);
    if (commit.tag) await git(['tag', commit.tag]);
  }
  await git(['switch', '--quiet', '-c', 'pr']);
  await writeFiles(dir, pr);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '-m', 'refactor: the PR']);
  return dir;
}

async function check(dir: string, args: string[]): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCli(['check', '--configs', 'distributions/*/run.yaml', '--base', 'main', '--json', ...args], { cwd: dir, env });
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`no JSON report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, report };
}

const SUITE = ['--suite', 'node tests/suite.mjs {config}'];
const configOf = (report: JsonReport, name: string) => report.configs.find((config) => config.path === `distributions/${name}/run.yaml`)!;

function stack(code: StackCode, configs: Record<string, Record<string, boolean>>): FileTree {
  return {
    ...stackProject(code),
    ...Object.fromEntries(Object.entries(configs).map(([name, flags]) => [`distributions/${name}/run.yaml`, stackConfig(name, flags)])),
  };
}

describe.skipIf(!HAS_DIST)('CLI: the integration suite as a third layer', () => {
  it('breaks a config when a test that passed on the base fails on the PR, though another test failed on both', async () => {
    const dir = await repository(
      [{ files: stack({}, { ci: {}, legacy: { legacy: true, known_issue: true }, known: { known_issue: true } }) }],
      stackProject({ dropLegacy: true }),
    );
    const { run, report } = await check(dir, [...SUITE, '--release', 'none']);
    expect(run.code, run.stderr).toBe(1);
    expect(report.verdict).toBe('breaking');
    const legacy = configOf(report, 'legacy');
    expect(legacy.status).toBe('broken');
    expect(legacy.layers?.suite).toEqual({ base: 'rejects', pr: 'rejects', newFailures: ['stack::legacy'], failedOnBoth: 1 });
    expect(legacy.errors[0]).toEqual({ layer: 'suite', test: 'stack::legacy', message: 'test stack::legacy failed: HTTP 500: legacy configs are no longer served' });
    expect(configOf(report, 'known').status).toBe('failing-on-base');
    expect(configOf(report, 'ci').status).toBe('ok');
    // Three PR runs, and the base's suite on the two the PR's suite rejects.
    expect(report.suite).toMatchObject({ command: 'node tests/suite.mjs {config}', configs: 3, processes: 5 });
  });

  it('runs the suite only on the configs suite-configs names, and schema-only judging on the rest', async () => {
    const dir = await repository([{ files: stack({}, { ci: {}, legacy: { legacy: true } }) }], stackProject({ dropLegacy: true }));
    const { report } = await check(dir, [...SUITE, '--suite-configs', 'distributions/ci/*', '--release', 'none']);
    expect(report.verdict).toBe('pass');
    expect(report.suite).toMatchObject({ configs: 1, processes: 1 });
    expect(configOf(report, 'legacy').layers?.suite).toBeUndefined();
  });

  it('judges a suite that writes no JUnit by its exit code, with the tail of its output', async () => {
    const dir = await repository([{ files: stack({ junit: false }, { legacy: { legacy: true } }) }], stackProject({ dropLegacy: true, junit: false }));
    const { report } = await check(dir, [...SUITE, '--release', 'none']);
    expect(report.verdict).toBe('breaking');
    const [finding] = configOf(report, 'legacy').errors;
    expect(finding).toMatchObject({ layer: 'suite', message: 'the suite failed (exit code 1).' });
    expect(finding!.output).toContain('FAILED stack::legacy - HTTP 500: legacy configs are no longer served');
  });

  it('falls back to the exit code, with a note, when the JUnit report is hostile', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><testsuite><testcase name="&b;"/></testsuite>';
    const dir = await repository([{ files: stack({}, { legacy: { legacy: true } }) }], stackProject({ dropLegacy: true, junitOverride: laughs }));
    const { report } = await check(dir, [...SUITE, '--release', 'none']);
    expect(report.verdict).toBe('breaking');
    expect(configOf(report, 'legacy').errors[0]!.message).toBe(
      'the suite failed (exit code 1). Its JUnit report was not used: it declares XML entities, which compat-gate never expands.',
    );
  });

  it('calls a suite that times out on the PR alone a break that says so', async () => {
    const dir = await repository([{ files: stack({}, { slow: { slow: true } }) }], stackProject({ slowStart: true }));
    const { report } = await check(dir, [...SUITE, '--suite-timeout', '2', '--release', 'none']);
    expect(report.verdict).toBe('breaking');
    expect(configOf(report, 'slow').errors[0]).toMatchObject({ layer: 'suite', message: 'the suite timed out after 2s.', timedOut: true });
  });

  it('is an error that says to raise suite-timeout when the suite times out on the PR and on the base', async () => {
    const dir = await repository([{ files: stack({}, { ok: {}, hang: { hang: true } }) }], { 'README.md': 'docs\n' });
    const { run, report } = await check(dir, [...SUITE, '--suite-timeout', '1', '--release', 'none']);
    expect(run.code).toBe(2);
    expect(report.verdict).toBe('error');
    expect(report.error?.message).toContain('The suite timed out (`--suite-timeout` flag: 1s) on `distributions/hang/run.yaml` with the PR\'s code and with the code of the base');
    expect(report.error?.hint).toContain('Raise the `--suite-timeout` flag');
  });

  it('is an error when suite-configs names none of the configs', async () => {
    const dir = await repository([{ files: stack({}, { ci: {} }) }], { 'README.md': 'docs\n' });
    const { run, report } = await check(dir, [...SUITE, '--suite-configs', 'distributions/gpu/*', '--release', 'none']);
    expect(run.code).toBe(2);
    expect(report.error?.message).toBe('The `--suite-configs` flag (`distributions/gpu/*`) names none of the 1 configs read from the base and the releases: the suite ran on nothing.');
  });

  it('is an error when the suite cannot run on the base at all, never a pass or a break', async () => {
    // The PR adds the suite; on the base it does not exist, and the PR's suite fails every config.
    const dir = await repository(
      [{ files: { 'distributions/a/run.yaml': stackConfig('a', { known_issue: true }), 'distributions/b/run.yaml': stackConfig('b', { known_issue: true }) } }],
      stackProject({}),
    );
    const { run, report } = await check(dir, [...SUITE, '--release', 'none']);
    expect(run.code).toBe(2);
    expect(report.error?.message).toMatch(/^The suite fails on all 2 configs it ran on with the code of the base `main` \([0-9a-f]{12}\) too, and passes no test there \(exit code 1: .*Cannot find module.*\): it cannot run/);
  });

  it('is an error when the PR\'s suite command cannot start', async () => {
    const dir = await repository([{ files: stack({}, { ci: {} }) }], { 'README.md': 'docs\n' });
    const { run, report } = await check(dir, ['--suite', 'no-such-suite-command {config}', '--release', 'none']);
    expect(run.code).toBe(2);
    expect(report.error?.message).toMatch(/^The suite cannot start: `no-such-suite-command \{config\}` in .* ended with exit code 127/);
  });

  it('reports release drift through the suite: new, existing and fixed', async () => {
    const dir = await repository(
      [
        { files: stack({}, { legacy: { legacy: true }, known: { known_issue: true } }), tag: 'v0.1.0' },
        // main moves on: the release's configs are gone from main, so only the release holds them.
        { files: { 'distributions/legacy/run.yaml': stackConfig('legacy2'), 'distributions/known/run.yaml': stackConfig('known2') } },
      ],
      stackProject({ dropLegacy: true }),
    );
    const { report } = await check(dir, [...SUITE, '--release', 'v0.1.0']);
    expect(report.verdict).toBe('pass');
    const drift = report.releases?.[0]?.drift;
    expect(drift?.configs.map((config) => [config.path, config.status]).sort()).toEqual([
      ['distributions/known/run.yaml', 'existing'],
      ['distributions/legacy/run.yaml', 'new'],
    ]);
  });

  it('gives the same verdict on every run with a loader and a suite that bind one fixed port (loader-jobs 1)', async () => {
    const dir = await repository(
      [
        { files: stack({}, { ci: {}, legacy: { legacy: true } }), tag: 'v0.1.0' },
        { files: { 'distributions/ci/run.yaml': stackConfig('ci-next'), 'distributions/gpu/run.yaml': stackConfig('gpu') } },
      ],
      stackProject({ dropLegacy: true }),
    );
    const verdicts: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { report } = await check(dir, [...SUITE, '--loader', 'node tests/loader.mjs', '--loader-jobs', '1', '--suite-configs', 'distributions/legacy/*', '--release', 'v0.1.0']);
      verdicts.push(`${report.verdict} ${report.error?.message ?? ''} ${configOf(report, 'legacy').status} ${report.releases?.[0]?.drift.counts['new']}`);
    }
    expect(verdicts).toEqual(Array(3).fill('breaking  broken 1'));
  });

  it('runs again alone a loader process that lost the port to another, so that the verdict is the same on every run (loader-jobs auto)', async () => {
    const dir = await repository(
      [
        { files: stack({}, { ci: {}, legacy: { legacy: true } }), tag: 'v0.1.0' },
        { files: { 'distributions/ci/run.yaml': stackConfig('ci-next'), 'distributions/legacy/run.yaml': stackConfig('legacy-next') } },
      ],
      stackProject({ dropLegacy: true }),
    );
    const outcomes = new Set<string>();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { report } = await check(dir, ['--loader', 'node tests/loader.mjs', '--release', 'v0.1.0']);
      outcomes.add(`${report.verdict} ${report.releases?.[0]?.drift.counts['new']} ${report.releases?.[0]?.drift.configs.map((config) => config.path).join(',')}`);
      const notes = (report as unknown as { notes: string[] }).notes.filter((note) => note.includes('loader-jobs'));
      for (const note of notes) expect(note).toMatch(/^(A loader process|\d+ loader processes) lost a port or a lock to another loader process/);
    }
    // The base's configs load; the release's legacy config is new drift, whichever process won the port.
    expect([...outcomes]).toEqual(['pass 1 distributions/legacy/run.yaml']);
  });
});
