// Bundles src/ into dist/: dist/index.js for the action, dist/cli.js for the CLI, and shared
// chunks. Code that only some runs need (the GitHub SDK, loaded when there is a token) sits in
// its own chunk, so start-up does not parse it. Runs on Node 20 (dev machines) and 24 (the runner).
import { build } from 'esbuild';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __compatGateRequire } from 'node:module';\nconst require = __compatGateRequire(import.meta.url);",
  },
});

const cli = new URL('cli.js', dist);
await writeFile(cli, '#!/usr/bin/env node\n' + (await readFile(cli, 'utf8')));
await chmod(cli, 0o755);
