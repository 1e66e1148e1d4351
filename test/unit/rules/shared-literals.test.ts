import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { applyFixes, safeFixes } from '../../../server/src/core/rules/fixes';
import { shapeValues } from '../../../server/src/core/model/shape';
import type { Fix } from '../../../server/src/core/model/findings';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'shared-literals');
const VOCABULARY_FIELDS = new Set(['vocabSize', 'paddedVocabSize', 'vocabDivisor']);

function checked(name: string) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return { text, result: check(text, name) };
}

/** The fields whose value differs between the file and the file with `fixes` applied, re-read from the text. */
function changedFields(name: string, text: string, fixes: readonly Fix[]): string[] {
  const before = shapeValues(check(text, name).shape!);
  const after = shapeValues(check(applyFixes(text, fixes), name).shape!);
  return Object.keys(before).filter((field) => before[field] !== after[field]);
}

/** The text of the one safe fix `--fix` applies, as [line as written before, after]. */
function safeEdit(name: string): { text: string; fixed: string; changed: string[] } {
  const { text, result } = checked(name);
  const fixes = safeFixes(result.findings);
  return { text, fixed: applyFixes(text, fixes), changed: changedFields(name, text, fixes) };
}

suite('a safe fix edits only a literal that feeds the fixed field (issue 18)', () => {
  test('Megatron `ONE=1` for TP and the divisor: 64 goes in place of the divisor\'s $ONE; TP stays 1', () => {
    const { text, fixed, changed } = safeEdit('megatron-one-for-tp-and-divisor.sh');
    assert.equal(fixed, text.replace('--make-vocab-size-divisible-by $ONE', '--make-vocab-size-divisible-by 64'));
    assert.deepEqual(changed, ['paddedVocabSize', 'vocabDivisor']);
  });

  test('Megatron: a divisor variable also read by arithmetic is left alone; the flag gets its own literal', () => {
    const { text, fixed, changed } = safeEdit('megatron-divisor-in-arithmetic.sh');
    assert.equal(fixed, text.replace('--make-vocab-size-divisible-by $DIV', '--make-vocab-size-divisible-by 64'));
    assert.ok(changed.every((field) => VOCABULARY_FIELDS.has(field)), changed.join());
  });

  test('Megatron: a divisor variable nothing else reads is edited where it is written', () => {
    const { text, fixed } = safeEdit('megatron-divisor-own-variable.sh');
    assert.equal(fixed, text.replace('VOCAB_DIVISOR=1', 'VOCAB_DIVISOR=64'));
  });

  test('Megatron `${D:=1}` assigns as it is read: the later $D gets the literal, and `${D:=1}` itself is never replaced', () => {
    const text = readFileSync(join(FIXTURES, 'megatron-one-for-tp-and-divisor.sh'), 'utf8')
      .replace('ONE=1\n', '')
      .replace('--tensor-model-parallel-size $ONE --make-vocab-size-divisible-by $ONE', '--tensor-model-parallel-size ${D:=1} --make-vocab-size-divisible-by "$D"');
    const fixes = safeFixes(check(text, 'train.sh').findings);
    assert.equal(applyFixes(text, fixes), text.replace('--make-vocab-size-divisible-by "$D"', '--make-vocab-size-divisible-by "64"'));
    assert.deepEqual(changedFields('train.sh', text, fixes), ['paddedVocabSize', 'vocabDivisor']);
  });

  test('NeMo `${.tensor_model_parallel_size}` as the divisor: the interpolation is replaced; TP and PP stay 1', () => {
    const { text, fixed, changed } = safeEdit('nemo-divisor-from-tp.yaml');
    assert.equal(fixed, text.replace('make_vocab_size_divisible_by: ${.tensor_model_parallel_size}', 'make_vocab_size_divisible_by: 64'));
    assert.deepEqual(changed, ['paddedVocabSize', 'vocabDivisor']);
    const after = check(fixed, 'nemo-divisor-from-tp.yaml').shape!;
    assert.deepEqual([after.tensorParallel.value, after.pipelineParallel.value], [1, 1]);
  });

  test('NeMo: a chain of interpolations TP shares ends at the divisor key, not at the literal', () => {
    const { text, fixed, changed } = safeEdit('nemo-interpolation-chain.yaml');
    assert.equal(fixed, text.replace('make_vocab_size_divisible_by: ${.padding}', 'make_vocab_size_divisible_by: 64'));
    assert.deepEqual(changed, ['paddedVocabSize', 'vocabDivisor']);
  });

  test('GPT-NeoX: the divisor aliases the anchor TP and PP hold; the alias is replaced', () => {
    const { text, fixed, changed } = safeEdit('neox-alias-of-tp.yml');
    assert.equal(fixed, text.replace('make_vocab_size_divisible_by: *one', 'make_vocab_size_divisible_by: 64'));
    assert.deepEqual(changed, ['paddedVocabSize', 'vocabDivisor']);
  });

  test('GPT-NeoX: the anchor sits on the divisor and TP and PP alias it: no edit is offered, --fix changes nothing', () => {
    const { text, result } = checked('neox-anchor-on-divisor.yml');
    const vocab = result.findings.find((finding) => finding.ruleId === 'vocab-size');
    assert.ok(vocab, 'the misaligned vocabulary is still reported');
    assert.deepEqual(vocab.fixes, []);
    assert.equal(applyFixes(text, safeFixes(result.findings)), text);
  });

  test('Python: one variable for layers and heads: every head-count fix writes at n_head; the layer count stays 24', () => {
    const { text, result } = checked('nanogpt-one-variable-two-fields.py');
    const headDim = result.findings.find((finding) => finding.ruleId === 'head-dim');
    assert.ok(headDim && headDim.fixes.length > 0);
    const nHead = text.indexOf('twenty_four', text.indexOf('n_head ='));
    for (const fix of headDim.fixes) {
      assert.deepEqual(fix.edits.map((edit) => edit.offset), [nHead], fix.title);
      const changed = changedFields('nanogpt-one-variable-two-fields.py', text, [fix]);
      assert.ok(!changed.includes('numLayers'), `${fix.title} changes ${changed.join()}`);
    }
  });
});
