// The suite layer as the runner starts the bundled action: the workflow compat-gate replaces
// runs the project's integration suite with the CI distribution's config from main and from the
// latest release. Here the suite starts a server on a fixed port of 127.0.0.1 and writes JUnit
// XML, the loader holds the same port for a moment, and ten runs on the same commits give the
// same verdict, summary counts and findings.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type FileTree, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { stackConfig, stackProject } from '../helpers/suite-fixture.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const NUMBER = 23;
const TITLE = 'refactor: serve the new config format only';
/** This file's own port: test files run side by side. */
const STACK_PORT = '47312';
const CONFIGS = 'distributions/*/run.yaml';

function configs(entries: Record<string, Record<string, boolean>>): FileTree {
  return Object.fromEntries(Object.entries(entries).map(([name, flags]) => [`distributions/${name}/run.yaml`, stackConfig(name, flags)]));
}

describe.skipIf(!HAS_DIST)('the integration suite as a third layer (bundled action)', () => {
  let tempRoot = '';
  let repo: PullRequestRepo;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-suite-fn-'));
    repo = await buildPullRequestRepo({
      main: [
        // The release: its CI config still has the legacy key; another config already fails a test.
        { message: 'feat: the stack', files: { ...stackProject({}), ...configs({ ci: { legacy: true }, gpu: { known_issue: true } }) } },
        { message: 'feat: main moves on', files: configs({ ci: {}, gpu: { known_issue: true }, edge: { legacy: true, known_issue: true } }) },
      ],
      tags: [{ name: 'v0.1.0', commit: 0 }],
      pr: { number: NUMBER, branch: 'drop-legacy', commits: [{ message: TITLE, files: stackProject({ dropLegacy: true }) }] },
    });
    cleanups.push(repo.cleanup);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await rm(tempRoot, { recursive: true, force: true });
  });

  async function run(inputs: Record<string, string>, eventName = 'pull_request'): Promise<ActionRun> {
    const api = await startGitHubApi({
      owner: OWNER,
      repo: REPO,
      requireToken: TEST_TOKEN,
      pulls: {
        [NUMBER]: {
          title: TITLE,
          labels: [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
          mergeCommitSha: repo.mergeSha,
        },
      },
      releases: [{ tag_name: 'v0.1.0', draft: false, prerelease: false, published_at: '2026-11-01T00:00:00Z' }],
      comments: {},
    });
    try {
      const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
      const result = await runAction({
        workspace,
        api,
        tempRoot,
        eventName,
        env: { STACK_PORT },
        inputs: { configs: CONFIGS, comment: 'never', ...inputs },
        event: pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: NUMBER,
          title: TITLE,
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          mergeSha: repo.mergeSha,
          commits: repo.prCommits.length,
        }),
      });
      cleanups.push(result.dispose);
      return result;
    } finally {
      await api.close();
    }
  }

  const describeRun = (result: ActionRun) => `exit ${result.exitCode}, outputs ${JSON.stringify(result.outputs)}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-1000)}`;

  /** What must not change between runs of the same commits. */
  function fingerprint(result: ActionRun): string {
    const report = result.report as unknown as {
      configs: Array<{ path: string; status: string; errors: Array<{ message: string }> }>;
      releases?: Array<{ drift: { configs: Array<{ path: string; status: string }> } }>;
    };
    return JSON.stringify({
      outputs: { verdict: result.outputs['verdict'], broken: result.outputs['broken'], drift: result.outputs['drift'] },
      configs: report.configs.map((config) => [config.path, config.status, config.errors.map((error) => error.message)]),
      drift: report.releases?.map((release) => release.drift.configs.map((config) => [config.path, config.status])),
    });
  }

  it('gives the same verdict ten times in a row with a suite and a loader that bind one fixed port', async () => {
    const inputs = {
      loader: 'node tests/loader.mjs',
      'loader-jobs': '1',
      suite: 'node tests/suite.mjs --port-from-env {config}',
      'suite-configs': 'distributions/ci/run.yaml\ndistributions/edge/run.yaml',
      'suite-timeout': '60',
    };
    const seen = new Set<string>();
    let first: ActionRun | undefined;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await run(inputs);
      expect(result.outputs['verdict'], describeRun(result)).toBe('breaking');
      seen.add(fingerprint(result));
      first ??= result;
    }
    expect([...seen]).toHaveLength(1);
    const report = first!.report as unknown as {
      configs: Array<{ path: string; status: string; layers?: Record<string, unknown>; errors: Array<{ layer: string; test?: string }> }>;
      suite: { configs: number; processes: number };
      releases: Array<{ drift: { configs: Array<{ path: string; status: string }> } }>;
    };
    const edge = report.configs.find((config) => config.path === 'distributions/edge/run.yaml')!;
    // The loader refuses the legacy key too; the suite breaks it test by test though a test failed on both.
    expect(edge.status).toBe('broken');
    expect(edge.layers?.['suite']).toEqual({ base: 'rejects', pr: 'rejects', newFailures: ['stack::legacy'], failedOnBoth: 1 });
    expect(edge.errors.map((error) => error.layer)).toEqual(['loader', 'suite', 'suite']);
    // The release's CI config: new drift, found by running it with main's code and the PR's.
    expect(report.releases[0]!.drift.configs).toContainEqual(expect.objectContaining({ path: 'distributions/ci/run.yaml', status: 'new' }));
    expect(first!.summary).toContain('### Integration suite');
    expect(first!.summary).toContain('1 test passed on the base and fails with this PR; 1 test failed on the base too (not this PR\'s doing).');
    expect(first!.summary).toMatch(/\| Suite \| `node tests\/suite\.mjs --port-from-env \{config\}`: 3 configs, \d+ processes one at a time, [\d.]+ s \|/);
  }, 300_000);

  it('passes the config as a positional parameter, and gives the suite COMPAT_GATE_REF and no token', async () => {
    const result = await run({
      suite: 'node -e "const fs=require(\'fs\'); fs.writeFileSync(process.env.COMPAT_GATE_JUNIT, \'<testsuite><testcase name=\\"env\\">\' + (process.env.COMPAT_GATE_REF && !process.env.INPUT_GITHUB_TOKEN && !JSON.stringify(process.env).includes(\'' + TEST_TOKEN + '\') && fs.existsSync(process.argv[1]) ? \'\' : \'<failure message=\\"leak\\"/>\') + \'</testcase></testsuite>\')" {config}',
      'suite-configs': 'distributions/ci/run.yaml',
    });
    expect(result.outputs['verdict'], describeRun(result)).toBe('pass');
    expect(result.summary).toMatch(/\| Suite \| .*: 2 configs, 3 processes one at a time/);
  });

  it('refuses to start the PR\'s suite under pull_request_target', async () => {
    const result = await run({ suite: 'node tests/suite.mjs {config}' }, 'pull_request_target');
    expect(result.outputs['verdict'], describeRun(result)).toBe('error');
    expect((result.report as unknown as { error: { message: string } }).error.message).toContain("does not start the PR's suite under `pull_request_target`");
  });
});
