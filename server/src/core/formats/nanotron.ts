import type { ConfigDocument } from '../model/document';
import { parseYaml } from '../parse/yaml';
import { defaultField, unknownField, type ModelShape } from '../model/shape';
import { checkpointSetting, completeShape, derivedHeadDim, EntryIndex, paddedVocabByDivisor, readChoice, readField, stringField, transformersAttention, valueOf } from './fields';
import type { FormatReader } from './format';
import { extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * Nanotron YAML (`examples/config_*.yaml`): the architecture under `model.model_config` with
 * Hugging Face names (LlamaConfig / Qwen2Config), `parallelism.tp/pp`, `tokens.sequence_length`
 * and `tokens.micro_batch_size`. `DistributedTrainer` pads `vocab_size` to a multiple of
 * `model.make_vocab_size_divisible_by` × TP (`src/nanotron/trainer.py`), and its Llama/Qwen2 MLP
 * is gated (`gate_up_proj`).
 */
export const nanotronReader: FormatReader = {
  id: 'nanotron',
  label: 'Nanotron YAML',
  evidence: ['model', 'model_config', 'parallelism', 'tokens'],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    const sections = ['model', 'parallelism', 'tokens'].filter((key) => hasTopLevelKey(head, key)).length;
    return sections === 3 && /^[ \t]+model_config[ \t]*:/m.test(head) ? 0.95 : 0;
  },

  parse: parseYaml,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document, (path) => (path[0] === 'model' && path[1] === 'model_config' ? path.slice(2).join('.') : path.join('.')));
    const hiddenSize = readField(index, 'hiddenSize', ['hidden_size'], () => unknownField('no model_config.hidden_size'));
    const numHeads = readField(index, 'numHeads', ['num_attention_heads'], () => unknownField('no model_config.num_attention_heads'));
    const tensorParallel = readField(index, 'tensorParallel', ['parallelism.tp'], () => defaultField(1, 'no parallelism.tp: 1'));
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], () => unknownField('no model_config.vocab_size'));
    const vocabDivisor = readField(index, 'vocabDivisor', ['model.make_vocab_size_divisible_by'], () => unknownField('no model.make_vocab_size_divisible_by in this file'));
    const numExperts = readField(index, 'numExperts', ['moe_config.num_experts'], () => defaultField(1, 'dense model (moe_config null)'));
    const activation = stringField(index.get('hidden_act'), unknownField('no model_config.hidden_act'));
    const shape = completeShape(
      'nanotron',
      {
        hiddenSize,
        numLayers: readField(index, 'numLayers', ['num_hidden_layers'], () => unknownField('no model_config.num_hidden_layers')),
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['num_key_value_heads'], () => defaultField(numHeads.value, 'num_key_value_heads not set: one per head')),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: readField(index, 'ffnHiddenSize', (valueOf(numExperts) ?? 1) > 1 ? ['moe_config.moe_intermediate_size', 'intermediate_size'] : ['intermediate_size'], () => unknownField('no model_config.intermediate_size')),
        vocabSize,
        paddedVocabSize: paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, 'Nanotron'),
        vocabDivisor,
        seqLength: readField(index, 'seqLength', ['tokens.sequence_length'], () => unknownField('no tokens.sequence_length')),
        microBatchSize: readField(index, 'microBatchSize', ['tokens.micro_batch_size'], () => unknownField('no tokens.micro_batch_size')),
        tensorParallel,
        pipelineParallel: readField(index, 'pipelineParallel', ['parallelism.pp'], () => defaultField(1, 'no parallelism.pp: 1')),
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['moe_config.top_k'], () => defaultField(1, 'dense model (no experts)')),
      },
      {
        activation,
        gatedMlp: /^(silu|swish)$/i.test(activation.value ?? ''),
        attentionKernel: readChoice(index, ['_attn_implementation'], (entry) => transformersAttention(entry.value), () => unknownField('no _attn_implementation')),
        kvHeadsMayDivideTensorParallel: false,
      },
    );
    // Weights to start from: a checkpoint to resume, or `init_method.path` to load.
    const loadsCheckpoint = checkpointSetting(index, ['checkpoints.resume_checkpoint_path', 'model.init_method.path']);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

