import { megatronSwigluWidth } from '../../formats/catalogue/framework-defaults';
import { findGpu } from '../gpus';
import { type GpuSpec } from '../../model/hardware';
import type { Dtype, LayerSpec } from '../../model/prediction';
import { predictRun, type RunPrediction } from './index';
import { median, ORDER_MIN_GAP } from '../measurements';
import { GIB, type MemoryPrediction } from './memory';
import type { Adapter, AttentionImplementation, RecomputeMode, Sharding } from '../../model/shape';
import { attentionSpec } from '../spec';
import type { RunLaunch, SelectivePolicy } from './launch';

/** Published, measured training runs (data/runs/*.json; schema in data/runs/README.md). */
export interface RunSource {
  id: string;
  role: 'calibration' | 'validation';
  title: string;
  repo?: string;
  path?: string;
  commit?: string;
  url?: string;
  arxiv?: string;
  where: string;
  framework: string;
  flopsConvention: string;
  /** What the published peak memory counts; required where a run has peakMemoryGiB (see MemoryMeasure). */
  memoryMeasure?: MemoryMeasure;
  note?: string;
}

/**
 * What a published peak memory counts:
 * - `torch-max-reserved`: the caching allocator's peak reserved bytes (torchtitan logs
 *   `max_reserved_gib` from torch.cuda.memory_stats "reserved_bytes.all.peak");
 * - `torch-max-allocated`: the peak bytes held by live tensors (Megatron-LM's
 *   `mem-max-allocated-bytes`, torch.cuda.max_memory_allocated);
 * - `device`: the GPU's used memory as nvidia-smi shows it.
 * The two torch counts leave out what the CUDA context and NCCL take outside the allocator, so
 * they are compared with the prediction less its `runtime` term.
 */
export type MemoryMeasure = 'torch-max-reserved' | 'torch-max-allocated' | 'device';

export interface RunModel {
  hidden: number;
  heads: number;
  kvHeads?: number;
  headDim?: number;
  ffn?: number;
  activation: 'gelu' | 'swiglu';
  layers: number;
  vocab: number;
  experts?: number;
  expertsPerToken?: number;
  dropout?: boolean;
  untiedEmbeddings?: boolean;
}

export interface RunLaunchRecord {
  gpus: number;
  gpusPerNode?: number;
  interNodeGbps?: number;
  seq: number;
  microBatch: number;
  globalBatch: number;
  tp?: number;
  pp?: number;
  cp?: number;
  ep?: number;
  vp?: number;
  /** What the pipeline split counts besides the transformer layers (launch.ts pipelineExtraLayers): 2 where Megatron-Core's account_for_embedding/loss_in_pipeline_split are set. */
  pipelineExtraLayers?: number;
  sequenceParallel?: boolean;
  sharding: Sharding;
  recompute: RecomputeMode;
  /** What selective recomputation keeps (launch.ts SelectivePolicy); Megatron-LM's where absent. */
  selectivePolicy?: SelectivePolicy;
  /** The loss runs under torch.compile (launch.ts compiledLoss). */
  compiledLoss?: boolean;
  /** Measured with bitsandbytes before 0.43.2, whose MatMul4Bit held 4-bit linears' inputs (launch.ts heldQuantizedInputs). */
  heldQuantizedInputs?: boolean;
  /** The attention implementation the framework runs, as shapelint names it (perf/attention.ts picks the kernel per GPU). */
  attention: AttentionImplementation;
  dtype: Dtype;
  overlapGradReduce?: boolean;
  /** Transformer Engine's tensor-parallel communication overlap was on (launch.ts tpCommOverlap); absent: off. */
  tpCommOverlap?: boolean;
  /** A LoRA/QLoRA fine-tune (launch.ts adapter), as its config set it. */
  adapter?: Omit<Adapter, 'note'>;
}

export interface MeasuredRun {
  id: string;
  gpu: string;
  model: RunModel;
  launch: RunLaunchRecord;
  /** tokensPerSecondPerGpu, or tflopsPerGpu under the source's convention (narayanan-2021 Eq. 3); a source may publish only peakMemoryGiB. */
  measured: { tokensPerSecondPerGpu?: number; tflopsPerGpu?: number; modelTflopsPerGpu?: number; mfu?: number; peakMemoryGiB?: number };
  note?: string;
}

export interface RunFile {
  source: RunSource;
  runs: MeasuredRun[];
}

export interface ScoredRun {
  source: string;
  role: RunSource['role'];
  gpu: string;
  dtype: Dtype;
  id: string;
  /** Absent where the source published only peak memory. */
  measuredTokensPerSecond?: number;
  predictedTokensPerSecond: number;
  measuredMemoryGiB?: number;
  predictedMemoryGiB: number;
}

/** The layer spec and launch a measured run describes. */
export function runInputs(run: MeasuredRun): { spec: LayerSpec; launch: RunLaunch; gpu: GpuSpec } {
  const gpu = findGpu(run.gpu);
  if (!gpu) throw new Error(`run ${run.id}: unknown GPU ${run.gpu}`);
  const { model, launch } = run;
  const gated = model.activation === 'swiglu';
  const spec: LayerSpec = {
    hiddenSize: model.hidden,
    numHeads: model.heads,
    numKvHeads: model.kvHeads ?? model.heads,
    headDim: model.headDim ?? model.hidden / model.heads,
    ffnHiddenSize: model.ffn ?? (gated ? megatronSwigluWidth(model.hidden) : 4 * model.hidden),
    gatedMlp: gated,
    vocabSize: model.vocab,
    numLayers: model.layers,
    seqLength: launch.seq,
    microBatchSize: launch.microBatch,
    tensorParallel: launch.tp ?? 1,
    numExperts: model.experts ?? 1,
    expertsPerToken: model.expertsPerToken ?? 1,
    ...attentionSpec({ attentionKernel: { value: launch.attention, origin: 'file' }, dtype: { value: launch.dtype, origin: 'file' } }, gpu, model.headDim ?? model.hidden / model.heads),
    dropout: model.dropout ?? false,
  };
  const runLaunch: RunLaunch = {
    dtype: launch.dtype,
    gpus: launch.gpus,
    gpusPerNode: launch.gpusPerNode ?? gpu.intraNode.domainSize,
    pipelineParallel: launch.pp ?? 1,
    contextParallel: launch.cp ?? 1,
    expertParallel: launch.ep ?? 1,
    virtualStages: launch.vp ?? 1,
    ...(launch.pipelineExtraLayers ? { pipelineExtraLayers: launch.pipelineExtraLayers } : {}),
    globalBatch: launch.globalBatch,
    sequenceParallel: launch.sequenceParallel ?? false,
    sharding: launch.sharding,
    recompute: launch.recompute,
    selectivePolicy: launch.selectivePolicy,
    compiledLoss: launch.compiledLoss,
    ...(launch.heldQuantizedInputs ? { heldQuantizedInputs: true } : {}),
    overlapGradReduce: launch.overlapGradReduce ?? (launch.sharding === 'fsdp' || launch.sharding === 'zero-3'),
    untiedEmbeddings: model.untiedEmbeddings ?? false,
    ...(launch.tpCommOverlap ? { tpCommOverlap: true } : {}),
    interNodeGbps: launch.interNodeGbps ?? gpu.interNodeGbps,
    ...(launch.adapter ? { adapter: { ...launch.adapter, note: `run ${run.id} of data/runs` } } : {}),
  };
  return { spec, launch: runLaunch, gpu };
}

/** Narayanan et al. 2021 Eq. 3 FLOPs per token (recomputation counted): 96·l·h²·(1 + s/(6h) + V/(16·l·h)) per sequence token. */
export function narayananFlopsPerToken(model: RunModel, seq: number): number {
  const { layers: l, hidden: h, vocab: v } = model;
  return 96 * l * h * h * (1 + seq / (6 * h) + v / (16 * l * h));
}

/** The measured tokens/s per GPU: as published, or from TFLOP/s under the source's stated convention; undefined where only memory was published. */
export function measuredTokensPerSecond(run: MeasuredRun): number | undefined {
  if (run.measured.tokensPerSecondPerGpu !== undefined) return run.measured.tokensPerSecondPerGpu;
  if (run.measured.tflopsPerGpu !== undefined) return (run.measured.tflopsPerGpu * 1e12) / narayananFlopsPerToken(run.model, run.launch.seq);
  if (run.measured.peakMemoryGiB !== undefined) return undefined;
  throw new Error(`run ${run.id}: neither tokensPerSecondPerGpu, tflopsPerGpu nor peakMemoryGiB`);
}

export function predictMeasuredRun(run: MeasuredRun): RunPrediction {
  const { spec, launch, gpu } = runInputs(run);
  return predictRun(spec, launch, gpu);
}

/** The predicted peak in the terms the source measured it: a torch allocator count leaves out the runtime term. */
export function comparableMemoryBytes(memory: MemoryPrediction, measure: MemoryMeasure | undefined): number {
  const outsideAllocator = measure === 'torch-max-reserved' || measure === 'torch-max-allocated' ? (memory.terms.runtime?.value ?? 0) : 0;
  return memory.peakBytesPerGpu - outsideAllocator;
}

export function scoreRuns(files: readonly RunFile[]): ScoredRun[] {
  return files.flatMap(({ source, runs }) =>
    runs.map((run) => {
      const prediction = predictMeasuredRun(run);
      return {
        source: source.id,
        role: source.role,
        gpu: run.gpu,
        dtype: run.launch.dtype,
        id: run.id,
        measuredTokensPerSecond: measuredTokensPerSecond(run),
        predictedTokensPerSecond: prediction.tokensPerSecondPerGpu,
        measuredMemoryGiB: run.measured.peakMemoryGiB,
        predictedMemoryGiB: comparableMemoryBytes(prediction.memory, source.memoryMeasure) / GIB,
      };
    }),
  );
}

export interface RunErrorSummary {
  /** Runs with a measured tokens/s (the tokens/s figures are over these). */
  runs: number;
  medianAbsError: number;
  signedMedianError: number;
  /** Share of runs predicted within ±20%. */
  within20: number;
  /** Pairs of one source and GPU whose measured tokens/s differ by ≥ 5%, and the share ordered right. */
  pairs: number;
  orderAccuracy: number;
  memoryRuns: number;
  memoryMedianAbsError: number;
  memoryWithin20: number;
}

const relative = (predicted: number, measured: number): number => (predicted - measured) / measured;

/** Runs, tokens/s figures over those with a measured tokens/s, memory over those with a measured peak. */
export function summarizeRuns(scored: readonly ScoredRun[]): RunErrorSummary {
  const timed = scored.filter((run): run is ScoredRun & { measuredTokensPerSecond: number } => run.measuredTokensPerSecond !== undefined);
  const errors = timed.map((run) => relative(run.predictedTokensPerSecond, run.measuredTokensPerSecond));
  const memory = scored.filter((run) => run.measuredMemoryGiB !== undefined).map((run) => Math.abs(relative(run.predictedMemoryGiB, run.measuredMemoryGiB!)));
  let pairs = 0;
  let ordered = 0;
  timed.forEach((a, i) =>
    timed.slice(i + 1).forEach((b) => {
      if (a.source !== b.source || a.gpu !== b.gpu) return;
      const [slow, fast] = a.measuredTokensPerSecond < b.measuredTokensPerSecond ? [a, b] : [b, a];
      if (fast.measuredTokensPerSecond < slow.measuredTokensPerSecond * (1 + ORDER_MIN_GAP)) return;
      pairs++;
      if (fast.predictedTokensPerSecond > slow.predictedTokensPerSecond) ordered++;
    }),
  );
  const share = (values: number[], limit: number): number => (values.length ? values.filter((value) => Math.abs(value) <= limit).length / values.length : NaN);
  return {
    runs: timed.length,
    medianAbsError: median(errors.map(Math.abs)),
    signedMedianError: median(errors),
    within20: share(errors, 0.2),
    pairs,
    orderAccuracy: pairs ? ordered / pairs : NaN,
    memoryRuns: memory.length,
    memoryMedianAbsError: median(memory),
    memoryWithin20: share(memory, 0.2),
  };
}
