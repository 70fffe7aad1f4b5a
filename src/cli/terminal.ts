import { readablePointer } from '../reports/markdown.js';
import type { Migration } from '../checks/migration/index.js';
import { ConfigStatus, Verdict } from '../constants.js';
import { releaseDrifts, type Report, type ReportConfig } from '../verdict/report.js';
import { count } from '../reports/markdown.js';
import { visible } from '../reports/safe-text.js';
import { findingText, headline, readablePointers } from '../reports/summary.js';
import { breakWords } from '../verdict/coverage.js';

/** ANSI styles, or none when the output is not a terminal. */
export interface Styles {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Colour on a TTY only; NO_COLOR turns it off and FORCE_COLOR on (no-color.org). */
export function stylesFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Styles {
  const on = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : !env.NO_COLOR && Boolean(stream.isTTY) && env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/**
 * The report for a person at a terminal. Every string from the repository or the loader goes
 * through `visible`: an escape sequence in a path (`ESC[2J`, `ESC]0;…BEL`) is shown, never run,
 * whether or not the output is a terminal (it may be piped to one later).
 */
export function renderTerminal(report: Report, styles: Styles): string {
  const lines: string[] = [];
  const title = headline(report).replace(/`/g, '').replace(/^\S+\s/, '');
  const colour = report.verdict === Verdict.Pass ? styles.green : report.verdict === Verdict.Acknowledged ? styles.yellow : styles.red;
  lines.push(styles.bold(colour(title)));
  if (report.error) {
    lines.push('', `  ${indented(visible(report.error.message, { newlines: true }), 2)}`);
    if (report.error.hint) lines.push(`  ${styles.dim('→')} ${visible(report.error.hint, { newlines: true })}`);
  }
  const section = (status: ConfigStatus, mark: string, label: string, paint: (text: string) => string) => {
    const configs = report.configs.filter((config) => config.status === status);
    if (!configs.length) return;
    lines.push('', styles.bold(label));
    // An already failing config is shown with the base's errors: why it failed before this change.
    for (const config of configs.slice(0, LIST_LIMIT)) {
      const shown = status === ConfigStatus.FailingOnBase && config.baseErrors?.length ? { ...config, errors: config.baseErrors } : config;
      lines.push(...configLines(shown, mark, paint, styles), ...migrationLines(config.migration, Boolean(report.settings?.migrate), styles));
    }
    lines.push(...more(configs.length, styles));
  };
  section(ConfigStatus.Broken, '✗', report.verdict === Verdict.Acknowledged ? 'Broken (acknowledged):' : 'Broken by this change:', report.verdict === Verdict.Acknowledged ? styles.yellow : styles.red);
  section(ConfigStatus.FailingOnBase, '·', 'Already failing on the base (not blamed on this change):', styles.dim);
  section(ConfigStatus.Unreadable, '?', 'Unreadable on every side:', styles.dim);

  for (const release of releaseDrifts(report)) {
    const { counts } = release.drift;
    const tag = visible(release.ref);
    if (counts.configs === 0) {
      const nearest = release.drift.nearest?.length ? ` Nearest paths there: ${release.drift.nearest.map((path) => visible(path)).join(', ')}.` : '';
      lines.push('', styles.bold(`Release ${tag}: no config matches the patterns, at its path or moved since; drift not checked.`) + nearest);
      continue;
    }
    lines.push('', styles.bold(`Release ${tag}: ${counts.new} new, ${counts.existing} existing, ${counts.fixed} fixed drift (of ${count(counts.configs, 'config')}).`));
    const drifted = release.drift.configs.filter((c) => c.status === 'new');
    for (const config of drifted.slice(0, LIST_LIMIT)) {
      const where = config.currentPath
        ? `${visible(config.path)} in ${tag}, now ${visible(config.currentPath)}`
        : config.noPathToday
          ? `${visible(config.path)} in ${tag}, no path today`
          : visible(config.path);
      lines.push(`  ${styles.red('+')} ${where}${config.errors[0] ? styles.dim(`  ${indented(findingText(config.errors[0]), 6)}`) : ''}`);
      lines.push(...migrationLines(config.migration, Boolean(report.settings?.migrate), styles));
    }
    lines.push(...more(drifted.length, styles));
    const gone = release.drift.noPathToday ?? [];
    if (gone.length) {
      lines.push(styles.dim(`  ${count(gone.length, 'config')} of ${tag} ${gone.length === 1 ? 'has' : 'have'} no path the patterns name today (judged at ${gone.length === 1 ? 'its path' : 'their paths'} there):`));
      for (const config of gone.slice(0, LIST_LIMIT)) {
        const why = config.why === 'deleted' ? 'deleted since' : `moved out of the patterns, to ${visible(config.to ?? '')}`;
        lines.push(styles.dim(`    ${visible(config.path)} (${why}; ${config.status === 'ok' ? 'loads' : config.status})`));
      }
      lines.push(...more(gone.length, styles));
    }
  }
  const latent = report.schemaChanges?.latent ?? [];
  if (latent.length) {
    lines.push('', styles.bold('Latent breaking schema changes (no config that loaded on the base shows them; the verdict does not count them):'));
    for (const change of latent.slice(0, LIST_LIMIT)) {
      lines.push(`  ${styles.yellow('!')} ${indented(visible(readablePointers(change.message), { newlines: true }), 4)} ${styles.dim(`(${visible(change.file)}${change.line ? `:${change.line}` : ''})`)}`);
      if (change.shownBy?.length) lines.push(styles.dim(`      shown by configs already failing on the base: ${change.shownBy.map((path) => visible(path)).join(', ')}`));
    }
    lines.push(...more(latent.length, styles));
  }
  if (report.releaseNote) {
    // Made of safe text already (commitText): no escape sequence, no hidden character.
    lines.push('', styles.bold('Release note (paste into the squash commit):'));
    for (const line of report.releaseNote.footer.split('\n')) lines.push(`  ${line}`);
  }
  const reachProblems = report.acknowledgement.acknowledged ? report.acknowledgement.release?.problems ?? [] : [];
  if (reachProblems.length) {
    lines.push('', styles.bold('The acknowledgement will not reach the release (no major release):'));
    for (const problem of reachProblems) {
      lines.push(`  ${styles.yellow('!')} ${problem.tool}${problem.method ? `, ${problem.method} merge` : ''}: ${problem.why}.`, `    ${styles.dim('fix:')} ${problem.fix}.`);
    }
  } else if (report.verdict === Verdict.Breaking && report.acknowledgement.mode === 'file') {
    lines.push('', `Breaks are acknowledged in ${styles.bold(visible(report.acknowledgement.file?.path ?? 'the acknowledgements file'))} (--acknowledge-with file).`);
  } else if (report.verdict === Verdict.Breaking) {
    const label = report.acknowledgement.labels[0];
    lines.push(
      '',
      `If the break is intended, acknowledge it: a title like ${styles.bold('feat!: …')}${label ? `, the label ${styles.bold(visible(label))}` : ''}, or a ${styles.bold('BREAKING CHANGE:')} footer in a commit.`,
    );
  }
  lines.push(...fileLines(report, styles));
  const misses = report.verdict === Verdict.Breaking ? report.acknowledgement.nearMisses ?? [] : [];
  if (misses.length) {
    lines.push('', styles.bold('Not counted, because …'));
    for (const miss of misses) {
      const what = miss.kind === 'commit' ? `commit ${(miss.sha ?? '').slice(0, 7)} "${visible(miss.text)}"` : `${miss.kind} "${visible(miss.text)}"`;
      lines.push(`  ${styles.yellow('~')} ${what}: ${miss.because}; what counts: ${visible(miss.kind === 'label' ? `the label ${miss.fix}` : miss.fix)}`);
    }
  }
  for (const note of report.notes) lines.push(`${styles.yellow('note:')} ${visible(note, { newlines: true })}`);
  const c = report.counts;
  const checked = [
    report.base ? `${count(c.configs, 'config')} from ${visible(report.base.ref)} (${report.base.sha.slice(0, 7)})` : undefined,
    report.schema ? `schema ${visible(report.schema.file)} (${visible(report.schema.draft)})` : undefined,
    report.loader ? `loader \`${visible(report.loader.command)}\` (${count(report.loader.processes, 'process', 'processes')})` : undefined,
    report.suite ? `suite \`${visible(report.suite.command)}\` (${count(report.suite.configs, 'config')}, ${count(report.suite.processes, 'process', 'processes')})` : undefined,
    `${(report.durationMs / 1000).toFixed(1)} s`,
  ].filter(Boolean);
  lines.push('', styles.dim(`Checked ${checked.join(', ')}.`));
  return lines.join('\n') + '\n';
}

/** The acknowledgements file: what it leaves unacknowledged (with entries to paste), expired and stale entries. */
function fileLines(report: Report, styles: Styles): string[] {
  const file = report.acknowledgement.file;
  if (!file || report.verdict === Verdict.Error) return [];
  const lines: string[] = [];
  const path = visible(file.path);
  if (report.verdict === Verdict.Breaking && file.uncovered.length) {
    lines.push('', styles.bold(file.found ? `Not acknowledged by ${path}:` : `No acknowledgements file ${path}: nothing is acknowledged.`));
    for (const broke of file.uncovered.slice(0, LIST_LIMIT)) {
      const why = broke.expiredEntries?.length ? ` (entry ${broke.expiredEntries.join(', ')} expired)` : broke.newSinceAcknowledgement ? ' (new since the acknowledgement)' : '';
      lines.push(`  ${styles.red('✗')} ${broke.fingerprint} ${visible(broke.configPath)}: ${visible(breakWords(broke, readablePointer))}${why}`);
    }
    lines.push(...more(file.uncovered.length, styles));
    if (file.suggestion) {
      lines.push('', styles.bold(`If intended, add to ${path} (replace each TODO reason):`));
      for (const line of file.suggestion.split('\n')) lines.push(`  ${visible(line)}`);
    }
  }
  if (report.verdict === Verdict.Acknowledged && file.covered) {
    lines.push('', styles.bold(`Acknowledged by ${path}:`));
    for (const entry of file.entries.filter((candidate) => candidate.state === 'used').slice(0, LIST_LIMIT)) lines.push(`  ${styles.yellow('✓')} entry ${entry.number}: ${visible(entry.reason)}`);
  }
  for (const entry of file.entries.filter((candidate) => candidate.state === 'expired')) {
    lines.push(`${styles.yellow('expired:')} ${path} entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ''} expired after ${visible(entry.expires ?? '')}: it acknowledges nothing.`);
  }
  for (const entry of file.entries.filter((candidate) => candidate.state === 'stale')) {
    lines.push(`${styles.yellow('stale:')} ${path} entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ''} matches no break any more: remove it.`);
  }
  return lines;
}

/** How many items a list shows in the terminal; --json has them all. */
export const LIST_LIMIT = 20;

/** "… and N more (see --json)" under a list cut at LIST_LIMIT. */
function more(total: number, styles: Styles): string[] {
  return total > LIST_LIMIT ? [styles.dim(`  … and ${total - LIST_LIMIT} more (see --json)`)] : [];
}

/** Continuation lines of a multi-line text, indented under its first line. */
function indented(text: string, spaces: number): string {
  return text.split('\n').join(`\n${' '.repeat(spaces)}`);
}

/**
 * A broken config's migration: that it migrates, each suggested change, or why there is none
 * (when a `migrate` command ran: without one, most breaks have none and saying so is noise).
 */
function migrationLines(migration: Migration | undefined, commandRan: boolean, styles: Styles): string[] {
  if (!migration) return [];
  switch (migration.status) {
    case 'migrates':
      return [
        `      ${styles.green('migrates')} ${styles.dim('with the migrate command (--json has the diff)')}`,
        ...(migration.message ? [styles.dim(`      ${visible(migration.message)}`)] : []),
      ];
    case 'no-migration':
      return commandRan ? [`      ${styles.red('no migration:')} ${indented(visible(migration.message ?? '', { newlines: true }), 8)}`] : [];
    case 'suggested':
      return [
        ...(migration.suggestions ?? []).slice(0, 3).map((suggestion) => `      ${styles.yellow('suggested:')} ${visible(readablePointers(suggestion.text))}`),
        ...((migration.suggestions?.length ?? 0) > 3 ? [styles.dim(`      …and ${migration.suggestions!.length - 3} more suggestions`)] : []),
        ...(migration.message ? [styles.dim(`      ${visible(migration.message)}`)] : []),
      ];
  }
}

function configLines(config: ReportConfig, mark: string, paint: (text: string) => string, styles: Styles): string[] {
  const first = config.errors[0];
  const where = first?.line ? `:${first.line}${first.column ? `:${first.column}` : ''}` : '';
  const out = [`  ${paint(mark)} ${visible(config.path)}${styles.dim(where)}`];
  for (const finding of config.errors.slice(0, 3)) out.push(`      ${indented(findingText(finding), 8)}`);
  if (config.errors.length > 3) out.push(styles.dim(`      …and ${config.errors.length - 3} more`));
  for (const cause of config.causes ?? []) out.push(styles.dim(`      schema change: ${indented(visible(readablePointers(cause), { newlines: true }), 8)}`));
  for (const broke of config.breaks ?? []) out.push(styles.dim(`      fingerprint ${broke.fingerprint} (${visible(breakWords(broke, readablePointer))})`));
  return out;
}
