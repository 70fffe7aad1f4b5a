// The generated project (services/<i>/config.yaml, their schema, a Python loader) as git
// repositories: an origin with main, the PR branch, its merge commit and the release tag, and a
// shallow checkout of the merge commit; and a GitHub API on 127.0.0.1 that knows the one pull
// request and the one release.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { LOADER_PATH, OWNER, PR_BRANCH, PR_NUMBER, PR_TITLE, RELEASE_TAG, REPO, SCHEMA_PATH } from './options.mjs';
import { PATH } from './preflight.mjs';

/** mulberry32: a small deterministic generator, so every run builds the same repositories. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-south-1'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ENGINES = ['postgres', 'mysql', 'sqlite'];
const AUTH = ['none', 'token', 'mtls'];
const WORDS = ['items', 'orders', 'users', 'billing', 'search', 'reports', 'events', 'tokens', 'images', 'queue'];
const FLAGS = ['fast_path', 'new_router', 'batch_writes', 'strict_mode', 'audit_log', 'shadow_reads'];

/** The service's name, which the bench's loader also reads to decide which configs it rejects. */
export function serviceName(i) {
  return `svc-${i}`;
}

/**
 * One service's config, 30 to 80 lines: nested objects, arrays of objects, enums, patterns,
 * formats, and in a quarter of them a YAML anchor merged into every endpoint (`<<: *defaults`).
 * The release (`v1.0.0`) variant differs in a few values, so the two refs share no blob.
 */
function serviceConfig(i, variant) {
  const rnd = prng(i * 2654435761 + 17);
  const pick = (items) => items[Math.floor(rnd() * items.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const release = variant === 'release';
  const name = serviceName(i);
  const target = int(30, 80);
  const head = [
    `# ${name}: deployment config (${release ? 'as released in v1.0.0' : 'main'})`,
    `version: "${release ? '3' : '3.1'}"`,
    'service:',
    `  name: ${name}`,
    `  owner: team-${int(1, 40)}@example.com`,
    `  tier: ${pick(TIERS)}`,
    `  region: ${pick(REGIONS)}`,
  ];
  if (rnd() < 0.6) head.push('  labels:', `    app: ${name}`, `    team.id: "${int(1, 40)}"`, `    env: ${pick(['prod', 'staging'])}`);
  if (rnd() < 0.4) head.push('  description: >-', `    Serves ${pick(WORDS)} for the ${pick(WORDS)} domain.`);
  const port = 8000 + int(0, 900);
  head.push('server:', `  host: ${name}.internal.example.com`, `  port: ${release ? port + 1 : port}`, `  workers: ${int(1, 16)}`, `  shutdown_timeout: ${int(5, 60)}s`);
  if (rnd() < 0.7) {
    head.push('  tls:', '    enabled: true', `    cert_file: /etc/tls/${name}.pem`, `    key_file: /etc/tls/${name}.key`, `    min_version: "${pick(['1.2', '1.3'])}"`);
  }
  if (rnd() < 0.8) {
    const engine = pick(ENGINES);
    head.push('database:', `  engine: ${engine}`, `  url: ${engine}://db-${int(1, 9)}.example.com:5432/${name.replace(/-/g, '_')}`);
    head.push('  pool:', `    min: ${int(0, 4)}`, `    max: ${int(5, 50)}`, `  timeout: ${int(1, 30)}s`);
    if (rnd() < 0.3) {
      head.push('  replicas:');
      for (let r = int(1, 3); r > 0; r--) head.push(`    - host: replica-${r}.example.com`, '      port: 5432', `      weight: 0.${int(1, 9)}`);
    }
  }
  if (rnd() < 0.5) {
    if (rnd() < 0.5) head.push('cache:', '  backend: redis', `  host: cache-${int(1, 9)}.example.com`, '  port: 6379', `  ttl: ${int(1, 60)}m`);
    else head.push('cache:', '  backend: memory', `  max_entries: ${int(100, 100000)}`, `  ttl: ${int(1, 600)}s`);
  }
  const merged = rnd() < 0.25;
  if (merged) head.push('defaults: &defaults', `  timeout: ${int(1, 10)}s`, `  retries: ${int(0, 5)}`, `  auth: ${pick(AUTH)}`);

  const tail = [];
  const features = int(0, 3);
  if (features > 0) tail.push('features:');
  for (let f = 0; f < features; f++) tail.push(`  - name: ${pick(FLAGS)}_${f}`, `    enabled: ${rnd() < 0.5}`, `    rollout: ${int(0, 100)}`);
  tail.push('logging:', `  level: ${pick(['debug', 'info', 'warning', 'error'])}`, `  format: ${pick(['json', 'text'])}`, `  sinks: [${rnd() < 0.5 ? 'stdout' : 'stdout, file'}]`);

  const endpoints = ['endpoints:'];
  for (let e = 1; ; e++) {
    const lines = [`  - path: /api/v${int(1, 3)}/${pick(WORDS)}/{id}`, `    method: ${pick(METHODS)}`];
    if (merged) lines.push('    <<: *defaults');
    else lines.push(`    timeout: ${int(100, 5000)}ms`, `    retries: ${int(0, 5)}`, `    auth: ${pick(AUTH)}`);
    if (rnd() < 0.5) lines.push('    rate_limit:', `      requests: ${int(10, 1000)}`, `      per: ${pick(['second', 'minute', 'hour'])}`);
    if (rnd() < 0.4) lines.push(`    tags: [${pick(WORDS)}, v${e}]`);
    if (e > 1 && head.length + endpoints.length + lines.length + tail.length > Math.max(target, 30 + lines.length)) break;
    endpoints.push(...lines);
    if (head.length + endpoints.length + tail.length >= target) break;
  }
  return [...head, ...endpoints, ...tail].join('\n') + '\n';
}

/** The project's JSON Schema (draft-07); the PR adds an optional `observability` block. */
function serviceSchema(side) {
  const ref = (name) => ({ $ref: `#/definitions/${name}` });
  const closed = (required, properties) => ({ type: 'object', required, additionalProperties: false, properties });
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://services.example.com/schema/service.schema.json',
    title: 'Service config',
    description: 'services/<i>/config.yaml: how one service is deployed.',
    ...closed(['version', 'service', 'server', 'endpoints'], {
      version: { type: 'string', enum: ['3', '3.1'] },
      service: ref('service'),
      server: ref('server'),
      database: ref('database'),
      cache: ref('cache'),
      defaults: ref('endpointSettings'),
      endpoints: { type: 'array', minItems: 1, items: ref('endpoint') },
      features: { type: 'array', items: ref('feature') },
      logging: ref('logging'),
    }),
    definitions: {
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' },
      duration: { type: 'string', pattern: '^[0-9]+(ms|s|m|h)$' },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      hostname: { type: 'string', format: 'hostname' },
      service: closed(['name', 'owner', 'tier'], {
        name: ref('name'),
        owner: { type: 'string', format: 'email' },
        tier: { enum: TIERS },
        region: { type: 'string', pattern: '^[a-z]{2}-[a-z]+-[0-9]$' },
        description: { type: 'string', maxLength: 500 },
        labels: {
          type: 'object',
          propertyNames: { pattern: '^[a-z][a-z0-9_.-]*$' },
          additionalProperties: { type: 'string', maxLength: 63 },
        },
      }),
      server: closed(['host', 'port'], {
        host: ref('hostname'),
        port: ref('port'),
        workers: { type: 'integer', minimum: 1, maximum: 64 },
        shutdown_timeout: ref('duration'),
        tls: ref('tls'),
      }),
      tls: {
        ...closed(['enabled'], {
          enabled: { type: 'boolean' },
          cert_file: { type: 'string', pattern: '^/' },
          key_file: { type: 'string', pattern: '^/' },
          min_version: { enum: ['1.2', '1.3'] },
        }),
        if: { properties: { enabled: { const: true } } },
        then: { required: ['cert_file', 'key_file'] },
      },
      database: closed(['engine', 'url'], {
        engine: { enum: ENGINES },
        url: { type: 'string', format: 'uri' },
        pool: closed([], { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 1 } }),
        timeout: ref('duration'),
        replicas: {
          type: 'array',
          items: closed(['host'], { host: ref('hostname'), port: ref('port'), weight: { type: 'number', minimum: 0, maximum: 1 } }),
        },
      }),
      cache: {
        oneOf: [
          closed(['backend', 'host'], { backend: { const: 'redis' }, host: ref('hostname'), port: ref('port'), ttl: ref('duration') }),
          closed(['backend'], { backend: { const: 'memory' }, max_entries: { type: 'integer', minimum: 1 }, ttl: ref('duration') }),
        ],
      },
      endpointSettings: {
        type: 'object',
        properties: {
          timeout: ref('duration'),
          retries: { type: 'integer', minimum: 0, maximum: 10 },
          auth: { enum: AUTH },
        },
      },
      endpoint: closed(['path', 'method'], {
        path: { type: 'string', pattern: '^/[A-Za-z0-9/_{}.-]*$' },
        method: { enum: METHODS },
        timeout: { $ref: '#/definitions/endpointSettings/properties/timeout' },
        retries: { $ref: '#/definitions/endpointSettings/properties/retries' },
        auth: { $ref: '#/definitions/endpointSettings/properties/auth' },
        rate_limit: closed(['requests', 'per'], { requests: { type: 'integer', minimum: 1 }, per: { enum: ['second', 'minute', 'hour'] } }),
        tags: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' }, uniqueItems: true },
      }),
      feature: closed(['name', 'enabled'], {
        name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
        enabled: { type: 'boolean' },
        rollout: { type: 'integer', minimum: 0, maximum: 100 },
      }),
      logging: closed([], {
        level: { enum: ['debug', 'info', 'warning', 'error'] },
        format: { enum: ['json', 'text'] },
        sinks: { type: 'array', items: { enum: ['stdout', 'file', 'syslog'] }, uniqueItems: true },
      }),
    },
  };
  if (side === 'pr') {
    schema.properties.observability = ref('observability');
    schema.definitions.observability = closed([], {
      tracing: { type: 'boolean' },
      sample_rate: { type: 'number', minimum: 0, maximum: 1 },
      exporter: { type: 'string', format: 'uri' },
    });
  }
  return JSON.stringify(schema, null, 2) + '\n';
}

/**
 * The project's runtime loader, as many Python projects have one: PyYAML, then checks in code.
 * It prints one line per config it refuses and exits 1 (no JSON lines), so the gate has to
 * split batches to find which config failed. The PR's version refuses the services named in
 * BENCH_LOADER_REJECT (a new check in the PR); with BENCH_LOADER_JSON=1 it reports JSON lines.
 */
function loaderScript(side) {
  return `#!/usr/bin/env python3
"""Loads service configs as the service does at start-up. usage: load_config.py CONFIG..."""
import json
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
${side === 'pr' ? 'REJECT = set(filter(None, os.environ.get("BENCH_LOADER_REJECT", "").split(",")))' : 'REJECT = set()'}
JSON_LINES = os.environ.get("BENCH_LOADER_JSON") == "1"


def load(path):
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=Loader)
    if not isinstance(data, dict):
        return "a service config is a mapping"
    missing = [key for key in ("version", "service", "server", "endpoints") if key not in data]
    if missing:
        return "missing " + ", ".join(missing)
    port = data["server"].get("port")
    if not isinstance(port, int) or not 0 < port < 65536:
        return f"server.port: {port!r} is not a port"
    if data["service"]["name"] in REJECT:
        return f"service {data['service']['name']}: rejected by the new start-up check"
    return None


failed = 0
for path in sys.argv[1:]:
    problem = load(path)
    if problem is not None:
        failed += 1
        if JSON_LINES:
            print(json.dumps({"file": path, "ok": False, "message": problem}))
        else:
            print(f"{path}: {problem}", file=sys.stderr)
sys.exit(1 if failed else 0)
`;
}

const README = '# services\n\nOne folder per service; `config.yaml` is what users copy and run.\n';
const SERVICE_README = 'See ../../README.md.\n';

/** Isolated git: no user or system config, a fixed identity, no prompts. */
function gitEnv(home) {
  return {
    PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    LC_ALL: 'C',
  };
}

export function shell(command, argv) {
  return new Promise((resolve, reject) => {
    execFile(command, argv, (error, _stdout, stderr) => (error ? reject(new Error(`${command} ${argv.join(' ')}: ${stderr || error.message}`)) : resolve()));
  });
}

export function git(cwd, argv, env, input) {
  return new Promise((resolve, reject) => {
    const child = execFile('git', argv, { cwd, env, maxBuffer: 1 << 30, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${argv.join(' ')} failed in ${cwd}: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

/**
 * Builds, with one `git fast-import`, a bare origin holding: main~1 (tagged v1.0.0) with N
 * release configs; main with the same N configs changed; the PR branch on main with a compatible
 * schema change and a new loader check; GitHub's merge commit at refs/pull/1/merge. Then a
 * shallow checkout of the merge commit, as actions/checkout leaves it for a pull_request event.
 */
export async function buildRepository(root, n) {
  const home = path.join(root, 'home');
  const origin = path.join(root, 'origin.git');
  await mkdir(home, { recursive: true });
  const env = gitEnv(home);
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', origin], env);

  const chunks = [];
  let marks = 0;
  const blob = (content) => {
    const bytes = Buffer.from(content);
    chunks.push(Buffer.from(`blob\nmark :${++marks}\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
    return marks;
  };
  let time = Date.parse('2025-01-06T09:00:00Z') / 1000;
  const commit = (ref, message, files, parents = []) => {
    const mark = ++marks;
    const who = `Bench <bench@example.com> ${(time += 3600)} +0000`;
    const lines = [`commit ${ref}`, `mark :${mark}`, `author ${who}`, `committer ${who}`, `data ${Buffer.byteLength(message)}`, message];
    parents.forEach((parent, index) => lines.push(`${index === 0 ? 'from' : 'merge'} :${parent}`));
    for (const [file, blobMark] of files) lines.push(`M 100644 :${blobMark} ${file}`);
    chunks.push(Buffer.from(lines.join('\n') + '\n\n'));
    return mark;
  };

  const serviceReadme = blob(SERVICE_README);
  const releaseFiles = [
    ['README.md', blob(README)],
    [SCHEMA_PATH, blob(serviceSchema('base'))],
    [LOADER_PATH, blob(loaderScript('base'))],
  ];
  for (let i = 0; i < n; i++) {
    releaseFiles.push([`services/${i}/config.yaml`, blob(serviceConfig(i, 'release'))], [`services/${i}/README.md`, serviceReadme]);
  }
  const released = commit('refs/heads/main', 'Release 1.0.0', releaseFiles);
  chunks.push(Buffer.from(`reset refs/tags/${RELEASE_TAG}\nfrom :${released}\n\n`));
  const baseFiles = [];
  for (let i = 0; i < n; i++) baseFiles.push([`services/${i}/config.yaml`, blob(serviceConfig(i, 'base'))]);
  const base = commit('refs/heads/main', 'Move every service to config version 3.1', baseFiles, [released]);
  const prFiles = [
    [SCHEMA_PATH, blob(serviceSchema('pr'))],
    [LOADER_PATH, blob(loaderScript('pr'))],
  ];
  const head = commit(`refs/heads/${PR_BRANCH}`, `${PR_TITLE}\n\nObservability settings are optional.`, prFiles, [base]);
  chunks.push(Buffer.from(`reset refs/pull/${PR_NUMBER}/head\nfrom :${head}\n\n`));
  commit(`refs/pull/${PR_NUMBER}/merge`, `Merge ${PR_BRANCH} into main`, prFiles, [base, head]);

  await git(origin, ['fast-import', '--quiet'], env, Buffer.concat(chunks));
  // GitHub serves any reachable commit by sha; a plain bare repository must be told to.
  await git(origin, ['config', 'uploadpack.allowAnySHA1InWant', 'true'], env);
  const sha = (ref) => git(origin, ['rev-parse', ref], env);
  const shas = {
    release: await sha(`refs/tags/${RELEASE_TAG}`),
    base: await sha('refs/heads/main'),
    head: await sha(`refs/heads/${PR_BRANCH}`),
    merge: await sha(`refs/pull/${PR_NUMBER}/merge`),
  };

  // The commands actions/checkout runs for a pull_request event with its defaults (fetch-depth: 1).
  const pristine = path.join(root, 'pristine', REPO);
  await mkdir(pristine, { recursive: true });
  await git(pristine, ['init', '--quiet', pristine], env);
  await git(pristine, ['remote', 'add', 'origin', `file://${origin}`], env);
  await git(pristine, ['config', '--local', 'gc.auto', '0'], env);
  await git(pristine, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--depth=1', 'origin', `+${shas.merge}:refs/remotes/pull/${PR_NUMBER}/merge`], env);
  await git(pristine, ['checkout', '--quiet', '--force', `refs/remotes/pull/${PR_NUMBER}/merge`], env);
  // The gate fetches into .git and must leave the work tree alone (SPEC, "Reading configs"): each
  // run gets the checkout's .git back as actions/checkout left it, instead of a copy of 20k files.
  const pristineGit = path.join(root, 'pristine.git');
  await shell('cp', ['-a', path.join(pristine, '.git'), pristineGit]);
  return { n, root, home, env, origin, pristine, pristineGit, shas };
}

// ---------------------------------------------------------------------------------------------
// A GitHub API on 127.0.0.1 that knows the one pull request and the one release.

export function startApi() {
  const state = { repo: undefined, requests: 0 };
  const server = createServer((request, response) => {
    state.requests += 1;
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      const answer = route(request.method ?? 'GET', pathname.replace(`/repos/${OWNER}/${REPO}`, ''), state.repo);
      response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, state, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

function route(method, rest, repo) {
  const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  if (!repo) return notFound;
  const pull = {
    number: PR_NUMBER,
    state: 'open',
    title: PR_TITLE,
    body: null,
    labels: [],
    draft: false,
    commits: 1,
    head: { ref: PR_BRANCH, sha: repo.shas.head },
    base: { ref: 'main', sha: repo.shas.base },
    merge_commit_sha: repo.shas.merge,
  };
  const release = { id: 1, tag_name: RELEASE_TAG, name: RELEASE_TAG, draft: false, prerelease: false, published_at: '2025-01-06T10:00:00Z' };
  if (method === 'GET' && rest === `/pulls/${PR_NUMBER}`) return { status: 200, body: pull };
  if (method === 'GET' && rest === `/issues/${PR_NUMBER}`) return { status: 200, body: { ...pull, pull_request: {} } };
  if (method === 'GET' && rest === `/pulls/${PR_NUMBER}/commits`) {
    return { status: 200, body: [{ sha: repo.shas.head, commit: { message: `${PR_TITLE}\n\nObservability settings are optional.` } }] };
  }
  if (method === 'GET' && rest === `/issues/${PR_NUMBER}/labels`) return { status: 200, body: [] };
  if (method === 'GET' && rest === `/issues/${PR_NUMBER}/comments`) return { status: 200, body: [] };
  if (method === 'POST' && rest === `/issues/${PR_NUMBER}/comments`) return { status: 201, body: { id: 1, body: '' } };
  if (method === 'PATCH' && /^\/issues\/comments\/\d+$/.test(rest)) return { status: 200, body: { id: 1, body: '' } };
  if (method === 'GET' && rest === '/releases/latest') return { status: 200, body: release };
  if (method === 'GET' && rest === `/releases/tags/${RELEASE_TAG}`) return { status: 200, body: release };
  if (method === 'GET' && rest === '/releases') return { status: 200, body: [release] };
  if (method === 'GET' && rest === '/tags') return { status: 200, body: [{ name: RELEASE_TAG, commit: { sha: repo.shas.release } }] };
  return notFound;
}
