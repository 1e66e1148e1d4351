import type { ConfigDocument } from '../model/document';
import { parseShell } from '../parse/shell';
import { parseYaml } from '../parse/yaml';
import { defaultField, derivedField, unknownField, type FormatId, type LatentAttentionFieldName, type LatentAttentionShape, type ModelShape, type NumberField, type PipelineSplit, type ShapeField, type AttentionImplementation, type RecomputeMode, type Sharding } from '../model/shape';
import {
  precisionSwitch,
  fieldAt,
  booleanSetting,
  booleanValue,
  checkpointSetting,
  completeShape,
  derivedHeadDim,
  EntryIndex,
  fieldFromEntry,
  paddedVocabByDivisor,
  readDropout,
  readField,
  tokenizerVocab,
  valueOf,
  gpusOfNodes,
  untiedEmbeddingsSwitch,
  megatronCorePipelineSplit,
  stageLayerCount,
} from './fields';
import type { FormatReader } from './format';
import { megatronMoeLayers } from './moe-layers';
import { latentAttentionFields, latentQueryKeyHeadDim } from './latent-attention';
import type { Dtype } from '../model/prediction';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, megatronSwigluWidth, TP_COMM_OVERLAP_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import { countFlags, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * Megatron-LM (and Megatron-DeepSpeed) launch scripts and YAML. Defaults from
 * `megatron/training/arguments.py`: --make-vocab-size-divisible-by 128, --swiglu's ffn
 * int(4h·2/3/64)·64, --num-query-groups only with --group-query-attention, --moe-router-topk 2.
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.megatron;
const LAUNCH = LAUNCH_DEFAULTS.megatron;
const UNTIED = UNTIED_EMBEDDINGS_DEFAULTS;

const MODEL_FLAGS = [
  '--num-layers',
  '--hidden-size',
  '--num-attention-heads',
  '--seq-length',
  '--tensor-model-parallel-size',
  '--pipeline-model-parallel-size',
  '--micro-batch-size',
  '--ffn-hidden-size',
  '--max-position-embeddings',
  '--make-vocab-size-divisible-by',
  '--num-query-groups',
  '--swiglu',
  '--global-batch-size',
];

const HYDRA_MODEL_OVERRIDE = /(^|\s)\+{0,2}model\.(hidden_size|num_layers|num_attention_heads|encoder_seq_length|ffn_hidden_size|tensor_model_parallel_size)=/gm;

/** Shell variables that launch wrappers set for the script they call (NeMo on Neuron, BigScience). */
const SHAPE_VARIABLE = /^[ \t]*(?:export[ \t]+)?(?::[ \t]+\$\{)?(N_?LAYERS|NUM_LAYERS|HIDDEN_SIZE|NHIDDEN|HS|N_AH|NHEADS|NUM_HEADS|NUM_ATTN_HEADS|FFN_HS|FFN_HIDDEN_SIZE|SEQ_LEN|SEQ_LENGTH|TP|PP|TP_SIZE|PP_SIZE)(?::?=)/gm;

const YAML_SECTIONS = ['language_model', 'model_parallel', 'MODEL_ARGS'];

const SHELL_EXTENSIONS = new Set(['sh', 'bash', 'slurm', 'sbatch']);

export const megatronReader: FormatReader = {
  id: 'megatron',
  label: 'Megatron-LM launch script or YAML',
  evidence: [...YAML_SECTIONS, ...MODEL_FLAGS],

  detect(fileName, text) {
    const head = sniffHead(text);
    const extension = extensionOf(fileName);
    if (YAML_EXTENSIONS.has(extension)) {
      if (hasTopLevelKey(head, 'language_model') || hasTopLevelKey(head, 'model_parallel')) return 0.9;
      return hasTopLevelKey(head, 'MODEL_ARGS') && countFlags(head, MODEL_FLAGS) >= 2 ? 0.9 : 0;
    }
    if (!SHELL_EXTENSIONS.has(extension) && !/^#!.*\b(ba|z)?sh\b/.test(head)) return 0;
    if (countFlags(head, MODEL_FLAGS) >= 2) return 0.9;
    if ((head.match(HYDRA_MODEL_OVERRIDE) ?? []).length >= 2) return 0.75;
    return new Set((head.match(SHAPE_VARIABLE) ?? []).map((match) => match.trim())).size >= 4 ? 0.55 : 0;
  },

  parse(text) {
    const head = sniffHead(text);
    return YAML_SECTIONS.some((section) => hasTopLevelKey(head, section)) ? parseYaml(text) : parseShell(text);
  },

  read(document: ConfigDocument): ModelShape {
    return readMegatronArguments(document, megatronKey, 'megatron');
  },
};

/** Every Megatron-LM argument the reader looks at: the index holds these only, and asking for another does not compile. */
const ARGUMENTS_READ = [
  'hidden_size', 'num_attention_heads', 'tensor_model_parallel_size', 'swiglu', 'gated_linear_unit', 'activation_func', 'quick_geglu',
  'squared_relu', 'num_experts', 'num_moe_experts', 'vocab_size', 'tokenizer_type', 'tokenizer_model', 'tokenizer_name_or_path',
  'make_vocab_size_divisible_by', 'moe_ffn_hidden_size', 'ffn_hidden_size', 'num_layers', 'encoder_num_layers', 'num_query_groups',
  'group_query_attention', 'pad_vocab_size_to', 'padded_vocab_size', 'seq_length', 'encoder_seq_length', 'micro_batch_size', 'pipeline_model_parallel_size',
  'moe_router_topk', 'topk', 'attention_dropout', 'hidden_dropout', 'config_name', 'pp_partition_method', 'decoder_first_pipeline_num_layers',
  'decoder_last_pipeline_num_layers', 'pipeline_model_parallel_layout', 'account_for_embedding_in_pipeline_split',
  'account_for_loss_in_pipeline_split', 'multi_latent_attention', 'qk_head_dim', 'qk_pos_emb_head_dim', 'q_lora_rank', 'kv_lora_rank', 'v_head_dim', 'kv_channels', 'use_flash_attn',
  'attention_backend', 'load', 'pretrained_checkpoint', 'hf_checkpoint', 'load_hf_checkpoint', 'restore_from_path', 'transformer_impl',
  'recompute_granularity', 'recompute_activations', 'bf16', 'fp16', 'fp8_format',
  // Which layers run experts, and the shared experts (formats/moe-layers.ts).
  'moe_layer_freq', 'moe_shared_expert_intermediate_size',
  // The run's launch (perf/run): Megatron-LM's parallel sizes and batch, and torchrun's or srun's GPUs.
  'context_parallel_size', 'expert_model_parallel_size', 'num_layers_per_virtual_pipeline_stage', 'virtual_pipeline_model_parallel_size',
  'global_batch_size', 'sequence_parallel', 'use_distributed_optimizer', 'nproc_per_node', 'nnodes', 'ntasks_per_node', 'gpus_per_node', 'nodes',
  'grad_reduce_in_bf16', 'untie_embeddings_and_output_weights', 'tp_comm_overlap',
] as const;
type Argument = (typeof ARGUMENTS_READ)[number];
type ArgumentIndex = EntryIndex<Argument>;
const ARGUMENTS_READ_SET: ReadonlySet<string> = new Set(ARGUMENTS_READ);

/**
 * Megatron-LM's argument semantics over a document whose keys `key` maps to argument names
 * (`hidden_size` for `--hidden-size`); FlagScale's YAML feeds the same arguments.
 */
export function readMegatronArguments(document: ConfigDocument, key: (path: readonly string[]) => string | undefined, format: FormatId): ModelShape {
  const index: ArgumentIndex = new EntryIndex(document, key, ARGUMENTS_READ_SET);
  const flag = (name: Argument) => index.get(name);
  const elsewhere = defaultsElsewhere(document, index);
  const orDefault = <T>(make: () => ShapeField<T>) => (): ShapeField<T> => (elsewhere ? unknownField<T>(elsewhere) : make());
  const hiddenSize = readField(index, 'hiddenSize', ['hidden_size'], () => unknownField('Megatron-LM has no default hidden size'));
  const numHeads = readField(index, 'numHeads', ['num_attention_heads'], () => unknownField('Megatron-LM has no default head count'));
  const tensorParallel = readField(index, 'tensorParallel', ['tensor_model_parallel_size'], orDefault(() =>
    defaultField(DEFAULTS.parallelSize, `Megatron-LM default --tensor-model-parallel-size ${DEFAULTS.parallelSize}`),
  ));
  const swiglu = booleanValue(flag('swiglu')) === true || booleanValue(flag('gated_linear_unit')) === true || flag('activation_func')?.value === 'swiglu';
  // --quick-geglu (gpt-oss) also sets gated_linear_unit, with a quick-GELU gate.
  const quickGeglu = booleanValue(flag('quick_geglu')) === true;
  const numExperts = readField(index, 'numExperts', ['num_experts', 'num_moe_experts'], orDefault(() => defaultField(1, 'dense model (no --num-experts)')));
  const moe = (valueOf(numExperts) ?? 1) > 1;
  const vocabSize = readField(index, 'vocabSize', ['vocab_size'], () =>
    tokenizerVocab(index.get('tokenizer_type'), index.get('tokenizer_model', 'tokenizer_name_or_path')) ??
    unknownField('Megatron-LM takes the vocabulary from the tokenizer (--tokenizer-type / --vocab-file)'),
  );
  const vocabDivisor = readField(index, 'vocabDivisor', ['make_vocab_size_divisible_by'], orDefault(() =>
    defaultField(DEFAULTS.makeVocabSizeDivisibleBy, `Megatron-LM default --make-vocab-size-divisible-by ${DEFAULTS.makeVocabSizeDivisibleBy}`),
  ));
  const ffnKeys: Argument[] = moe && index.has('moe_ffn_hidden_size') ? ['moe_ffn_hidden_size'] : ['ffn_hidden_size'];
  const numLayers = readField(index, 'numLayers', ['num_layers', 'encoder_num_layers'], () => unknownField('Megatron-LM has no default layer count'));
  const latentAttention = megatronLatentAttention(index);

  const shape = completeShape(
    format,
    {
      hiddenSize,
      numLayers,
      numHeads,
      numKvHeads: elsewhere && !index.has('num_query_groups') ? unknownField(elsewhere) : megatronKvHeads(index, numHeads),
      headDim: megatronHeadDim(index, hiddenSize, numHeads, latentAttention),
      ffnHiddenSize: readField(index, 'ffnHiddenSize', ffnKeys, orDefault(() => megatronDefaultFfn(hiddenSize, swiglu))),
      vocabSize,
      paddedVocabSize: readField(index, 'paddedVocabSize', ['pad_vocab_size_to', 'padded_vocab_size'], () =>
        paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, 'Megatron-LM'),
      ),
      vocabDivisor,
      seqLength: readField(index, 'seqLength', ['seq_length', 'encoder_seq_length'], () => unknownField('no --seq-length in this file')),
      microBatchSize: readField(index, 'microBatchSize', ['micro_batch_size'], () => unknownField('no --micro-batch-size in this file')),
      tensorParallel,
      pipelineParallel: readField(index, 'pipelineParallel', ['pipeline_model_parallel_size'], orDefault(() =>
        defaultField(DEFAULTS.parallelSize, `Megatron-LM default --pipeline-model-parallel-size ${DEFAULTS.parallelSize}`),
      )),
      numExperts,
      ...megatronRunSizes(index, orDefault),
      expertsPerToken: readField(index, 'expertsPerToken', ['moe_router_topk', 'topk'], orDefault(() =>
        moe ? defaultField(DEFAULTS.moeRouterTopk, `Megatron-LM default --moe-router-topk ${DEFAULTS.moeRouterTopk}`) : defaultField(1, 'dense model (no experts)'),
      )),
      // --moe-ffn-hidden-size sizes the experts; the dense layers keep --ffn-hidden-size.
      ...(moe ? megatronMoeLayers(index, { frequency: 'moe_layer_freq', shared: 'moe_shared_expert_intermediate_size' }, numLayers, () =>
        readField(index, 'denseFfnHiddenSize', ['ffn_hidden_size'], orDefault(() => megatronDefaultFfn(hiddenSize, swiglu))), 'Megatron-LM') : {}),
    },
    {
      activation: megatronActivation(index, swiglu, orDefault(() => defaultField('gelu', 'Megatron-LM default activation gelu'))),
      gatedMlp: swiglu || quickGeglu,
      attentionKernel: megatronAttention(index, orDefault(() => defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource))),
      recompute: megatronRecompute(index, orDefault(() => defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource))),
      // --fp8-format runs the linear GEMMs in FP8 (Transformer Engine); without --bf16/--fp16 Megatron-LM trains in FP32, not modelled.
      dtype: megatronPrecision(index),
      kvHeadsMayDivideTensorParallel: true,
      attentionDropout: readDropout(index, ['attention_dropout'], orDefault(() =>
        defaultField(DEFAULTS.attentionDropout, `Megatron-LM default --attention-dropout ${DEFAULTS.attentionDropout}`),
      )),
      hiddenDropout: readDropout(index, ['hidden_dropout'], orDefault(() =>
        defaultField(DEFAULTS.hiddenDropout, `Megatron-LM default --hidden-dropout ${DEFAULTS.hiddenDropout}`),
      )),
      ...megatronPipelineSplit(index),
      ...megatronRunChoices(index, orDefault),
      ...(latentAttention ? { latentAttention } : {}),
    },
  );
  const loadsCheckpoint = checkpointSetting(index, CHECKPOINT_FLAGS, (name) => `--${name.replace(/_/g, '-')}`);
  const bf16Gradients = index.get('grad_reduce_in_bf16');
  return {
    ...shape,
    ...(loadsCheckpoint ? { loadsCheckpoint } : {}),
    ...(bf16Gradients && booleanValue(bf16Gradients) === true ? { gradientReduceInBf16: true } : {}),
  };
}

/** Flags that start the run from existing weights (`megatron/training/arguments.py`, checkpoint converters). */
const CHECKPOINT_FLAGS: readonly Argument[] = ['load', 'pretrained_checkpoint', 'hf_checkpoint', 'load_hf_checkpoint', 'restore_from_path'];

/**
 * One name per setting across the syntaxes: `--hidden-size` (shell, or a test YAML under
 * MODEL_ARGS), `language_model.hidden_size` / `model_parallel.*` / top-level keys (YAML), and
 * Hydra overrides `model.hidden_size=` in NeMo-style launch scripts.
 */
function megatronKey(path: readonly string[]): string | undefined {
  const last = path[path.length - 1];
  if (last.startsWith('--')) return last.slice(2).replaceAll('-', '_');
  if (path.length === 1 || ['language_model', 'model_parallel', 'model'].includes(path[0])) return path.slice(path.length === 1 ? 0 : 1).join('.');
  return undefined;
}

/**
 * A NeMo launch script passes Hydra overrides (`model.hidden_size=$HS`) to a config it names
 * with `--config-name`, and a wrapper only sets variables for the script it calls: what they
 * do not set comes from that other file, not from Megatron-LM's defaults.
 */
function defaultsElsewhere(document: ConfigDocument, index: ArgumentIndex): string | undefined {
  if (document.syntax !== 'shell' || document.entries.some((entry) => MODEL_FLAGS.includes(entry.path[0]))) return undefined;
  const configName = index.get('config_name');
  return typeof configName?.value === 'string' ? `set by the Hydra config ${configName.value} that this script runs` : 'set by the script this one calls, not in this file';
}

/**
 * Megatron-DeepSpeed's `--pp-partition-method 'type:transformer|embedding'` balances the
 * transformer layers together with the two embedding layers (BLOOM-176B: 70 + 2 over 12
 * stages); Megatron-LM's `--account-for-{embedding,loss}-in-pipeline-split` add one each and
 * `--decoder-{first,last}-pipeline-num-layers` fix the end stages' layers, both as Megatron-Core
 * splits (megatronCorePipelineSplit); a layout, a stage size not written as a number, or a
 * non-`type:` partition method set the split by hand.
 */
function megatronPipelineSplit(index: ArgumentIndex): { pipelineSplit?: PipelineSplit } {
  const raw = index.get('pp_partition_method')?.value;
  // Inside a double-quoted argument string the quotes stay literal until the launcher's `bash -c` re-reads it.
  const partition = typeof raw === 'string' ? raw.replace(/^(['"])(.*)\1$/, '$2') : undefined;
  const byHand = (note: string): { pipelineSplit: PipelineSplit } => ({ pipelineSplit: { extraLayers: 0, uneven: true, note } });
  if (index.has('pipeline_model_parallel_layout')) return byHand('--pipeline-model-parallel-layout sets the split');
  const stage = (key: 'decoder_first_pipeline_num_layers' | 'decoder_last_pipeline_num_layers') => ({ key: `--${key.replace(/_/g, '-')}`, layers: stageLayerCount(index.get(key), true) });
  const stages = [stage('decoder_first_pipeline_num_layers'), stage('decoder_last_pipeline_num_layers')] as const;
  if (stages.some((each) => each.layers !== undefined)) return { pipelineSplit: megatronCorePipelineSplit({ stages }) };
  if (partition !== undefined && !partition.startsWith('type:')) return byHand(`--pp-partition-method '${partition}' balances by its own measure`);
  const flag = (key: 'account_for_embedding_in_pipeline_split' | 'account_for_loss_in_pipeline_split'): string | undefined =>
    booleanValue(index.get(key)) === true ? `--${key.replace(/_/g, '-')}` : undefined;
  const core = megatronCorePipelineSplit({ embedding: flag('account_for_embedding_in_pipeline_split'), loss: flag('account_for_loss_in_pipeline_split'), stages });
  if (partition === undefined || !/\bembedding\b/.test(partition)) return core ? { pipelineSplit: core } : {};
  const counted = `--pp-partition-method '${partition}' counts the 2 embedding layers`;
  // DeepSpeed's partitioner balances what does not divide; only Megatron-Core's own accounting refuses it.
  return { pipelineSplit: { extraLayers: 2 + (core?.extraLayers ?? 0), uneven: false, note: core ? `${counted}; ${core.note}` : counted } };
}

/** --kv-channels, else h/a; with --multi-latent-attention the query-key head dim, which --kv-channels does not set. */
function megatronHeadDim(index: ArgumentIndex, hiddenSize: NumberField, numHeads: NumberField, latent: LatentAttentionShape | undefined): NumberField {
  return latentQueryKeyHeadDim(latent, '--qk-head-dim + --qk-pos-emb-head-dim') ?? readField(index, 'headDim', ['kv_channels'], () => derivedHeadDim(hiddenSize, numHeads));
}

const LATENT_ATTENTION_FLAGS: Record<LatentAttentionFieldName, Argument> = {
  qLoraRank: 'q_lora_rank',
  kvLoraRank: 'kv_lora_rank',
  qkNopeHeadDim: 'qk_head_dim',
  qkRopeHeadDim: 'qk_pos_emb_head_dim',
  vHeadDim: 'v_head_dim',
};

/**
 * --multi-latent-attention's sizes from their flags. Without --q-lora-rank, q_lora_rank is None and
 * MLASelfAttention projects the query straight from h (megatron/core/transformer/
 * multi_latent_attention.py @ 003b4ce2; Megatron-LM's DeepSeek-V2-Lite example leaves the flag
 * out). Another flag left out stays unknown (shapelint has not read its default), and the layer is
 * then modelled as standard attention.
 */
function megatronLatentAttention(index: ArgumentIndex): LatentAttentionShape | undefined {
  if (booleanValue(index.get('multi_latent_attention')) !== true) return undefined;
  return latentAttentionFields((name) =>
    readField(index, name, [LATENT_ATTENTION_FLAGS[name]], () =>
      name === 'qLoraRank'
        ? defaultField(0, 'no --q-lora-rank: q_lora_rank None, the query projected straight from the hidden size (Megatron-Core MLASelfAttention @ 003b4ce2)')
        : unknownField(`no --${LATENT_ATTENTION_FLAGS[name].replace(/_/g, '-')} in this file`),
    ),
  );
}

function megatronKvHeads(index: ArgumentIndex, numHeads: NumberField): NumberField {
  const groups = index.get('num_query_groups');
  const groupsGiven = groups !== undefined && groups.value !== null;
  // A language_model YAML (TransformerConfig) has no switch: a num_query_groups value is GQA.
  const gqa = booleanValue(index.get('group_query_attention')) ?? groups?.path[0] === 'language_model';
  if (groups && (groupsGiven || groups.unresolved) && gqa) return fieldFromEntry(groups, 'numKvHeads', index.document.syntax === 'shell');
  const note = groupsGiven ? '--num-query-groups is ignored without --group-query-attention: one per head' : 'multi-head attention: one per head';
  return defaultField(numHeads.value, note);
}

function megatronDefaultFfn(hiddenSize: NumberField, swiglu: boolean): NumberField {
  const h = valueOf(hiddenSize);
  if (h === undefined) return unknownField('hidden size unknown');
  if (!swiglu) return defaultField(DEFAULT_MLP_EXPANSION * h, `Megatron-LM default ${DEFAULT_MLP_EXPANSION} × hidden size`);
  const m = DEFAULTS.swigluMultiple;
  return derivedField(megatronSwigluWidth(h), `Megatron-LM --swiglu default int(${DEFAULT_MLP_EXPANSION}·${h}·2/3 / ${m})·${m}`);
}

function megatronActivation(index: ArgumentIndex, swiglu: boolean, fallback: () => ShapeField<string>): ShapeField<string> {
  const swigluEntry = index.get('swiglu');
  if (swiglu && swigluEntry) return fieldAt(swigluEntry, 'swiglu');
  const named = index.get('activation_func');
  if (typeof named?.value === 'string') return fieldAt(named, named.value);
  const quick = index.get('quick_geglu');
  if (quick && booleanValue(quick)) return fieldAt(quick, 'quick-geglu');
  const squared = index.get('squared_relu');
  if (squared && booleanValue(squared)) return fieldAt(squared, 'squared-relu');
  return fallback();
}

/** `--attention-backend` (AttnBackend in megatron/core/transformer/enums.py): fused is cuDNN's; local is Megatron-Core's own unfused attention. A Map: the name comes from the file. */
const ATTENTION_BACKENDS = new Map<string, AttentionImplementation | 'auto'>([
  ['flash', 'flash'],
  ['fused', 'cudnn'],
  ['unfused', 'unfused'],
  ['local', 'unfused'],
  ['auto', 'auto'],
]);

/**
 * `--use-flash-attn` names FlashAttention; `--attention-backend` picks the kernel, and `auto`
 * leaves it to the implementation: Transformer Engine's picker, or with `--transformer-impl local`
 * Megatron-Core's unfused attention.
 */
function megatronAttention(index: ArgumentIndex, fallback: () => ShapeField<AttentionImplementation>): ShapeField<AttentionImplementation> {
  const useFlash = index.get('use_flash_attn');
  if (useFlash && booleanValue(useFlash) === true) return fieldAt<AttentionImplementation>(useFlash, 'flash');
  const impl = index.get('transformer_impl');
  const local = impl?.value === 'local';
  const backend = index.get('attention_backend');
  const chosen = backend && typeof backend.value === 'string' ? ATTENTION_BACKENDS.get(backend.value) : undefined;
  if (backend && chosen !== undefined && chosen !== 'auto') return fieldAt(backend, chosen);
  if (impl && typeof impl.value === 'string' && (local || impl.value === 'transformer_engine')) {
    const note = local ? '--transformer-impl local without --use-flash-attn: unfused attention' : 'Transformer Engine picks flash or cuDNN fused attention';
    return fieldAt<AttentionImplementation>(impl, local ? 'unfused' : 'transformer-engine', note);
  }
  return fallback();
}

/**
 * `--recompute-activations` is selective, whatever `--recompute-granularity` says (Megatron-LM
 * arguments.py validate_args: `if args.recompute_activations: args.recompute_granularity =
 * 'selective'`); else `--recompute-granularity full|selective`.
 */
function megatronRecompute(index: ArgumentIndex, fallback: () => ShapeField<RecomputeMode>): ShapeField<RecomputeMode> {
  const activations = index.get('recompute_activations');
  if (activations && booleanValue(activations) === true) return fieldAt<RecomputeMode>(activations, 'selective');
  const granularity = index.get('recompute_granularity');
  if (granularity && (granularity.value === 'full' || granularity.value === 'selective')) return fieldAt<RecomputeMode>(granularity, granularity.value);
  return fallback();
}

type OrDefault = <T>(make: () => ShapeField<T>) => () => ShapeField<T>;

/**
 * The run's sizes: Megatron-LM's `--context-parallel-size`, `--expert-model-parallel-size`
 * (default 1), virtual stages (`--virtual-pipeline-model-parallel-size`, or layers per stage
 * over `--num-layers-per-virtual-pipeline-stage`), `--global-batch-size`; the GPUs from the
 * launcher: torchrun's `--nnodes × --nproc-per-node`, srun's `--nodes × --ntasks-per-node`.
 */
function megatronRunSizes(index: ArgumentIndex, orDefault: OrDefault): Pick<ModelShape, 'contextParallel' | 'expertParallel' | 'virtualStages' | 'globalBatchSize' | 'gpus' | 'gpusPerNode'> {
  const one = (flag: string) => orDefault(() => defaultField(1, `Megatron-LM default ${flag} 1`));
  const perNode = readField(index, 'gpusPerNode', ['nproc_per_node', 'ntasks_per_node', 'gpus_per_node'], () => unknownField('no --nproc-per-node in this file'));
  const nodes = readField(index, 'gpus', ['nnodes', 'nodes'], () => defaultField(1, 'torchrun default --nnodes 1'));
  const gpus = gpusOfNodes(
    nodes,
    perNode,
    perNode,
    (nodeCount, gpusPerNode) => `${nodeCount} node${nodeCount === 1 ? '' : 's'} (${nodes.key ?? 'torchrun default'}) × ${gpusPerNode} GPUs per node (${perNode.key})`,
    'the launcher does not say how many GPUs (torchrun --nnodes/--nproc-per-node, srun --nodes/--ntasks-per-node)',
  );
  return {
    contextParallel: readField(index, 'contextParallel', ['context_parallel_size'], one('--context-parallel-size')),
    expertParallel: readField(index, 'expertParallel', ['expert_model_parallel_size'], one('--expert-model-parallel-size')),
    virtualStages: megatronVirtualStages(index, one('--virtual-pipeline-model-parallel-size')),
    globalBatchSize: readField(index, 'globalBatchSize', ['global_batch_size'], () => unknownField('no --global-batch-size: Megatron-LM takes micro-batch × data-parallel size')),
    gpus,
    gpusPerNode: perNode,
  };
}

function megatronVirtualStages(index: ArgumentIndex, fallback: () => NumberField): NumberField {
  if (index.has('virtual_pipeline_model_parallel_size')) return readField(index, 'virtualStages', ['virtual_pipeline_model_parallel_size'], fallback);
  const perChunk = readField(index, 'virtualStages', ['num_layers_per_virtual_pipeline_stage'], fallback);
  const chunkLayers = valueOf(perChunk);
  const layers = valueOf(readField(index, 'numLayers', ['num_layers'], fallback));
  const stages = valueOf(readField(index, 'pipelineParallel', ['pipeline_model_parallel_size'], () => defaultField(1, '')));
  if (perChunk.origin !== 'file' || chunkLayers === undefined || layers === undefined || stages === undefined) return perChunk;
  return { ...perChunk, value: layers / stages / chunkLayers, origin: 'derived', note: `${layers} layers / PP ${stages} / ${chunkLayers} layers per virtual stage (${perChunk.key})` };
}

/** `--sequence-parallel`, `--use-distributed-optimizer`, `--untie-embeddings-and-output-weights` and `--tp-comm-overlap` (all off by default in Megatron-LM's arguments.py). */
function megatronRunChoices(index: ArgumentIndex, orDefault: OrDefault): Pick<ModelShape, 'sequenceParallel' | 'sharding' | 'untiedEmbeddings' | 'tpCommOverlap'> {
  const sequence = index.get('sequence_parallel');
  const distributed = index.get('use_distributed_optimizer');
  return {
    sequenceParallel: sequence && booleanValue(sequence) !== undefined ? fieldAt(sequence, booleanValue(sequence) === true) : orDefault(() => defaultField(false, 'Megatron-LM default: no --sequence-parallel'))(),
    sharding:
      distributed && booleanValue(distributed) !== undefined
        ? fieldAt<Sharding>(distributed, booleanValue(distributed) ? 'distributed-optimizer' : 'none')
        : orDefault(() => defaultField<Sharding>('none', 'Megatron-LM default: no --use-distributed-optimizer (each data-parallel rank holds the whole optimizer state)'))(),
    untiedEmbeddings: untiedEmbeddingsSwitch(index, ['untie_embeddings_and_output_weights'], 'untie', orDefault(() => defaultField(UNTIED.megatron.untied, UNTIED.megatron.source))),
    tpCommOverlap: booleanSetting(index, ['tp_comm_overlap'], orDefault(() => defaultField(TP_COMM_OVERLAP_DEFAULTS.megatron.overlap, TP_COMM_OVERLAP_DEFAULTS.megatron.source))),
  };
}

/** `--fp8-format e4m3|hybrid` runs the linear GEMMs in FP8; else `--bf16` or `--fp16`; without any, FP32 (not modelled). */
function megatronPrecision(index: ArgumentIndex): ShapeField<Dtype> {
  const fp8 = index.get('fp8_format');
  if (fp8 && typeof fp8.value === 'string') return fieldAt<Dtype>(fp8, 'fp8');
  return (
    precisionSwitch(index, [['bf16', 'bf16'], ['fp16', 'fp16']]) ??
    unknownField<Dtype>('no --bf16, --fp16 or --fp8-format: Megatron-LM trains in FP32, which shapelint does not model')
  );
}
