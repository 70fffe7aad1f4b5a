// Running things and measuring them: the gate as the runner starts it, the js-yaml and `yaml`
// floors, the hand-written pipeline, check-jsonschema and one loader process, each under GNU
// time (wall time, peak memory), and the traces of the git and python3 processes they start.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ACTION, args, clock, CONFIGS_GLOB, FLOOR, GNU_TIME, HANDWRITTEN, LOADER_COMMAND, LOADER_PATH, log, OWNER, PR_BRANCH, PR_NUMBER, PR_TITLE, REPO, ROOT, SCHEMA_PATH, TASKSET, TOKEN } from './options.mjs';
import { PATH, realGit, realPython, tryRun } from './preflight.mjs';
import { shell } from './fixtures.mjs';

let sequence = 0;

/**
 * Runs a command under GNU time and measures wall time from just before the spawn to the
 * close of its pipes. `%M` is the peak resident set of the largest process in the tree (the
 * command or any child it waited for), not a sum.
 */
function measure(command, argv, { cwd, env, scratch, timeoutMs = 15 * 60_000 }) {
  const rssFile = path.join(scratch, `rss-${++sequence}.txt`);
  return new Promise((resolve, reject) => {
    const started = clock();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      const wallMs = clock() - started;
      const rss = (await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop();
      resolve({ code, signal, wallMs, peakKb: Number(rss) || undefined, stdout, stderr, started });
    });
  });
}

/** Wrappers first on PATH that log when each git and python3 process starts and ends. */
export async function writeWrappers(dir) {
  await mkdir(dir, { recursive: true });
  for (const [name, real] of [
    ['git', realGit],
    ['python3', realPython],
  ]) {
    const wrapper = path.join(dir, name);
    await writeFile(
      wrapper,
      [
        '#!/bin/sh',
        `printf '%s %s start ${name} %.100s\\n' "$(date +%s%N)" "$$" "$*" >> "$BENCH_TRACE_LOG"`,
        `${JSON.stringify(real)} "$@"`,
        'status=$?',
        `printf '%s %s end\\n' "$(date +%s%N)" "$$" >> "$BENCH_TRACE_LOG"`,
        'exit $status',
        '',
      ].join('\n'),
    );
    await chmod(wrapper, 0o755);
  }
  return dir;
}

/** The processes a traced run started, from the wrappers' log: tool, start (ms since the epoch), end, arguments. */
export async function readTrace(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  const open = new Map();
  const calls = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+) (\d+) (start|end)(?: (\S+) ?(.*))?$/.exec(line);
    if (!match) continue;
    const ms = Number(BigInt(match[1]) / 1000n) / 1000;
    if (match[3] === 'start') {
      const call = { tool: match[4], start: ms, end: undefined, command: match[5] ?? '' };
      open.set(match[2], call);
      calls.push(call);
    } else {
      const call = open.get(match[2]);
      if (call) call.end = ms;
      open.delete(match[2]);
    }
  }
  return calls;
}

/** The inputs of action.yml with their defaults, as the runner sets them. */
export function actionDefaults(token) {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const defaults = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue;
    defaults[name] = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
  }
  return defaults;
}

/** `INPUT_<NAME>`, as the runner spells it. */
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** A fresh copy of the pristine checkout, and the runner's folders and files for one step. */
async function prepareRun(repo, api, inputs, extraEnv = {}) {
  const runDir = await mkdtemp(path.join(repo.root, 'r-'));
  const workspace = repo.pristine;
  await shell('rm', ['-rf', path.join(workspace, '.git')]);
  await shell('cp', ['-a', repo.pristineGit, path.join(workspace, '.git')]);
  const runnerTemp = path.join(runDir, '_temp');
  const home = path.join(runDir, 'home');
  const commands = path.join(runnerTemp, '_runner_file_commands');
  await mkdir(home, { recursive: true });
  await mkdir(commands, { recursive: true });
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(path.dirname(eventPath), { recursive: true });
  const repository = { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main', owner: { login: OWNER } };
  await writeFile(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: PR_NUMBER,
      pull_request: {
        number: PR_NUMBER,
        title: PR_TITLE,
        labels: [],
        commits: 1,
        merge_commit_sha: repo.shas.merge,
        head: { ref: PR_BRANCH, sha: repo.shas.head, repo: repository },
        base: { ref: 'main', sha: repo.shas.base, repo: repository },
      },
      repository,
    }),
  );
  const fileCommand = async (kind) => {
    const file = path.join(commands, `${kind}_${randomUUID()}`);
    await writeFile(file, '');
    return file;
  };
  const outputFile = await fileCommand('set_output');
  const env = {
    PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: repo.shas.merge,
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_REF_NAME: `${PR_NUMBER}/merge`,
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: PR_BRANCH,
    GITHUB_SERVER_URL: api.url,
    GITHUB_API_URL: api.url,
    GITHUB_GRAPHQL_URL: `${api.url}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: await fileCommand('step_summary'),
    GITHUB_ENV: await fileCommand('set_env'),
    GITHUB_PATH: await fileCommand('add_path'),
    GITHUB_STATE: await fileCommand('save_state'),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'compat',
    GITHUB_ACTION: '__compat-gate',
    GITHUB_ACTOR: 'contributor',
    GITHUB_WORKFLOW: 'compat',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runDir, 'toolcache'),
    ...extraEnv,
  };
  const allInputs = { ...actionDefaults(TOKEN), ...(args.release ? { release: args.release } : {}), ...inputs };
  for (const [name, value] of Object.entries(allInputs)) env[inputEnvName(name)] = value;
  return { runDir, workspace, env, outputFile };
}

function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      outputs[heredoc[1]] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Starts `node dist/index.js` as the runner starts the step and measures it; with `trace`, git
 * goes through the logging wrapper (for the start-up time and the timeline), with `cpuProf` the
 * node process writes a CPU profile into that folder.
 */
export async function runGate(repo, api, { inputs, env: extraEnv = {}, trace = false, cpuProf, oneCore = false }) {
  const traceLog = path.join(repo.root, `trace-${++sequence}.log`);
  const env = trace ? { BENCH_TRACE_LOG: traceLog, PATH: `${path.join(repo.root, 'wrappers')}:${PATH}` } : {};
  const run = await prepareRun(repo, api, inputs, { ...extraEnv, ...env });
  const requestsBefore = api.state.requests;
  const node = [...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []), ACTION];
  const [command, argv] = oneCore ? [TASKSET, ['-c', '0', process.execPath, ...node]] : [process.execPath, node];
  const result = await measure(command, argv, { cwd: run.workspace, env: run.env, scratch: repo.root });
  const outputs = parseOutputs(await readFile(run.outputFile, 'utf8'));
  const report = outputs.report && existsSync(outputs.report) ? JSON.parse(await readFile(outputs.report, 'utf8')) : undefined;
  const calls = trace ? await readTrace(traceLog) : [];
  if (trace && args.timeline) {
    const t0 = result.started;
    for (const call of calls) log(`  ${String(Math.round(call.start - t0)).padStart(6)}–${String(Math.round((call.end ?? call.start) - t0)).padStart(6)} ms  ${call.tool} ${call.command.slice(0, 80)}`);
  }
  await rm(run.runDir, { recursive: true, force: true });
  if (!report) throw new Error(`the action wrote no report (exit ${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  if (report.verdict === 'error') throw new Error(`the action could not decide: ${report.error?.message}\n${result.stdout.slice(-2000)}`);
  return { ...result, outputs, report, calls, requests: api.state.requests - requestsBefore };
}

export const SCHEMA_INPUTS = { configs: CONFIGS_GLOB, schema: SCHEMA_PATH };
export const LOADER_INPUTS = { configs: CONFIGS_GLOB, loader: LOADER_COMMAND };
/** Configs in the repository the start-up is measured on: start-up does not depend on them. */
export const STARTUP_CONFIGS = 20;

/** The refs the gate judged: the base, and the release when the action reports one (outputs.release). */
export function judgedRefs(repo, gate) {
  const release = gate.outputs.release;
  if (!release) return [{ name: 'base', sha: repo.shas.base }];
  return [
    { name: 'base', sha: repo.shas.base },
    { name: 'release', sha: repo.shas.release, tag: release },
  ];
}

export async function runFloor(repo, refs, parser) {
  const result = await measure(
    process.execPath,
    [FLOOR, '--parser', parser, '--git-dir', repo.origin, '--schema', path.join(repo.pristine, SCHEMA_PATH), '--configs', CONFIGS_GLOB, ...refs.map((ref) => ref.sha)],
    { cwd: repo.root, env: { ...repo.env }, scratch: repo.root },
  );
  if (result.code !== 0) throw new Error(`the floor failed: ${result.stderr}`);
  return { ...result, summary: JSON.parse(result.stdout.trim().split('\n').pop()) };
}

/** The pipeline maintainers write by hand: one `git show` per config (a shell loop), then one Python process. */
const HANDWRITTEN_SHOW = `set -eu
git ls-tree -r --name-only "$1" -- services | grep '/config\\.yaml$' | while IFS= read -r file; do
  git show "$1:$file" > "$2/\${file//\\//__}"
done`;

export async function runHandwritten(repo, refs) {
  const out = path.join(repo.root, 'handwritten');
  await rm(out, { recursive: true, force: true });
  const env = { ...repo.env, GIT_DIR: repo.origin };
  const stages = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    await mkdir(dir, { recursive: true });
    const show = await measure('bash', ['-c', HANDWRITTEN_SHOW, 'handwritten', ref.sha, dir], { cwd: repo.root, env, scratch: repo.root });
    if (show.code !== 0) throw new Error(`the git show loop failed: ${show.stderr}`);
    stages.push({ name: `git show × ${(await readdir(dir)).length} (${ref.name})`, ...show });
  }
  const validate = await measure('python3', [HANDWRITTEN, path.join(repo.pristine, SCHEMA_PATH), ...refs.map((ref) => path.join(out, ref.name))], {
    cwd: repo.root,
    env: { ...repo.env },
    scratch: repo.root,
  });
  const summary = JSON.parse(validate.stdout.trim().split('\n').pop() || '{}');
  stages.push({ name: 'python3 (PyYAML safe_load + jsonschema)', ...validate });
  await rm(out, { recursive: true, force: true });
  return {
    wallMs: stages.reduce((sum, stage) => sum + stage.wallMs, 0),
    peakKb: Math.max(...stages.map((stage) => stage.peakKb ?? 0)),
    stages,
    summary,
    processes: refs.length * (repo.n + 2) + 1,
  };
}

/** check-jsonschema (PyPI): on PATH, or installed once into a venv in a cache folder. */
export function findCheckJsonschema(notes) {
  const onPath = tryRun('sh', ['-c', 'command -v check-jsonschema']);
  if (onPath) return onPath;
  const venv = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'compat-gate-bench', 'venv');
  const bin = path.join(venv, 'bin', 'check-jsonschema');
  if (!existsSync(bin)) {
    log(`check-jsonschema is not on PATH: installing it from PyPI into ${venv}`);
    const pip = path.join(venv, 'bin', 'pip');
    let problem = tryRun(realPython, ['-m', 'venv', venv]) === undefined ? 'python3 -m venv failed' : undefined;
    if (!problem) {
      try {
        execFileSync(pip, ['install', '--quiet', '--timeout', '20', '--retries', '1', 'check-jsonschema'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        problem = (error.stderr || error.message).trim().split('\n').pop();
      }
    }
    if (problem || !existsSync(bin)) {
      log(`check-jsonschema skipped: ${problem ?? 'not installed'}`);
      notes.push(`check-jsonschema was skipped: it is not on PATH and could not be installed from PyPI into ${venv} (${problem ?? 'no check-jsonschema after pip install'}).`);
      return undefined;
    }
    notes.push(`check-jsonschema was installed from PyPI into ${venv} for this run.`);
  }
  return bin;
}

/** Each ref's files on disk, as `git archive | tar -x` exports them: ref folder → relative paths. */
const EXPORT_REF = 'set -eu\nmkdir -p "$2"\ngit archive "$1" services | tar -x -C "$2"';

async function configFilesUnder(dir) {
  const files = [];
  for (const service of await readdir(path.join(dir, 'services'))) {
    const file = path.join(dir, 'services', service, 'config.yaml');
    if (existsSync(file)) files.push(file);
  }
  return files;
}

/** check-jsonschema over the configs of the refs, the export of each ref (`git archive | tar -x`) included. */
export async function runCheckJsonschema(repo, refs, bin) {
  const out = path.join(repo.root, 'cjs');
  await rm(out, { recursive: true, force: true });
  const env = { ...repo.env, GIT_DIR: repo.origin };
  const stages = [];
  const files = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    const exported = await measure('bash', ['-c', EXPORT_REF, 'export', ref.sha, dir], { cwd: repo.root, env, scratch: repo.root });
    if (exported.code !== 0) throw new Error(`git archive failed: ${exported.stderr}`);
    stages.push({ name: `export (${ref.name})`, ...exported });
    files.push(...(await configFilesUnder(dir)).map((file) => path.relative(out, file)));
  }
  const check = await measure(bin, ['--schemafile', path.join(repo.pristine, SCHEMA_PATH), ...files], { cwd: out, env: { ...repo.env }, scratch: repo.root });
  stages.push({ name: 'check-jsonschema', ...check });
  await rm(out, { recursive: true, force: true });
  return {
    wallMs: stages.reduce((sum, stage) => sum + stage.wallMs, 0),
    peakKb: Math.max(...stages.map((stage) => stage.peakKb ?? 0)),
    ok: check.code === 0,
    output: (check.stdout + check.stderr).trim().split('\n').slice(0, 3).join(' / '),
    files: files.length,
  };
}

/** The same files of both refs on disk (exported once, not timed), for the one-process loader floor. */
export async function exportForLoaderFloor(repo, refs) {
  const out = path.join(repo.root, 'loader-floor');
  await rm(out, { recursive: true, force: true });
  const files = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    const exported = await measure('bash', ['-c', EXPORT_REF, 'export', ref.sha, dir], { cwd: repo.root, env: { ...repo.env, GIT_DIR: repo.origin }, scratch: repo.root });
    if (exported.code !== 0) throw new Error(`git archive failed: ${exported.stderr}`);
    files.push(...(await configFilesUnder(dir)));
  }
  return files;
}

/** One `python3 load_config.py <every file>` process: the PR's loader, loading every config. */
export async function runLoaderFloor(repo, files) {
  const result = await measure('python3', [path.join(repo.pristine, LOADER_PATH), ...files], {
    cwd: repo.root,
    env: { ...repo.env, PATH, BENCH_LOADER_REJECT: '' },
    scratch: repo.root,
  });
  if (result.code !== 0) throw new Error(`the loader floor failed: ${result.stderr.slice(0, 2000)}`);
  return result;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The run with the median wall time (its wall time the median), with the highest peak memory of all. */
export function medianOf(results) {
  const wall = median(results.map((result) => result.wallMs));
  const kept = results.reduce((best, result) => (Math.abs(result.wallMs - wall) < Math.abs(best.wallMs - wall) ? result : best));
  return { ...kept, wallMs: wall, walls: results.map((result) => result.wallMs), peakKb: Math.max(...results.map((result) => result.peakKb ?? 0)) };
}

/** Wall time during which at least one of the calls ran (they can overlap). */
function covered(calls) {
  let total = 0;
  let until = -Infinity;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const start = Math.max(call.start, until);
    if (call.end > start) total += call.end - start;
    until = Math.max(until, call.end);
  }
  return total;
}

/** Where a traced gate run spent its time: start-up, each kind of git call, the loader, and the rest (node). */
export function timeline(gate) {
  const calls = gate.calls.filter((call) => call.end !== undefined);
  const groups = new Map();
  for (const call of calls) {
    const words = call.command.split(' ');
    const verb = words[0] === '-c' ? words[2] : words[0];
    const key = call.tool !== 'git' ? `${call.tool} (loader)` : verb === 'cat-file' ? `cat-file ${words[1] ?? ''}`.trim() : verb;
    const group = groups.get(key) ?? { count: 0, ms: 0 };
    group.count += 1;
    group.ms += call.end - call.start;
    groups.set(key, group);
  }
  const git = calls.filter((call) => call.tool === 'git');
  const loader = calls.filter((call) => call.tool !== 'git');
  const firstGit = gate.calls.find((call) => call.tool === 'git');
  return {
    firstGitMs: firstGit ? firstGit.start - gate.started : undefined,
    groups: [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms),
    gitMs: covered(git),
    loaderMs: covered(loader),
    outsideMs: gate.wallMs - covered(calls) - (firstGit ? firstGit.start - gate.started : 0),
    gitProcesses: git.length,
    loaderProcesses: loader.length,
  };
}
