import { TOOL_NAME } from '../constants.js';

/**
 * How compat-gate knows its own sticky comment: the hidden first line (marker) and the
 * hidden second line of the resolved form. The comment writer finds comments by them and the
 * comment renderer writes them, so they sit below both.
 */

/** Starts the hidden first line that marks a gate's sticky comment; the key follows. */
export const COMMENT_MARKER_PREFIX = `<!-- ${TOOL_NAME}:comment key=`;

/** The hidden second line of a comment rewritten to the resolved form. */
export const RESOLVED_MARK = `<!-- ${TOOL_NAME}:resolved -->`;

/** The hidden HTML comment that is the first line of this gate's sticky comment. */
export function commentMarker(key: string): string {
  return `${COMMENT_MARKER_PREFIX}${key} -->`;
}

/** Whether a comment body is this gate's sticky comment already in the resolved form. */
export function isResolvedComment(body: string): boolean {
  return body.split(/\r?\n/, 2)[1] === RESOLVED_MARK;
}
