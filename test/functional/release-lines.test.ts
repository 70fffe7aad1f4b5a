// Functional: configs followed across moves into old releases, and drift of every release line
// users are on, with the releases listed from a GitHub API that pages with Link headers.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi, type FakeRelease } from '../helpers/github-api.js';

const OWNER = 'meta';
const REPO = 'stack';
const NUMBER = 41;
const TITLE = 'feat: drop kind a';

const schema = (kinds: string[]) =>
  JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['name', 'kind'],
    properties: { name: { type: 'string' }, kind: { enum: kinds }, providers: { type: 'array' } },
  });

// Long enough that a one-line edit during a move still reads as a rename to git.
const runYaml = (name: string, kind: string) =>
  `name: ${name}\nkind: ${kind}\nproviders:\n${Array.from({ length: 12 }, (_, i) => `  - id: ${name}-provider-${i}\n    url: http://localhost:${8000 + i}\n`).join('')}`;

/**
 * The llama-stack history: configs under `llama_stack/templates/` (v0.1.0), moved to
 * `llama_stack/distributions/` (v0.2.0, and the tag v0.2.5 that is no GitHub release), then to
 * `src/llama_stack/distributions/` (v0.3.0), where ollama moved on from kind a (v0.3.1, main).
 * The PR drops kind a: main's configs still load; the old releases' ollama does not.
 */
function buildRepo(): Promise<PullRequestRepo> {
  const move = (from: string, to: string, kinds: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(kinds).flatMap(([name, kind]) => [
        [`${from}/${name}/run.yaml`, null],
        [`${to}/${name}/run.yaml`, runYaml(name, kind)],
      ]),
    );
  return buildPullRequestRepo({
    main: [
      {
        message: 'feat: templates',
        files: {
          'schema.json': schema(['a', 'b']),
          'llama_stack/templates/ollama/run.yaml': runYaml('ollama', 'a'),
          'llama_stack/templates/vllm/run.yaml': runYaml('vllm', 'b'),
        },
      },
      { message: 'refactor: templates are distributions', files: move('llama_stack/templates', 'llama_stack/distributions', { ollama: 'a', vllm: 'b' }) },
      { message: 'refactor: src layout', files: move('llama_stack/distributions', 'src/llama_stack/distributions', { ollama: 'a', vllm: 'b' }) },
      { message: 'feat: ollama is kind b', files: { 'src/llama_stack/distributions/ollama/run.yaml': runYaml('ollama', 'b') } },
    ],
    tags: [
      { name: 'v0.1.0', commit: 0 },
      { name: 'v0.2.0', commit: 1, message: 'release 0.2.0' },
      { name: 'v0.2.5', commit: 1 },
      { name: 'v0.3.0', commit: 2 },
      { name: 'v0.3.1', commit: 3, message: 'release 0.3.1' },
    ],
    pr: { number: NUMBER, commits: [{ message: TITLE, files: { 'schema.json': schema(['b', 'c']) } }] },
  });
}

const published = (tag: string, day: number): FakeRelease => ({ tag_name: tag, draft: false, prerelease: false, published_at: `2025-0${day}-01T00:00:00Z` });

/**
 * Newest first, as GitHub lists them: 110 release candidates fill the first 100-release page,
 * so the releases of lines v0.2 and v0.1 are only on the second. v0.2.9 is a draft.
 */
const RELEASES: FakeRelease[] = [
  ...Array.from({ length: 110 }, (_, i): FakeRelease => ({ tag_name: `v0.4.0-rc.${110 - i}`, draft: false, prerelease: true, published_at: '2025-09-01T00:00:00Z' })),
  { tag_name: 'v0.2.9', draft: true, prerelease: false, published_at: null },
  published('v0.3.1', 5),
  published('v0.3.0', 4),
  published('v0.2.0', 3),
  published('v0.1.0', 2),
];

interface DriftEntry {
  path: string;
  currentPath?: string;
  status: string;
}
interface ReleaseEntry {
  ref: string;
  sha: string;
  drift: { counts: Record<string, number>; configs: DriftEntry[]; nearest?: string[] };
}

const releasesOf = (result: ActionRun) => (result.report as unknown as { releases?: ReleaseEntry[] }).releases ?? [];
const explain = (result: ActionRun) => `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-1000)}`;

describe.skipIf(!existsSync(ACTION_ENTRY))('configs followed across moves, every release line (dist/index.js)', () => {
  let repo: PullRequestRepo;
  let tempRoot = '';
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-lines-'));
    repo = await buildRepo();
    cleanups.push(repo.cleanup);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await rm(tempRoot, { recursive: true, force: true });
  });

  async function run(inputs: Record<string, string>, releases: FakeRelease[] = RELEASES): Promise<ActionRun & { releaseListPages: string[] }> {
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
      releases,
      comments: {},
    });
    try {
      const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
      const result = await runAction({
        workspace,
        api,
        tempRoot,
        inputs: { configs: 'src/llama_stack/distributions/*/run.yaml', schema: 'schema.json', comment: 'never', ...inputs },
        event: pullRequestEvent({
          owner: OWNER,
          repo: REPO,
          number: NUMBER,
          title: TITLE,
          labels: [],
          head: { sha: repo.headSha, ref: repo.headRef },
          base: { sha: repo.baseSha, ref: repo.baseRef },
          mergeSha: repo.mergeSha,
          commits: repo.prCommits.length,
        }),
      });
      cleanups.push(result.dispose);
      const releaseListPages = result.requests.filter((request) => request.path.endsWith('/releases')).map((request) => request.query['page'] ?? '1');
      return { ...result, releaseListPages };
    } finally {
      await api.close();
    }
  }

  it('finds drift through two moves, for each release line, one table a release', async () => {
    const log = path.join(tempRoot, 'loader.log');
    const result = await run({ release: 'latest\nv0.3, v0.2\nv0.1.0,v0.3.0', loader: `printf '%s\\n' >> '${log}'` });
    expect(result.outputs['verdict'], explain(result)).toBe('pass');
    expect(result.exitCode).toBe(0);
    // `latest` and `v0.3` are both v0.3.1; the line v0.2 is GitHub's v0.2.0 (not the tag v0.2.5, nor the draft v0.2.9).
    expect(result.outputs['release']).toBe('v0.3.1,v0.2.0,v0.1.0,v0.3.0');
    expect(result.outputs['drift']).toBe('3');
    // The release list was read to its second page, following the Link header.
    expect(result.releaseListPages).toEqual(['1', '2']);

    const releases = releasesOf(result);
    expect(releases.map((release) => release.ref)).toEqual(['v0.3.1', 'v0.2.0', 'v0.1.0', 'v0.3.0']);
    expect(releases.map((release) => release.sha)).toEqual([repo.tags['v0.3.1'], repo.tags['v0.2.0'], repo.tags['v0.1.0'], repo.tags['v0.3.0']]);
    const byRef = Object.fromEntries(releases.map((release) => [release.ref, release.drift]));
    expect(byRef['v0.3.1']!.counts).toMatchObject({ configs: 2, ok: 2, new: 0 });
    expect(byRef['v0.2.0']!.counts).toMatchObject({ configs: 2, ok: 1, new: 1 });
    expect(byRef['v0.2.0']!.configs).toEqual([
      expect.objectContaining({ path: 'llama_stack/distributions/ollama/run.yaml', currentPath: 'src/llama_stack/distributions/ollama/run.yaml', status: 'new' }),
    ]);
    expect(byRef['v0.1.0']!.configs).toEqual([
      expect.objectContaining({ path: 'llama_stack/templates/ollama/run.yaml', currentPath: 'src/llama_stack/distributions/ollama/run.yaml', status: 'new' }),
    ]);
    const atItsPath = byRef['v0.3.0']!.configs[0]!;
    expect(atItsPath).toMatchObject({ path: 'src/llama_stack/distributions/ollama/run.yaml', status: 'new' });
    expect(atItsPath.currentPath).toBeUndefined();
    // The old single-release shape stays: `release` and `drift` are the first release's.
    const report = result.report as unknown as { release: { ref: string }; drift: { counts: Record<string, number> } };
    expect(report.release.ref).toBe('v0.3.1');
    expect(report.drift.counts).toMatchObject({ configs: 2, new: 0 });

    expect(result.summary).toContain('### Release drift: `v0.2.0`');
    expect(result.summary).toContain('### Release drift: `v0.1.0`');
    expect(result.summary).toMatch(/`llama_stack\/distributions\/ollama\/run\.yaml`\]\([^)]*\/blob\/[0-9a-f]{40}\/llama_stack\/distributions\/ollama\/run\.yaml#L2\) in `v0\.2\.0`, now `src\/llama_stack\/distributions\/ollama\/run\.yaml`/);
    expect(result.summary).toContain('`latest` and `v0.3` are the same release, `v0.3.1`: it is compared once.');
    // A moved config is annotated where it is now, naming where it was.
    const drift = result.annotations.filter((annotation) => annotation.title?.startsWith('Release drift'));
    expect(drift.map((annotation) => annotation.file).sort()).toEqual([
      'src/llama_stack/distributions/ollama/run.yaml',
      'src/llama_stack/distributions/ollama/run.yaml',
      'src/llama_stack/distributions/ollama/run.yaml',
    ]);
    expect(drift.some((annotation) => annotation.message.includes('llama_stack/templates/ollama/run.yaml in v0.1.0 (line 2), now here'))).toBe(true);

    // The same file (path and blob) in the base, v0.3.1 and v0.3.0 is loaded once.
    const loaded = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    expect(loaded.filter((line) => line.endsWith('/src/llama_stack/distributions/vllm/run.yaml'))).toHaveLength(1);
    expect(loaded.filter((line) => line.endsWith('/llama_stack/templates/vllm/run.yaml'))).toHaveLength(1);
  });

  it('applies fail-on-drift to every release, not only the first', async () => {
    const result = await run({ release: 'latest, v0.2', 'fail-on-drift': 'true' });
    expect(result.outputs['verdict'], explain(result)).toBe('breaking');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['broken']).toBe('0');
    expect(result.outputs['release']).toBe('v0.3.1,v0.2.0');
    expect(result.annotations.some((annotation) => annotation.level === 'error' && annotation.title?.includes('v0.2.0'))).toBe(true);
  });

  it('takes release lines from the semver tags without a token', async () => {
    const result = await run({ release: 'v0.2', 'github-token': '' });
    expect(result.outputs['release'], explain(result)).toBe('v0.2.5');
    expect(result.outputs['drift']).toBe('1');
    expect(releasesOf(result)[0]!.drift.configs[0]).toMatchObject({ path: 'llama_stack/distributions/ollama/run.yaml', currentPath: 'src/llama_stack/distributions/ollama/run.yaml' });
  });

  it('is an error, not a release without configs, when the patterns match nothing on the base nor in the PR', async () => {
    // Nothing to follow a move from: the pattern names a folder no release, nor main, nor the PR has.
    const result = await run({ configs: 'src/llama_stack/templates/*/run.yaml', release: 'v0.1.0' });
    expect(result.outputs['verdict'], explain(result)).toBe('error');
    expect(result.summary).toContain('Nothing was checked: no file matches the `configs` patterns (`src/llama_stack/templates/*/run.yaml`)');
  });

  it('says error for a release line that has no release', async () => {
    const result = await run({ release: 'latest, v2' });
    expect(result.outputs['verdict'], explain(result)).toBe('error');
    expect(result.summary).toContain('The release line `v2` has no release');
    expect(result.summary).toContain('Set the `release` input to `latest`, a tag');
  });
});
