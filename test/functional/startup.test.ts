// What the bundled action evaluates before its first git call: the modules dist/index.js
// imports statically (and its main module, which it imports at once once the compile cache is
// on), not the HTTP client that only a token (the GitHub SDK, imported on demand) or
// getIDToken needs. Needs a built dist/ (`npm run build`).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_ENTRY } from '../helpers/action-runner.js';

const HAS_DIST = existsSync(ACTION_ENTRY);
const LAZY_CLIENT = fileURLToPath(new URL('../../scripts/build/lazy-http-client.mjs', import.meta.url));

/** Every file of dist/ that loading `entry` evaluates: its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*"(\.[^"]+)";?$/gms)) visit(path.resolve(path.dirname(file), match[1]!));
    for (const match of text.matchAll(/^import\s*"(\.[^"]+)";?$/gm)) visit(path.resolve(path.dirname(file), match[1]!));
    // The entry imports its main module at once, after turning the compile cache on.
    if (file === entry) for (const match of text.matchAll(/^var \{[^}]*\} = await import\("(\.[^"]+)"\);$/gm)) visit(path.resolve(path.dirname(file), match[1]!));
  };
  visit(entry);
  return [...seen];
}

describe.skipIf(!HAS_DIST)('the action bundle at start-up', () => {
  it('evaluates the engine, yaml and ajv but not the HTTP client (undici)', () => {
    const files = staticClosure(ACTION_ENTRY);
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    expect(files.length).toBeGreaterThan(1);
    expect(texts.some((text) => text.includes('node_modules/yaml/dist/'))).toBe(true);
    expect(texts.some((text) => text.includes('node_modules/ajv/dist/'))).toBe(true);
    expect(texts.filter((text) => text.includes('node_modules/undici/'))).toEqual([]);
    expect(texts.filter((text) => text.includes('node_modules/@actions/http-client/lib/index.js'))).toEqual([]);
  });
});

const CLI_ENTRY = path.join(path.dirname(ACTION_ENTRY), 'cli.js');
const [NODE_MAJOR, NODE_MINOR] = process.versions.node.split('.').map(Number) as [number, number];
/** module.enableCompileCache() came with Node 22.1. */
const HAS_COMPILE_CACHE = NODE_MAJOR > 22 || (NODE_MAJOR === 22 && NODE_MINOR >= 1);

/** Runs a bundle entry with TMPDIR set to a fresh folder; returns what it printed and what the folder holds after. */
async function runWithTmpdir(entry: string, argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; tmp: string[] }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cg-cache-'));
  try {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^NODE_(?:COMPILE_CACHE|DISABLE_COMPILE_CACHE)$/.test(name)));
    // The action without inputs fails at once (exit 1): what matters here is what it left behind.
    const stdout = await new Promise<string>((resolve) => {
      execFile(process.execPath, [entry, ...argv], { env: { ...clean, TMPDIR: tmp, ...env } }, (_error, out) => resolve(String(out)));
    });
    return { stdout, tmp: readdirSync(tmp) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_DIST)('the compile cache of the bundle', () => {
  it.skipIf(!HAS_COMPILE_CACHE)('is written under the temp folder by the CLI, where a second run reads it', async () => {
    const run = await runWithTmpdir(CLI_ENTRY, ['--version']);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tmp).toEqual(['node-compile-cache']);
  });

  it.skipIf(!HAS_COMPILE_CACHE)('is written by the action on a self-hosted runner, not on a GitHub-hosted one (a new machine for every job)', async () => {
    expect((await runWithTmpdir(ACTION_ENTRY, [], { RUNNER_ENVIRONMENT: 'self-hosted' })).tmp).toContain('node-compile-cache');
    expect((await runWithTmpdir(ACTION_ENTRY, [], { RUNNER_ENVIRONMENT: 'github-hosted' })).tmp).not.toContain('node-compile-cache');
  });

  it.skipIf(HAS_COMPILE_CACHE)('is skipped on a Node without one, and the CLI runs as before', async () => {
    const run = await runWithTmpdir(CLI_ENTRY, ['--version']);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tmp).toEqual([]);
  });
});

describe('the lazy HTTP client inside @actions/core', () => {
  it('loads the real client on its first request and sends the bearer token', async () => {
    let headers: IncomingHttpHeaders = {};
    const server = createServer((request, response) => {
      headers = request.headers;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ value: 'id-token' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { HttpClient, BearerCredentialHandler } = (await import(LAZY_CLIENT)) as {
        HttpClient: new (agent: string, handlers: unknown[], options?: object) => { getJson(url: string): Promise<{ statusCode: number; result: unknown }> };
        BearerCredentialHandler: new (token: string) => unknown;
      };
      const client = new HttpClient('actions/oidc-client', [new BearerCredentialHandler('secret-token')], { allowRetries: false });
      const { port } = server.address() as AddressInfo;
      const response = await client.getJson(`http://127.0.0.1:${port}/token?audience=x`);
      expect(response).toEqual({ statusCode: 200, result: { value: 'id-token' }, headers: expect.any(Object) });
      expect(headers.authorization).toBe('Bearer secret-token');
      expect(headers['user-agent']).toBe('actions/oidc-client');
    } finally {
      server.close();
    }
  });
});
