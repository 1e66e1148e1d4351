import type { FixEstimate } from '../model/findings';
import { dtypeFor, type WorkKind } from './kernel-model';
import { type GpuSpec } from '../model/hardware';
import { deviceRates, elementwiseUs, type DeviceRates, gemmFlops, predictGemm } from './gemm';
import { backwardGemms, isRecomputed, layerElementwise, layerGemms, logitsElementwise, logitsGemm, modelParams, recomputedWork } from './layer';
import { applyProfile, profileApplies } from './profile';
import type { Dtype, ElementwisePrediction, GemmName, GemmPrediction, GemmProfile, GemmShape, LayerPrediction, LayerSpec, PredictOptions } from '../model/prediction';

export * from '../model/prediction';
export { alignmentEfficiency, deviceRates, gemmFlops, predictGemm } from './gemm';
export { backwardGemms, layerGemms, logitsGemm, modelParams } from './layer';
export { PROFILE_SCHEMA, ProfileError, loadGemmProfile, parseGemmProfile } from './profile';

/** The attention BMMs: in BF16 even when the linear layers run in FP8 (see dtypeFor). */
const ATTENTION_GEMMS: ReadonlySet<GemmName> = new Set(['attention_score', 'attention_over_value', 'flash_attention']);

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** One GEMM on a GPU: the model, or the profile's measurement where it covers the shape. */
export function predictGemmShape(shape: GemmShape, gpu: GpuSpec, options: Pick<PredictOptions, 'dtype' | 'profile'>): GemmPrediction {
  return predictWithProfile(shape, deviceRates(gpu, options.dtype), applicableProfile(gpu, options));
}

function applicableProfile(gpu: GpuSpec, options: Pick<PredictOptions, 'dtype' | 'profile'>): GemmProfile | undefined {
  return options.profile && profileApplies(options.profile, gpu.id, options.dtype) ? options.profile : undefined;
}

function predictWithProfile(shape: GemmShape, rates: DeviceRates, profile: GemmProfile | undefined): GemmPrediction {
  const modelled = predictGemm(shape, rates);
  if (!profile) return modelled;
  return applyProfile(modelled, profile, (neighbour) => predictGemm(neighbour, rates));
}

/**
 * Predicts one transformer layer (and the whole model) on a GPU: every GEMM, the element-wise
 * work that is not fused, layer TFLOP/s (logits excluded) and model tokens/s (logits included).
 */
export function predictLayer(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions): LayerPrediction {
  const rates = ratesByWork(gpu, options.dtype);
  const withBackward = (shapes: GemmShape[]): GemmShape[] => (options.backward ? shapes.flatMap((shape) => [shape, ...backwardGemms(shape)]) : shapes);
  const logits = logitsGemm(spec);
  const recompute = options.backward ? recomputedWork(spec, rates('elementwise').elementBytes) : { gemms: [], elementwise: [] };
  const shapes = [...withBackward(layerGemms(spec)), ...recompute.gemms, ...(logits ? withBackward([logits]) : [])];
  const gemms = shapes.map((shape) => {
    const work: WorkKind = ATTENTION_GEMMS.has(shape.name) ? 'attention' : 'linear';
    return predictWithProfile(shape, rates(work), applicableProfile(gpu, { dtype: dtypeFor(options.dtype, work), profile: options.profile }));
  });
  return assemble(spec, gpu, options, gemms, recompute.elementwise);
}

/**
 * The layer with its backward and the same layer's forward alone (what recomputation repeats),
 * as predictLayer gives each, with every forward GEMM predicted once: the forward's GEMMs are
 * the training prediction's own forward GEMMs (label = name), only its element-wise work differs.
 */
export function predictLayerBothWays(spec: LayerSpec, gpu: GpuSpec, options: Omit<PredictOptions, 'backward'>): { training: LayerPrediction; forward: LayerPrediction } {
  const training = predictLayer(spec, gpu, { ...options, backward: true });
  const forwardGemms = training.gemms.filter((gemm) => gemm.label === gemm.name);
  return { training, forward: assemble(spec, gpu, { ...options, backward: false }, forwardGemms, []) };
}

/** The device rates per kind of work: the GEMM dtype's, or what dtypeFor runs that work in (attention and element-wise stay 16-bit under FP8). */
function ratesByWork(gpu: GpuSpec, dtype: Dtype): (work: WorkKind) => DeviceRates {
  const rates = deviceRates(gpu, dtype);
  return (work) => (dtypeFor(dtype, work) === dtype ? rates : deviceRates(gpu, dtypeFor(dtype, work)));
}

/** The layer's and the model's figures from its predicted GEMMs, with the element-wise work of the pass (and `recomputed`, the backward's repeat). */
function assemble(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions, gemms: GemmPrediction[], recomputed: Omit<ElementwisePrediction, 'timeUs'>[]): LayerPrediction {
  const rates = ratesByWork(gpu, options.dtype);
  const elementwiseRates = rates('elementwise');
  const elementwise = [...layerElementwise(spec, elementwiseRates.elementBytes, options.backward), ...recomputed].map((work) => ({ ...work, timeUs: elementwiseUs(work.bytes, elementwiseRates) }));
  const layer = gemms.filter((gemm) => gemm.name !== 'logits');
  const logitGemms = gemms.filter((gemm) => gemm.name === 'logits');
  const layerFlops = sum(layer.filter((gemm) => !isRecomputed(gemm)).map(gemmFlops));
  const layerTimeUs = sum(layer.map((gemm) => gemm.timeUs)) + sum(elementwise.map((work) => work.timeUs));

  const crossEntropy = logitsElementwise(spec, elementwiseRates.elementBytes, options.backward);
  const layers = Math.max(1, spec.numLayers);
  const modelTimeUs = layers * layerTimeUs + sum(logitGemms.map((gemm) => gemm.timeUs)) + (crossEntropy ? elementwiseUs(crossEntropy.bytes, elementwiseRates) : 0);
  const modelFlopsPerGpu = layers * layerFlops + sum(logitGemms.map(gemmFlops));
  const tokens = spec.seqLength * spec.microBatchSize;
  const layerTflops = layerFlops / layerTimeUs / 1e6;

  return {
    gpu: gpu.id,
    dtype: options.dtype,
    layer: { tflops: layerTflops, timeUs: layerTimeUs },
    gemms,
    elementwise,
    model: {
      params: modelParams(spec),
      flopsPerToken: (modelFlopsPerGpu * Math.max(1, spec.tensorParallel)) / tokens,
      tokensPerSecond: tokens / (modelTimeUs / 1e6),
    },
    fractionOfPeak: layerTflops / rates('linear').peakTflops,
  };
}

function onlyVocabDiffers(before: LayerSpec, after: LayerSpec): boolean {
  return (Object.keys(before) as (keyof LayerSpec)[]).every((key) => key === 'vocabSize' || before[key] === after[key]);
}

/**
 * The predicted effect of changing a shape: throughput after / before. A change of the vocabulary
 * alone shows only in the logits, so it compares model tokens/s; anything else compares the
 * layer's TFLOP/s (per FLOP, so a wider but better-aligned MLP is judged on efficiency).
 */
export function compareSpecs(before: LayerSpec, after: LayerSpec, gpu: GpuSpec, options: PredictOptions): FixEstimate {
  const a = predictLayer(before, gpu, options);
  const b = predictLayer(after, gpu, options);
  const paramsDelta = b.model.params - a.model.params;
  if (onlyVocabDiffers(before, after)) return { speedup: b.model.tokensPerSecond / a.model.tokensPerSecond, scope: 'model', paramsDelta };
  return { speedup: b.layer.tflops / a.layer.tflops, scope: 'layer', paramsDelta };
}

/**
 * The prediction for a checked file (CheckResult's spec and options) on its GPU; null when the
 * file's shape is unknown. What `check --format json` prints as "prediction" and hovers show.
 */
export function predictForShape(
  result: { spec: LayerSpec | null; options: { gpu: GpuSpec; dtype: Dtype } },
  extra: { backward?: boolean; profile?: GemmProfile } = {},
): LayerPrediction | null {
  if (!result.spec) return null;
  return predictLayer(result.spec, result.options.gpu, { dtype: result.options.dtype, backward: extra.backward ?? false, profile: extra.profile });
}
