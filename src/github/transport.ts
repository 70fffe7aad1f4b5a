import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * The `fetch` Octokit sends its requests through when no proxy applies: Node's own `http` and
 * `https` (already loaded with Node, TLS and certificates as `NODE_EXTRA_CA_CERTS` sets them)
 * rather than `undici`, whose load and first request cost a run more than all its API calls
 * together. It does what Octokit asks of a `fetch`, no more: a method, headers and a string
 * body; redirects followed as `fetch` follows them (at most 20; a 303, or a 301/302 to a POST,
 * goes on as a GET without a body; the credentials dropped when the origin changes); an
 * `AbortSignal`; an answer with `status`, `url`, iterable `headers`, `text()`, `json()` and
 * `arrayBuffer()`. Bodies are asked for and read uncompressed, or inflated when a server
 * compresses them unasked. As with `undici`'s defaults (`TIMEOUTS`), a connection not made
 * within 10 s, or a socket idle for 300 s, fails the request as a network error (Octokit retries
 * it).
 */
export async function nodeFetch(input: string | URL, init: NodeFetchInit = {}): Promise<NodeFetchResponse> {
  let url = new URL(String(input));
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body ?? undefined;
  let headers = plainHeaders(init.headers);
  const signal = init.signal ?? undefined;
  for (let redirects = 0; ; redirects += 1) {
    const answer = await send(url, method, headers, body, signal, { ...TIMEOUTS, ...init.timeouts });
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.statusCode ?? 0) || init.redirect === 'manual' || typeof location !== 'string') {
      return respond(url, answer, await readBody(answer, signal), redirects > 0);
    }
    answer.resume();
    if (init.redirect === 'error') throw new TypeError(`${method} ${url.href} was redirected, and redirects are refused`);
    if (redirects >= MAX_REDIRECTS) throw new TypeError(`${method} ${url.href}: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    if (answer.statusCode === 303 ? method !== 'HEAD' : (answer.statusCode === 301 || answer.statusCode === 302) && method === 'POST') {
      method = 'GET';
      body = undefined;
      headers = withoutKeys(headers, ['content-type', 'content-length']);
    }
    if (next.origin !== url.origin) headers = withoutKeys(headers, ['authorization']);
    url = next;
  }
}

export interface NodeFetchInit {
  method?: string;
  headers?: Record<string, string> | Iterable<[string, string]>;
  body?: string | Buffer | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'manual' | 'error';
  /** Not part of `fetch`: other limits than `undici`'s defaults (tests). */
  timeouts?: Partial<Timeouts>;
}

export interface Timeouts {
  connectMs: number;
  idleMs: number;
}

export interface NodeFetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: ResponseHeaders;
  readonly body: null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The answer's headers, lower-cased; repeated ones joined with ", " as `fetch` joins them. */
class ResponseHeaders {
  readonly #entries: Map<string, string>;
  constructor(raw: IncomingHttpHeaders) {
    this.#entries = new Map(
      Object.keys(raw)
        .sort()
        .map((name) => {
          const value = raw[name];
          return [name, Array.isArray(value) ? value.join(', ') : String(value)];
        }),
    );
  }
  get(name: string): string | null {
    return this.#entries.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#entries.has(name.toLowerCase());
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.#entries) callback(value, name);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#entries[Symbol.iterator]();
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/**
 * `undici`'s defaults: 10 s to connect (and for TLS), and 300 s for an answer's headers or its next
 * bytes.
 */
const TIMEOUTS: Timeouts = { connectMs: 10_000, idleMs: 300_000 };

function send(url: URL, method: string, headers: Record<string, string>, body: string | Buffer | undefined, signal: AbortSignal | undefined, timeouts: Timeouts): Promise<IncomingMessage> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.reject(new TypeError(`${url.protocol} URLs are not supported: ${url.href}`));
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      // The socket's idle limit from its creation on (the agent's own, 5 s, would apply until it connects).
      timeout: timeouts.idleMs,
      ...(signal ? { signal } : {}),
    });
    const fail = (message: string) => request.destroy(Object.assign(new Error(`${method} ${url.host}: ${message}`), { code: 'ETIMEDOUT' }));
    request.on('timeout', () => fail(`no answer for ${timeouts.idleMs / 1000} s`));
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => fail(`not connected within ${timeouts.connectMs / 1000} s`), timeouts.connectMs);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    request.once('response', resolve);
    request.once('error', (error) => reject(signal?.aborted ? abortError(signal) : error));
    request.end(body);
  });
}

async function readBody(answer: IncomingMessage, signal: AbortSignal | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of answer) chunks.push(chunk as Buffer);
  } catch (error) {
    throw signal?.aborted ? abortError(signal) : error;
  }
  const raw = Buffer.concat(chunks);
  const encoding = String(answer.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity' || raw.length === 0) return raw;
  const zlib = await import('node:zlib');
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(raw);
  if (encoding === 'deflate') return zlib.inflateSync(raw);
  if (encoding === 'br') return zlib.brotliDecompressSync(raw);
  throw new TypeError(`the answer is encoded as ${encoding}, which cannot be read`);
}

function respond(url: URL, answer: IncomingMessage, bytes: Buffer, redirected: boolean): NodeFetchResponse {
  const status = answer.statusCode ?? 0;
  const text = async (): Promise<string> => bytes.toString('utf8');
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: answer.statusMessage ?? '',
    url: url.href,
    redirected,
    headers: new ResponseHeaders(answer.headers),
    body: null,
    text,
    json: async () => JSON.parse(await text()) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

function plainHeaders(headers: NodeFetchInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  if (!headers) return plain;
  const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
  for (const [name, value] of entries as Iterable<[string, string]>) plain[name.toLowerCase()] = String(value);
  return plain;
}

function withoutKeys(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('This operation was aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}
