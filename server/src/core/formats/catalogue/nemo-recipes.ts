import type { ModelSource } from './models';

/**
 * NeMo 2 recipes (`nemo/collections/llm/recipes/<name>.py`): the model each builds and the launch
 * its `pretrain_recipe` sets when the caller changes nothing: `trainer()`'s parallel sizes and
 * the `MockDataModule`'s sequence length and batch sizes. `model` is the Hugging Face id of the
 * same architecture in the model catalogue (NeMo's `Llama3Config8B` is Meta-Llama-3-8B's shape).
 */
export interface NemoRecipe {
  model: string;
  /** The config class the recipe's `model()` builds, for notes. */
  configClass: string;
  tensorParallel: number;
  pipelineParallel: number;
  contextParallel: number;
  sequenceParallel: boolean;
  /** The recipe function's own defaults (NeMo 2's pretrain_recipe); Megatron-Bridge's set none. */
  numNodes?: number;
  gpusPerNode?: number;
  seqLength: number;
  globalBatchSize: number;
  microBatchSize: number;
  /** The vocabulary the recipe sets itself (Megatron-Bridge's `vocab_size` argument), where it does. */
  vocabSize?: number;
  source: ModelSource;
}

/** The recipes as NVIDIA/NeMo has them at this commit, read from a mirror that keeps NeMo's history. */
function recipeFile(name: string): ModelSource {
  return { repo: 'ishine/NeMo (mirror of NVIDIA/NeMo)', path: `nemo/collections/llm/recipes/${name}.py`, commit: 'c88a0d362113e405ff47d2115df35c7d6474cdce' };
}

export const NEMO_RECIPES: Readonly<Record<string, NemoRecipe>> = {
  llama3_8b: {
    model: 'meta-llama/Meta-Llama-3-8B',
    configClass: 'Llama3Config8B',
    tensorParallel: 1,
    pipelineParallel: 1,
    contextParallel: 2,
    sequenceParallel: false,
    // pretrain_recipe's own defaults, which it passes to trainer().
    numNodes: 1,
    gpusPerNode: 8,
    seqLength: 8192,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile('llama3_8b'),
  },
  llama3_70b: {
    model: 'meta-llama/Meta-Llama-3-70B',
    configClass: 'Llama3Config70B',
    tensorParallel: 4,
    pipelineParallel: 4,
    contextParallel: 2,
    sequenceParallel: true,
    numNodes: 1,
    gpusPerNode: 8,
    seqLength: 8192,
    globalBatchSize: 512,
    microBatchSize: 1,
    source: recipeFile('llama3_70b'),
  },
};

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
    seqLength: 8192,
    globalBatchSize: 512,
    microBatchSize: 1,
    vocabSize: 128256,
    source: { repo: 'NVIDIA-NeMo/Megatron-Bridge', path: 'src/megatron/bridge/recipes/llama/llama3_8b.py', commit: 'ca4f77f36a80ca553da10624e38ca744aa35ae79' },
  },
};
