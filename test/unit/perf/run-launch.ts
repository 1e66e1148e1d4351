import type { RunLaunch } from '../../../server/src/core/perf/run/launch';

/** A run launch for tests: one bf16 GPU, no parallelism, sharding or recomputation, 200 Gb/s between nodes; `overrides` on top. */
export function runLaunchWith(overrides: Partial<RunLaunch> = {}): RunLaunch {
  return {
    dtype: 'bf16',
    gpus: 1,
    gpusPerNode: 8,
    pipelineParallel: 1,
    contextParallel: 1,
    expertParallel: 1,
    virtualStages: 1,
    globalBatch: 1,
    sequenceParallel: false,
    sharding: 'none',
    recompute: 'none',
    overlapGradReduce: false,
    untiedEmbeddings: false,
    interNodeGbps: 200,
    ...overrides,
  };
}
