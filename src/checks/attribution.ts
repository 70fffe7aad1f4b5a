// After judging: the schema changes joined with the configs they broke, and the broken configs
// with their migrations. Pure functions of the judged run.
import type { DriftConfig, GateRun, JudgedConfig, LocatedSchemaChange, UnattributedRun } from './judged.js';
import type { Migration } from './migration/index.js';
import { changeMatches } from './schema-diff/index.js';
import { ConfigStatus, DriftStatus } from '../constants.js';

/**
 * Joins each schema change with the configs it broke, once: a broken config (of the base, or
 * new drift of the release) falls under a change when one of its schema errors sits at the
 * change's place. Each broken base config then names its breaking changes as causes.
 */
export function attributeSchemaChanges(run: UnattributedRun): GateRun {
  const { schemaChanges, ...rest } = run;
  if (!schemaChanges) return rest;
  const broken: Array<JudgedConfig | DriftConfig> = [
    ...run.base.configs.filter((config) => config.status === ConfigStatus.Broken),
    ...run.releases.flatMap((release) => release.configs.filter((config) => config.status === DriftStatus.New)),
  ];
  const matched = schemaChanges.map((change) => ({
    change,
    configs: broken.filter((config) =>
      config.findings.some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer)),
    ),
  }));
  // A config already failing on the base shows a change when the PR's schema errs at its place
  // and the base's schema did not: the change is real there, though it is not counted.
  const failing = run.base.configs.filter((config) => config.status === ConfigStatus.FailingOnBase);
  const shows = (change: LocatedSchemaChange, config: JudgedConfig) =>
    config.findings.some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer)) &&
    !(config.baseFindings ?? []).some((finding) => finding.layer === 'schema' && finding.pointer !== undefined && changeMatches(change, finding.pointer));
  const causesOf = (config: JudgedConfig) => [
    ...new Set(matched.filter((entry) => entry.change.severity === 'breaking' && entry.configs.includes(config)).map((entry) => entry.change.message)),
  ];
  return {
    ...rest,
    base: {
      ...rest.base,
      configs: run.base.configs.map((config) => {
        const causes = config.status === ConfigStatus.Broken ? causesOf(config) : [];
        return causes.length ? { ...config, causes } : config;
      }),
    },
    schemaChanges: matched.map(({ change, configs }) => {
      // Only a latent change needs them: one that broke configs is shown by those.
      const shownBy = change.severity === 'breaking' && configs.length === 0 ? failing.filter((config) => shows(change, config)).map((config) => config.path) : [];
      return { ...change, configs: [...new Set(configs.map((config) => config.path))], ...(shownBy.length ? { shownBy: [...new Set(shownBy)] } : {}) };
    }),
  };
}

/** The run with each broken config's migration: `migrations[0]` is the base's, then one per release. */
export function withMigrations(run: GateRun, migrations: ReadonlyArray<ReadonlyMap<string, Migration>>): GateRun {
  const attach = <T extends { path: string }>(config: T, found: ReadonlyMap<string, Migration> | undefined): T => {
    const migration = found?.get(config.path);
    return migration ? { ...config, migration } : config;
  };
  const releases = run.releases.map((release, index) => ({ ...release, configs: release.configs.map((config) => (config.status === DriftStatus.New ? attach(config, migrations[index + 1]) : config)) }));
  return {
    ...run,
    base: { ...run.base, configs: run.base.configs.map((config) => (config.status === ConfigStatus.Broken ? attach(config, migrations[0]) : config)) },
    releases,
  };
}
