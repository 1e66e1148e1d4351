/**
 * One node shape for every syntax shapelint reads (YAML, JSON, shell arguments, Python
 * assignments), in the manner of yaml-language-server's ast-converter: format readers map
 * entries to shape fields without knowing which parser produced them.
 * Offsets are UTF-16 code units into the document text; they become line/character only at
 * the edge (CLI, LSP).
 */
export interface Span {
  offset: number;
  length: number;
}

export type ScalarValue = string | number | boolean | null;

export type SyntaxKind = 'yaml' | 'json' | 'toml' | 'shell' | 'python';

export interface ConfigEntry {
  /** Key path as written, e.g. ['model', 'hidden_size'], ['--hidden-size'], ['n_embd']. */
  path: readonly string[];
  /** The key (or flag) as it appears where the value is used. */
  keySpan: Span;
  /** The resolved value; a string that looks like a number stays a string (readers decide). */
  value: ScalarValue;
  /** The literal a person would edit, after following variables and interpolations. */
  valueSpan: Span;
  /** Where a variable or interpolation that leads to the literal is used, when not the literal itself. */
  usedAt?: Span;
  /**
   * The reference written as this key's whole value (`$ONE`, `*one`, `${.x}`, a Python name):
   * a literal written there in its place changes this value and nothing else. Absent where the
   * reference is part of something larger (an alias of a whole map).
   */
  reference?: Span;
  /** Literals elsewhere that the value is computed from besides `valueSpan` (`${multiply:${.a},2}`, `n * 2`). */
  reads?: Span[];
  /**
   * How many values read the literal at `valueSpan`, this one included, when more than one
   * (another key through a variable, an alias or an interpolation; arithmetic; a command):
   * editing it changes them all. Set by `markSharedLiterals`.
   */
  literalUses?: number;
  /** Set when the value cannot be known without running anything (`$(cmd)`, `???`, arithmetic on unknowns). */
  unresolved?: string;
  /** Set when the value is computed from literals (`$((GBS/WORLD_SIZE))`): how. No literal holds it. */
  computed?: string;
  /**
   * Set when the value is an empty list or map written as such (`[]`, `{}`): the entry has value
   * null and no element entries follow it, where an absent key has no entry at all.
   */
  empty?: 'list' | 'map';
}

export interface SyntaxError {
  span: Span;
  message: string;
}

/**
 * Text shapelint did not read, and why: past a limit of its own (the file's size) or of a parser
 * library (nesting, a string's length). Not an error in the file, which may well be valid.
 */
export interface NotRead {
  span: Span;
  message: string;
}

export interface ConfigDocument {
  syntax: SyntaxKind;
  text: string;
  entries: ConfigEntry[];
  errors: SyntaxError[];
  notRead?: NotRead[];
}

/**
 * Where a parse error is shown: at least one character wide where the text allows, never past
 * its end (an error "at the end" of a half-typed file is an empty span there).
 */
export function errorSpan(text: string, offset: number, length: number): Span {
  const start = Math.min(Math.max(0, offset), text.length);
  return wholeCharacters(text, { offset: start, length: Math.min(Math.max(length, 1), text.length - start) });
}

/** The span widened so that neither end splits a surrogate pair (an emoji is one character to the user). */
export function wholeCharacters(text: string, span: Span): Span {
  let start = Math.min(Math.max(0, span.offset), text.length);
  let end = Math.min(Math.max(start, span.offset + span.length), text.length);
  if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
  if (isLowSurrogate(text, end) && isHighSurrogate(text, end - 1)) end++;
  return { offset: start, length: end - start };
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Marks the entries whose literal feeds more than the entry itself: a literal read more than
 * once is shared. Every entry reads its `valueSpan` and its `reads`. A parser that counts every
 * reference itself (the shell's expansions, in arithmetic and commands too) passes them as
 * `references`; an entry reached through one (`usedAt`) is then among them, not counted again.
 */
export function markSharedLiterals(entries: readonly ConfigEntry[], references?: readonly Span[]): void {
  // Sorted keys and a binary search, not a Map: a 10 MB launch script counts 100,000s of spans,
  // and a Map of float keys spent more than the rest of the shell's reading on them.
  const counted: number[] = [];
  for (const entry of entries) {
    if (!references || !entry.usedAt) counted.push(spanKey(entry.valueSpan));
    for (const span of entry.reads ?? []) if (!sameSpan(span, entry.valueSpan)) counted.push(spanKey(span));
  }
  for (const span of references ?? []) counted.push(spanKey(span));
  const keys = Float64Array.from(counted).sort();
  for (const entry of entries) {
    const key = spanKey(entry.valueSpan);
    const uses = firstAbove(keys, key) - firstAbove(keys, key - 1);
    if (uses > 1) entry.literalUses = uses;
    else if (entry.literalUses !== undefined) delete entry.literalUses;
  }
}

/** The index of the first key above `value` in ascending `keys`. */
function firstAbove(keys: Float64Array, value: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One number per span, for counting: a number key costs a tenth of a string's in a 10 MB launch
 * script with 100,000s of expansions. Exact for offsets below 2^31 and lengths
 * below 2^22; no two literals share an offset with lengths past that.
 */
export function spanKey(span: Span): number {
  return span.offset * 4_194_304 + Math.min(span.length, 4_194_303);
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.offset === b.offset && a.length === b.length;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.offset, span.offset + span.length);
}
