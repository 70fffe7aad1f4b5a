import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GateError } from '../errors.js';

/** One entry of a commit's tree, as `git ls-tree -r` lists it. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
  /** Size in bytes, for blobs. */
  size?: number;
}

/** What one commit did to paths, against its first parent: moves, deletions and additions. */
export interface PathChanges {
  sha: string;
  renames: Array<{ from: string; to: string }>;
  deleted: string[];
  added: string[];
}

/** A commit as `git log` shows it. */
export interface CommitMessage {
  sha: string;
  message: string;
}

/**
 * Every git operation compat-gate performs goes through here. Reads come from git objects;
 * nothing here checks out, switches or writes the work tree, HEAD, the index or the config.
 */
export interface GitCommandManager {
  /** The repository's top-level folder. */
  readonly root: string;
  /** The commit sha a ref names, or undefined when git does not know it. */
  tryResolveCommit(ref: string): Promise<string | undefined>;
  /** Whether the object database holds this commit. */
  hasCommit(sha: string): Promise<boolean>;
  /** Whether the checkout is shallow (actions/checkout's default depth 1). */
  isShallow(): Promise<boolean>;
  /**
   * Fetch from origin without tags; returns false instead of throwing when the fetch fails.
   * `depth` cuts the history of what is fetched; `deepen` extends a shallow history by that
   * many commits from its current boundary.
   */
  tryFetch(refspecs: string[], options?: { depth?: number; deepen?: number }): Promise<boolean>;
  /** Fetches one ref (as {@link tryFetch}) and gives the commit it fetched, or undefined. */
  tryFetchCommit(refspec: string, options?: { depth?: number }): Promise<string | undefined>;
  /** The best common ancestor of two commits, or undefined when the (possibly shallow) history holds none. */
  tryMergeBase(a: string, b: string): Promise<string | undefined>;
  /**
   * Every entry of a commit's tree, recursively. A commit named by its sha is listed once: the
   * same array is shared by every caller, who must not change it. With `sizes: false` the blobs'
   * sizes may be left out (git then reads no object but the trees): for callers that need paths.
   */
  lsTree(commit: string, options?: { sizes?: boolean }): Promise<readonly TreeEntry[]>;
  /** The contents of many blobs through one `git cat-file --batch` process. */
  /** `onBlob` is told of each blob as it arrives, while git is still sending the next ones. */
  readBlobs(shas: string[], onBlob?: (sha: string, content: Buffer) => void): Promise<Map<string, Buffer>>;
  /** One file of a commit, or undefined when the commit has no such file. */
  readFile(commit: string, path: string): Promise<Buffer | undefined>;
  /** The commits reachable from `head` and not from `base`, oldest first. */
  log(base: string, head: string): Promise<CommitMessage[]>;
  /** Every tag name with the commit it points at. */
  tags(): Promise<Array<{ name: string; sha: string }>>;
  /** Origin's tags with the commits they point at (`git ls-remote`), or undefined when origin cannot be reached. */
  tryRemoteTags(): Promise<Array<{ name: string; sha: string }> | undefined>;
  /** The remote's default branch (origin/HEAD), else `main` or `master` when they exist. */
  defaultBranch(): Promise<string | undefined>;
  /**
   * The files git's rename detection (`git diff -M`) says moved between two commits, whole
   * directories included: each old path with its path in `to`. Diffing two trees needs both
   * commits' trees only, no history between them.
   */
  renames(from: string, to: string): Promise<Array<{ from: string; to: string }>>;
  /**
   * The moves, deletions and additions of each commit on `to`'s first-parent chain since
   * `from`, oldest first (merges against their first parent). Undefined when the history at
   * hand does not show `from` as an ancestor of `to` (a shallow checkout, another branch), or
   * when the chain is longer than `limit` commits.
   */
  tryFirstParentChanges(from: string, to: string, limit: number): Promise<PathChanges[] | undefined>;
  /** The parents a commit object names (read from the object: a shallow boundary does not hide them); undefined when git does not have it. */
  tryParents(commit: string): Promise<string[] | undefined>;
  /**
   * Deepens a shallow history behind `commit` until it is `commits` deep from the boundary the
   * checkout had (what an earlier call fetched is not fetched again). False when the fetch fails.
   */
  tryDeepen(commit: string, commits: number): Promise<boolean>;
  /** Write the tree of a commit into a folder (a throw-away copy, not a worktree of this repository). */
  exportTree(commit: string, dir: string): Promise<void>;
  /**
   * The path that `path` of commit `to` had in commit `from`, when git's rename detection
   * (`git diff -M`) sees it moved or renamed between them; undefined when it did not move or
   * git cannot tell.
   */
  tryRenamedFrom(from: string, to: string, path: string): Promise<string | undefined>;
}

/** A repository opened for a run: {@link close} ends the git processes kept for its reads. */
export interface GitRepository extends GitCommandManager {
  close(): void;
}

/** Git must never stop to ask for credentials or open an editor in CI. */
const GIT_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: 'echo',
  GCM_INTERACTIVE: 'never',
  GIT_OPTIONAL_LOCKS: '0',
};

/** An object id as git writes it: SHA-1, or SHA-256 in a repository that uses it. */
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A fetch of one commit over a slow network still ends well inside this. */
const GIT_TIMEOUT_MS = 5 * 60_000;
/** Most files on each side that rename detection compares by content (`diff.renameLimit`). */
const RENAME_LIMIT = 5000;
/** `ls-tree -r` of a monorepo with 100k files is ~10 MB of output. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

function execGit(cwd: string, args: string[]): Promise<string> {
  return execGitBytes(cwd, args).then((stdout) => stdout.toString('utf8'));
}

function execGitBytes(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...process.env, ...GIT_ENV }, maxBuffer: MAX_OUTPUT_BYTES, timeout: GIT_TIMEOUT_MS, encoding: 'buffer' },
      (error, stdout, stderr) => {
        if (error) reject(new GateError(`git ${args[0]} failed: ${stderr.toString('utf8').trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A path as git stores it: bytes, usually UTF-8. Other bytes (a Latin-1 name) are read one
 * character a byte, so that two different names never become the same string.
 */
function decodePath(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** The path in `bytes[start, end)`: most paths are ASCII, read as they are without a decoder. */
function decodePathIn(bytes: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return decodePath(bytes.subarray(start, end));
  return bytes.toString('latin1', start, end);
}

/** NUL-separated fields (`-z` output), each decoded as a path. */
function splitNul(out: Buffer): string[] {
  const fields: string[] = [];
  for (let start = 0; start < out.length; ) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    fields.push(decodePath(out.subarray(start, end)));
    start = end + 1;
  }
  return fields;
}

/** Opens the repository that contains `dir`; throws a GateError when there is none. */
export async function createGitCommandManager(dir: string): Promise<GitRepository> {
  let root: string;
  try {
    root = (await execGit(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new GateError(
      `${dir} is not inside a git repository.`,
      (n) => (n.edge === 'cli' ? 'Run compat-gate inside a clone of the repository, or point `-C` at one.' : 'Run actions/checkout before compat-gate, or run the CLI inside a clone.'),
    );
  }
  return new GitCli(root);
}

class GitCli implements GitRepository {
  /** Trees by commit sha: a commit's tree never changes, and several steps list the same one. */
  private readonly trees = new Map<string, Promise<readonly TreeEntry[]>>();
  /** Trees listed without the blobs' sizes, by commit sha. */
  private readonly pathTrees = new Map<string, Promise<readonly TreeEntry[]>>();
  private fetching: Promise<unknown> = Promise.resolve();
  /** How far {@link tryDeepen} has deepened the history, by commit. */
  private readonly deepened = new Map<string, number>();
  private head: Promise<string | undefined> | undefined;
  /** `git cat-file --batch` processes that answer every object read and lookup of the run. */
  private readonly catFile: CatFilePool;

  constructor(readonly root: string) {
    this.catFile = new CatFilePool(root);
  }

  close(): void {
    this.catFile.close();
  }

  /** One object by name (`<sha>^{commit}`, `<commit>:<path>`), or undefined when git has none. */
  private async lookup(name: string): Promise<BatchAnswer | undefined> {
    // A name is one line of cat-file's input, which ends it at a NUL too.
    if (/[\r\n\0]/.test(name)) return undefined;
    let found: BatchAnswer | undefined;
    try {
      await this.catFile.request([name], (_index, answer) => (found = answer));
    } catch {
      return undefined;
    }
    return found;
  }

  private execGit(args: string[]): Promise<string> {
    return execGit(this.root, args);
  }

  private async tryExecGit(args: string[]): Promise<string | undefined> {
    try {
      return await this.execGit(args);
    } catch {
      return undefined;
    }
  }

  tryResolveCommit(ref: string): Promise<string | undefined> {
    // compat-gate never checks out, commits or resets: the checkout's HEAD stays put for the
    // run, and the several steps that ask for it share one answer.
    if (ref !== 'HEAD') return this.resolveCommit(ref);
    this.head ??= this.resolveCommit(ref);
    return this.head;
  }

  private async resolveCommit(ref: string): Promise<string | undefined> {
    // cat-file reads names from its input, never as options: a ref that starts with '-' is a name.
    const found = await this.lookup(`${ref}^{commit}`);
    return found?.type === 'commit' && OBJECT_ID.test(found.sha) ? found.sha : undefined;
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.lookup(`${sha}^{commit}`))?.type === 'commit';
  }

  async isShallow(): Promise<boolean> {
    return (await this.execGit(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  tryFetch(refspecs: string[], options: { depth?: number; deepen?: number } = {}): Promise<boolean> {
    return this.oneFetchAtATime(async () => {
      // A commit is fetched with a depth only if it is still missing when its turn comes: fetched
      // again, it would be marked shallow and cut the history that another fetch brought meanwhile
      // (the PR's head, after a history walk deepened the merge commit above it).
      const wanted = options.depth ? await this.stillMissing(refspecs) : refspecs;
      return wanted.length === 0 || this.fetchNow(wanted, options);
    });
  }

  /** The refspecs but the commit shas the repository already holds. */
  private async stillMissing(refspecs: string[]): Promise<string[]> {
    const held = await Promise.all(refspecs.map((spec) => (OBJECT_ID.test(spec) ? this.hasCommit(spec) : false)));
    return refspecs.filter((_, index) => !held[index]);
  }

  tryFetchCommit(refspec: string, options: { depth?: number } = {}): Promise<string | undefined> {
    // FETCH_HEAD is read before another fetch may write it.
    return this.oneFetchAtATime(async () => ((await this.fetchNow([refspec], options)) ? this.tryResolveCommit('FETCH_HEAD') : undefined));
  }

  /**
   * Fetches run one after the other, whoever starts them (the base, the PR's commits and the
   * releases are looked up side by side): two at once would race on FETCH_HEAD and on the
   * shallow file's lock. Reads (ls-tree, cat-file) need no turn.
   */
  private oneFetchAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.fetching.then(work, work);
    this.fetching = turn.catch(() => undefined);
    return turn;
  }

  private async fetchNow(refspecs: string[], options: { depth?: number; deepen?: number }): Promise<boolean> {
    // No automatic maintenance after the fetch: it is one more git process on the way to the
    // configs, and the runner's clone is thrown away (a local clone's next fetch or commit runs it).
    const args = ['-c', 'protocol.version=2', '-c', 'maintenance.auto=false', '-c', 'gc.auto=0', 'fetch', '--no-tags', '--no-recurse-submodules', '--quiet'];
    if (options.depth) args.push(`--depth=${options.depth}`);
    else if (options.deepen) args.push(`--deepen=${options.deepen}`);
    args.push('origin', ...refspecs);
    return (await this.tryExecGit(args)) !== undefined;
  }

  async tryMergeBase(a: string, b: string): Promise<string | undefined> {
    const sha = (await this.tryExecGit(['merge-base', '--end-of-options', a, b]))?.trim();
    return sha && OBJECT_ID.test(sha) ? sha : undefined;
  }

  lsTree(commit: string, { sizes = true }: { sizes?: boolean } = {}): Promise<readonly TreeEntry[]> {
    // A name (`HEAD`, a tag) may move after a fetch; a sha names one tree for good.
    if (!OBJECT_ID.test(commit)) return this.listTree(commit, sizes);
    // A listing with sizes serves a caller that needs none.
    const withSizes = this.trees.get(commit);
    if (withSizes || !sizes) {
      const tree = withSizes ?? this.pathTrees.get(commit);
      if (tree) return tree;
    }
    const cache = sizes ? this.trees : this.pathTrees;
    const tree = this.listTree(commit, sizes);
    cache.set(commit, tree);
    // A failed listing is not kept: the commit may be fetched later.
    tree.catch(() => cache.delete(commit));
    return tree;
  }

  private async listTree(commit: string, sizes: boolean): Promise<TreeEntry[]> {
    const out = await execGitBytes(this.root, ['ls-tree', '-r', ...(sizes ? ['-l'] : []), '-z', '--full-tree', commit]);
    const entries: TreeEntry[] = [];
    for (let start = 0; start < out.length; ) {
      let end = out.indexOf(0, start);
      if (end < 0) end = out.length;
      // "<mode> SP <type> SP <object> [SP+ <size>] TAB <path>"; -z keeps paths unquoted.
      const tab = out.indexOf(9, start);
      const fields = out.toString('latin1', start, tab);
      const typeAt = fields.indexOf(' ') + 1;
      const shaAt = fields.indexOf(' ', typeAt) + 1;
      const shaEnd = fields.indexOf(' ', shaAt);
      const bytes = shaEnd < 0 ? Number.NaN : Number(fields.slice(shaEnd + 1).trim());
      entries.push({
        mode: fields.slice(0, typeAt - 1),
        type: fields.slice(typeAt, shaAt - 1) as TreeEntry['type'],
        sha: shaEnd < 0 ? fields.slice(shaAt) : fields.slice(shaAt, shaEnd),
        path: decodePathIn(out, tab + 1, end),
        ...(Number.isFinite(bytes) ? { size: bytes } : {}),
      });
      start = end + 1;
    }
    return entries;
  }

  async readBlobs(shas: string[], onBlob?: (sha: string, content: Buffer) => void): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(shas)];
    const blobs = new Map<string, Buffer>();
    if (wanted.length === 0) return blobs;
    await this.catFile.request(wanted, (index, answer) => {
      if (!answer) return;
      const sha = wanted[index]!;
      blobs.set(sha, answer.content);
      onBlob?.(sha, answer.content);
    });
    return blobs;
  }

  async readFile(commit: string, path: string): Promise<Buffer | undefined> {
    // `<commit>:<path>` names the file for cat-file, except paths it reads another way (`./` and
    // `../` start from the working directory): those are looked up in the tree.
    if (path !== '' && !/^\.{0,2}\/|[\r\n]/.test(path)) {
      const found = await this.lookup(`${commit}:${path}`);
      return found?.type === 'blob' ? found.content : undefined;
    }
    const out = await this.tryExecGit(['ls-tree', '-z', '--full-tree', commit, '--', path]);
    const record = out?.split('\0')[0];
    if (!record) return undefined;
    const [, type, sha] = record.slice(0, record.indexOf('\t')).split(' ');
    if (type !== 'blob' || !sha) return undefined;
    return (await this.readBlobs([sha])).get(sha);
  }

  async tryRenamedFrom(from: string, to: string, path: string): Promise<string | undefined> {
    // No pathspec: limiting the diff to `path` would hide the old path from rename detection.
    const out = await this.tryExecGit(['diff', '-z', '--name-status', '-M', '--diff-filter=R', '--end-of-options', from, to]);
    if (!out) return undefined;
    // -z records: "R<score>\0<old path>\0<new path>\0".
    const fields = out.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if (fields[i]!.startsWith('R') && fields[i + 2] === path) return fields[i + 1];
    }
    return undefined;
  }

  async log(base: string, head: string): Promise<CommitMessage[]> {
    // NUL-separated records of "<sha>\n<raw message>", oldest first.
    const out = await this.execGit(['log', '--reverse', '-z', '--format=%H%n%B', `${base}..${head}`]);
    return out
      .split('\0')
      .filter((record) => record.trim())
      .map((record) => {
        const eol = record.indexOf('\n');
        return { sha: record.slice(0, eol).trim(), message: record.slice(eol + 1).trimEnd() };
      });
  }

  async tryRemoteTags(): Promise<Array<{ name: string; sha: string }> | undefined> {
    const out = await this.tryExecGit(['ls-remote', '--tags', 'origin']);
    if (out === undefined) return undefined;
    const tags = new Map<string, string>();
    for (const line of out.split('\n')) {
      const [sha, ref] = line.split('\t');
      if (!sha || !ref?.startsWith('refs/tags/')) continue;
      const name = ref.slice('refs/tags/'.length);
      // "v1.0^{}" is the commit an annotated tag "v1.0" peels to; it wins over the tag object.
      if (name.endsWith('^{}')) tags.set(name.slice(0, -3), sha);
      else if (!tags.has(name)) tags.set(name, sha);
    }
    return [...tags].map(([name, sha]) => ({ name, sha }));
  }

  async defaultBranch(): Promise<string | undefined> {
    const remoteHead = (await this.tryExecGit(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']))?.trim();
    if (remoteHead) return remoteHead.replace(/^origin\//, '');
    for (const name of ['main', 'master']) {
      if (await this.tryResolveCommit(name)) return name;
    }
    return undefined;
  }

  async tags(): Promise<Array<{ name: string; sha: string }>> {
    const out = await this.execGit(['for-each-ref', '--format=%(refname:strip=2) %(*objectname) %(objectname)', 'refs/tags']);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, peeled, sha] = line.split(' ');
        // Annotated tags peel to their commit; lightweight ones point at it directly.
        return { name: name!, sha: peeled || sha! };
      });
  }

  async renames(from: string, to: string): Promise<Array<{ from: string; to: string }>> {
    // "R<score>\0<old>\0<new>\0" records with -z; every other status carries one path. Exact
    // renames are found whatever the count; the limit on files compared by content is raised
    // past git's 1000 for a moved tree of thousands of configs, and kept finite so that two
    // distant trees cannot make the comparison quadratic without bound.
    const out = await execGitBytes(this.root, [
      '-c', `diff.renameLimit=${RENAME_LIMIT}`, 'diff', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative',
      '-M', '--diff-filter=R', '--name-status', '-z', '--end-of-options', from, to, '--',
    ]);
    const fields = splitNul(out);
    const renames: Array<{ from: string; to: string }> = [];
    for (let i = 0; i < fields.length; ) {
      const status = fields[i]!;
      if (status.startsWith('R') || status.startsWith('C')) {
        renames.push({ from: fields[i + 1]!, to: fields[i + 2]! });
        i += 3;
      } else i += 2;
    }
    return renames;
  }

  async tryFirstParentChanges(from: string, to: string, limit: number): Promise<PathChanges[] | undefined> {
    // Exit 1 (not an ancestor) and a history cut by a shallow boundary both say no.
    if ((await this.tryExecGit(['merge-base', '--is-ancestor', '--end-of-options', from, to])) === undefined) return undefined;
    const count = Number((await this.tryExecGit(['rev-list', '--first-parent', '--count', '--end-of-options', `${from}..${to}`]))?.trim());
    if (!Number.isFinite(count) || count > limit) return undefined;
    if (count === 0) return [];
    let out: Buffer;
    try {
      // "\x01<sha>\0" opens each commit; then "\n" and -z records as `git diff --name-status -z`
      // writes them. Commits with no move, deletion or addition are left out by the filter.
      out = await execGitBytes(this.root, [
        '-c', `diff.renameLimit=${RENAME_LIMIT}`, 'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--no-ext-diff', '--no-textconv',
        '--no-color', '--no-relative', '-M', '--diff-filter=RDA', '--name-status', '-z', '--format=%x01%H', '--end-of-options', `${from}..${to}`, '--',
      ]);
    } catch {
      return undefined;
    }
    const fields = splitNul(out);
    const changes: PathChanges[] = [];
    let current: PathChanges | undefined;
    for (let i = 0; i < fields.length; ) {
      const field = fields[i]!.replace(/^\n+/, '');
      if (field.startsWith('\x01')) {
        current = { sha: field.slice(1), renames: [], deleted: [], added: [] };
        changes.push(current);
        i += 1;
      } else if (field === '' || !current) i += 1;
      else if (field.startsWith('R') || field.startsWith('C')) {
        if (field.startsWith('R')) current.renames.push({ from: fields[i + 1]!, to: fields[i + 2]! });
        else current.added.push(fields[i + 2]!);
        i += 3;
      } else {
        if (field === 'D') current.deleted.push(fields[i + 1]!);
        else if (field === 'A') current.added.push(fields[i + 1]!);
        i += 2;
      }
    }
    return changes;
  }

  async tryParents(commit: string): Promise<string[] | undefined> {
    const found = await this.lookup(`${commit}^{commit}`);
    if (found?.type !== 'commit') return undefined;
    const out = found.content.toString('utf8');
    const header = out.slice(0, out.indexOf('\n\n') >= 0 ? out.indexOf('\n\n') : out.length);
    return header.split('\n').filter((line) => line.startsWith('parent ')).map((line) => line.slice('parent '.length).trim());
  }

  async tryDeepen(commit: string, commits: number): Promise<boolean> {
    const done = this.deepened.get(commit) ?? 0;
    if (done >= commits) return true;
    const fetched = await this.tryFetch([commit], { deepen: commits - done });
    if (fetched) this.deepened.set(commit, commits);
    return fetched;
  }

  async exportTree(commit: string, dir: string): Promise<void> {
    const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: this.root, env: { ...process.env, ...GIT_ENV } });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', dir]);
    let stderr = '';
    archive.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    archive.stdout.pipe(tar.stdin);
    const exited = (child: ReturnType<typeof spawn>) =>
      new Promise<number | null>((resolve) => {
        child.on('error', () => resolve(-1));
        child.on('close', (code) => resolve(code));
      });
    const [archiveCode, tarCode] = await Promise.all([exited(archive), exited(tar)]);
    if (archiveCode !== 0 || tarCode !== 0) {
      throw new GateError(`Could not export the tree of ${commit}: ${stderr.trim() || 'git archive or tar failed'}.`);
    }
  }
}

/** One answer of `git cat-file --batch`: the object's id, type and content. */
interface BatchAnswer {
  sha: string;
  type: string;
  content: Buffer;
}

type OnAnswer = (index: number, answer: BatchAnswer | undefined) => void;

/**
 * The `git cat-file --batch` processes of a run. Each answers one request at a time (a list of
 * object names, answered in order) and then waits for the next; a request that finds every one
 * busy starts another. A run starts two or three instead of one per read or lookup: each start
 * forks the whole node process, which costs more the more memory the run holds.
 */
class CatFilePool {
  private readonly idle: CatFile[] = [];
  private closed = false;

  constructor(private readonly root: string) {}

  /** Asks for every name; `onAnswer` hears each answer in order (undefined: git has no such object). */
  async request(names: readonly string[], onAnswer: OnAnswer): Promise<void> {
    if (names.length === 0) return;
    const process = this.idle.pop() ?? new CatFile(this.root);
    try {
      await process.request(names, onAnswer);
    } catch (error) {
      process.close();
      throw error;
    }
    if (this.closed) process.close();
    else this.idle.push(process);
  }

  close(): void {
    this.closed = true;
    for (const process of this.idle.splice(0)) process.close();
  }
}

/** One `git cat-file --batch` process. While it waits for a request it keeps no run alive. */
class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly parser: BatchParser;
  private current: { count: number; answered: number; onAnswer: OnAnswer; resolve: () => void; reject: (error: unknown) => void } | undefined;
  private failure: Error | undefined;
  private stderr = '';

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: { ...process.env, ...GIT_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.parser = new BatchParser((answer) => this.answered(answer));
    this.child.stdout.on('data', (chunk: Buffer) => this.parser.push(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk.toString();
    });
    // A write to a git that has gone fails with EPIPE; its exit says why.
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error) => this.fail(new GateError(`git cat-file could not be started: ${error.message}`)));
    this.child.on('close', (code, signal) => this.fail(new GateError(`git cat-file failed (${signal ? `killed by ${signal}` : `exit ${code}`}): ${this.stderr.trim()}`)));
    this.keepsRunAlive(false);
  }

  request(names: readonly string[], onAnswer: OnAnswer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.current = { count: names.length, answered: 0, onAnswer, resolve, reject };
      this.keepsRunAlive(true);
      this.child.stdin.write(`${names.join('\n')}\n`);
    });
  }

  close(): void {
    this.failure ??= new GateError('git cat-file was closed.');
    this.child.stdin.end();
    this.keepsRunAlive(false);
  }

  private answered(answer: BatchAnswer | undefined): void {
    const request = this.current;
    // Output nobody asked for cannot be matched to a name: the process is not trusted again.
    if (!request) {
      this.fail(new GateError('git cat-file answered a request that was not made.'));
      return;
    }
    try {
      request.onAnswer(request.answered, answer);
    } catch (error) {
      this.current = undefined;
      this.close();
      request.reject(error);
      return;
    }
    request.answered += 1;
    if (request.answered < request.count) return;
    this.current = undefined;
    this.keepsRunAlive(false);
    request.resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const request = this.current;
    this.current = undefined;
    this.keepsRunAlive(false);
    request?.reject(this.failure);
  }

  /** A process waiting for requests must not keep node from exiting (a run that forgot to close it). */
  private keepsRunAlive(alive: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Array<{ ref?(): unknown; unref?(): unknown }>) {
      if (alive) handle.ref?.();
      else handle.unref?.();
    }
  }
}

/**
 * Reads `git cat-file --batch` output as it streams in: one answer per name asked, in order. An
 * answer inside one chunk of output is a view of it; only one that spans chunks is copied.
 */
export class BatchParser {
  /** Output not read yet: the first chunk from {@link offset} on, then whole chunks. */
  private chunks: Buffer[] = [];
  private offset = 0;
  private buffered = 0;
  /** The answer being read: its header, then the bytes of content plus the trailing newline. */
  private body: { sha: string; type: string; size: number } | undefined;

  constructor(private readonly onAnswer: (answer: BatchAnswer | undefined) => void) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.body) {
        if (this.buffered < this.body.size + 1) return;
        const { sha, type, size } = this.body;
        const content = this.take(size + 1).subarray(0, size);
        this.body = undefined;
        this.onAnswer({ sha, type, content });
        continue;
      }
      const eol = this.lineEnd();
      if (eol < 0) return;
      const header = this.take(eol + 1).toString('latin1', 0, eol);
      // "<sha> <type> <size>", then the content; else "<name> missing" (or "ambiguous"), nothing after.
      const [sha, type, size, extra] = header.split(' ');
      if (sha && type && extra === undefined && OBJECT_ID.test(sha) && /^\d+$/.test(size ?? '')) this.body = { sha, type, size: Number(size) };
      else this.onAnswer(undefined);
    }
  }

  /** How many bytes the output holds before the next newline, or -1 when none has arrived. */
  private lineEnd(): number {
    let before = 0;
    for (let index = 0; index < this.chunks.length; index++) {
      const chunk = this.chunks[index]!;
      const from = index === 0 ? this.offset : 0;
      const eol = chunk.indexOf(10, from);
      if (eol >= 0) return before + eol - from;
      before += chunk.length - from;
    }
    return -1;
  }

  /** The next `bytes` bytes of output (there are at least that many). */
  private take(bytes: number): Buffer {
    const first = this.chunks[0]!;
    this.buffered -= bytes;
    if (first.length - this.offset >= bytes) {
      const taken = first.subarray(this.offset, this.offset + bytes);
      this.offset += bytes;
      if (this.offset === first.length) this.drop();
      return taken;
    }
    const taken = Buffer.allocUnsafe(bytes);
    let filled = 0;
    while (filled < bytes) {
      const chunk = this.chunks[0]!;
      const copied = chunk.copy(taken, filled, this.offset, Math.min(chunk.length, this.offset + bytes - filled));
      filled += copied;
      this.offset += copied;
      if (this.offset === chunk.length) this.drop();
    }
    return taken;
  }

  private drop(): void {
    this.chunks.shift();
    this.offset = 0;
  }
}
