import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/evaluate.js';
import type { AttributedSchemaChange, GateRun, JudgedConfig, LayerJudgements } from '../../src/checks/judge.js';
import { ConfigStatus, DriftStatus } from '../../src/constants.js';
import { breaksOf, fingerprintOf, fingerprintRun, normaliseMessage } from '../../src/verdict/fingerprint.js';

const sha = (c: string) => c.repeat(40);
const SCHEMA_BROKE = { schema: { base: 'accepts', pr: 'rejects' } } as const;
const LOADER_BROKE = { loader: { base: 'accepts', pr: 'rejects' } } as const;

const change = (rule: string, instancePath: string): AttributedSchemaChange => ({
  severity: 'breaking',
  rule,
  instancePath,
  message: `${rule} at ${instancePath}`,
  file: 'schema.json',
  schemaPointer: '/properties/x',
  configs: [],
});

const broken = (path: string, findings: Finding[], layers: JudgedConfig['layers'] = SCHEMA_BROKE, extra: Partial<JudgedConfig> = {}): JudgedConfig => ({
  path,
  blob: sha('1'),
  status: ConfigStatus.Broken,
  findings,
  layers,
  ...extra,
});

describe('normaliseMessage', () => {
  it('takes out temporary paths, line and column numbers, pids, durations, shas and runs of whitespace', () => {
    const one = normaliseMessage('Error in /tmp/compat-gate-AbC123/pr/run-1/x.yaml line 12, col 4 (pid 4711) after 1.25 s at 3f2a9c1d\n   missing   key');
    const two = normaliseMessage('Error in /tmp/compat-gate-ZZZ999/pr/run-7/x.yaml line 80, col 1 (pid 99) after 0.5 s at deadbeef12\tmissing key');
    expect(one).toBe(two);
    expect(one).toBe('Error in <tmp> line <n>, col <n> (pid <n>) after <measure> at <sha> missing key');
  });

  it('takes out memory addresses and UUIDs whole, and keeps the short numbers that say what is wrong', () => {
    expect(normaliseMessage('object at 0x7f3a9c21 failed, request 4f9d2c3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f')).toBe(
      normaliseMessage('object at 0x55e1ab09 failed, request 0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a'),
    );
    expect(normaliseMessage('apiVersion v1 is no longer served')).not.toBe(normaliseMessage('apiVersion v2 is no longer served'));
    expect(normaliseMessage("unknown protocol 'http2'")).not.toBe(normaliseMessage("unknown protocol 'http3'"));
    expect(normaliseMessage('took 1234ms at 1733580000123, 12 MiB')).toBe(normaliseMessage('took 87ms at 1733589999999, 3 MiB'));
  });

  it("replaces the config's own paths, so a renamed config keeps its message", () => {
    expect(normaliseMessage('configs/a.yaml: unknown key', ['configs/a.yaml'])).toBe(normaliseMessage('configs/b.yaml: unknown key', ['configs/b.yaml']));
  });

  it('keeps the words that say what is wrong', () => {
    expect(normaliseMessage('storage: field required')).not.toBe(normaliseMessage('storage: extra field not permitted'));
  });
});

describe('fingerprints', () => {
  it('are `cg2:` and 16 hex digits', () => {
    expect(fingerprintOf('a.yaml', 'schema', 'x')).toMatch(/^cg2:[0-9a-f]{16}$/);
  });

  it('name a schema break by its breaking change: the same for any array item and any line', () => {
    const changes = [change('enum-narrowed', '/servers/*/mode')];
    const first = breaksOf(broken('a.yaml', [{ layer: 'schema', keyword: 'enum', pointer: '/servers/0/mode', message: 'must be one of', line: 3 }]), 'a.yaml', changes);
    const second = breaksOf(broken('a.yaml', [{ layer: 'schema', keyword: 'enum', pointer: '/servers/4/mode', message: 'must be equal to one of the allowed values', line: 40 }]), 'a.yaml', changes);
    expect(first).toEqual(second);
    expect(first).toEqual([expect.objectContaining({ layer: 'schema', rule: 'enum-narrowed', pointer: '/servers/*/mode' })]);
  });

  it('name a schema break no change explains by its keyword and pointer', () => {
    const [only] = breaksOf(broken('a.yaml', [{ layer: 'schema', keyword: 'required', pointer: '/server', message: 'x' }]), 'a.yaml', []);
    expect(only).toMatchObject({ layer: 'schema', keyword: 'required', pointer: '/server' });
  });

  it('do not depend on the order the findings come in, and give one fingerprint per distinct break', () => {
    const a: Finding = { layer: 'schema', keyword: 'required', pointer: '/a', message: 'a' };
    const b: Finding = { layer: 'schema', keyword: 'type', pointer: '/b', message: 'b' };
    const forward = breaksOf(broken('c.yaml', [a, b, a]), 'c.yaml', []);
    expect(forward).toHaveLength(2);
    expect(breaksOf(broken('c.yaml', [b, a]), 'c.yaml', [])).toEqual(forward);
  });

  it('count only the layers that broke: an old failure of the schema is not fingerprinted', () => {
    const breaks = breaksOf(
      broken('a.yaml', [{ layer: 'loader', message: 'boom' }, { layer: 'schema', keyword: 'type', pointer: '/x', message: 'old' }], {
        schema: { base: 'rejects', pr: 'rejects' },
        loader: { base: 'accepts', pr: 'rejects' },
      }),
      'a.yaml',
      [],
    );
    expect(breaks.map((broke) => broke.layer)).toEqual(['loader']);
  });

  it('work for any layer name, such as a suite layer', () => {
    const finding: Finding = { layer: 'suite', message: 'test_load failed after 12.3s' };
    const [only] = breaksOf({ path: 'a.yaml', findings: [finding], layers: { suite: { base: 'accepts', pr: 'rejects' } } }, 'a.yaml', []);
    expect(only).toMatchObject({ layer: 'suite', message: 'test_load failed after <measure>' });
  });

  it('name a suite test by itself, and leave out a test that failed on the base too', () => {
    const layers: LayerJudgements = { suite: { base: 'rejects', pr: 'rejects', newFailures: ['stack::legacy'], failedOnBoth: 1 } };
    const findings = (port: number): Finding[] => [
      { layer: 'suite', test: 'stack::legacy', message: `test stack::legacy failed: HTTP 500 on 127.0.0.1:${port} at 0x7ffe${port}` },
      { layer: 'suite', test: 'stack::known', message: 'test stack::known failed (on the base too): known issue', failedOnBase: true },
    ];
    const first = breaksOf({ path: 'a.yaml', findings: findings(47311), layers }, 'a.yaml', []);
    expect(first).toEqual([expect.objectContaining({ layer: 'suite', test: 'stack::legacy' })]);
    expect(breaksOf({ path: 'a.yaml', findings: findings(50000), layers }, 'a.yaml', [])).toEqual([
      expect.objectContaining({ fingerprint: first[0]!.fingerprint }),
    ]);
  });

  it('differ between configs, layers and what broke', () => {
    const loader = (message: string, path = 'a.yaml') => breaksOf(broken(path, [{ layer: 'loader', message }], LOADER_BROKE), path, [])[0]!.fingerprint;
    expect(loader('x')).not.toBe(loader('y'));
    expect(loader('x')).not.toBe(loader('x', 'b.yaml'));
  });
});

describe('fingerprintRun', () => {
  const finding: Finding = { layer: 'loader', message: 'configs/new-name.yaml: server.storage is required' };
  const runWith = (basePath: string, currentPath?: string): GateRun => ({
    base: {
      ref: { ref: 'main', sha: sha('a') },
      configs: [broken(basePath, [{ ...finding, message: finding.message.replace('configs/new-name.yaml', basePath) }], LOADER_BROKE, currentPath ? { currentPath } : {})],
      skipped: [],
    },
    releases: [
      {
        ref: { ref: 'v1.0.0', sha: sha('b') },
        configs: [{ path: 'configs/old-name.yaml', currentPath: 'configs/new-name.yaml', blob: sha('2'), status: DriftStatus.Ok, findings: [] }],
        skipped: [],
      },
    ],
    loaderProcesses: 1,
    notes: [],
  });

  it('fingerprints a base config renamed since the release by its path in the release', () => {
    const [renamed] = fingerprintRun(runWith('configs/new-name.yaml'));
    expect(renamed!.breaks[0]!.path).toBe('configs/old-name.yaml');
    const before: GateRun = { ...runWith('configs/old-name.yaml'), releases: [{ ...runWith('x').releases[0]!, configs: [{ path: 'configs/old-name.yaml', blob: sha('2'), status: DriftStatus.Ok, findings: [] }] }] };
    const [original] = fingerprintRun(before);
    expect(renamed!.breaks[0]!.fingerprint).toBe(original!.breaks[0]!.fingerprint);
  });

  it('fingerprints a config the release does not hold by its path on the base', () => {
    const [found] = fingerprintRun({ ...runWith('configs/other.yaml'), releases: [] });
    expect(found!.breaks[0]!.path).toBe('configs/other.yaml');
  });

  it('gives new drift of a release the fingerprint of the same break on the base', () => {
    const run = runWith('configs/new-name.yaml');
    run.releases[0]!.configs = [
      { path: 'configs/old-name.yaml', currentPath: 'configs/new-name.yaml', blob: sha('2'), status: DriftStatus.New, findings: [{ ...finding, message: 'configs/old-name.yaml: server.storage is required' }], layers: LOADER_BROKE },
    ];
    const [base, drift] = fingerprintRun(run);
    expect(drift!.ref).toBe('v1.0.0');
    expect(drift!.breaks[0]!.fingerprint).toBe(base!.breaks[0]!.fingerprint);
  });
});

describe('fingerprints name exactly what broke', () => {
  it('tell apart two changes of one rule at one place (two properties newly required)', () => {
    const storage = { ...change('required-added', '/server'), message: '`storage` is now required in `/server`' };
    const tls = { ...change('required-added', '/server'), message: '`tls` is now required in `/server`' };
    const finding: Finding = { layer: 'schema', pointer: '/server', keyword: 'required', message: 'must have required property' };
    const [one] = breaksOf(broken('a.yaml', [finding]), 'a.yaml', [storage]);
    const [two] = breaksOf(broken('a.yaml', [finding]), 'a.yaml', [tls]);
    expect(one!.fingerprint).not.toBe(two!.fingerprint);
  });

  it('are made from every finding, not only those the report keeps', () => {
    const enumErrors: Finding[] = Array.from({ length: 25 }, (_, i) => ({ layer: 'schema', pointer: `/items/${i}/mode`, keyword: 'enum', message: 'must be one of' }));
    const typeError: Finding = { layer: 'schema', pointer: '/zz', keyword: 'type', message: 'must be integer' };
    const config = broken('a.yaml', enumErrors.slice(0, 20), SCHEMA_BROKE, { uncut: [...enumErrors, typeError] });
    expect(breaksOf(config, 'a.yaml', []).map((broke) => broke.keyword)).toEqual(expect.arrayContaining(['enum', 'type']));
  });

  it('leave item indexes out of a schema error no change explains', () => {
    const at = (index: number): Finding => ({ layer: 'schema', pointer: `/servers/${index}/port`, keyword: 'maximum', message: 'must be <= 49151' });
    expect(breaksOf(broken('a.yaml', [at(3)]), 'a.yaml', [])[0]!.fingerprint).toBe(breaksOf(broken('a.yaml', [at(4)]), 'a.yaml', [])[0]!.fingerprint);
  });

  it('give every new suite failure its own fingerprint, past any cut of the list of tests', () => {
    const findings: Finding[] = Array.from({ length: 60 }, (_, i) => ({ layer: 'suite', test: `t::new_${i}`, message: `test t::new_${i} failed` }));
    const layers: LayerJudgements = { suite: { base: 'rejects', pr: 'rejects', newFailures: findings.slice(0, 50).map((f) => f.test!), newFailureCount: 60 } };
    expect(breaksOf({ path: 'a.yaml', findings: findings.slice(0, 20), uncut: findings, layers }, 'a.yaml', [])).toHaveLength(60);
  });
});
