import type { ConfigDocument } from '../model/document';
import { resolveInterpolations } from '../parse/interpolation';
import { parseYaml } from '../parse/yaml';
import { defaultField, derivedField, unknownField, type AttentionImplementation, type ModelShape, type NumberField } from '../model/shape';
import { booleanValue, checkpointSetting, completeShape, derivedHeadDim, EntryIndex, fieldAt, fieldFromEntry, readChoice, readDropout, readField, valueOf } from './fields';
import { LAUNCH_DEFAULTS } from './catalogue/framework-defaults';
import type { FormatReader } from './format';
import { OLMO_ONLY_KEYS } from './refusals';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * OLMo's trainer YAML (`configs/official/OLMo-7B.yaml`): the model under `model:` with
 * `ModelConfig`'s names and defaults (allenai/OLMo olmo/config.py @ 362f460f: d_model 768, n_heads
 * 12, n_layers 12, mlp_ratio 4, activation_type swiglu, max_sequence_length 1024, vocab_size 50257,
 * embedding_size 50304, attention and residual dropout 0.1, flash_attention false). The MLP's
 * `ff_proj` is `mlp_hidden_size` (else mlp_ratio × d_model) wide and SwiGLU halves it
 * (`output_multiplier` 0.5, olmo/model.py), so a gated MLP's branch is half the written size. The
 * embedding has `embedding_size` rows (the padded vocabulary). OmegaConf loads it.
 */
const SOURCE = 'allenai/OLMo olmo/config.py ModelConfig @ 362f460f';
const DEFAULTS = { dModel: 768, nHeads: 12, nLayers: 12, mlpRatio: 4, maxSequenceLength: 1024, vocabSize: 50257, embeddingSize: 50304, dropout: 0.1 };
const OLMO_SHAPE_KEYS = ['d_model', 'n_heads', 'n_layers'];

export const olmoReader: FormatReader = {
  id: 'olmo',
  label: 'OLMo trainer YAML',
  evidence: [...OLMO_SHAPE_KEYS, ...OLMO_ONLY_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    return hasTopLevelKey(head, 'model') && countKeys(head, OLMO_SHAPE_KEYS) >= 2 && countKeys(head, OLMO_ONLY_KEYS) >= 2 ? 0.92 : 0;
  },

  parse(text) {
    return resolveInterpolations(parseYaml(text, 'omegaconf'));
  },

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document, (path) => (path[0] === 'model' ? path.slice(1).join('.') : `run.${path.join('.')}`));
    const modelDefault = (key: string, value: number) => () => defaultField(value, `OLMo ModelConfig default ${key} ${value} (${SOURCE})`);
    const hiddenSize = readField(index, 'hiddenSize', ['d_model'], modelDefault('d_model', DEFAULTS.dModel));
    const numHeads = readField(index, 'numHeads', ['n_heads'], modelDefault('n_heads', DEFAULTS.nHeads));
    const activation = index.get('activation_type');
    const activationName = typeof activation?.value === 'string' ? activation.value : 'swiglu';
    const gated = activationName === 'swiglu';
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], modelDefault('vocab_size', DEFAULTS.vocabSize));
    const multiQuery = index.get('multi_query_attention');
    const shape = completeShape(
      'olmo',
      {
        hiddenSize,
        numLayers: readField(index, 'numLayers', ['n_layers'], modelDefault('n_layers', DEFAULTS.nLayers)),
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['n_kv_heads'], () =>
          booleanValue(multiQuery) === true ? fieldAt<number>(multiQuery!, 1, 'multi_query_attention: one key/value head') : defaultField(numHeads.value, 'OLMo default n_kv_heads None: one per head'),
        ),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: olmoFfn(index, hiddenSize, gated),
        vocabSize,
        // embedding_size null means vocab_size rows.
        paddedVocabSize: readField(index, 'paddedVocabSize', ['embedding_size'], () =>
          index.has('embedding_size') ? derivedField(vocabSize.value, 'embedding_size null: the embedding has vocab_size rows') : modelDefault('embedding_size', DEFAULTS.embeddingSize)(),
        ),
        vocabDivisor: defaultField<number>(null, 'OLMo pads to embedding_size, not to a multiple'),
        seqLength: readField(index, 'seqLength', ['max_sequence_length'], modelDefault('max_sequence_length', DEFAULTS.maxSequenceLength)),
        microBatchSize: readField(index, 'microBatchSize', ['run.device_train_microbatch_size'], () => unknownField('no device_train_microbatch_size')),
        tensorParallel: defaultField(1, 'OLMo shards with FSDP: no tensor parallelism'),
        pipelineParallel: defaultField(1, 'OLMo has no pipeline parallelism'),
        numExperts: defaultField(1, 'dense OLMo block'),
        expertsPerToken: defaultField(1, 'dense OLMo block'),
      },
      {
        activation: activation ? fieldAt(activation, activationName) : defaultField('swiglu', `OLMo ModelConfig default activation_type swiglu (${SOURCE})`),
        gatedMlp: gated,
        // flash_attention true runs flash_attn; false runs torch's SDPA.
        attentionKernel: readChoice(index, ['flash_attention'], (entry): AttentionImplementation | null => {
          const flash = booleanValue(entry);
          return flash === undefined ? null : flash ? 'flash' : 'sdpa';
        }, () => defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.olmo.attention, LAUNCH_DEFAULTS.olmo.attentionSource)),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: readDropout(index, ['attention_dropout'], modelDefault('attention_dropout', DEFAULTS.dropout)),
        hiddenDropout: readDropout(index, ['residual_dropout'], modelDefault('residual_dropout', DEFAULTS.dropout)),
      },
    );
    const loadsCheckpoint = checkpointSetting(index, ['run.load_path']);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

/** OLMoBlock: ff_proj is mlp_hidden_size (else mlp_ratio × d_model) wide; SwiGLU's output is half of it. */
function olmoFfn(index: EntryIndex, hiddenSize: NumberField, gated: boolean): NumberField {
  const explicit = index.get('mlp_hidden_size');
  const branch = (width: number) => (gated ? width / 2 : width);
  if (explicit && explicit.value !== null) {
    const field = fieldFromEntry(explicit, 'ffnHiddenSize', false);
    if (field.origin !== 'file' || field.value === null) return field;
    if (!gated) return field;
    return { ...field, value: branch(field.value), note: `SwiGLU: ff_proj ${field.value} wide, each branch half of it`, toLiteral: (effective: number) => 2 * effective, written: field.value };
  }
  const h = valueOf(hiddenSize);
  if (h === undefined) return unknownField('d_model unknown');
  const ratioEntry = index.get('mlp_ratio');
  const ratio = typeof ratioEntry?.value === 'number' ? ratioEntry.value : DEFAULTS.mlpRatio;
  const how = `mlp_ratio ${ratio} × d_model ${h}${gated ? ', each SwiGLU branch half of it' : ''}`;
  const width = branch(ratio * h);
  return ratioEntry ? { ...derivedField(width, how), usedAt: ratioEntry.valueSpan } : defaultField(width, `${how} (ModelConfig default mlp_ratio)`);
}
