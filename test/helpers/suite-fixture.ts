// A project with an integration suite as real ones have it: the suite starts the server with one
// config on a fixed port of 127.0.0.1, makes one request, and writes JUnit XML; a loader that
// binds the same port for a moment. `code.mjs` is the project's code that a PR changes.
import type { FileTree } from './git-fixture.js';

/** What the project's code does: a PR flips these. */
export interface StackCode {
  /** The server no longer serves `legacy: true` configs (test `stack::legacy` fails). */
  dropLegacy?: boolean;
  /** The server starts slowly with `slow: true` configs (past any short suite-timeout). */
  slowStart?: boolean;
  /** The suite wrote JUnit XML at COMPAT_GATE_JUNIT (else it is judged by exit code). */
  junit?: boolean;
  /** What the suite writes at COMPAT_GATE_JUNIT instead of a real report. */
  junitOverride?: string;
}

export function codeFile(code: StackCode): string {
  return [
    `export const DROP_LEGACY = ${code.dropLegacy === true};`,
    `export const SLOW_START = ${code.slowStart === true};`,
    `export const JUNIT = ${code.junit !== false};`,
    `export const JUNIT_OVERRIDE = ${JSON.stringify(code.junitOverride ?? null)};`,
    '',
  ].join('\n');
}

/**
 * The suite: `node tests/suite.mjs <config>`. Bounded: it ends itself after 20 s whatever happens.
 * Tests: `stack::serves` (the server answers with the config), `stack::legacy` (fails when the
 * code drops legacy configs and the config is one), `stack::known_issue` (fails on every side for
 * a config with `known_issue: true`).
 */
export const SUITE_SCRIPT = String.raw`
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { DROP_LEGACY, SLOW_START, JUNIT, JUNIT_OVERRIDE } from './code.mjs';

setTimeout(() => { console.error('suite: gave up after 20 s'); process.exit(4); }, 20000).unref();
const port = Number(process.env.STACK_PORT);
const file = process.argv.at(-1);
const config = Object.fromEntries(
  readFileSync(file, 'utf8').split('\n').filter((line) => line.includes(':')).map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }),
);
if (config.hang === 'true' || (config.slow === 'true' && SLOW_START)) await new Promise((resolve) => setTimeout(resolve, 60000));
const server = createServer((request, response) => {
  if (config.legacy === 'true' && DROP_LEGACY) { response.statusCode = 500; response.end('legacy configs are no longer served'); return; }
  response.end(JSON.stringify(config));
});
server.on('error', (error) => { console.error('suite: cannot bind 127.0.0.1:' + port + ': ' + error.code); process.exit(3); });
server.listen(port, '127.0.0.1', () => {
  get({ host: '127.0.0.1', port, path: '/' }, (response) => {
    let body = '';
    response.on('data', (chunk) => (body += chunk));
    response.on('end', () => {
      const tests = [
        ['stack', 'serves', response.statusCode === 200 || (config.legacy === 'true' && DROP_LEGACY) ? '' : 'status ' + response.statusCode],
        ['stack', 'legacy', response.statusCode === 200 ? '' : 'HTTP ' + response.statusCode + ': ' + body],
        ['stack', 'known_issue', config.known_issue === 'true' ? 'known issue, fails everywhere' : ''],
      ];
      for (const [suite, name, failure] of tests) console.log((failure ? 'FAILED ' : 'PASSED ') + suite + '::' + name + (failure ? ' - ' + failure : ''));
      const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      const xml = '<?xml version="1.0"?><testsuites><testsuite name="stack">' + tests.map(([suite, name, failure]) =>
        '<testcase classname="' + suite + '" name="' + name + '">' + (failure ? '<failure message="' + escape(failure) + '">trace</failure>' : '') + '</testcase>').join('') + '</testsuite></testsuites>';
      if (process.env.COMPAT_GATE_JUNIT && JUNIT) writeFileSync(process.env.COMPAT_GATE_JUNIT, JUNIT_OVERRIDE ?? xml);
      server.close();
      process.exitCode = tests.some(([, , failure]) => failure) ? 1 : 0;
    });
  }).on('error', (error) => { console.error('suite: request failed: ' + error.message); process.exit(5); });
});
`;

/**
 * A loader that holds the same fixed port for 300 ms per process, as a loader that starts the
 * server would: two of them at once make one fail with EADDRINUSE. It refuses `legacy: true`
 * configs when the code drops them.
 */
export const PORT_LOADER_SCRIPT = String.raw`
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { DROP_LEGACY } from './code.mjs';
const server = createServer();
server.on('error', (error) => { console.error('loader: cannot bind 127.0.0.1:' + process.env.STACK_PORT + ': ' + error.code + ' (Address already in use)'); process.exit(3); });
server.listen(Number(process.env.STACK_PORT), '127.0.0.1', () => {
  setTimeout(() => {
    server.close();
    let failed = 0;
    for (const file of process.argv.slice(2)) {
      if (DROP_LEGACY && readFileSync(file, 'utf8').includes('legacy: true')) {
        console.log(JSON.stringify({ file, ok: false, message: 'legacy configs are refused' }));
        failed += 1;
      }
    }
    process.exitCode = failed ? 1 : 0;
  }, 300);
});
`;

/** The project's files: its suite, its loader, and its code. */
export function stackProject(code: StackCode): FileTree {
  return { 'tests/suite.mjs': SUITE_SCRIPT, 'tests/loader.mjs': PORT_LOADER_SCRIPT, 'tests/code.mjs': codeFile(code) };
}

/** A config file of the stack. */
export function stackConfig(name: string, flags: Record<string, boolean> = {}): string {
  return [`name: ${name}`, ...Object.entries(flags).map(([key, value]) => `${key}: ${value}`), ''].join('\n');
}
