import type { LayerSpec } from '../../../server/src/core/perf';

/**
 * DeepSeek-V3 (arXiv 2412.19437 §4.2; deepseek-ai/DeepSeek-V3 config.json): h 7168, 61 layers, 128
 * heads, multi-latent attention (query latent 1536, key/value latent 512, a 128 + 64 query-key
 * head, values of 128), 256 routed experts of 2048 (top 8) and one shared expert of 2048 in every
 * layer but the first 3, which keep a dense MLP of 18432; vocabulary 129280, untied output layer.
 */
export const DEEPSEEK_V3: LayerSpec = {
  hiddenSize: 7168,
  numHeads: 128,
  numKvHeads: 128,
  headDim: 192,
  ffnHiddenSize: 2048,
  gatedMlp: true,
  vocabSize: 129280,
  numLayers: 61,
  seqLength: 4096,
  microBatchSize: 1,
  tensorParallel: 1,
  numExperts: 256,
  expertsPerToken: 8,
  denseLayers: 3,
  denseFfnHiddenSize: 18432,
  sharedExpertFfnSize: 2048,
  latentAttention: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  flashAttention: true,
};
