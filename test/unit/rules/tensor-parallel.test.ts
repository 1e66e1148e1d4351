import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { byRule, lint, spanOf, valueSpanOf } from './shape-builder';

const tp = (text: string, options = {}) => byRule(lint(text, options), 'tensor-parallel');

suite('tensor-parallel', () => {
  test('heads not divisible by TP: error at the heads, (b·a)/t in the message, TP as related, head counts that shard as fixes', () => {
    // h=3072 shards over 6 GPUs (512 each), but 32 heads do not; with micro-batch 4, (b·a)/t = 128/6.
    const text = 'hidden_size: 3072\nnum_attention_heads: 32\ntensor_parallel: 6\nmicro_batch_size: 4\n';
    const findings = tp(text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, valueSpanOf(text, 'num_attention_heads'));
    assert.match(finding.message, /\(b·a\)\/t = 4·32\/6/);
    assert.deepEqual(finding.related.map((r) => r.span), [valueSpanOf(text, 'tensor_parallel')]);
    // Head counts that divide 3072 with an aligned head dim are the divisors of 48; of those, 24 and 48 are the nearest multiples of 6.
    assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText).sort(), ['24', '48']);
  });

  test('(b·a)/t is not mentioned when it is an integer', () => {
    const text = 'hidden_size: 3072\nnum_attention_heads: 32\ntensor_parallel: 6\nmicro_batch_size: 3\n';
    assert.doesNotMatch(tp(text)[0].message, /\(b·a\)\/t/);
  });

  test('hidden size not divisible by TP', () => {
    const text = 'hidden_size: 4096\nnum_attention_heads: 48\ntensor_parallel: 6\n';
    const findings = tp(text).filter((f) => f.span.offset === valueSpanOf(text, 'hidden_size').offset);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /4096 is not divisible by tensor_parallel 6/);
    for (const fix of findings[0].fixes) assert.equal(Number(fix.edits[0].newText) % 384, 0);
  });

  test('kv heads: a multiple of TP, or (Megatron) a divisor', () => {
    const text = 'hidden_size: 4096\nnum_attention_heads: 32\nnum_kv_heads: 2\ntensor_parallel: 4\n';
    const strict = tp(text);
    assert.equal(strict.length, 1);
    assert.deepEqual(strict[0].span, valueSpanOf(text, 'num_kv_heads'));
    assert.deepEqual(strict[0].fixes.map((fix) => fix.edits[0].newText), ['4']);
    assert.deepEqual(tp(text, { kvHeadsMayDivideTensorParallel: true }), []);
    const odd = 'hidden_size: 4096\nnum_attention_heads: 32\nnum_kv_heads: 3\ntensor_parallel: 4\n';
    assert.equal(tp(odd, { kvHeadsMayDivideTensorParallel: true }).filter((f) => f.span.offset === valueSpanOf(odd, 'num_kv_heads').offset).length, 1);
  });

  test('MLP size not divisible by TP', () => {
    const text = 'hidden_size: 4096\nnum_attention_heads: 32\nffn_hidden_size: 11008\ntensor_parallel: 3\n';
    const findings = tp(text).filter((f) => f.span.offset === valueSpanOf(text, 'ffn_hidden_size').offset);
    assert.equal(findings.length, 1);
    for (const fix of findings[0].fixes) assert.equal(Number(fix.edits[0].newText) % 192, 0);
  });

  test('a vocabulary that does not shard gets the padding fix, offered but not safe on an HF file', () => {
    const text = 'vocab_size: 50257\ntensor_parallel: 2\n';
    const [finding] = tp(text, { format: 'hf' });
    assert.deepEqual(finding.span, spanOf(text, '50257'));
    assert.deepEqual(finding.fixes.map((fix) => [fix.safe, fix.edits[0].newText]), [[false, '50304']]);
  });

  test("a TP size that is not a power of two costs h/t its powers of two (the paper's 6-GPU node)", () => {
    // 4032 = 64·63 is aligned, but 4032/6 = 672 = 32·21.
    const text = 'hidden_size: 4032\nnum_attention_heads: 48\ntensor_parallel: 6\n';
    const [finding, ...rest] = tp(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, valueSpanOf(text, 'tensor_parallel'));
    assert.match(finding.message, /672/);
    assert.deepEqual(finding.related.map((r) => r.span), [valueSpanOf(text, 'hidden_size')]);
    // h divisible by 6·64 keeps the share aligned: 4608/6 = 768.
    assert.deepEqual(tp('hidden_size: 4608\nnum_attention_heads: 48\ntensor_parallel: 6\n'), []);
  });

  test('nothing without tensor parallelism', () => {
    assert.deepEqual(tp('hidden_size: 4000\nnum_attention_heads: 33\nvocab_size: 50257\n'), []);
  });

  test('severity override applies to the warning case too', () => {
    const text = 'hidden_size: 4032\nnum_attention_heads: 48\ntensor_parallel: 6\n';
    assert.equal(tp(text, { check: { rules: { 'tensor-parallel': 'information' } } })[0].severity, 'information');
    assert.deepEqual(tp(text, { check: { rules: { 'tensor-parallel': 'off' } } }), []);
  });
});
