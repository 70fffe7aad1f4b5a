// The culprit in the PR's own diff and the release note, as the runner sees them: dist/index.js
// on a shallow checkout of the PR merge ref, the GitHub API served on 127.0.0.1.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, stackFiles, stackVariant, type PullRequestRepo, type StackVariant } from '../helpers/git-fixture.js';
import { startGitHubApi, type GitHubApiState } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const RELEASE = 'v0.1.0';
const SCHEMA = 'schema/run.schema.json';
const INPUTS = { configs: 'distributions/*/run.yaml', schema: SCHEMA, loader: 'python3 loader/load_config.py' };
const DISTRIBUTIONS = ['bedrock', 'fireworks', 'meta-reference-gpu', 'ollama', 'together'].map((name) => `distributions/${name}/run.yaml`);

let tempRoot = '';
const cleanups: Array<() => Promise<void>> = [];

async function buildStack(number: number, variant: StackVariant, title: string): Promise<PullRequestRepo> {
  return buildPullRequestRepo({
    main: [{ message: 'feat: stack distributions', files: await stackFiles() }],
    tags: [{ name: RELEASE, commit: 0 }],
    pr: { number, branch: `contributor/${variant}`, commits: [{ message: title, files: await stackVariant(variant) }] },
  });
}

/** One step run on the PR, with its sticky comment (undefined when none was written). */
async function gate(repo: PullRequestRepo, title: string, labels: string[] = []): Promise<ActionRun & { comment?: string }> {
  const state: GitHubApiState = {
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [repo.number]: {
        title,
        labels,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [{ tag_name: RELEASE, draft: false, prerelease: false, published_at: '2024-05-01T12:10:00Z' }],
    comments: {},
  };
  const api = await startGitHubApi(state);
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const run = await runAction({
      workspace,
      api,
      tempRoot,
      inputs: INPUTS,
      event: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: repo.number,
        title,
        labels,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        mergeSha: repo.mergeSha,
        commits: repo.prCommits.length,
      }),
    });
    cleanups.push(run.dispose);
    const comment = api.state.comments?.[repo.number]?.[0]?.body;
    return { ...run, ...(comment ? { comment } : {}) };
  } finally {
    await api.close();
  }
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}

/** The part of a markdown text from a heading or tag to the next one of its kind. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from === -1) return '';
  const to = text.indexOf(end, from + start.length);
  return text.slice(from, to === -1 ? undefined : to + (end.startsWith('</') ? end.length : 0)).trim();
}

describe.skipIf(!HAS_DIST)('the culprit in the diff and the release note (dist/index.js)', () => {
  let breakingSchema: PullRequestRepo;
  let breakingLoader: PullRequestRepo;

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-culprit-'));
    [breakingSchema, breakingLoader] = await Promise.all([
      buildStack(21, 'breaking-schema', 'feat(schema): require conversations_store'),
      buildStack(22, 'breaking-loader', 'refactor(loader): drop bedrock'),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await Promise.all([breakingSchema?.cleanup(), breakingLoader?.cleanup()]);
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  describe('a schema change that breaks every config', () => {
    let run: ActionRun & { comment?: string };
    beforeAll(async () => {
      run = await gate(breakingSchema, 'feat(schema): require conversations_store');
    }, 180_000);

    it("annotates the changed keyword's line in the PR's schema file, naming the configs it breaks", async () => {
      expect(run.outputs['verdict'], describeRun(run)).toBe('breaking');
      const onSchema = run.annotations.filter((a) => a.file === SCHEMA);
      expect(onSchema, describeRun(run)).toHaveLength(1);
      const schemaLines = (await readFile(new URL('../fixtures/stack/variants/breaking-schema/schema/run.schema.json', import.meta.url), 'utf8')).split('\n');
      const line = schemaLines.findIndex((text) => text.includes('"required": ["version", "image_name", "apis", "providers", "conversations_store"]')) + 1;
      expect(line).toBeGreaterThan(0);
      const [annotation] = onSchema;
      expect(annotation).toMatchObject({ level: 'error', line, title: 'Schema change that breaks 10 configs' });
      // The release's five configs and main's five, a few of each by name.
      expect(annotation!.message).toContain('conversations_store');
      expect(annotation!.message).toContain(`5 configs of ${RELEASE} (${DISTRIBUTIONS.join(', ')})`);
      expect(annotation!.message).toContain(`5 configs of main (${DISTRIBUTIONS.join(', ')})`);
      // Within GitHub's 10 errors a step, the failure message included.
      expect(run.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(10);
      expect(run.annotations.filter((a) => a.level === 'error' && a.file?.startsWith('distributions/')).length).toBeGreaterThan(0);
    });

    it('gives the release note as an output, in the JSON report, the summary and the folded comment', async () => {
      const footer = run.outputs['release-note'] ?? '';
      expect(footer.split('\n')[0]).toBe('BREAKING CHANGE: configs written for earlier versions must change:');
      const lines = footer.split('\n').slice(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^- .*conversations_store.*: change 5 configs of v0\.1\.0 \(distributions\/bedrock\/run\.yaml, distributions\/fireworks\/run\.yaml, distributions\/meta-reference-gpu\/run\.yaml and 2 more\) and 5 configs of main \(.* and 2 more\)\.$/);
      expect((run.report?.['releaseNote'] as { footer: string }).footer).toBe(footer);
      expect(run.summary).toContain(`### Release note`);
      expect(run.summary).toContain(footer);
      expect(run.comment, describeRun(run)).toContain('<details><summary>Release note');
      expect(run.comment).toContain(footer);
      await expect(
        [between(run.summary, '### Release note', '\n### '), '<!-- the comment -->', between(run.comment ?? '', '<details>', '</details>'), '<!-- the annotation -->', `    ${run.annotations.find((a) => a.file === SCHEMA)?.message.replace(/\n/g, '\n    ')}`].join('\n\n') + '\n',
      ).toMatchFileSnapshot('../__outputs__/release-note-schema.md');
    });
  });

  describe('a loader that now refuses a config, with no schema change behind it', () => {
    let run: ActionRun & { comment?: string };
    beforeAll(async () => {
      run = await gate(breakingLoader, 'refactor(loader): drop bedrock', ['breaking-change']);
    }, 180_000);

    it("annotates the loader-only break once, on the loader's changed line, naming the configs and quoting the loader", async () => {
      expect(run.outputs['verdict'], describeRun(run)).toBe('acknowledged');
      const culprit = run.annotations.filter((a) => a.title?.startsWith('The loader now refuses'));
      expect(culprit, describeRun(run)).toHaveLength(1);
      expect(culprit[0]).toMatchObject({ level: 'warning', title: 'The loader now refuses 2 configs that no schema change explains' });
      // On the loader's script, at the first line the PR changed: a reviewer sees it in "Files changed".
      const loaderLines = (await readFile(new URL('../fixtures/stack/loader/load_config.py', import.meta.url), 'utf8')).split('\n');
      const removed = loaderLines.findIndex((text, i) => text === '        "remote::bedrock",' && loaderLines[i - 1] === '        "remote::fireworks",');
      expect(removed).toBeGreaterThan(0);
      expect(culprit[0]).toMatchObject({ file: 'loader/load_config.py', line: removed + 1 });
      expect(run.report?.['loader']).toMatchObject({ script: { path: 'loader/load_config.py', line: removed + 1 } });
      expect(culprit[0]!.message).toContain(`1 config of ${RELEASE} (distributions/bedrock/run.yaml) and 1 config of main (distributions/bedrock/run.yaml)`);
      expect(culprit[0]!.message).toMatch(/The loader says: ".*remote::bedrock.*"/);
    });

    it('says in the release note what the loader now refuses, quoting it', async () => {
      const footer = run.outputs['release-note'] ?? '';
      expect(footer).toMatch(/^BREAKING CHANGE: configs written for earlier versions must change:\n- The loader now refuses 1 config of v0\.1\.0 \(distributions\/bedrock\/run\.yaml\) and 1 config of main \(distributions\/bedrock\/run\.yaml\): ".*remote::bedrock.*"\.$/);
      expect(run.summary).toContain(footer);
      await expect([between(run.comment ?? '', '<details>', '</details>'), '<!-- the annotation -->', `    ${run.annotations.find((a) => a.title?.startsWith('The loader now refuses'))?.message}`].join('\n\n') + '\n').toMatchFileSnapshot(
        '../__outputs__/release-note-loader.md',
      );
    });
  });
});
