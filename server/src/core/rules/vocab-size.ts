import type { Fix, RelatedLocation, TextEdit } from '../model/findings';
import { largestPowerOfTwoDividing, roundUpToMultiple, type NumberField } from '../model/shape';
import type { Rule, RuleContext } from './rule';
import { alignment, effectText, fieldName, isPositiveInteger, literalEdit, relatedAt, tensorParallelSize, tensorParallelText } from './support';

/** The vocabulary the logit GEMM runs over: after the framework's padding. */
export function effectiveVocab(context: RuleContext): number | null {
  const { paddedVocabSize, vocabSize } = context.shape;
  if (isPositiveInteger(paddedVocabSize.value)) return paddedVocabSize.value;
  return isPositiveInteger(vocabSize.value) ? vocabSize.value : null;
}

interface VocabPadding {
  /** The field a person edits to change the padding. */
  field: NumberField;
  edit: TextEdit | undefined;
  title: string;
  /** Text for the message: how to pad. */
  advice: string;
  /** The vocabulary the logit GEMM will run over after the fix; null when the vocabulary is unknown. */
  paddedVocab: number | null;
}

/**
 * The safe fix that makes the vocabulary a multiple of `multiple` (alignment × TP): raise the
 * framework's padding divisor where it pads (NeoX/Megatron/NeMo/LitGPT), else the padded or
 * literal vocabulary (HF, nanoGPT), which on HF also means resizing the embedding.
 */
export function vocabPadding(context: RuleContext, multiple: number): VocabPadding | null {
  const { shape } = context;
  const vocab = effectiveVocab(context);
  const align = alignment(context, 'linear');
  const t = tensorParallelSize(context);
  const { vocabDivisor, paddedVocabSize, vocabSize } = shape;
  if (paddedVocabSize.origin === 'file' && vocab !== null) {
    const wanted = roundUpToMultiple(vocab, multiple);
    const name = fieldName(paddedVocabSize, 'paddedVocabSize');
    return { field: paddedVocabSize, edit: literalEdit(context, paddedVocabSize, wanted), title: `Pad ${name} to ${wanted}`, advice: `pad ${name} to ${wanted}`, paddedVocab: wanted };
  }
  // The framework pads to a multiple of divisor·t; a divisor that is a multiple of the alignment keeps every GPU's share aligned.
  const wantedDivisor = isPositiveInteger(vocabDivisor.value) ? roundUpToMultiple(vocabDivisor.value, align) : null;
  if (wantedDivisor !== null && wantedDivisor !== vocabDivisor.value && vocabDivisor.origin === 'file') {
    const wanted = wantedDivisor;
    const name = fieldName(vocabDivisor, 'vocabDivisor');
    const paddedVocab = isPositiveInteger(vocabSize.value) ? roundUpToMultiple(vocabSize.value, wanted * t) : null;
    const padded = paddedVocab === null ? '' : ` (pads the vocabulary to ${paddedVocab})`;
    return { field: vocabDivisor, edit: literalEdit(context, vocabDivisor, wanted), title: `Set ${name} to ${wanted}${padded}`, advice: `set ${name} to ${wanted}`, paddedVocab };
  }
  if (vocabSize.origin === 'file' && isPositiveInteger(vocabSize.value)) {
    const wanted = roundUpToMultiple(vocabSize.value, multiple);
    const name = fieldName(vocabSize, 'vocabSize');
    const resize = shape.format === 'hf' ? `; the checkpoint's embedding and output layers must be resized to match (model.resize_token_embeddings(${wanted}))` : '';
    return { field: vocabSize, edit: literalEdit(context, vocabSize, wanted), title: `Pad ${name} to ${wanted}`, advice: `pad ${name} to ${wanted} (the extra rows are never predicted)${resize}`, paddedVocab: wanted };
  }
  return null;
}

/**
 * The padding as a fix, with the model's estimate when the padded vocabulary is known. Safe only
 * where the framework pads at load (a padding divisor: Megatron, GPT-NeoX, NeMo, LitGPT) and the
 * run builds its embedding from scratch. Writing the vocabulary itself (Hugging Face, Meta,
 * nanoGPT) changes the shape of the embedding the checkpoint beside the file holds, and a run
 * that loads a checkpoint would no longer match it: those are offered, never auto-applied.
 */
export function vocabPaddingFixes(context: RuleContext, padding: VocabPadding | null): Fix[] {
  if (!padding?.edit) return [];
  const estimate = padding.paddedVocab === null ? undefined : context.estimate({ vocabSize: padding.paddedVocab });
  const loads = context.shape.loadsCheckpoint;
  const caveat = loads ? ` (this run loads a checkpoint, ${loads}, whose embedding must be resized to match)` : '';
  const padsAtLoad = padding.field === context.shape.vocabDivisor;
  return [{ title: `${padding.title}${effectText(estimate)}${caveat}`, isPreferred: true, safe: padsAtLoad && loads === undefined, edits: [padding.edit], ...(estimate ? { estimate } : {}) }];
}

export const vocabSizeRule: Rule = {
  id: 'vocab-size',
  defaultSeverity: 'warning',
  description: 'The vocabulary the framework will use (after its padding), or its per-GPU share under tensor parallelism, is not a multiple of 64.',
  check(context) {
    const vocab = effectiveVocab(context);
    const align = alignment(context, 'linear');
    if (vocab === null) {
      checkDivisorAlone(context, align);
      return;
    }
    const t = tensorParallelSize(context);
    // Not divisible by TP at all is the tensor-parallel rule's error.
    const perGpuAligned = vocab % t !== 0 || (vocab / t) % align === 0;
    if (vocab % align === 0 && perGpuAligned) return;

    const { shape } = context;
    const padded = isPositiveInteger(shape.paddedVocabSize.value) && shape.paddedVocabSize.value !== shape.vocabSize.value;
    const what = padded ? `the padded vocabulary ${vocab}` : `${fieldName(shape.vocabSize, 'vocabSize')} ${vocab}`;
    const problem =
      vocab % align !== 0
        ? `${what} is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(vocab)})`
        : `${what} gives each GPU ${vocab / t} rows under ${tensorParallelText(context)}, not a multiple of ${align}`;
    const padding = vocabPadding(context, align * t);
    const advice = padding ? `; ${padding.advice}` : '';
    const related: RelatedLocation[] = [];
    if (padding?.field !== shape.vocabSize) related.push(...relatedAt(shape.vocabSize, 'vocabulary size'));
    if (vocab % align === 0) related.push(...relatedAt(shape.tensorParallel, 'tensor-parallel size'));
    context.report({
      message: `${problem}: the logit GEMM (tokens × h × vocab) misses full tensor-core rate${advice}.`,
      span: padding?.field.valueSpan ? context.anchor(padding.field) : context.anchor(shape.vocabDivisor, shape.paddedVocabSize, shape.vocabSize),
      related,
      fixes: vocabPaddingFixes(context, padding),
    });
  },
};

/**
 * The vocabulary comes from the tokenizer (GPT-NeoX, Megatron, NeMo configs rarely say it) and
 * shapelint does not know it: the framework pads to a multiple of divisor·t. When divisor·t is
 * itself a multiple of the alignment the padded vocabulary is aligned by construction, but each
 * GPU's share (a multiple of the divisor only) is aligned only by chance; otherwise both are.
 */
function checkDivisorAlone(context: RuleContext, align: number): void {
  const divisor = context.shape.vocabDivisor;
  if (divisor.origin !== 'file' || !isPositiveInteger(divisor.value) || divisor.value % align === 0) return;
  const d = divisor.value;
  const t = tensorParallelSize(context);
  const padding = vocabPadding(context, align);
  const name = fieldName(divisor, 'vocabDivisor');
  const risk =
    (d * t) % align === 0
      ? `${name} ${d} pads the vocabulary to a multiple of ${d}·${t} = ${d * t}, a multiple of ${align}, but each of the ${t} GPUs gets a multiple of ${d} rows, which is a multiple of ${align} only by chance`
      : `${name} ${d} pads the vocabulary to a multiple of ${d}·t, which is a multiple of ${align} only by chance`;
  context.report({
    message: `${risk}: the logit GEMM (tokens × h × vocab) may miss full tensor-core rate; ${padding?.advice ?? `use a multiple of ${align}`}.`,
    span: context.anchor(divisor),
    fixes: vocabPaddingFixes(context, padding),
  });
}
