import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { errorSpan, type ConfigDocument, type ConfigEntry, type SyntaxError } from '../pipeline/document';

/**
 * JSON with comments and trailing commas (as people write config.json by hand) flattened into
 * entries; jsonc-parser recovers after an error, so the rest of the file is still read.
 */
export function parseJson(text: string): ConfigDocument {
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const entries: ConfigEntry[] = [];
  if (root) flatten(root, [], entries);
  const errors: SyntaxError[] = parseErrors.map((error) => ({
    span: errorSpan(text, error.offset, error.length),
    message: describe(printParseErrorCode(error.error)),
  }));
  return { syntax: 'json', text, entries, errors };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (first) => first.toUpperCase());
}

function flatten(node: JsonNode, path: string[], entries: ConfigEntry[]): void {
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
        flatten(valueNode, childPath, entries);
      } else {
        entries.push({ path: childPath, keySpan, value: valueNode.value, valueSpan: { offset: valueNode.offset, length: valueNode.length } });
      }
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => {
      const childPath = [...path, String(index)];
      if (child.type === 'object' || child.type === 'array') flatten(child, childPath, entries);
      else {
        const span = { offset: child.offset, length: child.length };
        entries.push({ path: childPath, keySpan: span, value: child.value, valueSpan: span });
      }
    });
  }
}
