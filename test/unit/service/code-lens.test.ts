import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { codeLens } from '../../../server/src/core/features/code-lens';
import { predictLayer } from '../../../server/src/core/perf';
import { formatTflops } from '../../../server/src/core/features/presentation';
import { GPT3_2_7B, resultFor } from './check-result';

suite('code lens', () => {
  test('the layer TFLOP/s of the model and its share of the GPU peak', () => {
    const result = resultFor(GPT3_2_7B, { check: { gpu: 'a100' } });
    const lens = codeLens(result);
    assert.ok(lens && result.spec);
    const prediction = predictLayer(result.spec, result.options.gpu, { dtype: 'bf16', backward: false });
    assert.equal(lens.title, `Layer: ${formatTflops(prediction.layer.tflops)} TFLOP/s (${Math.round(prediction.fractionOfPeak * 100)}% of peak) on ${result.options.gpu.name}, bf16`);
  });

  test('none when the shape is too unknown to predict', () => {
    assert.equal(codeLens(resultFor('num_layers: 32\n')), null);
  });
});
