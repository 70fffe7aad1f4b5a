// npm run bench: compat-gate at thousands of configs, against the pipeline maintainers write by
// hand and against the floor, measured in the same run on the same generated repositories.
//
//   node scripts/bench.mjs                       sizes 500, 2,000 and 10,000 (long: minutes on 2 cores)
//   npm run bench -- --sizes 500,2000            chosen sizes
//   node scripts/bench.mjs --quick               500 configs, one run each, k = 1 only
//
// At each size it runs, alternating and taking medians: the gate (on every core and pinned to
// one), the js-yaml floor and the `yaml` floor (scripts/bench-floor.mjs), the hand-written
// pipeline, check-jsonschema, the gate with the loader and one loader process over the same
// files. Needs `npm ci && npm run build` (it runs the bundled dist/index.js), git, python3 with
// PyYAML and jsonschema, and GNU time at /usr/bin/time for peak memory. check-jsonschema is
// installed from PyPI into a venv under ~/.cache/compat-gate-bench when it is not on PATH.
// Rewrites bench/results.md unless --no-write is given; --keep leaves the generated
// repositories in place.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { phaseTableIn, renderPhases } from './bench/phases.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ACTION = path.join(ROOT, 'dist', 'index.js');
const FLOOR = path.join(ROOT, 'scripts', 'bench-floor.mjs');
const HANDWRITTEN = path.join(ROOT, 'scripts', 'bench-handwritten.py');
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const GNU_TIME = '/usr/bin/time';

const CONFIGS_GLOB = 'services/*/config.yaml';
const SCHEMA_PATH = 'schema/service.schema.json';
const LOADER_PATH = 'loader/load_config.py';
const LOADER_COMMAND = `python3 ${LOADER_PATH}`;
const RELEASE_TAG = 'v1.0.0';
const PR_NUMBER = 1;
const PR_BRANCH = 'feature/observability';
const PR_TITLE = 'feat: accept an optional observability block';
const OWNER = 'acme';
const REPO = 'services';
const TOKEN = 'ghs_BenchToken0000000000000000000000000';

// compat-gate's performance targets, at 10,000 configs × 2 refs, schema layer.
const TARGET_FLOOR_RATIO = 1.5;
const TARGET_HANDWRITTEN_RATIO = 20;
// The loader layer: the gate with a loader within this of one loader process over the same files.
const TARGET_LOADER_FLOOR_RATIO = 1.5;
const CORES = os.cpus().length;
const TASKSET = tryRunEarly('sh', ['-c', 'command -v taskset']);

function tryRunEarly(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const TARGET_PEAK_MB = 300;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'loader-k': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-loader': { type: 'boolean', default: false },
    'no-handwritten': { type: 'boolean', default: false },
    'no-check-jsonschema': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
    release: { type: 'string' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    [
      'usage: node scripts/bench.mjs [options]',
      '  --sizes 500,2000     config counts to generate (default 500,2000,10000; --quick: 500)',
      '  --runs N             timed runs of the gate and the floor per size, median reported (default 3 up to 2,000 configs, else 1)',
      '  --loader-k 1,4,16    numbers of configs the PR\'s loader rejects, for the loader layer',
      '  --release latest     the `release` input (default: the action.yml default)',
      '  --quick              --sizes 500 --runs 1 --loader-k 1',
      '  --no-loader, --no-handwritten, --no-check-jsonschema, --no-profile   skip a part',
      '  --timeline           log when each git and loader process of the traced runs started and ended',
      '  --out FILE           where to write the results (default bench/results.md); --no-write: print only',
      '  --keep               keep the generated repositories (their folder is printed)',
    ].join('\n'),
  );
  process.exit(0);
}
const sizes = list(args.sizes ?? (args.quick ? '500' : '500,2000,10000')).map(Number);
const runsOption = args.runs === undefined ? undefined : Number(args.runs);
/** Timed runs of the gate and the floor at one size: 3 up to 2,000 configs, 1 above (they take long). */
const runsFor = (n) => runsOption ?? (args.quick || n > 2000 ? 1 : 3);
const loaderKs = list(args['loader-k'] ?? (args.quick ? '1' : '1,4,16')).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runsOption === undefined || runsOption >= 1) || loaderKs.some((k) => !Number.isInteger(k) || k < 1)) {
  fail('--sizes, --runs and --loader-k take positive integers, e.g. --sizes 1000,10000 --runs 3 --loader-k 1,4,16');
}

function list(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// Preflight: what the bench needs, and the versions it reports.

function tryRun(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

if (!existsSync(ACTION)) fail('dist/index.js is missing: run `npm ci && npm run build` first.');
const realGit = tryRun('sh', ['-c', 'command -v git']);
if (!realGit) fail('git is not on PATH.');
if (tryRun(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true']) === undefined) fail(`GNU time is needed at ${GNU_TIME} for peak memory (apt-get install time).`);
// pyenv's `python3` is a bash shim that costs ~100 ms a start; a runner's setup-python puts the
// interpreter's own folder first on PATH, so the bench does the same for every process it starts.
const realPython = tryRun('python3', ['-c', 'import sys; print(sys.executable)']);
if (!realPython) fail('python3 is not on PATH.');
const PATH = `${path.dirname(realPython)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
const pythonModules = tryRun('python3', ['-c', 'import yaml, jsonschema; print(yaml.__version__, getattr(yaml, "__with_libyaml__", False))']);
if (!pythonModules) fail('python3 with PyYAML and jsonschema is needed for the hand-written pipeline and the Python loader.');
const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  cpu: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  git: tryRun('git', ['--version'])?.replace('git version ', '') ?? '?',
  python: tryRun('python3', ['--version'])?.replace('Python ', '') ?? '?',
  pyyaml: pythonModules.split(' ')[0],
  libyaml: pythonModules.split(' ')[1] === 'True',
  jsonschema: tryRun('python3', ['-c', 'import importlib.metadata as m; print(m.version("jsonschema"))']) ?? '?',
  commit: tryRun('git', ['-C', ROOT, 'rev-parse', '--short=12', 'HEAD']) ?? 'unknown',
  loadBefore: os.loadavg()[0],
  dist: distFingerprint(),
  dirty: (tryRun('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'dist']) ?? '') !== '',
};

/** A hash of everything under dist/, to notice a rebuild during the run. */
function distFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(path.join(ROOT, 'dist'));
  return hash.digest('hex').slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// The generated project: services/<i>/config.yaml, their schema, and a Python loader.

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
function serviceName(i) {
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

function shell(command, argv) {
  return new Promise((resolve, reject) => {
    execFile(command, argv, (error, _stdout, stderr) => (error ? reject(new Error(`${command} ${argv.join(' ')}: ${stderr || error.message}`)) : resolve()));
  });
}

function git(cwd, argv, env, input) {
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
async function buildRepository(root, n) {
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

function startApi() {
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

// ---------------------------------------------------------------------------------------------
// Running things and measuring them.

let sequence = 0;

/**
 * Runs a command under GNU time and measures wall time from just before the spawn to the
 * close of its pipes. `%M` is the peak resident set of the largest process in the tree (the
 * command or any child it waited for), not a sum.
 */
function measure(command, argv, { cwd, env, scratch, timeoutMs = 15 * 60_000 }) {
  const rssFile = path.join(scratch, `rss-${++sequence}.txt`);
  return new Promise((resolve, reject) => {
    const started = clock();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      const wallMs = clock() - started;
      const rss = (await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop();
      resolve({ code, signal, wallMs, peakKb: Number(rss) || undefined, stdout, stderr, started });
    });
  });
}

/** Wrappers first on PATH that log when each git and python3 process starts and ends. */
async function writeWrappers(dir) {
  await mkdir(dir, { recursive: true });
  for (const [name, real] of [
    ['git', realGit],
    ['python3', realPython],
  ]) {
    const wrapper = path.join(dir, name);
    await writeFile(
      wrapper,
      [
        '#!/bin/sh',
        `printf '%s %s start ${name} %.100s\\n' "$(date +%s%N)" "$$" "$*" >> "$BENCH_TRACE_LOG"`,
        `${JSON.stringify(real)} "$@"`,
        'status=$?',
        `printf '%s %s end\\n' "$(date +%s%N)" "$$" >> "$BENCH_TRACE_LOG"`,
        'exit $status',
        '',
      ].join('\n'),
    );
    await chmod(wrapper, 0o755);
  }
  return dir;
}

/** The processes a traced run started, from the wrappers' log: tool, start (ms since the epoch), end, arguments. */
async function readTrace(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  const open = new Map();
  const calls = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+) (\d+) (start|end)(?: (\S+) ?(.*))?$/.exec(line);
    if (!match) continue;
    const ms = Number(BigInt(match[1]) / 1000n) / 1000;
    if (match[3] === 'start') {
      const call = { tool: match[4], start: ms, end: undefined, command: match[5] ?? '' };
      open.set(match[2], call);
      calls.push(call);
    } else {
      const call = open.get(match[2]);
      if (call) call.end = ms;
      open.delete(match[2]);
    }
  }
  return calls;
}

/** The inputs of action.yml with their defaults, as the runner sets them. */
function actionDefaults(token) {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const defaults = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue;
    defaults[name] = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
  }
  return defaults;
}

/** `INPUT_<NAME>`, as the runner spells it. */
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** A fresh copy of the pristine checkout, and the runner's folders and files for one step. */
async function prepareRun(repo, api, inputs, extraEnv = {}) {
  const runDir = await mkdtemp(path.join(repo.root, 'r-'));
  const workspace = repo.pristine;
  await shell('rm', ['-rf', path.join(workspace, '.git')]);
  await shell('cp', ['-a', repo.pristineGit, path.join(workspace, '.git')]);
  const runnerTemp = path.join(runDir, '_temp');
  const home = path.join(runDir, 'home');
  const commands = path.join(runnerTemp, '_runner_file_commands');
  await mkdir(home, { recursive: true });
  await mkdir(commands, { recursive: true });
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(path.dirname(eventPath), { recursive: true });
  const repository = { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main', owner: { login: OWNER } };
  await writeFile(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: PR_NUMBER,
      pull_request: {
        number: PR_NUMBER,
        title: PR_TITLE,
        labels: [],
        commits: 1,
        merge_commit_sha: repo.shas.merge,
        head: { ref: PR_BRANCH, sha: repo.shas.head, repo: repository },
        base: { ref: 'main', sha: repo.shas.base, repo: repository },
      },
      repository,
    }),
  );
  const fileCommand = async (kind) => {
    const file = path.join(commands, `${kind}_${randomUUID()}`);
    await writeFile(file, '');
    return file;
  };
  const outputFile = await fileCommand('set_output');
  const env = {
    PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: repo.shas.merge,
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_REF_NAME: `${PR_NUMBER}/merge`,
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: PR_BRANCH,
    GITHUB_SERVER_URL: api.url,
    GITHUB_API_URL: api.url,
    GITHUB_GRAPHQL_URL: `${api.url}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: await fileCommand('step_summary'),
    GITHUB_ENV: await fileCommand('set_env'),
    GITHUB_PATH: await fileCommand('add_path'),
    GITHUB_STATE: await fileCommand('save_state'),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'compat',
    GITHUB_ACTION: '__compat-gate',
    GITHUB_ACTOR: 'contributor',
    GITHUB_WORKFLOW: 'compat',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runDir, 'toolcache'),
    ...extraEnv,
  };
  const allInputs = { ...actionDefaults(TOKEN), ...(args.release ? { release: args.release } : {}), ...inputs };
  for (const [name, value] of Object.entries(allInputs)) env[inputEnvName(name)] = value;
  return { runDir, workspace, env, outputFile };
}

function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      outputs[heredoc[1]] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Starts `node dist/index.js` as the runner starts the step and measures it; with `trace`, git
 * goes through the logging wrapper (for the start-up time and the timeline), with `cpuProf` the
 * node process writes a CPU profile into that folder.
 */
async function runGate(repo, api, { inputs, env: extraEnv = {}, trace = false, cpuProf, oneCore = false }) {
  const traceLog = path.join(repo.root, `trace-${++sequence}.log`);
  const env = trace ? { BENCH_TRACE_LOG: traceLog, PATH: `${path.join(repo.root, 'wrappers')}:${PATH}` } : {};
  const run = await prepareRun(repo, api, inputs, { ...extraEnv, ...env });
  const requestsBefore = api.state.requests;
  const node = [...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []), ACTION];
  const [command, argv] = oneCore ? [TASKSET, ['-c', '0', process.execPath, ...node]] : [process.execPath, node];
  const result = await measure(command, argv, { cwd: run.workspace, env: run.env, scratch: repo.root });
  const outputs = parseOutputs(await readFile(run.outputFile, 'utf8'));
  const report = outputs.report && existsSync(outputs.report) ? JSON.parse(await readFile(outputs.report, 'utf8')) : undefined;
  const calls = trace ? await readTrace(traceLog) : [];
  if (trace && args.timeline) {
    const t0 = result.started;
    for (const call of calls) log(`  ${String(Math.round(call.start - t0)).padStart(6)}–${String(Math.round((call.end ?? call.start) - t0)).padStart(6)} ms  ${call.tool} ${call.command.slice(0, 80)}`);
  }
  await rm(run.runDir, { recursive: true, force: true });
  if (!report) throw new Error(`the action wrote no report (exit ${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  if (report.verdict === 'error') throw new Error(`the action could not decide: ${report.error?.message}\n${result.stdout.slice(-2000)}`);
  return { ...result, outputs, report, calls, requests: api.state.requests - requestsBefore };
}

const SCHEMA_INPUTS = { configs: CONFIGS_GLOB, schema: SCHEMA_PATH };
const LOADER_INPUTS = { configs: CONFIGS_GLOB, loader: LOADER_COMMAND };
/** Configs in the repository the start-up is measured on: start-up does not depend on them. */
const STARTUP_CONFIGS = 20;

/** The refs the gate judged: the base, and the release when the action reports one (outputs.release). */
function judgedRefs(repo, gate) {
  const release = gate.outputs.release;
  if (!release) return [{ name: 'base', sha: repo.shas.base }];
  return [
    { name: 'base', sha: repo.shas.base },
    { name: 'release', sha: repo.shas.release, tag: release },
  ];
}

async function runFloor(repo, refs, parser) {
  const result = await measure(
    process.execPath,
    [FLOOR, '--parser', parser, '--git-dir', repo.origin, '--schema', path.join(repo.pristine, SCHEMA_PATH), '--configs', CONFIGS_GLOB, ...refs.map((ref) => ref.sha)],
    { cwd: repo.root, env: { ...repo.env }, scratch: repo.root },
  );
  if (result.code !== 0) throw new Error(`the floor failed: ${result.stderr}`);
  return { ...result, summary: JSON.parse(result.stdout.trim().split('\n').pop()) };
}

/** The pipeline maintainers write by hand: one `git show` per config (a shell loop), then one Python process. */
const HANDWRITTEN_SHOW = `set -eu
git ls-tree -r --name-only "$1" -- services | grep '/config\\.yaml$' | while IFS= read -r file; do
  git show "$1:$file" > "$2/\${file//\\//__}"
done`;

async function runHandwritten(repo, refs) {
  const out = path.join(repo.root, 'handwritten');
  await rm(out, { recursive: true, force: true });
  const env = { ...repo.env, GIT_DIR: repo.origin };
  const stages = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    await mkdir(dir, { recursive: true });
    const show = await measure('bash', ['-c', HANDWRITTEN_SHOW, 'handwritten', ref.sha, dir], { cwd: repo.root, env, scratch: repo.root });
    if (show.code !== 0) throw new Error(`the git show loop failed: ${show.stderr}`);
    stages.push({ name: `git show × ${(await readdir(dir)).length} (${ref.name})`, ...show });
  }
  const validate = await measure('python3', [HANDWRITTEN, path.join(repo.pristine, SCHEMA_PATH), ...refs.map((ref) => path.join(out, ref.name))], {
    cwd: repo.root,
    env: { ...repo.env },
    scratch: repo.root,
  });
  const summary = JSON.parse(validate.stdout.trim().split('\n').pop() || '{}');
  stages.push({ name: 'python3 (PyYAML safe_load + jsonschema)', ...validate });
  await rm(out, { recursive: true, force: true });
  return {
    wallMs: stages.reduce((sum, stage) => sum + stage.wallMs, 0),
    peakKb: Math.max(...stages.map((stage) => stage.peakKb ?? 0)),
    stages,
    summary,
    processes: refs.length * (repo.n + 2) + 1,
  };
}

/** check-jsonschema (PyPI): on PATH, or installed once into a venv in a cache folder. */
function findCheckJsonschema(notes) {
  const onPath = tryRun('sh', ['-c', 'command -v check-jsonschema']);
  if (onPath) return onPath;
  const venv = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'compat-gate-bench', 'venv');
  const bin = path.join(venv, 'bin', 'check-jsonschema');
  if (!existsSync(bin)) {
    log(`check-jsonschema is not on PATH: installing it from PyPI into ${venv}`);
    const pip = path.join(venv, 'bin', 'pip');
    let problem = tryRun(realPython, ['-m', 'venv', venv]) === undefined ? 'python3 -m venv failed' : undefined;
    if (!problem) {
      try {
        execFileSync(pip, ['install', '--quiet', '--timeout', '20', '--retries', '1', 'check-jsonschema'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        problem = (error.stderr || error.message).trim().split('\n').pop();
      }
    }
    if (problem || !existsSync(bin)) {
      log(`check-jsonschema skipped: ${problem ?? 'not installed'}`);
      notes.push(`check-jsonschema was skipped: it is not on PATH and could not be installed from PyPI into ${venv} (${problem ?? 'no check-jsonschema after pip install'}).`);
      return undefined;
    }
    notes.push(`check-jsonschema was installed from PyPI into ${venv} for this run.`);
  }
  return bin;
}

/** Each ref's files on disk, as `git archive | tar -x` exports them: ref folder → relative paths. */
const EXPORT_REF = 'set -eu\nmkdir -p "$2"\ngit archive "$1" services | tar -x -C "$2"';

async function configFilesUnder(dir) {
  const files = [];
  for (const service of await readdir(path.join(dir, 'services'))) {
    const file = path.join(dir, 'services', service, 'config.yaml');
    if (existsSync(file)) files.push(file);
  }
  return files;
}

/** check-jsonschema over the configs of the refs, the export of each ref (`git archive | tar -x`) included. */
async function runCheckJsonschema(repo, refs, bin) {
  const out = path.join(repo.root, 'cjs');
  await rm(out, { recursive: true, force: true });
  const env = { ...repo.env, GIT_DIR: repo.origin };
  const stages = [];
  const files = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    const exported = await measure('bash', ['-c', EXPORT_REF, 'export', ref.sha, dir], { cwd: repo.root, env, scratch: repo.root });
    if (exported.code !== 0) throw new Error(`git archive failed: ${exported.stderr}`);
    stages.push({ name: `export (${ref.name})`, ...exported });
    files.push(...(await configFilesUnder(dir)).map((file) => path.relative(out, file)));
  }
  const check = await measure(bin, ['--schemafile', path.join(repo.pristine, SCHEMA_PATH), ...files], { cwd: out, env: { ...repo.env }, scratch: repo.root });
  stages.push({ name: 'check-jsonschema', ...check });
  await rm(out, { recursive: true, force: true });
  return {
    wallMs: stages.reduce((sum, stage) => sum + stage.wallMs, 0),
    peakKb: Math.max(...stages.map((stage) => stage.peakKb ?? 0)),
    ok: check.code === 0,
    output: (check.stdout + check.stderr).trim().split('\n').slice(0, 3).join(' / '),
    files: files.length,
  };
}

/** The same files of both refs on disk (exported once, not timed), for the one-process loader floor. */
async function exportForLoaderFloor(repo, refs) {
  const out = path.join(repo.root, 'loader-floor');
  await rm(out, { recursive: true, force: true });
  const files = [];
  for (const ref of refs) {
    const dir = path.join(out, ref.name);
    const exported = await measure('bash', ['-c', EXPORT_REF, 'export', ref.sha, dir], { cwd: repo.root, env: { ...repo.env, GIT_DIR: repo.origin }, scratch: repo.root });
    if (exported.code !== 0) throw new Error(`git archive failed: ${exported.stderr}`);
    files.push(...(await configFilesUnder(dir)));
  }
  return files;
}

/** One `python3 load_config.py <every file>` process: the PR's loader, loading every config. */
async function runLoaderFloor(repo, files) {
  const result = await measure('python3', [path.join(repo.pristine, LOADER_PATH), ...files], {
    cwd: repo.root,
    env: { ...repo.env, PATH, BENCH_LOADER_REJECT: '' },
    scratch: repo.root,
  });
  if (result.code !== 0) throw new Error(`the loader floor failed: ${result.stderr.slice(0, 2000)}`);
  return result;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The run with the median wall time (its wall time the median), with the highest peak memory of all. */
function medianOf(results) {
  const wall = median(results.map((result) => result.wallMs));
  const kept = results.reduce((best, result) => (Math.abs(result.wallMs - wall) < Math.abs(best.wallMs - wall) ? result : best));
  return { ...kept, wallMs: wall, walls: results.map((result) => result.wallMs), peakKb: Math.max(...results.map((result) => result.peakKb ?? 0)) };
}

/** Wall time during which at least one of the calls ran (they can overlap). */
function covered(calls) {
  let total = 0;
  let until = -Infinity;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const start = Math.max(call.start, until);
    if (call.end > start) total += call.end - start;
    until = Math.max(until, call.end);
  }
  return total;
}

/** Where a traced gate run spent its time: start-up, each kind of git call, the loader, and the rest (node). */
function timeline(gate) {
  const calls = gate.calls.filter((call) => call.end !== undefined);
  const groups = new Map();
  for (const call of calls) {
    const words = call.command.split(' ');
    const verb = words[0] === '-c' ? words[2] : words[0];
    const key = call.tool !== 'git' ? `${call.tool} (loader)` : verb === 'cat-file' ? `cat-file ${words[1] ?? ''}`.trim() : verb;
    const group = groups.get(key) ?? { count: 0, ms: 0 };
    group.count += 1;
    group.ms += call.end - call.start;
    groups.set(key, group);
  }
  const git = calls.filter((call) => call.tool === 'git');
  const loader = calls.filter((call) => call.tool !== 'git');
  const firstGit = gate.calls.find((call) => call.tool === 'git');
  return {
    firstGitMs: firstGit ? firstGit.start - gate.started : undefined,
    groups: [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms),
    gitMs: covered(git),
    loaderMs: covered(loader),
    outsideMs: gate.wallMs - covered(calls) - (firstGit ? firstGit.start - gate.started : 0),
    gitProcesses: git.length,
    loaderProcesses: loader.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Start-up: from `node dist/index.js` to its first git call; the bundle's size.

async function measureStartup(repo, api, count) {
  const firstGitOf = (gate) => gate.calls.find((call) => call.tool === 'git').start - gate.started;
  const gates = [];
  const tokenless = [];
  for (let i = 0; i < count; i++) {
    gates.push(await runGate(repo, api, { inputs: SCHEMA_INPUTS, trace: true }));
    tokenless.push(firstGitOf(await runGate(repo, api, { inputs: { ...SCHEMA_INPUTS, 'github-token': '' }, trace: true })));
  }
  // The same wrapper under a node that does nothing but start git: Node's own start-up.
  const baseline = [];
  for (let i = 0; i < count; i++) {
    const traceLog = path.join(repo.root, `trace-baseline-${i}.log`);
    const env = { ...repo.env, BENCH_TRACE_LOG: traceLog, PATH: `${path.join(repo.root, 'wrappers')}:${PATH}` };
    const started = clock();
    execFileSync(process.execPath, ['-e', "require('node:child_process').execFileSync('git', ['--version'])"], { env, cwd: repo.root });
    const [first] = await readTrace(traceLog);
    baseline.push(first.start - started);
  }
  const firstGit = gates.map(firstGitOf);
  return {
    firstGitMs: median(firstGit),
    firstGitRuns: firstGit,
    tokenlessMs: median(tokenless),
    nodeBaselineMs: median(baseline),
    bundle: bundleSize(ACTION),
  };
}

/**
 * What `node dist/index.js` loads: the entry and the chunks it imports statically (parsed at
 * start-up), and the chunks behind dynamic `import()` (loaded when needed, e.g. with a token).
 */
function bundleSize(entry) {
  const eager = new Set();
  const lazy = new Set();
  const visit = (file, into) => {
    if (eager.has(file) || into.has(file)) return;
    into.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:from\s*|import\s*(\()?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = path.resolve(path.dirname(file), match[2]);
      // The entry's own import() (its main module, after the compile cache is on) runs at once.
      if (existsSync(target)) visit(target, match[1] && file !== entry ? lazy : into);
    }
  };
  visit(entry, eager);
  for (const file of eager) lazy.delete(file);
  const measureFiles = (files) => {
    const bytes = Buffer.concat([...files].map((file) => readFileSync(file)));
    return { files: files.size, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return { eager: measureFiles(eager), lazy: measureFiles(lazy) };
}

// ---------------------------------------------------------------------------------------------
// CPU profile of the gate: self time by bundled module (esbuild marks each with `// <path>`).

/** Which bundled module a line of a dist file belongs to: esbuild marks each with `// <path>`. */
function bundleModules(file) {
  const starts = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      // A worktree whose node_modules links elsewhere bundles `// ../other/node_modules/…`.
      const match = /^\/\/ ((?:\.\.\/\S*?)?(?:src|node_modules)\/\S+)$/.exec(line);
      if (!match) return;
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(match[1]);
      starts.push({ line: index, module: pkg ? pkg[1] : match[1] });
    });
  return (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = `(${path.basename(file)}, outside any module)`;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle].line <= line) {
        found = starts[middle].module;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
}

async function summarizeProfile(dir) {
  const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  const distUrl = `file://${path.join(ROOT, 'dist')}/`;
  const moduleMaps = new Map();
  const moduleAt = (url, line) => {
    if (!moduleMaps.has(url)) moduleMaps.set(url, bundleModules(fileURLToPath(url)));
    return moduleMaps.get(url)(line);
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const byModule = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame } = nodes.get(id);
    const special = /^\((?:garbage collector|program|idle|root)\)$/.test(callFrame.functionName);
    let where;
    if (special) where = callFrame.functionName === '(idle)' ? '(idle: waiting for git, the loader, I/O)' : callFrame.functionName;
    else if (callFrame.url.startsWith(distUrl)) where = moduleAt(callFrame.url, callFrame.lineNumber);
    else if (callFrame.url.startsWith('node:') || callFrame.url === '') where = '(node internals)';
    else where = callFrame.url;
    byModule.set(where, (byModule.get(where) ?? 0) + ms);
    if (!special) {
      const name = `${callFrame.functionName || '(anonymous)'} — ${where}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
    total += ms;
  }
  const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { totalMs: total, modules: top(byModule, 14), functions: top(byFunction, 14) };
}

// ---------------------------------------------------------------------------------------------
// The loader layer: processes started when 0 or k configs fail in the loader only.

/** k services spread evenly over the N, the ones the PR's loader will refuse. */
function rejected(n, k) {
  return Array.from({ length: k }, (_, j) => serviceName(Math.floor(((j + 0.5) * n) / k))).join(',');
}

async function loaderLayer(repo, api) {
  const rows = [];
  // The k sweep judges the base only (`release: none`): the claim is about one evaluation. One
  // more run with the release shows what drift adds (the release's configs on the PR and the base).
  const cases = [{ k: 0 }, ...loaderKs.map((k) => ({ k })), { k: Math.max(...loaderKs), json: true }, { k: 0, release: true }];
  for (const { k, json, release } of cases) {
    log(`  loader layer: N=${repo.n}, k=${k}${json ? ', JSON lines' : ''}${release ? ', with the release' : ''}`);
    const env = { BENCH_LOADER_REJECT: rejected(repo.n, k), ...(json ? { BENCH_LOADER_JSON: '1' } : {}) };
    const inputs = release ? LOADER_INPUTS : { ...LOADER_INPUTS, release: 'none' };
    const gate = await runGate(repo, api, { inputs, env, trace: true });
    const t = timeline(gate);
    rows.push({
      n: repo.n,
      k,
      json: Boolean(json),
      refs: judgedRefs(repo, gate).length,
      processes: gate.report.loader?.processes,
      broken: gate.report.counts.broken,
      verdict: gate.report.verdict,
      wallMs: gate.wallMs,
      peakKb: gate.peakKb,
      loaderMs: t.loaderMs,
      gitMs: t.gitMs,
      traced: t.loaderProcesses,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The results, as markdown.

const ms = (value) => (value === undefined ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString('en-US')} ms`);
const mb = (kb) => (kb ? `${Math.round(kb / 1024)} MB` : '—');
const count = (value) => (value === undefined ? '—' : value.toLocaleString('en-US'));
const ratio = (value) => `${value.toFixed(2)}×`;
const mark = (met) => (met ? '✅ met' : '❌ not met');

function render({ sizesDone, startup, loaderRows, profiles, notes }) {
  const out = [];
  const biggest = sizesDone[sizesDone.length - 1];
  out.push('# compat-gate benchmark');
  out.push('');
  const command = ['node scripts/bench.mjs', ...process.argv.slice(2)].join(' ');
  out.push(
    `Written by \`npm run bench\` (\`${command}\`) on ${machine.date}, commit ${machine.commit}${machine.dirty ? ' (src/ or dist/ modified)' : ''}, ` +
      `dist/ ${machine.dist}.`,
  );
  const distNow = distFingerprint();
  if (distNow !== machine.dist) {
    out.push('');
    out.push(`> **dist/ changed during the run** (${machine.dist} → ${distNow}): these results mix two builds; run the bench again.`);
  }
  out.push('');
  out.push(
    `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; load average ${machine.loadBefore.toFixed(1)} at the start, ` +
      `${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows every pipeline). Node ${machine.node}, git ${machine.git}, ` +
      `Python ${machine.python} (PyYAML ${machine.pyyaml}${machine.libyaml ? ' with libyaml' : ''}, jsonschema ${machine.jsonschema}).`,
  );
  out.push('');
  out.push(
    `Each repository is generated with \`git fast-import\`: N configs \`services/<i>/config.yaml\` (30–80 lines: nested objects, arrays of ` +
      `objects, enums, patterns, formats, a quarter with \`<<: *defaults\` merge keys) on \`main\`, the same N slightly different on tag ` +
      `\`${RELEASE_TAG}\` (no blob shared), a draft-07 schema with \`$ref\`s, \`oneOf\`, \`if\`/\`then\`, and a compatible PR (an optional ` +
      '`observability` block). The gate runs as the runner starts it: `node dist/index.js` in a fresh shallow checkout of the merge ' +
      'commit (fetch-depth 1), `INPUT_*` from action.yml, a `pull_request` event, a GitHub API on 127.0.0.1. ' +
      `Every pipeline of the first table: ${sizesDone.map((size) => `${size.runs} run${size.runs > 1 ? 's' : ''} each at ${count(size.n)}`).join(', ')} (alternating; the median is shown); ` +
      'the traced runs and the loader layer\'s k sweep: one run.',
  );
  out.push('');
  out.push('## Against the floors and peers');
  out.push('');
  out.push(
    `Medians of ${sizesDone.map((size) => `${size.runs} alternating run${size.runs > 1 ? 's' : ''} at ${count(size.n)}`).join(', ')}. ` +
      `"All cores" is the gate as it runs (${CORES} CPUs here); "1 core" pins it with \`taskset -c 0\`. The js-yaml floor is one node process ` +
      '(`ls-tree` per ref, one `cat-file --batch`, js-yaml, one compiled ajv validator); the `yaml` floor is the same with the `yaml` package. ' +
      'Per config: wall time ÷ configs read (N × refs). Peak: GNU time\'s maximum resident set.',
  );
  out.push('');
  out.push('| configs × refs | gate, all cores | gate, 1 core | js-yaml floor | `yaml` floor | hand-written | check-jsonschema | gate ÷ js-yaml floor (all / 1 core) | gate ÷ `yaml` floor | hand-written ÷ gate | check-jsonschema ÷ gate | gate per config | gate peak |');
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizesDone) {
    const { n, refs, gate, gate1, floor, yamlFloor, handwritten, checkJsonschema } = size;
    const per = (result) => `${count(Math.round((1000 * result.wallMs) / (n * refs.length)))} µs`;
    out.push(
      `| ${count(n)} × ${refs.length} | ${ms(gate.wallMs)} | ${gate1 ? ms(gate1.wallMs) : '—'} | ${ms(floor.wallMs)} | ${ms(yamlFloor.wallMs)} | ` +
        `${handwritten ? ms(handwritten.wallMs) : '—'} | ${checkJsonschema ? ms(checkJsonschema.wallMs) : '—'} | ` +
        `**${ratio(gate.wallMs / floor.wallMs)}** / ${gate1 ? ratio(gate1.wallMs / floor.wallMs) : '—'} | ${ratio(gate.wallMs / yamlFloor.wallMs)} | ` +
        `${handwritten ? `**${ratio(handwritten.wallMs / gate.wallMs)}**` : '—'} | ${checkJsonschema ? ratio(checkJsonschema.wallMs / gate.wallMs) : '—'} | ` +
        `${per(gate)} (floor ${per(floor)}) | ${mb(gate.peakKb)} |`,
    );
  }
  out.push('');
  const loaderSizes = sizesDone.filter((size) => size.gateLoader);
  if (loaderSizes.length > 0) {
    out.push(
      `Loader layer: the gate with \`loader: ${LOADER_COMMAND}\` (no schema, every config loads, base + release) against one ` +
        '`python3 load_config.py <every file of both refs>` process over the same files, exported beforehand (the export is not timed).',
    );
    out.push('');
    out.push('| configs × refs | gate with the loader | loader processes | one loader process | gate ÷ one loader process | gate peak |');
    out.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const size of loaderSizes) {
      const { n, refs, gateLoader, loaderFloor } = size;
      const loaderRatio = gateLoader.wallMs / loaderFloor.wallMs;
      out.push(
        `| ${count(n)} × ${refs.length} | ${ms(gateLoader.wallMs)} | ${count(gateLoader.report.loader?.processes)} | ${ms(loaderFloor.wallMs)} | ` +
          `**${ratio(loaderRatio)}** ${mark(loaderRatio <= TARGET_LOADER_FLOOR_RATIO)} (target ≤ ${TARGET_LOADER_FLOOR_RATIO}×) | ${mb(gateLoader.peakKb)} |`,
      );
    }
    out.push('');
  }
  out.push('## Schema layer');
  out.push('');
  out.push('| configs | pipeline | refs | wall time | peak memory | processes started | gate / floor | hand-written / gate |');
  out.push('| ---: | --- | :---: | ---: | ---: | --- | ---: | ---: |');
  for (const size of sizesDone) {
    const { n, refs, gate, floor, handwritten, trace } = size;
    const refNames = refs.map((ref) => ref.name).join(' + ');
    out.push(
      `| ${count(n)} | **gate** (\`node dist/index.js\`) | ${refNames} | ${ms(gate.wallMs)} | ${mb(gate.peakKb)} | ${trace.gitProcesses} git, 0 loader | ` +
        `**${ratio(gate.wallMs / floor.wallMs)}** | ${handwritten ? `**${ratio(handwritten.wallMs / gate.wallMs)}**` : '—'} |`,
    );
    out.push(`| ${count(n)} | js-yaml floor (1 node process) | ${refNames} | ${ms(floor.wallMs)} | ${mb(floor.peakKb)} | ${refs.length + 1} git | | |`);
    if (handwritten) {
      out.push(
        `| ${count(n)} | hand-written (\`git show\` per file + Python) | ${refNames} | ${ms(handwritten.wallMs)} | ${mb(handwritten.peakKb)} | ` +
          `${count(handwritten.processes - 1)} git, 1 python | | |`,
      );
    }
  }
  out.push('');
  out.push('Peak memory is GNU time\'s maximum resident set: the largest single process of the pipeline (for the gate, node).');
  out.push('');
  const handwrittenStages = sizesDone.filter((size) => size.handwritten);
  if (handwrittenStages.length > 0) {
    out.push('Hand-written pipeline by stage:');
    out.push('');
    for (const size of handwrittenStages) {
      const show = size.handwritten.stages.filter((stage) => stage.name.startsWith('git show')).reduce((sum, stage) => sum + stage.wallMs, 0);
      out.push(
        `- ${count(size.n)} configs: ${size.handwritten.stages.map((stage) => `${stage.name} ${ms(stage.wallMs)}`).join('; ')}. ` +
          `The \`git show\` loop alone takes ${ratio(show / size.gate.wallMs)} the gate's time.`,
      );
    }
    out.push('');
  }
  out.push(`### Targets (${count(biggest.n)} configs × ${biggest.refs.length} ref${biggest.refs.length > 1 ? 's' : ''})`);
  out.push('');
  const refCaveat = biggest.refs.length < 2 ? ' (measured on 1 ref: the targets are for 2)' : '';
  const tenK = biggest.n >= 10_000 ? '' : ` (measured at ${count(biggest.n)} configs: the targets are for 10,000)`;
  out.push('| target | measured | |');
  out.push('| --- | ---: | --- |');
  const floorRatio = biggest.gate.wallMs / biggest.floor.wallMs;
  out.push(`| gate within ${TARGET_FLOOR_RATIO}× of the js-yaml floor${refCaveat}${tenK} | ${ratio(floorRatio)} | ${mark(floorRatio <= TARGET_FLOOR_RATIO)} |`);
  if (biggest.handwritten) {
    const handwrittenRatio = biggest.handwritten.wallMs / biggest.gate.wallMs;
    out.push(`| gate ≥ ${TARGET_HANDWRITTEN_RATIO}× faster than hand-written${refCaveat}${tenK} | ${ratio(handwrittenRatio)} | ${mark(handwrittenRatio >= TARGET_HANDWRITTEN_RATIO)} |`);
  }
  out.push(`| gate peak memory < ${TARGET_PEAK_MB} MB${refCaveat}${tenK} | ${mb(biggest.gate.peakKb)} | ${mark(biggest.gate.peakKb / 1024 < TARGET_PEAK_MB)} |`);
  out.push('');

  out.push('## Where the gate\'s time goes');
  out.push('');
  out.push('From one more run with a wrapper first on PATH that logs when each git process starts and ends (it adds ~2 ms per call):');
  out.push('');
  out.push('| configs | wall time | spawn → first git | git processes (wall covered) | by git command | node without git |');
  out.push('| ---: | ---: | ---: | ---: | --- | ---: |');
  for (const size of sizesDone) {
    const t = size.trace;
    out.push(
      `| ${count(size.n)} | ${ms(size.traced.wallMs)} | ${ms(t.firstGitMs)} | ${t.gitProcesses} (${ms(t.gitMs)}) | ` +
        `${t.groups.map(([verb, group]) => `${verb} ×${group.count} ${ms(group.ms)}`).join(', ')} | ${ms(t.outsideMs)} |`,
    );
  }
  out.push('');
  for (const size of sizesDone) {
    const phases = size.floor.summary.phases;
    out.push(`Floor at ${count(size.n)}: ${Object.entries(phases).map(([name, value]) => `${name} ${ms(value)}`).join(', ')} (inside the process; node start-up is the rest).`);
  }
  out.push('');
  for (const profile of [...profiles].sort((a, b) => a.order - b.order)) {
    out.push(`CPU profile of the gate, ${profile.title} (\`node --cpu-prof dist/index.js\`, ${ms(profile.totalMs)} sampled), self time:`);
    out.push('');
    out.push('| by bundled module | self time | share |');
    out.push('| --- | ---: | ---: |');
    for (const [name, value] of profile.modules) out.push(`| ${name} | ${ms(value)} | ${Math.round((100 * value) / profile.totalMs)}% |`);
    out.push('');
    out.push('| by function | self time |');
    out.push('| --- | ---: |');
    for (const [name, value] of profile.functions) out.push(`| \`${name.replace(/\|/g, '\\|')}\` | ${ms(value)} |`);
    out.push('');
    if (profile.phases) out.push(...renderPhases(profile.phases));
  }

  out.push('## Start-up');
  out.push('');
  out.push('| measure | value |');
  out.push('| --- | ---: |');
  out.push(`| \`node dist/index.js\` spawned → its first git call (median of ${startup.firstGitRuns.length}, with a token: as on a runner) | ${ms(startup.firstGitMs)} |`);
  out.push(`| the same without a token (\`github-token: ''\`: the GitHub SDK is not loaded) | ${ms(startup.tokenlessMs)} |`);
  out.push(`| the same for \`node -e\` that only starts git (Node's own start-up) | ${ms(startup.nodeBaselineMs)} |`);
  const size = (part) => `${(part.bytes / 1024).toFixed(0)} KiB in ${part.files} file${part.files > 1 ? 's' : ''} (${(part.gzip / 1024).toFixed(0)} KiB gzip -9)`;
  out.push(`| bundle loaded at start: dist/index.js and the chunks it imports | ${size(startup.bundle.eager)} |`);
  if (startup.bundle.lazy.files > 0) out.push(`| chunks behind \`import()\` (loaded on demand, e.g. with a token) | ${size(startup.bundle.lazy)} |`);
  out.push('');

  if (loaderRows.length > 0) {
    out.push('## Loader layer');
    out.push('');
    out.push(
      `The gate with \`loader: ${LOADER_COMMAND}\` (PyYAML${machine.libyaml ? ' CSafeLoader' : ''} and checks in code; no schema). The PR's ` +
        'loader refuses k services spread over the N, which the schema would accept and the base\'s loader loads. It says which on stderr ' +
        'and exits 1, so the gate splits batches to attribute the failures; the "JSON lines" row prints a JSON line per failing config ' +
        'instead (`{"file", "ok": false, "message"}`, nothing for the configs that load). These runs judge the base only (`release: none`); ' +
        'the last row per size adds the release (the default `release: latest`). "Loader processes" is the report\'s ' +
        '`loader.processes`: every process the gate started, the PR\'s loader on the base\'s (and the release\'s) configs and the base\'s ' +
        'loader on the configs it must judge again. "Loader running" and "git running": wall time during which at least one such ' +
        'process ran (from wrappers on PATH).',
    );
    out.push('');
    out.push('| configs | k failing | refs | loader processes | more than k = 0 | k·⌈log₂ N⌉ | broken | verdict | wall time | loader running | git running | peak memory |');
    out.push('| ---: | ---: | :---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const row of loaderRows) {
      const zero = loaderRows.find((other) => other.n === row.n && other.k === 0 && other.refs === 1);
      const more = row.k === 0 || !zero ? '—' : `+${count(row.processes - zero.processes)}`;
      out.push(
        `| ${count(row.n)} | ${row.k}${row.json ? ' (JSON lines)' : ''} | ${row.refs === 1 ? 'base' : 'base + release'} | ${count(row.processes)} | ${more} | ` +
          `${row.k === 0 || row.json ? '—' : count(row.k * Math.ceil(Math.log2(row.n)))} | ` +
          `${count(row.broken)} | ${row.verdict} | ${ms(row.wallMs)} | ${ms(row.loaderMs)} | ${ms(row.gitMs)} | ${mb(row.peakKb)} |`,
      );
    }
    out.push('');
  }
  if (notes.length > 0) {
    out.push('## Notes');
    out.push('');
    for (const note of notes) out.push(`- ${note}`);
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  // Short folder names: the loader gets config paths under RUNNER_TEMP, and the length of those
  // paths sets how many fit in one loader process (a runner's is /home/runner/work/_temp).
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cgb-'));
  const api = await startApi();
  const sizesDone = [];
  const loaderRows = [];
  const notes = [];
  let startup;
  const profiles = [];
  const started = clock();
  const checkJsonschema = args['no-check-jsonschema'] ? undefined : findCheckJsonschema(notes);
  if (!TASKSET && CORES > 1) notes.push('taskset is not on PATH: the gate was not also measured on one core.');
  try {
    log(`start-up: ${STARTUP_CONFIGS} configs, 5 traced runs with a token and 5 without`);
    const small = await buildRepository(path.join(scratch, 'startup'), STARTUP_CONFIGS);
    await writeWrappers(path.join(small.root, 'wrappers'));
    api.state.repo = small;
    startup = await measureStartup(small, api, 5);
    if (!args.keep) await rm(small.root, { recursive: true, force: true });
    for (const n of sizes) {
      log(`N=${n}: generating the repositories`);
      const t = clock();
      const repo = await buildRepository(path.join(scratch, `n${n}`), n);
      await writeWrappers(path.join(repo.root, 'wrappers'));
      api.state.repo = repo;
      log(`N=${n}: generated in ${ms(clock() - t)}; tracing one gate run`);
      const traced = await runGate(repo, api, { inputs: SCHEMA_INPUTS, trace: true });
      if (traced.report.verdict !== 'pass' || traced.report.counts.configs !== n) {
        throw new Error(`the gate should pass ${n} configs, got ${traced.report.verdict} with ${traced.report.counts.configs} configs`);
      }
      const refs = judgedRefs(repo, traced);
      if (refs.length < 2 && !notes.some((note) => note.startsWith('The action reports no release'))) {
        notes.push(
          `The action reports no release (\`outputs.release\` is empty with \`release: ${args.release ?? actionDefaults(TOKEN).release}\`), so it judges the base only; ` +
            'the floor and the hand-written pipeline then read the base only too. Once the action reports the release, every pipeline reads both refs.',
        );
      }
      const runs = runsFor(n);
      const expected = n * refs.length;
      const loaderFiles = args['no-loader'] ? undefined : await exportForLoaderFloor(repo, refs);
      const parts = [
        ['gate', () => runGate(repo, api, { inputs: SCHEMA_INPUTS })],
        ...(TASKSET && CORES > 1 ? [['gate1', () => runGate(repo, api, { inputs: SCHEMA_INPUTS, oneCore: true })]] : []),
        ['floor', () => runFloor(repo, refs, 'js-yaml')],
        ['yamlFloor', () => runFloor(repo, refs, 'yaml')],
        ...(args['no-handwritten'] ? [] : [['handwritten', () => runHandwritten(repo, refs)]]),
        ...(checkJsonschema ? [['checkJsonschema', () => runCheckJsonschema(repo, refs, checkJsonschema)]] : []),
        ...(loaderFiles ? [['gateLoader', () => runGate(repo, api, { inputs: LOADER_INPUTS, env: { BENCH_LOADER_REJECT: '' } })], ['loaderFloor', () => runLoaderFloor(repo, loaderFiles)]] : []),
      ];
      log(`N=${n}: refs judged: ${refs.map((ref) => ref.name).join(', ')}; timing ${parts.map(([name]) => name).join(', ')}, alternately (${runs}× each)`);
      // Alternating, so that load from other processes on the machine falls on all alike.
      const results = Object.fromEntries(parts.map(([name]) => [name, []]));
      for (let i = 0; i < runs; i++) {
        for (const [name, run] of parts) results[name].push(await run());
      }
      const medians = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, medianOf(list)]));
      const { floor, yamlFloor, handwritten } = medians;
      log(`N=${n}: ${Object.entries(medians).map(([name, result]) => `${name} ${ms(result.wallMs)}`).join(', ')}`);
      for (const [name, result] of [['js-yaml floor', floor], ['yaml floor', yamlFloor]]) {
        if (result.summary.configs !== expected || result.summary.invalid !== 0 || result.summary.unreadable !== 0) {
          throw new Error(`the ${name} should validate ${expected} configs, all valid: ${JSON.stringify(result.summary)}`);
        }
      }
      if (handwritten && (handwritten.summary.configs !== expected || handwritten.summary.invalid !== 0)) {
        throw new Error(`the hand-written pipeline should validate ${expected} configs, all valid: ${JSON.stringify(handwritten.summary)}`);
      }
      if (medians.checkJsonschema && !medians.checkJsonschema.ok) {
        notes.push(`check-jsonschema at ${count(n)} did not pass every config (${medians.checkJsonschema.output}); its time is still shown.`);
      }
      if (medians.gateLoader && (medians.gateLoader.report.verdict !== 'pass' || judgedRefs(repo, medians.gateLoader).length !== refs.length)) {
        throw new Error(`the gate with the loader should pass on ${refs.length} refs: ${medians.gateLoader.report.verdict}`);
      }
      if (loaderFiles && loaderFiles.length !== expected) throw new Error(`the loader floor should load ${expected} files, got ${loaderFiles.length}`);
      sizesDone.push({ n, runs, refs, ...medians, traced, trace: timeline(traced) });
      if (!args['no-profile'] && n === Math.max(...sizes)) {
        log(`N=${n}: CPU profile of the gate`);
        const dir = path.join(repo.root, 'cpu-profile');
        await runGate(repo, api, { inputs: SCHEMA_INPUTS, cpuProf: dir });
        profiles.push({ order: 0, title: `schema layer, ${count(n)} configs × ${refs.length} refs`, ...(await summarizeProfile(dir)), phases: phaseTableIn(dir) });
      }
      if (!args['no-loader']) {
        loaderRows.push(...(await loaderLayer(repo, api)));
        if (!args['no-profile'] && n === Math.min(...sizes)) {
          log(`N=${n}: CPU profile of the gate with the loader (k=0)`);
          const dir = path.join(repo.root, 'cpu-profile-loader');
          await runGate(repo, api, { inputs: LOADER_INPUTS, env: { BENCH_LOADER_REJECT: '' }, cpuProf: dir });
          profiles.push({ order: 1, title: `loader layer, ${count(n)} configs × 2 refs, k = 0`, ...(await summarizeProfile(dir)), phases: phaseTableIn(dir) });
        }
      }
      if (!args.keep) await rm(repo.root, { recursive: true, force: true });
    }
  } finally {
    await api.close();
    if (args.keep) log(`kept ${scratch}`);
    else await rm(scratch, { recursive: true, force: true });
  }
  notes.push(
    'The floor and the hand-written pipeline read the bare origin, which holds every ref; the gate starts from the shallow checkout and ' +
      'fetches what it needs, as on a runner. The floors parse with js-yaml (its core schema with merge keys) or with the `yaml` package, ' +
      'and validate with ajv (draft-07, ajv-formats) as the gate does, without the gate\'s safety checks, positions or report. ' +
      'check-jsonschema exports each ref with `git archive | tar -x` (timed) and checks every file in one process.',
  );
  notes.push(
    `The hand-written pipeline: \`git ls-tree\`, then a bash loop running \`git show <ref>:<path>\` once per config into files, then ` +
      '`python3 scripts/bench-handwritten.py` (PyYAML `yaml.safe_load`, one jsonschema `Draft7Validator` with its format checker).',
  );
  notes.push(`Total bench time: ${ms(clock() - started)}.`);
  const markdown = render({ sizesDone, startup, loaderRows, profiles, notes });
  console.log(markdown);
  if (!args['no-write']) {
    const file = path.resolve(args.out ?? RESULTS);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, markdown + '\n');
    log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

await main();
