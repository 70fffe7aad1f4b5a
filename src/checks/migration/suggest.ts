import { stringify } from 'yaml';
import type { Finding } from '../evaluate.js';
import type { ChangeDetail, SchemaChange } from '../schema-diff/index.js';
import { changeMatches } from '../schema-diff/index.js';
import { canonical, isObject } from '../schema-diff/resolve.js';
import { parsePointer, pointerOf } from '../../configs/parse/index.js';
import type { CompiledSchema } from '../schema.js';
import type { Migration, Suggestion } from './model.js';

/** Most suggestions kept for one config; the first ones say what to do. */
export const MAX_SUGGESTIONS = 10;
/** A snippet longer than this many lines is cut with `# …`. */
const SNIPPET_LINES = 12;

type Container = Record<string, unknown> | unknown[];

/** The key of a placeholder line in a snippet (see {@link snippet}). */
const GAP = '__compat_gate_gap__';

/** One edit found in one document. */
interface Edit {
  key: string;
  tokens: string[];
  apply(document: unknown): void;
  suggestion: Suggestion;
}

/**
 * The mechanical migration of one broken config from the schema diff: for each breaking change
 * with a {@link ChangeDetail} that one of the config's schema errors falls under, the edit it
 * calls for, where the config holds what the change is about. With the PR's schema, the edited
 * documents are validated again: the message says whether the suggestions are enough.
 * Undefined when no change applies.
 */
export function suggestMigration(
  documents: readonly unknown[],
  findings: readonly Finding[],
  changes: readonly SchemaChange[],
  schema?: CompiledSchema,
): Migration | undefined {
  const edits: Array<Edit & { document: number }> = [];
  const seen = new Set<string>();
  for (const change of changes) {
    if (change.severity !== 'breaking' || !change.detail) continue;
    const hit = findings.filter((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer));
    const inDocuments = new Set(hit.map((finding) => finding.document ?? 0));
    for (const index of inDocuments) {
      for (const edit of editsFor(documents[index], change.instancePath, change.detail)) {
        const key = `${index}|${edit.key}`;
        if (seen.has(key) || edits.length >= MAX_SUGGESTIONS) continue;
        seen.add(key);
        edits.push({ ...edit, document: index, suggestion: { ...edit.suggestion, ...(documents.length > 1 ? { document: index } : {}) } });
      }
    }
  }
  if (edits.length === 0) return undefined;
  const migration: Migration = { status: 'suggested', suggestions: edits.map((edit) => edit.suggestion) };
  if (!schema) return migration;
  const after = documents.map((document) => structuredClone(document));
  for (const edit of edits) edit.apply(after[edit.document]);
  const left = after.flatMap((document) => schema.validate(document));
  return {
    ...migration,
    message:
      left.length === 0
        ? "With these changes the config passes the PR's schema."
        : `With these changes the config still fails the PR's schema${left[0]!.pointer ? ` at \`${left[0]!.pointer}\`` : ''}: ${left[0]!.message}.`,
  };
}

/** The edits a change calls for in one document, at every place its instance path reaches. */
function editsFor(document: unknown, instancePath: string, detail: ChangeDetail): Array<Omit<Edit, 'document'>> {
  const out: Array<Omit<Edit, 'document'>> = [];
  for (const { tokens, value } of reach(document, patternTokens(instancePath))) {
    const where = tokens.length ? `in \`${pointerOf(tokens)}\`` : 'at the top level';
    switch (detail.kind) {
      case 'property-renamed': {
        if (!isObject(value) || !(detail.from in value) || detail.to in value) break;
        const old = value[detail.from];
        out.push({
          key: `rename|${pointerOf(tokens)}|${detail.from}`,
          tokens,
          apply: (doc) => renameKey(at(doc, tokens), detail.from, detail.to),
          suggestion: {
            text: `Rename \`${detail.from}\` to \`${detail.to}\` ${where}`,
            pointer: pointerOf([...tokens, detail.from]),
            before: snippet(document, tokens, { [detail.from]: old }),
            after: snippet(document, tokens, { [detail.to]: old }),
          },
        });
        break;
      }
      case 'property-removed': {
        if (!isObject(value) || !(detail.property in value)) break;
        const old = value[detail.property];
        const same = canonical(old) === canonical(detail.default);
        out.push({
          key: `drop|${pointerOf(tokens)}|${detail.property}`,
          tokens,
          apply: (doc) => {
            const holder = at(doc, tokens);
            if (isObject(holder)) delete holder[detail.property];
          },
          suggestion: {
            text: `Drop \`${detail.property}\` ${where.replace(/^in /, 'from ')}: it is no longer allowed (its old default was ${inline(detail.default)}${same ? ', the value this config sets' : `; this config set ${inline(old)}`})`,
            pointer: pointerOf([...tokens, detail.property]),
            before: snippet(document, tokens, { [detail.property]: old }),
            after: snippet(document, tokens, { [GAP]: `(${detail.property} dropped)` }),
          },
        });
        break;
      }
      case 'property-required': {
        if (!isObject(value) || detail.property in value) break;
        out.push({
          key: `add|${pointerOf(tokens)}|${detail.property}`,
          tokens,
          apply: (doc) => {
            const holder = at(doc, tokens);
            if (isObject(holder)) holder[detail.property] = structuredClone(detail.default);
          },
          suggestion: {
            text: `Add \`${detail.property}\` ${where.replace(/^in /, 'to ')}: it is now required (its default is ${inline(detail.default)})`,
            pointer: pointerOf([...tokens, detail.property]),
            before: snippet(document, tokens, { [GAP]: `(no ${detail.property})` }),
            after: snippet(document, tokens, { [detail.property]: detail.default }),
          },
        });
        break;
      }
      case 'value-renamed': {
        if (tokens.length === 0 || canonical(value) !== canonical(detail.from)) break;
        const parent = tokens.slice(0, -1);
        const last = tokens[tokens.length - 1]!;
        const holder = at(document, parent);
        const wrap = (item: unknown) => (Array.isArray(holder) ? [item] : { [last]: item });
        out.push({
          key: `value|${pointerOf(tokens)}`,
          tokens,
          apply: (doc) => {
            const target = at(doc, parent);
            if (Array.isArray(target)) target[Number(last)] = structuredClone(detail.to);
            else if (isObject(target)) target[last] = structuredClone(detail.to);
          },
          suggestion: {
            text: `Change \`${pointerOf(tokens)}\` from ${inline(detail.from)} to ${inline(detail.to)}`,
            pointer: pointerOf(tokens),
            before: snippet(document, parent, wrap(detail.from)),
            after: snippet(document, parent, wrap(detail.to)),
          },
        });
        break;
      }
    }
  }
  return out;
}

/** The tokens of a change's instance path; `*` stands for any item or property name. */
function patternTokens(instancePath: string): Array<string | null> {
  return (parsePointer(instancePath) ?? []).map((token) => (token === '*' ? null : token));
}

/** Every value of the document a path reaches, `null` tokens matching any item or name. */
function reach(document: unknown, pattern: ReadonlyArray<string | null>): Array<{ tokens: string[]; value: unknown }> {
  let found: Array<{ tokens: string[]; value: unknown }> = [{ tokens: [], value: document }];
  for (const token of pattern) {
    const next: typeof found = [];
    for (const { tokens, value } of found) {
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (token === null || token === String(index)) next.push({ tokens: [...tokens, String(index)], value: item });
        });
      } else if (isObject(value)) {
        for (const key of token === null ? Object.keys(value) : Object.hasOwn(value, token) ? [token] : []) next.push({ tokens: [...tokens, key], value: value[key] });
      }
    }
    found = next;
  }
  return found;
}

function at(document: unknown, tokens: readonly string[]): unknown {
  let value = document;
  for (const token of tokens) {
    if (Array.isArray(value)) value = value[Number(token)];
    else if (isObject(value)) value = value[token];
    else return undefined;
  }
  return value;
}

/** Renames a key where it stands, keeping the order of the others. */
function renameKey(holder: unknown, from: string, to: string): void {
  if (!isObject(holder) || !(from in holder)) return;
  const entries = Object.entries(holder).map(([key, value]): [string, unknown] => [key === from ? to : key, value]);
  for (const key of Object.keys(holder)) delete holder[key];
  for (const [key, value] of entries) holder[key] = value;
}

/**
 * A YAML snippet of `leaf` at the place `tokens` name: the keys leading there, an array item
 * as a one-item list. Cut to SNIPPET_LINES with `# …`.
 */
function snippet(document: unknown, tokens: readonly string[], leaf: Container): string {
  const inArray: boolean[] = [];
  let holder = document;
  for (const token of tokens) {
    inArray.push(Array.isArray(holder));
    holder = at(holder, [token]);
  }
  let value: unknown = leaf;
  for (let index = tokens.length - 1; index >= 0; index--) value = inArray[index] ? [value] : { [tokens[index]!]: value };
  // A key that stands for a line that is not there, written as a comment in its place.
  const text = stringify(value, { lineWidth: 0 })
    .trimEnd()
    .replace(new RegExp(`${GAP}: (.*)$`, 'm'), (_, words: string) => `# ${String(JSON.parse(words.startsWith('"') ? words : JSON.stringify(words)))}`);
  const lines = text.split('\n');
  return lines.length > SNIPPET_LINES ? [...lines.slice(0, SNIPPET_LINES), '# …'].join('\n') : text;
}

function inline(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 59)}…` : text}\``;
}

