import { DEFAULT_MLP_EXPANSION } from '../formats/catalogue/framework-defaults';
import { FIELD_LABELS, LATENT_ATTENTION_FIELDS, LATENT_ATTENTION_LABELS, type Launch, type ModelShape } from '../model/shape';
import { chooseAttentionKernel } from './attention';
import type { GpuSpec } from '../model/hardware';
import type { LatentAttention, LayerSpec } from '../model/prediction';

function positive(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

/**
 * Dropout as the layer model counts it: hidden dropout adds a mask to the residual adds;
 * attention dropout is its own kernel unless FlashAttention fuses it (layer.ts drops it then).
 * An unknown rate counts as none, which the hover and report say.
 */
function dropoutOf(launch: Launch): Pick<LayerSpec, 'dropout' | 'attentionDropout'> {
  return { dropout: positive(launch.hiddenDropout.value), attentionDropout: positive(launch.attentionDropout.value) };
}

/** The attention fields of a LayerSpec: the kernel the framework's choice runs on this GPU, in this dtype, at this head dim. */
export function attentionSpec(launch: Pick<Launch, 'attentionKernel' | 'dtype'>, gpu: GpuSpec, headDim: number): Pick<LayerSpec, 'flashAttention' | 'fusedKernel'> {
  const { kernel } = chooseAttentionKernel(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  return kernel === 'unfused' ? { flashAttention: false } : { flashAttention: true, fusedKernel: kernel };
}

/**
 * A spec with some dimensions changed (a fix, a sweep point, a candidate), its attention kernel
 * chosen again for the new head dim under the same launch: what the framework would run for it.
 */
export function changedSpec(spec: LayerSpec, change: Partial<LayerSpec>, launch: Launch | null | undefined, gpu: GpuSpec): LayerSpec {
  const changed = { ...spec, ...change };
  return launch ? { ...changed, ...attentionSpec(launch, gpu, changed.headDim) } : changed;
}

/** The fields that make the model's shape: one the file sets to something unusable leaves nothing to predict. */
export const MODEL_FIELDS = [
  'hiddenSize',
  'numHeads',
  'numKvHeads',
  'headDim',
  'ffnHiddenSize',
  'numLayers',
  'vocabSize',
  'paddedVocabSize',
  'numExperts',
  'expertsPerToken',
  'denseLayers',
  'denseFfnHiddenSize',
  'sharedExpertFfnSize',
] as const;

/** Why a shape has no spec, for a command that needs one: its first unusable model field, else the missing width and heads. */
export function unpredictableReason(shape: ModelShape): string {
  const invalid = MODEL_FIELDS.find((name) => shape[name].origin === 'invalid');
  const latent = shape.latentAttention && LATENT_ATTENTION_FIELDS.find((name) => shape.latentAttention![name].origin === 'invalid');
  if (!invalid && latent) {
    const field = shape.latentAttention![latent];
    return `has no usable ${LATENT_ATTENTION_LABELS[latent]} (${field.key ?? LATENT_ATTENTION_LABELS[latent]}: ${field.note ?? 'not a positive integer'})`;
  }
  if (!invalid) return 'does not say its hidden size and attention heads';
  const field = shape[invalid];
  return `has no usable ${FIELD_LABELS[invalid]} (${field.key ?? FIELD_LABELS[invalid]}: ${field.note ?? 'not a positive integer'})`;
}

/** A mixture of experts' dense layers and shared experts, where the shape knows them (unknown: none). */
function moeLayersOf(shape: ModelShape): Pick<LayerSpec, 'denseLayers' | 'denseFfnHiddenSize' | 'sharedExpertFfnSize'> {
  if (!positive(shape.numExperts.value) || shape.numExperts.value <= 1) return {};
  const dense = shape.denseLayers.value;
  const denseFfn = shape.denseFfnHiddenSize.value;
  const shared = shape.sharedExpertFfnSize.value;
  return {
    ...(positive(dense) ? { denseLayers: dense, ...(positive(denseFfn) ? { denseFfnHiddenSize: denseFfn } : {}) } : {}),
    ...(positive(shared) ? { sharedExpertFfnSize: shared } : {}),
  };
}

/**
 * Multi-latent attention's sizes where the shape gives every one (a query rank of 0: no query
 * compression); else none, and the layer is modelled as standard attention of `headDim`.
 */
function latentAttentionOf(shape: ModelShape): LatentAttention | undefined {
  const fields = shape.latentAttention;
  if (!fields) return undefined;
  const { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } = fields;
  if (![kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim].every((field) => positive(field.value)) || qLoraRank.value === null || qLoraRank.value < 0) return undefined;
  return { qLoraRank: qLoraRank.value, kvLoraRank: kvLoraRank.value!, qkNopeHeadDim: qkNopeHeadDim.value!, qkRopeHeadDim: qkRopeHeadDim.value!, vHeadDim: vHeadDim.value! };
}

/**
 * The shape as plain numbers for the throughput model: the file's values where it has them,
 * the framework's defaults (already in the shape), then the user's settings (the launch says
 * which). Null when the hidden size or the head count is unknown, or a field of the model is
 * invalid (a size the file writes or derives that no framework would build): there is nothing
 * honest to predict then.
 */
export function layerSpecFromShape(shape: ModelShape, launch: Launch, gpu: GpuSpec): LayerSpec | null {
  if (MODEL_FIELDS.some((name) => shape[name].origin === 'invalid')) return null;
  if (shape.latentAttention && LATENT_ATTENTION_FIELDS.some((name) => shape.latentAttention![name].origin === 'invalid')) return null;
  const hiddenSize = shape.hiddenSize.value;
  const numHeads = shape.numHeads.value;
  if (!positive(hiddenSize) || !positive(numHeads)) return null;
  const latentAttention = latentAttentionOf(shape);
  // Multi-latent attention's kernel runs the query-key head dim, whatever a head_dim key says.
  const headDim = latentAttention ? latentAttention.qkNopeHeadDim + latentAttention.qkRopeHeadDim : positive(shape.headDim.value) ? shape.headDim.value : hiddenSize / numHeads;
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
    seqLength: launch.seqLength.value,
    microBatchSize: launch.microBatchSize.value,
    tensorParallel: launch.tensorParallel.value,
    numExperts: positive(shape.numExperts.value) ? shape.numExperts.value : 1,
    expertsPerToken: positive(shape.expertsPerToken.value) ? shape.expertsPerToken.value : 1,
    ...moeLayersOf(shape),
    ...(latentAttention ? { latentAttention } : {}),
    ...attentionSpec(launch, gpu, headDim),
    recompute: launch.recompute.value,
    ...dropoutOf(launch),
  };
}
