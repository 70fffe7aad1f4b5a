// The report as a check writes it: the model built by verdict/report.ts, with the release note
// that reports/release-note.ts writes from it (as the pipeline and the shard merge do).
import { withReleaseNote } from '../../src/reports/release-note.js';
import { buildReport as buildReportModel, type Report, type ReportInput } from '../../src/verdict/report.js';

export function buildReport(input: ReportInput): Report {
  return withReleaseNote(buildReportModel(input));
}
