import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { byRule, lint, spanOf } from './shape-builder';

// GPT-3 2.7B (Brown et al. 2020, Table 2.1): h=2560, a=32, so h/a = 80 = 16·5 (paper VI-B).
const GPT3_2_7B = 'hidden_size: 2560\nnum_attention_heads: 32\nnum_layers: 32\n';

suite('head-dim', () => {
  test('fires on GPT-3 2.7B at the head count, with 20 and 40 heads as fixes', () => {
    const [finding, ...rest] = byRule(lint(GPT3_2_7B), 'head-dim');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(GPT3_2_7B, '32'));
    assert.match(finding.message, /\b80\b/);
    assert.match(finding.message, /largest power-of-two factor is 16/);
    const edits = finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText).join(','));
    assert.deepEqual([...edits].sort(), ['20', '40']);
    for (const fix of finding.fixes) {
      assert.equal(fix.safe, false);
      assert.deepEqual(fix.edits.map(({ offset, length }) => ({ offset, length })), [spanOf(GPT3_2_7B, '32')]);
      assert.ok(fix.estimate, 'architecture fixes carry an estimate');
      assert.match(fix.title, /^Use (20|40) heads \(head dim (128|64)\)/);
    }
    assert.equal(finding.fixes.filter((fix) => fix.isPreferred).length, 1);
    assert.ok(finding.fixes[0].isPreferred);
    assert.ok(finding.fixes[0].estimate!.speedup >= finding.fixes[1].estimate!.speedup, 'ranked by predicted speed-up');
  });

  test('does not fire when h/a is a multiple of 64 (Llama-2-7B: 4096/32 = 128)', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4096\nnum_attention_heads: 32\n'), 'head-dim'), []);
  });

  test('a power of two below 64 still fires (h/a = 32)', () => {
    const [finding] = byRule(lint('hidden_size: 1024\nnum_attention_heads: 32\n'), 'head-dim');
    assert.match(finding.message, /below 64/);
  });

  test('with GQA, the kv heads change only when they no longer divide', () => {
    // 2560 with 32 heads and 8 kv heads (groups of 4): 20 is not divisible by 8, so kv heads become 5 (groups of 4 again).
    const text = 'hidden_size: 2560\nnum_attention_heads: 32\nnum_kv_heads: 8\n';
    const [finding] = byRule(lint(text), 'head-dim');
    const twenty = finding.fixes.find((fix) => fix.edits[0].newText === '20');
    const forty = finding.fixes.find((fix) => fix.edits[0].newText === '40');
    assert.deepEqual(twenty?.edits.map((edit) => edit.newText), ['20', '5']);
    assert.deepEqual(twenty?.edits[1].offset, spanOf(text, '8').offset);
    assert.match(twenty!.title, /20 heads, 5 kv heads/);
    assert.deepEqual(forty?.edits.map((edit) => edit.newText), ['40']);
  });

  test('explicit MHA kv heads follow the head count', () => {
    const text = 'hidden_size: 2560\nnum_attention_heads: 32\nnum_kv_heads: 32\n';
    const [finding] = byRule(lint(text), 'head-dim');
    const twenty = finding.fixes.find((fix) => fix.edits[0].newText === '20');
    assert.deepEqual(twenty?.edits.map((edit) => [edit.offset, edit.newText]), [[spanOf(text, '32').offset, '20'], [spanOf(text, '32', 1).offset, '20']]);
  });

  test('under tensor parallelism only head counts divisible by TP are offered', () => {
    const text = 'hidden_size: 2560\nnum_attention_heads: 32\ntensor_parallel: 8\n';
    const [finding] = byRule(lint(text), 'head-dim');
    // Aligned head counts of 2560 are the divisors of 40; of those only 8 and 40 divide by 8.
    assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText).sort(), ['40', '8']);
  });

  test('an explicit head dim is the anchor and is what the fixes change', () => {
    const text = 'hidden_size: 3072\nnum_attention_heads: 16\nhead_dim: 80\n';
    const [finding] = byRule(lint(text), 'head-dim');
    assert.deepEqual(finding.span, spanOf(text, '80'));
    assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText).sort(), ['128', '64']);
  });

  test('quoted literals keep their quotes', () => {
    const text = 'hidden_size: 2560\nnum_attention_heads: "32"\n';
    const [finding] = byRule(lint(text), 'head-dim');
    assert.deepEqual(finding.span, spanOf(text, '"32"'));
    assert.ok(finding.fixes.every((fix) => /^"\d+"$/.test(fix.edits[0].newText)));
  });

  test('severity override and off', () => {
    assert.equal(byRule(lint(GPT3_2_7B, { check: { rules: { 'head-dim': 'error' } } }), 'head-dim')[0].severity, 'error');
    assert.deepEqual(byRule(lint(GPT3_2_7B, { check: { rules: { 'head-dim': 'off' } } }), 'head-dim'), []);
  });

  test('suppression comment on the line before', () => {
    const text = 'hidden_size: 2560\n# shapelint-disable-next-line head-dim\nnum_attention_heads: 32\n';
    assert.deepEqual(byRule(lint(text), 'head-dim'), []);
    const other = 'hidden_size: 2560\n# shapelint-disable-next-line vocab-size\nnum_attention_heads: 32\n';
    assert.equal(byRule(lint(other), 'head-dim').length, 1);
  });

  test('V100 wants multiples of 8 only (16-byte alignment)', () => {
    assert.deepEqual(byRule(lint(GPT3_2_7B, { check: { gpu: 'v100' } }), 'head-dim'), []);
  });

  // openbmb/MiniCPM3-4B config.json: multi-latent attention with qk_nope_head_dim 64 +
  // qk_rope_head_dim 32 = 96, while h/a = 2560/40 = 64.
  const MINICPM3 = JSON.stringify(
    { architectures: ['MiniCPM3ForCausalLM'], model_type: 'minicpm3', hidden_size: 2560, num_attention_heads: 40, num_key_value_heads: 40, num_hidden_layers: 62, intermediate_size: 6400, vocab_size: 73448, qk_nope_head_dim: 64, qk_rope_head_dim: 32, kv_lora_rank: 256, q_lora_rank: 768, v_head_dim: 64 },
    null,
    2,
  );

  test('multi-latent attention: the message gives the query-key head dim, and no head-count fix is offered (it would leave 96)', () => {
    const [finding, ...rest] = byRule(check(MINICPM3, 'config.json').findings, 'head-dim');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /^head dim 96 \(multi-latent attention: query-key head dim = qk_nope_head_dim \+ qk_rope_head_dim = 64 \+ 32\) is not a multiple of 64/);
    assert.doesNotMatch(finding.message, /2560 \/ 40/);
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(finding.span, spanOf(MINICPM3, '40'));
  });
});

