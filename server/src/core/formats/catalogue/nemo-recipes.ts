import type { ModelSource } from './models';

/**
 * NeMo 2 recipes (`nemo/collections/llm/recipes/<name>.py`): the model each builds and the launch
 * its `pretrain_recipe` sets when the caller changes nothing: the parallel sizes it passes to the
 * trainer (`trainer()`'s defaults, or `pretrain_recipe`'s own keyword defaults where the family
 * shares a trainer: nemotron, qwen2, gemma2), its `num_nodes` / `num_gpus_per_node` defaults
 * (which win over `trainer()`'s), and the `MockDataModule`'s sequence length and batch sizes.
 * `model` is the Hugging Face id of the same architecture in the model catalogue (NeMo's
 * `Llama3Config8B` is Meta-Llama-3-8B's shape).
 */
export interface NemoRecipe {
  model: string;
  /** The config class the recipe's `model()` builds, for notes. */
  configClass: string;
  tensorParallel: number;
  pipelineParallel: number;
  contextParallel: number;
  /** `virtual_pipeline_parallelism`: model chunks per pipeline stage; absent where the recipe passes None. */
  virtualStages?: number;
  /** `expert_parallelism` (MoE recipes); absent means 1. */
  expertParallel?: number;
  sequenceParallel: boolean;
  /**
   * The strategy's `account_for_embedding_in_pipeline_split` / `account_for_loss_in_pipeline_split`
   * (Megatron-Core counts the embedding, the loss, as a layer of the pipeline split); absent means False.
   */
  accountForEmbedding?: boolean;
  accountForLoss?: boolean;
  /** The recipe function's own defaults (NeMo 2's pretrain_recipe); Megatron-Bridge's set none. */
  numNodes?: number;
  gpusPerNode?: number;
  seqLength: number;
  globalBatchSize: number;
  microBatchSize: number;
  /** The vocabulary the recipe sets itself (Megatron-Bridge's `vocab_size` argument), where it does. */
  vocabSize?: number;
  /** Where `vocabSize` comes from when it is not a literal of the recipe (a tokenizer constant). */
  vocabNote?: string;
  /** The recipe trains on Megatron-Core's NullTokenizer, which adds an end-of-document token to the vocab_size it is given (NULL_TOKENIZER_END_OF_DOCUMENT). */
  nullTokenizer?: true;
  /** Whether the config class the recipe builds has its own output layer (`share_embeddings_and_output_weights: False`), with its source; absent where not checked. */
  untiedEmbeddings?: { untied: boolean; source: string };
  /**
   * Whether the recipe turns Transformer Engine's tensor-parallel communication overlap on:
   * `overlap` by default, `performanceMode` with NeMo 2's `performance_mode=True` (which adds a
   * MegatronCommOverlapCallback); absent where not checked.
   */
  tpCommOverlap?: { overlap: boolean; performanceMode?: boolean; source: string };
  source: ModelSource;
}

/** The recipes as NVIDIA/NeMo has them at this commit, read from a mirror that keeps NeMo's history. */
function recipeFile(name: string): ModelSource {
  return { repo: 'ishine/NeMo (mirror of NVIDIA/NeMo)', path: `nemo/collections/llm/recipes/${name}.py`, commit: 'c88a0d362113e405ff47d2115df35c7d6474cdce' };
}

/** pretrain_recipe's num_nodes / num_gpus_per_node defaults, which it passes to trainer(). */
const ONE_NODE = { numNodes: 1, gpusPerNode: 8 };
/** The 70B Llama recipes' parallel layout (NeMo 2's trainer() defaults, Megatron-Bridge's model_config()). */
const LLAMA_70B_LAUNCH = { tensorParallel: 4, pipelineParallel: 4, contextParallel: 2, virtualStages: 5, sequenceParallel: true };
/** MockDataModule(seq_length=8192, global_batch_size=512, micro_batch_size=1): the Llama 3 / 3.1 recipes; their config classes keep an output layer of their own. */
const LLAMA_DATA = {
  seqLength: 8192,
  globalBatchSize: 512,
  microBatchSize: 1,
  untiedEmbeddings: { untied: true, source: 'NeMo LlamaConfig and Llama3Config share_embeddings_and_output_weights: False (nemo/collections/llm/gpt/model/llama.py, the configs the Llama 3 and 3.1 recipes build)' },
};
/** NeMo 2's big Llama recipes: no overlap unless performance_mode, whose pretrain_performance_optimizations adds MegatronCommOverlapCallback(tp_comm_overlap=True). */
const NEMO_OVERLAP_IN_PERFORMANCE_MODE = (name: string) => ({
  overlap: false,
  performanceMode: true,
  source: `${name}.py pretrain_recipe(performance_mode=False) adds no MegatronCommOverlapCallback; performance_mode=True adds one with tp_comm_overlap=True (NeMo mirror @ c88a0d36)`,
});
/** A Megatron-Bridge recipe's CommOverlapConfig when the caller passes none (`if cfg.comm_overlap is None`). */
const bridgeOverlap = (overlap: boolean, name: string, commit: string) => ({
  overlap,
  source: `${name}.py pretrain_config sets CommOverlapConfig(tp_comm_overlap=${overlap ? 'True' : 'False'}) when comm_overlap_config is None (NVIDIA-NeMo/Megatron-Bridge @ ${commit.slice(0, 8)})`,
});

/** pretrain_recipe(global_batch_size=32, micro_batch_size=2, seq_length=4096): the nemotron, qwen2 and gemma2 families. */
const SMALL_BATCH_DATA = { seqLength: 4096, globalBatchSize: 32, microBatchSize: 2 };

export const NEMO_RECIPES: Readonly<Record<string, NemoRecipe>> = {
  llama3_8b: {
    model: 'meta-llama/Meta-Llama-3-8B',
    configClass: 'Llama3Config8B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile('llama3_8b'),
  },
  llama3_70b: {
    model: 'meta-llama/Meta-Llama-3-70B',
    configClass: 'Llama3Config70B',
    ...LLAMA_70B_LAUNCH,
    ...ONE_NODE,
    ...LLAMA_DATA,
    tpCommOverlap: NEMO_OVERLAP_IN_PERFORMANCE_MODE('llama3_70b'),
    source: recipeFile('llama3_70b'),
  },
  llama31_8b: {
    model: 'meta-llama/Meta-Llama-3.1-8B',
    configClass: 'Llama31Config8B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile('llama31_8b'),
  },
  llama31_70b: {
    model: 'meta-llama/Meta-Llama-3.1-70B',
    configClass: 'Llama31Config70B',
    ...LLAMA_70B_LAUNCH,
    ...ONE_NODE,
    ...LLAMA_DATA,
    source: recipeFile('llama31_70b'),
  },
  llama31_405b: {
    model: 'meta-llama/Meta-Llama-3.1-405B',
    configClass: 'Llama31Config405B',
    tensorParallel: 8,
    pipelineParallel: 8,
    contextParallel: 4,
    virtualStages: 2,
    sequenceParallel: true,
    // trainer(account_for_embedding_in_pipeline_split=True, account_for_loss_in_pipeline_split=True): 126 + 2 over PP 8.
    accountForEmbedding: true,
    accountForLoss: true,
    ...ONE_NODE,
    ...LLAMA_DATA,
    tpCommOverlap: NEMO_OVERLAP_IN_PERFORMANCE_MODE('llama31_405b'),
    source: recipeFile('llama31_405b'),
  },
  mixtral_8x7b: {
    model: 'mistralai/Mixtral-8x7B-v0.1',
    configClass: 'MixtralConfig8x7B',
    tensorParallel: 1,
    pipelineParallel: 4,
    contextParallel: 1,
    virtualStages: 8,
    expertParallel: 8,
    sequenceParallel: false,
    numNodes: 8,
    gpusPerNode: 8,
    seqLength: 4096,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile('mixtral_8x7b'),
  },
  mistral_7b: {
    // MistralConfig7B; the recipe fine-tunes from mistralai/Mistral-7B-v0.3, the same shape.
    model: 'mistralai/Mistral-7B-v0.3',
    configClass: 'MistralConfig7B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...ONE_NODE,
    seqLength: 4096,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile('mistral_7b'),
  },
  nemotron4_15b: {
    model: 'Nemotron-4-15B',
    configClass: 'Nemotron4Config15B',
    tensorParallel: 4,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: true,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile('nemotron4_15b'),
  },
  nemotron4_340b: {
    model: 'nvidia/Nemotron-4-340B-Base',
    configClass: 'Nemotron4Config340B',
    tensorParallel: 8,
    pipelineParallel: 12,
    contextParallel: 2,
    virtualStages: 8,
    sequenceParallel: true,
    numNodes: 768,
    gpusPerNode: 8,
    seqLength: 4096,
    globalBatchSize: 2304,
    microBatchSize: 1,
    source: recipeFile('nemotron4_340b'),
  },
  qwen25_7b: {
    model: 'Qwen/Qwen2.5-7B',
    configClass: 'Qwen25Config7B',
    tensorParallel: 2,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile('qwen25_7b'),
  },
  qwen25_72b: {
    model: 'Qwen/Qwen2.5-72B',
    configClass: 'Qwen25Config72B',
    tensorParallel: 8,
    pipelineParallel: 4,
    contextParallel: 1,
    sequenceParallel: false,
    numNodes: 4,
    gpusPerNode: 8,
    ...SMALL_BATCH_DATA,
    source: recipeFile('qwen25_72b'),
  },
  gemma2_9b: {
    model: 'google/gemma-2-9b',
    configClass: 'Gemma2Config9B',
    tensorParallel: 8,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...ONE_NODE,
    ...SMALL_BATCH_DATA,
    source: recipeFile('gemma2_9b'),
  },
};

function bridgeFile(path: string, commit: string): ModelSource {
  return { repo: 'NVIDIA-NeMo/Megatron-Bridge', path: `src/megatron/bridge/recipes/${path}.py`, commit };
}

/**
 * The Llama 3 and 3.1 Bridge recipes train on `TokenizerConfig(tokenizer_type="NullTokenizer",
 * vocab_size=...)`: llama3_8b on its `vocab_size` argument (128256), the 70B and Llama 3.1 ones on
 * DEFAULT_NULL_TOKENIZER_VOCAB_SIZE. Megatron-Core's NullTokenizer adds its end-of-document token
 * (`vocab_size` = vocab_size_without_eod + 1), and the Llama providers set no `vocab_size` of their
 * own, so the model takes the tokenizer's and Bridge pads it to make_vocab_size_divisible_by × TP
 * (nemo2.ts, which adds the token to a script's `cfg.tokenizer.vocab_size` too).
 */
/**
 * Megatron-Bridge's model provider field `cfg.model.vocab_size` ("the unpadded vocab size";
 * GPTModelProvider.provide() pads only under should_pad_vocab): training setup takes a set value
 * as written and turns padding off, pads the tokenizer's only where it is None, and refuses one
 * below the tokenizer's.
 */
export const BRIDGE_PROVIDER_VOCAB =
  'Megatron-Bridge uses a set cfg.model.vocab_size as written, unpadded (_validate_and_set_vocab_size returns should_pad_vocab False, src/megatron/bridge/training/setup.py @ 63c7e53a; GPTModelProvider.vocab_size, src/megatron/bridge/models/gpt_provider.py @ a5a15318)';
export const NULL_TOKENIZER_END_OF_DOCUMENT = 'NullTokenizer.vocab_size = vocab_size_without_eod + 1, NVIDIA/Megatron-LM megatron/core/tokenizers/text/libraries/null_tokenizer.py @ cdab16fc';
function nullTokenizer(vocabSizeWithoutEod: number, given: string): Pick<NemoRecipe, 'nullTokenizer' | 'vocabSize' | 'vocabNote'> {
  return {
    nullTokenizer: true,
    vocabSize: vocabSizeWithoutEod + 1,
    vocabNote: `the recipe's NullTokenizer: ${given} + 1 end-of-document token (${NULL_TOKENIZER_END_OF_DOCUMENT}); Llama3ModelProvider sets no vocab_size, so the model takes the tokenizer's (megatron/bridge/models/llama/llama_provider.py @ 2afd2d34)`,
  };
}
const NULL_TOKENIZER_CONSTANT = 52027;
const NULL_TOKENIZER = nullTokenizer(
  NULL_TOKENIZER_CONSTANT,
  `DEFAULT_NULL_TOKENIZER_VOCAB_SIZE ${NULL_TOKENIZER_CONSTANT} ("nvidia/megatron-gpt-345m vocab size", src/megatron/bridge/recipes/utils/tokenizer_utils.py @ 212f489f of ananthsub/Megatron-Bridge, a fork of NVIDIA-NeMo/Megatron-Bridge whose own copy is not in the index)`,
);

/**
 * Megatron-Bridge recipes (`src/megatron/bridge/recipes/<family>/<name>.py`): `pretrain_config()`'s
 * keyword defaults, which build the model provider, `TrainingConfig` and `GPTDatasetConfig`.
 */
export const BRIDGE_RECIPES: Readonly<Record<string, NemoRecipe>> = {
  llama3_8b: {
    model: 'meta-llama/Meta-Llama-3-8B',
    configClass: 'Llama3ModelProvider8B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...LLAMA_DATA,
    ...nullTokenizer(128256, "pretrain_config's vocab_size default 128256 (llama3_8b.py @ ca4f77f3)"),
    tpCommOverlap: bridgeOverlap(false, 'llama3_8b', 'ca4f77f36a80ca553da10624e38ca744aa35ae79'),
    source: bridgeFile('llama/llama3_8b', 'ca4f77f36a80ca553da10624e38ca744aa35ae79'),
  },
  llama3_70b: {
    model: 'meta-llama/Meta-Llama-3-70B',
    configClass: 'Llama3ModelProvider70B',
    ...LLAMA_70B_LAUNCH,
    ...LLAMA_DATA,
    ...NULL_TOKENIZER,
    tpCommOverlap: bridgeOverlap(true, 'llama3_70b', '3594df948093cdb3c5ef4846e5d95f8c4a8584eb'),
    source: bridgeFile('llama/llama3_70b', '3594df948093cdb3c5ef4846e5d95f8c4a8584eb'),
  },
  llama31_8b: {
    model: 'meta-llama/Meta-Llama-3.1-8B',
    configClass: 'Llama31ModelProvider8B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    ...LLAMA_DATA,
    ...NULL_TOKENIZER,
    tpCommOverlap: bridgeOverlap(true, 'llama31_8b', '37e1a03b20968f88ebb85e6d719a60e14b9f4b92'),
    source: bridgeFile('llama/llama31_8b', '37e1a03b20968f88ebb85e6d719a60e14b9f4b92'),
  },
  llama31_70b: {
    // Its dataset's sequence_length is written as 8192 ("Hardcoded to 8192 for Llama3.1 70B pretraining").
    model: 'meta-llama/Meta-Llama-3.1-70B',
    configClass: 'Llama31ModelProvider70B',
    ...LLAMA_70B_LAUNCH,
    ...LLAMA_DATA,
    ...NULL_TOKENIZER,
    tpCommOverlap: bridgeOverlap(true, 'llama31_70b', '3594df948093cdb3c5ef4846e5d95f8c4a8584eb'),
    source: bridgeFile('llama/llama31_70b', '3594df948093cdb3c5ef4846e5d95f8c4a8584eb'),
  },
  qwen3_4b: {
    // qwen3_4b_pretrain_config's recommended kwargs over _qwen3_common's defaults; the tokenizer is Qwen/Qwen3-4B's (HuggingFaceTokenizer).
    model: 'Qwen/Qwen3-4B',
    configClass: 'AutoBridge.from_hf_pretrained("Qwen/Qwen3-4B")',
    tensorParallel: 2,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...SMALL_BATCH_DATA,
    source: bridgeFile('qwen/qwen3', '0f7015f631a61d4f0371d6034ee0e0973a9c6812'),
  },
  qwen3_8b: {
    // TokenizerConfig(tokenizer_type="HuggingFaceTokenizer", tokenizer_model="Qwen/Qwen3-8B").
    model: 'Qwen/Qwen3-8B',
    configClass: 'Qwen3ModelProvider8B',
    tensorParallel: 4,
    pipelineParallel: 1,
    contextParallel: 1,
    sequenceParallel: false,
    ...SMALL_BATCH_DATA,
    source: bridgeFile('qwen/qwen3_8b', 'ce2f9dc98a2d75548a80923a9d92aa2b02b611db'),
  },
};
