import { ConfigStatus, TOOL_NAME, Verdict } from '../constants.js';
import type { Finding } from '../checks/evaluate.js';
import { breakingLayers } from '../checks/judge.js';
import { describeSkipped, type SkippedKind } from '../configs/collect.js';
import { suggestedTitle } from '../verdict/acknowledgement.js';
import { cell, clip, codeBlock, codeLink, count, fileLink, inlineCode, readablePointer, readablePointers, table } from './markdown.js';

export { readablePointer, readablePointers } from './markdown.js';
import { releaseDrifts, type Report, type ReportConfig, type ReportDrift, type ReportReleaseDrift, type ReportSchemaChange } from '../verdict/report.js';
import { releaseNoteBlock } from './release-note.js';
import { migrationSection, noMigrationCallout } from './migrations.js';
import { entriesUsedWords, entryStateParagraphs, fileHelp, fingerprintCell, uncoveredParagraphs } from './acknowledgements.js';
import type { RefTarget } from '../refs/base.js';
import { markdownText, visible } from './safe-text.js';

/**
 * GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted, supports
 * content up to a size of 1024k"). Keep a margin for other steps' summaries in the job.
 */
export const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;

const MESSAGE_CHARS = 300;

const HEADLINE_ICON: Record<Report['verdict'], string> = {
  [Verdict.Pass]: '✅',
  [Verdict.Acknowledged]: '⚠️',
  [Verdict.Breaking]: '❌',
  [Verdict.Error]: '🛑',
};

/** The verdict in one line: the first line of the summary and of the comment. */
export function headline(report: Report): string {
  const icon = HEADLINE_ICON[report.verdict];
  const { broken } = report.counts;
  const base = report.base ? ` from ${inlineCode(report.base.ref)}` : '';
  switch (report.verdict) {
    case Verdict.Pass:
      if (report.counts.configs === 0 && report.firstConfigs) return `${icon} ${TOOL_NAME}: pass — no config${base} yet; this PR adds the first ${count(report.firstConfigs, 'config')}`;
      return `${icon} ${TOOL_NAME}: pass — ${passWords(report.counts, base)}`;
    case Verdict.Acknowledged:
      return `${icon} ${TOOL_NAME}: acknowledged — this PR breaks ${count(broken, 'config')}${base}, and says so`;
    case Verdict.Breaking:
      return `${icon} ${TOOL_NAME}: breaking — ${count(broken, 'config')}${base} no longer ${broken === 1 ? 'loads' : 'load'} with this PR`;
    case Verdict.Error:
      return `${icon} ${TOOL_NAME}: error — the gate could not decide`;
  }
}

/** "all 42 configs from `main` still load" only when all of them loaded on the base. */
function passWords(counts: Report['counts'], base: string): string {
  const { configs, ok } = counts;
  if (configs === 0) return 'no config to check';
  if (ok === configs) return configs === 1 ? `1 config${base} still loads` : `all ${count(configs, 'config')}${base} still load`;
  if (ok === 0) return `none of the ${count(configs, 'config')}${base} loaded there, so none can break`;
  return `the ${ok} of ${count(configs, 'config')}${base} that loaded there still ${ok === 1 ? 'loads' : 'load'}`;
}

/** How to acknowledge an intended break: the exact title form, the label, the footer. */
export function acknowledgeHelp(report: Report): string {
  const title = report.pullRequest?.title?.trim();
  const example = title ? suggestedTitle(title) : 'feat!: describe the change';
  const labels = report.acknowledgement.labels;
  return [
    'If the break is intended, acknowledge it in one of these ways and the check passes with a warning:',
    `- mark the PR title as breaking: ${inlineCode(example)} (any type or scope, \`!\` right before \`:\`);`,
    labels.length ? `- add the label ${labels.map((label) => inlineCode(label)).join(' or ')};` : undefined,
    '- or add a `BREAKING CHANGE: <what users must change>` footer to one of the PR\'s commits.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** One finding as markdown: layer, where, and the message. */
export function describeFinding(finding: Finding): string {
  return findingWords(finding, inlineCode, (message) => cell(clip(message, MESSAGE_CHARS)));
}

/** One finding as plain text, for annotations and terminals: hidden characters shown escaped. */
export function findingText(finding: Finding): string {
  return findingWords(finding, (pointer) => visible(pointer), (message) => visible(clip(message, MESSAGE_CHARS), { newlines: true }));
}

function findingWords(finding: Finding, pointer: (text: string) => string, message: (text: string) => string): string {
  const where = [
    finding.document !== undefined ? `document ${finding.document + 1}` : undefined,
    finding.pointer ? pointer(readablePointer(finding.pointer)) : undefined,
  ].filter(Boolean);
  return `${finding.layer}${where.length ? ` at ${where.join(' ')}` : ''}: ${message(finding.message)}`;
}

function configRow(report: Report, config: ReportConfig, findings: Finding[]): string[] {
  const first = findings[0];
  const sha = report.base?.sha;
  const link = sha ? fileLink(report, sha, config.path, first?.line) : undefined;
  const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
  const cause = config.status === 'broken' && config.causes?.length ? `<br>schema change: ${cell(clip(readablePointers(config.causes[0]!), MESSAGE_CHARS))}` : '';
  return [codeLink(config.path, link), first?.line ? `${first.line}` : '', first ? describeFinding(first) + more + cause : ''];
}

/** A part of a rendered report that can show fewer rows to fit a size limit. */
export interface Section {
  /** Markdown of the section, given how many rows it may show (Infinity: all). */
  render(rows: number): string;
  rows: number;
}

/** Where a config table is shown: its heading level, and what the note says when rows are cut. */
export interface SectionStyle {
  heading: string;
  /** Ends the cut note: why rows are missing and where to see them all. */
  cutReason: string;
}

const SUMMARY_STYLE: SectionStyle = {
  heading: '###',
  cutReason: 'the summary is limited in size; the JSON report lists all',
};

/**
 * A section around a table that shows fewer rows on demand, with a visible note of how many
 * were left out: what every table of the summary and the comment is made of.
 */
function tableSection<T>(
  heading: string,
  intro: string | undefined,
  header: string[],
  items: readonly T[],
  row: (item: T) => string[],
  noun: string,
  style: SectionStyle,
): Section {
  return {
    rows: items.length,
    render(limit) {
      const shown = items.slice(0, limit);
      const cut = items.length - shown.length;
      return [
        `${style.heading} ${heading}`,
        intro,
        table(header, shown.map(row)),
        cut > 0 ? `\n_…and ${count(cut, `more ${noun}`)} (not shown: ${style.cutReason})._` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('\n\n');
    },
  };
}

/** A table of configs with their first errors, which shows fewer rows on demand with a note. */
export function configSection(
  report: Report,
  heading: string,
  intro: string | undefined,
  configs: ReportConfig[],
  pick: (c: ReportConfig) => Finding[],
  style: SectionStyle = SUMMARY_STYLE,
): Section {
  return tableSection(heading, intro, ['Config', 'Line', 'First error'], configs, (config) => configRow(report, config, pick(config)), 'config', style);
}

/** The table of configs this PR breaks, or undefined when it breaks none. */
export function brokenSection(report: Report, style: SectionStyle = SUMMARY_STYLE): Section | undefined {
  const broken = report.configs.filter((config) => config.status === ConfigStatus.Broken);
  if (!broken.length) return undefined;
  const heading = report.verdict === Verdict.Acknowledged ? 'Broken configs (acknowledged)' : 'Broken configs';
  // Reports of version 1 have no fingerprints: their table keeps its three columns.
  if (!broken.some((config) => config.breaks?.length)) return configSection(report, heading, undefined, broken, (c) => c.errors, style);
  return tableSection(
    heading,
    undefined,
    ['Config', 'Line', 'First error', 'Fingerprint'],
    broken,
    (config) => [...configRow(report, config, config.errors), fingerprintCell(report, config.breaks)],
    'config',
    style,
  );
}

/** The paragraphs under the headline that say what the verdict means and what to do next. */
export function verdictParagraphs(report: Report): string[] {
  const paragraphs: string[] = [];
  if (report.error) {
    paragraphs.push(`**What went wrong:** ${markdownText(report.error.message)}${report.error.hint ? `\n\n**What to do:** ${markdownText(report.error.hint)}` : ''}`);
    paragraphs.push('This is a failure of the gate itself, not a judgement of the PR: fix the cause and re-run the check.');
  }
  const reach = report.acknowledgement.release;
  const reachProblems = reach?.problems ?? [];
  if (report.verdict === Verdict.Breaking) {
    paragraphs.push('This pull request changes how configs are loaded so that configs users already have stop loading.');
    if (report.acknowledgement.acknowledged && reach?.required && reachProblems.length) {
      paragraphs.push(
        `The PR acknowledges the break (by ${describeReasons(report)}), but the release will not: \`ack-must-reach-release\` is set, so this fails until the acknowledgement reaches the release.\n${reachProblemList(report)}`,
      );
    } else if (report.acknowledgement.mode === 'file') {
      paragraphs.push(fileHelp(report)!);
    } else {
      paragraphs.push(acknowledgeHelp(report));
      const either = fileHelp(report);
      if (either) paragraphs.push(either);
    }
    paragraphs.push(...uncoveredParagraphs(report));
  }
  if (report.verdict === Verdict.Acknowledged) {
    paragraphs.push(`The break is acknowledged by ${describeReasons(report)}. Users of these configs must change them: say how in the release notes.`);
    if (reachProblems.length) {
      paragraphs.push(
        `**The release will not show this break:** the acknowledgement does not reach the release tool, so it will not cut a major release.\n${reachProblemList(report)}\n\n_Set \`ack-must-reach-release: true\` to fail the check on this._`,
      );
    }
  }
  if (report.verdict !== Verdict.Error) paragraphs.push(...entryStateParagraphs(report));
  const misses = nearMissesWorthNoting(report);
  if (misses.length) paragraphs.push(nearMissList(misses));
  return paragraphs;
}

const NEAR_MISSES_SHOWN = 5;

/**
 * The near misses a reader needs: all of them when the verdict is breaking (one of them was
 * probably meant), and for an acknowledged break those of the title (what a squash merge takes)
 * or any when the acknowledgement does not reach the release.
 */
function nearMissesWorthNoting(report: Report): NonNullable<Report['acknowledgement']['nearMisses']> {
  const misses = report.acknowledgement.nearMisses ?? [];
  if (report.verdict === Verdict.Breaking) return misses;
  if (report.verdict !== Verdict.Acknowledged) return [];
  if (report.acknowledgement.release?.problems.length) return misses;
  const titleCounts = report.acknowledgement.reasons.some((reason) => reason.kind === 'title');
  return titleCounts ? [] : misses.filter((miss) => miss.kind === 'title');
}

/** "Not counted, because …": each near miss, why, and the form that counts. */
function nearMissList(misses: NonNullable<Report['acknowledgement']['nearMisses']>): string {
  const lines = misses.slice(0, NEAR_MISSES_SHOWN).map((miss) => {
    const what =
      miss.kind === 'title'
        ? `the title ${inlineCode(clip(miss.text, 100))}`
        : miss.kind === 'commit'
          ? `commit ${(miss.sha ?? '').slice(0, 7)} ${inlineCode(clip(miss.text, 100))}`
          : `the label ${inlineCode(miss.text)}`;
    const counts = miss.kind === 'label' ? `the label ${inlineCode(miss.fix)}` : inlineCode(clip(miss.fix, 100));
    return `- ${what}: ${miss.because}; what counts: ${counts}`;
  });
  if (misses.length > NEAR_MISSES_SHOWN) lines.push(`- and ${misses.length - NEAR_MISSES_SHOWN} more (the JSON report lists all)`);
  return ['**Not counted, because …**', ...lines].join('\n');
}

/** Each release tool and merge method the acknowledgement does not reach, why, and the fix. */
function reachProblemList(report: Report): string {
  const reach = report.acknowledgement.release;
  if (!reach) return '';
  const lines = reach.problems.map(
    (problem) => `- ${problem.tool}${problem.method ? `, ${MERGE_WORDS[problem.method]}` : ''}: ${problem.why}. **Fix:** ${problem.fix}.`,
  );
  if (reach.merge.source === 'default' && reach.problems.some((problem) => problem.method)) {
    lines.push('- (merge settings not read: a squash merge with GitHub\'s defaults was assumed)');
  }
  return lines.join('\n');
}

const MERGE_WORDS: Record<string, string> = { squash: 'squash merge', merge: 'merge commit', rebase: 'rebase merge' };

/**
 * The job summary. Degrades in steps to fit `limit`: fewer rows per table, with a visible
 * note, never cutting through markup.
 */
export function renderSummary(report: Report, limit = SUMMARY_LIMIT): string {
  const byStatus = (status: ConfigStatus) => report.configs.filter((config) => config.status === status);
  const callout = noMigrationCallout(report);
  const head: string[] = [`## ${headline(report)}`, ...verdictParagraphs(report), ...(callout ? [callout] : [])];

  const sections: Section[] = [];
  const broken = brokenSection(report);
  if (broken) sections.push(broken);
  const migrations = migrationSection(report, SUMMARY_STYLE);
  if (migrations) sections.push(migrations);
  const failingOnBase = byStatus(ConfigStatus.FailingOnBase);
  if (failingOnBase.length) {
    sections.push(
      configSection(
        report,
        'Already failing on the base',
        'These did not load before this PR either, so they are not blamed on it.',
        failingOnBase,
        // The base's error: why it failed before this PR (SPEC: each layer judged on its own).
        (c) => (c.baseErrors?.length ? c.baseErrors : c.errors),
      ),
    );
  }
  const unreadable = byStatus(ConfigStatus.Unreadable);
  if (unreadable.length) {
    sections.push(configSection(report, 'Unreadable configs', 'These cannot be parsed at all; they fail on every side and are not blamed on this PR.', unreadable, (c) => c.errors));
  }

  sections.push(...driftSections(report));
  const suite = suiteSection(report);
  if (suite) sections.push(suite);
  sections.push(...schemaChangeSections(report));
  if (report.releaseNote) {
    const block = `### Release note\n\n${releaseNoteBlock(report.releaseNote)}`;
    sections.push({ rows: 1, render: (rows) => (rows > 0 ? block : '### Release note\n\n_Not shown: the summary is limited in size; the JSON report and the `release-note` output hold it._') });
  }

  const tail = [checkedSection(report), notesSection(report)].filter(Boolean).join('\n\n');
  const compose = (rows: number) => [...head, ...sections.map((section) => section.render(rows)), tail].join('\n\n') + '\n';

  // Degrade: all rows, then fewer and fewer, then headings only.
  for (const rows of [Infinity, 1000, 300, 100, 30, 10, 0]) {
    const text = compose(rows);
    if (Buffer.byteLength(text) <= limit) return text;
  }
  const minimal = [...head, '_The details do not fit in a job summary; the JSON report lists them._'].join('\n\n') + '\n';
  return Buffer.byteLength(minimal) <= limit ? minimal : `## ${headline(report)}\n`;
}

/**
 * The breaking schema changes with the configs each broke, then the latent ones: breaking,
 * but no config shows it (they never change the verdict).
 */
function schemaChangeSections(report: Report): Section[] {
  const changes = report.schemaChanges;
  if (!changes) return [];
  const at = (change: ReportSchemaChange) => {
    const url = report.head ? fileLink(report, report.head.sha, change.file, change.line) : undefined;
    return codeLink(`${change.file}${change.line ? `:${change.line}` : ''}`, url);
  };
  const sections: Section[] = [];
  if (changes.breaking.length) {
    sections.push(
      tableSection(
        'Schema changes behind the breaks',
        'Each breaking change of the schema, and the configs whose errors fall under it.',
        ['Change', 'Where', 'Configs it breaks'],
        changes.breaking,
        (change) => [cell(clip(readablePointers(change.message), MESSAGE_CHARS)), at(change), configList(change.configs)],
        'change',
        SUMMARY_STYLE,
      ),
    );
  }
  if (changes.latent.length) {
    const shown = changes.latent.some((change) => change.shownBy?.length);
    sections.push(
      tableSection(
        'Latent breaking changes',
        shown
          ? 'Data that was valid before can be invalid after these changes. No config that loaded on the base shows them; configs already failing on the base that do are named (they are not counted). They do not change the verdict: add a config that uses the old form, or say in the release notes what users must change.'
          : 'Data that was valid before can be invalid after these changes, though no config in the repository shows it. They do not change the verdict: add a config that uses the old form, or say in the release notes what users must change.',
        shown ? ['Change', 'Where', 'Rule', 'Shown by (already failing)'] : ['Change', 'Where', 'Rule'],
        changes.latent,
        (change) => [
          cell(clip(readablePointers(change.message), MESSAGE_CHARS)),
          at(change),
          inlineCode(change.rule),
          ...(shown ? [change.shownBy?.length ? configList(change.shownBy) : ''] : []),
        ],
        'change',
        SUMMARY_STYLE,
      ),
    );
  }
  return sections;
}

/** Paths as code, comma-separated, as many as fit in a cell's worth of characters. */
function configList(paths: readonly string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const path of paths) {
    const item = inlineCode(path);
    if (shown.length && length + item.length > MESSAGE_CHARS) break;
    shown.push(item);
    length += item.length + 2;
  }
  const more = paths.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

const DRIFT_WORDS: Record<ReportDrift['status'], string> = {
  new: '🆕 new: this PR breaks it',
  existing: 'existing: already failing on the base',
  fixed: '✅ fixed by this PR',
  unreadable: 'unreadable',
};

/**
 * Release drift, one table a release: which of its configs fail on the PR, and whose doing it
 * is. A config that moved since the release shows its path there and its path now.
 */
function driftSections(report: Report): Section[] {
  const releases = releaseDrifts(report);
  return releases.map((release) => driftSection(report, release, releases.length > 1));
}

function driftSection(report: Report, release: RefTarget & { drift: ReportReleaseDrift }, several: boolean): Section {
  const { counts, configs } = release.drift;
  const heading = several ? `Release drift: ${inlineCode(release.ref)}` : 'Release drift';
  const order: Record<ReportDrift['status'], number> = { new: 0, existing: 1, fixed: 2, unreadable: 3 };
  const sorted = [...configs].sort((a, b) => order[a.status] - order[b.status] || (a.path < b.path ? -1 : 1));
  const moved = configs.filter((config) => config.currentPath).length;
  const intro = [
    counts.configs === 0
      ? `No config of the release ${inlineCode(release.ref)} (${release.sha.slice(0, 12)}) matches the \`configs\` patterns, at its path or moved there since: drift of this release was not checked.${
          release.drift.nearest?.length ? ` The nearest paths it has: ${release.drift.nearest.map((path) => inlineCode(path)).join(', ')}.` : ''
        }`
      : `Configs of the release ${inlineCode(release.ref)} (${release.sha.slice(0, 12)}): ${counts.configs} checked, ${counts.ok} load, **${counts.new} new**, ${counts.existing} existing, ${counts.fixed} fixed${counts.unreadable ? `, ${counts.unreadable} unreadable` : ''}.`,
    moved > 0 ? `${count(moved, 'config')} of those shown moved since the release: each is named by its path there and its path now.` : undefined,
    noPathTodaySentence(release.drift),
    counts.new > 0
      ? release.drift.failOnDrift
        ? 'Users of this release lose configs with this PR, and `fail-on-drift` is set: new drift fails the check.'
        : 'Users of this release lose configs with this PR (informational: set `fail-on-drift: true` to fail on it).'
      : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  if (sorted.length === 0) return { rows: 0, render: () => [`### ${heading}`, intro].join('\n\n') };
  const row = (config: ReportDrift) => {
    const findings = config.status === 'fixed' ? config.baseErrors ?? [] : config.errors;
    const first = findings[0];
    const link = codeLink(config.path, fileLink(report, release.sha, config.path, first?.line));
    return [
      config.currentPath
        ? `${link} in ${inlineCode(release.ref)}, now ${inlineCode(config.currentPath)}`
        : config.noPathToday
          ? `${link} in ${inlineCode(release.ref)}, ${config.noPathToday.why === 'deleted' ? 'no path today' : `now ${inlineCode(config.noPathToday.to ?? '')}, outside the globs`}`
          : link,
      DRIFT_WORDS[config.status] + (config.breaks?.length ? `<br>${fingerprintCell(report, config.breaks)}` : ''),
      first ? `${config.status === 'fixed' ? 'was: ' : ''}${describeFinding(first)}` : '',
    ];
  };
  return tableSection(heading, intro, ['Config', 'Drift', 'First error'], sorted, row, 'config', SUMMARY_STYLE);
}

/** Most output blocks of the suite shown: each can be a few kilobytes. */
const SUITE_BLOCKS = 10;

/**
 * What the integration suite said about the configs it rejects on the PR: the tests the PR broke
 * with their messages and, without blaming, how many failed on the base too; or, for a suite
 * judged by its exit code, the tail of its output, collapsed.
 */
function suiteSection(report: Report): Section | undefined {
  const entries: Array<{ label: string; findings: Finding[]; layers?: ReportConfig['layers'] }> = [];
  const withSuite = (findings: Finding[]) => findings.filter((finding) => finding.layer === 'suite');
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken && config.status !== ConfigStatus.FailingOnBase) continue;
    const findings = withSuite(config.errors);
    const suiteBroke = config.layers?.suite ? breakingLayers({ suite: config.layers.suite }).length > 0 : false;
    const label = `${inlineCode(config.path)}${suiteBroke ? '' : config.status === ConfigStatus.Broken ? ' (the suite failed on the base too; another layer broke it)' : ' (already failing on the base)'}`;
    if (findings.length) entries.push({ label, findings, ...(config.layers ? { layers: config.layers } : {}) });
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== 'new') continue;
      const findings = withSuite(config.errors);
      if (findings.length) entries.push({ label: `${inlineCode(config.path)} of ${inlineCode(release.ref)}`, findings, ...(config.layers ? { layers: config.layers } : {}) });
    }
  }
  if (entries.length === 0) return undefined;
  const describe = (entry: (typeof entries)[number]) => {
    const suite = entry.layers?.suite;
    const tests = entry.findings.filter((finding) => finding.test !== undefined);
    const newFailures = suite?.newFailureCount ?? suite?.newFailures?.length ?? 0;
    const facts = [
      newFailures ? `${count(newFailures, 'test')} that did not fail on the base fail${newFailures === 1 ? 's' : ''} with this PR` : '',
      suite?.notRun ? `${count(suite.notRun, 'test')} that passed on the base did not run with this PR` : '',
      suite?.failedOnBoth ? `${count(suite.failedOnBoth, 'test')} failed on the base too (not this PR's doing)` : '',
    ].filter(Boolean);
    if (tests.length) {
      const lines = tests.map((finding) => `- ${cell(clip(finding.message, 300))}`);
      const others = entry.findings.length - tests.length;
      return [
        `**${entry.label}**: ${facts.length ? facts.join('; ') : 'the suite fails'}.`,
        ...lines,
        ...(others > 0 ? [`- …${cell(entry.findings[entry.findings.length - 1]!.message)}`] : []),
      ].join('\n');
    }
    const finding = entry.findings[0]!;
    const output = finding.output ? `\n\n<details><summary>Last lines of its output</summary>\n\n${codeBlock(finding.output)}\n\n</details>` : '';
    return `**${entry.label}**: ${cell(clip(finding.message, 600))}${facts.length ? ` ${cell(facts.join('; '))}.` : ''}${output}`;
  };
  return {
    rows: entries.length,
    render(limit) {
      const shown = entries.slice(0, Math.min(limit, SUITE_BLOCKS));
      const cut = entries.length - shown.length;
      return [
        '### Integration suite',
        ...shown.map(describe),
        ...(cut > 0 ? [`_…and ${count(cut, 'more config')} (not shown: the JSON report lists all)._`] : []),
      ].join('\n\n');
    },
  };
}

/** Most configs with no path today named in a release's intro; the table and the report have them all. */
const MAX_NO_PATH_NAMED = 5;

/**
 * The release's configs that have no path the globs name today, whatever their drift: users
 * still hold them, so they were judged at their path in the release, and the reader is told.
 */
function noPathTodaySentence(drift: ReportReleaseDrift): string | undefined {
  const gone = drift.noPathToday ?? [];
  if (gone.length === 0) return undefined;
  const named = gone
    .slice(0, MAX_NO_PATH_NAMED)
    .map((config) => `${inlineCode(config.path)} (${config.why === 'deleted' ? 'deleted since' : `moved out of the globs, to ${inlineCode(config.to ?? '')}`}; ${config.status === 'ok' ? 'loads' : config.status})`)
    .join(', ');
  const more = gone.length - MAX_NO_PATH_NAMED;
  return `${count(gone.length, 'config')} of the release ${gone.length === 1 ? 'has' : 'have'} no path the \`configs\` globs name today, and ${gone.length === 1 ? 'was' : 'were'} judged at ${gone.length === 1 ? 'its path' : 'their paths'} in the release: ${named}${more > 0 ? `, and ${more} more (see the report)` : ''}.`;
}

function describeReasons(report: Report): string {
  const reasons = report.acknowledgement.reasons.map((reason) => {
    switch (reason.kind) {
      case 'title':
        return `the PR title ${inlineCode(reason.title)}`;
      case 'label':
        return `the label ${inlineCode(reason.label)}`;
      case 'commit':
        return `commit ${reason.sha.slice(0, 7)} (${inlineCode(clip(reason.text, 80))})`;
    }
  });
  const file = entriesUsedWords(report);
  if (file) reasons.push(file);
  return reasons.length ? reasons.join(', ') : 'the PR';
}

/** What the skipped paths are, in words; paths from reports of older versions have no kind. */
function skippedKinds(skipped: Report['skipped']): string {
  const known = skipped.filter((path): path is typeof path & { kind: SkippedKind } => path.kind !== undefined);
  const unknown = skipped.length - known.length;
  return [describeSkipped(known), unknown > 0 ? count(unknown, 'other path', 'other paths') : ''].filter(Boolean).join(', ');
}

function checkedSection(report: Report): string {
  const rows: string[][] = [];
  if (report.base) rows.push(['Base', `${inlineCode(report.base.ref)} at ${report.base.sha.slice(0, 12)}`]);
  const releases = releaseDrifts(report);
  if (releases.length > 1) rows.push(['Releases', releases.map((release) => `${inlineCode(release.ref)} at ${release.sha.slice(0, 12)}`).join(', ')]);
  else if (report.release) rows.push(['Release', `${inlineCode(report.release.ref)} at ${report.release.sha.slice(0, 12)}`]);
  if (report.head) rows.push(['Pull request', `${report.pullRequest?.number ? `#${report.pullRequest.number} ` : ''}at ${report.head.sha.slice(0, 12)}`]);
  const c = report.counts;
  if (report.base) {
    rows.push([
      'Configs',
      `${c.configs} checked: ${c.ok} load, ${c.broken} broken, ${c.failingOnBase} already failing, ${c.unreadable} unreadable${c.skipped ? `; ${c.skipped} skipped (${skippedKinds(report.skipped)})` : ''}`,
    ]);
  }
  if (report.schema) {
    const origin = report.schema.newInPr ? '; new in this PR' : report.schema.baseFile ? `; on the base: ${inlineCode(report.schema.baseFile)}` : '';
    rows.push(['Schema', `${inlineCode(report.schema.file)} (${report.schema.draft}${report.schema.files.length > 1 ? `, ${count(report.schema.files.length, 'file')}` : ''}${origin})`]);
  }
  if (report.loader) rows.push(['Loader', `${inlineCode(report.loader.command)} (${count(report.loader.processes, 'process', 'processes')})`]);
  if (report.settings?.migrate) rows.push(['Migrate', inlineCode(report.settings.migrate)]);
  if (report.suite) {
    const { command, configs, processes, durationMs } = report.suite;
    rows.push(['Suite', `${inlineCode(command)}: ${count(configs, 'config')}, ${count(processes, 'process', 'processes')} one at a time, ${(durationMs / 1000).toFixed(1)} s`]);
  }
  const s = report.acknowledgement.sources;
  if (report.pullRequest) rows.push(['PR data', `title from ${s.title}, labels from ${s.labels}, commits from ${s.commits}`]);
  if (report.shard) rows.push(['Shard', `${report.shard.index} of ${report.shard.total}: a partial report; the job with \`merge-reports\` decides the check`]);
  if (report.shards) rows.push(['Shards', `merged from ${report.shards} partial reports`]);
  rows.push(['Time', `${(report.durationMs / 1000).toFixed(1)} s`]);
  return ['### What was checked', table(['', ''], rows)].join('\n\n');
}

function notesSection(report: Report): string | undefined {
  if (!report.notes.length) return undefined;
  // Notes are in the job summary only: `PR #31` may stay a link there.
  return ['### Notes', ...report.notes.map((note) => `- ${markdownText(note.replace(/\r?\n/g, ' '), { references: false })}`)].join('\n');
}
