/**
 * The framework constants of the run model, each with its source. None was fitted: fitted
 * constants live in calibration.ts (RUN_CALIBRATION) with the runs they were fitted on.
 */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** Bytes per parameter for weights, gradients and optimizer states under each sharding, before dividing by the data-parallel size. */
export interface ModelStateBytes {
  weights: number;
  gradients: number;
  optimizer: number;
  /** Which of the three are split over the data-parallel ranks. */
  sharded: { weights: boolean; gradients: boolean; optimizer: boolean };
}

const MEGATRON_STATE = 'Megatron-LM megatron/training/theoretical_memory_usage.py: 18 bytes per parameter, 6 + 12/DP with --use-distributed-optimizer (bf16 weights, fp32 main gradients, fp32 master weights and two Adam moments)';
const ZERO_STATE = 'Rajbhandari et al. 2020 (ZeRO, arXiv 1910.02054) §5: 2Ψ fp16 weights + 2Ψ gradients + 12Ψ optimizer states (K = 12), stages 1/2/3 shard the optimizer, + gradients, + weights';
const FSDP_STATE = 'PyTorch FSDP with MixedPrecision(param_dtype=bf16, reduce_dtype=fp32) as torchtitan and llm-foundry run it: sharded fp32 parameters, fp32 gradients and two Adam moments (16 bytes per parameter over the ranks)';

export const RUN_CONSTANTS = {
  modelState: {
    none: { value: { weights: 2, gradients: 4, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: false } }, source: MEGATRON_STATE },
    'distributed-optimizer': { value: { weights: 2, gradients: 4, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: true } }, source: MEGATRON_STATE },
    'zero-1': { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: false, gradients: false, optimizer: true } }, source: ZERO_STATE },
    'zero-2': { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: false, gradients: true, optimizer: true } }, source: ZERO_STATE },
    'zero-3': { value: { weights: 2, gradients: 2, optimizer: 12, sharded: { weights: true, gradients: true, optimizer: true } }, source: ZERO_STATE },
    fsdp: { value: { weights: 4, gradients: 4, optimizer: 8, sharded: { weights: true, gradients: true, optimizer: true } }, source: FSDP_STATE },
  } satisfies Record<string, Sourced<ModelStateBytes>>,
  /** FSDP/ZeRO-3 gather whole layers: the one computing and the one prefetched, each with its bf16 weights and unsharded gradient. */
  gatheredLayers: { value: 2, source: 'PyTorch FSDP forward/backward prefetch (one unit ahead) and ZeRO-3 prefetch: two layers unsharded at a time' },
  /**
   * Bytes per logit the loss holds at its peak. Megatron's vocab-parallel cross-entropy keeps the
   * fp32 logits (4 bytes); PyTorch's F.cross_entropy over bf16 logits keeps the bf16 logits, their
   * fp32 upcast and the fp32 log-softmax for the backward (2 + 4 + 4).
   */
  lossBytesPerLogit: {
    megatron: { value: 4, source: 'theoretical_memory_usage.py compute_activation_memory: 4·s·b·h·(1 + v/h) / t for the output layer and loss' },
    pytorch: { value: 10, source: 'torch.nn.functional.cross_entropy on .float() logits (torchtitan, llm-foundry, HF Trainer): bf16 logits, fp32 copy, fp32 log-softmax' },
  },
  /** CUDA context, cuBLAS workspaces and NCCL buffers: memory a process holds before any tensor. */
  runtimeGiB: { value: 1.5, source: 'assumed: CUDA context ≈ 0.5 GiB on H100 (PyTorch memory notes), cuBLAS workspaces and NCCL channel buffers ≈ 1 GiB at 8-64 ranks; not measured' },
  /** The caching allocator's fragmentation, as a share of the activations. */
  allocatorOverhead: { value: 0.05, source: 'theoretical_memory_usage.py compute_activation_memory_without_sp: "buffer for optimizer and miscellaneous temporaries (5% overhead)"' },
  /** Adam's step streams, per local parameter: fp32 master, m, v read and written (24), fp32 gradient read (4), bf16 weight written (2). */
  optimizerBytesPerParam: { value: 30, source: 'derived from the Adam update (torch.optim.AdamW fused / apex FusedAdam): every state read once and written once' },
  /** A collective's fixed cost (launch, ring setup, the first hop), µs. */
  collectiveLatencyUs: { value: 15, source: 'assumed from nccl-tests all_reduce_perf small-message times on NVLink (10-30 µs); not measured here' },
} as const;
