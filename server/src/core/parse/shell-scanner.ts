import type { Span, SyntaxError } from '../model/document';

/**
 * The lexical half of the shell reader: bash text to words (with their quoted pieces and
 * `$` expansions), separators and parentheses. Heredoc bodies and comments are skipped.
 * Nothing here knows what a flag or a variable means; `shell.ts` interprets the tokens.
 */
export function scanShell(text: string): TokenStream {
  return new Scanner(text);
}

/** Tokens pulled one at a time (undefined at the end); `errors` fills in as the text is read. */
export interface TokenStream {
  next(): Token | undefined;
  readonly errors: SyntaxError[];
}

/** `${A:-${B:-...}}` deeper than this is not read: no real script nests so, and the reader must not recurse without bound. */
export const MAX_EXPANSION_DEPTH = 64;

export type Part =
  | { kind: 'text'; text: string; span: Span }
  | { kind: 'var'; name: string; span: Span; operator?: string; operand?: Part[] }
  | { kind: 'opaque'; span: Span; reason: string };

/** One shell word; `fields` are its pieces after splitting on quoted whitespace too. */
export interface WordToken {
  type: 'word';
  fields: Part[][];
  span: Span;
}

/** `caseEnd` is `;;` (or `;&`, `;;&`): the end of a `case` branch. */
export type Token = WordToken | { type: 'separator' } | { type: 'caseEnd' } | { type: 'open' } | { type: 'close' };

/** The tokens that carry nothing but their type, shared: a big script has hundreds of thousands. */
const SEPARATOR: Token = Object.freeze({ type: 'separator' });
const CASE_END: Token = Object.freeze({ type: 'caseEnd' });
const OPEN: Token = Object.freeze({ type: 'open' });
const CLOSE: Token = Object.freeze({ type: 'close' });

/** ASCII characters that end a run of literal text, as lookup tables: the scanner's inner loops test every character. */
const charTable = (chars: string): Uint8Array => {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
};
const SPACES = ' \t\n\r\v\f';
const ENDS_PLAIN_TEXT = charTable(`${SPACES}"'\\$\`;&|<>()`);
const ENDS_DOUBLE_QUOTED_TEXT = charTable(`${SPACES}"\\$\``);
const ENDS_SINGLE_QUOTED_TEXT = charTable(`${SPACES}'`);
const SPACE_TABLE = charTable(SPACES);

/** Non-ASCII spaces (no-break, ideographic...) end text too, as `\s` did. */
function stops(table: Uint8Array, code: number): boolean {
  return code < 128 ? table[code] === 1 : /\s/.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  return stops(SPACE_TABLE, code);
}

const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
/** Sticky: matched in place, without copying the text after the `$`. */
const VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** `$NAME` reads at most this many characters of name (as it always has). */
const MAX_VARIABLE_NAME = 199;

/**
 * `list` with `item` at its end: pushed in place, or a new one-element array when `list` is empty.
 * Most words are one field of one part (most statements a few words), and a first push gives an
 * array room for 17.
 */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

class Scanner implements TokenStream {
  readonly errors: SyntaxError[] = [];
  /** Tokens scanned and not yet handed out: the interpreter reads as the scanner goes, so a big script is never held as tokens. */
  private readonly pending: Token[] = [];
  /** How many of `pending` are queued, and how many of those handed out (the array keeps its storage between steps). */
  private queued = 0;
  private handedOut = 0;
  private finished = false;
  private fields: Part[][] = [];
  private field: Part[] = [];
  private wordStart = -1;
  private pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private i = 0;
  /** How many `${...:-word}` operands the current piece is inside. */
  private expansionDepth = 0;
  /** Where the current piece must stop: the end of the text, or of a `${...}` operand. */
  private limit: number;

  constructor(private readonly text: string) {
    this.limit = text.length;
  }

  next(): Token | undefined {
    while (this.handedOut === this.queued) {
      this.queued = 0;
      this.handedOut = 0;
      if (this.finished) return undefined;
      this.step();
    }
    return this.pending[this.handedOut++];
  }

  /** Reads one character's worth (a blank, an operator, a word piece), queueing the tokens it ends. */
  private step(): void {
    const text = this.text;
    if (this.i >= text.length) {
      this.endWord();
      this.finished = true;
      return;
    }
    const char = text[this.i];
    if (char === ' ' || char === '\t' || char === '\r') {
      this.endWord();
      this.i++;
    } else if (char === '\\' && text[this.i + 1] === '\n') {
      this.i += 2;
    } else if (char === '\\' && text[this.i + 1] === '\r' && text[this.i + 2] === '\n') {
      this.i += 3;
    } else if (char === '\n') {
      this.endWord();
      this.queue(SEPARATOR);
      this.i++;
      this.skipHeredocs();
    } else if (char === '#' && this.wordStart < 0) {
      while (this.i < text.length && text[this.i] !== '\n') this.i++;
    } else if (char === ';' && text[this.i + 1] === ';' || char === ';' && text[this.i + 1] === '&') {
      this.endWord();
      this.queue(CASE_END);
      this.i += text.startsWith(';;&', this.i) ? 3 : 2;
    } else if (char === ';' || char === '&' || char === '|') {
      this.endWord();
      this.queue(SEPARATOR);
      this.i++;
    } else if (text.startsWith('<<<', this.i)) {
      this.endWord();
      this.i += 3;
    } else if (text.startsWith('<<', this.i)) {
      this.endWord();
      this.readHeredocStart();
    } else if (char === '<' || char === '>') {
      this.endWord();
      this.i++;
    } else if (char === '(' && this.wordStart < 0 && text[this.i + 1] === '(') {
      this.i = this.matching(this.i + 2, '((', '))');
      this.queue(SEPARATOR);
    } else if (char === '(') {
      this.endWord();
      this.queue(OPEN);
      this.i++;
    } else if (char === ')') {
      this.endWord();
      this.queue(CLOSE);
      this.i++;
    } else {
      this.startWord();
      this.readWordPiece(false);
    }
  }

  /** Reads one piece of a word: a run of plain text, a quoted string, an escape or an expansion. */
  private readWordPiece(inDoubleQuotes: boolean): void {
    const text = this.text;
    const char = text[this.i];
    if (char === '\\') {
      this.pushText(text[this.i + 1] ?? '', this.i, 2);
      this.i += 2;
    } else if (char === "'" && !inDoubleQuotes) {
      this.readQuoted("'");
    } else if (char === '"' && !inDoubleQuotes) {
      this.readQuoted('"');
    } else if (char === '$' && text[this.i + 1] === "'" && !inDoubleQuotes) {
      this.i++;
      this.readQuoted("'");
    } else if (char === '$') {
      this.addPart(this.readExpansion());
    } else if (char === '`') {
      const start = this.i;
      const end = text.indexOf('`', start + 1);
      this.i = end < 0 ? text.length : end + 1;
      if (end < 0) this.error(start, 1, 'Unterminated backquote');
      this.addPart({ kind: 'opaque', span: { offset: start, length: this.i - start }, reason: 'set by a command substitution' });
    } else {
      const start = this.i;
      const stop = inDoubleQuotes ? ENDS_DOUBLE_QUOTED_TEXT : ENDS_PLAIN_TEXT;
      while (this.i < this.limit && !stops(stop, text.charCodeAt(this.i))) this.i++;
      if (this.i === start) this.i++;
      this.pushText(text.slice(start, this.i), start, this.i - start);
    }
  }

  private readQuoted(quote: string): void {
    const text = this.text;
    const open = this.i;
    this.i++;
    const lineEnd = text.indexOf('\n', open);
    // What to restore if the quote is unterminated; `field` only grows in place until then.
    const savedFieldCount = this.fields.length;
    const savedField = this.field;
    const savedFieldLength = this.field.length;
    while (this.i < text.length && text[this.i] !== quote) {
      const char = text[this.i];
      if (isSpace(text.charCodeAt(this.i))) {
        this.breakField();
        this.i++;
      } else if (quote === '"' && char === '\\' && /["\\$`]/.test(text[this.i + 1] ?? '')) {
        this.pushText(text[this.i + 1], this.i, 2);
        this.i += 2;
      } else if (quote === '"' && char === '\\' && text[this.i + 1] === '\n') {
        this.breakField();
        this.i += 2;
      } else if (quote === '"' && (char === '$' || char === '`')) {
        this.readWordPiece(true);
      } else {
        const start = this.i;
        const stop = quote === '"' ? ENDS_DOUBLE_QUOTED_TEXT : ENDS_SINGLE_QUOTED_TEXT;
        while (this.i < text.length && !stops(stop, text.charCodeAt(this.i))) this.i++;
        if (this.i === start) this.i++;
        this.pushText(text.slice(start, this.i), start, this.i - start);
      }
    }
    if (this.i >= text.length) {
      this.error(open, 1, `Unterminated ${quote === '"' ? 'double' : 'single'} quote`);
      // Recover: take the string as ending at its own line so the rest of the file is still read.
      this.fields = this.fields.slice(0, savedFieldCount);
      this.field = savedField.slice(0, savedFieldLength);
      this.i = lineEnd < 0 ? text.length : lineEnd;
      this.pushText(text.slice(open + 1, this.i), open + 1, this.i - open - 1);
      return;
    }
    this.i++;
  }

  private readExpansion(): Part {
    const text = this.text;
    const start = this.i;
    if (text.startsWith('$((', start)) {
      this.i = this.matching(start + 3, '((', '))');
      return { kind: 'opaque', span: this.from(start), reason: `set by arithmetic ${text.slice(start, this.i)}, not resolved statically` };
    }
    if (text.startsWith('$(', start)) {
      this.i = this.matching(start + 2, '(', ')');
      return { kind: 'opaque', span: this.from(start), reason: 'set by a command substitution' };
    }
    if (text.startsWith('${', start)) {
      this.i = this.matching(start + 2, '{', '}');
      return this.braceExpansion(start, this.i);
    }
    VARIABLE_NAME.lastIndex = start + 1;
    const name = VARIABLE_NAME.exec(text)?.[0].slice(0, MAX_VARIABLE_NAME);
    if (name) {
      this.i = start + 1 + name.length;
      return { kind: 'var', name, span: this.from(start) };
    }
    if (SPECIAL_PARAMETER.test(text[start + 1] ?? '')) {
      this.i = start + 2;
      return { kind: 'opaque', span: this.from(start), reason: `set by the caller (${text.slice(start, this.i)})` };
    }
    this.i = start + 1;
    return { kind: 'text', text: '$', span: { offset: start, length: 1 } };
  }

  /** `${NAME}`, `${NAME:-word}`, `${NAME:=word}`, ...; anything fancier stays opaque. */
  private braceExpansion(start: number, end: number): Part {
    const span = { offset: start, length: end - start };
    const innerStart = start + 2;
    const inner = this.text.slice(innerStart, end - 1);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
    if (!match) return { kind: 'opaque', span, reason: `set by \${${inner}}, not resolved statically` };
    const [, name, operator, operandText] = match;
    if (!operator) return { kind: 'var', name, span };
    const operandStart = innerStart + name.length + operator.length;
    if (this.expansionDepth >= MAX_EXPANSION_DEPTH) {
      return { kind: 'opaque', span, reason: `\${${name}${operator}...} is nested more than ${MAX_EXPANSION_DEPTH} levels deep` };
    }
    return { kind: 'var', name, span, operator, operand: this.readOperand(operandStart, operandStart + operandText.length) };
  }

  /** The word after `:-` / `:=` inside `${...}`: text, quotes and nested expansions. */
  private readOperand(start: number, end: number): Part[] {
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

  private matching(from: number, open: string, close: string): number {
    const text = this.text;
    let depth = 1;
    let i = from;
    while (i < text.length) {
      if (text[i] === '\\') i += 2;
      else if (text[i] === "'" && open !== '{') {
        const end = text.indexOf("'", i + 1);
        i = end < 0 ? text.length : end + 1;
      } else if (text.startsWith(close, i)) {
        depth--;
        i += close.length;
        if (depth === 0) return i;
      } else if (text.startsWith(open, i)) {
        depth++;
        i += open.length;
      } else i++;
    }
    this.error(from - open.length, open.length, `Missing '${close}'`);
    return text.length;
  }

  private readHeredocStart(): void {
    const match = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_]+))/.exec(this.text.slice(this.i, this.i + 200));
    if (!match) {
      this.i += 2;
      return;
    }
    this.pendingHeredocs.push({ delimiter: match[2] ?? match[3] ?? match[4], stripTabs: match[1] === '-' });
    this.i += match[0].length;
  }

  /** Heredoc bodies are data for another program (often JSON), not part of the command line. */
  private skipHeredocs(): void {
    for (const heredoc of this.pendingHeredocs) {
      while (this.i < this.text.length) {
        const lineEnd = this.text.indexOf('\n', this.i);
        const end = lineEnd < 0 ? this.text.length : lineEnd;
        const line = this.text.slice(this.i, end).replace(/\r$/, '');
        this.i = end + 1;
        if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) break;
      }
    }
    this.pendingHeredocs = [];
  }

  private startWord(): void {
    if (this.wordStart < 0) this.wordStart = this.i;
  }

  private pushText(text: string, offset: number, length: number): void {
    this.addPart({ kind: 'text', text, span: { offset, length } });
  }

  private addPart(part: Part): void {
    this.field = appended(this.field, part);
  }

  private queue(token: Token): void {
    this.pending[this.queued++] = token;
  }

  private breakField(): void {
    if (this.field.length > 0) this.fields = appended(this.fields, this.field);
    this.field = [];
  }

  private endWord(): void {
    if (this.wordStart < 0) return;
    this.breakField();
    if (this.fields.length > 0) {
      this.queue({ type: 'word', fields: this.fields, span: { offset: this.wordStart, length: this.i - this.wordStart } });
    } else {
      // An empty string ("") is still a word: a flag followed by "" has an empty value.
      this.queue({ type: 'word', fields: [[{ kind: 'text', text: '', span: { offset: this.wordStart + 1, length: 0 } }]], span: { offset: this.wordStart, length: this.i - this.wordStart } });
    }
    this.fields = [];
    this.wordStart = -1;
  }

  private from(start: number): Span {
    return { offset: start, length: this.i - start };
  }

  private error(offset: number, length: number, message: string): void {
    this.errors.push({ span: { offset, length }, message });
  }
}
