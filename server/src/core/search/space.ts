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
/**
 * The most layer shapes one search evaluates: each costs a whole-model prediction (about 1 ms),
 * so this bounds a search to seconds. Llama-2-7B spans 833; a hidden size of 65,536 would span
 * 212,000 (minutes) and one of 999,936 some 400 million (out of memory). Past it, hidden sizes
 * and MLP widths are taken at a coarser step (the alignment times a power of two), and the
 * bounds say so.
 */
export const MAX_LAYER_SHAPES = 2_000;

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

/** The space with its step: the alignment, times a power of two where the space would pass MAX_LAYER_SHAPES. */
export interface Space extends SpaceInput {
  /** The step of hidden sizes and MLP widths, in elements. */
  step: number;
  /** The alignment step (elements a linear GEMM dimension must be a multiple of, times TP). */
  alignedStep: number;
}

/** The finest step that keeps the space within MAX_LAYER_SHAPES (the alignment, unless the space is bigger). */
export function boundedSpace(input: SpaceInput): Space {
  const alignedStep = input.linearAlignment * input.spec.tensorParallel;
  const largestHidden = input.current.hiddenSize * (1 + HIDDEN_SPAN);
  let space: Space = { ...input, step: alignedStep, alignedStep };
  while (countShapes(space) > MAX_LAYER_SHAPES && space.step < largestHidden) space = { ...space, step: space.step * 2 };
  return space;
}

/** How many layer shapes the space has at most (one kv count per head count), counted without listing MLP widths. */
function countShapes(space: Space): number {
  let count = 0;
  for (const hidden of hiddenSizes(space)) {
    count += headShapes(space, hidden).length * ffnWidthCount(space, hidden);
    if (count > MAX_LAYER_SHAPES) break;
  }
  return count;
}

const multiplesIn = (low: number, high: number, step: number): number[] => {
  const values: number[] = [];
  for (let value = Math.max(step, Math.ceil(low / step) * step); value <= high; value += step) values.push(value);
  return values;
};

export function hiddenSizes(input: Space): number[] {
  const h = input.current.hiddenSize;
  if (input.fixed.has('hidden')) return [h];
  return multiplesIn(h * (1 - HIDDEN_SPAN), h * (1 + HIDDEN_SPAN), input.step);
}

/** The head dims proposed: 64/128/256 up to the limit, and the current one. */
function proposedHeadDims(input: SpaceInput): number[] {
  return [...new Set<number>([...HEAD_DIMS.filter((d) => d <= input.maxHeadDim), input.current.headDim])].filter((d) => d % input.attentionAlignment === 0).sort((a, b) => a - b);
}

/** The head count stays: held by the user, or a head dim of its own (not h/a) the hidden size does not set. */
function headsHeld(input: SpaceInput): boolean {
  const { current } = input;
  return input.fixed.has('heads') || (input.explicitHeadDim && current.numHeads * current.headDim !== current.hiddenSize);
}

/** (heads, head dim) pairs for a hidden size: head dims of 64/128/256 up to the limit or the current one, heads sharding over TP. */
export function headShapes(input: SpaceInput, hidden: number): { numHeads: number; headDim: number }[] {
  const { current, attentionAlignment } = input;
  const t = input.spec.tensorParallel;
  const aligned = (d: number) => Number.isInteger(d) && d > 0 && d % attentionAlignment === 0;
  if (headsHeld(input)) {
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
export function ffnWidths(input: Space, hidden: number): number[] {
  const { current } = input;
  if (input.fixed.has('ffn')) {
    if (input.derivedFfn && hidden !== current.hiddenSize) {
      const derived = input.derivedFfn(hidden);
      return derived === null ? [] : [derived];
    }
    return [current.ffnHiddenSize];
  }
  const widths = new Set<number>();
  for (const target of ffnTargets(input, hidden)) for (const width of multiplesIn(target * (1 - FFN_SPAN), target * (1 + FFN_SPAN), input.step)) widths.add(width);
  return [...widths].sort((a, b) => a - b);
}

function ffnTargets(input: SpaceInput, hidden: number): number[] {
  return [(input.spec.gatedMlp ? GATED_RATIO : PLAIN_RATIO) * hidden, (input.current.ffnHiddenSize / input.current.hiddenSize) * hidden];
}

/** How many MLP widths a hidden size has, counted without listing them: the multiples of the step in two windows. */
function ffnWidthCount(input: Space, hidden: number): number {
  if (input.fixed.has('ffn')) return 1;
  const [a, b] = ffnTargets(input, hidden).map((target) => ({
    first: Math.max(1, Math.ceil((target * (1 - FFN_SPAN)) / input.step)),
    last: Math.floor((target * (1 + FFN_SPAN)) / input.step),
  }));
  const size = (window: { first: number; last: number }) => Math.max(0, window.last - window.first + 1);
  return size(a) + size(b) - size({ first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) });
}

/** Every layer shape of the space, in a fixed order. */
export function layerShapes(input: Space): LayerDims[] {
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
 * The layer count whose model holds the current parameter count best (parameters are linear in
 * the layer count; of two as near, the fewer), within the budget, that the pipeline stages split
 * evenly; undefined when there is none. Worked out, not enumerated: a budget of 5% of 2^53 layers
 * is 4.5·10^14 counts.
 */
export function nearestLayerCount(input: SpaceInput, perLayerParams: number, embeddingParams: number, currentParams: number, budget: number): number | undefined {
  if (input.fixed.has('layers')) return input.current.numLayers;
  const low = Math.max(1, Math.ceil(((1 - budget) * currentParams - embeddingParams) / perLayerParams));
  const high = Math.floor(((1 + budget) * currentParams - embeddingParams) / perLayerParams);
  const ideal = (currentParams - embeddingParams) / perLayerParams;
  if (!(low <= high) || !Number.isFinite(ideal)) return undefined;
  // The counts the stages split evenly are one residue modulo the stage count.
  const period = input.pipelineParallel > 1 && input.pipelineExtraLayers !== null ? input.pipelineParallel : 1;
  const residue = period === 1 ? 0 : (((-(input.pipelineExtraLayers ?? 0)) % period) + period) % period;
  const below = Math.floor((ideal - residue) / period) * period + residue;
  const nearest = [below, below + period]
    .filter((layers) => layers >= low && layers <= high)
    .sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || a - b);
  return nearest[0];
}

/** What the space spans, in words, for the output: the search says its bounds. */
export function describeBounds(input: Space): string[] {
  const fixed = (field: SearchField) => input.fixed.has(field);
  const t = input.spec.tensorParallel;
  const { step } = input;
  const lines: string[] = [];
  if (step !== input.alignedStep) {
    lines.push(`coarsened: hidden sizes and MLP widths in steps of ${step}, not ${input.alignedStep}, to keep the search within ${MAX_LAYER_SHAPES.toLocaleString('en-US')} layer shapes`);
  }
  lines.push(fixed('hidden') ? `${FIELD_LABELS.hiddenSize}: held at ${input.current.hiddenSize}` : `${FIELD_LABELS.hiddenSize}: multiples of ${step} within ±${HIDDEN_SPAN * 100}%`);
  const limit = input.maxHeadDim < Math.max(...HEAD_DIMS) ? ` (none above ${input.maxHeadDim}, the largest whose fused backward runs at full speed: --max-head-dim)` : '';
  const ownHeadDim = fixed('heads') ? '' : ` (head dim ${input.current.headDim}, not hidden / heads)`;
  lines.push(headsHeld(input) ? `heads: held at ${input.current.numHeads}${ownHeadDim}` : `heads: head dim ${proposedHeadDims(input).join('/')}${limit}${t > 1 ? `, heads a multiple of TP ${t}` : ''}`);
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
