/**
 * Bash arithmetic `$(( ... ))` over integers, as bash computes it (+ - * / % and parentheses,
 * division truncating toward zero), when every name in it holds an integer the script sets.
 * Anything else (an unset or non-numeric name, another operator, division by zero) is not
 * evaluated: the caller keeps it unresolved, never guesses.
 */
export type ArithmeticResult = { value: number; shown: string } | { unresolved: string };

/** `name` → its integer as a decimal string, or why it has none. */
export type NameValue = (name: string) => { value: string } | { unresolved: string };

const TOKEN = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)|\$\{([A-Za-z_]\w*)\}|\$?([A-Za-z_]\w*)|([-+*/%()]))/y;

type Token = { number: number; text: string } | { operator: string };

export function evaluateArithmetic(expression: string, valueOf: NameValue): ArithmeticResult {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match) return { unresolved: `$((${expression})) uses arithmetic shapelint does not evaluate` };
    const [, number, braced, name, operator] = match;
    if (number !== undefined) tokens.push({ number: Number(number), text: number });
    else if (operator !== undefined) tokens.push({ operator });
    else {
      const looked = valueOf(braced ?? name);
      if ('unresolved' in looked) return looked;
      if (!/^\s*-?\d+\s*$/.test(looked.value)) return { unresolved: `$${braced ?? name} in $((${expression})) is not an integer` };
      tokens.push({ number: Number(looked.value), text: looked.value.trim() });
    }
  }
  const parser = new Parser(tokens);
  const value = parser.expression();
  if (value === undefined || !parser.done()) return { unresolved: `$((${expression})) is not arithmetic shapelint evaluates` };
  if (!Number.isSafeInteger(value)) return { unresolved: `$((${expression})) divides by zero or overflows` };
  return { value, shown: tokens.map((token) => ('operator' in token ? token.operator : token.text)).join('') };
}

/** Recursive descent over bash's precedence: unary ±, then * / %, then + -. */
class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  expression(): number | undefined {
    let left = this.term();
    while (left !== undefined && this.peek('+', '-')) {
      const operator = this.take();
      const right = this.term();
      if (right === undefined) return undefined;
      left = operator === '+' ? left + right : left - right;
    }
    return left;
  }

  private term(): number | undefined {
    let left = this.unary();
    while (left !== undefined && this.peek('*', '/', '%')) {
      const operator = this.take();
      const right = this.unary();
      if (right === undefined) return undefined;
      if (operator !== '*' && right === 0) return NaN;
      left = operator === '*' ? left * right : operator === '/' ? Math.trunc(left / right) : left % right;
    }
    return left;
  }

  private unary(): number | undefined {
    if (this.peek('-', '+')) {
      const operator = this.take();
      const operand = this.unary();
      return operand === undefined ? undefined : operator === '-' ? -operand : operand;
    }
    const token = this.tokens[this.at];
    if (token === undefined) return undefined;
    this.at++;
    if ('number' in token) return token.number;
    if (token.operator !== '(') return undefined;
    const inner = this.expression();
    if (inner === undefined || !this.peek(')')) return undefined;
    this.at++;
    return inner;
  }

  private peek(...operators: string[]): boolean {
    const token = this.tokens[this.at];
    return token !== undefined && 'operator' in token && operators.includes(token.operator);
  }

  private take(): string {
    const token = this.tokens[this.at++];
    return 'operator' in token ? token.operator : '';
  }
}
