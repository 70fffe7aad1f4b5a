import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import { GateError } from '../../src/errors.js';
import { mergeReports } from '../../src/reports/merge.js';
import { buildReport, type Report, type ReportSettings } from '../../src/verdict/report.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const MERGE = 'ffeeddccbbaa99887766554433221100ffeeddcc';
const PR_HEAD = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const OLD_MERGE = '0000000000000000000000000000000000000001';
const OLD_PR_HEAD = '0000000000000000000000000000000000000002';
const SETTINGS: ReportSettings = { configs: ['distributions/*/run.yaml'], schema: 'schema/run.schema.json', yamlVersion: '1.2', checkFormats: true };

function shard(
  index: number,
  total: number,
  options: { merge?: string; prHead?: string; base?: string; settings?: ReportSettings | null; error?: string } = {},
): Report {
  return buildReport({
    toolVersion: '1.0.0',
    verdict: options.error ? Verdict.Error : Verdict.Pass,
    ...(options.error ? { error: { message: options.error } } : {}),
    event: 'pull_request',
    ackLabels: ['breaking-change'],
    pullRequest: { number: 7, labels: [], commits: [], headSha: options.prHead ?? PR_HEAD, sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    base: { ref: 'main', sha: options.base ?? BASE.sha },
    head: { sha: options.merge ?? MERGE },
    ...(options.settings === null ? {} : { settings: options.settings ?? SETTINGS }),
    shard: { index, total },
    notes: [],
    durationMs: 5,
  });
}

function mergeError(reports: Report[], expected = {}): string {
  try {
    mergeReports(reports, expected);
  } catch (error) {
    expect(error).toBeInstanceOf(GateError);
    return (error as GateError).message;
  }
  throw new Error('the merge was accepted');
}

describe('merging shard reports', () => {
  it('joins the drift of each release over the shards, and fails on new drift of any release', () => {
    const drift = (path: string, status: 'new' | 'fixed') => ({
      counts: { configs: 1, ok: 0, new: status === 'new' ? 1 : 0, existing: 0, fixed: status === 'fixed' ? 1 : 0, unreadable: 0 },
      configs: [{ path, blob: 'f'.repeat(40), status, errors: [] }],
      failOnDrift: true,
    });
    const withReleases = (index: number, first: ReturnType<typeof drift>, second: ReturnType<typeof drift>): Report => ({
      ...shard(index, 2),
      release: { ref: 'v0.3.1', sha: 'a'.repeat(40) },
      drift: first,
      releases: [
        { ref: 'v0.3.1', sha: 'a'.repeat(40), drift: first },
        { ref: 'v0.2.0', sha: 'b'.repeat(40), drift: second },
      ],
    });
    const merged = mergeReports([withReleases(1, drift('a.yaml', 'fixed'), drift('a.yaml', 'new')), withReleases(2, drift('b.yaml', 'fixed'), drift('b.yaml', 'fixed'))]);
    expect(merged.releases?.map((release) => [release.ref, release.drift.counts.new, release.drift.counts.fixed, release.drift.configs.map((c) => c.path)])).toEqual([
      ['v0.3.1', 0, 2, ['a.yaml', 'b.yaml']],
      ['v0.2.0', 1, 1, ['a.yaml', 'b.yaml']],
    ]);
    expect(merged.drift?.counts.fixed).toBe(2);
    // The first release has no new drift; the second's fails the merged check (fail-on-drift).
    expect(merged.verdict).toBe(Verdict.Breaking);
  });

  it('records the PR head and the settings in each partial report, as the report schema allows', () => {
    const report = shard(1, 2);
    expect(report.pullRequest?.headSha).toBe(PR_HEAD);
    expect(report.settings).toEqual(SETTINGS);
    const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('merges the shards of one run', () => {
    const merged = mergeReports([shard(1, 3), shard(2, 3), shard(3, 3)], { pullRequestHeadSha: PR_HEAD });
    expect(merged.verdict).toBe(Verdict.Pass);
    expect(merged.shards).toBe(3);
    expect(merged.head?.sha).toBe(MERGE);
  });

  it('sums the suite layer over the shards: configs, processes and time', () => {
    const withSuite = (index: number, configs: number) => ({
      ...shard(index, 2, { settings: { ...SETTINGS, suite: 'pytest {config}' } }),
      suite: { command: 'pytest {config}', configs, processes: configs * 2, durationMs: 1000 * configs },
    });
    expect(mergeReports([withSuite(1, 1), withSuite(2, 2)], { pullRequestHeadSha: PR_HEAD }).suite).toEqual({ command: 'pytest {config}', configs: 3, processes: 6, durationMs: 3000 });
  });

  it('is an error when suite-configs named no config in any shard, though each shard alone could not tell', () => {
    const withSuite = (index: number) => ({
      ...shard(index, 2, { settings: { ...SETTINGS, suite: 'pytest {config}' } }),
      configs: [{ path: `distributions/${index}/run.yaml`, ref: 'base' as const, blob: 'b'.repeat(40), status: ConfigStatus.Ok, errors: [] }],
      counts: { configs: 1, ok: 1, broken: 0, failingOnBase: 0, unreadable: 0, skipped: 0 },
      suite: { command: 'pytest {config}', configs: 0, processes: 0, durationMs: 0 },
    });
    const merged = mergeReports([withSuite(1), withSuite(2)], { pullRequestHeadSha: PR_HEAD });
    expect(merged.verdict).toBe(Verdict.Error);
    expect(merged.error?.message).toBe('The `suite-configs` input names none of the 2 configs read in the 2 shards: the suite ran on nothing.');
  });

  it('refuses a shard of an older push, naming it and its head', () => {
    const message = mergeError([shard(1, 3), shard(2, 3, { merge: OLD_MERGE, prHead: OLD_PR_HEAD }), shard(3, 3)]);
    expect(message).toBe(
      'The partial reports are not of one run: shard 2/3 has head sha 000000000000 where the others have ffeeddccbbaa; ' +
        'shard 2/3 has PR head sha 000000000000 where the others have abcdefabcdef.',
    );
  });

  it('names the older shard of two by the push this run is for, whichever shard it is', () => {
    const expected = { pullRequestHeadSha: PR_HEAD };
    expect(mergeError([shard(1, 2, { merge: OLD_MERGE, prHead: OLD_PR_HEAD }), shard(2, 2)], expected)).toContain(
      'shard 1/2 has PR head sha 000000000000 where the other has abcdefabcdef',
    );
    expect(mergeError([shard(1, 2), shard(2, 2, { merge: OLD_MERGE, prHead: OLD_PR_HEAD })], expected)).toContain(
      'shard 2/2 has PR head sha 000000000000 where the other has abcdefabcdef',
    );
  });

  it('refuses shards that all judged an older push than the one this run is for', () => {
    const message = mergeError([shard(1, 2, { prHead: OLD_PR_HEAD }), shard(2, 2, { prHead: OLD_PR_HEAD })], { pullRequestHeadSha: PR_HEAD });
    expect(message).toContain('the shards judged PR head 000000000000, but this run is for PR head abcdefabcdef (a newer push)');
  });

  it('refuses a shard judged against another base', () => {
    const other = '2222222222222222222222222222222222222222';
    expect(mergeError([shard(1, 3), shard(2, 3), shard(3, 3, { base: other })])).toContain('shard 3/3 has base sha 222222222222 where the others have 1a2b3c4d5e6f');
  });

  it.each([
    ['configs', { ...SETTINGS, configs: ['distributions/**/run.yaml'] }, '`configs` `distributions/**/run.yaml` where the others have `distributions/*/run.yaml`'],
    ['schema', { ...SETTINGS, schema: 'schema/v2.json' }, '`schema` `schema/v2.json` where the others have `schema/run.schema.json`'],
    ['loader', { ...SETTINGS, loader: 'python3 load.py' }, '`loader` `python3 load.py` where the others have `(none)`'],
    ['yaml-version', { ...SETTINGS, yamlVersion: '1.1' }, '`yaml-version` `1.1` where the others have `1.2`'],
    ['suite', { ...SETTINGS, suite: 'pytest {config}' }, '`suite` `pytest {config}` where the others have `(none)`'],
  ])('refuses a shard judged with another %s', (_name, settings, what) => {
    expect(mergeError([shard(1, 3), shard(2, 3, { settings }), shard(3, 3)])).toContain(`shard 2/3 has ${what}`);
  });

  it('refuses a shard that does not say what it judged with (a report of an older compat-gate)', () => {
    expect(mergeError([shard(1, 3), shard(2, 3, { settings: null }), shard(3, 3)])).toContain('shard 2/3 has `yaml-version` nothing where the others have `1.2`');
  });

  it('lets a failed shard stay an error of the whole, though it could not say its settings', () => {
    const merged = mergeReports([shard(1, 2), shard(2, 2, { settings: null, error: 'the base ref could not be fetched' })]);
    expect(merged.verdict).toBe(Verdict.Error);
    expect(merged.error?.message).toBe('shard 2/2: the base ref could not be fetched');
  });
});

describe('merging shard reports: what only the whole can tell', () => {
  const unreadable = (path: string) => ({ path, ref: 'base' as const, blob: 'e'.repeat(40), status: 'unreadable' as const, errors: [{ layer: 'parse' as const, message: 'not valid YAML' }] });

  it('is an error when no shard could read a single config, though each shard alone passed', () => {
    const one: Report = { ...shard(1, 2), configs: [unreadable('a.yaml')], counts: { configs: 1, ok: 0, broken: 0, failingOnBase: 0, unreadable: 1, skipped: 0 } };
    const two: Report = {
      ...shard(2, 2),
      skipped: [{ path: 'b.yaml', kind: 'lfs-pointer', reason: 'a Git LFS pointer: its content (9 bytes) lives in Git LFS and was not checked' }],
      counts: { configs: 0, ok: 0, broken: 0, failingOnBase: 0, unreadable: 0, skipped: 1 },
    };
    const merged = mergeReports([one, two]);
    expect(merged.verdict).toBe(Verdict.Error);
    expect(merged.error?.message).toBe(
      'Nothing could be checked: none of the 2 files matching the `configs` patterns in the 2 shards could be read as a config; the first: `a.yaml`: not valid YAML.',
    );
  });

  it('refuses shards that compared different releases (one published mid-run)', () => {
    const drift = { counts: { configs: 0, ok: 0, new: 0, existing: 0, fixed: 0, unreadable: 0 }, configs: [], failOnDrift: false };
    const at = (index: number, tag: string, sha: string): Report => ({ ...shard(index, 2), release: { ref: tag, sha }, drift, releases: [{ ref: tag, sha, drift }] });
    expect(mergeError([at(1, 'v1.2.0', 'a'.repeat(40)), at(2, 'v1.3.0', 'b'.repeat(40))])).toContain(
      'shard 2/2 has releases `v1.3.0@bbbbbbbbbbbb` where the other has `v1.2.0@aaaaaaaaaaaa`',
    );
  });
});
