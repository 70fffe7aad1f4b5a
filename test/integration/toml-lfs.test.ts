// The CLI as a process (dist/cli.js) on real git repositories of TOML configs (pyproject.toml,
// Cargo.toml) and Git LFS pointers: every realistic file reads, a break is found at its line,
// datetimes meet `format`, the loader gets the TOML bytes unchanged, and a pointer is skipped,
// never parsed as the config.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/verdict/report.js';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);
const FIXTURES = fileURLToPath(new URL('../fixtures/toml/', import.meta.url));

const PYPROJECTS = ['poetry', 'setuptools', 'hatch', 'tools-only', 'pdm'];
const CRATES = ['app', 'legacy', 'workspace'];

function lfsPointer(size: number, digit: string): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${digit.repeat(64)}\nsize ${size}\n`;
}

function pyprojectSchema(maxWorkers: number): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      project: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, version: { type: 'string' }, dependencies: { type: 'array', items: { type: 'string' } } },
      },
      tool: {
        type: 'object',
        properties: {
          demo: {
            type: 'object',
            additionalProperties: false,
            properties: {
              workers: { type: 'integer', minimum: 1, maximum: maxWorkers },
              released: { type: 'string', format: 'date-time' },
              timestamp: { type: 'string', format: 'date-time' },
              since: { type: 'string', format: 'date' },
              nightly: { type: 'string', pattern: '^\\d\\d:\\d\\d:\\d\\d$' },
              limit: { type: 'integer' },
            },
          },
        },
      },
    },
  };
}

function cargoSchema(editions: string[]): object {
  const edition = { enum: editions };
  return {
    type: 'object',
    properties: {
      package: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, edition } },
      workspace: { type: 'object', properties: { package: { type: 'object', properties: { edition } } } },
    },
  };
}

/** Records the paths it is given, and refuses any config whose bytes differ from the checkout's file. */
const LOADER = `
import { appendFileSync, readFileSync } from 'node:fs';
const [log, ...files] = process.argv.slice(2);
for (const file of files) {
  appendFileSync(log, file + '\\n');
  const repoPath = file.slice(file.lastIndexOf('/examples/') + 1);
  const same = readFileSync(file).equals(readFileSync(repoPath));
  console.log(JSON.stringify({ file, ok: same, message: same ? '' : 'not the bytes of ' + repoPath }));
}
`;

let root = '';
let env: NodeJS.ProcessEnv = {};

function cli(repo: string, args: string[]): Promise<CliRun> {
  return runCli([...args], { cwd: repo, env: { ...env, NO_COLOR: '' } });
}

async function write(repo: string, file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), content);
}

/** A repository whose `main` holds `files` and whose `change` branch then writes `changed`. */
async function makeRepo(name: string, files: Record<string, string | Buffer>, changed: Record<string, string>): Promise<string> {
  const repo = path.join(root, name);
  await mkdir(repo, { recursive: true });
  const git = (args: string[]) => runGit(repo, args, env);
  await git(['init', '--quiet', '--initial-branch=main']);
  for (const [file, content] of Object.entries(files)) await write(repo, file, content);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '-m', 'feat: configs']);
  await git(['checkout', '--quiet', '-b', 'change']);
  for (const [file, content] of Object.entries(changed)) await write(repo, file, content);
  await git(['commit', '--quiet', '-am', 'feat: stricter schema']);
  return repo;
}

function report(run: CliRun): Report {
  expect(run.stderr).not.toMatch(/TypeError|BigInt|at .*\.js:\d+/);
  return JSON.parse(run.stdout) as Report;
}

const layer = HAS_DIST ? 'TOML configs and Git LFS pointers through the CLI' : 'TOML and LFS through the CLI (skipped: dist/cli.js is missing, run `npm run build`)';

describe.skipIf(!HAS_DIST)(layer, () => {
  let pyproject: Report;
  let pyprojectHuman: CliRun;
  let cargo: Report;
  let loaded: string[];
  let onlyPointers: Report;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-toml-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));

    const files: Record<string, string | Buffer> = {
      'schemas/pyproject.schema.json': JSON.stringify(pyprojectSchema(64), null, 2),
      'schemas/cargo.schema.json': JSON.stringify(cargoSchema(['2015', '2018', '2021', '2024']), null, 2),
      'loader.mjs': LOADER,
      // Stored in Git LFS: git and a checkout without git-lfs see only the pointer.
      'examples/assets/pyproject.toml': lfsPointer(48_213, 'a'),
      'crates/blob/Cargo.toml': lfsPointer(1_024_000, 'b'),
    };
    for (const name of PYPROJECTS) files[`examples/${name}/pyproject.toml`] = await readFile(path.join(FIXTURES, 'pyproject', `${name}.toml`));
    for (const name of CRATES) files[`crates/${name}/Cargo.toml`] = await readFile(path.join(FIXTURES, 'cargo', `${name}.toml`));
    const repo = await makeRepo('repo', files, {
      'schemas/pyproject.schema.json': JSON.stringify(pyprojectSchema(16), null, 2),
      'schemas/cargo.schema.json': JSON.stringify(cargoSchema(['2018', '2021', '2024']), null, 2),
    });

    const log = path.join(root, 'loaded.txt');
    const common = ['--base', 'main', '--release', 'none'];
    const pyArgs = ['check', '--configs', 'examples/*/pyproject.toml', '--schema', 'schemas/pyproject.schema.json', '--loader', `node loader.mjs ${log}`, ...common];
    const [json, human, crates, pointers] = await Promise.all([
      cli(repo, [...pyArgs, '--json']),
      cli(repo, pyArgs),
      cli(repo, ['check', '--configs', '**/Cargo.toml', '--schema', 'schemas/cargo.schema.json', ...common, '--json']),
      cli(repo, ['check', '--configs', 'examples/assets/*.toml,crates/blob/*.toml', '--schema', 'schemas/pyproject.schema.json', ...common, '--json']),
    ]);
    onlyPointers = report(pointers);
    expect(pointers.code, pointers.stderr).toBe(2);
    expect(json.code, json.stderr).toBe(1);
    expect(crates.code, crates.stderr).toBe(1);
    [pyproject, pyprojectHuman, cargo] = [report(json), human, report(crates)];
    loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('reads every realistic pyproject.toml and Cargo.toml: none is unreadable', () => {
    expect(pyproject.configs.map((config) => config.path)).toEqual(PYPROJECTS.map((name) => `examples/${name}/pyproject.toml`).sort());
    expect(cargo.configs.map((config) => config.path)).toEqual(CRATES.map((name) => `crates/${name}/Cargo.toml`).sort());
    for (const config of [...pyproject.configs, ...cargo.configs]) expect(config.status, config.path).not.toBe('unreadable');
    expect(pyproject.counts).toMatchObject({ configs: 5, ok: 4, broken: 1, unreadable: 0, skipped: 1 });
    expect(cargo.counts).toMatchObject({ configs: 3, ok: 2, broken: 1, unreadable: 0, skipped: 1 });
  });

  it('finds the break at its line in the TOML file', () => {
    const broken = pyproject.configs.find((config) => config.status === 'broken');
    expect(broken?.path).toBe('examples/setuptools/pyproject.toml');
    expect(broken?.errors[0]).toMatchObject({ layer: 'schema', pointer: '/tool/demo/workers', line: 34, column: 11 });
    const crate = cargo.configs.find((config) => config.status === 'broken');
    expect(crate?.path).toBe('crates/legacy/Cargo.toml');
    expect(crate?.errors[0]).toMatchObject({ layer: 'schema', pointer: '/package/edition', line: 5, column: 11 });
  });

  it('gives datetimes to the schema as strings that format: date-time and date accept', () => {
    // poetry (offset date-time, Z), pdm (offset with a fraction), setuptools (local date and time) all pass those keywords.
    for (const name of ['poetry', 'pdm']) {
      const config = pyproject.configs.find((c) => c.path === `examples/${name}/pyproject.toml`);
      expect(config?.status, name).toBe('ok');
    }
    const setuptools = pyproject.configs.find((c) => c.path === 'examples/setuptools/pyproject.toml');
    expect(setuptools?.errors.map((error) => error.pointer)).toEqual(['/tool/demo/workers']);
  });

  it('gives the loader the TOML files byte for byte, and never a pointer', () => {
    const loadedPaths = loaded.map((file) => file.slice(file.lastIndexOf('/examples/') + 1));
    expect(new Set(loadedPaths)).toEqual(new Set(PYPROJECTS.map((name) => `examples/${name}/pyproject.toml`)));
    for (const config of pyproject.configs) expect(config.errors.filter((error) => error.layer === 'loader'), config.path).toEqual([]);
  });

  it('lists an LFS pointer as skipped, with a note that its content was not checked', () => {
    expect(pyproject.skipped).toEqual([
      { path: 'examples/assets/pyproject.toml', kind: 'lfs-pointer', reason: 'a Git LFS pointer: its content (48213 bytes) lives in Git LFS and was not checked' },
    ]);
    expect(cargo.skipped).toEqual([expect.objectContaining({ path: 'crates/blob/Cargo.toml', kind: 'lfs-pointer' })]);
    expect(pyproject.notes).toContain(
      '1 file in the base `main` (' + pyproject.base!.sha.slice(0, 12) + ') matching the `configs` patterns is a Git LFS pointer (`examples/assets/pyproject.toml`): its content lives in Git LFS and was not checked (listed as skipped).',
    );
    expect(pyprojectHuman.code).toBe(1);
    expect(pyprojectHuman.stdout).toContain('examples/setuptools/pyproject.toml');
    expect(pyprojectHuman.stdout).toContain('is a Git LFS pointer (`examples/assets/pyproject.toml`): its content lives in Git LFS and was not checked');
  });

  it('is an error when every match is a pointer: nothing could be checked, and it says why', () => {
    expect(onlyPointers.verdict).toBe('error');
    expect(onlyPointers.error?.message).toMatch(/^Nothing could be checked: none of the 2 files matching the `configs` patterns .* could be read as a config; the first: `crates\/blob\/Cargo.toml` is a Git LFS pointer/);
    expect(onlyPointers.error?.hint).toContain('not links, submodules or files kept in Git LFS');
  });
});
