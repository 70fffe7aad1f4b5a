import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GateError } from '../../src/errors.js';
import { Evaluator } from '../../src/checks/evaluate.js';
import { fitsInRam } from '../../src/checks/loader/scratch.js';
import {
  Scratch,
  loaderEnvironment,
  runLoader,
  writeConfigs,
  type LoaderOptions,
  type LoaderRun,
  type LoaderTarget,
} from '../../src/checks/loader/index.js';

/**
 * A loader that behaves according to what each config contains: `invalid` fails, `hang` hangs
 * (with a grandchild), `kill` dies by SIGKILL, `flood` prints 50 MB, `throw` throws, `crash` exits
 * without a JSON line. LOADER_MODE=json… prints JSON lines; every call is appended to CALLS_LOG.
 */
const NODE_LOADER = String.raw`
import { appendFileSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';

const files = process.argv.slice(2);
const mode = process.env.LOADER_MODE ?? 'exit';
appendFileSync(
  process.env.CALLS_LOG,
  JSON.stringify({ files, ref: process.env.COMPAT_GATE_REF ?? null, env: process.env }) + '\n',
);
const nameOf = (file) => {
  if (mode === 'json-relative') return path.relative(process.cwd(), file);
  if (mode === 'json-repo') return path.relative(process.env.CONFIG_ROOT, file).split(path.sep).join('/');
  return file;
};
let failures = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('hang')) {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    writeFileSync(process.env.GRANDCHILD_PID, String(child.pid));
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  }
  if (text.includes('kill')) process.kill(process.pid, 'SIGKILL');
  if (text.includes('flood')) {
    const block = ('x'.repeat(1023) + '\n').repeat(1024);
    // writeSync: process.exit() drops what process.stdout still queues for a pipe.
    for (let i = 0; i < 50; i += 1) writeSync(1, block);
    writeSync(1, 'fatal: gave up after a flood of output\n');
    process.exit(1);
  }
  if (text.includes('throw')) throw new TypeError('providers.0 must be an object, got ' + JSON.stringify(text));
  if (text.includes('crash')) {
    console.error('Error: crashed while reading ' + path.basename(path.dirname(file)));
    process.exit(3);
  }
  const bad = text.includes('invalid');
  const message = path.basename(path.dirname(file)) + ': unknown key "invalid"';
  if (mode.startsWith('json')) {
    if (bad) failures += 1;
    if (bad || mode !== 'json-failures-only') {
      console.log(JSON.stringify(bad ? { file: nameOf(file), ok: false, message } : { file: nameOf(file), ok: true }));
    }
    continue;
  }
  if (bad) {
    console.error('error: ' + message);
    process.exit(1);
  }
}
process.exit(failures > 0 ? 1 : 0);
`;

const PYTHON_LOADER = `
import sys

import yaml
from pydantic import BaseModel


class Provider(BaseModel):
    provider_id: str
    provider_type: str


class RunConfig(BaseModel):
    version: int
    image_name: str
    providers: dict[str, list[Provider]]


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        RunConfig.model_validate(yaml.safe_load(handle))
`;

const hasPydantic = spawnSync('python3', ['-c', 'import yaml, pydantic'], { stdio: 'ignore' }).status === 0;

interface Workspace {
  root: string;
  configRoot: string;
  callsLog: string;
  grandchildPid: string;
}

let workspace: Workspace;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'compat-gate-loader-'));
  await writeFile(path.join(root, 'loader.mjs'), NODE_LOADER);
  await writeFile(path.join(root, 'loader.py'), PYTHON_LOADER);
  workspace = {
    root,
    configRoot: path.join(root, 'configs'),
    callsLog: path.join(root, 'calls.jsonl'),
    grandchildPid: path.join(root, 'grandchild.pid'),
  };
  await writeFile(workspace.callsLog, '');
});

afterEach(async () => {
  await rm(workspace.root, { recursive: true, force: true });
});

/** Writes `count` configs `distributions/dNN/run.yaml`; `special` replaces the content of some. */
async function configs(count: number, special: Record<number, string> = {}): Promise<LoaderTarget[]> {
  const files = Array.from({ length: count }, (_, index) => ({
    path: `distributions/d${String(index).padStart(2, '0')}/run.yaml`,
    content: Buffer.from(special[index] ?? `version: 2\nimage_name: d${index}\n`),
  }));
  return writeConfigs(workspace.configRoot, files);
}

function options(overrides: Partial<LoaderOptions> & { mode?: string } = {}): LoaderOptions {
  const { mode = 'exit', ...rest } = overrides;
  return {
    command: 'node loader.mjs',
    cwd: workspace.root,
    timeoutSeconds: 30,
    refLabel: 'base',
    ...rest,
    env: {
      ...loaderEnvironment(process.env, []),
      LOADER_MODE: mode,
      CALLS_LOG: workspace.callsLog,
      CONFIG_ROOT: workspace.configRoot,
      GRANDCHILD_PID: workspace.grandchildPid,
      ...rest.env,
    },
  };
}

interface Call {
  files: string[];
  ref: string | null;
  env: Record<string, string>;
}

function calls(): Call[] {
  return readFileSync(workspace.callsLog, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Call);
}

function failures(run: LoaderRun): string[] {
  return [...run.results.values()].filter((result) => !result.ok).map((result) => result.path);
}

/** Whether the process is gone within `ms`, looked at every 20 ms. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (!isAlive(pid)) return true;
  }
  return !isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    // A zombie no one has reaped yet is dead for our purpose.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runLoader', () => {
  it('loads every config in one process when the loader exits 0', async () => {
    const targets = await configs(20);

    const run = await runLoader(targets, options());

    expect(run.processes).toBe(1);
    expect([...run.results.keys()]).toEqual(targets.map((target) => target.path));
    expect([...run.results.values()].every((result) => result.ok)).toBe(true);
    expect(calls().map((call) => call.files)).toEqual([targets.map((target) => target.file)]);
  });

  it('attributes 2 failing configs of 64 by bisection, about two processes a level for each', async () => {
    const targets = await configs(64, { 13: 'invalid: true\n', 41: 'invalid: true\n' });

    const run = await runLoader(targets, options());

    expect(failures(run)).toEqual(['distributions/d13/run.yaml', 'distributions/d41/run.yaml']);
    expect(run.results.get('distributions/d13/run.yaml')?.message).toBe('error: d13: unknown key "invalid"');
    expect(run.results.get('distributions/d41/run.yaml')?.message).toBe('error: d41: unknown key "invalid"');
    expect(run.processes).toBeLessThanOrEqual(2 * 2 * Math.log2(64));
    expect(calls()).toHaveLength(run.processes);
  });

  it('finds the one failing config of 64 in about log2(64) processes when the halves before it load', async () => {
    const targets = await configs(64, { 63: 'invalid: true\n' });

    const run = await runLoader(targets, options());

    expect(failures(run)).toEqual(['distributions/d63/run.yaml']);
    expect(run.processes).toBeLessThanOrEqual(Math.log2(64) + 2);
  });

  it.each([
    ['absolute paths', 'json'],
    ['paths relative to the working directory', 'json-relative'],
    ['repository paths', 'json-repo'],
  ])('uses JSON lines naming configs by %s: one process even with failures', async (_, mode) => {
    const targets = await configs(10, { 2: 'invalid: true\n', 7: 'invalid: true\n' });

    const run = await runLoader(targets, options({ mode }));

    expect(run.processes).toBe(1);
    expect(failures(run)).toEqual(['distributions/d02/run.yaml', 'distributions/d07/run.yaml']);
    expect(run.results.get('distributions/d07/run.yaml')).toEqual({
      path: 'distributions/d07/run.yaml',
      ok: false,
      message: 'd07: unknown key "invalid"',
    });
  });

  it('runs the configs a failing JSON-line loader did not mention again without the reported ones', async () => {
    const targets = await configs(12, { 3: 'invalid: true\n' });

    const run = await runLoader(targets, options({ mode: 'json-failures-only' }));

    expect(failures(run)).toEqual(['distributions/d03/run.yaml']);
    expect(run.results.get('distributions/d03/run.yaml')?.message).toBe('d03: unknown key "invalid"');
    expect(run.processes).toBeLessThanOrEqual(3);
    expect(calls().slice(1).flatMap((call) => call.files)).not.toContain(targets[3]!.file);
  });

  it('attributes the config a JSON-line loader crashed on, with what it printed on stderr', async () => {
    const targets = await configs(12, { 5: 'crash: now\n', 9: 'invalid: true\n' });

    const run = await runLoader(targets, options({ mode: 'json' }));

    expect(failures(run)).toEqual(['distributions/d05/run.yaml', 'distributions/d09/run.yaml']);
    expect(run.results.get('distributions/d05/run.yaml')?.message).toBe('Error: crashed while reading d05');
    expect(run.results.get('distributions/d09/run.yaml')?.message).toBe('d09: unknown key "invalid"');
    expect(run.processes).toBeLessThanOrEqual(3);
  });

  it.skipIf(!hasPydantic)('attributes a pydantic ValidationError from a Python + PyYAML loader', async () => {
    const good = (name: string) =>
      `version: 2\nimage_name: ${name}\nproviders:\n  inference:\n    - provider_id: ollama\n      provider_type: remote::ollama\n`;
    const targets = await writeConfigs(workspace.configRoot, [
      { path: 'distributions/ollama/run.yaml', content: Buffer.from(good('ollama')) },
      { path: 'distributions/vllm/run.yaml', content: Buffer.from(good('vllm')) },
      { path: 'distributions/tgi/run.yaml', content: Buffer.from(good('tgi').replace('version: 2', 'version: two')) },
      { path: 'distributions/starter/run.yaml', content: Buffer.from(good('starter')) },
    ]);

    const run = await runLoader(targets, options({ command: 'python3 loader.py' }));

    expect(failures(run)).toEqual(['distributions/tgi/run.yaml']);
    const message = run.results.get('distributions/tgi/run.yaml')?.message ?? '';
    expect(message).toMatch(/^pydantic_core\._pydantic_core\.ValidationError: 1 validation error for RunConfig\nversion\n/);
    expect(message).toContain('Input should be a valid integer');
    expect(message).not.toContain('Traceback');
    expect(message).not.toContain('File "');
  });

  it('judges a config the loader hangs on as timed out, kills its process tree, and judges the others', async () => {
    const targets = await configs(6, { 4: 'hang: forever\n' });

    const run = await runLoader(targets, options({ timeoutSeconds: 1 }));

    expect(failures(run)).toEqual(['distributions/d04/run.yaml']);
    expect(run.results.get('distributions/d04/run.yaml')).toEqual({
      path: 'distributions/d04/run.yaml',
      ok: false,
      timedOut: true,
      message: 'timed out after 1s',
    });
    const grandchild = Number(readFileSync(workspace.grandchildPid, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    // SIGKILL is delivered, not waited for: on a busy machine the process may need a moment to go.
    expect(await goneWithin(grandchild, 5_000)).toBe(true);
  });

  it('caps a flood of 50 MB on stdout and still quotes the last line', async () => {
    const targets = await configs(3, { 1: 'flood: yes\n' });

    const run = await runLoader(targets, options({ maxOutputBytes: 64 * 1024 }));

    expect(failures(run)).toEqual(['distributions/d01/run.yaml']);
    expect(run.results.get('distributions/d01/run.yaml')?.message).toMatch(/fatal: gave up after a flood of output$/);
    // Two processes flood (the batch and the config alone): all but the last 64 KiB of each is dropped.
    expect(run.droppedOutputBytes).toBeGreaterThan(2 * 50 * 1024 * 1024 - 2 * 64 * 1024 - 1);
  });

  it("quotes an uncaught JavaScript error without Node's source excerpt or stack", async () => {
    const targets = await configs(2, { 1: 'throw: yes\n' });

    const run = await runLoader(targets, options());

    expect(run.results.get('distributions/d01/run.yaml')?.message).toBe(
      'TypeError: providers.0 must be an object, got "throw: yes\\n"',
    );
  });

  it('says which signal killed the loader', async () => {
    const targets = await configs(3, { 0: 'kill: yes\n' });

    const run = await runLoader(targets, options());

    expect(failures(run)).toEqual(['distributions/d00/run.yaml']);
    expect(run.results.get('distributions/d00/run.yaml')?.message).toContain('killed by signal SIGKILL');
  });

  it('fails every config, without a gate error, when the loader starts and exits 1 for each', async () => {
    const targets = await configs(4);

    const run = await runLoader(targets, options({ command: 'false' }));

    expect(failures(run)).toHaveLength(4);
    expect(run.results.get('distributions/d00/run.yaml')?.message).toBe('exited with code 1 without printing anything');
  });

  it('throws a GateError naming the command when it is not found', async () => {
    const targets = await configs(3);

    const error = await runLoader(targets, options({ command: 'compat-gate-no-such-loader --strict' })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain('`compat-gate-no-such-loader --strict`');
    expect((error as GateError).message).toContain(workspace.root);
    expect((error as GateError).message).toContain('compat-gate-no-such-loader: not found');
    expect((error as GateError).hint).toContain('`loader`');
  });

  it('throws a GateError when the loader is not executable', async () => {
    const targets = await configs(2);
    await writeFile(path.join(workspace.root, 'load.sh'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(workspace.root, 'load.sh'), 0o644);

    const error = await runLoader(targets, options({ command: './load.sh' })).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain('exited with code 126');
    expect(calls()).toHaveLength(0);
  });

  it('throws a GateError naming the working directory when it does not exist', async () => {
    const targets = await configs(2);
    const missing = path.join(workspace.root, 'no-such-dir');

    const error = await runLoader(targets, options({ cwd: missing })).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain(missing);
    expect((error as GateError).hint).toContain('`working-directory`');
  });

  it('passes file names with spaces, quotes, a newline and $(…) intact, and runs nothing they contain', async () => {
    const names = [
      'configs/with space/run.yaml',
      `configs/it's "quoted"/run.yaml`,
      'configs/new\nline/run.yaml',
      'configs/$(touch pwned)/run.yaml',
      'configs/`touch pwned`;touch pwned/run.yaml',
      'configs/ünïcødé ✓/run.yaml',
      '-rf.yaml',
    ];
    const targets = await writeConfigs(
      workspace.configRoot,
      names.map((name) => ({ path: name, content: Buffer.from(`name: ${JSON.stringify(name)}\n`) })),
    );

    const run = await runLoader(targets, options());

    expect([...run.results.values()].every((result) => result.ok)).toBe(true);
    expect(calls()[0]?.files).toEqual(targets.map((target) => target.file));
    for (const target of targets) expect(readFileSync(target.file, 'utf8')).toContain(JSON.stringify(target.path));
    expect(existsSync(path.join(workspace.root, 'pwned'))).toBe(false);
    expect(await readdir(workspace.root)).not.toContain('pwned');
  });

  it('tells the loader which ref the configs come from in COMPAT_GATE_REF', async () => {
    const targets = await configs(2);

    await runLoader(targets, options({ refLabel: 'release v1.2.0' }));

    expect(calls().map((call) => call.ref)).toEqual(['release v1.2.0']);
  });

  it('splits the configs into batches by count and by argument length', async () => {
    const targets = await configs(12);

    const byCount = await runLoader(targets, options({ maxBatchSize: 5 }));
    const longest = Math.max(...targets.map((target) => Buffer.byteLength(target.file) + 1));
    const byLength = await runLoader(targets, options({ maxArgumentBytes: longest * 4 }));

    expect(byCount.processes).toBe(3);
    expect(byLength.processes).toBe(3);
    const sizes = calls().map((call) => call.files.length);
    expect(sizes.slice(0, 3).sort()).toEqual([2, 5, 5]);
    expect(sizes.slice(3)).toEqual([4, 4, 4]);
    expect(calls().flatMap((call) => call.files).sort()).toEqual(
      [...targets, ...targets].map((target) => target.file).sort(),
    );
  });

  it('gives the loader an environment without the token or the secrets', async () => {
    const token = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz';
    const env = loaderEnvironment(
      {
        PATH: '/usr/bin:/bin',
        HOME: '/home/runner',
        'INPUT_GITHUB-TOKEN': token,
        INPUT_LOADER: 'python3 loader.py',
        GITHUB_TOKEN: token,
        MY_SECRET: 'hunter2',
        Deploy_Password: 'hunter3',
        SSH_PRIVATE_KEY: '-----BEGIN',
        ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/',
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${token}`,
        GITHUB_REPOSITORY: 'octo/repo',
        EMPTY: '',
      },
      [token, ''],
    );

    expect(env).toEqual({ PATH: '/usr/bin:/bin', HOME: '/home/runner', GITHUB_REPOSITORY: 'octo/repo', EMPTY: '' });

    const targets = await configs(1);
    await runLoader(
      targets,
      options({ env: loaderEnvironment({ ...process.env, GITHUB_TOKEN: token, LEAK: `x${token}x` }, [token]) }),
    );
    const seen = calls()[0]?.env ?? {};
    expect(seen.PATH).toBe(process.env.PATH);
    expect(Object.values(seen).some((value) => value.includes(token))).toBe(false);
  });
});

describe('writeConfigs', () => {
  it.each([['../outside.yaml'], ['a/../../outside.yaml'], ['/etc/passwd'], ['a/./b.yaml'], ['a//b.yaml'], ['']])(
    'refuses %j, which would not stay under the directory',
    async (name) => {
      for (const inRam of [false, true]) {
        const error = await writeConfigs(workspace.configRoot, [{ path: name, content: Buffer.from('x') }], { inRam }).catch(
          (caught: unknown) => caught,
        );

        expect(error).toBeInstanceOf(GateError);
        expect(existsSync(path.join(workspace.root, 'outside.yaml'))).toBe(false);
      }
    },
  );

  it('writes the same copies one by one for a RAM folder as 16 at a time on disk', async () => {
    const files = Array.from({ length: 300 }, (_, index) => ({ path: `services/s${index % 40}/c${index}.yaml`, content: Buffer.from(`port: ${index}\n`) }));
    const onDisk = await writeConfigs(path.join(workspace.configRoot, 'disk'), files);
    const inRam = await writeConfigs(path.join(workspace.configRoot, 'ram'), files, { inRam: true });

    expect(inRam.map((target) => target.path)).toEqual(onDisk.map((target) => target.path));
    for (const [index, target] of inRam.entries()) {
      expect(target.file).toBe(path.join(workspace.configRoot, 'ram', ...files[index]!.path.split('/')));
      expect(readFileSync(target.file, 'utf8')).toBe(readFileSync(onDisk[index]!.file, 'utf8'));
    }
  });

  it('names the copy that could not be written in a RAM folder, so the run can write them on disk', async () => {
    mkdirSync(path.join(workspace.configRoot, 'ram'), { recursive: true });
    // A file where a folder is needed: the copy below it cannot be written.
    writeFileSync(path.join(workspace.configRoot, 'ram', 'taken'), 'x');
    const error = await writeConfigs(path.join(workspace.configRoot, 'ram'), [{ path: 'taken/a.yaml', content: Buffer.from('a') }], { inRam: true }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain('taken');
  });

  it('writes each config at its repository path and returns its absolute copy', async () => {
    const targets = await writeConfigs(workspace.configRoot, [
      { path: 'a/b/c.yaml', content: Buffer.from('one') },
      { path: 'top.json', content: Buffer.from('{}') },
      { path: '..dots/..x.yaml', content: Buffer.from('dots') },
    ]);

    const real = realpathSync(workspace.configRoot);
    expect(targets).toEqual([
      { path: 'a/b/c.yaml', file: path.join(workspace.configRoot, 'a', 'b', 'c.yaml'), realFile: path.join(real, 'a', 'b', 'c.yaml') },
      { path: 'top.json', file: path.join(workspace.configRoot, 'top.json'), realFile: path.join(real, 'top.json') },
      { path: '..dots/..x.yaml', file: path.join(workspace.configRoot, '..dots', '..x.yaml'), realFile: path.join(real, '..dots', '..x.yaml') },
    ]);
    expect(readFileSync(targets[0]!.file, 'utf8')).toBe('one');
    expect(readFileSync(targets[2]!.file, 'utf8')).toBe('dots');
  });

  it.skipIf(process.platform === 'win32')('gives the real path of each copy when the folder is reached through a link', async () => {
    const linked = path.join(workspace.root, 'linked-copies');
    mkdirSync(workspace.configRoot, { recursive: true });
    symlinkSync(workspace.configRoot, linked);
    const [target] = await writeConfigs(linked, [{ path: 'x/y.yaml', content: Buffer.from('y') }]);

    expect(target!.file).toBe(path.join(linked, 'x', 'y.yaml'));
    expect(target!.realFile).toBe(realpathSync(path.join(workspace.configRoot, 'x', 'y.yaml')));
  });
});

describe('Scratch: where the copies are written', () => {
  const files = (count: number, bytes: number) => Array.from({ length: count }, (_, index) => ({ path: `d${index}/run.yaml`, content: Buffer.alloc(bytes, 'a') }));
  const MIB = 1024 * 1024;

  it('counts whole pages per file and per folder, twice over, with 64 MiB to spare', () => {
    // 1,000 files of 10 bytes in 1,000 folders: 2,000 pages, 8,000 KiB; twice that and 64 MiB.
    expect(fitsInRam(files(1000, 10), 64 * MIB + 2 * 2000 * 4096)).toBe(true);
    expect(fitsInRam(files(1000, 10), 64 * MIB + 2 * 2000 * 4096 - 1)).toBe(false);
    // A container's 64 MiB /dev/shm holds no copies at all.
    expect(fitsInRam(files(1, 10), 64 * MIB)).toBe(false);
    // A 5,000-byte file takes two pages.
    expect(fitsInRam([{ path: 'a.yaml', content: Buffer.alloc(5000) }], 64 * MIB + 4 * 4096)).toBe(true);
    expect(fitsInRam([{ path: 'a.yaml', content: Buffer.alloc(5000) }], 64 * MIB + 4 * 4096 - 1)).toBe(false);
  });

  it('writes on disk when the shared-memory folder is not a tmpfs, or there is none', async () => {
    const disk = path.join(workspace.root, 'disk');
    const onDisk = await new Scratch(disk, workspace.root).folder('pr/run-1', files(2, 10));
    expect(onDisk).toEqual({ dir: path.join(disk, 'pr', 'run-1'), inRam: false });
    expect(existsSync(onDisk.dir)).toBe(true);
    expect(await new Scratch(disk, path.join(workspace.root, 'no-such-folder')).folder('pr/run-2', files(2, 10))).toEqual({ dir: path.join(disk, 'pr', 'run-2'), inRam: false });
  });

  it.skipIf(process.platform !== 'linux')('writes in a private folder of /dev/shm when it is a tmpfs, and removes it', async () => {
    const scratch = new Scratch(path.join(workspace.root, 'disk'));
    const { dir, inRam } = await scratch.folder('pr/run-1', files(2, 10));
    if (!inRam) return; // no tmpfs at /dev/shm on this machine
    expect(dir).toMatch(/^\/dev\/shm\/compat-gate-[^/]+\/pr\/run-1$/);
    const root = path.dirname(path.dirname(dir));
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    await scratch.dispose();
    expect(existsSync(root)).toBe(false);
  });

  it('writes the copies on disk when the RAM refuses them half-way', async () => {
    // A "RAM" folder that cannot hold files: a file stands where its folder would be.
    const blocked = path.join(workspace.root, 'blocked');
    await writeFile(blocked, '');
    class FullRam extends Scratch {
      override async folder(name: string): Promise<{ dir: string; inRam: boolean }> {
        return { dir: path.join(blocked, name), inRam: true };
      }
    }
    const disk = path.join(workspace.root, 'disk');
    const evaluator = new Evaluator({
      label: 'the PR',
      loader: { command: `"${process.execPath}" -e "process.exit(require('fs').readFileSync(process.argv[1], 'utf8') === 'port: 1' ? 0 : 1)"`, cwd: workspace.root, env: { PATH: process.env.PATH ?? '' }, timeoutSeconds: 30 },
      scratch: new FullRam(disk),
      folder: 'pr',
    });
    const config = { path: 'conf/a.yaml', blob: 'b'.repeat(40), content: Buffer.from('port: 1'), read: { ok: true, documents: [{ port: 1 }] } };

    const evaluation = await evaluator.evaluate([config] as never, 'base');

    expect(evaluation.findings.get('conf/a.yaml')).toEqual([]);
    expect(evaluation.loaderProcesses).toBe(1);
    // Removed once the loader has run.
    expect(existsSync(path.join(disk, 'pr', 'run-1'))).toBe(false);
  });
});
