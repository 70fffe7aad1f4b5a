import module from 'node:module';

// Node ≥ 22.1 keeps V8's compiled code of the bundle in its compile cache (os.tmpdir()/
// node-compile-cache, or NODE_COMPILE_CACHE): a later run on the same machine skips compiling
// it. A GitHub-hosted runner is a new machine for every job, where the cache would only be
// written, never read: it is left off there, and on Node 20, which has none. The rest of the
// bundle is imported after this, so that the cache holds it.
if (process.env.RUNNER_ENVIRONMENT !== 'github-hosted') {
  try {
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A cache folder that cannot be written costs nothing but the cache.
  }
}
const { run } = await import('./action/main.js');

await run();
