import { describe, expect, it } from 'vitest';
import { attributeSchemaChanges, type DriftConfig, type JudgedConfig, type LocatedSchemaChange } from '../../src/checks/judge.js';
import { ConfigStatus, DriftStatus } from '../../src/constants.js';

const BASE = { ref: 'main', sha: 'a'.repeat(40) };
const RELEASE = { ref: 'v1.0.0', sha: 'b'.repeat(40) };

function schemaFailure(path: string, status: ConfigStatus, pointer: string): JudgedConfig {
  return { path, blob: 'c'.repeat(40), status, findings: [{ layer: 'schema', pointer, message: 'must be one of `a`, `b`' }] };
}

const enumNarrowed: LocatedSchemaChange = { severity: 'breaking', rule: 'enum-narrowed', instancePath: '/apis/*', message: '`telemetry` is no longer allowed in `/apis/*`', file: 's.json', schemaPointer: '/a', line: 7 };
const portTightened: LocatedSchemaChange = { severity: 'breaking', rule: 'maximum-tightened', instancePath: '/server/port', message: '`/server/port` must now be ≤ 49151', file: 's.json', schemaPointer: '/b' };
const hostAdded: LocatedSchemaChange = { severity: 'compatible', rule: 'optional-property-added', instancePath: '/apis', message: '`host` may now be given', file: 's.json', schemaPointer: '/c' };

describe('attributing schema changes to the configs they broke', () => {
  it('joins each change with the broken base configs and the new release drift under it', () => {
    const newDrift: DriftConfig = { path: 'release/run.yaml', blob: 'd'.repeat(40), status: DriftStatus.New, findings: [{ layer: 'schema', pointer: '/apis/0', message: 'x' }] };
    const existing: DriftConfig = { path: 'old/run.yaml', blob: 'e'.repeat(40), status: DriftStatus.Existing, findings: [{ layer: 'schema', pointer: '/apis/0', message: 'x' }] };
    const run = attributeSchemaChanges({
      base: {
        ref: BASE,
        configs: [
          schemaFailure('a.yaml', ConfigStatus.Broken, '/apis/2'),
          schemaFailure('b.yaml', ConfigStatus.FailingOnBase, '/apis/2'),
          { path: 'c.yaml', blob: 'f'.repeat(40), status: ConfigStatus.Broken, findings: [{ layer: 'loader', message: 'boom' }] },
        ],
        skipped: [],
      },
      releases: [{ ref: RELEASE, configs: [newDrift, existing], skipped: [] }],
      schemaChanges: [enumNarrowed, portTightened, hostAdded],
      loaderProcesses: 0,
      notes: [],
    });
    expect(run.schemaChanges).toEqual([
      { ...enumNarrowed, configs: ['a.yaml', 'release/run.yaml'] },
      { ...portTightened, configs: [] },
      { ...hostAdded, configs: ['a.yaml', 'release/run.yaml'] },
    ]);
    expect(run.base.configs.map((config) => config.causes)).toEqual([['`telemetry` is no longer allowed in `/apis/*`'], undefined, undefined]);
  });

  it('names a config once per change, and a cause once per message', () => {
    const twice = { ...enumNarrowed, schemaPointer: '/d' };
    const config: JudgedConfig = {
      path: 'a.yaml',
      blob: 'c'.repeat(40),
      status: ConfigStatus.Broken,
      findings: [
        { layer: 'schema', pointer: '/apis/1', message: 'x' },
        { layer: 'schema', pointer: '/apis/2', message: 'y' },
      ],
    };
    const run = attributeSchemaChanges({
      base: { ref: BASE, configs: [config], skipped: [] },
      releases: [{ ref: RELEASE, configs: [{ ...config, status: DriftStatus.New }], skipped: [] }],
      schemaChanges: [enumNarrowed, twice],
      loaderProcesses: 0,
      notes: [],
    });
    expect(run.schemaChanges!.map((change) => change.configs)).toEqual([['a.yaml'], ['a.yaml']]);
    expect(run.base.configs[0]!.causes).toEqual(['`telemetry` is no longer allowed in `/apis/*`']);
  });

  it('leaves a run without a schema diff as it is', () => {
    const base = { ref: BASE, configs: [schemaFailure('a.yaml', ConfigStatus.Broken, '/apis/2')], skipped: [] };
    const run = attributeSchemaChanges({ base, releases: [], loaderProcesses: 0, notes: [] });
    expect(run).toEqual({ base, releases: [], loaderProcesses: 0, notes: [] });
    expect('schemaChanges' in run).toBe(false);
  });
});

describe('a latent change shown by configs already failing on the base', () => {
  it('names the failing configs whose new schema errors fall under it, and not those the base rejected there too', () => {
    const portError = { layer: 'schema' as const, pointer: '/server/port', message: 'must be <= 9000' };
    const debugError = { layer: 'schema' as const, pointer: '/debug', message: 'must be boolean' };
    const run = attributeSchemaChanges({
      base: {
        ref: BASE,
        configs: [
          // Failed on the base for `debug`; the PR adds the port error: the change shows here.
          { path: 'shows.yaml', blob: 'c'.repeat(40), status: ConfigStatus.FailingOnBase, findings: [debugError, portError], baseFindings: [debugError] },
          // The base's schema already rejected the port: the change does not show.
          { path: 'old.yaml', blob: 'd'.repeat(40), status: ConfigStatus.FailingOnBase, findings: [portError], baseFindings: [portError] },
        ],
        skipped: [],
      },
      schemaChanges: [portTightened],
      releases: [],
      loaderProcesses: 0,
      notes: [],
    });
    expect(run.schemaChanges).toEqual([{ ...portTightened, configs: [], shownBy: ['shows.yaml'] }]);
  });
});
