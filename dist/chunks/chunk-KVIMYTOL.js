// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);
import {
  ACTION_NAMING,
  DEFAULT_MAX_ARGUMENT_BYTES,
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  Evaluator,
  GateError,
  LiveProcesses,
  MAX_NESTING_DEPTH,
  PORT_OR_LOCK,
  SHELL_NOT_EXECUTABLE,
  SHELL_NOT_FOUND,
  Scratch,
  asRepositoryPaths,
  changedLoaderScript,
  checkOptions,
  configKey,
  createMatcher,
  describeError,
  describeSkipped,
  dropDocuments,
  errorMessage,
  escapePointerToken,
  fetchConfigs,
  inShard,
  indexTargets,
  listConfigs,
  loaderEnvironment,
  loaderWords,
  locate,
  nestedTooDeeply,
  parseConfigs,
  parsePatterns,
  parsePointer,
  parseShard,
  pointerOf,
  readConfig,
  readJsonText,
  reportCollector,
  require_dist,
  require_picomatch,
  runProcess,
  setDocumentsAside,
  signalOfShellStatus,
  skippedNote,
  writeConfigs,
  yamlVersionDifference,
  yamlVersionHint
} from "./chunk-IVWIIEIV.js";
import {
  __commonJS,
  __toESM
} from "./chunk-5WCQBEE6.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list2, loose) => list2.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list2, loose) => list2.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate2 = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate2;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range2, start, limit, digitRuns) => {
      if (!isDigit(range2[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range2[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range2, start, loose, digitRuns) => {
      if (!loose && range2[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range2, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range2, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range2, start, MAX_LENGTH, digitRuns);
      if (isLetter(range2[digitsEnd]) || range2[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range2[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range2, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range2, start, loose, digitRuns) => {
      const hyphen = range2[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range2, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range2, start, loose, digitRuns);
      }
      while (range2[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range2, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range2, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range2[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range2, start) => {
      if (range2[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range2, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range2[end] === ".") {
        const next = findBuildIdentifierEndIndex(range2, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range2, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range2, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range2[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range2, end, true, digitRuns);
      return findBuildEndIndex(range2, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range2, start, digitRuns) => {
      if (isDigit(range2[start])) {
        return findVersionNumberEndIndex(range2, start, false, digitRuns);
      }
      return isVersionStart(range2[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range2, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range2, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range2[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range2, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range2, end, false, digitRuns);
      return findBuildEndIndex(range2, prereleaseEnd);
    };
    var findVersionEndIndex = (range2, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range2, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range2, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range2, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range2[position])) {
        position++;
      }
      if (range2[position] === "<" || range2[position] === ">") {
        position++;
      }
      if (range2[position] === "=") {
        position++;
      }
      return isWhitespace(range2[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range2) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range2.length) {
        const matchStart = cursor;
        if (range2[cursor] === "<" || range2[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range2[cursor]) && !isVersionStart(range2[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range2.length && isVersionPrefix(range2[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range2[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range2, matchStart);
        if (whitespacePosition !== -1) {
          result += range2.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range2, cursor, digitRuns);
      }
      return result + range2.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range2, options) {
        options = parseOptions(options);
        if (range2 instanceof _Range) {
          if (range2.loose === !!options.loose && range2.includePrerelease === !!options.includePrerelease) {
            return range2;
          } else {
            return new _Range(range2.raw, options);
          }
        }
        if (range2 instanceof Comparator) {
          this.raw = range2.value;
          this.set = [[range2]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range2.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range2) {
        range2 = range2.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range2;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range2 = range2.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range2);
        range2 = trimComparatorWhitespace(range2);
        debug("comparator trim", range2);
        range2 = range2.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range2);
        range2 = range2.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range2);
        let rangeList = range2.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range2, options) {
        if (!(range2 instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range2.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY2 = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY2;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY2) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY2;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY2 || version === ANY2) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range2, options) => {
      try {
        range2 = new Range(range2, options);
      } catch (er) {
        return false;
      }
      return range2.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range2, options) => new Range(range2, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range2, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range2, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range2, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range2, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range2, loose) => {
      range2 = new Range(range2, loose);
      let minver = new SemVer("0.0.0");
      if (range2.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range2.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range2.set.length; ++i) {
        const comparators = range2.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range2.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range2, options) => {
      try {
        return new Range(range2, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY: ANY2 } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range2, hilo, options) => {
      version = new SemVer(version, options);
      range2 = new Range(range2, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range2, options)) {
        return false;
      }
      for (let i = 0; i < range2.set.length; ++i) {
        const comparators = range2.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY2) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range2, options) => outside(version, range2, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range2, options) => outside(version, range2, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range2, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range2, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range2.raw === "string" ? range2.raw : String(range2);
      return simplified.length < original.length ? simplified : range2;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY: ANY2 } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY2) {
        if (dom.length === 1 && dom[0].semver === ANY2) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY2) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate2 = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate: truncate2,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify2(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify2;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES4) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES4.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups2 = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups2, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups2.number, groups2.string, groups2.array, groups2.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS3 = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS3.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count2 = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count2++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count2 += countKeys(sch));
        }
        if (count2 === Infinity)
          return Infinity;
      }
      return count2;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES: RULES4 } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES4))) {
        gen.block(() => keywordCode(it, "$ref", RULES4.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES4.rules)
          groupKeywords(group);
        groupKeywords(RULES4.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock2, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock2();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError2 = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError2;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema2(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema2;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve4.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema2.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve4(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema2.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path2) {
      let input = path2;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path2) {
      if (path2 === "" || path2[0] === "/") {
        return removeDotSegments(path2);
      }
      const segments = path2.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path2 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path2 && path2 !== "/" ? path2 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve4(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative4, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative4 = parse(serialize(relative4, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative4.scheme) {
        target.scheme = relative4.scheme;
        target.userinfo = relative4.userinfo;
        target.host = relative4.host;
        target.port = relative4.port;
        target.path = removeDotSegments(relative4.path || "");
        target.query = relative4.query;
      } else {
        if (relative4.userinfo !== void 0 || relative4.host !== void 0 || relative4.port !== void 0) {
          target.userinfo = relative4.userinfo;
          target.host = relative4.host;
          target.port = relative4.port;
          target.path = removeDotSegments(relative4.path || "");
          target.query = relative4.query;
        } else {
          if (!relative4.path) {
            target.path = base.path;
            if (relative4.query !== void 0) {
              target.query = relative4.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative4.path[0] === "/") {
              target.path = removeDotSegments(relative4.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative4.path;
              } else if (!base.path) {
                target.path = relative4.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative4.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative4.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative4.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve4,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv3 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions2.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions2.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey2 = schemaKeyRef;
            this._cache.delete(cacheKey2);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions2) {
        for (const def of definitions2)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES: RULES4 } = this;
        delete RULES4.keywords[keyword];
        delete RULES4.all[keyword];
        for (const group of RULES4.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv3.ValidationError = validation_error_1.default;
    Ajv3.MissingRefError = ref_error_1.default;
    exports.default = Ajv3;
    function checkOptions2(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES: RULES4 } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES4.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES: RULES4 } = this;
      let ruleGroup = post ? RULES4.post : RULES4.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES4.rules.push(ruleGroup);
      }
      RULES4.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES4.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count2 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count2)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count2) {
          gen.code((0, codegen_1._)`${count2}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count2} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv3 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv3;
    module.exports = exports = Ajv3;
    module.exports.Ajv = Ajv3;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv3;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/core": true,
        "https://json-schema.org/draft/2019-09/vocab/applicator": true,
        "https://json-schema.org/draft/2019-09/vocab/validation": true,
        "https://json-schema.org/draft/2019-09/vocab/meta-data": true,
        "https://json-schema.org/draft/2019-09/vocab/format": false,
        "https://json-schema.org/draft/2019-09/vocab/content": true
      },
      $recursiveAnchor: true,
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      properties: {
        definitions: {
          $comment: "While no longer an official keyword as it is replaced by $defs, this keyword is retained in the meta-schema to prevent incompatible extensions as it remains in common use.",
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" is no longer a keyword, but schema authors should avoid redefining it to facilitate a smooth transition to "dependentSchemas" and "dependentRequired"',
          type: "object",
          additionalProperties: {
            anyOf: [{ $recursiveRef: "#" }, { $ref: "meta/validation#/$defs/stringArray" }]
          }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/applicator": true
      },
      $recursiveAnchor: true,
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        additionalItems: { $recursiveRef: "#" },
        unevaluatedItems: { $recursiveRef: "#" },
        items: {
          anyOf: [{ $recursiveRef: "#" }, { $ref: "#/$defs/schemaArray" }]
        },
        contains: { $recursiveRef: "#" },
        additionalProperties: { $recursiveRef: "#" },
        unevaluatedProperties: { $recursiveRef: "#" },
        properties: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: {
            $recursiveRef: "#"
          }
        },
        propertyNames: { $recursiveRef: "#" },
        if: { $recursiveRef: "#" },
        then: { $recursiveRef: "#" },
        else: { $recursiveRef: "#" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $recursiveRef: "#" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $recursiveRef: "#" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/content": true
      },
      $recursiveAnchor: true,
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        contentSchema: { $recursiveRef: "#" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/core": true
      },
      $recursiveAnchor: true,
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $anchor: {
          type: "string",
          pattern: "^[A-Za-z][-A-Za-z0-9.:_]*$"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $recursiveRef: {
          type: "string",
          format: "uri-reference"
        },
        $recursiveAnchor: {
          type: "boolean",
          default: false
        },
        $vocabulary: {
          type: "object",
          propertyNames: {
            type: "string",
            format: "uri"
          },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/format.json
var require_format3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/format.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/format",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/format": true
      },
      $recursiveAnchor: true,
      title: "Format vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/meta-data": true
      },
      $recursiveAnchor: true,
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/validation": true
      },
      $recursiveAnchor: true,
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/index.js
var require_json_schema_2019_09 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var content = require_content();
    var core = require_core3();
    var format = require_format3();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2019($data) {
      ;
      [
        metaSchema,
        applicator,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2019;
  }
});

// node_modules/ajv/dist/2019.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2019.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2019 = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var discriminator_1 = require_discriminator();
    var json_schema_2019_09_1 = require_json_schema_2019_09();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2019-09/schema";
    var Ajv20192 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        this.addVocabulary(dynamic_1.default);
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        this.addVocabulary(next_1.default);
        this.addVocabulary(unevaluated_1.default);
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2019_09_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2019 = Ajv20192;
    module.exports = exports = Ajv20192;
    module.exports.Ajv2019 = Ajv20192;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20192;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core4 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema2();
    var applicator = require_applicator3();
    var unevaluated = require_unevaluated2();
    var content = require_content2();
    var core = require_core4();
    var format = require_format_annotation();
    var metadata = require_meta_data2();
    var validation = require_validation3();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__2 = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-draft-04/dist/vocabulary/core.js
var require_core5 = __commonJS({
  "node_modules/ajv-draft-04/dist/vocabulary/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "id",
      "$defs",
      { keyword: "$comment" },
      "definitions",
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv-draft-04/dist/vocabulary/validation/limitNumber.js
var require_limitNumber2 = __commonJS({
  "node_modules/ajv-draft-04/dist/vocabulary/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: {
        exclusive: "exclusiveMaximum",
        ops: [
          { okStr: "<=", ok: ops.LTE, fail: ops.GT },
          { okStr: "<", ok: ops.LT, fail: ops.GTE }
        ]
      },
      minimum: {
        exclusive: "exclusiveMinimum",
        ops: [
          { okStr: ">=", ok: ops.GTE, fail: ops.LT },
          { okStr: ">", ok: ops.GT, fail: ops.LTE }
        ]
      }
    };
    var error = {
      message: (cxt) => core_1.str`must be ${kwdOp(cxt).okStr} ${cxt.schemaCode}`,
      params: (cxt) => core_1._`{comparison: ${kwdOp(cxt).okStr}, limit: ${cxt.schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { data, schemaCode } = cxt;
        cxt.fail$data(core_1._`${data} ${kwdOp(cxt).fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    function kwdOp(cxt) {
      var _a;
      const keyword = cxt.keyword;
      const opsIdx = ((_a = cxt.parentSchema) === null || _a === void 0 ? void 0 : _a[KWDs[keyword].exclusive]) ? 1 : 0;
      return KWDs[keyword].ops[opsIdx];
    }
    exports.default = def;
  }
});

// node_modules/ajv-draft-04/dist/vocabulary/validation/limitNumberExclusive.js
var require_limitNumberExclusive = __commonJS({
  "node_modules/ajv-draft-04/dist/vocabulary/validation/limitNumberExclusive.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var KWDs = {
      exclusiveMaximum: "maximum",
      exclusiveMinimum: "minimum"
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "boolean",
      code({ keyword, parentSchema }) {
        const limitKwd = KWDs[keyword];
        if (parentSchema[limitKwd] === void 0) {
          throw new Error(`${keyword} can only be used with ${limitKwd}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv-draft-04/dist/vocabulary/validation/index.js
var require_validation4 = __commonJS({
  "node_modules/ajv-draft-04/dist/vocabulary/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber2();
    var limitNumberExclusive_1 = require_limitNumberExclusive();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      limitNumberExclusive_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv-draft-04/dist/vocabulary/draft4.js
var require_draft4 = __commonJS({
  "node_modules/ajv-draft-04/dist/vocabulary/draft4.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core5();
    var validation_1 = require_validation4();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadataVocabulary = ["title", "description", "default"];
    var draft4Vocabularies = [
      core_1.default,
      validation_1.default,
      applicator_1.default(),
      format_1.default,
      metadataVocabulary
    ];
    exports.default = draft4Vocabularies;
  }
});

// node_modules/ajv-draft-04/dist/refs/json-schema-draft-04.json
var require_json_schema_draft_04 = __commonJS({
  "node_modules/ajv-draft-04/dist/refs/json-schema-draft-04.json"(exports, module) {
    module.exports = {
      id: "http://json-schema.org/draft-04/schema#",
      $schema: "http://json-schema.org/draft-04/schema#",
      description: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        positiveInteger: {
          type: "integer",
          minimum: 0
        },
        positiveIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/positiveInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          minItems: 1,
          uniqueItems: true
        }
      },
      type: "object",
      properties: {
        id: {
          type: "string",
          format: "uri"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: {},
        multipleOf: {
          type: "number",
          minimum: 0,
          exclusiveMinimum: true
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "boolean",
          default: false
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "boolean",
          default: false
        },
        maxLength: { $ref: "#/definitions/positiveInteger" },
        minLength: { $ref: "#/definitions/positiveIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: {
          anyOf: [{ type: "boolean" }, { $ref: "#" }],
          default: {}
        },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: {}
        },
        maxItems: { $ref: "#/definitions/positiveInteger" },
        minItems: { $ref: "#/definitions/positiveIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxProperties: { $ref: "#/definitions/positiveInteger" },
        minProperties: { $ref: "#/definitions/positiveIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: {
          anyOf: [{ type: "boolean" }, { $ref: "#" }],
          default: {}
        },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        enum: {
          type: "array",
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      dependencies: {
        exclusiveMaximum: ["maximum"],
        exclusiveMinimum: ["minimum"]
      },
      default: {}
    };
  }
});

// node_modules/ajv-draft-04/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/ajv-draft-04/dist/index.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var core_1 = require_core();
    var draft4_1 = require_draft4();
    var discriminator_1 = require_discriminator();
    var draft4MetaSchema = require_json_schema_draft_04();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-04/schema";
    var Ajv3 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          schemaId: "id"
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft4_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft4MetaSchema, META_SUPPORT_DATA) : draft4MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    module.exports = exports = Ajv3;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv3;
    var core_2 = require_core();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return core_2.KeywordCxt;
    } });
    var core_3 = require_core();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return core_3._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return core_3.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return core_3.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return core_3.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return core_3.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return core_3.CodeGen;
    } });
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/ajv-formats/dist/limit.js
var require_limit = __commonJS({
  "node_modules/ajv-formats/dist/limit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatLimitDefinition = void 0;
    var ajv_1 = require_ajv();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`should be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    exports.formatLimitDefinition = {
      keyword: Object.keys(KWDs),
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
          return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fmt = gen.const("fmt", (0, codegen_1._)`${fmts}[${fCxt.schemaCode}]`);
          cxt.fail$data((0, codegen_1.or)((0, codegen_1._)`typeof ${fmt} != "object"`, (0, codegen_1._)`${fmt} instanceof RegExp`, (0, codegen_1._)`typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
          const format = fCxt.schema;
          const fmtDef = self.formats[format];
          if (!fmtDef || fmtDef === true)
            return;
          if (typeof fmtDef != "object" || fmtDef instanceof RegExp || typeof fmtDef.compare != "function") {
            throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
          }
          const fmt = gen.scopeValue("formats", {
            key: format,
            ref: fmtDef,
            code: opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : void 0
          });
          cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
          return (0, codegen_1._)`${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
      },
      dependencies: ["format"]
    };
    var formatLimitPlugin = (ajv) => {
      ajv.addKeyword(exports.formatLimitDefinition);
      return ajv;
    };
    exports.default = formatLimitPlugin;
  }
});

// node_modules/ajv-formats/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/ajv-formats/dist/index.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var formats_1 = require_formats();
    var limit_1 = require_limit();
    var codegen_1 = require_codegen();
    var fullName = new codegen_1.Name("fullFormats");
    var fastName = new codegen_1.Name("fastFormats");
    var formatsPlugin = (ajv, opts = { keywords: true }) => {
      if (Array.isArray(opts)) {
        addFormats(ajv, opts, formats_1.fullFormats, fullName);
        return ajv;
      }
      const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
      const list2 = opts.formats || formats_1.formatNames;
      addFormats(ajv, list2, formats, exportName);
      if (opts.keywords)
        (0, limit_1.default)(ajv);
      return ajv;
    };
    formatsPlugin.get = (name, mode = "full") => {
      const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
      const f = formats[name];
      if (!f)
        throw new Error(`Unknown format "${name}"`);
      return f;
    };
    function addFormats(ajv, list2, fs2, exportName) {
      var _a;
      var _b;
      (_a = (_b = ajv.opts.code).formats) !== null && _a !== void 0 ? _a : _b.formats = (0, codegen_1._)`require("ajv-formats/dist/formats").${exportName}`;
      for (const f of list2)
        ajv.addFormat(f, fs2[f]);
    }
    module.exports = exports = formatsPlugin;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = formatsPlugin;
  }
});

// src/constants.ts
var Verdict = {
  Pass: "pass",
  Acknowledged: "acknowledged",
  Breaking: "breaking",
  Error: "error"
};
var ConfigStatus = {
  /** Loads on the PR. */
  Ok: "ok",
  /** Loaded on the base, does not load on the PR: this PR breaks it. */
  Broken: "broken",
  /** Does not load on the PR, and did not load on the base either. */
  FailingOnBase: "failing-on-base",
  /** Cannot be parsed at all (on any side): never blamed on the PR. */
  Unreadable: "unreadable"
};
var DriftStatus = {
  /** Loads on the PR (and on the base). */
  Ok: "ok",
  /** Loads on the base, fails on the PR: this PR breaks it. */
  New: "new",
  /** Fails on the base and on the PR: already broken on the base branch. */
  Existing: "existing",
  /** Fails on the base, loads on the PR: this PR fixes it. */
  Fixed: "fixed",
  /** Cannot be parsed at all. */
  Unreadable: "unreadable"
};
var Outputs = {
  Verdict: "verdict",
  Broken: "broken",
  Drift: "drift",
  Release: "release",
  Report: "report",
  Sarif: "sarif",
  ReleaseNote: "release-note"
};
var REPORT_VERSION = 2;
var TOOL_NAME = "compat-gate";
var REPOSITORY = "org/compat-gate";
var HOMEPAGE = `https://github.com/${REPOSITORY}`;
var COMMENT_MARKER_PREFIX = `<!-- ${TOOL_NAME}:comment key=`;
var RESOLVED_MARK = `<!-- ${TOOL_NAME}:resolved -->`;
function commentMarker(key) {
  return `${COMMENT_MARKER_PREFIX}${key} -->`;
}
function isResolvedComment(body) {
  return body.split(/\r?\n/, 2)[1] === RESOLVED_MARK;
}

// src/git/git.ts
import { execFile, spawn } from "node:child_process";
var GIT_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_ASKPASS: "echo",
  GCM_INTERACTIVE: "never",
  GIT_OPTIONAL_LOCKS: "0"
};
var OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
var GIT_TIMEOUT_MS = 5 * 6e4;
var RENAME_LIMIT = 5e3;
var MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
function execGit(cwd, args) {
  return execGitBytes(cwd, args).then((stdout) => stdout.toString("utf8"));
}
function execGitBytes(cwd, args) {
  return new Promise((resolve4, reject) => {
    execFile(
      "git",
      args,
      { cwd, env: { ...process.env, ...GIT_ENV }, maxBuffer: MAX_OUTPUT_BYTES, timeout: GIT_TIMEOUT_MS, encoding: "buffer" },
      (error, stdout, stderr) => {
        if (error) reject(new GateError(`git ${args[0]} failed: ${stderr.toString("utf8").trim() || error.message}`));
        else resolve4(stdout);
      }
    );
  });
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
function decodePath(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}
function decodePathIn(bytes, start, end) {
  for (let i = start; i < end; i++) if (bytes[i] >= 128) return decodePath(bytes.subarray(start, end));
  return bytes.toString("latin1", start, end);
}
function splitNul(out) {
  const fields = [];
  for (let start = 0; start < out.length; ) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    fields.push(decodePath(out.subarray(start, end)));
    start = end + 1;
  }
  return fields;
}
async function createGitCommandManager(dir) {
  let root;
  try {
    root = (await execGit(dir, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    throw new GateError(
      `${dir} is not inside a git repository.`,
      (n) => n.edge === "cli" ? "Run compat-gate inside a clone of the repository, or point `-C` at one." : "Run actions/checkout before compat-gate, or run the CLI inside a clone."
    );
  }
  return new GitCli(root);
}
var GitCli = class {
  constructor(root) {
    this.root = root;
    this.catFile = new CatFilePool(root);
  }
  root;
  /** Trees by commit sha: a commit's tree never changes, and several steps list the same one. */
  trees = /* @__PURE__ */ new Map();
  /** Trees listed without the blobs' sizes, by commit sha. */
  pathTrees = /* @__PURE__ */ new Map();
  fetching = Promise.resolve();
  /** How far {@link tryDeepen} has deepened the history, by commit. */
  deepened = /* @__PURE__ */ new Map();
  head;
  /** `git cat-file --batch` processes that answer every object read and lookup of the run. */
  catFile;
  close() {
    this.catFile.close();
  }
  /** One object by name (`<sha>^{commit}`, `<commit>:<path>`), or undefined when git has none. */
  async lookup(name) {
    if (/[\r\n\0]/.test(name)) return void 0;
    let found2;
    try {
      await this.catFile.request([name], (_index, answer) => found2 = answer);
    } catch {
      return void 0;
    }
    return found2;
  }
  execGit(args) {
    return execGit(this.root, args);
  }
  async tryExecGit(args) {
    try {
      return await this.execGit(args);
    } catch {
      return void 0;
    }
  }
  tryResolveCommit(ref) {
    if (ref !== "HEAD") return this.resolveCommit(ref);
    this.head ??= this.resolveCommit(ref);
    return this.head;
  }
  async resolveCommit(ref) {
    const found2 = await this.lookup(`${ref}^{commit}`);
    return found2?.type === "commit" && OBJECT_ID.test(found2.sha) ? found2.sha : void 0;
  }
  async hasCommit(sha) {
    return (await this.lookup(`${sha}^{commit}`))?.type === "commit";
  }
  async isShallow() {
    return (await this.execGit(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }
  tryFetch(refspecs, options = {}) {
    return this.oneFetchAtATime(async () => {
      const wanted = options.depth ? await this.stillMissing(refspecs) : refspecs;
      return wanted.length === 0 || this.fetchNow(wanted, options);
    });
  }
  /** The refspecs but the commit shas the repository already holds. */
  async stillMissing(refspecs) {
    const held = await Promise.all(refspecs.map((spec) => OBJECT_ID.test(spec) ? this.hasCommit(spec) : false));
    return refspecs.filter((_, index) => !held[index]);
  }
  tryFetchCommit(refspec, options = {}) {
    return this.oneFetchAtATime(async () => await this.fetchNow([refspec], options) ? this.tryResolveCommit("FETCH_HEAD") : void 0);
  }
  /**
   * Fetches run one after the other, whoever starts them (the base, the PR's commits and the
   * releases are looked up side by side): two at once would race on FETCH_HEAD and on the
   * shallow file's lock. Reads (ls-tree, cat-file) need no turn.
   */
  oneFetchAtATime(work) {
    const turn = this.fetching.then(work, work);
    this.fetching = turn.catch(() => void 0);
    return turn;
  }
  async fetchNow(refspecs, options) {
    const args = ["-c", "protocol.version=2", "-c", "maintenance.auto=false", "-c", "gc.auto=0", "fetch", "--no-tags", "--no-recurse-submodules", "--quiet"];
    if (options.depth) args.push(`--depth=${options.depth}`);
    else if (options.deepen) args.push(`--deepen=${options.deepen}`);
    args.push("origin", ...refspecs);
    return await this.tryExecGit(args) !== void 0;
  }
  async tryMergeBase(a, b) {
    const sha = (await this.tryExecGit(["merge-base", "--end-of-options", a, b]))?.trim();
    return sha && OBJECT_ID.test(sha) ? sha : void 0;
  }
  lsTree(commit, { sizes = true } = {}) {
    if (!OBJECT_ID.test(commit)) return this.listTree(commit, sizes);
    const withSizes = this.trees.get(commit);
    if (withSizes || !sizes) {
      const tree2 = withSizes ?? this.pathTrees.get(commit);
      if (tree2) return tree2;
    }
    const cache = sizes ? this.trees : this.pathTrees;
    const tree = this.listTree(commit, sizes);
    cache.set(commit, tree);
    tree.catch(() => cache.delete(commit));
    return tree;
  }
  async listTree(commit, sizes) {
    const out = await execGitBytes(this.root, ["ls-tree", "-r", ...sizes ? ["-l"] : [], "-z", "--full-tree", commit]);
    const entries = [];
    for (let start = 0; start < out.length; ) {
      let end = out.indexOf(0, start);
      if (end < 0) end = out.length;
      const tab = out.indexOf(9, start);
      const fields = out.toString("latin1", start, tab);
      const typeAt = fields.indexOf(" ") + 1;
      const shaAt = fields.indexOf(" ", typeAt) + 1;
      const shaEnd = fields.indexOf(" ", shaAt);
      const bytes = shaEnd < 0 ? Number.NaN : Number(fields.slice(shaEnd + 1).trim());
      entries.push({
        mode: fields.slice(0, typeAt - 1),
        type: fields.slice(typeAt, shaAt - 1),
        sha: shaEnd < 0 ? fields.slice(shaAt) : fields.slice(shaAt, shaEnd),
        path: decodePathIn(out, tab + 1, end),
        ...Number.isFinite(bytes) ? { size: bytes } : {}
      });
      start = end + 1;
    }
    return entries;
  }
  async readBlobs(shas, onBlob) {
    const wanted = [...new Set(shas)];
    const blobs = /* @__PURE__ */ new Map();
    if (wanted.length === 0) return blobs;
    await this.catFile.request(wanted, (index, answer) => {
      if (!answer) return;
      const sha = wanted[index];
      blobs.set(sha, answer.content);
      onBlob?.(sha, answer.content);
    });
    return blobs;
  }
  async readFile(commit, path2) {
    if (path2 !== "" && !/^\.{0,2}\/|[\r\n]/.test(path2)) {
      const found2 = await this.lookup(`${commit}:${path2}`);
      return found2?.type === "blob" ? found2.content : void 0;
    }
    const out = await this.tryExecGit(["ls-tree", "-z", "--full-tree", commit, "--", path2]);
    const record = out?.split("\0")[0];
    if (!record) return void 0;
    const [, type, sha] = record.slice(0, record.indexOf("	")).split(" ");
    if (type !== "blob" || !sha) return void 0;
    return (await this.readBlobs([sha])).get(sha);
  }
  async tryRenamedFrom(from, to, path2) {
    const out = await this.tryExecGit(["diff", "-z", "--name-status", "-M", "--diff-filter=R", "--end-of-options", from, to]);
    if (!out) return void 0;
    const fields = out.split("\0");
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if (fields[i].startsWith("R") && fields[i + 2] === path2) return fields[i + 1];
    }
    return void 0;
  }
  async log(base, head) {
    const out = await this.execGit(["log", "--reverse", "-z", "--format=%H%n%B", `${base}..${head}`]);
    return out.split("\0").filter((record) => record.trim()).map((record) => {
      const eol = record.indexOf("\n");
      return { sha: record.slice(0, eol).trim(), message: record.slice(eol + 1).trimEnd() };
    });
  }
  async tryRemoteTags() {
    const out = await this.tryExecGit(["ls-remote", "--tags", "origin"]);
    if (out === void 0) return void 0;
    const tags = /* @__PURE__ */ new Map();
    for (const line of out.split("\n")) {
      const [sha, ref] = line.split("	");
      if (!sha || !ref?.startsWith("refs/tags/")) continue;
      const name = ref.slice("refs/tags/".length);
      if (name.endsWith("^{}")) tags.set(name.slice(0, -3), sha);
      else if (!tags.has(name)) tags.set(name, sha);
    }
    return [...tags].map(([name, sha]) => ({ name, sha }));
  }
  async defaultBranch() {
    const remoteHead = (await this.tryExecGit(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]))?.trim();
    if (remoteHead) return remoteHead.replace(/^origin\//, "");
    for (const name of ["main", "master"]) {
      if (await this.tryResolveCommit(name)) return name;
    }
    return void 0;
  }
  async tags() {
    const out = await this.execGit(["for-each-ref", "--format=%(refname:strip=2) %(*objectname) %(objectname)", "refs/tags"]);
    return out.split("\n").filter(Boolean).map((line) => {
      const [name, peeled, sha] = line.split(" ");
      return { name, sha: peeled || sha };
    });
  }
  async renames(from, to) {
    const out = await execGitBytes(this.root, [
      "-c",
      `diff.renameLimit=${RENAME_LIMIT}`,
      "diff",
      "--no-ext-diff",
      "--no-textconv",
      "--no-color",
      "--no-relative",
      "-M",
      "--diff-filter=R",
      "--name-status",
      "-z",
      "--end-of-options",
      from,
      to,
      "--"
    ]);
    const fields = splitNul(out);
    const renames = [];
    for (let i = 0; i < fields.length; ) {
      const status = fields[i];
      if (status.startsWith("R") || status.startsWith("C")) {
        renames.push({ from: fields[i + 1], to: fields[i + 2] });
        i += 3;
      } else i += 2;
    }
    return renames;
  }
  async tryFirstParentChanges(from, to, limit) {
    if (await this.tryExecGit(["merge-base", "--is-ancestor", "--end-of-options", from, to]) === void 0) return void 0;
    const count2 = Number((await this.tryExecGit(["rev-list", "--first-parent", "--count", "--end-of-options", `${from}..${to}`]))?.trim());
    if (!Number.isFinite(count2) || count2 > limit) return void 0;
    if (count2 === 0) return [];
    let out;
    try {
      out = await execGitBytes(this.root, [
        "-c",
        `diff.renameLimit=${RENAME_LIMIT}`,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--no-ext-diff",
        "--no-textconv",
        "--no-color",
        "--no-relative",
        "-M",
        "--diff-filter=RDA",
        "--name-status",
        "-z",
        "--format=%x01%H",
        "--end-of-options",
        `${from}..${to}`,
        "--"
      ]);
    } catch {
      return void 0;
    }
    const fields = splitNul(out);
    const changes = [];
    let current;
    for (let i = 0; i < fields.length; ) {
      const field2 = fields[i].replace(/^\n+/, "");
      if (field2.startsWith("")) {
        current = { sha: field2.slice(1), renames: [], deleted: [], added: [] };
        changes.push(current);
        i += 1;
      } else if (field2 === "" || !current) i += 1;
      else if (field2.startsWith("R") || field2.startsWith("C")) {
        if (field2.startsWith("R")) current.renames.push({ from: fields[i + 1], to: fields[i + 2] });
        else current.added.push(fields[i + 2]);
        i += 3;
      } else {
        if (field2 === "D") current.deleted.push(fields[i + 1]);
        else if (field2 === "A") current.added.push(fields[i + 1]);
        i += 2;
      }
    }
    return changes;
  }
  async tryParents(commit) {
    const found2 = await this.lookup(`${commit}^{commit}`);
    if (found2?.type !== "commit") return void 0;
    const out = found2.content.toString("utf8");
    const header = out.slice(0, out.indexOf("\n\n") >= 0 ? out.indexOf("\n\n") : out.length);
    return header.split("\n").filter((line) => line.startsWith("parent ")).map((line) => line.slice("parent ".length).trim());
  }
  async tryDeepen(commit, commits) {
    const done = this.deepened.get(commit) ?? 0;
    if (done >= commits) return true;
    const fetched = await this.tryFetch([commit], { deepen: commits - done });
    if (fetched) this.deepened.set(commit, commits);
    return fetched;
  }
  async exportTree(commit, dir) {
    const archive = spawn("git", ["archive", "--format=tar", commit], { cwd: this.root, env: { ...process.env, ...GIT_ENV } });
    const tar = spawn("tar", ["-x", "-f", "-", "-C", dir]);
    let stderr = "";
    archive.stderr.on("data", (chunk) => stderr += chunk.toString());
    tar.stderr.on("data", (chunk) => stderr += chunk.toString());
    archive.stdout.pipe(tar.stdin);
    const exited = (child) => new Promise((resolve4) => {
      child.on("error", () => resolve4(-1));
      child.on("close", (code) => resolve4(code));
    });
    const [archiveCode, tarCode] = await Promise.all([exited(archive), exited(tar)]);
    if (archiveCode !== 0 || tarCode !== 0) {
      throw new GateError(`Could not export the tree of ${commit}: ${stderr.trim() || "git archive or tar failed"}.`);
    }
  }
};
var CatFilePool = class {
  constructor(root) {
    this.root = root;
  }
  root;
  idle = [];
  closed = false;
  /** Asks for every name; `onAnswer` hears each answer in order (undefined: git has no such object). */
  async request(names, onAnswer) {
    if (names.length === 0) return;
    const process2 = this.idle.pop() ?? new CatFile(this.root);
    try {
      await process2.request(names, onAnswer);
    } catch (error) {
      process2.close();
      throw error;
    }
    if (this.closed) process2.close();
    else this.idle.push(process2);
  }
  close() {
    this.closed = true;
    for (const process2 of this.idle.splice(0)) process2.close();
  }
};
var CatFile = class {
  child;
  parser;
  current;
  failure;
  stderr = "";
  constructor(root) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: root, env: { ...process.env, ...GIT_ENV }, stdio: ["pipe", "pipe", "pipe"] });
    this.parser = new BatchParser((answer) => this.answered(answer));
    this.child.stdout.on("data", (chunk) => this.parser.push(chunk));
    this.child.stderr.on("data", (chunk) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk.toString();
    });
    this.child.stdin.on("error", () => void 0);
    this.child.on("error", (error) => this.fail(new GateError(`git cat-file could not be started: ${error.message}`)));
    this.child.on("close", (code, signal) => this.fail(new GateError(`git cat-file failed (${signal ? `killed by ${signal}` : `exit ${code}`}): ${this.stderr.trim()}`)));
    this.keepsRunAlive(false);
  }
  request(names, onAnswer) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve4, reject) => {
      this.current = { count: names.length, answered: 0, onAnswer, resolve: resolve4, reject };
      this.keepsRunAlive(true);
      this.child.stdin.write(`${names.join("\n")}
`);
    });
  }
  close() {
    this.failure ??= new GateError("git cat-file was closed.");
    this.child.stdin.end();
    this.keepsRunAlive(false);
  }
  answered(answer) {
    const request = this.current;
    if (!request) {
      this.fail(new GateError("git cat-file answered a request that was not made."));
      return;
    }
    try {
      request.onAnswer(request.answered, answer);
    } catch (error) {
      this.current = void 0;
      this.close();
      request.reject(error);
      return;
    }
    request.answered += 1;
    if (request.answered < request.count) return;
    this.current = void 0;
    this.keepsRunAlive(false);
    request.resolve();
  }
  fail(error) {
    this.failure ??= error;
    const request = this.current;
    this.current = void 0;
    this.keepsRunAlive(false);
    request?.reject(this.failure);
  }
  /** A process waiting for requests must not keep node from exiting (a run that forgot to close it). */
  keepsRunAlive(alive) {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      if (alive) handle.ref?.();
      else handle.unref?.();
    }
  }
};
var BatchParser = class {
  constructor(onAnswer) {
    this.onAnswer = onAnswer;
  }
  onAnswer;
  /** Output not read yet: the first chunk from {@link offset} on, then whole chunks. */
  chunks = [];
  offset = 0;
  buffered = 0;
  /** The answer being read: its header, then the bytes of content plus the trailing newline. */
  body;
  push(chunk) {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (; ; ) {
      if (this.body) {
        if (this.buffered < this.body.size + 1) return;
        const { sha: sha2, type: type2, size: size2 } = this.body;
        const content = this.take(size2 + 1).subarray(0, size2);
        this.body = void 0;
        this.onAnswer({ sha: sha2, type: type2, content });
        continue;
      }
      const eol = this.lineEnd();
      if (eol < 0) return;
      const header = this.take(eol + 1).toString("latin1", 0, eol);
      const [sha, type, size, extra] = header.split(" ");
      if (sha && type && extra === void 0 && OBJECT_ID.test(sha) && /^\d+$/.test(size ?? "")) this.body = { sha, type, size: Number(size) };
      else this.onAnswer(void 0);
    }
  }
  /** How many bytes the output holds before the next newline, or -1 when none has arrived. */
  lineEnd() {
    let before = 0;
    for (let index = 0; index < this.chunks.length; index++) {
      const chunk = this.chunks[index];
      const from = index === 0 ? this.offset : 0;
      const eol = chunk.indexOf(10, from);
      if (eol >= 0) return before + eol - from;
      before += chunk.length - from;
    }
    return -1;
  }
  /** The next `bytes` bytes of output (there are at least that many). */
  take(bytes) {
    const first = this.chunks[0];
    this.buffered -= bytes;
    if (first.length - this.offset >= bytes) {
      const taken2 = first.subarray(this.offset, this.offset + bytes);
      this.offset += bytes;
      if (this.offset === first.length) this.drop();
      return taken2;
    }
    const taken = Buffer.allocUnsafe(bytes);
    let filled = 0;
    while (filled < bytes) {
      const chunk = this.chunks[0];
      const copied = chunk.copy(taken, filled, this.offset, Math.min(chunk.length, this.offset + bytes - filled));
      filled += copied;
      this.offset += copied;
      if (this.offset === chunk.length) this.drop();
    }
    return taken;
  }
  drop() {
    this.chunks.shift();
    this.offset = 0;
  }
};

// src/refs/base.ts
function payloadField(payload, ...path2) {
  let value = payload;
  for (const key of path2) {
    if (typeof value !== "object" || value === null) return void 0;
    value = value[key];
  }
  return value;
}
function payloadText(payload, ...path2) {
  const value = payloadField(payload, ...path2);
  return typeof value === "string" ? value : void 0;
}
var ZERO_SHA = /^0+$/;
var SHA = /^[0-9a-f]{40}$/i;
function baseCandidate(request) {
  const { input, eventName, payload } = request;
  if (input) return SHA.test(input) ? { ref: input.slice(0, 12), sha: input } : { ref: input };
  const defaultBranch = payloadText(payload, "repository", "default_branch");
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const sha = payloadText(payload, "pull_request", "base", "sha");
      if (sha) return { ref: payloadText(payload, "pull_request", "base", "ref") ?? "base", sha };
      break;
    }
    case "merge_group": {
      const sha = payloadText(payload, "merge_group", "base_sha");
      if (sha) return { ref: shortRef(payloadText(payload, "merge_group", "base_ref") ?? "base"), sha };
      break;
    }
    case "push": {
      const before = payloadText(payload, "before");
      if (before && !ZERO_SHA.test(before)) return { ref: before.slice(0, 12), sha: before };
      const pushed = shortRef(payloadText(payload, "ref") ?? "");
      if (defaultBranch && pushed !== defaultBranch) return { ref: defaultBranch };
      return { none: `this is the first push of ${pushed || "the branch"}: there is no earlier commit to compare with` };
    }
  }
  if (defaultBranch) return { ref: defaultBranch };
  return { none: `the ${eventName || "local"} run names no base` };
}
function shortRef(ref) {
  return ref.replace(/^refs\/(heads|tags)\//, "");
}
async function resolveBase(git, candidate, whileFetching = () => void 0) {
  const sha = candidate.sha ?? await resolveName(git, candidate.ref);
  if (sha && await git.hasCommit(sha)) return { ref: candidate.ref, sha };
  whileFetching();
  if (sha) {
    if (await git.tryFetch([sha], { depth: 1 }) && await git.hasCommit(sha)) return { ref: candidate.ref, sha };
    if (!SHA.test(candidate.ref) && await git.tryFetch([`refs/heads/${candidate.ref}`], { depth: 1 }) && await git.hasCommit(sha)) {
      return { ref: candidate.ref, sha };
    }
  } else {
    const fetched = await git.tryFetchCommit(candidate.ref, { depth: 1 });
    if (fetched) return { ref: candidate.ref, sha: fetched };
  }
  const named = sha && sha !== candidate.ref ? `\`${candidate.ref}\` (${sha.slice(0, 12)})` : `\`${candidate.ref}\``;
  throw new GateError(
    `The base ${named} is not in the checkout and could not be fetched from origin.`,
    (n) => n.edge === "cli" ? `Check the ${n.setting("base")}, and that \`git fetch origin\` can read the repository.` : `Check the ${n.setting("base")}, and that actions/checkout ran with a token that can read the repository.`
  );
}
async function resolveName(git, name) {
  for (const ref of [name, `refs/remotes/origin/${name}`, `refs/tags/${name}`]) {
    const sha = await git.tryResolveCommit(ref);
    if (sha) return sha;
  }
  return void 0;
}

// src/refs/release.ts
var import_semver = __toESM(require_semver2(), 1);
function octokitReleaseApi(octokit, owner, repo) {
  return {
    async latestReleaseTag() {
      try {
        return (await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name;
      } catch (error) {
        if (error.status === 404) return void 0;
        throw error;
      }
    },
    async listReleases() {
      const releases = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 });
      return releases.map((release) => ({ tag: release.tag_name, draft: release.draft === true, prerelease: release.prerelease === true }));
    }
  };
}
function highestReleaseTag(tags) {
  let best;
  for (const tag of tags) {
    const version = import_semver.default.parse(tag.replace(/^v(?=\d)/, ""));
    if (!version || version.prerelease.length > 0) continue;
    if (!best || import_semver.default.gt(version, best.version) || import_semver.default.eq(version, best.version) && tag < best.tag) best = { tag, version };
  }
  return best?.tag;
}
var RELEASE_HINT = (n) => `Set the ${n.setting("release")} to \`latest\`, a tag (\`v0.2.1\`), a release line (\`v1\`, \`v0.2\`: its highest release), several of them one a line or comma-separated, or \`none\`.`;
function parseReleaseSelection(selection) {
  const names = [...new Set(selection.split(/[\r\n,]+/).map((entry) => entry.trim()).filter((entry) => entry !== ""))];
  if (names.includes("none")) {
    if (names.length > 1) throw new GateError((n) => `The ${n.setting("release")} names \`none\` with other releases (${names.filter((name) => name !== "none").map((name) => `\`${name}\``).join(", ")}).`, RELEASE_HINT);
    return [];
  }
  return names.map((name) => {
    if (name === "latest") return { kind: "latest" };
    const line = /^v?(\d+)(?:\.(\d+))?$/.exec(name);
    if (line) return { kind: "line", name, major: Number(line[1]), ...line[2] !== void 0 ? { minor: Number(line[2]) } : {} };
    return { kind: "tag", name };
  });
}
function highestOfLine(tags, line) {
  return highestReleaseTag(
    tags.filter((tag) => {
      const version = import_semver.default.parse(tag.replace(/^v(?=\d)/, ""));
      return version !== null && version.major === line.major && (line.minor === void 0 || version.minor === line.minor);
    })
  );
}
function highestBeforeLine(tags, line) {
  const start = `${line.major}.${line.minor ?? 0}.0`;
  return highestReleaseTag(
    tags.filter((tag) => {
      const version = import_semver.default.parse(tag.replace(/^v(?=\d)/, ""));
      return version !== null && import_semver.default.lt(version, start);
    })
  );
}
function shortBranch(branch) {
  return branch.replace(/^refs\/heads\//, "").replace(/^(?:refs\/remotes\/)?origin\//, "");
}
var LINE_BRANCH = /^(?:(release|releases|rel|stable|maint|maintenance|support|backport|lts)[-/_]?)?(v)?(\d+)(?:\.(\d+))?(\.x|-x)?(?:[-_.](stable|maint|maintenance|lts|release|branch))?$/i;
function releaseLineOfBranch(branch) {
  const match = LINE_BRANCH.exec(shortBranch(branch));
  if (!match) return void 0;
  const [, word, v, major, minor, x, suffix] = match;
  if (!word && !v && minor === void 0 && !x && !suffix) return void 0;
  return { major: Number(major), ...minor !== void 0 ? { minor: Number(minor) } : {}, name: minor !== void 0 ? `${major}.${minor}` : `${major}` };
}
async function resolveReleases(git, selection, api, options = {}) {
  const entries = parseReleaseSelection(selection);
  const notes = [];
  if (entries.length === 0) return { releases: [], notes };
  const branchLine = options.baseBranch ? releaseLineOfBranch(options.baseBranch) : void 0;
  const latest = api && !branchLine && entries.some((entry) => entry.kind === "latest") ? askLatest(api) : void 0;
  const remoteTags = await git.tryRemoteTags();
  const tags = remoteTags ?? await git.tags();
  const tagNames = tags.map((t) => t.name);
  const ensure = (tag) => ensureTagCommit(git, tag, tags.find((t) => t.name === tag)?.sha, options.fetchAfter);
  const guess = latest ? highestReleaseTag(tagNames) : void 0;
  let answered;
  void latest?.then((answer) => answered = answer);
  const early = guess ? {
    tag: guess,
    sha: (async () => {
      await options.fetchAfter?.catch(() => void 0);
      if (answered && "tag" in answered && answered.tag && answered.tag !== guess) return DROPPED;
      return ensure(guess);
    })()
  } : void 0;
  early?.sha.catch(() => void 0);
  try {
    let listed;
    const publishedTags = () => listed ??= api ? api.listReleases().then(
      (releases2) => releases2.filter((release) => !release.draft && !release.prerelease).map((release) => release.tag),
      (error) => {
        notes.push(`The releases could not be listed from GitHub (${describeError(error)}); release lines are taken from the semver tags instead.`);
        return void 0;
      }
    ) : Promise.resolve(void 0);
    const ofLine = async (line, name) => {
      const published = await publishedTags();
      let tag = published ? highestOfLine(published, line) : void 0;
      if (!tag) {
        tag = highestOfLine(tagNames, line);
        if (tag && published) notes.push(`The line \`${name}\` has no GitHub release; using its highest semver tag, \`${tag}\`.`);
      }
      return { ...tag ? { tag } : {}, published: published !== void 0 };
    };
    const branch = options.baseBranch ? shortBranch(options.baseBranch) : "";
    const setting = (options.naming ?? ACTION_NAMING).setting("release");
    const chosen = [];
    for (const entry of entries) {
      let tag;
      if (entry.kind === "latest" && branchLine) {
        tag = (await ofLine(branchLine, branchLine.name)).tag;
        const next = branchLine.minor !== void 0 ? `v${branchLine.major}.${branchLine.minor + 1}` : `v${branchLine.major + 1}`;
        const another = `To compare with another release, set the ${setting} to its tag or its line (\`${next}\`), or to several, one a line.`;
        if (tag) notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}: \`latest\` is that line's newest stable release, \`${tag}\`. ${another}`);
        else if (tag = highestBeforeLine(tagNames, branchLine)) {
          notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}, which has no stable release yet: \`latest\` is the release before it, \`${tag}\`. To compare with another release, set the ${setting} to its tag or its line, or to several, one a line.`);
        } else {
          tag = await latestTag(api && askLatest(api), tagNames, notes);
          if (tag) notes.push(`The base branch \`${branch}\` names the release line ${branchLine.name}, which has no stable release yet: \`latest\` is the project's latest release, \`${tag}\`. ${another}`);
        }
      } else if (entry.kind === "latest") tag = await latestTag(latest, tagNames, notes);
      else if (entry.kind === "tag") tag = entry.name;
      else {
        const found2 = await ofLine(entry, entry.name);
        tag = found2.tag;
        const published = found2.published;
        if (!tag) {
          throw new GateError(
            `The release line \`${entry.name}\` has no release: no ${published ? "GitHub release and no " : ""}semver tag of it without a prerelease part.`,
            RELEASE_HINT
          );
        }
      }
      if (!tag) continue;
      const same = chosen.find((other) => other.tag === tag);
      if (same) {
        notes.push(`${describeEntry(same.entry)} and ${describeEntry(entry)} are the same release, \`${tag}\`: it is compared once.`);
        continue;
      }
      chosen.push({ tag, entry });
    }
    const releases = [];
    for (const { tag, entry } of chosen) {
      const guessed = tag === early?.tag ? await early.sha : DROPPED;
      const sha = guessed === DROPPED ? await ensure(tag) : guessed;
      if (!sha) {
        throw new GateError(
          `The release tag \`${tag}\` does not exist in origin or could not be fetched.`,
          entry.kind === "latest" ? (n) => `Check the repository's latest release, or set the ${n.setting("release")} to a tag or \`none\`.` : RELEASE_HINT
        );
      }
      releases.push({ ref: tag, sha });
    }
    return { releases, notes };
  } finally {
    await early?.sha.catch(() => void 0);
  }
}
var DROPPED = /* @__PURE__ */ Symbol("dropped");
function describeEntry(entry) {
  return entry.kind === "latest" ? "`latest`" : `\`${entry.name}\``;
}
function askLatest(api) {
  return api.latestReleaseTag().then(
    (tag) => ({ tag }),
    (error) => ({ error })
  );
}
async function latestTag(asked, tagNames, notes) {
  const answer = await asked;
  if (answer && "error" in answer) notes.push(`The latest release could not be read from GitHub (${describeError(answer.error)}); using the highest semver tag instead.`);
  const fromApi = answer && "tag" in answer ? answer.tag : void 0;
  if (fromApi) return fromApi;
  const fallback = highestReleaseTag(tagNames);
  if (fallback) {
    if (answer && "tag" in answer) notes.push(`The repository has no GitHub release; using the highest semver tag, \`${fallback}\`.`);
    return fallback;
  }
  notes.push("There is no release to compare with: no GitHub release and no semver tag (prereleases are not counted). Release drift was not checked.");
  return void 0;
}
async function ensureTagCommit(git, tag, known, after) {
  const baseHad = after ? await after.then(() => true, () => false) : true;
  if (known && await git.hasCommit(known)) return known;
  const local = await git.tryResolveCommit(`refs/tags/${tag}`);
  if (local && (!known || local === known)) return local;
  if (!baseHad) return void 0;
  return git.tryFetchCommit(`refs/tags/${tag}`, { depth: 1 });
}

// src/github/errors.ts
function httpStatus(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const { status } = error;
  if (typeof status !== "number") return void 0;
  if ("request" in error && !error.response) return void 0;
  return status;
}
function isRateLimited(error) {
  const response = error?.response;
  return response?.headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(errorLine(error));
}
var TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
var URL_CREDENTIALS = /(?<=:\/\/)[^\s/@]+@/g;
function redact(text) {
  return text.replace(TOKEN, "***").replace(URL_CREDENTIALS, "***@");
}
function errorLine(error, max = 300) {
  const raw = errorMessage(error);
  const line = redact((raw.split(/\r?\n/)[0] ?? "").replace(/ - https?:\/\/\S+$/, "")).trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}\u2026`;
}
function statusAndMessage(error) {
  const status = httpStatus(error);
  return [status, errorLine(error)].filter((part) => part !== void 0 && part !== "").join(" ") || "unknown error";
}

// src/refs/pull-request.ts
var LIST_COMMITS_LIMIT = 250;
var PER_PAGE = 100;
function octokitPullRequestApi(octokit, owner, repo) {
  return {
    async getPull(number2) {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number2 });
      return {
        title: data.title,
        ...typeof data.body === "string" ? { body: data.body } : {},
        labels: labelNames(data.labels),
        headSha: data.head.sha,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        ...typeof data.commits === "number" ? { commitCount: data.commits } : {}
      };
    },
    async listCommits(number2) {
      const commits = await octokit.paginate(octokit.rest.pulls.listCommits, { owner, repo, pull_number: number2, per_page: PER_PAGE });
      return commits.map((commit) => ({ sha: commit.sha, message: commit.commit.message }));
    },
    async listLabels(number2) {
      return labelNames(await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: number2, per_page: PER_PAGE }));
    }
  };
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
]);
var MERGE_QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-fA-F]+$/;
function pullRequestNumber(eventName, payload) {
  if (PULL_REQUEST_EVENTS.has(eventName)) return positiveInteger(field(payload, "pull_request", "number"));
  if (eventName === "merge_group") {
    const headRef = field(payload, "merge_group", "head_ref");
    const match = typeof headRef === "string" ? MERGE_QUEUE_REF.exec(headRef) : null;
    return match ? positiveInteger(Number(match[1])) : void 0;
  }
  if (eventName === "issue_comment" && field(payload, "issue", "pull_request")) {
    return positiveInteger(field(payload, "issue", "number"));
  }
  return void 0;
}
function pullRequestFromEvent(eventName, payload) {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const pull = field(payload, "pull_request");
    const number2 = positiveInteger(field(pull, "number"));
    if (number2 === void 0) return void 0;
    return {
      number: number2,
      ...optionalString("title", field(pull, "title")),
      ...optionalString("body", field(pull, "body")),
      labels: labelNames(field(pull, "labels")),
      ...optionalString("headSha", field(pull, "head", "sha")),
      ...optionalString("baseSha", field(pull, "base", "sha")),
      ...optionalString("baseRef", field(pull, "base", "ref"))
    };
  }
  const issue = field(payload, "issue");
  if (eventName === "issue_comment" && field(issue, "pull_request")) {
    const number2 = positiveInteger(field(issue, "number"));
    if (number2 === void 0) return void 0;
    return { number: number2, ...optionalString("title", field(issue, "title")), labels: labelNames(field(issue, "labels")) };
  }
  return void 0;
}
async function readPullRequest(params) {
  const { number: number2, payload, eventName, api, gitCommits } = params;
  if (number2 === void 0) {
    return { labels: [], commits: [], sources: { title: "none", labels: "none", commits: "none" }, notes: [] };
  }
  const notes = [];
  const [pull, listed, labels] = api ? await Promise.all([
    settle(() => api.getPull(number2)),
    settle(() => api.listCommits(number2)),
    api.listLabels ? settle(() => api.listLabels(number2)) : void 0
  ]) : [void 0, void 0, void 0];
  const details = pullDetails(number2, eventName, payload, pull?.ok && labels?.ok ? { ok: true, value: { ...pull.value, labels: labels.value } } : pull, notes);
  const total = pull?.ok ? pull.value.commitCount : void 0;
  const readGit = gitCommits ? () => gitCommits({ ...details.data.headSha ? { headSha: details.data.headSha } : {}, ...total !== void 0 ? { commitCount: total } : {} }) : void 0;
  const commits = await pullCommits(number2, listed, total, readGit, notes);
  return {
    number: number2,
    ...details.data,
    commits: commits.commits,
    sources: { title: details.titleSource, labels: details.labelsSource, commits: commits.source },
    notes
  };
}
function pullDetails(number2, eventName, payload, pull, notes) {
  if (pull?.ok) {
    const { title: title2, body: body2, labels: labels2, headSha: headSha2, baseSha: baseSha2, baseRef: baseRef2 } = pull.value;
    return { data: { title: title2, ...body2 !== void 0 ? { body: body2 } : {}, labels: labels2, headSha: headSha2, baseSha: baseSha2, baseRef: baseRef2 }, titleSource: "api", labelsSource: "api" };
  }
  const failure = pull ? `the GitHub API failed (${describeApiFailure(pull.error)})` : "no github-token was given";
  const fromEvent = pullRequestFromEvent(eventName, payload);
  if (!fromEvent || fromEvent.number !== number2) {
    notes.push(
      `PR #${number2} has no title or labels to judge: ${failure}, and the ${eventName} event payload does not carry them; only its commits can acknowledge a break.`
    );
    return { data: { labels: [] }, titleSource: "none", labelsSource: "none" };
  }
  notes.push(
    `Title and labels of PR #${number2} come from the ${eventName} event payload because ${failure}; a re-run will not see a title edited or a label added since the event.`
  );
  const { title, body, labels, headSha, baseSha, baseRef } = fromEvent;
  return {
    data: { title, ...body !== void 0 ? { body } : {}, labels, headSha, baseSha, baseRef },
    titleSource: title === void 0 ? "none" : "event",
    labelsSource: "event"
  };
}
async function pullCommits(number2, listed, total, gitCommits, notes) {
  const complete = listed?.ok && (total === void 0 ? listed.value.length < LIST_COMMITS_LIMIT : listed.value.length >= total);
  if (listed?.ok && complete) {
    return { commits: listed.value, source: "api" };
  }
  const cause = listed?.ok ? `the GitHub API lists ${listed.value.length} of its ${total ?? "more"} commits (it stops at ${LIST_COMMITS_LIMIT})` : listed ? `the GitHub API failed (${describeApiFailure(listed.error)})` : "no github-token was given";
  const fromGit = gitCommits ? await settle(gitCommits) : void 0;
  if (fromGit?.ok) {
    notes.push(`Commits of PR #${number2} come from git because ${cause}.`);
    return { commits: fromGit.value, source: "git" };
  }
  const gitFailure = fromGit ? `git failed (${oneLine(describeError(fromGit.error))})` : "git is not available";
  if (listed?.ok) {
    notes.push(
      `Only ${listed.value.length} commits of PR #${number2} were checked for a breaking change: ${cause}, and ${gitFailure}.`
    );
    return { commits: listed.value, source: "api" };
  }
  notes.push(`No commits of PR #${number2} were read: ${cause}, and ${gitFailure}; commits cannot acknowledge a break.`);
  return { commits: [], source: "none" };
}
var FIRST_DEPTH = 50;
var MAX_DEEPEN_STEPS = 10;
async function pullRequestCommitsFromGit(git, pull) {
  const { baseSha, headSha, commitCount } = pull;
  let step = Math.max(FIRST_DEPTH, (commitCount ?? 0) + 1);
  if (!await git.hasCommit(headSha)) await git.tryFetch([headSha], { depth: step });
  if (!await git.hasCommit(headSha)) throw new GateError(`The PR head ${headSha.slice(0, 12)} could not be fetched.`);
  if (!await git.hasCommit(baseSha)) await git.tryFetch([baseSha], { depth: 1 });
  let mergeBase = await git.tryMergeBase(baseSha, headSha);
  for (let i = 0; mergeBase === void 0 && i < MAX_DEEPEN_STEPS && await git.isShallow(); i++) {
    if (!await git.tryFetch([headSha, baseSha], { deepen: step })) break;
    mergeBase = await git.tryMergeBase(baseSha, headSha);
    step *= 2;
  }
  const commits = await git.log(baseSha, headSha);
  return mergeBase === void 0 && commitCount !== void 0 ? commits.slice(-commitCount) : commits;
}
function describeApiFailure(error) {
  const status = httpStatus(error);
  const text = statusAndMessage(error);
  const refused = (status === 401 || status === 403 || status === 404) && !isRateLimited(error);
  return refused ? `${text}; the github-token needs \`pull-requests: read\` on this repository` : text;
}
async function settle(read) {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error };
  }
}
function field(value, ...path2) {
  let current = value;
  for (const key of path2) {
    if (typeof current !== "object" || current === null) return void 0;
    current = current[key];
  }
  return current;
}
function labelNames(labels) {
  if (!Array.isArray(labels)) return [];
  const names = [];
  for (const label of labels) {
    const name = typeof label === "string" ? label : field(label, "name");
    if (typeof name === "string" && name !== "") names.push(name);
  }
  return names;
}
function positiveInteger(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : void 0;
}
function optionalString(key, value) {
  return typeof value === "string" ? { [key]: value } : {};
}
function oneLine(text) {
  return truncate(redact(text.replace(/\s*\r?\n\s*/g, " ").trim()), 300);
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

// src/verdict/merge-settings.ts
var DEFAULT_MERGE_SETTINGS = {
  methods: ["squash"],
  squashTitle: "COMMIT_OR_PR_TITLE",
  squashMessage: "COMMIT_MESSAGES",
  mergeTitle: "MERGE_MESSAGE",
  mergeMessage: "PR_TITLE",
  source: "default"
};
function octokitMergeSettingsApi(octokit, owner, repo) {
  return {
    async getMergeSettings() {
      const { data } = await octokit.rest.repos.get({ owner, repo });
      return mergeSettingsOf(data);
    }
  };
}
function mergeSettingsOf(data) {
  const allowed = [
    ["squash", data.allow_squash_merge],
    ["merge", data.allow_merge_commit],
    ["rebase", data.allow_rebase_merge]
  ];
  if (allowed.every(([, value]) => typeof value !== "boolean")) return void 0;
  const pick = (value, options, fallback) => options.includes(value) ? value : fallback;
  return {
    methods: allowed.filter(([, value]) => value !== false).map(([method]) => method),
    squashTitle: pick(data.squash_merge_commit_title, ["PR_TITLE", "COMMIT_OR_PR_TITLE"], "COMMIT_OR_PR_TITLE"),
    squashMessage: pick(data.squash_merge_commit_message, ["PR_BODY", "COMMIT_MESSAGES", "BLANK"], "COMMIT_MESSAGES"),
    mergeTitle: pick(data.merge_commit_title, ["PR_TITLE", "MERGE_MESSAGE"], "MERGE_MESSAGE"),
    mergeMessage: pick(data.merge_commit_message, ["PR_BODY", "PR_TITLE", "BLANK"], "PR_TITLE"),
    source: "api"
  };
}

// src/verdict/report.ts
var SHA2 = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function buildReport(input) {
  const breaksOf2 = (ref, path2) => {
    const found2 = input.breaks?.find((entry) => entry.ref === ref && entry.configPath === path2);
    return found2?.breaks.length ? { breaks: found2.breaks } : {};
  };
  const configs = (input.run?.base.configs ?? []).map((config) => ({
    path: config.path,
    ...config.currentPath ? { currentPath: config.currentPath } : {},
    ...config.noPathToday ? { noPathToday: config.noPathToday } : {},
    ref: "base",
    blob: config.blob,
    status: config.status,
    errors: config.findings,
    ...config.baseFindings ? { baseErrors: config.baseFindings } : {},
    ...config.layers && Object.keys(config.layers).length ? { layers: config.layers } : {},
    ...config.causes?.length ? { causes: config.causes } : {},
    ...config.migration ? { migration: config.migration } : {},
    ...config.status === ConfigStatus.Broken ? breaksOf2("base", config.path) : {}
  }));
  const skipped = input.run?.base.skipped ?? [];
  const pr = input.pullRequest;
  return {
    version: REPORT_VERSION,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    verdict: input.verdict,
    ...input.error ? { error: input.error } : {},
    ...input.repository ? { repository: input.repository } : {},
    ...input.event ? { event: input.event } : {},
    ...pr?.number !== void 0 || pr?.title !== void 0 ? {
      pullRequest: {
        ...pr.number !== void 0 ? { number: pr.number } : {},
        ...pr.title !== void 0 ? { title: pr.title } : {},
        ...pr.headSha !== void 0 && SHA2.test(pr.headSha) ? { headSha: pr.headSha } : {}
      }
    } : {},
    ...input.settings ? { settings: input.settings } : {},
    ...input.base ? { base: input.base } : {},
    ...input.head ? { head: input.head } : {},
    ...input.firstRelease ? { release: input.firstRelease } : {},
    ...input.run?.releases[0] ? { drift: driftOf(input.run.releases[0], input.failOnDrift ?? false, breaksOf2) } : {},
    ...input.run?.releases.length ? { releases: input.run.releases.map((release) => ({ ...release.ref, drift: driftOf(release, input.failOnDrift ?? false, breaksOf2) })) } : {},
    acknowledgement: {
      ...input.acknowledgement ?? { acknowledged: false, reasons: [] },
      labels: input.ackLabels,
      sources: pr?.sources ?? { title: "none", labels: "none", commits: "none" },
      ...input.releaseReach ? { release: input.releaseReach } : {},
      ...input.ackMode ? { mode: input.ackMode } : {},
      ...input.fileCoverage ? { file: input.fileCoverage } : {}
    },
    counts: countConfigs(configs, skipped.length),
    configs,
    skipped,
    ...input.run?.schema ? { schema: input.run.schema } : {},
    ...input.run?.schemaChanges ? { schemaChanges: groupSchemaChanges(input.run.schemaChanges) } : {},
    ...input.run?.loader ? { loader: { command: input.run.loader.command, processes: input.run.loaderProcesses, ...input.loaderScript ? { script: input.loaderScript } : {} } } : {},
    ...input.run?.suite ? { suite: input.run.suite } : {},
    ...input.run?.firstConfigs ? { firstConfigs: input.run.firstConfigs } : {},
    notes: [...pr?.notes ?? [], ...input.run?.notes ?? [], ...input.notes],
    durationMs: input.durationMs,
    ...input.shard ? { shard: input.shard } : {}
  };
}
function groupSchemaChanges(changes) {
  const shown = changes.map((change) => ({
    severity: change.severity,
    rule: change.rule,
    instancePath: change.instancePath,
    message: change.message,
    file: change.file,
    schemaPointer: change.schemaPointer,
    ...change.line ? { line: change.line } : {},
    configs: change.configs,
    ...change.shownBy?.length ? { shownBy: change.shownBy } : {}
  }));
  return {
    breaking: shown.filter((change) => change.severity === "breaking" && change.configs.length > 0),
    latent: shown.filter((change) => change.severity === "breaking" && change.configs.length === 0),
    compatible: shown.filter((change) => change.severity === "compatible")
  };
}
function driftOf(release, failOnDrift, breaksOf2) {
  const count2 = (status) => release.configs.filter((config) => config.status === status).length;
  const gone = release.configs.flatMap(
    (config) => config.noPathToday ? [{ path: config.path, why: config.noPathToday.why, ...config.noPathToday.to ? { to: config.noPathToday.to } : {}, status: config.status }] : []
  );
  return {
    counts: {
      configs: release.configs.length,
      ok: count2(DriftStatus.Ok),
      new: count2(DriftStatus.New),
      existing: count2(DriftStatus.Existing),
      fixed: count2(DriftStatus.Fixed),
      unreadable: count2(DriftStatus.Unreadable)
    },
    configs: release.configs.flatMap(
      (config) => config.status === DriftStatus.Ok ? [] : [
        {
          path: config.path,
          ...config.currentPath ? { currentPath: config.currentPath } : {},
          ...config.noPathToday ? { noPathToday: config.noPathToday } : {},
          blob: config.blob,
          status: config.status,
          errors: config.findings,
          ...config.baseFindings ? { baseErrors: config.baseFindings } : {},
          ...config.layers && Object.keys(config.layers).length ? { layers: config.layers } : {},
          ...config.migration ? { migration: config.migration } : {},
          ...config.status === DriftStatus.New ? breaksOf2(release.ref.ref, config.path) : {}
        }
      ]
    ),
    failOnDrift,
    ...release.nearest ? { nearest: release.nearest } : {},
    ...gone.length ? { noPathToday: gone } : {}
  };
}
function countConfigs(configs, skipped) {
  const count2 = (status) => configs.filter((config) => config.status === status).length;
  return {
    configs: configs.length,
    ok: count2(ConfigStatus.Ok),
    broken: count2(ConfigStatus.Broken),
    failingOnBase: count2(ConfigStatus.FailingOnBase),
    unreadable: count2(ConfigStatus.Unreadable),
    skipped
  };
}
function releaseDrifts(report) {
  if (report.releases?.length) return report.releases;
  return report.drift && report.release ? [{ ...report.release, drift: report.drift }] : [];
}
function driftCount(report) {
  const releases = releaseDrifts(report);
  if (releases.length === 0) return report.drift ? report.drift.counts.new + report.drift.counts.existing : 0;
  return releases.reduce((sum, { drift }) => sum + drift.counts.new + drift.counts.existing, 0);
}
function newDriftCount(report) {
  const releases = releaseDrifts(report);
  if (releases.length === 0) return report.drift?.counts.new ?? 0;
  return releases.reduce((sum, { drift }) => sum + drift.counts.new, 0);
}
function releaseTags(report) {
  return releaseDrifts(report).map((release) => release.ref).join(",") || (report.release?.ref ?? "");
}
function redactReport(report, secrets) {
  const words = secrets.filter((secret) => secret.length >= 4);
  if (words.length === 0) return report;
  const scrub = (value) => {
    if (typeof value === "string") return words.some((secret) => value.includes(secret)) ? words.reduce((text, secret) => text.split(secret).join("***"), value) : value;
    if (Array.isArray(value)) {
      let copy;
      for (let index = 0; index < value.length; index += 1) {
        const inner = value[index];
        const scrubbed = scrub(inner);
        if (!Object.is(scrubbed, inner)) (copy ??= [...value])[index] = scrubbed;
      }
      return copy ?? value;
    }
    if (value && typeof value === "object") {
      let copy;
      for (const key of Object.keys(value)) {
        const inner = value[key];
        const scrubbed = scrub(inner);
        if (!Object.is(scrubbed, inner)) (copy ??= { ...value })[key] = scrubbed;
      }
      return copy ?? value;
    }
    return value;
  };
  return scrub(report);
}
function brokenConfigs(report) {
  return report.configs.filter((config) => config.status === ConfigStatus.Broken);
}

// src/reports/safe-text.ts
var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
var HIDDEN_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
function escaped(char) {
  return `<U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
}
function visible(text, options = {}) {
  if (options.newlines) return text.replace(/\r\n/g, "\n").replace(HIDDEN_BUT_NEWLINE, escaped);
  return text.replace(HIDDEN, escaped);
}
function hasHidden(text) {
  return new RegExp(HIDDEN.source, "u").test(text);
}
function breakMentions(text, references = true) {
  return text.replace(references ? new RegExp("@(?=[\\p{L}\\p{N}_])|#(?=\\p{N})", "gu") : /@(?=[\p{L}\p{N}_])/gu, "$&&#8203;");
}
function markdownText(text, options = {}) {
  return splitCodeSpans(visible(text)).map((part) => part.code ? part.text : breakMentions(part.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"), options.references ?? true)).join("");
}
function splitCodeSpans(text) {
  const parts = [];
  const push = (piece, code) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.code === code) last.text += piece;
    else parts.push({ text: piece, code });
  };
  let at3 = 0;
  let plainFrom = 0;
  while (at3 < text.length) {
    if (text[at3] !== "`" || at3 > 0 && text[at3 - 1] === "\\" && !isEscaped(text, at3 - 1)) {
      at3++;
      continue;
    }
    let end = at3;
    while (text[end] === "`") end++;
    const run = end - at3;
    const close = closingRun(text, end, run);
    if (close === -1) {
      at3 = end;
      continue;
    }
    push(text.slice(plainFrom, at3), false);
    push(text.slice(at3, close + run), true);
    at3 = plainFrom = close + run;
  }
  push(text.slice(plainFrom), false);
  return parts;
}
function closingRun(text, from, run) {
  let at3 = from;
  while (at3 < text.length) {
    if (text[at3] !== "`") {
      at3++;
      continue;
    }
    let end = at3;
    while (text[end] === "`") end++;
    if (end - at3 === run) return at3;
    at3 = end;
  }
  return -1;
}
function isEscaped(text, index) {
  let count2 = 0;
  for (let at3 = index - 1; at3 >= 0 && text[at3] === "\\"; at3--) count2++;
  return count2 % 2 === 1;
}
function safeJson(value, indent2 = 2) {
  return JSON.stringify(value, null, indent2).replace(
    HIDDEN_BUT_NEWLINE,
    (char) => Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")
  );
}

// src/pipeline.ts
import { mkdtemp, realpath as realpath2, rm as rm2, stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join4, relative as relative3, resolve as resolve2, sep as sep2 } from "node:path";

// src/checks/judge.ts
import { mkdir as mkdir2 } from "node:fs/promises";

// src/checks/schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var import__ = __toESM(require__(), 1);
var import__2 = __toESM(require__2(), 1);
import { promises as fs } from "node:fs";
import path from "node:path";

// node_modules/ajv/dist/refs/json-schema-draft-06.json
var json_schema_draft_06_default = {
  $schema: "http://json-schema.org/draft-06/schema#",
  $id: "http://json-schema.org/draft-06/schema#",
  title: "Core schema meta-schema",
  definitions: {
    schemaArray: {
      type: "array",
      minItems: 1,
      items: { $ref: "#" }
    },
    nonNegativeInteger: {
      type: "integer",
      minimum: 0
    },
    nonNegativeIntegerDefault0: {
      allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
    },
    simpleTypes: {
      enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
    },
    stringArray: {
      type: "array",
      items: { type: "string" },
      uniqueItems: true,
      default: []
    }
  },
  type: ["object", "boolean"],
  properties: {
    $id: {
      type: "string",
      format: "uri-reference"
    },
    $schema: {
      type: "string",
      format: "uri"
    },
    $ref: {
      type: "string",
      format: "uri-reference"
    },
    title: {
      type: "string"
    },
    description: {
      type: "string"
    },
    default: {},
    examples: {
      type: "array",
      items: {}
    },
    multipleOf: {
      type: "number",
      exclusiveMinimum: 0
    },
    maximum: {
      type: "number"
    },
    exclusiveMaximum: {
      type: "number"
    },
    minimum: {
      type: "number"
    },
    exclusiveMinimum: {
      type: "number"
    },
    maxLength: { $ref: "#/definitions/nonNegativeInteger" },
    minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    pattern: {
      type: "string",
      format: "regex"
    },
    additionalItems: { $ref: "#" },
    items: {
      anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
      default: {}
    },
    maxItems: { $ref: "#/definitions/nonNegativeInteger" },
    minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    uniqueItems: {
      type: "boolean",
      default: false
    },
    contains: { $ref: "#" },
    maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
    minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    required: { $ref: "#/definitions/stringArray" },
    additionalProperties: { $ref: "#" },
    definitions: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    properties: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    patternProperties: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    dependencies: {
      type: "object",
      additionalProperties: {
        anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
      }
    },
    propertyNames: { $ref: "#" },
    const: {},
    enum: {
      type: "array",
      minItems: 1,
      uniqueItems: true
    },
    type: {
      anyOf: [
        { $ref: "#/definitions/simpleTypes" },
        {
          type: "array",
          items: { $ref: "#/definitions/simpleTypes" },
          minItems: 1,
          uniqueItems: true
        }
      ]
    },
    format: { type: "string" },
    allOf: { $ref: "#/definitions/schemaArray" },
    anyOf: { $ref: "#/definitions/schemaArray" },
    oneOf: { $ref: "#/definitions/schemaArray" },
    not: { $ref: "#" }
  },
  default: {}
};

// src/checks/schema.ts
var import_ajv_draft_04 = __toESM(require_dist2(), 1);
var import_ajv_formats = __toESM(require_dist3(), 1);

// src/checks/schema-refs.ts
import { posix } from "node:path";
var REPOSITORY_BASE = "https://repository.compat-gate.invalid/";
var REF_KEYWORDS = ["$ref", "$dynamicRef", "$recursiveRef"];
var DATA_KEYWORDS = /* @__PURE__ */ new Set(["enum", "const", "default", "examples"]);
var SCHEMA_MAP_KEYWORDS = /* @__PURE__ */ new Set([
  "properties",
  "patternProperties",
  "definitions",
  "$defs",
  "dependentSchemas",
  "dependencies"
]);
function parseRefMap(text) {
  const mappings = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const where = `schema-ref-map line ${index + 1} ("${line}")`;
    const hint = "Write one mapping a line as `URL-prefix=local/dir/`, e.g. `https://json.schemastore.org/=src/schemas/json/`.";
    const equals = line.indexOf("=");
    if (equals <= 0) throw new GateError(`${where} has no \`=\` between a URL prefix and a directory.`, hint);
    const prefix = line.slice(0, equals).trim();
    const rawDir = line.slice(equals + 1).trim();
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(prefix)) {
      throw new GateError(`${where}: "${prefix}" is not an absolute URL.`, hint);
    }
    if (rawDir === "") throw new GateError(`${where} has no directory after \`=\`.`, hint);
    if (rawDir.startsWith("/")) {
      throw new GateError(`${where}: "${rawDir}" is an absolute path; the directory must be a path in the repository.`, hint);
    }
    const dir = posix.normalize(rawDir);
    if (dir === ".." || dir.startsWith("../")) {
      throw new GateError(`${where}: "${rawDir}" points outside the repository.`, hint);
    }
    mappings.push({ prefix, dir: dir === "." || dir === "./" ? "" : dir.endsWith("/") ? dir : `${dir}/` });
  }
  return mappings;
}
function repositoryUri(repoPath, resolve4) {
  return resolve4(REPOSITORY_BASE, repoPath.split("/").map(encodeURIComponent).join("/"));
}
function describeUri(uri) {
  const hash = uri.indexOf("#");
  const document = hash < 0 ? uri : uri.slice(0, hash);
  const path2 = repositoryPathOf(document);
  if (path2 === void 0) return uri;
  try {
    return `${path2}${hash < 0 ? "" : decodeURIComponent(uri.slice(hash))}`;
  } catch {
    return `${path2}${uri.slice(hash)}`;
  }
}
function repositoryPathOf(uri) {
  if (!uri.startsWith(REPOSITORY_BASE)) return void 0;
  return decodePath2(uri.slice(REPOSITORY_BASE.length));
}
function decodePath2(encoded) {
  try {
    return insideRepository(encoded.split("/").map(decodeURIComponent).join("/"));
  } catch {
    return void 0;
  }
}
function insideRepository(path2) {
  const normalised = posix.normalize(path2).replace(/\/+$/, "");
  const outside = normalised === ".." || normalised.startsWith("../") || normalised.startsWith("/");
  return outside || normalised === "." ? void 0 : normalised;
}
function normaliseRepoPath(file) {
  const path2 = posix.normalize(file.trim());
  if (path2.startsWith("/") || path2 === ".." || path2.startsWith("../") || path2 === ".") {
    throw new GateError(
      `The schema path "${file}" is not a file path inside the repository.`,
      "Set `schema` to a path relative to the repository root, such as `schemas/config.schema.json`."
    );
  }
  return path2;
}
var MAX_SCHEMA_NESTING_DEPTH = 2 * MAX_NESTING_DEPTH;
var SCHEMA_READ_OPTIONS = { yamlVersion: "1.2", maxDepth: MAX_SCHEMA_NESTING_DEPTH };
async function readSchemaFile(path2, source, reachedAs) {
  const bytes = await source.read(path2);
  if (bytes === void 0) {
    if (reachedAs !== void 0) {
      throw new GateError(`Schema file ${path2} (${reachedAs}) was not found in ${source.label}.`, "Fix that `$ref`, or commit the file it points to.");
    }
    throw new GateError(
      `Schema file ${path2} was not found in ${source.label}.`,
      (n) => `Set the ${n.setting("schema")} to the path of a JSON or YAML schema file committed in the repository, relative to its root.`
    );
  }
  const read = readConfig(path2, bytes, SCHEMA_READ_OPTIONS);
  if (!read.ok) throw unparseable(path2, source, read.detail ?? read.message, read.position?.line);
  if (read.documents.length > 1) throw unparseable(path2, source, `it holds ${read.documents.length} YAML documents; a schema file holds one`, 1);
  const schema = read.documents[0];
  if (typeof schema !== "boolean" && !isPlainObject(schema)) {
    throw new GateError(
      `Schema file ${path2} in ${source.label} is not a JSON Schema: it holds ${describeKind(schema)}, not an object.`,
      "Point `schema` at a JSON Schema file (an object with `type`, `properties`, \u2026)."
    );
  }
  return schema;
}
function unparseable(path2, source, message, line) {
  const at3 = line === void 0 ? "" : ` at line ${line}`;
  const tooDeep = message === nestedTooDeeply(MAX_SCHEMA_NESTING_DEPTH);
  const reason = tooDeep ? `it nests too deeply (more than ${MAX_SCHEMA_NESTING_DEPTH} levels)` : message;
  return new GateError(
    `Schema file ${path2} in ${source.label} cannot be parsed${at3}: ${reason}.`,
    "Fix the syntax of the schema file (JSON, comments and trailing commas allowed, or YAML)."
  );
}
function describeKind(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
async function loadSchemaGraph(rootPath, rootSchema, source, options) {
  const graph = { files: [], aliases: [], problems: /* @__PURE__ */ new Map(), locations: /* @__PURE__ */ new WeakMap() };
  const byPath = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Set();
  const implicitMap = [];
  const pending = [];
  const admit = (path2, uri, schema) => {
    const file = { path: path2, uri, schema };
    let base = uri;
    if (isPlainObject(schema)) {
      if (typeof schema.$schema === "string" && schema.$schema !== options.metaSchema) {
        file.declaredMeta = schema.$schema;
        schema.$schema = options.metaSchema;
      }
      const id = schema[options.idKey];
      if (typeof id === "string") {
        base = withoutFragment(options.resolve(uri, id)) || uri;
        schema[options.idKey] = base;
        if (/^https?:/i.test(base) && repositoryPathOf(base) === void 0) implicitMap.push(...mappingsFromId(base, path2));
      }
    }
    byPath.set(path2, file);
    graph.files.push(file);
    known.add(uri);
    known.add(base);
    walk(schema, base, "", false, { file, known, pending, options, locations: graph.locations, seen: /* @__PURE__ */ new Set() });
  };
  admit(rootPath, repositoryUri(rootPath, options.resolve), rootSchema);
  const attempted = /* @__PURE__ */ new Set();
  for (let i = 0; i < pending.length; i++) {
    const found2 = pending[i];
    if (!found2 || known.has(found2.uri) || attempted.has(found2.uri) || options.isBuiltIn(found2.uri)) continue;
    attempted.add(found2.uri);
    const target = mapUri(found2.uri, options, implicitMap);
    if (target.path === void 0) {
      graph.problems.set(found2.uri, unmappedError(found2));
      continue;
    }
    const loaded = byPath.get(target.path);
    if (loaded) {
      graph.aliases.push({ uri: found2.uri, target: loaded.uri });
      known.add(found2.uri);
      continue;
    }
    try {
      const reachedAs = `${target.how}, from \`$ref: "${found2.ref}"\` in ${found2.from}`;
      admit(target.path, found2.uri, await readSchemaFile(target.path, source, reachedAs));
    } catch (error) {
      if (!(error instanceof GateError)) throw error;
      graph.problems.set(found2.uri, error);
    }
  }
  return graph;
}
function unmappedError(found2) {
  const directory = found2.uri.slice(0, found2.uri.lastIndexOf("/") + 1);
  return new GateError(
    `Schema file ${found2.from} refers to ${found2.uri} (\`$ref: "${found2.ref}"\`), which is not a file in the repository; compat-gate never fetches schemas from the network.`,
    (n) => `Commit that schema to the repository and add a ${n.setting("schema-ref-map")} line that says where it lives, e.g. \`${directory}=schemas/vendor/\`.`
  );
}
function mapUri(uri, options, implicitMap) {
  const inRepository = repositoryPathOf(uri);
  if (inRepository !== void 0) return { path: inRepository, how: "a relative reference" };
  for (const [mappings, how] of [
    [options.refMap, "mapped by `schema-ref-map`"],
    [implicitMap, "mapped by the `$id` of a schema file"]
  ]) {
    let best;
    for (const mapping of mappings) {
      const prefix = normalisePrefix(mapping.prefix, options);
      if (startsWithPrefix(uri, prefix) && (!best || prefix.length > normalisePrefix(best.prefix, options).length)) best = mapping;
    }
    if (best) {
      const encodedRest = uri.slice(normalisePrefix(best.prefix, options).length).replace(/^\//, "");
      const rest = encodedRest === "" ? "" : decodePath2(encodedRest);
      const path2 = rest === void 0 ? void 0 : insideRepository(best.dir + rest);
      return path2 === void 0 ? { how } : { path: path2, how: `${how} from ${uri}` };
    }
  }
  return { how: "not mapped" };
}
function startsWithPrefix(uri, prefix) {
  return uri.startsWith(prefix) && (prefix.endsWith("/") || uri.length === prefix.length || "/#?".includes(uri[prefix.length]));
}
function normalisePrefix(prefix, options) {
  try {
    return withoutFragment(options.resolve(prefix, "")) || prefix;
  } catch {
    return prefix;
  }
}
function mappingsFromId(id, path2) {
  const urlDirectory = id.slice(0, id.lastIndexOf("/") + 1);
  const mappings = [];
  let prefix = urlDirectory;
  const folders = path2.split("/").slice(0, -1);
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.exec(id)?.[0] ?? "";
  for (; ; ) {
    mappings.push({ prefix, dir: folders.length > 0 ? `${folders.join("/")}/` : "" });
    const segments = prefix.slice(origin.length).split("/").filter(Boolean);
    const last = segments[segments.length - 1];
    if (last === void 0 || folders.length === 0 || decodeSegment(last) !== folders[folders.length - 1]) break;
    folders.pop();
    prefix = prefix.slice(0, prefix.length - last.length - 1);
  }
  return mappings;
}
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
function withoutFragment(uri) {
  const hash = uri.indexOf("#");
  return hash < 0 ? uri : uri.slice(0, hash);
}
function walk(node, base, pointer, namesOnly, context) {
  if (typeof node !== "object" || node === null || context.seen.has(node)) return;
  context.seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, base, `${pointer}/${index}`, false, context));
    return;
  }
  const schema = node;
  if (!namesOnly) {
    const id = schema[context.options.idKey];
    if (typeof id === "string" && pointer !== "") {
      base = withoutFragment(context.options.resolve(base, id)) || base;
      context.known.add(base);
    }
    for (const keyword of REF_KEYWORDS) {
      const ref = schema[keyword];
      if (typeof ref === "string") {
        context.pending.push({ uri: withoutFragment(context.options.resolve(base, ref)), ref, from: context.file.path });
      }
    }
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
      context.locations.set(schema, { uri: context.file.uri, pointer });
    }
  }
  for (const [key, value] of Object.entries(schema)) {
    if (!namesOnly && DATA_KEYWORDS.has(key)) continue;
    const child = `${pointer}/${escapePointerToken(key)}`;
    walk(value, base, child, !namesOnly && SCHEMA_MAP_KEYWORDS.has(key), context);
  }
}

// src/checks/schema.ts
var DRAFTS = {
  "draft-04": { meta: "http://json-schema.org/draft-04/schema#", idKey: "id" },
  "draft-06": { meta: "http://json-schema.org/draft-06/schema#", idKey: "$id" },
  "draft-07": { meta: "http://json-schema.org/draft-07/schema#", idKey: "$id" },
  "2019-09": { meta: "https://json-schema.org/draft/2019-09/schema", idKey: "$id" },
  "2020-12": { meta: "https://json-schema.org/draft/2020-12/schema", idKey: "$id" }
};
var META_SCHEMA_URI = /^https?:\/\/json-schema\.org\/(?:(draft-0[467])\/schema|draft\/(2019-09|2020-12)\/schema)\/?#?$/i;
function detectDraft(schema) {
  const declared = typeof schema === "object" && schema !== null ? schema.$schema : void 0;
  if (declared === void 0) return { draft: "draft-07" };
  const match = typeof declared === "string" ? META_SCHEMA_URI.exec(declared.trim()) : null;
  if (!match) {
    return {
      draft: "draft-07",
      note: `\`$schema\` ${JSON.stringify(declared)} is not a draft compat-gate knows (draft-04, -06, -07, 2019-09, 2020-12); the schema is validated as draft-07.`
    };
  }
  return { draft: match[1] ?? match[2] };
}
async function compileSchema(file, source, options) {
  try {
    return await compileSchemaFiles(file, source, options);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new GateError(
      `Schema file ${file} in ${source.label} cannot be compiled: ${ajvReason(error)}.`,
      "Flatten the schema (move deep parts into `definitions` and `$ref` them), and make every `$ref` cycle pass through a property or an item."
    );
  }
}
async function compileSchemaFiles(file, source, options) {
  const rootPath = normaliseRepoPath(file);
  const rootSchema = await readSchemaFile(rootPath, source);
  const { draft, note } = detectDraft(rootSchema);
  const notes = new Set(note === void 0 ? [] : [note]);
  const unknownFormats = /* @__PURE__ */ new Set();
  const fast = createAjv(draft, options, false, unknownFormats);
  const graph = await loadSchemaGraph(rootPath, rootSchema, source, {
    refMap: options.refMap,
    idKey: DRAFTS[draft].idKey,
    metaSchema: DRAFTS[draft].meta,
    resolve: (base, ref) => fast.opts.uriResolver.resolve(base, ref),
    isBuiltIn: (uri) => uri in fast.schemas || uri in fast.refs
  });
  for (const loaded of graph.files) {
    if (loaded.declaredMeta !== void 0 && loaded !== graph.files[0] && detectDraft({ $schema: loaded.declaredMeta }).draft !== draft) {
      notes.add(`${loaded.path} declares \`$schema\` "${loaded.declaredMeta}"; it is validated as ${draft}, the draft of ${rootPath}.`);
    }
  }
  const fastValidate = compileRoot(fast, graph, rootPath, draft, source, metaValidator(draft, options, unknownFormats));
  refuseEndlessRefs(fastValidate, rootPath, source);
  for (const [uri, problem] of graph.problems) {
    notes.add(`A \`$ref\` to ${describeUri(uri)} could not be loaded, but nothing the schema validates with uses it: ${problem.message}`);
  }
  let detailed;
  const explainer = () => {
    if (!detailed) {
      const ajv = createAjv(draft, options, true, unknownFormats);
      detailed = { ajv, validate: compileRoot(ajv, graph, rootPath, draft, source, metaValidator(draft, options, unknownFormats)) };
    }
    return detailed;
  };
  if (unknownFormats.size > 0 && options.checkFormats) {
    notes.add(`Formats ajv-formats does not know are not checked: ${[...unknownFormats].map((f) => `\`${f}\``).join(", ")}.`);
  }
  return {
    file: rootPath,
    draft,
    files: graph.files.map((loaded) => loaded.path),
    notes: [...notes],
    validate(document) {
      try {
        if (fastValidate(document)) return [];
      } catch (error) {
        const message = `cannot be validated: ${errorMessage(error)}`;
        return [{ pointer: "", keyword: "schema", message, params: {}, schemaPath: "#", target: "value" }];
      }
      const { ajv, validate } = explainer();
      validate(document);
      const issues = explain(
        validate.errors ?? [],
        (parentSchema, keyword, index) => branchValidator(ajv, graph, parentSchema, keyword, index)
      );
      return issues.length > 0 ? issues : [{ pointer: "", keyword: "schema", message: "does not match the schema", params: {}, schemaPath: "#", target: "value" }];
    }
  };
}
async function loadSchemaDocuments(file, source, options) {
  const rootPath = normaliseRepoPath(file);
  const rootSchema = await readSchemaFile(rootPath, source);
  const { draft } = detectDraft(rootSchema);
  const ajv = createAjv(draft, options, false, /* @__PURE__ */ new Set());
  const resolve4 = (base, ref) => ajv.opts.uriResolver.resolve(base, ref);
  const graph = await loadSchemaGraph(rootPath, rootSchema, source, {
    refMap: options.refMap,
    idKey: DRAFTS[draft].idKey,
    metaSchema: DRAFTS[draft].meta,
    resolve: resolve4,
    isBuiltIn: (uri) => uri in ajv.schemas || uri in ajv.refs
  });
  const knownFormats = new Set(options.checkFormats ? Object.keys(ajv.formats) : []);
  return { file: rootPath, draft, files: graph.files, aliases: graph.aliases, knownFormats, resolve: resolve4 };
}
function workspaceSource(rootDir, label = "the PR checkout") {
  const root = path.resolve(rootDir);
  let realRoot;
  const refuse = (repoPath) => new GateError(`Refusing to read ${repoPath}: it is outside ${label}.`, "Keep the schema and the files its `$ref`s point to inside the repository.");
  const reads = /* @__PURE__ */ new Map();
  return {
    label,
    read(repoPath) {
      let read = reads.get(repoPath);
      if (!read) reads.set(repoPath, read = readNow(repoPath));
      return read;
    }
  };
  async function readNow(repoPath) {
    const full = path.resolve(root, repoPath);
    if (!isInside(root, full)) throw refuse(repoPath);
    try {
      const real = await fs.realpath(full);
      realRoot ??= fs.realpath(root);
      if (!isInside(await realRoot, real)) throw refuse(repoPath);
      return await fs.readFile(real);
    } catch (error) {
      if (error instanceof GateError) throw error;
      const code = error.code;
      if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return void 0;
      throw new GateError(`Cannot read ${repoPath} in ${label}: ${error.message}.`, "Check the file permissions of the checkout.");
    }
  }
}
function isInside(root, full) {
  const relative4 = path.relative(root, full);
  return relative4 !== "" && relative4 !== ".." && !relative4.startsWith(`..${path.sep}`) && !path.isAbsolute(relative4);
}
var lenientRegExp = Object.assign(
  (pattern, flags) => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      if (!flags.includes("u")) throw error;
      return new RegExp(pattern, flags.replace("u", ""));
    }
  },
  { code: "compatGateLenientRegExp" }
);
function isLenientRegex(value) {
  try {
    lenientRegExp(value, "u");
    return true;
  } catch {
    return false;
  }
}
function createAjv(draft, options, detailed, unknownFormats) {
  const warn = (...args) => {
    const match = /unknown format "([^"]+)"/.exec(args.map(String).join(" "));
    if (match?.[1] !== void 0) unknownFormats.add(match[1]);
  };
  const ajvOptions = {
    strict: false,
    allErrors: detailed,
    verbose: detailed,
    validateFormats: options.checkFormats,
    logger: { log: () => void 0, warn, error: () => void 0 },
    // ajv's optimizer (dropping unused variables, folding constants) makes compiling a fifth
    // slower and validating no faster on real schemas: a run compiles more than it saves.
    code: { regExp: lenientRegExp, optimize: false },
    ...draft === "draft-06" ? { defaultMeta: DRAFTS["draft-06"].meta } : {}
  };
  let ajv;
  switch (draft) {
    case "draft-04":
      ajv = new import_ajv_draft_04.default.default(ajvOptions);
      break;
    case "draft-06":
      ajv = new import_ajv.Ajv(ajvOptions);
      ajv.addMetaSchema(json_schema_draft_06_default);
      break;
    case "draft-07":
      ajv = new import_ajv.Ajv(ajvOptions);
      break;
    case "2019-09":
      ajv = new import__.Ajv2019(ajvOptions);
      break;
    case "2020-12":
      ajv = new import__2.Ajv2020(ajvOptions);
      break;
  }
  if (draft !== "draft-04") ajv.removeKeyword("id");
  if (options.checkFormats) {
    import_ajv_formats.default.default(ajv);
    ajv.addFormat("regex", isLenientRegex);
  }
  return ajv;
}
var metaValidators = /* @__PURE__ */ new Map();
function metaValidator(draft, options, unknownFormats) {
  const key = `${draft}|${options.checkFormats}`;
  let shared = metaValidators.get(key);
  if (!shared) {
    const warned2 = /* @__PURE__ */ new Set();
    shared = { ajv: createAjv(draft, options, false, warned2), warned: warned2 };
    metaValidators.set(key, shared);
  }
  const { ajv, warned } = shared;
  return {
    validate(schema) {
      const declared = typeof schema === "object" && schema !== null ? schema.$schema : void 0;
      if (declared !== void 0 && !(typeof declared === "string" && META_SCHEMA_URI.test(declared.trim()) && detectDraft(schema).draft === draft)) return void 0;
      const valid = ajv.validateSchema(schema);
      for (const format of warned) unknownFormats.add(format);
      return valid;
    },
    errors: () => ajv.errors ?? []
  };
}
function compileRoot(ajv, graph, rootPath, draft, source, meta) {
  const invalid = (file, error) => new GateError(
    `Schema file ${file} in ${source.label} is not a valid ${draft} JSON Schema: ${ajvReason(error)}.`,
    "Fix the schema so that ajv can compile it."
  );
  const root = graph.files[0];
  for (const loaded of graph.files) {
    const refuse = (error) => {
      if (loaded === root) throw error;
      graph.problems.set(loaded.uri, error);
    };
    const shared = meta.validate(loaded.schema);
    if (shared === false) {
      refuse(invalid(loaded.path, metaSchemaReason(meta.errors())));
      continue;
    }
    if (shared === void 0 && !ajv.validateSchema(loaded.schema)) {
      refuse(invalid(loaded.path, metaSchemaReason(ajv.errors ?? [])));
      continue;
    }
    try {
      ajv.addSchema(loaded.schema, loaded.uri, void 0, false);
    } catch (error) {
      refuse(invalid(loaded.path, error));
    }
  }
  for (const alias of graph.aliases) ajv.addSchema({ $ref: alias.target }, alias.uri);
  let validate;
  try {
    validate = root ? ajv.getSchema(root.uri) : void 0;
  } catch (error) {
    if (error instanceof import_ajv.MissingRefError) {
      const problem = graph.problems.get(error.missingSchema);
      if (problem) throw problem;
      const inFile = graph.files.find((loaded) => loaded.uri === error.missingSchema);
      throw new GateError(
        `Schema file ${inFile?.path ?? rootPath} in ${source.label} has a \`$ref\` that points to nothing: ${describeUri(error.missingRef)}.`,
        "Fix that `$ref` so that it names a definition that exists."
      );
    }
    throw invalid(rootPath, error);
  }
  if (!validate) throw invalid(rootPath, "ajv returned no validator");
  if (validate.$async === true) {
    throw new GateError(`Schema file ${rootPath} is asynchronous (\`$async\`), which compat-gate does not support.`, "Remove `$async` from the schema.");
  }
  return validate;
}
function isStackOverflow(error) {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
var PROBES = [null, true, 0, "", [], {}];
function refuseEndlessRefs(validate, rootPath, source) {
  for (const probe of PROBES) {
    try {
      validate(probe);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      throw new GateError(
        `Schema file ${rootPath} in ${source.label} cannot validate anything: its \`$ref\`s loop without end (validating ${JSON.stringify(probe)} exceeds the call stack).`,
        "Make every `$ref` cycle pass through a property or an item, so that it ends with the document."
      );
    }
  }
}
function ajvReason(error) {
  if (isStackOverflow(error)) return `it nests too deeply, or its \`$ref\`s loop without end (${error.message})`;
  return errorMessage(error);
}
function metaSchemaReason(errors) {
  const byPlace = /* @__PURE__ */ new Map();
  for (const error of errors) {
    if (!byPlace.has(error.instancePath)) byPlace.set(error.instancePath, `#${error.instancePath} ${error.message ?? error.keyword}`);
  }
  const reasons = [...byPlace.values()];
  const shown = reasons.slice(0, 3).join("; ");
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}
var branchCache = /* @__PURE__ */ new WeakMap();
function branchValidator(ajv, graph, parentSchema, keyword, index) {
  if (typeof parentSchema !== "object" || parentSchema === null) return void 0;
  const location = graph.locations.get(parentSchema);
  if (!location) return void 0;
  const pointer = `${location.pointer}/${keyword}/${index}`;
  const ref = `${location.uri}#${pointer.split("/").map(encodeURIComponent).join("/")}`;
  let cache = branchCache.get(ajv);
  if (!cache) branchCache.set(ajv, cache = /* @__PURE__ */ new Map());
  if (!cache.has(ref)) {
    try {
      cache.set(ref, ajv.getSchema(ref));
    } catch {
      cache.set(ref, void 0);
    }
  }
  return cache.get(ref);
}
function explain(errors, branches) {
  const kept = keepBestAlternatives(errors, branches);
  const namesExplained = new Set(
    kept.filter((error) => error.propertyName !== void 0).map((error) => `${error.instancePath}\0${error.propertyName}`)
  );
  const relevant = kept.filter(
    (error) => !(error.keyword === "if" && kept.length > 1) && !(error.keyword === "propertyNames" && namesExplained.has(`${error.instancePath}\0${String(error.params.propertyName)}`))
  );
  const seen = /* @__PURE__ */ new Set();
  const issues = [];
  for (const error of relevant) {
    const issue = toIssue(error);
    const key = `${issue.pointer}\0${issue.keyword}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues.map((issue, order) => ({ issue, order, depth: issue.pointer === "" ? 0 : issue.pointer.split("/").length - 1 })).sort((a, b) => b.depth - a.depth || a.order - b.order).map(({ issue }) => issue);
}
function signature(error) {
  return `${error.instancePath}\0${error.keyword}\0${JSON.stringify(error.params)}`;
}
function keepBestAlternatives(errors, branches) {
  const dropped = /* @__PURE__ */ new Set();
  errors.forEach((error, index) => {
    if (error.keyword !== "oneOf" && error.keyword !== "anyOf" || !Array.isArray(error.schema)) return;
    const perBranch = [];
    for (let branch = 0; branch < error.schema.length; branch++) {
      const validate = branches(error.parentSchema, error.keyword, branch);
      if (!validate) return;
      const valid = validate(error.data);
      perBranch.push(valid ? [] : (validate.errors ?? []).map((inner) => ({ ...inner, instancePath: error.instancePath + inner.instancePath })));
    }
    const matchedSeveral = error.keyword === "oneOf" && Array.isArray(error.params.passingSchemas);
    if (!matchedSeveral && perBranch.some((branch) => branch.length === 0)) return;
    const all = new Set(perBranch.flat().map(signature));
    const best = matchedSeveral ? /* @__PURE__ */ new Set() : new Set(pickFurthest(perBranch, error.instancePath).map(signature));
    for (let before = index - 1; before >= 0; before--) {
      const previous = errors[before];
      if (!previous || !all.has(signature(previous))) break;
      if (!best.has(signature(previous))) dropped.add(before);
    }
  });
  return errors.filter((_, index) => !dropped.has(index));
}
function pickFurthest(perBranch, at3) {
  const depth = (pointer) => pointer === "" ? 0 : pointer.split("/").length - 1;
  const scored = perBranch.map((branchErrors, order) => ({
    branchErrors,
    order,
    reach: Math.max(...branchErrors.map((e) => depth(e.instancePath))),
    wrongType: branchErrors.some((e) => e.keyword === "type" && e.instancePath === at3)
  }));
  scored.sort(
    (a, b) => b.reach - a.reach || Number(a.wrongType) - Number(b.wrongType) || a.branchErrors.length - b.branchErrors.length || a.order - b.order
  );
  return scored[0]?.branchErrors ?? [];
}
function quoteValue(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}
function list(values, max = 10) {
  const shown = values.slice(0, max).map(quoteValue).join(", ");
  return values.length > max ? `${shown}, \u2026 (${values.length - max} more)` : shown;
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
var TYPE_NAMES = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null"
};
function joinAlternatives(words) {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
function found(value, hasData) {
  if (!hasData || typeof value === "object" && value !== null) return "";
  return `, found ${quoteValue(value)}`;
}
var COMPARISONS = { ">=": "at least", ">": "greater than", "<=": "at most", "<": "less than" };
function closest(name, allowed) {
  let best;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  const at3 = (i, j) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at3(i - 1, j) + 1, at3(i, j - 1) + 1, at3(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at3(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at3(a.length, b.length);
}
function notAllowedMessage(name, parentSchema) {
  const schema = typeof parentSchema === "object" && parentSchema !== null ? parentSchema : {};
  const properties = typeof schema.properties === "object" && schema.properties !== null ? Object.keys(schema.properties) : [];
  const patterns = typeof schema.patternProperties === "object" && schema.patternProperties !== null ? Object.keys(schema.patternProperties) : [];
  let message = `${quoteValue(name)} is not allowed here`;
  const suggestion = closest(name, properties);
  if (suggestion !== void 0) message += `; did you mean ${quoteValue(suggestion)}?`;
  const allowed = [properties.length > 0 ? list(properties) : "", patterns.length > 0 ? `names matching ${list(patterns, 3)}` : ""].filter(Boolean).join(" and ");
  if (allowed !== "") message += `${suggestion === void 0 ? ";" : ""} allowed: ${allowed}`;
  return message;
}
function toIssue(error) {
  const params = error.params;
  const hasData = "data" in error;
  const data = error.data;
  const base = { keyword: error.keyword, params, schemaPath: error.schemaPath };
  const at3 = (pointer, message, target = "value") => ({
    ...base,
    pointer,
    message,
    target
  });
  const child = (name) => `${error.instancePath}/${escapePointerToken(String(name))}`;
  if (error.propertyName !== void 0 && error.keyword !== "propertyNames") {
    const inner = toIssue({ ...error, propertyName: void 0 });
    return at3(child(error.propertyName), `the name ${quoteValue(error.propertyName)} ${inner.message.replace(/, found `[^`]*`$/, "")}`, "key");
  }
  switch (error.keyword) {
    case "additionalProperties":
      return at3(child(params.additionalProperty), notAllowedMessage(String(params.additionalProperty), error.parentSchema), "key");
    case "unevaluatedProperties":
      return at3(child(params.unevaluatedProperty), notAllowedMessage(String(params.unevaluatedProperty), error.parentSchema), "key");
    case "required":
      return at3(child(params.missingProperty), `missing required property ${quoteValue(params.missingProperty)}`);
    case "dependencies":
    case "dependentRequired":
      return at3(child(params.property), `${quoteValue(params.property)} requires property ${quoteValue(params.missingProperty)} as well`, "key");
    case "propertyNames":
      return at3(child(params.propertyName), `the name ${quoteValue(params.propertyName)} is not allowed`, "key");
    case "type": {
      const expected = (Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(",")).map((name) => TYPE_NAMES[name] ?? name);
      const actual = kindOf(data);
      const foundKind = actual === "an integer" && !expected.includes("an integer") ? "a number" : actual;
      return at3(error.instancePath, `must be ${joinAlternatives(expected)}${hasData ? `, found ${foundKind}` : ""}`);
    }
    case "enum":
      return at3(error.instancePath, `must be one of ${list(Array.isArray(params.allowedValues) ? params.allowedValues : [])}${found(data, hasData)}`);
    case "const":
      return at3(error.instancePath, `must be ${quoteValue(params.allowedValue)}${found(data, hasData)}`);
    case "pattern":
      return at3(error.instancePath, `must match the pattern ${quoteValue(params.pattern)}${found(data, hasData)}`);
    case "format":
      return at3(error.instancePath, `must be a valid ${quoteValue(params.format)}${found(data, hasData)}`);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return at3(
        error.instancePath,
        `must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}${found(data, hasData)}`
      );
    case "multipleOf":
      return at3(error.instancePath, `must be a multiple of ${String(params.multipleOf)}${found(data, hasData)}`);
    case "minLength":
      return at3(error.instancePath, params.limit === 1 ? "must not be empty" : `must be at least ${String(params.limit)} characters long`);
    case "maxLength":
      return at3(error.instancePath, `must be at most ${String(params.limit)} characters long`);
    case "minItems":
      return at3(error.instancePath, params.limit === 1 ? "must not be empty" : `must have at least ${String(params.limit)} items`);
    case "maxItems":
    case "additionalItems":
    case "unevaluatedItems":
    case "items":
      return at3(error.instancePath, `must have at most ${String(params.limit)} items`);
    case "minProperties":
      return at3(error.instancePath, params.limit === 1 ? "must not be empty" : `must have at least ${String(params.limit)} properties`);
    case "maxProperties":
      return at3(error.instancePath, `must have at most ${String(params.limit)} properties`);
    case "uniqueItems":
      return at3(error.instancePath, `must not have duplicate items (items ${String(params.j)} and ${String(params.i)} are equal)`);
    case "contains":
      return at3(error.instancePath, "must contain at least one item of the expected form");
    case "oneOf":
      return at3(
        error.instancePath,
        Array.isArray(params.passingSchemas) ? `must match exactly one of the allowed forms, but matches ${params.passingSchemas.length} of them` : "does not match any of the allowed forms"
      );
    case "anyOf":
      return at3(error.instancePath, "does not match any of the allowed forms");
    case "not":
      return at3(error.instancePath, "is not allowed here (it matches a form the schema excludes)");
    case "false schema":
      return at3(error.instancePath, "is not allowed here");
    case "if":
      return at3(error.instancePath, `must match the \`${String(params.failingKeyword)}\` schema`);
    default:
      return at3(error.instancePath, error.message ?? `fails \`${error.keyword}\``);
  }
}

// src/checks/schema-diff/resolve.ts
async function loadResolvedSchema(file, source, options) {
  try {
    return await loadSchemaDocuments(file, source, options);
  } catch (error) {
    if (!isStackOverflow2(error)) throw error;
    throw new GateError(`Schema file ${file} in ${source.label} cannot be read: it nests too deeply (${error.message}).`, FLATTEN_HINT);
  }
}
var FLATTEN_HINT = "Flatten the schema: move deep parts into `definitions` and `$ref` them.";
function isStackOverflow2(error) {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
function atOf(sub) {
  return { file: sub.file, pointer: sub.pointer };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function withoutFragment2(uri) {
  const hash = uri.indexOf("#");
  return hash < 0 ? uri : uri.slice(0, hash);
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
var DATA_KEYWORDS2 = /* @__PURE__ */ new Set(["enum", "const", "default", "examples"]);
var SCHEMA_MAP_KEYWORDS2 = /* @__PURE__ */ new Set(["properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies"]);
var REF_KEYWORDS2 = ["$ref", "$dynamicRef", "$recursiveRef"];
var STRUCTURAL_KEYWORDS = /* @__PURE__ */ new Set([
  "$schema",
  "$id",
  "id",
  "$anchor",
  "$dynamicAnchor",
  "$recursiveAnchor",
  "$defs",
  "definitions",
  "$vocabulary",
  "then",
  "else",
  "nullable"
]);
var Side = class {
  constructor(schema) {
    this.schema = schema;
    this.draft = schema.draft;
    this.idKey = schema.draft === "draft-04" ? "id" : "$id";
    this.knownFormats = schema.knownFormats;
    for (const file of schema.files) {
      const root = { node: file.schema, file: file.path, pointer: "", base: file.uri };
      this.resources.set(file.uri, root);
      this.index(root);
    }
    for (const alias of schema.aliases) {
      const target = this.resources.get(alias.target);
      if (target) this.resources.set(alias.uri, target);
    }
  }
  schema;
  draft;
  idKey;
  knownFormats;
  resources = /* @__PURE__ */ new Map();
  anchors = /* @__PURE__ */ new Map();
  ids = /* @__PURE__ */ new WeakMap();
  nextId = 1;
  root() {
    const first = this.schema.files[0];
    if (!first) return { node: true, file: this.schema.file, pointer: "", base: "" };
    return { node: first.schema, file: first.path, pointer: "", base: first.uri };
  }
  /** A number that names a schema node, for memo keys. */
  idOf(node) {
    if (typeof node !== "object" || node === null) return String(node);
    let id = this.ids.get(node);
    if (id === void 0) this.ids.set(node, id = this.nextId++);
    return String(id);
  }
  /** The base URI in effect inside a subschema, after its own `$id`. */
  baseOf(sub) {
    if (!isObject(sub.node)) return sub.base;
    const id = sub.node[this.idKey];
    if (typeof id !== "string" || id.startsWith("#")) return sub.base;
    try {
      return withoutFragment2(this.schema.resolve(sub.base, id)) || sub.base;
    } catch {
      return sub.base;
    }
  }
  child(sub, ...path2) {
    let node = sub.node;
    for (const token of path2) node = isObject(node) || Array.isArray(node) ? node[token] : void 0;
    return { node, file: sub.file, pointer: `${sub.pointer}${pointerOf(path2)}`, base: this.baseOf(sub) };
  }
  /** The subschema a `$ref` in `sub` points to, or undefined when it is not among the loaded files. */
  resolveRef(sub, ref) {
    let full;
    try {
      full = this.schema.resolve(this.baseOf(sub), ref);
    } catch {
      return void 0;
    }
    const hash = full.indexOf("#");
    const document = hash < 0 ? full : full.slice(0, hash);
    const fragment = hash < 0 ? "" : full.slice(hash + 1);
    const resource = this.resources.get(document);
    if (!resource) return void 0;
    if (fragment === "") return resource;
    if (fragment.startsWith("/")) {
      const path2 = parsePointer(`#${fragment}`);
      if (!path2) return void 0;
      let target = resource;
      for (const token of path2) {
        target = this.child(target, token);
        if (target.node === void 0) return void 0;
      }
      return target;
    }
    try {
      return this.anchors.get(`${document}#${decodeURIComponent(fragment)}`);
    } catch {
      return void 0;
    }
  }
  /** Whether a file of this side holds a schema at `pointer`. */
  has(file, pointer) {
    const loaded = this.schema.files.find((candidate) => candidate.path === file);
    const path2 = parsePointer(pointer);
    if (!loaded || !path2) return false;
    let node = loaded.schema;
    for (const token of path2) {
      if (!isObject(node) && !Array.isArray(node)) return false;
      node = node[token];
    }
    return isObject(node) || typeof node === "boolean";
  }
  /** The URI a `$ref` names, for messages and for comparing refs that cannot be followed. */
  refUri(sub, ref) {
    try {
      return this.schema.resolve(this.baseOf(sub), ref);
    } catch {
      return ref;
    }
  }
  index(root) {
    const stack = [{ sub: root, namesOnly: false }];
    const seen = /* @__PURE__ */ new Set();
    while (stack.length > 0) {
      const { sub, namesOnly } = stack.pop();
      const node = sub.node;
      if (typeof node !== "object" || node === null || seen.has(node)) continue;
      seen.add(node);
      if (Array.isArray(node)) {
        node.forEach((_, index) => stack.push({ sub: this.child(sub, index), namesOnly: false }));
        continue;
      }
      if (!namesOnly) {
        const base = this.baseOf(sub);
        if (base !== sub.base && !this.resources.has(base)) this.resources.set(base, sub);
        const id = node[this.idKey];
        if (typeof id === "string" && id.includes("#")) {
          const name = id.slice(id.indexOf("#") + 1);
          if (name !== "" && !name.startsWith("/")) this.anchors.set(`${base}#${name}`, sub);
        }
        for (const key of ["$anchor", "$dynamicAnchor"]) {
          const anchor = node[key];
          if (typeof anchor === "string") this.anchors.set(`${base}#${anchor}`, sub);
        }
      }
      for (const key of Object.keys(node)) {
        if (!namesOnly && DATA_KEYWORDS2.has(key)) continue;
        stack.push({ sub: this.child(sub, key), namesOnly: !namesOnly && SCHEMA_MAP_KEYWORDS2.has(key) });
      }
    }
  }
};

// src/checks/schema-diff/model.ts
var EMPTY = {
  deltas: [],
  children: [],
  breaking: 0,
  semantic: false,
  breakingRules: /* @__PURE__ */ new Set(),
  semanticRules: /* @__PURE__ */ new Set()
};
function keyOf(delta) {
  return `${delta.severity}|${delta.rule}|${delta.at.file}#${delta.at.pointer}`;
}
function isSemantic(delta) {
  return delta.rule !== "annotation-changed";
}
var Collector = class {
  constructor(severityOf2) {
    this.severityOf = severityOf2;
  }
  severityOf;
  deltas = [];
  children = [];
  /** A change of `rule` at `at`, said by `say` (one of wording.ts's SAY) with `args`; its severity is the catalogue's. */
  add(rule, at3, say, ...args) {
    this.deltas.push({ severity: this.severityOf(rule), rule, at: at3, say: (place2) => say(place2, ...args) });
  }
  /** As {@link Collector.add}, with what a config must change when the change is mechanical. */
  addDetailed(detail, rule, at3, say, ...args) {
    this.deltas.push({ severity: this.severityOf(rule), rule, at: at3, say: (place2) => say(place2, ...args), ...detail ? { detail } : {} });
  }
  include(path2, result) {
    if (result !== EMPTY) this.children.push({ path: path2, result });
  }
  defer(pair2) {
    this.children.push({ path: [], cut: pair2 });
  }
  build() {
    const [only] = this.children;
    if (this.deltas.length === 0 && this.children.length === 0) return EMPTY;
    if (this.deltas.length === 0 && this.children.length === 1 && only?.result && only.path.length === 0) return only.result;
    const result = {
      deltas: this.deltas,
      children: this.children,
      breaking: 0,
      semantic: false,
      breakingRules: /* @__PURE__ */ new Set(),
      semanticRules: /* @__PURE__ */ new Set()
    };
    for (const delta of this.deltas) {
      if (delta.severity === "breaking") {
        result.breaking++;
        result.breakingRules.add(delta.rule);
        result.firstBreaking ??= { delta, path: [] };
      }
      if (isSemantic(delta)) {
        result.semantic = true;
        result.semanticRules.add(delta.rule);
      }
    }
    for (const child of this.children) {
      const inner = child.result;
      if (!inner) continue;
      result.breaking += inner.breaking;
      result.semantic ||= inner.semantic;
      if (!result.firstBreaking && inner.firstBreaking) {
        result.firstBreaking = { delta: inner.firstBreaking.delta, path: [...child.path, ...inner.firstBreaking.path] };
      }
      for (const rule of inner.breakingRules) result.breakingRules.add(rule);
      for (const rule of inner.semanticRules) result.semanticRules.add(rule);
    }
    return result;
  }
};

// src/checks/schema-diff/placement.ts
function changeMatches(change, findingPointer) {
  const expected = tokens(change.instancePath);
  const found2 = tokens(findingPointer.startsWith("#") ? findingPointer.slice(1) : findingPointer);
  if (found2.length < expected.length) return false;
  return expected.every((token, index) => token === "*" || token === found2[index]);
}
function tokens(pointer) {
  return pointer === "" ? [] : pointer.replace(/^\//, "").split("/");
}
var ANY = /* @__PURE__ */ Symbol("any");
function placeOf(instancePath) {
  return instancePath === "" ? { path: instancePath, subject: "the document", in: "at the top level" } : { path: instancePath, subject: `\`${instancePath}\``, in: `in \`${instancePath}\`` };
}
var MAX_PATHS_PER_CHANGE = 32;
var PLACEMENT_BUDGET = 5e3;
function renderPath(path2) {
  return path2.map((segment) => `/${segment === ANY ? "*" : escapePointerToken(segment)}`).join("");
}
function deeper(place2, path2) {
  return path2.length === 0 ? place2 : placeOf(place2.path + renderPath(path2));
}
function place(root, compareLater) {
  const placed = [];
  const counts = /* @__PURE__ */ new Map();
  const pathsOf = /* @__PURE__ */ new Map();
  const emit = (delta, path2) => {
    const key = keyOf(delta);
    const rendered = renderPath(path2);
    let paths = pathsOf.get(delta);
    if (!paths) pathsOf.set(delta, paths = /* @__PURE__ */ new Set());
    if (paths.has(rendered)) return;
    paths.add(rendered);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    placed.push({ delta, path: path2 });
  };
  const resolve4 = (child) => child.result ??= child.cut ? compareLater(child.cut) : EMPTY;
  const owners = /* @__PURE__ */ new Map();
  const parents = /* @__PURE__ */ new Map();
  const visited = /* @__PURE__ */ new Set([root]);
  const queue = [{ result: root, path: [] }];
  for (let index = 0; index < queue.length; index++) {
    const { result, path: path2 } = queue[index];
    for (const delta of result.deltas) {
      emit(delta, path2);
      const key = keyOf(delta);
      const list2 = owners.get(key);
      if (!list2) owners.set(key, [result]);
      else if (list2[list2.length - 1] !== result) list2.push(result);
    }
    for (const child of result.children) {
      const inner = resolve4(child);
      const edges = parents.get(inner);
      if (edges) edges.push({ parent: result, weight: child.path.length });
      else parents.set(inner, [{ parent: result, weight: child.path.length }]);
      if (visited.has(inner)) continue;
      visited.add(inner);
      queue.push({ result: inner, path: [...path2, ...child.path] });
    }
  }
  for (const [key, keyOwners] of owners) {
    if ((counts.get(key) ?? 0) >= MAX_PATHS_PER_CHANGE) continue;
    const distance = new Map(keyOwners.map((owner) => [owner, 0]));
    const deque = [...keyOwners];
    while (deque.length > 0) {
      const node = deque.shift();
      const here = distance.get(node) ?? 0;
      for (const { parent, weight } of parents.get(node) ?? []) {
        if (here + weight >= (distance.get(parent) ?? Infinity)) continue;
        distance.set(parent, here + weight);
        if (weight === 0) deque.unshift(parent);
        else deque.push(parent);
      }
    }
    if (!distance.has(root)) continue;
    const stack = [{ result: root, path: [] }];
    for (let steps = 0; stack.length > 0 && steps < PLACEMENT_BUDGET && (counts.get(key) ?? 0) < MAX_PATHS_PER_CHANGE; steps++) {
      const { result, path: path2 } = stack.pop();
      for (const delta of result.deltas) if (keyOf(delta) === key) emit(delta, path2);
      const next = result.children.filter((child) => child.result !== void 0 && distance.has(child.result)).map((child) => ({ child, far: child.path.length + (distance.get(child.result) ?? 0) })).sort((a, b) => b.far - a.far);
      for (const { child } of next) stack.push({ result: child.result, path: [...path2, ...child.path] });
    }
  }
  return placed;
}

// src/checks/schema-diff/wording.ts
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
var COUNT_NOUNS = {
  minLength: ["character", "characters"],
  maxLength: ["character", "characters"],
  minItems: ["item", "items"],
  maxItems: ["item", "items"],
  minProperties: ["property", "properties"],
  maxProperties: ["property", "properties"],
  minContains: ["item matching `contains`", "items matching `contains`"],
  maxContains: ["item matching `contains`", "items matching `contains`"]
};
function describeValues(values) {
  const shown = values.slice(0, 5).map((v) => `\`${typeof v === "string" ? v : canonical(v)}\``);
  const rest = values.length > 5 ? `, and ${values.length - 5} more` : "";
  return `${shown.join(", ")}${rest}`;
}
function describeTypes(types) {
  const list2 = [...types].sort();
  return list2.length === 0 ? "nothing" : list2.join(" or ");
}
function describeBound(which, bound) {
  const op = which === "lower" ? bound.exclusive ? ">" : "\u2265" : bound.exclusive ? "<" : "\u2264";
  return `${op} ${bound.value}`;
}
function describeBranch(view) {
  if (view.label !== void 0) return `\`${view.label}\``;
  if (view.values) return `the value${view.values.value.length === 1 ? "" : "s"} ${describeValues(view.values.value)}`;
  if (view.type) return `values of type ${describeTypes(view.type.value)}`;
  return `the alternative at \`${view.at.pointer || "/"}\``;
}
var ARTICLES = {
  array: "an array",
  boolean: "a boolean",
  integer: "an integer",
  null: "null",
  number: "a number",
  object: "an object",
  string: "a string"
};
function describeType(type) {
  return ARTICLES[type] ?? type;
}
function describeForm(view) {
  if (view.label !== void 0) return `\`${view.label}\``;
  if (view.values) return view.values.value.length === 1 ? describeValues(view.values.value) : `one of ${describeValues(view.values.value)}`;
  const types = view.type ? [...view.type.value].sort() : [];
  if (types.length !== 1) return types.length === 0 ? `the alternative at \`${view.at.pointer || "/"}\`` : `a value of type ${describeTypes(types)}`;
  const type = types[0];
  const details = [];
  if (type === "integer" || type === "number") {
    const { lower, upper } = view;
    if (lower && upper && !lower.exclusive && !upper.exclusive) details.push(`${lower.value}\u2013${upper.value}`);
    else details.push(...[lower && describeBound("lower", lower), upper && describeBound("upper", upper)].filter((d) => d !== void 0));
  }
  const counted = (min, max) => {
    const [one, many] = COUNT_NOUNS[min];
    const low = view.counts.get(min)?.value;
    const high = view.counts.get(max)?.value;
    const nouns = (n) => `${n} ${n === 1 ? one : many}`;
    if (low !== void 0 && high !== void 0) details.push(`of ${low}\u2013${high} ${high === 1 ? one : many}`);
    else if (low !== void 0) details.push(`of at least ${nouns(low)}`);
    else if (high !== void 0) details.push(`of at most ${nouns(high)}`);
  };
  if (type === "string") {
    counted("minLength", "maxLength");
    for (const pattern of view.patterns) details.push(`matching \`${pattern.value}\``);
  }
  if (type === "array") counted("minItems", "maxItems");
  if (type === "object" && view.required.size > 0) details.push(`with ${[...view.required.keys()].map((name) => `\`${name}\``).join(", ")}`);
  return [describeType(type), ...details].join(" ");
}
function describeForms(views) {
  const forms = views.map(describeForm);
  return forms.length < 2 ? forms.join("") : `${forms.slice(0, -1).join(", ")}, or ${forms[forms.length - 1]}`;
}
function placeWhen(place2, when) {
  return { ...place2, subject: `${place2.subject} (when ${when})`, in: `${place2.in} (when ${when})` };
}
function countWords(keyword, n) {
  const [one, many] = COUNT_NOUNS[keyword];
  return n === Infinity ? `any number of ${many}` : `${keyword.startsWith("min") ? "at least" : "at most"} ${n} ${n === 1 ? one : many}`;
}
function stringVerb(keyword) {
  return keyword === "pattern" ? "match the pattern" : "have the format";
}
function listOthers(others) {
  return `${others.slice(0, 8).join(", ")}${others.length > 8 ? `, and ${others.length - 8} more` : ""}`;
}
var SAY = {
  // Whole schemas (compare.ts).
  schemaOpened: (place2) => `${place2.subject} now accepts values (its schema was \`false\`)`,
  schemaFalse: (place2) => `${place2.subject} no longer accepts any value (its schema is now \`false\`)`,
  closableClosed: (place2, what) => `${place2.subject} no longer accepts ${what}`,
  closableOpened: (place2, what) => `${place2.subject} now accepts ${what}`,
  checkedMoreStrictly: (place2, what, rules) => `${what} ${place2.in} are checked more strictly (${[...rules].join(", ")})`,
  checkedLessStrictly: (place2, what, rules) => `${what} ${place2.in} are checked less strictly (${[...rules].join(", ")})`,
  // Types (rules/types.ts).
  anyTypeAccepted: (place2, was) => `${place2.subject} now accepts any type (it had to be ${describeTypes(was)})`,
  typeNarrowed: (place2, lost, now, hadType) => hadType ? `${place2.subject} no longer accepts ${describeTypes(lost)} (its type is now ${describeTypes(now)})` : `${place2.subject} must now be ${describeTypes(now)} (any type was accepted)`,
  typeWidened: (place2, gained) => `${place2.subject} now also accepts ${describeTypes(gained)}`,
  // `enum` and `const` (rules/values.ts).
  valuesRestricted: (place2, values) => `${place2.subject} is now restricted to ${describeValues(values)}`,
  valuesNoLongerAllowed: (place2, lost) => `${describeValues(lost)} ${lost.length === 1 ? "is" : "are"} no longer allowed ${place2.in}`,
  valuesUnrestricted: (place2) => `${place2.subject} is no longer restricted to a list of values`,
  valuesNowAllowed: (place2, gained) => `${describeValues(gained)} ${gained.length === 1 ? "is" : "are"} now allowed ${place2.in}`,
  // Bounds on numbers (rules/numbers.ts).
  boundTightened: (place2, which, now, was) => `${place2.subject} must now be ${describeBound(which, now)} (${was ? `it was ${describeBound(which, was)}` : `it had no ${which === "lower" ? "minimum" : "maximum"}`})`,
  boundLoosened: (place2, which, now, was) => now ? `${place2.subject} may now be ${describeBound(which, now)} (it was ${describeBound(which, was)})` : `${place2.subject} no longer has a ${which === "lower" ? "minimum" : "maximum"} (it was ${describeBound(which, was)})`,
  multipleOfAdded: (place2, value) => `${place2.subject} must now be a multiple of ${value}`,
  multipleOfRemoved: (place2, value) => `${place2.subject} no longer has to be a multiple of ${value}`,
  // Bounds on sizes (rules/counts.ts).
  countTightened: (place2, keyword, after, before) => `${place2.subject} must now have ${countWords(keyword, after)} (it was ${countWords(keyword, before)})`,
  countLoosened: (place2, keyword, after, before) => `${place2.subject} may now have ${countWords(keyword, after)} (it was ${countWords(keyword, before)})`,
  // `pattern` and `format` (rules/strings.ts).
  stringChanged: (place2, keyword, value, replaced) => `${place2.subject} must now ${stringVerb(keyword)} \`${value}\` instead of \`${replaced}\``,
  stringAdded: (place2, keyword, value) => `${place2.subject} must now ${stringVerb(keyword)} \`${value}\``,
  stringRemoved: (place2, keyword, value) => `${place2.subject} no longer has to ${stringVerb(keyword)} \`${value}\``,
  // Objects (rules/objects.ts).
  requiredAdded: (place2, name, hasDefault) => hasDefault ? `\`${name}\` is now required ${place2.in}; it has a \`default\`, but validation does not fill defaults in, so a config without it fails` : `\`${name}\` is now required ${place2.in}`,
  requiredRemoved: (place2, name) => `\`${name}\` is no longer required ${place2.in}`,
  propertyRemoved: (place2, name) => `\`${name}\` is no longer allowed ${place2.in} (it left \`properties\` and other properties are not allowed)`,
  propertyUnconstrained: (place2, name) => `\`${name}\` ${place2.in} is no longer described by \`properties\`: any value is accepted`,
  optionalPropertyAdded: (place2, name) => `\`${name}\` is now allowed ${place2.in} (optional)`,
  patternPropertyRemoved: (place2, pattern) => `properties matching \`${pattern}\` are no longer allowed ${place2.in}`,
  patternPropertyAdded: (place2, pattern) => `properties matching \`${pattern}\` are now allowed ${place2.in}`,
  additionalPropertiesClosed: (place2, others) => others.length === 0 ? `${place2.subject} no longer accepts any property` : `${place2.subject} no longer accepts properties other than ${listOthers(others)}`,
  additionalPropertiesOpened: (place2) => `${place2.subject} now accepts properties other than those it lists`,
  dependentRequiredAdded: (place2, name, fresh) => `${place2.in}, \`${name}\` now requires ${describeValues(fresh)}`,
  dependentRequiredRemoved: (place2, name, gone) => `${place2.in}, \`${name}\` no longer requires ${describeValues(gone)}`,
  dependentSchemaAdded: (place2, name) => `${place2.in}, a value with \`${name}\` must now also match a dependent schema`,
  dependentSchemaRemoved: (place2, name) => `${place2.in}, \`${name}\` no longer brings a dependent schema`,
  // Arrays (rules/arrays.ts).
  uniqueItemsAdded: (place2) => `${place2.subject} must now hold unique items`,
  uniqueItemsRemoved: (place2) => `${place2.subject} may now hold repeated items`,
  additionalItemsClosed: (place2, count2) => count2 === 0 ? `${place2.subject} must now be empty` : `${place2.subject} no longer accepts more than ${count2} item${count2 === 1 ? "" : "s"}`,
  additionalItemsOpened: (place2, count2) => `${place2.subject} now accepts more than ${count2} items`,
  containsAdded: (place2) => `${place2.subject} must now contain an item that matches \`contains\``,
  containsRemoved: (place2) => `${place2.subject} no longer has to contain an item that matches \`contains\``,
  // Alternatives: `oneOf`, `anyOf` (rules/alternatives.ts).
  alternativesNarrowed: (place2, exactly, forms) => `${place2.subject} must now match ${exactly ? "exactly " : ""}one of ${forms.length} forms: ${describeForms(forms)}`,
  branchRemoved: (place2, branch, kind, several) => `${place2.subject} no longer accepts ${describeBranch(branch)} (${several ? `a \`${kind}\` alternative was removed` : "no alternative of the new schema accepts it"})`,
  overlappingOneOfBranch: (place2, branch) => `${place2.subject} has a new \`oneOf\` alternative (${describeBranch(branch)}) that may also match what another alternative matches; such a value now fails \`oneOf\` (compat-gate cannot tell whether any does, so this counts as breaking)`,
  branchAdded: (place2, branch) => `${place2.subject} now also accepts ${describeBranch(branch)}`,
  anyOfToOneOf: (place2) => `${place2.subject} changed from \`anyOf\` to \`oneOf\` over alternatives that may overlap: a value that matches two of them is now invalid (compat-gate cannot tell whether any does, so this counts as breaking)`,
  oneOfRelaxed: (place2) => `${place2.subject} changed from \`oneOf\` to \`anyOf\`: a value may now match several alternatives`,
  // `not`, `if`/`then`/`else` (rules/conditions.ts).
  notRemoved: (place2) => `${place2.subject} no longer has a \`not\` to avoid`,
  notChanged: (place2, hadOne) => `${place2.subject} has ${hadOne ? "a changed" : "a new"} \`not\`; compat-gate cannot tell whether it rejects values that were valid, so this counts as breaking`,
  conditionalRemoved: (place2) => `${place2.subject} no longer has an \`if\`/\`then\`/\`else\``,
  ifChanged: (place2, hadOne) => `${place2.subject} has ${hadOne ? "a changed" : "a new"} \`if\`; compat-gate cannot tell whether its \`then\`/\`else\` now reject values that were valid, so this counts as breaking`,
  // `$ref`s (rules/refs.ts).
  refStricter: (place2, now, was, first) => `${place2.subject} now refers to \`${now}\` instead of \`${was}\`, which accepts less: ${first.delta.say(deeper(place2, first.path))}`,
  refLooser: (place2, now, was) => `${place2.subject} now refers to \`${now}\` instead of \`${was}\`, which accepts more`,
  opaqueRefAdded: (place2, uri) => `${place2.subject} now uses \`$ref\` ${uri}, which is not among the loaded schema files; compat-gate cannot compare it, so this counts as breaking`,
  opaqueRefRemoved: (place2, uri) => `${place2.subject} no longer uses \`$ref\` ${uri}`,
  // Annotations (rules/annotations.ts).
  annotationChanged: (place2, keyword, added) => `\`${keyword}\` of ${place2.subject} ${added ? "was added" : "changed"}`,
  annotationRemoved: (place2, keyword) => `\`${keyword}\` of ${place2.subject} was removed`
};

// src/checks/schema-diff/rules/conditions.ts
var CHANGED = "changed";
var NOT_REMOVED = "not-removed";
var CONDITIONAL_REMOVED = "conditional-removed";
function compareNots(d, b, p, out) {
  const count2 = Math.max(b.nots.length, p.nots.length);
  for (let index = 0; index < count2; index++) {
    const bNot = b.nots[index];
    const pNot = p.nots[index];
    if (!pNot) {
      out.add(NOT_REMOVED, p.at, SAY.notRemoved);
      continue;
    }
    const changed = !bNot || d.compareSubs([bNot], [pNot], b.at, p.at).semantic;
    if (changed) out.add(CHANGED, atOf(pNot), SAY.notChanged, bNot !== void 0);
  }
}
function compareConditionals(d, b, p, out) {
  const count2 = Math.max(b.conditionals.length, p.conditionals.length);
  for (let index = 0; index < count2; index++) {
    const bIf = b.conditionals[index];
    const pIf = p.conditionals[index];
    if (!pIf) {
      out.add(CONDITIONAL_REMOVED, p.at, SAY.conditionalRemoved);
      continue;
    }
    if (!bIf || d.compareSubs([bIf.if], [pIf.if], bIf.at, pIf.at).semantic) {
      out.add(CHANGED, pIf.at, SAY.ifChanged, bIf !== void 0);
      continue;
    }
    out.include([], d.compareSubs(bIf.then, pIf.then, bIf.at, pIf.at));
    out.include([], d.compareSubs(bIf.else, pIf.else, bIf.at, pIf.at));
  }
}

// src/checks/schema-diff/view.ts
function emptyView(side, at3) {
  return {
    side,
    at: at3,
    multipleOf: [],
    counts: /* @__PURE__ */ new Map(),
    patterns: [],
    formats: [],
    properties: /* @__PURE__ */ new Map(),
    required: /* @__PURE__ */ new Map(),
    patternProperties: /* @__PURE__ */ new Map(),
    additionalProperties: [],
    propertyNames: [],
    dependentRequired: /* @__PURE__ */ new Map(),
    dependentSchemas: /* @__PURE__ */ new Map(),
    tuple: [],
    rest: [],
    contains: [],
    unevaluatedProperties: [],
    unevaluatedItems: [],
    groups: [],
    nots: [],
    conditionals: [],
    annotations: /* @__PURE__ */ new Map(),
    opaque: []
  };
}
function cloneView(view) {
  const lists = (map) => new Map([...map].map(([key, list2]) => [key, [...list2]]));
  return {
    ...view,
    multipleOf: [...view.multipleOf],
    counts: new Map(view.counts),
    patterns: [...view.patterns],
    formats: [...view.formats],
    properties: lists(view.properties),
    required: new Map(view.required),
    patternProperties: lists(view.patternProperties),
    additionalProperties: [...view.additionalProperties],
    propertyNames: [...view.propertyNames],
    dependentRequired: new Map(view.dependentRequired),
    dependentSchemas: lists(view.dependentSchemas),
    tuple: view.tuple.map((position) => [...position]),
    rest: [...view.rest],
    contains: [...view.contains],
    unevaluatedProperties: [...view.unevaluatedProperties],
    unevaluatedItems: [...view.unevaluatedItems],
    groups: [...view.groups],
    nots: [...view.nots],
    conditionals: [...view.conditionals],
    annotations: new Map(view.annotations),
    opaque: [...view.opaque]
  };
}
var ALL_TYPES = /* @__PURE__ */ new Set(["array", "boolean", "integer", "null", "number", "object", "string"]);
function typesOf(view) {
  return view.type?.value ?? ALL_TYPES;
}
function intersectTypes(a, b) {
  const both = /* @__PURE__ */ new Set();
  for (const type of a) {
    if (b.has(type)) both.add(type);
    else if (type === "integer" && b.has("number")) both.add("integer");
    else if (type === "number" && b.has("integer")) both.add("integer");
  }
  return both;
}
function viewOf(side, subs, fallback) {
  const view = emptyView(side, subs[0] ? atOf(subs[0]) : fallback);
  const merged = /* @__PURE__ */ new Set();
  for (const sub of subs) addNode(view, sub, merged);
  return view;
}
function addList(map, key, sub) {
  const list2 = map.get(key);
  if (list2) list2.push(sub);
  else map.set(key, [sub]);
}
function addNode(view, sub, merged) {
  const { side } = view;
  const node = sub.node;
  if (node === false) {
    view.never ??= atOf(sub);
    return;
  }
  if (!isObject(node) || merged.has(node)) return;
  merged.add(node);
  const here = (...path2) => atOf(side.child(sub, ...path2));
  const child = (...path2) => side.child(sub, ...path2);
  const draft04 = side.draft === "draft-04";
  const draft2020 = side.draft === "2020-12";
  const later2019 = side.draft === "2019-09" || draft2020;
  for (const [keyword, value] of Object.entries(node)) {
    switch (keyword) {
      case "type": {
        const listed = (Array.isArray(value) ? value : [value]).filter((t) => typeof t === "string");
        if (node.nullable === true) listed.push("null");
        const types = new Set(listed);
        if (!view.type) view.type = { value: types, at: here(keyword) };
        else {
          const both = intersectTypes(view.type.value, types);
          if (both.size < view.type.value.size) view.type = { value: both, at: here(keyword) };
        }
        break;
      }
      case "enum":
      case "const": {
        if (keyword === "enum" && !Array.isArray(value)) break;
        const values = keyword === "enum" ? value : [value];
        if (!view.values) view.values = { value: values, at: here(keyword), kind: keyword };
        else {
          const allowed = new Set(values.map(canonical));
          view.values = {
            value: view.values.value.filter((v) => allowed.has(canonical(v))),
            at: here(keyword),
            kind: keyword === "const" ? "const" : view.values.kind
          };
        }
        break;
      }
      case "minimum":
      case "maximum": {
        if (typeof value !== "number") break;
        const flagKey = keyword === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
        const flagged = draft04 && node[flagKey] === true;
        mergeBound(view, keyword === "minimum" ? "lower" : "upper", {
          value,
          exclusive: flagged,
          at: here(keyword),
          ...flagged ? { flagAt: here(flagKey) } : {}
        });
        break;
      }
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        if (typeof value === "number" && !draft04) {
          mergeBound(view, keyword === "exclusiveMinimum" ? "lower" : "upper", { value, exclusive: true, at: here(keyword) });
        }
        break;
      case "multipleOf":
        if (typeof value === "number" && value > 0 && !view.multipleOf.some((m) => m.value === value)) {
          view.multipleOf.push({ value, at: here(keyword) });
        }
        break;
      case "minLength":
      case "maxLength":
      case "minItems":
      case "maxItems":
      case "minProperties":
      case "maxProperties":
      case "minContains":
      case "maxContains": {
        if (typeof value !== "number") break;
        const current = view.counts.get(keyword);
        const tighter2 = keyword.startsWith("min") ? (current?.value ?? -Infinity) < value : (current?.value ?? Infinity) > value;
        if (tighter2) view.counts.set(keyword, { value, at: here(keyword) });
        break;
      }
      case "uniqueItems":
        if (value === true) view.uniqueItems ??= here(keyword);
        break;
      case "pattern":
        if (typeof value === "string" && !view.patterns.some((p) => p.value === value)) view.patterns.push({ value, at: here(keyword) });
        break;
      case "format":
        if (typeof value !== "string") break;
        if (side.knownFormats.has(value)) {
          if (!view.formats.some((f) => f.value === value)) view.formats.push({ value, at: here(keyword) });
        } else if (!view.annotations.has(keyword)) view.annotations.set(keyword, { value, at: here(keyword) });
        break;
      case "properties":
        if (!isObject(value)) break;
        view.propertiesAt ??= here(keyword);
        for (const name of Object.keys(value)) addList(view.properties, name, child(keyword, name));
        break;
      case "required":
        if (!Array.isArray(value)) break;
        value.forEach((name, index) => {
          if (typeof name === "string" && !view.required.has(name)) view.required.set(name, here(keyword, index));
        });
        break;
      case "patternProperties":
        if (!isObject(value)) break;
        view.patternPropertiesAt ??= here(keyword);
        for (const pattern of Object.keys(value)) addList(view.patternProperties, pattern, child(keyword, pattern));
        break;
      case "additionalProperties":
        view.additionalAt ??= here(keyword);
        view.additionalProperties.push(child(keyword));
        break;
      case "propertyNames":
        view.propertyNames.push(child(keyword));
        break;
      case "dependentRequired":
      case "dependencies":
      case "dependentSchemas":
        if (!isObject(value)) break;
        for (const [name, dependency] of Object.entries(value)) {
          if (Array.isArray(dependency) && keyword !== "dependentSchemas") {
            const names = dependency.filter((d) => typeof d === "string");
            const current = view.dependentRequired.get(name);
            view.dependentRequired.set(name, {
              value: [.../* @__PURE__ */ new Set([...current?.value ?? [], ...names])],
              at: current?.at ?? here(keyword, name)
            });
          } else if (keyword !== "dependentRequired") addList(view.dependentSchemas, name, child(keyword, name));
        }
        break;
      case "items":
        if (Array.isArray(value) && !draft2020) {
          value.forEach((_, index) => {
            (view.tuple[index] ??= []).push(child(keyword, index));
          });
        } else {
          view.restAt ??= here(keyword);
          view.rest.push(child(keyword));
        }
        break;
      case "prefixItems":
        if (draft2020 && Array.isArray(value)) {
          value.forEach((_, index) => {
            (view.tuple[index] ??= []).push(child(keyword, index));
          });
        } else annotate(view, keyword, value, here(keyword));
        break;
      case "additionalItems":
        if (!draft2020 && Array.isArray(node.items)) {
          view.restAt ??= here(keyword);
          view.rest.push(child(keyword));
        }
        break;
      case "contains":
        view.contains.push(child(keyword));
        break;
      case "unevaluatedProperties":
      case "unevaluatedItems":
        if (!later2019) annotate(view, keyword, value, here(keyword));
        else if (keyword === "unevaluatedProperties") view.unevaluatedProperties.push(child(keyword));
        else view.unevaluatedItems.push(child(keyword));
        break;
      case "anyOf":
      case "oneOf":
        if (Array.isArray(value)) view.groups.push({ kind: keyword, branches: value.map((_, index) => child(keyword, index)), at: here(keyword) });
        break;
      case "not":
        view.nots.push(child(keyword));
        break;
      case "if":
        view.conditionals.push({
          if: child(keyword),
          then: "then" in node ? [child("then")] : [],
          else: "else" in node ? [child("else")] : [],
          at: here(keyword)
        });
        break;
      case "allOf":
      case "$ref":
      case "$dynamicRef":
      case "$recursiveRef":
        break;
      default:
        if (!STRUCTURAL_KEYWORDS.has(keyword)) annotate(view, keyword, value, here(keyword));
    }
  }
  if (Array.isArray(node.allOf)) node.allOf.forEach((_, index) => addNode(view, child("allOf", index), merged));
  for (const keyword of REF_KEYWORDS2) {
    const ref = node[keyword];
    if (typeof ref !== "string") continue;
    const target = side.resolveRef(sub, ref);
    if (target) {
      view.label ??= ref;
      addNode(view, target, merged);
    } else view.opaque.push({ value: side.refUri(sub, ref), at: here(keyword) });
  }
}
function annotate(view, keyword, value, at3) {
  if (!view.annotations.has(keyword)) view.annotations.set(keyword, { value, at: at3 });
}
function mergeBound(view, which, bound) {
  const current = view[which];
  if (!current || tighter(which, bound, current)) view[which] = bound;
}
function tighter(which, a, b) {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return which === "lower" ? a.value > b.value : a.value < b.value;
}
var compiledPatterns = /* @__PURE__ */ new Map();
function compileLenient(pattern) {
  if (compiledPatterns.has(pattern)) return compiledPatterns.get(pattern);
  let compiled2;
  for (const flags of ["u", ""]) {
    try {
      compiled2 = new RegExp(pattern, flags);
      break;
    } catch {
    }
  }
  compiledPatterns.set(pattern, compiled2);
  return compiled2;
}
function distribute(view, group) {
  return group.branches.map((branch) => {
    const alternative = cloneView(view);
    alternative.groups = view.groups.filter((g) => g !== group);
    alternative.at = atOf(branch);
    const ref = isObject(branch.node) ? branch.node.$ref : void 0;
    if (typeof ref === "string") alternative.label = ref;
    else delete alternative.label;
    alternative.origin = originOf(view.side, branch);
    addNode(alternative, branch, /* @__PURE__ */ new Set());
    return alternative;
  });
}
function originOf(side, branch) {
  const node = branch.node;
  if (isObject(node) && typeof node.$ref === "string") {
    const target = side.resolveRef(branch, node.$ref);
    if (target) return `ref:${target.file}#${target.pointer}`;
  }
  return `json:${canonical(node)}`;
}
function splitByType(view) {
  const type = view.type;
  if (!type || type.value.size < 2) return [view];
  return [...type.value].sort().map((one) => ({ ...view, type: { value: /* @__PURE__ */ new Set([one]), at: type.at } }));
}
function disjoint(a, b) {
  if (a.never || b.never) return true;
  const common = intersectTypes(typesOf(a), typesOf(b));
  if (common.size === 0) return true;
  if (a.values && b.values) {
    const inA = new Set(a.values.value.map(canonical));
    if (!b.values.value.some((value) => inA.has(canonical(value)))) return true;
  }
  const typeOf = (value) => value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  const outside = (listed, typed) => listed.values !== void 0 && typed.type !== void 0 && listed.values.value.every((value) => intersectTypes(/* @__PURE__ */ new Set([typeOf(value)]), typed.type?.value ?? /* @__PURE__ */ new Set()).size === 0);
  if (outside(a, b) || outside(b, a)) return true;
  if (common.size !== 1 || !common.has("object")) return false;
  for (const [name, aSubs] of a.properties) {
    const bSubs = b.properties.get(name);
    if (!bSubs || !(a.required.has(name) || b.required.has(name))) continue;
    const aValues = viewOf(a.side, aSubs, a.at).values;
    const bValues = viewOf(b.side, bSubs, b.at).values;
    if (aValues && bValues) {
      const inA = new Set(aValues.value.map(canonical));
      if (!bValues.value.some((value) => inA.has(canonical(value)))) return true;
    }
  }
  const closedWithout = (closed, other) => closed.patternProperties.size === 0 && viewOf(closed.side, closed.additionalProperties, closed.at).never !== void 0 && [...other.required.keys()].some((name) => !closed.properties.has(name));
  return closedWithout(a, b) || closedWithout(b, a);
}

// src/checks/schema-diff/rules/alternatives.ts
var BRANCH_REMOVED = "branch-removed";
var SCHEMA_FALSE = "schema-false";
var SCHEMA_OPENED = "schema-opened";
var BRANCH_ADDED = "branch-added";
var ONE_OF_RELAXED = "one-of-relaxed";
var ALTERNATIVES_NARROWED = "alternatives-narrowed";
function compareBranches(d, out, bBranches, bKind, pBranches, pKind, pGroupAt) {
  const cache = /* @__PURE__ */ new Map();
  const compare = (piece, j) => {
    let row = cache.get(piece);
    if (!row) cache.set(piece, row = /* @__PURE__ */ new Map());
    let result = row.get(j);
    if (!result) row.set(j, result = d.compareViews(piece, pBranches[j]));
    return result;
  };
  const used = /* @__PURE__ */ new Set();
  const paired = /* @__PURE__ */ new Map();
  bBranches.forEach((bBranch, i) => {
    const j = pBranches.findIndex((pBranch, k) => !used.has(k) && bBranch.origin !== void 0 && pBranch.origin === bBranch.origin);
    if (j < 0) return;
    used.add(j);
    paired.set(i, j);
  });
  const overlapping = (piece) => pBranches.map((_, j) => j).filter((j) => !disjoint(piece, pBranches[j]));
  bBranches.forEach((bBranch, i) => {
    const partner = paired.get(i);
    if (partner !== void 0 && (compare(bBranch, partner).breaking === 0 || overlapping(bBranch).every((j) => j === partner))) {
      out.include([], compare(bBranch, partner));
      return;
    }
    const order = pBranches.map((_, j) => j).sort((x, y) => Number(x !== (partner ?? i)) - Number(y !== (partner ?? i)));
    const find = (piece) => order.find((j) => !compare(piece, j).semantic) ?? order.find((j) => compare(piece, j).breaking === 0);
    const whole = find(bBranch);
    const pieces = whole === void 0 ? splitByType(bBranch) : [bBranch];
    for (const piece of pieces) {
      const covering = piece === bBranch ? whole : find(piece);
      if (covering !== void 0) {
        used.add(covering);
        out.include([], compare(piece, covering));
        continue;
      }
      const holders = overlapping(piece);
      const [only] = holders;
      if (holders.length === 1 && only !== void 0) {
        used.add(only);
        const type = piece === bBranch ? void 0 : [...piece.type?.value ?? []][0];
        out.include([], type === void 0 ? compare(piece, only) : qualify(d, compare(piece, only), describeType(type)));
        continue;
      }
      if (holders.length > 1) {
        for (const j of holders) used.add(j);
        const forms = pBranches.filter((_, j) => holders.includes(j));
        const exactly = pKind === "oneOf" && forms.some((a, x) => forms.some((c, y) => y > x && !disjoint(a, c)));
        out.add(ALTERNATIVES_NARROWED, pGroupAt, SAY.alternativesNarrowed, exactly, forms);
        continue;
      }
      out.add(BRANCH_REMOVED, pGroupAt, SAY.branchRemoved, piece, bKind, bBranches.length > 1);
    }
  });
  pBranches.forEach((pBranch, j) => {
    if (used.has(j)) return;
    const overlaps = pKind === "oneOf" && pBranches.some((other, k) => k !== j && !disjoint(pBranch, other));
    if (overlaps) out.add(CHANGED, pBranch.at, SAY.overlappingOneOfBranch, pBranch);
    else out.add(BRANCH_ADDED, pBranch.at, SAY.branchAdded, pBranch);
  });
  if (bKind === "anyOf" && bBranches.length > 1 && pKind === "oneOf") {
    const overlapping2 = pBranches.some((a, i) => pBranches.some((c, k) => k > i && !disjoint(a, c)));
    if (overlapping2) out.add(CHANGED, pGroupAt, SAY.anyOfToOneOf);
  } else if (bKind === "oneOf" && pKind === "anyOf" && pBranches.length > 1) {
    out.add(ONE_OF_RELAXED, pGroupAt, SAY.oneOfRelaxed);
  }
}
function qualify(d, result, when) {
  const out = d.collector();
  for (const delta of result.deltas) {
    out.add(delta.rule, delta.at, (place2) => delta.say(placeWhen(place2, when)));
  }
  for (const child of result.children) {
    if (child.result) out.include(child.path, child.path.length === 0 ? qualify(d, child.result, when) : child.result);
    else if (child.cut) out.defer(child.cut);
  }
  return out.build();
}

// src/checks/schema-diff/rules/annotations.ts
var ANNOTATION_CHANGED = "annotation-changed";
function compareAnnotations(b, p, out) {
  for (const [keyword, entry] of p.annotations) {
    const old = b.annotations.get(keyword);
    if (old && canonical(old.value) === canonical(entry.value)) continue;
    out.add(ANNOTATION_CHANGED, entry.at, SAY.annotationChanged, keyword, old === void 0);
  }
  for (const keyword of b.annotations.keys()) {
    if (!p.annotations.has(keyword)) out.add(ANNOTATION_CHANGED, p.at, SAY.annotationRemoved, keyword);
  }
}

// src/checks/schema-diff/rules/counts.ts
var MIN_LENGTH_TIGHTENED = "min-length-tightened";
var MIN_LENGTH_LOOSENED = "min-length-loosened";
var MAX_LENGTH_TIGHTENED = "max-length-tightened";
var MAX_LENGTH_LOOSENED = "max-length-loosened";
var MIN_ITEMS_TIGHTENED = "min-items-tightened";
var MIN_ITEMS_LOOSENED = "min-items-loosened";
var MAX_ITEMS_TIGHTENED = "max-items-tightened";
var MAX_ITEMS_LOOSENED = "max-items-loosened";
var MIN_CONTAINS_TIGHTENED = "min-contains-tightened";
var MIN_CONTAINS_LOOSENED = "min-contains-loosened";
var MAX_CONTAINS_TIGHTENED = "max-contains-tightened";
var MAX_CONTAINS_LOOSENED = "max-contains-loosened";
var MIN_PROPERTIES_TIGHTENED = "min-properties-tightened";
var MIN_PROPERTIES_LOOSENED = "min-properties-loosened";
var MAX_PROPERTIES_TIGHTENED = "max-properties-tightened";
var MAX_PROPERTIES_LOOSENED = "max-properties-loosened";
var RULES = {
  minLength: { tightened: MIN_LENGTH_TIGHTENED, loosened: MIN_LENGTH_LOOSENED },
  maxLength: { tightened: MAX_LENGTH_TIGHTENED, loosened: MAX_LENGTH_LOOSENED },
  minItems: { tightened: MIN_ITEMS_TIGHTENED, loosened: MIN_ITEMS_LOOSENED },
  maxItems: { tightened: MAX_ITEMS_TIGHTENED, loosened: MAX_ITEMS_LOOSENED },
  minContains: { tightened: MIN_CONTAINS_TIGHTENED, loosened: MIN_CONTAINS_LOOSENED },
  maxContains: { tightened: MAX_CONTAINS_TIGHTENED, loosened: MAX_CONTAINS_LOOSENED },
  minProperties: { tightened: MIN_PROPERTIES_TIGHTENED, loosened: MIN_PROPERTIES_LOOSENED },
  maxProperties: { tightened: MAX_PROPERTIES_TIGHTENED, loosened: MAX_PROPERTIES_LOOSENED }
};
function compareCounts(b, p, keywords, out) {
  for (const keyword of keywords) {
    const isMin = keyword.startsWith("min");
    const rule = RULES[keyword];
    const bValue = b.counts.get(keyword);
    const pValue = p.counts.get(keyword);
    const none = isMin ? 0 : Infinity;
    const before = bValue?.value ?? none;
    const after = pValue?.value ?? none;
    if (isMin ? after > before : after < before) out.add(rule.tightened, pValue?.at ?? p.at, SAY.countTightened, keyword, after, before);
    else if (isMin ? after < before : after > before) out.add(rule.loosened, pValue?.at ?? p.at, SAY.countLoosened, keyword, after, before);
  }
}

// src/checks/schema-diff/rules/arrays.ts
var UNIQUE_ITEMS_ADDED = "unique-items-added";
var UNIQUE_ITEMS_REMOVED = "unique-items-removed";
var ADDITIONAL_ITEMS_CLOSED = "additional-items-closed";
var ADDITIONAL_ITEMS_OPENED = "additional-items-opened";
var CONTAINS_ADDED = "contains-added";
var CONTAINS_REMOVED = "contains-removed";
var CONTAINS_TIGHTENED = "contains-tightened";
var CONTAINS_LOOSENED = "contains-loosened";
var UNEVALUATED_ITEMS_CLOSED = "unevaluated-items-closed";
var UNEVALUATED_ITEMS_OPENED = "unevaluated-items-opened";
function compareArrays(d, b, p, out) {
  compareCounts(b, p, ["minItems", "maxItems", "minContains", "maxContains"], out);
  if (p.uniqueItems && !b.uniqueItems) out.add(UNIQUE_ITEMS_ADDED, p.uniqueItems, SAY.uniqueItemsAdded);
  if (b.uniqueItems && !p.uniqueItems) out.add(UNIQUE_ITEMS_REMOVED, p.at, SAY.uniqueItemsRemoved);
  const bRestNever = viewOf(d.base, b.rest, b.at).never !== void 0;
  const pRestNever = viewOf(d.pr, p.rest, p.at).never !== void 0;
  const positions = Math.max(b.tuple.length, p.tuple.length);
  for (let index = 0; index < positions; index++) {
    if (index >= b.tuple.length && bRestNever) break;
    const bSubs = b.tuple[index] ?? b.rest;
    const pSubs = p.tuple[index] ?? p.rest;
    out.include([String(index)], d.compareSubs(bSubs, pSubs, b.restAt ?? b.at, p.restAt ?? p.at));
  }
  if (!bRestNever && pRestNever) {
    out.add(ADDITIONAL_ITEMS_CLOSED, p.restAt ?? p.at, SAY.additionalItemsClosed, p.tuple.length);
  } else if (bRestNever && !pRestNever) {
    out.add(ADDITIONAL_ITEMS_OPENED, p.restAt ?? p.at, SAY.additionalItemsOpened, b.tuple.length);
  } else if (!bRestNever && (b.rest.length > 0 || p.rest.length > 0)) {
    out.include([ANY], d.compareSubs(b.rest, p.rest, b.restAt ?? b.at, p.restAt ?? p.at));
  }
  if (p.contains.length > 0 && b.contains.length === 0) {
    out.add(CONTAINS_ADDED, atOf(p.contains[0]), SAY.containsAdded);
  } else if (b.contains.length > 0 && p.contains.length === 0) {
    out.add(CONTAINS_REMOVED, p.at, SAY.containsRemoved);
  } else {
    d.summarise(b.contains, p.contains, b.at, p.at, { tightened: CONTAINS_TIGHTENED, loosened: CONTAINS_LOOSENED }, "the item `contains` asks for", out);
  }
  d.compareClosable(b.unevaluatedItems, p.unevaluatedItems, b.at, p.at, { closed: UNEVALUATED_ITEMS_CLOSED, opened: UNEVALUATED_ITEMS_OPENED }, "items not evaluated by other keywords", out);
}

// src/checks/schema-diff/rules/numbers.ts
var MINIMUM_TIGHTENED = "minimum-tightened";
var MINIMUM_LOOSENED = "minimum-loosened";
var MAXIMUM_TIGHTENED = "maximum-tightened";
var MAXIMUM_LOOSENED = "maximum-loosened";
var MULTIPLE_OF_TIGHTENED = "multiple-of-tightened";
var MULTIPLE_OF_LOOSENED = "multiple-of-loosened";
function compareNumbers(b, p, out) {
  for (const which of ["lower", "upper"]) {
    const rule = which === "lower" ? { tightened: MINIMUM_TIGHTENED, loosened: MINIMUM_LOOSENED } : { tightened: MAXIMUM_TIGHTENED, loosened: MAXIMUM_LOOSENED };
    const bBound = b[which];
    const pBound = p[which];
    if (pBound && (!bBound || tighter(which, pBound, bBound))) {
      const at3 = bBound && bBound.value === pBound.value ? pBound.flagAt ?? pBound.at : pBound.at;
      out.add(rule.tightened, at3, SAY.boundTightened, which, pBound, bBound);
    } else if (bBound && (!pBound || tighter(which, bBound, pBound))) {
      out.add(rule.loosened, pBound?.at ?? p.at, SAY.boundLoosened, which, pBound, bBound);
    }
  }
  const divides = (m, of) => Math.abs(of / m - Math.round(of / m)) < 1e-9;
  const stricter = p.multipleOf.filter((m) => !b.multipleOf.some((old) => divides(m.value, old.value)));
  for (const m of stricter) {
    out.add(MULTIPLE_OF_TIGHTENED, m.at, SAY.multipleOfAdded, m.value);
  }
  if (stricter.length > 0) return;
  for (const old of b.multipleOf) {
    if (p.multipleOf.some((m) => m.value === old.value)) continue;
    out.add(MULTIPLE_OF_LOOSENED, p.multipleOf[0]?.at ?? p.at, SAY.multipleOfRemoved, old.value);
  }
}

// src/checks/schema-diff/rules/objects.ts
var REQUIRED_ADDED = "required-added";
var REQUIRED_REMOVED = "required-removed";
var PROPERTY_REMOVED = "property-removed";
var PROPERTY_UNCONSTRAINED = "property-unconstrained";
var OPTIONAL_PROPERTY_ADDED = "optional-property-added";
var PATTERN_PROPERTY_REMOVED = "pattern-property-removed";
var PATTERN_PROPERTY_ADDED = "pattern-property-added";
var ADDITIONAL_PROPERTIES_CLOSED = "additional-properties-closed";
var ADDITIONAL_PROPERTIES_OPENED = "additional-properties-opened";
var DEPENDENT_REQUIRED_ADDED = "dependent-required-added";
var DEPENDENT_REQUIRED_REMOVED = "dependent-required-removed";
var DEPENDENT_SCHEMA_ADDED = "dependent-schema-added";
var DEPENDENT_SCHEMA_REMOVED = "dependent-schema-removed";
var PROPERTY_NAMES_TIGHTENED = "property-names-tightened";
var PROPERTY_NAMES_LOOSENED = "property-names-loosened";
var DEPENDENT_SCHEMA_TIGHTENED = "dependent-schema-tightened";
var DEPENDENT_SCHEMA_LOOSENED = "dependent-schema-loosened";
var UNEVALUATED_PROPERTIES_CLOSED = "unevaluated-properties-closed";
var UNEVALUATED_PROPERTIES_OPENED = "unevaluated-properties-opened";
function governing(view, name) {
  const matching = [];
  for (const [pattern, subs2] of view.patternProperties) {
    if (compileLenient(pattern)?.test(name)) matching.push(...subs2);
  }
  const subs = matching.length > 0 ? matching : view.additionalProperties;
  const at3 = (matching.length > 0 ? view.patternPropertiesAt : view.additionalAt) ?? view.at;
  return { subs, at: at3, never: viewOf(view.side, subs, at3).never !== void 0 };
}
function compareObjects(d, b, p, out) {
  compareCounts(b, p, ["minProperties", "maxProperties"], out);
  const renamed = renamedProperty(d, b, p);
  for (const [name, at3] of p.required) {
    if (b.required.has(name)) continue;
    const pSubs = p.properties.get(name);
    const fallback = pSubs !== void 0 ? viewOf(d.pr, pSubs, at3).annotations.get("default") : void 0;
    const detail = renamed?.to === name ? { kind: "property-renamed", ...renamed } : fallback ? { kind: "property-required", property: name, default: fallback.value } : void 0;
    out.addDetailed(detail, REQUIRED_ADDED, at3, SAY.requiredAdded, name, fallback !== void 0);
  }
  for (const name of b.required.keys()) {
    if (!p.required.has(name)) out.add(REQUIRED_REMOVED, p.at, SAY.requiredRemoved, name);
  }
  const bProperties = b.propertiesAt ?? b.at;
  const pProperties = p.propertiesAt ?? p.at;
  for (const [name, bSubs] of b.properties) {
    const pSubs = p.properties.get(name);
    if (pSubs) {
      out.include([name], d.compareSubs(bSubs, pSubs, bProperties, pProperties));
      continue;
    }
    const rule = governing(p, name);
    if (rule.never) {
      const fallback = viewOf(d.base, bSubs, bProperties).annotations.get("default");
      const detail = renamed?.from === name ? { kind: "property-renamed", ...renamed } : fallback ? { kind: "property-removed", property: name, default: fallback.value } : void 0;
      out.addDetailed(detail, PROPERTY_REMOVED, pProperties, SAY.propertyRemoved, name);
    } else if (rule.subs.length === 0) {
      out.add(PROPERTY_UNCONSTRAINED, pProperties, SAY.propertyUnconstrained, name);
    } else {
      out.include([name], d.compareSubs(bSubs, rule.subs, bProperties, rule.at));
    }
  }
  for (const [name, pSubs] of p.properties) {
    if (b.properties.has(name)) continue;
    const rule = governing(b, name);
    if (rule.never) {
      if (!p.required.has(name)) out.add(OPTIONAL_PROPERTY_ADDED, atOf(pSubs[0]), SAY.optionalPropertyAdded, name);
      continue;
    }
    out.include([name], d.compareSubs(rule.subs, pSubs, rule.at, pProperties));
  }
  const pPatternsAt = p.patternPropertiesAt ?? p.at;
  for (const [pattern, bSubs] of b.patternProperties) {
    const pSubs = p.patternProperties.get(pattern);
    if (pSubs) {
      out.include([ANY], d.compareSubs(bSubs, pSubs, b.patternPropertiesAt ?? b.at, pPatternsAt));
    } else if (viewOf(d.pr, p.additionalProperties, p.at).never) {
      out.add(PATTERN_PROPERTY_REMOVED, pPatternsAt, SAY.patternPropertyRemoved, pattern);
    } else if (p.additionalProperties.length > 0) {
      out.include([ANY], d.compareSubs(bSubs, p.additionalProperties, b.at, p.additionalAt ?? p.at));
    }
  }
  for (const [pattern, pSubs] of p.patternProperties) {
    if (b.patternProperties.has(pattern)) continue;
    if (viewOf(d.base, b.additionalProperties, b.at).never) {
      out.add(PATTERN_PROPERTY_ADDED, atOf(pSubs[0]), SAY.patternPropertyAdded, pattern);
    } else {
      out.include([ANY], d.compareSubs(b.additionalProperties, pSubs, b.additionalAt ?? b.at, pPatternsAt));
    }
  }
  const bClosed = viewOf(d.base, b.additionalProperties, b.at).never !== void 0;
  const pClosed = viewOf(d.pr, p.additionalProperties, p.at).never !== void 0;
  if (!bClosed && pClosed) {
    const listed = [...p.properties.keys()];
    const patterns = [...p.patternProperties.keys()];
    const others = [...listed.map((n) => `\`${n}\``), ...patterns.map((n) => `names matching \`${n}\``)];
    out.add(ADDITIONAL_PROPERTIES_CLOSED, p.additionalAt ?? p.at, SAY.additionalPropertiesClosed, others);
  } else if (bClosed && !pClosed) {
    out.add(ADDITIONAL_PROPERTIES_OPENED, p.additionalAt ?? p.at, SAY.additionalPropertiesOpened);
  } else if (!bClosed && (b.additionalProperties.length > 0 || p.additionalProperties.length > 0)) {
    out.include([ANY], d.compareSubs(b.additionalProperties, p.additionalProperties, b.additionalAt ?? b.at, p.additionalAt ?? p.at));
  }
  d.summarise(b.propertyNames, p.propertyNames, b.at, p.at, { tightened: PROPERTY_NAMES_TIGHTENED, loosened: PROPERTY_NAMES_LOOSENED }, "property names", out);
  for (const [name, pDependency] of p.dependentRequired) {
    const before = new Set(b.dependentRequired.get(name)?.value ?? []);
    const fresh = pDependency.value.filter((n) => !before.has(n));
    if (fresh.length > 0) out.add(DEPENDENT_REQUIRED_ADDED, pDependency.at, SAY.dependentRequiredAdded, name, fresh);
  }
  for (const [name, bDependency] of b.dependentRequired) {
    const after = new Set(p.dependentRequired.get(name)?.value ?? []);
    const gone = bDependency.value.filter((n) => !after.has(n));
    if (gone.length > 0) out.add(DEPENDENT_REQUIRED_REMOVED, p.dependentRequired.get(name)?.at ?? p.at, SAY.dependentRequiredRemoved, name, gone);
  }
  for (const [name, pSubs] of p.dependentSchemas) {
    const bSubs = b.dependentSchemas.get(name);
    if (!bSubs) out.add(DEPENDENT_SCHEMA_ADDED, atOf(pSubs[0]), SAY.dependentSchemaAdded, name);
    else d.summarise(bSubs, pSubs, b.at, p.at, { tightened: DEPENDENT_SCHEMA_TIGHTENED, loosened: DEPENDENT_SCHEMA_LOOSENED }, `the schema that applies when \`${name}\` is present`, out);
  }
  for (const name of b.dependentSchemas.keys()) {
    if (!p.dependentSchemas.has(name)) out.add(DEPENDENT_SCHEMA_REMOVED, p.at, SAY.dependentSchemaRemoved, name);
  }
  d.compareClosable(b.unevaluatedProperties, p.unevaluatedProperties, b.at, p.at, { closed: UNEVALUATED_PROPERTIES_CLOSED, opened: UNEVALUATED_PROPERTIES_OPENED }, "properties not evaluated by other keywords", out);
}
function renamedProperty(d, b, p) {
  const gone = [...b.properties.keys()].filter((name) => !p.properties.has(name));
  const added = [...p.properties.keys()].filter((name) => !b.properties.has(name));
  if (gone.length !== 1 || added.length !== 1) return void 0;
  const [from, to] = [gone[0], added[0]];
  const compared = d.compareSubs(b.properties.get(from), p.properties.get(to), b.propertiesAt ?? b.at, p.propertiesAt ?? p.at);
  return compared.breaking === 0 ? { from, to } : void 0;
}

// src/checks/schema-diff/rules/refs.ts
var REF_STRICTER = "ref-stricter";
var REF_LOOSER = "ref-looser";
var REF_REMOVED = "ref-removed";
function compareRefs(d, b, p) {
  const [bSub] = b;
  const [pSub] = p;
  if (b.length !== 1 || p.length !== 1 || !bSub || !pSub || !isObject(bSub.node) || !isObject(pSub.node)) return void 0;
  const bRef = bSub.node.$ref;
  const pRef = pSub.node.$ref;
  if (typeof bRef !== "string" || typeof pRef !== "string") return void 0;
  const bTarget = d.base.resolveRef(bSub, bRef);
  const pTarget = d.pr.resolveRef(pSub, pRef);
  if (!bTarget || !pTarget || bTarget.file === pTarget.file && bTarget.pointer === pTarget.pointer) return void 0;
  if (!d.base.has(pTarget.file, pTarget.pointer)) return void 0;
  const inner = d.compareViews(viewOf(d.base, b, atOf(bSub)), viewOf(d.pr, p, atOf(pSub)));
  const at3 = atOf(d.pr.child(pSub, "$ref"));
  const out = d.collector();
  const firstBreaking = inner.firstBreaking;
  if (firstBreaking) {
    out.add(REF_STRICTER, at3, SAY.refStricter, pRef, bRef, firstBreaking);
  } else if (inner.semantic) {
    out.add(REF_LOOSER, at3, SAY.refLooser, pRef, bRef);
  } else return inner;
  return out.build();
}
function compareOpaque(d, b, p, out) {
  const before = new Set(b.opaque.map((entry) => entry.value));
  const after = new Set(p.opaque.map((entry) => entry.value));
  for (const entry of p.opaque) {
    if (before.has(entry.value)) continue;
    out.add(CHANGED, entry.at, SAY.opaqueRefAdded, entry.value);
  }
  for (const entry of b.opaque) {
    if (!after.has(entry.value)) out.add(REF_REMOVED, p.at, SAY.opaqueRefRemoved, entry.value);
  }
}

// src/checks/schema-diff/rules/strings.ts
var PATTERN_ADDED = "pattern-added";
var PATTERN_CHANGED = "pattern-changed";
var PATTERN_REMOVED = "pattern-removed";
var FORMAT_ADDED = "format-added";
var FORMAT_CHANGED = "format-changed";
var FORMAT_REMOVED = "format-removed";
var RULES2 = {
  pattern: { added: PATTERN_ADDED, changed: PATTERN_CHANGED, removed: PATTERN_REMOVED },
  format: { added: FORMAT_ADDED, changed: FORMAT_CHANGED, removed: FORMAT_REMOVED }
};
function compareStrings(b, p, keyword, before, after, out) {
  const old = before.filter((entry) => !after.some((e) => e.value === entry.value));
  const fresh = after.filter((entry) => !before.some((e) => e.value === entry.value));
  fresh.forEach((entry, index) => {
    const replaced = old[index];
    if (replaced) out.add(RULES2[keyword].changed, entry.at, SAY.stringChanged, keyword, entry.value, replaced.value);
    else out.add(RULES2[keyword].added, entry.at, SAY.stringAdded, keyword, entry.value);
  });
  for (const entry of old.slice(fresh.length)) {
    out.add(RULES2[keyword].removed, p.at, SAY.stringRemoved, keyword, entry.value);
  }
}

// src/checks/schema-diff/rules/types.ts
var TYPE_WIDENED = "type-widened";
var TYPE_NARROWED = "type-narrowed";
function compareTypes(b, p, out) {
  if (!p.type) {
    if (b.type) {
      out.add(TYPE_WIDENED, p.at, SAY.anyTypeAccepted, b.type.value);
    }
    return;
  }
  const now = p.type.value;
  const bTypes = typesOf(b);
  const lost = [...bTypes].filter((type) => !now.has(type) && !(type === "integer" && now.has("number")));
  const gained = [...now].filter((type) => !bTypes.has(type) && !(type === "integer" && bTypes.has("number")));
  if (lost.length > 0) {
    out.add(TYPE_NARROWED, p.type.at, SAY.typeNarrowed, lost, now, b.type !== void 0);
  }
  if (gained.length > 0) out.add(TYPE_WIDENED, p.type.at, SAY.typeWidened, gained);
}

// src/checks/schema-diff/rules/values.ts
var ENUM_NARROWED = "enum-narrowed";
var ENUM_WIDENED = "enum-widened";
var CONST_NARROWED = "const-narrowed";
var CONST_WIDENED = "const-widened";
function compareValues(b, p, out) {
  const pValues = p.values;
  const bValues = b.values;
  if (pValues) {
    const rule = pValues.kind === "const" ? CONST_NARROWED : ENUM_NARROWED;
    if (!bValues) {
      out.add(rule, pValues.at, SAY.valuesRestricted, pValues.value);
    } else {
      const allowed = new Set(pValues.value.map(canonical));
      const lost = bValues.value.filter((value) => !allowed.has(canonical(value)));
      const before = new Set(bValues.value.map(canonical));
      const gained = pValues.value.filter((value) => !before.has(canonical(value)));
      const renamed = pValues.kind === "enum" && bValues.kind === "enum" && lost.length === 1 && gained.length === 1;
      if (lost.length > 0) {
        out.addDetailed(renamed ? { kind: "value-renamed", from: lost[0], to: gained[0] } : void 0, rule, pValues.at, SAY.valuesNoLongerAllowed, lost);
      }
    }
  }
  if (bValues) {
    const rule = bValues.kind === "const" ? CONST_WIDENED : ENUM_WIDENED;
    if (!pValues) out.add(rule, p.at, SAY.valuesUnrestricted);
    else {
      const before = new Set(bValues.value.map(canonical));
      const gained = pValues.value.filter((value) => !before.has(canonical(value)));
      if (gained.length > 0) {
        out.add(rule, pValues.at, SAY.valuesNowAllowed, gained);
      }
    }
  }
}

// src/checks/schema-diff/catalogue.ts
var DRAFT_2020 = "https://json-schema.org/draft/2020-12/schema";
var object = (extra = {}) => ({ type: "object", ...extra });
var array = (extra = {}) => ({ type: "array", ...extra });
var string = (extra = {}) => ({ type: "string", ...extra });
var number = (extra = {}) => ({ type: "number", ...extra });
var in2020 = (schema) => ({ $schema: DRAFT_2020, ...schema });
var definitions = { a: string(), b: string({ maxLength: 1 }) };
function pair(breaking, compatible2, meaning, before, after, value) {
  const entries = [{ id: breaking, breaking: true, meaning: meaning[0], example: { before, after, value } }];
  if (compatible2 && meaning[1]) entries.push({ id: compatible2, breaking: false, meaning: meaning[1], example: { before: after, after: before, value } });
  return entries;
}
function compatible(id, meaning, before, after, value) {
  return { id, breaking: false, meaning, example: { before, after, value } };
}
var RULES3 = [
  ...pair(REQUIRED_ADDED, REQUIRED_REMOVED, ["a property becomes required", "a property is no longer required"], object(), object({ required: ["name"] }), {}),
  ...pair(
    PROPERTY_REMOVED,
    OPTIONAL_PROPERTY_ADDED,
    ["a property leaves `properties` where other properties are not allowed", "a new optional property on a closed object"],
    object({ properties: { a: {} }, additionalProperties: false }),
    object({ additionalProperties: false }),
    { a: 1 }
  ),
  compatible(PROPERTY_UNCONSTRAINED, "a property leaves `properties` where any property is allowed", object({ properties: { a: string() } }), object(), { a: 1 }),
  ...pair(
    ADDITIONAL_PROPERTIES_CLOSED,
    ADDITIONAL_PROPERTIES_OPENED,
    ["`additionalProperties: false` added", "`additionalProperties: false` removed"],
    object(),
    object({ additionalProperties: false }),
    { a: 1 }
  ),
  ...pair(
    PATTERN_PROPERTY_REMOVED,
    PATTERN_PROPERTY_ADDED,
    ["a `patternProperties` entry removed where other properties are not allowed", "a `patternProperties` entry added to a closed object"],
    object({ patternProperties: { "^x": {} }, additionalProperties: false }),
    object({ additionalProperties: false }),
    { x1: 1 }
  ),
  ...pair(
    DEPENDENT_REQUIRED_ADDED,
    DEPENDENT_REQUIRED_REMOVED,
    ["`dependentRequired` (or `dependencies` with names) asks for more", "`dependentRequired` asks for less"],
    in2020(object()),
    in2020(object({ dependentRequired: { a: ["b"] } })),
    { a: 1 }
  ),
  ...pair(
    DEPENDENT_SCHEMA_ADDED,
    DEPENDENT_SCHEMA_REMOVED,
    ["a `dependentSchemas` entry added", "a `dependentSchemas` entry removed"],
    in2020(object()),
    in2020(object({ dependentSchemas: { a: { required: ["b"] } } })),
    { a: 1 }
  ),
  ...pair(
    DEPENDENT_SCHEMA_TIGHTENED,
    DEPENDENT_SCHEMA_LOOSENED,
    ["a `dependentSchemas` entry checks more strictly", "a `dependentSchemas` entry checks less strictly"],
    in2020(object({ dependentSchemas: { a: {} } })),
    in2020(object({ dependentSchemas: { a: { required: ["b"] } } })),
    { a: 1 }
  ),
  ...pair(
    PROPERTY_NAMES_TIGHTENED,
    PROPERTY_NAMES_LOOSENED,
    ["`propertyNames` checks more strictly", "`propertyNames` checks less strictly"],
    object(),
    object({ propertyNames: { maxLength: 2 } }),
    { abc: 1 }
  ),
  ...pair(
    UNEVALUATED_PROPERTIES_CLOSED,
    UNEVALUATED_PROPERTIES_OPENED,
    ["`unevaluatedProperties: false` added", "`unevaluatedProperties: false` removed"],
    in2020(object()),
    in2020(object({ unevaluatedProperties: false })),
    { a: 1 }
  ),
  ...pair(MIN_PROPERTIES_TIGHTENED, MIN_PROPERTIES_LOOSENED, ["`minProperties` raised or added", "`minProperties` lowered or removed"], object(), object({ minProperties: 1 }), {}),
  ...pair(MAX_PROPERTIES_TIGHTENED, MAX_PROPERTIES_LOOSENED, ["`maxProperties` lowered or added", "`maxProperties` raised or removed"], object({ maxProperties: 2 }), object({ maxProperties: 1 }), { a: 1, b: 2 }),
  ...pair(
    TYPE_NARROWED,
    TYPE_WIDENED,
    ["fewer types accepted (`integer` counts as part of `number`)", "more types accepted"],
    { type: ["string", "number"] },
    { type: "string" },
    1
  ),
  ...pair(ENUM_NARROWED, ENUM_WIDENED, ["fewer `enum` values", "more `enum` values, or no `enum`"], { enum: ["a", "b"] }, { enum: ["a"] }, "b"),
  ...pair(CONST_NARROWED, CONST_WIDENED, ["a `const` added or changed", "a `const` removed"], {}, { const: "a" }, "b"),
  ...pair(
    MINIMUM_TIGHTENED,
    MINIMUM_LOOSENED,
    ["`minimum` or `exclusiveMinimum` (draft-04 boolean or later number) raised or added", "`minimum` or `exclusiveMinimum` lowered or removed"],
    number({ minimum: 0 }),
    number({ minimum: 1 }),
    0
  ),
  ...pair(
    MAXIMUM_TIGHTENED,
    MAXIMUM_LOOSENED,
    ["`maximum` or `exclusiveMaximum` lowered or added", "`maximum` or `exclusiveMaximum` raised or removed"],
    number({ maximum: 10 }),
    number({ maximum: 5 }),
    6
  ),
  ...pair(
    MULTIPLE_OF_TIGHTENED,
    MULTIPLE_OF_LOOSENED,
    ["a `multipleOf` that does not divide an old one", "a `multipleOf` removed"],
    number(),
    number({ multipleOf: 2 }),
    3
  ),
  ...pair(MIN_LENGTH_TIGHTENED, MIN_LENGTH_LOOSENED, ["`minLength` raised or added", "`minLength` lowered or removed"], string(), string({ minLength: 2 }), "a"),
  ...pair(MAX_LENGTH_TIGHTENED, MAX_LENGTH_LOOSENED, ["`maxLength` lowered or added", "`maxLength` raised or removed"], string({ maxLength: 3 }), string({ maxLength: 2 }), "abc"),
  ...pair(PATTERN_ADDED, PATTERN_REMOVED, ["a `pattern` added", "a `pattern` removed"], string(), string({ pattern: "^a" }), "b"),
  ...pair(PATTERN_CHANGED, void 0, ["a `pattern` changed"], string({ pattern: "^a" }), string({ pattern: "^b" }), "a"),
  ...pair(FORMAT_ADDED, FORMAT_REMOVED, ["a `format` added", "a `format` removed"], string(), string({ format: "date" }), "x"),
  ...pair(FORMAT_CHANGED, void 0, ["a `format` changed"], string({ format: "date" }), string({ format: "time" }), "2024-01-01"),
  ...pair(MIN_ITEMS_TIGHTENED, MIN_ITEMS_LOOSENED, ["`minItems` raised or added", "`minItems` lowered or removed"], array(), array({ minItems: 1 }), []),
  ...pair(MAX_ITEMS_TIGHTENED, MAX_ITEMS_LOOSENED, ["`maxItems` lowered or added", "`maxItems` raised or removed"], array({ maxItems: 2 }), array({ maxItems: 1 }), [1, 2]),
  ...pair(UNIQUE_ITEMS_ADDED, UNIQUE_ITEMS_REMOVED, ["`uniqueItems: true` added", "`uniqueItems: true` removed"], array(), array({ uniqueItems: true }), [1, 1]),
  ...pair(
    ADDITIONAL_ITEMS_CLOSED,
    ADDITIONAL_ITEMS_OPENED,
    ["no items accepted past the positional ones (`additionalItems`/`items: false`)", "items accepted past the positional ones"],
    array({ items: [{}] }),
    array({ items: [{}], additionalItems: false }),
    [1, 2]
  ),
  ...pair(CONTAINS_ADDED, CONTAINS_REMOVED, ["a `contains` added", "a `contains` removed"], array(), array({ contains: { const: 1 } }), []),
  ...pair(
    CONTAINS_TIGHTENED,
    CONTAINS_LOOSENED,
    ["the item `contains` asks for is checked more strictly", "the item `contains` asks for is checked less strictly"],
    array({ contains: number() }),
    array({ contains: number({ minimum: 5 }) }),
    [1]
  ),
  ...pair(
    MIN_CONTAINS_TIGHTENED,
    MIN_CONTAINS_LOOSENED,
    ["`minContains` raised or added", "`minContains` lowered or removed"],
    in2020(array({ contains: { const: 1 } })),
    in2020(array({ contains: { const: 1 }, minContains: 2 })),
    [1]
  ),
  ...pair(
    MAX_CONTAINS_TIGHTENED,
    MAX_CONTAINS_LOOSENED,
    ["`maxContains` lowered or added", "`maxContains` raised or removed"],
    in2020(array({ contains: { const: 1 }, maxContains: 2 })),
    in2020(array({ contains: { const: 1 }, maxContains: 1 })),
    [1, 1]
  ),
  ...pair(
    UNEVALUATED_ITEMS_CLOSED,
    UNEVALUATED_ITEMS_OPENED,
    ["`unevaluatedItems: false` added", "`unevaluatedItems: false` removed"],
    in2020(array()),
    in2020(array({ unevaluatedItems: false })),
    [1]
  ),
  ...pair(
    BRANCH_REMOVED,
    BRANCH_ADDED,
    ["a `oneOf`/`anyOf` alternative removed", "a `oneOf`/`anyOf` alternative added"],
    { anyOf: [string(), number()] },
    { anyOf: [string()] },
    1
  ),
  {
    id: ALTERNATIVES_NARROWED,
    breaking: true,
    meaning: "a value must now match one of several `oneOf`/`anyOf` alternatives that together accept less than before; the message lists every form, since a value that fails one may match another",
    example: { before: {}, after: { oneOf: [{ type: "integer", minimum: 0, maximum: 2 }, { enum: ["off", "warn", "error"] }, array()] }, value: true }
  },
  compatible(ONE_OF_RELAXED, "`oneOf` became `anyOf`", { oneOf: [number(), { type: "integer" }] }, { anyOf: [number(), { type: "integer" }] }, 1),
  ...pair(
    SCHEMA_FALSE,
    SCHEMA_OPENED,
    ["a schema becomes `false`", "a `false` schema becomes `true` (or any schema)"],
    object({ properties: { x: true } }),
    object({ properties: { x: false } }),
    { x: 1 }
  ),
  ...pair(
    REF_STRICTER,
    REF_LOOSER,
    ["a `$ref` switched to a definition that accepts less", "a `$ref` switched to a definition that accepts more"],
    object({ properties: { x: { $ref: "#/definitions/a" } }, definitions }),
    object({ properties: { x: { $ref: "#/definitions/b" } }, definitions }),
    { x: "ab" }
  ),
  compatible(REF_REMOVED, "a `$ref` that compat-gate cannot load removed", { $ref: "other.json" }, {}, 1),
  ...pair(
    CHANGED,
    NOT_REMOVED,
    [
      "what compat-gate cannot classify with confidence: a new or changed `not` or `if`, a new `oneOf` alternative that may overlap another, `anyOf` to `oneOf`, a `$ref` it cannot load",
      "a `not` removed"
    ],
    {},
    { not: { const: 1 } },
    1
  ),
  compatible(CONDITIONAL_REMOVED, "an `if`/`then`/`else` removed", { if: number(), then: { minimum: 5 } }, {}, 1),
  compatible(
    ANNOTATION_CHANGED,
    "`title`, `description`, `examples`, `default`, `$comment` or an unknown keyword changed",
    { title: "Port" },
    { title: "Port number" },
    1
  )
];
var SEVERITIES = new Map(RULES3.map((rule) => [rule.id, rule.breaking ? "breaking" : "compatible"]));
function severityOf(rule) {
  const severity = SEVERITIES.get(rule);
  if (severity === void 0) throw new Error(`The schema-diff rule \`${rule}\` is not in the rule catalogue.`);
  return severity;
}

// src/checks/schema-diff/compare.ts
function diffSchemas(base, pr) {
  try {
    return diffResolved(base, pr);
  } catch (error) {
    if (!isStackOverflow2(error)) throw error;
    throw new GateError(`The schemas ${base.file} of the base and ${pr.file} of the PR cannot be compared: they nest too deeply (${error.message}).`, FLATTEN_HINT);
  }
}
function diffResolved(base, pr) {
  const differ = new Differ(new Side(base), new Side(pr));
  const bRoot = differ.base.root();
  const pRoot = differ.pr.root();
  const placed = place(differ.compareSubs([bRoot], [pRoot], atOf(bRoot), atOf(pRoot)), (pair2) => differ.compareSubs(pair2.b, pair2.p, pair2.bAt, pair2.pAt));
  const seen = /* @__PURE__ */ new Set();
  const changes = [];
  for (const { delta, path: path2 } of placed) {
    const instancePath = renderPath(path2);
    const change = {
      severity: delta.severity,
      rule: delta.rule,
      instancePath,
      message: capitalise(delta.say(placeOf(instancePath))),
      file: delta.at.file,
      schemaPointer: delta.at.pointer,
      ...delta.detail ? { detail: delta.detail } : {}
    };
    const key = JSON.stringify(change);
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push(change);
  }
  return changes.sort(
    (a, b) => Number(a.severity !== "breaking") - Number(b.severity !== "breaking") || compareText(a.instancePath, b.instancePath) || compareText(a.rule, b.rule) || compareText(a.file, b.file) || compareText(a.schemaPointer, b.schemaPointer)
  );
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var MAX_DEPTH = 48;
var Differ = class {
  constructor(base, pr) {
    this.base = base;
    this.pr = pr;
  }
  base;
  pr;
  memo = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  /** A collector of changes whose severities are the rule catalogue's. */
  collector() {
    return new Collector(severityOf);
  }
  /** Compares the conjunction of `b` (base) with the conjunction of `p` (PR); an empty list means `true`. */
  compareSubs(b, p, bAt, pAt) {
    const key = this.pairKey({ b, p, bAt, pAt });
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (this.active.has(key)) return EMPTY;
    if (this.active.size >= MAX_DEPTH) {
      const deferred = this.collector();
      deferred.defer({ b, p, bAt, pAt });
      return deferred.build();
    }
    this.active.add(key);
    try {
      const result = compareRefs(this, b, p) ?? this.compareViews(viewOf(this.base, b, bAt), viewOf(this.pr, p, pAt));
      this.memo.set(key, result);
      return result;
    } finally {
      this.active.delete(key);
    }
  }
  pairKey(pair2) {
    const side = (which, subs, fallback) => {
      if (subs.length > 0) return subs.map((sub) => which.idOf(sub.node)).join(",");
      return which === this.base ? "true" : `@${fallback.file}#${fallback.pointer}`;
    };
    return `${side(this.base, pair2.b, pair2.bAt)}|${side(this.pr, pair2.p, pair2.pAt)}`;
  }
  compareViews(b, p) {
    const out = this.collector();
    if (b.never) {
      if (!p.never) out.add(SCHEMA_OPENED, p.at, SAY.schemaOpened);
      return out.build();
    }
    if (p.never) {
      out.add(SCHEMA_FALSE, p.never, SAY.schemaFalse);
      return out.build();
    }
    if (b.groups.length === 0 !== (p.groups.length === 0)) {
      const [bGroup] = b.groups;
      const [pGroup] = p.groups;
      compareBranches(
        this,
        out,
        bGroup ? distribute(b, bGroup) : [b],
        bGroup?.kind ?? "anyOf",
        pGroup ? distribute(p, pGroup) : [p],
        pGroup?.kind ?? "anyOf",
        pGroup?.at ?? p.at
      );
      return out.build();
    }
    this.compareOwn(out, b, p);
    const branches = (side, group) => group.branches.map((branch) => ({ ...viewOf(side, [branch], atOf(branch)), origin: originOf(side, branch) }));
    for (let index = 0; index < Math.max(b.groups.length, p.groups.length); index++) {
      const bGroup = b.groups[index];
      const pGroup = p.groups[index];
      compareBranches(
        this,
        out,
        bGroup ? branches(this.base, bGroup) : [emptyView(this.base, b.at)],
        bGroup?.kind ?? "anyOf",
        pGroup ? branches(this.pr, pGroup) : [emptyView(this.pr, p.at)],
        pGroup?.kind ?? "anyOf",
        pGroup?.at ?? p.at
      );
    }
    return out.build();
  }
  /** Every keyword but `oneOf`/`anyOf`. */
  compareOwn(out, b, p) {
    const bTypes = typesOf(b);
    const may = (type) => bTypes.has(type) || type === "integer" && bTypes.has("number");
    compareTypes(b, p, out);
    compareValues(b, p, out);
    if (may("number") || may("integer")) compareNumbers(b, p, out);
    if (may("string")) {
      compareCounts(b, p, ["minLength", "maxLength"], out);
      compareStrings(b, p, "pattern", b.patterns, p.patterns, out);
    }
    compareStrings(b, p, "format", b.formats, p.formats, out);
    if (may("object")) compareObjects(this, b, p, out);
    if (may("array")) compareArrays(this, b, p, out);
    compareNots(this, b, p, out);
    compareConditionals(this, b, p, out);
    compareOpaque(this, b, p, out);
    compareAnnotations(b, p, out);
  }
  /** `unevaluatedProperties`/`unevaluatedItems`: closing is breaking, opening compatible, else compare the schemas. */
  compareClosable(bSubs, pSubs, bAt, pAt, rule, what, out) {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const bNever = viewOf(this.base, bSubs, bAt).never !== void 0;
    const pNever = viewOf(this.pr, pSubs, pAt).never !== void 0;
    const at3 = pSubs[0] ? atOf(pSubs[0]) : pAt;
    if (!bNever && pNever) out.add(rule.closed, at3, SAY.closableClosed, what);
    else if (bNever && !pNever) out.add(rule.opened, at3, SAY.closableOpened, what);
    else if (!bNever) out.include([ANY], this.compareSubs(bSubs, pSubs, bAt, pAt));
  }
  /** A subschema whose changes are told as one: stricter (breaking) or looser (compatible). */
  summarise(bSubs, pSubs, bAt, pAt, rule, what, out) {
    if (bSubs.length === 0 && pSubs.length === 0) return;
    const inner = this.compareSubs(bSubs, pSubs, bAt, pAt);
    const at3 = pSubs[0] ? atOf(pSubs[0]) : pAt;
    if (inner.breaking > 0) out.add(rule.tightened, at3, SAY.checkedMoreStrictly, what, inner.breakingRules);
    else if (inner.semantic) out.add(rule.loosened, at3, SAY.checkedLessStrictly, what, inner.semanticRules);
  }
};

// src/checks/attribution.ts
function attributeSchemaChanges(run) {
  const { schemaChanges, ...rest } = run;
  if (!schemaChanges) return rest;
  const broken = [
    ...run.base.configs.filter((config) => config.status === ConfigStatus.Broken),
    ...run.releases.flatMap((release) => release.configs.filter((config) => config.status === DriftStatus.New))
  ];
  const matched = schemaChanges.map((change) => ({
    change,
    configs: broken.filter(
      (config) => config.findings.some((finding) => finding.layer === "schema" && finding.pointer !== void 0 && changeMatches(change, finding.pointer))
    )
  }));
  const failing = run.base.configs.filter((config) => config.status === ConfigStatus.FailingOnBase);
  const shows = (change, config) => config.findings.some((finding) => finding.layer === "schema" && finding.pointer !== void 0 && changeMatches(change, finding.pointer)) && !(config.baseFindings ?? []).some((finding) => finding.layer === "schema" && finding.pointer !== void 0 && changeMatches(change, finding.pointer));
  const causesOf = (config) => [
    ...new Set(matched.filter((entry) => entry.change.severity === "breaking" && entry.configs.includes(config)).map((entry) => entry.change.message))
  ];
  return {
    ...rest,
    base: {
      ...rest.base,
      configs: run.base.configs.map((config) => {
        const causes = config.status === ConfigStatus.Broken ? causesOf(config) : [];
        return causes.length ? { ...config, causes } : config;
      })
    },
    schemaChanges: matched.map(({ change, configs }) => {
      const shownBy = change.severity === "breaking" && configs.length === 0 ? failing.filter((config) => shows(change, config)).map((config) => config.path) : [];
      return { ...change, configs: [...new Set(configs.map((config) => config.path))], ...shownBy.length ? { shownBy: [...new Set(shownBy)] } : {} };
    })
  };
}
function withMigrations(run, migrations) {
  const attach = (config, found2) => {
    const migration = found2?.get(config.path);
    return migration ? { ...config, migration } : config;
  };
  const releases = run.releases.map((release, index) => ({ ...release, configs: release.configs.map((config) => config.status === DriftStatus.New ? attach(config, migrations[index + 1]) : config) }));
  return {
    ...run,
    base: { ...run.base, configs: run.base.configs.map((config) => config.status === ConfigStatus.Broken ? attach(config, migrations[0]) : config) },
    releases
  };
}

// src/checks/nothing-checked.ts
function nothingToLoad() {
  return new GateError(
    (n) => `None of the ${n.setting("schema")}, the ${n.setting("loader")} and the ${n.setting("suite")} is set: there is nothing to load the configs with.`,
    (n) => `Set the ${n.setting("schema")} (a JSON Schema file), the ${n.setting("loader")} (a command), the ${n.setting("suite")} (a test command), or several.`
  );
}
var LOADER_CONFIRM_SAMPLE = 3;
var QUOTED_CHARS = 500;
async function nothingCollected(git, context, collected, base, matchesGlobs, notes) {
  const at3 = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  const patterns = describePatterns(context.patterns);
  const { configs, skipped } = collected;
  if (configs.some((config) => config.read.ok)) return void 0;
  if (configs.length > 0 || skipped.length > 0) {
    if (context.shard) return void 0;
    const first = configs.find((config) => !config.read.ok);
    const reason = first && !first.read.ok ? `\`${first.path}\`: ${first.read.message}` : `\`${skipped[0].path}\` is ${skipped[0].reason}`;
    const total = configs.length + skipped.length;
    throw new GateError(
      `Nothing could be checked: none of the ${total} ${total === 1 ? "file" : "files"} matching the \`configs\` patterns (${patterns}) on ${at3} could be read as a config; the first: ${reason}.`,
      "Make the patterns match the config files themselves (YAML, JSON, TOML), not links, submodules or files kept in Git LFS; or fix the files so that they parse."
    );
  }
  if (context.shard) {
    const onBase = (await git.lsTree(base.sha)).some((entry) => entry.type === "blob" && matchesGlobs(entry.path));
    if (onBase) {
      notes.push(`No file of shard ${context.shard.index}/${context.shard.total} in ${at3} matches the \`configs\` patterns (${patterns}): nothing was checked in this shard.`);
      return void 0;
    }
  }
  const head = await git.tryResolveCommit("HEAD");
  const inPr = head ? (await git.lsTree(head, { sizes: false })).filter((entry) => entry.type === "blob" && matchesGlobs(entry.path)) : [];
  const checkout = `the PR checkout (${context.repositoryRoot}${head ? ` at ${head.slice(0, 12)}` : ""})`;
  if (inPr.length === 0) {
    throw new GateError(
      `Nothing was checked: no file matches the \`configs\` patterns (${patterns}) on ${at3}, nor in ${checkout}.`,
      "Check the patterns for a typo: they match paths from the repository root (not from `working-directory`), e.g. `config/**/*.yaml`; `!pattern` leaves paths out."
    );
  }
  notes.push(
    `No file on ${at3} matches the \`configs\` patterns (${patterns}); this PR adds the first ${inPr.length === 1 ? "config" : `${inPr.length} configs`} (\`${inPr[0].path}\`${inPr.length > 1 ? ", \u2026" : ""}). There is nothing older to break, so nothing was judged.`
  );
  return inPr.length;
}
function noConfigNote(patterns, ref, role, shard) {
  return `No file in the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) matches the \`configs\` patterns (${describePatterns(patterns)})${shard ? ` in shard ${shard.index}/${shard.total}` : ""}: nothing was checked there.`;
}
async function nothingAccepted(layer, readable, onPr, onBase, refLabel, readOptions, where, contended) {
  const rejectedBy = (side) => (config) => side.get(config)?.some((finding2) => finding2.layer === layer) ?? false;
  const tried = readable.filter(rejectedBy(onPr));
  if (tried.length === 0 || !tried.every(rejectedBy(onBase))) return void 0;
  const others = readable.filter((config) => !rejectedBy(onPr)(config));
  const sample = layer === "schema" ? others : others.slice(0, LOADER_CONFIRM_SAMPLE);
  if (sample.length > 0) {
    await onBase.run(sample, refLabel);
    if (!sample.every(rejectedBy(onBase))) return void 0;
  }
  const checked = [...tried, ...sample];
  const first = checked[0];
  const finding = onBase.get(first).find((found2) => found2.layer === layer);
  if (layer === "loader") {
    const portOrLock = contended ? contention(checked.flatMap((config) => onBase.get(config) ?? []), contended.loaderJobs, contended.retriedAlone()) : void 0;
    return new GateError(
      `The loader loaded none of ${checked.length} ${checked.length === 1 ? "config" : "configs"} of the base with the base's own code (${where}); the first message, for \`${first.path}\`: ${clip(finding.message)}`,
      portOrLock ?? "Check that the loader's dependencies are installed in this job before compat-gate runs (the base's loader runs with the same interpreter and packages as the PR's), and that the command and the paths it names exist on the base: it runs from `working-directory` in a copy of the base's tree."
    );
  }
  const cause = yamlCause(checked, onBase, readOptions);
  return new GateError(
    `The schema of ${where} rejects every one of the ${checked.length} ${checked.length === 1 ? "config" : "configs"} of the base: the PR cannot be compared with the base in the schema layer. The first error, in \`${first.path}\`${finding.pointer ? ` at \`${finding.pointer}\`` : ""}: ${clip(finding.message)}`,
    cause ?? "Check that `schema` names the schema these configs follow (on the base too), that the `configs` patterns match only such configs, and that `yaml-version` reads the configs as the loader does."
  );
}
function yamlCause(configs, onBase, readOptions) {
  for (const config of configs) {
    for (const finding of onBase.get(config) ?? []) {
      if (finding.layer !== "schema" || finding.pointer === void 0 || finding.target === "key") continue;
      const difference = yamlVersionDifference(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer);
      if (difference) {
        return `Likely cause: the configs use values that YAML 1.1 and 1.2 read differently (\`${config.path}\` at \`${finding.pointer}\`): ${yamlVersionHint(difference)}.`;
      }
    }
  }
  return void 0;
}
function clip(text) {
  const line = text.replace(/\s*\r?\n\s*/g, " ").trim();
  return line.length > QUOTED_CHARS ? `${line.slice(0, QUOTED_CHARS - 1)}\u2026` : line;
}
function describePatterns(patterns) {
  return [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((p) => `\`${p}\``).join(", ");
}
function contention(findings, loaderJobs, retriedAlone = 0) {
  const hit = findings.find((finding) => finding.layer === "loader" && PORT_OR_LOCK.test(finding.message));
  if (!hit) return void 0;
  const words = PORT_OR_LOCK.exec(hit.message)[0];
  if (loaderJobs === 1 || retriedAlone > 0) {
    return `The loader says \`${words}\` though no other loader process ran beside it: something outside compat-gate holds that port or lock (a service started in an earlier step?). Free it before compat-gate runs.`;
  }
  return `The loader says \`${words}\`: its processes, which run side by side, fought over a port or a lock, so the verdict would depend on which one won. Set \`loader-jobs: 1\` (the CLI's \`--loader-jobs 1\`) so that one loader process runs at a time.`;
}

// src/configs/follow.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/configs/moves.ts
function foldersOf(path2) {
  const parts = path2.split("/");
  parts.pop();
  return parts;
}
function directoryRenames(step) {
  const counts = /* @__PURE__ */ new Map();
  const left = /* @__PURE__ */ new Map();
  for (const { from, to } of step.renames) {
    const folders = foldersOf(from);
    for (let depth = folders.length; depth > 0; depth--) {
      const folder = folders.slice(0, depth).join("/");
      if (to.startsWith(`${folder}/`)) break;
      left.set(folder, (left.get(folder) ?? 0) + 1);
    }
    const a = folders;
    const b = foldersOf(to);
    for (let i = a.length, j = b.length; i > 0; i--, j--) {
      const oldFolder = a.slice(0, i).join("/");
      const newFolder = b.slice(0, j).join("/");
      if (oldFolder === newFolder) break;
      const targets = counts.get(oldFolder) ?? /* @__PURE__ */ new Map();
      targets.set(newFolder, (targets.get(newFolder) ?? 0) + 1);
      counts.set(oldFolder, targets);
      if (j === 0 || a[i - 1] !== b[j - 1]) break;
    }
  }
  const moved = /* @__PURE__ */ new Map();
  for (const [folder, targets] of counts) {
    const [best, second] = [...targets].sort((x, y) => y[1] - x[1]);
    if (!best || second && second[1] === best[1]) continue;
    if (best[1] * 2 <= (left.get(folder) ?? 0)) continue;
    if (step.remaining && best[1] <= step.remaining(folder)) continue;
    moved.set(folder, best[0]);
  }
  return moved;
}
function throughMovedFolders(path2, moved) {
  const folders = foldersOf(path2);
  for (let depth = folders.length; depth > 0; depth--) {
    const target = moved.get(folders.slice(0, depth).join("/"));
    if (target !== void 0) return [target, ...folders.slice(depth), path2.slice(path2.lastIndexOf("/") + 1)].filter(Boolean).join("/");
  }
  return void 0;
}
function renamesOfStep(step) {
  const folders = directoryRenames(step);
  const renames = new Map(step.renames.map(({ from, to }) => [from, to]));
  const taken = new Set(step.renames.map(({ to }) => to));
  const added = new Set(step.added);
  for (const path2 of step.deleted) {
    const target = throughMovedFolders(path2, folders);
    if (target !== void 0 && added.has(target) && !taken.has(target) && !renames.has(path2)) {
      renames.set(path2, target);
      taken.add(target);
    }
  }
  return { renames, folders };
}
function tracePaths(paths, steps) {
  const traced = /* @__PURE__ */ new Map();
  for (const path2 of paths) traced.set(path2, { path: path2, gone: false, trail: [path2] });
  const go = (entry, to) => {
    entry.path = to;
    if (!entry.trail.includes(to)) entry.trail.push(to);
  };
  for (const step of steps) {
    const { renames, folders } = renamesOfStep(step);
    const deleted = new Set(step.deleted);
    for (const entry of traced.values()) {
      const before = entry.path;
      const withFolder = throughMovedFolders(before, folders);
      if (withFolder !== void 0 && !entry.trail.includes(withFolder)) entry.trail.push(withFolder);
      if (entry.gone) {
        if (withFolder !== void 0) entry.path = withFolder;
        continue;
      }
      const to = renames.get(before);
      if (to !== void 0) go(entry, to);
      else if (deleted.has(before)) {
        entry.gone = true;
        if (withFolder !== void 0) entry.path = withFolder;
      }
    }
  }
  return traced;
}

// src/configs/follow.ts
var MAX_NEAREST = 5;
var HISTORY_LIMIT = 512;
var FIRST_DEEPEN = 64;
async function followMoves(git, commit, head, matches, patterns) {
  const [oldTree, headTree] = await Promise.all([git.lsTree(commit), git.lsTree(head, { sizes: false })]);
  const oldPaths = oldTree.filter((entry) => entry.type !== "tree").map((entry) => entry.path);
  const oldSet = new Set(oldPaths);
  const headPaths = new Set(headTree.filter((entry) => entry.type !== "tree").map((entry) => entry.path));
  const settled = oldPaths.every((path2) => headPaths.has(path2) || !matches(path2)) && [...headPaths].every((path2) => oldSet.has(path2) || !matches(path2));
  if (settled) return { movedTo: /* @__PURE__ */ new Map(), noPathToday: /* @__PURE__ */ new Map(), history: "not-needed" };
  const renames = await git.renames(commit, head);
  const renamedFrom = new Set(renames.map(({ from }) => from));
  const renamedTo = new Set(renames.map(({ to }) => to));
  const deleted = oldPaths.filter((path2) => !headPaths.has(path2) && !renamedFrom.has(path2));
  const added = [...headPaths].filter((path2) => !oldSet.has(path2) && !renamedTo.has(path2));
  const final = tracePaths(oldPaths, [{ renames, deleted, added, remaining: filesUnder(headPaths) }]);
  const resolved = (entry) => entry !== void 0 && !entry.gone && headPaths.has(entry.path);
  const satInGlobs = (entry) => entry.trail.some(matches);
  const targets = new Set([...final.values()].filter(resolved).map((entry) => entry.path));
  const orphans = added.filter((path2) => matches(path2) && !targets.has(path2));
  const named = namedLikeConfigs(patterns);
  const open = orphans.length === 0 ? [] : [...final].filter(([, entry]) => !resolved(entry) && (satInGlobs(entry) || named(baseName(entry.path)))).map(([path2]) => path2);
  let history = "not-needed";
  if (open.length > 0) {
    const steps = await firstParentChanges(git, commit, head);
    history = steps ? "walked" : "unavailable";
    for (const [path2, entry] of tracePaths(open, steps ?? [])) {
      const before = final.get(path2);
      if (resolved(entry)) final.set(path2, entry);
      else before.trail.push(...entry.trail.filter((step) => !before.trail.includes(step)));
    }
  }
  const movedTo = /* @__PURE__ */ new Map();
  const noPathToday = /* @__PURE__ */ new Map();
  for (const [path2, entry] of final) {
    if (resolved(entry)) {
      if (entry.path === path2) continue;
      if (matches(entry.path)) movedTo.set(path2, entry.path);
      else if (satInGlobs(entry)) noPathToday.set(path2, { why: "outside-globs", to: entry.path });
    } else if (satInGlobs(entry)) noPathToday.set(path2, { why: "deleted" });
  }
  return { movedTo, noPathToday, history };
}
function namedLikeConfigs(patterns) {
  const names = patterns.include.map((pattern) => pattern.split("/").pop() ?? pattern).filter((name) => name !== "**");
  if (names.length === 0) return () => false;
  return (0, import_picomatch.default)(names, { dot: true });
}
function filesUnder(paths) {
  const counts = /* @__PURE__ */ new Map();
  for (const path2 of paths) {
    for (let slash = path2.indexOf("/"); slash >= 0; slash = path2.indexOf("/", slash + 1)) {
      const folder = path2.slice(0, slash);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  return (folder) => counts.get(folder) ?? 0;
}
function baseName(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
async function firstParentChanges(git, commit, head) {
  if ((await git.tryParents(head))?.[0] === commit) return [];
  let steps = await git.tryFirstParentChanges(commit, head, HISTORY_LIMIT);
  if (steps || !await git.isShallow()) return steps;
  for (const depth of [FIRST_DEEPEN, HISTORY_LIMIT]) {
    if (!await git.tryDeepen(head, depth)) return void 0;
    steps = await git.tryFirstParentChanges(commit, head, HISTORY_LIMIT);
    if (steps) return steps;
  }
  return void 0;
}
async function listFollowingMoves(git, commit, head, matches, options, inSlice, patterns) {
  const moves = head && head !== commit ? await followMoves(git, commit, head, matches, patterns ?? { include: [], exclude: [] }) : { movedTo: /* @__PURE__ */ new Map(), noPathToday: /* @__PURE__ */ new Map(), history: "not-needed" };
  const { movedTo, noPathToday } = moves;
  const wanted = (path2) => (matches(path2) || movedTo.has(path2) || noPathToday.has(path2)) && (!inSlice || inSlice(movedTo.get(path2) ?? path2));
  return { ...await listConfigs(git, commit, wanted, options), commit, movedTo, noPathToday, history: moves.history };
}
async function fetchListed(git, listed, known, parseAs, onParsed) {
  return { ...await fetchConfigs(git, listed, known, parseAs, onParsed), commit: listed.commit, movedTo: listed.movedTo, noPathToday: listed.noPathToday, history: listed.history };
}
async function parseFollowing(git, fetched, patterns, options, known, onParsed) {
  const { commit, movedTo, noPathToday } = fetched;
  const collected = await parseConfigs(git, fetched, options, known, onParsed);
  let moved = 0;
  for (const config of collected.configs) {
    const now = movedTo.get(config.path);
    if (now !== void 0 && now !== config.path) {
      config.currentPath = now;
      moved += 1;
    }
    const gone = noPathToday.get(config.path);
    if (gone) config.noPathToday = gone;
  }
  const { history } = fetched;
  if (collected.configs.length > 0 || collected.skipped.length > 0) return { ...collected, moved, history };
  const paths = (await git.lsTree(commit)).filter((entry) => entry.type === "blob").map((entry) => entry.path);
  return { ...collected, moved, history, nearest: nearestPaths(paths, patterns) };
}
function nearestPaths(paths, patterns) {
  const names = patterns.include.map((pattern) => pattern.split("/").pop() ?? pattern).filter((name) => name !== "**");
  const nameMatches = names.length ? (0, import_picomatch.default)(names, { dot: true }) : void 0;
  const byName = nameMatches ? paths.filter((path2) => nameMatches(path2.slice(path2.lastIndexOf("/") + 1))) : [];
  if (byName.length > 0) return [...byName].sort().slice(0, MAX_NEAREST);
  const near = /* @__PURE__ */ new Set();
  for (const pattern of patterns.include) {
    const literal = pattern.split("/").slice(0, -1);
    const cut = literal.findIndex((part) => import_picomatch.default.scan(part).isGlob);
    const folders = cut < 0 ? literal : literal.slice(0, cut);
    for (let depth = folders.length; depth >= 0; depth--) {
      const prefix = folders.slice(0, depth).join("/");
      const inside = paths.filter((path2) => prefix ? path2.startsWith(`${prefix}/`) : true);
      if (inside.length > 0 && depth > 0) {
        for (const path2 of inside.sort().slice(0, MAX_NEAREST)) near.add(path2);
        break;
      }
    }
  }
  return [...near].sort().slice(0, MAX_NEAREST);
}

// src/checks/run-notes.ts
function refNotes(collected, ref, role) {
  const skippedWhy = skippedNote(collected, `the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)})`);
  return [...skippedWhy ? [skippedWhy] : [], ...movesNote(collected, ref, role)];
}
function movesNote(collected, ref, role) {
  const notes = [];
  const moved = collected.configs.filter((config) => config.currentPath);
  if (role === "base" && moved.length > 0) {
    const shown = moved.slice(0, 3).map((config) => `\`${config.path}\` \u2192 \`${config.currentPath}\``).join(", ");
    notes.push(
      `This PR moves ${moved.length === 1 ? "1 config" : `${moved.length} configs`} (${shown}${moved.length > 3 ? `, and ${moved.length - 3} more` : ""}): each is judged at its path on the base \`${ref.ref}\`, with the PR's code.`
    );
  }
  const gone = collected.configs.filter((config) => config.noPathToday).length;
  if (collected.history === "unavailable") {
    const why = `the first-parent history from it to the PR is not at hand within ${HISTORY_LIMIT} commits, or it is not on that history (a release tagged on another branch)`;
    notes.push(
      gone > 0 ? `${gone === 1 ? "1 config" : `${gone} configs`} of the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) ${gone === 1 ? "has" : "have"} no path today. Moves were found by comparing its tree with the PR's and by the folders that moved, not commit by commit: ${why}.` : `Moves since the ${role} \`${ref.ref}\` (${ref.sha.slice(0, 12)}) were found by comparing its tree with the PR's and by the folders that moved, not commit by commit (${why}): a config that was moved into the \`configs\` globs and rewritten since may be missing from its configs.`
    );
  }
  return notes;
}
function nearestNote(nearest) {
  return nearest?.length ? ` The nearest paths it has: ${nearest.map((path2) => `\`${path2}\``).join(", ")}.` : "";
}
function suiteMatchedNothing(patterns, configs) {
  const globs = [...patterns.include, ...patterns.exclude.map((pattern) => `!${pattern}`)].map((glob) => `\`${glob}\``).join(", ");
  return new GateError(
    (n) => `The ${n.setting("suite-configs")} (${globs}) names none of the ${configs} configs read from the base and the releases: the suite ran on nothing.`,
    (n) => `Give globs that match paths the ${n.setting("configs")} match (the suite runs on a subset of them), or leave the ${n.setting("suite-configs")} out to run it on every config.`
  );
}
function suiteNotes(suite, timeoutBudget, workingDirectory) {
  const notes = [];
  if (suite.leftOut.length) {
    notes.push(
      `The suite timed out on ${timeoutBudget} configs with the PR's code, so it was not run on the ${suite.leftOut.length} left: ${suite.leftOut.slice(0, 5).map((path2) => `\`${path2}\``).join(", ")}${suite.leftOut.length > 5 ? ", \u2026" : ""}. Each of those that timed out is broken or undecided, so the verdict does not rest on the ones left out.`
    );
  }
  if (suite.sawPrCheckout.length) {
    notes.push(
      `The base's suite printed paths in the PR checkout (${workingDirectory}) on ${suite.sawPrCheckout.map((path2) => `\`${path2}\``).slice(0, 3).join(", ")}: it may have run the PR's code (an editable install, \`pip install -e .\`, points there). Put the tree's own code first in the command, e.g. \`PYTHONPATH=src pytest \u2026\`: the base's suite runs in a copy of the base's tree.`
    );
  }
  return notes;
}
function loaderNotes(refused, loaderJobs, retried) {
  const contended = contention(refused, loaderJobs, retried);
  if (contended) return [contended];
  if (!retried) return [];
  return [
    `${retried === 1 ? "A loader process" : `${retried} loader processes`} lost a port or a lock to another loader process running beside ${retried === 1 ? "it" : "them"}, and ${retried === 1 ? "was" : "were"} run again alone, so that the verdict does not depend on which one won. Set \`loader-jobs: 1\` (the CLI's \`--loader-jobs 1\`) to run one loader process at a time from the start.`
  ];
}

// src/checks/schemas.ts
import { isAbsolute, relative, resolve, sep } from "node:path";
function beginPrSchema(options) {
  const prSource = prCheckout(options);
  const prSchema = (async () => options.schema ? compileSchema(repositoryPath(options, options.schema, "schema"), prSource, options) : void 0)();
  return { prSchema, prSource };
}
function prCheckout(options) {
  return workspaceSource(options.repositoryRoot, "the PR checkout");
}
async function openSchemas(git, options, base, notes, begun) {
  const path2 = options.schema ? repositoryPath(options, options.schema, "schema") : void 0;
  const at3 = `the base \`${base.ref}\` (${base.sha.slice(0, 12)})`;
  const prSource = begun?.prSource ?? prCheckout(options);
  const baseSource = gitSource(git, base.sha, at3);
  const pr = path2 ? await (begun?.prSchema ?? compileSchema(path2, prSource, options)) : void 0;
  const baseFile = path2 ? await findBaseSchema(git, baseSource, base, path2, options, notes) : void 0;
  return { path: path2, pr, baseFile, prSource, baseSource, at: at3 };
}
async function findBaseSchema(git, source, base, schemaPath, options, notes) {
  if (await source.read(schemaPath)) return { path: schemaPath, moved: false };
  const head = await git.tryResolveCommit("HEAD");
  const old = head ? await git.tryRenamedFrom(base.sha, head, schemaPath) : void 0;
  if (old && await source.read(old)) {
    notes.push(`The PR moved the schema from \`${old}\` to \`${schemaPath}\`: ${source.label} is judged with its own \`${old}\`.`);
    return { path: old, moved: true };
  }
  notes.push(
    `The schema \`${schemaPath}\` is new in this PR: ${source.label} has no such file, nor one git sees it moved from. Configs it rejects are broken by this PR${options.loader ? "; on the base, configs are judged by the loader alone" : ""}.`
  );
  return void 0;
}
function describeBaseSchema(file, at3) {
  return `${at3} (its schema \`${file.path}\`)`;
}
async function compileBaseSchema(source, options, file) {
  if (!file) return { kind: "uncompilable", reason: "the base has no schema" };
  try {
    return { kind: "compiled", compiled: await compileSchema(file.path, source, options) };
  } catch (error) {
    return { kind: "uncompilable", reason: `the schema of ${source.label} could not be compiled: ${describeError(error)}` };
  }
}
async function schemaUnchangedOnBase(prSchema, prSource, baseSource, at3, notes) {
  for (const file of prSchema.files) {
    const [before, after] = await Promise.all([baseSource.read(file).catch(() => void 0), prSource.read(file)]);
    if (!before || !after || !before.equals(after)) return false;
  }
  const others = prSchema.files.length - 1;
  const files = others === 0 ? `\`${prSchema.file}\` is` : `\`${prSchema.file}\` and the ${others} file${others === 1 ? "" : "s"} it references are`;
  notes.push(`The PR does not change the schema (${files} byte-identical on ${at3}): the schema layer cannot break a config, so the base's schema was not evaluated again.`);
  return true;
}
async function diffWithBase(baseSource, prSource, options, baseSchemaPath, schemaPath, notes) {
  let changes;
  try {
    const [before, after] = await Promise.all([loadResolvedSchema(baseSchemaPath, baseSource, options), loadResolvedSchema(schemaPath, prSource, options)]);
    changes = diffSchemas(before, after);
  } catch (error) {
    notes.push(`The schema change could not be classified (${describeError(error)}); configs were still judged.`);
    return void 0;
  }
  const texts = /* @__PURE__ */ new Map();
  const located = [];
  for (const change of changes) {
    if (!texts.has(change.file)) texts.set(change.file, await prSource.read(change.file) ?? await baseSource.read(change.file));
    const text = texts.get(change.file);
    const position = text ? locate(change.file, text, SCHEMA_READ_OPTIONS, 0, change.schemaPointer, "key") : void 0;
    located.push(position ? { ...change, line: position.line } : change);
  }
  return located;
}
function gitSource(git, commit, label) {
  const files = /* @__PURE__ */ new Map();
  return {
    label,
    read: (path2) => {
      let file = files.get(path2);
      if (!file) files.set(path2, file = git.readFile(commit, path2));
      return file;
    }
  };
}
function repositoryPath(options, path2, input) {
  const absolute = resolve(options.workingDirectory, path2);
  const fromRoot = relative(options.repositoryRoot, absolute);
  if (!fromRoot || fromRoot.startsWith("..") || isAbsolute(fromRoot)) {
    throw new GateError((n) => `The ${n.setting(input)} \`${path2}\` is outside the repository.`, (n) => `Give a path inside the checkout, relative to the ${n.setting("working-directory")}.`);
  }
  return fromRoot.split(sep).join("/");
}

// src/checks/judge-ref.ts
async function judgeBaseRef(run, onBaseRef, shared) {
  const { options, base, sides, readOptions, notes } = run;
  const { onPr, onBaseSchema, onBaseLoader, suite, suiteModule } = sides;
  const { pr: prSchema, baseFile: baseSchemaFile, at: at3 } = run.schemas;
  await sides.judgeOnBase(onBaseRef.configs, base.ref);
  await suite?.judgeRef(onBaseRef.configs, base.ref, false);
  const readable = onBaseRef.configs.filter((config) => config.read.ok);
  const undecided = suite?.undecided(onBaseRef.configs) ?? [];
  const blind = [
    prSchema && baseSchemaFile ? await nothingAccepted("schema", readable, onPr, onBaseSchema, base.ref, readOptions, describeBaseSchema(baseSchemaFile, at3)) : void 0,
    options.loader ? await nothingAccepted("loader", readable, onPr, onBaseLoader, base.ref, readOptions, at3, {
      ...options.loaderJobs !== void 0 ? { loaderJobs: options.loaderJobs } : {},
      retriedAlone: () => onPr.retriedAlone + onBaseLoader.retriedAlone
    }) : void 0,
    suite?.cannotRunOnBase(onBaseRef.configs, at3),
    undecided.length ? suiteModule.suiteUndecided(undecided, options.suite.timeoutSeconds, at3) : void 0
  ].filter((error) => error !== void 0);
  const configs = onBaseRef.configs.map((config) => withCurrentPath(config, judgeConfig(config, sidesOf(run, config), readOptions)));
  const broken = { ref: base.ref, configs: brokenSources(onBaseRef.configs, configs, ConfigStatus.Broken) };
  dropDocuments(onBaseRef.configs.filter((config) => !shared.has(configKey(config))), readOptions);
  if (blind.length && !configs.some((config) => config.status === ConfigStatus.Broken)) throw blind[0];
  for (const error of blind) notes.push(`${error.message} ${error.hint ?? ""}`.trim());
  return { configs, broken, readable };
}
async function judgeReleaseRef(run, target, collected) {
  const { options, sides, readOptions, notes } = run;
  const { onPr, onBaseSchema, suite, suiteModule } = sides;
  notes.push(...refNotes(collected, target, "release"));
  if (collected.configs.length === 0 && collected.skipped.length === 0) notes.push(noConfigNote(options.patterns, target, "release", options.shard) + nearestNote(collected.nearest));
  await sides.judgeOnBase(collected.configs, target.ref);
  await suite?.judgeRef(collected.configs, target.ref, true);
  const undecided = suite?.undecided(collected.configs) ?? [];
  if (undecided.length) {
    const error = suiteModule.suiteUndecided(undecided, options.suite.timeoutSeconds, run.schemas.at);
    notes.push(`Release \`${target.ref}\`: ${error.message} Their drift is shown as existing. ${error.hint ?? ""}`.trim());
  }
  if (run.schemas.pr && run.schemas.baseFile) {
    await onBaseSchema.run(collected.configs.filter((config) => config.read.ok && (onPr.get(config)?.length ?? 0) === 0), target.ref);
  }
  const configs = collected.configs.map((config) => withCurrentPath(config, judgeDrift(config, sidesOf(run, config), readOptions)));
  const broken = { ref: target.ref, configs: brokenSources(collected.configs, configs, DriftStatus.New) };
  dropDocuments(collected.configs, readOptions);
  return { configs, broken, release: { ref: target, configs, skipped: collected.skipped, ...collected.nearest ? { nearest: collected.nearest } : {} } };
}
function sidesOf(run, config) {
  const { onPr, suite, layersOfPr } = run.sides;
  const pr = onPr.get(config) ?? [];
  const layers = {};
  const baseFindings = [];
  for (const layer of layersOfPr) {
    const onBase = baseOutcome(run, config, layer);
    layers[layer] = { base: onBase.outcome, pr: rejects(pr, layer) ? "rejects" : "accepts" };
    baseFindings.push(...onBase.findings);
  }
  const suiteLayer = suite?.layer(config);
  if (!suiteLayer) return { pr, base: baseFindings, layers };
  layers.suite = suiteLayer.judgement;
  return { pr: [...pr, ...suiteLayer.pr], base: [...baseFindings, ...suiteLayer.base], layers };
}
function baseOutcome(run, config, layer) {
  if (layer === "schema" && !run.schemas.baseFile) return { outcome: "absent", findings: [] };
  const found2 = (layer === "schema" ? run.sides.onBaseSchema : run.sides.onBaseLoader).get(config);
  if (!found2) return { outcome: "not-run", findings: [] };
  const mine = found2.filter((finding) => finding.layer === layer);
  return { outcome: mine.length ? "rejects" : "accepts", findings: mine };
}
var MAX_FINDINGS_PER_CONFIG = 20;
function rejects(findings, layer) {
  return findings?.some((finding) => finding.layer === layer) ?? false;
}
function judgeConfig(config, sides, readOptions) {
  const { path: path2, blob } = config;
  if (!config.read.ok) return { path: path2, blob, status: ConfigStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const status = layerStatus(layers);
  if (status === "ok") return { path: path2, blob, status: ConfigStatus.Ok, findings: [], layers };
  const all = breakingFirst(sides.pr, breakingLayers(layers));
  const findings = explained(config, all, readOptions);
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  const uncut = status === "broken" && all.length > findings.length ? { uncut: all } : {};
  return { path: path2, blob, status: status === "broken" ? ConfigStatus.Broken : ConfigStatus.FailingOnBase, findings, ...uncut, ...baseFindings, layers };
}
function judgeDrift(config, sides, readOptions) {
  const { path: path2, blob } = config;
  if (!config.read.ok) return { path: path2, blob, status: DriftStatus.Unreadable, findings: parseFindings(config) };
  const { layers } = sides;
  const baseFindings = sides.base.length ? { baseFindings: explained(config, sides.base, readOptions) } : {};
  const status = layerStatus(layers);
  if (status === "ok") {
    return sides.base.length === 0 ? { path: path2, blob, status: DriftStatus.Ok, findings: [], layers } : { path: path2, blob, status: DriftStatus.Fixed, findings: [], ...baseFindings, layers };
  }
  const all = breakingFirst(sides.pr, breakingLayers(layers));
  const findings = explained(config, all, readOptions);
  return status === "broken" ? { path: path2, blob, status: DriftStatus.New, findings, ...all.length > findings.length ? { uncut: all } : {}, ...baseFindings, layers } : { path: path2, blob, status: DriftStatus.Existing, findings, ...baseFindings, layers };
}
function parseFindings(config) {
  if (config.read.ok) return [];
  const { message, position } = config.read;
  return [{ layer: "parse", message, ...position ? { line: position.line, column: position.column } : {} }];
}
function breakingFirst(findings, breaking) {
  if (breaking.length === 0) return findings;
  const isBreaking = (finding) => breaking.includes(finding.layer);
  return [...findings.filter(isBreaking), ...findings.filter((finding) => !isBreaking(finding))];
}
function breakingLayers(layers) {
  return Object.keys(layers).filter((layer) => {
    const judgement = layers[layer];
    if (judgement.pr !== "rejects") return false;
    if (judgement.base === "accepts" || judgement.base === "absent") return true;
    return (judgement.newFailures?.length ?? 0) > 0 || (judgement.notRun ?? 0) > 0 || judgement.prTimedOut === true;
  });
}
function layerStatus(layers) {
  const rejecting = Object.keys(layers).filter((layer) => layers[layer].pr === "rejects");
  if (rejecting.length === 0) return "ok";
  return breakingLayers(layers).length > 0 ? "broken" : "failing-on-base";
}
function explained(config, findings, readOptions) {
  return findings.slice(0, MAX_FINDINGS_PER_CONFIG).map((finding) => withYamlHint(config, withPosition(config, finding, readOptions), readOptions));
}
function withPosition(config, finding, readOptions) {
  if (finding.pointer === void 0 || finding.line !== void 0) return finding;
  const position = locate(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer, finding.target ?? "value");
  return position ? { ...finding, line: position.line, column: position.column } : finding;
}
var YAML_HINT_MARK = " \u2014 ";
function withYamlHint(config, finding, readOptions) {
  if (finding.layer !== "schema" || finding.pointer === void 0 || finding.target === "key") return finding;
  const difference = yamlVersionDifference(config.path, config.content, readOptions, finding.document ?? 0, finding.pointer);
  if (!difference) return finding;
  const hint = yamlVersionHint(difference);
  return finding.message.endsWith(hint) ? finding : { ...finding, message: `${finding.message}${YAML_HINT_MARK}${hint}` };
}
function withCurrentPath(config, judged) {
  return {
    ...judged,
    ...config.currentPath ? { currentPath: config.currentPath } : {},
    ...config.noPathToday ? { noPathToday: config.noPathToday } : {}
  };
}
function brokenSources(old, judged, status) {
  return judged.flatMap((config, index) => config.status === status ? [{ path: config.path, content: old[index].content, findings: config.findings }] : []);
}

// src/checks/lanes.ts
var ProcessLanes = class {
  /**
   * @param loaderJobs loader processes that may run at once across the whole check;
   *   undefined: no cap beyond each loader run's own (two processes a run, refs side by side).
   */
  constructor(loaderJobs) {
    this.loaderJobs = loaderJobs;
  }
  loaderJobs;
  shared = 0;
  exclusive = false;
  /** Waiting exclusive holders go first: a stream of loader batches cannot starve a suite run. */
  waitingExclusive = [];
  waitingShared = [];
  /** Runs `task` in a shared lane: a loader process. */
  async inShared(task) {
    while (this.exclusive || this.waitingExclusive.length > 0 || this.loaderJobs !== void 0 && this.shared >= this.loaderJobs) {
      await new Promise((resolve4) => this.waitingShared.push(resolve4));
    }
    this.shared += 1;
    try {
      return await task();
    } finally {
      this.shared -= 1;
      this.wake();
    }
  }
  /** Runs `task` alone: a suite process. */
  async alone(task) {
    if (this.exclusive || this.shared > 0 || this.waitingExclusive.length > 0) {
      await new Promise((resolve4) => this.waitingExclusive.push(resolve4));
    } else {
      this.exclusive = true;
    }
    try {
      return await task();
    } finally {
      this.exclusive = false;
      this.wake();
    }
  }
  /** Hands the lanes on: to the next exclusive holder once nothing runs, else to the shared waiters. */
  wake() {
    if (this.exclusive) return;
    if (this.waitingExclusive.length > 0) {
      if (this.shared === 0) {
        this.exclusive = true;
        this.waitingExclusive.shift()();
      }
      return;
    }
    for (const next of this.waitingShared.splice(0)) next();
  }
};

// src/checks/migration/index.ts
import { join } from "node:path";

// src/checks/migration/run.ts
import { readFile, realpath } from "node:fs/promises";
async function runMigrate(dir, files, options) {
  const results = /* @__PURE__ */ new Map();
  if (files.length === 0) return results;
  let targets;
  try {
    await checkOptions(options);
    targets = await writeConfigs(dir, [...files]);
  } catch (error) {
    for (const file of files) results.set(file.path, { ok: false, message: `the migrate command could not be run: ${describeError(error)}` });
    return results;
  }
  const copies = [dir, await realpath(dir).catch(() => dir)];
  for (const batch of batches(targets, options.maxArgumentBytes ?? DEFAULT_MAX_ARGUMENT_BYTES, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE)) {
    for (const [path2, result] of await runBatch(batch, copies, options)) results.set(path2, result);
  }
  return results;
}
function batches(targets, maxBytes, maxFiles) {
  const out = [];
  let current = [];
  let bytes = 0;
  for (const target of targets) {
    const size = Buffer.byteLength(target.file) + 1;
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxFiles)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
async function runBatch(targets, copies, options) {
  const results = /* @__PURE__ */ new Map();
  const failAll = (message) => {
    for (const target of targets) if (!results.has(target.path)) results.set(target.path, { ok: false, message });
    return results;
  };
  const { onLine, reports } = reportCollector(await indexTargets(targets, options.cwd), targets);
  const live = new LiveProcesses();
  live.watch();
  let outcome;
  try {
    outcome = await runProcess(
      targets.map((target) => target.file),
      { command: options.command, cwd: options.cwd, env: options.env, timeoutSeconds: options.timeoutSeconds, refLabel: options.refLabel },
      options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      live,
      onLine
    );
  } catch (error) {
    return failAll(asRepositoryPaths(`the migrate command could not be started: ${describeError(error)}`, copies));
  } finally {
    live.unwatch();
  }
  if (outcome.timedOut) return failAll(`the migrate command timed out after ${options.timeoutSeconds}s (\`loader-timeout\`)`);
  for (const [target, report] of reports) {
    if (!report.ok) results.set(target.path, { ok: false, message: asRepositoryPaths(`the migrate command failed on it: ${report.message || "no message"}`, copies) });
  }
  if (outcome.code !== 0 && reports.size === 0) {
    const words = asRepositoryPaths(loaderWords(outcome.stderr, outcome.stdout), copies);
    const signal = outcome.signal ?? signalOfShellStatus(outcome.code);
    const how = outcome.code === SHELL_NOT_FOUND ? "the migrate command was not found (exit code 127)" : outcome.code === SHELL_NOT_EXECUTABLE ? "the migrate command cannot be executed (exit code 126)" : signal ? `the migrate command was killed by signal ${signal}` : `the migrate command exited with code ${outcome.code}`;
    return failAll(words ? `${how}: ${words}` : how);
  }
  for (const target of targets) {
    if (results.has(target.path)) continue;
    const content = await readFile(target.file).catch(() => void 0);
    results.set(target.path, content ? { ok: true, content } : { ok: false, message: "the migrate command removed the file instead of rewriting it" });
  }
  return results;
}

// src/checks/migration/suggest.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_SUGGESTIONS = 10;
var SNIPPET_LINES = 12;
var GAP = "__compat_gate_gap__";
function suggestMigration(documents, findings, changes, schema) {
  const edits = [];
  const seen = /* @__PURE__ */ new Set();
  for (const change of changes) {
    if (change.severity !== "breaking" || !change.detail) continue;
    const hit = findings.filter((finding) => finding.layer === "schema" && finding.pointer !== void 0 && changeMatches(change, finding.pointer));
    const inDocuments = new Set(hit.map((finding) => finding.document ?? 0));
    for (const index of inDocuments) {
      for (const edit of editsFor(documents[index], change.instancePath, change.detail)) {
        const key = `${index}|${edit.key}`;
        if (seen.has(key) || edits.length >= MAX_SUGGESTIONS) continue;
        seen.add(key);
        edits.push({ ...edit, document: index, suggestion: { ...edit.suggestion, ...documents.length > 1 ? { document: index } : {} } });
      }
    }
  }
  if (edits.length === 0) return void 0;
  const migration = { status: "suggested", suggestions: edits.map((edit) => edit.suggestion) };
  if (!schema) return migration;
  const after = documents.map((document) => structuredClone(document));
  for (const edit of edits) edit.apply(after[edit.document]);
  const left = after.flatMap((document) => schema.validate(document));
  return {
    ...migration,
    message: left.length === 0 ? "With these changes the config passes the PR's schema." : `With these changes the config still fails the PR's schema${left[0].pointer ? ` at \`${left[0].pointer}\`` : ""}: ${left[0].message}.`
  };
}
function editsFor(document, instancePath, detail) {
  const out = [];
  for (const { tokens: tokens2, value } of reach(document, patternTokens(instancePath))) {
    const where = tokens2.length ? `in \`${pointerOf(tokens2)}\`` : "at the top level";
    switch (detail.kind) {
      case "property-renamed": {
        if (!isObject(value) || !(detail.from in value) || detail.to in value) break;
        const old = value[detail.from];
        out.push({
          key: `rename|${pointerOf(tokens2)}|${detail.from}`,
          tokens: tokens2,
          apply: (doc) => renameKey(at(doc, tokens2), detail.from, detail.to),
          suggestion: {
            text: `Rename \`${detail.from}\` to \`${detail.to}\` ${where}`,
            pointer: pointerOf([...tokens2, detail.from]),
            before: snippet(document, tokens2, { [detail.from]: old }),
            after: snippet(document, tokens2, { [detail.to]: old })
          }
        });
        break;
      }
      case "property-removed": {
        if (!isObject(value) || !(detail.property in value)) break;
        const old = value[detail.property];
        const same = canonical(old) === canonical(detail.default);
        out.push({
          key: `drop|${pointerOf(tokens2)}|${detail.property}`,
          tokens: tokens2,
          apply: (doc) => {
            const holder = at(doc, tokens2);
            if (isObject(holder)) delete holder[detail.property];
          },
          suggestion: {
            text: `Drop \`${detail.property}\` ${where.replace(/^in /, "from ")}: it is no longer allowed (its old default was ${inline(detail.default)}${same ? ", the value this config sets" : `; this config set ${inline(old)}`})`,
            pointer: pointerOf([...tokens2, detail.property]),
            before: snippet(document, tokens2, { [detail.property]: old }),
            after: snippet(document, tokens2, { [GAP]: `(${detail.property} dropped)` })
          }
        });
        break;
      }
      case "property-required": {
        if (!isObject(value) || detail.property in value) break;
        out.push({
          key: `add|${pointerOf(tokens2)}|${detail.property}`,
          tokens: tokens2,
          apply: (doc) => {
            const holder = at(doc, tokens2);
            if (isObject(holder)) holder[detail.property] = structuredClone(detail.default);
          },
          suggestion: {
            text: `Add \`${detail.property}\` ${where.replace(/^in /, "to ")}: it is now required (its default is ${inline(detail.default)})`,
            pointer: pointerOf([...tokens2, detail.property]),
            before: snippet(document, tokens2, { [GAP]: `(no ${detail.property})` }),
            after: snippet(document, tokens2, { [detail.property]: detail.default })
          }
        });
        break;
      }
      case "value-renamed": {
        if (tokens2.length === 0 || canonical(value) !== canonical(detail.from)) break;
        const parent = tokens2.slice(0, -1);
        const last = tokens2[tokens2.length - 1];
        const holder = at(document, parent);
        const wrap = (item) => Array.isArray(holder) ? [item] : { [last]: item };
        out.push({
          key: `value|${pointerOf(tokens2)}`,
          tokens: tokens2,
          apply: (doc) => {
            const target = at(doc, parent);
            if (Array.isArray(target)) target[Number(last)] = structuredClone(detail.to);
            else if (isObject(target)) target[last] = structuredClone(detail.to);
          },
          suggestion: {
            text: `Change \`${pointerOf(tokens2)}\` from ${inline(detail.from)} to ${inline(detail.to)}`,
            pointer: pointerOf(tokens2),
            before: snippet(document, parent, wrap(detail.from)),
            after: snippet(document, parent, wrap(detail.to))
          }
        });
        break;
      }
    }
  }
  return out;
}
function patternTokens(instancePath) {
  return (parsePointer(instancePath) ?? []).map((token) => token === "*" ? null : token);
}
function reach(document, pattern) {
  let found2 = [{ tokens: [], value: document }];
  for (const token of pattern) {
    const next = [];
    for (const { tokens: tokens2, value } of found2) {
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (token === null || token === String(index)) next.push({ tokens: [...tokens2, String(index)], value: item });
        });
      } else if (isObject(value)) {
        for (const key of token === null ? Object.keys(value) : Object.hasOwn(value, token) ? [token] : []) next.push({ tokens: [...tokens2, key], value: value[key] });
      }
    }
    found2 = next;
  }
  return found2;
}
function at(document, tokens2) {
  let value = document;
  for (const token of tokens2) {
    if (Array.isArray(value)) value = value[Number(token)];
    else if (isObject(value)) value = value[token];
    else return void 0;
  }
  return value;
}
function renameKey(holder, from, to) {
  if (!isObject(holder) || !(from in holder)) return;
  const entries = Object.entries(holder).map(([key, value]) => [key === from ? to : key, value]);
  for (const key of Object.keys(holder)) delete holder[key];
  for (const [key, value] of entries) holder[key] = value;
}
function snippet(document, tokens2, leaf) {
  const inArray = [];
  let holder = document;
  for (const token of tokens2) {
    inArray.push(Array.isArray(holder));
    holder = at(holder, [token]);
  }
  let value = leaf;
  for (let index = tokens2.length - 1; index >= 0; index--) value = inArray[index] ? [value] : { [tokens2[index]]: value };
  const text = (0, import_yaml.stringify)(value, { lineWidth: 0 }).trimEnd().replace(new RegExp(`${GAP}: (.*)$`, "m"), (_, words) => `# ${String(JSON.parse(words.startsWith('"') ? words : JSON.stringify(words)))}`);
  const lines = text.split("\n");
  return lines.length > SNIPPET_LINES ? [...lines.slice(0, SNIPPET_LINES), "# \u2026"].join("\n") : text;
}
function inline(value) {
  const text = JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 59)}\u2026` : text}\``;
}

// src/checks/migration/unified-diff.ts
var CONTEXT = 3;
var MAX_TABLE_CELLS = 4e6;
var MAX_DIFF_CHARS = 4e3;
function unifiedDiff(path2, before, after, maxChars = MAX_DIFF_CHARS) {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const changed = hunks(diffLines(a, b));
  const lines = [`--- a/${path2}`, `+++ b/${path2}`, ...changed.length ? changed : ["(only the line endings changed)"]];
  return capLines(lines, maxChars);
}
function splitLines(text) {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function diffLines(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (line) => ({ kind: " ", line });
  const middle = lcsOps(a.slice(start, endA), b.slice(start, endB));
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}
function lcsOps(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    return [...a.map((line) => ({ kind: "-", line })), ...b.map((line) => ({ kind: "+", line }))];
  }
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      lengths[i2 * width + j2] = a[i2] === b[j2] ? lengths[(i2 + 1) * width + j2 + 1] + 1 : Math.max(lengths[(i2 + 1) * width + j2], lengths[i2 * width + j2 + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push({ kind: "-", line: a[i++] });
    } else {
      ops.push({ kind: "+", line: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: "-", line: a[i++] });
  while (j < m) ops.push({ kind: "+", line: b[j++] });
  return ops;
}
function hunks(ops) {
  const changed = ops.map((op, index) => op.kind === " " ? -1 : index).filter((index) => index >= 0);
  const out = [];
  let cursor = 0;
  while (cursor < changed.length) {
    const first = changed[cursor];
    let last = first;
    while (cursor + 1 < changed.length && changed[cursor + 1] - last <= 2 * CONTEXT) last = changed[++cursor];
    cursor++;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    let lineA = 1;
    let lineB = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== "+") lineA++;
      if (op.kind !== "-") lineB++;
    }
    const body = ops.slice(from, to);
    const sizeA = body.filter((op) => op.kind !== "+").length;
    const sizeB = body.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${range(lineA, sizeA)} +${range(lineB, sizeB)} @@`, ...body.map((op) => `${op.kind}${op.line}`));
  }
  return out;
}
function range(start, size) {
  if (size === 0) return `${start - 1},0`;
  return size === 1 ? `${start}` : `${start},${size}`;
}
function capLines(lines, maxChars) {
  const text = lines.join("\n");
  if (text.length <= maxChars) return text;
  const kept = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > maxChars - 60) break;
    kept.push(line);
    length += line.length + 1;
  }
  return [...kept, `\u2026 (${lines.length - kept.length} more lines of the diff not shown)`].join("\n");
}

// src/checks/migration/index.ts
var NO_PATH = "there is no `migrate` command, and the schema diff holds no mechanical change (a renamed property, a removed property with a default, a newly required property with a default, a renamed enum value) that this config follows";
async function findMigrations(refs, setup) {
  const out = [];
  for (const [index, ref] of refs.entries()) {
    out.push(setup.migrate ? await migrateRef(ref, index, setup, setup.migrate) : suggestRef(ref, setup));
  }
  return out;
}
function suggestRef(ref, setup) {
  const found2 = /* @__PURE__ */ new Map();
  const mechanical = setup.changes?.filter((change) => change.severity === "breaking" && change.detail) ?? [];
  for (const config of ref.configs) {
    const read = mechanical.length && config.findings.some((finding) => finding.layer === "schema") ? readConfig(config.path, config.content, setup.readOptions) : void 0;
    const suggested = read?.ok ? suggestMigration(read.documents, config.findings, mechanical, setup.schema) : void 0;
    found2.set(config.path, suggested ?? { status: "no-migration", message: NO_PATH });
  }
  return found2;
}
async function migrateRef(ref, index, setup, migrate) {
  const found2 = /* @__PURE__ */ new Map();
  if (ref.configs.length === 0) return found2;
  const results = await runMigrate(join(setup.tempDir, "migrate", `ref-${index + 1}`), ref.configs, { ...migrate, refLabel: ref.ref });
  const migrated = [];
  for (const config of ref.configs) {
    const result = results.get(config.path);
    if (!result || !result.ok) {
      found2.set(config.path, { status: "no-migration", message: result?.message ?? "the migrate command gave no result for it" });
      continue;
    }
    const read = readConfig(config.path, result.content, setup.readOptions);
    if (!read.ok) {
      found2.set(config.path, { status: "no-migration", message: `the migrated file cannot be read: ${read.message}` });
      continue;
    }
    migrated.push({ path: config.path, blob: "", content: result.content, read });
  }
  if (migrated.length === 0) return found2;
  let findings;
  try {
    findings = (await setup.evaluator.evaluate(migrated, ref.ref)).findings;
  } catch (error) {
    for (const config of migrated) found2.set(config.path, { status: "no-migration", message: `the migrated config could not be loaded: ${describeError(error)}` });
    return found2;
  }
  const before = new Map(ref.configs.map((config) => [config.path, config]));
  const { schema, loader } = setup.evaluator.setup;
  for (const config of migrated) {
    const left = findings.get(config.path) ?? [];
    const source = before.get(config.path);
    const old = source.content;
    const bySuite = source.findings.some((finding) => finding.layer === "suite");
    if (left.length === 0 && bySuite && !schema && !loader) {
      found2.set(config.path, { status: "no-migration", message: "the suite breaks it, and the suite is not run on migrated copies: with no schema or loader to load the copy, its migration cannot be confirmed" });
    } else if (left.length === 0) {
      const diff = unifiedDiff(config.path, old.toString("utf8"), config.content.toString("utf8"));
      const note = bySuite ? "the migrated copy loads with the PR's schema and loader; the suite, which breaks it, is not run on migrated copies" : void 0;
      found2.set(config.path, { status: "migrates", ...diff ? { diff } : {}, ...note ? { message: note } : {} });
    } else {
      const unchanged = old.equals(config.content) ? "the migrate command left it unchanged, and it " : "the migrated config ";
      found2.set(config.path, { status: "no-migration", message: `${unchanged}still does not load with the PR's code: ${findingWords(left[0])}` });
    }
  }
  return found2;
}
function findingWords(finding) {
  return `${finding.layer}${finding.pointer ? ` at \`${finding.pointer}\`` : ""}: ${finding.message}`;
}

// src/checks/read-ahead.ts
var ReadAhead = class {
  /** Starts at once, while the base is read: which files the releases share with it, and the first release's bytes. */
  constructor(setup) {
    this.setup = setup;
    this.sharedKeysReady = setup.releasesReady.then((releases) => sharedWithReleases(setup.git, setup.baseFiles, releases));
    this.sharedKeysReady.catch(() => void 0);
    const firstRelease = setup.releasesReady.then((found2) => found2[0] ? this.fetch(0, found2[0]) : void 0);
    firstRelease.catch(() => void 0);
    setup.started.add(firstRelease);
  }
  setup;
  /** The keys of the base's files that a release holds too (same path, same blob). */
  sharedKeysReady;
  fetched = /* @__PURE__ */ new Map();
  reading = /* @__PURE__ */ new Map();
  releases = [];
  shared = /* @__PURE__ */ new Map();
  /** Once the base is read: the releases, and the base's configs they share (kept parsed for them). */
  async afterBase(baseConfigs) {
    this.releases = await this.setup.releasesReady;
    const sharedKeys = await this.sharedKeysReady;
    this.shared = new Map(baseConfigs.filter((config) => sharedKeys.has(configKey(config))).map((config) => [configKey(config), config]));
    return { releases: this.releases, shared: this.shared };
  }
  /** With a loader, starts reading the release at `index` (and the PR's loader on it) ahead of its turn. */
  readAhead(index) {
    if (this.setup.withLoader && index < this.releases.length && !this.reading.has(index)) this.reading.set(index, this.read(index));
  }
  /** The release at `index`, read ahead or read now; the one after it is started meanwhile. */
  next(index) {
    const reading = this.reading.get(index) ?? this.read(index);
    this.reading.delete(index);
    this.readAhead(index + 1);
    const following = this.releases[index + 1];
    if (following) void this.fetch(index + 1, following);
    return reading;
  }
  /** A release's configs read and the PR's code started on them. */
  read(index) {
    const release = this.releases[index];
    const collected = this.fetch(index, release).then((fetched) => this.setup.parse(fetched, this.shared));
    const onPrDone = collected.then((found2) => this.setup.onPr.run(found2.configs, release.ref));
    this.setup.started.add(onPrDone);
    onPrDone.catch(() => void 0);
    return { collected, onPrDone };
  }
  /** A release's bytes, fetched from git once, while the ref before it is parsed and judged. */
  fetch(index, target) {
    let fetched = this.fetched.get(index);
    if (!fetched) {
      fetched = this.sharedKeysReady.then((keys) => this.setup.fetch(target, keys));
      fetched.catch(() => void 0);
      this.setup.started.add(fetched);
      this.fetched.set(index, fetched);
    }
    return fetched;
  }
};
async function sharedWithReleases(git, baseFiles, releases) {
  if (releases.length === 0) return /* @__PURE__ */ new Set();
  const inReleases = /* @__PURE__ */ new Set();
  for (const release of releases) {
    for (const entry of await git.lsTree(release.sha)) if (entry.type === "blob") inReleases.add(configKey({ path: entry.path, blob: entry.sha }));
  }
  return new Set(baseFiles.map(configKey).filter((key) => inReleases.has(key)));
}

// src/checks/sides.ts
import { mkdir, rm } from "node:fs/promises";
import { join as join2, relative as relative2 } from "node:path";
var CachedSide = class {
  constructor(evaluate) {
    this.evaluate = evaluate;
  }
  evaluate;
  findings = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  processes = 0;
  retriedAlone = 0;
  /** Runs on the configs neither judged yet nor being judged by a run still going, then waits for those. */
  async run(configs, refLabel) {
    const missing = /* @__PURE__ */ new Map();
    const waits = /* @__PURE__ */ new Set();
    for (const config of configs) {
      const key = cacheKey(config);
      if (!config.read.ok || this.findings.has(key) || missing.has(key)) continue;
      const pending = this.pending.get(key);
      if (pending) waits.add(pending);
      else missing.set(key, config);
    }
    if (missing.size > 0) {
      const job = this.evaluate([...missing.values()], refLabel).then((evaluation) => {
        this.processes += evaluation.loaderProcesses;
        this.retriedAlone += evaluation.retriedAlone ?? 0;
        for (const [key, config] of missing) this.findings.set(key, evaluation.findings.get(config.path) ?? []);
      });
      for (const key of missing.keys()) this.pending.set(key, job);
      waits.add(job.finally(() => missing.forEach((_, key) => this.pending.delete(key))));
    }
    await Promise.all(waits);
  }
  get(config) {
    return this.findings.get(cacheKey(config));
  }
  /** Keeps what this side's code found in a config judged outside {@link run} (as it was parsed). */
  record(config, findings) {
    this.findings.set(cacheKey(config), findings);
  }
};
var cacheKey = configKey;
async function openSides(git, options, base, schemas, { scratch, lanes }, notes) {
  const { pr: prSchema, baseFile: baseSchemaFile, at: at3 } = schemas;
  const prEvaluator = new Evaluator({
    label: "the PR",
    ...prSchema ? { schema: prSchema } : {},
    ...options.loader ? { loader: loaderSetup(options, options.workingDirectory, lanes) } : {},
    scratch,
    folder: "pr"
  });
  const onPr = new CachedSide((configs, refLabel) => prEvaluator.evaluate(configs, refLabel));
  const schemaUnchanged = prSchema && baseSchemaFile && !baseSchemaFile.moved ? await schemaUnchangedOnBase(prSchema, schemas.prSource, schemas.baseSource, at3, notes) : false;
  let baseSchema;
  const baseSchemaSide = () => baseSchema ??= compileBaseSchema(schemas.baseSource, options, baseSchemaFile).then(
    (schema) => schema.kind === "compiled" ? new Evaluator({ label: at3, schema: schema.compiled, scratch, folder: "base" }) : { failure: schema.reason }
  );
  const onBaseSchema = new CachedSide(async (configs, refLabel) => {
    if (schemaUnchanged) return schemaFindingsOf(onPr, configs);
    const evaluator = await baseSchemaSide();
    if ("failure" in evaluator) return everyConfigRejected(configs, "schema", evaluator.failure);
    return evaluator.evaluate(configs, refLabel);
  });
  let baseTree;
  const baseWorkingDirectory = () => baseTree ??= exportBaseTree(git, options, base.sha);
  let baseLoader;
  const onBaseLoader = new CachedSide(async (configs, refLabel) => {
    const evaluator = await (baseLoader ??= baseWorkingDirectory().then(
      (cwd) => typeof cwd === "string" ? new Evaluator({ label: at3, loader: loaderSetup(options, cwd, lanes), scratch, folder: "base" }) : cwd
    ));
    if ("failure" in evaluator) return everyConfigRejected(configs, "loader", evaluator.failure);
    try {
      return await evaluator.evaluate(configs, refLabel);
    } catch (error) {
      if (!(error instanceof GateError)) throw error;
      baseLoader = Promise.resolve({ failure: error.message });
      return everyConfigRejected(configs, "loader", error.message);
    }
  });
  const suiteModule = options.suite ? await import("./sides-VTROV7M6.js") : void 0;
  const suite = suiteModule && options.suite ? new suiteModule.SuiteSides({ suite: options.suite, prCwd: options.workingDirectory, baseCwd: baseWorkingDirectory, env: options.loaderEnv, lanes, scratch }) : void 0;
  const layersOfPr = [...prSchema ? ["schema"] : [], ...options.loader ? ["loader"] : []];
  const rejectsOnPr = (layer) => (config) => config.read.ok && rejects(onPr.get(config), layer);
  return {
    prEvaluator,
    onPr,
    onBaseSchema,
    baseSchemaEvaluator: async () => {
      if (!prSchema || !baseSchemaFile || schemaUnchanged) return void 0;
      const evaluator = await baseSchemaSide();
      return "failure" in evaluator ? void 0 : evaluator;
    },
    onBaseLoader,
    schemaUnchanged,
    layersOfPr,
    suite,
    suiteModule,
    judgeOnBase: async (configs, refLabel) => {
      if (prSchema && baseSchemaFile) await onBaseSchema.run(configs.filter(rejectsOnPr("schema")), refLabel);
      if (options.loader) await onBaseLoader.run(configs.filter(rejectsOnPr("loader")), refLabel);
    }
  };
}
function schemaFindingsOf(onPr, configs) {
  const findings = /* @__PURE__ */ new Map();
  for (const config of configs) findings.set(config.path, (onPr.get(config) ?? []).filter((finding) => finding.layer === "schema"));
  return { findings, loaderProcesses: 0 };
}
function everyConfigRejected(configs, layer, message) {
  return { findings: new Map(configs.map((config) => [config.path, [{ layer, message }]])), loaderProcesses: 0 };
}
async function exportBaseTree(git, options, commit) {
  const tree = join2(options.tempDir, "base-tree");
  try {
    await mkdir(tree, { recursive: true });
    await git.exportTree(commit, tree);
  } catch (error) {
    await rm(tree, { recursive: true, force: true });
    return { failure: `the base's tree could not be copied to run its code: ${describeError(error)}` };
  }
  return join2(tree, relative2(options.repositoryRoot, options.workingDirectory));
}
function loaderSetup(options, cwd, lanes) {
  return { command: options.loader, cwd, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds, lanes };
}

// src/checks/judge.ts
async function judge(git, options, base, releases, begun) {
  const lookup = Promise.resolve(releases === void 0 ? [] : releases instanceof Promise ? releases : "sha" in releases ? [releases] : releases);
  lookup.catch(() => void 0);
  const scope = { scratch: new Scratch(options.tempDir), started: /* @__PURE__ */ new Set(), lanes: new ProcessLanes(options.loaderJobs) };
  try {
    return await judgeRefs(git, options, base, lookup, scope, begun);
  } finally {
    await Promise.allSettled(scope.started);
    await scope.scratch.dispose();
  }
}
async function judgeRefs(git, options, base, releasesReady, scope, begun) {
  if (!options.schema && !options.loader && !options.suite) throw nothingToLoad();
  const notes = [];
  const matchesGlobs = createMatcher(options.patterns);
  const { shard } = options;
  const inSlice = shard ? (path2) => inShard(path2, shard) : void 0;
  const readOptions = { yamlVersion: options.yamlVersion };
  const head = await git.tryResolveCommit("HEAD");
  const baseListing = listFollowingMoves(git, base.sha, head, matchesGlobs, readOptions, inSlice, options.patterns);
  const asParsed = { waiting: [] };
  const onBaseParsed = (config) => asParsed.judge ? asParsed.judge(config) : void asParsed.waiting.push(config);
  const baseRead = baseListing.then(
    async (listed) => parseFollowing(git, await fetchListed(git, listed, void 0, readOptions, onBaseParsed), options.patterns, readOptions, void 0, onBaseParsed)
  );
  baseRead.catch(() => void 0);
  scope.started.add(baseRead);
  const schemas = await openSchemas(git, options, base, notes, begun);
  await mkdir2(options.tempDir, { recursive: true });
  const sides = await openSides(git, options, base, schemas, scope, notes);
  const diffNotes = [];
  const schemaDiff = diffOfSchemas(sides, schemas, options, diffNotes);
  schemaDiff.catch(() => void 0);
  scope.started.add(schemaDiff);
  asParsed.judge = judgedAsParsed(sides, schemas, readOptions) ?? (() => void 0);
  for (const config of asParsed.waiting.splice(0)) asParsed.judge(config);
  const run = { options, base, schemas, sides, readOptions, notes };
  let releaseJudge;
  const judgedAsRelease = () => releaseJudge ??= sides.prEvaluator.schemaOnly ? sides.baseSchemaEvaluator().then((baseSchema) => judgedAsParsed(sides, schemas, readOptions, baseSchema)) : Promise.resolve(judgedAsParsed(sides, schemas, readOptions));
  const parseRef = async (fetched, known) => parseFollowing(git, fetched, options.patterns, readOptions, known, await judgedAsRelease());
  const baseListed = await baseListing;
  const ahead = new ReadAhead({
    git,
    releasesReady,
    baseFiles: baseListed.files,
    // A run without a loader parses a release's configs as git streams them, each judged as it is
    // parsed. With a loader, only the bytes are read meanwhile: parsing them beside the base's
    // would hold back the end of the base's parsing, and with it the loader's start on the base.
    fetch: async (ref, known) => {
      const listed = await listFollowingMoves(git, ref.sha, head, matchesGlobs, readOptions, inSlice, options.patterns);
      const judge2 = options.loader ? void 0 : await judgedAsRelease();
      return fetchListed(git, listed, known, judge2 ? readOptions : void 0, judge2);
    },
    parse: parseRef,
    onPr: sides.onPr,
    started: scope.started,
    withLoader: Boolean(options.loader)
  });
  const onBaseRef = await baseRead;
  notes.push(...refNotes(onBaseRef, base, "base"));
  const firstConfigs = await nothingCollected(git, options, onBaseRef, base, matchesGlobs, notes);
  const onPrOfBase = sides.onPr.run(onBaseRef.configs, base.ref);
  onPrOfBase.catch(() => void 0);
  scope.started.add(onPrOfBase);
  const { releases, shared } = await ahead.afterBase(onBaseRef.configs);
  ahead.readAhead(0);
  await onPrOfBase;
  const judgedBase = await judgeBaseRef(run, onBaseRef, shared);
  const brokenRefs = [judgedBase.broken];
  const judgedReleases = [];
  for (const [index, target] of releases.entries()) {
    const { collected: reading, onPrDone } = ahead.next(index);
    const collected = await reading;
    await onPrDone;
    const judged = await judgeReleaseRef(run, target, collected);
    brokenRefs.push(judged.broken);
    judgedReleases.push(judged.release);
  }
  dropDocuments([...shared.values()], readOptions);
  const { suite } = sides;
  if (suite && suite.configs.size === 0 && suite.leftOut.length === 0 && judgedBase.readable.length > 0 && !shard) throw suiteMatchedNothing(options.suite.patterns, judgedBase.readable.length);
  if (suite) notes.push(...suiteNotes(suite, sides.suiteModule.SUITE_TIMEOUT_BUDGET, options.workingDirectory));
  if (options.loader) {
    const refused = [...judgedBase.configs, ...judgedReleases.flatMap((release) => release.configs)].flatMap((config) => [...config.findings, ...config.baseFindings ?? []]);
    notes.push(...loaderNotes(refused, options.loaderJobs, sides.onPr.retriedAlone + sides.onBaseLoader.retriedAlone));
  }
  const { pr: prSchema, baseFile: baseSchemaFile, path: schemaPath } = schemas;
  const schemaChanges = await schemaDiff;
  notes.push(...diffNotes);
  const attributed = attributeSchemaChanges({
    base: { ref: base, configs: judgedBase.configs, skipped: onBaseRef.skipped },
    releases: judgedReleases,
    ...prSchema ? {
      schema: {
        file: prSchema.file,
        draft: prSchema.draft,
        files: prSchema.files,
        ...baseSchemaFile && baseSchemaFile.path !== schemaPath ? { baseFile: baseSchemaFile.path } : {},
        ...baseSchemaFile ? {} : { newInPr: true }
      }
    } : {},
    ...schemaChanges ? { schemaChanges } : {},
    ...options.loader ? { loader: { command: options.loader } } : {},
    loaderProcesses: sides.onPr.processes + sides.onBaseLoader.processes,
    ...suite && options.suite ? { suite: { command: options.suite.command, configs: suite.configs.size, processes: suite.processes, durationMs: suite.durationMs } } : {},
    ...firstConfigs ? { firstConfigs } : {},
    notes
  });
  if (!brokenRefs.some((ref) => ref.configs.length > 0)) return attributed;
  const migrations = await findMigrations(brokenRefs, {
    ...options.migrate ? { migrate: { command: options.migrate, cwd: options.workingDirectory, env: options.loaderEnv, timeoutSeconds: options.loaderTimeoutSeconds } } : {},
    evaluator: sides.prEvaluator,
    ...prSchema ? { schema: prSchema } : {},
    ...attributed.schemaChanges ? { changes: attributed.schemaChanges } : {},
    tempDir: options.tempDir,
    readOptions
  }).catch((error) => {
    attributed.notes.push(`The migrations of the broken configs could not be worked out (${describeError(error)}); the verdict does not depend on them.`);
    return void 0;
  });
  return migrations ? withMigrations(attributed, migrations) : attributed;
}
async function diffOfSchemas(sides, schemas, options, notes) {
  if (sides.schemaUnchanged) return [];
  const { pr, baseFile, path: path2 } = schemas;
  return path2 && pr && baseFile ? diffWithBase(schemas.baseSource, schemas.prSource, options, baseFile.path, path2, notes) : void 0;
}
function judgedAsParsed(sides, schemas, readOptions, baseSchema) {
  if (!schemas.pr) return (config) => setDocumentsAside(config, readOptions);
  if (!sides.prEvaluator.schemaOnly) return void 0;
  return (config) => {
    if (!config.read.ok) return;
    const findings = sides.prEvaluator.schemaFindings(config);
    sides.onPr.record(config, findings);
    if (findings.length > 0) return;
    if (baseSchema) sides.onBaseSchema.record(config, baseSchema.schemaFindings(config));
    setDocumentsAside(config, readOptions);
  };
}

// src/verdict/release-tool-files.ts
import { readdir, readFile as readFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
var RELEASE_CONFIG_FILES = [
  ".releaserc",
  ".releaserc.json",
  ".releaserc.yaml",
  ".releaserc.yml",
  ".releaserc.js",
  ".releaserc.cjs",
  ".releaserc.mjs",
  "release.config.js",
  "release.config.cjs",
  "release.config.mjs",
  "package.json",
  "release-please-config.json",
  ".changeset/config.json"
];
var MAX_FILE_BYTES = 256 * 1024;
var MAX_CHANGESETS = 500;
async function readReleaseToolFiles(root) {
  let changesets = [];
  try {
    changesets = (await readdir(join3(root, ".changeset"))).filter((name) => name.toLowerCase().endsWith(".md")).slice(0, MAX_CHANGESETS).map((name) => `.changeset/${name}`);
  } catch {
  }
  const files = {};
  await Promise.all(
    [...RELEASE_CONFIG_FILES, ...changesets].map(async (path2) => {
      try {
        const bytes = await readFile2(join3(root, path2));
        if (bytes.length <= MAX_FILE_BYTES) files[path2] = bytes.toString("utf8").replace(/^\uFEFF/, "");
      } catch {
      }
    })
  );
  return files;
}

// src/reports/markdown.ts
function cell(text) {
  return markdownText(text.replace(/\r?\n|\r/g, " ")).replace(/\|/g, "\\|");
}
function inlineCode(text) {
  const flat = visible(text.replace(/\r?\n|\r/g, "\u2424"));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`.replace(/\|/g, "\\|");
}
function codeBlock(text, info = "text") {
  const flat = visible(text, { newlines: true });
  const longest = Math.max(2, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${flat}
${fence}`;
}
function codeLink(text, url) {
  return url ? `[${inlineCode(text)}](${url})` : inlineCode(text);
}
function clip2(text, max) {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}\u2026`;
}
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
function count(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}
function readablePointer(pointer) {
  return pointer.replace(/~1/g, "/").replace(/~0/g, "~");
}
function readablePointers(text) {
  return text.replace(/`(\/[^`\n]*)`/g, (_, pointer) => `\`${readablePointer(pointer)}\``);
}
function fileLink(report, sha, path2, line) {
  if (!report.repository) return void 0;
  const encoded = path2.split("/").map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
  return `${report.repository.serverUrl}/${report.repository.name}/blob/${sha}/${encoded}${line ? `#L${line}` : ""}`;
}

// src/reports/migrations.ts
var ORDER = { "no-migration": 0, suggested: 1, migrates: 2 };
var MESSAGE_CHARS = 300;
function migrationEntries(report) {
  const entries = [];
  if (report.base) {
    for (const config of report.configs) {
      if (config.status === ConfigStatus.Broken && config.migration) entries.push({ path: config.path, ref: report.base.ref, sha: report.base.sha, migration: config.migration });
    }
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status === DriftStatus.New && config.migration) entries.push({ path: config.path, ref: release.ref, sha: release.sha, migration: config.migration });
    }
  }
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => ORDER[a.entry.migration.status] - ORDER[b.entry.migration.status] || a.index - b.index).map(({ entry }) => entry);
}
function worthShowing(report, entries) {
  return Boolean(report.settings?.migrate) || entries.some((entry) => entry.migration.status !== "no-migration");
}
var CALLOUT_PATHS = 5;
function noMigrationCallout(report) {
  if (!report.settings?.migrate) return void 0;
  const none = migrationEntries(report).filter((entry) => entry.migration.status === "no-migration");
  if (none.length === 0) return void 0;
  const named = none.slice(0, CALLOUT_PATHS).map((entry) => `${inlineCode(entry.path)} of ${inlineCode(entry.ref)}`);
  const more = none.length > named.length ? `, and ${none.length - named.length} more` : "";
  return `**${count(none.length, "break has", "breaks have")} no migration:** ${named.join(", ")}${more}. The \`migrate\` command does not upgrade ${none.length === 1 ? "it" : "them"} to a config the PR's code loads; see Migrations below for why.`;
}
function migrationSection(report, style) {
  const entries = migrationEntries(report);
  if (entries.length === 0 || !worthShowing(report, entries)) return void 0;
  const none = entries.filter((entry) => entry.migration.status === "no-migration").length;
  const migrates = entries.filter((entry) => entry.migration.status === "migrates").length;
  const suggested = entries.filter((entry) => entry.migration.status === "suggested").length;
  const command = report.settings?.migrate;
  const intro = [
    none > 0 ? `**${count(none, "break has", "breaks have")} no migration** (listed first): users of ${none === 1 ? "that config" : "those configs"} have no way to upgrade it.` : void 0,
    command ? `The \`migrate\` command ${inlineCode(command)} upgrades ${migrates} of ${count(entries.length, "broken config")} so that the PR's code loads ${migrates === 1 ? "it" : "them"}.` : void 0,
    suggested > 0 ? `For ${count(suggested, "config")} the schema diff calls for mechanical changes, suggested below.` : void 0,
    "Migrations never change the verdict."
  ].filter(Boolean).join(" ");
  return {
    rows: entries.length,
    render(limit) {
      const shown = entries.slice(0, limit);
      const cut = entries.length - shown.length;
      const rows = shown.map((entry) => [codeLink(entry.path, fileLink(report, entry.sha, entry.path)), inlineCode(entry.ref), statusWords(entry.migration)]);
      const details = shown.map((entry) => detailsOf(entry)).filter((part) => part !== void 0);
      return [
        `${style.heading} Migrations`,
        intro,
        table(["Config", "Ref", "Migration"], rows),
        ...details,
        cut > 0 ? `_\u2026and ${count(cut, "more config")} (not shown: ${style.cutReason})._` : void 0
      ].filter((part) => part !== void 0).join("\n\n");
    }
  };
}
function statusWords(migration) {
  const message = migration.message ? cell(clip2(readablePointers(migration.message), MESSAGE_CHARS)) : "";
  switch (migration.status) {
    case "no-migration":
      return `\u274C no migration${message ? `: ${message}` : ""}`;
    case "migrates":
      return `${migration.diff ? "\u2705 migrates (the diff is below)" : "\u2705 migrates"}${message ? `<br>${message}` : ""}`;
    case "suggested": {
      const first = migration.suggestions?.[0];
      const more = (migration.suggestions?.length ?? 0) > 1 ? ` (+${migration.suggestions.length - 1} more)` : "";
      return `\u{1F4A1} suggested: ${first ? cell(clip2(readablePointers(first.text), MESSAGE_CHARS)) : ""}${more}${message ? `<br>${message}` : ""}`;
    }
  }
}
function detailsOf(entry) {
  const name = `<code>${escapeHtml(visible(entry.path))}</code> of <code>${escapeHtml(visible(entry.ref))}</code>`;
  if (entry.migration.status === "migrates" && entry.migration.diff) {
    return [`<details><summary>${name}: before \u2192 after</summary>`, codeBlock(entry.migration.diff, "diff"), "</details>"].join("\n\n");
  }
  if (entry.migration.status === "suggested" && entry.migration.suggestions?.length) {
    return [`<details><summary>${name}: suggested migration</summary>`, ...entry.migration.suggestions.map(suggestionMarkdown), "</details>"].join("\n\n");
  }
  return void 0;
}
function suggestionMarkdown(suggestion) {
  const where = suggestion.document !== void 0 ? ` (document ${suggestion.document + 1})` : "";
  return [`- ${markdownText(readablePointers(suggestion.text))}${where}:`, indent(`Before:

${codeBlock(suggestion.before, "yaml")}

After:

${codeBlock(suggestion.after, "yaml")}`)].join("\n\n");
}
function indent(text) {
  return text.split("\n").map((line) => line ? `  ${line}` : line).join("\n");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// src/reports/release-note.ts
var NOTE_ENTRIES = 8;
var NOTE_PATHS = 3;
var MESSAGE_CHARS2 = 200;
var QUOTE_CHARS = 160;
function breakEntries(report) {
  const baseRef = report.base?.ref ?? "the base";
  const baseBroken = report.configs.filter((config) => config.status === ConfigStatus.Broken).map((config) => config.path);
  const releases = releaseDrifts(report).map((release) => ({
    ref: release.ref,
    configs: release.drift.configs.filter((config) => config.status === DriftStatus.New)
  }));
  const changes = report.schemaChanges?.breaking.filter((change) => change.configs.length > 0) ?? [];
  const explained2 = new Set(changes.flatMap((change) => change.configs));
  const entries = changes.map((change) => ({
    kind: "schema-change",
    text: readablePointers(change.message),
    change,
    groups: groups([
      ...releases.map((release) => [release.ref, release.configs.map((config) => config.path).filter((path2) => change.configs.includes(path2))]),
      [baseRef, baseBroken.filter((path2) => change.configs.includes(path2))]
    ])
  }));
  const broken = [
    ...releases.flatMap((release) => release.configs.map((config) => ({ path: config.path, ref: release.ref, errors: config.errors, explained: explained2.has(config.path) }))),
    ...report.configs.filter((config) => config.status === ConfigStatus.Broken).map((config) => ({ path: config.path, ref: baseRef, errors: config.errors, explained: Boolean(config.causes?.length) || explained2.has(config.path) }))
  ].filter((config) => !config.explained);
  const order = ["loader", "suite", "schema"];
  for (const [index, layer] of order.entries()) {
    const hit = broken.filter(
      (config) => config.errors.some((e) => e.layer === layer) && !order.slice(0, index).some((earlier) => config.errors.some((e) => e.layer === earlier))
    );
    if (!hit.length) continue;
    const messages = [...new Set(hit.map((config) => withoutCopyPath(firstWords(config.errors.find((e) => e.layer === layer)), config.path)))];
    entries.push({
      kind: layer,
      text: messages[0],
      groups: groups([
        ...releases.map((release) => [release.ref, hit.filter((c) => c.ref === release.ref).map((c) => c.path)]),
        [baseRef, hit.filter((c) => c.ref === baseRef).map((c) => c.path)]
      ]),
      ...messages.length > 1 ? { otherMessages: messages.length - 1 } : {}
    });
  }
  return entries;
}
function firstWords(finding) {
  const message = finding.message.trim();
  return finding.layer === "schema" && finding.pointer ? `${readablePointer(finding.pointer)}: ${message}` : message;
}
function withoutCopyPath(message, path2) {
  const escaped2 = path2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return message.replace(new RegExp(`(?:[A-Za-z]:)?[\\\\/][^\\s"']*?[\\\\/]${escaped2}`, "g"), path2);
}
function groups(pairs) {
  return pairs.filter(([, paths]) => paths.length > 0).map(([ref, paths]) => ({ ref, paths: [...new Set(paths)] }));
}
function withReleaseNote(report) {
  const { releaseNote: _previous, ...rest } = report;
  const note = releaseNoteFor(rest);
  return note ? { ...rest, releaseNote: note } : rest;
}
function releaseNoteFor(report) {
  if (report.error) return void 0;
  const entries = breakEntries(report);
  if (!entries.length) return void 0;
  const shown = entries.slice(0, NOTE_ENTRIES);
  const more = entries.length - shown.length;
  const migration = migrationNote(report);
  const footer = [
    "BREAKING CHANGE: configs written for earlier versions must change:",
    ...shown.map((entry) => `- ${entryText(entry, plain)}`),
    ...more > 0 ? [`- and ${count(more, "more change")}.`] : [],
    ...migration.footer
  ].join("\n");
  const markdown = [
    "**Breaking:** configs written for earlier versions must change:",
    "",
    ...shown.map((entry) => `- ${entryText(entry, markdown_)}`),
    ...more > 0 ? [`- and ${count(more, "more change")}.`] : [],
    ...migration.markdown.length ? ["", ...migration.markdown] : []
  ].join("\n");
  return { footer, markdown };
}
var NOTE_DIFFS = 3;
function migrationNote(report) {
  const entries = migrationEntries(report);
  const suggested = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    for (const suggestion of entry.migration.suggestions ?? []) {
      const group = suggested.get(suggestion.text);
      if (group) {
        if (!group.entries.includes(entry)) group.entries.push(entry);
      } else suggested.set(suggestion.text, { suggestion, entries: [entry] });
    }
  }
  const migrates = entries.filter((entry) => entry.migration.status === "migrates");
  const command = report.settings?.migrate;
  const stuck = command ? entries.filter((entry) => entry.migration.status === "no-migration") : [];
  if (suggested.size === 0 && migrates.length === 0 && stuck.length === 0) return { footer: [], markdown: [] };
  const groups2 = [...suggested.values()].slice(0, NOTE_ENTRIES);
  const hidden = suggested.size - groups2.length;
  const whose = (list2, name) => {
    const byRef = /* @__PURE__ */ new Map();
    for (const entry of list2) byRef.set(entry.ref, [...byRef.get(entry.ref) ?? [], entry.path]);
    return whoseWords({ kind: "schema", text: "", groups: [...byRef].map(([ref, paths]) => ({ ref, paths: [...new Set(paths)] })) }, name);
  };
  const snippetLines = (text) => text.split("\n").map((line) => `      ${commitText(line)}`);
  const footer = [
    "How to migrate:",
    ...groups2.flatMap(({ suggestion, entries: list2 }) => [
      `- ${plain.message(suggestion.text)}, in ${whose(list2, plain.name)}:`,
      "    before:",
      ...snippetLines(suggestion.before),
      "    after:",
      ...snippetLines(suggestion.after)
    ]),
    ...hidden > 0 ? [`- and ${count(hidden, "more change")} (the JSON report lists all).`] : [],
    ...command && migrates.length ? [`- ${plain.quote(command)} upgrades ${whose(migrates, plain.name)}.`] : [],
    ...stuck.length ? [`- No migration for ${whose(stuck, plain.name)}.`] : []
  ];
  const diffs = migrates.filter((entry) => entry.migration.diff).slice(0, NOTE_DIFFS);
  const markdown = [
    "**How to migrate:**",
    "",
    ...groups2.flatMap(({ suggestion, entries: list2 }) => [suggestionMarkdown({ ...suggestion, text: `${suggestion.text}, in ${whose(list2, markdown_.name)}` }), ""]),
    ...hidden > 0 ? [`- and ${count(hidden, "more change")} (the JSON report lists all).`, ""] : [],
    ...command && migrates.length ? [`- Run ${markdown_.quote(command)} on your configs: it upgrades ${whose(migrates, markdown_.name)}.`, ""] : [],
    ...stuck.length ? [`- No migration for ${whose(stuck, markdown_.name)}.`, ""] : [],
    ...diffs.flatMap((entry) => [
      `<details><summary>Before \u2192 after: ${markdownText(entry.path).replace(/`/g, "&#96;")} of ${markdownText(entry.ref).replace(/`/g, "&#96;")}</summary>`,
      "",
      codeBlock(entry.migration.diff, "diff"),
      "",
      "</details>",
      ""
    ])
  ];
  while (markdown[markdown.length - 1] === "") markdown.pop();
  return { footer, markdown };
}
var plain = {
  message: (text) => commitText(clip2(oneLine2(text), MESSAGE_CHARS2)),
  quote: (text) => `"${commitText(clip2(oneLine2(text), QUOTE_CHARS))}"`,
  name: (text) => commitText(text)
};
var markdown_ = {
  message: (text) => markdownText(clip2(oneLine2(text), MESSAGE_CHARS2)),
  quote: (text) => inlineCode(clip2(oneLine2(text), QUOTE_CHARS)),
  name: (text) => inlineCode(text)
};
function whoseWords(entry, name, paths = NOTE_PATHS) {
  return entry.groups.map((group) => {
    const named = group.paths.slice(0, paths).map(name).join(", ");
    const rest = group.paths.length > paths ? ` and ${group.paths.length - paths} more` : "";
    return `${count(group.paths.length, "config")} of ${name(group.ref)} (${named}${rest})`;
  }).join(" and ");
}
function entryText(entry, form) {
  const whose = whoseWords(entry, form.name);
  const others = entry.otherMessages ? ` (and ${count(entry.otherMessages, "other message")})` : "";
  switch (entry.kind) {
    case "schema-change":
      return `${stripStop(form.message(entry.text))}: change ${whose}.`;
    case "loader":
      return `The loader now refuses ${whose}: ${form.quote(entry.text)}${others}.`;
    case "suite":
      return `The integration suite now fails with ${whose}: ${form.quote(entry.text)}${others}.`;
    case "schema":
      return `The schema now rejects ${whose}: ${form.quote(entry.text)}${others}.`;
  }
}
function oneLine2(text) {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, " ").trim();
}
function stripStop(text) {
  return text.replace(/\.$/, "");
}
function commitText(text) {
  return visible(text).replace(/@(?=[\p{L}\p{N}_])/gu, "\uFF20").replace(new RegExp("#(?=\\p{N})", "gu"), "\uFF03").replace(new RegExp("\\b(GH)-(?=\\p{N})", "giu"), "$1\u2010");
}
function releaseNoteBlock(note) {
  const longest = Math.max(0, ...(note.footer.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [
    "Paste this footer into the squash commit's message (release tools read the commit, not the PR):",
    `${fence}text
${note.footer}
${fence}`,
    "For the release notes:",
    note.markdown
  ].join("\n\n");
}

// src/verdict/acknowledgement.ts
var BREAKING_HEADER = /^[A-Za-z][A-Za-z0-9-]*(?:\(([^()\r\n]+)\))?!: +\S/;
var BREAKING_FOOTER = /^BREAKING[ -]CHANGE: +\S/;
function isBreakingHeader(header) {
  const match = BREAKING_HEADER.exec(header.trim());
  if (!match) return false;
  const scope = match[1];
  return scope === void 0 || scope.trim() !== "";
}
function breakingChange(message) {
  const [subject = "", ...rest] = message.split(/\r?\n/);
  if (isBreakingHeader(subject)) return subject.trim();
  const footer = rest.find((line) => BREAKING_FOOTER.test(line));
  return footer?.trimEnd();
}
var LOOSE_HEADER = /^(\[[^\]]*\]\s*)?([A-Za-z][A-Za-z0-9-]*)(\s*)(?:\(([^()\r\n]*)\))?(\s*)(!+)(\s*):([ \t]*)(.*)$/;
var LOOSE_FOOTER = /^(\s*)(breaking([ _-]?)(changes?))(\s*)(:|\s#)([ \t]*)(.*)$/i;
var WORDY_TITLE = /^breaking(?:[ _-]?changes?)?\s*:\s*(.*)$/i;
var PLACEHOLDER = "<description>";
function headerNearMiss(header) {
  const text = header.trim();
  if (isBreakingHeader(text)) return void 0;
  const loose = LOOSE_HEADER.exec(text);
  if (loose) {
    const [, prefix, type = "", spaceAfterType, scope, spaceBeforeBang, bangs = "", spaceBeforeColon, spaceAfterColon = "", rest = ""] = loose;
    const description = rest.trim();
    const scopeText = scope?.trim() ? `(${scope.trim()})` : "";
    const fix = `${type}${scopeText}!: ${description || PLACEHOLDER}`;
    const because = prefix ? `text before the type (${prefix.trim()})` : spaceAfterType || spaceBeforeBang ? "a space before `!`" : bangs.length > 1 ? "more than one `!`" : scope !== void 0 && !scopeText ? "an empty scope `()`" : spaceBeforeColon ? "a space between `!` and `:`" : description === "" ? "no description after `!:`" : spaceAfterColon === "" || spaceAfterColon.includes("	") ? "no space after `:`" : void 0;
    return because ? { because, fix } : void 0;
  }
  const wordy = WORDY_TITLE.exec(text);
  if (wordy) {
    return { because: "a `BREAKING\u2026:` prefix is not a Conventional Commits header", fix: `feat!: ${wordy[1]?.trim() || PLACEHOLDER}` };
  }
  return void 0;
}
function suggestedTitle(title) {
  const text = title?.trim() ?? "";
  if (isBreakingHeader(text)) return text;
  const near = headerNearMiss(text);
  if (near) return near.fix;
  const header = /^([A-Za-z][\w-]*)(\([^()\r\n]*\))?\s*!*\s*:\s*(.*)$/.exec(text);
  if (header) return `${header[1]}${header[2] ?? ""}!: ${header[3] || PLACEHOLDER}`;
  return `feat!: ${text || PLACEHOLDER}`;
}
function footerNearMiss(line) {
  if (BREAKING_FOOTER.test(line)) return void 0;
  const loose = LOOSE_FOOTER.exec(line.trimEnd());
  if (!loose) return void 0;
  const [, indent2, token = "", joiner = "", noun = "", spaceBeforeColon, separator = "", spaceAfterColon = "", rest = ""] = loose;
  const description = rest.trim();
  const fix = `BREAKING CHANGE: ${description || "<what users must change>"}`;
  const because = indent2 ? "the token must start the line" : noun.toLowerCase() === "changes" ? "`BREAKING CHANGES` (plural) is not the token" : joiner === "_" || joiner === "" ? "the words are joined by a space or a hyphen" : token !== token.toUpperCase() ? "the token is upper case" : separator !== ":" ? "the `#` separator is not accepted" : spaceBeforeColon ? "a space before `:`" : description === "" ? "no description after the colon" : spaceAfterColon === "" || spaceAfterColon.includes("	") ? "no space after `:`" : void 0;
  return because ? { because, fix } : void 0;
}
function labelNearMiss(label, ackLabels) {
  const wanted = ackLabels.map((ack) => ack.trim()).filter((ack) => ack !== "");
  if (wanted.some((ack) => ack.toLowerCase() === label.trim().toLowerCase())) return void 0;
  const squash = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const mine = squash(label);
  if (mine.length < 4) return void 0;
  for (const ack of wanted) {
    const theirs = squash(ack);
    if (theirs === mine) return { because: "it differs from an `ack-labels` label in case or separators", fix: ack };
    const [shorter, longer] = mine.length <= theirs.length ? [mine, theirs] : [theirs, mine];
    if (editDistance2(mine, theirs) <= 2 || shorter.length >= 5 && longer.startsWith(shorter)) {
      return { because: "it is not one of the `ack-labels`", fix: ack };
    }
  }
  return void 0;
}
function editDistance2(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function commitNearMisses(commit) {
  if (breakingChange(commit.message) !== void 0) return [];
  const [subject = "", ...rest] = commit.message.split(/\r?\n/);
  const misses = [];
  const header = headerNearMiss(subject);
  if (header) {
    const wordy = WORDY_TITLE.test(subject.trim());
    misses.push({
      kind: "commit",
      sha: commit.sha,
      text: subject.trim(),
      because: wordy ? "a `BREAKING CHANGE:` footer must follow the subject, after a blank line" : header.because,
      fix: header.fix
    });
  }
  for (const line of rest) {
    const footer = footerNearMiss(line);
    if (footer) misses.push({ kind: "commit", sha: commit.sha, text: line.trim(), ...footer });
  }
  return misses;
}
function parseLabelList(input) {
  const labels = [];
  const seen = /* @__PURE__ */ new Set();
  for (const part of input.split(/[\r\n,]+/)) {
    const label = part.trim();
    const key = label.toLowerCase();
    if (label === "" || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}
function acknowledge(input) {
  const reasons = [];
  if (input.title !== void 0 && isBreakingHeader(input.title)) {
    reasons.push({ kind: "title", title: input.title.trim() });
  }
  for (const commit of input.commits) {
    const text = breakingChange(commit.message);
    if (text !== void 0) reasons.push({ kind: "commit", sha: commit.sha, text });
  }
  const wanted = new Set(input.ackLabels.map((label) => label.trim().toLowerCase()).filter((label) => label !== ""));
  for (const label of input.labels) {
    if (wanted.has(label.trim().toLowerCase())) reasons.push({ kind: "label", label });
  }
  const nearMisses = [];
  const title = input.title !== void 0 ? headerNearMiss(input.title) : void 0;
  if (input.title !== void 0 && title) nearMisses.push({ kind: "title", text: input.title.trim(), ...title });
  for (const commit of input.commits) nearMisses.push(...commitNearMisses(commit));
  for (const label of input.labels) {
    const miss = labelNearMiss(label, input.ackLabels);
    if (miss) nearMisses.push({ kind: "label", text: label, because: miss.because, fix: miss.fix });
  }
  return { acknowledged: reasons.length > 0, reasons, ...nearMisses.length ? { nearMisses } : {} };
}

// src/verdict/acknowledgements-file.ts
var import_ajv2 = __toESM(require_ajv(), 1);
import { readFile as readFile3, stat } from "node:fs/promises";
var DEFAULT_ACKNOWLEDGEMENTS_FILE = ".github/compat-gate-acknowledged.yaml";
var ACK_LAYERS = ["schema", "loader", "suite"];
var ACKNOWLEDGEMENTS_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://raw.githubusercontent.com/org/compat-gate/main/schemas/acknowledgements.schema.json",
  title: "compat-gate acknowledgements",
  description: "Breaks of old configs that a repository accepts on purpose, each with a reason. Read by compat-gate from the PR checkout when `acknowledge-with` is `file` or `either`. Either a list of entries, or an object whose `acknowledgements` is that list.",
  if: { type: "array" },
  then: { items: { $ref: "#/definitions/entry" } },
  else: {
    type: "object",
    required: ["acknowledgements"],
    additionalProperties: false,
    properties: { acknowledgements: { type: "array", items: { $ref: "#/definitions/entry" } } }
  },
  definitions: {
    entry: {
      type: "object",
      description: "One acknowledged break: by `fingerprint`, or by `paths` and `layer` (every break of that layer in those configs).",
      required: ["reason"],
      additionalProperties: false,
      properties: {
        fingerprint: {
          type: "string",
          pattern: "^cg[1-9][0-9]*:[0-9a-f]{16}$",
          description: "The fingerprint compat-gate shows for the break (summary, comment, JSON report), e.g. `cg2:0123456789abcdef`."
        },
        paths: {
          description: "A glob of config paths, or a list of globs (`!` excludes), matched against the config's path in the release, on the base and now.",
          oneOf: [
            { type: "string", minLength: 1 },
            { type: "array", minItems: 1, items: { type: "string", minLength: 1 } }
          ]
        },
        layer: { enum: [...ACK_LAYERS], description: "Which layer's breaks in those configs are acknowledged." },
        reason: { type: "string", pattern: "\\S", description: "Why the break is accepted: kept with the entry and shown when it is used." },
        expires: {
          type: "string",
          pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
          description: "The last day (UTC, YYYY-MM-DD) on which the entry acknowledges; after it, the break fails again."
        },
        issue: { type: "string", pattern: "^https?://\\S+$", description: "A link to where the break is discussed." }
      },
      if: { required: ["fingerprint"] },
      then: { not: { anyOf: [{ required: ["paths"] }, { required: ["layer"] }] } },
      else: { required: ["paths", "layer"] }
    }
  }
};
var compiled;
var validator = () => compiled ??= new import_ajv2.Ajv({ allErrors: true, strict: false }).compile(ACKNOWLEDGEMENTS_SCHEMA);
var FIX = 'Fix it there: the file\'s format is described by `schemas/acknowledgements.schema.json` and in the README ("Precise acknowledgements").';
async function readAcknowledgements(absolutePath, shownPath) {
  let content;
  try {
    const info = await stat(absolutePath);
    if (info.isFile() && info.size > MAX_ACKNOWLEDGEMENTS_BYTES) {
      throw new GateError(
        `The acknowledgements file \`${shownPath}\` is ${Math.round(info.size / 1024 / 1024)} MiB, more than the ${MAX_ACKNOWLEDGEMENTS_BYTES / 1024 / 1024} MiB compat-gate reads.`,
        "Keep one entry per break: a file of acknowledgements stays small."
      );
    }
    content = await readFile3(absolutePath);
  } catch (error) {
    if (error instanceof GateError) throw error;
    const code = error.code;
    if (code === "ENOENT") return { path: shownPath, found: false };
    throw new GateError(
      (n) => `The acknowledgements file \`${shownPath}\` (the ${n.setting("acknowledgements")}) could not be read: ${code === "EISDIR" ? "it is a folder" : error.message}.`,
      (n) => `Give the ${n.setting("acknowledgements")} the path of a YAML or JSON file in the PR checkout, relative to the ${n.setting("working-directory")}.`
    );
  }
  return { path: shownPath, found: true, ...parseAcknowledgements(shownPath, content) };
}
var MAX_ACKNOWLEDGEMENTS_BYTES = DEFAULT_MAX_BYTES;
var PLACEHOLDER_REASON = /^\s*TODO\b/i;
function parseAcknowledgements(path2, content) {
  const options = { yamlVersion: "1.2" };
  const read = readConfig(path2, content, options);
  if (!read.ok) {
    throw new GateError(`The acknowledgements file \`${path2}\`${at2(read.position)}${read.position ? "," : ""} cannot be read: ${read.message}.`, "Fix its syntax: it is YAML (or JSON), a list of entries or `acknowledgements:` with the list.");
  }
  if (read.documents.length > 1) {
    throw new GateError(`The acknowledgements file \`${path2}\` holds ${read.documents.length} YAML documents.`, "Keep one document: remove the `---` lines between them.");
  }
  const document = read.documents[0] ?? null;
  if (document === null) return { form: "list", entries: [] };
  const where = (pointer, target = "value") => at2(locate(path2, content, options, 0, pointer, target));
  const validate = validator();
  if (!validate(document)) {
    const error = mostUseful(validate.errors ?? []);
    const { pointer, words, target } = describeSchemaError(error, document);
    throw new GateError(`The acknowledgements file \`${path2}\`${where(pointer, target)}: ${words}.`, FIX);
  }
  const form = Array.isArray(document) ? "list" : "mapping";
  const list2 = Array.isArray(document) ? document : document.acknowledgements;
  const prefix = form === "list" ? "" : "/acknowledgements";
  const entries = list2.map((raw, index) => {
    const pointer = `${prefix}/${index}`;
    const expires = raw.expires;
    if (expires !== void 0 && !isRealDate(expires)) {
      throw new GateError(`The acknowledgements file \`${path2}\`${where(`${pointer}/expires`)}: entry ${index + 1} expires on \`${expires}\`, which is not a date.`, "Write the last day it counts as YYYY-MM-DD, e.g. `2027-01-31`.");
    }
    const line = locate(path2, content, options, 0, pointer)?.line;
    if (typeof raw.reason === "string" && PLACEHOLDER_REASON.test(raw.reason)) {
      throw new GateError(
        `The acknowledgements file \`${path2}\`${where(`${pointer}/reason`)}: entry ${index + 1} still has the placeholder reason compat-gate offered (\`${raw.reason.trim().slice(0, 60)}\`).`,
        "Write why users may lose this and what they must change, in place of the TODO."
      );
    }
    const paths = raw.paths === void 0 ? void 0 : typeof raw.paths === "string" ? [raw.paths] : raw.paths;
    if (paths && !globsRead(paths)) {
      throw new GateError(
        `The acknowledgements file \`${path2}\`${where(`${pointer}/paths`)}: entry ${index + 1} has \`paths\` that are not globs compat-gate can read (${paths.map((glob) => `\`${glob}\``).join(", ")}).`,
        "Write globs as in the `configs` input: `distributions/*/run.yaml`, `**` for any folders, `{a,b}`, a leading `!` to exclude."
      );
    }
    return {
      number: index + 1,
      ...line ? { line } : {},
      ...raw.fingerprint !== void 0 ? { fingerprint: raw.fingerprint } : {},
      ...paths ? { paths } : {},
      ...raw.layer !== void 0 ? { layer: raw.layer } : {},
      reason: raw.reason.trim(),
      ...expires !== void 0 ? { expires } : {},
      ...raw.issue !== void 0 ? { issue: raw.issue } : {}
    };
  });
  return { form, entries };
}
function at2(position) {
  return position ? `, line ${position.line}` : "";
}
function globsRead(globs) {
  try {
    const patterns = parsePatterns(globs.join("\n"));
    createMatcher(patterns);
    return patterns.include.length > 0;
  } catch {
    return false;
  }
}
function isRealDate(text) {
  const [year, month, day] = text.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function mostUseful(errors) {
  const real = errors.filter((error) => error.keyword !== "if");
  const pool = real.length ? real : errors;
  return pool.reduce((best, error) => error.instancePath.split("/").length > best.instancePath.split("/").length ? error : best, pool[0]);
}
function describeSchemaError(error, document) {
  const pointer = error.instancePath;
  const entry = /\/(\d+)(?:\/|$)/.exec(pointer);
  const field2 = /\/\d+\/([^/]+)/.exec(pointer)?.[1];
  const who = entry ? `entry ${Number(entry[1]) + 1}` : "the file";
  const params = error.params;
  switch (error.keyword) {
    case "type":
      if (pointer === "") return { pointer, words: "the file is neither a list of entries nor an object with `acknowledgements:`" };
      if (pointer === "/acknowledgements") return { pointer, words: "`acknowledgements` must be a list of entries" };
      if (!field2) return { pointer, words: `${who} is not an object (\`fingerprint\` or \`paths\` and \`layer\`, with \`reason\`)` };
      return { pointer, words: `${who}: \`${field2}\` must be ${params.type === "array" ? "a list" : `a ${String(params.type)}`}` };
    case "required": {
      const missing = String(params.missingProperty);
      if (pointer === "") return { pointer, words: "the file has no `acknowledgements:` list" };
      if (missing === "reason") return { pointer, words: `${who} has no \`reason\`: every acknowledgement says why the break is accepted` };
      if (missing === "paths" || missing === "layer") return { pointer, words: `${who} has neither a \`fingerprint\` nor both \`paths\` and \`layer\` (it lacks \`${missing}\`)` };
      return { pointer, words: `${who} has no \`${missing}\`` };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      return { pointer: `${pointer}/${escapePointerToken(extra)}`, words: `${who === "the file" ? "the file has" : `${who} has`} an unknown key \`${extra}\` (known: ${entry ? "`fingerprint`, `paths`, `layer`, `reason`, `expires`, `issue`" : "`acknowledgements`"})`, target: "key" };
    }
    case "not":
      return { pointer, words: `${who} has a \`fingerprint\` and \`paths\`/\`layer\`: give one or the other` };
    case "enum":
      return { pointer, words: `${who}: \`layer\` is \`${String(valueAt(document, pointer))}\`, not one of ${ACK_LAYERS.map((layer) => `\`${layer}\``).join(", ")}` };
    case "pattern":
    case "minLength":
    case "minItems":
    case "oneOf":
      return { pointer, words: `${who}: ${fieldWords(field2, valueAt(document, pointer))}` };
    default:
      return { pointer, words: `${who}: ${error.message ?? "not valid"}` };
  }
}
function fieldWords(field2, value) {
  const shown = typeof value === "string" ? `\`${value}\`` : JSON.stringify(value);
  switch (field2) {
    case "fingerprint":
      return `\`fingerprint\` is ${shown}, not a compat-gate fingerprint (\`cg2:\` and 16 hex digits, as the summary shows it)`;
    case "reason":
      return "`reason` is empty: say why the break is accepted";
    case "expires":
      return `\`expires\` is ${shown}, not a date written YYYY-MM-DD`;
    case "issue":
      return `\`issue\` is ${shown}, not an http(s) URL`;
    case "paths":
      return "`paths` must be a glob or a non-empty list of globs";
    default:
      return `\`${field2 ?? "value"}\` is not valid`;
  }
}
function valueAt(document, pointer) {
  let value = document;
  for (const key of parsePointer(pointer) ?? []) {
    value = value && typeof value === "object" ? value[key] : void 0;
  }
  return value;
}

// src/verdict/coverage.ts
var ACK_MODES = ["pr", "file", "either"];
function utcDay(now) {
  return new Date(now).toISOString().slice(0, 10);
}
var matchers = /* @__PURE__ */ new WeakMap();
function matchersOf(entry, paths) {
  let found2 = matchers.get(entry);
  if (!found2) {
    const excludes = paths.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
    found2 = {
      included: createMatcher(parsePatterns(paths.filter((glob) => !glob.startsWith("!")).join("\n"))),
      excluded: excludes.length ? createMatcher(parsePatterns(excludes.join("\n"))) : () => false
    };
    matchers.set(entry, found2);
  }
  return found2;
}
function entryMatches(entry, found2, broke) {
  if (entry.fingerprint !== void 0) return entry.fingerprint === broke.fingerprint;
  if (!entry.paths || entry.layer !== broke.layer) return false;
  const names = [broke.path, found2.configPath, found2.currentPath].filter((path2) => path2 !== void 0);
  const { included, excluded } = matchersOf(entry, entry.paths);
  return names.some(included) && !names.some(excluded);
}
function coverBreaks(file, breaks, counts, today) {
  const entries = file.found ? file.entries : [];
  const checked = entries.map((entry) => {
    const covers = /* @__PURE__ */ new Set();
    for (const found2 of breaks) for (const broke of found2.breaks) if (entryMatches(entry, found2, broke)) covers.add(broke.fingerprint);
    const expired = entry.expires !== void 0 && entry.expires < today;
    return { ...entry, state: expired ? "expired" : covers.size ? "used" : "stale", covers: [...covers].sort() };
  });
  const liveCovers = new Set(checked.filter((entry) => entry.state === "used").flatMap((entry) => entry.covers));
  const uncovered = [];
  const seen = /* @__PURE__ */ new Set();
  let counted = 0;
  for (const found2 of breaks) {
    if (!counts(found2)) continue;
    const coveredHere = found2.breaks.filter((broke) => liveCovers.has(broke.fingerprint));
    for (const broke of found2.breaks) {
      counted++;
      if (coveredHere.includes(broke) || seen.has(broke.fingerprint)) continue;
      seen.add(broke.fingerprint);
      const expiredEntries = checked.filter((entry) => entry.state === "expired" && entry.covers.includes(broke.fingerprint)).map((entry) => entry.number);
      uncovered.push({
        ...broke,
        ref: found2.ref,
        configPath: found2.configPath,
        ...expiredEntries.length ? { expiredEntries } : {},
        ...coveredHere.length ? { newSinceAcknowledgement: true } : {}
      });
    }
  }
  const form = file.found ? file.form : void 0;
  return {
    path: file.path,
    found: file.found,
    ...form ? { form } : {},
    entries: checked,
    covered: counted > 0 && uncovered.length === 0,
    uncovered,
    ...uncovered.length ? { suggestion: suggestEntries(uncovered, form ?? "mapping", file.found) } : {}
  };
}
function mergeCoverage(shards) {
  const first = shards[0];
  const entries = first.entries.map((entry, index) => {
    const seen2 = shards.map((shard) => shard.entries[index]).filter((other) => other !== void 0);
    const covers = [...new Set(seen2.flatMap((other) => other.covers))].sort();
    const state = seen2.some((other) => other.state === "expired") ? "expired" : seen2.some((other) => other.state === "used") ? "used" : "stale";
    return { ...entry, state, covers };
  });
  const uncovered = [];
  const seen = /* @__PURE__ */ new Set();
  for (const broke of shards.flatMap((shard) => shard.uncovered)) {
    if (seen.has(broke.fingerprint)) continue;
    seen.add(broke.fingerprint);
    uncovered.push(broke);
  }
  const { suggestion: _suggestion, ...rest } = first;
  return {
    ...rest,
    entries,
    covered: uncovered.length === 0 && shards.some((shard) => shard.covered),
    uncovered,
    ...uncovered.length ? { suggestion: suggestEntries(uncovered, first.form ?? "mapping", first.found) } : {}
  };
}
function breakWords(broke, pointer = (as) => as) {
  if (broke.rule) return `${broke.layer}: ${broke.rule} at ${pointer(broke.pointer || "/")}`;
  if (broke.keyword) return `${broke.layer}: ${broke.keyword} at ${pointer(broke.pointer || "/")}`;
  if (broke.test) return `${broke.layer}: test ${broke.test}`;
  return `${broke.layer}: ${broke.message ?? ""}`;
}
var MAX_SUGGESTED = 50;
function suggestEntries(uncovered, form, exists) {
  const indent2 = form === "mapping" ? "  " : "";
  const lines = [];
  if (form === "mapping" && !exists) lines.push(`# yaml-language-server: $schema=${ACKNOWLEDGEMENTS_SCHEMA.$id}`, "acknowledgements:");
  else if (form === "mapping") lines.push("# add under `acknowledgements:`");
  for (const broke of uncovered.slice(0, MAX_SUGGESTED)) {
    lines.push(`${indent2}# ${comment(broke.path)} \u2014 ${comment(breakWords(broke))}`);
    lines.push(`${indent2}- fingerprint: ${broke.fingerprint}`);
    lines.push(`${indent2}  reason: "TODO: why users may lose this, and what they must change" # replace before merging`);
  }
  if (uncovered.length > MAX_SUGGESTED) lines.push(`# \u2026and ${uncovered.length - MAX_SUGGESTED} more: the JSON report lists every fingerprint`);
  return lines.join("\n");
}
function comment(text) {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
  return flat.length > 120 ? `${flat.slice(0, 119)}\u2026` : flat;
}

// src/verdict/fingerprint.ts
import { createHash } from "node:crypto";
var FINGERPRINT_PREFIX = "cg2:";
function fingerprintOf(path2, layer, what) {
  return FINGERPRINT_PREFIX + createHash("sha256").update(JSON.stringify([path2, layer, what])).digest("hex").slice(0, 16);
}
var TEMP_PATH = /(?:[A-Za-z]:)?[\\/](?:tmp|temp|var[\\/]folders|private[\\/]var|home[\\/]runner[\\/]work[\\/]_temp|runner[\\/]_work[\\/]_temp|a[\\/]_temp)[\\/][^\s'"`,;:)\]]*/gi;
var HEX_SHA = /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/gi;
var ADDRESS = /\b0x[0-9a-f]+\b/gi;
var UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
var MEASURE = /\b\d+(?:[.,]\d+)*\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|minutes?|h|hours?|[kKMG]i?B|bytes?|%)(?![\w])/g;
var PLACE = /(?::\d+){1,2}\b|\b(line|lines|col|column|pid|port|thread|attempt|after)\s*[:=#]?\s*\d+/gi;
var LONG_NUMBER = /\d{5,}/g;
function normaliseMessage(message, ownPaths = []) {
  let text = message;
  for (const path2 of [...new Set(ownPaths)].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(path2).join("<config>");
  return text.replace(TEMP_PATH, "<tmp>").replace(UUID, "<uuid>").replace(ADDRESS, "<address>").replace(HEX_SHA, "<sha>").replace(MEASURE, "<measure>").replace(PLACE, (_match, word) => word ? `${word} <n>` : ":<n>").replace(LONG_NUMBER, "<n>").replace(/\s+/g, " ").trim();
}
function breaksOf(config, fingerprintPath, changes) {
  const layers = config.layers ? breakingLayers(config.layers) : void 0;
  const counted = (config.uncut ?? config.findings).filter((finding) => finding.layer !== "parse" && (!layers || layers.includes(finding.layer)));
  const breaking = changes.filter((change) => change.severity === "breaking");
  const byFingerprint = /* @__PURE__ */ new Map();
  const add = (entry, what) => {
    const fingerprint = fingerprintOf(fingerprintPath, entry.layer, what);
    if (!byFingerprint.has(fingerprint)) byFingerprint.set(fingerprint, { fingerprint, path: fingerprintPath, ...entry });
  };
  for (const finding of counted) {
    if (finding.layer === "schema") {
      const matched = finding.pointer === void 0 ? [] : breaking.filter((change) => changeMatches(change, finding.pointer));
      if (matched.length) {
        for (const change of matched) add({ layer: "schema", rule: change.rule, pointer: change.instancePath }, `rule ${change.rule} ${change.instancePath} ${change.message}`);
      } else {
        const keyword = finding.keyword ?? "schema";
        const pointer = (finding.pointer ?? "").replace(/\/\d+(?=\/|$)/g, "/*");
        add({ layer: "schema", keyword, pointer }, `keyword ${keyword} ${pointer}`);
      }
      continue;
    }
    const message = normaliseMessage(finding.message, [config.path, ...config.currentPath ? [config.currentPath] : [], fingerprintPath]);
    if (finding.test !== void 0) {
      if (!finding.failedOnBase) add({ layer: finding.layer, test: finding.test, message }, `test ${finding.test}`);
      continue;
    }
    add({ layer: finding.layer, message }, `message ${message}`);
  }
  for (const layer of layers ?? []) {
    if (![...byFingerprint.values()].some((broke) => broke.layer === layer)) add({ layer, message: "" }, "message ");
  }
  return [...byFingerprint.values()].sort((a, b) => a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
}
function fingerprintRun(run) {
  const changes = run.schemaChanges ?? [];
  const { releases } = run;
  const releasePathNow = /* @__PURE__ */ new Map();
  for (const release of releases) {
    for (const config of release.configs) {
      const now = config.currentPath ?? config.path;
      if (!releasePathNow.has(now)) releasePathNow.set(now, config.path);
    }
  }
  const found2 = [];
  for (const config of run.base.configs) {
    if (config.status !== ConfigStatus.Broken) continue;
    const path2 = releasePathNow.get(config.currentPath ?? config.path) ?? config.path;
    found2.push({ ref: "base", configPath: config.path, ...config.currentPath ? { currentPath: config.currentPath } : {}, breaks: breaksOf(config, path2, changes) });
  }
  for (const release of releases) {
    for (const config of release.configs) {
      if (config.status !== DriftStatus.New) continue;
      const path2 = releasePathNow.get(config.currentPath ?? config.path) ?? config.path;
      found2.push({ ref: release.ref.ref, configPath: config.path, ...config.currentPath ? { currentPath: config.currentPath } : {}, breaks: breaksOf(config, path2, changes) });
    }
  }
  return found2;
}

// src/verdict/release-tool.ts
var PRESET = /["']?\bpreset["']?\s*:\s*["']?([\w@./-]+)/;
function findReleaseTools(files) {
  const tools = [];
  const pkg = parseJson(files["package.json"]);
  const semanticFile = RELEASE_CONFIG_FILES.find((file) => /^(\.releaserc|release\.config)/.test(file) && files[file] !== void 0);
  if (semanticFile) {
    tools.push({ name: "semantic-release", file: semanticFile, preset: PRESET.exec(files[semanticFile] ?? "")?.[1] ?? "angular" });
  } else if (isObject2(pkg) && pkg.release !== void 0) {
    tools.push({ name: "semantic-release", file: "package.json#release", preset: PRESET.exec(JSON.stringify(pkg.release))?.[1] ?? "angular" });
  } else if (isObject2(pkg) && ["dependencies", "devDependencies"].some((key) => isObject2(pkg[key]) && "semantic-release" in pkg[key])) {
    tools.push({ name: "semantic-release", file: "package.json", preset: "angular" });
  }
  if (files["release-please-config.json"] !== void 0) tools.push({ name: "release-please", file: "release-please-config.json" });
  if (files[".changeset/config.json"] !== void 0) tools.push({ name: "changesets", file: ".changeset/config.json" });
  return tools;
}
function releaseReach(input) {
  const tools = findReleaseTools(input.files);
  const problems = [];
  const notes = [];
  const onlyLabels = input.acknowledgement.reasons.every((reason) => reason.kind === "label");
  for (const tool of tools) {
    if (tool.name === "changesets") {
      const problem = changesetProblem(input.files, onlyLabels);
      if (problem) problems.push(problem);
      continue;
    }
    const reads = readsOf(tool);
    if (!reads) {
      notes.push(`semantic-release uses the \`${tool.preset}\` preset (${tool.file}): compat-gate does not know how it marks a break and did not judge it.`);
      continue;
    }
    for (const method of input.merge.methods) {
      const messages = mergedMessages(method, input.merge, input.pullRequest);
      if (messages.some((message) => seesBreak(reads, message))) continue;
      problems.push({
        tool: toolName(tool),
        method,
        why: whyNot(reads, method, input.merge, input.pullRequest, onlyLabels),
        fix: fixFor(reads, method, input.merge, input.pullRequest)
      });
    }
  }
  return { tools, merge: input.merge, problems, notes };
}
function readsOf(tool) {
  if (tool.name === "release-please") return { name: "release-please", header: true, footers: ["BREAKING CHANGE", "BREAKING-CHANGE"] };
  const preset = (tool.preset ?? "angular").replace(/^conventional-changelog-/, "").toLowerCase();
  if (preset === "angular") return { name: toolName(tool), header: false, footers: ["BREAKING CHANGE"] };
  if (preset === "conventionalcommits") return { name: toolName(tool), header: true, footers: ["BREAKING CHANGE", "BREAKING-CHANGE"] };
  return void 0;
}
function toolName(tool) {
  return tool.name === "semantic-release" ? `semantic-release (${tool.preset ?? "angular"} preset)` : tool.name;
}
function seesBreak(reads, message) {
  const [subject = "", ...rest] = message.split(/\r?\n/);
  if (reads.header && isBreakingHeader(subject)) return true;
  return rest.some((line) => reads.footers.some((token) => new RegExp(`^[\\s|*]*${token}:\\s*\\S`).test(line)));
}
function mergedMessages(method, merge, pr) {
  const title = pr.title ?? "";
  if (method === "rebase") return pr.commits.map((commit) => commit.message);
  if (method === "merge") {
    const subject2 = merge.mergeTitle === "PR_TITLE" ? title : `Merge pull request #${pr.number ?? 0} from ${pr.headRef ?? "a branch"}`;
    const body2 = merge.mergeMessage === "PR_BODY" ? pr.body ?? "" : merge.mergeMessage === "PR_TITLE" ? title : "";
    return [...pr.commits.map((commit) => commit.message), `${subject2}

${body2}`];
  }
  const single = oneCommitSquash(merge, pr);
  const subject = single ? subjectOf(single.message) : title;
  const body = merge.squashMessage === "PR_BODY" ? pr.body ?? "" : merge.squashMessage === "BLANK" ? "" : single ? bodyOf(single.message) : pr.commits.map((commit) => `* ${commit.message}`).join("\n\n");
  return [`${subject}

${body}`];
}
function oneCommitSquash(merge, pr) {
  return merge.squashTitle === "COMMIT_OR_PR_TITLE" && pr.commits.length === 1 ? pr.commits[0] : void 0;
}
function whyNot(reads, method, merge, pr, onlyLabels) {
  if (onlyLabels) return "a label is invisible to release tools; they read commit messages";
  const reasons = [];
  const titleMarked = pr.title !== void 0 && isBreakingHeader(pr.title);
  if (!reads.header) reasons.push("it ignores the `!` of `feat!: \u2026` and reads only a `BREAKING CHANGE:` footer");
  if (method === "squash") {
    const single = oneCommitSquash(merge, pr);
    if (reads.header && titleMarked && single) {
      reasons.push(`a squash merge of a one-commit PR takes the commit's subject (\`${subjectOf(single.message)}\`), not the PR title`);
    }
    if (merge.squashMessage !== "COMMIT_MESSAGES" && pr.commits.some((commit) => bodyOf(commit.message).trim() !== "")) {
      reasons.push(
        merge.squashMessage === "PR_BODY" ? "the squash commit's body is the PR description, so footers in the commits are dropped" : "the squash commit's body is blank, so footers in the commits are dropped"
      );
    }
  } else if (titleMarked) {
    reasons.push(`a ${method === "merge" ? "merge commit" : "rebase merge"} keeps the PR's commits as they are, and the title marks none of them`);
  }
  return reasons.length ? reasons.join("; ") : `no commit this merge produces marks the break for ${reads.name}`;
}
function fixFor(reads, method, merge, pr) {
  const footer = "`BREAKING CHANGE: <what users must change>`";
  if (method !== "squash") {
    return reads.header ? `give a commit of the PR a breaking subject (\`feat!: \u2026\`) or a ${footer} footer, or merge with squash` : `add a ${footer} footer to a commit message of the PR`;
  }
  if (reads.header) {
    const title = suggestedTitle(pr.title);
    if (oneCommitSquash(merge, pr)) {
      return `give the PR's only commit the subject \`${title}\` (\`git commit --amend\`), or set the squash title to the PR title (Settings \u2192 General \u2192 "Default commit message": Pull request title)`;
    }
    return `put \`!\` in the PR title (\`${title}\`) and keep it as the squash subject when merging`;
  }
  switch (merge.squashMessage) {
    case "PR_BODY":
      return `add a line ${footer} to the PR description: the squash commit's body is the PR description`;
    case "BLANK":
      return `write a ${footer} line into the squash commit's message when merging (its body is blank by default), or switch semantic-release to the \`conventionalcommits\` preset so \`!\` counts`;
    case "COMMIT_MESSAGES":
      return `add a ${footer} footer to a commit message of the PR: the squash body keeps the commit messages`;
  }
}
function changesetProblem(files, onlyLabels) {
  const pkg = parseJson(files["package.json"]);
  const name = isObject2(pkg) && typeof pkg.name === "string" && pkg.workspaces === void 0 ? pkg.name : void 0;
  const bumps = Object.entries(files).filter(([path2]) => /^\.changeset\/[^/]+\.md$/i.test(path2) && !/readme\.md$/i.test(path2)).flatMap(([, text]) => changesetBumps(text));
  if (bumps.some((bump) => bump.level === "major" && (name === void 0 || bump.name === name))) return void 0;
  const target = name ?? "<package>";
  return {
    tool: "changesets",
    why: onlyLabels ? "a label is invisible to changesets; a major bump needs a changeset file that says `major`" : `changesets reads no title or commit message; no changeset in \`.changeset/\` bumps ${name ? `\`${name}\`` : "a package"} to \`major\``,
    fix: `add a changeset with \`"${target}": major\` (\`npx changeset\`, choose major) that says what users must change`
  };
}
function changesetBumps(text) {
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!front?.[1]) return [];
  return front[1].split(/\r?\n/).flatMap((line) => {
    const match = /^\s*["']?([^"':]+?)["']?\s*:\s*["']?(major|minor|patch)["']?\s*$/i.exec(line);
    return match?.[1] && match[2] ? [{ name: match[1], level: match[2].toLowerCase() }] : [];
  });
}
function subjectOf(message) {
  return message.split(/\r?\n/, 1)[0]?.trim() ?? "";
}
function bodyOf(message) {
  const lines = message.split(/\r?\n/);
  return lines.slice(1).join("\n").replace(/^\s*\n/, "");
}
function parseJson(text) {
  if (text === void 0) return void 0;
  const read = readJsonText(text);
  return read.ok ? read.value : void 0;
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/verdict/verdict.ts
function decideVerdict(facts) {
  const breaks = facts.broken + (facts.failOnDrift ? facts.newDrift : 0);
  if (breaks === 0) return Verdict.Pass;
  return facts.acknowledged ? Verdict.Acknowledged : Verdict.Breaking;
}
function failsStep(verdict) {
  return verdict === Verdict.Breaking || verdict === Verdict.Error;
}
function acknowledgementCounts(acknowledged, reach2) {
  return acknowledged && !(reach2?.required && reach2.problems.length > 0);
}

// src/pipeline.ts
async function check(request) {
  const now = request.now ?? Date.now;
  const started = now();
  const known = { notes: [] };
  const ackMode = request.acknowledgeWith ?? "pr";
  const finish = (verdict, error) => withReleaseNote(buildReport({
    toolVersion: request.toolVersion,
    verdict,
    ...error ? { error } : {},
    ...request.repository ? { repository: request.repository } : {},
    event: request.eventName,
    ackLabels: request.ackLabels,
    ackMode,
    failOnDrift: request.failOnDrift,
    ...request.gate.shard ? { shard: request.gate.shard } : {},
    settings: {
      configs: [...request.gate.patterns.include, ...request.gate.patterns.exclude.map((pattern) => `!${pattern}`)],
      ...request.gate.schema ? { schema: request.gate.schema } : {},
      ...request.gate.loader ? { loader: request.gate.loader } : {},
      ...request.gate.migrate ? { migrate: request.gate.migrate } : {},
      ...request.gate.suite ? { suite: request.gate.suite.command } : {},
      yamlVersion: request.gate.yamlVersion,
      checkFormats: request.gate.checkFormats
    },
    ...known,
    durationMs: now() - started
  }));
  let opened;
  try {
    const git = opened = await createGitCommandManager(request.gate.workingDirectory);
    const head = await git.tryResolveCommit("HEAD");
    if (head) known.head = { sha: head };
    refuseUntrustedLoader(request);
    const ackFile = await acknowledgementsFile(request, git.root, ackMode, known.notes);
    const candidate = baseCandidate({ ...request.base ? { input: request.base } : {}, eventName: request.eventName, payload: request.payload });
    if ("none" in candidate) {
      known.notes.push(`Nothing to compare: ${candidate.none}.`);
      return finish(Verdict.Pass);
    }
    let begun;
    const baseRead = resolveBase(git, candidate, () => {
      begun = beginPrSchema({ ...request.gate, repositoryRoot: git.root });
      begun.prSchema.catch(() => void 0);
    });
    const local = request.localPullRequest;
    const pullRequestRead = local ? baseRead.then((resolved) => localPullRequest(git, resolved, local)) : readPullRequest({
      number: pullRequestNumber(request.eventName, request.payload),
      payload: request.payload,
      eventName: request.eventName,
      ...request.api ? { api: request.api } : {},
      gitCommits: async ({ headSha, commitCount }) => {
        const head2 = headSha ?? payloadText(request.payload, "pull_request", "head", "sha");
        const count2 = commitCount ?? (Number(payloadField(request.payload, "pull_request", "commits")) || void 0);
        return head2 ? pullRequestCommitsFromGit(git, { baseSha: (await baseRead).sha, headSha: head2, ...count2 ? { commitCount: count2 } : {} }) : [];
      }
    });
    pullRequestRead.catch(() => void 0);
    const baseBranch = branchOfBase(request, candidate.ref);
    const releasesResolved = resolveReleases(git, request.releaseSelection, request.releaseApi, {
      ...baseBranch ? { baseBranch } : {},
      ...request.naming ? { naming: request.naming } : {},
      fetchAfter: baseRead
    });
    releasesResolved.catch(() => void 0);
    const base = await baseRead.catch(async (error) => {
      await releasesResolved.catch(() => void 0);
      throw error;
    });
    known.base = base;
    let pullRequest;
    const tempDir = await mkdtemp(join4(request.tempRoot, "compat-gate-"));
    try {
      const judged = judge(git, { ...request.gate, repositoryRoot: git.root, tempDir }, base, releasesResolved.then((resolved2) => resolved2.releases), begun);
      judged.catch(() => void 0);
      pullRequest = await pullRequestRead.catch(async (error) => {
        await Promise.allSettled([releasesResolved, judged]);
        throw error;
      });
      known.pullRequest = pullRequest;
      const byPullRequest = acknowledge({
        ...pullRequest.title !== void 0 ? { title: pullRequest.title } : {},
        labels: pullRequest.labels,
        commits: pullRequest.commits,
        ackLabels: request.ackLabels
      });
      known.acknowledgement = ackMode === "file" ? { acknowledged: false, reasons: [] } : byPullRequest;
      const resolved = await releasesResolved.catch(async (error) => {
        await judged.catch(() => void 0);
        throw error;
      });
      known.notes.push(...resolved.notes);
      if (resolved.releases[0]) known.firstRelease = resolved.releases[0];
      known.run = await judged;
    } finally {
      await rm2(tempDir, { recursive: true, force: true });
    }
    const run = known.run;
    known.breaks = fingerprintRun(run);
    if (ackFile) {
      const coverage = coverBreaks(ackFile, known.breaks, (found2) => found2.ref === "base" || request.failOnDrift, utcDay(now()));
      known.fileCoverage = coverage;
      if (coverage.covered) known.acknowledgement = { ...known.acknowledgement, acknowledged: true };
    }
    if (request.gate.loader && loaderBroke(run)) {
      const script = await changedLoaderScript(git, { command: request.gate.loader, workingDirectory: request.gate.workingDirectory, repositoryRoot: git.root }, base.sha).catch(() => void 0);
      if (script) known.loaderScript = script;
    }
    const facts = {
      broken: run.base.configs.filter((config) => config.status === ConfigStatus.Broken).length,
      // fail-on-drift applies to every release compared with.
      newDrift: run.releases.reduce((sum, release) => sum + release.configs.filter((config) => config.status === DriftStatus.New).length, 0),
      failOnDrift: request.failOnDrift,
      acknowledged: known.acknowledgement.acknowledged
    };
    if (decideVerdict(facts) === Verdict.Acknowledged) {
      const reach2 = await reachOfRelease(request, git.root, pullRequest, known.acknowledgement, known.notes);
      if (reach2) known.releaseReach = reach2;
    }
    return finish(decideVerdict({ ...facts, acknowledged: acknowledgementCounts(known.acknowledgement.acknowledged, known.releaseReach) }));
  } catch (error) {
    if (error instanceof GateError) {
      return finish(Verdict.Error, error.worded(request.naming ?? ACTION_NAMING));
    }
    const message = errorMessage(error);
    return finish(Verdict.Error, { message: `compat-gate failed unexpectedly: ${message}`, hint: "Re-run the check; if it fails again, report it with this message." });
  } finally {
    opened?.close();
  }
}
async function acknowledgementsFile(request, root, mode, notes) {
  const given = request.acknowledgements || DEFAULT_ACKNOWLEDGEMENTS_FILE;
  const absolute = resolve2(request.gate.workingDirectory, given);
  const fromRoot = relative3(root, absolute);
  const shown = !fromRoot || fromRoot.startsWith("..") || isAbsolute2(fromRoot) ? given : fromRoot.split(sep2).join("/");
  if (mode === "pr") {
    if (await stat2(absolute).then((found2) => found2.isFile(), () => false)) {
      const setting = (request.naming ?? ACTION_NAMING).setting("acknowledge-with");
      notes.push(`\`${shown}\` exists, but the ${setting} is \`pr\`: its entries acknowledge nothing. Set it to \`file\` (or \`either\`) to use them.`);
    }
    return void 0;
  }
  const within = (from) => from !== "" && !from.startsWith("..") && !isAbsolute2(from);
  const real = await realpath2(absolute).catch(() => void 0);
  const outside = real ? !within(relative3(await realpath2(root).catch(() => root), real)) : !within(fromRoot);
  if (outside) {
    throw new GateError(
      (n) => `The acknowledgements file \`${given}\` (the ${n.setting("acknowledgements")}) is outside the repository.`,
      (n) => `Keep it in the repository and give its path relative to the ${n.setting("working-directory")}, e.g. \`${DEFAULT_ACKNOWLEDGEMENTS_FILE}\`.`
    );
  }
  return readAcknowledgements(absolute, shown);
}
function branchOfBase(request, baseRef) {
  if (request.base && !/^[0-9a-f]{40}$/i.test(request.base)) return request.base;
  const pullRequestBase = payloadText(request.payload, "pull_request", "base", "ref");
  if (pullRequestBase) return pullRequestBase;
  if (request.eventName === "push") return payloadText(request.payload, "ref");
  return baseRef;
}
function loaderBroke(run) {
  const refusedByLoader = (config) => config.findings.some((finding) => finding.layer === "loader");
  return run.base.configs.some((config) => config.status === ConfigStatus.Broken && refusedByLoader(config)) || run.releases.some((release) => release.configs.some((config) => config.status === DriftStatus.New && refusedByLoader(config)));
}
async function reachOfRelease(request, root, pullRequest, acknowledgement, notes) {
  const files = await readReleaseToolFiles(root);
  if (findReleaseTools(files).length === 0) return void 0;
  let merge = DEFAULT_MERGE_SETTINGS;
  if (request.mergeSettingsApi) {
    try {
      const read = await request.mergeSettingsApi.getMergeSettings();
      if (read) merge = read;
      else notes.push("GitHub did not return the repository's merge settings (the token may lack the rights to see them); a squash merge with GitHub's defaults was assumed.");
    } catch (error) {
      notes.push(`The repository's merge settings could not be read (${statusAndMessage(error)}); a squash merge with GitHub's defaults was assumed.`);
    }
  }
  const reach2 = releaseReach({
    files,
    merge,
    pullRequest: {
      ...pullRequest.number !== void 0 ? { number: pullRequest.number } : {},
      ...pullRequest.title !== void 0 ? { title: pullRequest.title } : {},
      ...pullRequest.body !== void 0 ? { body: pullRequest.body } : {},
      commits: pullRequest.commits
    },
    acknowledgement
  });
  notes.push(...reach2.notes);
  const { notes: _notes, ...rest } = reach2;
  return { ...rest, required: request.ackMustReachRelease ?? false };
}
function refuseUntrustedLoader(request) {
  if (request.eventName !== "pull_request_target" || request.allowPullRequestTarget) return;
  const parts = [request.gate.loader ? "loader" : "", request.gate.suite ? "suite" : "", request.gate.migrate ? "`migrate` command" : ""].filter(Boolean);
  if (parts.length === 0) return;
  const code = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  throw new GateError(
    `compat-gate does not start the PR's ${code} under \`pull_request_target\`: the ${code} ${parts.length > 1 ? "are" : "is"} code from the pull request, and this event runs it next to the base repository's secrets and a write token.`,
    "Run compat-gate on `pull_request` instead (it needs no secrets), or set `allow-pull-request-target: true` if every PR author is trusted."
  );
}
async function localPullRequest(git, base, local) {
  return {
    ...local.title !== void 0 ? { title: local.title } : {},
    labels: local.labels,
    commits: await git.log(base.sha, "HEAD"),
    sources: { title: local.title !== void 0 ? "cli" : "none", labels: "cli", commits: "git" },
    notes: []
  };
}

// src/reports/acknowledgements.ts
var LISTED = 20;
function coverageOf(report) {
  return report.acknowledgement.file;
}
function entriesUsedWords(report) {
  const file = coverageOf(report);
  if (!file?.covered) return void 0;
  const used = file.entries.filter((entry) => entry.state === "used");
  const named = used.slice(0, LISTED).map((entry) => `entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ""}: ${markdownText(clip2(entry.reason, 120)).replace(/[[\]]/g, "\\$&")}${entry.issue ? ` (${inlineCode(entry.issue)})` : ""}`);
  const more = used.length > LISTED ? `; and ${used.length - LISTED} more` : "";
  return `the acknowledgements file ${inlineCode(file.path)} \u2014 ${named.join("; ")}${more}`;
}
function breakLine(broke) {
  const where = broke.configPath && broke.configPath !== broke.path ? `${inlineCode(broke.configPath)} (fingerprinted as ${inlineCode(broke.path)})` : inlineCode(broke.path);
  const of = broke.ref && broke.ref !== "base" ? ` of the release ${inlineCode(broke.ref)}` : "";
  return `${inlineCode(broke.fingerprint)} ${where}${of} \u2014 ${markdownText(clip2(breakWords(broke, readablePointer), 200))}`;
}
function uncoveredParagraphs(report) {
  const file = coverageOf(report);
  if (!file || report.verdict !== Verdict.Breaking || file.uncovered.length === 0) return [];
  const total = file.uncovered.length;
  const intro = file.found ? `**Not acknowledged by ${inlineCode(file.path)}:** ${count(total, "break")} of this PR ${total === 1 ? "has" : "have"} no live entry there.` : `**No acknowledgements file:** ${inlineCode(file.path)} does not exist, so none of the ${count(total, "break")} of this PR is acknowledged.`;
  const lines = file.uncovered.slice(0, LISTED).map((broke) => {
    const why = broke.expiredEntries?.length ? ` (its ${broke.expiredEntries.length === 1 ? "entry" : "entries"} ${broke.expiredEntries.join(", ")} expired)` : broke.newSinceAcknowledgement ? " (**new since the acknowledgement**: the config's other breaks are acknowledged)" : "";
    return `- ${breakLine(broke)}${why}`;
  });
  if (total > LISTED) lines.push(`- and ${total - LISTED} more (the JSON report lists every one)`);
  const paste = file.suggestion ? `If ${total === 1 ? "this break is" : "these breaks are"} intended, add ${total === 1 ? "this entry" : "these entries"} to ${inlineCode(file.path)} in the PR, with the reason users may lose ${total === 1 ? "the config" : "each config"} in place of the TODO:

${codeBlock(file.suggestion, "yaml")}` : void 0;
  return [[intro, ...lines].join("\n"), ...paste ? [paste] : []];
}
function entryStateParagraphs(report) {
  const file = coverageOf(report);
  if (!file) return [];
  const paragraphs = [];
  const expired = file.entries.filter((entry) => entry.state === "expired");
  if (expired.length) {
    const lines = expired.slice(0, LISTED).map((entry) => `- entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ""}, ${entryTarget(entry)}: expired after ${inlineCode(entry.expires ?? "")}${entry.covers.length ? `; it would acknowledge ${count(entry.covers.length, "break")} of this PR` : ""}`);
    if (expired.length > LISTED) lines.push(`- and ${expired.length - LISTED} more`);
    paragraphs.push([`**Expired acknowledgements in ${inlineCode(file.path)}:** they acknowledge nothing any more; renew \`expires\` or remove them.`, ...lines].join("\n"));
  }
  const stale = file.entries.filter((entry) => entry.state === "stale");
  if (stale.length) {
    const lines = stale.slice(0, LISTED).map((entry) => `- entry ${entry.number}${entry.line ? ` (line ${entry.line})` : ""}, ${entryTarget(entry)}`);
    if (stale.length > LISTED) lines.push(`- and ${stale.length - LISTED} more`);
    paragraphs.push([`**Stale acknowledgements in ${inlineCode(file.path)}:** they match no break of this PR any more (fixed, or written for another PR); remove them.`, ...lines].join("\n"));
  }
  return paragraphs;
}
function entryTarget(entry) {
  if (entry.fingerprint) return inlineCode(entry.fingerprint);
  return `${(entry.paths ?? []).map((path2) => inlineCode(path2)).join(", ")} (${entry.layer ?? ""})`;
}
function fingerprintCell(report, breaks) {
  if (!breaks?.length) return "";
  const file = coverageOf(report);
  return breaks.map((broke) => {
    const code = inlineCode(broke.fingerprint);
    if (!file) return code;
    const entry = file.entries.find((candidate) => candidate.state === "used" && candidate.covers.includes(broke.fingerprint));
    return entry ? `${code} \u2713 entry ${entry.number}` : `${code} \u2717`;
  }).join("<br>");
}
function fileHelp(report) {
  const file = coverageOf(report);
  if (!file) return void 0;
  return report.acknowledgement.mode === "either" ? `Or acknowledge each break by its fingerprint in ${inlineCode(file.path)} (below).` : `This repository acknowledges breaks in ${inlineCode(file.path)} (\`acknowledge-with: file\`): the PR title, footers and labels do not count.`;
}

// src/reports/summary.ts
var SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;
var MESSAGE_CHARS3 = 300;
var HEADLINE_ICON = {
  [Verdict.Pass]: "\u2705",
  [Verdict.Acknowledged]: "\u26A0\uFE0F",
  [Verdict.Breaking]: "\u274C",
  [Verdict.Error]: "\u{1F6D1}"
};
function headline(report) {
  const icon = HEADLINE_ICON[report.verdict];
  const { broken } = report.counts;
  const base = report.base ? ` from ${inlineCode(report.base.ref)}` : "";
  switch (report.verdict) {
    case Verdict.Pass:
      if (report.counts.configs === 0 && report.firstConfigs) return `${icon} ${TOOL_NAME}: pass \u2014 no config${base} yet; this PR adds the first ${count(report.firstConfigs, "config")}`;
      return `${icon} ${TOOL_NAME}: pass \u2014 ${passWords(report.counts, base)}`;
    case Verdict.Acknowledged:
      return `${icon} ${TOOL_NAME}: acknowledged \u2014 this PR breaks ${count(broken, "config")}${base}, and says so`;
    case Verdict.Breaking:
      return `${icon} ${TOOL_NAME}: breaking \u2014 ${count(broken, "config")}${base} no longer ${broken === 1 ? "loads" : "load"} with this PR`;
    case Verdict.Error:
      return `${icon} ${TOOL_NAME}: error \u2014 the gate could not decide`;
  }
}
function passWords(counts, base) {
  const { configs, ok } = counts;
  if (configs === 0) return "no config to check";
  if (ok === configs) return configs === 1 ? `1 config${base} still loads` : `all ${count(configs, "config")}${base} still load`;
  if (ok === 0) return `none of the ${count(configs, "config")}${base} loaded there, so none can break`;
  return `the ${ok} of ${count(configs, "config")}${base} that loaded there still ${ok === 1 ? "loads" : "load"}`;
}
function acknowledgeHelp(report) {
  const title = report.pullRequest?.title?.trim();
  const example = title ? suggestedTitle(title) : "feat!: describe the change";
  const labels = report.acknowledgement.labels;
  return [
    "If the break is intended, acknowledge it in one of these ways and the check passes with a warning:",
    `- mark the PR title as breaking: ${inlineCode(example)} (any type or scope, \`!\` right before \`:\`);`,
    labels.length ? `- add the label ${labels.map((label) => inlineCode(label)).join(" or ")};` : void 0,
    "- or add a `BREAKING CHANGE: <what users must change>` footer to one of the PR's commits."
  ].filter(Boolean).join("\n");
}
function describeFinding(finding) {
  return findingWords2(finding, inlineCode, (message) => cell(clip2(message, MESSAGE_CHARS3)));
}
function findingText(finding) {
  return findingWords2(finding, (pointer) => visible(pointer), (message) => visible(clip2(message, MESSAGE_CHARS3), { newlines: true }));
}
function findingWords2(finding, pointer, message) {
  const where = [
    finding.document !== void 0 ? `document ${finding.document + 1}` : void 0,
    finding.pointer ? pointer(readablePointer(finding.pointer)) : void 0
  ].filter(Boolean);
  return `${finding.layer}${where.length ? ` at ${where.join(" ")}` : ""}: ${message(finding.message)}`;
}
function configRow(report, config, findings) {
  const first = findings[0];
  const sha = report.base?.sha;
  const link = sha ? fileLink(report, sha, config.path, first?.line) : void 0;
  const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : "";
  const cause = config.status === "broken" && config.causes?.length ? `<br>schema change: ${cell(clip2(readablePointers(config.causes[0]), MESSAGE_CHARS3))}` : "";
  return [codeLink(config.path, link), first?.line ? `${first.line}` : "", first ? describeFinding(first) + more + cause : ""];
}
var SUMMARY_STYLE = {
  heading: "###",
  cutReason: "the summary is limited in size; the JSON report lists all"
};
function tableSection(heading, intro, header, items, row, noun, style) {
  return {
    rows: items.length,
    render(limit) {
      const shown = items.slice(0, limit);
      const cut = items.length - shown.length;
      return [
        `${style.heading} ${heading}`,
        intro,
        table(header, shown.map(row)),
        cut > 0 ? `
_\u2026and ${count(cut, `more ${noun}`)} (not shown: ${style.cutReason})._` : void 0
      ].filter((part) => part !== void 0).join("\n\n");
    }
  };
}
function configSection(report, heading, intro, configs, pick, style = SUMMARY_STYLE) {
  return tableSection(heading, intro, ["Config", "Line", "First error"], configs, (config) => configRow(report, config, pick(config)), "config", style);
}
function brokenSection(report, style = SUMMARY_STYLE) {
  const broken = report.configs.filter((config) => config.status === ConfigStatus.Broken);
  if (!broken.length) return void 0;
  const heading = report.verdict === Verdict.Acknowledged ? "Broken configs (acknowledged)" : "Broken configs";
  if (!broken.some((config) => config.breaks?.length)) return configSection(report, heading, void 0, broken, (c) => c.errors, style);
  return tableSection(
    heading,
    void 0,
    ["Config", "Line", "First error", "Fingerprint"],
    broken,
    (config) => [...configRow(report, config, config.errors), fingerprintCell(report, config.breaks)],
    "config",
    style
  );
}
function verdictParagraphs(report) {
  const paragraphs = [];
  if (report.error) {
    paragraphs.push(`**What went wrong:** ${markdownText(report.error.message)}${report.error.hint ? `

**What to do:** ${markdownText(report.error.hint)}` : ""}`);
    paragraphs.push("This is a failure of the gate itself, not a judgement of the PR: fix the cause and re-run the check.");
  }
  const reach2 = report.acknowledgement.release;
  const reachProblems = reach2?.problems ?? [];
  if (report.verdict === Verdict.Breaking) {
    paragraphs.push("This pull request changes how configs are loaded so that configs users already have stop loading.");
    if (report.acknowledgement.acknowledged && reach2?.required && reachProblems.length) {
      paragraphs.push(
        `The PR acknowledges the break (by ${describeReasons(report)}), but the release will not: \`ack-must-reach-release\` is set, so this fails until the acknowledgement reaches the release.
${reachProblemList(report)}`
      );
    } else if (report.acknowledgement.mode === "file") {
      paragraphs.push(fileHelp(report));
    } else {
      paragraphs.push(acknowledgeHelp(report));
      const either = fileHelp(report);
      if (either) paragraphs.push(either);
    }
    paragraphs.push(...uncoveredParagraphs(report));
  }
  if (report.verdict === Verdict.Acknowledged) {
    paragraphs.push(`The break is acknowledged by ${describeReasons(report)}. Users of these configs must change them: say how in the release notes.`);
    if (reachProblems.length) {
      paragraphs.push(
        `**The release will not show this break:** the acknowledgement does not reach the release tool, so it will not cut a major release.
${reachProblemList(report)}

_Set \`ack-must-reach-release: true\` to fail the check on this._`
      );
    }
  }
  if (report.verdict !== Verdict.Error) paragraphs.push(...entryStateParagraphs(report));
  const misses = nearMissesWorthNoting(report);
  if (misses.length) paragraphs.push(nearMissList(misses));
  return paragraphs;
}
var NEAR_MISSES_SHOWN = 5;
function nearMissesWorthNoting(report) {
  const misses = report.acknowledgement.nearMisses ?? [];
  if (report.verdict === Verdict.Breaking) return misses;
  if (report.verdict !== Verdict.Acknowledged) return [];
  if (report.acknowledgement.release?.problems.length) return misses;
  const titleCounts = report.acknowledgement.reasons.some((reason) => reason.kind === "title");
  return titleCounts ? [] : misses.filter((miss) => miss.kind === "title");
}
function nearMissList(misses) {
  const lines = misses.slice(0, NEAR_MISSES_SHOWN).map((miss) => {
    const what = miss.kind === "title" ? `the title ${inlineCode(clip2(miss.text, 100))}` : miss.kind === "commit" ? `commit ${(miss.sha ?? "").slice(0, 7)} ${inlineCode(clip2(miss.text, 100))}` : `the label ${inlineCode(miss.text)}`;
    const counts = miss.kind === "label" ? `the label ${inlineCode(miss.fix)}` : inlineCode(clip2(miss.fix, 100));
    return `- ${what}: ${miss.because}; what counts: ${counts}`;
  });
  if (misses.length > NEAR_MISSES_SHOWN) lines.push(`- and ${misses.length - NEAR_MISSES_SHOWN} more (the JSON report lists all)`);
  return ["**Not counted, because \u2026**", ...lines].join("\n");
}
function reachProblemList(report) {
  const reach2 = report.acknowledgement.release;
  if (!reach2) return "";
  const lines = reach2.problems.map(
    (problem) => `- ${problem.tool}${problem.method ? `, ${MERGE_WORDS[problem.method]}` : ""}: ${problem.why}. **Fix:** ${problem.fix}.`
  );
  if (reach2.merge.source === "default" && reach2.problems.some((problem) => problem.method)) {
    lines.push("- (merge settings not read: a squash merge with GitHub's defaults was assumed)");
  }
  return lines.join("\n");
}
var MERGE_WORDS = { squash: "squash merge", merge: "merge commit", rebase: "rebase merge" };
function renderSummary(report, limit = SUMMARY_LIMIT) {
  const byStatus = (status) => report.configs.filter((config) => config.status === status);
  const callout = noMigrationCallout(report);
  const head = [`## ${headline(report)}`, ...verdictParagraphs(report), ...callout ? [callout] : []];
  const sections = [];
  const broken = brokenSection(report);
  if (broken) sections.push(broken);
  const migrations = migrationSection(report, SUMMARY_STYLE);
  if (migrations) sections.push(migrations);
  const failingOnBase = byStatus(ConfigStatus.FailingOnBase);
  if (failingOnBase.length) {
    sections.push(
      configSection(
        report,
        "Already failing on the base",
        "These did not load before this PR either, so they are not blamed on it.",
        failingOnBase,
        // The base's error: why it failed before this PR (SPEC: each layer judged on its own).
        (c) => c.baseErrors?.length ? c.baseErrors : c.errors
      )
    );
  }
  const unreadable = byStatus(ConfigStatus.Unreadable);
  if (unreadable.length) {
    sections.push(configSection(report, "Unreadable configs", "These cannot be parsed at all; they fail on every side and are not blamed on this PR.", unreadable, (c) => c.errors));
  }
  sections.push(...driftSections(report));
  const suite = suiteSection(report);
  if (suite) sections.push(suite);
  sections.push(...schemaChangeSections(report));
  if (report.releaseNote) {
    const block = `### Release note

${releaseNoteBlock(report.releaseNote)}`;
    sections.push({ rows: 1, render: (rows) => rows > 0 ? block : "### Release note\n\n_Not shown: the summary is limited in size; the JSON report and the `release-note` output hold it._" });
  }
  const tail = [checkedSection(report), notesSection(report)].filter(Boolean).join("\n\n");
  const compose = (rows) => [...head, ...sections.map((section) => section.render(rows)), tail].join("\n\n") + "\n";
  for (const rows of [Infinity, 1e3, 300, 100, 30, 10, 0]) {
    const text = compose(rows);
    if (Buffer.byteLength(text) <= limit) return text;
  }
  const minimal = [...head, "_The details do not fit in a job summary; the JSON report lists them._"].join("\n\n") + "\n";
  return Buffer.byteLength(minimal) <= limit ? minimal : `## ${headline(report)}
`;
}
function schemaChangeSections(report) {
  const changes = report.schemaChanges;
  if (!changes) return [];
  const at3 = (change) => {
    const url = report.head ? fileLink(report, report.head.sha, change.file, change.line) : void 0;
    return codeLink(`${change.file}${change.line ? `:${change.line}` : ""}`, url);
  };
  const sections = [];
  if (changes.breaking.length) {
    sections.push(
      tableSection(
        "Schema changes behind the breaks",
        "Each breaking change of the schema, and the configs whose errors fall under it.",
        ["Change", "Where", "Configs it breaks"],
        changes.breaking,
        (change) => [cell(clip2(readablePointers(change.message), MESSAGE_CHARS3)), at3(change), configList(change.configs)],
        "change",
        SUMMARY_STYLE
      )
    );
  }
  if (changes.latent.length) {
    const shown = changes.latent.some((change) => change.shownBy?.length);
    sections.push(
      tableSection(
        "Latent breaking changes",
        shown ? "Data that was valid before can be invalid after these changes. No config that loaded on the base shows them; configs already failing on the base that do are named (they are not counted). They do not change the verdict: add a config that uses the old form, or say in the release notes what users must change." : "Data that was valid before can be invalid after these changes, though no config in the repository shows it. They do not change the verdict: add a config that uses the old form, or say in the release notes what users must change.",
        shown ? ["Change", "Where", "Rule", "Shown by (already failing)"] : ["Change", "Where", "Rule"],
        changes.latent,
        (change) => [
          cell(clip2(readablePointers(change.message), MESSAGE_CHARS3)),
          at3(change),
          inlineCode(change.rule),
          ...shown ? [change.shownBy?.length ? configList(change.shownBy) : ""] : []
        ],
        "change",
        SUMMARY_STYLE
      )
    );
  }
  return sections;
}
function configList(paths) {
  const shown = [];
  let length = 0;
  for (const path2 of paths) {
    const item = inlineCode(path2);
    if (shown.length && length + item.length > MESSAGE_CHARS3) break;
    shown.push(item);
    length += item.length + 2;
  }
  const more = paths.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}
var DRIFT_WORDS = {
  new: "\u{1F195} new: this PR breaks it",
  existing: "existing: already failing on the base",
  fixed: "\u2705 fixed by this PR",
  unreadable: "unreadable"
};
function driftSections(report) {
  const releases = releaseDrifts(report);
  return releases.map((release) => driftSection(report, release, releases.length > 1));
}
function driftSection(report, release, several) {
  const { counts, configs } = release.drift;
  const heading = several ? `Release drift: ${inlineCode(release.ref)}` : "Release drift";
  const order = { new: 0, existing: 1, fixed: 2, unreadable: 3 };
  const sorted = [...configs].sort((a, b) => order[a.status] - order[b.status] || (a.path < b.path ? -1 : 1));
  const moved = configs.filter((config) => config.currentPath).length;
  const intro = [
    counts.configs === 0 ? `No config of the release ${inlineCode(release.ref)} (${release.sha.slice(0, 12)}) matches the \`configs\` patterns, at its path or moved there since: drift of this release was not checked.${release.drift.nearest?.length ? ` The nearest paths it has: ${release.drift.nearest.map((path2) => inlineCode(path2)).join(", ")}.` : ""}` : `Configs of the release ${inlineCode(release.ref)} (${release.sha.slice(0, 12)}): ${counts.configs} checked, ${counts.ok} load, **${counts.new} new**, ${counts.existing} existing, ${counts.fixed} fixed${counts.unreadable ? `, ${counts.unreadable} unreadable` : ""}.`,
    moved > 0 ? `${count(moved, "config")} of those shown moved since the release: each is named by its path there and its path now.` : void 0,
    noPathTodaySentence(release.drift),
    counts.new > 0 ? release.drift.failOnDrift ? "Users of this release lose configs with this PR, and `fail-on-drift` is set: new drift fails the check." : "Users of this release lose configs with this PR (informational: set `fail-on-drift: true` to fail on it)." : void 0
  ].filter(Boolean).join(" ");
  if (sorted.length === 0) return { rows: 0, render: () => [`### ${heading}`, intro].join("\n\n") };
  const row = (config) => {
    const findings = config.status === "fixed" ? config.baseErrors ?? [] : config.errors;
    const first = findings[0];
    const link = codeLink(config.path, fileLink(report, release.sha, config.path, first?.line));
    return [
      config.currentPath ? `${link} in ${inlineCode(release.ref)}, now ${inlineCode(config.currentPath)}` : config.noPathToday ? `${link} in ${inlineCode(release.ref)}, ${config.noPathToday.why === "deleted" ? "no path today" : `now ${inlineCode(config.noPathToday.to ?? "")}, outside the globs`}` : link,
      DRIFT_WORDS[config.status] + (config.breaks?.length ? `<br>${fingerprintCell(report, config.breaks)}` : ""),
      first ? `${config.status === "fixed" ? "was: " : ""}${describeFinding(first)}` : ""
    ];
  };
  return tableSection(heading, intro, ["Config", "Drift", "First error"], sorted, row, "config", SUMMARY_STYLE);
}
var SUITE_BLOCKS = 10;
function suiteSection(report) {
  const entries = [];
  const withSuite = (findings) => findings.filter((finding) => finding.layer === "suite");
  for (const config of report.configs) {
    if (config.status !== ConfigStatus.Broken && config.status !== ConfigStatus.FailingOnBase) continue;
    const findings = withSuite(config.errors);
    const suiteBroke = config.layers?.suite ? breakingLayers({ suite: config.layers.suite }).length > 0 : false;
    const label = `${inlineCode(config.path)}${suiteBroke ? "" : config.status === ConfigStatus.Broken ? " (the suite failed on the base too; another layer broke it)" : " (already failing on the base)"}`;
    if (findings.length) entries.push({ label, findings, ...config.layers ? { layers: config.layers } : {} });
  }
  for (const release of releaseDrifts(report)) {
    for (const config of release.drift.configs) {
      if (config.status !== "new") continue;
      const findings = withSuite(config.errors);
      if (findings.length) entries.push({ label: `${inlineCode(config.path)} of ${inlineCode(release.ref)}`, findings, ...config.layers ? { layers: config.layers } : {} });
    }
  }
  if (entries.length === 0) return void 0;
  const describe = (entry) => {
    const suite = entry.layers?.suite;
    const tests = entry.findings.filter((finding2) => finding2.test !== void 0);
    const newFailures = suite?.newFailureCount ?? suite?.newFailures?.length ?? 0;
    const facts = [
      newFailures ? `${count(newFailures, "test")} that did not fail on the base fail${newFailures === 1 ? "s" : ""} with this PR` : "",
      suite?.notRun ? `${count(suite.notRun, "test")} that passed on the base did not run with this PR` : "",
      suite?.failedOnBoth ? `${count(suite.failedOnBoth, "test")} failed on the base too (not this PR's doing)` : ""
    ].filter(Boolean);
    if (tests.length) {
      const lines = tests.map((finding2) => `- ${cell(clip2(finding2.message, 300))}`);
      const others = entry.findings.length - tests.length;
      return [
        `**${entry.label}**: ${facts.length ? facts.join("; ") : "the suite fails"}.`,
        ...lines,
        ...others > 0 ? [`- \u2026${cell(entry.findings[entry.findings.length - 1].message)}`] : []
      ].join("\n");
    }
    const finding = entry.findings[0];
    const output = finding.output ? `

<details><summary>Last lines of its output</summary>

${codeBlock(finding.output)}

</details>` : "";
    return `**${entry.label}**: ${cell(clip2(finding.message, 600))}${facts.length ? ` ${cell(facts.join("; "))}.` : ""}${output}`;
  };
  return {
    rows: entries.length,
    render(limit) {
      const shown = entries.slice(0, Math.min(limit, SUITE_BLOCKS));
      const cut = entries.length - shown.length;
      return [
        "### Integration suite",
        ...shown.map(describe),
        ...cut > 0 ? [`_\u2026and ${count(cut, "more config")} (not shown: the JSON report lists all)._`] : []
      ].join("\n\n");
    }
  };
}
var MAX_NO_PATH_NAMED = 5;
function noPathTodaySentence(drift) {
  const gone = drift.noPathToday ?? [];
  if (gone.length === 0) return void 0;
  const named = gone.slice(0, MAX_NO_PATH_NAMED).map((config) => `${inlineCode(config.path)} (${config.why === "deleted" ? "deleted since" : `moved out of the globs, to ${inlineCode(config.to ?? "")}`}; ${config.status === "ok" ? "loads" : config.status})`).join(", ");
  const more = gone.length - MAX_NO_PATH_NAMED;
  return `${count(gone.length, "config")} of the release ${gone.length === 1 ? "has" : "have"} no path the \`configs\` globs name today, and ${gone.length === 1 ? "was" : "were"} judged at ${gone.length === 1 ? "its path" : "their paths"} in the release: ${named}${more > 0 ? `, and ${more} more (see the report)` : ""}.`;
}
function describeReasons(report) {
  const reasons = report.acknowledgement.reasons.map((reason) => {
    switch (reason.kind) {
      case "title":
        return `the PR title ${inlineCode(reason.title)}`;
      case "label":
        return `the label ${inlineCode(reason.label)}`;
      case "commit":
        return `commit ${reason.sha.slice(0, 7)} (${inlineCode(clip2(reason.text, 80))})`;
    }
  });
  const file = entriesUsedWords(report);
  if (file) reasons.push(file);
  return reasons.length ? reasons.join(", ") : "the PR";
}
function skippedKinds(skipped) {
  const known = skipped.filter((path2) => path2.kind !== void 0);
  const unknown = skipped.length - known.length;
  return [describeSkipped(known), unknown > 0 ? count(unknown, "other path", "other paths") : ""].filter(Boolean).join(", ");
}
function checkedSection(report) {
  const rows = [];
  if (report.base) rows.push(["Base", `${inlineCode(report.base.ref)} at ${report.base.sha.slice(0, 12)}`]);
  const releases = releaseDrifts(report);
  if (releases.length > 1) rows.push(["Releases", releases.map((release) => `${inlineCode(release.ref)} at ${release.sha.slice(0, 12)}`).join(", ")]);
  else if (report.release) rows.push(["Release", `${inlineCode(report.release.ref)} at ${report.release.sha.slice(0, 12)}`]);
  if (report.head) rows.push(["Pull request", `${report.pullRequest?.number ? `#${report.pullRequest.number} ` : ""}at ${report.head.sha.slice(0, 12)}`]);
  const c = report.counts;
  if (report.base) {
    rows.push([
      "Configs",
      `${c.configs} checked: ${c.ok} load, ${c.broken} broken, ${c.failingOnBase} already failing, ${c.unreadable} unreadable${c.skipped ? `; ${c.skipped} skipped (${skippedKinds(report.skipped)})` : ""}`
    ]);
  }
  if (report.schema) {
    const origin = report.schema.newInPr ? "; new in this PR" : report.schema.baseFile ? `; on the base: ${inlineCode(report.schema.baseFile)}` : "";
    rows.push(["Schema", `${inlineCode(report.schema.file)} (${report.schema.draft}${report.schema.files.length > 1 ? `, ${count(report.schema.files.length, "file")}` : ""}${origin})`]);
  }
  if (report.loader) rows.push(["Loader", `${inlineCode(report.loader.command)} (${count(report.loader.processes, "process", "processes")})`]);
  if (report.settings?.migrate) rows.push(["Migrate", inlineCode(report.settings.migrate)]);
  if (report.suite) {
    const { command, configs, processes, durationMs } = report.suite;
    rows.push(["Suite", `${inlineCode(command)}: ${count(configs, "config")}, ${count(processes, "process", "processes")} one at a time, ${(durationMs / 1e3).toFixed(1)} s`]);
  }
  const s = report.acknowledgement.sources;
  if (report.pullRequest) rows.push(["PR data", `title from ${s.title}, labels from ${s.labels}, commits from ${s.commits}`]);
  if (report.shard) rows.push(["Shard", `${report.shard.index} of ${report.shard.total}: a partial report; the job with \`merge-reports\` decides the check`]);
  if (report.shards) rows.push(["Shards", `merged from ${report.shards} partial reports`]);
  rows.push(["Time", `${(report.durationMs / 1e3).toFixed(1)} s`]);
  return ["### What was checked", table(["", ""], rows)].join("\n\n");
}
function notesSection(report) {
  if (!report.notes.length) return void 0;
  return ["### Notes", ...report.notes.map((note) => `- ${markdownText(note.replace(/\r?\n/g, " "), { references: false })}`)].join("\n");
}

// src/version.ts
var VERSION = "1.0.0";

// src/settings.ts
import { tmpdir } from "node:os";
import { isAbsolute as isAbsolute3, resolve as resolve3 } from "node:path";
var INPUT_DEFAULTS = {
  "check-formats": "true",
  release: "latest",
  "ack-labels": "breaking-change",
  "acknowledge-with": "pr",
  acknowledgements: ".github/compat-gate-acknowledged.yaml",
  "fail-on-drift": "false",
  "ack-must-reach-release": "false",
  comment: "auto",
  "yaml-version": "1.2",
  "loader-timeout": "120",
  "loader-jobs": "auto",
  "suite-timeout": "1800",
  "allow-pull-request-target": "false",
  "working-directory": "."
};
var YAML_VERSIONS = ["1.2", "1.1"];
var COMMENT_MODES = ["auto", "never"];
var GATE_SETTINGS = [
  "workingDirectory",
  "patterns",
  "schema",
  "refMap",
  "checkFormats",
  "loader",
  "migrate",
  "loaderTimeoutSeconds",
  "loaderJobs",
  "suite",
  "loaderEnv",
  "yamlVersion",
  "shard"
];
function runnerSettings(env, cwd) {
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const name = env.GITHUB_REPOSITORY;
  const [owner = "", repo = ""] = (name ?? "/").split("/");
  const runId = env.GITHUB_RUN_ID;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  return {
    workspace: env.GITHUB_WORKSPACE ?? cwd,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    ...env.GITHUB_EVENT_PATH ? { eventPath: env.GITHUB_EVENT_PATH } : {},
    ...name ? { repository: { name, owner, repo, serverUrl } } : {},
    ...runId ? { runUrl: `${serverUrl}/${name}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ""}` } : {},
    tempDir: env.RUNNER_TEMP || tmpdir(),
    ...env.GITHUB_ACTION ? { stepId: env.GITHUB_ACTION } : {},
    hasStepSummary: Boolean(env.GITHUB_STEP_SUMMARY)
  };
}
function actionSettings(input, runner, env) {
  const read = inputs(input);
  const { workspace } = runner;
  const token = input("github-token");
  const loaderEnv = loaderEnvironment(env, token ? [token] : []);
  const schema = read.optional("schema");
  const loader = read.optional("loader");
  const mergeReports = read.optional("merge-reports");
  const shard = read.optional("shard");
  if (mergeReports && shard) {
    throw new GateError("`shard` and `merge-reports` are both set.", "Set `shard` in the matrix jobs and `merge-reports` in the job that combines them.");
  }
  const verdictInputs = () => ({
    ackLabels: parseLabelList(read.text("ack-labels")),
    acknowledgeWith: read.choice("acknowledge-with", ACK_MODES),
    acknowledgements: read.text("acknowledgements"),
    failOnDrift: read.boolean("fail-on-drift"),
    ackMustReachRelease: read.boolean("ack-must-reach-release"),
    comment: read.choice("comment", COMMENT_MODES)
  });
  const given = { token, loaderEnv, ...schema ? { schema } : {}, ...loader ? { loader } : {} };
  if (mergeReports) {
    return {
      patterns: { include: [], exclude: [] },
      refMap: [],
      checkFormats: true,
      releaseSelection: "none",
      ...verdictInputs(),
      yamlVersion: read.choice("yaml-version", YAML_VERSIONS, "unchecked"),
      loaderTimeoutSeconds: read.positiveNumber("loader-timeout", "unchecked"),
      allowPullRequestTarget: false,
      workingDirectory: workspace,
      ...given,
      mergeReports
    };
  }
  const suiteCommand = read.optional("suite");
  if (!schema && !loader && !suiteCommand) throw nothingToLoad();
  const configs = input("configs");
  if (!configs.trim()) {
    throw new GateError((n) => `The ${n.setting("configs")} is empty.`, "Give glob patterns of the config files users have, e.g. `distributions/*/run.yaml`.");
  }
  const suite = suiteCommand ? suiteOptions(suiteCommand, input("suite-configs"), configs, read.positiveNumber("suite-timeout")) : void 0;
  const loaderJobs = parseLoaderJobs(read.text("loader-jobs"));
  const workingDirectory = read.text("working-directory");
  const base = read.optional("base");
  const migrate = read.optional("migrate")?.trim();
  return {
    patterns: parsePatterns(configs),
    refMap: parseRefMap(input("schema-ref-map")),
    checkFormats: read.boolean("check-formats"),
    ...migrate ? { migrate } : {},
    ...base ? { base } : {},
    releaseSelection: read.text("release"),
    ...verdictInputs(),
    yamlVersion: read.choice("yaml-version", YAML_VERSIONS),
    loaderTimeoutSeconds: read.positiveNumber("loader-timeout"),
    ...loaderJobs !== void 0 ? { loaderJobs } : {},
    ...suite ? { suite } : {},
    allowPullRequestTarget: read.boolean("allow-pull-request-target"),
    workingDirectory: isAbsolute3(workingDirectory) ? workingDirectory : resolve3(workspace, workingDirectory),
    ...given,
    ...shard ? { shard: parseShard(shard) } : {}
  };
}
function suiteOptions(command, suiteConfigs, configs, timeoutSeconds) {
  return { command, patterns: parsePatterns(suiteConfigs.trim() ? suiteConfigs : configs), timeoutSeconds };
}
function parseLoaderJobs(value) {
  const text = value.trim();
  if (text === "" || text === "auto") return void 0;
  const number2 = Number(text);
  if (!Number.isInteger(number2) || number2 < 1) {
    throw new GateError(
      (n) => `The ${n.setting("loader-jobs")} is \`${text}\`.`,
      "Use `auto`, or a whole number of loader processes that may run at once (`1` for a loader that binds a fixed port or holds a lock)."
    );
  }
  return number2;
}
function inputs(input) {
  const text = (name, mode) => (mode === "unchecked" ? "" : input(name)) || INPUT_DEFAULTS[name];
  return {
    text,
    optional: (name) => input(name) || void 0,
    boolean(name) {
      const value = text(name).toLowerCase();
      if (["true", "yes", "on", "1"].includes(value)) return true;
      if (["false", "no", "off", "0"].includes(value)) return false;
      throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`, which is not a boolean.`, "Use `true` or `false`.");
    },
    choice(name, allowed, mode) {
      const value = text(name, mode);
      if (allowed.includes(value)) return value;
      throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`.`, `Use one of ${allowed.map((a) => `\`${a}\``).join(", ")}.`);
    },
    positiveNumber(name, mode) {
      const value = text(name, mode);
      const number2 = Number(value);
      if (!Number.isFinite(number2) || number2 <= 0) {
        throw new GateError((n) => `The ${n.setting(name)} is \`${value}\`, not a positive number of seconds.`, `Use a number such as \`${INPUT_DEFAULTS[name]}\`.`);
      }
      return number2;
    }
  };
}
function gateSettings(settings) {
  return Object.fromEntries(GATE_SETTINGS.filter((key) => settings[key] !== void 0).map((key) => [key, settings[key]]));
}
function toCheckRequest(settings, context) {
  return {
    gate: gateSettings(settings),
    ...settings.base ? { base: settings.base } : {},
    releaseSelection: settings.releaseSelection,
    failOnDrift: settings.failOnDrift,
    eventName: context.eventName,
    payload: context.payload,
    ackLabels: settings.ackLabels,
    acknowledgeWith: settings.acknowledgeWith,
    acknowledgements: settings.acknowledgements,
    ackMustReachRelease: settings.ackMustReachRelease,
    allowPullRequestTarget: settings.allowPullRequestTarget,
    ...context.apis ?? {},
    ...context.repository ? { repository: context.repository } : {},
    ...context.localPullRequest ? { localPullRequest: context.localPullRequest } : {},
    tempRoot: context.tempRoot,
    toolVersion: context.toolVersion,
    ...context.naming ? { naming: context.naming } : {}
  };
}

export {
  Verdict,
  ConfigStatus,
  Outputs,
  REPORT_VERSION,
  TOOL_NAME,
  HOMEPAGE,
  RESOLVED_MARK,
  commentMarker,
  isResolvedComment,
  createGitCommandManager,
  httpStatus,
  isRateLimited,
  statusAndMessage,
  payloadText,
  octokitReleaseApi,
  octokitPullRequestApi,
  octokitMergeSettingsApi,
  buildReport,
  countConfigs,
  releaseDrifts,
  driftCount,
  newDriftCount,
  releaseTags,
  redactReport,
  brokenConfigs,
  visible,
  hasHidden,
  safeJson,
  inlineCode,
  clip2 as clip,
  count,
  readablePointer,
  readablePointers,
  fileLink,
  noMigrationCallout,
  migrationSection,
  breakEntries,
  withReleaseNote,
  whoseWords,
  releaseNoteBlock,
  mergeCoverage,
  breakWords,
  decideVerdict,
  failsStep,
  acknowledgementCounts,
  check,
  headline,
  findingText,
  brokenSection,
  verdictParagraphs,
  renderSummary,
  VERSION,
  INPUT_DEFAULTS,
  runnerSettings,
  actionSettings,
  toCheckRequest
};
