import { derivedField, LATENT_ATTENTION_FIELDS, type LatentAttentionFieldName, type LatentAttentionShape, type NumberField } from '../model/shape';

/**
 * Multi-latent attention's fields (ModelShape.latentAttention), each read by `read` (the file's
 * value, else the framework's or the model class's default, else unknown; a reader knows which).
 */
export function latentAttentionFields(read: (name: LatentAttentionFieldName) => NumberField): LatentAttentionShape {
  const fields = {} as LatentAttentionShape;
  for (const name of LATENT_ATTENTION_FIELDS) fields[name] = read(name);
  return fields;
}

/** Hugging Face's (and MaxText's, torchtitan's) spelling of each multi-latent attention key. */
export const LATENT_ATTENTION_KEYS: Record<LatentAttentionFieldName, string> = {
  qLoraRank: 'q_lora_rank',
  kvLoraRank: 'kv_lora_rank',
  qkNopeHeadDim: 'qk_nope_head_dim',
  qkRopeHeadDim: 'qk_rope_head_dim',
  vHeadDim: 'v_head_dim',
};


/**
 * Multi-latent attention's query-key head dim, the score GEMM's inner size: its no-position part
 * plus its rotary part (DeepSeek-V3: 128 + 64 = 192), whatever h/a is. Null unless both are known.
 */
export function latentQueryKeyHeadDim(latent: LatentAttentionShape | undefined, names: string): NumberField | null {
  const noPosition = latent?.qkNopeHeadDim.value;
  const rotary = latent?.qkRopeHeadDim.value;
  if (!noPosition || !rotary) return null;
  return derivedField(noPosition + rotary, `multi-latent attention: query-key head dim = ${names} = ${noPosition} + ${rotary}`);
}
