import type { GpuSpec } from '../core/perf/gpus';
import type { Dtype, LayerSpec } from '../core/perf';
import type { RunLaunch } from '../core/perf/run';
import { RECOMPUTE_MODES, type RecomputeMode, type Sharding } from '../core/pipeline/shape';
import { UsageError } from './io';
import { positiveInteger } from './perf-args';

/** The launch flags of `predict` (the run model): parallel sizes, batch, sharding, recomputation, the cluster. */
export const RUN_OPTIONS = {
  gpus: { type: 'string' },
  'gpus-per-node': { type: 'string' },
  'inter-node-gbps': { type: 'string' },
  pp: { type: 'string' },
  cp: { type: 'string' },
  ep: { type: 'string' },
  vp: { type: 'string' },
  'global-batch': { type: 'string' },
  'sequence-parallel': { type: 'boolean' },
  zero: { type: 'string' },
  fsdp: { type: 'boolean' },
  'distributed-optimizer': { type: 'boolean' },
  'overlap-grad-reduce': { type: 'boolean' },
  'untied-embeddings': { type: 'boolean' },
  recompute: { type: 'string' },
  experts: { type: 'string' },
  'experts-per-token': { type: 'string' },
  'expert-ffn': { type: 'string' },
} as const;

type Values = Record<string, string | boolean | undefined>;

const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function shardingOption(values: Values): Sharding {
  const zero = text(values, 'zero');
  const chosen = [zero !== undefined ? '--zero' : '', values.fsdp === true ? '--fsdp' : '', values['distributed-optimizer'] === true ? '--distributed-optimizer' : ''].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} are alternatives; give one`);
  if (values.fsdp === true) return 'fsdp';
  if (values['distributed-optimizer'] === true) return 'distributed-optimizer';
  if (zero === undefined || zero === '0') return 'none';
  if (zero === '1' || zero === '2' || zero === '3') return `zero-${zero}`;
  throw new UsageError(`--zero must be 0, 1, 2 or 3, got '${zero}'`);
}

function recomputeOption(values: Values): RecomputeMode {
  const value = text(values, 'recompute') ?? 'none';
  if (!(RECOMPUTE_MODES as readonly string[]).includes(value)) throw new UsageError(`--recompute must be one of ${RECOMPUTE_MODES.join(', ')}, got '${value}'`);
  return value as RecomputeMode;
}

/** `--experts E --experts-per-token k --expert-ffn F` on the layer spec: F is each expert's MLP width. */
export function withExperts(spec: LayerSpec, values: Values): LayerSpec {
  const experts = positiveInteger(text(values, 'experts'), '--experts');
  const perToken = positiveInteger(text(values, 'experts-per-token'), '--experts-per-token');
  const expertFfn = positiveInteger(text(values, 'expert-ffn'), '--expert-ffn');
  if (experts === undefined) {
    if (perToken !== undefined || expertFfn !== undefined) throw new UsageError('--experts-per-token and --expert-ffn need --experts');
    return spec;
  }
  if (perToken !== undefined && perToken > experts) throw new UsageError(`--experts-per-token ${perToken} exceeds --experts ${experts}`);
  return { ...spec, numExperts: experts, expertsPerToken: perToken ?? 1, ffnHiddenSize: expertFfn ?? spec.ffnHiddenSize };
}

/** Whether the command line asks for the run (it names the GPU count). */
export const wantsRun = (values: Values): boolean => values.gpus !== undefined;

/**
 * The launch from flags, with the defaults Megatron-LM applies where a flag is absent: one
 * pipeline stage, no CP/EP/interleaving, global batch = micro-batch × data-parallel size
 * (megatron/training/arguments.py), no sharding, no recomputation; the node from the GPU
 * catalogue (its NVLink domain, its inter-node bandwidth per GPU).
 */
export function launchFromFlags(values: Values, spec: LayerSpec, gpu: GpuSpec, dtype: Dtype): RunLaunch {
  const gpus = positiveInteger(text(values, 'gpus'), '--gpus') ?? 1;
  const pipelineParallel = positiveInteger(text(values, 'pp'), '--pp') ?? 1;
  const contextParallel = positiveInteger(text(values, 'cp'), '--cp') ?? 1;
  const expertParallel = positiveInteger(text(values, 'ep'), '--ep') ?? 1;
  if (expertParallel > 1 && spec.numExperts <= 1) throw new UsageError('--ep needs a mixture of experts (--experts)');
  if (expertParallel > 1 && spec.numExperts % expertParallel !== 0) throw new UsageError(`--ep ${expertParallel} does not divide --experts ${spec.numExperts}`);
  const virtualStages = positiveInteger(text(values, 'vp'), '--vp') ?? 1;
  if (virtualStages > 1 && pipelineParallel === 1) throw new UsageError('--vp needs pipeline parallelism (--pp > 1)');
  const tp = Math.max(1, spec.tensorParallel);
  if (values['sequence-parallel'] === true && tp === 1) throw new UsageError('--sequence-parallel needs tensor parallelism (--tp > 1)');
  const dataParallel = gpus / (tp * pipelineParallel * contextParallel);
  const interNode = text(values, 'inter-node-gbps');
  const interNodeGbps = interNode === undefined ? gpu.interNodeGbps : Number(interNode);
  if (!Number.isFinite(interNodeGbps) || interNodeGbps <= 0) throw new UsageError(`--inter-node-gbps must be a positive number, got '${interNode}'`);
  const sharding = shardingOption(values);
  return {
    dtype,
    gpus,
    gpusPerNode: positiveInteger(text(values, 'gpus-per-node'), '--gpus-per-node') ?? gpu.intraNode.domainSize,
    pipelineParallel,
    contextParallel,
    expertParallel,
    virtualStages,
    globalBatch: positiveInteger(text(values, 'global-batch'), '--global-batch') ?? spec.microBatchSize * Math.max(1, Math.floor(dataParallel)),
    sequenceParallel: values['sequence-parallel'] === true,
    sharding,
    recompute: recomputeOption(values),
    overlapGradReduce: values['overlap-grad-reduce'] === true || sharding === 'fsdp' || sharding === 'zero-3',
    untiedEmbeddings: values['untied-embeddings'] === true,
    interNodeGbps,
  };
}
