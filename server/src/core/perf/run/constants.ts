import type { Adapter, BaseWeights } from '../../model/shape';

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
   * fp32 logits (4 bytes). PyTorch's F.cross_entropy over `.float()` logits peaks as the backward
   * starts: the fp32 log-softmax it saved, nll_loss's dense fp32 gradient and log_softmax's fp32
   * gradient are live together (4 + 4 + 4; the forward's bf16 logits, fp32 copy and log-softmax
   * come to 10).
   */
  lossBytesPerLogit: {
    megatron: { value: 4, source: 'theoretical_memory_usage.py compute_activation_memory: 4·s·b·h·(1 + v/h) / t for the output layer and loss' },
    pytorch: {
      value: 12,
      source: 'torch.nn.functional.cross_entropy(pred.float(), labels) as torchtitan (train.py, uncompiled loss, `del pred` before the backward), llm-foundry and HF Trainer run it: at the start of the backward the saved fp32 log-softmax, the fp32 gradient nll_loss_backward returns and the fp32 gradient of log_softmax_backward',
    },
    compiled: {
      value: 4,
      source: 'the same loss under torch.compile (torchtitan components/loss.py compiles it when training.compile is set): Inductor fuses the upcast, log-softmax and its backward, so the bf16 logits it saves and their bf16 gradient are what is live',
    },
  },
  /** Bytes per frozen base weight of a LoRA/QLoRA fine-tune, by how it is stored (model/shape.ts BaseWeights). */
  baseWeightBytes: {
    bf16: { value: 2, source: 'a 16-bit base (transformers torch_dtype bfloat16/float16; Fabric bf16-true/16-true): 2 B per weight, frozen, so no gradient or optimizer state (Hu et al. 2021, arXiv 2106.09685 §4.2)' },
    fp32: { value: 4, source: 'Lightning Fabric bf16-mixed/16-mixed keeps every parameter in fp32 and casts per op under autocast: 4 B per frozen weight' },
    int8: { value: 1, source: 'bitsandbytes LLM.int8 (Dettmers et al. 2022, arXiv 2208.07339; transformers load_in_8bit): 1 B per weight; the fp32 scale per row (4/d_in B per weight) neglected' },
    nf4: { value: (4 + 32 / 64) / 8, source: 'QLoRA (Dettmers et al. 2023, arXiv 2305.14314) §3: 4-bit NormalFloat weights in blocks of 64, one fp32 absmax per block: 4 + 32/64 = 4.5 bits per weight' },
    'nf4-dq': { value: (4 + 8 / 64 + 32 / (64 * 256)) / 8, source: 'QLoRA §3 Double Quantization: the absmax constants quantized to 8 bits in blocks of 256 with one fp32 constant each, 8/64 + 32/(64·256) = 0.127 bits per weight: 4.127 bits' },
  } satisfies Record<BaseWeights, Sourced<number>>,
  /** Bytes per adapter parameter for its weight, gradient and AdamW moments, by the dtype the trainer keeps it in. */
  adapterState: {
    fp32: {
      value: { weights: 4, gradients: 4, optimizer: 8 },
      source: 'PEFT keeps LoRA weights in fp32 over a bf16/fp16 base (get_peft_model autocast_adapter_dtype=True, peft ≥ 0.12; prepare_model_for_kbit_training upcasts for QLoRA), and torch.optim.AdamW keeps exp_avg and exp_avg_sq in the parameter dtype: 4 + 4 + 2·4 B, the fp32 weight being its own master copy',
    },
    bf16: {
      value: { weights: 2, gradients: 2, optimizer: 4 },
      source: 'Lightning Fabric bf16-true/16-true: LitGPT creates the LoRA matrices in the model dtype (litgpt/finetune/lora.py fabric.init_module @ 01fe959c) and AdamW keeps its moments in that dtype: 2 + 2 + 2·2 B',
    },
  } satisfies Record<Adapter['adapterState'], Sourced<{ weights: number; gradients: number; optimizer: number }>>,
  /** CUDA context, cuBLAS workspaces and NCCL buffers: memory a process holds before any tensor. */
  runtimeGiB: { value: 1.5, source: 'assumed: CUDA context ≈ 0.5 GiB on H100 (PyTorch memory notes), cuBLAS workspaces and NCCL channel buffers ≈ 1 GiB at 8-64 ranks; not measured' },
  /** The caching allocator's fragmentation, as a share of the activations. */
  allocatorOverhead: { value: 0.05, source: 'theoretical_memory_usage.py compute_activation_memory_without_sp: "buffer for optimizer and miscellaneous temporaries (5% overhead)"' },
  /** Adam's step streams, per local parameter: fp32 master, m, v read and written (24), fp32 gradient read (4), bf16 weight written (2). */
  optimizerBytesPerParam: { value: 30, source: 'derived from the Adam update (torch.optim.AdamW fused / apex FusedAdam): every state read once and written once' },
  /**
   * Chunks Transformer Engine's pipelined GEMM + reduce-scatter overlap splits the projection's
   * and the second MLP GEMM's forward into (the reduce-scatter of the last chunk waits for it).
   */
  tensorParallelOverlapSplits: {
    value: 4,
    source:
      "Transformer Engine userbuffers' default overlap methods (transformer_engine/pytorch/module/base.py initialize_ub @ fecb10bd): ring exchange for qkv_fprop, fc1_fprop, proj_dgrad, fc2_dgrad (all-gathers); bulk for qkv_dgrad, fc1_dgrad (reduce-scatters under the wgrad GEMMs); pipeline with num_splits 4 for proj_fprop, fc2_fprop (reduce-scatters)",
  },
  /** A collective's fixed cost (launch, ring setup, the first hop), µs. */
  collectiveLatencyUs: { value: 15, source: 'assumed from nccl-tests all_reduce_perf small-message times on NVLink (10-30 µs); not measured here' },
} as const;
