import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import { buildReport } from '../../src/verdict/report.js';
import { relativeUri, renderSarif, SarifRule } from '../../src/reports/sarif.js';

const sha = (c: string) => c.repeat(40);

function report(verdict: Verdict) {
  return buildReport({
    toolVersion: '1.2.3',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    ackLabels: ['breaking-change'],
    base: { ref: 'main', sha: sha('a') },
    firstRelease: { ref: 'v1.0.0', sha: sha('b') },
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
      releases: [{
        ref: { ref: 'v1.0.0', sha: sha('b') },
        configs: [{ path: 'old.yaml', blob: sha('3'), status: 'new', findings: [{ layer: 'loader', message: 'unknown provider' }] }],
        skipped: [],
      }],
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

/**
 * The SARIF 2.1.0 schema (rtm.5, as @microsoft/jest-sarif ships it; see the NOTICE beside it).
 * Its `language` pattern is not valid in Unicode mode, hence `unicodeRegExp: false`.
 */
const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

const HOSTILE_PATHS = ['conf/a b.yaml', 'conf/#1.yaml', 'conf/100%.yaml', 'conf/?q=1.yaml', 'c:/x.yaml', 'conf/設定 ü.yaml', 'conf/\u202Egnp.exe.yaml', 'conf/\u200Bz.yaml', "conf/[a](b)!'*~.yaml"];

function hostileReport() {
  return buildReport({
    toolVersion: '1.2.3',
    verdict: Verdict.Breaking,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    ackLabels: ['breaking-change'],
    base: { ref: 'main', sha: sha('a') },
    head: { sha: sha('c') },
    run: {
      base: {
        ref: { ref: 'main', sha: sha('a') },
        configs: HOSTILE_PATHS.map((path, i) => ({ path, blob: sha(String(i)), status: ConfigStatus.Broken, findings: [{ layer: 'loader' as const, message: `cc @mallory \u202E\u001b[2J${i}`, line: 1 }] })),
        skipped: [],
      },
      schemaChanges: [
        { severity: 'breaking', rule: 'maximum-tightened', instancePath: '/port', message: '`/port` must now be ≤ 9', file: 'schema dir/run schema.json', schemaPointer: '/properties/port/maximum', line: 7, configs: [] },
      ],
      releases: [],
      loaderProcesses: 1,
      notes: [],
    },
    notes: [],
    durationMs: 1,
  });
}

describe('SARIF validity', () => {
  it('is valid SARIF 2.1.0 for the ordinary report, acknowledged or not', () => {
    expectValidSarif(renderSarif(report(Verdict.Breaking)));
    expectValidSarif(renderSarif(report(Verdict.Acknowledged)));
  });

  it('encodes every artifact uri as a relative URI reference that decodes to the path, latent changes included', () => {
    const sarif = renderSarif(hostileReport()) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expectValidSarif(sarif);
    const results = sarif.runs[0]!.results;
    const uris = results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('conf/a%20b.yaml');
    expect(uris).toContain('conf/%231.yaml');
    expect(uris).toContain('c%3A/x.yaml');
    expect(uris).toContain('conf/%E2%80%AEgnp.exe.yaml');
    expect(results.find((r) => r.ruleId === SarifRule.LatentBreak)!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('schema%20dir/run%20schema.json');
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
    expect(uris.slice(0, HOSTILE_PATHS.length).map((uri) => uri.split('/').map(decodeURIComponent).join('/'))).toEqual(HOSTILE_PATHS);
  });

  it('shows hidden characters of paths and messages escaped in its texts', () => {
    const sarif = renderSarif(hostileReport()) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    const texts = sarif.runs[0]!.results.map((r) => r.message.text).join(' ');
    expect(texts).toContain('conf/<U+202E>gnp.exe.yaml');
    expect(texts).toContain('<U+202E><U+001B>[2J');
    expect(texts).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\p{Cc}]/u);
  });

  it('gives a valid relative uri for any path', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/')), { minLength: 1, maxLength: 4 }), (segments) => {
        const path = segments.join('/');
        const uri = relativeUri(path);
        expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
        expect(uri.split('/')[0]).not.toContain(':');
        expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] }] }] })).toBe(true);
        if (!/\p{Cs}/u.test(path)) expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(path);
      }),
      { numRuns: 300 },
    );
  });
});
