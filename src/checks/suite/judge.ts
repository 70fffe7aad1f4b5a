import type { Finding } from '../evaluate.js';
import type { LayerJudgement } from '../judge.js';
import type { TestResult } from './junit.js';
import type { SuiteOutcome } from './run.js';

/** Most test ids a judgement lists; the count says how many more. */
const MAX_LISTED_TESTS = 50;

/** Why the suite layer of a config cannot be judged: the base's run says nothing to compare with. */
export type Undecided = 'timed-out-on-both' | 'base-timed-out' | 'base-did-not-run';

/** The suite layer of one config: its judgement and the findings of each side. */
export interface SuiteLayer {
  judgement: LayerJudgement;
  pr: Finding[];
  base: Finding[];
  /** Set when nothing can be said: the PR's suite fails and the base's could not finish. */
  undecided?: Undecided;
}

/**
 * Judges the suite layer of a config from the PR's run and the base's (SPEC, "The integration
 * suite layer"):
 * - the PR's suite passes: accepts (fixed drift only when the base's finished and failed);
 * - it fails and the base's passed: broken;
 * - it timed out and the base's did not: broken, timed out (time is no break only when both did);
 * - both failed with JUnit XML: broken when a test that did not fail on the base fails on the PR
 *   (passed there, or absent there: a collection error, a new test), or when tests that passed on
 *   the base did not run on the PR; else failing on base. An old failing test never hides a new one;
 * - the base wrote JUnit with passing tests and the PR's run wrote none: broken;
 * - both failed without JUnit: failing on base, by exit code;
 * - the base's run did not start or did not finish: undecided, never failing on base.
 */
export function judgeSuite(pr: SuiteOutcome, base: SuiteOutcome | undefined): SuiteLayer {
  const baseFinished = base !== undefined && !base.notStarted && !base.timedOut;
  const baseWord = !base || !baseFinished ? 'not-run' : base.passed ? 'accepts' : 'rejects';
  const baseFindings = base && baseFinished && !base.passed ? findingsOf(base) : [];
  if (pr.passed) return { judgement: { base: baseWord, pr: 'accepts' }, pr: [], base: baseFindings };
  if (!base) return { judgement: { base: 'not-run', pr: 'rejects' }, pr: findingsOf(pr), base: [] };
  if (base.passed) return { judgement: { base: 'accepts', pr: 'rejects' }, pr: findingsOf(pr), base: [] };
  if (base.notStarted) return { judgement: { base: 'not-run', pr: 'rejects' }, pr: findingsOf(pr), base: [], undecided: 'base-did-not-run' };
  if (pr.timedOut) {
    return base.timedOut
      ? { judgement: { base: 'not-run', pr: 'rejects' }, pr: findingsOf(pr), base: [], undecided: 'timed-out-on-both' }
      : { judgement: { base: 'rejects', pr: 'rejects', prTimedOut: true }, pr: findingsOf(pr), base: baseFindings };
  }
  if (base.timedOut) return { judgement: { base: 'not-run', pr: 'rejects' }, pr: findingsOf(pr), base: [], undecided: 'base-timed-out' };
  const comparison = compareTests(pr.tests, base.tests);
  const judgement: LayerJudgement = { base: 'rejects', pr: 'rejects', ...comparison.judgement };
  return { judgement, pr: findingsOf(pr, comparison.baseStatus), base: baseFindings };
}

/** Test by test, what the PR changed: the judgement's fields, and each test's status on the base. */
function compareTests(
  pr: TestResult[] | undefined,
  base: TestResult[] | undefined,
): { judgement: Pick<LayerJudgement, 'newFailures' | 'notRun' | 'failedOnBoth'>; baseStatus?: ReadonlyMap<string, TestResult['status']> } {
  if (!base) return { judgement: {} };
  const baseStatus = new Map(base.map((test) => [test.id, test.status] as const));
  const passedOnBase = base.filter((test) => test.status === 'passed');
  if (!pr) {
    // The PR's run wrote no report where the base's had tests that passed: none of them ran.
    return { judgement: passedOnBase.length ? { notRun: passedOnBase.length } : {} };
  }
  const onPr = new Set(pr.map((test) => test.id));
  const failed = pr.filter((test) => test.status === 'failed');
  const newFailures = failed.filter((test) => baseStatus.get(test.id) !== 'failed').map((test) => test.id);
  const failedOnBoth = failed.length - newFailures.length;
  const notRun = passedOnBase.filter((test) => !onPr.has(test.id)).length;
  return {
    judgement: {
      ...(newFailures.length ? { newFailures: newFailures.slice(0, MAX_LISTED_TESTS) } : {}),
      ...(newFailures.length > MAX_LISTED_TESTS ? { newFailureCount: newFailures.length } : {}),
      ...(notRun ? { notRun } : {}),
      ...(failedOnBoth ? { failedOnBoth } : {}),
    },
    baseStatus,
  };
}

/**
 * A failed suite run as findings: one per failed test when it wrote JUnit XML (the tests the PR
 * broke first, the ones that failed on the base too marked so), else one for the run with the
 * tail of its output.
 */
export function findingsOf(outcome: SuiteOutcome, baseStatus?: ReadonlyMap<string, TestResult['status']>): Finding[] {
  const failed = (outcome.tests ?? []).filter((test) => test.status === 'failed');
  if (failed.length > 0 && !outcome.timedOut) {
    const failedOnBase = (test: TestResult) => baseStatus?.get(test.id) === 'failed';
    const ordered = [...failed.filter((test) => !failedOnBase(test)), ...failed.filter(failedOnBase)];
    // Every failed test: the report keeps the first ones, the fingerprints are made from all.
    return ordered.map((test) => ({
      layer: 'suite',
      test: test.id,
      message: `test ${test.id} failed${baseStatus ? baseWords(baseStatus.get(test.id)) : ''}${test.message ? `: ${test.message}` : ''}`,
      ...(failedOnBase(test) ? { failedOnBase: true } : {}),
    }));
  }
  const junit = outcome.junitNote ? ` Its JUnit report was not used: ${outcome.junitNote}.` : '';
  const what = outcome.timedOut ? `the suite ${outcome.ending}` : outcome.notStarted ? `the suite could not run (${outcome.ending})` : `the suite failed (${outcome.ending})`;
  return [{ layer: 'suite', message: `${what}.${junit}`, ...(outcome.tail ? { output: outcome.tail } : {}), ...(outcome.timedOut ? { timedOut: true } : {}) }];
}

function baseWords(status: TestResult['status'] | undefined): string {
  switch (status) {
    case 'failed':
      return ' (on the base too)';
    case 'passed':
      return ' (passed on the base)';
    case 'skipped':
      return ' (skipped on the base)';
    default:
      return ' (not run on the base)';
  }
}
