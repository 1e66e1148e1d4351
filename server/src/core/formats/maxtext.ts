import type { ConfigDocument, ConfigEntry } from '../pipeline/document';
import { parseYaml } from '../parse/yaml';
import { defaultField, derivedField, unknownField, type ModelShape, type NumberField, type NumericFieldName } from '../pipeline/shape';
import { booleanValue, completeShape, derivedSize, EntryIndex, fieldAt, readDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { countKeys, extensionOf, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * MaxText model YAML (`MaxText/configs/models/llama2-7b.yml`): `base_emb_dim`,
 * `base_num_query_heads`, `base_num_kv_heads`, `base_mlp_dim`, `base_num_decoder_layers`, scaled
 * by `global_parameter_scale` as MaxText's `get_individual_scales` does (1 unless set), and
 * `head_dim` apart from emb_dim / heads. Two `mlp_activations` (["silu", "linear"]) make a gated MLP. The
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
    const scales = scaleEntry && scaleEntry.value !== null ? individualScales(scaleEntry.value) : UNSCALED;
    const scaled = (name: NumericFieldName, key: string, dimension: keyof IndividualScales): NumberField => {
      const field = readField(index, name, [key], () => unknownField(`no ${key}`));
      const value = valueOf(field);
      if (typeof scales === 'string') {
        // One invalid-value finding, on the scale, for the whole shape: none of it is known.
        const written = String(scaleEntry?.value);
        return name === 'hiddenSize'
          ? { ...fieldAt<number>(scaleEntry as ConfigEntry, null), origin: 'invalid', invalidText: written, note: `${written} ${scales}` }
          : unknownField(`global_parameter_scale ${written} ${scales}`);
      }
      const exponent = scales[dimension];
      if (exponent === 0 || value === undefined) return field;
      return derivedSize(name, 2 ** exponent * value, `${key} ${value} × 2^${exponent} (global_parameter_scale ${String(scaleEntry?.value)}, MaxText get_individual_scales)`, scaleEntry);
    };
    const activations = document.entries.filter((entry) => entry.path[0] === 'mlp_activations');
    const gated = activations.length >= 2;
    const numHeads = scaled('numHeads', 'base_num_query_heads', 'heads');
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
        hiddenSize: scaled('hiddenSize', 'base_emb_dim', 'embedding'),
        numLayers: scaled('numLayers', 'base_num_decoder_layers', 'layers'),
        numHeads,
        numKvHeads: scaled('numKvHeads', 'base_num_kv_heads', 'heads'),
        headDim: readField(index, 'headDim', ['head_dim'], () => unknownField('no head_dim (MaxText takes it from base.yml, not emb_dim / heads)')),
        ffnHiddenSize: scaled('ffnHiddenSize', 'base_mlp_dim', 'mlp'),
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
        flashAttention: unknownField('MaxText picks its attention kernel from base.yml (attention)'),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
      },
    );
  },
};

/** Powers of two each dimension is multiplied by. */
interface IndividualScales {
  embedding: number;
  heads: number;
  mlp: number;
  layers: number;
}

const UNSCALED: IndividualScales = { embedding: 0, heads: 0, mlp: 0, layers: 0 };

/**
 * MaxText's `get_individual_scales` (AI-Hypercomputer/maxtext MaxText/pyconfig.py @ 0045bf834da3):
 * the scale must be a power of two, 2^k; with k = 3·base + rem (Python's floor divmod), heads
 * and MLP get 2^(base + (rem > 0)), the embedding 2^(base + (rem > 1)), the layers 2^base, so
 * each doubling of the scale doubles heads and MLP, then the embedding, then the layers, in
 * turn. pyconfig then sets emb_dim = 2^emb_scale · base_emb_dim, num_query_heads and
 * num_kv_heads = 2^num_head_scale · base, mlp_dim = 2^mlp_dim_scale · base_mlp_dim,
 * num_decoder_layers = 2^layer_scale · base_num_decoder_layers. A scale that is not a power of
 * two (or not a positive number) makes MaxText raise: the reason, as text.
 */
export function individualScales(scale: unknown): IndividualScales | string {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) return 'is not a positive number';
  const log2 = Math.floor(Math.log2(scale));
  if (2 ** log2 !== scale) return "is not a power of two: MaxText's get_individual_scales refuses it";
  const base = Math.floor(log2 / 3);
  const rem = log2 - 3 * base;
  const heads = base + (rem > 0 ? 1 : 0);
  return { embedding: base + (rem > 1 ? 1 : 0), heads, mlp: heads, layers: base };
}
