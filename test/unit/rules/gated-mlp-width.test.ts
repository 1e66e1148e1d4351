import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { applyFixes } from '../../../server/src/core/rules/fixes';
import { byRule, lint, spanOf } from './shape-builder';

// Mistral-7B (Jiang et al. 2023): h=4096, per-branch MLP width 14336, as GPT-NeoX's
// configs/mistral/7B.yml copies it into intermediate_size.
const NEOX_MISTRAL = `{
  "hidden_size": 4096,
  "num_attention_heads": 32,
  "activation": "swiglu",
  "intermediate_size": 14336,
}
`;

suite('gated-mlp-width', () => {
  test('a NeoX intermediate_size copied from HF: names the built width and offers 3× the literal', () => {
    const findings = byRule(check(NEOX_MISTRAL, '7B.yml', { format: 'neox' }).findings, 'gated-mlp-width');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.span, spanOf(NEOX_MISTRAL, '14336'));
    assert.match(finding.message, /branches of 4778/);
    assert.equal(finding.fixes.length, 1);
    const [fix] = finding.fixes;
    assert.equal(fix.safe, false);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits, [{ ...spanOf(NEOX_MISTRAL, '14336'), newText: '43008' }]);
    assert.ok(fix.estimate && fix.estimate.paramsDelta > 0, 'three times wider branches add parameters');
  });

  test('after the fix NeoX builds 14336-wide branches and the rule is quiet', () => {
    const fixed = applyFixes(NEOX_MISTRAL, byRule(check(NEOX_MISTRAL, '7B.yml', { format: 'neox' }).findings, 'gated-mlp-width')[0].fixes);
    const result = check(fixed, '7B.yml', { format: 'neox' });
    assert.equal(result.shape?.ffnHiddenSize.value, 14336);
    assert.deepEqual(byRule(result.findings, 'gated-mlp-width'), []);
  });

  test('quiet on Llama-2-7B (11008 = 2.69·h) and on non-gated MLPs', () => {
    assert.deepEqual(byRule(lint('hidden_size: 4096\nffn_hidden_size: 11008\nactivation: swiglu\n'), 'gated-mlp-width'), []);
    assert.deepEqual(byRule(lint('hidden_size: 4096\nffn_hidden_size: 4096\nactivation: gelu\n'), 'gated-mlp-width'), []);
  });

  test('quiet on MoE experts, narrow by design (Qwen3-30B-A3B: 768 for h=2048)', () => {
    assert.deepEqual(byRule(lint('hidden_size: 2048\nffn_hidden_size: 768\nnum_experts: 128\nactivation: swiglu\n'), 'gated-mlp-width'), []);
  });

  test('a narrow gated width without a framework transform: warns on the value, no fix', () => {
    const text = 'hidden_size: 4096\nffn_hidden_size: 4800\nactivation: swiglu\n';
    const [finding] = byRule(lint(text), 'gated-mlp-width');
    assert.deepEqual(finding.span, spanOf(text, '4800'));
    assert.deepEqual(finding.fixes, []);
  });
});
