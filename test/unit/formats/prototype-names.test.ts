import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import type { ModelShape } from '../../../server/src/core/model/shape';

/**
 * Names every JavaScript object inherits, written where a file gives a name (issue 18): each
 * table keyed by file text must answer "not mine", never Object.prototype's member.
 */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'prototype-names');
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString'];

function shapeOf(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')): { shape: ModelShape; rules: string[] } {
  const result = check(text, name);
  assert.ok(result.shape, `${name} is read`);
  return { shape: result.shape, rules: result.findings.map((finding) => finding.ruleId) };
}

suite('prototype names from the file are never Object.prototype members (issue 18)', () => {
  test('NeMo resolvers named ${hasOwnProperty:...}, ${valueOf:...}, ${__proto__:...}, ${constructor:...} are unresolved', () => {
    const { shape, rules } = shapeOf('nemo-prototype-resolvers.yaml');
    for (const field of [shape.hiddenSize, shape.ffnHiddenSize, shape.numHeads, shape.vocabDivisor]) {
      assert.equal(field.origin, 'unresolved');
      assert.match(field.note ?? '', /is resolved at run time/);
    }
    assert.deepEqual(rules, ['unresolved-value', 'unresolved-value', 'unresolved-value', 'unresolved-value']);
  });

  test('llm-foundry: the same resolvers in d_model, n_heads and n_layers are unresolved', () => {
    const { shape } = shapeOf('foundry-prototype-resolvers.yaml');
    assert.deepEqual([shape.hiddenSize.origin, shape.numHeads.origin, shape.numLayers.origin], ['unresolved', 'unresolved', 'unresolved']);
    assert.equal(shape.vocabSize.value, 50368);
  });

  for (const [name, from] of [
    ['megatron-tokenizer-constructor.sh', 'constructor'],
    ['nemo-tokenizer-constructor.yaml', 'constructor'],
    ['flagscale-tokenizer-constructor.yaml', 'constructor'],
    ['neox-tokenizer-proto.yml', '__proto__'],
  ] as const) {
    test(`${name}: every prototype name as the tokenizer type leaves the vocabulary unknown`, () => {
      const original = readFileSync(join(FIXTURES, name), 'utf8');
      for (const type of PROTOTYPE_NAMES) {
        const { shape } = shapeOf(name, original.replaceAll(from, type));
        assert.equal(shape.vocabSize.value, null, type);
        assert.equal(shape.hiddenSize.value, 1024, type);
      }
    });
  }

  test('Megatron: an attention backend named `constructor` is no backend: the Transformer Engine default stays', () => {
    const { shape } = shapeOf('megatron-tokenizer-constructor.sh');
    assert.equal(shape.attentionKernel.origin, 'default');
    assert.equal(shape.attentionKernel.value, 'transformer-engine');
  });

  test('Python: `n_embd = toString` is a name the file never sets, not quoted native code; init_from `constructor` is no GPT-2', () => {
    const { shape } = shapeOf('nanogpt-prototype-names.py');
    assert.equal(shape.hiddenSize.origin, 'unresolved');
    assert.equal(shape.hiddenSize.note, 'toString is not set in this file');
    assert.doesNotMatch(JSON.stringify(shape), /native code/);
    assert.deepEqual([shape.numLayers.origin, shape.numHeads.origin], ['file', 'file']);
    assert.equal(shape.vocabSize.value, 50304, "train.py's default, not GPT-2's 50257 from a pretrained checkpoint");
  });

  test('LitGPT: `mlp_class_name: constructor` is no gated MLP', () => {
    for (const type of PROTOTYPE_NAMES) {
      const text = readFileSync(join(FIXTURES, 'litgpt-mlp-constructor.yaml'), 'utf8').replace('mlp_class_name: constructor', `mlp_class_name: ${type}`);
      const { shape } = shapeOf('litgpt-mlp-constructor.yaml', text);
      assert.equal(shape.gatedMlp, false, type);
    }
  });

  test('HF: `model_type: "constructor"` keeps the dropout the file gives; with none given, it is unknown, not a default', () => {
    const { shape } = shapeOf('hf-model-type-constructor.json');
    assert.deepEqual([shape.attentionDropout.value, shape.attentionDropout.origin], [0.1, 'file']);
    assert.deepEqual([shape.hiddenDropout.value, shape.hiddenDropout.origin], [0.1, 'file']);
    for (const type of PROTOTYPE_NAMES) {
      const text = readFileSync(join(FIXTURES, 'hf-model-type-constructor.json'), 'utf8')
        .replace('"model_type": "constructor"', `"model_type": "${type}"`)
        .replace(/ {2}"(attn|resid)_pdrop": 0\.1,?\n/g, '');
      const bare = shapeOf('hf-model-type-constructor.json', text).shape;
      assert.deepEqual([bare.attentionDropout.origin, bare.hiddenDropout.origin], ['unknown', 'unknown'], type);
    }
  });
});
