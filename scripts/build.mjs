// Bundles src/ into dist/: dist/index.js for the action, dist/cli.js for the CLI, and shared
// chunks. Code that only some runs need (the GitHub SDK, loaded when there is a token) sits in
// its own chunk, so start-up does not parse it. Runs on Node 20 (dev machines) and 22/24.
//
// Also writes dist/licenses.txt: the licence of every third-party package whose code ends up
// in the bundle (found from esbuild's metafile, so a package that is only imported for types,
// or tree-shaken away entirely, is not listed). The build is deterministic: the same sources
// and node_modules give the same bytes, from any working directory.
import { build } from 'esbuild';
import { chmod, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });

/**
 * @actions/core imports @actions/http-client (and with it undici) for getIDToken alone, which
 * compat-gate never calls; evaluating it was most of the start-up before the first git call.
 * Inside core, that import resolves to scripts/build/lazy-http-client.mjs, which loads the real
 * client on its first request. The GitHub SDK (loaded when there is a token) still imports the
 * real one directly.
 */
const lazyHttpClientInCore = {
  name: 'lazy-http-client-in-core',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@actions\/http-client(\/lib\/auth)?$/ }, (args) =>
      /[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: join(root, 'scripts', 'build', 'lazy-http-client.mjs') }
        : undefined,
    );
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Licence comments are gathered once, with the full texts, in dist/licenses.txt.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyHttpClientInCore],
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).\nimport { createRequire as __compatGateRequire } from 'node:module';\nconst require = __compatGateRequire(import.meta.url);",
  },
});

const cli = join(dist, 'cli.js');
await writeFile(cli, '#!/usr/bin/env node\n' + (await readFile(cli, 'utf8')));
await chmod(cli, 0o755);

await writeFile(join(dist, 'licenses.txt'), await licences(result.metafile));

/**
 * The licences file: one entry per bundled package (name@version), sorted, each with its
 * licence identifier and the text of its licence file.
 */
async function licences(metafile) {
  const packages = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const dir = packageDir(input);
      if (dir) packages.set(dir, true);
    }
  }
  const entries = [];
  for (const dir of packages.keys()) {
    const manifest = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
    const licence = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'UNKNOWN';
    const file = (await readdir(join(root, dir))).sort().find((name) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(name));
    const text = file
      ? (await readFile(join(root, dir, file), 'utf8')).replace(/\r\n/g, '\n').trim()
      : `No licence file ships with this package; its package.json declares the licence ${licence}.`;
    entries.push({ id: `${manifest.name}@${manifest.version}`, licence, text });
  }
  // Two folders can hold the same name@version (npm does not always dedupe): list it once.
  const unique = new Map(entries.map((entry) => [entry.id, entry]));
  const sorted = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rule = '-'.repeat(78);
  return [
    'compat-gate bundles the following third-party packages into dist/. Their licences follow.',
    '',
    ...sorted.flatMap((entry) => [rule, `${entry.id}`, `License: ${entry.licence}`, '', entry.text, '']),
  ].join('\n');
}

/** The package folder (`node_modules/a`, `node_modules/@s/b`, nested ones too) an input lives in. */
function packageDir(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}
