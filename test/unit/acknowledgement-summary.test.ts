import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import type { GateRun, JudgedConfig } from '../../src/checks/judge.js';
import { annotationsFor, failureMessage } from '../../src/reports/annotations.js';
import { renderComment } from '../../src/reports/comment.js';
import { mergeReports } from '../../src/reports/merge.js';
import { buildReport } from '../helpers/report.js';
import type { Report } from '../../src/verdict/report.js';
import { renderSarif } from '../../src/reports/sarif.js';
import { renderSummary } from '../../src/reports/summary.js';
import { parseAcknowledgements } from '../../src/verdict/acknowledgements-file.js';
import { coverBreaks, type AckMode } from '../../src/verdict/coverage.js';
import { fingerprintRun } from '../../src/verdict/fingerprint.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const HEAD = { sha: 'ffeeddccbbaa99887766554433221100ffeeddcc' };
const FILE = '.github/compat-gate-acknowledged.yaml';
const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const configs: JudgedConfig[] = [
  {
    path: 'distributions/ollama/run.yaml',
    blob: 'b'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'schema', pointer: '/apis/2', keyword: 'enum', message: 'must be one of `inference`, `safety`', line: 4, column: 5 }],
    layers: { schema: { base: 'accepts', pr: 'rejects' } },
  },
  {
    path: 'distributions/starter/run.yaml',
    blob: 'c'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'loader', message: "providers.inference.0.provider_type: unknown inline provider 'meta-reference'" }],
    layers: { loader: { base: 'accepts', pr: 'rejects' } },
  },
  { path: 'distributions/vllm/run.yaml', blob: 'd'.repeat(40), status: ConfigStatus.Ok, findings: [] },
];

const run: GateRun = {
  base: { ref: BASE, configs, skipped: [] },
  schema: { file: 'schema/run.schema.json', draft: 'draft-07', files: ['schema/run.schema.json'] },
  loader: { command: 'python3 loader/load_config.py' },
  releases: [],
  loaderProcesses: 3,
  notes: [],
};
const breaks = fingerprintRun(run);
const [ollama, starter] = breaks.map((found) => found.breaks[0]!.fingerprint) as [string, string];

function reportWith(acks: string, verdict: Verdict, mode: AckMode = 'file', shard?: { index: number; total: number; configs: JudgedConfig[] }): Report {
  const judged: GateRun = shard ? { ...run, base: { ...run.base, configs: shard.configs } } : run;
  const found = fingerprintRun(judged);
  const fileCoverage = coverBreaks({ path: FILE, found: true, ...parseAcknowledgements(FILE, Buffer.from(acks)) }, found, (each) => each.ref === 'base', '2026-12-07');
  return buildReport({
    toolVersion: '0.0.0-test',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    event: 'pull_request',
    pullRequest: { number: 42, title: 'refactor(api): drop telemetry', labels: [], commits: [], sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    ackLabels: ['breaking-change'],
    acknowledgement: { acknowledged: fileCoverage.covered, reasons: [] },
    ackMode: mode,
    breaks: found,
    fileCoverage,
    base: BASE,
    head: HEAD,
    run: judged,
    ...(shard ? { shard: { index: shard.index, total: shard.total }, settings: { configs: ['distributions/*/run.yaml'], yamlVersion: '1.2', checkFormats: true } } : {}),
    notes: [],
    durationMs: 1234,
  });
}

const PARTLY = `acknowledgements:\n  - fingerprint: ${ollama}\n    reason: the apis list lost telemetry\n  - fingerprint: cg1:0123456789abcdef\n    reason: an old break\n  - paths: distributions/starter/*\n    layer: loader\n    reason: meta-reference is gone\n    expires: 2026-01-31\n`;
const FULLY = `acknowledgements:\n  - fingerprint: ${ollama}\n    reason: the apis list lost telemetry\n    issue: https://github.com/acme/stack/issues/9\n  - fingerprint: ${starter}\n    reason: meta-reference is gone\n`;

describe('precise acknowledgements in the summary and the comment', () => {
  it('renders a partly covered PR: the break not covered, expired and stale entries, and the entries to paste', async () => {
    const report = reportWith(PARTLY, Verdict.Breaking);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const summary = renderSummary(report);
    expect(summary).toContain(`This repository acknowledges breaks in \`${FILE}\` (\`acknowledge-with: file\`)`);
    expect(summary).toContain(`**Not acknowledged by \`${FILE}\`:** 1 break of this PR has no live entry there.`);
    expect(summary).toContain(`- \`${starter}\` \`distributions/starter/run.yaml\``);
    expect(summary).toContain('(its entry 3 expired)');
    expect(summary).toContain(`- fingerprint: ${starter}`);
    expect(summary).toContain('**Expired acknowledgements');
    expect(summary).toContain('**Stale acknowledgements');
    expect(summary).toContain('| Config | Line | First error | Fingerprint |');
    expect(summary).toContain(`\`${ollama}\` ✓ entry 1`);
    expect(summary).toContain(`\`${starter}\` ✗`);
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-acknowledgements-partly.md');
  });

  it('renders a PR the file covers: acknowledged, naming each entry and its reason', async () => {
    const report = reportWith(FULLY, Verdict.Acknowledged);
    const comment = renderComment(report, 'k');
    expect(comment).toContain(`The break is acknowledged by the acknowledgements file \`${FILE}\` — entry 1 (line 2): the apis list lost telemetry`);
    expect(comment).toContain(`\`${starter}\` ✓ entry 2`);
    await expect(comment).toMatchFileSnapshot('../__outputs__/comment-acknowledgements-covered.md');
  });

  it('puts the fingerprints into SARIF partialFingerprints, sorted and without shas', () => {
    const log = renderSarif(reportWith(FULLY, Verdict.Acknowledged));
    expect(log.runs[0]!.results.map((result) => result.partialFingerprints)).toEqual([
      { compatGateKey: 'compat-gate/broken-config:distributions/ollama/run.yaml', 'compatGateBreaks/v1': ollama },
      { compatGateKey: 'compat-gate/broken-config:distributions/starter/run.yaml', 'compatGateBreaks/v1': starter },
    ]);
  });

  it('says with `either` that the file acknowledges as well as the title', () => {
    const summary = renderSummary(reportWith(`- fingerprint: ${ollama}\n  reason: x\n`, Verdict.Breaking, 'either'));
    expect(summary).toContain('mark the PR title as breaking');
    expect(summary).toContain(`Or acknowledge each break by its fingerprint in \`${FILE}\` (below).`);
  });

  it('merges the shards of a matrix: the file covers the whole when it covers every shard\'s breaks', () => {
    const [ollamaConfig, starterConfig, vllmConfig] = configs as [JudgedConfig, JudgedConfig, JudgedConfig];
    const acknowledgedShard = reportWith(`- fingerprint: ${ollama}\n  reason: a\n- fingerprint: cg1:0123456789abcdef\n  reason: old\n`, Verdict.Acknowledged, 'file', { index: 1, total: 2, configs: [ollamaConfig] });
    // A shard without any break is not acknowledged by itself: only the whole can tell.
    const quietShard = reportWith(`- fingerprint: ${ollama}\n  reason: a\n- fingerprint: cg1:0123456789abcdef\n  reason: old\n`, Verdict.Pass, 'file', { index: 2, total: 2, configs: [vllmConfig] });
    const merged = mergeReports([acknowledgedShard, quietShard]);
    expect(merged.verdict).toBe(Verdict.Acknowledged);
    expect(merged.acknowledgement.file!.entries.map((entry) => entry.state)).toEqual(['used', 'stale']);
    const uncoveredShard = reportWith(`- fingerprint: ${ollama}\n  reason: a\n`, Verdict.Breaking, 'file', { index: 2, total: 2, configs: [starterConfig] });
    const partly = mergeReports([acknowledgedShard, uncoveredShard]);
    expect(partly.verdict).toBe(Verdict.Breaking);
    expect(partly.acknowledgement.file!.uncovered.map((broke) => broke.fingerprint)).toEqual([starter]);
    expect(partly.acknowledgement.file!.suggestion).toContain(`- fingerprint: ${starter}`);
  });

  it('names the fingerprint in each annotation, and the file in the failure message', () => {
    const report = reportWith(PARTLY, Verdict.Breaking);
    expect(failureMessage(report)).toBe(`2 config(s) that load on the base no longer load with this PR, and ${FILE} does not acknowledge one of their breaks. The job summary lists them, with the entries to add.`);
    const messages = annotationsFor(report).annotations.map((annotation) => annotation.message);
    expect(messages).toContain(`providers.inference.0.provider_type: unknown inline provider 'meta-reference' (fingerprint ${starter})`.replace(/^/, 'loader: '));
  });

  it('keeps reports of version 1 valid against the report schema', () => {
    const report = reportWith(FULLY, Verdict.Acknowledged);
    const { mode: _mode, file: _file, ...acknowledgement } = report.acknowledgement;
    const old = { ...report, version: 1, acknowledgement, configs: report.configs.map(({ breaks: _breaks, ...config }) => config) };
    expect(validate(old), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...old, version: 3 })).toBe(false);
  });
});
