import { findGpu } from './gpus';
import { predictGemmShape, predictLayer } from './index';
import type { FusedKernel } from '../model/prediction';
import type { Dtype, GemmShape, LayerSpec } from '../model/prediction';

/**
 * Published measurements (data/measurements/*.json, schema in data/measurements/README.md) and
 * the error of the model against them. A source is either `calibration` (the model's fitted
 * constants may have seen it: see calibration.ts) or `validation` (never used to set a constant);
 * accuracy is reported on validation sources only, in-sample figures labelled as such.
 */

export type SourceRole = 'calibration' | 'validation';

export interface MeasurementSource {
  id: string;
  role: SourceRole;
  title: string;
  where: string;
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  chart: boolean;
  /** Validation sources this calibration source shares method, GPU and shapes with: figures on them are not independent of it. */
  overlapsWith?: string[];
}

interface PointBase {
  gpu: string;
  dtype: Dtype;
  tflops: number;
  /** True when the number was read off a plot. Falls back to the source's `chart`. */
  chart?: boolean;
  id?: string;
}

export interface GemmPoint extends PointBase {
  kind: 'gemm' | 'flash_attention';
  m: number;
  n: number;
  k: number;
  batch: number;
}

/** One transformer layer of the paper's Figure 1 kind: MHA, 4h MLP, dropout, no logits, s and b given. */
export interface LayerPoint extends PointBase {
  kind: 'layer';
  hidden: number;
  heads: number;
  seq: number;
  microBatch: number;
}

/**
 * The best of a sweep of square GEMMs n×n×n (a source that publishes only its best number):
 * predicted as the best of the same sweep, `sizes` or else n = ⌊2^e⌋ for e = 8, 8.25 … 12.75.
 */
export interface BestOfSquaresPoint extends PointBase {
  kind: 'best_of_squares';
  sizes?: number[];
}

/**
 * One fused attention kernel (data/attention): `batch` sequences of `heads` heads, non-causal,
 * forward (2 matmuls of s × s × d) or backward (5), as the FlashAttention papers count FLOPs.
 */
export interface FusedAttentionPoint extends PointBase {
  kind: 'fused_attention';
  kernel: FusedKernel;
  pass: 'forward' | 'backward';
  seq: number;
  headDim: number;
  heads: number;
  batch: number;
}

export type MeasuredPoint = GemmPoint | LayerPoint | BestOfSquaresPoint | FusedAttentionPoint;

const SQUARE_SWEEP = Array.from({ length: 20 }, (_, i) => Math.floor(2 ** (8 + i / 4)));

export interface MeasurementFile {
  source: MeasurementSource;
  points: MeasuredPoint[];
}

export function layerSpecOf(point: LayerPoint): LayerSpec {
  return {
    hiddenSize: point.hidden,
    numHeads: point.heads,
    numKvHeads: point.heads,
    headDim: point.hidden / point.heads,
    ffnHiddenSize: 4 * point.hidden,
    gatedMlp: false,
    vocabSize: 0,
    numLayers: 1,
    seqLength: point.seq,
    microBatchSize: point.microBatch,
    tensorParallel: 1,
    numExperts: 1,
    expertsPerToken: 1,
    flashAttention: false,
    dropout: true,
  };
}

export function attentionShapeOf(point: FusedAttentionPoint): GemmShape {
  const { seq, headDim, heads, batch, kernel } = point;
  return { name: 'flash_attention', label: 'measured', m: seq, n: seq, k: headDim, batch: batch * heads, matmuls: point.pass === 'forward' ? 2 : 5, kernel };
}

export function gemmShapeOf(point: GemmPoint): GemmShape {
  const shape: GemmShape = { name: point.kind === 'flash_attention' ? 'flash_attention' : 'mlp_up', label: 'measured', m: point.m, n: point.n, k: point.k, batch: point.batch };
  return point.kind === 'flash_attention' ? { ...shape, matmuls: 2 } : shape;
}

/** The model's TFLOP/s for a measured point, with the same entry points the editor uses. */
export function predictPoint(point: MeasuredPoint): number {
  const gpu = findGpu(point.gpu);
  if (!gpu) throw new Error(`measurement on unknown GPU ${point.gpu}`);
  if (point.kind === 'fused_attention') return predictGemmShape(attentionShapeOf(point), gpu, { dtype: point.dtype }).tflops;
  if (point.kind === 'layer') return predictLayer(layerSpecOf(point), gpu, { dtype: point.dtype, backward: false }).layer.tflops;
  if (point.kind === 'best_of_squares') {
    return Math.max(...(point.sizes ?? SQUARE_SWEEP).map((n) => predictGemmShape({ name: 'mlp_up', label: 'measured', m: n, n, k: n, batch: 1 }, gpu, { dtype: point.dtype }).tflops));
  }
  return predictGemmShape(gemmShapeOf(point), gpu, { dtype: point.dtype }).tflops;
}

export interface ScoredPoint {
  source: MeasurementSource;
  point: MeasuredPoint;
  predicted: number;
  /** (predicted − measured) / measured. */
  error: number;
}

export function scorePoints(files: readonly MeasurementFile[]): ScoredPoint[] {
  return files.flatMap((file) =>
    file.points.map((point) => {
      const predicted = predictPoint(point);
      return { source: file.source, point, predicted, error: (predicted - point.tflops) / point.tflops };
    }),
  );
}

export interface ErrorSummary {
  points: number;
  medianAbsError: number;
  meanAbsError: number;
  /** Share of points predicted within ±10%. */
  within10: number;
  /** Pairs of one GPU and source whose measurements differ by ≥ 5%. */
  pairs: number;
  /** Share of those pairs the model orders the same way; NaN without pairs. */
  orderAccuracy: number;
}

/** Two measurements closer than this are a tie: their order is noise. */
export const ORDER_MIN_GAP = 0.05;

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(scored: readonly ScoredPoint[]): ErrorSummary {
  const absolute = scored.map((entry) => Math.abs(entry.error));
  let pairs = 0;
  let ordered = 0;
  for (let i = 0; i < scored.length; i++) {
    for (let j = i + 1; j < scored.length; j++) {
      const a = scored[i];
      const b = scored[j];
      if (a.source.id !== b.source.id || a.point.gpu !== b.point.gpu) continue;
      const [slow, fast] = a.point.tflops < b.point.tflops ? [a, b] : [b, a];
      if (fast.point.tflops < slow.point.tflops * (1 + ORDER_MIN_GAP)) continue;
      pairs++;
      if (fast.predicted > slow.predicted) ordered++;
    }
  }
  return {
    points: scored.length,
    medianAbsError: median(absolute),
    meanAbsError: absolute.length ? absolute.reduce((sum, value) => sum + value, 0) / absolute.length : NaN,
    within10: absolute.length ? absolute.filter((value) => value <= 0.1).length / absolute.length : NaN,
    pairs,
    orderAccuracy: pairs ? ordered / pairs : NaN,
  };
}

/** Per-GPU summaries of a set of scored points, GPUs in catalogue order of first appearance. */
export function summarizeByGpu(scored: readonly ScoredPoint[]): Map<string, ErrorSummary> {
  const groups = new Map<string, ScoredPoint[]>();
  for (const entry of scored) groups.set(entry.point.gpu, [...(groups.get(entry.point.gpu) ?? []), entry]);
  return new Map([...groups].map(([gpu, entries]) => [gpu, summarize(entries)]));
}
