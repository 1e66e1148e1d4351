import type { SeveritySetting } from './findings';
import type { GpuSpec } from './hardware';
import type { Dtype, GemmProfile } from './prediction';
import type { FormatId, RecomputeMode, Sharding } from './shape';

/** What `--attention` and `shapelint.attention` may force, over the file and the framework's default. */
export const ATTENTION_OVERRIDES = ['flash', 'unfused'] as const;
export type AttentionOverride = (typeof ATTENTION_OVERRIDES)[number];

/**
 * A Hub model's cached `config.json`: its text and the file it came from (whose snapshot folder
 * is the revision), or undefined when the cache does not have it. Never reaches the network.
 */
export type HubConfigLookup = (id: string, revision?: string) => { text: string; path: string; revision: string } | undefined;

export interface CheckOptions {
  /** Force a format instead of detecting it. */
  format?: FormatId;
  /** GPU catalogue id or alias. */
  gpu?: string;
  dtype?: Dtype;
  /** Used where the file does not say. */
  sequenceLength?: number;
  microBatchSize?: number;
  tensorParallelSize?: number;
  /** Per-rule severity overrides. */
  rules?: Record<string, SeveritySetting>;
  /** A measured GEMM profile of the target GPU: fix estimates use it as hovers do. */
  profile?: GemmProfile;
  /** The host's reader of the local Hugging Face cache, for models the catalogue lacks. */
  hubConfig?: HubConfigLookup;
  /** Forces the attention implementation over what the file and the framework say. */
  attention?: AttentionOverride;
  /** Forces both dropout probabilities (attention and hidden). */
  dropout?: number;
  /** Forces activation recomputation. */
  recompute?: RecomputeMode;
  /** The run's layout over the file's (CLI flags). */
  launch?: LaunchOverrides;
  /** The run's layout where the file is silent (editor settings): the file wins. */
  launchDefaults?: LaunchOverrides;
  /** Network bandwidth per GPU between nodes, Gb/s; the GPU catalogue's by default. */
  interNodeGbps?: number;
}

/** Launch choices a flag forces over the file, or a setting fills in where the file is silent: the run model's sizes beyond the layer. */
export interface LaunchOverrides {
  gpus?: number;
  gpusPerNode?: number;
  pipelineParallel?: number;
  contextParallel?: number;
  expertParallel?: number;
  virtualStages?: number;
  globalBatchSize?: number;
  sequenceParallel?: boolean;
  sharding?: Sharding;
  /** Megatron's --overlap-grad-reduce (FSDP and ZeRO-3 always overlap). */
  overlapGradReduce?: boolean;
  /** Separate input and output embeddings (Megatron --untie-embeddings-and-output-weights; Llama). */
  untiedEmbeddings?: boolean;
  /** Tensor-parallel communication overlapped with the GEMMs (Megatron --tp-comm-overlap). */
  tpCommOverlap?: boolean;
}

export interface ResolvedCheckOptions {
  format?: FormatId;
  gpu: GpuSpec;
  dtype: Dtype;
  sequenceLength: number;
  microBatchSize: number;
  tensorParallelSize: number;
  rules: Record<string, SeveritySetting>;
  profile?: GemmProfile;
  hubConfig?: HubConfigLookup;
  attention?: AttentionOverride;
  dropout?: number;
  recompute?: RecomputeMode;
  launch: LaunchOverrides;
  launchDefaults: LaunchOverrides;
  interNodeGbps: number;
  /** The options as the user gave them: which values are settings and which shapelint's defaults. */
  requested: CheckOptions;
}

/** Defaults for what a config often leaves to the launcher: a common pre-training setting. */
export const DEFAULT_SEQUENCE_LENGTH = 2048;
export const DEFAULT_MICRO_BATCH_SIZE = 4;
/** GPUs a run is taken to use where neither the file nor a setting says: one node of eight. */
export const DEFAULT_GPUS = 8;
