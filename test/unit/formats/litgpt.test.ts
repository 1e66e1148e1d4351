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

  test('model_name only: the shape is unknown, with a note naming the model', () => {
    const { text, shape } = readFixture('litgpt/tinyllama-name.yaml');
    assertField(text, shape.hiddenSize, { value: null, origin: 'unknown' });
    assert.match(shape.hiddenSize.note ?? '', /model_name tiny-llama-1.1b/);
    assertField(text, shape.vocabSize, { value: null, origin: 'unknown' });
    assertField(text, shape.microBatchSize, { value: 4, origin: 'file' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file' });
  });

  test('detection', () => {
    assert.ok(litgptReader.detect('pretrain.yaml', 'model_name: pythia-14m\nout_dir: out\n') >= 0.9);
    assert.ok(litgptReader.detect('x.yaml', 'checkpoint_dir: checkpoints/x\ntrain:\n  micro_batch_size: 1\n') >= 0.5);
    assert.ok(litgptReader.detect('x.yaml', 'name: ci\ntrain: false\n') < 0.5);
  });
});
