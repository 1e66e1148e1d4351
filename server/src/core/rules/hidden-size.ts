import { largestPowerOfTwoDividing } from '../model/shape';
import type { Rule, RuleContext } from './rule';
import {
  alignment,
  architectureFixes,
  fieldName,
  isPositiveInteger,
  isPowerOfTwo,
  literalEdit,
  relatedAt,
  tensorParallelSize,
  tensorParallelText,
  type Suggestion,
} from './support';

/** How many multiples away the search for a hidden size that keeps an integer head dim goes. */
const SEARCH_STEPS = 64;

/** The nearest hidden sizes on each side that are multiples of `multiple` and keep the head dim an integer. */
export function hiddenSizeSuggestions(context: RuleContext, multiple: number): Suggestion[] {
  const { shape } = context;
  const h = shape.hiddenSize.value as number;
  const heads = shape.numHeads.value;
  const explicitHeadDim = shape.headDim.origin === 'file';
  const fits = (size: number) => size > 0 && (explicitHeadDim || !isPositiveInteger(heads) || size % heads === 0);
  const base = Math.floor(h / multiple) * multiple;
  const below = Array.from({ length: SEARCH_STEPS }, (_, i) => base - i * multiple).find((size) => size !== h && fits(size));
  const above = Array.from({ length: SEARCH_STEPS }, (_, i) => base + (i + 1) * multiple).find(fits);
  const ffn = shape.ffnHiddenSize;
  return [below, above]
    .filter((size): size is number => size !== undefined)
    .sort((a, b) => Math.abs(a - h) - Math.abs(b - h))
    .map((size) => {
      const headDim = explicitHeadDim || !isPositiveInteger(heads) ? shape.headDim.value : size / heads;
      // An MLP size the file does not set follows h (4h, 8h/3): scale it with h for the estimate.
      const ffnSize = ffn.origin !== 'file' && isPositiveInteger(ffn.value) ? Math.round((ffn.value * size) / h) : undefined;
      return {
        change: `Use ${fieldName(shape.hiddenSize, 'hiddenSize')} ${size}${headDim !== null && !explicitHeadDim ? ` (head dim ${headDim})` : ''}`,
        edits: [literalEdit(context, shape.hiddenSize, size)],
        spec: { hiddenSize: size, ...(headDim !== null ? { headDim } : {}), ...(ffnSize !== undefined ? { ffnHiddenSize: ffnSize } : {}) },
      };
    });
}

export const hiddenSizeRule: Rule = {
  id: 'hidden-size',
  defaultSeverity: 'warning',
  description: 'The hidden size, or its per-GPU share under tensor parallelism, is not a multiple of 64.',
  check(context) {
    const { shape } = context;
    const h = shape.hiddenSize.value;
    if (!isPositiveInteger(h)) return;
    const align = alignment(context, 'linear');
    const t = tensorParallelSize(context);
    const name = fieldName(shape.hiddenSize, 'hiddenSize');
    let problem: string;
    if (h % align !== 0) {
      problem = `${name} ${h} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(h)})`;
    } else if (h % t === 0 && (h / t) % align !== 0 && isPowerOfTwo(t)) {
      // A TP size that is not a power of two is the tensor-parallel rule's warning (the 6-GPU case).
      problem = `${name} ${h} gives each GPU ${h / t} under ${tensorParallelText(context)}, not a multiple of ${align}`;
    } else {
      return;
    }
    context.report({
      message: `${problem}: every GEMM of the layer has h (or h/t) as a dimension and runs below full tensor-core rate.`,
      span: context.anchor(shape.hiddenSize),
      related: h % align === 0 ? relatedAt(shape.tensorParallel, 'tensor-parallel size') : [],
      fixes: architectureFixes(context, hiddenSizeSuggestions(context, align * t)),
    });
  },
};
