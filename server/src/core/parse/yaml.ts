import { isAlias, isMap, isNode, isScalar, isSeq, parseAllDocuments, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { parseJson } from './json';
import { resolvePlainScalar, type YamlLoader } from './yaml11';
import { errorSpan, markSharedLiterals, type ConfigDocument, type ConfigEntry, type NotRead, type ScalarValue, type Span, type SyntaxError } from '../model/document';

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

/**
 * The `yaml` package composes about a megabyte a second (docs/performance.md), and model configs
 * are kilobytes: past this a file is not composed, rather than stall the language server. YAML
 * that reads as JSON (GPT-NeoX's) is read up to the 10 MiB every file may have.
 */
export const MAX_COMPOSED_YAML_LENGTH = 6 * 1024 * 1024;

/** The file composed by the `yaml` package: what every YAML file means, at its cost. */
export function composeYaml(text: string): ConfigDocument {
  if (text.length > MAX_COMPOSED_YAML_LENGTH) {
    const message = `This YAML file has ${text.length.toLocaleString('en-US')} characters; shapelint reads YAML of up to ${MAX_COMPOSED_YAML_LENGTH.toLocaleString('en-US')} (6 MiB), or 10 MiB of JSON-shaped YAML as GPT-NeoX writes it, so nothing in it is checked.`;
    return { syntax: 'yaml', text, entries: [], errors: [], notRead: [{ span: { offset: 0, length: 0 }, message }] };
  }
  const entries: ConfigEntry[] = [];
  const errors: SyntaxError[] = [];
  const notRead: NotRead[] = [];
  const parsed = parseAllDocuments(lineBreaksAsNewlines(text), { uniqueKeys: false, prettyErrors: false, strict: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    flatten(document, text, entries);
    let exhausted = false;
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const span = errorSpan(text, start, end - start);
      // The yaml package composes recursively, and reports running out of stack as this error of the node;
      // how many nodes report it depends on the stack left to the caller, so a document says it once.
      if (error.code !== 'RESOURCE_EXHAUSTION') errors.push({ span, message: firstLine(error.message) });
      else if (!exhausted) {
        exhausted = true;
        notRead.push({ span, message: 'Nested deeper than the YAML parser shapelint uses can read (its call stack ran out here); what is nested here is not checked.' });
      }
    }
  }
  if (errors.length > 0) salvageLines(text, entries);
  markSharedLiterals(entries);
  return { syntax: 'yaml', text, entries, errors, ...(notRead.length > 0 ? { notRead } : {}) };
}

/**
 * A lone `\r` is a line break in YAML (and to PyYAML), but not to the yaml package: a CR-only
 * file would read as one comment. Each becomes `\n`, one character for one, so offsets hold.
 */
function lineBreaksAsNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * GPT-NeoX writes YAML as JSON with `#` comments. Such a file means the same read as JSON, and
 * jsonc-parser reads it some fifty times faster than `yaml` composes it (measured in
 * docs/performance.md), so it is read that way when it parses as JSON cleanly once its comments
 * are blanked (offsets unchanged); anything else, or any doubt, goes to the YAML parser.
 */
function jsonWithHashComments(text: string): ConfigDocument | undefined {
  if (text[firstSignificantOffset(text)] !== '{') return undefined;
  const blanked = blankHashComments(text);
  if (blanked === undefined) return undefined;
  const document = parseJson(blanked);
  return document.errors.length === 0 ? { ...document, syntax: 'yaml', text } : undefined;
}

const WHITESPACE = /\s/;

/**
 * Where the first character outside blanks and `#` comments is (the text's length if there is
 * none). A comment ends at a line break, `\n` or `\r` (YAML's, so CR-only files too). A plain
 * scan, one pass: a regular expression for this backtracks exponentially on a banner of `#`s or
 * on CRLF comment lines.
 */
export function firstSignificantOffset(text: string): number {
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === HASH) {
      while (index < text.length && text.charCodeAt(index) !== NEWLINE && text.charCodeAt(index) !== RETURN) index++;
    } else if (WHITESPACE.test(text[index])) index++;
    else return index;
  }
  return index;
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
const HASH = 35;
const NEWLINE = 10;
const RETURN = 13;

/** What `blankHashComments` acts on; everything between is copied as it is. */
const SIGNIFICANT = /["'#TFN]/g;
const STRING_END = /["\\]/g;

/**
 * `#` comments (at a line start or after a blank, outside double quotes) replaced by spaces, and
 * `True`/`False`/`Null` by their JSON spelling; undefined on a single quote. One pass, jumping
 * between significant characters with a regular expression (native) rather than testing each
 * character: the language server runs this on every change.
 */
function blankHashComments(text: string): string | undefined {
  const out: string[] = [];
  let from = 0;
  for (let i = nextSignificant(text, 0); i < text.length; i = nextSignificant(text, i)) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) i = endOfString(text, i + 1);
    else if (code === APOSTROPHE) return undefined;
    else if (code === HASH) {
      if (i > 0 && !isBlank(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out.push(text.slice(from, i), ' '.repeat(stop - i));
      from = stop;
      i = stop;
    } else if (isWordChar(text.charCodeAt(i - 1))) i++;
    else {
      // T, F, N starting a word: a YAML spelling of true, false or null?
      let end = i + 1;
      while (end < text.length && end - i < 6 && isWordChar(text.charCodeAt(end))) end++;
      const literal = YAML_LITERALS.get(text.slice(i, end));
      if (literal) {
        out.push(text.slice(from, i), literal);
        from = end;
      }
      i = end;
    }
  }
  out.push(text.slice(from));
  return out.join('');
}

function nextSignificant(text: string, from: number): number {
  SIGNIFICANT.lastIndex = from;
  return SIGNIFICANT.exec(text)?.index ?? text.length;
}

/** The offset after the `"` closing a string whose contents start at `from` (the text's length if none). */
function endOfString(text: string, from: number): number {
  STRING_END.lastIndex = from;
  for (let match = STRING_END.exec(text); match; match = STRING_END.exec(text)) {
    if (match[0] === '"') return match.index + 1;
    STRING_END.lastIndex = match.index + 2;
  }
  return text.length;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === NEWLINE || code === RETURN;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Bounds on what aliases expand to: `&a [*b, *b, ...]` chains grow exponentially, and an alias
 * inside its own anchor (`x: &x [*x]`) expands forever. So the entries emitted through aliases and the aliases followed are counted, and
 * aliases are followed at most so many deep (each turn of `&x [*x]` is one deeper, with a longer path).
 */
const MAX_ALIASED_ENTRIES = 10_000;
const MAX_ALIAS_EXPANSIONS = 10_000;
const MAX_ALIAS_NESTING = 64;

interface Pending {
  node: unknown;
  path: string[];
  /** The alias this node was reached through, where a value is used but not written. */
  usedAt?: Span;
  /** How many aliases were followed to reach it. */
  aliasDepth: number;
}

/** Depth-first with an explicit stack, in document order; aliases read as the node they name, within the bounds above. */
function flatten(document: Document, text: string, entries: ConfigEntry[]): void {
  let aliased = 0;
  let expansions = 0;
  const targets = aliasTargets(document);
  const stack: Pending[] = [{ node: document.contents, path: [], aliasDepth: 0 }];
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
  /** The node a child stands for: itself, or what its alias names; undefined for an alias past the bounds, which is not followed. */
  const follow = (child: YamlNode | null, { usedAt, aliasDepth }: Pending): { node: unknown; usedAt?: Span; aliasDepth: number } | undefined => {
    if (!isAlias(child) || !child.range) return { node: child, usedAt, aliasDepth };
    if (expansions >= MAX_ALIAS_EXPANSIONS || aliased >= MAX_ALIASED_ENTRIES || aliasDepth >= MAX_ALIAS_NESTING) return undefined;
    expansions++;
    return { node: targets.get(child), usedAt: usedAt ?? spanOf(child.range), aliasDepth: aliasDepth + 1 };
  };
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    if (isMap(node)) {
      const children: Pending[] = [];
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key) || !key.range) continue;
        const keySpan = spanOf(key.range);
        const childPath = [...path, String(key.value)];
        const value = pair.value as YamlNode | null;
        const reached = follow(value, item);
        if (!reached) continue;
        const ownAlias = item.usedAt === undefined && reached.usedAt !== undefined;
        const empty = emptyCollection(reached.node);
        if (reached.node === null || reached.node === undefined || (isScalar(reached.node) && reached.node.range && reached.node.range[0] === reached.node.range[1])) {
          emit({ path: childPath, keySpan, value: null, valueSpan: { offset: afterColon(text, keySpan), length: 0 } }, reached.usedAt, ownAlias);
        } else if (empty) {
          emit({ path: childPath, keySpan, value: null, valueSpan: empty.span, empty: empty.kind }, reached.usedAt, ownAlias);
        } else if (isScalar(reached.node) && reached.node.range) {
          emit({ path: childPath, keySpan, value: scalarValue(reached.node.value), valueSpan: spanOf(reached.node.range) }, reached.usedAt, ownAlias);
        } else {
          children.push({ ...reached, path: childPath });
        }
      }
      push(children);
    } else if (isSeq(node)) {
      const children: Pending[] = [];
      node.items.forEach((child, index) => {
        const reached = follow(child as YamlNode | null, item);
        if (!reached) return;
        const empty = emptyCollection(reached.node);
        if (isScalar(reached.node) && reached.node.range) {
          const span = spanOf(reached.node.range);
          emit({ path: [...path, String(index)], keySpan: span, value: scalarValue(reached.node.value), valueSpan: span }, reached.usedAt, item.usedAt === undefined && reached.usedAt !== undefined);
        } else if (empty) {
          emit({ path: [...path, String(index)], keySpan: empty.span, value: null, valueSpan: empty.span, empty: empty.kind }, reached.usedAt, item.usedAt === undefined && reached.usedAt !== undefined);
        } else if (reached.node !== undefined && reached.node !== null) {
          children.push({ ...reached, path: [...path, String(index)] });
        }
      });
      push(children);
    }
  }
  // Document order (an aliased value where its alias is), as readers expect: the last of two equal keys wins.
  entries.sort((a, b) => (a.usedAt ?? a.keySpan).offset - (b.usedAt ?? b.keySpan).offset);
}

/** A flow `[]` or `{}`: one entry marked empty, so that it is told apart from an absent key (as in parseJson and parseToml). */
function emptyCollection(node: unknown): { kind: 'list' | 'map'; span: Span } | undefined {
  if (!(isMap(node) || isSeq(node)) || node.items.length > 0 || !node.range) return undefined;
  return { kind: isSeq(node) ? 'list' : 'map', span: spanOf(node.range) };
}

/**
 * The node each alias names: the last node anchored with its name before it, in document order
 * (its own collection, for `&x [*x]`). One pass: the yaml package's `Alias.resolve` walks the whole
 * document on every call, which an alias bomb calls thousands of times.
 */
function aliasTargets(document: Document): Map<Alias, unknown> {
  const anchored = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      targets.set(node, anchored.get(node.source));
      continue;
    }
    if (isNode(node) && node.anchor) anchored.set(node.anchor, node);
    if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index].value, node.items[index].key);
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]);
    }
  }
  return targets;
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
