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
    assert.match(finding.message, /The distributed optimizer .*Tensor parallelism 1 → 8 within the node/);
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
