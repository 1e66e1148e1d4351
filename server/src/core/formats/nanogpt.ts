import type { ConfigDocument } from '../model/document';
import { parsePython } from '../parse/python';
import { defaultField, derivedField, roundUpToMultiple, type AttentionImplementation, type ModelShape, type NumberField, type RecomputeMode } from '../model/shape';
import { booleanValue, completeShape, derivedHeadDim, EntryIndex, fieldAt, ownEntry, readDropout, readField, valueOf } from './fields';
import type { FormatReader } from './format';
import { nanoMoeLayers, type MoeLayerFields } from './moe-layers';
import { DEFAULT_MLP_EXPANSION, FRAMEWORK_DEFAULTS, LAUNCH_DEFAULTS, UNTIED_EMBEDDINGS_DEFAULTS } from './catalogue/framework-defaults';

const LAUNCH = LAUNCH_DEFAULTS.nanogpt;
import { extensionOf, sniffHead } from './sniff';

/**
 * nanoGPT `config/*.py`: assignments that `configurator.py` execs over the globals of
 * `train.py`, whose defaults fill the rest (n_layer 12, n_head 12, n_embd 768, block_size 1024,
 * batch_size 12, vocab 50304 unless data/<dataset>/meta.pkl says otherwise). The MLP is fixed
 * at 4·n_embd. `init_from = 'gpt2*'` loads OpenAI's GPT-2 shapes (model.py from_pretrained).
 */
const { trainPy: TRAIN_PY_DEFAULTS, pretrained: PRETRAINED, pretrainedVocab: PRETRAINED_VOCAB, pretrainedBlock: PRETRAINED_BLOCK, dropout: DROPOUT, nanoMoE: NANO_MOE, useMoe: USE_MOE } = FRAMEWORK_DEFAULTS.nanogpt;

const NANOGPT_GLOBALS = ['n_layer', 'n_head', 'n_embd', 'block_size', 'batch_size', 'gradient_accumulation_steps', 'init_from', 'dataset', 'out_dir', 'eval_interval', 'eval_iters', 'eval_only', 'max_iters', 'lr_decay_iters', 'wandb_project', 'wandb_log', 'always_save_checkpoint', 'dropout', 'learning_rate'];
const NANOGPT_NAMES = new RegExp(`^(${NANOGPT_GLOBALS.join('|')})[ \\t]*=`, 'gm');

export const nanogptReader: FormatReader = {
  id: 'nanogpt',
  label: 'nanoGPT config',

  evidence: NANOGPT_GLOBALS,

  detect(fileName, text) {
    if (extensionOf(fileName) !== 'py') return 0;
    const head = sniffHead(text);
    const hits = new Set((head.match(NANOGPT_NAMES) ?? []).map((match) => match.split(/[ \t=]/)[0])).size;
    if (/^(def|class)\s/m.test(head)) return 0;
    return hits >= 3 ? 0.85 : 0;
  },

  parse: parsePython,

  read(document: ConfigDocument): ModelShape {
    const index = new EntryIndex(document);
    const initFrom = index.get('init_from');
    const pretrainedName = typeof initFrom?.value === 'string' ? initFrom.value : undefined;
    const pretrained = pretrainedName ? ownEntry(PRETRAINED, pretrainedName) : undefined;
    const fromDefault = (name: keyof typeof TRAIN_PY_DEFAULTS) => (): NumberField => {
      if (pretrained && name in pretrained) {
        return { ...defaultField(pretrained[name as keyof typeof pretrained], `init_from '${pretrainedName}': GPT-2 ${name} ${pretrained[name as keyof typeof pretrained]}`), usedAt: initFrom?.valueSpan };
      }
      return defaultField(TRAIN_PY_DEFAULTS[name], `nanoGPT train.py default ${name} = ${TRAIN_PY_DEFAULTS[name]}`);
    };
    const hiddenSize = readField(index, 'hiddenSize', ['n_embd'], fromDefault('n_embd'));
    const numHeads = readField(index, 'numHeads', ['n_head'], fromDefault('n_head'));
    const vocabSize = pretrained
      ? { ...defaultField(PRETRAINED_VOCAB, `init_from '${pretrainedName}': GPT-2's vocabulary of ${PRETRAINED_VOCAB}`), usedAt: initFrom?.valueSpan }
      : readField(index, 'vocabSize', ['vocab_size'], () =>
          defaultField(TRAIN_PY_DEFAULTS.vocab_size, `nanoGPT train.py default ${TRAIN_PY_DEFAULTS.vocab_size} (GPT-2's 50257 padded to a multiple of 64), unless data/<dataset>/meta.pkl sets it`),
        );
    const h = valueOf(hiddenSize);
    // One `dropout` drives the attention dropout (in scaled_dot_product_attention) and the residual branches'.
    const dropout = readDropout(index, ['dropout'], () => defaultField(DROPOUT, `nanoGPT train.py default dropout = ${DROPOUT}`));
    const numLayers = readField(index, 'numLayers', ['n_layer'], fromDefault('n_layer'));
    const ffnHiddenSize = derivedField(h === undefined ? null : DEFAULT_MLP_EXPANSION * h, `nanoGPT MLP is fixed at ${DEFAULT_MLP_EXPANSION} × n_embd`);
    const moe = moeExperts(index, hiddenSize, numLayers, ffnHiddenSize);

    return completeShape(
      'nanogpt',
      {
        hiddenSize,
        numLayers,
        numHeads,
        numKvHeads: defaultField(numHeads.value, 'nanoGPT has no grouped-query attention: one per head'),
        headDim: derivedHeadDim(hiddenSize, numHeads),
        ffnHiddenSize,
        vocabSize,
        paddedVocabSize: derivedField(vocabSize.value, 'nanoGPT does not pad: the embedding has vocab_size rows'),
        vocabDivisor: defaultField<number>(null, 'nanoGPT does not pad the vocabulary'),
        seqLength: isNanoMoeFork(index)
          ? readField(index, 'seqLength', ['n_ctx'], () => defaultField(USE_MOE.nanoMOE.n_ctx, `hbfreed/nanoMOE train.py default n_ctx = ${USE_MOE.nanoMOE.n_ctx} (its block_size is a Triton tile, not the sequence)`))
          : pretrained && !index.has('block_size')
            ? { ...defaultField(PRETRAINED_BLOCK, `init_from '${pretrainedName}': GPT-2 block size ${PRETRAINED_BLOCK}`), usedAt: initFrom?.valueSpan }
            : readField(index, 'seqLength', ['block_size'], fromDefault('block_size')),
        microBatchSize: readField(index, 'microBatchSize', ['batch_size'], fromDefault('batch_size')),
        tensorParallel: defaultField(1, 'nanoGPT trains with DDP only: no tensor parallelism'),
        pipelineParallel: defaultField(1, 'nanoGPT trains with DDP only: no pipeline parallelism'),
        ...moe,
      },
      {
        activation: defaultField('gelu', 'nanoGPT MLP uses GELU'),
        gatedMlp: false,
        attentionKernel: defaultField<AttentionImplementation>(LAUNCH.attention, LAUNCH.attentionSource),
        recompute: defaultField<RecomputeMode>(LAUNCH.recompute, LAUNCH.recomputeSource),
        kvHeadsMayDivideTensorParallel: false,
        attentionDropout: dropout,
        hiddenDropout: dropout,
        untiedEmbeddings: defaultField(UNTIED_EMBEDDINGS_DEFAULTS.nanogpt.untied, UNTIED_EMBEDDINGS_DEFAULTS.nanogpt.source),
      },
    );
  },
};

type MoeFields = Pick<ModelShape, 'numExperts' | 'expertsPerToken'> & Partial<MoeLayerFields> & { ffnHiddenSize?: NumberField };

/** Globals only hbfreed/nanoMOE's train.py has: its `block_size` is a Triton tile, `n_ctx` the sequence. */
const NANO_MOE_FORK_KEYS = ['n_ctx', 'block_k', 'expert_sizes'];
const isNanoMoeFork = (index: EntryIndex): boolean => NANO_MOE_FORK_KEYS.some((key) => index.has(key));

/** A fork's experts: the `use_moe` forks' globals where the file writes any of them, else nanoMoE's; plain nanoGPT has neither. */
function moeExperts(index: EntryIndex, hiddenSize: NumberField, numLayers: NumberField, mlpWidth: NumberField): MoeFields {
  return ['use_moe', 'num_experts', 'num_experts_per_tok'].some((key) => index.has(key)) ? useMoeExperts(index, hiddenSize) : nanoMoeExperts(index, numLayers, mlpWidth);
}

/**
 * Forks whose train.py has `use_moe`, `num_experts`, `num_experts_per_tok` (FRAMEWORK_DEFAULTS.nanogpt.useMoe):
 * the experts count only under `use_moe = True`; without it train.py's default builds dense MLPs.
 * hbfreed/nanoMOE's experts are narrower than the dense MLP (nanoMoeForkWidth).
 */
function useMoeExperts(index: EntryIndex, hiddenSize: NumberField): MoeFields {
  const fork = isNanoMoeFork(index) ? USE_MOE.nanoMOE : USE_MOE.mlpExperts;
  const useMoe = index.get('use_moe');
  const on = booleanValue(useMoe);
  if (useMoe && on === undefined) return { numExperts: fieldAt<number>(useMoe, null, `use_moe ${String(useMoe.value)}: whether the MLPs are experts is unknown`), expertsPerToken: defaultField<number>(null, 'use_moe is unknown') };
  if (!on) {
    const why = useMoe ? 'use_moe False: dense MLPs, num_experts not used' : `no use_moe: the fork's train.py default use_moe = False builds dense MLPs, num_experts not used (${fork.source})`;
    return { numExperts: useMoe ? fieldAt(useMoe, 1, why) : defaultField(1, why), expertsPerToken: defaultField(1, 'dense model (no experts)') };
  }
  const numExperts = readField(index, 'numExperts', ['num_experts'], () => defaultField(fork.num_experts, `use_moe True: train.py default num_experts = ${fork.num_experts} (${fork.source})`));
  const expertsPerToken = readField(index, 'expertsPerToken', ['num_experts_per_tok'], () => defaultField(fork.num_experts_per_tok, `train.py default num_experts_per_tok = ${fork.num_experts_per_tok} (${fork.source})`));
  return { numExperts, expertsPerToken, ...(fork === USE_MOE.nanoMOE ? { ffnHiddenSize: nanoMoeForkWidth(index, hiddenSize, expertsPerToken) } : {}) };
}

/**
 * hbfreed/nanoMOE's expert width: `expert_sizes`, a list of (count, width), where the file sets it
 * (variable widths: not modelled, and a computed list is not resolved); else MoeMLPSTK's
 * d_ffn = 4·n_embd // num_experts_per_tok, rounded up to a multiple of `block_size` (the Triton tile).
 */
function nanoMoeForkWidth(index: EntryIndex, hiddenSize: NumberField, expertsPerToken: NumberField): NumberField {
  const sizes = index.get('expert_sizes');
  if (sizes && (sizes.value !== null || sizes.unresolved)) {
    return { ...fieldAt<number>(sizes, null), origin: sizes.unresolved ? 'unresolved' : 'unknown', note: `expert_sizes sets each expert's width (variable widths are not modelled${sizes.unresolved ? `; ${sizes.unresolved}` : ''})` };
  }
  const tileField = readField(index, 'seqLength', ['block_size'], () => defaultField(USE_MOE.nanoMOE.block_size, `train.py default block_size = ${USE_MOE.nanoMOE.block_size}`));
  const [h, k, tile] = [valueOf(hiddenSize), valueOf(expertsPerToken), valueOf(tileField)];
  if (h === undefined || k === undefined || tile === undefined) return derivedField<number>(null, 'each expert is 4·n_embd // num_experts_per_tok wide, and one of them is unknown');
  const width = roundUpToMultiple(Math.floor((DEFAULT_MLP_EXPANSION * h) / k), tile);
  return derivedField(width, `each expert 4·n_embd ${h} // num_experts_per_tok ${k}, rounded up to block_size ${tile} (the Triton tile) = ${width} (${USE_MOE.nanoMOE.source})`);
}

/** nanoMoE forks' `n_exp` experts, `top_k` of them per token (FRAMEWORK_DEFAULTS.nanogpt.nanoMoE), in every `stride`-th block. */
function nanoMoeExperts(index: EntryIndex, numLayers: NumberField, mlpWidth: NumberField): MoeFields {
  const numExperts = readField(index, 'numExperts', ['n_exp'], () => defaultField(NANO_MOE.n_exp, 'dense model (no experts; nanoMoE default n_exp 1)'));
  // nanoGPT's sample.py also has a `top_k` (sampling): it routes tokens only where there are experts.
  if ((valueOf(numExperts) ?? 1) <= 1) return { numExperts, expertsPerToken: defaultField(1, 'dense model (no experts)') };
  const expertsPerToken = readField(index, 'expertsPerToken', ['top_k'], () => defaultField(NANO_MOE.top_k, `nanoMoE GPTConfig default top_k ${NANO_MOE.top_k}`));
  return { numExperts, expertsPerToken, ...nanoMoeLayers(index, numLayers, mlpWidth) };
}
