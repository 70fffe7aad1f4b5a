// The functional layer for precise acknowledgements: the bundled dist/index.js with
// `acknowledge-with: file`, on a PR checkout that carries (or not) the acknowledgements file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, stackFiles, stackVariant, type FileTree, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const ACKS = '.github/compat-gate-acknowledged.yaml';
const INPUTS = {
  configs: 'distributions/*/run.yaml',
  schema: 'schema/run.schema.json',
  loader: 'python3 loader/load_config.py',
  release: 'none',
  'acknowledge-with': 'file',
};
// A breaking title: with `acknowledge-with: file` it must not count.
const TITLE = 'feat(schema)!: require conversations_store';

interface Run extends ActionRun {
  comment: string | undefined;
}

interface Coverage {
  found: boolean;
  covered: boolean;
  uncovered: Array<{ fingerprint: string }>;
  entries: Array<{ number: number; state: string }>;
  suggestion?: string;
}

const coverageOf = (run: ActionRun) => (run.report?.acknowledgement as { file?: Coverage }).file;
const fingerprintsOf = (run: ActionRun) =>
  run.report!.configs.filter((config) => config.status === 'broken').flatMap((config) => (config.breaks as Array<{ fingerprint: string }>).map((broke) => broke.fingerprint));

describe.skipIf(!HAS_DIST)('compat-gate action: acknowledge-with: file', () => {
  let tempRoot = '';
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-functional-'));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  async function pullRequest(extra: FileTree = {}): Promise<PullRequestRepo> {
    const repo = await buildPullRequestRepo({
      main: [{ message: 'feat: stack distributions', files: await stackFiles() }],
      pr: { number: 31, branch: 'contributor/breaking-schema', commits: [{ message: TITLE, files: { ...(await stackVariant('breaking-schema')), ...extra } }] },
    });
    cleanups.push(repo.cleanup);
    return repo;
  }

  async function gate(repo: PullRequestRepo): Promise<Run> {
    const pull = {
      title: TITLE,
      labels: ['breaking-change'],
      head: { sha: repo.headSha, ref: repo.headRef },
      base: { sha: repo.baseSha, ref: repo.baseRef },
    };
    const api = await startGitHubApi({
      owner: OWNER,
      repo: REPO,
      requireToken: TEST_TOKEN,
      pulls: { [repo.number]: { ...pull, commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })), mergeCommitSha: repo.mergeSha } },
      comments: {},
    });
    try {
      const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
      const run = await runAction({
        workspace,
        api,
        tempRoot,
        inputs: INPUTS,
        event: pullRequestEvent({ owner: OWNER, repo: REPO, number: repo.number, ...pull, mergeSha: repo.mergeSha, commits: repo.prCommits.length }),
      });
      cleanups.push(run.dispose);
      return { ...run, comment: api.state.comments?.[repo.number]?.[0]?.body };
    } finally {
      await api.close();
    }
  }

  const explain = (run: ActionRun) => `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-1500)}`;

  let without: Run;

  it('fails a PR without the file despite its breaking title and label, offering the entries to paste', async () => {
    without = await gate(await pullRequest());
    expect(without.outputs['verdict'], explain(without)).toBe('breaking');
    expect(without.exitCode).toBe(1);
    const fingerprints = fingerprintsOf(without);
    expect(fingerprints.length).toBeGreaterThan(0);
    expect(coverageOf(without)).toMatchObject({ found: false, covered: false });
    for (const text of [without.summary, without.comment ?? '']) {
      expect(text).toContain(`**No acknowledgements file:** \`${ACKS}\` does not exist`);
      for (const fingerprint of fingerprints) expect(text).toContain(`- fingerprint: ${fingerprint}`);
    }
  });

  it('passes as acknowledged once the PR adds the file the summary offered, with reasons, naming its entries', async () => {
    const suggestion = coverageOf(without)!.suggestion!.replace(/"TODO:[^"]*"/g, '"conversations now need a store: add conversations_store"');
    const run = await gate(await pullRequest({ [ACKS]: `${suggestion}\n` }));
    expect(run.outputs['verdict'], explain(run)).toBe('acknowledged');
    expect(run.exitCode).toBe(0);
    expect(fingerprintsOf(run)).toEqual(fingerprintsOf(without));
    expect(coverageOf(run)).toMatchObject({ found: true, covered: true, uncovered: [] });
    expect(coverageOf(run)!.entries.every((entry) => entry.state === 'used')).toBe(true);
    expect(run.summary).toContain(`The break is acknowledged by the acknowledgements file \`${ACKS}\` — entry 1 (line 4): conversations now need a store`);
  });
});
