import type { Rule } from './rule';
import { syntax } from './syntax';

export type { Rule, RuleContext, FindingInput } from './rule';

/**
 * Every rule, in the order their findings are reported for one location. Retired ids stay
 * here as comments and are never reused.
 */
export const RULES: readonly Rule[] = [syntax];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
