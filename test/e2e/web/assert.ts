// The few assertions the web suite needs: Node's assert is not in the web worker host.
export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new Error(`${message}${message ? ': ' : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function match(text: string, pattern: RegExp, message = ''): void {
  if (!pattern.test(text)) throw new Error(`${message}${message ? ': ' : ''}${JSON.stringify(text.slice(0, 300))} does not match ${pattern}`);
}
