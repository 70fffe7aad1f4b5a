import { createHash } from 'node:crypto';
import { RESOLVED_MARK, TOOL_NAME, Verdict, commentMarker } from '../constants.js';
import { clip, count, inlineCode } from './markdown.js';
import { newDriftCount, releaseDrifts, type Report } from '../verdict/report.js';
import { releaseNoteBlock, type ReleaseNote } from './release-note.js';
import { brokenSection, headline, verdictParagraphs, type SectionStyle } from './summary.js';
import { migrationSection, noMigrationCallout } from './migrations.js';

/**
 * GitHub refuses a longer issue comment: "Body is too long (maximum is 65536 characters)".
 * Lengths here are UTF-16 code units, never fewer than the characters GitHub counts.
 */
export const COMMENT_LIMIT = 65_536;

/** Left free under the limit given to `renderComment`, against any count GitHub makes differently. */
const COMMENT_MARGIN = 256;

const COMMENT_STYLE: SectionStyle = {
  heading: '####',
  cutReason: 'the comment is limited in size; the job summary lists all',
};

/** What the comment reads from a report beyond `Report`: a link to the run, when the action knows it. */
export type CommentReport = Report & { runUrl?: string };

/**
 * A short stable hash of what makes one gate differ from another in the same repository, so two
 * gates keep two comments (SPEC "Outputs users read"). Pass `workingDirectory` relative to the
 * workspace: an absolute path differs between runners. Blank and `#` lines of `configs`, and
 * spaces around patterns, do not change the key.
 */
export function commentKey(parts: { configs: string; schema?: string; loader?: string; workingDirectory: string }): string {
  const configs = parts.configs
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join('\n');
  const directory = parts.workingDirectory.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
  const canonical = JSON.stringify([configs, parts.schema?.trim() ?? '', parts.loader?.trim() ?? '', directory]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/**
 * Whether the PR deserves a comment: a break, an acknowledged break, or new release drift.
 */
export function hasSomethingToSay(report: Report): boolean {
  return report.verdict === Verdict.Breaking || report.verdict === Verdict.Acknowledged || newDrift(report) > 0;
}

/**
 * Both bodies the sticky comment may take for this report, or undefined when the report cannot
 * tell (verdict `error`): then the comment must be left as it is, neither updated nor resolved.
 */
export function stickyCommentBodies(
  report: CommentReport,
  key: string,
): { body: string | undefined; resolvedBody: (previous: string) => string } | undefined {
  if (report.verdict === Verdict.Error) return undefined;
  return {
    body: hasSomethingToSay(report) ? renderComment(report, key) : undefined,
    resolvedBody: (previous) => renderResolvedComment(report, key, previous),
  };
}

/**
 * The sticky comment: marker, headline, how to acknowledge, the broken configs, a link to the
 * run. Degrades to fit `limit`: fewer rows with a visible note, then no tables, then the headline.
 */
export function renderComment(report: CommentReport, key: string, limit = COMMENT_LIMIT): string {
  const budget = limit - COMMENT_MARGIN;
  const head = [commentMarker(key), `### ${headline(report)}`].join('\n');
  const paragraphs = verdictParagraphs(report);
  const drift = newDriftParagraph(report);
  if (drift) paragraphs.push(drift);
  const callout = noMigrationCallout(report);
  if (callout) paragraphs.push(callout);
  const broken = brokenSection(report, COMMENT_STYLE);
  const migrations = migrationSection(report, COMMENT_STYLE);
  const releaseNote = report.releaseNote ? releaseNoteDetails(report.releaseNote) : undefined;
  const foot = footer(report);
  const compose = (parts: Array<string | undefined>) => parts.filter((part) => part !== undefined).join('\n\n') + '\n';

  for (const rows of [Infinity, 100, 30, 10, 3, 1]) {
    const text = compose([head, ...paragraphs, broken?.render(rows), migrations?.render(rows), releaseNote, foot]);
    if (text.length <= budget) return text;
  }
  const note = '_The details do not fit in a comment; the job summary lists them._';
  for (const text of [compose([head, ...paragraphs, note, foot]), compose([head, note, foot]), compose([head])]) {
    if (text.length <= budget) return text;
  }
  return `${commentMarker(key)}\n`;
}

/**
 * The short form a sticky comment takes once a later push fixes what it reported. `previous`
 * is the comment's former body: its headline is kept, struck through, as a record.
 */
export function renderResolvedComment(report: CommentReport, key: string, previous?: string): string {
  const at = report.head ? ` (at ${inlineCode(report.head.sha.slice(0, 7))})` : '';
  const lines = [commentMarker(key), RESOLVED_MARK, `### ✅ ${TOOL_NAME}: resolved — the configs this comment reported load again${at}`];
  const before = previous ? previousHeadline(previous) : undefined;
  const parts = [lines.join('\n')];
  if (before) parts.push(`It said: ~~${before}~~`);
  parts.push(footer(report));
  return parts.join('\n\n') + '\n';
}

/** The release note, folded: the author opens it when writing the squash commit. */
function releaseNoteDetails(note: ReleaseNote): string {
  return ['<details><summary>Release note: what users must change, ready to paste</summary>', releaseNoteBlock(note), '</details>'].join('\n\n');
}

function footer(report: CommentReport): string {
  const checked = [
    report.head ? `checked ${inlineCode(report.head.sha.slice(0, 7))}` : 'checked',
    report.base ? `against ${inlineCode(report.base.ref)} at ${inlineCode(report.base.sha.slice(0, 7))}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const run = report.runUrl && /^https?:\/\//.test(report.runUrl) ? ` · [details in the run](${report.runUrl})` : '';
  return `<sub>${TOOL_NAME} ${report.tool.version} ${checked}${run} · this comment is updated on every push</sub>`;
}

function previousHeadline(previous: string): string | undefined {
  const line = previous.split(/\r?\n/).find((text) => text.startsWith('### '));
  const words = line?.slice(4).trim();
  // A headline with tildes of its own would end the strikethrough early.
  return words && !words.includes('~') && words.length <= 300 ? words : undefined;
}

/** Configs of the releases that this PR breaks. */
function newDrift(report: Report): number {
  return newDriftCount(report);
}

/** Most configs of new drift named in the comment; the job summary lists them all. */
const MAX_DRIFT_NAMED = 10;
/** A path named in the comment is cut to this many characters. */
const MAX_PATH_CHARS = 200;

/**
 * New drift of every release, in one paragraph: how many configs of each release this PR
 * breaks, and the first few by name; one that moved since its release by both paths, one with
 * no path today said so.
 */
function newDriftParagraph(report: Report): string | undefined {
  const releases = releaseDrifts(report).filter((release) => release.drift.counts.new > 0);
  const total = newDrift(report);
  if (total === 0) return undefined;
  const of = releases.length
    ? releases.map((release) => `${count(release.drift.counts.new, 'config')} of the release ${inlineCode(release.ref)}`).join(', ')
    : `${count(total, 'config')} of the latest release`;
  const named = releases
    .flatMap((release) => release.drift.configs.filter((config) => config.status === 'new').map((config) => ({ release: release.ref, config })))
    .slice(0, MAX_DRIFT_NAMED)
    .map(({ release, config }) =>
      config.currentPath
        ? `- ${inlineCode(clip(config.path, MAX_PATH_CHARS))} in ${inlineCode(release)}, now ${inlineCode(clip(config.currentPath, MAX_PATH_CHARS))}`
        : `- ${inlineCode(clip(config.path, MAX_PATH_CHARS))} of ${inlineCode(release)}${config.noPathToday ? ', no path today' : ''}`,
    );
  return [
    `**Release drift:** ${of} that ${total === 1 ? 'loads' : 'load'} on the base no longer ${total === 1 ? 'loads' : 'load'} with this PR; the job summary lists them.`,
    ...(named.length ? [named.join('\n')] : []),
  ].join('\n\n');
}
