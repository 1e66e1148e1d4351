import type { ModelSource } from './models';

/**
 * MaxText's own model table: `model_name: llama3-8b` makes `pyconfig` load
 * `configs/models/llama3-8b.yml` over `base.yml`, so a run config that names a model takes these
 * keys unless it sets them itself. Each row is the model file's shape keys as written there.
 */
export type MaxtextSettings = Readonly<Record<string, number | string | boolean | readonly string[]>>;

export interface MaxtextModel {
  settings: MaxtextSettings;
  source: ModelSource;
}

const MAXTEXT_REPO = 'AI-Hypercomputer/maxtext';

function modelFile(name: string, commit: string): ModelSource {
  return { repo: MAXTEXT_REPO, path: `src/MaxText/configs/models/${name}.yml`, commit };
}

const SILU_GLU = ['silu', 'linear'] as const;

export const MAXTEXT_MODELS: Readonly<Record<string, MaxtextModel>> = {
  'llama3-8b': {
    source: modelFile('llama3-8b', '48445cf00e73064e87886539714a8ba1794ee019'),
    settings: { base_emb_dim: 4096, base_num_query_heads: 32, base_num_kv_heads: 8, base_num_decoder_layers: 32, base_mlp_dim: 14336, head_dim: 128, mlp_activations: SILU_GLU, vocab_size: 128256, logits_via_embedding: false },
  },
  'mixtral-8x7b': {
    source: modelFile('mixtral-8x7b', '48445cf00e73064e87886539714a8ba1794ee019'),
    settings: { base_emb_dim: 4096, base_num_query_heads: 32, base_num_kv_heads: 8, base_mlp_dim: 14336, base_moe_mlp_dim: 14336, base_num_decoder_layers: 32, head_dim: 128, mlp_activations: SILU_GLU, vocab_size: 32000, num_experts: 8, num_experts_per_tok: 2, decoder_block: 'mixtral' },
  },
  'deepseek3-671b': {
    source: modelFile('deepseek3-671b', 'ac708cd5871662a275860b627645dbb3ae7166e2'),
    settings: {
      base_emb_dim: 7168, base_num_query_heads: 128, base_num_kv_heads: 128, base_mlp_dim: 18432, base_moe_mlp_dim: 2048, base_num_decoder_layers: 61, first_num_dense_layers: 3, shared_experts: 1, decoder_block: 'deepseek',
      mlp_activations: SILU_GLU, vocab_size: 129280, num_experts: 256, num_experts_per_tok: 8, attention_type: 'mla', q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128,
    },
  },
  'gpt-oss-20b': {
    source: modelFile('gpt-oss-20b', '6710342780303d1a45872f5a8eb1bc3855321707'),
    settings: { base_emb_dim: 2880, base_num_query_heads: 64, base_num_kv_heads: 8, head_dim: 64, base_mlp_dim: 2880, base_moe_mlp_dim: 2880, mlp_activations: ['sigmoid', 'linear'], num_experts: 32, num_experts_per_tok: 4, base_num_decoder_layers: 24, vocab_size: 201088 },
  },
  'gpt-oss-120b': {
    source: modelFile('gpt-oss-120b', '6710342780303d1a45872f5a8eb1bc3855321707'),
    settings: { base_emb_dim: 2880, base_num_query_heads: 64, base_num_kv_heads: 8, head_dim: 64, base_mlp_dim: 2880, base_moe_mlp_dim: 2880, mlp_activations: ['sigmoid', 'linear'], num_experts: 128, num_experts_per_tok: 4, base_num_decoder_layers: 36, vocab_size: 201088 },
  },
  'gemma3-4b': {
    source: modelFile('gemma3-4b', '48445cf00e73064e87886539714a8ba1794ee019'),
    settings: { base_num_decoder_layers: 34, base_emb_dim: 2560, base_num_query_heads: 8, base_num_kv_heads: 4, base_mlp_dim: 10240, head_dim: 256, mlp_activations: ['gelu', 'linear'], vocab_size: 262144, logits_via_embedding: true },
  },
};

/**
 * base.yml's mesh (`mesh_axes`): every axis 1 over ICI and DCN, except `ici_fsdp_parallelism` and
 * `dcn_data_parallelism` at -1, "auto-sharded" to the devices the other axes leave.
 */
export const MESH_AXES = ['data', 'stage', 'fsdp', 'fsdp_transpose', 'sequence', 'context', 'context_autoregressive', 'tensor', 'tensor_transpose', 'tensor_sequence', 'expert', 'autoregressive'] as const;
export type MeshAxis = (typeof MESH_AXES)[number];

/** The key that sizes a mesh axis over ICI (within a slice) or DCN (across slices): the stage axis is `*_pipeline_parallelism`. */
export function meshKey(tier: 'ici' | 'dcn', axis: MeshAxis): string {
  return `${tier}_${axis === 'stage' ? 'pipeline' : axis}_parallelism`;
}

function meshDefaults(): Record<string, number> {
  const defaults: Record<string, number> = {};
  for (const axis of MESH_AXES) {
    defaults[meshKey('ici', axis)] = axis === 'fsdp' ? -1 : 1;
    defaults[meshKey('dcn', axis)] = axis === 'data' ? -1 : 1;
  }
  return defaults;
}

/**
 * `base.yml`'s values for the keys shapelint reads: what every MaxText config gets unless it, or
 * the model file it names, says otherwise.
 */
export const MAXTEXT_BASE: MaxtextModel = {
  source: { repo: MAXTEXT_REPO, path: 'src/MaxText/configs/base.yml', commit: '09d2025bc52059162c84f05846b15121b2b48eb0' },
  settings: {
    global_parameter_scale: 1,
    base_emb_dim: 2048,
    base_num_query_heads: 16,
    base_num_kv_heads: 16,
    base_mlp_dim: 7168,
    base_num_decoder_layers: 16,
    head_dim: 128,
    mlp_activations: SILU_GLU,
    logits_via_embedding: false,
    num_experts: 1,
    num_experts_per_tok: 1,
    base_moe_mlp_dim: 7168,
    first_num_dense_layers: 0,
    shared_experts: 1,
    decoder_block: 'llama2',
    attention_type: 'global',
    q_lora_rank: 0,
    kv_lora_rank: 512,
    qk_nope_head_dim: 128,
    qk_rope_head_dim: 64,
    v_head_dim: 128,
    vocab_size: 32000,
    per_device_batch_size: 12,
    max_target_length: 2048,
    gradient_accumulation_steps: 1,
    num_pipeline_microbatches: -1,
    remat_policy: 'full',
    attention: 'autoselected',
    dtype: 'bfloat16',
    weight_dtype: 'float32',
    quantization: '',
    num_slices: -1,
    ...meshDefaults(),
  },
};
