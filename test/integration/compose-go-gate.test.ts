import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { parsePatterns } from '../../src/configs/select.js';
import { ConfigStatus } from '../../src/constants.js';

// Six real commits of compose-spec/compose-go's schema, with what an independent ajv run
// measured (test/fixtures/compose-go/README.md).
const corpus = fileURLToPath(new URL('../fixtures/compose-go', import.meta.url));
const commits = readdirSync(corpus).filter((name) => existsSync(join(corpus, name, 'expected.json')));

interface Expected {
  subject: string;
  broken: string[];
  fixed: string[];
  failing_on_base: string[];
}

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the gate on compose-go schema history', () => {
  it('has the six commits of the corpus', () => expect(commits).toHaveLength(6));

  it.each(commits)('finds the broken configs an independent validator found (%s)', async (commit) => {
    const expected: Expected = JSON.parse(readFileSync(join(corpus, commit, 'expected.json'), 'utf8'));
    const repo = mkdtempSync(join(tmpdir(), 'compat-gate-compose-'));
    made.push(repo);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repo, env: gitEnv, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    cpSync(join(corpus, commit, 'base'), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', 'parent');
    const baseSha = git('rev-parse', 'HEAD');
    cpSync(join(corpus, commit, 'head', 'schema', 'compose-spec.json'), join(repo, 'schema', 'compose-spec.json'));
    git('commit', '-q', '-am', expected.subject);

    const report = await check({
      gate: {
        workingDirectory: repo,
        patterns: parsePatterns('loader/**/*.yml\nloader/**/*.yaml\ncli/**/*.yml\ncli/**/*.yaml'),
        schema: 'schema/compose-spec.json',
        refMap: [],
        checkFormats: false,
        loaderTimeoutSeconds: 60,
        loaderEnv: {},
        yamlVersion: '1.2',
      },
      base: baseSha,
      releaseSelection: 'none',
      failOnDrift: false,
      eventName: 'cli',
      payload: {},
      ackLabels: ['breaking-change'],
      allowPullRequestTarget: false,
      localPullRequest: { labels: [] },
      tempRoot: tmpdir(),
      toolVersion: 'test',
    });

    expect(report.error).toBeUndefined();
    const withStatus = (...statuses: string[]) =>
      report.configs.filter((config) => statuses.includes(config.status)).map((config) => config.path).sort();
    expect(withStatus(ConfigStatus.Broken)).toEqual([...expected.broken].sort());
    // Configs that fail on both sides, or cannot be parsed, are never blamed on the change.
    const stillFailing = expected.failing_on_base.filter((path) => !expected.fixed.includes(path)).sort();
    expect(withStatus(ConfigStatus.FailingOnBase, ConfigStatus.Unreadable)).toEqual(stillFailing);
    expect(report.verdict).toBe(expected.broken.length > 0 ? 'breaking' : 'pass');
  });
});
