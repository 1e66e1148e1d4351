import type { Rule } from './rule';
import { ffnSizeRule } from './ffn-size';
import { gatedMlpWidthRule } from './gated-mlp-width';
import { headDimRule } from './head-dim';
import { headsDivideHiddenRule } from './heads-divide-hidden';
import { hiddenSizeRule } from './hidden-size';
import { invalidValueRule } from './invalid-value';
import { kvHeadsRule } from './kv-heads';
import { memoryRule } from './memory';
import { microBatchRule } from './micro-batch';
import { notReadRule } from './not-read';
import { parallelLayoutRule } from './parallel-layout';
import { pipelineParallelRule } from './pipeline-parallel';
import { syntaxRule } from './syntax';
import { tensorParallelRule } from './tensor-parallel';
import { tokensPerBatchRule } from './tokens-per-batch';
import { unresolvedValueRule } from './unresolved-value';
import { vocabSizeRule } from './vocab-size';

export type { Rule, RuleContext, FindingInput } from './rule';

/**
 * Every rule, in the order their findings are reported for one location. Retired ids stay
 * here as comments and are never reused.
 */
export const RULES: readonly Rule[] = [
  syntaxRule,
  notReadRule,
  invalidValueRule,
  unresolvedValueRule,
  headsDivideHiddenRule,
  kvHeadsRule,
  tensorParallelRule,
  vocabSizeRule,
  headDimRule,
  hiddenSizeRule,
  ffnSizeRule,
  gatedMlpWidthRule,
  pipelineParallelRule,
  parallelLayoutRule,
  tokensPerBatchRule,
  microBatchRule,
  memoryRule,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

const DOCS_BASE = 'https://github.com/shapelint/shapelint/blob/main/docs/rules/';

/** The rule's documentation page (LSP codeDescription.href, SARIF helpUri). */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
