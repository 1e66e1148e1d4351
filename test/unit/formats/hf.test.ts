import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { hfReader } from '../../../server/src/core/formats/hf';
import { assertField, readFixture } from './fixture';

suite('hf reader', () => {
  test('GPT-3 2.7B as a GPT-2 style config: n_embd/n_head/n_layer/n_positions, n_inner null is 4h', () => {
    const { text, reader, shape } = readFixture('hf/gpt3-2.7b.json');
    assert.equal(reader.id, 'hf');
    assertField(text, shape.hiddenSize, { value: 2560, origin: 'file', literal: '2560', key: '"n_embd"' });
    assertField(text, shape.numHeads, { value: 32, origin: 'file', literal: '32', key: '"n_head"' });
    assertField(text, shape.numLayers, { value: 32, origin: 'file', key: '"n_layer"' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', key: '"n_positions"' });
    assertField(text, shape.headDim, { value: 80, origin: 'derived' });
    // n_inner: null means 4·n_embd, and the default keeps the key's place for a fix.
    assertField(text, shape.ffnHiddenSize, { value: 10240, origin: 'default', key: '"n_inner"', literal: 'null' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'default' });
    assertField(text, shape.vocabSize, { value: 50257, origin: 'file', literal: '50257' });
    assertField(text, shape.paddedVocabSize, { value: 50257, origin: 'derived' });
    assert.equal(shape.vocabDivisor.value, null);
    assert.equal(shape.activation.value, 'gelu_new');
    assert.equal(shape.gatedMlp, false);
    assert.equal(shape.tensorParallel.value, null);
  });

  test('GPT-Neo 2.7B: num_heads and num_layers aliases, comments-free JSON with a trailing comma', () => {
    const { text, document, shape } = readFixture('hf/gpt-neo-2.7B.json');
    assert.deepEqual(document.errors, []);
    assertField(text, shape.numHeads, { value: 20, origin: 'file', key: '"num_heads"' });
    assertField(text, shape.numLayers, { value: 32, origin: 'file', key: '"num_layers"' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    assertField(text, shape.ffnHiddenSize, { value: 10240, origin: 'default' });
  });

  test('Llama-2-7B: gated family, JSON with a comment', () => {
    const { text, document, shape } = readFixture('hf/llama-2-7b.json');
    assert.deepEqual(document.errors, []);
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', literal: '11008', key: '"intermediate_size"' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'file' });
    assertField(text, shape.vocabSize, { value: 32000, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
    assert.equal(shape.activation.value, 'silu');
  });

  test('Mistral-7B: grouped-query attention with 8 kv heads', () => {
    const { text, shape } = readFixture('hf/mistral-7b.json');
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file', literal: '8', key: '"num_key_value_heads"' });
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'file' });
    assertField(text, shape.seqLength, { value: 32768, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });

  test('OPT-1.3B: ffn_dim, relu, not gated', () => {
    const { text, shape } = readFixture('hf/opt-1.3b.json');
    assertField(text, shape.ffnHiddenSize, { value: 8192, origin: 'file', key: '"ffn_dim"' });
    assertField(text, shape.vocabSize, { value: 50272, origin: 'file' });
    assert.equal(shape.gatedMlp, false);
  });

  test('Gemma-7B: explicit head_dim 256 overrides h/a = 192', () => {
    const { text, shape } = readFixture('hf/gemma-7b.json');
    assertField(text, shape.headDim, { value: 256, origin: 'file', literal: '256', key: '"head_dim"' });
    assert.equal(shape.gatedMlp, true);
  });

  test('Falcon-7B: multi_query means one kv head', () => {
    const { text, shape } = readFixture('hf/falcon-7b.json');
    assertField(text, shape.numKvHeads, { value: 1, origin: 'file', key: '"multi_query"', literal: 'true' });
    assertField(text, shape.numHeads, { value: 71, origin: 'file', key: '"n_head"' });
    assertField(text, shape.headDim, { value: 64, origin: 'derived' });
  });

  test('Mixtral-8x7B: experts and experts per token', () => {
    const { text, shape } = readFixture('hf/mixtral-8x7b.json');
    assertField(text, shape.numExperts, { value: 8, origin: 'file', key: '"num_local_experts"' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'file', key: '"num_experts_per_tok"' });
  });

  test('Gemma-3 27B: the text model nested under text_config wins over the vision tower', () => {
    const { text, shape } = readFixture('hf/gemma3-27b.json');
    assertField(text, shape.hiddenSize, { value: 5376, origin: 'file', literal: '5376' });
    assertField(text, shape.numLayers, { value: 62, origin: 'file' });
    assertField(text, shape.headDim, { value: 128, origin: 'file' });
    assertField(text, shape.vocabSize, { value: 262208, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });

  test('a string, a negative, a fraction and an absurd value are invalid, with their text and spans', () => {
    const { text, shape } = readFixture('hf/bad-values.json');
    assertField(text, shape.hiddenSize, { value: null, origin: 'invalid', literal: '"4096"' });
    assert.equal(shape.hiddenSize.invalidText, '4096');
    assertField(text, shape.numHeads, { value: null, origin: 'invalid', literal: '-32' });
    assertField(text, shape.numLayers, { value: null, origin: 'invalid', literal: '31.5' });
    assertField(text, shape.ffnHiddenSize, { value: null, origin: 'invalid', literal: '110080000000' });
    assertField(text, shape.headDim, { value: null, origin: 'derived' });
  });

  test('detection: model_type or enough shape keys in a .json; nothing else', () => {
    assert.ok(hfReader.detect('config.json', '{"model_type": "llama", "hidden_size": 4096}') >= 0.9);
    assert.ok(hfReader.detect('base.json', '{"hidden_size": 768, "num_attention_heads": 12, "num_hidden_layers": 12}') >= 0.5);
    assert.ok(hfReader.detect('package.json', '{"name": "x", "version": "1.0.0"}') < 0.5);
    assert.ok(hfReader.detect('tsconfig.json', '{"compilerOptions": {"strict": true}}') < 0.5);
    assert.equal(hfReader.detect('config.yaml', 'model_type: llama\nhidden_size: 4096\n'), 0);
  });
});
