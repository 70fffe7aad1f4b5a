import { Verdict } from '../constants.js';
import { breakWords, type FileCoverage } from '../verdict/coverage.js';
import type { Break } from '../verdict/fingerprint.js';
import { clip, codeBlock, count, inlineCode, readablePointer } from './markdown.js';
import type { Report } from '../verdict/report.js';
import { markdownText } from './safe-text.js';

/** Most breaks, entries and lines named in one list; the JSON report has them all. */
const LISTED = 20;

/** The file's coverage, when `acknowledge-with` reads the file. */
function coverageOf(report: Report): FileCoverage | undefined {
  return report.acknowledgement.file;
}

/** The entries of the file that acknowledged the break, for "acknowledged by …". */
export function entriesUsedWords(report: Report): string | undefined {
  const file = coverageOf(report);
  if (!file?.covered) return undefined;
  const used = file.entries.filter((entry) => entry.state === 'used');
  const named = used
    .slice(0, LISTED)
    .map((entry) => `entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ''}: ${markdownText(clip(entry.reason, 120)).replace(/[[\]]/g, '\\$&')}${entry.issue ? ` (${inlineCode(entry.issue)})` : ''}`);
  const more = used.length > LISTED ? `; and ${used.length - LISTED} more` : '';
  return `the acknowledgements file ${inlineCode(file.path)} — ${named.join('; ')}${more}`;
}

/** One break in a list: fingerprint, config and what broke. */
function breakLine(broke: Break & { configPath?: string; ref?: string }): string {
  const where = broke.configPath && broke.configPath !== broke.path ? `${inlineCode(broke.configPath)} (fingerprinted as ${inlineCode(broke.path)})` : inlineCode(broke.path);
  const of = broke.ref && broke.ref !== 'base' ? ` of the release ${inlineCode(broke.ref)}` : '';
  return `${inlineCode(broke.fingerprint)} ${where}${of} — ${markdownText(clip(breakWords(broke, readablePointer), 200))}`;
}

/**
 * What the file leaves unacknowledged, and the entries to paste for it: shown when the
 * verdict is `breaking` and `acknowledge-with` reads the file.
 */
export function uncoveredParagraphs(report: Report): string[] {
  const file = coverageOf(report);
  if (!file || report.verdict !== Verdict.Breaking || file.uncovered.length === 0) return [];
  const total = file.uncovered.length;
  const intro = file.found
    ? `**Not acknowledged by ${inlineCode(file.path)}:** ${count(total, 'break')} of this PR ${total === 1 ? 'has' : 'have'} no live entry there.`
    : `**No acknowledgements file:** ${inlineCode(file.path)} does not exist, so none of the ${count(total, 'break')} of this PR is acknowledged.`;
  const lines = file.uncovered.slice(0, LISTED).map((broke) => {
    const why = broke.expiredEntries?.length
      ? ` (its ${broke.expiredEntries.length === 1 ? 'entry' : 'entries'} ${broke.expiredEntries.join(', ')} expired)`
      : broke.newSinceAcknowledgement
        ? ' (**new since the acknowledgement**: the config\'s other breaks are acknowledged)'
        : '';
    return `- ${breakLine(broke)}${why}`;
  });
  if (total > LISTED) lines.push(`- and ${total - LISTED} more (the JSON report lists every one)`);
  const paste = file.suggestion
    ? `If ${total === 1 ? 'this break is' : 'these breaks are'} intended, add ${total === 1 ? 'this entry' : 'these entries'} to ${inlineCode(file.path)} in the PR, with the reason users may lose ${total === 1 ? 'the config' : 'each config'} in place of the TODO:\n\n${codeBlock(file.suggestion, 'yaml')}`
    : undefined;
  return [[intro, ...lines].join('\n'), ...(paste ? [paste] : [])];
}

/** Expired and stale entries: never failing, always said, so the file does not rot. */
export function entryStateParagraphs(report: Report): string[] {
  const file = coverageOf(report);
  if (!file) return [];
  const paragraphs: string[] = [];
  const expired = file.entries.filter((entry) => entry.state === 'expired');
  if (expired.length) {
    const lines = expired
      .slice(0, LISTED)
      .map((entry) => `- entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ''}, ${entryTarget(entry)}: expired after ${inlineCode(entry.expires ?? '')}${entry.covers.length ? `; it would acknowledge ${count(entry.covers.length, 'break')} of this PR` : ''}`);
    if (expired.length > LISTED) lines.push(`- and ${expired.length - LISTED} more`);
    paragraphs.push([`**Expired acknowledgements in ${inlineCode(file.path)}:** they acknowledge nothing any more; renew \`expires\` or remove them.`, ...lines].join('\n'));
  }
  const stale = file.entries.filter((entry) => entry.state === 'stale');
  if (stale.length) {
    const lines = stale.slice(0, LISTED).map((entry) => `- entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ''}, ${entryTarget(entry)}`);
    if (stale.length > LISTED) lines.push(`- and ${stale.length - LISTED} more`);
    paragraphs.push([`**Stale acknowledgements in ${inlineCode(file.path)}:** they match no break of this PR any more (fixed, or written for another PR); remove them.`, ...lines].join('\n'));
  }
  return paragraphs;
}

function entryTarget(entry: FileCoverage['entries'][number]): string {
  if (entry.fingerprint) return inlineCode(entry.fingerprint);
  return `${(entry.paths ?? []).map((path) => inlineCode(path)).join(', ')} (${entry.layer ?? ''})`;
}

/** The fingerprints of a config's breaks for a table cell, each with the entry that acknowledges it. */
export function fingerprintCell(report: Report, breaks: readonly Break[] | undefined): string {
  if (!breaks?.length) return '';
  const file = coverageOf(report);
  return breaks
    .map((broke) => {
      const code = inlineCode(broke.fingerprint);
      if (!file) return code;
      const entry = file.entries.find((candidate) => candidate.state === 'used' && candidate.covers.includes(broke.fingerprint));
      return entry ? `${code} ✓ entry ${entry.number}` : `${code} ✗`;
    })
    .join('<br>');
}

/** How to acknowledge with the file, for a breaking verdict when the PR alone cannot. */
export function fileHelp(report: Report): string | undefined {
  const file = coverageOf(report);
  if (!file) return undefined;
  return report.acknowledgement.mode === 'either'
    ? `Or acknowledge each break by its fingerprint in ${inlineCode(file.path)} (below).`
    : `This repository acknowledges breaks in ${inlineCode(file.path)} (\`acknowledge-with: file\`): the PR title, footers and labels do not count.`;
}
