import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { parseJson } from './json';
import { resolvePlainScalar, type YamlLoader } from './yaml11';
import { errorSpan, markSharedLiterals, type ConfigDocument, type ConfigEntry, type ScalarValue, type Span, type SyntaxError } from '../model/document';

/**
 * YAML (block or brace style, comments, trailing commas, `True`) flattened into entries with
 * the spans of keys and scalar literals. A file that does not parse still yields what the
 * parser recovered, plus a line-by-line salvage of the `key: value` lines it lost, so a file
 * broken mid-typing keeps its diagnostics everywhere else.
 */
export function parseYaml(text: string, loader?: YamlLoader): ConfigDocument {
  const document = jsonWithHashComments(text) ?? composeYaml(text);
  if (loader) retypePlainScalars(document, loader);
  return document;
}

/** A value written without quotes, tag, anchor, block or flow syntax, on one line. */
const PLAIN_SCALAR = /^[^"'!&*|>[{\n]*$/;

/** Each plain scalar typed as the framework's loader types it (`262_144` is a number to PyYAML). */
function retypePlainScalars(document: ConfigDocument, loader: YamlLoader): void {
  for (const entry of document.entries) {
    if (entry.value === null && entry.valueSpan.length === 0) continue;
    const raw = document.text.slice(entry.valueSpan.offset, entry.valueSpan.offset + entry.valueSpan.length);
    if (PLAIN_SCALAR.test(raw)) entry.value = resolvePlainScalar(raw.trim(), loader);
  }
}

/** The file composed by the `yaml` package: what every YAML file means, at its cost. */
export function composeYaml(text: string): ConfigDocument {
  const entries: ConfigEntry[] = [];
  const errors: SyntaxError[] = [];
  const parsed = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    flatten(document, text, entries);
    for (const error of document.errors) {
      const [start, end] = error.pos;
      errors.push({ span: errorSpan(text, start, end - start), message: firstLine(error.message) });
    }
  }
  if (errors.length > 0) salvageLines(text, entries);
  markSharedLiterals(entries);
  return { syntax: 'yaml', text, entries, errors };
}

/**
 * GPT-NeoX writes YAML as JSON with `#` comments. Such a file means the same read as JSON, and
 * jsonc-parser reads it some fifty times faster than `yaml` composes it (measured in
 * docs/performance.md), so it is read that way when it parses as JSON cleanly once its comments
 * are blanked (offsets unchanged); anything else, or any doubt, goes to the YAML parser.
 */
function jsonWithHashComments(text: string): ConfigDocument | undefined {
  if (!/^(?:\s|#[^\n]*)*\{/.test(text)) return undefined;
  const blanked = blankHashComments(text);
  if (blanked === undefined) return undefined;
  const document = parseJson(blanked);
  return document.errors.length === 0 ? { ...document, syntax: 'yaml', text } : undefined;
}

/** YAML's other spellings of JSON's literals (core schema), each as long as its JSON form. */
const YAML_LITERALS = new Map([
  ['True', 'true'],
  ['TRUE', 'true'],
  ['False', 'false'],
  ['FALSE', 'false'],
  ['Null', 'null'],
  ['NULL', 'null'],
]);

const QUOTE = 34; // "
const APOSTROPHE = 39;
const BACKSLASH = 92;
const HASH = 35;
const NEWLINE = 10;

/**
 * `#` comments (at a line start or after a blank, outside double quotes) replaced by spaces, and
 * `True`/`False`/`Null` by their JSON spelling; undefined on a single quote. One pass over char codes.
 */
function blankHashComments(text: string): string | undefined {
  const out: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === APOSTROPHE) return undefined;
    else if (code === HASH && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out.push(text.slice(from, i), ' '.repeat(stop - i));
      from = stop;
      i = stop - 1;
    } else if ((code === 84 || code === 70 || code === 78) && !isWordChar(text.charCodeAt(i - 1))) {
      // T, F, N: a YAML spelling of true, false or null?
      let end = i + 1;
      while (end < text.length && end - i < 6 && isWordChar(text.charCodeAt(end))) end++;
      const literal = YAML_LITERALS.get(text.slice(i, end));
      if (literal) {
        out.push(text.slice(from, i), literal);
        from = end;
      }
      i = end - 1;
    }
  }
  out.push(text.slice(from));
  return out.join('');
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === NEWLINE || code === 13;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Entries reached through aliases of collections, at most: `&a [*b, *b, ...]` chains grow exponentially. */
const MAX_ALIASED_ENTRIES = 10_000;

interface Pending {
  node: unknown;
  path: string[];
  /** The alias this node was reached through, where a value is used but not written. */
  usedAt?: Span;
}

/** Depth-first with an explicit stack, in document order; aliases read as the node they name. */
function flatten(document: Document, text: string, entries: ConfigEntry[]): void {
  let aliased = 0;
  const stack: Pending[] = [{ node: document.contents, path: [] }];
  const push = (children: Pending[]) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  };
  /** `ownAlias`: the alias is this key's own value (not one of a whole collection), so a literal may replace it. */
  const emit = (entry: ConfigEntry, usedAt: Span | undefined, ownAlias: boolean) => {
    if (usedAt) {
      if (++aliased > MAX_ALIASED_ENTRIES) return;
      entry.usedAt = usedAt;
      if (ownAlias) entry.reference = usedAt;
    }
    entries.push(entry);
  };
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path, usedAt } = item;
    if (isMap(node)) {
      const children: Pending[] = [];
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key) || !key.range) continue;
        const keySpan = spanOf(key.range);
        const childPath = [...path, String(key.value)];
        const value = pair.value as YamlNode | null;
        const target = isAlias(value) && value.range ? { node: value.resolve(document), usedAt: usedAt ?? spanOf(value.range) } : { node: value, usedAt };
        const ownAlias = usedAt === undefined && target.usedAt !== undefined;
        if (target.node === null || target.node === undefined || (isScalar(target.node) && target.node.range && target.node.range[0] === target.node.range[1])) {
          emit({ path: childPath, keySpan, value: null, valueSpan: { offset: afterColon(text, keySpan), length: 0 } }, target.usedAt, ownAlias);
        } else if (isScalar(target.node) && target.node.range) {
          emit({ path: childPath, keySpan, value: scalarValue(target.node.value), valueSpan: spanOf(target.node.range) }, target.usedAt, ownAlias);
        } else if (target.usedAt === undefined || aliased <= MAX_ALIASED_ENTRIES) {
          children.push({ node: target.node, path: childPath, usedAt: target.usedAt });
        }
      }
      push(children);
    } else if (isSeq(node)) {
      const children: Pending[] = [];
      node.items.forEach((item, index) => {
        const child = item as YamlNode | null;
        const target = isAlias(child) && child.range ? { node: child.resolve(document), usedAt: usedAt ?? spanOf(child.range) } : { node: child, usedAt };
        if (isScalar(target.node) && target.node.range) {
          const span = spanOf(target.node.range);
          emit({ path: [...path, String(index)], keySpan: span, value: scalarValue(target.node.value), valueSpan: span }, target.usedAt, usedAt === undefined && target.usedAt !== undefined);
        } else if (target.usedAt === undefined || aliased <= MAX_ALIASED_ENTRIES) {
          children.push({ node: target.node, path: [...path, String(index)], usedAt: target.usedAt });
        }
      });
      push(children);
    }
  }
  // Document order (an aliased value where its alias is), as readers expect: the last of two equal keys wins.
  entries.sort((a, b) => (a.usedAt ?? a.keySpan).offset - (b.usedAt ?? b.keySpan).offset);
}

function spanOf(range: readonly [number, number, number]): Span {
  return { offset: range[0], length: range[1] - range[0] };
}

function afterColon(text: string, keySpan: Span): number {
  const end = keySpan.offset + keySpan.length;
  const colon = text.indexOf(':', end);
  return colon >= 0 && colon - end < 4 ? colon + 1 : end;
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

const SALVAGE_LINE = /^([ \t]*)(?:"([^"\n]+)"|'([^'\n]+)'|([A-Za-z_][\w.-]*))[ \t]*:(?:[ \t]+|$)(.*)$/;

/**
 * Reads `key: value` lines by indentation for the keys the parser lost. Only plain scalars
 * are taken: anything that looks like the start of a collection or an unterminated quote is
 * left alone rather than guessed at.
 */
function salvageLines(text: string, entries: ConfigEntry[]): void {
  const known = new Set(entries.map((entry) => entry.path.join('\u0000')));
  const parents: { indent: number; key: string }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const match = SALVAGE_LINE.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const indent = match[1].length;
    const key = match[2] ?? match[3] ?? match[4];
    while (parents.length > 0 && parents[parents.length - 1].indent >= indent) parents.pop();
    const path = [...parents.map((parent) => parent.key), key];
    const rawValue = stripComment(match[5]).replace(/,\s*$/, '').trim();
    if (rawValue === '' || rawValue === '{' || rawValue === '[') {
      parents.push({ indent, key });
      continue;
    }
    if (known.has(path.join('\u0000')) || /^["'[{]/.test(rawValue) && !/^(".*"|'.*')$/.test(rawValue)) continue;
    const keyOffset = lineStart + indent;
    const keyLength = match[4] === undefined ? key.length + 2 : key.length;
    const valueOffset = lineStart + line.indexOf(rawValue, indent + keyLength);
    entries.push({
      path,
      keySpan: { offset: keyOffset, length: keyLength },
      value: plainScalar(rawValue),
      valueSpan: { offset: valueOffset, length: rawValue.length },
    });
    known.add(path.join('\u0000'));
  }
}

function stripComment(value: string): string {
  const hash = value.search(/(^|[ \t])#/);
  return hash < 0 ? value : value.slice(0, hash);
}

function plainScalar(raw: string): ScalarValue {
  if (/^(".*"|'.*')$/.test(raw)) return raw.slice(1, -1);
  if (/^[-+]?\d+$/.test(raw)) return Number(raw);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(raw)) return Number(raw);
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  if (/^(null|Null|NULL|~)$/.test(raw)) return null;
  return raw;
}
