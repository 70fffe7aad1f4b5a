import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigStatus, DriftStatus, Verdict } from './constants.js';
import { ACTION_NAMING, GateError, errorMessage, type Naming } from './errors.js';
import { beginPrSchema, judge, type BegunSchema, type GateOptions, type GateRun } from './checks/judge.js';
import { changedLoaderScript, type ChangedScript } from './checks/loader/index.js';
import { createGitCommandManager, type GitCommandManager, type GitRepository } from './git/git.js';
import { statusAndMessage } from './github/errors.js';
import { baseCandidate, payloadField, payloadText, resolveBase, type Payload, type RefTarget } from './refs/base.js';
import { resolveReleases, type ReleaseApi } from './refs/release.js';
import {
  pullRequestCommitsFromGit,
  pullRequestNumber,
  readPullRequest,
  type PullRequestApi,
  type PullRequestContext,
} from './refs/pull-request.js';
import { DEFAULT_MERGE_SETTINGS, type MergeSettingsApi } from './verdict/merge-settings.js';
import { readReleaseToolFiles } from './verdict/release-tool-files.js';
import { buildReport, type Report, type ReportReleaseReach } from './verdict/report.js';
import { withReleaseNote } from './reports/release-note.js';
import { acknowledge, type Acknowledgement } from './verdict/acknowledgement.js';
import { DEFAULT_ACKNOWLEDGEMENTS_FILE, readAcknowledgements, type AckFile } from './verdict/acknowledgements-file.js';
import { coverBreaks, utcDay, type AckMode, type FileCoverage } from './verdict/coverage.js';
import { fingerprintRun, type ConfigBreaks } from './verdict/fingerprint.js';
import { findReleaseTools, releaseReach } from './verdict/release-tool.js';
import { acknowledgementCounts, decideVerdict } from './verdict/verdict.js';

/** A whole check, as the action and the CLI ask for it. */
export interface CheckRequest {
  gate: Omit<GateOptions, 'repositoryRoot' | 'tempDir'>;
  /** The `base` input, when given. */
  base?: string;
  /**
   * The `release` input's text, which releases to compare with: `latest`, a tag, a release line
   * (`v1`, `v0.2`), several one a line or comma-separated, or `none`. resolveReleases makes tags
   * and commits of it.
   */
  releaseSelection: string;
  /** Fail on new release drift too (`fail-on-drift`). */
  failOnDrift: boolean;
  /** GitHub's latest release, when there is a token; without it the highest semver tag. */
  releaseApi?: ReleaseApi;
  eventName: string;
  /** The webhook payload (empty for the CLI). */
  payload: Payload;
  ackLabels: string[];
  /** What acknowledges a break (`acknowledge-with`): the PR (default), the acknowledgements file, or either. */
  acknowledgeWith?: AckMode;
  /** The acknowledgements file, relative to the working directory (default `.github/compat-gate-acknowledged.yaml`). */
  acknowledgements?: string;
  /** Fail an acknowledged break that the repository's release tool will not release as major. */
  ackMustReachRelease?: boolean;
  /** The repository's merge settings, when there is a token; without it GitHub's defaults are assumed. */
  mergeSettingsApi?: MergeSettingsApi;
  /** Run the PR's loader even under pull_request_target. */
  allowPullRequestTarget: boolean;
  /** The CLI's stand-in for a PR: a title and labels from flags, commits from git (base..HEAD). */
  localPullRequest?: { title?: string; labels: string[] };
  /** GitHub's API, when there is a token; without it the payload and git decide. */
  api?: PullRequestApi;
  repository?: { name: string; serverUrl: string };
  /** Where temporary files go (the runner's temp folder). */
  tempRoot: string;
  toolVersion: string;
  /** Clock, for tests. */
  now?: () => number;
  /** How errors name settings: the action's inputs (default) or the CLI's flags. */
  naming?: Naming;
}

/**
 * Runs the gate end to end: resolve the base, read the PR, judge the configs, decide.
 * Never throws: a failure of the gate itself becomes a report with verdict `error`.
 */
export async function check(request: CheckRequest): Promise<Report> {
  const now = request.now ?? Date.now;
  const started = now();
  const known: {
    base?: RefTarget;
    firstRelease?: RefTarget;
    head?: { sha: string };
    pullRequest?: PullRequestContext;
    acknowledgement?: Acknowledgement;
    releaseReach?: ReportReleaseReach;
    run?: GateRun;
    loaderScript?: ChangedScript;
    breaks?: ConfigBreaks[];
    fileCoverage?: FileCoverage;
    notes: string[];
  } = { notes: [] };
  const ackMode = request.acknowledgeWith ?? 'pr';
  // The report, and the release note written from it.
  const finish = (verdict: Verdict, error?: { message: string; hint?: string }) =>
    withReleaseNote(buildReport({
      toolVersion: request.toolVersion,
      verdict,
      ...(error ? { error } : {}),
      ...(request.repository ? { repository: request.repository } : {}),
      event: request.eventName,
      ackLabels: request.ackLabels,
      ackMode,
      failOnDrift: request.failOnDrift,
      ...(request.gate.shard ? { shard: request.gate.shard } : {}),
      settings: {
        configs: [...request.gate.patterns.include, ...request.gate.patterns.exclude.map((pattern) => `!${pattern}`)],
        ...(request.gate.schema ? { schema: request.gate.schema } : {}),
        ...(request.gate.loader ? { loader: request.gate.loader } : {}),
        ...(request.gate.migrate ? { migrate: request.gate.migrate } : {}),
        ...(request.gate.suite ? { suite: request.gate.suite.command } : {}),
        yamlVersion: request.gate.yamlVersion,
        checkFormats: request.gate.checkFormats,
      },
      ...known,
      durationMs: now() - started,
    }));

  // Closed at the end: its git processes serve the whole run.
  let opened: GitRepository | undefined;
  try {
    const git = (opened = await createGitCommandManager(request.gate.workingDirectory));
    const head = await git.tryResolveCommit('HEAD');
    if (head) known.head = { sha: head };
    refuseUntrustedLoader(request);
    // Read before any work: a bad file is an error whatever the configs do.
    const ackFile = await acknowledgementsFile(request, git.root, ackMode, known.notes);

    const candidate = baseCandidate({ ...(request.base ? { input: request.base } : {}), eventName: request.eventName, payload: request.payload });
    if ('none' in candidate) {
      known.notes.push(`Nothing to compare: ${candidate.none}.`);
      return finish(Verdict.Pass);
    }
    // The PR (GitHub's API) is read while the base is resolved (git, maybe a fetch); the base's
    // failure is the one reported when both fail.
    // The PR's schema needs no git: when the base must be fetched, it is compiled meanwhile.
    let begun: BegunSchema | undefined;
    const baseRead = resolveBase(git, candidate, () => {
      begun = beginPrSchema({ ...request.gate, repositoryRoot: git.root });
      // Safe: judging awaits it, and meets its failure there.
      begun.prSchema.catch(() => undefined);
    });
    const local = request.localPullRequest;
    const pullRequestRead = local
      ? baseRead.then((resolved) => localPullRequest(git, resolved, local))
      : readPullRequest({
          number: pullRequestNumber(request.eventName, request.payload),
          payload: request.payload,
          eventName: request.eventName,
          ...(request.api ? { api: request.api } : {}),
          gitCommits: async ({ headSha, commitCount }) => {
            const head = headSha ?? payloadText(request.payload, 'pull_request', 'head', 'sha');
            const count = commitCount ?? (Number(payloadField(request.payload, 'pull_request', 'commits')) || undefined);
            return head ? pullRequestCommitsFromGit(git, { baseSha: (await baseRead).sha, headSha: head, ...(count ? { commitCount: count } : {}) }) : [];
          },
        });
    // Safe: awaited below, once the base is resolved.
    pullRequestRead.catch(() => undefined);
    // The releases are looked up (ls-remote, GitHub's latest release, a fetch once the base's is
    // done) while the base is resolved; the base's configs are judged while the PR is read. None
    // of that work needs the PR.
    const baseBranch = branchOfBase(request, candidate.ref);
    const releasesResolved = resolveReleases(git, request.releaseSelection, request.releaseApi, {
      ...(baseBranch ? { baseBranch } : {}),
      ...(request.naming ? { naming: request.naming } : {}),
      fetchAfter: baseRead,
    });
    releasesResolved.catch(() => undefined);
    const base = await baseRead.catch(async (error: unknown) => {
      // The release lookup ends before the base's error is reported, so that no fetch outlives the run.
      await releasesResolved.catch(() => undefined);
      throw error;
    });
    known.base = base;

    let pullRequest: PullRequestContext;
    const tempDir = await mkdtemp(join(request.tempRoot, 'compat-gate-'));
    try {
      const judged = judge(git, { ...request.gate, repositoryRoot: git.root, tempDir }, base, releasesResolved.then((resolved) => resolved.releases), begun);
      judged.catch(() => undefined);
      pullRequest = await pullRequestRead.catch(async (error: unknown) => {
        // The work started meanwhile ends before the error is reported, so that nothing outlives the run.
        await Promise.allSettled([releasesResolved, judged]);
        throw error;
      });
      known.pullRequest = pullRequest;
      const byPullRequest = acknowledge({
        ...(pullRequest.title !== undefined ? { title: pullRequest.title } : {}),
        labels: pullRequest.labels,
        commits: pullRequest.commits,
        ackLabels: request.ackLabels,
      });
      // With `acknowledge-with: file` the title, footers and labels acknowledge nothing.
      known.acknowledgement = ackMode === 'file' ? { acknowledged: false, reasons: [] } : byPullRequest;
      // A release that cannot be had is the error, whatever the judging found meanwhile.
      const resolved = await releasesResolved.catch(async (error: unknown) => {
        await judged.catch(() => undefined);
        throw error;
      });
      known.notes.push(...resolved.notes);
      if (resolved.releases[0]) known.firstRelease = resolved.releases[0];
      known.run = await judged;
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
    const run = known.run;
    known.breaks = fingerprintRun(run);
    if (ackFile) {
      const coverage = coverBreaks(ackFile, known.breaks, (found) => found.ref === 'base' || request.failOnDrift, utcDay(now()));
      known.fileCoverage = coverage;
      if (coverage.covered) known.acknowledgement = { ...known.acknowledgement, acknowledged: true };
    }
    if (request.gate.loader && loaderBroke(run)) {
      // Where the loader-only break shows in the PR's diff; a nicety, never a reason to fail.
      const script = await changedLoaderScript(git, { command: request.gate.loader, workingDirectory: request.gate.workingDirectory, repositoryRoot: git.root }, base.sha).catch(() => undefined);
      if (script) known.loaderScript = script;
    }
    const facts = {
      broken: run.base.configs.filter((config) => config.status === ConfigStatus.Broken).length,
      // fail-on-drift applies to every release compared with.
      newDrift: run.releases.reduce((sum, release) => sum + release.configs.filter((config) => config.status === DriftStatus.New).length, 0),
      failOnDrift: request.failOnDrift,
      acknowledged: known.acknowledgement.acknowledged,
    };
    if (decideVerdict(facts) === Verdict.Acknowledged) {
      const reach = await reachOfRelease(request, git.root, pullRequest, known.acknowledgement, known.notes);
      if (reach) known.releaseReach = reach;
    }
    return finish(decideVerdict({ ...facts, acknowledged: acknowledgementCounts(known.acknowledgement.acknowledged, known.releaseReach) }));
  } catch (error) {
    if (error instanceof GateError) {
      return finish(Verdict.Error, error.worded(request.naming ?? ACTION_NAMING));
    }
    // An unexpected failure is still the gate's, never the PR's; keep the message, not the stack.
    const message = errorMessage(error);
    return finish(Verdict.Error, { message: `compat-gate failed unexpectedly: ${message}`, hint: 'Re-run the check; if it fails again, report it with this message.' });
  } finally {
    opened?.close();
  }
}

/**
 * The acknowledgements file when `acknowledge-with` reads it (`file`, `either`); with `pr`, a
 * note when the file exists, since its entries then count for nothing.
 */
async function acknowledgementsFile(request: CheckRequest, root: string, mode: AckMode, notes: string[]): Promise<AckFile | undefined> {
  const given = request.acknowledgements || DEFAULT_ACKNOWLEDGEMENTS_FILE;
  const absolute = resolve(request.gate.workingDirectory, given);
  const fromRoot = relative(root, absolute);
  const shown = !fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot) ? given : fromRoot.split(sep).join('/');
  if (mode === 'pr') {
    if (await stat(absolute).then((found) => found.isFile(), () => false)) {
      const setting = (request.naming ?? ACTION_NAMING).setting('acknowledge-with');
      notes.push(`\`${shown}\` exists, but the ${setting} is \`pr\`: its entries acknowledge nothing. Set it to \`file\` (or \`either\`) to use them.`);
    }
    return undefined;
  }
  // The file is the repository's: one outside it (`../`, or a link leading out) is refused, so
  // that nothing outside the checkout is read and quoted in an error.
  const within = (from: string) => from !== '' && !from.startsWith('..') && !isAbsolute(from);
  const real = await realpath(absolute).catch(() => undefined);
  const outside = real ? !within(relative(await realpath(root).catch(() => root), real)) : !within(fromRoot);
  if (outside) {
    throw new GateError(
      (n) => `The acknowledgements file \`${given}\` (the ${n.setting('acknowledgements')}) is outside the repository.`,
      (n) => `Keep it in the repository and give its path relative to the ${n.setting('working-directory')}, e.g. \`${DEFAULT_ACKNOWLEDGEMENTS_FILE}\`.`,
    );
  }
  return readAcknowledgements(absolute, shown);
}

/**
 * The branch the PR goes into, whose name may name a release line (`release-0.3.x`: `latest` is
 * that line's newest release): the `base` input when it names a branch (not a sha), else the
 * PR's base branch, else the pushed branch (a push's base is the commit before), else the base's name.
 */
function branchOfBase(request: CheckRequest, baseRef: string): string | undefined {
  if (request.base && !/^[0-9a-f]{40}$/i.test(request.base)) return request.base;
  const pullRequestBase = payloadText(request.payload, 'pull_request', 'base', 'ref');
  if (pullRequestBase) return pullRequestBase;
  if (request.eventName === 'push') return payloadText(request.payload, 'ref');
  return baseRef;
}

/** Whether the loader refuses a config that loaded on the base (of the base, or new drift). */
function loaderBroke(run: GateRun): boolean {
  const refusedByLoader = (config: { findings: Array<{ layer: string }> }) => config.findings.some((finding) => finding.layer === 'loader');
  return (
    run.base.configs.some((config) => config.status === ConfigStatus.Broken && refusedByLoader(config)) ||
    run.releases.some((release) => release.configs.some((config) => config.status === DriftStatus.New && refusedByLoader(config)))
  );
}

/**
 * Whether an acknowledged break will reach the release: the release tools configured in the PR
 * checkout, and the repository's merge settings when there is a token. Undefined when the
 * repository uses no release tool compat-gate knows.
 */
async function reachOfRelease(
  request: CheckRequest,
  root: string,
  pullRequest: PullRequestContext,
  acknowledgement: Acknowledgement,
  notes: string[],
): Promise<ReportReleaseReach | undefined> {
  const files = await readReleaseToolFiles(root);
  if (findReleaseTools(files).length === 0) return undefined;
  let merge = DEFAULT_MERGE_SETTINGS;
  if (request.mergeSettingsApi) {
    try {
      const read = await request.mergeSettingsApi.getMergeSettings();
      if (read) merge = read;
      else notes.push('GitHub did not return the repository\'s merge settings (the token may lack the rights to see them); a squash merge with GitHub\'s defaults was assumed.');
    } catch (error) {
      notes.push(`The repository's merge settings could not be read (${statusAndMessage(error)}); a squash merge with GitHub's defaults was assumed.`);
    }
  }
  const reach = releaseReach({
    files,
    merge,
    pullRequest: {
      ...(pullRequest.number !== undefined ? { number: pullRequest.number } : {}),
      ...(pullRequest.title !== undefined ? { title: pullRequest.title } : {}),
      ...(pullRequest.body !== undefined ? { body: pullRequest.body } : {}),
      commits: pullRequest.commits,
    },
    acknowledgement,
  });
  notes.push(...reach.notes);
  const { notes: _notes, ...rest } = reach;
  return { ...rest, required: request.ackMustReachRelease ?? false };
}

/**
 * Under pull_request_target the workflow runs with the base repository's secrets and a
 * write token; the PR's loader is code from the fork (SPEC, "Loader protocol").
 */
function refuseUntrustedLoader(request: CheckRequest): void {
  if (request.eventName !== 'pull_request_target' || request.allowPullRequestTarget) return;
  // The `migrate` command is the PR's code too, started the same way.
  const parts = [request.gate.loader ? 'loader' : '', request.gate.suite ? 'suite' : '', request.gate.migrate ? '`migrate` command' : ''].filter(Boolean);
  if (parts.length === 0) return;
  const code = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
  throw new GateError(
    `compat-gate does not start the PR's ${code} under \`pull_request_target\`: the ${code} ${parts.length > 1 ? 'are' : 'is'} code from the pull request, and this event runs it next to the base repository's secrets and a write token.`,
    'Run compat-gate on `pull_request` instead (it needs no secrets), or set `allow-pull-request-target: true` if every PR author is trusted.',
  );
}

async function localPullRequest(
  git: GitCommandManager,
  base: RefTarget,
  local: { title?: string; labels: string[] },
): Promise<PullRequestContext> {
  return {
    ...(local.title !== undefined ? { title: local.title } : {}),
    labels: local.labels,
    commits: await git.log(base.sha, 'HEAD'),
    sources: { title: local.title !== undefined ? 'cli' : 'none', labels: 'cli', commits: 'git' },
    notes: [],
  };
}
