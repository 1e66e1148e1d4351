import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { litgptReader } from '../../../server/src/core/formats/litgpt';
import { assertField, readFixture } from './fixture';

suite('litgpt reader', () => {
  test('Llama-2-7b model_config: LLaMAMLP is gated, padded vocab from padding_multiple', () => {
    const { text, reader, shape } = readFixture('litgpt/llama-2-7b.yaml');
    assert.equal(reader.id, 'litgpt');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file', key: 'n_embd' });
    assertField(text, shape.numHeads, { value: 32, origin: 'file', key: 'n_head' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'file', key: 'n_query_groups' });
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', literal: '11008' });
    assertField(text, shape.vocabDivisor, { value: 64, origin: 'file', key: 'padding_multiple' });
    assertField(text, shape.paddedVocabSize, { value: 32000, origin: 'derived' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    // The training sequence length, not the model's block_size, is what runs.
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', key: 'max_seq_length' });
    assertField(text, shape.microBatchSize, { value: 4, origin: 'file' });
    assertField(text, shape.activation, { value: 'swiglu', origin: 'file', literal: 'LLaMAMLP' });
    assert.equal(shape.gatedMlp, true);
  });

  test('model_name only: the shape is the named model\'s, from the catalogue, located on the name', () => {
    const { text, shape } = readFixture('litgpt/tinyllama-name.yaml');
    // Lightning-AI/litgpt litgpt/config.py: tiny-llama-1.1b is n_embd 2048, n_layer 22, n_head 32, n_query_groups 4, intermediate 5632.
    assertField(text, shape.hiddenSize, { value: 2048, origin: 'catalogue', literal: 'tiny-llama-1.1b', key: 'model_name' });
    assertField(text, shape.numLayers, { value: 22, origin: 'catalogue' });
    assertField(text, shape.numKvHeads, { value: 4, origin: 'catalogue' });
    assertField(text, shape.ffnHiddenSize, { value: 5632, origin: 'catalogue' });
    assertField(text, shape.paddedVocabSize, { value: 32000, origin: 'catalogue' });
    assert.match(shape.hiddenSize.note ?? '', /tiny-llama-1\.1b from the model catalogue.*Lightning-AI\/litgpt litgpt\/config\.py/);
    assert.equal(shape.gatedMlp, true);
    assertField(text, shape.microBatchSize, { value: 4, origin: 'file' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file' });
  });

  test('a model_config wins over model_name, as in litgpt/pretrain.py', () => {
    const { text, shape } = readFixture('litgpt/llama-2-7b.yaml');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file' });
    assert.equal(shape.catalogueModel, undefined);
  });

  test('detection', () => {
    assert.ok(litgptReader.detect('pretrain.yaml', 'model_name: pythia-14m\nout_dir: out\n') >= 0.9);
    assert.ok(litgptReader.detect('x.yaml', 'checkpoint_dir: checkpoints/x\ntrain:\n  micro_batch_size: 1\n') >= 0.5);
    assert.ok(litgptReader.detect('x.yaml', 'name: ci\ntrain: false\n') < 0.5);
  });
});
