import type { ConfigDocument } from '../model/document';
import { parseToml } from '../parse/toml';
import { defaultField, RECOMPUTE_MODES, unknownField, type AttentionImplementation, type CompiledParts, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type SelectiveRecompute, type ShapeField, type Sharding } from '../model/shape';
import { findModel, torchtitanName } from './catalogue/models';
import { booleanValue, catalogueActivation, catalogueLatentAttention, catalogueFields, checkpointSetting, completeShape, EntryIndex, fieldAt, noDropout, readChoice, readField } from './fields';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';

const LAUNCH = LAUNCH_DEFAULTS.torchtitan;
import type { FormatReader } from './format';
import { extensionOf, sniffHead } from './sniff';

/**
 * torchtitan train config TOML (`torchtitan/models/llama3/train_configs/llama3_8b.toml`): the
 * model is `[model] name` + `flavor`, a preset in torchtitan's model registry, so its shape comes
 * from the model catalogue; the run's settings are `[training] seq_len` and `local_batch_size`
 * (`batch_size` before it was renamed), `[parallelism] tensor_parallel_degree` and
 * `pipeline_parallel_degree`, `[activation_checkpoint] mode` and `selective_ac_option` (what
 * selective keeps), and `[compile] enable` and `components` (`[training] compile` before).
 */
export const torchtitanReader: FormatReader = {
  id: 'torchtitan',
  label: 'torchtitan TOML',
  evidence: ['name', 'flavor', 'seq_len', 'tensor_parallel_degree', 'pipeline_parallel_degree'],

  detect(fileName, text) {
    if (extensionOf(fileName) !== 'toml') return 0;
    const head = sniffHead(text);
    return /^\[model\]/m.test(head) && /^\s*flavor\s*=/m.test(head) ? 0.95 : 0;
  },

  parse: parseToml,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const selective = selectiveOption(index);
    const name = index.get('model.name');
    const flavor = index.get('model.flavor');
    const named = typeof name?.value === 'string' && typeof flavor?.value === 'string' && !flavor.unresolved ? findModel(torchtitanName(name.value, flavor.value)) : undefined;
    const why = name && flavor ? `the shape is torchtitan's ${String(name.value)} flavor ${String(flavor.value)}, which is not in the model catalogue` : 'no [model] name and flavor';
    const model: Partial<Record<NumericFieldName, NumberField>> = named && flavor ? catalogueFields(named, flavor) : {};
    const shape = completeShape(
      'torchtitan',
      {
        ...model,
        hiddenSize: model.hiddenSize ?? unknownField(why),
        seqLength: readField(index, 'seqLength', ['training.seq_len'], () => unknownField('no [training] seq_len')),
        microBatchSize: readField(index, 'microBatchSize', ['training.local_batch_size', 'training.batch_size'], () => unknownField('no [training] local_batch_size')),
        vocabDivisor: defaultField<number>(null, 'torchtitan does not pad the vocabulary'),
        tensorParallel: readField(index, 'tensorParallel', ['parallelism.tensor_parallel_degree'], () => defaultField(1, 'torchtitan default tensor_parallel_degree 1')),
        pipelineParallel: readField(index, 'pipelineParallel', ['parallelism.pipeline_parallel_degree'], () => defaultField(1, 'torchtitan default pipeline_parallel_degree 1')),
        contextParallel: readField(index, 'contextParallel', ['parallelism.context_parallel_degree'], () => defaultField(1, 'torchtitan default context_parallel_degree 1')),
        expertParallel: readField(index, 'expertParallel', ['parallelism.expert_parallel_degree'], () => defaultField(1, 'torchtitan default expert_parallel_degree 1')),
        globalBatchSize: readField(index, 'globalBatchSize', ['training.global_batch_size'], () => unknownField('no [training] global_batch_size: local batch × data-parallel degree')),
      },
      {
        activation: named && flavor ? catalogueActivation(named, flavor) : unknownField(why),
        gatedMlp: named?.gatedMlp ?? false,
        ...(named && flavor ? catalogueLatentAttention(named, flavor) : {}),
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource),
        recompute: withSelective(
          readChoice(index, ['activation_checkpoint.mode'], (entry) => ((RECOMPUTE_MODES as readonly unknown[]).includes(entry.value) ? (entry.value as RecomputeMode) : null), () =>
            defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
          ),
          selective,
        ),
        kvHeadsMayDivideTensorParallel: false,
        sharding: defaultField<Sharding>('fsdp', 'torchtitan default data_parallel_shard_degree -1: FSDP over the remaining GPUs'),
        // Only the llama3 model code was read; other torchtitan models keep their dropout unknown.
        ...(name?.value === 'llama3' ? noDropout("torchtitan's llama3", FRAMEWORK_DEFAULTS.torchtitan.llama3ModelSource) : {}),
        // Only the llama3 model code was read for its output layer too.
        untiedEmbeddings:
          name?.value === 'llama3'
            ? defaultField(UNTIED_EMBEDDINGS_DEFAULTS.torchtitan.untied, UNTIED_EMBEDDINGS_DEFAULTS.torchtitan.source)
            : unknownField(`torchtitan's ${String(name?.value ?? '(no [model] name)')} model code was not read for its output layer`),
      },
    );
    // A checkpoint folder to resume from, or an initial load path.
    const loadsCheckpoint = checkpointSetting(index, ['checkpoint.initial_load_path']);
    return { ...shape, selectiveRecompute: selective, compile: compiledParts(index), ...(named ? { catalogueModel: named.name } : {}), ...(loadsCheckpoint ? { loadsCheckpoint } : {}) };
  },
};

const LAYER_SAC = 'torchtitan/distributed/activation_checkpoint.py _apply_layer_sac @ 01db32e9';

/**
 * `[activation_checkpoint] selective_ac_option`: "op", torchtitan's per-op policy; a whole number
 * N, every Nth block checkpointed whole (_apply_layer_sac wraps the blocks whose 1-based count is
 * a multiple of N, and every block for 0); anything else makes torchtitan raise ValueError.
 */
function selectiveOption(index: EntryIndex): ShapeField<SelectiveRecompute> {
  const entry = index.get('activation_checkpoint.selective_ac_option');
  if (!entry || entry.value === null) return defaultField<SelectiveRecompute>({ kind: 'layers', every: LAUNCH.selectiveEvery }, `${LAUNCH.selectiveSource}: every ${ordinal(LAUNCH.selectiveEvery)} block checkpointed whole, the others keep all their activations (${LAYER_SAC})`);
  if (entry.unresolved) return fieldAt<SelectiveRecompute>(entry, null);
  const written = String(entry.value);
  if (written === 'op') return fieldAt<SelectiveRecompute>(entry, { kind: 'per-op' }, 'selective_ac_option "op": torchtitan\'s per-op policy, the outputs of every other matmul and of the attention kernel kept');
  if (/^\d+$/.test(written)) {
    const every = Math.max(1, Number(written));
    const which = every === 1 ? 'every block' : `every ${ordinal(every)} block`;
    return fieldAt<SelectiveRecompute>(entry, { kind: 'layers', every }, `selective_ac_option "${written}": ${which} checkpointed whole${written === '0' ? ' (0 wraps them all, as 1 does)' : ''}, the others keep all their activations (${LAYER_SAC})`);
  }
  return { ...fieldAt<SelectiveRecompute>(entry, null), origin: 'unknown', note: `selective_ac_option "${written}" is neither "op" nor a whole number: torchtitan raises ValueError (_apply_ac_to_transformer_block)` };
}

const ordinal = (n: number): string => `${n}${n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : n % 10 === 1 && n % 100 !== 11 ? 'st' : 'th'}`;

/** The mode with what selective keeps in its note; a selective mode whose option torchtitan refuses is not usable. */
function withSelective(mode: ShapeField<RecomputeMode>, selective: ShapeField<SelectiveRecompute>): ShapeField<RecomputeMode> {
  if (mode.value !== 'selective') return mode;
  if (selective.value === null) return { ...mode, value: null, origin: selective.origin === 'unresolved' ? 'unresolved' : 'unknown', note: selective.note };
  return { ...mode, note: mode.note ? `${mode.note}; ${selective.note}` : selective.note };
}

/** What torch.compile compiles: `[compile] enable` and `components`, else the older `[training] compile`, else nothing (LAUNCH.compileSource). */
function compiledParts(index: EntryIndex): ShapeField<CompiledParts> {
  const enable = index.get('compile.enable');
  const older = index.get('training.compile');
  const switchEntry = enable ?? older;
  if (!switchEntry || switchEntry.value === null) return defaultField<CompiledParts>('none', `${LAUNCH.compileSource}: not compiled`);
  const on = booleanValue(switchEntry);
  const key = enable ? '[compile] enable' : '[training] compile';
  if (on === undefined) return switchEntry.unresolved ? fieldAt<CompiledParts>(switchEntry, null) : { ...fieldAt<CompiledParts>(switchEntry, null), origin: 'unknown', note: `${key} ${String(switchEntry.value)}: not a boolean` };
  if (!on) return fieldAt<CompiledParts>(switchEntry, 'none', `${key} false: not compiled`);
  if (!enable) return fieldAt<CompiledParts>(switchEntry, 'model and loss', `[training] compile true: the blocks and the loss compiled (${LAUNCH.compileSource}); ${COMPILE_MODELLED}`);
  const written = index.document.entries.filter((entry) => entry.path[0] === 'compile' && entry.path[1] === 'components');
  // `components = []` compiles nothing; only a file without the key gets the default ["model", "loss"].
  const named = written.length === 0 ? ['model', 'loss'] : written.filter((entry) => !entry.empty).map((entry) => String(entry.value));
  const model = named.includes('model');
  const loss = named.includes('loss');
  const parts: CompiledParts = model && loss ? 'model and loss' : model ? 'model' : loss ? 'loss' : 'none';
  const which = `components ${written.length === 0 ? 'not written, so ' : ''}[${named.map((part) => `"${part}"`).join(', ')}]`;
  return fieldAt(switchEntry, parts, `[compile] enable true, ${which} (${LAUNCH.compileSource}); ${COMPILE_MODELLED}`);
}

const COMPILE_MODELLED = "a compiled loss keeps 4 B per logit at its peak where PyTorch's eager one keeps 12 (the run's lossLogits); the compiled blocks' fusion of element-wise work is not modelled";
