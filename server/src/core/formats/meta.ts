import type { ConfigDocument } from '../model/document';
import { parseJson } from '../parse/json';
import { defaultField, derivedField, unknownField, type ModelShape, type NumberField, type ShapeField } from '../model/shape';
import { booleanValue, completeShape, derivedHeadDim, derivedSize, EntryIndex, fieldAt, noDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { FRAMEWORK_DEFAULTS, llamaFeedForwardWidth } from './catalogue/framework-defaults';
import { countKeys, extensionOf, sniffHead } from './sniff';

/**
 * Meta's Llama `params.json` (the reference `ModelArgs`, also read by torchtitan checkpoints and
 * ExecuTorch): `dim`, `n_layers`, `n_heads`, `n_kv_heads` (default: n_heads), `vocab_size` (-1:
 * the tokenizer's), and the SwiGLU width from `FeedForward`: int(2·4·dim/3), times
 * `ffn_dim_multiplier` when set, rounded up to `multiple_of` (default 256). ExecuTorch's
 * `ModelArgs` (examples/models/llama/model_args.py @ 70e557bd) adds `hidden_dim` and `head_dim`,
 * which win over that arithmetic when written, `act_fn` (silu; gelu and gelu_approx gate GELU),
 * and `moe` with `num_experts` (8) and `num_activated_experts` (2).
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
        headDim: readField(index, 'headDim', ['head_dim'], () => derivedHeadDim(hiddenSize, numHeads)),
        ffnHiddenSize: readField(index, 'ffnHiddenSize', ['hidden_dim'], () => metaFfn(index, hiddenSize)),
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'the reference model does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'the reference model does not pad the vocabulary'),
        seqLength: readField(index, 'seqLength', ['max_seq_len'], () => unknownField('set at generation or training time, not in params.json')),
        microBatchSize: unknownField('set by the trainer, not by params.json'),
        tensorParallel: unknownField('set by the launcher (model parallel size), not by params.json'),
        pipelineParallel: unknownField('set by the launcher, not by params.json'),
        ...metaExperts(index),
      },
      {
        activation: metaActivation(index),
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
  return derivedSize('ffnHiddenSize', ffn, `Llama FeedForward: ${how}`, multiplierEntry);
}

const EXECUTORCH_ARGS = 'ExecuTorch ModelArgs (pytorch/executorch examples/models/llama/model_args.py @ 70e557bd)';

/** ExecuTorch's `act_fn`: the FeedForward gates whichever activation it names. */
function metaActivation(index: EntryIndex): ShapeField<string> {
  const entry = index.get('act_fn');
  if (!entry || typeof entry.value !== 'string') return defaultField('swiglu', 'Llama FeedForward: w2(silu(w1·x) · w3·x)');
  return fieldAt(entry, entry.value === 'silu' ? 'swiglu' : /^gelu/.test(entry.value) ? 'geglu' : entry.value);
}

/** ExecuTorch's `moe: true` routes each token to num_activated_experts of num_experts. */
function metaExperts(index: EntryIndex): Pick<ModelShape, 'numExperts' | 'expertsPerToken'> {
  const moe = index.get('moe');
  if (booleanValue(moe) !== true) return { numExperts: defaultField(1, 'dense model (no moe: true)'), expertsPerToken: defaultField(1, 'dense model (no moe: true)') };
  return {
    numExperts: readField(index, 'numExperts', ['num_experts'], () => defaultField(8, `${EXECUTORCH_ARGS} default num_experts 8`)),
    expertsPerToken: readField(index, 'expertsPerToken', ['num_activated_experts'], () => defaultField(2, `${EXECUTORCH_ARGS} default num_activated_experts 2`)),
  };
}
