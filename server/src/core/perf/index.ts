import type { GpuSpec } from '../gpus';
import type { FixEstimate } from '../findings';
import type { LayerPrediction, LayerSpec, PredictOptions } from './types';

export * from './types';

/**
 * OWNED BY THE THROUGHPUT-MODEL WORK (issue 3). This first cut counts FLOPs at the GPU's
 * peak and exists only so that the core runs end to end before the real model lands.
 */
export function predictLayer(spec: LayerSpec, gpu: GpuSpec, options: PredictOptions): LayerPrediction {
  const tokens = spec.seqLength * spec.microBatchSize;
  const h = spec.hiddenSize;
  const layerFlops = 24 * tokens * h * h + 4 * tokens * spec.seqLength * h;
  const peak = (gpu.peakTflops[options.dtype] ?? gpu.peakTflops.bf16 ?? 1) * 1e12;
  const timeUs = (layerFlops / peak) * 1e6;
  return {
    gpu: gpu.id,
    dtype: options.dtype,
    layer: { tflops: layerFlops / (timeUs * 1e6), timeUs },
    gemms: [],
    model: { params: 12 * h * h * spec.numLayers, flopsPerToken: (layerFlops / tokens) * spec.numLayers, tokensPerSecond: tokens / ((timeUs * spec.numLayers) / 1e6) },
    fractionOfPeak: 1,
  };
}

export function compareSpecs(before: LayerSpec, after: LayerSpec, gpu: GpuSpec, options: PredictOptions): FixEstimate {
  const a = predictLayer(before, gpu, options);
  const b = predictLayer(after, gpu, options);
  return { speedup: b.layer.tflops / a.layer.tflops, paramsDelta: b.model.params - a.model.params };
}
