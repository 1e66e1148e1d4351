import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { applyFixes } from '../../../server/src/core/features/fixes';
import { check } from '../../../server/src/core/pipeline/check';
import { byRule } from './shape-builder';

// A GPT-NeoX 350M-like layer (h=1024, a=16, 24 layers) at sequence 512, one sequence per micro-batch.
const SMALL_BATCH = '"hidden-size": 1024\n"num-attention-heads": 16\n"num-layers": 24\n"seq-length": 512\n"train_micro_batch_size_per_gpu": 1\n"make_vocab_size_divisible_by": 128\n';

suite('micro-batch', () => {
  test('suggests the size past which doubling gains under 10%, and the activation memory it costs', () => {
    const [finding, ...rest] = byRule(check(SMALL_BATCH, 'neox.yml', { format: 'neox' }).findings, 'micro-batch');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.span, { offset: SMALL_BATCH.indexOf('": 1\n"make') + 3, length: 1 });
    // Korthikanti et al. 2022 eq. 1 (no flash attention): s·b·h·(34 + 5·a·s/h) per layer
    // = 512·1·1024·(34 + 40) B × 24 layers = 0.87 GiB at b = 1, and eight times that at 8.
    assert.match(finding.message, /at 8 \(doubling again gains under 10%\), but activations grow from 0\.9 to 6\.9 GiB per GPU/);
    assert.deepEqual(finding.fixes.map((fix) => [fix.safe, fix.edits.map((edit) => edit.newText)]), [[false, ['8']]]);
  });

  test('is quiet after its own fix: it never asks to double again', () => {
    const [finding] = byRule(check(SMALL_BATCH, 'neox.yml', { format: 'neox' }).findings, 'micro-batch');
    const fixed = applyFixes(SMALL_BATCH, [finding.fixes[0]]);
    assert.match(fixed, /"train_micro_batch_size_per_gpu": 8\n/);
    assert.deepEqual(byRule(check(fixed, 'neox.yml', { format: 'neox' }).findings, 'micro-batch'), []);
  });
});
