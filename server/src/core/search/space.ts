/**
 * What the shape search enumerates: the layer shapes near the current one (hidden size, heads
 * and head dim, kv heads, MLP width) that every hard rule and every alignment rule accepts,
 * and, per layer shape, the layer counts that hold the parameter count within the budget.
 */
import type { LayerSpec } from '../model/prediction';
import { divisorsOf, FIELD_LABELS, type NumericFieldName } from '../model/shape';
import { kvHeadsFitTensorParallel } from '../rules/support';

/** The fields `--keep` names. */
export const SEARCH_FIELDS = ['hidden', 'heads', 'kv-heads', 'ffn', 'layers', 'vocab'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The numbers a candidate differs in; the rest of the spec (sequence, batch, TP, experts) is the current one's. */
export interface SearchDims {
  hiddenSize: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  ffnHiddenSize: number;
  numLayers: number;
  /** The vocabulary the logit GEMM runs over (after the framework's padding). */
  vocabSize: number;
}

export const DIM_NAMES: readonly (keyof SearchDims & NumericFieldName)[] = ['hiddenSize', 'numHeads', 'numKvHeads', 'headDim', 'ffnHiddenSize', 'numLayers', 'vocabSize'];

export type LayerDims = Omit<SearchDims, 'numLayers'>;

/**
 * The bounds. Hidden sizes within ±20%: with the layer count absorbing the difference, a
 * wider-shallower or narrower-deeper model can hold the parameter count. MLP widths within ±5%
 * of each target ratio, the window of the paper's Llama-2 brute force (VII-B).
 */
export const HIDDEN_SPAN = 0.2;
export const FFN_SPAN = 0.05;
/** The head dims the paper's Figure 1 and current models use. */
export const HEAD_DIMS = [64, 128, 256] as const;
/** SwiGLU's parameter-preserving width (Shazeer 2020; paper VI-C 4) and the plain MLP's 4h (Table II). */
const GATED_RATIO = 8 / 3;
const PLAIN_RATIO = 4;

export interface SpaceInput {
  current: SearchDims;
  spec: LayerSpec;
  /** Elements a linear GEMM dimension must be a multiple of (per GPU), and the head dim's. */
  linearAlignment: number;
  attentionAlignment: number;
  pipelineParallel: number;
  /** Units besides the layers that the pipeline split balances; null when the split is uneven on purpose. */
  pipelineExtraLayers: number | null;
  kvHeadsMayDivideTensorParallel: boolean;
  /** Fields held at their current value: kept by the user, or not a literal the search can edit. */
  fixed: ReadonlySet<SearchField>;
  /** The head dim is its own setting (HF `head_dim`, `--kv-channels`), not h/a. */
  explicitHeadDim: boolean;
  /** Where the MLP width is not a setting of its own, the width the framework derives for a hidden size. */
  derivedFfn?: (hidden: number) => number | null;
  /** The vocabulary the candidates use: the current one padded, unless kept. */
  vocabSize: number;
  /** The largest head dim proposed (the current one is always kept): by default the largest whose fused backward runs at full speed. */
  maxHeadDim: number;
}

const multiplesIn = (low: number, high: number, step: number): number[] => {
  const values: number[] = [];
  for (let value = Math.max(step, Math.ceil(low / step) * step); value <= high; value += step) values.push(value);
  return values;
};

export function hiddenSizes(input: SpaceInput): number[] {
  const h = input.current.hiddenSize;
  if (input.fixed.has('hidden')) return [h];
  return multiplesIn(h * (1 - HIDDEN_SPAN), h * (1 + HIDDEN_SPAN), input.linearAlignment * input.spec.tensorParallel);
}

/** The head dims proposed: 64/128/256 up to the limit, and the current one. */
function proposedHeadDims(input: SpaceInput): number[] {
  return [...new Set<number>([...HEAD_DIMS.filter((d) => d <= input.maxHeadDim), input.current.headDim])].filter((d) => d % input.attentionAlignment === 0).sort((a, b) => a - b);
}

/** (heads, head dim) pairs for a hidden size: head dims of 64/128/256 up to the limit or the current one, heads sharding over TP. */
export function headShapes(input: SpaceInput, hidden: number): { numHeads: number; headDim: number }[] {
  const { current, attentionAlignment } = input;
  const t = input.spec.tensorParallel;
  const aligned = (d: number) => Number.isInteger(d) && d > 0 && d % attentionAlignment === 0;
  if (input.fixed.has('heads') || (input.explicitHeadDim && current.numHeads * current.headDim !== current.hiddenSize)) {
    const headDim = input.explicitHeadDim ? current.headDim : hidden / current.numHeads;
    return aligned(headDim) ? [{ numHeads: current.numHeads, headDim }] : [];
  }
  return proposedHeadDims(input)
    .filter(aligned)
    .map((headDim) => ({ numHeads: hidden / headDim, headDim }))
    .filter(({ numHeads }) => Number.isInteger(numHeads) && numHeads % t === 0);
}

/**
 * The kv heads to pair with `heads`: MHA stays MHA; a kept count must divide; otherwise the
 * divisor of `heads` that shards over TP nearest to the current group size.
 */
export function kvHeadCounts(input: SpaceInput, heads: number): number[] {
  const { current } = input;
  const t = input.spec.tensorParallel;
  const fits = (kv: number) => heads % kv === 0 && kvHeadsFitTensorParallel({ shape: input }, kv, t);
  if (current.numKvHeads === current.numHeads && !input.fixed.has('kv-heads')) return [heads];
  if (input.fixed.has('kv-heads')) return fits(current.numKvHeads) ? [current.numKvHeads] : [];
  const sameGroups = (heads * current.numKvHeads) / current.numHeads;
  const nearest = divisorsOf(heads)
    .filter(fits)
    .sort((a, b) => Math.abs(a - sameGroups) - Math.abs(b - sameGroups) || a - b)[0];
  return nearest === undefined ? [] : [nearest];
}

/** MLP widths for a hidden size: aligned multiples near 8h/3 (gated) or 4h, and near the current ratio. */
export function ffnWidths(input: SpaceInput, hidden: number): number[] {
  const { current, spec } = input;
  if (input.fixed.has('ffn')) {
    if (input.derivedFfn && hidden !== current.hiddenSize) {
      const derived = input.derivedFfn(hidden);
      return derived === null ? [] : [derived];
    }
    return [current.ffnHiddenSize];
  }
  const step = input.linearAlignment * spec.tensorParallel;
  const targets = [(spec.gatedMlp ? GATED_RATIO : PLAIN_RATIO) * hidden, (current.ffnHiddenSize / current.hiddenSize) * hidden];
  const widths = new Set<number>();
  for (const target of targets) for (const width of multiplesIn(target * (1 - FFN_SPAN), target * (1 + FFN_SPAN), step)) widths.add(width);
  return [...widths].sort((a, b) => a - b);
}

/** Every layer shape of the space, in a fixed order. */
export function layerShapes(input: SpaceInput): LayerDims[] {
  const shapes: LayerDims[] = [];
  for (const hiddenSize of hiddenSizes(input)) {
    for (const { numHeads, headDim } of headShapes(input, hiddenSize)) {
      for (const numKvHeads of kvHeadCounts(input, numHeads)) {
        for (const ffnHiddenSize of ffnWidths(input, hiddenSize)) {
          shapes.push({ hiddenSize, numHeads, numKvHeads, headDim, ffnHiddenSize, vocabSize: input.vocabSize });
        }
      }
    }
  }
  return shapes;
}

/**
 * Every layer count whose model is within the budget (parameters linear in the layer count),
 * that the pipeline stages split evenly.
 */
export function layerCounts(input: SpaceInput, perLayerParams: number, embeddingParams: number, currentParams: number, budget: number): number[] {
  if (input.fixed.has('layers')) return [input.current.numLayers];
  const low = Math.max(1, Math.ceil(((1 - budget) * currentParams - embeddingParams) / perLayerParams));
  const high = Math.floor(((1 + budget) * currentParams - embeddingParams) / perLayerParams);
  const counts: number[] = [];
  for (let layers = low; layers <= high; layers++) {
    if (input.pipelineParallel > 1 && input.pipelineExtraLayers !== null && (layers + input.pipelineExtraLayers) % input.pipelineParallel !== 0) continue;
    counts.push(layers);
  }
  return counts;
}

/** What the space spans, in words, for the output: the search says its bounds. */
export function describeBounds(input: SpaceInput): string[] {
  const fixed = (field: SearchField) => input.fixed.has(field);
  const t = input.spec.tensorParallel;
  const step = input.linearAlignment * t;
  const lines: string[] = [];
  lines.push(fixed('hidden') ? `${FIELD_LABELS.hiddenSize}: held at ${input.current.hiddenSize}` : `${FIELD_LABELS.hiddenSize}: multiples of ${step} within ±${HIDDEN_SPAN * 100}%`);
  const limit = input.maxHeadDim < Math.max(...HEAD_DIMS) ? ` (none above ${input.maxHeadDim}, the largest whose fused backward runs at full speed: --max-head-dim)` : '';
  lines.push(fixed('heads') ? `heads: held at ${input.current.numHeads}` : `heads: head dim ${proposedHeadDims(input).join('/')}${limit}${t > 1 ? `, heads a multiple of TP ${t}` : ''}`);
  lines.push(input.current.numKvHeads === input.current.numHeads ? 'kv heads: as many as heads (multi-head attention)' : fixed('kv-heads') ? `kv heads: held at ${input.current.numKvHeads}` : 'kv heads: the divisor of the heads nearest the current group size');
  lines.push(
    fixed('ffn')
      ? input.derivedFfn
        ? 'MLP width: follows the hidden size as the framework derives it'
        : `MLP width: held at ${input.current.ffnHiddenSize}`
      : `MLP width: multiples of ${step} within ±${FFN_SPAN * 100}% of ${input.spec.gatedMlp ? '8h/3' : '4h'} and of the current ratio`,
  );
  lines.push(fixed('layers') ? `layers: held at ${input.current.numLayers}` : `layers: the count nearest the current parameter count, within the budget${input.pipelineParallel > 1 ? ` that ${input.pipelineParallel} pipeline stages split evenly` : ''}`);
  lines.push(`vocabulary: ${input.vocabSize}${input.vocabSize !== input.current.vocabSize ? ` (padded from ${input.current.vocabSize})` : ''}`);
  return lines;
}
