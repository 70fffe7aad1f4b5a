import type { Finding } from '../evaluate.js';
import type { LayerJudgement } from '../judge.js';
import type { SuiteOutcome } from './run.js';

/** Most findings one suite run gives: the failed tests, the ones the PR broke first. */
const MAX_TEST_FINDINGS = 20;

/** The suite layer of one config: its judgement and the findings of each side. */
export interface SuiteLayer {
  judgement: LayerJudgement;
  pr: Finding[];
  base: Finding[];
  /** The suite ran out of time on both sides: nothing can be said, raise `suite-timeout`. */
  undecided: boolean;
}

/**
 * Judges the suite layer of a config from the PR's run and the base's (SPEC, "The integration
 * suite layer"). The PR's suite passes: accepts. It fails and the base's passed: broken. Both
 * fail and both wrote JUnit XML: broken when a test that passed on the base fails on the PR, even
 * when other tests failed on both (an old failing test never hides a new one); else failing on
 * base. Without JUnit on either side, the exit codes decide. Both timed out: undecided.
 */
export function judgeSuite(pr: SuiteOutcome, base: SuiteOutcome | undefined): SuiteLayer {
  const baseOutcome = base === undefined ? 'not-run' : base.passed ? 'accepts' : 'rejects';
  const baseFindings = base && !base.passed ? findingsOf(base) : [];
  if (pr.passed) return { judgement: { base: baseOutcome, pr: 'accepts' }, pr: [], base: baseFindings, undecided: false };
  if (!base || base.passed) return { judgement: { base: baseOutcome, pr: 'rejects' }, pr: findingsOf(pr), base: [], undecided: false };
  const undecided = pr.timedOut && base.timedOut;
  const newFailures = pr.tests && base.tests && !pr.timedOut ? testsBrokenBy(pr, base) : [];
  if (newFailures.length === 0) return { judgement: { base: 'rejects', pr: 'rejects' }, pr: findingsOf(pr), base: baseFindings, undecided };
  const failedOnBoth = (pr.tests ?? []).filter((test) => test.status === 'failed' && !newFailures.includes(test.id)).length;
  return {
    judgement: { base: 'rejects', pr: 'rejects', newFailures, ...(failedOnBoth ? { failedOnBoth } : {}) },
    pr: findingsOf(pr, new Set(newFailures)),
    base: baseFindings,
    undecided: false,
  };
}

/** The tests that passed on the base and fail on the PR. */
function testsBrokenBy(pr: SuiteOutcome, base: SuiteOutcome): string[] {
  const passedOnBase = new Set((base.tests ?? []).filter((test) => test.status === 'passed').map((test) => test.id));
  return (pr.tests ?? []).filter((test) => test.status === 'failed' && passedOnBase.has(test.id)).map((test) => test.id);
}

/**
 * A failed suite run as findings: one per failed test when it wrote JUnit XML (the tests the PR
 * broke first, the others marked as failing on the base too), else one for the run with the tail
 * of its output.
 */
export function findingsOf(outcome: SuiteOutcome, brokenTests?: ReadonlySet<string>): Finding[] {
  const failed = (outcome.tests ?? []).filter((test) => test.status === 'failed');
  if (failed.length > 0 && !outcome.timedOut) {
    const ordered = brokenTests ? [...failed.filter((test) => brokenTests.has(test.id)), ...failed.filter((test) => !brokenTests.has(test.id))] : failed;
    const findings: Finding[] = ordered.slice(0, MAX_TEST_FINDINGS).map((test) => ({
      layer: 'suite',
      test: test.id,
      message: `test ${test.id} failed${brokenTests && !brokenTests.has(test.id) ? ' (on the base too)' : ''}${test.message ? `: ${test.message}` : ''}`,
    }));
    if (ordered.length > MAX_TEST_FINDINGS) {
      findings.push({ layer: 'suite', message: `and ${ordered.length - MAX_TEST_FINDINGS} more failed tests` });
    }
    return findings;
  }
  const junit = outcome.junitNote ? ` Its JUnit report was not used: ${outcome.junitNote}.` : '';
  const what = outcome.timedOut ? `the suite ${outcome.ending}` : `the suite failed (${outcome.ending})`;
  return [{ layer: 'suite', message: `${what}.${junit}`, ...(outcome.tail ? { output: outcome.tail } : {}), ...(outcome.timedOut ? { timedOut: true } : {}) }];
}
