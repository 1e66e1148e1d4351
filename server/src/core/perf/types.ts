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
  flashAttention: boolean;
}

export type Dtype = 'bf16' | 'fp16' | 'fp8';

export type GemmName =
  | 'qkv'
  | 'attention_score'
  | 'attention_over_value'
  | 'flash_attention'
  | 'attention_projection'
  | 'mlp_up'
  | 'mlp_gate'
  | 'mlp_down'
  | 'logits';

/** (M×K)·(K×N), `batch` times; backward GEMMs carry a suffix in `label`. */
export interface GemmShape {
  name: GemmName;
  label: string;
  m: number;
  n: number;
  k: number;
  batch: number;
}

export interface GemmPrediction extends GemmShape {
  tflops: number;
  timeUs: number;
  waves: number;
  tile: [number, number];
  bound: 'compute' | 'memory';
  /** 'model' or 'profile' (a measured profile had this shape). */
  source: 'model' | 'profile';
}

export interface PredictOptions {
  dtype: Dtype;
  backward: boolean;
}

export interface LayerPrediction {
  gpu: string;
  dtype: Dtype;
  /** The transformer layer, logits excluded. */
  layer: { tflops: number; timeUs: number };
  gemms: GemmPrediction[];
  /** The whole model, logits included. */
  model: { params: number; flopsPerToken: number; tokensPerSecond: number };
  /** Layer TFLOP/s as a fraction of the GPU's dense peak for the dtype. */
  fractionOfPeak: number;
}
