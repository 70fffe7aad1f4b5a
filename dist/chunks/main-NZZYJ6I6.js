// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);
import {
  ConfigStatus,
  INPUT_DEFAULTS,
  VERSION,
  Verdict,
  actionSettings,
  breakWords,
  buildReport,
  check,
  count,
  createGitCommandManager,
  findingText,
  headline,
  readablePointer,
  readablePointers,
  releaseDrifts,
  safeJson,
  toCheckRequest,
  visible
} from "./chunk-KVIMYTOL.js";
import {
  GateError,
  describeError
} from "./chunk-IVWIIEIV.js";
import "./chunk-5WCQBEE6.js";

// src/cli/main.ts
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";

// src/cli/args.ts
import { parseArgs } from "node:util";
var COMMANDS = ["check"];
var OPTIONS = {
  configs: { type: "string", multiple: true },
  schema: { type: "string" },
  "schema-ref-map": { type: "string", multiple: true },
  "check-formats": { type: "boolean", default: isTrue(INPUT_DEFAULTS["check-formats"]) },
  "no-check-formats": { type: "boolean" },
  loader: { type: "string" },
  "loader-timeout": { type: "string", default: INPUT_DEFAULTS["loader-timeout"] },
  migrate: { type: "string" },
  "loader-jobs": { type: "string", default: INPUT_DEFAULTS["loader-jobs"] },
  suite: { type: "string" },
  "suite-configs": { type: "string", multiple: true },
  "suite-timeout": { type: "string", default: INPUT_DEFAULTS["suite-timeout"] },
  base: { type: "string" },
  release: { type: "string", multiple: true },
  "fail-on-drift": { type: "boolean", default: isTrue(INPUT_DEFAULTS["fail-on-drift"]) },
  title: { type: "string" },
  label: { type: "string", multiple: true },
  "ack-labels": { type: "string", default: INPUT_DEFAULTS["ack-labels"] },
  "acknowledge-with": { type: "string", default: INPUT_DEFAULTS["acknowledge-with"] },
  acknowledgements: { type: "string", default: INPUT_DEFAULTS.acknowledgements },
  "ack-must-reach-release": { type: "boolean", default: isTrue(INPUT_DEFAULTS["ack-must-reach-release"]) },
  "yaml-version": { type: "string", default: INPUT_DEFAULTS["yaml-version"] },
  "working-directory": { type: "string", short: "C", default: INPUT_DEFAULTS["working-directory"] },
  json: { type: "boolean", default: false },
  report: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var FLAG_OF_INPUT = { "check-formats": "no-check-formats" };
var CLI_NAMING = {
  edge: "cli",
  setting(name) {
    const flag = FLAG_OF_INPUT[name] ?? name;
    return flag in OPTIONS ? `\`--${flag}\` flag` : `\`${name}\` setting (an action input; the CLI has no flag for it)`;
  }
};
function parseCommandLine(argv) {
  const { values, positionals, tokens } = parse(argv);
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const flag = token.rawName;
    if (!(token.name in OPTIONS)) {
      const names = Object.keys(OPTIONS).map((name) => `--${name}`);
      throw new GateError(`unknown flag \`${flag}\`${didYouMean(flag.startsWith("--") ? flag : `--${token.name}`, names)}`, "See `compat-gate --help` for every flag.");
    }
    const option = OPTIONS[token.name];
    if (option.type === "string" && token.value === void 0) {
      throw new GateError(`the flag \`${flag}\` needs a value.`, "See `compat-gate --help`.");
    }
    if (option.type === "boolean" && token.value !== void 0) {
      throw new GateError(`the flag \`${flag}\` takes no value (given \`${token.value}\`).`, `Write \`${flag}\` alone.`);
    }
  }
  if (values.help || values.version) return { values };
  const [command, ...rest] = positionals;
  if (command === void 0) return { values };
  if (!COMMANDS.includes(command)) {
    throw new GateError(`unknown command \`${command}\`${didYouMean(command, COMMANDS)}`, "See `compat-gate --help`.");
  }
  if (rest.length) throw strayArgument(argv, tokens);
  return { command, values };
}
function parse(argv) {
  return parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
}
function strayArgument(argv, tokens) {
  const positional = tokens.filter((token) => token.kind === "positional");
  const at = tokens.indexOf(positional[1]);
  const stray = positional[1].value;
  let start = at;
  while (start > 0 && tokens[start - 1]?.kind === "positional") start--;
  const flag = tokens[start - 1];
  if (flag?.kind === "option" && flag.value !== void 0 && OPTIONS[flag.name]?.type === "string") {
    const after = tokens.slice(start);
    const end = after.findIndex((token) => token.kind !== "positional");
    const strays = (end === -1 ? after : after.slice(0, end)).filter((token) => token.kind === "positional");
    const files = [flag.value, ...strays.map((token) => token.value)];
    const glob = globOf(files);
    const args = argv.map((arg, index) => {
      if (index === flag.index) return flag.inlineValue ? `${flag.rawName}=${shellQuote(glob)}` : arg;
      return index === flag.index + 1 && !flag.inlineValue ? shellQuote(glob) : shellWord(arg);
    });
    const command = ["compat-gate", ...args.filter((_, index) => !strays.some((token) => token.index === index))].join(" ");
    return new GateError(
      `unexpected argument \`${stray}\`: quote your globs. The shell expanded the glob of \`${flag.rawName}\` into ${files.length} files, and compat-gate must see the pattern itself to match it in each ref.`,
      `Run it quoted: ${command}`
    );
  }
  return new GateError(`unexpected argument \`${stray}\`: every value belongs to a flag (quote your globs, e.g. \`--configs 'conf/*.yaml'\`).`, "See `compat-gate --help`.");
}
function shellQuote(word) {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : shellQuote(word);
}
function globOf(files) {
  const dirs = files.map((file) => file.slice(0, file.lastIndexOf("/") + 1));
  const dir = dirs.every((d) => d === dirs[0]) ? dirs[0] : "**/";
  const exts = files.map((file) => /\.[^./]+$/.exec(file)?.[0] ?? "");
  const ext = exts.every((e) => e === exts[0]) ? exts[0] : "";
  return `${dir}*${ext}`;
}
function didYouMean(given, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(given, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(given.length / 3)) ? `: did you mean \`${best}\`?` : ".";
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
function isTrue(value) {
  return value === "true";
}
function flagInputs(values) {
  const text = (name) => {
    switch (name) {
      case "check-formats":
        return String(values["check-formats"] === true && values["no-check-formats"] !== true);
      case "fail-on-drift":
      case "ack-must-reach-release":
        return String(values[name] === true);
      case "comment":
        return "never";
      case "allow-pull-request-target":
        return "false";
      case "github-token":
      case "shard":
      case "merge-reports":
        return "";
      default:
        return name in values ? flagValues(values[name]).join("\n") : "";
    }
  };
  return text;
}
function flagValues(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : typeof value === "string" ? [value] : [];
}

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
    lines.push("", `  ${indented(visible(report.error.message, { newlines: true }), 2)}`);
    if (report.error.hint) lines.push(`  ${styles.dim("\u2192")} ${visible(report.error.hint, { newlines: true })}`);
  }
  const section = (status, mark, label, paint) => {
    const configs = report.configs.filter((config) => config.status === status);
    if (!configs.length) return;
    lines.push("", styles.bold(label));
    for (const config of configs.slice(0, LIST_LIMIT)) {
      const shown = status === ConfigStatus.FailingOnBase && config.baseErrors?.length ? { ...config, errors: config.baseErrors } : config;
      lines.push(...configLines(shown, mark, paint, styles), ...migrationLines(config.migration, Boolean(report.settings?.migrate), styles));
    }
    lines.push(...more(configs.length, styles));
  };
  section(ConfigStatus.Broken, "\u2717", report.verdict === Verdict.Acknowledged ? "Broken (acknowledged):" : "Broken by this change:", report.verdict === Verdict.Acknowledged ? styles.yellow : styles.red);
  section(ConfigStatus.FailingOnBase, "\xB7", "Already failing on the base (not blamed on this change):", styles.dim);
  section(ConfigStatus.Unreadable, "?", "Unreadable on every side:", styles.dim);
  for (const release of releaseDrifts(report)) {
    const { counts } = release.drift;
    const tag = visible(release.ref);
    if (counts.configs === 0) {
      const nearest = release.drift.nearest?.length ? ` Nearest paths there: ${release.drift.nearest.map((path) => visible(path)).join(", ")}.` : "";
      lines.push("", styles.bold(`Release ${tag}: no config matches the patterns, at its path or moved since; drift not checked.`) + nearest);
      continue;
    }
    lines.push("", styles.bold(`Release ${tag}: ${counts.new} new, ${counts.existing} existing, ${counts.fixed} fixed drift (of ${count(counts.configs, "config")}).`));
    const drifted = release.drift.configs.filter((c2) => c2.status === "new");
    for (const config of drifted.slice(0, LIST_LIMIT)) {
      const where = config.currentPath ? `${visible(config.path)} in ${tag}, now ${visible(config.currentPath)}` : config.noPathToday ? `${visible(config.path)} in ${tag}, no path today` : visible(config.path);
      lines.push(`  ${styles.red("+")} ${where}${config.errors[0] ? styles.dim(`  ${indented(findingText(config.errors[0]), 6)}`) : ""}`);
      lines.push(...migrationLines(config.migration, Boolean(report.settings?.migrate), styles));
    }
    lines.push(...more(drifted.length, styles));
    const gone = release.drift.noPathToday ?? [];
    if (gone.length) {
      lines.push(styles.dim(`  ${count(gone.length, "config")} of ${tag} ${gone.length === 1 ? "has" : "have"} no path the patterns name today (judged at ${gone.length === 1 ? "its path" : "their paths"} there):`));
      for (const config of gone.slice(0, LIST_LIMIT)) {
        const why = config.why === "deleted" ? "deleted since" : `moved out of the patterns, to ${visible(config.to ?? "")}`;
        lines.push(styles.dim(`    ${visible(config.path)} (${why}; ${config.status === "ok" ? "loads" : config.status})`));
      }
      lines.push(...more(gone.length, styles));
    }
  }
  const latent = report.schemaChanges?.latent ?? [];
  if (latent.length) {
    lines.push("", styles.bold("Latent breaking schema changes (no config that loaded on the base shows them; the verdict does not count them):"));
    for (const change of latent.slice(0, LIST_LIMIT)) {
      lines.push(`  ${styles.yellow("!")} ${indented(visible(readablePointers(change.message), { newlines: true }), 4)} ${styles.dim(`(${visible(change.file)}${change.line ? `:${change.line}` : ""})`)}`);
      if (change.shownBy?.length) lines.push(styles.dim(`      shown by configs already failing on the base: ${change.shownBy.map((path) => visible(path)).join(", ")}`));
    }
    lines.push(...more(latent.length, styles));
  }
  if (report.releaseNote) {
    lines.push("", styles.bold("Release note (paste into the squash commit):"));
    for (const line of report.releaseNote.footer.split("\n")) lines.push(`  ${line}`);
  }
  const reachProblems = report.acknowledgement.acknowledged ? report.acknowledgement.release?.problems ?? [] : [];
  if (reachProblems.length) {
    lines.push("", styles.bold("The acknowledgement will not reach the release (no major release):"));
    for (const problem of reachProblems) {
      lines.push(`  ${styles.yellow("!")} ${problem.tool}${problem.method ? `, ${problem.method} merge` : ""}: ${problem.why}.`, `    ${styles.dim("fix:")} ${problem.fix}.`);
    }
  } else if (report.verdict === Verdict.Breaking && report.acknowledgement.mode === "file") {
    lines.push("", `Breaks are acknowledged in ${styles.bold(visible(report.acknowledgement.file?.path ?? "the acknowledgements file"))} (--acknowledge-with file).`);
  } else if (report.verdict === Verdict.Breaking) {
    const label = report.acknowledgement.labels[0];
    lines.push(
      "",
      `If the break is intended, acknowledge it: a title like ${styles.bold("feat!: \u2026")}${label ? `, the label ${styles.bold(visible(label))}` : ""}, or a ${styles.bold("BREAKING CHANGE:")} footer in a commit.`
    );
  }
  lines.push(...fileLines(report, styles));
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
    report.base ? `${count(c.configs, "config")} from ${visible(report.base.ref)} (${report.base.sha.slice(0, 7)})` : void 0,
    report.schema ? `schema ${visible(report.schema.file)} (${visible(report.schema.draft)})` : void 0,
    report.loader ? `loader \`${visible(report.loader.command)}\` (${count(report.loader.processes, "process", "processes")})` : void 0,
    report.suite ? `suite \`${visible(report.suite.command)}\` (${count(report.suite.configs, "config")}, ${count(report.suite.processes, "process", "processes")})` : void 0,
    `${(report.durationMs / 1e3).toFixed(1)} s`
  ].filter(Boolean);
  lines.push("", styles.dim(`Checked ${checked.join(", ")}.`));
  return lines.join("\n") + "\n";
}
function fileLines(report, styles) {
  const file = report.acknowledgement.file;
  if (!file || report.verdict === Verdict.Error) return [];
  const lines = [];
  const path = visible(file.path);
  if (report.verdict === Verdict.Breaking && file.uncovered.length) {
    lines.push("", styles.bold(file.found ? `Not acknowledged by ${path}:` : `No acknowledgements file ${path}: nothing is acknowledged.`));
    for (const broke of file.uncovered.slice(0, LIST_LIMIT)) {
      const why = broke.expiredEntries?.length ? ` (entry ${broke.expiredEntries.join(", ")} expired)` : broke.newSinceAcknowledgement ? " (new since the acknowledgement)" : "";
      lines.push(`  ${styles.red("\u2717")} ${broke.fingerprint} ${visible(broke.configPath)}: ${visible(breakWords(broke, readablePointer))}${why}`);
    }
    lines.push(...more(file.uncovered.length, styles));
    if (file.suggestion) {
      lines.push("", styles.bold(`If intended, add to ${path} (replace each TODO reason):`));
      for (const line of file.suggestion.split("\n")) lines.push(`  ${visible(line)}`);
    }
  }
  if (report.verdict === Verdict.Acknowledged && file.covered) {
    lines.push("", styles.bold(`Acknowledged by ${path}:`));
    for (const entry of file.entries.filter((candidate) => candidate.state === "used").slice(0, LIST_LIMIT)) lines.push(`  ${styles.yellow("\u2713")} entry ${entry.number}: ${visible(entry.reason)}`);
  }
  for (const entry of file.entries.filter((candidate) => candidate.state === "expired")) {
    lines.push(`${styles.yellow("expired:")} ${path} entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ""} expired after ${visible(entry.expires ?? "")}: it acknowledges nothing.`);
  }
  for (const entry of file.entries.filter((candidate) => candidate.state === "stale")) {
    lines.push(`${styles.yellow("stale:")} ${path} entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ""} matches no break any more: remove it.`);
  }
  return lines;
}
var LIST_LIMIT = 20;
function more(total, styles) {
  return total > LIST_LIMIT ? [styles.dim(`  \u2026 and ${total - LIST_LIMIT} more (see --json)`)] : [];
}
function indented(text, spaces) {
  return text.split("\n").join(`
${" ".repeat(spaces)}`);
}
function migrationLines(migration, commandRan, styles) {
  if (!migration) return [];
  switch (migration.status) {
    case "migrates":
      return [
        `      ${styles.green("migrates")} ${styles.dim("with the migrate command (--json has the diff)")}`,
        ...migration.message ? [styles.dim(`      ${visible(migration.message)}`)] : []
      ];
    case "no-migration":
      return commandRan ? [`      ${styles.red("no migration:")} ${indented(visible(migration.message ?? "", { newlines: true }), 8)}`] : [];
    case "suggested":
      return [
        ...(migration.suggestions ?? []).slice(0, 3).map((suggestion) => `      ${styles.yellow("suggested:")} ${visible(readablePointers(suggestion.text))}`),
        ...(migration.suggestions?.length ?? 0) > 3 ? [styles.dim(`      \u2026and ${migration.suggestions.length - 3} more suggestions`)] : [],
        ...migration.message ? [styles.dim(`      ${visible(migration.message)}`)] : []
      ];
  }
}
function configLines(config, mark, paint, styles) {
  const first = config.errors[0];
  const where = first?.line ? `:${first.line}${first.column ? `:${first.column}` : ""}` : "";
  const out = [`  ${paint(mark)} ${visible(config.path)}${styles.dim(where)}`];
  for (const finding of config.errors.slice(0, 3)) out.push(`      ${indented(findingText(finding), 8)}`);
  if (config.errors.length > 3) out.push(styles.dim(`      \u2026and ${config.errors.length - 3} more`));
  for (const cause of config.causes ?? []) out.push(styles.dim(`      schema change: ${indented(visible(readablePointers(cause), { newlines: true }), 8)}`));
  for (const broke of config.breaks ?? []) out.push(styles.dim(`      fingerprint ${broke.fingerprint} (${visible(breakWords(broke, readablePointer))})`));
  return out;
}

// src/cli/main.ts
var USAGE = `Usage: compat-gate check --configs GLOBS (--schema FILE | --loader CMD | --suite CMD) [options]

Loads the configs of an old ref (default: the default branch) with this checkout's
schema, loader and integration suite, and fails when a config that loaded there no
longer loads.

Options:
  --configs GLOBS          config files, comma-separated or repeated; !glob excludes (required)
  --schema FILE            JSON Schema (JSON or YAML), relative to --working-directory
  --schema-ref-map MAP     URL-prefix=local/dir/ for absolute $refs (repeatable)
  --no-check-formats       do not assert formats (--check-formats, the default, does)
  --loader CMD             shell command; config paths are appended as arguments
  --loader-timeout SECS    seconds one loader process may run (default ${INPUT_DEFAULTS["loader-timeout"]})
  --loader-jobs N|auto     loader processes at once; 1 for a loader that holds a port or a
                           lock (default ${INPUT_DEFAULTS["loader-jobs"]})
  --suite CMD              integration suite, one config a run; {config} stands for its path
                           (else appended); JUnit XML at $COMPAT_GATE_JUNIT is read test by test
  --suite-configs GLOBS    the configs the suite runs on (default: every config; repeatable)
  --suite-timeout SECS     seconds one suite run may take (default ${INPUT_DEFAULTS["suite-timeout"]})
  --migrate CMD            shell command that rewrites copies of broken configs in place
                           (the paths are appended); each migrated copy is loaded again
  --base REF               the ref whose configs gate the change (default: origin's default branch)
  --release REL            latest (highest semver tag), a tag, a line (v1, v0.2: its highest
                           release), or none; comma-separated or repeated (default: ${INPUT_DEFAULTS.release})
  --fail-on-drift          also fail when the change breaks configs of a release
  --title TEXT             the PR title, to judge an acknowledgement (e.g. "feat!: \u2026")
  --label NAME             a PR label (repeatable)
  --ack-labels LABELS      labels that acknowledge a break (default: ${INPUT_DEFAULTS["ack-labels"]})
  --acknowledge-with pr|file|either
                           what acknowledges a break: the title and labels (pr, the
                           default), the acknowledgements file, or either
  --acknowledgements FILE  the acknowledgements file, relative to --working-directory
                           (default ${INPUT_DEFAULTS.acknowledgements})
  --ack-must-reach-release fail when the release tool will not release the acknowledged
                           break as major (default: a warning)
  --yaml-version 1.1|1.2   1.1 reads YAML like PyYAML (default ${INPUT_DEFAULTS["yaml-version"]})
  -C, --working-directory DIR   where the loader and the suite run (default: ${INPUT_DEFAULTS["working-directory"]})
  --json                   print the JSON report instead of text, errors included
  --report FILE            also write the JSON report to FILE (folders are created)
  -h, --help               this help
  -v, --version            the version

Quote globs ('conf/*.yaml'): compat-gate matches them in each ref itself, and an
argument that belongs to no flag is an error.

Exit codes: 0 pass or acknowledged, 1 breaking, 2 error (a bad command line too).
When --report FILE cannot be written the verdict is still printed; a pass then exits 2.`;
var ExitCode = { Pass: 0, Breaking: 1, Error: 2 };
async function main(argv, io) {
  const started = Date.now();
  const wantsJson = argv.includes("--json");
  const fail = (error, usage = false) => {
    const worded = error instanceof GateError ? error.worded(CLI_NAMING) : { message: describeError(error, CLI_NAMING) };
    if (wantsJson) {
      const report2 = buildReport({ toolVersion: VERSION, verdict: Verdict.Error, error: worded, event: "cli", ackLabels: [], notes: [], durationMs: Date.now() - started });
      io.stdout.write(safeJson(report2) + "\n");
    } else {
      const text = worded.hint ? `${worded.message} ${worded.hint}` : worded.message;
      io.stderr.write(`compat-gate: ${visible(text, { newlines: true })}
${usage ? `
${USAGE}
` : ""}`);
    }
    return ExitCode.Error;
  };
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return fail(error);
  }
  const { command, values } = parsed;
  if (values.version) {
    io.stdout.write(`${VERSION}
`);
    return ExitCode.Pass;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}
`);
    return ExitCode.Pass;
  }
  if (command === void 0) return fail(new GateError("no command given.", "Run `compat-gate check \u2026`; `compat-gate --help` lists every flag."), true);
  let report;
  try {
    const settings = actionSettings(flagInputs(values), { workspace: io.cwd }, io.env);
    const base = settings.base ?? await defaultBranch(settings.workingDirectory);
    if (!base) throw new GateError("There is no origin/HEAD, main or master to compare with.", "Name the old ref with --base.");
    const title = optional(values.title);
    report = await check(
      toCheckRequest(
        { ...settings, base },
        {
          eventName: "cli",
          payload: {},
          localPullRequest: { ...title !== void 0 ? { title } : {}, labels: strings(values.label) },
          tempRoot: tmpdir(),
          toolVersion: VERSION,
          naming: CLI_NAMING
        }
      )
    );
  } catch (error) {
    return fail(error);
  }
  const json = safeJson(report) + "\n";
  io.stdout.write(values.json ? json : renderTerminal(report, stylesFor(io.stdout, io.env)));
  const code = report.verdict === Verdict.Error ? ExitCode.Error : report.verdict === Verdict.Breaking ? ExitCode.Breaking : ExitCode.Pass;
  const reportFile = optional(values.report);
  if (reportFile) {
    const path = resolve(io.cwd, reportFile);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, json);
    } catch (error) {
      io.stderr.write(`compat-gate: the report could not be written to ${visible(path)}: ${visible(describeError(error), { newlines: true })}
`);
      return code === ExitCode.Pass ? ExitCode.Error : code;
    }
  }
  return code;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : typeof value === "string" ? [value] : [];
}
function optional(value) {
  return typeof value === "string" ? value : void 0;
}
async function defaultBranch(workingDirectory) {
  const git = await createGitCommandManager(workingDirectory);
  try {
    return await git.defaultBranch();
  } finally {
    git.close();
  }
}
export {
  ExitCode,
  main
};
