/**
 * How an edge names a setting in its words: the action says "the `schema` input", the CLI
 * "the `--schema` flag". The engine writes its errors once, as functions of a Naming.
 */
export interface Naming {
  /** Which edge reads the words. */
  readonly edge: 'action' | 'cli';
  /** A setting by its action.yml name, as this edge's users set it (e.g. "`schema` input"). */
  setting(name: string): string;
}

/** The action's words: inputs of the step. */
export const ACTION_NAMING: Naming = { edge: 'action', setting: (name) => `\`${name}\` input` };

/** Words of a GateError: plain text, or text that names settings through the edge's Naming. */
export type Words = string | ((naming: Naming) => string);

/**
 * A failure of the gate itself (bad input, missing ref, a loader that cannot start).
 * It becomes `verdict=error`, never a break of the PR. The message names what is wrong
 * (file, ref) and `hint` says what to do about it. `message` and `hint` are in the action's
 * words; `worded(naming)` gives them in another edge's.
 */
export class GateError extends Error {
  override readonly name = 'GateError';
  constructor(
    private readonly words: Words,
    /** What the user can do to fix it, one sentence. */
    private readonly hintWords?: Words,
  ) {
    super(word(words, ACTION_NAMING));
  }

  /** The hint in the action's words. */
  get hint(): string | undefined {
    return this.hintWords === undefined ? undefined : word(this.hintWords, ACTION_NAMING);
  }

  /** The message and hint as an edge says them. */
  worded(naming: Naming): { message: string; hint?: string } {
    const hint = this.hintWords === undefined ? undefined : word(this.hintWords, naming);
    return { message: word(this.words, naming), ...(hint ? { hint } : {}) };
  }
}

function word(words: Words, naming: Naming): string {
  return typeof words === 'string' ? words : words(naming);
}

/** The message of any thrown value, with a GateError's hint, without a stack trace. */
export function describeError(error: unknown, naming: Naming = ACTION_NAMING): string {
  if (error instanceof GateError) {
    const { message, hint } = error.worded(naming);
    return hint ? `${message} ${hint}` : message;
  }
  return errorMessage(error);
}

/** The message of any thrown value alone: no hint, no stack trace. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
