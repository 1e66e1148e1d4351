import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import type { LayerSpec } from '../../../server/src/core/perf';
import { COLLECTIVE_BUS_FRACTION, TRAINING_COMPUTE_EFFICIENCY } from '../../../server/src/core/perf/calibration';
import { predictLayer } from '../../../server/src/core/perf/index';
import { activationsKept, layerActivations, modelFlopsPerToken, predictRun, type RunLaunch } from '../../../server/src/core/perf/run';
import { RUN_CONSTANTS } from '../../../server/src/core/perf/run/constants';
import { adapterParams } from '../../../server/src/core/perf/run/memory';
import type { Adapter } from '../../../server/src/core/model/shape';
import { runLaunchWith } from './run-launch';

const H100 = findGpu('h100-sxm')!;

/** Llama-2-7B (meta-llama/Llama-2-7b-hf config.json): h 4096, 32 heads, MHA, SwiGLU 11008, 32 layers, vocab 32000, untied. */
const LLAMA2_7B_MODEL = { hiddenSize: 4096, numHeads: 32, numKvHeads: 32, headDim: 128, ffnHiddenSize: 11008, gatedMlp: true, vocabSize: 32000, numLayers: 32 };
/** At s = 512 (the LitGPT finetune configs' max_seq_length), one sequence, FlashAttention, no dropout. */
const LLAMA2_7B: LayerSpec = { ...LLAMA2_7B_MODEL, seqLength: 512, microBatchSize: 1, tensorParallel: 1, numExperts: 1, expertsPerToken: 1, flashAttention: true, dropout: false };

const ALL_LINEAR: Adapter['targets'] = ['query', 'key', 'value', 'projection', 'mlpGate', 'mlpUp', 'mlpDown'];
/** The QLoRA paper's setting (Dettmers et al. 2023 §4: r 64 on every linear layer, NF4 with double quantization), as PEFT trains it. */
const QLORA: Adapter = { kind: 'qlora', baseWeights: 'nf4-dq', rank: 64, targets: ALL_LINEAR, adapterState: 'fp32', dropout: false, note: 'test' };

const launch = (overrides: Partial<RunLaunch> = {}): RunLaunch => runLaunchWith({ globalBatch: 4, untiedEmbeddings: true, interNodeGbps: 400, ...overrides });

// By hand, per Llama-2-7B layer: the linear weights 4h² (q, k, v, o) + 3hF (gate, up, down).
const h = 4096;
const F = 11008;
const linearPerLayer = 4 * h * h + 3 * h * F;
// shapelint's parameter count adds the biases a Megatron layer has (QKV 3h, projection h, MLP 2F + h) and 4h of norms.
const biases = 3 * h + h + 2 * F + h;
const frozenLinear = 32 * (linearPerLayer + biases);
const frozenOther = 32 * 4 * h + 2 * 32000 * h;
// r·(d_in + d_out): q, k, v, o take h → h; gate, up h → F; down F → h.
const adapterPerLayer = 64 * (4 * (h + h) + 3 * (h + F));

suite('LoRA adapter parameters: r·(d_in + d_out) per wrapped linear', () => {
  test('Llama-2-7B, r 64 on every linear layer: 159,907,840, what PEFT prints as trainable for QLoRA\'s setting', () => {
    assert.equal(adapterPerLayer * 32, 159_907_840);
    assert.deepEqual(adapterParams(LLAMA2_7B, QLORA), { perLayer: adapterPerLayer, head: 0 });
  });
  test('Llama-2-7B, PEFT\'s default r 8 on q_proj and v_proj: 4,194,304', () => {
    const { perLayer } = adapterParams(LLAMA2_7B, { ...QLORA, rank: 8, targets: ['query', 'value'] });
    assert.equal(perLayer * 32, 4_194_304);
  });
  test('GQA narrows k and v; a non-gated MLP has no gate; the head adds r·(h + V)', () => {
    const gqa = { ...LLAMA2_7B, numKvHeads: 8, gatedMlp: false };
    assert.deepEqual(adapterParams(gqa, { ...QLORA, rank: 1, targets: ['key', 'mlpGate', 'mlpUp', 'head'] }), { perLayer: h + 8 * 128 + (h + F), head: h + 32000 });
  });
});

suite('QLoRA memory per GPU on Llama-2-7B, r 64 on every linear, one GPU (hand-worked)', () => {
  const run = predictRun(LLAMA2_7B, launch({ adapter: QLORA }), H100);
  const trained = 32 * adapterPerLayer;
  test('NF4 with double quantization is 4.127 bits per weight (QLoRA §3: 8/64 + 32/(64·256) = 0.127 bits of constants); without, 4.5', () => {
    assert.ok(Math.abs(RUN_CONSTANTS.baseWeightBytes['nf4-dq'].value * 8 - 4.127) < 1e-3);
    assert.equal(RUN_CONSTANTS.baseWeightBytes.nf4.value * 8, 4.5);
  });
  test('weights: the frozen linears in NF4-DQ, embeddings and norms in bf16, the adapters in fp32', () => {
    const expected = frozenLinear * ((4 + 8 / 64 + 32 / (64 * 256)) / 8) + frozenOther * 2 + trained * 4;
    assert.ok(Math.abs(run.memory.terms.weights!.value - expected) < 1, `${run.memory.terms.weights!.value} vs ${expected}`);
    assert.match(run.memory.terms.weights!.formula, /frozen 6\.477B linear weights × 0\.5159 B \(nf4-dq\)/);
  });
  test('gradients and AdamW states only for the adapters: 4 B and 2 × 4 B each', () => {
    assert.equal(run.memory.terms.gradients!.value, trained * 4);
    assert.equal(run.memory.terms.optimizerStates!.value, trained * 8);
  });
  test('the same adapter over a bf16 base: 2 B per frozen weight; an int8 base 1 B', () => {
    const lora = predictRun(LLAMA2_7B, launch({ adapter: { ...QLORA, kind: 'lora', baseWeights: 'bf16' } }), H100);
    assert.equal(lora.memory.terms.weights!.value, (frozenLinear + frozenOther) * 2 + trained * 4);
    const int8 = predictRun(LLAMA2_7B, launch({ adapter: { ...QLORA, kind: 'lora', baseWeights: 'int8' } }), H100);
    assert.equal(int8.memory.terms.weights!.value, frozenLinear + frozenOther * 2 + trained * 4);
  });
  test('a full fine-tune of the same model counts 18 B for every weight: LoRA is not that', () => {
    const full = predictRun(LLAMA2_7B, launch(), H100);
    assert.equal(full.memory.terms.optimizerStates!.value, (frozenLinear + frozenOther) * 12);
    assert.ok(run.memory.peakBytesPerGpu < full.memory.peakBytesPerGpu / 10);
  });
  test('FSDP over 8 GPUs shards the frozen weights and the adapter state, and gathers two layers of frozen NF4 weights', () => {
    const sharded = predictRun(LLAMA2_7B, launch({ adapter: QLORA, gpus: 8, globalBatch: 8, sharding: 'fsdp', overlapGradReduce: true }), H100);
    assert.equal(sharded.memory.terms.gradients!.value, (trained * 4) / 8);
    assert.equal(sharded.memory.terms.gatheredWeights!.value, 2 * (linearPerLayer + biases) * RUN_CONSTANTS.baseWeightBytes['nf4-dq'].value);
  });
});

suite('LoRA activations: the full model\'s plus each adapter\'s x·A and dropped-out input', () => {
  const s = 512;
  const layer = (adapter?: Adapter): number => activationsKept(layerActivations(LLAMA2_7B, { contextParallel: 1, sequenceParallel: false, adapter }), 'none');
  test('without lora_dropout: 7 targets × s·b·r × 2 B', () => assert.equal(layer(QLORA) - layer(), 7 * s * 64 * 2));
  test('with lora_dropout: + s·b·d_in × (2 B copy + 1 B mask) per target, d_in h for six, F for down', () =>
    assert.equal(layer({ ...QLORA, dropout: true }) - layer(), 7 * s * 64 * 2 + s * 3 * (6 * h + F)));
  test('full recomputation keeps only the layer input, adapters or not', () =>
    assert.equal(activationsKept(layerActivations(LLAMA2_7B, { contextParallel: 1, sequenceParallel: false, adapter: QLORA }), 'full'), 2 * s * h));
});

suite('LoRA time: no weight gradients for the frozen base', () => {
  const s = 512;
  test('model FLOPs per token: 3 × forward less one forward of the frozen linears and the logits', () => {
    // Forward per token: 2 FLOPs per linear weight, 2·2·s·h for QKᵀ and PV over the full s × s, 2·V·h for the logits.
    const linear = 2 * linearPerLayer;
    const attention = 4 * s * h;
    const logits = 2 * 32000 * h;
    const full = 3 * (32 * (linear + attention) + logits);
    assert.equal(modelFlopsPerToken(LLAMA2_7B), full);
    assert.equal(modelFlopsPerToken(LLAMA2_7B, true), full - 32 * linear - logits);
  });
  test('compute drops by the frozen linears\' wgrad GEMMs; the optimizer steps only the adapters', () => {
    const full = predictRun(LLAMA2_7B, launch(), H100);
    const lora = predictRun(LLAMA2_7B, launch({ adapter: QLORA }), H100);
    // Every .wgrad GEMM but the attention core's (whose 'weights' are K and V), from the layer model, 32 layers and the logits, 4 micro-batches.
    const training = predictLayer({ ...LLAMA2_7B, recompute: 'none' }, H100, { dtype: 'bf16', backward: true });
    const wgradUs = (name: string): number => training.gemms.filter((gemm) => gemm.label === `${name}.wgrad`).reduce((sum, gemm) => sum + gemm.timeUs, 0);
    const frozenUs = 32 * ['qkv', 'attention_projection', 'mlp_gate', 'mlp_up', 'mlp_down'].reduce((sum, name) => sum + wgradUs(name), 0) + wgradUs('logits');
    const savedSeconds = (4 * frozenUs) / TRAINING_COMPUTE_EFFICIENCY.value / 1e6;
    assert.ok(Math.abs(full.time.compute!.value - lora.time.compute!.value - savedSeconds) < 1e-9);
    // About a third of the compute: the wgrad GEMMs are a third of the linear work, which is most of a 512-token layer.
    assert.ok(savedSeconds / full.time.compute!.value > 0.25 && savedSeconds / full.time.compute!.value < 0.4);
    const expected = (32 * adapterPerLayer * RUN_CONSTANTS.optimizerBytesPerParam.value) / (H100.memoryBandwidthGBs * 1e3 * H100.bandwidthFraction) / 1e6;
    assert.ok(Math.abs(lora.time.optimizer!.value - expected) < 1e-12);
    assert.match(lora.flopsConvention, /LoRA: 3 × the forward matmul FLOPs less one forward of the frozen linears/);
  });
  test('DDP over 8 GPUs all-reduces only the adapters\' fp32 gradients', () => {
    const lora = predictRun(LLAMA2_7B, launch({ adapter: QLORA, gpus: 8, globalBatch: 8 }), H100);
    const busBytesPerUs = H100.intraNode.bandwidthGBs * 1e3 * COLLECTIVE_BUS_FRACTION[H100.intraNode.kind].value;
    const expectedUs = RUN_CONSTANTS.collectiveLatencyUs.value + (2 * 7 * 32 * adapterPerLayer * 4) / 8 / busBytesPerUs;
    assert.ok(Math.abs(lora.time.dataParallel!.value * 1e6 - expectedUs) < 1e-6, `${lora.time.dataParallel!.value * 1e6} vs ${expectedUs}`);
  });
});

suite('LitGPT QLoRA through Fabric\'s BitsandbytesPrecision: the last micro-batch\'s 4-bit linear inputs still held (bitsandbytes < 0.43.2) and a 4-bit head dequantized per call (hand-worked)', () => {
  /** LitGPT's qlora.yaml: quantize bnb.nf4 under precision bf16-true, so Fabric keeps the adapters in bf16 (formats/litgpt.ts). */
  const LITGPT_QLORA: Adapter = { ...QLORA, baseWeights: 'nf4', adapterState: 'bf16' };
  const s = 512;
  // Per layer, 2 B each: the QKV input (h), the projection's (a·d = h), the MLP's (h, one tensor for gate and up), down's (F).
  const perLayer = 2 * s * (h + h + h + F);
  // Plus the quantized head's input, the final norm's output.
  const held = 32 * perLayer + 2 * s * h;
  test('32 layers × 2 B × s·(3h + F) + 2 B × s·h = 767,557,632 B, where the run was measured with such a bitsandbytes', () => {
    assert.equal(held, 767_557_632);
    const terms = predictRun(LLAMA2_7B, launch({ adapter: LITGPT_QLORA, heldQuantizedInputs: true }), H100).memory.terms;
    assert.equal(terms.heldQuantizedInputs!.value, held);
    assert.match(terms.heldQuantizedInputs!.source, /MatMul4Bit\.forward keeps its input in ctx\.tensors/);
  });
  test('a prediction for today\'s bitsandbytes (no reader sets the condition) holds none', () => {
    assert.equal(predictRun(LLAMA2_7B, launch({ adapter: LITGPT_QLORA }), H100).memory.terms.heldQuantizedInputs, undefined);
  });
  test('the allocator allowance covers it as activation memory', () => {
    const terms = predictRun(LLAMA2_7B, launch({ adapter: LITGPT_QLORA, heldQuantizedInputs: true }), H100).memory.terms;
    const transient = terms.activations!.value + terms.lossLogits!.value + held;
    assert.ok(Math.abs(terms.allocator!.value - transient * RUN_CONSTANTS.allocatorOverhead.value) < 1e-6);
  });
  test('Fabric quantizes lm_head too: 32000 × 4096 head weights at 4.5 bits, and 4 B each (fp16 dequantized + bf16 copy) while its matmul runs', () => {
    const run = predictRun(LLAMA2_7B, launch({ adapter: LITGPT_QLORA }), H100);
    const head = 32000 * h;
    const nf4 = (4 + 32 / 64) / 8;
    const expected = (frozenLinear + head) * nf4 + (frozenOther - head) * 2 + 32 * adapterPerLayer * 2;
    assert.ok(Math.abs(run.memory.terms.weights!.value - expected) < 1, `${run.memory.terms.weights!.value} vs ${expected}`);
    assert.match(run.memory.terms.weights!.formula, /and 0\.131B output head weights \(Fabric quantizes lm_head too\) × 0\.5625 B \(nf4\)/);
    assert.equal(run.memory.terms.dequantizedHead!.value, 4 * head);
  });
  test('none under PEFT (fp32 adapters: the HF Trainer drops its graph each step) nor over a 16-bit base', () => {
    const peft = predictRun(LLAMA2_7B, launch({ adapter: QLORA, heldQuantizedInputs: true }), H100).memory.terms;
    assert.equal(peft.heldQuantizedInputs, undefined);
    assert.equal(peft.dequantizedHead, undefined);
    assert.equal(predictRun(LLAMA2_7B, launch({ adapter: { ...LITGPT_QLORA, kind: 'lora', baseWeights: 'bf16' }, heldQuantizedInputs: true }), H100).memory.terms.heldQuantizedInputs, undefined);
  });
});
