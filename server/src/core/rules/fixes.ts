import type { Finding, Fix, TextEdit } from '../model/findings';

/**
 * Applies the fixes' edits to the text, back to front so offsets stay valid. A fix whose
 * edits overlap an edit already taken is skipped whole (never half-applied); run check again
 * for what is left. Everything outside the edited ranges is kept byte for byte.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (hasInternalOverlap(fix.edits)) continue;
    taken.push(...fix.edits);
  }
  let result = text;
  for (const edit of [...taken].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}

/** The one fix per finding that `--fix` and `source.fixAll` apply: its preferred safe fix, else its first safe one. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  for (const finding of findings) {
    const safe = finding.fixes.filter((fix) => fix.safe);
    const fix = safe.find((candidate) => candidate.isPreferred) ?? safe[0];
    if (fix && !chosen.includes(fix)) chosen.push(fix);
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

function hasInternalOverlap(edits: readonly TextEdit[]): boolean {
  return edits.some((edit, i) => edits.slice(i + 1).some((other) => overlaps(edit, other)));
}

/**
 * A finding's fixes in the order an editor should list them: the rule's preferred fix first,
 * then by predicted speed-up (fixes without an estimate last, in the rule's order).
 */
export function rankFixes(fixes: readonly Fix[]): Fix[] {
  return fixes
    .map((fix, index) => ({ fix, index }))
    .sort(
      (a, b) =>
        Number(b.fix.isPreferred) - Number(a.fix.isPreferred) ||
        (b.fix.estimate?.speedup ?? -Infinity) - (a.fix.estimate?.speedup ?? -Infinity) ||
        a.index - b.index,
    )
    .map(({ fix }) => fix);
}

/**
 * The one edit of `source.fixAll`: what `shapelint check --fix` writes (safeFixes picks the safe
 * fixes, applyFixes skips overlapping ones), as the smallest replacement of the changed region.
 * Null when there is nothing safe to fix.
 */
export function fixAllEdit(text: string, findings: readonly Finding[]): TextEdit | null {
  const fixed = applyFixes(text, safeFixes(findings));
  if (fixed === text) return null;
  let prefix = 0;
  while (prefix < text.length && prefix < fixed.length && text[prefix] === fixed[prefix]) prefix++;
  let suffix = 0;
  while (suffix < text.length - prefix && suffix < fixed.length - prefix && text[text.length - 1 - suffix] === fixed[fixed.length - 1 - suffix]) suffix++;
  return { offset: prefix, length: text.length - prefix - suffix, newText: fixed.slice(prefix, fixed.length - suffix) };
}
