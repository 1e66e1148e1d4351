import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { ffnSizeRule } from '../../../server/src/core/rules/ffn-size';
import { byRule, lint, lintWithEstimate, spanOf } from './shape-builder';

// Llama-2-7B (Touvron et al. 2023): h=4096, SwiGLU with intermediate_size 11008 = 64·172.
// 8h/3 for h=4096 is 10922.67; 10922 = 2·5461 has a single factor of two.
const SWIGLU_8H_3 = 'hidden_size: 4096\nnum_attention_heads: 32\nffn_hidden_size: 10922\nactivation: swiglu\n';

suite('ffn-size', () => {
  test("fires on SwiGLU's 8h/3 and says so", () => {
    const [finding, ...rest] = byRule(lint(SWIGLU_8H_3), 'ffn-size');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(SWIGLU_8H_3, '10922'));
    assert.match(finding.message, /SwiGLU's 8h\/3/);
  });

  test('suggests nearby multiples of 64 within a few percent, unsafe, with estimates, one preferred', () => {
    const [finding] = byRule(lint(SWIGLU_8H_3), 'ffn-size');
    assert.ok(finding.fixes.length >= 1 && finding.fixes.length <= 3);
    for (const fix of finding.fixes) {
      const size = Number(fix.edits[0].newText);
      assert.equal(size % 64, 0);
      assert.ok(Math.abs(size - 10922) <= 0.05 * 10922);
      assert.equal(fix.safe, false);
      assert.ok(fix.estimate);
      assert.deepEqual({ offset: fix.edits[0].offset, length: fix.edits[0].length }, spanOf(SWIGLU_8H_3, '10922'));
    }
    assert.equal(finding.fixes.filter((fix) => fix.isPreferred).length, 1);
    // The preferred fix is within the model's size-bias tie (3 points) of the best offered.
    const speedups = finding.fixes.map((fix) => fix.estimate!.speedup);
    assert.ok(speedups[0] >= Math.max(...speedups) - 0.03);
    assert.ok(speedups[0] > 1, 'aligning the MLP is predicted to help');
  });

  test('the ranking follows the throughput model (brute-force search)', () => {
    // A stub model that likes 11008 best: it must come first and be preferred, even though 10944 is nearer.
    const findings = lintWithEstimate(ffnSizeRule, SWIGLU_8H_3, (change) => ({ speedup: change.ffnHiddenSize === 11008 ? 1.3 : 1.1, paramsDelta: 0, scope: 'layer' }));
    const fixes = findings[0].fixes!;
    assert.equal(fixes[0].edits[0].newText, '11008');
    assert.equal(fixes[0].isPreferred, true);
    assert.match(fixes[0].title, /\+30% layer throughput/);
    // With a model that ranks all alike, the nearest come first.
    const flat = lintWithEstimate(ffnSizeRule, SWIGLU_8H_3, () => ({ speedup: 1, paramsDelta: 0, scope: 'layer' }))[0].fixes!;
    assert.deepEqual(flat.map((fix) => fix.edits[0].newText), ['10944', '10880', '11008']);
  });

  test('does not fire on Llama-2-7B (11008)', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4096\nffn_hidden_size: 11008\nactivation: swiglu\n'), 'ffn-size'), []);
  });

  test('a non-gated MLP off 8/3 gets no SwiGLU note', () => {
    const [finding] = byRule(lint('hidden_size: 4096\nffn_hidden_size: 15000\n'), 'ffn-size');
    assert.doesNotMatch(finding.message, /SwiGLU/);
  });

  test('per GPU under tensor parallelism', () => {
    // 11008 / 8 = 1376 = 32·43: aligned on one GPU, not on eight.
    const text = 'hidden_size: 4096\nffn_hidden_size: 11008\ntensor_parallel: 8\n';
    const [finding] = byRule(lint(text), 'ffn-size');
    assert.match(finding.message, /1376 per GPU/);
    for (const fix of finding.fixes) assert.equal(Number(fix.edits[0].newText) % 512, 0);
  });

  test('writes the literal through toLiteral (GPT-NeoX gated MLPs take 2/3 of intermediate_size)', () => {
    const text = 'hidden_size: 4096\nffn_hidden_size: 16383\nactivation: swiglu\n';
    const findings = lintWithEstimate(ffnSizeRule, text, () => ({ speedup: 1, paramsDelta: 0, scope: 'layer' }), { toLiteral: { ffnHiddenSize: (width) => (width * 3) / 2 } });
    assert.equal(findings.length, 1);
    const [nearest] = findings[0].fixes!;
    assert.equal(nearest.edits[0].newText, String((16384 * 3) / 2));
    assert.match(nearest.title, /MLP width 16384/);
  });

  test('no fixes when the MLP size is not a literal in the file', () => {
    // 4h of an unaligned h: ffn-size fires, but the fix belongs to hidden-size.
    const [finding] = byRule(lint('hidden_size: 1000\n'), 'ffn-size');
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(finding.span, spanOf('hidden_size: 1000\n', '1000'));
  });

  test('severity override and off', () => {
    assert.equal(byRule(lint(SWIGLU_8H_3, { check: { rules: { 'ffn-size': 'error' } } }), 'ffn-size')[0].severity, 'error');
    assert.deepEqual(byRule(lint(SWIGLU_8H_3, { check: { rules: { 'ffn-size': 'off' } } }), 'ffn-size'), []);
  });
});
