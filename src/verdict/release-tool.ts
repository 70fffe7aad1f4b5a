import { readJsonText } from '../configs/parse/index.js';
import type { PullRequestCommit } from '../refs/pull-request.js';
import { isBreakingHeader, suggestedTitle, type Acknowledgement } from './acknowledgement.js';
import type { MergeMethod, MergeSettings } from './merge-settings.js';
import { RELEASE_CONFIG_FILES } from './release-tool-files.js';

/** The release tools whose reading of a merged PR compat-gate knows. */
export type ReleaseToolName = 'semantic-release' | 'release-please' | 'changesets';

/** A release tool the repository uses, and where that was read. */
export interface ReleaseTool {
  name: ReleaseToolName;
  /** The file that configures it (`package.json#release` for the key in package.json). */
  file: string;
  /** semantic-release's commit-analyzer preset; `angular` when none is named (its default). */
  preset?: string;
}

/** Where the acknowledgement does not produce a major release, and how to make it. */
export interface ReleaseProblem {
  /** The tool as people name it: `semantic-release (angular preset)`. */
  tool: string;
  /** The merge method, for tools that read commits. */
  method?: MergeMethod;
  why: string;
  fix: string;
}

/** Whether an acknowledged break reaches the release tools of the repository. */
export interface ReleaseReach {
  tools: ReleaseTool[];
  merge: MergeSettings;
  problems: ReleaseProblem[];
  /** Tools found and not judged (a preset compat-gate does not know). */
  notes: string[];
}

// A preset named in any of semantic-release's config forms: JSON, YAML or JavaScript. The JS
// forms are read as text, never run.
const PRESET = /["']?\bpreset["']?\s*:\s*["']?([\w@./-]+)/;

/**
 * The release tools configured by `files` (path → text, the paths of RELEASE_CONFIG_FILES plus
 * `.changeset/*.md`). semantic-release is found by its config file, a `release` key in
 * package.json, or a dependency on it (then with its defaults).
 */
export function findReleaseTools(files: Readonly<Record<string, string>>): ReleaseTool[] {
  const tools: ReleaseTool[] = [];
  const pkg = parseJson(files['package.json']);
  const semanticFile = RELEASE_CONFIG_FILES.find((file) => /^(\.releaserc|release\.config)/.test(file) && files[file] !== undefined);
  if (semanticFile) {
    tools.push({ name: 'semantic-release', file: semanticFile, preset: PRESET.exec(files[semanticFile] ?? '')?.[1] ?? 'angular' });
  } else if (isObject(pkg) && pkg.release !== undefined) {
    tools.push({ name: 'semantic-release', file: 'package.json#release', preset: PRESET.exec(JSON.stringify(pkg.release))?.[1] ?? 'angular' });
  } else if (isObject(pkg) && ['dependencies', 'devDependencies'].some((key) => isObject(pkg[key]) && 'semantic-release' in (pkg[key] as object))) {
    tools.push({ name: 'semantic-release', file: 'package.json', preset: 'angular' });
  }
  if (files['release-please-config.json'] !== undefined) tools.push({ name: 'release-please', file: 'release-please-config.json' });
  if (files['.changeset/config.json'] !== undefined) tools.push({ name: 'changesets', file: '.changeset/config.json' });
  return tools;
}

/** What the PR will be merged from: its title, description and commits. */
export interface MergedPullRequest {
  number?: number;
  title?: string;
  body?: string;
  headRef?: string;
  commits: PullRequestCommit[];
}

/**
 * For an acknowledged break, whether each release tool of the repository will cut a major
 * release from the merged PR, under every merge method the repository allows, and the exact fix
 * where it will not. `files` are the texts findReleaseTools reads (for changesets, `.changeset/*.md`).
 */
export function releaseReach(input: {
  files: Readonly<Record<string, string>>;
  merge: MergeSettings;
  pullRequest: MergedPullRequest;
  acknowledgement: Acknowledgement;
}): ReleaseReach {
  const tools = findReleaseTools(input.files);
  const problems: ReleaseProblem[] = [];
  const notes: string[] = [];
  const onlyLabels = input.acknowledgement.reasons.every((reason) => reason.kind === 'label');
  for (const tool of tools) {
    if (tool.name === 'changesets') {
      const problem = changesetProblem(input.files, onlyLabels);
      if (problem) problems.push(problem);
      continue;
    }
    const reads = readsOf(tool);
    if (!reads) {
      notes.push(`semantic-release uses the \`${tool.preset}\` preset (${tool.file}): compat-gate does not know how it marks a break and did not judge it.`);
      continue;
    }
    for (const method of input.merge.methods) {
      const messages = mergedMessages(method, input.merge, input.pullRequest);
      if (messages.some((message) => seesBreak(reads, message))) continue;
      problems.push({
        tool: toolName(tool),
        method,
        why: whyNot(reads, method, input.merge, input.pullRequest, onlyLabels),
        fix: fixFor(reads, method, input.merge, input.pullRequest),
      });
    }
  }
  return { tools, merge: input.merge, problems, notes };
}

/** What a commit-reading tool takes as a break: a `!` header, and which footer tokens. */
interface Reads {
  name: string;
  header: boolean;
  footers: string[];
}

function readsOf(tool: ReleaseTool): Reads | undefined {
  if (tool.name === 'release-please') return { name: 'release-please', header: true, footers: ['BREAKING CHANGE', 'BREAKING-CHANGE'] };
  // conventional-changelog-angular reads only the `BREAKING CHANGE` note keyword and no `!`;
  // conventional-changelog-conventionalcommits reads both (its breakingHeaderPattern).
  const preset = (tool.preset ?? 'angular').replace(/^conventional-changelog-/, '').toLowerCase();
  if (preset === 'angular') return { name: toolName(tool), header: false, footers: ['BREAKING CHANGE'] };
  if (preset === 'conventionalcommits') return { name: toolName(tool), header: true, footers: ['BREAKING CHANGE', 'BREAKING-CHANGE'] };
  return undefined;
}

function toolName(tool: ReleaseTool): string {
  return tool.name === 'semantic-release' ? `semantic-release (${tool.preset ?? 'angular'} preset)` : tool.name;
}

/** Whether a commit message marks a break for the tool: its subject, or a footer line below it. */
function seesBreak(reads: Reads, message: string): boolean {
  const [subject = '', ...rest] = message.split(/\r?\n/);
  if (reads.header && isBreakingHeader(subject)) return true;
  // conventional-commits-parser finds a note keyword at a line start, after spaces or `*`.
  return rest.some((line) => reads.footers.some((token) => new RegExp(`^[\\s|*]*${token}:\\s*\\S`).test(line)));
}

/** The commit messages a merge by `method` puts on the base branch. */
function mergedMessages(method: MergeMethod, merge: MergeSettings, pr: MergedPullRequest): string[] {
  const title = pr.title ?? '';
  if (method === 'rebase') return pr.commits.map((commit) => commit.message);
  if (method === 'merge') {
    const subject = merge.mergeTitle === 'PR_TITLE' ? title : `Merge pull request #${pr.number ?? 0} from ${pr.headRef ?? 'a branch'}`;
    const body = merge.mergeMessage === 'PR_BODY' ? pr.body ?? '' : merge.mergeMessage === 'PR_TITLE' ? title : '';
    return [...pr.commits.map((commit) => commit.message), `${subject}\n\n${body}`];
  }
  const single = oneCommitSquash(merge, pr);
  const subject = single ? subjectOf(single.message) : title;
  const body =
    merge.squashMessage === 'PR_BODY'
      ? pr.body ?? ''
      : merge.squashMessage === 'BLANK'
        ? ''
        : single
          ? bodyOf(single.message)
          : pr.commits.map((commit) => `* ${commit.message}`).join('\n\n');
  return [`${subject}\n\n${body}`];
}

/** GitHub's COMMIT_OR_PR_TITLE: a PR of one commit is squashed under that commit's subject. */
function oneCommitSquash(merge: MergeSettings, pr: MergedPullRequest): PullRequestCommit | undefined {
  return merge.squashTitle === 'COMMIT_OR_PR_TITLE' && pr.commits.length === 1 ? pr.commits[0] : undefined;
}

function whyNot(reads: Reads, method: MergeMethod, merge: MergeSettings, pr: MergedPullRequest, onlyLabels: boolean): string {
  if (onlyLabels) return 'a label is invisible to release tools; they read commit messages';
  const reasons: string[] = [];
  const titleMarked = pr.title !== undefined && isBreakingHeader(pr.title);
  if (!reads.header) reasons.push('it ignores the `!` of `feat!: …` and reads only a `BREAKING CHANGE:` footer');
  if (method === 'squash') {
    const single = oneCommitSquash(merge, pr);
    if (reads.header && titleMarked && single) {
      reasons.push(`a squash merge of a one-commit PR takes the commit's subject (\`${subjectOf(single.message)}\`), not the PR title`);
    }
    if (merge.squashMessage !== 'COMMIT_MESSAGES' && pr.commits.some((commit) => bodyOf(commit.message).trim() !== '')) {
      reasons.push(
        merge.squashMessage === 'PR_BODY'
          ? 'the squash commit\'s body is the PR description, so footers in the commits are dropped'
          : 'the squash commit\'s body is blank, so footers in the commits are dropped',
      );
    }
  } else if (titleMarked) {
    reasons.push(`a ${method === 'merge' ? 'merge commit' : 'rebase merge'} keeps the PR's commits as they are, and the title marks none of them`);
  }
  return reasons.length ? reasons.join('; ') : `no commit this merge produces marks the break for ${reads.name}`;
}

function fixFor(reads: Reads, method: MergeMethod, merge: MergeSettings, pr: MergedPullRequest): string {
  const footer = '`BREAKING CHANGE: <what users must change>`';
  if (method !== 'squash') {
    return reads.header
      ? `give a commit of the PR a breaking subject (\`feat!: …\`) or a ${footer} footer, or merge with squash`
      : `add a ${footer} footer to a commit message of the PR`;
  }
  if (reads.header) {
    const title = suggestedTitle(pr.title);
    if (oneCommitSquash(merge, pr)) {
      return `give the PR's only commit the subject \`${title}\` (\`git commit --amend\`), or set the squash title to the PR title (Settings → General → "Default commit message": Pull request title)`;
    }
    return `put \`!\` in the PR title (\`${title}\`) and keep it as the squash subject when merging`;
  }
  switch (merge.squashMessage) {
    case 'PR_BODY':
      return `add a line ${footer} to the PR description: the squash commit's body is the PR description`;
    case 'BLANK':
      return `write a ${footer} line into the squash commit's message when merging (its body is blank by default), or switch semantic-release to the \`conventionalcommits\` preset so \`!\` counts`;
    case 'COMMIT_MESSAGES':
      return `add a ${footer} footer to a commit message of the PR: the squash body keeps the commit messages`;
  }
}

function changesetProblem(files: Readonly<Record<string, string>>, onlyLabels: boolean): ReleaseProblem | undefined {
  const pkg = parseJson(files['package.json']);
  const name = isObject(pkg) && typeof pkg.name === 'string' && pkg.workspaces === undefined ? pkg.name : undefined;
  const bumps = Object.entries(files)
    .filter(([path]) => /^\.changeset\/[^/]+\.md$/i.test(path) && !/readme\.md$/i.test(path))
    .flatMap(([, text]) => changesetBumps(text));
  if (bumps.some((bump) => bump.level === 'major' && (name === undefined || bump.name === name))) return undefined;
  const target = name ?? '<package>';
  return {
    tool: 'changesets',
    why: onlyLabels
      ? 'a label is invisible to changesets; a major bump needs a changeset file that says `major`'
      : `changesets reads no title or commit message; no changeset in \`.changeset/\` bumps ${name ? `\`${name}\`` : 'a package'} to \`major\``,
    fix: `add a changeset with \`"${target}": major\` (\`npx changeset\`, choose major) that says what users must change`,
  };
}

/** The package bumps in a changeset's front matter (`"pkg": major`). */
function changesetBumps(text: string): Array<{ name: string; level: string }> {
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!front?.[1]) return [];
  return front[1].split(/\r?\n/).flatMap((line) => {
    const match = /^\s*["']?([^"':]+?)["']?\s*:\s*["']?(major|minor|patch)["']?\s*$/i.exec(line);
    return match?.[1] && match[2] ? [{ name: match[1], level: match[2].toLowerCase() }] : [];
  });
}

function subjectOf(message: string): string {
  return message.split(/\r?\n/, 1)[0]?.trim() ?? '';
}

function bodyOf(message: string): string {
  const lines = message.split(/\r?\n/);
  return lines.slice(1).join('\n').replace(/^\s*\n/, '');
}

/** A release tool's JSON config from the PR; one that cannot be read (malformed, too deep) counts as absent. */
function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const read = readJsonText(text);
  return read.ok ? read.value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
