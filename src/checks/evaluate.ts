import { realpath, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { documentsOf, type OldConfig } from '../configs/collect.js';
import { runLoader, writeConfigs, type LoaderTarget, type Scratch } from './loader/index.js';
import type { ProcessLanes } from './lanes.js';
import type { CompiledSchema, SchemaIssue } from './schema.js';

/** Why one config does not load: a parse error, a schema violation or the loader's refusal. */
export interface Finding {
  layer: 'parse' | 'schema' | 'loader' | 'suite';
  message: string;
  /** The test of the integration suite that failed (`classname::name`), when it wrote JUnit XML. */
  test?: string;
  /** The last lines the suite printed, when it is judged by its exit code. */
  output?: string;
  /** A test of the suite that failed on the base too: not the PR's break. */
  failedOnBase?: boolean;
  /** JSON pointer into the document (schema findings). */
  pointer?: string;
  /** Which document of a multi-document YAML file, 0-based. */
  document?: number;
  /** Whether the pointer names a property's key (e.g. "not allowed") or its value. */
  target?: 'key' | 'value';
  keyword?: string;
  /** 1-based position in the old file, when known. */
  line?: number;
  column?: number;
  timedOut?: boolean;
}

/** How one side's code is run: a compiled schema, a loader command, or both. */
export interface EvaluatorSetup {
  /** Names the side in messages and in COMPAT_GATE_REF's companion text, e.g. "the PR". */
  label: string;
  schema?: CompiledSchema;
  loader?: { command: string; cwd: string; env: Record<string, string>; timeoutSeconds: number; lanes?: ProcessLanes };
  /** Where the loader's copies of the configs are written, under the folder name `folder`. */
  scratch: Scratch;
  folder: string;
}

/** The result of running one side's code on a set of configs. */
export interface Evaluation {
  /** Per config path: what failed; an empty list means it loads. */
  findings: Map<string, Finding[]>;
  loaderProcesses: number;
  /** Loader processes that lost a port or a lock to another one and were run again alone. */
  retriedAlone?: number;
}

/** Runs one side's schema and loader over readable configs. */
export class Evaluator {
  private runs = 0;

  constructor(readonly setup: EvaluatorSetup) {}

  /** Checks every config; `refLabel` tells the loader (COMPAT_GATE_REF) where they came from. */
  async evaluate(configs: OldConfig[], refLabel: string): Promise<Evaluation> {
    const findings = new Map<string, Finding[]>();
    const readable = configs.filter((config) => config.read.ok);
    for (const config of readable) findings.set(config.path, this.schemaFindings(config));
    let loaderProcesses = 0;
    let retriedAlone = 0;
    const { loader } = this.setup;
    if (loader && readable.length > 0) {
      const files = readable.map((config) => ({ path: config.path, content: config.content }));
      const { dir, targets } = await this.writeCopies(join(this.setup.folder, `run-${++this.runs}`), files);
      const copies = [dir, await realpath(dir).catch(() => dir)];
      // The copies live while the loader runs: in RAM, a large run would otherwise hold them to the end.
      // Safe: a copy that cannot be removed now goes with the run's folders when the run ends.
      const run = await runLoader(targets, { ...loader, refLabel }).finally(() => rm(dir, { recursive: true, force: true }).catch(() => undefined));
      loaderProcesses = run.processes;
      retriedAlone = run.retriedAlone ?? 0;
      for (const [path, result] of run.results) {
        if (result.ok) continue;
        findings.get(path)?.push({
          layer: 'loader',
          message: asRepositoryPaths(result.message ?? 'the loader did not load it', copies),
          ...(result.timedOut ? { timedOut: true } : {}),
        });
      }
    }
    return { findings, loaderProcesses, ...(retriedAlone ? { retriedAlone } : {}) };
  }

  /** Writes the copies in RAM when there is room, else on disk (also when the RAM fills up half-way). */
  private async writeCopies(name: string, files: { path: string; content: Buffer }[]): Promise<{ dir: string; targets: LoaderTarget[] }> {
    const { scratch } = this.setup;
    const { dir, inRam } = await scratch.folder(name, files);
    try {
      return { dir, targets: await writeConfigs(dir, files, { inRam }) };
    } catch (error) {
      if (!inRam) throw error;
      // Safe: what is left of the copies in RAM goes with the run's scratch folder when the run ends.
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      const disk = await scratch.onDisk(name);
      return { dir: disk, targets: await writeConfigs(disk, files) };
    }
  }

  /** Whether {@link schemaFindings} says all this side says: a schema and no loader. */
  get schemaOnly(): boolean {
    return this.setup.schema !== undefined && this.setup.loader === undefined;
  }

  /** What the schema finds in one readable config; with {@link schemaOnly}, the config's whole evaluation. */
  schemaFindings(config: OldConfig): Finding[] {
    const { schema } = this.setup;
    if (!schema || !config.read.ok) return [];
    const found: Finding[] = [];
    const documents = documentsOf(config);
    const multi = documents.length > 1;
    documents.forEach((document, index) => {
      for (const issue of schema.validate(document)) found.push(schemaFinding(issue, multi ? index : undefined));
    });
    return found;
  }
}

function schemaFinding(issue: SchemaIssue, document: number | undefined): Finding {
  return {
    layer: 'schema',
    message: issue.message,
    pointer: issue.pointer,
    keyword: issue.keyword,
    target: issue.target,
    ...(document === undefined ? {} : { document }),
  };
}

/**
 * A loader message with the paths of the copies it was given (under the run's temp folder)
 * written as repository paths: `/tmp/…/run-1/conf/a.yaml` reads `conf/a.yaml`, in every output.
 */
export function asRepositoryPaths(message: string, copies: string[]): string {
  let out = message;
  for (const dir of [...new Set(copies)].sort((a, b) => b.length - a.length)) {
    out = out.split(`${dir}${sep}`).join('').split(`${dir}/`).join('');
  }
  return out;
}
