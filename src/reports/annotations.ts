import { ConfigStatus, Verdict } from '../constants.js';
import { findingText } from './summary.js';
import type { Report } from './report.js';

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
 * GitHub shows at most 10 error and 10 warning annotations per step; the rest are dropped
 * silently. We keep within that and say how many were left out.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The annotations of a report: one per broken config, at its first error's line. */
export function annotationsFor(report: Report): { annotations: Annotation[]; omitted: number } {
  const all: Annotation[] = [];
  if (report.error) {
    all.push({ level: 'error', title: 'compat-gate could not decide', message: [report.error.message, report.error.hint].filter(Boolean).join(' ') });
  }
  const acknowledged = report.verdict === Verdict.Acknowledged;
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    const first = config.errors[0];
    const ref = report.base ? `${report.base.ref} (${report.base.sha.slice(0, 7)})` : 'the base';
    all.push({
      level: acknowledged ? 'warning' : 'error',
      title: `${acknowledged ? 'Acknowledged break' : 'Broken config'}: loads on ${ref}, not with this PR`,
      message: first ? findingText(first) : 'does not load',
      file: config.path,
      ...(first?.line ? { line: first.line } : {}),
      ...(first?.column ? { column: first.column } : {}),
    });
  }
  for (const config of report.drift?.configs ?? []) {
    if (config.status !== 'new' || !report.release) continue;
    const first = config.errors[0];
    all.push({
      level: report.drift?.failOnDrift && !acknowledged ? 'error' : 'warning',
      title: `Release drift: this config of ${report.release.ref} no longer loads with this PR`,
      message: first ? findingText(first) : 'does not load',
      file: config.path,
      ...(first?.line ? { line: first.line } : {}),
    });
  }
  for (const change of report.schemaChanges?.latent ?? []) {
    all.push({
      level: 'warning',
      title: 'Latent breaking schema change: no config shows it',
      message: change.message,
      file: change.file,
      ...(change.line ? { line: change.line } : {}),
    });
  }
  for (const note of report.notes) all.push({ level: 'notice', title: 'compat-gate', message: note });

  const kept: Annotation[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  for (const annotation of all) {
    if (used[annotation.level] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    used[annotation.level]++;
    kept.push(annotation);
  }
  return { annotations: kept, omitted };
}
