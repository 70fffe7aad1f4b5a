// The CLI's contract as a process (dist/cli.js, as `npx compat-gate` starts it): what it
// accepts on its command line, the words of its errors, JSON whatever happens with --json,
// and a report file that never costs the verdict.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nothingToLoad } from '../../src/checks/nothing-checked.js';
import { CLI_NAMING, OPTIONS } from '../../src/cli/args.js';
import { ACTION_NAMING } from '../../src/errors.js';
import { VERSION } from '../../src/version.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';

const HAS_DIST = existsSync(CLI);
const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')));

let root = '';
let repo = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[], cwd = repo): Promise<CliRun> {
  return runCli([...args], { cwd: cwd, env: { ...env, NO_COLOR: '1' } });
}

/** The JSON report on stdout, checked against schemas/report.schema.json. */
function reportOf(run: CliRun): { verdict: string; error?: { message: string; hint?: string } } {
  const report = JSON.parse(run.stdout) as { verdict: string; error?: { message: string; hint?: string } };
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return report;
}

const layer = HAS_DIST ? 'CLI contract' : 'CLI contract (skipped: dist/cli.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-cli-contract-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    repo = path.join(root, 'repo');
    const git = (args: string[]) => runGit(repo, args, env);
    await mkdir(path.join(repo, 'conf'), { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    await writeFile(path.join(repo, 'conf/one.yaml'), 'port: 1\n');
    await writeFile(path.join(repo, 'conf/two.yaml'), 'port: 2\n');
    await writeFile(path.join(repo, 'schema.json'), '{"type": "object"}\n');
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['checkout', '--quiet', '-b', 'change']);
    // A change that breaks nothing (the `pass` runs) is the tip; `breaking` is one more commit.
    await git(['branch', 'breaking']);
    await git(['checkout', '--quiet', 'breaking']);
    await writeFile(path.join(repo, 'schema.json'), '{"type": "object", "properties": {"port": {"type": "string"}}}\n');
    await git(['commit', '--quiet', '-am', 'feat: ports are names']);
    await git(['checkout', '--quiet', 'change']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  describe('stray arguments, unknown commands and flags', () => {
    it('refuses the files an unquoted glob became, and shows the command quoted', async () => {
      // What `compat-gate check --configs conf/*.yaml …` reaches the CLI as after the shell.
      const run = await cli(['check', '--configs', 'conf/one.yaml', 'conf/two.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('unexpected argument `conf/two.yaml`: quote your globs');
      expect(run.stderr).toContain("compat-gate check --configs 'conf/*.yaml' --schema schema.json --base main --release none");
    });

    it('refuses an argument after the command that belongs to no flag', async () => {
      const run = await cli(['check', 'extra', '--configs', 'conf/*.yaml', '--schema', 'schema.json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unexpected argument `extra`');
    });

    it('names an unknown command and the nearest one', async () => {
      const run = await cli(['chek', '--configs', 'conf/*.yaml']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown command `chek`: did you mean `check`?');
    });

    it('names an unknown flag and the nearest one', async () => {
      const run = await cli(['check', '--config', 'conf/*.yaml', '--schema', 'schema.json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown flag `--config`: did you mean `--configs`?');
      const far = await cli(['check', '--frobnicate', '--configs', 'conf/*.yaml']);
      expect(far.code).toBe(2);
      expect(far.stderr).toContain('unknown flag `--frobnicate`.');
      expect(far.stderr).not.toContain('did you mean');
    });

    it('refuses a flag without its value, and a value given to a switch', async () => {
      const missing = await cli(['check', '--configs', 'conf/*.yaml', '--schema']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('the flag `--schema` needs a value');
      const switched = await cli(['check', '--configs', 'conf/*.yaml', '--schema', 'schema.json', '--json=yes']);
      expect(switched.code).toBe(2);
      expect(switched.stderr).toContain('the flag `--json` takes no value');
    });

    it('lists every flag in --help and -h, and prints the version', async () => {
      for (const flag of ['--help', '-h']) {
        const help = await cli([flag]);
        expect(help.code).toBe(0);
        for (const [name, option] of Object.entries(OPTIONS)) {
          expect(help.stdout).toContain(`--${name}`);
          if ('short' in option) expect(help.stdout).toContain(`-${option.short}, --${name}`);
        }
      }
      const version = await cli(['--version']);
      expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });
  });

  describe('its own words', () => {
    it('names flags, not action inputs, in the engine\'s errors', async () => {
      const run = await cli(['check', '--configs', 'conf/*.yaml', '--schema', 'missing.json', '--base', 'main', '--release', 'none']);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('Set the `--schema` flag to the path of a JSON or YAML schema file');
      expect(run.stdout).not.toMatch(/\binput\b/);
      const json = reportOf(await cli(['check', '--configs', 'conf/*.yaml', '--schema', '../outside.json', '--base', 'main', '--release', 'none', '--json']));
      expect(json.error?.message).toContain('The `--schema` flag `../outside.json` is outside the repository.');
      expect(json.error?.hint).toContain('relative to the `--working-directory` flag');
    });

    it('says that none of schema, loader and suite is set in the words and with the hint the action gives', async () => {
      const json = reportOf(await cli(['check', '--configs', 'conf/*.yaml', '--base', 'main', '--release', 'none', '--json']));
      expect(json.verdict).toBe('error');
      expect(json.error).toEqual(nothingToLoad().worded(CLI_NAMING));
      expect(json.error?.hint).toBe('Set the `--schema` flag (a JSON Schema file), the `--loader` flag (a command), the `--suite` flag (a test command), or several.');
      expect(nothingToLoad().worded(ACTION_NAMING).hint).toBe('Set the `schema` input (a JSON Schema file), the `loader` input (a command), the `suite` input (a test command), or several.');
    });

    it('does not send the user to actions/checkout outside a repository', async () => {
      const run = await cli(['check', '--configs', 'conf/*.yaml', '--schema', 'schema.json'], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is not inside a git repository');
      expect(run.stderr).not.toContain('actions/checkout');
    });
  });

  describe('--json always prints JSON', () => {
    it('for a usage error: a report with verdict error', async () => {
      for (const args of [['chek', '--json'], ['check', '--json', '--config', 'x'], ['--json'], ['check', '--json', '--configs', 'conf/one.yaml', 'conf/two.yaml', '--schema', 'schema.json']]) {
        const run = await cli(args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toBe('');
        expect(reportOf(run).verdict).toBe('error');
      }
      expect(reportOf(await cli(['check', '--json', '--config', 'x'])).error?.message).toContain('did you mean `--configs`?');
    });

    it('outside a git repository', async () => {
      const run = await cli(['check', '--json', '--configs', 'conf/*.yaml', '--schema', 'schema.json'], root);
      expect(run.code).toBe(2);
      const report = reportOf(run);
      expect(report.verdict).toBe('error');
      expect(report.error?.message).toContain('is not inside a git repository');
    });
  });

  describe('--report FILE', () => {
    it('creates missing folders', async () => {
      const file = path.join(root, 'out', 'deep', 'er', 'report.json');
      const run = await cli(['check', '--configs', 'conf/*.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none', '--report', file]);
      expect(run.code).toBe(0);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ verdict: 'pass', counts: { configs: 2 } });
    });

    it('keeps the verdict and its exit code when the file cannot be written', async () => {
      await writeFile(path.join(root, 'a-file'), '');
      const unwritable = path.join(root, 'a-file', 'report.json');
      const args = ['check', '--configs', 'conf/*.yaml', '--schema', 'schema.json', '--base', 'main', '--release', 'none', '--report', unwritable];
      await runGit(repo, ['checkout', '--quiet', 'breaking'], env);
      try {
        const breaking = await cli(args);
        expect(breaking.code).toBe(1);
        expect(breaking.stdout).toContain('conf/one.yaml');
        expect(breaking.stderr).toContain(`the report could not be written to ${unwritable}`);
        const json = await cli([...args, '--json']);
        expect(json.code).toBe(1);
        expect(reportOf(json).verdict).toBe('breaking');
      } finally {
        await runGit(repo, ['checkout', '--quiet', 'change'], env);
      }
      // A pass whose report is missing is an error: the step that reads the report would read nothing.
      const pass = await cli(args);
      expect(pass.code).toBe(2);
      expect(pass.stdout).toContain('conf');
      expect(pass.stderr).toContain('the report could not be written');
    });
  });
});
