import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { byRule } from './shape-builder';

/** meta-llama/Llama-2-70b-hf config.json (test/fixtures/perf/llama-2-70b-hf). */
const LLAMA_2_70B = readFileSync(join(__dirname, '..', '..', 'fixtures', 'perf', 'llama-2-70b-hf', 'config.json'), 'utf8');

/** A Megatron-LM launch of a Llama-2-7B-shaped model on one node of 8 (examples/gpt3/train_gpt3_175b_distributed.sh's layout). */
const megatron7b = (flags: string): string =>
  `#!/bin/bash\nGPUS_PER_NODE=8\ntorchrun --nproc_per_node $GPUS_PER_NODE --nnodes 1 pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --ffn-hidden-size 11008 --swiglu --seq-length 4096 --vocab-size 32000 --micro-batch-size 1 --global-batch-size 128 ${flags}\n`;

suite('memory', () => {
  test('Llama-2-70B with no model parallelism on 8 H100s: a warning that names the need and the 80 GB, and the remedies by tokens/s', () => {
    const [finding, ...rest] = byRule(check(LLAMA_2_70B, 'config.json', { gpu: 'h100', launch: { gpus: 8 } }).findings, 'memory');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^The run needs ≈ 1\d{3} GiB per GPU, more than the 80 GiB an NVIDIA H100 SXM5 80GB has/);
    // A config.json runs under transformers' Trainer: its remedies in its terms, and no sequence parallelism it does not have.
    assert.match(finding.message, /ZeRO-1 optimizer sharding \(zero_optimization\.stage: 1 in the DeepSpeed config\).*Tensor parallelism 1 → 8 within the node: .*Full recomputation \(gradient_checkpointing: true\)/);
    assert.doesNotMatch(finding.message, /Megatron|sequence parallelism/);
    assert.deepEqual(finding.span, { offset: LLAMA_2_70B.indexOf('"num_hidden_layers": 80') + '"num_hidden_layers": '.length, length: 2 });
    assert.deepEqual(finding.fixes, [], 'config.json has no parallel size or micro-batch to rewrite');
  });

  test('a 7B model with TP 2, the distributed optimizer and selective recompute fits: no warning', () => {
    const result = check(megatron7b('--tensor-model-parallel-size 2 --sequence-parallel --use-distributed-optimizer --recompute-activations'), 'pretrain.sh', { gpu: 'h100' });
    assert.ok(result.run?.memory.fits);
    assert.deepEqual(byRule(result.findings, 'memory'), []);
  });

  test('without them it does not fit; the fixes rewrite the literals, fitting first, each titled with memory and tokens/s, none safe', () => {
    const text = megatron7b('--tensor-model-parallel-size 1 --micro-batch-size 8');
    const [finding] = byRule(check(text, 'pretrain.sh', { gpu: 'h100' }).findings, 'memory');
    assert.ok(finding);
    assert.ok(finding.fixes.length >= 1);
    for (const fix of finding.fixes) {
      assert.equal(fix.safe, false);
      assert.match(fix.title, /: \d+(\.\d)? → \d+(\.\d)? GiB per GPU.*, tokens\/s per GPU [+−]\d+%/);
    }
    const tp = finding.fixes.find((fix) => fix.title.startsWith('Tensor parallelism'));
    assert.ok(tp);
    assert.deepEqual(tp.edits, [{ offset: text.indexOf('--tensor-model-parallel-size 1') + '--tensor-model-parallel-size '.length, length: 1, newText: tp.title.match(/→ (\d+) within/)![1] }]);
  });

  test('a config that says nothing of its launch is not judged on shapelint\'s defaults alone', () => {
    const result = check(LLAMA_2_70B, 'config.json', { gpu: 'h100' });
    assert.equal(result.run?.memory.fits, false, 'the run model still says so, in the hover and the lens');
    assert.deepEqual(byRule(result.findings, 'memory'), []);
  });

  test('a launch that cannot run gets no memory warning (nothing to weigh)', () => {
    const result = check(megatron7b('--tensor-model-parallel-size 8 --pipeline-model-parallel-size 16'), 'pretrain.sh', { gpu: 'h100' });
    assert.equal(result.run, null);
    assert.deepEqual(byRule(result.findings, 'memory'), []);
  });
});

suite('memory remedies in the file\'s own framework\'s terms (FRAMEWORK_REMEDIES)', () => {
  const remediesOf = (text: string, fileName: string, gpus?: number): string => {
    const [finding] = byRule(check(text, fileName, { gpu: 'h100', ...(gpus ? { launch: { gpus } } : {}) }).findings, 'memory');
    assert.ok(finding, `${fileName} gets a memory warning`);
    return finding.message;
  };

  test('Megatron-LM: --recompute-activations, --tensor-model-parallel-size with --sequence-parallel, --use-distributed-optimizer', () => {
    const message = remediesOf(megatron7b('--tensor-model-parallel-size 1 --micro-batch-size 8'), 'pretrain.sh');
    assert.match(message, /Selective recomputation \(--recompute-activations\)/);
    assert.match(message, /Tensor parallelism 1 → \d within the node \(--tensor-model-parallel-size\), with sequence parallelism \(--sequence-parallel\)/);
    assert.match(message, /The distributed optimizer \(--use-distributed-optimizer\)/);
  });

  test('torchtitan: [activation_checkpoint] mode = "selective" and tensor_parallel_degree; FSDP already shards the optimizer', () => {
    // torchtitan/models/llama3/train_configs/llama3_70b.toml's [model] and [training], with activation checkpointing off.
    const toml = '[model]\nname = "llama3"\nflavor = "70B"\n\n[training]\nlocal_batch_size = 8\nseq_len = 8192\n\n[activation_checkpoint]\nmode = "none"\n';
    const message = remediesOf(toml, 'llama3_70b.toml', 8);
    assert.match(message, /Selective recomputation \(\[activation_checkpoint\] mode = "selective"\)/);
    assert.match(message, /\(\[parallelism\] tensor_parallel_degree\), with sequence parallelism \(SequenceParallel on the norms/);
    assert.doesNotMatch(message, /Megatron|distributed optimizer|ZeRO/);
  });

  test('NeMo: activations_checkpoint_granularity: selective, sequence_parallel: True, optim.name: distributed_fused_adam', () => {
    const yaml = 'trainer:\n  devices: 8\n  num_nodes: 1\nmodel:\n  micro_batch_size: 4\n  global_batch_size: 32\n  encoder_seq_length: 4096\n  num_layers: 80\n  hidden_size: 8192\n  ffn_hidden_size: 28672\n  num_attention_heads: 64\n  num_query_groups: 8\n  activation: fast-swiglu\n  tensor_model_parallel_size: 1\n';
    const message = remediesOf(yaml, 'megatron_llama_config.yaml');
    assert.match(message, /Selective recomputation \(activations_checkpoint_granularity: selective\)/);
    assert.match(message, /\(tensor_model_parallel_size\), with sequence parallelism \(sequence_parallel: True\)/);
    assert.match(message, /The distributed optimizer \(optim\.name: distributed_fused_adam\)/);
  });

  test('GPT-NeoX: full recomputation (checkpoint_activations), model_parallel_size without sequence parallelism, ZeRO-1', () => {
    const yaml = '{\n  "num-layers": 44,\n  "hidden-size": 6144,\n  "num-attention-heads": 64,\n  "seq-length": 2048,\n  "train_micro_batch_size_per_gpu": 8,\n  "model-parallel-size": 1,\n  "pipe-parallel-size": 1,\n  "zero_optimization": {"stage": 0}\n}\n';
    const message = remediesOf(yaml, '20B.yml', 8);
    assert.match(message, /Full recomputation \(checkpoint_activations: true\)/);
    assert.match(message, /Tensor parallelism 1 → \d within the node \(model_parallel_size\): /);
    assert.match(message, /ZeRO-1 optimizer sharding \(zero_optimization\.stage: 1\)/);
    assert.doesNotMatch(message, /sequence parallelism|Megatron/);
  });
});
