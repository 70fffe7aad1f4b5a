// Functional: a backport PR into `release-0.3.x`. `release: latest` is the newest release of that
// line (v0.3.1), not GitHub's latest release of the project (v0.4.0), and the summary says so.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction } from '../helpers/action-runner.js';
import { buildPullRequestRepo, runGit, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type FakeRelease } from '../helpers/github-api.js';

const OWNER = 'meta';
const REPO = 'stack';
const NUMBER = 52;
const TITLE = 'fix: backport the provider fix';
const BRANCH = 'release-0.3.x';

const schema = (kinds: string[]) => JSON.stringify({ type: 'object', required: ['kind'], properties: { kind: { enum: kinds } } });
const runYaml = (kind: string) => `name: ollama\nkind: ${kind}\n`;

const RELEASES: FakeRelease[] = [
  { tag_name: 'v0.4.0', draft: false, prerelease: false, published_at: '2025-06-01T00:00:00Z' },
  { tag_name: 'v0.3.1', draft: false, prerelease: false, published_at: '2025-05-01T00:00:00Z' },
  { tag_name: 'v0.3.0', draft: false, prerelease: false, published_at: '2025-04-01T00:00:00Z' },
];

describe.skipIf(!existsSync(ACTION_ENTRY))('a backport PR into a release branch (dist/index.js)', () => {
  let repo: PullRequestRepo;
  let tempRoot = '';

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-backport-'));
    // The release branch's history: v0.3.0, v0.3.1 (kind b), then back to kind a; the backport
    // drops kind b, which users of v0.3.1 still have.
    repo = await buildPullRequestRepo({
      main: [
        { message: 'feat: configs', files: { 'schema.json': schema(['a', 'b', 'c']), 'configs/run.yaml': runYaml('a') } },
        { message: 'fix: ollama is kind b', files: { 'configs/run.yaml': runYaml('b') } },
        { message: 'fix: ollama is kind a again', files: { 'configs/run.yaml': runYaml('a') } },
      ],
      tags: [
        { name: 'v0.3.0', commit: 0 },
        { name: 'v0.3.1', commit: 1 },
      ],
      pr: { number: NUMBER, branch: 'backport-52', commits: [{ message: TITLE, files: { 'schema.json': schema(['a', 'c']) } }] },
    });
    // v0.4.0 was cut from the main line, where ollama moved on to kind c: it is no ancestor of the branch.
    const author = path.join(repo.root, 'author');
    const git = (args: string[]) => runGit(author, args, repo.env);
    await git(['checkout', '--quiet', '-b', 'next', repo.mainShas[0]!]);
    await writeFile(path.join(author, 'configs', 'run.yaml'), runYaml('c'));
    await git(['commit', '--quiet', '-am', 'feat: kind c']);
    await git(['tag', 'v0.4.0']);
    await git(['push', '--quiet', repo.originUrl, 'refs/tags/v0.4.0']);
  });

  afterAll(async () => {
    await repo?.cleanup();
    await rm(tempRoot, { recursive: true, force: true });
  });

  it('compares with the newest release of the line (v0.3.1), not the project\'s latest (v0.4.0)', async () => {
    const api = await startGitHubApi({
      owner: OWNER,
      repo: REPO,
      requireToken: TEST_TOKEN,
      pulls: {
        [NUMBER]: {
          title: TITLE,
          labels: [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: BRANCH },
          commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
          mergeCommitSha: repo.mergeSha,
        },
      },
      releases: RELEASES,
      comments: {},
    });
    try {
      const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
      const result = await runAction({
        workspace,
        api,
        tempRoot,
        inputs: { configs: 'configs/*.yaml', schema: 'schema.json', comment: 'never' },
        event: pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: NUMBER,
          title: TITLE,
          labels: [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: BRANCH },
          mergeSha: repo.mergeSha,
          commits: 1,
        }),
      });
      try {
        expect(result.outputs['release'], result.stdout.slice(-2000)).toBe('v0.3.1');
        expect(result.outputs['drift']).toBe('1');
        expect(result.outputs['verdict']).toBe('pass');
        expect(result.summary).toContain('The base branch `release-0.3.x` names the release line 0.3: `latest` is that line\'s newest stable release, `v0.3.1`.');
        expect(result.summary).toContain('set the `release` input to its tag or its line (`v0.4`)');
        // GitHub's latest release belongs to another line: it is not asked for.
        expect(result.requests.some((request) => request.path.endsWith('/releases/latest'))).toBe(false);
      } finally {
        await result.dispose();
      }
    } finally {
      await api.close();
    }
  });
});
