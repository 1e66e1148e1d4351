import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { codeLens } from '../../../server/src/core/features/code-lens';
import { predictLayer } from '../../../server/src/core/perf';
import { formatTflops } from '../../../server/src/core/features/presentation';
import { RUN_VALIDATION_ERROR, VALIDATION_ERROR } from '../../../server/src/core/perf/validation-error';
import { GPT3_2_7B, resultFor } from './check-result';

suite('code lens', () => {
  test('the run (tokens/s per GPU, MFU with its band, memory against capacity), then the layer TFLOP/s and its share of the GPU peak', () => {
    const result = resultFor(GPT3_2_7B, { check: { gpu: 'a100' } });
    const lens = codeLens(result);
    assert.ok(lens && result.spec);
    const prediction = predictLayer(result.spec, result.options.gpu, { dtype: 'bf16', backward: false });
    assert.ok(result.run);
    // GPT-3 2.7B at the paper's micro-batch 4 with unfused attention on one node of 8, no recomputation: it does not fit.
    assert.equal(result.run.memory.fits, false);
    const band = Math.round(RUN_VALIDATION_ERROR['a100-sxm4-80gb'].medianAbsError * 100);
    const run = `≈ ${Math.round(result.run.tokensPerSecondPerGpu).toLocaleString('en-US')} tokens/s/GPU · MFU ${Math.round(result.run.mfu * 100)}% ±${band}% · ${Math.round(result.run.memory.peakBytesPerGpu / 2 ** 30)} of 80 GiB: does not fit`;
    assert.equal(lens.title, `${run} · Layer: ≈ ${formatTflops(prediction.layer.tflops)} TFLOP/s unvalidated (${Math.round(prediction.fractionOfPeak * 100)}% of peak) on ${result.options.gpu.name}, bf16`);
    assert.match(lens.tooltip, /accuracy not validated on NVIDIA A100 SXM4 80GB/);
  });

  test('a layer number is not validated at the layer level: the title says so, the tooltip gives its GEMMs\' band and the assumptions', () => {
    const lens = codeLens(resultFor(GPT3_2_7B, { check: { gpu: 'h100' } }));
    const typical = Math.round(VALIDATION_ERROR['h100-sxm'].byDtype.bf16!.medianAbsError * 100);
    assert.ok(lens);
    const runTypical = Math.round(RUN_VALIDATION_ERROR['h100-sxm'].medianAbsError * 100);
    assert.match(lens.title, new RegExp(`^≈ [\\d,]+ tokens/s/GPU · MFU \\d+% ±${runTypical}% · [\\d.]+ of 80 GiB(: does not fit)? · Layer: ≈ [\\d.]+ TFLOP/s unvalidated \\(\\d+% of peak\\) on NVIDIA H100`));
    assert.match(lens.tooltip, new RegExp(`the layer: not validated at this level; its GEMMs: ±${typical}% typical on NVIDIA H100 SXM5 80GB in bf16 \\(median error on ${VALIDATION_ERROR['h100-sxm'].byDtype.bf16!.points} validation GEMMs\\)`));
    assert.match(lens.tooltip, /Assumes attention unfused attention \(unfused attention, as the paper measured; the unfused attention\); recompute none \(setting\)/);
  });

  test('none when the shape is too unknown to predict', () => {
    assert.equal(codeLens(resultFor('num_layers: 32\n')), null);
  });
});
