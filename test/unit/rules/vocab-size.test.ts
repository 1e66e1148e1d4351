import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { byRule, lint, spanOf, valueSpanOf } from './shape-builder';
import { check } from '../../../server/src/core/check';

// GPT-2's tokenizer has 50257 tokens; nanoGPT pads it to 50304, "nearest multiple of 64 for efficiency".
const GPT2_VOCAB = 'hidden_size: 768\nnum_attention_heads: 12\nvocab_size: 50257\n';

suite('vocab-size', () => {
  test('HF: fires at the literal vocab, offers (never auto-applies) padding to the next multiple of 64, notes the embedding resize', () => {
    const [finding, ...rest] = byRule(lint(GPT2_VOCAB, { format: 'hf' }), 'vocab-size');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(GPT2_VOCAB, '50257'));
    assert.match(finding.message, /resize/);
    assert.equal(finding.fixes.length, 1);
    const [fix] = finding.fixes;
    // The checkpoint beside an HF config has a 50257-row embedding: writing the vocabulary is not safe.
    assert.equal(fix.safe, false);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits, [{ ...spanOf(GPT2_VOCAB, '50257'), newText: '50304' }]);
  });

  test('Meta params.json and nanoGPT: writing the vocabulary is offered, never safe; a NeoX divisor is safe (issue 18)', () => {
    // Meta's reference model and nanoGPT build the embedding from vocab_size: a checkpoint beside the file would no longer load.
    const meta = '{"dim": 4096, "n_layers": 32, "n_heads": 32, "multiple_of": 256, "vocab_size": 32001}';
    const nanogpt = 'n_layer = 12\nn_head = 12\nn_embd = 768\nvocab_size = 50257\n';
    for (const [text, format] of [[meta, 'meta'], [nanogpt, 'nanogpt']] as const) {
      const [finding] = byRule(check(text, 'config', { format }).findings, 'vocab-size');
      assert.deepEqual(finding.fixes.map((fix) => [fix.safe, fix.edits.map((edit) => edit.newText)]), [[false, [format === 'meta' ? '32064' : '50304']]], format);
    }
    const neox = '{"hidden_size": 1024, "num_attention_heads": 16, "vocab_size": 50257, "make_vocab_size_divisible_by": 100}';
    const [divisor] = byRule(check(neox, 'neox.yml', { format: 'neox' }).findings, 'vocab-size');
    assert.deepEqual(divisor.fixes.map((fix) => [fix.safe, fix.edits.map((edit) => edit.newText)]), [[true, ['128']]]);
  });

  test('only HF mentions resizing the embedding', () => {
    const [finding] = byRule(lint(GPT2_VOCAB, { format: 'nanogpt' }), 'vocab-size');
    assert.doesNotMatch(finding.message, /resize/);
  });

  test('keeps the quotes of a quoted literal', () => {
    const text = 'vocab_size: "50257"\n';
    const [finding] = byRule(lint(text, { format: 'hf' }), 'vocab-size');
    assert.deepEqual(finding.fixes[0].edits, [{ ...spanOf(text, '"50257"'), newText: '"50304"' }]);
  });

  test('does not fire on a multiple of 64 (nanoGPT 50304, Llama-2 32000)', () => {
    assert.deepEqual(byRule(lint('vocab_size: 50304\n', { format: 'hf' }), 'vocab-size'), []);
    assert.deepEqual(byRule(lint('vocab_size: 32000\n', { format: 'hf' }), 'vocab-size'), []);
  });

  test('frameworks that pad: the divisor setting is the anchor and the fix', () => {
    // NeoX/Megatron pad to a multiple of make_vocab_size_divisible_by × TP: 50257 with divisor 100 pads to 50300 = 4·12575.
    const text = 'vocab_size: 50257\nvocab_divisor: 100\n';
    const [finding] = byRule(lint(text), 'vocab-size');
    assert.deepEqual(finding.span, spanOf(text, '100'));
    assert.match(finding.message, /50300/);
    assert.deepEqual(finding.fixes[0].edits, [{ ...spanOf(text, '100'), newText: '128' }]);
    assert.equal(finding.fixes[0].safe, true);
    assert.deepEqual(finding.related.map((r) => r.span), [spanOf(text, '50257')]);
  });

  test("frameworks that pad with their default divisor (128) never fire", () => {
    assert.deepEqual(byRule(lint('vocab_size: 50257\n', { defaultVocabDivisor: 128 }), 'vocab-size'), []);
  });

  test('a padded vocabulary written in the file is what gets fixed (LitGPT padded_vocab_size)', () => {
    const text = 'vocab_size: 32000\npadded_vocab_size: 32001\n';
    const [finding] = byRule(lint(text, { format: 'litgpt' }), 'vocab-size');
    assert.deepEqual(finding.fixes[0].edits, [{ ...spanOf(text, '32001'), newText: '32064' }]);
  });

  test('the per-GPU share under TP must be a multiple of 64 too', () => {
    // 50240 = 64·785; halved it is 25120, which is 32·785.
    const text = 'vocab_size: 50240\ntensor_parallel: 2\n';
    const [finding] = byRule(lint(text, { format: 'hf' }), 'vocab-size');
    assert.match(finding.message, /25120/);
    assert.deepEqual(finding.fixes[0].edits[0].newText, '50304');
    assert.deepEqual(finding.related.map((r) => r.span), [valueSpanOf(text, 'tensor_parallel')]);
  });

  test('the TP size from settings counts where the file has none', () => {
    const findings = byRule(lint('vocab_size: 50240\n', { format: 'hf', check: { tensorParallelSize: 2 } }), 'vocab-size');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /from settings/);
  });

  test('severity override, off, and suppression', () => {
    assert.equal(byRule(lint(GPT2_VOCAB, { check: { rules: { 'vocab-size': 'hint' } } }), 'vocab-size')[0].severity, 'hint');
    assert.deepEqual(byRule(lint(GPT2_VOCAB, { check: { rules: { 'vocab-size': 'off' } } }), 'vocab-size'), []);
    const suppressed = 'hidden_size: 768\n# shapelint-disable-next-line vocab-size\nvocab_size: 50257\n';
    assert.deepEqual(byRule(lint(suppressed), 'vocab-size'), []);
  });
});
