// The functional layer for what acknowledges a break and whether it reaches the release: the
// bundled dist/index.js on a PR checkout whose repository releases with semantic-release, the
// repository's merge settings served by the fake GitHub API.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, stackFiles, stackVariant, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const INPUTS = {
  configs: 'distributions/*/run.yaml',
  schema: 'schema/run.schema.json',
  loader: 'python3 loader/load_config.py',
  release: 'none',
};
// semantic-release with no preset named: the default, angular, which reads no `!`.
const RELEASERC = JSON.stringify({ branches: ['main'], plugins: ['@semantic-release/commit-analyzer', '@semantic-release/release-notes-generator'] }, null, 2);
// What GitHub returns for a repository that allows squash merges only, with its default squash messages.
const SQUASH_ONLY: GitHubApiState['mergeSettings'] = {
  allow_squash_merge: true,
  allow_merge_commit: false,
  allow_rebase_merge: false,
  squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
  squash_merge_commit_message: 'COMMIT_MESSAGES',
};
const COMMITS = ['feat(schema): require conversations_store', 'chore: regenerate distributions'];

interface Run extends ActionRun {
  comment: string | undefined;
}

/** The parts of the report's acknowledgement these tests read. */
interface AcknowledgementPart {
  release?: { problems: unknown[] };
  nearMisses?: Array<{ kind: string }>;
}

function acknowledgementOf(run: ActionRun): AcknowledgementPart {
  return (run.report?.acknowledgement ?? {}) as AcknowledgementPart;
}

const layer = HAS_DIST
  ? 'compat-gate action: an acknowledgement that reaches the release, and near misses'
  : 'compat-gate action (skipped: dist/index.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  let repo: PullRequestRepo;
  let tempRoot = '';
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-functional-'));
    // The breaking variant's files go into the first PR commit; the second only adds a note.
    repo = await buildPullRequestRepo({
      main: [{ message: 'feat: stack distributions', files: { ...(await stackFiles()), '.releaserc.json': `${RELEASERC}\n` } }],
      pr: {
        number: 21,
        branch: 'contributor/breaking-schema',
        commits: [
          { message: COMMITS[0]!, files: await stackVariant('breaking-schema') },
          { message: COMMITS[1]!, files: { 'docs/changes/21.md': `${COMMITS[1]}\n` } },
        ],
      },
    });
    cleanups.push(repo.cleanup);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  async function gate(options: { title: string; labels?: string[]; body?: string; inputs?: Record<string, string>; mergeSettings?: GitHubApiState['mergeSettings'] }): Promise<Run> {
    const api = await startGitHubApi({
      owner: OWNER,
      repo: REPO,
      requireToken: TEST_TOKEN,
      pulls: {
        [repo.number]: {
          title: options.title,
          ...(options.body !== undefined ? { body: options.body } : {}),
          labels: options.labels ?? [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
          mergeCommitSha: repo.mergeSha,
        },
      },
      comments: {},
      ...(options.mergeSettings ? { mergeSettings: options.mergeSettings } : {}),
    });
    try {
      const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
      const run = await runAction({
        workspace,
        api,
        tempRoot,
        inputs: { ...INPUTS, ...options.inputs },
        event: pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: repo.number,
          title: options.title,
          labels: options.labels ?? [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          mergeSha: repo.mergeSha,
          commits: repo.prCommits.length,
        }),
      });
      cleanups.push(run.dispose);
      return { ...run, comment: api.state.comments?.[repo.number]?.[0]?.body };
    } finally {
      await api.close();
    }
  }

  function explain(run: ActionRun): string {
    return `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-1500)}`;
  }

  describe('semantic-release with its default preset, a break acknowledged only by a `feat!:` title', () => {
    const title = 'feat(schema)!: require conversations_store';
    let warned: Run;
    let failed: Run;

    beforeAll(async () => {
      [warned, failed] = await Promise.all([
        gate({ title, mergeSettings: SQUASH_ONLY }),
        gate({ title, mergeSettings: SQUASH_ONLY, inputs: { 'ack-must-reach-release': 'true' } }),
      ]);
    });

    it('passes as acknowledged, and the summary and the comment say the release will not show it, with the fix', () => {
      expect(warned.outputs['verdict'], explain(warned)).toBe('acknowledged');
      expect(warned.exitCode).toBe(0);
      const fix =
        '- semantic-release (angular preset), squash merge: it ignores the `!` of `feat!: …` and reads only a `BREAKING CHANGE:` footer. **Fix:** add a `BREAKING CHANGE: <what users must change>` footer to a commit message of the PR: the squash body keeps the commit messages.';
      for (const text of [warned.summary, warned.comment ?? '']) {
        expect(text).toContain('**The release will not show this break:**');
        expect(text).toContain(fix);
        expect(text).toContain('Set `ack-must-reach-release: true` to fail the check on this.');
      }
      expect(warned.annotations.some((a) => a.level === 'warning' && a.title === 'compat-gate: not a major release')).toBe(true);
    });

    it('reads the release tool from the checkout and the squash settings from the repository', () => {
      expect(warned.report?.acknowledgement.release).toEqual({
        tools: [{ name: 'semantic-release', file: '.releaserc.json', preset: 'angular' }],
        merge: { methods: ['squash'], squashTitle: 'COMMIT_OR_PR_TITLE', squashMessage: 'COMMIT_MESSAGES', mergeTitle: 'MERGE_MESSAGE', mergeMessage: 'PR_TITLE', source: 'api' },
        problems: [expect.objectContaining({ tool: 'semantic-release (angular preset)', method: 'squash' })],
        required: false,
      });
      expect(warned.requests.some((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}`)).toBe(true);
    });

    it('fails the step with ack-must-reach-release, saying why instead of how to acknowledge', () => {
      expect(failed.outputs['verdict'], explain(failed)).toBe('breaking');
      expect(failed.exitCode).toBe(1);
      expect(failed.report?.acknowledgement.acknowledged).toBe(true);
      expect(failed.summary).toContain('but the release will not: `ack-must-reach-release` is set');
      expect(failed.summary).not.toContain('If the break is intended');
      expect(failed.comment).toContain('`ack-must-reach-release` is set');
      expect(failed.stdout).toContain('the acknowledgement will not reach the release');
    });
  });

  it('says nothing of the release when the footer is in the PR description and the squash body is the description', async () => {
    const run = await gate({
      title: 'feat(schema)!: require conversations_store',
      body: 'Every run.yaml must now say where conversations are kept.\n\nBREAKING CHANGE: add `conversations_store` to every run.yaml',
      mergeSettings: { ...SQUASH_ONLY, squash_merge_commit_title: 'PR_TITLE', squash_merge_commit_message: 'PR_BODY' },
      inputs: { 'ack-must-reach-release': 'true' },
    });
    expect(run.outputs['verdict'], explain(run)).toBe('acknowledged');
    expect(acknowledgementOf(run).release?.problems).toEqual([]);
    expect(run.summary).not.toContain('The release will not show this break');
  });

  it('lists near misses of a breaking PR under "Not counted, because …", with the form that counts', async () => {
    const run = await gate({ title: 'feat(schema) !: require conversations_store', labels: ['Breaking Change'] });
    expect(run.outputs['verdict'], explain(run)).toBe('breaking');
    for (const text of [run.summary, run.comment ?? '']) {
      expect(text).toContain('**Not counted, because …**');
      expect(text).toContain('- the title `feat(schema) !: require conversations_store`: a space before `!`; what counts: `feat(schema)!: require conversations_store`');
      expect(text).toContain('- the label `Breaking Change`: it differs from an `ack-labels` label in case or separators; what counts: the label `breaking-change`');
    }
    expect(acknowledgementOf(run).nearMisses?.map((miss) => miss.kind)).toEqual(['title', 'label']);
  });
});
