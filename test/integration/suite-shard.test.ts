// The suite layer of a sharded run, through the engine in-process on a real git repository: a
// shard that holds none of the configs suite-configs names cannot tell that it names none, so it
// leaves that to the job that merges the reports (test/unit/merge.test.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePatterns } from '../../src/configs/select.js';
import { check } from '../../src/pipeline.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

let root = '';
let repo = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'compat-gate-suite-shard-'));
  repo = path.join(root, 'repo');
  const env = isolatedGitEnv(path.join(root, 'home'));
  await mkdir(path.join(root, 'home'));
  await mkdir(repo);
  const git = (args: string[]) => runGit(repo, args, env);
  await git(['init', '--quiet', '--initial-branch=main']);
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) {
    await mkdir(path.join(repo, 'distributions', name), { recursive: true });
    await writeFile(path.join(repo, 'distributions', name, 'run.yaml'), `name: ${name}\n`);
  }
  await git(['add', '--all']);
  await git(['commit', '--quiet', '-m', 'feat: six distributions']);
  // The engine reads git with the environment of the process: keep it isolated from the user's.
  Object.assign(process.env, { GIT_CONFIG_NOSYSTEM: '1', HOME: path.join(root, 'home') });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('suite layer in shards', () => {
  it('passes every shard when suite-configs names one config that only one shard holds', async () => {
    const verdicts: string[] = [];
    let ran = 0;
    for (const index of [1, 2, 3]) {
      const report = await check({
        gate: {
          workingDirectory: repo,
          patterns: parsePatterns('distributions/*/run.yaml'),
          refMap: [],
          checkFormats: true,
          loaderTimeoutSeconds: 60,
          loaderEnv: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
          yamlVersion: '1.2',
          suite: { command: 'test -f', patterns: parsePatterns('distributions/a/run.yaml'), timeoutSeconds: 60 },
          shard: { index, total: 3 },
        },
        base: 'main',
        releaseSelection: 'none',
        failOnDrift: false,
        eventName: 'cli',
        payload: {},
        ackLabels: ['breaking-change'],
        allowPullRequestTarget: false,
        localPullRequest: { labels: [] },
        tempRoot: root,
        toolVersion: '0.0.0-test',
      });
      verdicts.push(`${report.verdict}${report.error ? `: ${report.error.message}` : ''}`);
      ran += report.suite?.configs ?? 0;
    }
    expect(verdicts).toEqual(['pass', 'pass', 'pass']);
    expect(ran).toBe(1);
  });
});
