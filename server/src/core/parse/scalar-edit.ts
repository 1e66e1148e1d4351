import type { ConfigDocument, ConfigEntry, ScalarValue, Span } from '../model/document';
import { firstSignificantOffset } from './yaml';

/**
 * A scalar that cannot change the structure around it in JSON or YAML, block or flow: plain, with
 * no quote, colon, comma, bracket, `#`, space, tag, anchor or line break in it; or quoted, with no
 * quote of its kind, escape or line break inside (single quotes are YAML's, not JSON's).
 */
const STRUCTURE_FREE_SCALAR = /^(?:[A-Za-z0-9_.+-]+|"[^"\\\n\r]*"|'[^'\n\r]*')$/;

/**
 * What a JSON-shaped file may take without being read another way: a value JSON refuses sends
 * the whole file from the JSON reading to the YAML composer (parse/yaml.ts), which a lone value cannot show.
 */
const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|True|False|Null|TRUE|FALSE|NULL|"[^"\\\n\r]*")$/;

/**
 * The document of `text` made from `previous`, the same file's document before one edit, when
 * the edit is inside one scalar value (a number, a name, a quoted string) and leaves it one, or
 * inside a YAML comment: the other entries are the previous
 * ones, moved by the edit's change in length. Undefined whenever that cannot be sure (the caller
 * parses the whole text). Typing a value in the editor is the common edit, and a full parse of a
 * 5,000-line file costs most of a check (docs/performance.md).
 *
 * `parse` is the format's own parser: the new value is typed by parsing it alone, in a one-key
 * document of the same kind, so that each loader's typing (PyYAML's `1e3`, OmegaConf's) holds.
 */
export function reparseScalarEdit(previous: ConfigDocument, text: string, parse: (text: string) => ConfigDocument): ConfigDocument | undefined {
  if (previous.syntax !== 'json' && previous.syntax !== 'yaml') return undefined;
  if (previous.errors.length > 0 || (previous.notRead?.length ?? 0) > 0) return undefined;
  // A YAML directive changes how scalars are typed, an interpolation which values feed others.
  if (previous.syntax === 'yaml' && (previous.text.includes('%YAML') || previous.text.includes('${'))) return undefined;
  const edit = changedRegion(previous.text, text);
  if (!edit) return undefined;
  const touched = entriesTouched(previous.entries, edit);
  if (touched.length === 0) {
    // Typing in a comment: every entry stays what it was, the ones after it moved.
    return previous.syntax === 'yaml' && insideComment(previous.text, text, edit) ? { ...previous, text, entries: previous.entries.map((entry) => moved(entry, edit)) } : undefined;
  }
  if (touched.length > 1) return undefined;
  const [edited] = touched;
  const entry = previous.entries[edited];
  const { offset, length } = entry.valueSpan;
  if (offset > edit.start || edit.oldEnd > offset + length) return undefined;
  const oldRaw = previous.text.slice(offset, offset + length);
  const newRaw = text.slice(offset, offset + length + edit.delta);
  if (!STRUCTURE_FREE_SCALAR.test(oldRaw) || !STRUCTURE_FREE_SCALAR.test(newRaw)) return undefined;
  const braces = previous.syntax === 'json' || previous.text[firstSignificantOffset(previous.text)] === '{';
  if (braces && !JSON_LITERAL.test(newRaw)) return undefined;
  const typeAlone = scalarTyper(braces, parse);
  // The lone value must type as it did in the file: a tag or a loader setting elsewhere would show here.
  if (!Object.is(typeAlone(oldRaw), entry.value)) return undefined;
  const value = typeAlone(newRaw);
  if (value === undefined) return undefined;
  const valueSpan = { offset, length: length + edit.delta };
  const entries = previous.entries.map((candidate, index) => {
    if (index !== edited) return moved(candidate, edit);
    const keySpan = sameSpan(candidate.keySpan, candidate.valueSpan) ? valueSpan : candidate.keySpan;
    return { ...candidate, keySpan, value, valueSpan };
  });
  return { ...previous, text, entries };
}

interface Region {
  /** Where the texts first differ. */
  start: number;
  /** The end of the replaced text, in the previous text. */
  oldEnd: number;
  /** The change in length. */
  delta: number;
}

/** Characters compared at once where the texts agree: a slice comparison is native, a character loop is not. */
const BLOCK = 256;

/** The one stretch of the previous text the edit replaced: the texts' common start and end set aside. */
function changedRegion(previous: string, text: string): Region | undefined {
  if (previous === text) return undefined;
  const shorter = Math.min(previous.length, text.length);
  let start = 0;
  while (start + BLOCK <= shorter && previous.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && previous.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = previous.length;
  let newEnd = text.length;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && previous.slice(oldEnd - BLOCK, oldEnd) === text.slice(newEnd - BLOCK, newEnd)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && previous.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, delta: text.length - previous.length };
}

/** The indexes of the entries with a span at or touching the region: none, one, or the first two. */
function entriesTouched(entries: readonly ConfigEntry[], region: Region): number[] {
  const touched: number[] = [];
  for (let index = 0; index < entries.length && touched.length < 2; index++) if (entryTouches(entries[index], region)) touched.push(index);
  return touched;
}

/**
 * Whether an edit that touches no entry stays inside one YAML `#` comment and leaves it one: no
 * line break replaced or typed, after a `#` that starts a comment (at the line's start or after a
 * blank, outside quotes). A quote on the line is taken to open a string, even where YAML would read
 * it as part of a plain scalar (`it's`): that only sends the edit to a full parse. A string from an
 * earlier line cannot hold the edit: it would be a value, an entry the edit touches.
 */
function insideComment(previous: string, text: string, region: Region): boolean {
  const replaced = previous.slice(region.start, region.oldEnd);
  const typed = text.slice(region.start, region.oldEnd + region.delta);
  if (/[\n\r]/.test(replaced) || /[\n\r]/.test(typed)) return false;
  const lineStart = Math.max(previous.lastIndexOf('\n', region.start - 1), previous.lastIndexOf('\r', region.start - 1)) + 1;
  let quote: string | null = null;
  for (let at = lineStart; at < region.start; at++) {
    const character = previous[at];
    if (quote === '"' && character === '\\') at++;
    else if (quote !== null) {
      if (character === quote && !(quote === "'" && previous[at + 1] === "'")) quote = null;
      else if (character === quote) at++;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '#' && (at === lineStart || previous[at - 1] === ' ' || previous[at - 1] === '\t')) return true;
  }
  return false;
}

/** Tested span by span, without building a list: this runs over every entry of the file on every edit. */
function entryTouches(entry: ConfigEntry, region: Region): boolean {
  if (touches(entry.keySpan, region) || touches(entry.valueSpan, region)) return true;
  if (entry.usedAt && touches(entry.usedAt, region)) return true;
  if (entry.reference && touches(entry.reference, region)) return true;
  return entry.reads?.some((span) => touches(span, region)) ?? false;
}

/** Ends count: an insertion right after a value is typed into it. */
function touches(span: Span, region: Region): boolean {
  return span.offset <= region.oldEnd && span.offset + span.length >= region.start;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.offset === b.offset && a.length === b.length;
}

/** The entry as it is where the edit is after it; else a copy with each span after the edit moved by its change in length. */
function moved(entry: ConfigEntry, region: Region): ConfigEntry {
  if (entry.keySpan.offset < region.start && entry.valueSpan.offset < region.start && !entry.usedAt && !entry.reference && !entry.reads) return entry;
  const copy: ConfigEntry = { ...entry, keySpan: movedSpan(entry.keySpan, region), valueSpan: movedSpan(entry.valueSpan, region) };
  if (entry.usedAt) copy.usedAt = movedSpan(entry.usedAt, region);
  if (entry.reference) copy.reference = movedSpan(entry.reference, region);
  if (entry.reads) copy.reads = entry.reads.map((span) => movedSpan(span, region));
  return copy;
}

function movedSpan(span: Span, region: Region): Span {
  return span.offset >= region.oldEnd ? { offset: span.offset + region.delta, length: span.length } : span;
}

/** A raw scalar typed by the format's parser in a document of one key, written as the file is (braces or block). */
function scalarTyper(braces: boolean, parse: (text: string) => ConfigDocument): (raw: string) => ScalarValue | undefined {
  return (raw) => {
    const alone = parse(braces ? `{"k": ${raw}}` : `k: ${raw}\n`);
    const [only] = alone.entries;
    return alone.errors.length === 0 && alone.entries.length === 1 && only.path.length === 1 && only.path[0] === 'k' ? only.value : undefined;
  };
}
