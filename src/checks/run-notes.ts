// The notes a run leaves for the maintainer that are not failures: configs skipped or moved, a
// ref with no config, the suite's and the loader's circumstances.
import type { Finding } from './evaluate.js';
import { contention } from './nothing-checked.js';
import { skippedNote } from '../configs/collect.js';
import { HISTORY_LIMIT, type FollowedConfigs } from '../configs/follow.js';
import type { ConfigPatterns } from '../configs/select.js';
import { GateError } from '../errors.js';
import type { SuiteSides } from './suite/sides.js';
import type { RefTarget } from '../refs/base.js';

/** What a maintainer should know of a ref's configs as read: the files skipped, then the moves (see {@link movesNote}). */
export function refNotes(collected: FollowedConfigs, ref: RefTarget, role: 'base' | 'release'): string[] {
  const skippedWhy = skippedNote(collected, `the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)})`);
  return [...(skippedWhy ? [skippedWhy] : []), ...movesNote(collected, ref, role)];
}

/**
 * What a maintainer should know of an old ref's configs that moved or have no path today: the
 * PR's own moves (judged at their path on the base), and, when moves could not be followed
 * commit by commit, that the configs with no path today were looked for by the trees alone.
 */
function movesNote(collected: FollowedConfigs, ref: RefTarget, role: 'base' | 'release'): string[] {
  const notes: string[] = [];
  const moved = collected.configs.filter((config) => config.currentPath);
  if (role === 'base' && moved.length > 0) {
    const shown = moved.slice(0, 3).map((config) => `\`${config.path}\` → \`${config.currentPath}\``).join(', ');
    notes.push(
      `This PR moves ${moved.length === 1 ? '1 config' : `${moved.length} configs`} (${shown}${moved.length > 3 ? `, and ${moved.length - 3} more` : ''}): each is judged at its path on the base \`${ref.ref}\`, with the PR's code.`,
    );
  }
  const gone = collected.configs.filter((config) => config.noPathToday).length;
  if (collected.history === 'unavailable') {
    const why = `the first-parent history from it to the PR is not at hand within ${HISTORY_LIMIT} commits, or it is not on that history (a release tagged on another branch)`;
    notes.push(
      gone > 0
        ? `${gone === 1 ? '1 config' : `${gone} configs`} of the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) ${gone === 1 ? 'has' : 'have'} no path today. Moves were found by comparing its tree with the PR's and by the folders that moved, not commit by commit: ${why}.`
        : `Moves since the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) were found by comparing its tree with the PR's and by the folders that moved, not commit by commit (${why}): a config that was moved into the \`configs\` globs and rewritten since may be missing from its configs.`,
    );
  }
  return notes;
}

/** " The nearest paths it has: …" for a ref where no config matched; empty without any. */
export function nearestNote(nearest: readonly string[] | undefined): string {
  return nearest?.length ? ` The nearest paths it has: ${nearest.map((path) => `\`${path}\``).join(', ')}.` : '';
}

/** `suite-configs` names none of the configs read: the suite layer would compare nothing. */
export function suiteMatchedNothing(patterns: ConfigPatterns, configs: number): GateError {
  const globs = [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((glob) => `\`${glob}\``).join(', ');
  return new GateError(
    (n) => `The ${n.setting('suite-configs')} (${globs}) names none of the ${configs} configs read from the base and the releases: the suite ran on nothing.`,
    (n) => `Give globs that match paths the ${n.setting('configs')} match (the suite runs on a subset of them), or leave the ${n.setting('suite-configs')} out to run it on every config.`,
  );
}

/** The suite's circumstances: the configs left out after time-outs, and a base suite that ran the PR's code. */
export function suiteNotes(suite: SuiteSides, timeoutBudget: number, workingDirectory: string): string[] {
  const notes: string[] = [];
  if (suite.leftOut.length) {
    notes.push(
      `The suite timed out on ${timeoutBudget} configs with the PR's code, so it was not run on the ${suite.leftOut.length} left: ${suite.leftOut.slice(0, 5).map((path) => `\`${path}\``).join(', ')}${suite.leftOut.length > 5 ? ', …' : ''}. Each of those that timed out is broken or undecided, so the verdict does not rest on the ones left out.`,
    );
  }
  if (suite.sawPrCheckout.length) {
    notes.push(
      `The base's suite printed paths in the PR checkout (${workingDirectory}) on ${suite.sawPrCheckout.map((path) => `\`${path}\``).slice(0, 3).join(', ')}: it may have run the PR's code (an editable install, \`pip install -e .\`, points there). Put the tree's own code first in the command, e.g. \`PYTHONPATH=src pytest …\`: the base's suite runs in a copy of the base's tree.`,
    );
  }
  return notes;
}

/** The loader's circumstances: processes that fought over a port or a lock, or were run again alone. */
export function loaderNotes(refused: readonly Finding[], loaderJobs: number | undefined, retried: number): string[] {
  const contended = contention(refused, loaderJobs, retried);
  if (contended) return [contended];
  if (!retried) return [];
  return [
    `${retried === 1 ? 'A loader process' : `${retried} loader processes`} lost a port or a lock to another loader process running beside ${retried === 1 ? 'it' : 'them'}, and ${retried === 1 ? 'was' : 'were'} run again alone, so that the verdict does not depend on which one won. Set \`loader-jobs: 1\` (the CLI's \`--loader-jobs 1\`) to run one loader process at a time from the start.`,
  ];
}
