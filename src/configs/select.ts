import picomatch from 'picomatch';
import { GateError, errorMessage } from '../errors.js';

/** The `configs` input: globs of repository paths to judge, and globs to leave out. */
export interface ConfigPatterns {
  include: string[];
  exclude: string[];
}

const PATTERNS_HINT =
  'Give one glob a line (or comma-separated), relative to the repository root, e.g. `distributions/*/run.yaml` or `**/*.yml`; `!pattern` leaves paths out.';

/**
 * Parses the `configs` input: one pattern a line or comma-separated (a comma inside `{a,b}`
 * belongs to the pattern), blank lines and `#` lines ignored, `!pattern` excludes, a
 * leading `./` or `/` dropped, and `dir/` read as `dir/**`. Throws GateError when no
 * pattern includes anything.
 */
export function parsePatterns(input: string): ConfigPatterns {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const rawLine of input.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    for (const entry of splitOutsideBraces(line)) {
      const negated = entry.startsWith('!');
      const pattern = normalize(negated ? entry.slice(1).trim() : entry);
      if (pattern === '') {
        throw new GateError((n) => `The ${n.setting('configs')} has an empty pattern: "${entry}".`, PATTERNS_HINT);
      }
      const list = negated ? exclude : include;
      if (!list.includes(pattern)) list.push(pattern);
    }
  }
  if (include.length === 0) {
    const what = exclude.length > 0 ? 'only excludes paths (`!pattern`)' : 'has no pattern';
    throw new GateError((n) => `The ${n.setting('configs')} ${what}: nothing would be checked.`, PATTERNS_HINT);
  }
  return { include, exclude };
}

/**
 * Compiles patterns once into a test of repository paths (`a/b/c.yaml`). Globs are
 * picomatch's with `dot: true`, as GitHub's workflow `paths` filters: `*` stays within a
 * directory, `**` crosses them, `{a,b}` alternates, and dot directories match.
 */
export function createMatcher(patterns: ConfigPatterns): (path: string) => boolean {
  const include = compile(patterns.include);
  const exclude = patterns.exclude.length > 0 ? compile(patterns.exclude) : undefined;
  if (!exclude) return (path) => include.test(path);
  return (path) => include.test(path) && !exclude.test(path);
}

/** One regular expression for all the patterns: one test a path for a tree of 100k entries. */
function compile(patterns: string[]): RegExp {
  const sources = patterns.map((pattern) => {
    try {
      return picomatch.makeRe(pattern, { dot: true }).source;
    } catch (error) {
      const reason = errorMessage(error);
      throw new GateError(`The \`configs\` pattern "${pattern}" is not a valid glob (${reason}).`, PATTERNS_HINT);
    }
  });
  // `s`: picomatch's `**` is built from `.`, and a file name may hold a newline (git allows it).
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), 's');
}

function normalize(entry: string): string {
  const pattern = entry.replace(/^(?:\.\/|\/)+/, '');
  return pattern.endsWith('/') ? `${pattern}**` : pattern;
}

/** Splits at commas that are not inside `{…}` and not escaped (`\,`), trimming each part. */
function splitOutsideBraces(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && depth > 0) depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** One of n stable slices of the configs, for a matrix of jobs (`shard: i/n`, 1-based). */
export interface Shard {
  index: number;
  total: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); throws a GateError saying the form it takes. */
export function parseShard(input: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(input);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new GateError(`The \`shard\` input is \`${input}\`.`, 'Use `i/n` with 1 ≤ i ≤ n, e.g. `${{ matrix.shard }}/4`.');
  }
  return { index, total };
}

/**
 * Whether a path belongs to a shard. The split hashes the path (FNV-1a), so it does not
 * move when other configs are added or removed, and a path has the same shard in every ref.
 */
export function inShard(path: string, shard: Shard): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shard.total === shard.index - 1;
}
