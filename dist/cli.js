#!/usr/bin/env node
// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);

// src/cli/index.ts
import module from "node:module";
try {
  module.enableCompileCache?.();
} catch {
}
var { main } = await import("./chunks/main-NZZYJ6I6.js");
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
