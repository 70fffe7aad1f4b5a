import type { Finding } from './evaluate.js';
import type { CollectedConfigs, OldConfig } from '../configs/collect.js';
import { yamlVersionDifference, yamlVersionHint, type YamlVersion } from '../configs/parse/index.js';
import type { ConfigPatterns, Shard } from '../configs/select.js';
import { GateError } from '../errors.js';
import { PORT_OR_LOCK } from './loader/bisect.js';
import type { GitCommandManager } from '../git/git.js';
import type { RefTarget } from '../refs/base.js';

/*
 * Nothing checked is an error, never a pass (SPEC, "Nothing checked is an error"): a gate that
 * compared nothing must not go green. Each check here costs nothing when configs load.
 */

/**
 * None of `schema`, `loader` and `suite` is set: nothing could load a config. One wording for the edges
 * that read the settings and for the engine that is handed them.
 */
export function nothingToLoad(): GateError {
  return new GateError(
    (n) => `None of the ${n.setting('schema')}, the ${n.setting('loader')} and the ${n.setting('suite')} is set: there is nothing to load the configs with.`,
    (n) => `Set the ${n.setting('schema')} (a JSON Schema file), the ${n.setting('loader')} (a command), the ${n.setting('suite')} (a test command), or several.`,
  );
}

/** What the engine knows of one side's results for a layer, and how to ask it for more. */
export interface SideResults {
  get(config: OldConfig): Finding[] | undefined;
  run(configs: OldConfig[], refLabel: string): Promise<void>;
}

/** A loader is confirmed on this many configs that load on the PR before it is said to load none. */
export const LOADER_CONFIRM_SAMPLE = 3;

/** Longest loader message quoted in an error. */
const QUOTED_CHARS = 500;

/** Where the engine looked for configs, and how. */
export interface CollectionContext {
  repositoryRoot: string;
  patterns: ConfigPatterns;
  shard?: Shard;
}

/**
 * Checks what the base's `configs` patterns found. No file on the base: when the PR checkout
 * has none either, an error naming the patterns and where they were tried; when the PR adds
 * the first ones, a note and their number (a pass: there is nothing older to break). Every
 * matched file unreadable or skipped: an error with the first reason. In a shard, an empty
 * slice of a base that has configs is only noted.
 */
export async function nothingCollected(
  git: GitCommandManager,
  context: CollectionContext,
  collected: CollectedConfigs,
  base: RefTarget,
  matchesGlobs: (path: string) => boolean,
  notes: string[],
): Promise<number | undefined> {
  const at = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  const patterns = describePatterns(context.patterns);
  const { configs, skipped } = collected;
  if (configs.some((config) => config.read.ok)) return undefined;
  if (configs.length > 0 || skipped.length > 0) {
    // A shard holds a slice: one made only of unreadable files says nothing of the others.
    if (context.shard) return undefined;
    const first = configs.find((config) => !config.read.ok);
    const reason = first && !first.read.ok ? `\`${first.path}\`: ${first.read.message}` : `\`${skipped[0]!.path}\` is ${skipped[0]!.reason}`;
    const total = configs.length + skipped.length;
    throw new GateError(
      `Nothing could be checked: none of the ${total} ${total === 1 ? 'file' : 'files'} matching the \`configs\` patterns (${patterns}) on ${at} could be read as a config; the first: ${reason}.`,
      'Make the patterns match the config files themselves (YAML, JSON, TOML), not links, submodules or files kept in Git LFS; or fix the files so that they parse.',
    );
  }
  if (context.shard) {
    const onBase = (await git.lsTree(base.sha)).some((entry) => entry.type === 'blob' && matchesGlobs(entry.path));
    if (onBase) {
      notes.push(`No file of shard ${context.shard.index}/${context.shard.total} in ${at} matches the \`configs\` patterns (${patterns}): nothing was checked in this shard.`);
      return undefined;
    }
  }
  const head = await git.tryResolveCommit('HEAD');
  const inPr = head ? (await git.lsTree(head, { sizes: false })).filter((entry) => entry.type === 'blob' && matchesGlobs(entry.path)) : [];
  const checkout = `the PR checkout (${context.repositoryRoot}${head ? ` at ${head.slice(0, 12)}` : ''})`;
  if (inPr.length === 0) {
    throw new GateError(
      `Nothing was checked: no file matches the \`configs\` patterns (${patterns}) on ${at}, nor in ${checkout}.`,
      'Check the patterns for a typo: they match paths from the repository root (not from `working-directory`), e.g. `config/**/*.yaml`; `!pattern` leaves paths out.',
    );
  }
  notes.push(
    `No file on ${at} matches the \`configs\` patterns (${patterns}); this PR adds the first ${inPr.length === 1 ? 'config' : `${inPr.length} configs`} (\`${inPr[0]!.path}\`${inPr.length > 1 ? ', …' : ''}). There is nothing older to break, so nothing was judged.`,
  );
  return inPr.length;
}

/** The note for a release whose tree has no file matching the patterns. */
export function noConfigNote(patterns: ConfigPatterns, ref: RefTarget, role: string, shard?: Shard): string {
  return `No file in the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) matches the \`configs\` patterns (${describePatterns(patterns)})${shard ? ` in shard ${shard.index}/${shard.total}` : ''}: nothing was checked there.`;
}

/**
 * When a layer of the base rejected every config it was given (those the PR rejects), it is
 * tried on configs the PR accepts too: the schema on all of them (in-process, cheap), the
 * loader on a few ({@link LOADER_CONFIRM_SAMPLE}). If the base's layer accepts none, the PR
 * cannot be compared with the base in that layer: an error with the first message and what
 * to check, never a pass. It is returned, not thrown: a break the other layer found still
 * stands (a failure of the gate never hides a break of the PR).
 */
export async function nothingAccepted(
  layer: 'schema' | 'loader',
  readable: OldConfig[],
  onPr: SideResults,
  onBase: SideResults,
  refLabel: string,
  readOptions: { yamlVersion: YamlVersion },
  where: string,
  /** `loader-jobs` and the processes already run again alone: a fight over a port or a lock is named. */
  contended?: { loaderJobs?: number; retriedAlone: () => number },
): Promise<GateError | undefined> {
  const rejectedBy = (side: SideResults) => (config: OldConfig) => side.get(config)?.some((finding) => finding.layer === layer) ?? false;
  const tried = readable.filter(rejectedBy(onPr));
  if (tried.length === 0 || !tried.every(rejectedBy(onBase))) return undefined;
  const others = readable.filter((config) => !rejectedBy(onPr)(config));
  const sample = layer === 'schema' ? others : others.slice(0, LOADER_CONFIRM_SAMPLE);
  if (sample.length > 0) {
    await onBase.run(sample, refLabel);
    if (!sample.every(rejectedBy(onBase))) return undefined;
  }
  const checked = [...tried, ...sample];
  const first = checked[0]!;
  const finding = onBase.get(first)!.find((found) => found.layer === layer)!;
  if (layer === 'loader') {
    const portOrLock = contended ? contention(checked.flatMap((config) => onBase.get(config) ?? []), contended.loaderJobs, contended.retriedAlone()) : undefined;
    return new GateError(
      `The loader loaded none of ${checked.length} ${checked.length === 1 ? 'config' : 'configs'} of the base with the base's own code (${where}); the first message, for \`${first.path}\`: ${clip(finding.message)}`,
      portOrLock ?? 'Check that the loader\'s dependencies are installed in this job before compat-gate runs (the base\'s loader runs with the same interpreter and packages as the PR\'s), and that the command and the paths it names exist on the base: it runs from `working-directory` in a copy of the base\'s tree.',
    );
  }
  const cause = yamlCause(checked, onBase, readOptions);
  return new GateError(
    `The schema of ${where} rejects every one of the ${checked.length} ${checked.length === 1 ? 'config' : 'configs'} of the base: the PR cannot be compared with the base in the schema layer. The first error, in \`${first.path}\`${finding.pointer ? ` at \`${finding.pointer}\`` : ''}: ${clip(finding.message)}`,
    cause ??
      'Check that `schema` names the schema these configs follow (on the base too), that the `configs` patterns match only such configs, and that `yaml-version` reads the configs as the loader does.',
  );
}

/** The likely cause when the base's schema rejects everything: values YAML 1.1 and 1.2 read differently. */
function yamlCause(configs: OldConfig[], onBase: SideResults, readOptions: { yamlVersion: YamlVersion }): string | undefined {
  for (const config of configs) {
    for (const finding of onBase.get(config) ?? []) {
      if (finding.layer !== 'schema' || finding.pointer === undefined || finding.target === 'key') continue;
      const difference = yamlVersionDifference(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer);
      if (difference) {
        return `Likely cause: the configs use values that YAML 1.1 and 1.2 read differently (\`${config.path}\` at \`${finding.pointer}\`): ${yamlVersionHint(difference)}.`;
      }
    }
  }
  return undefined;
}

function clip(text: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  return line.length > QUOTED_CHARS ? `${line.slice(0, QUOTED_CHARS - 1)}…` : line;
}

function describePatterns(patterns: ConfigPatterns): string {
  return [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((p) => `\`${p}\``).join(', ');
}



/**
 * What to do when loader processes that ran side by side refused configs for want of a port or a
 * lock: a verdict that depends on which process wins would change between re-runs of the same
 * commits. Undefined when one process runs at a time already, or no message says so.
 */
export function contention(findings: readonly Finding[], loaderJobs: number | undefined, retriedAlone = 0): string | undefined {
  const hit = findings.find((finding) => finding.layer === 'loader' && PORT_OR_LOCK.test(finding.message));
  if (!hit) return undefined;
  const words = PORT_OR_LOCK.exec(hit.message)![0];
  // Every process that lost the fight was run again with no other beside it: what holds the port
  // or the lock now is not compat-gate's.
  if (loaderJobs === 1 || retriedAlone > 0) {
    return `The loader says \`${words}\` though no other loader process ran beside it: something outside compat-gate holds that port or lock (a service started in an earlier step?). Free it before compat-gate runs.`;
  }
  return `The loader says \`${words}\`: its processes, which run side by side, fought over a port or a lock, so the verdict would depend on which one won. Set \`loader-jobs: 1\` (the CLI's \`--loader-jobs 1\`) so that one loader process runs at a time.`;
}
