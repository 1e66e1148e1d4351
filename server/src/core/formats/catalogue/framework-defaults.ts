/**
 * Every framework default the format readers rely on, in one table, each framework with the
 * file that defines its defaults. Readers take their defaults from here and nowhere else.
 */

interface GptShape {
  n_layer: number;
  n_head: number;
  n_embd: number;
}

/**
 * The MLP width when a config does not set one: 4·h in every framework here (GPT-2's n_inner
 * None, NeoX/Megatron/NeMo ffn_hidden_size, LitGPT intermediate_size, nanoGPT's fixed MLP), as
 * in the paper's Section III-C.
 */
export const DEFAULT_MLP_EXPANSION = 4;

/**
 * Megatron-LM's `--swiglu` width when `--ffn-hidden-size` is not given: int(4h·2/3 / 64)·64,
 * 8h/3 rounded down to a multiple of 64 (`megatron/training/arguments.py`).
 */
export function megatronSwigluWidth(hiddenSize: number): number {
  const multiple = FRAMEWORK_DEFAULTS.megatron.swigluMultiple;
  return Math.floor((DEFAULT_MLP_EXPANSION * hiddenSize * 2) / 3 / multiple) * multiple;
}

/**
 * Llama's FeedForward width (Meta's reference `model.py`, torchtitan's `compute_ffn_hidden_dim`):
 * int(2·4·dim/3), times ffn_dim_multiplier when given, rounded up to a multiple of multiple_of.
 */
export function llamaFeedForwardWidth(dim: number, multipleOf: number, multiplier?: number): number {
  let width = Math.floor((2 * DEFAULT_MLP_EXPANSION * dim) / 3);
  if (multiplier !== undefined) width = Math.floor(multiplier * width);
  return Math.ceil(width / multipleOf) * multipleOf;
}

/**
 * The attention implementation and the activation recomputation each framework runs when a file
 * does not say, for the version people run today, each with the line that sets it. A framework
 * missing here has no default shapelint can cite: its files leave the choice unknown, and the
 * launch falls back to the setting (model/launch.ts), which says so.
 */
export const LAUNCH_DEFAULTS = {
  hf: {
    attention: 'sdpa',
    attentionSource:
      "transformers' default since v4.36 (huggingface/transformers modeling_utils.py _check_and_enable_sdpa: attn_implementation None becomes sdpa where the model supports it and torch >= 2.1.1)",
    recompute: 'none',
    recomputeSource: 'transformers TrainingArguments gradient_checkpointing=False (training_args.py)',
  },
  megatron: {
    attention: 'transformer-engine',
    attentionSource:
      "Megatron-LM's default --transformer-impl transformer_engine (megatron/training/arguments.py) with attention_backend AttnBackend.auto (megatron/core/transformer/transformer_config.py): Transformer Engine picks flash or cuDNN fused attention",
    recompute: 'none',
    recomputeSource: 'Megatron-LM default --recompute-granularity None (megatron/training/arguments.py)',
  },
  neox: {
    attention: 'unfused',
    attentionSource: 'GPT-NeoX default attention_config None: every layer global, the unfused attention (megatron/neox_arguments/neox_args.py)',
    recompute: 'none',
    recomputeSource: 'GPT-NeoX default checkpoint_activations False (megatron/neox_arguments/neox_args.py)',
  },
  nemo: {
    attention: 'unfused',
    attentionSource:
      "NeMo's megatron_gpt_config.yaml transformer_engine: False and use_flash_attention: False (NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml @ 8cfedd72): Megatron-Core's local, unfused attention",
    recompute: 'none',
    recomputeSource: "NeMo's megatron_gpt_config.yaml activations_checkpoint_granularity: null (@ 8cfedd72)",
  },
  litgpt: {
    attention: 'sdpa',
    attentionSource: "LitGPT's CausalSelfAttention calls torch.nn.functional.scaled_dot_product_attention (Lightning-AI/litgpt litgpt/model.py @ 981d0418)",
    precisionSource: "LitGPT without precision: get_default_supported_precision(training=True), bf16-mixed where the GPU supports bf16 (Lightning-AI/litgpt litgpt/utils.py)",
    /** setup() defaults and the strategy each script builds when devices × num_nodes > 1. */
    pretrain: {
      source: 'LitGPT litgpt/pretrain.py @ e570612c',
      devices: 'auto',
      strategy: 'FSDPStrategy(sharding_strategy="HYBRID_SHARD"): fully sharded within a node, replicated across nodes',
    },
    finetune: {
      source: 'LitGPT litgpt/finetune/full.py @ 29ece596',
      devices: 1,
      strategy: 'FSDPStrategy (FULL_SHARD, activation_checkpointing_policy={Block})',
    },
    lora: {
      source: 'LitGPT litgpt/finetune/lora.py @ c16c72c0',
      devices: 1,
      strategy: 'FSDPStrategy (FULL_SHARD, activation_checkpointing_policy={Block})',
    },
  },
  nanogpt: {
    attention: 'sdpa',
    attentionSource: "nanoGPT's CausalSelfAttention uses scaled_dot_product_attention on PyTorch >= 2.0 (karpathy/nanoGPT model.py: self.flash)",
    recompute: 'none',
    recomputeSource: 'nanoGPT train.py has no activation checkpointing',
  },
  torchtitan: {
    attention: 'sdpa',
    attentionSource: "torchtitan's llama3 attention is scaled_dot_product_attention unless use_flex_attn (pytorch/torchtitan torchtitan/models/llama3/model/model.py @ 6404b932)",
    recompute: 'selective',
    recomputeSource: 'torchtitan default [activation_checkpoint] mode "selective" (torchtitan/config/job_config.py ActivationCheckpoint)',
    /** What selective checkpoints when the file does not say: every 2nd block whole. */
    selectiveEvery: 2,
    selectiveSource: 'torchtitan default [activation_checkpoint] selective_ac_option "2" (pytorch/torchtitan torchtitan/config/job_config.py ActivationCheckpoint @ 6404b932)',
    /** `[compile] components` when the file enables compile without naming them. */
    compiledParts: 'model and loss',
    compileSource:
      'torchtitan [compile] enable (default false) and components (default ["model", "loss"]: CompileConfig, torchtitan/config/configs.py @ 0014ac2c): "model" compiles each transformer block (models/llama3/infra/parallelize.py @ 018740b7), "loss" the loss (components/loss.py _maybe_compile @ 00a388d9); the older [training] compile (default false, job_config.py @ 6404b932) compiled both (components/loss.py build_cross_entropy_loss @ 6404b932)',
  },
  olmo: {
    attention: 'sdpa',
    attentionSource:
      "OLMo ModelConfig default flash_attention False: OLMoBlock._scaled_dot_product_attention then calls torch's F.scaled_dot_product_attention (allenai/OLMo olmo/model.py, olmo/config.py @ 362f460f)",
  },
  nemo2: {
    attention: 'transformer-engine',
    attentionSource:
      "NeMo 2's GPTConfig default transformer_layer_spec is the Transformer Engine layer spec where Transformer Engine is installed, as in NeMo's containers (NVIDIA/NeMo nemo/collections/llm/gpt/model/base.py default_layer_spec)",
    sharding: 'distributed-optimizer',
    shardingSource:
      "NeMo 2's pretrain recipes optimize with distributed_fused_adam_with_cosine_annealing, whose OptimizerConfig sets use_distributed_optimizer=True (NVIDIA/NeMo nemo/collections/llm/recipes/optim/adam.py)",
  },
  nanotron: {
    source: 'huggingface/nanotron src/nanotron/config/parallelism_config.py ParallelismArgs @ 6b2ff650',
    /** ParallelismArgs.__post_init__: pp_engine None becomes AllForwardAllBackwardPipelineEngine. */
    pipelineEngine: 'afab',
  },
  axolotl: {
    attention: 'sdpa',
    attentionSource: "Axolotl without flash_attention, sdp_attention or eager_attention leaves the choice to transformers, whose default since v4.36 is sdpa",
    recompute: 'none',
    recomputeSource: 'transformers TrainingArguments gradient_checkpointing=False, which Axolotl passes through',
    sequenceLength: 512,
    sequenceLengthSource: 'Axolotl default sequence_len 512 (axolotl-ai-cloud/axolotl src/axolotl/utils/schemas/config.py @ 70be5461)',
    bf16Source: "bf16 auto, Axolotl's default: bf16 where the GPU supports it (src/axolotl/utils/schemas/config.py @ 70be5461)",
    shardingSource: 'no deepspeed or fsdp: the transformers Trainer runs DDP, every rank holding all weights, gradients and optimizer states',
    fsdpStrategySource: "FSDP with no sharding strategy named: accelerate's FullyShardedDataParallelPlugin default FULL_SHARD",
  },
} as const;

const TRANSFORMERS_CONFIG = (modelType: string, commit = '008e5743'): string => `huggingface/transformers models/${modelType}/configuration_${modelType}.py @ ${commit}`;

/**
 * Whether the output layer is its own vocab × hidden matrix where a file does not say: each
 * framework's default, and Hugging Face's per model class (`tie_word_embeddings`, which
 * PretrainedConfig defaults to True and many model classes to False). A model_type missing here
 * is unknown: counted tied, and the launch says so.
 */
export const UNTIED_EMBEDDINGS_DEFAULTS = {
  megatron: { untied: false, source: 'Megatron-LM ties them unless --untie-embeddings-and-output-weights (store_true, megatron/training/arguments.py)' },
  neox: { untied: false, source: 'GPT-NeoX default no_weight_tying False (megatron/neox_arguments/neox_args.py)' },
  nemo: { untied: false, source: "NeMo's megatron_gpt_config.yaml share_embeddings_and_output_weights: True (@ 8cfedd72)" },
  torchtitan: { untied: true, source: "torchtitan's llama3 Transformer has its own output nn.Linear beside tok_embeddings and never ties them (pytorch/torchtitan torchtitan/models/llama3/model/model.py @ 6404b932)" },
  litgpt: { untied: true, source: "LitGPT's GPT builds lm_head as its own nn.Linear beside transformer.wte and never ties them; its Config has no tie flag (Lightning-AI/litgpt litgpt/model.py @ 981d0418)" },
  nanogpt: { untied: false, source: "nanoGPT's GPT ties them: transformer.wte.weight = lm_head.weight (karpathy/nanoGPT model.py)" },
  nanotron: { untied: true, source: 'nanotron LlamaConfig and Qwen2Config default tie_word_embeddings False (huggingface/nanotron src/nanotron/config/models_config.py @ 025f3141)' },
  hf: {
    llama: { untied: true, source: `LlamaConfig default tie_word_embeddings False (${TRANSFORMERS_CONFIG('llama')})` },
    mistral: { untied: true, source: `MistralConfig default tie_word_embeddings False (${TRANSFORMERS_CONFIG('mistral', '001f85b3')})` },
    mixtral: { untied: true, source: `MixtralConfig default tie_word_embeddings False (${TRANSFORMERS_CONFIG('mixtral')})` },
    qwen2: { untied: true, source: `Qwen2Config default tie_word_embeddings False (${TRANSFORMERS_CONFIG('qwen2')})` },
    qwen3: { untied: true, source: `Qwen3Config default tie_word_embeddings False (${TRANSFORMERS_CONFIG('qwen3')})` },
    qwen3_moe: { untied: true, source: `Qwen3MoeConfig default tie_word_embeddings False (${TRANSFORMERS_CONFIG('qwen3_moe')})` },
    deepseek_v3: { untied: true, source: `DeepseekV3Config default tie_word_embeddings False (${TRANSFORMERS_CONFIG('deepseek_v3')})` },
    phi3: { untied: true, source: `Phi3Config default tie_word_embeddings False (${TRANSFORMERS_CONFIG('phi3')})` },
    gpt_neox: { untied: true, source: `GPTNeoXConfig default tie_word_embeddings False (${TRANSFORMERS_CONFIG('gpt_neox')})` },
    gemma: { untied: false, source: `GemmaConfig default tie_word_embeddings True (${TRANSFORMERS_CONFIG('gemma')})` },
    gemma2: { untied: false, source: `Gemma2Config default tie_word_embeddings True (${TRANSFORMERS_CONFIG('gemma2')})` },
    gemma3_text: { untied: false, source: 'Gemma3TextConfig default tie_word_embeddings True (huggingface/transformers models/gemma3/configuration_gemma3.py @ 008f5c8c)' },
    gpt2: { untied: false, source: `GPT2Config sets no tie_word_embeddings, so PretrainedConfig's default True holds (${TRANSFORMERS_CONFIG('gpt2', '01ae98ae')}; configuration_utils.py)` },
  } as Record<string, { untied: boolean; source: string }>,
} as const;

/**
 * Whether Transformer Engine overlaps the tensor-parallel communication with the GEMMs where a
 * file does not say: off in Megatron-LM and NeMo (NeMo 2 and Megatron-Bridge recipes each say in
 * the recipe catalogue, nemo-recipes.ts).
 */
export const TP_COMM_OVERLAP_DEFAULTS = {
  megatron: { overlap: false, source: "Megatron-LM overlaps only with --tp-comm-overlap (store_true; it asserts --sequence-parallel), megatron/training/arguments.py @ 307dcf37" },
  nemo: { overlap: false, source: "NeMo's megatron_gpt_config.yaml ub_tp_comm_overlap: False (NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml @ 8cfedd72)" },
} as const;

/**
 * Which layers of a mixture of experts run experts, and what shared experts they add, where a
 * file does not say: each framework's rule and default. Hugging Face's is its model class's, by
 * model_type (a model_type missing here has its pattern keys read where written, else every
 * layer counted as MoE, which the field's note says).
 */
export const MOE_LAYER_DEFAULTS = {
  megatron: {
    moeLayerFreq: 1,
    source:
      'moe_freq_type, default 1 (megatron/training/arguments.py @ 307dcf37): an int N makes layer i MoE where i % N == 0, a list expression ([0]*3+[1]*58) gives each layer, 1 MoE, 0 dense (get_gpt_decoder_block_spec, megatron/core/models/gpt/gpt_layer_specs.py @ efbfb5f0)',
    sharedSource: 'moe_shared_expert_intermediate_size default None (megatron/training/arguments.py @ 307dcf37)',
  },
  maxtext: {
    source:
      'MaxText: the DeepSeek decoder (decoder_block deepseek) makes its first first_num_dense_layers layers DeepSeekDenseLayer (mlp_dim wide) and the rest DeepSeekMoELayer, whose RoutedAndSharedMoE adds shared_experts × moe_mlp_dim of shared experts (src/MaxText/layers/deepseek.py @ 01824a8c, layers/moe.py @ f6ead2e8; base.yml shared_experts 1 @ 09d2025b); other decoders have no shared experts',
  },
  torchtitan: {
    source: "torchtitan deepseekv3_configs: the first n_dense_layers layers run a FeedForward of inter_dim, the rest MoE with n_shared_experts × moe_inter_dim shared (pytorch/torchtitan torchtitan/models/deepseek_v3/__init__.py @ 7a639a0c); its qwen3 and gpt_oss MoE flavors run experts in every layer and share none",
  },
  litgpt: { source: "LitGPT's Block builds LLaMAMoE in every layer, with no shared experts (Lightning-AI/litgpt litgpt/model.py)" },
  nanoMoE: {
    stride: 2,
    source: 'GPT builds Block(config, use_moe=(i % config.stride) == 0), a SparseMOE of MLPExperts in the MoE blocks and MLP(config) of 4·n_embd in the others, no shared expert; train.py passes its global stride = 2 (niklassheth/nanoMoE model.py, train.py @ 076b2ee2)',
  },
  /**
   * GPT-NeoX has had two sets of MoE arguments, with different defaults. Each places an MoE layer
   * where layer i % interval == 0 and runs DeepSpeed's MoE only when asked to, passing it
   * use_residual; the other MoE (MegaBlocks', then NeoX's own dropless one) has no residual MLP.
   * `ownKeys`: the keys only that version defines, which tell a file's version.
   */
  neox: {
    residualSource:
      'a residual MoE keeps the expert module itself as an MLP every token runs, one expert wide, mixed with the routed output by a Linear(hidden, 2) (microsoft/DeepSpeed deepspeed/moe/layer.py @ 55e1ef93)',
    first: {
      commit: 'c291906d',
      intervalKey: 'expert_interval',
      expertInterval: 2,
      defaultMoe: 'moe_type megablocks',
      residualKey: 'moe_use_residual',
      useResidual: true,
      ownKeys: ['expert_interval', 'moe_type', 'moe_use_residual', 'moe_expert_parallel_size', 'moe_train_capacity_factor', 'moe_eval_capacity_factor', 'moe_min_capacity', 'moe_token_dropping', 'create_moe_param_group', 'moe_glu', 'enable_expert_tensor_parallelism'],
      source:
        'EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py @ c291906d: expert_interval 2 (NeoXArgsParallelism), moe_type megablocks, moe_use_residual True; ParallelTransformerLayer builds DeepSpeed\'s MoE only for moe_type deepspeed (megatron/model/transformer.py @ c291906d)',
    },
    current: {
      commit: '923afa65',
      intervalKey: 'moe_expert_interval',
      expertInterval: 1,
      defaultMoe: 'use_deepspeed_moe False (the dropless MoE)',
      residualKey: 'moe_deepspeed_use_residual',
      useResidual: true,
      ownKeys: ['moe_expert_interval', 'use_deepspeed_moe', 'moe_router_type', 'moe_deepspeed_use_residual', 'moe_deepspeed_expert_parallel_size', 'moe_deepspeed_train_capacity_factor', 'moe_deepspeed_eval_capacity_factor', 'moe_deepspeed_min_capacity', 'moe_deepspeed_token_dropping', 'create_deepspeed_moe_param_group'],
      source:
        'EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py @ 923afa65 (NeoXArgsMoE): moe_expert_interval 1, use_deepspeed_moe False, moe_deepspeed_use_residual True; ParallelTransformerLayer builds ParallelDroplessMoE unless use_deepspeed_moe (megatron/model/transformer.py @ 923afa65)',
    },
  },
  hf: {
    deepseek_v3: {
      firstDenseLayers: 3,
      sharedExperts: 1,
      source:
        'DeepseekV3Config defaults first_k_dense_replace 3, n_shared_experts 1 (huggingface/transformers models/deepseek_v3/configuration_deepseek_v3.py @ 0fc683d1); DeepseekV3DecoderLayer runs DeepseekV3MoE where layer_idx >= first_k_dense_replace, else DeepseekV3MLP of intermediate_size; its shared_experts are n_shared_experts × moe_intermediate_size wide (modeling_deepseek_v3.py @ f5a9ec51)',
    },
    qwen2_moe: {
      sparseStep: 1,
      source:
        'Qwen2MoeDecoderLayer runs Qwen2MoeSparseMoeBlock where layer_idx is not in mlp_only_layers (default []) and (layer_idx + 1) % decoder_sparse_step (default 1) == 0, else Qwen2MoeMLP of intermediate_size; the sparse block adds a shared_expert of shared_expert_intermediate_size (huggingface/transformers models/qwen2_moe/modeling_qwen2_moe.py @ 1c351314)',
    },
    qwen3_moe: {
      sparseStep: 1,
      sharedExperts: 0,
      source:
        'Qwen3MoeDecoderLayer runs Qwen3MoeSparseMoeBlock where layer_idx is not in mlp_only_layers (default []) and (layer_idx + 1) % decoder_sparse_step (default 1) == 0, else Qwen3MoeMLP of intermediate_size; the sparse block has no shared expert (huggingface/transformers models/qwen3_moe/modeling_qwen3_moe.py)',
    },
    llama4_text: {
      interleaveStep: 1,
      source:
        'Llama4TextConfig moe_layers default range(interleave_moe_layer_step − 1, num_hidden_layers, interleave_moe_layer_step), step default 1 (huggingface/transformers models/llama4/configuration_llama4.py @ b17cfe48); the other layers run Llama4TextMLP of intermediate_size_mlp, and every Llama4TextMoe a shared_expert of intermediate_size',
    },
    mixtral: { allLayersMoe: true, sharedExperts: 0, source: 'MixtralDecoderLayer runs MixtralSparseMoeBlock in every layer, with no shared expert (huggingface/transformers models/mixtral/modeling_mixtral.py)' },
  } as Record<string, { firstDenseLayers?: number; sparseStep?: number; interleaveStep?: number; allLayersMoe?: boolean; sharedExperts?: number; source: string }>,
} as const;

/** Multi-latent attention's sizes as a model class or framework builds them where a file does not say (ModelShape.latentAttention). */
export interface LatentAttentionDefaults {
  qLoraRank: number;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
  source: string;
}

/**
 * Hugging Face model classes whose config defaults every multi-latent attention size, by
 * model_type. deepseek_v2 and kimi_k2 checkpoints write all five keys, so only their written
 * values are read; a key they leave out stays unknown.
 */
export const LATENT_ATTENTION_DEFAULTS: { hf: Readonly<Record<string, LatentAttentionDefaults>> } = {
  hf: {
    deepseek_v3: {
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
      source: `DeepseekV3Config defaults q_lora_rank 1536, kv_lora_rank 512, qk_nope_head_dim 128, qk_rope_head_dim 64, v_head_dim 128 (${TRANSFORMERS_CONFIG('deepseek_v3', '001f85b3')})`,
    },
  },
};

export const FRAMEWORK_DEFAULTS = {
  /**
   * No dropout default on purpose: neox_args.py's attention_dropout and hidden_dropout were 0.1
   * (EleutherAI/gpt-neox @ e897c23, configs/neox_arguments.md @ 984850f) and are 0.0 in the 2024
   * tree (next to weight_decay 0.1 and DPO/KTO); a silent file gets whichever its checkout has.
   */
  neox: {
    source: 'EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py',
    makeVocabSizeDivisibleBy: 128,
    modelParallelSize: 1,
    mlpMultipleOf: 1,
    /**
     * MoE: moe_num_experts 1 (dense), moe_top_k 1, moe_expert_parallel_size 1 (neox_args.py @
     * c291906d, NeoXArgsTraining; @ 923afa65 NeoXArgsMoE names the last
     * moe_deepspeed_expert_parallel_size). configs/125M-moe-deepspeed.yml @ 923afa65 writes the
     * experts as `num_experts`. Where MoE layers go: MOE_LAYER_DEFAULTS.neox.
     */
    moe: { numExperts: 1, topK: 1, expertParallel: 1 },
    activation: 'gelu',
  },
  megatron: {
    source: 'NVIDIA/Megatron-LM megatron/training/arguments.py',
    makeVocabSizeDivisibleBy: 128,
    /** --swiglu without --ffn-hidden-size: int(4h·2/3 / 64)·64. */
    swigluMultiple: 64,
    moeRouterTopk: 2,
    parallelSize: 1,
    /** --attention-dropout and --hidden-dropout (_add_regularization_args), 0.1 each. */
    attentionDropout: 0.1,
    hiddenDropout: 0.1,
  },
  nemo: {
    source: 'NVIDIA/NeMo examples/nlp/language_modeling/conf/megatron_gpt_config.yaml',
    makeVocabSizeDivisibleBy: 128,
    parallelSize: 1,
    moeRouterTopk: 2,
    activation: 'gelu',
    /** model.attention_dropout and model.hidden_dropout, 0.1 each (ffn_dropout 0.0 is not modelled). */
    attentionDropout: 0.1,
    hiddenDropout: 0.1,
  },
  litgpt: {
    source: 'Lightning-AI/litgpt litgpt/config.py',
    paddingMultiple: 512,
    vocabSize: 50254,
    blockSize: 4096,
    /** Config's n_layer, n_embd, n_head: what a config.py row that omits them builds. */
    numLayers: 16,
    hiddenSize: 4096,
    numHeads: 32,
    /** The model code, which has no dropout: no nn.Dropout, SDPA with dropout_p=0.0. */
    modelSource: 'Lightning-AI/litgpt litgpt/model.py @ 981d0418',
  },
  meta: {
    source: 'meta-llama/llama-models models/llama3/args.py (ModelArgs) and model.py (FeedForward)',
    multipleOf: 256,
    /** The reference model code, which has no dropout at all. */
    modelSource: 'meta-llama/llama-models models/llama3/model.py @ 43e87a37',
  },
  nanogpt: {
    source: 'karpathy/nanoGPT train.py (globals that config/*.py overrides) and model.py GPT.from_pretrained',
    trainPy: { n_layer: 12, n_head: 12, n_embd: 768, block_size: 1024, batch_size: 12, vocab_size: 50304 },
    /** OpenAI's GPT-2 checkpoints that `init_from` loads. */
    pretrained: {
      gpt2: { n_layer: 12, n_head: 12, n_embd: 768 },
      'gpt2-medium': { n_layer: 24, n_head: 16, n_embd: 1024 },
      'gpt2-large': { n_layer: 36, n_head: 20, n_embd: 1280 },
      'gpt2-xl': { n_layer: 48, n_head: 25, n_embd: 1600 },
    } as Record<string, GptShape>,
    pretrainedVocab: 50257,
    pretrainedBlock: 1024,
    /** train.py `dropout = 0.0` (GPTConfig's too): one rate for attention and the residual branches. */
    dropout: 0.0,
    /**
     * nanoMoE (wolfecameron/nanoMoE and its forks): GPTConfig `n_exp: int = 1` (plain MLPs) and
     * `top_k: int = 2`; each expert is an MLP of 4·n_embd (MLPExperts), one MoE block every
     * `stride` layers (niklassheth/nanoMoE model.py @ 076b2ee2).
     */
    nanoMoE: { n_exp: 1, top_k: 2 },
    /**
     * nanoGPT forks with `use_moe`, `num_experts` and `num_experts_per_tok` globals (train.py's
     * `use_moe = False`: dense unless the file says True), by fork:
     * - `mlpExperts` (watarungurunnn/nanoGPT): each expert the fork's `MLP(config)`, 4·n_embd wide;
     * - `nanoMOE` (hbfreed/nanoMOE, told apart by `n_ctx`, `block_k` or `expert_sizes`, globals only
     *   its train.py has): `n_ctx` is the sequence and `block_size` its Triton tile; MoeMLPSTK
     *   makes each expert `4·n_embd // num_experts_per_tok` wide, rounded up to a multiple of the
     *   tile; `expert_sizes` lists variable widths instead.
     */
    useMoe: {
      mlpExperts: { num_experts: 4, num_experts_per_tok: 2, source: 'watarungurunnn/nanoGPT train.py @ 28f84015 (defaults), model.py @ 35a767af (Block, MoE)' },
      nanoMOE: {
        num_experts: 8,
        num_experts_per_tok: 2,
        n_ctx: 1024,
        block_size: 128,
        source: 'hbfreed/nanoMOE train.py @ 8d341acb (defaults), model.py @ fe2f7396 (MoeMLPSTK d_ffn)',
      },
    },
  },
  /** MPTConfig (mosaicml/mpt-7b configuration_mpt.py, llm-foundry's): attn_config.attn_pdrop and resid_pdrop. */
  foundry: {
    source: 'mosaicml/mpt-7b configuration_mpt.py (MPTConfig and attn_config_defaults)',
    attentionDropout: 0.0,
    hiddenDropout: 0.0,
  },
  /**
   * Hugging Face config classes' dropout defaults, by model_type, for configs that leave the keys
   * out. Only families whose config class was read are here; any other is unknown. LlamaConfig
   * has attention_dropout only: its decoder layer has no dropout on the residual branches.
   */
  torchtitan: {
    /** torchtitan's llama3 model code: no dropout in Attention, FeedForward or TransformerBlock. */
    llama3ModelSource: 'pytorch/torchtitan torchtitan/models/llama3/model/model.py @ 6404b932',
  },
  hf: {
    dropoutByModelType: {
      gpt2: { attention: 0.1, hidden: 0.1, source: 'huggingface/transformers models/gpt2/configuration_gpt2.py @ 01ae98ae (attn_pdrop, resid_pdrop)' },
      bert: { attention: 0.1, hidden: 0.1, source: 'huggingface/transformers models/bert/configuration_bert.py @ 008f5c8c (attention_probs_dropout_prob, hidden_dropout_prob)' },
      llama: { attention: 0.0, hidden: 0.0, source: 'huggingface/transformers models/llama/configuration_llama.py @ 008e5743 (attention_dropout; no hidden dropout)' },
    } as Record<string, { attention: number; hidden: number; source: string }>,
  },
};

