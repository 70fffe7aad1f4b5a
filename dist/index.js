// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);

// src/index.ts
import module from "node:module";
if (process.env.RUNNER_ENVIRONMENT !== "github-hosted") {
  try {
    module.enableCompileCache?.();
  } catch {
  }
}
var { run } = await import("./chunks/main-TTO6BJCO.js");
await run();
