import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { LaunchError, runLayout, type RunLaunch } from '../../../server/src/core/perf/run/launch';
import { runLaunchWith } from './run-launch';

/** A launch with only what runLayout reads varied: 8 GPUs, data-parallel 1 at TP 1. */
const launch = (pipelineParallel: number, pipelineExtraLayers: number | undefined, virtualStages = 1): RunLaunch =>
  runLaunchWith({ gpus: pipelineParallel, pipelineParallel, virtualStages, globalBatch: 64, ...(pipelineExtraLayers === undefined ? {} : { pipelineExtraLayers }) });

suite('the run model splits what the pipeline split counts (Megatron-Core account_for_{embedding,loss}_in_pipeline_split)', () => {
  test('Llama 3.1 405B: 126 + 2 over PP 8 × VP 2 splits, 16 transformer layers on a middle stage; 126 alone does not', () => {
    assert.equal(runLayout(launch(8, 2, 2), 1, 1, 126).layersPerStage, 16);
    assert.throws(() => runLayout(launch(8, undefined, 2), 1, 1, 126), LaunchError);
    assert.throws(() => runLayout(launch(8, 1, 2), 1, 1, 126), /126 \+ 1 counted layers do not split evenly over PP 8 × virtual stages 2/);
  });

  test('with no middle stage the fullest end stage holds its share less the embedding or the loss; one stage holds every layer', () => {
    // PP 2, 6 + 2 units: [embedding, 3 layers] [3 layers, loss].
    assert.equal(runLayout(launch(2, 2), 1, 1, 6).layersPerStage, 3);
    // PP 2, 7 + 1 units: [embedding, 3 layers] [4 layers].
    assert.equal(runLayout(launch(2, 1), 1, 1, 7).layersPerStage, 4);
    assert.equal(runLayout(launch(1, 2), 1, 1, 6).layersPerStage, 6);
  });
});
