// The bundled dist/index.js, started as the Actions runner starts it, on a PR whose config
// paths, loader messages and title are written to harm whoever reads the output: mentions that
// would notify a team on every comment update, a right-to-left override that makes `gnp.exe`
// read as `exe.png`, terminal escape sequences, and more broken configs than GitHub shows
// annotations. What people read must be safe, and the annotations that say what to do kept.
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'stack';
const NUMBER = 77;
const TITLE = 'feat: cc @mallory about #1 \u202Egnp.exe';
const RLO = '\u202E';
const BIDI_OR_HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** 12 plain configs, one whose name hides a right-to-left override, one with a space and a `#`. */
const HOSTILE_PATH = `configs/a${RLO}gnp.exe.yaml`;
const SPACED_PATH = 'configs/b #1 config.yaml';
const CONFIGS = [...Array.from({ length: 12 }, (_, i) => `configs/c${String(i).padStart(2, '0')}.yaml`), HOSTILE_PATH, SPACED_PATH];

/** The PR's loader refuses every config with a message written to notify, reorder and clear the screen. */
const PR_LOADER = `
const message = 'cc @acme/maintainers and @mallory, see #123 ${RLO}gnp.exe \\u001b[2J\\u001b]0;owned\\u0007';
for (const file of process.argv.slice(2)) console.log(JSON.stringify({ file, ok: false, message }));
process.exit(1);
`;

interface Run extends ActionRun {
  comments: string[];
  sarif: unknown;
}

let repo: PullRequestRepo;
let tempRoot = '';
const disposals: Array<() => Promise<void>> = [];

async function gate(labels: string[]): Promise<Run> {
  const api = await startGitHubApi({
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [NUMBER]: {
        title: TITLE,
        labels,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
        mergeCommitSha: repo.mergeSha,
      },
    },
    releases: [],
    comments: {},
  });
  try {
    const workspace = await repo.checkout({ persistToken: TEST_TOKEN, serverUrl: api.url });
    const run = await runAction({
      workspace,
      api,
      tempRoot,
      inputs: { configs: 'configs/*.yaml', schema: 'schema dir/config.json', loader: 'node loader/load.mjs', release: 'none' },
      event: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: NUMBER,
        title: TITLE,
        labels,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        mergeSha: repo.mergeSha,
        commits: repo.prCommits.length,
      }),
    });
    disposals.push(run.dispose);
    const sarifPath = run.outputs['sarif'];
    return {
      ...run,
      comments: Object.values(api.state.comments ?? {}).flatMap((list) => list.map((comment) => comment.body)),
      sarif: sarifPath && existsSync(sarifPath) ? JSON.parse(await readFile(sarifPath, 'utf8')) : undefined,
    };
  } finally {
    await api.close();
  }
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-6000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}

/** Markdown outside its code spans: where GitHub links mentions and references. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, ' ');
}

/** Nothing in this markdown notifies anyone, reorders text or acts on a terminal. */
function expectSafeMarkdown(markdown: string, where: string): void {
  const prose = outsideCode(markdown);
  expect(prose, `a live mention in the ${where}`).not.toMatch(/(?:^|[^\w&;])@(?:acme|mallory)/m);
  expect(prose, `a live issue reference in the ${where}`).not.toMatch(/(?:^|[^\w&])#1(?:23)?\b/m);
  expect(markdown, `a bidi or zero-width character in the ${where}`).not.toMatch(BIDI_OR_HIDDEN);
  expect(markdown.replace(/\n/g, ''), `a control character in the ${where}`).not.toMatch(CONTROL);
}

const layer = HAS_DIST ? 'safe output: dist/index.js as the runner starts it' : 'safe output (skipped: dist/index.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  let breaking: Run;
  let acknowledged: Run;

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-safe-'));
    const schema = (maximum: number) => JSON.stringify({ type: 'object', properties: { retries: { type: 'integer', maximum } } });
    repo = await buildPullRequestRepo({
      main: [
        {
          message: 'feat: configs users have',
          files: {
            'schema dir/config.json': schema(10),
            'loader/load.mjs': 'process.exit(0);\n',
            ...Object.fromEntries(CONFIGS.map((config) => [config, 'name: x\n'])),
          },
        },
      ],
      pr: {
        number: NUMBER,
        branch: 'contributor/loader',
        commits: [{ message: 'feat: a stricter loader', files: { 'schema dir/config.json': schema(5), 'loader/load.mjs': PR_LOADER } }],
      },
    });
    [breaking, acknowledged] = await Promise.all([gate([]), gate(['breaking-change'])]);
  }, 120_000);

  afterAll(async () => {
    for (const dispose of disposals.splice(0)) await dispose();
    await repo?.cleanup();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  });

  it('breaks every config, as the fixture means to', () => {
    expect(breaking.outputs['verdict'], describeRun(breaking)).toBe('breaking');
    expect(breaking.outputs['broken']).toBe(String(CONFIGS.length));
    expect(acknowledged.outputs['verdict'], describeRun(acknowledged)).toBe('acknowledged');
  });

  it('lets no loader message, path or title mention anyone in the summary or the comment', () => {
    expect(breaking.summary).toContain('cc @&#8203;acme/maintainers and @&#8203;mallory, see #&#8203;123');
    expectSafeMarkdown(breaking.summary, 'summary');
    expect(breaking.comments).toHaveLength(1);
    expect(breaking.comments[0]).toContain('@&#8203;mallory');
    expectSafeMarkdown(breaking.comments[0]!, 'comment');
    expectSafeMarkdown(acknowledged.summary, 'acknowledged summary');
    for (const body of acknowledged.comments) expectSafeMarkdown(body, 'acknowledged comment');
  });

  it('shows a right-to-left override and escape sequences visibly escaped, everywhere', () => {
    // In a code span as it is; in a table cell with its brackets escaped for markdown.
    expect(breaking.summary).toContain('`configs/a<U+202E>gnp.exe.yaml`');
    expect(breaking.summary).toContain('&lt;U+202E&gt;gnp.exe &lt;U+001B&gt;[2J&lt;U+001B&gt;]0;owned&lt;U+0007&gt;');
    const annotationText = breaking.annotations.map((a) => `${a.title ?? ''} ${a.message}`).join(' ');
    expect(annotationText).toContain('<U+202E>gnp.exe <U+001B>[2J');
    expect(annotationText).toContain('configs/a<U+202E>gnp.exe.yaml: loader');
    expect(annotationText).not.toMatch(BIDI_OR_HIDDEN);
    expect(annotationText).not.toMatch(CONTROL);
    const sarifText = JSON.stringify((breaking.sarif as { runs: Array<{ results: Array<{ message: unknown }> }> }).runs[0]!.results.map((r) => r.message));
    expect(sarifText).toContain('configs/a<U+202E>gnp.exe.yaml');
    expect(sarifText).toContain('<U+202E>gnp.exe <U+001B>[2J');
    expect(sarifText).not.toMatch(BIDI_OR_HIDDEN);
    expect(sarifText).not.toContain('\\u001b');
  });

  it('keeps the JSON report raw for machines, with hidden characters written as escapes', async () => {
    const text = await readFile(breaking.outputs['report']!, 'utf8');
    expect(text).not.toMatch(BIDI_OR_HIDDEN);
    expect(text).toContain('configs/a\\u202egnp.exe.yaml');
    expect(breaking.report?.configs.map((c) => c.path)).toContain(HOSTILE_PATH);
  });

  it('fails with its how-to-acknowledge message inside the 10 error annotations GitHub shows', () => {
    const errors = breaking.annotations.filter((a) => a.level === 'error');
    expect(errors.length, describeRun(breaking)).toBeLessThanOrEqual(10);
    expect(errors.map((a) => a.message)).toContainEqual(expect.stringMatching(/acknowledge an intended break/));
    expect(errors.filter((a) => a.file)).toHaveLength(9);
    // The loader-only break is annotated first, on the loader the PR added: 8 configs fit after it.
    expect(errors.filter((a) => a.file === 'loader/load.mjs')).toHaveLength(1);
    expect(breaking.summary).toContain('6 more annotations were left out');
  });

  it('keeps the acknowledged break summary inside the 10 warning annotations GitHub shows', () => {
    const warnings = acknowledged.annotations.filter((a) => a.level === 'warning');
    expect(warnings.length, describeRun(acknowledged)).toBeLessThanOrEqual(10);
    expect(warnings.map((a) => a.title)).toContain('compat-gate: acknowledged break');
    expect(acknowledged.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  it('writes SARIF that the SARIF 2.1.0 schema accepts, with every uri percent-encoded', async () => {
    const schema = JSON.parse(await readFile(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(breaking.sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    const uris = (breaking.sarif as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!.results.map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain('configs/b%20%231%20config.yaml');
    expect(uris).toContain('configs/a%E2%80%AEgnp.exe.yaml');
    expect(uris).toContain('schema%20dir/config.json');
  });
});
