import { configKey, type OldConfig } from '../../configs/collect.js';
import { createMatcher } from '../../configs/select.js';
import { GateError } from '../../errors.js';
import type { ProcessLanes } from '../lanes.js';
import type { Scratch } from '../loader/index.js';
import type { SuiteOptions } from '../judge.js';
import { judgeSuite, type SuiteLayer, type Undecided } from './judge.js';
import { SuiteRunner, type SuiteOutcome } from './run.js';

/** Where the suite runs on each side and with what. */
export interface SuiteSidesSetup {
  suite: SuiteOptions;
  /** The PR checkout's working directory. */
  prCwd: string;
  /** The base's working directory in a copy of its tree, made on first use; or why it cannot be made. */
  baseCwd: () => Promise<string | { failure: string }>;
  env: Record<string, string>;
  lanes: ProcessLanes;
  scratch: Scratch;
}

/**
 * Suite runs on the PR that may time out before the others are not started: each costs
 * `suite-timeout` (half an hour by default), and a PR that makes the suite hang would otherwise
 * hold the job until its own time limit, which ends it with no verdict at all. A config whose PR
 * run timed out is broken or undecided, never a pass, so the configs left out cannot turn the
 * verdict green.
 */
export const SUITE_TIMEOUT_BUDGET = 2;

/**
 * The suite layer of a check: the PR's suite on every config `suite-configs` names, one config a
 * process and one process at a time; the base's suite on the ones the PR's rejects (and, for a
 * release, on every one: a release config the PR fixes is known only so). A config with the same
 * path and content in two refs is run once a side.
 */
export class SuiteSides {
  private readonly onPr = new Map<string, SuiteOutcome>();
  private readonly onBase = new Map<string, SuiteOutcome>();
  /** Each config's judgement, made once: it walks every test of both runs, and two readers ask for it. */
  private readonly judged = new Map<string, SuiteLayer>();
  private readonly matches: (path: string) => boolean;
  private readonly prRunner: SuiteRunner;
  private baseRunner: Promise<SuiteRunner | { failure: string }> | undefined;
  private prTimeouts = 0;
  /** Configs (path and content) the suite ran on, in any ref. */
  readonly configs = new Set<string>();
  /** Configs the suite was not run on once the PR's runs had used up the time-out budget. */
  readonly leftOut: string[] = [];
  /** Configs whose base run printed the PR checkout's path: it most likely ran the PR's code. */
  readonly sawPrCheckout: string[] = [];
  durationMs = 0;

  constructor(private readonly setup: SuiteSidesSetup) {
    this.matches = createMatcher(setup.suite.patterns);
    this.prRunner = new SuiteRunner({ ...this.runnerSetup(setup.prCwd), folder: 'pr' });
  }

  /** Whether the suite runs on this config: readable, and named by `suite-configs` at its old path or its path today. */
  covers(config: OldConfig): boolean {
    return config.read.ok && (this.matches(config.path) || (config.currentPath !== undefined && this.matches(config.currentPath)));
  }

  get processes(): number {
    return this.prRunner.processes + this.baseProcesses;
  }

  private baseProcesses = 0;

  /**
   * Runs the PR's suite on a ref's configs that the suite covers, then the base's on those the
   * PR's rejects (`everyOnBase`: on all of them). Throws when the PR's suite cannot start.
   */
  async judgeRef(configs: OldConfig[], refLabel: string, everyOnBase: boolean): Promise<void> {
    const mine: OldConfig[] = [];
    for (const config of configs.filter((candidate) => this.covers(candidate))) {
      const key = configKey(config);
      if (!this.onPr.has(key)) {
        if (this.prTimeouts >= SUITE_TIMEOUT_BUDGET) {
          this.leftOut.push(config.path);
          continue;
        }
        const outcome = await this.prRunner.run(config, refLabel);
        this.durationMs += outcome.durationMs;
        if (outcome.notStarted) throw suiteCannotStart(this.setup.suite.command, this.setup.prCwd, outcome);
        if (outcome.timedOut) this.prTimeouts += 1;
        this.onPr.set(key, outcome);
      }
      this.configs.add(key);
      mine.push(config);
    }
    for (const config of mine) {
      const key = configKey(config);
      if (this.onBase.has(key) || (!everyOnBase && this.onPr.get(key)!.passed)) continue;
      const runner = await (this.baseRunner ??= this.setup.baseCwd().then((cwd) =>
        typeof cwd === 'string' ? new SuiteRunner({ ...this.runnerSetup(cwd), folder: 'base' }) : cwd,
      ));
      if (!(runner instanceof SuiteRunner)) {
        this.onBase.set(key, { passed: false, timedOut: false, notStarted: true, ending: runner.failure, tail: '', durationMs: 0 });
        this.judged.delete(key);
        continue;
      }
      const outcome = await runner.run(config, refLabel);
      this.durationMs += outcome.durationMs;
      this.baseProcesses = runner.processes;
      // An editable install (`pip install -e .`) points the base's run at the PR checkout's code.
      if (outcome.tail.includes(this.setup.prCwd)) this.sawPrCheckout.push(config.path);
      this.onBase.set(key, outcome);
      // A config the base ref shares with a release gets the base's run only now: judge it again.
      this.judged.delete(key);
    }
  }

  /** The suite layer of a config, when the suite ran on it. */
  layer(config: OldConfig): SuiteLayer | undefined {
    const key = configKey(config);
    const pr = this.onPr.get(key);
    if (!pr) return undefined;
    let layer = this.judged.get(key);
    if (!layer) this.judged.set(key, (layer = judgeSuite(pr, this.onBase.get(key))));
    return layer;
  }

  /** The configs of these whose suite layer cannot be judged, and why. */
  undecided(configs: OldConfig[]): Array<{ path: string; why: Undecided }> {
    const found: Array<{ path: string; why: Undecided }> = [];
    for (const config of configs) {
      const why = this.covers(config) ? this.layer(config)?.undecided : undefined;
      if (why) found.push({ path: config.path, why });
    }
    return found;
  }

  /**
   * Nothing checked: the PR's suite rejects every config of the base it ran on, and the base's own
   * suite, which ran to its end, does too without passing a single test (or without a JUnit report
   * to say which tests pass). The suite cannot run there (a missing dependency, a wrong command),
   * or fails on main as it is: either way the layer compares nothing.
   */
  cannotRunOnBase(configs: OldConfig[], at: string): GateError | undefined {
    const mine = configs.filter((config) => this.covers(config) && this.onPr.has(configKey(config)));
    if (mine.length === 0) return undefined;
    const base: SuiteOutcome[] = [];
    for (const config of mine) {
      const pr = this.onPr.get(configKey(config))!;
      const onBase = this.onBase.get(configKey(config));
      if (pr.passed || !onBase || onBase.notStarted || onBase.timedOut) return undefined;
      if (onBase.passed || onBase.tests?.some((test) => test.status === 'passed')) return undefined;
      base.push(onBase);
    }
    const first = base[0]!;
    const last = gist(first.tail);
    const reported = base.some((outcome) => outcome.tests !== undefined);
    const configsWord = mine.length === 1 ? 'the one config' : `all ${mine.length} configs`;
    return new GateError(
      `The suite fails on ${configsWord} it ran on with the code of ${at} too, and ${reported ? 'passes no test there' : 'wrote no JUnit report there to tell which tests pass'} (${first.ending}${last ? `: ${JSON.stringify(last)}` : ''}): the suite layer compared nothing.`,
      reported
        ? (n) => `Make the ${n.setting('suite')} runnable on the base as on the PR (install its dependencies in an earlier step; check the command and the ${n.setting('working-directory')}), or check that the ${n.setting('suite-configs')} names configs it can start with.`
        : (n) => `Have the ${n.setting('suite')} write JUnit XML to \`$COMPAT_GATE_JUNIT\` (pytest \`--junitxml="$COMPAT_GATE_JUNIT"\`), so that it is judged test by test and an old failing test on the base no longer hides the rest; or make it pass on the base.`,
    );
  }

  private runnerSetup(cwd: string) {
    const { suite, env, lanes, scratch } = this.setup;
    return { command: suite.command, cwd, env, timeoutSeconds: suite.timeoutSeconds, lanes, scratch };
  }
}

/** The suite could not be judged on these configs: the gate cannot tell, and says what would let it. */
export function suiteUndecided(found: Array<{ path: string; why: Undecided }>, timeoutSeconds: number, at: string): GateError {
  // One cause at a time, the first found: its fix is the one to say.
  const why = found[0]!.why;
  const paths = found.filter((entry) => entry.why === why).map((entry) => entry.path);
  const some = paths.slice(0, 3).map((path) => `\`${path}\``).join(', ');
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  const them = paths.length === 1 ? 'it' : 'them';
  switch (why) {
    case 'timed-out-on-both':
      return new GateError(
        (n) => `The suite timed out (${n.setting('suite-timeout')}: ${timeoutSeconds}s) on ${some}${more} with the PR's code and with the code of ${at}: it cannot tell whether the PR breaks ${them}.`,
        (n) => `Raise the ${n.setting('suite-timeout')} (seconds per suite run), or make the suite finish sooner.`,
      );
    case 'base-timed-out':
      return new GateError(
        (n) => `The suite fails on ${some}${more} with the PR's code, and timed out (${n.setting('suite-timeout')}: ${timeoutSeconds}s) with the code of ${at}: there is nothing to compare the failure with.`,
        (n) => `Raise the ${n.setting('suite-timeout')} (seconds per suite run), or make the suite finish sooner on the base.`,
      );
    case 'base-did-not-run':
      return new GateError(
        `The suite fails on ${some}${more} with the PR's code, and could not run with the code of ${at}: there is nothing to compare the failure with.`,
        (n) => `Make the ${n.setting('suite')} runnable on the base too (the base's suite runs in a copy of the base's tree, with the same tools and packages installed as the PR's): install what it needs in an earlier step.`,
      );
  }
}

/** The line of a failed run's output that most likely says why: the first that reads like an error, else the last. */
export function gist(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = lines.find((line) => /\b(error|not found|cannot|can't|no such|no module|traceback|exception|denied)\b/i.test(line));
  const line = error ?? lines.at(-1) ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function suiteCannotStart(command: string, cwd: string, outcome: SuiteOutcome): GateError {
  const last = gist(outcome.tail);
  return new GateError(
    `The suite cannot start: \`${command.trim()}\` in ${cwd} ended with ${outcome.ending}${last ? `: ${JSON.stringify(last)}` : ''}.`,
    (n) => `Check the ${n.setting('suite')} (the command must exist once the earlier steps ran: install its dependencies first) and the ${n.setting('working-directory')}.`,
  );
}
