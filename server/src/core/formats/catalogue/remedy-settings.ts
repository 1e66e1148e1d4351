import type { FormatId, RecomputeMode, Sharding } from '../../model/shape';

/**
 * What a memory remedy is called in each framework, and which of the run model's levels that
 * setting is: the `memory` rule tries each remedy as the framework would run it and names it as
 * the file would write it. One table, each framework with the file that defines its names.
 */
export interface FrameworkRemedies {
  /** The recomputation that keeps the most the framework offers: Megatron-style selective, else full (every layer's forward again). */
  recompute: { mode: Exclude<RecomputeMode, 'none'>; setting: string };
  /** The tensor-parallel size, and sequence parallelism beside it where the framework has it (null: not one shapelint can name). */
  tensorParallel: { setting: string | null; sequenceParallel: string | null };
  /** Sharding the optimizer states (or all model state) over the data-parallel ranks. */
  optimizerSharding: { sharding: Exclude<Sharding, 'none'>; setting: string };
  source: string;
}

const MEGATRON: FrameworkRemedies = {
  recompute: { mode: 'selective', setting: '--recompute-activations' },
  tensorParallel: { setting: '--tensor-model-parallel-size', sequenceParallel: '--sequence-parallel' },
  optimizerSharding: { sharding: 'distributed-optimizer', setting: '--use-distributed-optimizer' },
  source: 'NVIDIA/Megatron-LM megatron/training/arguments.py',
};

/** transformers' Trainer, which runs a Hugging Face config (and Axolotl's, which passes these through). */
const TRANSFORMERS: FrameworkRemedies = {
  recompute: { mode: 'full', setting: 'gradient_checkpointing: true' },
  tensorParallel: { setting: null, sequenceParallel: null },
  optimizerSharding: { sharding: 'zero-1', setting: 'zero_optimization.stage: 1 in the DeepSpeed config' },
  source: 'huggingface/transformers training_args.py (gradient_checkpointing, deepspeed)',
};

/** Where no trainer is implied (a bare model file): the run model's levels in Megatron-LM's words. */
const GENERIC: FrameworkRemedies = {
  recompute: { mode: 'selective', setting: 'recomputing the attention core' },
  tensorParallel: { setting: null, sequenceParallel: "Megatron-LM's --sequence-parallel" },
  optimizerSharding: { sharding: 'distributed-optimizer', setting: "Megatron-LM's --use-distributed-optimizer, or ZeRO-1" },
  source: 'Korthikanti et al. 2022 (selective recomputation, sequence parallelism); Rajbhandari et al. 2020 (ZeRO)',
};

export const FRAMEWORK_REMEDIES: Record<FormatId, FrameworkRemedies> = {
  megatron: MEGATRON,
  flagscale: {
    recompute: { mode: 'selective', setting: 'recompute_granularity: selective' },
    tensorParallel: { setting: 'tensor_model_parallel_size', sequenceParallel: 'sequence_parallel: true' },
    optimizerSharding: { sharding: 'distributed-optimizer', setting: 'use_distributed_optimizer: true' },
    source: "FlagScale's train YAML passes Megatron-LM's arguments by name (FlagOpen/FlagScale examples/*/conf/train/*.yaml)",
  },
  nemo: {
    recompute: { mode: 'selective', setting: 'activations_checkpoint_granularity: selective' },
    tensorParallel: { setting: 'tensor_model_parallel_size', sequenceParallel: 'sequence_parallel: True' },
    optimizerSharding: { sharding: 'distributed-optimizer', setting: 'optim.name: distributed_fused_adam' },
    source: 'NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml',
  },
  nemo2: {
    recompute: { mode: 'selective', setting: 'recompute_granularity="selective" on the model config' },
    tensorParallel: { setting: 'MegatronStrategy tensor_model_parallel_size', sequenceParallel: 'sequence_parallel=True' },
    optimizerSharding: { sharding: 'distributed-optimizer', setting: 'OptimizerConfig(use_distributed_optimizer=True), as distributed_fused_adam_with_cosine_annealing sets it' },
    source: 'NVIDIA/NeMo nemo/lightning/pytorch/strategies/megatron_strategy.py, nemo/collections/llm/recipes/optim/adam.py',
  },
  neox: {
    recompute: { mode: 'full', setting: 'checkpoint_activations: true' },
    tensorParallel: { setting: 'model_parallel_size', sequenceParallel: null },
    optimizerSharding: { sharding: 'zero-1', setting: 'zero_optimization.stage: 1' },
    source: 'EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py; DeepSpeed zero_optimization',
  },
  torchtitan: {
    recompute: { mode: 'selective', setting: '[activation_checkpoint] mode = "selective"' },
    tensorParallel: { setting: '[parallelism] tensor_parallel_degree', sequenceParallel: "SequenceParallel on the norms, as torchtitan's TP plan applies it" },
    optimizerSharding: { sharding: 'fsdp', setting: '[parallelism] data_parallel_shard_degree = -1 (FSDP)' },
    source: 'pytorch/torchtitan torchtitan/config/job_config.py; torchtitan/models/llama/parallelize_llama.py',
  },
  maxtext: {
    recompute: { mode: 'full', setting: 'remat_policy: full' },
    tensorParallel: { setting: 'ici_tensor_parallelism', sequenceParallel: null },
    optimizerSharding: { sharding: 'fsdp', setting: 'ici_fsdp_parallelism: -1' },
    source: 'AI-Hypercomputer/maxtext src/MaxText/configs/base.yml',
  },
  nanotron: {
    recompute: { mode: 'full', setting: 'parallelism.recompute_layer: true' },
    tensorParallel: { setting: 'parallelism.tp', sequenceParallel: 'parallelism.tp_mode: REDUCE_SCATTER' },
    optimizerSharding: { sharding: 'zero-1', setting: 'optimizer.zero_stage: 1' },
    source: 'huggingface/nanotron src/nanotron/config/parallelism_config.py, config.py',
  },
  foundry: {
    recompute: { mode: 'full', setting: 'fsdp_config.activation_checkpointing: true' },
    tensorParallel: { setting: null, sequenceParallel: null },
    optimizerSharding: { sharding: 'fsdp', setting: 'fsdp_config.sharding_strategy: FULL_SHARD' },
    source: 'mosaicml/llm-foundry scripts/train/yamls (fsdp_config)',
  },
  litgpt: {
    recompute: { mode: 'full', setting: "FSDPStrategy activation_checkpointing_policy={Block}, which LitGPT's finetune scripts set (not a YAML key)" },
    tensorParallel: { setting: null, sequenceParallel: null },
    optimizerSharding: { sharding: 'fsdp', setting: 'devices > 1 (LitGPT then runs FSDPStrategy)' },
    source: 'Lightning-AI/litgpt litgpt/pretrain.py, litgpt/finetune/full.py',
  },
  hf: TRANSFORMERS,
  axolotl: TRANSFORMERS,
  nanogpt: GENERIC,
  meta: GENERIC,
  olmo: GENERIC,
};
