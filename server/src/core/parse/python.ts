import { markSharedLiterals, type ConfigDocument, type ConfigEntry, type ScalarValue, type Span, type SyntaxError } from '../model/document';

/**
 * nanoGPT-style config modules read as text, never executed: top-level `name = value`
 * assignments whose value is a literal, an earlier name, or simple arithmetic (`5 * 8`).
 * Anything else (calls, comprehensions, conditionals) is an unresolved entry.
 */
export function parsePython(text: string): ConfigDocument {
  const entries: ConfigEntry[] = [];
  const errors: SyntaxError[] = [];
  const names = new Map<string, Evaluated>();
  for (const line of logicalLines(text, errors)) {
    const match = /^([A-Za-z_]\w*)[ \t]*=(?!=)/.exec(line.text);
    if (!match) continue;
    const name = match[1];
    const tokens = tokenize(line.text, line.offset, match[0].length, errors);
    const keySpan = { offset: line.offset, length: name.length };
    if (tokens === undefined) continue;
    const evaluated = new ExpressionReader(tokens, names).read();
    const entry: ConfigEntry = { path: [name], keySpan, value: evaluated.value, valueSpan: evaluated.span };
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
  return { syntax: 'python', text, entries, errors };
}

export interface LogicalLine {
  text: string;
  offset: number;
}

/**
 * Statements: physical lines joined while a bracket is open or a line ends in `\`; top-level
 * ones only unless `indented` (then each without its indentation, function bodies included).
 */
export function logicalLines(text: string, errors: SyntaxError[], indented = false): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let start = 0;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    const continued = text[i - 1] === '\\' || (text[i - 1] === '\r' && text[i - 2] === '\\');
    if (i === text.length || (char === '\n' && depth === 0 && quote === null && !continued)) {
      const line = text.slice(start, i).replace(/\r$/, '');
      const indent = indented ? /^[ \t]*/.exec(line)![0].length : 0;
      if (/^[A-Za-z_]/.test(line.slice(indent))) lines.push({ text: line.slice(indent), offset: start + indent });
      start = i + 1;
      continue;
    }
    if (quote !== null) {
      if (char === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (char === '\n' && quote.length === 1) {
        errors.push({ span: { offset: start, length: i - start }, message: 'Unterminated string' });
        quote = null;
        depth = 0;
        start = i + 1;
      }
    } else if (char === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (char === '"' || char === "'") {
      quote = text.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
      i += quote.length - 1;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
  }
  return lines;
}

export type Token =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'name'; value: string; span: Span }
  | { kind: 'operator'; value: string; span: Span };

/** Blanks between tokens, a backslash line continuation among them. */
const BLANK = String.raw`\s*(?:\\\r?\n\s*)*`;
/**
 * Loops are unrolled (`"[^"\\]*(?:\\.[^"\\]*)*"`, not `"(?:[^"\\]|\\.)*"`): an alternation inside a
 * loop leaves a backtracking entry per character, and a 10 MB string literal overflowed the stack.
 */
const TOKEN = new RegExp(BLANK + /(?:(\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([rRbBuUfF]{0,2}(?:'[^'\\\n]*(?:\\.[^'\\\n]*)*'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"))|([A-Za-z_]\w*)|(\*\*|\/\/|[-+*/%(),.[\]{}:<>=!]+?)|(#.*))/.source, 'y');

export function tokenize(line: string, lineOffset: number, from: number, errors: SyntaxError[]): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  while (TOKEN.lastIndex < line.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(line);
    if (!match) {
      if (new RegExp(`^${BLANK}$`).test(line.slice(start))) break;
      errors.push({ span: { offset: lineOffset + start, length: line.length - start }, message: 'Unexpected character' });
      return undefined;
    }
    const [whole, number, string, name, operator, comment] = match;
    const offset = lineOffset + start + whole.length - (number ?? string ?? name ?? operator ?? comment ?? '').length;
    if (number !== undefined) tokens.push({ kind: 'number', value: Number(number.replace(/_/g, '')), span: { offset, length: number.length } });
    else if (string !== undefined) tokens.push({ kind: 'string', value: unquote(string), span: { offset, length: string.length } });
    else if (name !== undefined) tokens.push({ kind: 'name', value: name, span: { offset, length: name.length } });
    else if (operator !== undefined) tokens.push({ kind: 'operator', value: operator, span: { offset, length: operator.length } });
  }
  return tokens;
}

function unquote(literal: string): string {
  const body = literal.replace(/^[rRbBuUfF]+/, '');
  return body.slice(1, -1).replace(/\\(.)/g, '$1');
}

interface Evaluated {
  value: ScalarValue;
  span: Span;
  usedAt?: Span;
  /** The name, when it is the whole value (maybe in parentheses): a literal may replace it. */
  reference?: Span;
  /** The literals of the names the value is computed from. */
  reads?: Span[];
  unresolved?: string;
}

/** A Map: a name from the file (`toString`) must not find Object.prototype's members. */
const CONSTANTS = new Map<string, ScalarValue>([
  ['True', true],
  ['False', false],
  ['None', null],
]);

/** Recursive descent over + - * / // % ** and parentheses; numbers, strings, constants, names. */
class ExpressionReader {
  private index = 0;
  /** Open parentheses, unary signs and `**` operators around the current term. */
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly names: ReadonlyMap<string, Evaluated>,
  ) {}

  read(): Evaluated {
    const whole = this.wholeSpan();
    if (this.tokens.length === 0) return { value: null, span: whole, unresolved: 'no value' };
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
  private namesRead(): Span[] {
    return this.tokens.flatMap((token) => {
      const named = token.kind === 'name' ? this.names.get(token.value) : undefined;
      return named ? [named.span, ...(named.reads ?? [])] : [];
    });
  }

  /** `-4` and `(4)` are still the literal 4 for spans. */
  private isSingleTerm(): boolean {
    return this.tokens.filter((token) => !(token.kind === 'operator' && '-+()'.includes(token.value))).length === 1;
  }

  private sum(): Evaluated {
    let left = this.product();
    for (let op = this.peekOperator('+', '-'); op; op = this.peekOperator('+', '-')) {
      this.index++;
      left = combine(left, this.product(), op === '+' ? (a, b) => a + b : (a, b) => a - b);
    }
    return left;
  }

  private product(): Evaluated {
    let left = this.unary();
    for (let op = this.peekOperator('*', '/', '//', '%'); op; op = this.peekOperator('*', '/', '//', '%')) {
      this.index++;
      const operations: Record<string, (a: number, b: number) => number> = {
        '*': (a, b) => a * b,
        '/': (a, b) => a / b,
        '//': (a, b) => Math.floor(a / b),
        '%': (a, b) => a - Math.floor(a / b) * b,
      };
      left = combine(left, this.unary(), operations[op]);
    }
    return left;
  }

  private unary(): Evaluated {
    const op = this.peekOperator('-', '+');
    if (op) {
      this.index++;
      const opSpan = this.tokens[this.index - 1].span;
      const operand = this.nested(() => this.unary());
      if (op === '+') return operand;
      const negated = combine({ value: 0, span: operand.span }, operand, (a, b) => a - b);
      // `-x` through a name: the sign and the name are what is written here, not x's literal.
      const written = operand.usedAt ?? operand.span;
      return { ...negated, span: { offset: opSpan.offset, length: written.offset + written.length - opSpan.offset } };
    }
    return this.power();
  }

  private power(): Evaluated {
    const base = this.atom();
    if (this.peekOperator('**')) {
      this.index++;
      // `**` is right-associative: `1 ** 1 ** ...` recurses once per operand, as deep as parentheses.
      return combine(base, this.nested(() => this.unary()), (a, b) => a ** b);
    }
    return base;
  }

  private atom(): Evaluated {
    const token = this.tokens[this.index++];
    if (!token) throw new NotSimple();
    if (token.kind === 'number' || token.kind === 'string') return { value: token.value, span: token.span };
    if (token.kind === 'name') {
      if (CONSTANTS.has(token.value)) return { value: CONSTANTS.get(token.value) as ScalarValue, span: token.span };
      const next = this.tokens[this.index];
      if (next?.kind === 'operator' && '(.['.includes(next.value)) throw new NotSimple();
      const named = this.names.get(token.value);
      if (!named) return { value: null, span: token.span, usedAt: token.span, unresolved: `${token.value} is not set in this file` };
      const reads = [named.span, ...(named.reads ?? [])];
      const resolved: Evaluated = { value: named.value, span: named.span, usedAt: token.span, reference: token.span, reads };
      if (named.unresolved) resolved.unresolved = named.unresolved;
      return resolved;
    }
    if (token.value === '(') {
      const inner = this.nested(() => this.sum());
      if (this.tokens[this.index++]?.value !== ')') throw new NotSimple();
      return inner;
    }
    throw new NotSimple();
  }

  /** The reader recurses once per level: a bound keeps a hostile file from exhausting the stack. */
  private nested(read: () => Evaluated): Evaluated {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new NotSimple(`nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private peekOperator(...operators: string[]): string | undefined {
    const token = this.tokens[this.index];
    return token?.kind === 'operator' && operators.includes(token.value) ? token.value : undefined;
  }

  private wholeSpan(): Span {
    const first = this.tokens[0];
    const last = this.tokens[this.tokens.length - 1];
    if (!first) return { offset: 0, length: 0 };
    return { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset };
  }
}

const MAX_EXPRESSION_DEPTH = 100;

class NotSimple extends Error {
  constructor(message = 'not a literal or simple arithmetic; shapelint does not run Python') {
    super(message);
  }
}

function combine(left: Evaluated, right: Evaluated, operation: (a: number, b: number) => number): Evaluated {
  const unresolved = left.unresolved ?? right.unresolved;
  const reads = [...(left.reads ?? []), ...(right.reads ?? [])];
  if (unresolved) return { value: null, span: left.span, unresolved, reads };
  if (typeof left.value !== 'number' || typeof right.value !== 'number') throw new NotSimple();
  return { value: operation(left.value, right.value), span: left.span, reads };
}
