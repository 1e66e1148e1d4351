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
  /** `**​/`: nothing, or any run of characters that ends with `/`. */
  | { kind: 'folders' };

export interface Glob {
  test(path: string): boolean;
}

/** Throws (with the reason, for the user) on an unclosed `{` or one that expands past the bounds. */
export function compileGlob(glob: string): Glob {
  const alternatives = expandBraces(glob).map(elementsOf);
  // A relative pattern with a slash may match anywhere below the workspace root: after any `/`.
  const anywhere = !(glob.startsWith('/') || glob.startsWith('**') || !glob.includes('/'));
  return { test: (path) => alternatives.some((elements) => matches(elements, path, anywhere)) };
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`, with an explicit stack (braces nest without bound). */
function expandBraces(glob: string): string[] {
  /** Per open group: the alternatives finished so far, and the prefixes of the one being read. */
  const groups: { done: string[]; current: string[] }[] = [{ done: [], current: [''] }];
  const top = () => groups[groups.length - 1];
  for (const char of glob) {
    if (char === '{') groups.push({ done: [], current: [''] });
    else if (char === ',' && groups.length > 1) {
      top().done.push(...top().current);
      top().current = [''];
    } else if (char === '}' && groups.length > 1) {
      const group = groups.pop()!;
      const options = [...group.done, ...group.current];
      top().current = bounded(top().current.flatMap((prefix) => options.map((option) => prefix + option)));
    } else top().current = top().current.map((prefix) => prefix + char);
  }
  if (groups.length > 1) throw new Error("has a '{' that is never closed");
  return top().current;
}

function bounded(alternatives: string[]): string[] {
  const length = alternatives.reduce((sum, alternative) => sum + alternative.length, 0);
  if (alternatives.length > MAX_ALTERNATIVES || length > MAX_EXPANDED_LENGTH) throw new Error(`expands to more than ${MAX_ALTERNATIVES} alternatives or ${MAX_EXPANDED_LENGTH} characters`);
  return alternatives;
}

function elementsOf(pattern: string): Element[] {
  const elements: Element[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      elements.push({ kind: slash ? 'folders' : 'globstar' });
      i += slash ? 2 : 1;
    } else if (char === '*') elements.push({ kind: 'star' });
    else if (char === '?') elements.push({ kind: 'one' });
    else elements.push({ kind: 'char', char });
  }
  return elements;
}

/** The states reachable without reading a character: a star, `**` or `**​/` may match nothing. */
function close(elements: readonly Element[], states: Set<number>): Set<number> {
  for (const state of states) {
    const kind = elements[state]?.kind;
    if (kind === 'star' || kind === 'globstar' || kind === 'folders') states.add(state + 1);
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
      else if (element.kind === 'folders') {
        next.add(state);
        if (char === '/') next.add(state + 1);
      }
    }
    if (anywhere && char === '/') next.add(0);
    states = close(elements, next);
  }
  return states.has(elements.length);
}
