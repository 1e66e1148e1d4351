import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { type GpuSpec } from '../../../server/src/core/model/hardware';
import { predictLayer, type LayerSpec } from '../../../server/src/core/perf';
import { COLLECTIVE_BUS_FRACTION, TRAINING_COMPUTE_EFFICIENCY } from '../../../server/src/core/perf/calibration';
import { activationsKept, GIB, layerActivations, LaunchError, modelFlopsPerToken, predictRun, type RunLaunch } from '../../../server/src/core/perf/run';
import { RUN_CONSTANTS } from '../../../server/src/core/perf/run/constants';
import { comparableMemoryBytes } from '../../../server/src/core/perf/run/measured';
import { runLaunchWith } from './run-launch';

const gpu = (id: string): GpuSpec => {
  const found = findGpu(id);
  assert.ok(found, id);
  return found;
};
const A100 = gpu('a100-sxm4-80gb');
const H100 = gpu('h100-sxm');

/** GPT-3 175B (Brown et al. 2020; Korthikanti et al. 2022 §5): h 12288, a 96, L 96, s 2048, V 51200, dropout as trained. */
const GPT3_175B: LayerSpec = {
  hiddenSize: 12288,
  numHeads: 96,
  numKvHeads: 96,
  headDim: 128,
  ffnHiddenSize: 4 * 12288,
  gatedMlp: false,
  vocabSize: 51200,
  numLayers: 96,
  seqLength: 2048,
  microBatchSize: 1,
  tensorParallel: 8,
  numExperts: 1,
  expertsPerToken: 1,
  flashAttention: false,
  dropout: true,
};

const launch = (overrides: Partial<RunLaunch> = {}): RunLaunch => runLaunchWith({ gpus: 1024, pipelineParallel: 8, globalBatch: 1536, ...overrides });

const close = (actual: number, expected: number, relative: number, what: string): void =>
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${what}: ${actual} vs ${expected} (${((actual / expected - 1) * 100).toFixed(3)}%)`);

suite('activations per layer: Korthikanti et al. 2022 Table 2 on GPT-3 175B', () => {
  const { seqLength: s, microBatchSize: b, hiddenSize: h, numHeads: a } = GPT3_175B;
  const sbh = s * b * h;
  const kept = (t: number, sequenceParallel: boolean, recompute: RunLaunch['recompute']): number =>
    activationsKept(layerActivations({ ...GPT3_175B, tensorParallel: t }, { contextParallel: 1, sequenceParallel }), recompute);

  test('no parallelism: sbh(34 + 5as/h)', () => close(kept(1, false, 'none'), sbh * (34 + (5 * a * s) / h), 1e-12, 'no parallelism'));
  test('tensor parallel: sbh(10 + 24/t + 5as/(ht))', () => close(kept(8, false, 'none'), sbh * (10 + 24 / 8 + (5 * a * s) / (h * 8)), 1e-12, 'TP'));
  test('tensor + sequence parallel: sbh(34/t + 5as/(ht))', () => close(kept(8, true, 'none'), sbh * (34 / 8 + (5 * a * s) / (h * 8)), 1e-12, 'TP + SP'));
  test('tensor parallel + selective recompute: sbh(10 + 24/t)', () => close(kept(8, false, 'selective'), sbh * (10 + 24 / 8), 1e-12, 'TP + selective'));
  test('tensor + sequence parallel + selective recompute: sbh·34/t', () => close(kept(8, true, 'selective'), (sbh * 34) / 8, 1e-12, 'TP + SP + selective'));
  test('full recompute: 2sbh (the layer input), 2sbh/t with sequence parallelism', () => {
    close(kept(8, false, 'full'), 2 * sbh, 1e-12, 'full');
    close(kept(8, true, 'full'), (2 * sbh) / 8, 1e-12, 'full + SP');
  });
  test('selective recomputation saves 70% of the activations on GPT-3 (Korthikanti §5)', () => {
    const saved = 1 - kept(8, true, 'selective') / kept(8, true, 'none');
    assert.ok(Math.abs(saved - 0.7) < 0.01, `saved ${saved}`);
  });
  test('a fused attention kernel keeps no s² term; without dropout the masks go', () => {
    const fused = layerActivations({ ...GPT3_175B, tensorParallel: 1, flashAttention: true }, { contextParallel: 1, sequenceParallel: false });
    assert.equal(fused.attentionCore, 4 * a * s * b, 'only the fp32 softmax statistics');
    const noDropout = layerActivations({ ...GPT3_175B, tensorParallel: 1, dropout: false }, { contextParallel: 1, sequenceParallel: false });
    assert.equal(noDropout.stored, sbh * 32, '34 − the two masks');
    assert.equal(noDropout.attentionCore, 2 * a * s * s * b, 'softmax output only');
  });
  test('context parallelism holds s/c queries: the per-layer terms halve at CP 2', () => {
    const one = layerActivations({ ...GPT3_175B, tensorParallel: 8 }, { contextParallel: 1, sequenceParallel: true });
    const two = layerActivations({ ...GPT3_175B, tensorParallel: 8 }, { contextParallel: 2, sequenceParallel: true });
    close(two.stored, one.stored / 2, 1e-12, 'stored');
    close(two.attentionCore, one.attentionCore / 2, 1e-12, 'core');
  });
});

suite('memory per GPU: Megatron-LM theoretical_memory_usage.py on GPT-3 175B (TP 8, PP 8, DP 16)', () => {
  // The script's formulas (megatron/training/theoretical_memory_usage.py), written out for this layout.
  const { hiddenSize: h, numLayers: L, vocabSize: V, seqLength: s, microBatchSize: b } = GPT3_175B;
  const t = 8;
  const p = 8;
  const dp = 16;
  const layerParams = 2 * h * (4 * h + 2) + 2 * h * h * 2; // MLP + layer norms, attention (no GQA)
  const block = layerParams * L + 2 * h; // + final layer norm
  const mostLoadedShard = (block / p + V * h) / t;

  test('weights + gradients + optimizer: 18 bytes per parameter, 6 + 12/DP with the distributed optimizer', () => {
    for (const [sharding, bytesPerParam] of [
      ['none', 18],
      ['distributed-optimizer', 6 + 12 / dp],
    ] as const) {
      const { terms } = predictRun(GPT3_175B, launch({ sharding }), A100).memory;
      const modelState = terms.weights!.value + terms.gradients!.value + terms.optimizerStates!.value;
      // Biases, which the script leaves out, are 9h per layer: 0.02% of the shard.
      close(modelState, mostLoadedShard * bytesPerParam, 3e-4, sharding);
    }
  });

  test('activations with SP and selective recompute: sbh(18 + 4F/h)·L + p(8sb + sbh), over t, on the first stage', () => {
    const run = predictRun(GPT3_175B, launch({ sequenceParallel: true, recompute: 'selective' }), A100);
    const expected = (s * b * h * (18 + 4 * 4) * L + 8 * s * b * p + s * b * h * p) / t;
    const { activations, embeddingActivations } = run.memory.terms;
    close(activations!.value + embeddingActivations!.value, expected, 1e-12, 'activations');
    assert.equal(run.memory.peakStage, 'first');
  });

  test('interleaving multiplies the first stage by 1 + (p−1)/(p·v)', () => {
    const plain = predictRun(GPT3_175B, launch({ sequenceParallel: true, recompute: 'selective' }), A100).memory.terms.activations!.value;
    const interleaved = predictRun(GPT3_175B, launch({ sequenceParallel: true, recompute: 'selective', virtualStages: 3 }), A100).memory.terms.activations!.value;
    close(interleaved, plain * (1 + (p - 1) / (p * 3)), 1e-12, 'interleaved');
  });

  test('fewer micro-batches than stages: the first stage holds m of them', () => {
    const few = predictRun(GPT3_175B, launch({ globalBatch: 16 * 4, sequenceParallel: true, recompute: 'selective' }), A100);
    const many = predictRun(GPT3_175B, launch({ sequenceParallel: true, recompute: 'selective' }), A100);
    close(few.memory.terms.activations!.value, (many.memory.terms.activations!.value * 4) / 8, 1e-12, 'm = 4 of p = 8');
  });

  test('ZeRO stages shard the optimizer (1), the gradients (2) and the weights (3): 4 + 12/N, 2 + 14/N, 16/N bytes per parameter', () => {
    const single: LayerSpec = { ...GPT3_175B, tensorParallel: 1, numLayers: 8 };
    const n = 64;
    const base = { gpus: n, pipelineParallel: 1, globalBatch: n, recompute: 'full' as const };
    const perParam = (sharding: RunLaunch['sharding']): number => {
      const { terms } = predictRun(single, launch({ ...base, sharding }), A100).memory;
      return terms.weights!.value + terms.gradients!.value + terms.optimizerStates!.value;
    };
    const params = perParam('none') / 18;
    close(perParam('zero-1'), params * (4 + 12 / n), 1e-12, 'ZeRO-1');
    close(perParam('zero-2'), params * (2 + 14 / n), 1e-12, 'ZeRO-2');
    close(perParam('zero-3'), params * (16 / n), 1e-12, 'ZeRO-3');
    close(perParam('fsdp'), params * (16 / n), 1e-12, 'FSDP');
  });

  test('MoE expert weights split over EP × expert TP', () => {
    const moe: LayerSpec = { ...GPT3_175B, numLayers: 8, tensorParallel: 2, numExperts: 8, expertsPerToken: 2, ffnHiddenSize: 4096, hiddenSize: 4096, numHeads: 32, numKvHeads: 32 };
    const weights = (ep: number): number => predictRun(moe, launch({ gpus: 16, pipelineParallel: 1, globalBatch: 16, expertParallel: ep }), A100).memory.terms.weights!.value;
    const expertLayer = 8 * (2 * 4096 * 4096 + 4096 + 4096) * 2; // 8 experts' MLP weights, bf16, per layer
    close(weights(1) - weights(4), ((8 * expertLayer) / 2) * (1 - 1 / 4), 1e-12, 'experts over EP 4');
  });

  test('the loss holds fp32 logits on the last stage: 4·s·b·v/t under Megatron', () => {
    const run = predictRun(GPT3_175B, launch({ pipelineParallel: 1, gpus: 128 }), A100);
    close(run.memory.terms.lossLogits!.value, (4 * s * b * V) / t + 4 * s * b * h, 1e-12, 'logits');
  });

  test('the CUDA context and allocator are named terms', () => {
    const { terms } = predictRun(GPT3_175B, launch(), A100).memory;
    assert.equal(terms.runtime!.value, RUN_CONSTANTS.runtimeGiB.value * GIB);
    close(terms.allocator!.value, (terms.activations!.value + (terms.lossLogits?.value ?? 0)) * RUN_CONSTANTS.allocatorOverhead.value, 1e-12, 'allocator');
  });
});

/** Llama 3.1 8B (Meta's params.json): h 4096, 32 query heads, 8 KV heads, gated MLP 14336, V 128256, as torchtitan trains it (SDPA, s 8192, b 2). */
const LLAMA31_8B: LayerSpec = {
  hiddenSize: 4096,
  numHeads: 32,
  numKvHeads: 8,
  headDim: 128,
  ffnHiddenSize: 14336,
  gatedMlp: true,
  vocabSize: 128256,
  numLayers: 32,
  seqLength: 8192,
  microBatchSize: 2,
  tensorParallel: 1,
  numExperts: 1,
  expertsPerToken: 1,
  flashAttention: true,
  dropout: false,
};

suite("torchtitan's per-op selective checkpointing and PyTorch's loss (Llama 3.1 8B)", () => {
  const tokens = 8192 * 2;
  const fsdp = (overrides: Partial<RunLaunch> = {}): RunLaunch =>
    launch({ gpus: 8, pipelineParallel: 1, globalBatch: 16, sharding: 'fsdp', recompute: 'selective', selectivePolicy: 'torchtitan-op', untiedEmbeddings: true, ...overrides });

  test('keeps the input, the 1st/3rd/5th/7th matmul outputs (q, v, gate, down) and the SDPA output with its fp32 log-sum-exp: 63,616 B per token', () => {
    const layer = layerActivations(LLAMA31_8B, { contextParallel: 1, sequenceParallel: false });
    // input 2h + q 2·4096 + v 2·1024 + gate 2·14336 + down 2h + SDPA out 2·4096 + lse 4·32
    const perToken = 2 * 4096 + 2 * 4096 + 2 * 1024 + 2 * 14336 + 2 * 4096 + 2 * 4096 + 4 * 32;
    assert.equal(perToken, 63616);
    assert.equal(activationsKept(layer, 'selective', 'torchtitan-op'), perToken * tokens);
    // Megatron's selective keeps far more of a gated layer: with fused attention it drops only the kernel's fp32 statistics.
    assert.equal(activationsKept(layer, 'none') - activationsKept(layer, 'selective'), 4 * 32 * tokens);
    assert.ok(activationsKept(layer, 'selective', 'torchtitan-op') < 0.5 * activationsKept(layer, 'selective'));
  });

  test('under TP 8 with SP: the row-parallel outputs stay whole (partial sums), the reduce-scatter outputs are kept at s/t', () => {
    const layer = layerActivations({ ...LLAMA31_8B, tensorParallel: 8 }, { contextParallel: 1, sequenceParallel: true });
    const perToken = (2 * 4096) / 8 + (2 * 4096) / 8 + (2 * 1024) / 8 + (2 * 14336) / 8 + 2 * 4096 + (2 * 4096 + 4 * 32) / 8 + (2 * 2 * 4096) / 8;
    assert.equal(layer.opPolicyKept, perToken * tokens);
  });

  test('the uncompiled PyTorch loss peaks at 12 B per logit (three fp32 copies at the start of the backward); compiled, 4', () => {
    const eager = predictRun(LLAMA31_8B, fsdp(), H100).memory.terms.lossLogits!;
    assert.equal(eager.value, 12 * tokens * 128256 + 4 * tokens * 4096);
    const compiled = predictRun(LLAMA31_8B, fsdp({ compiledLoss: true }), H100).memory.terms.lossLogits!;
    assert.equal(compiled.value, 4 * tokens * 128256 + 4 * tokens * 4096);
  });

  test('the layer full recomputation rebuilds counts only beyond the loss it follows', () => {
    const long: LayerSpec = { ...LLAMA31_8B, seqLength: 32768, microBatchSize: 1 };
    const { terms } = predictRun(long, fsdp({ recompute: 'full', globalBatch: 8 }), H100).memory;
    assert.equal(terms.recomputeWorkingLayer!.value, 0);
    assert.match(terms.recomputeWorkingLayer!.formula, /after the loss's logits are freed/);
    // With a small vocabulary the rebuilt layer outgrows the loss, and what exceeds it counts.
    const smallVocab = predictRun({ ...long, vocabSize: 1024 }, fsdp({ recompute: 'full', globalBatch: 8 }), H100).memory.terms;
    const layer = layerActivations({ ...long, vocabSize: 1024 }, { contextParallel: 1, sequenceParallel: false });
    assert.equal(smallVocab.recomputeWorkingLayer!.value, layer.stored + layer.attentionCore - layer.input - smallVocab.lossLogits!.value);
  });

  test('a torch allocator count is compared with the peak less the runtime term; a device reading with all of it', () => {
    const { memory } = predictRun(LLAMA31_8B, fsdp(), H100);
    assert.equal(comparableMemoryBytes(memory, 'torch-max-reserved'), memory.peakBytesPerGpu - RUN_CONSTANTS.runtimeGiB.value * GIB);
    assert.equal(comparableMemoryBytes(memory, 'torch-max-allocated'), memory.peakBytesPerGpu - RUN_CONSTANTS.runtimeGiB.value * GIB);
    assert.equal(comparableMemoryBytes(memory, 'device'), memory.peakBytesPerGpu);
  });
});

suite('step time by part', () => {
  test('pipeline bubble: (p−1)/(m·v) of the steady-state time (Narayanan et al. 2021 §2.2)', () => {
    for (const v of [1, 2]) {
      const run = predictRun(GPT3_175B, launch({ virtualStages: v, globalBatch: 16 * 96 }), A100);
      const { pipelineBubble, pipelineP2p, ...rest } = run.time;
      const steady = Object.entries(rest)
        .filter(([name]) => ['compute', 'recompute', 'tensorParallel', 'contextParallel', 'expertParallel'].includes(name))
        .reduce((total, [, term]) => total + term!.value, 0) + pipelineP2p!.value;
      close(pipelineBubble!.value / steady, 7 / (96 * v), 1e-9, `v = ${v}`);
    }
  });

  test('tensor parallel: four ring all-reduces of s·b·h·2 bytes per layer on NVLink, six with full recompute', () => {
    const spec = { ...GPT3_175B, numLayers: 8 };
    const bytes = 2048 * 12288 * 2;
    const busBytesPerUs = 450e3 * COLLECTIVE_BUS_FRACTION.nvlink.value;
    const allReduceUs = RUN_CONSTANTS.collectiveLatencyUs.value + (2 * 7 * bytes) / 8 / busBytesPerUs;
    for (const [recompute, count] of [
      ['none', 4],
      ['full', 6],
    ] as const) {
      const run = predictRun(spec, launch({ gpus: 8, pipelineParallel: 1, globalBatch: 2, recompute }), H100);
      close(run.time.tensorParallel!.value, (2 * 8 * count * allReduceUs) / 1e6, 1e-9, recompute);
    }
  });

  test('tensor parallel under Transformer Engine overlap: 1/16 of the SP traffic shows (2/24 with full recompute), and at least what the linear GEMMs cannot cover', () => {
    const spec = { ...GPT3_175B, numLayers: 8 };
    const node = { gpus: 8, pipelineParallel: 1, globalBatch: 2, sequenceParallel: true };
    for (const [recompute, share] of [
      ['none', 1 / 16],
      ['full', 2 / 24],
    ] as const) {
      const exposed = predictRun(spec, launch({ ...node, recompute }), H100).time.tensorParallel!;
      const overlapped = predictRun(spec, launch({ ...node, recompute, tpCommOverlap: true }), H100).time.tensorParallel!;
      close(overlapped.value, exposed.value * share, 1e-9, recompute);
      assert.match(overlapped.formula, /overlapped with the GEMMs/);
      assert.match(overlapped.source, /Transformer Engine userbuffers/);
    }
    // Megatron-LM refuses --tp-comm-overlap without sequence parallelism: nothing is hidden, and the formula says why.
    const noSp = predictRun(spec, launch({ ...node, sequenceParallel: false, tpCommOverlap: true }), H100).time.tensorParallel!;
    close(noSp.value, predictRun(spec, launch({ ...node, sequenceParallel: false }), H100).time.tensorParallel!.value, 1e-12, 'no SP');
    assert.match(noSp.formula, /not overlapped \(the overlap needs sequence parallelism\)/);
    // TP across nodes of one GPU at 10 Gb/s: the traffic outgrows the GEMMs, which hide their own time of it and no more.
    const slow = { ...node, gpusPerNode: 1, interNodeGbps: 10 };
    const exposed = predictRun(spec, launch(slow), H100).time.tensorParallel!.value;
    const overlapped = predictRun(spec, launch({ ...slow, tpCommOverlap: true }), H100).time.tensorParallel!.value;
    const layer = predictLayer({ ...spec, recompute: 'none' }, H100, { dtype: 'bf16', backward: true });
    const linearUs = layer.gemms.filter((gemm) => !['attention_score', 'attention_over_value', 'flash_attention', 'logits'].includes(gemm.name)).reduce((sum, gemm) => sum + gemm.timeUs, 0);
    const m = 2;
    close(overlapped, exposed - (m * 8 * linearUs) / TRAINING_COMPUTE_EFFICIENCY.value / 1e6, 1e-9, 'comm − GEMMs');
  });

  test('data parallel: a ring all-reduce of fp32 gradients over the node NICs when DP crosses nodes, not overlapped by default', () => {
    const spec = { ...GPT3_175B, numLayers: 8, tensorParallel: 8 };
    const run = predictRun(spec, launch({ gpus: 64, pipelineParallel: 1, globalBatch: 8 }), H100);
    const params = run.memory.terms.weights!.value / 2;
    const busBytesPerUs = (200 / 8) * 1e3 * COLLECTIVE_BUS_FRACTION.network.value; // one DP member per node: one 200 Gb/s NIC
    close(run.time.dataParallel!.value, (RUN_CONSTANTS.collectiveLatencyUs.value + (2 * 7 * params * 4) / 8 / busBytesPerUs) / 1e6, 1e-9, 'DP');
    const overlapped = predictRun(spec, launch({ gpus: 64, pipelineParallel: 1, globalBatch: 8, overlapGradReduce: true }), H100);
    assert.ok(overlapped.time.dataParallel!.value < run.time.dataParallel!.value, '--overlap-grad-reduce hides part of it');
  });

  test('the optimizer step streams 30 bytes per local parameter at the sustained HBM bandwidth', () => {
    const run = predictRun(GPT3_175B, launch({ sharding: 'distributed-optimizer' }), H100);
    const local = run.memory.terms.optimizerStates!.value / 12;
    close(run.time.optimizer!.value, (local * 30) / (3350e9 * 0.85), 1e-9, 'optimizer');
  });

  test('recomputation adds forward time: full repeats the layers, selective only the attention core', () => {
    const spec = { ...GPT3_175B, numLayers: 8 };
    const base = { gpus: 8, pipelineParallel: 1, globalBatch: 1 };
    const none = predictRun(spec, launch(base), A100);
    const selective = predictRun(spec, launch({ ...base, recompute: 'selective' }), A100);
    const full = predictRun(spec, launch({ ...base, recompute: 'full' }), A100);
    assert.equal(none.time.recompute, undefined);
    const compute = none.time.compute!.value;
    assert.ok(full.time.recompute!.value > 0.25 * compute && full.time.recompute!.value < 0.4 * compute, 'a forward is about a third of forward + backward');
    assert.ok(selective.time.recompute!.value < 0.1 * compute, 'Korthikanti Table 4: selective costs a few percent');
  });

  test('model FLOPs per token on GPT-3: Narayanan Eq. 3 without its recompute term, 72lh²(1 + s/(6h)) + 6hV', () => {
    const { hiddenSize: h, numLayers: l, seqLength: s, vocabSize: V } = GPT3_175B;
    close(modelFlopsPerToken(GPT3_175B), 72 * l * h * h * (1 + s / (6 * h)) + 6 * h * V, 1e-12, 'FLOPs');
  });

  test('compute time is the layer model divided by the calibrated training efficiency', () => {
    assert.ok(TRAINING_COMPUTE_EFFICIENCY.value > 0.5 && TRAINING_COMPUTE_EFFICIENCY.value <= 1);
    const run = predictRun(GPT3_175B, launch(), A100);
    assert.ok(run.mfu > 0.3 && run.mfu < 0.6, `GPT-3 175B on A100 MFU ${run.mfu}`);
    close(run.tokensPerSecondPerGpu, (1536 * 2048) / run.stepSeconds / 1024, 1e-12, 'tokens/s per GPU');
  });
});

suite('whether it fits', () => {
  const llama: LayerSpec = { ...GPT3_175B, hiddenSize: 8192, numHeads: 64, numKvHeads: 8, ffnHiddenSize: 28672, gatedMlp: true, vocabSize: 32000, numLayers: 80, seqLength: 4096, tensorParallel: 1, dropout: false, flashAttention: true };
  test('Llama-2-70B with no model parallelism on 8 H100s does not fit in 80 GB', () => {
    const run = predictRun(llama, launch({ gpus: 8, pipelineParallel: 1, globalBatch: 8 }), H100);
    assert.equal(run.memory.fits, false);
    assert.ok(run.memory.peakBytesPerGpu > 10 * run.memory.capacityBytes, 'weights alone are 140 GB, state 1.26 TB');
  });
  test('a 7B model with TP 2, the distributed optimizer and selective recompute fits', () => {
    const seven: LayerSpec = { ...llama, hiddenSize: 4096, numHeads: 32, numKvHeads: 32, ffnHiddenSize: 11008, numLayers: 32, tensorParallel: 2 };
    const run = predictRun(seven, launch({ gpus: 8, pipelineParallel: 1, globalBatch: 32, sharding: 'distributed-optimizer', recompute: 'selective', sequenceParallel: true }), H100);
    assert.equal(run.memory.fits, true, `${run.memory.peakBytesPerGpu / GIB} GiB`);
  });
  test('a launch that does not divide says why', () => {
    assert.throws(() => predictRun(GPT3_175B, launch({ gpus: 100 }), A100), LaunchError);
    assert.throws(() => predictRun(GPT3_175B, launch({ globalBatch: 1000 }), A100), /not a multiple of micro-batch/);
    assert.throws(() => predictRun(GPT3_175B, launch({ pipelineParallel: 7, gpus: 56 * 2 }), A100), /layers do not split/);
  });
});
