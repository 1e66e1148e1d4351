import { markSharedLiterals, type ConfigDocument, type ConfigEntry, type Span } from '../model/document';
import { evaluateArithmetic } from './shell-arithmetic';
import { appended, scanShell, type Part, type TokenStream, type WordToken } from './shell-scanner';

/**
 * Launch scripts (bash) read as text, never run: the interpreting half of the shell reader
 * (`shell-scanner.ts` makes the words). Entries are the `--flags` (and Hydra overrides such as
 * `model.hidden_size=4096`) found in command lines, arrays `ARGS=( --x 1 )` and strings
 * `ARGS="--x 1 \ ..."`. A value reached through variables (`X=4096`, `export X=`, `${X:-4096}`,
 * `: ${X:=4096}`) is resolved to its literal, as bash would expand it at that point of the
 * script, and `$((...))` over integers it sets to what bash computes (`computed`); other
 * arithmetic, `$(cmd)`, positional parameters, variables the file never sets and values
 * that depend on which branch of an `if`/`case` runs are marked unresolved, never guessed.
 */
export function parseShell(text: string): ConfigDocument {
  const tokens = scanShell(text);
  const interpreter = new Interpreter(text);
  interpreter.run(tokens);
  const entries = interpreter.settledEntries();
  markSharedLiterals(entries, interpreter.expansions);
  return { syntax: 'shell', text, entries, errors: tokens.errors };
}

interface Resolved {
  value: string;
  /** The literal a person would edit; the whole word when it is made of several pieces. */
  span: Span;
  /** The `$NAME` where the value is used, when the literal is written elsewhere. */
  usedAt?: Span;
  /** The `$NAME` when it is the whole word: a literal can take its place. */
  reference?: Span;
  unresolved?: string;
  /** Set when bash computes the value from literals (`$((GBS/WORLD_SIZE))`): how, for notes. */
  computed?: string;
}

interface Variable {
  resolved: Resolved;
  /** Arrays and strings of several words hold flags, not a value. */
  multiword: boolean;
  /** Set when branches of the script leave it with different values, or leave it unset in some. */
  branchValues?: { values: string[]; maybeUnset: boolean };
  /** The flag entries read from the words it holds. */
  flags: readonly ConfigEntry[];
}

type Variables = Map<string, Variable>;

/**
 * An if/case/loop being read. Each branch starts from the variables as they were before the
 * block; at its end the branches' variables are merged, and what differs between them (or is
 * set in only some) becomes unknown.
 */
interface Block {
  kind: 'if' | 'case' | 'loop';
  before: Variables;
  branches: Variables[];
  /** An `else` or a `*)` branch: some branch always runs. */
  exhaustive: boolean;
  /** In a `case`, between `in` (or `;;`) and the pattern's `)`. */
  awaitingPattern: boolean;
  /** In a `case`, a branch body has started. */
  inBranch: boolean;
  /** `if [ -z "$X" ]; then X=...`: the branch gives X its default, as `${X:=...}` would. */
  defaults: ReadonlySet<string>;
}

/** Most variables hold a value, not flags: one shared empty list rather than one each. */
const NO_FLAGS: readonly ConfigEntry[] = Object.freeze([]);

const DECLARATION_COMMANDS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
const LOOP_OPENERS = new Set(['for', 'while', 'until', 'select']);
const FLAG = /^--[A-Za-z][\w.-]*/;
const HYDRA_OVERRIDE = /^\+{0,2}([A-Za-z_][\w-]*(?:\.[\w-]+)+)=/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;

class Interpreter {
  private readonly entries: ConfigEntry[] = [];
  /** Entries read on a command line inside an if/case/loop body. */
  private readonly conditionalEntries = new Set<ConfigEntry>();
  /** Flags held by a variable that only some branches fill in, with the reason. */
  private readonly branchDependent = new Map<ConfigEntry, string>();
  private variables: Variables = new Map();
  private readonly blocks: Block[] = [];
  /** The literal of every variable expansion, in arithmetic and commands too: what each literal feeds. */
  readonly expansions: Span[] = [];

  constructor(private readonly text: string) {}

  run(tokens: TokenStream): void {
    let statement: WordToken[] = [];
    let pattern: WordToken[] = [];
    for (let token = tokens.next(); token; token = tokens.next()) {
      const block = this.blocks.at(-1);
      if (block?.awaitingPattern) {
        // `a|b)`: the pattern's words up to its `)`; `|` and `(` are part of it.
        if (token.type === 'word' && plainText(token) === 'esac' && pattern.length === 0) this.closeBlock();
        else if (token.type === 'word') pattern.push(token);
        else if (token.type === 'close') {
          this.startCaseBranch(block, pattern);
          pattern = [];
        }
        continue;
      }
      if (token.type === 'word') {
        if (plainText(token) === 'in' && statement.length > 0 && plainText(statement[0]) === 'case') {
          this.runStatement(statement);
          statement = [];
        } else statement = appended(statement, token);
        continue;
      }
      const last = statement.at(-1);
      if (token.type === 'open' && last && this.isAssignment(last) && statement.length === this.assignmentIndex(statement) + 1) {
        const words: WordToken[] = [];
        for (let inner = tokens.next(); inner && inner.type !== 'close'; inner = tokens.next()) {
          if (inner.type === 'word') words.push(inner);
        }
        this.runStatement(statement.slice(0, -1));
        this.assignArray(last, words);
        statement = [];
        continue;
      }
      this.runStatement(statement);
      statement = [];
      const current = this.blocks.at(-1);
      if (token.type === 'caseEnd' && current?.kind === 'case') current.awaitingPattern = true;
    }
    this.runStatement(statement);
  }

  /**
   * The entries, with every flag whose value depends on a branch made unknown: one given
   * different values in different branches, or one held by a variable only some branches fill
   * in (it is on the launch line in some runs and not in others).
   */
  settledEntries(): ConfigEntry[] {
    // Only flags read in a branch can be in doubt: the others are not grouped at all.
    const doubtful = new Set([...this.conditionalEntries, ...this.branchDependent.keys()].map((entry) => entry.path.join('.')));
    if (doubtful.size === 0) return this.entries;
    const byFlag = new Map<string, ConfigEntry[]>();
    for (const entry of this.entries) {
      const flag = entry.path.join('.');
      if (!doubtful.has(flag)) continue;
      const group = byFlag.get(flag);
      if (group) group.push(entry);
      else byFlag.set(flag, [entry]);
    }
    for (const [flag, group] of byFlag) {
      const values = [...new Set(group.map((entry) => String(entry.value)))];
      if (values.length > 1 && group.some((entry) => this.conditionalEntries.has(entry) || this.branchDependent.has(entry))) {
        for (const entry of group) unresolve(entry, `${flag} is ${values.join(' or ')} depending on a branch of the script`);
        continue;
      }
      // The same value written where it always applies settles it.
      if (group.some((entry) => !this.branchDependent.has(entry))) continue;
      for (const entry of group) unresolve(entry, this.branchDependent.get(entry) as string);
    }
    return this.entries;
  }

  /**
   * Tracks if/case/loop nesting from the reserved words a statement starts with, and returns the
   * command left to run: none for a condition or loop header, the rest after `then`/`else`/`do`.
   */
  private enterBlocks(statement: WordToken[]): WordToken[] {
    let start = 0;
    while (start < statement.length) {
      const word = plainText(statement[start]);
      if (word === 'if') {
        this.openBlock('if', defaultedNames(statement.slice(start + 1)));
        return [];
      }
      if (word === 'case') {
        this.openBlock('case', new Set());
        return [];
      }
      if (word !== undefined && LOOP_OPENERS.has(word)) {
        this.openBlock('loop', new Set());
        return [];
      }
      if (word === 'elif') {
        this.nextBranch('if', false);
        return [];
      }
      if (word === 'else') this.nextBranch('if', true);
      else if (word === 'fi' || word === 'done' || word === 'esac') this.closeBlock();
      else if (word !== 'then' && word !== 'do') break;
      start++;
    }
    return start === 0 ? statement : statement.slice(start);
  }

  private openBlock(kind: Block['kind'], defaults: ReadonlySet<string>): void {
    this.blocks.push({ kind, before: this.variables, branches: [], exhaustive: false, awaitingPattern: kind === 'case', inBranch: false, defaults });
    this.variables = new Map(this.variables);
  }

  /** `elif`/`else`: the branch so far is done; the next starts from the variables before the `if`. */
  private nextBranch(kind: Block['kind'], exhaustive: boolean): void {
    const block = this.blocks.at(-1);
    if (block?.kind !== kind) return;
    block.branches.push(this.variables);
    this.variables = new Map(block.before);
    if (exhaustive) block.exhaustive = true;
  }

  private startCaseBranch(block: Block, pattern: WordToken[]): void {
    if (block.inBranch) this.nextBranch('case', false);
    block.inBranch = true;
    block.awaitingPattern = false;
    if (pattern.some((word) => plainText(word) === '*')) block.exhaustive = true;
  }

  private closeBlock(): void {
    const block = this.blocks.pop();
    if (!block) return;
    if (block.kind !== 'case' || block.inBranch) block.branches.push(this.variables);
    const paths = block.exhaustive ? block.branches : [...block.branches, block.before];
    const merged: Variables = new Map();
    const names = new Set(paths.flatMap((path) => [...path.keys()]));
    for (const name of names) {
      let versions = paths.map((path) => path.get(name));
      if (block.defaults.has(name)) {
        const before = block.before.get(name);
        // `[ -z "$X" ]` is false when X already holds a value, true when it does not.
        versions = before && before.resolved.value !== '' && !before.branchValues ? [before] : block.branches.map((path) => path.get(name));
      }
      const variable = this.mergeVersions(versions);
      if (variable) merged.set(name, variable);
    }
    this.variables = merged;
  }

  private mergeVersions(versions: (Variable | undefined)[]): Variable | undefined {
    const defined = versions.filter((version): version is Variable => version !== undefined);
    if (defined.length === 0) return undefined;
    const last = defined[defined.length - 1];
    if (versions.every((version) => version === last)) return last;
    const values = [...new Set(defined.flatMap((version) => version.branchValues?.values ?? [version.resolved.value]))];
    const maybeUnset = defined.length < versions.length || defined.some((version) => version.branchValues?.maybeUnset);
    if (values.length === 1 && !maybeUnset) return last;
    this.markBranchFlags(versions);
    const flags = [...new Set(defined.flatMap((version) => version.flags))];
    return { resolved: last.resolved, multiword: defined.some((version) => version.multiword), branchValues: { values, maybeUnset }, flags };
  }

  /** A flag a variable holds in every branch with the same value is still certain; any other is not. */
  private markBranchFlags(versions: (Variable | undefined)[]): void {
    const flagValue = (version: Variable | undefined, flag: string) => {
      const entries = version?.flags.filter((entry) => entry.path.join('.') === flag) ?? [];
      return entries.length > 0 ? String(entries[entries.length - 1].value) : undefined;
    };
    const flags = new Set(versions.flatMap((version) => version?.flags.map((entry) => entry.path.join('.')) ?? []));
    for (const flag of flags) {
      const values = versions.map((version) => flagValue(version, flag));
      if (values.every((value) => value !== undefined && value === values[0])) continue;
      const distinct = [...new Set(values.filter((value): value is string => value !== undefined))];
      const reason = distinct.length > 1 ? `${flag} is ${distinct.join(' or ')} depending on a branch of the script` : `${flag} is set only in some branches of the script`;
      for (const version of versions) {
        for (const entry of version?.flags ?? []) if (entry.path.join('.') === flag && !this.branchDependent.has(entry)) this.branchDependent.set(entry, reason);
      }
    }
  }

  /** Index of the first assignment word after declaration commands and their options. */
  private assignmentIndex(statement: WordToken[]): number {
    let index = 0;
    while (index < statement.length) {
      const word = plainText(statement[index]);
      if (word !== undefined && (DECLARATION_COMMANDS.has(word) || (index > 0 && /^-\w+$/.test(word)))) index++;
      else break;
    }
    return index;
  }

  private runStatement(whole: WordToken[]): void {
    const statement = this.enterBlocks(whole);
    if (statement.length === 0) return;
    let index = this.assignmentIndex(statement);
    const declared = index > 0;
    while (index < statement.length && this.isAssignment(statement[index])) {
      this.assignScalar(statement[index]);
      index++;
    }
    if (declared || index === statement.length) return;
    const fields: Part[][] = [];
    for (; index < statement.length; index++) {
      const word = statement[index];
      if (isOneArgument(word)) fields.push(this.joinedField(word));
      else for (const field of word.fields) fields.push(field);
    }
    this.readFlags(fields, true);
  }

  /**
   * A quoted word with blanks in it as the one argument bash passes (`--seq-length "2048 4096"` is
   * the value "2048 4096", not 2048): its fields joined by the text between them.
   */
  private joinedField(word: WordToken): Part[] {
    const joined: Part[] = [];
    for (const field of word.fields) {
      if (field.length === 0) continue;
      const previous = joined[joined.length - 1];
      if (previous) {
        const gapOffset = previous.span.offset + previous.span.length;
        const gap = { offset: gapOffset, length: field[0].span.offset - gapOffset };
        // A backslash-newline inside double quotes is removed, not kept as a blank.
        joined.push({ kind: 'text', text: spanText(this.text, gap).replace(/\\\r?\n/g, ''), span: gap });
      }
      joined.push(...field);
    }
    return joined;
  }

  private assignmentName(word: WordToken): string | undefined {
    const first = word.fields[0]?.[0];
    if (first?.kind !== 'text') return undefined;
    return ASSIGNMENT.exec(first.text)?.[1];
  }

  /** `assignmentName(word) !== undefined`, without building the match: asked of most words. */
  private isAssignment(word: WordToken): boolean {
    const first = word.fields[0]?.[0];
    return first?.kind === 'text' && ASSIGNMENT.test(first.text);
  }

  private assignScalar(word: WordToken): void {
    const name = this.assignmentName(word) as string;
    const first = word.fields[0];
    const valueHead = dropPrefix(first, first[0].kind === 'text' ? first[0].text.indexOf('=') + 1 : 0);
    let valueFields: Part[][] = valueHead.length > 0 ? [valueHead] : [];
    for (let index = 1; index < word.fields.length; index++) if (word.fields[index].length > 0) valueFields = appended(valueFields, word.fields[index]);
    if (valueFields.length > 1) {
      const flags = this.readFlags(valueFields, false, this.heldFlags(valueFields));
      const span = { offset: valueFields[0][0].span.offset, length: word.span.offset + word.span.length - valueFields[0][0].span.offset };
      this.variables.set(name, { resolved: { value: spanText(this.text, span), span }, multiword: true, flags });
      return;
    }
    const valueField = valueFields[0] ?? [];
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: '', span: { offset: word.span.offset + word.span.length, length: 0 } };
    const holdsFlag = FLAG.test(resolved.value);
    const flags = holdsFlag ? this.readFlags(valueFields, false) : NO_FLAGS;
    this.variables.set(name, { resolved, multiword: holdsFlag || (!resolved.unresolved && /\s/.test(resolved.value.trim())), flags });
  }

  private assignArray(word: WordToken, elements: WordToken[]): void {
    const name = this.assignmentName(word) as string;
    const fields = elements.flatMap((element) => element.fields);
    const flags = this.readFlags(fields, false, this.heldFlags(fields));
    this.variables.set(name, { resolved: { value: '', span: word.span, unresolved: `$${name} is an array` }, multiword: true, flags });
  }

  /** `OPTS="$OPTS --x"`, `ARGS=("${ARGS[@]}" --x)`: the flags the variables it expands already hold. */
  private heldFlags(fields: Part[][]): ConfigEntry[] {
    const held: ConfigEntry[] = [];
    for (const field of fields) {
      const [part] = field;
      if (field.length !== 1) continue;
      const name = part.kind === 'var' ? part.name : part.kind === 'opaque' ? /^\$\{([A-Za-z_]\w*)\[[@*]\]\}$/.exec(spanText(this.text, part.span))?.[1] : undefined;
      const flags = name ? this.variables.get(name)?.flags : undefined;
      for (const flag of flags ?? []) held.push(flag);
    }
    return held;
  }

  /**
   * Pairs each `--flag` with the field after it unless that is another flag or a list of words.
   * `onCommandLine`: the flags are run where they are read, not held by a variable. Returns
   * `read` with the entries appended.
   */
  private readFlags(fields: Part[][], onCommandLine: boolean, read: ConfigEntry[] = []): ConfigEntry[] {
    const record = (entry: ConfigEntry) => {
      read.push(entry);
      this.entries.push(entry);
      if (onCommandLine && this.blocks.length > 0) this.conditionalEntries.add(entry);
    };
    // Fields that expand variables first, in order, as bash does (`${X:=...}` assigns before later
    // fields are read); the rest read no variable, so they are resolved only when they are a value.
    const resolvedFields = fields.map((field) => (field.some((part) => part.kind === 'var') ? this.resolve(field) : undefined));
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      const head = field[0];
      if (head?.kind !== 'text') continue;
      // Cheap tests first: most words are neither an override nor a flag, and a match allocates.
      const override = head.text.includes('=') ? HYDRA_OVERRIDE.exec(head.text) : null;
      if (override) {
        const keySpan = { offset: head.span.offset + override[0].indexOf(override[1]), length: override[1].length };
        record(this.valueEntry(override[1].split('.'), keySpan, dropPrefix(field, override[0].length)));
        continue;
      }
      const flag = head.text.startsWith('--') ? FLAG.exec(head.text) : null;
      if (!flag) continue;
      const keySpan = { offset: head.span.offset, length: flag[0].length };
      if (head.text[flag[0].length] === '=') {
        record(this.valueEntry([flag[0]], keySpan, dropPrefix(field, flag[0].length + 1)));
        continue;
      }
      const next = fields[index + 1];
      const nextResolved = next && (resolvedFields[index + 1] ?? this.resolve(next));
      if (next && this.isValue(next, nextResolved)) {
        record(entryOf([flag[0]], keySpan, nextResolved));
        index++;
      } else {
        record({ path: [flag[0]], keySpan, value: true, valueSpan: keySpan });
      }
    }
    return read;
  }

  private valueEntry(path: string[], keySpan: Span, valueField: Part[]): ConfigEntry {
    const resolved = valueField.length > 0 ? this.resolve(valueField) : { value: '', span: { offset: keySpan.offset + keySpan.length + 1, length: 0 } };
    return entryOf(path, keySpan, resolved);
  }

  private isValue(field: Part[], resolved: Resolved): boolean {
    const head = field[0];
    if (head?.kind === 'text' && FLAG.test(head.text)) return false;
    if (head?.kind === 'opaque' && /\[[@*]\]/.test(spanText(this.text, head.span))) return false;
    if (field.length === 1 && head?.kind === 'var') {
      const variable = this.variables.get(head.name);
      if (variable?.multiword) return false;
    }
    return !FLAG.test(resolved.value);
  }

  /** Expands one field as bash would at this point, remembering where its literal is. */
  private resolve(field: Part[]): Resolved {
    if (field.length === 1) {
      // The common case, without the arrays below (same result).
      const part = field[0];
      const piece = this.resolvePart(part);
      // A literal may take the place of `$X` or `${X:-4}`, not of `${X:=4}`, which also assigns X.
      if (part.kind === 'var' && piece.usedAt && part.operator?.replace(':', '') !== '=') piece.reference = piece.usedAt;
      return piece.value !== '' || piece.unresolved ? piece : { value: '', span: field[0].span };
    }
    const pieces = field.map((part) => this.resolvePart(part));
    const unresolved = pieces.find((piece) => piece.unresolved)?.unresolved;
    const value = pieces.map((piece) => piece.value).join('');
    const contributing = pieces.filter((piece) => piece.value !== '' || piece.unresolved);
    if (contributing.length === 1) return { ...contributing[0], unresolved };
    const first = field[0].span;
    const last = field[field.length - 1].span;
    const span = { offset: first.offset, length: last.offset + last.length - first.offset };
    return { value, span, unresolved };
  }

  private resolvePart(part: Part): Resolved {
    if (part.kind === 'text') return { value: part.text, span: part.span };
    if (part.kind === 'opaque') {
      this.countNamesIn(spanText(this.text, part.span));
      return this.resolveOpaque(part);
    }
    const variable = this.variables.get(part.name);
    const isSet = variable !== undefined && (variable.resolved.value !== '' || !part.operator?.startsWith(':'));
    const operator = part.operator?.replace(':', '');
    if (operator === '-' || operator === '=') {
      if (isSet) return this.through(part.name, variable, part.span);
      const fallback = part.operand && part.operand.length > 0 ? this.resolve(part.operand) : { value: '', span: { offset: part.span.offset + part.span.length - 1, length: 0 } };
      if (operator === '=') this.variables.set(part.name, { resolved: fallback, multiword: false, flags: NO_FLAGS });
      this.expansions.push(fallback.span);
      return { ...fallback, usedAt: part.span };
    }
    if (operator !== undefined) {
      if (variable) this.expansions.push(variable.resolved.span);
      return { value: '', span: part.span, usedAt: part.span, unresolved: `\${${part.name}${part.operator}...} is not resolved statically` };
    }
    if (!variable) return { value: '', span: part.span, usedAt: part.span, unresolved: `$${part.name} is not set in this file` };
    return this.through(part.name, variable, part.span);
  }

  /** `$((...))` over integers the script sets is what bash computes; anything else opaque stays unresolved. */
  private resolveOpaque(part: Extract<Part, { kind: 'opaque' }>): Resolved {
    const source = spanText(this.text, part.span);
    const unresolved = (reason: string): Resolved => ({ value: source, span: part.span, usedAt: part.span, unresolved: reason });
    const arithmetic = /^\$\(\(([\s\S]*)\)\)$/.exec(source);
    if (!arithmetic) return unresolved(part.reason);
    const result = evaluateArithmetic(arithmetic[1], (name) => {
      const variable = this.variables.get(name);
      if (!variable) return { unresolved: `$${name} is not set in this file` };
      const held = this.through(name, variable, part.span);
      return held.unresolved ? { unresolved: held.unresolved } : { value: held.value };
    });
    if ('unresolved' in result) return unresolved(`${part.reason}: ${result.unresolved}`);
    return { value: String(result.value), span: part.span, usedAt: part.span, computed: `${source} = ${result.shown} = ${result.value}` };
  }

  /** Arithmetic and commands read variables by bare name too (`$((ONE*2))`): each known name counts as a read. */
  private countNamesIn(text: string): void {
    for (const [name] of text.matchAll(/[A-Za-z_]\w*/g)) {
      const variable = this.variables.get(name);
      if (variable) this.expansions.push(variable.resolved.span);
    }
  }

  /** The value of a variable where it is used: the literal stays where it was written. */
  private through(name: string, variable: Variable, usedAt: Span): Resolved {
    const held = variable.resolved;
    this.expansions.push(held.span);
    const resolved: Resolved = { value: held.value, span: held.span, usedAt };
    if (held.unresolved) resolved.unresolved = held.unresolved;
    if (held.computed) resolved.computed = held.computed;
    const branches = variable.branchValues;
    if (!branches) return resolved;
    const unresolved =
      branches.values.length > 1 ? `$${name} is ${branches.values.join(' or ')} depending on a branch of the script` : `$${name} is set only in some branches of the script`;
    return { ...resolved, unresolved };
  }
}

/** The names a condition tests for being empty: `[ -z "$X" ]`, `[[ -z ${X} ]]`. */
function defaultedNames(condition: WordToken[]): Set<string> {
  const names = new Set<string>();
  condition.forEach((word, index) => {
    const next = condition[index + 1];
    const part = next?.fields.length === 1 && next.fields[0].length === 1 ? next.fields[0][0] : undefined;
    if (plainText(word) === '-z' && part?.kind === 'var') names.add(part.name);
  });
  return names;
}

function unresolve(entry: ConfigEntry, reason: string): void {
  entry.unresolved = reason;
  entry.value = null;
}

/**
 * Whether a command-line word whose quotes hold blanks is one argument to read whole. A word that
 * is a bare flag followed by more (`"--num-layers 24 --swiglu"`, a flag list quoted once) is left
 * split, as before: argparse would refuse it, and the flags are what the script means.
 */
function isOneArgument(word: WordToken): boolean {
  if (word.fields.filter((field) => field.length > 0).length < 2) return false;
  const head = word.fields[0][0];
  if (head?.kind !== 'text') return true;
  const flag = FLAG.exec(head.text);
  return !flag || head.text[flag[0].length] === '=';
}

function entryOf(path: string[], keySpan: Span, resolved: Resolved): ConfigEntry {
  const entry: ConfigEntry = { path, keySpan, value: resolved.value, valueSpan: resolved.span };
  if (resolved.usedAt) entry.usedAt = resolved.usedAt;
  if (resolved.computed) entry.computed = resolved.computed;
  if (resolved.reference) entry.reference = resolved.reference;
  if (resolved.unresolved) {
    entry.unresolved = resolved.unresolved;
    entry.value = null;
  }
  return entry;
}

/** The field without its first `count` characters (`--flag=`, `NAME=`, `model.x=`). */
function dropPrefix(field: Part[], count: number): Part[] {
  const [head, ...rest] = field;
  if (head?.kind !== 'text') return field;
  const remainder = head.text.slice(count);
  if (remainder === '') return rest;
  return [{ kind: 'text', text: remainder, span: { offset: head.span.offset + count, length: head.span.length - count } }, ...rest];
}

function plainText(word: WordToken): string | undefined {
  if (word.fields.length !== 1) return undefined;
  const parts = word.fields[0];
  if (parts.length === 1) return parts[0].kind === 'text' ? parts[0].text : undefined;
  return parts.every((part) => part.kind === 'text') ? parts.map((part) => (part as { text: string }).text).join('') : undefined;
}

function spanText(text: string, span: Span): string {
  return text.slice(span.offset, span.offset + span.length);
}
