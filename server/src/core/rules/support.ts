/**
 * What several rules share: the alignment the GPU wants, the parallel sizes in force, and
 * how a suggestion becomes a fix (an edit at the literal, a title that says its effect).
 */
import { spanText } from '../model/document';
import type { Fix, FixEstimate, TextEdit } from '../model/findings';
import type { LayerSpec } from '../model/prediction';
import { elementBytes } from '../perf/gpus';
import { dtypeFor } from '../perf/kernel-model';
import { describeEstimate } from './fix-titles';
import { divisorsOf, FIELD_LABELS, type ModelShape, type NumberField, type NumericFieldName } from '../model/shape';
import type { RuleContext } from './rule';

/**
 * Elements a GEMM dimension must be a multiple of for full tensor-core rate: 128 bytes on
 * A100/H100 = 64 FP16/BF16 elements, 16 bytes on V100 = 8 (paper III-B; the GPU table holds the
 * bytes). With FP8 the linear layers want 128 elements, while the attention BMMs stay in BF16.
 */
export function alignment(context: Pick<RuleContext, 'options'>, work: 'linear' | 'attention'): number {
  const { gpu, dtype } = context.options;
  return Math.max(1, Math.round(gpu.alignmentBytes / elementBytes(gpu, dtypeFor(dtype, work))));
}

export function isPositiveInteger(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * The run's GPU count where something states it: the file (or nodes × GPUs per node from it),
 * `--gpus`, and, with `orSetting`, the `shapelint.gpus` setting. shapelint's default and a
 * framework's default GPU count are not a launch: the rules that judge a layout stay silent on them.
 */
export function statedGpus(context: Pick<RuleContext, 'launch' | 'options'>, orSetting: boolean): number | undefined {
  const field = context.launch.gpus;
  const forced = context.options.launch.gpus !== undefined || (orSetting && context.options.launchDefaults.gpus !== undefined);
  const given = field.origin === 'setting' ? forced : field.origin === 'file' || field.origin === 'derived';
  return given && isPositiveInteger(field.value) ? field.value : undefined;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** The field's value when the file (or its framework default) gives one, else the spec's (which falls back to the user's settings). */
function effective(context: RuleContext, name: NumericFieldName & keyof LayerSpec): number | null {
  const value = context.shape[name].value;
  if (isPositiveInteger(value)) return value;
  const fromSpec = context.spec?.[name];
  return typeof fromSpec === 'number' && isPositiveInteger(fromSpec) ? fromSpec : null;
}

export function tensorParallelSize(context: RuleContext): number {
  return effective(context, 'tensorParallel') ?? Math.max(1, context.options.tensorParallelSize);
}

export function microBatchSize(context: RuleContext): number {
  return effective(context, 'microBatchSize') ?? context.options.microBatchSize;
}

export function sequenceLength(context: RuleContext): number {
  return effective(context, 'seqLength') ?? context.options.sequenceLength;
}

/** The key as the file spells it, else the field's plain name. */
export function fieldName(field: NumberField, name: NumericFieldName): string {
  return field.key ?? FIELD_LABELS[name];
}

/** Where the tensor-parallel size comes from, for messages: "tensor-parallel size 4" or "… 4 (from settings)". */
export function tensorParallelText(context: RuleContext): string {
  const field = context.shape.tensorParallel;
  const t = tensorParallelSize(context);
  return isPositiveInteger(field.value) ? `${fieldName(field, 'tensorParallel')} ${t}` : `tensor-parallel size ${t} (from settings)`;
}

/** Related location for a field, when the file has one. */
export function relatedAt(field: NumberField, message: string): { span: { offset: number; length: number }; message: string }[] {
  const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
  return span ? [{ span, message }] : [];
}

/**
 * An edit that writes `wanted` into the field's literal, keeping the quotes of a quoted number;
 * through the field's toLiteral when the framework transforms the literal. A literal that feeds
 * other values too (`ONE=1` for both TP and the vocabulary divisor, a shared anchor) is edited
 * only when the caller changes every value that reads it to the same number (`readersChanged`);
 * otherwise the new literal replaces the reference at the key, and where the key holds no
 * reference of its own there is no edit. Undefined too when the value does not come from a
 * literal in the file: shapelint never invents keys.
 */
export function literalEdit(context: Pick<RuleContext, 'text'>, field: NumberField, wanted: number, readersChanged = 1): TextEdit | undefined {
  if (field.origin !== 'file' || !field.valueSpan) return undefined;
  const literal = field.toLiteral ? field.toLiteral(wanted) : wanted;
  if ((field.literalUses ?? 1) > readersChanged) return field.reference ? { offset: field.reference.offset, length: field.reference.length, newText: String(literal) } : undefined;
  const old = spanText(context.text, field.valueSpan);
  const quote = /^(["'])[-+]?[\d.]+\1$/.exec(old)?.[1] ?? '';
  return { offset: field.valueSpan.offset, length: field.valueSpan.length, newText: `${quote}${literal}${quote}` };
}

/** ": +18% layer throughput, −1.2M params", or '' without an estimate. */
export function effectText(estimate: FixEstimate | undefined): string {
  return estimate ? `: ${describeEstimate(estimate)}` : '';
}

export interface Suggestion {
  /** What changes, e.g. "Use 20 heads (head dim 128)". */
  change: string;
  edits: (TextEdit | undefined)[];
  spec: Partial<LayerSpec>;
}

/**
 * Architecture changes as fixes, each with the model's estimate. The ones within `tieWithin`
 * of the best predicted speed-up come first in the given order (nearest first: fewest
 * parameters moved), then the rest by speed-up; the first is preferred. A suggestion whose
 * value is not a literal in the file is dropped.
 */
export function architectureFixes(context: RuleContext, suggestions: Suggestion[], tieWithin = DEFAULT_TIE): Fix[] {
  const fixes: Fix[] = [];
  for (const suggestion of suggestions) {
    if (suggestion.edits.length === 0 || suggestion.edits.some((edit) => edit === undefined)) continue;
    const estimate = context.estimate(suggestion.spec);
    fixes.push({
      title: `${suggestion.change}${effectText(estimate)}`,
      isPreferred: false,
      safe: false,
      edits: suggestion.edits as TextEdit[],
      ...(estimate ? { estimate } : {}),
    });
  }
  const speedup = (fix: Fix) => fix.estimate?.speedup ?? 1;
  const best = Math.max(...fixes.map(speedup));
  const top = fixes.filter((fix) => speedup(fix) >= best - tieWithin);
  const rest = fixes.filter((fix) => !top.includes(fix)).sort((a, b) => speedup(b) - speedup(a));
  const ranked = [...top, ...rest];
  if (ranked.length > 0) ranked[0].isPreferred = true;
  return ranked;
}

/** Speed-ups within a percentage point are a tie: the model is not that precise. */
const DEFAULT_TIE = 0.01;

/** The candidates nearest below and above `current` (excluding it), nearest first. */
export function nearestOnEachSide(current: number, candidates: number[]): number[] {
  const below = candidates.filter((c) => c < current).sort((a, b) => b - a)[0];
  const above = candidates.filter((c) => c > current).sort((a, b) => a - b)[0];
  return [below, above]
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
}

/** Whether kv heads shard over `t` GPUs: a multiple of t, or (Megatron) a divisor of it (replicated). */
export function kvHeadsFitTensorParallel(context: { shape: Pick<ModelShape, 'kvHeadsMayDivideTensorParallel'> }, kvHeads: number, t: number): boolean {
  return t <= 1 || kvHeads % t === 0 || (context.shape.kvHeadsMayDivideTensorParallel && t % kvHeads === 0);
}

/** Attention heads as the shape has them: q heads, kv heads, and whether kv heads are written in the file. */
export function attentionHeads(context: RuleContext): { heads: number; kvHeads: number } | null {
  const heads = context.shape.numHeads.value;
  if (!isPositiveInteger(heads)) return null;
  const kv = context.shape.numKvHeads.value;
  return { heads, kvHeads: isPositiveInteger(kv) ? kv : heads };
}

/**
 * The kv head count to pair with `heads` q heads: unchanged when it still divides and fits
 * TP; MHA stays MHA; otherwise the divisor of `heads` that fits TP and comes nearest to the
 * current group size (query heads per kv head).
 */
export function kvHeadsFor(context: RuleContext, heads: number, t: number): number | null {
  const current = attentionHeads(context);
  if (!current) return null;
  if (current.kvHeads === current.heads) return heads;
  if (heads % current.kvHeads === 0 && kvHeadsFitTensorParallel(context, current.kvHeads, t)) return current.kvHeads;
  const sameGroups = (heads * current.kvHeads) / current.heads;
  const fitting = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
  return fitting.sort((a, b) => Math.abs(a - sameGroups) - Math.abs(b - sameGroups) || a - b)[0] ?? null;
}

/**
 * "Use N heads" suggestions: the nearest head counts on each side that divide h, give a head
 * dim that is a multiple of the alignment (when `aligned`), shard over TP, and have kv heads
 * that still divide. Edits the kv heads literal too when it has to change.
 */
export function headCountSuggestions(context: RuleContext, aligned: boolean): Suggestion[] {
  const { shape } = context;
  const h = shape.hiddenSize.value;
  const current = attentionHeads(context);
  if (!isPositiveInteger(h) || !current) return [];
  const align = alignment(context, 'attention');
  const t = tensorParallelSize(context);
  const candidates = divisorsOf(h).filter(
    (a) => (!aligned || (h / a) % align === 0) && (t <= 1 || a % t === 0) && kvHeadsFor(context, a, t) !== null,
  );
  return nearestOnEachSide(current.heads, candidates).map((heads) => {
    const kvHeads = kvHeadsFor(context, heads, t) as number;
    const kvChanges = kvHeads !== current.kvHeads && shape.numKvHeads.origin === 'file';
    const kvText = kvChanges && kvHeads !== heads ? `, ${kvHeads} kv heads` : '';
    return {
      change: `Use ${heads} heads${kvText} (head dim ${h / heads})`,
      edits: [literalEdit(context, shape.numHeads, heads), ...(kvChanges ? [literalEdit(context, shape.numKvHeads, kvHeads)] : [])],
      spec: { numHeads: heads, numKvHeads: kvHeads, headDim: h / heads },
    };
  });
}
