import type { ConfigDocument, ConfigEntry } from '../model/document';
import { parseYaml } from '../parse/yaml';
import type { Dtype } from '../model/prediction';
import { catalogueField, defaultField, derivedField, roundUpToMultiple, unknownField, type Adapter, type AttentionImplementation, type BaseWeights, type LoraTarget, type ModelShape, type NumberField, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import type { CatalogueModel } from './catalogue/models';
import { booleanValue, catalogueActivation, catalogueFields, checkpointSetting, completeShape, derivedHeadDim, derivedSize, EntryIndex, fieldAt, gpusOfNodes, noDropout, readChoice, readField, valueOf } from './fields';
import type { FormatReader, ReadContext } from './format';
import { namedModel } from './hub-models';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * LitGPT YAML (`config_hub/`): the architecture under `model_config:` with the field names of
 * `litgpt/config.py` (defaults: padding_multiple 512, vocab_size 50254, block_size 4096,
 * intermediate_size 4·n_embd unless the MLP is LLaMAMLP). A file without `model_config` takes
 * its shape from the model it names, as `litgpt/pretrain.py` (`Config.from_name(model_name)`)
 * and the finetune scripts (`Config.from_checkpoint(checkpoint_dir)`, whose folder is named
 * `checkpoints/<org>/<name>`) do: through the model catalogue. The launch: `devices` × `num_nodes`,
 * `train.global_batch_size`, `precision`, and the script's strategy (litgptRun).
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.litgpt;
const LAUNCH = LAUNCH_DEFAULTS.litgpt;
/** What LitGPT's model code fixes whatever the file says: no dropout, and an lm_head of its own. */
const LITGPT_MODEL_CODE: Pick<ModelShape, 'attentionDropout' | 'hiddenDropout' | 'untiedEmbeddings'> = {
  ...noDropout('LitGPT', DEFAULTS.modelSource),
  untiedEmbeddings: defaultField(UNTIED_EMBEDDINGS_DEFAULTS.litgpt.untied, UNTIED_EMBEDDINGS_DEFAULTS.litgpt.source),
};

/** MLP classes whose gate and up projections both have width intermediate_size. */
/** A Map: the class name comes from the file (`mlp_class_name: constructor` is no gated MLP). */
const GATED_MLPS = new Map([
  ['LLaMAMLP', 'swiglu'],
  ['GemmaMLP', 'geglu'],
  ['LLaMAMoE', 'swiglu'],
]);

/** Top-level settings of LitGPT's pretrain and finetune scripts (`config_hub/`). */
const LITGPT_RUN_KEYS = ['train', 'eval', 'out_dir', 'precision', 'devices', 'num_nodes', 'optimizer', 'data', 'tokenizer_dir', 'logger_name', 'initial_checkpoint_dir', 'resume', 'checkpoint_dir'];
/** `Config` field names that only LitGPT spells so. */
const LITGPT_MODEL_KEYS = ['n_embd', 'n_layer', 'n_head', 'n_query_groups', 'padded_vocab_size', 'mlp_class_name', 'block_size'];

export const litgptReader: FormatReader = {
  id: 'litgpt',
  label: 'LitGPT YAML',
  evidence: ['model_config', 'model_name', ...LITGPT_RUN_KEYS, ...LITGPT_MODEL_KEYS],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    // Axolotl also has a `model_config:` override and MaxText a `model_name:`: neither has LitGPT's run keys.
    if (hasTopLevelKey(head, 'base_model')) return 0;
    const runKeys = LITGPT_RUN_KEYS.filter((key) => hasTopLevelKey(head, key)).length;
    const modelKeys = countKeys(head, LITGPT_MODEL_KEYS);
    if ((hasTopLevelKey(head, 'model_config') || hasTopLevelKey(head, 'model_name')) && (runKeys >= 1 || modelKeys >= 2)) return 0.9;
    return hasTopLevelKey(head, 'checkpoint_dir') && hasTopLevelKey(head, 'train') ? 0.75 : 0;
  },

  parse: parseYaml,

  read(document: ConfigDocument, context?: ReadContext): ModelShape {
    const index = new EntryIndex(document, (path) => (path[0] === 'model_config' ? path.slice(1).join('.') : path.join('.')));
    const hasModel = document.entries.some((entry) => entry.path[0] === 'model_config' && entry.path.length > 1 && entry.value !== null);
    const source = index.get('model_name') ?? index.get('checkpoint_dir');
    const named = hasModel ? undefined : namedModel(source, context);
    // Finetuning starts from `checkpoint_dir`; pretraining from `initial_checkpoint_dir` or a `resume` checkpoint.
    const loadsCheckpoint = checkpointSetting(index, ['checkpoint_dir', 'initial_checkpoint_dir', 'resume']);
    const run = litgptRun(index);
    if (named) return readNamedModel(index, named.model, named.entry, loadsCheckpoint, run);
    const elsewhere = source && typeof source.value === 'string' ? `the shape comes from ${source.path[0]} ${source.value}, not from this file` : 'no model_config in this file';
    const unknown = (): NumberField => unknownField(elsewhere);
    const fallback = (make: () => NumberField): (() => NumberField) => (hasModel ? make : unknown);

    const hiddenSize = readField(index, 'hiddenSize', ['n_embd'], unknown);
    const numHeads = readField(index, 'numHeads', ['n_head'], unknown);
    const mlpClass = index.get('mlp_class_name');
    const gatedActivation = typeof mlpClass?.value === 'string' ? GATED_MLPS.get(mlpClass.value) : undefined;
    const h = valueOf(hiddenSize);
    const padded = index.get('padded_vocab_size');
    // Config.__post_init__: with padded_vocab_size given, vocab_size = min(vocab_size, padded_vocab_size).
    const vocabSize = readField(index, 'vocabSize', ['vocab_size'], fallback(() =>
      typeof padded?.value === 'number' && padded.value < DEFAULTS.vocabSize
        ? defaultField(padded.value, `LitGPT: min(default vocab_size ${DEFAULTS.vocabSize}, padded_vocab_size ${padded.value})`)
        : defaultField(DEFAULTS.vocabSize, `LitGPT default vocab_size ${DEFAULTS.vocabSize}`),
    ));
    const vocabDivisor = readField(index, 'vocabDivisor', ['padding_multiple'], fallback(() => defaultField(DEFAULTS.paddingMultiple, `LitGPT default padding_multiple ${DEFAULTS.paddingMultiple}`)));
    const numExperts = readField(index, 'numExperts', ['n_expert'], () => defaultField(1, 'dense model (no n_expert)'));
    const moe = (valueOf(numExperts) ?? 1) > 1;

    const shape = completeShape(
      'litgpt',
      {
        hiddenSize,
        numLayers: readField(index, 'numLayers', ['n_layer'], unknown),
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['n_query_groups'], fallback(() => defaultField(numHeads.value, 'LitGPT default n_query_groups = n_head'))),
        headDim: readField(index, 'headDim', ['head_size'], () => derivedHeadDim(hiddenSize, numHeads)),
        ffnHiddenSize: readField(index, 'ffnHiddenSize', moe && index.has('moe_intermediate_size') ? ['moe_intermediate_size'] : ['intermediate_size'], fallback(() =>
          gatedActivation
            ? unknownField(`LitGPT requires intermediate_size for ${String(mlpClass?.value)}`)
            : defaultField(h === undefined ? null : DEFAULT_MLP_EXPANSION * h, `LitGPT default intermediate_size ${DEFAULT_MLP_EXPANSION} × n_embd`),
        )),
        vocabSize,
        paddedVocabSize: readField(index, 'paddedVocabSize', ['padded_vocab_size'], () => litgptPaddedVocab(vocabSize, vocabDivisor)),
        vocabDivisor,
        seqLength: readField(index, 'seqLength', ['train.max_seq_length', 'block_size'], fallback(() => defaultField(DEFAULTS.blockSize, `LitGPT default block_size ${DEFAULTS.blockSize}`))),
        microBatchSize: readField(index, 'microBatchSize', ['train.micro_batch_size'], () => unknownField('no train.micro_batch_size in this file')),
        tensorParallel: defaultField(1, 'LitGPT shards with FSDP: no tensor parallelism'),
        pipelineParallel: defaultField(1, 'LitGPT has no pipeline parallelism'),
        ...run.sizes,
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['n_expert_per_token'], () => (moe ? unknownField('n_expert_per_token not given') : defaultField(1, 'dense model (no experts)'))),
      },
      {
        activation: mlpClass && gatedActivation ? fieldAt(mlpClass, gatedActivation) : hasModel ? defaultField('gelu', 'LitGPT default GptNeoxMLP (GELU)') : unknownField(elsewhere),
        gatedMlp: gatedActivation !== undefined,
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource),
        kvHeadsMayDivideTensorParallel: false,
        ...LITGPT_MODEL_CODE,
        ...run.choices,
      },
    );
    return { ...shape, ...(loadsCheckpoint ? { loadsCheckpoint } : {}), ...run.caveat };
  },
};

const TRAINING_FIELDS = (index: EntryIndex, model: CatalogueModel) => ({
  seqLength: readField(index, 'seqLength', ['train.max_seq_length'], () => catalogueField(model.seqLength, `block_size of ${model.name} (model catalogue)`)),
  microBatchSize: readField(index, 'microBatchSize', ['train.micro_batch_size'], () => unknownField('no train.micro_batch_size in this file')),
});

/** A file that only names its model: the catalogue's shape, the file's training settings. */
function readNamedModel(index: EntryIndex, model: CatalogueModel, entry: ConfigEntry, loadsCheckpoint: string | undefined, run: LitgptRun): ModelShape {
  const fields = catalogueFields(model, entry);
  const shape = completeShape(
    'litgpt',
    {
      ...fields,
      ...TRAINING_FIELDS(index, model),
      vocabDivisor: derivedField<number>(null, `the padded vocabulary comes with ${model.name}`),
      tensorParallel: defaultField(1, 'LitGPT shards with FSDP: no tensor parallelism'),
      pipelineParallel: defaultField(1, 'LitGPT has no pipeline parallelism'),
      ...run.sizes,
    },
    {
      activation: catalogueActivation(model, entry),
      gatedMlp: model.gatedMlp,
      attentionKernel: defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource),
      kvHeadsMayDivideTensorParallel: false,
      ...LITGPT_MODEL_CODE,
      ...run.choices,
    },
  );
  return { ...shape, catalogueModel: model.name, ...(loadsCheckpoint ? { loadsCheckpoint } : {}), ...run.caveat };
}

/** litgpt.utils.find_multiple(vocab_size, padding_multiple). */
function litgptPaddedVocab(vocab: NumberField, divisor: NumberField): NumberField {
  const v = valueOf(vocab);
  const d = valueOf(divisor);
  if (v === undefined || d === undefined) return derivedField<number>(null, 'padded_vocab_size = find_multiple(vocab_size, padding_multiple); one of them is unknown');
  return derivedField(roundUpToMultiple(v, d), `LitGPT pads ${v} up to a multiple of padding_multiple ${d}`);
}

interface LitgptRun {
  sizes: Pick<ModelShape, 'gpus' | 'gpusPerNode' | 'globalBatchSize'>;
  choices: Pick<ModelShape, 'sharding' | 'recompute' | 'dtype'>;
  caveat: Pick<ModelShape, 'memoryNotModelled' | 'adapter'>;
}

/** LitGPT's `precision` values (Lightning Fabric's); 32-true is not a precision shapelint models. */
const LITGPT_PRECISION: Record<string, Dtype> = { 'bf16-true': 'bf16', 'bf16-mixed': 'bf16', '16-true': 'fp16', '16-mixed': 'fp16' };

/**
 * The run a LitGPT config launches. A file with `checkpoint_dir` is a finetune config (with
 * `lora_r`, a LoRA one), else a pretrain config; each script's defaults and strategy are
 * LAUNCH_DEFAULTS.litgpt's: FSDP on more than one GPU (pretrain HYBRID_SHARD; the finetune
 * scripts also checkpoint every Block), none on one. The global batch is what the scripts run:
 * gradient_accumulation_iters(devices) = global_batch_size // devices // micro_batch_size
 * micro-batches of every GPU, so a global batch that does not divide is rounded down.
 */
function litgptRun(index: EntryIndex): LitgptRun {
  const finetune = index.has('checkpoint_dir');
  const lora = index.has('lora_r');
  const script = finetune ? (lora ? LAUNCH.lora : LAUNCH.finetune) : LAUNCH.pretrain;
  const devicesEntry = index.get('devices');
  const devices: NumberField =
    devicesEntry && (devicesEntry.value === 'auto' || devicesEntry.value === -1)
      ? { ...fieldAt<number>(devicesEntry, null), origin: 'unknown', note: `devices ${String(devicesEntry.value)}: every GPU the node has, which the file does not say` }
      : readField(index, 'gpusPerNode', ['devices'], () =>
          script.devices === 'auto' ? unknownField(`no devices: ${script.source} uses every GPU the node has`) : defaultField(script.devices, `${script.source} default devices ${script.devices}`),
        );
  const nodes = readField(index, 'gpus', ['num_nodes'], () => defaultField(1, `${script.source} default num_nodes 1`));
  const gpus = gpusOfNodes(nodes, devices, devices, (nodeCount, perNode) => `num_nodes ${nodeCount} × devices ${perNode}`, devices.note ?? 'devices unknown');
  const count = valueOf(gpus);
  const sharding: ShapeField<Sharding> =
    count === 1
      ? defaultField<Sharding>('none', `one GPU: ${script.source} runs strategy auto`)
      : defaultField<Sharding>('fsdp', `${count === undefined ? 'the GPUs are unknown; on more than one, ' : ''}${script.source} shards with ${script.strategy}`);
  const recompute =
    finetune && count !== 1
      ? defaultField<RecomputeMode>('full', `${count === undefined ? 'the GPUs are unknown; on more than one, ' : ''}${script.source} checkpoints every Block (activation_checkpointing_policy={Block})`)
      : defaultField<RecomputeMode>('none', `${script.source}: no activation checkpointing${finetune ? ' on one GPU' : ''}`);
  const precision = readChoice(index, ['precision'], (entry) => LITGPT_PRECISION[String(entry.value)] ?? null, () => defaultField<Dtype>('bf16', LAUNCH.precisionSource));
  const adapter = lora ? litgptAdapter(index) : undefined;
  const memoryNotModelled =
    typeof adapter === 'string'
      ? adapter
      : !lora && index.get('precision')?.value === 'bf16-true'
        ? 'precision bf16-true keeps weights, gradients and AdamW states in bf16, 8 B per parameter against the 16 to 18 B of mixed-precision Adam the run model counts: its memory per GPU is an upper bound'
        : undefined;
  return {
    sizes: { gpus, gpusPerNode: devices, globalBatchSize: litgptGlobalBatch(index, devices, gpus) },
    choices: { sharding: typeof adapter === 'string' ? { ...sharding, note: `${sharding.note}; full fine-tune memory not modelled for this adapter` } : sharding, recompute, dtype: precision },
    caveat: { ...(memoryNotModelled ? { memoryNotModelled } : {}), ...(typeof adapter === 'object' ? { adapter } : {}) },
  };
}

const LORA_SCRIPT = 'litgpt/finetune/lora.py setup() @ 01fe959c';
/** LitGPT's `lora_*` switches and the linears they wrap; `lora_mlp` wraps every MLP linear (LLaMAMLP fc_1, fc_2, proj). Defaults: LORA_SCRIPT's. */
const LITGPT_LORA_SWITCHES: ReadonlyArray<readonly [string, readonly LoraTarget[], boolean]> = [
  ['lora_query', ['query'], true],
  ['lora_key', ['key'], false],
  ['lora_value', ['value'], true],
  ['lora_projection', ['projection'], false],
  ['lora_mlp', ['mlpGate', 'mlpUp', 'mlpDown'], false],
  ['lora_head', ['head'], false],
];
/** `quantize` (Fabric's BitsandbytesPrecision modes): fp4 is stored like nf4, 4 bits in blocks of 64. */
const LITGPT_QUANTIZE: Record<string, BaseWeights> = { 'bnb.nf4': 'nf4', 'bnb.fp4': 'nf4', 'bnb.nf4-dq': 'nf4-dq', 'bnb.fp4-dq': 'nf4-dq', 'bnb.int8-training': 'int8' };

/**
 * A LoRA finetune config's adapter (LORA_SCRIPT: lora_r 8, lora_dropout 0.05, query and value
 * only, unless the file says): under `*-true` precision every parameter, the adapter's too, is in
 * bf16/fp16; under `*-mixed` (LitGPT's default where the GPU has bf16) in fp32; `quantize` stores
 * the base's linears in 4 or 8 bits. A string says why the adapter cannot be sized.
 */
function litgptAdapter(index: EntryIndex): Adapter | string {
  const rank = index.get('lora_r')?.value;
  if (typeof rank !== 'number' || rank <= 0) return `a LoRA finetune with lora_r ${String(rank)}, not a rank the run model can size; the run model counts gradients and optimizer states for every weight`;
  const quantize = index.get('quantize')?.value;
  const quantized = typeof quantize === 'string' && quantize !== '' ? LITGPT_QUANTIZE[quantize] : undefined;
  if (typeof quantize === 'string' && quantize !== '' && !quantized) return `a LoRA finetune with quantize ${quantize}, which the run model does not size; the run model counts gradients and optimizer states for every weight`;
  const precision = index.get('precision')?.value;
  const trueHalf = precision === 'bf16-true' || precision === '16-true';
  const targets = LITGPT_LORA_SWITCHES.flatMap(([key, wraps, byDefault]) => (booleanValue(index.get(key)) ?? byDefault ? wraps : []));
  const dropout = index.get('lora_dropout')?.value;
  const notes = [
    `lora_r ${rank}`,
    `targets from the lora_* switches (${LORA_SCRIPT} defaults: query and value)`,
    quantized ? `quantize ${String(quantize)}` : trueHalf ? `precision ${String(precision)}: the base in 16 bits` : `precision ${String(precision ?? 'bf16-mixed (default)')}: parameters in fp32`,
    typeof dropout === 'number' ? `lora_dropout ${dropout}` : `${LORA_SCRIPT} default lora_dropout 0.05`,
  ];
  return {
    kind: quantized === 'nf4' || quantized === 'nf4-dq' ? 'qlora' : 'lora',
    baseWeights: quantized ?? (trueHalf ? 'bf16' : 'fp32'),
    rank,
    targets,
    adapterState: trueHalf || quantized ? 'bf16' : 'fp32',
    dropout: typeof dropout === 'number' ? dropout > 0 : true,
    note: notes.join('; '),
  };
}

/** The sequences per optimizer step LitGPT runs for `train.global_batch_size` (see litgptRun). */
function litgptGlobalBatch(index: EntryIndex, devices: NumberField, gpus: NumberField): NumberField {
  const written = readField(index, 'globalBatchSize', ['train.global_batch_size'], () => unknownField('no train.global_batch_size in this file'));
  const entry = index.get('train.global_batch_size');
  const micro = index.get('train.micro_batch_size')?.value;
  const perNode = valueOf(devices);
  const count = valueOf(gpus);
  const global = valueOf(written);
  if (global === undefined || !entry) return written;
  if (perNode === undefined || count === undefined || typeof micro !== 'number' || micro <= 0) return unknownField(`train.global_batch_size ${global}, split over devices${perNode === undefined ? ' the file leaves to the launcher' : ''}: LitGPT runs global_batch_size // devices // micro_batch_size micro-batches per GPU`);
  const accumulation = Math.floor(Math.floor(global / perNode) / micro);
  const effective = accumulation * micro * count;
  if (effective === global) return written;
  return derivedSize('globalBatchSize', effective, `LitGPT runs ${global} // ${perNode} devices // micro_batch_size ${micro} = ${accumulation} micro-batches on each of ${count} GPUs`, entry);
}
