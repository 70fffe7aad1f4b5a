// The CLI as a process (dist/cli.js) on a real git repository: every break gets a fingerprint
// that survives a rebase, a force-push with an unrelated edit and a rename of the config on the
// base; the acknowledgements file in the checkout acknowledges breaks one by one.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/verdict/report.js';
import { renderSarif } from '../../src/reports/sarif.js';
import { CLI, runCli, type CliRun } from '../helpers/cli-process.js';
import { isolatedGitEnv, runGit } from '../helpers/git-fixture.js';

const HAS_DIST = existsSync(CLI);
const ACKS = '.github/compat-gate-acknowledged.yaml';

// The base's schema takes mode a or b; the PR's takes b alone (enum-narrowed).
const schema = (modes: string[]) => JSON.stringify({ type: 'object', properties: { mode: { enum: modes }, port: { type: 'integer' } } }, null, 2);
// A loader that refuses `legacy: true` once the PR says so, naming the path of its temporary
// copy, its pid and its time, which change from run to run.
const loader = (refuseLegacy: boolean) => `import { readFileSync } from 'node:fs';
let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (${refuseLegacy} && /legacy: true/.test(text)) {
    failed = true;
    console.log(JSON.stringify({ file, ok: false, message: file + ': legacy mode was removed (pid ' + process.pid + ', ' + Date.now() % 1000 + ' ms)' }));
  } else {
    console.log(JSON.stringify({ file, ok: true }));
  }
}
process.exit(failed ? 1 : 0);
`;
const config = (name: string, extra: string) => `name: ${name}\n${extra}\nproviders:\n${Array.from({ length: 8 }, (_, i) => `  - id: ${name}-${i}\n`).join('')}`;

let root = '';
let repo = '';
let env: NodeJS.ProcessEnv = {};
const git = (args: string[]) => runGit(repo, args, env);

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), text);
}

const CHECK = ['check', '--configs', 'configs/*.yaml', '--schema', 'schema.json', '--loader', 'node loader.mjs', '--base', 'main', '--release', 'latest'];

function cli(args: string[]): Promise<CliRun> {
  return runCli([...CHECK, ...args], { cwd: repo, env: { ...env, NO_COLOR: '1' } });
}

async function report(args: string[] = []): Promise<{ run: CliRun; report: Report }> {
  const run = await cli([...args, '--json']);
  return { run, report: JSON.parse(run.stdout) as Report };
}

/** Each broken config's fingerprints, by path. */
function fingerprints(found: Report): Record<string, string[]> {
  return Object.fromEntries(found.configs.filter((c) => c.status === 'broken').map((c) => [c.path, (c.breaks ?? []).map((broke) => broke.fingerprint)]));
}

describe.skipIf(!HAS_DIST)('CLI: fingerprints and the acknowledgements file', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compat-gate-acks-'));
    await mkdir(path.join(root, 'home'));
    env = isolatedGitEnv(path.join(root, 'home'));
    repo = path.join(root, 'repo');
    await mkdir(repo, { recursive: true });
    await git(['init', '--quiet', '--initial-branch=main']);
    await write('schema.json', schema(['a', 'b']));
    await write('loader.mjs', loader(false));
    await write('configs/alpha.yaml', config('alpha', 'mode: a'));
    await write('configs/beta.yaml', config('beta', 'mode: b\nlegacy: true'));
    await write('configs/gamma.yaml', config('gamma', 'mode: b'));
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'feat: configs']);
    await git(['tag', 'v1.0.0']);
    await git(['checkout', '--quiet', '-b', 'change']);
    await write('schema.json', schema(['b']));
    await write('loader.mjs', loader(true));
    await git(['commit', '--quiet', '-am', 'feat: drop mode a and legacy mode']);
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  let first: Report;

  it('gives each break a fingerprint: one for the schema change, one for the loader', async () => {
    const { run, report: found } = await report();
    expect(run.code, run.stderr).toBe(1);
    first = found;
    expect(found.version).toBe(2);
    const alpha = found.configs.find((c) => c.path === 'configs/alpha.yaml')!;
    expect(alpha.breaks).toEqual([expect.objectContaining({ layer: 'schema', rule: 'enum-narrowed', pointer: '/mode', path: 'configs/alpha.yaml' })]);
    const beta = found.configs.find((c) => c.path === 'configs/beta.yaml')!;
    expect(beta.breaks).toEqual([expect.objectContaining({ layer: 'loader', message: '<config>: legacy mode was removed (pid <n>, <measure>)' })]);
    for (const broke of [...alpha.breaks!, ...beta.breaks!]) expect(broke.fingerprint).toMatch(/^cg2:[0-9a-f]{16}$/);
  });

  it('shows the fingerprints in the terminal output', async () => {
    const run = await cli([]);
    for (const fingerprint of Object.values(fingerprints(first)).flat()) expect(run.stdout).toContain(`fingerprint ${fingerprint}`);
  });

  it('keeps every fingerprint across a force-push with an unrelated edit', async () => {
    await write('NOTES.md', 'unrelated\n');
    await git(['add', 'NOTES.md']);
    await git(['commit', '--quiet', '--amend', '--no-edit']);
    const { report: found } = await report();
    expect(found.head?.sha).not.toBe(first.head?.sha);
    expect(fingerprints(found)).toEqual(fingerprints(first));
  });

  it('keeps every fingerprint across a rebase onto a base that moved on', async () => {
    await git(['checkout', '--quiet', 'main']);
    await write('README.md', 'configs for users\n');
    await write('configs/gamma.yaml', config('gamma', 'mode: b\nport: 8080'));
    await git(['add', '--all']);
    await git(['commit', '--quiet', '-m', 'docs: readme']);
    await git(['checkout', '--quiet', 'change']);
    await git(['rebase', '--quiet', 'main']);
    const { report: found } = await report();
    expect(found.base?.sha).not.toBe(first.base?.sha);
    expect(fingerprints(found)).toEqual(fingerprints(first));
  });

  it('keeps the fingerprint of a config renamed on the base: its path in the release users hold', async () => {
    await git(['checkout', '--quiet', 'main']);
    await git(['mv', 'configs/alpha.yaml', 'configs/alpha-renamed.yaml']);
    await git(['mv', 'configs/beta.yaml', 'configs/beta-renamed.yaml']);
    await git(['commit', '--quiet', '-m', 'refactor: rename configs']);
    await git(['checkout', '--quiet', 'change']);
    await git(['rebase', '--quiet', 'main']);
    const { report: found } = await report();
    const renamed = fingerprints(found);
    expect(Object.keys(renamed).sort()).toEqual(['configs/alpha-renamed.yaml', 'configs/beta-renamed.yaml']);
    expect(renamed['configs/alpha-renamed.yaml']).toEqual(fingerprints(first)['configs/alpha.yaml']);
    expect(renamed['configs/beta-renamed.yaml']).toEqual(fingerprints(first)['configs/beta.yaml']);
    expect(found.configs.find((c) => c.path === 'configs/alpha-renamed.yaml')!.breaks![0]!.path).toBe('configs/alpha.yaml');
  });

  it('gives SARIF partialFingerprints that are the same on two runs', async () => {
    const one = renderSarif((await report()).report);
    await write('NOTES.md', 'another unrelated edit\n');
    await git(['commit', '--quiet', '-am', 'docs: notes']);
    const two = renderSarif((await report()).report);
    const prints = (log: ReturnType<typeof renderSarif>) => log.runs[0]!.results.map((result) => result.partialFingerprints);
    expect(prints(one)).toEqual(prints(two));
    // Two broken configs, and the same two as new drift of v1.0.0: the same breaks, the same fingerprints.
    expect(prints(one).filter((print) => print['compatGateBreaks/v1'])).toHaveLength(4);
    const named = new Set(prints(one).flatMap((print) => (print['compatGateBreaks/v1'] ?? '').split(',')).filter(Boolean));
    expect([...named].sort()).toEqual(Object.values(fingerprints(first)).flat().sort());
  });

  describe('with --acknowledge-with file', () => {
    const FILE = ['--acknowledge-with', 'file'];
    const alpha = () => fingerprints(first)['configs/alpha.yaml']![0]!;
    const beta = () => fingerprints(first)['configs/beta.yaml']![0]!;

    it('without a file acknowledges nothing, not even a breaking title, and offers the whole file', async () => {
      const { run, report: found } = await report([...FILE, '--title', 'feat!: drop mode a']);
      expect(run.code).toBe(1);
      expect(found.verdict).toBe('breaking');
      expect(found.acknowledgement.file).toMatchObject({ path: ACKS, found: false, covered: false });
      expect(found.acknowledgement.file!.suggestion).toContain(`- fingerprint: ${alpha()}`);
      expect(found.acknowledgement.file!.suggestion).toContain(`- fingerprint: ${beta()}`);
    });

    it('acknowledges a PR whose every break has an entry, naming the entries used', async () => {
      await write(ACKS, `acknowledgements:\n  - fingerprint: ${alpha()}\n    reason: mode a is gone; use b\n  - paths: configs/beta*.yaml\n    layer: loader\n    reason: legacy mode was removed\n    issue: https://github.com/acme/app/issues/7\n`);
      const { run, report: found } = await report(FILE);
      expect(run.code, run.stderr).toBe(0);
      expect(found.verdict).toBe('acknowledged');
      expect(found.acknowledgement.file!.entries.map((entry) => [entry.number, entry.state])).toEqual([
        [1, 'used'],
        [2, 'used'],
      ]);
      const text = await cli(FILE);
      expect(text.stdout).toContain(`Acknowledged by ${ACKS}:`);
      expect(text.stdout).toContain('entry 1: mode a is gone; use b');
    });

    it('fails a partly covered PR, names the break that is not covered and offers its entry', async () => {
      await write(ACKS, `acknowledgements:\n  - fingerprint: ${alpha()}\n    reason: mode a is gone; use b\n`);
      const { run, report: found } = await report(FILE);
      expect(run.code).toBe(1);
      expect(found.verdict).toBe('breaking');
      expect(found.acknowledgement.file!.uncovered).toEqual([expect.objectContaining({ fingerprint: beta(), configPath: 'configs/beta-renamed.yaml', layer: 'loader' })]);
      const text = await cli(FILE);
      expect(text.stdout).toContain(`Not acknowledged by ${ACKS}:`);
      expect(text.stdout).toContain(`✗ ${beta()} configs/beta-renamed.yaml: loader: <config>: legacy mode was removed`);
      expect(text.stdout).toContain(`    - fingerprint: ${beta()}`);
      expect(text.stdout).not.toContain(`    - fingerprint: ${alpha()}`);
    });

    it('lets an expired entry acknowledge nothing, and says so', async () => {
      await write(ACKS, `- fingerprint: ${alpha()}\n  reason: a\n- fingerprint: ${beta()}\n  reason: b\n  expires: 2020-01-31\n`);
      const { run, report: found } = await report(FILE);
      expect(run.code).toBe(1);
      expect(found.acknowledgement.file!.entries[1]).toMatchObject({ number: 2, line: 3, state: 'expired', expires: '2020-01-31' });
      expect(found.acknowledgement.file!.uncovered).toEqual([expect.objectContaining({ fingerprint: beta(), expiredEntries: [2] })]);
      expect((await cli(FILE)).stdout).toContain(`expired: ${ACKS} entry 2 (line 3) expired after 2020-01-31: it acknowledges nothing.`);
    });

    it('reports an entry that matches nothing as stale, and still passes', async () => {
      await write(ACKS, `- fingerprint: ${alpha()}\n  reason: a\n- fingerprint: ${beta()}\n  reason: b\n- fingerprint: cg1:0123456789abcdef\n  reason: a break fixed long ago\n`);
      const { run, report: found } = await report(FILE);
      expect(run.code).toBe(0);
      expect(found.verdict).toBe('acknowledged');
      expect(found.acknowledgement.file!.entries[2]).toMatchObject({ number: 3, line: 5, state: 'stale' });
      expect((await cli(FILE)).stdout).toContain(`stale: ${ACKS} entry 3 (line 5) matches no break any more: remove it.`);
    });

    it('is an error naming the file, the line and the fix when the file is bad', async () => {
      await write(ACKS, `acknowledgements:\n  - fingerprint: ${alpha()}\n    reason: a\n  - fingerprint: ${beta()}\n    expires: 2027-01-01\n`);
      const { run, report: found } = await report(FILE);
      expect(run.code).toBe(2);
      expect(found.verdict).toBe('error');
      expect(found.error?.message).toBe(`The acknowledgements file \`${ACKS}\`, line 4: entry 2 has no \`reason\`: every acknowledgement says why the break is accepted.`);
      expect(found.error?.hint).toContain('schemas/acknowledgements.schema.json');
    });

    it('refuses a file outside the repository, named directly or through a link', async () => {
      await writeFile(path.join(root, 'outside.yaml'), 'secret: value\n');
      const direct = await report([...FILE, '--acknowledgements', '../outside.yaml']);
      expect(direct.run.code).toBe(2);
      expect(direct.report.error?.message).toBe('The acknowledgements file `../outside.yaml` (the `--acknowledgements` flag) is outside the repository.');
      await unlink(path.join(repo, ACKS));
      await symlink(path.join(root, 'outside.yaml'), path.join(repo, ACKS));
      const linked = await report(FILE);
      expect(linked.run.code).toBe(2);
      expect(linked.report.error?.message).toContain('is outside the repository');
      expect(linked.run.stdout).not.toContain('secret');
    });

    it('reads the file the --acknowledgements flag names, relative to the working directory', async () => {
      await unlink(path.join(repo, ACKS));
      await write('acks.yml', `- fingerprint: ${alpha()}\n  reason: a\n- fingerprint: ${beta()}\n  reason: b\n`);
      const { run, report: found } = await report([...FILE, '--acknowledgements', 'acks.yml']);
      expect(run.code, run.stderr).toBe(0);
      expect(found.acknowledgement.file!.path).toBe('acks.yml');
    });

    it('with `either`, a breaking title acknowledges too; with `pr`, the file is only noted', async () => {
      await write(ACKS, `- fingerprint: ${alpha()}\n  reason: a\n`);
      expect((await report(['--acknowledge-with', 'either', '--title', 'feat!: drop mode a'])).report.verdict).toBe('acknowledged');
      const { report: byPr } = await report([]);
      expect(byPr.verdict).toBe('breaking');
      expect(byPr.acknowledgement.file).toBeUndefined();
      expect(byPr.notes.some((note) => note.includes(`\`${ACKS}\` exists, but the \`--acknowledge-with\` flag is \`pr\``))).toBe(true);
    });
  });
});
