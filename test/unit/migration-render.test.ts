import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStatus, Verdict } from '../../src/constants.js';
import type { GateRun, JudgedConfig } from '../../src/checks/judge.js';
import type { Migration } from '../../src/checks/migration/index.js';
import { unifiedDiff } from '../../src/checks/migration/index.js';
import { renderComment } from '../../src/reports/comment.js';
import { buildReport } from '../helpers/report.js';
import type { Report } from '../../src/verdict/report.js';
import { renderSummary } from '../../src/reports/summary.js';

const BASE = { ref: 'main', sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' };
const HEAD = { sha: 'ffeeddccbbaa99887766554433221100ffeeddcc' };
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')));

function broken(path: string, migration: Migration): JudgedConfig {
  return {
    path,
    blob: 'b'.repeat(40),
    status: ConfigStatus.Broken,
    findings: [{ layer: 'schema', pointer: '/server', keyword: 'additionalProperties', target: 'key', message: 'property `hostname` is not allowed', line: 2, column: 3 }],
    migration,
  };
}

function reportOf(configs: JudgedConfig[], migrate?: string): Report {
  const run: GateRun = {
    base: { ref: BASE, configs, skipped: [] },
    schema: { file: 'schema.json', draft: 'draft-07', files: ['schema.json'] },
    schemaChanges: [
      {
        severity: 'breaking',
        rule: 'property-removed',
        instancePath: '/server',
        message: '`hostname` is no longer allowed in `/server`',
        file: 'schema.json',
        schemaPointer: '/properties/server/properties',
        configs: configs.map((config) => config.path),
      },
    ],
    releases: [],
    loaderProcesses: 0,
    notes: [],
  };
  return buildReport({
    toolVersion: '0.0.0-test',
    verdict: Verdict.Breaking,
    repository: { name: 'acme/stack', serverUrl: 'https://github.com' },
    event: 'pull_request',
    pullRequest: { number: 42, title: 'refactor: host', labels: [], commits: [], sources: { title: 'api', labels: 'api', commits: 'api' }, notes: [] },
    ackLabels: ['breaking-change'],
    acknowledgement: { acknowledged: false, reasons: [] },
    base: BASE,
    head: HEAD,
    settings: { configs: ['conf/*.yaml'], schema: 'schema.json', ...(migrate ? { migrate } : {}), yamlVersion: '1.2', checkFormats: true },
    run,
    notes: [],
    durationMs: 1200,
  });
}

const migrated = (path: string): Migration => ({ status: 'migrates', diff: unifiedDiff(path, 'server:\n  hostname: db\n  port: 1\n', 'server:\n  host: db\n  port: 1\n') });

describe('migrations in the summary and the comment', () => {
  const withCommand = reportOf(
    [
      broken('conf/a.yaml', migrated('conf/a.yaml')),
      broken('conf/b.yaml', { status: 'no-migration', message: "the migrated config still does not load with the PR's code: schema at `/mode`: must be one of `quick`, `slow`" }),
    ],
    'python -m stack.migrate',
  );

  it('validates against the report schema (version 2)', () => {
    expect(withCommand.version).toBe(2);
    expect(validate(withCommand), JSON.stringify(validate.errors)).toBe(true);
  });

  it('validates a suggested migration, and still accepts a report of version 1', () => {
    const suggested = reportOf([
      broken('conf/a.yaml', {
        status: 'suggested',
        suggestions: [{ text: 'Rename `hostname` to `host` in `/server`', pointer: '/server/hostname', document: 1, before: 'server:\n  hostname: db', after: 'server:\n  host: db' }],
      }),
    ]);
    expect(validate(suggested), JSON.stringify(validate.errors)).toBe(true);
    const { settings: _settings, ...rest } = suggested;
    const versionOne = { ...rest, version: 1, configs: rest.configs.map(({ migration: _migration, ...config }) => config) };
    expect(validate(versionOne), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...suggested, version: 3 })).toBe(false);
  });

  it('calls out the breaks with no migration first, and folds the diff of each migrated config', async () => {
    const summary = renderSummary(withCommand);
    // Called out before any table, by name.
    expect(summary.indexOf('**1 break has no migration:** `conf/b.yaml` of `main`.')).toBeGreaterThan(0);
    expect(summary.indexOf('**1 break has no migration:**')).toBeLessThan(summary.indexOf('### Broken configs'));
    const section = summary.slice(summary.indexOf('### Migrations'));
    expect(section.indexOf('conf/b.yaml')).toBeLessThan(section.indexOf('conf/a.yaml'));
    expect(section).toContain('**1 break has no migration** (listed first)');
    expect(section).toContain('<details><summary><code>conf/a.yaml</code> of <code>main</code>: before → after</summary>\n\n```diff\n--- a/conf/a.yaml');
    await expect(summary).toMatchFileSnapshot('../__outputs__/summary-migrations.md');
  });

  it('puts the suggested migration in the comment, with its before/after snippet', async () => {
    const report = reportOf([
      broken('conf/a.yaml', {
        status: 'suggested',
        suggestions: [{ text: 'Rename `hostname` to `host` in `/server`', pointer: '/server/hostname', before: 'server:\n  hostname: db', after: 'server:\n  host: db' }],
        message: "With these changes the config passes the PR's schema.",
      }),
    ]);
    const comment = renderComment(report, 'k');
    expect(comment).toContain('💡 suggested: Rename `hostname` to `host` in `/server`');
    expect(comment).toContain('  ```yaml\n  server:\n    host: db\n  ```');
    await expect(comment).toMatchFileSnapshot('../__outputs__/comment-migrations.md');
  });

  it('shows no migrations section without a command when nothing can be suggested', () => {
    const report = reportOf([broken('conf/a.yaml', { status: 'no-migration', message: 'there is no `migrate` command' })]);
    expect(renderSummary(report)).not.toContain('### Migrations');
  });

  it('shows a hostile path and hidden characters as text, never as markup', () => {
    const path = 'conf/</code><img src=x onerror=alert(1)>\u202Egnp.yaml';
    const report = reportOf([broken(path, { status: 'migrates', diff: unifiedDiff(path, 'a: 1\n', 'a: "\u202E2"\n') })], 'migrate');
    const summary = renderSummary(report);
    // In HTML (the folded diff's summary line) it is escaped; elsewhere it sits in code spans and fences.
    expect(summary).toContain('<details><summary><code>conf/&lt;/code&gt;&lt;img src=x onerror=alert(1)&gt;&lt;U+202E&gt;gnp.yaml</code> of <code>main</code>: before → after</summary>');
    let fence: string | undefined;
    const outside = summary.split('\n').filter((line) => {
      const run = /^\s*(`{3,})/.exec(line)?.[1];
      if (run && (!fence || run.length >= fence.length)) {
        fence = fence ? undefined : run;
        return false;
      }
      return fence === undefined;
    });
    expect(outside.filter((line) => line.replace(/`+[^`]*`+/g, '').includes('<img'))).toEqual([]);
    expect(summary).not.toContain('\u202E');
  });

  it('keeps a fence no backtick run in the diff can close', () => {
    const diff = unifiedDiff('conf/a.yaml', 'a: 1\n', 'a: "````"\n');
    const report = reportOf([broken('conf/a.yaml', { status: 'migrates', diff })], 'migrate');
    expect(renderSummary(report)).toContain('`````diff\n');
  });

  it('stays within the comment limit with many large diffs, saying how many are not shown', () => {
    const big = (path: string): Migration => ({
      status: 'migrates',
      diff: unifiedDiff(path, Array.from({ length: 300 }, (_, i) => `key${i}: old`).join('\n'), Array.from({ length: 300 }, (_, i) => `key${i}: new`).join('\n')),
    });
    const report = reportOf(Array.from({ length: 200 }, (_, i) => broken(`conf/c${i}.yaml`, big(`conf/c${i}.yaml`))), 'migrate');
    const comment = renderComment(report, 'k');
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toMatch(/_…and \d+ more configs \(not shown: the comment is limited in size; the job summary lists all\)\._/);
    const summary = renderSummary(report, 200_000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(200_000);
    expect(summary).toContain('### Migrations');
  });
});
