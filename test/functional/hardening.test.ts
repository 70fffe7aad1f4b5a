// The bundled dist/index.js, started as the Actions runner starts it, where a required check
// meets the worst: pull_request_target, a loader that prints its environment or the token,
// a git remote that cannot be reached, a branch's first push, and a GitHub API that answers
// 502, 403 (rate limit) or 404. Each run ends with a clear verdict, keeps the token to itself,
// leaves the workspace as it found it, and leaves in RUNNER_TEMP only its report.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, runGit, snapshotWorkspace, type PullRequestRepo, type WorkspaceSnapshot } from '../helpers/git-fixture.js';
import { startGitHubApi, type FaultRule, type GitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const OWNER = 'acme';
const REPO = 'stack';
const NUMBER = 31;
const TITLE = 'feat(schema): versions start at 2';
const BREAKING_TITLE = 'feat(schema)!: versions start at 2';
const OLD = 'configs/old.yaml';

const SCHEMA = (minimum: number) =>
  JSON.stringify({ type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum } } }, null, 2);

interface Run extends ActionRun {
  workspace: string;
  before: WorkspaceSnapshot;
  after: WorkspaceSnapshot;
  /** RUNNER_TEMP's entries after the run, recursively, as relative paths. */
  tempEntries: string[];
  /** Bodies of the PR comments the fake API holds after the run. */
  commentBodies: string[];
  logs: string;
}

interface GateOptions {
  /** The script the runner starts; dist/index.js by default. */
  entry?: string;
  title?: string;
  eventTitle?: string;
  eventName?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  token?: string;
  faults?: FaultRule[];
  /** Change the checkout before the run (and before the "before" snapshot). */
  prepare?: (workspace: string) => Promise<void>;
  /** A checkout other than the PR merge commit. */
  checkout?: () => Promise<string>;
  event?: Record<string, unknown>;
}

let repo: PullRequestRepo;
let tempRoot = '';
const disposals: Array<() => Promise<void>> = [];

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const entries: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) entries.push(`${relative}/`, ...(await listTree(path.join(dir, entry.name), `${relative}/`)));
    else entries.push(relative);
  }
  return entries.sort();
}

function apiState(options: GateOptions, token: string): GitHubApiState {
  return {
    owner: OWNER,
    repo: REPO,
    requireToken: token,
    pulls: {
      [NUMBER]: {
        title: options.title ?? TITLE,
        labels: [],
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [],
    comments: {},
    faults: options.faults ?? [],
  };
}

/** One step run on a fresh checkout, with the workspace fingerprinted before and after. */
async function gate(options: GateOptions = {}): Promise<Run> {
  const token = options.token ?? TEST_TOKEN;
  const api: GitHubApi = await startGitHubApi(apiState(options, token));
  try {
    const workspace = options.checkout ? await options.checkout() : await repo.checkout({ persistToken: token, serverUrl: api.url });
    await options.prepare?.(workspace);
    const logs = await mkdtemp(path.join(tempRoot, 'logs-'));
    const before = await snapshotWorkspace(workspace, repo.env);
    const run = await runAction({
      workspace,
      api,
      token,
      ...(options.entry ? { entry: options.entry } : {}),
      tempRoot,
      eventName: options.eventName ?? 'pull_request',
      inputs: {
        configs: 'configs/*.yaml',
        schema: 'schema/config.json',
        loader: 'node loader/load.mjs',
        release: 'none',
        ...options.inputs,
      },
      env: {
        ARGV_LOG: path.join(logs, 'argv.jsonl'),
        ENV_DUMP: path.join(logs, 'env.jsonl'),
        PID_LOG: path.join(logs, 'pids.txt'),
        COMPAT_GATE_ENTRY: ACTION_ENTRY,
        ...options.env,
      },
      event:
        options.event ??
        pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: NUMBER,
          title: options.eventTitle ?? options.title ?? TITLE,
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          mergeSha: repo.mergeSha,
          commits: repo.prCommits.length,
        }),
    });
    disposals.push(run.dispose);
    return {
      ...run,
      workspace,
      before,
      after: await snapshotWorkspace(workspace, repo.env),
      tempEntries: await listTree(run.runnerTemp),
      commentBodies: Object.values(api.state.comments ?? {}).flatMap((list) => list.map((comment) => comment.body)),
      logs,
    };
  } finally {
    await api.close();
  }
}

/** Whether a process is still running; a zombie nobody has reaped yet is dead for this purpose. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}

function expectVerdict(run: ActionRun, verdict: 'pass' | 'acknowledged' | 'breaking' | 'error'): void {
  expect(run.outputs['verdict'], describeRun(run)).toBe(verdict);
  expect(run.exitCode, describeRun(run)).toBe(verdict === 'breaking' || verdict === 'error' ? 1 : 0);
}

/** The workspace as it was, and RUNNER_TEMP holding only the runner's files and compat-gate's report. */
function expectLeftAsFound(run: Run): void {
  expect(run.timedOut, describeRun(run)).toBe(false);
  expect(run.after, 'the workspace changed during the run').toEqual(run.before);
  const ours = run.tempEntries.filter((entry) => !/^(?:_runner_file_commands|_github_workflow)\//.test(entry));
  expect(ours, 'RUNNER_TEMP holds more than the report').toEqual([
    'compat-gate/',
    expect.stringMatching(/^compat-gate\/report-[^/]+\.json$/),
    expect.stringMatching(/^compat-gate\/report-[^/]+\.sarif$/),
  ]);
}

/**
 * The token may appear in stdout only after `::add-mask::` (the runner masks it from then on),
 * and nowhere that the runner does not mask: stderr goes through no add-mask ordering here.
 */
function expectTokenMaskedInLog(run: Run, token: string): void {
  const lines = run.stdout.split('\n');
  const mask = lines.indexOf(`::add-mask::${token}`);
  const firstUse = lines.findIndex((line) => line.includes(token) && !line.startsWith('::add-mask::'));
  if (firstUse !== -1) expect(mask, 'the token was printed before it was masked').toBeGreaterThanOrEqual(0);
  if (firstUse !== -1) expect(mask).toBeLessThan(firstUse);
  expect(run.stderr.includes(token), 'the token is on stderr').toBe(false);
}

/** Nothing the gate publishes outside the log (summary, report, SARIF, comment, annotations) holds the token. */
async function expectTokenNotPublished(run: Run, token: string): Promise<void> {
  const sarif = run.outputs['sarif'] && existsSync(run.outputs['sarif']) ? await readFile(run.outputs['sarif'], 'utf8') : '';
  for (const [where, text] of [
    ['summary', run.summary],
    ['report', JSON.stringify(run.report ?? {})],
    ['sarif', sarif],
    ['comment', run.commentBodies.join('\n')],
    ['outputs', JSON.stringify(run.outputs)],
  ] as const) {
    expect(text.includes(token), `the token is in the ${where}`).toBe(false);
  }
}

const layer = HAS_DIST ? 'hardening: dist/index.js as the runner starts it' : 'hardening (skipped: dist/index.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-hardening-'));
    repo = await buildPullRequestRepo({
      main: [
        {
          message: 'feat: configs users have',
          files: {
            'schema/config.json': SCHEMA(1),
            'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader-base.mjs'), 'utf8'),
            'configs/current.yaml': 'version: 2\n',
            [OLD]: 'version: 1\n',
            'configs/env.yaml': 'version: 2\nbehaviour: print-env\n',
            'configs/token.yaml': 'version: 2\nbehaviour: print-token\n',
            'configs/hang.yaml': 'version: 2\nbehaviour: hang\n',
          },
        },
      ],
      pr: {
        number: NUMBER,
        branch: 'contributor/versions',
        commits: [
          {
            message: TITLE,
            files: { 'schema/config.json': SCHEMA(2), 'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader.mjs'), 'utf8') },
          },
        ],
      },
    });
  });

  afterAll(async () => {
    for (const dispose of disposals.splice(0)) await dispose();
    await repo?.cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  describe('pull_request_target', () => {
    let refused: Run;
    let schemaOnly: Run;
    let allowed: Run;

    beforeAll(async () => {
      [refused, schemaOnly, allowed] = await Promise.all([
        gate({ eventName: 'pull_request_target', inputs: { configs: OLD } }),
        gate({ eventName: 'pull_request_target', inputs: { configs: OLD, loader: '' } }),
        gate({ eventName: 'pull_request_target', inputs: { configs: OLD, 'allow-pull-request-target': 'true' } }),
      ]);
    });

    it('refuses to start the PR loader: verdict error, saying why and how to move to pull_request', () => {
      expectVerdict(refused, 'error');
      expect(refused.report?.['error']).toMatchObject({
        message: expect.stringContaining('pull_request_target'),
        hint: expect.stringMatching(/`pull_request`.*`allow-pull-request-target: true`/s),
      });
      expect(existsSync(path.join(refused.logs, 'argv.jsonl')), 'the loader was started').toBe(false);
      expect(refused.summary).toContain('pull_request_target');
      expectLeftAsFound(refused);
    });

    it('still judges with the schema alone, which runs no PR code', () => {
      expectVerdict(schemaOnly, 'breaking');
      expect(schemaOnly.report?.configs.map((c) => [c.path, c.status])).toEqual([[OLD, 'broken']]);
    });

    it('starts the loader when allow-pull-request-target is true', async () => {
      expectVerdict(allowed, 'breaking');
      expect(existsSync(path.join(allowed.logs, 'argv.jsonl')), describeRun(allowed)).toBe(true);
      expectLeftAsFound(allowed);
    });
  });

  describe('the token', () => {
    let printsEnv: Run;
    let gitFails: Run;
    let printsToken: Run;
    const plainToken = 'plain-secret-for-ghes-5b2d7f3a9c1e';

    beforeAll(async () => {
      [printsEnv, gitFails, printsToken] = await Promise.all([
        gate({
          inputs: { configs: 'configs/env.yaml' },
          // Workflows hand the token to every step under many names.
          env: { GITHUB_TOKEN: TEST_TOKEN, GH_TOKEN: TEST_TOKEN, DEPLOY_CREDENTIAL: TEST_TOKEN, NOTE: `token=${TEST_TOKEN}` },
        }),
        gate({
          // A token that does not look like GitHub's, so that no pattern can hide it: only masking can.
          token: plainToken,
          // An origin that holds the token in its URL and cannot be reached: every fetch fails.
          prepare: async (workspace) => {
            await runGit(workspace, ['remote', 'set-url', 'origin', `http://x-access-token:${plainToken}@127.0.0.1:9/${OWNER}/${REPO}.git`], repo.env);
          },
          env: { GITHUB_TOKEN: plainToken },
        }),
        gate({ inputs: { configs: 'configs/token.yaml' } }),
      ]);
    });

    it("keeps the token out of the loader's environment, even when the loader prints it", async () => {
      expectVerdict(printsEnv, 'breaking');
      expect(printsEnv.report?.configs.find((c) => c.path === 'configs/env.yaml')?.errors[0]?.message).toContain('refused: printed the environment');
      const dump = await readFile(path.join(printsEnv.logs, 'env.jsonl'), 'utf8');
      expect(dump.length).toBeGreaterThan(0);
      expect(dump.includes(TEST_TOKEN), 'the token is in the loader environment').toBe(false);
      expect(dump).not.toMatch(/"INPUT_GITHUB-TOKEN"|"GITHUB_TOKEN"|"GH_TOKEN"|"DEPLOY_CREDENTIAL"|"NOTE"/);
    });

    it('never prints the token when the loader prints its environment', async () => {
      expectTokenMaskedInLog(printsEnv, TEST_TOKEN);
      expect(printsEnv.stdout.split('\n').filter((line) => line.includes(TEST_TOKEN))).toEqual([`::add-mask::${TEST_TOKEN}`]);
      await expectTokenNotPublished(printsEnv, TEST_TOKEN);
      expectLeftAsFound(printsEnv);
    });

    it('ends in an error naming the base, and never prints the token, when git cannot reach origin', async () => {
      expectVerdict(gitFails, 'error');
      expect(gitFails.report?.['error']).toMatchObject({ message: expect.stringContaining(repo.baseSha.slice(0, 12)) });
      expect(gitFails.stdout).toContain(`::add-mask::${plainToken}`);
      expect(gitFails.stdout.split('\n').filter((line) => line.includes(plainToken))).toEqual([`::add-mask::${plainToken}`]);
      expectTokenMaskedInLog(gitFails, plainToken);
      await expectTokenNotPublished(gitFails, plainToken);
      expectLeftAsFound(gitFails);
    });

    it('masks the token, and replaces it by *** in what it publishes, when a loader that found it (in .git/config, where actions/checkout keeps it) echoes it', () => {
      expectVerdict(printsToken, 'breaking');
      const messages = JSON.stringify(printsToken.report?.configs.map((c) => c.errors) ?? []);
      expect(messages, 'the loader never echoed it').toContain('***');
      expect(printsToken.stdout.split('\n').filter((line) => line.includes(TEST_TOKEN))).toEqual([`::add-mask::${TEST_TOKEN}`]);
      expectTokenMaskedInLog(printsToken, TEST_TOKEN);
      expectLeftAsFound(printsToken);
    });

    it('keeps a token the loader echoed out of the summary, the report and the PR comment', async () => {
      await expectTokenNotPublished(printsToken, TEST_TOKEN);
    });
  });

  describe('a workspace left as it was found', () => {
    const missingSha = 'deadbeef'.repeat(5);
    let timedOut: Run;
    let missingRef: Run;
    let missingCommit: Run;

    beforeAll(async () => {
      [timedOut, missingRef, missingCommit] = await Promise.all([
        gate({ inputs: { configs: 'configs/hang.yaml\nconfigs/current.yaml', 'loader-timeout': '1' } }),
        gate({ inputs: { base: 'release/9.9' } }),
        gate({ inputs: { base: missingSha } }),
      ]);
    });

    it('after a loader timeout: the config it hung on does not load, the rest are judged', () => {
      expectVerdict(timedOut, 'breaking');
      const statuses = Object.fromEntries(timedOut.report?.configs.map((c) => [c.path, c.status]) ?? []);
      expect(statuses).toEqual({ 'configs/current.yaml': 'ok', 'configs/hang.yaml': 'broken' });
      expect(timedOut.report?.configs.find((c) => c.path === 'configs/hang.yaml')?.errors[0]).toMatchObject({ timedOut: true });
      expect(timedOut.durationMs).toBeLessThan(20_000);
      expectLeftAsFound(timedOut);
    });

    it('after the run is cancelled (SIGTERM) while the loader hangs: the loader and its children are ended', async () => {
      const cancelled = await gate({
        entry: path.join(HOSTILE, 'cancel-when-loading.mjs'),
        inputs: { configs: 'configs/hang.yaml', 'loader-timeout': '60' },
      });
      expect(cancelled.timedOut, describeRun(cancelled)).toBe(false);
      expect(cancelled.signal ?? cancelled.exitCode, describeRun(cancelled)).not.toBe(0);
      const pids = (await readFile(path.join(cancelled.logs, 'pids.txt'), 'utf8')).split('\n').filter(Boolean).map(Number);
      expect(pids.length).toBeGreaterThan(0);
      try {
        // Give a killed process a moment to be reaped.
        await new Promise((resolve) => setTimeout(resolve, 200));
        for (const pid of pids) expect(running(pid), `the loader (or its child) ${pid} outlived the cancelled run`).toBe(false);
        expect(cancelled.after, 'the workspace changed').toEqual(cancelled.before);
        // The copies it was given (in RAM when /dev/shm has room) went with the run.
        const given = (await readFile(path.join(cancelled.logs, 'argv.jsonl'), 'utf8')).trim().split('\n').flatMap((line) => (JSON.parse(line) as { files: string[] }).files);
        expect(given.length).toBeGreaterThan(0);
        for (const file of given) expect(existsSync(file), `${file} outlived the cancelled run`).toBe(false);
      } finally {
        for (const pid of pids.filter(running)) process.kill(pid, 'SIGKILL');
      }
    });

    it('after an error: a base ref that does not exist is named, and nothing is judged', () => {
      expectVerdict(missingRef, 'error');
      expect(missingRef.report?.['error']).toMatchObject({ message: expect.stringContaining('`release/9.9`') });
      expect(missingRef.summary.split('\n')[0]).toMatch(/error/);
      expect(missingRef.summary).toContain('release/9.9');
      expect(missingRef.report?.configs).toEqual([]);
      expectLeftAsFound(missingRef);
    });

    it('after an error: a base sha that origin does not have is named', () => {
      expectVerdict(missingCommit, 'error');
      expect(missingCommit.report?.['error']).toMatchObject({ message: expect.stringContaining(missingSha.slice(0, 12)) });
      expectLeftAsFound(missingCommit);
    });
  });

  describe("a branch's first push (an all-zero `before`)", () => {
    const pushEvent = (ref: string, after: string) => ({
      ref,
      before: '0'.repeat(40),
      after,
      created: true,
      deleted: false,
      forced: false,
      repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main' },
      head_commit: { id: after, message: TITLE },
      commits: [],
    });

    /** actions/checkout for a push: the pushed commit alone, on a local branch. */
    const pushCheckout = (branch: string, sha: string) => async () => {
      const workspace = path.join(await mkdtemp(path.join(tempRoot, 'push-')), 'work');
      await mkdir(workspace);
      const git = (args: string[]) => runGit(workspace, args, repo.env);
      await git(['init', '--quiet', workspace]);
      await git(['remote', 'add', 'origin', repo.originUrl]);
      await git(['-c', 'protocol.version=2', 'fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--depth=1', 'origin', `+${sha}:refs/remotes/origin/${branch}`]);
      await git(['checkout', '--quiet', '--force', '-B', branch, `refs/remotes/origin/${branch}`]);
      return workspace;
    };

    let newBranch: Run;
    let defaultBranch: Run;

    beforeAll(async () => {
      [newBranch, defaultBranch] = await Promise.all([
        gate({
          eventName: 'push',
          checkout: pushCheckout(repo.headRef, repo.headSha),
          event: pushEvent(`refs/heads/${repo.headRef}`, repo.headSha),
          inputs: { configs: `${OLD}\nconfigs/current.yaml` },
        }),
        gate({ eventName: 'push', checkout: pushCheckout('main', repo.baseSha), event: pushEvent('refs/heads/main', repo.baseSha) }),
      ]);
    });

    it('compares a new branch with the default branch, fetched by name', () => {
      expectVerdict(newBranch, 'breaking');
      expect(newBranch.report?.['base']).toEqual({ ref: 'main', sha: repo.baseSha });
      expect(newBranch.report?.configs.filter((c) => c.status === 'broken').map((c) => c.path)).toEqual([OLD]);
      expectLeftAsFound(newBranch);
    });

    it("passes the default branch's own first push, saying there is nothing to compare", () => {
      expectVerdict(defaultBranch, 'pass');
      expect(defaultBranch.summary).toMatch(/Nothing to compare/);
      expectLeftAsFound(defaultBranch);
    });
  });

  describe('a GitHub API that fails', () => {
    const pull = `/repos/${OWNER}/${REPO}/pulls/${NUMBER}`;
    const pullAndCommits = new RegExp(`^${pull}(/commits)?$`);
    let badGateway: Run;
    let rateLimited: Run;
    let notFound: Run;

    beforeAll(async () => {
      // The API now has a plain title; the event still has the breaking one it was sent with.
      const common = { title: TITLE, eventTitle: BREAKING_TITLE, inputs: { configs: OLD } };
      [badGateway, rateLimited, notFound] = await Promise.all([
        // The PR alone: a 502 on the commits list too would only cost more of the same retries.
        gate({ ...common, faults: [{ path: pull, fault: 502 }] }),
        gate({ ...common, faults: [{ path: pullAndCommits, fault: 'rate-limit' }] }),
        gate({ ...common, faults: [{ path: pullAndCommits, fault: 404 }] }),
      ]);
    });

    const pullReads = (run: Run) => run.requests.filter((r) => r.path === pull);

    it('retries a 502, then falls back to the event payload, and says so in the summary', () => {
      expectVerdict(badGateway, 'acknowledged');
      expect(pullReads(badGateway).length).toBeGreaterThan(1);
      expect(pullReads(badGateway).every((r) => r.status === 502)).toBe(true);
      expect(badGateway.report?.acknowledgement).toMatchObject({ sources: { title: 'event', labels: 'event', commits: 'api' } });
      expect(badGateway.summary).toMatch(/event payload because the GitHub API failed \(502/);
      expect(badGateway.durationMs).toBeLessThan(20_000);
      expectLeftAsFound(badGateway);
    });

    it('does not wait out an hour-long rate limit: falls back at once to the event and git, saying it was rate limited', () => {
      expectVerdict(rateLimited, 'acknowledged');
      expect(pullReads(rateLimited)).toHaveLength(1);
      expect(rateLimited.report?.acknowledgement).toMatchObject({ sources: { title: 'event', labels: 'event', commits: 'git' } });
      expect(rateLimited.summary).toMatch(/event payload because the GitHub API failed \(403[^)]*rate limit/i);
      expect(rateLimited.summary).toMatch(/Commits of PR #31 come from git because the GitHub API failed \(403/);
      expectLeftAsFound(rateLimited);
    });

    it('falls back to the event and git on a 404, and says the token needs pull-requests: read', () => {
      expectVerdict(notFound, 'acknowledged');
      expect(pullReads(notFound)).toHaveLength(1);
      expect(notFound.report?.acknowledgement).toMatchObject({ sources: { title: 'event', labels: 'event', commits: 'git' } });
      expect(notFound.summary).toMatch(/event payload because the GitHub API failed \(404/);
      expect(notFound.summary).toContain('pull-requests: read');
      expectLeftAsFound(notFound);
    });

    it('never crashes: no stack trace in any of these runs', () => {
      for (const run of [badGateway, rateLimited, notFound]) {
        expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      }
    });
  });
});
