import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file to write: text or bytes, optionally executable, or a symlink to `symlink`. */
export type FileEntry = string | Buffer | { content: string | Buffer; executable?: boolean } | { symlink: string };

/** Files by repository path (forward slashes); `null` deletes the path. */
export type FileTree = Record<string, FileEntry | null>;

/** One commit: its full message (subject, blank line, body, footers) and the files it changes. */
export interface CommitSpec {
  message: string;
  files: FileTree;
}

/** A tag on a commit of `main` (index into `PullRequestRepoSpec.main`, last when absent); annotated when `message` is set. */
export interface TagSpec {
  name: string;
  commit?: number;
  message?: string;
}

/** The history to build: main, the PR branch on top of it, and main moving on after the PR branched. */
export interface PullRequestRepoSpec {
  main: CommitSpec[];
  tags?: TagSpec[];
  pr: { number: number; branch?: string; commits: CommitSpec[] };
  mainAfterBranch?: CommitSpec[];
}

/** Options of a checkout, as actions/checkout@v4 would make it. */
export interface CheckoutOptions {
  /** Write the `http.<server>/.extraheader` that checkout's default `persist-credentials: true` leaves in .git/config. */
  persistToken?: string;
  serverUrl?: string;
}

/** A built repository: the bare origin with `refs/pull/N/{head,merge}`, and the shas a test needs. */
export interface PullRequestRepo {
  root: string;
  home: string;
  /** Environment for git commands against these repositories (isolated HOME, no system config). */
  env: NodeJS.ProcessEnv;
  origin: string;
  originUrl: string;
  number: number;
  baseRef: string;
  headRef: string;
  /** The tip of main that the merge commit has as first parent. */
  baseSha: string;
  /** Where the PR branched off main (equals baseSha unless main moved on). */
  forkPointSha: string;
  headSha: string;
  mergeSha: string;
  mainShas: string[];
  prCommits: Array<{ sha: string; message: string }>;
  /** Tag name → the commit it points to. */
  tags: Record<string, string>;
  /** A fresh workspace as actions/checkout@v4 leaves it for a `pull_request` event: the merge commit, depth 1. */
  checkout(options?: CheckoutOptions): Promise<string>;
  cleanup(): Promise<void>;
}

/** Everything about a workspace that a run must not change. */
export interface WorkspaceSnapshot {
  /** `<mode> <sha256> <path>` per file, symlink and directory outside .git, sorted. */
  files: string[];
  head: string;
  headFile: string;
  status: string;
  indexSha256: string;
  config: string;
}

const AUTHOR = { name: 'Fixture Author', email: 'fixture@example.com' };
const FIRST_COMMIT_TIME = Date.parse('2024-05-01T12:00:00Z');

/** The environment for git in a fixture: HOME in the fixture, no system or user config, no prompts, a fixed identity. */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
    LC_ALL: 'C',
  };
}

/** Runs git in `cwd`, resolving to its trimmed stdout; rejects with git's stderr. */
export function runGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} (in ${cwd}) failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trimEnd());
    });
  });
}

async function writeTree(dir: string, files: FileTree): Promise<void> {
  for (const [relative, entry] of Object.entries(files)) {
    const target = path.join(dir, ...relative.split('/'));
    if (entry === null) {
      await rm(target, { recursive: true, force: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) {
      await writeFile(target, entry);
    } else if ('symlink' in entry) {
      await symlink(entry.symlink, target);
    } else {
      await writeFile(target, entry.content);
      await chmod(target, entry.executable ? 0o755 : 0o644);
    }
  }
}

/**
 * Builds origin (bare, `file://`), main, tags, the PR branch and GitHub's merge commit
 * (`refs/pull/N/merge`, first parent main, second parent the PR head) in a temp dir.
 */
export async function buildPullRequestRepo(spec: PullRequestRepoSpec): Promise<PullRequestRepo> {
  if (spec.main.length === 0) throw new Error('buildPullRequestRepo: main needs at least one commit');
  const root = await mkdtemp(path.join(tmpdir(), 'compat-gate-repo-'));
  const home = path.join(root, 'home');
  await mkdir(home);
  const env = isolatedGitEnv(home);
  const author = path.join(root, 'author');
  const origin = path.join(root, 'origin.git');
  const originUrl = `file://${origin}`;
  const branch = spec.pr.branch ?? `pr-${spec.pr.number}`;
  let clock = 0;
  const git = (args: readonly string[], cwd = author, extra: NodeJS.ProcessEnv = {}): Promise<string> =>
    runGit(cwd, args, { ...env, ...extra });
  const stamp = (): NodeJS.ProcessEnv => {
    const date = new Date(FIRST_COMMIT_TIME + 60_000 * clock++).toISOString();
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  };
  const commit = async (spec: CommitSpec): Promise<string> => {
    await writeTree(author, spec.files);
    await git(['add', '--all']);
    const messageFile = path.join(root, 'message.txt');
    await writeFile(messageFile, `${spec.message}\n`);
    await git(['commit', '--quiet', '--allow-empty', '--cleanup=verbatim', '--file', messageFile], author, stamp());
    return git(['rev-parse', 'HEAD']);
  };

  await git(['init', '--quiet', '--initial-branch=main', author], root);
  const mainShas: string[] = [];
  for (const step of spec.main) mainShas.push(await commit(step));
  const forkPointSha = mainShas[mainShas.length - 1] as string;

  const tags: Record<string, string> = {};
  for (const tag of spec.tags ?? []) {
    const sha = mainShas[tag.commit ?? mainShas.length - 1];
    if (sha === undefined) throw new Error(`buildPullRequestRepo: tag ${tag.name} points to no commit of main`);
    const args = tag.message === undefined ? ['tag', tag.name, sha] : ['tag', '--annotate', '--message', tag.message, tag.name, sha];
    await git(args, author, stamp());
    tags[tag.name] = sha;
  }

  await git(['checkout', '--quiet', '-b', branch, forkPointSha]);
  const prCommits: Array<{ sha: string; message: string }> = [];
  for (const step of spec.pr.commits) prCommits.push({ sha: await commit(step), message: step.message });
  const headSha = await git(['rev-parse', 'HEAD']);

  await git(['checkout', '--quiet', 'main']);
  for (const step of spec.mainAfterBranch ?? []) mainShas.push(await commit(step));
  const baseSha = await git(['rev-parse', 'HEAD']);

  // GitHub's test merge: first parent the base tip, second the PR head, message "Merge <head> into <base>".
  await git(['checkout', '--quiet', '--detach', baseSha]);
  await git(['merge', '--quiet', '--no-ff', '--no-edit', '-m', `Merge ${headSha} into ${baseSha}`, headSha], author, stamp());
  const mergeSha = await git(['rev-parse', 'HEAD']);
  await git(['checkout', '--quiet', 'main']);

  await git(['init', '--quiet', '--bare', '--initial-branch=main', origin], root);
  // GitHub serves any reachable commit by sha and partial clones; a plain bare repo needs to be told.
  await git(['config', 'uploadpack.allowAnySHA1InWant', 'true'], origin);
  await git(['config', 'uploadpack.allowFilter', 'true'], origin);
  const number = spec.pr.number;
  await git([
    'push',
    '--quiet',
    originUrl,
    'refs/heads/main:refs/heads/main',
    `refs/heads/${branch}:refs/heads/${branch}`,
    `${headSha}:refs/pull/${number}/head`,
    `${mergeSha}:refs/pull/${number}/merge`,
  ]);
  if (Object.keys(tags).length > 0) await git(['push', '--quiet', originUrl, '--tags']);

  let checkouts = 0;
  return {
    root,
    home,
    env,
    origin,
    originUrl,
    number,
    baseRef: 'main',
    headRef: branch,
    baseSha,
    forkPointSha,
    headSha,
    mergeSha,
    mainShas,
    prCommits,
    tags,
    checkout: async (options = {}) => {
      checkouts += 1;
      const workspace = path.join(root, `runner-${checkouts}`, 'work', 'stack', 'stack');
      await mkdir(workspace, { recursive: true });
      const ws = (args: readonly string[]): Promise<string> => runGit(workspace, args, env);
      // The commands actions/checkout@v4 runs for a pull_request event with its defaults (fetch-depth: 1).
      await ws(['init', '--quiet', workspace]);
      await ws(['remote', 'add', 'origin', originUrl]);
      await ws(['config', '--local', 'gc.auto', '0']);
      if (options.persistToken !== undefined) {
        const basic = Buffer.from(`x-access-token:${options.persistToken}`).toString('base64');
        const server = options.serverUrl ?? 'https://github.com';
        await ws(['config', '--local', `http.${server}/.extraheader`, `AUTHORIZATION: basic ${basic}`]);
      }
      await ws([
        '-c',
        'protocol.version=2',
        'fetch',
        '--no-tags',
        '--prune',
        '--no-recurse-submodules',
        '--depth=1',
        'origin',
        `+${mergeSha}:refs/remotes/pull/${number}/merge`,
      ]);
      await ws(['checkout', '--quiet', '--force', `refs/remotes/pull/${number}/merge`]);
      return workspace;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

const STACK_DIR = fileURLToPath(new URL('../fixtures/stack/', import.meta.url));

/** The stack example project's variants (see test/fixtures/stack/README.md). */
export type StackVariant = 'compatible' | 'breaking-schema' | 'breaking-loader' | 'invalid-on-base';

/** Reads a directory into a FileTree (text files, repository-relative paths). */
export async function readFileTree(dir: string, skip: (relative: string) => boolean = () => false): Promise<FileTree> {
  const tree: FileTree = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (skip(child)) continue;
      if (entry.isDirectory()) await walk(child);
      else tree[child] = await readFile(path.join(dir, child), 'utf8');
    }
  };
  await walk('');
  return tree;
}

/** The stack project as it is on main before any variant. */
export function stackFiles(): Promise<FileTree> {
  return readFileTree(STACK_DIR, (relative) => relative === 'variants');
}

/**
 * The files a variant replaces, adds (contents) and deletes (`null`), to lay over `stackFiles()`.
 * A variant's `_edits.json` changes files of the base project in place (`{path: [{find, replace}]}`,
 * each `find` occurring once), so a variant holds only what it changes.
 */
export async function stackVariant(name: StackVariant): Promise<FileTree> {
  const dir = path.join(STACK_DIR, 'variants', name);
  const deletions = path.join(dir, '_deleted.txt');
  const editsFile = path.join(dir, '_edits.json');
  const tree = await readFileTree(dir, (relative) => relative === '_deleted.txt' || relative === '_edits.json');
  if (existsSync(deletions)) {
    for (const line of (await readFile(deletions, 'utf8')).split('\n')) {
      if (line.trim() !== '') tree[line.trim()] = null;
    }
  }
  if (existsSync(editsFile)) {
    const edits = JSON.parse(await readFile(editsFile, 'utf8')) as Record<string, Array<{ find: string; replace: string }>>;
    for (const [file, changes] of Object.entries(edits)) {
      let text = await readFile(path.join(STACK_DIR, file), 'utf8');
      for (const { find, replace } of changes) {
        if (text.split(find).length !== 2) throw new Error(`${name}/_edits.json: the text to replace in ${file} must occur exactly once: ${JSON.stringify(find)}`);
        text = text.replace(find, () => replace);
      }
      tree[file] = text;
    }
  }
  return tree;
}

async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * Fingerprints a workspace: every path outside .git with its mode and content hash, HEAD,
 * `git status` (ignored files included), the index's hash and .git/config. Reads only:
 * `--no-optional-locks` keeps `git status` from refreshing the index.
 */
export async function snapshotWorkspace(workspace: string, env: NodeJS.ProcessEnv): Promise<WorkspaceSnapshot> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const name of (await readdir(path.join(workspace, relative))).sort()) {
      const child = relative === '' ? name : `${relative}/${name}`;
      if (child === '.git') continue;
      const full = path.join(workspace, child);
      const stat = await lstat(full);
      const mode = stat.mode.toString(8).padStart(6, '0');
      if (stat.isSymbolicLink()) {
        files.push(`${mode} ${createHash('sha256').update(await readlink(full)).digest('hex')} ${child}`);
      } else if (stat.isDirectory()) {
        files.push(`${mode} - ${child}/`);
        await walk(child);
      } else {
        files.push(`${mode} ${await sha256File(full)} ${child}`);
      }
    }
  };
  const indexSha256 = await sha256File(path.join(workspace, '.git', 'index'));
  await walk('');
  const git = (args: readonly string[]): Promise<string> => runGit(workspace, ['--no-optional-locks', ...args], env);
  return {
    files,
    head: await git(['rev-parse', 'HEAD']),
    headFile: await readFile(path.join(workspace, '.git', 'HEAD'), 'utf8'),
    status: await git(['status', '--porcelain=v1', '--untracked-files=all', '--ignored']),
    indexSha256,
    config: await readFile(path.join(workspace, '.git', 'config'), 'utf8'),
  };
}
