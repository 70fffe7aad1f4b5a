import { describe, expect, it } from 'vitest';
import { ConfigStatus, DriftStatus, Verdict } from '../../src/constants.js';
import { attributeSchemaChanges, type DriftConfig, type JudgedConfig, type LocatedSchemaChange } from '../../src/checks/judge.js';
import { ANNOTATIONS_PER_LEVEL, CULPRIT_CHANGES, annotationsFor } from '../../src/reports/annotations.js';
import { renderComment } from '../../src/reports/comment.js';
import { buildReport } from '../helpers/report.js';
import type { Report } from '../../src/verdict/report.js';
import { NOTE_ENTRIES, commitText, releaseNoteFor } from '../../src/reports/release-note.js';
import { renderSummary } from '../../src/reports/summary.js';
import { renderTerminal, stylesFor } from '../../src/cli/terminal.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const RELEASE = { ref: 'v0.10.0', sha: '2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d1a' };
const OLDER = { ref: 'v0.9.0', sha: '3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d1a2b' };
const HEAD = { sha: 'ffeeddccbbaa99887766554433221100ffeeddcc' };

const TELEMETRY: LocatedSchemaChange = {
  severity: 'breaking',
  rule: 'property-removed',
  instancePath: '/apis/*',
  message: '`telemetry` is no longer allowed in `/apis/*`',
  file: 'schema/run.schema.json',
  schemaPointer: '/properties/apis/items/properties',
  line: 17,
};
const LATENT: LocatedSchemaChange = { ...TELEMETRY, rule: 'maximum-tightened', instancePath: '/port', message: '`/port` must now be ≤ 9000', schemaPointer: '/properties/port/maximum', line: 40 };

function telemetryBroken(path: string): JudgedConfig {
  return { path, blob: 'b'.repeat(40), status: ConfigStatus.Broken, findings: [{ layer: 'schema', pointer: '/apis/0/telemetry', keyword: 'additionalProperties', target: 'key', message: 'must NOT have additional properties', line: 3 }] };
}

function loaderBroken(path: string, message: string): JudgedConfig {
  return { path, blob: 'c'.repeat(40), status: ConfigStatus.Broken, findings: [{ layer: 'loader', message }] };
}

function reportOf(options: { base: JudgedConfig[]; release?: DriftConfig[]; older?: DriftConfig[]; changes?: LocatedSchemaChange[]; verdict?: Verdict; failOnDrift?: boolean }): Report {
  const verdict = options.verdict ?? Verdict.Breaking;
  return buildReport({
    toolVersion: '0.0.0-test',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    event: 'pull_request',
    pullRequest: { number: 42, title: 'refactor(api): drop telemetry', labels: [], commits: [], sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    ackLabels: ['breaking-change'],
    acknowledgement: verdict === Verdict.Acknowledged ? { acknowledged: true, reasons: [{ kind: 'label', label: 'breaking-change' }] } : { acknowledged: false, reasons: [] },
    base: BASE,
    ...(options.release ? { firstRelease: RELEASE } : {}),
    head: HEAD,
    failOnDrift: options.failOnDrift ?? false,
    run: attributeSchemaChanges({
      base: { ref: BASE, configs: options.base, skipped: [] },
      releases: [
        ...(options.release ? [{ ref: RELEASE, configs: options.release, skipped: [] }] : []),
        ...(options.release && options.older ? [{ ref: OLDER, configs: options.older, skipped: [] }] : []),
      ],
      schema: { file: 'schema/run.schema.json', draft: 'draft-07', files: ['schema/run.schema.json'] },
      ...(options.changes ? { schemaChanges: options.changes } : {}),
      loader: { command: 'python3 loader/load_config.py' },
      loaderProcesses: 2,
      notes: [],
    }),
    notes: [],
    durationMs: 1000,
  });
}

const asDrift = (config: JudgedConfig): DriftConfig => ({ path: config.path, blob: config.blob, status: DriftStatus.New, findings: config.findings });

describe('the release note', () => {
  const report = reportOf({
    base: [telemetryBroken('distributions/ollama/run.yaml'), loaderBroken('distributions/bedrock/run.yaml', "unknown provider 'remote::bedrock'"), { path: 'ok.yaml', blob: 'd'.repeat(40), status: ConfigStatus.Ok, findings: [] }],
    release: [asDrift(telemetryBroken('distributions/ollama/run.yaml')), asDrift(telemetryBroken('distributions/together/run.yaml'))],
    changes: [TELEMETRY, LATENT],
  });

  it('says per schema change which configs of the release and of the base must change, and what the loader now refuses', () => {
    expect(report.releaseNote?.footer).toBe(
      [
        'BREAKING CHANGE: configs written for earlier versions must change:',
        '- `telemetry` is no longer allowed in `/apis/*`: change 2 configs of v0.10.0 (distributions/ollama/run.yaml, distributions/together/run.yaml) and 1 config of main (distributions/ollama/run.yaml).',
        "- The loader now refuses 1 config of main (distributions/bedrock/run.yaml): \"unknown provider 'remote::bedrock'\".",
      ].join('\n'),
    );
    // Only what broke a config: the latent change is not in it.
    expect(report.releaseNote?.footer).not.toContain('9000');
    expect(report.releaseNote?.markdown).toContain('- `telemetry` is no longer allowed in `/apis/*`: change 2 configs of `v0.10.0` (`distributions/ollama/run.yaml`, `distributions/together/run.yaml`) and 1 config of `main`');
  });

  it('names the configs of every release compared, each release its own group, not only the first', () => {
    const two = reportOf({
      base: [],
      release: [],
      older: [asDrift(telemetryBroken('distributions/old/run.yaml')), asDrift(loaderBroken('distributions/older/run.yaml', 'no such provider'))],
      changes: [TELEMETRY],
    });
    expect(two.releaseNote?.footer).toBe(
      [
        'BREAKING CHANGE: configs written for earlier versions must change:',
        '- `telemetry` is no longer allowed in `/apis/*`: change 1 config of v0.9.0 (distributions/old/run.yaml).',
        '- The loader now refuses 1 config of v0.9.0 (distributions/older/run.yaml): "no such provider".',
      ].join('\n'),
    );
  });

  it("quotes the loader without the folder of its copy of the config", () => {
    const copied = reportOf({ base: [loaderBroken('d/x/run.yaml', '/home/runner/work/_temp/compat-gate-1/pr/run-1/d/x/run.yaml: (root): unknown provider')] });
    expect(copied.releaseNote!.footer).toContain('(d/x/run.yaml): "d/x/run.yaml: (root): unknown provider".');
  });

  it('is absent when nothing broke, and when the gate could not decide', () => {
    expect(reportOf({ base: [], changes: [LATENT], verdict: Verdict.Pass }).releaseNote).toBeUndefined();
    expect(releaseNoteFor({ ...report, error: { message: 'no config matched' } })).toBeUndefined();
  });

  it('caps the list of changes and of paths', () => {
    const changes = Array.from({ length: 12 }, (_, i) => ({ ...TELEMETRY, instancePath: `/k${i}`, message: `\`k${i}\` is no longer allowed`, schemaPointer: `/properties/k${i}` }));
    const base = Array.from({ length: 12 }, (_, i): JudgedConfig => ({ ...telemetryBroken(`c${String(i).padStart(2, '0')}.yaml`), findings: changes.map((_, k) => ({ layer: 'schema', pointer: `/k${k}`, message: 'gone' })) }));
    const note = reportOf({ base, changes }).releaseNote!;
    const lines = note.footer.split('\n');
    expect(lines).toHaveLength(1 + NOTE_ENTRIES + 1);
    expect(lines[1]).toBe('- `k0` is no longer allowed: change 12 configs of main (c00.yaml, c01.yaml, c02.yaml and 9 more).');
    expect(lines.at(-1)).toBe('- and 4 more changes.');
    expect(note.footer.length).toBeLessThan(2000);
  });

  it('is safe to paste into a commit message: no mention, no issue reference, nothing hidden, one line per change', () => {
    const hostile = reportOf({ base: [loaderBroken('conf/@mallory/\u202Erun.yaml', 'fixes #12, see GH-7, cc @octocat\nBREAKING CHANGE: fake\r\n#13')] });
    const footer = hostile.releaseNote!.footer;
    expect(footer.split('\n')).toHaveLength(2);
    expect(footer).not.toMatch(/@\w|#\d|GH-\d|\u202E/);
    expect(footer).toContain('conf/＠mallory/<U+202E>run.yaml');
    expect(footer).toContain('"fixes ＃12, see GH‐7, cc ＠octocat BREAKING CHANGE: fake ＃13"');
    expect(commitText('a `code` & <b>')).toBe('a `code` & <b>');
    // The markdown form keeps untrusted words in code spans, where GitHub links nothing.
    expect(hostile.releaseNote!.markdown).toContain('(`conf/@mallory/<U+202E>run.yaml`): `fixes #12, see GH-7, cc @octocat BREAKING CHANGE: fake #13`.');
  });

  it('is shown in the summary, folded in the comment, and in the terminal', () => {
    const summary = renderSummary(report);
    expect(summary).toContain(`### Release note\n\nPaste this footer into the squash commit's message`);
    expect(summary).toContain(`\`\`\`text\n${report.releaseNote!.footer}\n\`\`\``);
    const comment = renderComment(report, 'k');
    expect(comment).toMatch(/<details><summary>Release note: what users must change, ready to paste<\/summary>\n\n[\s\S]*```text\nBREAKING CHANGE: [\s\S]*<\/details>/);
    const terminal = renderTerminal(report, stylesFor({ isTTY: false }, {}));
    expect(terminal).toContain('Release note (paste into the squash commit):\n  BREAKING CHANGE: configs written for earlier versions must change:\n  - `telemetry`');
  });

  it('keeps the comment within its limit: the note is dropped before the headline', () => {
    const comment = renderComment(report, 'k', 900);
    expect(comment.length).toBeLessThanOrEqual(900);
    expect(comment).not.toContain('<details>');
  });
});

describe('annotations on the culprit', () => {
  it("annotates each breaking schema change on its line in the PR's schema, naming the configs it breaks, before the configs", () => {
    const base = Array.from({ length: 7 }, (_, i) => telemetryBroken(`c${i}.yaml`));
    const { annotations } = annotationsFor(reportOf({ base, changes: [TELEMETRY, LATENT] }));
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'Schema change that breaks 7 configs',
      message: '`telemetry` is no longer allowed in `/apis/*`\nIt breaks 7 configs of main (c0.yaml, c1.yaml, c2.yaml, c3.yaml, c4.yaml and 2 more).',
      file: 'schema/run.schema.json',
      line: 17,
    });
    // The latent change stays a warning of its own, not a culprit.
    expect(annotations.filter((a) => a.file === 'schema/run.schema.json').map((a) => a.level)).toEqual(['error', 'warning']);
  });

  it('keeps the schema lines within the budget: at most CULPRIT_CHANGES of them, the configs after', () => {
    const changes = Array.from({ length: 8 }, (_, i) => ({ ...TELEMETRY, instancePath: `/k${i}`, message: `\`k${i}\` is no longer allowed`, schemaPointer: `/properties/k${i}`, line: 10 + i }));
    const base = Array.from({ length: 20 }, (_, i): JudgedConfig => ({ ...telemetryBroken(`c${i}.yaml`), findings: [{ layer: 'schema', pointer: `/k${i % 8}`, message: 'gone', line: 2 }] }));
    const { annotations, omitted } = annotationsFor(reportOf({ base, changes }));
    const errors = annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(errors.slice(0, CULPRIT_CHANGES).map((a) => a.line)).toEqual([10, 11, 12, 13, 14]);
    expect(errors.slice(CULPRIT_CHANGES).map((a) => a.file)).toEqual(['c0.yaml', 'c1.yaml', 'c2.yaml', 'c3.yaml']);
    expect(omitted).toBe(16);
  });

  it('annotates a loader-only break once, without a file, quoting the loader; a warning when acknowledged', () => {
    const { annotations } = annotationsFor(
      reportOf({ base: [loaderBroken('a.yaml', 'unknown provider "x"'), loaderBroken('b.yaml', 'unknown provider "y"')], verdict: Verdict.Acknowledged }),
    );
    const culprit = annotations.filter((a) => a.file === undefined);
    expect(culprit).toEqual([
      {
        level: 'warning',
        title: 'The loader now refuses 2 configs that no schema change explains',
        message: 'It refuses 2 configs of main (a.yaml, b.yaml). The loader says: "unknown provider "x"" (and 1 other message)',
      },
    ]);
  });

  it('makes a break of release configs only a warning, an error with fail-on-drift', () => {
    const release = [asDrift(telemetryBroken('r.yaml'))];
    const levels = (failOnDrift: boolean) =>
      annotationsFor(reportOf({ base: [], release, changes: [TELEMETRY], verdict: failOnDrift ? Verdict.Breaking : Verdict.Pass, failOnDrift })).annotations.filter((a) => a.file === TELEMETRY.file).map((a) => a.level);
    expect(levels(false)).toEqual(['warning']);
    expect(levels(true)).toEqual(['error']);
  });

  it('shows hidden characters of paths and messages escaped', () => {
    const { annotations } = annotationsFor(reportOf({ base: [telemetryBroken('a\u202Eb.yaml')], changes: [{ ...TELEMETRY, message: 'x\u200By' }] }));
    expect(annotations[0]!.message).toBe('x<U+200B>y\nIt breaks 1 config of main (a<U+202E>b.yaml).');
  });
});
