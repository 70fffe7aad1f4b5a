import { readFile, stat } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DEFAULT_MAX_BYTES, escapePointerToken, locate, parsePointer, readConfig, type Position } from '../configs/parse/index.js';
import { createMatcher, parsePatterns } from '../configs/select.js';
import { GateError } from '../errors.js';

/** Where the acknowledgements file lives unless the `acknowledgements` input says otherwise. */
export const DEFAULT_ACKNOWLEDGEMENTS_FILE = '.github/compat-gate-acknowledged.yaml';

/** The layers an entry with `paths` may name. */
export const ACK_LAYERS = ['schema', 'loader', 'suite'] as const;

/**
 * The JSON Schema of the acknowledgements file, as `schemas/acknowledgements.schema.json` ships
 * it (a test keeps the two equal). Either a list of entries, or `{acknowledgements: [...]}`.
 */
export const ACKNOWLEDGEMENTS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://raw.githubusercontent.com/org/compat-gate/main/schemas/acknowledgements.schema.json',
  title: 'compat-gate acknowledgements',
  description:
    'Breaks of old configs that a repository accepts on purpose, each with a reason. Read by compat-gate from the PR checkout when `acknowledge-with` is `file` or `either`. Either a list of entries, or an object whose `acknowledgements` is that list.',
  if: { type: 'array' },
  then: { items: { $ref: '#/definitions/entry' } },
  else: {
    type: 'object',
    required: ['acknowledgements'],
    additionalProperties: false,
    properties: { acknowledgements: { type: 'array', items: { $ref: '#/definitions/entry' } } },
  },
  definitions: {
    entry: {
      type: 'object',
      description: 'One acknowledged break: by `fingerprint`, or by `paths` and `layer` (every break of that layer in those configs).',
      required: ['reason'],
      additionalProperties: false,
      properties: {
        fingerprint: {
          type: 'string',
          pattern: '^cg[1-9][0-9]*:[0-9a-f]{16}$',
          description: 'The fingerprint compat-gate shows for the break (summary, comment, JSON report), e.g. `cg2:0123456789abcdef`.',
        },
        paths: {
          description: 'A glob of config paths, or a list of globs (`!` excludes), matched against the config\'s path in the release, on the base and now.',
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          ],
        },
        layer: { enum: [...ACK_LAYERS], description: 'Which layer\'s breaks in those configs are acknowledged.' },
        reason: { type: 'string', pattern: '\\S', description: 'Why the break is accepted: kept with the entry and shown when it is used.' },
        expires: {
          type: 'string',
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
          description: 'The last day (UTC, YYYY-MM-DD) on which the entry acknowledges; after it, the break fails again.',
        },
        issue: { type: 'string', pattern: '^https?://\\S+$', description: 'A link to where the break is discussed.' },
      },
      if: { required: ['fingerprint'] },
      then: { not: { anyOf: [{ required: ['paths'] }, { required: ['layer'] }] } },
      else: { required: ['paths', 'layer'] },
    },
  },
} as const;

/** One entry of the acknowledgements file, checked. */
export interface AckEntry {
  /** 1-based, in the file's order. */
  number: number;
  /** Where the entry starts in the file. */
  line?: number;
  fingerprint?: string;
  /** Globs, for an entry by paths and layer. */
  paths?: string[];
  layer?: string;
  reason: string;
  /** YYYY-MM-DD: the last day it acknowledges. */
  expires?: string;
  issue?: string;
}

/** The acknowledgements file as read: absent, or its entries and the form they are written in. */
export type AckFile =
  | { path: string; found: false }
  | { path: string; found: true; form: 'list' | 'mapping'; entries: AckEntry[] };

// Compiled on first use: most runs read no acknowledgements file, and compiling costs ~50 ms.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(ACKNOWLEDGEMENTS_SCHEMA));

const FIX = 'Fix it there: the file\'s format is described by `schemas/acknowledgements.schema.json` and in the README ("Precise acknowledgements").';

/**
 * Reads the acknowledgements file from the PR checkout. A missing file is no entries; a file
 * that cannot be parsed, breaks the schema or holds an impossible date is a GateError naming
 * the file, the line and the fix: a bad file never acknowledges, nor silently passes.
 */
export async function readAcknowledgements(absolutePath: string, shownPath: string): Promise<AckFile> {
  let content: Buffer;
  try {
    // The size first: a huge file is refused before it is read into memory.
    const info = await stat(absolutePath);
    if (info.isFile() && info.size > MAX_ACKNOWLEDGEMENTS_BYTES) {
      throw new GateError(
        `The acknowledgements file \`${shownPath}\` is ${Math.round(info.size / 1024 / 1024)} MiB, more than the ${MAX_ACKNOWLEDGEMENTS_BYTES / 1024 / 1024} MiB compat-gate reads.`,
        'Keep one entry per break: a file of acknowledgements stays small.',
      );
    }
    content = await readFile(absolutePath);
  } catch (error) {
    if (error instanceof GateError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path: shownPath, found: false };
    throw new GateError(
      (n) => `The acknowledgements file \`${shownPath}\` (the ${n.setting('acknowledgements')}) could not be read: ${code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`,
      (n) => `Give the ${n.setting('acknowledgements')} the path of a YAML or JSON file in the PR checkout, relative to the ${n.setting('working-directory')}.`,
    );
  }
  return { path: shownPath, found: true, ...parseAcknowledgements(shownPath, content) };
}

/** The largest acknowledgements file read: the largest config compat-gate reads. */
const MAX_ACKNOWLEDGEMENTS_BYTES = DEFAULT_MAX_BYTES;

/** The reason compat-gate writes in the entries it offers to paste, until a person replaces it. */
export const PLACEHOLDER_REASON = /^\s*TODO\b/i;

/** The entries of an acknowledgements file's bytes (see {@link readAcknowledgements}). */
export function parseAcknowledgements(path: string, content: Buffer): { form: 'list' | 'mapping'; entries: AckEntry[] } {
  const options = { yamlVersion: '1.2' as const };
  const read = readConfig(path, content, options);
  if (!read.ok) {
    throw new GateError(`The acknowledgements file \`${path}\`${at(read.position)}${read.position ? ',' : ''} cannot be read: ${read.message}.`, 'Fix its syntax: it is YAML (or JSON), a list of entries or `acknowledgements:` with the list.');
  }
  if (read.documents.length > 1) {
    throw new GateError(`The acknowledgements file \`${path}\` holds ${read.documents.length} YAML documents.`, 'Keep one document: remove the `---` lines between them.');
  }
  const document = read.documents[0] ?? null;
  // An empty file acknowledges nothing: it is a file a repository starts with, in the list form
  // (the entries offered to paste go in as they are).
  if (document === null) return { form: 'list', entries: [] };
  const where = (pointer: string, target: 'key' | 'value' = 'value') => at(locate(path, content, options, 0, pointer, target));
  const validate = validator();
  if (!validate(document)) {
    const error = mostUseful(validate.errors ?? []);
    const { pointer, words, target } = describeSchemaError(error, document);
    throw new GateError(`The acknowledgements file \`${path}\`${where(pointer, target)}: ${words}.`, FIX);
  }
  const form = Array.isArray(document) ? 'list' : 'mapping';
  const list = (Array.isArray(document) ? document : (document as { acknowledgements: unknown[] }).acknowledgements) as Array<Record<string, unknown>>;
  const prefix = form === 'list' ? '' : '/acknowledgements';
  const entries = list.map((raw, index): AckEntry => {
    const pointer = `${prefix}/${index}`;
    const expires = raw.expires as string | undefined;
    if (expires !== undefined && !isRealDate(expires)) {
      throw new GateError(`The acknowledgements file \`${path}\`${where(`${pointer}/expires`)}: entry ${index + 1} expires on \`${expires}\`, which is not a date.`, 'Write the last day it counts as YYYY-MM-DD, e.g. `2027-01-31`.');
    }
    const line = locate(path, content, options, 0, pointer)?.line;
    // The entries compat-gate offers to paste carry this placeholder: pasted as they are, they
    // would acknowledge a break nobody explained.
    if (typeof raw.reason === 'string' && PLACEHOLDER_REASON.test(raw.reason)) {
      throw new GateError(
        `The acknowledgements file \`${path}\`${where(`${pointer}/reason`)}: entry ${index + 1} still has the placeholder reason compat-gate offered (\`${(raw.reason as string).trim().slice(0, 60)}\`).`,
        'Write why users may lose this and what they must change, in place of the TODO.',
      );
    }
    const paths = raw.paths === undefined ? undefined : typeof raw.paths === 'string' ? [raw.paths] : (raw.paths as string[]);
    if (paths && !globsRead(paths)) {
      throw new GateError(
        `The acknowledgements file \`${path}\`${where(`${pointer}/paths`)}: entry ${index + 1} has \`paths\` that are not globs compat-gate can read (${paths.map((glob) => `\`${glob}\``).join(', ')}).`,
        'Write globs as in the `configs` input: `distributions/*/run.yaml`, `**` for any folders, `{a,b}`, a leading `!` to exclude.',
      );
    }
    return {
      number: index + 1,
      ...(line ? { line } : {}),
      ...(raw.fingerprint !== undefined ? { fingerprint: raw.fingerprint as string } : {}),
      ...(paths ? { paths } : {}),
      ...(raw.layer !== undefined ? { layer: raw.layer as string } : {}),
      reason: (raw.reason as string).trim(),
      ...(expires !== undefined ? { expires } : {}),
      ...(raw.issue !== undefined ? { issue: raw.issue as string } : {}),
    };
  });
  return { form, entries };
}

function at(position: Position | undefined): string {
  return position ? `, line ${position.line}` : '';
}

/** Whether globs compile, with at least one that includes. */
function globsRead(globs: readonly string[]): boolean {
  try {
    const patterns = parsePatterns(globs.join('\n'));
    createMatcher(patterns);
    return patterns.include.length > 0;
  } catch {
    return false;
  }
}

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The error a person should read first: the deepest one, leaving out the `if`/`then` bookkeeping. */
function mostUseful(errors: ErrorObject[]): ErrorObject {
  const real = errors.filter((error) => error.keyword !== 'if');
  const pool = real.length ? real : errors;
  return pool.reduce((best, error) => (error.instancePath.split('/').length > best.instancePath.split('/').length ? error : best), pool[0]!);
}

/** A schema error in words, with the place to point at. */
function describeSchemaError(error: ErrorObject, document: unknown): { pointer: string; words: string; target?: 'key' } {
  const pointer = error.instancePath;
  const entry = /\/(\d+)(?:\/|$)/.exec(pointer);
  const field = /\/\d+\/([^/]+)/.exec(pointer)?.[1];
  const who = entry ? `entry ${Number(entry[1]) + 1}` : 'the file';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      if (pointer === '') return { pointer, words: 'the file is neither a list of entries nor an object with `acknowledgements:`' };
      if (pointer === '/acknowledgements') return { pointer, words: '`acknowledgements` must be a list of entries' };
      if (!field) return { pointer, words: `${who} is not an object (\`fingerprint\` or \`paths\` and \`layer\`, with \`reason\`)` };
      return { pointer, words: `${who}: \`${field}\` must be ${params.type === 'array' ? 'a list' : `a ${String(params.type)}`}` };
    case 'required': {
      const missing = String(params.missingProperty);
      if (pointer === '') return { pointer, words: 'the file has no `acknowledgements:` list' };
      if (missing === 'reason') return { pointer, words: `${who} has no \`reason\`: every acknowledgement says why the break is accepted` };
      if (missing === 'paths' || missing === 'layer') return { pointer, words: `${who} has neither a \`fingerprint\` nor both \`paths\` and \`layer\` (it lacks \`${missing}\`)` };
      return { pointer, words: `${who} has no \`${missing}\`` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return { pointer: `${pointer}/${escapePointerToken(extra)}`, words: `${who === 'the file' ? 'the file has' : `${who} has`} an unknown key \`${extra}\` (known: ${entry ? '`fingerprint`, `paths`, `layer`, `reason`, `expires`, `issue`' : '`acknowledgements`'})`, target: 'key' };
    }
    case 'not':
      return { pointer, words: `${who} has a \`fingerprint\` and \`paths\`/\`layer\`: give one or the other` };
    case 'enum':
      return { pointer, words: `${who}: \`layer\` is \`${String(valueAt(document, pointer))}\`, not one of ${ACK_LAYERS.map((layer) => `\`${layer}\``).join(', ')}` };
    case 'pattern':
    case 'minLength':
    case 'minItems':
    case 'oneOf':
      return { pointer, words: `${who}: ${fieldWords(field, valueAt(document, pointer))}` };
    default:
      return { pointer, words: `${who}: ${error.message ?? 'not valid'}` };
  }
}

function fieldWords(field: string | undefined, value: unknown): string {
  const shown = typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value);
  switch (field) {
    case 'fingerprint':
      return `\`fingerprint\` is ${shown}, not a compat-gate fingerprint (\`cg2:\` and 16 hex digits, as the summary shows it)`;
    case 'reason':
      return '`reason` is empty: say why the break is accepted';
    case 'expires':
      return `\`expires\` is ${shown}, not a date written YYYY-MM-DD`;
    case 'issue':
      return `\`issue\` is ${shown}, not an http(s) URL`;
    case 'paths':
      return '`paths` must be a glob or a non-empty list of globs';
    default:
      return `\`${field ?? 'value'}\` is not valid`;
  }
}

function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const key of parsePointer(pointer) ?? []) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}
