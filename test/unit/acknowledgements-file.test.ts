import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/errors.js';
import { ACKNOWLEDGEMENTS_SCHEMA, parseAcknowledgements, readAcknowledgements } from '../../src/verdict/acknowledgements-file.js';
import { coverBreaks, utcDay, type FileCoverage } from '../../src/verdict/coverage.js';
import type { ConfigBreaks } from '../../src/verdict/fingerprint.js';

const FILE = '.github/compat-gate-acknowledged.yaml';
const parse = (text: string) => parseAcknowledgements(FILE, Buffer.from(text));
const failure = (text: string): GateError => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GateError);
    return error as GateError;
  }
  throw new Error('expected the file to be refused');
};

const FP_A = 'cg1:aaaaaaaaaaaaaaaa';
const FP_B = 'cg1:bbbbbbbbbbbbbbbb';
const FP_D = 'cg1:dddddddddddddddd';

describe('the acknowledgements file', () => {
  it('ships its JSON Schema in schemas/, equal to the one the gate validates with', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../schemas/acknowledgements.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(ACKNOWLEDGEMENTS_SCHEMA)));
  });

  it('reads `acknowledgements:` with entries by fingerprint and by paths and layer, with their lines', () => {
    const read = parse(
      [
        'acknowledgements:',
        `  - fingerprint: ${FP_A}`,
        '    reason: storage moved under server',
        '    expires: 2027-01-31',
        '    issue: https://github.com/acme/app/issues/12',
        '  - paths: distributions/*/run.yaml',
        '    layer: loader',
        '    reason: "the loader now needs a version"',
      ].join('\n'),
    );
    expect(read.form).toBe('mapping');
    expect(read.entries).toEqual([
      { number: 1, line: 2, fingerprint: FP_A, reason: 'storage moved under server', expires: '2027-01-31', issue: 'https://github.com/acme/app/issues/12' },
      { number: 2, line: 6, paths: ['distributions/*/run.yaml'], layer: 'loader', reason: 'the loader now needs a version' },
    ]);
  });

  it('reads a top-level list too, and JSON', () => {
    expect(parse(`- fingerprint: ${FP_A}\n  reason: x\n`).form).toBe('list');
    expect(parseAcknowledgements('acks.json', Buffer.from(JSON.stringify([{ paths: ['a/*.yaml', '!a/x.yaml'], layer: 'schema', reason: 'y' }]))).entries[0]).toMatchObject({
      paths: ['a/*.yaml', '!a/x.yaml'],
    });
  });

  it('treats an empty file as no entries', () => {
    expect(parse('').entries).toEqual([]);
  });

  it('refuses YAML that cannot be parsed, naming the file and the line', () => {
    const error = failure('acknowledgements:\n  - fingerprint: cg1:aaaaaaaaaaaaaaaa\n    reason: [unclosed\n');
    expect(error.message).toMatch(/^The acknowledgements file `\.github\/compat-gate-acknowledged\.yaml`, line \d+, cannot be read/);
    expect(error.hint).toMatch(/Fix its syntax/);
  });

  it('refuses an entry without a reason, at its line', () => {
    const error = failure(`acknowledgements:\n  - fingerprint: ${FP_A}\n    reason: ok\n  - fingerprint: ${FP_B}\n`);
    expect(error.message).toBe('The acknowledgements file `.github/compat-gate-acknowledged.yaml`, line 4: entry 2 has no `reason`: every acknowledgement says why the break is accepted.');
    expect(error.hint).toMatch(/schemas\/acknowledgements\.schema\.json/);
  });

  it('refuses an empty reason, a bad fingerprint, a bad layer and an unknown key, each at its line', () => {
    expect(failure(`- fingerprint: ${FP_A}\n  reason: "  "\n`).message).toMatch(/line 2: entry 1: `reason` is empty/);
    expect(failure('- fingerprint: abc\n  reason: x\n').message).toMatch(/line 1: entry 1: `fingerprint` is `abc`, not a compat-gate fingerprint/);
    expect(failure('- paths: a.yaml\n  layer: loaders\n  reason: x\n').message).toMatch(/line 2: entry 1: `layer` is `loaders`, not one of `schema`, `loader`, `suite`/);
    expect(failure(`- fingerprint: ${FP_A}\n  reason: x\n  expiry: 2027-01-01\n`).message).toMatch(/line 3: entry 1 has an unknown key `expiry`/);
  });

  it('refuses an entry with neither a fingerprint nor paths and layer, and one with both', () => {
    expect(failure('- paths: a.yaml\n  reason: x\n').message).toMatch(/entry 1 has neither a `fingerprint` nor both `paths` and `layer`/);
    expect(failure(`- fingerprint: ${FP_A}\n  paths: a.yaml\n  reason: x\n`).message).toMatch(/entry 1 has a `fingerprint` and `paths`\/`layer`/);
  });

  it('refuses a date that is not YYYY-MM-DD, and one that does not exist', () => {
    expect(failure(`- fingerprint: ${FP_A}\n  reason: x\n  expires: 31/01/2027\n`).message).toMatch(/line 3: entry 1: `expires` is `31\/01\/2027`, not a date written YYYY-MM-DD/);
    const error = failure(`- fingerprint: ${FP_A}\n  reason: x\n  expires: 2027-02-30\n`);
    expect(error.message).toMatch(/line 3: entry 1 expires on `2027-02-30`, which is not a date/);
    expect(error.hint).toMatch(/YYYY-MM-DD/);
  });

  it('refuses `paths` that exclude only, at their line', () => {
    expect(failure('- paths: ["!a/*.yaml"]\n  layer: schema\n  reason: x\n').message).toMatch(/line 1: entry 1 has `paths` that are not globs compat-gate can read \(`!a\/\*\.yaml`\)/);
  });

  it('refuses a file that is neither a list nor `acknowledgements:`', () => {
    expect(failure('fingerprint: x\n').message).toMatch(/the file has no `acknowledgements:` list|unknown key/);
    expect(failure('just text\n').message).toMatch(/neither a list of entries nor an object/);
    expect(failure('acknowledgements: 3\n').message).toMatch(/line 1: `acknowledgements` must be a list of entries/);
  });

  it('is no entries when it does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acks-'));
    try {
      expect(await readAcknowledgements(join(dir, 'missing.yaml'), 'missing.yaml')).toEqual({ path: 'missing.yaml', found: false });
      await writeFile(join(dir, 'acks.yaml'), `- fingerprint: ${FP_A}\n  reason: x\n`);
      expect(await readAcknowledgements(join(dir, 'acks.yaml'), 'acks.yaml')).toMatchObject({ found: true, entries: [{ fingerprint: FP_A }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('matching entries with breaks', () => {
  const breaks: ConfigBreaks[] = [
    {
      ref: 'base',
      configPath: 'configs/a.yaml',
      breaks: [
        { fingerprint: FP_A, path: 'configs/a.yaml', layer: 'schema', rule: 'required-added', pointer: '/server' },
        { fingerprint: FP_B, path: 'configs/a.yaml', layer: 'loader', message: 'boom' },
      ],
    },
    { ref: 'v1.0.0', configPath: 'configs/old.yaml', currentPath: 'configs/d.yaml', breaks: [{ fingerprint: FP_D, path: 'configs/old.yaml', layer: 'loader', message: 'x' }] },
  ];
  const cover = (text: string, today = '2026-12-07', failOnDrift = false): FileCoverage =>
    coverBreaks({ path: FILE, found: true, ...parse(text) }, breaks, (found) => found.ref === 'base' || failOnDrift, today);

  it('covers every break of the base with fingerprints and names the entries used', () => {
    const coverage = cover(`- fingerprint: ${FP_A}\n  reason: a\n- fingerprint: ${FP_B}\n  reason: b\n`);
    expect(coverage.covered).toBe(true);
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.entries.map((entry) => [entry.number, entry.state, entry.covers])).toEqual([
      [1, 'used', [FP_A]],
      [2, 'used', [FP_B]],
    ]);
  });

  it('covers by a glob of paths and a layer, matching the path now as well as in the release', () => {
    const coverage = cover('- paths: configs/*.yaml\n  layer: loader\n  reason: x\n');
    expect(coverage.entries[0]!.covers).toEqual([FP_B, FP_D]);
    expect(coverage.uncovered.map((broke) => broke.fingerprint)).toEqual([FP_A]);
    expect(cover('- paths: [configs/d.yaml]\n  layer: loader\n  reason: x\n').entries[0]!.covers).toEqual([FP_D]);
  });

  it('leaves a partly covered PR uncovered, names the new break and offers an entry for it', () => {
    const coverage = cover(`acknowledgements:\n  - fingerprint: ${FP_A}\n    reason: a\n`);
    expect(coverage.covered).toBe(false);
    expect(coverage.uncovered).toEqual([expect.objectContaining({ fingerprint: FP_B, configPath: 'configs/a.yaml', newSinceAcknowledgement: true })]);
    expect(coverage.suggestion).toBe(
      [
        '# add under `acknowledgements:`',
        '  # configs/a.yaml — loader: boom',
        `  - fingerprint: ${FP_B}`,
        '    reason: "TODO: why users may lose this, and what they must change" # replace before merging',
      ].join('\n'),
    );
    // The suggestion, pasted, is a valid file once its reason is written (not before).
    const pastedAsOffered = `acknowledgements:\n  - fingerprint: ${FP_A}\n    reason: a\n${coverage.suggestion!.split('\n').slice(1).join('\n')}\n`;
    expect(() => parse(pastedAsOffered)).toThrow(/line 6: entry 2 still has the placeholder reason/);
    const pasted = parse(pastedAsOffered.replace(/"TODO:[^"]*"/, '"users must add storage:"'));
    expect(pasted.entries.map((entry) => entry.fingerprint)).toEqual([FP_A, FP_B]);
  });

  it('offers a whole file when there is none', () => {
    const coverage = coverBreaks({ path: FILE, found: false }, breaks, (found) => found.ref === 'base', '2026-12-07');
    expect(coverage.covered).toBe(false);
    expect(coverage.suggestion!.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/org/compat-gate/main/schemas/acknowledgements.schema.json',
      'acknowledgements:',
    ]);
    // Pasted as offered, the entries are refused until their reasons are written.
    expect(() => parse(coverage.suggestion!)).toThrow(/still has the placeholder reason compat-gate offered/);
    expect(parse(coverage.suggestion!.replace(/"TODO:[^"]*"/g, '"users must add storage:"')).entries).toHaveLength(2);
  });

  it('lets an expired entry acknowledge nothing and says which break it would have covered', () => {
    const text = `- fingerprint: ${FP_A}\n  reason: a\n  expires: 2026-12-06\n- fingerprint: ${FP_B}\n  reason: b\n`;
    const coverage = cover(text);
    expect(coverage.covered).toBe(false);
    expect(coverage.entries[0]).toMatchObject({ state: 'expired', covers: [FP_A] });
    expect(coverage.uncovered).toEqual([expect.objectContaining({ fingerprint: FP_A, expiredEntries: [1] })]);
    // The day it names is the last day it counts.
    expect(cover(text, '2026-12-06').covered).toBe(true);
  });

  it('reports an entry that matches no break as stale, without failing', () => {
    const coverage = cover(`- fingerprint: ${FP_A}\n  reason: a\n- fingerprint: ${FP_B}\n  reason: b\n- fingerprint: cg1:0123456789abcdef\n  reason: old\n`);
    expect(coverage.covered).toBe(true);
    expect(coverage.entries[2]).toMatchObject({ number: 3, line: 5, state: 'stale', covers: [] });
  });

  it('counts new drift only with fail-on-drift, and an entry for it is never stale', () => {
    const text = `- fingerprint: ${FP_A}\n  reason: a\n- fingerprint: ${FP_B}\n  reason: b\n- fingerprint: ${FP_D}\n  reason: d\n`;
    expect(cover(text).entries[2]!.state).toBe('used');
    expect(cover(`- fingerprint: ${FP_A}\n  reason: a\n- fingerprint: ${FP_B}\n  reason: b\n`, '2026-12-07', true).uncovered.map((broke) => broke.fingerprint)).toEqual([FP_D]);
  });

  it('compares expiry with the UTC day of the clock', () => {
    expect(utcDay(Date.UTC(2026, 11, 7, 23, 59))).toBe('2026-12-07');
  });
});

describe('entries by paths', () => {
  it('exclude a config by any name it has had: a `!` glob is not bypassed by an old name', () => {
    const renamed: ConfigBreaks = {
      ref: 'base',
      configPath: 'conf/prod.yaml',
      breaks: [{ fingerprint: 'cg2:0123456789abcdef', path: 'conf/production.yaml', layer: 'loader', message: 'x' }],
    };
    const file = { path: FILE, found: true, form: 'list' as const, entries: [{ number: 1, paths: ['conf/**', '!conf/prod.yaml'], layer: 'loader', reason: 'r' }] };
    expect(coverBreaks(file, [renamed], () => true, '2026-12-07').covered).toBe(false);
    const other = { ...renamed, configPath: 'conf/dev.yaml', breaks: [{ ...renamed.breaks[0]!, path: 'conf/dev.yaml' }] };
    expect(coverBreaks(file, [other], () => true, '2026-12-07').covered).toBe(true);
  });
});

