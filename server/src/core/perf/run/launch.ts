import type { Adapter, RecomputeMode, Sharding } from '../../model/shape';
import type { Dtype } from '../../model/prediction';

/**
 * How a training run lays a model out over GPUs, as plain numbers (the launch fields of a config,
 * a setting or a flag, defaults already applied). The layer's own sizes (sequence, micro-batch,
 * TP) live in LayerSpec; these are the rest of the run.
 */
export interface RunLaunch {
  dtype: Dtype;
  gpus: number;
  gpusPerNode: number;
  pipelineParallel: number;
  contextParallel: number;
  expertParallel: number;
  /** Model chunks per pipeline stage (Megatron's virtual pipeline size); 1 without interleaving. */
  virtualStages: number;
  /** Sequences per optimizer step. */
  globalBatch: number;
  sequenceParallel: boolean;
  sharding: Sharding;
  recompute: RecomputeMode;
  /** What selective recomputation keeps (see SelectivePolicy); Megatron-LM's where absent. */
  selectivePolicy?: SelectivePolicy;
  /**
   * torchtitan's layer-interval selective checkpointing (`selective_ac_option` N): with `recompute`
   * selective, the blocks whose count is a multiple of N are checkpointed whole (their forward runs
   * again, only their input kept) and the others keep all their activations; `selectivePolicy` does
   * not apply (memory.ts wholeLayersRecomputed).
   */
  selectiveLayerInterval?: number;
  /** Megatron's gradient buffer in bf16 (`--grad-reduce-in-bf16`): 2 B per parameter, not fp32 main gradients. */
  gradientReduceInBf16?: boolean;
  /**
   * bitsandbytes before 0.43.2 (PR #1270, July 2024): MatMul4Bit keeps each 4-bit linear's input
   * until the graph is freed, and LitGPT's fit() keeps the last micro-batch's graph through the next
   * forward. A measurement condition (data/runs), never a reader's: current bitsandbytes frees them.
   */
  heldQuantizedInputs?: boolean;
  /** The loss runs under torch.compile (torchtitan `[compile] components` with "loss", or the older `[training] compile`): fused, it keeps the logits in bf16. */
  compiledLoss?: boolean;
  /** Whether the data-parallel gradient reduction runs under the backward (Megatron `--overlap-grad-reduce`; FSDP and ZeRO-3 always). */
  overlapGradReduce: boolean;
  /**
   * Transformer Engine overlaps the tensor-parallel all-gathers and reduce-scatters with the GEMMs
   * (Megatron `--tp-comm-overlap`, NeMo `ub_tp_comm_overlap`); only with sequence parallelism,
   * which Megatron-LM requires for it. Absent: not overlapped.
   */
  tpCommOverlap?: boolean;
  /** Input and output embeddings are separate matrices (Llama) rather than one (GPT-2, Megatron's default). */
  untiedEmbeddings: boolean;
  /** Network bandwidth per GPU between nodes, Gb/s. */
  interNodeGbps: number;
  /**
   * What the pipeline split balances besides the transformer layers, each counted as one layer
   * (Megatron-Core's embedding and loss, DeepSpeed's two embedding layers); absent: nothing.
   */
  pipelineExtraLayers?: number;
  /** A LoRA/QLoRA fine-tune: frozen base weights, only the adapter trained (memory.ts adapterStateTerms). */
  adapter?: Adapter;
}

/**
 * What `selective` recomputation keeps, by framework:
 * - `megatron`: everything but the attention core (Megatron-LM `--recompute-granularity selective`,
 *   NeMo's selective; Korthikanti et al. 2022 §5);
 * - `torchtitan-op`: torchtitan's per-op policy (`selective_ac_option = "op"`, the setting of its
 *   Llama train configs): the outputs of every other matmul and of the attention kernel, the rest
 *   recomputed.
 */
export type SelectivePolicy = 'megatron' | 'torchtitan-op';

/** The sizes a launch implies, or why it cannot run. */
export interface RunLayout {
  dataParallel: number;
  /** Micro-batches per step on each data-parallel rank. */
  microBatches: number;
  /** Data-parallel ranks for the expert weights (Megatron: GPUs / (expert TP × EP × PP), expert TP = TP). */
  expertDataParallel: number;
  layersPerStage: number;
}

export class LaunchError extends Error {}

/**
 * Checks that the parallel sizes divide the GPUs, the layers and the batch as Megatron-LM's
 * `initialize_model_parallel` and `get_num_microbatches` require, and returns the sizes they imply.
 */
export function runLayout(launch: RunLaunch, microBatch: number, tensorParallel: number, numLayers: number): RunLayout {
  const modelParallel = tensorParallel * launch.pipelineParallel * launch.contextParallel;
  if (launch.gpus % modelParallel !== 0) throw new LaunchError(`${launch.gpus} GPUs are not a multiple of TP ${tensorParallel} × PP ${launch.pipelineParallel} × CP ${launch.contextParallel} = ${modelParallel}`);
  const dataParallel = launch.gpus / modelParallel;
  const expertGroup = tensorParallel * launch.expertParallel * launch.pipelineParallel;
  if (launch.gpus % expertGroup !== 0) throw new LaunchError(`${launch.gpus} GPUs are not a multiple of expert TP ${tensorParallel} × EP ${launch.expertParallel} × PP ${launch.pipelineParallel}`);
  const perStep = microBatch * dataParallel;
  if (launch.globalBatch % perStep !== 0) throw new LaunchError(`global batch ${launch.globalBatch} is not a multiple of micro-batch ${microBatch} × data-parallel ${dataParallel} = ${perStep}`);
  const chunks = launch.pipelineParallel * launch.virtualStages;
  const extra = launch.pipelineExtraLayers ?? 0;
  const units = numLayers + extra;
  if (units % chunks !== 0) throw new LaunchError(`${extra > 0 ? `${numLayers} + ${extra} counted` : numLayers} layers do not split evenly over PP ${launch.pipelineParallel} × virtual stages ${launch.virtualStages}`);
  const microBatches = launch.globalBatch / perStep;
  if (launch.virtualStages > 1 && microBatches % launch.pipelineParallel !== 0) {
    throw new LaunchError(`the interleaved schedule needs the ${microBatches} micro-batches to be a multiple of PP ${launch.pipelineParallel}`);
  }
  return { dataParallel, microBatches, expertDataParallel: launch.gpus / expertGroup, layersPerStage: fullestStage(numLayers, extra, launch.pipelineParallel) };
}

/**
 * The transformer layers on the fullest stage: a middle stage's share of the counted units;
 * with no middle stage, an end stage's share less what it holds besides (PP 2 with both the
 * embedding and the loss counted), and with one stage, all of them.
 */
function fullestStage(numLayers: number, extra: number, stages: number): number {
  if (stages === 1) return numLayers;
  const share = (numLayers + extra) / stages;
  return stages === 2 && extra === 2 ? share - 1 : share;
}
