import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_SETTINGS, mergeSettingsOf, type MergeSettings } from '../../src/verdict/merge-settings.js';
import { readReleaseToolFiles } from '../../src/verdict/release-tool-files.js';
import type { PullRequestCommit } from '../../src/refs/pull-request.js';
import { acknowledge } from '../../src/verdict/acknowledgement.js';
import { findReleaseTools, releaseReach } from '../../src/verdict/release-tool.js';

const SEMANTIC_DEFAULT = { '.releaserc.json': '{"branches":["main"]}' };
const SEMANTIC_CC = {
  '.releaserc.yml': 'branches: [main]\nplugins:\n  - - "@semantic-release/commit-analyzer"\n    - preset: conventionalcommits\n',
};
const RELEASE_PLEASE = { 'release-please-config.json': '{"packages":{".":{}}}' };
const CHANGESETS = { '.changeset/config.json': '{}', 'package.json': '{"name":"stack"}' };

const API = (overrides: Partial<MergeSettings>): MergeSettings => ({ ...DEFAULT_MERGE_SETTINGS, source: 'api', ...overrides });

const ONE_PLAIN_COMMIT: PullRequestCommit[] = [{ sha: 'c1', message: 'feat: require conversations_store' }];
const TWO_PLAIN_COMMITS: PullRequestCommit[] = [...ONE_PLAIN_COMMIT, { sha: 'c2', message: 'docs: note it' }];
const FOOTER_COMMIT: PullRequestCommit[] = [
  { sha: 'c3', message: 'feat: require conversations_store\n\nBREAKING CHANGE: add conversations_store to every run.yaml' },
];
const BANG_COMMIT: PullRequestCommit[] = [{ sha: 'c4', message: 'feat!: require conversations_store' }];

interface Row {
  name: string;
  files: Record<string, string>;
  merge: MergeSettings;
  title: string;
  body?: string;
  commits: PullRequestCommit[];
  labels?: string[];
  /** Each problem as `method: why-fragment → fix-fragment`; empty when the break reaches the release. */
  problems: Array<[method: string | undefined, why: string, fix: string]>;
}

const rows: Row[] = [
  {
    name: 'angular preset, `!` title only, squash with defaults',
    files: SEMANTIC_DEFAULT,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: TWO_PLAIN_COMMITS,
    problems: [['squash', 'ignores the `!`', 'footer to a commit message of the PR']],
  },
  {
    name: 'angular preset, `!` title, squash body is the PR description',
    files: SEMANTIC_DEFAULT,
    merge: API({ squashTitle: 'PR_TITLE', squashMessage: 'PR_BODY' }),
    title: 'feat!: require conversations_store',
    body: 'Adds a required key.',
    commits: TWO_PLAIN_COMMITS,
    problems: [['squash', 'ignores the `!`', 'to the PR description']],
  },
  {
    name: 'angular preset, footer in the PR description, squash body is the PR description',
    files: SEMANTIC_DEFAULT,
    merge: API({ squashTitle: 'PR_TITLE', squashMessage: 'PR_BODY' }),
    title: 'feat: require conversations_store',
    body: 'Adds a required key.\n\nBREAKING CHANGE: add conversations_store',
    commits: FOOTER_COMMIT,
    problems: [],
  },
  {
    name: 'angular preset, commit footer, squash keeps the commit messages',
    files: SEMANTIC_DEFAULT,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat: require conversations_store',
    commits: [...FOOTER_COMMIT, { sha: 'c5', message: 'docs: note it' }],
    problems: [],
  },
  {
    name: 'angular preset, commit footer, squash body is blank',
    files: SEMANTIC_DEFAULT,
    merge: API({ squashMessage: 'BLANK' }),
    title: 'feat: require conversations_store',
    commits: FOOTER_COMMIT,
    problems: [['squash', 'body is blank, so footers in the commits are dropped', 'into the squash commit\'s message when merging']],
  },
  {
    name: 'angular preset, commit footer, squash body is the PR description',
    files: SEMANTIC_DEFAULT,
    merge: API({ squashMessage: 'PR_BODY' }),
    title: 'feat: require conversations_store',
    body: 'Adds a key.',
    commits: FOOTER_COMMIT,
    problems: [['squash', 'body is the PR description, so footers in the commits are dropped', 'to the PR description']],
  },
  {
    name: 'conventionalcommits preset, `!` title, two commits squashed',
    files: SEMANTIC_CC,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: TWO_PLAIN_COMMITS,
    problems: [],
  },
  {
    name: 'conventionalcommits preset, `!` title, one commit squashed under its own subject',
    files: SEMANTIC_CC,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: ONE_PLAIN_COMMIT,
    problems: [['squash', 'takes the commit\'s subject (`feat: require conversations_store`), not the PR title', 'give the PR\'s only commit the subject `feat!: require conversations_store`']],
  },
  {
    name: 'conventionalcommits preset, `!` title, one commit, squash title is the PR title',
    files: SEMANTIC_CC,
    merge: API({ squashTitle: 'PR_TITLE' }),
    title: 'feat!: require conversations_store',
    commits: ONE_PLAIN_COMMIT,
    problems: [],
  },
  {
    name: 'release-please, `!` commit, one commit squashed',
    files: RELEASE_PLEASE,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'Require conversations_store',
    commits: BANG_COMMIT,
    problems: [],
  },
  {
    name: 'release-please, `!` title, merge commits and rebase allowed too',
    files: RELEASE_PLEASE,
    merge: API({ methods: ['squash', 'merge', 'rebase'], squashTitle: 'PR_TITLE' }),
    title: 'feat!: require conversations_store',
    commits: ONE_PLAIN_COMMIT,
    problems: [
      ['merge', 'a merge commit keeps the PR\'s commits as they are', 'or merge with squash'],
      ['rebase', 'a rebase merge keeps the PR\'s commits as they are', 'or merge with squash'],
    ],
  },
  {
    name: 'release-please, `!` title, merge commit titled with the PR title',
    files: RELEASE_PLEASE,
    merge: API({ methods: ['merge'], mergeTitle: 'PR_TITLE' }),
    title: 'feat!: require conversations_store',
    commits: ONE_PLAIN_COMMIT,
    problems: [],
  },
  {
    name: 'release-please, label only',
    files: RELEASE_PLEASE,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'Require conversations_store',
    labels: ['breaking-change'],
    commits: TWO_PLAIN_COMMITS,
    problems: [['squash', 'a label is invisible to release tools', 'put `!` in the PR title (`feat!: Require conversations_store`)']],
  },
  {
    name: 'changesets, `!` title and no changeset',
    files: CHANGESETS,
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: TWO_PLAIN_COMMITS,
    problems: [[undefined, 'no changeset in `.changeset/` bumps `stack` to `major`', 'add a changeset with `"stack": major`']],
  },
  {
    name: 'changesets, a minor changeset only',
    files: { ...CHANGESETS, '.changeset/brave-cats.md': '---\n"stack": minor\n---\n\nRequire conversations_store.\n' },
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: TWO_PLAIN_COMMITS,
    problems: [[undefined, 'bumps `stack` to `major`', '"stack": major']],
  },
  {
    name: 'changesets, a major changeset',
    files: { ...CHANGESETS, '.changeset/brave-cats.md': '---\n"stack": major\n---\n\nRequire conversations_store.\n' },
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat!: require conversations_store',
    commits: TWO_PLAIN_COMMITS,
    problems: [],
  },
  {
    name: 'no release tool',
    files: { 'package.json': '{"name":"stack"}' },
    merge: DEFAULT_MERGE_SETTINGS,
    title: 'feat: x',
    labels: ['breaking-change'],
    commits: TWO_PLAIN_COMMITS,
    problems: [],
  },
];

describe('releaseReach', () => {
  it.each(rows)('$name', (row) => {
    const acknowledgement = acknowledge({ title: row.title, labels: row.labels ?? [], commits: row.commits, ackLabels: ['breaking-change'] });
    expect(acknowledgement.acknowledged).toBe(true);
    const reach = releaseReach({
      files: row.files,
      merge: row.merge,
      pullRequest: { number: 7, title: row.title, ...(row.body !== undefined ? { body: row.body } : {}), headRef: 'topic', commits: row.commits },
      acknowledgement,
    });
    expect(reach.problems.map((problem) => problem.method)).toEqual(row.problems.map(([method]) => method));
    row.problems.forEach(([, why, fix], i) => {
      expect(reach.problems[i]?.why).toContain(why);
      expect(reach.problems[i]?.fix).toContain(fix);
    });
  });

  it('leaves a preset it does not know unjudged, with a note', () => {
    const reach = releaseReach({
      files: { 'release.config.cjs': "module.exports = { plugins: [['@semantic-release/commit-analyzer', { preset: 'eslint' }]] };" },
      merge: DEFAULT_MERGE_SETTINGS,
      pullRequest: { title: 'feat!: x', commits: [] },
      acknowledgement: { acknowledged: true, reasons: [{ kind: 'title', title: 'feat!: x' }] },
    });
    expect(reach.problems).toEqual([]);
    expect(reach.notes).toEqual([
      'semantic-release uses the `eslint` preset (release.config.cjs): compat-gate does not know how it marks a break and did not judge it.',
    ]);
  });
});

describe('findReleaseTools', () => {
  const cases: Array<[name: string, files: Record<string, string>, expected: unknown]> = [
    ['.releaserc without a preset: angular', { '.releaserc': '{"branches":["main"]}' }, [{ name: 'semantic-release', file: '.releaserc', preset: 'angular' }]],
    ['.releaserc.yml with the conventionalcommits preset', SEMANTIC_CC, [{ name: 'semantic-release', file: '.releaserc.yml', preset: 'conventionalcommits' }]],
    [
      'release.config.mjs read as text, never run',
      { 'release.config.mjs': "export default { preset: 'conventionalcommits', branches: ['main'] };" },
      [{ name: 'semantic-release', file: 'release.config.mjs', preset: 'conventionalcommits' }],
    ],
    [
      'a release key in package.json',
      { 'package.json': JSON.stringify({ name: 'x', release: { plugins: [['@semantic-release/commit-analyzer', { preset: 'conventionalcommits' }]] } }) },
      [{ name: 'semantic-release', file: 'package.json#release', preset: 'conventionalcommits' }],
    ],
    ['a dependency on semantic-release alone', { 'package.json': '{"devDependencies":{"semantic-release":"^24"}}' }, [{ name: 'semantic-release', file: 'package.json', preset: 'angular' }]],
    ['release-please', RELEASE_PLEASE, [{ name: 'release-please', file: 'release-please-config.json' }]],
    ['changesets', CHANGESETS, [{ name: 'changesets', file: '.changeset/config.json' }]],
    ['a package.json that is not JSON', { 'package.json': '{' }, []],
    [
      'a package.json with a byte order mark',
      { 'package.json': '\uFEFF{"devDependencies":{"semantic-release":"^24"}}' },
      [{ name: 'semantic-release', file: 'package.json', preset: 'angular' }],
    ],
    ['a package.json nested deeper than any config may be', { 'package.json': `{"release":${'['.repeat(5000)}${']'.repeat(5000)}}` }, []],
    ['a package.json whose `__proto__` key carries a release: a plain key, not the prototype', { 'package.json': '{"__proto__":{"release":{"preset":"x"}}}' }, []],
    ['nothing', {}, []],
  ];

  it.each(cases)('%s', (_name, files, expected) => {
    expect(findReleaseTools(files)).toEqual(expected);
    expect(({} as Record<string, unknown>)['release']).toBeUndefined();
  });
});

describe('mergeSettingsOf', () => {
  it('reads the allowed methods and the squash and merge messages of a repository', () => {
    expect(
      mergeSettingsOf({
        allow_squash_merge: true,
        allow_merge_commit: false,
        allow_rebase_merge: true,
        squash_merge_commit_title: 'PR_TITLE',
        squash_merge_commit_message: 'PR_BODY',
        merge_commit_title: 'PR_TITLE',
        merge_commit_message: 'BLANK',
      }),
    ).toEqual({ methods: ['squash', 'rebase'], squashTitle: 'PR_TITLE', squashMessage: 'PR_BODY', mergeTitle: 'PR_TITLE', mergeMessage: 'BLANK', source: 'api' });
  });

  it("takes GitHub's defaults for the fields left out, and nothing when no allow_* field is there", () => {
    expect(mergeSettingsOf({ allow_squash_merge: true, squash_merge_commit_title: 'SOMETHING_NEW' })).toEqual({
      methods: ['squash', 'merge', 'rebase'],
      squashTitle: 'COMMIT_OR_PR_TITLE',
      squashMessage: 'COMMIT_MESSAGES',
      mergeTitle: 'MERGE_MESSAGE',
      mergeMessage: 'PR_TITLE',
      source: 'api',
    });
    expect(mergeSettingsOf({ name: 'stack', private: false })).toBeUndefined();
  });
});

describe('readReleaseToolFiles', () => {
  it('reads the release configs and the changesets of a checkout, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'compat-gate-release-files-'));
    try {
      await mkdir(join(root, '.changeset'));
      await writeFile(join(root, '.releaserc.yml'), '\uFEFFpreset: conventionalcommits\n');
      await writeFile(join(root, '.changeset', 'config.json'), '{}');
      await writeFile(join(root, '.changeset', 'brave-cats.md'), '---\n"stack": major\n---\n');
      await writeFile(join(root, 'README.md'), '# not a config');
      await mkdir(join(root, 'release.config.js'));
      expect(await readReleaseToolFiles(root)).toEqual({
        '.releaserc.yml': 'preset: conventionalcommits\n',
        '.changeset/config.json': '{}',
        '.changeset/brave-cats.md': '---\n"stack": major\n---\n',
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
