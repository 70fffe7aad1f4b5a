// Bundles src/ into dist/: one ESM file for the action, one for the CLI.
// Both run on Node 20 (dev machines) and Node 24 (the Actions runner).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __compatGateRequire } from 'node:module';\nconst require = __compatGateRequire(import.meta.url);",
  },
};

await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist' });
await build({
  ...common,
  entryPoints: { cli: 'src/cli/index.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
