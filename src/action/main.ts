import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { check } from '../check.js';
import { loaderEnvironment } from '../checks/loader.js';
import { Outputs, Verdict } from '../constants.js';
import { GateError, describeError } from '../errors.js';
import type { Payload } from '../refs/base.js';
import type { GitHubClient } from '../github/client.js';
import { octokitCommentsClient, syncStickyComment } from '../github/comments.js';
import { octokitPullRequestApi } from '../refs/pull-request.js';
import { octokitReleaseApi } from '../refs/release.js';
import { octokitMergeSettingsApi } from '../refs/release-setup.js';
import { commentKey, stickyCommentBodies } from '../reports/comment.js';
import { annotationsFor } from '../reports/annotations.js';
import { brokenConfigs, buildReport, driftCount, redactReport, type Report } from '../reports/report.js';
import { mergeReports, readPartialReports } from '../reports/merge.js';
import { renderSarif } from '../reports/sarif.js';
import { renderSummary } from '../reports/summary.js';
import { failsStep } from '../verdict/verdict.js';
import { VERSION } from '../version.js';
import { getInputs, type ActionSettings } from './inputs.js';

/** The action: read inputs and the event, run the check, publish what it found. */
export async function run(): Promise<void> {
  const started = Date.now();
  let report: Report;
  let settings: ActionSettings | undefined;
  let client: GitHubClient | undefined;
  try {
    settings = getInputs();
    if (settings.token) {
      // Loaded only when there is a token: most of the bundle's weight is the GitHub SDK.
      const { createGitHubClient } = await import('../github/client.js');
      client = createGitHubClient(settings.token, { onNotice: (message) => core.info(message) });
    }
    report = settings.mergeReports
      ? mergeReports(await readPartialReports(settings.mergeReports, process.env.GITHUB_WORKSPACE ?? process.cwd()))
      : await checkPullRequest(settings, client);
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
  if (settings && client && !settings.shard) {
    try {
      await syncComment(report, settings, client);
    } catch (error) {
      // The comment is a courtesy: whatever happens to it, the outputs and the verdict stand.
      core.warning(`The PR comment could not be written: ${describeError(error)}`);
    }
  }
  await publish(report);
}

async function checkPullRequest(settings: ActionSettings, client: GitHubClient | undefined): Promise<Report> {
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const payload = await readEvent(process.env.GITHUB_EVENT_PATH);
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  const apis =
    client && owner && repo
      ? {
          api: octokitPullRequestApi(client, owner, repo),
          releaseApi: octokitReleaseApi(client, owner, repo),
          mergeSettingsApi: octokitMergeSettingsApi(client, owner, repo),
        }
      : undefined;
  return check({
    gate: {
      workingDirectory: settings.workingDirectory,
      patterns: settings.patterns,
      ...(settings.schema ? { schema: settings.schema } : {}),
      refMap: settings.refMap,
      checkFormats: settings.checkFormats,
      ...(settings.loader ? { loader: settings.loader } : {}),
      loaderTimeoutSeconds: settings.loaderTimeoutSeconds,
      loaderEnv: loaderEnvironment(process.env, settings.token ? [settings.token] : []),
      yamlVersion: settings.yamlVersion,
      ...(settings.shard ? { shard: settings.shard } : {}),
    },
    ...(settings.base ? { base: settings.base } : {}),
    release: settings.release,
    failOnDrift: settings.failOnDrift,
    eventName,
    payload,
    ackLabels: settings.ackLabels,
    ackMustReachRelease: settings.ackMustReachRelease,
    allowPullRequestTarget: settings.allowPullRequestTarget,
    ...(apis ?? {}),
    ...(process.env.GITHUB_REPOSITORY
      ? { repository: { name: process.env.GITHUB_REPOSITORY, serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com' } }
      : {}),
    tempRoot: process.env.RUNNER_TEMP || tmpdir(),
    toolVersion: VERSION,
  });
}

async function readEvent(path: string | undefined): Promise<Payload> {
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new GateError(`The event file ${path} could not be read: ${describeError(error)}.`);
  }
}

/** Events whose PR gets the sticky comment; a merge group's PR already has it. */
const COMMENT_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The sticky PR comment (`comment: auto`). A token that cannot write (a fork PR) costs a
 * warning and a note in the summary, never the run.
 */
async function syncComment(report: Report, settings: ActionSettings, client: GitHubClient): Promise<void> {
  const number = report.pullRequest?.number;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  if (settings.comment !== 'auto' || !number || !owner || !repo || !COMMENT_EVENTS.has(report.event ?? '')) return;
  const key = commentKey({
    configs: JSON.stringify(settings.patterns),
    ...(settings.schema ? { schema: settings.schema } : {}),
    ...(settings.loader ? { loader: settings.loader } : {}),
    workingDirectory: relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), settings.workingDirectory) || '.',
  });
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = process.env;
  const runUrl = GITHUB_RUN_ID ? `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${GITHUB_RUN_ATTEMPT ? `/attempts/${GITHUB_RUN_ATTEMPT}` : ''}` : undefined;
  const bodies = stickyCommentBodies({ ...report, ...(runUrl ? { runUrl } : {}) }, key);
  if (!bodies) return;
  const outcome = await syncStickyComment({ client: octokitCommentsClient(client, owner, repo), issue: number, key, ...bodies });
  if (outcome.action === 'failed') {
    const why = outcome.readOnly ? 'the token cannot write to this pull request (a fork PR?)' : outcome.reason;
    core.warning(`The PR comment could not be written: ${why}. The job summary says everything it would have said.`);
    report.notes.push(`The PR comment could not be written (${outcome.reason}); this summary carries it.`);
  } else {
    core.info(`PR comment: ${outcome.action}.`);
  }
}

/** Outputs, report file, annotations, job summary, and the step's result. */
async function publish(report: Report): Promise<void> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'compat-gate');
  await mkdir(dir, { recursive: true });
  // Shards of one matrix write distinct names, so their artifacts can be downloaded into one folder.
  const name = report.shard ? `shard-${report.shard.index}-of-${report.shard.total}` : process.env.GITHUB_ACTION || 'check';
  const reportPath = join(dir, `report-${name}.json`);
  await writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
  const sarifPath = reportPath.replace(/\.json$/, '.sarif');
  await writeFile(sarifPath, JSON.stringify(renderSarif(report), null, 2) + '\n');

  core.setOutput(Outputs.Verdict, report.verdict);
  core.setOutput(Outputs.Broken, String(report.counts.broken));
  core.setOutput(Outputs.Drift, String(driftCount(report)));
  core.setOutput(Outputs.Release, report.release?.ref ?? '');
  core.setOutput(Outputs.Report, reportPath);
  core.setOutput(Outputs.Sarif, sarifPath);

  const { annotations, omitted } = annotationsFor(report);
  for (const annotation of annotations) {
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
  if (report.verdict === Verdict.Acknowledged) {
    const names = brokenConfigs(report).map((config) => config.path);
    core.warning(`Acknowledged breaking change: ${names.length} config(s) that load on the base no longer load: ${names.join(', ')}`, { title: 'compat-gate: acknowledged break' });
  }
  const releaseProblems = report.acknowledgement.release?.problems ?? [];
  if (report.acknowledgement.acknowledged && releaseProblems.length) {
    const lines = releaseProblems.map((problem) => `${problem.tool}${problem.method ? ` (${problem.method})` : ''}: ${problem.why}. Fix: ${problem.fix}.`);
    core.warning(`The acknowledgement will not reach the release. ${lines.join(' ')}`, { title: 'compat-gate: not a major release' });
  }
  if (omitted > 0) core.info(`${omitted} more annotations are in the job summary and the JSON report (GitHub shows 10 per level).`);

  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(renderSummary(report)).write();
    } catch (error) {
      core.warning(`The job summary could not be written: ${describeError(error)}`);
    }
  }
  core.info(`compat-gate: ${report.verdict} (${report.counts.broken} broken of ${report.counts.configs} configs). Report: ${reportPath}`);

  if (report.shard && report.verdict !== Verdict.Error) {
    core.info(`Shard ${report.shard.index}/${report.shard.total}: ${report.verdict}. The job with \`merge-reports\` decides the check.`);
  } else if (failsStep(report.verdict)) {
    core.setFailed(
      report.verdict === Verdict.Error
        ? `compat-gate could not decide: ${report.error?.message ?? 'unknown error'}${report.error?.hint ? ` ${report.error.hint}` : ''}`
        : report.acknowledgement.acknowledged && releaseProblems.length
          ? `${report.counts.broken} config(s) that load on the base no longer load with this PR, and \`ack-must-reach-release\` is set: the acknowledgement will not reach the release. See the job summary for the fix.`
          : `${report.counts.broken} config(s) that load on the base no longer load with this PR. See the job summary; acknowledge an intended break with a breaking title (e.g. \`feat!: …\`) or the label \`${report.acknowledgement.labels[0] ?? 'breaking-change'}\`.`,
    );
  }
}
