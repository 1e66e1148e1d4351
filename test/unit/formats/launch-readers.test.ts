import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture, readText } from './fixture';

/** The shape and the findings of a fixture checked on `gpu` with the run's launch flags. */
function checked(path: string, options: Parameters<typeof check>[2] = {}) {
  const fixture = readFixture(path);
  return { ...fixture, result: check(fixture.text, path, options) };
}

suite('nanotron launch: parallelism, tokens, optimizer.zero_stage and model.dtype (huggingface/nanotron)', () => {
  test('config_qwen.yaml: dp × tp × pp × cp GPUs, global batch micro × accumulation × dp, REDUCE_SCATTER is sequence parallelism', () => {
    const { text, shape } = readFixture('nanotron/config_qwen.yaml');
    assertField(text, shape.gpus, { value: 4, origin: 'derived', literal: '2', key: 'dp' });
    assert.match(shape.gpus.note ?? '', /dp 2 × tp 2 × pp 1 × context_parallel_size 1/);
    assertField(text, shape.globalBatchSize, { value: 6, origin: 'derived' });
    assertField(text, shape.contextParallel, { value: 1, origin: 'file', key: 'context_parallel_size' });
    assertField(text, shape.expertParallel, { value: 1, origin: 'file', key: 'expert_parallel_size' });
    assertField(text, shape.sequenceParallel, { value: true, origin: 'file', literal: 'REDUCE_SCATTER' });
    assertField(text, shape.recompute, { value: 'none', origin: 'file', key: 'recompute_layer' });
    assertField(text, shape.sharding, { value: 'none', origin: 'file', key: 'zero_stage' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'file', literal: 'bfloat16' });
    assert.equal(shape.pipelineParallel.note, undefined);
  });

  test('recompute_layer, zero_stage 1 and ALL_REDUCE; pipeline stages under the default all-forward-all-backward engine are noted', () => {
    const { text } = readFixture('nanotron/config_qwen.yaml');
    const changed = text
      .replace('recompute_layer: false', 'recompute_layer: true')
      .replace('zero_stage: 0', 'zero_stage: 1')
      .replace('tp_mode: REDUCE_SCATTER', 'tp_mode: ALL_REDUCE')
      .replace('  pp: 1\n  pp_engine: 1f1b\n', '  pp: 2\n');
    const shape = readText('config_qwen.yaml', changed);
    assert.deepEqual([shape.recompute.value, shape.sharding.value, shape.sequenceParallel.value, shape.gpus.value], ['full', 'zero-1', false, 8]);
    assert.match(shape.pipelineParallel.note ?? '', /pp_engine afab .*ParallelismArgs default.* lower bound/);
  });

  test('the GPUs a file states let the run model judge memory: Qwen-style 3B on its 4 GPUs fits', () => {
    const { result } = checked('nanotron/config_qwen.yaml');
    assert.ok(result.run);
    assert.equal(result.run.memory.fits, true);
    assert.deepEqual(result.run.layout, { dataParallel: 2, microBatches: 1, expertDataParallel: 2, layersPerStage: 36 });
  });
});

suite('litgpt launch: devices × num_nodes, the scripts\' strategies, precision and the global batch they run', () => {
  test('finetune/llama-3-8b/full.yaml: 4 GPUs, FSDP with every Block checkpointed (finetune/full.py), bf16, global batch 64', () => {
    const { text, shape } = readFixture('litgpt/llama-3-8b-full.yaml');
    assertField(text, shape.gpus, { value: 4, origin: 'derived', literal: '4', key: 'devices' });
    assertField(text, shape.gpusPerNode, { value: 4, origin: 'file', literal: '4' });
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'default' });
    assert.match(shape.sharding.note ?? '', /finetune\/full\.py @ 29ece596/);
    assertField(text, shape.recompute, { value: 'full', origin: 'default' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'file', literal: 'bf16-true' });
    assertField(text, shape.globalBatchSize, { value: 64, origin: 'file', literal: '64' });
    assert.match(shape.memoryNotModelled ?? '', /bf16-true .* upper bound/);
  });

  test('finetune/phi-3/full.yaml on one device: no sharding, no checkpointing', () => {
    const { text, shape } = readFixture('litgpt/phi-3-finetune.yaml');
    assertField(text, shape.gpus, { value: 1, origin: 'derived' });
    assert.deepEqual([shape.sharding.value, shape.recompute.value], ['none', 'none']);
  });

  test('a global batch that does not divide is rounded down as the scripts do: 10 over 4 devices of micro-batch 2 runs 8', () => {
    const { text } = readFixture('litgpt/llama-3-8b-full.yaml');
    const shape = readText('full.yaml', text.replace('global_batch_size: 64', 'global_batch_size: 10').replace('micro_batch_size: 4', 'micro_batch_size: 2'));
    assert.deepEqual([shape.globalBatchSize.value, shape.globalBatchSize.origin], [8, 'derived']);
    assert.match(shape.globalBatchSize.note ?? '', /10 \/\/ 4 devices \/\/ micro_batch_size 2 = 1/);
  });

  test('pretrain/tinyllama.yaml: devices auto leaves the GPUs and the global batch unknown, FSDP the pretrain strategy', () => {
    const { text, shape } = readFixture('litgpt/tinyllama-pretrain.yaml');
    assertField(text, shape.gpusPerNode, { value: null, origin: 'unknown', literal: 'auto' });
    assertField(text, shape.gpus, { value: null, origin: 'unknown' });
    assertField(text, shape.globalBatchSize, { value: null, origin: 'unknown' });
    assert.match(shape.globalBatchSize.note ?? '', /train\.global_batch_size 512/);
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'default' });
    assert.match(shape.sharding.note ?? '', /pretrain\.py @ e570612c .*HYBRID_SHARD/);
    assertField(text, shape.recompute, { value: 'none', origin: 'default' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'file', literal: 'bf16-mixed' });
  });

  test('finetune/mistral-7b/qlora.yaml: a QLoRA run on one L4 is modelled (NF4 base, adapter state only) and fits', () => {
    const { result, shape } = checked('litgpt/mistral-7b-qlora.yaml', { gpu: 'l4' });
    assert.equal(shape.gpus.value, 1);
    assert.equal(shape.memoryNotModelled, undefined);
    assert.equal(shape.adapter?.baseWeights, 'nf4');
    assert.equal(result.run?.memory.fits, true);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'memory'), []);
  });
});

suite('axolotl launch: deepspeed, fsdp, precision, attention switches, adapters and model_config overrides', () => {
  test('fft-8b with deepspeed_configs/zero1.json: ZeRO-1 from the shipped config\'s name; bf16 auto; gradient checkpointing; sequence_len', () => {
    const { text, shape } = readFixture('axolotl/fft-8b-zero1.yaml');
    assertField(text, shape.sharding, { value: 'zero-1', origin: 'file', literal: 'deepspeed_configs/zero1.json' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'file', literal: 'auto' });
    assertField(text, shape.recompute, { value: 'full', origin: 'file', key: 'gradient_checkpointing' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'file' });
    assert.equal(shape.memoryNotModelled, undefined);
    const offload = readText('fft.yaml', text.replace('zero1.json', 'zero3_bf16_cpuoffload_all.json'));
    assert.equal(offload.sharding.value, 'zero-3');
    assert.match(offload.memoryNotModelled ?? '', /offloads to CPU memory/);
    const own = readText('fft.yaml', text.replace('deepspeed_configs/zero1.json', 'my_ds.json'));
    assert.deepEqual([own.sharding.value, own.sharding.origin], [null, 'unknown']);
  });

  test('fft-4b-fsdp-tp.yaml: fsdp [auto_wrap] with no strategy is accelerate\'s FULL_SHARD; bf16 true', () => {
    const { text, shape } = readFixture('axolotl/fft-4b-fsdp-tp.yaml');
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'file', literal: 'auto_wrap' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'file', literal: 'true' });
  });

  test('qlora-fsdp-70b.yaml: FULL_SHARD with parameters offloaded, a QLoRA adapter: the offload keeps the memory rule silent even on GPUs it cannot fit', () => {
    const { text, shape, result } = checked('axolotl/qlora-fsdp-70b.yaml', { launch: { gpus: 1 }, gpu: 'l4' });
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'file', literal: 'FULL_SHARD' });
    assert.equal(shape.adapter?.baseWeights, 'nf4-dq');
    assert.match(shape.memoryNotModelled ?? '', /^FSDP offloads parameters to CPU memory/);
    assert.equal(result.run?.memory.fits, false);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'memory'), []);
  });

  test('no deepspeed or fsdp is DDP; no sequence_len is Axolotl\'s 512; tensor_parallel_size auto is not 1; xformers is a fused kernel', () => {
    const { text } = readFixture('axolotl/fft-8b-zero1.yaml');
    const changed = text
      .replace('deepspeed: deepspeed_configs/zero1.json\n', 'tensor_parallel_size: auto\nsequence_parallel_degree: 2\n')
      .replace('sequence_len: 8192\n', '')
      .replace('flash_attention: true', 'xformers_attention: true');
    const shape = readText('fft.yaml', changed);
    assert.deepEqual([shape.sharding.value, shape.sharding.origin], ['none', 'default']);
    assert.deepEqual([shape.seqLength.value, shape.seqLength.origin], [512, 'default']);
    assert.deepEqual([shape.tensorParallel.value, shape.tensorParallel.origin], [null, 'unknown']);
    assert.deepEqual([shape.contextParallel.value, shape.attentionKernel.value], [2, 'flash']);
    assert.deepEqual(check(changed, 'fft.yaml').findings.filter((finding) => finding.ruleId === 'invalid-value'), []);
  });

  test('model_config overrides are set on the base model\'s config (issue 17): a 16-layer Llama 3.1 8B', () => {
    const { text } = readFixture('axolotl/fft-8b-zero1.yaml');
    const changed = text.replace('strict: false\n', 'strict: false\nmodel_config:\n  num_hidden_layers: 16\n  max_position_embeddings: 16384\n');
    const shape = readText('fft.yaml', changed);
    assertField(changed, shape.numLayers, { value: 16, origin: 'file', literal: '16' });
    assertField(changed, shape.hiddenSize, { value: 4096, origin: 'catalogue' });
    const aliased = readText('fft.yaml', changed.replace('model_config:', 'overrides_of_model_config:'));
    assert.equal(aliased.numLayers.value, 16);
  });
});
