import type { ConfigDocument } from '../model/document';
import { parseYaml } from '../parse/yaml';
import { defaultField, roundUpToMultiple, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import {
  booleanValue,
  checkpointingMode,
  fieldAt,
  completeShape,
  precisionSwitch,
  readChoice,
  derivedHeadDim,
  derivedSize,
  EntryIndex,
  fieldFromEntry,
  isGatedActivation,
  paddedVocabByDivisor,
  readDropout,
  readField,
  stringField,
  untiedEmbeddingsSwitch,
  valueOf,
  checkpointSetting,
  tokenizerVocab,
} from './fields';
import type { FormatReader } from './format';
import { neoxMoeLayers } from './moe-layers';
import type { Dtype } from '../model/prediction';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, firstSignificantChar, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * GPT-NeoX YAML (`megatron/neox_arguments/neox_args.py` for defaults). Keys may be hyphenated
 * or underscored, even mixed: NeoX's `from_ymls` replaces `-` with `_`.
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.neox;
const LAUNCH = LAUNCH_DEFAULTS.neox;

const NEOX_KEYS = [
  'pipe_parallel_size',
  'model_parallel_size',
  'num_layers',
  'hidden_size',
  'num_attention_heads',
  'seq_length',
  'max_position_embeddings',
  'pos_emb',
  'norm',
  'attention_config',
  'train_micro_batch_size_per_gpu',
  'make_vocab_size_divisible_by',
  'no_weight_tying',
  'gpt_j_residual',
  'output_layer_parallelism',
  'scaled_upper_triang_masked_softmax_fusion',
  'bias_gelu_fusion',
  'rotary_pct',
  'init_method',
  'zero_optimization',
  'data_impl',
  'vocab_file',
  'merge_file',
  'data_path',
  'checkpoint_validation_with_forward_pass',
  'tokenizer_type',
  'train_iters',
  'lr_decay_style',
];

/** Keys no other framework's YAML uses at the top level. */
const NEOX_ONLY = ['pipe_parallel_size', 'model_parallel_size', 'train_micro_batch_size_per_gpu', 'attention_config', 'gpt_j_residual', 'pos_emb'];

/** neox_args.py changed its dropout defaults (FRAMEWORK_DEFAULTS.neox): a silent file's depends on the checkout. */
const NEOX_DROPOUT_UNKNOWN = "GPT-NeoX's default is 0.1 in older neox_args.py and 0.0 in newer; this file does not say";

export const neoxReader: FormatReader = {
  id: 'neox',
  label: 'GPT-NeoX YAML',
  evidence: [...NEOX_ONLY, ...NEOX_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text).replace(/-/g, '_');
    const hits = countKeys(head, NEOX_KEYS);
    if (firstSignificantChar(head) === '{') return hits >= 2 ? 0.9 : hits === 1 ? 0.55 : 0;
    const neoxOnly = NEOX_ONLY.filter((key) => hasTopLevelKey(head, key)).length;
    return neoxOnly >= 2 && hits >= 4 ? 0.7 : 0;
  },

  parse: (text) => parseYaml(text, 'pyyaml'),

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document, neoxKey);
    const hiddenSize = readField(index, 'hiddenSize', ['hidden_size'], () => unknownField('GPT-NeoX has no default hidden size'));
    const numHeads = readField(index, 'numHeads', ['num_attention_heads'], () => unknownField('GPT-NeoX has no default head count'));
    const tensorParallel = readField(index, 'tensorParallel', ['model_parallel_size'], () =>
      defaultField(DEFAULTS.modelParallelSize, `GPT-NeoX default model_parallel_size ${DEFAULTS.modelParallelSize}`),
    );
    const activation = stringField(index.get('activation'), defaultField(DEFAULTS.activation, `GPT-NeoX default activation ${DEFAULTS.activation}`));
    const gatedMlp = isGatedActivation(activation.value) || index.get('mlp_type')?.value === 'gated';
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], () =>
      tokenizerVocab(index.get('tokenizer_type'), undefined) ??
      unknownField('GPT-NeoX takes the vocabulary from the tokenizer (tokenizer_type / vocab_file)'),
    );
    const vocabDivisor = readField(index, 'vocabDivisor', ['make_vocab_size_divisible_by'], () =>
      defaultField(DEFAULTS.makeVocabSizeDivisibleBy, `GPT-NeoX default make_vocab_size_divisible_by ${DEFAULTS.makeVocabSizeDivisibleBy}`),
    );
    // `num_experts` is the DeepSpeed-MoE spelling of configs/125M-moe-deepspeed.yml (FRAMEWORK_DEFAULTS.neox.moe).
    const numExperts = readField(index, 'numExperts', ['moe_num_experts', 'num_experts'], () =>
      defaultField(DEFAULTS.moe.numExperts, `GPT-NeoX default moe_num_experts ${DEFAULTS.moe.numExperts} (dense)`),
    );

    const numLayers = readField(index, 'numLayers', ['num_layers'], () => unknownField('GPT-NeoX has no default layer count'));
    const ffnHiddenSize = neoxFfn(index, hiddenSize, gatedMlp, activation.value);
    const loadsCheckpoint = checkpointSetting(index, ['load']);
    const shape = completeShape(
      'neox',
      {
        hiddenSize,
        numLayers,
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['num_kv_heads'], () => defaultField(numHeads.value, 'GPT-NeoX: no num_kv_heads means one per head')),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize,
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, 'GPT-NeoX'),
        vocabDivisor,
        seqLength: readField(index, 'seqLength', ['seq_length'], () => unknownField('GPT-NeoX has no default seq_length')),
        microBatchSize: readField(index, 'microBatchSize', ['train_micro_batch_size_per_gpu'], () =>
          unknownField('DeepSpeed derives it from train_batch_size and gradient_accumulation_steps'),
        ),
        tensorParallel,
        pipelineParallel: neoxPipeline(index),
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['moe_top_k'], () =>
          (valueOf(numExperts) ?? 1) > 1 ? defaultField(DEFAULTS.moe.topK, `GPT-NeoX default moe_top_k ${DEFAULTS.moe.topK}`) : defaultField(1, 'dense model (no experts)'),
        ),
        expertParallel: readField(index, 'expertParallel', ['moe_expert_parallel_size', 'moe_deepspeed_expert_parallel_size'], () =>
          defaultField(DEFAULTS.moe.expertParallel, `GPT-NeoX default moe_expert_parallel_size ${DEFAULTS.moe.expertParallel}`),
        ),
        ...((valueOf(numExperts) ?? 1) > 1 ? neoxMoeLayers(index, numLayers, ffnHiddenSize) : {}),
        globalBatchSize: readField(index, 'globalBatchSize', ['train_batch_size'], () => unknownField('DeepSpeed: train_batch_size = micro-batch × gradient_accumulation_steps × data-parallel size')),
      },
      {
        activation,
        gatedMlp,
        attentionKernel: neoxAttention(document),
        dtype: neoxPrecision(index),
        recompute: readChoice(index, ['checkpoint_activations'], (entry) => checkpointingMode(booleanValue(entry)), () =>
          defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
        ),
        kvHeadsMayDivideTensorParallel: false,
        sharding: readChoice(index, ['zero_optimization.stage'], (entry) => ZERO_STAGES[String(entry.value)] ?? null, () => unknownField<Sharding>('no zero_optimization.stage')),
        attentionDropout: readDropout(index, ['attention_dropout'], () => unknownField(NEOX_DROPOUT_UNKNOWN)),
        hiddenDropout: readDropout(index, ['hidden_dropout'], () => unknownField(NEOX_DROPOUT_UNKNOWN)),
        untiedEmbeddings: untiedEmbeddingsSwitch(index, ['no_weight_tying'], 'untie', () => defaultField(UNTIED_EMBEDDINGS_DEFAULTS.neox.untied, UNTIED_EMBEDDINGS_DEFAULTS.neox.source)),
      },
    );
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

/**
 * NeoX's ParallelMLP: ffn = intermediate_size, else expansion_factor·h, else 4h; a gated
 * activation takes int(ffn·2/3), and each branch is half of that, rounded up to a multiple of
 * mlp_multiple_of. So `intermediate_size` is about three times the per-branch width
 * (configs/llama2/7B.yml: 32768 with mlp_multiple_of 256 builds 11008-wide branches).
 */
export function neoxBranchWidth(ffn: number, gated: boolean, multipleOf: number): number {
  return gated ? roundUpToMultiple(Math.floor(Math.floor((ffn * 2) / 3) / 2), multipleOf) : roundUpToMultiple(ffn, multipleOf);
}

/** GPT-NeoX reads `num-layers` as `num_layers`; most keys have no hyphen, and a 5,000-line file is read on every edit. */
function neoxKey(path: readonly string[]): string {
  const key = path.length === 1 ? path[0] : path.join('.');
  return key.includes('-') ? key.replaceAll('-', '_') : key;
}

function neoxFfn(index: EntryIndex, hiddenSize: NumberField, gated: boolean, activation: string | null): NumberField {
  const multipleOfEntry = index.get('mlp_multiple_of');
  // A setting PyYAML types as a string (`1e9`: YAML 1.1 wants a dot and a signed exponent) is no number NeoX can use.
  const unusable = [multipleOfEntry, index.get('expansion_factor')].find(
    (entry) => entry && entry.value !== null && !entry.unresolved && typeof entry.value !== 'number',
  );
  if (unusable) return fieldFromEntry(unusable, 'ffnHiddenSize', false);
  const multipleOf = typeof multipleOfEntry?.value === 'number' && multipleOfEntry.value >= 1 ? Math.floor(multipleOfEntry.value) : DEFAULTS.mlpMultipleOf;
  const how = (ffn: number): string =>
    gated
      ? `GPT-NeoX ${activation}: each branch is int(${ffn}·2/3)//2 = ${Math.floor(Math.floor((ffn * 2) / 3) / 2)}` +
        (multipleOf > 1 ? `, rounded up to a multiple of mlp_multiple_of ${multipleOf}` : '')
      : multipleOf > 1
        ? `rounded up to a multiple of mlp_multiple_of ${multipleOf}`
        : '';
  const literal = index.get('intermediate_size');
  if (literal && literal.value !== null) {
    const field = fieldFromEntry(literal, 'ffnHiddenSize', false);
    if (field.origin !== 'file' || field.value === null) return field;
    const width = neoxBranchWidth(field.value, gated, multipleOf);
    const note = how(field.value);
    // A huge mlp_multiple_of can round the width past any model: invalid, on the setting that does it.
    const checked = derivedSize('ffnHiddenSize', width, note || `intermediate_size ${field.value}`, multipleOfEntry ?? literal);
    if (checked.origin === 'invalid') return checked;
    return { ...field, value: width, ...(note ? { note } : {}), ...(gated ? { toLiteral: (effective: number) => 3 * effective, written: field.value } : {}) };
  }
  const h = valueOf(hiddenSize);
  if (h === undefined) return unknownField('hidden size unknown');
  const mlpType = index.get('mlp_type');
  if (mlpType?.value === 'gated') {
    // Stability-AI's gpt-neox fork (StableLM): one gated branch of int(8h/3), rounded up.
    const width = roundUpToMultiple(Math.floor((8 * h) / 3), multipleOf);
    return derivedSize('ffnHiddenSize', width, `mlp_type gated: int(8·${h}/3) rounded up to a multiple of mlp_multiple_of ${multipleOf}`, mlpType);
  }
  const factor = index.get('expansion_factor');
  if (typeof factor?.value === 'number') {
    const ffn = Math.floor(factor.value * h);
    return derivedSize('ffnHiddenSize', neoxBranchWidth(ffn, gated, multipleOf), `expansion_factor ${factor.value} × hidden ${h}; ${how(ffn)}`, factor);
  }
  const ffn = DEFAULT_MLP_EXPANSION * h;
  const note = `GPT-NeoX default ${DEFAULT_MLP_EXPANSION} × hidden size${gated ? `; ${how(ffn)}` : ''}`;
  const width = neoxBranchWidth(ffn, gated, multipleOf);
  const checked = derivedSize('ffnHiddenSize', width, note, multipleOfEntry);
  return checked.origin === 'invalid' ? checked : defaultField(width, note);
}

function neoxPipeline(index: EntryIndex): NumberField {
  const entry = index.get('pipe_parallel_size');
  if (!entry || entry.value === null) return defaultField(1, 'GPT-NeoX default pipe_parallel_size 0: no pipeline (1 stage)');
  if (entry.value === 0) {
    const { invalidText: _zero, ...located } = fieldFromEntry(entry, 'pipelineParallel', false);
    return { ...located, value: 1, origin: 'file', note: 'pipe_parallel_size 0 disables pipeline parallelism: 1 stage' };
  }
  return fieldFromEntry(entry, 'pipelineParallel', false);
}

/** `attention_config: [[["flash"], 32]]` names the attention type per group of layers. */
function neoxAttention(document: ConfigDocument): ShapeField<AttentionImplementation> {
  const attention = document.entries.filter((entry) => entry.path[0]?.replace(/-/g, '_') === 'attention_config' && !entry.empty);
  const flash = attention.find((entry) => entry.value === 'flash');
  if (flash) return fieldAt<AttentionImplementation>(flash, 'flash');
  if (attention.length > 0) return fieldAt<AttentionImplementation>(attention[0], 'unfused', 'attention_config has no flash layers: global attention, unfused');
  return defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource);
}

/** DeepSpeed `zero_optimization.stage`: 0 shards nothing; 1, 2, 3 shard the optimizer, + gradients, + weights. */
const ZERO_STAGES: Readonly<Record<string, Sharding>> = { '0': 'none', '1': 'zero-1', '2': 'zero-2', '3': 'zero-3' };

/** NeoX's `precision` ("fp16", "bfloat16"), else DeepSpeed's `fp16`/`bf16` sections (`enabled`, or NeoX's own `"fp16": true` inside). */
function neoxPrecision(index: EntryIndex): ShapeField<Dtype> {
  const precision = index.get('precision');
  const named: Record<string, Dtype> = { fp16: 'fp16', float16: 'fp16', bfloat16: 'bf16', bf16: 'bf16' };
  if (precision && typeof precision.value === 'string' && named[precision.value]) return fieldAt<Dtype>(precision, named[precision.value]);
  return (
    precisionSwitch(index, [['bf16.enabled', 'bf16'], ['fp16.enabled', 'fp16'], ['fp16.fp16', 'fp16']]) ??
    unknownField<Dtype>('no precision, fp16 or bf16 section: GPT-NeoX trains in FP32, which shapelint does not model')
  );
}
