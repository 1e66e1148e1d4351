import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { predictLayer, type LayerSpec } from '../../../server/src/core/perf';
import { byRule, lint, spanOf } from '../rules/shape-builder';

// Llama-2-7B's layer (Touvron et al. 2023): h=4096, 32 heads of 128, SwiGLU 11008, s=4096.
const LLAMA_2_7B: LayerSpec = {
  hiddenSize: 4096,
  numHeads: 32,
  numKvHeads: 32,
  headDim: 128,
  ffnHiddenSize: 11008,
  gatedMlp: true,
  vocabSize: 32000,
  numLayers: 32,
  seqLength: 4096,
  microBatchSize: 1,
  tensorParallel: 1,
  numExperts: 1,
  expertsPerToken: 1,
  flashAttention: false,
};
const H100 = findGpu('h100-sxm')!;

suite('FP8: linear layers in FP8, attention and element-wise work in BF16 (Transformer Engine default)', () => {
  const bf16 = predictLayer(LLAMA_2_7B, H100, { dtype: 'bf16', backward: false });
  const fp8 = predictLayer(LLAMA_2_7B, H100, { dtype: 'fp8', backward: false });
  const byName = (prediction: typeof bf16, name: string) => prediction.gemms.find((gemm) => gemm.name === name)!;

  test('the attention BMMs are predicted exactly as in BF16', () => {
    for (const name of ['attention_score', 'attention_over_value']) assert.equal(byName(fp8, name).timeUs, byName(bf16, name).timeUs, name);
    assert.deepEqual(
      fp8.elementwise.map((work) => work.timeUs),
      bf16.elementwise.map((work) => work.timeUs),
    );
  });

  test('the linear GEMMs are faster in FP8', () => {
    for (const name of ['qkv', 'attention_projection', 'mlp_up', 'mlp_gate', 'mlp_down', 'logits']) {
      assert.ok(byName(fp8, name).timeUs < byName(bf16, name).timeUs, name);
    }
  });
});

suite('FP8 alignment in the rules: 128 elements for linear layers, 64 for the BF16 attention', () => {
  // 10944 = 64·171: aligned for BF16 (Bekman's SwiGLU search on H100), half-aligned in FP8.
  const text = 'hidden_size: 4096\nnum_attention_heads: 64\nffn_hidden_size: 10944\nactivation: swiglu\n';

  test('BF16: neither the MLP nor the head dim of 64 is flagged', () => {
    const findings = lint(text, { check: { gpu: 'h100-sxm', dtype: 'bf16' } });
    assert.deepEqual([...byRule(findings, 'ffn-size'), ...byRule(findings, 'head-dim')], []);
  });

  test('FP8: the MLP is flagged against 128, the BF16 head dim of 64 is not', () => {
    const findings = lint(text, { check: { gpu: 'h100-sxm', dtype: 'fp8' } });
    const [ffn] = byRule(findings, 'ffn-size');
    assert.deepEqual(ffn.span, spanOf(text, '10944'));
    assert.match(ffn.message, /not a multiple of 128/);
    assert.ok(ffn.fixes.every((fix) => Number(fix.edits[0].newText) % 128 === 0));
    assert.deepEqual(byRule(findings, 'head-dim'), []);
  });

  test('FP8 on a GPU without an FP8 path (A100) runs at 16 bits: alignment stays 64', () => {
    assert.deepEqual(byRule(lint(text, { check: { gpu: 'a100', dtype: 'fp8' } }), 'ffn-size'), []);
  });
});
