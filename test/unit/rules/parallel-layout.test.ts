import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import type { CheckOptions } from '../../../server/src/core/model/options';
import { readFixture } from '../formats/fixture';
import { byRule } from './shape-builder';

const layoutFindings = (text: string, fileName: string, options: CheckOptions = {}) => byRule(check(text, fileName, options).findings, 'parallel-layout');

/** NeMo 2's llama31_405b recipe called from a script (ishine/NeMo nemo/collections/llm/recipes/llama31_405b.py @ c88a0d36: TP 8, PP 8, CP 4). */
const recipe405b = (call: string) => `from nemo.collections import llm\nrecipe = llm.llama31_405b.pretrain_recipe(${call})\n`;

/**
 * Megatron-LM's examples/gpt3/train_gpt3_175b_distributed.sh (test/fixtures/perf/megatron-gpt3-175b, verbatim
 * at 157006d6): GPUS_PER_NODE=8, NUM_NODES=1 ("Change for multinode config") under TP 8 × PP 16.
 */
const GPT3_175B = readFileSync(join(__dirname, '..', '..', 'fixtures', 'perf', 'megatron-gpt3-175b', 'train_gpt3_175b_distributed.sh'), 'utf8');
const gpt3175b = (nodes: string): string => GPT3_175B.replace('\nNUM_NODES=1\n', `\nNUM_NODES=${nodes}\n`);
const after = (text: string, prefix: string, literal: string) => ({ offset: text.indexOf(prefix + literal) + prefix.length, length: literal.length });

suite('parallel-layout: the sizes Megatron refuses (initialize_model_parallel, the micro-batch calculator)', () => {
  test('llama31_405b on 4 nodes: TP 8 × PP 8 × CP 4 = 256 does not divide 32 GPUs, an error on num_nodes (the recipe\'s sizes are not in the file)', () => {
    const text = recipe405b('num_nodes=4');
    const [finding, ...rest] = layoutFindings(text, 'pretrain.py');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, after(text, 'num_nodes=', '4'));
    assert.match(finding.message, /^TP 8 × PP 8 × CP 4 = 256 GPUs per model replica, but the run has 32 GPUs \(num_nodes 4 × num_gpus_per_node 8\), not a multiple of 256/);
    assert.match(finding.message, /"world_size \(32\) is not divisible by 256" \(initialize_model_parallel, megatron\/core\/parallel_state\.py\)/);
    // 32 nodes are 256 GPUs: one replica, global batch 512 of micro-batch 1.
    assert.deepEqual(layoutFindings(recipe405b('num_nodes=32'), 'pretrain.py'), []);
  });

  test('a GPU count nobody states judges nothing: the recipe\'s default one node, shapelint\'s default 8 GPUs', () => {
    assert.deepEqual(layoutFindings(recipe405b(''), 'pretrain.py'), []);
    const shape = check(recipe405b(''), 'pretrain.py').shape;
    assert.deepEqual([shape?.gpus.value, shape?.gpus.origin], [8, 'default']);
    // Without torchrun's --nproc_per_node and --nnodes the script does not say how many GPUs run it.
    const noLauncher = gpt3175b('1').replace(/ +--nproc_per_node \S+ *\n +--nnodes \S+ *\n/, '');
    assert.equal(check(noLauncher, 'train.sh').launch?.gpus.origin, 'setting');
    assert.deepEqual(layoutFindings(noLauncher, 'train.sh'), []);
  });

  test('the recipe module itself: pretrain_recipe(num_nodes: int = 1) gives trainer() 8 GPUs for 256, on that literal', () => {
    const { text } = readFixture('nemo2/llama31_405b.py');
    const [finding] = layoutFindings(text, 'llama31_405b.py');
    assert.equal(text.slice(finding.span.offset, finding.span.offset + finding.span.length), '1');
    assert.equal(text.slice(finding.span.offset - 'num_nodes: int = '.length, finding.span.offset), 'num_nodes: int = ');
  });

  test('Megatron-LM\'s GPT-3 175B example on one node: the finding lands on PP 16, the size without which TP 8 fits the 8 GPUs', () => {
    const text = gpt3175b('1');
    const [finding, ...rest] = layoutFindings(text, 'train_gpt3_175b_distributed.sh');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.span, after(text, '--pipeline-model-parallel-size ', '16'));
    assert.deepEqual(
      finding.related.map((related) => related.message),
      ['tensor-parallel size', 'GPU count'],
    );
    assert.deepEqual(finding.related[0].span, after(text, '--tensor-model-parallel-size ', '8'));
    // 16 nodes: 128 GPUs, one replica; global batch 1536 of micro-batch 1 × data-parallel 1.
    assert.deepEqual(layoutFindings(gpt3175b('16'), 'train_gpt3_175b_distributed.sh'), []);
    // --gpus states the GPU count too.
    assert.equal(layoutFindings(gpt3175b('16'), 'train.sh', { launch: { gpus: 64 } }).length, 1);
  });

  test('a global batch that is not whole micro-batches on every data-parallel rank: on the global batch literal', () => {
    // 32 nodes = 256 GPUs over 128-GPU replicas: data-parallel 2; 1537 is not a multiple of 1 × 2.
    const text = gpt3175b('32').replace('1536', '1537');
    const [finding, ...rest] = layoutFindings(text, 'train.sh');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.span, after(text, '--global-batch-size ', '1537'));
    assert.match(finding.message, /^Global batch 1537 is not a multiple of micro-batch 1 × data-parallel 2 = 2 \(256 GPUs \/ TP 8 × PP 16 × CP 1 = 128 per replica; nearest: 1536 or 1538\)/);
    assert.match(finding.message, /"global batch size \(1537\) is not divisible by micro batch size \(1\) times data parallel size \(2\)"/);
    // The recipe's own global batch counts as stated: llama3_8b's 512 on 3 nodes (data-parallel 12 with CP 2).
    const [recipeBatch] = layoutFindings('from nemo.collections import llm\nrecipe = llm.llama3_8b.pretrain_recipe(num_nodes=3)\n', 'pretrain.py');
    assert.match(recipeBatch.message, /^Global batch 512 is not a multiple of micro-batch 1 × data-parallel 12 = 12/);
  });

  test('a micro-batch only shapelint assumes judges no global batch; one the user sets does', () => {
    const text = gpt3175b('32').replace('1536', '1537').replace(/ +--micro-batch-size 1 *\n/, '');
    assert.equal(check(text, 'train.sh').launch?.microBatchSize.origin, 'setting');
    assert.deepEqual(layoutFindings(text, 'train.sh'), []);
    assert.equal(layoutFindings(text, 'train.sh', { microBatchSize: 1 }).length, 1);
  });
});
