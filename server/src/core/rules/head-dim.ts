import { largestPowerOfTwoDividing } from '../model/shape';
import type { Rule, RuleContext } from './rule';
import {
  alignment,
  architectureFixes,
  fieldName,
  headCountSuggestions,
  isPositiveInteger,
  isPowerOfTwo,
  literalEdit,
  nearestOnEachSide,
  relatedAt,
  type Suggestion,
} from './support';

/** An explicit head dim (HF `head_dim`, Megatron `--kv-channels`) is changed directly: the nearest aligned values. */
function headDimSuggestions(context: RuleContext, headDim: number, align: number): Suggestion[] {
  const candidates = [Math.floor(headDim / align) * align, Math.ceil(headDim / align) * align].filter((d) => d > 0);
  return nearestOnEachSide(headDim, candidates).map((wanted) => ({
    change: `Set ${fieldName(context.shape.headDim, 'headDim')} to ${wanted}`,
    edits: [literalEdit(context, context.shape.headDim, wanted)],
    spec: { headDim: wanted },
  }));
}

export const headDimRule: Rule = {
  id: 'head-dim',
  defaultSeverity: 'warning',
  description: 'The attention head dim (explicit, else hidden size / heads) is not a multiple of 64.',
  check(context) {
    const { shape } = context;
    const headDim = shape.headDim.value;
    // A fractional h/a is the heads-divide-hidden rule's error.
    if (!isPositiveInteger(headDim)) return;
    const align = alignment(context, 'attention');
    if (headDim % align === 0) return;

    const explicit = shape.headDim.origin === 'file';
    const h = shape.hiddenSize.value;
    const a = shape.numHeads.value;
    // Multi-latent attention derives the head dim from its own fields: fewer heads do not change it.
    const fromHeads = !explicit && isPositiveInteger(h) && isPositiveInteger(a) && h / a === headDim;
    const how = explicit
      ? `head dim ${headDim}`
      : fromHeads
        ? `head dim ${headDim} (${fieldName(shape.hiddenSize, 'hiddenSize')} ${h} / ${a} heads)`
        : `head dim ${headDim} (${shape.headDim.note ?? 'derived by the framework'})`;
    const problem =
      isPowerOfTwo(headDim) && headDim < align
        ? `${how} is below ${align}`
        : `${how} is not a multiple of ${align}; its largest power-of-two factor is ${largestPowerOfTwoDividing(headDim)}`;
    context.report({
      message: `${problem}: the attention-score and attention-over-value GEMMs (inner size: the head dim) run below full tensor-core rate, more so the fewer powers of two divide it.`,
      span: explicit ? context.anchor(shape.headDim) : context.anchor(shape.headDim, shape.numHeads, shape.hiddenSize),
      related: fromHeads ? relatedAt(shape.hiddenSize, 'hidden size') : [],
      fixes: architectureFixes(context, explicit ? headDimSuggestions(context, headDim, align) : fromHeads ? headCountSuggestions(context, true) : []),
    });
  },
};
