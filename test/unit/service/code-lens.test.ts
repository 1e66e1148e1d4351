import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { codeLens } from '../../../server/src/core/features/code-lens';
import { predictLayer } from '../../../server/src/core/perf';
import { formatTflops } from '../../../server/src/core/features/presentation';
import { VALIDATION_ERROR } from '../../../server/src/core/perf/validation-error';
import { GPT3_2_7B, resultFor } from './check-result';

suite('code lens', () => {
  test('the layer TFLOP/s of the model and its share of the GPU peak', () => {
    const result = resultFor(GPT3_2_7B, { check: { gpu: 'a100' } });
    const lens = codeLens(result);
    assert.ok(lens && result.spec);
    const prediction = predictLayer(result.spec, result.options.gpu, { dtype: 'bf16', backward: false });
    assert.equal(lens.title, `Layer: ≈ ${formatTflops(prediction.layer.tflops)} TFLOP/s unvalidated (${Math.round(prediction.fractionOfPeak * 100)}% of peak) on ${result.options.gpu.name}, bf16`);
    assert.match(lens.tooltip, /accuracy not validated on NVIDIA A100 SXM4 80GB/);
  });

  test('a layer number is not validated at the layer level: the title says so, the tooltip gives its GEMMs\' band and the assumptions', () => {
    const lens = codeLens(resultFor(GPT3_2_7B, { check: { gpu: 'h100' } }));
    const typical = Math.round(VALIDATION_ERROR['h100-sxm'].byDtype.bf16!.medianAbsError * 100);
    assert.ok(lens);
    assert.match(lens.title, /^Layer: ≈ [\d.]+ TFLOP\/s unvalidated \(\d+% of peak\) on NVIDIA H100/);
    assert.match(lens.tooltip, new RegExp(`the layer: not validated at this level; its GEMMs: ±${typical}% typical on NVIDIA H100 SXM5 80GB in bf16 \\(median error on ${VALIDATION_ERROR['h100-sxm'].byDtype.bf16!.points} validation GEMMs\\)`));
    assert.match(lens.tooltip, /Assumes attention unfused attention \(unfused attention, as the paper measured; the unfused attention\); recompute none \(setting\)/);
  });

  test('none when the shape is too unknown to predict', () => {
    assert.equal(codeLens(resultFor('num_layers: 32\n')), null);
  });
});
