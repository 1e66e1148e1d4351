import type { ConfigDocument } from '../model/document';
import { parseJson } from '../parse/json';
import { defaultField, derivedField, unknownField, type AttentionImplementation, type LatentAttentionFieldName, type ModelShape, type NumberField, type RecomputeMode, type ShapeField } from '../model/shape';
import { booleanValue, checkpointingMode, completeShape, transformersAttention, derivedHeadDim, EntryIndex, ownEntry, readChoice, readDropout, readField, stringField, untiedEmbeddingsSwitch, valueOf } from './fields';
import type { FormatReader } from './format';
import { hfMoeLayers } from './moe-layers';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LATENT_ATTENTION_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';
import { LATENT_ATTENTION_KEYS, latentAttentionFields, latentQueryKeyHeadDim } from './latent-attention';
import { baseNameOf, countKeys, extensionOf, sniffHead } from './sniff';

/**
 * Hugging Face `config.json`. Key aliases follow each family's `attribute_map` in
 * transformers (GPT-2 `n_embd`/`n_head`/`n_layer`/`n_positions`, T5 `d_model`/`num_heads`/`d_kv`,
 * MPT/DBRX `d_model`/`n_heads`/`n_layers`/`max_seq_len`, OPT `ffn_dim`, Falcon `multi_query`,
 * BART `decoder_*`, MoE `num_local_experts`/`num_experts`/`n_routed_experts`); multimodal configs nest the text
 * model under `text_config`.
 */
const KEYS = {
  hiddenSize: ['hidden_size', 'n_embd', 'd_model', 'n_embed'],
  numHeads: ['num_attention_heads', 'n_head', 'n_heads', 'num_heads', 'decoder_attention_heads'],
  numLayers: ['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers', 'decoder_layers'],
  ffnHiddenSize: ['intermediate_size', 'n_inner', 'ffn_dim', 'd_ff', 'ffn_hidden_size', 'ffn_config.ffn_hidden_size', 'decoder_ffn_dim'],
  numKvHeads: ['num_key_value_heads', 'num_kv_heads', 'attn_config.kv_n_heads', 'n_head_kv'],
  headDim: ['head_dim', 'd_kv'],
  vocabSize: ['vocab_size'],
  seqLength: ['max_position_embeddings', 'n_positions', 'max_seq_len', 'max_sequence_length', 'seq_length', 'n_ctx'],
  numExperts: ['num_local_experts', 'num_experts', 'n_routed_experts', 'moe_num_experts', 'ffn_config.moe_num_experts'],
  expertsPerToken: ['num_experts_per_tok', 'moe_top_k', 'ffn_config.moe_top_k'],
  moeFfn: ['moe_intermediate_size'],
  activation: ['hidden_act', 'activation_function', 'hidden_activation', 'feed_forward_proj', 'ffn_config.ffn_act_fn.name'],
  attentionDropout: ['attention_dropout', 'attn_pdrop', 'attention_probs_dropout_prob', 'attn_config.attn_pdrop'],
  /** GPT-NeoX/Falcon `hidden_dropout`, GPT-2 `resid_pdrop`, BERT `hidden_dropout_prob`, OPT/BART `dropout`. */
  hiddenDropout: ['hidden_dropout', 'resid_pdrop', 'hidden_dropout_prob', 'dropout'],
} as const;

/** Families whose MLP is gated (SwiGLU/GeGLU: gate and up of width intermediate_size). */
const GATED_FAMILY = /llama|mistral|mixtral|qwen|gemma|phi3|phi-3|deepseek|olmo|minicpm|internlm|baichuan|cohere|granite|dbrx|exaone|chatglm|glm4|yi-|^yi$/i;

const DETECTION_KEYS = [...KEYS.hiddenSize, ...KEYS.numHeads, ...KEYS.numLayers, 'vocab_size', 'intermediate_size'];

/**
 * Keys of JSON model configs that are not Hugging Face's and that this reader would half-read:
 * FasterTransformer-style checkpoint configs (`inter_size`, `layer_num`, `head_num_kv`),
 * DeepSeek's inference JSON (`dim`, `inter_dim`, `moe_inter_dim`), Meta's params.json (`dim`,
 * `multiple_of`, which its own reader takes). A file with any of them is refused, not guessed.
 */
const FOREIGN_KEYS = ['inter_size', 'layer_num', 'head_num', 'head_num_kv', 'size_per_head', 'inter_dim', 'moe_inter_dim', 'dim', 'multiple_of'];

export const hfReader: FormatReader = {
  id: 'hf',
  label: 'Hugging Face config.json',
  evidence: ['model_type', 'architectures', ...DETECTION_KEYS],

  detect(fileName, text) {
    if (extensionOf(fileName) !== 'json') return 0;
    const head = sniffHead(text);
    if (countKeys(head, FOREIGN_KEYS) > 0 && !/"(model_type|architectures)"\s*:/.test(head)) return 0;
    const named = /config/.test(baseNameOf(fileName)) ? 0.05 : 0;
    const shapeKeys = countKeys(head, DETECTION_KEYS);
    if (/"(model_type|architectures)"\s*:/.test(head) && shapeKeys >= 1) return 0.9 + named;
    // Without model_type, only a file that gives the width, the heads and the depth is an HF config.
    const complete = [KEYS.hiddenSize, KEYS.numHeads, KEYS.numLayers].every((group) => countKeys(head, group) > 0);
    return complete ? 0.7 + named : 0;
  },

  parse: parseJson,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const nested = [...index.keys()].some((key) => key.startsWith('text_config.'));
    const keys = (names: readonly string[]): string[] => (nested ? [...names.map((name) => `text_config.${name}`), ...names] : [...names]);
    const familyText = [index.get(...keys(['model_type'])), ...document.entries.filter((entry) => entry.path[0] === 'architectures')]
      .map((entry) => (entry && typeof entry.value === 'string' ? entry.value : ''))
      .join(' ');

    const hiddenSize = readField(index, 'hiddenSize', keys(KEYS.hiddenSize), () => unknownField('no hidden size in this config'));
    const numHeads = readField(index, 'numHeads', keys(KEYS.numHeads), () => unknownField('no head count in this config'));
    const numLayers = readField(index, 'numLayers', keys(KEYS.numLayers), () => unknownField('no layer count in this config'));
    const numExperts = readField(index, 'numExperts', keys(KEYS.numExperts), () => defaultField(1, 'dense model (no experts)'));
    const moe = (valueOf(numExperts) ?? 1) > 1;
    const expertsPerToken = readField(index, 'expertsPerToken', keys(KEYS.expertsPerToken), () =>
      moe ? unknownField('experts per token not given') : defaultField(1, 'dense model (no experts)'),
    );
    const activation = stringField(index.get(...keys(KEYS.activation)), unknownField('no activation in this config'));
    const ffnKeys = moe && index.get(...keys(KEYS.moeFfn)) ? KEYS.moeFfn : KEYS.ffnHiddenSize;
    const ffnHiddenSize = readField(index, 'ffnHiddenSize', keys(ffnKeys), () => defaultFfn(index, keys, hiddenSize));
    const numKvHeads = readField(index, 'numKvHeads', keys(KEYS.numKvHeads), () => defaultKvHeads(index, numHeads));
    const modelType = index.get(...keys(['model_type']))?.value;
    const latent = hfLatentAttention(index, keys, modelType);
    const headDim = readField(index, 'headDim', keys(KEYS.headDim), () => latentQueryKeyHeadDim(latent.latentAttention, 'qk_nope_head_dim + qk_rope_head_dim') ?? derivedHeadDim(hiddenSize, numHeads));
    const vocabSize = readField(index, 'vocabSize', keys(KEYS.vocabSize), () => unknownField('no vocab_size in this config'));
    const gatedMlp =
      GATED_FAMILY.test(familyText) ||
      /^gated-/.test(activation.value ?? '') ||
      (/^(silu|swish)$/.test(activation.value ?? '') && index.get(...keys(['intermediate_size'])) !== undefined);

    const familyDropout = typeof modelType === 'string' ? ownEntry(FRAMEWORK_DEFAULTS.hf.dropoutByModelType, modelType) : undefined;
    const dropoutDefault = (which: 'attention' | 'hidden') => () =>
      familyDropout
        ? defaultField(familyDropout[which], `${String(modelType)} config default ${familyDropout[which]} (${familyDropout.source})`)
        : unknownField<number>(`no ${which} dropout in this config, and no default shapelint can cite for model_type ${String(modelType ?? '(none)')}`);

    return completeShape(
      'hf',
      {
        hiddenSize,
        numLayers,
        numHeads,
        numKvHeads,
        headDim,
        ffnHiddenSize,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'Hugging Face does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'Hugging Face does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', keys(KEYS.seqLength), () => unknownField('no maximum sequence length in this config')),
        microBatchSize: unknownField('set by the trainer, not by a model config'),
        tensorParallel: unknownField('set by the launcher, not by a model config'),
        pipelineParallel: unknownField('set by the launcher, not by a model config'),
        numExperts,
        expertsPerToken,
        ...(moe ? hfMoeLayers(index, (name) => (nested ? `text_config.${name}` : name), typeof modelType === 'string' ? modelType : undefined, numLayers, ffnHiddenSize) : {}),
      },
      {
        activation,
        gatedMlp,
        attentionKernel: readChoice(index, keys(['_attn_implementation', 'attn_implementation']), (entry) => transformersAttention(entry.value), () =>
          defaultField<AttentionImplementation>(LAUNCH_DEFAULTS.hf.attention, `${LAUNCH_DEFAULTS.hf.attentionSource}; this file does not set attn_implementation`),
        ),
        recompute: readChoice(index, keys(['gradient_checkpointing']), (entry) => checkpointingMode(booleanValue(entry)), () =>
          defaultField<RecomputeMode>(LAUNCH_DEFAULTS.hf.recompute, LAUNCH_DEFAULTS.hf.recomputeSource),
        ),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: readDropout(index, keys(KEYS.attentionDropout), dropoutDefault('attention')),
        hiddenDropout: readDropout(index, keys(KEYS.hiddenDropout), dropoutDefault('hidden')),
        untiedEmbeddings: untiedEmbeddingsSwitch(index, keys(['tie_word_embeddings']), 'tie', () => modelClassTying(modelType)),
        ...latent,
      },
    );
  },
};

/**
 * Multi-latent attention, where the config writes kv_lora_rank (deepseek_v2, deepseek_v3,
 * kimi_k2, minicpm3) or its model class defaults it (LATENT_ATTENTION_DEFAULTS): each size the
 * file's, else the class's default. `q_lora_rank: null` is DeepSeek-V2-Lite's "no query
 * compression": DeepseekV2Attention/DeepseekV3Attention then project the query straight from h.
 */
function hfLatentAttention(index: EntryIndex, keys: (names: readonly string[]) => string[], modelType: unknown): Pick<ModelShape, 'latentAttention'> {
  const defaults = typeof modelType === 'string' ? ownEntry(LATENT_ATTENTION_DEFAULTS.hf, modelType) : undefined;
  if (!defaults && !index.get(...keys([LATENT_ATTENTION_KEYS.kvLoraRank]))) return {};
  const fallback = (name: LatentAttentionFieldName): NumberField => {
    const key = LATENT_ATTENTION_KEYS[name];
    if (name === 'qLoraRank' && index.get(...keys([key]))) return defaultField(0, 'q_lora_rank null: no query compression, the query projected straight from the hidden size (transformers DeepseekV2Attention, DeepseekV3Attention)');
    if (defaults) return defaultField(defaults[name], defaults.source);
    return unknownField(`no ${key} in this config, and no default shapelint can cite for model_type ${String(modelType ?? '(none)')}`);
  };
  return { latentAttention: latentAttentionFields((name) => readField(index, name, keys([LATENT_ATTENTION_KEYS[name]]), () => fallback(name))) };
}

/** tie_word_embeddings where the config leaves it out: its model class's default, where shapelint has read that class. */
function modelClassTying(modelType: unknown): ShapeField<boolean> {
  const known = typeof modelType === 'string' ? ownEntry(UNTIED_EMBEDDINGS_DEFAULTS.hf, modelType) : undefined;
  if (known) return defaultField(known.untied, known.source);
  return unknownField(`no tie_word_embeddings in this config, and no default shapelint can cite for model_type ${String(modelType ?? '(none)')}`);
}

function defaultFfn(index: EntryIndex, keys: (names: readonly string[]) => string[], hiddenSize: NumberField): NumberField {
  const h = valueOf(hiddenSize);
  const ratio = index.get(...keys(['expansion_ratio']));
  if (typeof ratio?.value === 'number' && h !== undefined) {
    return { ...derivedField(ratio.value * h, `MPT expansion_ratio ${ratio.value} × hidden size ${h}`), usedAt: ratio.valueSpan };
  }
  return defaultField(h === undefined ? null : DEFAULT_MLP_EXPANSION * h, `Hugging Face default: ${DEFAULT_MLP_EXPANSION} × hidden size (n_inner: null)`);
}

function defaultKvHeads(index: EntryIndex, numHeads: NumberField): NumberField {
  const multiQuery = index.get('multi_query');
  const newArchitecture = booleanValue(index.get('new_decoder_architecture'));
  if (booleanValue(multiQuery) && !newArchitecture && multiQuery) {
    return { value: 1, origin: 'file', key: 'multi_query', keySpan: multiQuery.keySpan, valueSpan: multiQuery.valueSpan, note: 'Falcon multi_query: one key/value head' };
  }
  return defaultField(numHeads.value, 'defaults to the head count (no grouped-query attention)');
}
