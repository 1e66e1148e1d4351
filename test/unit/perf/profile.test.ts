import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findGpu } from '../../../server/src/core/perf/gpus';
import { PROFILE_SCHEMA, ProfileError, loadGemmProfile, predictGemmShape, predictLayer, type GemmProfile, type GemmShape } from '../../../server/src/core/perf';
import { gpt3Layer } from '../../fixtures/perf/published';

const H100 = findGpu('h100-sxm')!;
const shape = (m: number, n: number, k: number, batch = 1): GemmShape => ({ name: 'mlp_up', label: 'mlp_up', m, n, k, batch });
const model = (s: GemmShape) => predictGemmShape(s, H100, { dtype: 'bf16' });

/** A synthetic profile of a GPU that runs every measured shape at exactly half the model's speed. */
function halfSpeedProfile(shapes: GemmShape[], overrides: Partial<GemmProfile> = {}): GemmProfile {
  return loadGemmProfile(
    JSON.stringify({
      schema: PROFILE_SCHEMA,
      gpu: { name: 'NVIDIA H100 80GB HBM3', catalogId: 'h100-sxm', multiProcessorCount: 132 },
      dtype: 'bf16',
      date: '2026-01-01T00:00:00Z',
      measurements: shapes.map((s) => ({ m: s.m, n: s.n, k: s.k, batch: s.batch, timeUs: 2 * model(s).timeUs })),
      ...overrides,
    }),
  );
}

suite('measured profiles', () => {
  const measured = [shape(8192, 8192, 4096), shape(8192, 12288, 4096), shape(8192, 8192, 8192), shape(4096, 8192, 4096)];
  const profile = halfSpeedProfile(measured);

  test('a measured shape takes the measured time', () => {
    const prediction = predictGemmShape(measured[0], H100, { dtype: 'bf16', profile });
    assert.equal(prediction.source, 'profile');
    assert.equal(prediction.timeUs, profile.measurements[0].timeUs);
  });

  test('a shape between measured ones takes the model scaled by their measured/model ratio', () => {
    const between = shape(8192, 10240, 4096);
    const prediction = predictGemmShape(between, H100, { dtype: 'bf16', profile });
    assert.equal(prediction.source, 'interpolated');
    assert.ok(Math.abs(prediction.timeUs / model(between).timeUs - 2) < 1e-9);
  });

  test('far from every measurement the model stands alone', () => {
    const far = shape(512, 512, 512);
    assert.deepEqual(predictGemmShape(far, H100, { dtype: 'bf16', profile }), model(far));
  });

  test('interpolation keeps the model’s alignment structure (a misaligned neighbour stays slower)', () => {
    const aligned = predictGemmShape(shape(8192, 10240, 4096), H100, { dtype: 'bf16', profile });
    const misaligned = predictGemmShape(shape(8192, 10241, 4096), H100, { dtype: 'bf16', profile });
    assert.ok(misaligned.tflops < 0.6 * aligned.tflops);
  });

  test('a profile for another dtype or another GPU is not used', () => {
    const fp16 = halfSpeedProfile(measured, { dtype: 'fp16' });
    assert.equal(predictGemmShape(measured[0], H100, { dtype: 'bf16', profile: fp16 }).source, 'model');
    assert.equal(predictGemmShape(measured[0], findGpu('a100')!, { dtype: 'bf16', profile }).source, 'model');
  });

  test('predictLayer uses the profile for the layer GEMMs it covers', () => {
    const spec = gpt3Layer(32);
    const qkv = shape(8192, 3 * 2560, 2560);
    const withProfile = predictLayer(spec, H100, { dtype: 'bf16', backward: false, profile: halfSpeedProfile([qkv]) });
    const plain = predictLayer(spec, H100, { dtype: 'bf16', backward: false });
    assert.equal(withProfile.gemms.find((g) => g.name === 'qkv')!.source, 'profile');
    assert.ok(withProfile.layer.timeUs > plain.layer.timeUs);
  });

  test('bad profiles are rejected with the field that is wrong', () => {
    assert.throws(() => loadGemmProfile('{'), ProfileError);
    assert.throws(() => loadGemmProfile('{"schema":"other"}'), /schema/);
    const base = { schema: PROFILE_SCHEMA, gpu: { name: 'x' }, dtype: 'bf16', date: 'd' };
    assert.throws(() => loadGemmProfile(JSON.stringify({ ...base, measurements: [{ m: 1, n: 1, k: 0, timeUs: 1 }] })), /measurements\[0\]\.k/);
    assert.throws(() => loadGemmProfile(JSON.stringify({ ...base, measurements: [{ m: 1, n: 1, k: 1, timeUs: 'fast' }] })), /timeUs/);
    assert.throws(() => loadGemmProfile(JSON.stringify({ ...base, dtype: 'int8', measurements: [] })), /dtype/);
  });
});
