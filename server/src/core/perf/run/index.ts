import { gemmFlops } from '../gemm';
import { peakTflopsFor } from '../gpus';
import { type GpuSpec } from '../../model/hardware';
import { layerGemms, layerKinds, logitsGemm } from '../layer';
import { predictLayerBothWays } from '../index';
import type { GemmProfile, GemmShape, LayerSpec } from '../../model/prediction';
import { runLayout, type RunLaunch, type RunLayout } from './launch';
import { predictMemory, type MemoryPrediction, type RunTerm } from './memory';
import { predictStepTerms, stageWork, type TimeTermName } from './time';

export * from './launch';
export { activationsKept, GIB, layerActivations, predictMemory, type LayerActivations, type MemoryPrediction, type MemoryTermName, type RunTerm } from './memory';
export type { TimeTermName } from './time';

/** How MFU counts FLOPs: stated next to every MFU the tool prints. */
export const FLOPS_CONVENTION =
  'model FLOPs: 3 × the forward matmul FLOPs per token (QKV, attention scores and attention·V over the full s×s, projection, MLP, logits; causal masking not halved; recomputation not counted), as Megatron-LM num_floating_point_operations and Narayanan et al. 2021 Eq. 3 without its recompute term; MFU = tokens/s per GPU × that / the dense peak of the dtype';

export interface RunPrediction {
  tokensPerSecondPerGpu: number;
  stepSeconds: number;
  mfu: number;
  flopsConvention: string;
  modelFlopsPerToken: number;
  layout: RunLayout;
  memory: MemoryPrediction;
  /** Seconds per step by part. */
  time: Partial<Record<TimeTermName, RunTerm>>;
}

/** What FLOPS_CONVENTION becomes for a LoRA run, whose backward computes no weight gradient for the frozen linears. */
export const LORA_FLOPS_CONVENTION = 'LoRA: 3 × the forward matmul FLOPs less one forward of the frozen linears (QKV, projection, MLP, logits), whose weight gradients the backward does not compute; the adapters\' rank-r matmuls not counted';

/** Model FLOPs per token of the whole model (not per GPU), by FLOPS_CONVENTION (LORA_FLOPS_CONVENTION with `lora`); each kind of layer (layerKinds) with its own MLP. */
export function modelFlopsPerToken(spec: LayerSpec, lora = false): number {
  const whole: LayerSpec = { ...spec, tensorParallel: 1 };
  const flopsOf = (gemms: GemmShape[]): number => gemms.reduce((total, gemm) => total + gemmFlops(gemm), 0);
  const kinds = layerKinds(whole).map((kind) => {
    const gemms = layerGemms(kind.spec);
    return { count: kind.count, all: flopsOf(gemms), frozenLinear: flopsOf(gemms.filter((gemm) => !ATTENTION_CORE.has(gemm.name))) };
  });
  const logits = logitsGemm(whole);
  const logitsFlops = logits ? gemmFlops(logits) : 0;
  const forward = kinds.reduce((total, kind) => total + kind.count * kind.all, 0) + logitsFlops;
  const noWeightGradients = lora ? kinds.reduce((total, kind) => total + kind.count * kind.frozenLinear, 0) + logitsFlops : 0;
  return (3 * forward - noWeightGradients) / (spec.seqLength * spec.microBatchSize);
}

const ATTENTION_CORE: ReadonlySet<string> = new Set(['attention_score', 'attention_over_value', 'flash_attention']);

/**
 * The whole run on its GPUs: memory per GPU by term and step time by part, from the layer model
 * (`spec`, with the run's TP, sequence and micro-batch) and the launch. Throws LaunchError when
 * the parallel sizes do not divide the GPUs, layers or batch.
 */
export function predictRun(spec: LayerSpec, launch: RunLaunch, gpu: GpuSpec, profile?: GemmProfile): RunPrediction {
  const layout = runLayout(launch, spec.microBatchSize, Math.max(1, spec.tensorParallel), Math.max(1, spec.numLayers));
  // The run charges recomputation as its own term (time.ts), so the layer is predicted without it.
  const local: LayerSpec = { ...spec, seqLength: spec.seqLength / launch.contextParallel, recompute: 'none' };
  const { training, forward } = predictLayerBothWays(local, gpu, { dtype: launch.dtype, profile });
  const work = stageWork(spec, launch, layout, training, forward);
  const timeUs = predictStepTerms(spec, launch, layout, gpu, work);
  const time: Partial<Record<TimeTermName, RunTerm>> = {};
  for (const [name, term] of Object.entries(timeUs) as [TimeTermName, RunTerm | undefined][]) if (term) time[name] = { ...term, value: term.value / 1e6 };
  const stepSeconds = Object.values(time).reduce((total, term) => total + (term?.value ?? 0), 0);
  const tokensPerSecondPerGpu = (launch.globalBatch * spec.seqLength) / stepSeconds / launch.gpus;
  const flopsPerToken = modelFlopsPerToken(spec, launch.adapter !== undefined);
  return {
    tokensPerSecondPerGpu,
    stepSeconds,
    mfu: (tokensPerSecondPerGpu * flopsPerToken) / (peakTflopsFor(gpu, launch.dtype).tflops * 1e12),
    flopsConvention: launch.adapter ? `${FLOPS_CONVENTION}; ${LORA_FLOPS_CONVENTION}` : FLOPS_CONVENTION,
    modelFlopsPerToken: flopsPerToken,
    layout,
    memory: predictMemory(spec, launch, layout, gpu),
    time,
  };
}
