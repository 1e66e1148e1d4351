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
    assertField(text, shape.denseLayers, { value: 3, origin: 'file', key: 'first_num_dense_layers' });
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
    // Two sequences on each device; one data-parallel rank spans the 4 tensor-parallel devices.
    assertField(text, shape.microBatchSize, { value: 8, origin: 'file', literal: '2' });
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

/** A run config over base.yml, as MaxText's GPU configs start. */
const RUN = 'base_config: "base.yml"\nmodel_name: llama3-8b\n';

const readText = (text: string) => {
  const reader = detectFormat('run.yml', text);
  assert.equal(reader?.id, 'maxtext');
  return reader.read(reader.parse(text));
};

suite('maxtext launch: the device mesh, the batch, remat_policy and precision (src/MaxText/configs/base.yml @ 09d2025b)', () => {
  test('gpu/llama3_8b.yml: per-device batch and sequence from the file, FSDP and bf16 from base.yml, the GPUs left to ici_fsdp_parallelism -1', () => {
    const { text, shape } = readFixture('maxtext/gpu-llama3_8b.yml');
    assertField(text, shape.microBatchSize, { value: 12, origin: 'file', literal: '12' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'file', literal: '8192' });
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'default' });
    assertField(text, shape.dtype, { value: 'bf16', origin: 'default' });
    assertField(text, shape.gpus, { value: null, origin: 'unknown' });
    assert.match(shape.gpus.note ?? '', /dcn_data_parallelism, ici_fsdp_parallelism -1/);
    assertField(text, shape.globalBatchSize, { value: null, origin: 'unknown' });
    assertField(text, shape.attentionKernel, { value: 'cudnn', origin: 'file', literal: '"cudnn_flash_te"' });
  });

  test('remat_policy minimal_with_context saves the projections: selective, and the memory rule told its number is an upper bound', () => {
    const { text, shape } = readFixture('maxtext/gpu-llama3_8b.yml');
    assertField(text, shape.recompute, { value: 'selective', origin: 'file', literal: '"minimal_with_context"' });
    assert.match(shape.memoryNotModelled ?? '', /minimal_with_context .* upper bound/);
  });

  test('weight_dtype bfloat16 stores less than base.yml\'s float32 weights and moments: the memory is an upper bound', () => {
    const { text, shape } = readFixture('maxtext/gpu-llama2_70b.yml');
    assert.equal(shape.memoryNotModelled, undefined);
    const narrow = readText(text.replace('steps: 30\n', 'steps: 30\nweight_dtype: bfloat16\n'));
    assert.match(narrow.memoryNotModelled ?? '', /^weight_dtype bfloat16 .* upper bound$/);
  });

  test('remat_policy full, and none, which MaxText also runs as nn.remat with no policy: full recomputation (decoders.py @ 02bc28ce)', () => {
    const { text, shape } = readFixture('maxtext/gpu-llama2_70b.yml');
    assertField(text, shape.recompute, { value: 'full', origin: 'file', literal: '"full"' });
    assert.equal(shape.memoryNotModelled, undefined);
    const none = readText(text.replace('remat_policy: "full"', 'remat_policy: "none"'));
    assert.deepEqual([none.recompute.value, none.recompute.origin], ['full', 'file']);
    assert.match(none.recompute.note ?? '', /leaves the policy None, as for full/);
    const partial = readText(text.replace('remat_policy: "full"', 'remat_policy: "save_qkv_proj"'));
    assert.equal(partial.recompute.value, 'full');
    assert.match(partial.recompute.note ?? '', /an assumption/);
    assert.equal(readText(text.replace('remat_policy: "full"', 'remat_policy: "custom"')).recompute.origin, 'unknown');
  });

  test('no remat_policy or max_target_length: base.yml\'s full and 2048', () => {
    const { shape } = readFixture('maxtext/gemma3-4b.yml');
    assert.deepEqual([shape.recompute.value, shape.recompute.origin], ['full', 'default']);
    assert.deepEqual([shape.seqLength.value, shape.seqLength.origin], [2048, 'default']);
    assert.match(shape.seqLength.note ?? '', /base\.yml/);
  });

  test('a mesh with every axis known gives the GPUs, the global batch and a micro-batch per data-parallel rank', () => {
    // base.yml's own mesh keys, set on the command line of gpu/llama3_8b.yml's run as MaxText's GPU scripts do.
    const text = RUN + 'per_device_batch_size: 2\ngradient_accumulation_steps: 4\nici_fsdp_parallelism: 4\nici_tensor_parallelism: 2\ndcn_data_parallelism: 1\n';
    const shape = readText(text);
    assertField(text, shape.gpus, { value: 8, origin: 'derived' });
    assert.match(shape.gpus.note ?? '', /ici_fsdp_parallelism 4 × ici_tensor_parallelism 2/);
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', literal: '2' });
    assertField(text, shape.sharding, { value: 'fsdp', origin: 'file', literal: '4' });
    // 8 devices × 2 sequences × 4 accumulation steps (pyconfig calculate_global_batch_sizes).
    assertField(text, shape.globalBatchSize, { value: 64, origin: 'derived' });
    assertField(text, shape.microBatchSize, { value: 4, origin: 'file', literal: '2' });
    // A fix that wants micro-batch 2 writes per_device_batch_size 1.
    assert.deepEqual([shape.microBatchSize.toLiteral?.(2), shape.microBatchSize.written], [1, 2]);
  });

  test('the sequence and context axes are context parallelism; a fractional per-device batch is fine where the rank holds whole sequences', () => {
    const shape = readText(RUN + 'per_device_batch_size: 0.5\nici_sequence_parallelism: 2\nici_fsdp_parallelism: 4\ndcn_data_parallelism: 1\n');
    assert.deepEqual([shape.contextParallel.value, shape.microBatchSize.value, shape.gpus.value, shape.globalBatchSize.value], [2, 1, 8, 4]);
    const fraction = readText(RUN + 'per_device_batch_size: 0.5\n');
    assert.deepEqual([fraction.microBatchSize.value, fraction.microBatchSize.origin], [null, 'unknown']);
  });

  test('pipeline stages cut the step into num_pipeline_microbatches (base.yml -1: one per stage)', () => {
    const mesh = 'per_device_batch_size: 4\nici_pipeline_parallelism: 4\nici_fsdp_parallelism: 2\ndcn_data_parallelism: 1\n';
    const perStage = readText(RUN + mesh);
    assert.deepEqual([perStage.pipelineParallel.value, perStage.microBatchSize.value, perStage.globalBatchSize.value], [4, 4, 32]);
    const eight = readText(RUN + mesh + 'num_pipeline_microbatches: 8\n');
    assert.deepEqual([eight.microBatchSize.value, eight.microBatchSize.toLiteral?.(1)], [2, 2]);
    assert.match(eight.microBatchSize.note ?? '', /× PP 4 \/ num_pipeline_microbatches 8/);
  });

  test('-1 in the file fills an axis: unknown, never an invalid value; a degree that is no number is invalid', () => {
    const text = RUN + 'per_device_batch_size: 1\nici_tensor_parallelism: -1\nici_fsdp_parallelism: 1\n';
    const shape = readText(text);
    assertField(text, shape.tensorParallel, { value: null, origin: 'unknown', literal: '-1' });
    assert.deepEqual(check(text, 'run.yml').findings.filter((finding) => finding.ruleId === 'invalid-value'), []);
    const bad = RUN + 'ici_tensor_parallelism: two\n';
    assertField(bad, readText(bad).tensorParallel, { value: null, origin: 'invalid', literal: 'two' });
  });

  test('shard_optimizer_over_data without an fsdp axis is ZeRO-1; quantization fp8 runs the GEMMs in fp8, int8 is not modelled', () => {
    const zero = readText(RUN + 'ici_fsdp_parallelism: 1\nici_data_parallelism: 8\nshard_optimizer_over_data: True\n');
    assert.deepEqual([zero.sharding.value, zero.sharding.origin], ['zero-1', 'file']);
    const replicated = readText(RUN + 'ici_fsdp_parallelism: 1\nici_data_parallelism: 8\n');
    assert.deepEqual([replicated.sharding.value, replicated.sharding.origin], ['none', 'default']);
    assert.deepEqual([readText(RUN + 'per_device_batch_size: 1\nquantization: "fp8"\n').dtype.value, readText(RUN + 'per_device_batch_size: 1\nquantization: "int8"\n').dtype.origin], ['fp8', 'unknown']);
  });
});

suite('maxtext GPUs per node and nodes: the ICI axes are one slice, a node on GPUs; num_slices the slices', () => {
  test('gpu/llama3_8b.yml on two nodes: ici_fsdp_parallelism 8 GPUs per node, num_slices 2 fills dcn_data_parallelism -1, 16 GPUs', () => {
    const { text, shape } = readFixture('maxtext/gpu-llama3_8b-two-nodes.yml');
    assertField(text, shape.gpusPerNode, { value: 8, origin: 'file', key: 'ici_fsdp_parallelism', literal: '8' });
    assert.match(shape.gpusPerNode.note ?? '', /one host, or of one NVLink fabric .*topology_util\.cc/);
    assertField(text, shape.gpus, { value: 16, origin: 'derived' });
    assert.match(shape.gpus.note ?? '', /8 GPUs per slice \(the ICI axes\) × num_slices 2, .*maxtext_utils\.py @ c491caa0/);
    // 16 devices × per_device_batch_size 12 × gradient_accumulation_steps 1.
    assertField(text, shape.globalBatchSize, { value: 192, origin: 'derived' });
    const { launch, run } = check(text, 'gpu-llama3_8b-two-nodes.yml', { gpu: 'h100-sxm' });
    assert.ok(launch && run);
    assert.deepEqual([launch.gpus.value, launch.gpusPerNode.value, launch.gpusPerNode.origin], [16, 8, 'file']);
    // FSDP over 16 ranks on two nodes: its collectives cross the network, not NVLink alone.
    assert.match(run.time.dataParallel?.formula ?? '', /over DP 16 on .*Gb\/s network/);
  });

  test('without num_slices: the GPUs are every axis over ICI and DCN, the GPUs per node the ICI axes', () => {
    const shape = readText(RUN + 'ici_fsdp_parallelism: 4\nici_tensor_parallelism: 2\ndcn_data_parallelism: 2\n');
    assert.deepEqual([shape.gpus.value, shape.gpusPerNode.value, shape.gpusPerNode.origin], [16, 8, 'derived']);
    assert.match(shape.gpusPerNode.note ?? '', /ici_fsdp_parallelism 4 × ici_tensor_parallelism 2: the ICI axes/);
    const filled = readText(RUN + 'ici_tensor_parallelism: 2\n');
    assert.deepEqual([filled.gpusPerNode.value, filled.gpusPerNode.origin], [null, 'unknown']);
    assert.match(filled.gpusPerNode.note ?? '', /ici_fsdp_parallelism -1 \(base\.yml/);
  });

  test('num_slices 1 leaves the dcn_* axes unused; a DCN product other than num_slices is refused on num_slices', () => {
    const one = readText(RUN + 'ici_fsdp_parallelism: 8\ndcn_data_parallelism: 4\nnum_slices: 1\n');
    assert.deepEqual([one.gpus.value, one.gpus.origin], [8, 'derived']);
    assert.match(one.gpus.note ?? '', /one slice: the dcn_\* axes are not used/);
    const text = RUN + 'ici_fsdp_parallelism: 8\ndcn_fsdp_parallelism: 4\ndcn_data_parallelism: 1\nnum_slices: 2\n';
    const mismatch = readText(text);
    assertField(text, mismatch.gpus, { value: null, origin: 'invalid', key: 'num_slices', literal: '2' });
    assert.match(mismatch.gpus.note ?? '', /num_slices 2, but the dcn_\*_parallelism axes multiply to 4/);
  });
});
