import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { applyFixes } from '../../../server/src/core/rules/fixes';
import { check } from '../../../server/src/core/check';
import { byRule } from './shape-builder';

// A GPT-NeoX 350M-like layer (h=1024, a=16, 24 layers) at sequence 512, one sequence per micro-batch.
const SMALL_BATCH = '"hidden-size": 1024\n"num-attention-heads": 16\n"num-layers": 24\n"seq-length": 512\n"train_micro_batch_size_per_gpu": 1\n"make_vocab_size_divisible_by": 128\n';

suite('micro-batch', () => {
  test('suggests the size past which doubling gains under 10%, and the run memory per GPU before and after', () => {
    const [finding, ...rest] = byRule(check(SMALL_BATCH, 'neox.yml', { format: 'neox' }).findings, 'micro-batch');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.span, { offset: SMALL_BATCH.indexOf('": 1\n"make') + 3, length: 1 });
    // The run model on one node of 8 H100s: 302M parameters × 18 B = 5.1 GiB of model state, the
    // 1.5 GiB runtime, and activations (Korthikanti et al. 2022, no dropout: s·b·h·(32 + 2·a·s/h)
    // per layer = 0.77 GiB over 24 layers at b = 1) eight times over at 8.
    assert.match(finding.message, /at 8 \(doubling again gains under 10%, or would not fit\), and the run still fits: 7\.2 → 11 of 80 GiB per GPU/);
    assert.deepEqual(finding.fixes.map((fix) => [fix.safe, fix.edits.map((edit) => edit.newText)]), [[false, ['8']]]);
  });

  test('never suggests a size that does not fit: three times the layers on a 24 GB L4 stop at 2', () => {
    const deep = SMALL_BATCH.replace('"num-layers": 24', '"num-layers": 72');
    const [finding] = byRule(check(deep, 'neox.yml', { format: 'neox', gpu: 'l4' }).findings, 'micro-batch');
    assert.deepEqual(finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText)), [['2']]);
    assert.match(finding.message, /18 → 20 of 24 GiB per GPU/);
  });

  test('is quiet after its own fix: it never asks to double again', () => {
    const [finding] = byRule(check(SMALL_BATCH, 'neox.yml', { format: 'neox' }).findings, 'micro-batch');
    const fixed = applyFixes(SMALL_BATCH, [finding.fixes[0]]);
    assert.match(fixed, /"train_micro_batch_size_per_gpu": 8\n/);
    assert.deepEqual(byRule(check(fixed, 'neox.yml', { format: 'neox' }).findings, 'micro-batch'), []);
  });
});
