import { Verdict } from '../constants.js';

/** What the verdict is decided on: how many configs the PR breaks, and whether it says so. */
export interface VerdictFacts {
  /** Configs of the base that load there and not on the PR. */
  broken: number;
  /** Configs of the release that load on the base and not on the PR. */
  newDrift: number;
  failOnDrift: boolean;
  acknowledged: boolean;
}

/**
 * The gate's rule (SPEC, "Gate"): any broken config fails the check unless the PR
 * acknowledges the break. With `fail-on-drift`, a release config that this PR breaks (new
 * drift) counts as a break too. Failing-on-base and unreadable configs never count.
 */
export function decideVerdict(facts: VerdictFacts): Verdict {
  const breaks = facts.broken + (facts.failOnDrift ? facts.newDrift : 0);
  if (breaks === 0) return Verdict.Pass;
  return facts.acknowledged ? Verdict.Acknowledged : Verdict.Breaking;
}

/** Whether the step fails for this verdict. */
export function failsStep(verdict: Verdict): boolean {
  return verdict === Verdict.Breaking || verdict === Verdict.Error;
}

/**
 * Whether an acknowledgement counts for the verdict: it acknowledges, and when
 * `ack-must-reach-release` is set (`reach.required`), every release tool of the repository will
 * cut a major release from it. `reach` is the report's `acknowledgement.release`.
 */
export function acknowledgementCounts(acknowledged: boolean, reach?: { required: boolean; problems: readonly unknown[] }): boolean {
  return acknowledged && !(reach?.required && reach.problems.length > 0);
}
