import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { ACCURACY_PAGE, accuracyPage, ATTENTION_DIR, loadMeasurements, overlappedSources, VALIDATION_ERROR_MODULE, validationErrorModule } from '../../../tools/accuracy-table';
import { ACHIEVABLE_FRACTION, ALIGNMENT_EFFICIENCY, BACKWARD_LARGE_HEAD_DIM, CALIBRATION_SOURCES, FUSED_ATTENTION_EFFICIENCY, FUSED_ATTENTION_RAMP_KEYS, GEMM_FIXED_COST_US } from '../../../server/src/core/perf/calibration';
import { errorBand } from '../../../server/src/core/perf/error-band';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { scorePoints, summarize, type ScoredPoint } from '../../../server/src/core/perf/measurements';
import { VALIDATION_ERROR } from '../../../server/src/core/perf/validation-error';
import { check } from '../../../server/src/core/check';
import { renderReportHtml, reportData } from '../../../server/src/core/features/report';
import { GPT3_2_7B, resultFor } from '../service/check-result';
import { compareSpecs, loadGemmProfile, predictGemmShape, PROFILE_SCHEMA, type GemmProfile, type GemmShape } from '../../../server/src/core/perf';

const files = loadMeasurements();
const attentionFiles = loadMeasurements(ATTENTION_DIR);
const H100 = findGpu('h100-sxm')!;

suite('measured data (data/measurements)', () => {
  test('every point names a catalogue GPU and a positive throughput; every source says where its numbers are', () => {
    for (const { source, points } of files) {
      assert.ok(source.url || (source.repo && source.path), `${source.id}: a URL or repo + path`);
      assert.ok(source.where.length > 0, `${source.id}: where in it`);
      assert.ok(points.length > 0, source.id);
      for (const point of points) {
        assert.ok(findGpu(point.gpu), `${source.id}: unknown GPU ${point.gpu}`);
        assert.ok(point.tflops > 0, `${source.id}: ${JSON.stringify(point)}`);
      }
    }
  });

  test('calibration and validation are split by source, at least a third of the sources validation-only', () => {
    const all = [...files, ...attentionFiles];
    const roles = new Map(all.map(({ source }) => [source.id, source.role]));
    assert.equal(roles.size, all.length, 'source ids are unique');
    const calibration = all.filter(({ source }) => source.role === 'calibration').map(({ source }) => source.id);
    assert.deepEqual([...calibration].sort(), [...CALIBRATION_SOURCES].sort(), 'calibration.ts lists exactly the calibration sources (data/measurements and data/attention)');
    assert.ok(attentionFiles.some(({ source }) => source.role === 'validation'), 'the attention model has validation data');
    assert.ok(all.length - calibration.length >= all.length / 3, `${all.length - calibration.length} of ${all.length} sources are validation`);
  });

  test('a calibration source that overlaps validation data names validation sources that exist', () => {
    const all = [...files, ...attentionFiles];
    const roles = new Map(all.map(({ source }) => [source.id, source.role]));
    for (const { source } of all) for (const id of source.overlapsWith ?? []) {
      assert.equal(source.role, 'calibration', `${source.id}: only a calibration source can spoil a validation source`);
      assert.equal(roles.get(id), 'validation', `${source.id} overlaps ${id}`);
    }
  });

  test('no fitted constant names a validation source', () => {
    const fused = Object.values(FUSED_ATTENTION_EFFICIENCY).flatMap((family) => Object.values(family));
    const constants = [ALIGNMENT_EFFICIENCY, GEMM_FIXED_COST_US, FUSED_ATTENTION_RAMP_KEYS, BACKWARD_LARGE_HEAD_DIM, ...fused, ...Object.values(ACHIEVABLE_FRACTION)];
    for (const constant of constants) for (const id of constant.fittedOn) assert.ok((CALIBRATION_SOURCES as readonly string[]).includes(id), id);
  });
});

suite('accuracy figures', () => {
  const point = (gpu: string, tflops: number, predicted: number, source = 's'): ScoredPoint => ({
    source: { id: source, role: 'validation', title: '', where: '', chart: false },
    point: { kind: 'gemm', gpu, dtype: 'bf16', m: 1, n: 1, k: 1, batch: 1, tflops },
    predicted,
    error: (predicted - tflops) / tflops,
  });

  test('median and mean absolute error, share within 10%', () => {
    const summary = summarize([point('x', 100, 105), point('x', 100, 80), point('x', 100, 130)]);
    assert.equal(summary.medianAbsError, 0.2);
    assert.ok(Math.abs(summary.meanAbsError - 0.55 / 3) < 1e-12);
    assert.equal(summary.within10, 1 / 3);
  });

  test('order accuracy counts pairs of one GPU and source at least 5% apart', () => {
    const summary = summarize([
      point('x', 100, 50), // vs 103: a tie, not counted
      point('x', 200, 60), // vs 100 and 103: right
      point('x', 103, 55),
      point('x', 300, 58), // vs 100 and 103: right; vs 200: wrong
      point('y', 10, 999), // another GPU: never paired with x
      point('x', 1000, 1, 'other'), // another source: never paired
    ]);
    assert.equal(summary.pairs, 5);
    assert.equal(summary.orderAccuracy, 4 / 5);
  });

  test('docs/accuracy.md and validation-error.ts are what the tool generates from the data (run tools/accuracy-table.ts --write)', () => {
    assert.equal(readFileSync(ACCURACY_PAGE, 'utf8'), accuracyPage(files, attentionFiles));
    assert.equal(readFileSync(VALIDATION_ERROR_MODULE, 'utf8'), validationErrorModule(files));
  });

  test('the per-GPU band is the validation median, never the in-sample one, and never from a source a calibration source overlaps', () => {
    const overlapped = overlappedSources(files);
    assert.ok(overlapped.has('xla-sm90-perf-table'));
    const validation = scorePoints(files.filter(({ source }) => source.role === 'validation' && !overlapped.has(source.id))).filter((entry) => entry.point.gpu === 'h100-sxm');
    assert.equal(VALIDATION_ERROR['h100-sxm'].points, validation.length);
    assert.ok(!VALIDATION_ERROR['h100-sxm'].sources.includes('xla-sm90-perf-table'));
    assert.ok(Math.abs(VALIDATION_ERROR['h100-sxm'].medianAbsError - summarize(validation).medianAbsError) < 5e-4);
  });
});

suite('the error band shown with a prediction', () => {
  const shape = (m: number, n: number, k: number): GemmShape => ({ name: 'mlp_up', label: 'mlp_up', m, n, k, batch: 1 });
  /** A profile of an H100 measured 1.3× slower than the model on a grid, and 1.5× at one odd shape. */
  function profile(): GemmProfile {
    const grid = [4096, 8192].flatMap((m) => [4096, 8192].flatMap((n) => [2048, 4096].map((k) => shape(m, n, k))));
    const timeUs = (s: GemmShape, factor: number) => factor * predictGemmShape(s, H100, { dtype: 'bf16' }).timeUs;
    return loadGemmProfile(
      JSON.stringify({
        schema: PROFILE_SCHEMA,
        gpu: { name: 'NVIDIA H100 80GB HBM3', catalogId: 'h100-sxm' },
        dtype: 'bf16',
        date: '2026-01-01',
        measurements: grid.map((s, i) => ({ ...s, timeUs: timeUs(s, i === 0 ? 1.5 : 1.3) })),
      }),
    );
  }

  test('on a GPU with validation data: its median error in words', () => {
    const band = errorBand(H100, 'bf16');
    assert.equal(band.typical, VALIDATION_ERROR['h100-sxm'].byDtype.bf16!.medianAbsError);
    assert.match(band.text, /^±\d+% typical on NVIDIA H100 SXM5 80GB in bf16 \(median error on \d+ validation GEMMs\)$/);
  });

  test('per dtype where that dtype has enough points; else the GPU figure, saying the dtype was not validated', () => {
    const B200 = findGpu('b200')!;
    assert.equal(errorBand(B200, 'fp8').typical, VALIDATION_ERROR.b200.byDtype.fp8!.medianAbsError);
    assert.equal(errorBand(B200, 'bf16').typical, VALIDATION_ERROR.b200.byDtype.bf16!.medianAbsError);
    assert.notEqual(errorBand(B200, 'fp8').typical, errorBand(B200, 'bf16').typical);
    assert.match(errorBand(H100, 'fp8').text, /typical on NVIDIA H100 SXM5 80GB \(median error on \d+ validation GEMMs, none in fp8\)$/);
  });

  test('on a GPU without (enough) validation data: says so, no number', () => {
    const band = errorBand(findGpu('a10')!, 'bf16');
    assert.equal(band.typical, null);
    assert.match(band.text, /^accuracy not validated on NVIDIA A10/);
    assert.match(errorBand(findGpu('h200')!, 'bf16').text, /only 2 validation points\)/);
  });

  test("with a measured profile: the profile's own leave-one-out fit", () => {
    const band = errorBand(H100, 'bf16', profile());
    assert.ok(band.typical !== null && band.typical < 0.05, `${band.typical}`);
    assert.match(band.text, /leave-one-out fit of the measured profile, 8 GEMMs/);
    assert.equal(errorBand(H100, 'fp8', profile()).typical, VALIDATION_ERROR['h100-sxm'].medianAbsError, 'a bf16 profile does not speak for fp8');
  });

  test("a quick fix's predicted effect uses the profile the check was given", () => {
    const text = 'hidden_size: 2560\nnum_attention_heads: 32\nnum_layers: 32\nseq_length: 2048\n';
    const measured = profile();
    const slowTwenty = { ...measured, measurements: [...measured.measurements, { m: 8192, n: 2560, k: 2560, batch: 1, timeUs: 500 }] };
    const estimateOf = (options: { profile?: GemmProfile }) => {
      const result = check(text, 'neox.yml', { gpu: 'h100', format: 'neox', ...options });
      const fix = result.findings.find((finding) => finding.ruleId === 'head-dim')?.fixes.find((candidate) => candidate.estimate);
      assert.ok(fix?.estimate && result.spec, 'head-dim offers a fix with an estimate');
      return { estimate: fix.estimate, spec: result.spec, title: fix.title };
    };
    const bare = estimateOf({});
    const profiled = estimateOf({ profile: slowTwenty });
    assert.notEqual(profiled.estimate.speedup, bare.estimate.speedup);
    const heads = Number(/(\d+) heads/.exec(profiled.title)?.[1]);
    const expected = compareSpecs(profiled.spec, { ...profiled.spec, numHeads: heads, numKvHeads: heads, headDim: 2560 / heads }, H100, { dtype: 'bf16', backward: false, profile: slowTwenty });
    assert.ok(Math.abs(profiled.estimate.speedup - expected.speedup) < 1e-12, `${profiled.estimate.speedup} vs ${expected.speedup}`);
  });

  test('the shape report states the band under its headline: not validated at the layer level, its GEMMs\' band', () => {
    const data = reportData(resultFor(GPT3_2_7B, { check: { gpu: 'b200' } }), 'config.json');
    assert.ok(data);
    assert.equal(data.accuracy, `the layer: not validated at this level; its GEMMs: ${errorBand(findGpu('b200')!, 'bf16').text}`);
    assert.ok(data.accuracy.endsWith(`typical on NVIDIA B200 in bf16 (median error on ${VALIDATION_ERROR.b200.byDtype.bf16!.points} validation GEMMs)`), data.accuracy);
    assert.ok(renderReportHtml(data).includes(`<p class="meta">${data.accuracy}</p>`));
  });
});
