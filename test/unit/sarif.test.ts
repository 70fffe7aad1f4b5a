import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import { buildReport } from '../../src/reports/report.js';
import { renderSarif, SarifRule } from '../../src/reports/sarif.js';

const sha = (c: string) => c.repeat(40);

function report(verdict: Verdict) {
  return buildReport({
    toolVersion: '1.2.3',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    ackLabels: ['breaking-change'],
    base: { ref: 'main', sha: sha('a') },
    release: { ref: 'v1.0.0', sha: sha('b') },
    head: { sha: sha('c') },
    run: {
      base: {
        ref: { ref: 'main', sha: sha('a') },
        configs: [
          { path: 'dist/a b.yaml', blob: sha('1'), status: ConfigStatus.Broken, findings: [{ layer: 'schema', pointer: '/port', message: 'must be an integer', line: 3, column: 7 }] },
          { path: 'ok.yaml', blob: sha('2'), status: ConfigStatus.Ok, findings: [] },
        ],
        skipped: [],
      },
      release: {
        ref: { ref: 'v1.0.0', sha: sha('b') },
        configs: [{ path: 'old.yaml', blob: sha('3'), status: 'new', findings: [{ layer: 'loader', message: 'unknown provider' }] }],
        skipped: [],
      },
      loaderProcesses: 1,
      notes: [],
    },
    notes: [],
    durationMs: 1,
  });
}

describe('SARIF', () => {
  it('gives one result per broken config and per new drift, at the first error’s line', () => {
    const sarif = renderSarif(report(Verdict.Breaking));
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.tool.driver.name).toBe('compat-gate');
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toContain(SarifRule.BrokenConfig);
    expect(run!.results).toHaveLength(2);
    expect(run!.results[0]).toMatchObject({
      ruleId: SarifRule.BrokenConfig,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'dist/a%20b.yaml' }, region: { startLine: 3, startColumn: 7 } } }],
      partialFingerprints: { compatGateKey: `${SarifRule.BrokenConfig}:dist/a b.yaml` },
    });
    expect(run!.results[0]!.message.text).toContain('as on main');
    expect(run!.results[1]).toMatchObject({ ruleId: SarifRule.ReleaseDrift, level: 'warning' });
  });

  it('lowers broken configs to warnings when the break is acknowledged', () => {
    const sarif = renderSarif(report(Verdict.Acknowledged));
    expect(sarif.runs[0]!.results.map((r) => r.level)).toEqual(['warning', 'warning']);
  });
});
