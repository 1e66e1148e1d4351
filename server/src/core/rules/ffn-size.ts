import { largestPowerOfTwoDividing, roundUpToMultiple } from '../model/shape';
import type { Fix } from '../model/findings';
import type { Rule, RuleContext } from './rule';
import { alignment, architectureFixes, fieldName, isPositiveInteger, literalEdit, relatedAt, tensorParallelSize, type Suggestion } from './support';

/** How far from the current size the brute-force search looks: "within a few percent" (the paper's Llama-2 search, VII-B). */
const SEARCH_WINDOW = 0.05;
const MAX_FIXES = 3;
/** Each candidate costs two layer predictions: a huge MLP gets its nearest sizes searched, not thousands. */
const MAX_CANDIDATES = 32;
/**
 * A wider MLP puts more of the layer's FLOPs in its most efficient GEMMs, so the model's layer
 * TFLOP/s creeps up ~0.3% per 64 columns whatever the alignment; among sizes within this of
 * the best, the nearest (fewest parameters moved) is offered first.
 */
const SIZE_BIAS_TIE = 0.03;
/** SwiGLU's parameter-preserving ratio (Shazeer 2020; paper VI-C 4). */
const SWIGLU_RATIO = 8 / 3;
const SWIGLU_RATIO_TOLERANCE = 0.1;

/**
 * MLP sizes that are multiples of `multiple` within a few percent of the current one (and
 * at least the nearest on each side), ranked by the throughput model's predicted speed-up.
 */
export function ffnSizeFixes(context: RuleContext, multiple: number): Fix[] {
  const field = context.shape.ffnHiddenSize;
  const ffn = field.value;
  if (!isPositiveInteger(ffn)) return [];
  const h = context.shape.hiddenSize.value;
  const low = Math.max(multiple, roundUpToMultiple(Math.ceil(ffn * (1 - SEARCH_WINDOW)), multiple));
  const high = Math.floor((ffn * (1 + SEARCH_WINDOW)) / multiple) * multiple;
  const candidates = new Set<number>([Math.floor(ffn / multiple) * multiple, roundUpToMultiple(ffn, multiple)]);
  for (let size = low; size <= high; size += multiple) candidates.add(size);
  candidates.delete(ffn);
  candidates.delete(0);
  const name = fieldName(field, 'ffnHiddenSize');
  const suggestions: Suggestion[] = [...candidates]
    .sort((a, b) => Math.abs(a - ffn) - Math.abs(b - ffn) || a - b)
    .slice(0, MAX_CANDIDATES)
    .map((size) => {
      const ratio = isPositiveInteger(h) ? `, ${(size / h).toFixed(3)}·h` : '';
      const change = field.toLiteral ? `Set ${name} to ${field.toLiteral(size)} (MLP width ${size}${ratio})` : `Use ${name} ${size}${ratio ? ` (${ratio.slice(2)})` : ''}`;
      return { change, edits: [literalEdit(context, field, size)], spec: { ffnHiddenSize: size } };
    });
  return architectureFixes(context, suggestions, SIZE_BIAS_TIE).slice(0, MAX_FIXES);
}

export const ffnSizeRule: Rule = {
  id: 'ffn-size',
  defaultSeverity: 'warning',
  description: 'The MLP (feed-forward) size per GPU is not a multiple of 64; SwiGLU\'s 8h/3 is the usual cause.',
  check(context) {
    const { shape } = context;
    const ffn = shape.ffnHiddenSize.value;
    if (!isPositiveInteger(ffn)) return;
    const t = tensorParallelSize(context);
    // Not divisible by TP at all is the tensor-parallel rule's error.
    if (ffn % t !== 0) return;
    const align = alignment(context, 'linear');
    const perGpu = ffn / t;
    if (perGpu % align === 0) return;

    const h = shape.hiddenSize.value;
    const swiglu =
      shape.gatedMlp && isPositiveInteger(h) && Math.abs(ffn / h - SWIGLU_RATIO) < SWIGLU_RATIO_TOLERANCE
        ? ` SwiGLU's 8h/3 (${((8 * h) / 3).toFixed(1)} for h=${h}) broke the alignment; 8/3 is only a suggestion, and a nearby multiple of ${align} keeps the parameter count.`
        : '';
    const size = t > 1 ? `${perGpu} per GPU (${ffn} / ${t})` : String(ffn);
    context.report({
      message: `${fieldName(shape.ffnHiddenSize, 'ffnHiddenSize')}: MLP size ${size} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(perGpu)}): the MLP GEMMs, the largest in the layer, run below full tensor-core rate.${swiglu}`,
      span: context.anchor(shape.ffnHiddenSize, shape.hiddenSize),
      related: shape.ffnHiddenSize.origin === 'file' ? [] : relatedAt(shape.hiddenSize, 'hidden size (the MLP size follows from it)'),
      fixes: ffnSizeFixes(context, align * t),
    });
  },
};
