import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import type { GpuSpec } from '../../../server/src/core/model/hardware';
import { layerKinds, modelParams, predictLayer, type LayerSpec } from '../../../server/src/core/perf';
import { layerParams } from '../../../server/src/core/perf/layer';
import { modelFlopsPerToken, predictRun, runLayout } from '../../../server/src/core/perf/run';
import { stageParams } from '../../../server/src/core/perf/run/memory';
import { RUN_CONSTANTS } from '../../../server/src/core/perf/run/constants';
import { DEEPSEEK_V3 } from './deepseek-v3';
import { runLaunchWith } from './run-launch';

const H100 = findGpu('h100-sxm') as GpuSpec;

/** The same model as if every layer ran experts and none shared one: what shapelint counted before it read the dense layers. */
const ALL_MOE: LayerSpec = { ...DEEPSEEK_V3, denseLayers: 0, sharedExpertFfnSize: 0 };

/**
 * Multi-latent attention's parameters per layer from the shapes of transformers' DeepseekV3Attention
 * modules: q_a_proj, q_a_layernorm, q_b_proj, kv_a_proj_with_mqa, kv_a_layernorm, kv_b_proj, o_proj.
 */
function latentAttentionParams(h: number): number {
  const heads = 128;
  return h * 1536 + 1536 + 1536 * heads * 192 + h * (512 + 64) + 512 + 512 * heads * (128 + 128) + heads * 128 * h;
}

suite('MoE models with dense layers and shared experts', () => {
  test('DeepSeek-V3 counts 671B parameters with its attention counted as multi-latent attention', () => {
    const untiedHead = DEEPSEEK_V3.vocabSize * DEEPSEEK_V3.hiddenSize;
    const counted = modelParams(DEEPSEEK_V3) + untiedHead;
    const attention = layerParams(DEEPSEEK_V3);
    // 187.1M of attention per layer, where standard attention of head dim 192 counted 704.6M (702.8B in all).
    assert.equal(attention.attention + attention.latentDown, latentAttentionParams(DEEPSEEK_V3.hiddenSize));
    // Published: 671B total (arXiv 2412.19437 §1), given to 3 figures; the MTP module is not in it.
    assert.ok(Math.abs(counted - 671e9) < 0.5e9, `${counted}`);
  });

  test('the dense layers and the shared expert change the count from an all-MoE reading by what they hold', () => {
    const h = 7168;
    const expert = 3 * h * 2048 + 2 * 2048 + h;
    const denseMlp = 3 * h * 18432 + 2 * 18432 + h;
    const router = h * 256;
    // 3 layers trade 256 experts and a router for one dense MLP; 58 layers gain a shared expert.
    const expected = 3 * (denseMlp - 256 * expert - router) + 58 * expert;
    assert.equal(modelParams(DEEPSEEK_V3) - modelParams(ALL_MOE), expected);
  });

  test('layer kinds: 58 MoE and 3 dense layers, a pipeline stage gets its share of the dense ones rounded down', () => {
    assert.deepEqual(layerKinds(DEEPSEEK_V3).map(({ kind, count }) => [kind, count]), [['moe', 58], ['dense', 3]]);
    assert.deepEqual(layerKinds(DEEPSEEK_V3, 30).map(({ kind, count }) => [kind, count]), [['moe', 29], ['dense', 1]]);
    assert.deepEqual(layerKinds(DEEPSEEK_V3, 8).map(({ kind, count }) => [kind, count]), [['moe', 8]]);
    assert.deepEqual(layerKinds(ALL_MOE).map(({ kind, count }) => [kind, count]), [['moe', 61]]);
  });

  test('the prediction times each kind of layer: the model adds 58 MoE layers and 3 dense ones', () => {
    const prediction = predictLayer(DEEPSEEK_V3, H100, { dtype: 'bf16', backward: false });
    const dense = prediction.denseLayers;
    assert.ok(dense);
    assert.equal(dense.count, 3);
    assert.equal(dense.moeCount, 58);
    // The dense layer's MLP GEMMs are 18432 wide over every token, with no experts.
    const up = dense.gemms.find((gemm) => gemm.name === 'mlp_up');
    assert.deepEqual(up && [up.m, up.n, up.k, up.batch], [4096, 18432, 7168, 1]);
    // The MoE layer runs the shared expert over every token beside the 256 routed ones.
    const shared = prediction.gemms.find((gemm) => gemm.name === 'shared_expert_up');
    assert.deepEqual(shared && [shared.m, shared.n, shared.k], [4096, 2048, 7168]);
    const routed = prediction.gemms.find((gemm) => gemm.name === 'mlp_up');
    assert.deepEqual(routed && [routed.m, routed.n, routed.batch], [128, 2048, 256]);
    const allMoe = predictLayer(ALL_MOE, H100, { dtype: 'bf16', backward: false });
    assert.equal(allMoe.denseLayers, undefined);
    // Model time: 58 × MoE + 3 × dense + logits, against 61 × (MoE without its shared expert) + logits.
    const logitsUs = (4096 / allMoe.model.tokensPerSecond) * 1e6 - 61 * allMoe.layer.timeUs;
    const modelUs = (4096 / prediction.model.tokensPerSecond) * 1e6;
    assert.ok(Math.abs(modelUs - (58 * prediction.layer.timeUs + 3 * dense.layer.timeUs + logitsUs)) < 1e-6 * modelUs);
  });

  test('model FLOPs per token count the dense layers at their width and the shared expert on every token', () => {
    const h = 7168;
    const mlp = (width: number) => 3 * 2 * h * width;
    // Per token: 3 dense layers lose 8 routed experts' MLP and gain the 18432 MLP; 58 layers gain one shared expert.
    const expected = 3 * (3 * (mlp(18432) - 8 * mlp(2048)) + 58 * mlp(2048));
    const difference = modelFlopsPerToken(DEEPSEEK_V3) - modelFlopsPerToken(ALL_MOE);
    assert.ok(Math.abs(difference - expected) < 1e-6 * expected, `${difference} vs ${expected}`);
  });

  test('memory: expert weights are sharded over EP, the dense layers and the shared expert are not', () => {
    const launch = runLaunchWith({ gpus: 64, expertParallel: 64, globalBatch: 64 });
    const layout = runLayout(launch, 1, 1, 61);
    const params = stageParams(DEEPSEEK_V3, launch, layout, 0);
    const parts = layerParams(DEEPSEEK_V3);
    const denseParts = layerParams({ ...DEEPSEEK_V3, numExperts: 1, ffnHiddenSize: 18432, sharedExpertFfnSize: 0 });
    // 58 MoE layers hold 256 / 64 = 4 experts each on this GPU.
    assert.equal(params.expert, 58 * 4 * parts.mlpPerExpert);
    const nonExpert = 58 * (parts.attention + parts.latentDown + parts.sharedMlp + parts.replicated) + 3 * (denseParts.attention + denseParts.latentDown + denseParts.mlpPerExpert + denseParts.replicated);
    assert.equal(params.dense, nonExpert + DEEPSEEK_V3.vocabSize * DEEPSEEK_V3.hiddenSize);
    // The run's weights are those parameters at the unsharded bytes per parameter.
    const run = predictRun(DEEPSEEK_V3, launch, H100);
    assert.equal(run.memory.terms.weights!.value, (params.dense + params.expert) * RUN_CONSTANTS.modelState.none.value.weights);
    assert.match(run.memory.terms.activations!.formula, /\+ dense layers: [\d.]+ MiB per layer \([^)]*\) × 3 layers\)/);
  });

  test('expert parallelism all-to-alls run in the MoE layers only', () => {
    const launch = runLaunchWith({ gpus: 64, expertParallel: 64, globalBatch: 64 });
    const run = predictRun(DEEPSEEK_V3, launch, H100);
    assert.match(run.time.expertParallel!.formula, /^m × 58 MoE layers/);
    const allMoe = predictRun(ALL_MOE, launch, H100);
    assert.ok(Math.abs(run.time.expertParallel!.value / allMoe.time.expertParallel!.value - 58 / 61) < 1e-9);
  });
});
