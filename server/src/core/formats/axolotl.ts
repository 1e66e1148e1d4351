import type { ConfigDocument, ConfigEntry } from '../model/document';
import type { Dtype } from '../model/prediction';
import { parseYaml } from '../parse/yaml';
import { defaultField, unknownField, type Adapter, type AttentionImplementation, type BaseWeights, type LoraTarget, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { booleanValue, catalogueActivation, catalogueLatentAttention, catalogueFields, checkpointingMode, completeShape, EntryIndex, fieldAt, FSDP_SHARDING_STRATEGIES, readChoice, readField, tokenizerVocab, ZERO_STAGES } from './fields';
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
        ...(named ? catalogueLatentAttention(named.model, named.entry) : {}),
        attentionKernel: axolotlAttention(index),
        recompute: readChoice(index, ['gradient_checkpointing'], checkpointingOf, () => defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource)),
        dtype: axolotlDtype(index),
        sharding: adapter.notModelled ? { ...sharding.field, note: [sharding.field.note, 'full fine-tune memory not modelled for this adapter'].filter(Boolean).join('; ') } : sharding.field,
        kvHeadsMayDivideTensorParallel: false,
        ...(named && /^Llama\b/.test(named.model.family) ? llamaDropout(named.model.name) : {}),
      },
    );
    const loads = base && typeof base.value === 'string' ? { loadsCheckpoint: `base_model ${base.value}` } : {};
    const memoryNotModelled = adapter.notModelled ?? sharding.offload;
    return {
      ...shape,
      ...(named ? { catalogueModel: named.model.name } : {}),
      ...loads,
      ...(adapter.adapter ? { adapter: adapter.adapter } : {}),
      ...(memoryNotModelled ? { memoryNotModelled } : {}),
    };
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

/**
 * PEFT module names (Hugging Face Llama/Mistral/Qwen, Falcon/GPT-NeoX, Phi, Mixtral experts) by
 * the linear they name; a fused QKV name wraps all three.
 */
const PEFT_MODULES: ReadonlyMap<string, readonly LoraTarget[]> = new Map<string, readonly LoraTarget[]>([
  ['q_proj', ['query']], ['k_proj', ['key']], ['v_proj', ['value']],
  ['query_key_value', ['query', 'key', 'value']], ['qkv_proj', ['query', 'key', 'value']], ['Wqkv', ['query', 'key', 'value']],
  ['o_proj', ['projection']], ['out_proj', ['projection']], ['dense', ['projection']],
  ['gate_proj', ['mlpGate']], ['w1', ['mlpGate']],
  ['up_proj', ['mlpUp']], ['w3', ['mlpUp']], ['fc1', ['mlpUp']], ['dense_h_to_4h', ['mlpUp']],
  ['down_proj', ['mlpDown']], ['w2', ['mlpDown']], ['fc2', ['mlpDown']], ['dense_4h_to_h', ['mlpDown']],
  ['lm_head', ['head']],
]);
const ALL_LINEAR: readonly LoraTarget[] = ['query', 'key', 'value', 'projection', 'mlpGate', 'mlpUp', 'mlpDown'];
const ADAPTER_SOURCES = {
  rank: 'no lora_r: PEFT LoraConfig default r 8 (huggingface/peft src/peft/tuners/lora/config.py)',
  targets: 'no lora_target_modules or lora_target_linear: PEFT\'s default target modules for Llama-family models, q_proj and v_proj (peft src/peft/utils/constants.py TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING)',
  linear: 'lora_target_linear: every linear layer but lm_head (axolotl find_all_linear_names)',
  quantized: "load_in_4bit: bitsandbytes NF4 with double quantization (axolotl's BitsAndBytesConfig bnb_4bit_quant_type nf4, bnb_4bit_use_double_quant True)",
  state: 'PEFT keeps the adapter in fp32',
} as const;

/**
 * The adapter the run trains over frozen weights: `adapter: lora|qlora` with `lora_r`,
 * `lora_target_modules` / `lora_target_linear`, `lora_dropout` and the base's loading
 * (`load_in_4bit`: NF4 with double quantization; `load_in_8bit`: LLM.int8; else the bf16/fp16
 * checkpoint). Where the file names an adapter the run model cannot size (another adapter
 * type, an unreadable rank or target list, 4/8-bit loading without an adapter), `notModelled` says why.
 */
function adapterOf(index: EntryIndex): { adapter?: Adapter; notModelled?: string } {
  const entry = index.get('adapter');
  const named = entry && typeof entry.value === 'string' && entry.value !== '' ? entry.value : undefined;
  const quantized = ['load_in_4bit', 'load_in_8bit'].find((key) => booleanValue(index.get(key)) === true);
  if (!named && !quantized) return {};
  const notModelled = (why: string): { notModelled: string } => ({
    notModelled: `${[named ? `adapter ${named}` : '', quantized ?? ''].filter(Boolean).join(', ')}: ${why}; the run model counts gradients and optimizer states for every weight`,
  });
  if (named !== 'lora' && named !== 'qlora') return notModelled(named ? 'only LoRA and QLoRA adapters are modelled' : 'full fine-tune memory not modelled for a quantized base without an adapter');
  const rankEntry = index.get('lora_r');
  const rank = rankEntry?.value ?? null;
  if (rankEntry?.unresolved || (rank !== null && (typeof rank !== 'number' || rank <= 0))) return notModelled(`lora_r ${String(rank)} is not a rank the run model can size`);
  const targets = loraTargets(index);
  if (typeof targets === 'string') return notModelled(targets);
  const baseWeights: BaseWeights = named === 'qlora' || quantized === 'load_in_4bit' ? 'nf4-dq' : quantized === 'load_in_8bit' ? 'int8' : 'bf16';
  const dropout = index.get('lora_dropout')?.value;
  const notes = [
    typeof rank === 'number' ? `lora_r ${rank}` : ADAPTER_SOURCES.rank,
    targets.note,
    baseWeights === 'nf4-dq' ? ADAPTER_SOURCES.quantized : baseWeights === 'int8' ? 'load_in_8bit: bitsandbytes LLM.int8 weights' : 'the base in 16 bits',
    ADAPTER_SOURCES.state,
  ];
  return {
    adapter: {
      kind: baseWeights === 'nf4-dq' ? 'qlora' : 'lora',
      baseWeights,
      rank: typeof rank === 'number' ? rank : 8,
      targets: targets.targets,
      adapterState: 'fp32',
      dropout: typeof dropout === 'number' && dropout > 0,
      note: notes.join('; '),
    },
  };
}

/** The linears `lora_target_modules` and `lora_target_linear` name, or why they cannot be read. */
function loraTargets(index: EntryIndex): { targets: LoraTarget[]; note: string } | string {
  const linear = booleanValue(index.get('lora_target_linear')) === true;
  const listed = index.document.entries.filter((entry) => entry.path[0] === 'lora_target_modules' && entry.path.length === 2);
  const single = index.get('lora_target_modules');
  if (single && typeof single.value === 'string') return `lora_target_modules ${single.value} is a pattern the run model does not match`;
  const names = listed.map((entry) => String(entry.value));
  const unknown = names.filter((name) => !PEFT_MODULES.has(name));
  if (unknown.length > 0) return `lora_target_modules ${unknown.join(', ')}: not a linear the run model knows`;
  const targets = new Set<LoraTarget>([...(linear ? ALL_LINEAR : []), ...names.flatMap((name) => PEFT_MODULES.get(name) ?? [])]);
  if (targets.size === 0) return { targets: ['query', 'value'], note: ADAPTER_SOURCES.targets };
  const note = [linear ? ADAPTER_SOURCES.linear : '', names.length ? `lora_target_modules ${names.join(', ')}` : ''].filter(Boolean).join(' and ');
  return { targets: [...targets], note };
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
