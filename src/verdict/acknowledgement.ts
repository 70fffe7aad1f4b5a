import type { PullRequestCommit } from '../refs/pull-request.js';

/** Why a break counts as acknowledged: the title, one commit, or one label. */
export type AckReason =
  | { kind: 'title'; title: string }
  /** `text` is the footer line or the `!` subject that acknowledges. */
  | { kind: 'commit'; sha: string; text: string }
  | { kind: 'label'; label: string };

/**
 * A title, commit line or label that almost acknowledges a break and does not count: what is
 * written, why it does not count, and the form that does.
 */
export interface NearMiss {
  kind: 'title' | 'commit' | 'label';
  /** The commit, for kind `commit`. */
  sha?: string;
  /** The text as the PR has it: the title, the commit's line, or the label. */
  text: string;
  /** Why it does not count, in a few words. */
  because: string;
  /** The form that counts: a title or commit line, or for kind `label` the label to use. */
  fix: string;
}

/**
 * Whether the PR acknowledges a break, and every title, commit and label that does; `nearMisses`
 * (present when there is one) lists what almost does.
 */
export interface Acknowledgement {
  acknowledged: boolean;
  reasons: AckReason[];
  nearMisses?: NearMiss[];
}

// Conventional Commits 1.0.0: `type[(scope)]!: description`. The `!` sits right before the colon
// (no space before it), and the colon is followed by a space (spec rule 1), so `feat!:x` is not a
// header. A type starts with a letter; CC 1.0.0 lets tools treat types case-insensitively.
const BREAKING_HEADER = /^[A-Za-z][A-Za-z0-9-]*(?:\(([^()\r\n]+)\))?!: +\S/;

// CC 1.0.0 rules 11–12 and 16: the footer token is `BREAKING CHANGE` (or its synonym
// `BREAKING-CHANGE`), uppercase, followed by `: ` and a description; it starts its own line.
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: +\S/;

/**
 * Whether a PR title or commit subject is a Conventional Commits header with the breaking marker
 * (`feat!: …`, `feat(api)!: …`). Surrounding whitespace is ignored.
 */
export function isBreakingHeader(header: string): boolean {
  const match = BREAKING_HEADER.exec(header.trim());
  if (!match) return false;
  const scope = match[1];
  return scope === undefined || scope.trim() !== '';
}

/**
 * The text that makes a commit message acknowledge a break: its subject when that is a breaking
 * header, else the first `BREAKING CHANGE: …` / `BREAKING-CHANGE: …` footer line; undefined when
 * neither. The footer token must start a line after the subject: a subject that reads
 * `BREAKING CHANGE: …` is not a Conventional Commits header and does not count.
 */
export function breakingChange(message: string): string | undefined {
  const [subject = '', ...rest] = message.split(/\r?\n/);
  if (isBreakingHeader(subject)) return subject.trim();
  const footer = rest.find((line) => BREAKING_FOOTER.test(line));
  return footer?.trimEnd();
}

// A header written loosely: text in brackets before the type, spaces around the `!` or the colon,
// a doubled `!`, an empty scope, no description. Matches only when a `!` sits before the colon.
const LOOSE_HEADER = /^(\[[^\]]*\]\s*)?([A-Za-z][A-Za-z0-9-]*)(\s*)(?:\(([^()\r\n]*)\))?(\s*)(!+)(\s*):([ \t]*)(.*)$/;

// `BREAKING CHANGE` in any case, with a space, hyphen, underscore or nothing between the words,
// singular or plural, followed by a colon or GitHub's `#` (the Conventional Commits token is the
// uppercase singular with a space or a hyphen, then `: `).
const LOOSE_FOOTER = /^(\s*)(breaking([ _-]?)(changes?))(\s*)(:|\s#)([ \t]*)(.*)$/i;

// A title that names the break in words instead of the marker: `BREAKING: …`, `Breaking change: …`.
const WORDY_TITLE = /^breaking(?:[ _-]?changes?)?\s*:\s*(.*)$/i;

const PLACEHOLDER = '<description>';

/** Why a header with a `!` before its colon is not a breaking header, and the form that counts; undefined when it is not close. */
export function headerNearMiss(header: string): { because: string; fix: string } | undefined {
  const text = header.trim();
  if (isBreakingHeader(text)) return undefined;
  const loose = LOOSE_HEADER.exec(text);
  if (loose) {
    const [, prefix, type = '', spaceAfterType, scope, spaceBeforeBang, bangs = '', spaceBeforeColon, spaceAfterColon = '', rest = ''] = loose;
    const description = rest.trim();
    const scopeText = scope?.trim() ? `(${scope.trim()})` : '';
    const fix = `${type}${scopeText}!: ${description || PLACEHOLDER}`;
    const because = prefix
      ? `text before the type (${prefix.trim()})`
      : spaceAfterType || spaceBeforeBang
        ? 'a space before `!`'
        : bangs.length > 1
          ? 'more than one `!`'
          : scope !== undefined && !scopeText
            ? 'an empty scope `()`'
            : spaceBeforeColon
                ? 'a space between `!` and `:`'
                : description === ''
                  ? 'no description after `!:`'
                  : spaceAfterColon === '' || spaceAfterColon.includes('\t')
                    ? 'no space after `:`'
                    : undefined;
    return because ? { because, fix } : undefined;
  }
  const wordy = WORDY_TITLE.exec(text);
  if (wordy) {
    return { because: 'a `BREAKING…:` prefix is not a Conventional Commits header', fix: `feat!: ${wordy[1]?.trim() || PLACEHOLDER}` };
  }
  return undefined;
}

/**
 * The title to suggest for a break: the PR's own title with the breaking marker added
 * (`feat(api): x` → `feat(api)!: x`), a near miss mended (`feat !: x`, `BREAKING: x` →
 * `feat!: x`), a title that is no header behind `feat!: `; a breaking header stays as it is.
 */
export function suggestedTitle(title: string | undefined): string {
  const text = title?.trim() ?? '';
  if (isBreakingHeader(text)) return text;
  const near = headerNearMiss(text);
  if (near) return near.fix;
  const header = /^([A-Za-z][\w-]*)(\([^()\r\n]*\))?\s*!*\s*:\s*(.*)$/.exec(text);
  if (header) return `${header[1]}${header[2] ?? ''}!: ${header[3] || PLACEHOLDER}`;
  return `feat!: ${text || PLACEHOLDER}`;
}

/** Why a commit body line is not a `BREAKING CHANGE:` footer, and the form that counts; undefined when it is not close. */
export function footerNearMiss(line: string): { because: string; fix: string } | undefined {
  if (BREAKING_FOOTER.test(line)) return undefined;
  const loose = LOOSE_FOOTER.exec(line.trimEnd());
  if (!loose) return undefined;
  const [, indent, token = '', joiner = '', noun = '', spaceBeforeColon, separator = '', spaceAfterColon = '', rest = ''] = loose;
  const description = rest.trim();
  const fix = `BREAKING CHANGE: ${description || '<what users must change>'}`;
  const because = indent
    ? 'the token must start the line'
    : noun.toLowerCase() === 'changes'
      ? '`BREAKING CHANGES` (plural) is not the token'
      : joiner === '_' || joiner === ''
        ? 'the words are joined by a space or a hyphen'
        : token !== token.toUpperCase()
          ? 'the token is upper case'
          : separator !== ':'
            ? 'the `#` separator is not accepted'
            : spaceBeforeColon
              ? 'a space before `:`'
              : description === ''
                ? 'no description after the colon'
                : spaceAfterColon === '' || spaceAfterColon.includes('\t')
                  ? 'no space after `:`'
                  : undefined;
  return because ? { because, fix } : undefined;
}

/**
 * Why a label is close to one of `ackLabels` without being it: the same letters and digits once
 * case and separators are dropped, one or two letters apart, or one the start of the
 * other (`breaking` for `breaking-change`). Undefined when it is one of them or not close.
 */
export function labelNearMiss(label: string, ackLabels: string[]): { because: string; fix: string } | undefined {
  const wanted = ackLabels.map((ack) => ack.trim()).filter((ack) => ack !== '');
  if (wanted.some((ack) => ack.toLowerCase() === label.trim().toLowerCase())) return undefined;
  const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const mine = squash(label);
  if (mine.length < 4) return undefined;
  for (const ack of wanted) {
    const theirs = squash(ack);
    if (theirs === mine) return { because: 'it differs from an `ack-labels` label in case or separators', fix: ack };
    const [shorter, longer] = mine.length <= theirs.length ? [mine, theirs] : [theirs, mine];
    if (editDistance(mine, theirs) <= 2 || (shorter.length >= 5 && longer.startsWith(shorter))) {
      return { because: 'it is not one of the `ack-labels`', fix: ack };
    }
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** What almost acknowledges in one commit message that does not: its subject, then its body lines. */
function commitNearMisses(commit: PullRequestCommit): NearMiss[] {
  if (breakingChange(commit.message) !== undefined) return [];
  const [subject = '', ...rest] = commit.message.split(/\r?\n/);
  const misses: NearMiss[] = [];
  const header = headerNearMiss(subject);
  if (header) {
    const wordy = WORDY_TITLE.test(subject.trim());
    misses.push({
      kind: 'commit',
      sha: commit.sha,
      text: subject.trim(),
      because: wordy ? 'a `BREAKING CHANGE:` footer must follow the subject, after a blank line' : header.because,
      fix: header.fix,
    });
  }
  for (const line of rest) {
    const footer = footerNearMiss(line);
    if (footer) misses.push({ kind: 'commit', sha: commit.sha, text: line.trim(), ...footer });
  }
  return misses;
}

/** The `ack-labels` input as label names: one a line or comma-separated, trimmed, empties and repeats dropped. */
export function parseLabelList(input: string): string[] {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const part of input.split(/[\r\n,]+/)) {
    const label = part.trim();
    const key = label.toLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

/**
 * Decides whether the PR acknowledges a break: a breaking title, a commit with a breaking subject
 * or footer, or one of `ackLabels` (compared case-insensitively, as GitHub does for label names).
 * Reasons list every match: the title, then each commit, then each label, in the PR's order;
 * near misses follow the same order.
 */
export function acknowledge(input: {
  title?: string;
  labels: string[];
  commits: PullRequestCommit[];
  ackLabels: string[];
}): Acknowledgement {
  const reasons: AckReason[] = [];
  if (input.title !== undefined && isBreakingHeader(input.title)) {
    reasons.push({ kind: 'title', title: input.title.trim() });
  }
  for (const commit of input.commits) {
    const text = breakingChange(commit.message);
    if (text !== undefined) reasons.push({ kind: 'commit', sha: commit.sha, text });
  }
  const wanted = new Set(input.ackLabels.map((label) => label.trim().toLowerCase()).filter((label) => label !== ''));
  for (const label of input.labels) {
    if (wanted.has(label.trim().toLowerCase())) reasons.push({ kind: 'label', label });
  }
  const nearMisses: NearMiss[] = [];
  const title = input.title !== undefined ? headerNearMiss(input.title) : undefined;
  if (input.title !== undefined && title) nearMisses.push({ kind: 'title', text: input.title.trim(), ...title });
  for (const commit of input.commits) nearMisses.push(...commitNearMisses(commit));
  for (const label of input.labels) {
    const miss = labelNearMiss(label, input.ackLabels);
    if (miss) nearMisses.push({ kind: 'label', text: label, because: miss.because, fix: miss.fix });
  }
  return { acknowledged: reasons.length > 0, reasons, ...(nearMisses.length ? { nearMisses } : {}) };
}
