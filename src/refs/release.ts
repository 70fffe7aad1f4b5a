import semver from 'semver';
import { ACTION_NAMING, GateError, type Naming, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from './base.js';

/** A release as GitHub lists it. */
export interface ApiRelease {
  tag: string;
  draft: boolean;
  prerelease: boolean;
}

/** The repository's releases on GitHub. */
export interface ReleaseApi {
  /** GitHub's latest release; undefined when the repository has none. */
  latestReleaseTag(): Promise<string | undefined>;
  /** Every release, all pages. */
  listReleases(): Promise<ApiRelease[]>;
}

// A type, not an interface: Octokit's parameters need an index signature.
type RepoParams = {
  owner: string;
  repo: string;
};

type ListReleases = (params: RepoParams & { per_page?: number; page?: number }) => Promise<{ data: Array<{ tag_name: string; draft?: boolean; prerelease?: boolean }> }>;

/** The part of an Octokit client that ReleaseApi needs. */
export interface ReleasesOctokit {
  rest: {
    repos: {
      getLatestRelease(params: RepoParams): Promise<{ data: { tag_name: string } }>;
      listReleases: ListReleases;
    };
  };
  // Octokit's paginate follows each answer's `Link: <…>; rel="next"` to the last page.
  paginate(method: ListReleases, params: RepoParams & { per_page: number }): Promise<Array<{ tag_name: string; draft?: boolean; prerelease?: boolean }>>;
}

/**
 * GitHub's `releases/latest`: the newest release that is neither a draft nor a prerelease
 * (a 404 means there is none); and `releases`, every page of it.
 */
export function octokitReleaseApi(octokit: ReleasesOctokit, owner: string, repo: string): ReleaseApi {
  return {
    async latestReleaseTag() {
      try {
        return (await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name;
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
    async listReleases() {
      const releases = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 });
      return releases.map((release) => ({ tag: release.tag_name, draft: release.draft === true, prerelease: release.prerelease === true }));
    },
  };
}

/**
 * The highest semver tag that is not a prerelease: `v0.10.0` beats `v0.9.0`, and
 * `v0.11.0-rc1`, `nightly` or `latest` never count. A leading `v` is allowed.
 */
export function highestReleaseTag(tags: readonly string[]): string | undefined {
  let best: { tag: string; version: semver.SemVer } | undefined;
  for (const tag of tags) {
    const version = semver.parse(tag.replace(/^v(?=\d)/, ''));
    if (!version || version.prerelease.length > 0) continue;
    if (!best || semver.gt(version, best.version) || (semver.eq(version, best.version) && tag < best.tag)) best = { tag, version };
  }
  return best?.tag;
}

/** One entry of the `release` input. */
export type ReleaseEntry =
  | { kind: 'latest' }
  | { kind: 'line'; name: string; major: number; minor?: number }
  | { kind: 'tag'; name: string };

const RELEASE_HINT = (n: Naming) =>
  `Set the ${n.setting('release')} to \`latest\`, a tag (\`v0.2.1\`), a release line (\`v1\`, \`v0.2\`: its highest release), several of them one a line or comma-separated, or \`none\`.`;

/**
 * Parses the selection (the `release` input's text): entries one a line or comma-separated,
 * each `latest`, a release line (`v1`, `v0.2`, `1`, `0.2`: its highest stable release) or a tag
 * name; or `none` (no entries). Repeated entries count once; `none` with other entries is a
 * GateError.
 */
export function parseReleaseSelection(selection: string): ReleaseEntry[] {
  const names = [...new Set(selection.split(/[\r\n,]+/).map((entry) => entry.trim()).filter((entry) => entry !== ''))];
  if (names.includes('none')) {
    if (names.length > 1) throw new GateError((n) => `The ${n.setting('release')} names \`none\` with other releases (${names.filter((name) => name !== 'none').map((name) => `\`${name}\``).join(', ')}).`, RELEASE_HINT);
    return [];
  }
  return names.map((name): ReleaseEntry => {
    if (name === 'latest') return { kind: 'latest' };
    const line = /^v?(\d+)(?:\.(\d+))?$/.exec(name);
    if (line) return { kind: 'line', name, major: Number(line[1]), ...(line[2] !== undefined ? { minor: Number(line[2]) } : {}) };
    return { kind: 'tag', name };
  });
}

/** The highest stable release tag of a line (`v0.2` → `v0.2.5`), of the given tag names. */
export function highestOfLine(tags: readonly string[], line: { major: number; minor?: number }): string | undefined {
  return highestReleaseTag(
    tags.filter((tag) => {
      const version = semver.parse(tag.replace(/^v(?=\d)/, ''));
      return version !== null && version.major === line.major && (line.minor === undefined || version.minor === line.minor);
    }),
  );
}

/**
 * The highest stable release before a line begins (`v1.3.2` for the line `1.4`): on a branch cut
 * for a line that has not shipped yet, what its users hold is the release before it.
 */
export function highestBeforeLine(tags: readonly string[], line: { major: number; minor?: number }): string | undefined {
  const start = `${line.major}.${line.minor ?? 0}.0`;
  return highestReleaseTag(
    tags.filter((tag) => {
      const version = semver.parse(tag.replace(/^v(?=\d)/, ''));
      return version !== null && semver.lt(version, start);
    }),
  );
}

/** A release line (`0.3`, `1`) as a branch name gives it. */
export interface BranchLine {
  major: number;
  minor?: number;
  /** The line as people write it: `0.3`, `1`. */
  name: string;
}

/** A branch name without `refs/heads/` or `origin/`. */
function shortBranch(branch: string): string {
  return branch.replace(/^refs\/heads\//, '').replace(/^(?:refs\/remotes\/)?origin\//, '');
}

/** `<word>[-/_]` `v` `<major>` `.<minor>` `.x` `-<word>`: the parts a release branch's name is made of. */
const LINE_BRANCH = /^(?:(release|releases|rel|stable|maint|maintenance|support|backport|lts)[-/_]?)?(v)?(\d+)(?:\.(\d+))?(\.x|-x)?(?:[-_.](stable|maint|maintenance|lts|release|branch))?$/i;

/**
 * The release line a branch name names, as projects that cut release branches name them:
 * `release-0.3.x`, `release/1.2`, `releases/v1`, `v1.x`, `1.2-stable`, `release-0.3`, `1.2`.
 * A bare major (`3`) or a full version (`release/1.2.0`, a release being prepared) names no
 * line, nor does any other name (`main`, `develop`, `fix/1.2-crash`). `origin/` and
 * `refs/heads/` are ignored.
 */
export function releaseLineOfBranch(branch: string): BranchLine | undefined {
  const match = LINE_BRANCH.exec(shortBranch(branch));
  if (!match) return undefined;
  const [, word, v, major, minor, x, suffix] = match;
  // A bare number is not enough to call a branch a release line.
  if (!word && !v && minor === undefined && !x && !suffix) return undefined;
  return { major: Number(major), ...(minor !== undefined ? { minor: Number(minor) } : {}), name: minor !== undefined ? `${major}.${minor}` : `${major}` };
}

/** The releases to report drift against, and what a maintainer should know about choosing them. */
export interface ResolvedReleases {
  /** Every release, in the order the selection names them, each tag once. */
  releases: RefTarget[];
  notes: string[];
}

/**
 * Resolves the selection (the `release` input's text) to tags and their commits: `none`; or one
 * or more of `latest` (GitHub's latest release, else the highest semver tag of origin or of the
 * local repository), a release line (its highest stable release on GitHub, else of the tags), or
 * a tag name. Each tag's commit is fetched (depth 1) when the checkout does not have it, after
 * the base's fetch; for `latest`, origin's highest semver tag is fetched while GitHub is asked
 * (see below). A tag or line that was named but does not exist is a GateError; `latest` finding
 * nothing is only a note. The notes name the `release` setting as `naming` says (the action's
 * input by default). No fetch it started outlives it.
 */
export async function resolveReleases(
  git: GitCommandManager,
  selection: string,
  api: ReleaseApi | undefined,
  options: {
    baseBranch?: string;
    naming?: Naming;
    /** The base's resolution: a release's fetch waits for the base's (the base's configs are the gate's, a release's only drift). */
    fetchAfter?: Promise<unknown>;
  } = {},
): Promise<ResolvedReleases> {
  const entries = parseReleaseSelection(selection);
  const notes: string[] = [];
  if (entries.length === 0) return { releases: [], notes };
  const branchLine = options.baseBranch ? releaseLineOfBranch(options.baseBranch) : undefined;
  // GitHub's latest release is asked for while origin's tags are listed (a backport's `latest`
  // is its line's newest release: GitHub's latest is not asked for).
  const latest = api && !branchLine && entries.some((entry) => entry.kind === 'latest') ? askLatest(api) : undefined;
  const remoteTags = await git.tryRemoteTags();
  const tags = remoteTags ?? (await git.tags());
  const tagNames = tags.map((t) => t.name);
  const ensure = (tag: string) => ensureTagCommit(git, tag, tags.find((t) => t.name === tag)?.sha, options.fetchAfter);
  // GitHub's latest release is nearly always origin's highest semver tag: that tag's commit is
  // fetched while GitHub answers (the fetch is the long part), and taken when the answer names
  // it. When GitHub has named another tag by the time the base is had, the guess is dropped;
  // otherwise another answer costs one fetch more, never another release.
  const guess = latest ? highestReleaseTag(tagNames) : undefined;
  let answered: LatestAnswer | undefined;
  void latest?.then((answer) => (answered = answer));
  const early = guess
    ? {
        tag: guess,
        sha: (async (): Promise<string | undefined | typeof DROPPED> => {
          await options.fetchAfter?.catch(() => undefined);
          if (answered && 'tag' in answered && answered.tag && answered.tag !== guess) return DROPPED;
          return ensure(guess);
        })(),
      }
    : undefined;
  // Safe: awaited below, as the guessed release's commit or before the lookup ends, however it ends.
  early?.sha.catch(() => undefined);
  try {
    let listed: Promise<string[] | undefined> | undefined;
    // GitHub's published releases, read once and only when a line asks for them.
    const publishedTags = () =>
      (listed ??= api
        ? api.listReleases().then(
            (releases) => releases.filter((release) => !release.draft && !release.prerelease).map((release) => release.tag),
            (error: unknown) => {
              notes.push(`The releases could not be listed from GitHub (${describeError(error)}); release lines are taken from the semver tags instead.`);
              return undefined;
            },
          )
        : Promise.resolve(undefined));

    /** A line's highest stable release: GitHub's releases of it, else its semver tags. */
    const ofLine = async (line: { major: number; minor?: number }, name: string): Promise<{ tag?: string; published: boolean }> => {
      const published = await publishedTags();
      let tag = published ? highestOfLine(published, line) : undefined;
      if (!tag) {
        tag = highestOfLine(tagNames, line);
        if (tag && published) notes.push(`The line \`${name}\` has no GitHub release; using its highest semver tag, \`${tag}\`.`);
      }
      return { ...(tag ? { tag } : {}), published: published !== undefined };
    };
    const branch = options.baseBranch ? shortBranch(options.baseBranch) : '';
    const setting = (options.naming ?? ACTION_NAMING).setting('release');

    const chosen: Array<{ tag: string; entry: ReleaseEntry }> = [];
    for (const entry of entries) {
      let tag: string | undefined;
      if (entry.kind === 'latest' && branchLine) {
        // A backport into a release branch concerns that line's users: GitHub's latest release
        // (or the highest tag) may be a newer line, which says nothing about them.
        tag = (await ofLine(branchLine, branchLine.name)).tag;
        const next = branchLine.minor !== undefined ? `v${branchLine.major}.${branchLine.minor + 1}` : `v${branchLine.major + 1}`;
        const another = `To compare with another release, set the ${setting} to its tag or its line (\`${next}\`), or to several, one a line.`;
        if (tag) notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}: \`latest\` is that line's newest stable release, \`${tag}\`. ${another}`);
        else if ((tag = highestBeforeLine(tagNames, branchLine))) {
          // A newer line (v2 for `release-1.4.x`) says nothing to the users this branch will ship to.
          notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}, which has no stable release yet: \`latest\` is the release before it, \`${tag}\`. To compare with another release, set the ${setting} to its tag or its line, or to several, one a line.`);
        } else {
          tag = await latestTag(api && askLatest(api), tagNames, notes);
          if (tag) notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}, which has no stable release yet: \`latest\` is the project's latest release, \`${tag}\`. ${another}`);
        }
      } else if (entry.kind === 'latest') tag = await latestTag(latest, tagNames, notes);
      else if (entry.kind === 'tag') tag = entry.name;
      else {
        const found = await ofLine(entry, entry.name);
        tag = found.tag;
        const published = found.published;
        if (!tag) {
          throw new GateError(
            `The release line \`${entry.name}\` has no release: no ${published ? 'GitHub release and no ' : ''}semver tag of it without a prerelease part.`,
            RELEASE_HINT,
          );
        }
      }
      if (!tag) continue;
      const same = chosen.find((other) => other.tag === tag);
      if (same) {
        notes.push(`${describeEntry(same.entry)} and ${describeEntry(entry)} are the same release, \`${tag}\`: it is compared once.`);
        continue;
      }
      chosen.push({ tag, entry });
    }

    const releases: RefTarget[] = [];
    for (const { tag, entry } of chosen) {
      const guessed = tag === early?.tag ? await early.sha : DROPPED;
      const sha = guessed === DROPPED ? await ensure(tag) : guessed;
      if (!sha) {
        throw new GateError(
          `The release tag \`${tag}\` does not exist in origin or could not be fetched.`,
          entry.kind === 'latest' ? (n) => `Check the repository's latest release, or set the ${n.setting('release')} to a tag or \`none\`.` : RELEASE_HINT,
        );
      }
      releases.push({ ref: tag, sha });
    }
    return { releases, notes };
  } finally {
    // No fetch outlives the lookup, a guess GitHub's answer did not take included.
    await early?.sha.catch(() => undefined);
  }
}

/** A guessed release whose commit was not fetched (GitHub named another tag first). */
const DROPPED = Symbol('dropped');

function describeEntry(entry: ReleaseEntry): string {
  return entry.kind === 'latest' ? '`latest`' : `\`${entry.name}\``;
}

/** GitHub's answer for its latest release: the tag (undefined when there is none), or why it could not be read. */
type LatestAnswer = { tag: string | undefined } | { error: unknown };

function askLatest(api: ReleaseApi): Promise<LatestAnswer> {
  return api.latestReleaseTag().then(
    (tag) => ({ tag }),
    (error: unknown) => ({ error }),
  );
}

/** GitHub's latest release (when asked), else the highest semver tag; undefined (with a note) when there is neither. */
async function latestTag(asked: Promise<LatestAnswer> | undefined, tagNames: readonly string[], notes: string[]): Promise<string | undefined> {
  const answer = await asked;
  if (answer && 'error' in answer) notes.push(`The latest release could not be read from GitHub (${describeError(answer.error)}); using the highest semver tag instead.`);
  const fromApi = answer && 'tag' in answer ? answer.tag : undefined;
  if (fromApi) return fromApi;
  const fallback = highestReleaseTag(tagNames);
  if (fallback) {
    if (answer && 'tag' in answer) notes.push(`The repository has no GitHub release; using the highest semver tag, \`${fallback}\`.`);
    return fallback;
  }
  notes.push('There is no release to compare with: no GitHub release and no semver tag (prereleases are not counted). Release drift was not checked.');
  return undefined;
}

/**
 * A tag's commit: held already, else fetched (depth 1) once `after` (the base's resolution) has
 * settled; whether it is held is asked then, as the base's fetch may have brought it (fetched
 * again with a depth, it would be marked shallow). When the base could not be had, nothing is
 * fetched: the run ends with the base's error.
 */
async function ensureTagCommit(git: GitCommandManager, tag: string, known: string | undefined, after: Promise<unknown> | undefined): Promise<string | undefined> {
  const baseHad = after ? await after.then(() => true, () => false) : true;
  if (known && (await git.hasCommit(known))) return known;
  const local = await git.tryResolveCommit(`refs/tags/${tag}`);
  if (local && (!known || local === known)) return local;
  if (!baseHad) return undefined;
  return git.tryFetchCommit(`refs/tags/${tag}`, { depth: 1 });
}
