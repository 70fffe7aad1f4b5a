// Preflight: what the bench needs (dist/, git, GNU time, python3 with PyYAML and jsonschema),
// and the machine and versions the results report. Importing it checks them and exits when one is missing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION, fail, GNU_TIME, ROOT } from './options.mjs';

export function tryRun(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

if (!existsSync(ACTION)) fail('dist/index.js is missing: run `npm ci && npm run build` first.');
export const realGit = tryRun('sh', ['-c', 'command -v git']);
if (!realGit) fail('git is not on PATH.');
if (tryRun(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true']) === undefined) fail(`GNU time is needed at ${GNU_TIME} for peak memory (apt-get install time).`);
// pyenv's `python3` is a bash shim that costs ~100 ms a start; a runner's setup-python puts the
// interpreter's own folder first on PATH, so the bench does the same for every process it starts.
export const realPython = tryRun('python3', ['-c', 'import sys; print(sys.executable)']);
if (!realPython) fail('python3 is not on PATH.');
export const PATH = `${path.dirname(realPython)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
const pythonModules = tryRun('python3', ['-c', 'import yaml, jsonschema; print(yaml.__version__, getattr(yaml, "__with_libyaml__", False))']);
if (!pythonModules) fail('python3 with PyYAML and jsonschema is needed for the hand-written pipeline and the Python loader.');
export const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  cpu: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  git: tryRun('git', ['--version'])?.replace('git version ', '') ?? '?',
  python: tryRun('python3', ['--version'])?.replace('Python ', '') ?? '?',
  pyyaml: pythonModules.split(' ')[0],
  libyaml: pythonModules.split(' ')[1] === 'True',
  jsonschema: tryRun('python3', ['-c', 'import importlib.metadata as m; print(m.version("jsonschema"))']) ?? '?',
  commit: tryRun('git', ['-C', ROOT, 'rev-parse', '--short=12', 'HEAD']) ?? 'unknown',
  loadBefore: os.loadavg()[0],
  dist: distFingerprint(),
  dirty: (tryRun('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'dist']) ?? '') !== '',
};

/** A hash of everything under dist/, to notice a rebuild during the run. */
export function distFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(path.join(ROOT, 'dist'));
  return hash.digest('hex').slice(0, 12);
}
