import type { FixEstimate } from '../model/findings';
import { dtypeFor, type WorkKind } from './kernel-model';
import { type GpuSpec } from '../model/hardware';
import { deviceRates, elementwiseUs, type DeviceRates, gemmFlops, predictGemm } from './gemm';
import { backwardGemms, denseLayerSpec, isRecomputed, layerElementwise, layerGemms, layerKinds, logitsElementwise, logitsGemm, modelParams, recomputedWork } from './layer';
import { applyProfile, profileApplies } from './profile';
import type { Dtype, ElementwisePrediction, GemmName, GemmPrediction, GemmProfile, GemmShape, LayerPrediction, LayerSpec, PredictOptions } from '../model/prediction';

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

/**
 * One layer's GEMMs (forward, and backward and recomputation when training; the logits too) and
 * the element-wise work recomputation repeats, each GEMM predicted.
 */
function predictLayerGemms(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions): { gemms: GemmPrediction[]; recomputed: Omit<ElementwisePrediction, 'timeUs'>[] } {
  const rates = ratesByWork(gpu, options.dtype);
  const withBackward = (shapes: GemmShape[]): GemmShape[] => (options.backward ? shapes.flatMap((shape) => [shape, ...backwardGemms(shape)]) : shapes);
  const logits = logitsGemm(spec);
  const recompute = options.backward ? recomputedWork(spec, rates('elementwise').elementBytes) : { gemms: [], elementwise: [] };
  const shapes = [...withBackward(layerGemms(spec)), ...recompute.gemms, ...(logits ? withBackward([logits]) : [])];
  const gemms = shapes.map((shape) => {
    const work: WorkKind = ATTENTION_GEMMS.has(shape.name) ? 'attention' : 'linear';
    return predictWithProfile(shape, rates(work), applicableProfile(gpu, { dtype: dtypeFor(options.dtype, work), profile: options.profile }));
  });
  return { gemms, recomputed: recompute.elementwise };
}

/** The device rates per kind of work: the GEMM dtype's, or what dtypeFor runs that work in (attention and element-wise stay 16-bit under FP8). */
function ratesByWork(gpu: GpuSpec, dtype: Dtype): (work: WorkKind) => DeviceRates {
  const rates = deviceRates(gpu, dtype);
  return (work) => (dtypeFor(dtype, work) === dtype ? rates : deviceRates(gpu, dtypeFor(dtype, work)));
}

/** One layer's figures from its predicted GEMMs, with the element-wise work of the pass (and `recomputed`, the backward's repeat); logits apart. */
function layerFigures(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions, gemms: GemmPrediction[], recomputed: Omit<ElementwisePrediction, 'timeUs'>[]) {
  const elementwiseRates = ratesByWork(gpu, options.dtype)('elementwise');
  const elementwise = [...layerElementwise(spec, elementwiseRates.elementBytes, options.backward), ...recomputed].map((work) => ({ ...work, timeUs: elementwiseUs(work.bytes, elementwiseRates) }));
  const layerGemmsPredicted = gemms.filter((gemm) => gemm.name !== 'logits');
  const flops = sum(layerGemmsPredicted.filter((gemm) => !isRecomputed(gemm)).map(gemmFlops));
  const timeUs = sum(layerGemmsPredicted.map((gemm) => gemm.timeUs)) + sum(elementwise.map((work) => work.timeUs));
  return { gemms, elementwise, flops, timeUs, elementwiseRates };
}

type LayerFigures = ReturnType<typeof layerFigures>;

/**
 * Predicts one transformer layer (and the whole model) on a GPU: every GEMM, the element-wise
 * work that is not fused, layer TFLOP/s (logits excluded) and model tokens/s (logits included).
 * A mixture of experts that keeps dense layers is predicted per kind of layer (layerKinds): the
 * `layer` is an MoE layer, `denseLayers` the dense ones, and the model adds them up.
 */
export function predictLayer(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions): LayerPrediction {
  const predicted = (layerSpec: LayerSpec): LayerFigures => {
    const { gemms, recomputed } = predictLayerGemms(layerSpec, gpu, options);
    return layerFigures(layerSpec, gpu, options, gemms, recomputed);
  };
  const denseSpec = denseLayerSpec(spec);
  return assemble(spec, gpu, options, predicted(spec), denseSpec ? predicted({ ...denseSpec, vocabSize: 0 }) : null);
}

/**
 * The layer with its backward and the same layer's forward alone (what recomputation repeats),
 * as predictLayer gives each, with every forward GEMM predicted once: the forward's GEMMs are
 * the training prediction's own forward GEMMs (label = name), only its element-wise work differs.
 */
export function predictLayerBothWays(spec: LayerSpec, gpu: GpuSpec, options: Omit<PredictOptions, 'backward'>): { training: LayerPrediction; forward: LayerPrediction } {
  const training = predictLayer(spec, gpu, { ...options, backward: true });
  const forwardOptions = { ...options, backward: false };
  const forwardOf = (layerSpec: LayerSpec, gemms: GemmPrediction[]): LayerFigures =>
    layerFigures(layerSpec, gpu, forwardOptions, gemms.filter((gemm) => gemm.label === gemm.name), []);
  const denseSpec = denseLayerSpec(spec);
  const dense = denseSpec && training.denseLayers ? forwardOf({ ...denseSpec, vocabSize: 0 }, training.denseLayers.gemms) : null;
  return { training, forward: assemble(spec, gpu, forwardOptions, forwardOf(spec, training.gemms), dense) };
}

/** The model's figures from its MoE (or only) layer and its dense layers, with the logits. */
function assemble(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions, moe: LayerFigures, dense: LayerFigures | null): LayerPrediction {
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
    fractionOfPeak: layerTflops / ratesByWork(gpu, options.dtype)('linear').peakTflops,
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
