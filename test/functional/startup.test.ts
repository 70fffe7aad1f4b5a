// What the bundled action evaluates before its first git call: the modules dist/index.js
// imports statically, not the HTTP client that only a token (the GitHub SDK, imported on
// demand) or getIDToken needs. Needs a built dist/ (`npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
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
