import { configKey, type OldConfig } from '../../configs/collect.js';
import { createMatcher } from '../../configs/select.js';
import { GateError } from '../../errors.js';
import type { ProcessLanes } from '../lanes.js';
import type { Scratch } from '../loader/index.js';
import type { SuiteOptions } from '../judge.js';
import { judgeSuite, type SuiteLayer } from './judge.js';
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
 * The suite layer of a check: the PR's suite on every config `suite-configs` names, one config a
 * process and one process at a time; the base's suite on the ones the PR's rejects (and, for a
 * release, on every one: a release config the PR fixes is known only so). A config with the same
 * path and content in two refs is run once a side.
 */
export class SuiteSides {
  private readonly onPr = new Map<string, SuiteOutcome>();
  private readonly onBase = new Map<string, SuiteOutcome>();
  private readonly matches: (path: string) => boolean;
  private readonly prRunner: SuiteRunner;
  private baseRunner: Promise<SuiteRunner | { failure: string }> | undefined;
  /** Configs (path and content) the suite ran on, in any ref. */
  readonly configs = new Set<string>();
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
    return this.prRunner.processes + (this.baseProcesses ?? 0);
  }

  private baseProcesses: number | undefined;

  /**
   * Runs the PR's suite on a ref's configs that the suite covers, then the base's on those the
   * PR's rejects (`everyOnBase`: on all of them). Throws when the PR's suite cannot start.
   */
  async judgeRef(configs: OldConfig[], refLabel: string, everyOnBase: boolean): Promise<void> {
    const mine = configs.filter((config) => this.covers(config));
    for (const config of mine) {
      const key = configKey(config);
      this.configs.add(key);
      if (this.onPr.has(key)) continue;
      const outcome = await this.prRunner.run(config, refLabel);
      this.durationMs += outcome.durationMs;
      if (outcome.notStarted) throw suiteCannotStart(this.setup.suite.command, this.setup.prCwd, outcome);
      this.onPr.set(key, outcome);
    }
    for (const config of mine) {
      const key = configKey(config);
      if (this.onBase.has(key) || (!everyOnBase && this.onPr.get(key)!.passed)) continue;
      const runner = await (this.baseRunner ??= this.setup.baseCwd().then((cwd) =>
        typeof cwd === 'string' ? new SuiteRunner({ ...this.runnerSetup(cwd), folder: 'base' }) : cwd,
      ));
      if (!(runner instanceof SuiteRunner)) {
        this.onBase.set(key, { passed: false, timedOut: false, notStarted: true, ending: runner.failure, tail: '', durationMs: 0 });
        continue;
      }
      const outcome = await runner.run(config, refLabel);
      this.durationMs += outcome.durationMs;
      this.baseProcesses = runner.processes;
      this.onBase.set(key, outcome);
    }
  }

  /** The suite layer of a config, when the suite ran on it. */
  layer(config: OldConfig): SuiteLayer | undefined {
    const pr = this.onPr.get(configKey(config));
    return pr ? judgeSuite(pr, this.onBase.get(configKey(config))) : undefined;
  }

  /**
   * Nothing checked: the PR's suite rejects every config of the base it ran on, and the base's own
   * suite does too without passing a single test. The suite cannot run (a missing dependency, a
   * wrong command), so the layer compares nothing.
   */
  cannotRunOnBase(configs: OldConfig[], at: string): GateError | undefined {
    const mine = configs.filter((config) => this.covers(config));
    if (mine.length === 0) return undefined;
    const base: SuiteOutcome[] = [];
    for (const config of mine) {
      const pr = this.onPr.get(configKey(config));
      const onBase = this.onBase.get(configKey(config));
      if (!pr || pr.passed || !onBase) return undefined;
      if (onBase.passed || onBase.tests?.some((test) => test.status === 'passed')) return undefined;
      base.push(onBase);
    }
    const first = base[0]!;
    const last = gist(first.tail);
    return new GateError(
      `The suite fails on all ${mine.length === 1 ? 'the one config' : `${mine.length} configs`} it ran on with the code of ${at} too, and passes no test there (${first.ending}${last ? `: ${JSON.stringify(last)}` : ''}): it cannot run, so the suite layer compared nothing.`,
      (n) => `Make the ${n.setting('suite')} runnable on the base as on the PR (install its dependencies in an earlier step; check the command and the ${n.setting('working-directory')}), or check that the ${n.setting('suite-configs')} names configs it can start with.`,
    );
  }

  /** Configs of these on which the suite timed out on the PR and on the base: nothing can be said of them. */
  undecided(configs: OldConfig[]): string[] {
    return configs.filter((config) => this.covers(config) && this.layer(config)?.undecided).map((config) => config.path);
  }

  private runnerSetup(cwd: string) {
    const { suite, env, lanes, scratch } = this.setup;
    return { command: suite.command, cwd, env, timeoutSeconds: suite.timeoutSeconds, lanes, scratch };
  }
}

/** The suite timed out on both sides: the gate cannot tell, and says how to let it. */
export function suiteTimedOut(paths: string[], timeoutSeconds: number, at: string): GateError {
  const some = paths.slice(0, 3).map((path) => `\`${path}\``).join(', ');
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return new GateError(
    (n) => `The suite timed out (${n.setting('suite-timeout')}: ${timeoutSeconds}s) on ${some}${more} with the PR's code and with the code of ${at}: it cannot tell whether the PR breaks ${paths.length === 1 ? 'it' : 'them'}.`,
    (n) => `Raise the ${n.setting('suite-timeout')} (seconds per suite run), or make the suite finish sooner.`,
  );
}

function suiteCannotStart(command: string, cwd: string, outcome: SuiteOutcome): GateError {
  const last = gist(outcome.tail);
  return new GateError(
    `The suite cannot start: \`${command.trim()}\` in ${cwd} ended with ${outcome.ending}${last ? `: ${JSON.stringify(last)}` : ''}.`,
    (n) => `Check the ${n.setting('suite')} (the command must exist once the earlier steps ran: install its dependencies first) and the ${n.setting('working-directory')}.`,
  );
}

/** The line of a failed run's output that most likely says why: the first that reads like an error, else the last. */
export function gist(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = lines.find((line) => /\b(error|not found|cannot|can't|no such|no module|traceback|exception|denied)\b/i.test(line));
  const line = error ?? lines.at(-1) ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
