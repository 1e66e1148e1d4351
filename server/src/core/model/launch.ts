import { DEFAULT_GPUS, type CheckOptions, type LaunchOverrides, type ResolvedCheckOptions } from './options';
import { unknownField, type AttentionImplementation, type Launch, type LaunchField, type ModelShape, type RecomputeMode, type ShapeField, type Sharding } from './shape';

/**
 * The launch a prediction assumes: each choice from the file or the framework's default (in the
 * shape), or from a setting or flag, which says which. Flags that force a choice (`--attention`,
 * `--dropout`, `--recompute`, and the run's `--gpus`, `--pp`, ...) win over the file; the sizes
 * (`--seq`, `--micro-batch`, `--tp`), the precision (`--dtype`) and every editor setting of a size
 * (`shapelint.gpus`, `shapelint.pipelineParallelSize`, ...) fill in only where the file and the
 * framework are silent.
 */

/** The flag and the editor setting behind each option, for notes. */
const SETTING_NAMES = {
  attention: '--attention, shapelint.attention',
  dropout: '--dropout, shapelint.dropout',
  recompute: '--recompute, shapelint.recompute',
  dtype: '--dtype, shapelint.dtype',
  sequenceLength: '--seq, shapelint.sequenceLength',
  microBatchSize: '--micro-batch, shapelint.microBatchSize',
  tensorParallelSize: '--tp, shapelint.tensorParallelSize',
} as const satisfies Partial<Record<keyof CheckOptions, string>>;

/** The flags that force the run's launch choices over the file. */
const LAUNCH_FLAGS = {
  gpus: '--gpus',
  gpusPerNode: '--gpus-per-node',
  pipelineParallel: '--pp',
  contextParallel: '--cp',
  expertParallel: '--ep',
  virtualStages: '--vp',
  globalBatchSize: '--global-batch',
  sequenceParallel: '--sequence-parallel',
  sharding: '--zero, --fsdp, --distributed-optimizer',
  overlapGradReduce: '--overlap-grad-reduce',
  untiedEmbeddings: '--untied-embeddings',
  tpCommOverlap: '--tp-comm-overlap',
} as const satisfies Record<keyof LaunchOverrides, string>;

/** The editor settings that fill the run's sizes in where the file is silent. */
const LAUNCH_SETTINGS: Partial<Record<keyof LaunchOverrides, string>> = {
  gpus: 'shapelint.gpus',
  gpusPerNode: 'shapelint.gpusPerNode',
  pipelineParallel: 'shapelint.pipelineParallelSize',
};

type SettingName = keyof typeof SETTING_NAMES;

function setting<T>(value: T, name: SettingName, options: ResolvedCheckOptions, fallbackWhy?: string): LaunchField<T> {
  const given = options.requested[name] !== undefined;
  const note = given ? `set by ${SETTING_NAMES[name]}` : `${fallbackWhy ?? 'not in the file'}: shapelint's default ${String(value)} (${SETTING_NAMES[name]})`;
  return { value, origin: 'setting', note };
}

/** A field the file or the framework gives a usable value. */
function given<T>(field: ShapeField<T> | undefined, usable: (value: T) => boolean): field is LaunchField<T> {
  return field !== undefined && field.value !== null && usable(field.value) && field.origin !== 'unresolved' && field.origin !== 'invalid' && field.origin !== 'unknown';
}

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;

/** What nothing in the file or the framework says: SDPA, which the trainers of every format here default to. */
const DEFAULT_ATTENTION: AttentionImplementation = 'sdpa';

function sizeField(field: ShapeField<number> | undefined, name: 'sequenceLength' | 'microBatchSize' | 'tensorParallelSize', options: ResolvedCheckOptions): LaunchField<number> {
  if (given(field, positive)) return field;
  return setting(options[name], name, options, field?.note ? `not usable from the file (${field.note})` : undefined);
}

function dropoutField(field: ShapeField<number> | undefined, options: ResolvedCheckOptions): ShapeField<number> {
  if (options.dropout !== undefined) return setting(options.dropout, 'dropout', options);
  return field ?? { value: null, origin: 'unknown', note: 'nothing gives a dropout rate: none counted' };
}

/**
 * The launch for a shape read from a file, or for a shape given as numbers (`shape` null or
 * partial), under the resolved options.
 */
export function resolveLaunch(shape: Partial<ModelShape> | null, options: ResolvedCheckOptions): Launch {
  const read = shape?.attentionKernel;
  const attentionKernel: LaunchField<AttentionImplementation> =
    options.attention !== undefined
      ? setting<AttentionImplementation>(options.attention, 'attention', options)
      : given(read, () => true)
        ? read
        : setting(DEFAULT_ATTENTION, 'attention', options, read?.note ?? 'nothing in the file says which attention runs');
  const readRecompute = shape?.recompute;
  const recompute: LaunchField<RecomputeMode> =
    options.recompute !== undefined
      ? setting(options.recompute, 'recompute', options)
      : given(readRecompute, () => true)
        ? readRecompute
        : setting<RecomputeMode>('none', 'recompute', options, readRecompute?.note ?? 'nothing in the file says');
  const microBatchSize = sizeField(shape?.microBatchSize, 'microBatchSize', options);
  const tensorParallel = sizeField(shape?.tensorParallel, 'tensorParallelSize', options);
  const run = runFields(shape, options);
  const fileDtype = shape?.dtype;
  return {
    attentionKernel,
    attentionDropout: dropoutField(shape?.attentionDropout, options),
    hiddenDropout: dropoutField(shape?.hiddenDropout, options),
    recompute,
    dtype: given(fileDtype, () => true) ? fileDtype : setting(options.dtype, 'dtype', options),
    seqLength: sizeField(shape?.seqLength, 'sequenceLength', options),
    microBatchSize,
    tensorParallel,
    ...run,
    globalBatchSize: globalBatchField(shape?.globalBatchSize, microBatchSize.value, tensorParallel.value, run, options),
    compile: shape?.compile ?? unknownField(NOT_COMPILED),
  };
}

/** What a file whose reader does not read torch.compile is counted as. */
const NOT_COMPILED = "this format's torch.compile setting is not read: counted as not compiled (a compiled loss keeps its logits narrower; the compiled layers' fusion is not modelled)";

/**
 * A run field: the flag that forces it, else the file's or the framework's, else the setting that
 * fills it in, else `fallback` (shapelint's default, saying so).
 */
function runField<T>(name: keyof LaunchOverrides, field: ShapeField<T> | undefined, usable: (value: T) => boolean, fallback: T, why: string, options: ResolvedCheckOptions): LaunchField<T> {
  const forced = options.launch[name] as T | undefined;
  if (forced !== undefined) return { value: forced, origin: 'setting', note: `set by ${LAUNCH_FLAGS[name]}, over the file` };
  if (given(field, usable)) return field;
  const silent = field?.note && field.origin !== 'unknown' ? `not usable from the file (${field.note})` : 'not in the file';
  const setting = LAUNCH_SETTINGS[name];
  const filled = options.launchDefaults[name] as T | undefined;
  if (filled !== undefined) return { value: filled, origin: 'setting', note: `${silent}: set by ${setting ?? LAUNCH_FLAGS[name]}` };
  return { value: fallback, origin: 'setting', note: `${silent}: ${why} (${LAUNCH_FLAGS[name]}${setting ? `, ${setting}` : ''})` };
}

type RunFields = Pick<Launch, 'pipelineParallel' | 'contextParallel' | 'expertParallel' | 'virtualStages' | 'sequenceParallel' | 'sharding' | 'gpus' | 'gpusPerNode' | 'untiedEmbeddings' | 'tpCommOverlap'>;

function runFields(shape: Partial<ModelShape> | null, options: ResolvedCheckOptions): RunFields {
  const always = (): boolean => true;
  return {
    pipelineParallel: runField('pipelineParallel', shape?.pipelineParallel, positive, 1, 'one pipeline stage', options),
    contextParallel: runField('contextParallel', shape?.contextParallel, positive, 1, 'no context parallelism', options),
    expertParallel: runField('expertParallel', shape?.expertParallel, positive, 1, 'no expert parallelism', options),
    virtualStages: runField('virtualStages', shape?.virtualStages, positive, 1, 'no interleaving', options),
    sequenceParallel: runField('sequenceParallel', shape?.sequenceParallel, always, false, 'no sequence parallelism', options),
    sharding: runField<Sharding>('sharding', shape?.sharding, always, 'none', 'no optimizer sharding', options),
    gpus: runField('gpus', shape?.gpus, positive, DEFAULT_GPUS, `shapelint's default ${DEFAULT_GPUS}, one node`, options),
    gpusPerNode: runField('gpusPerNode', shape?.gpusPerNode, positive, Math.min(options.gpu.intraNode.domainSize, DEFAULT_GPUS), `the ${options.gpu.name}'s NVLink domain`, options),
    untiedEmbeddings: switchField('untiedEmbeddings', shape?.untiedEmbeddings, "counted tied, Megatron-LM's default (one matrix for the input embedding and the output layer)", options),
    tpCommOverlap: switchField('tpCommOverlap', shape?.tpCommOverlap, "tensor-parallel communication counted not overlapped, Megatron-LM's default (no --tp-comm-overlap)", options),
  };
}

/**
 * A yes/no run choice: the flag, else the file's or its framework's, else `false` counted as
 * `counted` says, after the file's reason where it could not tell.
 */
function switchField(name: 'untiedEmbeddings' | 'tpCommOverlap', field: ShapeField<boolean> | undefined, counted: string, options: ResolvedCheckOptions): LaunchField<boolean> {
  const why = field?.origin === 'unknown' && field.note ? `${field.note}; ${counted}` : counted;
  return runField(name, field, () => true, false, why, options);
}

/** The global batch: the file's; else Megatron-LM's default, micro-batch × data-parallel size (megatron/training/arguments.py). */
function globalBatchField(field: ShapeField<number> | undefined, microBatch: number, tensorParallel: number, run: RunFields, options: ResolvedCheckOptions): LaunchField<number> {
  const modelParallel = tensorParallel * run.pipelineParallel.value * run.contextParallel.value;
  const dataParallel = Math.max(1, Math.floor(run.gpus.value / modelParallel));
  return runField('globalBatchSize', field, positive, microBatch * dataParallel, `micro-batch ${microBatch} × data-parallel ${dataParallel}, as Megatron-LM defaults it`, options);
}
