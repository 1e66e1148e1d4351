import type { SeveritySetting } from './findings';
import type { GpuSpec } from '../perf/gpus';
import type { Dtype, GemmProfile } from '../perf/types';
import type { FormatId } from './shape';

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
}

/** Defaults for what a config often leaves to the launcher: a common pre-training setting. */
export const DEFAULT_SEQUENCE_LENGTH = 2048;
export const DEFAULT_MICRO_BATCH_SIZE = 4;
