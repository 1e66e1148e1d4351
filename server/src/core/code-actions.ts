import type { Finding, Fix, TextEdit } from './findings';
import { formatCount, formatSpeedup } from './presentation';

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

/** "Use 20 heads (head dim 128): +18% layer throughput": the change and its predicted effect. */
export function fixTitle(fix: Fix): string {
  if (!fix.estimate || /%/.test(fix.title)) return fix.title;
  const effects = [`${formatSpeedup(fix.estimate.speedup)} layer throughput`];
  if (fix.estimate.paramsDelta !== 0) effects.push(`${fix.estimate.paramsDelta > 0 ? '+' : ''}${formatCount(fix.estimate.paramsDelta)} params`);
  return `${fix.title}: ${effects.join(', ')}`;
}

/**
 * The edits of `source.fixAll`: per finding its best safe fix, skipping any that would
 * overlap an edit already taken (two rules may pad the same literal). Sorted by offset.
 */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = rankFixes(finding.fixes).find((candidate) => candidate.safe);
    if (!fix || fix.edits.some((edit) => taken.some((other) => editsOverlap(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.offset - b.offset);
}

function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
