import type { ResolvedCheckOptions } from '../../model/options';
import type { LayerSpec } from '../../model/prediction';
import type { Launch, ModelShape, SelectiveRecompute } from '../../model/shape';
import { LaunchError, predictRun, type RunLaunch, type RunPrediction } from './index';

/** What the run model takes from the file beyond its launch fields. */
export type RunShapeFacts = Partial<Pick<ModelShape, 'format' | 'gradientReduceInBf16' | 'pipelineSplit' | 'adapter' | 'selectiveRecompute'>>;

/**
 * The run model's launch from the resolved launch fields (untied embeddings among them: the
 * file's, its framework's, or --untied-embeddings; torch.compile, of which the loss's is
 * modelled). A torchtitan file's selective recomputation is its `selective_ac_option`: the per-op
 * policy, or every Nth layer checkpointed whole; a Megatron file's `--grad-reduce-in-bf16` halves
 * its gradient buffer; the pipeline split counts the layers the file's split counts besides the
 * transformer's (Megatron-Core's embedding and loss); a LoRA/QLoRA file's adapter makes the base
 * weights frozen (memory.ts adapterStateTerms).
 */
export function runLaunchOf(launch: Launch, options: Pick<ResolvedCheckOptions, 'interNodeGbps' | 'launch'>, shape: RunShapeFacts = {}): RunLaunch {
  const sharding = launch.sharding.value;
  const split = shape.pipelineSplit;
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
    ...selectiveOf(shape.selectiveRecompute?.value ?? null),
    ...(launch.compile.value === 'loss' || launch.compile.value === 'model and loss' ? { compiledLoss: true } : {}),
    ...(shape.gradientReduceInBf16 ? { gradientReduceInBf16: true } : {}),
    ...(shape.adapter ? { adapter: shape.adapter } : {}),
    overlapGradReduce: options.launch.overlapGradReduce === true || sharding === 'fsdp' || sharding === 'zero-3',
    untiedEmbeddings: launch.untiedEmbeddings.value,
    ...(launch.tpCommOverlap.value ? { tpCommOverlap: true } : {}),
    interNodeGbps: options.interNodeGbps,
    ...(split && !split.uneven && split.extraLayers > 0 ? { pipelineExtraLayers: split.extraLayers } : {}),
  };
}

/** What selective recomputation keeps: the file's torchtitan kind, else Megatron-LM's. */
function selectiveOf(kind: SelectiveRecompute | null): Pick<RunLaunch, 'selectivePolicy' | 'selectiveLayerInterval'> {
  if (kind?.kind === 'layers') return { selectiveLayerInterval: kind.every };
  return { selectivePolicy: kind?.kind === 'per-op' ? 'torchtitan-op' : 'megatron' };
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
