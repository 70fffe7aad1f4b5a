// The repository's merge settings: which merge methods GitHub allows and what each writes as
// the merged commit's message, read from GitHub or taken as GitHub's defaults.

export type MergeMethod = 'squash' | 'merge' | 'rebase';

/** How a PR can be merged, and what GitHub writes for a squash or a merge commit. */
export interface MergeSettings {
  methods: MergeMethod[];
  squashTitle: 'PR_TITLE' | 'COMMIT_OR_PR_TITLE';
  squashMessage: 'PR_BODY' | 'COMMIT_MESSAGES' | 'BLANK';
  mergeTitle: 'PR_TITLE' | 'MERGE_MESSAGE';
  mergeMessage: 'PR_BODY' | 'PR_TITLE' | 'BLANK';
  /** `api`: read from the repository; `default`: GitHub's defaults for a squash merge, assumed without a token. */
  source: 'api' | 'default';
}

/**
 * GitHub's defaults for a new repository (REST "Get a repository"): the squash title is the
 * commit's for a one-commit PR and the PR title otherwise, the squash body the commit messages.
 * Without the settings compat-gate judges a squash merge only, the method release tools are set up for.
 */
export const DEFAULT_MERGE_SETTINGS: MergeSettings = {
  methods: ['squash'],
  squashTitle: 'COMMIT_OR_PR_TITLE',
  squashMessage: 'COMMIT_MESSAGES',
  mergeTitle: 'MERGE_MESSAGE',
  mergeMessage: 'PR_TITLE',
  source: 'default',
};

/** Reads the repository's merge settings from GitHub; tests pass a hand-written fake. */
export interface MergeSettingsApi {
  /** Undefined when GitHub does not say (the fields are left out for a token without enough rights). */
  getMergeSettings(): Promise<MergeSettings | undefined>;
}

/** The part of the GitHub client (github/client.ts) that `octokitMergeSettingsApi` uses. */
export interface ReposOctokit {
  rest: { repos: { get(params: { owner: string; repo: string }): Promise<{ data: Record<string, unknown> }> } };
}

/** The MergeSettingsApi of a repository: `GET /repos/{owner}/{repo}`. */
export function octokitMergeSettingsApi(octokit: ReposOctokit, owner: string, repo: string): MergeSettingsApi {
  return {
    async getMergeSettings() {
      const { data } = await octokit.rest.repos.get({ owner, repo });
      return mergeSettingsOf(data);
    },
  };
}

/**
 * The merge settings in a repository as GitHub returns it; undefined when it carries none of the
 * `allow_*_merge` fields. A field left out takes GitHub's default.
 */
export function mergeSettingsOf(data: Record<string, unknown>): MergeSettings | undefined {
  const allowed: Array<[MergeMethod, unknown]> = [
    ['squash', data.allow_squash_merge],
    ['merge', data.allow_merge_commit],
    ['rebase', data.allow_rebase_merge],
  ];
  if (allowed.every(([, value]) => typeof value !== 'boolean')) return undefined;
  const pick = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
    options.includes(value as T) ? (value as T) : fallback;
  return {
    methods: allowed.filter(([, value]) => value !== false).map(([method]) => method),
    squashTitle: pick(data.squash_merge_commit_title, ['PR_TITLE', 'COMMIT_OR_PR_TITLE'] as const, 'COMMIT_OR_PR_TITLE'),
    squashMessage: pick(data.squash_merge_commit_message, ['PR_BODY', 'COMMIT_MESSAGES', 'BLANK'] as const, 'COMMIT_MESSAGES'),
    mergeTitle: pick(data.merge_commit_title, ['PR_TITLE', 'MERGE_MESSAGE'] as const, 'MERGE_MESSAGE'),
    mergeMessage: pick(data.merge_commit_message, ['PR_BODY', 'PR_TITLE', 'BLANK'] as const, 'PR_TITLE'),
    source: 'api',
  };
}
