// The engine (src/pipeline.ts, in-process) on real git repositories holding the worst a required
// check meets: files made to hurt parsers, links and submodules in the tree, names a shell would
// run, loaders that hang, flood or die, and schemas that cannot be used. Each run must end with a
// clear verdict in bounded time, leave the repository as it was and its temp folder empty.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckRequest } from '../../src/pipeline.js';
import { parsePatterns } from '../../src/configs/select.js';
import { renderSummary } from '../../src/reports/summary.js';
import type { Report, ReportConfig } from '../../src/verdict/report.js';
import {
  aliasBomb,
  binaryBlob,
  deepBlockYaml,
  deepFlowYaml,
  deepJson,
  HOSTILE_NAMES,
  latin1Yaml,
  mergeKeyBomb,
  oversizedYaml,
} from '../fixtures/hostile/files.js';
import { isolatedGitEnv, runGit, snapshotWorkspace, type WorkspaceSnapshot } from '../helpers/git-fixture.js';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const MIB = 1024 * 1024;

/** File contents by repository path; `{ symlink }` makes a link, `{ executable }` sets the mode. */
type Tree = Record<string, string | Buffer | { symlink: string } | { content: string; executable: boolean }>;

interface Repo {
  root: string;
  env: NodeJS.ProcessEnv;
  baseSha: string;
  headSha: string;
}

const made: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [repoPath, entry] of Object.entries(tree)) {
    const file = path.join(root, ...repoPath.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await rm(file, { force: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) await writeFile(file, entry);
    else if ('symlink' in entry) await symlink(entry.symlink, file);
    else {
      await writeFile(file, entry.content);
      await chmod(file, entry.executable ? 0o755 : 0o644);
    }
  }
}

/**
 * A repository with two commits: the base, then the PR's changes; HEAD is the PR. `rawNames`
 * are base files whose names are bytes (not UTF-8), relative to the repository.
 */
async function buildRepo(base: Tree, pr: Tree, options: { gitlinks?: string[]; rawNames?: Array<{ name: Buffer; content: string }> } = {}): Promise<Repo> {
  const dir = await tempDir('compat-gate-hostile-');
  const root = path.join(dir, 'repo');
  const home = path.join(dir, 'home');
  await mkdir(home);
  const env = isolatedGitEnv(home);
  const git = (...args: string[]) => runGit(root, args, env);
  await runGit(dir, ['init', '--quiet', '--initial-branch=main', root], env);
  await writeTree(root, base);
  for (const { name, content } of options.rawNames ?? []) await writeFile(Buffer.concat([Buffer.from(`${root}/`), name]), content);
  await git('add', '--all');
  for (const gitlink of options.gitlinks ?? []) {
    // A submodule entry without a .gitmodules: what the tree holds is all the gate sees.
    await git('update-index', '--add', '--cacheinfo', `160000,${'5'.repeat(40)},${gitlink}`);
  }
  await git('commit', '--quiet', '--message', 'feat: configs users have');
  const baseSha = await git('rev-parse', 'HEAD');
  await writeTree(root, pr);
  await git('add', '--all');
  await git('commit', '--quiet', '--message', 'feat: the pull request');
  return { root, env, baseSha, headSha: await git('rev-parse', 'HEAD') };
}

interface GateRun {
  report: Report;
  summary: string;
  durationMs: number;
  before: WorkspaceSnapshot | undefined;
  after: WorkspaceSnapshot | undefined;
  /** What the run left in its temp root. */
  leftovers: string[];
}

/** Runs the whole check as the CLI does, with the base as a sha and no PR title that acknowledges. */
async function gate(repo: Repo, settings: Partial<CheckRequest['gate']>, options: { snapshot?: boolean } = {}): Promise<GateRun> {
  const tempRoot = await tempDir('compat-gate-hostile-temp-');
  // The fixture's snapshot reads names as UTF-8, so it cannot fingerprint a tree of Latin-1 names.
  const snapshot = () => (options.snapshot === false ? Promise.resolve(undefined) : snapshotWorkspace(repo.root, repo.env));
  const before = await snapshot();
  const started = Date.now();
  const report = await check({
    gate: {
      workingDirectory: repo.root,
      patterns: parsePatterns('configs/**'),
      refMap: [],
      checkFormats: true,
      loaderTimeoutSeconds: 30,
      loaderEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      yamlVersion: '1.2',
      ...settings,
    },
    base: repo.baseSha,
    releaseSelection: 'none',
    failOnDrift: false,
    eventName: 'cli',
    payload: {},
    ackLabels: ['breaking-change'],
    allowPullRequestTarget: false,
    localPullRequest: { title: 'feat: harden the loader', labels: [] },
    repository: { name: 'acme/hostile', serverUrl: 'https://github.com' },
    tempRoot,
    toolVersion: 'test',
  });
  const durationMs = Date.now() - started;
  return {
    report,
    summary: renderSummary(report),
    durationMs,
    before,
    after: await snapshot(),
    leftovers: await readdir(tempRoot),
  };
}

function config(report: Report, repoPath: string): ReportConfig {
  const found = report.configs.find((c) => c.path === repoPath);
  if (!found) throw new Error(`${JSON.stringify(repoPath)} is not in the report: ${report.configs.map((c) => JSON.stringify(c.path)).join(', ')}`);
  return found;
}

function pathsWithStatus(report: Report, status: string): string[] {
  return report.configs.filter((c) => c.status === status).map((c) => c.path).sort();
}

function firstError(report: Report, repoPath: string): string {
  return config(report, repoPath).errors[0]?.message ?? '';
}

function expectLeftAsFound(run: GateRun): void {
  expect(run.before, 'the repository was not fingerprinted').toBeDefined();
  expect(run.after, 'the repository changed during the run').toEqual(run.before);
  expect(run.leftovers, 'temporary files were left behind').toEqual([]);
}

/** Whether a process is still running; a zombie nobody has reaped yet is dead for this purpose. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const SCHEMA_V1 = JSON.stringify({
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 } },
});
const SCHEMA_V2 = SCHEMA_V1.replace('"minimum":1', '"minimum":2');

afterAll(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

// First in the file: the memory check reads this process's peak RSS, which later tests raise.
describe('loaders that misbehave', () => {
  let repo: Repo;
  let run: GateRun;
  let logs: string;
  let peakGrowthKiB: number;

  beforeAll(async () => {
    repo = await buildRepo(
      {
        'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader-base.mjs'), 'utf8'),
        'configs/a-loads.yaml': 'version: 2\n',
        'configs/b-flood.yaml': 'version: 2\nbehaviour: flood\n',
        'configs/c-hang.yaml': 'version: 2\nbehaviour: hang\n',
        'configs/d-killed.yaml': 'version: 2\nbehaviour: killed\n',
        'configs/e-old.yaml': 'version: 1\n',
        'configs/f-loads.yaml': 'version: 3\n',
      },
      { 'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader.mjs'), 'utf8') },
    );
    logs = await tempDir('compat-gate-hostile-logs-');
    const peakBefore = process.resourceUsage().maxRSS;
    run = await gate(repo, {
      loader: 'node loader/load.mjs',
      // 2 s: long enough for a flood to pass through the pipes on a busy machine, short for a hang.
      loaderTimeoutSeconds: 2,
      loaderEnv: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ARGV_LOG: path.join(logs, 'argv.jsonl'),
        PID_LOG: path.join(logs, 'pids.txt'),
        FLOOD_MIB: '48',
      },
    });
    peakGrowthKiB = process.resourceUsage().maxRSS - peakBefore;
  });

  it('judges every other config, and finds the real break among them', () => {
    expect(run.report.error).toBeUndefined();
    expect(run.report.verdict).toBe('breaking');
    expect(pathsWithStatus(run.report, 'ok')).toEqual(['configs/a-loads.yaml', 'configs/f-loads.yaml']);
    expect(firstError(run.report, 'configs/e-old.yaml')).toContain('version 1 is no longer supported');
  });

  it('judges a config the loader hangs on as not loading (timed out), and ends the process tree it started', async () => {
    const hang = config(run.report, 'configs/c-hang.yaml');
    expect(hang.status).toBe('broken');
    expect(hang.errors[0]).toMatchObject({ layer: 'loader', timedOut: true });
    expect(hang.errors[0]?.message).toMatch(/timed out after 2s/);
    const pids = (await readFile(path.join(logs, 'pids.txt'), 'utf8')).split('\n').filter(Boolean).map(Number);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(alive(pid), `the loader's child ${pid} outlived the timeout`).toBe(false);
  });

  it('caps a loader that floods stdout and stderr (48 MiB each, 48 times the cap): memory stays bounded, its last line is the message', () => {
    expect(config(run.report, 'configs/b-flood.yaml').status).toBe('broken');
    expect(firstError(run.report, 'configs/b-flood.yaml')).toMatch(/refused after a flood of output$/);
    expect(firstError(run.report, 'configs/b-flood.yaml').length).toBeLessThan(2_000);
    // Kept whole, one flood alone would add 96 MiB of buffers and as much again as text; the run
    // itself and garbage not yet collected add up to ~80 MiB.
    expect(peakGrowthKiB / 1024, 'peak memory grew with the flood').toBeLessThan(128);
  });

  it('judges a config the loader is killed on as not loading, naming the signal', () => {
    expect(config(run.report, 'configs/d-killed.yaml').status).toBe('broken');
    expect(firstError(run.report, 'configs/d-killed.yaml')).toMatch(/killed by signal SIGKILL/);
  });

  it('ends in bounded time, leaves the repository as it was and removes its temporary files', () => {
    // A few loader timeouts of 2 s while bisecting, and floods of 48 MiB: far below a minute.
    expect(run.durationMs).toBeLessThan(20_000);
    expectLeftAsFound(run);
  });

  it('is an error, in bounded time, when the loader hangs on every config (not 2n - 1 timeouts one after another)', async () => {
    const many: Tree = {};
    for (let i = 0; i < 32; i++) many[`configs/c${String(i).padStart(2, '0')}.yaml`] = 'version: 2\n';
    const hangsEverywhere = await buildRepo(many, { 'README.md': 'pr\n' });
    const hangs = await gate(hangsEverywhere, { loader: 'sleep 60 #', loaderTimeoutSeconds: 0.3 });
    expect(hangs.report.verdict).toBe('error');
    expect(hangs.report.error?.message).toMatch(/^The loader timed out \d+ times \(`loader-timeout`: 0.3s\).*hangs on too many configs/);
    expect(pathsWithStatus(hangs.report, 'broken')).toEqual([]);
    // Bisecting 32 configs that all hang took 63 timeouts, two at a time (~10 s here; hours at 120 s).
    expect(hangs.durationMs).toBeLessThan(6_000);
    expectLeftAsFound(hangs);
  });

  it('is an error naming the command, never a break, when the loader cannot be found', async () => {
    const missing = await gate(repo, { loader: './loader/missing-loader.sh' });
    expect(missing.report.verdict).toBe('error');
    expect(missing.report.error?.message).toContain('./loader/missing-loader.sh');
    expect(missing.report.error?.message).toMatch(/cannot start/);
    expect(pathsWithStatus(missing.report, 'broken')).toEqual([]);
    expectLeftAsFound(missing);
  });

  it('is an error when the loader is not executable', async () => {
    const notExecutable = await gate(repo, { loader: './loader/load.mjs' });
    expect(notExecutable.report.verdict).toBe('error');
    expect(notExecutable.report.error?.message).toMatch(/cannot start.*exited with code 126/s);
    expectLeftAsFound(notExecutable);
  });
});

describe('files made to hurt parsers, links, submodules and hostile names', () => {
  let repo: Repo;
  let run: GateRun;
  let argvLog: string;
  const ODD_PARENTHESIS = 'configs/odd).yaml';
  const brokenByPr = ['configs/real-break.yaml', 'configs/dup-last-1.yaml', ...HOSTILE_NAMES, ODD_PARENTHESIS].sort();

  beforeAll(async () => {
    const base: Tree = {
      'schema/config.json': SCHEMA_V1,
      'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader-base.mjs'), 'utf8'),
      'configs/ok.yaml': 'version: 2\n',
      'configs/real-break.yaml': 'version: 1\n',
      'configs/bomb.yaml': aliasBomb(),
      'configs/merge-bomb.yaml': mergeKeyBomb(),
      'configs/deep-flow.yaml': deepFlowYaml(),
      'configs/deep-block.yaml': deepBlockYaml(),
      'configs/deep.json': deepJson(),
      'configs/large.yaml': oversizedYaml(10 * MIB),
      'configs/blob.yaml': binaryBlob(),
      'configs/latin1.yaml': latin1Yaml(),
      // PyYAML and JSON.parse keep the last of duplicate keys.
      'configs/dup.yaml': 'version: 1\nversion: 2\n',
      'configs/dup.json': '{"version": 1, "version": 2}\n',
      'configs/dup-last-1.yaml': 'version: 2\nversion: 1\n',
      'secret/version-one.yaml': 'version: 1\n',
      'configs/link.yaml': { symlink: '../secret/version-one.yaml' },
      'configs/abs-link.yaml': { symlink: '/etc/passwd' },
      [ODD_PARENTHESIS]: 'version: 1\n',
    };
    for (const name of HOSTILE_NAMES) base[name] = 'version: 1\n';
    repo = await buildRepo(
      base,
      {
        'schema/config.json': SCHEMA_V2,
        'loader/load.mjs': await readFile(path.join(HOSTILE, 'loader-base.mjs'), 'utf8'),
        // The PR "fixes" its own copies; the gate still reads the base's.
        'configs/bomb.yaml': 'version: 2\n',
      },
      { gitlinks: ['configs/vendor.yaml', 'configs/vendored'] },
    );
    argvLog = path.join(await tempDir('compat-gate-hostile-logs-'), 'argv.jsonl');
    run = await gate(repo, {
      schema: 'schema/config.json',
      loader: 'node loader/load.mjs',
      loaderEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', ARGV_LOG: argvLog },
    });
  });

  it('reports alias bombs (aliases and merge keys) as unreadable without expanding them', () => {
    for (const bomb of ['configs/bomb.yaml', 'configs/merge-bomb.yaml']) {
      expect(config(run.report, bomb).status, bomb).toBe('unreadable');
      expect(firstError(run.report, bomb), bomb).toMatch(/alias bomb/);
    }
  });

  it('reports YAML and JSON nested 100 000 deep as unreadable, without a stack overflow', () => {
    for (const deep of ['configs/deep-flow.yaml', 'configs/deep-block.yaml', 'configs/deep.json']) {
      expect(config(run.report, deep).status, deep).toBe('unreadable');
      expect(firstError(run.report, deep), deep).toBe('nested too deeply (more than 1000 levels)');
    }
  });

  it('reports a config over the 10 MiB cap as too large, with its size and the cap', () => {
    expect(config(run.report, 'configs/large.yaml').status).toBe('unreadable');
    expect(firstError(run.report, 'configs/large.yaml')).toBe('too large to read: 10485761 bytes, over the limit of 10 MiB (10485760 bytes)');
  });

  it('reports a binary blob and invalid UTF-8 as unreadable, the latter at its line and column', () => {
    expect(config(run.report, 'configs/blob.yaml').status).toBe('unreadable');
    expect(firstError(run.report, 'configs/blob.yaml')).toMatch(/binary/);
    const latin1 = config(run.report, 'configs/latin1.yaml');
    expect(latin1.status).toBe('unreadable');
    expect(latin1.errors[0]).toMatchObject({ layer: 'parse', line: 2, column: 10 });
    expect(latin1.errors[0]?.message).toMatch(/not valid UTF-8/);
  });

  it('reads duplicate keys as PyYAML and JSON.parse do: the last one wins', () => {
    expect(config(run.report, 'configs/dup.yaml').status).toBe('ok');
    expect(config(run.report, 'configs/dup.json').status).toBe('ok');
    expect(config(run.report, 'configs/dup-last-1.yaml').status).toBe('broken');
  });

  it('skips symlinks and submodules, saying why, and never reads what a link points to', () => {
    expect(run.report.skipped).toEqual(
      expect.arrayContaining([
        { path: 'configs/link.yaml', kind: 'symlink', reason: expect.stringMatching(/symbolic link/) },
        { path: 'configs/abs-link.yaml', kind: 'symlink', reason: expect.stringMatching(/symbolic link/) },
        { path: 'configs/vendor.yaml', kind: 'submodule', reason: expect.stringMatching(/submodule/) },
        { path: 'configs/vendored', kind: 'submodule', reason: expect.stringMatching(/submodule/) },
      ]),
    );
    expect(run.report.skipped).toHaveLength(4);
    const judged = run.report.configs.map((c) => c.path);
    for (const skipped of ['configs/link.yaml', 'configs/abs-link.yaml', 'configs/vendor.yaml', 'configs/vendored', 'secret/version-one.yaml']) {
      expect(judged).not.toContain(skipped);
    }
  });

  it('never lets an unreadable config hide a real break: exactly the configs the PR breaks are broken', () => {
    expect(run.report.error).toBeUndefined();
    expect(run.report.verdict).toBe('breaking');
    expect(pathsWithStatus(run.report, 'broken')).toEqual(brokenByPr);
    expect(pathsWithStatus(run.report, 'unreadable')).toEqual(
      [
        'configs/blob.yaml',
        'configs/bomb.yaml',
        'configs/deep-block.yaml',
        'configs/deep-flow.yaml',
        'configs/deep.json',
        'configs/large.yaml',
        'configs/latin1.yaml',
        'configs/merge-bomb.yaml',
      ].sort(),
    );
    expect(run.report.counts).toMatchObject({ broken: brokenByPr.length, unreadable: 8, skipped: 4 });
  });

  it('hands names with spaces, quotes, a newline, $(…), backticks and non-ASCII to the loader intact, and runs none of them', async () => {
    const starts = (await readFile(argvLog, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { ref: string; files: string[] });
    const given = starts.flatMap((start) => start.files);
    for (const name of HOSTILE_NAMES) {
      expect(given.some((file) => path.isAbsolute(file) && file.endsWith(`/${name}`)), JSON.stringify(name)).toBe(true);
    }
    // Unreadable configs are not the loader's business.
    expect(given.some((file) => file.endsWith('/configs/bomb.yaml'))).toBe(false);
    expect(existsSync(path.join(repo.root, 'pwned'))).toBe(false);
    expect(existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
  });

  it('shows hostile names in the summary as whole inline code, their links percent-encoded', () => {
    const shown: Record<string, string> = {
      'configs/with space.yaml': '[`configs/with space.yaml`](https://github.com/acme/hostile/blob/BASE/configs/with%20space.yaml',
      [`configs/it's "quoted".yaml`]: "[`configs/it's \"quoted\".yaml`](https://github.com/acme/hostile/blob/BASE/configs/it's%20%22quoted%22.yaml",
      'configs/new\nline.yaml': '[`configs/new␤line.yaml`](https://github.com/acme/hostile/blob/BASE/configs/new%0Aline.yaml',
      'configs/pipe|cell.yaml': '[`configs/pipe\\|cell.yaml`](https://github.com/acme/hostile/blob/BASE/configs/pipe%7Ccell.yaml',
      'configs/`touch pwned`;touch pwned.yaml': '[``configs/`touch pwned`;touch pwned.yaml``](https://github.com/acme/hostile/blob/BASE/configs/',
      'configs/日本語 — ünïcødé.yaml': '[`configs/日本語 — ünïcødé.yaml`](https://github.com/acme/hostile/blob/BASE/configs/%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E2%80%94%20',
    };
    for (const [name, markdown] of Object.entries(shown)) {
      expect(run.summary, JSON.stringify(name)).toContain(markdown.replace('BASE', repo.baseSha));
    }
    // No raw newline from a file name: every table row stays one line.
    const rows = run.summary.split('\n').filter((line) => line.startsWith('| ['));
    expect(rows).toHaveLength(run.report.counts.broken + run.report.counts.unreadable);
  });

  it('percent-encodes a parenthesis in a file link, so that `odd).yaml` does not end the markdown link early', () => {
    const row = run.summary.split('\n').find((line) => line.includes('`configs/odd).yaml`')) ?? '';
    expect(row).toContain(`/blob/${repo.baseSha}/configs/odd%29.yaml`);
  });

  it('judges two files whose names are not UTF-8 (Latin-1 café, cafè) as two configs', async () => {
    const latin1 = (name: string) => Buffer.from(name, 'latin1');
    const named = await buildRepo(
      { 'configs/ok.yaml': 'version: 2\n' },
      { 'README.md': 'pr\n' },
      { rawNames: [{ name: latin1('configs/café.yaml'), content: 'version: 2\n' }, { name: latin1('configs/cafè.yaml'), content: 'version: 3\n' }] },
    );
    const latin = await gate(named, { loader: 'true' }, { snapshot: false });
    expect(latin.report.error).toBeUndefined();
    expect(latin.report.configs).toHaveLength(3);
  });

  it('ends in bounded time, leaves the repository as it was and removes its temporary files', () => {
    expect(run.durationMs).toBeLessThan(20_000);
    expectLeftAsFound(run);
  });

  it('reads a 12 MiB blob in linear work: bytes copied stay within a few times its size', async () => {
    const blobBytes = 12 * MIB;
    const large = await buildRepo({ 'configs/huge.yaml': oversizedYaml(blobBytes), 'configs/ok.yaml': 'version: 2\n' }, { 'README.md': 'pr\n' });
    // Counted, not changed: the bytes Buffer.concat copies while the gate reads the tree. (A vi.spyOn
    // would keep every argument and result alive.)
    const original = Buffer.concat;
    let copied = 0;
    Buffer.concat = (...args: Parameters<typeof Buffer.concat>) => {
      const joined = original.apply(Buffer, args);
      copied += joined.length;
      return joined;
    };
    try {
      const huge = await gate(large, { loader: 'true' });
      expect(firstError(huge.report, 'configs/huge.yaml')).toMatch(/too large/);
    } finally {
      Buffer.concat = original;
    }
    // At 64 KiB a chunk, concatenating all that came before copies ~1 GiB for 12 MiB (6 minutes for 200 MiB).
    expect(copied).toBeLessThan(4 * blobBytes);
  });
});

describe("schemas the PR cannot be judged with", () => {
  let repo: Repo;
  let server: Server;
  const requests: string[] = [];
  let remote: string;

  const gateWith = (schema: string) => gate(repo, { schema });

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{"type": "string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schemas/defs.json`;
    const outside = path.join(await tempDir('compat-gate-hostile-outside-'), 'schema.json');
    await writeFile(outside, SCHEMA_V1);
    const tree = (depth: number, leaf: object): object => (depth === 0 ? leaf : { name: `n${depth}`, children: [tree(depth - 1, leaf)] });
    repo = await buildRepo(
      {
        'schema/config.json': SCHEMA_V1,
        'configs/flat.yaml': 'version: 2\nname: flat\n',
        'configs/tree.json': JSON.stringify(tree(40, { name: 'leaf' })),
        'configs/nameless-leaf.json': JSON.stringify(tree(6, { children: [] })),
      },
      {
        'schema/bad.json': '{\n  "type": "object",\n  "properties": {\n    "version": {"type": "integer"\n  }\n',
        'schema/bad.yaml': 'type: object\nproperties:\n  version: {type: integer\n  name: [1\n',
        'schema/invalid.json': '{"type": "object", "properties": {"version": {"type": "integer", "minimum": "two"}}}',
        'schema/remote.json': JSON.stringify({ type: 'object', properties: { name: { $ref: `${remote}#/name` } } }),
        'schema/tree.json': JSON.stringify({
          $ref: '#/definitions/node',
          definitions: {
            node: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } },
            },
          },
        }),
        'schema/node-a.json': JSON.stringify({ type: 'object', required: ['name'], properties: { children: { type: 'array', items: { $ref: 'node-b.json' } } } }),
        'schema/node-b.json': JSON.stringify({ $ref: 'node-a.json' }),
        'schema/loop.json': JSON.stringify({ $ref: '#' }),
        'schema/loop-a.json': JSON.stringify({ $ref: 'loop-b.json' }),
        'schema/loop-b.json': JSON.stringify({ $ref: 'loop-a.json' }),
        // Deep enough for ajv's recursive compiler, and for the JSON parser itself.
        'schema/nested-1000.json': `${'{"not":'.repeat(1_000)}{}${'}'.repeat(1_000)}`,
        'schema/nested-5000.json': `${'{"not":'.repeat(5_000)}{}${'}'.repeat(5_000)}`,
        'schema/escape.json': { symlink: outside },
      },
    );
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('is an error naming the file and the line when the schema is not valid JSON', async () => {
    const run = await gateWith('schema/bad.json');
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toMatch(/^Schema file schema\/bad\.json in the PR checkout cannot be parsed at line 6: /);
    expectLeftAsFound(run);
  });

  it('is an error naming the file and the line when the schema is not valid YAML', async () => {
    const run = await gateWith('schema/bad.yaml');
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toMatch(/^Schema file schema\/bad\.yaml in the PR checkout cannot be parsed at line \d+: \S/);
    // yaml's own "at line N, column M:" would say the line twice, and end in a colon.
    expect(run.report.error?.message).not.toMatch(/column \d+:/);
  });

  it("is an error with ajv's reason when the schema breaks its meta-schema", async () => {
    const run = await gateWith('schema/invalid.json');
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toContain('schema/invalid.json');
    expect(run.report.error?.message).toContain('#/properties/version/minimum must be number');
  });

  it('refuses a remote $ref, naming the URL, without any network access', async () => {
    const run = await gateWith('schema/remote.json');
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toContain(remote);
    expect(run.report.error?.message).toMatch(/never fetches schemas from the network/);
    expect(run.report.error?.hint).toMatch(/schema-ref-map/);
    expect(requests).toEqual([]);
  });

  it('validates through recursive $refs (in one file and across two), finding a break 6 levels down', async () => {
    for (const schema of ['schema/tree.json', 'schema/node-a.json']) {
      const run = await gateWith(schema);
      expect(run.report.error, schema).toBeUndefined();
      expect(config(run.report, 'configs/tree.json').status, schema).toBe('ok');
      const nameless = config(run.report, 'configs/nameless-leaf.json');
      expect(nameless.status, schema).toBe('broken');
      expect(nameless.errors[0]?.pointer, schema).toBe(`${'/children/0'.repeat(6)}/name`);
    }
  });

  it('is an error, not a break of every config, when $refs loop without end (in one file or across two)', async () => {
    for (const schema of ['schema/loop.json', 'schema/loop-a.json']) {
      const run = await gateWith(schema);
      expect(run.report.verdict, schema).toBe('error');
      expect(run.report.error?.message, schema).toContain(schema);
      expect(run.report.error?.message, schema).toMatch(/\$ref.*loop/);
      expect(pathsWithStatus(run.report, 'broken'), schema).toEqual([]);
    }
  });

  it('is an error naming the file, not an unexpected failure, when the schema nests 1 000 or 5 000 levels deep', async () => {
    for (const schema of ['schema/nested-1000.json', 'schema/nested-5000.json']) {
      const run = await gateWith(schema);
      expect(run.report.verdict, schema).toBe('error');
      expect(run.report.error?.message, schema).toContain(schema);
      expect(run.report.error?.message, schema).toMatch(/nests too deeply/);
      expect(run.report.error?.message, schema).not.toMatch(/unexpectedly/);
    }
  });

  it('refuses a schema that is a symlink out of the checkout', async () => {
    const run = await gateWith('schema/escape.json');
    expect(run.report.verdict).toBe('error');
    expect(run.report.error?.message).toMatch(/Refusing to read schema\/escape\.json: it is outside the PR checkout/);
    expectLeftAsFound(run);
  });
});
