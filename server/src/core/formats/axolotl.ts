import type { ConfigDocument, ConfigEntry } from '../model/document';
import { parseYaml } from '../parse/yaml';
import { defaultField, unknownField, type AttentionImplementation, type ModelShape, type NumberField, type NumericFieldName, type RecomputeMode, type ShapeField } from '../model/shape';
import { booleanValue, catalogueActivation, catalogueFields, checkpointingMode, completeShape, EntryIndex, fieldAt, readChoice, readField, tokenizerVocab } from './fields';
import type { FormatReader, ReadContext } from './format';
import { namedModel } from './hub-models';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS } from './catalogue/framework-defaults';

const LAUNCH = LAUNCH_DEFAULTS.axolotl;
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * Axolotl YAML (`examples/llama-3/lora-8b.yml` and the like): the model is `base_model`, a Hugging Face id whose weights the run
 * loads and finetunes, so its shape comes from the model catalogue; the run's own settings are
 * `sequence_len`, `micro_batch_size`, `flash_attention`, `tensor_parallel_size`.
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
  return { ...unknownField<number>(`tensor_parallel ${String(entry.value)}: the degree is chosen at launch from the GPUs found`), key: entry.path.join('.'), keySpan: entry.keySpan, valueSpan: entry.valueSpan };
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
    const model: Partial<Record<NumericFieldName, NumberField>> = named ? catalogueFields(named.model, named.entry) : {};
    const shape = completeShape(
      'axolotl',
      {
        ...model,
        hiddenSize: model.hiddenSize ?? notCatalogued(),
        seqLength: readField(index, 'seqLength', ['sequence_len'], () => unknownField('no sequence_len in this file')),
        microBatchSize: readField(index, 'microBatchSize', ['micro_batch_size'], () => unknownField('no micro_batch_size in this file')),
        vocabDivisor: defaultField<number>(null, 'Axolotl keeps the checkpoint\'s embedding'),
        vocabSize: tokenizerVocab(undefined, index.get('tokenizer_config') ?? base) ?? model.vocabSize ?? notCatalogued(),
        tensorParallel: readField(index, 'tensorParallel', ['tensor_parallel_size'], () => launcherTensorParallel(index.get('tensor_parallel'))),
        pipelineParallel: defaultField(1, 'Axolotl has no pipeline parallelism'),
      },
      {
        activation: named ? catalogueActivation(named.model, named.entry) : unknownField('the activation is base_model\'s'),
        gatedMlp: named?.model.gatedMlp ?? false,
        attentionKernel: axolotlAttention(index),
        recompute: readChoice(index, ['gradient_checkpointing'], (entry) => checkpointingMode(booleanValue(entry)), () =>
          defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
        ),
        kvHeadsMayDivideTensorParallel: false,
        ...(named && /^Llama\b/.test(named.model.family) ? llamaDropout(named.model.name) : {}),
      },
    );
    const loads = base && typeof base.value === 'string' ? { loadsCheckpoint: `base_model ${base.value}` } : {};
    return { ...shape, ...(named ? { catalogueModel: named.model.name } : {}), ...loads };
  },
};

/** Axolotl's switches, first that is on wins: `flash_attention`, `sdp_attention`, `eager_attention`; none leaves transformers' default. */
function axolotlAttention(index: EntryIndex): ShapeField<AttentionImplementation> {
  const switches = [['flash_attention', 'flash'], ['sdp_attention', 'sdpa'], ['eager_attention', 'unfused']] as const;
  for (const [key, implementation] of switches) {
    const entry = index.get(key);
    if (entry?.unresolved) return fieldAt<AttentionImplementation>(entry, null);
    if (entry && booleanValue(entry) === true) return fieldAt<AttentionImplementation>(entry, implementation);
  }
  return defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource);
}
