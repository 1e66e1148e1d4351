import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { byRule, spanOf } from './shape-builder';

// BLOOM-176B (bigscience tr11-176B-ml.slurm): 70 layers over 12 pipeline stages with
// Megatron-DeepSpeed's --pp-partition-method 'type:transformer|embedding': 70 + 2 embedding
// layers = 72 = 12 · 6, an even split.
const bloom = (partition: string) => `#!/bin/bash
NLAYERS=70
PP_SIZE=12
ARGS=" \\
    --num-layers $NLAYERS \\
    --hidden-size 14336 \\
    --num-attention-heads 112 \\
    --pipeline-model-parallel-size $PP_SIZE \\
    ${partition} \\
    --seq-length 2048 \\
    "
`;

const pipelineFindings = (text: string) => byRule(check(text, 'bloom.slurm', { format: 'megatron' }).findings, 'pipeline-parallel');

suite('pipeline-parallel with what the framework counts as layers', () => {
  test('type:transformer|embedding counts the two embedding layers: 72 over 12 is even', () => {
    const result = check(bloom(`--pp-partition-method 'type:transformer|embedding'`), 'bloom.slurm', { format: 'megatron' });
    assert.deepEqual(result.shape?.pipelineSplit, {
      extraLayers: 2,
      uneven: false,
      note: "--pp-partition-method 'type:transformer|embedding' counts the 2 embedding layers",
    });
    assert.deepEqual(byRule(result.findings, 'pipeline-parallel'), []);
  });

  test('type:transformer alone: 70 over 12 is uneven, on the layer literal', () => {
    const text = bloom(`--pp-partition-method 'type:transformer'`);
    const [finding, ...rest] = pipelineFindings(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.span, spanOf(text, '70'));
    assert.match(finding.message, /nearest even splits: 60 or 72 layers/);
  });

  test('Megatron-LM --account-for-embedding/loss-in-pipeline-split: 70 + 2 is even; + 1 is not', () => {
    assert.deepEqual(pipelineFindings(bloom('--account-for-embedding-in-pipeline-split --account-for-loss-in-pipeline-split')), []);
    const [finding] = pipelineFindings(bloom('--account-for-embedding-in-pipeline-split'));
    assert.match(finding.message, /^71 layers \(70 \+ 1: --account-for-embedding-in-pipeline-split counts the embedding as a layer\)/);
    // Even splits are 60 or 72 units, which is 59 or 71 transformer layers.
    assert.match(finding.message, /nearest even splits: 59 or 71 layers/);
  });

  test('a split laid out by hand or balanced by parameters is not judged', () => {
    assert.deepEqual(pipelineFindings(bloom('--decoder-first-pipeline-num-layers 4')), []);
    assert.deepEqual(pipelineFindings(bloom(`--pp-partition-method 'parameters'`)), []);
  });
});
