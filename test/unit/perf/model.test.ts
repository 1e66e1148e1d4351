import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { type GpuSpec } from '../../../server/src/core/model/hardware';
import { compareSpecs, gemmFlops, predictGemmShape, predictLayer, type GemmShape, type LayerSpec } from '../../../server/src/core/perf';
import { GEMM_FIXED_COST_US } from '../../../server/src/core/perf/calibration';
import { FIGURE_1, FIGURE_1_SPEEDUP, FIGURE_7, SWIGLU_H100, gpt3Layer } from '../../fixtures/perf/published';

const gpu = (id: string): GpuSpec => {
  const found = findGpu(id);
  assert.ok(found, id);
  return found;
};
const A100 = gpu('a100-sxm4-40gb');
const H100 = gpu('h100-sxm');
const gemm = (m: number, n: number, k: number, batch = 1): GemmShape => ({ name: 'mlp_up', label: 'mlp_up', m, n, k, batch });
const tflops = (shape: GemmShape, on: GpuSpec, dtype: 'bf16' | 'fp16' = 'fp16') => predictGemmShape(shape, on, { dtype }).tflops;
const layer = (spec: LayerSpec, on = A100) => predictLayer(spec, on, { dtype: 'fp16', backward: false });

suite('paper Figure 1: 2.7B variants on A100 (h=2560)', () => {
  test('single-layer throughput keeps the published order C1 < C2 < GPT-3 2.7B < 20 heads', () => {
    const predicted = FIGURE_1.map((point) => layer(point.spec).layer.tflops);
    for (let i = 1; i < predicted.length; i++) assert.ok(predicted[i] > predicted[i - 1], `${FIGURE_1[i].id} ${predicted[i]} > ${FIGURE_1[i - 1].id} ${predicted[i - 1]}`);
  });

  test('20 heads vs 32 heads is a speed-up within a band around the published 1.18×', () => {
    const estimate = compareSpecs(gpt3Layer(32), gpt3Layer(20), A100, { dtype: 'fp16', backward: false });
    assert.ok(Math.abs(estimate.speedup - FIGURE_1_SPEEDUP) < 0.08, `speed-up ${estimate.speedup}`);
    assert.equal(estimate.paramsDelta, 0, 'same h: same parameters');
  });

  test('the ratio of each variant to GPT-3 2.7B is within 10% of the published ratio', () => {
    const reference = FIGURE_1[2];
    const predictedReference = layer(reference.spec).layer.tflops;
    for (const point of FIGURE_1) {
      const predictedRatio = layer(point.spec).layer.tflops / predictedReference;
      const publishedRatio = point.tflops / reference.tflops;
      assert.ok(Math.abs(predictedRatio / publishedRatio - 1) < 0.1, `${point.id}: ${predictedRatio} vs ${publishedRatio}`);
    }
  });
});

suite('paper Figures 7-9: more powers of two in h/a run faster', () => {
  for (const name of ['attention_score', 'attention_over_value'] as const) {
    test(`${name}: throughput rises with the largest power of two dividing h/a, up to 64`, () => {
      const series = FIGURE_7.filter((point) => point.shape.name === name).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      const byPower = series
        .map((point) => ({ power: Number(/2\^(\d+)/.exec(point.id)?.[1]), tflops: tflops(point.shape, A100) }))
        .sort((a, b) => a.power - b.power);
      assert.ok(byPower.length >= 6);
      for (let i = 1; i < byPower.length; i++) assert.ok(byPower[i].tflops >= byPower[i - 1].tflops, JSON.stringify(byPower));
      assert.ok(byPower[byPower.length - 1].tflops > 1.8 * byPower[0].tflops, 'odd h/a costs more than half');
    });
  }

  test('at a fixed h, fewer heads (larger h/a) run the attention BMMs faster (Figs 8-9)', () => {
    const at = (a: number) => layer(gpt3Layer(a)).gemms.find((g) => g.name === 'attention_score')!.tflops;
    assert.ok(at(20) > at(32) && at(32) > at(40) && at(40) > at(64));
  });
});

suite('vocabulary padding (paper Figure 20)', () => {
  test('the logit GEMM runs faster per FLOP at v=50304 than at v=50257', () => {
    assert.ok(tflops(gemm(8192, 50304, 2560), A100) > 1.5 * tflops(gemm(8192, 50257, 2560), A100));
  });

  test('padding the vocabulary alone is judged on model tokens/s and is a speed-up', () => {
    const before = { ...gpt3Layer(32), numLayers: 32, vocabSize: 50257 };
    const estimate = compareSpecs(before, { ...before, vocabSize: 50304 }, A100, { dtype: 'fp16', backward: false });
    assert.ok(estimate.speedup > 1.02, `speed-up ${estimate.speedup}`);
    assert.equal(estimate.paramsDelta, (50304 - 50257) * 2560);
  });
});

suite('SwiGLU widths on H100 (ml-engineering swiglu-maf-bench)', () => {
  const [d10922, d10944, d11008] = SWIGLU_H100.map((point) => tflops(point.shape, H100));
  test('10944 and 11008 run faster per FLOP than 8h/3 = 10922', () => {
    assert.ok(d10944 > d10922 && d11008 > d10922);
  });
  test('the 10922/10944 ratio is near the published 272.7/398.4', () => {
    const published = SWIGLU_H100[0].tflops / SWIGLU_H100[1].tflops;
    assert.ok(Math.abs(d10922 / d10944 - published) < 0.1, `${d10922 / d10944} vs ${published}`);
  });
});

suite('GEMM time model', () => {
  test('one more tile than SMs costs a whole wave (single-tile library)', () => {
    const oneTile: GpuSpec = { ...A100, tiles: [[128, 128]] };
    const full = predictGemmShape(gemm(128 * 12, 128 * 9, 4096), oneTile, { dtype: 'fp16' });
    const plusOne = predictGemmShape(gemm(128 * 12 + 128, 128 * 9, 4096), oneTile, { dtype: 'fp16' });
    assert.equal(full.waves, 1);
    assert.equal(plusOne.waves, 2);
    assert.ok(plusOne.timeUs > 1.8 * full.timeUs);
  });

  test('with the full tile menu, crossing a wave boundary still drops TFLOP/s (A100, 108 SMs)', () => {
    const fits = tflops(gemm(2304, 1536, 4096), A100); // 9 × 12 = 108 tiles of 256×128
    const spills = tflops(gemm(2304, 1664, 4096), A100); // 9 × 13 = 117 tiles
    assert.ok(spills < 0.8 * fits, `${spills} vs ${fits}`);
  });

  test('the library picks the fastest tile', () => {
    const prediction = predictGemmShape(gemm(8192, 8192, 8192), H100, { dtype: 'bf16' });
    for (const tile of H100.tiles) {
      const only = predictGemmShape(gemm(8192, 8192, 8192), { ...H100, tiles: [tile] }, { dtype: 'bf16' });
      assert.ok(prediction.timeUs <= only.timeUs + 1e-9);
    }
  });

  test('small-k GEMMs are memory-bound and speed up with k; tiny ones cost the launch', () => {
    const thin = predictGemmShape(gemm(4096, 4096, 16), A100, { dtype: 'fp16' });
    const thicker = predictGemmShape(gemm(4096, 4096, 32), A100, { dtype: 'fp16' });
    assert.equal(thin.bound, 'memory');
    assert.ok(thicker.tflops > 1.6 * thin.tflops);
    const tiny = predictGemmShape(gemm(64, 64, 64), A100, { dtype: 'fp16' });
    assert.ok(tiny.timeUs >= A100.launchOverheadUs && tiny.tflops < 1);
  });

  test('a GEMM of a few µs is mostly its fixed cost: a second batch of work costs far less than the first kernel', () => {
    const one = predictGemmShape(gemm(512, 512, 512), H100, { dtype: 'bf16' });
    const two = predictGemmShape(gemm(512, 512, 512, 2), H100, { dtype: 'bf16' });
    assert.ok(one.timeUs > GEMM_FIXED_COST_US.value && one.timeUs < 2 * GEMM_FIXED_COST_US.value, `${one.timeUs} µs`);
    assert.ok(two.timeUs < 1.3 * one.timeUs, `${two.timeUs} vs ${one.timeUs} µs`);
    assert.ok(two.tflops > 1.5 * one.tflops);
  });

  test('a large aligned GEMM reaches the achievable peak, never above it', () => {
    for (const id of ['a100-sxm4-80gb', 'h100-sxm', 'b200', 'mi300x']) {
      const on = gpu(id);
      const best = tflops(gemm(16384, 16384, 16384), on, 'bf16');
      const achievable = on.peakTflops.bf16! * on.achievableFraction;
      assert.ok(best <= achievable && best > 0.95 * achievable, `${id}: ${best} vs ${achievable}`);
    }
  });
});

suite('the framework work around the GEMMs (paper Figure 2)', () => {
  const work = (spec: LayerSpec) => Object.fromEntries(layer(spec).elementwise.map((entry) => [entry.name, entry]));

  test('without FlashAttention: softmax and dropout on the probabilities in bytes of b·a·s²; residual adds with masks in tokens·h', () => {
    const spec = gpt3Layer(32);
    const scores = 4 * 32 * 2048 * 2048;
    const kernels = work(spec);
    assert.equal(kernels.softmax.bytes, 2 * scores * 2);
    assert.equal(kernels.attention_dropout.bytes, scores * (2 * 2 + 1), 'read and write 16 bits, a one-byte mask');
    assert.equal(kernels.residual.bytes, 2 * 4 * 2048 * 2560 * (3 * 2 + 1), 'two bias-dropout-residual adds with their masks');
  });

  test('FlashAttention fuses softmax and dropout; a run without dropout (the default) has no masks', () => {
    const flash = work({ ...gpt3Layer(32), flashAttention: true });
    assert.ok(!('softmax' in flash) && !('attention_dropout' in flash));
    const { dropout: _, ...unstated } = gpt3Layer(32);
    assert.deepEqual(work(unstated), work({ ...gpt3Layer(32), dropout: false }));
    const noDropout = work({ ...gpt3Layer(32), dropout: false });
    assert.ok(!('attention_dropout' in noDropout));
    assert.equal(noDropout.residual.bytes, 2 * 4 * 2048 * 2560 * 3 * 2);
    assert.ok(layer({ ...gpt3Layer(32), dropout: false }).layer.tflops > layer(gpt3Layer(32)).layer.tflops);
  });

  test('the small layer of Figure 2 (h=2560, a=20) spends about two thirds of its time in GEMMs, as measured (68%)', () => {
    const prediction = layer(gpt3Layer(20));
    const gemmShare = prediction.gemms.filter((gemm) => gemm.name !== 'logits').reduce((total, gemm) => total + gemm.timeUs, 0) / prediction.layer.timeUs;
    assert.ok(gemmShare > 0.6 && gemmShare < 0.76, `GEMM share ${gemmShare}`);
  });

  test('with that work counted, each Figure 1 layer is within 15% of the throughput the paper measured', () => {
    for (const point of FIGURE_1) {
      const predicted = layer(point.spec).layer.tflops;
      assert.ok(Math.abs(predicted / point.tflops - 1) < 0.15, `${point.id}: ${predicted} vs ${point.tflops}`);
    }
  });
});

suite('layer → GEMMs', () => {
  const llama: LayerSpec = { ...gpt3Layer(32), hiddenSize: 4096, headDim: 128, numKvHeads: 8, ffnHiddenSize: 14336, gatedMlp: true, vocabSize: 32000, numLayers: 32 };
  const byName = (spec: LayerSpec, on = H100) => Object.fromEntries(predictLayer(spec, on, { dtype: 'bf16', backward: false }).gemms.map((g) => [g.label, g]));

  test('GQA QKV width is (a + 2k)·d and SwiGLU has gate, up and down (Mistral-7B: h=4096 a=32 kv=8 ffn=14336)', () => {
    const gemms = byName(llama);
    assert.equal(gemms.qkv.n, (32 + 2 * 8) * 128);
    assert.deepEqual([gemms.mlp_gate.n, gemms.mlp_up.n, gemms.mlp_down.k], [14336, 14336, 14336]);
    assert.equal(gemms.logits.n, 32000);
  });

  test('tensor parallelism gives per-GPU shapes', () => {
    const gemms = byName({ ...llama, tensorParallel: 4 });
    assert.equal(gemms.qkv.n, (8 + 2 * 2) * 128);
    assert.equal(gemms.attention_score.batch, 4 * 8);
    assert.equal(gemms.mlp_up.n, 14336 / 4);
    assert.equal(gemms.attention_projection.k, 8 * 128);
  });

  test('MoE: each expert sees tokens·topk/E tokens (Mixtral: 8 experts, top-2)', () => {
    const gemms = byName({ ...llama, numExperts: 8, expertsPerToken: 2 });
    assert.equal(gemms.mlp_up.m, (4 * 2048 * 2) / 8);
    assert.equal(gemms.mlp_up.batch, 8);
  });

  test('FlashAttention replaces the two BMMs and the softmax with one kernel', () => {
    const prediction = predictLayer({ ...gpt3Layer(32), flashAttention: true }, A100, { dtype: 'fp16', backward: false });
    const names = prediction.gemms.map((g) => g.name);
    assert.ok(names.includes('flash_attention') && !names.includes('attention_score') && !names.includes('attention_over_value'));
    assert.ok(!prediction.elementwise.some((work) => work.name === 'softmax'));
    const flash = prediction.gemms.find((g) => g.name === 'flash_attention')!;
    assert.equal(gemmFlops(flash), 4 * 4 * 32 * 2048 * 2048 * 80, '4·b·a·s²·d');
    assert.ok(prediction.layer.tflops > layer(gpt3Layer(32)).layer.tflops);
  });

  test('--backward adds the transposed gradient GEMMs', () => {
    const forward = predictLayer(gpt3Layer(32), A100, { dtype: 'fp16', backward: false });
    const both = predictLayer(gpt3Layer(32), A100, { dtype: 'fp16', backward: true });
    assert.equal(both.gemms.length, 3 * forward.gemms.length);
    const dgrad = both.gemms.find((g) => g.label === 'mlp_up.dgrad')!;
    const wgrad = both.gemms.find((g) => g.label === 'mlp_up.wgrad')!;
    assert.deepEqual([dgrad.m, dgrad.n, dgrad.k], [8192, 2560, 10240]);
    assert.deepEqual([wgrad.m, wgrad.n, wgrad.k], [2560, 10240, 8192]);
  });

  test('parameters follow the paper: 12h²L + 13hL + vh (GPT-3 2.7B)', () => {
    const spec = { ...gpt3Layer(32), numLayers: 32, vocabSize: 50257 };
    const h = 2560;
    assert.equal(predictLayer(spec, A100, { dtype: 'fp16', backward: false }).model.params, 12 * h * h * 32 + 13 * h * 32 + 50257 * h);
  });

  test('layer excludes the logits; the model includes them', () => {
    const spec = { ...gpt3Layer(32), numLayers: 1, vocabSize: 50304 };
    const prediction = predictLayer(spec, A100, { dtype: 'fp16', backward: false });
    const withoutVocab = predictLayer({ ...spec, vocabSize: 0 }, A100, { dtype: 'fp16', backward: false });
    assert.equal(prediction.layer.timeUs, withoutVocab.layer.timeUs);
    assert.ok(prediction.model.tokensPerSecond < withoutVocab.model.tokensPerSecond);
    assert.ok(prediction.model.flopsPerToken > withoutVocab.model.flopsPerToken);
  });

  test('a dtype the GPU lacks falls back to its 16-bit rate instead of failing (V100 has no bf16)', () => {
    const v100 = predictLayer(gpt3Layer(32), gpu('v100'), { dtype: 'bf16', backward: false });
    assert.ok(v100.layer.tflops > 0 && v100.fractionOfPeak < 1);
  });
});
