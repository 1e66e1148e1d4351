import type { Fix } from '../model/findings';
import { divisorsOf, largestPowerOfTwoDividing, roundUpToMultiple, type NumberField } from '../model/shape';
import { ffnSizeFixes } from './ffn-size';
import { hiddenSizeSuggestions } from './hidden-size';
import type { Rule, RuleContext } from './rule';
import {
  alignment,
  architectureFixes,
  fieldName,
  headCountSuggestions,
  isPositiveInteger,
  isPowerOfTwo,
  kvHeadsFitTensorParallel,
  literalEdit,
  microBatchSize,
  nearestOnEachSide,
  relatedAt,
  tensorParallelSize,
  tensorParallelText,
} from './support';
import { effectiveVocab, vocabPadding, vocabPaddingFixes } from './vocab-size';

function kvHeadFixes(context: RuleContext, heads: number, t: number): Fix[] {
  const kvField = context.shape.numKvHeads;
  const current = kvField.value as number;
  const candidates = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
  return architectureFixes(
    context,
    nearestOnEachSide(current, candidates).map((wanted) => ({
      change: `Use ${wanted} kv heads`,
      edits: [literalEdit(context, kvField, wanted)],
      spec: { numKvHeads: wanted },
    })),
  );
}

export const tensorParallelRule: Rule = {
  id: 'tensor-parallel',
  defaultSeverity: 'error',
  description:
    'Hidden size, heads, kv heads, MLP size or padded vocabulary do not shard evenly over the tensor-parallel GPUs, or a TP size that is not a power of two costs h/t its alignment.',
  check(context) {
    const t = tensorParallelSize(context);
    if (t <= 1) return;
    const { shape } = context;
    const tp = shape.tensorParallel;
    const tpText = tensorParallelText(context);
    const align = alignment(context, 'linear');
    const notDivisible = (field: NumberField, what: string, why: string, fixes: Fix[]): void => {
      context.report({
        message: `${what} is not divisible by ${tpText}: ${why}.`,
        span: context.anchor(field, tp),
        related: field.origin === 'file' ? relatedAt(tp, 'tensor-parallel size') : [],
        fixes,
      });
    };

    const h = shape.hiddenSize.value;
    if (isPositiveInteger(h) && h % t !== 0) {
      notDivisible(shape.hiddenSize, `${fieldName(shape.hiddenSize, 'hiddenSize')} ${h}`, 'each GPU holds h/t columns of every weight', architectureFixes(context, hiddenSizeSuggestions(context, align * t)));
    }

    const heads = shape.numHeads.value;
    if (isPositiveInteger(heads) && heads % t !== 0) {
      const b = microBatchSize(context);
      const perGpu = (b * heads) / t;
      const batched = Number.isInteger(perGpu) ? '' : `; the attention BMMs' batch (b·a)/t = ${b}·${heads}/${t} is not an integer`;
      notDivisible(shape.numHeads, `${heads} attention heads`, `each GPU must hold whole heads${batched}`, architectureFixes(context, headCountSuggestions(context, true)));
    }

    const kvHeads = shape.numKvHeads.value;
    const groupedQuery = isPositiveInteger(kvHeads) && (kvHeads !== heads || shape.numKvHeads.origin === 'file');
    if (groupedQuery && isPositiveInteger(heads) && !kvHeadsFitTensorParallel(context, kvHeads, t)) {
      const rule = shape.kvHeadsMayDivideTensorParallel ? 'must be a multiple or a divisor of the TP size' : 'must be a multiple of the TP size';
      notDivisible(shape.numKvHeads, `${fieldName(shape.numKvHeads, 'numKvHeads')} ${kvHeads}`, `key/value heads ${rule}`, kvHeadFixes(context, heads, t));
    }

    const ffn = shape.ffnHiddenSize.value;
    if (isPositiveInteger(ffn) && ffn % t !== 0) {
      notDivisible(shape.ffnHiddenSize, `MLP size ${ffn}`, 'each GPU holds ffn/t columns of the MLP', ffnSizeFixes(context, align * t));
    }

    const vocab = effectiveVocab(context);
    if (vocab !== null && vocab % t !== 0) {
      const padding = vocabPadding(context, align * t);
      const field = padding?.field ?? shape.vocabSize;
      notDivisible(field, `the vocabulary ${vocab}`, `the embedding and logit layers are split by rows (pad it to ${roundUpToMultiple(vocab, align * t)})`, vocabPaddingFixes(context, padding));
    }

    // The paper's 6-GPU-node case (VII-A): h is aligned, but a TP size with an odd factor leaves h/t fewer powers of two.
    if (isPositiveInteger(h) && !isPowerOfTwo(t) && h % align === 0 && h % t === 0 && (h / t) % align !== 0) {
      const step = align * t;
      context.report({
        message:
          `${tpText} is not a power of two: h/t = ${h}/${t} = ${h / t} keeps only ${largestPowerOfTwoDividing(h / t)} as its power-of-two factor, below ${align}. ` +
          `A hidden size divisible by ${t}·${align} = ${step} (${Math.floor(h / step) * step || step} or ${roundUpToMultiple(h + 1, step)}), or a power-of-two TP size, keeps every GPU's share aligned.`,
        severity: 'warning',
        span: context.anchor(tp, shape.hiddenSize),
        related: relatedAt(shape.hiddenSize, 'hidden size'),
        fixes: [],
      });
    }
  },
};
