// The bundled dist/index.js, started as the runner starts it, when the gate cannot write what
// it publishes: its report folder, or the job summary. The step still ends on its own terms:
// `verdict=error`, the outputs set, a message naming the file and what to do, exit code 1,
// no stack trace and no unhandled rejection. Needs a built dist/ (`npm run build`).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, fakePullOf, pullRequestEventOf, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'server';
const TITLE = 'fix: keep the port';
const SCHEMA = JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer' } } }, null, 2);

let repo: PullRequestRepo;
let tempRoot = '';
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-unwritable-'));
  repo = await buildPullRequestRepo({
    main: [{ message: 'feat: server config', files: { 'schema.json': SCHEMA, 'configs/server.yaml': 'port: 8080\n' } }],
    pr: { number: 12, branch: 'contributor/12', commits: [{ message: TITLE, files: { 'README.md': 'docs\n' } }] },
  });
  cleanups.push(() => repo.cleanup());
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await rm(tempRoot, { recursive: true, force: true });
});

async function runGate(env: Record<string, string>): Promise<ActionRun> {
  const api = await startGitHubApi({ owner: OWNER, repo: REPO, requireToken: TEST_TOKEN, pulls: { [repo.number]: fakePullOf(repo, TITLE) }, releases: [], comments: {} });
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const run = await runAction({
      workspace,
      api,
      tempRoot,
      inputs: { configs: 'configs/*.yaml', schema: 'schema.json', release: 'none', comment: 'never' },
      env,
      event: pullRequestEventOf(repo, OWNER, REPO, TITLE),
    });
    cleanups.push(run.dispose);
    return run;
  } finally {
    await api.close();
  }
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-1500)}`;
}

/** The step's failure message (`::error::` without a file), as the runner shows it. */
function failures(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.level === 'error' && a.file === undefined).map((a) => a.message);
}

function expectCleanError(run: ActionRun): void {
  expect(run.timedOut, describeRun(run)).toBe(false);
  expect(run.outputs['verdict'], describeRun(run)).toBe('error');
  expect(run.exitCode, describeRun(run)).toBe(1);
  expect(run.outputs['report'], describeRun(run)).toBe('');
  expect(run.outputs['sarif'], describeRun(run)).toBe('');
  // No stack trace, no unhandled rejection: only the gate's own words.
  expect(run.stderr, describeRun(run)).toBe('');
  expect(run.stdout, describeRun(run)).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(run.stdout, describeRun(run)).not.toMatch(/UnhandledPromiseRejection|ERR_UNHANDLED_REJECTION/);
}

describe.skipIf(!HAS_DIST)('a gate that cannot write what it publishes', () => {
  it('a report folder under a regular file (ENOTDIR, even for root) ends as verdict=error naming the file and what to do', async () => {
    // RUNNER_TEMP is a folder, but its compat-gate/ is a regular file: the report cannot be made.
    const runnerTemp = path.join(tempRoot, 'blocked-temp');
    await mkdir(runnerTemp, { recursive: true });
    await writeFile(path.join(runnerTemp, 'compat-gate'), 'not a folder\n');
    const run = await runGate({ RUNNER_TEMP: runnerTemp });
    expectCleanError(run);
    const [message, ...others] = failures(run);
    expect(others, describeRun(run)).toEqual([]);
    expect(message).toContain(`The file ${path.join(runnerTemp, 'compat-gate', 'report-__compat-gate.json')} could not be written`);
    expect(message).toMatch(/ENOTDIR|EEXIST/);
    expect(message).toContain('Make RUNNER_TEMP a folder this job can write to');
  });

  it('a job summary that cannot be written ends as verdict=error naming GITHUB_STEP_SUMMARY', async () => {
    const blocker = path.join(tempRoot, 'summary-blocker');
    await writeFile(blocker, 'a regular file\n');
    const run = await runGate({ GITHUB_STEP_SUMMARY: path.join(blocker, 'step_summary') });
    expect(run.outputs['verdict'], describeRun(run)).toBe('error');
    expect(run.exitCode, describeRun(run)).toBe(1);
    expect(run.stderr, describeRun(run)).toBe('');
    const [message, ...others] = failures(run);
    expect(others, describeRun(run)).toEqual([]);
    expect(message).toContain('The job summary (GITHUB_STEP_SUMMARY) could not be written');
    expect(message).toContain('make GITHUB_STEP_SUMMARY a file this job can write to');
  });

  it('the same run with a writable RUNNER_TEMP passes, so the errors above come from the writes alone', async () => {
    const run = await runGate({});
    expect(run.outputs['verdict'], describeRun(run)).toBe('pass');
    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.report?.verdict).toBe('pass');
  });
});
