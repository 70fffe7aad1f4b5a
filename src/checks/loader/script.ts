import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { GitCommandManager } from '../../git/git.js';

/** The loader's script as the PR changed it: its repository path and the first line that differs from the base. */
export interface ChangedScript {
  path: string;
  line: number;
}

const SCRIPT = /\.(py|js|mjs|cjs|ts|mts|sh|bash|rb|pl|php|lua|jl|r)$/i;

/**
 * The words of a loader command that may name a script file: not an option, not a variable,
 * with a folder or a script's extension (`python3 loader/load.py --strict` → `loader/load.py`).
 * Quotes are dropped; nothing is expanded.
 */
export function scriptCandidates(command: string): string[] {
  const words = command.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  return words
    .map((word) => word.replace(/^["']|["']$/g, ''))
    .filter((word) => word && !word.startsWith('-') && !/[$=`|&;<>*?]/.test(word) && (word.includes('/') || SCRIPT.test(word)));
}

/**
 * The first file the loader command names that the PR changed (added, or different from the
 * base), with the first line that differs: where an annotation on what the loader now refuses
 * shows in the PR's "Files changed". Undefined when no such file can be identified.
 */
export async function changedLoaderScript(
  git: GitCommandManager,
  options: { command: string; workingDirectory: string; repositoryRoot: string },
  baseSha: string,
): Promise<ChangedScript | undefined> {
  for (const word of scriptCandidates(options.command)) {
    const absolute = resolve(options.workingDirectory, word);
    const path = relative(options.repositoryRoot, absolute);
    if (!path || path.startsWith('..') || isAbsolute(path)) continue;
    try {
      if (!(await stat(absolute)).isFile()) continue;
    } catch {
      continue;
    }
    const repositoryPath = path.split(sep).join('/');
    const [now, before] = await Promise.all([readFile(absolute), git.readFile(baseSha, repositoryPath)]);
    if (before && now.equals(before)) continue;
    return { path: repositoryPath, line: before ? firstDifferentLine(before.toString('utf8'), now.toString('utf8')) : 1 };
  }
  return undefined;
}

/** The 1-based line where two texts first differ (a removed line shows at the line that took its place). */
export function firstDifferentLine(before: string, after: string): number {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return Math.min(index, Math.max(b.length - 1, 0)) + 1;
}
