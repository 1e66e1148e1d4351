import type { ResolvedCheckOptions } from '../../model/options';
import type { LayerSpec } from '../../model/prediction';
import type { Launch, PipelineSplit } from '../../model/shape';
import { LaunchError, predictRun, type RunLaunch, type RunPrediction } from './index';

/**
 * The run model's launch from the resolved launch fields; embeddings tied (Megatron-LM's default)
 * unless --untied-embeddings; the layers a shape's pipeline split counts besides the transformer's.
 */
export function runLaunchOf(launch: Launch, options: Pick<ResolvedCheckOptions, 'interNodeGbps' | 'launch'>, split?: PipelineSplit): RunLaunch {
  const sharding = launch.sharding.value;
  return {
    dtype: launch.dtype.value,
    gpus: launch.gpus.value,
    gpusPerNode: launch.gpusPerNode.value,
    pipelineParallel: launch.pipelineParallel.value,
    contextParallel: launch.contextParallel.value,
    expertParallel: launch.expertParallel.value,
    virtualStages: launch.virtualStages.value,
    globalBatch: launch.globalBatchSize.value,
    sequenceParallel: launch.sequenceParallel.value && launch.tensorParallel.value > 1,
    sharding,
    recompute: launch.recompute.value,
    overlapGradReduce: options.launch.overlapGradReduce === true || sharding === 'fsdp' || sharding === 'zero-3',
    untiedEmbeddings: options.launch.untiedEmbeddings === true,
    interNodeGbps: options.interNodeGbps,
    ...(split && !split.uneven && split.extraLayers > 0 ? { pipelineExtraLayers: split.extraLayers } : {}),
  };
}

/** The whole run for a checked file, or why its launch cannot run (sizes that do not divide). */
export function runForLaunch(spec: LayerSpec, launch: RunLaunch, options: Pick<ResolvedCheckOptions, 'gpu' | 'profile'>): { run: RunPrediction | null; runError: string | null } {
  try {
    return { run: predictRun(spec, launch, options.gpu, options.profile), runError: null };
  } catch (error) {
    if (error instanceof LaunchError) return { run: null, runError: error.message };
    throw error;
  }
}
