import { ConfigStatus, Verdict } from '../constants.js';
import { failsStep } from '../verdict/verdict.js';
import { brokenConfigs, releaseDrifts, type Report } from '../verdict/report.js';
import { breakEntries, whoseWords, type BreakEntry } from './release-note.js';
import { hasHidden, visible } from './safe-text.js';
import { clip } from './markdown.js';
import { findingText } from './summary.js';

/** One annotation on a file and line of the PR's checks page. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest are
 * dropped silently, in the order written. Every annotation the step writes counts, the closing
 * ones (`setFailed`'s message is an error annotation) included.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = Annotation['level'];

/** What the step writes: per-config annotations, the closing ones, and the count left out. */
export interface AnnotationPlan {
  /** One per broken config, new drift, latent change and note, as many as the budget leaves. */
  annotations: Annotation[];
  /** Written last and never dropped: the acknowledged break's summary warning. */
  closing: Annotation[];
  /** The message the step fails with (an error annotation), when it fails. */
  failure?: string;
  /** Annotations left out to stay within GitHub's limits; the summary counts them. */
  omitted: number;
}

/**
 * The annotations of a report: one per broken config, at its first error's line, within
 * GitHub's limits. The closing annotations and the failure message are kept first, since they
 * say what to do; `written` counts annotations the step has already written (a warning that
 * the comment could not be written).
 */
export function annotationsFor(report: Report, written: Partial<Record<Level, number>> = {}): AnnotationPlan {
  const all: Annotation[] = [];
  const failure = failureMessage(report);
  if (report.error && !failure) {
    all.push({ level: 'error', title: 'compat-gate could not decide', message: visible([report.error.message, report.error.hint].filter(Boolean).join(' ')) });
  }
  const acknowledged = report.verdict === Verdict.Acknowledged;
  // The culprits first: they sit in the PR's own diff, where reviewers look.
  all.push(...culpritAnnotations(report));
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    const first = config.errors[0];
    const ref = report.base ? `${visible(report.base.ref)} (${report.base.sha.slice(0, 7)})` : 'the base';
    all.push({
      level: acknowledged ? 'warning' : 'error',
      title: `${acknowledged ? 'Acknowledged break' : 'Broken config'}: loads on ${ref}, not with this PR`,
      message: withPath(config.path, first ? findingText(first) : 'does not load') + fingerprintWords(config.breaks),
      file: config.path,
      ...(first?.line ? { line: first.line } : {}),
      ...(first?.column ? { column: first.column } : {}),
    });
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== 'new') continue;
      const first = config.errors[0];
      const problem = first ? findingText(first) : 'does not load';
      // A config that moved is annotated where it is now, which the PR's files show; its line
      // is the release's, so it is named in the message and not placed.
      all.push({
        level: release.drift.failOnDrift && !acknowledged ? 'error' : 'warning',
        title: `Release drift: this config of ${visible(release.ref)} no longer loads with this PR`,
        message: config.currentPath
          ? withPath(config.currentPath, `${visible(config.path)} in ${visible(release.ref)}${first?.line ? ` (line ${first.line})` : ''}, now here: ${problem}`)
          : withPath(config.path, problem),
        file: config.currentPath ?? config.path,
        ...(first?.line && !config.currentPath ? { line: first.line } : {}),
      });
    }
  }
  for (const change of report.schemaChanges?.latent ?? []) {
    all.push({
      level: 'warning',
      title: change.shownBy?.length
        ? 'Latent breaking schema change: only configs already failing on the base show it'
        : 'Latent breaking schema change: no config shows it',
      message: withPath(change.file, visible(change.message, { newlines: true })),
      file: change.file,
      ...(change.line ? { line: change.line } : {}),
    });
  }
  for (const note of report.notes) all.push({ level: 'notice', title: 'compat-gate', message: visible(note, { newlines: true }) });

  const closing: Annotation[] = [];
  if (acknowledged) {
    const names = brokenConfigs(report).map((config) => visible(config.path));
    closing.push({
      level: 'warning',
      title: 'compat-gate: acknowledged break',
      message: `Acknowledged breaking change: ${names.length} config(s) that load on the base no longer load: ${names.join(', ')}`,
    });
  }
  const reachProblems = report.acknowledgement.release?.problems ?? [];
  if (report.acknowledgement.acknowledged && reachProblems.length) {
    const lines = reachProblems.map((problem) => `${problem.tool}${problem.method ? ` (${problem.method})` : ''}: ${problem.why}. Fix: ${problem.fix}.`);
    closing.push({ level: 'warning', title: 'compat-gate: not a major release', message: visible(`The acknowledgement will not reach the release. ${lines.join(' ')}`) });
  }
  const used: Record<Level, number> = { error: written.error ?? 0, warning: written.warning ?? 0, notice: written.notice ?? 0 };
  for (const annotation of closing) used[annotation.level]++;
  if (failure) used.error++;

  const kept: Annotation[] = [];
  let omitted = 0;
  for (const annotation of all) {
    if (used[annotation.level] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    used[annotation.level]++;
    kept.push(annotation);
  }
  return { annotations: kept, closing, ...(failure ? { failure } : {}), omitted };
}

/** Most schema changes annotated in the PR's schema file; the summary lists every one. */
export const CULPRIT_CHANGES = 5;
/** Most config paths an annotation on a culprit names. */
const CULPRIT_PATHS = 5;
const QUOTE_CHARS = 300;

/**
 * Annotations on what broke configs, where the PR changed it: each breaking schema change
 * (at most CULPRIT_CHANGES) on its keyword's line in the PR's schema file, naming the configs
 * it breaks; and one for the configs the loader now refuses with no schema change behind them,
 * quoting the loader. An error when it breaks base configs and the break is not acknowledged;
 * a break of release configs only is drift, an error only with `fail-on-drift`.
 */
export function culpritAnnotations(report: Report): Annotation[] {
  if (report.error) return [];
  const baseRef = report.base?.ref ?? 'the base';
  const levelOf = (entry: BreakEntry): Level => {
    const breaksBase = entry.groups.some((group) => group.ref === baseRef);
    if (report.verdict === Verdict.Acknowledged) return 'warning';
    if (breaksBase) return report.verdict === Verdict.Breaking ? 'error' : 'warning';
    return report.drift?.failOnDrift ? 'error' : 'warning';
  };
  const name = (text: string) => visible(text);
  const entries = breakEntries(report);
  const annotations: Annotation[] = [];
  for (const entry of entries.filter((e) => e.kind === 'schema-change').slice(0, CULPRIT_CHANGES)) {
    const change = entry.change!;
    const total = entry.groups.reduce((sum, group) => sum + group.paths.length, 0);
    annotations.push({
      level: levelOf(entry),
      title: `Schema change that breaks ${total} config${total === 1 ? '' : 's'}`,
      message: `${visible(change.message, { newlines: true })}\nIt breaks ${whoseWords(entry, name, CULPRIT_PATHS)}.`,
      file: change.file,
      ...(change.line ? { line: change.line } : {}),
    });
  }
  const loader = entries.find((e) => e.kind === 'loader');
  if (loader) {
    const total = loader.groups.reduce((sum, group) => sum + group.paths.length, 0);
    const others = loader.otherMessages ? ` (and ${loader.otherMessages} other message${loader.otherMessages === 1 ? '' : 's'})` : '';
    annotations.push({
      level: levelOf(loader),
      title: `The loader now refuses ${total} config${total === 1 ? '' : 's'} that no schema change explains`,
      message: `It refuses ${whoseWords(loader, name, CULPRIT_PATHS)}. The loader says: "${visible(clip(loader.text, QUOTE_CHARS), { newlines: true })}"${others}`,
      // On the loader's script when the PR changed it: the first changed line is in "Files changed".
      ...(report.loader?.script ? { file: report.loader.script.path, line: report.loader.script.line } : {}),
    });
  }
  return annotations;
}

/**
 * The message the step fails with, or undefined when it passes. A shard that judged its part
 * passes: the job that merges the shards decides the check.
 */
export function failureMessage(report: Report): string | undefined {
  if (report.shard && report.verdict !== Verdict.Error) return undefined;
  if (!failsStep(report.verdict)) return undefined;
  if (report.verdict === Verdict.Error) {
    return visible(`compat-gate could not decide: ${report.error?.message ?? 'unknown error'}${report.error?.hint ? ` ${report.error.hint}` : ''}`);
  }
  if (report.acknowledgement.acknowledged && report.acknowledgement.release?.problems.length) {
    return `${report.counts.broken} config(s) that load on the base no longer load with this PR, and \`ack-must-reach-release\` is set: the acknowledgement will not reach the release. See the job summary for the fix.`;
  }
  const label = visible(report.acknowledgement.labels[0] ?? 'breaking-change');
  const file = report.acknowledgement.file;
  if (file && report.acknowledgement.mode === 'file') {
    return `${report.counts.broken} config(s) that load on the base no longer load with this PR, and ${visible(file.path)} does not acknowledge ${file.uncovered.length === 1 ? 'one of their breaks' : `${file.uncovered.length} of their breaks`}. The job summary lists them, with the entries to add.`;
  }
  const orFile = file ? `, or each break by its fingerprint in ${visible(file.path)}` : '';
  return `${report.counts.broken} config(s) that load on the base no longer load with this PR. See the job summary; acknowledge an intended break with a breaking title (e.g. \`feat!: …\`) or the label \`${label}\`${orFile}.`;
}

/** " (fingerprint cg2:…)" for an annotation, empty without fingerprints. */
function fingerprintWords(breaks: ReadonlyArray<{ fingerprint: string }> | undefined): string {
  if (!breaks?.length) return '';
  return ` (fingerprint${breaks.length === 1 ? '' : 's'} ${breaks.map((broke) => broke.fingerprint).join(', ')})`;
}

/** The summary's line on annotations left out, or undefined when none were. */
export function omittedNote(omitted: number): string | undefined {
  if (omitted <= 0) return undefined;
  return `${omitted} more annotation${omitted === 1 ? ' was' : 's were'} left out: GitHub shows 10 errors, 10 warnings and 10 notices a step. The tables above and the JSON report list everything.`;
}

/** The message, after the path shown visibly when the path hides characters the UI shows raw. */
function withPath(path: string, message: string): string {
  return hasHidden(path) ? `${visible(path)}: ${message}` : message;
}
