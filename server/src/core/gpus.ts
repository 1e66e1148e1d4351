import type { Dtype } from './perf/types';

/**
 * The GPU catalogue. OWNED BY THE THROUGHPUT-MODEL WORK (issue 3): one table, every number
 * with its source. This first entry only lets the rest of the core compile and run.
 */
export interface GpuSpec {
  id: string;
  name: string;
  aliases: string[];
  vendor: 'nvidia' | 'amd';
  /** SMs (NVIDIA) or CUs (AMD). */
  computeUnits: number;
  /** Dense tensor-core peak, TFLOP/s, per dtype; absent where the GPU has no such path. */
  peakTflops: Partial<Record<Dtype, number>>;
  memoryBandwidthGBs: number;
  l2CacheMB: number;
  /** Bytes a GEMM dimension must be a multiple of for full tensor-core rate (V100 16, A100+ 128). */
  alignmentBytes: number;
  sources: string[];
}

export const GPUS: readonly GpuSpec[] = [
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: ['h100'],
    vendor: 'nvidia',
    computeUnits: 132,
    peakTflops: { bf16: 989, fp16: 989, fp8: 1979 },
    memoryBandwidthGBs: 3350,
    l2CacheMB: 50,
    alignmentBytes: 128,
    sources: ['NVIDIA H100 datasheet'],
  },
];

export const DEFAULT_GPU_ID = 'h100-sxm';

export function findGpu(idOrAlias: string): GpuSpec | undefined {
  const wanted = idOrAlias.trim().toLowerCase();
  return GPUS.find((gpu) => gpu.id === wanted || gpu.aliases.includes(wanted));
}
