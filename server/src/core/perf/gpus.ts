import { ACHIEVABLE_FRACTION } from './calibration';
import type { GpuSpec, Tile } from '../model/hardware';
import type { Dtype } from '../model/prediction';

/**
 * The GPU catalogue: every number that describes a GPU to the throughput model, each with its
 * source. "derived" marks a number computed from other published figures; "assumed" marks a
 * calibration constant with no published measurement for that GPU (see docs/accuracy.md).
 * Nothing here was measured by this project.
 */

/** cuBLASLt tile enums include 64×64 ... 256×128 (nvmath cublasLt.MatmulTile); the paper (VI-B) names 128×256 the most efficient. */
const NVIDIA_TILES: readonly Tile[] = [
  [256, 128],
  [128, 256],
  [128, 128],
  [256, 64],
  [64, 256],
  [128, 64],
  [64, 128],
  [64, 64],
];
/** hipBLASLt macro-tiles: assumed the same menu as cuBLASLt (no published list read). */
const AMD_TILES: readonly Tile[] = NVIDIA_TILES;

const ML_ENG_PEAKS = 'stas00/ml-engineering compute/accelerator/README.md (peak TFLOPS, memory and cache tables)';
const ML_ENG_MAMF = 'stas00/ml-engineering compute/accelerator/README.md MAMF table (bf16 maximum achievable matmul)';
const ML_ENG_DIVISIBILITY = 'stas00/ml-engineering training/performance/README.md "Vector and matrix size divisibility"';
const PAPER = 'Anthony et al., "The Case for Co-Designing Model Architectures with Hardware" (arXiv 2401.14489)';
const FP8_DOUBLE = 'fp8 derived: vendor datasheets list dense FP8 at twice dense BF16 on Hopper, Blackwell, Ada and CDNA3';
const BANDWIDTH_ASSUMED = 'bandwidthFraction 0.85 assumed (llm-analysis calls 0.9 "aggressive"); not measured';
const LAUNCH_ASSUMED = 'launchOverheadUs assumed: a few µs per element-wise kernel on the GPU timeline; not measured';
const MEASURED_FRACTION = 'achievableFraction from a measurement: calibration.ts ACHIEVABLE_FRACTION names it';
const NVLINK2 = 'NVLink 2: 6 links × 25 GB/s = 150 GB/s per direction per V100 (NVIDIA V100 datasheet: 300 GB/s bidirectional)';
const NVLINK3 = 'NVLink 3 with NVSwitch: 12 links × 25 GB/s = 300 GB/s per direction, 8 GPUs per HGX/DGX A100 (datasheet: 600 GB/s)';
const NVLINK4 = 'NVLink 4 with NVSwitch: 18 links × 25 GB/s = 450 GB/s per direction, 8 GPUs per HGX H100/H200 (datasheet: 900 GB/s)';
const NVLINK5 = 'NVLink 5: 900 GB/s per direction, 8 GPUs per HGX/DGX B200 (datasheet: 1.8 TB/s; NVL72 racks join 72)';
const PCIE4 = 'PCIe 4.0 ×16: 32 GB/s per direction; 8 GPUs per node assumed';
const PCIE5 = 'PCIe 5.0 ×16: 64 GB/s per direction (NVLink bridges, which join pairs only, not modelled); 8 GPUs per node assumed';
const DGX_A100_IB = 'DGX A100: 8× HDR InfiniBand 200 Gb/s for 8 GPUs (Narayanan et al. 2021 §5: Selene)';
const DGX_H100_IB = 'DGX H100/H200: 8× ConnectX-7 NDR 400 Gb/s for 8 GPUs (torchtitan docs/performance.md: 400 Gb/s per GPU)';
const NETWORK_ASSUMED = 'inter-node 100 Gb/s per GPU assumed (Ethernet class); not measured';
const NO_MAMF = 'achievableFraction 0.80 assumed: no published MAMF; between A100 (0.869) and H100 (0.803)';

export const GPUS: readonly GpuSpec[] = [
  {
    id: 'v100-sxm2',
    name: 'NVIDIA V100 SXM2',
    aliases: ['v100'],
    vendor: 'nvidia',
    architecture: 'volta',
    computeUnits: 80,
    peakTflops: { fp16: 125 },
    memoryBandwidthGBs: 900,
    l2CacheMB: 6,
    alignmentBytes: 16,
    achievableFraction: ACHIEVABLE_FRACTION['v100-sxm2'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 4,
    tiles: NVIDIA_TILES,
    memoryGiB: 31.75,
    intraNode: { kind: 'nvlink', bandwidthGBs: 150, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      'llm-analysis gpu_configs/v100-sxm-32gb.json (125 TFLOPS fp16, 900 GB/s); NeuSight V100 config (80 SMs, 6 MB L2)',
      `${PAPER} III-B: 16-byte alignment on V100`,
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      LAUNCH_ASSUMED,
      'V100 SXM2 32GB: nvidia-smi 32510 MiB',
      NVLINK2,
      'inter-node 100 Gb/s per GPU assumed (DGX-2: 8× EDR 100 Gb/s for 16 GPUs; DGX-1: 4× EDR for 8)',
    ],
  },
  {
    id: 'a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    aliases: ['a100-40gb'],
    vendor: 'nvidia',
    architecture: 'ampere',
    computeUnits: 108,
    peakTflops: { bf16: 312, fp16: 312 },
    memoryBandwidthGBs: 1555,
    l2CacheMB: 40,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['a100-sxm4-40gb'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 40,
    intraNode: { kind: 'nvlink', bandwidthGBs: 300, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, 'llm-analysis; NeuSight', `${PAPER} III-B and ${ML_ENG_DIVISIBILITY}: 128-byte alignment, 108 SMs`, `${ML_ENG_MAMF}: A100 SXM 271.2 TFLOPS = 86.9%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'A100 40GB: nvidia-smi 40960 MiB', NVLINK3, DGX_A100_IB],
  },
  {
    id: 'a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    aliases: ['a100', 'a100-80gb'],
    vendor: 'nvidia',
    architecture: 'ampere',
    computeUnits: 108,
    peakTflops: { bf16: 312, fp16: 312 },
    memoryBandwidthGBs: 2039,
    l2CacheMB: 40,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['a100-sxm4-80gb'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 80,
    intraNode: { kind: 'nvlink', bandwidthGBs: 300, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, 'llm-analysis; gpu-specs (2039 GB/s)', `${ML_ENG_MAMF}: A100 SXM 271.2 TFLOPS = 86.9%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'A100 80GB: nvidia-smi 81920 MiB', NVLINK3, DGX_A100_IB],
  },
  {
    id: 'a10',
    name: 'NVIDIA A10',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'ampere',
    computeUnits: 72,
    peakTflops: { bf16: 125, fp16: 125 },
    memoryBandwidthGBs: 600,
    l2CacheMB: 6,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['a10'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: 'pcie', bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: ['gpu-specs; llm-analysis (125 TFLOPS, 600 GB/s)', 'SMs derived: 9216 CUDA cores / 128', 'L2 6 MB from a GA10x note, UNVERIFIED for A10', MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, '24 GB GDDR6 (datasheet)', PCIE4, NETWORK_ASSUMED],
  },
  {
    id: 'l4',
    name: 'NVIDIA L4',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'ada',
    computeUnits: 58,
    peakTflops: { bf16: 121, fp16: 121, fp8: 242 },
    memoryBandwidthGBs: 300,
    l2CacheMB: 48,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['l4'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: 'pcie', bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: ['gpu-specs; NeuSight; fpsbench', 'SMs derived: 7424 CUDA cores / 128 = 58 (NeuSight and fpsbench say 60: conflict)', FP8_DOUBLE, MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, '24 GB GDDR6 (datasheet)', PCIE4, NETWORK_ASSUMED],
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'ada',
    computeUnits: 142,
    peakTflops: { bf16: 362, fp16: 362, fp8: 724 },
    memoryBandwidthGBs: 864,
    l2CacheMB: 96,
    alignmentBytes: 128,
    achievableFraction: 0.8,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 48,
    intraNode: { kind: 'pcie', bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: [ML_ENG_PEAKS, 'gpu-specs', 'SMs derived: 18176 CUDA cores / 128', 'L2 UNVERIFIED: the full AD102 die has 96 MB', FP8_DOUBLE, NO_MAMF, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, '48 GB GDDR6 (datasheet)', PCIE4, NETWORK_ASSUMED],
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: ['h100'],
    vendor: 'nvidia',
    architecture: 'hopper',
    computeUnits: 132,
    peakTflops: { bf16: 989, fp16: 989, fp8: 1979 },
    memoryBandwidthGBs: 3350,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['h100-sxm'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 79.6,
    intraNode: { kind: 'nvlink', bandwidthGBs: 450, domainSize: 8 },
    interNodeGbps: 400,
    sources: [ML_ENG_PEAKS, 'NVIDIA H100 datasheet (989 dense BF16, 1979 dense FP8)', `${ML_ENG_DIVISIBILITY}: 132 SMs`, `${ML_ENG_MAMF}: H100 SXM 794.5 TFLOPS = 80.3%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'H100 SXM5 80GB: nvidia-smi 81559 MiB', NVLINK4, DGX_H100_IB],
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'hopper',
    computeUnits: 114,
    peakTflops: { bf16: 756, fp16: 756, fp8: 1513 },
    memoryBandwidthGBs: 2000,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['h100-pcie'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 79.6,
    intraNode: { kind: 'pcie', bandwidthGBs: 64, domainSize: 8 },
    interNodeGbps: 200,
    sources: [ML_ENG_PEAKS, 'gpu-specs (2048 GB/s); llm-analysis', 'SMs derived: 14592 CUDA cores / 128', 'L2 UNVERIFIED (likely 50 MB)', FP8_DOUBLE, MEASURED_FRACTION, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'H100 PCIe 80GB: nvidia-smi 81559 MiB', PCIE5, 'inter-node 200 Gb/s per GPU assumed (PCIe servers ship fewer NICs than DGX)'],
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM 141GB',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'hopper',
    computeUnits: 132,
    peakTflops: { bf16: 989, fp16: 989, fp8: 1979 },
    memoryBandwidthGBs: 4800,
    l2CacheMB: 50,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['h200'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 140.4,
    intraNode: { kind: 'nvlink', bandwidthGBs: 450, domainSize: 8 },
    interNodeGbps: 400,
    sources: [ML_ENG_PEAKS, FP8_DOUBLE, `${ML_ENG_MAMF}: H100 SXM 80.3%, "H200 is the same"`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'H200 141GB: nvidia-smi 143771 MiB', NVLINK4, DGX_H100_IB],
  },
  {
    id: 'b200',
    name: 'NVIDIA B200',
    aliases: [],
    vendor: 'nvidia',
    architecture: 'blackwell',
    computeUnits: 148,
    peakTflops: { bf16: 2250, fp16: 2250, fp8: 4500 },
    memoryBandwidthGBs: 8000,
    l2CacheMB: 126,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['b200'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 179,
    intraNode: { kind: 'nvlink', bandwidthGBs: 900, domainSize: 8 },
    interNodeGbps: 400,
    sources: [`${ML_ENG_PEAKS}, citing the DGX B200 datasheet and the Blackwell tuning guide`, FP8_DOUBLE, `${ML_ENG_MAMF}: B200 1745 TFLOPS = 77.6%`, BANDWIDTH_ASSUMED, LAUNCH_ASSUMED, 'DGX B200 datasheet: 1,440 GB for 8 GPUs (nvidia-smi 183359 MiB)', NVLINK5, 'DGX B200 datasheet: 8× ConnectX-7 400 Gb/s for 8 GPUs'],
  },
  {
    id: 'mi250x-gcd',
    name: 'AMD Instinct MI250X (one GCD)',
    aliases: ['mi250x'],
    vendor: 'amd',
    architecture: 'cdna2',
    computeUnits: 110,
    peakTflops: { bf16: 191.5, fp16: 191.5 },
    memoryBandwidthGBs: 1600,
    l2CacheMB: 8,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['mi250x-gcd'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 5,
    tiles: AMD_TILES,
    memoryGiB: 64,
    intraNode: { kind: 'xgmi', bandwidthGBs: 100, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      'ROCm GPU architecture spec table (110 CUs and 8 MB L2 per GCD)',
      `${ML_ENG_PEAKS}: 383 TFLOPS per MI250X; per-GCD peak and bandwidth derived (/2)`,
      'alignmentBytes assumed equal to NVIDIA A100+ (no AMD figure read)',
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      'launchOverheadUs assumed higher on ROCm; not measured',
      'MI250X: 128 GB HBM2e for two GCDs',
      'Infinity Fabric between GCDs: 50-200 GB/s per pair on a Frontier/El Capitan-class node; 100 GB/s per direction assumed',
      'Frontier node: 4× Slingshot 200 Gb/s for 8 GCDs',
    ],
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    aliases: [],
    vendor: 'amd',
    architecture: 'cdna3',
    computeUnits: 304,
    peakTflops: { bf16: 1307, fp16: 1307, fp8: 2615 },
    memoryBandwidthGBs: 5300,
    l2CacheMB: 32,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['mi300x'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 5,
    tiles: AMD_TILES,
    memoryGiB: 192,
    intraNode: { kind: 'xgmi', bandwidthGBs: 448, domainSize: 8 },
    interNodeGbps: 400,
    sources: [
      'ROCm spec; ml-engineering (1307 TFLOPS, 5.3 TB/s)',
      'L2 4 MB per XCD × 8 (plus 256 MB Infinity Cache, not modelled)',
      FP8_DOUBLE,
      'alignmentBytes assumed equal to NVIDIA A100+ (no AMD figure read)',
      `${ML_ENG_MAMF}: MI300X 668.4 TFLOPS (51.4% of 1300; 0.511 of 1307)`,
      BANDWIDTH_ASSUMED,
      'launchOverheadUs assumed higher on ROCm; not measured',
      'MI300X: 192 GB HBM3 (datasheet)',
      'AMD MI300X datasheet: 7 Infinity Fabric links, 896 GB/s bidirectional peer bandwidth',
      'inter-node 400 Gb/s per GPU assumed (one 400G NIC per GPU, as MI300X platforms ship)',
    ],
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: ['4090'],
    vendor: 'nvidia',
    architecture: 'ada',
    computeUnits: 128,
    peakTflops: { bf16: 165.2, fp16: 165.2, fp8: 330.3 },
    memoryBandwidthGBs: 1008,
    l2CacheMB: 72,
    alignmentBytes: 128,
    achievableFraction: ACHIEVABLE_FRACTION['rtx-4090'].value,
    bandwidthFraction: 0.85,
    launchOverheadUs: 3,
    tiles: NVIDIA_TILES,
    memoryGiB: 24,
    intraNode: { kind: 'pcie', bandwidthGBs: 32, domainSize: 8 },
    interNodeGbps: 100,
    sources: [
      'third-party pages (gigagpu, waredb, techgoing): 165.2 TFLOPS with FP32 accumulate (what PyTorch uses); UNVERIFIED against the Ada whitepaper',
      'thefpsreview (1008 GB/s)',
      FP8_DOUBLE,
      MEASURED_FRACTION,
      BANDWIDTH_ASSUMED,
      LAUNCH_ASSUMED,
      '24 GB GDDR6X (datasheet)',
      'PCIe 4.0 ×16, 32 GB/s per direction; GeForce cards have no peer-to-peer, so collectives go through the host',
      NETWORK_ASSUMED,
    ],
  },
];

export const DEFAULT_GPU_ID = 'h100-sxm';

export function findGpu(idOrAlias: string): GpuSpec | undefined {
  const wanted = idOrAlias.trim().toLowerCase();
  return GPUS.find((gpu) => gpu.id === wanted || gpu.aliases.includes(wanted));
}

/** Bytes per element of `dtype` on `gpu`: FP8 is one byte where the GPU has an FP8 tensor path, else it runs at 16 bits. */
export function elementBytes(gpu: GpuSpec, dtype: Dtype): number {
  return dtype === 'fp8' && peakTflopsFor(gpu, dtype).native ? 1 : 2;
}

/** The dense peak for a dtype; a dtype the GPU lacks runs on its 16-bit path (V100 has no bf16, A100 no fp8). */
export function peakTflopsFor(gpu: GpuSpec, dtype: Dtype): { tflops: number; native: boolean } {
  const native = gpu.peakTflops[dtype];
  if (native !== undefined) return { tflops: native, native: true };
  return { tflops: gpu.peakTflops.bf16 ?? gpu.peakTflops.fp16 ?? 0, native: false };
}
