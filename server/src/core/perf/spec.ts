import { DEFAULT_MLP_EXPANSION } from '../formats/framework-defaults';
import type { ResolvedCheckOptions } from '../pipeline/options';
import { FIELD_LABELS, type ModelShape } from '../pipeline/shape';
import type { LayerSpec } from './types';

function positive(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

/**
 * Dropout as the layer model counts it: hidden dropout adds a mask to the residual adds;
 * attention dropout is its own kernel unless FlashAttention fuses it (layer.ts drops it then).
 * An unknown rate counts as none, which the hover and report say.
 */
function dropoutOf(shape: ModelShape): Pick<LayerSpec, 'dropout' | 'attentionDropout'> {
  return { dropout: positive(shape.hiddenDropout.value), attentionDropout: positive(shape.attentionDropout.value) };
}

/** The fields that make the model's shape: one the file sets to something unusable leaves nothing to predict. */
const MODEL_FIELDS = ['hiddenSize', 'numHeads', 'numKvHeads', 'headDim', 'ffnHiddenSize', 'numLayers', 'vocabSize', 'paddedVocabSize', 'numExperts', 'expertsPerToken'] as const;

/**
 * The shape as plain numbers for the throughput model: the file's values where it has them,
 * the framework's defaults (already in the shape), then the user's settings. Null when the
 * hidden size or the head count is unknown, or a field of the model is invalid (a size the file
 * writes or derives that no framework would build): there is nothing honest to predict then.
 */
/** Why a shape has no spec, for a command that needs one: its first unusable model field, else the missing width and heads. */
export function unpredictableReason(shape: ModelShape): string {
  const invalid = MODEL_FIELDS.find((name) => shape[name].origin === 'invalid');
  if (!invalid) return 'does not say its hidden size and attention heads';
  const field = shape[invalid];
  return `has no usable ${FIELD_LABELS[invalid]} (${field.key ?? FIELD_LABELS[invalid]}: ${field.note ?? 'not a positive integer'})`;
}

export function layerSpecFromShape(shape: ModelShape, options: ResolvedCheckOptions): LayerSpec | null {
  if (MODEL_FIELDS.some((name) => shape[name].origin === 'invalid')) return null;
  const hiddenSize = shape.hiddenSize.value;
  const numHeads = shape.numHeads.value;
  if (!positive(hiddenSize) || !positive(numHeads)) return null;
  const headDim = positive(shape.headDim.value) ? shape.headDim.value : hiddenSize / numHeads;
  if (!Number.isInteger(headDim)) return null;
  const numKvHeads = positive(shape.numKvHeads.value) ? shape.numKvHeads.value : numHeads;
  const ffnHiddenSize = positive(shape.ffnHiddenSize.value) ? shape.ffnHiddenSize.value : DEFAULT_MLP_EXPANSION * hiddenSize;
  const vocab = positive(shape.paddedVocabSize.value) ? shape.paddedVocabSize.value : shape.vocabSize.value;
  return {
    hiddenSize,
    numHeads,
    numKvHeads,
    headDim,
    ffnHiddenSize,
    gatedMlp: shape.gatedMlp,
    vocabSize: positive(vocab) ? vocab : 0,
    numLayers: positive(shape.numLayers.value) ? shape.numLayers.value : 1,
    seqLength: positive(shape.seqLength.value) ? shape.seqLength.value : options.sequenceLength,
    microBatchSize: positive(shape.microBatchSize.value) ? shape.microBatchSize.value : options.microBatchSize,
    tensorParallel: positive(shape.tensorParallel.value) ? shape.tensorParallel.value : options.tensorParallelSize,
    numExperts: positive(shape.numExperts.value) ? shape.numExperts.value : 1,
    expertsPerToken: positive(shape.expertsPerToken.value) ? shape.expertsPerToken.value : 1,
    flashAttention: shape.flashAttention.value === true,
    ...dropoutOf(shape),
  };
}
