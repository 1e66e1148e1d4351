import { countKeys, extensionOf, sniffHead } from './sniff';

/**
 * Configs that look like a supported format but follow another framework's semantics, which
 * shapelint does not read: detection refuses them, and this says which they are and why.
 */
export interface Refusal {
  /** What the file is. */
  lookAlike: string;
  /** The keys that tell it, as `formatEvidence` lists them. */
  formatEvidence: string[];
}

interface LookAlike {
  lookAlike: string;
  extensions: ReadonlySet<string>;
  keys: readonly string[];
  atLeast: number;
}

const JSON_EXTENSIONS = new Set(['json']);

/** Keys of OLMo's `ModelConfig` (allenai/OLMo olmo/config.py) that llm-foundry's MPTConfig does not have: they tell the two apart. */
export const OLMO_ONLY_KEYS = ['mlp_ratio', 'mlp_hidden_size', 'embedding_size', 'max_sequence_length', 'block_type', 'weight_tying', 'include_bias', 'layer_norm_type'];

const LOOK_ALIKES: readonly LookAlike[] = [
  { lookAlike: "DeepSeek's inference config (dim, inter_dim: not Meta's params.json)", extensions: JSON_EXTENSIONS, keys: ['inter_dim', 'moe_inter_dim', 'n_routed_experts', 'n_dense_layers'], atLeast: 2 },
  { lookAlike: 'a FasterTransformer-style checkpoint config (not a Hugging Face config.json)', extensions: JSON_EXTENSIONS, keys: ['inter_size', 'layer_num', 'head_num_kv', 'size_per_head', 'head_num'], atLeast: 2 },
];

export function refusal(fileName: string, text: string): Refusal | undefined {
  const extension = extensionOf(fileName);
  const head = sniffHead(text);
  for (const candidate of LOOK_ALIKES) {
    if (!candidate.extensions.has(extension)) continue;
    const present = candidate.keys.filter((key) => countKeys(head, [key]) > 0);
    if (present.length >= candidate.atLeast) return { lookAlike: candidate.lookAlike, formatEvidence: present };
  }
  return undefined;
}
