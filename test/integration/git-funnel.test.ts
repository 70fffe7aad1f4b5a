// The git funnel on real repositories: reads and lookups go through `git cat-file --batch`
// processes kept for the run, and answer as git's own commands would.
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitCommandManager, type GitRepository } from '../../src/git/git.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const opened: GitRepository[] = [];

async function open(at: string): Promise<GitRepository> {
  const git = await createGitCommandManager(at);
  opened.push(git);
  return git;
}

async function commit(repo: string, files: Record<string, string>, message = 'change'): Promise<string> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), text);
  }
  await runGit(repo, ['add', '-A'], env);
  await runGit(repo, ['commit', '-q', '-m', message], env);
  return runGit(repo, ['rev-parse', 'HEAD'], env);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'compat-gate-funnel-'));
  env = isolatedGitEnv(dir);
  await mkdir(path.join(dir, 'repo'));
  await runGit(path.join(dir, 'repo'), ['init', '-q', '-b', 'main'], env);
});

afterEach(async () => {
  for (const git of opened.splice(0)) git.close();
  await rm(dir, { recursive: true, force: true });
});

describe('listing a tree', () => {
  it('gives each entry as `git ls-tree -r -l` prints it: blobs, executables, symlinks, submodules, odd names', async () => {
    const repo = path.join(dir, 'repo');
    await commit(repo, { 'a/plain.yaml': 'x: 1\n', 'a/empty.yaml': '', 'a/naïve name.yaml': 'y'.repeat(12_345), 'run.sh': '#!/bin/sh\n' });
    await chmod(path.join(repo, 'run.sh'), 0o755);
    await symlink('a/plain.yaml', path.join(repo, 'link.yaml'));
    const sub = await runGit(repo, ['rev-parse', 'HEAD'], env);
    await runGit(repo, ['add', '-A'], env);
    // A submodule is a gitlink in the index: `add -A` would drop it, as nothing is checked out there.
    await runGit(repo, ['update-index', '--add', '--cacheinfo', `160000,${sub},vendor/sub`], env);
    await runGit(repo, ['commit', '-q', '-m', 'exec, link, submodule'], env);
    const sha = await runGit(repo, ['rev-parse', 'HEAD'], env);
    const git = await open(repo);
    const listed = await git.lsTree(sha);
    // `ls-tree -r -l` without -z: "<mode> <type> <object> <size or ->\t<path>", paths quoted when odd.
    const expected = (await runGit(repo, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-l', '--full-tree', sha], env))
      .split('\n')
      .map((line) => {
        const [fields, name] = line.split('\t') as [string, string];
        const [mode, type, object, size] = fields.split(/ +/) as [string, string, string, string];
        return { mode, type, sha: object, path: name.replace(/^"(.*)"$/, '$1'), ...(size === '-' ? {} : { size: Number(size) }) };
      });
    expect(listed).toEqual(expected);
    expect(listed.map((entry) => entry.mode).sort()).toEqual(['100644', '100644', '100644', '100755', '120000', '160000']);
    expect(listed.find((entry) => entry.path === 'a/naïve name.yaml')?.size).toBe(12_345);
    expect(listed.find((entry) => entry.path === 'vendor/sub')).toEqual({ mode: '160000', type: 'commit', sha: sub, path: 'vendor/sub' });
    // Without -l (a new process: a listing with sizes would serve this one), the same entries with no size.
    const withoutSizes = await (await open(repo)).lsTree(sha, { sizes: false });
    expect(withoutSizes).toEqual(expected.map(({ size: _size, ...entry }) => entry));
  });
});

describe('lookups through cat-file', () => {
  it('reads files by path as ls-tree would find them, whatever their names', async () => {
    const repo = path.join(dir, 'repo');
    const sha = await commit(repo, {
      'configs/with space.yaml': 'a: 1\n',
      'configs/naïve.yaml': 'b: 2\n',
      'configs/-dash.yaml': 'c: 3\n',
      'configs/colon:name.yaml': 'd: 4\n',
      'configs/empty.yaml': '',
    });
    const git = await open(repo);
    expect((await git.readFile(sha, 'configs/with space.yaml'))?.toString()).toBe('a: 1\n');
    expect((await git.readFile(sha, 'configs/naïve.yaml'))?.toString()).toBe('b: 2\n');
    expect((await git.readFile(sha, 'configs/-dash.yaml'))?.toString()).toBe('c: 3\n');
    expect((await git.readFile(sha, 'configs/colon:name.yaml'))?.toString()).toBe('d: 4\n');
    expect((await git.readFile(sha, 'configs/empty.yaml'))?.toString()).toBe('');
    // A folder, a missing file and a path with a newline are no file of the commit.
    expect(await git.readFile(sha, 'configs')).toBeUndefined();
    expect(await git.readFile(sha, 'configs/absent.yaml')).toBeUndefined();
    expect(await git.readFile(sha, 'configs/with space.yaml\nx')).toBeUndefined();
    // cat-file would read a name up to a NUL: such a path names nothing.
    expect(await git.readFile(sha, 'configs/empty.yaml\0x')).toBeUndefined();
    // Paths that start from the working directory (the top level) are read as ls-tree reads them.
    expect((await git.readFile(sha, './configs/-dash.yaml'))?.toString()).toBe('c: 3\n');
    expect(await git.readFile(sha, '../repo/configs/empty.yaml')).toBeUndefined();
  });

  it('resolves commits, tags and names that look like options as rev-parse does', async () => {
    const repo = path.join(dir, 'repo');
    const first = await commit(repo, { 'a.txt': 'a\n' });
    await runGit(repo, ['tag', '-a', '-m', 'release', 'v1.0.0'], env);
    const second = await commit(repo, { 'a.txt': 'b\n' });
    await runGit(repo, ['tag', 'light'], env);
    const git = await open(repo);
    expect(await git.tryResolveCommit('HEAD')).toBe(second);
    // An annotated tag peels to its commit.
    expect(await git.tryResolveCommit('refs/tags/v1.0.0')).toBe(first);
    expect(await git.tryResolveCommit('light')).toBe(second);
    expect(await git.tryResolveCommit('--all')).toBeUndefined();
    expect(await git.tryResolveCommit('nope')).toBeUndefined();
    expect(await git.tryResolveCommit('HEAD\nHEAD')).toBeUndefined();
    expect(await git.tryResolveCommit('HEAD\0garbage')).toBeUndefined();
    // A blob is no commit.
    const blob = await runGit(repo, ['rev-parse', 'HEAD:a.txt'], env);
    expect(await git.tryResolveCommit(blob)).toBeUndefined();
    expect(await git.hasCommit(blob)).toBe(false);
    expect(await git.hasCommit(first)).toBe(true);
    expect(await git.tryParents(second)).toEqual([first]);
    expect(await git.tryParents(first)).toEqual([]);
  });

  it('sees a commit fetched after its process started', async () => {
    const origin = path.join(dir, 'repo');
    await commit(origin, { 'a.txt': 'a\n' });
    const clone = path.join(dir, 'clone');
    await runGit(dir, ['clone', '-q', '--depth=1', `file://${origin}`, clone], env);
    const later = await commit(origin, { 'a.txt': 'later\n', 'b.txt': 'b\n' });
    const git = await open(clone);
    expect(await git.tryResolveCommit('HEAD')).toBeDefined();
    expect(await git.hasCommit(later)).toBe(false);
    expect(await git.tryFetch([later], { depth: 1 })).toBe(true);
    expect(await git.hasCommit(later)).toBe(true);
    expect((await git.readFile(later, 'b.txt'))?.toString()).toBe('b\n');
    // A fetch kept as a pack (not unpacked into loose objects) is seen as well.
    await runGit(clone, ['config', 'fetch.unpackLimit', '1'], env);
    const packed = await commit(origin, { 'c.txt': 'c\n' });
    expect(await git.hasCommit(packed)).toBe(false);
    expect(await git.tryFetch([packed], { depth: 1 })).toBe(true);
    expect((await git.readFile(packed, 'c.txt'))?.toString()).toBe('c\n');
  });

  it('never fetches with a depth a commit it holds: its history stays whole', async () => {
    const origin = path.join(dir, 'repo');
    for (let i = 0; i < 5; i++) await commit(origin, { 'a.txt': `${i}\n` }, `commit ${i}`);
    const clone = path.join(dir, 'clone');
    await runGit(dir, ['clone', '-q', '--depth=1', `file://${origin}`, clone], env);
    const git = await open(clone);
    const head = (await git.tryResolveCommit('HEAD'))!;
    expect(await git.tryDeepen(head, 4)).toBe(true);
    expect(await runGit(clone, ['rev-list', '--count', 'HEAD'], env)).toBe('5');
    // The commit below HEAD is held now: fetched again with depth 1 it would become a shallow
    // boundary, and HEAD's history would end there.
    const parent = (await git.tryParents(head))![0]!;
    expect(await git.tryFetch([parent], { depth: 1 })).toBe(true);
    expect(await runGit(clone, ['rev-list', '--count', 'HEAD'], env)).toBe('5');
  });
});

describe('the processes of a run', () => {
  it('serves every lookup and read of a run from one cat-file process when they come one at a time', async () => {
    const repo = path.join(dir, 'repo');
    const sha = await commit(repo, { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    // A git first on PATH that logs each command before running the real one.
    const bin = path.join(dir, 'bin');
    const log = path.join(dir, 'git.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    await mkdir(bin);
    await writeFile(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    await chmod(path.join(bin, 'git'), 0o755);
    const previous = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${previous}`;
    try {
      const git = await open(repo);
      for (let i = 0; i < 10; i++) {
        expect(await git.tryResolveCommit(`HEAD~0`)).toBe(sha);
        expect(await git.hasCommit(sha)).toBe(true);
        expect((await git.readFile(sha, 'a.txt'))?.toString()).toBe('a\n');
      }
      const blobs = await git.readBlobs([await runGit(repo, ['rev-parse', 'HEAD:a.txt'], env), await runGit(repo, ['rev-parse', 'HEAD:b.txt'], env)]);
      expect([...blobs.values()].map(String).sort()).toEqual(['a\n', 'b\n']);
    } finally {
      process.env.PATH = previous;
    }
    const commands = (await readFile(log, 'utf8')).trim().split('\n');
    expect(commands.filter((command) => command.startsWith('cat-file'))).toEqual(['cat-file --batch']);
    expect(commands.filter((command) => command.startsWith('rev-parse'))).toEqual(['rev-parse --show-toplevel']);
  });

  it('keeps no process alive once closed, and none keeps node from exiting when it is not', async () => {
    const repo = path.join(dir, 'repo');
    await commit(repo, { 'a.txt': 'a\n' });
    // A script that reads through the funnel and never closes it must still end by itself.
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const script = path.join(dir, 'unclosed.ts');
    await writeFile(
      script,
      `import { createGitCommandManager } from ${JSON.stringify(path.join(root, 'src/git/git.ts'))};
const git = await createGitCommandManager(${JSON.stringify(repo)});
console.log(await git.tryResolveCommit('HEAD'));
`,
    );
    const child = spawn(path.join(root, 'node_modules/.bin/vite-node'), [script], { cwd: root, env: process.env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(-1);
      }, 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(exited).toBe(0);
    expect(stdout.trim()).toMatch(/^[0-9a-f]{40}$/);
  });
});
