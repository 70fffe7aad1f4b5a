import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GitCommandManager } from '../../src/git/git.js';
import { changedLoaderScript, firstDifferentLine, scriptCandidates } from '../../src/checks/loader/script.js';

describe("the loader's script", () => {
  it('finds the words of a command that may name a script', () => {
    expect(scriptCandidates('python3 loader/load_config.py --strict')).toEqual(['loader/load_config.py']);
    expect(scriptCandidates('node "tools/check configs.mjs" -c x')).toEqual(['tools/check configs.mjs']);
    expect(scriptCandidates('bash check.sh $HOME/x a=b/c')).toEqual(['check.sh']);
    expect(scriptCandidates('python -m stack.loader')).toEqual([]);
  });

  it('gives the first line that differs, a removed line at the line that took its place', () => {
    expect(firstDifferentLine('a\nb\nc\n', 'a\nc\n')).toBe(2);
    expect(firstDifferentLine('a\nb\n', 'a\nb\nc\n')).toBe(3);
    expect(firstDifferentLine('a\r\nb', 'a\nB')).toBe(2);
  });

  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function checkout(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'loader-script-'));
    dirs.push(root);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    return root;
  }

  /** A git funnel that knows the base's files only. */
  const gitWith = (base: Record<string, string>) => ({ readFile: async (_commit: string, file: string) => (file in base ? Buffer.from(base[file]!) : undefined) }) as unknown as GitCommandManager;

  it('names the script the PR changed, with its first changed line, and nothing when the PR left it as it was', async () => {
    const root = await checkout({ 'loader/load.py': 'import x\nKNOWN = {"a"}\n', 'run.sh': 'echo\n' });
    const options = (command: string) => ({ command, workingDirectory: root, repositoryRoot: root });
    const changed = gitWith({ 'loader/load.py': 'import x\nKNOWN = {"a", "b"}\n', 'run.sh': 'echo\n' });
    expect(await changedLoaderScript(changed, options('python3 loader/load.py'), 'base')).toEqual({ path: 'loader/load.py', line: 2 });
    expect(await changedLoaderScript(changed, options('sh run.sh'), 'base')).toBeUndefined();
    // Added by the PR: the whole file is in the diff.
    expect(await changedLoaderScript(gitWith({}), options('python3 loader/load.py'), 'base')).toEqual({ path: 'loader/load.py', line: 1 });
    // Outside the repository, or not a file: never named.
    expect(await changedLoaderScript(gitWith({}), options('python3 ../elsewhere.py loader'), 'base')).toBeUndefined();
  });
});
