import type { ConfigDocument, ConfigEntry } from '../model/document';
import { parseYaml } from '../parse/yaml';
import { catalogueField, defaultField, derivedField, unknownField, type ModelShape, type NumberField, type NumericFieldName, type ShapeField } from '../model/shape';
import { MAXTEXT_BASE, MAXTEXT_MODELS, type MaxtextModel } from './catalogue/maxtext-models';
import { sourceText } from './catalogue/models';
import { booleanValue, completeShape, derivedSize, EntryIndex, fieldAt, readDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * MaxText YAML: a model file (`configs/models/llama2-7b.yml`), `base.yml`, or a run config that
 * names its model (`model_name: llama3-8b`) and sets the run. `pyconfig` loads base.yml, then the
 * named model's file over it, then the file's own keys, so every key read here is, in that order:
 * the file's, the model file's (MAXTEXT_MODELS), base.yml's (MAXTEXT_BASE). Widths are `base_*`
 * scaled by `global_parameter_scale` as MaxText's `get_individual_scales` does (individualScales); `head_dim` is its own key, not emb_dim / heads, except under
 * multi-latent attention (qk_nope_head_dim + qk_rope_head_dim). Two `mlp_activations`
 * (["silu", "linear"]) make a gated MLP. An MoE model's experts are `base_moe_mlp_dim` wide where
 * the file sets it (DeepSeek's decoder; its first `first_num_dense_layers` use `base_mlp_dim`),
 * else `base_mlp_dim` (Mixtral's). The vocabulary is used as written. MaxText loads YAML with
 * OmegaConf: `262_144` is 262144.
 */
const MAXTEXT_KEYS = ['base_emb_dim', 'base_num_query_heads', 'base_num_kv_heads', 'base_mlp_dim', 'base_num_decoder_layers'];

/** Run settings only MaxText has: with `model_name` they tell a MaxText run config from LitGPT's. */
export const MAXTEXT_RUN_KEYS = ['base_config', 'per_device_batch_size', 'max_target_length', 'ici_fsdp_parallelism', 'ici_tensor_parallelism', 'dcn_data_parallelism', 'base_output_directory', 'run_name', 'tokenizer_path', 'scan_layers', 'remat_policy'];

export const maxtextReader: FormatReader = {
  id: 'maxtext',
  label: 'MaxText YAML',
  evidence: [...MAXTEXT_KEYS, 'model_name', ...MAXTEXT_RUN_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    if (countKeys(head, MAXTEXT_KEYS) >= 2) return 0.9;
    return hasTopLevelKey(head, 'model_name') && countKeys(head, MAXTEXT_RUN_KEYS) >= 2 ? 0.92 : 0;
  },

  parse: (text) => parseYaml(text, 'omegaconf'),

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const settings = new MaxtextSettings(index);
    const scaleEntry = index.get('global_parameter_scale');
    const scales = scaleEntry && scaleEntry.value !== null ? individualScales(scaleEntry.value) : UNSCALED;
    const scaled = (name: NumericFieldName, key: string, dimension: keyof IndividualScales): NumberField => {
      const field = settings.number(name, key);
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
    const activations = settings.activations();
    const numExperts = settings.number('numExperts', 'num_experts');
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const denseLayers = settings.raw('first_num_dense_layers');
    const expertWidthKey = moe && settings.isSet('base_moe_mlp_dim') ? 'base_moe_mlp_dim' : 'base_mlp_dim';
    const ffn = scaled('ffnHiddenSize', expertWidthKey, 'mlp');
    const vocabSize = settings.number('vocabSize', 'vocab_size');
    const enableDropout = index.get('enable_dropout');
    const dropout =
      enableDropout && booleanValue(enableDropout) === false
        ? fieldAt<number>(enableDropout, 0, 'enable_dropout False: no dropout')
        : readDropout(index, ['dropout_rate'], () => unknownField('dropout_rate comes from base.yml or the command line'));
    const shape = completeShape(
      'maxtext',
      {
        hiddenSize: scaled('hiddenSize', 'base_emb_dim', 'embedding'),
        numLayers: scaled('numLayers', 'base_num_decoder_layers', 'layers'),
        numHeads: scaled('numHeads', 'base_num_query_heads', 'heads'),
        numKvHeads: scaled('numKvHeads', 'base_num_kv_heads', 'heads'),
        headDim: settings.raw('attention_type') === 'mla' ? settings.latentHeadDim() : settings.number('headDim', 'head_dim'),
        ffnHiddenSize: moe && typeof denseLayers === 'number' && denseLayers > 0 ? { ...ffn, note: `${ffn.note ?? expertWidthKey}; each expert's width (the first ${denseLayers} layers are dense, base_mlp_dim wide)` } : ffn,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'MaxText does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'MaxText does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', ['max_target_length'], () => unknownField('max_target_length comes from base.yml or the command line')),
        microBatchSize: settings.number('microBatchSize', 'per_device_batch_size'),
        tensorParallel: settings.number('tensorParallel', 'ici_tensor_parallelism'),
        pipelineParallel: settings.number('pipelineParallel', 'ici_pipeline_parallelism'),
        numExperts,
        expertsPerToken: settings.number('expertsPerToken', 'num_experts_per_tok'),
      },
      {
        activation: activations,
        gatedMlp: settings.gated(),
        attentionKernel: unknownField('MaxText picks its attention kernel from base.yml (attention)'),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
      },
    );
    return settings.model ? { ...shape, catalogueModel: `MaxText ${settings.modelName}` } : shape;
  },
};

/** One key's value through MaxText's layers: the file, the named model's file, base.yml. */
class MaxtextSettings {
  readonly modelName: string | undefined;
  readonly model: MaxtextModel | undefined;
  private readonly modelEntry: ConfigEntry | undefined;

  constructor(private readonly index: EntryIndex) {
    const entry = index.get('model_name');
    this.modelName = typeof entry?.value === 'string' && !entry.unresolved ? entry.value : undefined;
    this.model = this.modelName === undefined ? undefined : MAXTEXT_MODELS[this.modelName];
    this.modelEntry = entry;
  }

  isSet(key: string): boolean {
    return this.index.has(key) || (this.model?.settings[key] ?? undefined) !== undefined;
  }

  /** The value below the file: the model file's, else base.yml's. */
  private inherited(key: string): { value: number | string | readonly string[]; layer: MaxtextModel; fromModel: boolean } | undefined {
    const fromModel = this.model?.settings[key];
    if (this.model && fromModel !== undefined) return { value: fromModel, layer: this.model, fromModel: true };
    const fromBase = MAXTEXT_BASE.settings[key];
    return fromBase === undefined ? undefined : { value: fromBase, layer: MAXTEXT_BASE, fromModel: false };
  }

  raw(key: string): unknown {
    const entry = this.index.get(key);
    return entry ? entry.value : this.inherited(key)?.value;
  }

  number(name: NumericFieldName, key: string): NumberField {
    return readField(this.index, name, [key], () => this.inheritedField(key));
  }

  private inheritedField<T>(key: string, value?: T): ShapeField<T> {
    const layer = this.inherited(key);
    const shown = (value ?? layer?.value ?? null) as T | null;
    if (!layer) return unknownField(`no ${key}`);
    if (!layer.fromModel) return defaultField(shown, `${key}: MaxText base.yml default ${String(layer.value)} (${sourceText(layer.layer.source)})`);
    const field = catalogueField(shown, `${key} ${String(layer.value)} from model_name ${this.modelName} (${sourceText(layer.layer.source)})`);
    return this.modelEntry ? { ...field, key: `${key} of ${this.modelName} (MaxText model file)`, keySpan: this.modelEntry.keySpan, valueSpan: this.modelEntry.valueSpan } : field;
  }

  private activationNames(): { names: string[]; entry?: ConfigEntry } {
    const written = this.index.document.entries.filter((entry) => entry.path[0] === 'mlp_activations');
    if (written.length > 0) return { names: written.map((entry) => String(entry.value)), entry: written[0] };
    const inherited = this.inherited('mlp_activations')?.value;
    return { names: Array.isArray(inherited) ? [...inherited] : [] };
  }

  gated(): boolean {
    return this.activationNames().names.length >= 2;
  }

  activations(): ShapeField<string> {
    const { names, entry } = this.activationNames();
    const name = names.length >= 2 ? `${names[0]}-glu` : names[0] ?? null;
    return entry ? fieldAt(entry, name) : this.inheritedField('mlp_activations', name);
  }

  /** Multi-latent attention: the score GEMM's inner size is qk_nope_head_dim + qk_rope_head_dim. */
  latentHeadDim(): NumberField {
    const parts = ['qk_nope_head_dim', 'qk_rope_head_dim'].map((key) => this.raw(key));
    if (!parts.every((part) => typeof part === 'number' && Number.isInteger(part) && part > 0)) return unknownField('attention_type mla: qk_nope_head_dim or qk_rope_head_dim unknown');
    const [noPosition, rotary] = parts as number[];
    return derivedField(noPosition + rotary, `multi-latent attention: query-key head dim = qk_nope_head_dim + qk_rope_head_dim = ${noPosition} + ${rotary}`);
  }
}

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
