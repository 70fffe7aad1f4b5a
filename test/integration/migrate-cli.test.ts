// The CLI as a process (dist/cli.js) on a real git repository whose PR renames a property,
// renames an enum value and removes a property: a `migrate` command that upgrades some configs
// and not others, one that crashes, and none at all (mechanical suggestions from the schema diff).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);

interface Migration {
  status: string;
  diff?: string;
  message?: string;
  suggestions?: Array<{ text: string; before: string; after: string }>;
}
interface JsonReport {
  version: number;
  verdict: string;
  counts: { broken: number };
  configs: Array<{ path: string; status: string; migration?: Migration }>;
  releases?: Array<{ ref: string; drift: { configs: Array<{ path: string; status: string; migration?: Migration }> } }>;
  releaseNote?: { footer: string; markdown: string };
}

const closed = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });
const BASE_SCHEMA = closed({
  server: closed({ hostname: { type: 'string' }, port: { type: 'integer' } }),
  mode: { enum: ['fast', 'slow'] },
  legacy: { type: 'boolean', default: false },
});
const PR_SCHEMA = closed({
  server: closed({ host: { type: 'string' }, port: { type: 'integer' } }),
  mode: { enum: ['quick', 'slow'] },
});

const CONFIGS = {
  // Broken by the rename alone: the command fixes it.
  'configs/a.yaml': 'server:\n  hostname: a.local\n  port: 1\nmode: slow\n',
  // Broken by the rename and the enum: the command renames the property only, so it still fails.
  'configs/b.yaml': 'server:\n  hostname: b.local\n  port: 2\nmode: fast\n',
  // Loads before and after.
  'configs/c.yaml': 'mode: slow\n',
  // Broken by the removed `legacy`: the command says in a JSON line that it cannot migrate it.
  'configs/d.yaml': 'server:\n  hostname: d.local\nlegacy: true\n',
};

/** Renames `hostname` in each copy; refuses files with `legacy` in a JSON line, exit 1. */
const MIGRATE = `
import { readFileSync, writeFileSync } from 'node:fs';
let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('legacy:')) {
    console.log(JSON.stringify({ file, ok: false, message: 'legacy has no replacement' }));
    failed = true;
    continue;
  }
  writeFileSync(file, text.replace('hostname:', 'host:'));
}
process.exitCode = failed ? 1 : 0;
`;

/** The base's loader loads every config; the PR's refuses any config that names `a.local`. */
const BASE_LOADER = `process.exit(0);\n`;
const PR_LOADER = `
import { readFileSync } from 'node:fs';
let failed = false;
for (const file of process.argv.slice(2)) {
  if (readFileSync(file, 'utf8').includes('a.local')) { console.log(JSON.stringify({ file, ok: false, message: 'a.local is no longer served' })); failed = true; }
}
process.exitCode = failed ? 1 : 0;
`;

const CRASH = `throw new Error('migration table is corrupt');\n`;

/** Fails every file, saying which ref it was told and whether it sees the token. */
const WHERE = `
for (const file of process.argv.slice(2)) {
  console.log(JSON.stringify({ file, ok: false, message: 'ref=' + process.env.COMPAT_GATE_REF + ' token=' + (process.env.GITHUB_TOKEN ?? 'none') }));
}
process.exitCode = 1;
`;

let root = '';
let env: NodeJS.ProcessEnv = {};
const repo = () => path.join(root, 'repo');

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: repo(), env: { ...env, NO_COLOR: '' } });
}

const parse = (run: CliRun): JsonReport => JSON.parse(run.stdout) as JsonReport;
const migrationOf = (report: JsonReport, file: string) => report.configs.find((config) => config.path === file)?.migration;

describe.skipIf(!HAS_DIST)('CLI: a migration path for every break', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-migrate-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    const git = (args: string[]) => runGit(repo(), args, env);
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(repo(), file)), { recursive: true });
      await writeFile(path.join(repo(), file), text);
    };
    await mkdir(repo(), { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    await write('schema.json', JSON.stringify(BASE_SCHEMA, null, 2));
    for (const [file, text] of Object.entries(CONFIGS)) await write(file, text);
    await write('tools/load.mjs', BASE_LOADER);
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['tag', 'v1.0.0']);
    await git(['checkout', '--quiet', '-b', 'change']);
    await write('schema.json', JSON.stringify(PR_SCHEMA, null, 2));
    await write('tools/migrate.mjs', MIGRATE);
    await write('tools/crash.mjs', CRASH);
    await write('tools/load.mjs', PR_LOADER);
    await write('tools/where.mjs', WHERE);
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: host, quick, no legacy']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const check = ['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json', '--base', 'main', '--json'];

  it('marks a config whose migrated copy loads as migrating, with its diff, and the others as having no migration, with why', async () => {
    const run = await cli([...check, '--release', 'none', '--migrate', 'node tools/migrate.mjs']);
    expect(run.code, run.stderr).toBe(1);
    const report = parse(run);
    expect(report.version).toBe(2);
    expect(report.verdict).toBe('breaking');
    expect(report.counts.broken).toBe(3);
    expect(migrationOf(report, 'configs/a.yaml')).toEqual({
      status: 'migrates',
      diff: ['--- a/configs/a.yaml', '+++ b/configs/a.yaml', '@@ -1,4 +1,4 @@', ' server:', '-  hostname: a.local', '+  host: a.local', '   port: 1', ' mode: slow'].join('\n'),
    });
    expect(migrationOf(report, 'configs/b.yaml')).toMatchObject({ status: 'no-migration', message: expect.stringMatching(/^the migrated config still does not load with the PR's code: schema at `\/mode`/) });
    expect(migrationOf(report, 'configs/d.yaml')).toEqual({ status: 'no-migration', message: 'the migrate command failed on it: legacy has no replacement' });
    expect(migrationOf(report, 'configs/c.yaml')).toBeUndefined();
    // The release note names the command, what it upgrades and what it cannot.
    expect(report.releaseNote?.footer).toContain('"node tools/migrate.mjs" upgrades 1 config of main (configs/a.yaml).');
    expect(report.releaseNote?.footer).toContain('No migration for 2 configs of main (configs/b.yaml, configs/d.yaml).');
    expect(report.releaseNote?.markdown).toContain('+  host: a.local');
  });

  it('says in the terminal which configs migrate, which have no migration and what is suggested', async () => {
    const human = ['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none'];
    const migrated = await cli([...human, '--migrate', 'node tools/migrate.mjs']);
    expect(migrated.stdout).toMatch(/✗ configs\/a\.yaml:2:3\n(?:.*\n)*? {6}migrates with the migrate command/);
    expect(migrated.stdout).toContain('      no migration: the migrate command failed on it: legacy has no replacement');
    const suggested = await cli(human);
    expect(suggested.stdout).toContain('      suggested: Rename `hostname` to `host` in `/server`');
    expect(suggested.stdout).not.toContain('no migration:');
  });

  it('loads the migrated copies with the PR\'s loader too', async () => {
    const report = parse(await cli([...check, '--release', 'none', '--loader', 'node tools/load.mjs', '--migrate', 'node tools/migrate.mjs']));
    expect(migrationOf(report, 'configs/a.yaml')).toEqual({ status: 'no-migration', message: "the migrated config still does not load with the PR's code: loader: a.local is no longer served" });
    expect(migrationOf(report, 'configs/b.yaml')?.status).toBe('no-migration');
  });

  it('runs the command on copies, never on the workspace', async () => {
    await cli([...check, '--release', 'none', '--migrate', 'node tools/migrate.mjs']);
    for (const [file, text] of Object.entries(CONFIGS)) expect(await readFile(path.join(repo(), file), 'utf8')).toBe(text);
    expect(await runGit(repo(), ['status', '--porcelain'], env)).toBe('');
  });

  it('migrates the release configs too, once per ref, with COMPAT_GATE_REF naming the ref', async () => {
    const run = await cli([...check, '--release', 'v1.0.0', '--migrate', 'node tools/migrate.mjs']);
    const report = parse(run);
    const drift = report.releases?.[0]?.drift.configs ?? [];
    expect(drift.find((config) => config.path === 'configs/a.yaml')?.migration?.status).toBe('migrates');
    expect(drift.find((config) => config.path === 'configs/b.yaml')?.migration?.status).toBe('no-migration');

    const told = await runCli([...check, '--release', 'v1.0.0', '--migrate', 'node tools/where.mjs'], { cwd: repo(), env: { ...env, GITHUB_TOKEN: 'ghs_secret' } });
    const toldReport = parse(told);
    expect(migrationOf(toldReport, 'configs/a.yaml')?.message).toBe('the migrate command failed on it: ref=main token=none');
    expect(toldReport.releases?.[0]?.drift.configs.find((config) => config.path === 'configs/a.yaml')?.migration?.message).toBe('the migrate command failed on it: ref=v1.0.0 token=none');
  });

  it('gives every break no migration, with the reason, when the command crashes; the verdict is unchanged', async () => {
    const without = parse(await cli([...check, '--release', 'none']));
    const run = await cli([...check, '--release', 'none', '--migrate', 'node tools/crash.mjs']);
    expect(run.code, run.stderr).toBe(1);
    const report = parse(run);
    expect(report.verdict).toBe(without.verdict);
    expect(report.counts).toEqual(without.counts);
    for (const file of ['configs/a.yaml', 'configs/b.yaml', 'configs/d.yaml']) {
      expect(migrationOf(report, file)).toEqual({ status: 'no-migration', message: expect.stringMatching(/^the migrate command exited with code 1: .*migration table is corrupt/s) });
    }
  });

  it('gives every break no migration when the command does not exist', async () => {
    const report = parse(await cli([...check, '--release', 'none', '--migrate', 'no-such-migrate-command']));
    expect(migrationOf(report, 'configs/a.yaml')).toMatchObject({ status: 'no-migration', message: expect.stringContaining('the migrate command was not found (exit code 127)') });
  });

  it('suggests the mechanical migrations of the schema diff without a command, in the report and the release note', async () => {
    const run = await cli([...check, '--release', 'none']);
    expect(run.code, run.stderr).toBe(1);
    const report = parse(run);
    expect(migrationOf(report, 'configs/a.yaml')).toEqual({
      status: 'suggested',
      suggestions: [{ text: 'Rename `hostname` to `host` in `/server`', pointer: '/server/hostname', before: 'server:\n  hostname: a.local', after: 'server:\n  host: a.local' }],
      message: "With these changes the config passes the PR's schema.",
    });
    expect(migrationOf(report, 'configs/b.yaml')?.suggestions?.map((s) => s.text)).toEqual(['Change `/mode` from `"fast"` to `"quick"`', 'Rename `hostname` to `host` in `/server`']);
    expect(migrationOf(report, 'configs/b.yaml')?.message).toContain('passes');
    expect(migrationOf(report, 'configs/d.yaml')?.suggestions?.map((s) => s.text)).toEqual([
      'Drop `legacy` at the top level: it is no longer allowed (its old default was `false`; this config set `true`)',
      'Rename `hostname` to `host` in `/server`',
    ]);
    const note = report.releaseNote!;
    expect(note.footer).toContain('How to migrate:\n- Rename `hostname` to `host` in `/server`, in 3 configs of main (configs/a.yaml, configs/b.yaml, configs/d.yaml):\n    before:\n      server:\n        hostname: a.local\n    after:\n      server:\n        host: a.local');
    expect(note.markdown).toContain('**How to migrate:**');
    expect(note.markdown).toContain('```yaml\n  mode: quick\n  ```');
  });
});
