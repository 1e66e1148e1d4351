import type { ConfigDocument, ConfigEntry } from '../model/document';
import type { Dtype } from '../model/prediction';
import { parseYaml } from '../parse/yaml';
import { defaultField, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { booleanValue, catalogueActivation, catalogueFields, checkpointingMode, completeShape, EntryIndex, fieldAt, FSDP_SHARDING_STRATEGIES, readChoice, readField, tokenizerVocab, ZERO_STAGES } from './fields';
import type { FormatReader, ReadContext } from './format';
import { namedModel } from './hub-models';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

const LAUNCH = LAUNCH_DEFAULTS.axolotl;

/**
 * Axolotl YAML (`examples/llama-3/lora-8b.yml` and the like): the model is `base_model`, a Hugging Face id whose weights the run
 * loads and finetunes, so its shape comes from the model catalogue, with the `model_config:`
 * (`overrides_of_model_config:`) values Axolotl sets on the loaded config over it; the run's own
 * settings are `sequence_len`, `micro_batch_size`, the attention switches, `tensor_parallel_size`,
 * `gradient_checkpointing`, `deepspeed` / `fsdp`, `bf16` / `fp16` and the adapter.
 */
const AXOLOTL_KEYS = ['sequence_len', 'micro_batch_size', 'adapter', 'datasets', 'gradient_accumulation_steps', 'lora_r', 'sample_packing', 'num_epochs'];

/** Axolotl trains the Hugging Face model: a Llama's dropout is LlamaConfig's (attention 0.0, no hidden dropout). */
function llamaDropout(model: string): Pick<ModelShape, 'attentionDropout' | 'hiddenDropout'> {
  const llama = FRAMEWORK_DEFAULTS.hf.dropoutByModelType.llama;
  return {
    attentionDropout: defaultField(llama.attention, `${model} runs as a Hugging Face Llama: ${llama.source}`),
    hiddenDropout: defaultField(llama.hidden, `${model} runs as a Hugging Face Llama: ${llama.source}`),
  };
}

/**
 * No `tensor_parallel_size`: 1, unless the file turns on `tensor_parallel` (`true`, `auto`), whose
 * degree the launch picks from the GPUs it finds, which no file says.
 */
function launcherTensorParallel(entry: ConfigEntry | undefined): NumberField {
  if (!entry || entry.value === false || entry.value === null) return defaultField(1, 'no tensor_parallel_size: 1');
  return { ...fieldAt<number>(entry, null), origin: 'unknown', note: `${entry.path.join('.')} ${String(entry.value)}: the degree is chosen at launch from the GPUs found` };
}

/** `tensor_parallel_size`, where `auto` (like `tensor_parallel: auto`) leaves the degree to the launch. */
function tensorParallelSize(index: EntryIndex): NumberField {
  const size = index.get('tensor_parallel_size');
  if (size?.value === 'auto') return launcherTensorParallel(size);
  return readField(index, 'tensorParallel', ['tensor_parallel_size'], () => launcherTensorParallel(index.get('tensor_parallel')));
}

/**
 * Axolotl's `model_config:` (alias of `overrides_of_model_config:`) values are set on the loaded
 * Hugging Face config one by one (`setattr(model_config, key, val)`, axolotl
 * src/axolotl/utils/models.py load_model_config; the alias: src/axolotl/utils/schemas/deprecated.py
 * RemappedParameters), so they win over the base model's shape. Only the keys named here are read.
 */
const MODEL_CONFIG_OVERRIDES: ReadonlyArray<readonly [NumericFieldName, string]> = [
  ['hiddenSize', 'hidden_size'],
  ['numLayers', 'num_hidden_layers'],
  ['numHeads', 'num_attention_heads'],
  ['numKvHeads', 'num_key_value_heads'],
  ['headDim', 'head_dim'],
  ['ffnHiddenSize', 'intermediate_size'],
  ['vocabSize', 'vocab_size'],
  ['numExperts', 'num_local_experts'],
  ['expertsPerToken', 'num_experts_per_tok'],
];

function modelConfigOverrides(index: EntryIndex, model: Partial<Record<NumericFieldName, NumberField>>): Partial<Record<NumericFieldName, NumberField>> {
  const overridden: Partial<Record<NumericFieldName, NumberField>> = {};
  for (const [name, key] of MODEL_CONFIG_OVERRIDES) {
    const keys = [`model_config.${key}`, `overrides_of_model_config.${key}`];
    if (keys.some((path) => index.get(path)?.value !== undefined && index.get(path)?.value !== null)) overridden[name] = readField(index, name, keys, () => model[name] ?? unknownField());
  }
  return overridden;
}

export const axolotlReader: FormatReader = {
  id: 'axolotl',
  label: 'Axolotl YAML',
  evidence: ['base_model', ...AXOLOTL_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    return hasTopLevelKey(head, 'base_model') && countKeys(head, AXOLOTL_KEYS) >= 2 ? 0.9 : 0;
  },

  parse: (text) => parseYaml(text, 'pyyaml'),

  read(document: ConfigDocument, context?: ReadContext): ModelShape {
    const index = new EntryIndex(document);
    const base = index.get('base_model');
    // Axolotl's schema takes `model_revision` for `revision_of_model`, the Hub revision it loads.
    const named = namedModel(base, context, index.get('revision_of_model') ?? index.get('model_revision'));
    const notCatalogued = (): NumberField =>
      unknownField(base && typeof base.value === 'string' ? `the shape is base_model ${base.value}'s, which is not in the model catalogue or in your local Hugging Face cache` : 'no base_model');
    const catalogued: Partial<Record<NumericFieldName, NumberField>> = named ? catalogueFields(named.model, named.entry) : {};
    const overrides = modelConfigOverrides(index, catalogued);
    const model = { ...catalogued, ...overrides };
    const adapter = adapterOf(index);
    const sharding = axolotlSharding(index);
    const shape = completeShape(
      'axolotl',
      {
        ...model,
        hiddenSize: model.hiddenSize ?? notCatalogued(),
        seqLength: readField(index, 'seqLength', ['sequence_len'], () => defaultField(LAUNCH.sequenceLength, LAUNCH.sequenceLengthSource)),
        microBatchSize: readField(index, 'microBatchSize', ['micro_batch_size'], () => unknownField('no micro_batch_size in this file')),
        vocabDivisor: defaultField<number>(null, 'Axolotl keeps the checkpoint\'s embedding'),
        vocabSize: overrides.vocabSize ?? tokenizerVocab(undefined, index.get('tokenizer_config') ?? base) ?? model.vocabSize ?? notCatalogued(),
        tensorParallel: tensorParallelSize(index),
        pipelineParallel: defaultField(1, 'Axolotl has no pipeline parallelism'),
        // Ring attention splits each sequence over this many GPUs (docs/multi-gpu.qmd; renamed context_parallel_size).
        contextParallel: readField(index, 'contextParallel', ['context_parallel_size', 'sequence_parallel_degree'], () => defaultField(1, 'no sequence_parallel_degree: 1')),
        globalBatchSize: unknownField('micro_batch_size × gradient_accumulation_steps × the data-parallel ranks, which the launcher decides'),
      },
      {
        activation: named ? catalogueActivation(named.model, named.entry) : unknownField('the activation is base_model\'s'),
        gatedMlp: named?.model.gatedMlp ?? false,
        attentionKernel: axolotlAttention(index),
        recompute: readChoice(index, ['gradient_checkpointing'], checkpointingOf, () => defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource)),
        dtype: axolotlDtype(index),
        sharding: adapter ? { ...sharding.field, note: [sharding.field.note, 'full fine-tune memory not modelled for LoRA'].filter(Boolean).join('; ') } : sharding.field,
        kvHeadsMayDivideTensorParallel: false,
        ...(named && /^Llama\b/.test(named.model.family) ? llamaDropout(named.model.name) : {}),
      },
    );
    const loads = base && typeof base.value === 'string' ? { loadsCheckpoint: `base_model ${base.value}` } : {};
    const memoryNotModelled = adapter ?? sharding.offload;
    return { ...shape, ...(named ? { catalogueModel: named.model.name } : {}), ...loads, ...(memoryNotModelled ? { memoryNotModelled } : {}) };
  },
};

/**
 * `gradient_checkpointing`: true recomputes every layer (transformers' gradient checkpointing);
 * `offload` and `unsloth` also move the checkpointed layer inputs to CPU memory, which the run
 * model, keeping them on the GPU, counts as full recomputation.
 */
function checkpointingOf(entry: ConfigEntry): RecomputeMode | null {
  return entry.value === 'offload' || entry.value === 'unsloth' ? 'full' : checkpointingMode(booleanValue(entry));
}

/** The adapter the run trains over frozen weights (`adapter: lora|qlora`, or 4/8-bit loading), which the run model cannot size. */
function adapterOf(index: EntryIndex): string | undefined {
  const adapter = index.get('adapter');
  const quantized = ['load_in_4bit', 'load_in_8bit'].find((key) => booleanValue(index.get(key)) === true);
  if (!(adapter && typeof adapter.value === 'string' && adapter.value !== '') && !quantized) return undefined;
  const what = [adapter && typeof adapter.value === 'string' && adapter.value !== '' ? `adapter ${adapter.value}` : '', quantized ?? ''].filter(Boolean).join(', ');
  return `${what}: full fine-tune memory not modelled for LoRA; the run model counts gradients and optimizer states for every weight`;
}

/**
 * Axolotl's precision switches: `bf16: true` or `auto` (its default: bf16 where the GPU supports
 * it, axolotl src/axolotl/utils/schemas/config.py @ 70be5461), `fp16: true`; neither is FP32,
 * which is not modelled.
 */
function axolotlDtype(index: EntryIndex): ShapeField<Dtype> {
  const fp16 = index.get('fp16');
  if (fp16 && booleanValue(fp16) === true) return fieldAt<Dtype>(fp16, 'fp16');
  const bf16 = index.get('bf16');
  if (bf16?.unresolved) return fieldAt<Dtype>(bf16, null);
  if (!bf16 || bf16.value === null) return defaultField<Dtype>('bf16', LAUNCH.bf16Source);
  if (bf16.value === 'auto') return fieldAt<Dtype>(bf16, 'bf16', LAUNCH.bf16Source);
  return booleanValue(bf16) === true ? fieldAt<Dtype>(bf16, 'bf16') : { ...fieldAt<Dtype>(bf16, null), origin: 'unknown', note: 'bf16 false and no fp16: FP32 training, which is not modelled' };
}

/** Axolotl's shipped DeepSpeed configs (deepspeed_configs/zero1.json ... zero3_bf16_cpuoffload_all.json @ b371df79): the stage is in the name. */
const SHIPPED_DEEPSPEED = /(?:^|[/\\])zero([123])(?:_[a-z0-9_]+)?\.json$/i;

/**
 * How the run shards its state: `deepspeed:` an inline config's `zero_optimization.stage`, or the
 * stage in the name of one of Axolotl's shipped configs (other files are not read: unknown);
 * `fsdp:` its list (`full_shard`, `shard_grad_op`) or `fsdp_config`'s sharding strategy
 * (`reshard_after_forward` under FSDP 2), else accelerate's FULL_SHARD; neither: DDP, nothing
 * sharded. Offloading parameters or
 * optimizer states to CPU (`cpuoffload` configs, `offload`, `fsdp_offload_params`) leaves the GPU
 * less than the run model counts: `offload` says so.
 */
function axolotlSharding(index: EntryIndex): { field: ShapeField<Sharding>; offload?: string } {
  const deepspeed = index.get('deepspeed');
  const inlineStage = index.get('deepspeed.zero_optimization.stage');
  if (inlineStage) return { field: readChoice(index, ['deepspeed.zero_optimization.stage'], (entry) => ZERO_STAGES[String(entry.value)] ?? null, () => unknownField()) };
  if (deepspeed?.unresolved) return { field: fieldAt<Sharding>(deepspeed, null) };
  if (deepspeed && typeof deepspeed.value === 'string' && deepspeed.value !== '') {
    const stage = SHIPPED_DEEPSPEED.exec(deepspeed.value)?.[1];
    if (!stage) return { field: { ...fieldAt<Sharding>(deepspeed, null), origin: 'unknown', note: `deepspeed ${deepspeed.value}: not one of Axolotl's shipped configs, and shapelint does not read other files` } };
    const offload = /cpuoffload/i.test(deepspeed.value) ? `deepspeed ${deepspeed.value} offloads to CPU memory: the run model's memory per GPU is an upper bound` : undefined;
    return { field: fieldAt<Sharding>(deepspeed, `zero-${stage}` as Sharding, `DeepSpeed ZeRO stage ${stage}, from the name of Axolotl's shipped config`), offload };
  }
  const strategy = index.get('fsdp_config.fsdp_sharding_strategy', 'fsdp_config.sharding_strategy');
  const offloadParams = index.get('fsdp_config.fsdp_offload_params', 'fsdp_config.offload_params');
  const fsdpList = index.document.entries.filter((entry) => entry.path[0] === 'fsdp' && typeof entry.value === 'string').map((entry) => String(entry.value));
  const offload =
    (offloadParams && booleanValue(offloadParams) === true) || fsdpList.includes('offload') ? 'FSDP offloads parameters to CPU memory: the run model\'s memory per GPU is an upper bound' : undefined;
  if (strategy && strategy.value !== null) return { field: readChoice(index, ['fsdp_config.fsdp_sharding_strategy', 'fsdp_config.sharding_strategy'], (entry) => FSDP_SHARDING_STRATEGIES[String(entry.value).toUpperCase()] ?? null, () => unknownField()), offload };
  const reshard = index.get('fsdp_config.reshard_after_forward');
  if (reshard && booleanValue(reshard) !== undefined) return { field: fieldAt<Sharding>(reshard, booleanValue(reshard) ? 'fsdp' : 'zero-2'), offload };
  const listed = index.document.entries.find((entry) => entry.path[0] === 'fsdp' && (entry.value === 'full_shard' || entry.value === 'shard_grad_op'));
  if (listed) return { field: fieldAt<Sharding>(listed, listed.value === 'full_shard' ? 'fsdp' : 'zero-2'), offload };
  // FSDP on (`fsdp: [auto_wrap]`, FSDP 2's `fsdp_version`) with no strategy named: accelerate's FULL_SHARD.
  const enabled = index.document.entries.find((entry) => entry.path[0] === 'fsdp' && entry.path.length > 1 && entry.value !== null) ?? index.get('fsdp_version');
  if (enabled && enabled.value !== null) return { field: fieldAt<Sharding>(enabled, 'fsdp', LAUNCH.fsdpStrategySource), offload };
  return { field: defaultField<Sharding>('none', LAUNCH.shardingSource) };
}

/**
 * Axolotl's switches, first that is on wins: `flash_attention`, `sdp_attention`,
 * `xformers_attention` (xformers' memory-efficient attention, a fused kernel that keeps no s×s
 * scores, modelled as FlashAttention), `eager_attention`; none leaves transformers' default.
 */
function axolotlAttention(index: EntryIndex): ShapeField<AttentionImplementation> {
  const switches = [['flash_attention', 'flash'], ['sdp_attention', 'sdpa'], ['xformers_attention', 'flash'], ['eager_attention', 'unfused']] as const;
  for (const [key, implementation] of switches) {
    const entry = index.get(key);
    if (entry?.unresolved) return fieldAt<AttentionImplementation>(entry, null);
    if (entry && booleanValue(entry) === true) return fieldAt<AttentionImplementation>(entry, implementation, key === 'xformers_attention' ? 'xformers memory-efficient attention, modelled as FlashAttention' : undefined);
  }
  return defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource);
}
