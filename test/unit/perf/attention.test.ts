import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { chooseAttentionKernel, FAST_BACKWARD_MAX_HEAD_DIM, fusedAttentionEfficiency, paddedHeadDim } from '../../../server/src/core/perf/attention';
import { BACKWARD_LARGE_HEAD_DIM } from '../../../server/src/core/perf/calibration';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { predictGemmShape } from '../../../server/src/core/perf';

const gpu = (id: string) => findGpu(id)!;
const A100 = gpu('a100-sxm4-40gb');
const H100 = gpu('h100-sxm');

suite('fused attention: which kernel runs', () => {
  test('PyTorch SDPA: FlashAttention-2 on Ampere and newer; on V100 the memory-efficient kernel in fp16, the math path in bf16', () => {
    assert.equal(chooseAttentionKernel('sdpa', A100, 80, 'bf16').kernel, 'flash2');
    assert.equal(chooseAttentionKernel('sdpa', H100, 128, 'bf16').kernel, 'flash2');
    assert.equal(chooseAttentionKernel('sdpa', gpu('v100-sxm2'), 64, 'bf16').kernel, 'unfused');
    assert.match(chooseAttentionKernel('sdpa', gpu('v100-sxm2'), 64, 'fp16').why, /memory-efficient/);
    // sm89: no FlashAttention backward above 192, so SDPA falls back to its memory-efficient kernel.
    assert.match(chooseAttentionKernel('sdpa', gpu('l40s'), 256, 'bf16').why, /no flash backward for head dim 256/);
    assert.doesNotMatch(chooseAttentionKernel('sdpa', A100, 256, 'bf16').why, /no flash backward/);
  });

  test("Transformer Engine: cuDNN fused attention on Hopper, FlashAttention-2 on Ampere; cuDNN's d ≤ 128 backward on Ampere", () => {
    assert.equal(chooseAttentionKernel('transformer-engine', H100, 128, 'bf16').kernel, 'cudnn');
    assert.equal(chooseAttentionKernel('transformer-engine', A100, 128, 'bf16').kernel, 'flash2');
    assert.equal(chooseAttentionKernel('cudnn', A100, 128, 'bf16').kernel, 'cudnn');
    assert.equal(chooseAttentionKernel('cudnn', A100, 256, 'bf16').kernel, 'flash2');
    assert.equal(chooseAttentionKernel('cudnn', H100, 256, 'bf16').kernel, 'cudnn');
    assert.equal(chooseAttentionKernel('unfused', H100, 128, 'bf16').kernel, 'unfused');
    assert.equal(chooseAttentionKernel('flash', gpu('v100-sxm2'), 64, 'fp16').kernel, 'unfused');
  });
});

suite('fused attention: how fast', () => {
  test('each kernel runs its template head dim: FlashAttention-2 runs d = 80 as 96', () => {
    assert.deepEqual([paddedHeadDim('flash2', 80), paddedHeadDim('flash2', 128), paddedHeadDim('flash3', 80), paddedHeadDim('flash3', 160), paddedHeadDim('cudnn', 80)], [96, 128, 96, 192, 80]);
    // d = 80 pays for 96: 20 heads of 128 do the same score work at a higher rate per useful FLOP.
    const at = (d: number, heads: number) => predictGemmShape({ name: 'flash_attention', label: '', m: 2048, n: 2048, k: d, batch: 4 * heads, matmuls: 2, kernel: 'flash2' }, A100, { dtype: 'bf16' });
    assert.ok(at(128, 20).tflops > 1.25 * at(80, 32).tflops, `${at(128, 20).tflops} vs ${at(80, 32).tflops}`);
  });

  test('the backward above head dim 128 runs at about half its d = 128 rate; below, near it', () => {
    for (const kernel of ['flash2', 'flash3', 'cudnn'] as const) {
      const ratio = fusedAttentionEfficiency(kernel, H100, 256, 8192, true) / fusedAttentionEfficiency(kernel, H100, 128, 8192, true);
      assert.ok(Math.abs(ratio - BACKWARD_LARGE_HEAD_DIM.value) < 0.01, `${kernel} ${ratio}`);
      assert.ok(fusedAttentionEfficiency(kernel, H100, 256, 8192, false) > 0.85 * fusedAttentionEfficiency(kernel, H100, 128, 8192, false), kernel);
    }
    assert.equal(FAST_BACKWARD_MAX_HEAD_DIM, 128);
  });

  test('efficiency ramps with the sequence length', () => {
    const efficiency = (s: number) => fusedAttentionEfficiency('flash3', H100, 128, s, false);
    assert.ok(efficiency(512) < efficiency(2048) && efficiency(2048) < efficiency(16384));
    assert.ok(efficiency(16384) / efficiency(512) > 1.15 && efficiency(16384) / efficiency(512) < 1.3);
  });

  test("the FlashAttention-3 paper's H100 bars are reproduced (in-sample: they set the constants)", () => {
    const predicted = (kernel: 'flash2' | 'flash3' | 'cudnn', d: number, matmuls: number) =>
      predictGemmShape({ name: 'flash_attention', label: '', m: 16384, n: 16384, k: d, batch: 2048 / d, matmuls, kernel }, H100, { dtype: 'bf16' }).tflops;
    for (const [kernel, d, matmuls, published] of [['flash3', 128, 2, 648], ['cudnn', 128, 2, 595], ['flash2', 128, 2, 370], ['flash3', 128, 5, 561], ['cudnn', 64, 5, 433]] as const) {
      const value = predicted(kernel, d, matmuls);
      assert.ok(Math.abs(value / published - 1) < 0.06, `${kernel} d=${d} ${matmuls === 2 ? 'forward' : 'backward'}: ${value.toFixed(0)} vs ${published}`);
    }
  });
});
