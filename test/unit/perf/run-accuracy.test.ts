import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { loadRuns } from '../../../tools/run-accuracy';
import { COLLECTIVE_BUS_FRACTION, RUN_CALIBRATION_SOURCES, TRAINING_COMPUTE_EFFICIENCY, ZERO3_COLLECTIVE_EFFICIENCY } from '../../../server/src/core/perf/calibration';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { measuredTokensPerSecond, narayananFlopsPerToken, predictMeasuredRun, runInputs, type MeasuredRun } from '../../../server/src/core/perf/run/measured';
import { RUN_VALIDATION_ERROR } from '../../../server/src/core/perf/validation-error';

const files = loadRuns();

suite('measured runs (data/runs)', () => {
  test('every run names a catalogue GPU, a launch that divides, and a positive measurement (tokens/s, or only peak memory); every source says where and how it counts FLOPs', () => {
    const ids = new Set<string>();
    for (const { source, runs } of files) {
      assert.ok(!ids.has(source.id), `duplicate source ${source.id}`);
      ids.add(source.id);
      assert.ok(source.url || (source.repo && source.path && /^[0-9a-f]{40}$/.test(source.commit ?? '')), `${source.id}: repo, path and commit, or url`);
      assert.ok(source.where && source.framework && source.flopsConvention, source.id);
      assert.ok(runs.length > 0, source.id);
      for (const run of runs) {
        assert.ok(findGpu(run.gpu), `${source.id} ${run.id}: ${run.gpu}`);
        assert.ok((measuredTokensPerSecond(run) ?? run.measured.peakMemoryGiB ?? 0) > 0, `${run.id}: a positive tokens/s or peak memory`);
        assert.doesNotThrow(() => runInputs(run), run.id);
        if (run.measured.peakMemoryGiB !== undefined) assert.ok(source.memoryMeasure, `${source.id}: a source with peak memory says what it counts (memoryMeasure)`);
      }
    }
  });

  test('roles: calibration.ts lists exactly the calibration sources, at least half the sources are validation', () => {
    const calibration = files.filter(({ source }) => source.role === 'calibration').map(({ source }) => source.id);
    assert.deepEqual([...calibration].sort(), [...RUN_CALIBRATION_SOURCES].sort());
    assert.ok(files.filter(({ source }) => source.role === 'validation').length * 2 >= files.length);
  });

  test('every fitted run constant was fitted on calibration runs only', () => {
    for (const constant of [TRAINING_COMPUTE_EFFICIENCY, ZERO3_COLLECTIVE_EFFICIENCY, ...Object.values(COLLECTIVE_BUS_FRACTION)]) {
      for (const id of constant.fittedOn) assert.ok((RUN_CALIBRATION_SOURCES as readonly string[]).includes(id), id);
    }
  });

  test('the run band comes from validation sources only', () => {
    const validation = new Set(files.filter(({ source }) => source.role === 'validation').map(({ source }) => source.id));
    for (const band of Object.values(RUN_VALIDATION_ERROR)) for (const id of band.sources) assert.ok(validation.has(id), id);
  });

  test('a run whose pipeline split counts the embedding and the loss (Megatron-Core account_for_*_in_pipeline_split): Llama 3.1 405B, 126 + 2 units over PP 8 × VP 8', () => {
    // The DGX-B200 row of NVIDIA-NeMo/Megatron-Bridge docs/performance-summary.md @ df0289c (25.11): 128 GPUs, TP 4, PP 8, CP 2, VP 8, GBS 64.
    const run: MeasuredRun = {
      id: 'llama3.1-405b b200',
      gpu: 'b200',
      model: { hidden: 16384, heads: 128, kvHeads: 8, ffn: 53248, activation: 'swiglu', layers: 126, vocab: 128256, untiedEmbeddings: true },
      launch: { gpus: 128, seq: 8192, microBatch: 1, globalBatch: 64, tp: 4, pp: 8, cp: 2, vp: 8, pipelineExtraLayers: 2, sequenceParallel: true, sharding: 'distributed-optimizer', recompute: 'none', attention: 'transformer-engine', dtype: 'fp8' },
      measured: { tokensPerSecondPerGpu: 661 },
    };
    assert.equal(runInputs(run).launch.pipelineExtraLayers, 2);
    assert.ok(predictMeasuredRun(run).tokensPerSecondPerGpu > 0);
    const { pipelineExtraLayers: _counted, ...uncounted } = run.launch;
    assert.throws(() => predictMeasuredRun({ ...run, launch: uncounted }), /126 layers do not split evenly over PP 8 × virtual stages 8/);
  });

  test("Narayanan's TFLOP/s become tokens/s through their Eq. 3: GPT-3 175B at 153 TFLOP/s is 106.7 tokens/s per GPU", () => {
    const model = { hidden: 12288, heads: 96, layers: 96, vocab: 51200, activation: 'gelu' as const };
    const perToken = narayananFlopsPerToken(model, 2048);
    assert.equal(perToken, 96 * 96 * 12288 ** 2 * (1 + 2048 / (6 * 12288) + 51200 / (16 * 96 * 12288)));
    assert.ok(Math.abs((153e12 / perToken) - 106.7) < 0.1);
  });
});
