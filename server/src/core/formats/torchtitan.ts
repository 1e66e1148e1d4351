import type { ConfigDocument } from '../model/document';
import { parseToml } from '../parse/toml';
import { defaultField, RECOMPUTE_MODES, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type Sharding } from '../model/shape';
import { findModel, torchtitanName } from './catalogue/models';
import { catalogueActivation, catalogueFields, checkpointSetting, completeShape, EntryIndex, noDropout, readChoice, readField } from './fields';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';

const LAUNCH = LAUNCH_DEFAULTS.torchtitan;
import type { FormatReader } from './format';
import { extensionOf, sniffHead } from './sniff';

/**
 * torchtitan train config TOML (`torchtitan/models/llama3/train_configs/llama3_8b.toml`): the
 * model is `[model] name` + `flavor`, a preset in torchtitan's model registry, so its shape comes
 * from the model catalogue; the run's settings are `[training] seq_len` and `local_batch_size`
 * (`batch_size` before it was renamed), `[parallelism] tensor_parallel_degree` and
 * `pipeline_parallel_degree`.
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
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource),
        recompute: readChoice(index, ['activation_checkpoint.mode'], (entry) => (RECOMPUTE_MODES as readonly unknown[]).includes(entry.value) ? (entry.value as RecomputeMode) : null, () =>
          defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
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
    return { ...shape, ...(named ? { catalogueModel: named.name } : {}), ...(loadsCheckpoint ? { loadsCheckpoint } : {}) };
  },
};
