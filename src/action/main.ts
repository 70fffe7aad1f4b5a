import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { check } from '../pipeline.js';
import { Outputs, Verdict } from '../constants.js';
import { GateError, describeError, errorMessage } from '../errors.js';
import { payloadText } from '../refs/base.js';
import type { GitHubClient } from '../github/client.js';
import { octokitCommentsClient, syncStickyComment } from '../github/comments.js';
import { octokitPullRequestApi, type PullRequestApi } from '../refs/pull-request.js';
import { octokitReleaseApi, type ReleaseApi } from '../refs/release.js';
import { octokitMergeSettingsApi, type MergeSettingsApi } from '../verdict/merge-settings.js';
import { commentKey, stickyCommentBodies } from '../reports/comment.js';
import { annotationsFor, omittedNote } from '../reports/annotations.js';
import { buildReport, driftCount, redactReport, releaseTags, type Report } from '../verdict/report.js';
import { mergeReports, readPartialReports, type MergeExpectation } from '../reports/merge.js';
import { renderSarif } from '../reports/sarif.js';
import { safeJson, visible } from '../reports/safe-text.js';
import { renderSummary } from '../reports/summary.js';
import { VERSION } from '../version.js';
import { toCheckRequest, type ActionSettings, type RunnerSettings } from '../settings.js';
import { getInputs, readEvent, readRunner } from './inputs.js';

/**
 * The action: read inputs and the event, run the check, publish what it found. Never throws:
 * whatever fails, the step ends with its outputs set and a message, at worst `verdict=error`.
 */
export async function run(): Promise<void> {
  try {
    await checkAndPublish();
  } catch (error) {
    failGate(error);
  }
}

async function checkAndPublish(): Promise<void> {
  const started = Date.now();
  const runner = readRunner();
  let report: Report;
  let settings: ActionSettings | undefined;
  let client: GitHubClient | undefined;
  let clientReady: Promise<GitHubClient> | undefined;
  try {
    settings = getInputs(runner);
    if (settings.token) {
      // Loaded only when there is a token (most of the bundle's weight is the GitHub SDK), and
      // while git works: the first request waits for it, the first git calls do not.
      const { token } = settings;
      clientReady = import('../github/client.js').then(({ createGitHubClient }) => createGitHubClient(token, { onNotice: (message) => core.info(message) }));
      clientReady.catch(() => undefined);
    }
    report = settings.mergeReports
      ? mergeReports(await readPartialReports(settings.mergeReports, runner.workspace), await mergeExpectation(runner))
      : await checkPullRequest(settings, runner, clientReady);
    if (clientReady) client = await clientReady;
  } catch (error) {
    report = buildReport({
      toolVersion: VERSION,
      verdict: Verdict.Error,
      error: error instanceof GateError ? { message: error.message, ...(error.hint ? { hint: error.hint } : {}) } : { message: describeError(error) },
      ackLabels: [],
      notes: [],
      durationMs: Date.now() - started,
    });
  }
  if (settings?.token) report = redactReport(report, [settings.token]);
  // A shard sees part of the configs: the job that merges the shards comments.
  const commented = settings && client && !settings.shard ? syncComment(report, settings, runner, client) : undefined;
  // Safe: awaited below, once the SARIF log is on its way.
  commented?.catch(() => undefined);
  // The SARIF log is written while GitHub answers about the PR comment; the JSON report waits for
  // the answer, as a comment that could not be written adds a note to it.
  const paths = reportPaths(report, runner);
  const sarif = writeRunFile(paths.sarifPath, safeJson(renderSarif(report)) + '\n');
  // Safe: awaited below, and met there.
  sarif.catch(() => undefined);
  // Warnings written before the annotations take their place in GitHub's 10 a step.
  const written = { warning: 0 };
  if (commented) {
    try {
      if (await commented) written.warning++;
    } catch (error) {
      // The comment is a courtesy: whatever happens to it, the outputs and the verdict stand.
      core.warning(`The PR comment could not be written: ${visible(describeError(error))}`);
      written.warning++;
    }
  }
  await writeRunFile(paths.reportPath, safeJson(report) + '\n');
  await sarif;
  await publish(report, runner, written, paths);
}

async function checkPullRequest(settings: ActionSettings, runner: RunnerSettings, clientReady: Promise<GitHubClient> | undefined): Promise<Report> {
  const payload = await readEvent(runner.eventPath);
  const { owner = '', repo = '' } = runner.repository ?? {};
  const apis = clientReady && owner && repo ? gitHubApis(clientReady, owner, repo) : undefined;
  return check(
    toCheckRequest(settings, {
      eventName: runner.eventName,
      payload,
      ...(apis ? { apis } : {}),
      ...(runner.repository ? { repository: { name: runner.repository.name, serverUrl: runner.repository.serverUrl } } : {}),
      tempRoot: runner.tempDir,
      toolVersion: VERSION,
    }),
  );
}

/** The GitHub APIs the check uses; each request first waits for the client (the SDK loads meanwhile). */
function gitHubApis(clientReady: Promise<GitHubClient>, owner: string, repo: string): { api: PullRequestApi; releaseApi: ReleaseApi; mergeSettingsApi: MergeSettingsApi } {
  const pulls = clientReady.then((client) => octokitPullRequestApi(client, owner, repo));
  const releases = clientReady.then((client) => octokitReleaseApi(client, owner, repo));
  const mergeSettings = clientReady.then((client) => octokitMergeSettingsApi(client, owner, repo));
  for (const ready of [pulls, releases, mergeSettings]) ready.catch(() => undefined);
  return {
    api: {
      getPull: async (number) => (await pulls).getPull(number),
      listCommits: async (number) => (await pulls).listCommits(number),
      listLabels: async (number) => {
        const api = await pulls;
        return api.listLabels ? api.listLabels(number) : (await api.getPull(number)).labels;
      },
    },
    releaseApi: {
      latestReleaseTag: async () => (await releases).latestReleaseTag(),
      listReleases: async () => (await releases).listReleases(),
    },
    mergeSettingsApi: { getMergeSettings: async () => (await mergeSettings).getMergeSettings() },
  };
}

/** The push the merging job runs for: its PR's head, which every shard must have judged. */
async function mergeExpectation(runner: RunnerSettings): Promise<MergeExpectation> {
  const headSha = payloadText(await readEvent(runner.eventPath), 'pull_request', 'head', 'sha');
  return headSha ? { pullRequestHeadSha: headSha } : {};
}

/** Events whose PR gets the sticky comment; a merge group's PR already has it. */
const COMMENT_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The sticky PR comment (`comment: auto`). A token that cannot write (a fork PR) costs a
 * warning and a note in the summary, never the run. Returns whether it wrote that warning.
 */
async function syncComment(report: Report, settings: ActionSettings, runner: RunnerSettings, client: GitHubClient): Promise<boolean> {
  const number = report.pullRequest?.number;
  const { owner = '', repo = '' } = runner.repository ?? {};
  if (settings.comment !== 'auto' || !number || !owner || !repo || !COMMENT_EVENTS.has(report.event ?? '')) return false;
  const key = commentKey({
    configs: JSON.stringify(settings.patterns),
    ...(settings.schema ? { schema: settings.schema } : {}),
    ...(settings.loader ? { loader: settings.loader } : {}),
    ...(settings.suite ? { suite: settings.suite.command } : {}),
    workingDirectory: relative(runner.workspace, settings.workingDirectory) || '.',
  });
  const { runUrl } = runner;
  const bodies = stickyCommentBodies({ ...report, ...(runUrl ? { runUrl } : {}) }, key);
  if (!bodies) return false;
  const outcome = await syncStickyComment({ client: octokitCommentsClient(client, owner, repo), issue: number, key, ...bodies });
  if (outcome.action === 'failed') {
    const why = outcome.readOnly ? 'the token cannot write to this pull request (a fork PR?)' : outcome.reason;
    core.warning(`The PR comment could not be written: ${visible(why)}. The job summary says everything it would have said.`);
    report.notes.push(`The PR comment could not be written (${outcome.reason}); this summary carries it.`);
    return true;
  }
  const removed = outcome.removed?.length ? `; removed ${outcome.removed.length} duplicate(s) of it` : '';
  core.info(`PR comment: ${outcome.action}${removed}.`);
  if (outcome.reason && outcome.action !== 'skipped') core.info(`PR comment: ${visible(outcome.reason)}.`);
  return false;
}

/**
 * The gate could not finish (its report, SARIF file or job summary could not be written, or
 * anything else went wrong outside the check): `verdict=error`, the outputs set, the message
 * in the log, no stack trace.
 */
function failGate(error: unknown): void {
  core.setOutput(Outputs.Verdict, Verdict.Error);
  core.setOutput(Outputs.Broken, '0');
  core.setOutput(Outputs.Drift, '0');
  core.setOutput(Outputs.Release, '');
  core.setOutput(Outputs.Report, '');
  core.setOutput(Outputs.Sarif, '');
  core.setOutput(Outputs.ReleaseNote, '');
  core.setFailed(`compat-gate: error. ${visible(describeError(error), { newlines: true })}`);
}

/** Writes one of the run's files; a failure names the file and what to do about it. */
async function writeRunFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new GateError(
      `The file ${path} could not be written: ${errorMessage(error)}.`,
      `Make RUNNER_TEMP a folder this job can write to; compat-gate writes its report under ${join('$RUNNER_TEMP', 'compat-gate')}.`,
    );
  }
}

/** Where the JSON report and the SARIF log go, under the runner's temp folder. */
function reportPaths(report: Report, runner: RunnerSettings): { reportPath: string; sarifPath: string } {
  const dir = join(runner.tempDir, 'compat-gate');
  // Shards of one matrix write distinct names, so their artifacts can be downloaded into one folder.
  const name = report.shard ? `shard-${report.shard.index}-of-${report.shard.total}` : runner.stepId ?? 'check';
  const reportPath = join(dir, `report-${name}.json`);
  return { reportPath, sarifPath: reportPath.replace(/\.json$/, '.sarif') };
}

/** Outputs, annotations, job summary, and the step's result, once the report's files are written. */
async function publish(report: Report, runner: RunnerSettings, written: { warning: number }, { reportPath, sarifPath }: { reportPath: string; sarifPath: string }): Promise<void> {
  const { annotations, closing, failure, omitted } = annotationsFor(report, written);
  for (const annotation of [...annotations, ...closing]) {
    const properties = {
      title: annotation.title,
      ...(annotation.file ? { file: annotation.file } : {}),
      ...(annotation.line ? { startLine: annotation.line } : {}),
      ...(annotation.column ? { startColumn: annotation.column } : {}),
    };
    if (annotation.level === 'error') core.error(annotation.message, properties);
    else if (annotation.level === 'warning') core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
  const omittedLine = omittedNote(omitted);
  if (omittedLine) core.info(omittedLine);

  if (runner.hasStepSummary) {
    try {
      // The count of annotations left out is said in the summary, not kept in the JSON report.
      await core.summary.addRaw(renderSummary(omittedLine ? { ...report, notes: [...report.notes, omittedLine] } : report)).write();
    } catch (error) {
      throw new GateError(
        `The job summary (GITHUB_STEP_SUMMARY) could not be written: ${errorMessage(error)}.`,
        `The report is at ${reportPath}; make GITHUB_STEP_SUMMARY a file this job can write to.`,
      );
    }
  }

  // Set once everything is written: a failure above ends as `verdict=error` instead.
  core.setOutput(Outputs.Verdict, report.verdict);
  core.setOutput(Outputs.Broken, String(report.counts.broken));
  core.setOutput(Outputs.Drift, String(driftCount(report)));
  core.setOutput(Outputs.Release, releaseTags(report));
  core.setOutput(Outputs.Report, reportPath);
  core.setOutput(Outputs.Sarif, sarifPath);
  core.setOutput(Outputs.ReleaseNote, report.releaseNote?.footer ?? '');
  core.info(`compat-gate: ${report.verdict} (${report.counts.broken} broken of ${report.counts.configs} configs). Report: ${reportPath}`);

  if (report.shard && report.verdict !== Verdict.Error) {
    core.info(`Shard ${report.shard.index}/${report.shard.total}: ${report.verdict}. The job with \`merge-reports\` decides the check.`);
  } else if (failure) {
    core.setFailed(failure);
  }
}
