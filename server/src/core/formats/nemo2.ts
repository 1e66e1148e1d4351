import type { ConfigDocument } from '../model/document';
import { parseRecipe } from '../parse/python-recipe';
import { defaultField, derivedField, unknownField, type AttentionImplementation, type ModelShape, type PipelineSplit, type Sharding, type NumberField, type NumericFieldName, type ShapeField } from '../model/shape';
import { findModel, sourceText } from './catalogue/models';
import { BRIDGE_PROVIDER_VOCAB, BRIDGE_RECIPES, NEMO_RECIPES, NULL_TOKENIZER_END_OF_DOCUMENT, type NemoRecipe } from './catalogue/nemo-recipes';
import { huggingFaceTokenizerSize } from './catalogue/tokenizers';
import { booleanSetting, booleanValue, catalogueActivation, catalogueFields, completeShape, derivedHeadDim, EntryIndex, fieldAt, fieldFromEntry, megatronCorePipelineSplit, paddedVocabByDivisor, readChoice, readField, gpusOfNodes, stageLayerCount, untiedEmbeddingsSwitch } from './fields';
import type { Dtype } from '../model/prediction';
import type { FormatReader } from './format';
import { FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS } from './catalogue/framework-defaults';
import { extensionOf, sniffHead } from './sniff';

/**
 * NeMo 2 recipes in Python: a script that calls one (`recipe =
 * llm.llama3_8b.pretrain_recipe(num_nodes=2)` then `recipe.trainer.strategy.
 * tensor_model_parallel_size = 2`) or a recipe module itself (`NAME = "llama3_8b"`, `def
 * trainer(tensor_parallelism: int = 1, ...)`); and Megatron-Bridge's (`cfg = pretrain_config(...)`
 * then `cfg.model.tensor_model_parallel_size = 2`, `cfg.train.micro_batch_size = 2`). The model
 * and the default launch come from the recipe catalogue (NEMO_RECIPES, BRIDGE_RECIPES); keyword
 * arguments and assignments to the recipe object override them, and a finding lands on the
 * assigned literal. The vocabulary is the recipe's own where it sets one, else the named model's
 * tokenizer's, padded as Megatron's GPTConfig does (make_vocab_size_divisible_by 128 × TP).
 */
const RECIPE_USE = /\.(?:pretrain|finetune)_recipe\s*\(|^def\s+(?:pretrain|finetune)_recipe\s*\(|(?:pretrain|finetune)_config\s*\(/m;

/**
 * NeMo 2's precision plugins (nemo/collections/llm/recipes/precision/mixed_precision.py, same
 * mirror and commit as the recipes): each factory, and the Lightning precision string
 * MegatronMixedPrecision takes. The `*_with_*fp8*` factories set `fp8 = 'hybrid'` on top of
 * BF16 or FP16, so the GEMMs run in FP8.
 */
const PRECISION_PLUGINS: Readonly<Record<string, Dtype>> = {
  bf16_mixed: 'bf16',
  'bf16-mixed': 'bf16',
  fp16_mixed: 'fp16',
  '16-mixed': 'fp16',
  bf16_with_fp8_mixed: 'fp8',
  fp16_with_fp8_mixed: 'fp8',
  bf16_with_mxfp8_mixed: 'fp8',
  fp16_with_mxfp8_mixed: 'fp8',
  bf16_with_fp8_current_scaling_mixed: 'fp8',
  nemotron_h_bf16_with_fp8_current_scaling_mixed: 'fp8',
  fp16_with_fp8_current_scaling_mixed: 'fp8',
  bf16_with_fp8_subchannel_scaling_mixed: 'fp8',
  fp16_with_fp8_subchannel_scaling_mixed: 'fp8',
};

/**
 * A TP-overlap setting a script builds itself: NeMo 2's callback, Megatron-Bridge's config (as
 * `comm_overlap_config=` or `cfg.comm_overlap =`). A recipe module builds its own under
 * performance_mode, which its `def pretrain_recipe` defaults, so it is not looked for there.
 */
const OWN_COMM_OVERLAP = /\bMegatronCommOverlapCallback\b|\bCommOverlapConfig\s*\(/;
const RECIPE_MODULE = /^def\s+(?:pretrain|finetune)_recipe\s*\(/m;

/** Assignments to `recipe.model.config.<key>` that change the model's shape. */
const CONFIG_OVERRIDES: [NumericFieldName, string][] = [
  ['hiddenSize', 'hidden_size'],
  ['numLayers', 'num_layers'],
  ['numHeads', 'num_attention_heads'],
  ['numKvHeads', 'num_query_groups'],
  ['ffnHiddenSize', 'ffn_hidden_size'],
  ['numExperts', 'num_moe_experts'],
  ['expertsPerToken', 'moe_router_topk'],
];

export const nemo2Reader: FormatReader = {
  id: 'nemo2',
  label: 'NeMo 2 or Megatron-Bridge recipe (Python)',
  evidence: ['recipe', 'NAME'],

  detect(fileName, text) {
    if (extensionOf(fileName) !== 'py') return 0;
    const head = sniffHead(text);
    return RECIPE_USE.test(head) && /\bnemo\b|\bmegatron\.bridge\b/.test(head) ? 0.9 : 0;
  },

  parse: parseRecipe,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const recipeEntry = index.get('recipe');
    const recipeName = typeof recipeEntry?.value === 'string' ? recipeEntry.value : undefined;
    const recipes = /\bmegatron\.bridge\b/.test(document.text) ? BRIDGE_RECIPES : NEMO_RECIPES;
    const recipe = recipeName === undefined ? undefined : recipes[recipeName];
    const model = recipe ? findModel(recipe.model) : undefined;
    const why = recipeName === undefined ? 'no NeMo recipe call in this file' : `recipe ${recipeName} is not in the recipe catalogue`;
    const fromModel = model && recipeEntry ? catalogueFields(model, recipeEntry) : {};
    const unknown = (): NumberField => unknownField(why);
    // NeMo 2 sets the model under recipe.model.config, Megatron-Bridge on cfg.model (the provider) itself.
    const shapeField = (name: NumericFieldName, key: string): NumberField => readField(index, name, [`set.model.config.${key}`, `set.model.${key}`], () => fromModel[name] ?? unknown());
    const overrides = Object.fromEntries(CONFIG_OVERRIDES.map(([name, key]) => [name, shapeField(name, key)])) as Record<NumericFieldName, NumberField>;
    const launch = (name: NumericFieldName, keys: string[], value: (recipe: NemoRecipe) => number, what: string): NumberField =>
      readField(index, name, keys, () => (recipe ? defaultField(value(recipe), `recipe ${recipeName} default ${what} ${value(recipe)} (${sourceText(recipe.source)})`) : unknown()));
    const tensorParallel = launch('tensorParallel', ['set.trainer.strategy.tensor_model_parallel_size', 'set.model.tensor_model_parallel_size', 'kwarg.tensor_parallelism', 'kwarg.tensor_model_parallel_size'], (r) => r.tensorParallel, 'tensor_parallelism');
    const shapeChanged = ['set.model.config.hidden_size', 'set.model.config.num_attention_heads', 'set.model.hidden_size', 'set.model.num_attention_heads'].some((key) => index.has(key));
    const tokenizer = recipe ? huggingFaceTokenizerSize(recipe.model) : undefined;
    const providerVocab = recipes === BRIDGE_RECIPES ? bridgeProviderVocab(index) : undefined;
    const vocabSize = providerVocab ?? nullTokenizerVocab(index, recipe) ?? readField(index, 'vocabSize', ['set.model.config.vocab_size', 'set.tokenizer.vocab_size', 'kwarg.vocab_size'], () => {
      if (!recipe) return unknown();
      if (recipe.vocabSize !== undefined) return defaultField(recipe.vocabSize, recipe.vocabNote ?? `recipe ${recipeName} default vocab_size ${recipe.vocabSize} (${sourceText(recipe.source)})`);
      return tokenizer && recipeEntry
        ? { ...defaultField(tokenizer.vocabSize, `vocabulary of ${tokenizer.source}`), keySpan: recipeEntry.keySpan, valueSpan: recipeEntry.valueSpan }
        : unknownField(`the vocabulary is ${recipe.model}'s tokenizer's, whose size the tokenizer catalogue does not have`);
    });
    const divisor = FRAMEWORK_DEFAULTS.nemo.makeVocabSizeDivisibleBy;
    const vocabDivisor = providerVocab
      ? defaultField<number>(null, BRIDGE_PROVIDER_VOCAB)
      : readField(index, 'vocabDivisor', ['set.model.config.make_vocab_size_divisible_by'], () => defaultField(divisor, `NeMo GPTConfig default make_vocab_size_divisible_by ${divisor}`));
    const shape = completeShape(
      'nemo2',
      {
        ...fromModel,
        ...overrides,
        headDim: readField(index, 'headDim', ['set.model.config.kv_channels'], () => (shapeChanged || !fromModel.headDim ? derivedHeadDim(overrides.hiddenSize, overrides.numHeads) : fromModel.headDim)),
        vocabSize,
        paddedVocabSize: providerVocab
          ? derivedField(providerVocab.value, BRIDGE_PROVIDER_VOCAB)
          : paddedVocabByDivisor(vocabSize, vocabDivisor, tensorParallel, recipes === BRIDGE_RECIPES ? 'Megatron-Bridge (calculate_padded_vocab_size, src/megatron/bridge/utils/vocab_utils.py @ 47da44e2)' : 'NeMo'),
        vocabDivisor,
        seqLength: launch('seqLength', ['set.data.seq_length', 'set.dataset.sequence_length', 'set.model.config.seq_length', 'set.model.seq_length', 'kwarg.seq_length'], (r) => r.seqLength, 'seq_length'),
        microBatchSize: launch('microBatchSize', ['set.data.micro_batch_size', 'set.train.micro_batch_size', 'kwarg.micro_batch_size'], (r) => r.microBatchSize, 'micro_batch_size'),
        tensorParallel,
        pipelineParallel: launch('pipelineParallel', ['set.trainer.strategy.pipeline_model_parallel_size', 'set.model.pipeline_model_parallel_size', 'kwarg.pipeline_parallelism', 'kwarg.pipeline_model_parallel_size'], (r) => r.pipelineParallel, 'pipeline_parallelism'),
        globalBatchSize: launch('globalBatchSize', ['set.data.global_batch_size', 'set.train.global_batch_size', 'kwarg.global_batch_size'], (r) => r.globalBatchSize, 'global_batch_size'),
        contextParallel: launch('contextParallel', ['set.trainer.strategy.context_parallel_size', 'set.model.context_parallel_size', 'kwarg.context_parallelism', 'kwarg.context_parallel_size'], (r) => r.contextParallel, 'context_parallelism'),
        virtualStages: launch('virtualStages', ['set.trainer.strategy.virtual_pipeline_model_parallel_size', 'set.model.virtual_pipeline_model_parallel_size', 'kwarg.virtual_pipeline_parallelism', 'kwarg.virtual_pipeline_model_parallel_size'], (r) => r.virtualStages ?? 1, 'virtual_pipeline_parallelism'),
        expertParallel: launch('expertParallel', ['set.trainer.strategy.expert_model_parallel_size', 'set.model.expert_model_parallel_size', 'kwarg.expert_parallelism', 'kwarg.expert_model_parallel_size'], (r) => r.expertParallel ?? 1, 'expert_parallelism'),
        ...recipeGpus(index, recipe, recipeName),
      },
      {
        activation: model && recipeEntry ? catalogueActivation(model, recipeEntry) : unknownField(why),
        gatedMlp: model?.gatedMlp ?? false,
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.nemo2.attention, LAUNCH_DEFAULTS.nemo2.attentionSource),
        sharding: defaultField<Sharding>(LAUNCH_DEFAULTS.nemo2.sharding, LAUNCH_DEFAULTS.nemo2.shardingSource),
        sequenceParallel: recipeSequenceParallel(index, recipe, recipeName, why),
        tpCommOverlap: recipeTpCommOverlap(index, recipe, recipeName, why, RECIPE_MODULE.test(document.text) ? undefined : OWN_COMM_OVERLAP.exec(document.text)?.[0]),
        untiedEmbeddings: untiedEmbeddingsSwitch(index, ['set.model.config.share_embeddings_and_output_weights'], 'tie', () =>
          recipe?.untiedEmbeddings
            ? defaultField(recipe.untiedEmbeddings.untied, recipe.untiedEmbeddings.source)
            : unknownField<boolean>(recipe ? `whether ${recipe.configClass} ties its output layer is not in the recipe catalogue` : why),
        ),
        dtype: readChoice(index, ['plugins'], (entry) => PRECISION_PLUGINS[String(entry.value)] ?? null, () => unknownField<Dtype>("no precision plugin in this file (the recipe's trainer() sets it)")),
        kvHeadsMayDivideTensorParallel: true,
      },
    );
    const pipelineSplit = recipePipelineSplit(index, recipe, recipeName);
    return { ...shape, ...(model ? { catalogueModel: model.name } : {}), ...(pipelineSplit ? { pipelineSplit } : {}) };
  },
};

/** Where each Megatron-Core pipeline-split setting is written: the strategy (NeMo 2), the provider (Megatron-Bridge), a recipe module's trainer() keyword. */
const splitKeys = (name: string): string[] => [`set.trainer.strategy.${name}`, `set.model.${name}`, `kwarg.${name}`];

/**
 * The pipeline split as Megatron-Core makes it (megatronCorePipelineSplit) from the strategy's
 * `account_for_{embedding,loss}_in_pipeline_split` and `num_layers_in_{first,last}_pipeline_stage`,
 * written in the file or else the recipe's (llama31_405b counts both: 126 + 2 over PP 8).
 */
function recipePipelineSplit(index: EntryIndex, recipe: NemoRecipe | undefined, recipeName: string | undefined): PipelineSplit | undefined {
  const counted = (name: string, byRecipe: boolean | undefined): string | undefined => {
    const entry = index.get(...splitKeys(name));
    const on = entry ? booleanValue(entry) === true : byRecipe === true;
    return on ? (entry ? name : `recipe ${recipeName}'s ${name}`) : undefined;
  };
  const stage = (key: string) => ({ key, layers: stageLayerCount(index.get(...splitKeys(key)), false) });
  return megatronCorePipelineSplit({
    embedding: counted('account_for_embedding_in_pipeline_split', recipe?.accountForEmbedding),
    loss: counted('account_for_loss_in_pipeline_split', recipe?.accountForLoss),
    stages: [stage('num_layers_in_first_pipeline_stage'), stage('num_layers_in_last_pipeline_stage')],
  });
}

/** Megatron sequence parallelism: the strategy's `sequence_parallel` or the `sequence_parallelism` keyword, else the recipe's. */
function recipeSequenceParallel(index: EntryIndex, recipe: NemoRecipe | undefined, recipeName: string | undefined, why: string): ShapeField<boolean> {
  const entry = index.get('set.trainer.strategy.sequence_parallel', 'set.model.sequence_parallel', 'kwarg.sequence_parallelism');
  const written = booleanValue(entry);
  if (entry && (written !== undefined || entry.unresolved)) return fieldAt(entry, written ?? null);
  return recipe ? defaultField(recipe.sequenceParallel, `recipe ${recipeName} default sequence_parallelism ${recipe.sequenceParallel ? 'True' : 'False'} (${sourceText(recipe.source)})`) : unknownField<boolean>(why);
}

/**
 * Transformer Engine's tensor-parallel communication overlap: an assignment to the model config
 * (NeMo 2 `recipe.model.config.tp_comm_overlap`, Megatron-Bridge's provider `cfg.model.tp_comm_overlap`)
 * or to Bridge's `cfg.comm_overlap.tp_comm_overlap`; else the recipe's, under `performance_mode`
 * where the call sets it; unknown where a script builds its own callback or config (`ownConfig`,
 * whose arguments are not evaluated), where no recipe is named or the catalogue has not checked it.
 */
function recipeTpCommOverlap(index: EntryIndex, recipe: NemoRecipe | undefined, recipeName: string | undefined, why: string, ownConfig: string | undefined): ShapeField<boolean> {
  return booleanSetting(index, ['set.model.config.tp_comm_overlap', 'set.model.tp_comm_overlap', 'set.comm_overlap.tp_comm_overlap'], () => {
    if (!recipe) return unknownField<boolean>(why);
    const known = recipe.tpCommOverlap;
    if (!known) return unknownField<boolean>(`whether recipe ${recipeName} overlaps tensor-parallel communication is not in the recipe catalogue`);
    if (ownConfig) return unknownField<boolean>(`the file builds its own ${ownConfig.replace(/\s*\($/, '')}, whose tp_comm_overlap shapelint does not evaluate`);
    const performance = index.get('kwarg.performance_mode');
    if (performance && known.performanceMode !== undefined) {
      const on = booleanValue(performance);
      const overlap = on === undefined ? null : on ? known.performanceMode : known.overlap;
      return fieldAt(performance, overlap, on === undefined ? 'performance_mode is not a literal True or False' : `recipe ${recipeName} with performance_mode=${on ? 'True' : 'False'}: tp_comm_overlap ${overlap ? 'True' : 'False'} (${known.source})`);
    }
    return defaultField(known.overlap, `recipe ${recipeName} default tp_comm_overlap ${known.overlap ? 'True' : 'False'} (${known.source})`);
  });
}

/**
 * The run's GPUs: `num_nodes × num_gpus_per_node`, the recipe call's keyword arguments or
 * `recipe.trainer.num_nodes` / `.devices`, else the recipe's defaults (each cited in the catalogue).
 */
function recipeGpus(index: EntryIndex, recipe: NemoRecipe | undefined, recipeName: string | undefined): Pick<ModelShape, 'gpus' | 'gpusPerNode'> {
  const fromRecipe = (value: number | undefined, what: string) => (): NumberField =>
    recipe && value !== undefined ? defaultField(value, `recipe ${recipeName} default ${what} ${value} (${sourceText(recipe.source)})`) : unknownField(`no ${what}`);
  const perNode = readField(index, 'gpusPerNode', ['kwarg.num_gpus_per_node', 'set.trainer.devices'], fromRecipe(recipe?.gpusPerNode, 'num_gpus_per_node'));
  const nodes = readField(index, 'gpus', ['kwarg.num_nodes', 'set.trainer.num_nodes'], fromRecipe(recipe?.numNodes, 'num_nodes'));
  const gpus = gpusOfNodes(nodes, perNode, nodes, (nodeCount, perNodeCount) => `num_nodes ${nodeCount} × num_gpus_per_node ${perNodeCount}`, 'num_nodes or num_gpus_per_node unknown');
  // Both the recipe's: the recipe's default GPU count, not one this file states.
  const byRecipe = nodes.origin === 'default' && perNode.origin === 'default' && gpus.value !== null;
  return { gpus: byRecipe ? { ...gpus, origin: 'default' } : gpus, gpusPerNode: perNode };
}

/** Megatron-Bridge's `cfg.model.vocab_size`, where a script sets it: the model's vocabulary, before the tokenizer's (BRIDGE_PROVIDER_VOCAB). */
function bridgeProviderVocab(index: EntryIndex): NumberField | undefined {
  const entry = index.get('set.model.vocab_size');
  if (!entry || (entry.value === null && !entry.unresolved)) return undefined;
  return fieldFromEntry(entry, 'vocabSize', false);
}

/**
 * `cfg.tokenizer.vocab_size` (or the recipe call's `vocab_size=`, which a Bridge recipe gives its
 * TokenizerConfig) under a NullTokenizer (the script's `tokenizer_type`, else the recipe's): the
 * model's vocabulary is that number plus the end-of-document token the tokenizer adds, as the
 * recipe's own default is; a fix writes the number without it. Undefined where the model's own
 * vocab_size decides or the tokenizer is another.
 */
function nullTokenizerVocab(index: EntryIndex, recipe: NemoRecipe | undefined): NumberField | undefined {
  const entry = index.get('set.tokenizer.vocab_size', 'kwarg.vocab_size');
  const modelVocab = index.get('set.model.config.vocab_size');
  if (!entry || entry.value === null || (modelVocab && modelVocab.value !== null)) return undefined;
  const type = index.get('set.tokenizer.tokenizer_type');
  const named = type !== undefined && type.value !== null;
  if (named ? type.value !== 'NullTokenizer' : recipe?.nullTokenizer !== true) return undefined;
  const field = fieldFromEntry(entry, 'vocabSize', false);
  if (field.value === null) return field;
  const whose = named ? 'tokenizer_type NullTokenizer' : "the recipe's NullTokenizer";
  const note = `${whose}: vocab_size ${field.value} + 1 end-of-document token (${NULL_TOKENIZER_END_OF_DOCUMENT})`;
  return { ...field, value: field.value + 1, note: field.note ? `${field.note}; ${note}` : note, ...(field.origin === 'file' ? { toLiteral: (effective: number) => effective - 1, written: field.value } : {}) };
}
