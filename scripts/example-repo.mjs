// Builds the example "stack" repository from examples/stack/ in a directory: on `main`, five
// distributions/*/run.yaml, a JSON Schema, a loader, the server and its smoke suite (tag v0.1.0
// on the first commit); checked out, the branch `drop-telemetry`, a PR that drops the telemetry
// API from the schema and the server and the inline::meta-reference provider from the loader.
// It breaks three configs of main.
//
// Used by `npm run demo` and by the self-test workflow:
//   node scripts/example-repo.mjs DIR      # DIR must not exist or be empty
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = fileURLToPath(new URL('../examples/stack/', import.meta.url));

/** The PR's title in the example (a break that is not acknowledged). */
export const EXAMPLE_TITLE = 'refactor: drop the telemetry API and meta-reference inference';

/** What the gate must find in the example: configs of main it breaks, configs of v0.1.0 it breaks. */
export const EXAMPLE_EXPECTED = { broken: 3, drift: 2, release: 'v0.1.0' };

/** Builds the example repository in `repo` (created if missing). */
export function buildExampleRepo(repo) {
  mkdirSync(repo, { recursive: true });
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Demo',
    GIT_AUTHOR_EMAIL: 'demo@example.com',
    GIT_COMMITTER_NAME: 'Demo',
    GIT_COMMITTER_EMAIL: 'demo@example.com',
  };
  const git = (...args) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: repo, env, stdio: 'pipe' });
  const copy = (from, ...paths) => {
    for (const path of paths) cpSync(join(example, from, path), join(repo, path), { recursive: true });
  };
  git('init', '-q', '-b', 'main');
  copy('base', 'schema', 'loader', 'server', 'tests', 'distributions/ollama', 'distributions/vllm', 'distributions/bedrock');
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: ollama, vllm and bedrock distributions');
  git('tag', 'v0.1.0');
  copy('base', 'distributions/starter', 'distributions/experimental');
  git('add', '-A');
  git('commit', '-q', '-m', 'feat: starter distribution, experimental draft');
  git('switch', '-q', '-c', 'drop-telemetry');
  copy('pr', 'schema', 'loader', 'server');
  git('add', '-A');
  git('commit', '-q', '-m', EXAMPLE_TITLE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/example-repo.mjs DIR');
    process.exit(2);
  }
  buildExampleRepo(resolve(dir));
  console.log(`Built the example repository in ${dir}: main, tag v0.1.0, and the PR branch drop-telemetry checked out.`);
}
