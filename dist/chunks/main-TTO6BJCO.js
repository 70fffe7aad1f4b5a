// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);
import {
  ConfigStatus,
  HOMEPAGE,
  Outputs,
  REPORT_VERSION,
  RESOLVED_MARK,
  TOOL_NAME,
  VERSION,
  Verdict,
  acknowledgementCounts,
  actionSettings,
  breakEntries,
  brokenConfigs,
  brokenSection,
  buildReport,
  check,
  clip,
  commentMarker,
  count,
  countConfigs,
  decideVerdict,
  driftCount,
  failsStep,
  fileLink,
  findingText,
  hasHidden,
  headline,
  httpStatus,
  inlineCode,
  isRateLimited,
  isResolvedComment,
  mergeCoverage,
  migrationSection,
  newDriftCount,
  noMigrationCallout,
  octokitMergeSettingsApi,
  octokitPullRequestApi,
  octokitReleaseApi,
  payloadText,
  redactReport,
  releaseDrifts,
  releaseNoteBlock,
  releaseTags,
  renderSummary,
  runnerSettings,
  safeJson,
  statusAndMessage,
  toCheckRequest,
  verdictParagraphs,
  visible,
  whoseWords,
  withReleaseNote
} from "./chunk-KVIMYTOL.js";
import {
  GateError,
  describeError,
  describeJsonRead,
  errorMessage,
  readJsonBytes,
  require_picomatch
} from "./chunk-IVWIIEIV.js";
import {
  __toESM
} from "./chunk-5WCQBEE6.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result2) {
      result2.done ? resolve2(result2.value) : adopt(result2.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/action/main.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, join as join2, relative as relative2 } from "node:path";

// src/github/comments.ts
var COMMENTS_PER_PAGE = 100;
function octokitCommentsClient(octokit, owner, repo) {
  let login;
  return {
    async *pages(issue2) {
      const params = { owner, repo, issue_number: issue2, per_page: COMMENTS_PER_PAGE, page: 1 };
      for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
        yield data.map((comment) => ({
          id: comment.id,
          body: comment.body ?? "",
          ...comment.user ? { user: { login: comment.user.login, type: comment.user.type } } : {}
        }));
      }
    },
    async create(issue2, body) {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue2, body });
      return { id: data.id };
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
    async remove(id) {
      try {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
      } catch (error2) {
        if (httpStatus(error2) !== 404) throw error2;
      }
    },
    login() {
      login ??= octokit.rest.users.getAuthenticated().then(
        ({ data }) => data.login,
        () => void 0
      );
      return login;
    }
  };
}
async function syncStickyComment(params) {
  const { client, issue: issue2, key } = params;
  const marker = commentMarker(key);
  let ours;
  try {
    ours = await findStickyComments(client, issue2, marker);
  } catch (error2) {
    return failure(error2, issue2, "read");
  }
  const existing = ours[0];
  let outcome;
  let written;
  try {
    if (params.body !== void 0) {
      const body = withMarker(params.body, marker);
      written = body;
      if (!existing) outcome = { action: "created", id: (await client.create(issue2, body)).id };
      else if (sameBody(existing.body, body)) outcome = { action: "unchanged", id: existing.id };
      else {
        await client.update(existing.id, body);
        outcome = { action: "updated", id: existing.id };
      }
    } else if (!existing) {
      return { action: "skipped", reason: "nothing to say, and no comment to resolve" };
    } else if (isResolvedComment(existing.body)) {
      outcome = { action: "unchanged", id: existing.id, reason: "already resolved" };
    } else {
      const resolved = typeof params.resolvedBody === "function" ? params.resolvedBody(existing.body) : params.resolvedBody;
      written = withMarker(resolved, marker);
      await client.update(existing.id, written);
      outcome = { action: "resolved", id: existing.id };
    }
  } catch (error2) {
    return failure(error2, issue2, "write");
  }
  if (outcome.action !== "created" && ours.length < 2) return outcome;
  return removeDuplicates(client, issue2, marker, written ?? existing?.body, outcome);
}
async function removeDuplicates(client, issue2, marker, latest, outcome) {
  try {
    const [oldest, ...duplicates] = await findStickyComments(client, issue2, marker);
    if (!oldest || duplicates.length === 0) return outcome;
    const removed = [];
    for (const duplicate of duplicates) {
      if (!duplicate.user) continue;
      await client.remove(duplicate.id);
      removed.push(duplicate.id);
    }
    let action = outcome.action;
    if (latest !== void 0 && !sameBody(oldest.body, latest)) {
      await client.update(oldest.id, latest);
      if (action === "created" || action === "unchanged") action = "updated";
    }
    return { ...outcome, action, id: oldest.id, ...removed.length ? { removed } : {} };
  } catch (error2) {
    const what = statusAndMessage(error2);
    return { ...outcome, reason: `a duplicate PR comment could not be removed: ${what}` };
  }
}
async function findStickyComments(client, issue2, marker) {
  const found = [];
  for await (const comments of client.pages(issue2)) {
    for (const comment of comments) {
      if (firstLine(comment.body) !== marker) continue;
      if (await writtenByGate(client, comment)) found.push(comment);
    }
  }
  return found;
}
async function writtenByGate(client, comment) {
  if (!comment.user || comment.user.type === "Bot") return true;
  const login = await client.login?.();
  return login !== void 0 && login.toLowerCase() === comment.user.login.toLowerCase();
}
function firstLine(body) {
  return (body.split("\n", 1)[0] ?? "").trimEnd();
}
function withMarker(body, marker) {
  return firstLine(body) === marker ? body : `${marker}
${body}`;
}
function sameBody(stored, body) {
  const normal = (text) => text.replace(/\r\n/g, "\n").trimEnd();
  return normal(stored) === normal(body);
}
function failure(error2, issue2, step) {
  const status = httpStatus(error2);
  const rateLimited = isRateLimited(error2);
  const what = statusAndMessage(error2);
  const readOnly = !rateLimited && (status === 403 || status === 404 && step === "write");
  if (readOnly) {
    return {
      action: "failed",
      readOnly: true,
      reason: `The github-token cannot ${step === "read" ? "read the comments of" : "comment on"} PR #${issue2} (${what}): a pull request from a fork gets a read-only token; elsewhere, give the job \`pull-requests: write\`.`
    };
  }
  return { action: "failed", readOnly: false, reason: `The PR comment on #${issue2} could not be ${step === "read" ? "found" : "written"}: ${what}.` };
}

// src/reports/comment.ts
import { createHash } from "node:crypto";
var COMMENT_LIMIT = 65536;
var COMMENT_MARGIN = 256;
var COMMENT_STYLE = {
  heading: "####",
  cutReason: "the comment is limited in size; the job summary lists all"
};
function commentKey(parts) {
  const configs = parts.configs.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#")).join("\n");
  const directory = parts.workingDirectory.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "") || ".";
  const canonical = JSON.stringify([configs, parts.schema?.trim() ?? "", parts.loader?.trim() ?? "", directory]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 12);
}
function hasSomethingToSay(report) {
  return report.verdict === Verdict.Breaking || report.verdict === Verdict.Acknowledged || newDrift(report) > 0;
}
function stickyCommentBodies(report, key) {
  if (report.verdict === Verdict.Error) return void 0;
  return {
    body: hasSomethingToSay(report) ? renderComment(report, key) : void 0,
    resolvedBody: (previous) => renderResolvedComment(report, key, previous)
  };
}
function renderComment(report, key, limit = COMMENT_LIMIT) {
  const budget = limit - COMMENT_MARGIN;
  const head = [commentMarker(key), `### ${headline(report)}`].join("\n");
  const paragraphs = verdictParagraphs(report);
  const drift = newDriftParagraph(report);
  if (drift) paragraphs.push(drift);
  const callout = noMigrationCallout(report);
  if (callout) paragraphs.push(callout);
  const broken = brokenSection(report, COMMENT_STYLE);
  const migrations = migrationSection(report, COMMENT_STYLE);
  const releaseNote = report.releaseNote ? releaseNoteDetails(report.releaseNote) : void 0;
  const foot = footer(report);
  const compose = (parts) => parts.filter((part) => part !== void 0).join("\n\n") + "\n";
  for (const rows of [Infinity, 100, 30, 10, 3, 1]) {
    const text = compose([head, ...paragraphs, broken?.render(rows), migrations?.render(rows), releaseNote, foot]);
    if (text.length <= budget) return text;
  }
  const note = "_The details do not fit in a comment; the job summary lists them._";
  for (const text of [compose([head, ...paragraphs, note, foot]), compose([head, note, foot]), compose([head])]) {
    if (text.length <= budget) return text;
  }
  return `${commentMarker(key)}
`;
}
function renderResolvedComment(report, key, previous) {
  const at = report.head ? ` (at ${inlineCode(report.head.sha.slice(0, 7))})` : "";
  const lines = [commentMarker(key), RESOLVED_MARK, `### \u2705 ${TOOL_NAME}: resolved \u2014 the configs this comment reported load again${at}`];
  const before = previous ? previousHeadline(previous) : void 0;
  const parts = [lines.join("\n")];
  if (before) parts.push(`It said: ~~${before}~~`);
  parts.push(footer(report));
  return parts.join("\n\n") + "\n";
}
function releaseNoteDetails(note) {
  return ["<details><summary>Release note: what users must change, ready to paste</summary>", releaseNoteBlock(note), "</details>"].join("\n\n");
}
function footer(report) {
  const checked = [
    report.head ? `checked ${inlineCode(report.head.sha.slice(0, 7))}` : "checked",
    report.base ? `against ${inlineCode(report.base.ref)} at ${inlineCode(report.base.sha.slice(0, 7))}` : void 0
  ].filter(Boolean).join(" ");
  const run2 = report.runUrl && /^https?:\/\//.test(report.runUrl) ? ` \xB7 [details in the run](${report.runUrl})` : "";
  return `<sub>${TOOL_NAME} ${report.tool.version} ${checked}${run2} \xB7 this comment is updated on every push</sub>`;
}
function previousHeadline(previous) {
  const line = previous.split(/\r?\n/).find((text) => text.startsWith("### "));
  const words = line?.slice(4).trim();
  return words && !words.includes("~") && words.length <= 300 ? words : void 0;
}
function newDrift(report) {
  return newDriftCount(report);
}
var MAX_DRIFT_NAMED = 10;
var MAX_PATH_CHARS = 200;
function newDriftParagraph(report) {
  const releases = releaseDrifts(report).filter((release) => release.drift.counts.new > 0);
  const total = newDrift(report);
  if (total === 0) return void 0;
  const of = releases.length ? releases.map((release) => `${count(release.drift.counts.new, "config")} of the release ${inlineCode(release.ref)}`).join(", ") : `${count(total, "config")} of the latest release`;
  const named = releases.flatMap((release) => release.drift.configs.filter((config) => config.status === "new").map((config) => ({ release: release.ref, config }))).slice(0, MAX_DRIFT_NAMED).map(
    ({ release, config }) => config.currentPath ? `- ${inlineCode(clip(config.path, MAX_PATH_CHARS))} in ${inlineCode(release)}, now ${inlineCode(clip(config.currentPath, MAX_PATH_CHARS))}` : `- ${inlineCode(clip(config.path, MAX_PATH_CHARS))} of ${inlineCode(release)}${config.noPathToday ? ", no path today" : ""}`
  );
  return [
    `**Release drift:** ${of} that ${total === 1 ? "loads" : "load"} on the base no longer ${total === 1 ? "loads" : "load"} with this PR; the job summary lists them.`,
    ...named.length ? [named.join("\n")] : []
  ].join("\n\n");
}

// src/reports/annotations.ts
var ANNOTATIONS_PER_LEVEL = 10;
function annotationsFor(report, written = {}) {
  const all = [];
  const failure2 = failureMessage(report);
  if (report.error && !failure2) {
    all.push({ level: "error", title: "compat-gate could not decide", message: visible([report.error.message, report.error.hint].filter(Boolean).join(" ")) });
  }
  const acknowledged = report.verdict === Verdict.Acknowledged;
  all.push(...culpritAnnotations(report));
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    const first = config.errors[0];
    const ref = report.base ? `${visible(report.base.ref)} (${report.base.sha.slice(0, 7)})` : "the base";
    all.push({
      level: acknowledged ? "warning" : "error",
      title: `${acknowledged ? "Acknowledged break" : "Broken config"}: loads on ${ref}, not with this PR`,
      message: withPath(config.path, first ? findingText(first) : "does not load") + fingerprintWords(config.breaks),
      file: config.path,
      ...first?.line ? { line: first.line } : {},
      ...first?.column ? { column: first.column } : {}
    });
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== "new") continue;
      const first = config.errors[0];
      const problem = first ? findingText(first) : "does not load";
      all.push({
        level: release.drift.failOnDrift && !acknowledged ? "error" : "warning",
        title: `Release drift: this config of ${visible(release.ref)} no longer loads with this PR`,
        message: config.currentPath ? withPath(config.currentPath, `${visible(config.path)} in ${visible(release.ref)}${first?.line ? ` (line ${first.line})` : ""}, now here: ${problem}`) : withPath(config.path, problem),
        file: config.currentPath ?? config.path,
        ...first?.line && !config.currentPath ? { line: first.line } : {}
      });
    }
  }
  for (const change of report.schemaChanges?.latent ?? []) {
    all.push({
      level: "warning",
      title: change.shownBy?.length ? "Latent breaking schema change: only configs already failing on the base show it" : "Latent breaking schema change: no config shows it",
      message: withPath(change.file, visible(change.message, { newlines: true })),
      file: change.file,
      ...change.line ? { line: change.line } : {}
    });
  }
  for (const note of report.notes) all.push({ level: "notice", title: "compat-gate", message: visible(note, { newlines: true }) });
  const closing = [];
  if (acknowledged) {
    const names = brokenConfigs(report).map((config) => visible(config.path));
    closing.push({
      level: "warning",
      title: "compat-gate: acknowledged break",
      message: `Acknowledged breaking change: ${names.length} config(s) that load on the base no longer load: ${names.join(", ")}`
    });
  }
  const reachProblems = report.acknowledgement.release?.problems ?? [];
  if (report.acknowledgement.acknowledged && reachProblems.length) {
    const lines = reachProblems.map((problem) => `${problem.tool}${problem.method ? ` (${problem.method})` : ""}: ${problem.why}. Fix: ${problem.fix}.`);
    closing.push({ level: "warning", title: "compat-gate: not a major release", message: visible(`The acknowledgement will not reach the release. ${lines.join(" ")}`) });
  }
  const used = { error: written.error ?? 0, warning: written.warning ?? 0, notice: written.notice ?? 0 };
  for (const annotation of closing) used[annotation.level]++;
  if (failure2) used.error++;
  const kept = [];
  let omitted = 0;
  for (const annotation of all) {
    if (used[annotation.level] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    used[annotation.level]++;
    kept.push(annotation);
  }
  return { annotations: kept, closing, ...failure2 ? { failure: failure2 } : {}, omitted };
}
var CULPRIT_CHANGES = 5;
var CULPRIT_PATHS = 5;
var QUOTE_CHARS = 300;
function culpritAnnotations(report) {
  if (report.error) return [];
  const baseRef = report.base?.ref ?? "the base";
  const levelOf = (entry) => {
    const breaksBase = entry.groups.some((group) => group.ref === baseRef);
    if (report.verdict === Verdict.Acknowledged) return "warning";
    if (breaksBase) return report.verdict === Verdict.Breaking ? "error" : "warning";
    return report.drift?.failOnDrift ? "error" : "warning";
  };
  const name = (text) => visible(text);
  const entries = breakEntries(report);
  const annotations = [];
  for (const entry of entries.filter((e) => e.kind === "schema-change").slice(0, CULPRIT_CHANGES)) {
    const change = entry.change;
    const total = entry.groups.reduce((sum2, group) => sum2 + group.paths.length, 0);
    annotations.push({
      level: levelOf(entry),
      title: `Schema change that breaks ${total} config${total === 1 ? "" : "s"}`,
      message: `${visible(change.message, { newlines: true })}
It breaks ${whoseWords(entry, name, CULPRIT_PATHS)}.`,
      file: change.file,
      ...change.line ? { line: change.line } : {}
    });
  }
  const loader = entries.find((e) => e.kind === "loader");
  if (loader) {
    const total = loader.groups.reduce((sum2, group) => sum2 + group.paths.length, 0);
    const others = loader.otherMessages ? ` (and ${loader.otherMessages} other message${loader.otherMessages === 1 ? "" : "s"})` : "";
    annotations.push({
      level: levelOf(loader),
      title: `The loader now refuses ${total} config${total === 1 ? "" : "s"} that no schema change explains`,
      message: `It refuses ${whoseWords(loader, name, CULPRIT_PATHS)}. The loader says: "${visible(clip(loader.text, QUOTE_CHARS), { newlines: true })}"${others}`,
      // On the loader's script when the PR changed it: the first changed line is in "Files changed".
      ...report.loader?.script ? { file: report.loader.script.path, line: report.loader.script.line } : {}
    });
  }
  return annotations;
}
function failureMessage(report) {
  if (report.shard && report.verdict !== Verdict.Error) return void 0;
  if (!failsStep(report.verdict)) return void 0;
  if (report.verdict === Verdict.Error) {
    return visible(`compat-gate could not decide: ${report.error?.message ?? "unknown error"}${report.error?.hint ? ` ${report.error.hint}` : ""}`);
  }
  if (report.acknowledgement.acknowledged && report.acknowledgement.release?.problems.length) {
    return `${report.counts.broken} config(s) that load on the base no longer load with this PR, and \`ack-must-reach-release\` is set: the acknowledgement will not reach the release. See the job summary for the fix.`;
  }
  const label = visible(report.acknowledgement.labels[0] ?? "breaking-change");
  const file = report.acknowledgement.file;
  if (file && report.acknowledgement.mode === "file") {
    return `${report.counts.broken} config(s) that load on the base no longer load with this PR, and ${visible(file.path)} does not acknowledge ${file.uncovered.length === 1 ? "one of their breaks" : `${file.uncovered.length} of their breaks`}. The job summary lists them, with the entries to add.`;
  }
  const orFile = file ? `, or each break by its fingerprint in ${visible(file.path)}` : "";
  return `${report.counts.broken} config(s) that load on the base no longer load with this PR. See the job summary; acknowledge an intended break with a breaking title (e.g. \`feat!: \u2026\`) or the label \`${label}\`${orFile}.`;
}
function fingerprintWords(breaks) {
  if (!breaks?.length) return "";
  return ` (fingerprint${breaks.length === 1 ? "" : "s"} ${breaks.map((broke) => broke.fingerprint).join(", ")})`;
}
function omittedNote(omitted) {
  if (omitted <= 0) return void 0;
  return `${omitted} more annotation${omitted === 1 ? " was" : "s were"} left out: GitHub shows 10 errors, 10 warnings and 10 notices a step. The tables above and the JSON report list everything.`;
}
function withPath(path, message) {
  return hasHidden(path) ? `${visible(path)}: ${message}` : message;
}

// src/reports/merge.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { readdir as readdir2, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
async function readPartialReports(input, cwd) {
  const patterns = input.split(/[\n,]/).map((line) => line.trim()).filter(Boolean);
  if (patterns.length === 0) throw new GateError("The `merge-reports` input is empty.", "Give the paths or globs of the shards' JSON reports.");
  const files = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const scan = import_picomatch.default.scan(pattern);
    if (!scan.isGlob) {
      files.add(resolve(cwd, pattern));
      continue;
    }
    const base = resolve(cwd, scan.base || ".");
    const matches = (0, import_picomatch.default)(scan.glob, { dot: true });
    const found = (await listFiles(base)).filter((file) => matches(relative(base, file).split("\\").join("/")));
    if (found.length === 0) {
      throw new GateError(`No partial report matches \`${pattern}\` (in ${cwd}).`, "Check that every shard uploaded its report and that the merge job downloaded them there.");
    }
    for (const file of found) files.add(file);
  }
  const reports = [];
  for (const file of [...files].sort()) {
    let bytes;
    try {
      bytes = await readFile(file);
    } catch (error2) {
      throw new GateError(`The partial report ${file} could not be read: ${describeError(error2)}.`, "Check the `merge-reports` paths.");
    }
    const read = readJsonBytes(bytes, { maxBytes: MAX_PARTIAL_REPORT_BYTES });
    if (!read.ok) {
      throw new GateError(`The partial report ${file} could not be read: ${describeJsonRead(read)}.`, "Merge the JSON reports the shards wrote (the `report` output), as they uploaded them.");
    }
    const report = isObject(read.value) ? read.value : {};
    if (report.version !== REPORT_VERSION || !report.shard) {
      throw new GateError(`${file} is not a partial compat-gate report (version ${REPORT_VERSION}, written with \`shard\`).`, "Merge only the reports of `shard: i/n` runs of this version.");
    }
    reports.push(report);
  }
  return reports;
}
var MAX_PARTIAL_REPORT_BYTES = 256 * 1024 * 1024;
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
async function listFiles(dir) {
  const entries = await readdir2(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}
var SHARED = [
  { name: "base sha", of: (report) => report.base?.sha, show: short },
  { name: "head sha", of: (report) => report.head?.sha, show: short },
  { name: "PR head sha", of: (report) => report.pullRequest?.headSha, show: short },
  { name: "`configs`", of: (report) => report.settings && report.settings.configs.join(", ") },
  { name: "`schema`", of: (report) => report.settings && (report.settings.schema ?? "(none)") },
  { name: "`loader`", of: (report) => report.settings && (report.settings.loader ?? "(none)") },
  { name: "`suite`", of: (report) => report.settings && (report.settings.suite ?? "(none)") },
  { name: "`yaml-version`", of: (report) => report.settings?.yamlVersion },
  { name: "`check-formats`", of: (report) => report.settings && String(report.settings.checkFormats) },
  // Each shard resolves `release` itself: a release published mid-run must not split them.
  { name: "releases", of: (report) => report.error ? void 0 : releaseDrifts(report).map((release) => `${release.ref}@${short(release.sha)}`).join(", ") || "(none)" }
];
function short(sha) {
  return sha.slice(0, 12);
}
function checkSameRun(reports, total, expected) {
  const problems = [];
  const current = (report) => expected.pullRequestHeadSha !== void 0 && report.pullRequest?.headSha === expected.pullRequestHeadSha;
  const voters = [...reports.filter(current), ...reports.filter((report) => !current(report))];
  for (const field of SHARED) {
    const values = reports.map((report) => ({ report, value: field.of(report) }));
    const counted = /* @__PURE__ */ new Map();
    for (const report of voters) {
      const value = field.of(report);
      if (value !== void 0 || !report.error) counted.set(value, (counted.get(value) ?? 0) + 1);
    }
    if (counted.size <= 1) continue;
    const common = [...counted].reduce((best, entry) => entry[1] > best[1] ? entry : best)[0];
    const show = (value) => value === void 0 ? "nothing" : field.show ? field.show(value) : `\`${value}\``;
    for (const { report, value } of values) {
      if (value === common || value === void 0 && report.error) continue;
      problems.push(
        `shard ${report.shard.index}/${total} has ${field.name} ${show(value)} where ${reports.length > 2 ? "the others have" : "the other has"} ${show(common)}`
      );
    }
  }
  const heads = [...new Set(reports.map((report) => report.pullRequest?.headSha).filter((sha) => sha !== void 0))];
  if (expected.pullRequestHeadSha && heads.length === 1 && heads[0] !== expected.pullRequestHeadSha) {
    problems.push(`the shards judged PR head ${short(heads[0])}, but this run is for PR head ${short(expected.pullRequestHeadSha)} (a newer push)`);
  }
  if (problems.length) {
    throw new GateError(
      `The partial reports are not of one run: ${problems.join("; ")}.`,
      "Merge only the reports that the shards of this workflow run wrote (download the artifacts of this run, with names that carry the run id), all with the same inputs."
    );
  }
}
function mergeReports(reports, expected = {}) {
  const first = reports[0];
  if (!first?.shard) throw new GateError("There is no partial report to merge.");
  const total = first.shard.total;
  const seen = /* @__PURE__ */ new Map();
  for (const report of reports) {
    if (!report.shard || report.shard.total !== total) {
      throw new GateError(`The partial reports do not agree on the number of shards (${total} and ${report.shard?.total ?? "none"}).`, "Merge the reports of one matrix run.");
    }
    seen.set(report.shard.index, (seen.get(report.shard.index) ?? 0) + 1);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !seen.has(index));
  const doubled = [...seen].filter(([, times]) => times > 1).map(([index]) => index);
  if (missing.length || doubled.length) {
    throw new GateError(
      `The partial reports are incomplete: ${[missing.length ? `missing shard ${missing.map((i) => `${i}/${total}`).join(", ")}` : "", doubled.length ? `shard ${doubled.join(", ")} given twice` : ""].filter(Boolean).join("; ")}.`,
      "A shard that did not finish has no report: re-run the failed matrix jobs, then this one."
    );
  }
  const ordered = [...reports].sort((a, b) => a.shard.index - b.shard.index);
  checkSameRun(ordered, total, expected);
  const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  const configs = ordered.flatMap((report) => report.configs).sort(byPath);
  const skipped = ordered.flatMap((report) => report.skipped).sort(byPath);
  const drift = mergeDrifts(ordered.map((report) => report.drift).filter((drift2) => drift2 !== void 0));
  const releases = (first.releases ?? []).flatMap((release) => {
    const merged = mergeDrifts(ordered.flatMap((report) => report.releases?.find((other) => other.ref === release.ref)?.drift ?? []));
    return merged ? [{ ref: release.ref, sha: release.sha, drift: merged }] : [];
  });
  const newDrift2 = releases.length ? sum(releases.map((release) => release.drift.counts.new)) : drift?.counts.new ?? 0;
  const files = ordered.map((report) => report.acknowledgement.file).filter((file2) => file2 !== void 0);
  const file = files.length === ordered.length && files.length > 0 ? mergeCoverage(files) : void 0;
  const mode = first.acknowledgement.mode ?? "pr";
  const byPullRequest = ordered.every((report) => report.acknowledgement.reasons.length > 0);
  const acknowledged = file && mode === "file" ? file.covered : file && mode === "either" ? byPullRequest || file.covered : ordered.every((report) => report.acknowledgement.acknowledged);
  const counted = acknowledged && ordered.every((report) => acknowledgementCounts(true, report.acknowledgement.release));
  const errors = ordered.filter((report) => report.error);
  const counts = countConfigs(configs, skipped.length);
  const nothingRead = errors.length === 0 && configs.length + skipped.length > 0 && configs.every((config) => config.status === ConfigStatus.Unreadable);
  const firstUnread = configs[0] ? `\`${configs[0].path}\`: ${configs[0].errors[0]?.message ?? "unreadable"}` : skipped[0] ? `\`${skipped[0].path}\` is ${skipped[0].reason}` : "";
  let nothingError = nothingRead ? {
    message: `Nothing could be checked: none of the ${configs.length + skipped.length} files matching the \`configs\` patterns in the ${total} shards could be read as a config; the first: ${firstUnread}.`,
    hint: "Make the patterns match the config files themselves (YAML, JSON, TOML), not links, submodules or files kept in Git LFS; or fix the files so that they parse."
  } : void 0;
  const suiteConfigs = sum(ordered.map((report) => report.suite?.configs ?? 0));
  if (!nothingError && !errors.length && first.settings?.suite && suiteConfigs === 0 && counts.configs > 0) {
    nothingError = {
      message: `The \`suite-configs\` input names none of the ${counts.configs} configs read in the ${total} shards: the suite ran on nothing.`,
      hint: "Give globs that match paths the `configs` input matches (the suite runs on a subset of them), or leave `suite-configs` out to run it on every config."
    };
  }
  const verdict = errors.length || nothingError ? Verdict.Error : decideVerdict({ broken: counts.broken, newDrift: newDrift2, failOnDrift: drift?.failOnDrift ?? false, acknowledged: counted });
  const { shard: _shard, error: _error, ...rest } = first;
  const loaderProcesses = sum(ordered.map((report) => report.loader?.processes ?? 0));
  return withReleaseNote({
    ...rest,
    verdict,
    ...errors.length ? {
      error: {
        message: errors.map((report) => `shard ${report.shard.index}/${total}: ${report.error.message}`).join(" "),
        ...errors[0].error.hint ? { hint: errors[0].error.hint } : {}
      }
    } : nothingError ? { error: nothingError } : {},
    acknowledgement: {
      ...first.acknowledgement,
      acknowledged,
      reasons: acknowledged && (mode === "pr" || byPullRequest) ? first.acknowledgement.reasons : [],
      ...file ? { file } : {}
    },
    counts,
    configs,
    skipped,
    ...drift ? { drift } : {},
    ...releases.length ? { releases } : {},
    ...first.loader ? { loader: { ...first.loader, processes: loaderProcesses } } : {},
    ...first.suite ? { suite: mergedSuite(first.suite, ordered) } : {},
    notes: [...new Set(ordered.flatMap((report) => report.notes))],
    durationMs: Math.max(...ordered.map((report) => report.durationMs)),
    shards: total
  });
}
function mergedSuite(first, reports) {
  return {
    command: first.command,
    configs: sum(reports.map((report) => report.suite?.configs ?? 0)),
    processes: sum(reports.map((report) => report.suite?.processes ?? 0)),
    durationMs: sum(reports.map((report) => report.suite?.durationMs ?? 0))
  };
}
function mergeDrifts(drifts) {
  if (drifts.length === 0) return void 0;
  const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  const configs = sum(drifts.map((d) => d.counts.configs));
  const nearest = configs === 0 ? drifts.find((d) => d.nearest)?.nearest : void 0;
  return {
    counts: {
      configs,
      ok: sum(drifts.map((d) => d.counts.ok)),
      new: sum(drifts.map((d) => d.counts.new)),
      existing: sum(drifts.map((d) => d.counts.existing)),
      fixed: sum(drifts.map((d) => d.counts.fixed)),
      unreadable: sum(drifts.map((d) => d.counts.unreadable))
    },
    configs: drifts.flatMap((d) => d.configs).sort(byPath),
    failOnDrift: drifts.some((d) => d.failOnDrift),
    ...drifts.some((d) => d.noPathToday?.length) ? { noPathToday: drifts.flatMap((d) => d.noPathToday ?? []).sort(byPath) } : {},
    ...nearest ? { nearest } : {}
  };
}
function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

// src/reports/sarif.ts
var SarifRule = {
  BrokenConfig: "compat-gate/broken-config",
  ReleaseDrift: "compat-gate/release-drift",
  LatentBreak: "compat-gate/latent-schema-break"
};
var RULES = [
  {
    id: SarifRule.BrokenConfig,
    name: "BrokenConfig",
    shortDescription: { text: "A config that loads on the base no longer loads with this change." },
    fullDescription: {
      text: "compat-gate loaded a config file as it is on the base branch with the schema and loader of this change, and it failed; it loaded with the base's own schema and loader."
    },
    help: { text: "Keep accepting the old form, or acknowledge the breaking change (a `feat!:` title, a `BREAKING CHANGE:` footer, or the acknowledgement label) and tell users how to migrate." },
    defaultConfiguration: { level: "error" }
  },
  {
    id: SarifRule.ReleaseDrift,
    name: "ReleaseDrift",
    shortDescription: { text: "A config of the latest release no longer loads with this change." },
    fullDescription: { text: "Users of the latest release have this config; it loads on the base branch and not with this change." },
    help: { text: "Keep accepting the release's form of the config, or document the migration in the release notes." },
    defaultConfiguration: { level: "warning" }
  },
  {
    id: SarifRule.LatentBreak,
    name: "LatentSchemaBreak",
    shortDescription: { text: "A breaking schema change that no sample config exercises." },
    fullDescription: { text: "Data that was valid under the base's schema can be invalid under this change's schema, though no config in the repository shows it." },
    help: { text: "Add a config that uses the old form to the repository, or acknowledge the breaking change." },
    defaultConfiguration: { level: "warning" }
  }
];
function renderSarif(report) {
  const results = [];
  const acknowledged = report.verdict === Verdict.Acknowledged;
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    results.push(result(SarifRule.BrokenConfig, acknowledged ? "warning" : "error", config.path, config.errors, report.base?.ref, {
      ...report.base ? { ref: report.base.ref, sha: report.base.sha, url: fileLink(report, report.base.sha, config.path) } : {},
      acknowledged,
      ...fingerprintProperties(config.breaks)
    }, config.breaks));
  }
  const drifted = /* @__PURE__ */ new Set();
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== "new" || drifted.has(config.path)) continue;
      drifted.add(config.path);
      results.push(
        result(SarifRule.ReleaseDrift, "warning", config.path, config.errors, release.ref, {
          ref: release.ref,
          sha: release.sha,
          ...config.currentPath ? { currentPath: config.currentPath } : {},
          ...fingerprintProperties(config.breaks)
        }, config.breaks)
      );
    }
  }
  for (const change of report.schemaChanges?.latent ?? []) {
    results.push({
      ruleId: SarifRule.LatentBreak,
      level: "warning",
      message: { text: visible(change.message, { newlines: true }) },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(change.file) }, ...change.line ? { region: { startLine: change.line } } : {} } }],
      partialFingerprints: { compatGateKey: `${SarifRule.LatentBreak}:${change.file}:${change.schemaPointer}:${change.rule}` }
    });
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: report.tool.version, informationUri: HOMEPAGE, rules: RULES } },
        results,
        ...report.head ? { versionControlProvenance: [{ repositoryUri: report.repository ? `${report.repository.serverUrl}/${report.repository.name}` : "", revisionId: report.head.sha }] } : {}
      }
    ]
  };
}
function fingerprintProperties(breaks) {
  return breaks?.length ? { fingerprints: breaks.map((broke) => broke.fingerprint) } : {};
}
function result(ruleId, level, path, errors, ref, properties, breaks) {
  const first = errors[0];
  return {
    ruleId,
    level,
    message: { text: `${visible(path)}${ref ? ` (as on ${visible(ref)})` : ""} no longer loads: ${first ? findingText(first) : "it does not load"}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(path) },
          ...first?.line ? { region: { startLine: first.line, ...first.column ? { startColumn: first.column } : {} } } : {}
        }
      }
    ],
    // Stable across runs, so code scanning tracks one alert per config and rule; the breaks'
    // fingerprints (sorted, never shas or lines) tell a new break of the same config apart, and
    // the alert closes once they are gone.
    partialFingerprints: {
      compatGateKey: `${ruleId}:${path}`,
      ...breaks?.length ? { "compatGateBreaks/v1": [...new Set(breaks.map((broke) => broke.fingerprint))].sort().join(",") } : {}
    },
    // The layer that broke it first: schema, loader or suite.
    properties: { ...first ? { layer: first.layer } : {}, ...properties }
  };
}
function relativeUri(path) {
  const wellFormed = path.replace(new RegExp("\\p{Cs}", "gu"), "\uFFFD");
  return wellFormed.split("/").map(encodeURIComponent).join("/");
}

// src/action/inputs.ts
import { readFile as readFile2 } from "node:fs/promises";
function readRunner() {
  return runnerSettings(process.env, process.cwd());
}
function getInputs(runner) {
  const token = getInput("github-token");
  if (token) setSecret(token);
  return actionSettings((name) => getInput(name), runner, process.env);
}
var MAX_EVENT_BYTES = 32 * 1024 * 1024;
var EVENT_HINT = "The runner writes this file for each job: re-run the job; where the action is started by other means, point GITHUB_EVENT_PATH at the event's JSON payload.";
async function readEvent(path) {
  if (!path) return {};
  let bytes;
  try {
    bytes = await readFile2(path);
  } catch (error2) {
    throw new GateError(`The event file ${path} could not be read: ${errorMessage(error2)}.`, EVENT_HINT);
  }
  const read = readJsonBytes(bytes, { maxBytes: MAX_EVENT_BYTES });
  if (!read.ok) throw new GateError(`The event file ${path} could not be read: ${describeJsonRead(read)}.`, EVENT_HINT);
  const { value } = read;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GateError(`The event file ${path} is not a JSON object, as an event payload is.`, EVENT_HINT);
  }
  return value;
}

// src/action/main.ts
async function run() {
  try {
    await checkAndPublish();
  } catch (error2) {
    failGate(error2);
  }
}
async function checkAndPublish() {
  const started = Date.now();
  const runner = readRunner();
  let report;
  let settings;
  let client;
  let clientReady;
  try {
    settings = getInputs(runner);
    if (settings.token) {
      const { token } = settings;
      clientReady = import("./client-GIIRAZ2V.js").then(({ createGitHubClient }) => createGitHubClient(token, { onNotice: (message) => info(message) }));
      clientReady.catch(() => void 0);
    }
    report = settings.mergeReports ? mergeReports(await readPartialReports(settings.mergeReports, runner.workspace), await mergeExpectation(runner)) : await checkPullRequest(settings, runner, clientReady);
    if (clientReady) client = await clientReady;
  } catch (error2) {
    report = buildReport({
      toolVersion: VERSION,
      verdict: Verdict.Error,
      error: error2 instanceof GateError ? { message: error2.message, ...error2.hint ? { hint: error2.hint } : {} } : { message: describeError(error2) },
      ackLabels: [],
      notes: [],
      durationMs: Date.now() - started
    });
  }
  if (settings?.token) report = redactReport(report, [settings.token]);
  const commented = settings && client && !settings.shard ? syncComment(report, settings, runner, client) : void 0;
  commented?.catch(() => void 0);
  const paths = reportPaths(report, runner);
  const sarif = writeRunFile(paths.sarifPath, safeJson(renderSarif(report)) + "\n");
  sarif.catch(() => void 0);
  const written = { warning: 0 };
  if (commented) {
    try {
      if (await commented) written.warning++;
    } catch (error2) {
      warning(`The PR comment could not be written: ${visible(describeError(error2))}`);
      written.warning++;
    }
  }
  await writeRunFile(paths.reportPath, safeJson(report) + "\n");
  await sarif;
  await publish(report, runner, written, paths);
}
async function checkPullRequest(settings, runner, clientReady) {
  const payload = await readEvent(runner.eventPath);
  const { owner = "", repo = "" } = runner.repository ?? {};
  const apis = clientReady && owner && repo ? gitHubApis(clientReady, owner, repo) : void 0;
  return check(
    toCheckRequest(settings, {
      eventName: runner.eventName,
      payload,
      ...apis ? { apis } : {},
      ...runner.repository ? { repository: { name: runner.repository.name, serverUrl: runner.repository.serverUrl } } : {},
      tempRoot: runner.tempDir,
      toolVersion: VERSION
    })
  );
}
function gitHubApis(clientReady, owner, repo) {
  const pulls = clientReady.then((client) => octokitPullRequestApi(client, owner, repo));
  const releases = clientReady.then((client) => octokitReleaseApi(client, owner, repo));
  const mergeSettings = clientReady.then((client) => octokitMergeSettingsApi(client, owner, repo));
  for (const ready of [pulls, releases, mergeSettings]) ready.catch(() => void 0);
  return {
    api: {
      getPull: async (number) => (await pulls).getPull(number),
      listCommits: async (number) => (await pulls).listCommits(number),
      listLabels: async (number) => {
        const api = await pulls;
        return api.listLabels ? api.listLabels(number) : (await api.getPull(number)).labels;
      }
    },
    releaseApi: {
      latestReleaseTag: async () => (await releases).latestReleaseTag(),
      listReleases: async () => (await releases).listReleases()
    },
    mergeSettingsApi: { getMergeSettings: async () => (await mergeSettings).getMergeSettings() }
  };
}
async function mergeExpectation(runner) {
  const headSha = payloadText(await readEvent(runner.eventPath), "pull_request", "head", "sha");
  return headSha ? { pullRequestHeadSha: headSha } : {};
}
var COMMENT_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
async function syncComment(report, settings, runner, client) {
  const number = report.pullRequest?.number;
  const { owner = "", repo = "" } = runner.repository ?? {};
  if (settings.comment !== "auto" || !number || !owner || !repo || !COMMENT_EVENTS.has(report.event ?? "")) return false;
  const key = commentKey({
    configs: JSON.stringify(settings.patterns),
    ...settings.schema ? { schema: settings.schema } : {},
    ...settings.loader ? { loader: settings.loader } : {},
    ...settings.suite ? { suite: settings.suite.command } : {},
    workingDirectory: relative2(runner.workspace, settings.workingDirectory) || "."
  });
  const { runUrl } = runner;
  const bodies = stickyCommentBodies({ ...report, ...runUrl ? { runUrl } : {} }, key);
  if (!bodies) return false;
  const outcome = await syncStickyComment({ client: octokitCommentsClient(client, owner, repo), issue: number, key, ...bodies });
  if (outcome.action === "failed") {
    const why = outcome.readOnly ? "the token cannot write to this pull request (a fork PR?)" : outcome.reason;
    warning(`The PR comment could not be written: ${visible(why)}. The job summary says everything it would have said.`);
    report.notes.push(`The PR comment could not be written (${outcome.reason}); this summary carries it.`);
    return true;
  }
  const removed = outcome.removed?.length ? `; removed ${outcome.removed.length} duplicate(s) of it` : "";
  info(`PR comment: ${outcome.action}${removed}.`);
  if (outcome.reason && outcome.action !== "skipped") info(`PR comment: ${visible(outcome.reason)}.`);
  return false;
}
function failGate(error2) {
  setOutput(Outputs.Verdict, Verdict.Error);
  setOutput(Outputs.Broken, "0");
  setOutput(Outputs.Drift, "0");
  setOutput(Outputs.Release, "");
  setOutput(Outputs.Report, "");
  setOutput(Outputs.Sarif, "");
  setOutput(Outputs.ReleaseNote, "");
  setFailed(`compat-gate: error. ${visible(describeError(error2), { newlines: true })}`);
}
async function writeRunFile(path, text) {
  try {
    await mkdir2(dirname(path), { recursive: true });
    await writeFile2(path, text);
  } catch (error2) {
    throw new GateError(
      `The file ${path} could not be written: ${errorMessage(error2)}.`,
      `Make RUNNER_TEMP a folder this job can write to; compat-gate writes its report under ${join2("$RUNNER_TEMP", "compat-gate")}.`
    );
  }
}
function reportPaths(report, runner) {
  const dir = join2(runner.tempDir, "compat-gate");
  const name = report.shard ? `shard-${report.shard.index}-of-${report.shard.total}` : runner.stepId ?? "check";
  const reportPath = join2(dir, `report-${name}.json`);
  return { reportPath, sarifPath: reportPath.replace(/\.json$/, ".sarif") };
}
async function publish(report, runner, written, { reportPath, sarifPath }) {
  const { annotations, closing, failure: failure2, omitted } = annotationsFor(report, written);
  for (const annotation of [...annotations, ...closing]) {
    const properties = {
      title: annotation.title,
      ...annotation.file ? { file: annotation.file } : {},
      ...annotation.line ? { startLine: annotation.line } : {},
      ...annotation.column ? { startColumn: annotation.column } : {}
    };
    if (annotation.level === "error") error(annotation.message, properties);
    else if (annotation.level === "warning") warning(annotation.message, properties);
    else notice(annotation.message, properties);
  }
  const omittedLine = omittedNote(omitted);
  if (omittedLine) info(omittedLine);
  if (runner.hasStepSummary) {
    try {
      await summary.addRaw(renderSummary(omittedLine ? { ...report, notes: [...report.notes, omittedLine] } : report)).write();
    } catch (error2) {
      throw new GateError(
        `The job summary (GITHUB_STEP_SUMMARY) could not be written: ${errorMessage(error2)}.`,
        `The report is at ${reportPath}; make GITHUB_STEP_SUMMARY a file this job can write to.`
      );
    }
  }
  setOutput(Outputs.Verdict, report.verdict);
  setOutput(Outputs.Broken, String(report.counts.broken));
  setOutput(Outputs.Drift, String(driftCount(report)));
  setOutput(Outputs.Release, releaseTags(report));
  setOutput(Outputs.Report, reportPath);
  setOutput(Outputs.Sarif, sarifPath);
  setOutput(Outputs.ReleaseNote, report.releaseNote?.footer ?? "");
  info(`compat-gate: ${report.verdict} (${report.counts.broken} broken of ${report.counts.configs} configs). Report: ${reportPath}`);
  if (report.shard && report.verdict !== Verdict.Error) {
    info(`Shard ${report.shard.index}/${report.shard.total}: ${report.verdict}. The job with \`merge-reports\` decides the check.`);
  } else if (failure2) {
    setFailed(failure2);
  }
}
export {
  run
};
