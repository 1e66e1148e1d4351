import type { RecomputeMode } from './shape';

/** Plain numbers the throughput model needs; built from a ModelShape with defaults filled in. */
export interface LayerSpec {
  hiddenSize: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  /** Per-branch MLP width (for gated MLPs, the width of the gate and of the up projection). */
  ffnHiddenSize: number;
  gatedMlp: boolean;
  /** The vocabulary the logit GEMM runs over (after the framework's padding). */
  vocabSize: number;
  numLayers: number;
  seqLength: number;
  microBatchSize: number;
  tensorParallel: number;
  /** 1 for a dense MLP. */
  numExperts: number;
  expertsPerToken: number;
  /**
   * With experts: the layers (of numLayers) whose MLP is dense instead, `denseFfnHiddenSize` wide
   * (DeepSeek-V3's first three, 18432); absent: none. perf/layer.ts layerKinds splits the model by it.
   */
  denseLayers?: number;
  denseFfnHiddenSize?: number;
  /** With experts: the total width of the shared experts every token also runs in each MoE layer (DeepSeek's n_shared_experts × moe_intermediate_size); absent: none. */
  sharedExpertFfnSize?: number;
  /** Multi-head latent attention's sizes (ModelShape.latentAttention); absent: standard attention of `headDim`. */
  latentAttention?: LatentAttention;
  flashAttention: boolean;
  /** With `flashAttention`: the fused kernel (absent: FlashAttention-2). perf/attention.ts chooses it per framework, GPU and head dim. */
  fusedKernel?: FusedKernel;
  /**
   * Whether training runs dropout on the hidden states (the bias-dropout-residual adds), and on
   * the attention probabilities unless `attentionDropout` says otherwise, as the paper's measured
   * layers did (its Figure 2). Absent means no: today's pretraining recipes set it to 0 (Llama,
   * Mistral, Pythia, nanoGPT's pretraining default).
   */
  dropout?: boolean;
  /** Activation recomputation in the backward; absent: none. */
  recompute?: RecomputeMode;
  /** Dropout on the attention probabilities when it differs from `dropout` (`--attention-dropout 0 --hidden-dropout 0.1`). */
  attentionDropout?: boolean;
}

/** Multi-head latent attention's sizes as plain numbers; `qLoraRank` 0: the query is projected straight from h. */
export interface LatentAttention {
  qLoraRank: number;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

export type Dtype = 'bf16' | 'fp16' | 'fp8';

export type GemmName =
  | 'qkv'
  | 'mla_q'
  | 'mla_q_down'
  | 'mla_q_up'
  | 'mla_kv_down'
  | 'mla_kv_up'
  | 'attention_score'
  | 'attention_over_value'
  | 'flash_attention'
  | 'attention_projection'
  | 'mlp_up'
  | 'mlp_gate'
  | 'mlp_down'
  | 'shared_expert_up'
  | 'shared_expert_gate'
  | 'shared_expert_down'
  | 'logits';

/** (M×K)·(K×N), `batch` times; backward GEMMs carry a suffix in `label`. */
export interface GemmShape {
  name: GemmName;
  label: string;
  m: number;
  n: number;
  k: number;
  batch: number;
  /**
   * FlashAttention fuses several (m×k)·(k×n) matmuls in one kernel (m queries, n keys, k head dim):
   * 2 forward (QKᵀ, PV), 5 backward. Absent for plain GEMMs (1).
   */
  matmuls?: number;
  /**
   * With `matmuls`: the value head dim where it differs from `k`, the query-key head dim
   * (multi-latent attention, 192 and 128): the matmuls over V (PV forward; dP and dV backward) run
   * over it. Absent: `k`.
   */
  valueDim?: number;
  /** With `matmuls`: the fused kernel (absent: FlashAttention-2, which the paper's Figure 12 measured). */
  kernel?: FusedKernel;
}

export interface GemmPrediction extends GemmShape {
  tflops: number;
  timeUs: number;
  waves: number;
  tile: [number, number];
  bound: 'compute' | 'memory';
  /**
   * 'model'; 'profile' (a measured profile had this exact shape); 'interpolated' (the model,
   * scaled by the measured/model ratio of nearby shapes in the profile).
   */
  source: 'model' | 'profile' | 'interpolated';
}

/** Memory-bound element-wise work the framework runs around the GEMMs (softmax, dropout, norms, residual adds, activation). */
export interface ElementwisePrediction {
  name: 'softmax' | 'attention_dropout' | 'layer_norm' | 'residual' | 'activation' | 'cross_entropy';
  label: string;
  bytes: number;
  timeUs: number;
}

export interface PredictOptions {
  dtype: Dtype;
  backward: boolean;
  /** Measured GEMM times (see docs/profile-format.md); used where they cover a shape. */
  profile?: GemmProfile;
}

/** A measured GEMM profile, as written by tools/gemm-sweep.py (docs/profile-format.md). */
export interface GemmProfile {
  gpu: { name: string; catalogId?: string; multiProcessorCount?: number };
  dtype: Dtype;
  date: string;
  measurements: GemmMeasurement[];
}

export interface GemmMeasurement {
  m: number;
  n: number;
  k: number;
  batch: number;
  timeUs: number;
  name?: string;
}

export interface LayerPrediction {
  gpu: string;
  dtype: Dtype;
  /** The transformer layer, logits excluded: in a mixture of experts that keeps dense layers, an MoE layer. */
  layer: { tflops: number; timeUs: number };
  gemms: GemmPrediction[];
  /** Element-wise work counted in the layer time (the logits' cross-entropy counts in `model` only). */
  elementwise: ElementwisePrediction[];
  /** The dense layers of a mixture of experts that keeps some (LayerSpec.denseLayers), each predicted as a layer of their own; `layer` above is then an MoE layer. */
  denseLayers?: DenseLayersPrediction;
  /** The whole model, logits included: `params` and `flopsPerToken` for the whole model, `tokensPerSecond` for one replica (t GPUs). */
  model: { params: number; flopsPerToken: number; tokensPerSecond: number };
  /** Layer TFLOP/s as a fraction of the GPU's dense peak for the dtype. */
  fractionOfPeak: number;
}

export interface DenseLayersPrediction {
  /** How many of the model's layers are dense, and how many run experts. */
  count: number;
  moeCount: number;
  layer: { tflops: number; timeUs: number };
  gemms: GemmPrediction[];
  elementwise: ElementwisePrediction[];
}

/** Fused attention kernels the model tells apart (perf/attention.ts picks one per framework, GPU and head dim). */
export type FusedKernel = 'flash2' | 'flash3' | 'cudnn';
