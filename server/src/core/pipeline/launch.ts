import type { CheckOptions, ResolvedCheckOptions } from './options';
import type { AttentionImplementation, Launch, LaunchField, ModelShape, RecomputeMode, ShapeField } from './shape';

/**
 * The launch a prediction assumes: each choice from the file or the framework's default (in the
 * shape), or from a setting or flag, which says which. Flags that force a choice (`--attention`,
 * `--dropout`, `--recompute`) win over the file; the sizes (`--seq`, `--micro-batch`, `--tp`) fill
 * in only where the file and the framework are silent, as they always have.
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
  const pipelineParallel = shape?.pipelineParallel;
  return {
    attentionKernel,
    attentionDropout: dropoutField(shape?.attentionDropout, options),
    hiddenDropout: dropoutField(shape?.hiddenDropout, options),
    recompute,
    dtype: setting(options.dtype, 'dtype', options),
    seqLength: sizeField(shape?.seqLength, 'sequenceLength', options),
    microBatchSize: sizeField(shape?.microBatchSize, 'microBatchSize', options),
    tensorParallel: sizeField(shape?.tensorParallel, 'tensorParallelSize', options),
    pipelineParallel: given(pipelineParallel, positive) ? pipelineParallel : { value: 1, origin: 'setting', note: 'not in the file: one pipeline stage' },
  };
}
