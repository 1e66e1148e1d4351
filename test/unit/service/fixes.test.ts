import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { fixAllEdit, rankFixes } from '../../../server/src/core/rules/fixes';
import type { Finding, Fix } from '../../../server/src/core/model/findings';

const fix = (title: string, speedup?: number, isPreferred = false, safe = false): Fix => ({
  title,
  isPreferred,
  safe,
  edits: [],
  estimate: speedup === undefined ? undefined : { speedup, paramsDelta: 0, scope: 'layer' },
});

suite('code actions', () => {
  test('ranking: preferred first, then by predicted speed-up, unestimated last in their order', () => {
    const ranked = rankFixes([fix('a'), fix('b', 1.05), fix('c', 1.2), fix('d', 1.1, true), fix('e')]);
    assert.deepEqual(ranked.map((f) => f.title), ['d', 'c', 'b', 'a', 'e']);
  });

  test('fix-all: the safe fixes only, as one minimal edit', () => {
    const text = '{"n_head": 32, "vocab_size": 50257}';
    const heads = text.indexOf('32');
    const vocab = text.indexOf('50257');
    const findings: Finding[] = [
      { ruleId: 'head-dim', severity: 'warning', message: '', span: { offset: heads, length: 2 }, related: [], fixes: [{ ...fix('Use 20', 1.18, true), edits: [{ offset: heads, length: 2, newText: '20' }] }] },
      { ruleId: 'vocab-size', severity: 'warning', message: '', span: { offset: vocab, length: 5 }, related: [], fixes: [{ ...fix('Pad', 1.01, true, true), edits: [{ offset: vocab, length: 5, newText: '50304' }] }] },
    ];
    const edit = fixAllEdit(text, findings);
    assert.ok(edit);
    assert.equal(text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length), '{"n_head": 32, "vocab_size": 50304}');
    assert.equal(fixAllEdit(text, findings.slice(0, 1)), null);
  });
});
