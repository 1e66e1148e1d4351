import type { AttentionImplementation } from '../model/shape';
import { BACKWARD_LARGE_HEAD_DIM, FUSED_ATTENTION_EFFICIENCY, FUSED_ATTENTION_RAMP_KEYS, type FusedEfficiency } from './calibration';
import { type FusedKernel } from '../model/prediction';
import type { Architecture, GpuSpec } from '../model/hardware';
import type { Dtype } from '../model/prediction';

/**
 * Which attention kernel a framework's choice becomes on a GPU, and how fast a fused one runs per
 * head dim. Sources of the rules: PyTorch's SDPA dispatch (sdp_utils.cpp: flash needs sm80+ and
 * d ≤ 256, and on sm86/sm89 no backward for d > 192; memory-efficient otherwise), Transformer
 * Engine's backend selection (FlashAttention on Ampere/Ada, cuDNN fused attention on Hopper and
 * newer), cuDNN's SDPA support matrix (backward d ≤ 128 on Ampere and Ada) and FlashAttention-2's
 * (Dao-AILab/flash-attention #277: d > 192 backward needs A100/H100-class GPUs).
 */

export const FUSED_KERNEL_NAMES: Record<FusedKernel, string> = {
  flash2: 'FlashAttention-2',
  flash3: 'FlashAttention-3',
  cudnn: 'cuDNN fused attention',
};

export interface AttentionChoice {
  /** The kernel that runs; `unfused` is the score BMM, softmax, dropout and attention-over-value BMM. */
  kernel: FusedKernel | 'unfused';
  /** Why this kernel, for the hover and reports. */
  why: string;
}

/** GPUs with FlashAttention-2's d > 192 backward (sm80 and sm90: A100/A800, H100/H800 class). */
const LARGE_HEAD_DIM_BACKWARD: ReadonlySet<string> = new Set(['a100-sxm4-40gb', 'a100-sxm4-80gb', 'h100-sxm', 'h100-pcie', 'h200']);

const FLASH_ARCHITECTURES: ReadonlySet<Architecture> = new Set(['ampere', 'ada', 'hopper', 'blackwell', 'cdna2', 'cdna3']);
const HOPPER_OR_NEWER: ReadonlySet<Architecture> = new Set(['hopper', 'blackwell']);

/** The largest head dim each fused kernel has a kernel for. */
const MAX_HEAD_DIM = 256;

function flash2(gpu: GpuSpec, headDim: number, who: string): AttentionChoice {
  if (!FLASH_ARCHITECTURES.has(gpu.architecture)) return { kernel: 'unfused', why: `${who}: FlashAttention-2 needs Ampere or newer, so the unfused attention` };
  if (headDim > MAX_HEAD_DIM) return { kernel: 'unfused', why: `${who}: no FlashAttention-2 kernel for head dim ${headDim} (> ${MAX_HEAD_DIM}), so the unfused attention` };
  return { kernel: 'flash2', why: `${who}: FlashAttention-2` };
}

/**
 * The kernel for a framework's attention implementation on a GPU (training: forward and
 * backward), for one head dim.
 */
export function chooseAttentionKernel(implementation: AttentionImplementation, gpu: GpuSpec, headDim: number, dtype: Dtype): AttentionChoice {
  switch (implementation) {
    case 'unfused':
      return { kernel: 'unfused', why: 'the unfused attention' };
    case 'flash':
      return flash2(gpu, headDim, 'FlashAttention named by the file');
    case 'sdpa': {
      // PyTorch's flash backend is FlashAttention-2; where it cannot train the shape, the
      // memory-efficient kernel (fused, not modelled apart: counted as FlashAttention-2).
      if (headDim > 192 && FLASH_ARCHITECTURES.has(gpu.architecture) && !LARGE_HEAD_DIM_BACKWARD.has(gpu.id) && gpu.vendor === 'nvidia') {
        return { kernel: 'flash2', why: `PyTorch SDPA: no flash backward for head dim ${headDim} on ${gpu.name}, so its memory-efficient kernel (counted as FlashAttention-2)` };
      }
      if (!FLASH_ARCHITECTURES.has(gpu.architecture)) {
        // Volta: SDPA's memory-efficient kernel runs fp16 (counted as FlashAttention-2); bf16 has only the math path.
        if (dtype === 'fp16') return { kernel: 'flash2', why: `PyTorch SDPA on ${gpu.name}: its memory-efficient kernel in fp16 (counted as FlashAttention-2)` };
        return { kernel: 'unfused', why: `PyTorch SDPA on ${gpu.name}: no fused kernel for ${dtype}, so the math path (unfused)` };
      }
      return flash2(gpu, headDim, 'PyTorch SDPA picks');
    }
    case 'transformer-engine':
      if (HOPPER_OR_NEWER.has(gpu.architecture) && headDim <= MAX_HEAD_DIM) return { kernel: 'cudnn', why: 'Transformer Engine picks cuDNN fused attention on Hopper and newer' };
      return flash2(gpu, headDim, 'Transformer Engine picks');
    case 'cudnn':
      if (HOPPER_OR_NEWER.has(gpu.architecture) && headDim <= MAX_HEAD_DIM) return { kernel: 'cudnn', why: 'cuDNN fused attention (--attention-backend fused)' };
      if (FLASH_ARCHITECTURES.has(gpu.architecture) && headDim <= 128) return { kernel: 'cudnn', why: 'cuDNN fused attention (--attention-backend fused)' };
      return flash2(gpu, headDim, `cuDNN's backward needs head dim ≤ 128 on ${gpu.name}; Transformer Engine falls back to`);
  }
}

/** The data a GPU's fused-attention efficiency comes from: its own architecture's where measured, else the nearest. */
const ATTENTION_DATA_FAMILY: Record<Architecture, 'hopper' | 'ampere'> = {
  volta: 'ampere',
  ampere: 'ampere',
  ada: 'ampere',
  cdna2: 'ampere',
  cdna3: 'ampere',
  hopper: 'hopper',
  blackwell: 'hopper',
};

/** Architectures whose fused-attention efficiency was measured (H100, A100); the rest borrow, which is said. */
const MEASURED_ARCHITECTURES: ReadonlySet<Architecture> = new Set(['ampere', 'hopper']);

function efficiencyTable(kernel: FusedKernel, gpu: GpuSpec): FusedEfficiency {
  const family = FUSED_ATTENTION_EFFICIENCY[ATTENTION_DATA_FAMILY[gpu.architecture]];
  // Ampere data covers FlashAttention-2 only: cuDNN and FlashAttention-3 there borrow Hopper's curve.
  return (family[kernel] ?? FUSED_ATTENTION_EFFICIENCY.hopper[kernel] ?? FUSED_ATTENTION_EFFICIENCY.hopper.flash2!).value;
}

/** Whether the efficiency used for this kernel on this GPU was measured on its architecture. */
export function attentionDataMeasured(kernel: FusedKernel, gpu: GpuSpec): boolean {
  return MEASURED_ARCHITECTURES.has(gpu.architecture) && FUSED_ATTENTION_EFFICIENCY[ATTENTION_DATA_FAMILY[gpu.architecture]][kernel] !== undefined;
}

/** The head dim a kernel runs: FlashAttention-2 has kernels for multiples of 32, FlashAttention-3 for 64, 96, 128, 192, 256; cuDNN takes multiples of 8. */
export function paddedHeadDim(kernel: FusedKernel, headDim: number): number {
  if (kernel === 'flash3') return [64, 96, 128, 192, 256].find((size) => size >= headDim) ?? headDim;
  const step = kernel === 'flash2' ? 32 : 8;
  return Math.ceil(headDim / step) * step;
}

function interpolate(curve: FusedEfficiency['forward'], headDim: number): number {
  const [first] = curve;
  // Below the smallest measured head dim the softmax work dominates: efficiency ∝ d (assumed).
  if (headDim <= first[0]) return (first[1] * headDim) / first[0];
  for (let i = 1; i < curve.length; i++) {
    const [d0, e0] = curve[i - 1];
    const [d1, e1] = curve[i];
    if (headDim <= d1) return e0 + ((e1 - e0) * (headDim - d0)) / (d1 - d0);
  }
  return curve[curve.length - 1][1];
}

/**
 * A fused kernel's efficiency (of the GPU's achievable matmul rate) on the head dim it runs, at
 * `seqLength` keys: the long-sequence plateau for the padded head dim times the ramp s/(s + k0).
 * The d > 128 backward carries BACKWARD_LARGE_HEAD_DIM through the table's d = 256 point.
 */
export function fusedAttentionEfficiency(kernel: FusedKernel, gpu: GpuSpec, headDim: number, seqLength: number, backward: boolean): number {
  const table = efficiencyTable(kernel, gpu);
  const plateau = interpolate(backward ? table.backward : table.forward, paddedHeadDim(kernel, headDim));
  const rampKeys = backward ? FUSED_ATTENTION_RAMP_KEYS.value.backward : FUSED_ATTENTION_RAMP_KEYS.value.forward;
  return plateau * (seqLength / (seqLength + rampKeys));
}

/** The largest head dim whose fused backward runs at full speed on every GPU of the catalogue: no published figure shows a d > 128 backward at d = 128's rate. */
export const FAST_BACKWARD_MAX_HEAD_DIM = 128;

/** Said where a d > 128 backward is counted: the penalty and its source. */
export const LARGE_HEAD_DIM_NOTE = `backward above head dim ${FAST_BACKWARD_MAX_HEAD_DIM} runs at about ${Math.round(BACKWARD_LARGE_HEAD_DIM.value * 100)}% of its d = 128 rate (flash-attention issue #2878)`;
