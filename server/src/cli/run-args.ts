import type { LayerSpec } from '../core/perf';
import type { RunLaunch } from '../core/perf/run';
import type { CheckOptions, LaunchOverrides } from '../core/model/options';
import type { Sharding } from '../core/model/shape';
import { UsageError } from './io';
import { positiveInteger } from './perf-args';

/** The launch flags of the run model (`predict` and `check`): parallel sizes, batch, sharding, the cluster. */
export const RUN_LAUNCH_OPTIONS = {
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
  'tp-comm-overlap': { type: 'boolean' },
} as const;

/** `predict`'s flags for the run: the launch, and a mixture of experts for a shape given by flags. */
export const RUN_OPTIONS = {
  ...RUN_LAUNCH_OPTIONS,
  experts: { type: 'string' },
  'experts-per-token': { type: 'string' },
  'expert-ffn': { type: 'string' },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function shardingOption(values: Values): Sharding | undefined {
  const zero = text(values, 'zero');
  const chosen = [zero !== undefined ? '--zero' : '', values.fsdp === true ? '--fsdp' : '', values['distributed-optimizer'] === true ? '--distributed-optimizer' : ''].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} are alternatives; give one`);
  if (values.fsdp === true) return 'fsdp';
  if (values['distributed-optimizer'] === true) return 'distributed-optimizer';
  if (zero === undefined) return undefined;
  if (zero === '0') return 'none';
  if (zero === '1' || zero === '2' || zero === '3') return `zero-${zero}`;
  throw new UsageError(`--zero must be 0, 1, 2 or 3, got '${zero}'`);
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

/** The launch flags' help, shared by `predict` and `check`. */
/** The run's switches in a usage synopsis (the sizes and sharding are written out where each command lays them out). */
export const RUN_SWITCHES_USAGE = '[--overlap-grad-reduce] [--tp-comm-overlap] [--untied-embeddings]';

export const RUN_LAUNCH_HELP = `  --gpus N                    GPUs in the run (default: the file's launcher, else 8)
  --pp P, --cp C, --ep E, --vp V   pipeline, context, expert parallel sizes, virtual stages per stage
  --global-batch G            sequences per optimizer step
  --sequence-parallel         Megatron sequence parallelism (needs --tp > 1)
  --zero 0|1|2|3 | --fsdp | --distributed-optimizer   how model state is sharded over data parallelism
  --overlap-grad-reduce       the gradient reduction runs under the backward (Megatron)
  --tp-comm-overlap           tensor-parallel communication overlapped with the GEMMs (Megatron --tp-comm-overlap; needs --sequence-parallel)
  --untied-embeddings         separate input and output embeddings, over the file (which is read: tie_word_embeddings, --untie-embeddings-and-output-weights, ...)
  --gpus-per-node G, --inter-node-gbps BW   the cluster (default: the GPU catalogue's node)`;

export const RUN_HELP = `The whole run (with --gpus, or from the file with --config): memory per GPU by term, step time by part,
tokens/s per GPU and MFU. A flag forces its choice over the file; what neither gives takes
Megatron-LM's default (PP/CP/EP/VP 1, global batch = micro-batch × data-parallel size, no sharding)
and says so.
${RUN_LAUNCH_HELP}
  --experts E --experts-per-token k --expert-ffn F   a mixture of experts`;

/** Whether the command line asks for the run (it names the GPU count). */
export const wantsRun = (values: Values): boolean => values.gpus !== undefined;

/** The launch flags as check options: each given flag forces its choice over the file (and says so). */
export function launchOptionsFromFlags(values: Values): Pick<CheckOptions, 'launch' | 'interNodeGbps'> {
  const launch: LaunchOverrides = {};
  const sizes = [
    ['gpus', 'gpus'],
    ['gpus-per-node', 'gpusPerNode'],
    ['pp', 'pipelineParallel'],
    ['cp', 'contextParallel'],
    ['ep', 'expertParallel'],
    ['vp', 'virtualStages'],
    ['global-batch', 'globalBatchSize'],
  ] as const;
  for (const [flag, name] of sizes) {
    const value = positiveInteger(text(values, flag), `--${flag}`);
    if (value !== undefined) launch[name] = value;
  }
  if (values['sequence-parallel'] === true) launch.sequenceParallel = true;
  if (values['overlap-grad-reduce'] === true) launch.overlapGradReduce = true;
  if (values['untied-embeddings'] === true) launch.untiedEmbeddings = true;
  if (values['tp-comm-overlap'] === true) launch.tpCommOverlap = true;
  const sharding = shardingOption(values);
  if (sharding !== undefined) launch.sharding = sharding;
  const interNode = text(values, 'inter-node-gbps');
  const interNodeGbps = interNode === undefined ? undefined : Number(interNode);
  if (interNodeGbps !== undefined && (!Number.isFinite(interNodeGbps) || interNodeGbps <= 0)) throw new UsageError(`--inter-node-gbps must be a positive number, got '${interNode}'`);
  return { launch, ...(interNodeGbps !== undefined ? { interNodeGbps } : {}) };
}

/** What Megatron-LM's argument checks refuse, said before predicting. */
export function checkLaunch(spec: LayerSpec, launch: RunLaunch, values: Values): void {
  if (values['sequence-parallel'] === true && spec.tensorParallel <= 1) throw new UsageError('--sequence-parallel needs tensor parallelism (--tp > 1)');
  if (values['tp-comm-overlap'] === true && !launch.sequenceParallel) throw new UsageError('--tp-comm-overlap needs sequence parallelism (--sequence-parallel, --tp > 1), as Megatron-LM requires');
  if (launch.expertParallel > 1 && spec.numExperts <= 1) throw new UsageError('--ep needs a mixture of experts (--experts)');
  if (launch.expertParallel > 1 && spec.numExperts % launch.expertParallel !== 0) throw new UsageError(`--ep ${launch.expertParallel} does not divide --experts ${spec.numExperts}`);
  if (launch.virtualStages > 1 && launch.pipelineParallel === 1) throw new UsageError('--vp needs pipeline parallelism (--pp > 1)');
}
