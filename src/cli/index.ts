import module from 'node:module';

// As dist/index.js: Node ≥ 22.1 keeps the bundle's compiled code in its compile cache, so a
// second run on the same machine skips compiling it; Node 20 runs without one.
try {
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
  // A cache folder that cannot be written costs nothing but the cache.
}
const { main } = await import('./main.js');

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
