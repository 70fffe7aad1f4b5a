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

/** The message of any thrown value, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof GateError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
