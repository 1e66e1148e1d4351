import type { Span } from './document';

export const FORMAT_IDS = ['hf', 'neox', 'megatron', 'nemo', 'litgpt', 'nanogpt', 'meta', 'nanotron', 'flagscale', 'axolotl', 'torchtitan', 'maxtext', 'foundry'] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

/**
 * Where a field's value came from:
 * - `file`: a literal in the file (possibly reached through a variable or interpolation);
 * - `default`: the framework's documented default, the file does not say;
 * - `derived`: computed from other fields (head dim = h/a, padded vocab, SwiGLU ffn);
 * - `catalogue`: the file names a model or tokenizer (`model_name: phi-2`, `--tokenizer-type
 *   GPT2BPETokenizer`) and the value is that model's, from the model or tokenizer catalogue;
 * - `unresolved`: the file sets it in a way that cannot be resolved statically (a branch,
 *   arithmetic, the environment, `???`);
 * - `unknown`: nothing gives it (the file leaves it to the tokenizer, the launcher, a default
 *   shapelint has no source for), or it is set to null: "use the default";
 * - `invalid`: the file sets it to something that is not a usable value (see `invalidText`).
 */
export type FieldOrigin = 'file' | 'default' | 'derived' | 'catalogue' | 'unresolved' | 'unknown' | 'invalid';

export interface ShapeField<T> {
  value: T | null;
  origin: FieldOrigin;
  /** The key as spelled in the file (`n_embd`, `--hidden-size`, `hidden-size`). */
  key?: string;
  keySpan?: Span;
  /** The literal a person would edit. */
  valueSpan?: Span;
  /** Where the value is used through a variable/interpolation, when that is not the literal. */
  usedAt?: Span;
  /** The variable, alias or interpolation written as the key's whole value: a fix may write a literal there instead. */
  reference?: Span;
  /** How many values read the literal, this one included, when more than one (a variable, anchor or interpolation shared with other keys). */
  literalUses?: number;
  /** Why: "GPT-NeoX default", "h / a", "set by $((...)), not resolvable". */
  note?: string;
  /** The raw text of an invalid value. */
  invalidText?: string;
  /**
   * Maps a wanted effective value to the literal to write, where the framework transforms the
   * literal (GPT-NeoX gated MLPs take 2/3 of `intermediate_size`). Absent: the literal is the value.
   */
  toLiteral?: (effective: number) => number;
  /** With `toLiteral`: the number the file writes, before the framework transforms it. */
  written?: number;
}

export type NumberField = ShapeField<number>;

export const NUMERIC_FIELDS = [
  'hiddenSize',
  'numLayers',
  'numHeads',
  'numKvHeads',
  'headDim',
  'ffnHiddenSize',
  'vocabSize',
  'paddedVocabSize',
  'vocabDivisor',
  'seqLength',
  'microBatchSize',
  'tensorParallel',
  'pipelineParallel',
  'numExperts',
  'expertsPerToken',
] as const;

export type NumericFieldName = (typeof NUMERIC_FIELDS)[number];

/**
 * The shape of a transformer as one framework will build it. Every value is what the
 * framework will actually use (after its defaults and transformations); `null` is unknown.
 */
export type ModelShape = {
  format: FormatId;
  /** e.g. 'gelu', 'swiglu'. */
  activation: ShapeField<string>;
  /** Gated MLP (SwiGLU, GeGLU, ...): three matrices, gate and up of width ffnHiddenSize. */
  gatedMlp: boolean;
  flashAttention: ShapeField<boolean>;
  /** Megatron lets kv heads (query groups) be a divisor of TP instead of a multiple. */
  kvHeadsMayDivideTensorParallel: boolean;
  /** Set where the framework splits more than the transformer layers over pipeline stages, or splits them unevenly on purpose. */
  pipelineSplit?: PipelineSplit;
  /**
   * The setting that makes the run start from existing weights (`--load`, `restore_from_path`,
   * LitGPT's `checkpoint_dir`), quoted for messages. Changing the embedding's shape then breaks
   * loading, so padding the vocabulary is no longer a safe fix.
   */
  loadsCheckpoint?: string;
  /** The named model the shape comes from, when it comes from the model catalogue. */
  catalogueModel?: string;
  /**
   * Dropout probabilities training will run: on the attention probabilities, and on the
   * attention and MLP outputs before the residual adds. Unknown where neither the file nor a
   * default shapelint can cite says (the throughput model then counts none).
   */
  attentionDropout: ShapeField<number>;
  hiddenDropout: ShapeField<number>;
} & { [name in NumericFieldName]: NumberField };

export const DROPOUT_FIELDS = ['attentionDropout', 'hiddenDropout'] as const;

export type DropoutFieldName = (typeof DROPOUT_FIELDS)[number];

export const DROPOUT_LABELS: Record<DropoutFieldName, string> = {
  attentionDropout: 'attention dropout',
  hiddenDropout: 'hidden dropout',
};

export interface PipelineSplit {
  /** Units that count as layers in the split besides the transformer layers (embedding, loss). */
  extraLayers: number;
  /** The file lays out its own (uneven) split: layer divisibility does not apply. */
  uneven: boolean;
  /** Which setting says so, for messages. */
  note: string;
}

/**
 * `hiddenSize`: h. `headDim`: explicit or h/a. `ffnHiddenSize`: per-branch width of the MLP
 * (for gated MLPs, the width of gate and of up). `vocabSize`: as written (before padding).
 * `paddedVocabSize`: the embedding rows the framework allocates. `vocabDivisor`: the setting
 * the framework pads to (NeoX/Megatron/NeMo `make_vocab_size_divisible_by`, LitGPT
 * `padding_multiple`); null where the framework does not pad (HF, nanoGPT).
 */
export const FIELD_LABELS: Record<NumericFieldName, string> = {
  hiddenSize: 'hidden size',
  numLayers: 'layers',
  numHeads: 'attention heads',
  numKvHeads: 'key/value heads',
  headDim: 'head dim',
  ffnHiddenSize: 'MLP size',
  vocabSize: 'vocabulary size',
  paddedVocabSize: 'padded vocabulary size',
  vocabDivisor: 'vocabulary padding multiple',
  seqLength: 'sequence length',
  microBatchSize: 'micro-batch size',
  tensorParallel: 'tensor-parallel size',
  pipelineParallel: 'pipeline-parallel size',
  numExperts: 'experts',
  expertsPerToken: 'experts per token',
};

export function unknownField<T>(note?: string): ShapeField<T> {
  return { value: null, origin: 'unknown', note };
}

export function defaultField<T>(value: T | null, note: string): ShapeField<T> {
  return { value, origin: 'default', note };
}

export function derivedField<T>(value: T | null, note: string): ShapeField<T> {
  return { value, origin: 'derived', note };
}

export function catalogueField<T>(value: T | null, note: string): ShapeField<T> {
  return { value, origin: 'catalogue', note };
}

/** The plain values of a shape, as the CLI's JSON prints them. */
export function shapeValues(shape: ModelShape): Record<string, number | string | boolean | null> {
  const values: Record<string, number | string | boolean | null> = {};
  for (const name of NUMERIC_FIELDS) values[name] = shape[name].value;
  values.activation = shape.activation.value;
  values.gatedMlp = shape.gatedMlp;
  values.flashAttention = shape.flashAttention.value;
  for (const name of DROPOUT_FIELDS) values[name] = shape[name].value;
  return values;
}

/** Smallest multiple of `multiple` that is >= value. */
export function roundUpToMultiple(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** The largest power of two dividing n (n > 0 integer). */
export function largestPowerOfTwoDividing(n: number): number {
  let power = 1;
  while (n % (power * 2) === 0 && power < 1 << 30) power *= 2;
  return power;
}

/** Every divisor of n (n > 0 integer), ascending. */
export function divisorsOf(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.unshift(n / d);
  }
  return [...small, ...large];
}
