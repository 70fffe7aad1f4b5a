import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStatus, DriftStatus, Verdict } from '../../src/constants.js';
import type { GateRun } from '../../src/checks/judge.js';
import { buildReport, driftCount, newDriftCount, releaseTags } from '../../src/verdict/report.js';
import { acknowledge } from '../../src/verdict/acknowledgement.js';
import { DEFAULT_MERGE_SETTINGS } from '../../src/verdict/merge-settings.js';
import { releaseReach } from '../../src/verdict/release-tool.js';
import { VERSION } from '../../src/version.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const sha = (c: string) => c.repeat(40);

const run: GateRun = {
  base: {
    ref: { ref: 'main', sha: sha('a') },
    configs: [
      { path: 'a.yaml', blob: sha('1'), status: ConfigStatus.Broken, findings: [{ layer: 'schema', pointer: '/x', keyword: 'required', target: 'value', message: 'missing required property `x`', line: 1, column: 1 }], layers: { schema: { base: 'accepts', pr: 'rejects' }, loader: { base: 'not-run', pr: 'accepts' } } },
      { path: 'b.yaml', blob: sha('2'), status: ConfigStatus.Ok, findings: [] },
      { path: 'c.yaml', blob: sha('3'), status: ConfigStatus.Unreadable, findings: [{ layer: 'parse', message: 'not valid YAML', line: 2, column: 3 }] },
      { path: 'd.yaml', blob: sha('4'), status: ConfigStatus.FailingOnBase, findings: [{ layer: 'loader', message: 'timed out after 1s', timedOut: true }], baseFindings: [{ layer: 'loader', message: 'boom' }], layers: { loader: { base: 'rejects', pr: 'rejects' } } },
    ],
    skipped: [{ path: 'link.yaml', kind: 'symlink', reason: 'a symbolic link (not followed)' }, { path: 'big.yaml', kind: 'lfs-pointer', reason: 'a Git LFS pointer' }],
  },
  releases: [{
    ref: { ref: 'v1.0.0', sha: sha('b') },
    configs: [
      { path: 'a.yaml', blob: sha('5'), status: DriftStatus.New, findings: [{ layer: 'schema', message: 'x', pointer: '' }] },
      { path: 'b.yaml', blob: sha('2'), status: DriftStatus.Ok, findings: [] },
      { path: 'e.yaml', blob: sha('6'), status: DriftStatus.Fixed, findings: [], baseFindings: [{ layer: 'schema', message: 'y' }], layers: { schema: { base: 'rejects', pr: 'accepts' } } },
    ],
    skipped: [],
  }],
  schema: { file: 's.json', draft: '2020-12', files: ['s.json', 'defs.json'], baseFile: 'old/s.json' },
  loader: { command: 'python3 load.py' },
  loaderProcesses: 4,
  firstConfigs: 2,
  notes: ['a note'],
};

describe('the JSON report', () => {
  it('validates against schemas/report.schema.json with drift, every status and the PR data', () => {
    const report = buildReport({
      toolVersion: VERSION,
      verdict: Verdict.Breaking,
      repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
      event: 'pull_request',
      pullRequest: { number: 7, title: 'feat: x', labels: [], commits: [], sources: { title: 'api', labels: 'event', commits: 'git' }, notes: ['fell back'] },
      ackLabels: ['breaking-change'],
      acknowledgement: { acknowledged: false, reasons: [] },
      base: run.base.ref,
      firstRelease: run.releases[0]!.ref,
      head: { sha: sha('c') },
      failOnDrift: true,
      run,
      notes: [],
      durationMs: 12,
    });
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.drift?.counts).toEqual({ configs: 3, ok: 1, new: 1, existing: 0, fixed: 1, unreadable: 0 });
    expect(report.drift?.configs.map((config) => config.status)).toEqual(['new', 'fixed']);
    expect(report.notes).toEqual(['fell back', 'a note']);
  });

  it('validates with several releases, moved configs and a release that has none', () => {
    const moved = { ref: { ref: 'v0.2.0', sha: sha('d') }, configs: [{ path: 'templates/a.yaml', currentPath: 'distributions/a.yaml', blob: sha('7'), status: DriftStatus.New, findings: [{ layer: 'schema' as const, message: 'x', pointer: '' }] }], skipped: [] };
    const empty = { ref: { ref: 'v0.1.0', sha: sha('e') }, configs: [], skipped: [], nearest: ['old/run.yaml'] };
    const base = { ...run.base, configs: [{ ...run.base.configs[0]!, currentPath: 'distributions/a.yaml' }] };
    const several: GateRun = { ...run, base, releases: [run.releases[0]!, moved, empty] };
    const report = buildReport({ toolVersion: VERSION, verdict: Verdict.Pass, ackLabels: [], firstRelease: run.releases[0]!.ref, failOnDrift: false, run: several, notes: [], durationMs: 1 });
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // The first release stays where one-release readers look for it.
    expect(report.drift?.counts.new).toBe(1);
    expect(report.releases?.map((release) => release.ref)).toEqual(['v1.0.0', 'v0.2.0', 'v0.1.0']);
    expect(report.releases?.[1]?.drift.configs[0]).toMatchObject({ path: 'templates/a.yaml', currentPath: 'distributions/a.yaml', status: 'new' });
    expect(report.releases?.[2]?.drift).toMatchObject({ counts: { configs: 0 }, nearest: ['old/run.yaml'] });
    expect(report.configs[0]?.currentPath).toBe('distributions/a.yaml');
    expect(driftCount(report)).toBe(2);
    expect(newDriftCount(report)).toBe(2);
    expect(releaseTags(report)).toBe('v1.0.0,v0.2.0,v0.1.0');
  });

  it('validates with near misses and the release reach of an acknowledgement', () => {
    const acknowledgement = acknowledge({
      title: 'feat!: x',
      labels: ['breaking'],
      commits: [{ sha: sha('d'), message: 'feat: x\n\nbreaking change: y' }],
      ackLabels: ['breaking-change'],
    });
    const { notes: _notes, ...reach } = releaseReach({
      files: { '.releaserc': '{}', 'release-please-config.json': '{}', '.changeset/config.json': '{}' },
      merge: { ...DEFAULT_MERGE_SETTINGS, methods: ['squash', 'merge', 'rebase'], source: 'api' },
      pullRequest: { title: 'feat!: x', commits: [{ sha: sha('d'), message: 'feat: x\n\nbreaking change: y' }] },
      acknowledgement,
    });
    const report = buildReport({
      toolVersion: VERSION,
      verdict: Verdict.Breaking,
      ackLabels: ['breaking-change'],
      acknowledgement,
      releaseReach: { ...reach, required: true },
      run,
      notes: [],
      durationMs: 1,
    });
    expect(report.acknowledgement.nearMisses?.map((miss) => miss.kind)).toEqual(['commit', 'label']);
    expect(report.acknowledgement.release?.problems.length).toBeGreaterThan(2);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('validates for a gate error that knows nothing yet', () => {
    const report = buildReport({ toolVersion: VERSION, verdict: Verdict.Error, error: { message: 'no schema', hint: 'add it' }, ackLabels: [], notes: [], durationMs: 0 });
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps the version in src/version.ts equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
