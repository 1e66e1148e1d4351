import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';

/** A Megatron-LM launch in the shape of examples/gpt3/train_gpt3_175b_distributed.sh, with Llama-2-7B-like sizes. */
const megatron = (flags: string): string =>
  `#!/bin/bash\nGPUS_PER_NODE=8\nNUM_NODES=4\nDISTRIBUTED_ARGS=(--nproc_per_node $GPUS_PER_NODE --nnodes $NUM_NODES)\ntorchrun \${DISTRIBUTED_ARGS[@]} pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --seq-length 4096 --micro-batch-size 1 ${flags}\n`;

const launchOf = (text: string, fileName: string, options = {}) => {
  const result = check(text, fileName, options);
  assert.ok(result.launch, fileName);
  return result;
};

suite('the run launch: read from files, else the framework default, else a setting, each saying which', () => {
  test('Megatron-LM: torchrun nodes × GPUs per node, the parallel sizes, the batch, SP and the distributed optimizer', () => {
    const { launch, run } = launchOf(
      megatron('--tensor-model-parallel-size 2 --pipeline-model-parallel-size 2 --num-layers-per-virtual-pipeline-stage 4 --context-parallel-size 2 --global-batch-size 256 --sequence-parallel --use-distributed-optimizer'),
      'pretrain.sh',
    );
    assert.ok(launch && run);
    assert.deepEqual([launch.gpus.value, launch.gpus.origin], [32, 'derived']);
    assert.match(launch.gpus.note ?? '', /4 nodes .* × 8 GPUs per node/);
    assert.deepEqual([launch.virtualStages.value, launch.virtualStages.origin], [4, 'derived']);
    assert.deepEqual([launch.contextParallel.value, launch.contextParallel.origin], [2, 'file']);
    assert.deepEqual([launch.globalBatchSize.value, launch.sequenceParallel.value, launch.sharding.value], [256, true, 'distributed-optimizer']);
    assert.deepEqual(run.layout, { dataParallel: 4, microBatches: 64, expertDataParallel: 8, layersPerStage: 16 });
  });

  test('Megatron-LM silent: CP/EP/VP 1 and no sharding are its defaults; global batch = micro-batch × DP; the GPUs a setting', () => {
    const { launch } = launchOf('#!/bin/bash\npython pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --tensor-model-parallel-size 2\n', 'pretrain.sh');
    assert.ok(launch);
    assert.deepEqual([launch.contextParallel.origin, launch.sharding.value, launch.sharding.origin], ['default', 'none', 'default']);
    assert.deepEqual([launch.gpus.value, launch.gpus.origin], [8, 'setting']);
    assert.match(launch.gpus.note ?? '', /shapelint's default 8/);
    assert.deepEqual([launch.globalBatchSize.value, launch.globalBatchSize.origin], [4 * 4, 'setting']);
    assert.match(launch.globalBatchSize.note ?? '', /micro-batch 4 × data-parallel 4/);
  });

  test('flags force the file: --gpus and --pp say so', () => {
    const { launch } = launchOf(megatron('--pipeline-model-parallel-size 2'), 'pretrain.sh', { launch: { gpus: 64, pipelineParallel: 4 } });
    assert.ok(launch);
    assert.deepEqual([launch.gpus.value, launch.gpus.origin, launch.gpus.note], [64, 'setting', 'set by --gpus, over the file']);
    assert.deepEqual([launch.pipelineParallel.value, launch.pipelineParallel.note], [4, 'set by --pp, over the file']);
  });

  test("settings fill in only what the file and the framework leave out: the script's 4 × 8 GPUs and PP 2 stay; a script without a launcher takes shapelint.gpus, and Megatron-LM's default PP 1", () => {
    const defaults = { launchDefaults: { gpus: 64, gpusPerNode: 4, pipelineParallel: 4 } };
    const { launch } = launchOf(megatron('--pipeline-model-parallel-size 2'), 'pretrain.sh', defaults);
    assert.ok(launch);
    assert.deepEqual([launch.gpus.value, launch.gpus.origin], [32, 'derived']);
    assert.deepEqual([launch.gpusPerNode.value, launch.gpusPerNode.origin], [8, 'file']);
    assert.deepEqual([launch.pipelineParallel.value, launch.pipelineParallel.origin], [2, 'file']);
    // A script that leaves the launcher out: the settings fill in, and say so.
    const bare = launchOf('#!/bin/bash\npython pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32\n', 'pretrain.sh', defaults).launch;
    assert.ok(bare);
    assert.deepEqual([bare.gpus.value, bare.gpus.origin, bare.gpus.note], [64, 'setting', 'not in the file: set by shapelint.gpus']);
    assert.deepEqual([bare.pipelineParallel.value, bare.pipelineParallel.origin], [1, 'default']);
  });

  test('llm-foundry: fsdp_config FULL_SHARD is FSDP, activation_checkpointing full recomputation, global_train_batch_size the batch', () => {
    const yaml = `model:\n  name: mpt_causal_lm\n  d_model: 4096\n  n_heads: 32\n  n_layers: 32\n  max_seq_len: 2048\n  vocab_size: 50368\nglobal_train_batch_size: 96\ndevice_train_microbatch_size: 6\nfsdp_config:\n  sharding_strategy: FULL_SHARD\n  activation_checkpointing: true\n`;
    const { launch } = launchOf(yaml, 'mpt-7b.yaml');
    assert.ok(launch);
    assert.deepEqual([launch.sharding.value, launch.sharding.origin], ['fsdp', 'file']);
    assert.deepEqual([launch.recompute.value, launch.globalBatchSize.value], ['full', 96]);
  });

  test('torchtitan: FSDP is its default; [parallelism] context_parallel_degree is read', () => {
    const toml = `[model]\nname = "llama3"\nflavor = "8B"\n[training]\nseq_len = 8192\nlocal_batch_size = 1\n[parallelism]\ncontext_parallel_degree = 2\n`;
    const { launch } = launchOf(toml, 'llama3_8b.toml');
    assert.ok(launch);
    assert.deepEqual([launch.sharding.value, launch.sharding.origin], ['fsdp', 'default']);
    assert.deepEqual([launch.contextParallel.value, launch.contextParallel.origin], [2, 'file']);
  });

  test("torchtitan: selective recomputation is its per-op policy in the run's memory; Megatron's selective elsewhere", () => {
    const toml = `[model]\nname = "llama3"\nflavor = "8B"\n[training]\nseq_len = 8192\nlocal_batch_size = 1\n[activation_checkpoint]\nmode = "selective"\nselective_ac_option = "op"\n`;
    const { run } = launchOf(toml, 'llama3_8b.toml');
    assert.ok(run);
    assert.match(run.memory.terms.activations!.formula, /torchtitan per-op selective recomputation/);
    assert.match(run.memory.terms.activations!.source, /parallelize_llama\.py/);
    const megatronRun = launchOf(megatron('--recompute-activations'), 'pretrain.sh').run;
    assert.ok(megatronRun);
    assert.match(megatronRun.memory.terms.activations!.formula, /\(selective recomputation/);
    assert.match(megatronRun.memory.terms.activations!.source, /Korthikanti/);
  });

  test('GPT-NeoX: zero_optimization.stage is the sharding, train_batch_size the global batch', () => {
    const yaml = `{\n  "num_layers": 32,\n  "hidden_size": 2560,\n  "num_attention_heads": 32,\n  "seq_length": 2048,\n  "train_micro_batch_size_per_gpu": 4,\n  "train_batch_size": 256,\n  "zero_optimization": { "stage": 1 }\n}\n`;
    const { launch } = launchOf(yaml, 'neox.yml', { format: 'neox' });
    assert.ok(launch);
    assert.deepEqual([launch.sharding.value, launch.sharding.origin, launch.globalBatchSize.value], ['zero-1', 'file', 256]);
  });

  test('NeMo: trainer.num_nodes × devices, the parallel sizes, sequence_parallel, the distributed optimizer', () => {
    const yaml = `trainer:\n  num_nodes: 2\n  devices: 8\nmodel:\n  encoder_seq_length: 4096\n  micro_batch_size: 1\n  global_batch_size: 64\n  hidden_size: 4096\n  num_attention_heads: 32\n  num_layers: 32\n  tensor_model_parallel_size: 2\n  context_parallel_size: 2\n  sequence_parallel: true\n  optim:\n    name: distributed_fused_adam\n`;
    const { launch, run } = launchOf(yaml, 'megatron_gpt_config.yaml', { format: 'nemo' });
    assert.ok(launch && run);
    assert.deepEqual([launch.gpus.value, launch.gpus.origin, launch.gpusPerNode.value], [16, 'derived', 8]);
    assert.deepEqual([launch.contextParallel.value, launch.sequenceParallel.value, launch.sharding.value, launch.globalBatchSize.value], [2, true, 'distributed-optimizer', 64]);
    assert.deepEqual(run.layout, { dataParallel: 4, microBatches: 16, expertDataParallel: 8, layersPerStage: 32 });
  });

  test('a launch that cannot run leaves the run null and says why', () => {
    const result = check(megatron('--tensor-model-parallel-size 8 --pipeline-model-parallel-size 16'), 'pretrain.sh');
    assert.equal(result.run, null);
    assert.match(result.runError ?? '', /32 GPUs are not a multiple of TP 8 × PP 16/);
  });
});
