// The engine does each piece of work once and only where it is needed: a config that loads is
// never parsed again for positions, a file the release shares with the base is read and parsed
// once, and a schema the PR does not change is not compiled or evaluated on the base.
// Real git repositories in temp dirs; the parse and compile entry points are counted.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginPrSchema, judge, type GateOptions, type GateRun } from '../../src/checks/judge.js';
import { GateError } from '../../src/errors.js';
import { createGitCommandManager } from '../../src/git/git.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const calls = vi.hoisted(() => ({ read: [] as string[], locate: [] as string[], compile: [] as string[] }));

vi.mock('../../src/configs/parse/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/configs/parse/index.js')>();
  return {
    ...actual,
    readConfig: (...args: Parameters<typeof actual.readConfig>) => {
      calls.read.push(args[0]);
      return actual.readConfig(...args);
    },
    locate: (...args: Parameters<typeof actual.locate>) => {
      calls.locate.push(args[0]);
      return actual.locate(...args);
    },
  };
});

vi.mock('../../src/checks/schema.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/checks/schema.js')>();
  return {
    ...actual,
    compileSchema: (...args: Parameters<typeof actual.compileSchema>) => {
      calls.compile.push(args[1].label);
      return actual.compileSchema(...args);
    },
  };
});

const SCHEMA = JSON.stringify({
  type: 'object',
  required: ['port'],
  properties: { port: { type: 'integer', maximum: 9000 }, tier: { $ref: 'defs.json#/tier' } },
});
const DEFS = JSON.stringify({ tier: { enum: ['gold', 'silver'] } });
const TIGHTER_DEFS = JSON.stringify({ tier: { enum: ['gold'] } });

let dir: string;
let env: NodeJS.ProcessEnv;

async function write(files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

async function commit(files: Record<string, string>, tag?: string): Promise<string> {
  await write(files);
  await runGit(dir, ['add', '-A'], env);
  await runGit(dir, ['commit', '-q', '-m', 'change'], env);
  if (tag) await runGit(dir, ['tag', tag], env);
  return runGit(dir, ['rev-parse', 'HEAD'], env);
}

function options(): GateOptions {
  return {
    repositoryRoot: dir,
    workingDirectory: dir,
    patterns: { include: ['configs/*.yaml'], exclude: [] },
    schema: 'schema/service.json',
    refMap: [],
    checkFormats: true,
    loaderTimeoutSeconds: 60,
    loaderEnv: {},
    yamlVersion: '1.2',
    tempDir: path.join(dir, '.tmp-gate'),
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'compat-gate-work-'));
  env = isolatedGitEnv(dir);
  await runGit(dir, ['init', '-q', '-b', 'main'], env);
  calls.read.length = 0;
  calls.locate.length = 0;
  calls.compile.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('work done once', () => {
  it('parses a file the release shares with the base once for both refs, and locates only failing configs', async () => {
    await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS, 'configs/shared.yaml': 'port: 80\ntier: gold\n', 'configs/old.yaml': 'port: 81\n' }, 'v1.0.0');
    const release = { ref: 'v1.0.0', sha: await runGit(dir, ['rev-parse', 'HEAD'], env) };
    const baseSha = await commit({ 'configs/old.yaml': 'port: 82\n', 'configs/silver.yaml': 'port: 83\ntier: silver\n' });
    // The PR tightens a referenced file: silver.yaml breaks.
    await write({ 'schema/defs.json': TIGHTER_DEFS });
    const git = await createGitCommandManager(dir);

    const run = await judge(git, options(), { ref: 'main', sha: baseSha }, release);

    expect(run.base.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/old.yaml', 'ok'],
      ['configs/shared.yaml', 'ok'],
      ['configs/silver.yaml', 'broken'],
    ]);
    expect(run.base.configs[2]!.findings[0]).toMatchObject({ layer: 'schema', pointer: '/tier', line: 2 });
    expect(run.releases[0]?.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/old.yaml', 'ok'],
      ['configs/shared.yaml', 'ok'],
    ]);
    // shared.yaml (same blob on both refs) once for both refs, and once more from its bytes for the
    // base's schema (fixed drift): the PR's schema accepted it as it was parsed, and its documents
    // were set aside then. old.yaml twice (two blobs); silver.yaml once.
    expect(calls.read.filter((file) => file.startsWith('configs/')).sort()).toEqual([
      'configs/old.yaml',
      'configs/old.yaml',
      'configs/shared.yaml',
      'configs/shared.yaml',
      'configs/silver.yaml',
    ]);
    expect(calls.locate.filter((file) => file.startsWith('configs/'))).toEqual(['configs/silver.yaml']);
    expect(calls.compile).toEqual(['the PR checkout', expect.stringContaining('the base `main`')]);
    expect(run.notes.join('\n')).not.toContain('does not change the schema');
  });

  it('judges configs whose documents were set aside from their bytes when the base\'s schema asks for them', async () => {
    // The base's schema rejects every port; the PR's accepts a.yaml and b.yaml as they are parsed
    // (their documents are set aside) and rejects c.yaml. The base rejecting c.yaml, every config
    // is then checked against the base's schema: a.yaml and b.yaml from their bytes again.
    const tooLow = JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer', maximum: 10 } } });
    const baseSha = await commit({ 'schema/service.json': tooLow, 'configs/a.yaml': 'port: 80\n', 'configs/b.yaml': 'port: 81\n', 'configs/c.yaml': 'port: 9500\n' });
    await write({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS });
    const git = await createGitCommandManager(dir);

    const judged = judge(git, options(), { ref: 'main', sha: baseSha });

    await expect(judged).rejects.toThrow(/rejects every one of the 3 configs of the base/);
    expect(calls.read.filter((file) => file.startsWith('configs/')).sort()).toEqual(['configs/a.yaml', 'configs/a.yaml', 'configs/b.yaml', 'configs/b.yaml', 'configs/c.yaml']);
  });

  it('keeps the base side of a shared file that the PR fixes: fixed drift still shows', async () => {
    await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': TIGHTER_DEFS, 'configs/silver.yaml': 'port: 83\ntier: silver\n' }, 'v1.0.0');
    const release = { ref: 'v1.0.0', sha: await runGit(dir, ['rev-parse', 'HEAD'], env) };
    const baseSha = await commit({ 'configs/other.yaml': 'port: 84\n' });
    await write({ 'schema/defs.json': DEFS });
    const git = await createGitCommandManager(dir);

    const run = await judge(git, options(), { ref: 'main', sha: baseSha }, release);

    expect(run.releases[0]?.configs.map((config) => [config.path, config.status])).toEqual([['configs/silver.yaml', 'fixed']]);
    expect(run.releases[0]?.configs[0]!.baseFindings?.[0]).toMatchObject({ layer: 'schema', pointer: '/tier', line: 2 });
    // Parsed once for both refs; read again from its bytes for the base's schema, its documents
    // having been set aside once the PR's schema accepted it.
    expect(calls.read.filter((file) => file === 'configs/silver.yaml')).toHaveLength(2);
  });
});

describe('work begun before the base was resolved', () => {
  it('takes the PR\'s schema compiled while the base was fetched, and compiles it no second time', async () => {
    const baseSha = await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS, 'configs/a.yaml': 'port: 80\n', 'configs/b.yaml': 'port: 81\ntier: silver\n' });
    await write({ 'schema/defs.json': TIGHTER_DEFS });
    const git = await createGitCommandManager(dir);
    const begun = beginPrSchema(options());

    const run = await judge(git, options(), { ref: 'main', sha: baseSha }, undefined, begun);

    expect(calls.compile.filter((label) => label === 'the PR checkout')).toHaveLength(1);
    expect(run.base.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/a.yaml', 'ok'],
      ['configs/b.yaml', 'broken'],
    ]);
    git.close();
  });
});

describe('the PR\'s schema files', () => {
  it('are read once: the files compared with the base and diffed are the files compiled', async () => {
    const baseSha = await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS, 'configs/b.yaml': 'port: 81\ntier: silver\n' });
    await write({ 'schema/defs.json': TIGHTER_DEFS });
    const git = await createGitCommandManager(dir);
    const begun = beginPrSchema(options());
    await begun.prSchema;
    // Whatever the file holds afterwards, the run judges with what it compiled.
    await write({ 'schema/defs.json': DEFS });

    const run = await judge(git, options(), { ref: 'main', sha: baseSha }, undefined, begun);

    expect(run.base.configs.map((config) => [config.path, config.status])).toEqual([['configs/b.yaml', 'broken']]);
    expect(run.schemaChanges?.length).toBeGreaterThan(0);
    git.close();
  });
});

describe('a schema the PR does not change', () => {
  it('is compiled once, for the PR, and its failures are failing on base with the same findings', async () => {
    await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS, 'configs/bad.yaml': 'port: 99999\n', 'configs/rel.yaml': 'port: 10\n' }, 'v1.0.0');
    const release = { ref: 'v1.0.0', sha: await runGit(dir, ['rev-parse', 'HEAD'], env) };
    const baseSha = await commit({ 'configs/good.yaml': 'port: 80\ntier: gold\n', 'configs/rel.yaml': 'port: 11\n' });
    const git = await createGitCommandManager(dir);

    const run = await judge(git, options(), { ref: 'main', sha: baseSha }, release);

    expect(calls.compile).toEqual(['the PR checkout']);
    expect(run.base.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/bad.yaml', 'failing-on-base'],
      ['configs/good.yaml', 'ok'],
      ['configs/rel.yaml', 'ok'],
    ]);
    const bad = run.base.configs[0]!;
    expect(bad.baseFindings).toEqual(bad.findings);
    expect(bad.findings[0]).toMatchObject({ layer: 'schema', pointer: '/port', keyword: 'maximum', line: 1 });
    expect(run.releases[0]?.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/bad.yaml', 'existing'],
      ['configs/rel.yaml', 'ok'],
    ]);
    expect(run.schemaChanges).toEqual([]);
    expect(run.notes).toContain(
      `The PR does not change the schema (\`schema/service.json\` and the 1 file it references are byte-identical on the base \`main\` (${baseSha.slice(0, 12)})): the schema layer cannot break a config, so the base's schema was not evaluated again.`,
    );
  });

  it('is compiled on the base too when one referenced file differs by a byte', async () => {
    // A config the base's schema accepts too: a schema that rejects every config is an error.
    await commit({ 'schema/service.json': SCHEMA, 'schema/defs.json': DEFS, 'configs/bad.yaml': 'port: 99999\n', 'configs/good.yaml': 'port: 80\n' });
    const baseSha = await runGit(dir, ['rev-parse', 'HEAD'], env);
    await write({ 'schema/defs.json': `${DEFS}\n` });
    const git = await createGitCommandManager(dir);

    const run = await judge(git, options(), { ref: 'main', sha: baseSha });

    expect(calls.compile).toEqual(['the PR checkout', expect.stringContaining('the base `main`')]);
    expect(run.base.configs.map((config) => config.status)).toEqual(['failing-on-base', 'ok']);
    expect(run.notes.join('\n')).not.toContain('does not change the schema');
  });
});

describe('the git funnel fetches one at a time', () => {
  it('gives each of several fetches started at once the commit it fetched', async () => {
    const tags: Record<string, string> = {};
    for (const name of ['v1.0.0', 'v1.1.0', 'v2.0.0', 'v2.1.0']) tags[name] = await commit({ [`configs/${name}.yaml`]: `port: ${name.length}\n` }, name);
    const work = path.join(dir, '.clone');
    await runGit(dir, ['clone', '--quiet', '--depth=1', '--no-tags', `file://${dir}`, work], env);
    const git = await createGitCommandManager(work);

    // Without turns, each fetch rewrites FETCH_HEAD and the shallow file while the others read them.
    const fetched = await Promise.all([...Object.keys(tags).map((tag) => git.tryFetchCommit(`refs/tags/${tag}`, { depth: 1 })), git.tryFetch(['main'], { deepen: 2 })]);

    expect(fetched).toEqual([...Object.values(tags), true]);
    expect(await git.tryFetchCommit('refs/tags/v9.9.9', { depth: 1 })).toBeUndefined();
  });
});

describe('the git funnel lists a tree once', () => {
  it('gives every caller the same listing of a commit named by its sha, and lists a moving name again', async () => {
    await commit({ 'configs/a.yaml': 'port: 1\n' });
    const sha = await runGit(dir, ['rev-parse', 'HEAD'], env);
    const git = await createGitCommandManager(dir);
    const first = await git.lsTree(sha);
    expect(first.map((entry) => entry.path)).toEqual(['configs/a.yaml']);
    expect(await git.lsTree(sha)).toBe(first);
    // HEAD may move (a fetch, a checkout): it is listed each time it is asked for.
    await commit({ 'configs/b.yaml': 'port: 2\n' });
    expect((await git.lsTree('HEAD')).map((entry) => entry.path)).toEqual(['configs/a.yaml', 'configs/b.yaml']);
    expect(await git.lsTree(sha)).toBe(first);
  });
});

describe('the git funnel lists paths without sizes', () => {
  it('reads the same entries without the blobs\' sizes, and lets a listing with sizes serve a caller that needs none', async () => {
    await commit({ 'configs/a.yaml': 'port: 1\n', 'configs/é/b.yaml': 'port: 22\n' });
    const sha = await runGit(dir, ['rev-parse', 'HEAD'], env);
    const git = await createGitCommandManager(dir);

    const paths = await git.lsTree(sha, { sizes: false });
    const withSizes = await git.lsTree(sha);

    expect(withSizes.map((entry) => entry.size)).toEqual([8, 9]);
    expect(paths).toEqual(withSizes.map(({ size: _size, ...entry }) => entry));
    expect(paths.map((entry) => entry.path)).toEqual(['configs/a.yaml', 'configs/é/b.yaml']);
    expect(paths[0]).toMatchObject({ mode: '100644', type: 'blob', sha: await runGit(dir, ['rev-parse', 'HEAD:configs/a.yaml'], env) });
    // Listed with sizes now: a caller that needs none gets that listing.
    expect(await git.lsTree(sha, { sizes: false })).toBe(withSizes);
  });
});

describe('the loader layer', () => {
  // The loader logs each process (its ref and its files). On the base it waits, up to 20 s, for a
  // sign that the release's process has started: it sees one only when both refs run side by side.
  const LOADER = [
    'log="$LOADER_LOG"',
    'printf "%s|%s\\n" "$COMPAT_GATE_REF" "$*" >> "$log"',
    'if [ "$COMPAT_GATE_REF" = v1.0.0 ]; then : > "$log.release"; fi',
    'if [ "$COMPAT_GATE_REF" = main ]; then',
    '  i=0; while [ ! -e "$log.release" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done',
    '  if [ -e "$log.release" ]; then echo "main|side by side" >> "$log"; fi',
    'fi',
    'exit 0',
  ].join('\n');

  async function loaderRun(loader: string) {
    await commit({ 'configs/shared.yaml': 'port: 80\n', 'configs/old.yaml': 'port: 81\n', 'load.sh': LOADER }, 'v1.0.0');
    const release = { ref: 'v1.0.0', sha: await runGit(dir, ['rev-parse', 'HEAD'], env) };
    const baseSha = await commit({ 'configs/old.yaml': 'port: 82\n', 'configs/new.yaml': 'port: 83\n' });
    const git = await createGitCommandManager(dir);
    const log = path.join(dir, 'loader.log');
    const { schema: _schema, ...withoutSchema } = options();
    const gate: GateOptions = { ...withoutSchema, loader, loaderEnv: { PATH: process.env.PATH ?? '', LOADER_LOG: log } };
    const outcome: { run?: GateRun; error?: unknown } = await judge(git, gate, { ref: 'main', sha: baseSha }, release).then(
      (run) => ({ run }),
      (error: unknown) => ({ error }),
    );
    const lines = existsSync(log) ? (await readFile(log, 'utf8')).trim().split('\n') : [];
    return { ...outcome, lines, calls: lines.filter((line) => !line.endsWith('side by side')).map((line) => line.split('|') as [string, string]) };
  }

  it.skipIf(process.platform === 'win32')('runs the PR\'s loader on the base and the release side by side, a shared file once', async () => {
    const { run, lines, calls: processes } = await loaderRun('sh load.sh');

    expect(run?.base.configs.map((config) => [config.path, config.status])).toEqual([
      ['configs/new.yaml', 'ok'],
      ['configs/old.yaml', 'ok'],
      ['configs/shared.yaml', 'ok'],
    ]);
    expect(run?.releases[0]?.configs.map((config) => config.status)).toEqual(['ok', 'ok']);
    expect(run?.loaderProcesses).toBe(2);
    expect(lines).toContain('main|side by side');
    // shared.yaml is the same blob on both refs: the loader reads it once, with the base.
    const files = (ref: string) => processes.filter(([label]) => label === ref).flatMap(([, argv]) => argv.split(' ').map((file) => file.split(/\/run-\d+\//)[1]));
    expect(files('main').sort()).toEqual(['configs/new.yaml', 'configs/old.yaml', 'configs/shared.yaml']);
    expect(files('v1.0.0')).toEqual(['configs/old.yaml']);
    // The copies are gone once the loader has run: from RAM and from the temp folder.
    for (const [, argv] of processes) for (const file of argv.split(' ')) expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(dir, '.tmp-gate', 'pr'))).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')('writes the copies in RAM when /dev/shm is a tmpfs with room', async () => {
    const room = await statfs('/dev/shm').catch(() => undefined);
    const { calls: processes } = await loaderRun('sh load.sh');

    const roots = new Set(processes.flatMap(([, argv]) => argv.split(' ').map((file) => file.split(/\/pr\/run-\d+\//)[0])));
    if (room?.type === 0x01021994) {
      expect([...roots].every((root) => /^\/dev\/shm\/compat-gate-[^/]+$/.test(root!))).toBe(true);
      // The folder in RAM is removed with the run.
      for (const root of roots) expect(existsSync(root!)).toBe(false);
    } else {
      expect([...roots]).toEqual([path.join(dir, '.tmp-gate')]);
    }
  });

  it.skipIf(process.platform === 'win32')('ends the release read ahead before it fails, when the loader cannot start', async () => {
    const { error, calls: processes } = await loaderRun('./not-a-loader.sh');

    expect(error).toBeInstanceOf(GateError);
    expect((error as GateError).message).toContain('not-a-loader.sh');
    expect(processes).toEqual([]);
    expect(existsSync(path.join(dir, '.tmp-gate', 'pr'))).toBe(false);
  });
});
