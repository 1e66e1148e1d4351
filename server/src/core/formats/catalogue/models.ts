import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, llamaFeedForwardWidth } from './framework-defaults';
import type { LatentAttention } from '../../model/prediction';

/**
 * The model catalogue: the shapes of well-known models, keyed by every name people write for
 * them (Hugging Face id, LitGPT name, short aliases, `checkpoints/<org>/<name>` paths). Readers
 * use it where a config names a model instead of giving its shape (LitGPT `checkpoint_dir`,
 * Axolotl `base_model`, torchtitan `name` + `flavor`).
 *
 * Most rows transcribe LitGPT's own table (`litgpt/config.py`), written as LitGPT writes them
 * and completed with LitGPT's `Config` defaults (FRAMEWORK_DEFAULTS.litgpt) and `__post_init__`, so a row means exactly what
 * LitGPT builds. The other families cite the framework file that sets their shape.
 */

export interface ModelSource {
  repo: string;
  path: string;
  commit: string;
}

export interface CatalogueModel {
  /** The canonical name (LitGPT's where LitGPT has the model). */
  name: string;
  family: string;
  /** Every name the model is found by, as written (lookup is case-insensitive). */
  names: string[];
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  /** Per-branch MLP width; for MoE, each expert's. */
  ffnHiddenSize: number;
  /** The tokenizer's vocabulary; null where the source does not give it. */
  vocabSize: number | null;
  /** The embedding's rows. */
  paddedVocabSize: number | null;
  /** Context length the model was built for; null where the source does not give it. */
  seqLength: number | null;
  numExperts: number;
  expertsPerToken: number;
  /** With experts: the layers that keep a dense MLP, its width, and the shared experts' total width (ModelShape's fields); absent where the source was not read for them. */
  moeLayers?: { denseLayers: number; denseFfnHiddenSize?: number; sharedExpertFfnSize: number };
  /** Multi-latent attention's sizes (ModelShape.latentAttention); absent: standard attention. */
  latentAttention?: LatentAttention;
  activation: string;
  gatedMlp: boolean;
  source: ModelSource;
  /** Set when the row was read from the local Hugging Face cache (the config.json's path), not the catalogue. */
  cachedAt?: string;
}

/** A mixture of experts whose every layer runs experts and none shared (Mixtral, Qwen3-MoE, gpt-oss). */
const ALL_MOE_LAYERS = { denseLayers: 0, sharedExpertFfnSize: 0 };

const LITGPT: ModelSource = { repo: 'Lightning-AI/litgpt', path: 'litgpt/config.py', commit: '0006c973aa7d6ace293e2a5fedaf1f8f804f960c' };
const LITGPT_PRAGNA: ModelSource = { repo: 'Lightning-AI/litgpt', path: 'litgpt/config.py', commit: '8d837e6f0e4faea479fe00648290fccab3aed88c' };

/** A row as `litgpt/config.py` writes it: only what differs from `Config`'s defaults. */
interface LitgptRow {
  n_embd?: number;
  n_layer?: number;
  n_head?: number;
  n_query_groups?: number;
  head_size?: number;
  intermediate_size?: number;
  moe_intermediate_size?: number;
  vocab_size?: number;
  padded_vocab_size?: number;
  padding_multiple?: number;
  block_size?: number;
  mlp_class_name?: 'GptNeoxMLP' | 'LLaMAMLP' | 'GemmaMLP' | 'LLaMAMoE';
  n_expert?: number;
  n_expert_per_token?: number;
}

const MLP_ACTIVATION: Record<NonNullable<LitgptRow['mlp_class_name']>, string> = { GptNeoxMLP: 'gelu', LLaMAMLP: 'swiglu', GemmaMLP: 'geglu', LLaMAMoE: 'swiglu' };

/** `Config.__post_init__`: head size, padded vocabulary, query groups, 4·n_embd MLP. */
function fromLitgpt(family: string, names: string[], row: LitgptRow): CatalogueModel {
  const d = FRAMEWORK_DEFAULTS.litgpt;
  const n_embd = row.n_embd ?? d.hiddenSize;
  const n_head = row.n_head ?? d.numHeads;
  let vocab = row.vocab_size ?? d.vocabSize;
  const multiple = row.padding_multiple ?? d.paddingMultiple;
  const padded = row.padded_vocab_size ?? Math.ceil(vocab / multiple) * multiple;
  if (row.padded_vocab_size !== undefined) vocab = Math.min(vocab, row.padded_vocab_size);
  const mlp = row.mlp_class_name ?? 'GptNeoxMLP';
  const moe = (row.n_expert ?? 0) > 1;
  return {
    name: names[0],
    family,
    names,
    hiddenSize: n_embd,
    numLayers: row.n_layer ?? d.numLayers,
    numHeads: n_head,
    numKvHeads: row.n_query_groups ?? n_head,
    headDim: row.head_size ?? n_embd / n_head,
    ffnHiddenSize: (moe ? row.moe_intermediate_size : undefined) ?? row.intermediate_size ?? DEFAULT_MLP_EXPANSION * n_embd,
    vocabSize: vocab,
    paddedVocabSize: padded,
    seqLength: row.block_size ?? d.blockSize,
    numExperts: moe ? row.n_expert! : 1,
    expertsPerToken: moe ? row.n_expert_per_token! : 1,
    // LitGPT's Block builds LLaMAMoE in every layer and shares no expert (MOE_LAYER_DEFAULTS.litgpt).
    ...(moe ? { moeLayers: ALL_MOE_LAYERS } : {}),
    activation: MLP_ACTIVATION[mlp],
    gatedMlp: mlp !== 'GptNeoxMLP',
    source: LITGPT,
  };
}

/**
 * LitGPT's `for kind in (...)` loops: the name and the Hugging Face id carry a `{}` that each
 * kind fills. `hf` is `org/name`.
 */
function litgpt(family: string, name: string, hf: string, kinds: string[], row: LitgptRow, hfKinds: string[] = kinds): CatalogueModel[] {
  return kinds.map((kind, i) => fromLitgpt(family, [name.replace('{}', kind), hf.replace('{}', hfKinds[i])], row));
}

const LLAMA = { mlp_class_name: 'LLaMAMLP' } as const;
const QWEN25_VOCAB = { vocab_size: 151643 };

const LITGPT_MODELS: CatalogueModel[] = [
  // EleutherAI Pythia (GPT-NeoX architecture), with the -deduped copies LitGPT adds.
  ...[
    ['pythia-14m', { block_size: 512, n_layer: 6, n_embd: 128, n_head: 4, padding_multiple: 128 }],
    ['pythia-31m', { block_size: 1024, n_layer: 6, n_embd: 256, n_head: 8, padding_multiple: 128 }],
    ['pythia-70m', { block_size: 2048, n_layer: 6, n_embd: 512, n_head: 8, padding_multiple: 128 }],
    ['pythia-160m', { block_size: 2048, n_layer: 12, n_embd: 768, n_head: 12, padding_multiple: 128 }],
    ['pythia-410m', { block_size: 2048, n_layer: 24, n_embd: 1024, n_head: 16, padding_multiple: 128 }],
    ['pythia-1b', { block_size: 2048, n_embd: 2048, n_head: 8, padding_multiple: 128 }],
    ['pythia-1.4b', { block_size: 2048, n_layer: 24, n_embd: 2048, n_head: 16, padding_multiple: 128 }],
    ['pythia-2.8b', { block_size: 2048, n_layer: 32, n_embd: 2560, padding_multiple: 128 }],
    ['pythia-6.9b', { block_size: 2048, n_layer: 32, padding_multiple: 256 }],
    ['pythia-12b', { block_size: 2048, n_layer: 36, n_embd: 5120, n_head: 40 }],
  ].flatMap(([name, row]) => {
    const kinds = name === 'pythia-14m' || name === 'pythia-31m' ? [''] : ['', '-deduped'];
    return litgpt('Pythia', `${name as string}{}`, `EleutherAI/${name as string}{}`, kinds, row as LitgptRow);
  }),
  // StableLM alpha: LitGPT's `Config` defaults (n_embd 4096, 16 layers, GptNeoxMLP) apart from these.
  ...litgpt('StableLM', 'stablelm-{}-alpha-3b', 'stabilityai/stablelm-{}-alpha-3b', ['base', 'tuned'], {}),
  ...litgpt('StableLM', 'stablelm-{}-alpha-7b', 'stabilityai/stablelm-{}-alpha-7b', ['base', 'tuned'], { n_head: 48, n_embd: 6144, padding_multiple: 256 }),
  ...litgpt('StableLM', 'stablelm-3b-4e1t', 'stabilityai/stablelm-3b-4e1t', [''], { padded_vocab_size: 50304, n_layer: 32, n_head: 32, n_embd: 2560, ...LLAMA, intermediate_size: 6912 }),
  // TII Falcon
  ...litgpt('Falcon', 'falcon-7b{}', 'tiiuae/falcon-7b{}', ['', '-instruct'], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 32, n_head: 71, n_embd: 4544, n_query_groups: 1 }),
  ...litgpt('Falcon', 'falcon-40b{}', 'tiiuae/falcon-40b{}', ['', '-instruct'], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 60, n_head: 128, n_embd: 8192, n_query_groups: 8 }),
  ...litgpt('Falcon', 'falcon-180B{}', 'tiiuae/falcon-180B{}', ['', '-chat'], { block_size: 2048, vocab_size: 65024, padded_vocab_size: 65024, n_layer: 80, n_head: 232, n_embd: 14848, n_query_groups: 8 }),
  ...litgpt('Falcon 3', 'Falcon3-1B{}', 'tiiuae/Falcon3-1B{}', ['-Base', '-Instruct'], { block_size: 4096, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 18, n_head: 8, n_query_groups: 4, n_embd: 2048, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt('Falcon 3', 'Falcon3-3B{}', 'tiiuae/Falcon3-3B{}', ['-Base', '-Instruct'], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 22, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 9216 }),
  ...litgpt('Falcon 3', 'Falcon3-7B{}', 'tiiuae/Falcon3-7B{}', ['-Base', '-Instruct'], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 28, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 23040 }),
  ...litgpt('Falcon 3', 'Falcon3-10B{}', 'tiiuae/Falcon3-10B{}', ['-Base', '-Instruct'], { block_size: 32768, vocab_size: 131072, padded_vocab_size: 131072, n_layer: 40, n_head: 12, n_query_groups: 4, n_embd: 3072, ...LLAMA, intermediate_size: 23040 }),
  // Meta Llama 2
  ...litgpt('Llama 2', 'Llama-2-7b{}-hf', 'meta-llama/Llama-2-7b{}-hf', ['', '-chat'], { vocab_size: 32000, padding_multiple: 64, n_layer: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt('Llama 2', 'Llama-2-13b{}-hf', 'meta-llama/Llama-2-13b{}-hf', ['', '-chat'], { vocab_size: 32000, padding_multiple: 64, n_layer: 40, n_head: 40, n_embd: 5120, ...LLAMA, intermediate_size: 13824 }),
  ...litgpt('Llama 2', 'Llama-2-70b{}-hf', 'meta-llama/Llama-2-70b{}-hf', ['', '-chat'], { vocab_size: 32000, padding_multiple: 64, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  // Meta Llama 3, 3.1, 3.2, 3.3
  ...litgpt('Llama 3', 'Llama-3-8B{}', 'meta-llama/Meta-Llama-3-8B{}', ['', '-Instruct'], { block_size: 8192, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 32, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Llama 3.1', 'Llama-3.1-8B{}', 'meta-llama/Meta-Llama-3.1-8B{}', ['', '-Instruct'], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 32, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Llama 3', 'Llama-3-70B{}', 'meta-llama/Meta-Llama-3-70B{}', ['', '-Instruct'], { block_size: 8192, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt('Llama 3.1', 'Llama-3.1-70B{}', 'meta-llama/Meta-Llama-3.1-70B{}', ['', '-Instruct'], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt('Llama 3.1', 'Llama-3.1-405B{}', 'meta-llama/Meta-Llama-3.1-405B{}', ['', '-Instruct'], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 126, n_head: 128, n_embd: 16384, n_query_groups: 8, ...LLAMA, intermediate_size: 53248 }),
  ...litgpt('Llama 3.2', 'Llama-3.2-1B{}', 'meta-llama/Llama-3.2-1B{}', ['', '-Instruct'], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 16, n_embd: 2048, n_head: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt('Llama 3.2', 'Llama-3.2-3B{}', 'meta-llama/Llama-3.2-3B{}', ['', '-Instruct'], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 28, n_embd: 3072, n_head: 24, n_query_groups: 8, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt('Llama 3.3', 'Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct', [''], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt('Nemotron', 'Llama-3.1-Nemotron-70B-Instruct-HF', 'nvidia/Llama-3.1-Nemotron-70B-Instruct-HF', [''], { block_size: 131072, vocab_size: 128000, padded_vocab_size: 128256, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt('TinyLlama', 'tiny-llama-1.1b{}', 'TinyLlama/TinyLlama-1.1B{}', ['', '-chat'], { block_size: 2048, vocab_size: 32000, padding_multiple: 64, n_layer: 22, n_head: 32, n_embd: 2048, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }, ['-intermediate-step-1431k-3T', '-Chat-v1.0']),
  // pragna-1b: TinyLlama's shape with a 69632-token vocabulary; LitGPT has it at this commit, not at LITGPT's.
  { ...fromLitgpt('Pragna', ['pragna-1b', 'soketlabs/pragna-1b'], { block_size: 2048, vocab_size: 69632, padding_multiple: 64, n_layer: 22, n_head: 32, n_embd: 2048, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }), source: LITGPT_PRAGNA },
  ...litgpt('MicroLlama', 'micro-llama-300M', 'keeeeenw/MicroLlama', [''], { block_size: 2048, vocab_size: 32000, padding_multiple: 64, n_layer: 12, n_head: 16, n_embd: 1024, ...LLAMA, intermediate_size: 5632, n_query_groups: 4 }),
  // Allen AI OLMo, OLMo 2
  ...litgpt('OLMo', 'OLMo-1B-hf', 'allenai/OLMo-1B-hf', [''], { vocab_size: 50280, padded_vocab_size: 50304, block_size: 2048, n_embd: 2048, n_layer: 16, n_head: 16, ...LLAMA, intermediate_size: 8192 }),
  ...litgpt('OLMo', 'OLMo-7B{}-hf', 'allenai/OLMo-7B{}-hf', ['', '-Instruct'], { vocab_size: 50280, padded_vocab_size: 50304, block_size: 2048, n_layer: 32, n_head: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt('OLMo 2', 'OLMo-2-1124-7B{}', 'allenai/OLMo-2-1124-7B{}', ['', '-SFT', '-DPO', '-Instruct'], { vocab_size: 100278, padded_vocab_size: 100352, block_size: 4096, n_embd: 4096, n_layer: 32, n_head: 32, n_query_groups: 32, ...LLAMA, intermediate_size: 11008 }),
  ...litgpt('OLMo 2', 'OLMo-2-1124-13B{}', 'allenai/OLMo-2-1124-13B{}', ['', '-SFT', '-DPO', '-Instruct'], { vocab_size: 100278, padded_vocab_size: 100352, block_size: 4096, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 40, ...LLAMA, intermediate_size: 13824 }),
  // Google Gemma, Gemma 2 (each with its -it copy), Gemma 3
  ...litgpt('Gemma', 'Gemma-2b{}', 'google/gemma-2b{}', ['', '-it'], { vocab_size: 256000, padding_multiple: 64, n_embd: 2048, n_layer: 18, n_head: 8, n_query_groups: 1, mlp_class_name: 'GemmaMLP', intermediate_size: 16384 }),
  ...litgpt('Gemma', 'Gemma-7b{}', 'google/gemma-7b{}', ['', '-it'], { vocab_size: 256000, padding_multiple: 64, n_embd: 3072, n_layer: 28, n_head: 16, head_size: 256, mlp_class_name: 'GemmaMLP', intermediate_size: 24576 }),
  ...litgpt('Gemma 2', 'Gemma-2-2b{}', 'google/gemma-2-2b{}', ['', '-it'], { vocab_size: 256000, block_size: 8192, intermediate_size: 9216, n_embd: 2304, n_layer: 26, n_head: 8, n_query_groups: 4, head_size: 256, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 2', 'Gemma-2-9b{}', 'google/gemma-2-9b{}', ['', '-it'], { vocab_size: 256000, block_size: 8192, intermediate_size: 14336, n_embd: 3584, n_layer: 42, n_head: 16, n_query_groups: 8, head_size: 256, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 2', 'Gemma-2-27b{}', 'google/gemma-2-27b{}', ['', '-it'], { vocab_size: 256000, block_size: 8192, intermediate_size: 36864, n_embd: 4608, n_layer: 46, n_head: 32, n_query_groups: 16, head_size: 128, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 3', 'Gemma-3-1b-it', 'google/gemma-3-1b-it', [''], { vocab_size: 262144, block_size: 131072, intermediate_size: 6912, n_embd: 1152, n_layer: 26, n_head: 4, n_query_groups: 1, head_size: 256, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 3', 'Gemma-3-4b-it', 'google/gemma-3-4b-it', [''], { vocab_size: 262144, block_size: 131072, intermediate_size: 10240, n_embd: 2560, n_layer: 34, n_head: 8, n_query_groups: 4, head_size: 256, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 3', 'Gemma-3-12b-it', 'google/gemma-3-12b-it', [''], { vocab_size: 262144, block_size: 131072, intermediate_size: 15360, n_embd: 3840, n_layer: 48, n_head: 16, n_query_groups: 8, head_size: 256, mlp_class_name: 'GemmaMLP' }),
  ...litgpt('Gemma 3', 'Gemma-3-27b-it', 'google/gemma-3-27b-it', [''], { vocab_size: 262144, block_size: 131072, intermediate_size: 21504, n_embd: 5376, n_layer: 62, n_head: 32, n_query_groups: 16, head_size: 128, mlp_class_name: 'GemmaMLP' }),
  // Microsoft Phi 1.5, 2, 3, 3.5, 4
  ...litgpt('Phi', 'phi-1_5', 'microsoft/phi-1_5', [''], { vocab_size: 50257, padded_vocab_size: 51200, block_size: 2048, n_embd: 2048, n_layer: 24 }),
  ...litgpt('Phi 2', 'phi-2', 'microsoft/phi-2', [''], { vocab_size: 50257, padded_vocab_size: 51200, block_size: 2048, n_embd: 2560, n_layer: 32 }),
  ...litgpt('Phi 3', 'Phi-3-mini-4k-instruct', 'microsoft/Phi-3-mini-4k-instruct', [''], { vocab_size: 32000, padded_vocab_size: 32064, block_size: 4096, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt('Phi 3', 'Phi-3-mini-128k-instruct', 'microsoft/Phi-3-mini-128k-instruct', [''], { vocab_size: 32000, padded_vocab_size: 32064, block_size: 131072, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt('Phi 3', 'Phi-3.5-mini-instruct', 'microsoft/Phi-3.5-mini-instruct', [''], { vocab_size: 32000, padded_vocab_size: 32064, block_size: 4096, n_embd: 3072, n_layer: 32, intermediate_size: 8192, ...LLAMA }),
  ...litgpt('Phi 4', 'phi-4', 'microsoft/phi-4', [''], { vocab_size: 100352, padded_vocab_size: 100352, block_size: 16384, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 10, intermediate_size: 17920, ...LLAMA }),
  ...litgpt('Phi 4', 'Phi-4-reasoning{}', 'microsoft/Phi-4-reasoning{}', ['', '-plus'], { vocab_size: 100352, padded_vocab_size: 100352, block_size: 32768, n_embd: 5120, n_layer: 40, n_head: 40, n_query_groups: 10, intermediate_size: 17920, ...LLAMA }),
  ...litgpt('Phi 4', 'Phi-4-mini-{}', 'microsoft/Phi-4-mini-{}', ['instruct', 'reasoning'], { vocab_size: 200019, padded_vocab_size: 200064, block_size: 131072, n_embd: 3072, n_layer: 32, n_head: 24, n_query_groups: 8, intermediate_size: 8192, ...LLAMA }),
  // Mistral AI Mistral, Mixtral
  ...litgpt('Mistral', 'Mistral-7B-{}v0.1', 'mistralai/Mistral-7B-{}v0.1', ['', 'Instruct-'], { padded_vocab_size: 32000, block_size: 4096, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Mistral', 'Mistral-7B-v0.2', 'unsloth/Mistral-7B-v0.2', [''], { padded_vocab_size: 32000, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Mistral', 'Mistral-7B-Instruct-v0.2', 'mistralai/Mistral-7B-Instruct-v0.2', [''], { padded_vocab_size: 32000, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Mistral', 'Mistral-7B-{}v0.3', 'mistralai/Mistral-7B-{}v0.3', ['', 'Instruct-'], { padded_vocab_size: 32768, block_size: 32768, n_layer: 32, n_query_groups: 8, ...LLAMA, intermediate_size: 14336 }),
  ...litgpt('Mistral', 'Mistral-Large-Instruct-{}', 'mistralai/Mistral-Large-Instruct-{}', ['2407', '2411'], { padded_vocab_size: 32768, block_size: 32768, n_layer: 88, n_head: 96, n_embd: 12288, n_query_groups: 8, ...LLAMA, intermediate_size: 28672 }),
  ...litgpt('Mixtral', 'Mixtral-8x7B-{}v0.1', 'mistralai/Mixtral-8x7B-{}v0.1', ['', 'Instruct-'], { padded_vocab_size: 32000, block_size: 32768, n_layer: 32, n_query_groups: 8, mlp_class_name: 'LLaMAMoE', intermediate_size: 14336, n_expert: 8, n_expert_per_token: 2 }),
  ...litgpt('Mixtral', 'Mixtral-8x22B-{}v0.1', 'mistralai/Mixtral-8x22B-{}v0.1', ['', 'Instruct-'], { padded_vocab_size: 32768, block_size: 65536, n_layer: 56, n_query_groups: 8, mlp_class_name: 'LLaMAMoE', intermediate_size: 16384, n_head: 48, n_embd: 6144, n_expert: 8, n_expert_per_token: 2 }),
  // Qwen 2.5 (and Coder, whose block is 32768 throughout), Qwen 3
  ...([
    ['0.5B', 32768, { padded_vocab_size: 151936, n_layer: 24, n_head: 14, n_embd: 896, n_query_groups: 2, intermediate_size: 4864 }],
    ['1.5B', 131072, { padded_vocab_size: 151936, n_layer: 28, n_head: 12, n_embd: 1536, n_query_groups: 2, intermediate_size: 8960 }],
    ['3B', 32768, { padded_vocab_size: 151936, n_layer: 36, n_head: 16, n_embd: 2048, n_query_groups: 2, intermediate_size: 11008 }],
    ['7B', 131072, { padded_vocab_size: 152064, n_layer: 28, n_head: 28, n_embd: 3584, n_query_groups: 4, intermediate_size: 18944 }],
    ['14B', 131072, { padded_vocab_size: 152064, n_layer: 48, n_head: 40, n_embd: 5120, n_query_groups: 8, intermediate_size: 13824 }],
    ['32B', 131072, { padded_vocab_size: 152064, n_layer: 64, n_head: 40, n_embd: 5120, n_query_groups: 8, intermediate_size: 27648 }],
    ['72B', 131072, { padded_vocab_size: 152064, n_layer: 80, n_head: 64, n_embd: 8192, n_query_groups: 8, intermediate_size: 29568 }],
  ] as [string, number, LitgptRow][]).flatMap(([size, block, row]) => [
    ...litgpt('Qwen 2.5', `Qwen2.5-${size}{}`, `Qwen/Qwen2.5-${size}{}`, ['', '-Instruct'], { ...QWEN25_VOCAB, block_size: block, ...LLAMA, ...row }),
    ...(size === '72B' ? [] : litgpt('Qwen 2.5', `Qwen2.5-Coder-${size}{}`, `Qwen/Qwen2.5-Coder-${size}{}`, ['', '-Instruct'], { ...QWEN25_VOCAB, block_size: 32768, ...LLAMA, ...row })),
  ]),
  ...litgpt('Qwen 3', 'Qwen3-0.6B{}', 'Qwen/Qwen3-0.6B{}', ['', '-Base'], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 28, n_head: 16, n_embd: 1024, n_query_groups: 8, ...LLAMA, intermediate_size: 3072, head_size: 128 }),
  ...litgpt('Qwen 3', 'Qwen3-1.7B{}', 'Qwen/Qwen3-1.7B{}', ['', '-Base'], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 28, n_head: 16, n_embd: 2048, n_query_groups: 8, ...LLAMA, intermediate_size: 6144 }),
  ...litgpt('Qwen 3', 'Qwen3-4B{}', 'Qwen/Qwen3-4B{}', ['', '-Base'], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 36, n_head: 32, n_embd: 2560, n_query_groups: 8, ...LLAMA, intermediate_size: 9728, head_size: 128 }),
  ...litgpt('Qwen 3', 'Qwen3-8B{}', 'Qwen/Qwen3-8B{}', ['', '-Base'], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 36, n_head: 32, n_embd: 4096, n_query_groups: 8, ...LLAMA, intermediate_size: 12288 }),
  ...litgpt('Qwen 3', 'Qwen3-14B{}', 'Qwen/Qwen3-14B{}', ['', '-Base'], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 40, n_head: 40, n_embd: 5120, n_query_groups: 8, ...LLAMA, intermediate_size: 17408 }),
  ...litgpt('Qwen 3', 'Qwen3-32B', 'Qwen/Qwen3-32B', [''], { block_size: 40960, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 64, n_head: 64, n_embd: 5120, n_query_groups: 8, ...LLAMA, intermediate_size: 25600, head_size: 128 }),
  ...litgpt('Qwen 3', 'Qwen3-30B-A3B{}', 'Qwen/Qwen3-30B-A3B{}', ['', '-Base'], { block_size: 40960, head_size: 128, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 48, n_head: 32, n_embd: 2048, n_query_groups: 4, mlp_class_name: 'LLaMAMoE', intermediate_size: 6144, moe_intermediate_size: 768, n_expert: 128, n_expert_per_token: 8 }),
  ...litgpt('Qwen 3', 'Qwen3-235B-A22B', 'Qwen/Qwen3-235B-A22B', [''], { block_size: 40960, head_size: 128, ...QWEN25_VOCAB, padded_vocab_size: 151936, n_layer: 94, n_head: 64, n_embd: 4096, n_query_groups: 4, mlp_class_name: 'LLaMAMoE', intermediate_size: 12288, moe_intermediate_size: 1536, n_expert: 128, n_expert_per_token: 8 }),
  ...litgpt('SmolLM2', 'SmolLM2-135M{}', 'HuggingFaceTB/SmolLM2-135M{}', ['', '-Instruct'], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 30, n_head: 9, n_embd: 576, n_query_groups: 3, ...LLAMA, intermediate_size: 1536 }),
  ...litgpt('SmolLM2', 'SmolLM2-360M{}', 'HuggingFaceTB/SmolLM2-360M{}', ['', '-Instruct'], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 32, n_head: 15, n_embd: 960, n_query_groups: 5, ...LLAMA, intermediate_size: 2560 }),
  ...litgpt('SmolLM2', 'SmolLM2-1.7B{}', 'HuggingFaceTB/SmolLM2-1.7B{}', ['', '-Instruct'], { block_size: 8192, vocab_size: 49152, padded_vocab_size: 49152, n_layer: 24, n_head: 32, n_embd: 2048, n_query_groups: 32, ...LLAMA, intermediate_size: 8192 }),
];

const NANOGPT: ModelSource = { repo: 'karpathy/nanoGPT', path: 'model.py (GPT.from_pretrained)', commit: '3adf61e154c3fe3fca428ad6bc3818b27a3b8291' };
const NEOX_20B: ModelSource = { repo: 'EleutherAI/gpt-neox', path: 'configs/20B.yml', commit: 'ea7aefd8f8e183256992d9fede4d7c71a46d67a5' };
const SLIME_DEEPSEEK_V3: ModelSource = { repo: 'THUDM/slime', path: 'scripts/models/deepseek-v3.sh', commit: '624b824a898ab0ec1fcb4d373004c7f3852bf515' };
const MEGATRON_DEEPSEEK_V2_LITE: ModelSource = { repo: 'NVIDIA/Megatron-LM', path: 'examples/post_training/modelopt/conf/deepseek-ai/DeepSeek-V2-Lite.sh', commit: 'd98e8a64ddf34856e74b24714e3bedb2f5a39553' };
const NEMO_STARCODER2_15B: ModelSource = { repo: 'NVIDIA/NeMo-Framework-Launcher', path: 'launcher_scripts/conf/training/starcoder2/starcoder2_15b.yaml', commit: '3dd35614cf43b06711ad0eccaace3b6af0fc6a08' };
const NEMO_NEMOTRON_340B: ModelSource = { repo: 'NVIDIA/NeMo-Framework-Launcher', path: 'launcher_scripts/conf/training/nemotron/nemotron_340b.yaml', commit: '10120dba59204e3f4d4ebb3a1600bf761e336190' };
const NEMO_NEMOTRON4_15B: ModelSource = { repo: 'ishine/NeMo (mirror of NVIDIA/NeMo)', path: 'nemo/collections/llm/gpt/model/nemotron.py (Nemotron4Config15B)', commit: 'c88a0d362113e405ff47d2115df35c7d6474cdce' };
const MEGATRON_NEMOTRON_MINI: ModelSource = { repo: 'NVIDIA/Megatron-LM', path: 'examples/post_training/modelopt/conf/nvidia/Nemotron-Mini-4B-Instruct.sh', commit: '7f85843c4061bd6f6de3a918a6590ca9589cf216' };

type Dense = Pick<CatalogueModel, 'hiddenSize' | 'numLayers' | 'numHeads'> & Partial<CatalogueModel>;

/** A row from a framework file other than LitGPT's: multi-head, ungated, dense unless it says. */
function row(family: string, names: string[], source: ModelSource, shape: Dense): CatalogueModel {
  return {
    name: names[0],
    family,
    names,
    numKvHeads: shape.numHeads,
    headDim: shape.hiddenSize / shape.numHeads,
    ffnHiddenSize: DEFAULT_MLP_EXPANSION * shape.hiddenSize,
    vocabSize: null,
    paddedVocabSize: shape.vocabSize ?? null,
    seqLength: null,
    numExperts: 1,
    expertsPerToken: 1,
    activation: 'gelu',
    gatedMlp: false,
    source,
    ...shape,
  };
}

const TORCHTITAN_LLAMA3: ModelSource = { repo: 'pytorch/torchtitan', path: 'torchtitan/models/llama3/__init__.py (llama3_configs)', commit: '00f555e1114a8286eb1d4e379cae67d56156b61d' };

/** torchtitan flavors: `[model] name` and `flavor` name them; the vocabulary is the tokenizer's (debugmodel's is fixed). */
function torchtitanLlama3(flavor: string, dim: number, numLayers: number, numHeads: number, numKvHeads: number, multipleOf: number, multiplier?: number, vocabSize?: number): CatalogueModel {
  return row('Llama 3 (torchtitan)', [torchtitanName('llama3', flavor)], TORCHTITAN_LLAMA3, {
    hiddenSize: dim, numLayers, numHeads, numKvHeads, ffnHiddenSize: llamaFeedForwardWidth(dim, multipleOf, multiplier), activation: 'swiglu', gatedMlp: true, ...(vocabSize ? { vocabSize } : {}),
  });
}

/** The catalogue name of a torchtitan model flavor. */
export function torchtitanName(name: string, flavor: string): string {
  return `torchtitan ${name} ${flavor}`;
}

/** gpt-oss: hidden 2880, 64 heads of 64, 8 key/value heads, experts 2880 wide, top-4; vocabulary 201088. */
const GPT_OSS = { hiddenSize: 2880, numHeads: 64, numKvHeads: 8, headDim: 64, ffnHiddenSize: 2880, vocabSize: 201088, expertsPerToken: 4, activation: 'swiglu', gatedMlp: true, moeLayers: ALL_MOE_LAYERS };

const MAXTEXT_GPT_OSS_20B: ModelSource = { repo: 'AI-Hypercomputer/maxtext', path: 'src/MaxText/configs/models/gpt-oss-20b.yml', commit: '6710342780303d1a45872f5a8eb1bc3855321707' };
const MAXTEXT_GPT_OSS_120B: ModelSource = { repo: 'AI-Hypercomputer/maxtext', path: 'src/MaxText/configs/models/gpt-oss-120b.yml', commit: '6710342780303d1a45872f5a8eb1bc3855321707' };

const NEMO_QWEN2: ModelSource = { repo: 'NVIDIA/NeMo', path: 'nemo/collections/llm/gpt/model/qwen2.py (Qwen2Config500M/1P5B/7B/72B)', commit: '03823d2acf6e9e8c0fed8409a89f9cfd5308e157' };

/** Qwen2 (gated SiLU MLP, GQA); `vocab_size` there is the embedding's rows, the tokenizer's length is not given. */
function qwen2(size: string, shape: Pick<CatalogueModel, 'hiddenSize' | 'numLayers' | 'numHeads' | 'numKvHeads' | 'ffnHiddenSize' | 'paddedVocabSize'>): CatalogueModel {
  return row('Qwen 2', [`Qwen2-${size}`, `Qwen/Qwen2-${size}`, `Qwen2-${size}-Instruct`, `Qwen/Qwen2-${size}-Instruct`], NEMO_QWEN2, { ...shape, activation: 'swiglu', gatedMlp: true });
}

const GPT2 = { vocabSize: FRAMEWORK_DEFAULTS.nanogpt.pretrainedVocab, seqLength: FRAMEWORK_DEFAULTS.nanogpt.pretrainedBlock };
/**
 * Multi-latent attention as DeepSeek-V2 and V3 build it (arXiv 2405.04434 §3.1.2, 2412.19437
 * §4.2): key/value latent 512, heads of 128 + 64 rotary for query and key, 128 for the value; the
 * query latent 1536, or none (`noQueryLatent`, DeepSeek-V2-Lite and torchtitan's 16B: the
 * query projected straight from h). The score GEMM's head dim is 128 + 64.
 */
const MLA_HEADS = { kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 };
const MLA = { headDim: 128 + 64, activation: 'swiglu', gatedMlp: true, latentAttention: { qLoraRank: 1536, ...MLA_HEADS } };
const MLA_NO_QUERY_LATENT = { ...MLA, latentAttention: { qLoraRank: 0, ...MLA_HEADS } };

const OTHER_MODELS: CatalogueModel[] = [
  // OpenAI's GPT-2 checkpoints, as nanoGPT's GPT.from_pretrained builds them (FRAMEWORK_DEFAULTS.nanogpt).
  ...Object.entries(FRAMEWORK_DEFAULTS.nanogpt.pretrained).map(([name, gpt]) =>
    row('GPT-2', [name, `openai-community/${name}`, ...(name === 'gpt2' ? ['gpt2-124M'] : [])], NANOGPT, {
      hiddenSize: gpt.n_embd, numLayers: gpt.n_layer, numHeads: gpt.n_head, ...GPT2,
    }),
  ),
  // The vocabulary comes from 20B_tokenizer.json, which the config does not size.
  row('GPT-NeoX', ['gpt-neox-20b', 'EleutherAI/gpt-neox-20b'], NEOX_20B, { hiddenSize: 6144, numLayers: 44, numHeads: 64, seqLength: 2048 }),
  // Multi-latent attention: the score GEMM's head dim is qk-head-dim 128 + qk-pos-emb-head-dim 64; ffnHiddenSize is each routed expert's.
  row('DeepSeek V3', ['DeepSeek-V3', 'deepseek-ai/DeepSeek-V3', 'deepseek-ai/DeepSeek-V3-Base', 'DeepSeek-R1', 'deepseek-ai/DeepSeek-R1'], SLIME_DEEPSEEK_V3, {
    hiddenSize: 7168, numLayers: 61, numHeads: 128, ffnHiddenSize: 2048, vocabSize: 129280, numExperts: 256, expertsPerToken: 8, ...MLA,
    // FIRST_K_DENSE_REPLACE=3 builds --moe-layer-freq [0,0,0,1,…]; --ffn-hidden-size 18432, --moe-shared-expert-intermediate-size 2048.
    moeLayers: { denseLayers: 3, denseFfnHiddenSize: 18432, sharedExpertFfnSize: 2048 },
  }),
  row('DeepSeek V2', ['DeepSeek-V2-Lite', 'deepseek-ai/DeepSeek-V2-Lite'], MEGATRON_DEEPSEEK_V2_LITE, {
    // No --q-lora-rank: Megatron's q_lora_rank None, no query latent.
    hiddenSize: 2048, numLayers: 27, numHeads: 16, ffnHiddenSize: 1408, numExperts: 64, expertsPerToken: 6, ...MLA_NO_QUERY_LATENT,
    // --moe-layer-freq ([0]+[1]*26), --ffn-hidden-size 10944, --moe-shared-expert-intermediate-size 2816.
    moeLayers: { denseLayers: 1, denseFfnHiddenSize: 10944, sharedExpertFfnSize: 2816 },
  }),
  // openai/gpt-oss-*: MaxText's transcription of the Hub config.json (its files link it).
  row('gpt-oss', ['gpt-oss-20b', 'openai/gpt-oss-20b'], MAXTEXT_GPT_OSS_20B, { ...GPT_OSS, numLayers: 24, numExperts: 32, seqLength: 131072 }),
  row('gpt-oss', ['gpt-oss-120b', 'openai/gpt-oss-120b'], MAXTEXT_GPT_OSS_120B, { ...GPT_OSS, numLayers: 36, numExperts: 128, seqLength: 131072 }),
  qwen2('0.5B', { hiddenSize: 896, numLayers: 24, numHeads: 14, numKvHeads: 2, ffnHiddenSize: 4864, paddedVocabSize: 151936 }),
  qwen2('1.5B', { hiddenSize: 1536, numLayers: 28, numHeads: 12, numKvHeads: 2, ffnHiddenSize: 8960, paddedVocabSize: 151936 }),
  qwen2('7B', { hiddenSize: 3584, numLayers: 28, numHeads: 28, numKvHeads: 4, ffnHiddenSize: 18944, paddedVocabSize: 152064 }),
  qwen2('72B', { hiddenSize: 8192, numLayers: 80, numHeads: 64, numKvHeads: 8, ffnHiddenSize: 29568, paddedVocabSize: 152064 }),
  row('StarCoder2', ['starcoder2-15b', 'bigcode/starcoder2-15b'], NEMO_STARCODER2_15B, { hiddenSize: 6144, numLayers: 40, numHeads: 48, numKvHeads: 4, ffnHiddenSize: 24576, seqLength: 4096 }),
  row('Nemotron', ['Nemotron-4-340B', 'nvidia/Nemotron-4-340B-Base', 'nvidia/Nemotron-4-340B-Instruct'], NEMO_NEMOTRON_340B, {
    hiddenSize: 18432, numLayers: 96, numHeads: 96, numKvHeads: 8, ffnHiddenSize: 73728, seqLength: 4096, activation: 'squared-relu',
  }),
  // NeMo 2's nemotron4_15b recipe fine-tunes from thhaus/nemotron4-15b-base-hf; the config does not size the vocabulary.
  row('Nemotron', ['Nemotron-4-15B', 'thhaus/nemotron4-15b-base-hf'], NEMO_NEMOTRON4_15B, {
    hiddenSize: 6144, numLayers: 32, numHeads: 48, numKvHeads: 8, ffnHiddenSize: 24576, seqLength: 4096, activation: 'squared-relu',
  }),
  row('Nemotron', ['Nemotron-Mini-4B-Instruct', 'nvidia/Nemotron-Mini-4B-Instruct'], MEGATRON_NEMOTRON_MINI, {
    hiddenSize: 3072, numLayers: 32, numHeads: 24, numKvHeads: 8, headDim: 128, ffnHiddenSize: 9216, seqLength: 4096, activation: 'squared-relu',
  }),
];

/**
 * torchtitan's llama3 sets vocab_size from the tokenizer it trains with
 * (`TransformerModelArgs.update_from_config`, torchtitan/models/llama3/model/args.py @ 183f6fce):
 * Llama 3's, 128256 tokens; debugmodel's test tokenizer has 2048.
 */
const LLAMA3_TOKENIZER = 128256;

const TORCHTITAN_QWEN3: ModelSource = { repo: 'pytorch/torchtitan', path: 'torchtitan/models/qwen3/__init__.py (qwen3_configs)', commit: 'cfb93265153094f99736547f26b5346410181102' };
const TORCHTITAN_DEEPSEEK_V3: ModelSource = { repo: 'pytorch/torchtitan', path: 'torchtitan/models/deepseek_v3/__init__.py (deepseekv3_configs)', commit: '7a639a0cb453790e132598c33862e855ab8c5f7f' };
const TORCHTITAN_GPT_OSS: ModelSource = { repo: 'pytorch/torchtitan', path: 'torchtitan/models/gpt_oss/__init__.py (gptoss_configs; dim, heads and vocabulary from GptOssModel.Config)', commit: '5a3bc91b8677d9a5a0c877f2020e97669f1e891f' };

interface Experts {
  experts: number;
  topK: number;
  width: number;
  /** deepseekv3_configs' n_dense_layers of inter_dim and n_shared_experts (× moe_inter_dim); absent: every layer MoE, none shared. */
  dense?: { layers: number; width: number; sharedExperts: number };
}

/** qwen3_configs: head_dim 128 throughout, a gated SiLU MLP (FeedForward) or MoE of `moe.hidden_dim`. */
function torchtitanQwen3(flavor: string, dim: number, numLayers: number, numHeads: number, numKvHeads: number, ffn: number, moe?: Experts): CatalogueModel {
  return row('Qwen 3 (torchtitan)', [torchtitanName('qwen3', flavor)], TORCHTITAN_QWEN3, {
    hiddenSize: dim, numLayers, numHeads, numKvHeads, headDim: 128, ffnHiddenSize: moe?.width ?? ffn, vocabSize: 151936, activation: 'swiglu', gatedMlp: true,
    ...(moe ? { numExperts: moe.experts, expertsPerToken: moe.topK, moeLayers: ALL_MOE_LAYERS } : {}),
  });
}

/** deepseekv3_configs: multi-latent attention (query-key head 128 + 64; q_lora_rank 1536, or 0 where `queryLatent` is false), routed experts of moe_inter_dim. */
function torchtitanDeepseekV3(flavor: string, dim: number, numLayers: number, numHeads: number, vocabSize: number, queryLatent: boolean, moe: Experts): CatalogueModel {
  return row('DeepSeek V3 (torchtitan)', [torchtitanName('deepseek_v3', flavor)], TORCHTITAN_DEEPSEEK_V3, {
    hiddenSize: dim, numLayers, numHeads, ffnHiddenSize: moe.width, vocabSize, numExperts: moe.experts, expertsPerToken: moe.topK, ...(queryLatent ? MLA : MLA_NO_QUERY_LATENT),
    ...(moe.dense ? { moeLayers: { denseLayers: moe.dense.layers, denseFfnHiddenSize: moe.dense.width, sharedExpertFfnSize: moe.dense.sharedExperts * moe.width } } : {}),
  });
}

const TORCHTITAN_MODELS: CatalogueModel[] = [
  torchtitanLlama3('debugmodel', 256, 6, 16, 16, 256, undefined, 2048),
  torchtitanLlama3('8B', 4096, 32, 32, 8, 1024, 1.3, LLAMA3_TOKENIZER),
  torchtitanLlama3('70B', 8192, 80, 64, 8, 4096, 1.3, LLAMA3_TOKENIZER),
  torchtitanLlama3('405B', 16384, 126, 128, 8, 4096, 1.2, LLAMA3_TOKENIZER),
  torchtitanQwen3('0.6B', 1024, 28, 16, 8, 3072),
  torchtitanQwen3('1.7B', 2048, 28, 16, 8, 6144),
  torchtitanQwen3('4B', 2560, 36, 32, 8, 9728),
  torchtitanQwen3('8B', 4096, 36, 32, 8, 12288),
  torchtitanQwen3('14B', 5120, 40, 40, 8, 17408),
  torchtitanQwen3('32B', 5120, 64, 64, 8, 25600),
  torchtitanQwen3('30B-A3B', 2048, 48, 32, 4, 6144, { experts: 128, topK: 8, width: 768 }),
  torchtitanQwen3('235B-A22B', 4096, 94, 64, 4, 12288, { experts: 128, topK: 8, width: 1536 }),
  torchtitanDeepseekV3('16B', 2048, 27, 16, 102400, false, { experts: 64, topK: 6, width: 1408, dense: { layers: 1, width: 10944, sharedExperts: 2 } }),
  torchtitanDeepseekV3('236B', 5120, 60, 128, 102400, true, { experts: 160, topK: 6, width: 1536, dense: { layers: 1, width: 12288, sharedExperts: 2 } }),
  torchtitanDeepseekV3('671B', 7168, 61, 128, 129280, true, { experts: 256, topK: 8, width: 2048, dense: { layers: 3, width: 18432, sharedExperts: 1 } }),
  row('gpt-oss (torchtitan)', [torchtitanName('gpt_oss', '20b')], TORCHTITAN_GPT_OSS, { ...GPT_OSS, numLayers: 24, numExperts: 32 }),
  row('gpt-oss (torchtitan)', [torchtitanName('gpt_oss', '120b')], TORCHTITAN_GPT_OSS, { ...GPT_OSS, numLayers: 36, numExperts: 128 }),
];

export const MODEL_CATALOGUE: readonly CatalogueModel[] = [...LITGPT_MODELS, ...OTHER_MODELS, ...TORCHTITAN_MODELS];

/**
 * Re-uploads of a catalogued model under another Hub id (same weights, same config), each
 * listed where a real config uses it.
 */
const REUPLOADS: readonly { alias: string; of: string; usedIn: string }[] = [
  { alias: 'casperhansen/llama-3-70b-fp16', of: 'meta-llama/Meta-Llama-3-70B', usedIn: 'axolotl-ai-cloud/axolotl examples/llama-3/qlora-fsdp-70b.yaml @ ba1be71d70582bc0abf67ad604abb6739567f504' },
];

const BY_NAME = new Map<string, CatalogueModel>();
for (const model of MODEL_CATALOGUE) {
  for (const name of model.names) {
    const key = name.toLowerCase();
    BY_NAME.set(key, model);
    // The repository part alone (`Meta-Llama-3-8B`), as checkpoint folders and short names use it.
    const short = key.split('/').pop()!;
    if (!BY_NAME.has(short)) BY_NAME.set(short, model);
  }
}

for (const { alias, of } of REUPLOADS) {
  const model = BY_NAME.get(of.toLowerCase());
  if (model) BY_NAME.set(alias.toLowerCase(), model);
}

/**
 * The model a name means: a Hugging Face id, a LitGPT name, its repository part alone, or a
 * path that ends in one (`checkpoints/microsoft/phi-2`, `/models/Meta-Llama-3-8B/`); any case.
 */
export function findModel(name: string): CatalogueModel | undefined {
  const parts = name.trim().replace(/[\\/]+$/, '').split(/[\\/]/).filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1].toLowerCase();
  const withOrg = parts.length > 1 ? `${parts[parts.length - 2].toLowerCase()}/${last}` : last;
  return BY_NAME.get(withOrg) ?? BY_NAME.get(last);
}

export function sourceText(source: ModelSource): string {
  return `${source.repo} ${source.path} @ ${source.commit.slice(0, 12)}`;
}
