import type { ElementwisePrediction, GemmName, GemmShape, LatentAttention, LayerSpec } from '../model/prediction';

/**
 * A transformer layer as the GEMMs one GPU runs: the paper's Table II, extended for GQA/MQA
 * (QKV width (a + 2k)·d), an explicit head dim, gated MLPs (gate, up, down), MoE (each expert
 * sees tokens·topk/E tokens), tensor parallelism (per-GPU shapes) and FlashAttention (one fused
 * kernel instead of the score and attention-over-value BMMs and the softmax).
 */

/** Per-GPU sizes after tensor parallelism (Megatron replicates kv heads when k < t). */
export interface LocalSizes {
  tokens: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  /** Tokens each expert's GEMMs see; equals `tokens` for a dense MLP. */
  tokensPerExpert: number;
  experts: number;
  /** The shared experts' width on this GPU (every token runs them); 0 without. */
  sharedFfn: number;
}

export function localSizes(spec: LayerSpec): LocalSizes {
  const t = Math.max(1, spec.tensorParallel);
  const tokens = spec.seqLength * spec.microBatchSize;
  const experts = Math.max(1, spec.numExperts);
  const topK = experts > 1 ? Math.max(1, spec.expertsPerToken) : 1;
  return {
    tokens,
    heads: Math.max(1, Math.ceil(spec.numHeads / t)),
    kvHeads: Math.max(1, Math.ceil(spec.numKvHeads / t)),
    headDim: spec.headDim,
    ffn: Math.max(1, Math.ceil(spec.ffnHiddenSize / t)),
    vocab: spec.vocabSize > 0 ? Math.ceil(spec.vocabSize / t) : 0,
    tokensPerExpert: experts > 1 ? Math.ceil((tokens * topK) / experts) : tokens,
    experts,
    sharedFfn: experts > 1 && (spec.sharedExpertFfnSize ?? 0) > 0 ? Math.ceil(spec.sharedExpertFfnSize! / t) : 0,
  };
}

/** One kind of layer a model is built of, and how many of them: its MoE layers, and the dense layers an MoE model keeps. */
export interface LayerKind {
  kind: 'moe' | 'dense';
  spec: LayerSpec;
  count: number;
}

/**
 * The dense layers of a mixture of experts that keeps some (DeepSeek-V3's first three): the
 * same attention, a dense MLP of `denseFfnHiddenSize` (the experts' width where unknown), no
 * experts or shared experts. Null without dense layers.
 */
export function denseLayerSpec(spec: LayerSpec): LayerSpec | null {
  if (spec.numExperts <= 1 || (spec.denseLayers ?? 0) <= 0) return null;
  return { ...spec, numExperts: 1, expertsPerToken: 1, ffnHiddenSize: spec.denseFfnHiddenSize ?? spec.ffnHiddenSize, denseLayers: 0, sharedExpertFfnSize: 0 };
}

/**
 * The layers of `layers` (the whole model's by default, else a pipeline stage's) by kind. A stage
 * gets its share of the dense layers rounded down, wherever the file puts them (first, as
 * DeepSeek's, or every other, as Llama 4's): the stage that peaks holds the heavier MoE layers.
 */
export function layerKinds(spec: LayerSpec, layers = Math.max(1, spec.numLayers)): LayerKind[] {
  const dense = denseLayerSpec(spec);
  const total = Math.max(1, spec.numLayers);
  const denseCount = dense ? (layers === total ? Math.min(spec.denseLayers!, total) : Math.floor((spec.denseLayers! * layers) / total)) : 0;
  const kinds: LayerKind[] = [{ kind: 'moe', spec, count: layers - denseCount }];
  if (dense && denseCount > 0) kinds.push({ kind: 'dense', spec: dense, count: denseCount });
  return kinds.filter((kind) => kind.count > 0);
}

const gemm = (name: GemmName, m: number, n: number, k: number, batch = 1): GemmShape => ({ name, label: name, m, n, k, batch });

/**
 * The widths per token of what attention reads and writes, over all heads (before tensor
 * parallelism): the query and key the scores use, the value, and the attention output the
 * projection reads. Standard attention: a·d, k·d, k·d, a·d. Multi-latent attention: every head has
 * its own key and value, a·(nope + rope), a·(nope + rope), a·v, a·v.
 */
export function attentionWidths(spec: LayerSpec): { query: number; key: number; value: number; output: number } {
  const latent = spec.latentAttention;
  if (!latent) return { query: spec.numHeads * spec.headDim, key: spec.numKvHeads * spec.headDim, value: spec.numKvHeads * spec.headDim, output: spec.numHeads * spec.headDim };
  const queryKey = spec.numHeads * (latent.qkNopeHeadDim + latent.qkRopeHeadDim);
  return { query: queryKey, key: queryKey, value: spec.numHeads * latent.vHeadDim, output: spec.numHeads * latent.vHeadDim };
}

/**
 * Multi-latent attention's projections per GPU (DeepSeek-V2 §2.1; Megatron-Core
 * multi_latent_attention.py MLASelfAttention @ 003b4ce2): the down-projections h → q_lora_rank and
 * h → kv_lora_rank + rope run whole on every GPU (with Transformer Engine they are TELinear
 * `parallel_mode='duplicated'`); the up-projections are column-parallel, split by heads.
 */
function latentProjections(spec: LayerSpec, latent: LatentAttention, tokens: number, heads: number): GemmShape[] {
  const h = spec.hiddenSize;
  const queryKeyDim = latent.qkNopeHeadDim + latent.qkRopeHeadDim;
  const query = latent.qLoraRank > 0 ? [gemm('mla_q_down', tokens, latent.qLoraRank, h), gemm('mla_q_up', tokens, heads * queryKeyDim, latent.qLoraRank)] : [gemm('mla_q', tokens, heads * queryKeyDim, h)];
  return [...query, gemm('mla_kv_down', tokens, latent.kvLoraRank + latent.qkRopeHeadDim, h), gemm('mla_kv_up', tokens, heads * (latent.qkNopeHeadDim + latent.vHeadDim), latent.kvLoraRank)];
}

/** The forward GEMMs of one layer, logits excluded. */
export function layerGemms(spec: LayerSpec): GemmShape[] {
  const local = localSizes(spec);
  const { tokens, heads, kvHeads, headDim: d, ffn, tokensPerExpert, experts } = local;
  const h = spec.hiddenSize;
  const s = spec.seqLength;
  const attentionBatch = spec.microBatchSize * heads;
  const latent = spec.latentAttention;
  // Multi-latent attention scores over nope + rope and weighs values of v_head_dim.
  const queryKeyDim = latent ? latent.qkNopeHeadDim + latent.qkRopeHeadDim : d;
  const valueDim = latent ? latent.vHeadDim : d;
  const gemms: GemmShape[] = latent ? latentProjections(spec, latent, tokens, heads) : [gemm('qkv', tokens, (heads + 2 * kvHeads) * d, h)];
  if (spec.flashAttention) {
    gemms.push({
      ...gemm('flash_attention', s, s, queryKeyDim, attentionBatch),
      matmuls: 2,
      ...(valueDim !== queryKeyDim ? { valueDim } : {}),
      ...(spec.fusedKernel ? { kernel: spec.fusedKernel } : {}),
    });
  } else {
    gemms.push(gemm('attention_score', s, s, queryKeyDim, attentionBatch), gemm('attention_over_value', s, valueDim, s, attentionBatch));
  }
  gemms.push(gemm('attention_projection', tokens, h, heads * valueDim));
  gemms.push(gemm('mlp_up', tokensPerExpert, ffn, h, experts));
  if (spec.gatedMlp) gemms.push(gemm('mlp_gate', tokensPerExpert, ffn, h, experts));
  gemms.push(gemm('mlp_down', tokensPerExpert, h, ffn, experts));
  if (local.sharedFfn > 0) {
    gemms.push(gemm('shared_expert_up', tokens, local.sharedFfn, h));
    if (spec.gatedMlp) gemms.push(gemm('shared_expert_gate', tokens, local.sharedFfn, h));
    gemms.push(gemm('shared_expert_down', tokens, h, local.sharedFfn));
  }
  return gemms;
}

export function logitsGemm(spec: LayerSpec): GemmShape | null {
  const local = localSizes(spec);
  return local.vocab > 0 ? gemm('logits', local.tokens, local.vocab, spec.hiddenSize) : null;
}

/**
 * The backward GEMMs of a forward (M×K)·(K×N): the gradient of the first operand (M×N)·(N×K)
 * and of the second (K×M)·(M×N). Their transposed shapes align and quantize differently.
 * FlashAttention's backward is one kernel of five matmuls.
 */
export function backwardGemms(forward: GemmShape): GemmShape[] {
  if (forward.matmuls !== undefined) return [{ ...forward, label: `${forward.name}.bwd`, matmuls: 5 }];
  const { name, m, n, k, batch } = forward;
  return [
    { name, label: `${name}.dgrad`, m, n: k, k: n, batch },
    { name, label: `${name}.wgrad`, m: k, n, k: m, batch },
  ];
}

type ElementwiseWork = Omit<ElementwisePrediction, 'timeUs'>;

/** PyTorch's dropout keeps a bool mask, one byte per element, for the backward. */
const DROPOUT_MASK_BYTES = 1;

/**
 * The memory-bound kernels a framework (Megatron-LM, GPT-NeoX in eager PyTorch) runs around the
 * GEMMs of one layer, forward, in bytes moved (reads + writes); the paper's Figure 2 measures
 * their share. Without FlashAttention: the fused scale-mask-softmax over the scores (read, write),
 * and dropout on the probabilities when the run uses dropout (read, write, mask). Always: two
 * layer norms, two bias-dropout-residual adds (read the output and the residual, write the sum
 * and, with dropout, its mask), the MLP activation. Each is one kernel: its bytes at sustained
 * bandwidth plus the GPU's launch gap (elementwiseUs). The backward roughly triples each (read
 * the saved input and the gradient, write the gradient).
 */
export function layerElementwise(spec: LayerSpec, elementBytes: number, backward: boolean): ElementwiseWork[] {
  const local = localSizes(spec);
  const h = spec.hiddenSize;
  const s = spec.seqLength;
  const passes = backward ? 3 : 1;
  const dropout = spec.dropout ?? false;
  const attentionDropout = spec.attentionDropout ?? dropout;
  const maskBytes = dropout ? DROPOUT_MASK_BYTES : 0;
  const work = (name: ElementwiseWork['name'], bytes: number): ElementwiseWork => ({ name, label: name, bytes: bytes * passes });
  const activationTokens = local.tokensPerExpert * local.experts;
  const scores = spec.microBatchSize * local.heads * s * s;
  const hidden = local.tokens * h;
  const result: ElementwiseWork[] = [];
  if (!spec.flashAttention) {
    result.push(work('softmax', 2 * scores * elementBytes));
    if (attentionDropout) result.push(work('attention_dropout', scores * (2 * elementBytes + DROPOUT_MASK_BYTES)));
  }
  result.push(work('layer_norm', 2 * 2 * hidden * elementBytes));
  result.push(work('residual', 2 * hidden * (3 * elementBytes + maskBytes)));
  result.push(work('activation', (spec.gatedMlp ? 3 : 2) * (activationTokens * local.ffn + local.tokens * local.sharedFfn) * elementBytes));
  return result;
}

/** The attention core: what selective recomputation runs again (Korthikanti et al. 2022; Megatron's `--recompute-granularity selective`). */
const ATTENTION_CORE: ReadonlySet<string> = new Set(['attention_score', 'attention_over_value', 'flash_attention', 'softmax', 'attention_dropout']);

/**
 * The forward work the backward runs again: the whole layer's under full recomputation, the
 * attention core's under selective, none without. Labelled `.recompute`; its FLOPs are not model
 * FLOPs, so layer TFLOP/s counts them as time only.
 */
export function recomputedWork(spec: LayerSpec, elementBytes: number): { gemms: GemmShape[]; elementwise: ElementwiseWork[] } {
  const mode = spec.recompute ?? 'none';
  if (mode === 'none') return { gemms: [], elementwise: [] };
  const wanted = (name: string) => mode === 'full' || ATTENTION_CORE.has(name);
  return {
    gemms: layerGemms(spec)
      .filter((shape) => wanted(shape.name))
      .map((shape) => ({ ...shape, label: `${shape.name}.recompute` })),
    elementwise: layerElementwise(spec, elementBytes, false)
      .filter((work) => wanted(work.name))
      .map((work) => ({ ...work, label: `${work.name}.recompute` })),
  };
}

export const isRecomputed = (item: { label: string }): boolean => item.label.endsWith('.recompute');

/** The cross-entropy over the logits: read and write every logit once. */
export function logitsElementwise(spec: LayerSpec, elementBytes: number, backward: boolean): ElementwiseWork | null {
  const local = localSizes(spec);
  if (local.vocab === 0) return null;
  return { name: 'cross_entropy', label: 'cross_entropy', bytes: 2 * local.tokens * local.vocab * elementBytes * (backward ? 3 : 1) };
}

/** One layer's parameters by part: what tensor parallelism splits (attention, MLP) and what it replicates (norms, router). */
export interface LayerParams {
  attention: number;
  /**
   * Multi-latent attention's down-projections and latent norms: replicated over tensor
   * parallelism (Megatron-Core duplicates them, see latentProjections); 0 for standard attention.
   */
  latentDown: number;
  /** One expert's MLP (the dense MLP when there are no experts). */
  mlpPerExpert: number;
  experts: number;
  /** The shared experts' MLP: split by tensor parallelism like the attention, never by expert parallelism. */
  sharedMlp: number;
  /** Two layer norms (weight and bias) and the router. */
  replicated: number;
}

/**
 * Multi-latent attention's weights, without biases (transformers DeepseekV3Attention and
 * Megatron-Core MLASelfAttention build its projections with bias=False): the split part (q_b or
 * the direct query projection, kv_b, the output projection) and the replicated part (q_a, kv_a
 * and the RMSNorms over the two latents).
 */
function latentAttentionParams(h: number, heads: number, latent: LatentAttention): { split: number; replicated: number } {
  const queryKeyDim = latent.qkNopeHeadDim + latent.qkRopeHeadDim;
  const compressed = latent.qLoraRank > 0;
  const queryDown = compressed ? h * latent.qLoraRank + latent.qLoraRank : 0;
  const queryUp = (compressed ? latent.qLoraRank : h) * heads * queryKeyDim;
  const keyValueDown = h * (latent.kvLoraRank + latent.qkRopeHeadDim) + latent.kvLoraRank;
  const keyValueUp = latent.kvLoraRank * heads * (latent.qkNopeHeadDim + latent.vHeadDim);
  return { split: queryUp + keyValueUp + heads * latent.vHeadDim * h, replicated: queryDown + keyValueDown };
}

export function layerParams(spec: LayerSpec): LayerParams {
  const h = spec.hiddenSize;
  const qkvWidth = (spec.numHeads + 2 * spec.numKvHeads) * spec.headDim;
  const experts = Math.max(1, spec.numExperts);
  const mlp = (f: number): number => (f <= 0 ? 0 : spec.gatedMlp ? 3 * h * f + 2 * f + h : 2 * h * f + f + h);
  const latent = spec.latentAttention ? latentAttentionParams(h, spec.numHeads, spec.latentAttention) : null;
  return {
    attention: latent ? latent.split : h * qkvWidth + qkvWidth + spec.numHeads * spec.headDim * h + h,
    latentDown: latent ? latent.replicated : 0,
    mlpPerExpert: mlp(spec.ffnHiddenSize),
    experts,
    sharedMlp: experts > 1 ? mlp(spec.sharedExpertFfnSize ?? 0) : 0,
    replicated: 4 * h + (experts > 1 ? h * experts : 0),
  };
}

/** All of one layer's parameters: attention, every expert (or the dense MLP), the shared experts, norms and router. */
export function layerParamCount(spec: LayerSpec): number {
  const layer = layerParams(spec);
  return layer.attention + layer.latentDown + layer.experts * layer.mlpPerExpert + layer.sharedMlp + layer.replicated;
}

/**
 * Parameters of the whole model: per layer QKV, output projection, MLP (with biases) and two
 * layer norms, plus the embedding counted once (tied), as in the paper's P = 12h²L + 13hL + vh
 * (learned position embeddings left out: most current models use rotary). An MoE model's dense
 * layers count their dense MLP (layerKinds).
 */
export function modelParams(spec: LayerSpec): number {
  const layers = spec.numLayers <= 0 ? 0 : layerKinds(spec).reduce((sum, kind) => sum + kind.count * layerParamCount(kind.spec), 0);
  return layers + spec.vocabSize * spec.hiddenSize;
}
