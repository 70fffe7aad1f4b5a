import { parseArgs } from 'node:util';
import { GateError, type Naming } from '../errors.js';
import { INPUT_DEFAULTS, type InputReader } from '../settings.js';

/** The CLI's commands: one today. */
export const COMMANDS = ['check'] as const;

/** Every flag of `compat-gate check`: node:util's parseArgs options, and the words --help shows. */
export const OPTIONS = {
  configs: { type: 'string', multiple: true },
  schema: { type: 'string' },
  'schema-ref-map': { type: 'string', multiple: true },
  'check-formats': { type: 'boolean', default: isTrue(INPUT_DEFAULTS['check-formats']) },
  'no-check-formats': { type: 'boolean' },
  loader: { type: 'string' },
  'loader-timeout': { type: 'string', default: INPUT_DEFAULTS['loader-timeout'] },
  migrate: { type: 'string' },
  'loader-jobs': { type: 'string', default: INPUT_DEFAULTS['loader-jobs'] },
  suite: { type: 'string' },
  'suite-configs': { type: 'string', multiple: true },
  'suite-timeout': { type: 'string', default: INPUT_DEFAULTS['suite-timeout'] },
  base: { type: 'string' },
  release: { type: 'string', multiple: true },
  'fail-on-drift': { type: 'boolean', default: isTrue(INPUT_DEFAULTS['fail-on-drift']) },
  title: { type: 'string' },
  label: { type: 'string', multiple: true },
  'ack-labels': { type: 'string', default: INPUT_DEFAULTS['ack-labels'] },
  'acknowledge-with': { type: 'string', default: INPUT_DEFAULTS['acknowledge-with'] },
  acknowledgements: { type: 'string', default: INPUT_DEFAULTS.acknowledgements },
  'ack-must-reach-release': { type: 'boolean', default: isTrue(INPUT_DEFAULTS['ack-must-reach-release']) },
  'yaml-version': { type: 'string', default: INPUT_DEFAULTS['yaml-version'] },
  'working-directory': { type: 'string', short: 'C', default: INPUT_DEFAULTS['working-directory'] },
  json: { type: 'boolean', default: false },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The flag that sets an action input (they share action.yml's names). */
const FLAG_OF_INPUT: Record<string, string> = { 'check-formats': 'no-check-formats' };

/** The CLI's words: flags, not action inputs. */
export const CLI_NAMING: Naming = {
  edge: 'cli',
  setting(name) {
    const flag = FLAG_OF_INPUT[name] ?? name;
    return flag in OPTIONS ? `\`--${flag}\` flag` : `\`${name}\` setting (an action input; the CLI has no flag for it)`;
  },
};

export type Values = ReturnType<typeof parse>['values'];

/**
 * Parses `compat-gate check …` strictly: an unknown command or flag, a flag without its value
 * and any argument that is not a flag's value is a GateError (exit 2), never ignored. An
 * unquoted glob the shell expanded shows up as such arguments; the error says how to quote it.
 */
export function parseCommandLine(argv: string[]): { command?: string; values: ReturnType<typeof parse>['values'] } {
  const { values, positionals, tokens } = parse(argv);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    if (!(token.name in OPTIONS)) {
      const names = Object.keys(OPTIONS).map((name) => `--${name}`);
      throw new GateError(`unknown flag \`${flag}\`${didYouMean(flag.startsWith('--') ? flag : `--${token.name}`, names)}`, 'See `compat-gate --help` for every flag.');
    }
    const option = OPTIONS[token.name as keyof typeof OPTIONS];
    if (option.type === 'string' && token.value === undefined) {
      throw new GateError(`the flag \`${flag}\` needs a value.`, 'See `compat-gate --help`.');
    }
    if (option.type === 'boolean' && token.value !== undefined) {
      throw new GateError(`the flag \`${flag}\` takes no value (given \`${token.value}\`).`, `Write \`${flag}\` alone.`);
    }
  }
  if (values.help || values.version) return { values };
  const [command, ...rest] = positionals;
  if (command === undefined) return { values };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new GateError(`unknown command \`${command}\`${didYouMean(command, COMMANDS)}`, 'See `compat-gate --help`.');
  }
  if (rest.length) throw strayArgument(argv, tokens);
  return { command, values };
}

function parse(argv: string[]) {
  // strict: false so that every token is seen and named in the error, not just the first.
  return parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
}

type Token = ReturnType<typeof parse>['tokens'][number];

/** An argument nothing asked for; after a flag's value it is most likely an unquoted glob. */
function strayArgument(argv: string[], tokens: Token[]): GateError {
  const positional = tokens.filter((token) => token.kind === 'positional');
  const at = tokens.indexOf(positional[1]!);
  const stray = positional[1]!.value;
  // The flag whose value the stray arguments follow, and those arguments.
  let start = at;
  while (start > 0 && tokens[start - 1]?.kind === 'positional') start--;
  const flag = tokens[start - 1];
  if (flag?.kind === 'option' && flag.value !== undefined && OPTIONS[flag.name as keyof typeof OPTIONS]?.type === 'string') {
    const after = tokens.slice(start);
    const end = after.findIndex((token) => token.kind !== 'positional');
    const strays = (end === -1 ? after : after.slice(0, end)).filter((token) => token.kind === 'positional');
    const files = [flag.value, ...strays.map((token) => token.value)];
    const glob = globOf(files);
    const args = argv.map((arg, index) => {
      if (index === flag.index) return flag.inlineValue ? `${flag.rawName}=${shellQuote(glob)}` : arg;
      return index === flag.index + 1 && !flag.inlineValue ? shellQuote(glob) : shellWord(arg);
    });
    const command = ['compat-gate', ...args.filter((_, index) => !strays.some((token) => token.index === index))].join(' ');
    return new GateError(
      `unexpected argument \`${stray}\`: quote your globs. The shell expanded the glob of \`${flag.rawName}\` into ${files.length} files, and compat-gate must see the pattern itself to match it in each ref.`,
      `Run it quoted: ${command}`,
    );
  }
  return new GateError(`unexpected argument \`${stray}\`: every value belongs to a flag (quote your globs, e.g. \`--configs 'conf/*.yaml'\`).`, 'See `compat-gate --help`.');
}

/** A word quoted for a POSIX shell. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A word as typed: quoted only when the shell would split or expand it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : shellQuote(word);
}

/** A glob matching the files a shell expanded: their common folder, `*`, their common extension. */
function globOf(files: string[]): string {
  const dirs = files.map((file) => file.slice(0, file.lastIndexOf('/') + 1));
  const dir = dirs.every((d) => d === dirs[0]) ? dirs[0]! : '**/';
  const exts = files.map((file) => /\.[^./]+$/.exec(file)?.[0] ?? '');
  const ext = exts.every((e) => e === exts[0]) ? exts[0]! : '';
  return `${dir}*${ext}`;
}

/** ": did you mean `x`?" for the nearest candidate within a few edits, else '.'. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(given, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(given.length / 3)) ? `: did you mean \`${best}\`?` : '.';
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** An action.yml boolean default as a flag's default. */
function isTrue(value: string): boolean {
  return value === 'true';
}

/**
 * The flags as the action's inputs: the same names, a repeated flag one value a line, a boolean
 * `true` or `false`. The inputs a terminal has no use for keep what the CLI has always done: no
 * comment, no token, no `pull_request_target`.
 */
export function flagInputs(values: Values): InputReader {
  const text = (name: string): string => {
    switch (name) {
      case 'check-formats':
        return String(values['check-formats'] === true && values['no-check-formats'] !== true);
      case 'fail-on-drift':
      case 'ack-must-reach-release':
        return String(values[name] === true);
      case 'comment':
        return 'never';
      case 'allow-pull-request-target':
        return 'false';
      case 'github-token':
      case 'shard':
      case 'merge-reports':
        return '';
      default:
        return name in values ? flagValues(values[name as keyof Values]).join('\n') : '';
    }
  };
  return text;
}

function flagValues(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
}
