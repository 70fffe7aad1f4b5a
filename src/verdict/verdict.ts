import { ConfigStatus, Verdict } from '../constants.js';
import type { JudgedConfig } from '../gate.js';
import type { Acknowledgement } from './acknowledgement.js';

/**
 * The gate's rule (SPEC, "Gate"): any broken config fails the check unless the PR
 * acknowledges the break. Failing-on-base and unreadable configs never count.
 */
export function decideVerdict(configs: readonly JudgedConfig[], acknowledgement: Acknowledgement): Verdict {
  const broken = configs.some((config) => config.status === ConfigStatus.Broken);
  if (!broken) return Verdict.Pass;
  return acknowledgement.acknowledged ? Verdict.Acknowledged : Verdict.Breaking;
}

/** Whether the step fails for this verdict. */
export function failsStep(verdict: Verdict): boolean {
  return verdict === Verdict.Breaking || verdict === Verdict.Error;
}
