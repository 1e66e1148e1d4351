/** The smaller rules: heads-divide-hidden, kv-heads, hidden-size, pipeline-parallel, tokens-per-batch, invalid-value, syntax, micro-batch. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { microBatchRule } from '../../../server/src/core/rules/micro-batch';
import { byRule, lint, lintWithEstimate, spanOf, valueSpanOf } from './shape-builder';

suite('heads-divide-hidden', () => {
  const text = 'hidden_size: 2560\nnum_attention_heads: 48\n';
  test('fires at the heads with the hidden size related, aligned head counts as fixes', () => {
    const [finding, ...rest] = byRule(lint(text), 'heads-divide-hidden');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, valueSpanOf(text, 'num_attention_heads'));
    assert.deepEqual(finding.related.map((r) => r.span), [valueSpanOf(text, 'hidden_size')]);
    // Aligned head counts of 2560 divide 40; the nearest to 48 is 40 (none above).
    assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText), ['40']);
  });
  test('an explicit head dim decouples heads from h (Gemma-7B: 3072 with 16 heads of 256)', () => {
    assert.deepEqual(byRule(lint('hidden_size: 3072\nnum_attention_heads: 7\nhead_dim: 256\n'), 'heads-divide-hidden'), []);
  });
  test('does not fire when heads divide h', () => {
    assert.deepEqual(byRule(lint('hidden_size: 2560\nnum_attention_heads: 32\n'), 'heads-divide-hidden'), []);
  });
});

suite('kv-heads', () => {
  test('fires when heads are not divisible by kv heads; nearest divisors as fixes', () => {
    const text = 'hidden_size: 4096\nnum_attention_heads: 32\nnum_kv_heads: 6\n';
    const [finding] = byRule(lint(text), 'kv-heads');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, valueSpanOf(text, 'num_kv_heads'));
    assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText).sort(), ['4', '8']);
    assert.ok(finding.fixes.every((fix) => !fix.safe));
  });
  test('Mistral-7B (32 heads, 8 kv heads) is fine', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4096\nnum_attention_heads: 32\nnum_kv_heads: 8\n'), 'kv-heads'), []);
  });
});

suite('hidden-size', () => {
  test('fires when h is not a multiple of 64, fixes keep an integer head dim', () => {
    const text = 'hidden_size: 2500\nnum_attention_heads: 20\n';
    const [finding] = byRule(lint(text), 'hidden-size');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(text, '2500'));
    const sizes = finding.fixes.map((fix) => Number(fix.edits[0].newText));
    assert.deepEqual([...sizes].sort((a, b) => a - b), [2240, 2560]);
    assert.ok(finding.fixes.every((fix) => fix.estimate !== undefined && !fix.safe));
  });
  test('fires when h/t is not a multiple of 64 with a power-of-two TP', () => {
    const text = 'hidden_size: 4096\nnum_attention_heads: 128\ntensor_parallel: 128\n';
    const [finding] = byRule(lint(text), 'hidden-size');
    assert.match(finding.message, /each GPU 32/);
    assert.deepEqual(finding.related.map((r) => r.span), [valueSpanOf(text, 'tensor_parallel')]);
  });
  test('leaves a non-power-of-two TP to tensor-parallel', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4032\nnum_attention_heads: 48\ntensor_parallel: 6\n'), 'hidden-size'), []);
  });
});

suite('pipeline-parallel', () => {
  test('fires when layers do not split over the stages', () => {
    const text = 'num_layers: 30\npipeline_parallel: 4\n';
    const [finding] = byRule(lint(text), 'pipeline-parallel');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(text, '30'));
    assert.deepEqual(finding.related.map((r) => r.span), [spanOf(text, '4')]);
    assert.match(finding.message, /28 or 32 layers/);
  });
  test('does not fire when they do', () => {
    assert.deepEqual(byRule(lint('num_layers: 32\npipeline_parallel: 4\n'), 'pipeline-parallel'), []);
  });
});

suite('tokens-per-batch', () => {
  test('fires at the sequence length when b·s is not a multiple of 64', () => {
    const text = 'seq_length: 1000\nmicro_batch_size: 3\n';
    const [finding] = byRule(lint(text), 'tokens-per-batch');
    assert.deepEqual(finding.span, spanOf(text, '1000'));
    assert.match(finding.message, /3000/);
  });
  test('an odd micro-batch with a power-of-two sequence is fine (paper VI-B)', () => {
    assert.deepEqual(byRule(lint('seq_length: 2048\nmicro_batch_size: 3\n'), 'tokens-per-batch'), []);
  });
  test('settings alone are not judged', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4096\n', { check: { sequenceLength: 1000, microBatchSize: 3 } }), 'tokens-per-batch'), []);
  });
});

suite('invalid-value', () => {
  test('a string, a negative, a fraction, an absurd size', () => {
    const text = 'hidden_size: big\nnum_layers: -2\nnum_attention_heads: 2.5\nvocab_size: 999999999\n';
    const findings = byRule(lint(text), 'invalid-value');
    assert.deepEqual(
      findings.map((f) => f.span),
      [spanOf(text, 'big'), spanOf(text, '-2'), spanOf(text, '2.5'), spanOf(text, '999999999')],
    );
    assert.ok(findings.every((f) => f.severity === 'error'));
  });
  test('zero pipeline stages means no pipeline (GPT-NeoX pipe_parallel_size: 0)', () => {
    assert.deepEqual(byRule(lint('pipeline_parallel: 0\n'), 'invalid-value'), []);
  });
});

suite('syntax', () => {
  test('reports each parse error where it is', () => {
    const text = 'hidden_size: [\n';
    const findings = byRule(lint(text, { syntaxErrors: [{ span: { offset: 13, length: 1 }, message: 'unclosed [' }] }), 'syntax');
    assert.deepEqual(findings.map((f) => [f.span, f.severity]), [[{ offset: 13, length: 1 }, 'error']]);
  });
});

suite('micro-batch', () => {
  const text = 'hidden_size: 1024\nnum_attention_heads: 16\nseq_length: 512\nmicro_batch_size: 1\n';
  test('fires when the model predicts a clear gain from doubling it, with a fix to 2', () => {
    const [finding] = lintWithEstimate(microBatchRule, text, (change) => ({ speedup: change.microBatchSize === 2 ? 1.2 : 1, paramsDelta: 0, scope: 'layer' }));
    assert.match(finding.message, /\+20%/);
    assert.deepEqual(finding.fixes?.map((fix) => [fix.safe, fix.edits[0].newText]), [[false, '2']]);
  });
  test('stays quiet when the gain is small or the file does not set it', () => {
    assert.deepEqual(lintWithEstimate(microBatchRule, text, () => ({ speedup: 1.01, paramsDelta: 0, scope: 'layer' })), []);
    assert.deepEqual(lintWithEstimate(microBatchRule, 'hidden_size: 1024\n', () => ({ speedup: 2, paramsDelta: 0, scope: 'layer' })), []);
  });
});
