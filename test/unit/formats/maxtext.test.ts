import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { detectFormat } from '../../../server/src/core/formats';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture } from './fixture';

suite('maxtext reader: YAML as OmegaConf reads it, base.yml and the model files under the file', () => {
  test('gemma3-4b.yml: vocab_size 262_144 is 262144, not an invalid value', () => {
    const { text, reader, shape } = readFixture('maxtext/gemma3-4b.yml');
    assert.equal(reader.id, 'maxtext');
    assertField(text, shape.vocabSize, { value: 262144, origin: 'file', literal: '262_144' });
    assertField(text, shape.headDim, { value: 256, origin: 'file', key: 'head_dim' });
    assert.equal(shape.activation.value, 'gelu-glu');
    assert.deepEqual(check(text, 'gemma3-4b.yml').findings.filter((finding) => finding.ruleId === 'invalid-value'), []);
  });

  test('deepseek3-671b.yml: experts are base_moe_mlp_dim wide (2048), MLA head dim 128 + 64', () => {
    const { text, shape } = readFixture('maxtext/deepseek3-671b.yml');
    assertField(text, shape.ffnHiddenSize, { value: 2048, origin: 'file', key: 'base_moe_mlp_dim' });
    assert.match(shape.ffnHiddenSize.note ?? '', /first 3 layers are dense/);
    assertField(text, shape.numExperts, { value: 256, origin: 'file' });
    assertField(text, shape.expertsPerToken, { value: 8, origin: 'file' });
    assertField(text, shape.headDim, { value: 192, origin: 'derived' });
    assertField(text, shape.numLayers, { value: 61, origin: 'file' });
  });

  test('keys the file leaves out are base.yml\'s (src/MaxText/configs/base.yml @ 09d2025b)', () => {
    const { text, shape } = readFixture('maxtext/gemma3-4b.yml');
    assertField(text, shape.microBatchSize, { value: 12, origin: 'default' });
    assertField(text, shape.tensorParallel, { value: 1, origin: 'default' });
    assertField(text, shape.numExperts, { value: 1, origin: 'default' });
  });

  test('a run config naming model_name llama3-8b is MaxText, shaped by configs/models/llama3-8b.yml, its own keys on top', () => {
    // The run-config shape of AI-Hypercomputer/maxtext benchmarks/lm_eval/tests/maxtext_generator_qwen3_235b.sh's
    // command-line keys, written as YAML over base.yml.
    const text = 'base_config: "base.yml"\nmodel_name: llama3-8b\nper_device_batch_size: 2\nmax_target_length: 8192\nici_fsdp_parallelism: -1\nici_tensor_parallelism: 4\n';
    const reader = detectFormat('run.yml', text);
    assert.equal(reader?.id, 'maxtext');
    const shape = reader.read(reader.parse(text));
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: 'llama3-8b' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'catalogue' });
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'catalogue' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'catalogue' });
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file' });
    assertField(text, shape.tensorParallel, { value: 4, origin: 'file' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });

  test('mixtral-8x7b by name: 8 experts of 14336, top-2, from configs/models/mixtral-8x7b.yml', () => {
    const text = 'model_name: mixtral-8x7b\nper_device_batch_size: 1\nmax_target_length: 4096\n';
    const reader = detectFormat('run.yml', text)!;
    const shape = reader.read(reader.parse(text));
    assert.deepEqual([shape.numExperts.value, shape.expertsPerToken.value, shape.ffnHiddenSize.value, shape.vocabSize.value], [8, 2, 14336, 32000]);
  });
});
