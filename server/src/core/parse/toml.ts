import { parseTOML, type AST } from 'toml-eslint-parser';
import { errorSpan, type ConfigDocument, type ConfigEntry, type ScalarValue, type Span } from '../model/document';

/**
 * TOML (torchtitan's train configs) flattened into entries through toml-eslint-parser, whose
 * AST keeps every key's and value's source range: `[training] seq_len = 8192` becomes the entry
 * ['training', 'seq_len'] with the spans of `seq_len` and `8192`; an empty array or inline table
 * is one entry marked `empty`, as in the YAML and JSON readings. TOML has no error recovery
 * here: a file that does not parse yields its error and no entries.
 */
/**
 * torchtitan's train configs are a few kilobytes, and toml-eslint-parser's AST costs about 1.5 s
 * of CPU and 200 MB per MB of TOML (docs/performance.md): a larger file is not read rather than
 * stall the language server for seconds.
 */
export const MAX_TOML_LENGTH = 1024 * 1024;

export function parseToml(text: string): ConfigDocument {
  if (text.length > MAX_TOML_LENGTH) {
    const message = `This TOML file has ${text.length.toLocaleString('en-US')} characters; shapelint reads TOML of up to ${MAX_TOML_LENGTH.toLocaleString('en-US')} (1 MiB), so nothing in it is checked.`;
    return { syntax: 'toml', text, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
  }
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    if (error instanceof RangeError) {
      // toml-eslint-parser recurses per nesting level and spreads a string's characters into one call.
      const message = 'Nested too deep, or a string too long, for the TOML parser shapelint uses (its call stack ran out); the file may be valid, but nothing in it is checked.';
      return { syntax: 'toml', text, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
    }
    const at = error as { index?: number; message?: string };
    return { syntax: 'toml', text, entries: [], errors: [{ span: errorSpan(text, at.index ?? 0, 1), message: at.message ?? String(error) }] };
  }
  const entries: ConfigEntry[] = [];
  // An explicit stack rather than recursion: inline tables and arrays nest without bound.
  const pending: { path: string[]; node: AST.TOMLKeyValue['value'] | AST.TOMLTable | AST.TOMLTopLevelTable; keySpan: Span }[] = [];
  for (const top of program.body) pending.push({ path: [], node: top, keySpan: spanOf(top.range) });
  while (pending.length > 0) {
    const { path, node, keySpan } = pending.pop()!;
    switch (node.type) {
      case 'TOMLTopLevelTable':
      case 'TOMLTable':
      case 'TOMLInlineTable': {
        if (node.type === 'TOMLInlineTable' && node.body.length === 0) {
          entries.push({ path, keySpan, value: null, valueSpan: spanOf(node.range), empty: 'map' });
          break;
        }
        const base = node.type === 'TOMLTable' ? node.resolvedKey.map(String) : path;
        const children = node.body as (AST.TOMLKeyValue | AST.TOMLTable)[];
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i];
          if (child.type === 'TOMLTable') pending.push({ path: [], node: child, keySpan: spanOf(child.key.range) });
          else pending.push({ path: [...base, ...child.key.keys.map(keyName)], node: child.value, keySpan: spanOf(child.key.range) });
        }
        break;
      }
      case 'TOMLArray':
        if (node.elements.length === 0) entries.push({ path, keySpan, value: null, valueSpan: spanOf(node.range), empty: 'list' });
        for (let i = node.elements.length - 1; i >= 0; i--) pending.push({ path: [...path, String(i)], node: node.elements[i], keySpan });
        break;
      case 'TOMLValue':
        entries.push({ path, keySpan, value: scalar(node), valueSpan: spanOf(node.range) });
        break;
    }
  }
  return { syntax: 'toml', text, entries, errors: [] };
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}

function spanOf(range: [number, number]): Span {
  return { offset: range[0], length: range[1] - range[0] };
}

/** Integers come as bigint past 2^53; dates stay as their text. */
function scalar(node: AST.TOMLValue): ScalarValue {
  const value = node.value as unknown;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value instanceof Date ? value.toISOString() : String(value);
}
