// The functional layer: the bundled dist/index.js started as the Actions runner starts a node24
// action, on actions/checkout's shallow checkout of refs/pull/N/merge, with the GitHub API
// served on 127.0.0.1. When this file and a unit test disagree, this file is right.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_ENTRY,
  RUNNER_SECRETS,
  TEST_TOKEN,
  pullRequestEvent,
  runAction,
  type ActionRun,
  type Annotation,
} from '../helpers/action-runner.js';
import {
  buildPullRequestRepo,
  snapshotWorkspace,
  stackFiles,
  stackVariant,
  type PullRequestRepo,
  type StackVariant,
  type WorkspaceSnapshot,
} from '../helpers/git-fixture.js';
import { startGitHubApi, type GitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const RELEASE = 'v0.1.0';
const DISTRIBUTIONS = ['bedrock', 'fireworks', 'meta-reference-gpu', 'ollama', 'together'].map((name) => `distributions/${name}/run.yaml`);
const BEDROCK = 'distributions/bedrock/run.yaml';
const INPUTS = {
  configs: 'distributions/*/run.yaml',
  schema: 'schema/run.schema.json',
  loader: 'python3 loader/load_config.py',
};
const SCHEMA_TITLE = 'feat(schema): require conversations_store';

interface StackRepoOptions {
  number: number;
  pr: StackVariant;
  /** PR commit messages; the first one carries the variant's files. */
  commits: string[];
  /** A variant laid over main before the PR branches. */
  main?: StackVariant;
  /** main gets one more commit after the PR branched. */
  mainMovesOn?: boolean;
}

async function buildStack(options: StackRepoOptions): Promise<PullRequestRepo> {
  const mainCommits = [{ message: 'feat: stack distributions', files: await stackFiles() }];
  if (options.main) mainCommits.push({ message: 'chore: more distributions', files: await stackVariant(options.main) });
  mainCommits.push({ message: 'docs: distribution guide', files: { 'docs/distributions.md': '# Distributions\n\nCopy one and run it.\n' } });
  const prFiles = await stackVariant(options.pr);
  return buildPullRequestRepo({
    main: mainCommits,
    tags: [{ name: RELEASE, commit: 0 }],
    pr: {
      number: options.number,
      branch: `contributor/${options.pr}`,
      commits: options.commits.map((message, i) => ({
        message,
        files: i === 0 ? prFiles : { [`docs/changes/${options.number}-${i}.md`]: `${message.split('\n')[0]}\n` },
      })),
    },
    ...(options.mainMovesOn ? { mainAfterBranch: [{ message: 'ci: cache pip', files: { '.ci/pip.txt': 'pyyaml\npydantic\n' } }] } : {}),
  });
}

interface GateOptions {
  repo: PullRequestRepo;
  /** The PR title the API serves now. */
  title: string;
  /** The title in the event payload, when it was edited since (default: title). */
  eventTitle?: string;
  /** The labels the API serves now. */
  labels?: string[];
  /** The labels in the event payload (default: labels). */
  eventLabels?: string[];
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** A running API to reuse (its state is left as it is); a fresh one otherwise. */
  api?: GitHubApi;
  apiState?: Partial<GitHubApiState>;
}

interface GateRun extends ActionRun {
  workspace: string;
  before: WorkspaceSnapshot;
  after: WorkspaceSnapshot;
}

const cleanups: Array<() => Promise<void>> = [];
let tempRoot = '';

function apiStateFor(options: GateOptions): GitHubApiState {
  const { repo } = options;
  return {
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [repo.number]: {
        title: options.title,
        labels: options.labels ?? [],
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [{ tag_name: RELEASE, draft: false, prerelease: false, published_at: '2024-05-01T12:10:00Z' }],
    comments: {},
    ...options.apiState,
  };
}

/** One step run: a fresh checkout, the action, and the workspace fingerprinted before and after. */
async function gate(options: GateOptions): Promise<GateRun> {
  const { repo } = options;
  const api = options.api ?? (await startGitHubApi(apiStateFor(options)));
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const before = await snapshotWorkspace(workspace, repo.env);
    const run = await runAction({
      workspace,
      api,
      tempRoot,
      inputs: { ...INPUTS, ...options.inputs },
      ...(options.env ? { env: options.env } : {}),
      event: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: repo.number,
        title: options.eventTitle ?? options.title,
        labels: options.eventLabels ?? options.labels ?? [],
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        mergeSha: repo.mergeSha,
        commits: repo.prCommits.length,
      }),
    });
    cleanups.push(run.dispose);
    const after = await snapshotWorkspace(workspace, repo.env);
    return { ...run, workspace, before, after };
  } finally {
    if (!options.api) await api.close();
  }
}

function brokenPaths(run: ActionRun): string[] {
  return [...new Set((run.report?.configs ?? []).filter((c) => c.status === 'broken').map((c) => c.path))].sort();
}

function statusesOf(run: ActionRun, configPath: string): string[] {
  return (run.report?.configs ?? []).filter((c) => c.path === configPath).map((c) => c.status);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? '';
}

function errorFiles(run: ActionRun): string[] {
  return [...new Set(run.annotations.filter((a) => a.level === 'error' && a.file).map((a) => a.file as string))].sort();
}

function annotationText(annotations: readonly Annotation[]): string {
  return annotations.map((a) => `${a.file ?? ''} ${a.title ?? ''} ${a.message}`).join('\n');
}

/** What a failed expectation shows about the run, so that a red test explains itself. */
function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}

function expectVerdict(run: ActionRun, verdict: 'pass' | 'acknowledged' | 'breaking' | 'error'): void {
  expect(run.outputs['verdict'], describeRun(run)).toBe(verdict);
  expect(run.exitCode, describeRun(run)).toBe(verdict === 'breaking' || verdict === 'error' ? 1 : 0);
}

/** stdout as the log shows it: the runner consumes `::add-mask::` lines (core.setSecret) and never prints them. */
function visibleStdout(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

function expectCleanRun(run: GateRun): void {
  expect(run.timedOut).toBe(false);
  expect(run.outputs['verdict'], `the action decided nothing: ${describeRun(run)}`).toBeDefined();
  expect(run.after, 'the workspace changed during the run').toEqual(run.before);
  for (const [name, text] of [
    ['stdout', visibleStdout(run)],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ['report', JSON.stringify(run.report ?? {})],
  ] as const) {
    expect(text.includes(TEST_TOKEN), `the token appears in ${name}`).toBe(false);
  }
}

function expectAcknowledged(run: GateRun): void {
  expectVerdict(run, 'acknowledged');
  expectCleanRun(run);
  expect(run.outputs['broken']).toBe(String(DISTRIBUTIONS.length));
  expect(run.report?.acknowledgement.acknowledged).toBe(true);
  expect(brokenPaths(run)).toEqual(DISTRIBUTIONS);
  const warnings = annotationText(run.annotations.filter((a) => a.level === 'warning'));
  for (const config of DISTRIBUTIONS) expect(warnings, `no warning names ${config}`).toContain(config);
  expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
}

function expectBreaking(run: GateRun, broken: string[]): void {
  expectVerdict(run, 'breaking');
  expectCleanRun(run);
  expect(run.outputs['broken']).toBe(String(broken.length));
  expect(brokenPaths(run)).toEqual(broken);
  expect(run.report?.acknowledgement.acknowledged).toBe(false);
}

const layer = HAS_DIST
  ? 'compat-gate action: dist/index.js started as the runner starts it'
  : 'compat-gate action (skipped: dist/index.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  let compatible: PullRequestRepo;
  let breakingSchema: PullRequestRepo;
  let footer: PullRequestRepo;
  let lookAlikeFooter: PullRequestRepo;
  let breakingLoader: PullRequestRepo;
  let invalidOnBase: PullRequestRepo;

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-functional-'));
    [compatible, breakingSchema, footer, lookAlikeFooter, breakingLoader, invalidOnBase] = await Promise.all([
      buildStack({ number: 11, pr: 'compatible', commits: ['feat(server): optional auth and external providers'] }),
      buildStack({ number: 12, pr: 'breaking-schema', commits: [SCHEMA_TITLE, 'chore: regenerate distributions'] }),
      buildStack({
        number: 13,
        pr: 'breaking-schema',
        commits: [
          SCHEMA_TITLE,
          'chore: regenerate distributions\n\nEvery run.yaml now declares where conversations are kept.\n\nBREAKING CHANGE: run configs must declare conversations_store',
        ],
      }),
      buildStack({
        number: 14,
        pr: 'breaking-schema',
        commits: [SCHEMA_TITLE, 'docs: explain the conversations store\n\nthis is not a BREAKING CHANGE: at all, old configs keep loading'],
      }),
      buildStack({ number: 15, pr: 'breaking-loader', commits: ['refactor(providers): drop the Bedrock provider'], mainMovesOn: true }),
      buildStack({ number: 16, pr: 'breaking-loader', main: 'invalid-on-base', commits: ['refactor(providers): drop the Bedrock provider'] }),
    ]);
    for (const repo of [compatible, breakingSchema, footer, lookAlikeFooter, breakingLoader, invalidOnBase]) cleanups.push(repo.cleanup);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  describe('a compatible change', () => {
    let run: GateRun;
    let envDump: string;

    beforeAll(async () => {
      envDump = path.join(tempRoot, 'loader-env.jsonl');
      run = await gate({
        repo: compatible,
        title: 'feat(server): optional auth and external providers',
        inputs: { loader: `python3 loader/load_config.py --env-dump ${envDump}` },
        // Workflows often hand the token to every step this way; the loader still must not see it.
        env: { GITHUB_TOKEN: TEST_TOKEN },
      });
    });

    it('passes with exit 0 and nothing broken', () => {
      expectVerdict(run, 'pass');
      expect(run.outputs['broken']).toBe('0');
      expect(run.report?.verdict).toBe('pass');
      expect(firstLine(run.summary)).toMatch(/pass/i);
      expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    });

    it('judges exactly the configs of the base, each loading (the PR-only remote-vllm is not an old config)', () => {
      const paths = [...new Set(run.report?.configs.map((c) => c.path))].sort();
      expect(paths, describeRun(run)).toEqual(DISTRIBUTIONS);
      for (const config of run.report?.configs ?? []) expect(config.status, config.path).toBe('ok');
    });

    it('leaves the workspace byte-for-byte untouched and never prints the token', () => {
      expectCleanRun(run);
    });

    it('reads the pull request live from the API, with the token', () => {
      const pullReads = run.requests.filter((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/pulls/${compatible.number}`);
      expect(pullReads.length, describeRun(run)).toBeGreaterThan(0);
      expect(run.requests.filter((r) => r.status === 401)).toEqual([]);
    });

    it('compares against the latest release', () => {
      expect(run.outputs['release']).toBe(RELEASE);
      expect(run.outputs['drift']).toBe('0');
    });

    it("keeps the token and the runner's secrets out of the loader's environment", async () => {
      expect(existsSync(envDump), `the loader never ran: ${describeRun(run)}`).toBe(true);
      const dumps = (await readFile(envDump, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { env: Record<string, string> });
      expect(dumps.length).toBeGreaterThan(0);
      for (const { env } of dumps) {
        const text = JSON.stringify(env);
        expect(text.includes(TEST_TOKEN), 'the token is in the loader environment').toBe(false);
        for (const [name, secret] of Object.entries(RUNNER_SECRETS)) expect(text.includes(secret), `${name} is in the loader environment`).toBe(false);
        expect(Object.keys(env).filter((key) => key.toUpperCase() === 'INPUT_GITHUB-TOKEN')).toEqual([]);
      }
    });

    it('tells the loader which old ref its configs come from (COMPAT_GATE_REF)', async () => {
      const dumps = (await readFile(envDump, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { env: Record<string, string> });
      // The release's configs are the base's own files (same path and blob): judged once, as the base's.
      const refs = dumps.map(({ env }) => env['COMPAT_GATE_REF']);
      expect([...new Set(refs)]).toEqual(['main']);
    });
  });

  describe('a breaking schema change (a new required field)', () => {
    let run: GateRun;

    beforeAll(async () => {
      run = await gate({ repo: breakingSchema, title: SCHEMA_TITLE });
    });

    it('fails with exit 1 and counts every config of the base as broken, though the PR updated its own copies', () => {
      expectBreaking(run, DISTRIBUTIONS);
    });

    it('gives each broken config in the report its first error', () => {
      for (const configPath of DISTRIBUTIONS) {
        const config = run.report?.configs.find((c) => c.path === configPath && c.status === 'broken');
        expect(config, `${configPath}: ${describeRun(run)}`).toBeDefined();
        expect(config?.errors[0]?.message, configPath).toBe('missing required property `conversations_store`');
      }
    });

    it('names the verdict first in the job summary, every broken config, and how to acknowledge', () => {
      expect(firstLine(run.summary)).toMatch(/breaking/i);
      for (const config of DISTRIBUTIONS) expect(run.summary).toContain(config);
      expect(run.summary).toContain('!:');
      expect(run.summary).toContain('breaking-change');
    });

    it('annotates each broken config with an error on its file', () => {
      // Each broken config, and the schema change behind the break on its line in the PR's schema.
      expect(errorFiles(run)).toEqual([...DISTRIBUTIONS, INPUTS.schema]);
    });

    it('counts the release configs that no longer load as drift', () => {
      expect(run.outputs['release']).toBe(RELEASE);
      expect(run.outputs['drift']).toBe(String(DISTRIBUTIONS.length));
    });
  });

  describe('acknowledgement', () => {
    it('acknowledges a scoped breaking title (feat(api)!: …)', async () => {
      const run = await gate({ repo: breakingSchema, title: 'feat(api)!: require conversations_store' });
      expectAcknowledged(run);
    });

    it('reads the title live: a title made breaking after the event acknowledges on re-run', async () => {
      const run = await gate({ repo: breakingSchema, eventTitle: SCHEMA_TITLE, title: 'feat(schema)!: require conversations_store' });
      expectAcknowledged(run);
    });

    it('acknowledges a BREAKING CHANGE: footer in one of the PR commits the API lists', async () => {
      const run = await gate({ repo: footer, title: SCHEMA_TITLE });
      expectAcknowledged(run);
      expect(run.requests.some((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/pulls/${footer.number}/commits`)).toBe(true);
    });

    it('acknowledges a label the API has but the event payload does not (added after the event)', async () => {
      const run = await gate({ repo: breakingSchema, title: SCHEMA_TITLE, labels: ['area/schema', 'breaking-change'], eventLabels: [] });
      expectAcknowledged(run);
    });

    it('does not take a `!:` inside the title (fix: handle !: in names) for a breaking marker', async () => {
      const run = await gate({ repo: breakingSchema, title: 'fix: handle !: in names' });
      expectBreaking(run, DISTRIBUTIONS);
    });

    it('does not take BREAKING CHANGE: in the middle of a sentence for a footer', async () => {
      const run = await gate({ repo: lookAlikeFooter, title: SCHEMA_TITLE });
      expectBreaking(run, DISTRIBUTIONS);
    });
  });

  describe('a break in the loader alone', () => {
    let run: GateRun;

    beforeAll(async () => {
      run = await gate({ repo: breakingLoader, title: 'refactor(providers): drop the Bedrock provider' });
    });

    it('attributes the break to the one config it breaks, though main moved on and the PR deleted that config', () => {
      expectBreaking(run, [BEDROCK]);
      for (const config of DISTRIBUTIONS.filter((c) => c !== BEDROCK)) expect(statusesOf(run, config), config).toEqual(['ok']);
    });

    it("reports the loader's own message for that config", () => {
      const bedrock = run.report?.configs.find((c) => c.path === BEDROCK);
      expect(bedrock?.errors.map((e) => e.message).join('\n')).toContain('remote::bedrock');
    });

    it("annotates only that config and the loader's changed line, and names it in the summary", () => {
      // The broken config, and the loader-only break on the loader's changed line.
      expect(errorFiles(run)).toEqual([BEDROCK, 'loader/load_config.py']);
      expect(firstLine(run.summary)).toMatch(/breaking/i);
      expect(run.summary).toContain(BEDROCK);
    });
  });

  describe('configs already failing on the base', () => {
    let run: GateRun;

    beforeAll(async () => {
      run = await gate({ repo: invalidOnBase, title: 'refactor(providers): drop the Bedrock provider' });
    });

    it('does not blame the PR for them: only the config the PR breaks counts', () => {
      expectBreaking(run, [BEDROCK]);
      // The broken config, and the loader-only break on the loader's changed line.
      expect(errorFiles(run)).toEqual([BEDROCK, 'loader/load_config.py']);
      const onLoader = run.annotations.find((a) => a.file === 'loader/load_config.py');
      expect(onLoader?.message).toContain(BEDROCK);
      expect(onLoader?.message).not.toMatch(/experimental|draft/);
    });

    it('reports a config that fails the base schema as failing-on-base and a config that is not YAML as unreadable', () => {
      expect(statusesOf(run, 'distributions/experimental/run.yaml'), describeRun(run)).toEqual(['failing-on-base']);
      expect(statusesOf(run, 'distributions/draft/run.yaml'), describeRun(run)).toEqual(['unreadable']);
    });
  });

  describe('a missing schema file', () => {
    let run: GateRun;
    const missing = 'schema/run.schema.v3.json';

    beforeAll(async () => {
      run = await gate({ repo: compatible, title: 'feat(server): optional auth', inputs: { schema: missing } });
    });

    it('is a gate error naming the file, not a break of the PR', () => {
      expectVerdict(run, 'error');
      expectCleanRun(run);
      expect(run.report?.verdict).toBe('error');
      const errors = run.annotations.filter((a) => a.level === 'error');
      expect(annotationText(errors)).toContain(missing);
      expect(errors.filter((a) => a.file?.startsWith('distributions/'))).toEqual([]);
      expect(Number(run.outputs['broken'] ?? '0')).toBe(0);
    });

    it('says error, not breaking, on the first line of the summary, and names the file', () => {
      expect(firstLine(run.summary)).toMatch(/error/i);
      expect(firstLine(run.summary)).not.toMatch(/breaking/i);
      expect(run.summary).toContain(missing);
    });
  });

  describe('the sticky PR comment', () => {
    it('comments once on a break and updates that comment in place on a re-run', async () => {
      const api = await startGitHubApi(apiStateFor({ repo: breakingSchema, title: SCHEMA_TITLE }));
      try {
        const first = await gate({ repo: breakingSchema, title: SCHEMA_TITLE, api });
        expectBreaking(first, DISTRIBUTIONS);
        const comments = api.state.comments?.[breakingSchema.number] ?? [];
        expect(comments, describeRun(first)).toHaveLength(1);
        expect(comments[0]?.body).toContain(BEDROCK);

        const pull = api.state.pulls?.[breakingSchema.number];
        if (pull) pull.labels = ['breaking-change'];
        const second = await gate({ repo: breakingSchema, title: SCHEMA_TITLE, labels: ['breaking-change'], api });
        expectAcknowledged(second);
        expect(second.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toEqual([]);
        expect(second.requests.some((r) => r.method === 'PATCH' && r.path.startsWith(`/repos/${OWNER}/${REPO}/issues/comments/`))).toBe(true);
        expect(api.state.comments?.[breakingSchema.number]).toHaveLength(1);
      } finally {
        await api.close();
      }
    });

    it('does not fail the run when the token cannot write comments (a fork PR)', async () => {
      const run = await gate({
        repo: breakingSchema,
        title: 'feat(api)!: require conversations_store',
        apiState: { readOnly: true },
      });
      expectAcknowledged(run);
    });
  });
});
