// Self-tests of the functional layer's harness: the fake GitHub API, the git fixture builder,
// the runner emulation and the stack example project. The functional tests are only as true
// as these pieces.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi, type GitHubApiState } from '../helpers/github-api.js';
import {
  buildPullRequestRepo,
  runGit,
  snapshotWorkspace,
  stackFiles,
  stackVariant,
  type FileTree,
  type PullRequestRepo,
} from '../helpers/git-fixture.js';
import {
  actionDefaults,
  actionNode,
  annotationsOf,
  inputEnvName,
  parseOutputFile,
  parseWorkflowCommands,
  pullRequestEvent,
  runAction,
  TEST_TOKEN,
} from '../helpers/action-runner.js';

async function call(api: GitHubApi, method: string, route: string, body?: unknown, token = 'tok'): Promise<Response> {
  return fetch(`${api.url}${route}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('fake GitHub API', () => {
  let api: GitHubApi;
  let state: GitHubApiState;

  beforeAll(async () => {
    state = {
      owner: 'acme',
      repo: 'stack',
      pulls: {
        7: {
          title: 'feat(api)!: drop v1',
          labels: ['breaking-change', 'area/api'],
          head: { sha: 'h'.repeat(40), ref: 'feature' },
          base: { sha: 'b'.repeat(40), ref: 'main' },
          commits: [{ sha: 'c'.repeat(40), commit: { message: 'feat: x\n\nBREAKING CHANGE: y' } }],
        },
      },
      releases: [
        { tag_name: 'v2.0.0-rc.1', draft: false, prerelease: true, published_at: '2024-06-03T00:00:00Z' },
        { tag_name: 'v1.1.0', draft: false, prerelease: false, published_at: '2024-06-01T00:00:00Z' },
        { tag_name: 'v1.2.0', draft: false, prerelease: false, published_at: '2024-06-02T00:00:00Z' },
        { tag_name: 'v3.0.0', draft: true, prerelease: false, published_at: null },
      ],
      comments: { 7: [] },
    };
    api = await startGitHubApi(state);
  });
  afterAll(() => api.close());

  it('serves a pull request with label objects and records the request', async () => {
    const response = await call(api, 'GET', '/repos/acme/stack/pulls/7?x=1');
    const pull = (await response.json()) as { title: string; labels: Array<{ name: string }>; head: { sha: string } };
    expect(response.status).toBe(200);
    expect(pull.title).toBe('feat(api)!: drop v1');
    expect(pull.labels.map((l) => l.name)).toEqual(['breaking-change', 'area/api']);
    expect(pull.head.sha).toBe('h'.repeat(40));
    const recorded = api.requests.at(-1);
    expect(recorded).toMatchObject({ method: 'GET', path: '/repos/acme/stack/pulls/7', query: { x: '1' }, status: 200 });
    expect(recorded?.headers['authorization']).toBe('token tok');
  });

  it('serves the PR commits and answers 404 JSON for unknown pulls, repos and routes', async () => {
    const commits = (await (await call(api, 'GET', '/repos/acme/stack/pulls/7/commits')).json()) as Array<{ commit: { message: string } }>;
    expect(commits.map((c) => c.commit.message)).toEqual(['feat: x\n\nBREAKING CHANGE: y']);
    for (const route of ['/repos/acme/stack/pulls/8', '/repos/acme/other/pulls/7', '/graphql', '/repos/acme/stack/nope']) {
      const response = await call(api, 'GET', route);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toBe('Not Found');
      expect(api.requests.at(-1)).toMatchObject({ path: route, status: 404 });
    }
  });

  it('creates, lists with Link pagination and updates comments', async () => {
    for (let i = 0; i < 35; i++) {
      const created = await call(api, 'POST', '/repos/acme/stack/issues/7/comments', { body: `c${i}` });
      expect(created.status).toBe(201);
    }
    const first = await call(api, 'GET', '/repos/acme/stack/issues/7/comments');
    const firstPage = (await first.json()) as Array<{ id: number; body: string; user: { login: string } }>;
    expect(firstPage).toHaveLength(30);
    expect(firstPage[0]?.user.login).toBe('github-actions[bot]');
    expect(first.headers.get('link')).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/stack\/issues\/7\/comments\?per_page=30&page=2>; rel="next"/);
    expect(first.headers.get('link')).toContain('page=2>; rel="last"');
    const second = await call(api, 'GET', '/repos/acme/stack/issues/7/comments?per_page=30&page=2');
    expect(((await second.json()) as unknown[]).length).toBe(5);
    expect(second.headers.get('link')).toContain('rel="prev"');
    expect(second.headers.get('link')).not.toContain('rel="next"');
    const big = await call(api, 'GET', '/repos/acme/stack/issues/7/comments?per_page=500');
    expect(((await big.json()) as unknown[]).length).toBe(35);

    const id = firstPage[3]?.id as number;
    const patched = await call(api, 'PATCH', `/repos/acme/stack/issues/comments/${id}`, { body: 'edited' });
    expect(patched.status).toBe(200);
    expect(state.comments?.[7]?.find((c) => c.id === id)?.body).toBe('edited');
    expect(api.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { body: 'edited' } });
    expect(new Set(state.comments?.[7]?.map((c) => c.id)).size).toBe(35);
  });

  it('answers /releases/latest with the newest release that is neither draft nor prerelease, else 404', async () => {
    const latest = (await (await call(api, 'GET', '/repos/acme/stack/releases/latest')).json()) as { tag_name: string };
    expect(latest.tag_name).toBe('v1.2.0');
    const byTag = await call(api, 'GET', '/repos/acme/stack/releases/tags/v1.1.0');
    expect(((await byTag.json()) as { tag_name: string }).tag_name).toBe('v1.1.0');
    const saved = state.releases;
    state.releases = [{ tag_name: 'v9', draft: true, prerelease: false, published_at: null }];
    expect((await call(api, 'GET', '/repos/acme/stack/releases/latest')).status).toBe(404);
    state.releases = saved;
  });

  it('injects server errors, 404s and rate limits, then recovers when the fault runs out', async () => {
    state.faults = [
      { method: 'GET', path: '/repos/acme/stack/pulls/7', fault: 500, times: 1 },
      { path: /\/releases\/latest$/, fault: 'rate-limit', times: 1 },
      { path: '/repos/acme/stack/pulls/7/commits', fault: 502, times: 1 },
      { path: '/repos/acme/stack/issues/7', fault: 404, times: 1 },
    ];
    expect((await call(api, 'GET', '/repos/acme/stack/pulls/7')).status).toBe(500);
    expect((await call(api, 'GET', '/repos/acme/stack/pulls/7')).status).toBe(200);
    const limited = await call(api, 'GET', '/repos/acme/stack/releases/latest');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await limited.json()) as { message: string }).message).toMatch(/rate limit exceeded/);
    expect((await call(api, 'GET', '/repos/acme/stack/pulls/7/commits')).status).toBe(502);
    expect((await call(api, 'GET', '/repos/acme/stack/issues/7')).status).toBe(404);
    expect((await call(api, 'GET', '/repos/acme/stack/issues/7')).status).toBe(200);
    expect(state.faults).toEqual([]);
  });

  it('refuses writes like a fork PR token when read-only, and still serves reads', async () => {
    state.readOnly = true;
    const refused = await call(api, 'POST', '/repos/acme/stack/issues/7/comments', { body: 'x' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe('Resource not accessible by integration');
    expect((await call(api, 'GET', '/repos/acme/stack/issues/7/comments')).status).toBe(200);
    state.readOnly = false;
  });

  it('requires the token when asked, as `token` or `Bearer`', async () => {
    state.requireToken = 'sekret';
    expect((await call(api, 'GET', '/repos/acme/stack/pulls/7', undefined, 'wrong')).status).toBe(401);
    expect((await call(api, 'GET', '/repos/acme/stack/pulls/7', undefined, 'sekret')).status).toBe(200);
    const bearer = await fetch(`${api.url}/repos/acme/stack/pulls/7`, { headers: { authorization: 'Bearer sekret' } });
    expect(bearer.status).toBe(200);
    expect((await fetch(`${api.url}/repos/acme/stack/pulls/7`)).status).toBe(401);
    delete state.requireToken;
  });
});

describe('git fixture', () => {
  let repo: PullRequestRepo;
  let workspace: string;

  beforeAll(async () => {
    repo = await buildPullRequestRepo({
      main: [
        { message: 'chore: initial', files: { 'a.txt': 'a1\n', 'run.sh': { content: '#!/bin/sh\n', executable: true } } },
        { message: 'docs: readme', files: { 'README.md': '# r\n' } },
      ],
      tags: [
        { name: 'v0.1.0', commit: 0 },
        { name: 'v0.2.0', message: 'Release 0.2.0' },
      ],
      pr: {
        number: 12,
        branch: 'feature/x',
        commits: [
          { message: 'feat: add b', files: { 'b.txt': 'b\n' } },
          { message: 'refactor: drop a\n\nBody line.\n\nBREAKING CHANGE: a.txt is gone', files: { 'a.txt': null } },
        ],
      },
      mainAfterBranch: [{ message: 'fix: c', files: { 'c.txt': 'c\n' } }],
    });
    workspace = await repo.checkout({ persistToken: 'tok123', serverUrl: 'http://127.0.0.1:1' });
  });
  afterAll(() => repo.cleanup());

  it('merges the PR head into the moved-on base as refs/pull/N/merge', async () => {
    const parents = await runGit(repo.origin, ['rev-list', '--parents', '-n', '1', repo.mergeSha], repo.env);
    expect(parents.split(' ')).toEqual([repo.mergeSha, repo.baseSha, repo.headSha]);
    expect(repo.forkPointSha).toBe(repo.mainShas[1]);
    expect(repo.baseSha).toBe(repo.mainShas[2]);
    const refs = await runGit(repo.origin, ['show-ref'], repo.env);
    expect(refs).toContain(`${repo.headSha} refs/pull/12/head`);
    expect(refs).toContain(`${repo.mergeSha} refs/pull/12/merge`);
    expect(refs).toContain(`${repo.baseSha} refs/heads/main`);
    const merged = await runGit(repo.origin, ['ls-tree', '--name-only', repo.mergeSha], repo.env);
    expect(merged.split('\n').sort()).toEqual(['README.md', 'b.txt', 'c.txt', 'run.sh']);
  });

  it('keeps each PR commit message verbatim, footers included', async () => {
    expect(repo.prCommits.map((c) => c.message)).toEqual(['feat: add b', 'refactor: drop a\n\nBody line.\n\nBREAKING CHANGE: a.txt is gone']);
    const body = await runGit(repo.origin, ['log', '-1', '--format=%B', repo.headSha], repo.env);
    expect(body).toBe('refactor: drop a\n\nBody line.\n\nBREAKING CHANGE: a.txt is gone');
  });

  it('publishes lightweight and annotated tags', async () => {
    expect(await runGit(repo.origin, ['cat-file', '-t', 'v0.1.0'], repo.env)).toBe('commit');
    expect(await runGit(repo.origin, ['cat-file', '-t', 'v0.2.0'], repo.env)).toBe('tag');
    expect(await runGit(repo.origin, ['rev-parse', 'v0.2.0^{commit}'], repo.env)).toBe(repo.tags['v0.2.0']);
    expect(repo.tags['v0.1.0']).toBe(repo.mainShas[0]);
  });

  it('checks out like actions/checkout: the merge commit, depth 1, detached, no tags, no base commit', async () => {
    const git = (args: string[]): Promise<string> => runGit(workspace, args, repo.env);
    expect(await git(['rev-parse', 'HEAD'])).toBe(repo.mergeSha);
    expect(await git(['rev-parse', '--is-shallow-repository'])).toBe('true');
    expect((await readFile(path.join(workspace, '.git', 'HEAD'), 'utf8')).trim()).toBe(repo.mergeSha);
    expect(await git(['tag', '--list'])).toBe('');
    expect(await git(['for-each-ref', '--format=%(refname)'])).toBe('refs/remotes/pull/12/merge');
    await expect(git(['cat-file', '-e', `${repo.baseSha}^{commit}`])).rejects.toThrow();
    expect(await readFile(path.join(workspace, 'b.txt'), 'utf8')).toBe('b\n');
    const config = await readFile(path.join(workspace, '.git', 'config'), 'utf8');
    expect(config).toContain(`url = ${repo.originUrl}`);
    expect(config).toContain(`AUTHORIZATION: basic ${Buffer.from('x-access-token:tok123').toString('base64')}`);
  });

  it('uses only the repository config: no system or user git config leaks in', async () => {
    const origins = await runGit(workspace, ['config', '--list', '--show-origin'], repo.env);
    for (const line of origins.split('\n')) expect(line.startsWith('file:.git/config')).toBe(true);
  });

  it('snapshots a workspace identically twice and sees every kind of change', async () => {
    const before = await snapshotWorkspace(workspace, repo.env);
    expect(await snapshotWorkspace(workspace, repo.env)).toEqual(before);
    expect(before.files.find((f) => f.endsWith(' run.sh'))?.startsWith('100755 ')).toBe(true);

    const scratch = await repo.checkout();
    const base = await snapshotWorkspace(scratch, repo.env);
    await writeFile(path.join(scratch, 'b.txt'), 'changed\n');
    const edited = await snapshotWorkspace(scratch, repo.env);
    expect(edited.files).not.toEqual(base.files);
    expect(edited.status).toContain('b.txt');

    await writeFile(path.join(scratch, 'b.txt'), 'b\n');
    await chmod(path.join(scratch, 'run.sh'), 0o644);
    expect((await snapshotWorkspace(scratch, repo.env)).files).not.toEqual(base.files);
    await chmod(path.join(scratch, 'run.sh'), 0o755);

    await writeFile(path.join(scratch, 'new.txt'), 'n\n');
    await runGit(scratch, ['add', 'new.txt'], repo.env);
    const staged = await snapshotWorkspace(scratch, repo.env);
    expect(staged.indexSha256).not.toBe(base.indexSha256);

    await runGit(scratch, ['config', '--local', 'core.sparseCheckout', 'true'], repo.env);
    expect((await snapshotWorkspace(scratch, repo.env)).config).not.toBe(base.config);
  });
});

describe('runner emulation', () => {
  it('names inputs as the runner does (upper case, spaces to _, hyphens kept)', () => {
    expect(inputEnvName('github-token')).toBe('INPUT_GITHUB-TOKEN');
    expect(inputEnvName('check-formats')).toBe('INPUT_CHECK-FORMATS');
    expect(inputEnvName('some input')).toBe('INPUT_SOME_INPUT');
  });

  it('takes defaults from action.yml and evaluates ${{ github.token }}', async () => {
    const defaults = await actionDefaults('ghs_x');
    expect(defaults['github-token']).toBe('ghs_x');
    expect(defaults['check-formats']).toBe('true');
    expect(defaults['ack-labels']).toBe('breaking-change');
    expect(defaults).not.toHaveProperty('configs');
  });

  it('parses GITHUB_OUTPUT lines and heredocs, CRLF included', () => {
    const text = 'verdict=pass\r\nbroken=0\nsummary<<ghadelimiter_1\nline one\nkey=value\n\nghadelimiter_1\na=b<<c\n';
    expect(parseOutputFile(text)).toEqual({ verdict: 'pass', broken: '0', summary: 'line one\nkey=value\n', a: 'b<<c' });
    expect(() => parseOutputFile('x<<EOF\nnever ends\n')).toThrow(/never ends/);
  });

  it('parses annotations and unescapes their properties and message', () => {
    const commands = parseWorkflowCommands(
      [
        'plain log line',
        '::error file=dist%2Cx/run.yaml,line=3,title=Broken%3A a::first%0Asecond 100%25',
        '::warning::acknowledged::with colons',
        '::notice title=n::note',
        '::add-mask::secret',
      ].join('\n'),
    );
    expect(commands.map((c) => c.command)).toEqual(['error', 'warning', 'notice', 'add-mask']);
    expect(annotationsOf(commands)).toEqual([
      { level: 'error', file: 'dist,x/run.yaml', line: 3, title: 'Broken: a', message: 'first\nsecond 100%' },
      { level: 'warning', message: 'acknowledged::with colons' },
      { level: 'notice', title: 'n', message: 'note' },
    ]);
  });

  it.skipIf(process.env['COMPAT_GATE_TEST_NODE'] !== undefined)(
    'resolves a node command (like `npx -y node@24`) in COMPAT_GATE_TEST_NODE to the binary it starts',
    async () => {
      process.env['COMPAT_GATE_TEST_NODE'] = 'env node';
      try {
        const binary = await actionNode();
        expect(path.isAbsolute(binary)).toBe(true);
        expect(existsSync(binary)).toBe(true);
        expect(path.basename(binary)).toMatch(/^node/);
      } finally {
        delete process.env['COMPAT_GATE_TEST_NODE'];
      }
      expect(await actionNode()).toBe(process.execPath);
    },
  );

  it('builds a pull_request payload with label objects and both sides', () => {
    const event = pullRequestEvent({
      owner: 'acme',
      repo: 'stack',
      number: 3,
      title: 't',
      labels: ['x'],
      head: { sha: 'h', ref: 'f' },
      base: { sha: 'b', ref: 'main' },
      mergeSha: 'm',
    }) as { number: number; pull_request: { labels: Array<{ name: string }>; head: { sha: string }; merge_commit_sha: string } };
    expect(event.number).toBe(3);
    expect(event.pull_request.labels).toEqual([expect.objectContaining({ name: 'x' })]);
    expect(event.pull_request.head.sha).toBe('h');
    expect(event.pull_request.merge_commit_sha).toBe('m');
  });

  describe('starting a script as the runner starts a node action', () => {
    let dir: string;
    let api: GitHubApi;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'compat-gate-harness-'));
      api = await startGitHubApi({ owner: 'acme', repo: 'stack', pulls: {} });
    });
    afterAll(async () => {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('passes INPUT_*, GITHUB_* and the event file, and collects outputs, summary, annotations and requests', async () => {
      const entry = path.join(dir, 'stub.mjs');
      await writeFile(
        entry,
        `import { appendFileSync, readFileSync } from 'node:fs';
const env = process.env;
const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
await fetch(env.GITHUB_API_URL + '/repos/' + env.GITHUB_REPOSITORY + '/pulls/' + event.number);
appendFileSync(env.GITHUB_OUTPUT, 'token=' + env['INPUT_GITHUB-TOKEN'] + '\\n');
appendFileSync(env.GITHUB_OUTPUT, 'formats=' + env['INPUT_CHECK-FORMATS'] + '\\n');
appendFileSync(env.GITHUB_OUTPUT, 'cwd<<EOF_1\\n' + process.cwd() + '\\nEOF_1\\n');
appendFileSync(env.GITHUB_OUTPUT, 'ref=' + env.GITHUB_REF + ' ' + env.GITHUB_SHA + ' ' + env.GITHUB_BASE_REF + '\\n');
appendFileSync(env.GITHUB_OUTPUT, 'configs=' + env.INPUT_CONFIGS + '\\n');
appendFileSync(env.GITHUB_OUTPUT, 'report=' + env.RUNNER_TEMP + '/report.json\\n');
appendFileSync(env.RUNNER_TEMP + '/report.json', JSON.stringify({ verdict: 'pass', configs: [], acknowledgement: { acknowledged: false } }));
appendFileSync(env.GITHUB_STEP_SUMMARY, '## compat-gate: pass\\n');
console.log('::error file=a.yaml,line=2::broken%0Ahere');
process.exit(3);
`,
      );
      const workspace = await mkdtemp(path.join(dir, 'ws-'));
      const event = pullRequestEvent({
        owner: 'acme',
        repo: 'stack',
        number: 5,
        title: 't',
        head: { sha: 'h'.repeat(40), ref: 'f' },
        base: { sha: 'b'.repeat(40), ref: 'main' },
        mergeSha: 'm'.repeat(40),
      });
      const run = await runAction({ workspace, entry, event, api, inputs: { configs: 'x/*.yaml' }, tempRoot: dir });
      expect(run.exitCode).toBe(3);
      expect(run.outputs).toMatchObject({
        token: TEST_TOKEN,
        formats: 'true',
        cwd: workspace,
        ref: `refs/pull/5/merge ${'m'.repeat(40)} main`,
        configs: 'x/*.yaml',
      });
      expect(run.summary).toBe('## compat-gate: pass\n');
      expect(run.annotations).toEqual([{ level: 'error', file: 'a.yaml', line: 2, message: 'broken\nhere' }]);
      expect(run.report?.verdict).toBe('pass');
      expect(run.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /repos/acme/stack/pulls/5 404']);
      expect(JSON.parse(await readFile(run.eventPath, 'utf8'))).toEqual(event);
      await run.dispose();
    });

    it('kills a run that outlives its timeout, with the processes it started', async () => {
      const entry = path.join(dir, 'hang.mjs');
      await writeFile(entry, "import { spawn } from 'node:child_process';\nspawn('sleep', ['30'], { stdio: 'inherit' });\nsetInterval(() => {}, 1000);\n");
      const run = await runAction({ workspace: dir, entry, event: {}, api, timeoutMs: 500, tempRoot: dir });
      expect(run.timedOut).toBe(true);
      expect(run.signal).toBe('SIGKILL');
      expect(run.durationMs).toBeLessThan(10_000);
      await run.dispose();
    });
  });
});

const pythonLoads = (loader: string, configs: string[], cwd: string): Promise<{ code: number; stderr: string }> =>
  new Promise((resolve) => {
    execFile('python3', [loader, ...configs], { cwd, encoding: 'utf8' }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });

describe('stack example project', () => {
  const DISTRIBUTIONS = ['bedrock', 'fireworks', 'meta-reference-gpu', 'ollama', 'together'].map((n) => `distributions/${n}/run.yaml`);
  let base: FileTree;
  let dir: string;
  const text = (tree: FileTree, file: string): string => {
    const entry = tree[file];
    if (typeof entry !== 'string') throw new Error(`${file} is not a text file of the fixture`);
    return entry;
  };
  const validator = (tree: FileTree): ((config: string) => boolean) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(text(tree, 'schema/run.schema.json')) as object);
    return (config) => validate(parseYaml(config, { merge: true }));
  };

  beforeAll(async () => {
    base = await stackFiles();
    dir = await mkdtemp(path.join(tmpdir(), 'compat-gate-stack-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has five distributions on main, all valid against the schema of main', () => {
    expect(Object.keys(base).filter((f) => f.startsWith('distributions/')).sort()).toEqual(DISTRIBUTIONS);
    const valid = validator(base);
    for (const config of DISTRIBUTIONS) expect(valid(text(base, config)), config).toBe(true);
  });

  it('needs YAML merge keys resolved for meta-reference-gpu to be valid', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(text(base, 'schema/run.schema.json')) as object);
    expect(validate(parseYaml(text(base, 'distributions/meta-reference-gpu/run.yaml'), { merge: false }))).toBe(false);
  });

  it('keeps every config of main valid under the compatible schema, and the new one too', async () => {
    const variant = { ...base, ...(await stackVariant('compatible')) };
    const valid = validator(variant);
    for (const config of [...DISTRIBUTIONS, 'distributions/remote-vllm/run.yaml']) expect(valid(text(variant, config)), config).toBe(true);
  });

  it('makes every config of main invalid under the breaking schema, but not the configs the PR updated', async () => {
    const overlay = await stackVariant('breaking-schema');
    const valid = validator({ ...base, ...overlay });
    for (const config of DISTRIBUTIONS) {
      expect(valid(text(base, config)), config).toBe(false);
      expect(valid(text(overlay, config)), config).toBe(true);
    }
  });

  it('deletes the bedrock distribution in the breaking-loader variant', async () => {
    expect((await stackVariant('breaking-loader'))['distributions/bedrock/run.yaml']).toBeNull();
  });

  it('loads every config of main with the loader of main and rejects only bedrock with the breaking loader', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/stack/', import.meta.url));
    const configs = DISTRIBUTIONS.map((c) => path.join(fixture, c));
    expect(await pythonLoads(path.join(fixture, 'loader/load_config.py'), configs, dir)).toEqual({ code: 0, stderr: '' });
    // A variant's loader is the base's with its _edits.json applied: run it from a copy.
    const variantLoader = async (name: 'compatible' | 'breaking-loader') => {
      const file = path.join(dir, `${name}-load_config.py`);
      await writeFile(file, text(await stackVariant(name), 'loader/load_config.py'));
      return file;
    };
    const compatible = await pythonLoads(await variantLoader('compatible'), configs, dir);
    expect(compatible.code).toBe(0);
    const breaking = await pythonLoads(await variantLoader('breaking-loader'), configs, dir);
    expect(breaking.code).toBe(1);
    expect(breaking.stderr.trim().split('\n')).toHaveLength(1);
    expect(breaking.stderr).toMatch(/bedrock\/run\.yaml: .*unknown provider type 'remote::bedrock'/);
  });

  it('has configs in the invalid-on-base variant that already fail on main, by schema and by loader', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/stack/', import.meta.url));
    const overlay = await stackVariant('invalid-on-base');
    expect(validator(base)(text(overlay, 'distributions/experimental/run.yaml'))).toBe(false);
    expect(() => parseYaml(text(overlay, 'distributions/draft/run.yaml'))).toThrow();
    for (const config of ['experimental', 'draft']) {
      const result = await pythonLoads(
        path.join(fixture, 'loader/load_config.py'),
        [path.join(fixture, `variants/invalid-on-base/distributions/${config}/run.yaml`)],
        dir,
      );
      expect(result.code, config).toBe(1);
    }
  });
});
