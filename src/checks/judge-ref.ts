// One ref's configs judged, layer by layer, against the PR and the base: the gate's rule for the
// base's configs (broken, failing on base), drift for a release's, and findings with their lines
// and YAML-version hints.
import type { Finding } from './evaluate.js';
import type { DriftConfig, GateOptions, JudgedConfig, JudgedRelease, Layer, LayerJudgements, LayerOutcome } from './judged.js';
import type { BrokenOfRef } from './migration/index.js';
import { noConfigNote, nothingAccepted } from './nothing-checked.js';
import { refNotes, nearestNote } from './run-notes.js';
import type { Sides } from './sides.js';
import { describeBaseSchema, type Schemas } from './schemas.js';
import { configKey, dropDocuments, type NoPathToday, type OldConfig } from '../configs/collect.js';
import type { FollowedConfigs } from '../configs/follow.js';
import { locate, yamlVersionDifference, yamlVersionHint, type YamlVersion } from '../configs/parse/index.js';
import { ConfigStatus, DriftStatus } from '../constants.js';
import type { GateError } from '../errors.js';
import type { RefTarget } from '../refs/base.js';

/** What judging a ref needs from the run: its options, schemas and sides, and where its notes go. */
export interface RefJudging {
  options: GateOptions;
  base: RefTarget;
  schemas: Schemas;
  sides: Sides;
  readOptions: { yamlVersion: YamlVersion };
  notes: string[];
}

/** A ref's judged configs, and the old bytes of what broke, kept for its migration (a handful of files, or none). */
export interface JudgedRefConfigs<T> {
  configs: T[];
  broken: BrokenOfRef;
}

/**
 * The base's configs judged, once the PR's code has run on them: each layer of the base runs on
 * what that layer of the PR rejects, then the suite. A layer of the base that accepts nothing
 * compares nothing: an error, unless another layer found a break, which stands (the blind layer
 * is then a note).
 */
export async function judgeBaseRef(
  run: RefJudging,
  onBaseRef: FollowedConfigs,
  shared: ReadonlyMap<string, OldConfig>,
): Promise<JudgedRefConfigs<JudgedConfig> & { readable: OldConfig[] }> {
  const { options, base, sides, readOptions, notes } = run;
  const { onPr, onBaseSchema, onBaseLoader, suite, suiteModule } = sides;
  const { pr: prSchema, baseFile: baseSchemaFile, at } = run.schemas;
  await sides.judgeOnBase(onBaseRef.configs, base.ref);
  // The suite runs once every loader process of this ref has ended, one config at a time.
  await suite?.judgeRef(onBaseRef.configs, base.ref, false);
  const readable = onBaseRef.configs.filter((config) => config.read.ok);
  const undecided = suite?.undecided(onBaseRef.configs) ?? [];
  const blind = [
    prSchema && baseSchemaFile ? await nothingAccepted('schema', readable, onPr, onBaseSchema, base.ref, readOptions, describeBaseSchema(baseSchemaFile, at)) : undefined,
    options.loader
      ? await nothingAccepted('loader', readable, onPr, onBaseLoader, base.ref, readOptions, at, {
          ...(options.loaderJobs !== undefined ? { loaderJobs: options.loaderJobs } : {}),
          retriedAlone: () => onPr.retriedAlone + onBaseLoader.retriedAlone,
        })
      : undefined,
    suite?.cannotRunOnBase(onBaseRef.configs, at),
    undecided.length ? suiteModule!.suiteUndecided(undecided, options.suite!.timeoutSeconds, at) : undefined,
  ].filter((error): error is GateError => error !== undefined);
  const configs = onBaseRef.configs.map((config) => withCurrentPath(config, judgeConfig(config, sidesOf(run, config), readOptions)));
  const broken = { ref: base.ref, configs: brokenSources(onBaseRef.configs, configs, ConfigStatus.Broken) };
  // The base's documents not shared with a release are dropped now.
  dropDocuments(onBaseRef.configs.filter((config) => !shared.has(configKey(config))), readOptions);
  if (blind.length && !configs.some((config) => config.status === ConfigStatus.Broken)) throw blind[0];
  for (const error of blind) notes.push(`${error.message} ${error.hint ?? ''}`.trim());
  return { configs, broken, readable };
}

/**
 * A release's configs judged for drift, once the PR's code has run on them: each layer of the
 * base runs on what that layer of the PR rejects, then the suite; the configs that load on the
 * PR are checked against the base's schema alone, to find the ones the PR fixed.
 */
export async function judgeReleaseRef(run: RefJudging, target: RefTarget, collected: FollowedConfigs): Promise<JudgedRefConfigs<DriftConfig> & { release: JudgedRelease }> {
  const { options, sides, readOptions, notes } = run;
  const { onPr, onBaseSchema, suite, suiteModule } = sides;
  notes.push(...refNotes(collected, target, 'release'));
  if (collected.configs.length === 0 && collected.skipped.length === 0) notes.push(noConfigNote(options.patterns, target, 'release', options.shard) + nearestNote(collected.nearest));
  await sides.judgeOnBase(collected.configs, target.ref);
  // The workflow compat-gate replaces runs a release's config with main's code too: that is how
  // a config the PR fixes is known.
  await suite?.judgeRef(collected.configs, target.ref, true);
  const undecided = suite?.undecided(collected.configs) ?? [];
  if (undecided.length) {
    const error = suiteModule!.suiteUndecided(undecided, options.suite!.timeoutSeconds, run.schemas.at);
    notes.push(`Release \`${target.ref}\`: ${error.message} Their drift is shown as existing. ${error.hint ?? ''}`.trim());
  }
  // Release configs that load on the PR are checked against the base's schema only, to find the
  // ones the PR fixed: running the base's loader on every one of them would cost as much again.
  if (run.schemas.pr && run.schemas.baseFile) {
    await onBaseSchema.run(collected.configs.filter((config) => config.read.ok && (onPr.get(config)?.length ?? 0) === 0), target.ref);
  }
  const configs = collected.configs.map((config) => withCurrentPath(config, judgeDrift(config, sidesOf(run, config), readOptions)));
  const broken = { ref: target.ref, configs: brokenSources(collected.configs, configs, DriftStatus.New) };
  dropDocuments(collected.configs, readOptions);
  return { configs, broken, release: { ref: target, configs, skipped: collected.skipped, ...(collected.nearest ? { nearest: collected.nearest } : {}) } };
}

/** A config's findings on each side, and each layer's outcome: the PR's schema and loader, the base's where it ran, and the suite's. */
function sidesOf(run: RefJudging, config: OldConfig): ConfigSides {
  const { onPr, suite, layersOfPr } = run.sides;
  const pr = onPr.get(config) ?? [];
  const layers: LayerJudgements = {};
  const baseFindings: Finding[] = [];
  for (const layer of layersOfPr) {
    const onBase = baseOutcome(run, config, layer);
    layers[layer] = { base: onBase.outcome, pr: rejects(pr, layer) ? 'rejects' : 'accepts' };
    baseFindings.push(...onBase.findings);
  }
  const suiteLayer = suite?.layer(config);
  if (!suiteLayer) return { pr, base: baseFindings, layers };
  layers.suite = suiteLayer.judgement;
  return { pr: [...pr, ...suiteLayer.pr], base: [...baseFindings, ...suiteLayer.base], layers };
}

/** What one layer of the base made of a config: `absent` without a base schema, `not-run` when it was not asked. */
function baseOutcome(run: RefJudging, config: OldConfig, layer: Layer): { outcome: LayerOutcome; findings: Finding[] } {
  if (layer === 'schema' && !run.schemas.baseFile) return { outcome: 'absent', findings: [] };
  const found = (layer === 'schema' ? run.sides.onBaseSchema : run.sides.onBaseLoader).get(config);
  if (!found) return { outcome: 'not-run', findings: [] };
  const mine = found.filter((finding) => finding.layer === layer);
  return { outcome: mine.length ? 'rejects' : 'accepts', findings: mine };
}

/** Most findings a config keeps: the first ones are the useful ones. */
const MAX_FINDINGS_PER_CONFIG = 20;

/** A config's findings on each side, and each layer's outcome. */
interface ConfigSides {
  pr: Finding[];
  base: Finding[];
  layers: LayerJudgements;
}

/** Whether a side's findings hold one of this layer. */
export function rejects(findings: readonly Finding[] | undefined, layer: Layer): boolean {
  return findings?.some((finding) => finding.layer === layer) ?? false;
}

/** A base config judged layer by layer (see {@link layerStatus}). */
function judgeConfig(config: OldConfig, sides: ConfigSides, readOptions: { yamlVersion: YamlVersion }): JudgedConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: ConfigStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const status = layerStatus(layers);
  if (status === 'ok') return { path, blob, status: ConfigStatus.Ok, findings: [], layers };
  const all = breakingFirst(sides.pr, breakingLayers(layers));
  const findings = explained(config, all, readOptions);
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  const uncut = status === 'broken' && all.length > findings.length ? { uncut: all } : {};
  return { path, blob, status: status === 'broken' ? ConfigStatus.Broken : ConfigStatus.FailingOnBase, findings, ...uncut, ...baseFindings, layers };
}

/**
 * A release config's drift, layer by layer: *new* (a layer that accepted it on the base
 * rejects it on the PR: this PR breaks it), *existing* (every layer that rejects it on the PR
 * rejected it on the base), *fixed* (loads on the PR, failed on the base), or ok.
 */
function judgeDrift(config: OldConfig, sides: ConfigSides, readOptions: { yamlVersion: YamlVersion }): DriftConfig {
  const { path, blob } = config;
  if (!config.read.ok) return { path, blob, status: DriftStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  const status = layerStatus(layers);
  if (status === 'ok') {
    return sides.base.length === 0
      ? { path, blob, status: DriftStatus.Ok, findings: [], layers }
      : { path, blob, status: DriftStatus.Fixed, findings: [], ...baseFindings, layers };
  }
  const all = breakingFirst(sides.pr, breakingLayers(layers));
  const findings = explained(config, all, readOptions);
  return status === 'broken'
    ? { path, blob, status: DriftStatus.New, findings, ...(all.length > findings.length ? { uncut: all } : {}), ...baseFindings, layers }
    : { path, blob, status: DriftStatus.Existing, findings, ...baseFindings, layers };
}

function parseFindings(config: OldConfig): Finding[] {
  if (config.read.ok) return [];
  const { message, position } = config.read;
  return [{ layer: 'parse', message, ...(position ? { line: position.line, column: position.column } : {}) }];
}

/** The findings of the layers that broke first: the first error shown is the one the PR caused. */
function breakingFirst(findings: Finding[], breaking: Layer[]): Finding[] {
  if (breaking.length === 0) return findings;
  const isBreaking = (finding: Finding) => (breaking as string[]).includes(finding.layer);
  return [...findings.filter(isBreaking), ...findings.filter((finding) => !isBreaking(finding))];
}

/** The layers that accepted the config on the base (or did not exist there) and reject it on the PR. */
export function breakingLayers(layers: LayerJudgements): Layer[] {
  return (Object.keys(layers) as Layer[]).filter((layer) => {
    const judgement = layers[layer]!;
    if (judgement.pr !== 'rejects') return false;
    if (judgement.base === 'accepts' || judgement.base === 'absent') return true;
    // The suite layer judged test by test: a new failure breaks the config though the base failed too.
    return (judgement.newFailures?.length ?? 0) > 0 || (judgement.notRun ?? 0) > 0 || judgement.prTimedOut === true;
  });
}

/**
 * The gate's rule (SPEC, "Gate"), layer by layer: a config is *broken* when some layer that
 * accepted it on the base rejects it on the PR; *failing on base* when every layer that
 * rejects it on the PR rejected it on the base too; *ok* when no layer of the PR rejects it.
 * An old failure in one layer never hides a regression in the other.
 */
export function layerStatus(layers: LayerJudgements): 'ok' | 'broken' | 'failing-on-base' {
  const rejecting = (Object.keys(layers) as Layer[]).filter((layer) => layers[layer]!.pr === 'rejects');
  if (rejecting.length === 0) return 'ok';
  return breakingLayers(layers).length > 0 ? 'broken' : 'failing-on-base';
}

/**
 * The first findings, with their line in the old file and, for a schema error on a value that
 * YAML 1.1 and 1.2 read differently, a hint saying so.
 */
function explained(config: OldConfig, findings: Finding[], readOptions: { yamlVersion: YamlVersion }): Finding[] {
  return findings.slice(0, MAX_FINDINGS_PER_CONFIG).map((finding) => withYamlHint(config, withPosition(config, finding, readOptions), readOptions));
}

function withPosition(config: OldConfig, finding: Finding, readOptions: { yamlVersion: YamlVersion }): Finding {
  if (finding.pointer === undefined || finding.line !== undefined) return finding;
  const position = locate(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer, finding.target ?? 'value');
  return position ? { ...finding, line: position.line, column: position.column } : finding;
}

/** Marks the end of a schema message that carries the YAML-version hint, so that it is added once. */
const YAML_HINT_MARK = ' — ';

function withYamlHint(config: OldConfig, finding: Finding, readOptions: { yamlVersion: YamlVersion }): Finding {
  if (finding.layer !== 'schema' || finding.pointer === undefined || finding.target === 'key') return finding;
  const difference = yamlVersionDifference(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer);
  if (!difference) return finding;
  const hint = yamlVersionHint(difference);
  return finding.message.endsWith(hint) ? finding : { ...finding, message: `${finding.message}${YAML_HINT_MARK}${hint}` };
}

/** A judged config with the path it has now, when it moved since its ref, or why it has none. */
function withCurrentPath<T extends object>(config: OldConfig, judged: T): T & { currentPath?: string; noPathToday?: NoPathToday } {
  return {
    ...judged,
    ...(config.currentPath ? { currentPath: config.currentPath } : {}),
    ...(config.noPathToday ? { noPathToday: config.noPathToday } : {}),
  };
}

/** The broken configs of a ref with their old bytes: `judged` lists `old` in the same order. */
function brokenSources(old: readonly OldConfig[], judged: ReadonlyArray<{ path: string; status: string; findings: Finding[] }>, status: string): BrokenOfRef['configs'] {
  return judged.flatMap((config, index) => (config.status === status ? [{ path: config.path, content: old[index]!.content, findings: config.findings }] : []));
}
