import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture, readText } from './fixture';

suite('explicit keys win over the arithmetic they replace', () => {
  test('ExecuTorch Qwen3 4B params: head_dim 128 and hidden_dim 9728 as written, not 2560/32 = 80 or multiple_of', () => {
    const { text, reader, shape } = readFixture('meta/qwen3-4b-config.json');
    assert.equal(reader.id, 'meta');
    assertField(text, shape.headDim, { value: 128, origin: 'file', key: '"head_dim"' });
    assertField(text, shape.ffnHiddenSize, { value: 9728, origin: 'file', key: '"hidden_dim"' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file' });
  });

  test('ExecuTorch Gemma 3 1B params: head dim 256 (not 288), GELU-gated MLP 6912, no head-dim finding', () => {
    const { text, shape } = readFixture('meta/gemma3-1b-config.json');
    assertField(text, shape.headDim, { value: 256, origin: 'file' });
    assertField(text, shape.ffnHiddenSize, { value: 6912, origin: 'file' });
    assertField(text, shape.activation, { value: 'geglu', origin: 'file', literal: '"gelu_approx"' });
    assert.deepEqual(check(text, 'gemma3-1b-config.json').findings.filter((finding) => finding.ruleId === 'head-dim'), []);
  });

  test('ExecuTorch moe: true routes to num_activated_experts of num_experts, ModelArgs defaults 8 and 2', () => {
    const text = '{"dim": 4096, "n_layers": 32, "n_heads": 32, "n_kv_heads": 8, "vocab_size": 32000, "moe": true}';
    const shape = readText('params.json', text);
    assert.deepEqual([shape.numExperts.value, shape.numExperts.origin, shape.expertsPerToken.value], [8, 'default', 2]);
  });

  test('a micro-batch bash computes from the launch ($((GLOBAL_BATCH/WORLD_SIZE))) is read, derived, never rewritten by a fix', () => {
    const text = '#!/bin/bash\nGPUS_PER_NODE=8\nNNODES=4\nWORLD_SIZE=$(($GPUS_PER_NODE*$NNODES))\nGLOBAL_BATCH=256\nMICRO_BATCH=$((GLOBAL_BATCH/WORLD_SIZE))\npython pretrain_gpt.py --num-layers 24 --hidden-size 2048 --num-attention-heads 16 --micro-batch-size $MICRO_BATCH --global-batch-size $GLOBAL_BATCH\n';
    const shape = readText('ds_pretrain.sh', text);
    assert.deepEqual([shape.microBatchSize.value, shape.microBatchSize.origin], [8, 'derived']);
    assert.equal(shape.microBatchSize.note, '$((GLOBAL_BATCH/WORLD_SIZE)) = 256/32 = 8');
  });

  test('MindSpeed-LLM --padded-vocab-size 152064 is the embedding: no vocab-size finding for --make-vocab-size-divisible-by 1', () => {
    const { text, reader, shape } = readFixture('megatron/mindspeed-qwen25-14b-lora.sh');
    assert.equal(reader.id, 'megatron');
    assertField(text, shape.paddedVocabSize, { value: 152064, origin: 'file', literal: '152064' });
    assert.deepEqual(check(text, 'tune_qwen25_14b_4k_lora_pack.sh').findings.filter((finding) => finding.ruleId === 'vocab-size'), []);
  });
});
