import type { ConfigDocument, ConfigEntry } from '../model/document';
import { parseYaml } from '../parse/yaml';
import type { Dtype } from '../model/prediction';
import { catalogueField, defaultField, derivedField, unknownField, type AttentionImplementation, type LatentAttentionShape, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { MAXTEXT_BASE, MAXTEXT_MODELS, MESH_AXES, meshKey, type MaxtextModel, type MeshAxis } from './catalogue/maxtext-models';
import { sourceText } from './catalogue/models';
import { booleanValue, completeShape, derivedSize, EntryIndex, fieldAt, invalidField, readDropout, readField, valueOf, type SizedFieldName } from './fields';
import { LATENT_ATTENTION_KEYS, latentAttentionFields, latentQueryKeyHeadDim } from './latent-attention';
import type { FormatReader } from './format';
import { type MoeLayerFields } from './moe-layers';
import { MOE_LAYER_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * MaxText YAML: a model file (`configs/models/llama2-7b.yml`), `base.yml`, or a run config that
 * names its model (`model_name: llama3-8b`) and sets the run. `pyconfig` loads base.yml, then the
 * named model's file over it, then the file's own keys, so every key read here is, in that order:
 * the file's, the model file's (MAXTEXT_MODELS), base.yml's (MAXTEXT_BASE). Widths are `base_*`
 * scaled by `global_parameter_scale` as MaxText's `get_individual_scales` does (individualScales); `head_dim` is its own key, not emb_dim / heads, except under
 * multi-latent attention (qk_nope_head_dim + qk_rope_head_dim; its q_lora_rank, kv_lora_rank
 * and v_head_dim read the same way, base.yml's q_lora_rank 0 meaning no query latent). Two `mlp_activations`
 * (["silu", "linear"]) make a gated MLP. An MoE model's experts are `base_moe_mlp_dim` wide where
 * the file sets it (DeepSeek's decoder, whose first `first_num_dense_layers` layers are dense,
 * `base_mlp_dim` wide, and whose MoE layers add `shared_experts`: maxtextMoeLayers), else
 * `base_mlp_dim` (Mixtral's). The vocabulary is used as written. MaxText loads YAML with
 * OmegaConf: `262_144` is 262144. The launch is the device mesh (`ici_*` and `dcn_*_parallelism`,
 * see maxtextLaunch; the ICI axes are the GPUs per node, `num_slices` the nodes: meshDevices), `per_device_batch_size`, `max_target_length`, `remat_policy`, `dtype` and
 * `quantization`.
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
          ? invalidField(scaleEntry as ConfigEntry, `${written} ${scales}`, written)
          : unknownField(`global_parameter_scale ${written} ${scales}`);
      }
      const exponent = scales[dimension];
      if (exponent === 0 || value === undefined) return field;
      return derivedSize(name, 2 ** exponent * value, `${key} ${value} × 2^${exponent} (global_parameter_scale ${String(scaleEntry?.value)}, MaxText get_individual_scales)`, scaleEntry);
    };
    const activations = settings.activations();
    const numExperts = settings.number('numExperts', 'num_experts');
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const expertWidthKey = moe && settings.isSet('base_moe_mlp_dim') ? 'base_moe_mlp_dim' : 'base_mlp_dim';
    const ffn = scaled('ffnHiddenSize', expertWidthKey, 'mlp');
    const vocabSize = settings.number('vocabSize', 'vocab_size');
    const enableDropout = index.get('enable_dropout');
    const dropout =
      enableDropout && booleanValue(enableDropout) === false
        ? fieldAt<number>(enableDropout, 0, 'enable_dropout False: no dropout')
        : readDropout(index, ['dropout_rate'], () => unknownField('dropout_rate comes from base.yml or the command line'));
    const launch = maxtextLaunch(settings);
    const latent = settings.raw('attention_type') === 'mla' ? settings.latentAttention() : undefined;
    const shape = completeShape(
      'maxtext',
      {
        hiddenSize: scaled('hiddenSize', 'base_emb_dim', 'embedding'),
        numLayers: scaled('numLayers', 'base_num_decoder_layers', 'layers'),
        numHeads: scaled('numHeads', 'base_num_query_heads', 'heads'),
        numKvHeads: scaled('numKvHeads', 'base_num_kv_heads', 'heads'),
        headDim: latent ? (latentQueryKeyHeadDim(latent, 'qk_nope_head_dim + qk_rope_head_dim') ?? unknownField('attention_type mla: qk_nope_head_dim or qk_rope_head_dim unknown')) : settings.number('headDim', 'head_dim'),
        ffnHiddenSize: ffn,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'MaxText does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'MaxText does not pad the vocabulary'),
        seqLength: settings.number('seqLength', 'max_target_length'),
        ...launch.sizes,
        numExperts,
        expertsPerToken: settings.number('expertsPerToken', 'num_experts_per_tok'),
        ...(moe ? maxtextMoeLayers(settings, ffn, () => scaled('denseFfnHiddenSize', 'base_mlp_dim', 'mlp')) : {}),
      },
      {
        activation: activations,
        gatedMlp: settings.gated(),
        attentionKernel: settings.choice('attention', (value) => MAXTEXT_ATTENTION[String(value)] ?? null),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
        untiedEmbeddings: settings.choice('logits_via_embedding', (value) =>
          typeof value === 'boolean' ? { value: !value, why: value ? 'the logits reuse the embedding matrix' : 'a logits_dense layer of its own' } : null,
        ),
        ...launch.choices,
        ...(latent ? { latentAttention: latent } : {}),
      },
    );
    const named = settings.model ? { catalogueModel: `MaxText ${settings.modelName}` } : {};
    return { ...shape, ...named, ...(launch.memoryNotModelled ? { memoryNotModelled: launch.memoryNotModelled } : {}) };
  },
};

/**
 * MaxText's MoE layers (MOE_LAYER_DEFAULTS.maxtext): the DeepSeek decoder's first
 * `first_num_dense_layers` are dense, `base_mlp_dim` wide, and its MoE layers add `shared_experts`
 * × the experts' width of shared experts; every other decoder runs experts in every layer and
 * shares none.
 */
function maxtextMoeLayers(settings: MaxtextSettings, expertWidth: NumberField, denseWidth: () => NumberField): MoeLayerFields {
  const decoder = settings.raw('decoder_block');
  if (decoder !== 'deepseek') {
    const none = defaultField(0, `decoder_block ${String(decoder)}: every layer runs experts, none shared (${MOE_LAYER_DEFAULTS.maxtext.source})`);
    return { denseLayers: none, denseFfnHiddenSize: unknownField('no dense layers'), sharedExpertFfnSize: none };
  }
  const denseLayers = settings.number('denseLayers', 'first_num_dense_layers');
  const shared = settings.number('sharedExpertFfnSize', 'shared_experts');
  const width = valueOf(expertWidth);
  const count = valueOf(shared);
  const sharedWidth = count === undefined || width === undefined ? { ...shared, value: null } : { ...shared, value: count * width, origin: shared.origin === 'file' ? ('derived' as const) : shared.origin, note: `shared_experts ${count} × the experts' width ${width}${shared.note ? `; ${shared.note}` : ''}` };
  return {
    denseLayers,
    denseFfnHiddenSize: (valueOf(denseLayers) ?? 0) > 0 ? denseWidth() : unknownField('no dense layers'),
    sharedExpertFfnSize: sharedWidth,
  };
}

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
  private inherited(key: string): { value: number | string | boolean | readonly string[]; layer: MaxtextModel; fromModel: boolean } | undefined {
    const fromModel = this.model?.settings[key];
    if (this.model && fromModel !== undefined) return { value: fromModel, layer: this.model, fromModel: true };
    const fromBase = MAXTEXT_BASE.settings[key];
    return fromBase === undefined ? undefined : { value: fromBase, layer: MAXTEXT_BASE, fromModel: false };
  }

  raw(key: string): unknown {
    const entry = this.index.get(key);
    return entry ? entry.value : this.inherited(key)?.value;
  }

  /** The file's own entry for `key`, if it writes one. */
  written(key: string): ConfigEntry | undefined {
    return this.index.get(key);
  }

  /**
   * A launch choice from `key` through the layers, mapped by `read` with why; a value `read` does
   * not map (null) is unknown, never guessed.
   */
  choice<T>(key: string, read: (value: unknown) => { value: T; why: string } | null): ShapeField<T> {
    const entry = this.index.get(key);
    if (entry?.unresolved) return fieldAt<T>(entry, null);
    if (entry && entry.value !== null) {
      const mapped = read(entry.value);
      return mapped ? fieldAt(entry, mapped.value, `${key} ${String(entry.value)}: ${mapped.why}`) : { ...fieldAt<T>(entry, null), origin: 'unknown', note: `${key} ${String(entry.value)}: not a choice shapelint models` };
    }
    const inherited = this.inherited(key)?.value;
    const mapped = inherited === undefined ? null : read(inherited);
    if (!mapped) return unknownField(`${key} ${String(inherited)}: not a choice shapelint models`);
    const field = this.inheritedField<T>(key, mapped.value);
    return { ...field, note: `${field.note}: ${mapped.why}` };
  }

  number(name: SizedFieldName, key: string): NumberField {
    return readField(this.index, name, [key], () => this.inheritedField(key));
  }

  inheritedField<T>(key: string, value?: T): ShapeField<T> {
    const layer = this.inherited(key);
    const shown = (value ?? layer?.value ?? null) as T | null;
    if (!layer) return unknownField(`no ${key}`);
    if (!layer.fromModel) return defaultField(shown, `${key}: MaxText base.yml default ${String(layer.value)} (${sourceText(layer.layer.source)})`);
    const field = catalogueField(shown, `${key} ${String(layer.value)} from model_name ${this.modelName} (${sourceText(layer.layer.source)})`);
    return this.modelEntry ? { ...field, key: `${key} of ${this.modelName} (MaxText model file)`, keySpan: this.modelEntry.keySpan, valueSpan: this.modelEntry.valueSpan } : field;
  }

  private activationNames(): { names: string[]; entry?: ConfigEntry } {
    const written = this.index.document.entries.filter((entry) => entry.path[0] === 'mlp_activations' && !entry.empty);
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

  /** Multi-latent attention's sizes (attention_type mla): the file's, the model file's, base.yml's. */
  latentAttention(): LatentAttentionShape {
    return latentAttentionFields((name) => this.number(name, LATENT_ATTENTION_KEYS[name]));
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

/** The run model's sizes that MaxText's mesh axes make (base.yml `mesh_axes`, `logical_axis_rules`). */
const MESH_GROUPS = {
  tensorParallel: ['tensor', 'tensor_transpose', 'tensor_sequence'],
  pipelineParallel: ['stage'],
  // Both split the sequence of every layer's activations over their devices.
  contextParallel: ['sequence', 'context'],
  expertParallel: ['expert'],
} as const satisfies Partial<Record<NumericFieldName, readonly MeshAxis[]>>;

const BASE_SOURCE = sourceText(MAXTEXT_BASE.source);

/**
 * The product of mesh axes over ICI and DCN (or over `tiers`): the file's degrees, else base.yml's.
 * -1 asks MaxText to fill the axis with the devices the others leave, which no file says: unknown.
 * A degree that is neither a positive whole number nor -1 is invalid, on its literal.
 */
function meshDegree(settings: MaxtextSettings, name: NumericFieldName, axes: readonly MeshAxis[], tiers: readonly ('ici' | 'dcn')[] = ['ici', 'dcn']): NumberField {
  const factors = axes.flatMap((axis) => tiers.map((tier) => {
    const key = meshKey(tier, axis);
    return { key, entry: settings.written(key), value: settings.raw(key) };
  }));
  const unresolved = factors.find((factor) => factor.entry?.unresolved);
  if (unresolved?.entry) return fieldAt<number>(unresolved.entry, null);
  const bad = factors.find((factor) => !(Number.isInteger(factor.value) && ((factor.value as number) >= 1 || factor.value === -1)));
  if (bad) {
    const text = String(bad.value);
    const note = `'${text}' is not a mesh degree (a positive whole number, or -1 to fill)`;
    return bad.entry ? invalidField(bad.entry, note, text) : unknownField(`${bad.key} ${note}`);
  }
  const filled = factors.filter((factor) => factor.value === -1);
  if (filled.length > 0) {
    const note = `${filled.map((factor) => factor.key).join(', ')} -1${filled.some((factor) => !factor.entry) ? ` (base.yml, ${BASE_SOURCE})` : ''}: MaxText fills it with the devices the other axes leave, which the file does not say`;
    return { ...(filled[0].entry ? fieldAt<number>(filled[0].entry, null) : {}), value: null, origin: 'unknown', note };
  }
  const product = factors.reduce((total, factor) => total * (factor.value as number), 1);
  const set = factors.filter((factor) => factor.entry && factor.value !== 1);
  if (set.length === 0) {
    const entry = factors.find((factor) => factor.entry)?.entry;
    return entry ? fieldAt(entry, product) : defaultField(product, `${axes.join(', ')}: 1 over ICI and DCN in MaxText base.yml (${BASE_SOURCE})`);
  }
  if (set.length === 1 && set[0].entry) return fieldAt(set[0].entry, product);
  return derivedSize(name, product, set.map((factor) => `${factor.key} ${String(factor.value)}`).join(' × '), set[0].entry);
}

const SLICE_IS_A_NODE =
  'the ICI axes: the GPUs of one slice, and on GPUs XLA gives one slice index to the devices of one host, or of one NVLink fabric (openxla/xla xla/pjrt/distributed/topology_util.cc BuildGlobalTopology @ ec7209be)';
const CREATE_DEVICE_MESH = "MaxText's create_device_mesh (src/MaxText/maxtext_utils.py @ c491caa0)";

/**
 * The GPUs and the GPUs per node of a MaxText mesh. The ICI axes multiply to the devices of one
 * slice and the DCN axes to the slices (base.yml; CREATE_DEVICE_MESH fills a DCN -1 with
 * num_slices and, with one slice, uses no DCN axis); on GPUs a slice is a node (SLICE_IS_A_NODE),
 * so the ICI product is the GPUs per node. `num_slices` (base.yml -1: counted at run time) states
 * the slices where the file writes it; otherwise the GPUs are the product of every axis.
 */
function meshDevices(settings: MaxtextSettings): Pick<ModelShape, 'gpus' | 'gpusPerNode'> {
  const perSlice = meshDegree(settings, 'gpusPerNode', MESH_AXES, ['ici']);
  const gpusPerNode = perSlice.value === null ? perSlice : { ...perSlice, note: perSlice.note ? `${perSlice.note}: ${SLICE_IS_A_NODE}` : SLICE_IS_A_NODE };
  const entry = settings.written('num_slices');
  const slices = settings.raw('num_slices');
  if (!entry || slices === -1) return { gpus: meshDegree(settings, 'gpus', MESH_AXES), gpusPerNode };
  if (entry.unresolved) return { gpus: fieldAt<number>(entry, null), gpusPerNode };
  const invalid = (note: string): NumberField => invalidField(entry, note, String(slices));
  if (typeof slices !== 'number' || !Number.isInteger(slices) || slices < 1) return { gpus: invalid(`'${String(slices)}' is not a slice count (a positive whole number, or -1 to count them)`), gpusPerNode };
  const dcn = slices > 1 ? meshDegree(settings, 'gpus', MESH_AXES, ['dcn']) : undefined;
  if (dcn?.origin === 'invalid') return { gpus: dcn, gpusPerNode };
  if (dcn?.value !== undefined && dcn.value !== null && dcn.value !== slices) {
    return { gpus: invalid(`num_slices ${slices}, but the dcn_*_parallelism axes multiply to ${dcn.value}: ${CREATE_DEVICE_MESH} refuses the mesh`), gpusPerNode };
  }
  const sliceNote = `num_slices ${slices}${slices === 1 ? ' (one slice: the dcn_* axes are not used)' : ''}, ${CREATE_DEVICE_MESH}`;
  if (perSlice.value === null) return { gpus: { ...unknownField(`${sliceNote} × the GPUs per slice, which are unknown (${perSlice.note ?? 'not given'})`), ...(perSlice.keySpan ? { keySpan: perSlice.keySpan, valueSpan: perSlice.valueSpan } : {}) }, gpusPerNode };
  return { gpus: derivedSize('gpus', perSlice.value * slices, `${perSlice.value} GPUs per slice (the ICI axes) × ${sliceNote}`, entry), gpusPerNode };
}

/**
 * Sequences per data-parallel rank: MaxText gives each device `per_device_batch_size` sequences
 * (pyconfig calculate_global_batch_sizes: devices × per_device_batch_size), and one rank of the
 * run model spans TP × CP devices. With P pipeline stages, the step's batch is cut into
 * `num_pipeline_microbatches` (base.yml -1: one per stage), so a rank's micro-batch is P /
 * num_pipeline_microbatches of that. Located on `per_device_batch_size`: a fix writes the
 * per-device size that gives the micro-batch it wants.
 */
function microBatch(settings: MaxtextSettings, tensor: NumberField, context: NumberField, pipeline: NumberField): NumberField {
  const entry = settings.written('per_device_batch_size');
  if (entry?.unresolved) return fieldAt<number>(entry, null);
  const perDevice = settings.raw('per_device_batch_size');
  const t = valueOf(tensor);
  const c = valueOf(context);
  const p = valueOf(pipeline);
  if (typeof perDevice !== 'number' || !(perDevice > 0)) return settings.number('microBatchSize', 'per_device_batch_size');
  if (t === undefined || c === undefined || p === undefined) return unknownField(`per_device_batch_size ${perDevice} × TP × CP, and the ${t === undefined ? 'tensor' : c === undefined ? 'context' : 'pipeline'}-parallel size is unknown`);
  const microbatches = settings.raw('num_pipeline_microbatches');
  const cut = p > 1 && typeof microbatches === 'number' && microbatches > 0 ? { factor: p / microbatches, text: ` × PP ${p} / num_pipeline_microbatches ${microbatches}` } : { factor: 1, text: '' };
  const factor = t * c * cut.factor;
  const sequences = perDevice * factor;
  const product = `per_device_batch_size ${perDevice} × TP ${t} × CP ${c}${cut.text}`;
  const how = factor === 1 ? '' : `${product}: each device holds ${perDevice}, a data-parallel rank spans ${t * c} devices${cut.text ? ', and the pipeline cuts the step into micro-batches' : ''}`;
  if (!Number.isInteger(sequences)) {
    const note = `${product} = ${sequences} sequences per data-parallel rank, not a whole number: not modelled`;
    return { ...(entry ? fieldAt<number>(entry, null) : {}), value: null, origin: 'unknown', note };
  }
  if (!entry) return defaultField(sequences, `${how ? `${how}; ` : ''}per_device_batch_size ${perDevice} from MaxText base.yml (${BASE_SOURCE})`);
  return factor === 1 ? fieldAt(entry, sequences) : { ...fieldAt(entry, sequences, how), toLiteral: (wanted: number) => wanted / factor, written: perDevice };
}

/** The sequences per optimizer step: int(devices × per_device_batch_size) × gradient_accumulation_steps (MaxText src/MaxText/pyconfig.py calculate_global_batch_sizes @ e7e8b3da). */
function globalBatch(settings: MaxtextSettings, gpus: NumberField): NumberField {
  const perDevice = settings.raw('per_device_batch_size');
  const accumulation = settings.raw('gradient_accumulation_steps');
  const devices = valueOf(gpus);
  const rule = 'devices × per_device_batch_size × gradient_accumulation_steps (MaxText pyconfig.py calculate_global_batch_sizes @ e7e8b3da)';
  if (devices === undefined || typeof perDevice !== 'number' || typeof accumulation !== 'number') return unknownField(`${rule}; ${devices === undefined ? `the devices are unknown (${gpus.note ?? 'not given'})` : 'a factor is not a number'}`);
  const value = Math.floor(devices * perDevice) * accumulation;
  return derivedSize('globalBatchSize', value, `${devices} devices × per_device_batch_size ${perDevice} × gradient_accumulation_steps ${accumulation}`, settings.written('per_device_batch_size') ?? settings.written('gradient_accumulation_steps'));
}

const REMAT_SOURCE = 'MaxText src/MaxText/layers/decoders.py Decoder.get_remat_policy @ 02bc28ce';
const SAVES_SOME = (names: string): { value: RecomputeMode; why: string } => ({
  value: 'full',
  why: `saves only ${names} and recomputes the rest of each layer; the run model's nearest level is full recomputation (an assumption: memory a lower bound, recompute time an upper bound)`,
});

/**
 * What each `remat_policy` keeps for the backward, in the run model's levels (REMAT_SOURCE).
 * `none` is not "no recomputation": get_remat_policy leaves the policy None for it as for
 * `full`, and set_remat_policy wraps every layer in nn.remat either way. `custom` depends on
 * per-tensor settings and stays unknown. `keepsLess`: the policy saves only the projections, and
 * recomputes the norms and activations that the selective level (Korthikanti et al.) keeps, so
 * the run model's memory is an upper bound for it.
 */
const REMAT_POLICIES: Record<string, { value: RecomputeMode; why: string; keepsLess?: true }> = {
  full: { value: 'full', why: `nn.remat with no policy: every layer runs its forward again (${REMAT_SOURCE})` },
  none: { value: 'full', why: `get_remat_policy leaves the policy None, as for full, and every layer is still wrapped in nn.remat (${REMAT_SOURCE})` },
  minimal: { value: 'selective', why: `saves every projection (query, key, value, out_proj, mlpwi, mlpwo) and recomputes the attention core, as selective recomputation does (${REMAT_SOURCE})`, keepsLess: true },
  minimal_with_context: { value: 'selective', why: `saves every projection and the attention output; the run model's nearest level is selective (${REMAT_SOURCE})`, keepsLess: true },
  minimal_flash: { value: 'selective', why: `minimal_with_context's old name (${REMAT_SOURCE})`, keepsLess: true },
  save_dot_with_context_except_mlp: SAVES_SOME('the query, key, value, attention output and out_proj'),
  save_dot_except_mlpwi: SAVES_SOME('the query, key, value, out_proj and mlpwo projections'),
  save_dot_except_mlp: SAVES_SOME('the query, key, value and out_proj projections'),
  save_qkv_proj: SAVES_SOME('the query, key and value projections'),
  save_out_proj: SAVES_SOME('out_proj'),
  qkv_proj_offloaded: { value: 'full', why: `offloads the query, key and value projections to host memory: only layer inputs stay on the GPU, as under full recomputation (an assumption: recompute time an upper bound) (${REMAT_SOURCE})` },
  minimal_offloaded: { value: 'full', why: `offloads every projection to host memory: only layer inputs stay on the GPU, as under full recomputation (an assumption: recompute time an upper bound) (${REMAT_SOURCE})` },
};

/**
 * base.yml `attention` (autoselected, dot_product, flash, cudnn_flash_te): `cudnn_flash_te` is
 * Transformer Engine's cuDNN fused attention, `dot_product` the unfused one; `autoselected`
 * leaves the choice to MaxText at run time, unknown here.
 */
const MAXTEXT_ATTENTION: Record<string, { value: AttentionImplementation; why: string }> = {
  dot_product: { value: 'unfused', why: 'the score and attention-over-value matmuls as separate kernels' },
  flash: { value: 'flash', why: 'a FlashAttention kernel' },
  cudnn_flash_te: { value: 'cudnn', why: "Transformer Engine's cuDNN fused attention" },
};

/** base.yml `quantization` values that run the GEMMs in 8-bit floating point on NVIDIA and AMD GPUs. */
const FP8_QUANTIZATIONS = new Set(['fp8', 'nanoo_fp8', 'fp8_full']);
const ACTIVATION_DTYPES: Record<string, Dtype> = { bfloat16: 'bf16', float16: 'fp16' };

/** `quantization` (fp8 GEMMs) over `dtype`, the activations' type; float32 training and int8 quantization are not modelled. */
function maxtextDtype(settings: MaxtextSettings): ShapeField<Dtype> {
  const quantization = settings.raw('quantization');
  if (typeof quantization === 'string' && quantization !== '') {
    return settings.choice<Dtype>('quantization', (value) => (FP8_QUANTIZATIONS.has(String(value)) ? { value: 'fp8', why: '8-bit floating-point GEMMs' } : null));
  }
  return settings.choice<Dtype>('dtype', (value) => (ACTIVATION_DTYPES[String(value)] ? { value: ACTIVATION_DTYPES[String(value)], why: 'the GEMMs and activations in this type' } : null));
}

/**
 * MaxText's FSDP shards weights, gradients and optimizer states over the fsdp axes (ZeRO-3-like,
 * the run model's `fsdp`): on where any fsdp degree is above 1 or -1 (base.yml's
 * ici_fsdp_parallelism -1 fills the devices). Without it, `shard_optimizer_over_data` shards the
 * optimizer over the data axis (ZeRO-1). The run model shards over every data-parallel rank,
 * data axes included: where MaxText replicates over a data axis, memory is a lower bound.
 */
function maxtextSharding(settings: MaxtextSettings): ShapeField<Sharding> {
  const keys = (['fsdp', 'fsdp_transpose'] as const).flatMap((axis) => [meshKey('ici', axis), meshKey('dcn', axis)]);
  const sharding = keys.find((key) => typeof settings.raw(key) === 'number' && (settings.raw(key) === -1 || (settings.raw(key) as number) > 1));
  if (sharding) {
    const why = 'FSDP over the fsdp axes: weights, gradients and optimizer states sharded (the run model shards over every data-parallel rank)';
    return settings.choice<Sharding>(sharding, () => ({ value: 'fsdp', why }));
  }
  const optimizer = settings.written('shard_optimizer_over_data');
  if (optimizer && booleanValue(optimizer) === true) return fieldAt<Sharding>(optimizer, 'zero-1', 'shard_optimizer_over_data: ZeRO-1 optimizer sharding over the data axis');
  return defaultField<Sharding>('none', `no fsdp axis above 1 and no shard_optimizer_over_data (base.yml ${BASE_SOURCE}): weights, gradients and optimizer states replicated`);
}

/** The run's launch from the MaxText mesh and settings: parallel sizes, batch, recomputation, precision, sharding. */
function maxtextLaunch(settings: MaxtextSettings): {
  sizes: Pick<ModelShape, 'tensorParallel' | 'pipelineParallel' | 'contextParallel' | 'expertParallel' | 'gpus' | 'gpusPerNode' | 'microBatchSize' | 'globalBatchSize'>;
  choices: Pick<ModelShape, 'recompute' | 'dtype' | 'sharding' | 'sequenceParallel'>;
  memoryNotModelled?: string;
} {
  const degree = (name: keyof typeof MESH_GROUPS): NumberField => meshDegree(settings, name, MESH_GROUPS[name]);
  const tensorParallel = degree('tensorParallel');
  const contextParallel = degree('contextParallel');
  const pipelineParallel = degree('pipelineParallel');
  const { gpus, gpusPerNode } = meshDevices(settings);
  const remat = settings.raw('remat_policy');
  const weightDtype = settings.raw('weight_dtype');
  const caveats = [
    REMAT_POLICIES[String(remat)]?.keepsLess ? `remat_policy ${String(remat)} saves only the projections, less than the selective level the run model counts` : '',
    // base.yml's float32 weights, float32 gradients (grad_dtype) and AdamW moments in the weights' type are the 16 B per parameter the run model's FSDP counts.
    weightDtype !== 'float32' && typeof weightDtype === 'string' ? `weight_dtype ${weightDtype} keeps weights and AdamW moments narrower than the float32 the run model counts` : '',
  ].filter(Boolean);
  return {
    ...(caveats.length > 0 ? { memoryNotModelled: `${caveats.join('; ')}: its memory per GPU is an upper bound` } : {}),
    sizes: {
      tensorParallel,
      pipelineParallel,
      contextParallel,
      expertParallel: degree('expertParallel'),
      gpus,
      gpusPerNode,
      microBatchSize: microBatch(settings, tensorParallel, contextParallel, pipelineParallel),
      globalBatchSize: globalBatch(settings, gpus),
    },
    choices: {
      recompute: settings.choice('remat_policy', (value) => REMAT_POLICIES[String(value)] ?? null),
      dtype: maxtextDtype(settings),
      sharding: maxtextSharding(settings),
      sequenceParallel: defaultField(false, 'MaxText has no Megatron-style sequence parallelism: its sequence axis is counted as context parallelism'),
    },
  };
}
