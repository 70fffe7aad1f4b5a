// The functional layer for "never green by accident": each layer judged on its own, nothing
// checked is an error, and the base judged with its own (moved or missing) schema. The bundled
// dist/index.js runs as the runner starts it, on a shallow checkout of the PR merge commit.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENTRY, TEST_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../helpers/action-runner.js';
import { buildPullRequestRepo, type FileTree, type PullRequestRepo } from '../helpers/git-fixture.js';
import { startGitHubApi } from '../helpers/github-api.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const OWNER = 'acme';
const REPO = 'server';

/** Python 3 with PyYAML and pydantic, as the repro's loader needs; the reason when it is missing. */
function pythonMissing(): string | undefined {
  try {
    execFileSync('python3', ['-c', 'import yaml, pydantic'], { stdio: 'ignore', timeout: 60_000 });
    return undefined;
  } catch {
    return 'python3 with PyYAML and pydantic is not installed';
  }
}
const PYTHON_MISSING = pythonMissing();

let tempRoot = '';
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'compat-gate-never-green-'));
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await rm(tempRoot, { recursive: true, force: true });
});

interface Scenario {
  number: number;
  main: FileTree;
  pr: FileTree;
  inputs: Record<string, string>;
  title?: string;
}

async function runScenario(scenario: Scenario): Promise<ActionRun> {
  const repo: PullRequestRepo = await buildPullRequestRepo({
    main: [{ message: 'feat: server config', files: scenario.main }],
    pr: { number: scenario.number, branch: `contributor/${scenario.number}`, commits: [{ message: scenario.title ?? 'fix: tighten the server config', files: scenario.pr }] },
  });
  cleanups.push(() => repo.cleanup());
  const title = scenario.title ?? 'fix: tighten the server config';
  const api = await startGitHubApi({
    owner: OWNER,
    repo: REPO,
    requireToken: TEST_TOKEN,
    pulls: {
      [repo.number]: {
        title,
        labels: [],
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
      inputs: { release: 'none', ...scenario.inputs },
      event: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: repo.number,
        title,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        mergeSha: repo.mergeSha,
        commits: repo.prCommits.length,
      }),
    });
    cleanups.push(run.dispose);
    return run;
  } finally {
    await api.close();
  }
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-1500)}`;
}

function expectVerdict(run: ActionRun, verdict: 'pass' | 'breaking' | 'error'): void {
  expect(run.outputs['verdict'], describeRun(run)).toBe(verdict);
  expect(run.exitCode, describeRun(run)).toBe(verdict === 'pass' ? 0 : 1);
}

function reportError(run: ActionRun): { message: string; hint?: string } {
  return (run.report?.['error'] ?? { message: '' }) as { message: string; hint?: string };
}

/** A schema for `server.yaml`: a port up to `max`, a boolean `debug`. */
function serverSchema(max: number): string {
  return JSON.stringify(
    {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['port'],
      properties: { port: { type: 'integer', minimum: 1, maximum: max }, debug: { type: 'boolean' } },
    },
    null,
    2,
  );
}

/** The pydantic model the server loads `server.yaml` with, through PyYAML (which reads YAML 1.1). */
function pythonLoader(max: number): string {
  return [
    'import sys',
    'import yaml',
    'from pydantic import BaseModel, Field, ValidationError',
    '',
    'class Server(BaseModel):',
    `    port: int = Field(ge=1, le=${max})`,
    '    debug: bool = False',
    '',
    'failed = 0',
    'for path in sys.argv[1:]:',
    '    with open(path) as handle:',
    '        data = yaml.safe_load(handle)',
    '    try:',
    '        Server(**data)',
    '    except ValidationError as error:',
    '        failed += 1',
    "        print(f'{path}: {error.errors()[0][\"msg\"]}', file=sys.stderr)",
    'sys.exit(1 if failed else 0)',
    '',
  ].join('\n');
}

/** A Node loader: lines `bad: true` fail; on a base whose dependency is missing, every config fails. */
const NODE_LOADER_OK = [
  "const { readFileSync } = require('node:fs');",
  'let failed = 0;',
  'for (const file of process.argv.slice(2)) {',
  "  if (/^bad: true$/m.test(readFileSync(file, 'utf8'))) { failed++; console.error(`${file}: bad is not allowed`); }",
  '}',
  'process.exit(failed ? 1 : 0);',
  '',
].join('\n');
const NODE_LOADER_MISSING_MODULE = [
  "require('server-config-schema');",
  '',
].join('\n');

describe.skipIf(!HAS_DIST)(HAS_DIST ? 'each layer judged on its own (the action)' : 'each layer judged on its own (skipped: dist/index.js is missing, run `npm run build`)', () => {
  const repro = PYTHON_MISSING ? `breaks a config whose loader regresses behind an old schema failure (skipped: ${PYTHON_MISSING})` : 'breaks a config whose loader regresses behind an old schema failure (port: 9090, debug: yes; schema + pydantic both lower the port to 9000)';
  it.skipIf(PYTHON_MISSING !== undefined)(repro, async () => {
    const run = await runScenario({
      number: 101,
      main: {
        'config/server.yaml': 'port: 9090\ndebug: yes\n',
        'schema/server.schema.json': serverSchema(65535),
        'loader/load.py': pythonLoader(65535),
      },
      pr: { 'schema/server.schema.json': serverSchema(9000), 'loader/load.py': pythonLoader(9000) },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json', loader: 'python3 loader/load.py' },
    });
    expectVerdict(run, 'breaking');
    expect(run.outputs['broken']).toBe('1');
    const config = run.report!.configs[0]!;
    expect(config.status).toBe('broken');
    // The schema rejected it on both sides (YAML 1.2 reads `yes` as a string); the loader loaded it on the base only.
    expect(config['layers']).toEqual({ schema: { base: 'rejects', pr: 'rejects' }, loader: { base: 'accepts', pr: 'rejects' } });
    // The first error is the one the PR caused: the loader's.
    expect(config.errors[0]).toMatchObject({ layer: 'loader' });
    expect(String(config.errors[0]!.message)).toContain('9000');
    const baseErrors = config['baseErrors'] as Array<{ layer: string; message: string; pointer?: string }>;
    expect(baseErrors.map((error) => [error.layer, error.pointer])).toEqual([['schema', '/debug']]);
    // A schema error on `yes` says how YAML 1.1 reads it.
    expect(baseErrors[0]!.message).toContain('YAML 1.2 reads this value as "yes", YAML 1.1 as true');
    expect(baseErrors[0]!.message).toContain('set `yaml-version: 1.1`');
    // The lowered maximum is shown by the broken config, never called latent.
    const changes = run.report!['schemaChanges'] as { breaking: Array<{ rule: string; configs: string[] }>; latent: unknown[] };
    expect(changes.latent).toEqual([]);
    expect(changes.breaking.map((change) => change.configs)).toEqual([['config/server.yaml']]);
    expect(run.summary).toContain('breaking — 1 config');
  }, 180_000);

  it('reports the base\'s error in "already failing", and passes when no layer regressed', async () => {
    const run = await runScenario({
      number: 102,
      main: {
        'config/a.yaml': 'port: 80\n',
        'config/b.yaml': 'port: 70000\n',
        'schema/server.schema.json': serverSchema(65535),
      },
      pr: { 'schema/server.schema.json': serverSchema(60000) },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'pass');
    const failing = run.report!.configs.find((config) => config.path === 'config/b.yaml')!;
    expect(failing.status).toBe('failing-on-base');
    expect(failing['layers']).toEqual({ schema: { base: 'rejects', pr: 'rejects' } });
    expect(String(failing.errors[0]!.message)).toContain('60000');
    // The table shows why it failed before this PR: the base's limit, not the PR's.
    const table = run.summary.slice(run.summary.indexOf('### Already failing on the base'));
    const row = table.split('\n').find((line) => line.includes('config/b.yaml'))!;
    expect(row).toContain('65535');
    expect(row).not.toContain('60000');
  }, 120_000);
});

describe.skipIf(!HAS_DIST)(HAS_DIST ? 'nothing checked is an error (the action)' : 'nothing checked is an error (skipped: dist/index.js is missing, run `npm run build`)', () => {
  it('errs when the patterns match no file on the base nor in the PR checkout, naming them and where it looked', async () => {
    const run = await runScenario({
      number: 201,
      main: { 'configs/server.yaml': 'port: 80\n', 'schema/server.schema.json': serverSchema(65535) },
      pr: { 'README.md': '# server\n' },
      inputs: { configs: 'config/*.yaml\n!config/old.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'error');
    const error = reportError(run);
    expect(error.message).toMatch(/^Nothing was checked: no file matches the `configs` patterns \(`config\/\*\.yaml`, `!config\/old\.yaml`\) on the base `main` \([0-9a-f]{12}\), nor in the PR checkout \(.+ at [0-9a-f]{12}\)\.$/);
    expect(error.hint).toContain('from the repository root');
    expect(run.summary).toContain('error — the gate could not decide');
    expect(run.summary).toContain('not a judgement of the PR');
    expect(run.outputs['broken']).toBe('0');
  }, 120_000);

  it('passes when the base has no config and the PR adds the first ones, and says so', async () => {
    const run = await runScenario({
      number: 202,
      main: { 'schema/server.schema.json': serverSchema(65535) },
      pr: { 'config/a.yaml': 'port: 80\n', 'config/b.yaml': 'port: 81\n' },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'pass');
    expect(run.report!['firstConfigs']).toBe(2);
    expect(run.summary).toContain('pass — no config from `main` yet; this PR adds the first 2 configs');
  }, 120_000);

  it('errs when the base\'s loader loads none of the base\'s configs with the base\'s own code (a missing module)', async () => {
    const run = await runScenario({
      number: 203,
      main: {
        'config/a.yaml': 'port: 80\n',
        'config/b.yaml': 'port: 81\nbad: true\n',
        'config/c.yaml': 'port: 82\n',
        'loader/load.js': NODE_LOADER_MISSING_MODULE,
      },
      pr: { 'loader/load.js': NODE_LOADER_OK },
      inputs: { configs: 'config/*.yaml', loader: 'node loader/load.js' },
    });
    expectVerdict(run, 'error');
    const error = reportError(run);
    // b fails on the PR; a and c load there and confirm that the base's loader loads nothing.
    expect(error.message).toMatch(/^The loader loaded none of 3 configs of the base with the base's own code \(the base `main` \([0-9a-f]{12}\)\); the first message, for `config\/b\.yaml`: .*server-config-schema/);
    expect(error.hint).toContain('dependencies are installed');
    expect(error.hint).toContain('exist on the base');
    expect(run.outputs['broken']).toBe('0');
  }, 120_000);

  it('errs when the base\'s schema rejects every base config, suggesting yaml-version 1.1 for YAML 1.1 values', async () => {
    const run = await runScenario({
      number: 204,
      main: {
        'config/a.yaml': 'port: 80\ndebug: yes\n',
        'config/b.yaml': 'port: 81\ndebug: on\n',
        'schema/server.schema.json': serverSchema(65535),
      },
      pr: { 'docs/config.md': '# config\n' },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'error');
    const error = reportError(run);
    expect(error.message).toMatch(/^The schema of the base `main` \([0-9a-f]{12}\) \(its schema `schema\/server\.schema\.json`\) rejects every one of the 2 configs of the base/);
    expect(error.hint).toMatch(/^Likely cause: the configs use values that YAML 1\.1 and 1\.2 read differently \(`config\/a\.yaml` at `\/debug`\): .*set `yaml-version: 1\.1`/);
  }, 120_000);

  it('errs when every matched config is unreadable, with the first reason', async () => {
    const run = await runScenario({
      number: 205,
      main: { 'config/a.yaml': 'port: [80\n', 'config/b.yaml': 'port: {\n', 'schema/server.schema.json': serverSchema(65535) },
      pr: { 'docs/config.md': '# config\n' },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'error');
    expect(reportError(run).message).toMatch(/^Nothing could be checked: none of the 2 files matching the `configs` patterns \(`config\/\*\.yaml`\) on the base `main` \([0-9a-f]{12}\) could be read as a config; the first: `config\/a\.yaml`: /);
  }, 120_000);
});

describe.skipIf(!HAS_DIST)(HAS_DIST ? 'the base judged by its own schema (the action)' : 'the base judged by its own schema (skipped: dist/index.js is missing, run `npm run build`)', () => {
  it('finds a moved schema on the base through git\'s rename detection and never blames an old failure on the PR', async () => {
    const run = await runScenario({
      number: 301,
      main: {
        'config/a.yaml': 'port: 80\n',
        'config/b.yaml': 'port: 70000\n',
        'schema/server.json': serverSchema(65535),
      },
      pr: { 'schema/server.json': null, 'schemas/server.schema.json': serverSchema(65535) },
      inputs: { configs: 'config/*.yaml', schema: 'schemas/server.schema.json' },
    });
    expectVerdict(run, 'pass');
    expect(run.report!.configs.find((config) => config.path === 'config/b.yaml')!.status).toBe('failing-on-base');
    expect(run.report!['schema']).toMatchObject({ file: 'schemas/server.schema.json', baseFile: 'schema/server.json' });
    expect(run.summary).toContain('The PR moved the schema from `schema/server.json` to `schemas/server.schema.json`');
  }, 120_000);

  it('breaks the configs a schema new in the PR rejects, says the schema is new, and never mentions a loader there is not', async () => {
    const run = await runScenario({
      number: 302,
      main: { 'config/a.yaml': 'port: 80\n', 'config/b.yaml': 'port: 70000\n' },
      pr: { 'schema/server.schema.json': serverSchema(65535) },
      inputs: { configs: 'config/*.yaml', schema: 'schema/server.schema.json' },
    });
    expectVerdict(run, 'breaking');
    const broken = run.report!.configs.find((config) => config.path === 'config/b.yaml')!;
    expect(broken.status).toBe('broken');
    expect(broken['layers']).toEqual({ schema: { base: 'absent', pr: 'rejects' } });
    expect(run.report!['schema']).toMatchObject({ newInPr: true });
    expect(run.summary).toContain('The schema `schema/server.schema.json` is new in this PR');
    expect(run.summary).toContain('new in this PR)');
    expect(run.summary).not.toContain('loader alone');
  }, 120_000);
});
