/**
 * Shape search: the shapes near the current one, within a parameter budget, ranked by the run's
 * tokens/s per GPU where the launch lays a run out (run.ts), else by the throughput model's
 * whole-model tokens/s (forward and backward, logits included) on the target GPU. Shapes that do
 * not fit in the GPU's memory are dropped, or, where the current one does not fit either, kept
 * and marked after those that do. Exhaustive over the space `space.ts` spans; deterministic. A
 * generator, so that the language server can run it in slices, report progress and stop when
 * cancelled.
 */
import type { CheckResult } from '../check';
import type { TextEdit } from '../model/findings';
import { modelParams, predictLayer, type Dtype, type GemmProfile, type LayerPrediction, type LayerSpec } from '../perf';
import { FAST_BACKWARD_MAX_HEAD_DIM } from '../perf/attention';
import { launchAssumptions, type Assumption } from '../perf/assumptions';
import { aboveGemmBand } from '../perf/error-band';
import { changedSpec } from '../perf/spec';
import type { GpuSpec } from '../model/hardware';
import { unpredictableReason } from '../perf/spec';
import { NUMERIC_FIELDS, shapeValues, type Launch, type ModelShape, type NumericFieldName } from '../model/shape';
import { alignment } from '../rules/support';
import type { ResolvedCheckOptions } from '../model/options';
import { gib } from '../rules/memory';
import { rankBasis, type RankBasis, type RankedBy, type SearchRun } from './run';
import { ALIGNMENT_RULES, changesBetween, derivedWithHidden, dimsOf, dimsOfSpec, editable, sameDims, verifyCandidate, vocabPaddingEdits, type Change, type FileBase } from './edits';
import { boundedSpace, describeBounds, layerShapes, nearestLayerCount, type LayerDims, type SearchDims, type SearchField, type Space } from './space';

export { MAX_LAYER_SHAPES, SEARCH_FIELDS, type SearchDims, type SearchField } from './space';
export { ALIGNMENT_RULES, type Change } from './edits';
export type { RankedBy, SearchRun } from './run';

/** What to rank by: tokens/s (the run's per GPU, or the model's), or that scaled to the current parameter count (a 3% smaller model is not a 3% win). */
export type SearchRank = 'tokens' | 'size-adjusted';

export interface SearchSettings {
  /** Allowed relative change of the total parameter count: 0.05 is ±5%. */
  budget: number;
  keep: readonly SearchField[];
  top: number;
  rank: SearchRank;
  profile?: GemmProfile;
  /** The largest head dim proposed (the current one stays): by default the largest whose fused backward runs at full speed. */
  maxHeadDim: number;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = { budget: 0.05, keep: [], top: 10, rank: 'size-adjusted', maxHeadDim: FAST_BACKWARD_MAX_HEAD_DIM };

/** A checked file, or bare numbers (then no edits). */
export type SearchSource =
  | { kind: 'file'; text: string; fileName: string; result: CheckResult }
  | {
      kind: 'numbers';
      spec: LayerSpec;
      launch: Launch;
      options: ResolvedCheckOptions;
      activation: string;
      /** Why the numbers give no launch to lay a run out (no GPU count); absent when they do. */
      noRun?: string;
    };

/** The kinds of work a gain is split into, in output order. */
export const GAIN_PARTS = ['gemms', 'attention', 'elementwise', 'logits'] as const;

/**
 * Where a candidate's gain in tokens/s comes from: the time per token it saves in each kind of
 * work, as a share of its gain (the four add up to `speedup − 1`).
 */
export interface GainSplit {
  /** The linear layers' GEMMs (QKV, projection, MLP). */
  gemms: number;
  /** The attention BMMs or the fused attention kernel. */
  attention: number;
  /** Softmax, attention dropout, norms, residual adds, activation. */
  elementwise: number;
  /** The logit GEMM and its cross-entropy. */
  logits: number;
}

/** A candidate's run, with its speed-ups over the current one's run. */
export interface CandidateRun extends SearchRun {
  /** Tokens/s per GPU against the current run's. */
  speedup: number;
  /** The same at equal size: × params against the current one's. */
  sizeAdjustedSpeedup: number;
}

export interface SearchCandidate {
  /** The shape as `check --format json` prints it. */
  shape: Record<string, number | string | boolean | null>;
  dims: SearchDims;
  params: number;
  /** The model's tokens/s on one replica (forward and backward, logits included). */
  tokensPerSecond: number;
  /** The model's tokens/s against the current one's: 1.18 is 18% faster. */
  speedup: number;
  /** The speed-up at equal size: tokens/s × params against the current one's. */
  sizeAdjustedSpeedup: number;
  /** The gain in the model's tokens/s by kind of work. */
  gainSplit: GainSplit;
  /** The whole run on its GPUs; null when the search ranks by the model. */
  run: CandidateRun | null;
  changes: Change[];
  /** Offset edits turning the file into the candidate; empty for bare numbers. */
  edits: TextEdit[];
  /** The rules the candidate passes (re-checked for a file, by construction for bare numbers). */
  satisfies: string[];
  pareto: boolean;
}

export interface SearchPoint {
  params: number;
  /** What the search ranks by: the run's tokens/s per GPU, or the model's tokens/s. */
  rankedTokensPerSecond: number;
  /** Whether it fits in the GPU's memory; null when ranked by the model. */
  fits: boolean | null;
  pareto: boolean;
  current: boolean;
}

export interface SearchResult {
  gpu: { id: string; name: string };
  dtype: Dtype;
  budget: number;
  rank: SearchRank;
  rankedBy: RankedBy;
  /** What the ranking's tokens/s are and under which launch, or why not the run's. */
  rankedByNote: string;
  /** Where the current shape does not fit either: shapes that do not fit are kept and marked, after those that fit. */
  memoryNote: string | null;
  /** What every prediction of the search assumed (the current shape's head dim for the attention kernel), with origins and sources. */
  assumptions: Assumption[];
  /** How far the search's numbers (whole-model tokens/s) can be trusted: not validated at this level, its GEMMs' band. */
  accuracy: string;
  maxHeadDim: number;
  current: { shape: Record<string, number | string | boolean | null>; dims: SearchDims; params: number; tokensPerSecond: number; run: SearchRun | null };
  candidates: SearchCandidate[];
  /** Every shape within the budget (the current one too), for the chart: those that do not fit too, marked. */
  points: SearchPoint[];
  bounds: string[];
  /** Fields held at their current value, and why. */
  held: string[];
  stats: { layerShapes: number; shapesInBudget: number; pruned: { reason: string; count: number }[] };
}

export interface SearchProgress {
  done: number;
  total: number;
}

export class SearchError extends Error {}

/** The widest parameter budget: ±50%. */
export const MAX_SEARCH_BUDGET = 0.5;

/**
 * A budget as given (the CLI's percentage over 100, the language server's request), checked the
 * same way for both: a fraction above 0 and at most MAX_SEARCH_BUDGET. A budget of 1e308 made the
 * layer counts in it endless.
 */
export function checkedBudget(budget: unknown): number {
  if (typeof budget === 'number' && budget > 0 && budget <= MAX_SEARCH_BUDGET) return budget;
  throw new SearchError(`the parameter budget must be above 0 and at most ${MAX_SEARCH_BUDGET} (±${MAX_SEARCH_BUDGET * 100}%), got ${String(budget)}`);
}

/** Layer shapes evaluated between two progress reports. */
const SLICE = 24;
/** How many ranked shapes may be re-checked to find the top N that read back and pass. */
const VERIFY_FACTOR = 5;
/** Shapes of one attention layout among the first candidates (see diversified). */
const PER_LAYOUT = 2;

interface Evaluated {
  dims: SearchDims;
  params: number;
  tokensPerSecond: number;
  /** Time per token by kind of work, µs. */
  work: GainSplit;
  run: SearchRun | null;
}

interface Plan {
  space: Space;
  spec: LayerSpec;
  gpu: GpuSpec;
  dtype: Dtype;
  base: FileBase | null;
  held: string[];
  currentShape: Record<string, number | string | boolean | null>;
  launch: Launch;
  basis: RankBasis;
}

const LINEAR_GEMMS: ReadonlySet<string> = new Set(['qkv', 'mla_q', 'mla_q_down', 'mla_q_up', 'mla_kv_down', 'mla_kv_up', 'attention_projection', 'mlp_up', 'mlp_gate', 'mlp_down', 'shared_expert_up', 'shared_expert_gate', 'shared_expert_down']);

/** One layer's time by kind of work (µs), logits apart. */
function layerWork(prediction: LayerPrediction): Omit<GainSplit, 'logits'> {
  const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const gemms = prediction.gemms.filter((gemm) => gemm.name !== 'logits');
  return {
    gemms: sumOf(gemms.filter((gemm) => LINEAR_GEMMS.has(gemm.name)).map((gemm) => gemm.timeUs)),
    attention: sumOf(gemms.filter((gemm) => !LINEAR_GEMMS.has(gemm.name)).map((gemm) => gemm.timeUs)),
    elementwise: sumOf(prediction.elementwise.map((work) => work.timeUs)),
  };
}

/** A candidate's gain by kind of work: each kind's saved time per token over the candidate's total, so the four add up to the speed-up − 1. */
function gainSplit(current: GainSplit, candidate: GainSplit): GainSplit {
  const total = candidate.gemms + candidate.attention + candidate.elementwise + candidate.logits;
  const share = (name: keyof GainSplit) => (current[name] - candidate[name]) / total;
  return { gemms: share('gemms'), attention: share('attention'), elementwise: share('elementwise'), logits: share('logits') };
}

/** Runs the whole search at once (the CLI). */
export function runSearch(source: SearchSource, settings: SearchSettings): SearchResult {
  const search = searchShapes(source, settings);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

export function* searchShapes(source: SearchSource, settings: SearchSettings): Generator<SearchProgress, SearchResult> {
  checkedBudget(settings.budget);
  const plan = planSearch(source, settings);
  const { space, spec, gpu, dtype } = plan;
  const tokens = spec.seqLength * spec.microBatchSize;
  const evaluate = (dims: LayerDims) => {
    // Each head dim gets the kernel the framework's attention runs for it on this GPU.
    // One MoE layer where the model keeps dense layers too: the search varies the layer the experts shape.
    const one = changedSpec(spec, { ...dims, numLayers: 1, denseLayers: 0 }, plan.launch, gpu);
    const prediction = predictLayer(one, gpu, { dtype, backward: true, profile: settings.profile });
    const modelUs = (tokens / prediction.model.tokensPerSecond) * 1e6;
    const embedding = modelParams({ ...one, numLayers: 0 });
    return { layerUs: prediction.layer.timeUs, logitsUs: modelUs - prediction.layer.timeUs, perLayer: prediction.model.params - embedding, embedding, layerWork: layerWork(prediction) };
  };
  type Timing = ReturnType<typeof evaluate>;
  const tokensPerSecond = (timing: Timing, layers: number) => tokens / ((layers * timing.layerUs + timing.logitsUs) / 1e6);
  const workPerToken = (timing: Timing, layers: number): GainSplit => ({
    gemms: (layers * timing.layerWork.gemms) / tokens,
    attention: (layers * timing.layerWork.attention) / tokens,
    elementwise: (layers * timing.layerWork.elementwise) / tokens,
    logits: timing.logitsUs / tokens,
  });

  const { basis } = plan;
  const runOf = (dims: SearchDims): SearchRun | null => (basis.by === 'run' ? basis.runOf(changedSpec(spec, dims, plan.launch, gpu)) : null);
  const current = space.current;
  const currentTiming = evaluate(current);
  const currentParams = currentTiming.embedding + current.numLayers * currentTiming.perLayer;
  const currentTps = tokensPerSecond(currentTiming, current.numLayers);
  const currentRun = runOf(current);

  const pruned = new Map<string, number>();
  const prune = (reason: string) => pruned.set(reason, (pruned.get(reason) ?? 0) + 1);
  const shapes = layerShapes(space);
  const inBudget: Evaluated[] = [];
  let outOfBudget = 0;
  for (let index = 0; index < shapes.length; index++) {
    const timing = evaluate(shapes[index]);
    // The layer count that holds the parameter count best; the others in the budget are the same shape, bigger or smaller.
    const numLayers = nearestLayerCount(space, timing.perLayer, timing.embedding, currentParams, settings.budget);
    if (numLayers === undefined) outOfBudget++;
    else {
      const dims = { ...shapes[index], numLayers };
      const run = runOf(dims);
      if (basis.by === 'run' && !run) prune('shapes dropped: their layers do not split over the virtual pipeline stages');
      else if (!sameDims(dims, current)) inBudget.push({ dims, params: timing.embedding + numLayers * timing.perLayer, tokensPerSecond: tokensPerSecond(timing, numLayers), work: workPerToken(timing, numLayers), run });
    }
    if ((index + 1) % SLICE === 0) yield { done: index + 1, total: shapes.length };
  }
  if (outOfBudget > 0) pruned.set('layer shapes with no layer count within the budget', outOfBudget);

  // Where the current shape fits, shapes that do not are no option; where it does not, the best options are still worth seeing.
  const dropUnfit = currentRun?.fits === true;
  const fits = (item: Evaluated) => item.run?.fits !== false;
  const kept = dropUnfit ? inBudget.filter(fits) : inBudget;
  if (dropUnfit && basis.by === 'run' && kept.length < inBudget.length) pruned.set(`shapes dropped: do not fit in ${gib(basis.capacityBytes)} GiB per GPU`, inBudget.length - kept.length);
  const ranks = (item: Evaluated) => item.run?.tokensPerSecondPerGpu ?? item.tokensPerSecond;
  const key = (item: Evaluated) => (settings.rank === 'tokens' ? ranks(item) : ranks(item) * (item.params / currentParams));
  const ranked = [...kept].sort(
    (a, b) => key(b) - key(a) || changeCount(a.dims, current) - changeCount(b.dims, current) || Math.abs(a.params - currentParams) - Math.abs(b.params - currentParams) || compareDims(a.dims, b.dims),
  );
  // Those that fit first, each group diversified on its own.
  const ordered = [...diversified(ranked.filter(fits)), ...diversified(ranked.filter((item) => !fits(item)))];
  const currentPoint: Evaluated = { dims: current, params: currentParams, tokensPerSecond: currentTps, work: workPerToken(currentTiming, current.numLayers), run: currentRun };
  const front = paretoFront([currentPoint, ...kept], ranks);
  const candidates: SearchCandidate[] = [];
  const limit = Math.max(settings.top * VERIFY_FACTOR, settings.top + 20);
  for (const item of ordered.slice(0, limit)) {
    if (candidates.length >= settings.top) break;
    let edits: TextEdit[] = [];
    let shape: Record<string, number | string | boolean | null>;
    let satisfies: string[] = [...ALIGNMENT_RULES];
    if (plan.base) {
      // Each re-check is a whole check of the file: a slice of its own.
      yield { done: shapes.length, total: shapes.length };
      const verified = verifyCandidate(plan.base, current, item.dims);
      if (!verified.ok) {
        prune(`ranked shapes dropped: ${verified.reason}`);
        continue;
      }
      edits = verified.edits;
      shape = shapeValues(verified.result.shape as ModelShape);
      satisfies = ALIGNMENT_RULES.filter((rule) => !verified.result.findings.some((finding) => finding.ruleId === rule));
    } else {
      shape = numbersShape(plan.currentShape, item.dims);
    }
    candidates.push({
      shape,
      dims: item.dims,
      params: item.params,
      tokensPerSecond: item.tokensPerSecond,
      speedup: item.tokensPerSecond / currentTps,
      sizeAdjustedSpeedup: (item.tokensPerSecond * item.params) / (currentTps * currentParams),
      gainSplit: gainSplit(currentPoint.work, item.work),
      run: item.run && currentRun ? { ...item.run, speedup: item.run.tokensPerSecondPerGpu / currentRun.tokensPerSecondPerGpu, sizeAdjustedSpeedup: (item.run.tokensPerSecondPerGpu * item.params) / (currentRun.tokensPerSecondPerGpu * currentParams) } : null,
      changes: changesBetween(current, item.dims, plan.base),
      edits,
      satisfies,
      pareto: front.has(item),
    });
  }

  return {
    gpu: { id: gpu.id, name: gpu.name },
    dtype,
    budget: settings.budget,
    rank: settings.rank,
    rankedBy: basis.by,
    rankedByNote: basis.note,
    memoryNote:
      basis.by === 'run' && currentRun && !currentRun.fits
        ? `the current shape needs ${gib(currentRun.peakBytesPerGpu)} GiB per GPU, more than the ${gib(basis.capacityBytes)} GiB of the ${gpu.name}: shapes that do not fit are kept, marked, after those that fit`
        : null,
    assumptions: launchAssumptions(plan.launch, gpu, current.headDim),
    accuracy: aboveGemmBand('model', gpu, dtype, settings.profile).text,
    maxHeadDim: settings.maxHeadDim,
    current: { shape: plan.currentShape, dims: current, params: currentParams, tokensPerSecond: currentTps, run: currentRun },
    candidates,
    points: [currentPoint, ...inBudget].map((item) => ({ params: item.params, rankedTokensPerSecond: ranks(item), fits: item.run?.fits ?? null, pareto: front.has(item), current: item === currentPoint })),
    bounds: describeBounds(space),
    held: plan.held,
    stats: { layerShapes: shapes.length, shapesInBudget: inBudget.length, pruned: [...pruned].map(([reason, count]) => ({ reason, count })) },
  };
}

/**
 * The ranking with at most PER_LAYOUT shapes of one attention layout (hidden size, heads, kv
 * heads) first, then the rest in rank order: ten MLP widths of one layout tell less than ten layouts.
 */
function diversified(ranked: readonly Evaluated[]): Evaluated[] {
  const seen = new Map<string, number>();
  const first: Evaluated[] = [];
  const rest: Evaluated[] = [];
  for (const item of ranked) {
    const layout = `${item.dims.hiddenSize}/${item.dims.numHeads}/${item.dims.numKvHeads}/${item.dims.headDim}`;
    const count = seen.get(layout) ?? 0;
    seen.set(layout, count + 1);
    (count < PER_LAYOUT ? first : rest).push(item);
  }
  return [...first, ...rest];
}

function changeCount(dims: SearchDims, current: SearchDims): number {
  return (Object.keys(dims) as (keyof SearchDims)[]).filter((name) => dims[name] !== current[name]).length;
}

function compareDims(a: SearchDims, b: SearchDims): number {
  for (const name of Object.keys(a) as (keyof SearchDims)[]) if (a[name] !== b[name]) return a[name] - b[name];
  return 0;
}

/** The shapes no other is at least as big and as fast as (strictly one of the two): the fastest for their size. */
function paretoFront<T extends { params: number }>(items: readonly T[], speed: (item: T) => number): Set<T> {
  const front = new Set<T>();
  let fastest = -Infinity;
  for (const item of [...items].sort((a, b) => b.params - a.params || speed(b) - speed(a))) {
    if (speed(item) > fastest) front.add(item);
    fastest = Math.max(fastest, speed(item));
  }
  return front;
}

/** Bare numbers as check's JSON shape: what the flags say, null for what they do not. */
function numbersShape(base: Record<string, number | string | boolean | null>, dims: SearchDims): Record<string, number | string | boolean | null> {
  return { ...base, ...dims, paddedVocabSize: dims.vocabSize };
}

const positive = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

function planSearch(source: SearchSource, settings: SearchSettings): Plan {
  if (source.kind === 'numbers') return planNumbers(source, settings);
  const { result } = source;
  const shape = result.shape;
  const current = dimsOf(result);
  if (!shape || !current) throw new SearchError(`the file ${shape ? unpredictableReason(shape) : 'has no shape'}; nothing to search`);
  if (!positive(shape.numLayers.value)) throw new SearchError('the file does not give its layer count; the parameter budget needs it');
  const options = result.options;
  const keep = new Set(settings.keep);
  const held: string[] = [];
  const fixed = new Set<SearchField>(keep);
  const hold = (field: SearchField, name: NumericFieldName, why: string) => {
    if (keep.has(field)) return;
    fixed.add(field);
    const note = shape[name].note;
    held.push(`${field}: ${why}${note ? ` (${note})` : ''}`);
  };
  if (!editable(shape, 'hiddenSize', source.text)) hold('hidden', 'hiddenSize', 'not a literal in the file');
  if (!editable(shape, 'numHeads', source.text) || (shape.headDim.origin === 'file' && !editable(shape, 'headDim', source.text))) hold('heads', 'numHeads', 'not a literal in the file');
  if (current.numKvHeads !== current.numHeads && !editable(shape, 'numKvHeads', source.text)) hold('kv-heads', 'numKvHeads', 'not a literal in the file');
  if (!editable(shape, 'ffnHiddenSize', source.text)) hold('ffn', 'ffnHiddenSize', 'not a number literal in the file: follows the hidden size as the framework derives it');
  if (!editable(shape, 'numLayers', source.text)) hold('layers', 'numLayers', 'not a literal in the file');
  for (const field of keep) held.push(`${field}: kept (--keep)`);

  const vocabEdits = keep.has('vocab') ? [] : vocabPaddingEdits(result);
  const base: FileBase = { text: source.text, fileName: source.fileName, result, vocabEdits };
  const padded = vocabEdits.length > 0 ? derivedWithHidden(base, current.hiddenSize) : null;
  const vocabSize = padded?.spec?.vocabSize ?? current.vocabSize;
  const derivedFfn = !editable(shape, 'ffnHiddenSize', source.text) && !keep.has('ffn') ? (hidden: number) => derivedWithHidden(base, hidden)?.spec?.ffnHiddenSize ?? null : undefined;
  const split = shape.pipelineSplit;
  const launch = result.launch as Launch;
  const spec = result.spec as LayerSpec;
  return {
    space: boundedSpace({
      current,
      spec,
      linearAlignment: alignment(result, 'linear'),
      attentionAlignment: alignment(result, 'attention'),
      pipelineParallel: launch.pipelineParallel.value,
      pipelineExtraLayers: split?.uneven ? null : (split?.extraLayers ?? 0),
      kvHeadsMayDivideTensorParallel: shape.kvHeadsMayDivideTensorParallel,
      fixed,
      // Multi-latent attention's head dims come from its own sizes, not from h/a.
      explicitHeadDim: shape.headDim.origin === 'file' || shape.latentAttention !== undefined,
      derivedFfn,
      vocabSize,
      maxHeadDim: settings.maxHeadDim,
    }),
    spec,
    gpu: options.gpu,
    dtype: options.dtype,
    base,
    held,
    currentShape: shapeValues(shape),
    launch,
    basis: rankBasis(spec, launch, options, { file: shape }),
  };
}

function planNumbers(source: Extract<SearchSource, { kind: 'numbers' }>, settings: SearchSettings): Plan {
  const { spec, options, launch } = source;
  const pipelineParallel = launch.pipelineParallel.value;
  const current = dimsOfSpec(spec);
  const linearAlignment = alignment({ options }, 'linear');
  const multiple = linearAlignment * spec.tensorParallel;
  const keep = new Set(settings.keep);
  const currentShape: Record<string, number | string | boolean | null> = Object.fromEntries(NUMERIC_FIELDS.map((name) => [name, null]));
  Object.assign(currentShape, current, {
    paddedVocabSize: spec.vocabSize,
    seqLength: spec.seqLength,
    microBatchSize: spec.microBatchSize,
    tensorParallel: spec.tensorParallel,
    pipelineParallel,
    numExperts: spec.numExperts,
    expertsPerToken: spec.expertsPerToken,
    activation: source.activation,
    gatedMlp: spec.gatedMlp,
    attentionKernel: launch.attentionKernel.value,
    recompute: launch.recompute.value,
  });
  return {
    space: boundedSpace({
      current,
      spec,
      linearAlignment,
      attentionAlignment: alignment({ options }, 'attention'),
      pipelineParallel,
      pipelineExtraLayers: 0,
      kvHeadsMayDivideTensorParallel: false,
      fixed: keep,
      explicitHeadDim: spec.headDim * spec.numHeads !== spec.hiddenSize,
      vocabSize: keep.has('vocab') || spec.vocabSize === 0 ? spec.vocabSize : Math.ceil(spec.vocabSize / multiple) * multiple,
      maxHeadDim: settings.maxHeadDim,
    }),
    spec,
    gpu: options.gpu,
    dtype: options.dtype,
    base: null,
    held: [...keep].map((field) => `${field}: kept (--keep)`),
    currentShape,
    launch,
    basis: rankBasis(spec, launch, options, { unknownLaunch: source.noRun }),
  };
}
