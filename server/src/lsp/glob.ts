/**
 * Glob patterns (`**`, `*`, `?` and `{a,b}`: the subset VS Code's file patterns use) matched
 * without backtracking: `{…}` is expanded into a bounded number of alternatives, and each is run
 * as a set of states over the path (a Thompson simulation), so a match costs path length ×
 * pattern length at most, whatever the stars. A regular expression built from `*a*a*a…b`
 * backtracks polynomially in the number of stars on a long name that does not match.
 */

/** What `{…}` may expand to, in alternatives and in their total length. */
const MAX_ALTERNATIVES = 256;
const MAX_EXPANDED_LENGTH = 16 * 1024;

type Element =
  | { kind: 'char'; char: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**`: any run of characters. */
  | { kind: 'globstar' }
  /** The next `skip` elements may match nothing at all: `**​/` is this, `**` and `/`. */
  | { kind: 'optional'; skip: number };

export interface Glob {
  test(path: string): boolean;
}

/** Throws (with the reason, for the user) on an unclosed `{` or one that expands past the bounds. */
export function compileGlob(glob: string): Glob {
  const alternatives = expandBraces(tokensOf(glob));
  // A relative pattern with a slash may match anywhere below the workspace root: after any `/`.
  const anywhere = !(glob.startsWith('/') || glob.startsWith('**') || !glob.includes('/'));
  return { test: (path) => alternatives.some((elements) => matches(elements, path, anywhere)) };
}

type Token = Element | 'open' | 'comma' | 'close';

/** The pattern read left to right (`**` and `**​/` before `*`); `,` and `}` are syntax only inside braces. */
function tokensOf(glob: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      if (slash) tokens.push({ kind: 'optional', skip: 2 }, { kind: 'globstar' }, { kind: 'char', char: '/' });
      else tokens.push({ kind: 'globstar' });
      i += slash ? 2 : 1;
    } else if (char === '*') tokens.push({ kind: 'star' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else if (char === '{') {
      depth++;
      tokens.push('open');
    } else if (char === '}' && depth > 0) {
      depth--;
      tokens.push('close');
    } else if (char === ',' && depth > 0) tokens.push('comma');
    else tokens.push({ kind: 'char', char });
  }
  if (depth > 0) throw new Error("has a '{' that is never closed");
  return tokens;
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`, with an explicit stack (braces nest without bound). */
function expandBraces(tokens: readonly Token[]): Element[][] {
  /** Per open group: the alternatives finished so far, and the prefixes of the one being read. */
  const groups: { done: Element[][]; current: Element[][] }[] = [{ done: [], current: [[]] }];
  const top = () => groups[groups.length - 1];
  for (const token of tokens) {
    if (token === 'open') groups.push({ done: [], current: [[]] });
    else if (token === 'comma') {
      top().done.push(...top().current);
      top().current = [[]];
    } else if (token === 'close') {
      const group = groups.pop()!;
      const options = [...group.done, ...group.current];
      top().current = bounded(top().current.flatMap((prefix) => options.map((option) => [...prefix, ...option])));
    } else {
      // Each prefix is its own array (a group's close builds new ones): extended in place.
      for (const prefix of top().current) prefix.push(token);
    }
  }
  return top().current;
}

function bounded(alternatives: Element[][]): Element[][] {
  const length = alternatives.reduce((sum, alternative) => sum + alternative.length, 0);
  if (alternatives.length > MAX_ALTERNATIVES || length > MAX_EXPANDED_LENGTH) throw new Error(`expands to more than ${MAX_ALTERNATIVES} alternatives or ${MAX_EXPANDED_LENGTH} characters`);
  return alternatives;
}

/** The states reachable without reading a character: a star, `**` or `**​/` may match nothing. */
function close(elements: readonly Element[], states: Set<number>): Set<number> {
  for (const state of states) {
    const element = elements[state];
    if (element?.kind === 'optional') states.add(state + 1).add(state + 1 + element.skip);
    else if (element?.kind === 'star' || element?.kind === 'globstar') states.add(state + 1);
  }
  return states;
}

function matches(elements: readonly Element[], path: string, anywhere: boolean): boolean {
  let states = close(elements, new Set([0]));
  for (let i = 0; i < path.length && (states.size > 0 || anywhere); i++) {
    const char = path[i];
    const next = new Set<number>();
    for (const state of states) {
      const element = elements[state];
      if (element === undefined) continue;
      if (element.kind === 'char' ? element.char === char : element.kind === 'one' && char !== '/') next.add(state + 1);
      else if ((element.kind === 'star' && char !== '/') || element.kind === 'globstar') next.add(state);
    }
    if (anywhere && char === '/') next.add(0);
    states = close(elements, next);
  }
  return states.has(elements.length);
}
