import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { describeEstimate, formatCount, formatSpeedup } from '../../../server/src/core/rules/fix-titles';

suite('numbers', () => {
  test('speed-ups read as changes, one decimal under 10%', () => {
    assert.equal(formatSpeedup(1.18), '+18%');
    assert.equal(formatSpeedup(1.046), '+4.6%');
    assert.equal(formatSpeedup(0.917), '−8.3%');
  });

  test('parameter counts', () => {
    assert.equal(formatCount(2_651_000_000), '2.65B');
    assert.equal(formatCount(124_400_000), '124.4M');
    assert.equal(formatCount(50_304), '50.3K');
  });

  test('estimates say what the speed-up is of, and the parameter change', () => {
    assert.equal(describeEstimate({ speedup: 1.18, scope: 'layer', paramsDelta: 0 }), '+18% layer throughput');
    assert.equal(describeEstimate({ speedup: 1.46, scope: 'layer', paramsDelta: -2_400_000 }), '+46% layer throughput, −2.4M params');
    assert.equal(describeEstimate({ speedup: 1.012, scope: 'model', paramsDelta: 120_320 }), '+1.2% model throughput, +120.3K params');
  });
});
