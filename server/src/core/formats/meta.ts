import type { ConfigDocument } from '../pipeline/document';
import { parseJson } from '../parse/json';
import { defaultField, derivedField, unknownField, type ModelShape, type NumberField } from '../pipeline/shape';
import { completeShape, derivedHeadDim, EntryIndex, noDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { FRAMEWORK_DEFAULTS, llamaFeedForwardWidth } from './framework-defaults';
import { countKeys, extensionOf, sniffHead } from './sniff';

/**
 * Meta's Llama `params.json` (the reference `ModelArgs`, also read by torchtitan checkpoints and
 * ExecuTorch): `dim`, `n_layers`, `n_heads`, `n_kv_heads` (default: n_heads), `vocab_size` (-1:
 * the tokenizer's), and the SwiGLU width from `FeedForward`: int(2·4·dim/3), times
 * `ffn_dim_multiplier` when set, rounded up to `multiple_of` (default 256).
 */
const DEFAULTS = FRAMEWORK_DEFAULTS.meta;

/** Keys only Meta's ModelArgs has; DeepSeek's inference JSON (`inter_dim`) shares `dim`/`n_heads` but not these. */
const META_ONLY = ['multiple_of', 'ffn_dim_multiplier', 'n_kv_heads'];

export const metaReader: FormatReader = {
  id: 'meta',
  label: 'Meta Llama params.json',
  evidence: ['dim', 'n_layers', 'n_heads', ...META_ONLY],

  detect(fileName, text) {
    if (extensionOf(fileName) !== 'json') return 0;
    const head = sniffHead(text);
    if (countKeys(head, ['dim', 'n_layers', 'n_heads']) < 3 || countKeys(head, ['inter_dim', 'hidden_size']) > 0) return 0;
    return countKeys(head, META_ONLY) >= 1 ? 0.95 : 0;
  },

  parse: parseJson,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const hiddenSize = readField(index, 'hiddenSize', ['dim'], () => unknownField('no dim'));
    const numHeads = readField(index, 'numHeads', ['n_heads'], () => unknownField('no n_heads'));
    const vocab = index.get('vocab_size');
    // vocab_size -1 is ModelArgs' "set from the tokenizer".
    const vocabSize = vocab && vocab.value === -1 ? unknownField<number>('vocab_size -1: the tokenizer sets it') : readField(index, 'vocabSize', ['vocab_size'], () => unknownField('vocab_size comes from the tokenizer'));
    return completeShape(
      'meta',
      {
        hiddenSize,
        numLayers: readField(index, 'numLayers', ['n_layers'], () => unknownField('no n_layers')),
        numHeads,
        numKvHeads: readField(index, 'numKvHeads', ['n_kv_heads'], () => defaultField(numHeads.value, 'ModelArgs default n_kv_heads None: one per head')),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize: metaFfn(index, hiddenSize),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'the reference model does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'the reference model does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', ['max_seq_len'], () => unknownField('set at generation or training time, not in params.json')),
        microBatchSize: unknownField('set by the trainer, not by params.json'),
        tensorParallel: unknownField('set by the launcher (model parallel size), not by params.json'),
        pipelineParallel: unknownField('set by the launcher, not by params.json'),
        numExperts: defaultField(1, 'dense model'),
        expertsPerToken: defaultField(1, 'dense model'),
      },
      {
        activation: defaultField('swiglu', 'Llama FeedForward: w2(silu(w1·x) · w3·x)'),
        gatedMlp: true,
        attentionKernel: unknownField('chosen by the code that loads params.json'),
        kvHeadsMayDivideTensorParallel: false,
        ...noDropout("Meta's reference Llama", DEFAULTS.modelSource),
      },
    );
  },
};

/** Llama's FeedForward.__init__: the width from dim, ffn_dim_multiplier and multiple_of, located on dim. */
function metaFfn(index: EntryIndex, hiddenSize: NumberField): NumberField {
  const dim = valueOf(hiddenSize);
  const multiplierEntry = index.get('ffn_dim_multiplier');
  const multiplier = typeof multiplierEntry?.value === 'number' ? multiplierEntry.value : undefined;
  const multipleEntry = index.get('multiple_of');
  const multipleOf = typeof multipleEntry?.value === 'number' && Number.isInteger(multipleEntry.value) && multipleEntry.value > 0 ? multipleEntry.value : DEFAULTS.multipleOf;
  if (dim === undefined) return unknownField('dim unknown');
  const ffn = llamaFeedForwardWidth(dim, multipleOf, multiplier);
  const how = `int(2·4·${dim}/3)${multiplier !== undefined ? ` × ffn_dim_multiplier ${multiplier}` : ''} rounded up to multiple_of ${multipleOf}`;
  return { ...derivedField(ffn, `Llama FeedForward: ${how}`), ...(multiplierEntry ? { usedAt: multiplierEntry.valueSpan } : {}) };
}
