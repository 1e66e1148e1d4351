import type { ConfigDocument } from '../model/document';
import { resolveInterpolations } from '../parse/interpolation';
import { parseYaml } from '../parse/yaml';
import { defaultField, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { booleanSetting, booleanValue, checkpointSetting, completeShape, tokenizerVocab, derivedHeadDim, EntryIndex, fieldAt, isGatedActivation, paddedVocabByDivisor, readChoice, readDropout, readField, gpusOfNodes, stringField, untiedEmbeddingsSwitch, valueOf } from './fields';
import type { FormatReader } from './format';
import { megatronMoeLayers } from './moe-layers';
import type { Dtype } from '../model/prediction';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, TP_COMM_OVERLAP_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * NeMo 1.x Hydra YAML (`examples/nlp/language_modeling/conf/megatron_gpt_config.yaml`): the
 * model under `model:`, sequence length as `encoder_seq_length`, OmegaConf interpolation.
 * NeMo builds Megatron-core models, so `ffn_hidden_size` is the per-branch width of a gated
 * MLP and query groups may divide TP. T5 configs keep the shape under `model.encoder`.
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.nemo;
const LAUNCH = LAUNCH_DEFAULTS.nemo;

const NEMO_KEYS = [
  'encoder_seq_length',
  'tensor_model_parallel_size',
  'pipeline_model_parallel_size',
  'micro_batch_size',
  'make_vocab_size_divisible_by',
  'num_layers',
  'hidden_size',
  'ffn_hidden_size',
  'num_attention_heads',
  'exp_manager',
  'trainer',
  'restore_from_path',
  'megatron_amp_O2',
];

export const nemoReader: FormatReader = {
  id: 'nemo',
  label: 'NeMo YAML',
  evidence: ['model', ...NEMO_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    if (!hasTopLevelKey(head, 'model')) return 0;
    const hits = countKeys(head, NEMO_KEYS);
    return hits >= 4 ? 0.85 : hits >= 2 ? 0.6 : 0;
  },

  parse(text) {
    return resolveInterpolations(parseYaml(text, 'omegaconf'));
  },

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document, (path) => (path[0] === 'model' ? path.slice(1).join('.') : path.join('.')));
    const keys = (name: string): string[] => [name, `encoder.${name}`];
    const hiddenSize = readField(index, 'hiddenSize', keys('hidden_size'), () => unknownField('NeMo has no default hidden size'));
    const numHeads = readField(index, 'numHeads', keys('num_attention_heads'), () => unknownField('NeMo has no default head count'));
    const tensorParallel = readField(index, 'tensorParallel', ['tensor_model_parallel_size', 'distributed_strategy.tensor_model_parallel_size'], () =>
      defaultField(DEFAULTS.parallelSize, `NeMo default tensor_model_parallel_size ${DEFAULTS.parallelSize}`),
    );
    const activation = stringField(index.get(...keys('activation')), defaultField(DEFAULTS.activation, `NeMo default activation ${DEFAULTS.activation}`));
    const vocabSize = readField(index, 'vocabSize', ['vocab_size', 'tokenizer.vocab_size'], () =>
      tokenizerVocab(index.get('tokenizer.type'), index.get('tokenizer.model')) ??
      unknownField('NeMo takes the vocabulary from the tokenizer (model.tokenizer)'),
    );
    const vocabDivisor = readField(index, 'vocabDivisor', ['make_vocab_size_divisible_by'], () =>
      defaultField(DEFAULTS.makeVocabSizeDivisibleBy, `NeMo default make_vocab_size_divisible_by ${DEFAULTS.makeVocabSizeDivisibleBy}`),
    );
    const numExperts = readField(index, 'numExperts', ['num_moe_experts'], () => defaultField(1, 'dense model (no num_moe_experts)'));
    const h = valueOf(hiddenSize);
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const numLayers = readField(index, 'numLayers', keys('num_layers'), () => unknownField('NeMo has no default layer count'));
    const denseFfn = (name: 'ffnHiddenSize' | 'denseFfnHiddenSize') => (): NumberField =>
      readField(index, name, keys('ffn_hidden_size'), () => defaultField(h === undefined ? null : DEFAULT_MLP_EXPANSION * h, `NeMo default ${DEFAULT_MLP_EXPANSION} × hidden size`));

    const shape = completeShape(
      'nemo',
      {
        hiddenSize,
        numLayers,
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', [...keys('num_query_groups'), 'num_kv_heads'], () =>
          defaultField(numHeads.value, 'num_query_groups null: multi-head attention, one per head'),
        ),
        headDim: readField(index, 'headDim', keys('kv_channels'), () => derivedHeadDim(hiddenSize, numHeads)),
        // Megatron-core's TransformerConfig sizes the experts by moe_ffn_hidden_size, which defaults to ffn_hidden_size.
        ffnHiddenSize: moe ? readField(index, 'ffnHiddenSize', ['moe_ffn_hidden_size'], denseFfn('ffnHiddenSize')) : denseFfn('ffnHiddenSize')(),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, 'NeMo'),
        vocabDivisor,
        seqLength: nemoSeqLength(index),
        microBatchSize: readField(index, 'microBatchSize', ['micro_batch_size', 'data.micro_batch_size'], () => unknownField('no micro_batch_size in this file')),
        tensorParallel,
        pipelineParallel: readField(index, 'pipelineParallel', ['pipeline_model_parallel_size', 'distributed_strategy.pipeline_model_parallel_size'], () =>
          defaultField(DEFAULTS.parallelSize, `NeMo default pipeline_model_parallel_size ${DEFAULTS.parallelSize}`),
        ),
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['moe_router_topk'], () =>
          (valueOf(numExperts) ?? 1) > 1
            ? defaultField(DEFAULTS.moeRouterTopk, `NeMo (Megatron-core) default moe_router_topk ${DEFAULTS.moeRouterTopk}`)
            : defaultField(1, 'dense model (no experts)'),
        ),
        ...nemoRunSizes(index),
        ...(moe ? megatronMoeLayers(index, { frequency: 'moe_layer_freq', shared: 'moe_shared_expert_intermediate_size' }, numLayers, denseFfn('denseFfnHiddenSize'), 'NeMo (Megatron-core)') : {}),
      },
      {
        activation,
        gatedMlp: isGatedActivation(activation.value),
        attentionKernel: nemoAttention(index),
        dtype: readChoice(index, ['trainer.precision'], (entry) => NEMO_PRECISION[String(entry.value)] ?? null, () => unknownField<Dtype>('no trainer.precision')),
        recompute: readChoice(index, ['activations_checkpoint_granularity'], (entry) => (entry.value === 'full' || entry.value === 'selective' ? entry.value : null), () =>
          defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
        ),
        kvHeadsMayDivideTensorParallel: true,
        ...nemoRunChoices(index),
        attentionDropout: readDropout(index, keys('attention_dropout'), () =>
          defaultField(DEFAULTS.attentionDropout, `NeMo default attention_dropout ${DEFAULTS.attentionDropout}`),
        ),
        hiddenDropout: readDropout(index, keys('hidden_dropout'), () => defaultField(DEFAULTS.hiddenDropout, `NeMo default hidden_dropout ${DEFAULTS.hiddenDropout}`)),
        untiedEmbeddings: untiedEmbeddingsSwitch(index, ['share_embeddings_and_output_weights'], 'tie', () => defaultField(UNTIED_EMBEDDINGS_DEFAULTS.nemo.untied, UNTIED_EMBEDDINGS_DEFAULTS.nemo.source)),
        tpCommOverlap: booleanSetting(index, ['ub_tp_comm_overlap'], () => defaultField(TP_COMM_OVERLAP_DEFAULTS.nemo.overlap, TP_COMM_OVERLAP_DEFAULTS.nemo.source)),
      },
    );
    const loadsCheckpoint = checkpointSetting(index, CHECKPOINT_KEYS);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

/** Settings that start from trained weights: SFT/PEFT `model.restore_from_path`, `exp_manager.resume_from_checkpoint`, NeMo 2 `resume_from`. */
const CHECKPOINT_KEYS = ['restore_from_path', 'pretrained_checkpoint.restore_from_path', 'exp_manager.resume_from_checkpoint', 'resume_from', 'resume.restore_config.path'];

/**
 * `transformer_engine: True` runs Transformer Engine's attention (use_flash_attention then does
 * nothing, says the config's comment); without it, `use_flash_attention` picks FlashAttention over
 * Megatron-Core's unfused attention.
 */
function nemoAttention(index: EntryIndex): ShapeField<AttentionImplementation> {
  const engine = index.get('transformer_engine');
  if (engine && booleanValue(engine) === true) return fieldAt<AttentionImplementation>(engine, 'transformer-engine', 'Transformer Engine picks flash or cuDNN fused attention');
  const entry = index.get('use_flash_attention', 'fusions.flash_attention');
  const value = booleanValue(entry);
  if (entry && (value !== undefined || entry.unresolved)) return fieldAt<AttentionImplementation>(entry, value === undefined ? null : value ? 'flash' : 'unfused');
  return defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource);
}

/** The run's sizes: `trainer.num_nodes × trainer.devices`, and the model's parallel sizes and global batch (NeMo's megatron_gpt_config.yaml defaults: 1, none). */
function nemoRunSizes(index: EntryIndex): Pick<ModelShape, 'contextParallel' | 'expertParallel' | 'virtualStages' | 'globalBatchSize' | 'gpus' | 'gpusPerNode'> {
  const one = (key: string) => () => defaultField(1, `NeMo default ${key} 1`);
  const devices = readField(index, 'gpusPerNode', ['trainer.devices'], () => unknownField('no trainer.devices'));
  const nodes = readField(index, 'gpus', ['trainer.num_nodes'], () => defaultField(1, 'NeMo default trainer.num_nodes 1'));
  return {
    contextParallel: readField(index, 'contextParallel', ['context_parallel_size'], one('context_parallel_size')),
    expertParallel: readField(index, 'expertParallel', ['expert_model_parallel_size'], one('expert_model_parallel_size')),
    virtualStages: readField(index, 'virtualStages', ['virtual_pipeline_model_parallel_size'], () => defaultField(1, 'NeMo default virtual_pipeline_model_parallel_size null: no interleaving')),
    globalBatchSize: readField(index, 'globalBatchSize', ['global_batch_size'], () => unknownField('no global_batch_size')),
    gpus: gpusOfNodes(nodes, devices, devices, (nodeCount, perNode) => `trainer.num_nodes ${nodeCount} × trainer.devices ${perNode}`, 'trainer.devices is not a number of GPUs in this file'),
    gpusPerNode: devices,
  };
}

/**
 * The training sequence length. NeMo's megatron_gpt_model.py builds the GPT dataset with
 * `sequence_length=cfg.data.seq_length`, so `model.data.seq_length` sets the activations' s;
 * `encoder_seq_length` is only the model's `max_sequence_length` (position embeddings, RoPE)
 * and may be far longer (mistral_nemo_12b.yaml: 1024000 against a data.seq_length of 2048).
 * Where data.seq_length interpolates `${model.encoder_seq_length}`, the value is edited there.
 */
function nemoSeqLength(index: EntryIndex): NumberField {
  const dataSeq = index.get('data.seq_length');
  if (dataSeq && !dataSeq.usedAt && dataSeq.value !== null) {
    const field = readField(index, 'seqLength', ['data.seq_length'], () => unknownField('no data.seq_length'));
    const encoder = index.get('encoder_seq_length');
    const beside = encoder && encoder.value !== field.value ? `; encoder_seq_length ${String(encoder.value)} only sizes the position embeddings` : '';
    return field.origin === 'file' ? { ...field, note: `model.data.seq_length: the dataset's sequence length, which NeMo trains on (megatron_gpt_model.py)${beside}` } : field;
  }
  return readField(index, 'seqLength', ['encoder_seq_length', 'seq_length', 'data.seq_length'], () => unknownField('no encoder_seq_length in this file'));
}

/**
 * `optim.name` values that shard the optimizer states over the data-parallel ranks: NeMo's
 * megatron_base_model.py sets `with_distributed_adam` for `distributed_fused_adam` (Apex's
 * DistributedFusedAdam) and for `mcore_distributed_optim` (Megatron-core's distributed optimizer).
 */
const NEMO_DISTRIBUTED_OPTIMIZERS = new Set(['distributed_fused_adam', 'mcore_distributed_optim']);

/** `sequence_parallel` (default false) and `optim.name` (a distributed optimizer or not). */
function nemoRunChoices(index: EntryIndex): Pick<ModelShape, 'sequenceParallel' | 'sharding'> {
  const sequence = index.get('sequence_parallel');
  return {
    sequenceParallel: sequence && booleanValue(sequence) !== undefined ? fieldAt(sequence, booleanValue(sequence) === true) : defaultField(false, 'NeMo default sequence_parallel false'),
    sharding: readChoice(index, ['optim.name'], (entry) => (NEMO_DISTRIBUTED_OPTIMIZERS.has(String(entry.value)) ? 'distributed-optimizer' : 'none'), () => unknownField<Sharding>('no optim.name')),
  };
}

/** Lightning's trainer.precision values that NeMo configs use; 32 (FP32) is not modelled. */
const NEMO_PRECISION: Record<string, Dtype> = { bf16: 'bf16', 'bf16-mixed': 'bf16', '16': 'fp16', '16-mixed': 'fp16' };
