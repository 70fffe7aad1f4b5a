// The `migrate` protocol with real processes: copies at their repository paths under a scratch
// folder, one process a batch, JSON lines that fail single files, and a crash, a timeout or a
// non-zero exit without JSON lines that fail the whole batch with the reason.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/checks/evaluate.js';
import { Scratch } from '../../src/checks/loader/index.js';
import { findMigrations, runMigrate, type MigratedFile } from '../../src/checks/migration/index.js';
import { compileSchema } from '../../src/checks/schema.js';

let root = '';
let cwd = '';
let batch = 0;
const FILES = [
  { path: 'conf/a.yaml', content: Buffer.from('hostname: a\n') },
  { path: 'conf/deep/b.yaml', content: Buffer.from('hostname: b\n') },
];

async function migrate(command: string, timeoutSeconds = 20): Promise<Map<string, MigratedFile>> {
  return runMigrate(path.join(root, `scratch-${++batch}`), FILES, { command, cwd, env: { PATH: process.env.PATH ?? '' }, timeoutSeconds, refLabel: 'main' });
}

async function script(name: string, text: string): Promise<string> {
  await writeFile(path.join(cwd, name), text);
  return `${JSON.stringify(process.execPath)} ${name}`;
}

const text = (result: MigratedFile | undefined) => (result?.ok ? result.content.toString('utf8') : undefined);

describe('the migrate protocol', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-migrate-protocol-'));
    cwd = path.join(root, 'checkout');
    await mkdir(cwd);
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('runs once on all the copies, at their repository paths, and reads back what it wrote', async () => {
    const command = await script(
      'rename.mjs',
      `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
appendFileSync('calls.log', JSON.stringify({ args: process.argv.slice(2), ref: process.env.COMPAT_GATE_REF }) + '\\n');
for (const file of process.argv.slice(2)) writeFileSync(file, readFileSync(file, 'utf8').replace('hostname', 'host'));`,
    );
    const results = await migrate(command);
    expect(text(results.get('conf/a.yaml'))).toBe('host: a\n');
    expect(text(results.get('conf/deep/b.yaml'))).toBe('host: b\n');
    const calls = (await readFile(path.join(cwd, 'calls.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { args: string[]; ref: string });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.ref).toBe('main');
    expect(calls[0]!.args.map((arg) => arg.split(path.sep).join('/'))).toEqual([expect.stringMatching(/\/conf\/a\.yaml$/), expect.stringMatching(/\/conf\/deep\/b\.yaml$/)]);
    expect(calls[0]!.args.every((arg) => !arg.startsWith(cwd))).toBe(true);
  });

  it('fails only the files a JSON line names when the command exits non-zero; the others count as migrated', async () => {
    const command = await script(
      'some.mjs',
      `import { readFileSync, writeFileSync } from 'node:fs';
for (const file of process.argv.slice(2)) {
  if (file.endsWith('b.yaml')) { console.log(JSON.stringify({ file, ok: false, message: 'b is beyond repair' })); continue; }
  writeFileSync(file, readFileSync(file, 'utf8').replace('hostname', 'host'));
}
process.exit(1);`,
    );
    const results = await migrate(command);
    expect(text(results.get('conf/a.yaml'))).toBe('host: a\n');
    expect(results.get('conf/deep/b.yaml')).toEqual({ ok: false, message: 'the migrate command failed on it: b is beyond repair' });
  });

  it('fails the whole batch, with the last words it printed, on a non-zero exit without JSON lines', async () => {
    const command = await script('crash.mjs', `console.error('cannot open ' + process.argv[2]); process.exit(4);`);
    const results = await migrate(command);
    for (const file of FILES) {
      const result = results.get(file.path);
      expect(result?.ok).toBe(false);
      // The copy's folder is cut: the message names the repository path.
      expect(result).toEqual({ ok: false, message: 'the migrate command exited with code 4: cannot open conf/a.yaml' });
    }
  });

  it('splits the configs into several processes only past what one command line holds', async () => {
    const command = await script(
      'count.mjs',
      `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
appendFileSync('count.log', process.argv.length - 2 + '\\n');
for (const file of process.argv.slice(2)) writeFileSync(file, readFileSync(file, 'utf8').replace('hostname', 'host'));`,
    );
    const results = await runMigrate(path.join(root, 'scratch-split'), FILES, { command, cwd, env: { PATH: process.env.PATH ?? '' }, timeoutSeconds: 20, refLabel: 'main', maxBatchSize: 1 });
    expect((await readFile(path.join(cwd, 'count.log'), 'utf8')).trim().split('\n')).toEqual(['1', '1']);
    expect([...results.values()].every((result) => result.ok)).toBe(true);
  });

  it('fails the whole batch when the command runs out of time', async () => {
    const command = await script('hang.mjs', 'setInterval(() => {}, 1000);');
    const results = await migrate(command, 1);
    expect(results.get('conf/a.yaml')).toEqual({ ok: false, message: 'the migrate command timed out after 1s (`loader-timeout`)' });
  }, 20_000);

  it('fails a file the command deleted instead of rewriting it', async () => {
    const command = await script('delete.mjs', `import { rmSync } from 'node:fs'; rmSync(process.argv[2]);`);
    const results = await migrate(command);
    expect(results.get('conf/a.yaml')).toEqual({ ok: false, message: 'the migrate command removed the file instead of rewriting it' });
    expect(text(results.get('conf/deep/b.yaml'))).toBe('hostname: b\n');
  });

  it('fails the batch, never throws, when the working directory does not exist', async () => {
    const results = await runMigrate(path.join(root, 'scratch-missing'), FILES, { command: 'true', cwd: path.join(root, 'nowhere'), env: {}, timeoutSeconds: 5, refLabel: 'main' });
    expect(results.get('conf/a.yaml')).toMatchObject({ ok: false, message: expect.stringContaining('the migrate command could not be run:') });
  });

  describe('a config the integration suite breaks', () => {
    const brokenBySuite = [{ path: 'conf/a.yaml', content: Buffer.from('hostname: a\n'), findings: [{ layer: 'suite' as const, message: 'test_smoke failed' }] }];
    const run = async (evaluator: Evaluator) => {
      const command = await script('suite-rename.mjs', `import { readFileSync, writeFileSync } from 'node:fs';
for (const file of process.argv.slice(2)) writeFileSync(file, readFileSync(file, 'utf8').replace('hostname', 'host'));`);
      const [found] = await findMigrations([{ ref: 'main', configs: brokenBySuite }], {
        migrate: { command, cwd, env: { PATH: process.env.PATH ?? '' }, timeoutSeconds: 20 },
        evaluator,
        tempDir: path.join(root, `suite-${++batch}`),
        readOptions: { yamlVersion: '1.2' },
      });
      return found!.get('conf/a.yaml');
    };

    it('migrates when the copy loads with the schema, and says the suite was not run on it', async () => {
      await writeFile(path.join(cwd, 'host.json'), JSON.stringify({ type: 'object', properties: { host: { type: 'string' } }, additionalProperties: false }));
      const schema = await compileSchema('host.json', { label: 'checkout', read: async (file) => readFile(path.join(cwd, file)).catch(() => undefined) }, { checkFormats: true, refMap: [] });
      const migration = await run(new Evaluator({ label: 'the PR', schema, scratch: new Scratch(path.join(root, 'scratch-suite-schema'), undefined), folder: 'pr' }));
      expect(migration).toMatchObject({ status: 'migrates', diff: expect.stringContaining('+host: a'), message: expect.stringContaining('the suite, which breaks it, is not run on migrated copies') });
    });

    it('has no migration when nothing but the suite could judge the copy', async () => {
      const migration = await run(new Evaluator({ label: 'the PR', scratch: new Scratch(path.join(root, 'scratch-suite-only'), undefined), folder: 'pr' }));
      expect(migration).toMatchObject({ status: 'no-migration', message: expect.stringContaining('its migration cannot be confirmed') });
    });
  });
});
