import type { Span } from './document';
import type { Dtype } from './prediction';

export const FORMAT_IDS = ['hf', 'neox', 'megatron', 'nemo', 'litgpt', 'nanogpt', 'meta', 'nanotron', 'flagscale', 'axolotl', 'torchtitan', 'maxtext', 'foundry', 'nemo2', 'olmo'] as const;

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
 * - `invalid`: the file sets it to something that is not a usable value (see `invalidText`);
 * - `setting`: a shapelint setting or CLI flag (`--attention unfused`, `shapelint.sequenceLength`),
 *   either because the user chose it over the file or because nothing else gives it (its note says which).
 */
export type FieldOrigin = 'file' | 'default' | 'derived' | 'catalogue' | 'unresolved' | 'unknown' | 'invalid' | 'setting';

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
  'denseLayers',
  'denseFfnHiddenSize',
  'sharedExpertFfnSize',
  'contextParallel',
  'expertParallel',
  'virtualStages',
  'globalBatchSize',
  'gpus',
  'gpusPerNode',
] as const;

export type NumericFieldName = (typeof NUMERIC_FIELDS)[number];

/**
 * Multi-head latent attention's sizes (DeepSeek-V2, arXiv 2405.04434 §2.1): the query goes
 * h → `qLoraRank` → heads·(qkNopeHeadDim + qkRopeHeadDim), or straight h → heads·(…) where
 * `qLoraRank` is 0 (no query compression, as DeepSeek-V2-Lite); keys and values go h →
 * `kvLoraRank` (+ the rotary key of `qkRopeHeadDim`, shared by every head) → heads·(qkNopeHeadDim
 * + vHeadDim); the output projection reads heads·vHeadDim.
 */
export const LATENT_ATTENTION_FIELDS = ['qLoraRank', 'kvLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim'] as const;
export type LatentAttentionFieldName = (typeof LATENT_ATTENTION_FIELDS)[number];
export type LatentAttentionShape = Record<LatentAttentionFieldName, NumberField>;

export const LATENT_ATTENTION_LABELS: Record<LatentAttentionFieldName, string> = {
  qLoraRank: 'query latent rank',
  kvLoraRank: 'key/value latent rank',
  qkNopeHeadDim: 'query-key head dim without position',
  qkRopeHeadDim: 'rotary query-key head dim',
  vHeadDim: 'value head dim',
};

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
  /** The attention implementation the framework runs (see AttentionImplementation); never null where a framework default is known. */
  attentionKernel: ShapeField<AttentionImplementation>;
  /** Activation recomputation in the backward (see RecomputeMode). */
  recompute: ShapeField<RecomputeMode>;
  /** Megatron's sequence parallelism (layer norms and dropout split over the TP group). */
  sequenceParallel: ShapeField<boolean>;
  /** How weights, gradients and optimizer states are split over data-parallel ranks (see Sharding). */
  sharding: ShapeField<Sharding>;
  /** The precision training runs in, where the file says (`--bf16`, NeoX `precision`, NeMo `trainer.precision`); unknown elsewhere. */
  dtype: ShapeField<Dtype>;
  /** Megatron lets kv heads (query groups) be a divisor of TP instead of a multiple. */
  kvHeadsMayDivideTensorParallel: boolean;
  /**
   * The output layer is its own vocab × hidden matrix rather than the input embedding's
   * (Llama-family models; Megatron `--untie-embeddings-and-output-weights`, HF
   * `tie_word_embeddings: false`): the file's flag, else its framework's or model class's default.
   * Absent or unknown: tied, Megatron-LM's default, which the launch says.
   */
  untiedEmbeddings?: ShapeField<boolean>;
  /**
   * Tensor-parallel communication overlapped with the GEMMs (Transformer Engine userbuffers:
   * Megatron-LM `--tp-comm-overlap`, NeMo `ub_tp_comm_overlap`, NeMo 2 / Megatron-Bridge
   * `tp_comm_overlap`): the file's setting, else its framework's or recipe's default. Absent or
   * unknown: not overlapped, which the launch says.
   */
  tpCommOverlap?: ShapeField<boolean>;
  /**
   * Megatron-LM `--grad-reduce-in-bf16`: the gradient buffer and its reduction in bf16 (2 B per
   * parameter) where Megatron otherwise accumulates fp32 main gradients (4 B; arguments.py turns
   * accumulate_allreduce_grads_in_fp32 on under --bf16). Absent: the framework's own convention.
   */
  gradientReduceInBf16?: boolean;
  /** Set where the framework splits more than the transformer layers over pipeline stages, or splits them unevenly on purpose. */
  pipelineSplit?: PipelineSplit;
  /**
   * The setting that makes the run start from existing weights (`--load`, `restore_from_path`,
   * LitGPT's `checkpoint_dir`), quoted for messages. Changing the embedding's shape then breaks
   * loading, so padding the vocabulary is no longer a safe fix.
   */
  loadsCheckpoint?: string;
  /**
   * Why the run model's memory per GPU does not describe this run, where the file says so: LoRA
   * adapters over frozen weights (the run model counts gradients and optimizer states for every
   * weight), or a recomputation that keeps less than the run model's nearest level. The `memory`
   * rule then stays silent rather than warn on a number that is only an upper bound.
   */
  memoryNotModelled?: string;
  /** The LoRA/QLoRA adapter the run trains over frozen base weights, where the file names one (see Adapter). */
  adapter?: Adapter;
  /**
   * What `selective` recomputation keeps where the framework offers more than one kind
   * (torchtitan's `selective_ac_option`, see SelectiveRecompute). Absent: Megatron-LM's selective.
   */
  selectiveRecompute?: ShapeField<SelectiveRecompute>;
  /** What runs under torch.compile, where the file's framework says (torchtitan `[compile]`); absent: not read. */
  compile?: ShapeField<CompiledParts>;
  /** The named model the shape comes from, when it comes from the model catalogue. */
  catalogueModel?: string;
  /**
   * Multi-head latent attention's sizes, where the file (or its framework's default, or the
   * catalogue) makes the attention MLA; absent: standard attention. `headDim` is then the
   * query-key head dim, qkNopeHeadDim + qkRopeHeadDim.
   */
  latentAttention?: LatentAttentionShape;
  /**
   * Dropout probabilities training will run: on the attention probabilities, and on the
   * attention and MLP outputs before the residual adds. Unknown where neither the file nor a
   * default shapelint can cite says (the throughput model then counts none).
   */
  attentionDropout: ShapeField<number>;
  hiddenDropout: ShapeField<number>;
} & { [name in NumericFieldName]: NumberField };

/**
 * The attention implementation a framework runs, named as the framework names it; which kernel
 * that becomes on a GPU (and whether it is fused) is perf/attention.ts's call:
 * - `sdpa`: PyTorch's scaled_dot_product_attention, which picks FlashAttention-2, cuDNN,
 *   memory-efficient or the math path per GPU, dtype and head dim (transformers' default,
 *   nanoGPT, LitGPT, torchtitan);
 * - `transformer-engine`: Transformer Engine's DotProductAttention, which picks FlashAttention,
 *   cuDNN's fused attention or its unfused path (Megatron-Core's default);
 * - `flash`: a FlashAttention kernel the file names (`flash_attention_2`, `--use-flash-attn`,
 *   NeoX `flash`, `--attention-backend flash`);
 * - `cudnn`: cuDNN's fused attention the file names (`--attention-backend fused`);
 * - `unfused`: the score BMM, softmax, dropout and attention-over-value BMM as separate kernels
 *   (transformers `eager`, Megatron `--transformer-impl local`, NeoX `global`).
 */
export const ATTENTION_IMPLEMENTATIONS = ['sdpa', 'transformer-engine', 'flash', 'cudnn', 'unfused'] as const;
export type AttentionImplementation = (typeof ATTENTION_IMPLEMENTATIONS)[number];

/**
 * Activation recomputation in the backward: `none`; `selective` (Megatron's
 * `--recompute-granularity selective`: the attention core is recomputed; torchtitan's and NeMo's
 * selective modes); `full` (every layer's forward runs again: `--recompute-granularity full`,
 * NeoX `checkpoint_activations`, gradient checkpointing).
 */
export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type RecomputeMode = (typeof RECOMPUTE_MODES)[number];

/**
 * torchtitan's selective activation checkpointing (`[activation_checkpoint] selective_ac_option`):
 * `per-op`, its op-level policy ("op": the outputs of every other matmul and of the attention kernel
 * kept, the rest recomputed); or `layers`, every `every`-th transformer block checkpointed whole
 * (an integer string: those blocks run their forward again, the others keep all their activations).
 */
export type SelectiveRecompute = { kind: 'per-op' } | { kind: 'layers'; every: number };

/** What torch.compile compiles (torchtitan `[compile] components`): the transformer blocks, the loss, both, or nothing. */
export const COMPILED_PARTS = ['none', 'model', 'loss', 'model and loss'] as const;
export type CompiledParts = (typeof COMPILED_PARTS)[number];

/** A linear layer a LoRA adapter can wrap, by its role in the layer (PEFT `q_proj`…`lm_head`, LitGPT `lora_query`…`lora_head`). */
export type LoraTarget = 'query' | 'key' | 'value' | 'projection' | 'mlpGate' | 'mlpUp' | 'mlpDown' | 'head';

/**
 * How the frozen base weights are stored: `bf16` (2 B per parameter, bf16 or fp16), `fp32` (4 B:
 * Lightning Fabric's `*-mixed` precision keeps parameters in fp32), `int8` (1 B, bitsandbytes
 * LLM.int8), `nf4` (4 bits in blocks of 64 with an fp32 absmax each), `nf4-dq` (the same with
 * the absmax double-quantized to 8 bits).
 */
export type BaseWeights = 'bf16' | 'fp32' | 'int8' | 'nf4' | 'nf4-dq';

/**
 * A LoRA fine-tune (Hu et al. 2021, arXiv 2106.09685): rank-`rank` matrices A (r × d_in) and B
 * (d_out × r) beside each targeted linear, trained over frozen base weights; `qlora` when the
 * base is 4-bit (Dettmers et al. 2023, arXiv 2305.14314).
 */
export interface Adapter {
  kind: 'lora' | 'qlora';
  baseWeights: BaseWeights;
  rank: number;
  targets: readonly LoraTarget[];
  /** How the trainer keeps the adapter's weights, gradients and AdamW moments: fp32 (PEFT, Fabric `*-mixed`) or bf16 (Fabric `*-true`). */
  adapterState: 'fp32' | 'bf16';
  /** lora_dropout > 0: every targeted linear keeps its own dropped-out copy of its input and a mask for the backward. */
  dropout: boolean;
  /** Where each part came from (the file's keys or the framework's defaults), for hovers and messages. */
  note: string;
}

/**
 * How model state is split over data-parallel ranks: `none` (each rank holds all of it, Megatron's
 * and PyTorch DDP's default); `distributed-optimizer` (Megatron `--use-distributed-optimizer`:
 * optimizer states sharded); `zero-1`/`zero-2`/`zero-3` (DeepSpeed `zero_optimization.stage`);
 * `fsdp` (PyTorch FSDP full sharding: torchtitan, llm-foundry `fsdp_config`).
 */
export const SHARDINGS = ['none', 'distributed-optimizer', 'zero-1', 'zero-2', 'zero-3', 'fsdp'] as const;
export type Sharding = (typeof SHARDINGS)[number];

/** A launch choice with a value: from the file, the framework's default or a setting, never a silent null. */
export interface LaunchField<T> extends ShapeField<T> {
  value: T;
}

/**
 * Every launch choice a prediction depends on, each with where it came from (`origin`) and why
 * (`note`: the framework default's source, or the setting or flag). Built by model/launch.ts
 * from the shape (file and framework defaults) and the options (settings and flags):
 * - `attentionKernel`: the attention implementation (flags `--attention flash|unfused`, setting
 *   `shapelint.attention`, which override the file);
 * - `attentionDropout`, `hiddenDropout`: dropout probabilities (`--dropout P` sets both); null
 *   only where nothing says, which counts as no dropout and is shown as unknown;
 * - `recompute`: activation recomputation (`--recompute`, `shapelint.recompute`);
 * - `dtype`: the GEMMs' data type: the file's precision (`--bf16`, NeoX `precision`), else the
 *   setting (`--dtype`, `shapelint.dtype`);
 * - `seqLength`, `microBatchSize`, `tensorParallel`, `pipelineParallel`: the file's, else the
 *   framework's default, else the setting (`--seq`, `--micro-batch`, `--tp`).
 */
export interface Launch {
  attentionKernel: LaunchField<AttentionImplementation>;
  attentionDropout: ShapeField<number>;
  hiddenDropout: ShapeField<number>;
  recompute: LaunchField<RecomputeMode>;
  dtype: LaunchField<Dtype>;
  seqLength: LaunchField<number>;
  microBatchSize: LaunchField<number>;
  tensorParallel: LaunchField<number>;
  pipelineParallel: LaunchField<number>;
  /** The run beyond the layer (perf/run): the other parallel sizes, the batch, sharding, the cluster. */
  contextParallel: LaunchField<number>;
  expertParallel: LaunchField<number>;
  virtualStages: LaunchField<number>;
  sequenceParallel: LaunchField<boolean>;
  sharding: LaunchField<Sharding>;
  gpus: LaunchField<number>;
  gpusPerNode: LaunchField<number>;
  globalBatchSize: LaunchField<number>;
  /** Separate input and output embeddings: parameters and model state, not FLOPs (the logits GEMM runs either way). */
  untiedEmbeddings: LaunchField<boolean>;
  /** torch.compile: a compiled loss keeps its logits narrower (run/memory.ts lossLogits); the compiled blocks' fusion is not modelled. Null where the reader does not read it. */
  compile: ShapeField<CompiledParts>;
  /** Tensor-parallel all-gathers and reduce-scatters run under the GEMMs (needs sequence parallelism): step time, not memory. */
  tpCommOverlap: LaunchField<boolean>;
}

export const LAUNCH_FIELDS = [
  'attentionKernel',
  'attentionDropout',
  'hiddenDropout',
  'recompute',
  'dtype',
  'seqLength',
  'microBatchSize',
  'tensorParallel',
  'pipelineParallel',
  'contextParallel',
  'expertParallel',
  'virtualStages',
  'sequenceParallel',
  'sharding',
  'gpus',
  'gpusPerNode',
  'globalBatchSize',
  'untiedEmbeddings',
  'compile',
  'tpCommOverlap',
] as const satisfies readonly (keyof Launch)[];

export const LAUNCH_LABELS: Record<keyof Launch, string> = {
  attentionKernel: 'attention',
  attentionDropout: 'attention dropout',
  hiddenDropout: 'hidden dropout',
  recompute: 'recompute',
  dtype: 'dtype',
  seqLength: 'sequence length',
  microBatchSize: 'micro-batch size',
  tensorParallel: 'tensor-parallel size',
  pipelineParallel: 'pipeline-parallel size',
  contextParallel: 'context-parallel size',
  expertParallel: 'expert-parallel size',
  virtualStages: 'virtual pipeline stages',
  sequenceParallel: 'sequence parallel',
  sharding: 'optimizer sharding',
  gpus: 'GPUs',
  gpusPerNode: 'GPUs per node',
  globalBatchSize: 'global batch size',
  untiedEmbeddings: 'untied embeddings',
  compile: 'torch.compile',
  tpCommOverlap: 'TP communication overlap',
};

export const DROPOUT_FIELDS = ['attentionDropout', 'hiddenDropout'] as const;

export type DropoutFieldName = (typeof DROPOUT_FIELDS)[number];

export const DROPOUT_LABELS: Record<DropoutFieldName, string> = {
  attentionDropout: 'attention dropout',
  hiddenDropout: 'hidden dropout',
};

export interface PipelineSplit {
  /** Units that count as layers in the split besides the transformer layers (embedding, loss). */
  extraLayers: number;
  /** The file lays out its own (uneven) split: divisibility of all the layers does not apply. */
  uneven: boolean;
  /**
   * With `uneven`, the transformer layers the file puts on the first and the last stage
   * (Megatron-Core's `num_layers_in_first/last_pipeline_stage`): the middle stages split the rest evenly.
   */
  firstStageLayers?: number;
  lastStageLayers?: number;
  /** Who refuses a split that does not come out even (Megatron-Core's TransformerConfig); absent where an uneven one only runs slower. */
  refusedBy?: string;
  /** Which setting says so, for messages. */
  note: string;
}

/**
 * `hiddenSize`: h. `headDim`: explicit or h/a. `ffnHiddenSize`: per-branch width of the MLP
 * (for gated MLPs, the width of gate and of up). `vocabSize`: as written (before padding).
 * `paddedVocabSize`: the embedding rows the framework allocates. `vocabDivisor`: the setting
 * the framework pads to (NeoX/Megatron/NeMo `make_vocab_size_divisible_by`, LitGPT
 * `padding_multiple`); null where the framework does not pad (HF, nanoGPT). In a mixture of
 * experts, `ffnHiddenSize` is each routed expert's width; `denseLayers` of the `numLayers` keep a
 * dense MLP of `denseFfnHiddenSize` instead of experts (DeepSeek-V3's first 3, a Megatron
 * `--moe-layer-freq` pattern's 0s), and every other layer also runs shared experts of total width
 * `sharedExpertFfnSize` on every token (0: none). Unknown in a dense model.
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
  denseLayers: 'dense layers',
  denseFfnHiddenSize: 'dense-layer MLP size',
  sharedExpertFfnSize: 'shared-expert MLP size',
  contextParallel: 'context-parallel size',
  expertParallel: 'expert-parallel size',
  virtualStages: 'virtual pipeline stages',
  globalBatchSize: 'global batch size',
  gpus: 'GPUs',
  gpusPerNode: 'GPUs per node',
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
  values.attentionKernel = shape.attentionKernel.value;
  values.recompute = shape.recompute.value;
  values.dtype = shape.dtype.value;
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
