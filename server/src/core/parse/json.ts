import { createScanner, printParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import { errorSpan, type ConfigDocument, type ConfigEntry, type ScalarValue, type Span, type SyntaxError } from '../model/document';

/**
 * JSON with comments and trailing commas (as people write config.json by hand) flattened into
 * entries; jsonc-parser recovers after an error, so the rest of the file is still read. Entries
 * are made from jsonc-parser's visitor as it scans, with no syntax tree in between: a 5 MB file
 * costs its entries and nothing more.
 */
export function parseJson(text: string): ConfigDocument {
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== undefined) {
    // jsonc-parser recurses per level; no model config nests like this.
    const notRead = [{ span: errorSpan(text, tooDeep, 1), message: `Nested more than ${MAX_JSON_DEPTH} levels deep, deeper than shapelint reads; nothing in this file is checked.` }];
    return { syntax: 'json', text, entries: [], errors: [], notRead };
  }
  const entries: ConfigEntry[] = [];
  const errors: SyntaxError[] = [];
  /** The open objects and arrays, innermost last. */
  const containers: Container[] = [];
  /** Where the next value goes: the key it belongs to, or its index in an array. */
  const place = (): { path: string[]; keySpan?: Span } | undefined => {
    const parent = containers[containers.length - 1];
    if (!parent) return { path: [] };
    parent.filled = true;
    if (parent.kind === 'array') return { path: [...parent.path, String(parent.index++)] };
    const key = parent.key;
    if (!key) return undefined;
    parent.key = undefined;
    return { path: [...parent.path, key.name], keySpan: key.span };
  };
  /** A key whose value never came (`"a": ,`) is an entry without a value, right after its colon. */
  const closeKey = () => {
    const parent = containers[containers.length - 1];
    if (parent?.kind !== 'object' || !parent.key) return;
    const { name, span, colon } = parent.key;
    parent.key = undefined;
    parent.filled = true;
    entries.push({ path: [...parent.path, name], keySpan: span, value: null, valueSpan: { offset: (colon ?? span.offset + span.length) + 1, length: 0 } });
  };
  const open = (kind: Container['kind'], begin: number) => {
    const at = place();
    containers.push({ kind, path: at?.path ?? [], index: 0, begin, keySpan: at?.keySpan, filled: false });
  };
  /** `[]` or `{}` as a value: one entry marked empty, so that it is told apart from an absent key. */
  const close = (offset: number, length: number) => {
    const container = containers.pop();
    if (!container || container.filled || container.path.length === 0) return;
    const valueSpan = { offset: container.begin, length: offset + length - container.begin };
    entries.push({ path: container.path, keySpan: container.keySpan ?? valueSpan, value: null, valueSpan, empty: container.kind === 'array' ? 'list' : 'map' });
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open('object', offset),
      onArrayBegin: (offset) => open('array', offset),
      onObjectProperty: (name, offset, length) => {
        closeKey();
        const parent = containers[containers.length - 1];
        if (parent?.kind === 'object') parent.key = { name, span: { offset, length } };
      },
      onSeparator: (separator, offset) => {
        const parent = containers[containers.length - 1];
        if (separator === ':' && parent?.kind === 'object' && parent.key) parent.key.colon = offset;
        else if (separator === ',') closeKey();
      },
      onObjectEnd: (offset, length) => {
        closeKey();
        close(offset, length);
      },
      onArrayEnd: (offset, length) => close(offset, length),
      onLiteralValue: (_value, offset, length) => {
        const at = place();
        if (!at) return;
        const valueSpan = { offset, length };
        entries.push({ path: at.path, keySpan: at.keySpan ?? valueSpan, value: literalValue(text, valueSpan, _value), valueSpan });
      },
      onError: (error, offset, length) => {
        errors.push({ span: errorSpan(text, offset, length), message: describe(printParseErrorCode(error)) });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  // A value at the top level is not a config entry.
  return { syntax: 'json', text, entries: entries.filter((entry) => entry.path.length > 0), errors };
}

interface Container {
  kind: 'object' | 'array';
  path: string[];
  /** Arrays: the index of the next element. */
  index: number;
  /** Objects: the key read, waiting for its value. */
  key?: { name: string; span: Span; colon?: number };
  /** Where it opens, and the key it is the value of: an empty one is an entry of its own. */
  begin: number;
  keySpan?: Span;
  filled: boolean;
}

const MAX_JSON_DEPTH = 1000;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A number jsonc-parser recovered from a malformed literal (`502e`) stays the text it is, for the readers to reject. */
function literalValue(text: string, span: Span, value: unknown): ScalarValue {
  if (typeof value !== 'number') return value as ScalarValue;
  const literal = text.slice(span.offset, span.offset + span.length);
  return JSON_NUMBER.test(literal) ? value : literal;
}

/** The offset of the first bracket that opens a level deeper than MAX_JSON_DEPTH, if any. */
function firstTooDeep(text: string): number | undefined {
  // Fewer brackets than the bound cannot nest past it: the usual case, decided without a scan.
  let brackets = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at >= 0 && brackets <= MAX_JSON_DEPTH; at = text.indexOf(bracket, at + 1)) brackets++;
  }
  if (brackets <= MAX_JSON_DEPTH) return undefined;
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (first) => first.toUpperCase());
}
