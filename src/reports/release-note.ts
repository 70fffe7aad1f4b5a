import { ConfigStatus, DriftStatus } from '../constants.js';
import type { Finding } from '../checks/evaluate.js';
import { clip, codeBlock, count, inlineCode, readablePointer, readablePointers } from './markdown.js';
import { releaseDrifts, type ReleaseNote, type Report, type ReportSchemaChange } from '../verdict/report.js';
import { markdownText, visible } from './safe-text.js';
import { migrationEntries, suggestionMarkdown, type MigrationEntry } from './migrations.js';
import type { Suggestion } from '../checks/migration/index.js';

export type { ReleaseNote } from '../verdict/report.js';

/** What broke configs: a schema change, the loader, or the schema with no change found behind it. */
export interface BreakEntry {
  kind: 'schema-change' | 'loader' | 'suite' | 'schema';
  /** The change's message, or the loader's / schema's first message (untrusted text). */
  text: string;
  /** The broken configs, per old ref (the release first: that is what users have). */
  groups: Array<{ ref: string; paths: string[] }>;
  /** For a loader or schema entry: how many other messages the configs gave. */
  otherMessages?: number;
  /** For a schema-change entry: the change, with its file and line in the PR's schema. */
  change?: ReportSchemaChange;
}

/** Most entries a note lists; a longer note would not be read, and the JSON report lists all. */
export const NOTE_ENTRIES = 8;
/** Most config paths named per ref in one entry. */
export const NOTE_PATHS = 3;
const MESSAGE_CHARS = 200;
const QUOTE_CHARS = 160;

/** A finding that can be traced to nothing in the schema diff: broken by the loader or the schema alone. */
type Broken = { path: string; ref: string; errors: Finding[]; explained: boolean };

/**
 * What broke configs, from the report alone: each breaking schema change that broke at least
 * one config, then the configs the loader now refuses with no schema change behind them, then
 * those the schema rejects where no change was found (the base had no schema to compare).
 * Nothing that broke no config is listed.
 */
export function breakEntries(report: Report): BreakEntry[] {
  const baseRef = report.base?.ref ?? 'the base';
  const baseBroken = report.configs.filter((config) => config.status === ConfigStatus.Broken).map((config) => config.path);
  // Every release compared, each its own group: a change may break configs of one line only.
  const releases = releaseDrifts(report).map((release) => ({
    ref: release.ref,
    configs: release.drift.configs.filter((config) => config.status === DriftStatus.New),
  }));
  const changes = report.schemaChanges?.breaking.filter((change) => change.configs.length > 0) ?? [];
  const explained = new Set(changes.flatMap((change) => change.configs));

  const entries: BreakEntry[] = changes.map((change: ReportSchemaChange) => ({
    kind: 'schema-change',
    text: readablePointers(change.message),
    change,
    groups: groups([
      ...releases.map((release): [string, string[]] => [release.ref, release.configs.map((config) => config.path).filter((path) => change.configs.includes(path))]),
      [baseRef, baseBroken.filter((path) => change.configs.includes(path))],
    ]),
  }));

  const broken: Broken[] = [
    ...releases.flatMap((release) => release.configs.map((config) => ({ path: config.path, ref: release.ref, errors: config.errors, explained: explained.has(config.path) }))),
    ...report.configs
      .filter((config) => config.status === ConfigStatus.Broken)
      .map((config) => ({ path: config.path, ref: baseRef, errors: config.errors, explained: Boolean(config.causes?.length) || explained.has(config.path) })),
  ].filter((config) => !config.explained);
  // A config is named once, under the first layer that rejects it: the runtime before the schema.
  const order = ['loader', 'suite', 'schema'] as const;
  for (const [index, layer] of order.entries()) {
    const hit = broken.filter(
      (config) => config.errors.some((e) => e.layer === layer) && !order.slice(0, index).some((earlier) => config.errors.some((e) => e.layer === earlier)),
    );
    if (!hit.length) continue;
    const messages = [...new Set(hit.map((config) => withoutCopyPath(firstWords(config.errors.find((e) => e.layer === layer)!), config.path)))];
    entries.push({
      kind: layer,
      text: messages[0]!,
      groups: groups([
        ...releases.map((release): [string, string[]] => [release.ref, hit.filter((c) => c.ref === release.ref).map((c) => c.path)]),
        [baseRef, hit.filter((c) => c.ref === baseRef).map((c) => c.path)],
      ]),
      ...(messages.length > 1 ? { otherMessages: messages.length - 1 } : {}),
    });
  }
  return entries;
}

/** A finding's message, after its pointer for a schema finding (`/apis/2: must be one of …`). */
function firstWords(finding: Finding): string {
  const message = finding.message.trim();
  return finding.layer === 'schema' && finding.pointer ? `${readablePointer(finding.pointer)}: ${message}` : message;
}

/**
 * The message with the folder of the loader's copy cut from the config's path: a loader names
 * the file it was given (`/home/runner/work/_temp/…/distributions/x/run.yaml`), which says
 * nothing to users and differs on every run.
 */
function withoutCopyPath(message: string, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`(?:[A-Za-z]:)?[\\\\/][^\\s"']*?[\\\\/]${escaped}`, 'g'), path);
}

function groups(pairs: Array<[string, string[]]>): BreakEntry['groups'] {
  return pairs.filter(([, paths]) => paths.length > 0).map(([ref, paths]) => ({ ref, paths: [...new Set(paths)] }));
}

/** The report with its release note made from what it holds (again, after shards are merged). */
export function withReleaseNote(report: Report): Report {
  const { releaseNote: _previous, ...rest } = report;
  const note = releaseNoteFor(rest);
  return note ? { ...rest, releaseNote: note } : rest;
}

/** The release note of a report, or undefined when nothing broke (or the gate could not decide). */
export function releaseNoteFor(report: Report): ReleaseNote | undefined {
  if (report.error) return undefined;
  const entries = breakEntries(report);
  if (!entries.length) return undefined;
  const shown = entries.slice(0, NOTE_ENTRIES);
  const more = entries.length - shown.length;
  const migration = migrationNote(report);
  const footer = [
    'BREAKING CHANGE: configs written for earlier versions must change:',
    ...shown.map((entry) => `- ${entryText(entry, plain)}`),
    ...(more > 0 ? [`- and ${count(more, 'more change')}.`] : []),
    ...migration.footer,
  ].join('\n');
  const markdown = [
    '**Breaking:** configs written for earlier versions must change:',
    '',
    ...shown.map((entry) => `- ${entryText(entry, markdown_)}`),
    ...(more > 0 ? [`- and ${count(more, 'more change')}.`] : []),
    ...(migration.markdown.length ? ['', ...migration.markdown] : []),
  ].join('\n');
  return { footer, markdown };
}

/** Most migrated configs whose diff the note shows; the summary shows them all. */
const NOTE_DIFFS = 3;

/**
 * How users migrate, for the note: each suggested change once, with the configs it applies to
 * and a before/after snippet; the `migrate` command and the configs it upgrades (their diffs
 * folded, in the markdown); the configs with no migration when a command ran.
 */
function migrationNote(report: Report): { footer: string[]; markdown: string[] } {
  const entries = migrationEntries(report);
  const suggested = new Map<string, { suggestion: Suggestion; entries: MigrationEntry[] }>();
  for (const entry of entries) {
    for (const suggestion of entry.migration.suggestions ?? []) {
      const group = suggested.get(suggestion.text);
      if (group) {
        if (!group.entries.includes(entry)) group.entries.push(entry);
      } else suggested.set(suggestion.text, { suggestion, entries: [entry] });
    }
  }
  const migrates = entries.filter((entry) => entry.migration.status === 'migrates');
  const command = report.settings?.migrate;
  const stuck = command ? entries.filter((entry) => entry.migration.status === 'no-migration') : [];
  if (suggested.size === 0 && migrates.length === 0 && stuck.length === 0) return { footer: [], markdown: [] };
  const groups = [...suggested.values()].slice(0, NOTE_ENTRIES);
  const hidden = suggested.size - groups.length;
  const whose = (list: readonly MigrationEntry[], name: (text: string) => string) => {
    const byRef = new Map<string, string[]>();
    for (const entry of list) byRef.set(entry.ref, [...(byRef.get(entry.ref) ?? []), entry.path]);
    return whoseWords({ kind: 'schema', text: '', groups: [...byRef].map(([ref, paths]) => ({ ref, paths: [...new Set(paths)] })) }, name);
  };
  const snippetLines = (text: string) => text.split('\n').map((line) => `      ${commitText(line)}`);
  const footer = [
    'How to migrate:',
    ...groups.flatMap(({ suggestion, entries: list }) => [
      `- ${plain.message(suggestion.text)}, in ${whose(list, plain.name)}:`,
      '    before:',
      ...snippetLines(suggestion.before),
      '    after:',
      ...snippetLines(suggestion.after),
    ]),
    ...(hidden > 0 ? [`- and ${count(hidden, 'more change')} (the JSON report lists all).`] : []),
    ...(command && migrates.length ? [`- ${plain.quote(command)} upgrades ${whose(migrates, plain.name)}.`] : []),
    ...(stuck.length ? [`- No migration for ${whose(stuck, plain.name)}.`] : []),
  ];
  const diffs = migrates.filter((entry) => entry.migration.diff).slice(0, NOTE_DIFFS);
  const markdown = [
    '**How to migrate:**',
    '',
    ...groups.flatMap(({ suggestion, entries: list }) => [suggestionMarkdown({ ...suggestion, text: `${suggestion.text}, in ${whose(list, markdown_.name)}` }), '']),
    ...(hidden > 0 ? [`- and ${count(hidden, 'more change')} (the JSON report lists all).`, ''] : []),
    ...(command && migrates.length ? [`- Run ${markdown_.quote(command)} on your configs: it upgrades ${whose(migrates, markdown_.name)}.`, ''] : []),
    ...(stuck.length ? [`- No migration for ${whose(stuck, markdown_.name)}.`, ''] : []),
    ...diffs.flatMap((entry) => [
      `<details><summary>Before → after: ${markdownText(entry.path).replace(/`/g, '&#96;')} of ${markdownText(entry.ref).replace(/`/g, '&#96;')}</summary>`,
      '',
      codeBlock(entry.migration.diff!, 'diff'),
      '',
      '</details>',
      '',
    ]),
  ];
  while (markdown[markdown.length - 1] === '') markdown.pop();
  return { footer, markdown };
}

/** How untrusted words are written in one form of the note. */
interface Form {
  /** A message of the schema diff (may hold code spans). */
  message(text: string): string;
  /** A quoted message of the loader or the schema. */
  quote(text: string): string;
  /** A path or a ref name. */
  name(text: string): string;
}

const plain: Form = {
  message: (text) => commitText(clip(oneLine(text), MESSAGE_CHARS)),
  quote: (text) => `"${commitText(clip(oneLine(text), QUOTE_CHARS))}"`,
  name: (text) => commitText(text),
};

const markdown_: Form = {
  message: (text) => markdownText(clip(oneLine(text), MESSAGE_CHARS)),
  quote: (text) => inlineCode(clip(oneLine(text), QUOTE_CHARS)),
  name: (text) => inlineCode(text),
};

/** The broken configs of an entry, per ref: `2 configs of v1.0.0 (a.yaml, b.yaml) and 1 config of main (c.yaml)`. */
export function whoseWords(entry: BreakEntry, name: (text: string) => string, paths = NOTE_PATHS): string {
  return entry.groups
    .map((group) => {
      const named = group.paths.slice(0, paths).map(name).join(', ');
      const rest = group.paths.length > paths ? ` and ${group.paths.length - paths} more` : '';
      return `${count(group.paths.length, 'config')} of ${name(group.ref)} (${named}${rest})`;
    })
    .join(' and ');
}

function entryText(entry: BreakEntry, form: Form): string {
  const whose = whoseWords(entry, form.name);
  const others = entry.otherMessages ? ` (and ${count(entry.otherMessages, 'other message')})` : '';
  switch (entry.kind) {
    case 'schema-change':
      return `${stripStop(form.message(entry.text))}: change ${whose}.`;
    case 'loader':
      return `The loader now refuses ${whose}: ${form.quote(entry.text)}${others}.`;
    case 'suite':
      return `The integration suite now fails with ${whose}: ${form.quote(entry.text)}${others}.`;
    case 'schema':
      return `The schema now rejects ${whose}: ${form.quote(entry.text)}${others}.`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}

function stripStop(text: string): string {
  return text.replace(/\.$/, '');
}

/**
 * Untrusted text made safe for a commit message, which GitHub renders as text with links: no
 * hidden character, no line break (a line could start a footer or a `#` comment that git drops),
 * no `@user` mention, and no `#123`, `GH-123` reference (pushed to the default branch, `fixes #123`
 * would close that issue). The `@` and `#` become their full-width forms, which read the same
 * and link nothing; nothing is escaped, as a commit message has no markup.
 */
export function commitText(text: string): string {
  return visible(text)
    .replace(/@(?=[\p{L}\p{N}_])/gu, '＠')
    .replace(/#(?=\p{N})/gu, '＃')
    .replace(/\b(GH)-(?=\p{N})/giu, '$1‐');
}

/**
 * The note as shown in the summary and the comment: the footer in a code block (copied as it
 * is: GitHub links nothing there), then the release-notes list.
 */
export function releaseNoteBlock(note: ReleaseNote): string {
  // A fence longer than any backtick run in the footer (CommonMark 4.5), and never shorter than 3.
  const longest = Math.max(0, ...(note.footer.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [
    "Paste this footer into the squash commit's message (release tools read the commit, not the PR):",
    `${fence}text\n${note.footer}\n${fence}`,
    'For the release notes:',
    note.markdown,
  ].join('\n\n');
}
