/**
 * Every constant of the throughput model that was set by looking at measurements, each with the
 * sources it was fitted on (ids of data/measurements/*.json) and how. Only calibration sources
 * may appear here: a validation source that informed a constant would no longer be evidence
 * (test/unit/perf/accuracy.test.ts holds this). Constants the model assumes without any fit
 * (element-wise launch cost, tile reuse, bandwidth fraction) stay in gpus.ts, marked "assumed".
 */

import type { FusedKernel } from '../model/prediction';
import type { Architecture } from '../model/hardware';

/** The measurement sources the constants below may have seen (data/measurements, role "calibration"). */
export const CALIBRATION_SOURCES = [
  'paper-figures',
  'ml-engineering-mamf',
  'ml-engineering-swiglu',
  'tilelang-h800-k-sweep',
  'chsasank-device-benchmarks',
  'pytorch-issue-181718-rtx4090-alignment',
  'zzc0721-l4',
  'xla-sm90-perf-table-9bebee8',
  'flash-attention-3-paper-h100',
] as const;
export type CalibrationSource = (typeof CALIBRATION_SOURCES)[number];

export interface Calibrated<T> {
  value: T;
  /** Sources in data/measurements; empty when the number comes from a publication not stored there. */
  fittedOn: readonly CalibrationSource[];
  how: string;
}

export type AlignmentCurve = ReadonlyArray<readonly [bytes: number, efficiency: number]>;

/**
 * How fast tensor cores run when a GEMM dimension is only a multiple of `bytes` bytes (its largest
 * power-of-two divisor × element size) and that is less than the GPU's `alignmentBytes`.
 * 1-byte alignment (odd fp8) is extrapolated. Architectures without their own curve (below) use it.
 */
export const ALIGNMENT_EFFICIENCY: Calibrated<AlignmentCurve> = {
  value: [
    [1, 0.35],
    [2, 0.43],
    [4, 0.65],
    [8, 0.7],
    [16, 0.88],
    [32, 0.94],
    [64, 0.98],
  ],
  fittedOn: ['paper-figures', 'ml-engineering-swiglu'],
  how: 'read off Fig. 7a/7b (A100, a=32, h≈32768: throughput by the largest power of two dividing h/a, relative to h/a divisible by 64) and the SwiGLU sweep on H100 (d_ff=10922, a multiple of 2 only: 272.7 vs 398.4 TFLOP/s at 10944 = 0.68)',
};

/**
 * Where a generation's libraries pick other kernels for misaligned shapes. On Ada, cuBLAS runs odd
 * sizes with CUTLASS align1 kernels that keep pace with aligned ones (the 0.72× of aligned measured
 * at N ≈ 2055 is the model's wave quantization), while N ≡ 8 (mod 16) often gets a 64×64 kernel
 * that is slower: the order is the reverse of Ampere's and Hopper's.
 */
export const ALIGNMENT_BY_ARCHITECTURE: Readonly<Partial<Record<Architecture, Calibrated<AlignmentCurve>>>> = {
  ada: {
    value: [
      [1, 1],
      [2, 1],
      [4, 1],
      [8, 1],
      [16, 0.85],
      [32, 0.94],
      [64, 0.98],
    ],
    fittedOn: ['pytorch-issue-181718-rtx4090-alignment'],
    how: 'RTX 4090 bf16 squares: the four odd N (2055, 2057, 2071, 2073) at 1.00-1.09 of the model without an alignment penalty, N = 2040, 2056, 2072 (multiples of 8 only) at 1.01, 0.85 and 0.78 of it with 0.88: medians. 4- and 8-byte alignment were not measured and take the odd value; 32 and 64 bytes keep the default',
  },
};

/** Efficiency of a fused attention kernel at long sequences, per head dim, as a fraction of the GPU's achievable matmul rate. */
export interface FusedEfficiency {
  forward: ReadonlyArray<readonly [headDim: number, efficiency: number]>;
  backward: ReadonlyArray<readonly [headDim: number, efficiency: number]>;
}

/** Long-sequence efficiency ÷ the sequence ramp s/(s + k0) at s = 16k, ÷ H100 SXM's achievable 794 TFLOP/s (989 × 0.803). */
const H100_FA3_PAPER_HOW =
  "FlashAttention-3 paper (arXiv 2407.08608) Fig. 5 and 6, non-causal, H100 SXM5: the 16k bar of each kernel and head dim, divided by the sequence ramp at 16k and by H100's achievable matmul rate (794 TFLOP/s); d = 256 backward (not in the paper) is d = 128's × BACKWARD_LARGE_HEAD_DIM";

/**
 * Fused attention efficiency per kernel and architecture family. Only Hopper (H100) and Ampere
 * (A100, FlashAttention-2 forward) were measured; other architectures borrow the nearest (see
 * ATTENTION_DATA_FAMILY in attention.ts), which the hover says.
 */
export const FUSED_ATTENTION_EFFICIENCY: Readonly<Record<'hopper' | 'ampere', Partial<Record<FusedKernel, Calibrated<FusedEfficiency>>>>> = {
  hopper: {
    flash2: {
      value: { forward: [[64, 0.411], [128, 0.469], [256, 0.413]], backward: [[64, 0.373], [128, 0.412], [256, 0.21]] },
      fittedOn: ['flash-attention-3-paper-h100'],
      how: `${H100_FA3_PAPER_HOW}. FlashAttention-2 does not use Hopper's wgmma, hence its low rate there`,
    },
    cudnn: {
      value: { forward: [[64, 0.524], [128, 0.754], [256, 0.737]], backward: [[64, 0.555], [128, 0.661], [256, 0.337]] },
      fittedOn: ['flash-attention-3-paper-h100'],
      how: H100_FA3_PAPER_HOW,
    },
    flash3: {
      value: { forward: [[64, 0.63], [128, 0.821], [256, 0.958]], backward: [[64, 0.607], [128, 0.719], [256, 0.367]] },
      fittedOn: ['flash-attention-3-paper-h100'],
      how: H100_FA3_PAPER_HOW,
    },
  },
  ampere: {
    flash2: {
      value: { forward: [[32, 0.194], [64, 0.583], [128, 0.816], [256, 0.913]], backward: [[32, 0.176], [64, 0.529], [128, 0.717], [256, 0.366]] },
      fittedOn: ['paper-figures', 'flash-attention-3-paper-h100'],
      how: "the paper's Fig. 12 (A100 40GB, FlashAttention-2 forward, s = 2048: ~50, 150, 210, 235 TFLOP/s at d = 32, 64, 128, 256) ÷ the sequence ramp at 2048 ÷ A100's achievable 271 TFLOP/s; backward = forward × FlashAttention-2's backward/forward ratio on H100 at the same d (0.91 at 64, 0.88 at 128; no A100 backward figure is stored); d = 256 backward is d = 128's × BACKWARD_LARGE_HEAD_DIM",
    },
  },
};

/**
 * The d = 256 backward's efficiency relative to d = 128's: FlashAttention-4 on an H200 takes 3.92×
 * the d = 128 backward's time for 2× its FLOPs (its forward: 1.87× the time). Applied to every
 * kernel: no FlashAttention-2/3 or cuDNN d = 256 backward figure was found.
 */
export const BACKWARD_LARGE_HEAD_DIM: Calibrated<number> = {
  value: 0.51,
  fittedOn: [],
  how: 'Dao-AILab/flash-attention issue #2878 (flash-attn-4 4.0.0b24, H200, b 1, s 86000, 32 heads): backward 246.29 ms at d = 128, 965.85 ms at d = 256; 2 / 3.92 = 0.51',
};

/**
 * The sequence ramp of a fused kernel: each query block's fixed work (load Q, write O, the
 * softmax rescaling) is worth k0 keys, so efficiency ∝ s/(s + k0).
 */
export const FUSED_ATTENTION_RAMP_KEYS: Calibrated<{ forward: number; backward: number }> = {
  value: { forward: 110, backward: 280 },
  fittedOn: ['flash-attention-3-paper-h100'],
  how: 'the k0 in steps of 10 that minimises the mean absolute log error of plateau × s/(s + k0) over the 90 non-causal bars (s = 512 to 16k) of Fig. 5 and 6, each series scaled to its 16k bar: 3.1% forward, 2.4% backward',
};

/**
 * Best large-GEMM throughput / dense peak per GPU (the maximum achievable matmul fraction),
 * where a measurement exists. A GPU missing here keeps the assumed fraction in gpus.ts.
 */
export const ACHIEVABLE_FRACTION: Readonly<Record<string, Calibrated<number>>> = {
  'v100-sxm2': { value: 0.72, fittedOn: [], how: 'paper Fig. 5a: ~90 TFLOP/s for (8000,4096)×(4096,8000) of 125' },
  'a100-sxm4-40gb': { value: 0.869, fittedOn: ['ml-engineering-mamf'], how: 'MAMF A100 SXM 271.2 of 312 (the 80GB part; same SMs and clocks)' },
  'a100-sxm4-80gb': { value: 0.869, fittedOn: ['ml-engineering-mamf'], how: 'MAMF A100 SXM 271.2 of 312' },
  l4: { value: 0.48, fittedOn: ['zzc0721-l4'], how: 'square sweeps n = 4096-10240 fp16 and bf16, median 54.4 TFLOP/s against a model of 90.7 at 0.80: a 72 W card runs power-limited' },
  a10: { value: 0.5, fittedOn: ['chsasank-device-benchmarks'], how: 'best of a square sweep 56 TFLOP/s bf16 against a model best of 89.8 at 0.80: A10 runs power-limited (150 W)' },
  'h100-sxm': { value: 0.803, fittedOn: ['ml-engineering-mamf'], how: 'MAMF H100 SXM 794.5 of 989' },
  'h100-pcie': { value: 0.7, fittedOn: ['chsasank-device-benchmarks'], how: 'best of a square sweep 449 TFLOP/s bf16 against a model best of 516 at 0.803' },
  h200: { value: 0.803, fittedOn: ['ml-engineering-mamf'], how: 'MAMF H100 SXM 794.5 of 989; the table notes H200 has the same compute' },
  b200: { value: 0.776, fittedOn: [], how: 'ml-engineering MAMF B200 1745 of 2250 (a later version of the table than the one in data/measurements)' },
  'mi250x-gcd': { value: 0.768, fittedOn: ['ml-engineering-mamf'], how: 'MAMF v1 table MI250X 147.0 of 191.5 (one GCD, ROCm 6.2)' },
  mi300x: { value: 0.511, fittedOn: ['ml-engineering-mamf'], how: 'MAMF MI300X 668.4 of 1307 (v2 table; the v1 table has 781.9)' },
  'rtx-4090': { value: 1.06, fittedOn: ['chsasank-device-benchmarks'], how: 'best of a square sweep 168 TFLOP/s bf16 against a model best of 127 at 0.80: the card boosts above the clock its rated peak assumes' },
};

/**
 * What one GEMM kernel costs on the GPU's timeline beyond its tiles' work: launch, prologue,
 * pipeline fill of the first wave and the tail of the last. It dominates GEMMs of a few µs.
 */
export const GEMM_FIXED_COST_US: Calibrated<number> = {
  value: 4.5,
  fittedOn: ['xla-sm90-perf-table-9bebee8'],
  how: 'the value in 0.25 µs steps that minimises the median absolute error on the 80 H100 bf16 GEMMs of that run (7.0% at 4.5 µs; 9.6% at 4.25, 7.3% at 4.75; 3 µs, the old assumption, gives 15.5%). Assumed the same on other GPUs',
};

/**
 * The published training runs (data/runs, role "calibration") that the run model's fitted
 * constants may have seen; the validation runs inform none (test/unit/perf/run-accuracy.test.ts).
 */
export const RUN_CALIBRATION_SOURCES = ['narayanan-2021-table2', 'torchtitan-llama-a100', 'nemo-24.07-h100'] as const;
export type RunCalibrationSource = (typeof RUN_CALIBRATION_SOURCES)[number];

export interface RunCalibrated<T> {
  value: T;
  /** Sources in data/runs; empty when the number comes from a publication not stored there. */
  fittedOn: readonly RunCalibrationSource[];
  how: string;
}

/**
 * Bus bandwidth a large NCCL/RCCL collective reaches, as a share of the link's per-direction
 * bandwidth (nccl-tests' busbw, which already folds in the ring's 2(n−1)/n).
 */
export const COLLECTIVE_BUS_FRACTION: Readonly<Record<'nvlink' | 'pcie' | 'xgmi' | 'network', RunCalibrated<number>>> = {
  nvlink: { value: 0.8, fittedOn: [], how: 'nccl-tests all_reduce_perf at 1-8 GB on 8 GPUs: ~230 GB/s busbw of 300 on DGX A100, ~360-480 of 450 on DGX H100 (NVIDIA NCCL docs and the nccl-tests README figures); 0.8 taken' },
  pcie: { value: 0.7, fittedOn: [], how: 'assumed: PCIe rings through the host bridge reach less of the link than NVLink; not measured' },
  xgmi: { value: 0.7, fittedOn: [], how: 'assumed: RCCL all-reduce on MI250X/MI300X nodes is reported well below the link peak; not measured' },
  network: { value: 0.85, fittedOn: [], how: 'nccl-tests all_reduce across nodes with one 200/400 Gb/s InfiniBand NIC per GPU reaches ~85-92% of the line rate (NVIDIA DGX SuperPOD reference figures); 0.85 taken' },
};

/**
 * The share of the layer model's speed that a training step's compute reaches: what the kernel
 * model does not see (the CPU launching kernels, synchronisation, the data loader, logging).
 * Divides the compute and recompute time.
 */
export const TRAINING_COMPUTE_EFFICIENCY: RunCalibrated<number> = {
  value: 0.87,
  fittedOn: ['narayanan-2021-table2', 'torchtitan-llama-a100', 'nemo-24.07-h100'],
  how: 'the value in 0.01 steps that minimises the median absolute error of tokens/s per GPU over the 21 calibration runs not on ZeRO-3 (4.2% at 0.87; 4.8% at 0.88, 5.0% at 0.86; 18.6% without it), with the fused-attention model per GPU and head dim and the tensor-parallel communication overlap of the NeMo 24.07 rows with TP > 1 (refitted when the overlap was modelled: the optimum stayed at 0.87, which gave 5.0% before)',
};

/** DeepSpeed ZeRO-3's gathers and reduce-scatters reach this share of the ring bandwidth (many small per-module collectives, 2021). */
export const ZERO3_COLLECTIVE_EFFICIENCY: RunCalibrated<number> = {
  value: 0.08,
  fittedOn: ['narayanan-2021-table2'],
  how: 'the value in 0.01 steps that minimises the median absolute error of the six ZeRO-3 rows of Table 2 (17% at 0.08, 21% at 0.09, 28% at 0.07, 120% without it): those runs slow down as the GPUs grow at a fixed batch, which a ring at the full node bandwidth does not',
};
