import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { inlayHints } from '../../../server/src/core/features/inlay-hints';
import { spanOf } from '../rules/shape-builder';
import { GPT3_2_7B, resultFor } from './check-result';

const end = (span: { offset: number; length: number }) => span.offset + span.length;

suite('inlay hints', () => {
  test('head_dim = 80 right after the head count of GPT-3 2.7B', () => {
    const hints = inlayHints(resultFor(GPT3_2_7B));
    assert.deepEqual(
      hints.map(({ offset, label }) => ({ offset, label })),
      [{ offset: end(spanOf(GPT3_2_7B, '32')), label: 'head_dim = 80' }],
    );
  });

  test('padded → 50304 after a vocabulary the framework pads (GPT-NeoX divisor 128)', () => {
    const hints = inlayHints(resultFor(GPT3_2_7B, { defaultVocabDivisor: 128 }));
    assert.deepEqual(hints.at(-1), { offset: end(spanOf(GPT3_2_7B, '50257')), label: 'padded → 50304', tooltip: hints.at(-1)?.tooltip });
  });

  test('no head-dim hint when the file sets head_dim itself (Gemma-style)', () => {
    const text = 'hidden_size: 3072\nnum_attention_heads: 16\nhead_dim: 256\n';
    assert.deepEqual(inlayHints(resultFor(text)), []);
  });

  test('only hints inside the requested range', () => {
    const result = resultFor(GPT3_2_7B, { defaultVocabDivisor: 128 });
    const vocabLine = spanOf(GPT3_2_7B, 'vocab_size: 50257');
    assert.deepEqual(inlayHints(result, vocabLine).map((hint) => hint.label), ['padded → 50304']);
  });
});
