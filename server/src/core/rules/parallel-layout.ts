import type { LaunchField, NumberField } from '../model/shape';
import type { Rule } from './rule';
import { isPositiveInteger, relatedAt, statedGpus } from './support';

/**
 * Megatron's two checks on a launch's sizes (NVIDIA/Megatron-LM @ 00caa53a): the GPUs hold whole
 * model replicas of TP × PP × CP GPUs (`initialize_model_parallel`, megatron/core/parallel_state.py,
 * raises RuntimeError "world_size (N) is not divisible by M"), and each step's global batch is
 * whole micro-batches on every data-parallel rank (`ConstantNumMicroBatchesCalculator`,
 * megatron/core/num_microbatches_calculator.py, asserts "global batch size (G) is not divisible by
 * micro batch size (b) times data parallel size (d)").
 */
const WORLD_SIZE_CHECK = 'initialize_model_parallel, megatron/core/parallel_state.py';
const GLOBAL_BATCH_CHECK = 'ConstantNumMicroBatchesCalculator, megatron/core/num_microbatches_calculator.py';

const SIZES = [
  ['tensorParallel', 'TP', 'tensor-parallel size'],
  ['pipelineParallel', 'PP', 'pipeline-parallel size'],
  ['contextParallel', 'CP', 'context-parallel size'],
] as const;

/**
 * A size the file, its framework or the user states. shapelint's own fallback (the launch's
 * `setting` origin without the flag or setting that forces it) is an assumption: it judges nothing.
 */
function stated(field: LaunchField<number>, forced: unknown): boolean {
  return field.origin === 'setting' ? forced !== undefined : field.origin !== 'unknown' && field.origin !== 'unresolved' && field.origin !== 'invalid';
}

const written = (field: NumberField): boolean => Boolean(field.valueSpan ?? field.usedAt ?? field.keySpan);

export const parallelLayoutRule: Rule = {
  id: 'parallel-layout',
  defaultSeverity: 'error',
  description: 'TP × PP × CP does not divide the GPUs, or micro-batch × data-parallel size does not divide the global batch: Megatron refuses the launch.',
  check(context) {
    // An error: only a GPU count the file or a flag states, not the editor setting.
    const gpus = statedGpus(context, false);
    if (gpus === undefined) return;
    const { launch } = context;
    const sizes = SIZES.map(([name, short, label]) => ({ field: launch[name], short, label, value: launch[name].value }));
    if (!sizes.every((size) => isPositiveInteger(size.value))) return;
    const modelParallel = sizes.reduce((product, size) => product * size.value, 1);
    const product = `${sizes.map((size) => `${size.short} ${size.value}`).join(' × ')} = ${modelParallel}`;
    if (gpus % modelParallel !== 0) {
      // The size that decides it: the one without which the rest divides the GPUs, else the GPU count.
      const deciding = sizes.find((size) => size.value > 1 && written(size.field) && gpus % (modelParallel / size.value) === 0);
      const anchor = deciding?.field ?? (written(launch.gpus) ? launch.gpus : sizes.find((size) => written(size.field))?.field ?? launch.gpus);
      context.report({
        message:
          `${product} GPUs per model replica, but the run has ${gpus} GPUs${launch.gpus.note ? ` (${launch.gpus.note})` : ''}, not a multiple of ${modelParallel}. ` +
          `Megatron refuses it: "world_size (${gpus}) is not divisible by ${modelParallel}" (${WORLD_SIZE_CHECK}).`,
        span: context.anchor(anchor, launch.gpus, ...sizes.map((size) => size.field)),
        related: [...sizes, { field: launch.gpus, label: 'GPU count' }].filter((size) => size.field !== anchor).flatMap((size) => relatedAt(size.field, size.label)),
      });
      return;
    }
    const { globalBatchSize: globalBatch, microBatchSize: microBatch } = launch;
    const requested = context.options.requested;
    if (!stated(globalBatch, context.options.launch.globalBatchSize) || !stated(microBatch, requested.microBatchSize)) return;
    if (!isPositiveInteger(globalBatch.value) || !isPositiveInteger(microBatch.value)) return;
    const dataParallel = gpus / modelParallel;
    const perStep = microBatch.value * dataParallel;
    if (globalBatch.value % perStep === 0) return;
    const fewer = Math.floor(globalBatch.value / perStep) * perStep;
    const nearest = [fewer, fewer + perStep].filter((n) => n > 0).join(' or ');
    context.report({
      message:
        `Global batch ${globalBatch.value} is not a multiple of micro-batch ${microBatch.value} × data-parallel ${dataParallel} = ${perStep} ` +
        `(${gpus} GPUs / ${product} per replica; nearest: ${nearest}). Megatron refuses it: "global batch size (${globalBatch.value}) is not divisible by ` +
        `micro batch size (${microBatch.value}) times data parallel size (${dataParallel})" (${GLOBAL_BATCH_CHECK}).`,
      span: context.anchor(globalBatch, microBatch, launch.gpus),
      related: [...relatedAt(microBatch, 'micro-batch size'), ...relatedAt(launch.gpus, 'GPU count')],
    });
  },
};
