#!/usr/bin/env node
// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);
import {
  ConfigStatus,
  GateError,
  INPUT_DEFAULTS,
  VERSION,
  Verdict,
  YAML_VERSIONS,
  check,
  createGitCommandManager,
  describeError,
  findingText,
  headline,
  loaderEnvironment,
  parseLabelList,
  parsePatterns,
  parseRefMap,
  safeJson,
  visible
} from "./chunks/chunk-U37SHED5.js";
import "./chunks/chunk-5WCQBEE6.js";

// src/cli/main.ts
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/cli/terminal.ts
function stylesFor(stream, env) {
  const on = env.FORCE_COLOR ? env.FORCE_COLOR !== "0" : !env.NO_COLOR && Boolean(stream.isTTY) && env.TERM !== "dumb";
  const wrap = (open, close) => (text) => on ? `\x1B[${open}m${text}\x1B[${close}m` : text;
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
function renderTerminal(report, styles) {
  const lines = [];
  const title = headline(report).replace(/`/g, "").replace(/^\S+\s/, "");
  const colour = report.verdict === Verdict.Pass ? styles.green : report.verdict === Verdict.Acknowledged ? styles.yellow : styles.red;
  lines.push(styles.bold(colour(title)));
  if (report.error) {
    lines.push("", `  ${visible(report.error.message, { newlines: true })}`);
    if (report.error.hint) lines.push(`  ${styles.dim("\u2192")} ${visible(report.error.hint, { newlines: true })}`);
  }
  const section = (status, mark, label, paint) => {
    const configs = report.configs.filter((config) => config.status === status);
    if (!configs.length) return;
    lines.push("", styles.bold(label));
    for (const config of configs) lines.push(...configLines(config, mark, paint, styles));
  };
  section(ConfigStatus.Broken, "\u2717", report.verdict === Verdict.Acknowledged ? "Broken (acknowledged):" : "Broken by this change:", report.verdict === Verdict.Acknowledged ? styles.yellow : styles.red);
  section(ConfigStatus.FailingOnBase, "\xB7", "Already failing on the base (not blamed on this change):", styles.dim);
  section(ConfigStatus.Unreadable, "?", "Unreadable on every side:", styles.dim);
  if (report.drift && report.release) {
    const { counts } = report.drift;
    lines.push("", styles.bold(`Release ${visible(report.release.ref)}: ${counts.new} new, ${counts.existing} existing, ${counts.fixed} fixed drift (of ${counts.configs} configs).`));
    for (const config of report.drift.configs.filter((c2) => c2.status === "new")) {
      lines.push(`  ${styles.red("+")} ${visible(config.path)}${config.errors[0] ? styles.dim(`  ${findingText(config.errors[0])}`) : ""}`);
    }
  }
  const latent = report.schemaChanges?.latent ?? [];
  if (latent.length) {
    lines.push("", styles.bold("Latent breaking schema changes (no config shows them; the verdict does not count them):"));
    for (const change of latent) lines.push(`  ${styles.yellow("!")} ${visible(change.message, { newlines: true })} ${styles.dim(`(${visible(change.file)}${change.line ? `:${change.line}` : ""})`)}`);
  }
  const releaseProblems = report.acknowledgement.acknowledged ? report.acknowledgement.release?.problems ?? [] : [];
  if (releaseProblems.length) {
    lines.push("", styles.bold("The acknowledgement will not reach the release (no major release):"));
    for (const problem of releaseProblems) {
      lines.push(`  ${styles.yellow("!")} ${problem.tool}${problem.method ? `, ${problem.method} merge` : ""}: ${problem.why}.`, `    ${styles.dim("fix:")} ${problem.fix}.`);
    }
  } else if (report.verdict === Verdict.Breaking) {
    const label = report.acknowledgement.labels[0];
    lines.push(
      "",
      `If the break is intended, acknowledge it: a title like ${styles.bold("feat!: \u2026")}${label ? `, the label ${styles.bold(visible(label))}` : ""}, or a ${styles.bold("BREAKING CHANGE:")} footer in a commit.`
    );
  }
  const misses = report.verdict === Verdict.Breaking ? report.acknowledgement.nearMisses ?? [] : [];
  if (misses.length) {
    lines.push("", styles.bold("Not counted, because \u2026"));
    for (const miss of misses) {
      const what = miss.kind === "commit" ? `commit ${(miss.sha ?? "").slice(0, 7)} "${visible(miss.text)}"` : `${miss.kind} "${visible(miss.text)}"`;
      lines.push(`  ${styles.yellow("~")} ${what}: ${miss.because}; what counts: ${visible(miss.kind === "label" ? `the label ${miss.fix}` : miss.fix)}`);
    }
  }
  for (const note of report.notes) lines.push(`${styles.yellow("note:")} ${visible(note, { newlines: true })}`);
  const c = report.counts;
  const checked = [
    report.base ? `${c.configs} configs from ${visible(report.base.ref)} (${report.base.sha.slice(0, 7)})` : void 0,
    report.schema ? `schema ${visible(report.schema.file)} (${visible(report.schema.draft)})` : void 0,
    report.loader ? `loader \`${visible(report.loader.command)}\` (${report.loader.processes} processes)` : void 0,
    `${(report.durationMs / 1e3).toFixed(1)} s`
  ].filter(Boolean);
  lines.push("", styles.dim(`Checked ${checked.join(", ")}.`));
  return lines.join("\n") + "\n";
}
function configLines(config, mark, paint, styles) {
  const first = config.errors[0];
  const where = first?.line ? `:${first.line}${first.column ? `:${first.column}` : ""}` : "";
  const out = [`  ${paint(mark)} ${visible(config.path)}${styles.dim(where)}`];
  for (const finding of config.errors.slice(0, 3)) out.push(`      ${findingText(finding)}`);
  if (config.errors.length > 3) out.push(styles.dim(`      \u2026and ${config.errors.length - 3} more`));
  for (const cause of config.causes ?? []) out.push(styles.dim(`      schema change: ${visible(cause, { newlines: true })}`));
  return out;
}

// src/cli/main.ts
var USAGE = `Usage: compat-gate check --configs GLOBS (--schema FILE | --loader CMD) [options]

Loads the configs of an old ref (default: the default branch) with this checkout's
schema and loader, and fails when a config that loaded there no longer loads.

Options:
  --configs GLOBS          config files, comma-separated or repeated; !glob excludes (required)
  --schema FILE            JSON Schema (JSON or YAML), relative to --working-directory
  --schema-ref-map MAP     URL-prefix=local/dir/ for absolute $refs (repeatable)
  --no-check-formats       do not assert formats
  --loader CMD             shell command; config paths are appended as arguments
  --loader-timeout SECS    seconds one loader process may run (default ${INPUT_DEFAULTS["loader-timeout"]})
  --base REF               the ref whose configs gate the change (default: origin's default branch)
  --release TAG            latest (highest semver tag), a tag, or none (default: ${INPUT_DEFAULTS.release})
  --fail-on-drift          also fail when the change breaks configs of the release
  --title TEXT             the PR title, to judge an acknowledgement (e.g. "feat!: \u2026")
  --label NAME             a PR label (repeatable)
  --ack-labels LABELS      labels that acknowledge a break (default: ${INPUT_DEFAULTS["ack-labels"]})
  --ack-must-reach-release fail when the release tool will not release the acknowledged
                           break as major (default: a warning)
  --yaml-version 1.1|1.2   1.1 reads YAML like PyYAML (default ${INPUT_DEFAULTS["yaml-version"]})
  -C, --working-directory DIR   where the loader runs (default: ${INPUT_DEFAULTS["working-directory"]})
  --json                   print the JSON report instead of text
  --report FILE            also write the JSON report to FILE
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 pass or acknowledged, 1 breaking, 2 error.`;
var ExitCode = { Pass: 0, Breaking: 1, Error: 2 };
async function main(argv, io) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        configs: { type: "string", multiple: true },
        schema: { type: "string" },
        "schema-ref-map": { type: "string", multiple: true },
        "check-formats": { type: "boolean", default: isTrue(INPUT_DEFAULTS["check-formats"]) },
        "no-check-formats": { type: "boolean" },
        loader: { type: "string" },
        "loader-timeout": { type: "string", default: INPUT_DEFAULTS["loader-timeout"] },
        base: { type: "string" },
        release: { type: "string", default: INPUT_DEFAULTS.release },
        "fail-on-drift": { type: "boolean", default: isTrue(INPUT_DEFAULTS["fail-on-drift"]) },
        title: { type: "string" },
        label: { type: "string", multiple: true },
        "ack-labels": { type: "string", default: INPUT_DEFAULTS["ack-labels"] },
        "ack-must-reach-release": { type: "boolean", default: false },
        "yaml-version": { type: "string", default: INPUT_DEFAULTS["yaml-version"] },
        "working-directory": { type: "string", short: "C", default: INPUT_DEFAULTS["working-directory"] },
        json: { type: "boolean", default: false },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" }
      }
    }));
  } catch (error) {
    io.stderr.write(`compat-gate: ${visible(describeError(error), { newlines: true })}

${USAGE}
`);
    return ExitCode.Error;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}
`);
    return ExitCode.Pass;
  }
  if (values.help || positionals[0] !== "check") {
    (values.help ? io.stdout : io.stderr).write(`${USAGE}
`);
    return values.help ? ExitCode.Pass : ExitCode.Error;
  }
  try {
    const yamlVersion = values["yaml-version"];
    if (!isYamlVersion(yamlVersion)) throw new GateError(`--yaml-version is ${yamlVersion}.`, "Use 1.1 or 1.2.");
    const timeout = Number(values["loader-timeout"]);
    if (!(timeout > 0)) throw new GateError(`--loader-timeout is ${values["loader-timeout"]}.`, "Give a positive number of seconds.");
    if (!values.configs?.length) throw new GateError("--configs is missing.", 'Give glob patterns of the config files users have, e.g. --configs "distributions/*/run.yaml".');
    const workingDirectory = resolve(io.cwd, values["working-directory"]);
    const base = values.base ?? await (await createGitCommandManager(workingDirectory)).defaultBranch();
    if (!base) throw new GateError("There is no origin/HEAD, main or master to compare with.", "Name the old ref with --base.");
    const report = await check({
      gate: {
        workingDirectory,
        patterns: parsePatterns(values.configs.join("\n")),
        ...values.schema ? { schema: values.schema } : {},
        refMap: parseRefMap((values["schema-ref-map"] ?? []).join("\n")),
        checkFormats: values["check-formats"] && !values["no-check-formats"],
        ...values.loader ? { loader: values.loader } : {},
        loaderTimeoutSeconds: timeout,
        loaderEnv: loaderEnvironment(io.env, []),
        yamlVersion
      },
      base,
      release: values.release,
      failOnDrift: values["fail-on-drift"],
      eventName: "cli",
      payload: {},
      ackLabels: parseLabelList(values["ack-labels"]),
      ackMustReachRelease: values["ack-must-reach-release"],
      allowPullRequestTarget: false,
      localPullRequest: { ...values.title !== void 0 ? { title: values.title } : {}, labels: values.label ?? [] },
      tempRoot: tmpdir(),
      toolVersion: VERSION
    });
    const json = safeJson(report) + "\n";
    if (values.report) await writeFile(resolve(io.cwd, values.report), json);
    io.stdout.write(values.json ? json : renderTerminal(report, stylesFor(io.stdout, io.env)));
    if (report.verdict === Verdict.Error) return ExitCode.Error;
    return report.verdict === Verdict.Breaking ? ExitCode.Breaking : ExitCode.Pass;
  } catch (error) {
    io.stderr.write(`compat-gate: ${visible(describeError(error), { newlines: true })}
`);
    return ExitCode.Error;
  }
}
function isYamlVersion(value) {
  return YAML_VERSIONS.includes(value);
}
function isTrue(value) {
  return value === "true";
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
