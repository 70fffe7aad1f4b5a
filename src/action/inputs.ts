import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { describeJsonRead, readJsonBytes } from '../configs/parse/index.js';
import { GateError, errorMessage } from '../errors.js';
import type { Payload } from '../refs/base.js';
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

/** GitHub caps a webhook payload at 25 MB; the event file is that payload. */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

const EVENT_HINT = 'The runner writes this file for each job: re-run the job; where the action is started by other means, point GITHUB_EVENT_PATH at the event\'s JSON payload.';

/**
 * The event payload at GITHUB_EVENT_PATH ({} without one), read as any JSON from outside is:
 * size, encoding and depth checked. Throws a GateError naming the file and what to do.
 */
export async function readEvent(path: string | undefined): Promise<Payload> {
  if (!path) return {};
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new GateError(`The event file ${path} could not be read: ${errorMessage(error)}.`, EVENT_HINT);
  }
  const read = readJsonBytes(bytes, { maxBytes: MAX_EVENT_BYTES });
  if (!read.ok) throw new GateError(`The event file ${path} could not be read: ${describeJsonRead(read)}.`, EVENT_HINT);
  const { value } = read;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GateError(`The event file ${path} is not a JSON object, as an event payload is.`, EVENT_HINT);
  }
  return value as Payload;
}
