import type { ConfigDocument, ConfigEntry } from '../model/document';
import { parseYaml } from '../parse/yaml';
import { catalogueField, defaultField, derivedField, roundUpToMultiple, unknownField, type AttentionImplementation, type ModelShape, type NumberField } from '../model/shape';
import type { CatalogueModel } from './catalogue/models';
import { catalogueActivation, catalogueFields, checkpointSetting, completeShape, derivedHeadDim, EntryIndex, fieldAt, noDropout, readField, valueOf } from './fields';
import type { FormatReader, ReadContext } from './format';
import { namedModel } from './hub-models';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS } from './catalogue/framework-defaults';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * LitGPT YAML (`config_hub/`): the architecture under `model_config:` with the field names of
 * `litgpt/config.py` (defaults: padding_multiple 512, vocab_size 50254, block_size 4096,
 * intermediate_size 4·n_embd unless the MLP is LLaMAMLP). A file without `model_config` takes
 * its shape from the model it names, as `litgpt/pretrain.py` (`Config.from_name(model_name)`)
 * and the finetune scripts (`Config.from_checkpoint(checkpoint_dir)`, whose folder is named
 * `checkpoints/<org>/<name>`) do: through the model catalogue.
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.litgpt;
const LITGPT_DROPOUT = noDropout('LitGPT', DEFAULTS.modelSource);

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
    if (named) return readNamedModel(index, named.model, named.entry, loadsCheckpoint);
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
        numExperts,
        expertsPerToken: readField(index, 'expertsPerToken', ['n_expert_per_token'], () => (moe ? unknownField('n_expert_per_token not given') : defaultField(1, 'dense model (no experts)'))),
      },
      {
        activation: mlpClass && gatedActivation ? fieldAt(mlpClass, gatedActivation) : hasModel ? defaultField('gelu', 'LitGPT default GptNeoxMLP (GELU)') : unknownField(elsewhere),
        gatedMlp: gatedActivation !== undefined,
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.litgpt.attention, LAUNCH_DEFAULTS.litgpt.attentionSource),
        kvHeadsMayDivideTensorParallel: false,
        ...LITGPT_DROPOUT,
      },
    );
    return loadsCheckpoint ? { ...shape, loadsCheckpoint } : shape;
  },
};

const TRAINING_FIELDS = (index: EntryIndex, model: CatalogueModel) => ({
  seqLength: readField(index, 'seqLength', ['train.max_seq_length'], () => catalogueField(model.seqLength, `block_size of ${model.name} (model catalogue)`)),
  microBatchSize: readField(index, 'microBatchSize', ['train.micro_batch_size'], () => unknownField('no train.micro_batch_size in this file')),
});

/** A file that only names its model: the catalogue's shape, the file's training settings. */
function readNamedModel(index: EntryIndex, model: CatalogueModel, entry: ConfigEntry, loadsCheckpoint: string | undefined): ModelShape {
  const fields = catalogueFields(model, entry);
  const shape = completeShape(
    'litgpt',
    {
      ...fields,
      ...TRAINING_FIELDS(index, model),
      vocabDivisor: derivedField<number>(null, `the padded vocabulary comes with ${model.name}`),
      tensorParallel: defaultField(1, 'LitGPT shards with FSDP: no tensor parallelism'),
      pipelineParallel: defaultField(1, 'LitGPT has no pipeline parallelism'),
    },
    {
      activation: catalogueActivation(model, entry),
      gatedMlp: model.gatedMlp,
      attentionKernel: defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.litgpt.attention, LAUNCH_DEFAULTS.litgpt.attentionSource),
      kvHeadsMayDivideTensorParallel: false,
      ...LITGPT_DROPOUT,
    },
  );
  return { ...shape, catalogueModel: model.name, ...(loadsCheckpoint ? { loadsCheckpoint } : {}) };
}

/** litgpt.utils.find_multiple(vocab_size, padding_multiple). */
function litgptPaddedVocab(vocab: NumberField, divisor: NumberField): NumberField {
  const v = valueOf(vocab);
  const d = valueOf(divisor);
  if (v === undefined || d === undefined) return derivedField<number>(null, 'padded_vocab_size = find_multiple(vocab_size, padding_multiple); one of them is unknown');
  return derivedField(roundUpToMultiple(v, d), `LitGPT pads ${v} up to a multiple of padding_multiple ${d}`);
}
