import type { ConfigDocument } from '../model/document';
import { resolveInterpolations } from '../parse/interpolation';
import { parseYaml } from '../parse/yaml';
import { defaultField, derivedField, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { booleanValue, catalogueActivation, catalogueLatentAttention, catalogueFields, checkpointSetting, completeShape, derivedHeadDim, derivedSize, EntryIndex, fieldAt, FSDP_SHARDING_STRATEGIES, readChoice, readDropout, readField, tokenizerVocab, valueOf } from './fields';
import { namedModel } from './hub-models';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS } from './catalogue/framework-defaults';
import type { FormatReader, ReadContext } from './format';
import { OLMO_ONLY_KEYS } from './refusals';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * llm-foundry (MPT) training YAML (`scripts/train/yamls/pretrain/mpt-125m.yaml`): the model under
 * `model:` with MPTConfig's names (`d_model`, `n_heads`, `n_layers`, `expansion_ratio`,
 * `max_seq_len`, `vocab_size`), OmegaConf `${...}` interpolation, `device_train_microbatch_size`.
 * MPT's MLP is `expansion_ratio`·d_model wide (MPTConfig default ratio 4), ungated unless
 * `ffn_config.ffn_type` is `mptglu`; `vocab_size` is the embedding's rows.
 */
const DEFAULT_EXPANSION_RATIO = 4;
const MPT = FRAMEWORK_DEFAULTS.foundry;
const FOUNDRY_KEYS = ['d_model', 'n_heads', 'n_layers', 'expansion_ratio', 'max_seq_len', 'device_train_microbatch_size', 'global_train_batch_size'];

export const foundryReader: FormatReader = {
  id: 'foundry',
  label: 'llm-foundry (MPT) YAML',
  evidence: ['model', ...FOUNDRY_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    // OLMo's trainer YAML shares d_model, n_heads, n_layers and the batch keys, but sizes its MLP and embedding its own way.
    if (countKeys(head, OLMO_ONLY_KEYS) >= 2) return 0;
    if (!hasTopLevelKey(head, 'model')) return 0;
    // `hf_causal_lm` wraps a Hub model: its name plus llm-foundry's own run keys say so together.
    if (/^[ \t]+name:[ \t]*hf_causal_lm\b/m.test(head) && countKeys(head, ['pretrained_model_name_or_path']) === 1 && countKeys(head, FOUNDRY_KEYS) >= 2) return 0.9;
    return countKeys(head, FOUNDRY_KEYS) >= 4 ? 0.9 : 0;
  },

  parse(text) {
    return resolveInterpolations(parseYaml(text, 'omegaconf'));
  },

  read(document: ConfigDocument, context?: ReadContext): ModelShape {
    const index = new EntryIndex(document, (path) => (path[0] === 'model' ? path.slice(1).join('.') : path.join('.')));
    if (index.get('name')?.value === 'hf_causal_lm') return readHfCausalLm(index, context);
    const hiddenSize = readField(index, 'hiddenSize', ['d_model'], () => unknownField('no model.d_model'));
    const numHeads = readField(index, 'numHeads', ['n_heads'], () => unknownField('no model.n_heads'));
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], () => unknownField('no model.vocab_size'));
    const ffnType = index.get('ffn_config.ffn_type');
    // MegaBlocks experts are gated with ffn_config.mlp_type glu (DBRX's).
    const gated = ffnType?.value === 'mptglu' || index.get('ffn_config.mlp_type')?.value === 'glu';
    const shape = completeShape(
      'foundry',
      {
        hiddenSize,
        numLayers: readField(index, 'numLayers', ['n_layers'], () => unknownField('no model.n_layers')),
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['attn_config.kv_n_heads'], () => defaultField(numHeads.value, 'multi-head attention (no attn_config.kv_n_heads)')),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: mptFfn(index, hiddenSize),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'MPT does not pad: vocab_size is the embedding'),
        vocabDivisor: defaultField<number>(null, 'MPT does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', ['max_seq_len'], () => unknownField('no model.max_seq_len')),
        ...foundryBatchAndLayout(index),
        ...mptExperts(index, ffnType?.value),
      },
      {
        activation: ffnType ? fieldAt(ffnType, gated ? 'gelu-glu' : 'gelu') : defaultField('gelu', 'MPT default ffn_type mptmlp (GELU)'),
        gatedMlp: gated,
        attentionKernel: readChoice(index, ['attn_config.attn_impl'], (entry) => MPT_ATTENTION[String(entry.value)] ?? null, () => unknownField('no attn_config.attn_impl')),
        kvHeadsMayDivideTensorParallel: false,
        ...foundryRunChoices(index),
        attentionDropout: readDropout(index, ['attn_config.attn_pdrop'], () => defaultField(MPT.attentionDropout, `MPTConfig default attn_config.attn_pdrop ${MPT.attentionDropout}`)),
        hiddenDropout: readDropout(index, ['resid_pdrop'], () => defaultField(MPT.hiddenDropout, `MPTConfig default resid_pdrop ${MPT.hiddenDropout}`)),
      },
    );
    const loadsCheckpoint = checkpointSetting(index, ['load_path']);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

/**
 * MegaBlocks MoE (`ffn_type: mb_moe` / `mb_dmoe`, llmfoundry/models/layers/ffn.py build_mb_moe @
 * 63d37d79): `ffn_config.moe_num_experts` experts of the MLP width, `moe_top_k` per token.
 */
const MOE_FFN_TYPES = new Set(['mb_moe', 'mb_dmoe']);

function mptExperts(index: EntryIndex, ffnType: unknown): Pick<ModelShape, 'numExperts' | 'expertsPerToken'> {
  if (typeof ffnType !== 'string' || !MOE_FFN_TYPES.has(ffnType)) return { numExperts: defaultField(1, 'dense MPT'), expertsPerToken: defaultField(1, 'dense MPT') };
  return {
    numExperts: readField(index, 'numExperts', ['ffn_config.moe_num_experts'], () => unknownField(`ffn_type ${ffnType} without ffn_config.moe_num_experts`)),
    expertsPerToken: readField(index, 'expertsPerToken', ['ffn_config.moe_top_k'], () => unknownField(`ffn_type ${ffnType} without ffn_config.moe_top_k`)),
  };
}

/** MPTMLP (and each MoE expert): ffn_config.ffn_hidden_size, else expansion_ratio · d_model, located on what the file sets. */
function mptFfn(index: EntryIndex, hiddenSize: NumberField): NumberField {
  const explicit = index.get('ffn_config.ffn_hidden_size');
  if (explicit && explicit.value !== null) return readField(index, 'ffnHiddenSize', ['ffn_config.ffn_hidden_size'], () => unknownField('no ffn_config.ffn_hidden_size'));
  const h = valueOf(hiddenSize);
  const ratioEntry = index.get('expansion_ratio');
  const ratio = typeof ratioEntry?.value === 'number' ? ratioEntry.value : DEFAULT_EXPANSION_RATIO;
  if (h === undefined) return unknownField('d_model unknown');
  const how = `expansion_ratio ${ratio}${ratioEntry ? '' : ' (MPTConfig default)'} × d_model ${h}`;
  return ratioEntry ? derivedSize('ffnHiddenSize', Math.floor(ratio * h), how, ratioEntry) : defaultField(ratio * h, how);
}

/**
 * `model.name: hf_causal_lm` (llmfoundry/models/hf/hf_causal_lm.py): the Hub model
 * `pretrained_model_name_or_path` names, through the model catalogue or the local Hugging Face
 * cache; its vocabulary is the tokenizer's (`tokenizer.name`), the run's settings llm-foundry's.
 */
function readHfCausalLm(index: EntryIndex, context: ReadContext | undefined): ModelShape {
  const source = index.get('pretrained_model_name_or_path');
  const named = namedModel(source, context);
  const model: Partial<Record<NumericFieldName, NumberField>> = named ? catalogueFields(named.model, named.entry) : {};
  const why = typeof source?.value === 'string' ? `the shape is ${source.value}'s, which is not in the model catalogue or in your local Hugging Face cache` : 'no model.pretrained_model_name_or_path';
  const shape = completeShape(
    'foundry',
    {
      ...model,
      hiddenSize: model.hiddenSize ?? unknownField(why),
      vocabSize: tokenizerVocab(undefined, index.get('tokenizer.name') ?? source) ?? model.vocabSize ?? unknownField(why),
      vocabDivisor: defaultField<number>(null, 'hf_causal_lm keeps the checkpoint\'s embedding'),
      seqLength: readField(index, 'seqLength', ['max_seq_len'], () => unknownField('no max_seq_len')),
      ...foundryBatchAndLayout(index),
    },
    {
      activation: named ? catalogueActivation(named.model, named.entry) : unknownField(why),
      gatedMlp: named?.model.gatedMlp ?? false,
      ...(named ? catalogueLatentAttention(named.model, named.entry) : {}),
      attentionKernel: defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.hf.attention, LAUNCH_DEFAULTS.hf.attentionSource),
      kvHeadsMayDivideTensorParallel: false,
    },
  );
  const loads = booleanValue(index.get('pretrained')) === true && typeof source?.value === 'string' ? { loadsCheckpoint: `pretrained_model_name_or_path ${source.value}` } : {};
  return { ...shape, ...(named ? { catalogueModel: named.model.name } : {}), ...loads };
}

/**
 * The run keys llm-foundry's train.py reads whatever the model (MPT or `hf_causal_lm`):
 * `device_train_microbatch_size` and `global_train_batch_size`; FSDP, never TP or PP.
 */
function foundryBatchAndLayout(index: EntryIndex): Pick<ModelShape, 'microBatchSize' | 'globalBatchSize' | 'tensorParallel' | 'pipelineParallel'> {
  return {
    microBatchSize: readField(index, 'microBatchSize', ['device_train_microbatch_size'], () => unknownField('no device_train_microbatch_size')),
    globalBatchSize: readField(index, 'globalBatchSize', ['global_train_batch_size'], () => unknownField('no global_train_batch_size')),
    tensorParallel: defaultField(1, 'llm-foundry shards with FSDP: no tensor parallelism'),
    pipelineParallel: defaultField(1, 'llm-foundry has no pipeline parallelism'),
  };
}

/** MPT's attn_config.attn_impl: `flash` and `triton` are fused FlashAttention kernels, `torch` the unfused attention. */
const MPT_ATTENTION: Record<string, AttentionImplementation> = { flash: 'flash', triton: 'flash', torch: 'unfused' };

/**
 * `fsdp_config`: llm-foundry hands it to Composer as `parallelism_config={'fsdp': fsdp_config}`
 * (llmfoundry/command_utils/train.py @ 1d7029d6). Composer builds an FSDPConfig from any map, an
 * empty one included, whose sharding_strategy defaults to FULL_SHARD (composer/utils/parallelism.py
 * @ 008dac70); None (the key absent, `fsdp_config:` or `fsdp_config: null`) builds none, and
 * Composer trains with DDP. FULL_SHARD and HYBRID_SHARD (FULL_SHARD within a node) shard like FSDP,
 * SHARD_GRAD_OP is ZeRO-2, NO_SHARD plain data parallelism. `activation_checkpointing: true`
 * recomputes every block.
 */
function foundryRunChoices(index: EntryIndex): Pick<ModelShape, 'sharding' | 'recompute'> {
  const checkpointing = index.get('fsdp_config.activation_checkpointing');
  const on = booleanValue(checkpointing);
  const recompute: ShapeField<RecomputeMode> = checkpointing && on !== undefined ? fieldAt<RecomputeMode>(checkpointing, on ? 'full' : 'none') : defaultField<RecomputeMode>('none', 'Composer FSDP default activation_checkpointing false');
  return { sharding: foundrySharding(index), recompute };
}

const WITHOUT_FSDP = 'llm-foundry passes fsdp_config None to Composer, which trains without FSDP (DDP)';

function foundrySharding(index: EntryIndex): ShapeField<Sharding> {
  if (index.has('fsdp_config.sharding_strategy')) {
    return readChoice(index, ['fsdp_config.sharding_strategy'], (entry) => FSDP_SHARDING_STRATEGIES[String(entry.value)] ?? null, () => unknownField());
  }
  const fsdpConfig = index.get('fsdp_config');
  const isMap = fsdpConfig?.empty === 'map' || [...index.keys()].some((key) => key.startsWith('fsdp_config.'));
  if (isMap) return defaultField<Sharding>('fsdp', 'fsdp_config without sharding_strategy: Composer FSDPConfig default FULL_SHARD');
  if (!fsdpConfig) return defaultField<Sharding>('none', `no fsdp_config: ${WITHOUT_FSDP}`);
  if (fsdpConfig.value === null && !fsdpConfig.unresolved) return fieldAt<Sharding>(fsdpConfig, 'none', `fsdp_config null: ${WITHOUT_FSDP}`);
  // A scalar is no FSDP settings map (Composer's FSDPConfig(**value) fails); an interpolation stays unresolved.
  return readChoice<Sharding, string>(index, ['fsdp_config'], () => null, () => unknownField());
}
