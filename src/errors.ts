/**
 * A failure of the gate itself (bad input, missing ref, a loader that cannot start).
 * It becomes `verdict=error`, never a break of the PR. The message names what is wrong
 * (file, ref) and `hint` says what to do about it.
 */
export class GateError extends Error {
  override readonly name = 'GateError';
  constructor(
    message: string,
    /** What the user can do to fix it, one sentence. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The message of any thrown value, with a GateError's hint, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof GateError && error.hint) return `${error.message} ${error.hint}`;
  return errorMessage(error);
}

/** The message of any thrown value alone: no hint, no stack trace. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
