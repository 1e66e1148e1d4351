import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { neoxBranchWidth, neoxReader } from '../../../server/src/core/formats/neox';
import { assertField, readFixture } from './fixture';

suite('neox reader', () => {
  test('Pythia-1.4B: hyphenated and underscored keys, comments, trailing comma, True, flash', () => {
    const { text, reader, document, shape } = readFixture('neox/pythia-1.4b.yml');
    assert.equal(reader.id, 'neox');
    assert.deepEqual(document.errors, []);
    assertField(text, shape.hiddenSize, { value: 2048, origin: 'file', literal: '2048', key: '"hidden-size"' });
    assertField(text, shape.numLayers, { value: 24, origin: 'file', key: '"num-layers"' });
    assertField(text, shape.numHeads, { value: 16, origin: 'file', key: '"num_attention_heads"' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', key: '"seq-length"' });
    assertField(text, shape.microBatchSize, { value: 16, origin: 'file', literal: '16' });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', key: '"model-parallel-size"' });
    assertField(text, shape.pipelineParallel, { value: 1, origin: 'file' });
    assertField(text, shape.ffnHiddenSize, { value: 8192, origin: 'default' });
    assert.match(shape.ffnHiddenSize.note ?? '', /GPT-NeoX default 4 × hidden/);
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file', literal: '"flash"' });
    // The tokenizer decides the vocabulary; the divisor is NeoX's default 128, times TP 2.
    assertField(text, shape.vocabSize, { value: null, origin: 'unknown' });
    assertField(text, shape.vocabDivisor, { value: 128, origin: 'default' });
    assert.match(shape.vocabDivisor.note ?? '', /GPT-NeoX default .* 128/);
    assert.equal(shape.activation.value, 'gelu');
  });

  test('Llama-2-7B (configs/llama2/7B.yml): 32768 with mlp_multiple_of 256 builds 11008-wide branches', () => {
    const { text, shape } = readFixture('neox/llama2-7b.yml');
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', literal: '32768', key: '"intermediate_size"' });
    assert.equal(shape.gatedMlp, true);
    // A fix that wants 11008-wide branches writes 3 × 11008, which NeoX maps back exactly.
    assert.equal(shape.ffnHiddenSize.toLiteral?.(11008), 33024);
    assert.equal(neoxBranchWidth(33024, true, 256), 11008);
    assert.equal(neoxBranchWidth(33024, true, 1), 11008);
    // pipe_parallel_size 0 disables pipelining: one stage.
    assertField(text, shape.pipelineParallel, { value: 1, origin: 'file', literal: '0' });
    assertField(text, shape.vocabDivisor, { value: 1, origin: 'file' });
  });

  test('Mistral-7B (configs/mistral/7B.yml): the HF width 14336 copied as intermediate_size builds only 4778', () => {
    const { text, shape } = readFixture('neox/mistral-7b.yml');
    assertField(text, shape.ffnHiddenSize, { value: 4778, origin: 'file', literal: '14336' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file', key: '"num_kv_heads"' });
    assertField(text, shape.tensorParallel, { value: 1, origin: 'default' });
    assertField(text, shape.pipelineParallel, { value: 1, origin: 'default' });
    assertField(text, shape.attentionKernel, { value: 'unfused', origin: 'default' });
  });

  test('non-gated widths round up to mlp_multiple_of only', () => {
    assert.equal(neoxBranchWidth(10240, false, 1), 10240);
    assert.equal(neoxBranchWidth(10000, false, 256), 10240);
  });

  test('detection: brace-style YAML with NeoX keys, block-style only with NeoX-only keys', () => {
    assert.ok(neoxReader.detect('x.yml', '{\n  "num-layers": 2,\n  "hidden-size": 64,\n}\n') >= 0.9);
    assert.ok(neoxReader.detect('x.yml', 'pipe_parallel_size: 1\nmodel_parallel_size: 1\nnum_layers: 2\nhidden_size: 64\n') >= 0.5);
    assert.ok(neoxReader.detect('x.yml', 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu\n') < 0.5);
    assert.ok(neoxReader.detect('docker-compose.yml', '{ "services": { "web": { "image": "x" } } }') < 0.5);
  });

  test('MoE (configs/125M-moe.yml @ c291906d): moe_num_experts 4, moe_top_k NeoX\'s default 1, moe_expert_parallel_size', () => {
    const { text, shape } = readFixture('neox/125M-moe.yml');
    assertField(text, shape.numExperts, { value: 4, origin: 'file', key: '"moe_num_experts"' });
    assertField(text, shape.expertsPerToken, { value: 1, origin: 'default' });
    assert.match(shape.expertsPerToken.note ?? '', /GPT-NeoX default moe_top_k 1/);
    assertField(text, shape.expertParallel, { value: 1, origin: 'file', key: '"moe_expert_parallel_size"' });
    assertField(text, shape.ffnHiddenSize, { value: 3072, origin: 'default' });
  });

  test('DeepSpeed-MoE spelling (configs/125M-moe-deepspeed.yml @ 923afa65): num_experts and moe_deepspeed_expert_parallel_size', () => {
    const { text, shape } = readFixture('neox/125M-moe-deepspeed.yml');
    assertField(text, shape.numExperts, { value: 4, origin: 'file', key: '"num_experts"', literal: '4' });
    assertField(text, shape.expertParallel, { value: 1, origin: 'file', key: '"moe_deepspeed_expert_parallel_size"' });
    assertField(text, shape.expertsPerToken, { value: 1, origin: 'default' });
  });

  test('a dense file: one expert, top-1, no expert parallelism', () => {
    const { shape } = readFixture('neox/pythia-1.4b.yml');
    assert.deepEqual([shape.numExperts.value, shape.expertsPerToken.value, shape.expertParallel.value], [1, 1, 1]);
  });
});
