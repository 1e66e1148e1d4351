import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { errorSpan, type ConfigDocument, type ConfigEntry, type SyntaxError } from '../pipeline/document';

/**
 * JSON with comments and trailing commas (as people write config.json by hand) flattened into
 * entries; jsonc-parser recovers after an error, so the rest of the file is still read.
 */
export function parseJson(text: string): ConfigDocument {
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== undefined) {
    // jsonc-parser recurses per level; no model config nests like this.
    return { syntax: 'json', text, entries: [], errors: [{ span: errorSpan(text, tooDeep, 1), message: `Nested more than ${MAX_JSON_DEPTH} levels deep; shapelint does not read this file` }] };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const entries: ConfigEntry[] = [];
  if (root) flatten(root, entries);
  const errors: SyntaxError[] = parseErrors.map((error) => ({
    span: errorSpan(text, error.offset, error.length),
    message: describe(printParseErrorCode(error.error)),
  }));
  return { syntax: 'json', text, entries, errors };
}

const MAX_JSON_DEPTH = 1000;

/** The offset of the first bracket that opens a level deeper than MAX_JSON_DEPTH, if any. */
function firstTooDeep(text: string): number | undefined {
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

/** Depth-first with an explicit stack: a file nested thousands deep must not exhaust the call stack. */
function flatten(root: JsonNode, entries: ConfigEntry[]): void {
  const stack: { node: JsonNode; path: string[] }[] = [{ node: root, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    const children: { node: JsonNode; path: string[] }[] = [];
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const childPath = [...path, String(keyNode.value)];
        const keySpan = { offset: keyNode.offset, length: keyNode.length };
        if (!valueNode) {
          const colon = property.colonOffset ?? keyNode.offset + keyNode.length;
          entries.push({ path: childPath, keySpan, value: null, valueSpan: { offset: colon + 1, length: 0 } });
        } else if (valueNode.type === 'object' || valueNode.type === 'array') {
          children.push({ node: valueNode, path: childPath });
        } else {
          entries.push({ path: childPath, keySpan, value: valueNode.value, valueSpan: { offset: valueNode.offset, length: valueNode.length } });
        }
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => {
        const childPath = [...path, String(index)];
        if (child.type === 'object' || child.type === 'array') children.push({ node: child, path: childPath });
        else {
          const span = { offset: child.offset, length: child.length };
          entries.push({ path: childPath, keySpan: span, value: child.value, valueSpan: span });
        }
      });
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  // Document order, as readers expect (the last of two equal keys wins).
  entries.sort((a, b) => a.keySpan.offset - b.keySpan.offset);
}
