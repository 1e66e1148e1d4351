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

  test('Megatron-Core refuses an accounted split that does not divide (TransformerConfig.__post_init__): an error, not a warning', () => {
    const [finding] = pipelineFindings(bloom('--account-for-embedding-in-pipeline-split'));
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /Megatron-Core's TransformerConfig\.__post_init__ raises ValueError/);
    // DeepSpeed's partitioner balances an uneven split: slower, not refused.
    assert.equal(pipelineFindings(bloom(`--pp-partition-method 'type:transformer'`))[0].severity, 'warning');
  });

  test('--decoder-first/last-pipeline-num-layers: the middle stages share the rest evenly, as Megatron-Core requires', () => {
    // 70 − 4 = 66 over 11 middle stages: 6 each.
    assert.deepEqual(pipelineFindings(bloom('--decoder-first-pipeline-num-layers 4')), []);
    // 70 − 4 − 5 = 61 over 10 middle stages does not divide: Megatron-Core raises ValueError.
    const text = bloom('--decoder-first-pipeline-num-layers 4 --decoder-last-pipeline-num-layers 5');
    const [finding, ...rest] = pipelineFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, spanOf(text, '70'));
    assert.match(finding.message, /^70 layers less --decoder-first-pipeline-num-layers 4, --decoder-last-pipeline-num-layers 5 leave 61 for the 10 middle stages/);
    // 70 − 5 − 5 = 60 over 10: even.
    assert.deepEqual(pipelineFindings(bloom('--decoder-first-pipeline-num-layers 5 --decoder-last-pipeline-num-layers 5')), []);
  });

  test('a split laid out by hand, a stage size not written as a number, or one balanced by parameters is not judged', () => {
    assert.deepEqual(pipelineFindings(bloom('--pipeline-model-parallel-layout "Et*3|(tt|)*29,m|L"')), []);
    assert.deepEqual(pipelineFindings(bloom('--decoder-first-pipeline-num-layers $FIRST')), []);
    assert.deepEqual(pipelineFindings(bloom(`--pp-partition-method 'parameters'`)), []);
  });
});
