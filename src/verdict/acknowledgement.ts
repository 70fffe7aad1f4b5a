import type { PullRequestCommit } from '../refs/pull-request.js';

/** Why a break counts as acknowledged: the title, one commit, or one label. */
export type AckReason =
  | { kind: 'title'; title: string }
  /** `text` is the footer line or the `!` subject that acknowledges. */
  | { kind: 'commit'; sha: string; text: string }
  | { kind: 'label'; label: string };

/** Whether the PR acknowledges a break, and every title, commit and label that does. */
export interface Acknowledgement {
  acknowledged: boolean;
  reasons: AckReason[];
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
 * Reasons list every match: the title, then each commit, then each label, in the PR's order.
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
  return { acknowledged: reasons.length > 0, reasons };
}
