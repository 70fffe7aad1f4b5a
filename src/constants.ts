/** Names the outside world sees: verdicts, outputs, statuses, the comment marker. */

/** The gate's answer for a pull request. */
export const Verdict = {
  Pass: 'pass',
  Acknowledged: 'acknowledged',
  Breaking: 'breaking',
  Error: 'error',
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** What became of one old config under the PR's code. */
export const ConfigStatus = {
  /** Loads on the PR. */
  Ok: 'ok',
  /** Loaded on the base, does not load on the PR: this PR breaks it. */
  Broken: 'broken',
  /** Does not load on the PR, and did not load on the base either. */
  FailingOnBase: 'failing-on-base',
  /** Cannot be parsed at all (on any side): never blamed on the PR. */
  Unreadable: 'unreadable',
} as const;
export type ConfigStatus = (typeof ConfigStatus)[keyof typeof ConfigStatus];

/** What the PR does to one config of the latest release, compared with the base. */
export const DriftStatus = {
  /** Loads on the PR (and on the base). */
  Ok: 'ok',
  /** Loads on the base, fails on the PR: this PR breaks it. */
  New: 'new',
  /** Fails on the base and on the PR: already broken on the base branch. */
  Existing: 'existing',
  /** Fails on the base, loads on the PR: this PR fixes it. */
  Fixed: 'fixed',
  /** Cannot be parsed at all. */
  Unreadable: 'unreadable',
} as const;
export type DriftStatus = (typeof DriftStatus)[keyof typeof DriftStatus];

/** Action outputs, as named in action.yml. */
export const Outputs = {
  Verdict: 'verdict',
  Broken: 'broken',
  Drift: 'drift',
  Release: 'release',
  Report: 'report',
  Sarif: 'sarif',
  ReleaseNote: 'release-note',
} as const;

/** Version of the JSON report format (schemas/report.schema.json). */
export const REPORT_VERSION = 2;

/** The tool's name as it appears in reports, summaries and comments. */
export const TOOL_NAME = 'compat-gate';

/** The project's one identity (owner/name on GitHub), as in `uses: org/compat-gate@v1`. */
export const REPOSITORY = 'org/compat-gate';

/** Where people read about compat-gate: the repository's home page (SARIF `informationUri`). */
export const HOMEPAGE = `https://github.com/${REPOSITORY}`;

/*
 * How compat-gate knows its own sticky comment: the hidden first line (marker) and the hidden
 * second line of the resolved form. The comment writer (github/) finds comments by them and
 * the comment renderer (reports/) writes them, so they sit below both.
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
