import type { ConfigDocument } from '../model/document';
import { parseYaml } from '../parse/yaml';
import type { Dtype } from '../model/prediction';
import { defaultField, unknownField, type ModelShape, type NumberField, type RecomputeMode, type ShapeField, type Sharding } from '../model/shape';
import { booleanValue, checkpointSetting, completeShape, derivedHeadDim, EntryIndex, fieldAt, paddedVocabByDivisor, readChoice, readField, stringField, transformersAttention, untiedEmbeddingsSwitch, valueOf, ZERO_STAGES } from './fields';
import { LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import type { FormatReader } from './format';
import { extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

const LAUNCH = LAUNCH_DEFAULTS.nanotron;

/**
 * Nanotron YAML (`examples/config_*.yaml`): the architecture under `model.model_config` with
 * Hugging Face names (LlamaConfig / Qwen2Config), `parallelism.tp/pp`, `tokens.sequence_length`
 * and `tokens.micro_batch_size`. `DistributedTrainer` pads `vocab_size` to a multiple of
 * `model.make_vocab_size_divisible_by` × TP (`src/nanotron/trainer.py`), and its Llama/Qwen2 MLP
 * is gated (`gate_up_proj`). The launch: `parallelism` (dp, tp, pp, context and expert parallel
 * sizes, tp_mode, pp_engine, recompute_layer), `tokens.batch_accumulation_per_replica`,
 * `optimizer.zero_stage` and `model.dtype` (nanotronRunSizes, nanotronRunChoices).
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
    const pipelineParallel = readField(index, 'pipelineParallel', ['parallelism.pp'], () => defaultField(1, 'no parallelism.pp: 1'));
    const microBatchSize = readField(index, 'microBatchSize', ['tokens.micro_batch_size'], () => unknownField('no tokens.micro_batch_size'));
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
        microBatchSize,
        tensorParallel,
        ...nanotronRunSizes(index, tensorParallel, pipelineParallel, microBatchSize),
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['moe_config.top_k'], () => defaultField(1, 'dense model (no experts)')),
      },
      {
        activation,
        gatedMlp: /^(silu|swish)$/i.test(activation.value ?? ''),
        attentionKernel: readChoice(index, ['_attn_implementation'], (entry) => transformersAttention(entry.value), () => unknownField('no _attn_implementation')),
        kvHeadsMayDivideTensorParallel: false,
        ...nanotronRunChoices(index),
        untiedEmbeddings: untiedEmbeddingsSwitch(index, ['tie_word_embeddings'], 'tie', () =>
          index.has('is_starcoder2_config')
            ? unknownField('Starcoder2Config has no tie_word_embeddings, and its model code was not read')
            : defaultField(UNTIED_EMBEDDINGS_DEFAULTS.nanotron.untied, UNTIED_EMBEDDINGS_DEFAULTS.nanotron.source),
        ),
      },
    );
    // Weights to start from: a checkpoint to resume, or `init_method.path` to load.
    const loadsCheckpoint = checkpointSetting(index, ['checkpoints.resume_checkpoint_path', 'model.init_method.path']);
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

/**
 * The run's sizes: GPUs = TP × CP × DP × PP, as ParallelContext asserts against WORLD_SIZE
 * (huggingface/nanotron src/nanotron/parallel/context.py @ 009b8f71; experts fold into those
 * ranks); the global batch = micro_batch_size × batch_accumulation_per_replica × dp (nanotron
 * Config.global_batch_size). The pipeline's engine is noted where it matters: the default
 * all-forward-all-backward holds every micro-batch's activations, which the run model's 1F1B
 * count does not.
 */
function nanotronRunSizes(index: EntryIndex, tensor: NumberField, pipeline: NumberField, micro: NumberField): Pick<ModelShape, 'pipelineParallel' | 'contextParallel' | 'expertParallel' | 'gpus' | 'globalBatchSize'> {
  const dataParallel = readField(index, 'gpus', ['parallelism.dp'], () => unknownField('no parallelism.dp'));
  const contextParallel = readField(index, 'contextParallel', ['parallelism.context_parallel_size'], () => defaultField(1, `ParallelismArgs default context_parallel_size 1 (${LAUNCH.source})`));
  const accumulation = readField(index, 'globalBatchSize', ['tokens.batch_accumulation_per_replica'], () => unknownField('no tokens.batch_accumulation_per_replica'));
  const product = (factors: [string, NumberField][], at: NumberField, why: string): NumberField => {
    const values = factors.map(([, field]) => valueOf(field));
    if (values.some((value) => value === undefined)) return unknownField(`${why}: ${factors.filter(([, field]) => field.value === null).map(([name]) => name).join(', ')} unknown`);
    const value = (values as number[]).reduce((total, factor) => total * factor, 1);
    return { ...at, value, origin: 'derived', note: `${factors.map(([name, field]) => `${name} ${field.value}`).join(' × ')}: ${why}` };
  };
  const gpus = product([['dp', dataParallel], ['tp', tensor], ['pp', pipeline], ['context_parallel_size', contextParallel]], dataParallel, 'nanotron ParallelContext requires TP × CP × DP × PP = WORLD_SIZE (src/nanotron/parallel/context.py @ 009b8f71)');
  const globalBatch = product([['micro_batch_size', micro], ['batch_accumulation_per_replica', accumulation], ['dp', dataParallel]], accumulation, 'nanotron Config.global_batch_size');
  const engine = index.get('parallelism.pp_engine');
  const allForwardAllBackward = (engine?.value ?? LAUNCH.pipelineEngine) === 'afab';
  const stages = valueOf(pipeline) ?? 1;
  const engineNote = `pp_engine ${String(engine?.value ?? `${LAUNCH.pipelineEngine} (ParallelismArgs default, ${LAUNCH.source})`)}: all forwards, then all backwards, so a stage holds every micro-batch's activations; the run model counts 1F1B's, a lower bound`;
  return {
    pipelineParallel: allForwardAllBackward && stages > 1 ? { ...pipeline, note: pipeline.note ? `${pipeline.note}; ${engineNote}` : engineNote } : pipeline,
    contextParallel,
    expertParallel: readField(index, 'expertParallel', ['parallelism.expert_parallel_size'], () => defaultField(1, `ParallelismArgs default expert_parallel_size 1 (${LAUNCH.source})`)),
    gpus,
    globalBatchSize: globalBatch,
  };
}

/** nanotron's model.dtype names; float32 training is not modelled. */
const NANOTRON_DTYPES: Record<string, Dtype> = { bfloat16: 'bf16', float16: 'fp16' };

/**
 * `tp_mode: REDUCE_SCATTER` is sequence parallelism (ParallelismArgs' docstring), ALL_REDUCE its
 * default; `recompute_layer` recomputes each layer (older trees: `recompute_granularity`
 * selective or full); `optimizer.zero_stage` 1 shards the optimizer states (nanotron has 0 and 1).
 */
function nanotronRunChoices(index: EntryIndex): Pick<ModelShape, 'sequenceParallel' | 'recompute' | 'sharding' | 'dtype'> {
  const tpMode = index.get('parallelism.tp_mode');
  const sequenceParallel: ShapeField<boolean> =
    tpMode && typeof tpMode.value === 'string' && !tpMode.unresolved
      ? fieldAt(tpMode, tpMode.value.toUpperCase() === 'REDUCE_SCATTER')
      : defaultField(false, `ParallelismArgs default tp_mode ALL_REDUCE (${LAUNCH.source})`);
  const granularity = index.get('parallelism.recompute_granularity');
  const recompute: ShapeField<RecomputeMode> = granularity && granularity.value !== null
    ? readChoice(index, ['parallelism.recompute_granularity'], (entry) => ({ SELECTIVE: 'selective', FULL: 'full' } as Record<string, RecomputeMode>)[String(entry.value).toUpperCase()] ?? null, () => unknownField())
    : readChoice(index, ['parallelism.recompute_layer'], (entry) => { const on = booleanValue(entry); return on === undefined ? null : on ? 'full' : 'none'; }, () =>
        defaultField<RecomputeMode>('none', `ParallelismArgs default recompute_layer False (${LAUNCH.source})`),
      );
  return {
    sequenceParallel,
    recompute,
    sharding: readChoice(index, ['optimizer.zero_stage'], (entry) => (Number(entry.value) <= 1 ? ZERO_STAGES[String(entry.value)] ?? null : null), () => unknownField<Sharding>('no optimizer.zero_stage')),
    dtype: readChoice(index, ['model.dtype'], (entry) => NANOTRON_DTYPES[String(entry.value)] ?? null, () => unknownField<Dtype>('no model.dtype')),
  };
}
