import { LAUNCH_FIELDS, LAUNCH_LABELS, type AttentionImplementation, type FieldOrigin, type Launch } from '../model/shape';
import { attentionDataMeasured, chooseAttentionKernel, FAST_BACKWARD_MAX_HEAD_DIM, FUSED_KERNEL_NAMES, LARGE_HEAD_DIM_NOTE } from './attention';
import type { GpuSpec } from '../model/hardware';
import type { Dtype } from '../model/prediction';

/**
 * What a prediction assumed, one line per launch choice: the value, where it came from (the
 * file, the framework's default, a setting or flag) and the source. The CLI's JSON prints these
 * as `assumptions`; the hover, code lens, reports and text outputs show them.
 */
export interface Assumption {
  name: keyof Launch;
  label: string;
  value: string | number | null;
  origin: FieldOrigin;
  source: string;
}

export const ATTENTION_IMPLEMENTATION_NAMES: Record<AttentionImplementation, string> = {
  sdpa: 'PyTorch SDPA',
  'transformer-engine': 'Transformer Engine',
  flash: 'FlashAttention',
  cudnn: 'cuDNN fused attention',
  unfused: 'unfused attention',
};

/** The attention kernel in words: what the framework runs and which kernel that is on this GPU and head dim. */
export function attentionKernelText(implementation: AttentionImplementation, gpu: GpuSpec, headDim: number, dtype: Dtype): string {
  const { kernel } = chooseAttentionKernel(implementation, gpu, headDim, dtype);
  const name = ATTENTION_IMPLEMENTATION_NAMES[implementation];
  if (kernel === 'unfused') return implementation === 'unfused' ? name : `${name} → unfused`;
  return `${name} → ${FUSED_KERNEL_NAMES[kernel]}`;
}

function attentionSource(launch: Launch, gpu: GpuSpec, headDim: number): string {
  const choice = chooseAttentionKernel(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  const parts = [launch.attentionKernel.note ?? (launch.attentionKernel.key ? `${launch.attentionKernel.key} in the file` : 'in the file'), choice.why];
  if (choice.kernel !== 'unfused') {
    if (!attentionDataMeasured(choice.kernel, gpu)) parts.push(`no ${FUSED_KERNEL_NAMES[choice.kernel]} figure on ${gpu.architecture}: efficiency borrowed from the nearest measured GPU`);
    if (headDim > FAST_BACKWARD_MAX_HEAD_DIM) parts.push(LARGE_HEAD_DIM_NOTE);
  }
  return parts.join('; ');
}

function valueText(launch: Launch, name: keyof Launch, gpu: GpuSpec, headDim: number): string | number | null {
  if (name === 'attentionKernel') return attentionKernelText(launch.attentionKernel.value, gpu, headDim, launch.dtype.value);
  const value = launch[name].value;
  return typeof value === 'boolean' ? String(value) : value;
}

/** Every launch assumption of a prediction, for a layer of head dim `headDim` on `gpu`. */
export function launchAssumptions(launch: Launch, gpu: GpuSpec, headDim: number): Assumption[] {
  return LAUNCH_FIELDS.map((name) => {
    const field = launch[name];
    const source =
      name === 'attentionKernel'
        ? attentionSource(launch, gpu, headDim)
        : (field.note ?? (field.key ? `${field.key} in the file` : field.origin === 'file' ? 'in the file' : field.origin));
    return { name, label: LAUNCH_LABELS[name], value: valueText(launch, name, gpu, headDim), origin: field.origin, source: field.value === null ? `unknown, counted as none: ${source}` : source };
  });
}

/** One line: "attention PyTorch SDPA → FlashAttention-2 (default), dropout 0.1/0.1 (default), recompute none (setting), …". */
export function assumptionsLine(assumptions: readonly Assumption[]): string {
  return assumptions.map((item) => `${item.label} ${item.value ?? 'unknown'} (${item.origin})`).join(', ');
}
