"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/toml-eslint-parser/lib/internal-utils/index.js
var require_internal_utils = __commonJS({
  "node_modules/toml-eslint-parser/lib/internal-utils/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.last = last;
    exports2.toKeyName = toKeyName;
    function last(arr) {
      var _a;
      return (_a = arr[arr.length - 1]) !== null && _a !== void 0 ? _a : null;
    }
    function toKeyName(node) {
      return node.type === "TOMLBare" ? node.name : node.value;
    }
  }
});

// node_modules/toml-eslint-parser/lib/parser-options.js
var require_parser_options = __commonJS({
  "node_modules/toml-eslint-parser/lib/parser-options.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getTOMLVer = getTOMLVer;
    var TOMLVerImpl = class {
      constructor(major, minor) {
        this.major = major;
        this.minor = minor;
      }
      lt(major, minor) {
        return this.major < major || this.major === major && this.minor < minor;
      }
      gte(major, minor) {
        return this.major > major || this.major === major && this.minor >= minor;
      }
    };
    var TOML_VERSION_1_0 = new TOMLVerImpl(1, 0);
    var TOML_VERSION_1_1 = new TOMLVerImpl(1, 1);
    var DEFAULT_TOML_VERSION = TOML_VERSION_1_0;
    var SUPPORTED_TOML_VERSIONS = {
      "1.0": TOML_VERSION_1_0,
      "1.0.0": TOML_VERSION_1_0,
      "1.1": TOML_VERSION_1_1,
      "1.1.0": TOML_VERSION_1_1,
      latest: TOML_VERSION_1_0,
      next: TOML_VERSION_1_1
    };
    function getTOMLVer(v) {
      return SUPPORTED_TOML_VERSIONS[v || "latest"] || DEFAULT_TOML_VERSION;
    }
  }
});

// node_modules/toml-eslint-parser/lib/errors.js
var require_errors = __commonJS({
  "node_modules/toml-eslint-parser/lib/errors.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ParseError = void 0;
    var MESSAGES = {
      "unterminated-string": "Unterminated string constant",
      "unterminated-table-key": "Unterminated table-key",
      "unterminated-array": "Unterminated array",
      "unterminated-inline-table": "Unterminated inline table",
      "missing-key": "Empty bare keys are not allowed",
      "missing-newline": "Must be a newline",
      "missing-equals-sign": "Expected equal (=) token",
      "missing-value": "Unspecified values are invalid",
      "missing-comma": "Expected comma (,) token",
      "dupe-keys": "Defining a key multiple times is invalid",
      "unexpected-char": "Unexpected character",
      "unexpected-token": "Unexpected token",
      "invalid-control-character": "Control characters (codes < 0x1f and 0x7f) are not allowed",
      "invalid-comment-character": "Invalid code point {{cp}} within comments",
      "invalid-key-value-newline": "The key, equals sign, and value must be on the same line",
      "invalid-inline-table-newline": "No newlines are allowed between the curly braces unless they are valid within a value",
      "invalid-underscore": "Underscores are allowed between digits",
      "invalid-space": "Unexpected spaces",
      "invalid-three-quotes": "Three or more quotes are not permitted",
      "invalid-date": "Unexpected invalid date",
      "invalid-time": "Unexpected invalid time",
      "invalid-leading-zero": "Leading zeros are not allowed",
      "invalid-trailing-comma-in-inline-table": "Trailing comma is not permitted in an inline table",
      "invalid-char-in-escape-sequence": "Invalid character in escape sequence",
      "invalid-code-point": "Invalid code point {{cp}}"
    };
    function getMessage(code, data) {
      if (data) {
        return MESSAGES[code].replace(/\{\{(.*?)\}\}/gu, (_, name) => {
          if (name in data) {
            return data[name];
          }
          return `{{${name}}}`;
        });
      }
      return MESSAGES[code];
    }
    var ParseError = class extends SyntaxError {
      /**
       * Initialize this ParseError instance.
       *
       */
      constructor(code, offset, line, column, data) {
        super(getMessage(code, data));
        this.index = offset;
        this.lineNumber = line;
        this.column = column;
      }
    };
    exports2.ParseError = ParseError;
  }
});

// node_modules/toml-eslint-parser/lib/tokenizer/locs.js
var require_locs = __commonJS({
  "node_modules/toml-eslint-parser/lib/tokenizer/locs.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Locations = void 0;
    function sortedLastIndex(array, value) {
      let low = 0;
      let high = array.length;
      while (low < high) {
        const mid = low + high >>> 1;
        const val = array[mid];
        if (val === value)
          return mid + 1;
        if (val < value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
    var Locations = class {
      constructor() {
        this.offsets = [];
      }
      addOffset(offset) {
        for (let i = this.offsets.length - 1; i >= 0; i--) {
          const element = this.offsets[i];
          if (element === offset)
            return;
          if (element < offset)
            break;
        }
        this.offsets.push(offset);
      }
      /**
       * Calculate the location of the given index.
       * @param index The index to calculate their location.
       * @returns The location of the index.
       */
      getLocFromIndex(offset) {
        const line = sortedLastIndex(this.offsets, offset) + 1;
        const column = offset - (line === 1 ? 0 : this.offsets[line - 2]);
        return { line, column };
      }
    };
    exports2.Locations = Locations;
  }
});

// node_modules/toml-eslint-parser/lib/tokenizer/code-point-iterator.js
var require_code_point_iterator = __commonJS({
  "node_modules/toml-eslint-parser/lib/tokenizer/code-point-iterator.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.CodePointIterator = void 0;
    var locs_1 = require_locs();
    var CodePointIterator = class {
      /**
       * Initialize this char iterator.
       */
      constructor(text2) {
        this.locs = new locs_1.Locations();
        this.lastCodePoint = 0;
        this.start = -1;
        this.end = 0;
        this.text = text2;
      }
      next() {
        if (this.lastCodePoint === -1) {
          return -1;
        }
        return this.lastCodePoint = this.moveAt(this.end);
      }
      getLocFromIndex(index) {
        return this.locs.getLocFromIndex(index);
      }
      eat(cp) {
        if (this.text.codePointAt(this.end) === cp) {
          this.next();
          return true;
        }
        return false;
      }
      moveAt(offset) {
        var _a;
        this.start = this.end = offset;
        const cp = (_a = this.text.codePointAt(this.start)) !== null && _a !== void 0 ? _a : -1;
        if (cp === -1) {
          this.end = this.start;
          return cp;
        }
        const shift = cp >= 65536 ? 2 : 1;
        this.end += shift;
        if (cp === 10) {
          this.locs.addOffset(this.end);
        } else if (cp === 13) {
          if (this.text.codePointAt(this.end) === 10) {
            this.end++;
            this.locs.addOffset(this.end);
          }
          return 10;
        }
        return cp;
      }
    };
    exports2.CodePointIterator = CodePointIterator;
  }
});

// node_modules/toml-eslint-parser/lib/tokenizer/code-point.js
var require_code_point = __commonJS({
  "node_modules/toml-eslint-parser/lib/tokenizer/code-point.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.isControl = isControl;
    exports2.isWhitespace = isWhitespace;
    exports2.isEOL = isEOL3;
    exports2.isLetter = isLetter;
    exports2.isDigit = isDigit2;
    exports2.isHexDig = isHexDig;
    exports2.isOctalDig = isOctalDig;
    exports2.isHighSurrogate = isHighSurrogate2;
    exports2.isLowSurrogate = isLowSurrogate2;
    exports2.isUnicodeScalarValue = isUnicodeScalarValue;
    function isControl(cp) {
      return cp >= 0 && cp <= 31;
    }
    function isWhitespace(cp) {
      return cp === 9 || cp === 32;
    }
    function isEOL3(cp) {
      return cp === 10 || cp === 13;
    }
    function isUpperLetter(cp) {
      return cp >= 65 && cp <= 90;
    }
    function isLowerLetter(cp) {
      return cp >= 97 && cp <= 122;
    }
    function isLetter(cp) {
      return isLowerLetter(cp) || isUpperLetter(cp);
    }
    function isDigit2(cp) {
      return cp >= 48 && cp <= 57;
    }
    function isHexDig(cp) {
      return isDigit2(cp) || cp >= 97 && cp <= 102 || cp >= 65 && cp <= 70;
    }
    function isOctalDig(cp) {
      return cp >= 48 && cp <= 55;
    }
    function isHighSurrogate2(cp) {
      return cp >= 55296 && cp <= 57343;
    }
    function isLowSurrogate2(cp) {
      return cp >= 56320 && cp <= 57343;
    }
    function isUnicodeScalarValue(cp) {
      return cp >= 0 && cp <= 55295 || cp >= 57344 && cp <= 1114111;
    }
  }
});

// node_modules/toml-eslint-parser/lib/tokenizer/tokenizer.js
var require_tokenizer = __commonJS({
  "node_modules/toml-eslint-parser/lib/tokenizer/tokenizer.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Tokenizer = void 0;
    var errors_1 = require_errors();
    var parser_options_1 = require_parser_options();
    var code_point_iterator_1 = require_code_point_iterator();
    var code_point_1 = require_code_point();
    var HAS_BIGINT = typeof BigInt !== "undefined";
    var RADIX_PREFIXES = {
      16: "0x",
      10: "",
      8: "0o",
      2: "0b"
    };
    var ESCAPES_1_0 = {
      // escape-seq-char =  %x22         ; "    quotation mark  U+0022
      [
        34
        /* CodePoint.QUOTATION_MARK */
      ]: 34,
      // escape-seq-char =/ %x5C         ; \    reverse solidus U+005C
      [
        92
        /* CodePoint.BACKSLASH */
      ]: 92,
      // escape-seq-char =/ %x62         ; b    backspace       U+0008
      [
        98
        /* CodePoint.LATIN_SMALL_B */
      ]: 8,
      // escape-seq-char =/ %x66         ; f    form feed       U+000C
      [
        102
        /* CodePoint.LATIN_SMALL_F */
      ]: 12,
      // escape-seq-char =/ %x6E         ; n    line feed       U+000A
      [
        110
        /* CodePoint.LATIN_SMALL_N */
      ]: 10,
      // escape-seq-char =/ %x72         ; r    carriage return U+000D
      [
        114
        /* CodePoint.LATIN_SMALL_R */
      ]: 13,
      // escape-seq-char =/ %x74         ; t    tab             U+0009
      [
        116
        /* CodePoint.LATIN_SMALL_T */
      ]: 9
    };
    var ESCAPES_LATEST = Object.assign(Object.assign({}, ESCAPES_1_0), {
      // escape-seq-char =/ %x65         ; e    escape          U+001B
      // Added in TOML 1.1
      [
        101
        /* CodePoint.LATIN_SMALL_E */
      ]: 27
      /* CodePoint.ESCAPE */
    });
    var Tokenizer = class {
      /**
       * Initialize this tokenizer.
       */
      constructor(text2, parserOptions) {
        this.backCode = false;
        this.lastCodePoint = 0;
        this.state = "DATA";
        this.token = null;
        this.tokenStart = -1;
        this.valuesEnabled = false;
        this.text = text2;
        this.parserOptions = parserOptions || {};
        this.codePointIterator = new code_point_iterator_1.CodePointIterator(text2);
        this.tomlVersion = (0, parser_options_1.getTOMLVer)(this.parserOptions.tomlVersion);
        this.ESCAPES = this.tomlVersion.gte(1, 1) ? ESCAPES_LATEST : ESCAPES_1_0;
      }
      get start() {
        return this.codePointIterator.start;
      }
      get end() {
        return this.codePointIterator.end;
      }
      getLocFromIndex(index) {
        return this.codePointIterator.getLocFromIndex(index);
      }
      /**
       * Report an invalid character error.
       */
      reportParseError(code, data) {
        const offset = this.codePointIterator.start;
        const loc = this.codePointIterator.getLocFromIndex(offset);
        throw new errors_1.ParseError(code, offset, loc.line, loc.column, data);
      }
      /**
       * Get the next token.
       */
      nextToken() {
        let token = this.token;
        if (token != null) {
          this.token = null;
          return token;
        }
        let cp = this.lastCodePoint;
        while (cp !== -1 && !this.token) {
          cp = this.nextCode();
          const nextState = this[this.state](cp);
          if (!nextState) {
            throw new Error(`Unknown error: pre state=${this.state}`);
          }
          this.state = nextState;
        }
        token = this.token;
        this.token = null;
        return token;
      }
      /**
       * Get the next code point.
       */
      nextCode() {
        if (this.lastCodePoint === -1) {
          return -1;
        }
        if (this.backCode) {
          this.backCode = false;
          return this.lastCodePoint;
        }
        return this.lastCodePoint = this.codePointIterator.next();
      }
      /**
       * Eat the next code point.
       */
      eatCode(cp) {
        if (this.lastCodePoint === -1) {
          return false;
        }
        if (this.backCode) {
          if (this.lastCodePoint === cp) {
            this.backCode = false;
            return true;
          }
          return false;
        }
        return this.codePointIterator.eat(cp);
      }
      /**
       * Moves the character position to the given position.
       */
      moveAt(loc) {
        if (this.backCode) {
          this.backCode = false;
        }
        this.lastCodePoint = this.codePointIterator.moveAt(loc);
      }
      /**
       * Back the current code point as the given state.
       */
      back(state) {
        this.backCode = true;
        return state;
      }
      punctuatorToken() {
        this.startToken();
        this.endToken("Punctuator", "end");
      }
      startToken() {
        this.tokenStart = this.codePointIterator.start;
      }
      /**
       * Commit the current token.
       */
      endToken(type, pos, option1, option2) {
        const { tokenStart } = this;
        const end = this.codePointIterator[pos];
        const range = [tokenStart, end];
        const loc = {
          start: this.codePointIterator.getLocFromIndex(tokenStart),
          end: this.codePointIterator.getLocFromIndex(end)
        };
        if (type === "Block") {
          this.token = {
            type,
            value: this.text.slice(tokenStart + 1, end),
            range,
            loc
          };
        } else {
          let token;
          const value = this.text.slice(tokenStart, end);
          if (type === "BasicString" || type === "LiteralString" || type === "MultiLineBasicString" || type === "MultiLineLiteralString") {
            token = {
              type,
              value,
              string: option1,
              range,
              loc
            };
          } else if (type === "Integer") {
            const text2 = option1;
            token = {
              type,
              value,
              number: parseInt(text2, option2),
              bigint: HAS_BIGINT ? BigInt(RADIX_PREFIXES[option2] + text2) : null,
              range,
              loc
            };
          } else if (type === "Float") {
            token = {
              type,
              value,
              number: option1,
              range,
              loc
            };
          } else if (type === "Boolean") {
            token = {
              type,
              value,
              boolean: option1,
              range,
              loc
            };
          } else if (type === "LocalDate" || type === "LocalTime" || type === "LocalDateTime" || type === "OffsetDateTime") {
            token = {
              type,
              value,
              date: option1,
              range,
              loc
            };
          } else {
            token = {
              type,
              value,
              range,
              loc
            };
          }
          this.token = token;
        }
      }
      DATA(cp) {
        while ((0, code_point_1.isWhitespace)(cp) || (0, code_point_1.isEOL)(cp)) {
          cp = this.nextCode();
        }
        if (cp === 35) {
          this.startToken();
          return "COMMENT";
        }
        if (cp === 34) {
          this.startToken();
          return "BASIC_STRING";
        }
        if (cp === 39) {
          this.startToken();
          return "LITERAL_STRING";
        }
        if (cp === 46 || // .
        cp === 61 || // =
        cp === 91 || // [
        cp === 93 || // ]
        cp === 123 || // {
        cp === 125 || // }
        cp === 44) {
          this.punctuatorToken();
          return "DATA";
        }
        if (this.valuesEnabled) {
          if (cp === 45 || cp === 43) {
            this.startToken();
            return "SIGN";
          }
          if (cp === 110 || cp === 105) {
            this.startToken();
            return this.back("NAN_OR_INF");
          }
          if ((0, code_point_1.isDigit)(cp)) {
            this.startToken();
            return this.back("NUMBER");
          }
          if (cp === 116 || cp === 102) {
            this.startToken();
            return this.back("BOOLEAN");
          }
        } else {
          if (isUnquotedKeyChar(cp, this.tomlVersion)) {
            this.startToken();
            return "BARE";
          }
        }
        if (cp === -1) {
          return "DATA";
        }
        return this.reportParseError("unexpected-char");
      }
      COMMENT(cp) {
        const processCommentChar = this.tomlVersion.gte(1, 1) ? (c) => {
          if (!isAllowedCommentCharacter(c)) {
            this.reportParseError("invalid-comment-character");
          }
        } : (c) => {
          if (isControlOtherThanTab(c)) {
            this.reportParseErrorControlChar();
          }
        };
        while (!(0, code_point_1.isEOL)(cp) && cp !== -1) {
          processCommentChar(cp);
          cp = this.nextCode();
        }
        this.endToken("Block", "start");
        return "DATA";
      }
      BARE(cp) {
        while (isUnquotedKeyChar(cp, this.tomlVersion)) {
          cp = this.nextCode();
        }
        this.endToken("Bare", "start");
        return this.back("DATA");
      }
      BASIC_STRING(cp) {
        if (cp === 34) {
          cp = this.nextCode();
          if (cp === 34) {
            return "MULTI_LINE_BASIC_STRING";
          }
          this.endToken("BasicString", "start", "");
          return this.back("DATA");
        }
        const out = [];
        while (cp !== 34 && cp !== -1 && cp !== 10) {
          if (isControlOtherThanTab(cp)) {
            return this.reportParseErrorControlChar();
          }
          if (cp === 92) {
            cp = this.nextCode();
            const ecp = this.ESCAPES[cp];
            if (ecp) {
              out.push(ecp);
              cp = this.nextCode();
              continue;
            } else if (cp === 117) {
              const code = this.parseUnicode(4);
              out.push(code);
              cp = this.nextCode();
              continue;
            } else if (cp === 85) {
              const code = this.parseUnicode(8);
              out.push(code);
              cp = this.nextCode();
              continue;
            } else if (cp === 120 && this.tomlVersion.gte(1, 1)) {
              const code = this.parseUnicode(2);
              out.push(code);
              cp = this.nextCode();
              continue;
            }
            return this.reportParseError("invalid-char-in-escape-sequence");
          }
          out.push(cp);
          cp = this.nextCode();
        }
        if (cp !== 34) {
          return this.reportParseError("unterminated-string");
        }
        this.endToken("BasicString", "end", String.fromCodePoint(...out));
        return "DATA";
      }
      MULTI_LINE_BASIC_STRING(cp) {
        const out = [];
        if (cp === 10) {
          cp = this.nextCode();
        }
        while (cp !== -1) {
          if (cp !== 10 && isControlOtherThanTab(cp)) {
            return this.reportParseErrorControlChar();
          }
          if (cp === 34) {
            const startPos = this.codePointIterator.start;
            if (this.eatCode(
              34
              /* CodePoint.QUOTATION_MARK */
            ) && this.eatCode(
              34
              /* CodePoint.QUOTATION_MARK */
            )) {
              if (this.eatCode(
                34
                /* CodePoint.QUOTATION_MARK */
              )) {
                out.push(
                  34
                  /* CodePoint.QUOTATION_MARK */
                );
                if (this.eatCode(
                  34
                  /* CodePoint.QUOTATION_MARK */
                )) {
                  out.push(
                    34
                    /* CodePoint.QUOTATION_MARK */
                  );
                  if (this.eatCode(
                    34
                    /* CodePoint.QUOTATION_MARK */
                  )) {
                    this.moveAt(startPos);
                    return this.reportParseError("invalid-three-quotes");
                  }
                }
              }
              this.endToken("MultiLineBasicString", "end", String.fromCodePoint(...out));
              return "DATA";
            }
            this.moveAt(startPos);
          }
          if (cp === 92) {
            cp = this.nextCode();
            const ecp = this.ESCAPES[cp];
            if (ecp) {
              out.push(ecp);
              cp = this.nextCode();
              continue;
            } else if (cp === 117) {
              const code = this.parseUnicode(4);
              out.push(code);
              cp = this.nextCode();
              continue;
            } else if (cp === 85) {
              const code = this.parseUnicode(8);
              out.push(code);
              cp = this.nextCode();
              continue;
            } else if (cp === 120 && this.tomlVersion.gte(1, 1)) {
              const code = this.parseUnicode(2);
              out.push(code);
              cp = this.nextCode();
              continue;
            } else if (cp === 10) {
              cp = this.nextCode();
              while ((0, code_point_1.isWhitespace)(cp) || cp === 10) {
                cp = this.nextCode();
              }
              continue;
            } else if ((0, code_point_1.isWhitespace)(cp)) {
              let valid = true;
              const startPos = this.codePointIterator.start;
              let nextCp;
              while ((nextCp = this.nextCode()) !== -1) {
                if (nextCp === 10) {
                  break;
                }
                if (!(0, code_point_1.isWhitespace)(nextCp)) {
                  this.moveAt(startPos);
                  valid = false;
                  break;
                }
              }
              if (valid) {
                cp = this.nextCode();
                while ((0, code_point_1.isWhitespace)(cp) || cp === 10) {
                  cp = this.nextCode();
                }
                continue;
              }
            }
            return this.reportParseError("invalid-char-in-escape-sequence");
          }
          out.push(cp);
          cp = this.nextCode();
        }
        return this.reportParseError("unterminated-string");
      }
      LITERAL_STRING(cp) {
        if (cp === 39) {
          cp = this.nextCode();
          if (cp === 39) {
            return "MULTI_LINE_LITERAL_STRING";
          }
          this.endToken("LiteralString", "start", "");
          return this.back("DATA");
        }
        const out = [];
        while (cp !== 39 && cp !== -1 && cp !== 10) {
          if (isControlOtherThanTab(cp)) {
            return this.reportParseErrorControlChar();
          }
          out.push(cp);
          cp = this.nextCode();
        }
        if (cp !== 39) {
          return this.reportParseError("unterminated-string");
        }
        this.endToken("LiteralString", "end", String.fromCodePoint(...out));
        return "DATA";
      }
      MULTI_LINE_LITERAL_STRING(cp) {
        const out = [];
        if (cp === 10) {
          cp = this.nextCode();
        }
        while (cp !== -1) {
          if (cp !== 10 && isControlOtherThanTab(cp)) {
            return this.reportParseErrorControlChar();
          }
          if (cp === 39) {
            const startPos = this.codePointIterator.start;
            if (this.eatCode(
              39
              /* CodePoint.SINGLE_QUOTE */
            ) && this.eatCode(
              39
              /* CodePoint.SINGLE_QUOTE */
            )) {
              if (this.eatCode(
                39
                /* CodePoint.SINGLE_QUOTE */
              )) {
                out.push(
                  39
                  /* CodePoint.SINGLE_QUOTE */
                );
                if (this.eatCode(
                  39
                  /* CodePoint.SINGLE_QUOTE */
                )) {
                  out.push(
                    39
                    /* CodePoint.SINGLE_QUOTE */
                  );
                  if (this.eatCode(
                    39
                    /* CodePoint.SINGLE_QUOTE */
                  )) {
                    this.moveAt(startPos);
                    return this.reportParseError("invalid-three-quotes");
                  }
                }
              }
              this.endToken("MultiLineLiteralString", "end", String.fromCodePoint(...out));
              return "DATA";
            }
            this.moveAt(startPos);
          }
          out.push(cp);
          cp = this.nextCode();
        }
        return this.reportParseError("unterminated-string");
      }
      SIGN(cp) {
        if (cp === 110 || cp === 105) {
          return this.back("NAN_OR_INF");
        }
        if ((0, code_point_1.isDigit)(cp)) {
          return this.back("NUMBER");
        }
        return this.reportParseError("unexpected-char");
      }
      NAN_OR_INF(cp) {
        if (cp === 110) {
          const startPos = this.codePointIterator.start;
          if (this.eatCode(
            97
            /* CodePoint.LATIN_SMALL_A */
          ) && this.eatCode(
            110
            /* CodePoint.LATIN_SMALL_N */
          )) {
            this.endToken("Float", "end", NaN);
            return "DATA";
          }
          this.moveAt(startPos);
        } else if (cp === 105) {
          const startPos = this.codePointIterator.start;
          if (this.eatCode(
            110
            /* CodePoint.LATIN_SMALL_N */
          ) && this.eatCode(
            102
            /* CodePoint.LATIN_SMALL_F */
          )) {
            this.endToken("Float", "end", this.text[this.tokenStart] === "-" ? -Infinity : Infinity);
            return "DATA";
          }
          this.moveAt(startPos);
        }
        return this.reportParseError("unexpected-char");
      }
      NUMBER(cp) {
        const start = this.text[this.tokenStart];
        const sign = start === "+" ? 43 : start === "-" ? 45 : 0;
        if (cp === 48) {
          if (sign === 0) {
            const startPos = this.codePointIterator.start;
            const nextCp2 = this.nextCode();
            if ((0, code_point_1.isDigit)(nextCp2)) {
              const nextNextCp = this.nextCode();
              if (nextNextCp === 58) {
                const data = {
                  hasDate: false,
                  year: 0,
                  month: 0,
                  day: 0,
                  hour: Number(String.fromCodePoint(48, nextCp2)),
                  minute: 0,
                  second: 0
                };
                this.data = data;
                return "TIME_MINUTE";
              }
              if ((0, code_point_1.isDigit)(nextNextCp)) {
                const nextNextNextCp = this.nextCode();
                if ((0, code_point_1.isDigit)(nextNextNextCp) && this.eatCode(
                  45
                  /* CodePoint.DASH */
                )) {
                  const data = {
                    hasDate: true,
                    year: Number(String.fromCodePoint(48, nextCp2, nextNextCp, nextNextNextCp)),
                    month: 0,
                    day: 0,
                    hour: 0,
                    minute: 0,
                    second: 0
                  };
                  this.data = data;
                  return "DATE_MONTH";
                }
              }
              this.moveAt(startPos);
              return this.reportParseError("invalid-leading-zero");
            }
            this.moveAt(startPos);
          }
          cp = this.nextCode();
          if (cp === 120 || cp === 111 || cp === 98) {
            if (sign !== 0) {
              return this.reportParseError("unexpected-char");
            }
            return cp === 120 ? "HEX" : cp === 111 ? "OCTAL" : "BINARY";
          }
          if (cp === 101 || cp === 69) {
            const data = {
              // Float values -0.0 and +0.0 are valid and should map according to IEEE 754.
              minus: sign === 45,
              left: [
                48
                /* CodePoint.DIGIT_0 */
              ]
            };
            this.data = data;
            return "EXPONENT_RIGHT";
          }
          if (cp === 46) {
            const data = {
              minus: sign === 45,
              absInt: [
                48
                /* CodePoint.DIGIT_0 */
              ]
            };
            this.data = data;
            return "FRACTIONAL_RIGHT";
          }
          this.endToken("Integer", "start", "0", 10);
          return this.back("DATA");
        }
        const { out, nextCp, hasUnderscore } = this.parseDigits(cp, code_point_1.isDigit);
        if (nextCp === 45 && sign === 0 && !hasUnderscore && out.length === 4) {
          const data = {
            hasDate: true,
            year: Number(String.fromCodePoint(...out)),
            month: 0,
            day: 0,
            hour: 0,
            minute: 0,
            second: 0
          };
          this.data = data;
          return "DATE_MONTH";
        }
        if (nextCp === 58 && sign === 0 && !hasUnderscore && out.length === 2) {
          const data = {
            hasDate: false,
            year: 0,
            month: 0,
            day: 0,
            hour: Number(String.fromCodePoint(...out)),
            minute: 0,
            second: 0
          };
          this.data = data;
          return "TIME_MINUTE";
        }
        if (nextCp === 101 || nextCp === 69) {
          const data = {
            minus: sign === 45,
            left: out
          };
          this.data = data;
          return "EXPONENT_RIGHT";
        }
        if (nextCp === 46) {
          const data = {
            minus: sign === 45,
            absInt: out
          };
          this.data = data;
          return "FRACTIONAL_RIGHT";
        }
        this.endToken("Integer", "start", sign === 45 ? String.fromCodePoint(45, ...out) : String.fromCodePoint(...out), 10);
        return this.back("DATA");
      }
      HEX(cp) {
        const { out } = this.parseDigits(cp, code_point_1.isHexDig);
        this.endToken("Integer", "start", String.fromCodePoint(...out), 16);
        return this.back("DATA");
      }
      OCTAL(cp) {
        const { out } = this.parseDigits(cp, code_point_1.isOctalDig);
        this.endToken("Integer", "start", String.fromCodePoint(...out), 8);
        return this.back("DATA");
      }
      BINARY(cp) {
        const { out } = this.parseDigits(
          cp,
          (c) => c === 48 || c === 49
          /* CodePoint.DIGIT_1 */
        );
        this.endToken("Integer", "start", String.fromCodePoint(...out), 2);
        return this.back("DATA");
      }
      FRACTIONAL_RIGHT(cp) {
        const { minus, absInt } = this.data;
        const { out, nextCp } = this.parseDigits(cp, code_point_1.isDigit);
        const absNum = [...absInt, 46, ...out];
        if (nextCp === 101 || nextCp === 69) {
          const data = {
            minus,
            left: absNum
          };
          this.data = data;
          return "EXPONENT_RIGHT";
        }
        const value = Number(minus ? String.fromCodePoint(45, ...absNum) : String.fromCodePoint(...absNum));
        this.endToken("Float", "start", value);
        return this.back("DATA");
      }
      EXPONENT_RIGHT(cp) {
        const { left, minus: leftMinus } = this.data;
        let minus = false;
        if (cp === 45 || cp === 43) {
          minus = cp === 45;
          cp = this.nextCode();
        }
        const { out } = this.parseDigits(cp, code_point_1.isDigit);
        const right = out;
        if (minus) {
          right.unshift(
            45
            /* CodePoint.DASH */
          );
        }
        const value = Number(leftMinus ? String.fromCodePoint(45, ...left, 101, ...right) : String.fromCodePoint(...left, 101, ...right));
        this.endToken("Float", "start", value);
        return this.back("DATA");
      }
      BOOLEAN(cp) {
        if (cp === 116) {
          const startPos = this.codePointIterator.start;
          if (this.eatCode(
            114
            /* CodePoint.LATIN_SMALL_R */
          ) && this.eatCode(
            117
            /* CodePoint.LATIN_SMALL_U */
          ) && this.eatCode(
            101
            /* CodePoint.LATIN_SMALL_E */
          )) {
            this.endToken("Boolean", "end", true);
            return "DATA";
          }
          this.moveAt(startPos);
        } else if (cp === 102) {
          const startPos = this.codePointIterator.start;
          if (this.eatCode(
            97
            /* CodePoint.LATIN_SMALL_A */
          ) && this.eatCode(
            108
            /* CodePoint.LATIN_SMALL_L */
          ) && this.eatCode(
            115
            /* CodePoint.LATIN_SMALL_S */
          ) && this.eatCode(
            101
            /* CodePoint.LATIN_SMALL_E */
          )) {
            this.endToken("Boolean", "end", false);
            return "DATA";
          }
          this.moveAt(startPos);
        }
        return this.reportParseError("unexpected-char");
      }
      DATE_MONTH(cp) {
        const start = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (cp !== 45) {
          return this.reportParseError("unexpected-char");
        }
        const end = this.codePointIterator.start;
        const data = this.data;
        data.month = Number(this.text.slice(start, end));
        return "DATE_DAY";
      }
      DATE_DAY(cp) {
        const start = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const end = this.codePointIterator.end;
        const data = this.data;
        data.day = Number(this.text.slice(start, end));
        if (!isValidDate(data.year, data.month, data.day)) {
          return this.reportParseError("invalid-date");
        }
        cp = this.nextCode();
        if (cp === 84 || cp === 116) {
          return "TIME_HOUR";
        }
        if (cp === 32) {
          const startPos = this.codePointIterator.start;
          if ((0, code_point_1.isDigit)(this.nextCode()) && (0, code_point_1.isDigit)(this.nextCode())) {
            this.moveAt(startPos);
            return "TIME_HOUR";
          }
          this.moveAt(startPos);
        }
        const dateValue = getDateFromDateTimeData(data, "");
        this.endToken("LocalDate", "start", dateValue);
        return this.back("DATA");
      }
      TIME_HOUR(cp) {
        const start = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (cp !== 58) {
          return this.reportParseError("unexpected-char");
        }
        const end = this.codePointIterator.start;
        const data = this.data;
        data.hour = Number(this.text.slice(start, end));
        return "TIME_MINUTE";
      }
      TIME_MINUTE(cp) {
        const start = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const end = this.codePointIterator.end;
        const data = this.data;
        data.minute = Number(this.text.slice(start, end));
        cp = this.nextCode();
        if (cp === 58) {
          return "TIME_SECOND";
        }
        if (this.tomlVersion.lt(1, 1)) {
          return this.reportParseError("unexpected-char");
        }
        if (!isValidTime(data.hour, data.minute, data.second)) {
          return this.reportParseError("invalid-time");
        }
        return this.processTimeEnd(cp, data);
      }
      TIME_SECOND(cp) {
        const start = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const end = this.codePointIterator.end;
        const data = this.data;
        data.second = Number(this.text.slice(start, end));
        if (!isValidTime(data.hour, data.minute, data.second)) {
          return this.reportParseError("invalid-time");
        }
        cp = this.nextCode();
        if (cp === 46) {
          return "TIME_SEC_FRAC";
        }
        return this.processTimeEnd(cp, data);
      }
      TIME_SEC_FRAC(cp) {
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const start = this.codePointIterator.start;
        while ((0, code_point_1.isDigit)(cp)) {
          cp = this.nextCode();
        }
        const end = this.codePointIterator.start;
        const data = this.data;
        data.frac = this.text.slice(start, end);
        return this.processTimeEnd(cp, data);
      }
      processTimeEnd(cp, data) {
        if (data.hasDate) {
          if (cp === 45 || cp === 43) {
            data.offsetSign = cp;
            return "TIME_OFFSET";
          }
          if (cp === 90 || cp === 122) {
            const dateValue3 = getDateFromDateTimeData(data, "Z");
            this.endToken("OffsetDateTime", "end", dateValue3);
            return "DATA";
          }
          const dateValue2 = getDateFromDateTimeData(data, "");
          this.endToken("LocalDateTime", "start", dateValue2);
          return this.back("DATA");
        }
        const dateValue = getDateFromDateTimeData(data, "");
        this.endToken("LocalTime", "start", dateValue);
        return this.back("DATA");
      }
      TIME_OFFSET(cp) {
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const hourStart = this.codePointIterator.start;
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (cp !== 58) {
          return this.reportParseError("unexpected-char");
        }
        const hourEnd = this.codePointIterator.start;
        cp = this.nextCode();
        const minuteStart = this.codePointIterator.start;
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        cp = this.nextCode();
        if (!(0, code_point_1.isDigit)(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const minuteEnd = this.codePointIterator.end;
        const hour = Number(this.text.slice(hourStart, hourEnd));
        const minute = Number(this.text.slice(minuteStart, minuteEnd));
        if (!isValidTime(hour, minute, 0)) {
          return this.reportParseError("invalid-time");
        }
        const data = this.data;
        const dateValue = getDateFromDateTimeData(data, `${String.fromCodePoint(data.offsetSign)}${padStart(hour, 2)}:${padStart(minute, 2)}`);
        this.endToken("OffsetDateTime", "end", dateValue);
        return "DATA";
      }
      parseDigits(cp, checkDigit) {
        if (cp === 95) {
          return this.reportParseError("invalid-underscore");
        }
        if (!checkDigit(cp)) {
          return this.reportParseError("unexpected-char");
        }
        const out = [];
        let before = 0;
        let hasUnderscore = false;
        while (checkDigit(cp) || cp === 95) {
          if (cp === 95) {
            hasUnderscore = true;
            if (before === 95) {
              return this.reportParseError("invalid-underscore");
            }
          } else {
            out.push(cp);
          }
          before = cp;
          cp = this.nextCode();
        }
        if (before === 95) {
          return this.reportParseError("invalid-underscore");
        }
        return {
          out,
          nextCp: cp,
          hasUnderscore
        };
      }
      parseUnicode(count) {
        const startLoc = this.codePointIterator.start;
        const start = this.codePointIterator.end;
        let charCount = 0;
        let cp;
        while ((cp = this.nextCode()) !== -1) {
          if (!(0, code_point_1.isHexDig)(cp)) {
            this.moveAt(startLoc);
            return this.reportParseError("invalid-char-in-escape-sequence");
          }
          charCount++;
          if (charCount >= count) {
            break;
          }
        }
        const end = this.codePointIterator.end;
        const code = this.text.slice(start, end);
        const codePoint = parseInt(code, 16);
        if (!(0, code_point_1.isUnicodeScalarValue)(codePoint)) {
          return this.reportParseError("invalid-code-point", { cp: code });
        }
        return codePoint;
      }
      reportParseErrorControlChar() {
        return this.reportParseError("invalid-control-character");
      }
    };
    exports2.Tokenizer = Tokenizer;
    function isUnquotedKeyChar(cp, tomlVersion) {
      if ((0, code_point_1.isLetter)(cp) || (0, code_point_1.isDigit)(cp) || cp === 95 || cp === 45) {
        return true;
      }
      if (tomlVersion.lt(1, 1)) {
        return false;
      }
      if (cp === 178 || cp === 179 || cp === 185 || 188 <= cp && cp <= 190) {
        return true;
      }
      if (192 <= cp && cp <= 214 || 216 <= cp && cp <= 246 || 248 <= cp && cp <= 891) {
        return true;
      }
      if (895 <= cp && cp <= 8191) {
        return true;
      }
      if (8204 <= cp && cp <= 8205 || 8255 <= cp && cp <= 8256) {
        return true;
      }
      if (8304 <= cp && cp <= 8591 || 9312 <= cp && cp <= 9471) {
        return true;
      }
      if (11264 <= cp && cp <= 12271 || 12289 <= cp && cp <= 55295) {
        return true;
      }
      if (63744 <= cp && cp <= 64975 || 65008 <= cp && cp <= 65533) {
        return true;
      }
      if (65536 <= cp && cp <= 983039) {
        return true;
      }
      return false;
    }
    function isControlOtherThanTab(cp) {
      return (0, code_point_1.isControl)(cp) && cp !== 9 || cp === 127;
    }
    function isAllowedCommentCharacter(cp) {
      return 1 <= cp && cp <= 9 || 14 <= cp && cp <= 127 || isNonAscii(cp);
    }
    function isNonAscii(cp) {
      return 128 <= cp && cp <= 55295 || 57344 <= cp && cp <= 1114111;
    }
    function isValidDate(y, m, d) {
      if (y >= 0 && m <= 12 && m >= 1 && d >= 1) {
        const maxDayOfMonth = m === 2 ? y & 3 || !(y % 25) && y & 15 ? 28 : 29 : 30 + (m + (m >> 3) & 1);
        return d <= maxDayOfMonth;
      }
      return false;
    }
    function isValidTime(h, m, s) {
      if (h >= 24 || h < 0 || m > 59 || m < 0 || s > 60 || s < 0) {
        return false;
      }
      return true;
    }
    function getDateFromDateTimeData(data, timeZone) {
      const year = padStart(data.year, 4);
      const month = data.month ? padStart(data.month, 2) : "01";
      const day = data.day ? padStart(data.day, 2) : "01";
      const hour = padStart(data.hour, 2);
      const minute = padStart(data.minute, 2);
      const second = padStart(data.second, 2);
      const textDate = `${year}-${month}-${day}`;
      const frac = data.frac ? `.${data.frac}` : "";
      const dateValue = /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:${second}${frac}${timeZone}`);
      if (!isNaN(dateValue.getTime()) || data.second !== 60) {
        return dateValue;
      }
      return /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:59${frac}${timeZone}`);
    }
    function padStart(num, maxLength) {
      return String(num).padStart(maxLength, "0");
    }
  }
});

// node_modules/toml-eslint-parser/lib/tokenizer/index.js
var require_tokenizer2 = __commonJS({
  "node_modules/toml-eslint-parser/lib/tokenizer/index.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports2 && exports2.__exportStar || function(m, exports3) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports3, p)) __createBinding(exports3, m, p);
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    __exportStar(require_tokenizer(), exports2);
  }
});

// node_modules/toml-eslint-parser/lib/toml-parser/keys-resolver.js
var require_keys_resolver = __commonJS({
  "node_modules/toml-eslint-parser/lib/toml-parser/keys-resolver.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.KeysResolver = void 0;
    var internal_utils_1 = require_internal_utils();
    var KeysResolver = class {
      constructor(ctx) {
        this.rootKeys = /* @__PURE__ */ new Map();
        this.tables = [];
        this.ctx = ctx;
      }
      applyResolveKeyForTable(node) {
        let keys = this.rootKeys;
        const peekKeyIndex = node.key.keys.length - 1;
        for (let index = 0; index < peekKeyIndex; index++) {
          const keyNode = node.key.keys[index];
          const keyName2 = (0, internal_utils_1.toKeyName)(keyNode);
          node.resolvedKey.push(keyName2);
          let keyStore = keys.get(keyName2);
          if (!keyStore) {
            keyStore = { node: keyNode, keys: /* @__PURE__ */ new Map() };
            keys.set(keyName2, keyStore);
          } else if (keyStore.table === "array") {
            const peekIndex = keyStore.peekIndex;
            node.resolvedKey.push(peekIndex);
            keyStore = keyStore.keys.get(peekIndex);
          }
          keys = keyStore.keys;
        }
        const lastKeyNode = node.key.keys[peekKeyIndex];
        const lastKeyName = (0, internal_utils_1.toKeyName)(lastKeyNode);
        node.resolvedKey.push(lastKeyName);
        const lastKeyStore = keys.get(lastKeyName);
        if (!lastKeyStore) {
          if (node.kind === "array") {
            node.resolvedKey.push(0);
            const newKeyStore = {
              node: lastKeyNode,
              keys: /* @__PURE__ */ new Map()
            };
            keys.set(lastKeyName, {
              table: node.kind,
              node: lastKeyNode,
              keys: /* @__PURE__ */ new Map([[0, newKeyStore]]),
              peekIndex: 0
            });
            this.tables.push({ node, keys: newKeyStore.keys });
          } else {
            const newKeyStore = {
              table: node.kind,
              node: lastKeyNode,
              keys: /* @__PURE__ */ new Map()
            };
            keys.set(lastKeyName, newKeyStore);
            this.tables.push({ node, keys: newKeyStore.keys });
          }
        } else if (!lastKeyStore.table) {
          if (node.kind === "array") {
            this.ctx.reportParseError("dupe-keys", lastKeyNode);
          } else {
            const transformKey = {
              table: node.kind,
              node: lastKeyNode,
              keys: lastKeyStore.keys
            };
            keys.set(lastKeyName, transformKey);
            this.tables.push({ node, keys: transformKey.keys });
          }
        } else if (lastKeyStore.table === "array") {
          if (node.kind === "array") {
            const newKeyStore = {
              node: lastKeyNode,
              keys: /* @__PURE__ */ new Map()
            };
            const newIndex = lastKeyStore.peekIndex + 1;
            node.resolvedKey.push(newIndex);
            lastKeyStore.keys.set(newIndex, newKeyStore);
            lastKeyStore.peekIndex = newIndex;
            this.tables.push({ node, keys: newKeyStore.keys });
          } else {
            this.ctx.reportParseError("dupe-keys", lastKeyNode);
          }
        } else {
          this.ctx.reportParseError("dupe-keys", lastKeyNode);
        }
      }
      verifyDuplicateKeys(node) {
        for (const body of node.body) {
          if (body.type === "TOMLKeyValue") {
            verifyDuplicateKeysForKeyValue(this.ctx, this.rootKeys, body);
          }
        }
        for (const { node: tableNode, keys } of this.tables) {
          for (const body of tableNode.body) {
            verifyDuplicateKeysForKeyValue(this.ctx, keys, body);
          }
        }
      }
    };
    exports2.KeysResolver = KeysResolver;
    function verifyDuplicateKeysForKeyValue(ctx, defineKeys, node) {
      let keys = defineKeys;
      const lastKey = (0, internal_utils_1.last)(node.key.keys);
      for (const keyNode of node.key.keys) {
        const key = (0, internal_utils_1.toKeyName)(keyNode);
        let defineKey = keys.get(key);
        if (defineKey) {
          if (defineKey.value === 0) {
            ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
          } else if (lastKey === keyNode) {
            ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
          } else if (defineKey.table) {
            ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
          }
          defineKey.value = 1;
        } else {
          if (lastKey === keyNode) {
            const keyStore = {
              value: 0,
              node: keyNode,
              keys: /* @__PURE__ */ new Map()
            };
            defineKey = keyStore;
          } else {
            const keyStore = {
              value: 1,
              node: keyNode,
              keys: /* @__PURE__ */ new Map()
            };
            defineKey = keyStore;
          }
          keys.set(key, defineKey);
        }
        keys = defineKey.keys;
      }
      if (node.value.type === "TOMLInlineTable") {
        verifyDuplicateKeysForInlineTable(ctx, keys, node.value);
      } else if (node.value.type === "TOMLArray") {
        verifyDuplicateKeysForArray(ctx, keys, node.value);
      }
    }
    function verifyDuplicateKeysForInlineTable(ctx, defineKeys, node) {
      for (const body of node.body) {
        verifyDuplicateKeysForKeyValue(ctx, defineKeys, body);
      }
    }
    function verifyDuplicateKeysForArray(ctx, defineKeys, node) {
      const keys = defineKeys;
      for (let index = 0; index < node.elements.length; index++) {
        const element = node.elements[index];
        let defineKey = keys.get(index);
        if (defineKey) {
          ctx.reportParseError("dupe-keys", getAfterNode(element, defineKey.node));
        } else {
          defineKey = {
            value: 0,
            node: element,
            keys: /* @__PURE__ */ new Map()
          };
          defineKeys.set(index, defineKey);
          if (element.type === "TOMLInlineTable") {
            verifyDuplicateKeysForInlineTable(ctx, defineKey.keys, element);
          } else if (element.type === "TOMLArray") {
            verifyDuplicateKeysForArray(ctx, defineKey.keys, element);
          }
        }
      }
    }
    function getAfterNode(a, b) {
      return a.range[0] <= b.range[0] ? b : a;
    }
  }
});

// node_modules/toml-eslint-parser/lib/toml-parser/context.js
var require_context = __commonJS({
  "node_modules/toml-eslint-parser/lib/toml-parser/context.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Context = void 0;
    var errors_1 = require_errors();
    var tokenizer_1 = require_tokenizer2();
    var keys_resolver_1 = require_keys_resolver();
    var Context = class {
      constructor(data) {
        this.tokens = [];
        this.comments = [];
        this.back = null;
        this.stateStack = [];
        this.needNewLine = false;
        this.needSameLine = false;
        this.currToken = null;
        this.prevToken = null;
        this.valueContainerStack = [];
        this.tokenizer = new tokenizer_1.Tokenizer(data.text, data.parserOptions);
        this.topLevelTable = data.topLevelTable;
        this.table = data.topLevelTable;
        this.keysResolver = new keys_resolver_1.KeysResolver(this);
      }
      /**
       * Get the next token.
       */
      nextToken(option) {
        this.prevToken = this.currToken;
        if (this.back) {
          this.currToken = this.back;
          this.back = null;
        } else {
          this.currToken = this._nextTokenFromTokenizer(option);
        }
        if ((this.needNewLine || this.needSameLine || (option === null || option === void 0 ? void 0 : option.needSameLine)) && this.prevToken && this.currToken) {
          if (this.prevToken.loc.end.line === this.currToken.loc.start.line) {
            if (this.needNewLine) {
              return this.reportParseError("missing-newline", this.currToken);
            }
          } else {
            const needSameLine = this.needSameLine || (option === null || option === void 0 ? void 0 : option.needSameLine);
            if (needSameLine) {
              return this.reportParseError(needSameLine, this.currToken);
            }
          }
        }
        this.needNewLine = false;
        this.needSameLine = false;
        return this.currToken;
      }
      _nextTokenFromTokenizer(option) {
        const valuesEnabled = this.tokenizer.valuesEnabled;
        if (option === null || option === void 0 ? void 0 : option.valuesEnabled) {
          this.tokenizer.valuesEnabled = option.valuesEnabled;
        }
        let token = this.tokenizer.nextToken();
        while (token && token.type === "Block") {
          this.comments.push(token);
          token = this.tokenizer.nextToken();
        }
        if (token) {
          this.tokens.push(token);
        }
        this.tokenizer.valuesEnabled = valuesEnabled;
        return token;
      }
      backToken() {
        if (this.back) {
          throw new Error("Illegal state");
        }
        this.back = this.currToken;
        this.currToken = this.prevToken;
      }
      addValueContainer(valueContainer) {
        this.valueContainerStack.push(valueContainer);
        this.tokenizer.valuesEnabled = true;
      }
      consumeValueContainer() {
        const valueContainer = this.valueContainerStack.pop();
        this.tokenizer.valuesEnabled = this.valueContainerStack.length > 0;
        return valueContainer;
      }
      applyResolveKeyForTable(node) {
        this.keysResolver.applyResolveKeyForTable(node);
      }
      verifyDuplicateKeys() {
        this.keysResolver.verifyDuplicateKeys(this.topLevelTable);
      }
      /**
       * Report an invalid token error.
       */
      reportParseError(code, token) {
        let offset, line, column;
        if (token) {
          offset = token.range[0];
          line = token.loc.start.line;
          column = token.loc.start.column;
        } else {
          offset = this.tokenizer.start;
          const startPos = this.tokenizer.getLocFromIndex(offset);
          line = startPos.line;
          column = startPos.column;
        }
        throw new errors_1.ParseError(code, offset, line, column);
      }
    };
    exports2.Context = Context;
  }
});

// node_modules/toml-eslint-parser/lib/toml-parser/index.js
var require_toml_parser = __commonJS({
  "node_modules/toml-eslint-parser/lib/toml-parser/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.TOMLParser = void 0;
    var internal_utils_1 = require_internal_utils();
    var parser_options_1 = require_parser_options();
    var context_1 = require_context();
    var STATE_FOR_ERROR = {
      VALUE: "missing-value"
    };
    var STRING_VALUE_STYLE_MAP = {
      BasicString: "basic",
      MultiLineBasicString: "basic",
      LiteralString: "literal",
      MultiLineLiteralString: "literal"
    };
    var STRING_KEY_STYLE_MAP = {
      BasicString: "basic",
      LiteralString: "literal"
    };
    var DATETIME_VALUE_KIND_MAP = {
      OffsetDateTime: "offset-date-time",
      LocalDateTime: "local-date-time",
      LocalDate: "local-date",
      LocalTime: "local-time"
    };
    var TOMLParser = class {
      /**
       * Initialize this parser.
       */
      constructor(text2, parserOptions) {
        this.text = text2;
        this.parserOptions = parserOptions || {};
        this.tomlVersion = (0, parser_options_1.getTOMLVer)(this.parserOptions.tomlVersion);
      }
      /**
       * Parse TOML
       */
      parse() {
        const ast = {
          type: "Program",
          body: [],
          sourceType: "module",
          tokens: [],
          comments: [],
          parent: null,
          range: [0, 0],
          loc: {
            start: {
              line: 1,
              column: 0
            },
            end: {
              line: 1,
              column: 0
            }
          }
        };
        const node = {
          type: "TOMLTopLevelTable",
          body: [],
          parent: ast,
          range: cloneRange(ast.range),
          loc: cloneLoc(ast.loc)
        };
        ast.body = [node];
        const ctx = new context_1.Context({
          text: this.text,
          parserOptions: this.parserOptions,
          topLevelTable: node
        });
        let token = ctx.nextToken();
        if (token) {
          node.range[0] = token.range[0];
          node.loc.start = clonePos(token.loc.start);
          while (token) {
            const state2 = ctx.stateStack.pop() || "TABLE";
            ctx.stateStack.push(...this[state2](token, ctx));
            token = ctx.nextToken();
          }
          const state = ctx.stateStack.pop() || "TABLE";
          if (state in STATE_FOR_ERROR) {
            return ctx.reportParseError(STATE_FOR_ERROR[state], null);
          }
          if (ctx.table.type === "TOMLTable") {
            applyEndLoc(ctx.table, (0, internal_utils_1.last)(ctx.table.body));
          }
          applyEndLoc(node, (0, internal_utils_1.last)(node.body));
        }
        ctx.verifyDuplicateKeys();
        ast.tokens = ctx.tokens;
        ast.comments = ctx.comments;
        const endOffset = ctx.tokenizer.end;
        const endPos = ctx.tokenizer.getLocFromIndex(endOffset);
        ast.range[1] = endOffset;
        ast.loc.end = {
          line: endPos.line,
          column: endPos.column
        };
        return ast;
      }
      TABLE(token, ctx) {
        if (isBare(token) || isString(token)) {
          return this.processKeyValue(token, ctx.table, ctx);
        }
        if (isLeftBracket(token)) {
          return this.processTable(token, ctx.topLevelTable, ctx);
        }
        return ctx.reportParseError("unexpected-token", token);
      }
      VALUE(token, ctx) {
        if (isString(token) || isMultiLineString(token)) {
          return this.processStringValue(token, ctx);
        }
        if (isNumber(token)) {
          return this.processNumberValue(token, ctx);
        }
        if (isBoolean(token)) {
          return this.processBooleanValue(token, ctx);
        }
        if (isDateTime(token)) {
          return this.processDateTimeValue(token, ctx);
        }
        if (isLeftBracket(token)) {
          return this.processArray(token, ctx);
        }
        if (isLeftBrace(token)) {
          return this.processInlineTable(token, ctx);
        }
        return ctx.reportParseError("unexpected-token", token);
      }
      processTable(token, topLevelTableNode, ctx) {
        const tableNode = {
          type: "TOMLTable",
          kind: "standard",
          key: null,
          resolvedKey: [],
          body: [],
          parent: topLevelTableNode,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        if (ctx.table.type === "TOMLTable") {
          applyEndLoc(ctx.table, (0, internal_utils_1.last)(ctx.table.body));
        }
        topLevelTableNode.body.push(tableNode);
        ctx.table = tableNode;
        let targetToken = ctx.nextToken({
          needSameLine: "invalid-key-value-newline"
        });
        if (isLeftBracket(targetToken)) {
          if (token.range[1] < targetToken.range[0]) {
            return ctx.reportParseError("invalid-space", targetToken);
          }
          tableNode.kind = "array";
          targetToken = ctx.nextToken({
            needSameLine: "invalid-key-value-newline"
          });
        }
        if (isRightBracket(targetToken)) {
          return ctx.reportParseError("missing-key", targetToken);
        }
        if (!targetToken) {
          return ctx.reportParseError("unterminated-table-key", null);
        }
        const keyNodeData = this.processKeyNode(targetToken, tableNode, ctx);
        targetToken = keyNodeData.nextToken;
        if (!isRightBracket(targetToken)) {
          return ctx.reportParseError("unterminated-table-key", targetToken);
        }
        if (tableNode.kind === "array") {
          const rightBracket = targetToken;
          targetToken = ctx.nextToken({
            needSameLine: "invalid-key-value-newline"
          });
          if (!isRightBracket(targetToken)) {
            return ctx.reportParseError("unterminated-table-key", targetToken);
          }
          if (rightBracket.range[1] < targetToken.range[0]) {
            return ctx.reportParseError("invalid-space", targetToken);
          }
        }
        applyEndLoc(tableNode, targetToken);
        ctx.applyResolveKeyForTable(tableNode);
        ctx.needNewLine = true;
        return [];
      }
      processKeyValue(token, tableNode, ctx) {
        const keyValueNode = {
          type: "TOMLKeyValue",
          key: null,
          value: null,
          parent: tableNode,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        tableNode.body.push(keyValueNode);
        const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
        if (!isEq(targetToken)) {
          return ctx.reportParseError("missing-equals-sign", targetToken);
        }
        ctx.addValueContainer({
          parent: keyValueNode,
          set: (valNode) => {
            keyValueNode.value = valNode;
            applyEndLoc(keyValueNode, valNode);
            ctx.needNewLine = true;
            return [];
          }
        });
        ctx.needSameLine = "invalid-key-value-newline";
        return ["VALUE"];
      }
      processKeyNode(token, parent, ctx) {
        const keyNode = {
          type: "TOMLKey",
          keys: [],
          parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        parent.key = keyNode;
        let targetToken = token;
        while (targetToken) {
          if (isBare(targetToken)) {
            this.processBareKey(targetToken, keyNode);
          } else if (isString(targetToken)) {
            this.processStringKey(targetToken, keyNode);
          } else {
            break;
          }
          targetToken = ctx.nextToken({
            needSameLine: "invalid-key-value-newline"
          });
          if (isDot(targetToken)) {
            targetToken = ctx.nextToken({
              needSameLine: "invalid-key-value-newline"
            });
          } else {
            break;
          }
        }
        applyEndLoc(keyNode, (0, internal_utils_1.last)(keyNode.keys));
        return { keyNode, nextToken: targetToken };
      }
      processBareKey(token, keyNode) {
        const node = {
          type: "TOMLBare",
          name: token.value,
          parent: keyNode,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        keyNode.keys.push(node);
      }
      processStringKey(token, keyNode) {
        const node = {
          type: "TOMLQuoted",
          kind: "string",
          value: token.string,
          style: STRING_KEY_STYLE_MAP[token.type],
          multiline: false,
          parent: keyNode,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        keyNode.keys.push(node);
      }
      processStringValue(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const node = {
          type: "TOMLValue",
          kind: "string",
          value: token.string,
          style: STRING_VALUE_STYLE_MAP[token.type],
          multiline: isMultiLineString(token),
          parent: valueContainer.parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        return valueContainer.set(node);
      }
      processNumberValue(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const text2 = this.text;
        const [startRange, endRange] = token.range;
        let numberString = null;
        const getNumberText = () => {
          return numberString !== null && numberString !== void 0 ? numberString : numberString = text2.slice(startRange, endRange).replace(/_/g, "");
        };
        let node;
        if (token.type === "Integer") {
          node = {
            type: "TOMLValue",
            kind: "integer",
            value: token.number,
            bigint: token.bigint,
            get number() {
              return getNumberText();
            },
            parent: valueContainer.parent,
            range: cloneRange(token.range),
            loc: cloneLoc(token.loc)
          };
        } else {
          node = {
            type: "TOMLValue",
            kind: "float",
            value: token.number,
            get number() {
              return getNumberText();
            },
            parent: valueContainer.parent,
            range: cloneRange(token.range),
            loc: cloneLoc(token.loc)
          };
        }
        return valueContainer.set(node);
      }
      processBooleanValue(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const node = {
          type: "TOMLValue",
          kind: "boolean",
          value: token.boolean,
          parent: valueContainer.parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        return valueContainer.set(node);
      }
      processDateTimeValue(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const node = {
          type: "TOMLValue",
          kind: DATETIME_VALUE_KIND_MAP[token.type],
          value: token.date,
          datetime: token.value,
          parent: valueContainer.parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        return valueContainer.set(node);
      }
      processArray(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const node = {
          type: "TOMLArray",
          elements: [],
          parent: valueContainer.parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        const nextToken = ctx.nextToken({ valuesEnabled: true });
        if (isRightBracket(nextToken)) {
          applyEndLoc(node, nextToken);
          return valueContainer.set(node);
        }
        ctx.backToken();
        return this.processArrayValue(node, valueContainer, ctx);
      }
      processArrayValue(node, valueContainer, ctx) {
        ctx.addValueContainer({
          parent: node,
          set: (valNode) => {
            node.elements.push(valNode);
            let nextToken = ctx.nextToken({ valuesEnabled: true });
            const hasComma = isComma(nextToken);
            if (hasComma) {
              nextToken = ctx.nextToken({ valuesEnabled: true });
            }
            if (isRightBracket(nextToken)) {
              applyEndLoc(node, nextToken);
              return valueContainer.set(node);
            }
            if (hasComma) {
              ctx.backToken();
              return this.processArrayValue(node, valueContainer, ctx);
            }
            return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-array", nextToken);
          }
        });
        return ["VALUE"];
      }
      processInlineTable(token, ctx) {
        const valueContainer = ctx.consumeValueContainer();
        const node = {
          type: "TOMLInlineTable",
          body: [],
          parent: valueContainer.parent,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        const needSameLine = this.tomlVersion.gte(1, 1) ? (
          // Line breaks in inline tables are allowed.
          // Added in TOML 1.1
          void 0
        ) : "invalid-inline-table-newline";
        const nextToken = ctx.nextToken({
          needSameLine
        });
        if (nextToken) {
          if (isBare(nextToken) || isString(nextToken)) {
            return this.processInlineTableKeyValue(nextToken, node, valueContainer, ctx);
          }
          if (isRightBrace(nextToken)) {
            applyEndLoc(node, nextToken);
            return valueContainer.set(node);
          }
        }
        return ctx.reportParseError("unexpected-token", nextToken);
      }
      processInlineTableKeyValue(token, inlineTableNode, valueContainer, ctx) {
        const keyValueNode = {
          type: "TOMLKeyValue",
          key: null,
          value: null,
          parent: inlineTableNode,
          range: cloneRange(token.range),
          loc: cloneLoc(token.loc)
        };
        inlineTableNode.body.push(keyValueNode);
        const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
        if (!isEq(targetToken)) {
          return ctx.reportParseError("missing-equals-sign", targetToken);
        }
        const needSameLine = this.tomlVersion.gte(1, 1) ? (
          // Line breaks in inline tables are allowed.
          // Added in TOML 1.1
          void 0
        ) : "invalid-inline-table-newline";
        ctx.addValueContainer({
          parent: keyValueNode,
          set: (valNode) => {
            keyValueNode.value = valNode;
            applyEndLoc(keyValueNode, valNode);
            let nextToken = ctx.nextToken({ needSameLine });
            if (isComma(nextToken)) {
              nextToken = ctx.nextToken({ needSameLine });
              if (nextToken && (isBare(nextToken) || isString(nextToken))) {
                return this.processInlineTableKeyValue(nextToken, inlineTableNode, valueContainer, ctx);
              }
              if (isRightBrace(nextToken)) {
                if (this.tomlVersion.lt(1, 1)) {
                  return ctx.reportParseError("invalid-trailing-comma-in-inline-table", nextToken);
                }
              } else {
                return ctx.reportParseError(nextToken ? "unexpected-token" : "unterminated-inline-table", nextToken);
              }
            }
            if (isRightBrace(nextToken)) {
              applyEndLoc(inlineTableNode, nextToken);
              return valueContainer.set(inlineTableNode);
            }
            return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-inline-table", nextToken);
          }
        });
        ctx.needSameLine = "invalid-key-value-newline";
        return ["VALUE"];
      }
    };
    exports2.TOMLParser = TOMLParser;
    function isDot(token) {
      return isPunctuator(token) && token.value === ".";
    }
    function isEq(token) {
      return isPunctuator(token) && token.value === "=";
    }
    function isLeftBracket(token) {
      return isPunctuator(token) && token.value === "[";
    }
    function isRightBracket(token) {
      return isPunctuator(token) && token.value === "]";
    }
    function isLeftBrace(token) {
      return isPunctuator(token) && token.value === "{";
    }
    function isRightBrace(token) {
      return isPunctuator(token) && token.value === "}";
    }
    function isComma(token) {
      return isPunctuator(token) && token.value === ",";
    }
    function isPunctuator(token) {
      return Boolean(token && token.type === "Punctuator");
    }
    function isBare(token) {
      return token.type === "Bare";
    }
    function isString(token) {
      return token.type === "BasicString" || token.type === "LiteralString";
    }
    function isMultiLineString(token) {
      return token.type === "MultiLineBasicString" || token.type === "MultiLineLiteralString";
    }
    function isNumber(token) {
      return token.type === "Integer" || token.type === "Float";
    }
    function isBoolean(token) {
      return token.type === "Boolean";
    }
    function isDateTime(token) {
      return token.type === "OffsetDateTime" || token.type === "LocalDateTime" || token.type === "LocalDate" || token.type === "LocalTime";
    }
    function applyEndLoc(node, child) {
      if (child) {
        node.range[1] = child.range[1];
        node.loc.end = clonePos(child.loc.end);
      }
    }
    function cloneRange(range) {
      return [range[0], range[1]];
    }
    function cloneLoc(loc) {
      return {
        start: clonePos(loc.start),
        end: clonePos(loc.end)
      };
    }
    function clonePos(pos) {
      return {
        line: pos.line,
        column: pos.column
      };
    }
  }
});

// node_modules/eslint-visitor-keys/dist/eslint-visitor-keys.cjs
var require_eslint_visitor_keys = __commonJS({
  "node_modules/eslint-visitor-keys/dist/eslint-visitor-keys.cjs"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var KEYS2 = {
      ArrayExpression: [
        "elements"
      ],
      ArrayPattern: [
        "elements"
      ],
      ArrowFunctionExpression: [
        "params",
        "body"
      ],
      AssignmentExpression: [
        "left",
        "right"
      ],
      AssignmentPattern: [
        "left",
        "right"
      ],
      AwaitExpression: [
        "argument"
      ],
      BinaryExpression: [
        "left",
        "right"
      ],
      BlockStatement: [
        "body"
      ],
      BreakStatement: [
        "label"
      ],
      CallExpression: [
        "callee",
        "arguments"
      ],
      CatchClause: [
        "param",
        "body"
      ],
      ChainExpression: [
        "expression"
      ],
      ClassBody: [
        "body"
      ],
      ClassDeclaration: [
        "id",
        "superClass",
        "body"
      ],
      ClassExpression: [
        "id",
        "superClass",
        "body"
      ],
      ConditionalExpression: [
        "test",
        "consequent",
        "alternate"
      ],
      ContinueStatement: [
        "label"
      ],
      DebuggerStatement: [],
      DoWhileStatement: [
        "body",
        "test"
      ],
      EmptyStatement: [],
      ExperimentalRestProperty: [
        "argument"
      ],
      ExperimentalSpreadProperty: [
        "argument"
      ],
      ExportAllDeclaration: [
        "exported",
        "source"
      ],
      ExportDefaultDeclaration: [
        "declaration"
      ],
      ExportNamedDeclaration: [
        "declaration",
        "specifiers",
        "source"
      ],
      ExportSpecifier: [
        "exported",
        "local"
      ],
      ExpressionStatement: [
        "expression"
      ],
      ForInStatement: [
        "left",
        "right",
        "body"
      ],
      ForOfStatement: [
        "left",
        "right",
        "body"
      ],
      ForStatement: [
        "init",
        "test",
        "update",
        "body"
      ],
      FunctionDeclaration: [
        "id",
        "params",
        "body"
      ],
      FunctionExpression: [
        "id",
        "params",
        "body"
      ],
      Identifier: [],
      IfStatement: [
        "test",
        "consequent",
        "alternate"
      ],
      ImportDeclaration: [
        "specifiers",
        "source"
      ],
      ImportDefaultSpecifier: [
        "local"
      ],
      ImportExpression: [
        "source"
      ],
      ImportNamespaceSpecifier: [
        "local"
      ],
      ImportSpecifier: [
        "imported",
        "local"
      ],
      JSXAttribute: [
        "name",
        "value"
      ],
      JSXClosingElement: [
        "name"
      ],
      JSXClosingFragment: [],
      JSXElement: [
        "openingElement",
        "children",
        "closingElement"
      ],
      JSXEmptyExpression: [],
      JSXExpressionContainer: [
        "expression"
      ],
      JSXFragment: [
        "openingFragment",
        "children",
        "closingFragment"
      ],
      JSXIdentifier: [],
      JSXMemberExpression: [
        "object",
        "property"
      ],
      JSXNamespacedName: [
        "namespace",
        "name"
      ],
      JSXOpeningElement: [
        "name",
        "attributes"
      ],
      JSXOpeningFragment: [],
      JSXSpreadAttribute: [
        "argument"
      ],
      JSXSpreadChild: [
        "expression"
      ],
      JSXText: [],
      LabeledStatement: [
        "label",
        "body"
      ],
      Literal: [],
      LogicalExpression: [
        "left",
        "right"
      ],
      MemberExpression: [
        "object",
        "property"
      ],
      MetaProperty: [
        "meta",
        "property"
      ],
      MethodDefinition: [
        "key",
        "value"
      ],
      NewExpression: [
        "callee",
        "arguments"
      ],
      ObjectExpression: [
        "properties"
      ],
      ObjectPattern: [
        "properties"
      ],
      PrivateIdentifier: [],
      Program: [
        "body"
      ],
      Property: [
        "key",
        "value"
      ],
      PropertyDefinition: [
        "key",
        "value"
      ],
      RestElement: [
        "argument"
      ],
      ReturnStatement: [
        "argument"
      ],
      SequenceExpression: [
        "expressions"
      ],
      SpreadElement: [
        "argument"
      ],
      StaticBlock: [
        "body"
      ],
      Super: [],
      SwitchCase: [
        "test",
        "consequent"
      ],
      SwitchStatement: [
        "discriminant",
        "cases"
      ],
      TaggedTemplateExpression: [
        "tag",
        "quasi"
      ],
      TemplateElement: [],
      TemplateLiteral: [
        "quasis",
        "expressions"
      ],
      ThisExpression: [],
      ThrowStatement: [
        "argument"
      ],
      TryStatement: [
        "block",
        "handler",
        "finalizer"
      ],
      UnaryExpression: [
        "argument"
      ],
      UpdateExpression: [
        "argument"
      ],
      VariableDeclaration: [
        "declarations"
      ],
      VariableDeclarator: [
        "id",
        "init"
      ],
      WhileStatement: [
        "test",
        "body"
      ],
      WithStatement: [
        "object",
        "body"
      ],
      YieldExpression: [
        "argument"
      ]
    };
    var NODE_TYPES = Object.keys(KEYS2);
    for (const type of NODE_TYPES) {
      Object.freeze(KEYS2[type]);
    }
    Object.freeze(KEYS2);
    var KEY_BLACKLIST = /* @__PURE__ */ new Set([
      "parent",
      "leadingComments",
      "trailingComments"
    ]);
    function filterKey(key) {
      return !KEY_BLACKLIST.has(key) && key[0] !== "_";
    }
    function getKeys(node) {
      return Object.keys(node).filter(filterKey);
    }
    function unionWith(additionalKeys) {
      const retv = (
        /** @type {{
            [type: string]: ReadonlyArray<string>
        }} */
        Object.assign({}, KEYS2)
      );
      for (const type of Object.keys(additionalKeys)) {
        if (Object.prototype.hasOwnProperty.call(retv, type)) {
          const keys = new Set(additionalKeys[type]);
          for (const key of retv[type]) {
            keys.add(key);
          }
          retv[type] = Object.freeze(Array.from(keys));
        } else {
          retv[type] = Object.freeze(Array.from(additionalKeys[type]));
        }
      }
      return Object.freeze(retv);
    }
    exports2.KEYS = KEYS2;
    exports2.getKeys = getKeys;
    exports2.unionWith = unionWith;
  }
});

// node_modules/toml-eslint-parser/lib/visitor-keys.js
var require_visitor_keys = __commonJS({
  "node_modules/toml-eslint-parser/lib/visitor-keys.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.KEYS = void 0;
    var eslint_visitor_keys_1 = require_eslint_visitor_keys();
    var tomlKeys = {
      Program: ["body"],
      TOMLTopLevelTable: ["body"],
      TOMLTable: ["key", "body"],
      TOMLKeyValue: ["key", "value"],
      TOMLKey: ["keys"],
      TOMLArray: ["elements"],
      TOMLInlineTable: ["body"],
      TOMLBare: [],
      TOMLQuoted: [],
      TOMLValue: []
    };
    exports2.KEYS = (0, eslint_visitor_keys_1.unionWith)(tomlKeys);
  }
});

// node_modules/toml-eslint-parser/lib/parser.js
var require_parser = __commonJS({
  "node_modules/toml-eslint-parser/lib/parser.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.parseForESLint = parseForESLint;
    var toml_parser_1 = require_toml_parser();
    var visitor_keys_1 = require_visitor_keys();
    function parseForESLint(code, options) {
      const parser = new toml_parser_1.TOMLParser(code, options);
      const ast = parser.parse();
      return {
        ast,
        visitorKeys: visitor_keys_1.KEYS,
        services: {
          isTOML: true
        }
      };
    }
  }
});

// node_modules/toml-eslint-parser/lib/traverse.js
var require_traverse = __commonJS({
  "node_modules/toml-eslint-parser/lib/traverse.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getFallbackKeys = getFallbackKeys;
    exports2.getKeys = getKeys;
    exports2.getNodes = getNodes;
    exports2.traverseNodes = traverseNodes;
    var visitor_keys_1 = require_visitor_keys();
    function fallbackKeysFilter(key) {
      let value = null;
      return key !== "comments" && key !== "leadingComments" && key !== "loc" && key !== "parent" && key !== "range" && key !== "tokens" && key !== "trailingComments" && (value = this[key]) !== null && typeof value === "object" && (typeof value.type === "string" || Array.isArray(value));
    }
    function getFallbackKeys(node) {
      return Object.keys(node).filter(fallbackKeysFilter, node);
    }
    function getKeys(node, visitorKeys) {
      const keys = (visitorKeys || visitor_keys_1.KEYS)[node.type] || getFallbackKeys(node);
      return keys.filter((key) => !getNodes(node, key).next().done);
    }
    function* getNodes(node, key) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) {
          if (isNode2(c)) {
            yield c;
          }
        }
      } else if (isNode2(child)) {
        yield child;
      }
    }
    function isNode2(x) {
      return x !== null && typeof x === "object" && typeof x.type === "string";
    }
    function traverse(node, parent, visitor) {
      visitor.enterNode(node, parent);
      const keys = getKeys(node, visitor.visitorKeys);
      for (const key of keys) {
        for (const child of getNodes(node, key)) {
          traverse(child, node, visitor);
        }
      }
      visitor.leaveNode(node, parent);
    }
    function traverseNodes(node, visitor) {
      traverse(node, null, visitor);
    }
  }
});

// node_modules/toml-eslint-parser/lib/utils.js
var require_utils = __commonJS({
  "node_modules/toml-eslint-parser/lib/utils.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getStaticTOMLValue = void 0;
    exports2.generateConvertTOMLValue = generateConvertTOMLValue;
    var internal_utils_1 = require_internal_utils();
    exports2.getStaticTOMLValue = generateConvertTOMLValue((node) => node.value);
    function generateConvertTOMLValue(convertValue) {
      function resolveValue(node, baseTable) {
        return resolver[node.type](node, baseTable);
      }
      const resolver = {
        Program(node, baseTable = {}) {
          return resolveValue(node.body[0], baseTable);
        },
        TOMLTopLevelTable(node, baseTable = {}) {
          for (const body of node.body) {
            resolveValue(body, baseTable);
          }
          return baseTable;
        },
        TOMLKeyValue(node, baseTable = {}) {
          const value = resolveValue(node.value);
          set2(baseTable, resolveValue(node.key), value);
          return baseTable;
        },
        TOMLTable(node, baseTable = {}) {
          const table = getTable(baseTable, resolveValue(node.key), node.kind === "array");
          for (const body of node.body) {
            resolveValue(body, table);
          }
          return baseTable;
        },
        TOMLArray(node) {
          return node.elements.map((e) => resolveValue(e));
        },
        TOMLInlineTable(node) {
          const table = {};
          for (const body of node.body) {
            resolveValue(body, table);
          }
          return table;
        },
        TOMLKey(node) {
          return node.keys.map((key) => resolveValue(key));
        },
        TOMLBare(node) {
          return node.name;
        },
        TOMLQuoted(node) {
          return node.value;
        },
        TOMLValue(node) {
          return convertValue(node);
        }
      };
      return (node) => resolveValue(node);
    }
    function getTable(baseTable, keys, array) {
      let target = baseTable;
      for (let index = 0; index < keys.length - 1; index++) {
        const key = keys[index];
        target = getNextTargetFromKey(target, key);
      }
      const lastKey = (0, internal_utils_1.last)(keys);
      const lastTarget = target[lastKey];
      if (lastTarget == null) {
        const tableValue2 = {};
        target[lastKey] = array ? [tableValue2] : tableValue2;
        return tableValue2;
      }
      if (isValue(lastTarget)) {
        const tableValue2 = {};
        target[lastKey] = array ? [tableValue2] : tableValue2;
        return tableValue2;
      }
      if (!array) {
        if (Array.isArray(lastTarget)) {
          const tableValue2 = {};
          target[lastKey] = tableValue2;
          return tableValue2;
        }
        return lastTarget;
      }
      if (Array.isArray(lastTarget)) {
        const tableValue2 = {};
        lastTarget.push(tableValue2);
        return tableValue2;
      }
      const tableValue = {};
      target[lastKey] = [tableValue];
      return tableValue;
      function getNextTargetFromKey(currTarget, key) {
        const nextTarget = currTarget[key];
        if (nextTarget == null) {
          const val = {};
          currTarget[key] = val;
          return val;
        }
        if (isValue(nextTarget)) {
          const val = {};
          currTarget[key] = val;
          return val;
        }
        let resultTarget = nextTarget;
        while (Array.isArray(resultTarget)) {
          const lastIndex = resultTarget.length - 1;
          const nextElement = resultTarget[lastIndex];
          if (isValue(nextElement)) {
            const val = {};
            resultTarget[lastIndex] = val;
            return val;
          }
          resultTarget = nextElement;
        }
        return resultTarget;
      }
    }
    function set2(baseTable, keys, value) {
      let target = baseTable;
      for (let index = 0; index < keys.length - 1; index++) {
        const key = keys[index];
        const nextTarget = target[key];
        if (nextTarget == null) {
          const val = {};
          target[key] = val;
          target = val;
        } else {
          if (isValue(nextTarget) || Array.isArray(nextTarget)) {
            const val = {};
            target[key] = val;
            target = val;
          } else {
            target = nextTarget;
          }
        }
      }
      target[(0, internal_utils_1.last)(keys)] = value;
    }
    function isValue(value) {
      return typeof value !== "object" || value instanceof Date;
    }
  }
});

// node_modules/toml-eslint-parser/lib/meta.js
var require_meta = __commonJS({
  "node_modules/toml-eslint-parser/lib/meta.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.version = exports2.name = void 0;
    exports2.name = "toml-eslint-parser";
    exports2.version = "0.10.1";
  }
});

// node_modules/toml-eslint-parser/lib/index.js
var require_lib = __commonJS({
  "node_modules/toml-eslint-parser/lib/index.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getStaticTOMLValue = exports2.traverseNodes = exports2.VisitorKeys = exports2.parseForESLint = exports2.ParseError = exports2.name = exports2.meta = void 0;
    exports2.parseTOML = parseTOML2;
    var parser_1 = require_parser();
    Object.defineProperty(exports2, "parseForESLint", { enumerable: true, get: function() {
      return parser_1.parseForESLint;
    } });
    var traverse_1 = require_traverse();
    Object.defineProperty(exports2, "traverseNodes", { enumerable: true, get: function() {
      return traverse_1.traverseNodes;
    } });
    var utils_1 = require_utils();
    Object.defineProperty(exports2, "getStaticTOMLValue", { enumerable: true, get: function() {
      return utils_1.getStaticTOMLValue;
    } });
    var visitor_keys_1 = require_visitor_keys();
    var errors_1 = require_errors();
    Object.defineProperty(exports2, "ParseError", { enumerable: true, get: function() {
      return errors_1.ParseError;
    } });
    exports2.meta = __importStar(require_meta());
    var meta_1 = require_meta();
    Object.defineProperty(exports2, "name", { enumerable: true, get: function() {
      return meta_1.name;
    } });
    exports2.VisitorKeys = visitor_keys_1.KEYS;
    function parseTOML2(code, options) {
      return (0, parser_1.parseForESLint)(code, options).ast;
    }
  }
});

// action/src/main.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = require("node:path");

// server/src/cli/check.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
var import_node_util = require("node:util");

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var FullTextDocument = class _FullTextDocument {
  constructor(uri, languageId, version, content) {
    this._uri = uri;
    this._languageId = languageId;
    this._version = version;
    this._content = content;
    this._lineOffsets = void 0;
  }
  get uri() {
    return this._uri;
  }
  get languageId() {
    return this._languageId;
  }
  get version() {
    return this._version;
  }
  getText(range) {
    if (range) {
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this._content.substring(start, end);
    }
    return this._content;
  }
  update(changes, version) {
    for (const change of changes) {
      if (_FullTextDocument.isIncremental(change)) {
        const range = getWellformedRange(change.range);
        const startOffset = this.offsetAt(range.start);
        const endOffset = this.offsetAt(range.end);
        this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
        const insertedEndOffset = startOffset + change.text.length;
        const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
        const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
        if (crlfAtStart || crlfAtEnd) {
          this._lineOffsets = void 0;
          continue;
        }
        const startLine = Math.max(range.start.line, 0);
        const endLine = Math.max(range.end.line, 0);
        let lineOffsets = this._lineOffsets;
        const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
        if (endLine - startLine === addedLineOffsets.length) {
          for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
          }
        } else {
          if (addedLineOffsets.length < 1e4) {
            lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
          } else {
            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
          }
        }
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) {
          for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
            lineOffsets[i] = lineOffsets[i] + diff;
          }
        }
      } else if (_FullTextDocument.isFull(change)) {
        this._content = change.text;
        this._lineOffsets = void 0;
      } else {
        throw new Error("Unknown change event received");
      }
    }
    this._version = version;
  }
  getLineOffsets() {
    if (this._lineOffsets === void 0) {
      this._lineOffsets = computeLineOffsets(this._content, true);
    }
    return this._lineOffsets;
  }
  positionAt(offset) {
    offset = Math.max(Math.min(offset, this._content.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0, high = lineOffsets.length;
    if (high === 0) {
      return { line: 0, character: offset };
    }
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    const line = low - 1;
    offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }
  offsetAt(position) {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) {
      return this._content.length;
    } else if (position.line < 0) {
      return 0;
    }
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) {
      return lineOffset;
    }
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.ensureBeforeEOL(offset, lineOffset);
  }
  getLineRange(line) {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const lastLine = lineOffsets.length - 1;
      return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
    } else if (line < 0) {
      return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const startOffset = lineOffsets[line];
    const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
    const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
    return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
  }
  getEOLCharacters(line) {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      return "";
    } else if (line < 0) {
      return "";
    }
    const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
    const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
    return this._content.substring(eolOffset, nextLineOffset);
  }
  ensureBeforeEOL(offset, lineOffset) {
    while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
      offset--;
    }
    return offset;
  }
  get lineCount() {
    return this.getLineOffsets().length;
  }
  static isIncremental(event) {
    const candidate = event;
    return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
  }
  static isFull(event) {
    const candidate = event;
    return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
  }
};
var TextDocument;
(function(TextDocument2) {
  function create(uri, languageId, version, content) {
    return new FullTextDocument(uri, languageId, version, content);
  }
  TextDocument2.create = create;
  function update(document, changes, version) {
    if (document instanceof FullTextDocument) {
      document.update(changes, version);
      return document;
    } else {
      throw new Error("TextDocument.update: document must be created by TextDocument.create");
    }
  }
  TextDocument2.update = update;
  function applyEdits(document, edits) {
    const text2 = document.getText();
    const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
      const diff = a.range.start.line - b.range.start.line;
      if (diff === 0) {
        return a.range.start.character - b.range.start.character;
      }
      return diff;
    });
    let lastModifiedOffset = 0;
    const spans = [];
    for (const e of sortedEdits) {
      const startOffset = document.offsetAt(e.range.start);
      if (startOffset < lastModifiedOffset) {
        throw new Error("Overlapping edit");
      } else if (startOffset > lastModifiedOffset) {
        spans.push(text2.substring(lastModifiedOffset, startOffset));
      }
      if (e.newText.length) {
        spans.push(e.newText);
      }
      lastModifiedOffset = document.offsetAt(e.range.end);
    }
    spans.push(text2.substr(lastModifiedOffset));
    return spans.join("");
  }
  TextDocument2.applyEdits = applyEdits;
})(TextDocument || (TextDocument = {}));
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text2, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text2.length; i++) {
    const ch = text2.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text2.length && text2.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
  const ctrl = callVisitor(key, node, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visit_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path = Object.freeze(path.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path = Object.freeze(path.concat(node));
      const ck = visit_("key", node.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
  const ctrl = await callVisitor(key, node, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visitAsync_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path = Object.freeze(path.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path = Object.freeze(path.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node, visitor, path) {
  if (typeof visitor === "function")
    return visitor(key, node, path);
  if (isMap(node))
    return visitor.Map?.(key, node, path);
  if (isSeq(node))
    return visitor.Seq?.(key, node, path);
  if (isPair(node))
    return visitor.Pair?.(key, node, path);
  if (isScalar(node))
    return visitor.Scalar?.(key, node, path);
  if (isAlias(node))
    return visitor.Alias?.(key, node, path);
  return void 0;
}
function replaceNode(key, path, node) {
  const parent = path[path.length - 1];
  if (isCollection(parent)) {
    parent.items[key] = node;
  } else if (isPair(parent)) {
    if (key === "key")
      parent.key = node;
    else
      parent.value = node;
  } else if (isDocument(parent)) {
    parent.contents = node;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version] = parts;
        if (version === "1.1" || version === "1.2") {
          this.yaml.version = version;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version);
          onError(6, `Unsupported YAML version ${version}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source;
          throw error;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source = node.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count)
        count = c;
    }
    return count;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema4, path, value) {
  let v = value;
  for (let i = path.length - 1; i >= 0; --i) {
    const k = path[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path, value) {
    if (isEmptyPath(path))
      this.add(value);
    else {
      const [key, ...rest] = path;
      const node = this.get(key, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.delete(key);
    const node = this.get(key, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    const [key, ...rest] = path;
    const node = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.has(key);
    const node = this.get(key, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    const [key, ...rest] = path;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node = this.get(key, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text2;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text2.length <= endStep)
    return text2;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text2, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text2[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text2[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text2, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text2[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text2[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text2;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text2;
  if (onFold)
    onFold();
  let res = text2.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold = folds[i2];
    const end2 = folds[i2 + 1] || text2.length;
    if (fold === 0)
      res = `
${indent}${text2.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold])
        res += `${text2[fold]}\\`;
      res += `
${indent}${text2.slice(fold + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text2, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text2[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text2[++i];
    } else {
      do {
        ch = text2[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text2[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props.push(doc.directives.tagString(tag));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props = stringifyProps(node, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema4) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum2, line) => sum2 + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum2, line) => sum2 + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key, value;
      if (isPair(pair)) {
        key = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key, ctx);
      } else {
        key = toJS(pair, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair;
    if (isPair(key))
      pair = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair = new Pair(key.key, null);
    else
      pair = new Pair(key, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair = findPair(this.items, key);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge2);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version });
    this.setSchema(version, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options = {}) {
    const k = this.createNode(key, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    if (isEmptyPath(path)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    if (isEmptyPath(path))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path) {
    if (isEmptyPath(path))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    if (isEmptyPath(path)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version, options = {}) {
    if (typeof version === "number")
      version = String(version);
    let opt;
    switch (version) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version;
        else
          this.directives = new Directives({ version });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code, message) {
    super();
    this.name = name;
    this.code = code;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLParseError", pos, code, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLWarning", pos, code, message);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error.linePos[0];
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count = 1;
    const end = error.linePos[1];
    if (end?.line === line && end.col > col) {
      count = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep: sep2, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep2) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep2 ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep2, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep2 = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep2 + cb;
          sep2 = "";
          break;
        }
        case "newline":
          if (comment)
            sep2 += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep: sep2, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep2 && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep2 && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep2, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key ? composeNode2(ctx, key, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep2 ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep2)
            for (const st of sep2) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag?.format)
    node.format = tag.format;
  return node;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar2, onError) {
  const start = scalar2.offset;
  const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar2.source ? splitLines(scalar2.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar2.source)
      end2 += scalar2.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar2.indent + header.indent;
  let offset = scalar2.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep2 = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep2 === " ")
        sep2 = "\n";
      else if (!prevMoreIndented && sep2 === "\n")
        sep2 = "\n\n";
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep2 === "\n")
        value += "\n";
      else
        sep2 = "\n";
    } else {
      value += sep2 + content;
      sep2 = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar2.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar2, strict, onError) {
  const { offset, type, source, end } = scalar2;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep2 = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep2 === "\n")
        res += sep2;
      else
        sep2 = "\n";
    } else {
      res += sep2 + lm;
      sep2 = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep2 + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length, onError);
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold)
    fold = " ";
  return { fold, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length, onError) {
  const cc = source.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar2;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar2 = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar2 = new Scalar(value);
  }
  scalar2.range = range;
  scalar2.source = value;
  if (type)
    scalar2.type = type;
  if (tagName)
    scalar2.tag = tagName;
  if (tag.format)
    scalar2.format = tag.format;
  if (comment)
    scalar2.comment = comment;
  return scalar2;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag of schema4.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag = schema4.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema4[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message, warning) => {
      const pos = getErrorPos(source);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code, message));
      else
        this.errors.push(new YAMLParseError(pos, code, message));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path) => {
  let item = cst;
  for (const [field, index] of path) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path) => {
  const parent = visit2.itemAtPath(cst, path.slice(0, -1));
  const field = path[path.length - 1][0];
  const coll = parent?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path, item, visitor) {
  let ctrl = visitor(item, path);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote = this.charAt(0);
    let end = this.buffer.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list, type) {
  for (let i = 0; i < list.length; ++i)
    if (list[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list) {
  for (let i = 0; i < list.length; ++i) {
    switch (list[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar2) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep2;
      if (scalar2.end) {
        sep2 = scalar2.end;
        sep2.push(this.sourceToken);
        delete scalar2.end;
      } else
        sep2 = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar2.offset,
        indent: scalar2.indent,
        items: [{ start, key: scalar2, sep: sep2 }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar2);
  }
  *blockScalar(scalar2) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar2.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar2.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep2 = it.sep;
              sep2.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep: sep2 }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs);
          } else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs, sep: [] });
          else if (it.sep)
            this.stack.push(fs);
          else
            Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep2 = fc.end.splice(1, fc.end.length);
        sep2.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep: sep2 }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseAllDocuments(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options);
  const docs = Array.from(composer.compose(parser.parse(source)));
  if (prettyErrors && lineCounter)
    for (const doc of docs) {
      doc.errors.forEach(prettifyError(source, lineCounter));
      doc.warnings.forEach(prettifyError(source, lineCounter));
    }
  if (docs.length > 0)
    return docs;
  return Object.assign([], { empty: true }, composer.streamInfo());
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text2, ignoreTrivia = false) {
  const len = text2.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text2.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text2.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text2.length && text2.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text2.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text2.length && (text2.charCodeAt(pos) === 69 || text2.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text2.length && text2.charCodeAt(pos) === 43 || text2.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text2.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text2.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text2.charCodeAt(pos);
      if (ch === 34) {
        result += text2.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text2.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text2.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text2.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text2.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text2.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text2.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text2.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text2.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text2.substring(start, pos);
          return token = 12;
        }
        if (text2.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text2.charCodeAt(pos);
            if (ch === 42 && text2.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text2.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text2.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text2.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text2.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text2.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function visit3(text2, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text2, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var visit4 = visit3;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// server/src/core/model/document.ts
function errorSpan(text2, offset, length) {
  const start = Math.min(Math.max(0, offset), text2.length);
  return wholeCharacters(text2, { offset: start, length: Math.min(Math.max(length, 1), text2.length - start) });
}
function wholeCharacters(text2, span) {
  let start = Math.min(Math.max(0, span.offset), text2.length);
  let end = Math.min(Math.max(start, span.offset + span.length), text2.length);
  if (isLowSurrogate(text2, start) && isHighSurrogate(text2, start - 1)) start--;
  if (isLowSurrogate(text2, end) && isHighSurrogate(text2, end - 1)) end++;
  return { offset: start, length: end - start };
}
function isHighSurrogate(text2, index) {
  const code = text2.charCodeAt(index);
  return code >= 55296 && code <= 56319;
}
function isLowSurrogate(text2, index) {
  const code = text2.charCodeAt(index);
  return code >= 56320 && code <= 57343;
}
function markSharedLiterals(entries, references) {
  const counted = [];
  for (const entry of entries) {
    if (!references || !entry.usedAt) counted.push(spanKey(entry.valueSpan));
    for (const span of entry.reads ?? []) if (!sameSpan(span, entry.valueSpan)) counted.push(spanKey(span));
  }
  for (const span of references ?? []) counted.push(spanKey(span));
  const keys = Float64Array.from(counted).sort();
  for (const entry of entries) {
    const key = spanKey(entry.valueSpan);
    const uses = firstAbove(keys, key) - firstAbove(keys, key - 1);
    if (uses > 1) entry.literalUses = uses;
    else if (entry.literalUses !== void 0) delete entry.literalUses;
  }
}
function firstAbove(keys, value) {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (keys[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
function spanKey(span) {
  return span.offset * 4194304 + Math.min(span.length, 4194303);
}
function sameSpan(a, b) {
  return a.offset === b.offset && a.length === b.length;
}
function spanText(text2, span) {
  return text2.slice(span.offset, span.offset + span.length);
}

// server/src/core/parse/json.ts
function parseJson(text2) {
  const tooDeep = firstTooDeep(text2);
  if (tooDeep !== void 0) {
    const notRead = [{ span: errorSpan(text2, tooDeep, 1), message: `Nested more than ${MAX_JSON_DEPTH} levels deep, deeper than shapelint reads; nothing in this file is checked.` }];
    return { syntax: "json", text: text2, entries: [], errors: [], notRead };
  }
  const entries = [];
  const errors = [];
  const containers = [];
  const place = () => {
    const parent = containers[containers.length - 1];
    if (!parent) return { path: [] };
    if (parent.kind === "array") return { path: [...parent.path, String(parent.index++)] };
    const key = parent.key;
    if (!key) return void 0;
    parent.key = void 0;
    return { path: [...parent.path, key.name], keySpan: key.span };
  };
  const closeKey = () => {
    const parent = containers[containers.length - 1];
    if (parent?.kind !== "object" || !parent.key) return;
    const { name, span, colon } = parent.key;
    parent.key = void 0;
    entries.push({ path: [...parent.path, name], keySpan: span, value: null, valueSpan: { offset: (colon ?? span.offset + span.length) + 1, length: 0 } });
  };
  const open = (kind) => {
    const at = place();
    containers.push({ kind, path: at?.path ?? [], index: 0 });
  };
  visit4(
    text2,
    {
      onObjectBegin: () => open("object"),
      onArrayBegin: () => open("array"),
      onObjectProperty: (name, offset, length) => {
        closeKey();
        const parent = containers[containers.length - 1];
        if (parent?.kind === "object") parent.key = { name, span: { offset, length } };
      },
      onSeparator: (separator, offset) => {
        const parent = containers[containers.length - 1];
        if (separator === ":" && parent?.kind === "object" && parent.key) parent.key.colon = offset;
        else if (separator === ",") closeKey();
      },
      onObjectEnd: () => {
        closeKey();
        containers.pop();
      },
      onArrayEnd: () => {
        containers.pop();
      },
      onLiteralValue: (_value, offset, length) => {
        const at = place();
        if (!at) return;
        const valueSpan = { offset, length };
        entries.push({ path: at.path, keySpan: at.keySpan ?? valueSpan, value: literalValue(text2, valueSpan, _value), valueSpan });
      },
      onError: (error, offset, length) => {
        errors.push({ span: errorSpan(text2, offset, length), message: describe(printParseErrorCode(error)) });
      }
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true }
  );
  return { syntax: "json", text: text2, entries: entries.filter((entry) => entry.path.length > 0), errors };
}
var MAX_JSON_DEPTH = 1e3;
var JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
function literalValue(text2, span, value) {
  if (typeof value !== "number") return value;
  const literal = text2.slice(span.offset, span.offset + span.length);
  return JSON_NUMBER.test(literal) ? value : literal;
}
function firstTooDeep(text2) {
  let brackets = 0;
  for (const bracket of ["{", "["]) {
    for (let at = text2.indexOf(bracket); at >= 0 && brackets <= MAX_JSON_DEPTH; at = text2.indexOf(bracket, at + 1)) brackets++;
  }
  if (brackets <= MAX_JSON_DEPTH) return void 0;
  const scanner = createScanner2(text2, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return void 0;
}
function describe(code) {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^./, (first) => first.toUpperCase());
}

// server/src/core/parse/yaml11.ts
var BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
var NULL = /^(?:~|null|Null|NULL|)$/;
var INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
var PYYAML_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
var OMEGACONF_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
function resolvePlainScalar(raw, loader) {
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return /^(?:yes|true|on)$/i.test(raw);
  if (INT.test(raw)) return yaml11Int(raw);
  if (PYYAML_FLOAT.test(raw) || loader === "omegaconf" && OMEGACONF_FLOAT.test(raw)) return yaml11Float(raw);
  return raw;
}
function yaml11Int(raw) {
  const sign = raw.startsWith("-") ? -1 : 1;
  const digits = raw.replace(/^[-+]/, "").replace(/_/g, "");
  if (digits.includes(":")) return sign * sexagesimal(digits);
  if (digits.startsWith("0b")) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * parseInt(digits.slice(2), 16);
  if (digits.length > 1 && digits.startsWith("0")) return sign * parseInt(digits.slice(1), 8);
  return sign * Number(digits);
}
function yaml11Float(raw) {
  const text2 = raw.replace(/_/g, "").toLowerCase();
  const sign = text2.startsWith("-") ? -1 : 1;
  const unsigned = text2.replace(/^[-+]/, "");
  if (unsigned === ".inf") return sign * Infinity;
  if (unsigned === ".nan") return NaN;
  if (unsigned.includes(":")) return sign * sexagesimal(unsigned);
  return sign * Number(unsigned);
}
function sexagesimal(digits) {
  return digits.split(":").reduce((total2, part) => total2 * 60 + Number(part), 0);
}

// server/src/core/parse/yaml.ts
function parseYaml(text2, loader) {
  const document = jsonWithHashComments(text2) ?? composeYaml(text2);
  if (loader) retypePlainScalars(document, loader);
  return document;
}
var PLAIN_SCALAR = /^[^"'!&*|>[{\n]*$/;
function retypePlainScalars(document, loader) {
  for (const entry of document.entries) {
    if (entry.value === null && entry.valueSpan.length === 0) continue;
    const raw = document.text.slice(entry.valueSpan.offset, entry.valueSpan.offset + entry.valueSpan.length);
    if (PLAIN_SCALAR.test(raw)) entry.value = resolvePlainScalar(raw.trim(), loader);
  }
}
var MAX_COMPOSED_YAML_LENGTH = 6 * 1024 * 1024;
function composeYaml(text2) {
  if (text2.length > MAX_COMPOSED_YAML_LENGTH) {
    const message = `This YAML file has ${text2.length.toLocaleString("en-US")} characters; shapelint reads YAML of up to ${MAX_COMPOSED_YAML_LENGTH.toLocaleString("en-US")} (6 MiB), or 10 MiB of JSON-shaped YAML as GPT-NeoX writes it, so nothing in it is checked.`;
    return { syntax: "yaml", text: text2, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
  }
  const entries = [];
  const errors = [];
  const notRead = [];
  const parsed = parseAllDocuments(lineBreaksAsNewlines(text2), { uniqueKeys: false, prettyErrors: false, strict: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    flatten(document, text2, entries);
    let exhausted = false;
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const span = errorSpan(text2, start, end - start);
      if (error.code !== "RESOURCE_EXHAUSTION") errors.push({ span, message: firstLine(error.message) });
      else if (!exhausted) {
        exhausted = true;
        notRead.push({ span, message: "Nested deeper than the YAML parser shapelint uses can read (its call stack ran out here); what is nested here is not checked." });
      }
    }
  }
  if (errors.length > 0) salvageLines(text2, entries);
  markSharedLiterals(entries);
  return { syntax: "yaml", text: text2, entries, errors, ...notRead.length > 0 ? { notRead } : {} };
}
function lineBreaksAsNewlines(text2) {
  return text2.includes("\r") ? text2.replace(/\r(?!\n)/g, "\n") : text2;
}
function jsonWithHashComments(text2) {
  if (text2[firstSignificantOffset(text2)] !== "{") return void 0;
  const blanked = blankHashComments(text2);
  if (blanked === void 0) return void 0;
  const document = parseJson(blanked);
  return document.errors.length === 0 ? { ...document, syntax: "yaml", text: text2 } : void 0;
}
var WHITESPACE = /\s/;
function firstSignificantOffset(text2) {
  let index = 0;
  while (index < text2.length) {
    const code = text2.charCodeAt(index);
    if (code === HASH) {
      while (index < text2.length && text2.charCodeAt(index) !== NEWLINE && text2.charCodeAt(index) !== RETURN) index++;
    } else if (WHITESPACE.test(text2[index])) index++;
    else return index;
  }
  return index;
}
var YAML_LITERALS = /* @__PURE__ */ new Map([
  ["True", "true"],
  ["TRUE", "true"],
  ["False", "false"],
  ["FALSE", "false"],
  ["Null", "null"],
  ["NULL", "null"]
]);
var QUOTE = 34;
var APOSTROPHE = 39;
var HASH = 35;
var NEWLINE = 10;
var RETURN = 13;
var SIGNIFICANT = /["'#TFN]/g;
var STRING_END = /["\\]/g;
function blankHashComments(text2) {
  const out = [];
  let from = 0;
  for (let i = nextSignificant(text2, 0); i < text2.length; i = nextSignificant(text2, i)) {
    const code = text2.charCodeAt(i);
    if (code === QUOTE) i = endOfString(text2, i + 1);
    else if (code === APOSTROPHE) return void 0;
    else if (code === HASH) {
      if (i > 0 && !isBlank(text2.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      const end = text2.indexOf("\n", i);
      const stop = end < 0 ? text2.length : end;
      out.push(text2.slice(from, i), " ".repeat(stop - i));
      from = stop;
      i = stop;
    } else if (isWordChar(text2.charCodeAt(i - 1))) i++;
    else {
      let end = i + 1;
      while (end < text2.length && end - i < 6 && isWordChar(text2.charCodeAt(end))) end++;
      const literal = YAML_LITERALS.get(text2.slice(i, end));
      if (literal) {
        out.push(text2.slice(from, i), literal);
        from = end;
      }
      i = end;
    }
  }
  out.push(text2.slice(from));
  return out.join("");
}
function nextSignificant(text2, from) {
  SIGNIFICANT.lastIndex = from;
  return SIGNIFICANT.exec(text2)?.index ?? text2.length;
}
function endOfString(text2, from) {
  STRING_END.lastIndex = from;
  for (let match = STRING_END.exec(text2); match; match = STRING_END.exec(text2)) {
    if (match[0] === '"') return match.index + 1;
    STRING_END.lastIndex = match.index + 2;
  }
  return text2.length;
}
function isBlank(code) {
  return code === 32 || code === 9 || code === NEWLINE || code === RETURN;
}
function isWordChar(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
var MAX_ALIASED_ENTRIES = 1e4;
var MAX_ALIAS_EXPANSIONS = 1e4;
var MAX_ALIAS_NESTING = 64;
function flatten(document, text2, entries) {
  let aliased = 0;
  let expansions = 0;
  const targets = aliasTargets(document);
  const stack = [{ node: document.contents, path: [], aliasDepth: 0 }];
  const push = (children) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  };
  const emit = (entry, usedAt, ownAlias) => {
    if (usedAt) {
      if (++aliased > MAX_ALIASED_ENTRIES) return;
      entry.usedAt = usedAt;
      if (ownAlias) entry.reference = usedAt;
    }
    entries.push(entry);
  };
  const follow = (child, { usedAt, aliasDepth }) => {
    if (!isAlias(child) || !child.range) return { node: child, usedAt, aliasDepth };
    if (expansions >= MAX_ALIAS_EXPANSIONS || aliased >= MAX_ALIASED_ENTRIES || aliasDepth >= MAX_ALIAS_NESTING) return void 0;
    expansions++;
    return { node: targets.get(child), usedAt: usedAt ?? spanOf(child.range), aliasDepth: aliasDepth + 1 };
  };
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    if (isMap(node)) {
      const children = [];
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const keySpan = spanOf(key.range);
        const childPath = [...path, String(key.value)];
        const value = pair.value;
        const reached = follow(value, item);
        if (!reached) continue;
        const ownAlias = item.usedAt === void 0 && reached.usedAt !== void 0;
        if (reached.node === null || reached.node === void 0 || isScalar(reached.node) && reached.node.range && reached.node.range[0] === reached.node.range[1]) {
          emit({ path: childPath, keySpan, value: null, valueSpan: { offset: afterColon(text2, keySpan), length: 0 } }, reached.usedAt, ownAlias);
        } else if (isScalar(reached.node) && reached.node.range) {
          emit({ path: childPath, keySpan, value: scalarValue(reached.node.value), valueSpan: spanOf(reached.node.range) }, reached.usedAt, ownAlias);
        } else {
          children.push({ ...reached, path: childPath });
        }
      }
      push(children);
    } else if (isSeq(node)) {
      const children = [];
      node.items.forEach((child, index) => {
        const reached = follow(child, item);
        if (!reached) return;
        if (isScalar(reached.node) && reached.node.range) {
          const span = spanOf(reached.node.range);
          emit({ path: [...path, String(index)], keySpan: span, value: scalarValue(reached.node.value), valueSpan: span }, reached.usedAt, item.usedAt === void 0 && reached.usedAt !== void 0);
        } else if (reached.node !== void 0 && reached.node !== null) {
          children.push({ ...reached, path: [...path, String(index)] });
        }
      });
      push(children);
    }
  }
  entries.sort((a, b) => (a.usedAt ?? a.keySpan).offset - (b.usedAt ?? b.keySpan).offset);
}
function aliasTargets(document) {
  const anchored = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  const stack = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      targets.set(node, anchored.get(node.source));
      continue;
    }
    if (isNode(node) && node.anchor) anchored.set(node.anchor, node);
    if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index].value, node.items[index].key);
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]);
    }
  }
  return targets;
}
function spanOf(range) {
  return { offset: range[0], length: range[1] - range[0] };
}
function afterColon(text2, keySpan) {
  const end = keySpan.offset + keySpan.length;
  const colon = text2.indexOf(":", end);
  return colon >= 0 && colon - end < 4 ? colon + 1 : end;
}
function scalarValue(value) {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}
var SALVAGE_LINE = /^([ \t]*)(?:"([^"\n]+)"|'([^'\n]+)'|([A-Za-z_][\w.-]*))[ \t]*:(?:[ \t]+|$)(.*)$/;
function salvageLines(text2, entries) {
  const known = new Set(entries.map((entry) => entry.path.join("\0")));
  const parents = [];
  let offset = 0;
  for (const line of text2.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const match = SALVAGE_LINE.exec(line.replace(/\r$/, ""));
    if (!match) continue;
    const indent = match[1].length;
    const key = match[2] ?? match[3] ?? match[4];
    while (parents.length > 0 && parents[parents.length - 1].indent >= indent) parents.pop();
    const path = [...parents.map((parent) => parent.key), key];
    const rawValue = stripComment(match[5]).replace(/,\s*$/, "").trim();
    if (rawValue === "" || rawValue === "{" || rawValue === "[") {
      parents.push({ indent, key });
      continue;
    }
    if (known.has(path.join("\0")) || /^["'[{]/.test(rawValue) && !/^(".*"|'.*')$/.test(rawValue)) continue;
    const keyOffset = lineStart + indent;
    const keyLength = match[4] === void 0 ? key.length + 2 : key.length;
    const valueOffset = lineStart + line.indexOf(rawValue, indent + keyLength);
    entries.push({
      path,
      keySpan: { offset: keyOffset, length: keyLength },
      value: plainScalar(rawValue),
      valueSpan: { offset: valueOffset, length: rawValue.length }
    });
    known.add(path.join("\0"));
  }
}
function stripComment(value) {
  const hash = value.search(/(^|[ \t])#/);
  return hash < 0 ? value : value.slice(0, hash);
}
function plainScalar(raw) {
  if (/^(".*"|'.*')$/.test(raw)) return raw.slice(1, -1);
  if (/^[-+]?\d+$/.test(raw)) return Number(raw);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(raw)) return Number(raw);
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  if (/^(null|Null|NULL|~)$/.test(raw)) return null;
  return raw;
}

// server/src/core/model/shape.ts
var FORMAT_IDS = ["hf", "neox", "megatron", "nemo", "litgpt", "nanogpt", "meta", "nanotron", "flagscale", "axolotl", "torchtitan", "maxtext", "foundry", "nemo2", "olmo"];
var NUMERIC_FIELDS = [
  "hiddenSize",
  "numLayers",
  "numHeads",
  "numKvHeads",
  "headDim",
  "ffnHiddenSize",
  "vocabSize",
  "paddedVocabSize",
  "vocabDivisor",
  "seqLength",
  "microBatchSize",
  "tensorParallel",
  "pipelineParallel",
  "numExperts",
  "expertsPerToken",
  "contextParallel",
  "expertParallel",
  "virtualStages",
  "globalBatchSize",
  "gpus",
  "gpusPerNode"
];
var RECOMPUTE_MODES = ["none", "selective", "full"];
var LAUNCH_FIELDS = [
  "attentionKernel",
  "attentionDropout",
  "hiddenDropout",
  "recompute",
  "dtype",
  "seqLength",
  "microBatchSize",
  "tensorParallel",
  "pipelineParallel",
  "contextParallel",
  "expertParallel",
  "virtualStages",
  "sequenceParallel",
  "sharding",
  "gpus",
  "gpusPerNode",
  "globalBatchSize"
];
var LAUNCH_LABELS = {
  attentionKernel: "attention",
  attentionDropout: "attention dropout",
  hiddenDropout: "hidden dropout",
  recompute: "recompute",
  dtype: "dtype",
  seqLength: "sequence length",
  microBatchSize: "micro-batch size",
  tensorParallel: "tensor-parallel size",
  pipelineParallel: "pipeline-parallel size",
  contextParallel: "context-parallel size",
  expertParallel: "expert-parallel size",
  virtualStages: "virtual pipeline stages",
  sequenceParallel: "sequence parallel",
  sharding: "optimizer sharding",
  gpus: "GPUs",
  gpusPerNode: "GPUs per node",
  globalBatchSize: "global batch size"
};
var DROPOUT_FIELDS = ["attentionDropout", "hiddenDropout"];
var FIELD_LABELS = {
  hiddenSize: "hidden size",
  numLayers: "layers",
  numHeads: "attention heads",
  numKvHeads: "key/value heads",
  headDim: "head dim",
  ffnHiddenSize: "MLP size",
  vocabSize: "vocabulary size",
  paddedVocabSize: "padded vocabulary size",
  vocabDivisor: "vocabulary padding multiple",
  seqLength: "sequence length",
  microBatchSize: "micro-batch size",
  tensorParallel: "tensor-parallel size",
  pipelineParallel: "pipeline-parallel size",
  numExperts: "experts",
  expertsPerToken: "experts per token",
  contextParallel: "context-parallel size",
  expertParallel: "expert-parallel size",
  virtualStages: "virtual pipeline stages",
  globalBatchSize: "global batch size",
  gpus: "GPUs",
  gpusPerNode: "GPUs per node"
};
function unknownField(note) {
  return { value: null, origin: "unknown", note };
}
function defaultField(value, note) {
  return { value, origin: "default", note };
}
function derivedField(value, note) {
  return { value, origin: "derived", note };
}
function catalogueField(value, note) {
  return { value, origin: "catalogue", note };
}
function shapeValues(shape) {
  const values = {};
  for (const name of NUMERIC_FIELDS) values[name] = shape[name].value;
  values.activation = shape.activation.value;
  values.gatedMlp = shape.gatedMlp;
  values.attentionKernel = shape.attentionKernel.value;
  values.recompute = shape.recompute.value;
  values.dtype = shape.dtype.value;
  for (const name of DROPOUT_FIELDS) values[name] = shape[name].value;
  return values;
}
function roundUpToMultiple(value, multiple) {
  return Math.ceil(value / multiple) * multiple;
}
function largestPowerOfTwoDividing(n) {
  let power = 1;
  while (n % (power * 2) === 0 && power < 1 << 30) power *= 2;
  return power;
}
function divisorsOf(n) {
  const small = [];
  const large = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.unshift(n / d);
  }
  return [...small, ...large];
}

// server/src/core/formats/catalogue/framework-defaults.ts
var DEFAULT_MLP_EXPANSION = 4;
function megatronSwigluWidth(hiddenSize) {
  const multiple = FRAMEWORK_DEFAULTS.megatron.swigluMultiple;
  return Math.floor(DEFAULT_MLP_EXPANSION * hiddenSize * 2 / 3 / multiple) * multiple;
}
function llamaFeedForwardWidth(dim, multipleOf, multiplier) {
  let width = Math.floor(2 * DEFAULT_MLP_EXPANSION * dim / 3);
  if (multiplier !== void 0) width = Math.floor(multiplier * width);
  return Math.ceil(width / multipleOf) * multipleOf;
}
var LAUNCH_DEFAULTS = {
  hf: {
    attention: "sdpa",
    attentionSource: "transformers' default since v4.36 (huggingface/transformers modeling_utils.py _check_and_enable_sdpa: attn_implementation None becomes sdpa where the model supports it and torch >= 2.1.1)",
    recompute: "none",
    recomputeSource: "transformers TrainingArguments gradient_checkpointing=False (training_args.py)"
  },
  megatron: {
    attention: "transformer-engine",
    attentionSource: "Megatron-LM's default --transformer-impl transformer_engine (megatron/training/arguments.py) with attention_backend AttnBackend.auto (megatron/core/transformer/transformer_config.py): Transformer Engine picks flash or cuDNN fused attention",
    recompute: "none",
    recomputeSource: "Megatron-LM default --recompute-granularity None (megatron/training/arguments.py)"
  },
  neox: {
    attention: "unfused",
    attentionSource: "GPT-NeoX default attention_config None: every layer global, the unfused attention (megatron/neox_arguments/neox_args.py)",
    recompute: "none",
    recomputeSource: "GPT-NeoX default checkpoint_activations False (megatron/neox_arguments/neox_args.py)"
  },
  nemo: {
    attention: "unfused",
    attentionSource: "NeMo's megatron_gpt_config.yaml transformer_engine: False and use_flash_attention: False (NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml @ 8cfedd72): Megatron-Core's local, unfused attention",
    recompute: "none",
    recomputeSource: "NeMo's megatron_gpt_config.yaml activations_checkpoint_granularity: null (@ 8cfedd72)"
  },
  litgpt: {
    attention: "sdpa",
    attentionSource: "LitGPT's CausalSelfAttention calls torch.nn.functional.scaled_dot_product_attention (Lightning-AI/litgpt litgpt/model.py @ 981d0418)",
    precisionSource: "LitGPT without precision: get_default_supported_precision(training=True), bf16-mixed where the GPU supports bf16 (Lightning-AI/litgpt litgpt/utils.py)",
    /** setup() defaults and the strategy each script builds when devices × num_nodes > 1. */
    pretrain: {
      source: "LitGPT litgpt/pretrain.py @ e570612c",
      devices: "auto",
      strategy: 'FSDPStrategy(sharding_strategy="HYBRID_SHARD"): fully sharded within a node, replicated across nodes'
    },
    finetune: {
      source: "LitGPT litgpt/finetune/full.py @ 29ece596",
      devices: 1,
      strategy: "FSDPStrategy (FULL_SHARD, activation_checkpointing_policy={Block})"
    },
    lora: {
      source: "LitGPT litgpt/finetune/lora.py @ c16c72c0",
      devices: 1,
      strategy: "FSDPStrategy (FULL_SHARD, activation_checkpointing_policy={Block})"
    }
  },
  nanogpt: {
    attention: "sdpa",
    attentionSource: "nanoGPT's CausalSelfAttention uses scaled_dot_product_attention on PyTorch >= 2.0 (karpathy/nanoGPT model.py: self.flash)",
    recompute: "none",
    recomputeSource: "nanoGPT train.py has no activation checkpointing"
  },
  torchtitan: {
    attention: "sdpa",
    attentionSource: "torchtitan's llama3 attention is scaled_dot_product_attention unless use_flex_attn (pytorch/torchtitan torchtitan/models/llama3/model/model.py @ 6404b932)",
    recompute: "selective",
    recomputeSource: 'torchtitan default [activation_checkpoint] mode "selective" (torchtitan/config/job_config.py ActivationCheckpoint)'
  },
  olmo: {
    attention: "sdpa",
    attentionSource: "OLMo ModelConfig default flash_attention False: OLMoBlock._scaled_dot_product_attention then calls torch's F.scaled_dot_product_attention (allenai/OLMo olmo/model.py, olmo/config.py @ 362f460f)"
  },
  nemo2: {
    attention: "transformer-engine",
    attentionSource: "NeMo 2's GPTConfig default transformer_layer_spec is the Transformer Engine layer spec where Transformer Engine is installed, as in NeMo's containers (NVIDIA/NeMo nemo/collections/llm/gpt/model/base.py default_layer_spec)",
    sharding: "distributed-optimizer",
    shardingSource: "NeMo 2's pretrain recipes optimize with distributed_fused_adam_with_cosine_annealing, whose OptimizerConfig sets use_distributed_optimizer=True (NVIDIA/NeMo nemo/collections/llm/recipes/optim/adam.py)"
  },
  nanotron: {
    source: "huggingface/nanotron src/nanotron/config/parallelism_config.py ParallelismArgs @ 6b2ff650",
    /** ParallelismArgs.__post_init__: pp_engine None becomes AllForwardAllBackwardPipelineEngine. */
    pipelineEngine: "afab"
  },
  axolotl: {
    attention: "sdpa",
    attentionSource: "Axolotl without flash_attention, sdp_attention or eager_attention leaves the choice to transformers, whose default since v4.36 is sdpa",
    recompute: "none",
    recomputeSource: "transformers TrainingArguments gradient_checkpointing=False, which Axolotl passes through",
    sequenceLength: 512,
    sequenceLengthSource: "Axolotl default sequence_len 512 (axolotl-ai-cloud/axolotl src/axolotl/utils/schemas/config.py @ 70be5461)",
    bf16Source: "bf16 auto, Axolotl's default: bf16 where the GPU supports it (src/axolotl/utils/schemas/config.py @ 70be5461)",
    shardingSource: "no deepspeed or fsdp: the transformers Trainer runs DDP, every rank holding all weights, gradients and optimizer states",
    fsdpStrategySource: "FSDP with no sharding strategy named: accelerate's FullyShardedDataParallelPlugin default FULL_SHARD"
  }
};
var FRAMEWORK_DEFAULTS = {
  /**
   * No dropout default on purpose: neox_args.py's attention_dropout and hidden_dropout were 0.1
   * (EleutherAI/gpt-neox @ e897c23, configs/neox_arguments.md @ 984850f) and are 0.0 in the 2024
   * tree (next to weight_decay 0.1 and DPO/KTO); a silent file gets whichever its checkout has.
   */
  neox: {
    source: "EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py",
    makeVocabSizeDivisibleBy: 128,
    modelParallelSize: 1,
    mlpMultipleOf: 1,
    /**
     * MoE: moe_num_experts 1 (dense), moe_top_k 1, moe_expert_parallel_size 1 (neox_args.py @
     * c291906d, NeoXArgsTraining; @ 923afa65 NeoXArgsMoE names the last
     * moe_deepspeed_expert_parallel_size). configs/125M-moe-deepspeed.yml @ 923afa65 writes the
     * experts as `num_experts`.
     */
    moe: { numExperts: 1, topK: 1, expertParallel: 1 },
    activation: "gelu"
  },
  megatron: {
    source: "NVIDIA/Megatron-LM megatron/training/arguments.py",
    makeVocabSizeDivisibleBy: 128,
    /** --swiglu without --ffn-hidden-size: int(4h·2/3 / 64)·64. */
    swigluMultiple: 64,
    moeRouterTopk: 2,
    parallelSize: 1,
    /** --attention-dropout and --hidden-dropout (_add_regularization_args), 0.1 each. */
    attentionDropout: 0.1,
    hiddenDropout: 0.1
  },
  nemo: {
    source: "NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml",
    makeVocabSizeDivisibleBy: 128,
    parallelSize: 1,
    moeRouterTopk: 2,
    activation: "gelu",
    /** model.attention_dropout and model.hidden_dropout, 0.1 each (ffn_dropout 0.0 is not modelled). */
    attentionDropout: 0.1,
    hiddenDropout: 0.1
  },
  litgpt: {
    source: "Lightning-AI/litgpt litgpt/config.py",
    paddingMultiple: 512,
    vocabSize: 50254,
    blockSize: 4096,
    /** Config's n_layer, n_embd, n_head: what a config.py row that omits them builds. */
    numLayers: 16,
    hiddenSize: 4096,
    numHeads: 32,
    /** The model code, which has no dropout: no nn.Dropout, SDPA with dropout_p=0.0. */
    modelSource: "Lightning-AI/litgpt litgpt/model.py @ 981d0418"
  },
  meta: {
    source: "meta-llama/llama-models models/llama3/args.py (ModelArgs) and model.py (FeedForward)",
    multipleOf: 256,
    /** The reference model code, which has no dropout at all. */
    modelSource: "meta-llama/llama-models models/llama3/model.py @ 43e87a37"
  },
  nanogpt: {
    source: "karpathy/nanoGPT train.py (globals that config/*.py overrides) and model.py GPT.from_pretrained",
    trainPy: { n_layer: 12, n_head: 12, n_embd: 768, block_size: 1024, batch_size: 12, vocab_size: 50304 },
    /** OpenAI's GPT-2 checkpoints that `init_from` loads. */
    pretrained: {
      gpt2: { n_layer: 12, n_head: 12, n_embd: 768 },
      "gpt2-medium": { n_layer: 24, n_head: 16, n_embd: 1024 },
      "gpt2-large": { n_layer: 36, n_head: 20, n_embd: 1280 },
      "gpt2-xl": { n_layer: 48, n_head: 25, n_embd: 1600 }
    },
    pretrainedVocab: 50257,
    pretrainedBlock: 1024,
    /** train.py `dropout = 0.0` (GPTConfig's too): one rate for attention and the residual branches. */
    dropout: 0,
    /**
     * nanoMoE (wolfecameron/nanoMoE and its forks): GPTConfig `n_exp: int = 1` (plain MLPs) and
     * `top_k: int = 2`; each expert is an MLP of 4·n_embd (MLPExperts), one MoE block every
     * `stride` layers (niklassheth/nanoMoE model.py @ 076b2ee2).
     */
    nanoMoE: { n_exp: 1, top_k: 2 }
  },
  /** MPTConfig (mosaicml/mpt-7b configuration_mpt.py, llm-foundry's): attn_config.attn_pdrop and resid_pdrop. */
  foundry: {
    source: "mosaicml/mpt-7b configuration_mpt.py (MPTConfig and attn_config_defaults)",
    attentionDropout: 0,
    hiddenDropout: 0
  },
  /**
   * Hugging Face config classes' dropout defaults, by model_type, for configs that leave the keys
   * out. Only families whose config class was read are here; any other is unknown. LlamaConfig
   * has attention_dropout only: its decoder layer has no dropout on the residual branches.
   */
  torchtitan: {
    /** torchtitan's llama3 model code: no dropout in Attention, FeedForward or TransformerBlock. */
    llama3ModelSource: "pytorch/torchtitan torchtitan/models/llama3/model/model.py @ 6404b932"
  },
  hf: {
    dropoutByModelType: {
      gpt2: { attention: 0.1, hidden: 0.1, source: "huggingface/transformers models/gpt2/configuration_gpt2.py @ 01ae98ae (attn_pdrop, resid_pdrop)" },
      bert: { attention: 0.1, hidden: 0.1, source: "huggingface/transformers models/bert/configuration_bert.py @ 008f5c8c (attention_probs_dropout_prob, hidden_dropout_prob)" },
      llama: { attention: 0, hidden: 0, source: "huggingface/transformers models/llama/configuration_llama.py @ 008e5743 (attention_dropout; no hidden dropout)" }
    }
  }
};

// server/src/core/formats/catalogue/models.ts
var LITGPT = { repo: "Lightning-AI/litgpt", path: "litgpt/config.py", commit: "0006c973aa7d6ace293e2a5fedaf1f8f804f960c" };
var LITGPT_PRAGNA = { repo: "Lightning-AI/litgpt", path: "litgpt/config.py", commit: "8d837e6f0e4faea479fe00648290fccab3aed88c" };
var MLP_ACTIVATION = { GptNeoxMLP: "gelu", LLaMAMLP: "swiglu", GemmaMLP: "geglu", LLaMAMoE: "swiglu" };
function fromLitgpt(family, names, row2) {
  const d = FRAMEWORK_DEFAULTS.litgpt;
  const n_embd = row2.n_embd ?? d.hiddenSize;
  const n_head = row2.n_head ?? d.numHeads;
  let vocab = row2.vocab_size ?? d.vocabSize;
  const multiple = row2.padding_multiple ?? d.paddingMultiple;
  const padded = row2.padded_vocab_size ?? Math.ceil(vocab / multiple) * multiple;
  if (row2.padded_vocab_size !== void 0) vocab = Math.min(vocab, row2.padded_vocab_size);
  const mlp = row2.mlp_class_name ?? "GptNeoxMLP";
  const moe = (row2.n_expert ?? 0) > 1;
  return {
    name: names[0],
    family,
    names,
    hiddenSize: n_embd,
    numLayers: row2.n_layer ?? d.numLayers,
    numHeads: n_head,
    numKvHeads: row2.n_query_groups ?? n_head,
    headDim: row2.head_size ?? n_embd / n_head,
    ffnHiddenSize: (moe ? row2.moe_intermediate_size : void 0) ?? row2.intermediate_size ?? DEFAULT_MLP_EXPANSION * n_embd,
    vocabSize: vocab,
    paddedVocabSize: padded,
    seqLength: row2.block_size ?? d.blockSize,
    numExperts: moe ? row2.n_expert : 1,
    expertsPerToken: moe ? row2.n_expert_per_token : 1,
    activation: MLP_ACTIVATION[mlp],
    gatedMlp: mlp !== "GptNeoxMLP",
    source: LITGPT
  };
}
function litgpt(family, name, hf, kinds, row2, hfKinds = kinds) {
  return kinds.map((kind, i) => fromLitgpt(family, [name.replace("{}", kind), hf.replace("{}", hfKinds[i])], row2));
}
var LLAMA = { mlp_class_name: "LLaMAMLP" };
var QWEN25_VOCAB = { vocab_size: 151643 };
var LITGPT_MODELS = [
  // EleutherAI Pythia (GPT-NeoX architecture), with the -deduped copies LitGPT adds.
  ...[
    ["pythia-14m", { block_size: 512, n_layer: 6, n_embd: 128, n_head: 4, padding_multiple: 128 }],
    ["pythia-31m", { block_size: 1024, n_layer: 6, n_embd: 256, n_head: 8, padding_multiple: 128 }],
    ["pythia-70m", { block_size: 2048, n_layer: 6, n_embd: 512, n_head: 8, padding_multiple: 128 }],
    ["pythia-160m", { block_size: 2048, n_layer: 12, n_embd: 768, n_head: 12, padding_multiple: 128 }],
    ["pythia-410m", { block_size: 2048, n_layer: 24, n_embd: 1024, n_head: 16, padding_multiple: 128 }],
    ["pythia-1b", { block_size: 2048, n_embd: 2048, n_head: 8, padding_multiple: 128 }],
    ["pythia-1.4b", { block_size: 2048, n_layer: 24, n_embd: 2048, n_head: 16, padding_multiple: 128 }],
    ["pythia-2.8b", { block_size: 2048, n_layer: 32, n_embd: 2560, padding_multiple: 128 }],
    ["pythia-6.9b", { block_size: 2048, n_layer: 32, padding_multiple: 256 }],
    ["pythia-12b", { block_size: 2048, n_layer: 36, n_embd: 5120, n_head: 40 }]
  ].flatMap(([name, row2]) => {
    const kinds = name === "pythia-14m" || name === "pythia-31m" ? [""] : ["", "-deduped"];
    return litgpt("Pythia", `${name}{}`, `EleutherAI/${name}{}`, kinds, row2);
  }),
  // StableLM alpha: LitGPT's `Config` defaults (n_embd 4096, 16 layers, GptNeoxMLP) apart from these.
  ...litgpt("StableLM", "stablelm-{}-alpha-3b", "stabilityai/stablelm-{}-alpha-3b", ["base", "tuned"], {}),
  ...litgpt("StableLM", "stablelm-{}-alpha-7b", "stabilityai/stablelm-{}-alpha-7b", ["base", "tuned"], { n_head: 48, n_embd: 6144, padding_multiple: 256 }),
  ...litgpt("StableLM", "stablelm-3b-4e1t", "stabilityai/stablelm-3b-4e1t", [""], { padded_vocab_size: 50304, n_layer: 32, n_head: 32, n_embd: 2560, ...LLAMA, intermediate_size: 6912 }),
  // TII Falcon
  ...litgpt("Falcon", "falcon-7b{}", "tiiuae/falcon-7b{}", ["", "-instruct"], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 32, n_head: 71, n_embd: 4544, n_query_groups: 1 }),
  ...litgpt("Falcon", "falcon-40b{}", "tiiuae/falcon-40b{}", ["", "-instruct"], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 60, n_head: 128, n_embd: 8192, n_query_groups: 8 }),
  ...litgpt("Falcon", "falcon-180B{}", "tiiuae/falcon-180B{}", ["", "-chat"], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 80, n_head: 232, n_embd: 14848, n_query_groups: 8 }),
  ...litgpt("Falcon 3", "Falcon3-1B{}", "tiiuae/Falcon3-1B{}", ["-Base", "-Instruct"], { block_size: 4096, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 18, n_head: 8, n_query_groups: 4, n_embd: 2048, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt("Falcon 3", "Falcon3-3B{}", "tiiuae/Falcon3-3B{}", ["-Base", "-Instruct"], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 22, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 9216 }),
  ...litgpt("Falcon 3", "Falcon3-7B{}", "tiiuae/Falcon3-7B{}", ["-Base", "-Instruct"], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 28, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 23040 }),
  ...litgpt("Falcon 3", "Falcon3-10B{}", "tiiuae/Falcon3-10B{}", ["-Base", "-Instruct"], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 40, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 23040 }),
  // Meta Llama 2
  ...litgpt("Llama 2", "Llama-2-7b{}-hf", "meta-llama/Llama-2-7b{}-hf", ["", "-chat"], { vocab_size: 32e3, padding_multiple: 64, n_layer: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt("Llama 2", "Llama-2-13b{}-hf", "meta-llama/Llama-2-13b{}-hf", ["", "-chat"], { vocab_size: 32e3, padding_multiple: 64, n_layer: 40, n_head: 40, n_embd: 5120, ...LLAMA, intermediate_size: 13824 }),
  ...litgpt("Llama 2", "Llama-2-70b{}-hf", "meta-llama/Llama-2-70b{}-hf", ["", "-chat"], { vocab_size: 32e3, padding_multiple: 64, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  // Meta Llama 3, 3.1, 3.2, 3.3
  ...litgpt("Llama 3", "Llama-3-8B{}", "meta-llama/Meta-Llama-3-8B{}", ["", "-Instruct"], { block_size: 8192, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 32, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Llama 3.1", "Llama-3.1-8B{}", "meta-llama/Meta-Llama-3.1-8B{}", ["", "-Instruct"], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 32, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Llama 3", "Llama-3-70B{}", "meta-llama/Meta-Llama-3-70B{}", ["", "-Instruct"], { block_size: 8192, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt("Llama 3.1", "Llama-3.1-70B{}", "meta-llama/Meta-Llama-3.1-70B{}", ["", "-Instruct"], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt("Llama 3.1", "Llama-3.1-405B{}", "meta-llama/Meta-Llama-3.1-405B{}", ["", "-Instruct"], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 126, n_head: 128, n_embd: 16384, n_query_groups: 8, ...LLAMA, intermediate_size: 53248 }),
  ...litgpt("Llama 3.2", "Llama-3.2-1B{}", "meta-llama/Llama-3.2-1B{}", ["", "-Instruct"], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 16, n_embd: 2048, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt("Llama 3.2", "Llama-3.2-3B{}", "meta-llama/Llama-3.2-3B{}", ["", "-Instruct"], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 28, n_embd: 3072, n_head: 24, n_query_groups: 8, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt("Llama 3.3", "Llama-3.3-70B-Instruct", "meta-llama/Llama-3.3-70B-Instruct", [""], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt("Nemotron", "Llama-3.1-Nemotron-70B-Instruct-HF", "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", [""], { block_size: 131072, vocab_size: 128e3, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt("TinyLlama", "tiny-llama-1.1b{}", "TinyLlama/TinyLlama-1.1B{}", ["", "-chat"], { block_size: 2048, vocab_size: 32e3, padding_multiple: 64, n_layer: 22, n_head: 32, n_embd: 2048, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }, ["-intermediate-step-1431k-3T", "-Chat-v1.0"]),
  // pragna-1b: TinyLlama's shape with a 69632-token vocabulary; LitGPT has it at this commit, not at LITGPT's.
  { ...fromLitgpt("Pragna", ["pragna-1b", "soketlabs/pragna-1b"], { block_size: 2048, vocab_size: 69632, padding_multiple: 64, n_layer: 22, n_head: 32, n_embd: 2048, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }), source: LITGPT_PRAGNA },
  ...litgpt("MicroLlama", "micro-llama-300M", "keeeeenw/MicroLlama", [""], { block_size: 2048, vocab_size: 32e3, padding_multiple: 64, n_layer: 12, n_head: 16, n_embd: 1024, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }),
  // Allen AI OLMo, OLMo 2
  ...litgpt("OLMo", "OLMo-1B-hf", "allenai/OLMo-1B-hf", [""], { vocab_size: 50280, padded_vocab_size: 50304, block_size: 2048, n_embd: 2048, n_layer: 16, n_head: 16, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt("OLMo", "OLMo-7B{}-hf", "allenai/OLMo-7B{}-hf", ["", "-Instruct"], { vocab_size: 50280, padded_vocab_size: 50304, block_size: 2048, n_layer: 32, n_head: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt("OLMo 2", "OLMo-2-1124-7B{}", "allenai/OLMo-2-1124-7B{}", ["", "-SFT", "-DPO", "-Instruct"], { vocab_size: 100278, padded_vocab_size: 100352, block_size: 4096, n_embd: 4096, n_layer: 32, n_head: 32, n_query_groups: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt("OLMo 2", "OLMo-2-1124-13B{}", "allenai/OLMo-2-1124-13B{}", ["", "-SFT", "-DPO", "-Instruct"], { vocab_size: 100278, padded_vocab_size: 100352, block_size: 4096, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 40, ...LLAMA, intermediate_size: 13824 }),
  // Google Gemma, Gemma 2 (each with its -it copy), Gemma 3
  ...litgpt("Gemma", "Gemma-2b{}", "google/gemma-2b{}", ["", "-it"], { vocab_size: 256e3, padding_multiple: 64, n_embd: 2048, n_layer: 18, n_head: 8, n_query_groups: 1, mlp_class_name: "GemmaMLP", intermediate_size: 16384 }),
  ...litgpt("Gemma", "Gemma-7b{}", "google/gemma-7b{}", ["", "-it"], { vocab_size: 256e3, padding_multiple: 64, n_embd: 3072, n_layer: 28, n_head: 16, head_size: 256, mlp_class_name: "GemmaMLP", intermediate_size: 24576 }),
  ...litgpt("Gemma 2", "Gemma-2-2b{}", "google/gemma-2-2b{}", ["", "-it"], { vocab_size: 256e3, block_size: 8192, intermediate_size: 9216, n_embd: 2304, n_layer: 26, n_head: 8, n_query_groups: 4, head_size: 256, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 2", "Gemma-2-9b{}", "google/gemma-2-9b{}", ["", "-it"], { vocab_size: 256e3, block_size: 8192, intermediate_size: 14336, n_embd: 3584, n_layer: 42, n_head: 16, n_query_groups: 8, head_size: 256, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 2", "Gemma-2-27b{}", "google/gemma-2-27b{}", ["", "-it"], { vocab_size: 256e3, block_size: 8192, intermediate_size: 36864, n_embd: 4608, n_layer: 46, n_head: 32, n_query_groups: 16, head_size: 128, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 3", "Gemma-3-1b-it", "google/gemma-3-1b-it", [""], { vocab_size: 262144, block_size: 131072, intermediate_size: 6912, n_embd: 1152, n_layer: 26, n_head: 4, n_query_groups: 1, head_size: 256, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 3", "Gemma-3-4b-it", "google/gemma-3-4b-it", [""], { vocab_size: 262144, block_size: 131072, intermediate_size: 10240, n_embd: 2560, n_layer: 34, n_head: 8, n_query_groups: 4, head_size: 256, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 3", "Gemma-3-12b-it", "google/gemma-3-12b-it", [""], { vocab_size: 262144, block_size: 131072, intermediate_size: 15360, n_embd: 3840, n_layer: 48, n_head: 16, n_query_groups: 8, head_size: 256, mlp_class_name: "GemmaMLP" }),
  ...litgpt("Gemma 3", "Gemma-3-27b-it", "google/gemma-3-27b-it", [""], { vocab_size: 262144, block_size: 131072, intermediate_size: 21504, n_embd: 5376, n_layer: 62, n_head: 32, n_query_groups: 16, head_size: 128, mlp_class_name: "GemmaMLP" }),
  // Microsoft Phi 1.5, 2, 3, 3.5, 4
  ...litgpt("Phi", "phi-1_5", "microsoft/phi-1_5", [""], { vocab_size: 50257, padded_vocab_size: 51200, block_size: 2048, n_embd: 2048, n_layer: 24 }),
  ...litgpt("Phi 2", "phi-2", "microsoft/phi-2", [""], { vocab_size: 50257, padded_vocab_size: 51200, block_size: 2048, n_embd: 2560, n_layer: 32 }),
  ...litgpt("Phi 3", "Phi-3-mini-4k-instruct", "microsoft/Phi-3-mini-4k-instruct", [""], { vocab_size: 32e3, padded_vocab_size: 32064, block_size: 4096, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt("Phi 3", "Phi-3-mini-128k-instruct", "microsoft/Phi-3-mini-128k-instruct", [""], { vocab_size: 32e3, padded_vocab_size: 32064, block_size: 131072, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt("Phi 3", "Phi-3.5-mini-instruct", "microsoft/Phi-3.5-mini-instruct", [""], { vocab_size: 32e3, padded_vocab_size: 32064, block_size: 4096, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt("Phi 4", "phi-4", "microsoft/phi-4", [""], { vocab_size: 100352, padded_vocab_size: 100352, block_size: 16384, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 10, intermediate_size: 17920, ...LLAMA }),
  ...litgpt("Phi 4", "Phi-4-reasoning{}", "microsoft/Phi-4-reasoning{}", ["", "-plus"], { vocab_size: 100352, padded_vocab_size: 100352, block_size: 32768, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 10, intermediate_size: 17920, ...LLAMA }),
  ...litgpt("Phi 4", "Phi-4-mini-{}", "microsoft/Phi-4-mini-{}", ["instruct", "reasoning"], { vocab_size: 200019, padded_vocab_size: 200064, block_size: 131072, n_embd: 3072, n_layer: 32, n_head: 24, n_query_groups: 8, intermediate_size: 8192, ...LLAMA }),
  // Mistral AI Mistral, Mixtral
  ...litgpt("Mistral", "Mistral-7B-{}v0.1", "mistralai/Mistral-7B-{}v0.1", ["", "Instruct-"], { padded_vocab_size: 32e3, block_size: 4096, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Mistral", "Mistral-7B-v0.2", "unsloth/Mistral-7B-v0.2", [""], { padded_vocab_size: 32e3, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Mistral", "Mistral-7B-Instruct-v0.2", "mistralai/Mistral-7B-Instruct-v0.2", [""], { padded_vocab_size: 32e3, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Mistral", "Mistral-7B-{}v0.3", "mistralai/Mistral-7B-{}v0.3", ["", "Instruct-"], { padded_vocab_size: 32768, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt("Mistral", "Mistral-Large-Instruct-{}", "mistralai/Mistral-Large-Instruct-{}", ["2407", "2411"], { padded_vocab_size: 32768, block_size: 32768, n_layer: 88, n_head: 96, n_embd: 12288, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt("Mixtral", "Mixtral-8x7B-{}v0.1", "mistralai/Mixtral-8x7B-{}v0.1", ["", "Instruct-"], { padded_vocab_size: 32e3, block_size: 32768, n_layer: 32, n_query_groups: 8, mlp_class_name: "LLaMAMoE", intermediate_size: 14336, n_expert: 8, n_expert_per_token: 2 }),
  ...litgpt("Mixtral", "Mixtral-8x22B-{}v0.1", "mistralai/Mixtral-8x22B-{}v0.1", ["", "Instruct-"], { padded_vocab_size: 32768, block_size: 65536, n_layer: 56, n_query_groups: 8, mlp_class_name: "LLaMAMoE", intermediate_size: 16384, n_head: 48, n_embd: 6144, n_expert: 8, n_expert_per_token: 2 }),
  // Qwen 2.5 (and Coder, whose block is 32768 throughout), Qwen 3
  ...[
    ["0.5B", 32768, { padded_vocab_size: 151936, n_layer: 24, n_head: 14, n_embd: 896, n_query_groups: 2, intermediate_size: 4864 }],
    ["1.5B", 131072, { padded_vocab_size: 151936, n_layer: 28, n_head: 12, n_embd: 1536, n_query_groups: 2, intermediate_size: 8960 }],
    ["3B", 32768, { padded_vocab_size: 151936, n_layer: 36, n_head: 16, n_embd: 2048, n_query_groups: 2, intermediate_size: 11008 }],
    ["7B", 131072, { padded_vocab_size: 152064, n_layer: 28, n_head: 28, n_embd: 3584, n_query_groups: 4, intermediate_size: 18944 }],
    ["14B", 131072, { padded_vocab_size: 152064, n_layer: 48, n_head: 40, n_embd: 5120, n_query_groups: 8, intermediate_size: 13824 }],
    ["32B", 131072, { padded_vocab_size: 152064, n_layer: 64, n_head: 40, n_embd: 5120, n_query_groups: 8, intermediate_size: 27648 }],
    ["72B", 131072, { padded_vocab_size: 152064, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, intermediate_size: 29568 }]
  ].flatMap(([size, block, row2]) => [
    ...litgpt("Qwen 2.5", `Qwen2.5-${size}{}`, `Qwen/Qwen2.5-${size}{}`, ["", "-Instruct"], { ...QWEN25_VOCAB, block_size: block, ...LLAMA, ...row2 }),
    ...size === "72B" ? [] : litgpt("Qwen 2.5", `Qwen2.5-Coder-${size}{}`, `Qwen/Qwen2.5-Coder-${size}{}`, ["", "-Instruct"], { ...QWEN25_VOCAB, block_size: 32768, ...LLAMA, ...row2 })
  ]),
  ...litgpt("Qwen 3", "Qwen3-0.6B{}", "Qwen/Qwen3-0.6B{}", ["", "-Base"], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 28, n_head: 16, n_embd: 1024, n_query_groups: 8, ...LLAMA, intermediate_size: 3072, head_size: 128 }),
  ...litgpt("Qwen 3", "Qwen3-1.7B{}", "Qwen/Qwen3-1.7B{}", ["", "-Base"], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 28, n_head: 16, n_embd: 2048, n_query_groups: 8, ...LLAMA, intermediate_size: 6144 }),
  ...litgpt("Qwen 3", "Qwen3-4B{}", "Qwen/Qwen3-4B{}", ["", "-Base"], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 36, n_head: 32, n_embd: 2560, n_query_groups: 8, ...LLAMA, intermediate_size: 9728, head_size: 128 }),
  ...litgpt("Qwen 3", "Qwen3-8B{}", "Qwen/Qwen3-8B{}", ["", "-Base"], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 36, n_head: 32, n_embd: 4096, n_query_groups: 8, ...LLAMA, intermediate_size: 12288 }),
  ...litgpt("Qwen 3", "Qwen3-14B{}", "Qwen/Qwen3-14B{}", ["", "-Base"], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 40, n_head: 40, n_embd: 5120, n_query_groups: 8, ...LLAMA, intermediate_size: 17408 }),
  ...litgpt("Qwen 3", "Qwen3-32B", "Qwen/Qwen3-32B", [""], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 64, n_head: 64, n_embd: 5120, n_query_groups: 8, ...LLAMA, intermediate_size: 25600, head_size: 128 }),
  ...litgpt("Qwen 3", "Qwen3-30B-A3B{}", "Qwen/Qwen3-30B-A3B{}", ["", "-Base"], { block_size: 40960, head_size: 128, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 48, n_head: 32, n_embd: 2048, n_query_groups: 4, mlp_class_name: "LLaMAMoE", intermediate_size: 6144, moe_intermediate_size: 768, n_expert: 128, n_expert_per_token: 8 }),
  ...litgpt("Qwen 3", "Qwen3-235B-A22B", "Qwen/Qwen3-235B-A22B", [""], { block_size: 40960, head_size: 128, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 94, n_head: 64, n_embd: 4096, n_query_groups: 4, mlp_class_name: "LLaMAMoE", intermediate_size: 12288, moe_intermediate_size: 1536, n_expert: 128, n_expert_per_token: 8 }),
  ...litgpt("SmolLM2", "SmolLM2-135M{}", "HuggingFaceTB/SmolLM2-135M{}", ["", "-Instruct"], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 30, n_head: 9, n_embd: 576, n_query_groups: 3, ...LLAMA, intermediate_size: 1536 }),
  ...litgpt("SmolLM2", "SmolLM2-360M{}", "HuggingFaceTB/SmolLM2-360M{}", ["", "-Instruct"], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 32, n_head: 15, n_embd: 960, n_query_groups: 5, ...LLAMA, intermediate_size: 2560 }),
  ...litgpt("SmolLM2", "SmolLM2-1.7B{}", "HuggingFaceTB/SmolLM2-1.7B{}", ["", "-Instruct"], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 24, n_head: 32, n_embd: 2048, n_query_groups: 32, ...LLAMA, intermediate_size: 8192 })
];
var NANOGPT = { repo: "karpathy/nanoGPT", path: "model.py (GPT.from_pretrained)", commit: "3adf61e154c3fe3fca428ad6bc3818b27a3b8291" };
var NEOX_20B = { repo: "EleutherAI/gpt-neox", path: "configs/20B.yml", commit: "ea7aefd8f8e183256992d9fede4d7c71a46d67a5" };
var SLIME_DEEPSEEK_V3 = { repo: "THUDM/slime", path: "scripts/models/deepseek-v3.sh", commit: "624b824a898ab0ec1fcb4d373004c7f3852bf515" };
var MEGATRON_DEEPSEEK_V2_LITE = { repo: "NVIDIA/Megatron-LM", path: "examples/post_training/modelopt/conf/deepseek-ai/DeepSeek-V2-Lite.sh", commit: "d98e8a64ddf34856e74b24714e3bedb2f5a39553" };
var NEMO_STARCODER2_15B = { repo: "NVIDIA/NeMo-Framework-Launcher", path: "launcher_scripts/conf/training/starcoder2/starcoder2_15b.yaml", commit: "3dd35614cf43b06711ad0eccaace3b6af0fc6a08" };
var NEMO_NEMOTRON_340B = { repo: "NVIDIA/NeMo-Framework-Launcher", path: "launcher_scripts/conf/training/nemotron/nemotron_340b.yaml", commit: "10120dba59204e3f4d4ebb3a1600bf761e336190" };
var NEMO_NEMOTRON4_15B = { repo: "ishine/NeMo (mirror of NVIDIA/NeMo)", path: "nemo/collections/llm/gpt/model/nemotron.py (Nemotron4Config15B)", commit: "c88a0d362113e405ff47d2115df35c7d6474cdce" };
var MEGATRON_NEMOTRON_MINI = { repo: "NVIDIA/Megatron-LM", path: "examples/post_training/modelopt/conf/nvidia/Nemotron-Mini-4B-Instruct.sh", commit: "7f85843c4061bd6f6de3a918a6590ca9589cf216" };
function row(family, names, source, shape) {
  return {
    name: names[0],
    family,
    names,
    numKvHeads: shape.numHeads,
    headDim: shape.hiddenSize / shape.numHeads,
    ffnHiddenSize: DEFAULT_MLP_EXPANSION * shape.hiddenSize,
    vocabSize: null,
    paddedVocabSize: shape.vocabSize ?? null,
    seqLength: null,
    numExperts: 1,
    expertsPerToken: 1,
    activation: "gelu",
    gatedMlp: false,
    source,
    ...shape
  };
}
var TORCHTITAN_LLAMA3 = { repo: "pytorch/torchtitan", path: "torchtitan/models/llama3/__init__.py (llama3_configs)", commit: "00f555e1114a8286eb1d4e379cae67d56156b61d" };
function torchtitanLlama3(flavor, dim, numLayers, numHeads, numKvHeads, multipleOf, multiplier, vocabSize) {
  return row("Llama 3 (torchtitan)", [torchtitanName("llama3", flavor)], TORCHTITAN_LLAMA3, {
    hiddenSize: dim,
    numLayers,
    numHeads,
    numKvHeads,
    ffnHiddenSize: llamaFeedForwardWidth(dim, multipleOf, multiplier),
    activation: "swiglu",
    gatedMlp: true,
    ...vocabSize ? { vocabSize } : {}
  });
}
function torchtitanName(name, flavor) {
  return `torchtitan ${name} ${flavor}`;
}
var GPT_OSS = { hiddenSize: 2880, numHeads: 64, numKvHeads: 8, headDim: 64, ffnHiddenSize: 2880, vocabSize: 201088, expertsPerToken: 4, activation: "swiglu", gatedMlp: true };
var MAXTEXT_GPT_OSS_20B = { repo: "AI-Hypercomputer/maxtext", path: "src/MaxText/configs/models/gpt-oss-20b.yml", commit: "6710342780303d1a45872f5a8eb1bc3855321707" };
var MAXTEXT_GPT_OSS_120B = { repo: "AI-Hypercomputer/maxtext", path: "src/MaxText/configs/models/gpt-oss-120b.yml", commit: "6710342780303d1a45872f5a8eb1bc3855321707" };
var NEMO_QWEN2 = { repo: "NVIDIA/NeMo", path: "nemo/collections/llm/gpt/model/qwen2.py (Qwen2Config500M/1P5B/7B/72B)", commit: "03823d2acf6e9e8c0fed8409a89f9cfd5308e157" };
function qwen2(size, shape) {
  return row("Qwen 2", [`Qwen2-${size}`, `Qwen/Qwen2-${size}`, `Qwen2-${size}-Instruct`, `Qwen/Qwen2-${size}-Instruct`], NEMO_QWEN2, { ...shape, activation: "swiglu", gatedMlp: true });
}
var GPT2 = { vocabSize: FRAMEWORK_DEFAULTS.nanogpt.pretrainedVocab, seqLength: FRAMEWORK_DEFAULTS.nanogpt.pretrainedBlock };
var MLA = { headDim: 128 + 64, activation: "swiglu", gatedMlp: true };
var OTHER_MODELS = [
  // OpenAI's GPT-2 checkpoints, as nanoGPT's GPT.from_pretrained builds them (FRAMEWORK_DEFAULTS.nanogpt).
  ...Object.entries(FRAMEWORK_DEFAULTS.nanogpt.pretrained).map(
    ([name, gpt]) => row("GPT-2", [name, `openai-community/${name}`, ...name === "gpt2" ? ["gpt2-124M"] : []], NANOGPT, {
      hiddenSize: gpt.n_embd,
      numLayers: gpt.n_layer,
      numHeads: gpt.n_head,
      ...GPT2
    })
  ),
  // The vocabulary comes from 20B_tokenizer.json, which the config does not size.
  row("GPT-NeoX", ["gpt-neox-20b", "EleutherAI/gpt-neox-20b"], NEOX_20B, { hiddenSize: 6144, numLayers: 44, numHeads: 64, seqLength: 2048 }),
  // Multi-latent attention: the score GEMM's head dim is qk-head-dim 128 + qk-pos-emb-head-dim 64; ffnHiddenSize is each routed expert's.
  row("DeepSeek V3", ["DeepSeek-V3", "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-V3-Base", "DeepSeek-R1", "deepseek-ai/DeepSeek-R1"], SLIME_DEEPSEEK_V3, {
    hiddenSize: 7168,
    numLayers: 61,
    numHeads: 128,
    ffnHiddenSize: 2048,
    vocabSize: 129280,
    numExperts: 256,
    expertsPerToken: 8,
    ...MLA
  }),
  row("DeepSeek V2", ["DeepSeek-V2-Lite", "deepseek-ai/DeepSeek-V2-Lite"], MEGATRON_DEEPSEEK_V2_LITE, {
    hiddenSize: 2048,
    numLayers: 27,
    numHeads: 16,
    ffnHiddenSize: 1408,
    numExperts: 64,
    expertsPerToken: 6,
    ...MLA
  }),
  // openai/gpt-oss-*: MaxText's transcription of the Hub config.json (its files link it).
  row("gpt-oss", ["gpt-oss-20b", "openai/gpt-oss-20b"], MAXTEXT_GPT_OSS_20B, { ...GPT_OSS, numLayers: 24, numExperts: 32, seqLength: 131072 }),
  row("gpt-oss", ["gpt-oss-120b", "openai/gpt-oss-120b"], MAXTEXT_GPT_OSS_120B, { ...GPT_OSS, numLayers: 36, numExperts: 128, seqLength: 131072 }),
  qwen2("0.5B", { hiddenSize: 896, numLayers: 24, numHeads: 14, numKvHeads: 2, ffnHiddenSize: 4864, paddedVocabSize: 151936 }),
  qwen2("1.5B", { hiddenSize: 1536, numLayers: 28, numHeads: 12, numKvHeads: 2, ffnHiddenSize: 8960, paddedVocabSize: 151936 }),
  qwen2("7B", { hiddenSize: 3584, numLayers: 28, numHeads: 28, numKvHeads: 4, ffnHiddenSize: 18944, paddedVocabSize: 152064 }),
  qwen2("72B", { hiddenSize: 8192, numLayers: 80, numHeads: 64, numKvHeads: 8, ffnHiddenSize: 29568, paddedVocabSize: 152064 }),
  row("StarCoder2", ["starcoder2-15b", "bigcode/starcoder2-15b"], NEMO_STARCODER2_15B, { hiddenSize: 6144, numLayers: 40, numHeads: 48, numKvHeads: 4, ffnHiddenSize: 24576, seqLength: 4096 }),
  row("Nemotron", ["Nemotron-4-340B", "nvidia/Nemotron-4-340B-Base", "nvidia/Nemotron-4-340B-Instruct"], NEMO_NEMOTRON_340B, {
    hiddenSize: 18432,
    numLayers: 96,
    numHeads: 96,
    numKvHeads: 8,
    ffnHiddenSize: 73728,
    seqLength: 4096,
    activation: "squared-relu"
  }),
  // NeMo 2's nemotron4_15b recipe fine-tunes from thhaus/nemotron4-15b-base-hf; the config does not size the vocabulary.
  row("Nemotron", ["Nemotron-4-15B", "thhaus/nemotron4-15b-base-hf"], NEMO_NEMOTRON4_15B, {
    hiddenSize: 6144,
    numLayers: 32,
    numHeads: 48,
    numKvHeads: 8,
    ffnHiddenSize: 24576,
    seqLength: 4096,
    activation: "squared-relu"
  }),
  row("Nemotron", ["Nemotron-Mini-4B-Instruct", "nvidia/Nemotron-Mini-4B-Instruct"], MEGATRON_NEMOTRON_MINI, {
    hiddenSize: 3072,
    numLayers: 32,
    numHeads: 24,
    numKvHeads: 8,
    headDim: 128,
    ffnHiddenSize: 9216,
    seqLength: 4096,
    activation: "squared-relu"
  })
];
var LLAMA3_TOKENIZER = 128256;
var TORCHTITAN_QWEN3 = { repo: "pytorch/torchtitan", path: "torchtitan/models/qwen3/__init__.py (qwen3_configs)", commit: "cfb93265153094f99736547f26b5346410181102" };
var TORCHTITAN_DEEPSEEK_V3 = { repo: "pytorch/torchtitan", path: "torchtitan/models/deepseek_v3/__init__.py (deepseekv3_configs)", commit: "7a639a0cb453790e132598c33862e855ab8c5f7f" };
var TORCHTITAN_GPT_OSS = { repo: "pytorch/torchtitan", path: "torchtitan/models/gpt_oss/__init__.py (gptoss_configs; dim, heads and vocabulary from GptOssModel.Config)", commit: "5a3bc91b8677d9a5a0c877f2020e97669f1e891f" };
function torchtitanQwen3(flavor, dim, numLayers, numHeads, numKvHeads, ffn, moe) {
  return row("Qwen 3 (torchtitan)", [torchtitanName("qwen3", flavor)], TORCHTITAN_QWEN3, {
    hiddenSize: dim,
    numLayers,
    numHeads,
    numKvHeads,
    headDim: 128,
    ffnHiddenSize: moe?.width ?? ffn,
    vocabSize: 151936,
    activation: "swiglu",
    gatedMlp: true,
    ...moe ? { numExperts: moe.experts, expertsPerToken: moe.topK } : {}
  });
}
function torchtitanDeepseekV3(flavor, dim, numLayers, numHeads, vocabSize, moe) {
  return row("DeepSeek V3 (torchtitan)", [torchtitanName("deepseek_v3", flavor)], TORCHTITAN_DEEPSEEK_V3, {
    hiddenSize: dim,
    numLayers,
    numHeads,
    ffnHiddenSize: moe.width,
    vocabSize,
    numExperts: moe.experts,
    expertsPerToken: moe.topK,
    ...MLA
  });
}
var TORCHTITAN_MODELS = [
  torchtitanLlama3("debugmodel", 256, 6, 16, 16, 256, void 0, 2048),
  torchtitanLlama3("8B", 4096, 32, 32, 8, 1024, 1.3, LLAMA3_TOKENIZER),
  torchtitanLlama3("70B", 8192, 80, 64, 8, 4096, 1.3, LLAMA3_TOKENIZER),
  torchtitanLlama3("405B", 16384, 126, 128, 8, 4096, 1.2, LLAMA3_TOKENIZER),
  torchtitanQwen3("0.6B", 1024, 28, 16, 8, 3072),
  torchtitanQwen3("1.7B", 2048, 28, 16, 8, 6144),
  torchtitanQwen3("4B", 2560, 36, 32, 8, 9728),
  torchtitanQwen3("8B", 4096, 36, 32, 8, 12288),
  torchtitanQwen3("14B", 5120, 40, 40, 8, 17408),
  torchtitanQwen3("32B", 5120, 64, 64, 8, 25600),
  torchtitanQwen3("30B-A3B", 2048, 48, 32, 4, 6144, { experts: 128, topK: 8, width: 768 }),
  torchtitanQwen3("235B-A22B", 4096, 94, 64, 4, 12288, { experts: 128, topK: 8, width: 1536 }),
  torchtitanDeepseekV3("16B", 2048, 27, 16, 102400, { experts: 64, topK: 6, width: 1408 }),
  torchtitanDeepseekV3("236B", 5120, 60, 128, 102400, { experts: 160, topK: 6, width: 1536 }),
  torchtitanDeepseekV3("671B", 7168, 61, 128, 129280, { experts: 256, topK: 8, width: 2048 }),
  row("gpt-oss (torchtitan)", [torchtitanName("gpt_oss", "20b")], TORCHTITAN_GPT_OSS, { ...GPT_OSS, numLayers: 24, numExperts: 32 }),
  row("gpt-oss (torchtitan)", [torchtitanName("gpt_oss", "120b")], TORCHTITAN_GPT_OSS, { ...GPT_OSS, numLayers: 36, numExperts: 128 })
];
var MODEL_CATALOGUE = [...LITGPT_MODELS, ...OTHER_MODELS, ...TORCHTITAN_MODELS];
var REUPLOADS = [
  { alias: "casperhansen/llama-3-70b-fp16", of: "meta-llama/Meta-Llama-3-70B", usedIn: "axolotl-ai-cloud/axolotl examples/llama-3/qlora-fsdp-70b.yaml @ ba1be71d70582bc0abf67ad604abb6739567f504" }
];
var BY_NAME = /* @__PURE__ */ new Map();
for (const model of MODEL_CATALOGUE) {
  for (const name of model.names) {
    const key = name.toLowerCase();
    BY_NAME.set(key, model);
    const short = key.split("/").pop();
    if (!BY_NAME.has(short)) BY_NAME.set(short, model);
  }
}
for (const { alias, of } of REUPLOADS) {
  const model = BY_NAME.get(of.toLowerCase());
  if (model) BY_NAME.set(alias.toLowerCase(), model);
}
function findModel(name) {
  const parts = name.trim().replace(/[\\/]+$/, "").split(/[\\/]/).filter((part) => part !== "");
  if (parts.length === 0) return void 0;
  const last = parts[parts.length - 1].toLowerCase();
  const withOrg = parts.length > 1 ? `${parts[parts.length - 2].toLowerCase()}/${last}` : last;
  return BY_NAME.get(withOrg) ?? BY_NAME.get(last);
}
function sourceText(source) {
  return `${source.repo} ${source.path} @ ${source.commit.slice(0, 12)}`;
}

// server/src/core/formats/catalogue/tokenizers.ts
var NANOGPT_MODEL = { repo: "karpathy/nanoGPT", path: 'model.py (GPTConfig: "GPT-2 vocab_size of 50257")', commit: "3adf61e154c3fe3fca428ad6bc3818b27a3b8291" };
var BERT_BASE = { repo: "NVIDIA/DeepLearningExamples", path: "PyTorch/LanguageModeling/BERT/bert_configs/base.json", commit: "729963dd47e7c8bd462ad10bfac7a7b0b604e6dd" };
var TOKENIZER_TYPES = /* @__PURE__ */ new Map([
  ["gpt2bpetokenizer", { vocabSize: FRAMEWORK_DEFAULTS.nanogpt.pretrainedVocab, source: NANOGPT_MODEL, file: "GPT-2's BPE vocabulary (gpt2-vocab.json)" }],
  ["bertwordpiecelowercase", { vocabSize: 30522, source: BERT_BASE, file: "BERT's uncased WordPiece vocabulary (bert-large-uncased-vocab.txt)" }]
]);
function tokenizerTypeSize(type) {
  const known = TOKENIZER_TYPES.get(type.trim().toLowerCase());
  return known ? { vocabSize: known.vocabSize, source: `${type}: ${known.file}, ${known.vocabSize} tokens (${sourceText(known.source)})` } : void 0;
}
var HF_TOKENIZER_LENGTH_IS_EMBEDDING = /^(meta-llama\/(meta-)?llama-3|meta-llama\/llama-2|gpt2$|openai-community\/gpt2)/i;
function huggingFaceTokenizerSize(id) {
  const model = findModel(id);
  if (!model || model.paddedVocabSize === null || !HF_TOKENIZER_LENGTH_IS_EMBEDDING.test(model.names.find((name) => name.includes("/")) ?? model.name)) return void 0;
  return { vocabSize: model.paddedVocabSize, source: `the ${model.name} tokenizer, ${model.paddedVocabSize} tokens (${sourceText(model.source)})` };
}

// server/src/core/formats/fields.ts
var FIELD_LIMITS = {
  hiddenSize: { above: 1e6 },
  numLayers: { above: 1e5 },
  numHeads: { above: 1e5 },
  numKvHeads: { above: 1e5 },
  headDim: { above: 1e5 },
  ffnHiddenSize: { above: 1e7 },
  vocabSize: { above: 1e8 },
  paddedVocabSize: { above: 1e8 },
  vocabDivisor: { above: 1e6 },
  seqLength: { above: 1e8 },
  microBatchSize: { above: 1e6 },
  tensorParallel: { above: 1e5 },
  pipelineParallel: { above: 1e5, zeroMeansOff: true },
  numExperts: { above: 1e5, zeroMeansOff: true },
  expertsPerToken: { above: 1e5, zeroMeansOff: true },
  contextParallel: { above: 1e5 },
  expertParallel: { above: 1e5 },
  virtualStages: { above: 1e5 },
  globalBatchSize: { above: 1e8 },
  gpus: { above: 1e7 },
  gpusPerNode: { above: 1e3 }
};
var EntryIndex = class {
  constructor(document, normalise = (path) => path.join("."), reads) {
    this.document = document;
    for (const entry of document.entries) {
      const key = normalise(entry.path);
      if (key !== void 0 && (reads === void 0 || reads.has(key))) this.entries.set(key, entry);
    }
  }
  document;
  entries = /* @__PURE__ */ new Map();
  /** The entry of the first of `keys` the file has. */
  get(...keys) {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) return entry;
    }
    return void 0;
  }
  has(key) {
    return this.entries.has(key);
  }
  /** The keys the file has (of `reads`, when the reader named them). */
  keys() {
    return this.entries.keys();
  }
};
function numericValue(entry, untyped) {
  if (typeof entry.value === "number") return entry.value;
  if (untyped && typeof entry.value === "string" && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(entry.value)) {
    return Number(entry.value);
  }
  return void 0;
}
function located(entry) {
  const where = {
    key: entry.path[entry.path.length - 1],
    keySpan: entry.keySpan,
    valueSpan: entry.valueSpan
  };
  if (entry.usedAt) where.usedAt = entry.usedAt;
  if (entry.reference) where.reference = entry.reference;
  if (entry.literalUses) where.literalUses = entry.literalUses;
  return where;
}
function fieldFromEntry(entry, name, untyped) {
  if (entry.unresolved) return { value: null, origin: "unresolved", ...located(entry), note: entry.unresolved };
  const value = numericValue(entry, untyped);
  const text2 = entry.value === null ? "" : String(entry.value);
  if (value === void 0) {
    return { value: null, origin: "invalid", ...located(entry), invalidText: text2, note: `'${text2}' is not a number` };
  }
  const problem = sizeProblem(name, value);
  if (problem) return { value: null, origin: "invalid", ...located(entry), invalidText: text2, note: `${text2} ${problem}` };
  if (entry.computed) return { value, origin: "derived", ...located(entry), note: entry.computed };
  return { value, origin: "file", ...located(entry) };
}
function sizeProblem(name, value) {
  const limits = FIELD_LIMITS[name];
  if (!Number.isFinite(value)) return "is not a finite number";
  if (!Number.isInteger(value)) return "is not a whole number";
  if (value < 0 || value === 0 && !limits.zeroMeansOff) return "is not positive";
  if (value > limits.above) return "is implausibly large";
  return void 0;
}
function derivedSize(name, value, how, source) {
  const problem = sizeProblem(name, value);
  if (!problem) return { ...derivedField(value, how), ...source ? { usedAt: source.valueSpan } : {} };
  return { value: null, origin: "invalid", ...source ? located(source) : {}, invalidText: String(value), note: `${how} = ${value}, which ${problem}` };
}
function readField(index, name, keys, fallback) {
  const entry = index.get(...keys);
  if (entry && (entry.value !== null || entry.unresolved)) return fieldFromEntry(entry, name, index.document.syntax === "shell");
  const field = fallback();
  if (entry && field.origin !== "file" && !field.keySpan) return { ...field, ...located(entry) };
  return field;
}
function ownEntry(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}
function booleanValue(entry) {
  if (!entry || entry.unresolved) return void 0;
  if (typeof entry.value === "boolean") return entry.value;
  if (typeof entry.value === "number") return entry.value !== 0;
  if (typeof entry.value === "string") {
    if (/^(true|yes|on|1)$/i.test(entry.value)) return true;
    if (/^(false|no|off|0)$/i.test(entry.value)) return false;
  }
  return void 0;
}
function fieldAt(entry, value, note) {
  const field = { value, origin: entry.unresolved ? "unresolved" : "file", ...located(entry) };
  const why = entry.unresolved ?? note;
  if (why) field.note = why;
  return field;
}
function stringField(entry, fallback) {
  if (!entry || entry.value === null) return fallback;
  if (entry.unresolved) return { value: null, origin: "unresolved", ...located(entry), note: entry.unresolved };
  return { value: String(entry.value), origin: "file", ...located(entry) };
}
function gpusOfNodes(nodes, perNode, at, describe2, why) {
  const nodeCount = valueOf(nodes);
  const perNodeCount = valueOf(perNode);
  return nodeCount !== void 0 && perNodeCount !== void 0 ? { ...at, value: nodeCount * perNodeCount, origin: "derived", note: describe2(nodeCount, perNodeCount) } : unknownField(why);
}
function valueOf(field) {
  return field.value ?? void 0;
}
function derivedHeadDim(hidden, heads) {
  const h = valueOf(hidden);
  const a = valueOf(heads);
  if (h === void 0 || a === void 0) return derivedField(null, "hidden size / heads (one of them is unknown)");
  if (h % a !== 0) return derivedField(null, `hidden size ${h} / heads ${a} is not a whole number`);
  return derivedField(h / a, `hidden size ${h} / heads ${a}`);
}
function latentAttentionHeadDim(noPosition, rotary, names) {
  const parts = [noPosition, rotary].map((entry) => typeof entry?.value === "number" && !entry.unresolved ? entry.value : Number(entry?.value));
  if (!noPosition || !rotary || parts.some((part) => !Number.isInteger(part) || part <= 0)) return null;
  return derivedField(parts[0] + parts[1], `multi-latent attention: query-key head dim = ${names} = ${parts[0]} + ${parts[1]}`);
}
function paddedVocabByDivisor(vocab, divisor, tensorParallel, framework) {
  const v = valueOf(vocab);
  const d = valueOf(divisor);
  const t = valueOf(tensorParallel) ?? 1;
  if (v === void 0) return derivedField(null, `${framework} pads the tokenizer's vocabulary, which this file does not give`);
  if (d === void 0) return derivedField(null, `${framework} pads to a multiple of the divisor, which is unknown`);
  return derivedField(roundUpToMultiple(v, d * t), `${framework} pads ${v} up to a multiple of ${d} \xD7 TP ${t} = ${d * t}`);
}
function completeShape(format2, fields, rest) {
  const numeric = {};
  for (const name of NUMERIC_FIELDS) numeric[name] = fields[name] ?? unknownField(`not given by this ${format2} file`);
  const unknownDropout = () => unknownField(`not given by this ${format2} file, and no framework default shapelint can cite`);
  const recompute = unknownField(`not given by this ${format2} file, and no framework default shapelint can cite`);
  const dtype = unknownField(`not given by this ${format2} file`);
  const notGiven = () => unknownField(`not given by this ${format2} file`);
  return { format: format2, attentionDropout: unknownDropout(), hiddenDropout: unknownDropout(), recompute, dtype, sequenceParallel: notGiven(), sharding: notGiven(), ...rest, ...numeric };
}
function readChoice(index, keys, read, fallback) {
  const entry = index.get(...keys);
  if (!entry || entry.value === null && !entry.unresolved) return fallback();
  if (entry.unresolved) return { value: null, origin: "unresolved", ...located(entry), note: entry.unresolved };
  const value = read(entry);
  if (value === null) return { value: null, origin: "unknown", ...located(entry), note: `${String(entry.value)}: not a choice shapelint models` };
  return { value, origin: "file", ...located(entry) };
}
function readDropout(index, keys, fallback) {
  const entry = index.get(...keys);
  if (!entry || entry.value === null && !entry.unresolved) return fallback();
  if (entry.unresolved) return { value: null, origin: "unresolved", ...located(entry), note: entry.unresolved };
  const value = numericValue(entry, index.document.syntax === "shell");
  if (value === void 0 || value < 0 || value >= 1) {
    const text2 = entry.value === null ? "" : String(entry.value);
    return { value: null, origin: "invalid", ...located(entry), invalidText: text2, note: `'${text2}' is not a dropout probability (0 to 1)` };
  }
  return { value, origin: "file", ...located(entry) };
}
function noDropout(framework, source) {
  const field = defaultField(0, `${framework} has no dropout in its model (${source})`);
  return { attentionDropout: field, hiddenDropout: field };
}
function transformersAttention(value) {
  if (value === "sdpa") return "sdpa";
  if (value === "eager") return "unfused";
  if (typeof value === "string" && value.startsWith("flash_attention")) return "flash";
  return null;
}
function precisionSwitch(index, switches) {
  for (const [key, dtype] of switches) {
    const entry = index.get(key);
    if (entry && booleanValue(entry) === true) return fieldAt(entry, dtype);
  }
  return null;
}
var ZERO_STAGES = { "0": "none", "1": "zero-1", "2": "zero-2", "3": "zero-3" };
var FSDP_SHARDING_STRATEGIES = { FULL_SHARD: "fsdp", HYBRID_SHARD: "fsdp", SHARD_GRAD_OP: "zero-2", NO_SHARD: "none" };
function checkpointingMode(on) {
  return on === void 0 ? null : on ? "full" : "none";
}
var GATED_ACTIVATIONS = /* @__PURE__ */ new Set(["swiglu", "geglu", "reglu", "bilinear", "glu", "fast-swiglu", "fast-geglu", "fast-reglu", "silu_glu"]);
function isGatedActivation(name) {
  return name !== null && name !== void 0 && GATED_ACTIVATIONS.has(name.toLowerCase());
}
function catalogueSummary(model) {
  const kv = model.numKvHeads === model.numHeads ? "" : ` (${model.numKvHeads} key/value)`;
  const moe = model.numExperts > 1 ? `, ${model.numExperts} experts (top-${model.expertsPerToken}) of MLP ${model.ffnHiddenSize}` : `, MLP ${model.ffnHiddenSize}`;
  const vocab = model.vocabSize === null && model.paddedVocabSize === null ? "" : `, vocabulary ${model.vocabSize ?? "?"}${model.paddedVocabSize !== null && model.paddedVocabSize !== model.vocabSize ? ` (embedding ${model.paddedVocabSize})` : ""}`;
  const where = model.cachedAt ? "from your local Hugging Face cache" : "from the model catalogue";
  return `${model.name} ${where}: hidden ${model.hiddenSize}, ${model.numLayers} layers, ${model.numHeads} heads${kv}, head dim ${model.headDim}${moe} (${model.activation})${vocab}; source ${sourceText(model.source)}`;
}
function catalogueFields(model, entry) {
  const note = catalogueSummary(model);
  const values = {
    hiddenSize: model.hiddenSize,
    numLayers: model.numLayers,
    numHeads: model.numHeads,
    numKvHeads: model.numKvHeads,
    headDim: model.headDim,
    ffnHiddenSize: model.ffnHiddenSize,
    vocabSize: model.vocabSize,
    paddedVocabSize: model.paddedVocabSize,
    seqLength: model.seqLength,
    numExperts: model.numExperts,
    expertsPerToken: model.expertsPerToken
  };
  const fields = {};
  for (const [name, value] of Object.entries(values)) {
    const label = model.cachedAt ? "local Hugging Face cache" : "model catalogue";
    fields[name] = { ...catalogueField(value, note), key: `${FIELD_LABELS[name]} of ${model.name} (${label})`, keySpan: entry.keySpan, valueSpan: entry.valueSpan };
  }
  return fields;
}
function catalogueActivation(model, entry) {
  return { ...fieldAt(entry, model.activation), origin: "catalogue" };
}
function catalogueModelAt(entry) {
  if (!entry || entry.unresolved || typeof entry.value !== "string") return void 0;
  const model = findModel(entry.value);
  return model ? { model, entry } : void 0;
}
function tokenizerVocab(type, model) {
  for (const [entry, size] of [
    [type, typeof type?.value === "string" && !type.unresolved ? tokenizerTypeSize(type.value) : void 0],
    [model, typeof model?.value === "string" && !model.unresolved ? huggingFaceTokenizerSize(model.value) : void 0],
    [type, typeof type?.value === "string" && !type.unresolved ? huggingFaceTokenizerSize(type.value) : void 0]
  ]) {
    if (entry && size) return { ...catalogueField(size.vocabSize, `vocabulary of ${size.source}`), key: `vocabulary of ${String(entry.value)} (tokenizer catalogue)`, keySpan: entry.keySpan, valueSpan: entry.valueSpan };
  }
  return void 0;
}
function checkpointSetting(index, keys, spell = (key) => key) {
  for (const key of keys) {
    const entry = index.get(key);
    if (!entry || entry.value === null || entry.value === false || entry.value === "") continue;
    return entry.value === true ? spell(key) : `${spell(key)} ${String(entry.value)}`;
  }
  return void 0;
}
function stageLayerCount(entry, untyped) {
  if (!entry || entry.value === null && !entry.unresolved) return void 0;
  const value = entry.unresolved ? void 0 : numericValue(entry, untyped);
  return value !== void 0 && Number.isInteger(value) && value > 0 ? value : "unreadable";
}
var MEGATRON_CORE_SPLIT_CHECK = "Megatron-Core's TransformerConfig.__post_init__ raises ValueError (NVIDIA/Megatron-LM megatron/core/transformer/transformer_config.py @ 002526d81b81)";
function megatronCorePipelineSplit({ embedding, loss, stages }) {
  const unreadable = stages.find((stage) => stage.layers === "unreadable");
  if (unreadable) return { extraLayers: 0, uneven: true, note: `${unreadable.key} sets the split` };
  const [first, last] = stages.map((stage) => typeof stage.layers === "number" ? stage.layers : void 0);
  if (first !== void 0 || last !== void 0) {
    const note = stages.flatMap((stage) => typeof stage.layers === "number" ? [`${stage.key} ${stage.layers}`] : []).join(", ");
    return { extraLayers: 0, uneven: true, firstStageLayers: first, lastStageLayers: last, refusedBy: MEGATRON_CORE_SPLIT_CHECK, note };
  }
  const counted = [[embedding, "embedding"], [loss, "loss"]].flatMap(([key, what]) => key === void 0 ? [] : [`${key} counts the ${what} as a layer`]);
  return counted.length > 0 ? { extraLayers: counted.length, uneven: false, refusedBy: MEGATRON_CORE_SPLIT_CHECK, note: counted.join("; ") } : void 0;
}

// server/src/core/formats/sniff.ts
var SNIFF_CHARS = 64 * 1024;
function sniffHead(text2) {
  return text2.length > SNIFF_CHARS ? text2.slice(0, SNIFF_CHARS) : text2;
}
function extensionOf(fileName) {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}
function baseNameOf(fileName) {
  return (fileName.split(/[\\/]/).pop() ?? "").toLowerCase();
}
var YAML_EXTENSIONS = /* @__PURE__ */ new Set(["yaml", "yml"]);
function escape(key) {
  return key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function countKeys(head, keys) {
  return keys.filter((key) => head.includes(key) && new RegExp(`(^|[{,])[ \\t]*["']?${escape(key)}["']?[ \\t]*:`, "m").test(head)).length;
}
function hasTopLevelKey(head, key) {
  return head.includes(key) && new RegExp(`^["']?${escape(key)}["']?[ \\t]*:`, "m").test(head);
}
function countFlags(head, flags) {
  return flags.filter((flag) => head.includes(flag) && new RegExp(`(^|[\\s"'(])${escape(flag)}(?=[\\s="':]|$)`, "m").test(head)).length;
}
function presentNames(head, names) {
  const underscored = head.replace(/-/g, "_");
  const hasKey = (name) => [head, underscored].some((text2) => countKeys(text2, [name]) > 0 || new RegExp(`^${escape(name)}[ \\t]*=`, "m").test(text2));
  return names.filter((name) => name.startsWith("--") ? countFlags(head, [name]) > 0 : hasKey(name));
}
function firstSignificantChar(head) {
  return head.charAt(firstSignificantOffset(head));
}

// server/src/core/formats/hf.ts
var KEYS = {
  hiddenSize: ["hidden_size", "n_embd", "d_model", "n_embed"],
  numHeads: ["num_attention_heads", "n_head", "n_heads", "num_heads", "decoder_attention_heads"],
  numLayers: ["num_hidden_layers", "n_layer", "num_layers", "n_layers", "decoder_layers"],
  ffnHiddenSize: ["intermediate_size", "n_inner", "ffn_dim", "d_ff", "ffn_hidden_size", "ffn_config.ffn_hidden_size", "decoder_ffn_dim"],
  numKvHeads: ["num_key_value_heads", "num_kv_heads", "attn_config.kv_n_heads", "n_head_kv"],
  headDim: ["head_dim", "d_kv"],
  vocabSize: ["vocab_size"],
  seqLength: ["max_position_embeddings", "n_positions", "max_seq_len", "max_sequence_length", "seq_length", "n_ctx"],
  numExperts: ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts", "ffn_config.moe_num_experts"],
  expertsPerToken: ["num_experts_per_tok", "moe_top_k", "ffn_config.moe_top_k"],
  moeFfn: ["moe_intermediate_size"],
  activation: ["hidden_act", "activation_function", "hidden_activation", "feed_forward_proj", "ffn_config.ffn_act_fn.name"],
  attentionDropout: ["attention_dropout", "attn_pdrop", "attention_probs_dropout_prob", "attn_config.attn_pdrop"],
  /** GPT-NeoX/Falcon `hidden_dropout`, GPT-2 `resid_pdrop`, BERT `hidden_dropout_prob`, OPT/BART `dropout`. */
  hiddenDropout: ["hidden_dropout", "resid_pdrop", "hidden_dropout_prob", "dropout"]
};
var GATED_FAMILY = /llama|mistral|mixtral|qwen|gemma|phi3|phi-3|deepseek|olmo|minicpm|internlm|baichuan|cohere|granite|dbrx|exaone|chatglm|glm4|yi-|^yi$/i;
var DETECTION_KEYS = [...KEYS.hiddenSize, ...KEYS.numHeads, ...KEYS.numLayers, "vocab_size", "intermediate_size"];
var FOREIGN_KEYS = ["inter_size", "layer_num", "head_num", "head_num_kv", "size_per_head", "inter_dim", "moe_inter_dim", "dim", "multiple_of"];
var hfReader = {
  id: "hf",
  label: "Hugging Face config.json",
  evidence: ["model_type", "architectures", ...DETECTION_KEYS],
  detect(fileName, text2) {
    if (extensionOf(fileName) !== "json") return 0;
    const head = sniffHead(text2);
    if (countKeys(head, FOREIGN_KEYS) > 0 && !/"(model_type|architectures)"\s*:/.test(head)) return 0;
    const named = /config/.test(baseNameOf(fileName)) ? 0.05 : 0;
    const shapeKeys = countKeys(head, DETECTION_KEYS);
    if (/"(model_type|architectures)"\s*:/.test(head) && shapeKeys >= 1) return 0.9 + named;
    const complete = [KEYS.hiddenSize, KEYS.numHeads, KEYS.numLayers].every((group) => countKeys(head, group) > 0);
    return complete ? 0.7 + named : 0;
  },
  parse: parseJson,
  read(document) {
    const index = new EntryIndex(document);
    const nested = [...index.keys()].some((key) => key.startsWith("text_config."));
    const keys = (names) => nested ? [...names.map((name) => `text_config.${name}`), ...names] : [...names];
    const familyText = [index.get(...keys(["model_type"])), ...document.entries.filter((entry) => entry.path[0] === "architectures")].map((entry) => entry && typeof entry.value === "string" ? entry.value : "").join(" ");
    const hiddenSize = readField(index, "hiddenSize", keys(KEYS.hiddenSize), () => unknownField("no hidden size in this config"));
    const numHeads = readField(index, "numHeads", keys(KEYS.numHeads), () => unknownField("no head count in this config"));
    const numLayers = readField(index, "numLayers", keys(KEYS.numLayers), () => unknownField("no layer count in this config"));
    const numExperts = readField(index, "numExperts", keys(KEYS.numExperts), () => defaultField(1, "dense model (no experts)"));
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const expertsPerToken = readField(
      index,
      "expertsPerToken",
      keys(KEYS.expertsPerToken),
      () => moe ? unknownField("experts per token not given") : defaultField(1, "dense model (no experts)")
    );
    const activation = stringField(index.get(...keys(KEYS.activation)), unknownField("no activation in this config"));
    const ffnKeys = moe && index.get(...keys(KEYS.moeFfn)) ? KEYS.moeFfn : KEYS.ffnHiddenSize;
    const ffnHiddenSize = readField(index, "ffnHiddenSize", keys(ffnKeys), () => defaultFfn(index, keys, hiddenSize));
    const numKvHeads = readField(index, "numKvHeads", keys(KEYS.numKvHeads), () => defaultKvHeads(index, numHeads));
    const headDim = readField(
      index,
      "headDim",
      keys(KEYS.headDim),
      () => latentAttentionHeadDim(index.get(...keys(["qk_nope_head_dim"])), index.get(...keys(["qk_rope_head_dim"])), "qk_nope_head_dim + qk_rope_head_dim") ?? derivedHeadDim(hiddenSize, numHeads)
    );
    const vocabSize = readField(index, "vocabSize", keys(KEYS.vocabSize), () => unknownField("no vocab_size in this config"));
    const gatedMlp = GATED_FAMILY.test(familyText) || /^gated-/.test(activation.value ?? "") || /^(silu|swish)$/.test(activation.value ?? "") && index.get(...keys(["intermediate_size"])) !== void 0;
    const modelType = index.get(...keys(["model_type"]))?.value;
    const familyDropout = typeof modelType === "string" ? ownEntry(FRAMEWORK_DEFAULTS.hf.dropoutByModelType, modelType) : void 0;
    const dropoutDefault = (which) => () => familyDropout ? defaultField(familyDropout[which], `${String(modelType)} config default ${familyDropout[which]} (${familyDropout.source})`) : unknownField(`no ${which} dropout in this config, and no default shapelint can cite for model_type ${String(modelType ?? "(none)")}`);
    return completeShape(
      "hf",
      {
        hiddenSize,
        numLayers,
        numHeads,
        numKvHeads,
        headDim,
        ffnHiddenSize,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, "Hugging Face does not pad: the embedding has vocab_size rows"),
        vocabDivisor: defaultField(null, "Hugging Face does not pad the vocabulary"),
        seqLength: readField(index, "seqLength", keys(KEYS.seqLength), () => unknownField("no maximum sequence length in this config")),
        microBatchSize: unknownField("set by the trainer, not by a model config"),
        tensorParallel: unknownField("set by the launcher, not by a model config"),
        pipelineParallel: unknownField("set by the launcher, not by a model config"),
        numExperts,
        expertsPerToken
      },
      {
        activation,
        gatedMlp,
        attentionKernel: readChoice(
          index,
          keys(["_attn_implementation", "attn_implementation"]),
          (entry) => transformersAttention(entry.value),
          () => defaultField(LAUNCH_DEFAULTS.hf.attention, `${LAUNCH_DEFAULTS.hf.attentionSource}; this file does not set attn_implementation`)
        ),
        recompute: readChoice(
          index,
          keys(["gradient_checkpointing"]),
          (entry) => checkpointingMode(booleanValue(entry)),
          () => defaultField(LAUNCH_DEFAULTS.hf.recompute, LAUNCH_DEFAULTS.hf.recomputeSource)
        ),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: readDropout(index, keys(KEYS.attentionDropout), dropoutDefault("attention")),
        hiddenDropout: readDropout(index, keys(KEYS.hiddenDropout), dropoutDefault("hidden"))
      }
    );
  }
};
function defaultFfn(index, keys, hiddenSize) {
  const h = valueOf(hiddenSize);
  const ratio = index.get(...keys(["expansion_ratio"]));
  if (typeof ratio?.value === "number" && h !== void 0) {
    return { ...derivedField(ratio.value * h, `MPT expansion_ratio ${ratio.value} \xD7 hidden size ${h}`), usedAt: ratio.valueSpan };
  }
  return defaultField(h === void 0 ? null : DEFAULT_MLP_EXPANSION * h, `Hugging Face default: ${DEFAULT_MLP_EXPANSION} \xD7 hidden size (n_inner: null)`);
}
function defaultKvHeads(index, numHeads) {
  const multiQuery = index.get("multi_query");
  const newArchitecture = booleanValue(index.get("new_decoder_architecture"));
  if (booleanValue(multiQuery) && !newArchitecture && multiQuery) {
    return { value: 1, origin: "file", key: "multi_query", keySpan: multiQuery.keySpan, valueSpan: multiQuery.valueSpan, note: "Falcon multi_query: one key/value head" };
  }
  return defaultField(numHeads.value, "defaults to the head count (no grouped-query attention)");
}

// server/src/core/formats/hub-models.ts
var HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
function namedModel(entry, context, revision) {
  const catalogued = catalogueModelAt(entry);
  const wanted = typeof revision?.value === "string" && !revision.unresolved ? revision.value : void 0;
  if (catalogued && wanted === void 0) return catalogued;
  const cached = entry && context?.hubConfig ? cachedModel(entry, context.hubConfig, wanted) : void 0;
  return cached ?? catalogued;
}
function cachedModel(entry, lookup, revision) {
  if (entry.unresolved || typeof entry.value !== "string" || !HUB_ID.test(entry.value) || entry.value.includes("..")) return void 0;
  const id = entry.value;
  const found = lookup(id, revision);
  if (!found) return void 0;
  const shape = hfReader.read(hfReader.parse(found.text));
  const model = modelFromShape(id, shape, found);
  return model ? { model, entry } : void 0;
}
function modelFromShape(id, shape, found) {
  const hiddenSize = shape.hiddenSize.value;
  const numLayers = shape.numLayers.value;
  const numHeads = shape.numHeads.value;
  if (hiddenSize === null || numLayers === null || numHeads === null) return void 0;
  return {
    name: id,
    family: "local Hugging Face cache",
    names: [id],
    hiddenSize,
    numLayers,
    numHeads,
    numKvHeads: shape.numKvHeads.value ?? numHeads,
    headDim: shape.headDim.value ?? hiddenSize / numHeads,
    ffnHiddenSize: shape.ffnHiddenSize.value ?? 4 * hiddenSize,
    vocabSize: shape.vocabSize.value,
    paddedVocabSize: shape.paddedVocabSize.value ?? shape.vocabSize.value,
    seqLength: shape.seqLength.value,
    numExperts: shape.numExperts.value ?? 1,
    expertsPerToken: shape.expertsPerToken.value ?? 1,
    activation: shape.activation.value ?? "unknown",
    gatedMlp: shape.gatedMlp,
    source: { repo: id, path: found.path, commit: found.revision },
    cachedAt: found.path
  };
}

// server/src/core/formats/axolotl.ts
var LAUNCH = LAUNCH_DEFAULTS.axolotl;
var AXOLOTL_KEYS = ["sequence_len", "micro_batch_size", "adapter", "datasets", "gradient_accumulation_steps", "lora_r", "sample_packing", "num_epochs"];
function llamaDropout(model) {
  const llama = FRAMEWORK_DEFAULTS.hf.dropoutByModelType.llama;
  return {
    attentionDropout: defaultField(llama.attention, `${model} runs as a Hugging Face Llama: ${llama.source}`),
    hiddenDropout: defaultField(llama.hidden, `${model} runs as a Hugging Face Llama: ${llama.source}`)
  };
}
function launcherTensorParallel(entry) {
  if (!entry || entry.value === false || entry.value === null) return defaultField(1, "no tensor_parallel_size: 1");
  return { ...fieldAt(entry, null), origin: "unknown", note: `${entry.path.join(".")} ${String(entry.value)}: the degree is chosen at launch from the GPUs found` };
}
function tensorParallelSize(index) {
  const size = index.get("tensor_parallel_size");
  if (size?.value === "auto") return launcherTensorParallel(size);
  return readField(index, "tensorParallel", ["tensor_parallel_size"], () => launcherTensorParallel(index.get("tensor_parallel")));
}
var MODEL_CONFIG_OVERRIDES = [
  ["hiddenSize", "hidden_size"],
  ["numLayers", "num_hidden_layers"],
  ["numHeads", "num_attention_heads"],
  ["numKvHeads", "num_key_value_heads"],
  ["headDim", "head_dim"],
  ["ffnHiddenSize", "intermediate_size"],
  ["vocabSize", "vocab_size"],
  ["numExperts", "num_local_experts"],
  ["expertsPerToken", "num_experts_per_tok"]
];
function modelConfigOverrides(index, model) {
  const overridden = {};
  for (const [name, key] of MODEL_CONFIG_OVERRIDES) {
    const keys = [`model_config.${key}`, `overrides_of_model_config.${key}`];
    if (keys.some((path) => index.get(path)?.value !== void 0 && index.get(path)?.value !== null)) overridden[name] = readField(index, name, keys, () => model[name] ?? unknownField());
  }
  return overridden;
}
var axolotlReader = {
  id: "axolotl",
  label: "Axolotl YAML",
  evidence: ["base_model", ...AXOLOTL_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    return hasTopLevelKey(head, "base_model") && countKeys(head, AXOLOTL_KEYS) >= 2 ? 0.9 : 0;
  },
  parse: (text2) => parseYaml(text2, "pyyaml"),
  read(document, context) {
    const index = new EntryIndex(document);
    const base = index.get("base_model");
    const named = namedModel(base, context, index.get("revision_of_model") ?? index.get("model_revision"));
    const notCatalogued = () => unknownField(base && typeof base.value === "string" ? `the shape is base_model ${base.value}'s, which is not in the model catalogue or in your local Hugging Face cache` : "no base_model");
    const catalogued = named ? catalogueFields(named.model, named.entry) : {};
    const overrides = modelConfigOverrides(index, catalogued);
    const model = { ...catalogued, ...overrides };
    const adapter = adapterOf(index);
    const sharding = axolotlSharding(index);
    const shape = completeShape(
      "axolotl",
      {
        ...model,
        hiddenSize: model.hiddenSize ?? notCatalogued(),
        seqLength: readField(index, "seqLength", ["sequence_len"], () => defaultField(LAUNCH.sequenceLength, LAUNCH.sequenceLengthSource)),
        microBatchSize: readField(index, "microBatchSize", ["micro_batch_size"], () => unknownField("no micro_batch_size in this file")),
        vocabDivisor: defaultField(null, "Axolotl keeps the checkpoint's embedding"),
        vocabSize: overrides.vocabSize ?? tokenizerVocab(void 0, index.get("tokenizer_config") ?? base) ?? model.vocabSize ?? notCatalogued(),
        tensorParallel: tensorParallelSize(index),
        pipelineParallel: defaultField(1, "Axolotl has no pipeline parallelism"),
        // Ring attention splits each sequence over this many GPUs (docs/multi-gpu.qmd; renamed context_parallel_size).
        contextParallel: readField(index, "contextParallel", ["context_parallel_size", "sequence_parallel_degree"], () => defaultField(1, "no sequence_parallel_degree: 1")),
        globalBatchSize: unknownField("micro_batch_size \xD7 gradient_accumulation_steps \xD7 the data-parallel ranks, which the launcher decides")
      },
      {
        activation: named ? catalogueActivation(named.model, named.entry) : unknownField("the activation is base_model's"),
        gatedMlp: named?.model.gatedMlp ?? false,
        attentionKernel: axolotlAttention(index),
        recompute: readChoice(index, ["gradient_checkpointing"], checkpointingOf, () => defaultField(LAUNCH.recompute, LAUNCH.recomputeSource)),
        dtype: axolotlDtype(index),
        sharding: adapter ? { ...sharding.field, note: [sharding.field.note, "full fine-tune memory not modelled for LoRA"].filter(Boolean).join("; ") } : sharding.field,
        kvHeadsMayDivideTensorParallel: false,
        ...named && /^Llama\b/.test(named.model.family) ? llamaDropout(named.model.name) : {}
      }
    );
    const loads = base && typeof base.value === "string" ? { loadsCheckpoint: `base_model ${base.value}` } : {};
    const memoryNotModelled = adapter ?? sharding.offload;
    return { ...shape, ...named ? { catalogueModel: named.model.name } : {}, ...loads, ...memoryNotModelled ? { memoryNotModelled } : {} };
  }
};
function checkpointingOf(entry) {
  return entry.value === "offload" || entry.value === "unsloth" ? "full" : checkpointingMode(booleanValue(entry));
}
function adapterOf(index) {
  const adapter = index.get("adapter");
  const quantized = ["load_in_4bit", "load_in_8bit"].find((key) => booleanValue(index.get(key)) === true);
  if (!(adapter && typeof adapter.value === "string" && adapter.value !== "") && !quantized) return void 0;
  const what = [adapter && typeof adapter.value === "string" && adapter.value !== "" ? `adapter ${adapter.value}` : "", quantized ?? ""].filter(Boolean).join(", ");
  return `${what}: full fine-tune memory not modelled for LoRA; the run model counts gradients and optimizer states for every weight`;
}
function axolotlDtype(index) {
  const fp16 = index.get("fp16");
  if (fp16 && booleanValue(fp16) === true) return fieldAt(fp16, "fp16");
  const bf16 = index.get("bf16");
  if (bf16?.unresolved) return fieldAt(bf16, null);
  if (!bf16 || bf16.value === null) return defaultField("bf16", LAUNCH.bf16Source);
  if (bf16.value === "auto") return fieldAt(bf16, "bf16", LAUNCH.bf16Source);
  return booleanValue(bf16) === true ? fieldAt(bf16, "bf16") : { ...fieldAt(bf16, null), origin: "unknown", note: "bf16 false and no fp16: FP32 training, which is not modelled" };
}
var SHIPPED_DEEPSPEED = /(?:^|[/\\])zero([123])(?:_[a-z0-9_]+)?\.json$/i;
function axolotlSharding(index) {
  const deepspeed = index.get("deepspeed");
  const inlineStage = index.get("deepspeed.zero_optimization.stage");
  if (inlineStage) return { field: readChoice(index, ["deepspeed.zero_optimization.stage"], (entry) => ZERO_STAGES[String(entry.value)] ?? null, () => unknownField()) };
  if (deepspeed?.unresolved) return { field: fieldAt(deepspeed, null) };
  if (deepspeed && typeof deepspeed.value === "string" && deepspeed.value !== "") {
    const stage = SHIPPED_DEEPSPEED.exec(deepspeed.value)?.[1];
    if (!stage) return { field: { ...fieldAt(deepspeed, null), origin: "unknown", note: `deepspeed ${deepspeed.value}: not one of Axolotl's shipped configs, and shapelint does not read other files` } };
    const offload2 = /cpuoffload/i.test(deepspeed.value) ? `deepspeed ${deepspeed.value} offloads to CPU memory: the run model's memory per GPU is an upper bound` : void 0;
    return { field: fieldAt(deepspeed, `zero-${stage}`, `DeepSpeed ZeRO stage ${stage}, from the name of Axolotl's shipped config`), offload: offload2 };
  }
  const strategy = index.get("fsdp_config.fsdp_sharding_strategy", "fsdp_config.sharding_strategy");
  const offloadParams = index.get("fsdp_config.fsdp_offload_params", "fsdp_config.offload_params");
  const fsdpList = index.document.entries.filter((entry) => entry.path[0] === "fsdp" && typeof entry.value === "string").map((entry) => String(entry.value));
  const offload = offloadParams && booleanValue(offloadParams) === true || fsdpList.includes("offload") ? "FSDP offloads parameters to CPU memory: the run model's memory per GPU is an upper bound" : void 0;
  if (strategy && strategy.value !== null) return { field: readChoice(index, ["fsdp_config.fsdp_sharding_strategy", "fsdp_config.sharding_strategy"], (entry) => FSDP_SHARDING_STRATEGIES[String(entry.value).toUpperCase()] ?? null, () => unknownField()), offload };
  const reshard = index.get("fsdp_config.reshard_after_forward");
  if (reshard && booleanValue(reshard) !== void 0) return { field: fieldAt(reshard, booleanValue(reshard) ? "fsdp" : "zero-2"), offload };
  const listed = index.document.entries.find((entry) => entry.path[0] === "fsdp" && (entry.value === "full_shard" || entry.value === "shard_grad_op"));
  if (listed) return { field: fieldAt(listed, listed.value === "full_shard" ? "fsdp" : "zero-2"), offload };
  const enabled = index.document.entries.find((entry) => entry.path[0] === "fsdp" && entry.path.length > 1 && entry.value !== null) ?? index.get("fsdp_version");
  if (enabled && enabled.value !== null) return { field: fieldAt(enabled, "fsdp", LAUNCH.fsdpStrategySource), offload };
  return { field: defaultField("none", LAUNCH.shardingSource) };
}
function axolotlAttention(index) {
  const switches = [["flash_attention", "flash"], ["sdp_attention", "sdpa"], ["xformers_attention", "flash"], ["eager_attention", "unfused"]];
  for (const [key, implementation] of switches) {
    const entry = index.get(key);
    if (entry?.unresolved) return fieldAt(entry, null);
    if (entry && booleanValue(entry) === true) return fieldAt(entry, implementation, key === "xformers_attention" ? "xformers memory-efficient attention, modelled as FlashAttention" : void 0);
  }
  return defaultField(LAUNCH.attention, LAUNCH.attentionSource);
}

// server/src/core/parse/shell-arithmetic.ts
var TOKEN = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)|\$\{([A-Za-z_]\w*)\}|\$?([A-Za-z_]\w*)|([-+*/%()]))/y;
function evaluateArithmetic(expression, valueOf2) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match) return { unresolved: `$((${expression})) uses arithmetic shapelint does not evaluate` };
    const [, number, braced, name, operator] = match;
    if (number !== void 0) tokens.push({ number: Number(number), text: number });
    else if (operator !== void 0) tokens.push({ operator });
    else {
      const looked = valueOf2(braced ?? name);
      if ("unresolved" in looked) return looked;
      if (!/^\s*-?\d+\s*$/.test(looked.value)) return { unresolved: `$${braced ?? name} in $((${expression})) is not an integer` };
      tokens.push({ number: Number(looked.value), text: looked.value.trim() });
    }
  }
  const parser = new Parser2(tokens);
  const value = parser.expression();
  if (value === void 0 || !parser.done()) return { unresolved: `$((${expression})) is not arithmetic shapelint evaluates` };
  if (!Number.isSafeInteger(value)) return { unresolved: `$((${expression})) divides by zero or overflows` };
  return { value, shown: tokens.map((token) => "operator" in token ? token.operator : token.text).join("") };
}
var Parser2 = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  at = 0;
  done() {
    return this.at === this.tokens.length;
  }
  expression() {
    let left = this.term();
    while (left !== void 0 && this.peek("+", "-")) {
      const operator = this.take();
      const right = this.term();
      if (right === void 0) return void 0;
      left = operator === "+" ? left + right : left - right;
    }
    return left;
  }
  term() {
    let left = this.unary();
    while (left !== void 0 && this.peek("*", "/", "%")) {
      const operator = this.take();
      const right = this.unary();
      if (right === void 0) return void 0;
      if (operator !== "*" && right === 0) return NaN;
      left = operator === "*" ? left * right : operator === "/" ? Math.trunc(left / right) : left % right;
    }
    return left;
  }
  unary() {
    if (this.peek("-", "+")) {
      const operator = this.take();
      const operand = this.unary();
      return operand === void 0 ? void 0 : operator === "-" ? -operand : operand;
    }
    const token = this.tokens[this.at];
    if (token === void 0) return void 0;
    this.at++;
    if ("number" in token) return token.number;
    if (token.operator !== "(") return void 0;
    const inner = this.expression();
    if (inner === void 0 || !this.peek(")")) return void 0;
    this.at++;
    return inner;
  }
  peek(...operators) {
    const token = this.tokens[this.at];
    return token !== void 0 && "operator" in token && operators.includes(token.operator);
  }
  take() {
    const token = this.tokens[this.at++];
    return "operator" in token ? token.operator : "";
  }
};

// server/src/core/parse/shell-scanner.ts
function scanShell(text2) {
  return new Scanner(text2);
}
var MAX_EXPANSION_DEPTH = 64;
var SEPARATOR = Object.freeze({ type: "separator" });
var CASE_END = Object.freeze({ type: "caseEnd" });
var OPEN = Object.freeze({ type: "open" });
var CLOSE = Object.freeze({ type: "close" });
var charTable = (chars) => {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
};
var SPACES = " 	\n\r\v\f";
var ENDS_PLAIN_TEXT = charTable(`${SPACES}"'\\$\`;&|<>()`);
var ENDS_DOUBLE_QUOTED_TEXT = charTable(`${SPACES}"\\$\``);
var ENDS_SINGLE_QUOTED_TEXT = charTable(`${SPACES}'`);
var SPACE_TABLE = charTable(SPACES);
function stops(table, code) {
  return code < 128 ? table[code] === 1 : /\s/.test(String.fromCharCode(code));
}
function isSpace(code) {
  return stops(SPACE_TABLE, code);
}
var SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
var VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
var MAX_VARIABLE_NAME = 199;
function appended(list, item) {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}
var Scanner = class {
  constructor(text2) {
    this.text = text2;
    this.limit = text2.length;
  }
  text;
  errors = [];
  /** Tokens scanned and not yet handed out: the interpreter reads as the scanner goes, so a big script is never held as tokens. */
  pending = [];
  /** How many of `pending` are queued, and how many of those handed out (the array keeps its storage between steps). */
  queued = 0;
  handedOut = 0;
  finished = false;
  fields = [];
  field = [];
  wordStart = -1;
  pendingHeredocs = [];
  i = 0;
  /** How many `${...:-word}` operands the current piece is inside. */
  expansionDepth = 0;
  /** Where the current piece must stop: the end of the text, or of a `${...}` operand. */
  limit;
  next() {
    while (this.handedOut === this.queued) {
      this.queued = 0;
      this.handedOut = 0;
      if (this.finished) return void 0;
      this.step();
    }
    return this.pending[this.handedOut++];
  }
  /** Reads one character's worth (a blank, an operator, a word piece), queueing the tokens it ends. */
  step() {
    const text2 = this.text;
    if (this.i >= text2.length) {
      this.endWord();
      this.finished = true;
      return;
    }
    const char = text2[this.i];
    if (char === " " || char === "	" || char === "\r") {
      this.endWord();
      this.i++;
    } else if (char === "\\" && text2[this.i + 1] === "\n") {
      this.i += 2;
    } else if (char === "\\" && text2[this.i + 1] === "\r" && text2[this.i + 2] === "\n") {
      this.i += 3;
    } else if (char === "\n") {
      this.endWord();
      this.queue(SEPARATOR);
      this.i++;
      this.skipHeredocs();
    } else if (char === "#" && this.wordStart < 0) {
      while (this.i < text2.length && text2[this.i] !== "\n") this.i++;
    } else if (char === ";" && text2[this.i + 1] === ";" || char === ";" && text2[this.i + 1] === "&") {
      this.endWord();
      this.queue(CASE_END);
      this.i += text2.startsWith(";;&", this.i) ? 3 : 2;
    } else if (char === ";" || char === "&" || char === "|") {
      this.endWord();
      this.queue(SEPARATOR);
      this.i++;
    } else if (text2.startsWith("<<<", this.i)) {
      this.endWord();
      this.i += 3;
    } else if (text2.startsWith("<<", this.i)) {
      this.endWord();
      this.readHeredocStart();
    } else if (char === "<" || char === ">") {
      this.endWord();
      this.i++;
    } else if (char === "(" && this.wordStart < 0 && text2[this.i + 1] === "(") {
      this.i = this.matching(this.i + 2, "((", "))");
      this.queue(SEPARATOR);
    } else if (char === "(") {
      this.endWord();
      this.queue(OPEN);
      this.i++;
    } else if (char === ")") {
      this.endWord();
      this.queue(CLOSE);
      this.i++;
    } else {
      this.startWord();
      this.readWordPiece(false);
    }
  }
  /** Reads one piece of a word: a run of plain text, a quoted string, an escape or an expansion. */
  readWordPiece(inDoubleQuotes) {
    const text2 = this.text;
    const char = text2[this.i];
    if (char === "\\") {
      this.pushText(text2[this.i + 1] ?? "", this.i, 2);
      this.i += 2;
    } else if (char === "'" && !inDoubleQuotes) {
      this.readQuoted("'");
    } else if (char === '"' && !inDoubleQuotes) {
      this.readQuoted('"');
    } else if (char === "$" && text2[this.i + 1] === "'" && !inDoubleQuotes) {
      this.i++;
      this.readQuoted("'");
    } else if (char === "$") {
      this.addPart(this.readExpansion());
    } else if (char === "`") {
      const start = this.i;
      const end = text2.indexOf("`", start + 1);
      this.i = end < 0 ? text2.length : end + 1;
      if (end < 0) this.error(start, 1, "Unterminated backquote");
      this.addPart({ kind: "opaque", span: { offset: start, length: this.i - start }, reason: "set by a command substitution" });
    } else {
      const start = this.i;
      const stop = inDoubleQuotes ? ENDS_DOUBLE_QUOTED_TEXT : ENDS_PLAIN_TEXT;
      while (this.i < this.limit && !stops(stop, text2.charCodeAt(this.i))) this.i++;
      if (this.i === start) this.i++;
      this.pushText(text2.slice(start, this.i), start, this.i - start);
    }
  }
  readQuoted(quote) {
    const text2 = this.text;
    const open = this.i;
    this.i++;
    const lineEnd = text2.indexOf("\n", open);
    const savedFieldCount = this.fields.length;
    const savedField = this.field;
    const savedFieldLength = this.field.length;
    while (this.i < text2.length && text2[this.i] !== quote) {
      const char = text2[this.i];
      if (isSpace(text2.charCodeAt(this.i))) {
        this.breakField();
        this.i++;
      } else if (quote === '"' && char === "\\" && /["\\$`]/.test(text2[this.i + 1] ?? "")) {
        this.pushText(text2[this.i + 1], this.i, 2);
        this.i += 2;
      } else if (quote === '"' && char === "\\" && text2[this.i + 1] === "\n") {
        this.breakField();
        this.i += 2;
      } else if (quote === '"' && (char === "$" || char === "`")) {
        this.readWordPiece(true);
      } else {
        const start = this.i;
        const stop = quote === '"' ? ENDS_DOUBLE_QUOTED_TEXT : ENDS_SINGLE_QUOTED_TEXT;
        while (this.i < text2.length && !stops(stop, text2.charCodeAt(this.i))) this.i++;
        if (this.i === start) this.i++;
        this.pushText(text2.slice(start, this.i), start, this.i - start);
      }
    }
    if (this.i >= text2.length) {
      this.error(open, 1, `Unterminated ${quote === '"' ? "double" : "single"} quote`);
      this.fields = this.fields.slice(0, savedFieldCount);
      this.field = savedField.slice(0, savedFieldLength);
      this.i = lineEnd < 0 ? text2.length : lineEnd;
      this.pushText(text2.slice(open + 1, this.i), open + 1, this.i - open - 1);
      return;
    }
    this.i++;
  }
  readExpansion() {
    const text2 = this.text;
    const start = this.i;
    if (text2.startsWith("$((", start)) {
      this.i = this.matching(start + 3, "((", "))");
      return { kind: "opaque", span: this.from(start), reason: `set by arithmetic ${text2.slice(start, this.i)}, not resolved statically` };
    }
    if (text2.startsWith("$(", start)) {
      this.i = this.matching(start + 2, "(", ")");
      return { kind: "opaque", span: this.from(start), reason: "set by a command substitution" };
    }
    if (text2.startsWith("${", start)) {
      this.i = this.matching(start + 2, "{", "}");
      return this.braceExpansion(start, this.i);
    }
    VARIABLE_NAME.lastIndex = start + 1;
    const name = VARIABLE_NAME.exec(text2)?.[0].slice(0, MAX_VARIABLE_NAME);
    if (name) {
      this.i = start + 1 + name.length;
      return { kind: "var", name, span: this.from(start) };
    }
    if (SPECIAL_PARAMETER.test(text2[start + 1] ?? "")) {
      this.i = start + 2;
      return { kind: "opaque", span: this.from(start), reason: `set by the caller (${text2.slice(start, this.i)})` };
    }
    this.i = start + 1;
    return { kind: "text", text: "$", span: { offset: start, length: 1 } };
  }
  /** `${NAME}`, `${NAME:-word}`, `${NAME:=word}`, ...; anything fancier stays opaque. */
  braceExpansion(start, end) {
    const span = { offset: start, length: end - start };
    const innerStart = start + 2;
    const inner = this.text.slice(innerStart, end - 1);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
    if (!match) return { kind: "opaque", span, reason: `set by \${${inner}}, not resolved statically` };
    const [, name, operator, operandText] = match;
    if (!operator) return { kind: "var", name, span };
    const operandStart = innerStart + name.length + operator.length;
    if (this.expansionDepth >= MAX_EXPANSION_DEPTH) {
      return { kind: "opaque", span, reason: `\${${name}${operator}...} is nested more than ${MAX_EXPANSION_DEPTH} levels deep` };
    }
    return { kind: "var", name, span, operator, operand: this.readOperand(operandStart, operandStart + operandText.length) };
  }
  /** The word after `:-` / `:=` inside `${...}`: text, quotes and nested expansions. */
  readOperand(start, end) {
    const saved = { i: this.i, limit: this.limit, field: this.field, fields: this.fields };
    this.i = start;
    this.limit = end;
    this.field = [];
    this.fields = [];
    this.expansionDepth++;
    while (this.i < end) this.readWordPiece(false);
    this.expansionDepth--;
    const parts = [...this.fields.flat(), ...this.field];
    Object.assign(this, saved);
    return parts;
  }
  matching(from, open, close) {
    const text2 = this.text;
    let depth = 1;
    let i = from;
    while (i < text2.length) {
      if (text2[i] === "\\") i += 2;
      else if (text2[i] === "'" && open !== "{") {
        const end = text2.indexOf("'", i + 1);
        i = end < 0 ? text2.length : end + 1;
      } else if (text2.startsWith(close, i)) {
        depth--;
        i += close.length;
        if (depth === 0) return i;
      } else if (text2.startsWith(open, i)) {
        depth++;
        i += open.length;
      } else i++;
    }
    this.error(from - open.length, open.length, `Missing '${close}'`);
    return text2.length;
  }
  readHeredocStart() {
    const match = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_]+))/.exec(this.text.slice(this.i, this.i + 200));
    if (!match) {
      this.i += 2;
      return;
    }
    this.pendingHeredocs.push({ delimiter: match[2] ?? match[3] ?? match[4], stripTabs: match[1] === "-" });
    this.i += match[0].length;
  }
  /** Heredoc bodies are data for another program (often JSON), not part of the command line. */
  skipHeredocs() {
    for (const heredoc of this.pendingHeredocs) {
      while (this.i < this.text.length) {
        const lineEnd = this.text.indexOf("\n", this.i);
        const end = lineEnd < 0 ? this.text.length : lineEnd;
        const line = this.text.slice(this.i, end).replace(/\r$/, "");
        this.i = end + 1;
        if ((heredoc.stripTabs ? line.replace(/^\t+/, "") : line) === heredoc.delimiter) break;
      }
    }
    this.pendingHeredocs = [];
  }
  startWord() {
    if (this.wordStart < 0) this.wordStart = this.i;
  }
  pushText(text2, offset, length) {
    this.addPart({ kind: "text", text: text2, span: { offset, length } });
  }
  addPart(part) {
    this.field = appended(this.field, part);
  }
  queue(token) {
    this.pending[this.queued++] = token;
  }
  breakField() {
    if (this.field.length > 0) this.fields = appended(this.fields, this.field);
    this.field = [];
  }
  endWord() {
    if (this.wordStart < 0) return;
    this.breakField();
    if (this.fields.length > 0) {
      this.queue({ type: "word", fields: this.fields, span: { offset: this.wordStart, length: this.i - this.wordStart } });
    } else {
      this.queue({ type: "word", fields: [[{ kind: "text", text: "", span: { offset: this.wordStart + 1, length: 0 } }]], span: { offset: this.wordStart, length: this.i - this.wordStart } });
    }
    this.fields = [];
    this.wordStart = -1;
  }
  from(start) {
    return { offset: start, length: this.i - start };
  }
  error(offset, length, message) {
    this.errors.push({ span: { offset, length }, message });
  }
};

// server/src/core/parse/shell.ts
function parseShell(text2) {
  const tokens = scanShell(text2);
  const interpreter = new Interpreter(text2);
  interpreter.run(tokens);
  const entries = interpreter.settledEntries();
  markSharedLiterals(entries, interpreter.expansions);
  return { syntax: "shell", text: text2, entries, errors: tokens.errors };
}
var NO_FLAGS = Object.freeze([]);
var DECLARATION_COMMANDS = /* @__PURE__ */ new Set(["export", "local", "declare", "readonly", "typeset"]);
var LOOP_OPENERS = /* @__PURE__ */ new Set(["for", "while", "until", "select"]);
var FLAG = /^--[A-Za-z][\w.-]*/;
var HYDRA_OVERRIDE = /^\+{0,2}([A-Za-z_][\w-]*(?:\.[\w-]+)+)=/;
var ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;
var Interpreter = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  entries = [];
  /** Entries read on a command line inside an if/case/loop body. */
  conditionalEntries = /* @__PURE__ */ new Set();
  /** Flags held by a variable that only some branches fill in, with the reason. */
  branchDependent = /* @__PURE__ */ new Map();
  variables = /* @__PURE__ */ new Map();
  blocks = [];
  /** The literal of every variable expansion, in arithmetic and commands too: what each literal feeds. */
  expansions = [];
  run(tokens) {
    let statement = [];
    let pattern = [];
    for (let token = tokens.next(); token; token = tokens.next()) {
      const block = this.blocks.at(-1);
      if (block?.awaitingPattern) {
        if (token.type === "word" && plainText(token) === "esac" && pattern.length === 0) this.closeBlock();
        else if (token.type === "word") pattern.push(token);
        else if (token.type === "close") {
          this.startCaseBranch(block, pattern);
          pattern = [];
        }
        continue;
      }
      if (token.type === "word") {
        if (plainText(token) === "in" && statement.length > 0 && plainText(statement[0]) === "case") {
          this.runStatement(statement);
          statement = [];
        } else statement = appended(statement, token);
        continue;
      }
      const last = statement.at(-1);
      if (token.type === "open" && last && this.isAssignment(last) && statement.length === this.assignmentIndex(statement) + 1) {
        const words = [];
        for (let inner = tokens.next(); inner && inner.type !== "close"; inner = tokens.next()) {
          if (inner.type === "word") words.push(inner);
        }
        this.runStatement(statement.slice(0, -1));
        this.assignArray(last, words);
        statement = [];
        continue;
      }
      this.runStatement(statement);
      statement = [];
      const current = this.blocks.at(-1);
      if (token.type === "caseEnd" && current?.kind === "case") current.awaitingPattern = true;
    }
    this.runStatement(statement);
  }
  /**
   * The entries, with every flag whose value depends on a branch made unknown: one given
   * different values in different branches, or one held by a variable only some branches fill
   * in (it is on the launch line in some runs and not in others).
   */
  settledEntries() {
    const doubtful = new Set([...this.conditionalEntries, ...this.branchDependent.keys()].map((entry) => entry.path.join(".")));
    if (doubtful.size === 0) return this.entries;
    const byFlag = /* @__PURE__ */ new Map();
    for (const entry of this.entries) {
      const flag = entry.path.join(".");
      if (!doubtful.has(flag)) continue;
      const group = byFlag.get(flag);
      if (group) group.push(entry);
      else byFlag.set(flag, [entry]);
    }
    for (const [flag, group] of byFlag) {
      const values = [...new Set(group.map((entry) => String(entry.value)))];
      if (values.length > 1 && group.some((entry) => this.conditionalEntries.has(entry) || this.branchDependent.has(entry))) {
        for (const entry of group) unresolve(entry, `${flag} is ${values.join(" or ")} depending on a branch of the script`);
        continue;
      }
      if (group.some((entry) => !this.branchDependent.has(entry))) continue;
      for (const entry of group) unresolve(entry, this.branchDependent.get(entry));
    }
    return this.entries;
  }
  /**
   * Tracks if/case/loop nesting from the reserved words a statement starts with, and returns the
   * command left to run: none for a condition or loop header, the rest after `then`/`else`/`do`.
   */
  enterBlocks(statement) {
    let start = 0;
    while (start < statement.length) {
      const word = plainText(statement[start]);
      if (word === "if") {
        this.openBlock("if", defaultedNames(statement.slice(start + 1)));
        return [];
      }
      if (word === "case") {
        this.openBlock("case", /* @__PURE__ */ new Set());
        return [];
      }
      if (word !== void 0 && LOOP_OPENERS.has(word)) {
        this.openBlock("loop", /* @__PURE__ */ new Set());
        return [];
      }
      if (word === "elif") {
        this.nextBranch("if", false);
        return [];
      }
      if (word === "else") this.nextBranch("if", true);
      else if (word === "fi" || word === "done" || word === "esac") this.closeBlock();
      else if (word !== "then" && word !== "do") break;
      start++;
    }
    return start === 0 ? statement : statement.slice(start);
  }
  openBlock(kind, defaults) {
    this.blocks.push({ kind, before: this.variables, branches: [], exhaustive: false, awaitingPattern: kind === "case", inBranch: false, defaults });
    this.variables = new Map(this.variables);
  }
  /** `elif`/`else`: the branch so far is done; the next starts from the variables before the `if`. */
  nextBranch(kind, exhaustive) {
    const block = this.blocks.at(-1);
    if (block?.kind !== kind) return;
    block.branches.push(this.variables);
    this.variables = new Map(block.before);
    if (exhaustive) block.exhaustive = true;
  }
  startCaseBranch(block, pattern) {
    if (block.inBranch) this.nextBranch("case", false);
    block.inBranch = true;
    block.awaitingPattern = false;
    if (pattern.some((word) => plainText(word) === "*")) block.exhaustive = true;
  }
  closeBlock() {
    const block = this.blocks.pop();
    if (!block) return;
    if (block.kind !== "case" || block.inBranch) block.branches.push(this.variables);
    const paths = block.exhaustive ? block.branches : [...block.branches, block.before];
    const merged = /* @__PURE__ */ new Map();
    const names = new Set(paths.flatMap((path) => [...path.keys()]));
    for (const name of names) {
      let versions = paths.map((path) => path.get(name));
      if (block.defaults.has(name)) {
        const before = block.before.get(name);
        versions = before && before.resolved.value !== "" && !before.branchValues ? [before] : block.branches.map((path) => path.get(name));
      }
      const variable = this.mergeVersions(versions);
      if (variable) merged.set(name, variable);
    }
    this.variables = merged;
  }
  mergeVersions(versions) {
    const defined = versions.filter((version) => version !== void 0);
    if (defined.length === 0) return void 0;
    const last = defined[defined.length - 1];
    if (versions.every((version) => version === last)) return last;
    const values = [...new Set(defined.flatMap((version) => version.branchValues?.values ?? [version.resolved.value]))];
    const maybeUnset = defined.length < versions.length || defined.some((version) => version.branchValues?.maybeUnset);
    if (values.length === 1 && !maybeUnset) return last;
    this.markBranchFlags(versions);
    const flags = [...new Set(defined.flatMap((version) => version.flags))];
    return { resolved: last.resolved, multiword: defined.some((version) => version.multiword), branchValues: { values, maybeUnset }, flags };
  }
  /** A flag a variable holds in every branch with the same value is still certain; any other is not. */
  markBranchFlags(versions) {
    const flagValue = (version, flag) => {
      const entries = version?.flags.filter((entry) => entry.path.join(".") === flag) ?? [];
      return entries.length > 0 ? String(entries[entries.length - 1].value) : void 0;
    };
    const flags = new Set(versions.flatMap((version) => version?.flags.map((entry) => entry.path.join(".")) ?? []));
    for (const flag of flags) {
      const values = versions.map((version) => flagValue(version, flag));
      if (values.every((value) => value !== void 0 && value === values[0])) continue;
      const distinct = [...new Set(values.filter((value) => value !== void 0))];
      const reason = distinct.length > 1 ? `${flag} is ${distinct.join(" or ")} depending on a branch of the script` : `${flag} is set only in some branches of the script`;
      for (const version of versions) {
        for (const entry of version?.flags ?? []) if (entry.path.join(".") === flag && !this.branchDependent.has(entry)) this.branchDependent.set(entry, reason);
      }
    }
  }
  /** Index of the first assignment word after declaration commands and their options. */
  assignmentIndex(statement) {
    let index = 0;
    while (index < statement.length) {
      const word = plainText(statement[index]);
      if (word !== void 0 && (DECLARATION_COMMANDS.has(word) || index > 0 && /^-\w+$/.test(word))) index++;
      else break;
    }
    return index;
  }
  runStatement(whole) {
    const statement = this.enterBlocks(whole);
    if (statement.length === 0) return;
    let index = this.assignmentIndex(statement);
    const declared = index > 0;
    while (index < statement.length && this.isAssignment(statement[index])) {
      this.assignScalar(statement[index]);
      index++;
    }
    if (declared || index === statement.length) return;
    const fields = [];
    for (; index < statement.length; index++) {
      const word = statement[index];
      if (isOneArgument(word)) fields.push(this.joinedField(word));
      else for (const field of word.fields) fields.push(field);
    }
    this.readFlags(fields, true);
  }
  /**
   * A quoted word with blanks in it as the one argument bash passes (`--seq-length "2048 4096"` is
   * the value "2048 4096", not 2048): its fields joined by the text between them.
   */
  joinedField(word) {
    const joined = [];
    for (const field of word.fields) {
      if (field.length === 0) continue;
      const previous = joined[joined.length - 1];
      if (previous) {
        const gapOffset = previous.span.offset + previous.span.length;
        const gap = { offset: gapOffset, length: field[0].span.offset - gapOffset };
        joined.push({ kind: "text", text: spanText2(this.text, gap).replace(/\\\r?\n/g, ""), span: gap });
      }
      joined.push(...field);
    }
    return joined;
  }
  assignmentName(word) {
    const first = word.fields[0]?.[0];
    if (first?.kind !== "text") return void 0;
    return ASSIGNMENT.exec(first.text)?.[1];
  }
  /** `assignmentName(word) !== undefined`, without building the match: asked of most words. */
  isAssignment(word) {
    const first = word.fields[0]?.[0];
    return first?.kind === "text" && ASSIGNMENT.test(first.text);
  }
  assignScalar(word) {
    const name = this.assignmentName(word);
    const first = word.fields[0];
    const valueHead = dropPrefix(first, first[0].kind === "text" ? first[0].text.indexOf("=") + 1 : 0);
    let valueFields = valueHead.length > 0 ? [valueHead] : [];
    for (let index = 1; index < word.fields.length; index++) if (word.fields[index].length > 0) valueFields = appended(valueFields, word.fields[index]);
    if (valueFields.length > 1) {
      const flags2 = this.readFlags(valueFields, false, this.heldFlags(valueFields));
      const span = { offset: valueFields[0][0].span.offset, length: word.span.offset + word.span.length - valueFields[0][0].span.offset };
      this.variables.set(name, { resolved: { value: spanText2(this.text, span), span }, multiword: true, flags: flags2 });
      return;
    }
    const valueField = valueFields[0] ?? [];
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: "", span: { offset: word.span.offset + word.span.length, length: 0 } };
    const holdsFlag = FLAG.test(resolved.value);
    const flags = holdsFlag ? this.readFlags(valueFields, false) : NO_FLAGS;
    this.variables.set(name, { resolved, multiword: holdsFlag || !resolved.unresolved && /\s/.test(resolved.value.trim()), flags });
  }
  assignArray(word, elements) {
    const name = this.assignmentName(word);
    const fields = elements.flatMap((element) => element.fields);
    const flags = this.readFlags(fields, false, this.heldFlags(fields));
    this.variables.set(name, { resolved: { value: "", span: word.span, unresolved: `$${name} is an array` }, multiword: true, flags });
  }
  /** `OPTS="$OPTS --x"`, `ARGS=("${ARGS[@]}" --x)`: the flags the variables it expands already hold. */
  heldFlags(fields) {
    const held = [];
    for (const field of fields) {
      const [part] = field;
      if (field.length !== 1) continue;
      const name = part.kind === "var" ? part.name : part.kind === "opaque" ? /^\$\{([A-Za-z_]\w*)\[[@*]\]\}$/.exec(spanText2(this.text, part.span))?.[1] : void 0;
      const flags = name ? this.variables.get(name)?.flags : void 0;
      for (const flag of flags ?? []) held.push(flag);
    }
    return held;
  }
  /**
   * Pairs each `--flag` with the field after it unless that is another flag or a list of words.
   * `onCommandLine`: the flags are run where they are read, not held by a variable. Returns
   * `read` with the entries appended.
   */
  readFlags(fields, onCommandLine, read = []) {
    const record = (entry) => {
      read.push(entry);
      this.entries.push(entry);
      if (onCommandLine && this.blocks.length > 0) this.conditionalEntries.add(entry);
    };
    const resolvedFields = fields.map((field) => field.some((part) => part.kind === "var") ? this.resolve(field) : void 0);
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      const head = field[0];
      if (head?.kind !== "text") continue;
      const override = head.text.includes("=") ? HYDRA_OVERRIDE.exec(head.text) : null;
      if (override) {
        const keySpan2 = { offset: head.span.offset + override[0].indexOf(override[1]), length: override[1].length };
        record(this.valueEntry(override[1].split("."), keySpan2, dropPrefix(field, override[0].length)));
        continue;
      }
      const flag = head.text.startsWith("--") ? FLAG.exec(head.text) : null;
      if (!flag) continue;
      const keySpan = { offset: head.span.offset, length: flag[0].length };
      if (head.text[flag[0].length] === "=") {
        record(this.valueEntry([flag[0]], keySpan, dropPrefix(field, flag[0].length + 1)));
        continue;
      }
      const next = fields[index + 1];
      const nextResolved = next && (resolvedFields[index + 1] ?? this.resolve(next));
      if (next && this.isValue(next, nextResolved)) {
        record(entryOf([flag[0]], keySpan, nextResolved));
        index++;
      } else {
        record({ path: [flag[0]], keySpan, value: true, valueSpan: keySpan });
      }
    }
    return read;
  }
  valueEntry(path, keySpan, valueField) {
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: "", span: { offset: keySpan.offset + keySpan.length + 1, length: 0 } };
    return entryOf(path, keySpan, resolved);
  }
  isValue(field, resolved) {
    const head = field[0];
    if (head?.kind === "text" && FLAG.test(head.text)) return false;
    if (head?.kind === "opaque" && /\[[@*]\]/.test(spanText2(this.text, head.span))) return false;
    if (field.length === 1 && head?.kind === "var") {
      const variable = this.variables.get(head.name);
      if (variable?.multiword) return false;
    }
    return !FLAG.test(resolved.value);
  }
  /** Expands one field as bash would at this point, remembering where its literal is. */
  resolve(field) {
    if (field.length === 1) {
      const part = field[0];
      const piece = this.resolvePart(part);
      if (part.kind === "var" && piece.usedAt && part.operator?.replace(":", "") !== "=") piece.reference = piece.usedAt;
      return piece.value !== "" || piece.unresolved ? piece : { value: "", span: field[0].span };
    }
    const pieces = field.map((part) => this.resolvePart(part));
    const unresolved = pieces.find((piece) => piece.unresolved)?.unresolved;
    const value = pieces.map((piece) => piece.value).join("");
    const contributing = pieces.filter((piece) => piece.value !== "" || piece.unresolved);
    if (contributing.length === 1) return { ...contributing[0], unresolved };
    const first = field[0].span;
    const last = field[field.length - 1].span;
    const span = { offset: first.offset, length: last.offset + last.length - first.offset };
    return { value, span, unresolved };
  }
  resolvePart(part) {
    if (part.kind === "text") return { value: part.text, span: part.span };
    if (part.kind === "opaque") {
      this.countNamesIn(spanText2(this.text, part.span));
      return this.resolveOpaque(part);
    }
    const variable = this.variables.get(part.name);
    const isSet = variable !== void 0 && (variable.resolved.value !== "" || !part.operator?.startsWith(":"));
    const operator = part.operator?.replace(":", "");
    if (operator === "-" || operator === "=") {
      if (isSet) return this.through(part.name, variable, part.span);
      const fallback = part.operand && part.operand.length > 0 ? this.resolve(part.operand) : { value: "", span: { offset: part.span.offset + part.span.length - 1, length: 0 } };
      if (operator === "=") this.variables.set(part.name, { resolved: fallback, multiword: false, flags: NO_FLAGS });
      this.expansions.push(fallback.span);
      return { ...fallback, usedAt: part.span };
    }
    if (operator !== void 0) {
      if (variable) this.expansions.push(variable.resolved.span);
      return { value: "", span: part.span, usedAt: part.span, unresolved: `\${${part.name}${part.operator}...} is not resolved statically` };
    }
    if (!variable) return { value: "", span: part.span, usedAt: part.span, unresolved: `$${part.name} is not set in this file` };
    return this.through(part.name, variable, part.span);
  }
  /** `$((...))` over integers the script sets is what bash computes; anything else opaque stays unresolved. */
  resolveOpaque(part) {
    const source = spanText2(this.text, part.span);
    const unresolved = (reason) => ({ value: source, span: part.span, usedAt: part.span, unresolved: reason });
    const arithmetic = /^\$\(\(([\s\S]*)\)\)$/.exec(source);
    if (!arithmetic) return unresolved(part.reason);
    const result = evaluateArithmetic(arithmetic[1], (name) => {
      const variable = this.variables.get(name);
      if (!variable) return { unresolved: `$${name} is not set in this file` };
      const held = this.through(name, variable, part.span);
      return held.unresolved ? { unresolved: held.unresolved } : { value: held.value };
    });
    if ("unresolved" in result) return unresolved(`${part.reason}: ${result.unresolved}`);
    return { value: String(result.value), span: part.span, usedAt: part.span, computed: `${source} = ${result.shown} = ${result.value}` };
  }
  /** Arithmetic and commands read variables by bare name too (`$((ONE*2))`): each known name counts as a read. */
  countNamesIn(text2) {
    for (const [name] of text2.matchAll(/[A-Za-z_]\w*/g)) {
      const variable = this.variables.get(name);
      if (variable) this.expansions.push(variable.resolved.span);
    }
  }
  /** The value of a variable where it is used: the literal stays where it was written. */
  through(name, variable, usedAt) {
    const held = variable.resolved;
    this.expansions.push(held.span);
    const resolved = { value: held.value, span: held.span, usedAt };
    if (held.unresolved) resolved.unresolved = held.unresolved;
    if (held.computed) resolved.computed = held.computed;
    const branches = variable.branchValues;
    if (!branches) return resolved;
    const unresolved = branches.values.length > 1 ? `$${name} is ${branches.values.join(" or ")} depending on a branch of the script` : `$${name} is set only in some branches of the script`;
    return { ...resolved, unresolved };
  }
};
function defaultedNames(condition) {
  const names = /* @__PURE__ */ new Set();
  condition.forEach((word, index) => {
    const next = condition[index + 1];
    const part = next?.fields.length === 1 && next.fields[0].length === 1 ? next.fields[0][0] : void 0;
    if (plainText(word) === "-z" && part?.kind === "var") names.add(part.name);
  });
  return names;
}
function unresolve(entry, reason) {
  entry.unresolved = reason;
  entry.value = null;
}
function isOneArgument(word) {
  if (word.fields.filter((field) => field.length > 0).length < 2) return false;
  const head = word.fields[0][0];
  if (head?.kind !== "text") return true;
  const flag = FLAG.exec(head.text);
  return !flag || head.text[flag[0].length] === "=";
}
function entryOf(path, keySpan, resolved) {
  const entry = { path, keySpan, value: resolved.value, valueSpan: resolved.span };
  if (resolved.usedAt) entry.usedAt = resolved.usedAt;
  if (resolved.computed) entry.computed = resolved.computed;
  if (resolved.reference) entry.reference = resolved.reference;
  if (resolved.unresolved) {
    entry.unresolved = resolved.unresolved;
    entry.value = null;
  }
  return entry;
}
function dropPrefix(field, count) {
  const [head, ...rest] = field;
  if (head?.kind !== "text") return field;
  const remainder = head.text.slice(count);
  if (remainder === "") return rest;
  return [{ kind: "text", text: remainder, span: { offset: head.span.offset + count, length: head.span.length - count } }, ...rest];
}
function plainText(word) {
  if (word.fields.length !== 1) return void 0;
  const parts = word.fields[0];
  if (parts.length === 1) return parts[0].kind === "text" ? parts[0].text : void 0;
  return parts.every((part) => part.kind === "text") ? parts.map((part) => part.text).join("") : void 0;
}
function spanText2(text2, span) {
  return text2.slice(span.offset, span.offset + span.length);
}

// server/src/core/formats/megatron.ts
var DEFAULTS = FRAMEWORK_DEFAULTS.megatron;
var LAUNCH2 = LAUNCH_DEFAULTS.megatron;
var MODEL_FLAGS = [
  "--num-layers",
  "--hidden-size",
  "--num-attention-heads",
  "--seq-length",
  "--tensor-model-parallel-size",
  "--pipeline-model-parallel-size",
  "--micro-batch-size",
  "--ffn-hidden-size",
  "--max-position-embeddings",
  "--make-vocab-size-divisible-by",
  "--num-query-groups",
  "--swiglu",
  "--global-batch-size"
];
var HYDRA_MODEL_OVERRIDE = /(^|\s)\+{0,2}model\.(hidden_size|num_layers|num_attention_heads|encoder_seq_length|ffn_hidden_size|tensor_model_parallel_size)=/gm;
var SHAPE_VARIABLE = /^[ \t]*(?:export[ \t]+)?(?::[ \t]+\$\{)?(N_?LAYERS|NUM_LAYERS|HIDDEN_SIZE|NHIDDEN|HS|N_AH|NHEADS|NUM_HEADS|NUM_ATTN_HEADS|FFN_HS|FFN_HIDDEN_SIZE|SEQ_LEN|SEQ_LENGTH|TP|PP|TP_SIZE|PP_SIZE)(?::?=)/gm;
var YAML_SECTIONS = ["language_model", "model_parallel", "MODEL_ARGS"];
var SHELL_EXTENSIONS = /* @__PURE__ */ new Set(["sh", "bash", "slurm", "sbatch"]);
var megatronReader = {
  id: "megatron",
  label: "Megatron-LM launch script or YAML",
  evidence: [...YAML_SECTIONS, ...MODEL_FLAGS],
  detect(fileName, text2) {
    const head = sniffHead(text2);
    const extension = extensionOf(fileName);
    if (YAML_EXTENSIONS.has(extension)) {
      if (hasTopLevelKey(head, "language_model") || hasTopLevelKey(head, "model_parallel")) return 0.9;
      return hasTopLevelKey(head, "MODEL_ARGS") && countFlags(head, MODEL_FLAGS) >= 2 ? 0.9 : 0;
    }
    if (!SHELL_EXTENSIONS.has(extension) && !/^#!.*\b(ba|z)?sh\b/.test(head)) return 0;
    if (countFlags(head, MODEL_FLAGS) >= 2) return 0.9;
    if ((head.match(HYDRA_MODEL_OVERRIDE) ?? []).length >= 2) return 0.75;
    return new Set((head.match(SHAPE_VARIABLE) ?? []).map((match) => match.trim())).size >= 4 ? 0.55 : 0;
  },
  parse(text2) {
    const head = sniffHead(text2);
    return YAML_SECTIONS.some((section) => hasTopLevelKey(head, section)) ? parseYaml(text2) : parseShell(text2);
  },
  read(document) {
    return readMegatronArguments(document, megatronKey, "megatron");
  }
};
var ARGUMENTS_READ = [
  "hidden_size",
  "num_attention_heads",
  "tensor_model_parallel_size",
  "swiglu",
  "gated_linear_unit",
  "activation_func",
  "quick_geglu",
  "squared_relu",
  "num_experts",
  "num_moe_experts",
  "vocab_size",
  "tokenizer_type",
  "tokenizer_model",
  "tokenizer_name_or_path",
  "make_vocab_size_divisible_by",
  "moe_ffn_hidden_size",
  "ffn_hidden_size",
  "num_layers",
  "encoder_num_layers",
  "num_query_groups",
  "group_query_attention",
  "pad_vocab_size_to",
  "padded_vocab_size",
  "seq_length",
  "encoder_seq_length",
  "micro_batch_size",
  "pipeline_model_parallel_size",
  "moe_router_topk",
  "topk",
  "attention_dropout",
  "hidden_dropout",
  "config_name",
  "pp_partition_method",
  "decoder_first_pipeline_num_layers",
  "decoder_last_pipeline_num_layers",
  "pipeline_model_parallel_layout",
  "account_for_embedding_in_pipeline_split",
  "account_for_loss_in_pipeline_split",
  "multi_latent_attention",
  "qk_head_dim",
  "qk_pos_emb_head_dim",
  "kv_channels",
  "use_flash_attn",
  "attention_backend",
  "load",
  "pretrained_checkpoint",
  "hf_checkpoint",
  "load_hf_checkpoint",
  "restore_from_path",
  "transformer_impl",
  "recompute_granularity",
  "recompute_activations",
  "bf16",
  "fp16",
  "fp8_format",
  // The run's launch (perf/run): Megatron-LM's parallel sizes and batch, and torchrun's or srun's GPUs.
  "context_parallel_size",
  "expert_model_parallel_size",
  "num_layers_per_virtual_pipeline_stage",
  "virtual_pipeline_model_parallel_size",
  "global_batch_size",
  "sequence_parallel",
  "use_distributed_optimizer",
  "nproc_per_node",
  "nnodes",
  "ntasks_per_node",
  "gpus_per_node",
  "nodes",
  "grad_reduce_in_bf16"
];
var ARGUMENTS_READ_SET = new Set(ARGUMENTS_READ);
function readMegatronArguments(document, key, format2) {
  const index = new EntryIndex(document, key, ARGUMENTS_READ_SET);
  const flag = (name) => index.get(name);
  const elsewhere = defaultsElsewhere(document, index);
  const orDefault = (make) => () => elsewhere ? unknownField(elsewhere) : make();
  const hiddenSize = readField(index, "hiddenSize", ["hidden_size"], () => unknownField("Megatron-LM has no default hidden size"));
  const numHeads = readField(index, "numHeads", ["num_attention_heads"], () => unknownField("Megatron-LM has no default head count"));
  const tensorParallel = readField(index, "tensorParallel", ["tensor_model_parallel_size"], orDefault(
    () => defaultField(DEFAULTS.parallelSize, `Megatron-LM default --tensor-model-parallel-size ${DEFAULTS.parallelSize}`)
  ));
  const swiglu = booleanValue(flag("swiglu")) === true || booleanValue(flag("gated_linear_unit")) === true || flag("activation_func")?.value === "swiglu";
  const quickGeglu = booleanValue(flag("quick_geglu")) === true;
  const numExperts = readField(index, "numExperts", ["num_experts", "num_moe_experts"], orDefault(() => defaultField(1, "dense model (no --num-experts)")));
  const moe = (valueOf(numExperts) ?? 1) > 1;
  const vocabSize = readField(
    index,
    "vocabSize",
    ["vocab_size"],
    () => tokenizerVocab(index.get("tokenizer_type"), index.get("tokenizer_model", "tokenizer_name_or_path")) ?? unknownField("Megatron-LM takes the vocabulary from the tokenizer (--tokenizer-type / --vocab-file)")
  );
  const vocabDivisor = readField(index, "vocabDivisor", ["make_vocab_size_divisible_by"], orDefault(
    () => defaultField(DEFAULTS.makeVocabSizeDivisibleBy, `Megatron-LM default --make-vocab-size-divisible-by ${DEFAULTS.makeVocabSizeDivisibleBy}`)
  ));
  const ffnKeys = moe && index.has("moe_ffn_hidden_size") ? ["moe_ffn_hidden_size"] : ["ffn_hidden_size"];
  const shape = completeShape(
    format2,
    {
      hiddenSize,
      numLayers: readField(index, "numLayers", ["num_layers", "encoder_num_layers"], () => unknownField("Megatron-LM has no default layer count")),
      numHeads,
      numKvHeads: elsewhere && !index.has("num_query_groups") ? unknownField(elsewhere) : megatronKvHeads(index, numHeads),
      headDim: megatronHeadDim(index, hiddenSize, numHeads),
      ffnHiddenSize: readField(index, "ffnHiddenSize", ffnKeys, orDefault(() => megatronDefaultFfn(hiddenSize, swiglu))),
      vocabSize,
      paddedVocabSize: readField(
        index,
        "paddedVocabSize",
        ["pad_vocab_size_to", "padded_vocab_size"],
        () => paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, "Megatron-LM")
      ),
      vocabDivisor,
      seqLength: readField(index, "seqLength", ["seq_length", "encoder_seq_length"], () => unknownField("no --seq-length in this file")),
      microBatchSize: readField(index, "microBatchSize", ["micro_batch_size"], () => unknownField("no --micro-batch-size in this file")),
      tensorParallel,
      pipelineParallel: readField(index, "pipelineParallel", ["pipeline_model_parallel_size"], orDefault(
        () => defaultField(DEFAULTS.parallelSize, `Megatron-LM default --pipeline-model-parallel-size ${DEFAULTS.parallelSize}`)
      )),
      numExperts,
      ...megatronRunSizes(index, orDefault),
      expertsPerToken: readField(index, "expertsPerToken", ["moe_router_topk", "topk"], orDefault(
        () => moe ? defaultField(DEFAULTS.moeRouterTopk, `Megatron-LM default --moe-router-topk ${DEFAULTS.moeRouterTopk}`) : defaultField(1, "dense model (no experts)")
      ))
    },
    {
      activation: megatronActivation(index, swiglu, orDefault(() => defaultField("gelu", "Megatron-LM default activation gelu"))),
      gatedMlp: swiglu || quickGeglu,
      attentionKernel: megatronAttention(index, orDefault(() => defaultField(LAUNCH2.attention, LAUNCH2.attentionSource))),
      recompute: megatronRecompute(index, orDefault(() => defaultField(LAUNCH2.recompute, LAUNCH2.recomputeSource))),
      // --fp8-format runs the linear GEMMs in FP8 (Transformer Engine); without --bf16/--fp16 Megatron-LM trains in FP32, not modelled.
      dtype: megatronPrecision(index),
      kvHeadsMayDivideTensorParallel: true,
      attentionDropout: readDropout(index, ["attention_dropout"], orDefault(
        () => defaultField(DEFAULTS.attentionDropout, `Megatron-LM default --attention-dropout ${DEFAULTS.attentionDropout}`)
      )),
      hiddenDropout: readDropout(index, ["hidden_dropout"], orDefault(
        () => defaultField(DEFAULTS.hiddenDropout, `Megatron-LM default --hidden-dropout ${DEFAULTS.hiddenDropout}`)
      )),
      ...megatronPipelineSplit(index),
      ...megatronRunChoices(index, orDefault)
    }
  );
  const loadsCheckpoint = checkpointSetting(index, CHECKPOINT_FLAGS, (name) => `--${name.replace(/_/g, "-")}`);
  const bf16Gradients = index.get("grad_reduce_in_bf16");
  return {
    ...shape,
    ...loadsCheckpoint ? { loadsCheckpoint } : {},
    ...bf16Gradients && booleanValue(bf16Gradients) === true ? { gradientReduceInBf16: true } : {}
  };
}
var CHECKPOINT_FLAGS = ["load", "pretrained_checkpoint", "hf_checkpoint", "load_hf_checkpoint", "restore_from_path"];
function megatronKey(path) {
  const last = path[path.length - 1];
  if (last.startsWith("--")) return last.slice(2).replaceAll("-", "_");
  if (path.length === 1 || ["language_model", "model_parallel", "model"].includes(path[0])) return path.slice(path.length === 1 ? 0 : 1).join(".");
  return void 0;
}
function defaultsElsewhere(document, index) {
  if (document.syntax !== "shell" || document.entries.some((entry) => MODEL_FLAGS.includes(entry.path[0]))) return void 0;
  const configName = index.get("config_name");
  return typeof configName?.value === "string" ? `set by the Hydra config ${configName.value} that this script runs` : "set by the script this one calls, not in this file";
}
function megatronPipelineSplit(index) {
  const raw = index.get("pp_partition_method")?.value;
  const partition = typeof raw === "string" ? raw.replace(/^(['"])(.*)\1$/, "$2") : void 0;
  const byHand = (note) => ({ pipelineSplit: { extraLayers: 0, uneven: true, note } });
  if (index.has("pipeline_model_parallel_layout")) return byHand("--pipeline-model-parallel-layout sets the split");
  const stage = (key) => ({ key: `--${key.replace(/_/g, "-")}`, layers: stageLayerCount(index.get(key), true) });
  const stages = [stage("decoder_first_pipeline_num_layers"), stage("decoder_last_pipeline_num_layers")];
  if (stages.some((each) => each.layers !== void 0)) return { pipelineSplit: megatronCorePipelineSplit({ stages }) };
  if (partition !== void 0 && !partition.startsWith("type:")) return byHand(`--pp-partition-method '${partition}' balances by its own measure`);
  const flag = (key) => booleanValue(index.get(key)) === true ? `--${key.replace(/_/g, "-")}` : void 0;
  const core = megatronCorePipelineSplit({ embedding: flag("account_for_embedding_in_pipeline_split"), loss: flag("account_for_loss_in_pipeline_split"), stages });
  if (partition === void 0 || !/\bembedding\b/.test(partition)) return core ? { pipelineSplit: core } : {};
  const counted = `--pp-partition-method '${partition}' counts the 2 embedding layers`;
  return { pipelineSplit: { extraLayers: 2 + (core?.extraLayers ?? 0), uneven: false, note: core ? `${counted}; ${core.note}` : counted } };
}
function megatronHeadDim(index, hiddenSize, numHeads) {
  if (booleanValue(index.get("multi_latent_attention")) === true) {
    const latent = latentAttentionHeadDim(index.get("qk_head_dim"), index.get("qk_pos_emb_head_dim"), "--qk-head-dim + --qk-pos-emb-head-dim");
    if (latent) return latent;
  }
  return readField(index, "headDim", ["kv_channels"], () => derivedHeadDim(hiddenSize, numHeads));
}
function megatronKvHeads(index, numHeads) {
  const groups = index.get("num_query_groups");
  const groupsGiven = groups !== void 0 && groups.value !== null;
  const gqa = booleanValue(index.get("group_query_attention")) ?? groups?.path[0] === "language_model";
  if (groups && (groupsGiven || groups.unresolved) && gqa) return fieldFromEntry(groups, "numKvHeads", index.document.syntax === "shell");
  const note = groupsGiven ? "--num-query-groups is ignored without --group-query-attention: one per head" : "multi-head attention: one per head";
  return defaultField(numHeads.value, note);
}
function megatronDefaultFfn(hiddenSize, swiglu) {
  const h = valueOf(hiddenSize);
  if (h === void 0) return unknownField("hidden size unknown");
  if (!swiglu) return defaultField(DEFAULT_MLP_EXPANSION * h, `Megatron-LM default ${DEFAULT_MLP_EXPANSION} \xD7 hidden size`);
  const m = DEFAULTS.swigluMultiple;
  return derivedField(megatronSwigluWidth(h), `Megatron-LM --swiglu default int(${DEFAULT_MLP_EXPANSION}\xB7${h}\xB72/3 / ${m})\xB7${m}`);
}
function megatronActivation(index, swiglu, fallback) {
  const swigluEntry = index.get("swiglu");
  if (swiglu && swigluEntry) return fieldAt(swigluEntry, "swiglu");
  const named = index.get("activation_func");
  if (typeof named?.value === "string") return fieldAt(named, named.value);
  const quick = index.get("quick_geglu");
  if (quick && booleanValue(quick)) return fieldAt(quick, "quick-geglu");
  const squared = index.get("squared_relu");
  if (squared && booleanValue(squared)) return fieldAt(squared, "squared-relu");
  return fallback();
}
var ATTENTION_BACKENDS = /* @__PURE__ */ new Map([
  ["flash", "flash"],
  ["fused", "cudnn"],
  ["unfused", "unfused"],
  ["local", "unfused"],
  ["auto", "auto"]
]);
function megatronAttention(index, fallback) {
  const useFlash = index.get("use_flash_attn");
  if (useFlash && booleanValue(useFlash) === true) return fieldAt(useFlash, "flash");
  const impl = index.get("transformer_impl");
  const local = impl?.value === "local";
  const backend = index.get("attention_backend");
  const chosen = backend && typeof backend.value === "string" ? ATTENTION_BACKENDS.get(backend.value) : void 0;
  if (backend && chosen !== void 0 && chosen !== "auto") return fieldAt(backend, chosen);
  if (impl && typeof impl.value === "string" && (local || impl.value === "transformer_engine")) {
    const note = local ? "--transformer-impl local without --use-flash-attn: unfused attention" : "Transformer Engine picks flash or cuDNN fused attention";
    return fieldAt(impl, local ? "unfused" : "transformer-engine", note);
  }
  return fallback();
}
function megatronRecompute(index, fallback) {
  const activations = index.get("recompute_activations");
  if (activations && booleanValue(activations) === true) return fieldAt(activations, "selective");
  const granularity = index.get("recompute_granularity");
  if (granularity && (granularity.value === "full" || granularity.value === "selective")) return fieldAt(granularity, granularity.value);
  return fallback();
}
function megatronRunSizes(index, orDefault) {
  const one = (flag) => orDefault(() => defaultField(1, `Megatron-LM default ${flag} 1`));
  const perNode = readField(index, "gpusPerNode", ["nproc_per_node", "ntasks_per_node", "gpus_per_node"], () => unknownField("no --nproc-per-node in this file"));
  const nodes = readField(index, "gpus", ["nnodes", "nodes"], () => defaultField(1, "torchrun default --nnodes 1"));
  const gpus = gpusOfNodes(
    nodes,
    perNode,
    perNode,
    (nodeCount, gpusPerNode) => `${nodeCount} node${nodeCount === 1 ? "" : "s"} (${nodes.key ?? "torchrun default"}) \xD7 ${gpusPerNode} GPUs per node (${perNode.key})`,
    "the launcher does not say how many GPUs (torchrun --nnodes/--nproc-per-node, srun --nodes/--ntasks-per-node)"
  );
  return {
    contextParallel: readField(index, "contextParallel", ["context_parallel_size"], one("--context-parallel-size")),
    expertParallel: readField(index, "expertParallel", ["expert_model_parallel_size"], one("--expert-model-parallel-size")),
    virtualStages: megatronVirtualStages(index, one("--virtual-pipeline-model-parallel-size")),
    globalBatchSize: readField(index, "globalBatchSize", ["global_batch_size"], () => unknownField("no --global-batch-size: Megatron-LM takes micro-batch \xD7 data-parallel size")),
    gpus,
    gpusPerNode: perNode
  };
}
function megatronVirtualStages(index, fallback) {
  if (index.has("virtual_pipeline_model_parallel_size")) return readField(index, "virtualStages", ["virtual_pipeline_model_parallel_size"], fallback);
  const perChunk = readField(index, "virtualStages", ["num_layers_per_virtual_pipeline_stage"], fallback);
  const chunkLayers = valueOf(perChunk);
  const layers = valueOf(readField(index, "numLayers", ["num_layers"], fallback));
  const stages = valueOf(readField(index, "pipelineParallel", ["pipeline_model_parallel_size"], () => defaultField(1, "")));
  if (perChunk.origin !== "file" || chunkLayers === void 0 || layers === void 0 || stages === void 0) return perChunk;
  return { ...perChunk, value: layers / stages / chunkLayers, origin: "derived", note: `${layers} layers / PP ${stages} / ${chunkLayers} layers per virtual stage (${perChunk.key})` };
}
function megatronRunChoices(index, orDefault) {
  const sequence = index.get("sequence_parallel");
  const distributed = index.get("use_distributed_optimizer");
  return {
    sequenceParallel: sequence && booleanValue(sequence) !== void 0 ? fieldAt(sequence, booleanValue(sequence) === true) : orDefault(() => defaultField(false, "Megatron-LM default: no --sequence-parallel"))(),
    sharding: distributed && booleanValue(distributed) !== void 0 ? fieldAt(distributed, booleanValue(distributed) ? "distributed-optimizer" : "none") : orDefault(() => defaultField("none", "Megatron-LM default: no --use-distributed-optimizer (each data-parallel rank holds the whole optimizer state)"))()
  };
}
function megatronPrecision(index) {
  const fp8 = index.get("fp8_format");
  if (fp8 && typeof fp8.value === "string") return fieldAt(fp8, "fp8");
  return precisionSwitch(index, [["bf16", "bf16"], ["fp16", "fp16"]]) ?? unknownField("no --bf16, --fp16 or --fp8-format: Megatron-LM trains in FP32, which shapelint does not model");
}

// server/src/core/formats/flagscale.ts
var SECTIONS = /* @__PURE__ */ new Set(["system", "model", "data"]);
var MEGATRON_LEAVES = ["tensor_model_parallel_size", "pipeline_model_parallel_size", "num_layers", "hidden_size", "num_attention_heads", "make_vocab_size_divisible_by", "seq_length", "micro_batch_size"];
function flagscaleKey(path) {
  return SECTIONS.has(path[0]) && path.length > 1 ? path[path.length - 1] : void 0;
}
var flagscaleReader = {
  id: "flagscale",
  label: "FlagScale YAML (Megatron-LM arguments)",
  evidence: ["system", "model", "data", ...MEGATRON_LEAVES],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    if (!hasTopLevelKey(head, "system") || !hasTopLevelKey(head, "model")) return 0;
    return countKeys(head, MEGATRON_LEAVES) >= 3 ? 0.9 : 0;
  },
  parse: parseYaml,
  read(document) {
    return readMegatronArguments(document, flagscaleKey, "flagscale");
  }
};

// server/src/core/parse/interpolation.ts
function resolveInterpolations(document) {
  const resolver = new InterpolationResolver(document);
  const entries = document.entries.map((entry) => resolver.entry(entry));
  markSharedLiterals(entries);
  return { ...document, entries };
}
var ARITHMETIC_RESOLVERS = /* @__PURE__ */ new Map([
  ["multiply", (args) => args.reduce((product, arg) => product * arg, 1)],
  ["int_div", ([a, b]) => b ? Math.floor(a / b) : void 0],
  ["divide_floor", ([a, b]) => b ? Math.floor(a / b) : void 0],
  ["divide_ceil", ([a, b]) => b ? Math.ceil(a / b) : void 0]
]);
var MANDATORY = "???";
var MAX_INTERPOLATION_DEPTH = 200;
var TOO_DEEP = `interpolations chained or nested more than ${MAX_INTERPOLATION_DEPTH} deep`;
var InterpolationResolver = class {
  constructor(document) {
    this.document = document;
    for (const entry of document.entries) {
      this.byPath.set(entry.path.join("."), entry);
      this.roots.add(entry.path[0]);
    }
  }
  document;
  byPath = /* @__PURE__ */ new Map();
  roots = /* @__PURE__ */ new Set();
  resolving = /* @__PURE__ */ new Set();
  /** Each entry is resolved once however often it is referenced: linear, not quadratic, in chains. */
  resolved = /* @__PURE__ */ new Map();
  depth = 0;
  entry(entry) {
    if (entry.value === MANDATORY) return { ...entry, value: null, unresolved: `'???': a value the command line must give` };
    if (typeof entry.value !== "string" || !entry.value.includes("${")) return entry;
    const resolved = this.value(entry);
    const resolvedEntry = { ...entry, value: resolved.value };
    const written2 = entry.usedAt ?? entry.valueSpan;
    if (resolved.unresolved) {
      resolvedEntry.value = null;
      resolvedEntry.unresolved = resolved.unresolved;
      resolvedEntry.usedAt = written2;
      resolvedEntry.reads = resolved.literals;
    } else if (resolved.literals.length === 1 && !sameSpan(resolved.literals[0], entry.valueSpan)) {
      resolvedEntry.valueSpan = resolved.literals[0];
      resolvedEntry.usedAt = written2;
      if (entry.usedAt === void 0) resolvedEntry.reference = entry.valueSpan;
    } else {
      resolvedEntry.reads = resolved.literals;
    }
    return resolvedEntry;
  }
  value(entry) {
    const raw = entry.value;
    if (raw === MANDATORY) return { value: null, literals: [], unresolved: `${entry.path.join(".")} is '???'` };
    if (typeof raw !== "string" || !raw.includes("${")) return { value: raw, literals: [entry.valueSpan] };
    const key = entry.path.join(".");
    const known = this.resolved.get(key);
    if (known) return known;
    if (this.resolving.has(key)) return { value: null, literals: [], unresolved: `${key} refers to itself` };
    this.resolving.add(key);
    try {
      const source = this.document.text.slice(entry.valueSpan.offset, entry.valueSpan.offset + entry.valueSpan.length);
      const inner = source.indexOf(raw);
      const base = inner >= 0 ? entry.valueSpan.offset + inner : void 0;
      const result = this.expression(raw, base, entry);
      if (result.unresolved !== TOO_DEEP) this.resolved.set(key, result);
      return result;
    } finally {
      this.resolving.delete(key);
    }
  }
  /** A whole string: one `${...}` keeps its type; text around interpolations makes a string. */
  expression(raw, base, entry) {
    if (this.depth >= MAX_INTERPOLATION_DEPTH) return { value: null, literals: [], unresolved: TOO_DEEP };
    this.depth++;
    try {
      return this.pieces(raw, base, entry);
    } finally {
      this.depth--;
    }
  }
  pieces(raw, base, entry) {
    const pieces = splitInterpolations(raw);
    if (pieces.length === 1 && pieces[0].interpolation) return this.interpolation(pieces[0].text, offsetIn(base, pieces[0].start), entry);
    const results = pieces.map(
      (piece) => piece.interpolation ? this.interpolation(piece.text, offsetIn(base, piece.start), entry) : { value: piece.text, literals: [] }
    );
    const unresolved = results.find((result) => result.unresolved)?.unresolved;
    return { value: results.map((result) => String(result.value ?? "")).join(""), literals: [entry.valueSpan, ...results.flatMap((result) => result.literals)], unresolved };
  }
  /** `${...}` text including the braces. */
  interpolation(text2, offset, entry) {
    const body = text2.slice(2, -1).trim();
    const resolverCall = /^([A-Za-z_][\w.]*):([\s\S]*)$/.exec(body);
    if (!resolverCall) return this.reference(body, entry);
    const [, name, argsText] = resolverCall;
    const operation = ARITHMETIC_RESOLVERS.get(name);
    if (!operation) return { value: null, literals: [], unresolved: `\${${name}:...} is resolved at run time` };
    const argsOffset = offsetIn(offset, text2.indexOf(":") + 1);
    const args = splitArguments(argsText).map((arg) => this.argument(arg.text, offsetIn(argsOffset, arg.start), entry));
    const unresolved = args.find((arg) => arg.unresolved)?.unresolved;
    if (unresolved) return { value: null, literals: args.flatMap((arg) => arg.literals), unresolved };
    const numbers = args.map((arg) => arg.value);
    if (!numbers.every((value2) => typeof value2 === "number")) {
      return { value: null, literals: [], unresolved: `\${${name}:...} has an argument that is not a number` };
    }
    const value = operation(numbers);
    if (value === void 0) return { value: null, literals: [], unresolved: `\${${name}:...} divides by zero` };
    return { value, literals: args.flatMap((arg) => arg.literals) };
  }
  argument(text2, offset, entry) {
    if (text2.startsWith("${")) return this.expression(text2, offset, entry);
    const number = Number(text2);
    if (text2 !== "" && Number.isFinite(number)) {
      return { value: number, literals: offset === void 0 ? [] : [{ offset, length: text2.length }] };
    }
    return { value: text2.replace(/^(['"])(.*)\1$/, "$2"), literals: [] };
  }
  reference(reference, entry) {
    const target = this.lookup(reference, entry);
    if (!target) return { value: null, literals: [], unresolved: `\${${reference}} is not set in this file` };
    return this.value(target);
  }
  lookup(reference, entry) {
    const dots = /^\.*/.exec(reference)?.[0].length ?? 0;
    if (dots > 0) {
      const parent = entry.path.slice(0, Math.max(0, entry.path.length - dots));
      return this.byPath.get([...parent, reference.slice(dots)].join("."));
    }
    const direct = this.byPath.get(reference);
    if (direct) return direct;
    const [group, ...rest] = reference.split(".");
    return !this.roots.has(group) && rest.length > 0 ? this.byPath.get(rest.join(".")) : void 0;
  }
};
function splitInterpolations(raw) {
  const pieces = [];
  let index = 0;
  while (index < raw.length) {
    const open = raw.indexOf("${", index);
    if (open < 0) {
      pieces.push({ text: raw.slice(index), start: index, interpolation: false });
      break;
    }
    if (open > index) pieces.push({ text: raw.slice(index, open), start: index, interpolation: false });
    const close = closingBrace(raw, open + 2);
    pieces.push({ text: raw.slice(open, close), start: open, interpolation: true });
    index = close;
  }
  return pieces;
}
function closingBrace(raw, from) {
  let depth = 1;
  for (let i = from; i < raw.length; i++) {
    if (raw.startsWith("${", i)) {
      depth++;
      i++;
    } else if (raw[i] === "}" && --depth === 0) return i + 1;
  }
  return raw.length;
}
function splitArguments(text2) {
  const args = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text2.length; i++) {
    if (i === text2.length || text2[i] === "," && depth === 0) {
      const raw = text2.slice(start, i);
      const leading = raw.length - raw.trimStart().length;
      args.push({ text: raw.trim(), start: start + leading });
      start = i + 1;
    } else if (text2.startsWith("${", i)) depth++;
    else if (text2[i] === "}") depth--;
  }
  return args;
}
function offsetIn(base, delta) {
  return base === void 0 ? void 0 : base + delta;
}

// server/src/core/formats/refusals.ts
var JSON_EXTENSIONS = /* @__PURE__ */ new Set(["json"]);
var OLMO_ONLY_KEYS = ["mlp_ratio", "mlp_hidden_size", "embedding_size", "max_sequence_length", "block_type", "weight_tying", "include_bias", "layer_norm_type"];
var LOOK_ALIKES = [
  { lookAlike: "DeepSeek's inference config (dim, inter_dim: not Meta's params.json)", extensions: JSON_EXTENSIONS, keys: ["inter_dim", "moe_inter_dim", "n_routed_experts", "n_dense_layers"], atLeast: 2 },
  { lookAlike: "a FasterTransformer-style checkpoint config (not a Hugging Face config.json)", extensions: JSON_EXTENSIONS, keys: ["inter_size", "layer_num", "head_num_kv", "size_per_head", "head_num"], atLeast: 2 }
];
function refusal(fileName, text2) {
  const extension = extensionOf(fileName);
  const head = sniffHead(text2);
  for (const candidate of LOOK_ALIKES) {
    if (!candidate.extensions.has(extension)) continue;
    const present = candidate.keys.filter((key) => countKeys(head, [key]) > 0);
    if (present.length >= candidate.atLeast) return { lookAlike: candidate.lookAlike, formatEvidence: present };
  }
  return void 0;
}

// server/src/core/formats/foundry.ts
var DEFAULT_EXPANSION_RATIO = 4;
var MPT = FRAMEWORK_DEFAULTS.foundry;
var FOUNDRY_KEYS = ["d_model", "n_heads", "n_layers", "expansion_ratio", "max_seq_len", "device_train_microbatch_size", "global_train_batch_size"];
var foundryReader = {
  id: "foundry",
  label: "llm-foundry (MPT) YAML",
  evidence: ["model", ...FOUNDRY_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    if (countKeys(head, OLMO_ONLY_KEYS) >= 2) return 0;
    if (!hasTopLevelKey(head, "model")) return 0;
    if (/^[ \t]+name:[ \t]*hf_causal_lm\b/m.test(head) && countKeys(head, ["pretrained_model_name_or_path"]) === 1 && countKeys(head, FOUNDRY_KEYS) >= 2) return 0.9;
    return countKeys(head, FOUNDRY_KEYS) >= 4 ? 0.9 : 0;
  },
  parse(text2) {
    return resolveInterpolations(parseYaml(text2, "omegaconf"));
  },
  read(document, context) {
    const index = new EntryIndex(document, (path) => path[0] === "model" ? path.slice(1).join(".") : path.join("."));
    if (index.get("name")?.value === "hf_causal_lm") return readHfCausalLm(index, context);
    const hiddenSize = readField(index, "hiddenSize", ["d_model"], () => unknownField("no model.d_model"));
    const numHeads = readField(index, "numHeads", ["n_heads"], () => unknownField("no model.n_heads"));
    const vocabSize = readField(index, "vocabSize", ["vocab_size"], () => unknownField("no model.vocab_size"));
    const ffnType = index.get("ffn_config.ffn_type");
    const gated = ffnType?.value === "mptglu" || index.get("ffn_config.mlp_type")?.value === "glu";
    const shape = completeShape(
      "foundry",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["n_layers"], () => unknownField("no model.n_layers")),
        numHeads,
        numKvHeads: readField(index, "numKvHeads", ["attn_config.kv_n_heads"], () => defaultField(numHeads.value, "multi-head attention (no attn_config.kv_n_heads)")),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: mptFfn(index, hiddenSize),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, "MPT does not pad: vocab_size is the embedding"),
        vocabDivisor: defaultField(null, "MPT does not pad the vocabulary"),
        seqLength: readField(index, "seqLength", ["max_seq_len"], () => unknownField("no model.max_seq_len")),
        ...foundryBatchAndLayout(index),
        ...mptExperts(index, ffnType?.value)
      },
      {
        activation: ffnType ? fieldAt(ffnType, gated ? "gelu-glu" : "gelu") : defaultField("gelu", "MPT default ffn_type mptmlp (GELU)"),
        gatedMlp: gated,
        attentionKernel: readChoice(index, ["attn_config.attn_impl"], (entry) => MPT_ATTENTION[String(entry.value)] ?? null, () => unknownField("no attn_config.attn_impl")),
        kvHeadsMayDivideTensorParallel: false,
        ...foundryRunChoices(index),
        attentionDropout: readDropout(index, ["attn_config.attn_pdrop"], () => defaultField(MPT.attentionDropout, `MPTConfig default attn_config.attn_pdrop ${MPT.attentionDropout}`)),
        hiddenDropout: readDropout(index, ["resid_pdrop"], () => defaultField(MPT.hiddenDropout, `MPTConfig default resid_pdrop ${MPT.hiddenDropout}`))
      }
    );
    const loadsCheckpoint = checkpointSetting(index, ["load_path"]);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  }
};
var MOE_FFN_TYPES = /* @__PURE__ */ new Set(["mb_moe", "mb_dmoe"]);
function mptExperts(index, ffnType) {
  if (typeof ffnType !== "string" || !MOE_FFN_TYPES.has(ffnType)) return { numExperts: defaultField(1, "dense MPT"), expertsPerToken: defaultField(1, "dense MPT") };
  return {
    numExperts: readField(index, "numExperts", ["ffn_config.moe_num_experts"], () => unknownField(`ffn_type ${ffnType} without ffn_config.moe_num_experts`)),
    expertsPerToken: readField(index, "expertsPerToken", ["ffn_config.moe_top_k"], () => unknownField(`ffn_type ${ffnType} without ffn_config.moe_top_k`))
  };
}
function mptFfn(index, hiddenSize) {
  const explicit = index.get("ffn_config.ffn_hidden_size");
  if (explicit && explicit.value !== null) return readField(index, "ffnHiddenSize", ["ffn_config.ffn_hidden_size"], () => unknownField("no ffn_config.ffn_hidden_size"));
  const h = valueOf(hiddenSize);
  const ratioEntry = index.get("expansion_ratio");
  const ratio = typeof ratioEntry?.value === "number" ? ratioEntry.value : DEFAULT_EXPANSION_RATIO;
  if (h === void 0) return unknownField("d_model unknown");
  const how = `expansion_ratio ${ratio}${ratioEntry ? "" : " (MPTConfig default)"} \xD7 d_model ${h}`;
  return ratioEntry ? derivedSize("ffnHiddenSize", Math.floor(ratio * h), how, ratioEntry) : defaultField(ratio * h, how);
}
function readHfCausalLm(index, context) {
  const source = index.get("pretrained_model_name_or_path");
  const named = namedModel(source, context);
  const model = named ? catalogueFields(named.model, named.entry) : {};
  const why = typeof source?.value === "string" ? `the shape is ${source.value}'s, which is not in the model catalogue or in your local Hugging Face cache` : "no model.pretrained_model_name_or_path";
  const shape = completeShape(
    "foundry",
    {
      ...model,
      hiddenSize: model.hiddenSize ?? unknownField(why),
      vocabSize: tokenizerVocab(void 0, index.get("tokenizer.name") ?? source) ?? model.vocabSize ?? unknownField(why),
      vocabDivisor: defaultField(null, "hf_causal_lm keeps the checkpoint's embedding"),
      seqLength: readField(index, "seqLength", ["max_seq_len"], () => unknownField("no max_seq_len")),
      ...foundryBatchAndLayout(index)
    },
    {
      activation: named ? catalogueActivation(named.model, named.entry) : unknownField(why),
      gatedMlp: named?.model.gatedMlp ?? false,
      attentionKernel: defaultField(LAUNCH_DEFAULTS.hf.attention, LAUNCH_DEFAULTS.hf.attentionSource),
      kvHeadsMayDivideTensorParallel: false
    }
  );
  const loads = booleanValue(index.get("pretrained")) === true && typeof source?.value === "string" ? { loadsCheckpoint: `pretrained_model_name_or_path ${source.value}` } : {};
  return { ...shape, ...named ? { catalogueModel: named.model.name } : {}, ...loads };
}
function foundryBatchAndLayout(index) {
  return {
    microBatchSize: readField(index, "microBatchSize", ["device_train_microbatch_size"], () => unknownField("no device_train_microbatch_size")),
    globalBatchSize: readField(index, "globalBatchSize", ["global_train_batch_size"], () => unknownField("no global_train_batch_size")),
    tensorParallel: defaultField(1, "llm-foundry shards with FSDP: no tensor parallelism"),
    pipelineParallel: defaultField(1, "llm-foundry has no pipeline parallelism")
  };
}
var MPT_ATTENTION = { flash: "flash", triton: "flash", torch: "unfused" };
function foundryRunChoices(index) {
  const strategy = index.get("fsdp_config.sharding_strategy");
  const checkpointing = index.get("fsdp_config.activation_checkpointing");
  const sharding = strategy ? readChoice(index, ["fsdp_config.sharding_strategy"], (entry) => FSDP_SHARDING_STRATEGIES[String(entry.value)] ?? null, () => unknownField()) : index.has("fsdp_config") ? defaultField("fsdp", "Composer FSDP default sharding_strategy FULL_SHARD") : unknownField("no fsdp_config");
  const on = booleanValue(checkpointing);
  const recompute = checkpointing && on !== void 0 ? fieldAt(checkpointing, on ? "full" : "none") : defaultField("none", "Composer FSDP default activation_checkpointing false");
  return { sharding, recompute };
}

// server/src/core/formats/litgpt.ts
var DEFAULTS2 = FRAMEWORK_DEFAULTS.litgpt;
var LAUNCH3 = LAUNCH_DEFAULTS.litgpt;
var LITGPT_DROPOUT = noDropout("LitGPT", DEFAULTS2.modelSource);
var GATED_MLPS = /* @__PURE__ */ new Map([
  ["LLaMAMLP", "swiglu"],
  ["GemmaMLP", "geglu"],
  ["LLaMAMoE", "swiglu"]
]);
var LITGPT_RUN_KEYS = ["train", "eval", "out_dir", "precision", "devices", "num_nodes", "optimizer", "data", "tokenizer_dir", "logger_name", "initial_checkpoint_dir", "resume", "checkpoint_dir"];
var LITGPT_MODEL_KEYS = ["n_embd", "n_layer", "n_head", "n_query_groups", "padded_vocab_size", "mlp_class_name", "block_size"];
var litgptReader = {
  id: "litgpt",
  label: "LitGPT YAML",
  evidence: ["model_config", "model_name", ...LITGPT_RUN_KEYS, ...LITGPT_MODEL_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    if (hasTopLevelKey(head, "base_model")) return 0;
    const runKeys = LITGPT_RUN_KEYS.filter((key) => hasTopLevelKey(head, key)).length;
    const modelKeys = countKeys(head, LITGPT_MODEL_KEYS);
    if ((hasTopLevelKey(head, "model_config") || hasTopLevelKey(head, "model_name")) && (runKeys >= 1 || modelKeys >= 2)) return 0.9;
    return hasTopLevelKey(head, "checkpoint_dir") && hasTopLevelKey(head, "train") ? 0.75 : 0;
  },
  parse: parseYaml,
  read(document, context) {
    const index = new EntryIndex(document, (path) => path[0] === "model_config" ? path.slice(1).join(".") : path.join("."));
    const hasModel = document.entries.some((entry) => entry.path[0] === "model_config" && entry.path.length > 1 && entry.value !== null);
    const source = index.get("model_name") ?? index.get("checkpoint_dir");
    const named = hasModel ? void 0 : namedModel(source, context);
    const loadsCheckpoint = checkpointSetting(index, ["checkpoint_dir", "initial_checkpoint_dir", "resume"]);
    const run = litgptRun(index);
    if (named) return readNamedModel(index, named.model, named.entry, loadsCheckpoint, run);
    const elsewhere = source && typeof source.value === "string" ? `the shape comes from ${source.path[0]} ${source.value}, not from this file` : "no model_config in this file";
    const unknown = () => unknownField(elsewhere);
    const fallback = (make) => hasModel ? make : unknown;
    const hiddenSize = readField(index, "hiddenSize", ["n_embd"], unknown);
    const numHeads = readField(index, "numHeads", ["n_head"], unknown);
    const mlpClass = index.get("mlp_class_name");
    const gatedActivation = typeof mlpClass?.value === "string" ? GATED_MLPS.get(mlpClass.value) : void 0;
    const h = valueOf(hiddenSize);
    const padded = index.get("padded_vocab_size");
    const vocabSize = readField(index, "vocabSize", ["vocab_size"], fallback(
      () => typeof padded?.value === "number" && padded.value < DEFAULTS2.vocabSize ? defaultField(padded.value, `LitGPT: min(default vocab_size ${DEFAULTS2.vocabSize}, padded_vocab_size ${padded.value})`) : defaultField(DEFAULTS2.vocabSize, `LitGPT default vocab_size ${DEFAULTS2.vocabSize}`)
    ));
    const vocabDivisor = readField(index, "vocabDivisor", ["padding_multiple"], fallback(() => defaultField(DEFAULTS2.paddingMultiple, `LitGPT default padding_multiple ${DEFAULTS2.paddingMultiple}`)));
    const numExperts = readField(index, "numExperts", ["n_expert"], () => defaultField(1, "dense model (no n_expert)"));
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const shape = completeShape(
      "litgpt",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["n_layer"], unknown),
        numHeads,
        numKvHeads: readField(index, "numKvHeads", ["n_query_groups"], fallback(() => defaultField(numHeads.value, "LitGPT default n_query_groups = n_head"))),
        headDim: readField(index, "headDim", ["head_size"], () => derivedHeadDim(hiddenSize, numHeads)),
        ffnHiddenSize: readField(index, "ffnHiddenSize", moe && index.has("moe_intermediate_size") ? ["moe_intermediate_size"] : ["intermediate_size"], fallback(
          () => gatedActivation ? unknownField(`LitGPT requires intermediate_size for ${String(mlpClass?.value)}`) : defaultField(h === void 0 ? null : DEFAULT_MLP_EXPANSION * h, `LitGPT default intermediate_size ${DEFAULT_MLP_EXPANSION} \xD7 n_embd`)
        )),
        vocabSize,
        paddedVocabSize: readField(index, "paddedVocabSize", ["padded_vocab_size"], () => litgptPaddedVocab(vocabSize, vocabDivisor)),
        vocabDivisor,
        seqLength: readField(index, "seqLength", ["train.max_seq_length", "block_size"], fallback(() => defaultField(DEFAULTS2.blockSize, `LitGPT default block_size ${DEFAULTS2.blockSize}`))),
        microBatchSize: readField(index, "microBatchSize", ["train.micro_batch_size"], () => unknownField("no train.micro_batch_size in this file")),
        tensorParallel: defaultField(1, "LitGPT shards with FSDP: no tensor parallelism"),
        pipelineParallel: defaultField(1, "LitGPT has no pipeline parallelism"),
        ...run.sizes,
        numExperts,
        expertsPerToken: readField(index, "expertsPerToken", ["n_expert_per_token"], () => moe ? unknownField("n_expert_per_token not given") : defaultField(1, "dense model (no experts)"))
      },
      {
        activation: mlpClass && gatedActivation ? fieldAt(mlpClass, gatedActivation) : hasModel ? defaultField("gelu", "LitGPT default GptNeoxMLP (GELU)") : unknownField(elsewhere),
        gatedMlp: gatedActivation !== void 0,
        attentionKernel: defaultField(LAUNCH3.attention, LAUNCH3.attentionSource),
        kvHeadsMayDivideTensorParallel: false,
        ...LITGPT_DROPOUT,
        ...run.choices
      }
    );
    return { ...shape, ...loadsCheckpoint ? { loadsCheckpoint } : {}, ...run.caveat };
  }
};
var TRAINING_FIELDS = (index, model) => ({
  seqLength: readField(index, "seqLength", ["train.max_seq_length"], () => catalogueField(model.seqLength, `block_size of ${model.name} (model catalogue)`)),
  microBatchSize: readField(index, "microBatchSize", ["train.micro_batch_size"], () => unknownField("no train.micro_batch_size in this file"))
});
function readNamedModel(index, model, entry, loadsCheckpoint, run) {
  const fields = catalogueFields(model, entry);
  const shape = completeShape(
    "litgpt",
    {
      ...fields,
      ...TRAINING_FIELDS(index, model),
      vocabDivisor: derivedField(null, `the padded vocabulary comes with ${model.name}`),
      tensorParallel: defaultField(1, "LitGPT shards with FSDP: no tensor parallelism"),
      pipelineParallel: defaultField(1, "LitGPT has no pipeline parallelism"),
      ...run.sizes
    },
    {
      activation: catalogueActivation(model, entry),
      gatedMlp: model.gatedMlp,
      attentionKernel: defaultField(LAUNCH3.attention, LAUNCH3.attentionSource),
      kvHeadsMayDivideTensorParallel: false,
      ...LITGPT_DROPOUT,
      ...run.choices
    }
  );
  return { ...shape, catalogueModel: model.name, ...loadsCheckpoint ? { loadsCheckpoint } : {}, ...run.caveat };
}
function litgptPaddedVocab(vocab, divisor) {
  const v = valueOf(vocab);
  const d = valueOf(divisor);
  if (v === void 0 || d === void 0) return derivedField(null, "padded_vocab_size = find_multiple(vocab_size, padding_multiple); one of them is unknown");
  return derivedField(roundUpToMultiple(v, d), `LitGPT pads ${v} up to a multiple of padding_multiple ${d}`);
}
var LITGPT_PRECISION = { "bf16-true": "bf16", "bf16-mixed": "bf16", "16-true": "fp16", "16-mixed": "fp16" };
function litgptRun(index) {
  const finetune = index.has("checkpoint_dir");
  const lora = index.has("lora_r");
  const script = finetune ? lora ? LAUNCH3.lora : LAUNCH3.finetune : LAUNCH3.pretrain;
  const devicesEntry = index.get("devices");
  const devices = devicesEntry && (devicesEntry.value === "auto" || devicesEntry.value === -1) ? { ...fieldAt(devicesEntry, null), origin: "unknown", note: `devices ${String(devicesEntry.value)}: every GPU the node has, which the file does not say` } : readField(
    index,
    "gpusPerNode",
    ["devices"],
    () => script.devices === "auto" ? unknownField(`no devices: ${script.source} uses every GPU the node has`) : defaultField(script.devices, `${script.source} default devices ${script.devices}`)
  );
  const nodes = readField(index, "gpus", ["num_nodes"], () => defaultField(1, `${script.source} default num_nodes 1`));
  const gpus = gpusOfNodes(nodes, devices, devices, (nodeCount, perNode) => `num_nodes ${nodeCount} \xD7 devices ${perNode}`, devices.note ?? "devices unknown");
  const count = valueOf(gpus);
  const sharding = count === 1 ? defaultField("none", `one GPU: ${script.source} runs strategy auto`) : defaultField("fsdp", `${count === void 0 ? "the GPUs are unknown; on more than one, " : ""}${script.source} shards with ${script.strategy}`);
  const recompute = finetune && count !== 1 ? defaultField("full", `${count === void 0 ? "the GPUs are unknown; on more than one, " : ""}${script.source} checkpoints every Block (activation_checkpointing_policy={Block})`) : defaultField("none", `${script.source}: no activation checkpointing${finetune ? " on one GPU" : ""}`);
  const precision = readChoice(index, ["precision"], (entry) => LITGPT_PRECISION[String(entry.value)] ?? null, () => defaultField("bf16", LAUNCH3.precisionSource));
  const memoryNotModelled = lora ? `a LoRA finetune (lora_r${index.has("quantize") && index.get("quantize")?.value ? `, quantize ${String(index.get("quantize")?.value)}` : ""}): full fine-tune memory not modelled for LoRA; the run model counts gradients and optimizer states for every weight` : index.get("precision")?.value === "bf16-true" ? "precision bf16-true keeps weights, gradients and AdamW states in bf16, 8 B per parameter against the 16 to 18 B of mixed-precision Adam the run model counts: its memory per GPU is an upper bound" : void 0;
  return {
    sizes: { gpus, gpusPerNode: devices, globalBatchSize: litgptGlobalBatch(index, devices, gpus) },
    choices: { sharding: lora ? { ...sharding, note: `${sharding.note}; full fine-tune memory not modelled for LoRA` } : sharding, recompute, dtype: precision },
    caveat: memoryNotModelled ? { memoryNotModelled } : {}
  };
}
function litgptGlobalBatch(index, devices, gpus) {
  const written2 = readField(index, "globalBatchSize", ["train.global_batch_size"], () => unknownField("no train.global_batch_size in this file"));
  const entry = index.get("train.global_batch_size");
  const micro = index.get("train.micro_batch_size")?.value;
  const perNode = valueOf(devices);
  const count = valueOf(gpus);
  const global = valueOf(written2);
  if (global === void 0 || !entry) return written2;
  if (perNode === void 0 || count === void 0 || typeof micro !== "number" || micro <= 0) return unknownField(`train.global_batch_size ${global}, split over devices${perNode === void 0 ? " the file leaves to the launcher" : ""}: LitGPT runs global_batch_size // devices // micro_batch_size micro-batches per GPU`);
  const accumulation = Math.floor(Math.floor(global / perNode) / micro);
  const effective2 = accumulation * micro * count;
  if (effective2 === global) return written2;
  return derivedSize("globalBatchSize", effective2, `LitGPT runs ${global} // ${perNode} devices // micro_batch_size ${micro} = ${accumulation} micro-batches on each of ${count} GPUs`, entry);
}

// server/src/core/formats/catalogue/maxtext-models.ts
var MAXTEXT_REPO = "AI-Hypercomputer/maxtext";
function modelFile(name, commit) {
  return { repo: MAXTEXT_REPO, path: `src/MaxText/configs/models/${name}.yml`, commit };
}
var SILU_GLU = ["silu", "linear"];
var MAXTEXT_MODELS = {
  "llama3-8b": {
    source: modelFile("llama3-8b", "48445cf00e73064e87886539714a8ba1794ee019"),
    settings: { base_emb_dim: 4096, base_num_query_heads: 32, base_num_kv_heads: 8, base_num_decoder_layers: 32, base_mlp_dim: 14336, head_dim: 128, mlp_activations: SILU_GLU, vocab_size: 128256 }
  },
  "mixtral-8x7b": {
    source: modelFile("mixtral-8x7b", "48445cf00e73064e87886539714a8ba1794ee019"),
    settings: { base_emb_dim: 4096, base_num_query_heads: 32, base_num_kv_heads: 8, base_mlp_dim: 14336, base_moe_mlp_dim: 14336, base_num_decoder_layers: 32, head_dim: 128, mlp_activations: SILU_GLU, vocab_size: 32e3, num_experts: 8, num_experts_per_tok: 2 }
  },
  "deepseek3-671b": {
    source: modelFile("deepseek3-671b", "ac708cd5871662a275860b627645dbb3ae7166e2"),
    settings: {
      base_emb_dim: 7168,
      base_num_query_heads: 128,
      base_num_kv_heads: 128,
      base_mlp_dim: 18432,
      base_moe_mlp_dim: 2048,
      base_num_decoder_layers: 61,
      first_num_dense_layers: 3,
      mlp_activations: SILU_GLU,
      vocab_size: 129280,
      num_experts: 256,
      num_experts_per_tok: 8,
      attention_type: "mla",
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64
    }
  },
  "gpt-oss-20b": {
    source: modelFile("gpt-oss-20b", "6710342780303d1a45872f5a8eb1bc3855321707"),
    settings: { base_emb_dim: 2880, base_num_query_heads: 64, base_num_kv_heads: 8, head_dim: 64, base_mlp_dim: 2880, base_moe_mlp_dim: 2880, mlp_activations: ["sigmoid", "linear"], num_experts: 32, num_experts_per_tok: 4, base_num_decoder_layers: 24, vocab_size: 201088 }
  },
  "gpt-oss-120b": {
    source: modelFile("gpt-oss-120b", "6710342780303d1a45872f5a8eb1bc3855321707"),
    settings: { base_emb_dim: 2880, base_num_query_heads: 64, base_num_kv_heads: 8, head_dim: 64, base_mlp_dim: 2880, base_moe_mlp_dim: 2880, mlp_activations: ["sigmoid", "linear"], num_experts: 128, num_experts_per_tok: 4, base_num_decoder_layers: 36, vocab_size: 201088 }
  },
  "gemma3-4b": {
    source: modelFile("gemma3-4b", "48445cf00e73064e87886539714a8ba1794ee019"),
    settings: { base_num_decoder_layers: 34, base_emb_dim: 2560, base_num_query_heads: 8, base_num_kv_heads: 4, base_mlp_dim: 10240, head_dim: 256, mlp_activations: ["gelu", "linear"], vocab_size: 262144 }
  }
};
var MESH_AXES = ["data", "stage", "fsdp", "fsdp_transpose", "sequence", "context", "context_autoregressive", "tensor", "tensor_transpose", "tensor_sequence", "expert", "autoregressive"];
function meshKey(tier, axis) {
  return `${tier}_${axis === "stage" ? "pipeline" : axis}_parallelism`;
}
function meshDefaults() {
  const defaults = {};
  for (const axis of MESH_AXES) {
    defaults[meshKey("ici", axis)] = axis === "fsdp" ? -1 : 1;
    defaults[meshKey("dcn", axis)] = axis === "data" ? -1 : 1;
  }
  return defaults;
}
var MAXTEXT_BASE = {
  source: { repo: MAXTEXT_REPO, path: "src/MaxText/configs/base.yml", commit: "09d2025bc52059162c84f05846b15121b2b48eb0" },
  settings: {
    global_parameter_scale: 1,
    base_emb_dim: 2048,
    base_num_query_heads: 16,
    base_num_kv_heads: 16,
    base_mlp_dim: 7168,
    base_num_decoder_layers: 16,
    head_dim: 128,
    mlp_activations: SILU_GLU,
    num_experts: 1,
    num_experts_per_tok: 1,
    base_moe_mlp_dim: 7168,
    first_num_dense_layers: 0,
    attention_type: "global",
    qk_nope_head_dim: 128,
    qk_rope_head_dim: 64,
    vocab_size: 32e3,
    per_device_batch_size: 12,
    max_target_length: 2048,
    gradient_accumulation_steps: 1,
    num_pipeline_microbatches: -1,
    remat_policy: "full",
    attention: "autoselected",
    dtype: "bfloat16",
    weight_dtype: "float32",
    quantization: "",
    ...meshDefaults()
  }
};

// server/src/core/formats/maxtext.ts
var MAXTEXT_KEYS = ["base_emb_dim", "base_num_query_heads", "base_num_kv_heads", "base_mlp_dim", "base_num_decoder_layers"];
var MAXTEXT_RUN_KEYS = ["base_config", "per_device_batch_size", "max_target_length", "ici_fsdp_parallelism", "ici_tensor_parallelism", "dcn_data_parallelism", "base_output_directory", "run_name", "tokenizer_path", "scan_layers", "remat_policy"];
var maxtextReader = {
  id: "maxtext",
  label: "MaxText YAML",
  evidence: [...MAXTEXT_KEYS, "model_name", ...MAXTEXT_RUN_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    if (countKeys(head, MAXTEXT_KEYS) >= 2) return 0.9;
    return hasTopLevelKey(head, "model_name") && countKeys(head, MAXTEXT_RUN_KEYS) >= 2 ? 0.92 : 0;
  },
  parse: (text2) => parseYaml(text2, "omegaconf"),
  read(document) {
    const index = new EntryIndex(document);
    const settings = new MaxtextSettings(index);
    const scaleEntry = index.get("global_parameter_scale");
    const scales = scaleEntry && scaleEntry.value !== null ? individualScales(scaleEntry.value) : UNSCALED;
    const scaled = (name, key, dimension) => {
      const field = settings.number(name, key);
      const value = valueOf(field);
      if (typeof scales === "string") {
        const written2 = String(scaleEntry?.value);
        return name === "hiddenSize" ? { ...fieldAt(scaleEntry, null), origin: "invalid", invalidText: written2, note: `${written2} ${scales}` } : unknownField(`global_parameter_scale ${written2} ${scales}`);
      }
      const exponent = scales[dimension];
      if (exponent === 0 || value === void 0) return field;
      return derivedSize(name, 2 ** exponent * value, `${key} ${value} \xD7 2^${exponent} (global_parameter_scale ${String(scaleEntry?.value)}, MaxText get_individual_scales)`, scaleEntry);
    };
    const activations = settings.activations();
    const numExperts = settings.number("numExperts", "num_experts");
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const denseLayers = settings.raw("first_num_dense_layers");
    const expertWidthKey = moe && settings.isSet("base_moe_mlp_dim") ? "base_moe_mlp_dim" : "base_mlp_dim";
    const ffn = scaled("ffnHiddenSize", expertWidthKey, "mlp");
    const vocabSize = settings.number("vocabSize", "vocab_size");
    const enableDropout = index.get("enable_dropout");
    const dropout = enableDropout && booleanValue(enableDropout) === false ? fieldAt(enableDropout, 0, "enable_dropout False: no dropout") : readDropout(index, ["dropout_rate"], () => unknownField("dropout_rate comes from base.yml or the command line"));
    const launch = maxtextLaunch(settings);
    const shape = completeShape(
      "maxtext",
      {
        hiddenSize: scaled("hiddenSize", "base_emb_dim", "embedding"),
        numLayers: scaled("numLayers", "base_num_decoder_layers", "layers"),
        numHeads: scaled("numHeads", "base_num_query_heads", "heads"),
        numKvHeads: scaled("numKvHeads", "base_num_kv_heads", "heads"),
        headDim: settings.raw("attention_type") === "mla" ? settings.latentHeadDim() : settings.number("headDim", "head_dim"),
        ffnHiddenSize: moe && typeof denseLayers === "number" && denseLayers > 0 ? { ...ffn, note: `${ffn.note ?? expertWidthKey}; each expert's width (the first ${denseLayers} layers are dense, base_mlp_dim wide)` } : ffn,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, "MaxText does not pad: the embedding has vocab_size rows"),
        vocabDivisor: defaultField(null, "MaxText does not pad the vocabulary"),
        seqLength: settings.number("seqLength", "max_target_length"),
        ...launch.sizes,
        numExperts,
        expertsPerToken: settings.number("expertsPerToken", "num_experts_per_tok")
      },
      {
        activation: activations,
        gatedMlp: settings.gated(),
        attentionKernel: settings.choice("attention", (value) => MAXTEXT_ATTENTION[String(value)] ?? null),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
        ...launch.choices
      }
    );
    const named = settings.model ? { catalogueModel: `MaxText ${settings.modelName}` } : {};
    return { ...shape, ...named, ...launch.memoryNotModelled ? { memoryNotModelled: launch.memoryNotModelled } : {} };
  }
};
var MaxtextSettings = class {
  constructor(index) {
    this.index = index;
    const entry = index.get("model_name");
    this.modelName = typeof entry?.value === "string" && !entry.unresolved ? entry.value : void 0;
    this.model = this.modelName === void 0 ? void 0 : MAXTEXT_MODELS[this.modelName];
    this.modelEntry = entry;
  }
  index;
  modelName;
  model;
  modelEntry;
  isSet(key) {
    return this.index.has(key) || (this.model?.settings[key] ?? void 0) !== void 0;
  }
  /** The value below the file: the model file's, else base.yml's. */
  inherited(key) {
    const fromModel = this.model?.settings[key];
    if (this.model && fromModel !== void 0) return { value: fromModel, layer: this.model, fromModel: true };
    const fromBase = MAXTEXT_BASE.settings[key];
    return fromBase === void 0 ? void 0 : { value: fromBase, layer: MAXTEXT_BASE, fromModel: false };
  }
  raw(key) {
    const entry = this.index.get(key);
    return entry ? entry.value : this.inherited(key)?.value;
  }
  /** The file's own entry for `key`, if it writes one. */
  written(key) {
    return this.index.get(key);
  }
  /**
   * A launch choice from `key` through the layers, mapped by `read` with why; a value `read` does
   * not map (null) is unknown, never guessed.
   */
  choice(key, read) {
    const entry = this.index.get(key);
    if (entry?.unresolved) return fieldAt(entry, null);
    if (entry && entry.value !== null) {
      const mapped2 = read(entry.value);
      return mapped2 ? fieldAt(entry, mapped2.value, `${key} ${String(entry.value)}: ${mapped2.why}`) : { ...fieldAt(entry, null), origin: "unknown", note: `${key} ${String(entry.value)}: not a choice shapelint models` };
    }
    const inherited = this.inherited(key)?.value;
    const mapped = inherited === void 0 ? null : read(inherited);
    if (!mapped) return unknownField(`${key} ${String(inherited)}: not a choice shapelint models`);
    const field = this.inheritedField(key, mapped.value);
    return { ...field, note: `${field.note}: ${mapped.why}` };
  }
  number(name, key) {
    return readField(this.index, name, [key], () => this.inheritedField(key));
  }
  inheritedField(key, value) {
    const layer = this.inherited(key);
    const shown = value ?? layer?.value ?? null;
    if (!layer) return unknownField(`no ${key}`);
    if (!layer.fromModel) return defaultField(shown, `${key}: MaxText base.yml default ${String(layer.value)} (${sourceText(layer.layer.source)})`);
    const field = catalogueField(shown, `${key} ${String(layer.value)} from model_name ${this.modelName} (${sourceText(layer.layer.source)})`);
    return this.modelEntry ? { ...field, key: `${key} of ${this.modelName} (MaxText model file)`, keySpan: this.modelEntry.keySpan, valueSpan: this.modelEntry.valueSpan } : field;
  }
  activationNames() {
    const written2 = this.index.document.entries.filter((entry) => entry.path[0] === "mlp_activations");
    if (written2.length > 0) return { names: written2.map((entry) => String(entry.value)), entry: written2[0] };
    const inherited = this.inherited("mlp_activations")?.value;
    return { names: Array.isArray(inherited) ? [...inherited] : [] };
  }
  gated() {
    return this.activationNames().names.length >= 2;
  }
  activations() {
    const { names, entry } = this.activationNames();
    const name = names.length >= 2 ? `${names[0]}-glu` : names[0] ?? null;
    return entry ? fieldAt(entry, name) : this.inheritedField("mlp_activations", name);
  }
  /** Multi-latent attention: the score GEMM's inner size is qk_nope_head_dim + qk_rope_head_dim. */
  latentHeadDim() {
    const parts = ["qk_nope_head_dim", "qk_rope_head_dim"].map((key) => this.raw(key));
    if (!parts.every((part) => typeof part === "number" && Number.isInteger(part) && part > 0)) return unknownField("attention_type mla: qk_nope_head_dim or qk_rope_head_dim unknown");
    const [noPosition, rotary] = parts;
    return derivedField(noPosition + rotary, `multi-latent attention: query-key head dim = qk_nope_head_dim + qk_rope_head_dim = ${noPosition} + ${rotary}`);
  }
};
var UNSCALED = { embedding: 0, heads: 0, mlp: 0, layers: 0 };
function individualScales(scale) {
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0) return "is not a positive number";
  const log2 = Math.floor(Math.log2(scale));
  if (2 ** log2 !== scale) return "is not a power of two: MaxText's get_individual_scales refuses it";
  const base = Math.floor(log2 / 3);
  const rem = log2 - 3 * base;
  const heads = base + (rem > 0 ? 1 : 0);
  return { embedding: base + (rem > 1 ? 1 : 0), heads, mlp: heads, layers: base };
}
var MESH_GROUPS = {
  tensorParallel: ["tensor", "tensor_transpose", "tensor_sequence"],
  pipelineParallel: ["stage"],
  // Both split the sequence of every layer's activations over their devices.
  contextParallel: ["sequence", "context"],
  expertParallel: ["expert"],
  gpus: MESH_AXES
};
var BASE_SOURCE = sourceText(MAXTEXT_BASE.source);
function meshDegree(settings, name, axes) {
  const factors = axes.flatMap((axis) => ["ici", "dcn"].map((tier) => {
    const key = meshKey(tier, axis);
    return { key, entry: settings.written(key), value: settings.raw(key) };
  }));
  const unresolved = factors.find((factor) => factor.entry?.unresolved);
  if (unresolved?.entry) return fieldAt(unresolved.entry, null);
  const bad = factors.find((factor) => !(Number.isInteger(factor.value) && (factor.value >= 1 || factor.value === -1)));
  if (bad) {
    const text2 = String(bad.value);
    const note = `'${text2}' is not a mesh degree (a positive whole number, or -1 to fill)`;
    return bad.entry ? { ...fieldAt(bad.entry, null), origin: "invalid", invalidText: text2, note } : unknownField(`${bad.key} ${note}`);
  }
  const filled = factors.filter((factor) => factor.value === -1);
  if (filled.length > 0) {
    const note = `${filled.map((factor) => factor.key).join(", ")} -1${filled.some((factor) => !factor.entry) ? ` (base.yml, ${BASE_SOURCE})` : ""}: MaxText fills it with the devices the other axes leave, which the file does not say`;
    return { ...filled[0].entry ? fieldAt(filled[0].entry, null) : {}, value: null, origin: "unknown", note };
  }
  const product = factors.reduce((total2, factor) => total2 * factor.value, 1);
  const set2 = factors.filter((factor) => factor.entry && factor.value !== 1);
  if (set2.length === 0) {
    const entry = factors.find((factor) => factor.entry)?.entry;
    return entry ? fieldAt(entry, product) : defaultField(product, `${axes.join(", ")}: 1 over ICI and DCN in MaxText base.yml (${BASE_SOURCE})`);
  }
  if (set2.length === 1 && set2[0].entry) return fieldAt(set2[0].entry, product);
  return derivedSize(name, product, set2.map((factor) => `${factor.key} ${String(factor.value)}`).join(" \xD7 "), set2[0].entry);
}
function microBatch(settings, tensor, context, pipeline) {
  const entry = settings.written("per_device_batch_size");
  if (entry?.unresolved) return fieldAt(entry, null);
  const perDevice = settings.raw("per_device_batch_size");
  const t = valueOf(tensor);
  const c = valueOf(context);
  const p = valueOf(pipeline);
  if (typeof perDevice !== "number" || !(perDevice > 0)) return settings.number("microBatchSize", "per_device_batch_size");
  if (t === void 0 || c === void 0 || p === void 0) return unknownField(`per_device_batch_size ${perDevice} \xD7 TP \xD7 CP, and the ${t === void 0 ? "tensor" : c === void 0 ? "context" : "pipeline"}-parallel size is unknown`);
  const microbatches = settings.raw("num_pipeline_microbatches");
  const cut = p > 1 && typeof microbatches === "number" && microbatches > 0 ? { factor: p / microbatches, text: ` \xD7 PP ${p} / num_pipeline_microbatches ${microbatches}` } : { factor: 1, text: "" };
  const factor = t * c * cut.factor;
  const sequences = perDevice * factor;
  const product = `per_device_batch_size ${perDevice} \xD7 TP ${t} \xD7 CP ${c}${cut.text}`;
  const how = factor === 1 ? "" : `${product}: each device holds ${perDevice}, a data-parallel rank spans ${t * c} devices${cut.text ? ", and the pipeline cuts the step into micro-batches" : ""}`;
  if (!Number.isInteger(sequences)) {
    const note = `${product} = ${sequences} sequences per data-parallel rank, not a whole number: not modelled`;
    return { ...entry ? fieldAt(entry, null) : {}, value: null, origin: "unknown", note };
  }
  if (!entry) return defaultField(sequences, `${how ? `${how}; ` : ""}per_device_batch_size ${perDevice} from MaxText base.yml (${BASE_SOURCE})`);
  return factor === 1 ? fieldAt(entry, sequences) : { ...fieldAt(entry, sequences, how), toLiteral: (wanted) => wanted / factor, written: perDevice };
}
function globalBatch(settings, gpus) {
  const perDevice = settings.raw("per_device_batch_size");
  const accumulation = settings.raw("gradient_accumulation_steps");
  const devices = valueOf(gpus);
  const rule = "devices \xD7 per_device_batch_size \xD7 gradient_accumulation_steps (MaxText pyconfig.py calculate_global_batch_sizes @ e7e8b3da)";
  if (devices === void 0 || typeof perDevice !== "number" || typeof accumulation !== "number") return unknownField(`${rule}; ${devices === void 0 ? `the devices are unknown (${gpus.note ?? "not given"})` : "a factor is not a number"}`);
  const value = Math.floor(devices * perDevice) * accumulation;
  return derivedSize("globalBatchSize", value, `${devices} devices \xD7 per_device_batch_size ${perDevice} \xD7 gradient_accumulation_steps ${accumulation}`, settings.written("per_device_batch_size") ?? settings.written("gradient_accumulation_steps"));
}
var REMAT_SOURCE = "MaxText src/MaxText/layers/decoders.py Decoder.get_remat_policy @ 02bc28ce";
var SAVES_SOME = (names) => ({
  value: "full",
  why: `saves only ${names} and recomputes the rest of each layer; the run model's nearest level is full recomputation (an assumption: memory a lower bound, recompute time an upper bound)`
});
var REMAT_POLICIES = {
  full: { value: "full", why: `nn.remat with no policy: every layer runs its forward again (${REMAT_SOURCE})` },
  none: { value: "full", why: `get_remat_policy leaves the policy None, as for full, and every layer is still wrapped in nn.remat (${REMAT_SOURCE})` },
  minimal: { value: "selective", why: `saves every projection (query, key, value, out_proj, mlpwi, mlpwo) and recomputes the attention core, as selective recomputation does (${REMAT_SOURCE})`, keepsLess: true },
  minimal_with_context: { value: "selective", why: `saves every projection and the attention output; the run model's nearest level is selective (${REMAT_SOURCE})`, keepsLess: true },
  minimal_flash: { value: "selective", why: `minimal_with_context's old name (${REMAT_SOURCE})`, keepsLess: true },
  save_dot_with_context_except_mlp: SAVES_SOME("the query, key, value, attention output and out_proj"),
  save_dot_except_mlpwi: SAVES_SOME("the query, key, value, out_proj and mlpwo projections"),
  save_dot_except_mlp: SAVES_SOME("the query, key, value and out_proj projections"),
  save_qkv_proj: SAVES_SOME("the query, key and value projections"),
  save_out_proj: SAVES_SOME("out_proj"),
  qkv_proj_offloaded: { value: "full", why: `offloads the query, key and value projections to host memory: only layer inputs stay on the GPU, as under full recomputation (an assumption: recompute time an upper bound) (${REMAT_SOURCE})` },
  minimal_offloaded: { value: "full", why: `offloads every projection to host memory: only layer inputs stay on the GPU, as under full recomputation (an assumption: recompute time an upper bound) (${REMAT_SOURCE})` }
};
var MAXTEXT_ATTENTION = {
  dot_product: { value: "unfused", why: "the score and attention-over-value matmuls as separate kernels" },
  flash: { value: "flash", why: "a FlashAttention kernel" },
  cudnn_flash_te: { value: "cudnn", why: "Transformer Engine's cuDNN fused attention" }
};
var FP8_QUANTIZATIONS = /* @__PURE__ */ new Set(["fp8", "nanoo_fp8", "fp8_full"]);
var ACTIVATION_DTYPES = { bfloat16: "bf16", float16: "fp16" };
function maxtextDtype(settings) {
  const quantization = settings.raw("quantization");
  if (typeof quantization === "string" && quantization !== "") {
    return settings.choice("quantization", (value) => FP8_QUANTIZATIONS.has(String(value)) ? { value: "fp8", why: "8-bit floating-point GEMMs" } : null);
  }
  return settings.choice("dtype", (value) => ACTIVATION_DTYPES[String(value)] ? { value: ACTIVATION_DTYPES[String(value)], why: "the GEMMs and activations in this type" } : null);
}
function maxtextSharding(settings) {
  const keys = ["fsdp", "fsdp_transpose"].flatMap((axis) => [meshKey("ici", axis), meshKey("dcn", axis)]);
  const sharding = keys.find((key) => typeof settings.raw(key) === "number" && (settings.raw(key) === -1 || settings.raw(key) > 1));
  if (sharding) {
    const why = "FSDP over the fsdp axes: weights, gradients and optimizer states sharded (the run model shards over every data-parallel rank)";
    return settings.choice(sharding, () => ({ value: "fsdp", why }));
  }
  const optimizer = settings.written("shard_optimizer_over_data");
  if (optimizer && booleanValue(optimizer) === true) return fieldAt(optimizer, "zero-1", "shard_optimizer_over_data: ZeRO-1 optimizer sharding over the data axis");
  return defaultField("none", `no fsdp axis above 1 and no shard_optimizer_over_data (base.yml ${BASE_SOURCE}): weights, gradients and optimizer states replicated`);
}
function maxtextLaunch(settings) {
  const degree = (name) => meshDegree(settings, name, MESH_GROUPS[name]);
  const tensorParallel = degree("tensorParallel");
  const contextParallel = degree("contextParallel");
  const pipelineParallel = degree("pipelineParallel");
  const gpus = degree("gpus");
  const remat = settings.raw("remat_policy");
  const weightDtype = settings.raw("weight_dtype");
  const caveats = [
    REMAT_POLICIES[String(remat)]?.keepsLess ? `remat_policy ${String(remat)} saves only the projections, less than the selective level the run model counts` : "",
    // base.yml's float32 weights, float32 gradients (grad_dtype) and AdamW moments in the weights' type are the 16 B per parameter the run model's FSDP counts.
    weightDtype !== "float32" && typeof weightDtype === "string" ? `weight_dtype ${weightDtype} keeps weights and AdamW moments narrower than the float32 the run model counts` : ""
  ].filter(Boolean);
  return {
    ...caveats.length > 0 ? { memoryNotModelled: `${caveats.join("; ")}: its memory per GPU is an upper bound` } : {},
    sizes: {
      tensorParallel,
      pipelineParallel,
      contextParallel,
      expertParallel: degree("expertParallel"),
      gpus,
      microBatchSize: microBatch(settings, tensorParallel, contextParallel, pipelineParallel),
      globalBatchSize: globalBatch(settings, gpus)
    },
    choices: {
      recompute: settings.choice("remat_policy", (value) => REMAT_POLICIES[String(value)] ?? null),
      dtype: maxtextDtype(settings),
      sharding: maxtextSharding(settings),
      sequenceParallel: defaultField(false, "MaxText has no Megatron-style sequence parallelism: its sequence axis is counted as context parallelism")
    }
  };
}

// server/src/core/formats/meta.ts
var DEFAULTS3 = FRAMEWORK_DEFAULTS.meta;
var META_ONLY = ["multiple_of", "ffn_dim_multiplier", "n_kv_heads"];
var metaReader = {
  id: "meta",
  label: "Meta Llama params.json",
  evidence: ["dim", "n_layers", "n_heads", ...META_ONLY],
  detect(fileName, text2) {
    if (extensionOf(fileName) !== "json") return 0;
    const head = sniffHead(text2);
    if (countKeys(head, ["dim", "n_layers", "n_heads"]) < 3 || countKeys(head, ["inter_dim", "hidden_size"]) > 0) return 0;
    return countKeys(head, META_ONLY) >= 1 ? 0.95 : 0;
  },
  parse: parseJson,
  read(document) {
    const index = new EntryIndex(document);
    const hiddenSize = readField(index, "hiddenSize", ["dim"], () => unknownField("no dim"));
    const numHeads = readField(index, "numHeads", ["n_heads"], () => unknownField("no n_heads"));
    const vocab = index.get("vocab_size");
    const vocabSize = vocab && vocab.value === -1 ? unknownField("vocab_size -1: the tokenizer sets it") : readField(index, "vocabSize", ["vocab_size"], () => unknownField("vocab_size comes from the tokenizer"));
    return completeShape(
      "meta",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["n_layers"], () => unknownField("no n_layers")),
        numHeads,
        numKvHeads: readField(index, "numKvHeads", ["n_kv_heads"], () => defaultField(numHeads.value, "ModelArgs default n_kv_heads None: one per head")),
        headDim: readField(index, "headDim", ["head_dim"], () => derivedHeadDim(hiddenSize, numHeads)),
        ffnHiddenSize: readField(index, "ffnHiddenSize", ["hidden_dim"], () => metaFfn(index, hiddenSize)),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, "the reference model does not pad: the embedding has vocab_size rows"),
        vocabDivisor: defaultField(null, "the reference model does not pad the vocabulary"),
        seqLength: readField(index, "seqLength", ["max_seq_len"], () => unknownField("set at generation or training time, not in params.json")),
        microBatchSize: unknownField("set by the trainer, not by params.json"),
        tensorParallel: unknownField("set by the launcher (model parallel size), not by params.json"),
        pipelineParallel: unknownField("set by the launcher, not by params.json"),
        ...metaExperts(index)
      },
      {
        activation: metaActivation(index),
        gatedMlp: true,
        attentionKernel: unknownField("chosen by the code that loads params.json"),
        kvHeadsMayDivideTensorParallel: false,
        ...noDropout("Meta's reference Llama", DEFAULTS3.modelSource)
      }
    );
  }
};
function metaFfn(index, hiddenSize) {
  const dim = valueOf(hiddenSize);
  const multiplierEntry = index.get("ffn_dim_multiplier");
  const multiplier = typeof multiplierEntry?.value === "number" ? multiplierEntry.value : void 0;
  const multipleEntry = index.get("multiple_of");
  const multipleOf = typeof multipleEntry?.value === "number" && Number.isInteger(multipleEntry.value) && multipleEntry.value > 0 ? multipleEntry.value : DEFAULTS3.multipleOf;
  if (dim === void 0) return unknownField("dim unknown");
  const ffn = llamaFeedForwardWidth(dim, multipleOf, multiplier);
  const how = `int(2\xB74\xB7${dim}/3)${multiplier !== void 0 ? ` \xD7 ffn_dim_multiplier ${multiplier}` : ""} rounded up to multiple_of ${multipleOf}`;
  return derivedSize("ffnHiddenSize", ffn, `Llama FeedForward: ${how}`, multiplierEntry);
}
var EXECUTORCH_ARGS = "ExecuTorch ModelArgs (pytorch/executorch examples/models/llama/model_args.py @ 70e557bd)";
function metaActivation(index) {
  const entry = index.get("act_fn");
  if (!entry || typeof entry.value !== "string") return defaultField("swiglu", "Llama FeedForward: w2(silu(w1\xB7x) \xB7 w3\xB7x)");
  return fieldAt(entry, entry.value === "silu" ? "swiglu" : /^gelu/.test(entry.value) ? "geglu" : entry.value);
}
function metaExperts(index) {
  const moe = index.get("moe");
  if (booleanValue(moe) !== true) return { numExperts: defaultField(1, "dense model (no moe: true)"), expertsPerToken: defaultField(1, "dense model (no moe: true)") };
  return {
    numExperts: readField(index, "numExperts", ["num_experts"], () => defaultField(8, `${EXECUTORCH_ARGS} default num_experts 8`)),
    expertsPerToken: readField(index, "expertsPerToken", ["num_activated_experts"], () => defaultField(2, `${EXECUTORCH_ARGS} default num_activated_experts 2`))
  };
}

// server/src/core/parse/python.ts
function parsePython(text2) {
  const entries = [];
  const errors = [];
  const names = /* @__PURE__ */ new Map();
  for (const line of logicalLines(text2, errors)) {
    const match = /^([A-Za-z_]\w*)[ \t]*=(?!=)/.exec(line.text);
    if (!match) continue;
    const name = match[1];
    const tokens = tokenize(line.text, line.offset, match[0].length, errors);
    const keySpan = { offset: line.offset, length: name.length };
    if (tokens === void 0) continue;
    const evaluated = new ExpressionReader(tokens, names).read();
    const entry = { path: [name], keySpan, value: evaluated.value, valueSpan: evaluated.span };
    if (evaluated.usedAt) entry.usedAt = evaluated.usedAt;
    if (evaluated.reference) entry.reference = evaluated.reference;
    if (evaluated.reads) entry.reads = evaluated.reads;
    if (evaluated.unresolved) {
      entry.unresolved = evaluated.unresolved;
      entry.value = null;
    }
    entries.push(entry);
    names.set(name, evaluated);
  }
  markSharedLiterals(entries);
  return { syntax: "python", text: text2, entries, errors };
}
function logicalLines(text2, errors, indented = false) {
  const lines = [];
  let start = 0;
  let depth = 0;
  let quote = null;
  for (let i = 0; i <= text2.length; i++) {
    const char = text2[i];
    const continued = text2[i - 1] === "\\" || text2[i - 1] === "\r" && text2[i - 2] === "\\";
    if (i === text2.length || char === "\n" && depth === 0 && quote === null && !continued) {
      const line = text2.slice(start, i).replace(/\r$/, "");
      const indent = indented ? /^[ \t]*/.exec(line)[0].length : 0;
      if (/^[A-Za-z_]/.test(line.slice(indent))) lines.push({ text: line.slice(indent), offset: start + indent });
      start = i + 1;
      continue;
    }
    if (quote !== null) {
      if (char === "\\") i++;
      else if (text2.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (char === "\n" && quote.length === 1) {
        errors.push({ span: { offset: start, length: i - start }, message: "Unterminated string" });
        quote = null;
        depth = 0;
        start = i + 1;
      }
    } else if (char === "#") {
      while (i + 1 < text2.length && text2[i + 1] !== "\n") i++;
    } else if (char === '"' || char === "'") {
      quote = text2.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
      i += quote.length - 1;
    } else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth = Math.max(0, depth - 1);
  }
  return lines;
}
var BLANK = String.raw`\s*(?:\\\r?\n\s*)*`;
var TOKEN2 = new RegExp(BLANK + /(?:(\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([rRbBuUfF]{0,2}(?:'[^'\\\n]*(?:\\.[^'\\\n]*)*'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"))|([A-Za-z_]\w*)|(\*\*|\/\/|[-+*/%(),.[\]{}:<>=!]+?)|(#.*))/.source, "y");
function tokenize(line, lineOffset, from, errors) {
  const tokens = [];
  TOKEN2.lastIndex = from;
  while (TOKEN2.lastIndex < line.length) {
    const start = TOKEN2.lastIndex;
    const match = TOKEN2.exec(line);
    if (!match) {
      if (new RegExp(`^${BLANK}$`).test(line.slice(start))) break;
      errors.push({ span: { offset: lineOffset + start, length: line.length - start }, message: "Unexpected character" });
      return void 0;
    }
    const [whole, number, string2, name, operator, comment] = match;
    const offset = lineOffset + start + whole.length - (number ?? string2 ?? name ?? operator ?? comment ?? "").length;
    if (number !== void 0) tokens.push({ kind: "number", value: Number(number.replace(/_/g, "")), span: { offset, length: number.length } });
    else if (string2 !== void 0) tokens.push({ kind: "string", value: unquote(string2), span: { offset, length: string2.length } });
    else if (name !== void 0) tokens.push({ kind: "name", value: name, span: { offset, length: name.length } });
    else if (operator !== void 0) tokens.push({ kind: "operator", value: operator, span: { offset, length: operator.length } });
  }
  return tokens;
}
function unquote(literal) {
  const body = literal.replace(/^[rRbBuUfF]+/, "");
  return body.slice(1, -1).replace(/\\(.)/g, "$1");
}
var CONSTANTS = /* @__PURE__ */ new Map([
  ["True", true],
  ["False", false],
  ["None", null]
]);
var ExpressionReader = class {
  constructor(tokens, names) {
    this.tokens = tokens;
    this.names = names;
  }
  tokens;
  names;
  index = 0;
  /** Open parentheses, unary signs and `**` operators around the current term. */
  depth = 0;
  read() {
    const whole = this.wholeSpan();
    if (this.tokens.length === 0) return { value: null, span: whole, unresolved: "no value" };
    try {
      const result = this.sum();
      if (this.index < this.tokens.length) throw new NotSimple();
      if (this.tokens.length > 1 && !this.isSingleTerm()) return { value: result.value, span: whole, unresolved: result.unresolved, reads: result.reads };
      return result;
    } catch (error) {
      if (!(error instanceof NotSimple)) throw error;
      return { value: null, span: whole, unresolved: error.message, reads: this.namesRead() };
    }
  }
  /** The literals of every known name in an expression not evaluated (`f(n)`): what it would read if run. */
  namesRead() {
    return this.tokens.flatMap((token) => {
      const named = token.kind === "name" ? this.names.get(token.value) : void 0;
      return named ? [named.span, ...named.reads ?? []] : [];
    });
  }
  /** `-4` and `(4)` are still the literal 4 for spans. */
  isSingleTerm() {
    return this.tokens.filter((token) => !(token.kind === "operator" && "-+()".includes(token.value))).length === 1;
  }
  sum() {
    let left = this.product();
    for (let op = this.peekOperator("+", "-"); op; op = this.peekOperator("+", "-")) {
      this.index++;
      left = combine(left, this.product(), op === "+" ? (a, b) => a + b : (a, b) => a - b);
    }
    return left;
  }
  product() {
    let left = this.unary();
    for (let op = this.peekOperator("*", "/", "//", "%"); op; op = this.peekOperator("*", "/", "//", "%")) {
      this.index++;
      const operations = {
        "*": (a, b) => a * b,
        "/": (a, b) => a / b,
        "//": (a, b) => Math.floor(a / b),
        "%": (a, b) => a - Math.floor(a / b) * b
      };
      left = combine(left, this.unary(), operations[op]);
    }
    return left;
  }
  unary() {
    const op = this.peekOperator("-", "+");
    if (op) {
      this.index++;
      const opSpan = this.tokens[this.index - 1].span;
      const operand = this.nested(() => this.unary());
      if (op === "+") return operand;
      const negated = combine({ value: 0, span: operand.span }, operand, (a, b) => a - b);
      const written2 = operand.usedAt ?? operand.span;
      return { ...negated, span: { offset: opSpan.offset, length: written2.offset + written2.length - opSpan.offset } };
    }
    return this.power();
  }
  power() {
    const base = this.atom();
    if (this.peekOperator("**")) {
      this.index++;
      return combine(base, this.nested(() => this.unary()), (a, b) => a ** b);
    }
    return base;
  }
  atom() {
    const token = this.tokens[this.index++];
    if (!token) throw new NotSimple();
    if (token.kind === "number" || token.kind === "string") return { value: token.value, span: token.span };
    if (token.kind === "name") {
      if (CONSTANTS.has(token.value)) return { value: CONSTANTS.get(token.value), span: token.span };
      const next = this.tokens[this.index];
      if (next?.kind === "operator" && "(.[".includes(next.value)) throw new NotSimple();
      const named = this.names.get(token.value);
      if (!named) return { value: null, span: token.span, usedAt: token.span, unresolved: `${token.value} is not set in this file` };
      const reads = [named.span, ...named.reads ?? []];
      const resolved = { value: named.value, span: named.span, usedAt: token.span, reference: token.span, reads };
      if (named.unresolved) resolved.unresolved = named.unresolved;
      return resolved;
    }
    if (token.value === "(") {
      const inner = this.nested(() => this.sum());
      if (this.tokens[this.index++]?.value !== ")") throw new NotSimple();
      return inner;
    }
    throw new NotSimple();
  }
  /** The reader recurses once per level: a bound keeps a hostile file from exhausting the stack. */
  nested(read) {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new NotSimple(`nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
  peekOperator(...operators) {
    const token = this.tokens[this.index];
    return token?.kind === "operator" && operators.includes(token.value) ? token.value : void 0;
  }
  wholeSpan() {
    const first = this.tokens[0];
    const last = this.tokens[this.tokens.length - 1];
    if (!first) return { offset: 0, length: 0 };
    return { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset };
  }
};
var MAX_EXPRESSION_DEPTH = 100;
var NotSimple = class extends Error {
  constructor(message = "not a literal or simple arithmetic; shapelint does not run Python") {
    super(message);
  }
};
function combine(left, right, operation) {
  const unresolved = left.unresolved ?? right.unresolved;
  const reads = [...left.reads ?? [], ...right.reads ?? []];
  if (unresolved) return { value: null, span: left.span, unresolved, reads };
  if (typeof left.value !== "number" || typeof right.value !== "number") throw new NotSimple();
  return { value: operation(left.value, right.value), span: left.span, reads };
}

// server/src/core/formats/nanogpt.ts
var LAUNCH4 = LAUNCH_DEFAULTS.nanogpt;
var { trainPy: TRAIN_PY_DEFAULTS, pretrained: PRETRAINED, pretrainedVocab: PRETRAINED_VOCAB, pretrainedBlock: PRETRAINED_BLOCK, dropout: DROPOUT, nanoMoE: NANO_MOE } = FRAMEWORK_DEFAULTS.nanogpt;
var NANOGPT_GLOBALS = ["n_layer", "n_head", "n_embd", "block_size", "batch_size", "gradient_accumulation_steps", "init_from", "dataset", "out_dir", "eval_interval", "eval_iters", "eval_only", "max_iters", "lr_decay_iters", "wandb_project", "wandb_log", "always_save_checkpoint", "dropout", "learning_rate"];
var NANOGPT_NAMES = new RegExp(`^(${NANOGPT_GLOBALS.join("|")})[ \\t]*=`, "gm");
var nanogptReader = {
  id: "nanogpt",
  label: "nanoGPT config",
  evidence: NANOGPT_GLOBALS,
  detect(fileName, text2) {
    if (extensionOf(fileName) !== "py") return 0;
    const head = sniffHead(text2);
    const hits = new Set((head.match(NANOGPT_NAMES) ?? []).map((match) => match.split(/[ \t=]/)[0])).size;
    if (/^(def|class)\s/m.test(head)) return 0;
    return hits >= 3 ? 0.85 : 0;
  },
  parse: parsePython,
  read(document) {
    const index = new EntryIndex(document);
    const initFrom = index.get("init_from");
    const pretrainedName = typeof initFrom?.value === "string" ? initFrom.value : void 0;
    const pretrained = pretrainedName ? ownEntry(PRETRAINED, pretrainedName) : void 0;
    const fromDefault = (name) => () => {
      if (pretrained && name in pretrained) {
        return { ...defaultField(pretrained[name], `init_from '${pretrainedName}': GPT-2 ${name} ${pretrained[name]}`), usedAt: initFrom?.valueSpan };
      }
      return defaultField(TRAIN_PY_DEFAULTS[name], `nanoGPT train.py default ${name} = ${TRAIN_PY_DEFAULTS[name]}`);
    };
    const hiddenSize = readField(index, "hiddenSize", ["n_embd"], fromDefault("n_embd"));
    const numHeads = readField(index, "numHeads", ["n_head"], fromDefault("n_head"));
    const vocabSize = pretrained ? { ...defaultField(PRETRAINED_VOCAB, `init_from '${pretrainedName}': GPT-2's vocabulary of ${PRETRAINED_VOCAB}`), usedAt: initFrom?.valueSpan } : readField(
      index,
      "vocabSize",
      ["vocab_size"],
      () => defaultField(TRAIN_PY_DEFAULTS.vocab_size, `nanoGPT train.py default ${TRAIN_PY_DEFAULTS.vocab_size} (GPT-2's 50257 padded to a multiple of 64), unless data/<dataset>/meta.pkl sets it`)
    );
    const h = valueOf(hiddenSize);
    const dropout = readDropout(index, ["dropout"], () => defaultField(DROPOUT, `nanoGPT train.py default dropout = ${DROPOUT}`));
    return completeShape(
      "nanogpt",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["n_layer"], fromDefault("n_layer")),
        numHeads,
        numKvHeads: defaultField(numHeads.value, "nanoGPT has no grouped-query attention: one per head"),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: derivedField(h === void 0 ? null : DEFAULT_MLP_EXPANSION * h, `nanoGPT MLP is fixed at ${DEFAULT_MLP_EXPANSION} \xD7 n_embd`),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, "nanoGPT does not pad: the embedding has vocab_size rows"),
        vocabDivisor: defaultField(null, "nanoGPT does not pad the vocabulary"),
        seqLength: pretrained && !index.has("block_size") ? { ...defaultField(PRETRAINED_BLOCK, `init_from '${pretrainedName}': GPT-2 block size ${PRETRAINED_BLOCK}`), usedAt: initFrom?.valueSpan } : readField(index, "seqLength", ["block_size"], fromDefault("block_size")),
        microBatchSize: readField(index, "microBatchSize", ["batch_size"], fromDefault("batch_size")),
        tensorParallel: defaultField(1, "nanoGPT trains with DDP only: no tensor parallelism"),
        pipelineParallel: defaultField(1, "nanoGPT trains with DDP only: no pipeline parallelism"),
        ...nanoMoeExperts(index)
      },
      {
        activation: defaultField("gelu", "nanoGPT MLP uses GELU"),
        gatedMlp: false,
        attentionKernel: defaultField(LAUNCH4.attention, LAUNCH4.attentionSource),
        recompute: defaultField(LAUNCH4.recompute, LAUNCH4.recomputeSource),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout
      }
    );
  }
};
function nanoMoeExperts(index) {
  const numExperts = readField(index, "numExperts", ["n_exp"], () => defaultField(NANO_MOE.n_exp, "dense model (no experts; nanoMoE default n_exp 1)"));
  if ((valueOf(numExperts) ?? 1) <= 1) return { numExperts, expertsPerToken: defaultField(1, "dense model (no experts)") };
  const expertsPerToken = readField(index, "expertsPerToken", ["top_k"], () => defaultField(NANO_MOE.top_k, `nanoMoE GPTConfig default top_k ${NANO_MOE.top_k}`));
  return { numExperts, expertsPerToken };
}

// server/src/core/formats/nanotron.ts
var LAUNCH5 = LAUNCH_DEFAULTS.nanotron;
var nanotronReader = {
  id: "nanotron",
  label: "Nanotron YAML",
  evidence: ["model", "model_config", "parallelism", "tokens"],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    const sections = ["model", "parallelism", "tokens"].filter((key) => hasTopLevelKey(head, key)).length;
    return sections === 3 && /^[ \t]+model_config[ \t]*:/m.test(head) ? 0.95 : 0;
  },
  parse: parseYaml,
  read(document) {
    const index = new EntryIndex(document, (path) => path[0] === "model" && path[1] === "model_config" ? path.slice(2).join(".") : path.join("."));
    const hiddenSize = readField(index, "hiddenSize", ["hidden_size"], () => unknownField("no model_config.hidden_size"));
    const numHeads = readField(index, "numHeads", ["num_attention_heads"], () => unknownField("no model_config.num_attention_heads"));
    const tensorParallel = readField(index, "tensorParallel", ["parallelism.tp"], () => defaultField(1, "no parallelism.tp: 1"));
    const pipelineParallel = readField(index, "pipelineParallel", ["parallelism.pp"], () => defaultField(1, "no parallelism.pp: 1"));
    const microBatchSize2 = readField(index, "microBatchSize", ["tokens.micro_batch_size"], () => unknownField("no tokens.micro_batch_size"));
    const vocabSize = readField(index, "vocabSize", ["vocab_size"], () => unknownField("no model_config.vocab_size"));
    const vocabDivisor = readField(index, "vocabDivisor", ["model.make_vocab_size_divisible_by"], () => unknownField("no model.make_vocab_size_divisible_by in this file"));
    const numExperts = readField(index, "numExperts", ["moe_config.num_experts"], () => defaultField(1, "dense model (moe_config null)"));
    const activation = stringField(index.get("hidden_act"), unknownField("no model_config.hidden_act"));
    const shape = completeShape(
      "nanotron",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["num_hidden_layers"], () => unknownField("no model_config.num_hidden_layers")),
        numHeads,
        numKvHeads: readField(index, "numKvHeads", ["num_key_value_heads"], () => defaultField(numHeads.value, "num_key_value_heads not set: one per head")),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: readField(index, "ffnHiddenSize", (valueOf(numExperts) ?? 1) > 1 ? ["moe_config.moe_intermediate_size", "intermediate_size"] : ["intermediate_size"], () => unknownField("no model_config.intermediate_size")),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, "Nanotron"),
        vocabDivisor,
        seqLength: readField(index, "seqLength", ["tokens.sequence_length"], () => unknownField("no tokens.sequence_length")),
        microBatchSize: microBatchSize2,
        tensorParallel,
        ...nanotronRunSizes(index, tensorParallel, pipelineParallel, microBatchSize2),
        numExperts,
        expertsPerToken: readField(index, "expertsPerToken", ["moe_config.top_k"], () => defaultField(1, "dense model (no experts)"))
      },
      {
        activation,
        gatedMlp: /^(silu|swish)$/i.test(activation.value ?? ""),
        attentionKernel: readChoice(index, ["_attn_implementation"], (entry) => transformersAttention(entry.value), () => unknownField("no _attn_implementation")),
        kvHeadsMayDivideTensorParallel: false,
        ...nanotronRunChoices(index)
      }
    );
    const loadsCheckpoint = checkpointSetting(index, ["checkpoints.resume_checkpoint_path", "model.init_method.path"]);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  }
};
function nanotronRunSizes(index, tensor, pipeline, micro) {
  const dataParallel = readField(index, "gpus", ["parallelism.dp"], () => unknownField("no parallelism.dp"));
  const contextParallel = readField(index, "contextParallel", ["parallelism.context_parallel_size"], () => defaultField(1, `ParallelismArgs default context_parallel_size 1 (${LAUNCH5.source})`));
  const accumulation = readField(index, "globalBatchSize", ["tokens.batch_accumulation_per_replica"], () => unknownField("no tokens.batch_accumulation_per_replica"));
  const product = (factors, at, why) => {
    const values = factors.map(([, field]) => valueOf(field));
    if (values.some((value2) => value2 === void 0)) return unknownField(`${why}: ${factors.filter(([, field]) => field.value === null).map(([name]) => name).join(", ")} unknown`);
    const value = values.reduce((total2, factor) => total2 * factor, 1);
    return { ...at, value, origin: "derived", note: `${factors.map(([name, field]) => `${name} ${field.value}`).join(" \xD7 ")}: ${why}` };
  };
  const gpus = product([["dp", dataParallel], ["tp", tensor], ["pp", pipeline], ["context_parallel_size", contextParallel]], dataParallel, "nanotron ParallelContext requires TP \xD7 CP \xD7 DP \xD7 PP = WORLD_SIZE (src/nanotron/parallel/context.py @ 009b8f71)");
  const globalBatch2 = product([["micro_batch_size", micro], ["batch_accumulation_per_replica", accumulation], ["dp", dataParallel]], accumulation, "nanotron Config.global_batch_size");
  const engine = index.get("parallelism.pp_engine");
  const allForwardAllBackward = (engine?.value ?? LAUNCH5.pipelineEngine) === "afab";
  const stages = valueOf(pipeline) ?? 1;
  const engineNote = `pp_engine ${String(engine?.value ?? `${LAUNCH5.pipelineEngine} (ParallelismArgs default, ${LAUNCH5.source})`)}: all forwards, then all backwards, so a stage holds every micro-batch's activations; the run model counts 1F1B's, a lower bound`;
  return {
    pipelineParallel: allForwardAllBackward && stages > 1 ? { ...pipeline, note: pipeline.note ? `${pipeline.note}; ${engineNote}` : engineNote } : pipeline,
    contextParallel,
    expertParallel: readField(index, "expertParallel", ["parallelism.expert_parallel_size"], () => defaultField(1, `ParallelismArgs default expert_parallel_size 1 (${LAUNCH5.source})`)),
    gpus,
    globalBatchSize: globalBatch2
  };
}
var NANOTRON_DTYPES = { bfloat16: "bf16", float16: "fp16" };
function nanotronRunChoices(index) {
  const tpMode = index.get("parallelism.tp_mode");
  const sequenceParallel = tpMode && typeof tpMode.value === "string" && !tpMode.unresolved ? fieldAt(tpMode, tpMode.value.toUpperCase() === "REDUCE_SCATTER") : defaultField(false, `ParallelismArgs default tp_mode ALL_REDUCE (${LAUNCH5.source})`);
  const granularity = index.get("parallelism.recompute_granularity");
  const recompute = granularity && granularity.value !== null ? readChoice(index, ["parallelism.recompute_granularity"], (entry) => ({ SELECTIVE: "selective", FULL: "full" })[String(entry.value).toUpperCase()] ?? null, () => unknownField()) : readChoice(
    index,
    ["parallelism.recompute_layer"],
    (entry) => {
      const on = booleanValue(entry);
      return on === void 0 ? null : on ? "full" : "none";
    },
    () => defaultField("none", `ParallelismArgs default recompute_layer False (${LAUNCH5.source})`)
  );
  return {
    sequenceParallel,
    recompute,
    sharding: readChoice(index, ["optimizer.zero_stage"], (entry) => Number(entry.value) <= 1 ? ZERO_STAGES[String(entry.value)] ?? null : null, () => unknownField("no optimizer.zero_stage")),
    dtype: readChoice(index, ["model.dtype"], (entry) => NANOTRON_DTYPES[String(entry.value)] ?? null, () => unknownField("no model.dtype"))
  };
}

// server/src/core/formats/nemo.ts
var DEFAULTS4 = FRAMEWORK_DEFAULTS.nemo;
var LAUNCH6 = LAUNCH_DEFAULTS.nemo;
var NEMO_KEYS = [
  "encoder_seq_length",
  "tensor_model_parallel_size",
  "pipeline_model_parallel_size",
  "micro_batch_size",
  "make_vocab_size_divisible_by",
  "num_layers",
  "hidden_size",
  "ffn_hidden_size",
  "num_attention_heads",
  "exp_manager",
  "trainer",
  "restore_from_path",
  "megatron_amp_O2"
];
var nemoReader = {
  id: "nemo",
  label: "NeMo YAML",
  evidence: ["model", ...NEMO_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    if (!hasTopLevelKey(head, "model")) return 0;
    const hits = countKeys(head, NEMO_KEYS);
    return hits >= 4 ? 0.85 : hits >= 2 ? 0.6 : 0;
  },
  parse(text2) {
    return resolveInterpolations(parseYaml(text2, "omegaconf"));
  },
  read(document) {
    const index = new EntryIndex(document, (path) => path[0] === "model" ? path.slice(1).join(".") : path.join("."));
    const keys = (name) => [name, `encoder.${name}`];
    const hiddenSize = readField(index, "hiddenSize", keys("hidden_size"), () => unknownField("NeMo has no default hidden size"));
    const numHeads = readField(index, "numHeads", keys("num_attention_heads"), () => unknownField("NeMo has no default head count"));
    const tensorParallel = readField(
      index,
      "tensorParallel",
      ["tensor_model_parallel_size", "distributed_strategy.tensor_model_parallel_size"],
      () => defaultField(DEFAULTS4.parallelSize, `NeMo default tensor_model_parallel_size ${DEFAULTS4.parallelSize}`)
    );
    const activation = stringField(index.get(...keys("activation")), defaultField(DEFAULTS4.activation, `NeMo default activation ${DEFAULTS4.activation}`));
    const vocabSize = readField(
      index,
      "vocabSize",
      ["vocab_size", "tokenizer.vocab_size"],
      () => tokenizerVocab(index.get("tokenizer.type"), index.get("tokenizer.model")) ?? unknownField("NeMo takes the vocabulary from the tokenizer (model.tokenizer)")
    );
    const vocabDivisor = readField(
      index,
      "vocabDivisor",
      ["make_vocab_size_divisible_by"],
      () => defaultField(DEFAULTS4.makeVocabSizeDivisibleBy, `NeMo default make_vocab_size_divisible_by ${DEFAULTS4.makeVocabSizeDivisibleBy}`)
    );
    const numExperts = readField(index, "numExperts", ["num_moe_experts"], () => defaultField(1, "dense model (no num_moe_experts)"));
    const h = valueOf(hiddenSize);
    const shape = completeShape(
      "nemo",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", keys("num_layers"), () => unknownField("NeMo has no default layer count")),
        numHeads,
        numKvHeads: readField(
          index,
          "numKvHeads",
          [...keys("num_query_groups"), "num_kv_heads"],
          () => defaultField(numHeads.value, "num_query_groups null: multi-head attention, one per head")
        ),
        headDim: readField(index, "headDim", keys("kv_channels"), () => derivedHeadDim(hiddenSize, numHeads)),
        ffnHiddenSize: readField(
          index,
          "ffnHiddenSize",
          keys("ffn_hidden_size"),
          () => defaultField(h === void 0 ? null : DEFAULT_MLP_EXPANSION * h, `NeMo default ${DEFAULT_MLP_EXPANSION} \xD7 hidden size`)
        ),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, "NeMo"),
        vocabDivisor,
        seqLength: nemoSeqLength(index),
        microBatchSize: readField(index, "microBatchSize", ["micro_batch_size", "data.micro_batch_size"], () => unknownField("no micro_batch_size in this file")),
        tensorParallel,
        pipelineParallel: readField(
          index,
          "pipelineParallel",
          ["pipeline_model_parallel_size", "distributed_strategy.pipeline_model_parallel_size"],
          () => defaultField(DEFAULTS4.parallelSize, `NeMo default pipeline_model_parallel_size ${DEFAULTS4.parallelSize}`)
        ),
        numExperts,
        expertsPerToken: readField(
          index,
          "expertsPerToken",
          ["moe_router_topk"],
          () => (valueOf(numExperts) ?? 1) > 1 ? defaultField(DEFAULTS4.moeRouterTopk, `NeMo (Megatron-core) default moe_router_topk ${DEFAULTS4.moeRouterTopk}`) : defaultField(1, "dense model (no experts)")
        ),
        ...nemoRunSizes(index)
      },
      {
        activation,
        gatedMlp: isGatedActivation(activation.value),
        attentionKernel: nemoAttention(index),
        dtype: readChoice(index, ["trainer.precision"], (entry) => NEMO_PRECISION[String(entry.value)] ?? null, () => unknownField("no trainer.precision")),
        recompute: readChoice(
          index,
          ["activations_checkpoint_granularity"],
          (entry) => entry.value === "full" || entry.value === "selective" ? entry.value : null,
          () => defaultField(LAUNCH6.recompute, LAUNCH6.recomputeSource)
        ),
        kvHeadsMayDivideTensorParallel: true,
        ...nemoRunChoices(index),
        attentionDropout: readDropout(
          index,
          keys("attention_dropout"),
          () => defaultField(DEFAULTS4.attentionDropout, `NeMo default attention_dropout ${DEFAULTS4.attentionDropout}`)
        ),
        hiddenDropout: readDropout(index, keys("hidden_dropout"), () => defaultField(DEFAULTS4.hiddenDropout, `NeMo default hidden_dropout ${DEFAULTS4.hiddenDropout}`))
      }
    );
    const loadsCheckpoint = checkpointSetting(index, CHECKPOINT_KEYS);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  }
};
var CHECKPOINT_KEYS = ["restore_from_path", "pretrained_checkpoint.restore_from_path", "exp_manager.resume_from_checkpoint", "resume_from", "resume.restore_config.path"];
function nemoAttention(index) {
  const engine = index.get("transformer_engine");
  if (engine && booleanValue(engine) === true) return fieldAt(engine, "transformer-engine", "Transformer Engine picks flash or cuDNN fused attention");
  const entry = index.get("use_flash_attention", "fusions.flash_attention");
  const value = booleanValue(entry);
  if (entry && (value !== void 0 || entry.unresolved)) return fieldAt(entry, value === void 0 ? null : value ? "flash" : "unfused");
  return defaultField(LAUNCH6.attention, LAUNCH6.attentionSource);
}
function nemoRunSizes(index) {
  const one = (key) => () => defaultField(1, `NeMo default ${key} 1`);
  const devices = readField(index, "gpusPerNode", ["trainer.devices"], () => unknownField("no trainer.devices"));
  const nodes = readField(index, "gpus", ["trainer.num_nodes"], () => defaultField(1, "NeMo default trainer.num_nodes 1"));
  return {
    contextParallel: readField(index, "contextParallel", ["context_parallel_size"], one("context_parallel_size")),
    expertParallel: readField(index, "expertParallel", ["expert_model_parallel_size"], one("expert_model_parallel_size")),
    virtualStages: readField(index, "virtualStages", ["virtual_pipeline_model_parallel_size"], () => defaultField(1, "NeMo default virtual_pipeline_model_parallel_size null: no interleaving")),
    globalBatchSize: readField(index, "globalBatchSize", ["global_batch_size"], () => unknownField("no global_batch_size")),
    gpus: gpusOfNodes(nodes, devices, devices, (nodeCount, perNode) => `trainer.num_nodes ${nodeCount} \xD7 trainer.devices ${perNode}`, "trainer.devices is not a number of GPUs in this file"),
    gpusPerNode: devices
  };
}
function nemoSeqLength(index) {
  const dataSeq = index.get("data.seq_length");
  if (dataSeq && !dataSeq.usedAt && dataSeq.value !== null) {
    const field = readField(index, "seqLength", ["data.seq_length"], () => unknownField("no data.seq_length"));
    const encoder = index.get("encoder_seq_length");
    const beside = encoder && encoder.value !== field.value ? `; encoder_seq_length ${String(encoder.value)} only sizes the position embeddings` : "";
    return field.origin === "file" ? { ...field, note: `model.data.seq_length: the dataset's sequence length, which NeMo trains on (megatron_gpt_model.py)${beside}` } : field;
  }
  return readField(index, "seqLength", ["encoder_seq_length", "seq_length", "data.seq_length"], () => unknownField("no encoder_seq_length in this file"));
}
var NEMO_DISTRIBUTED_OPTIMIZERS = /* @__PURE__ */ new Set(["distributed_fused_adam", "mcore_distributed_optim"]);
function nemoRunChoices(index) {
  const sequence = index.get("sequence_parallel");
  return {
    sequenceParallel: sequence && booleanValue(sequence) !== void 0 ? fieldAt(sequence, booleanValue(sequence) === true) : defaultField(false, "NeMo default sequence_parallel false"),
    sharding: readChoice(index, ["optim.name"], (entry) => NEMO_DISTRIBUTED_OPTIMIZERS.has(String(entry.value)) ? "distributed-optimizer" : "none", () => unknownField("no optim.name"))
  };
}
var NEMO_PRECISION = { bf16: "bf16", "bf16-mixed": "bf16", "16": "fp16", "16-mixed": "fp16" };

// server/src/core/parse/python-recipe.ts
var RECIPE_CALL = /^([A-Za-z_]\w*)\s*=\s*(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\.(pretrain_recipe|finetune_recipe)\s*\(/;
var MODULE_NAME = /^NAME\s*=\s*["']([\w.-]+)["']\s*$/;
var BRIDGE_CALL = /^([A-Za-z_]\w*)\s*(?::\s*[\w.[\], ]+)?=\s*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/;
var BRIDGE_IMPORT = /^from\s+megatron\.bridge\.recipes((?:\.\w+)*)\s+import\s+\(?([^)]*)\)?\s*$/;
var BRIDGE_FUNCTION = /^(?:(\w+)_)?(?:pretrain|finetune)_config$/;
var PRECISION_PLUGIN = /\bplugins\s*=\s*(?:([A-Za-z_]\w*)\s*\(\s*\)|(?:run\.)?Config\(\s*(?:nl\.)?MegatronMixedPrecision\b[^)]*?\bprecision\s*=\s*(["'])([\w-]+)\2)/g;
function bridgeImports(path, names, into) {
  const module2 = path.split(".").pop();
  for (const item of names.split(",")) {
    const [name, alias] = item.trim().split(/\s+as\s+/);
    const recipe = BRIDGE_FUNCTION.exec(name ?? "");
    const from = recipe?.[1] ?? (recipe ? module2 : void 0);
    if (from) into.set(alias ?? name, from);
  }
}
function bridgeRecipe(callee, imported) {
  const parts = callee.split(".");
  const last = parts[parts.length - 1];
  const own = BRIDGE_FUNCTION.exec(last);
  if (own?.[1]) return own[1];
  if (own && parts.length > 1) return parts[parts.length - 2];
  return imported.get(callee);
}
function parseRecipe(text2) {
  const errors = [];
  const entries = [];
  const recipeVariables = /* @__PURE__ */ new Set();
  const bridgeRecipes = /* @__PURE__ */ new Map();
  for (const line of logicalLines(text2, errors, true)) {
    entries.push(...precisionPlugins(line.text, line.offset));
    const imported = BRIDGE_IMPORT.exec(line.text);
    if (imported) bridgeImports(imported[1], imported[2], bridgeRecipes);
    const bridge = BRIDGE_CALL.exec(line.text);
    const bridgeModule = bridge ? bridgeRecipe(bridge[2], bridgeRecipes) : void 0;
    if (bridge && bridgeModule) {
      recipeVariables.add(bridge[1]);
      const span = { offset: line.offset + bridge[0].lastIndexOf(bridge[2]), length: bridge[2].length };
      entries.push({ path: ["recipe"], keySpan: span, value: bridgeModule, valueSpan: span });
      const tokens = tokenize(line.text, line.offset, bridge[0].length - 1, errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text2));
      continue;
    }
    const call = RECIPE_CALL.exec(line.text);
    if (call) {
      recipeVariables.add(call[1]);
      const moduleOffset = line.offset + call[0].lastIndexOf(call[2]);
      const span = { offset: moduleOffset, length: call[2].length };
      entries.push({ path: ["recipe"], keySpan: span, value: call[2], valueSpan: span });
      const tokens = tokenize(line.text, line.offset, call[0].length - 1, errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text2));
      continue;
    }
    const moduleName = MODULE_NAME.exec(line.text);
    if (moduleName) {
      const span = { offset: line.offset + line.text.indexOf(moduleName[1]), length: moduleName[1].length };
      entries.push({ path: ["recipe"], keySpan: { offset: line.offset, length: 4 }, value: moduleName[1], valueSpan: span });
      continue;
    }
    if (/^def\s+(?:trainer|pretrain_recipe)\s*\(/.test(line.text)) {
      const tokens = tokenize(line.text, line.offset, line.text.indexOf("("), errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text2));
      continue;
    }
    const assignment = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)+)\s*=(?!=)/.exec(line.text);
    if (assignment && recipeVariables.has(assignment[1])) {
      const tokens = tokenize(line.text, line.offset, assignment[0].length, errors);
      const path = assignment[2].slice(1).split(".");
      const keyStart = line.offset + assignment[1].length + 1;
      const keySpan = { offset: keyStart, length: assignment[2].length - 1 };
      if (tokens) entries.push(valueEntry(["set", ...path], keySpan, tokens, text2));
    }
  }
  return { syntax: "python", text: text2, entries, errors };
}
function precisionPlugins(line, offset) {
  return [...line.matchAll(PRECISION_PLUGIN)].map((match) => {
    const value = match[1] ?? match[3];
    const at = offset + match.index + match[0].lastIndexOf(value);
    return { path: ["plugins"], keySpan: { offset: offset + match.index, length: "plugins".length }, value, valueSpan: { offset: at, length: value.length } };
  });
}
function argumentsOf(tokens) {
  const pieces = [];
  let current = [];
  let depth = 0;
  for (const token of tokens) {
    const operator = token.kind === "operator" ? token.value : "";
    if (/^[([{]$/.test(operator)) {
      depth++;
      if (depth === 1) continue;
    } else if (/^[)\]}]$/.test(operator)) {
      depth--;
      if (depth === 0) break;
    } else if (operator === "," && depth === 1) {
      pieces.push(current);
      current = [];
      continue;
    }
    if (depth >= 1) current.push(token);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}
function keywordEntries(pieces, text2) {
  const entries = [];
  for (const piece of pieces) {
    const equals = piece.findIndex((token, index) => token.kind === "operator" && token.value === "=" && topLevel(piece, index));
    if (equals < 1 || piece[0].kind !== "name") continue;
    entries.push(valueEntry(["kwarg", piece[0].value], piece[0].span, piece.slice(equals + 1), text2));
  }
  return entries;
}
function topLevel(tokens, index) {
  let depth = 0;
  for (const token of tokens.slice(0, index)) {
    if (token.kind !== "operator") continue;
    if (/^[([{]$/.test(token.value)) depth++;
    else if (/^[)\]}]$/.test(token.value)) depth--;
  }
  return depth === 0;
}
function valueEntry(path, keySpan, tokens, text2) {
  const meaningful = tokens.filter((token) => !(token.kind === "operator" && token.value === ","));
  if (meaningful.length === 0) return { path, keySpan, value: null, valueSpan: { offset: keySpan.offset + keySpan.length, length: 0 } };
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  const valueSpan = { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset };
  const literal = literalValue2(meaningful);
  if (literal !== void 0) return { path, keySpan, value: literal, valueSpan };
  const written2 = text2.slice(valueSpan.offset, valueSpan.offset + valueSpan.length);
  return { path, keySpan, value: null, valueSpan, unresolved: `'${written2}' is computed when the script runs` };
}
var NAMED_LITERALS = { True: true, False: false, None: null };
function literalValue2(tokens) {
  if (tokens.length === 2 && tokens[0].kind === "operator" && tokens[0].value === "-" && tokens[1].kind === "number") return -tokens[1].value;
  if (tokens.length !== 1) return void 0;
  const [token] = tokens;
  if (token.kind === "number" || token.kind === "string") return token.value;
  if (token.kind === "name" && token.value in NAMED_LITERALS) return NAMED_LITERALS[token.value];
  return void 0;
}

// server/src/core/formats/catalogue/nemo-recipes.ts
function recipeFile(name) {
  return { repo: "ishine/NeMo (mirror of NVIDIA/NeMo)", path: `nemo/collections/llm/recipes/${name}.py`, commit: "c88a0d362113e405ff47d2115df35c7d6474cdce" };
}
var ONE_NODE = { numNodes: 1, gpusPerNode: 8 };
var LLAMA_70B_LAUNCH = { tensorParallel: 4, pipelineParallel: 4, contextParallel: 2, virtualStages: 5, sequenceParallel: true };
var LLAMA_DATA = { seqLength: 8192, globalBatchSize: 512, microBatchSize: 1 };
var SMALL_BATCH_DATA = { seqLength: 4096, globalBatchSize: 32, microBatchSize: 2 };
var NEMO_RECIPES = {
  llama3_8b: {
    model: "meta-llama/Meta-Llama-3-8B",
    configClass: "Llama3Config8B",
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile("llama3_8b")
  },
  llama3_70b: {
    model: "meta-llama/Meta-Llama-3-70B",
    configClass: "Llama3Config70B",
    ...LLAMA_70B_LAUNCH,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile("llama3_70b")
  },
  llama31_8b: {
    model: "meta-llama/Meta-Llama-3.1-8B",
    configClass: "Llama31Config8B",
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile("llama31_8b")
  },
  llama31_70b: {
    model: "meta-llama/Meta-Llama-3.1-70B",
    configClass: "Llama31Config70B",
    ...LLAMA_70B_LAUNCH,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile("llama31_70b")
  },
  llama31_405b: {
    model: "meta-llama/Meta-Llama-3.1-405B",
    configClass: "Llama31Config405B",
    tensorParallel: 8,
    pipelineParallel: 8,
    contextParallel: 4,
    virtualStages: 2,
    sequenceParallel: true,
    // trainer(account_for_embedding_in_pipeline_split=True, account_for_loss_in_pipeline_split=True): 126 + 2 over PP 8.
    accountForEmbedding: true,
    accountForLoss: true,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile("llama31_405b")
  },
  mixtral_8x7b: {
    model: "mistralai/Mixtral-8x7B-v0.1",
    configClass: "MixtralConfig8x7B",
    tensorParallel: 1,
    pipelineParallel: 4,
    contextParallel: 1,
    virtualStages: 8,
    expertParallel: 8,
    sequenceParallel: false,
    numNodes: 8,
    gpusPerNode: 8,
    seqLength: 4096,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile("mixtral_8x7b")
  },
  mistral_7b: {
    // MistralConfig7B; the recipe fine-tunes from mistralai/Mistral-7B-v0.3, the same shape.
    model: "mistralai/Mistral-7B-v0.3",
    configClass: "MistralConfig7B",
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    seqLength: 4096,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile("mistral_7b")
  },
  nemotron4_15b: {
    model: "Nemotron-4-15B",
    configClass: "Nemotron4Config15B",
    tensorParallel: 4,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: true,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile("nemotron4_15b")
  },
  nemotron4_340b: {
    model: "nvidia/Nemotron-4-340B-Base",
    configClass: "Nemotron4Config340B",
    tensorParallel: 8,
    pipelineParallel: 12,
    contextParallel: 2,
    virtualStages: 8,
    sequenceParallel: true,
    numNodes: 768,
    gpusPerNode: 8,
    seqLength: 4096,
    globalBatchSize: 2304,
    microBatchSize: 1,
    source: recipeFile("nemotron4_340b")
  },
  qwen25_7b: {
    model: "Qwen/Qwen2.5-7B",
    configClass: "Qwen25Config7B",
    tensorParallel: 2,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile("qwen25_7b")
  },
  qwen25_72b: {
    model: "Qwen/Qwen2.5-72B",
    configClass: "Qwen25Config72B",
    tensorParallel: 8,
    pipelineParallel: 4,
    contextParallel: 1,
    sequenceParallel: false,
    numNodes: 4,
    gpusPerNode: 8,
    ...SMALL_BATCH_DATA,
    source: recipeFile("qwen25_72b")
  },
  gemma2_9b: {
    model: "google/gemma-2-9b",
    configClass: "Gemma2Config9B",
    tensorParallel: 8,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile("gemma2_9b")
  }
};
function bridgeFile(path, commit) {
  return { repo: "NVIDIA-NeMo/Megatron-Bridge", path: `src/megatron/bridge/recipes/${path}.py`, commit };
}
var NULL_TOKENIZER = "the recipe's NullTokenizer has DEFAULT_NULL_TOKENIZER_VOCAB_SIZE tokens (megatron/bridge/recipes/utils/tokenizer_utils.py), a constant the catalogue does not have";
var BRIDGE_RECIPES = {
  llama3_8b: {
    model: "meta-llama/Meta-Llama-3-8B",
    configClass: "Llama3ModelProvider8B",
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...LLAMA_DATA,
    vocabSize: 128256,
    source: bridgeFile("llama/llama3_8b", "ca4f77f36a80ca553da10624e38ca744aa35ae79")
  },
  llama3_70b: {
    model: "meta-llama/Meta-Llama-3-70B",
    configClass: "Llama3ModelProvider70B",
    ...LLAMA_70B_LAUNCH,
    ...LLAMA_DATA,
    vocabUnknown: NULL_TOKENIZER,
    source: bridgeFile("llama/llama3_70b", "3594df948093cdb3c5ef4846e5d95f8c4a8584eb")
  },
  llama31_8b: {
    model: "meta-llama/Meta-Llama-3.1-8B",
    configClass: "Llama31ModelProvider8B",
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...LLAMA_DATA,
    vocabUnknown: NULL_TOKENIZER,
    source: bridgeFile("llama/llama31_8b", "37e1a03b20968f88ebb85e6d719a60e14b9f4b92")
  },
  llama31_70b: {
    // Its dataset's sequence_length is written as 8192 ("Hardcoded to 8192 for Llama3.1 70B pretraining").
    model: "meta-llama/Meta-Llama-3.1-70B",
    configClass: "Llama31ModelProvider70B",
    ...LLAMA_70B_LAUNCH,
    ...LLAMA_DATA,
    vocabUnknown: NULL_TOKENIZER,
    source: bridgeFile("llama/llama31_70b", "3594df948093cdb3c5ef4846e5d95f8c4a8584eb")
  },
  qwen3_4b: {
    // qwen3_4b_pretrain_config's recommended kwargs over _qwen3_common's defaults; the tokenizer is Qwen/Qwen3-4B's (HuggingFaceTokenizer).
    model: "Qwen/Qwen3-4B",
    configClass: 'AutoBridge.from_hf_pretrained("Qwen/Qwen3-4B")',
    tensorParallel: 2,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...SMALL_BATCH_DATA,
    source: bridgeFile("qwen/qwen3", "0f7015f631a61d4f0371d6034ee0e0973a9c6812")
  },
  qwen3_8b: {
    // TokenizerConfig(tokenizer_type="HuggingFaceTokenizer", tokenizer_model="Qwen/Qwen3-8B").
    model: "Qwen/Qwen3-8B",
    configClass: "Qwen3ModelProvider8B",
    tensorParallel: 4,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...SMALL_BATCH_DATA,
    source: bridgeFile("qwen/qwen3_8b", "ce2f9dc98a2d75548a80923a9d92aa2b02b611db")
  }
};

// server/src/core/formats/nemo2.ts
var RECIPE_USE = /\.(?:pretrain|finetune)_recipe\s*\(|^def\s+(?:pretrain|finetune)_recipe\s*\(|(?:pretrain|finetune)_config\s*\(/m;
var PRECISION_PLUGINS = {
  bf16_mixed: "bf16",
  "bf16-mixed": "bf16",
  fp16_mixed: "fp16",
  "16-mixed": "fp16",
  bf16_with_fp8_mixed: "fp8",
  fp16_with_fp8_mixed: "fp8",
  bf16_with_mxfp8_mixed: "fp8",
  fp16_with_mxfp8_mixed: "fp8",
  bf16_with_fp8_current_scaling_mixed: "fp8",
  nemotron_h_bf16_with_fp8_current_scaling_mixed: "fp8",
  fp16_with_fp8_current_scaling_mixed: "fp8",
  bf16_with_fp8_subchannel_scaling_mixed: "fp8",
  fp16_with_fp8_subchannel_scaling_mixed: "fp8"
};
var CONFIG_OVERRIDES = [
  ["hiddenSize", "hidden_size"],
  ["numLayers", "num_layers"],
  ["numHeads", "num_attention_heads"],
  ["numKvHeads", "num_query_groups"],
  ["ffnHiddenSize", "ffn_hidden_size"],
  ["numExperts", "num_moe_experts"],
  ["expertsPerToken", "moe_router_topk"]
];
var nemo2Reader = {
  id: "nemo2",
  label: "NeMo 2 or Megatron-Bridge recipe (Python)",
  evidence: ["recipe", "NAME"],
  detect(fileName, text2) {
    if (extensionOf(fileName) !== "py") return 0;
    const head = sniffHead(text2);
    return RECIPE_USE.test(head) && /\bnemo\b|\bmegatron\.bridge\b/.test(head) ? 0.9 : 0;
  },
  parse: parseRecipe,
  read(document) {
    const index = new EntryIndex(document);
    const recipeEntry = index.get("recipe");
    const recipeName = typeof recipeEntry?.value === "string" ? recipeEntry.value : void 0;
    const recipes = /\bmegatron\.bridge\b/.test(document.text) ? BRIDGE_RECIPES : NEMO_RECIPES;
    const recipe = recipeName === void 0 ? void 0 : recipes[recipeName];
    const model = recipe ? findModel(recipe.model) : void 0;
    const why = recipeName === void 0 ? "no NeMo recipe call in this file" : `recipe ${recipeName} is not in the recipe catalogue`;
    const fromModel = model && recipeEntry ? catalogueFields(model, recipeEntry) : {};
    const unknown = () => unknownField(why);
    const shapeField = (name, key) => readField(index, name, [`set.model.config.${key}`, `set.model.${key}`], () => fromModel[name] ?? unknown());
    const overrides = Object.fromEntries(CONFIG_OVERRIDES.map(([name, key]) => [name, shapeField(name, key)]));
    const launch = (name, keys, value, what) => readField(index, name, keys, () => recipe ? defaultField(value(recipe), `recipe ${recipeName} default ${what} ${value(recipe)} (${sourceText(recipe.source)})`) : unknown());
    const tensorParallel = launch("tensorParallel", ["set.trainer.strategy.tensor_model_parallel_size", "set.model.tensor_model_parallel_size", "kwarg.tensor_parallelism", "kwarg.tensor_model_parallel_size"], (r) => r.tensorParallel, "tensor_parallelism");
    const shapeChanged = ["set.model.config.hidden_size", "set.model.config.num_attention_heads", "set.model.hidden_size", "set.model.num_attention_heads"].some((key) => index.has(key));
    const tokenizer = recipe ? huggingFaceTokenizerSize(recipe.model) : void 0;
    const vocabSize = readField(index, "vocabSize", ["set.model.config.vocab_size", "set.tokenizer.vocab_size", "kwarg.vocab_size"], () => {
      if (!recipe) return unknown();
      if (recipe.vocabSize !== void 0) return defaultField(recipe.vocabSize, `recipe ${recipeName} default vocab_size ${recipe.vocabSize} (${sourceText(recipe.source)})`);
      if (recipe.vocabUnknown) return unknownField(recipe.vocabUnknown);
      return tokenizer && recipeEntry ? { ...defaultField(tokenizer.vocabSize, `vocabulary of ${tokenizer.source}`), keySpan: recipeEntry.keySpan, valueSpan: recipeEntry.valueSpan } : unknownField(`the vocabulary is ${recipe.model}'s tokenizer's, whose size the tokenizer catalogue does not have`);
    });
    const divisor = FRAMEWORK_DEFAULTS.nemo.makeVocabSizeDivisibleBy;
    const vocabDivisor = readField(index, "vocabDivisor", ["set.model.config.make_vocab_size_divisible_by"], () => defaultField(divisor, `NeMo GPTConfig default make_vocab_size_divisible_by ${divisor}`));
    const shape = completeShape(
      "nemo2",
      {
        ...fromModel,
        ...overrides,
        headDim: readField(index, "headDim", ["set.model.config.kv_channels"], () => shapeChanged || !fromModel.headDim ? derivedHeadDim(overrides.hiddenSize, overrides.numHeads) : fromModel.headDim),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, "NeMo"),
        vocabDivisor,
        seqLength: launch("seqLength", ["set.data.seq_length", "set.dataset.sequence_length", "set.model.config.seq_length", "set.model.seq_length", "kwarg.seq_length"], (r) => r.seqLength, "seq_length"),
        microBatchSize: launch("microBatchSize", ["set.data.micro_batch_size", "set.train.micro_batch_size", "kwarg.micro_batch_size"], (r) => r.microBatchSize, "micro_batch_size"),
        tensorParallel,
        pipelineParallel: launch("pipelineParallel", ["set.trainer.strategy.pipeline_model_parallel_size", "set.model.pipeline_model_parallel_size", "kwarg.pipeline_parallelism", "kwarg.pipeline_model_parallel_size"], (r) => r.pipelineParallel, "pipeline_parallelism"),
        globalBatchSize: launch("globalBatchSize", ["set.data.global_batch_size", "set.train.global_batch_size", "kwarg.global_batch_size"], (r) => r.globalBatchSize, "global_batch_size"),
        contextParallel: launch("contextParallel", ["set.trainer.strategy.context_parallel_size", "set.model.context_parallel_size", "kwarg.context_parallelism", "kwarg.context_parallel_size"], (r) => r.contextParallel, "context_parallelism"),
        virtualStages: launch("virtualStages", ["set.trainer.strategy.virtual_pipeline_model_parallel_size", "set.model.virtual_pipeline_model_parallel_size", "kwarg.virtual_pipeline_parallelism", "kwarg.virtual_pipeline_model_parallel_size"], (r) => r.virtualStages ?? 1, "virtual_pipeline_parallelism"),
        expertParallel: launch("expertParallel", ["set.trainer.strategy.expert_model_parallel_size", "set.model.expert_model_parallel_size", "kwarg.expert_parallelism", "kwarg.expert_model_parallel_size"], (r) => r.expertParallel ?? 1, "expert_parallelism"),
        ...recipeGpus(index, recipe, recipeName)
      },
      {
        activation: model && recipeEntry ? catalogueActivation(model, recipeEntry) : unknownField(why),
        gatedMlp: model?.gatedMlp ?? false,
        attentionKernel: defaultField(LAUNCH_DEFAULTS.nemo2.attention, LAUNCH_DEFAULTS.nemo2.attentionSource),
        sharding: defaultField(LAUNCH_DEFAULTS.nemo2.sharding, LAUNCH_DEFAULTS.nemo2.shardingSource),
        sequenceParallel: recipeSequenceParallel(index, recipe, recipeName, why),
        dtype: readChoice(index, ["plugins"], (entry) => PRECISION_PLUGINS[String(entry.value)] ?? null, () => unknownField("no precision plugin in this file (the recipe's trainer() sets it)")),
        kvHeadsMayDivideTensorParallel: true
      }
    );
    const pipelineSplit = recipePipelineSplit(index, recipe, recipeName);
    return { ...shape, ...model ? { catalogueModel: model.name } : {}, ...pipelineSplit ? { pipelineSplit } : {} };
  }
};
var splitKeys = (name) => [`set.trainer.strategy.${name}`, `set.model.${name}`, `kwarg.${name}`];
function recipePipelineSplit(index, recipe, recipeName) {
  const counted = (name, byRecipe) => {
    const entry = index.get(...splitKeys(name));
    const on = entry ? booleanValue(entry) === true : byRecipe === true;
    return on ? entry ? name : `recipe ${recipeName}'s ${name}` : void 0;
  };
  const stage = (key) => ({ key, layers: stageLayerCount(index.get(...splitKeys(key)), false) });
  return megatronCorePipelineSplit({
    embedding: counted("account_for_embedding_in_pipeline_split", recipe?.accountForEmbedding),
    loss: counted("account_for_loss_in_pipeline_split", recipe?.accountForLoss),
    stages: [stage("num_layers_in_first_pipeline_stage"), stage("num_layers_in_last_pipeline_stage")]
  });
}
function recipeSequenceParallel(index, recipe, recipeName, why) {
  const entry = index.get("set.trainer.strategy.sequence_parallel", "set.model.sequence_parallel", "kwarg.sequence_parallelism");
  const written2 = booleanValue(entry);
  if (entry && (written2 !== void 0 || entry.unresolved)) return fieldAt(entry, written2 ?? null);
  return recipe ? defaultField(recipe.sequenceParallel, `recipe ${recipeName} default sequence_parallelism ${recipe.sequenceParallel ? "True" : "False"} (${sourceText(recipe.source)})`) : unknownField(why);
}
function recipeGpus(index, recipe, recipeName) {
  const fromRecipe = (value, what) => () => recipe && value !== void 0 ? defaultField(value, `recipe ${recipeName} default ${what} ${value} (${sourceText(recipe.source)})`) : unknownField(`no ${what}`);
  const perNode = readField(index, "gpusPerNode", ["kwarg.num_gpus_per_node", "set.trainer.devices"], fromRecipe(recipe?.gpusPerNode, "num_gpus_per_node"));
  const nodes = readField(index, "gpus", ["kwarg.num_nodes", "set.trainer.num_nodes"], fromRecipe(recipe?.numNodes, "num_nodes"));
  const gpus = gpusOfNodes(nodes, perNode, nodes, (nodeCount, perNodeCount) => `num_nodes ${nodeCount} \xD7 num_gpus_per_node ${perNodeCount}`, "num_nodes or num_gpus_per_node unknown");
  const byRecipe = nodes.origin === "default" && perNode.origin === "default" && gpus.value !== null;
  return { gpus: byRecipe ? { ...gpus, origin: "default" } : gpus, gpusPerNode: perNode };
}

// server/src/core/formats/olmo.ts
var SOURCE = "allenai/OLMo olmo/config.py ModelConfig @ 362f460f";
var DEFAULTS5 = { dModel: 768, nHeads: 12, nLayers: 12, mlpRatio: 4, maxSequenceLength: 1024, vocabSize: 50257, embeddingSize: 50304, dropout: 0.1 };
var OLMO_SHAPE_KEYS = ["d_model", "n_heads", "n_layers"];
var olmoReader = {
  id: "olmo",
  label: "OLMo trainer YAML",
  evidence: [...OLMO_SHAPE_KEYS, ...OLMO_ONLY_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2);
    return hasTopLevelKey(head, "model") && countKeys(head, OLMO_SHAPE_KEYS) >= 2 && countKeys(head, OLMO_ONLY_KEYS) >= 2 ? 0.92 : 0;
  },
  parse(text2) {
    return resolveInterpolations(parseYaml(text2, "omegaconf"));
  },
  read(document) {
    const index = new EntryIndex(document, (path) => path[0] === "model" ? path.slice(1).join(".") : `run.${path.join(".")}`);
    const modelDefault = (key, value) => () => defaultField(value, `OLMo ModelConfig default ${key} ${value} (${SOURCE})`);
    const hiddenSize = readField(index, "hiddenSize", ["d_model"], modelDefault("d_model", DEFAULTS5.dModel));
    const numHeads = readField(index, "numHeads", ["n_heads"], modelDefault("n_heads", DEFAULTS5.nHeads));
    const activation = index.get("activation_type");
    const activationName = typeof activation?.value === "string" ? activation.value : "swiglu";
    const gated = activationName === "swiglu";
    const vocabSize = readField(index, "vocabSize", ["vocab_size"], modelDefault("vocab_size", DEFAULTS5.vocabSize));
    const multiQuery = index.get("multi_query_attention");
    const shape = completeShape(
      "olmo",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["n_layers"], modelDefault("n_layers", DEFAULTS5.nLayers)),
        numHeads,
        numKvHeads: readField(
          index,
          "numKvHeads",
          ["n_kv_heads"],
          () => booleanValue(multiQuery) === true ? fieldAt(multiQuery, 1, "multi_query_attention: one key/value head") : defaultField(numHeads.value, "OLMo default n_kv_heads None: one per head")
        ),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: olmoFfn(index, hiddenSize, gated),
        vocabSize,
        // embedding_size null means vocab_size rows.
        paddedVocabSize: readField(
          index,
          "paddedVocabSize",
          ["embedding_size"],
          () => index.has("embedding_size") ? derivedField(vocabSize.value, "embedding_size null: the embedding has vocab_size rows") : modelDefault("embedding_size", DEFAULTS5.embeddingSize)()
        ),
        vocabDivisor: defaultField(null, "OLMo pads to embedding_size, not to a multiple"),
        seqLength: readField(index, "seqLength", ["max_sequence_length"], modelDefault("max_sequence_length", DEFAULTS5.maxSequenceLength)),
        microBatchSize: readField(index, "microBatchSize", ["run.device_train_microbatch_size"], () => unknownField("no device_train_microbatch_size")),
        tensorParallel: defaultField(1, "OLMo shards with FSDP: no tensor parallelism"),
        pipelineParallel: defaultField(1, "OLMo has no pipeline parallelism"),
        numExperts: defaultField(1, "dense OLMo block"),
        expertsPerToken: defaultField(1, "dense OLMo block")
      },
      {
        activation: activation ? fieldAt(activation, activationName) : defaultField("swiglu", `OLMo ModelConfig default activation_type swiglu (${SOURCE})`),
        gatedMlp: gated,
        // flash_attention true runs flash_attn; false runs torch's SDPA.
        attentionKernel: readChoice(index, ["flash_attention"], (entry) => {
          const flash = booleanValue(entry);
          return flash === void 0 ? null : flash ? "flash" : "sdpa";
        }, () => defaultField(LAUNCH_DEFAULTS.olmo.attention, LAUNCH_DEFAULTS.olmo.attentionSource)),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: readDropout(index, ["attention_dropout"], modelDefault("attention_dropout", DEFAULTS5.dropout)),
        hiddenDropout: readDropout(index, ["residual_dropout"], modelDefault("residual_dropout", DEFAULTS5.dropout))
      }
    );
    const loadsCheckpoint = checkpointSetting(index, ["run.load_path"]);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  }
};
function olmoFfn(index, hiddenSize, gated) {
  const explicit = index.get("mlp_hidden_size");
  const branch = (width2) => gated ? width2 / 2 : width2;
  if (explicit && explicit.value !== null) {
    const field = fieldFromEntry(explicit, "ffnHiddenSize", false);
    if (field.origin !== "file" || field.value === null) return field;
    if (!gated) return field;
    return { ...field, value: branch(field.value), note: `SwiGLU: ff_proj ${field.value} wide, each branch half of it`, toLiteral: (effective2) => 2 * effective2, written: field.value };
  }
  const h = valueOf(hiddenSize);
  if (h === void 0) return unknownField("d_model unknown");
  const ratioEntry = index.get("mlp_ratio");
  const ratio = typeof ratioEntry?.value === "number" ? ratioEntry.value : DEFAULTS5.mlpRatio;
  const how = `mlp_ratio ${ratio} \xD7 d_model ${h}${gated ? ", each SwiGLU branch half of it" : ""}`;
  const width = branch(ratio * h);
  return ratioEntry ? { ...derivedField(width, how), usedAt: ratioEntry.valueSpan } : defaultField(width, `${how} (ModelConfig default mlp_ratio)`);
}

// server/src/core/formats/neox.ts
var DEFAULTS6 = FRAMEWORK_DEFAULTS.neox;
var LAUNCH7 = LAUNCH_DEFAULTS.neox;
var NEOX_KEYS = [
  "pipe_parallel_size",
  "model_parallel_size",
  "num_layers",
  "hidden_size",
  "num_attention_heads",
  "seq_length",
  "max_position_embeddings",
  "pos_emb",
  "norm",
  "attention_config",
  "train_micro_batch_size_per_gpu",
  "make_vocab_size_divisible_by",
  "no_weight_tying",
  "gpt_j_residual",
  "output_layer_parallelism",
  "scaled_upper_triang_masked_softmax_fusion",
  "bias_gelu_fusion",
  "rotary_pct",
  "init_method",
  "zero_optimization",
  "data_impl",
  "vocab_file",
  "merge_file",
  "data_path",
  "checkpoint_validation_with_forward_pass",
  "tokenizer_type",
  "train_iters",
  "lr_decay_style"
];
var NEOX_ONLY = ["pipe_parallel_size", "model_parallel_size", "train_micro_batch_size_per_gpu", "attention_config", "gpt_j_residual", "pos_emb"];
var NEOX_DROPOUT_UNKNOWN = "GPT-NeoX's default is 0.1 in older neox_args.py and 0.0 in newer; this file does not say";
var neoxReader = {
  id: "neox",
  label: "GPT-NeoX YAML",
  evidence: [...NEOX_ONLY, ...NEOX_KEYS],
  detect(fileName, text2) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text2).replace(/-/g, "_");
    const hits = countKeys(head, NEOX_KEYS);
    if (firstSignificantChar(head) === "{") return hits >= 2 ? 0.9 : hits === 1 ? 0.55 : 0;
    const neoxOnly = NEOX_ONLY.filter((key) => hasTopLevelKey(head, key)).length;
    return neoxOnly >= 2 && hits >= 4 ? 0.7 : 0;
  },
  parse: (text2) => parseYaml(text2, "pyyaml"),
  read(document) {
    const index = new EntryIndex(document, (path) => path.join(".").replaceAll("-", "_"));
    const hiddenSize = readField(index, "hiddenSize", ["hidden_size"], () => unknownField("GPT-NeoX has no default hidden size"));
    const numHeads = readField(index, "numHeads", ["num_attention_heads"], () => unknownField("GPT-NeoX has no default head count"));
    const tensorParallel = readField(
      index,
      "tensorParallel",
      ["model_parallel_size"],
      () => defaultField(DEFAULTS6.modelParallelSize, `GPT-NeoX default model_parallel_size ${DEFAULTS6.modelParallelSize}`)
    );
    const activation = stringField(index.get("activation"), defaultField(DEFAULTS6.activation, `GPT-NeoX default activation ${DEFAULTS6.activation}`));
    const gatedMlp = isGatedActivation(activation.value) || index.get("mlp_type")?.value === "gated";
    const vocabSize = readField(
      index,
      "vocabSize",
      ["vocab_size"],
      () => tokenizerVocab(index.get("tokenizer_type"), void 0) ?? unknownField("GPT-NeoX takes the vocabulary from the tokenizer (tokenizer_type / vocab_file)")
    );
    const vocabDivisor = readField(
      index,
      "vocabDivisor",
      ["make_vocab_size_divisible_by"],
      () => defaultField(DEFAULTS6.makeVocabSizeDivisibleBy, `GPT-NeoX default make_vocab_size_divisible_by ${DEFAULTS6.makeVocabSizeDivisibleBy}`)
    );
    const numExperts = readField(
      index,
      "numExperts",
      ["moe_num_experts", "num_experts"],
      () => defaultField(DEFAULTS6.moe.numExperts, `GPT-NeoX default moe_num_experts ${DEFAULTS6.moe.numExperts} (dense)`)
    );
    const loadsCheckpoint = checkpointSetting(index, ["load"]);
    const shape = completeShape(
      "neox",
      {
        hiddenSize,
        numLayers: readField(index, "numLayers", ["num_layers"], () => unknownField("GPT-NeoX has no default layer count")),
        numHeads,
        numKvHeads: readField(index, "numKvHeads", ["num_kv_heads"], () => defaultField(numHeads.value, "GPT-NeoX: no num_kv_heads means one per head")),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: neoxFfn(index, hiddenSize, gatedMlp, activation.value),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, "GPT-NeoX"),
        vocabDivisor,
        seqLength: readField(index, "seqLength", ["seq_length"], () => unknownField("GPT-NeoX has no default seq_length")),
        microBatchSize: readField(
          index,
          "microBatchSize",
          ["train_micro_batch_size_per_gpu"],
          () => unknownField("DeepSpeed derives it from train_batch_size and gradient_accumulation_steps")
        ),
        tensorParallel,
        pipelineParallel: neoxPipeline(index),
        numExperts,
        expertsPerToken: readField(
          index,
          "expertsPerToken",
          ["moe_top_k"],
          () => (valueOf(numExperts) ?? 1) > 1 ? defaultField(DEFAULTS6.moe.topK, `GPT-NeoX default moe_top_k ${DEFAULTS6.moe.topK}`) : defaultField(1, "dense model (no experts)")
        ),
        expertParallel: readField(
          index,
          "expertParallel",
          ["moe_expert_parallel_size", "moe_deepspeed_expert_parallel_size"],
          () => defaultField(DEFAULTS6.moe.expertParallel, `GPT-NeoX default moe_expert_parallel_size ${DEFAULTS6.moe.expertParallel}`)
        ),
        globalBatchSize: readField(index, "globalBatchSize", ["train_batch_size"], () => unknownField("DeepSpeed: train_batch_size = micro-batch \xD7 gradient_accumulation_steps \xD7 data-parallel size"))
      },
      {
        activation,
        gatedMlp,
        attentionKernel: neoxAttention(document),
        dtype: neoxPrecision(index),
        recompute: readChoice(
          index,
          ["checkpoint_activations"],
          (entry) => checkpointingMode(booleanValue(entry)),
          () => defaultField(LAUNCH7.recompute, LAUNCH7.recomputeSource)
        ),
        kvHeadsMayDivideTensorParallel: false,
        sharding: readChoice(index, ["zero_optimization.stage"], (entry) => ZERO_STAGES2[String(entry.value)] ?? null, () => unknownField("no zero_optimization.stage")),
        attentionDropout: readDropout(index, ["attention_dropout"], () => unknownField(NEOX_DROPOUT_UNKNOWN)),
        hiddenDropout: readDropout(index, ["hidden_dropout"], () => unknownField(NEOX_DROPOUT_UNKNOWN))
      }
    );
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  }
};
function neoxBranchWidth(ffn, gated, multipleOf) {
  return gated ? roundUpToMultiple(Math.floor(Math.floor(ffn * 2 / 3) / 2), multipleOf) : roundUpToMultiple(ffn, multipleOf);
}
function neoxFfn(index, hiddenSize, gated, activation) {
  const multipleOfEntry = index.get("mlp_multiple_of");
  const unusable = [multipleOfEntry, index.get("expansion_factor")].find(
    (entry) => entry && entry.value !== null && !entry.unresolved && typeof entry.value !== "number"
  );
  if (unusable) return fieldFromEntry(unusable, "ffnHiddenSize", false);
  const multipleOf = typeof multipleOfEntry?.value === "number" && multipleOfEntry.value >= 1 ? Math.floor(multipleOfEntry.value) : DEFAULTS6.mlpMultipleOf;
  const how = (ffn2) => gated ? `GPT-NeoX ${activation}: each branch is int(${ffn2}\xB72/3)//2 = ${Math.floor(Math.floor(ffn2 * 2 / 3) / 2)}` + (multipleOf > 1 ? `, rounded up to a multiple of mlp_multiple_of ${multipleOf}` : "") : multipleOf > 1 ? `rounded up to a multiple of mlp_multiple_of ${multipleOf}` : "";
  const literal = index.get("intermediate_size");
  if (literal && literal.value !== null) {
    const field = fieldFromEntry(literal, "ffnHiddenSize", false);
    if (field.origin !== "file" || field.value === null) return field;
    const width2 = neoxBranchWidth(field.value, gated, multipleOf);
    const note2 = how(field.value);
    const checked2 = derivedSize("ffnHiddenSize", width2, note2 || `intermediate_size ${field.value}`, multipleOfEntry ?? literal);
    if (checked2.origin === "invalid") return checked2;
    return { ...field, value: width2, ...note2 ? { note: note2 } : {}, ...gated ? { toLiteral: (effective2) => 3 * effective2, written: field.value } : {} };
  }
  const h = valueOf(hiddenSize);
  if (h === void 0) return unknownField("hidden size unknown");
  const mlpType = index.get("mlp_type");
  if (mlpType?.value === "gated") {
    const width2 = roundUpToMultiple(Math.floor(8 * h / 3), multipleOf);
    return derivedSize("ffnHiddenSize", width2, `mlp_type gated: int(8\xB7${h}/3) rounded up to a multiple of mlp_multiple_of ${multipleOf}`, mlpType);
  }
  const factor = index.get("expansion_factor");
  if (typeof factor?.value === "number") {
    const ffn2 = Math.floor(factor.value * h);
    return derivedSize("ffnHiddenSize", neoxBranchWidth(ffn2, gated, multipleOf), `expansion_factor ${factor.value} \xD7 hidden ${h}; ${how(ffn2)}`, factor);
  }
  const ffn = DEFAULT_MLP_EXPANSION * h;
  const note = `GPT-NeoX default ${DEFAULT_MLP_EXPANSION} \xD7 hidden size${gated ? `; ${how(ffn)}` : ""}`;
  const width = neoxBranchWidth(ffn, gated, multipleOf);
  const checked = derivedSize("ffnHiddenSize", width, note, multipleOfEntry);
  return checked.origin === "invalid" ? checked : defaultField(width, note);
}
function neoxPipeline(index) {
  const entry = index.get("pipe_parallel_size");
  if (!entry || entry.value === null) return defaultField(1, "GPT-NeoX default pipe_parallel_size 0: no pipeline (1 stage)");
  if (entry.value === 0) {
    const { invalidText: _zero, ...located2 } = fieldFromEntry(entry, "pipelineParallel", false);
    return { ...located2, value: 1, origin: "file", note: "pipe_parallel_size 0 disables pipeline parallelism: 1 stage" };
  }
  return fieldFromEntry(entry, "pipelineParallel", false);
}
function neoxAttention(document) {
  const attention = document.entries.filter((entry) => entry.path[0]?.replace(/-/g, "_") === "attention_config");
  const flash = attention.find((entry) => entry.value === "flash");
  if (flash) return fieldAt(flash, "flash");
  if (attention.length > 0) return fieldAt(attention[0], "unfused", "attention_config has no flash layers: global attention, unfused");
  return defaultField(LAUNCH7.attention, LAUNCH7.attentionSource);
}
var ZERO_STAGES2 = { "0": "none", "1": "zero-1", "2": "zero-2", "3": "zero-3" };
function neoxPrecision(index) {
  const precision = index.get("precision");
  const named = { fp16: "fp16", float16: "fp16", bfloat16: "bf16", bf16: "bf16" };
  if (precision && typeof precision.value === "string" && named[precision.value]) return fieldAt(precision, named[precision.value]);
  return precisionSwitch(index, [["bf16.enabled", "bf16"], ["fp16.enabled", "fp16"], ["fp16.fp16", "fp16"]]) ?? unknownField("no precision, fp16 or bf16 section: GPT-NeoX trains in FP32, which shapelint does not model");
}

// server/src/core/parse/toml.ts
var import_toml_eslint_parser = __toESM(require_lib());
var MAX_TOML_LENGTH = 1024 * 1024;
function parseToml(text2) {
  if (text2.length > MAX_TOML_LENGTH) {
    const message = `This TOML file has ${text2.length.toLocaleString("en-US")} characters; shapelint reads TOML of up to ${MAX_TOML_LENGTH.toLocaleString("en-US")} (1 MiB), so nothing in it is checked.`;
    return { syntax: "toml", text: text2, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
  }
  let program;
  try {
    program = (0, import_toml_eslint_parser.parseTOML)(text2);
  } catch (error) {
    if (error instanceof RangeError) {
      const message = "Nested too deep, or a string too long, for the TOML parser shapelint uses (its call stack ran out); the file may be valid, but nothing in it is checked.";
      return { syntax: "toml", text: text2, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
    }
    const at = error;
    return { syntax: "toml", text: text2, entries: [], errors: [{ span: errorSpan(text2, at.index ?? 0, 1), message: at.message ?? String(error) }] };
  }
  const entries = [];
  const pending = [];
  for (const top of program.body) pending.push({ path: [], node: top, keySpan: spanOf2(top.range) });
  while (pending.length > 0) {
    const { path, node, keySpan } = pending.pop();
    switch (node.type) {
      case "TOMLTopLevelTable":
      case "TOMLTable":
      case "TOMLInlineTable": {
        const base = node.type === "TOMLTable" ? node.resolvedKey.map(String) : path;
        const children = node.body;
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i];
          if (child.type === "TOMLTable") pending.push({ path: [], node: child, keySpan: spanOf2(child.key.range) });
          else pending.push({ path: [...base, ...child.key.keys.map(keyName)], node: child.value, keySpan: spanOf2(child.key.range) });
        }
        break;
      }
      case "TOMLArray":
        for (let i = node.elements.length - 1; i >= 0; i--) pending.push({ path: [...path, String(i)], node: node.elements[i], keySpan });
        break;
      case "TOMLValue":
        entries.push({ path, keySpan, value: scalar(node), valueSpan: spanOf2(node.range) });
        break;
    }
  }
  return { syntax: "toml", text: text2, entries, errors: [] };
}
function keyName(key) {
  return key.type === "TOMLBare" ? key.name : key.value;
}
function spanOf2(range) {
  return { offset: range[0], length: range[1] - range[0] };
}
function scalar(node) {
  const value = node.value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return value instanceof Date ? value.toISOString() : String(value);
}

// server/src/core/formats/torchtitan.ts
var LAUNCH8 = LAUNCH_DEFAULTS.torchtitan;
var torchtitanReader = {
  id: "torchtitan",
  label: "torchtitan TOML",
  evidence: ["name", "flavor", "seq_len", "tensor_parallel_degree", "pipeline_parallel_degree"],
  detect(fileName, text2) {
    if (extensionOf(fileName) !== "toml") return 0;
    const head = sniffHead(text2);
    return /^\[model\]/m.test(head) && /^\s*flavor\s*=/m.test(head) ? 0.95 : 0;
  },
  parse: parseToml,
  read(document) {
    const index = new EntryIndex(document);
    const name = index.get("model.name");
    const flavor = index.get("model.flavor");
    const named = typeof name?.value === "string" && typeof flavor?.value === "string" && !flavor.unresolved ? findModel(torchtitanName(name.value, flavor.value)) : void 0;
    const why = name && flavor ? `the shape is torchtitan's ${String(name.value)} flavor ${String(flavor.value)}, which is not in the model catalogue` : "no [model] name and flavor";
    const model = named && flavor ? catalogueFields(named, flavor) : {};
    const shape = completeShape(
      "torchtitan",
      {
        ...model,
        hiddenSize: model.hiddenSize ?? unknownField(why),
        seqLength: readField(index, "seqLength", ["training.seq_len"], () => unknownField("no [training] seq_len")),
        microBatchSize: readField(index, "microBatchSize", ["training.local_batch_size", "training.batch_size"], () => unknownField("no [training] local_batch_size")),
        vocabDivisor: defaultField(null, "torchtitan does not pad the vocabulary"),
        tensorParallel: readField(index, "tensorParallel", ["parallelism.tensor_parallel_degree"], () => defaultField(1, "torchtitan default tensor_parallel_degree 1")),
        pipelineParallel: readField(index, "pipelineParallel", ["parallelism.pipeline_parallel_degree"], () => defaultField(1, "torchtitan default pipeline_parallel_degree 1")),
        contextParallel: readField(index, "contextParallel", ["parallelism.context_parallel_degree"], () => defaultField(1, "torchtitan default context_parallel_degree 1")),
        expertParallel: readField(index, "expertParallel", ["parallelism.expert_parallel_degree"], () => defaultField(1, "torchtitan default expert_parallel_degree 1")),
        globalBatchSize: readField(index, "globalBatchSize", ["training.global_batch_size"], () => unknownField("no [training] global_batch_size: local batch \xD7 data-parallel degree"))
      },
      {
        activation: named && flavor ? catalogueActivation(named, flavor) : unknownField(why),
        gatedMlp: named?.gatedMlp ?? false,
        attentionKernel: defaultField(LAUNCH8.attention, LAUNCH8.attentionSource),
        recompute: readChoice(
          index,
          ["activation_checkpoint.mode"],
          (entry) => RECOMPUTE_MODES.includes(entry.value) ? entry.value : null,
          () => defaultField(LAUNCH8.recompute, LAUNCH8.recomputeSource)
        ),
        kvHeadsMayDivideTensorParallel: false,
        sharding: defaultField("fsdp", "torchtitan default data_parallel_shard_degree -1: FSDP over the remaining GPUs"),
        // Only the llama3 model code was read; other torchtitan models keep their dropout unknown.
        ...name?.value === "llama3" ? noDropout("torchtitan's llama3", FRAMEWORK_DEFAULTS.torchtitan.llama3ModelSource) : {}
      }
    );
    const loadsCheckpoint = checkpointSetting(index, ["checkpoint.initial_load_path"]);
    return { ...shape, ...named ? { catalogueModel: named.name } : {}, ...loadsCheckpoint ? { loadsCheckpoint } : {} };
  }
};

// server/src/core/formats/index.ts
var FORMAT_READERS = [hfReader, neoxReader, megatronReader, nemoReader, litgptReader, nanogptReader, nanotronReader, flagscaleReader, metaReader, axolotlReader, torchtitanReader, maxtextReader, foundryReader, nemo2Reader, olmoReader];
function formatReader(id) {
  return FORMAT_READERS.find((reader) => reader.id === id);
}
var DETECTION_THRESHOLD = 0.5;
function detectionEvidence(reader, text2) {
  return presentNames(sniffHead(text2), reader.evidence);
}
function detectFormat(fileName, text2) {
  let best;
  let bestScore = DETECTION_THRESHOLD;
  for (const reader of FORMAT_READERS) {
    const score = reader.detect(fileName, text2);
    if (score >= bestScore && (best === void 0 || score > bestScore)) {
      best = reader;
      bestScore = score;
    }
  }
  return best;
}

// server/src/core/perf/calibration.ts
var ALIGNMENT_EFFICIENCY = {
  value: [
    [1, 0.35],
    [2, 0.43],
    [4, 0.65],
    [8, 0.7],
    [16, 0.88],
    [32, 0.94],
    [64, 0.98]
  ],
  fittedOn: ["paper-figures", "ml-engineering-swiglu"],
  how: "read off Fig. 7a/7b (A100, a=32, h\u224832768: throughput by the largest power of two dividing h/a, relative to h/a divisible by 64) and the SwiGLU sweep on H100 (d_ff=10922, a multiple of 2 only: 272.7 vs 398.4 TFLOP/s at 10944 = 0.68)"
};
var ALIGNMENT_BY_ARCHITECTURE = {
  ada: {
    value: [
      [1, 1],
      [2, 1],
      [4, 1],
      [8, 1],
      [16, 0.85],
      [32, 0.94],
      [64, 0.98]
    ],
    fittedOn: ["pytorch-issue-181718-rtx4090-alignment"],
    how: "RTX 4090 bf16 squares: the four odd N (2055, 2057, 2071, 2073) at 1.00-1.09 of the model without an alignment penalty, N = 2040, 2056, 2072 (multiples of 8 only) at 1.01, 0.85 and 0.78 of it with 0.88: medians. 4- and 8-byte alignment were not measured and take the odd value; 32 and 64 bytes keep the default"
  }
};
var H100_FA3_PAPER_HOW = "FlashAttention-3 paper (arXiv 2407.08608) Fig. 5 and 6, non-causal, H100 SXM5: the 16k bar of each kernel and head dim, divided by the sequence ramp at 16k and by H100's achievable matmul rate (794 TFLOP/s); d = 256 backward (not in the paper) is d = 128's \xD7 BACKWARD_LARGE_HEAD_DIM";
var FUSED_ATTENTION_EFFICIENCY = {
  hopper: {
    flash2: {
      value: { forward: [[64, 0.411], [128, 0.469], [256, 0.413]], backward: [[64, 0.373], [128, 0.412], [256, 0.21]] },
      fittedOn: ["flash-attention-3-paper-h100"],
      how: `${H100_FA3_PAPER_HOW}. FlashAttention-2 does not use Hopper's wgmma, hence its low rate there`
    },
    cudnn: {
      value: { forward: [[64, 0.524], [128, 0.754], [256, 0.737]], backward: [[64, 0.555], [128, 0.661], [256, 0.337]] },
      fittedOn: ["flash-attention-3-paper-h100"],
      how: H100_FA3_PAPER_HOW
    },
    flash3: {
      value: { forward: [[64, 0.63], [128, 0.821], [256, 0.958]], backward: [[64, 0.607], [128, 0.719], [256, 0.367]] },
      fittedOn: ["flash-attention-3-paper-h100"],
      how: H100_FA3_PAPER_HOW
    }
  },
  ampere: {
    flash2: {
      value: { forward: [[32, 0.194], [64, 0.583], [128, 0.816], [256, 0.913]], backward: [[32, 0.176], [64, 0.529], [128, 0.717], [256, 0.366]] },
      fittedOn: ["paper-figures", "flash-attention-3-paper-h100"],
      how: "the paper's Fig. 12 (A100 40GB, FlashAttention-2 forward, s = 2048: ~50, 150, 210, 235 TFLOP/s at d = 32, 64, 128, 256) \xF7 the sequence ramp at 2048 \xF7 A100's achievable 271 TFLOP/s; backward = forward \xD7 FlashAttention-2's backward/forward ratio on H100 at the same d (0.91 at 64, 0.88 at 128; no A100 backward figure is stored); d = 256 backward is d = 128's \xD7 BACKWARD_LARGE_HEAD_DIM"
    }
  }
};
var BACKWARD_LARGE_HEAD_DIM = {
  value: 0.51,
  fittedOn: [],
  how: "Dao-AILab/flash-attention issue #2878 (flash-attn-4 4.0.0b24, H200, b 1, s 86000, 32 heads): backward 246.29 ms at d = 128, 965.85 ms at d = 256; 2 / 3.92 = 0.51"
};
var FUSED_ATTENTION_RAMP_KEYS = {
  value: { forward: 110, backward: 280 },
  fittedOn: ["flash-attention-3-paper-h100"],
  how: "the k0 in steps of 10 that minimises the mean absolute log error of plateau \xD7 s/(s + k0) over the 90 non-causal bars (s = 512 to 16k) of Fig. 5 and 6, each series scaled to its 16k bar: 3.1% forward, 2.4% backward"
};
var ACHIEVABLE_FRACTION = {
  "v100-sxm2": { value: 0.72, fittedOn: [], how: "paper Fig. 5a: ~90 TFLOP/s for (8000,4096)\xD7(4096,8000) of 125" },
  "a100-sxm4-40gb": { value: 0.869, fittedOn: ["ml-engineering-mamf"], how: "MAMF A100 SXM 271.2 of 312 (the 80GB part; same SMs and clocks)" },
  "a100-sxm4-80gb": { value: 0.869, fittedOn: ["ml-engineering-mamf"], how: "MAMF A100 SXM 271.2 of 312" },
  l4: { value: 0.48, fittedOn: ["zzc0721-l4"], how: "square sweeps n = 4096-10240 fp16 and bf16, median 54.4 TFLOP/s against a model of 90.7 at 0.80: a 72 W card runs power-limited" },
  a10: { value: 0.5, fittedOn: ["chsasank-device-benchmarks"], how: "best of a square sweep 56 TFLOP/s bf16 against a model best of 89.8 at 0.80: A10 runs power-limited (150 W)" },
  "h100-sxm": { value: 0.803, fittedOn: ["ml-engineering-mamf"], how: "MAMF H100 SXM 794.5 of 989" },
  "h100-pcie": { value: 0.7, fittedOn: ["chsasank-device-benchmarks"], how: "best of a square sweep 449 TFLOP/s bf16 against a model best of 516 at 0.803" },
  h200: { value: 0.803, fittedOn: ["ml-engineering-mamf"], how: "MAMF H100 SXM 794.5 of 989; the table notes H200 has the same compute" },
  b200: { value: 0.776, fittedOn: [], how: "ml-engineering MAMF B200 1745 of 2250 (a later version of the table than the one in data/measurements)" },
  "mi250x-gcd": { value: 0.768, fittedOn: ["ml-engineering-mamf"], how: "MAMF v1 table MI250X 147.0 of 191.5 (one GCD, ROCm 6.2)" },
  mi300x: { value: 0.511, fittedOn: ["ml-engineering-mamf"], how: "MAMF MI300X 668.4 of 1307 (v2 table; the v1 table has 781.9)" },
  "rtx-4090": { value: 1.06, fittedOn: ["chsasank-device-benchmarks"], how: "best of a square sweep 168 TFLOP/s bf16 against a model best of 127 at 0.80: the card boosts above the clock its rated peak assumes" }
};
var GEMM_FIXED_COST_US = {
  value: 4.5,
  fittedOn: ["xla-sm90-perf-table-9bebee8"],
  how: "the value in 0.25 \xB5s steps that minimises the median absolute error on the 80 H100 bf16 GEMMs of that run (7.0% at 4.5 \xB5s; 9.6% at 4.25, 7.3% at 4.75; 3 \xB5s, the old assumption, gives 15.5%). Assumed the same on other GPUs"
};
var COLLECTIVE_BUS_FRACTION = {
  nvlink: { value: 0.8, fittedOn: [], how: "nccl-tests all_reduce_perf at 1-8 GB on 8 GPUs: ~230 GB/s busbw of 300 on DGX A100, ~360-480 of 450 on DGX H100 (NVIDIA NCCL docs and the nccl-tests README figures); 0.8 taken" },
  pcie: { value: 0.7, fittedOn: [], how: "assumed: PCIe rings through the host bridge reach less of the link than NVLink; not measured" },
  xgmi: { value: 0.7, fittedOn: [], how: "assumed: RCCL all-reduce on MI250X/MI300X nodes is reported well below the link peak; not measured" },
  network: { value: 0.85, fittedOn: [], how: "nccl-tests all_reduce across nodes with one 200/400 Gb/s InfiniBand NIC per GPU reaches ~85-92% of the line rate (NVIDIA DGX SuperPOD reference figures); 0.85 taken" }
};
var TRAINING_COMPUTE_EFFICIENCY = {
  value: 0.87,
  fittedOn: ["narayanan-2021-table2", "torchtitan-llama-a100", "nemo-24.07-h100"],
  how: "the value in 0.01 steps that minimises the median absolute error of tokens/s per GPU over the 21 calibration runs not on ZeRO-3 (5.0% at 0.87; 5.2% at 0.88, 5.9% at 0.86; 10.8% without it), with the fused-attention model per GPU and head dim"
};
var ZERO3_COLLECTIVE_EFFICIENCY = {
  value: 0.08,
  fittedOn: ["narayanan-2021-table2"],
  how: "the value in 0.01 steps that minimises the median absolute error of the six ZeRO-3 rows of Table 2 (17% at 0.08, 21% at 0.09, 28% at 0.07, 120% without it): those runs slow down as the GPUs grow at a fixed batch, which a ring at the full node bandwidth does not"
};

// server/src/core/perf/gpus.ts
var NVIDIA_TILES = [
  [256, 128],
  [128, 256],
  [128, 128],
  [256, 64],
  [64, 256],
  [128, 64],
  [64, 128],
  [64, 64]
];
var AMD_TILES = NVIDIA_TILES;
var ML_ENG_PEAKS = "stas00/ml-engineering compute/accelerator/README.md (peak TFLOPS, memory and cache tables)";
var ML_ENG_MAMF = "stas00/ml-engineering compute/accelerator/README.md MAMF table (bf16 maximum achievable matmul)";
var ML_ENG_DIVISIBILITY = 'stas00/ml-engineering training/performance/README.md "Vector and matrix size divisibility"';
var PAPER = 'Anthony et al., "The Case for Co-Designing Model Architectures with Hardware" (arXiv 2401.14489)';
var FP8_DOUBLE = "fp8 derived: vendor datasheets list dense FP8 at twice dense BF16 on Hopper, Blackwell, Ada and CDNA3";
var BANDWIDTH_ASSUMED = 'bandwidthFraction 0.85 assumed (llm-analysis calls 0.9 "aggressive"); not measured';
var LAUNCH_ASSUMED = "launchOverheadUs assumed: a few \xB5s per element-wise kernel on the GPU timeline; not measured";
var MEASURED_FRACTION = "achievableFraction from a measurement: calibration.ts ACHIEVABLE_FRACTION names it";
var NVLINK2 = "NVLink 2: 6 links \xD7 25 GB/s = 150 GB/s per direction per V100 (NVIDIA V100 datasheet: 300 GB/s bidirectional)";
var NVLINK3 = "NVLink 3 with NVSwitch: 12 links \xD7 25 GB/s = 300 GB/s per direction, 8 GPUs per HGX/DGX A100 (datasheet: 600 GB/s)";
var NVLINK4 = "NVLink 4 with NVSwitch: 18 links \xD7 25 GB/s = 450 GB/s per direction, 8 GPUs per HGX H100/H200 (datasheet: 900 GB/s)";
var NVLINK5 = "NVLink 5: 900 GB/s per direction, 8 GPUs per HGX/DGX B200 (datasheet: 1.8 TB/s; NVL72 racks join 72)";
var PCIE4 = "PCIe 4.0 \xD716: 32 GB/s per direction; 8 GPUs per node assumed";
var PCIE5 = "PCIe 5.0 \xD716: 64 GB/s per direction (NVLink bridges, which join pairs only, not modelled); 8 GPUs per node assumed";
var DGX_A100_IB = "DGX A100: 8\xD7 HDR InfiniBand 200 Gb/s for 8 GPUs (Narayanan et al. 2021 \xA75: Selene)";
var DGX_H100_IB = "DGX H100/H200: 8\xD7 ConnectX-7 NDR 400 Gb/s for 8 GPUs (torchtitan docs/performance.md: 400 Gb/s per GPU)";
var NETWORK_ASSUMED = "inter-node 100 Gb/s per GPU assumed (Ethernet class); not measured";
var NO_MAMF = "achievableFraction 0.80 assumed: no published MAMF; between A100 (0.869) and H100 (0.803)";
var GPUS = [
  {
    id: "v100-sxm2",
    name: "NVIDIA V100 SXM2",
    aliases: ["v100"],
    vendor: "nvidia",
    architecture: "volta",
    computeUnits: 80,
    peakTflops: { fp16: 125 },
    memoryBandwidthGBs: 900,
    l2CacheMB: 6,
    alignmentBytes: 16,
    achievableFraction: ACHIEVABLE_FRACTION["v100-sxm2"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 4,
    tiles: NVIDIA_TILES,
    memoryGiB: 31.75,
    intraNode: { kind: "nvlink", bandwidthGBs: 150, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      "llm-analysis gpu_configs/v100-sxm-32gb.json (125 TFLOPS fp16, 900 GB/s); NeuSight V100 config (80 SMs, 6 MB L2)",
      `${PAPER} III-B: 16-byte alignment on V100`,
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      LAUNCH_ASSUMED,
      "V100 SXM2 32GB: nvidia-smi 32510 MiB",
      NVLINK2,
      "inter-node 100 Gb/s per GPU assumed (DGX-2: 8\xD7 EDR 100 Gb/s for 16 GPUs; DGX-1: 4\xD7 EDR for 8)"
    ]
  },
  {
    id: "a100-sxm4-40gb",
    name: "NVIDIA A100 SXM4 40GB",
    aliases: ["a100-40gb"],
    vendor: "nvidia",
    architecture: "ampere",
    computeUnits: 108,
    peakTflops: { bf16: 312, fp16: 312 },
    memoryBandwidthGBs: 1555,
    l2CacheMB: 40,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["a100-sxm4-40gb"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 40,
    intraNode: { kind: "nvlink", bandwidthGBs: 300, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, "llm-analysis; NeuSight", `${PAPER} III-B and ${ML_ENG_DIVISIBILITY}: 128-byte alignment, 108 SMs`, `${ML_ENG_MAMF}: A100 SXM 271.2 TFLOPS = 86.9%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "A100 40GB: nvidia-smi 40960 MiB", NVLINK3, DGX_A100_IB]
  },
  {
    id: "a100-sxm4-80gb",
    name: "NVIDIA A100 SXM4 80GB",
    aliases: ["a100", "a100-80gb"],
    vendor: "nvidia",
    architecture: "ampere",
    computeUnits: 108,
    peakTflops: { bf16: 312, fp16: 312 },
    memoryBandwidthGBs: 2039,
    l2CacheMB: 40,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["a100-sxm4-80gb"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 80,
    intraNode: { kind: "nvlink", bandwidthGBs: 300, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, "llm-analysis; gpu-specs (2039 GB/s)", `${ML_ENG_MAMF}: A100 SXM 271.2 TFLOPS = 86.9%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "A100 80GB: nvidia-smi 81920 MiB", NVLINK3, DGX_A100_IB]
  },
  {
    id: "a10",
    name: "NVIDIA A10",
    aliases: [],
    vendor: "nvidia",
    architecture: "ampere",
    computeUnits: 72,
    peakTflops: { bf16: 125, fp16: 125 },
    memoryBandwidthGBs: 600,
    l2CacheMB: 6,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["a10"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: "pcie", bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: ["gpu-specs; llm-analysis (125 TFLOPS, 600 GB/s)", "SMs derived: 9216 CUDA cores / 128", "L2 6 MB from a GA10x note, UNVERIFIED for A10", MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "24 GB GDDR6 (datasheet)", PCIE4, NETWORK_ASSUMED]
  },
  {
    id: "l4",
    name: "NVIDIA L4",
    aliases: [],
    vendor: "nvidia",
    architecture: "ada",
    computeUnits: 58,
    peakTflops: { bf16: 121, fp16: 121, fp8: 242 },
    memoryBandwidthGBs: 300,
    l2CacheMB: 48,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["l4"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: "pcie", bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: ["gpu-specs; NeuSight; fpsbench", "SMs derived: 7424 CUDA cores / 128 = 58 (NeuSight and fpsbench say 60: conflict)", FP8_DOUBLE, MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "24 GB GDDR6 (datasheet)", PCIE4, NETWORK_ASSUMED]
  },
  {
    id: "l40s",
    name: "NVIDIA L40S",
    aliases: [],
    vendor: "nvidia",
    architecture: "ada",
    computeUnits: 142,
    peakTflops: { bf16: 362, fp16: 362, fp8: 724 },
    memoryBandwidthGBs: 864,
    l2CacheMB: 96,
    alignmentBytes: 128,
    achievableFraction: 0.8,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 48,
    intraNode: { kind: "pcie", bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: [ML_ENG_PEAKS, "gpu-specs", "SMs derived: 18176 CUDA cores / 128", "L2 UNVERIFIED: the full AD102 die has 96 MB", FP8_DOUBLE, NO_MAMF, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "48 GB GDDR6 (datasheet)", PCIE4, NETWORK_ASSUMED]
  },
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    aliases: ["h100"],
    vendor: "nvidia",
    architecture: "hopper",
    computeUnits: 132,
    peakTflops: { bf16: 989, fp16: 989, fp8: 1979 },
    memoryBandwidthGBs: 3350,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["h100-sxm"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 79.6,
    intraNode: { kind: "nvlink", bandwidthGBs: 450, domainSize: 8 },
    interNodeGbps: 400,
    sources: [ML_ENG_PEAKS, "NVIDIA H100 datasheet (989 dense BF16, 1979 dense FP8)", `${ML_ENG_DIVISIBILITY}: 132 SMs`, `${ML_ENG_MAMF}: H100 SXM 794.5 TFLOPS = 80.3%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "H100 SXM5 80GB: nvidia-smi 81559 MiB", NVLINK4, DGX_H100_IB]
  },
  {
    id: "h100-pcie",
    name: "NVIDIA H100 PCIe 80GB",
    aliases: [],
    vendor: "nvidia",
    architecture: "hopper",
    computeUnits: 114,
    peakTflops: { bf16: 756, fp16: 756, fp8: 1513 },
    memoryBandwidthGBs: 2e3,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["h100-pcie"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 79.6,
    intraNode: { kind: "pcie", bandwidthGBs: 64, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, "gpu-specs (2048 GB/s); llm-analysis", "SMs derived: 14592 CUDA cores / 128", "L2 UNVERIFIED (likely 50 MB)", FP8_DOUBLE, MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "H100 PCIe 80GB: nvidia-smi 81559 MiB", PCIE5, "inter-node 200 Gb/s per GPU assumed (PCIe servers ship fewer NICs than DGX)"]
  },
  {
    id: "h200",
    name: "NVIDIA H200 SXM 141GB",
    aliases: [],
    vendor: "nvidia",
    architecture: "hopper",
    computeUnits: 132,
    peakTflops: { bf16: 989, fp16: 989, fp8: 1979 },
    memoryBandwidthGBs: 4800,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["h200"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 140.4,
    intraNode: { kind: "nvlink", bandwidthGBs: 450, domainSize: 8 },
    interNodeGbps: 400,
    sources: [ML_ENG_PEAKS, FP8_DOUBLE, `${ML_ENG_MAMF}: H100 SXM 80.3%, "H200 is the same"`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "H200 141GB: nvidia-smi 143771 MiB", NVLINK4, DGX_H100_IB]
  },
  {
    id: "b200",
    name: "NVIDIA B200",
    aliases: [],
    vendor: "nvidia",
    architecture: "blackwell",
    computeUnits: 148,
    peakTflops: { bf16: 2250, fp16: 2250, fp8: 4500 },
    memoryBandwidthGBs: 8e3,
    l2CacheMB: 126,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["b200"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 179,
    intraNode: { kind: "nvlink", bandwidthGBs: 900, domainSize: 8 },
    interNodeGbps: 400,
    sources: [`${ML_ENG_PEAKS}, citing the DGX B200 datasheet and the Blackwell tuning guide`, FP8_DOUBLE, `${ML_ENG_MAMF}: B200 1745 TFLOPS = 77.6%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, "DGX B200 datasheet: 1,440 GB for 8 GPUs (nvidia-smi 183359 MiB)", NVLINK5, "DGX B200 datasheet: 8\xD7 ConnectX-7 400 Gb/s for 8 GPUs"]
  },
  {
    id: "mi250x-gcd",
    name: "AMD Instinct MI250X (one GCD)",
    aliases: ["mi250x"],
    vendor: "amd",
    architecture: "cdna2",
    computeUnits: 110,
    peakTflops: { bf16: 191.5, fp16: 191.5 },
    memoryBandwidthGBs: 1600,
    l2CacheMB: 8,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["mi250x-gcd"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 5,
    tiles: AMD_TILES,
    memoryGiB: 64,
    intraNode: { kind: "xgmi", bandwidthGBs: 100, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      "ROCm GPU architecture spec table (110 CUs and 8 MB L2 per GCD)",
      `${ML_ENG_PEAKS}: 383 TFLOPS per MI250X; per-GCD peak and bandwidth derived (/2)`,
      "alignmentBytes assumed equal to NVIDIA A100+ (no AMD figure read)",
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      "launchOverheadUs assumed higher on ROCm; not measured",
      "MI250X: 128 GB HBM2e for two GCDs",
      "Infinity Fabric between GCDs: 50-200 GB/s per pair on a Frontier/El Capitan-class node; 100 GB/s per direction assumed",
      "Frontier node: 4\xD7 Slingshot 200 Gb/s for 8 GCDs"
    ]
  },
  {
    id: "mi300x",
    name: "AMD Instinct MI300X",
    aliases: [],
    vendor: "amd",
    architecture: "cdna3",
    computeUnits: 304,
    peakTflops: { bf16: 1307, fp16: 1307, fp8: 2615 },
    memoryBandwidthGBs: 5300,
    l2CacheMB: 32,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["mi300x"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 5,
    tiles: AMD_TILES,
    memoryGiB: 192,
    intraNode: { kind: "xgmi", bandwidthGBs: 448, domainSize: 8 },
    interNodeGbps: 400,
    sources: [
      "ROCm spec; ml-engineering (1307 TFLOPS, 5.3 TB/s)",
      "L2 4 MB per XCD \xD7 8 (plus 256 MB Infinity Cache, not modelled)",
      FP8_DOUBLE,
      "alignmentBytes assumed equal to NVIDIA A100+ (no AMD figure read)",
      `${ML_ENG_MAMF}: MI300X 668.4 TFLOPS (51.4% of 1300; 0.511 of 1307)`,
      BANDWIDTH_ASSUMED,
      "launchOverheadUs assumed higher on ROCm; not measured",
      "MI300X: 192 GB HBM3 (datasheet)",
      "AMD MI300X datasheet: 7 Infinity Fabric links, 896 GB/s bidirectional peer bandwidth",
      "inter-node 400 Gb/s per GPU assumed (one 400G NIC per GPU, as MI300X platforms ship)"
    ]
  },
  {
    id: "rtx-4090",
    name: "NVIDIA GeForce RTX 4090",
    aliases: ["4090"],
    vendor: "nvidia",
    architecture: "ada",
    computeUnits: 128,
    peakTflops: { bf16: 165.2, fp16: 165.2, fp8: 330.3 },
    memoryBandwidthGBs: 1008,
    l2CacheMB: 72,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION["rtx-4090"].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: "pcie", bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      "third-party pages (gigagpu, waredb, techgoing): 165.2 TFLOPS with FP32 accumulate (what PyTorch uses); UNVERIFIED against the Ada whitepaper",
      "thefpsreview (1008 GB/s)",
      FP8_DOUBLE,
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      LAUNCH_ASSUMED,
      "24 GB GDDR6X (datasheet)",
      "PCIe 4.0 \xD716, 32 GB/s per direction; GeForce cards have no peer-to-peer, so collectives go through the host",
      NETWORK_ASSUMED
    ]
  }
];
var DEFAULT_GPU_ID = "h100-sxm";
function findGpu(idOrAlias) {
  const wanted = idOrAlias.trim().toLowerCase();
  return GPUS.find((gpu) => gpu.id === wanted || gpu.aliases.includes(wanted));
}
function elementBytes(gpu, dtype) {
  return dtype === "fp8" && peakTflopsFor(gpu, dtype).native ? 1 : 2;
}
function peakTflopsFor(gpu, dtype) {
  const native = gpu.peakTflops[dtype];
  if (native !== void 0) return { tflops: native, native: true };
  return { tflops: gpu.peakTflops.bf16 ?? gpu.peakTflops.fp16 ?? 0, native: false };
}

// server/src/core/model/options.ts
var ATTENTION_OVERRIDES = ["flash", "unfused"];
var DEFAULT_SEQUENCE_LENGTH = 2048;
var DEFAULT_MICRO_BATCH_SIZE = 4;
var DEFAULT_GPUS = 8;

// server/src/core/perf/kernel-model.ts
var KERNEL_MODEL = {
  /**
   * Small tiles reuse each loaded element less: per k-step a tm×tn tile loads (tm+tn) elements for
   * tm·tn MACs. Efficiency ∝ I/(I + c) with I = tm·tn/(tm+tn), normalised to the largest tile.
   * c = 24 is assumed (it makes 128×128 run at 0.93 and 64×64 at 0.73 of 256×128).
   */
  tileReuseConstant: 24,
  /** The tile the achievable peak is measured with: the paper's (VI-B) most efficient 128×256. */
  referenceTile: [256, 128],
  /** Query rows per FlashAttention thread block (FlashAttention-2 uses 128 on A100/H100). */
  flashBlockRows: 128
};
function dtypeFor(dtype, work) {
  return dtype === "fp8" && work !== "linear" ? "bf16" : dtype;
}

// server/src/core/perf/attention.ts
var FUSED_KERNEL_NAMES = {
  flash2: "FlashAttention-2",
  flash3: "FlashAttention-3",
  cudnn: "cuDNN fused attention"
};
var LARGE_HEAD_DIM_BACKWARD = /* @__PURE__ */ new Set(["a100-sxm4-40gb", "a100-sxm4-80gb", "h100-sxm", "h100-pcie", "h200"]);
var FLASH_ARCHITECTURES = /* @__PURE__ */ new Set(["ampere", "ada", "hopper", "blackwell", "cdna2", "cdna3"]);
var HOPPER_OR_NEWER = /* @__PURE__ */ new Set(["hopper", "blackwell"]);
var MAX_HEAD_DIM = 256;
function flash2(gpu, headDim, who) {
  if (!FLASH_ARCHITECTURES.has(gpu.architecture)) return { kernel: "unfused", why: `${who}: FlashAttention-2 needs Ampere or newer, so the unfused attention` };
  if (headDim > MAX_HEAD_DIM) return { kernel: "unfused", why: `${who}: no FlashAttention-2 kernel for head dim ${headDim} (> ${MAX_HEAD_DIM}), so the unfused attention` };
  return { kernel: "flash2", why: `${who}: FlashAttention-2` };
}
function chooseAttentionKernel(implementation, gpu, headDim, dtype) {
  switch (implementation) {
    case "unfused":
      return { kernel: "unfused", why: "the unfused attention" };
    case "flash":
      return flash2(gpu, headDim, "FlashAttention named by the file");
    case "sdpa": {
      if (headDim > 192 && FLASH_ARCHITECTURES.has(gpu.architecture) && !LARGE_HEAD_DIM_BACKWARD.has(gpu.id) && gpu.vendor === "nvidia") {
        return { kernel: "flash2", why: `PyTorch SDPA: no flash backward for head dim ${headDim} on ${gpu.name}, so its memory-efficient kernel (counted as FlashAttention-2)` };
      }
      if (!FLASH_ARCHITECTURES.has(gpu.architecture)) {
        if (dtype === "fp16") return { kernel: "flash2", why: `PyTorch SDPA on ${gpu.name}: its memory-efficient kernel in fp16 (counted as FlashAttention-2)` };
        return { kernel: "unfused", why: `PyTorch SDPA on ${gpu.name}: no fused kernel for ${dtype}, so the math path (unfused)` };
      }
      return flash2(gpu, headDim, "PyTorch SDPA picks");
    }
    case "transformer-engine":
      if (HOPPER_OR_NEWER.has(gpu.architecture) && headDim <= MAX_HEAD_DIM) return { kernel: "cudnn", why: "Transformer Engine picks cuDNN fused attention on Hopper and newer" };
      return flash2(gpu, headDim, "Transformer Engine picks");
    case "cudnn":
      if (HOPPER_OR_NEWER.has(gpu.architecture) && headDim <= MAX_HEAD_DIM) return { kernel: "cudnn", why: "cuDNN fused attention (--attention-backend fused)" };
      if (FLASH_ARCHITECTURES.has(gpu.architecture) && headDim <= 128) return { kernel: "cudnn", why: "cuDNN fused attention (--attention-backend fused)" };
      return flash2(gpu, headDim, `cuDNN's backward needs head dim \u2264 128 on ${gpu.name}; Transformer Engine falls back to`);
  }
}
var ATTENTION_DATA_FAMILY = {
  volta: "ampere",
  ampere: "ampere",
  ada: "ampere",
  cdna2: "ampere",
  cdna3: "ampere",
  hopper: "hopper",
  blackwell: "hopper"
};
var MEASURED_ARCHITECTURES = /* @__PURE__ */ new Set(["ampere", "hopper"]);
function efficiencyTable(kernel, gpu) {
  const family = FUSED_ATTENTION_EFFICIENCY[ATTENTION_DATA_FAMILY[gpu.architecture]];
  return (family[kernel] ?? FUSED_ATTENTION_EFFICIENCY.hopper[kernel] ?? FUSED_ATTENTION_EFFICIENCY.hopper.flash2).value;
}
function attentionDataMeasured(kernel, gpu) {
  return MEASURED_ARCHITECTURES.has(gpu.architecture) && FUSED_ATTENTION_EFFICIENCY[ATTENTION_DATA_FAMILY[gpu.architecture]][kernel] !== void 0;
}
function paddedHeadDim(kernel, headDim) {
  if (kernel === "flash3") return [64, 96, 128, 192, 256].find((size) => size >= headDim) ?? headDim;
  const step = kernel === "flash2" ? 32 : 8;
  return Math.ceil(headDim / step) * step;
}
function interpolate(curve, headDim) {
  const [first] = curve;
  if (headDim <= first[0]) return first[1] * headDim / first[0];
  for (let i = 1; i < curve.length; i++) {
    const [d0, e0] = curve[i - 1];
    const [d1, e1] = curve[i];
    if (headDim <= d1) return e0 + (e1 - e0) * (headDim - d0) / (d1 - d0);
  }
  return curve[curve.length - 1][1];
}
function fusedAttentionEfficiency(kernel, gpu, headDim, seqLength, backward) {
  const table = efficiencyTable(kernel, gpu);
  const plateau = interpolate(backward ? table.backward : table.forward, paddedHeadDim(kernel, headDim));
  const rampKeys = backward ? FUSED_ATTENTION_RAMP_KEYS.value.backward : FUSED_ATTENTION_RAMP_KEYS.value.forward;
  return plateau * (seqLength / (seqLength + rampKeys));
}
var FAST_BACKWARD_MAX_HEAD_DIM = 128;
var LARGE_HEAD_DIM_NOTE = `backward above head dim ${FAST_BACKWARD_MAX_HEAD_DIM} runs at about ${Math.round(BACKWARD_LARGE_HEAD_DIM.value * 100)}% of its d = 128 rate (flash-attention issue #2878)`;

// server/src/core/perf/gemm.ts
function deviceRates(gpu, dtype) {
  const peak = peakTflopsFor(gpu, dtype);
  return {
    gpu,
    elementBytes: elementBytes(gpu, dtype),
    smFlopsPerUs: peak.tflops * 1e6 * gpu.achievableFraction / gpu.computeUnits,
    bytesPerUs: gpu.memoryBandwidthGBs * 1e3 * gpu.bandwidthFraction,
    peakTflops: peak.tflops
  };
}
function gemmFlops(shape) {
  return 2 * shape.m * shape.n * shape.k * shape.batch * (shape.matmuls ?? 1);
}
function alignmentEfficiency(dimension, rates) {
  const bytes = largestPowerOfTwoDividing(dimension) * rates.elementBytes;
  if (bytes >= rates.gpu.alignmentBytes) return 1;
  const curve = (ALIGNMENT_BY_ARCHITECTURE[rates.gpu.architecture] ?? ALIGNMENT_EFFICIENCY).value;
  let efficiency = curve[0][1];
  for (const [entryBytes, entryEfficiency] of curve) if (entryBytes <= bytes) efficiency = entryEfficiency;
  return efficiency;
}
var OUTPUT_BYTES = 2;
var reuse = (tile) => {
  const intensity = tile[0] * tile[1] / (tile[0] + tile[1]);
  return intensity / (intensity + KERNEL_MODEL.tileReuseConstant);
};
function tileEfficiency(tile) {
  return Math.min(1, reuse(tile) / reuse(KERNEL_MODEL.referenceTile));
}
function flashComputeUs(shape, rates) {
  const rows = KERNEL_MODEL.flashBlockRows;
  const blocks = Math.ceil(shape.m / rows) * shape.batch;
  const waves = Math.ceil(blocks / rates.gpu.computeUnits);
  const matmuls = shape.matmuls ?? 2;
  const kernel = shape.kernel ?? "flash2";
  const efficiency = fusedAttentionEfficiency(kernel, rates.gpu, shape.k, shape.n, matmuls > 2);
  const blockUs = 2 * rows * shape.n * paddedHeadDim(kernel, shape.k) * matmuls / (rates.smFlopsPerUs * efficiency);
  return { us: waves * blockUs, waves, tile: [rows, shape.n] };
}
function memoryBytes(shape, rates) {
  const { m, n, k, batch } = shape;
  if (shape.matmuls !== void 0) {
    const passes = shape.matmuls > 2 ? 2 : 1;
    return rates.elementBytes * batch * k * (2 * m + 2 * n) * passes;
  }
  return rates.elementBytes * batch * (m * k + k * n + m * n);
}
function epilogueUs(tile, rates) {
  return tile[0] * tile[1] * OUTPUT_BYTES / (rates.bytesPerUs / rates.gpu.computeUnits);
}
function predictGemm(shape, rates) {
  const { gpu } = rates;
  const flops = gemmFlops(shape);
  const alignment2 = shape.matmuls !== void 0 ? 1 : Math.min(alignmentEfficiency(shape.m, rates), alignmentEfficiency(shape.n, rates), alignmentEfficiency(shape.k, rates));
  const memoryUs = memoryBytes(shape, rates) / rates.bytesPerUs;
  let best = { computeUs: Infinity, mainLoopUs: Infinity, waves: 0, tile: [0, 0] };
  if (shape.matmuls !== void 0) {
    const flash = flashComputeUs(shape, rates);
    best = { computeUs: flash.us, mainLoopUs: flash.us, waves: flash.waves, tile: flash.tile };
  } else {
    for (const tile of gpu.tiles) {
      const tiles = Math.ceil(shape.m / tile[0]) * Math.ceil(shape.n / tile[1]) * shape.batch;
      const waves = Math.ceil(tiles / gpu.computeUnits);
      const mainLoopUs = waves * (2 * tile[0] * tile[1] * shape.k / (rates.smFlopsPerUs * tileEfficiency(tile)));
      const computeUs = mainLoopUs + waves * epilogueUs(tile, rates);
      if (computeUs < best.computeUs) best = { computeUs, mainLoopUs, waves, tile: [tile[0], tile[1]] };
    }
  }
  const timeUs = Math.max(best.computeUs, memoryUs) / alignment2 + GEMM_FIXED_COST_US.value;
  return {
    ...shape,
    tflops: flops / timeUs / 1e6,
    timeUs,
    waves: best.waves,
    tile: best.tile,
    bound: best.mainLoopUs * 2 < Math.max(best.computeUs, memoryUs) ? "memory" : "compute",
    source: "model"
  };
}
function elementwiseUs(bytes, rates) {
  return bytes / rates.bytesPerUs + rates.gpu.launchOverheadUs;
}

// server/src/core/perf/layer.ts
function localSizes(spec) {
  const t = Math.max(1, spec.tensorParallel);
  const tokens = spec.seqLength * spec.microBatchSize;
  const experts = Math.max(1, spec.numExperts);
  const topK = experts > 1 ? Math.max(1, spec.expertsPerToken) : 1;
  return {
    tokens,
    heads: Math.max(1, Math.ceil(spec.numHeads / t)),
    kvHeads: Math.max(1, Math.ceil(spec.numKvHeads / t)),
    headDim: spec.headDim,
    ffn: Math.max(1, Math.ceil(spec.ffnHiddenSize / t)),
    vocab: spec.vocabSize > 0 ? Math.ceil(spec.vocabSize / t) : 0,
    tokensPerExpert: experts > 1 ? Math.ceil(tokens * topK / experts) : tokens,
    experts
  };
}
var gemm = (name, m, n, k, batch = 1) => ({ name, label: name, m, n, k, batch });
function layerGemms(spec) {
  const local = localSizes(spec);
  const { tokens, heads, kvHeads, headDim: d, ffn, tokensPerExpert, experts } = local;
  const h = spec.hiddenSize;
  const s = spec.seqLength;
  const attentionBatch = spec.microBatchSize * heads;
  const gemms = [gemm("qkv", tokens, (heads + 2 * kvHeads) * d, h)];
  if (spec.flashAttention) {
    gemms.push({ ...gemm("flash_attention", s, s, d, attentionBatch), matmuls: 2, ...spec.fusedKernel ? { kernel: spec.fusedKernel } : {} });
  } else {
    gemms.push(gemm("attention_score", s, s, d, attentionBatch), gemm("attention_over_value", s, d, s, attentionBatch));
  }
  gemms.push(gemm("attention_projection", tokens, h, heads * d));
  gemms.push(gemm("mlp_up", tokensPerExpert, ffn, h, experts));
  if (spec.gatedMlp) gemms.push(gemm("mlp_gate", tokensPerExpert, ffn, h, experts));
  gemms.push(gemm("mlp_down", tokensPerExpert, h, ffn, experts));
  return gemms;
}
function logitsGemm(spec) {
  const local = localSizes(spec);
  return local.vocab > 0 ? gemm("logits", local.tokens, local.vocab, spec.hiddenSize) : null;
}
function backwardGemms(forward) {
  if (forward.matmuls !== void 0) return [{ ...forward, label: `${forward.name}.bwd`, matmuls: 5 }];
  const { name, m, n, k, batch } = forward;
  return [
    { name, label: `${name}.dgrad`, m, n: k, k: n, batch },
    { name, label: `${name}.wgrad`, m: k, n, k: m, batch }
  ];
}
var DROPOUT_MASK_BYTES = 1;
function layerElementwise(spec, elementBytes2, backward) {
  const local = localSizes(spec);
  const h = spec.hiddenSize;
  const s = spec.seqLength;
  const passes = backward ? 3 : 1;
  const dropout = spec.dropout ?? false;
  const attentionDropout = spec.attentionDropout ?? dropout;
  const maskBytes = dropout ? DROPOUT_MASK_BYTES : 0;
  const work = (name, bytes) => ({ name, label: name, bytes: bytes * passes });
  const activationTokens = local.tokensPerExpert * local.experts;
  const scores = spec.microBatchSize * local.heads * s * s;
  const hidden = local.tokens * h;
  const result = [];
  if (!spec.flashAttention) {
    result.push(work("softmax", 2 * scores * elementBytes2));
    if (attentionDropout) result.push(work("attention_dropout", scores * (2 * elementBytes2 + DROPOUT_MASK_BYTES)));
  }
  result.push(work("layer_norm", 2 * 2 * hidden * elementBytes2));
  result.push(work("residual", 2 * hidden * (3 * elementBytes2 + maskBytes)));
  result.push(work("activation", (spec.gatedMlp ? 3 : 2) * activationTokens * local.ffn * elementBytes2));
  return result;
}
var ATTENTION_CORE = /* @__PURE__ */ new Set(["attention_score", "attention_over_value", "flash_attention", "softmax", "attention_dropout"]);
function recomputedWork(spec, elementBytes2) {
  const mode = spec.recompute ?? "none";
  if (mode === "none") return { gemms: [], elementwise: [] };
  const wanted = (name) => mode === "full" || ATTENTION_CORE.has(name);
  return {
    gemms: layerGemms(spec).filter((shape) => wanted(shape.name)).map((shape) => ({ ...shape, label: `${shape.name}.recompute` })),
    elementwise: layerElementwise(spec, elementBytes2, false).filter((work) => wanted(work.name)).map((work) => ({ ...work, label: `${work.name}.recompute` }))
  };
}
var isRecomputed = (item) => item.label.endsWith(".recompute");
function logitsElementwise(spec, elementBytes2, backward) {
  const local = localSizes(spec);
  if (local.vocab === 0) return null;
  return { name: "cross_entropy", label: "cross_entropy", bytes: 2 * local.tokens * local.vocab * elementBytes2 * (backward ? 3 : 1) };
}
function layerParams(spec) {
  const h = spec.hiddenSize;
  const qkvWidth = (spec.numHeads + 2 * spec.numKvHeads) * spec.headDim;
  const f = spec.ffnHiddenSize;
  const experts = Math.max(1, spec.numExperts);
  return {
    attention: h * qkvWidth + qkvWidth + spec.numHeads * spec.headDim * h + h,
    mlpPerExpert: spec.gatedMlp ? 3 * h * f + 2 * f + h : 2 * h * f + f + h,
    experts,
    replicated: 4 * h + (experts > 1 ? h * experts : 0)
  };
}
function modelParams(spec) {
  const layer = layerParams(spec);
  return spec.numLayers * (layer.attention + layer.experts * layer.mlpPerExpert + layer.replicated) + spec.vocabSize * spec.hiddenSize;
}

// server/src/core/perf/profile.ts
var NEIGHBOUR_RADIUS = 1.5;
var MAX_NEIGHBOURS = 4;
function profileApplies(profile, gpuId, dtype) {
  return profile.dtype === dtype && (profile.gpu.catalogId === void 0 || profile.gpu.catalogId === gpuId);
}
var keyOf = (shape) => `${shape.m}x${shape.n}x${shape.k}x${shape.batch}`;
function logDistance(a, b) {
  const d = (x, y) => Math.log2(x / y);
  return Math.hypot(d(a.m, b.m), d(a.n, b.n), d(a.k, b.k), d(a.batch, b.batch));
}
function applyProfile(prediction, profile, model) {
  if (prediction.matmuls !== void 0) return prediction;
  const flops = prediction.tflops * prediction.timeUs * 1e6;
  const withTime = (timeUs, source) => ({ ...prediction, timeUs, tflops: flops / timeUs / 1e6, source });
  const exact = indexOf(profile).get(keyOf(prediction));
  if (exact) return withTime(exact.timeUs, "profile");
  const neighbours = profile.measurements.map((measurement) => ({ measurement, distance: logDistance(measurement, prediction) })).filter((entry) => entry.distance <= NEIGHBOUR_RADIUS).sort((a, b) => a.distance - b.distance).slice(0, MAX_NEIGHBOURS);
  if (neighbours.length === 0) return prediction;
  let weightedLogRatio = 0;
  let totalWeight = 0;
  for (const { measurement, distance } of neighbours) {
    const modelled = model({ name: prediction.name, label: prediction.label, m: measurement.m, n: measurement.n, k: measurement.k, batch: measurement.batch });
    const weight = 1 / distance;
    weightedLogRatio += weight * Math.log(measurement.timeUs / modelled.timeUs);
    totalWeight += weight;
  }
  return withTime(prediction.timeUs * Math.exp(weightedLogRatio / totalWeight), "interpolated");
}
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(profile) {
  let index = indexes.get(profile);
  if (!index) {
    index = new Map(profile.measurements.map((measurement) => [keyOf(measurement), measurement]));
    indexes.set(profile, index);
  }
  return index;
}

// server/src/core/perf/index.ts
var ATTENTION_GEMMS = /* @__PURE__ */ new Set(["attention_score", "attention_over_value", "flash_attention"]);
var sum = (values) => values.reduce((total2, value) => total2 + value, 0);
function applicableProfile(gpu, options) {
  return options.profile && profileApplies(options.profile, gpu.id, options.dtype) ? options.profile : void 0;
}
function predictWithProfile(shape, rates, profile) {
  const modelled = predictGemm(shape, rates);
  if (!profile) return modelled;
  return applyProfile(modelled, profile, (neighbour) => predictGemm(neighbour, rates));
}
function predictLayer(spec, gpu, options) {
  const rates = deviceRates(gpu, options.dtype);
  const ratesFor = (work) => dtypeFor(options.dtype, work) === options.dtype ? rates : deviceRates(gpu, dtypeFor(options.dtype, work));
  const withBackward = (shapes2) => options.backward ? shapes2.flatMap((shape) => [shape, ...backwardGemms(shape)]) : shapes2;
  const logits = logitsGemm(spec);
  const elementwiseRates = ratesFor("elementwise");
  const recompute = options.backward ? recomputedWork(spec, elementwiseRates.elementBytes) : { gemms: [], elementwise: [] };
  const shapes = [...withBackward(layerGemms(spec)), ...recompute.gemms, ...logits ? withBackward([logits]) : []];
  const gemms = shapes.map((shape) => {
    const work = ATTENTION_GEMMS.has(shape.name) ? "attention" : "linear";
    return predictWithProfile(shape, ratesFor(work), applicableProfile(gpu, { dtype: dtypeFor(options.dtype, work), profile: options.profile }));
  });
  const elementwise = [...layerElementwise(spec, elementwiseRates.elementBytes, options.backward), ...recompute.elementwise].map((work) => ({ ...work, timeUs: elementwiseUs(work.bytes, elementwiseRates) }));
  const layer = gemms.filter((gemm2) => gemm2.name !== "logits");
  const logitGemms = gemms.filter((gemm2) => gemm2.name === "logits");
  const layerFlops = sum(layer.filter((gemm2) => !isRecomputed(gemm2)).map(gemmFlops));
  const layerTimeUs = sum(layer.map((gemm2) => gemm2.timeUs)) + sum(elementwise.map((work) => work.timeUs));
  const crossEntropy = logitsElementwise(spec, elementwiseRates.elementBytes, options.backward);
  const layers = Math.max(1, spec.numLayers);
  const modelTimeUs = layers * layerTimeUs + sum(logitGemms.map((gemm2) => gemm2.timeUs)) + (crossEntropy ? elementwiseUs(crossEntropy.bytes, elementwiseRates) : 0);
  const modelFlopsPerGpu = layers * layerFlops + sum(logitGemms.map(gemmFlops));
  const tokens = spec.seqLength * spec.microBatchSize;
  const layerTflops = layerFlops / layerTimeUs / 1e6;
  return {
    gpu: gpu.id,
    dtype: options.dtype,
    layer: { tflops: layerTflops, timeUs: layerTimeUs },
    gemms,
    elementwise,
    model: {
      params: modelParams(spec),
      flopsPerToken: modelFlopsPerGpu * Math.max(1, spec.tensorParallel) / tokens,
      tokensPerSecond: tokens / (modelTimeUs / 1e6)
    },
    fractionOfPeak: layerTflops / rates.peakTflops
  };
}
function onlyVocabDiffers(before, after) {
  return Object.keys(before).every((key) => key === "vocabSize" || before[key] === after[key]);
}
function compareSpecs(before, after, gpu, options) {
  const a = predictLayer(before, gpu, options);
  const b = predictLayer(after, gpu, options);
  const paramsDelta = b.model.params - a.model.params;
  if (onlyVocabDiffers(before, after)) return { speedup: b.model.tokensPerSecond / a.model.tokensPerSecond, scope: "model", paramsDelta };
  return { speedup: b.layer.tflops / a.layer.tflops, scope: "layer", paramsDelta };
}
function predictForShape(result, extra = {}) {
  if (!result.spec) return null;
  return predictLayer(result.spec, result.options.gpu, { dtype: result.options.dtype, backward: extra.backward ?? false, profile: extra.profile });
}

// server/src/core/perf/spec.ts
function positive(value) {
  return value !== null && Number.isFinite(value) && value > 0;
}
function dropoutOf(launch) {
  return { dropout: positive(launch.hiddenDropout.value), attentionDropout: positive(launch.attentionDropout.value) };
}
function attentionSpec(launch, gpu, headDim) {
  const { kernel } = chooseAttentionKernel(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  return kernel === "unfused" ? { flashAttention: false } : { flashAttention: true, fusedKernel: kernel };
}
function changedSpec(spec, change, launch, gpu) {
  const changed = { ...spec, ...change };
  return launch ? { ...changed, ...attentionSpec(launch, gpu, changed.headDim) } : changed;
}
var MODEL_FIELDS = ["hiddenSize", "numHeads", "numKvHeads", "headDim", "ffnHiddenSize", "numLayers", "vocabSize", "paddedVocabSize", "numExperts", "expertsPerToken"];
function layerSpecFromShape(shape, launch, gpu) {
  if (MODEL_FIELDS.some((name) => shape[name].origin === "invalid")) return null;
  const hiddenSize = shape.hiddenSize.value;
  const numHeads = shape.numHeads.value;
  if (!positive(hiddenSize) || !positive(numHeads)) return null;
  const headDim = positive(shape.headDim.value) ? shape.headDim.value : hiddenSize / numHeads;
  if (!Number.isInteger(headDim)) return null;
  const numKvHeads = positive(shape.numKvHeads.value) ? shape.numKvHeads.value : numHeads;
  const ffnHiddenSize = positive(shape.ffnHiddenSize.value) ? shape.ffnHiddenSize.value : DEFAULT_MLP_EXPANSION * hiddenSize;
  const vocab = positive(shape.paddedVocabSize.value) ? shape.paddedVocabSize.value : shape.vocabSize.value;
  return {
    hiddenSize,
    numHeads,
    numKvHeads,
    headDim,
    ffnHiddenSize,
    gatedMlp: shape.gatedMlp,
    vocabSize: positive(vocab) ? vocab : 0,
    numLayers: positive(shape.numLayers.value) ? shape.numLayers.value : 1,
    seqLength: launch.seqLength.value,
    microBatchSize: launch.microBatchSize.value,
    tensorParallel: launch.tensorParallel.value,
    numExperts: positive(shape.numExperts.value) ? shape.numExperts.value : 1,
    expertsPerToken: positive(shape.expertsPerToken.value) ? shape.expertsPerToken.value : 1,
    ...attentionSpec(launch, gpu, headDim),
    recompute: launch.recompute.value,
    ...dropoutOf(launch)
  };
}

// server/src/core/perf/run/launch.ts
var LaunchError = class extends Error {
};
function runLayout(launch, microBatch2, tensorParallel, numLayers) {
  const modelParallel = tensorParallel * launch.pipelineParallel * launch.contextParallel;
  if (launch.gpus % modelParallel !== 0) throw new LaunchError(`${launch.gpus} GPUs are not a multiple of TP ${tensorParallel} \xD7 PP ${launch.pipelineParallel} \xD7 CP ${launch.contextParallel} = ${modelParallel}`);
  const dataParallel = launch.gpus / modelParallel;
  const expertGroup = tensorParallel * launch.expertParallel * launch.pipelineParallel;
  if (launch.gpus % expertGroup !== 0) throw new LaunchError(`${launch.gpus} GPUs are not a multiple of expert TP ${tensorParallel} \xD7 EP ${launch.expertParallel} \xD7 PP ${launch.pipelineParallel}`);
  const perStep = microBatch2 * dataParallel;
  if (launch.globalBatch % perStep !== 0) throw new LaunchError(`global batch ${launch.globalBatch} is not a multiple of micro-batch ${microBatch2} \xD7 data-parallel ${dataParallel} = ${perStep}`);
  const chunks = launch.pipelineParallel * launch.virtualStages;
  const extra = launch.pipelineExtraLayers ?? 0;
  const units = numLayers + extra;
  if (units % chunks !== 0) throw new LaunchError(`${extra > 0 ? `${numLayers} + ${extra} counted` : numLayers} layers do not split evenly over PP ${launch.pipelineParallel} \xD7 virtual stages ${launch.virtualStages}`);
  const microBatches = launch.globalBatch / perStep;
  if (launch.virtualStages > 1 && microBatches % launch.pipelineParallel !== 0) {
    throw new LaunchError(`the interleaved schedule needs the ${microBatches} micro-batches to be a multiple of PP ${launch.pipelineParallel}`);
  }
  return { dataParallel, microBatches, expertDataParallel: launch.gpus / expertGroup, layersPerStage: fullestStage(numLayers, extra, launch.pipelineParallel) };
}
function fullestStage(numLayers, extra, stages) {
  if (stages === 1) return numLayers;
  const share = (numLayers + extra) / stages;
  return stages === 2 && extra === 2 ? share - 1 : share;
}

// server/src/core/perf/run/constants.ts
var MEGATRON_STATE = "Megatron-LM megatron/training/theoretical_memory_usage.py: 18 bytes per parameter, 6 + 12/DP with --use-distributed-optimizer (bf16 weights, fp32 main gradients, fp32 master weights and two Adam moments)";
var ZERO_STATE = "Rajbhandari et al. 2020 (ZeRO, arXiv 1910.02054) \xA75: 2\u03A8 fp16 weights + 2\u03A8 gradients + 12\u03A8 optimizer states (K = 12), stages 1/2/3 shard the optimizer, + gradients, + weights";
var FSDP_STATE = "PyTorch FSDP with MixedPrecision(param_dtype=bf16, reduce_dtype=fp32) as torchtitan and llm-foundry run it: sharded fp32 parameters, fp32 gradients and two Adam moments (16 bytes per parameter over the ranks)";
var RUN_CONSTANTS = {
  modelState: {
    none: { value: { weights: 2, gradients: 4, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: false } }, source: MEGATRON_STATE },
    "distributed-optimizer": { value: { weights: 2, gradients: 4, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: true } }, source: MEGATRON_STATE },
    "zero-1": { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: true } }, source: ZERO_STATE },
    "zero-2": { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: false, gradients: true, optimizer: true } }, source: ZERO_STATE },
    "zero-3": { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: true, gradients: true, optimizer: true } }, source: ZERO_STATE },
    fsdp: { value: { weights: 4, gradients: 4, optimizer: 8, sharded: { weights: true, gradients: true, optimizer: true } }, source: FSDP_STATE }
  },
  /** FSDP/ZeRO-3 gather whole layers: the one computing and the one prefetched, each with its bf16 weights and unsharded gradient. */
  gatheredLayers: { value: 2, source: "PyTorch FSDP forward/backward prefetch (one unit ahead) and ZeRO-3 prefetch: two layers unsharded at a time" },
  /**
   * Bytes per logit the loss holds at its peak. Megatron's vocab-parallel cross-entropy keeps the
   * fp32 logits (4 bytes). PyTorch's F.cross_entropy over `.float()` logits peaks as the backward
   * starts: the fp32 log-softmax it saved, nll_loss's dense fp32 gradient and log_softmax's fp32
   * gradient are live together (4 + 4 + 4; the forward's bf16 logits, fp32 copy and log-softmax
   * come to 10).
   */
  lossBytesPerLogit: {
    megatron: { value: 4, source: "theoretical_memory_usage.py compute_activation_memory: 4\xB7s\xB7b\xB7h\xB7(1 + v/h) / t for the output layer and loss" },
    pytorch: {
      value: 12,
      source: "torch.nn.functional.cross_entropy(pred.float(), labels) as torchtitan (train.py, uncompiled loss, `del pred` before the backward), llm-foundry and HF Trainer run it: at the start of the backward the saved fp32 log-softmax, the fp32 gradient nll_loss_backward returns and the fp32 gradient of log_softmax_backward"
    },
    compiled: {
      value: 4,
      source: "the same loss under torch.compile (torchtitan components/loss.py compiles it when training.compile is set): Inductor fuses the upcast, log-softmax and its backward, so the bf16 logits it saves and their bf16 gradient are what is live"
    }
  },
  /** CUDA context, cuBLAS workspaces and NCCL buffers: memory a process holds before any tensor. */
  runtimeGiB: { value: 1.5, source: "assumed: CUDA context \u2248 0.5 GiB on H100 (PyTorch memory notes), cuBLAS workspaces and NCCL channel buffers \u2248 1 GiB at 8-64 ranks; not measured" },
  /** The caching allocator's fragmentation, as a share of the activations. */
  allocatorOverhead: { value: 0.05, source: 'theoretical_memory_usage.py compute_activation_memory_without_sp: "buffer for optimizer and miscellaneous temporaries (5% overhead)"' },
  /** Adam's step streams, per local parameter: fp32 master, m, v read and written (24), fp32 gradient read (4), bf16 weight written (2). */
  optimizerBytesPerParam: { value: 30, source: "derived from the Adam update (torch.optim.AdamW fused / apex FusedAdam): every state read once and written once" },
  /** A collective's fixed cost (launch, ring setup, the first hop), µs. */
  collectiveLatencyUs: { value: 15, source: "assumed from nccl-tests all_reduce_perf small-message times on NVLink (10-30 \xB5s); not measured here" }
};

// server/src/core/perf/run/memory.ts
var GIB = 1024 ** 3;
var KORTHIKANTI = "Korthikanti et al. 2022 (arXiv 2205.05198) \xA74, Table 2";
var TORCHTITAN_OP_SAC = 'torchtitan torchtitan/models/llama/parallelize_llama.py _apply_ac_to_transformer_block (selective_ac_option "op"): _save_list = aten.mm (every second one recomputed), the SDPA flash/efficient kernels, the SP reduce-scatter; everything else recomputed';
function torchtitanOpKept(spec, sb, input2, replicated, split, routed) {
  const q = spec.numHeads * spec.headDim;
  const kv = spec.numKvHeads * spec.headDim;
  const h = spec.hiddenSize;
  const f = routed * spec.ffnHiddenSize;
  const matmuls = [split(2 * q), split(2 * kv), split(2 * kv), 2 * h, ...spec.gatedMlp ? [split(2 * f), split(2 * f)] : [split(2 * f)], 2 * h];
  const savedMatmuls = matmuls.filter((_, i) => i % 2 === 0).reduce((sum2, bytes) => sum2 + bytes, 0);
  const attention = spec.flashAttention ? split(2 * q + 4 * spec.numHeads) : 0;
  const reduceScatter = spec.tensorParallel > 1 ? replicated(2 * 2 * h) : 0;
  return input2 + sb * (savedMatmuls + attention + reduceScatter);
}
function layerActivations(spec, launch) {
  const t = Math.max(1, spec.tensorParallel);
  const sLocal = spec.seqLength / launch.contextParallel;
  const sb = sLocal * spec.microBatchSize;
  const h = spec.hiddenSize;
  const q = spec.numHeads * spec.headDim;
  const kv = spec.numKvHeads * spec.headDim;
  const hiddenDropout = spec.dropout ?? false;
  const attentionDropout = spec.attentionDropout ?? hiddenDropout;
  const replicated = (bytes) => launch.sequenceParallel ? bytes / t : bytes;
  const split = (bytes) => bytes / t;
  const routed = spec.numExperts > 1 ? Math.max(1, spec.expertsPerToken) : 1;
  const mask = hiddenDropout ? sb * h : 0;
  const norms = replicated(2 * 2 * sb * h);
  const attention = replicated(2 * sb * h + mask) + split(2 * sb * (q + kv) + 2 * sb * kv + 2 * sb * q);
  const mlp = replicated(routed * 2 * sb * h + mask) + split(routed * sb * spec.ffnHiddenSize * (spec.gatedMlp ? 6 : 4));
  const scores = spec.numHeads * sLocal * spec.seqLength * spec.microBatchSize;
  const attentionCore = spec.flashAttention ? split(4 * spec.numHeads * sb) : split(scores * (2 + (attentionDropout ? 3 : 0)));
  const input2 = replicated(2 * sb * h);
  return { stored: norms + attention + mlp, attentionCore, input: input2, opPolicyKept: torchtitanOpKept(spec, sb, input2, replicated, split, routed) };
}
function activationsKept(layer, recompute, policy = "megatron") {
  if (recompute === "full") return layer.input;
  if (recompute === "selective") return policy === "torchtitan-op" ? layer.opPolicyKept : layer.stored;
  return layer.stored + layer.attentionCore;
}
function inFlight(stage, launch, layout) {
  const p = launch.pipelineParallel;
  if (p === 1) return { count: 1, formula: "1" };
  if (launch.virtualStages > 1 && stage === 0) {
    const v = launch.virtualStages;
    return { count: p * (1 + (p - 1) / (p * v)), formula: `p\xB7(1 + (p\u22121)/(p\xB7v)) = ${p}\xB7(1 + ${p - 1}/${p * v})` };
  }
  const count = Math.min(layout.microBatches, p - stage);
  return { count, formula: `min(m, p \u2212 stage) = ${count}` };
}
function stageParams(spec, launch, layout, stage) {
  const t = Math.max(1, spec.tensorParallel);
  const parts = layerParams(spec);
  const moe = parts.experts > 1;
  const expertsHere = moe ? parts.experts / launch.expertParallel : 0;
  const denseLayer = parts.attention / t + parts.replicated + (moe ? 0 : parts.mlpPerExpert / t);
  const expertLayer = expertsHere * parts.mlpPerExpert / t;
  const p = launch.pipelineParallel;
  const embedding = spec.vocabSize * spec.hiddenSize / t;
  const first = stage === 0 ? embedding : 0;
  const last = stage === p - 1 && (p > 1 || launch.untiedEmbeddings) ? embedding : 0;
  return { dense: layout.layersPerStage * denseLayer + first + last, expert: layout.layersPerStage * expertLayer, layer: denseLayer + expertLayer };
}
function modelStateTerms(spec, launch, layout, stage) {
  const params = stageParams(spec, launch, layout, stage);
  const state = gradientsInBf16(RUN_CONSTANTS.modelState[launch.sharding], launch);
  const { weights, gradients, optimizer, sharded } = state.value;
  const denseRanks = layout.dataParallel * launch.contextParallel;
  const bytes = (perParam, isSharded) => isSharded ? params.dense * perParam / denseRanks + params.expert * perParam / layout.expertDataParallel : (params.dense + params.expert) * perParam;
  const over = (isSharded) => isSharded ? ` / DP ${denseRanks}` : "";
  const local = `${((params.dense + params.expert) / 1e9).toFixed(3)}B parameters on this GPU`;
  const terms = {
    weights: { value: bytes(weights, sharded.weights), formula: `${local} \xD7 ${weights} B${over(sharded.weights)}`, source: state.source },
    gradients: { value: bytes(gradients, sharded.gradients), formula: `${local} \xD7 ${gradients} B${over(sharded.gradients)}`, source: state.source },
    optimizerStates: { value: bytes(optimizer, sharded.optimizer), formula: `${local} \xD7 ${optimizer} B${over(sharded.optimizer)}`, source: state.source }
  };
  if (sharded.weights) {
    const layers = RUN_CONSTANTS.gatheredLayers.value;
    const perParam = 2 + gradients;
    terms.gatheredWeights = {
      value: layers * params.layer * perParam,
      formula: `${layers} layers \xD7 ${(params.layer / 1e6).toFixed(1)}M parameters \xD7 (2 B bf16 weights + ${gradients} B gradients)`,
      source: RUN_CONSTANTS.gatheredLayers.source
    };
  }
  return terms;
}
function gradientsInBf16(state, launch) {
  if (!launch.gradientReduceInBf16 || launch.sharding !== "none" && launch.sharding !== "distributed-optimizer") return state;
  return { value: { ...state.value, gradients: 2 }, source: `${state.source}; --grad-reduce-in-bf16: the gradient buffer in bf16, 2 B per parameter (Megatron-LM arguments.py)` };
}
function activationTerms(spec, launch, layout, stage) {
  const layer = layerActivations(spec, launch);
  const policy = launch.selectivePolicy ?? "megatron";
  const kept = activationsKept(layer, launch.recompute, policy);
  const flight = inFlight(stage, launch, layout);
  const t = Math.max(1, spec.tensorParallel);
  const sb = spec.seqLength / launch.contextParallel * spec.microBatchSize;
  const replicatedOverT = launch.sequenceParallel ? t : 1;
  const torchtitanOp = launch.recompute === "selective" && policy === "torchtitan-op";
  const recomputeLabel = launch.recompute === "none" ? "no recomputation" : torchtitanOp ? "torchtitan per-op selective recomputation" : `${launch.recompute} recomputation`;
  const terms = {
    activations: {
      value: kept * layout.layersPerStage * flight.count,
      formula: `${(kept / 2 ** 20).toFixed(1)} MiB per layer (${recomputeLabel}${launch.sequenceParallel ? ", sequence parallel" : ""}${spec.flashAttention ? ", fused attention" : ""}) \xD7 ${layout.layersPerStage} layers \xD7 ${flight.formula} micro-batches`,
      source: `${torchtitanOp ? TORCHTITAN_OP_SAC : KORTHIKANTI}; in-flight micro-batches: Narayanan et al. 2021 (arXiv 2104.04473) \xA72.2`
    }
  };
  if (stage === 0) {
    const maskBytes = spec.dropout ? spec.hiddenSize : 0;
    terms.embeddingActivations = {
      value: flight.count * sb * (8 + maskBytes) / replicatedOverT,
      formula: `${flight.formula} micro-batches \xD7 s\xB7b\xB7(8 B token ids${maskBytes ? " + h dropout mask" : ""})`,
      source: 'theoretical_memory_usage.py: "Input to embedding" and "Dropout in embedding layer", pp micro-batches in flight'
    };
  }
  let lossBytes = 0;
  if (stage === launch.pipelineParallel - 1 && spec.vocabSize > 0) {
    const bytesPerLogit = RUN_CONSTANTS.lossBytesPerLogit;
    const loss = launch.compiledLoss ? bytesPerLogit.compiled : launch.sharding === "fsdp" ? bytesPerLogit.pytorch : bytesPerLogit.megatron;
    lossBytes = loss.value * sb * spec.vocabSize / t + 4 * sb * spec.hiddenSize / replicatedOverT;
    terms.lossLogits = { value: lossBytes, formula: `${loss.value} B \xD7 s\xB7b\xB7v / t (logits at the loss) + 4\xB7s\xB7b\xB7h (final norm)`, source: loss.source };
  }
  if (launch.recompute !== "none") {
    const working = layer.stored + layer.attentionCore - kept;
    const beyondLoss = Math.max(0, working - lossBytes);
    terms.recomputeWorkingLayer = {
      value: beyondLoss,
      formula: lossBytes > 0 ? `one layer of one micro-batch rebuilt in the backward (${(working / 2 ** 20).toFixed(1)} MiB), after the loss's logits are freed: the part above them` : "one layer of one micro-batch rebuilt in the backward",
      source: "Chen et al. 2016 (arXiv 1604.06174): recomputation holds one segment at a time"
    };
  }
  return terms;
}
var total = (terms) => Object.values(terms).reduce((sum2, term) => sum2 + (term?.value ?? 0), 0);
function stageMemory(spec, launch, layout, stage) {
  const terms = { ...modelStateTerms(spec, launch, layout, stage), ...activationTerms(spec, launch, layout, stage) };
  const transient = (terms.activations?.value ?? 0) + (terms.recomputeWorkingLayer?.value ?? 0) + (terms.lossLogits?.value ?? 0);
  terms.allocator = {
    value: transient * RUN_CONSTANTS.allocatorOverhead.value,
    formula: `${RUN_CONSTANTS.allocatorOverhead.value * 100}% of the activations`,
    source: RUN_CONSTANTS.allocatorOverhead.source
  };
  terms.runtime = { value: RUN_CONSTANTS.runtimeGiB.value * GIB, formula: `${RUN_CONSTANTS.runtimeGiB.value} GiB`, source: RUN_CONSTANTS.runtimeGiB.source };
  return terms;
}
function predictMemory(spec, launch, layout, gpu) {
  const p = launch.pipelineParallel;
  const first = stageMemory(spec, launch, layout, 0);
  const last = p > 1 ? stageMemory(spec, launch, layout, p - 1) : first;
  const lastPeaks = total(last) > total(first);
  const terms = lastPeaks ? last : first;
  const peakBytesPerGpu = total(terms);
  const capacityBytes = gpu.memoryGiB * GIB;
  return { peakBytesPerGpu, capacityBytes, fits: peakBytesPerGpu <= capacityBytes, peakStage: p === 1 ? "only" : lastPeaks ? "last" : "first", terms };
}

// server/src/core/perf/run/time.ts
var ATTENTION_KERNELS = /* @__PURE__ */ new Set(["attention_score", "attention_over_value", "flash_attention", "softmax", "attention_dropout"]);
var sumUs = (items, keep) => items.filter((item) => keep(item.name)).reduce((total2, item) => total2 + item.timeUs, 0);
function stageWork(spec, launch, layout, training, forward) {
  const c = launch.contextParallel;
  const attentionOf = (prediction) => sumUs(prediction.gemms.map((gemm2) => ({ name: gemm2.name, timeUs: gemm2.timeUs })), (name) => ATTENTION_KERNELS.has(name)) + sumUs(prediction.elementwise, (name) => ATTENTION_KERNELS.has(name));
  const attentionUs = attentionOf(training) * c;
  const layerUs = training.layer.timeUs + attentionOf(training) * (c - 1);
  const forwardLayerUs = forward.layer.timeUs + attentionOf(forward) * (c - 1);
  const tokens = spec.seqLength / c * spec.microBatchSize;
  const logitsUs = tokens / training.model.tokensPerSecond * 1e6 - Math.max(1, spec.numLayers) * training.layer.timeUs;
  const recomputeLayerUs = launch.recompute === "full" ? forwardLayerUs : launch.recompute === "selective" ? attentionOf(forward) * c : 0;
  const efficiency = TRAINING_COMPUTE_EFFICIENCY.value;
  const computeUs = (layout.layersPerStage * layerUs + Math.max(0, logitsUs)) / efficiency;
  return {
    computeUs,
    recomputeUs: layout.layersPerStage * recomputeLayerUs / efficiency,
    backwardUs: computeUs - layout.layersPerStage * forwardLayerUs / efficiency,
    attentionUs: attentionUs / efficiency
  };
}
function linkFor(group, launch, gpu) {
  const node = Math.min(launch.gpusPerNode, gpu.intraNode.domainSize);
  const intra = { name: gpu.intraNode.kind, bytesPerUs: gpu.intraNode.bandwidthGBs * 1e3 * COLLECTIVE_BUS_FRACTION[gpu.intraNode.kind].value };
  if (group.size * group.stride <= node) return intra;
  const perNode = Math.max(1, Math.min(group.size, Math.floor(node / group.stride)));
  const network = perNode * (launch.interNodeGbps / 8) * 1e3 * COLLECTIVE_BUS_FRACTION.network.value;
  const name = `${launch.interNodeGbps} Gb/s network${perNode > 1 ? ` \xD7 ${perNode} per node` : ""}`;
  return network < intra.bytesPerUs ? { name, bytesPerUs: network } : { name: `${intra.name} (network \xD7 ${perNode} per node is faster)`, bytesPerUs: intra.bytesPerUs };
}
var LATENCY_US = RUN_CONSTANTS.collectiveLatencyUs.value;
var ringUs = (bytes, ranks, passes, link) => ranks > 1 && bytes > 0 ? LATENCY_US + passes * (ranks - 1) * bytes / ranks / link.bytesPerUs : 0;
function predictStepTerms(spec, launch, layout, gpu, work) {
  const t = Math.max(1, spec.tensorParallel);
  const { pipelineParallel: p, contextParallel: c, expertParallel: ep, virtualStages: v } = launch;
  const m = layout.microBatches;
  const sb = spec.seqLength / c * spec.microBatchSize;
  const activationBytes = sb * spec.hiddenSize * 2;
  const layers = layout.layersPerStage;
  const terms = {};
  terms.compute = { value: m * work.computeUs, formula: `m ${m} \xD7 ${(work.computeUs / 1e3).toFixed(2)} ms forward + backward of ${layers} layers${p > 1 ? " (last stage, with the logits)" : " and the logits"}`, source: "the layer model (perf/layer.ts, gemm.ts), run at s/c tokens per GPU" };
  if (work.recomputeUs > 0) {
    terms.recompute = { value: m * work.recomputeUs, formula: `m \xD7 ${launch.recompute === "full" ? "the layers' forward" : "the attention core's forward"} again`, source: "Korthikanti et al. 2022 \xA75 and Table 4 (full recomputation repeats the forward; selective only the attention core)" };
  }
  let perMicroBatchComm = 0;
  if (t > 1) {
    const link = linkFor({ size: t, stride: 1 }, launch, gpu);
    const collectives = 4 + (launch.recompute === "full" ? 2 : 0);
    const perLayer = launch.sequenceParallel ? collectives * 2 * ringUs(activationBytes, t, 1, link) : collectives * ringUs(activationBytes, t, 2, link);
    perMicroBatchComm += layers * perLayer;
    terms.tensorParallel = {
      value: m * layers * perLayer,
      formula: `m \xD7 ${layers} layers \xD7 ${collectives} ${launch.sequenceParallel ? "(reduce-scatter + all-gather)" : "all-reduces"} of s\xB7b\xB7h\xB72 B over TP ${t} on ${link.name}, not overlapped`,
      source: "Shoeybi et al. 2019 (arXiv 1909.08053) \xA73: two all-reduces forward, two backward per layer; Korthikanti \xA74.2.2: with SP the same bytes as reduce-scatter + all-gather"
    };
  }
  if (c > 1) {
    const link = linkFor({ size: c, stride: t }, launch, gpu);
    const kvBytes = 2 * sb * (spec.numKvHeads * spec.headDim / t) * 2;
    const ringPerLayer = 3 * (c - 1) * (LATENCY_US + kvBytes / link.bytesPerUs);
    const exposed = Math.max(0, ringPerLayer - work.attentionUs);
    perMicroBatchComm += layers * exposed;
    terms.contextParallel = {
      value: m * layers * exposed,
      formula: `m \xD7 ${layers} layers \xD7 max(0, 3\xB7(c\u22121) K/V chunk passes on ${link.name} \u2212 attention compute)`,
      source: "Liu et al. 2023 (Ring Attention, arXiv 2310.01889); Megatron-Core context parallelism: the ring overlaps the attention chunks, backward passes K/V and their gradients"
    };
  }
  if (spec.numExperts > 1 && ep > 1) {
    const link = linkFor({ size: ep, stride: t }, launch, gpu);
    const k = Math.max(1, spec.expertsPerToken);
    const allToAlls = 4 + (launch.recompute === "full" ? 2 : 0);
    const perLayer = allToAlls * (LATENCY_US + (ep - 1) / ep * (sb * k * spec.hiddenSize * 2 / t) / link.bytesPerUs);
    perMicroBatchComm += layers * perLayer;
    terms.expertParallel = {
      value: m * layers * perLayer,
      formula: `m \xD7 ${layers} layers \xD7 ${allToAlls} all-to-alls of s\xB7b\xB7k\xB7h\xB72 B over EP ${ep} on ${link.name}`,
      source: "Lepikhin et al. 2020 (GShard, arXiv 2006.16668) dispatch and combine; Megatron-Core MoE all-to-all token dispatcher"
    };
  }
  if (p > 1) {
    const link = linkFor({ size: 2, stride: launch.gpus / p }, launch, gpu);
    const sendBytes = launch.sequenceParallel ? activationBytes / t : activationBytes;
    const perMicroBatch = 2 * v * (LATENCY_US + sendBytes / link.bytesPerUs);
    perMicroBatchComm += perMicroBatch;
    terms.pipelineP2p = {
      value: m * perMicroBatch,
      formula: `m \xD7 2\xB7v sends of s\xB7b\xB7h\xB72 B${launch.sequenceParallel ? " / t" : ""} between stages on ${link.name}`,
      source: "Narayanan et al. 2021 \xA74.1 (one activation forward and one gradient backward per stage boundary; interleaving multiplies them by v)"
    };
    const bubble = (p - 1) / v * (work.computeUs + work.recomputeUs + perMicroBatchComm);
    terms.pipelineBubble = { value: bubble, formula: `(p\u22121)/v = ${p - 1}/${v} micro-batch times`, source: "Narayanan et al. 2021 \xA72.2: bubble fraction (p\u22121)/(m\xB7v) of the ideal time" };
  }
  terms.dataParallel = dataParallelTerm(spec, launch, layout, gpu, work);
  terms.optimizer = optimizerTerm(spec, launch, layout, gpu);
  return terms;
}
function parametersOnGpu(spec, launch, layout) {
  const first = stageParams(spec, launch, layout, 0);
  const last = stageParams(spec, launch, layout, launch.pipelineParallel - 1);
  return first.dense + first.expert >= last.dense + last.expert ? first : last;
}
function dataParallelTerm(spec, launch, layout, gpu, work) {
  const ranks = layout.dataParallel * launch.contextParallel;
  if (ranks === 1 && layout.expertDataParallel === 1) return void 0;
  const t = Math.max(1, spec.tensorParallel);
  const link = linkFor({ size: ranks, stride: t }, launch, gpu);
  const params = parametersOnGpu(spec, launch, layout);
  const sharding = launch.sharding;
  const perParamPasses = {
    none: 2 * 4,
    "distributed-optimizer": 4 + 2,
    "zero-1": 2 * 2,
    "zero-2": 2 * 2,
    "zero-3": 3 * 2,
    fsdp: 2 + 2 + 4
  };
  const efficiency = sharding === "zero-3" ? ZERO3_COLLECTIVE_EFFICIENCY.value : 1;
  const perSync = (count, group) => ringUs(count * perParamPasses[sharding] / efficiency, group, 1, link);
  const commUs = perSync(params.dense, ranks) + perSync(params.expert, layout.expertDataParallel);
  const m = layout.microBatches;
  const everyMicroBatch = sharding === "fsdp" || sharding === "zero-3";
  const described = `${((params.dense + params.expert) / 1e9).toFixed(3)}B parameters \xD7 ${perParamPasses[sharding]} B per ring pass over DP ${ranks} on ${link.name}`;
  if (everyMicroBatch) {
    const stageCompute = work.computeUs + work.recomputeUs;
    const exposed2 = m * Math.max(commUs - stageCompute, commUs / layout.layersPerStage);
    return {
      value: exposed2,
      formula: `m \xD7 max(gather + reduce-scatter \u2212 compute, one layer's share): ${described}, every micro-batch`,
      source: "Zhao et al. 2023 (PyTorch FSDP, arXiv 2304.11277) \xA73: all-gather forward and backward, reduce-scatter backward, prefetched under the neighbouring layer"
    };
  }
  const exposed = launch.overlapGradReduce ? Math.max(commUs - work.backwardUs, commUs / layout.layersPerStage) : commUs;
  return {
    value: exposed,
    formula: `${described}, once per step${launch.overlapGradReduce ? ", under the last micro-batch's backward" : ", after the backward"}`,
    source: "Megatron-LM distributed data parallel (megatron/core/distributed): gradient all-reduce, or reduce-scatter + parameter all-gather with the distributed optimizer; --overlap-grad-reduce hides it under the backward"
  };
}
function optimizerTerm(spec, launch, layout, gpu) {
  const params = parametersOnGpu(spec, launch, layout);
  const sharded = launch.sharding !== "none";
  const local = sharded ? params.dense / (layout.dataParallel * launch.contextParallel) + params.expert / layout.expertDataParallel : params.dense + params.expert;
  const bytes = local * RUN_CONSTANTS.optimizerBytesPerParam.value;
  return {
    value: bytes / (gpu.memoryBandwidthGBs * 1e3 * gpu.bandwidthFraction),
    formula: `${(local / 1e6).toFixed(0)}M local parameters \xD7 ${RUN_CONSTANTS.optimizerBytesPerParam.value} B at ${gpu.memoryBandwidthGBs} GB/s \xD7 ${gpu.bandwidthFraction}`,
    source: RUN_CONSTANTS.optimizerBytesPerParam.source
  };
}

// server/src/core/perf/run/index.ts
var FLOPS_CONVENTION = "model FLOPs: 3 \xD7 the forward matmul FLOPs per token (QKV, attention scores and attention\xB7V over the full s\xD7s, projection, MLP, logits; causal masking not halved; recomputation not counted), as Megatron-LM num_floating_point_operations and Narayanan et al. 2021 Eq. 3 without its recompute term; MFU = tokens/s per GPU \xD7 that / the dense peak of the dtype";
function modelFlopsPerToken(spec) {
  const whole = { ...spec, tensorParallel: 1 };
  const layer = layerGemms(whole).reduce((total2, gemm2) => total2 + gemmFlops(gemm2), 0);
  const logits = logitsGemm(whole);
  const forward = Math.max(1, spec.numLayers) * layer + (logits ? gemmFlops(logits) : 0);
  return 3 * forward / (spec.seqLength * spec.microBatchSize);
}
function predictRun(spec, launch, gpu, profile) {
  const layout = runLayout(launch, spec.microBatchSize, Math.max(1, spec.tensorParallel), Math.max(1, spec.numLayers));
  const local = { ...spec, seqLength: spec.seqLength / launch.contextParallel, recompute: "none" };
  const training = predictLayer(local, gpu, { dtype: launch.dtype, backward: true, profile });
  const forward = predictLayer(local, gpu, { dtype: launch.dtype, backward: false, profile });
  const work = stageWork(spec, launch, layout, training, forward);
  const timeUs = predictStepTerms(spec, launch, layout, gpu, work);
  const time = {};
  for (const [name, term] of Object.entries(timeUs)) if (term) time[name] = { ...term, value: term.value / 1e6 };
  const stepSeconds = Object.values(time).reduce((total2, term) => total2 + (term?.value ?? 0), 0);
  const tokensPerSecondPerGpu = launch.globalBatch * spec.seqLength / stepSeconds / launch.gpus;
  const flopsPerToken = modelFlopsPerToken(spec);
  return {
    tokensPerSecondPerGpu,
    stepSeconds,
    mfu: tokensPerSecondPerGpu * flopsPerToken / (peakTflopsFor(gpu, launch.dtype).tflops * 1e12),
    flopsConvention: FLOPS_CONVENTION,
    modelFlopsPerToken: flopsPerToken,
    layout,
    memory: predictMemory(spec, launch, layout, gpu),
    time
  };
}

// server/src/core/perf/run/for-launch.ts
function runLaunchOf(launch, options, shape = {}) {
  const sharding = launch.sharding.value;
  const split = shape.pipelineSplit;
  return {
    dtype: launch.dtype.value,
    gpus: launch.gpus.value,
    gpusPerNode: launch.gpusPerNode.value,
    pipelineParallel: launch.pipelineParallel.value,
    contextParallel: launch.contextParallel.value,
    expertParallel: launch.expertParallel.value,
    virtualStages: launch.virtualStages.value,
    globalBatch: launch.globalBatchSize.value,
    sequenceParallel: launch.sequenceParallel.value && launch.tensorParallel.value > 1,
    sharding,
    recompute: launch.recompute.value,
    selectivePolicy: shape.format === "torchtitan" ? "torchtitan-op" : "megatron",
    ...shape.gradientReduceInBf16 ? { gradientReduceInBf16: true } : {},
    overlapGradReduce: options.launch.overlapGradReduce === true || sharding === "fsdp" || sharding === "zero-3",
    untiedEmbeddings: options.launch.untiedEmbeddings === true,
    interNodeGbps: options.interNodeGbps,
    ...split && !split.uneven && split.extraLayers > 0 ? { pipelineExtraLayers: split.extraLayers } : {}
  };
}
function runForLaunch(spec, launch, options) {
  try {
    return { run: predictRun(spec, launch, options.gpu, options.profile), runError: null };
  } catch (error) {
    if (error instanceof LaunchError) return { run: null, runError: error.message };
    throw error;
  }
}

// server/src/core/rules/fix-titles.ts
function formatSpeedup(speedup) {
  const change = (speedup - 1) * 100;
  const rounded = Math.abs(change) < 10 ? change.toFixed(1) : change.toFixed(0);
  return `${change >= 0 ? "+" : "\u2212"}${rounded.replace("-", "")}%`;
}
function formatCount(count) {
  const magnitude = Math.abs(count);
  if (magnitude >= 1e9) return `${(count / 1e9).toFixed(2)}B`;
  if (magnitude >= 1e6) return `${(count / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e3) return `${(count / 1e3).toFixed(1)}K`;
  return String(Math.round(count));
}
function describeEstimate(estimate) {
  const parts = [`${formatSpeedup(estimate.speedup)} ${estimate.scope} throughput`];
  if (estimate.paramsDelta !== 0) parts.push(`${estimate.paramsDelta > 0 ? "+" : "\u2212"}${formatCount(Math.abs(estimate.paramsDelta))} params`);
  return parts.join(", ");
}

// server/src/core/rules/support.ts
function alignment(context, work) {
  const { gpu, dtype } = context.options;
  return Math.max(1, Math.round(gpu.alignmentBytes / elementBytes(gpu, dtypeFor(dtype, work))));
}
function isPositiveInteger(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
function isPowerOfTwo(n) {
  return n > 0 && (n & n - 1) === 0;
}
function effective(context, name) {
  const value = context.shape[name].value;
  if (isPositiveInteger(value)) return value;
  const fromSpec = context.spec?.[name];
  return typeof fromSpec === "number" && isPositiveInteger(fromSpec) ? fromSpec : null;
}
function tensorParallelSize2(context) {
  return effective(context, "tensorParallel") ?? Math.max(1, context.options.tensorParallelSize);
}
function microBatchSize(context) {
  return effective(context, "microBatchSize") ?? context.options.microBatchSize;
}
function sequenceLength(context) {
  return effective(context, "seqLength") ?? context.options.sequenceLength;
}
function fieldName(field, name) {
  return field.key ?? FIELD_LABELS[name];
}
function tensorParallelText(context) {
  const field = context.shape.tensorParallel;
  const t = tensorParallelSize2(context);
  return isPositiveInteger(field.value) ? `${fieldName(field, "tensorParallel")} ${t}` : `tensor-parallel size ${t} (from settings)`;
}
function relatedAt(field, message) {
  const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
  return span ? [{ span, message }] : [];
}
function literalEdit(context, field, wanted, readersChanged = 1) {
  if (field.origin !== "file" || !field.valueSpan) return void 0;
  const literal = field.toLiteral ? field.toLiteral(wanted) : wanted;
  if ((field.literalUses ?? 1) > readersChanged) return field.reference ? { offset: field.reference.offset, length: field.reference.length, newText: String(literal) } : void 0;
  const old = spanText(context.text, field.valueSpan);
  const quote = /^(["'])[-+]?[\d.]+\1$/.exec(old)?.[1] ?? "";
  return { offset: field.valueSpan.offset, length: field.valueSpan.length, newText: `${quote}${literal}${quote}` };
}
function effectText(estimate) {
  return estimate ? `: ${describeEstimate(estimate)}` : "";
}
function architectureFixes(context, suggestions, tieWithin = DEFAULT_TIE) {
  const fixes = [];
  for (const suggestion of suggestions) {
    if (suggestion.edits.length === 0 || suggestion.edits.some((edit) => edit === void 0)) continue;
    const estimate = context.estimate(suggestion.spec);
    fixes.push({
      title: `${suggestion.change}${effectText(estimate)}`,
      isPreferred: false,
      safe: false,
      edits: suggestion.edits,
      ...estimate ? { estimate } : {}
    });
  }
  const speedup = (fix) => fix.estimate?.speedup ?? 1;
  const best = Math.max(...fixes.map(speedup));
  const top = fixes.filter((fix) => speedup(fix) >= best - tieWithin);
  const rest = fixes.filter((fix) => !top.includes(fix)).sort((a, b) => speedup(b) - speedup(a));
  const ranked = [...top, ...rest];
  if (ranked.length > 0) ranked[0].isPreferred = true;
  return ranked;
}
var DEFAULT_TIE = 0.01;
function nearestOnEachSide(current, candidates) {
  const below = candidates.filter((c) => c < current).sort((a, b) => b - a)[0];
  const above = candidates.filter((c) => c > current).sort((a, b) => a - b)[0];
  return [below, above].filter((c) => c !== void 0).sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
}
function kvHeadsFitTensorParallel(context, kvHeads, t) {
  return t <= 1 || kvHeads % t === 0 || context.shape.kvHeadsMayDivideTensorParallel && t % kvHeads === 0;
}
function attentionHeads(context) {
  const heads = context.shape.numHeads.value;
  if (!isPositiveInteger(heads)) return null;
  const kv = context.shape.numKvHeads.value;
  return { heads, kvHeads: isPositiveInteger(kv) ? kv : heads };
}
function kvHeadsFor(context, heads, t) {
  const current = attentionHeads(context);
  if (!current) return null;
  if (current.kvHeads === current.heads) return heads;
  if (heads % current.kvHeads === 0 && kvHeadsFitTensorParallel(context, current.kvHeads, t)) return current.kvHeads;
  const sameGroups = heads * current.kvHeads / current.heads;
  const fitting = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
  return fitting.sort((a, b) => Math.abs(a - sameGroups) - Math.abs(b - sameGroups) || a - b)[0] ?? null;
}
function headCountSuggestions(context, aligned) {
  const { shape } = context;
  const h = shape.hiddenSize.value;
  const current = attentionHeads(context);
  if (!isPositiveInteger(h) || !current) return [];
  const align = alignment(context, "attention");
  const t = tensorParallelSize2(context);
  const candidates = divisorsOf(h).filter(
    (a) => (!aligned || h / a % align === 0) && (t <= 1 || a % t === 0) && kvHeadsFor(context, a, t) !== null
  );
  return nearestOnEachSide(current.heads, candidates).map((heads) => {
    const kvHeads = kvHeadsFor(context, heads, t);
    const kvChanges = kvHeads !== current.kvHeads && shape.numKvHeads.origin === "file";
    const kvText = kvChanges && kvHeads !== heads ? `, ${kvHeads} kv heads` : "";
    return {
      change: `Use ${heads} heads${kvText} (head dim ${h / heads})`,
      edits: [literalEdit(context, shape.numHeads, heads), ...kvChanges ? [literalEdit(context, shape.numKvHeads, kvHeads)] : []],
      spec: { numHeads: heads, numKvHeads: kvHeads, headDim: h / heads }
    };
  });
}

// server/src/core/rules/ffn-size.ts
var SEARCH_WINDOW = 0.05;
var MAX_FIXES = 3;
var MAX_CANDIDATES = 32;
var SIZE_BIAS_TIE = 0.03;
var SWIGLU_RATIO = 8 / 3;
var SWIGLU_RATIO_TOLERANCE = 0.1;
function ffnSizeFixes(context, multiple) {
  const field = context.shape.ffnHiddenSize;
  const ffn = field.value;
  if (!isPositiveInteger(ffn)) return [];
  const h = context.shape.hiddenSize.value;
  const low = Math.max(multiple, roundUpToMultiple(Math.ceil(ffn * (1 - SEARCH_WINDOW)), multiple));
  const high = Math.floor(ffn * (1 + SEARCH_WINDOW) / multiple) * multiple;
  const candidates = /* @__PURE__ */ new Set([Math.floor(ffn / multiple) * multiple, roundUpToMultiple(ffn, multiple)]);
  for (let size = low; size <= high; size += multiple) candidates.add(size);
  candidates.delete(ffn);
  candidates.delete(0);
  const name = fieldName(field, "ffnHiddenSize");
  const suggestions = [...candidates].sort((a, b) => Math.abs(a - ffn) - Math.abs(b - ffn) || a - b).slice(0, MAX_CANDIDATES).map((size) => {
    const ratio = isPositiveInteger(h) ? `, ${(size / h).toFixed(3)}\xB7h` : "";
    const change = field.toLiteral ? `Set ${name} to ${field.toLiteral(size)} (MLP width ${size}${ratio})` : `Use ${name} ${size}${ratio ? ` (${ratio.slice(2)})` : ""}`;
    return { change, edits: [literalEdit(context, field, size)], spec: { ffnHiddenSize: size } };
  });
  return architectureFixes(context, suggestions, SIZE_BIAS_TIE).slice(0, MAX_FIXES);
}
var ffnSizeRule = {
  id: "ffn-size",
  defaultSeverity: "warning",
  description: "The MLP (feed-forward) size per GPU is not a multiple of 64; SwiGLU's 8h/3 is the usual cause.",
  check(context) {
    const { shape } = context;
    const ffn = shape.ffnHiddenSize.value;
    if (!isPositiveInteger(ffn)) return;
    const t = tensorParallelSize2(context);
    if (ffn % t !== 0) return;
    const align = alignment(context, "linear");
    const perGpu = ffn / t;
    if (perGpu % align === 0) return;
    const h = shape.hiddenSize.value;
    const swiglu = shape.gatedMlp && isPositiveInteger(h) && Math.abs(ffn / h - SWIGLU_RATIO) < SWIGLU_RATIO_TOLERANCE ? ` SwiGLU's 8h/3 (${(8 * h / 3).toFixed(1)} for h=${h}) broke the alignment; 8/3 is only a suggestion, and a nearby multiple of ${align} keeps the parameter count.` : "";
    const size = t > 1 ? `${perGpu} per GPU (${ffn} / ${t})` : String(ffn);
    context.report({
      message: `${fieldName(shape.ffnHiddenSize, "ffnHiddenSize")}: MLP size ${size} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(perGpu)}): the MLP GEMMs, the largest in the layer, run below full tensor-core rate.${swiglu}`,
      span: context.anchor(shape.ffnHiddenSize, shape.hiddenSize),
      related: shape.ffnHiddenSize.origin === "file" ? [] : relatedAt(shape.hiddenSize, "hidden size (the MLP size follows from it)"),
      fixes: ffnSizeFixes(context, align * t)
    });
  }
};

// server/src/core/rules/gated-mlp-width.ts
var NARROWEST_PLAUSIBLE_RATIO = 2;
var gatedMlpWidthRule = {
  id: "gated-mlp-width",
  defaultSeverity: "warning",
  description: "A dense gated MLP narrower than 2\xB7h: the framework read the MLP size differently from what the file meant.",
  check(context) {
    const { shape } = context;
    const field = shape.ffnHiddenSize;
    const h = shape.hiddenSize.value;
    const width = field.value;
    const experts = shape.numExperts.value ?? 1;
    if (!shape.gatedMlp || experts > 1 || !isPositiveInteger(h) || !isPositiveInteger(width)) return;
    const ratio = width / h;
    if (ratio >= NARROWEST_PLAUSIBLE_RATIO) return;
    const built = `the MLP branches are ${width} wide (${ratio.toFixed(2)}\xB7h), narrower than any gated MLP in use (8h/3 \u2248 2.67\xB7h to 3.5\xB7h)`;
    const literal = field.written;
    if (field.origin === "file" && field.toLiteral && isPositiveInteger(literal) && literal !== width) {
      const meant = field.toLiteral(literal);
      const name = fieldName(field, "ffnHiddenSize");
      context.report({
        message: `${name} ${literal}: ${built}. This framework takes the gated projections' total from ${name} and splits it, so ${literal} builds branches of ${width}; if ${literal} is the per-branch width (as Hugging Face configs write it), write ${meant}.`,
        span: context.anchor(field),
        fixes: architectureFixes(context, [{ change: `Set ${name} to ${meant} (MLP width ${literal})`, edits: [literalEdit(context, field, literal)], spec: { ffnHiddenSize: literal } }])
      });
      return;
    }
    context.report({
      message: `${built}${field.note ? ` (${field.note})` : ""}. Set the MLP size explicitly.`,
      span: context.anchor(field, shape.hiddenSize),
      related: field.origin === "file" ? [] : relatedAt(shape.hiddenSize, "hidden size (the MLP size follows from it)")
    });
  }
};

// server/src/core/rules/head-dim.ts
function headDimSuggestions(context, headDim, align) {
  const candidates = [Math.floor(headDim / align) * align, Math.ceil(headDim / align) * align].filter((d) => d > 0);
  return nearestOnEachSide(headDim, candidates).map((wanted) => ({
    change: `Set ${fieldName(context.shape.headDim, "headDim")} to ${wanted}`,
    edits: [literalEdit(context, context.shape.headDim, wanted)],
    spec: { headDim: wanted }
  }));
}
var headDimRule = {
  id: "head-dim",
  defaultSeverity: "warning",
  description: "The attention head dim (explicit, else hidden size / heads) is not a multiple of 64.",
  check(context) {
    const { shape } = context;
    const headDim = shape.headDim.value;
    if (!isPositiveInteger(headDim)) return;
    const align = alignment(context, "attention");
    if (headDim % align === 0) return;
    const explicit = shape.headDim.origin === "file";
    const h = shape.hiddenSize.value;
    const a = shape.numHeads.value;
    const fromHeads = !explicit && isPositiveInteger(h) && isPositiveInteger(a) && h / a === headDim;
    const how = explicit ? `head dim ${headDim}` : fromHeads ? `head dim ${headDim} (${fieldName(shape.hiddenSize, "hiddenSize")} ${h} / ${a} heads)` : `head dim ${headDim} (${shape.headDim.note ?? "derived by the framework"})`;
    const problem = isPowerOfTwo(headDim) && headDim < align ? `${how} is below ${align}` : `${how} is not a multiple of ${align}; its largest power-of-two factor is ${largestPowerOfTwoDividing(headDim)}`;
    context.report({
      message: `${problem}: the attention-score and attention-over-value GEMMs (inner size: the head dim) run below full tensor-core rate, more so the fewer powers of two divide it.`,
      span: explicit ? context.anchor(shape.headDim) : context.anchor(shape.headDim, shape.numHeads, shape.hiddenSize),
      related: fromHeads ? relatedAt(shape.hiddenSize, "hidden size") : [],
      fixes: architectureFixes(context, explicit ? headDimSuggestions(context, headDim, align) : fromHeads ? headCountSuggestions(context, true) : [])
    });
  }
};

// server/src/core/rules/heads-divide-hidden.ts
var headsDivideHiddenRule = {
  id: "heads-divide-hidden",
  defaultSeverity: "error",
  description: "The hidden size is not divisible by the number of attention heads (and no head dim is given).",
  check(context) {
    const { shape } = context;
    const h = shape.hiddenSize.value;
    const heads = shape.numHeads.value;
    if (!isPositiveInteger(h) || !isPositiveInteger(heads) || h % heads === 0) return;
    if (shape.headDim.origin === "file") return;
    const aligned = headCountSuggestions(context, true);
    context.report({
      message: `${fieldName(shape.hiddenSize, "hiddenSize")} ${h} is not divisible by ${heads} attention heads (${h} / ${heads} = ${(h / heads).toFixed(2)}): every framework requires an integer head dim.`,
      span: context.anchor(shape.numHeads, shape.hiddenSize),
      related: relatedAt(shape.hiddenSize, "hidden size"),
      fixes: architectureFixes(context, aligned.length > 0 ? aligned : headCountSuggestions(context, false))
    });
  }
};

// server/src/core/rules/hidden-size.ts
var SEARCH_STEPS = 64;
function hiddenSizeSuggestions(context, multiple) {
  const { shape } = context;
  const h = shape.hiddenSize.value;
  const heads = shape.numHeads.value;
  const explicitHeadDim = shape.headDim.origin === "file";
  const fits = (size) => size > 0 && (explicitHeadDim || !isPositiveInteger(heads) || size % heads === 0);
  const base = Math.floor(h / multiple) * multiple;
  const below = Array.from({ length: SEARCH_STEPS }, (_, i) => base - i * multiple).find((size) => size !== h && fits(size));
  const above = Array.from({ length: SEARCH_STEPS }, (_, i) => base + (i + 1) * multiple).find(fits);
  const ffn = shape.ffnHiddenSize;
  return [below, above].filter((size) => size !== void 0).sort((a, b) => Math.abs(a - h) - Math.abs(b - h)).map((size) => {
    const headDim = explicitHeadDim || !isPositiveInteger(heads) ? shape.headDim.value : size / heads;
    const ffnSize = ffn.origin !== "file" && isPositiveInteger(ffn.value) ? Math.round(ffn.value * size / h) : void 0;
    return {
      change: `Use ${fieldName(shape.hiddenSize, "hiddenSize")} ${size}${headDim !== null && !explicitHeadDim ? ` (head dim ${headDim})` : ""}`,
      edits: [literalEdit(context, shape.hiddenSize, size)],
      spec: { hiddenSize: size, ...headDim !== null ? { headDim } : {}, ...ffnSize !== void 0 ? { ffnHiddenSize: ffnSize } : {} }
    };
  });
}
var hiddenSizeRule = {
  id: "hidden-size",
  defaultSeverity: "warning",
  description: "The hidden size, or its per-GPU share under tensor parallelism, is not a multiple of 64.",
  check(context) {
    const { shape } = context;
    const h = shape.hiddenSize.value;
    if (!isPositiveInteger(h)) return;
    const align = alignment(context, "linear");
    const t = tensorParallelSize2(context);
    const name = fieldName(shape.hiddenSize, "hiddenSize");
    let problem;
    if (h % align !== 0) {
      problem = `${name} ${h} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(h)})`;
    } else if (h % t === 0 && h / t % align !== 0 && isPowerOfTwo(t)) {
      problem = `${name} ${h} gives each GPU ${h / t} under ${tensorParallelText(context)}, not a multiple of ${align}`;
    } else {
      return;
    }
    context.report({
      message: `${problem}: every GEMM of the layer has h (or h/t) as a dimension and runs below full tensor-core rate.`,
      span: context.anchor(shape.hiddenSize),
      related: h % align === 0 ? relatedAt(shape.tensorParallel, "tensor-parallel size") : [],
      fixes: architectureFixes(context, hiddenSizeSuggestions(context, align * t))
    });
  }
};

// server/src/core/rules/invalid-value.ts
var invalidValueRule = {
  id: "invalid-value",
  defaultSeverity: "error",
  description: "A shape field is not a positive integer (a string, a negative number, a fraction, or absurdly large).",
  check(context) {
    for (const name of NUMERIC_FIELDS) {
      const field = context.shape[name];
      const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
      if (field.origin !== "invalid" || !span) continue;
      const key = field.key ?? FIELD_LABELS[name];
      const why = field.note ?? `${field.invalidText ?? spanText(context.text, span)} is not a positive integer`;
      context.report({ message: `${key}: ${why}; shapelint cannot check the ${FIELD_LABELS[name]}.`, span });
    }
  }
};

// server/src/core/rules/kv-heads.ts
var kvHeadsRule = {
  id: "kv-heads",
  defaultSeverity: "error",
  description: "The number of attention heads is not divisible by the number of key/value heads (query groups).",
  check(context) {
    const { shape } = context;
    const heads = shape.numHeads.value;
    const kvHeads = shape.numKvHeads.value;
    if (!isPositiveInteger(heads) || !isPositiveInteger(kvHeads) || heads % kvHeads === 0) return;
    const t = tensorParallelSize2(context);
    const candidates = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
    const headDim = shape.headDim.value;
    context.report({
      message: `${heads} attention heads are not divisible by ${fieldName(shape.numKvHeads, "numKvHeads")} ${kvHeads}: grouped-query attention shares each key/value head among a whole number of query heads.`,
      span: context.anchor(shape.numKvHeads, shape.numHeads),
      related: relatedAt(shape.numHeads, "attention heads"),
      fixes: architectureFixes(
        context,
        nearestOnEachSide(kvHeads, candidates).map((wanted) => ({
          change: `Use ${wanted} kv heads${isPositiveInteger(headDim) ? ` (kv width ${wanted * headDim})` : ""}`,
          edits: [literalEdit(context, shape.numKvHeads, wanted)],
          spec: { numKvHeads: wanted }
        }))
      )
    });
  }
};

// server/src/core/perf/validation-error.ts
var RUN_VALIDATION_ERROR = {
  "a100-sxm4-80gb": { runs: 61, medianAbsError: 0.08, within20: 0.836, sources: ["llm-foundry-mpt-a100"] },
  "a100-sxm4-40gb": { runs: 27, medianAbsError: 0.038, within20: 0.963, sources: ["llm-foundry-mpt-a100"] },
  "h100-sxm": { runs: 74, medianAbsError: 0.098, within20: 0.838, memoryMedianAbsError: 0.095, sources: ["llm-foundry-mpt-h100", "torchtitan-llama31-h100"] },
  "h200": { runs: 2, medianAbsError: 0.151, within20: 1, memoryMedianAbsError: 0.024, sources: ["torchtitan-llama31-h200-trainy"] }
};

// server/src/core/rules/memory.ts
var gib = (bytes) => {
  const value = bytes / GIB;
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
};
var percent = (ratio) => `${ratio >= 1 ? "+" : "\u2212"}${Math.abs(Math.round((ratio - 1) * 100))}%`;
function modelStateBytes(run) {
  const { weights, gradients, optimizerStates, gatheredWeights } = run.memory.terms;
  return (weights?.value ?? 0) + (gradients?.value ?? 0) + (optimizerStates?.value ?? 0) + (gatheredWeights?.value ?? 0);
}
function largerTensorParallel(context, spec, launch) {
  let largest;
  for (let t = spec.tensorParallel * 2; t <= launch.gpusPerNode; t *= 2) {
    if (spec.numHeads % t !== 0 || launch.gpus % (t * launch.pipelineParallel * launch.contextParallel) !== 0) continue;
    if (context.rerun({ spec: { tensorParallel: t }, launch: { sequenceParallel: true } })?.memory.fits) return t;
    largest = t;
  }
  return largest;
}
function remedies(context, spec, launch) {
  const { shape } = context;
  const found = [];
  if (launch.recompute === "none") found.push({ change: "Selective recomputation (Megatron --recompute-activations)", launch: { recompute: "selective" } });
  const t = largerTensorParallel(context, spec, launch);
  if (t !== void 0) {
    found.push({ change: `Tensor parallelism ${spec.tensorParallel} \u2192 ${t} within the node, with sequence parallelism`, spec: { tensorParallel: t }, launch: { sequenceParallel: true }, edit: literalEdit(context, shape.tensorParallel, t) });
  }
  if (launch.sharding === "none") found.push({ change: "The distributed optimizer (Megatron --use-distributed-optimizer; ZeRO-1)", launch: { sharding: "distributed-optimizer" } });
  for (let b = spec.microBatchSize - 1; b >= 1; b--) {
    const smaller = context.rerun({ spec: { microBatchSize: b }, launch: { globalBatch: launch.globalBatch } });
    if (smaller?.memory.fits || b === 1) {
      found.push({ change: `Micro-batch ${spec.microBatchSize} \u2192 ${b}`, spec: { microBatchSize: b }, edit: literalEdit(context, shape.microBatchSize, b) });
      break;
    }
  }
  return found;
}
function decidingField(context, run) {
  const { shape } = context;
  const activations = (run.memory.terms.activations?.value ?? 0) + (run.memory.terms.lossLogits?.value ?? 0);
  return activations > modelStateBytes(run) ? [shape.microBatchSize, shape.seqLength, shape.tensorParallel, shape.hiddenSize] : [shape.tensorParallel, shape.gpus, shape.numLayers, shape.hiddenSize];
}
function launchStated(context) {
  const { shape, options } = context;
  return shape.gpus.origin === "file" || shape.gpus.origin === "derived" || options.requested.launch?.gpus !== void 0 || options.requested.launchDefaults?.gpus !== void 0;
}
function memoryErrorMargin(gpuId) {
  const measured = Object.values(RUN_VALIDATION_ERROR).flatMap((figures) => figures.memoryMedianAbsError === void 0 ? [] : [figures.memoryMedianAbsError]);
  return RUN_VALIDATION_ERROR[gpuId]?.memoryMedianAbsError ?? Math.max(0, ...measured);
}
var memoryRule = {
  id: "memory",
  defaultSeverity: "warning",
  description: "The run model predicts more memory per GPU than the GPU has; the fixes that fit are ordered by predicted tokens/s.",
  check(context) {
    const { run, spec, runLaunch } = context;
    if (!run || !spec || !runLaunch || run.memory.fits || !launchStated(context) || context.shape.memoryNotModelled !== void 0) return;
    const gpu = context.options.gpu;
    const margin = memoryErrorMargin(gpu.id);
    if (run.memory.peakBytesPerGpu <= run.memory.capacityBytes * (1 + margin)) return;
    const tried = remedies(context, spec, runLaunch).flatMap((remedy) => {
      const after = context.rerun({ spec: remedy.spec, launch: remedy.launch });
      return after ? [{ remedy, after }] : [];
    });
    tried.sort((a, b) => Number(b.after.memory.fits) - Number(a.after.memory.fits) || b.after.tokensPerSecondPerGpu - a.after.tokensPerSecondPerGpu);
    const describe2 = ({ remedy, after }) => `${remedy.change}: ${gib(run.memory.peakBytesPerGpu)} \u2192 ${gib(after.memory.peakBytesPerGpu)} GiB per GPU${after.memory.fits ? "" : " (still does not fit)"}, tokens/s per GPU ${percent(after.tokensPerSecondPerGpu / run.tokensPerSecondPerGpu)}`;
    const state = modelStateBytes(run);
    const activations = run.memory.peakBytesPerGpu - state;
    const fixes = tried.filter(({ remedy }) => remedy.edit !== void 0).map((entry, index) => ({ title: describe2(entry), isPreferred: index === 0 && entry.after.memory.fits, safe: false, edits: [entry.remedy.edit] }));
    context.report({
      message: `The run needs \u2248 ${gib(run.memory.peakBytesPerGpu)} GiB per GPU, more than the ${gib(run.memory.capacityBytes)} GiB an ${gpu.name} has (weights, gradients and optimizer states ${gib(state)} GiB; activations, logits and runtime ${gib(activations)} GiB; run model, Korthikanti et al. 2022), beyond its typical memory error of \xB1${Math.round(margin * 100)}%.` + (tried.length ? ` By predicted tokens/s: ${tried.map(describe2).join("; ")}.` : ""),
      span: context.anchor(...decidingField(context, run)),
      fixes
    });
  }
};

// server/src/core/rules/micro-batch.ts
var WORTHWHILE_SPEEDUP = 1.1;
var LARGEST_SUGGESTED_MICRO_BATCH = 64;
function runAt(context, size) {
  const { run, runLaunch } = context;
  if (!run || !runLaunch) return null;
  const perStep = size * run.layout.dataParallel;
  return context.rerun({ spec: { microBatchSize: size }, launch: { globalBatch: perStep * Math.max(1, Math.round(runLaunch.globalBatch / perStep)) } });
}
function suggestedMicroBatch(context, b) {
  let best;
  let currentSpeedup = 1;
  for (let size = 2 * b; size <= LARGEST_SUGGESTED_MICRO_BATCH; size *= 2) {
    const estimate = context.estimate({ microBatchSize: size });
    if (!estimate || estimate.speedup < WORTHWHILE_SPEEDUP * currentSpeedup) break;
    const run = runAt(context, size);
    if (context.run && !run?.memory.fits) break;
    best = { size, speedup: estimate.speedup, run };
    currentSpeedup = estimate.speedup;
  }
  return best;
}
var microBatchRule = {
  id: "micro-batch",
  defaultSeverity: "information",
  description: "The throughput model predicts a clearly faster layer with a larger micro-batch, and says what it costs in activation memory.",
  check(context) {
    const field = context.shape.microBatchSize;
    const b = field.value;
    if (field.origin !== "file" || !isPositiveInteger(b) || !context.spec) return;
    const suggestion = suggestedMicroBatch(context, b);
    if (!suggestion) return;
    const { size, speedup, run } = suggestion;
    const gain = Math.round((speedup - 1) * 100);
    const memory = context.run && run ? `, and the run still fits: ${gib(context.run.memory.peakBytesPerGpu)} \u2192 ${gib(run.memory.peakBytesPerGpu)} of ${gib(run.memory.capacityBytes)} GiB per GPU (run model)` : "";
    context.report({
      message: `${fieldName(field, "microBatchSize")} ${b}: the throughput model predicts +${gain}% layer throughput at ${size} (doubling again gains under ${Math.round((WORTHWHILE_SPEEDUP - 1) * 100)}%, or would not fit)${memory}. The paper: micro-batch as large as memory allows, VI-B.`,
      span: context.anchor(field),
      fixes: architectureFixes(context, [{ change: `Use micro-batch size ${size}`, edits: [literalEdit(context, field, size)], spec: { microBatchSize: size } }])
    });
  }
};

// server/src/core/rules/syntax.ts
var syntaxRule = {
  id: "syntax",
  defaultSeverity: "error",
  description: "The file does not parse; shapelint reads what it can of the rest.",
  check(context) {
    reportEach(context, context.syntaxErrors);
  }
};
function reportEach(context, problems) {
  for (const problem of problems) context.report({ message: problem.message, span: wholeCharacters(context.text, problem.span) });
}

// server/src/core/rules/not-read.ts
var notReadRule = {
  id: "not-read",
  defaultSeverity: "warning",
  description: "Part or all of the file is beyond what shapelint reads (its size, or nesting or a string longer than its parser takes), so that part is not checked.",
  check(context) {
    reportEach(context, context.notRead);
  }
};

// server/src/core/rules/parallel-layout.ts
var WORLD_SIZE_CHECK = "initialize_model_parallel, megatron/core/parallel_state.py";
var GLOBAL_BATCH_CHECK = "ConstantNumMicroBatchesCalculator, megatron/core/num_microbatches_calculator.py";
var SIZES = [
  ["tensorParallel", "TP", "tensor-parallel size"],
  ["pipelineParallel", "PP", "pipeline-parallel size"],
  ["contextParallel", "CP", "context-parallel size"]
];
function stated(field, forced) {
  return field.origin === "setting" ? forced !== void 0 : field.origin !== "unknown" && field.origin !== "unresolved" && field.origin !== "invalid";
}
function statedGpus(context) {
  const field = context.launch.gpus;
  const given2 = field.origin === "setting" ? context.options.launch.gpus !== void 0 : field.origin === "file" || field.origin === "derived";
  return given2 && isPositiveInteger(field.value) ? field.value : void 0;
}
var written = (field) => Boolean(field.valueSpan ?? field.usedAt ?? field.keySpan);
var parallelLayoutRule = {
  id: "parallel-layout",
  defaultSeverity: "error",
  description: "TP \xD7 PP \xD7 CP does not divide the GPUs, or micro-batch \xD7 data-parallel size does not divide the global batch: Megatron refuses the launch.",
  check(context) {
    const gpus = statedGpus(context);
    if (gpus === void 0) return;
    const { launch } = context;
    const sizes = SIZES.map(([name, short, label]) => ({ field: launch[name], short, label, value: launch[name].value }));
    if (!sizes.every((size) => isPositiveInteger(size.value))) return;
    const modelParallel = sizes.reduce((product2, size) => product2 * size.value, 1);
    const product = `${sizes.map((size) => `${size.short} ${size.value}`).join(" \xD7 ")} = ${modelParallel}`;
    if (gpus % modelParallel !== 0) {
      const deciding = sizes.find((size) => size.value > 1 && written(size.field) && gpus % (modelParallel / size.value) === 0);
      const anchor = deciding?.field ?? (written(launch.gpus) ? launch.gpus : sizes.find((size) => written(size.field))?.field ?? launch.gpus);
      context.report({
        message: `${product} GPUs per model replica, but the run has ${gpus} GPUs${launch.gpus.note ? ` (${launch.gpus.note})` : ""}, not a multiple of ${modelParallel}. Megatron refuses it: "world_size (${gpus}) is not divisible by ${modelParallel}" (${WORLD_SIZE_CHECK}).`,
        span: context.anchor(anchor, launch.gpus, ...sizes.map((size) => size.field)),
        related: [...sizes, { field: launch.gpus, label: "GPU count" }].filter((size) => size.field !== anchor).flatMap((size) => relatedAt(size.field, size.label))
      });
      return;
    }
    const { globalBatchSize: globalBatch2, microBatchSize: microBatch2 } = launch;
    const requested = context.options.requested;
    if (!stated(globalBatch2, context.options.launch.globalBatchSize) || !stated(microBatch2, requested.microBatchSize)) return;
    if (!isPositiveInteger(globalBatch2.value) || !isPositiveInteger(microBatch2.value)) return;
    const dataParallel = gpus / modelParallel;
    const perStep = microBatch2.value * dataParallel;
    if (globalBatch2.value % perStep === 0) return;
    const fewer = Math.floor(globalBatch2.value / perStep) * perStep;
    const nearest = [fewer, fewer + perStep].filter((n) => n > 0).join(" or ");
    context.report({
      message: `Global batch ${globalBatch2.value} is not a multiple of micro-batch ${microBatch2.value} \xD7 data-parallel ${dataParallel} = ${perStep} (${gpus} GPUs / ${product} per replica; nearest: ${nearest}). Megatron refuses it: "global batch size (${globalBatch2.value}) is not divisible by micro batch size (${microBatch2.value}) times data parallel size (${dataParallel})" (${GLOBAL_BATCH_CHECK}).`,
      span: context.anchor(globalBatch2, microBatch2, launch.gpus),
      related: [...relatedAt(microBatch2, "micro-batch size"), ...relatedAt(launch.gpus, "GPU count")]
    });
  }
};

// server/src/core/rules/pipeline-parallel.ts
var pipelineParallelRule = {
  id: "pipeline-parallel",
  defaultSeverity: "warning",
  description: "The number of layers is not divisible by the number of pipeline stages.",
  check(context) {
    const { shape } = context;
    const layers = shape.numLayers.value;
    const stages = shape.pipelineParallel.value;
    const split = shape.pipelineSplit;
    if (!isPositiveInteger(layers) || !isPositiveInteger(stages) || stages <= 1) return;
    if (split && (split.firstStageLayers !== void 0 || split.lastStageLayers !== void 0)) checkMiddleStages(context, layers, stages, split);
    else if (!split?.uneven) checkEvenSplit(context, layers, stages, split);
  }
};
function reportSplit(context, split, message) {
  const { shape } = context;
  context.report({
    message: split?.refusedBy ? `${message} ${split.refusedBy}.` : message,
    span: context.anchor(shape.numLayers, shape.pipelineParallel),
    related: relatedAt(shape.pipelineParallel, "pipeline-parallel size"),
    ...split?.refusedBy ? { severity: "error" } : {}
  });
}
function checkEvenSplit(context, layers, stages, split) {
  const extra = split?.extraLayers ?? 0;
  const units = layers + extra;
  if (units % stages === 0) return;
  const fewer = Math.floor(units / stages) * stages - extra;
  const nearest = [fewer, fewer + stages].filter((n) => n > 0).join(" or ");
  const counted = split ? ` (${layers} + ${extra}: ${split.note})` : "";
  reportSplit(
    context,
    split,
    `${units} layers${counted} do not split evenly over ${fieldName(context.shape.pipelineParallel, "pipelineParallel")} ${stages}: some stages get ${Math.ceil(units / stages)} layers and others ${Math.floor(units / stages)}, and the slowest stage sets the pace (nearest even splits: ${nearest} layers).`
  );
}
function checkMiddleStages(context, layers, stages, split) {
  const ends = [split.firstStageLayers, split.lastStageLayers].filter((n) => n !== void 0);
  const middleLayers = layers - ends.reduce((sum2, n) => sum2 + n, 0);
  const middleStages = stages - ends.length;
  const stagesText = `${fieldName(context.shape.pipelineParallel, "pipelineParallel")} ${stages}`;
  if (middleStages === 0 ? middleLayers !== 0 : middleLayers <= 0 || middleLayers % middleStages !== 0) {
    const left = `${layers} layers less ${split.note} leave ${middleLayers}`;
    const over = middleStages === 0 ? `for no middle stage (${stagesText})` : `for the ${middleStages} middle stages of ${stagesText}, which do not split them evenly`;
    reportSplit(context, split, `${left} ${over}.`);
  }
}

// server/src/core/rules/vocab-size.ts
function effectiveVocab(context) {
  const { paddedVocabSize, vocabSize } = context.shape;
  if (isPositiveInteger(paddedVocabSize.value)) return paddedVocabSize.value;
  return isPositiveInteger(vocabSize.value) ? vocabSize.value : null;
}
function vocabPadding(context, multiple) {
  const { shape } = context;
  const vocab = effectiveVocab(context);
  const align = alignment(context, "linear");
  const t = tensorParallelSize2(context);
  const { vocabDivisor, paddedVocabSize, vocabSize } = shape;
  if (paddedVocabSize.origin === "file" && vocab !== null) {
    const wanted = roundUpToMultiple(vocab, multiple);
    const name = fieldName(paddedVocabSize, "paddedVocabSize");
    return { field: paddedVocabSize, edit: literalEdit(context, paddedVocabSize, wanted), title: `Pad ${name} to ${wanted}`, advice: `pad ${name} to ${wanted}`, paddedVocab: wanted };
  }
  const wantedDivisor = isPositiveInteger(vocabDivisor.value) ? roundUpToMultiple(vocabDivisor.value, align) : null;
  if (wantedDivisor !== null && wantedDivisor !== vocabDivisor.value && vocabDivisor.origin === "file") {
    const wanted = wantedDivisor;
    const name = fieldName(vocabDivisor, "vocabDivisor");
    const paddedVocab = isPositiveInteger(vocabSize.value) ? roundUpToMultiple(vocabSize.value, wanted * t) : null;
    const padded = paddedVocab === null ? "" : ` (pads the vocabulary to ${paddedVocab})`;
    return { field: vocabDivisor, edit: literalEdit(context, vocabDivisor, wanted), title: `Set ${name} to ${wanted}${padded}`, advice: `set ${name} to ${wanted}`, paddedVocab };
  }
  if (vocabSize.origin === "file" && isPositiveInteger(vocabSize.value)) {
    const wanted = roundUpToMultiple(vocabSize.value, multiple);
    const name = fieldName(vocabSize, "vocabSize");
    const resize = shape.format === "hf" ? `; the checkpoint's embedding and output layers must be resized to match (model.resize_token_embeddings(${wanted}))` : "";
    return { field: vocabSize, edit: literalEdit(context, vocabSize, wanted), title: `Pad ${name} to ${wanted}`, advice: `pad ${name} to ${wanted} (the extra rows are never predicted)${resize}`, paddedVocab: wanted };
  }
  return null;
}
function vocabPaddingFixes(context, padding) {
  if (!padding?.edit) return [];
  const estimate = padding.paddedVocab === null ? void 0 : context.estimate({ vocabSize: padding.paddedVocab });
  const loads = context.shape.loadsCheckpoint;
  const caveat = loads ? ` (this run loads a checkpoint, ${loads}, whose embedding must be resized to match)` : "";
  const padsAtLoad = padding.field === context.shape.vocabDivisor;
  return [{ title: `${padding.title}${effectText(estimate)}${caveat}`, isPreferred: true, safe: padsAtLoad && loads === void 0, edits: [padding.edit], ...estimate ? { estimate } : {} }];
}
var vocabSizeRule = {
  id: "vocab-size",
  defaultSeverity: "warning",
  description: "The vocabulary the framework will use (after its padding), or its per-GPU share under tensor parallelism, is not a multiple of 64.",
  check(context) {
    const vocab = effectiveVocab(context);
    const align = alignment(context, "linear");
    if (vocab === null) {
      checkDivisorAlone(context, align);
      return;
    }
    const t = tensorParallelSize2(context);
    const perGpuAligned = vocab % t !== 0 || vocab / t % align === 0;
    if (vocab % align === 0 && perGpuAligned) return;
    const { shape } = context;
    const padded = isPositiveInteger(shape.paddedVocabSize.value) && shape.paddedVocabSize.value !== shape.vocabSize.value;
    const what = padded ? `the padded vocabulary ${vocab}` : `${fieldName(shape.vocabSize, "vocabSize")} ${vocab}`;
    const problem = vocab % align !== 0 ? `${what} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(vocab)})` : `${what} gives each GPU ${vocab / t} rows under ${tensorParallelText(context)}, not a multiple of ${align}`;
    const padding = vocabPadding(context, align * t);
    const advice = padding ? `; ${padding.advice}` : "";
    const related = [];
    if (padding?.field !== shape.vocabSize) related.push(...relatedAt(shape.vocabSize, "vocabulary size"));
    if (vocab % align === 0) related.push(...relatedAt(shape.tensorParallel, "tensor-parallel size"));
    context.report({
      message: `${problem}: the logit GEMM (tokens \xD7 h \xD7 vocab) misses full tensor-core rate${advice}.`,
      span: padding?.field.valueSpan ? context.anchor(padding.field) : context.anchor(shape.vocabDivisor, shape.paddedVocabSize, shape.vocabSize),
      related,
      fixes: vocabPaddingFixes(context, padding)
    });
  }
};
function checkDivisorAlone(context, align) {
  const divisor = context.shape.vocabDivisor;
  if (divisor.origin !== "file" || !isPositiveInteger(divisor.value) || divisor.value % align === 0) return;
  const d = divisor.value;
  const t = tensorParallelSize2(context);
  const padding = vocabPadding(context, align);
  const name = fieldName(divisor, "vocabDivisor");
  const risk = d * t % align === 0 ? `${name} ${d} pads the vocabulary to a multiple of ${d}\xB7${t} = ${d * t}, a multiple of ${align}, but each of the ${t} GPUs gets a multiple of ${d} rows, which is a multiple of ${align} only by chance` : `${name} ${d} pads the vocabulary to a multiple of ${d}\xB7t, which is a multiple of ${align} only by chance`;
  context.report({
    message: `${risk}: the logit GEMM (tokens \xD7 h \xD7 vocab) may miss full tensor-core rate; ${padding?.advice ?? `use a multiple of ${align}`}.`,
    span: context.anchor(divisor),
    fixes: vocabPaddingFixes(context, padding)
  });
}

// server/src/core/rules/tensor-parallel.ts
function kvHeadFixes(context, heads, t) {
  const kvField = context.shape.numKvHeads;
  const current = kvField.value;
  const candidates = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
  return architectureFixes(
    context,
    nearestOnEachSide(current, candidates).map((wanted) => ({
      change: `Use ${wanted} kv heads`,
      edits: [literalEdit(context, kvField, wanted)],
      spec: { numKvHeads: wanted }
    }))
  );
}
var tensorParallelRule = {
  id: "tensor-parallel",
  defaultSeverity: "error",
  description: "Hidden size, heads, kv heads, MLP size or padded vocabulary do not shard evenly over the tensor-parallel GPUs, or a TP size that is not a power of two costs h/t its alignment.",
  check(context) {
    const t = tensorParallelSize2(context);
    if (t <= 1) return;
    const { shape } = context;
    const tp = shape.tensorParallel;
    const tpText = tensorParallelText(context);
    const align = alignment(context, "linear");
    const notDivisible = (field, what, why, fixes) => {
      context.report({
        message: `${what} is not divisible by ${tpText}: ${why}.`,
        span: context.anchor(field, tp),
        related: field.origin === "file" ? relatedAt(tp, "tensor-parallel size") : [],
        fixes
      });
    };
    const h = shape.hiddenSize.value;
    if (isPositiveInteger(h) && h % t !== 0) {
      notDivisible(shape.hiddenSize, `${fieldName(shape.hiddenSize, "hiddenSize")} ${h}`, "each GPU holds h/t columns of every weight", architectureFixes(context, hiddenSizeSuggestions(context, align * t)));
    }
    const heads = shape.numHeads.value;
    if (isPositiveInteger(heads) && heads % t !== 0) {
      const b = microBatchSize(context);
      const perGpu = b * heads / t;
      const batched = Number.isInteger(perGpu) ? "" : `; the attention BMMs' batch (b\xB7a)/t = ${b}\xB7${heads}/${t} is not an integer`;
      notDivisible(shape.numHeads, `${heads} attention heads`, `each GPU must hold whole heads${batched}`, architectureFixes(context, headCountSuggestions(context, true)));
    }
    const kvHeads = shape.numKvHeads.value;
    const groupedQuery = isPositiveInteger(kvHeads) && (kvHeads !== heads || shape.numKvHeads.origin === "file");
    if (groupedQuery && isPositiveInteger(heads) && !kvHeadsFitTensorParallel(context, kvHeads, t)) {
      const rule = shape.kvHeadsMayDivideTensorParallel ? "must be a multiple or a divisor of the TP size" : "must be a multiple of the TP size";
      notDivisible(shape.numKvHeads, `${fieldName(shape.numKvHeads, "numKvHeads")} ${kvHeads}`, `key/value heads ${rule}`, kvHeadFixes(context, heads, t));
    }
    const ffn = shape.ffnHiddenSize.value;
    if (isPositiveInteger(ffn) && ffn % t !== 0) {
      notDivisible(shape.ffnHiddenSize, `MLP size ${ffn}`, "each GPU holds ffn/t columns of the MLP", ffnSizeFixes(context, align * t));
    }
    const vocab = effectiveVocab(context);
    if (vocab !== null && vocab % t !== 0) {
      const padding = vocabPadding(context, align * t);
      const field = padding?.field ?? shape.vocabSize;
      notDivisible(field, `the vocabulary ${vocab}`, `the embedding and logit layers are split by rows (pad it to ${roundUpToMultiple(vocab, align * t)})`, vocabPaddingFixes(context, padding));
    }
    if (isPositiveInteger(h) && !isPowerOfTwo(t) && h % align === 0 && h % t === 0 && h / t % align !== 0) {
      const step = align * t;
      context.report({
        message: `${tpText} is not a power of two: h/t = ${h}/${t} = ${h / t} keeps only ${largestPowerOfTwoDividing(h / t)} as its power-of-two factor, below ${align}. A hidden size divisible by ${t}\xB7${align} = ${step} (${Math.floor(h / step) * step || step} or ${roundUpToMultiple(h + 1, step)}), or a power-of-two TP size, keeps every GPU's share aligned.`,
        severity: "warning",
        span: context.anchor(tp, shape.hiddenSize),
        related: relatedAt(shape.hiddenSize, "hidden size"),
        fixes: []
      });
    }
  }
};

// server/src/core/rules/tokens-per-batch.ts
var tokensPerBatchRule = {
  id: "tokens-per-batch",
  defaultSeverity: "warning",
  description: "Tokens per micro-batch (micro-batch size \xD7 sequence length) is not a multiple of 64.",
  check(context) {
    const { shape } = context;
    const { seqLength, microBatchSize: microBatch2 } = shape;
    if (seqLength.origin !== "file" && microBatch2.origin !== "file") return;
    const b = microBatchSize(context);
    const s = sequenceLength(context);
    const align = alignment(context, "linear");
    const tokens = b * s;
    if (!Number.isInteger(tokens) || tokens <= 0 || tokens % align === 0) return;
    const blame = seqLength.origin === "file" && s % align !== 0 ? seqLength : microBatch2.origin === "file" ? microBatch2 : seqLength;
    const other = blame === seqLength ? microBatch2 : seqLength;
    context.report({
      message: `b\xB7s = ${b}\xB7${s} = ${tokens} tokens per micro-batch is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(tokens)}): it is the row count of every GEMM in the layer.`,
      span: context.anchor(blame, other),
      related: relatedAt(other, blame === seqLength ? "micro-batch size" : "sequence length")
    });
  }
};

// server/src/core/rules/unresolved-value.ts
var unresolvedValueRule = {
  id: "unresolved-value",
  defaultSeverity: "information",
  description: "The file sets a shape field in a way only running it would resolve (a branch, arithmetic, the environment), so it is not checked.",
  check(context) {
    for (const name of NUMERIC_FIELDS) {
      const field = context.shape[name];
      if (field.origin !== "unresolved" || !field.valueSpan) continue;
      const why = field.note ?? "its value cannot be read without running the file";
      context.report({
        message: `${field.key ?? FIELD_LABELS[name]}: ${why}, so shapelint does not check the ${FIELD_LABELS[name]}.`,
        span: field.usedAt ?? field.valueSpan,
        related: field.usedAt ? [{ span: field.valueSpan, message: "the value it may take here" }] : []
      });
    }
  }
};

// server/src/core/rules/index.ts
var RULES = [
  syntaxRule,
  notReadRule,
  invalidValueRule,
  unresolvedValueRule,
  headsDivideHiddenRule,
  kvHeadsRule,
  tensorParallelRule,
  vocabSizeRule,
  headDimRule,
  hiddenSizeRule,
  ffnSizeRule,
  gatedMlpWidthRule,
  pipelineParallelRule,
  parallelLayoutRule,
  tokensPerBatchRule,
  microBatchRule,
  memoryRule
];
function findRule(id) {
  return RULES.find((rule) => rule.id === id);
}
var DOCS_BASE = "https://github.com/shapelint/shapelint/blob/main/docs/rules/";
function ruleDocsUrl(id) {
  return `${DOCS_BASE}${id}.md`;
}

// server/src/core/model/launch.ts
var SETTING_NAMES = {
  attention: "--attention, shapelint.attention",
  dropout: "--dropout, shapelint.dropout",
  recompute: "--recompute, shapelint.recompute",
  dtype: "--dtype, shapelint.dtype",
  sequenceLength: "--seq, shapelint.sequenceLength",
  microBatchSize: "--micro-batch, shapelint.microBatchSize",
  tensorParallelSize: "--tp, shapelint.tensorParallelSize"
};
var LAUNCH_FLAGS = {
  gpus: "--gpus",
  gpusPerNode: "--gpus-per-node",
  pipelineParallel: "--pp",
  contextParallel: "--cp",
  expertParallel: "--ep",
  virtualStages: "--vp",
  globalBatchSize: "--global-batch",
  sequenceParallel: "--sequence-parallel",
  sharding: "--zero, --fsdp, --distributed-optimizer",
  overlapGradReduce: "--overlap-grad-reduce",
  untiedEmbeddings: "--untied-embeddings"
};
var LAUNCH_SETTINGS = {
  gpus: "shapelint.gpus",
  gpusPerNode: "shapelint.gpusPerNode",
  pipelineParallel: "shapelint.pipelineParallelSize"
};
function setting(value, name, options, fallbackWhy) {
  const given2 = options.requested[name] !== void 0;
  const note = given2 ? `set by ${SETTING_NAMES[name]}` : `${fallbackWhy ?? "not in the file"}: shapelint's default ${String(value)} (${SETTING_NAMES[name]})`;
  return { value, origin: "setting", note };
}
function given(field, usable) {
  return field !== void 0 && field.value !== null && usable(field.value) && field.origin !== "unresolved" && field.origin !== "invalid" && field.origin !== "unknown";
}
var positive2 = (value) => Number.isFinite(value) && value > 0;
var DEFAULT_ATTENTION = "sdpa";
function sizeField(field, name, options) {
  if (given(field, positive2)) return field;
  return setting(options[name], name, options, field?.note ? `not usable from the file (${field.note})` : void 0);
}
function dropoutField(field, options) {
  if (options.dropout !== void 0) return setting(options.dropout, "dropout", options);
  return field ?? { value: null, origin: "unknown", note: "nothing gives a dropout rate: none counted" };
}
function resolveLaunch(shape, options) {
  const read = shape?.attentionKernel;
  const attentionKernel = options.attention !== void 0 ? setting(options.attention, "attention", options) : given(read, () => true) ? read : setting(DEFAULT_ATTENTION, "attention", options, read?.note ?? "nothing in the file says which attention runs");
  const readRecompute = shape?.recompute;
  const recompute = options.recompute !== void 0 ? setting(options.recompute, "recompute", options) : given(readRecompute, () => true) ? readRecompute : setting("none", "recompute", options, readRecompute?.note ?? "nothing in the file says");
  const microBatchSize2 = sizeField(shape?.microBatchSize, "microBatchSize", options);
  const tensorParallel = sizeField(shape?.tensorParallel, "tensorParallelSize", options);
  const run = runFields(shape, options);
  const fileDtype = shape?.dtype;
  return {
    attentionKernel,
    attentionDropout: dropoutField(shape?.attentionDropout, options),
    hiddenDropout: dropoutField(shape?.hiddenDropout, options),
    recompute,
    dtype: given(fileDtype, () => true) ? fileDtype : setting(options.dtype, "dtype", options),
    seqLength: sizeField(shape?.seqLength, "sequenceLength", options),
    microBatchSize: microBatchSize2,
    tensorParallel,
    ...run,
    globalBatchSize: globalBatchField(shape?.globalBatchSize, microBatchSize2.value, tensorParallel.value, run, options)
  };
}
function runField(name, field, usable, fallback, why, options) {
  const forced = options.launch[name];
  if (forced !== void 0) return { value: forced, origin: "setting", note: `set by ${LAUNCH_FLAGS[name]}, over the file` };
  if (given(field, usable)) return field;
  const silent = field?.note && field.origin !== "unknown" ? `not usable from the file (${field.note})` : "not in the file";
  const setting2 = LAUNCH_SETTINGS[name];
  const filled = options.launchDefaults[name];
  if (filled !== void 0) return { value: filled, origin: "setting", note: `${silent}: set by ${setting2 ?? LAUNCH_FLAGS[name]}` };
  return { value: fallback, origin: "setting", note: `${silent}: ${why} (${LAUNCH_FLAGS[name]}${setting2 ? `, ${setting2}` : ""})` };
}
function runFields(shape, options) {
  const always = () => true;
  return {
    pipelineParallel: runField("pipelineParallel", shape?.pipelineParallel, positive2, 1, "one pipeline stage", options),
    contextParallel: runField("contextParallel", shape?.contextParallel, positive2, 1, "no context parallelism", options),
    expertParallel: runField("expertParallel", shape?.expertParallel, positive2, 1, "no expert parallelism", options),
    virtualStages: runField("virtualStages", shape?.virtualStages, positive2, 1, "no interleaving", options),
    sequenceParallel: runField("sequenceParallel", shape?.sequenceParallel, always, false, "no sequence parallelism", options),
    sharding: runField("sharding", shape?.sharding, always, "none", "no optimizer sharding", options),
    gpus: runField("gpus", shape?.gpus, positive2, DEFAULT_GPUS, `shapelint's default ${DEFAULT_GPUS}, one node`, options),
    gpusPerNode: runField("gpusPerNode", shape?.gpusPerNode, positive2, Math.min(options.gpu.intraNode.domainSize, DEFAULT_GPUS), `the ${options.gpu.name}'s NVLink domain`, options)
  };
}
function globalBatchField(field, microBatch2, tensorParallel, run, options) {
  const modelParallel = tensorParallel * run.pipelineParallel.value * run.contextParallel.value;
  const dataParallel = Math.max(1, Math.floor(run.gpus.value / modelParallel));
  return runField("globalBatchSize", field, positive2, microBatch2 * dataParallel, `micro-batch ${microBatch2} \xD7 data-parallel ${dataParallel}, as Megatron-LM defaults it`, options);
}

// server/src/core/suppression.ts
var DIRECTIVE = /(?:#|\/\/)\s*shapelint-disable(-next-line)?\b([^\n\r]*)/g;
function suppressedRules(text2) {
  const fileWide = /* @__PURE__ */ new Set();
  let fileWideAll = false;
  const byLine = /* @__PURE__ */ new Map();
  const lineStarts = text2.includes("shapelint-disable") ? computeLineStarts(text2) : null;
  if (!lineStarts) return () => false;
  for (const match of text2.matchAll(DIRECTIVE)) {
    const ids = match[2].split(/[\s,]+/).map((id) => id.trim()).filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
    if (match[1]) {
      const nextLine = lineOf(lineStarts, match.index ?? 0) + 1;
      byLine.set(nextLine, ids.length === 0 ? "all" : new Set(ids));
    } else if (ids.length === 0) {
      fileWideAll = true;
    } else {
      ids.forEach((id) => fileWide.add(id));
    }
  }
  return (ruleId, offset) => {
    if (fileWideAll || fileWide.has(ruleId)) return true;
    const entry = byLine.get(lineOf(lineStarts, offset));
    return entry === "all" || entry !== void 0 && entry.has(ruleId);
  };
}
function computeLineStarts(text2) {
  const starts = [0];
  for (let i = 0; i < text2.length; i++) if (text2.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
function lineOf(lineStarts, offset) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

// server/src/core/check.ts
var UnknownGpuError = class extends Error {
  constructor(gpuId) {
    super(`unknown GPU '${gpuId}' (see 'shapelint gpus')`);
    this.gpuId = gpuId;
  }
  gpuId;
};
function resolveOptions(options = {}) {
  const gpuId = options.gpu ?? DEFAULT_GPU_ID;
  const gpu = findGpu(gpuId);
  if (!gpu) throw new UnknownGpuError(gpuId);
  return {
    format: options.format,
    gpu,
    dtype: options.dtype ?? "bf16",
    sequenceLength: options.sequenceLength ?? DEFAULT_SEQUENCE_LENGTH,
    microBatchSize: options.microBatchSize ?? DEFAULT_MICRO_BATCH_SIZE,
    tensorParallelSize: options.tensorParallelSize ?? 1,
    rules: options.rules ?? {},
    profile: options.profile,
    hubConfig: options.hubConfig,
    attention: options.attention,
    dropout: options.dropout,
    recompute: options.recompute,
    launch: options.launch ?? {},
    launchDefaults: options.launchDefaults ?? {},
    interNodeGbps: options.interNodeGbps ?? gpu.interNodeGbps,
    requested: options
  };
}
var MAX_CHECKED_LENGTH = 10 * 1024 * 1024;
function check(text2, fileName, options = {}) {
  const resolved = "gpu" in options && typeof options.gpu === "object" ? options : resolveOptions(options);
  const reader = resolved.format ? formatReader(resolved.format) : detectFormat(fileName, text2);
  if (!reader) return { reader: null, document: null, shape: null, spec: null, launch: null, run: null, runError: null, findings: [], options: resolved };
  const document = text2.length > MAX_CHECKED_LENGTH ? unreadDocument(reader, text2) : reader.parse(text2);
  const shape = reader.read(document, { hubConfig: resolved.hubConfig });
  const launch = resolveLaunch(shape, resolved);
  const used = launch.dtype.value === resolved.dtype ? resolved : { ...resolved, dtype: launch.dtype.value };
  const predicted = predictShape(shape, used, launch);
  const findings = runRules(RULES, { text: text2, document, shape, ...predicted, options: used });
  return { reader, document, shape, ...predicted, findings, options: used };
}
function predictShape(shape, options, launch = resolveLaunch(shape, options)) {
  const spec = layerSpecFromShape(shape, launch, options.gpu);
  const runLaunch = runLaunchOf(launch, options, shape);
  const { run, runError } = spec ? runForLaunch(spec, runLaunch, options) : { run: null, runError: null };
  return { launch, spec, runLaunch, run, runError };
}
function unreadDocument(reader, text2) {
  const mib = (length) => `${(length / (1024 * 1024)).toFixed(1)} MB`;
  const message = `This file has ${text2.length.toLocaleString("en-US")} characters (${mib(text2.length)}); shapelint reads files of up to ${MAX_CHECKED_LENGTH.toLocaleString("en-US")} (${mib(MAX_CHECKED_LENGTH)}), so nothing in it is checked.`;
  return { ...reader.parse(""), text: text2, notRead: [{ span: { offset: 0, length: 0 }, message }] };
}
function runRules(rules, input2) {
  const { text: text2, document, shape, spec, run, runLaunch, launch, options } = input2;
  const suppressed = suppressedRules(text2);
  const findings = [];
  for (const rule of rules) {
    const setting2 = options.rules[rule.id] ?? rule.defaultSeverity;
    if (setting2 === "off") continue;
    const overridden = options.rules[rule.id] !== void 0;
    const report = (input3) => {
      if (suppressed(rule.id, input3.span.offset)) return;
      const severity = overridden ? setting2 : input3.severity ?? rule.defaultSeverity;
      findings.push({
        ruleId: rule.id,
        severity,
        message: input3.message,
        span: input3.span,
        related: input3.related ?? [],
        fixes: input3.fixes ?? []
      });
    };
    const context = {
      shape,
      text: text2,
      syntaxErrors: document.errors,
      notRead: document.notRead ?? [],
      options,
      launch: launch ?? resolveLaunch(shape, options),
      spec,
      run,
      runLaunch,
      rerun: (change) => spec && runLaunch ? runForLaunch({ ...spec, ...change.spec }, { ...runLaunch, ...change.launch }, options).run : null,
      estimate: (change) => spec ? compareSpecs(spec, changedSpec(spec, change, launch, options.gpu), options.gpu, { dtype: options.dtype, backward: false, profile: options.profile }) : void 0,
      anchor: (...fields) => anchorOf(fields),
      report
    };
    rule.check(context);
  }
  return findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
}
function anchorOf(fields) {
  for (const field of fields) if (field.valueSpan) return field.literalUses && field.reference ? field.reference : field.valueSpan;
  for (const field of fields) if (field.usedAt) return field.usedAt;
  for (const field of fields) if (field.keySpan) return field.keySpan;
  return { offset: 0, length: 0 };
}

// server/src/core/rules/fixes.ts
function applyFixes(text2, fixes) {
  const taken = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (hasInternalOverlap(fix.edits)) continue;
    taken.push(...fix.edits);
  }
  let result = text2;
  for (const edit of [...taken].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}
function safeFixes(findings) {
  const chosen = [];
  for (const finding of findings) {
    const safe = finding.fixes.filter((fix2) => fix2.safe);
    const fix = safe.find((candidate) => candidate.isPreferred) ?? safe[0];
    if (fix && !chosen.includes(fix)) chosen.push(fix);
  }
  return chosen;
}
function overlaps(a, b) {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
function hasInternalOverlap(edits) {
  return edits.some((edit, i) => edits.slice(i + 1).some((other) => overlaps(edit, other)));
}

// server/src/lsp/hf-cache.ts
var import_node_fs = require("node:fs");
var import_node_os = require("node:os");
var import_node_path = require("node:path");

// server/src/lsp/profiles.ts
var LARGEST_PROFILE_BYTES = 4 * 1024 * 1024;

// server/src/lsp/hf-cache.ts
function hubCacheFolder(env = process.env, home = (0, import_node_os.homedir)()) {
  if (env.HF_HUB_CACHE) return env.HF_HUB_CACHE;
  if (env.HF_HOME) return (0, import_node_path.join)(env.HF_HOME, "hub");
  return (0, import_node_path.join)(home, ".cache", "huggingface", "hub");
}
var HUB_ID2 = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
var REVISION = /^[\w.-]+$/;
function localHubConfig(cacheFolder = hubCacheFolder()) {
  return (id, revision) => readCachedConfig(cacheFolder, id, revision);
}
function readCachedConfig(cacheFolder, id, revision) {
  if (!HUB_ID2.test(id) || id.includes("..") || revision !== void 0 && !REVISION.test(revision)) return void 0;
  const modelFolder = (0, import_node_path.join)(cacheFolder, `models--${id.replace("/", "--")}`);
  const snapshot = snapshotOf(modelFolder, revision);
  if (snapshot === void 0) return void 0;
  const path = (0, import_node_path.join)(modelFolder, "snapshots", snapshot, "config.json");
  const text2 = readBounded(path, modelFolder);
  return text2 === void 0 ? void 0 : { text: text2, path, revision: snapshot };
}
function snapshotOf(modelFolder, revision) {
  const snapshots = (0, import_node_path.join)(modelFolder, "snapshots");
  const ref = (name) => {
    const text2 = readBounded((0, import_node_path.join)(modelFolder, "refs", name), modelFolder)?.trim();
    return text2 && REVISION.test(text2) ? text2 : void 0;
  };
  const has = (name) => isFile((0, import_node_path.join)(snapshots, name, "config.json"));
  if (revision !== void 0) {
    const commit = has(revision) ? revision : ref(revision);
    return commit !== void 0 && has(commit) ? commit : void 0;
  }
  const main = ref("main");
  if (main !== void 0 && has(main)) return main;
  let names;
  try {
    names = (0, import_node_fs.readdirSync)(snapshots).filter((name) => REVISION.test(name) && has(name));
  } catch {
    return void 0;
  }
  return names.sort((a, b) => mtime((0, import_node_path.join)(snapshots, b)) - mtime((0, import_node_path.join)(snapshots, a)))[0];
}
function isFile(path) {
  try {
    return (0, import_node_fs.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function mtime(path) {
  try {
    return (0, import_node_fs.statSync)(path).mtimeMs;
  } catch {
    return 0;
  }
}
function readBounded(path, root) {
  let real;
  let realRoot;
  try {
    real = (0, import_node_fs.realpathSync)(path);
    realRoot = (0, import_node_fs.realpathSync)(root);
  } catch {
    return void 0;
  }
  const inside = (0, import_node_path.relative)(realRoot, real);
  if (inside === "" || inside.startsWith("..") || (0, import_node_path.isAbsolute)(inside)) return void 0;
  let handle;
  try {
    handle = (0, import_node_fs.openSync)(real, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NONBLOCK);
  } catch {
    return void 0;
  }
  try {
    const stats = (0, import_node_fs.fstatSync)(handle);
    if (!stats.isFile() || stats.size > LARGEST_PROFILE_BYTES) return void 0;
    const buffer = Buffer.alloc(Math.min(stats.size, LARGEST_PROFILE_BYTES) + 1);
    const bytesRead = (0, import_node_fs.readSync)(handle, buffer, 0, buffer.length, 0);
    return bytesRead > LARGEST_PROFILE_BYTES ? void 0 : buffer.subarray(0, bytesRead).toString("utf8");
  } catch {
    return void 0;
  } finally {
    (0, import_node_fs.closeSync)(handle);
  }
}

// server/src/cli/io.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;
var EXIT_INTERNAL = 3;
var UsageError = class extends Error {
};
function isUsageError(error) {
  return error instanceof UsageError || error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
var VERSION = true ? "0.1.0" : "dev";

// server/src/cli/perf-args.ts
var DTYPES = ["bf16", "fp16", "fp8"];
function positiveInteger(value, flag) {
  if (value === void 0) return void 0;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) throw new UsageError(`${flag} must be a positive integer, got '${value}'`);
  return number;
}
function dtypeOption(value) {
  if (value === void 0) return "bf16";
  if (!DTYPES.includes(value)) throw new UsageError(`--dtype must be one of ${DTYPES.join(", ")}, got '${value}'`);
  return value;
}
var LAUNCH_OPTIONS = {
  attention: { type: "string" },
  dropout: { type: "string" },
  recompute: { type: "string" }
};
var LAUNCH_HELP = `  --attention flash|unfused   the attention kernel, over the file and the framework's default
                              (default: what the framework runs: SDPA, Transformer Engine, ...)
  --dropout P                 attention and hidden dropout probability, over the file's
  --recompute none|selective|full
                              activation recomputation in the backward, over the file's`;
function launchChoices(values) {
  const choices = {};
  if (values.attention !== void 0) {
    if (!ATTENTION_OVERRIDES.includes(values.attention)) throw new UsageError(`--attention must be ${ATTENTION_OVERRIDES.join(" or ")}, got '${values.attention}'`);
    choices.attention = values.attention;
  }
  if (values.dropout !== void 0) {
    const probability = Number(values.dropout);
    if (values.dropout.trim() === "" || !(probability >= 0 && probability < 1)) throw new UsageError(`--dropout must be a probability from 0 to below 1, got '${values.dropout}'`);
    choices.dropout = probability;
  }
  if (values.recompute !== void 0) {
    if (!RECOMPUTE_MODES.includes(values.recompute)) throw new UsageError(`--recompute must be ${RECOMPUTE_MODES.join(", ")}, got '${values.recompute}'`);
    choices.recompute = values.recompute;
  }
  return choices;
}

// server/src/core/perf/assumptions.ts
var ATTENTION_IMPLEMENTATION_NAMES = {
  sdpa: "PyTorch SDPA",
  "transformer-engine": "Transformer Engine",
  flash: "FlashAttention",
  cudnn: "cuDNN fused attention",
  unfused: "unfused attention"
};
function attentionKernelText(implementation, gpu, headDim, dtype) {
  const { kernel } = chooseAttentionKernel(implementation, gpu, headDim, dtype);
  const name = ATTENTION_IMPLEMENTATION_NAMES[implementation];
  if (kernel === "unfused") return implementation === "unfused" ? name : `${name} \u2192 unfused`;
  return `${name} \u2192 ${FUSED_KERNEL_NAMES[kernel]}`;
}
function attentionSource(launch, gpu, headDim) {
  const choice = chooseAttentionKernel(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  const parts = [launch.attentionKernel.note ?? (launch.attentionKernel.key ? `${launch.attentionKernel.key} in the file` : "in the file"), choice.why];
  if (choice.kernel !== "unfused") {
    if (!attentionDataMeasured(choice.kernel, gpu)) parts.push(`no ${FUSED_KERNEL_NAMES[choice.kernel]} figure on ${gpu.architecture}: efficiency borrowed from the nearest measured GPU`);
    if (headDim > FAST_BACKWARD_MAX_HEAD_DIM) parts.push(LARGE_HEAD_DIM_NOTE);
  }
  return parts.join("; ");
}
function valueText(launch, name, gpu, headDim) {
  if (name === "attentionKernel") return attentionKernelText(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  const value = launch[name].value;
  return typeof value === "boolean" ? String(value) : value;
}
function launchAssumptions(launch, gpu, headDim) {
  return LAUNCH_FIELDS.map((name) => {
    const field = launch[name];
    const source = name === "attentionKernel" ? attentionSource(launch, gpu, headDim) : field.note ?? (field.key ? `${field.key} in the file` : field.origin === "file" ? "in the file" : field.origin);
    return { name, label: LAUNCH_LABELS[name], value: valueText(launch, name, gpu, headDim), origin: field.origin, source: field.value === null ? `unknown, counted as none: ${source}` : source };
  });
}

// server/src/cli/run-args.ts
var RUN_LAUNCH_OPTIONS = {
  gpus: { type: "string" },
  "gpus-per-node": { type: "string" },
  "inter-node-gbps": { type: "string" },
  pp: { type: "string" },
  cp: { type: "string" },
  ep: { type: "string" },
  vp: { type: "string" },
  "global-batch": { type: "string" },
  "sequence-parallel": { type: "boolean" },
  zero: { type: "string" },
  fsdp: { type: "boolean" },
  "distributed-optimizer": { type: "boolean" },
  "overlap-grad-reduce": { type: "boolean" },
  "untied-embeddings": { type: "boolean" }
};
var RUN_OPTIONS = {
  ...RUN_LAUNCH_OPTIONS,
  experts: { type: "string" },
  "experts-per-token": { type: "string" },
  "expert-ffn": { type: "string" }
};
var text = (values, name) => typeof values[name] === "string" ? values[name] : void 0;
function shardingOption(values) {
  const zero = text(values, "zero");
  const chosen = [zero !== void 0 ? "--zero" : "", values.fsdp === true ? "--fsdp" : "", values["distributed-optimizer"] === true ? "--distributed-optimizer" : ""].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(" and ")} are alternatives; give one`);
  if (values.fsdp === true) return "fsdp";
  if (values["distributed-optimizer"] === true) return "distributed-optimizer";
  if (zero === void 0) return void 0;
  if (zero === "0") return "none";
  if (zero === "1" || zero === "2" || zero === "3") return `zero-${zero}`;
  throw new UsageError(`--zero must be 0, 1, 2 or 3, got '${zero}'`);
}
var RUN_LAUNCH_HELP = `  --gpus N                    GPUs in the run (default: the file's launcher, else 8)
  --pp P, --cp C, --ep E, --vp V   pipeline, context, expert parallel sizes, virtual stages per stage
  --global-batch G            sequences per optimizer step
  --sequence-parallel         Megatron sequence parallelism (needs --tp > 1)
  --zero 0|1|2|3 | --fsdp | --distributed-optimizer   how model state is sharded over data parallelism
  --overlap-grad-reduce       the gradient reduction runs under the backward (Megatron)
  --untied-embeddings         separate input and output embeddings
  --gpus-per-node G, --inter-node-gbps BW   the cluster (default: the GPU catalogue's node)`;
var RUN_HELP = `The whole run (with --gpus, or from the file with --config): memory per GPU by term, step time by part,
tokens/s per GPU and MFU. A flag forces its choice over the file; what neither gives takes
Megatron-LM's default (PP/CP/EP/VP 1, global batch = micro-batch \xD7 data-parallel size, no sharding)
and says so.
${RUN_LAUNCH_HELP}
  --experts E --experts-per-token k --expert-ffn F   a mixture of experts`;
function launchOptionsFromFlags(values) {
  const launch = {};
  const sizes = [
    ["gpus", "gpus"],
    ["gpus-per-node", "gpusPerNode"],
    ["pp", "pipelineParallel"],
    ["cp", "contextParallel"],
    ["ep", "expertParallel"],
    ["vp", "virtualStages"],
    ["global-batch", "globalBatchSize"]
  ];
  for (const [flag, name] of sizes) {
    const value = positiveInteger(text(values, flag), `--${flag}`);
    if (value !== void 0) launch[name] = value;
  }
  if (values["sequence-parallel"] === true) launch.sequenceParallel = true;
  if (values["overlap-grad-reduce"] === true) launch.overlapGradReduce = true;
  if (values["untied-embeddings"] === true) launch.untiedEmbeddings = true;
  const sharding = shardingOption(values);
  if (sharding !== void 0) launch.sharding = sharding;
  const interNode = text(values, "inter-node-gbps");
  const interNodeGbps = interNode === void 0 ? void 0 : Number(interNode);
  if (interNodeGbps !== void 0 && (!Number.isFinite(interNodeGbps) || interNodeGbps <= 0)) throw new UsageError(`--inter-node-gbps must be a positive number, got '${interNode}'`);
  return { launch, ...interNodeGbps !== void 0 ? { interNodeGbps } : {} };
}

// server/src/cli/github.ts
var COMMANDS = { error: "error", warning: "warning", information: "notice", hint: "notice" };
function toGithubAnnotations(files) {
  return files.flatMap(({ path, text: text2, findings }) => {
    const document = TextDocument.create(path, "plaintext", 0, text2);
    return findings.map((finding) => {
      const start = document.positionAt(finding.span.offset);
      const end = document.positionAt(finding.span.offset + finding.span.length);
      const properties = [
        ["file", path],
        ["line", start.line + 1],
        ["col", start.character + 1],
        ["endLine", end.line + 1],
        ["endColumn", end.character + 1],
        ["title", `shapelint ${finding.ruleId}`]
      ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
      return `::${COMMANDS[finding.severity]} ${properties.join(",")}::${escapeData(`${finding.message} [${finding.ruleId}]`)}
`;
    });
  }).join("");
}
function escapeData(text2) {
  return text2.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text2) {
  return escapeData(text2).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// server/src/cli/sarif.ts
var LEVELS = { error: "error", warning: "warning", information: "note", hint: "note" };
var SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/shapelint/shapelint";
function toSarif(files, version) {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) => {
    const document = TextDocument.create(file.path, "plaintext", 0, file.text);
    const uri = relativeUri(file.path);
    const location = (span) => ({ physicalLocation: { artifactLocation: { uri }, region: region(document, span) } });
    return file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {},
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.span)],
      ...finding.related.length > 0 ? { relatedLocations: finding.related.map((related, id) => ({ id, ...location(related.span), message: { text: related.message } })) } : {},
      ...finding.fixes.length > 0 ? {
        fixes: finding.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: fix.edits.map((edit) => ({ deletedRegion: region(document, edit), insertedContent: { text: edit.newText } }))
            }
          ]
        }))
      } : {}
    }));
  });
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "shapelint",
            version,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] }
            }))
          }
        },
        results
      }
    ]
  };
}
function relativeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function region(document, span) {
  const start = document.positionAt(span.offset);
  const end = document.positionAt(span.offset + span.length);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

// server/src/cli/check.ts
var HELP = `usage: shapelint check <files or folders...> [--format text|json|sarif|github] [--gpu ID] [--fix]
                       [--rule id=severity]... [--config-format ${FORMAT_IDS.join("|")}]
                       [--dtype bf16|fp16|fp8] [--seq S] [--micro-batch B] [--tp T]
                       [--attention flash|unfused] [--dropout P] [--recompute none|selective|full]
                       [--gpus N] [--pp P] [--cp C] [--ep E] [--vp V] [--global-batch G] [--sequence-parallel]
                       [--zero 0|1|2|3 | --fsdp | --distributed-optimizer] [--gpus-per-node G] [--inter-node-gbps BW]

Checks model configs against the alignment rules of "The Case for Co-Designing Model
Architectures with Hardware". Folders are walked (node_modules and .git skipped) for files that
some format recognises; a link that leads outside the folder is skipped, and named on stderr, as is a
file over 8 MiB that reads as a config. Text output is one line per finding: path:line:col severity message [rule].

  --format FORMAT        text (default), json (0-based LSP ranges), sarif (2.1.0), or github (Actions annotations)
  --gpu ID               the GPU to check for (see 'shapelint gpus'); default h100-sxm
  --fix                  apply the safe fixes (a padding divisor the framework pads to) in place, then report what is left
  --rule id=severity     error, warning, information, hint or off; repeatable
  --config-format FORMAT read every file as this format instead of detecting it
  --dtype bf16|fp16|fp8  the precision to predict for where a file does not say (--bf16, NeoX precision,
                         NeMo trainer.precision); default bf16
  --seq S, --micro-batch B, --tp T
                         what the launch uses where a file does not say (default 2048, 4, 1); an HF
                         config.json never says, and predictions and the micro-batch, tokens-per-batch
                         and tensor-parallel rules depend on them
${LAUNCH_HELP}
The run (the memory rule, the code lens's tokens/s and MFU): each flag forces its choice over the file.
${RUN_LAUNCH_HELP}
  (--format json prints each file's launch assumptions, with their origin and source)

Exit status: 0 no errors (warnings allowed), 1 an error was found, 2 bad usage or an unreadable path,
3 an internal error (a file shapelint could not finish checking; the others are still reported).
Rules: ${RULES.map((rule) => rule.id).join(", ")}.
`;
var OUTPUT_FORMATS = ["text", "json", "sarif", "github"];
var SEVERITY_SETTINGS = ["error", "warning", "information", "hint", "off"];
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var LARGEST_WALKED_FILE = 8 * 1024 * 1024;
var FIX_PASSES = 4;
var check2 = async (args, io) => {
  const { values, positionals } = (0, import_node_util.parseArgs)({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string" },
      gpu: { type: "string" },
      fix: { type: "boolean" },
      rule: { type: "string", multiple: true },
      "config-format": { type: "string" },
      dtype: { type: "string" },
      seq: { type: "string" },
      "micro-batch": { type: "string" },
      tp: { type: "string" },
      ...LAUNCH_OPTIONS,
      ...RUN_LAUNCH_OPTIONS,
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("give at least one file or folder to check");
  const output = outputFormat(values.format);
  const options = checkOptions(values);
  let unreadable = false;
  const reports = [];
  const failures = [];
  const refused = [];
  const candidates = [];
  for (const given2 of positionals) {
    const found = collect(given2, io);
    if (found === null) {
      io.stderr(`shapelint: cannot read '${given2}'
`);
      unreadable = true;
    } else {
      for (const file of found) candidates.push(file);
    }
  }
  for (const candidate of candidates) {
    let text2;
    try {
      text2 = (0, import_node_fs2.readFileSync)(candidate.absolute, "utf8");
    } catch (error) {
      io.stderr(`shapelint: cannot read '${candidate.path}': ${error instanceof Error ? error.message : String(error)}
`);
      unreadable = true;
      continue;
    }
    try {
      const checked = checkCandidate(text2, candidate, options, values.fix === true, io);
      if (checked === "unwritable") unreadable = true;
      else if (checked) reports.push(checked);
      else if (candidate.explicit) {
        const lookAlike = refusal(candidate.absolute, text2);
        if (lookAlike) refused.push({ path: candidate.path, ...lookAlike });
      }
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      io.stderr(`${candidate.path}: internal error, file not checked: ${message}
`);
      failures.push({ path: candidate.path, error: message });
    }
  }
  if (output === "json") io.stdout(`${JSON.stringify(jsonReport(reports, failures, refused), null, 2)}
`);
  else if (output === "sarif") io.stdout(`${JSON.stringify(toSarif(reports.map(({ path, text: text2, result }) => ({ path, text: text2, findings: result.findings })), VERSION), null, 2)}
`);
  else if (output === "github") io.stdout(toGithubAnnotations(reports.map(({ path, text: text2, result }) => ({ path, text: text2, findings: result.findings }))));
  else io.stdout(reports.map(textReport).join(""));
  if (output === "text") io.stderr(summary(reports));
  if (failures.length > 0) return EXIT_INTERNAL;
  if (unreadable) return EXIT_USAGE;
  return reports.some((report) => report.result.findings.some((finding) => finding.severity === "error")) ? EXIT_FINDINGS : EXIT_OK;
};
function checkCandidate(original, candidate, options, fix, io) {
  let text2 = original;
  if (!candidate.explicit && !options.format && !detectFormat(candidate.absolute, text2)) return null;
  let result = check(text2, candidate.absolute, options);
  if (!result.reader) {
    if (candidate.explicit) {
      const lookAlike = refusal(candidate.absolute, text2);
      const what = lookAlike ? `: it is ${lookAlike.lookAlike}, told by ${lookAlike.formatEvidence.join(", ")}` : "";
      io.stderr(
        `${candidate.path}: not a model config shapelint recognises${what} (formats: ${FORMAT_READERS.map((reader) => reader.id).join(", ") || "none"}); use --config-format to force one
`
      );
    }
    return null;
  }
  if (fix) {
    const fixed = fixFile(text2, candidate, options);
    if (fixed.applied > 0) {
      if (candidate.root !== void 0 && !resolvesInside(candidate.absolute, candidate.root)) {
        io.stderr(`shapelint: not writing '${candidate.path}': it resolves outside the folder being checked
`);
        return "unwritable";
      }
      try {
        (0, import_node_fs2.writeFileSync)(candidate.absolute, fixed.text, "utf8");
      } catch (error) {
        io.stderr(`shapelint: cannot write '${candidate.path}': ${error instanceof Error ? error.message : String(error)}
`);
        return "unwritable";
      }
      io.stderr(`${candidate.path}: applied ${fixed.applied} fix${fixed.applied === 1 ? "" : "es"}
`);
      text2 = fixed.text;
      result = fixed.result;
    }
  }
  return { path: candidate.path, text: text2, result };
}
function outputFormat(value) {
  if (value === void 0) return "text";
  const known = OUTPUT_FORMATS.find((format2) => format2 === value);
  if (known) return known;
  throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, got '${value}'`);
}
function checkOptions(flags) {
  const configFormat = flags["config-format"];
  if (configFormat !== void 0 && !FORMAT_IDS.includes(configFormat)) {
    throw new UsageError(`--config-format must be one of ${FORMAT_IDS.join(", ")}, got '${configFormat}'`);
  }
  const rules = {};
  for (const setting2 of flags.rule ?? []) {
    const match = /^([a-z][a-z0-9-]*)=([a-z]+)$/.exec(setting2.trim());
    if (!match) throw new UsageError(`--rule takes id=severity, got '${setting2}'`);
    const [, id, severity] = match;
    if (!findRule(id)) throw new UsageError(`unknown rule '${id}' (rules: ${RULES.map((rule) => rule.id).join(", ")})`);
    if (!SEVERITY_SETTINGS.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(", ")}, got '${severity}'`);
    rules[id] = severity;
  }
  try {
    return resolveOptions({
      gpu: flags.gpu,
      dtype: dtypeOption(flags.dtype),
      format: configFormat,
      rules,
      sequenceLength: positiveInteger(flags.seq, "--seq"),
      microBatchSize: positiveInteger(flags["micro-batch"], "--micro-batch"),
      tensorParallelSize: positiveInteger(flags.tp, "--tp"),
      // Models the catalogue lacks are looked up in the local Hugging Face cache (never the network).
      hubConfig: localHubConfig(),
      ...launchChoices(flags),
      ...launchOptionsFromFlags(flags)
    });
  } catch (error) {
    if (error instanceof UnknownGpuError) throw new UsageError(error.message);
    throw error;
  }
}
function collect(given2, io) {
  const absolute = (0, import_node_path2.resolve)(io.cwd, given2);
  try {
    const stats = (0, import_node_fs2.statSync)(absolute);
    if (stats.isFile()) return [{ absolute, path: displayPath(absolute, io.cwd), explicit: true }];
    if (!stats.isDirectory()) return null;
    const root = (0, import_node_fs2.realpathSync)(absolute);
    const found = [];
    const outside = (path, target) => io.stderr(`shapelint: skipped '${displayPath(path, io.cwd)}': a link to '${target}', outside '${given2}'
`);
    const tooLarge = (path, bytes) => {
      const reader = detectFormat(path, fileHead(path));
      if (reader) io.stderr(`shapelint: skipped '${displayPath(path, io.cwd)}': ${(bytes / 2 ** 20).toFixed(1)} MiB, more than the ${LARGEST_WALKED_FILE / 2 ** 20} MiB a file found in a folder may be, though it reads as a ${reader.label} (name the file to check it)
`);
    };
    walk(absolute, { root, seen: /* @__PURE__ */ new Set(), outside, tooLarge }, (path) => found.push({ absolute: path, path: displayPath(path, io.cwd), explicit: false, root }));
    return found;
  } catch {
    return null;
  }
}
function walk(folder, state, visit5) {
  let real;
  try {
    real = (0, import_node_fs2.realpathSync)(folder);
  } catch {
    return;
  }
  if (state.seen.has(real)) return;
  state.seen.add(real);
  let entries;
  try {
    entries = (0, import_node_fs2.readdirSync)(folder).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    const path = (0, import_node_path2.join)(folder, name);
    try {
      if ((0, import_node_fs2.lstatSync)(path).isSymbolicLink()) {
        const target = (0, import_node_fs2.realpathSync)(path);
        if (!isInside(target, state.root)) {
          state.outside(path, target);
          continue;
        }
      }
      const stats = (0, import_node_fs2.statSync)(path);
      if (stats.isDirectory() && !SKIPPED_FOLDERS.has(name)) walk(path, state, visit5);
      else if (stats.isFile() && stats.size <= LARGEST_WALKED_FILE) visit5(path);
      else if (stats.isFile()) state.tooLarge(path, stats.size);
    } catch {
    }
  }
}
function fileHead(path) {
  const descriptor = (0, import_node_fs2.openSync)(path, "r");
  try {
    const head = Buffer.alloc(SNIFF_CHARS);
    return head.toString("utf8", 0, (0, import_node_fs2.readSync)(descriptor, head, 0, SNIFF_CHARS, 0));
  } finally {
    (0, import_node_fs2.closeSync)(descriptor);
  }
}
function isInside(real, root) {
  const rel = (0, import_node_path2.relative)(root, real);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${import_node_path2.sep}`) && !(0, import_node_path2.isAbsolute)(rel);
}
function resolvesInside(path, root) {
  try {
    return isInside((0, import_node_fs2.realpathSync)(path), root);
  } catch {
    return false;
  }
}
function displayPath(absolute, cwd) {
  const path = (0, import_node_path2.relative)(cwd, absolute) || absolute;
  return import_node_path2.sep === "/" ? path : path.split(import_node_path2.sep).join("/");
}
function fixFile(text2, candidate, options) {
  let current = text2;
  let result = check(current, candidate.absolute, options);
  let applied = 0;
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const fixes = safeFixes(result.findings);
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next === current) break;
    applied += fixes.length;
    current = next;
    result = check(current, candidate.absolute, options);
  }
  return { text: current, result, applied };
}
function textReport({ path, text: text2, result }) {
  const document = TextDocument.create(path, "plaintext", 0, text2);
  return result.findings.map((finding) => {
    const start = document.positionAt(finding.span.offset);
    return `${path}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.message} [${finding.ruleId}]
`;
  }).join("");
}
function summary(reports) {
  const findings = reports.flatMap((report) => report.result.findings);
  const count = (severity) => findings.filter((finding) => finding.severity === severity).length;
  const counted = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const files = counted(reports.length, "file");
  if (findings.length === 0) return `shapelint: no problems in ${files}
`;
  return `shapelint: ${counted(count("error"), "error")}, ${counted(count("warning"), "warning")}, ${counted(count("information") + count("hint"), "note")} in ${files}
`;
}
function jsonReport(reports, failures, refused) {
  return {
    ...failures.length > 0 ? { failures } : {},
    ...refused.length > 0 ? { refused } : {},
    files: reports.map(({ path, text: text2, result }) => {
      const document = TextDocument.create(path, "plaintext", 0, text2);
      const range = (span) => ({ start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) });
      return {
        path,
        format: result.reader?.id ?? null,
        // Why it was read so: the format's telling keys that the file has.
        formatEvidence: result.reader ? detectionEvidence(result.reader, text2) : [],
        model: result.shape?.catalogueModel ?? null,
        loadsCheckpoint: result.shape?.loadsCheckpoint ?? null,
        memoryNotModelled: result.shape?.memoryNotModelled ?? null,
        shape: result.shape ? shapeValues(result.shape) : null,
        diagnostics: result.findings.map((finding) => ({
          rule: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          range: range(finding.span),
          related: finding.related.map((related) => ({ range: range(related.span), message: related.message })),
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            isPreferred: fix.isPreferred,
            safe: fix.safe,
            edits: fix.edits.map((edit) => ({ range: range(edit), newText: edit.newText })),
            ...fix.estimate ? { estimate: fix.estimate } : {}
          }))
        })),
        assumptions: result.launch && result.spec ? launchAssumptions(result.launch, result.options.gpu, result.spec.headDim) : null,
        prediction: predictForShape(result)
      };
    })
  };
}

// action/src/main.ts
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function commandMessage(text2) {
  return text2.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function checkArguments(inputs) {
  const paths = inputs.path.split(/\s+/).filter(Boolean);
  const rules = inputs.rules.split(/[\s,]+/).filter(Boolean);
  if (!["github", "sarif"].includes(inputs.format)) throw new UsageError(`format '${inputs.format}' is not github or sarif`);
  return [
    ...paths.length > 0 ? paths : ["."],
    "--format",
    inputs.format,
    ...inputs.gpu ? ["--gpu", inputs.gpu] : [],
    ...rules.flatMap((rule) => ["--rule", rule])
  ];
}
async function runAction() {
  const expected = input("version");
  if (expected && expected.replace(/^v/, "") !== VERSION) {
    process.stdout.write(`::error title=shapelint::${commandMessage(`this ref carries shapelint ${VERSION}, not ${expected}: use the action at the ref of the version you want (uses: shapelint/shapelint@v${expected.replace(/^v/, "")})`)}
`);
    return EXIT_USAGE;
  }
  const format2 = input("format") || "github";
  const sarifFile = input("sarif-file") || "shapelint.sarif";
  const sarif = [];
  const io = {
    // Annotations are workflow commands on stdout; SARIF goes to its file.
    stdout: (text2) => format2 === "sarif" ? sarif.push(text2) : process.stdout.write(text2),
    stderr: (text2) => process.stderr.write(text2),
    cwd: process.cwd()
  };
  let code;
  try {
    code = await check2(checkArguments({ path: input("path"), gpu: input("gpu"), format: format2, rules: input("rules") }), io);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    process.stdout.write(`::error title=shapelint::${commandMessage(error.message)}
`);
    return EXIT_USAGE;
  }
  if (format2 === "sarif") {
    (0, import_node_fs3.mkdirSync)((0, import_node_path3.dirname)(sarifFile), { recursive: true });
    (0, import_node_fs3.writeFileSync)(sarifFile, sarif.join(""));
    if (process.env.GITHUB_OUTPUT) (0, import_node_fs3.appendFileSync)(process.env.GITHUB_OUTPUT, `sarif-file=${sarifFile}
`);
    process.stdout.write(`shapelint ${VERSION}: SARIF written to ${sarifFile}
`);
  }
  return code;
}
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stdout.write(`::error title=shapelint::${commandMessage(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)}
`);
    process.exitCode = EXIT_INTERNAL;
  }
);
