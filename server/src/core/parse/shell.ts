import type { ConfigDocument, ConfigEntry, Span, SyntaxError } from '../pipeline/document';

/**
 * Launch scripts (bash) read as text, never run. Entries are the `--flags` (and Hydra
 * overrides such as `model.hidden_size=4096`) found in command lines, arrays
 * `ARGS=( --x 1 )` and strings `ARGS="--x 1 \ ..."`. A value reached through variables
 * (`X=4096`, `export X=`, `${X:-4096}`, `: ${X:=4096}`) is resolved to its literal, as bash
 * would expand it at that point of the script; `$((...))`, `$(cmd)`, positional parameters
 * and variables the file never sets are marked unresolved, never guessed.
 */
export function parseShell(text: string): ConfigDocument {
  const scan = new Scanner(text);
  const tokens = scan.run();
  const interpreter = new Interpreter(text);
  interpreter.run(tokens);
  return { syntax: 'shell', text, entries: unresolveBranchChoices(interpreter.entries, interpreter.conditionalEntries), errors: scan.errors };
}

/**
 * A flag given different values in different branches (`if ...; then --hidden-size 8192; else
 * --hidden-size 4096; fi`) has no value shapelint can know without running the script.
 */
function unresolveBranchChoices(entries: ConfigEntry[], conditional: ReadonlySet<ConfigEntry>): ConfigEntry[] {
  const byFlag = new Map<string, ConfigEntry[]>();
  for (const entry of entries) {
    const flag = entry.path.join('.');
    const group = byFlag.get(flag);
    if (group) group.push(entry);
    else byFlag.set(flag, [entry]);
  }
  for (const [flag, group] of byFlag) {
    const values = [...new Set(group.map((entry) => String(entry.value)))];
    if (values.length < 2 || !group.some((entry) => conditional.has(entry))) continue;
    for (const entry of group) {
      entry.unresolved = `${flag} is ${values.join(' or ')} depending on a branch of the script`;
      entry.value = null;
    }
  }
  return entries;
}

type Part =
  | { kind: 'text'; text: string; span: Span }
  | { kind: 'var'; name: string; span: Span; operator?: string; operand?: Part[] }
  | { kind: 'opaque'; span: Span; reason: string };

/** One shell word; `fields` are its pieces after splitting on quoted whitespace too. */
interface WordToken {
  type: 'word';
  fields: Part[][];
  span: Span;
}

type Token = WordToken | { type: 'separator' } | { type: 'open' } | { type: 'close' };

const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;

class Scanner {
  readonly errors: SyntaxError[] = [];
  private readonly tokens: Token[] = [];
  private fields: Part[][] = [];
  private field: Part[] = [];
  private wordStart = -1;
  private pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private i = 0;
  /** Where the current piece must stop: the end of the text, or of a `${...}` operand. */
  private limit: number;

  constructor(private readonly text: string) {
    this.limit = text.length;
  }

  run(): Token[] {
    const text = this.text;
    while (this.i < text.length) {
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
        this.tokens.push({ type: 'separator' });
        this.i++;
        this.skipHeredocs();
      } else if (char === '#' && this.wordStart < 0) {
        while (this.i < text.length && text[this.i] !== '\n') this.i++;
      } else if (char === ';' || char === '&' || char === '|') {
        this.endWord();
        this.tokens.push({ type: 'separator' });
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
        this.tokens.push({ type: 'separator' });
      } else if (char === '(') {
        this.endWord();
        this.tokens.push({ type: 'open' });
        this.i++;
      } else if (char === ')') {
        this.endWord();
        this.tokens.push({ type: 'close' });
        this.i++;
      } else {
        this.startWord();
        this.readWordPiece(false);
      }
    }
    this.endWord();
    return this.tokens;
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
      this.field.push(...this.readExpansion());
    } else if (char === '`') {
      const start = this.i;
      const end = text.indexOf('`', start + 1);
      this.i = end < 0 ? text.length : end + 1;
      if (end < 0) this.error(start, 1, 'Unterminated backquote');
      this.field.push({ kind: 'opaque', span: { offset: start, length: this.i - start }, reason: 'set by a command substitution' });
    } else {
      const start = this.i;
      const stop = inDoubleQuotes ? /["\\$`\s]/ : /[\s"'\\$`;&|<>()]/;
      while (this.i < this.limit && !stop.test(text[this.i])) this.i++;
      if (this.i === start) this.i++;
      this.pushText(text.slice(start, this.i), start, this.i - start);
    }
  }

  private readQuoted(quote: string): void {
    const text = this.text;
    const open = this.i;
    this.i++;
    const lineEnd = text.indexOf('\n', open);
    const saved = { fields: this.fields.length, field: [...this.field] };
    while (this.i < text.length && text[this.i] !== quote) {
      const char = text[this.i];
      if (/\s/.test(char)) {
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
        const stop = quote === '"' ? /["\\$`\s]/ : /['\s]/;
        while (this.i < text.length && !stop.test(text[this.i])) this.i++;
        if (this.i === start) this.i++;
        this.pushText(text.slice(start, this.i), start, this.i - start);
      }
    }
    if (this.i >= text.length) {
      this.error(open, 1, `Unterminated ${quote === '"' ? 'double' : 'single'} quote`);
      // Recover: take the string as ending at its own line so the rest of the file is still read.
      this.fields = this.fields.slice(0, saved.fields);
      this.field = saved.field;
      this.i = lineEnd < 0 ? text.length : lineEnd;
      this.pushText(text.slice(open + 1, this.i), open + 1, this.i - open - 1);
      return;
    }
    this.i++;
  }

  private readExpansion(): Part[] {
    const text = this.text;
    const start = this.i;
    if (text.startsWith('$((', start)) {
      this.i = this.matching(start + 3, '((', '))');
      return [{ kind: 'opaque', span: this.from(start), reason: `set by arithmetic ${text.slice(start, this.i)}, not resolved statically` }];
    }
    if (text.startsWith('$(', start)) {
      this.i = this.matching(start + 2, '(', ')');
      return [{ kind: 'opaque', span: this.from(start), reason: 'set by a command substitution' }];
    }
    if (text.startsWith('${', start)) {
      this.i = this.matching(start + 2, '{', '}');
      return [this.braceExpansion(start, this.i)];
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(start + 1, start + 200));
    if (name) {
      this.i = start + 1 + name[0].length;
      return [{ kind: 'var', name: name[0], span: this.from(start) }];
    }
    if (SPECIAL_PARAMETER.test(text[start + 1] ?? '')) {
      this.i = start + 2;
      return [{ kind: 'opaque', span: this.from(start), reason: `set by the caller (${text.slice(start, this.i)})` }];
    }
    this.i = start + 1;
    return [{ kind: 'text', text: '$', span: { offset: start, length: 1 } }];
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
    return { kind: 'var', name, span, operator, operand: this.readOperand(operandStart, operandStart + operandText.length) };
  }

  /** The word after `:-` / `:=` inside `${...}`: text, quotes and nested expansions. */
  private readOperand(start: number, end: number): Part[] {
    const saved = { i: this.i, limit: this.limit, field: this.field, fields: this.fields };
    this.i = start;
    this.limit = end;
    this.field = [];
    this.fields = [];
    while (this.i < end) this.readWordPiece(false);
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
    this.field.push({ kind: 'text', text, span: { offset, length } });
  }

  private breakField(): void {
    if (this.field.length > 0) this.fields.push(this.field);
    this.field = [];
  }

  private endWord(): void {
    if (this.wordStart < 0) return;
    this.breakField();
    if (this.fields.length > 0) {
      this.tokens.push({ type: 'word', fields: this.fields, span: { offset: this.wordStart, length: this.i - this.wordStart } });
    } else {
      // An empty string ("") is still a word: a flag followed by "" has an empty value.
      this.tokens.push({ type: 'word', fields: [[{ kind: 'text', text: '', span: { offset: this.wordStart + 1, length: 0 } }]], span: { offset: this.wordStart, length: this.i - this.wordStart } });
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

interface Resolved {
  value: string;
  /** The literal a person would edit; the whole word when it is made of several pieces. */
  span: Span;
  /** The `$NAME` where the value is used, when the literal is written elsewhere. */
  usedAt?: Span;
  unresolved?: string;
}

interface Variable {
  resolved: Resolved;
  /** Arrays and strings of several words hold flags, not a value. */
  multiword: boolean;
  /** The values it may hold when branches of the script assign it differently. */
  alternatives?: string[];
}

const DECLARATION_COMMANDS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
/** Compound commands: what runs inside them depends on a condition shapelint does not evaluate. */
const BLOCK_OPENERS = new Set(['if', 'case', 'for', 'while', 'until', 'select']);
const BLOCK_CLOSERS = new Set(['fi', 'esac', 'done']);
/** Words that start a branch's commands (`then A=1`) or a condition (`elif [ ... ]`). */
const BRANCH_WORDS = new Set(['then', 'else', 'do']);
const FLAG = /^--[A-Za-z][\w.-]*/;
const HYDRA_OVERRIDE = /^\+{0,2}([A-Za-z_][\w-]*(?:\.[\w-]+)+)=/;

class Interpreter {
  readonly entries: ConfigEntry[] = [];
  /** Entries read inside an if/case/loop body. */
  readonly conditionalEntries = new Set<ConfigEntry>();
  private readonly variables = new Map<string, Variable>();
  /** How many compound commands the current statement is inside. */
  private depth = 0;

  constructor(private readonly text: string) {}

  run(tokens: Token[]): void {
    let statement: WordToken[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.type === 'word') {
        statement.push(token);
        continue;
      }
      const last = statement[statement.length - 1];
      if (token.type === 'open' && last && this.assignmentName(last) !== undefined && statement.length === this.assignmentIndex(statement) + 1) {
        const words: WordToken[] = [];
        index++;
        while (index < tokens.length && tokens[index].type !== 'close') {
          const inner = tokens[index];
          if (inner.type === 'word') words.push(inner);
          index++;
        }
        this.runStatement(statement.slice(0, -1));
        this.assignArray(last, words);
        statement = [];
        continue;
      }
      this.runStatement(statement);
      statement = [];
    }
    this.runStatement(statement);
  }

  /**
   * Tracks if/case/loop nesting from the reserved words a statement starts with, and returns the
   * command left to run: none for a condition or loop header, the rest after `then`/`else`/`do`.
   */
  private enterBlocks(statement: WordToken[]): WordToken[] {
    let start = 0;
    while (start < statement.length) {
      const word = plainText(statement[start]);
      if (word === undefined) break;
      if (BLOCK_OPENERS.has(word)) {
        this.depth++;
        return [];
      }
      if (word === 'elif') return [];
      if (BLOCK_CLOSERS.has(word)) this.depth = Math.max(0, this.depth - 1);
      else if (!BRANCH_WORDS.has(word)) break;
      start++;
    }
    return statement.slice(start);
  }

  /** Index of the first assignment word after declaration commands and their options. */
  private assignmentIndex(statement: WordToken[]): number {
    let index = 0;
    while (index < statement.length) {
      const word = plainText(statement[index]);
      if (word !== undefined && (DECLARATION_COMMANDS.has(word) || (index > 0 && /^-\w+$/.test(word)))) index++;
      else break;
    }
    return index;
  }

  private runStatement(whole: WordToken[]): void {
    const statement = this.enterBlocks(whole);
    if (statement.length === 0) return;
    let index = this.assignmentIndex(statement);
    const declared = index > 0;
    while (index < statement.length && this.assignmentName(statement[index]) !== undefined) {
      this.assignScalar(statement[index]);
      index++;
    }
    if (declared) return;
    const fields = statement.slice(index).flatMap((word) => word.fields);
    this.readFlags(fields);
  }

  private assignmentName(word: WordToken): string | undefined {
    const first = word.fields[0]?.[0];
    if (first?.kind !== 'text') return undefined;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(first.text);
    return match ? match[1] : undefined;
  }

  private assignScalar(word: WordToken): void {
    const name = this.assignmentName(word) as string;
    const [first, ...rest] = word.fields;
    const valueFields = [dropPrefix(first, first[0].kind === 'text' ? first[0].text.indexOf('=') + 1 : 0), ...rest].filter((field) => field.length > 0);
    if (valueFields.length > 1) {
      this.readFlags(valueFields);
      const span = { offset: valueFields[0][0].span.offset, length: word.span.offset + word.span.length - valueFields[0][0].span.offset };
      this.variables.set(name, { resolved: { value: spanText(this.text, span), span }, multiword: true });
      return;
    }
    const valueField = valueFields[0] ?? [];
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: '', span: { offset: word.span.offset + word.span.length, length: 0 } };
    const holdsFlag = FLAG.test(resolved.value);
    if (holdsFlag) this.readFlags(valueFields);
    this.variables.set(name, { resolved, multiword: holdsFlag || (!resolved.unresolved && /\s/.test(resolved.value.trim())), alternatives: this.alternativesAfter(name, resolved) });
  }

  /** Straight-line code replaces a value; a branch adds one more possibility. */
  private alternativesAfter(name: string, resolved: Resolved): string[] | undefined {
    if (this.depth === 0) return undefined;
    const previous = this.variables.get(name);
    if (!previous) return undefined;
    const values = new Set([...(previous.alternatives ?? [previous.resolved.value]), resolved.value]);
    return values.size > 1 ? [...values] : undefined;
  }

  private assignArray(word: WordToken, elements: WordToken[]): void {
    const name = this.assignmentName(word) as string;
    this.readFlags(elements.flatMap((element) => element.fields));
    const span = word.span;
    this.variables.set(name, { resolved: { value: '', span, unresolved: `$${name} is an array` }, multiword: true });
  }

  /** Pairs each `--flag` with the field after it unless that is another flag or a list of words. */
  private readFlags(fields: Part[][]): void {
    const resolvedFields = fields.map((field) => ({ field, resolved: this.resolve(field) }));
    for (let index = 0; index < resolvedFields.length; index++) {
      const { field } = resolvedFields[index];
      const head = field[0];
      if (head?.kind !== 'text') continue;
      const override = HYDRA_OVERRIDE.exec(head.text);
      if (override) {
        const keySpan = { offset: head.span.offset + override[0].indexOf(override[1]), length: override[1].length };
        this.pushValue(override[1].split('.'), keySpan, dropPrefix(field, override[0].length));
        continue;
      }
      const flag = FLAG.exec(head.text);
      if (!flag) continue;
      const keySpan = { offset: head.span.offset, length: flag[0].length };
      if (head.text[flag[0].length] === '=') {
        this.pushValue([flag[0]], keySpan, dropPrefix(field, flag[0].length + 1));
        continue;
      }
      const next = resolvedFields[index + 1];
      if (next && this.isValue(next.field, next.resolved)) {
        this.record(entryOf([flag[0]], keySpan, next.resolved));
        index++;
      } else {
        this.record({ path: [flag[0]], keySpan, value: true, valueSpan: keySpan });
      }
    }
  }

  private pushValue(path: string[], keySpan: Span, valueField: Part[]): void {
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: '', span: { offset: keySpan.offset + keySpan.length + 1, length: 0 } };
    this.record(entryOf(path, keySpan, resolved));
  }

  private record(entry: ConfigEntry): void {
    this.entries.push(entry);
    if (this.depth > 0) this.conditionalEntries.add(entry);
  }

  private isValue(field: Part[], resolved: Resolved): boolean {
    const head = field[0];
    if (head?.kind === 'text' && FLAG.test(head.text)) return false;
    if (head?.kind === 'opaque' && /\[[@*]\]/.test(spanText(this.text, head.span))) return false;
    if (field.length === 1 && head?.kind === 'var') {
      const variable = this.variables.get(head.name);
      if (variable?.multiword) return false;
    }
    return !FLAG.test(resolved.value);
  }

  /** Expands one field as bash would at this point, remembering where its literal is. */
  private resolve(field: Part[]): Resolved {
    const pieces = field.map((part) => this.resolvePart(part));
    const unresolved = pieces.find((piece) => piece.unresolved)?.unresolved;
    const value = pieces.map((piece) => piece.value).join('');
    const contributing = pieces.filter((piece) => piece.value !== '' || piece.unresolved);
    if (contributing.length === 1) return { ...contributing[0], unresolved };
    const first = field[0].span;
    const last = field[field.length - 1].span;
    const span = { offset: first.offset, length: last.offset + last.length - first.offset };
    return { value, span, unresolved };
  }

  private resolvePart(part: Part): Resolved {
    if (part.kind === 'text') return { value: part.text, span: part.span };
    if (part.kind === 'opaque') return { value: spanText(this.text, part.span), span: part.span, usedAt: part.span, unresolved: part.reason };
    const variable = this.variables.get(part.name);
    const isSet = variable !== undefined && (variable.resolved.value !== '' || !part.operator?.startsWith(':'));
    const operator = part.operator?.replace(':', '');
    if (operator === '-' || operator === '=') {
      if (isSet) return this.through(variable.resolved, part.span);
      const fallback = part.operand && part.operand.length > 0 ? this.resolve(part.operand) : { value: '', span: { offset: part.span.offset + part.span.length - 1, length: 0 } };
      if (operator === '=') this.variables.set(part.name, { resolved: fallback, multiword: false });
      return this.through(fallback, part.span);
    }
    if (operator !== undefined) return { value: '', span: part.span, usedAt: part.span, unresolved: `\${${part.name}${part.operator}...} is not resolved statically` };
    if (!variable) return { value: '', span: part.span, usedAt: part.span, unresolved: `$${part.name} is not set in this file` };
    if (variable.alternatives) {
      return { ...this.through(variable.resolved, part.span), unresolved: `$${part.name} is ${variable.alternatives.join(' or ')} depending on a branch of the script` };
    }
    return this.through(variable.resolved, part.span);
  }

  /** The value of a variable where it is used: the literal stays where it was written. */
  private through(resolved: Resolved, usedAt: Span): Resolved {
    return { ...resolved, usedAt };
  }
}

function entryOf(path: string[], keySpan: Span, resolved: Resolved): ConfigEntry {
  const entry: ConfigEntry = { path, keySpan, value: resolved.value, valueSpan: resolved.span };
  if (resolved.usedAt) entry.usedAt = resolved.usedAt;
  if (resolved.unresolved) {
    entry.unresolved = resolved.unresolved;
    entry.value = null;
  }
  return entry;
}

/** The field without its first `count` characters (`--flag=`, `NAME=`, `model.x=`). */
function dropPrefix(field: Part[], count: number): Part[] {
  const [head, ...rest] = field;
  if (head?.kind !== 'text') return field;
  const remainder = head.text.slice(count);
  if (remainder === '') return rest;
  return [{ kind: 'text', text: remainder, span: { offset: head.span.offset + count, length: head.span.length - count } }, ...rest];
}

function plainText(word: WordToken): string | undefined {
  if (word.fields.length !== 1) return undefined;
  const parts = word.fields[0];
  return parts.every((part) => part.kind === 'text') ? parts.map((part) => (part as { text: string }).text).join('') : undefined;
}

function spanText(text: string, span: Span): string {
  return text.slice(span.offset, span.offset + span.length);
}
