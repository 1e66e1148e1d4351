import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Finding, Fix } from '../../../server/src/core/model/findings';
import { applyFixes, safeFixes } from '../../../server/src/core/rules/fixes';

const fix = (edits: Fix['edits'], safe = true, isPreferred = true): Fix => ({ title: 't', isPreferred, safe, edits });

suite('applyFixes', () => {
  test('applies edits back to front and keeps everything else byte for byte (CRLF, comments)', () => {
    const text = '{\r\n  "vocab_size": 50257, // gpt2\r\n  "n_embd": 768\r\n}\r\n';
    const at = (needle: string) => ({ offset: text.indexOf(needle), length: needle.length });
    const result = applyFixes(text, [fix([{ ...at('768'), newText: '1024' }]), fix([{ ...at('50257'), newText: '50304' }])]);
    assert.equal(result, '{\r\n  "vocab_size": 50304, // gpt2\r\n  "n_embd": 1024\r\n}\r\n');
  });

  test('skips a whole fix whose edits overlap one already taken', () => {
    const text = 'abcdef';
    const result = applyFixes(text, [fix([{ offset: 1, length: 2, newText: 'X' }]), fix([{ offset: 4, length: 1, newText: 'Y' }, { offset: 2, length: 1, newText: 'Z' }])]);
    assert.equal(result, 'aXdef');
  });

  test('no fixes, no change', () => {
    assert.equal(applyFixes('same', []), 'same');
  });
});

suite('safeFixes', () => {
  test("takes each finding's preferred safe fix, never an unsafe one", () => {
    const safeA = fix([{ offset: 0, length: 1, newText: 'a' }], true, false);
    const safeB = fix([{ offset: 0, length: 1, newText: 'b' }], true, true);
    const unsafe = fix([{ offset: 5, length: 1, newText: 'c' }], false, true);
    const finding = (fixes: Fix[]): Finding => ({ ruleId: 'r', severity: 'warning', message: '', span: { offset: 0, length: 0 }, related: [], fixes });
    assert.deepEqual(safeFixes([finding([safeA, safeB]), finding([unsafe]), finding([safeA])]), [safeB, safeA]);
  });
});
