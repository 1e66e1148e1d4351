import type { ConfigDocument } from '../pipeline/document';
import { parseYaml } from '../parse/yaml';
import { defaultField, derivedField, unknownField, type ModelShape, type NumberField, type NumericFieldName } from '../pipeline/shape';
import { booleanValue, completeShape, EntryIndex, fieldAt, readDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { countKeys, extensionOf, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * MaxText model YAML (`MaxText/configs/models/llama2-7b.yml`): `base_emb_dim`,
 * `base_num_query_heads`, `base_num_kv_heads`, `base_mlp_dim`, `base_num_decoder_layers`, each
 * multiplied by `global_parameter_scale` (MaxText's `pyconfig`; 1 unless set), and `head_dim`
 * apart from emb_dim / heads. Two `mlp_activations` (["silu", "linear"]) make a gated MLP. The
 * vocabulary is used as written. Run settings (`max_target_length`, `per_device_batch_size`,
 * `ici_tensor_parallelism`) usually come from base.yml or the command line.
 */
const MAXTEXT_KEYS = ['base_emb_dim', 'base_num_query_heads', 'base_num_kv_heads', 'base_mlp_dim', 'base_num_decoder_layers'];

export const maxtextReader: FormatReader = {
  id: 'maxtext',
  label: 'MaxText model YAML',
  evidence: MAXTEXT_KEYS,

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    return countKeys(sniffHead(text), MAXTEXT_KEYS) >= 2 ? 0.9 : 0;
  },

  parse: parseYaml,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const scaleEntry = index.get('global_parameter_scale');
    const scale = typeof scaleEntry?.value === 'number' && scaleEntry.value > 0 ? scaleEntry.value : 1;
    const scaled = (name: NumericFieldName, key: string): NumberField => {
      const field = readField(index, name, [key], () => unknownField(`no ${key}`));
      const value = valueOf(field);
      if (scale === 1 || value === undefined) return field;
      return { ...field, ...derivedField(value * scale, `${key} ${value} × global_parameter_scale ${scale}`), usedAt: scaleEntry?.valueSpan };
    };
    const activations = document.entries.filter((entry) => entry.path[0] === 'mlp_activations');
    const gated = activations.length >= 2;
    const numHeads = scaled('numHeads', 'base_num_query_heads');
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], () => unknownField('no vocab_size'));
    // MaxText applies one dropout_rate in its decoder layers, and none with enable_dropout False.
    const enableDropout = index.get('enable_dropout');
    const dropout =
      enableDropout && booleanValue(enableDropout) === false
        ? fieldAt<number>(enableDropout, 0, 'enable_dropout False: no dropout')
        : readDropout(index, ['dropout_rate'], () => unknownField('dropout_rate comes from base.yml or the command line'));
    return completeShape(
      'maxtext',
      {
        hiddenSize: scaled('hiddenSize', 'base_emb_dim'),
        numLayers: scaled('numLayers', 'base_num_decoder_layers'),
        numHeads,
        numKvHeads: scaled('numKvHeads', 'base_num_kv_heads'),
        headDim: readField(index, 'headDim', ['head_dim'], () => unknownField('no head_dim (MaxText takes it from base.yml, not emb_dim / heads)')),
        ffnHiddenSize: scaled('ffnHiddenSize', 'base_mlp_dim'),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'MaxText does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'MaxText does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', ['max_target_length'], () => unknownField('max_target_length comes from base.yml or the command line')),
        microBatchSize: readField(index, 'microBatchSize', ['per_device_batch_size'], () => unknownField('per_device_batch_size comes from base.yml or the command line')),
        tensorParallel: readField(index, 'tensorParallel', ['ici_tensor_parallelism'], () => unknownField('ici_tensor_parallelism comes from base.yml or the command line')),
        pipelineParallel: readField(index, 'pipelineParallel', ['ici_pipeline_parallelism'], () => unknownField('ici_pipeline_parallelism comes from base.yml or the command line')),
        numExperts: readField(index, 'numExperts', ['num_experts'], () => defaultField(1, 'dense model (no num_experts)')),
        expertsPerToken: readField(index, 'expertsPerToken', ['num_experts_per_tok'], () => defaultField(1, 'dense model (no experts)')),
      },
      {
        activation: activations[0] ? fieldAt(activations[0], gated ? `${String(activations[0].value)}-glu` : String(activations[0].value)) : unknownField('no mlp_activations'),
        gatedMlp: gated,
        attentionKernel: unknownField('MaxText picks its attention kernel from base.yml (attention)'),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
      },
    );
  },
};
