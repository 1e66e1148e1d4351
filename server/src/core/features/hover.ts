import type { CheckResult } from '../check';
import type { Span } from '../model/document';
import type { Finding, Fix } from '../model/findings';
import type { GemmPrediction, LayerPrediction } from '../model/prediction';
import {
  assumptionsText,
  bandOf,
  choiceAt,
  DENSE_LAYER_FIELDS,
  DENSE_LAYER_GEMMS,
  FIELD_GEMMS,
  fieldAt,
  findingsOnField,
  LATENT_ATTENTION_GEMMS,
  latentFieldAt,
  formatCount,
  formatGemmShape,
  formatPercent,
  formatTflops,
  formatTime,
  frameworkWorkText,
  markdownCode,
  markdownText,
  predictionOf,
  runLines,
  type ChoiceAt,
  type RunChoiceName,
} from './presentation';
import { FIELD_LABELS, LATENT_ATTENTION_LABELS, LAUNCH_LABELS, type LatentAttentionFieldName, type NumericFieldName, type ShapeField } from '../model/shape';
import { rankFixes } from '../rules/fixes';

export interface HoverContent {
  markdown: string;
  span: Span;
}

/** What each field is for, in the words of the paper's GEMM table (Table II). */
const FIELD_PURPOSE: Record<NumericFieldName, string> = {
  hiddenSize: 'Width of the residual stream (h). Every GEMM of the layer has h as a dimension; h and h/t want to be multiples of 64.',
  numLayers: 'Transformer layers. Scales parameters and step time; no GEMM shape depends on it.',
  numHeads: 'Attention heads (a). Sets the head dim h/a, which is K of the attention-score and N of the attention-over-value BMMs (batched b·a/t times).',
  numKvHeads: 'Key/value heads (GQA/MQA groups). The QKV GEMM is (a + 2k)·d wide; heads must be a multiple of them.',
  headDim: 'Width of one attention head (d). The attention BMMs reach full tensor-core rate when d is a multiple of 64.',
  ffnHiddenSize: 'MLP width. N of the up (and gate) GEMMs and K of the down GEMM; wants to be a multiple of 64 per GPU.',
  vocabSize: 'Vocabulary size. N of the logit GEMM, after the framework pads it.',
  paddedVocabSize: 'Embedding rows the framework allocates: the vocabulary padded up.',
  vocabDivisor: 'The multiple (× tensor parallel) the framework pads the vocabulary to.',
  seqLength: 'Tokens per sequence (s). M of every linear GEMM is b·s; the attention BMMs are s×s.',
  microBatchSize: 'Sequences per GPU per step (b). M of every linear GEMM is b·s.',
  tensorParallel: 'Tensor-parallel size (t). Splits h, heads and the MLP across t GPUs: per-GPU widths h/t, a/t, ffn/t.',
  pipelineParallel: 'Pipeline stages. Layers are divided among them; GEMM shapes do not change.',
  numExperts: 'MoE experts. Each expert’s MLP GEMMs see about tokens·top-k/experts rows.',
  expertsPerToken: 'Experts each token is routed to (top-k).',
  denseLayers: 'Layers of a mixture of experts that keep a dense MLP instead of experts (DeepSeek-V3’s first three). Their MLP GEMMs see every token at the dense width; they hold no experts.',
  denseFfnHiddenSize: 'MLP width of the dense layers of a mixture of experts: N of their up (and gate) GEMMs and K of their down GEMM.',
  sharedExpertFfnSize: 'Total width of the shared experts each MoE layer runs on every token besides the routed ones: their GEMMs see all tokens; tensor parallelism splits them, expert parallelism does not.',
  contextParallel: 'Context-parallel size (c). Each GPU holds s/c of every sequence; attention passes K/V around a ring.',
  expertParallel: 'Expert-parallel size. The experts are divided among these GPUs; tokens reach them by all-to-all.',
  virtualStages: 'Model chunks per pipeline stage (interleaving): the bubble shrinks v-fold, pipeline traffic grows v-fold.',
  globalBatchSize: 'Sequences per optimizer step. With the micro-batch and data-parallel size it sets the micro-batches per step, and so the pipeline bubble.',
  gpus: 'GPUs in the run (nodes × GPUs per node). With TP, PP and CP it sets the data-parallel size.',
  gpusPerNode: 'GPUs joined by the node’s NVLink; collectives beyond them use the network.',
};

/** What each run choice does to the run, for its hover. */
const CHOICE_PURPOSE: Record<RunChoiceName, string> = {
  recompute:
    'Activation recomputation in the backward. Selective recomputes the attention core and keeps the rest of each layer; full keeps only each layer’s input and runs its forward again (Korthikanti et al. 2022). Less memory per GPU for more step time.',
  sharding:
    'How model state is split over the data-parallel GPUs: the distributed optimizer (ZeRO-1) shards the optimizer states, ZeRO-2 the gradients too, ZeRO-3 and FSDP the weights too, gathered layer by layer.',
  sequenceParallel:
    'Megatron sequence parallelism: layer norms and dropout, and the activations they keep, split over the tensor-parallel GPUs; each all-reduce becomes a reduce-scatter and an all-gather.',
  untiedEmbeddings:
    'Whether the output layer is a vocab × hidden matrix of its own (Llama) or the input embedding again (GPT-2, Megatron-LM’s default). Untied adds V·h parameters, with their gradients and optimizer states; the logits GEMM runs either way, so the FLOPs do not change.',
  tpCommOverlap:
    'Transformer Engine userbuffers run the tensor-parallel all-gathers and reduce-scatters under the GEMMs (Megatron-LM requires sequence parallelism for it). Step time, not memory: most of the TP traffic no longer shows.',
};

/** What each multi-latent attention size is for (DeepSeek-V2, arXiv 2405.04434 §2.1). */
const LATENT_ATTENTION_PURPOSE: Record<LatentAttentionFieldName, string> = {
  qLoraRank: 'The query latent: h → this rank → heads·(nope + rope) head dims, in two GEMMs; 0 projects the query straight from h, in one.',
  kvLoraRank: 'The key/value latent, the KV cache of inference: h → this rank (+ the shared rotary key) → heads·(nope + value) head dims.',
  qkNopeHeadDim: 'The part of each query and key head without position: with the rotary part, the attention-score GEMM\'s inner size.',
  qkRopeHeadDim: 'The rotary part of each query and key head (one rotary key shared by every head): with the part without position, the attention-score GEMM\'s inner size.',
  vHeadDim: 'Each value head: the attention-over-value GEMM\'s output size, and heads × this is the output projection\'s input.',
};

/** Fields whose hover shows the whole run: the sizes that set memory per GPU and step time. */
const RUN_FIELDS: ReadonlySet<NumericFieldName> = new Set(['microBatchSize', 'tensorParallel', 'pipelineParallel', 'contextParallel', 'expertParallel', 'virtualStages', 'globalBatchSize', 'gpus', 'gpusPerNode']);

/** Hover markdown for the shape field or run choice at `offset`, or null when there is none there. */
export function doHover(result: CheckResult, offset: number): HoverContent | null {
  const at = fieldAt(result, offset);
  const choice = choiceAt(result, offset);
  if (choice && (!at || choice.span.length < at.span.length)) return choiceHover(result, choice);
  const latent = latentFieldAt(result, offset);
  if (latent && (!at || latent.span.length < at.span.length)) return latentAttentionHover(result, latent);
  if (!at || !result.shape) return null;
  const { name, field } = at;
  const lines = headerLines(FIELD_LABELS[name], field, FIELD_PURPOSE[name]);

  const prediction = predictionOf(result);
  const derived = derivedValues(result, prediction);
  if (derived.length > 0) lines.push('', derived.join(' · '));

  // Most important first: the hover scrolls once the GEMM table is long.
  if (prediction) lines.push(...layerLines(result, prediction));
  if (RUN_FIELDS.has(name)) lines.push('', ...runLines(result));
  for (const finding of findingsOnField(result.findings, field)) lines.push('', findingSummary(finding));
  if (prediction) lines.push(...gemmTables(name, prediction));
  return { markdown: lines.join('\n'), span: at.span };
}

/** The layer's predicted TFLOP/s on the GPU, its band, what it assumed and what the framework runs. */
function layerLines(result: CheckResult, prediction: LayerPrediction): string[] {
  const peak = result.options.gpu.peakTflops[result.options.dtype];
  return [
    '',
    `Layer on ${markdownText(result.options.gpu.name)} (${result.options.dtype}): **≈ ${formatTflops(prediction.layer.tflops)} TFLOP/s**` +
      (peak ? ` (${formatPercent(prediction.fractionOfPeak)} of peak)` : '') +
      `, ${formatTime(prediction.layer.timeUs)}${workloadText(result)}`,
    '',
    `_${markdownText(bandOf(result).text)}_`,
    '',
    assumptionsText(result),
    '',
    markdownText(frameworkWorkText(result, prediction)),
  ];
}

/** A multi-latent attention size: what it is for, the layer, and the attention GEMMs it shapes. */
function latentAttentionHover(result: CheckResult, { name, field, span }: NonNullable<ReturnType<typeof latentFieldAt>>): HoverContent {
  const lines = headerLines(LATENT_ATTENTION_LABELS[name], field, LATENT_ATTENTION_PURPOSE[name]);
  const prediction = predictionOf(result);
  if (prediction) lines.push(...layerLines(result, prediction));
  for (const finding of findingsOnField(result.findings, field)) lines.push('', findingSummary(finding));
  if (prediction) lines.push(...gemmTable(prediction.gemms.filter((gemm) => LATENT_ATTENTION_GEMMS[name].includes(gemm.name))));
  return { markdown: lines.join('\n'), span };
}

/** The field's name, its key and value as the file writes them, what it is for and the reader's note. */
function headerLines(label: string, field: ShapeField<unknown>, purpose: string): string[] {
  // Keys, values and notes quote the file: code spans and escaped text, never markdown of its own.
  const key = field.key ? ` · ${markdownCode(field.key)}` : '';
  // A value is the reader's (a number, a recompute mode, a sharding), never file text.
  const value = field.value !== null ? ` = ${String(field.value)}` : field.invalidText !== undefined ? ` = ${markdownCode(field.invalidText)} (not usable)` : '';
  return [`**${label}**${key}${value}`, '', purpose + (field.note ? ` _${markdownText(field.note)}._` : '')];
}

/**
 * A run choice (recomputation, sharding, sequence parallelism): what the file sets, what the
 * prediction ran with where a setting or flag chose otherwise, and the whole run as the size
 * hovers show it.
 */
function choiceHover(result: CheckResult, { name, field, span }: ChoiceAt): HoverContent {
  const lines = headerLines(LAUNCH_LABELS[name], field, CHOICE_PURPOSE[name]);
  const used = result.launch?.[name];
  if (used && used.value !== field.value) lines.push('', `Predicted with ${String(used.value)}${used.note ? ` (${markdownText(used.note)})` : ''}.`);
  lines.push('', ...runLines(result));
  for (const finding of findingsOnField(result.findings, field)) lines.push('', findingSummary(finding));
  return { markdown: lines.join('\n'), span };
}

/** The tokens the prediction is for: a config often leaves them to the launcher, and the numbers depend on them. */
function workloadText(result: CheckResult): string {
  const { spec, shape } = result;
  if (!spec || !shape) return '';
  const fromSettings = [shape.microBatchSize, shape.seqLength].some((field) => field.value === null || field.value <= 0);
  return ` for micro-batch ${spec.microBatchSize} × sequence ${spec.seqLength}${fromSettings ? ' (settings fill in what the file does not say)' : ''}`;
}

function feeds(name: NumericFieldName, gemm: GemmPrediction): boolean {
  const gemms = FIELD_GEMMS[name];
  return gemms === 'all' || gemms.includes(gemm.name);
}

function derivedValues(result: CheckResult, prediction: LayerPrediction | null): string[] {
  const spec = result.spec;
  const shape = result.shape;
  if (!shape) return [];
  const parts: string[] = [];
  const headDim = shape.headDim.value ?? spec?.headDim;
  if (headDim) parts.push(`head dim ${Number.isInteger(headDim) ? headDim : headDim.toFixed(2)}`);
  const padded = shape.paddedVocabSize.value;
  if (padded !== null && padded !== shape.vocabSize.value) parts.push(`padded vocab ${padded}`);
  if (spec && spec.tensorParallel > 1) {
    parts.push(`per GPU: h/t ${formatRatio(spec.hiddenSize, spec.tensorParallel)}, a/t ${formatRatio(spec.numHeads, spec.tensorParallel)}`);
  }
  if (prediction) parts.push(`${formatCount(prediction.model.params)} params`);
  return parts;
}

function formatRatio(a: number, b: number): string {
  const ratio = a / b;
  return Number.isInteger(ratio) ? String(ratio) : ratio.toFixed(2);
}

/**
 * The GEMMs the field feeds, one table per kind of layer: in a mixture of experts that keeps dense
 * layers, the MoE layers' and the dense layers' MLP, each saying which layers its rows stand for.
 */
function gemmTables(name: NumericFieldName, prediction: LayerPrediction): string[] {
  const dense = prediction.denseLayers;
  const total = dense ? dense.count + dense.moeCount : 0;
  const moeRows = prediction.gemms.filter((gemm) => feeds(name, gemm));
  const denseRows = dense && DENSE_LAYER_FIELDS.has(name) ? dense.gemms.filter((gemm) => DENSE_LAYER_GEMMS.includes(gemm.name)) : [];
  return [
    ...gemmTable(moeRows, dense ? `MoE layers (${dense.moeCount} of ${total}), each:` : undefined),
    ...gemmTable(denseRows, dense ? `Dense layers (${dense.count} of ${total}), each, their MLP (the attention is the MoE layers'):` : undefined),
  ];
}

function gemmTable(gemms: readonly GemmPrediction[], caption?: string): string[] {
  if (gemms.length === 0) return [];
  return [
    '',
    ...(caption ? [caption, ''] : []),
    '| GEMM | M×N×K | TFLOP/s | time |',
    '| --- | --- | ---: | ---: |',
    ...gemms.map((gemm) => `| ${gemm.label} | ${formatGemmShape(gemm)} | ${formatTflops(gemm.tflops)} | ${formatTime(gemm.timeUs)} |`),
  ];
}

/** The editor shows the finding's message beside the hover already; here, what to do about it. */
function findingSummary(finding: Finding): string {
  const best: Fix | undefined = rankFixes(finding.fixes)[0];
  return best ? `⚠ **${finding.ruleId}** · Best alternative: **${markdownText(best.title)}**` : `⚠ **${finding.ruleId}**: ${markdownText(finding.message)}`;
}
