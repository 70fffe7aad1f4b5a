import { type Child, type Delta, EMPTY, type Pair, type Result, type SchemaChange, keyOf } from './model.js';
import { escapePointerToken } from '../../configs/parse/index.js';

/**
 * Whether a change can explain a finding at `findingPointer` (a JSON pointer into a config):
 * `*` in the change's path matches any one token, and a finding anywhere under the change's
 * path matches (`required` added at `/server` explains a finding at `/server/storage`).
 */
export function changeMatches(change: SchemaChange, findingPointer: string): boolean {
  const expected = tokens(change.instancePath);
  const found = tokens(findingPointer.startsWith('#') ? findingPointer.slice(1) : findingPointer);
  if (found.length < expected.length) return false;
  return expected.every((token, index) => token === '*' || token === found[index]);
}

export function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.replace(/^\//, '').split('/');
}

/** A path segment that stands for any array item or any property name. */
export const ANY = Symbol('any');

export type Segment = string | typeof ANY;

/** How a change names its place in a config, for messages. */
export interface Place {
  /** The instance path itself. */
  path: string;
  /** "`/server`", or "the document" for the root. */
  subject: string;
  /** "in `/server`", or "at the top level". */
  in: string;
}

export function placeOf(instancePath: string): Place {
  return instancePath === ''
    ? { path: instancePath, subject: 'the document', in: 'at the top level' }
    : { path: instancePath, subject: `\`${instancePath}\``, in: `in \`${instancePath}\`` };
}

/**
 * Most instance paths a changed keyword is reported at. A definition reached through many `$ref`
 * chains has a number of paths that grows with every level; the shortest ones are kept.
 */
export const MAX_PATHS_PER_CHANGE = 32;

/** Most results visited while looking for more paths of one changed keyword. */
export const PLACEMENT_BUDGET = 5_000;

export function renderPath(path: Segment[]): string {
  return path.map((segment) => `/${segment === ANY ? '*' : escapePointerToken(segment)}`).join('');
}

/** The place of a change found under `place`, `path` deeper. */
export function deeper(place: Place, path: Segment[]): Place {
  return path.length === 0 ? place : placeOf(place.path + renderPath(path));
}

/**
 * Places the changes of a result at instance paths: every change at its shortest path first
 * (pairs left for later are compared then, from a fresh stack), then more paths for each
 * changed keyword, nearest first, up to MAX_PATHS_PER_CHANGE.
 */
export function place(root: Result, compareLater: (pair: Pair) => Result): Array<{ delta: Delta; path: Segment[] }> {
  const placed: Array<{ delta: Delta; path: Segment[] }> = [];
  const counts = new Map<string, number>();
  const pathsOf = new Map<Delta, Set<string>>();
  const emit = (delta: Delta, path: Segment[]): void => {
    const key = keyOf(delta);
    const rendered = renderPath(path);
    let paths = pathsOf.get(delta);
    if (!paths) pathsOf.set(delta, (paths = new Set()));
    if (paths.has(rendered)) return;
    paths.add(rendered);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    placed.push({ delta, path });
  };
  const resolve = (child: Child): Result => (child.result ??= child.cut ? compareLater(child.cut) : EMPTY);

  const owners = new Map<string, Result[]>();
  const parents = new Map<Result, Array<{ parent: Result; weight: number }>>();
  const visited = new Set<Result>([root]);
  const queue: Array<{ result: Result; path: Segment[] }> = [{ result: root, path: [] }];
  for (let index = 0; index < queue.length; index++) {
    const { result, path } = queue[index] as { result: Result; path: Segment[] };
    for (const delta of result.deltas) {
      emit(delta, path);
      const key = keyOf(delta);
      const list = owners.get(key);
      if (!list) owners.set(key, [result]);
      else if (list[list.length - 1] !== result) list.push(result);
    }
    for (const child of result.children) {
      const inner = resolve(child);
      const edges = parents.get(inner);
      if (edges) edges.push({ parent: result, weight: child.path.length });
      else parents.set(inner, [{ parent: result, weight: child.path.length }]);
      if (visited.has(inner)) continue;
      visited.add(inner);
      queue.push({ result: inner, path: [...path, ...child.path] });
    }
  }

  for (const [key, keyOwners] of owners) {
    if ((counts.get(key) ?? 0) >= MAX_PATHS_PER_CHANGE) continue;
    // Distance from each result to the nearest place of this change (a 0-1 BFS: a child is 0 or 1 segment down).
    const distance = new Map<Result, number>(keyOwners.map((owner) => [owner, 0]));
    const deque = [...keyOwners];
    while (deque.length > 0) {
      const node = deque.shift() as Result;
      const here = distance.get(node) ?? 0;
      for (const { parent, weight } of parents.get(node) ?? []) {
        if (here + weight >= (distance.get(parent) ?? Infinity)) continue;
        distance.set(parent, here + weight);
        if (weight === 0) deque.unshift(parent);
        else deque.push(parent);
      }
    }
    if (!distance.has(root)) continue;
    const stack: Array<{ result: Result; path: Segment[] }> = [{ result: root, path: [] }];
    for (let steps = 0; stack.length > 0 && steps < PLACEMENT_BUDGET && (counts.get(key) ?? 0) < MAX_PATHS_PER_CHANGE; steps++) {
      const { result, path } = stack.pop() as { result: Result; path: Segment[] };
      for (const delta of result.deltas) if (keyOf(delta) === key) emit(delta, path);
      const next = result.children
        .filter((child) => child.result !== undefined && distance.has(child.result))
        .map((child) => ({ child, far: child.path.length + (distance.get(child.result as Result) ?? 0) }))
        .sort((a, b) => b.far - a.far);
      for (const { child } of next) stack.push({ result: child.result as Result, path: [...path, ...child.path] });
    }
  }
  return placed;
}
