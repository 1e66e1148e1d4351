import type { Finding, Fix, TextEdit } from './findings';
import { applyFixes, safeFixes } from './fixes';

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
 * The one edit of `source.fixAll`: what `shapelint check --fix` writes (core/fixes.ts picks the
 * safe fixes and skips overlapping ones), as the smallest replacement of the changed region.
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
