import type { FixEstimate } from '../model/findings';
import { dtypeFor, type WorkKind } from './kernel-model';
import { type GpuSpec } from '../model/hardware';
import { deviceRates, elementwiseUs, type DeviceRates, gemmFlops, predictGemm } from './gemm';
import { backwardGemms, denseLayerSpec, isRecomputed, layerElementwise, layerGemms, layerKinds, logitsElementwise, logitsGemm, modelParams, recomputedWork } from './layer';
import { applyProfile, profileApplies } from './profile';
import type { Dtype, GemmName, GemmPrediction, GemmProfile, GemmShape, LayerPrediction, LayerSpec, PredictOptions } from '../model/prediction';

export * from '../model/prediction';
export { alignmentEfficiency, deviceRates, gemmFlops, predictGemm } from './gemm';
export { backwardGemms, layerGemms, layerKinds, logitsGemm, modelParams } from './layer';
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

/** One layer's GEMMs (forward, and backward and recomputation when training) and element-wise work, predicted; logits apart. */
function predictOneLayer(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions) {
  const rates = deviceRates(gpu, options.dtype);
  const ratesFor = (work: WorkKind): DeviceRates => (dtypeFor(options.dtype, work) === options.dtype ? rates : deviceRates(gpu, dtypeFor(options.dtype, work)));
  const withBackward = (shapes: GemmShape[]): GemmShape[] => (options.backward ? shapes.flatMap((shape) => [shape, ...backwardGemms(shape)]) : shapes);
  const logits = logitsGemm(spec);
  const elementwiseRates = ratesFor('elementwise');
  const recompute = options.backward ? recomputedWork(spec, elementwiseRates.elementBytes) : { gemms: [], elementwise: [] };
  const shapes = [...withBackward(layerGemms(spec)), ...recompute.gemms, ...(logits ? withBackward([logits]) : [])];
  const gemms = shapes.map((shape) => {
    const work: WorkKind = ATTENTION_GEMMS.has(shape.name) ? 'attention' : 'linear';
    return predictWithProfile(shape, ratesFor(work), applicableProfile(gpu, { dtype: dtypeFor(options.dtype, work), profile: options.profile }));
  });
  const elementwise = [...layerElementwise(spec, elementwiseRates.elementBytes, options.backward), ...recompute.elementwise].map((work) => ({ ...work, timeUs: elementwiseUs(work.bytes, elementwiseRates) }));
  const layerGemmsPredicted = gemms.filter((gemm) => gemm.name !== 'logits');
  const flops = sum(layerGemmsPredicted.filter((gemm) => !isRecomputed(gemm)).map(gemmFlops));
  const timeUs = sum(layerGemmsPredicted.map((gemm) => gemm.timeUs)) + sum(elementwise.map((work) => work.timeUs));
  return { gemms, elementwise, flops, timeUs, rates, elementwiseRates };
}

/**
 * Predicts one transformer layer (and the whole model) on a GPU: every GEMM, the element-wise
 * work that is not fused, layer TFLOP/s (logits excluded) and model tokens/s (logits included).
 * A mixture of experts that keeps dense layers is predicted per kind of layer (layerKinds): the
 * `layer` is an MoE layer, `denseLayers` the dense ones, and the model adds them up.
 */
export function predictLayer(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions): LayerPrediction {
  const moe = predictOneLayer(spec, gpu, options);
  const denseSpec = denseLayerSpec(spec);
  const dense = denseSpec ? predictOneLayer({ ...denseSpec, vocabSize: 0 }, gpu, options) : null;
  const kinds = layerKinds(spec);
  const countOf = (kind: 'moe' | 'dense'): number => kinds.find((item) => item.kind === kind)?.count ?? 0;
  const logitGemms = moe.gemms.filter((gemm) => gemm.name === 'logits');
  const crossEntropy = logitsElementwise(spec, moe.elementwiseRates.elementBytes, options.backward);
  const layersTimeUs = countOf('moe') * moe.timeUs + (dense ? countOf('dense') * dense.timeUs : 0);
  const layersFlops = countOf('moe') * moe.flops + (dense ? countOf('dense') * dense.flops : 0);
  const modelTimeUs = layersTimeUs + sum(logitGemms.map((gemm) => gemm.timeUs)) + (crossEntropy ? elementwiseUs(crossEntropy.bytes, moe.elementwiseRates) : 0);
  const modelFlopsPerGpu = layersFlops + sum(logitGemms.map(gemmFlops));
  const tokens = spec.seqLength * spec.microBatchSize;
  const layerTflops = moe.flops / moe.timeUs / 1e6;

  return {
    gpu: gpu.id,
    dtype: options.dtype,
    layer: { tflops: layerTflops, timeUs: moe.timeUs },
    gemms: moe.gemms,
    elementwise: moe.elementwise,
    ...(dense
      ? { denseLayers: { count: countOf('dense'), moeCount: countOf('moe'), layer: { tflops: dense.flops / dense.timeUs / 1e6, timeUs: dense.timeUs }, gemms: dense.gemms, elementwise: dense.elementwise } }
      : {}),
    model: {
      params: modelParams(spec),
      flopsPerToken: (modelFlopsPerGpu * Math.max(1, spec.tensorParallel)) / tokens,
      tokensPerSecond: tokens / (modelTimeUs / 1e6),
    },
    fractionOfPeak: layerTflops / moe.rates.peakTflops,
  };
}

/** The time of `layers` layers of a prediction (a pipeline stage's, or all), each kind at its own time: layerKinds' split. */
export function layersTimeUs(spec: LayerSpec, prediction: Pick<LayerPrediction, 'layer' | 'denseLayers'>, layers: number): number {
  return layerKinds(spec, layers).reduce((total, kind) => total + kind.count * (kind.kind === 'dense' && prediction.denseLayers ? prediction.denseLayers.layer.timeUs : prediction.layer.timeUs), 0);
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
