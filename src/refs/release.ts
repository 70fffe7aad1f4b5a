import semver from 'semver';
import { GateError, describeError } from '../errors.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from './base.js';

/** GitHub's idea of the latest release; undefined when the repository has none. */
export interface ReleaseApi {
  latestReleaseTag(): Promise<string | undefined>;
}

/** The part of an Octokit client that ReleaseApi needs. */
export interface ReleasesOctokit {
  rest: {
    repos: {
      getLatestRelease(params: { owner: string; repo: string }): Promise<{ data: { tag_name: string } }>;
    };
  };
}

/**
 * GitHub's `releases/latest`: the newest release that is neither a draft nor a prerelease
 * (a 404 means there is none).
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

/** The release to report drift against, and what a maintainer should know about choosing it. */
export interface ReleaseChoice {
  release?: RefTarget;
  notes: string[];
}

/**
 * Resolves the `release` input: `none`; `latest` (GitHub's latest release, else the highest
 * semver tag of origin or of the local repository); or a tag name. The tag's commit is
 * fetched (depth 1) when the checkout does not have it. A tag that was named but does not
 * exist is a GateError; `latest` finding nothing is only a note.
 */
export async function resolveRelease(git: GitCommandManager, input: string, api: ReleaseApi | undefined): Promise<ReleaseChoice> {
  if (input === 'none' || input === '') return { notes: [] };
  const notes: string[] = [];
  const remoteTags = await git.tryRemoteTags();
  const tags = remoteTags ?? (await git.tags());
  let tag = input;
  if (input === 'latest') {
    let fromApi: string | undefined;
    let asked = false;
    if (api) {
      try {
        fromApi = await api.latestReleaseTag();
        asked = true;
      } catch (error) {
        notes.push(`The latest release could not be read from GitHub (${describeError(error)}); using the highest semver tag instead.`);
      }
    }
    const fallback = highestReleaseTag(tags.map((t) => t.name));
    if (fromApi) tag = fromApi;
    else if (fallback) {
      tag = fallback;
      if (asked) notes.push(`The repository has no GitHub release; using the highest semver tag, \`${fallback}\`.`);
    } else {
      notes.push('There is no release to compare with: no GitHub release and no semver tag (prereleases are not counted). Release drift was not checked.');
      return { notes };
    }
  }
  const known = tags.find((t) => t.name === tag)?.sha;
  const sha = await ensureTagCommit(git, tag, known);
  if (!sha) {
    throw new GateError(
      `The release tag \`${tag}\` does not exist in origin or could not be fetched.`,
      (n) => (input === 'latest' ? `Check the repository's latest release, or set the ${n.setting('release')} to a tag or \`none\`.` : `Check the ${n.setting('release')}: a tag name, \`latest\` or \`none\`.`),
    );
  }
  return { release: { ref: tag, sha }, notes };
}

async function ensureTagCommit(git: GitCommandManager, tag: string, known: string | undefined): Promise<string | undefined> {
  if (known && (await git.hasCommit(known))) return known;
  const local = await git.tryResolveCommit(`refs/tags/${tag}`);
  if (local && (!known || local === known)) return local;
  if (await git.tryFetch([`refs/tags/${tag}`], { depth: 1 })) return git.tryResolveCommit('FETCH_HEAD');
  return undefined;
}
