// The bench's flags and fixed names: what to run (sizes, runs, loader k, parts to skip), the
// generated project's paths and PR, the targets the results are judged against, and the log.
// Importing it parses the command line (--help prints the usage and exits).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ACTION = path.join(ROOT, 'dist', 'index.js');
export const FLOOR = path.join(ROOT, 'scripts', 'bench-floor.mjs');
export const HANDWRITTEN = path.join(ROOT, 'scripts', 'bench-handwritten.py');
export const RESULTS = path.join(ROOT, 'bench', 'results.md');
export const GNU_TIME = '/usr/bin/time';

export const CONFIGS_GLOB = 'services/*/config.yaml';
export const SCHEMA_PATH = 'schema/service.schema.json';
export const LOADER_PATH = 'loader/load_config.py';
export const LOADER_COMMAND = `python3 ${LOADER_PATH}`;
export const RELEASE_TAG = 'v1.0.0';
export const PR_NUMBER = 1;
export const PR_BRANCH = 'feature/observability';
export const PR_TITLE = 'feat: accept an optional observability block';
export const OWNER = 'acme';
export const REPO = 'services';
export const TOKEN = 'ghs_BenchToken0000000000000000000000000';

// compat-gate's performance targets (configs × 2 refs), each at the sizes it is set for: the
// schema layer within 1.5× of the js-yaml floor and 20× faster than the hand-written pipeline at
// 2,000 and 10,000, peak memory at 10,000; the loader layer within 1.5× of one loader process at
// 4,000 and 10,000.
export const TARGET_FLOOR_RATIO = 1.5;
export const TARGET_HANDWRITTEN_RATIO = 20;
// The loader layer: the gate with a loader within this of one loader process over the same files.
export const TARGET_LOADER_FLOOR_RATIO = 1.5;
export const TARGET_SIZES = { floor: [2000, 10_000], handwritten: [2000, 10_000], peak: [10_000], loader: [4000, 10_000] };
export const CORES = os.cpus().length;
export const TASKSET = tryRunEarly('sh', ['-c', 'command -v taskset']);

function tryRunEarly(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
export const TARGET_PEAK_MB = 300;

export const { values: args } = parseArgs({
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
      '  --sizes 500,2000     config counts to generate (default 500,2000,4000,10000; --quick: 500)',
      '  --runs N             timed runs of the gate and the floor per size, median reported (default 3 up to 4,000 configs, else 1)',
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
export const sizes = list(args.sizes ?? (args.quick ? '500' : '500,2000,4000,10000')).map(Number);
const runsOption = args.runs === undefined ? undefined : Number(args.runs);
/** Timed runs of the gate and the floor at one size: 3 up to 4,000 configs, 1 above (they take long). */
export const runsFor = (n) => runsOption ?? (args.quick || n > 4000 ? 1 : 3);
export const loaderKs = list(args['loader-k'] ?? (args.quick ? '1' : '1,4,16')).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runsOption === undefined || runsOption >= 1) || loaderKs.some((k) => !Number.isInteger(k) || k < 1)) {
  fail('--sizes, --runs and --loader-k take positive integers, e.g. --sizes 1000,10000 --runs 3 --loader-k 1,4,16');
}

function list(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

export function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export const clock = () => performance.timeOrigin + performance.now();
