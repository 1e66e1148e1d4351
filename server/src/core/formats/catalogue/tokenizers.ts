import { FRAMEWORK_DEFAULTS } from './framework-defaults';
import { findModel, sourceText, type ModelSource } from './models';

/**
 * Vocabulary sizes of named tokenizers, for configs that name a tokenizer and not a size
 * (Megatron `--tokenizer-type GPT2BPETokenizer`, NeMo `tokenizer: {library: megatron, type:
 * GPT2BPETokenizer}`, `--tokenizer-model meta-llama/...`). The size is what the framework counts
 * before it pads: the tokenizer's length, special tokens included.
 */
export interface TokenizerSize {
  vocabSize: number;
  /** Where the number comes from, for notes. */
  source: string;
}

const NANOGPT_MODEL: ModelSource = { repo: 'karpathy/nanoGPT', path: 'model.py (GPTConfig: "GPT-2 vocab_size of 50257")', commit: '3adf61e154c3fe3fca428ad6bc3818b27a3b8291' };
const BERT_BASE: ModelSource = { repo: 'NVIDIA/DeepLearningExamples', path: 'PyTorch/LanguageModeling/BERT/bert_configs/base.json', commit: '729963dd47e7c8bd462ad10bfac7a7b0b604e6dd' };

/** Megatron-LM / NeMo tokenizer types whose vocabulary file is fixed. Keys are lower case; a Map, as the type comes from the file (`constructor`). */
const TOKENIZER_TYPES = new Map<string, { vocabSize: number; source: ModelSource; file: string }>([
  ['gpt2bpetokenizer', { vocabSize: FRAMEWORK_DEFAULTS.nanogpt.pretrainedVocab, source: NANOGPT_MODEL, file: "GPT-2's BPE vocabulary (gpt2-vocab.json)" }],
  ['bertwordpiecelowercase', { vocabSize: 30522, source: BERT_BASE, file: "BERT's uncased WordPiece vocabulary (bert-large-uncased-vocab.txt)" }],
]);


export function tokenizerTypeSize(type: string): TokenizerSize | undefined {
  const known = TOKENIZER_TYPES.get(type.trim().toLowerCase());
  return known ? { vocabSize: known.vocabSize, source: `${type}: ${known.file}, ${known.vocabSize} tokens (${sourceText(known.source)})` } : undefined;
}

/**
 * Hugging Face tokenizer ids whose length is known: the id of a catalogued model whose source
 * gives the tokenizer's own size. Where the embedding is padded past the tokenizer (Llama 3:
 * 128000 base tokens plus 256 special tokens = 128256 rows) the length counts the special tokens,
 * which the padded size then equals; models whose padding is larger are not sized here.
 */
const HF_TOKENIZER_LENGTH_IS_EMBEDDING = /^(meta-llama\/(meta-)?llama-3|meta-llama\/llama-2|gpt2$|openai-community\/gpt2)/i;

export function huggingFaceTokenizerSize(id: string): TokenizerSize | undefined {
  const model = findModel(id);
  if (!model || model.paddedVocabSize === null || !HF_TOKENIZER_LENGTH_IS_EMBEDDING.test(model.names.find((name) => name.includes('/')) ?? model.name)) return undefined;
  return { vocabSize: model.paddedVocabSize, source: `the ${model.name} tokenizer, ${model.paddedVocabSize} tokens (${sourceText(model.source)})` };
}

