import * as core from '@actions/core';
import { actionSettings, runnerSettings, type ActionSettings, type RunnerSettings } from '../settings.js';

/** What the runner tells the step in its environment: the one place the action reads it. */
export function readRunner(): RunnerSettings {
  return runnerSettings(process.env, process.cwd());
}

/**
 * Reads and checks every input (the only caller of `core.getInput`); throws a GateError naming
 * the input and what it accepts. settings.ts applies action.yml's defaults.
 */
export function getInputs(runner: RunnerSettings): ActionSettings {
  // Masked before anything else can fail and print.
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  return actionSettings((name) => core.getInput(name), runner, process.env);
}
