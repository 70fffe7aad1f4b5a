import { join } from 'node:path';
import { describeError } from '../../errors.js';
import type { OldConfig } from '../../configs/collect.js';
import { readConfig, type YamlVersion } from '../../configs/parse/index.js';
import type { Evaluator, Finding } from '../evaluate.js';
import type { SchemaChange } from '../schema-diff/index.js';
import type { CompiledSchema } from '../schema.js';
import type { Migration } from './model.js';
import { runMigrate } from './run.js';
import { suggestMigration } from './suggest.js';
import { unifiedDiff } from './unified-diff.js';

/** A migration path for every break: the `migrate` command's, else the schema diff's suggestions. */
export type { Migration, MigrationStatus, Suggestion } from './model.js';
export { runMigrate, type MigrateOptions, type MigratedFile } from './run.js';
export { suggestMigration } from './suggest.js';
export { unifiedDiff, MAX_DIFF_CHARS } from './unified-diff.js';

/** A broken config as migration needs it: what it is judged as, and its old bytes. */
interface BrokenSource {
  path: string;
  content: Buffer;
  findings: Finding[];
}

/** The broken configs of one old ref: the base's broken ones, or a release's new drift. */
export interface BrokenOfRef {
  /** `COMPAT_GATE_REF` for the command and the loader. */
  ref: string;
  configs: BrokenSource[];
}

/** What finding migrations needs. */
export interface MigrationSetup {
  /** The `migrate` command, when set: run like the loader. */
  migrate?: { command: string; cwd: string; env: Record<string, string>; timeoutSeconds: number };
  /** The PR's schema and loader, to load the migrated copies with. */
  evaluator: Evaluator;
  schema?: CompiledSchema;
  /** The schema diff, for suggestions when there is no command. */
  changes?: readonly SchemaChange[];
  /** Where the copies for the command go (removed by the caller). */
  tempDir: string;
  readOptions: { yamlVersion: YamlVersion };
}

const NO_PATH = 'there is no `migrate` command, and the schema diff holds no mechanical change (a renamed property, a removed property with a default, a newly required property with a default, a renamed enum value) that this config follows';

/**
 * The migration of every broken config, per ref, by path. With a `migrate` command: the command
 * runs once per ref on copies of that ref's broken configs, and each migrated copy is loaded with
 * the PR's schema and loader; the config *migrates* when it loads. Without one: the mechanical
 * changes the schema diff calls for are suggested. Migration never changes the verdict.
 */
export async function findMigrations(refs: readonly BrokenOfRef[], setup: MigrationSetup): Promise<Array<Map<string, Migration>>> {
  const out: Array<Map<string, Migration>> = [];
  for (const [index, ref] of refs.entries()) {
    out.push(setup.migrate ? await migrateRef(ref, index, setup, setup.migrate) : suggestRef(ref, setup));
  }
  return out;
}

function suggestRef(ref: BrokenOfRef, setup: MigrationSetup): Map<string, Migration> {
  const found = new Map<string, Migration>();
  // Configs are parsed again only when some breaking change is mechanical.
  const mechanical = setup.changes?.filter((change) => change.severity === 'breaking' && change.detail) ?? [];
  for (const config of ref.configs) {
    const read = mechanical.length && config.findings.some((finding) => finding.layer === 'schema') ? readConfig(config.path, config.content, setup.readOptions) : undefined;
    const suggested = read?.ok ? suggestMigration(read.documents, config.findings, mechanical, setup.schema) : undefined;
    found.set(config.path, suggested ?? { status: 'no-migration', message: NO_PATH });
  }
  return found;
}

async function migrateRef(ref: BrokenOfRef, index: number, setup: MigrationSetup, migrate: NonNullable<MigrationSetup['migrate']>): Promise<Map<string, Migration>> {
  const found = new Map<string, Migration>();
  if (ref.configs.length === 0) return found;
  const results = await runMigrate(join(setup.tempDir, 'migrate', `ref-${index + 1}`), ref.configs, { ...migrate, refLabel: ref.ref });
  const migrated: OldConfig[] = [];
  for (const config of ref.configs) {
    const result = results.get(config.path);
    if (!result || !result.ok) {
      found.set(config.path, { status: 'no-migration', message: result?.message ?? 'the migrate command gave no result for it' });
      continue;
    }
    const read = readConfig(config.path, result.content, setup.readOptions);
    if (!read.ok) {
      found.set(config.path, { status: 'no-migration', message: `the migrated file cannot be read: ${read.message}` });
      continue;
    }
    migrated.push({ path: config.path, blob: '', content: result.content, read });
  }
  if (migrated.length === 0) return found;
  let findings: Map<string, Finding[]>;
  try {
    findings = (await setup.evaluator.evaluate(migrated, ref.ref)).findings;
  } catch (error) {
    for (const config of migrated) found.set(config.path, { status: 'no-migration', message: `the migrated config could not be loaded: ${describeError(error)}` });
    return found;
  }
  const before = new Map(ref.configs.map((config) => [config.path, config]));
  const { schema, loader } = setup.evaluator.setup;
  for (const config of migrated) {
    const left = findings.get(config.path) ?? [];
    const source = before.get(config.path)!;
    const old = source.content;
    // The suite runs one config a process, for minutes: it is not run again on migrated copies.
    const bySuite = source.findings.some((finding) => finding.layer === 'suite');
    if (left.length === 0 && bySuite && !schema && !loader) {
      found.set(config.path, { status: 'no-migration', message: 'the suite breaks it, and the suite is not run on migrated copies: with no schema or loader to load the copy, its migration cannot be confirmed' });
    } else if (left.length === 0) {
      const diff = unifiedDiff(config.path, old.toString('utf8'), config.content.toString('utf8'));
      const note = bySuite ? "the migrated copy loads with the PR's schema and loader; the suite, which breaks it, is not run on migrated copies" : undefined;
      found.set(config.path, { status: 'migrates', ...(diff ? { diff } : {}), ...(note ? { message: note } : {}) });
    } else {
      const unchanged = old.equals(config.content) ? 'the migrate command left it unchanged, and it ' : 'the migrated config ';
      found.set(config.path, { status: 'no-migration', message: `${unchanged}still does not load with the PR's code: ${findingWords(left[0]!)}` });
    }
  }
  return found;
}

function findingWords(finding: Finding): string {
  return `${finding.layer}${finding.pointer ? ` at \`${finding.pointer}\`` : ''}: ${finding.message}`;
}
