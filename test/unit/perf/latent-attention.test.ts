import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { modelParams, type LayerSpec } from '../../../server/src/core/perf';
import { gemmFlops } from '../../../server/src/core/perf/gemm';
import { backwardGemms, layerGemms, layerParams } from '../../../server/src/core/perf/layer';
import { runLayout } from '../../../server/src/core/perf/run';
import { layerActivations, stageParams } from '../../../server/src/core/perf/run/memory';
import { readFixture } from '../formats/fixture';
import { DEEPSEEK_V3 } from './deepseek-v3';
import { runLaunchWith } from './run-launch';

/** The layer spec a checked fixture predicts from (shapelint's default launch). */
function specOf(fixture: string): LayerSpec {
  const { text } = readFixture(fixture);
  const spec = check(text, 'config.json').spec;
  assert.ok(spec);
  return spec;
}

/** Every parameter with an untied output layer (both DeepSeek models untie it: tie_word_embeddings false). */
const totalParams = (spec: LayerSpec): number => modelParams(spec) + spec.vocabSize * spec.hiddenSize;

/**
 * Parameters a token runs through: all but the routed experts it is not sent to, and but the input
 * embedding, a lookup rather than a matmul (the convention under which both DeepSeek figures below
 * come out; counting the embedding too gives 37.6B and 2.66B).
 */
function activatedParams(spec: LayerSpec): number {
  const moeLayers = spec.numLayers - (spec.denseLayers ?? 0);
  return totalParams(spec) - spec.vocabSize * spec.hiddenSize - moeLayers * (spec.numExperts - spec.expertsPerToken) * layerParams(spec).mlpPerExpert;
}

const V3_LATENT = DEEPSEEK_V3.latentAttention!;

/** DeepSeek-V3 at s 4096, b 1 over TP `t`. */
const v3Layer = (tensorParallel: number, flashAttention = true): LayerSpec => ({ ...DEEPSEEK_V3, tensorParallel, flashAttention });

const shapeOf = (gemms: ReturnType<typeof layerGemms>, name: string): number[] | undefined => {
  const found = gemms.find((gemm) => gemm.name === name);
  return found && [found.m, found.n, found.k, found.batch];
};

suite('multi-latent attention in the layer model', () => {
  test('DeepSeek-V3 config.json: 671B parameters, 37B activated per token (arXiv 2412.19437 §1)', () => {
    const spec = specOf('hf/deepseek-v3.json');
    assert.deepEqual(spec.latentAttention, V3_LATENT);
    // Published to 3 and 2 figures: within their rounding. The MTP module (14B more in the Hub checkpoint) is not counted, nor in 671B.
    assert.ok(Math.abs(totalParams(spec) - 671e9) < 0.5e9, `${totalParams(spec)}`);
    assert.ok(Math.abs(activatedParams(spec) - 37e9) < 0.5e9, `${activatedParams(spec)}`);
  });

  test('DeepSeek-V2-Lite config.json: 15.7B parameters, 2.4B activated per token (arXiv 2405.04434 Appendix B)', () => {
    const spec = specOf('hf/deepseek-v2-lite.json');
    assert.deepEqual(spec.latentAttention, { ...V3_LATENT, qLoraRank: 0 });
    assert.ok(Math.abs(totalParams(spec) - 15.7e9) < 0.05e9, `${totalParams(spec)}`);
    // 2.45B counted: 2.2% over the two-figure 2.4B, just past its rounding (2.35–2.45B).
    assert.ok(Math.abs(activatedParams(spec) - 2.4e9) / 2.4e9 < 0.025, `${activatedParams(spec)}`);
  });

  test('the projections per GPU under TP 8: the down-projections whole, the up-projections and the output split by heads', () => {
    const gemms = layerGemms(v3Layer(8));
    assert.deepEqual(gemms.slice(0, 6).map((gemm) => gemm.name), ['mla_q_down', 'mla_q_up', 'mla_kv_down', 'mla_kv_up', 'flash_attention', 'attention_projection']);
    assert.deepEqual(shapeOf(gemms, 'mla_q_down'), [4096, 1536, 7168, 1]);
    assert.deepEqual(shapeOf(gemms, 'mla_q_up'), [4096, 16 * 192, 1536, 1]);
    assert.deepEqual(shapeOf(gemms, 'mla_kv_down'), [4096, 512 + 64, 7168, 1]);
    assert.deepEqual(shapeOf(gemms, 'mla_kv_up'), [4096, 16 * (128 + 128), 512, 1]);
    assert.deepEqual(shapeOf(gemms, 'attention_projection'), [4096, 7168, 16 * 128, 1]);
    assert.equal(gemms.some((gemm) => gemm.name === 'qkv'), false);
  });

  test('without a query latent the query is one projection from h', () => {
    const gemms = layerGemms({ ...v3Layer(1), latentAttention: { ...V3_LATENT, qLoraRank: 0 } });
    assert.deepEqual(gemms.slice(0, 3).map((gemm) => gemm.name), ['mla_q', 'mla_kv_down', 'mla_kv_up']);
    assert.deepEqual(shapeOf(gemms, 'mla_q'), [4096, 128 * 192, 7168, 1]);
  });

  test('fused attention scores over 192 and weighs values of 128: FLOPs forward and backward', () => {
    const flash = layerGemms(v3Layer(1)).find((gemm) => gemm.name === 'flash_attention');
    assert.ok(flash);
    assert.deepEqual([flash.m, flash.n, flash.k, flash.valueDim, flash.batch], [4096, 4096, 192, 128, 128]);
    const perHead = 2 * 4096 * 4096 * 128;
    assert.equal(gemmFlops(flash), perHead * (192 + 128));
    // Backward: QKᵀ again, dQ and dK over 192; dP and dV over 128.
    const [backward] = backwardGemms(flash);
    assert.equal(gemmFlops(backward), perHead * (3 * 192 + 2 * 128));
  });

  test('unfused attention: the score GEMM over 192, attention over value 128 wide', () => {
    const gemms = layerGemms(v3Layer(1, false));
    assert.deepEqual(shapeOf(gemms, 'attention_score'), [4096, 4096, 192, 128]);
    assert.deepEqual(shapeOf(gemms, 'attention_over_value'), [4096, 128, 4096, 128]);
  });

  test('weights per GPU under TP 8: the down-projections and latent norms are not split', () => {
    const spec = v3Layer(8);
    const parts = layerParams(spec);
    // q_a (7168·1536 + norm 1536) and kv_a (7168·576 + norm 512).
    assert.equal(parts.latentDown, 7168 * 1536 + 1536 + 7168 * 576 + 512);
    // q_b, kv_b, o: 1536·128·192 + 512·128·256 + 128·128·7168, no biases.
    assert.equal(parts.attention, 1536 * 128 * 192 + 512 * 128 * 256 + 128 * 128 * 7168);
    const split = runLaunchWith({ gpus: 8, globalBatch: 1 });
    const whole = runLaunchWith({ gpus: 1, globalBatch: 1 });
    const params = stageParams(spec, split, runLayout(split, 1, 8, 61), 0);
    const unsplit = stageParams({ ...spec, tensorParallel: 1 }, whole, runLayout(whole, 1, 1, 61), 0);
    // Splitting over 8 keeps 1/8 of everything but the norms, the routers and the latent down-projections of the 61 layers.
    const replicated = 61 * parts.latentDown + params.replicated;
    assert.ok(Math.abs(params.dense - (replicated + (unsplit.dense - replicated) / 8)) < 1, `${params.dense}`);
  });

  test('activations keep query, key, value and output at their own widths and the two latents', () => {
    const spec = v3Layer(1);
    const standard: LayerSpec = { ...spec, latentAttention: undefined };
    const sb = 4096;
    const launch = { contextParallel: 1, sequenceParallel: false };
    // Standard attention of head dim 192 keeps q, k, v and the output at 128·192; MLA's v and output are 128·128, plus the latents 1536 + 512.
    const expected = 2 * sb * (1536 + 512) - 2 * sb * 2 * 128 * (192 - 128);
    assert.equal(layerActivations(spec, launch).stored - layerActivations(standard, launch).stored, expected);
  });
});
