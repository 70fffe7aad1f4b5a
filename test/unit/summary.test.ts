import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import { attributeSchemaChanges, type GateRun, type JudgedConfig } from '../../src/checks/judge.js';
import { annotationsFor, ANNOTATIONS_PER_LEVEL } from '../../src/reports/annotations.js';
import { inlineCode } from '../../src/reports/markdown.js';
import { buildReport } from '../helpers/report.js';
import type { Report } from '../../src/verdict/report.js';
import { describeFinding, readablePointers, renderSummary } from '../../src/reports/summary.js';
import { acknowledge, type Acknowledgement } from '../../src/verdict/acknowledgement.js';
import { DEFAULT_MERGE_SETTINGS } from '../../src/verdict/merge-settings.js';
import { releaseReach } from '../../src/verdict/release-tool.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const HEAD = { sha: 'ffeeddccbbaa99887766554433221100ffeeddcc' };

function broken(path: string, line = 4): JudgedConfig {
  return {
    path,
    blob: 'b'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'schema', pointer: '/apis/2', keyword: 'enum', message: 'must be one of `inference`, `safety`', line, column: 5 }],
  };
}

function reportOf(configs: JudgedConfig[], verdict: Verdict, acknowledgement: Acknowledgement = { acknowledged: false, reasons: [] }): Report {
  const run: GateRun = {
    base: { ref: BASE, configs, skipped: [] },
    schema: { file: 'schema/run.schema.json', draft: 'draft-07', files: ['schema/run.schema.json'] },
    loader: { command: 'python3 loader/load_config.py' },
    releases: [],
    loaderProcesses: 3,
    notes: [],
  };
  return buildReport({
    toolVersion: '0.0.0-test',
    verdict,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    event: 'pull_request',
    pullRequest: { number: 42, title: 'refactor(api): drop telemetry', labels: [], commits: [], sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    ackLabels: ['breaking-change'],
    acknowledgement,
    base: BASE,
    head: HEAD,
    run,
    notes: [],
    durationMs: 1234,
  });
}

const mixed: JudgedConfig[] = [
  broken('distributions/ollama/run.yaml'),
  {
    path: 'distributions/starter/run.yaml',
    blob: 'c'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'loader', message: "providers.inference.0.provider_type: unknown inline provider 'meta-reference'" }],
  },
  { path: 'distributions/vllm/run.yaml', blob: 'd'.repeat(40), status: ConfigStatus.Ok, findings: [] },
  {
    path: 'distributions/experimental/run.yaml',
    blob: 'e'.repeat(40),
    status: ConfigStatus.FailingOnBase,
    findings: [{ layer: 'schema', pointer: '/server/port', message: 'must be an integer, found a string', line: 11 }],
    baseFindings: [{ layer: 'schema', pointer: '/server/port', message: 'must be an integer, found a string', line: 11 }],
  },
];

describe('job summary', () => {
  it('renders a breaking PR: verdict first, how to acknowledge, broken table with links', async () => {
    const summary = renderSummary(reportOf(mixed, Verdict.Breaking));
    expect(summary.split('\n')[0]).toBe('## ❌ compat-gate: breaking — 2 configs from `main` no longer load with this PR');
    expect(summary).toContain('`refactor(api)!: drop telemetry`');
    expect(summary).toContain('`breaking-change`');
    expect(summary).toContain('[`distributions/ollama/run.yaml`](https://github.com/acme/stack/blob/1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d/distributions/ollama/run.yaml#L4)');
    expect(summary).toContain('### Already failing on the base');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-breaking.md');
  });

  it('renders an acknowledged PR with the reason', async () => {
    const summary = renderSummary(reportOf(mixed, Verdict.Acknowledged, { acknowledged: true, reasons: [{ kind: 'label', label: 'breaking-change' }] }));
    expect(summary.split('\n')[0]).toContain('acknowledged');
    expect(summary).toContain('the label `breaking-change`');
    expect(summary).not.toContain('If the break is intended');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-acknowledged.md');
  });

  it('renders a latent break: a breaking schema change that no config shows, with its line', async () => {
    const report = buildReport({
      toolVersion: '0.0.0-test',
      verdict: Verdict.Pass,
      repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
      ackLabels: ['breaking-change'],
      base: BASE,
      head: HEAD,
      run: attributeSchemaChanges({
        base: { ref: BASE, configs: [mixed[2]!], skipped: [] },
        schema: { file: 'schema/run.schema.json', draft: 'draft-07', files: ['schema/run.schema.json'] },
        schemaChanges: [
          { severity: 'breaking', rule: 'maximum-tightened', instancePath: '/server/port', message: '`/server/port` must now be ≤ 49151 (it was ≤ 65535)', file: 'schema/run.schema.json', schemaPointer: '/properties/server/properties/port/maximum', line: 74 },
          { severity: 'compatible', rule: 'optional-property-added', instancePath: '/server/host', message: '`host` may now be given in `/server`', file: 'schema/run.schema.json', schemaPointer: '/properties/server/properties/host' },
        ],
        releases: [],
        loaderProcesses: 0,
        notes: [],
      }),
      notes: [],
      durationMs: 10,
    });
    expect(report.schemaChanges?.latent.map((change) => change.rule)).toEqual(['maximum-tightened']);
    const summary = renderSummary(report);
    expect(summary.split('\n')[0]).toContain('pass');
    expect(summary).toContain('### Latent breaking changes');
    expect(summary).toContain('schema/run.schema.json#L74');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-latent.md');
    const { annotations } = annotationsFor(report);
    expect(annotations).toContainEqual(expect.objectContaining({ level: 'warning', file: 'schema/run.schema.json', line: 74 }));
  });

  it('names the schema change behind each broken config', () => {
    const report = reportOf(mixed, Verdict.Breaking);
    const withCause = buildReport({
      toolVersion: '0.0.0-test',
      verdict: Verdict.Breaking,
      ackLabels: [],
      base: BASE,
      run: attributeSchemaChanges({
        base: { ref: BASE, configs: [mixed[0]!], skipped: [] },
        schemaChanges: [{ severity: 'breaking', rule: 'enum-narrowed', instancePath: '/apis/*', message: '`telemetry` is no longer allowed in `/apis/*`', file: 's.json', schemaPointer: '/x' }],
        releases: [],
        loaderProcesses: 0,
        notes: [],
      }),
      notes: [],
      durationMs: 1,
    });
    expect(report.configs[0]!.causes).toBeUndefined();
    expect(withCause.configs[0]!.causes).toEqual(['`telemetry` is no longer allowed in `/apis/*`']);
    expect(withCause.schemaChanges?.breaking[0]!.configs).toEqual(['distributions/ollama/run.yaml']);
    expect(renderSummary(withCause)).toContain('schema change: `telemetry` is no longer allowed');
  });

  it('renders a passing PR without tables of broken configs', () => {
    const summary = renderSummary(reportOf([mixed[2]!], Verdict.Pass));
    expect(summary.split('\n')[0]).toBe('## ✅ compat-gate: pass — 1 config from `main` still loads');
    expect(summary).not.toContain('### Broken');
  });

  it('stays inside the size limit by cutting rows, with a visible note and whole table rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => broken(`distributions/d${i}/run.yaml`));
    const limit = 60_000;
    const summary = renderSummary(reportOf(many, Verdict.Breaking), limit);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(limit);
    expect(summary).toMatch(/…and \d+ more configs \(not shown/);
    for (const line of summary.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });

  it('keeps table markup intact for paths with pipes, backticks and newlines', () => {
    const summary = renderSummary(reportOf([broken('odd/a|b`c\nd.yaml')], Verdict.Breaking));
    const row = summary.split('\n').find((line) => line.includes('odd/'))!;
    expect(row.startsWith('| ') && row.endsWith(' |')).toBe(true);
    expect(row).toContain('\\|');
  });
});

describe('markdown pieces', () => {
  it('fences inline code longer than any backtick run inside', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('plain')).toBe('`plain`');
  });
});

describe('annotations', () => {
  it('gives one error per broken config at its line, within GitHub limits, the failure message counted', () => {
    const many = Array.from({ length: 25 }, (_, i) => broken(`c${i}.yaml`, i + 1));
    const { annotations, failure, omitted } = annotationsFor(reportOf(many, Verdict.Breaking));
    // setFailed's message is an error annotation too: 9 configs and it make GitHub's 10.
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(failure).toMatch(/^25 config\(s\) that load on the base no longer load with this PR\..*`breaking-change`/);
    expect(omitted).toBe(16);
    expect(annotations[0]).toMatchObject({ level: 'error', file: 'c0.yaml', line: 1 });
    expect(annotations[0]!.title).toContain('main');
  });

  it('keeps the acknowledged summary warning and the warnings already written inside the 10 warnings', () => {
    const many = Array.from({ length: 12 }, (_, i) => broken(`c${i}.yaml`, i + 1));
    const plan = annotationsFor(reportOf(many, Verdict.Acknowledged, { acknowledged: true, reasons: [] }), { warning: 1 });
    expect(plan.closing).toEqual([expect.objectContaining({ level: 'warning', title: 'compat-gate: acknowledged break' })]);
    expect(plan.closing[0]!.message).toContain('12 config(s)');
    expect(plan.failure).toBeUndefined();
    // 1 written before + 8 configs + the closing summary = 10.
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(8);
    expect(plan.omitted).toBe(4);
  });

  it('gives the could-not-decide message once, as the failure, not twice', () => {
    const report = { ...reportOf([], Verdict.Error), error: { message: 'no config matched', hint: 'fix `configs`' } };
    const plan = annotationsFor(report);
    expect(plan.failure).toBe('compat-gate could not decide: no config matched fix `configs`');
    expect(plan.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  it('shows a path that hides characters escaped in the message, keeping the file as it is for GitHub', () => {
    const { annotations } = annotationsFor(reportOf([broken('conf/\u202Egnp.exe.yaml')], Verdict.Breaking));
    expect(annotations[0]).toMatchObject({ file: 'conf/\u202Egnp.exe.yaml' });
    expect(annotations[0]!.message).toMatch(/^conf\/<U\+202E>gnp\.exe\.yaml: schema at \/apis\/2/);
  });

  it('turns broken configs into warnings when the break is acknowledged', () => {
    const { annotations } = annotationsFor(reportOf([broken('a.yaml')], Verdict.Acknowledged, { acknowledged: true, reasons: [] }));
    expect(annotations).toEqual([expect.objectContaining({ level: 'warning', file: 'a.yaml' })]);
  });
});

describe('near misses and the release', () => {
  const title = 'refactor(api): drop telemetry';
  const commits = [{ sha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', message: `${title}\n\nbreaking change: remove \`telemetry\` from \`/apis\`` }];

  function withRelease(verdict: Verdict, acknowledgement: Acknowledgement, required: boolean): Report {
    const { notes: _notes, ...reach } = releaseReach({
      files: { '.releaserc.json': '{"branches":["main"]}' },
      merge: DEFAULT_MERGE_SETTINGS,
      pullRequest: { number: 42, title, commits },
      acknowledgement,
    });
    const report = reportOf(mixed, verdict, acknowledgement);
    return { ...report, acknowledgement: { ...report.acknowledgement, release: { ...reach, required } } };
  }

  it('lists what almost acknowledged a breaking PR, with the form that counts', async () => {
    const acknowledgement = acknowledge({ title: 'refactor(api) !: drop telemetry', labels: ['Breaking Change'], commits, ackLabels: ['breaking-change'] });
    const report = reportOf(mixed, Verdict.Breaking, acknowledgement);
    const summary = renderSummary({ ...report, pullRequest: { number: 42, title: 'refactor(api) !: drop telemetry' } });
    expect(summary).toContain('mark the PR title as breaking: `refactor(api)!: drop telemetry`');
    expect(summary).toContain('**Not counted, because …**');
    expect(summary).toContain('- the title `refactor(api) !: drop telemetry`: a space before `!`; what counts: `refactor(api)!: drop telemetry`');
    expect(summary).toContain('- commit 9f8e7d6 `` breaking change: remove `telemetry` from `/apis` ``: the token is upper case; what counts: `` BREAKING CHANGE: remove `telemetry` from `/apis` ``');
    expect(summary).toContain('- the label `Breaking Change`: it differs from an `ack-labels` label in case or separators; what counts: the label `breaking-change`');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-near-misses.md');
  });

  it('shows no near misses for a PR that passes, nor for an acknowledged one whose title counts', () => {
    const loose = acknowledge({ title: 'feat!:x', labels: ['breaking'], commits: [], ackLabels: ['breaking-change'] });
    expect(renderSummary(reportOf(mixed, Verdict.Pass, loose))).not.toContain('Not counted');
    const byTitle = acknowledge({ title: 'feat!: x', labels: ['breaking'], commits: [], ackLabels: ['breaking-change'] });
    expect(renderSummary(reportOf(mixed, Verdict.Acknowledged, byTitle))).not.toContain('Not counted');
  });

  it('warns that an acknowledgement by `!` alone will not reach semantic-release\'s default preset, with the fix', async () => {
    const acknowledgement = acknowledge({ title: 'refactor(api)!: drop telemetry', labels: [], commits: [{ sha: 'c1', message: title }], ackLabels: ['breaking-change'] });
    const summary = renderSummary(withRelease(Verdict.Acknowledged, acknowledgement, false));
    expect(summary).toContain('**The release will not show this break:**');
    expect(summary).toContain(
      '- semantic-release (angular preset), squash merge: it ignores the `!` of `feat!: …` and reads only a `BREAKING CHANGE:` footer. **Fix:** add a `BREAKING CHANGE: <what users must change>` footer to a commit message of the PR: the squash body keeps the commit messages.',
    );
    expect(summary).toContain('Set `ack-must-reach-release: true`');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-release-warning.md');
  });

  it('explains a breaking verdict that comes from ack-must-reach-release, instead of how to acknowledge', () => {
    const acknowledgement = acknowledge({ title: 'refactor(api)!: drop telemetry', labels: [], commits: [{ sha: 'c1', message: title }], ackLabels: ['breaking-change'] });
    const summary = renderSummary(withRelease(Verdict.Breaking, acknowledgement, true));
    expect(summary).toContain('The PR acknowledges the break (by the PR title `refactor(api)!: drop telemetry`), but the release will not: `ack-must-reach-release` is set');
    expect(summary).not.toContain('If the break is intended');
    expect(summary).not.toContain('Set `ack-must-reach-release: true`');
  });
});

describe('pointers in human text', () => {
  it('reads unescaped in markdown findings and schema-change messages', () => {
    const finding = { layer: 'schema' as const, message: 'must be string', pointer: '/rules/angular-eslint~1component/a~0b' };
    expect(describeFinding(finding)).toBe('schema at `/rules/angular-eslint/component/a~b`: must be string');
    expect(readablePointers('`/rules/angular-eslint~1component` must now be string, not `x~1y`')).toBe('`/rules/angular-eslint/component` must now be string, not `x~1y`');
  });
});

describe('the summary: skipped paths', () => {
  it('says what the skipped paths are, a Git LFS pointer among them', () => {
    const report = reportOf([broken('a.yaml')], Verdict.Breaking);
    const withSkipped: Report = {
      ...report,
      counts: { ...report.counts, skipped: 3 },
      skipped: [
        { path: 'big.yaml', kind: 'lfs-pointer', reason: 'a Git LFS pointer: its content (10 bytes) lives in Git LFS and was not checked' },
        { path: 'link.yaml', kind: 'symlink', reason: 'a symbolic link (not followed)' },
        { path: 'old.yaml', reason: 'from a report without kinds' },
      ],
    };
    expect(renderSummary(withSkipped)).toContain('1 checked: 0 load, 1 broken, 0 already failing, 0 unreadable; 3 skipped (1 Git LFS pointer, 1 symbolic link, 1 other path)');
  });
});

describe('job summary: the integration suite', () => {
  const suiteRun = (configs: JudgedConfig[]): Report => {
    const report = reportOf(configs, Verdict.Breaking);
    return { ...report, suite: { command: 'pytest tests/integration --stack-config={config}', configs: 2, processes: 4, durationMs: 95_000 } };
  };
  const tested: JudgedConfig = {
    path: 'distributions/ci/run.yaml',
    blob: 'f'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [
      { layer: 'suite', test: 'tests.test_inference::test_chat[<img src=x>]', message: 'test tests.test_inference::test_chat[<img src=x>] failed: @octocat AssertionError: 500 != 200' },
      { layer: 'suite', test: 'tests.test_safety::test_shield', message: 'test tests.test_safety::test_shield failed (on the base too): no GPU' },
    ],
    layers: { suite: { base: 'rejects', pr: 'rejects', newFailures: ['tests.test_inference::test_chat[<img src=x>]'], failedOnBoth: 1 } },
  };
  const byExitCode: JudgedConfig = {
    path: 'distributions/gpu/run.yaml',
    blob: 'a'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'suite', message: 'the suite failed (exit code 1).', output: 'E   KeyError: telemetry\n```\n</details> @admin\nFAILED tests/test_x.py::test_y' }],
    layers: { suite: { base: 'accepts', pr: 'rejects' } },
  };

  it('names the tests the PR broke and counts, without blaming, the ones that failed on both; shows a tail collapsed and inert', async () => {
    const summary = renderSummary(suiteRun([tested, byExitCode]));
    expect(summary).toContain('### Integration suite');
    expect(summary).toContain("1 test that did not fail on the base fails with this PR; 1 test failed on the base too (not this PR's doing).");
    const section = summary.slice(summary.indexOf('### Integration suite'), summary.indexOf('\n### ', summary.indexOf('### Integration suite') + 1));
    expect(section).toContain('&lt;img src=x&gt;');
    expect(section).not.toContain('<img');
    expect(section).not.toMatch(/@octocat/);
    // The tail sits in a fence longer than any backtick run in it: its `</details>` is text.
    expect(summary).toContain('<details><summary>Last lines of its output</summary>\n\n````text\nE   KeyError: telemetry');
    expect(summary).toMatch(/\| Suite \| `pytest tests\/integration --stack-config=\{config\}`: 2 configs, 4 processes one at a time, 95\.0 s \|/);
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-suite.md');
  });
});
