// The bundled action (dist/index.js, started as the runner starts it) with a `migrate` command:
// on a PR that renames a property, the configs the command upgrades migrate, with their diff in
// the job summary and the sticky comment; the others have no migration, called out first; the
// workspace never changes. Under pull_request_target the PR's command is not started.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, snapshotWorkspace, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const NUMBER = 19;
const TITLE = 'feat(schema): hostname is host';

const closed = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });
const schema = (name: string) => JSON.stringify(closed({ server: closed({ [name]: { type: 'string' }, port: { type: 'integer' } }), note: { type: 'string' } }), null, 2);

/** Renames `hostname` in each copy; refuses the frozen ones in a JSON line and exits 1. */
const MIGRATE = `
import { readFileSync, writeFileSync } from 'node:fs';
let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('frozen')) { console.log(JSON.stringify({ file, ok: false, message: 'frozen configs are not migrated' })); failed = true; continue; }
  writeFileSync(file, text.replace('hostname:', 'host:'));
}
process.exitCode = failed ? 1 : 0;
`;

const INPUTS = { configs: 'configs/*.yaml', schema: 'schema.json', release: 'none', migrate: 'node tools/migrate.mjs' };

let repo: PullRequestRepo;
let tempRoot = '';
const disposals: Array<() => Promise<void>> = [];

function apiState(): GitHubApiState {
  return {
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
    releases: [],
    comments: {},
  };
}

async function gate(eventName = 'pull_request'): Promise<{ run: ActionRun; comments: string[]; workspaceChanged: boolean }> {
  const api = await startGitHubApi(apiState());
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const before = await snapshotWorkspace(workspace, repo.env);
    const run = await runAction({
      workspace,
      api,
      tempRoot,
      eventName,
      inputs: INPUTS,
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
    disposals.push(run.dispose);
    const after = await snapshotWorkspace(workspace, repo.env);
    return { run, comments: (api.state.comments?.[NUMBER] ?? []).map((comment) => comment.body), workspaceChanged: JSON.stringify(after) !== JSON.stringify(before) };
  } finally {
    await api.close();
  }
}

const describeRun = (run: ActionRun) => `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`;

describe.skipIf(!HAS_DIST)('the action with a migrate command', () => {
  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-fn-migrate-'));
    repo = await buildPullRequestRepo({
      main: [
        {
          message: 'feat: configs',
          files: {
            'schema.json': schema('hostname'),
            'configs/a.yaml': 'server:\n  hostname: a.local\n  port: 1\n',
            'configs/frozen.yaml': 'server:\n  hostname: f.local\nnote: frozen\n',
            'configs/ok.yaml': 'note: fine\n',
          },
        },
      ],
      pr: { number: NUMBER, commits: [{ message: TITLE, files: { 'schema.json': schema('host'), 'tools/migrate.mjs': MIGRATE } }] },
    });
  }, 60_000);

  afterAll(async () => {
    for (const dispose of disposals) await dispose();
    await repo?.cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  it('reports which breaks migrate, with their diff in the summary and the comment, and which have none, first; the verdict stays breaking', async () => {
    const { run, comments, workspaceChanged } = await gate();
    expect(run.outputs['verdict'], describeRun(run)).toBe('breaking');
    expect(run.exitCode).toBe(1);
    expect(workspaceChanged, 'the workspace changed during the run').toBe(false);
    const configs = run.report?.configs ?? [];
    expect(configs.find((c) => c.path === 'configs/a.yaml')?.['migration']).toMatchObject({ status: 'migrates', diff: expect.stringContaining('-  hostname: a.local\n+  host: a.local') });
    expect(configs.find((c) => c.path === 'configs/frozen.yaml')?.['migration']).toEqual({ status: 'no-migration', message: 'the migrate command failed on it: frozen configs are not migrated' });

    const section = run.summary.slice(run.summary.indexOf('### Migrations'));
    expect(section).toContain('**1 break has no migration** (listed first)');
    expect(section.indexOf('configs/frozen.yaml')).toBeLessThan(section.indexOf('configs/a.yaml'));
    expect(section).toContain('<details><summary><code>configs/a.yaml</code> of <code>main</code>: before → after</summary>');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('#### Migrations');
    expect(comments[0]).toContain('+  host: a.local');
    expect(run.outputs['release-note']).toContain('"node tools/migrate.mjs" upgrades 1 config of main (configs/a.yaml).');
    expect(JSON.stringify(run.report)).not.toContain(TEST_TOKEN);
  });

  it('does not start the PR\'s migrate command under pull_request_target', async () => {
    const { run } = await gate('pull_request_target');
    expect(run.outputs['verdict'], describeRun(run)).toBe('error');
    expect((run.report?.['error'] as { message: string } | undefined)?.message).toContain("does not start the PR's `migrate` command under `pull_request_target`");
  });
});
