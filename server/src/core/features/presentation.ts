/**
 * What the editor features (hover, inlay hints, code lens, report) share: finding the shape
 * field under an offset, the prediction for a checked file, and how numbers are written.
 */
import type { CheckResult } from '../check';
import type { Span } from '../model/document';
import type { Finding } from '../model/findings';
import { predictLayer } from '../perf';
import { aboveGemmBand, type ErrorBand } from '../perf/error-band';
import { launchAssumptions } from '../perf/assumptions';
import { GIB } from '../perf/run';
import { RUN_VALIDATION_ERROR } from '../perf/validation-error';
import type { GemmName, LayerPrediction, LayerSpec } from '../model/prediction';
export { formatCount, formatSpeedup } from '../rules/fix-titles';
import { gib as gibText } from '../rules/memory';
export { gibText };
import { DROPOUT_FIELDS, DROPOUT_LABELS, LATENT_ATTENTION_FIELDS, NUMERIC_FIELDS, unknownField, type DropoutFieldName, type LatentAttentionFieldName, type NumberField, type NumericFieldName, type ShapeField } from '../model/shape';

export interface FieldAt {
  name: NumericFieldName;
  field: NumberField;
  /** The span under the offset (key, literal, or where a variable carrying the value is used). */
  span: Span;
}

/** The launch choices a file writes that shape no GEMM but set the run's memory and step time (`--recompute-activations`, `--use-distributed-optimizer`, `tie_word_embeddings`, ...). */
export const RUN_CHOICE_FIELDS = ['recompute', 'sharding', 'sequenceParallel', 'untiedEmbeddings', 'tpCommOverlap'] as const;
export type RunChoiceName = (typeof RUN_CHOICE_FIELDS)[number];

export interface ChoiceAt {
  name: RunChoiceName;
  field: ShapeField<unknown>;
  span: Span;
}

/**
 * Text that may quote a file (a key, a value, a note or message that names them) as literal
 * markdown, placed inside a line: line breaks become spaces (no new block can start), and every
 * mark that opens markdown is backslash-escaped: links and images (`[`, `!`), HTML and autolinks
 * (`<`, `&`), emphasis, code, tables and strikethrough, and the bare URLs and addresses GFM links
 * (`https://`, `www.`, `@`). No file can make the editor render a link, an image or HTML.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>!&|~#@]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.');
}

/**
 * Text from a file as a markdown code span, which renders its content literally: fenced with
 * more backticks than the longest run inside, and padded where it starts or ends with one.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Touching counts: a cursor right after `2560` is on it. */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

export function fieldSpans(field: ShapeField<unknown>): Span[] {
  return [field.keySpan, field.valueSpan, field.usedAt].filter((span): span is Span => span !== undefined);
}

/** The shape field whose key, literal or use is at `offset`, the narrowest span first. */
export function fieldAt(result: CheckResult, offset: number): FieldAt | null {
  return result.shape ? narrowestAt(NUMERIC_FIELDS, (name) => result.shape![name], offset) : null;
}

/** The multi-latent attention size whose key or value is at `offset`, where the file has them. */
export function latentFieldAt(result: CheckResult, offset: number): { name: LatentAttentionFieldName; field: NumberField; span: Span } | null {
  const latent = result.shape?.latentAttention;
  return latent ? narrowestAt(LATENT_ATTENTION_FIELDS, (name) => latent[name], offset) : null;
}

/** The run choice whose key or value is at `offset`, the narrowest span first. */
export function choiceAt(result: CheckResult, offset: number): ChoiceAt | null {
  return result.shape ? narrowestAt(RUN_CHOICE_FIELDS, (name): ShapeField<unknown> => result.shape![name] ?? unknownField(), offset) : null;
}

function narrowestAt<Name extends string, Field extends ShapeField<unknown>>(names: readonly Name[], fieldOf: (name: Name) => Field, offset: number): { name: Name; field: Field; span: Span } | null {
  let best: { name: Name; field: Field; span: Span } | null = null;
  for (const name of names) {
    const field = fieldOf(name);
    for (const span of fieldSpans(field)) {
      if (spanContains(span, offset) && (best === null || span.length < best.span.length)) best = { name, field, span };
    }
  }
  return best;
}

/** Findings located on any of the field's spans. */
export function findingsOnField(findings: readonly Finding[], field: ShapeField<unknown>): Finding[] {
  const spans = fieldSpans(field);
  return findings.filter((finding) => spans.some((span) => spansOverlap(span, finding.span) || (span.offset === finding.span.offset && finding.span.length === 0)));
}

/** With the check's options, profile included: the fix estimates were made with the same. */
export function predict(spec: LayerSpec, result: CheckResult): LayerPrediction {
  return predictLayer(spec, result.options.gpu, { dtype: result.options.dtype, backward: false, profile: result.options.profile });
}

/**
 * How far the layer's number can be trusted: no layer-level validation data exists, so it says
 * "not validated at this level" with its GEMMs' band (docs/accuracy.md, or the profile's own fit).
 */
export function bandOf(result: CheckResult): ErrorBand {
  return aboveGemmBand('layer', result.options.gpu, result.options.dtype, result.options.profile);
}

/**
 * What the prediction assumed besides the dropout (said with the framework work): the attention
 * kernel with why, recomputation, dtype and sizes, each with where it came from.
 */
export function assumptionsText(result: CheckResult): string {
  if (!result.launch || !result.spec) return '';
  const items = launchAssumptions(result.launch, result.options.gpu, result.spec.headDim).filter((item) => item.name !== 'attentionDropout' && item.name !== 'hiddenDropout');
  // The attention kernel and framework defaults carry their source; the rest say only where they came from.
  const why = (item: (typeof items)[number]) => (item.name === 'attentionKernel' || item.origin === 'default' ? item.source : item.origin === 'file' ? 'the file' : 'setting');
  return `Assumes ${items.map((item) => `${item.label} ${item.value} (${why(item)})`).join('; ')}.`;
}

/** "±16%" where a band is known, "unvalidated" where not: short enough for a lens title. */
export function formatBand(band: ErrorBand): string {
  return band.typical === null ? 'unvalidated' : `±${Math.max(1, Math.round(band.typical * 100))}%`;
}

/** The prediction for the checked file on its target GPU; null when the shape is too unknown to predict. */
export function predictionOf(result: CheckResult): LayerPrediction | null {
  return result.spec ? predict(result.spec, result) : null;
}

/** The GEMMs whose shape a field sets; 'all' for fields every GEMM depends on. */
export const FIELD_GEMMS: Record<NumericFieldName, readonly GemmName[] | 'all'> = {
  hiddenSize: 'all',
  numLayers: [],
  numHeads: ['qkv', 'mla_q', 'mla_q_up', 'mla_kv_up', 'attention_score', 'attention_over_value', 'flash_attention', 'attention_projection'],
  numKvHeads: ['qkv', 'attention_score', 'attention_over_value', 'flash_attention'],
  headDim: ['qkv', 'mla_q', 'mla_q_up', 'attention_score', 'attention_over_value', 'flash_attention', 'attention_projection'],
  ffnHiddenSize: ['mlp_up', 'mlp_gate', 'mlp_down'],
  vocabSize: ['logits'],
  paddedVocabSize: ['logits'],
  vocabDivisor: ['logits'],
  seqLength: 'all',
  microBatchSize: 'all',
  tensorParallel: 'all',
  pipelineParallel: [],
  numExperts: ['mlp_up', 'mlp_gate', 'mlp_down'],
  expertsPerToken: ['mlp_up', 'mlp_gate', 'mlp_down'],
  // The dense layers' own GEMMs are the dense-layer prediction's (LayerPrediction.denseLayers): DENSE_LAYER_GEMMS.
  denseLayers: [],
  denseFfnHiddenSize: [],
  sharedExpertFfnSize: ['shared_expert_up', 'shared_expert_gate', 'shared_expert_down'],
  contextParallel: 'all',
  expertParallel: [],
  virtualStages: [],
  globalBatchSize: [],
  gpus: [],
  gpusPerNode: [],
};

/** The GEMMs each multi-latent attention size shapes (perf/layer.ts layerGemms; DeepSeek-V2, arXiv 2405.04434 §2.1). */
export const LATENT_ATTENTION_GEMMS: Record<LatentAttentionFieldName, readonly GemmName[]> = {
  qLoraRank: ['mla_q', 'mla_q_down', 'mla_q_up'],
  kvLoraRank: ['mla_kv_down', 'mla_kv_up'],
  qkNopeHeadDim: ['mla_q', 'mla_q_up', 'mla_kv_up', 'attention_score', 'flash_attention'],
  qkRopeHeadDim: ['mla_q', 'mla_q_up', 'mla_kv_down', 'attention_score', 'flash_attention'],
  vHeadDim: ['mla_kv_up', 'attention_over_value', 'flash_attention', 'attention_projection'],
};

/** The MLP GEMMs of an MoE model's dense layers, and the fields whose hover shows them beside the MoE layer's. */
export const DENSE_LAYER_GEMMS: readonly GemmName[] = ['mlp_up', 'mlp_gate', 'mlp_down'];
export const DENSE_LAYER_FIELDS: ReadonlySet<NumericFieldName> = new Set(['denseLayers', 'denseFfnHiddenSize', ...(Object.keys(FIELD_GEMMS) as NumericFieldName[]).filter((name) => FIELD_GEMMS[name] === 'all')]);

export function formatTflops(tflops: number): string {
  return tflops >= 100 ? tflops.toFixed(0) : tflops >= 10 ? tflops.toFixed(1) : tflops.toFixed(2);
}

export function formatTime(microseconds: number): string {
  if (microseconds >= 1000) return `${(microseconds / 1000).toFixed(microseconds >= 10000 ? 1 : 2)} ms`;
  return `${microseconds >= 100 ? microseconds.toFixed(0) : microseconds.toFixed(1)} µs`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(0)}%`;
}

/**
 * The framework work the layer time counts around its GEMMs ("softmax 0.31 ms, attention
 * dropout 0.27 ms, ..."), then the dropout it assumes and where that comes from, so a counted
 * (or uncounted) dropout is never silent.
 */
export function frameworkWorkText(result: CheckResult, prediction: LayerPrediction): string {
  const work = prediction.elementwise.map((item) => `${item.label.replace(/_/g, ' ')} ${formatTime(item.timeUs)}`).join(', ');
  return `Counted around the GEMMs: ${work}. ${dropoutText(result)}`;
}

function dropoutText(result: CheckResult): string {
  const shape = result.launch;
  if (!shape) return '';
  const value = (name: DropoutFieldName) => `${DROPOUT_LABELS[name]} ${shape[name].value ?? 'unknown, not counted'}`;
  const why = (name: DropoutFieldName) => {
    const field = shape[name];
    const text = field.origin === 'file' ? (field.key ? `from ${field.key}` : undefined) : field.note;
    return text ? ` (${text})` : '';
  };
  const [attention, hidden] = DROPOUT_FIELDS;
  const parts = why(attention) === why(hidden) ? `${value(attention)}; ${value(hidden)}${why(hidden)}` : `${value(attention)}${why(attention)}; ${value(hidden)}${why(hidden)}`;
  const fused = result.spec?.flashAttention && result.spec.attentionDropout ? '; FlashAttention fuses the attention dropout into its kernel' : '';
  return `Dropout: ${parts}${fused}.`;
}

/** M×N×K, with the batch in front when a GEMM is batched. */
export function formatGemmShape(gemm: { m: number; n: number; k: number; batch: number }): string {
  const shape = `${gemm.m}×${gemm.n}×${gemm.k}`;
  return gemm.batch > 1 ? `${gemm.batch}× ${shape}` : shape;
}

/** "±12%" from the run model's validation runs on this GPU, "unvalidated" where there are none. */
export function runBand(gpuId: string): string {
  const band = RUN_VALIDATION_ERROR[gpuId];
  return band ? `±${Math.max(1, Math.round(band.medianAbsError * 100))}%` : 'unvalidated';
}

/** The run band in a sentence: its size and how many validation runs it is the median of. */
export function runBandText(gpuId: string): string {
  const band = RUN_VALIDATION_ERROR[gpuId];
  return band ? `Typical error ${runBand(gpuId)} (median over ${band.runs} validation runs).` : 'No validation runs on this GPU.';
}

export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

/**
 * Why the run's memory per GPU is only an upper bound for this file (LoRA over frozen weights,
 * CPU offload, a recomputation that keeps less), as its reader says; null where it describes the run.
 */
export function memoryUpperBound(result: CheckResult): string | null {
  return result.run ? (result.shape?.memoryNotModelled ?? null) : null;
}

/** The same in a sentence, for tooltips, hovers and the report; empty where there is none. */
export function memoryUpperBoundText(result: CheckResult): string {
  const why = memoryUpperBound(result);
  return why ? `Memory not modelled for this run: ${why}.` : '';
}

/** "≈ 3,900 tokens/s/GPU · MFU 41% ±12% · 52 of 80 GiB" (≤ … "upper bound" where memoryUpperBound): the run in a lens title; null without a run. */
export function runHeadline(result: CheckResult): string | null {
  const run = result.run;
  if (!run) return null;
  const used = `${gibText(run.memory.peakBytesPerGpu)} of ${gibText(run.memory.capacityBytes)} GiB`;
  const memory = memoryUpperBound(result) ? `≤ ${used} (upper bound${run.memory.fits ? '' : ', may not fit'})` : `${used}${run.memory.fits ? '' : ': does not fit'}`;
  return `≈ ${thousands(run.tokensPerSecondPerGpu)} tokens/s/GPU · MFU ${formatPercent(run.mfu)} ${runBand(result.options.gpu.id)} · ${memory}`;
}

/** Hover lines for the run: tokens/s and MFU with the band, memory per GPU by term, step time by part. */
export function runLines(result: CheckResult): string[] {
  const run = result.run;
  if (!run) return result.runError ? [`Run: cannot be laid out: ${result.runError}.`] : [];
  const terms = Object.entries(run.memory.terms)
    .filter(([, term]) => (term?.value ?? 0) >= 0.05 * GIB)
    .map(([name, term]) => `${name} ${gibText(term!.value)}`)
    .join(', ');
  const parts = Object.entries(run.time)
    .filter(([, term]) => (term?.value ?? 0) >= 0.01 * run.stepSeconds)
    .map(([name, term]) => `${name} ${formatPercent(term!.value / run.stepSeconds)}`)
    .join(', ');
  return [
    `Run on ${run.layout.dataParallel * (result.launch ? result.launch.tensorParallel.value * result.launch.pipelineParallel.value * result.launch.contextParallel.value : 1)} GPUs: **${runHeadline(result)}**`,
    '',
    `Memory per GPU (GiB): ${terms}.${memoryUpperBound(result) ? ` ${markdownText(memoryUpperBoundText(result))}` : ''}`,
    '',
    `Step ${run.stepSeconds.toFixed(2)} s: ${parts}. ${runBandText(result.options.gpu.id)}`,
  ];
}
