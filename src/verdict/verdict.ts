import { ConfigStatus, DriftStatus, Verdict } from '../constants.js';
import type { GateRun } from '../gate.js';
import type { Acknowledgement } from './acknowledgement.js';

/**
 * The gate's rule (SPEC, "Gate"): any broken config fails the check unless the PR
 * acknowledges the break. With `fail-on-drift`, a release config that this PR breaks (new
 * drift) counts as a break too. Failing-on-base and unreadable configs never count.
 */
export function decideVerdict(run: Pick<GateRun, 'base' | 'release'>, acknowledgement: Acknowledgement, options: { failOnDrift: boolean }): Verdict {
  const broken = run.base.configs.some((config) => config.status === ConfigStatus.Broken);
  const newDrift = options.failOnDrift && (run.release?.configs.some((config) => config.status === DriftStatus.New) ?? false);
  if (!broken && !newDrift) return Verdict.Pass;
  return acknowledgement.acknowledged ? Verdict.Acknowledged : Verdict.Breaking;
}

/** Whether the step fails for this verdict. */
export function failsStep(verdict: Verdict): boolean {
  return verdict === Verdict.Breaking || verdict === Verdict.Error;
}
