import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { PullRequestRepo } from './git-fixture.js';
import type { FakePull, GitHubApi, RecordedRequest } from './github-api.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundle the runner starts (`runs.main` of action.yml). */
export const ACTION_ENTRY = path.join(REPO_ROOT, 'dist', 'index.js');

/** The token the tests hand the action; distinctive so a leak is easy to find. */
export const TEST_TOKEN = 'ghs_FunctionalTestToken0x5eCr3t7oKeN42abcdEF';

/** Secrets the runner gives every node action; a loader must never see them. */
export const RUNNER_SECRETS = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret-0x7f3a9c1e5b',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-secret-0x2d8e4b6a1f',
} as const;

/** A workflow command the action printed: `::name key=value,…::message`, unescaped. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** An `::error` / `::warning` / `::notice` annotation. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  title?: string;
  message: string;
}

/** The JSON report, as far as the functional tests read it. */
export interface GateReport {
  verdict: string;
  configs: Array<{ path: string; status: string; errors: Array<{ message: string; [key: string]: unknown }>; [key: string]: unknown }>;
  acknowledgement: { acknowledged: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

/** How to start the action, as the runner would for one step. */
export interface RunActionOptions {
  workspace: string;
  /** Step inputs (`with:`), by their action.yml names; merged over action.yml defaults. */
  inputs?: Record<string, string>;
  event: Record<string, unknown>;
  eventName?: string;
  api: GitHubApi;
  /** What `${{ github.token }}` evaluates to. */
  token?: string;
  /** Extra step environment (`env:`); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** `owner/repo`; the fake API's by default. */
  repository?: string;
  /** GITHUB_SHA / GITHUB_REF / GITHUB_BASE_REF / GITHUB_HEAD_REF; derived from the event when absent. */
  sha?: string;
  ref?: string;
  baseRef?: string;
  headRef?: string;
  timeoutMs?: number;
  /** The script to start; dist/index.js by default. */
  entry?: string;
  /** Where the run's RUNNER_TEMP, HOME (fresh, so no user git config) and file-command files go; the OS temp dir by default. */
  tempRoot?: string;
}

/** What one run produced. */
export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  annotations: Annotation[];
  report: GateReport | undefined;
  /** The API requests made during this run. */
  requests: RecordedRequest[];
  env: Record<string, string>;
  runnerTemp: string;
  eventPath: string;
  /** Removes RUNNER_TEMP, HOME and the file-command files of this run. */
  dispose(): Promise<void>;
}

/** `INPUT_<NAME>` as the runner spells it: upper case, spaces to `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

interface ActionInput {
  default?: unknown;
}

/** The inputs of action.yml with their defaults, `${{ github.token }}` evaluated to `token`. */
export async function actionDefaults(token: string, actionYml = path.join(REPO_ROOT, 'action.yml')): Promise<Record<string, string>> {
  const action = parseYaml(await readFile(actionYml, 'utf8')) as { inputs?: Record<string, ActionInput | null> };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue;
    defaults[name] = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
  }
  return defaults;
}

function unescapeProperty(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%');
}

function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Parses the workflow commands (`::name props::message`) in a step's stdout. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    // Property values have their ':' escaped (%3A), so the first '::' after the name ends them.
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line);
    if (match === null) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1] as string, properties, message: unescapeData(match[3] ?? '') });
  }
  return commands;
}

/** The annotations among workflow commands. */
export function annotationsOf(commands: readonly WorkflowCommand[]): Annotation[] {
  const annotations: Annotation[] = [];
  for (const { command, properties, message } of commands) {
    if (command !== 'error' && command !== 'warning' && command !== 'notice') continue;
    const line = properties['line'] === undefined ? undefined : Number(properties['line']);
    annotations.push({
      level: command,
      message,
      ...(properties['file'] === undefined ? {} : { file: properties['file'] }),
      ...(line === undefined || Number.isNaN(line) ? {} : { line }),
      ...(properties['title'] === undefined ? {} : { title: properties['title'] }),
    });
  }
  return annotations;
}

/**
 * Parses a GITHUB_OUTPUT file as the runner does: `name=value` lines, and `name<<DELIMITER`
 * followed by value lines up to a line that is exactly DELIMITER.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`GITHUB_OUTPUT line ${i + 1} is neither name=value nor name<<DELIMITER: ${line}`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
    if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: the value of ${name} never ends (no line ${delimiter})`);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

let nodeCommand: Promise<string> | undefined;

/**
 * The node binary that runs the action: COMPAT_GATE_TEST_NODE (a binary, or a command such as
 * `npx -y node@24`, resolved once to the binary it starts) or this process's node.
 */
export function actionNode(): Promise<string> {
  const wanted = process.env['COMPAT_GATE_TEST_NODE']?.trim();
  if (!wanted) return Promise.resolve(process.execPath);
  if (existsSync(wanted)) return Promise.resolve(wanted);
  nodeCommand ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'compat-gate-node-'));
    const script = path.join(dir, 'exec-path.mjs');
    await writeFile(script, 'process.stdout.write(process.execPath);\n');
    const [command, ...args] = wanted.split(/\s+/) as [string, ...string[]];
    try {
      return await new Promise<string>((resolve, reject) => {
        execFile(command, [...args, script], { encoding: 'utf8', timeout: 300_000 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`COMPAT_GATE_TEST_NODE=${wanted} did not start node: ${stderr || error.message}`));
          else resolve(stdout.trim().split('\n').pop() ?? '');
        });
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return nodeCommand;
}

interface EventRefs {
  sha: string;
  ref: string;
  baseRef: string;
  headRef: string;
}

function refsFromEvent(eventName: string, event: Record<string, unknown>): EventRefs {
  const pull = event['pull_request'] as
    | { number?: number; merge_commit_sha?: string | null; head?: { ref?: string; sha?: string }; base?: { ref?: string } }
    | undefined;
  if (pull !== undefined) {
    const number = pull.number ?? (event['number'] as number | undefined);
    const target = eventName === 'pull_request_target';
    return {
      // pull_request runs on the merge commit; pull_request_target on the base branch tip.
      sha: target ? '' : (pull.merge_commit_sha ?? ''),
      ref: target ? `refs/heads/${pull.base?.ref ?? ''}` : `refs/pull/${number}/merge`,
      baseRef: pull.base?.ref ?? '',
      headRef: pull.head?.ref ?? '',
    };
  }
  const group = event['merge_group'] as { head_sha?: string; head_ref?: string } | undefined;
  if (group !== undefined) return { sha: group.head_sha ?? '', ref: group.head_ref ?? '', baseRef: '', headRef: '' };
  return { sha: String(event['after'] ?? ''), ref: String(event['ref'] ?? ''), baseRef: '', headRef: '' };
}

/**
 * Starts the action the way the Actions runner starts a `node24` action for one step: node on
 * `runs.main` with cwd GITHUB_WORKSPACE, `INPUT_*` from action.yml defaults and the step's
 * inputs, the GITHUB_* / RUNNER_* variables, an event file and fresh file-command files.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const token = options.token ?? TEST_TOKEN;
  const eventName = options.eventName ?? 'pull_request';
  const repository = options.repository ?? `${options.api.state.owner}/${options.api.state.repo}`;
  const derived = refsFromEvent(eventName, options.event);
  const runDir = await mkdtemp(path.join(options.tempRoot ?? tmpdir(), 'compat-gate-run-'));
  const runnerTemp = path.join(runDir, '_temp');
  const home = path.join(runDir, 'home');
  const commandsDir = path.join(runnerTemp, '_runner_file_commands');
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(home, { recursive: true });
  await mkdir(commandsDir, { recursive: true });
  await mkdir(path.dirname(eventPath), { recursive: true });
  await writeFile(eventPath, JSON.stringify(options.event, null, 2));
  const fileCommand = async (kind: string): Promise<string> => {
    const file = path.join(commandsDir, `${kind}_${randomUUID()}`);
    await writeFile(file, '');
    return file;
  };
  const outputFile = await fileCommand('set_output');
  const summaryFile = await fileCommand('step_summary');

  const inputs = { ...(await actionDefaults(token)), ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_REPOSITORY_ID: '4242',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SHA: options.sha ?? derived.sha,
    GITHUB_REF: options.ref ?? derived.ref,
    GITHUB_REF_NAME: (options.ref ?? derived.ref).replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_BASE_REF: options.baseRef ?? derived.baseRef,
    GITHUB_HEAD_REF: options.headRef ?? derived.headRef,
    GITHUB_SERVER_URL: options.api.url,
    GITHUB_API_URL: options.api.url,
    GITHUB_GRAPHQL_URL: `${options.api.url}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: await fileCommand('set_env'),
    GITHUB_PATH: await fileCommand('add_path'),
    GITHUB_STATE: await fileCommand('save_state'),
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'compat',
    GITHUB_ACTION: '__compat-gate',
    GITHUB_ACTION_PATH: REPO_ROOT,
    GITHUB_ACTION_REPOSITORY: 'org/compat-gate',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: 'contributor',
    GITHUB_TRIGGERING_ACTOR: 'contributor',
    GITHUB_WORKFLOW: 'compat',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runDir, 'toolcache'),
    ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9/runtime/',
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
    ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache/',
    ...RUNNER_SECRETS,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const node = await actionNode();
  const requestsBefore = options.api.requests.length;
  const started = Date.now();
  const child = spawn(node, [options.entry ?? ACTION_ENTRY], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout also ends the loaders it started.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs ?? 50_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, sig) => resolve([code, sig]));
  }).finally(() => clearTimeout(timer));

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
  const commands = parseWorkflowCommands(stdout);
  let report: GateReport | undefined;
  if (outputs['report']) {
    const reportPath = path.resolve(options.workspace, outputs['report']);
    if (existsSync(reportPath)) report = JSON.parse(await readFile(reportPath, 'utf8')) as GateReport;
  }
  return {
    exitCode,
    signal,
    timedOut,
    durationMs: Date.now() - started,
    stdout,
    stderr,
    outputs,
    summary: await readFile(summaryFile, 'utf8'),
    commands,
    annotations: annotationsOf(commands),
    report,
    requests: options.api.requests.slice(requestsBefore),
    env,
    runnerTemp,
    eventPath,
    dispose: () => rm(runDir, { recursive: true, force: true }),
  };
}

/** What a `pull_request` event payload is built from. */
export interface PullRequestEventOptions {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body?: string | null;
  labels?: string[];
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  mergeSha?: string;
  commits?: number;
  action?: 'opened' | 'synchronize' | 'reopened' | 'edited' | 'labeled' | 'unlabeled';
  draft?: boolean;
}

/** A `pull_request` webhook payload shaped like the one GitHub writes to GITHUB_EVENT_PATH. */
export function pullRequestEvent(options: PullRequestEventOptions): Record<string, unknown> {
  const { owner, repo, number } = options;
  const html = `https://github.com/${owner}/${repo}`;
  const api = `https://api.github.com/repos/${owner}/${repo}`;
  const ownerJson = { login: owner, id: 4200, type: 'Organization' };
  const repository = {
    id: 4242,
    node_id: 'R_kgDOstack',
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: ownerJson,
    html_url: html,
    url: api,
    clone_url: `${html}.git`,
    default_branch: 'main',
    fork: false,
  };
  const sender = { login: 'contributor', id: 77, type: 'User' };
  const side = (s: { sha: string; ref: string }): Record<string, unknown> => ({
    label: `${owner}:${s.ref}`,
    ref: s.ref,
    sha: s.sha,
    user: ownerJson,
    repo: repository,
  });
  return {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      url: `${api}/pulls/${number}`,
      id: 100000 + number,
      node_id: `PR_kwDO${number}`,
      html_url: `${html}/pull/${number}`,
      diff_url: `${html}/pull/${number}.diff`,
      issue_url: `${api}/issues/${number}`,
      commits_url: `${api}/pulls/${number}/commits`,
      number,
      state: 'open',
      locked: false,
      title: options.title,
      user: sender,
      body: options.body ?? null,
      labels: (options.labels ?? []).map((name, i) => ({ id: 9000 + i, name, color: 'ededed', default: false })),
      draft: options.draft ?? false,
      merged: false,
      mergeable: null,
      merge_commit_sha: options.mergeSha ?? null,
      head: side(options.head),
      base: side(options.base),
      author_association: 'CONTRIBUTOR',
      commits: options.commits ?? 1,
      additions: 10,
      deletions: 2,
      changed_files: 3,
    },
    repository,
    sender,
  };
}

/** The pull request of a built repository as the fake API serves it: its title, head, base, commits and merge commit. */
export function fakePullOf(repo: PullRequestRepo, title: string, labels: string[] = []): FakePull {
  return {
    title,
    labels,
    head: { sha: repo.headSha, ref: repo.headRef },
    base: { sha: repo.baseSha, ref: repo.baseRef },
    commits: repo.prCommits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
    mergeCommitSha: repo.mergeSha,
  };
}

/** The `pull_request` event of a built repository's pull request, as the runner writes it. */
export function pullRequestEventOf(repo: PullRequestRepo, owner: string, name: string, title: string): Record<string, unknown> {
  return pullRequestEvent({
    owner,
    repo: name,
    number: repo.number,
    title,
    head: { sha: repo.headSha, ref: repo.headRef },
    base: { sha: repo.baseSha, ref: repo.baseRef },
    mergeSha: repo.mergeSha,
    commits: repo.prCommits.length,
  });
}
