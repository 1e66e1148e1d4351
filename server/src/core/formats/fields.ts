import type { ConfigDocument, ConfigEntry } from '../model/document';
import type { Dtype } from '../model/prediction';
import { findModel, sourceText, type CatalogueModel } from './catalogue/models';
import { huggingFaceTokenizerSize, tokenizerTypeSize } from './catalogue/tokenizers';
import { latentAttentionFields } from './latent-attention';
import {
  catalogueField,
  defaultField,
  derivedField,
  FIELD_LABELS,
  LATENT_ATTENTION_LABELS,
  NUMERIC_FIELDS,
  roundUpToMultiple,
  unknownField,
  type FormatId,
  type ModelShape,
  type NumberField,
  type NumericFieldName,
  type LatentAttentionFieldName,
  type DropoutFieldName,
  type AttentionImplementation,
  type RecomputeMode,
  type ShapeField,
  type PipelineSplit,
  type Sharding,
} from '../model/shape';

/**
 * Field building shared by the format readers: entry lookup by normalised key, the checks
 * that make a value `invalid`, and the derivations every framework does the same way.
 */

/** The sizes FIELD_LIMITS judges: the shape's numeric fields and multi-latent attention's. */
export type SizedFieldName = NumericFieldName | LatentAttentionFieldName;

/**
 * The one table of what a usable value is, for every reader and rule. `above`: sanity ceilings,
 * not framework limits: a value above them is a typo (an extra digit, a byte count) rather than
 * a model; the largest published shapes are far below (hidden 25600, vocab 256k, context 10M
 * tokens). `zeroMeansOff`: 0 is a documented "off" (GPT-NeoX `pipe_parallel_size: 0`, dense models' expert counts).
 */
export const FIELD_LIMITS: Record<SizedFieldName, { above: number; zeroMeansOff?: true }> = {
  hiddenSize: { above: 1_000_000 },
  numLayers: { above: 100_000 },
  numHeads: { above: 100_000 },
  numKvHeads: { above: 100_000 },
  headDim: { above: 100_000 },
  ffnHiddenSize: { above: 10_000_000 },
  vocabSize: { above: 100_000_000 },
  paddedVocabSize: { above: 100_000_000 },
  vocabDivisor: { above: 1_000_000 },
  seqLength: { above: 100_000_000 },
  microBatchSize: { above: 1_000_000 },
  tensorParallel: { above: 100_000 },
  pipelineParallel: { above: 100_000, zeroMeansOff: true },
  numExperts: { above: 100_000, zeroMeansOff: true },
  expertsPerToken: { above: 100_000, zeroMeansOff: true },
  denseLayers: { above: 100_000, zeroMeansOff: true },
  denseFfnHiddenSize: { above: 10_000_000 },
  sharedExpertFfnSize: { above: 10_000_000, zeroMeansOff: true },
  contextParallel: { above: 100_000 },
  expertParallel: { above: 100_000 },
  virtualStages: { above: 100_000 },
  globalBatchSize: { above: 100_000_000 },
  gpus: { above: 10_000_000 },
  gpusPerNode: { above: 1_000 },
  // Multi-latent attention: a query rank of 0 is MaxText's and torchtitan's "no query compression".
  qLoraRank: { above: 1_000_000, zeroMeansOff: true },
  kvLoraRank: { above: 1_000_000 },
  qkNopeHeadDim: { above: 100_000 },
  qkRopeHeadDim: { above: 100_000 },
  vHeadDim: { above: 100_000 },
};

/**
 * Entries by a normalised key (each reader says how to normalise); later entries win. A reader
 * that names the keys it reads (`reads`, which also types `Key`) gets only those indexed: a 10 MB
 * launch script holds 100,000s of flags no reader asks for, and indexing them cost a tenth of
 * the check's time and memory.
 */
export class EntryIndex<Key extends string = string> {
  private readonly entries = new Map<string, ConfigEntry>();

  constructor(
    readonly document: ConfigDocument,
    normalise: (path: readonly string[]) => string | undefined = (path) => path.join('.'),
    reads?: ReadonlySet<string>,
  ) {
    for (const entry of document.entries) {
      const key = normalise(entry.path);
      if (key !== undefined && (reads === undefined || reads.has(key))) this.entries.set(key, entry);
    }
  }

  /** The entry of the first of `keys` the file has. */
  get(...keys: Key[]): ConfigEntry | undefined {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) return entry;
    }
    return undefined;
  }

  has(key: Key): boolean {
    return this.entries.has(key);
  }

  /** The keys the file has (of `reads`, when the reader named them). */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}

/** The raw value as a number where the syntax allows it (shell has no types: "4096" is 4096). */
function numericValue(entry: ConfigEntry, untyped: boolean): number | undefined {
  if (typeof entry.value === 'number') return entry.value;
  if (untyped && typeof entry.value === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(entry.value)) {
    return Number(entry.value);
  }
  return undefined;
}

type Location = Pick<NumberField, 'key' | 'keySpan' | 'valueSpan' | 'usedAt' | 'reference' | 'literalUses'>;

/** Where a field's value is written, and whether its literal feeds other values too (what a fix may edit). */
function located(entry: ConfigEntry): Location {
  const where: Location = {
    key: entry.path[entry.path.length - 1],
    keySpan: entry.keySpan,
    valueSpan: entry.valueSpan,
  };
  if (entry.usedAt) where.usedAt = entry.usedAt;
  if (entry.reference) where.reference = entry.reference;
  if (entry.literalUses) where.literalUses = entry.literalUses;
  return where;
}

/**
 * A shape field from what the file says: `file` for a positive integer (or 0 where it means
 * off), `invalid` for a string, negative, fraction or absurd value (FIELD_LIMITS),
 * `unresolved` when it cannot be resolved statically.
 */
export function fieldFromEntry(entry: ConfigEntry, name: SizedFieldName, untyped: boolean): NumberField {
  if (entry.unresolved) return { value: null, origin: 'unresolved', ...located(entry), note: entry.unresolved };
  const value = numericValue(entry, untyped);
  const text = entry.value === null ? '' : String(entry.value);
  if (value === undefined) return invalidField(entry, `'${text}' is not a number`);
  const problem = sizeProblem(name, value);
  if (problem) return invalidField(entry, `${text} ${problem}`);
  // Computed by the script from literals: derived, so no fix rewrites the expression as a number.
  if (entry.computed) return { value, origin: 'derived', ...located(entry), note: entry.computed };
  return { value, origin: 'file', ...located(entry) };
}

/** Why a number is not a usable value of the field (FIELD_LIMITS), or undefined when it is. */
function sizeProblem(name: SizedFieldName, value: number): string | undefined {
  const limits = FIELD_LIMITS[name];
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (!Number.isInteger(value)) return 'is not a whole number';
  if (value < 0 || (value === 0 && !limits.zeroMeansOff)) return 'is not positive';
  if (value > limits.above) return 'is implausibly large';
  return undefined;
}

/**
 * A size the reader works out from the file's numbers (an MLP width from a multiplier, a width
 * scaled by MaxText's global_parameter_scale), located on `source`, the setting that drives it:
 * derived when it is a usable value (FIELD_LIMITS), else invalid with why, so the invalid-value
 * rule reports it and nothing is predicted from it.
 */
export function derivedSize(name: NumericFieldName, value: number, how: string, source: ConfigEntry | undefined): NumberField {
  const problem = sizeProblem(name, value);
  if (!problem) return { ...derivedField(value, how), ...(source ? { usedAt: source.valueSpan } : {}) };
  return { value: null, origin: 'invalid', ...(source ? located(source) : {}), invalidText: String(value), note: `${how} = ${value}, which ${problem}` };
}

/**
 * The field from the first of `keys` the file sets, else `fallback`. A key set to null
 * (`kv_channels: null`, `n_inner: null`) means "use the default", but the fallback keeps the
 * key's place so a fix can write a value there.
 */
export function readField<Key extends string>(index: EntryIndex<Key>, name: SizedFieldName, keys: NoInfer<Key>[], fallback: () => NumberField): NumberField {
  const entry = index.get(...keys);
  if (entry && (entry.value !== null || entry.unresolved)) return fieldFromEntry(entry, name, index.document.syntax === 'shell');
  const field = fallback();
  if (entry && field.origin !== 'file' && !field.keySpan) return { ...field, ...located(entry) };
  return field;
}

/**
 * A table's own entry for a key that comes from a file; never what every object inherits
 * (`constructor`, `__proto__`, `toString`), which a plain `table[key]` would return.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A boolean setting: true/false in YAML/JSON/Python, a bare `--flag` or "true"/"1" in shell. */
export function booleanValue(entry: ConfigEntry | undefined): boolean | undefined {
  if (!entry || entry.unresolved) return undefined;
  if (typeof entry.value === 'boolean') return entry.value;
  if (typeof entry.value === 'number') return entry.value !== 0;
  if (typeof entry.value === 'string') {
    if (/^(true|yes|on|1)$/i.test(entry.value)) return true;
    if (/^(false|no|off|0)$/i.test(entry.value)) return false;
  }
  return undefined;
}

/** A field whose value the reader worked out from `entry`, pointing at it. */
/** A written value the framework would refuse, located on its entry (an `invalid-value` finding there): `note` says why. */
export function invalidField<T = number>(entry: ConfigEntry, note: string, invalidText = entry.value === null ? '' : String(entry.value)): ShapeField<T> {
  return { value: null, origin: 'invalid', ...located(entry), invalidText, note };
}

export function fieldAt<T>(entry: ConfigEntry, value: T | null, note?: string): ShapeField<T> {
  const field: ShapeField<T> = { value, origin: entry.unresolved ? 'unresolved' : 'file', ...located(entry) };
  const why = entry.unresolved ?? note;
  if (why) field.note = why;
  return field;
}

export function stringField(entry: ConfigEntry | undefined, fallback: ShapeField<string>): ShapeField<string> {
  if (!entry || entry.value === null) return fallback;
  if (entry.unresolved) return { value: null, origin: 'unresolved', ...located(entry), note: entry.unresolved };
  return { value: String(entry.value), origin: 'file', ...located(entry) };
}

/**
 * The run's GPU count, nodes × GPUs per node, located on `at` (the literal a person edits), with
 * how it was counted; unknown, saying `why`, when either factor is.
 */
export function gpusOfNodes(nodes: NumberField, perNode: NumberField, at: NumberField, describe: (nodes: number, perNode: number) => string, why: string): NumberField {
  const nodeCount = valueOf(nodes);
  const perNodeCount = valueOf(perNode);
  return nodeCount !== undefined && perNodeCount !== undefined ? { ...at, value: nodeCount * perNodeCount, origin: 'derived', note: describe(nodeCount, perNodeCount) } : unknownField(why);
}

export function valueOf(field: NumberField): number | undefined {
  return field.value ?? undefined;
}

/** Head dim = h / a when the file does not set it; null when that is not a whole number. */
export function derivedHeadDim(hidden: NumberField, heads: NumberField): NumberField {
  const h = valueOf(hidden);
  const a = valueOf(heads);
  if (h === undefined || a === undefined) return derivedField<number>(null, 'hidden size / heads (one of them is unknown)');
  if (h % a !== 0) return derivedField<number>(null, `hidden size ${h} / heads ${a} is not a whole number`);
  return derivedField(h / a, `hidden size ${h} / heads ${a}`);
}

/** Megatron-family padding: ceil(V / (divisor·TP)) · divisor·TP (NeoX, Megatron-LM, NeMo). */
export function paddedVocabByDivisor(vocab: NumberField, divisor: NumberField, tensorParallel: NumberField, framework: string): NumberField {
  const v = valueOf(vocab);
  const d = valueOf(divisor);
  const t = valueOf(tensorParallel) ?? 1;
  if (v === undefined) return derivedField<number>(null, `${framework} pads the tokenizer's vocabulary, which this file does not give`);
  if (d === undefined) return derivedField<number>(null, `${framework} pads to a multiple of the divisor, which is unknown`);
  return derivedField(roundUpToMultiple(v, d * t), `${framework} pads ${v} up to a multiple of ${d} × TP ${t} = ${d * t}`);
}

/**
 * Numeric fields the reader did not set become unknown, so every shape has every field; so does
 * dropout where the reader has neither the file's value nor a default it can cite.
 */
export function completeShape(
  format: FormatId,
  fields: Partial<Record<NumericFieldName, NumberField>>,
  rest: Pick<ModelShape, 'activation' | 'gatedMlp' | 'attentionKernel' | 'kvHeadsMayDivideTensorParallel'> & Partial<Pick<ModelShape, DropoutFieldName | 'recompute' | 'dtype' | 'sequenceParallel' | 'sharding' | 'untiedEmbeddings' | 'tpCommOverlap' | 'latentAttention'>>,
): ModelShape {
  const numeric = {} as Record<NumericFieldName, NumberField>;
  for (const name of NUMERIC_FIELDS) numeric[name] = fields[name] ?? unknownField(`not given by this ${format} file`);
  const unknownDropout = () => unknownField<number>(`not given by this ${format} file, and no framework default shapelint can cite`);
  const recompute = unknownField<RecomputeMode>(`not given by this ${format} file, and no framework default shapelint can cite`);
  const dtype = unknownField<Dtype>(`not given by this ${format} file`);
  const notGiven = <T>(): ShapeField<T> => unknownField<T>(`not given by this ${format} file`);
  return { format, attentionDropout: unknownDropout(), hiddenDropout: unknownDropout(), recompute, dtype, sequenceParallel: notGiven(), sharding: notGiven(), ...rest, ...numeric };
}

/**
 * A launch choice from the first of `keys` the file sets, mapped by `read` (null: a value it does
 * not know, which is unknown, not guessed); else `fallback`.
 */
export function readChoice<T, Key extends string>(
  index: EntryIndex<Key>,
  keys: NoInfer<Key>[],
  read: (entry: ConfigEntry) => T | null,
  fallback: () => ShapeField<T>,
): ShapeField<T> {
  const entry = index.get(...keys);
  if (!entry || (entry.value === null && !entry.unresolved)) return fallback();
  if (entry.unresolved) return { value: null, origin: 'unresolved', ...located(entry), note: entry.unresolved };
  const value = read(entry);
  if (value === null) return { value: null, origin: 'unknown', ...located(entry), note: `${String(entry.value)}: not a choice shapelint models` };
  return { value, origin: 'file', ...located(entry) };
}

/**
 * A dropout probability from the first of `keys` the file sets: `file` for a number in [0, 1),
 * `invalid` for anything else, `unresolved` when it cannot be resolved; else `fallback`.
 */
export function readDropout<Key extends string>(index: EntryIndex<Key>, keys: NoInfer<Key>[], fallback: () => ShapeField<number>): ShapeField<number> {
  const entry = index.get(...keys);
  if (!entry || (entry.value === null && !entry.unresolved)) return fallback();
  if (entry.unresolved) return { value: null, origin: 'unresolved', ...located(entry), note: entry.unresolved };
  const value = numericValue(entry, index.document.syntax === 'shell');
  if (value === undefined || value < 0 || value >= 1) {
    return invalidField(entry, `'${entry.value === null ? '' : String(entry.value)}' is not a dropout probability (0 to 1)`);
  }
  return { value, origin: 'file', ...located(entry) };
}

/** Both dropout fields of a model with no dropout layers, citing the model code that says so. */
export function noDropout(framework: string, source: string): Pick<ModelShape, DropoutFieldName> {
  const field = defaultField(0, `${framework} has no dropout in its model (${source})`);
  return { attentionDropout: field, hiddenDropout: field };
}

/** transformers' attn_implementation names: eager is the unfused attention; flex and paged kernels are not modelled. */
export function transformersAttention(value: unknown): AttentionImplementation | null {
  if (value === 'sdpa') return 'sdpa';
  if (value === 'eager') return 'unfused';
  if (typeof value === 'string' && value.startsWith('flash_attention')) return 'flash';
  return null;
}

/**
 * The training precision of the first switch that is on (`--bf16`, DeepSpeed's `bf16.enabled`):
 * null where none is. FP32 training is not a dtype the model predicts, so it stays unknown.
 */
export function precisionSwitch(index: EntryIndex, switches: ReadonlyArray<readonly [key: string, dtype: Dtype]>): ShapeField<Dtype> | null {
  for (const [key, dtype] of switches) {
    const entry = index.get(key);
    if (entry && booleanValue(entry) === true) return fieldAt<Dtype>(entry, dtype);
  }
  return null;
}

/** DeepSpeed's `zero_optimization.stage` (Nanotron's `optimizer.zero_stage` has 0 and 1 of them). */
export const ZERO_STAGES: Readonly<Record<string, Sharding>> = { '0': 'none', '1': 'zero-1', '2': 'zero-2', '3': 'zero-3' };

/**
 * PyTorch FSDP's `ShardingStrategy` names: FULL_SHARD and HYBRID_SHARD (full sharding within a node)
 * shard like FSDP, SHARD_GRAD_OP is ZeRO-2, NO_SHARD plain data parallelism.
 */
export const FSDP_SHARDING_STRATEGIES: Readonly<Record<string, Sharding>> = { FULL_SHARD: 'fsdp', HYBRID_SHARD: 'fsdp', SHARD_GRAD_OP: 'zero-2', NO_SHARD: 'none' };

/**
 * Whether the output layer is its own matrix, from the first of `keys` the file sets: an `untie`
 * switch (Megatron `--untie-embeddings-and-output-weights`, NeoX `no_weight_tying`) says untied
 * when on, a `tie` switch (HF `tie_word_embeddings`, NeMo `share_embeddings_and_output_weights`,
 * MaxText `logits_via_embedding`) when off; else `fallback`.
 */
export function untiedEmbeddingsSwitch<Key extends string>(index: EntryIndex<Key>, keys: NoInfer<Key>[], kind: 'tie' | 'untie', fallback: () => ShapeField<boolean>): ShapeField<boolean> {
  return readChoice(index, keys, (entry) => {
    const on = booleanValue(entry);
    return on === undefined ? null : kind === 'untie' ? on : !on;
  }, fallback);
}

/** A yes/no setting from the first of `keys` the file sets (true, false, 1, 0, …), else `fallback`. */
export function booleanSetting<Key extends string>(index: EntryIndex<Key>, keys: NoInfer<Key>[], fallback: () => ShapeField<boolean>): ShapeField<boolean> {
  return readChoice(index, keys, (entry) => booleanValue(entry) ?? null, fallback);
}

/** A gradient-checkpointing switch: every layer's forward runs again in the backward, or none does. */
export function checkpointingMode(on: boolean | undefined): RecomputeMode | null {
  return on === undefined ? null : on ? 'full' : 'none';
}

/** Activations whose MLP has a gate and an up projection of the same width. */
export const GATED_ACTIVATIONS = new Set(['swiglu', 'geglu', 'reglu', 'bilinear', 'glu', 'fast-swiglu', 'fast-geglu', 'fast-reglu', 'silu_glu']);

export function isGatedActivation(name: string | null | undefined): boolean {
  return name !== null && name !== undefined && GATED_ACTIVATIONS.has(name.toLowerCase());
}

/** One line with a catalogued model's whole shape and its source, for notes and hovers. */
export function catalogueSummary(model: CatalogueModel): string {
  const kv = model.numKvHeads === model.numHeads ? '' : ` (${model.numKvHeads} key/value)`;
  const layers = model.moeLayers;
  const dense = layers && layers.denseLayers > 0 ? `; the first ${layers.denseLayers} layers dense, MLP ${layers.denseFfnHiddenSize ?? '?'}` : '';
  const shared = layers && layers.sharedExpertFfnSize > 0 ? ` + shared ${layers.sharedExpertFfnSize}` : '';
  const moe = model.numExperts > 1 ? `, ${model.numExperts} experts (top-${model.expertsPerToken}) of MLP ${model.ffnHiddenSize}${shared}${dense}` : `, MLP ${model.ffnHiddenSize}`;
  const vocab = model.vocabSize === null && model.paddedVocabSize === null ? '' : `, vocabulary ${model.vocabSize ?? '?'}${model.paddedVocabSize !== null && model.paddedVocabSize !== model.vocabSize ? ` (embedding ${model.paddedVocabSize})` : ''}`;
  const where = model.cachedAt ? 'from your local Hugging Face cache' : 'from the model catalogue';
  return `${model.name} ${where}: hidden ${model.hiddenSize}, ${model.numLayers} layers, ${model.numHeads} heads${kv}, head dim ${model.headDim}${moe} (${model.activation})${vocab}; source ${sourceText(model.source)}`;
}

/**
 * The shape of a catalogued model as fields located on the entry that names it, so findings
 * and hovers land on the name. Origin `catalogue`: no fix edits them (the file has no literal).
 */
export function catalogueFields(model: CatalogueModel, entry: ConfigEntry): Partial<Record<NumericFieldName, NumberField>> {
  const note = catalogueSummary(model);
  const values: Partial<Record<NumericFieldName, number | null>> = {
    hiddenSize: model.hiddenSize,
    numLayers: model.numLayers,
    numHeads: model.numHeads,
    numKvHeads: model.numKvHeads,
    headDim: model.headDim,
    ffnHiddenSize: model.ffnHiddenSize,
    vocabSize: model.vocabSize,
    paddedVocabSize: model.paddedVocabSize,
    seqLength: model.seqLength,
    numExperts: model.numExperts,
    expertsPerToken: model.expertsPerToken,
    ...(model.numExperts > 1 && model.moeLayers
      ? { denseLayers: model.moeLayers.denseLayers, denseFfnHiddenSize: model.moeLayers.denseFfnHiddenSize ?? null, sharedExpertFfnSize: model.moeLayers.sharedExpertFfnSize }
      : {}),
  };
  const fields: Partial<Record<NumericFieldName, NumberField>> = {};
  for (const [name, value] of Object.entries(values) as [NumericFieldName, number | null][]) {
    const label = model.cachedAt ? 'local Hugging Face cache' : 'model catalogue';
    fields[name] = { ...catalogueField(value, note), key: `${FIELD_LABELS[name]} of ${model.name} (${label})`, keySpan: entry.keySpan, valueSpan: entry.valueSpan };
  }
  return fields;
}

/** A catalogued model's multi-latent attention sizes as fields located on the entry that names it; nothing for standard attention. */
export function catalogueLatentAttention(model: CatalogueModel, entry: ConfigEntry): Pick<ModelShape, 'latentAttention'> {
  const sizes = model.latentAttention;
  if (!sizes) return {};
  const note = catalogueSummary(model);
  const label = model.cachedAt ? 'local Hugging Face cache' : 'model catalogue';
  return {
    latentAttention: latentAttentionFields((name) => ({ ...catalogueField(sizes[name], note), key: `${LATENT_ATTENTION_LABELS[name]} of ${model.name} (${label})`, keySpan: entry.keySpan, valueSpan: entry.valueSpan })),
  };
}

/** The catalogued model's activation, located on the entry that names the model. */
export function catalogueActivation(model: CatalogueModel, entry: ConfigEntry): ShapeField<string> {
  return { ...fieldAt(entry, model.activation), origin: 'catalogue' };
}

/** The catalogued model an entry names (a string value), if any. */
export function catalogueModelAt(entry: ConfigEntry | undefined): { model: CatalogueModel; entry: ConfigEntry } | undefined {
  if (!entry || entry.unresolved || typeof entry.value !== 'string') return undefined;
  const model = findModel(entry.value);
  return model ? { model, entry } : undefined;
}

/**
 * The vocabulary a named tokenizer implies, located on the name: a Megatron/NeMo type with a
 * fixed vocabulary (`GPT2BPETokenizer`), else a Hugging Face id whose length the catalogue knows.
 * Undefined when the file names neither.
 */
export function tokenizerVocab(type: ConfigEntry | undefined, model: ConfigEntry | undefined): NumberField | undefined {
  for (const [entry, size] of [
    [type, typeof type?.value === 'string' && !type.unresolved ? tokenizerTypeSize(type.value) : undefined],
    [model, typeof model?.value === 'string' && !model.unresolved ? huggingFaceTokenizerSize(model.value) : undefined],
    [type, typeof type?.value === 'string' && !type.unresolved ? huggingFaceTokenizerSize(type.value) : undefined],
  ] as const) {
    if (entry && size) return { ...catalogueField(size.vocabSize, `vocabulary of ${size.source}`), key: `vocabulary of ${String(entry.value)} (tokenizer catalogue)`, keySpan: entry.keySpan, valueSpan: entry.valueSpan };
  }
  return undefined;
}

/** The first of `keys` that the file sets to something other than null/false/empty, quoted for messages. */
export function checkpointSetting<Key extends string>(index: EntryIndex<Key>, keys: readonly NoInfer<Key>[], spell: (key: string) => string = (key) => key): string | undefined {
  for (const key of keys) {
    const entry = index.get(key);
    if (!entry || entry.value === null || entry.value === false || entry.value === '') continue;
    return entry.value === true ? spell(key) : `${spell(key)} ${String(entry.value)}`;
  }
  return undefined;
}

/** Megatron-Core's pipeline split settings as a file writes them, each spelled as the file has it (for notes). */
export interface MegatronCoreSplitSettings {
  /** `account_for_embedding_in_pipeline_split`, `account_for_loss_in_pipeline_split`, where on. */
  embedding?: string;
  loss?: string;
  /**
   * `num_layers_in_first_pipeline_stage` then `num_layers_in_last_pipeline_stage` (Megatron-LM
   * `--decoder-first/last-pipeline-num-layers`), each with stageLayerCount's reading of its entry.
   */
  stages: readonly [first: StageSetting, last: StageSetting];
}

interface StageSetting {
  key: string;
  layers: ReturnType<typeof stageLayerCount>;
}

/**
 * The layers a file puts on one pipeline stage: the number; `unreadable` where it writes
 * something else (computed when the script runs, not a positive whole number); undefined where
 * it writes nothing (or None).
 */
export function stageLayerCount(entry: ConfigEntry | undefined, untyped: boolean): number | 'unreadable' | undefined {
  if (!entry || (entry.value === null && !entry.unresolved)) return undefined;
  const value = entry.unresolved ? undefined : numericValue(entry, untyped);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : 'unreadable';
}

const MEGATRON_CORE_SPLIT_CHECK =
  "Megatron-Core's TransformerConfig.__post_init__ raises ValueError (NVIDIA/Megatron-LM megatron/core/transformer/transformer_config.py @ 002526d81b81)";

/**
 * The split Megatron-Core makes (TransformerConfig.__post_init__, which refuses any other): the
 * first and last stages hold the layers set for them and the middle stages share the rest evenly;
 * else the embedding and the loss, each where counted, join the transformer layers and all of
 * them split evenly over the stages. A stage size this file does not show sets a split not
 * judged; undefined where none of the settings is on.
 */
export function megatronCorePipelineSplit({ embedding, loss, stages }: MegatronCoreSplitSettings): PipelineSplit | undefined {
  const unreadable = stages.find((stage) => stage.layers === 'unreadable');
  if (unreadable) return { extraLayers: 0, uneven: true, note: `${unreadable.key} sets the split` };
  const [first, last] = stages.map((stage) => (typeof stage.layers === 'number' ? stage.layers : undefined));
  if (first !== undefined || last !== undefined) {
    const note = stages.flatMap((stage) => (typeof stage.layers === 'number' ? [`${stage.key} ${stage.layers}`] : [])).join(', ');
    return { extraLayers: 0, uneven: true, firstStageLayers: first, lastStageLayers: last, refusedBy: MEGATRON_CORE_SPLIT_CHECK, note };
  }
  const counted = ([[embedding, 'embedding'], [loss, 'loss']] as const).flatMap(([key, what]) => (key === undefined ? [] : [`${key} counts the ${what} as a layer`]));
  return counted.length > 0 ? { extraLayers: counted.length, uneven: false, refusedBy: MEGATRON_CORE_SPLIT_CHECK, note: counted.join('; ') } : undefined;
}
