import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGitHubClient, orchestrationUserAgent, transportFor } from '../../src/github/client.js';
import { httpStatus } from '../../src/github/errors.js';
import { nodeFetch } from '../../src/github/transport.js';
import { describeApiFailure, octokitPullRequestApi } from '../../src/refs/pull-request.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Two servers on 127.0.0.1 (two origins): each records what it is sent and answers by path. */
function server(routes: Record<string, (request: Seen, response: ServerResponse) => void>) {
  const seen: Seen[] = [];
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      const route = routes[new URL(entry.url, 'http://x').pathname];
      if (route) route(entry, response);
      else response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
  });
  return {
    seen,
    http,
    get origin() {
      return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    },
  };
}

const other = server({
  '/landing': (request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ authorization: request.headers.authorization ?? null })),
});
const api = server({
  '/json': (_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', link: '<http://x/json?page=2>; rel="next"' }).end('{"ok":"✓"}'),
  '/echo': (request, response) => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ method: request.method, body: request.body, type: request.headers['content-type'] ?? null })),
  '/moved': (_request, response) => response.writeHead(301, { location: '/json' }).end(),
  '/see-other': (_request, response) => response.writeHead(303, { location: '/echo' }).end(),
  '/temporary': (_request, response) => response.writeHead(307, { location: '/echo' }).end(),
  '/away': (_request, response) => response.writeHead(302, { location: `${other.origin}/landing` }).end(),
  '/loop': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
  '/gzip': (_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"packed":true}')),
  '/cookies': (_request, response) => {
    response.setHeader('x-many', ['a', 'b']);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('plain');
  },
  '/slow': () => undefined,
});

beforeAll(async () => {
  await Promise.all([api, other].map(({ http }) => new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))));
});
afterAll(async () => {
  for (const { http } of [api, other]) {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
});

describe('nodeFetch: what Octokit asks of a fetch, over node:http', () => {
  it('sends the method, headers and body, and answers with status, url, headers and the body', async () => {
    const answer = await nodeFetch(`${api.origin}/echo`, { method: 'post', headers: { 'Content-Type': 'application/json', Authorization: 'token t' }, body: '{"a":"é"}' });
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(answer.url).toBe(`${api.origin}/echo`);
    expect(await answer.json()).toEqual({ method: 'POST', body: '{"a":"é"}', type: 'application/json' });
    const sent = api.seen.at(-1);
    expect(sent?.headers.authorization).toBe('token t');
    expect(sent?.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
  });

  it('gives headers lower-cased and iterable, repeated ones joined as fetch joins them', async () => {
    const answer = await nodeFetch(`${api.origin}/json`);
    expect(answer.headers.get('Link')).toBe('<http://x/json?page=2>; rel="next"');
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'x-ratelimit-remaining': '4999', 'content-type': 'application/json; charset=utf-8' });
    expect(await answer.text()).toBe('{"ok":"✓"}');
    const many = await nodeFetch(`${api.origin}/cookies`);
    expect(many.headers.get('x-many')).toBe('a, b');
    expect(new TextDecoder().decode(await many.arrayBuffer())).toBe('plain');
  });

  it('answers a 4xx as an answer, not an error', async () => {
    const answer = await nodeFetch(`${api.origin}/nowhere`);
    expect([answer.status, answer.ok, answer.statusText]).toEqual([404, false, 'Not Found']);
  });

  it('follows redirects: the method kept on a 307, a 303 goes on as a GET without a body', async () => {
    const kept = await nodeFetch(`${api.origin}/temporary`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
    expect(await kept.json()).toEqual({ method: 'PATCH', body: '{"x":1}', type: 'application/json' });
    expect([kept.url, kept.redirected]).toEqual([`${api.origin}/echo`, true]);
    const seeOther = await nodeFetch(`${api.origin}/see-other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
    expect(await seeOther.json()).toEqual({ method: 'GET', body: '', type: null });
    const moved = await nodeFetch(`${api.origin}/moved`);
    expect(await moved.json()).toEqual({ ok: '✓' });
  });

  it('drops the credentials when a redirect leaves the origin', async () => {
    const answer = await nodeFetch(`${api.origin}/away`, { headers: { authorization: 'token secret' } });
    expect(await answer.json()).toEqual({ authorization: null });
  });

  it('refuses a redirect loop after 20 hops, and any redirect when asked to', async () => {
    await expect(nodeFetch(`${api.origin}/loop`)).rejects.toThrow(/more than 20 redirects/);
    await expect(nodeFetch(`${api.origin}/moved`, { redirect: 'error' })).rejects.toThrow(/redirects are refused/);
    const manual = await nodeFetch(`${api.origin}/moved`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([301, '/json']);
  });

  it('inflates a body a server compressed unasked, and asks for none', async () => {
    const answer = await nodeFetch(`${api.origin}/gzip`);
    expect(await answer.json()).toEqual({ packed: true });
    expect(api.seen.at(-1)?.headers['accept-encoding']).toBeUndefined();
  });

  it('fails as a network error when nothing listens, and as an AbortError when aborted', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(nodeFetch(`http://127.0.0.1:${port}/`)).rejects.toThrow(/ECONNREFUSED/);

    const controller = new AbortController();
    const pending = nodeFetch(`${api.origin}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(nodeFetch(`${api.origin}/json`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives up on a server that stops answering, and on a connection that is never made', async () => {
    // The API answers nothing on /slow; a TCP server that never speaks TLS never completes an https connection.
    await expect(nodeFetch(`${api.origin}/slow`, { timeouts: { idleMs: 150 } })).rejects.toThrow(/no answer for 0.15 s/);
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(nodeFetch(`https://127.0.0.1:${port}/`, { timeouts: { connectMs: 150 } })).rejects.toMatchObject({ code: 'ETIMEDOUT', message: expect.stringMatching(/not connected within 0.15 s/) });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(nodeFetch('file:///etc/passwd')).rejects.toThrow(/file: URLs are not supported/);
  });
});

describe('the GitHub client over nodeFetch', () => {
  it('reads through Octokit: token auth, Link paging, JSON bodies', async () => {
    const octokit = createGitHubClient('ghs_transporttoken000000000000000000000', { baseUrl: api.origin, retryBaseMs: 1 });
    const { data, headers } = await octokit.request('GET /json');
    expect(data).toEqual({ ok: '✓' });
    expect(headers['x-ratelimit-remaining']).toBe('4999');
    const sent = api.seen.at(-1);
    expect(sent?.headers.authorization).toBe('token ghs_transporttoken000000000000000000000');
    expect(sent?.headers['user-agent']).toMatch(/^octokit-core\.js\//);
  });

  it('reports a refusal as Octokit’s RequestError with its status', async () => {
    const octokit = createGitHubClient('t', { baseUrl: api.origin, retryBaseMs: 1 });
    await expect(octokit.request('GET /nowhere')).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/Not Found/) });
  });
});

describe('a GitHub API that cannot be reached', () => {
  it('fails as Octokit fails a network error: status 500 without an answer, the cause as its message', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const octokit = createGitHubClient('ghs_transporttoken000000000000000000000', { baseUrl: `http://127.0.0.1:${port}`, retryBaseMs: 1 });
    const api = octokitPullRequestApi(octokit, 'acme', 'gate');
    const error = await api.getPull(3).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500 });
    expect(httpStatus(error)).toBeUndefined();
    expect(describeApiFailure(error)).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});

describe('which transport a runner gets', () => {
  /** Sets (or, with undefined, removes) variables for the rest of the test; afterEach restores them. */
  const withEnv = (env: Record<string, string | undefined>): void => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  };
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const noProxy = { https_proxy: undefined, HTTPS_PROXY: undefined, http_proxy: undefined, HTTP_PROXY: undefined, no_proxy: undefined, NO_PROXY: undefined };

  it('goes straight with no proxy, and through the proxy-aware fetch when one applies', async () => {
    withEnv(noProxy);
    expect(transportFor('https://api.github.com')).toBe(nodeFetch);
    withEnv({ HTTPS_PROXY: 'http://proxy.internal:3128' });
    expect(transportFor('https://api.github.com')).not.toBe(nodeFetch);
    withEnv({ NO_PROXY: 'api.github.com' });
    expect(transportFor('https://api.github.com')).toBe(nodeFetch);
  });

  it('sends the request through the proxy it names', async () => {
    // A proxy that answers every request itself, plain or tunnelled (CONNECT): the answer shows
    // that the request went through it.
    const proxy = server({});
    const tunnels: string[] = [];
    proxy.http.removeAllListeners('request');
    proxy.http.on('request', (request: IncomingMessage, response: ServerResponse) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ via: 'proxy', target: request.url })),
    );
    proxy.http.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      tunnels.push(request.url ?? '');
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      proxy.http.emit('connection', socket);
    });
    await new Promise<void>((resolve) => proxy.http.listen(0, '127.0.0.1', resolve));
    try {
      withEnv({ ...noProxy, GITHUB_API_URL: 'http://api.github.invalid', HTTP_PROXY: proxy.origin });
      const fetchThroughProxy = transportFor('http://api.github.invalid');
      const answer = await fetchThroughProxy('http://api.github.invalid/repos/o/r');
      expect(await answer.json()).toMatchObject({ via: 'proxy', target: expect.stringMatching(/\/repos\/o\/r$/) });
      expect(tunnels).toEqual(['api.github.invalid:80']);
    } finally {
      proxy.http.closeAllConnections();
      await new Promise((resolve) => proxy.http.close(resolve));
    }
  });

  it('names the runner’s orchestration id in the user agent, unsafe characters replaced', async () => {
    withEnv({ ACTIONS_ORCHESTRATION_ID: ' run 7/a:b ' });
    expect(orchestrationUserAgent()).toBe('actions_orchestration_id/run_7_a_b');
    withEnv({ ACTIONS_ORCHESTRATION_ID: undefined });
    expect(orchestrationUserAgent()).toBeUndefined();
  });
});
