import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { doHover } from '../../../server/src/core/features/hover';
import { spanOf } from '../rules/shape-builder';
import { GPT3_2_7B, resultFor } from './check-result';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../server/src/core/check';

suite('hover', () => {
  const result = resultFor(GPT3_2_7B);

  test('on the micro-batch: the whole run, tokens/s and MFU with the run band, memory per GPU by term, the step by part', () => {
    const text = `${GPT3_2_7B}micro_batch_size: 2\n`;
    const hover = doHover(resultFor(text), text.lastIndexOf('2\n'))!.markdown;
    assert.match(hover, /Run on 8 GPUs: \*\*≈ [\d,]+ tokens\/s\/GPU · MFU \d+% ±\d+% · [\d.]+ of 80 GiB/);
    assert.match(hover, /Memory per GPU \(GiB\): weights [\d.]+, gradients [\d.]+, optimizerStates [\d.]+, activations [\d.]+/);
    assert.match(hover, /Step [\d.]+ s: compute \d+%.*Typical error ±\d+% \(median over \d+ validation runs\)/);
    assert.doesNotMatch(doHover(result, spanOf(GPT3_2_7B, '2560').offset)!.markdown, /tokens\/s\/GPU/, 'the hidden size hover keeps to the layer');
  });

  test('on the hidden size: purpose, derived values, the GEMMs it feeds with TFLOP/s, the layer on the GPU', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '2560').offset + 2);
    assert.ok(hover);
    assert.deepEqual(hover.span, spanOf(GPT3_2_7B, '2560'));
    assert.match(hover.markdown, /^\*\*hidden size\*\* · `hidden_size` = 2560/);
    assert.match(hover.markdown, /head dim 80/);
    assert.match(hover.markdown, /B params/);
    for (const gemm of ['qkv', 'mlp_up', 'mlp_down', 'logits']) assert.match(hover.markdown, new RegExp(`\\| ${gemm}\\b[^|]*\\| \\d+×\\d+×\\d+ \\| [\\d.]+ \\|`));
    assert.match(hover.markdown, /Layer on NVIDIA H100[^:]*: \*\*≈ [\d.]+ TFLOP\/s\*\* \(\d+% of peak\)/);
    assert.match(hover.markdown, /_the layer: not validated at this level; its GEMMs: ±\d+% typical on NVIDIA H100 SXM5 80GB in bf16 \(median error on \d+ validation GEMMs\)_/);
  });

  test("says what it assumed: an HF config silent on attn_implementation runs transformers' default SDPA", () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'gpt3-2.7b', 'config.json'), 'utf8');
    const hover = doHover(check(text, 'config.json', { gpu: 'a100-sxm4-40gb' }), text.indexOf('2560', text.indexOf('"n_embd"')))!.markdown;
    assert.match(hover, /Assumes attention PyTorch SDPA → FlashAttention-2 \(transformers' default since v4\.36 .*; this file does not set attn_implementation; PyTorch SDPA picks: FlashAttention-2\)/);
    assert.match(hover, /recompute none \(transformers TrainingArguments gradient_checkpointing=False/);
  });

  test('says which tokens the prediction is for, and when settings filled them in', () => {
    // GPT3_2_7B sets seq_length 2048 but no micro-batch: the default (4) comes from the settings.
    assert.match(doHover(result, spanOf(GPT3_2_7B, '2560').offset)!.markdown, /for micro-batch 4 × sequence 2048 \(settings fill in what the file does not say\)/);
    const complete = `${GPT3_2_7B}micro_batch_size: 8\n`;
    const hover = doHover(resultFor(complete), spanOf(complete, '2560').offset)!.markdown;
    assert.match(hover, /for micro-batch 8 × sequence 2048/);
    assert.doesNotMatch(hover, /settings fill in/);
  });

  test('on the key as on the value', () => {
    const onKey = doHover(result, spanOf(GPT3_2_7B, 'hidden_size').offset);
    assert.ok(onKey);
    assert.deepEqual(onKey.span, spanOf(GPT3_2_7B, 'hidden_size'));
  });

  test('on the vocabulary: only the logit GEMM', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '50257').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /\| logits/);
    assert.doesNotMatch(hover.markdown, /\| qkv/);
  });

  test('on a flagged field: the finding and the best alternative with its predicted speed-up', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '32').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*head-dim\*\*/);
    assert.match(hover.markdown, /Best alternative: \*\*Use (20|40) heads[^\n]*\+\d+(\.\d)?%[^\n]*\*\*/);
  });

  test('nothing off the shape fields', () => {
    assert.equal(doHover(result, GPT3_2_7B.length), null);
    assert.equal(doHover(resultFor('note: hello\n'), 2), null);
  });

  test('an unusable value is named, and nothing is predicted from it', () => {
    const text = 'hidden_size: abc\nnum_attention_heads: 32\n';
    const hover = doHover(resultFor(text), spanOf(text, 'abc').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /= `abc` \(not usable\)/);
    assert.doesNotMatch(hover.markdown, /TFLOP\/s/);
  });
});
