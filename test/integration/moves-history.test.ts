// The engine in-process on real git histories whose configs moved since a release: a folder
// moved and rewritten on the way, a file renamed in one commit and rewritten in the next, files
// deleted or moved out of the globs, a PR that moves every config, a shallow checkout of the PR
// merge commit, and backports into a release branch.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, type CheckRequest } from '../../src/pipeline.js';
import { parsePatterns } from '../../src/configs/select.js';
import type { Report } from '../../src/verdict/report.js';
import { renderSummary } from '../../src/reports/summary.js';
import { buildPullRequestRepo, isolatedGitEnv } from '../helpers/git-fixture.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const schema = (kinds: string[]) => JSON.stringify({ type: 'object', required: ['kind'], properties: { kind: { enum: kinds } } });
// Long enough that a small edit still reads as a rename to git, and a rewrite does not.
const preset = (name: string, kind: string) => `name: ${name}\nkind: ${kind}\nproviders:\n${Array.from({ length: 12 }, (_, i) => `  - id: ${name}-${i}\n`).join('')}`;
const rewritten = (name: string, kind: string) => `kind: ${kind}\ntitle: ${name} (rewritten)\nmodels:\n${Array.from({ length: 14 }, (_, i) => `  m${i}: { size: ${i * 7}, name: model-${name}-${i} }\n`).join('')}`;

/** A repository in a temp dir, with git run in it and files written into it. */
async function newRepo(): Promise<{ dir: string; git: (...args: string[]) => string; write: (file: string, text: string) => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'compat-gate-moves-history-'));
  made.push(root);
  await mkdir(path.join(root, 'home'));
  const env = isolatedGitEnv(path.join(root, 'home'));
  const dir = path.join(root, 'repo');
  await mkdir(dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' }).trim();
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  };
  git('init', '-q', '-b', 'main');
  return { dir, git, write };
}

function request(dir: string, overrides: Partial<CheckRequest> & { configs: string }): CheckRequest {
  const { configs, ...rest } = overrides;
  return {
    gate: {
      workingDirectory: dir,
      patterns: parsePatterns(configs),
      schema: 'schema.json',
      refMap: [],
      checkFormats: true,
      loaderTimeoutSeconds: 60,
      loaderEnv: {},
      yamlVersion: '1.2',
    },
    base: 'main',
    releaseSelection: 'latest',
    failOnDrift: false,
    eventName: 'cli',
    payload: {},
    ackLabels: ['breaking-change'],
    allowPullRequestTarget: false,
    localPullRequest: { labels: [] },
    tempRoot: tmpdir(),
    toolVersion: 'test',
    ...rest,
  };
}

const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')));

const driftOf = (report: Report) => report.releases?.[0]?.drift;
const byPath = <T extends { path: string }>(items: readonly T[] | undefined, at: string) => items?.find((item) => item.path === at);

describe('a release whose presets moved to another folder and were rewritten since', () => {
  let dir = '';
  let report: Report;

  it('judges every preset the release held there', async () => {
    const repo = await newRepo();
    dir = repo.dir;
    const { git, write } = repo;
    await write('schema.json', schema(['a', 'legacy']));
    for (const n of [1, 2, 3, 4, 5]) await write(`presets/p${n}.yaml`, preset(`p${n}`, 'a'));
    await write('presets/p6.yaml', preset('p6', 'legacy'));
    await write('presets/solo.yaml', preset('solo', 'legacy'));
    await write('presets/gone.yaml', preset('gone', 'legacy'));
    await write('presets/leaving.yaml', preset('leaving', 'a'));
    await write('src/loader.py', 'print("load")\n');
    git('add', '-A');
    git('commit', '-qm', 'presets');
    git('tag', 'v0.1.0');
    // The folder moves; p5 and p6 are rewritten in the same commit: git sees them deleted and added.
    await mkdir(path.join(dir, 'configs'));
    git('mv', 'presets', 'configs/presets');
    await write('configs/presets/p5.yaml', rewritten('p5', 'a'));
    await write('configs/presets/p6.yaml', rewritten('p6', 'a'));
    git('commit', '-qam', 'presets live under configs');
    // Renamed in one commit, rewritten in the next: only the history says it is the same file.
    git('mv', 'configs/presets/solo.yaml', 'configs/presets/single.yaml');
    git('commit', '-qm', 'solo is single');
    await write('configs/presets/single.yaml', rewritten('single', 'a'));
    git('commit', '-qam', 'rewrite single');
    git('rm', '-q', 'configs/presets/gone.yaml');
    await mkdir(path.join(dir, 'archive'));
    git('mv', 'configs/presets/leaving.yaml', 'archive/leaving.yaml');
    git('commit', '-qm', 'drop gone, archive leaving');
    git('checkout', '-qb', 'change');
    await write('schema.json', schema(['a']));
    git('commit', '-qam', 'feat: drop the legacy kind');

    report = await check(request(dir, { configs: 'configs/presets/*.yaml' }));
    expect(report.error).toBeUndefined();
    expect(report.release?.ref).toBe('v0.1.0');
    expect(driftOf(report)?.counts.configs).toBe(9);
  }, 60_000);

  it('follows files of a moved folder rewritten on the way (git saw them deleted and added)', () => {
    const drift = driftOf(report)!;
    // p6 of the release fails today's schema: new drift, named by both paths.
    expect(byPath(drift.configs, 'presets/p6.yaml')).toMatchObject({ status: 'new', currentPath: 'configs/presets/p6.yaml' });
    // p1–p5 and the archived file load; p6, solo and gone (legacy kind) are new drift.
    expect(drift.counts).toMatchObject({ ok: 6, new: 3 });
  });

  it('follows a file renamed in one commit and rewritten in the next, commit by commit', () => {
    expect(byPath(driftOf(report)!.configs, 'presets/solo.yaml')).toMatchObject({ status: 'new', currentPath: 'configs/presets/single.yaml' });
  });

  it('judges a release file deleted since, and one moved out of the globs, at their release paths and lists them', () => {
    const drift = driftOf(report)!;
    expect(byPath(drift.configs, 'presets/gone.yaml')).toMatchObject({ status: 'new', noPathToday: { why: 'deleted' } });
    expect(drift.noPathToday).toEqual([
      { path: 'presets/gone.yaml', why: 'deleted', status: 'new' },
      { path: 'presets/leaving.yaml', why: 'outside-globs', to: 'archive/leaving.yaml', status: 'ok' },
    ]);
    // The report with its new fields is what schemas/report.schema.json describes.
    expect(validateReport(JSON.parse(JSON.stringify(report))), JSON.stringify(validateReport.errors)).toBe(true);
    const summary = renderSummary(report);
    expect(summary).toContain('2 configs of the release have no path the `configs` globs name today');
    expect(summary).toContain('`presets/leaving.yaml` (moved out of the globs, to `archive/leaving.yaml`; loads)');
  });

  it('shows the moves in a drift section a reviewer can read (test/__outputs__/summary-moves.md)', async () => {
    const summary = renderSummary(report);
    const drift = summary.slice(summary.indexOf('### Release drift'), summary.indexOf('### What was checked'));
    await expect(drift.replace(/\b[0-9a-f]{12,40}\b/g, '<sha>')).toMatchFileSnapshot('../__outputs__/summary-moves.md');
  });

  it('follows nothing out of the folders the globs name', () => {
    const paths = [...(driftOf(report)?.configs ?? []), ...(driftOf(report)?.noPathToday ?? [])].map((config) => config.path);
    expect(paths.some((at) => at.startsWith('src/') || at.startsWith('archive/'))).toBe(false);
    expect(report.configs.map((config) => config.path).sort()).toEqual(
      ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'single'].map((name) => `configs/presets/${name}.yaml`),
    );
  });
});

describe('a PR that moves every config', () => {
  it('judges the base configs at their paths on the base, and says that the PR moved them', async () => {
    const { dir, git, write } = await newRepo();
    await write('schema.json', schema(['a', 'b']));
    await write('configs/a.yaml', preset('a', 'a'));
    await write('configs/b.yaml', preset('b', 'b'));
    await write('stack/loader.py', 'print("load")\n');
    git('add', '-A');
    git('commit', '-qm', 'configs');
    git('checkout', '-qb', 'rename');
    git('mv', 'configs', 'conf');
    git('mv', 'stack', 'llama');
    await write('schema.json', schema(['a']));
    git('commit', '-qam', 'refactor: the project is llama now');

    const report = await check(request(dir, { configs: 'conf/*.yaml', releaseSelection: 'none' }));
    expect(report.error).toBeUndefined();
    expect(report.configs.map(({ path: at, currentPath, status }) => ({ at, currentPath, status }))).toEqual([
      { at: 'configs/a.yaml', currentPath: 'conf/a.yaml', status: 'ok' },
      { at: 'configs/b.yaml', currentPath: 'conf/b.yaml', status: 'broken' },
    ]);
    expect(report.notes.join('\n')).toContain('This PR moves 2 configs (`configs/a.yaml` → `conf/a.yaml`, `configs/b.yaml` → `conf/b.yaml`)');
    expect(renderSummary(report)).toContain('This PR moves 2 configs');
  }, 60_000);
});

describe('a shallow checkout of the PR merge commit', () => {
  it('deepens the history (bounded) to follow a file renamed in one commit and rewritten in the next', async () => {
    const repo = await buildPullRequestRepo({
      main: [
        { message: 'presets', files: { 'schema.json': schema(['a', 'legacy']), 'presets/solo.yaml': preset('solo', 'legacy'), 'presets/kept.yaml': preset('kept', 'a') } },
        { message: 'move', files: { 'presets/solo.yaml': null, 'presets/kept.yaml': null, 'configs/single.yaml': preset('solo', 'legacy'), 'configs/kept.yaml': preset('kept', 'a') } },
        { message: 'rewrite', files: { 'configs/single.yaml': rewritten('single', 'a') } },
      ],
      tags: [{ name: 'v0.1.0', commit: 0 }],
      pr: { number: 7, commits: [{ message: 'feat: drop legacy', files: { 'schema.json': schema(['a']) } }] },
    });
    made.push(repo.root);
    const workspace = await repo.checkout();
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: workspace, env: repo.env, encoding: 'utf8' }).trim();
    expect(shallow).toBe('true');
    const payload = {
      repository: { default_branch: 'main' },
      pull_request: { number: 7, title: 'feat: drop legacy', labels: [], base: { ref: 'main', sha: repo.baseSha }, head: { sha: repo.headSha }, commits: 1 },
    };
    const previousEnv = { ...process.env };
    Object.assign(process.env, { HOME: repo.home, GIT_CONFIG_NOSYSTEM: '1' });
    try {
      const report = await check({ ...request(workspace, { configs: 'configs/*.yaml' }), base: undefined, eventName: 'pull_request', payload, localPullRequest: undefined });
      expect(report.error).toBeUndefined();
      expect(report.release?.ref).toBe('v0.1.0');
      expect(byPath(driftOf(report)?.configs, 'presets/solo.yaml')).toMatchObject({ status: 'new', currentPath: 'configs/single.yaml' });
      expect(driftOf(report)?.noPathToday).toBeUndefined();
    } finally {
      process.env = previousEnv;
    }
  }, 60_000);
});

describe('a shallow checkout, a folder moved into the globs and rewritten after', () => {
  it('deepens the history for a config of today with no known origin, though its old folder was outside the globs', async () => {
    const repo = await buildPullRequestRepo({
      main: [
        {
          message: 'templates',
          files: {
            'schema.json': schema(['a', 'legacy']),
            'templates/x/run.yaml': preset('x', 'legacy'),
            'templates/y/run.yaml': preset('y', 'a'),
            'templates/README.md': 'templates stay here\n',
          },
        },
        { message: 'move', files: { 'templates/x/run.yaml': null, 'templates/y/run.yaml': null, 'distributions/x/run.yaml': preset('x', 'legacy'), 'distributions/y/run.yaml': preset('y', 'a') } },
        { message: 'rewrite', files: { 'distributions/x/run.yaml': rewritten('x', 'a') } },
      ],
      tags: [{ name: 'v0.1.0', commit: 0 }],
      pr: { number: 8, commits: [{ message: 'feat: drop legacy', files: { 'schema.json': schema(['a']) } }] },
    });
    made.push(repo.root);
    const workspace = await repo.checkout();
    const payload = {
      repository: { default_branch: 'main' },
      pull_request: { number: 8, title: 'feat: drop legacy', labels: [], base: { ref: 'main', sha: repo.baseSha }, head: { sha: repo.headSha }, commits: 1 },
    };
    const previousEnv = { ...process.env };
    Object.assign(process.env, { HOME: repo.home, GIT_CONFIG_NOSYSTEM: '1' });
    try {
      const report = await check({ ...request(workspace, { configs: 'distributions/*/run.yaml' }), base: undefined, eventName: 'pull_request', payload, localPullRequest: undefined });
      expect(report.error).toBeUndefined();
      expect(byPath(driftOf(report)?.configs, 'templates/x/run.yaml')).toMatchObject({ status: 'new', currentPath: 'distributions/x/run.yaml' });
    } finally {
      process.env = previousEnv;
    }
  }, 60_000);
});

describe('a backport PR into a release branch', () => {
  async function releaseBranches() {
    const { dir, git, write } = await newRepo();
    await write('schema.json', schema(['a', 'b', 'c']));
    await write('configs/run.yaml', preset('run', 'a'));
    git('add', '-A');
    git('commit', '-qm', 'configs');
    git('tag', 'v0.3.0');
    git('branch', 'release-0.3.x');
    git('branch', 'backport-fixes');
    await write('configs/run.yaml', preset('run', 'c'));
    git('commit', '-qam', 'feat: kind c');
    git('tag', 'v0.4.0');
    git('checkout', '-q', 'release-0.3.x');
    await write('configs/run.yaml', preset('run', 'b'));
    git('commit', '-qam', 'fix: kind b');
    git('tag', 'v0.3.1');
    git('checkout', '-qb', 'backport');
    await write('schema.json', schema(['a', 'c']));
    git('commit', '-qam', 'fix: backport that drops kind b');
    return dir;
  }

  it('compares `latest` with the newest release of the line the base branch names (v0.3.1, not v0.4.0), and says so', async () => {
    const dir = await releaseBranches();
    const report = await check(request(dir, { configs: 'configs/*.yaml', base: 'release-0.3.x' }));
    expect(report.error).toBeUndefined();
    expect(report.release?.ref).toBe('v0.3.1');
    expect(driftOf(report)?.counts.new).toBe(1);
    const note = report.notes.find((text) => text.includes('release line 0.3'));
    expect(note).toContain('`latest` is that line\'s newest stable release, `v0.3.1`');
    expect(note).toContain('set the `release` input to its tag or its line (`v0.4`)');
    expect(renderSummary(report)).toContain('names the release line 0.3');
  }, 60_000);

  it('keeps `latest` as the project\'s latest release on a branch whose name names no line', async () => {
    const dir = await releaseBranches();
    const report = await check(request(dir, { configs: 'configs/*.yaml', base: 'backport-fixes' }));
    expect(report.error).toBeUndefined();
    expect(report.release?.ref).toBe('v0.4.0');
    expect(report.notes.some((text) => text.includes('release line'))).toBe(false);
  }, 60_000);
});

describe('a release tagged on another branch', () => {
  it('finds moves by the trees and the folders, and says that the history could not be walked', async () => {
    const { dir, git, write } = await newRepo();
    await write('schema.json', schema(['a']));
    await write('presets/x.yaml', preset('x', 'a'));
    await write('presets/y.yaml', preset('y', 'a'));
    git('add', '-A');
    git('commit', '-qm', 'presets');
    git('checkout', '-qb', 'release-1.0');
    await write('presets/z.yaml', preset('z', 'a'));
    git('add', '-A');
    git('commit', '-qm', 'z, on the release branch only');
    git('tag', 'v1.0.0');
    git('checkout', '-q', 'main');
    await mkdir(path.join(dir, 'configs'));
    git('mv', 'presets/x.yaml', 'configs/x.yaml');
    git('mv', 'presets/y.yaml', 'configs/y.yaml');
    await write('configs/new.yaml', preset('new', 'a'));
    git('add', '-A');
    git('commit', '-qm', 'configs');
    git('checkout', '-qb', 'change');
    await write('README.md', 'docs\n');
    git('add', '-A');
    git('commit', '-qm', 'docs');

    const report = await check(request(dir, { configs: 'configs/*.yaml', releaseSelection: 'v1.0.0' }));
    expect(report.error).toBeUndefined();
    expect(driftOf(report)?.counts.configs).toBe(3);
    expect(driftOf(report)?.noPathToday).toEqual([{ path: 'presets/z.yaml', why: 'deleted', status: 'ok' }]);
    expect(report.notes.join('\n')).toContain('1 config of the release `v1.0.0`');
    expect(report.notes.join('\n')).toContain('not commit by commit');
  }, 60_000);
});
