import type { Migration, Suggestion } from '../checks/migration/index.js';
import { ConfigStatus, DriftStatus } from '../constants.js';
import { cell, clip, codeBlock, codeLink, count, fileLink, inlineCode, readablePointers, table } from './markdown.js';
import { releaseDrifts, type Report } from '../verdict/report.js';
import { markdownText, visible } from './safe-text.js';

/** A broken config of one old ref with its migration, as the summary and the comment show it. */
export interface MigrationEntry {
  path: string;
  /** The old ref's name and sha. */
  ref: string;
  sha: string;
  migration: Migration;
}

const ORDER: Record<Migration['status'], number> = { 'no-migration': 0, suggested: 1, migrates: 2 };
const MESSAGE_CHARS = 300;

/**
 * Every broken config with a migration: the base's broken configs, then each release's new
 * drift; those without a migration first (they are what users cannot get out of), then the
 * suggested ones, then those that migrate.
 */
export function migrationEntries(report: Report): MigrationEntry[] {
  const entries: MigrationEntry[] = [];
  if (report.base) {
    for (const config of report.configs) {
      if (config.status === ConfigStatus.Broken && config.migration) entries.push({ path: config.path, ref: report.base.ref, sha: report.base.sha, migration: config.migration });
    }
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status === DriftStatus.New && config.migration) entries.push({ path: config.path, ref: release.ref, sha: release.sha, migration: config.migration });
    }
  }
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => ORDER[a.entry.migration.status] - ORDER[b.entry.migration.status] || a.index - b.index).map(({ entry }) => entry);
}

/** Whether the report has migrations worth a section: a `migrate` command ran, or something is suggested. */
function worthShowing(report: Report, entries: readonly MigrationEntry[]): boolean {
  return Boolean(report.settings?.migrate) || entries.some((entry) => entry.migration.status !== 'no-migration');
}

/** Most configs the callout names; the Migrations section lists them all. */
const CALLOUT_PATHS = 5;

/**
 * One paragraph, put before every table, naming the breaks with no migration when a `migrate`
 * command ran: what users of those configs cannot get out of. Undefined when there are none.
 */
export function noMigrationCallout(report: Report): string | undefined {
  if (!report.settings?.migrate) return undefined;
  const none = migrationEntries(report).filter((entry) => entry.migration.status === 'no-migration');
  if (none.length === 0) return undefined;
  const named = none.slice(0, CALLOUT_PATHS).map((entry) => `${inlineCode(entry.path)} of ${inlineCode(entry.ref)}`);
  const more = none.length > named.length ? `, and ${none.length - named.length} more` : '';
  return `**${count(none.length, 'break has', 'breaks have')} no migration:** ${named.join(', ')}${more}. The \`migrate\` command does not upgrade ${none.length === 1 ? 'it' : 'them'} to a config the PR's code loads; see Migrations below for why.`;
}

/** The parts of a rendered section this file needs (summary.ts's Section and SectionStyle). */
interface Style {
  heading: string;
  cutReason: string;
}

/**
 * The migration of every broken config: a table (no migration first, with why), then, folded,
 * the diff of each config the `migrate` command upgrades and the suggested changes of each
 * config. Shows fewer configs on demand, with a visible note; undefined when there is nothing
 * to show.
 */
export function migrationSection(report: Report, style: Style): { rows: number; render(rows: number): string } | undefined {
  const entries = migrationEntries(report);
  if (entries.length === 0 || !worthShowing(report, entries)) return undefined;
  const none = entries.filter((entry) => entry.migration.status === 'no-migration').length;
  const migrates = entries.filter((entry) => entry.migration.status === 'migrates').length;
  const suggested = entries.filter((entry) => entry.migration.status === 'suggested').length;
  const command = report.settings?.migrate;
  const intro = [
    none > 0 ? `**${count(none, 'break has', 'breaks have')} no migration** (listed first): users of ${none === 1 ? 'that config' : 'those configs'} have no way to upgrade it.` : undefined,
    command ? `The \`migrate\` command ${inlineCode(command)} upgrades ${migrates} of ${count(entries.length, 'broken config')} so that the PR's code loads ${migrates === 1 ? 'it' : 'them'}.` : undefined,
    suggested > 0 ? `For ${count(suggested, 'config')} the schema diff calls for mechanical changes, suggested below.` : undefined,
    'Migrations never change the verdict.',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    rows: entries.length,
    render(limit) {
      const shown = entries.slice(0, limit);
      const cut = entries.length - shown.length;
      const rows = shown.map((entry) => [codeLink(entry.path, fileLink(report, entry.sha, entry.path)), inlineCode(entry.ref), statusWords(entry.migration)]);
      const details = shown.map((entry) => detailsOf(entry)).filter((part): part is string => part !== undefined);
      return [
        `${style.heading} Migrations`,
        intro,
        table(['Config', 'Ref', 'Migration'], rows),
        ...details,
        cut > 0 ? `_…and ${count(cut, 'more config')} (not shown: ${style.cutReason})._` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('\n\n');
    },
  };
}

function statusWords(migration: Migration): string {
  const message = migration.message ? cell(clip(readablePointers(migration.message), MESSAGE_CHARS)) : '';
  switch (migration.status) {
    case 'no-migration':
      return `❌ no migration${message ? `: ${message}` : ''}`;
    case 'migrates':
      return `${migration.diff ? '✅ migrates (the diff is below)' : '✅ migrates'}${message ? `<br>${message}` : ''}`;
    case 'suggested': {
      const first = migration.suggestions?.[0];
      const more = (migration.suggestions?.length ?? 0) > 1 ? ` (+${migration.suggestions!.length - 1} more)` : '';
      return `💡 suggested: ${first ? cell(clip(readablePointers(first.text), MESSAGE_CHARS)) : ''}${more}${message ? `<br>${message}` : ''}`;
    }
  }
}

/** The folded diff (migrates) or the suggested changes with their snippets (suggested). */
function detailsOf(entry: MigrationEntry): string | undefined {
  const name = `<code>${escapeHtml(visible(entry.path))}</code> of <code>${escapeHtml(visible(entry.ref))}</code>`;
  if (entry.migration.status === 'migrates' && entry.migration.diff) {
    return [`<details><summary>${name}: before → after</summary>`, codeBlock(entry.migration.diff, 'diff'), '</details>'].join('\n\n');
  }
  if (entry.migration.status === 'suggested' && entry.migration.suggestions?.length) {
    return [`<details><summary>${name}: suggested migration</summary>`, ...entry.migration.suggestions.map(suggestionMarkdown), '</details>'].join('\n\n');
  }
  return undefined;
}

/** One suggestion: its words, then the snippet before and after. */
export function suggestionMarkdown(suggestion: Suggestion): string {
  const where = suggestion.document !== undefined ? ` (document ${suggestion.document + 1})` : '';
  return [`- ${markdownText(readablePointers(suggestion.text))}${where}:`, indent(`Before:\n\n${codeBlock(suggestion.before, 'yaml')}\n\nAfter:\n\n${codeBlock(suggestion.after, 'yaml')}`)].join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
