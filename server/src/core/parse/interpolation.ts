import { markSharedLiterals, sameSpan, type ConfigDocument, type ConfigEntry, type ScalarValue, type Span } from '../model/document';

/**
 * OmegaConf/Hydra interpolation as NeMo configs use it: `${model.x}` (from the root, also
 * when the file is mounted under a group such as `training.`), relative `${.x}` / `${..x}`,
 * NeMo's arithmetic resolvers (`${multiply:a,b}`), and `???` (a value the command line must
 * give). A resolved value points at the literal a person would edit; the interpolation is
 * where it is used. Resolvers that read the environment stay unresolved.
 */
export function resolveInterpolations(document: ConfigDocument): ConfigDocument {
  const resolver = new InterpolationResolver(document);
  const entries = document.entries.map((entry) => resolver.entry(entry));
  markSharedLiterals(entries);
  return { ...document, entries };
}

interface Resolved {
  value: ScalarValue;
  /** Literal spans that produce the value (or, unresolved, that it reads); one span means one literal to edit. */
  literals: Span[];
  unresolved?: string;
}

/** A Map, not an object literal: a resolver name comes from the file (`${hasOwnProperty:4096}`). */
const ARITHMETIC_RESOLVERS = new Map<string, (args: number[]) => number | undefined>([
  ['multiply', (args) => args.reduce((product, arg) => product * arg, 1)],
  ['int_div', ([a, b]) => (b ? Math.floor(a / b) : undefined)],
  ['divide_floor', ([a, b]) => (b ? Math.floor(a / b) : undefined)],
  ['divide_ceil', ([a, b]) => (b ? Math.ceil(a / b) : undefined)],
]);

const MANDATORY = '???';
/** Links of `${a}` → `${b}` → ... plus nested `${multiply:${...}}`, at most: the resolver recurses once per level. */
const MAX_INTERPOLATION_DEPTH = 200;
const TOO_DEEP = `interpolations chained or nested more than ${MAX_INTERPOLATION_DEPTH} deep`;

class InterpolationResolver {
  private readonly byPath = new Map<string, ConfigEntry>();
  private readonly roots = new Set<string>();
  private readonly resolving = new Set<string>();
  /** Each entry is resolved once however often it is referenced: linear, not quadratic, in chains. */
  private readonly resolved = new Map<string, Resolved>();
  private depth = 0;

  constructor(private readonly document: ConfigDocument) {
    for (const entry of document.entries) {
      this.byPath.set(entry.path.join('.'), entry);
      this.roots.add(entry.path[0]);
    }
  }

  entry(entry: ConfigEntry): ConfigEntry {
    if (entry.value === MANDATORY) return { ...entry, value: null, unresolved: `'???': a value the command line must give` };
    if (typeof entry.value !== 'string' || !entry.value.includes('${')) return entry;
    const resolved = this.value(entry);
    const resolvedEntry: ConfigEntry = { ...entry, value: resolved.value };
    // Where the interpolation is written: at the key, or at the anchor an alias names.
    const written = entry.usedAt ?? entry.valueSpan;
    if (resolved.unresolved) {
      resolvedEntry.value = null;
      resolvedEntry.unresolved = resolved.unresolved;
      resolvedEntry.usedAt = written;
      resolvedEntry.reads = resolved.literals;
    } else if (resolved.literals.length === 1 && !sameSpan(resolved.literals[0], entry.valueSpan)) {
      resolvedEntry.valueSpan = resolved.literals[0];
      resolvedEntry.usedAt = written;
      // The interpolation is the key's whole value: a literal may replace it (not an anchor other aliases read).
      if (entry.usedAt === undefined) resolvedEntry.reference = entry.valueSpan;
    } else {
      resolvedEntry.reads = resolved.literals;
    }
    return resolvedEntry;
  }

  private value(entry: ConfigEntry): Resolved {
    const raw = entry.value;
    if (raw === MANDATORY) return { value: null, literals: [], unresolved: `${entry.path.join('.')} is '???'` };
    if (typeof raw !== 'string' || !raw.includes('${')) return { value: raw, literals: [entry.valueSpan] };
    const key = entry.path.join('.');
    const known = this.resolved.get(key);
    if (known) return known;
    if (this.resolving.has(key)) return { value: null, literals: [], unresolved: `${key} refers to itself` };
    this.resolving.add(key);
    try {
      const source = this.document.text.slice(entry.valueSpan.offset, entry.valueSpan.offset + entry.valueSpan.length);
      const inner = source.indexOf(raw);
      const base = inner >= 0 ? entry.valueSpan.offset + inner : undefined;
      const result = this.expression(raw, base, entry);
      // A result cut short by the depth bound depends on where resolution started: not kept.
      if (result.unresolved !== TOO_DEEP) this.resolved.set(key, result);
      return result;
    } finally {
      this.resolving.delete(key);
    }
  }

  /** A whole string: one `${...}` keeps its type; text around interpolations makes a string. */
  private expression(raw: string, base: number | undefined, entry: ConfigEntry): Resolved {
    if (this.depth >= MAX_INTERPOLATION_DEPTH) return { value: null, literals: [], unresolved: TOO_DEEP };
    this.depth++;
    try {
      return this.pieces(raw, base, entry);
    } finally {
      this.depth--;
    }
  }

  private pieces(raw: string, base: number | undefined, entry: ConfigEntry): Resolved {
    const pieces = splitInterpolations(raw);
    if (pieces.length === 1 && pieces[0].interpolation) return this.interpolation(pieces[0].text, offsetIn(base, pieces[0].start), entry);
    const results = pieces.map((piece) =>
      piece.interpolation ? this.interpolation(piece.text, offsetIn(base, piece.start), entry) : { value: piece.text, literals: [] },
    );
    const unresolved = results.find((result) => result.unresolved)?.unresolved;
    return { value: results.map((result) => String(result.value ?? '')).join(''), literals: [entry.valueSpan, ...results.flatMap((result) => result.literals)], unresolved };
  }

  /** `${...}` text including the braces. */
  private interpolation(text: string, offset: number | undefined, entry: ConfigEntry): Resolved {
    const body = text.slice(2, -1).trim();
    const resolverCall = /^([A-Za-z_][\w.]*):([\s\S]*)$/.exec(body);
    if (!resolverCall) return this.reference(body, entry);
    const [, name, argsText] = resolverCall;
    const operation = ARITHMETIC_RESOLVERS.get(name);
    if (!operation) return { value: null, literals: [], unresolved: `\${${name}:...} is resolved at run time` };
    const argsOffset = offsetIn(offset, text.indexOf(':') + 1);
    const args = splitArguments(argsText).map((arg) => this.argument(arg.text, offsetIn(argsOffset, arg.start), entry));
    const unresolved = args.find((arg) => arg.unresolved)?.unresolved;
    if (unresolved) return { value: null, literals: args.flatMap((arg) => arg.literals), unresolved };
    const numbers = args.map((arg) => arg.value);
    if (!numbers.every((value): value is number => typeof value === 'number')) {
      return { value: null, literals: [], unresolved: `\${${name}:...} has an argument that is not a number` };
    }
    const value = operation(numbers);
    if (value === undefined) return { value: null, literals: [], unresolved: `\${${name}:...} divides by zero` };
    return { value, literals: args.flatMap((arg) => arg.literals) };
  }

  private argument(text: string, offset: number | undefined, entry: ConfigEntry): Resolved {
    if (text.startsWith('${')) return this.expression(text, offset, entry);
    const number = Number(text);
    if (text !== '' && Number.isFinite(number)) {
      return { value: number, literals: offset === undefined ? [] : [{ offset, length: text.length }] };
    }
    return { value: text.replace(/^(['"])(.*)\1$/, '$2'), literals: [] };
  }

  private reference(reference: string, entry: ConfigEntry): Resolved {
    const target = this.lookup(reference, entry);
    if (!target) return { value: null, literals: [], unresolved: `\${${reference}} is not set in this file` };
    return this.value(target);
  }

  private lookup(reference: string, entry: ConfigEntry): ConfigEntry | undefined {
    const dots = /^\.*/.exec(reference)?.[0].length ?? 0;
    if (dots > 0) {
      const parent = entry.path.slice(0, Math.max(0, entry.path.length - dots));
      return this.byPath.get([...parent, reference.slice(dots)].join('.'));
    }
    const direct = this.byPath.get(reference);
    if (direct) return direct;
    // Launcher files are mounted under a group (`training.model.x` names this file's `model.x`).
    const [group, ...rest] = reference.split('.');
    return !this.roots.has(group) && rest.length > 0 ? this.byPath.get(rest.join('.')) : undefined;
  }
}

interface Piece {
  text: string;
  start: number;
  interpolation: boolean;
}

function splitInterpolations(raw: string): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  while (index < raw.length) {
    const open = raw.indexOf('${', index);
    if (open < 0) {
      pieces.push({ text: raw.slice(index), start: index, interpolation: false });
      break;
    }
    if (open > index) pieces.push({ text: raw.slice(index, open), start: index, interpolation: false });
    const close = closingBrace(raw, open + 2);
    pieces.push({ text: raw.slice(open, close), start: open, interpolation: true });
    index = close;
  }
  return pieces;
}

function closingBrace(raw: string, from: number): number {
  let depth = 1;
  for (let i = from; i < raw.length; i++) {
    if (raw.startsWith('${', i)) {
      depth++;
      i++;
    } else if (raw[i] === '}' && --depth === 0) return i + 1;
  }
  return raw.length;
}

function splitArguments(text: string): { text: string; start: number }[] {
  const args: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (text[i] === ',' && depth === 0)) {
      const raw = text.slice(start, i);
      const leading = raw.length - raw.trimStart().length;
      args.push({ text: raw.trim(), start: start + leading });
      start = i + 1;
    } else if (text.startsWith('${', i)) depth++;
    else if (text[i] === '}') depth--;
  }
  return args;
}

function offsetIn(base: number | undefined, delta: number): number | undefined {
  return base === undefined ? undefined : base + delta;
}

