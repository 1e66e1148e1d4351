import type { Rule } from './rule';
import { architectureFixes, fieldName, headCountSuggestions, isPositiveInteger, relatedAt } from './support';

export const headsDivideHiddenRule: Rule = {
  id: 'heads-divide-hidden',
  defaultSeverity: 'error',
  description: 'The hidden size is not divisible by the number of attention heads (and no head dim is given).',
  check(context) {
    const { shape } = context;
    const h = shape.hiddenSize.value;
    const heads = shape.numHeads.value;
    if (!isPositiveInteger(h) || !isPositiveInteger(heads) || h % heads === 0) return;
    // An explicit head dim decouples the attention width from h (Gemma: 3072 with 16 heads of 256).
    if (shape.headDim.origin === 'file') return;
    const aligned = headCountSuggestions(context, true);
    context.report({
      message: `${fieldName(shape.hiddenSize, 'hiddenSize')} ${h} is not divisible by ${heads} attention heads (${h} / ${heads} = ${(h / heads).toFixed(2)}): every framework requires an integer head dim.`,
      span: context.anchor(shape.numHeads, shape.hiddenSize),
      related: relatedAt(shape.hiddenSize, 'hidden size'),
      fixes: architectureFixes(context, aligned.length > 0 ? aligned : headCountSuggestions(context, false)),
    });
  },
};
