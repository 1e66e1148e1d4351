import { fusedAttentionEfficiency, paddedHeadDim } from './attention';
import { ALIGNMENT_BY_ARCHITECTURE, ALIGNMENT_EFFICIENCY, GEMM_FIXED_COST_US } from './calibration';
import { elementBytes, peakTflopsFor } from './gpus';
import { KERNEL_MODEL } from './kernel-model';
import { type GpuSpec, type Tile } from '../model/hardware';
import { largestPowerOfTwoDividing } from '../model/shape';
import type { Dtype, GemmPrediction, GemmShape } from '../model/prediction';

/**
 * The analytic GEMM time model (the paper's III-B and VI-B): for each tile shape the library would
 * consider, tiles → waves against the SM count → compute time at the achievable per-SM rate;
 * memory time is the minimum traffic at achievable bandwidth; the slower of the two, divided by
 * the alignment efficiency of the worst-aligned dimension, plus a fixed cost per kernel. The fastest tile wins.
 */

/** Everything about (GPU, dtype) the per-GEMM arithmetic needs, computed once per prediction. */
export interface DeviceRates {
  gpu: GpuSpec;
  elementBytes: number;
  /** Achievable FLOPs per µs of one SM/CU on the largest tile. */
  smFlopsPerUs: number;
  /** Achievable bytes per µs from HBM. */
  bytesPerUs: number;
  peakTflops: number;
}

export function deviceRates(gpu: GpuSpec, dtype: Dtype): DeviceRates {
  const peak = peakTflopsFor(gpu, dtype);
  return {
    gpu,
    elementBytes: elementBytes(gpu, dtype),
    smFlopsPerUs: (peak.tflops * 1e6 * gpu.achievableFraction) / gpu.computeUnits,
    bytesPerUs: gpu.memoryBandwidthGBs * 1e3 * gpu.bandwidthFraction,
    peakTflops: peak.tflops,
  };
}

/**
 * 2·M·N·K per matmul. A fused attention kernel whose value head dim differs from its query-key
 * head dim (`valueDim`) runs ⌊matmuls/2⌋ of them over V (PV; dP and dV) and the rest over K.
 */
export function gemmFlops(shape: GemmShape): number {
  const matmuls = shape.matmuls ?? 1;
  const overValue = shape.valueDim === undefined ? 0 : Math.floor(matmuls / 2);
  return 2 * shape.m * shape.n * shape.batch * ((matmuls - overValue) * shape.k + overValue * (shape.valueDim ?? shape.k));
}

/** Tensor-core efficiency of one dimension, from the largest power of two dividing it. */
export function alignmentEfficiency(dimension: number, rates: DeviceRates): number {
  const bytes = largestPowerOfTwoDividing(dimension) * rates.elementBytes;
  if (bytes >= rates.gpu.alignmentBytes) return 1;
  const curve = (ALIGNMENT_BY_ARCHITECTURE[rates.gpu.architecture] ?? ALIGNMENT_EFFICIENCY).value;
  let efficiency = curve[0][1];
  for (const [entryBytes, entryEfficiency] of curve) if (entryBytes <= bytes) efficiency = entryEfficiency;
  return efficiency;
}

/** GEMM outputs are written in 16 bits, FP8 GEMMs included (Transformer Engine, torch._scaled_mm default). */
const OUTPUT_BYTES = 2;

const reuse = (tile: Tile): number => {
  const intensity = (tile[0] * tile[1]) / (tile[0] + tile[1]);
  return intensity / (intensity + KERNEL_MODEL.tileReuseConstant);
};

/** Per-SM rate of a tile relative to the tile the achievable peak is reached with (never above it). */
function tileEfficiency(tile: Tile): number {
  return Math.min(1, reuse(tile) / reuse(KERNEL_MODEL.referenceTile));
}

/**
 * A fused attention kernel: query blocks of `flashBlockRows` rows per head, each sweeping all keys
 * at the kernel's measured efficiency for the head dim it runs (padded to its template) and the
 * sequence length (perf/attention.ts). A smaller value head dim (`valueDim`) runs at the query-key
 * head dim's template: FlashAttention-2 takes one head dim for Q, K and V, so transformers'
 * DeepSeek-V3 pads V up to it (modeling_deepseek_v3.py), and no kernel's timing by the two dims
 * apart is calibrated.
 */
function flashComputeUs(shape: GemmShape, rates: DeviceRates): { us: number; waves: number; tile: [number, number] } {
  const rows = KERNEL_MODEL.flashBlockRows;
  const blocks = Math.ceil(shape.m / rows) * shape.batch;
  const waves = Math.ceil(blocks / rates.gpu.computeUnits);
  const matmuls = shape.matmuls ?? 2;
  const kernel = shape.kernel ?? 'flash2';
  const efficiency = fusedAttentionEfficiency(kernel, rates.gpu, shape.k, shape.n, matmuls > 2);
  const blockUs = (2 * rows * shape.n * paddedHeadDim(kernel, shape.k) * matmuls) / (rates.smFlopsPerUs * efficiency);
  return { us: waves * blockUs, waves, tile: [rows, shape.n] };
}

function memoryBytes(shape: GemmShape, rates: DeviceRates): number {
  const { m, n, k, batch } = shape;
  if (shape.matmuls !== undefined) {
    // Q, K, V in and O out; the backward also reads O and dO and writes dQ, dK, dV.
    const passes = shape.matmuls > 2 ? 2 : 1;
    const v = shape.valueDim ?? k;
    return rates.elementBytes * batch * (k + v) * (m + n) * passes;
  }
  return rates.elementBytes * batch * (m * k + k * n + m * n);
}

/** Writing a finished output tile to HBM at one SM's share of the bandwidth: not overlapped with that tile's main loop. */
function epilogueUs(tile: Tile, rates: DeviceRates): number {
  return (tile[0] * tile[1] * OUTPUT_BYTES) / (rates.bytesPerUs / rates.gpu.computeUnits);
}

export function predictGemm(shape: GemmShape, rates: DeviceRates): GemmPrediction {
  const { gpu } = rates;
  const flops = gemmFlops(shape);
  // A fused attention kernel pads the head dim to its template (counted in its time), so alignment is a plain GEMM's matter.
  const alignment = shape.matmuls !== undefined ? 1 : Math.min(alignmentEfficiency(shape.m, rates), alignmentEfficiency(shape.n, rates), alignmentEfficiency(shape.k, rates));
  const memoryUs = memoryBytes(shape, rates) / rates.bytesPerUs;

  // `computeUs` is the kernel's time on the fastest tile; `mainLoopUs` its tensor-core share (the rest writes C).
  let best = { computeUs: Infinity, mainLoopUs: Infinity, waves: 0, tile: [0, 0] as [number, number] };
  if (shape.matmuls !== undefined) {
    const flash = flashComputeUs(shape, rates);
    best = { computeUs: flash.us, mainLoopUs: flash.us, waves: flash.waves, tile: flash.tile };
  } else {
    for (const tile of gpu.tiles) {
      const tiles = Math.ceil(shape.m / tile[0]) * Math.ceil(shape.n / tile[1]) * shape.batch;
      const waves = Math.ceil(tiles / gpu.computeUnits);
      const mainLoopUs = waves * ((2 * tile[0] * tile[1] * shape.k) / (rates.smFlopsPerUs * tileEfficiency(tile)));
      const computeUs = mainLoopUs + waves * epilogueUs(tile, rates);
      if (computeUs < best.computeUs) best = { computeUs, mainLoopUs, waves, tile: [tile[0], tile[1]] };
    }
  }

  const timeUs = Math.max(best.computeUs, memoryUs) / alignment + GEMM_FIXED_COST_US.value;
  return {
    ...shape,
    tflops: flops / timeUs / 1e6,
    timeUs,
    waves: best.waves,
    tile: best.tile,
    bound: best.mainLoopUs * 2 < Math.max(best.computeUs, memoryUs) ? 'memory' : 'compute',
    source: 'model',
  };
}

/** Time of a streaming element-wise kernel that moves `bytes`. */
export function elementwiseUs(bytes: number, rates: DeviceRates): number {
  return bytes / rates.bytesPerUs + rates.gpu.launchOverheadUs;
}
