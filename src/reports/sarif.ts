import { ConfigStatus, HOMEPAGE, TOOL_NAME, Verdict } from '../constants.js';
import type { Finding } from '../checks/evaluate.js';
import { fileLink } from './markdown.js';
import { releaseDrifts, type Report } from '../verdict/report.js';
import { visible } from './safe-text.js';
import type { Break } from '../verdict/fingerprint.js';
import { findingText } from './summary.js';

/** The SARIF rules compat-gate reports under. */
export const SarifRule = {
  BrokenConfig: 'compat-gate/broken-config',
  ReleaseDrift: 'compat-gate/release-drift',
  LatentBreak: 'compat-gate/latent-schema-break',
} as const;

/** A rule as SARIF describes it (`reportingDescriptor`, SARIF 2.1.0 §3.49). */
export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

const RULES: SarifReportingDescriptor[] = [
  {
    id: SarifRule.BrokenConfig,
    name: 'BrokenConfig',
    shortDescription: { text: 'A config that loads on the base no longer loads with this change.' },
    fullDescription: {
      text: 'compat-gate loaded a config file as it is on the base branch with the schema and loader of this change, and it failed; it loaded with the base\'s own schema and loader.',
    },
    help: { text: 'Keep accepting the old form, or acknowledge the breaking change (a `feat!:` title, a `BREAKING CHANGE:` footer, or the acknowledgement label) and tell users how to migrate.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: SarifRule.ReleaseDrift,
    name: 'ReleaseDrift',
    shortDescription: { text: 'A config of the latest release no longer loads with this change.' },
    fullDescription: { text: 'Users of the latest release have this config; it loads on the base branch and not with this change.' },
    help: { text: 'Keep accepting the release\'s form of the config, or document the migration in the release notes.' },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: SarifRule.LatentBreak,
    name: 'LatentSchemaBreak',
    shortDescription: { text: 'A breaking schema change that no sample config exercises.' },
    fullDescription: { text: 'Data that was valid under the base\'s schema can be invalid under this change\'s schema, though no config in the repository shows it.' },
    help: { text: 'Add a config that uses the old form to the repository, or acknowledge the breaking change.' },
    defaultConfiguration: { level: 'warning' },
  },
];

/** One finding in SARIF (`result`, SARIF 2.1.0 §3.27): the fields compat-gate writes. */
export interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }>;
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}

/** The SARIF log compat-gate writes (`sarifLog`, SARIF 2.1.0 §3.13): one run of one tool. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifReportingDescriptor[] } };
    results: SarifResult[];
    versionControlProvenance?: Array<{ repositoryUri: string; revisionId: string }>;
  }>;
}

/**
 * The report as SARIF 2.1.0, for `github/codeql-action/upload-sarif`: one result per broken
 * config and per config of new release drift, at the line of its first error.
 */
export function renderSarif(report: Report): SarifLog {
  const results: SarifResult[] = [];
  const acknowledged = report.verdict === Verdict.Acknowledged;
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    results.push(result(SarifRule.BrokenConfig, acknowledged ? 'warning' : 'error', config.path, config.errors, report.base?.ref, {
      ...(report.base ? { ref: report.base.ref, sha: report.base.sha, url: fileLink(report, report.base.sha, config.path) } : {}),
      acknowledged,
      ...fingerprintProperties(config.breaks),
    }, config.breaks));
  }
  // One result a config path, for the first release it drifts in (its fingerprint is the path).
  const drifted = new Set<string>();
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== 'new' || drifted.has(config.path)) continue;
      drifted.add(config.path);
      results.push(
        result(SarifRule.ReleaseDrift, 'warning', config.path, config.errors, release.ref, {
          ref: release.ref,
          sha: release.sha,
          ...(config.currentPath ? { currentPath: config.currentPath } : {}),
          ...fingerprintProperties(config.breaks),
        }, config.breaks),
      );
    }
  }
  for (const change of report.schemaChanges?.latent ?? []) {
    results.push({
      ruleId: SarifRule.LatentBreak,
      level: 'warning',
      message: { text: visible(change.message, { newlines: true }) },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(change.file) }, ...(change.line ? { region: { startLine: change.line } } : {}) } }],
      partialFingerprints: { compatGateKey: `${SarifRule.LatentBreak}:${change.file}:${change.schemaPointer}:${change.rule}` },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: report.tool.version, informationUri: HOMEPAGE, rules: RULES } },
        results,
        ...(report.head ? { versionControlProvenance: [{ repositoryUri: report.repository ? `${report.repository.serverUrl}/${report.repository.name}` : '', revisionId: report.head.sha }] } : {}),
      },
    ],
  };
}

/** The breaks' fingerprints as result properties, for people reading the SARIF. */
function fingerprintProperties(breaks: readonly Break[] | undefined): Record<string, unknown> {
  return breaks?.length ? { fingerprints: breaks.map((broke) => broke.fingerprint) } : {};
}

function result(
  ruleId: string,
  level: 'error' | 'warning',
  path: string,
  errors: Finding[],
  ref: string | undefined,
  properties: Record<string, unknown>,
  breaks: readonly Break[] | undefined,
): SarifResult {
  const first = errors[0];
  return {
    ruleId,
    level,
    message: { text: `${visible(path)}${ref ? ` (as on ${visible(ref)})` : ''} no longer loads: ${first ? findingText(first) : 'it does not load'}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(path) },
          ...(first?.line ? { region: { startLine: first.line, ...(first.column ? { startColumn: first.column } : {}) } } : {}),
        },
      },
    ],
    // Stable across runs, so code scanning tracks one alert per config and rule; the breaks'
    // fingerprints (sorted, never shas or lines) tell a new break of the same config apart, and
    // the alert closes once they are gone.
    partialFingerprints: {
      compatGateKey: `${ruleId}:${path}`,
      ...(breaks?.length ? { 'compatGateBreaks/v1': [...new Set(breaks.map((broke) => broke.fingerprint))].sort().join(',') } : {}),
    },
    // The layer that broke it first: schema, loader or suite.
    properties: { ...(first ? { layer: first.layer } : {}), ...properties },
  };
}

/**
 * A repository path as a relative URI reference (RFC 3986 4.2), as SARIF's
 * `artifactLocation.uri` must be (SARIF 2.1.0 3.4.3): each segment percent-encoded, so a space,
 * `#`, `%`, `?`, a `:` in the first segment or any non-ASCII character cannot change its meaning.
 */
export function relativeUri(path: string): string {
  // A lone surrogate cannot be encoded as UTF-8: it is shown as U+FFFD, as a decoder would.
  const wellFormed = path.replace(/\p{Cs}/gu, '\uFFFD');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}
