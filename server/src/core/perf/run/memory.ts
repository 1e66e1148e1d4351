import type { GpuSpec } from '../../model/hardware';
import { attentionWidths, layerKinds, layerParams } from '../layer';
import type { LayerSpec } from '../../model/prediction';
import { RUN_CONSTANTS, type ModelStateBytes } from './constants';
import type { RunLaunch, RunLayout, SelectivePolicy } from './launch';
import type { Adapter, LoraTarget } from '../../model/shape';

/** One named part of a GPU's memory or of a step's time, with how it was computed and where the formula comes from. */
export interface RunTerm {
  value: number;
  formula: string;
  source: string;
}

export const GIB = 1024 ** 3;

const KORTHIKANTI = 'Korthikanti et al. 2022 (arXiv 2205.05198) §4, Table 2';
const LORA_ACTIVATIONS =
  "LoRA: the full model's activations, since the backward still flows through every frozen layer (an upper bound: a frozen linear no adapter wraps needs no input kept for a weight gradient), plus each adapter's x·A and, with lora_dropout, its dropped-out input and mask (PEFT lora.Linear.forward)";

export type MemoryTermName =
  | 'weights'
  | 'gradients'
  | 'optimizerStates'
  | 'gatheredWeights'
  | 'activations'
  | 'recomputeWorkingLayer'
  | 'embeddingActivations'
  | 'lossLogits'
  | 'heldQuantizedInputs'
  | 'dequantizedHead'
  | 'runtime'
  | 'allocator';

export interface MemoryPrediction {
  peakBytesPerGpu: number;
  capacityBytes: number;
  fits: boolean;
  /** Which pipeline stage peaks: the first holds the most micro-batches, the last the logits. */
  peakStage: 'only' | 'first' | 'last';
  terms: Partial<Record<MemoryTermName, RunTerm>>;
}

/** Activation bytes of one transformer layer for one micro-batch, by what recomputation keeps. */
export interface LayerActivations {
  /** Everything the backward reads when nothing is recomputed, attention core excluded. */
  stored: number;
  /** The attention core (scores, softmax, dropout): the part selective recomputation drops. */
  attentionCore: number;
  /** The layer's input: all that full recomputation keeps. */
  input: number;
  /** What torchtitan's per-op selective policy keeps (see torchtitanOpKept). */
  opPolicyKept: number;
}

const TORCHTITAN_OP_SAC =
  'torchtitan torchtitan/models/llama/parallelize_llama.py _apply_ac_to_transformer_block (selective_ac_option "op"): _save_list = aten.mm (every second one recomputed), the SDPA flash/efficient kernels, the SP reduce-scatter; everything else recomputed';

/**
 * torchtitan's per-op selective checkpointing keeps the block's input, the output of every
 * other matmul in the order the layer runs them (q, k, v, o, then gate, up, down for a gated
 * MLP, else up, down: the 1st, 3rd, 5th, 7th are saved), and the fused attention kernel's output
 * and fp32 log-sum-exp. A row-parallel matmul's output (o, down) is the full s·b·h of partial
 * sums before the reduction; with sequence parallelism the reduce-scatter's output (s/t) is kept
 * too. Unfused attention runs no saved op, so only its inputs' matmuls count.
 */
function torchtitanOpKept(spec: LayerSpec, sb: number, input: number, replicated: (bytes: number) => number, split: (bytes: number) => number, routed: number): number {
  const widths = attentionWidths(spec);
  const h = spec.hiddenSize;
  const f = routed * spec.ffnHiddenSize;
  // Bytes of each matmul's output per token on this GPU, in the order the layer runs them
  // (multi-latent attention's q, k, v counted as these widths: its latent projections approximated by them).
  const matmuls = [split(2 * widths.query), split(2 * widths.key), split(2 * widths.value), 2 * h, ...(spec.gatedMlp ? [split(2 * f), split(2 * f)] : [split(2 * f)]), 2 * h];
  const savedMatmuls = matmuls.filter((_, i) => i % 2 === 0).reduce((sum, bytes) => sum + bytes, 0);
  const attention = spec.flashAttention ? split(2 * widths.output + 4 * spec.numHeads) : 0;
  const reduceScatter = spec.tensorParallel > 1 ? replicated(2 * 2 * h) : 0;
  return input + sb * (savedMatmuls + attention + reduceScatter);
}

/**
 * Korthikanti et al. 2022 §4.1 per layer, generalised: query width a·d and key/value width k·d
 * (GQA), MLP width F (gated: gate and up outputs and the product, 6·s·b·F; else 4·s·b·F),
 * masks only where dropout runs, MoE MLP activations for the k experts a token visits and the
 * shared experts every token runs. Terms
 * inside the tensor-parallel region divide by t; layer norms, the QKV and MLP inputs and the
 * dropout masks divide by t only with sequence parallelism. A fused attention kernel keeps no
 * s² term, only its fp32 softmax statistics. Context parallelism holds s/c queries against all
 * s keys. With a, k, F = 4h and dropout this is s·b·h·(34 + 5·a·s/h) with t = 1. Multi-latent
 * attention keeps its query, key, value and output at their own widths (attentionWidths) and the
 * two latents the up-projections read, 2·s·b·(q_lora_rank + kv_lora_rank), whole on every GPU (the
 * down-projections are not split); the RMSNorms' inputs over the latents are not counted.
 */
export function layerActivations(spec: LayerSpec, launch: Pick<RunLaunch, 'contextParallel' | 'sequenceParallel' | 'adapter'>): LayerActivations {
  const t = Math.max(1, spec.tensorParallel);
  const sLocal = spec.seqLength / launch.contextParallel;
  const sb = sLocal * spec.microBatchSize;
  const h = spec.hiddenSize;
  const widths = attentionWidths(spec);
  const latents = spec.latentAttention ? 2 * sb * (spec.latentAttention.qLoraRank + spec.latentAttention.kvLoraRank) : 0;
  const hiddenDropout = spec.dropout ?? false;
  const attentionDropout = spec.attentionDropout ?? hiddenDropout;
  const replicated = (bytes: number): number => (launch.sequenceParallel ? bytes / t : bytes);
  const split = (bytes: number): number => bytes / t;
  const routed = spec.numExperts > 1 ? Math.max(1, spec.expertsPerToken) : 1;
  const mask = hiddenDropout ? sb * h : 0;

  const norms = replicated(2 * 2 * sb * h);
  const attention = replicated(2 * sb * h + mask) + latents + split(2 * sb * (widths.query + widths.key) + 2 * sb * widths.value + 2 * sb * widths.output);
  const shared = spec.numExperts > 1 ? (spec.sharedExpertFfnSize ?? 0) : 0;
  const mlp = replicated(routed * 2 * sb * h + mask) + split((routed * spec.ffnHiddenSize + shared) * sb * (spec.gatedMlp ? 6 : 4));
  const scores = spec.numHeads * sLocal * spec.seqLength * spec.microBatchSize;
  const attentionCore = spec.flashAttention ? split(4 * spec.numHeads * sb) : split(scores * (2 + (attentionDropout ? 3 : 0)));
  const input = replicated(2 * sb * h);
  const adapter = launch.adapter ? split(adapterActivationBytes(spec, launch.adapter, sb, routed)) : 0;
  return { stored: norms + attention + mlp + adapter, attentionCore, input, opPolicyKept: torchtitanOpKept(spec, sb, input, replicated, split, routed) + adapter };
}

/** The input and output widths of each linear a LoRA adapter can wrap in a layer (the head is the model's, counted apart). */
function targetWidths(spec: LayerSpec): Record<Exclude<LoraTarget, 'head'>, { dIn: number; dOut: number; mlp: boolean }> {
  const h = spec.hiddenSize;
  const widths = attentionWidths(spec);
  const f = spec.ffnHiddenSize;
  return {
    query: { dIn: h, dOut: widths.query, mlp: false },
    key: { dIn: h, dOut: widths.key, mlp: false },
    value: { dIn: h, dOut: widths.value, mlp: false },
    projection: { dIn: widths.output, dOut: h, mlp: false },
    mlpGate: { dIn: h, dOut: spec.gatedMlp ? f : 0, mlp: true },
    mlpUp: { dIn: h, dOut: f, mlp: true },
    mlpDown: { dIn: f, dOut: h, mlp: true },
  };
}

const layerTargets = (adapter: Adapter): Exclude<LoraTarget, 'head'>[] => adapter.targets.filter((target): target is Exclude<LoraTarget, 'head'> => target !== 'head');

/**
 * What a LoRA adapter adds to a layer's activations for the backward, per micro-batch: every
 * wrapped linear keeps x·A (s·b·r, bf16) for B's gradient and, with lora_dropout, its own
 * dropped-out input (s·b·d_in, bf16) and mask (1 B) for A's (PEFT lora.Linear.forward:
 * lora_B(lora_A(dropout(x)))). Without dropout A reads the input the layer keeps already. MLP
 * targets run once per routed expert.
 */
function adapterActivationBytes(spec: LayerSpec, adapter: Adapter, sb: number, routed: number): number {
  const widths = targetWidths(spec);
  return layerTargets(adapter).reduce((sum, target) => {
    const { dIn, dOut, mlp } = widths[target];
    if (dOut === 0) return sum;
    return sum + (mlp ? routed : 1) * sb * (2 * adapter.rank + (adapter.dropout ? 3 * dIn : 0));
  }, 0);
}

/**
 * LoRA parameters, r·(d_in + d_out) per wrapped linear (A is r × d_in, B is d_out × r; Hu et al.
 * 2021, arXiv 2106.09685 §4.1): per layer (MLP targets once per expert) and on the output head.
 */
export function adapterParams(spec: LayerSpec, adapter: Adapter): { perLayer: number; head: number } {
  const widths = targetWidths(spec);
  const experts = Math.max(1, spec.numExperts);
  const perLayer = layerTargets(adapter).reduce((sum, target) => {
    const { dIn, dOut, mlp } = widths[target];
    return dOut === 0 ? sum : sum + (mlp ? experts : 1) * adapter.rank * (dIn + dOut);
  }, 0);
  const head = adapter.targets.includes('head') && spec.vocabSize > 0 ? adapter.rank * (spec.hiddenSize + spec.vocabSize) : 0;
  return { perLayer, head };
}

const HELD_QUANTIZED_INPUTS =
  "bitsandbytes before 0.43.2: autograd/_functions.py MatMul4Bit.forward keeps its input in ctx.tensors = (A, B), a plain attribute the backward does not free, though a frozen 4-bit weight needs no input (PR bitsandbytes-foundation/bitsandbytes#1270 dropped it, July 2024); LitGPT finetune/lora.py fit() @ 01fe959c keeps the last micro-batch's `logits`, and through them its graph, until the next forward returns; LitGPT pinned such a bitsandbytes until late 2024 (Lightning-AI/litgpt#1767)";

const DEQUANTIZED_HEAD =
  "bitsandbytes autograd/_functions.py MatMul4Bit: F.dequantize_4bit(B, quant_state).to(A.dtype) in the forward and again in the backward, the whole weight each call; dequantize_4bit returns the QuantState's dtype, fp16 since Lightning's _Linear4bit._quantize_weight quantizes a .to(torch.half) copy (lightning/fabric/plugins/precision/bitsandbytes.py), so a bf16 run holds an fp16 and a bf16 copy of the head at once; the largest quantized linear, the head's backward runs first, with every activation alive";

/**
 * LitGPT's QLoRA: a 4-bit base under Fabric's BitsandbytesPrecision, the one path whose adapter
 * state shapelint reads as bf16 (formats/litgpt.ts; PEFT keeps adapters in fp32). Fabric swaps
 * every nn.Linear for a 4-bit one, lm_head too; PEFT's loading keeps the head in 16 bits, and the
 * HF Trainer drops its graph when training_step returns, so it holds no micro-batch's inputs over.
 */
const fabricQuantized = (adapter: Adapter | undefined): boolean => !!adapter && (adapter.baseWeights === 'nf4' || adapter.baseWeights === 'nf4-dq') && adapter.adapterState === 'bf16';

/**
 * The inputs of one layer's linears for one micro-batch, 2 B each, as MatMul4Bit keeps them: the
 * attention input (QKV's), the attention output (the projection's), the MLP input (gate's and
 * up's, one tensor) and the MLP's inner activation (down's), the MLP ones per routed expert. A
 * parallel block that shares its norm (Falcon, Phi-2) has one input for QKV and the MLP: counted twice here.
 */
function linearInputBytes(spec: LayerSpec, launch: Pick<RunLaunch, 'sequenceParallel'>, sb: number): number {
  const t = Math.max(1, spec.tensorParallel);
  const routed = spec.numExperts > 1 ? Math.max(1, spec.expertsPerToken) : 1;
  const replicated = (2 * sb * spec.hiddenSize * (1 + routed)) / (launch.sequenceParallel ? t : 1);
  const split = (2 * sb * (attentionWidths(spec).output + routed * spec.ffnHiddenSize)) / t;
  return replicated + split;
}

const TORCHTITAN_LAYER_SAC =
  'torchtitan torchtitan/distributed/activation_checkpoint.py _apply_layer_sac @ 01db32e9 (selective_ac_option an integer N): the blocks whose 1-based count is a multiple of N are wrapped in checkpoint_wrapper, recomputed whole; the others keep everything';

/**
 * Transformer layers of a stage whose whole forward runs again in the backward: all under full
 * recomputation; under torchtitan's layer-interval selective checkpointing (every N), the ⌊L/N⌋
 * blocks whose count is a multiple of N; none otherwise (selective recomputes part of each layer).
 */
export function wholeLayersRecomputed(launch: Pick<RunLaunch, 'recompute' | 'selectiveLayerInterval'>, layers: number): number {
  if (launch.recompute === 'full') return layers;
  if (launch.recompute === 'selective' && launch.selectiveLayerInterval !== undefined) return Math.floor(layers / Math.max(1, launch.selectiveLayerInterval));
  return 0;
}

export function activationsKept(layer: LayerActivations, recompute: RunLaunch['recompute'], policy: SelectivePolicy = 'megatron'): number {
  if (recompute === 'full') return layer.input;
  if (recompute === 'selective') return policy === 'torchtitan-op' ? layer.opPolicyKept : layer.stored;
  return layer.stored + layer.attentionCore;
}

/** Micro-batches whose activations a stage holds at once under 1F1B, in units of the stage's layers (Narayanan et al. 2021 §2.2; Korthikanti §4.2.3). */
function inFlight(stage: number, launch: RunLaunch, layout: RunLayout): { count: number; formula: string } {
  const p = launch.pipelineParallel;
  if (p === 1) return { count: 1, formula: '1' };
  if (launch.virtualStages > 1 && stage === 0) {
    const v = launch.virtualStages;
    return { count: p * (1 + (p - 1) / (p * v)), formula: `p·(1 + (p−1)/(p·v)) = ${p}·(1 + ${p - 1}/${p * v})` };
  }
  const count = Math.min(layout.microBatches, p - stage);
  return { count, formula: `min(m, p − stage) = ${count}` };
}

export interface StageParams {
  dense: number;
  expert: number;
  /** The largest of the stage's layers on this GPU (an MoE layer's, where the model has both kinds) before any data-parallel sharding. */
  layer: number;
  /** The stage's transformer layers on this GPU: what LoRA stores as frozen linears (with their norms). */
  layers: number;
  /** The norms and routers of the stage's layers on this GPU (replicated by tensor parallelism). */
  replicated: number;
  /** The output head's parameters on this GPU where it is a matrix of its own (untied, or the last pipeline stage), else 0. */
  head: number;
}

/**
 * Parameters one GPU of a pipeline stage holds: the stage's layers (experts over EP, shared experts
 * split by TP like the attention; an MoE model's dense layers with their dense MLP, layerKinds),
 * and the embedding on the first and last stage.
 */
export function stageParams(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number): StageParams {
  const t = Math.max(1, spec.tensorParallel);
  const kinds = layerKinds(spec, layout.layersPerStage).map((kind) => {
    const parts = layerParams(kind.spec);
    const moe = parts.experts > 1;
    const nonExpert = parts.attention / t + parts.latentDown + parts.sharedMlp / t + parts.replicated + (moe ? 0 : parts.mlpPerExpert / t);
    const expert = moe ? ((parts.experts / launch.expertParallel) * parts.mlpPerExpert) / t : 0;
    return { count: kind.count, nonExpert, expert, replicated: parts.replicated };
  });
  const total = (of: (kind: (typeof kinds)[number]) => number): number => kinds.reduce((sum, kind) => sum + kind.count * of(kind), 0);
  const p = launch.pipelineParallel;
  const embedding = (spec.vocabSize * spec.hiddenSize) / t;
  const first = stage === 0 ? embedding : 0;
  const last = stage === p - 1 && (p > 1 || launch.untiedEmbeddings) ? embedding : 0;
  return {
    dense: total((kind) => kind.nonExpert) + first + last,
    expert: total((kind) => kind.expert),
    layer: Math.max(...kinds.map((kind) => kind.nonExpert + kind.expert)),
    layers: total((kind) => kind.nonExpert + kind.expert),
    replicated: total((kind) => kind.replicated),
    head: last,
  };
}

function modelStateTerms(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number): Partial<Record<MemoryTermName, RunTerm>> {
  if (launch.adapter) return adapterStateTerms(spec, launch, layout, stage, launch.adapter);
  const params = stageParams(spec, launch, layout, stage);
  const state = gradientsInBf16(RUN_CONSTANTS.modelState[launch.sharding], launch);
  const { weights, gradients, optimizer, sharded } = state.value;
  // Megatron's distributed optimizer shards over the data-parallel group with context parallelism folded in.
  const denseRanks = layout.dataParallel * launch.contextParallel;
  const bytes = (perParam: number, isSharded: boolean): number =>
    isSharded ? (params.dense * perParam) / denseRanks + (params.expert * perParam) / layout.expertDataParallel : (params.dense + params.expert) * perParam;
  const over = (isSharded: boolean): string => (isSharded ? ` / DP ${denseRanks}` : '');
  const local = `${((params.dense + params.expert) / 1e9).toFixed(3)}B parameters on this GPU`;
  const terms: Partial<Record<MemoryTermName, RunTerm>> = {
    weights: { value: bytes(weights, sharded.weights), formula: `${local} × ${weights} B${over(sharded.weights)}`, source: state.source },
    gradients: { value: bytes(gradients, sharded.gradients), formula: `${local} × ${gradients} B${over(sharded.gradients)}`, source: state.source },
    optimizerStates: { value: bytes(optimizer, sharded.optimizer), formula: `${local} × ${optimizer} B${over(sharded.optimizer)}`, source: state.source },
  };
  if (sharded.weights) {
    const layers = RUN_CONSTANTS.gatheredLayers.value;
    const perParam = 2 + gradients;
    terms.gatheredWeights = {
      value: layers * params.layer * perParam,
      formula: `${layers} layers × ${(params.layer / 1e6).toFixed(1)}M parameters × (2 B bf16 weights + ${gradients} B gradients)`,
      source: RUN_CONSTANTS.gatheredLayers.source,
    };
  }
  return terms;
}

/** A LoRA stage's parameters on one GPU before data-parallel sharding: the frozen linear weights (per layer and all), the other frozen weights, their bytes, and the adapters'. */
export interface LoraStageParams {
  linearPerLayer: number;
  linear: number;
  /** The output head where it is stored like the linears (Fabric quantizes it: fabricQuantized), else 0 and counted in `other`. */
  quantizedHead: number;
  other: number;
  frozenBytes: number;
  trained: number;
}

export function loraStageParams(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number, adapter: Adapter): LoraStageParams {
  const t = Math.max(1, spec.tensorParallel);
  const params = stageParams(spec, launch, layout, stage);
  const linearPerLayer = params.layer - layerParams(spec).replicated;
  const linear = params.layers - params.replicated;
  const quantizedHead = fabricQuantized(adapter) ? params.head : 0;
  const other = params.dense + params.expert - linear - quantizedHead;
  const { perLayer, head } = adapterParams(spec, adapter);
  const trained = (layout.layersPerStage * perLayer) / t + (stage === launch.pipelineParallel - 1 ? head / t : 0);
  const frozenBytes = (linear + quantizedHead) * RUN_CONSTANTS.baseWeightBytes[adapter.baseWeights].value + other * (adapter.baseWeights === 'fp32' ? 4 : 2);
  return { linearPerLayer, linear, quantizedHead, other, frozenBytes, trained };
}

/**
 * A LoRA/QLoRA fine-tune's model state: the frozen base weights with neither gradients nor
 * optimizer states, the transformer layers' linear weights stored as the adapter says (4-bit
 * NF4 under QLoRA) and the rest (embeddings, output head, norms: transformers' and PEFT's
 * bitsandbytes loading keeps them in 16 bits; Fabric's quantizes the head too) at 2 B; plus the adapter's own weights, gradients
 * and AdamW moments. Sharded over data-parallel ranks as the run's sharding shards a full
 * fine-tune's (FSDP and ZeRO-3 the weights too). Adapters over TP-split layers are taken as split with them.
 */
function adapterStateTerms(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number, adapter: Adapter): Partial<Record<MemoryTermName, RunTerm>> {
  const { linear, linearPerLayer, quantizedHead, other, trained, frozenBytes } = loraStageParams(spec, launch, layout, stage, adapter);
  const base = RUN_CONSTANTS.baseWeightBytes[adapter.baseWeights];
  const otherBytes = adapter.baseWeights === 'fp32' ? 4 : 2;
  const state = RUN_CONSTANTS.adapterState[adapter.adapterState];
  const { sharded } = RUN_CONSTANTS.modelState[launch.sharding].value;
  const ranks = layout.dataParallel * launch.contextParallel;
  const over = (isSharded: boolean): number => (isSharded ? ranks : 1);
  const overText = (isSharded: boolean): string => (isSharded ? ` / DP ${ranks}` : '');
  const widths = targetWidths(spec);
  const wrapped = adapter.targets.filter((target) => target === 'head' || widths[target].dOut > 0);
  const adapterText = `${(trained / 1e6).toFixed(2)}M adapter parameters (rank ${adapter.rank} on ${wrapped.join(', ')})`;
  const terms: Partial<Record<MemoryTermName, RunTerm>> = {
    weights: {
      value: (frozenBytes + trained * state.value.weights) / over(sharded.weights),
      formula: `frozen ${(linear / 1e9).toFixed(3)}B linear weights${quantizedHead ? ` and ${(quantizedHead / 1e9).toFixed(3)}B output head weights (Fabric quantizes lm_head too)` : ''} × ${+base.value.toFixed(4)} B (${adapter.baseWeights}) + ${(other / 1e9).toFixed(3)}B embedding and norm weights × ${otherBytes} B + ${adapterText} × ${state.value.weights} B${overText(sharded.weights)}`,
      source: `${base.source}; ${state.source}; the adapter: ${adapter.note}`,
    },
    gradients: {
      value: (trained * state.value.gradients) / over(sharded.gradients),
      formula: `${adapterText} × ${state.value.gradients} B${overText(sharded.gradients)}; none for the frozen weights`,
      source: state.source,
    },
    optimizerStates: {
      value: (trained * state.value.optimizer) / over(sharded.optimizer),
      formula: `${adapterText} × ${state.value.optimizer} B${overText(sharded.optimizer)}; none for the frozen weights`,
      source: state.source,
    },
  };
  if (sharded.weights) {
    const layers = RUN_CONSTANTS.gatheredLayers.value;
    terms.gatheredWeights = {
      value: layers * linearPerLayer * base.value,
      formula: `${layers} layers × ${(linearPerLayer / 1e6).toFixed(1)}M frozen linear weights × ${+base.value.toFixed(4)} B, no full-size gradients`,
      source: RUN_CONSTANTS.gatheredLayers.source,
    };
  }
  return terms;
}

/** Megatron's model state with `--grad-reduce-in-bf16`: a bf16 gradient buffer where it would hold fp32 main gradients. */
function gradientsInBf16(state: { value: ModelStateBytes; source: string }, launch: RunLaunch): { value: ModelStateBytes; source: string } {
  if (!launch.gradientReduceInBf16 || (launch.sharding !== 'none' && launch.sharding !== 'distributed-optimizer')) return state;
  return { value: { ...state.value, gradients: 2 }, source: `${state.source}; --grad-reduce-in-bf16: the gradient buffer in bf16, 2 B per parameter (Megatron-LM arguments.py)` };
}

/**
 * One micro-batch's activations on a stage of L layers. Under torchtitan's layer-interval selective
 * checkpointing the k = ⌊L/N⌋ checkpointed blocks keep their input and the others everything:
 * k·input + (L − k)·(stored + attention core); otherwise L × what each layer keeps.
 */
function stageActivations(layer: LayerActivations, launch: RunLaunch, layers: number, spec: LayerSpec): { bytes: number; formula: string; source: string } {
  const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
  const conditions = `${launch.sequenceParallel ? ', sequence parallel' : ''}${spec.flashAttention ? ', fused attention' : ''}${launch.adapter ? ', with the LoRA adapters\' x·A and dropped-out inputs' : ''}`;
  if (launch.recompute === 'selective' && launch.selectiveLayerInterval !== undefined) {
    const whole = wholeLayersRecomputed(launch, layers);
    const all = layer.stored + layer.attentionCore;
    return {
      bytes: whole * layer.input + (layers - whole) * all,
      formula: `torchtitan selective every ${launch.selectiveLayerInterval} layers: ${whole} checkpointed layers × ${mib(layer.input)} MiB (their input) + ${layers - whole} layers × ${mib(all)} MiB (everything${conditions})`,
      source: TORCHTITAN_LAYER_SAC,
    };
  }
  const policy = launch.selectivePolicy ?? 'megatron';
  const kept = activationsKept(layer, launch.recompute, policy);
  const torchtitanOp = launch.recompute === 'selective' && policy === 'torchtitan-op';
  const recomputeLabel = launch.recompute === 'none' ? 'no recomputation' : torchtitanOp ? 'torchtitan per-op selective recomputation' : `${launch.recompute} recomputation`;
  return { bytes: kept * layers, formula: `${mib(kept)} MiB per layer (${recomputeLabel}${conditions}) × ${layers} layers`, source: torchtitanOp ? TORCHTITAN_OP_SAC : KORTHIKANTI };
}

/** A stage's activations of one micro-batch, each kind of layer (an MoE model's dense layers keep their own MLP's: layerKinds) on its own. */
function stageActivationsByKind(spec: LayerSpec, launch: RunLaunch, layers: number): { bytes: number; formula: string; source: string } {
  const kinds = layerKinds(spec, layers).map((kind) => ({ kind, held: stageActivations(layerActivations(kind.spec, launch), launch, kind.count, kind.spec) }));
  if (kinds.length === 1) return kinds[0].held;
  return {
    bytes: kinds.reduce((total, { held }) => total + held.bytes, 0),
    formula: `(${kinds.map(({ kind, held }) => `${kind.kind === 'moe' ? 'MoE' : 'dense'} layers: ${held.formula}`).join(' + ')})`,
    source: kinds[0]?.held.source ?? KORTHIKANTI,
  };
}

function activationTerms(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number): Partial<Record<MemoryTermName, RunTerm>> {
  const layer = layerActivations(spec, launch);
  const flight = inFlight(stage, launch, layout);
  const t = Math.max(1, spec.tensorParallel);
  const sb = (spec.seqLength / launch.contextParallel) * spec.microBatchSize;
  const replicatedOverT = launch.sequenceParallel ? t : 1;
  const held = stageActivationsByKind(spec, launch, layout.layersPerStage);
  const terms: Partial<Record<MemoryTermName, RunTerm>> = {
    activations: {
      value: held.bytes * flight.count,
      formula: `${held.formula} × ${flight.formula} micro-batches`,
      source: `${held.source}; in-flight micro-batches: Narayanan et al. 2021 (arXiv 2104.04473) §2.2${launch.adapter ? `; ${LORA_ACTIVATIONS}` : ''}`,
    },
  };
  if (stage === 0) {
    const maskBytes = spec.dropout ? spec.hiddenSize : 0;
    terms.embeddingActivations = {
      value: (flight.count * sb * (8 + maskBytes)) / replicatedOverT,
      formula: `${flight.formula} micro-batches × s·b·(8 B token ids${maskBytes ? ' + h dropout mask' : ''})`,
      source: 'theoretical_memory_usage.py: "Input to embedding" and "Dropout in embedding layer", pp micro-batches in flight',
    };
  }
  let lossBytes = 0;
  if (stage === launch.pipelineParallel - 1 && spec.vocabSize > 0) {
    const bytesPerLogit = RUN_CONSTANTS.lossBytesPerLogit;
    const loss = launch.compiledLoss ? bytesPerLogit.compiled : launch.sharding === 'fsdp' ? bytesPerLogit.pytorch : bytesPerLogit.megatron;
    lossBytes = (loss.value * sb * spec.vocabSize) / t + (4 * sb * spec.hiddenSize) / replicatedOverT;
    terms.lossLogits = { value: lossBytes, formula: `${loss.value} B × s·b·v / t (logits at the loss) + 4·s·b·h (final norm)`, source: loss.source };
  }
  if (fabricQuantized(launch.adapter)) {
    if (launch.heldQuantizedInputs) {
      const perLayer = linearInputBytes(spec, launch, sb);
      const head = stage === launch.pipelineParallel - 1 && spec.vocabSize > 0 ? (2 * sb * spec.hiddenSize) / replicatedOverT : 0;
      terms.heldQuantizedInputs = {
        value: layout.layersPerStage * perLayer + head,
        formula: `the last micro-batch's 4-bit linear inputs, held through this one's forward: ${layout.layersPerStage} layers × ${(perLayer / 2 ** 20).toFixed(1)} MiB (2 B × s·b·(h + a·d + h + F): QKV, projection, MLP and down inputs)${head ? ' + 2 B × s·b·h (the quantized head\'s input)' : ''}`,
        source: HELD_QUANTIZED_INPUTS,
      };
    }
    const quantizedHead = loraStageParams(spec, launch, layout, stage, launch.adapter!).quantizedHead;
    if (quantizedHead > 0) {
      terms.dequantizedHead = {
        value: 4 * quantizedHead,
        formula: `${(quantizedHead / 1e6).toFixed(1)}M output head weights × (2 B fp16 dequantized + 2 B bf16 copy), live as the backward starts at the head`,
        source: DEQUANTIZED_HEAD,
      };
    }
  }
  const interval = launch.recompute === 'selective' && launch.selectiveLayerInterval !== undefined;
  if (launch.recompute !== 'none' && (!interval || wholeLayersRecomputed(launch, layout.layersPerStage) > 0)) {
    // The last layer is rebuilt once the loss's logits are freed, so on the last stage only what exceeds them adds to the peak.
    const kept = interval ? layer.input : activationsKept(layer, launch.recompute, launch.selectivePolicy ?? 'megatron');
    const working = layer.stored + layer.attentionCore - kept;
    const beyondLoss = Math.max(0, working - lossBytes);
    terms.recomputeWorkingLayer = {
      value: beyondLoss,
      formula: lossBytes > 0 ? `one layer of one micro-batch rebuilt in the backward (${(working / 2 ** 20).toFixed(1)} MiB), after the loss's logits are freed: the part above them` : 'one layer of one micro-batch rebuilt in the backward',
      source: 'Chen et al. 2016 (arXiv 1604.06174): recomputation holds one segment at a time',
    };
  }
  return terms;
}

const total = (terms: Partial<Record<MemoryTermName, RunTerm>>): number => Object.values(terms).reduce((sum, term) => sum + (term?.value ?? 0), 0);

function stageMemory(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, stage: number): Partial<Record<MemoryTermName, RunTerm>> {
  const terms = { ...modelStateTerms(spec, launch, layout, stage), ...activationTerms(spec, launch, layout, stage) };
  const transient = (terms.activations?.value ?? 0) + (terms.recomputeWorkingLayer?.value ?? 0) + (terms.lossLogits?.value ?? 0) + (terms.heldQuantizedInputs?.value ?? 0);
  terms.allocator = {
    value: transient * RUN_CONSTANTS.allocatorOverhead.value,
    formula: `${RUN_CONSTANTS.allocatorOverhead.value * 100}% of the activations`,
    source: RUN_CONSTANTS.allocatorOverhead.source,
  };
  terms.runtime = { value: RUN_CONSTANTS.runtimeGiB.value * GIB, formula: `${RUN_CONSTANTS.runtimeGiB.value} GiB`, source: RUN_CONSTANTS.runtimeGiB.source };
  return terms;
}

/** Memory per GPU at the busiest pipeline stage, by term, against the GPU's capacity. */
export function predictMemory(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, gpu: GpuSpec): MemoryPrediction {
  const { held: terms, stage } = largerEndStage(launch, (at) => stageMemory(spec, launch, layout, at), total);
  const peakBytesPerGpu = total(terms);
  const capacityBytes = gpu.memoryGiB * GIB;
  return { peakBytesPerGpu, capacityBytes, fits: peakBytesPerGpu <= capacityBytes, peakStage: stage, terms };
}

/**
 * Of the first and last pipeline stages (which carry the embedding and the head, and the most
 * micro-batches in flight at the first), the one `size` finds larger, the first on a tie; with
 * one stage, it alone.
 */
export function largerEndStage<T>(launch: Pick<RunLaunch, 'pipelineParallel'>, atStage: (stage: number) => T, size: (held: T) => number): { held: T; stage: 'only' | 'first' | 'last' } {
  const first = atStage(0);
  if (launch.pipelineParallel === 1) return { held: first, stage: 'only' };
  const last = atStage(launch.pipelineParallel - 1);
  return size(last) > size(first) ? { held: last, stage: 'last' } : { held: first, stage: 'first' };
}
