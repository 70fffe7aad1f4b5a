import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict, commentMarker, isResolvedComment } from '../../src/constants.js';
import type { GateRun, JudgedConfig } from '../../src/checks/judge.js';
import {
  COMMENTS_PER_PAGE,
  octokitCommentsClient,
  syncStickyComment,
  type CommentsClient,
  type IssueComment,
} from '../../src/github/comments.js';
import {
  COMMENT_LIMIT,
  commentKey,
  hasSomethingToSay,
  renderComment,
  renderResolvedComment,
  stickyCommentBodies,
  type CommentReport,
} from '../../src/reports/comment.js';
import { buildReport } from '../helpers/report.js';
import { acknowledge, type Acknowledgement } from '../../src/verdict/acknowledgement.js';
import { DEFAULT_MERGE_SETTINGS } from '../../src/verdict/merge-settings.js';
import { releaseReach } from '../../src/verdict/release-tool.js';
import { startGitHubApi, type FakeComment, type GitHubApi } from '../helpers/github-api.js';
import { createGitHubClient } from '../../src/github/client.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const HEAD = { sha: 'ffeeddccbbaa99887766554433221100ffeeddcc' };
const KEY = commentKey({ configs: 'distributions/*/run.yaml', schema: 'schema/run.schema.json', workingDirectory: '.' });
const MARKER = commentMarker(KEY);
const RUN_URL = 'https://github.com/acme/stack/actions/runs/777/attempts/1';
const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const HUMAN = { login: 'octocat', type: 'User' };

function broken(path: string, line = 4): JudgedConfig {
  return {
    path,
    blob: 'b'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'schema', pointer: '/apis/2', keyword: 'enum', message: 'must be one of `inference`, `safety`', line, column: 5 }],
  };
}

const mixed: JudgedConfig[] = [
  broken('distributions/ollama/run.yaml'),
  {
    path: 'distributions/starter/run.yaml',
    blob: 'c'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'loader', message: "providers.inference.0.provider_type: unknown inline provider 'meta-reference'" }],
  },
  { path: 'distributions/vllm/run.yaml', blob: 'd'.repeat(40), status: ConfigStatus.Ok, findings: [] },
  {
    path: 'distributions/experimental/run.yaml',
    blob: 'e'.repeat(40),
    status: ConfigStatus.FailingOnBase,
    findings: [{ layer: 'schema', pointer: '/server/port', message: 'must be an integer, found a string', line: 11 }],
  },
];

function reportOf(
  configs: JudgedConfig[],
  verdict: Verdict,
  acknowledgement: Acknowledgement = { acknowledged: false, reasons: [] },
): CommentReport {
  const run: GateRun = {
    base: { ref: BASE, configs, skipped: [] },
    schema: { file: 'schema/run.schema.json', draft: 'draft-07', files: ['schema/run.schema.json'] },
    loader: { command: 'python3 loader/load_config.py' },
    releases: [],
    loaderProcesses: 3,
    notes: [],
  };
  const report = buildReport({
    toolVersion: '0.0.0-test',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    event: 'pull_request',
    pullRequest: { number: 42, title: 'refactor(api): drop telemetry', labels: [], commits: [], sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    ackLabels: ['breaking-change'],
    acknowledgement,
    base: BASE,
    head: HEAD,
    run,
    notes: [],
    durationMs: 1234,
  });
  return { ...report, runUrl: RUN_URL };
}

function tableLinesAreWhole(markdown: string): boolean {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .every((line) => line.startsWith('| ') && line.endsWith(' |'));
}

describe('comment renderer', () => {
  it('renders a breaking PR: hidden marker first, headline, how to acknowledge, broken configs, run link', async () => {
    const comment = renderComment(reportOf(mixed, Verdict.Breaking), KEY);
    const lines = comment.split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe('### ❌ compat-gate: breaking — 2 configs from `main` no longer load with this PR');
    expect(comment).toContain('`refactor(api)!: drop telemetry`');
    expect(comment).toContain('the label `breaking-change`');
    expect(comment).toContain('[`distributions/ollama/run.yaml`](https://github.com/acme/stack/blob/1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d/distributions/ollama/run.yaml#L4)');
    expect(comment).toContain(`[details in the run](${RUN_URL})`);
    expect(comment).not.toContain('Already failing on the base');
    await expect(comment).toMatchFileSnapshot('../__outputs__/comment-breaking.md');
  });

  it('names what acknowledged an intended break, without the how-to', () => {
    const comment = renderComment(reportOf(mixed, Verdict.Acknowledged, { acknowledged: true, reasons: [{ kind: 'label', label: 'breaking-change' }] }), KEY);
    expect(comment.split('\n')[1]).toContain('acknowledged');
    expect(comment).toContain('acknowledged by the label `breaking-change`');
    expect(comment).toContain('#### Broken configs (acknowledged)');
    expect(comment).not.toContain('If the break is intended');
  });

  it('has something to say for a break, an acknowledged break, or new drift; nothing for a pass or an error', () => {
    const passing = reportOf([mixed[2]!], Verdict.Pass);
    expect(hasSomethingToSay(reportOf(mixed, Verdict.Breaking))).toBe(true);
    expect(hasSomethingToSay(reportOf(mixed, Verdict.Acknowledged))).toBe(true);
    expect(hasSomethingToSay(passing)).toBe(false);
    expect(hasSomethingToSay(reportOf([], Verdict.Error))).toBe(false);
    const drifting: CommentReport = {
      ...passing,
      drift: { counts: { configs: 5, ok: 3, new: 2, existing: 0, fixed: 0, unreadable: 0 }, configs: [], failOnDrift: false },
    };
    expect(hasSomethingToSay(drifting)).toBe(true);
    expect(renderComment(drifting, KEY)).toContain('**Release drift:** 2 configs of the latest release that load on the base no longer load with this PR');
    const released = Object.assign({}, passing, {
      release: { ref: 'v1.4.0', sha: 'a'.repeat(40) },
      drift: { counts: { configs: 3, ok: 2, new: 1, existing: 0, fixed: 0, unreadable: 0 }, configs: [], failOnDrift: false },
    });
    expect(hasSomethingToSay(released)).toBe(true);
    expect(renderComment(released, KEY)).toContain('**Release drift:** 1 config of the release `v1.4.0` that loads on the base no longer loads');
  });

  it('names the new drift of every release, a moved config by both paths', () => {
    const passing = reportOf([mixed[2]!], Verdict.Pass);
    const drift = (configs: Array<{ path: string; currentPath?: string }>) => ({
      counts: { configs: 3, ok: 3 - configs.length, new: configs.length, existing: 0, fixed: 0, unreadable: 0 },
      configs: configs.map((config) => ({ ...config, blob: 'f'.repeat(40), status: 'new' as const, errors: [] })),
      failOnDrift: false,
    });
    const report: CommentReport = {
      ...passing,
      release: { ref: 'v0.3.1', sha: 'a'.repeat(40) },
      drift: drift([]),
      releases: [
        { ref: 'v0.3.1', sha: 'a'.repeat(40), drift: drift([]) },
        { ref: 'v0.2.0', sha: 'b'.repeat(40), drift: drift([{ path: 'templates/ollama/run.yaml', currentPath: 'distributions/ollama/run.yaml' }, { path: 'distributions/tgi/run.yaml' }]) },
      ],
    };
    // The first release has none: drift of any release is something to say.
    expect(hasSomethingToSay(report)).toBe(true);
    const body = renderComment(report, KEY);
    expect(body).toContain('**Release drift:** 2 configs of the release `v0.2.0` that load on the base no longer load with this PR; the job summary lists them.');
    expect(body).toContain('- `templates/ollama/run.yaml` in `v0.2.0`, now `distributions/ollama/run.yaml`\n- `distributions/tgi/run.yaml` of `v0.2.0`');
  });

  it('leaves the comment alone when the gate could not decide (verdict error)', () => {
    expect(stickyCommentBodies(reportOf([], Verdict.Error), KEY)).toBeUndefined();
    const passing = stickyCommentBodies(reportOf([mixed[2]!], Verdict.Pass), KEY);
    expect(passing?.body).toBeUndefined();
    expect(passing?.resolvedBody('')).toContain('resolved');
    expect(stickyCommentBodies(reportOf(mixed, Verdict.Breaking), KEY)?.body?.startsWith(MARKER)).toBe(true);
  });

  it('renders the resolved form short, with the head sha and what the comment used to say', async () => {
    const previous = renderComment(reportOf(mixed, Verdict.Breaking), KEY);
    const resolved = renderResolvedComment(reportOf([mixed[2]!], Verdict.Pass), KEY, previous);
    expect(resolved.split('\n')[0]).toBe(MARKER);
    expect(resolved).toContain('resolved — the configs this comment reported load again (at `ffeeddc`)');
    expect(resolved).toContain('It said: ~~❌ compat-gate: breaking — 2 configs from `main` no longer load with this PR~~');
    expect(resolved.length).toBeLessThan(600);
    expect(isResolvedComment(resolved)).toBe(true);
    expect(isResolvedComment(previous)).toBe(false);
    await expect(resolved).toMatchFileSnapshot('../__outputs__/comment-resolved.md');
  });

  it("stays under GitHub's 65,536 characters with 5,000 broken configs, cutting whole rows with a visible note", () => {
    const many = Array.from({ length: 5000 }, (_, i) => broken(`distributions/d${i}/run.yaml`));
    const comment = renderComment(reportOf(many, Verdict.Breaking), KEY);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.split('\n')[0]).toBe(MARKER);
    expect(comment).toMatch(/…and 4,?9\d\d more configs \(not shown: the comment is limited in size; the job summary lists all\)/);
    expect(tableLinesAreWhole(comment)).toBe(true);
    expect(comment).toContain(`[details in the run](${RUN_URL})`);
  });

  it('drops the tables, then the paragraphs, for a limit that fits neither, and says so', () => {
    const report = reportOf([broken(`distributions/${'x'.repeat(3000)}/run.yaml`)], Verdict.Breaking);
    const comment = renderComment(report, KEY, 2000);
    expect(comment.length).toBeLessThanOrEqual(2000);
    expect(comment).not.toContain('| Config |');
    expect(comment).toContain('_The details do not fit in a comment; the job summary lists them._');
    expect(comment).toContain('If the break is intended');
    const tiny = renderComment(report, KEY, 700);
    expect(tiny.length).toBeLessThanOrEqual(700);
    expect(tiny.split('\n').slice(0, 2)).toEqual([MARKER, expect.stringContaining('### ❌ compat-gate: breaking')]);
  });

  it('never exceeds its limit nor cuts through a table row or a code span, whatever the limit and the paths', () => {
    const path = fc.string({ minLength: 1, maxLength: 80 }).map((text) => `d/${text}.yaml`);
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 300 }), fc.integer({ min: 400, max: 70_000 }), (paths, limit) => {
        const comment = renderComment(reportOf(paths.map((p) => broken(p)), Verdict.Breaking), KEY, limit);
        expect(comment.length).toBeLessThanOrEqual(limit);
        expect(comment.startsWith(`${MARKER}\n`)).toBe(true);
        expect(tableLinesAreWhole(comment)).toBe(true);
        const full = renderComment(reportOf(paths.map((p) => broken(p)), Verdict.Breaking), KEY, Infinity);
        // Every line kept is a whole line of the full comment, or the note that replaced rows.
        const fullLines = new Set(full.split('\n'));
        for (const line of comment.split('\n')) {
          if (!/^_…and |^_The details do not fit/.test(line)) expect(fullLines.has(line)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('comment key', () => {
  it('is 12 hex characters, the same for the same gate however the configs input is spaced', () => {
    const a = commentKey({ configs: 'distributions/*/run.yaml\n!distributions/old/*', schema: 'schema/run.schema.json', workingDirectory: '.' });
    const b = commentKey({ configs: '  distributions/*/run.yaml\n\n# old ones\n!distributions/old/*\n', schema: 'schema/run.schema.json', workingDirectory: './' });
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(b).toBe(a);
  });

  it('differs between two gates in one repository', () => {
    const parts = { configs: 'distributions/*/run.yaml', workingDirectory: 'stack' };
    const keys = new Set([
      commentKey({ ...parts, schema: 'schema/run.schema.json' }),
      commentKey({ ...parts, loader: 'python3 loader/load_config.py' }),
      commentKey({ ...parts, schema: 'schema/run.schema.json', workingDirectory: 'other' }),
      commentKey({ ...parts, configs: 'compose/*.yaml', schema: 'schema/run.schema.json' }),
    ]);
    expect(keys.size).toBe(4);
    expect(commentMarker('abc123')).toBe('<!-- compat-gate:comment key=abc123 -->');
  });
});

/** An issue's comments in memory, paged as GitHub pages them; every call is recorded. */
class FakeComments implements CommentsClient {
  comments: Array<IssueComment & { user: { login: string; type: string } }> = [];
  pagesRead: number[] = [];
  writes: string[] = [];
  failWrites?: Error;
  failReads?: Error;
  private nextId = 5000;

  constructor(
    private readonly author = BOT,
    private readonly tokenLogin?: string,
  ) {}

  add(body: string, user = HUMAN): number {
    const id = this.nextId++;
    this.comments.push({ id, body, user });
    return id;
  }

  // As GitHub's Link header does: a next page only while there are more comments.
  async *pages(issue: number): AsyncIterable<IssueComment[]> {
    expect(issue).toBe(42);
    for (let page = 1; ; page++) {
      this.pagesRead.push(page);
      if (this.failReads) throw this.failReads;
      yield this.comments.slice((page - 1) * COMMENTS_PER_PAGE, page * COMMENTS_PER_PAGE).map((comment) => ({ ...comment }));
      if (page * COMMENTS_PER_PAGE >= this.comments.length) return;
    }
  }

  async remove(id: number): Promise<void> {
    this.writes.push(`remove ${id}`);
    if (this.failWrites) throw this.failWrites;
    this.comments = this.comments.filter((c) => c.id !== id);
  }

  async create(issue: number, body: string): Promise<{ id: number }> {
    this.writes.push(`create #${issue}`);
    if (this.failWrites) throw this.failWrites;
    return { id: this.add(body, this.author) };
  }

  async update(id: number, body: string): Promise<void> {
    this.writes.push(`update ${id}`);
    if (this.failWrites) throw this.failWrites;
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) throw Object.assign(new Error('Not Found'), { status: 404 });
    comment.body = body;
  }

  async login(): Promise<string | undefined> {
    return this.tokenLogin;
  }
}

function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status, response: { status, headers: {} } });
}

const breakingBody = renderComment(reportOf(mixed, Verdict.Breaking), KEY);
const resolvedBody = (previous: string) => renderResolvedComment(reportOf([mixed[2]!], Verdict.Pass), KEY, previous);

describe('sticky comment', () => {
  it('creates the comment once, then leaves it unchanged or updates it in place, never a second one', async () => {
    const client = new FakeComments();
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody })).toEqual({ action: 'created', id: 5000 });
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody })).toEqual({ action: 'unchanged', id: 5000 });
    const fewer = renderComment(reportOf([mixed[0]!], Verdict.Breaking), KEY);
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: fewer, resolvedBody })).toEqual({ action: 'updated', id: 5000 });
    expect(client.comments).toHaveLength(1);
    expect(client.comments[0]?.body).toBe(fewer);
    expect(client.writes).toEqual(['create #42', 'update 5000']);
  });

  it('finds its comment on the third page of 250, reading pages until a short one', async () => {
    const client = new FakeComments();
    for (let i = 0; i < 230; i++) client.add(`comment ${i}`);
    const id = client.add(breakingBody, BOT);
    for (let i = 0; i < 19; i++) client.add(`later ${i}`);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody.replace('2 configs', 'two configs'), resolvedBody });
    expect(outcome).toEqual({ action: 'updated', id });
    expect(client.pagesRead).toEqual([1, 2, 3]);
    expect(client.comments).toHaveLength(250);
  });

  it('reads every page the API links to, and no more, before deciding there is none (200 comments: 2 pages)', async () => {
    const client = new FakeComments();
    for (let i = 0; i < 200; i++) client.add(`comment ${i}`);
    expect((await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody })).action).toBe('created');
    // Two pages to look for it, two more to look again after creating it.
    expect(client.pagesRead).toEqual([1, 2, 1, 2, 3]);
  });

  it('heals duplicates left by two earlier runs: keeps the oldest, updates it, deletes only its own copies', async () => {
    const client = new FakeComments();
    const otherKey = commentKey({ configs: 'compose/*.yaml', loader: 'go run ./cmd/load', workingDirectory: '.' });
    const oldest = client.add(renderComment(reportOf([mixed[0]!], Verdict.Breaking), KEY), BOT);
    const quoted = client.add(breakingBody, HUMAN);
    const otherGate = client.add(renderComment(reportOf(mixed, Verdict.Breaking), otherKey), BOT);
    const duplicate = client.add(breakingBody, BOT);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome).toEqual({ action: 'updated', id: oldest, removed: [duplicate] });
    expect(client.comments.map((c) => c.id)).toEqual([oldest, quoted, otherGate]);
    expect(client.comments[0]?.body).toBe(breakingBody);
    expect(client.writes).toEqual([`update ${oldest}`, `remove ${duplicate}`]);
  });

  it('looks again after creating its comment and gives way to one a concurrent run created first', async () => {
    const client = new FakeComments();
    const create = client.create.bind(client);
    let concurrent: number | undefined;
    // The other run (the `labeled` event of the same push) creates its comment while this one is writing.
    client.create = async (issue, body) => {
      concurrent = client.add(renderComment(reportOf([mixed[0]!], Verdict.Breaking), KEY), BOT);
      return create(issue, body);
    };
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(concurrent).toBeDefined();
    expect(outcome).toEqual({ action: 'updated', id: concurrent, removed: [concurrent! + 1] });
    expect(client.comments).toHaveLength(1);
    expect(client.comments[0]).toMatchObject({ id: concurrent, body: breakingBody });
  });

  it('never deletes a marked comment whose author the API does not name', async () => {
    const client = new FakeComments();
    const first = client.add(breakingBody, BOT);
    client.comments.push({ id: 9999, body: breakingBody } as (typeof client.comments)[number]);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome).toEqual({ action: 'unchanged', id: first });
    expect(client.comments.map((c) => c.id)).toEqual([first, 9999]);
    expect(client.writes).toEqual([]);
  });

  it("keeps two gates' comments apart: a marker with another key is not this gate's", async () => {
    const client = new FakeComments();
    const otherKey = commentKey({ configs: 'compose/*.yaml', loader: 'go run ./cmd/load', workingDirectory: '.' });
    const otherBody = renderComment(reportOf(mixed, Verdict.Breaking), otherKey);
    const otherId = client.add(otherBody, BOT);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome.action).toBe('created');
    expect(client.comments.find((c) => c.id === otherId)?.body).toBe(otherBody);
    expect(client.comments).toHaveLength(2);
  });

  it("does not take a user's comment that quotes the marker in a code block, nor one that starts with it", async () => {
    const client = new FakeComments();
    const quoted = `Why does the bot write this?\n\n\`\`\`\n${MARKER}\n\`\`\``;
    const quotedId = client.add(quoted);
    const forgedId = client.add(`${MARKER}\nI copied the bot's comment`);
    const botQuoteId = client.add(`> ${MARKER}\n> quoted by another bot`, { login: 'other-app[bot]', type: 'Bot' });
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome.action).toBe('created');
    expect(client.comments.find((c) => c.id === quotedId)?.body).toBe(quoted);
    expect(client.comments.find((c) => c.id === forgedId)?.body).toBe(`${MARKER}\nI copied the bot's comment`);
    expect(client.comments.find((c) => c.id === botQuoteId)?.body).toContain('quoted by another bot');
  });

  it('takes a user-authored comment when the token acts as that user (a personal token)', async () => {
    const client = new FakeComments(HUMAN, 'OctoCat');
    const id = client.add(breakingBody, HUMAN);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody.replace('2 configs', 'two configs'), resolvedBody });
    expect(outcome).toEqual({ action: 'updated', id });
    expect(client.comments).toHaveLength(1);
  });

  it('rewrites the comment to the resolved form once a later push fixes the break, and only once', async () => {
    const client = new FakeComments();
    const id = client.add(breakingBody, BOT);
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: undefined, resolvedBody })).toEqual({ action: 'resolved', id });
    const resolved = client.comments[0]!.body;
    expect(resolved.split('\n')[0]).toBe(MARKER);
    expect(resolved).toContain('It said: ~~❌ compat-gate: breaking');
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: undefined, resolvedBody })).toMatchObject({ action: 'unchanged', id });
    expect(client.writes).toEqual([`update ${id}`]);
    expect(await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody })).toEqual({ action: 'updated', id });
    expect(client.comments[0]!.body).toBe(breakingBody);
  });

  it('creates nothing when there is nothing to say and no comment yet', async () => {
    const client = new FakeComments();
    client.add('LGTM');
    expect((await syncStickyComment({ client, issue: 42, key: KEY, body: undefined, resolvedBody })).action).toBe('skipped');
    expect(client.writes).toEqual([]);
  });

  it('puts the marker on a body that lacks it, so the next run finds the comment', async () => {
    const client = new FakeComments();
    await syncStickyComment({ client, issue: 42, key: KEY, body: 'plain text', resolvedBody: 'resolved' });
    expect(client.comments[0]!.body).toBe(`${MARKER}\nplain text`);
    expect((await syncStickyComment({ client, issue: 42, key: KEY, body: 'plain text', resolvedBody: 'resolved' })).action).toBe('unchanged');
  });

  it.each([
    [403, 'Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment', true],
    [404, 'Not Found - https://docs.github.com/rest', true],
    [403, 'API rate limit exceeded for installation ID 4242.', false],
    [500, 'Server Error', false],
    [422, 'Validation Failed: {"resource":"IssueComment","code":"custom","field":"body","message":"Body is too long (maximum is 65536 characters)"}', false],
  ])('reports a write refused with %i (%s) as failed, read-only %s, without throwing', async (status, message, readOnly) => {
    const client = new FakeComments();
    client.failWrites = httpError(status, message);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome).toMatchObject({ action: 'failed', readOnly });
    if (outcome.action !== 'failed') throw new Error('unreachable');
    expect(outcome.reason).toContain(String(status));
    expect(outcome.reason).not.toMatch(/\n|https:\/\/docs/);
    if (readOnly) expect(outcome.reason).toContain('fork');
  });

  it('fails without throwing when the comments cannot be listed, and masks anything like a token', async () => {
    const client = new FakeComments();
    client.failReads = new Error('connect ECONNREFUSED via https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123@proxy');
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome).toMatchObject({ action: 'failed', readOnly: false });
    if (outcome.action !== 'failed') throw new Error('unreachable');
    expect(outcome.reason).not.toContain('ghs_abcdefghijklmnopqrstuvwxyz0123');
    expect(outcome.reason).toContain('ECONNREFUSED');
    expect(client.writes).toEqual([]);
  });
});

describe('sticky comment through Octokit against the fake GitHub API', () => {
  const TOKEN = 'ghs_faketokenfaketokenfaketoken0001';
  let api: GitHubApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function serve(comments: FakeComment[], readOnly = false): Promise<CommentsClient> {
    api = await startGitHubApi({
      owner: 'acme',
      repo: 'stack',
      requireToken: TOKEN,
      readOnly,
      pulls: { 42: { title: 'refactor(api): drop telemetry', labels: [], head: { sha: HEAD.sha, ref: 'feature' }, base: { sha: BASE.sha, ref: 'main' }, commits: [] } },
      comments: { 42: comments },
    });
    return octokitCommentsClient(createGitHubClient(TOKEN, { baseUrl: api.url, retryBaseMs: 1 }), 'acme', 'stack');
  }

  function fakeComment(id: number, body: string, user = HUMAN): FakeComment {
    return { id, body, user, created_at: '2024-05-01T12:00:00Z', updated_at: '2024-05-01T12:00:00Z' };
  }

  it('pages 100 at a time to the existing comment and updates it in place', async () => {
    const comments = Array.from({ length: 150 }, (_, i) => fakeComment(i + 1, `comment ${i}`));
    comments.push(fakeComment(151, breakingBody, BOT));
    const client = await serve(comments);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: undefined, resolvedBody });
    expect(outcome).toEqual({ action: 'resolved', id: 151 });
    const lists = api!.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => [r.query.page, r.query.per_page])).toEqual([
      ['1', '100'],
      ['2', '100'],
    ]);
    expect(api!.state.comments?.[42]).toHaveLength(151);
    expect(isResolvedComment(api!.state.comments![42]![150]!.body)).toBe(true);
  });

  it("turns a fork PR's read-only token into a one-line warning, not an exception, and never shows the token", async () => {
    const client = await serve([], true);
    const outcome = await syncStickyComment({ client, issue: 42, key: KEY, body: breakingBody, resolvedBody });
    expect(outcome).toMatchObject({ action: 'failed', readOnly: true });
    if (outcome.action !== 'failed') throw new Error('unreachable');
    expect(outcome.reason).toContain('403 Resource not accessible by integration');
    expect(outcome.reason).not.toContain(TOKEN);
    expect(outcome.reason).not.toContain('\n');
    expect(api!.state.comments?.[42]).toHaveLength(0);
  });
});

describe('comment on the release', () => {
  it('says a break acknowledged only by a `!` title fails under ack-must-reach-release, with the fix', async () => {
    const title = 'refactor(api)!: drop telemetry';
    const commits = [{ sha: 'c1', message: 'refactor(api): drop telemetry' }];
    const acknowledgement = acknowledge({ title, labels: [], commits, ackLabels: ['breaking-change'] });
    const { notes: _notes, ...reach } = releaseReach({
      files: { '.releaserc.json': '{"branches":["main"]}' },
      merge: { ...DEFAULT_MERGE_SETTINGS, source: 'api', squashTitle: 'PR_TITLE', squashMessage: 'PR_BODY' },
      pullRequest: { number: 42, title, body: 'Drops telemetry.', commits },
      acknowledgement,
    });
    const report = reportOf(mixed, Verdict.Breaking, acknowledgement);
    const comment = renderComment({ ...report, acknowledgement: { ...report.acknowledgement, release: { ...reach, required: true } } }, KEY);
    expect(comment.split('\n')[1]).toContain('breaking');
    expect(comment).toContain('`ack-must-reach-release` is set');
    expect(comment).toContain('**Fix:** add a line `BREAKING CHANGE: <what users must change>` to the PR description: the squash commit\'s body is the PR description.');
    await expect(comment).toMatchFileSnapshot('../__outputs__/comment-release-required.md');
  });
});
