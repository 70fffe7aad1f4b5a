import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { readJsonText } from '../../configs/parse/index.js';
import type { LoaderTarget } from './copies.js';

/**
 * The JSON-lines protocol: a loader may print `{"file", "ok", "message"}` on stdout, one line per
 * config, to judge the configs it names (by the copy's path, its real path, the repository path,
 * or a path relative to the working directory).
 */

/** What a loader said about one config in a JSON line. */
export interface LoaderLine {
  ok: boolean;
  message?: string;
}

/** A reported message longer than this is cut, with `…`. */
const REPORTED_MESSAGE_MAX_CHARS = 2000;

/** Reads one line of the protocol; anything else the loader prints is not a report. */
export function parseReport(line: string): { file: string; ok: boolean; message?: string } | undefined {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const read = readJsonText(text);
  if (!read.ok) return undefined;
  const { value } = read;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { file, ok, message } = value as Record<string, unknown>;
  if (typeof file !== 'string' || typeof ok !== 'boolean') return undefined;
  const words = typeof message === 'string' ? message.trim() : undefined;
  return {
    file,
    ok,
    message: words && words.length > REPORTED_MESSAGE_MAX_CHARS ? `${words.slice(0, REPORTED_MESSAGE_MAX_CHARS)}…` : words,
  };
}

/** Names a loader may use for a config in its JSON lines, and where relative names start. */
export interface TargetIndex {
  byName: Map<string, LoaderTarget>;
  cwd: string;
}

/** Names a loader may use for a config in its JSON lines: the copy, its real path, the repository path. */
export async function indexTargets(targets: LoaderTarget[], cwd: string): Promise<TargetIndex> {
  const byName = new Map<string, LoaderTarget>();
  const real = await Promise.all(targets.map((target) => target.realFile ?? realpath(target.file).catch(() => target.file)));
  targets.forEach((target, index) => {
    byName.set(target.path, target);
    byName.set(real[index]!, target);
  });
  for (const target of targets) byName.set(target.file, target);
  return { byName, cwd: path.resolve(cwd) };
}

function findTarget(index: TargetIndex, name: string): LoaderTarget | undefined {
  return (
    index.byName.get(name) ??
    index.byName.get(path.posix.normalize(name)) ??
    index.byName.get(path.resolve(index.cwd, name))
  );
}

/**
 * Collects the reports of one process about the configs of its batch: a config reported twice
 * keeps its failure; lines about configs outside the batch are ignored.
 */
export function reportCollector(
  index: TargetIndex,
  batch: LoaderTarget[],
): { onLine: (line: string) => void; reports: Map<LoaderTarget, LoaderLine> } {
  const inBatch = new Set(batch);
  const reports = new Map<LoaderTarget, LoaderLine>();
  const onLine = (line: string) => {
    const report = parseReport(line);
    if (!report) return;
    const target = findTarget(index, report.file);
    if (!target || !inBatch.has(target)) return;
    const earlier = reports.get(target);
    if (!earlier || (earlier.ok && !report.ok)) reports.set(target, { ok: report.ok, message: report.message });
  };
  return { onLine, reports };
}

/** Splits a byte stream into lines without holding more than `max` bytes of one line. */
export class LineScanner {
  private partial: Buffer[] = [];
  private size = 0;
  private overflowed = false;

  constructor(
    private readonly max: number,
    private readonly onLine: (line: string) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, newline));
      this.flush();
      start = newline + 1;
    }
    this.append(chunk.subarray(start));
  }

  end(): void {
    this.flush();
  }

  private append(piece: Buffer): void {
    if (this.overflowed || piece.length === 0) return;
    if (this.size + piece.length > this.max) {
      this.overflowed = true;
      this.partial = [];
      this.size = 0;
      return;
    }
    this.partial.push(Buffer.from(piece));
    this.size += piece.length;
  }

  private flush(): void {
    const line = this.overflowed || this.size === 0 ? undefined : Buffer.concat(this.partial).toString('utf8');
    this.partial = [];
    this.size = 0;
    this.overflowed = false;
    if (line !== undefined) this.onLine(line);
  }
}
