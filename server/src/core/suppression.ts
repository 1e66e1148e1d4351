/**
 * In-file suppression, for formats with comments (`#` in YAML/shell/Python, `//` in JSONC):
 *   # shapelint-disable-next-line head-dim, vocab-size
 *   # shapelint-disable head-dim          (whole file)
 * With no ids, every rule is suppressed.
 */
const DIRECTIVE = /(?:#|\/\/)\s*shapelint-disable(-next-line)?\b([^\n\r]*)/g;

export type SuppressionCheck = (ruleId: string, offset: number) => boolean;

export function suppressedRules(text: string): SuppressionCheck {
  const fileWide = new Set<string>();
  let fileWideAll = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  const lineStarts = text.includes('shapelint-disable') ? computeLineStarts(text) : null;
  if (!lineStarts) return () => false;
  for (const match of text.matchAll(DIRECTIVE)) {
    const ids = match[2]
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
    if (match[1]) {
      const nextLine = lineOf(lineStarts, match.index ?? 0) + 1;
      byLine.set(nextLine, ids.length === 0 ? 'all' : new Set(ids));
    } else if (ids.length === 0) {
      fileWideAll = true;
    } else {
      ids.forEach((id) => fileWide.add(id));
    }
  }
  return (ruleId, offset) => {
    if (fileWideAll || fileWide.has(ruleId)) return true;
    const entry = byLine.get(lineOf(lineStarts, offset));
    return entry === 'all' || (entry !== undefined && entry.has(ruleId));
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
