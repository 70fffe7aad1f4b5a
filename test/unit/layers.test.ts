// Every cross-folder import in src/ points down the data path (LAYOUT order): a lower room
// never imports a higher one. A marker or type that two rooms share moves below both.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/**
 * The rooms of src/, bottom first. A room is a folder (`git/`) or a file at the top of src/
 * (`pipeline.ts`); rooms on one line share a rank and may not import each other. A new folder
 * or top-level file gets a line here, or the test says it has none.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['constants.ts', 'errors.ts', 'version.ts'],
  ['git/'],
  ['github/'],
  ['refs/'],
  ['configs/'],
  ['checks/'],
  ['verdict/'],
  ['reports/'],
  ['pipeline.ts'],
  ['settings.ts'],
  ['action/', 'cli/'],
  ['index.ts'],
];

/** The shared leaves are one room: they may import each other. */
const SHARED_LEAVES = new Set(LAYERS[0]);

interface Room {
  name: string;
  rank: number;
}

/** The room of a path relative to src/, or undefined when the table has none for it. */
function roomOf(path: string): Room | undefined {
  const top = path.includes('/') ? `${path.split('/')[0]}/` : path;
  const rank = LAYERS.findIndex((layer) => layer.includes(top));
  if (rank < 0) return undefined;
  return { name: SHARED_LEAVES.has(top) ? 'shared leaves' : top, rank };
}

/** The src-relative target of a relative import, `.js` read as its `.ts` source. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = join(dirname(from), specifier).replace(/\.js$/, '.ts');
  return target.endsWith('.ts') ? target : `${target}/index.ts`;
}

/** Every module a source names: static and dynamic imports, `export … from`, type imports. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** One line per import that leaves its room without going down, for files given as src-relative path → source. */
function upwardImports(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, source] of files) {
    const from = roomOf(path);
    if (!from) continue;
    for (const specifier of importsOf(source)) {
      const target = resolveImport(path, specifier);
      if (target === undefined || target.startsWith('..')) continue;
      const to = roomOf(target);
      if (!to || to.name === from.name) continue;
      if (to.rank >= from.rank) found.push(`${path} imports ${target} (${from.name} → ${to.name}, not below it)`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)))
    .sort();
}

function readSources(): Map<string, string> {
  return new Map(sourceFiles(SRC).map((path) => [path, readFileSync(join(SRC, path), 'utf8')]));
}

describe('layers of src/', () => {
  it('places every source file in a room of the table', () => {
    const homeless = sourceFiles(SRC).filter((path) => !roomOf(path));
    expect(homeless).toEqual([]);
  });

  it('has every cross-folder import point down the data path', () => {
    const sources = readSources();
    expect(sources.size).toBeGreaterThan(30);
    expect(upwardImports(sources)).toEqual([]);
  });

  it('reads the imports it checks, of every kind', () => {
    const source = [
      "import { a } from '../reports/comment.js';",
      "import type { B } from '../pipeline.js';",
      "export { c } from '../settings.js';",
      "const d = await import('../cli/main.js');",
      "import { e } from './errors.js';",
      "import { readFile } from 'node:fs/promises';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../reports/comment.js', '../pipeline.js', '../settings.js', '../cli/main.js', './errors.js', 'node:fs/promises']);
  });

  it('reports an import that points up, and one between rooms of a rank', () => {
    const files = new Map([
      ['github/comments.ts', "import { commentMarker } from '../reports/comment.js';\nimport { httpStatus } from './errors.js';"],
      ['checks/judge.ts', "import { locate } from '../configs/parse/index.js';\nimport { Evaluator } from './evaluate.js';"],
      ['constants.ts', "import { GateError } from './errors.js';"],
      ['action/main.ts', "import { run } from '../cli/main.js';\nimport { check } from '../pipeline.js';"],
      ['configs/parse/index.ts', "import type { Finding } from '../../checks/evaluate.js';"],
    ]);
    expect(upwardImports(files)).toEqual([
      'github/comments.ts imports reports/comment.ts (github/ → reports/, not below it)',
      'action/main.ts imports cli/main.ts (action/ → cli/, not below it)',
      'configs/parse/index.ts imports checks/evaluate.ts (configs/ → checks/, not below it)',
    ]);
  });

  it('counts checks/judge.ts in checks/ and pipeline.ts above reports/', () => {
    expect(roomOf('checks/judge.ts')).toEqual({ name: 'checks/', rank: 5 });
    expect(roomOf('pipeline.ts')!.rank).toBeGreaterThan(roomOf('reports/report.ts')!.rank);
    expect(roomOf('settings.ts')!.rank).toBeGreaterThan(roomOf('pipeline.ts')!.rank);
    expect(roomOf('unknown.ts')).toBeUndefined();
  });
});
