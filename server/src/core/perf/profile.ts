import type { Dtype, GemmMeasurement, GemmPrediction, GemmProfile, GemmShape } from '../model/prediction';

/**
 * Measured GEMM profiles (docs/profile-format.md). A shape the profile measured gets the measured
 * time; a shape near measured ones gets the model's time scaled by their measured/model ratio
 * (inverse-distance weighted in log space), so the model keeps the alignment and wave structure
 * and the measurements set the level; far from any measurement the model stands alone.
 */

export const PROFILE_SCHEMA = 'shapelint-gemm-profile/1';

/** Measurements farther than this (Euclidean distance of log2 m, n, k, batch) do not inform a shape. */
const NEIGHBOUR_RADIUS = 1.5;
const MAX_NEIGHBOURS = 4;

export class ProfileError extends Error {}

const DTYPES: readonly Dtype[] = ['bf16', 'fp16', 'fp8'];

function positiveNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ProfileError(`${where} must be a positive number`);
  return value;
}

function positiveInteger(value: unknown, where: string): number {
  const number = positiveNumber(value, where);
  if (!Number.isInteger(number)) throw new ProfileError(`${where} must be an integer`);
  return number;
}

/** Validates a parsed profile file; throws ProfileError naming the first bad field. */
export function parseGemmProfile(json: unknown): GemmProfile {
  if (typeof json !== 'object' || json === null) throw new ProfileError('a profile is a JSON object');
  const record = json as Record<string, unknown>;
  if (record.schema !== PROFILE_SCHEMA) throw new ProfileError(`"schema" must be "${PROFILE_SCHEMA}"`);
  const gpu = record.gpu as Record<string, unknown> | undefined;
  if (typeof gpu !== 'object' || gpu === null || typeof gpu.name !== 'string') throw new ProfileError('"gpu.name" must be a string');
  if (!DTYPES.includes(record.dtype as Dtype)) throw new ProfileError(`"dtype" must be one of ${DTYPES.join(', ')}`);
  if (typeof record.date !== 'string') throw new ProfileError('"date" must be a string');
  if (!Array.isArray(record.measurements)) throw new ProfileError('"measurements" must be an array');
  const measurements = record.measurements.map((entry: unknown, index): GemmMeasurement => {
    const where = `measurements[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new ProfileError(`${where} must be an object`);
    const item = entry as Record<string, unknown>;
    return {
      m: positiveInteger(item.m, `${where}.m`),
      n: positiveInteger(item.n, `${where}.n`),
      k: positiveInteger(item.k, `${where}.k`),
      batch: item.batch === undefined ? 1 : positiveInteger(item.batch, `${where}.batch`),
      timeUs: positiveNumber(item.timeUs, `${where}.timeUs`),
      ...(typeof item.name === 'string' ? { name: item.name } : {}),
    };
  });
  return {
    gpu: {
      name: gpu.name,
      ...(typeof gpu.catalogId === 'string' ? { catalogId: gpu.catalogId } : {}),
      ...(typeof gpu.multiProcessorCount === 'number' ? { multiProcessorCount: gpu.multiProcessorCount } : {}),
    },
    dtype: record.dtype as Dtype,
    date: record.date,
    measurements,
  };
}

export function loadGemmProfile(text: string): GemmProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseGemmProfile(json);
}

/** Whether a profile speaks for this GPU and dtype (a profile without a catalog id is trusted). */
export function profileApplies(profile: GemmProfile, gpuId: string, dtype: Dtype): boolean {
  return profile.dtype === dtype && (profile.gpu.catalogId === undefined || profile.gpu.catalogId === gpuId);
}

const keyOf = (shape: Pick<GemmShape, 'm' | 'n' | 'k' | 'batch'>): string => `${shape.m}x${shape.n}x${shape.k}x${shape.batch}`;

function logDistance(a: Pick<GemmShape, 'm' | 'n' | 'k' | 'batch'>, b: Pick<GemmShape, 'm' | 'n' | 'k' | 'batch'>): number {
  const d = (x: number, y: number): number => Math.log2(x / y);
  return Math.hypot(d(a.m, b.m), d(a.n, b.n), d(a.k, b.k), d(a.batch, b.batch));
}

/**
 * Applies a profile to model predictions: `model(shape)` gives the model's prediction for any
 * shape (it is called for the neighbours too). FlashAttention kernels are never profiled.
 */
export function applyProfile(prediction: GemmPrediction, profile: GemmProfile, model: (shape: GemmShape) => GemmPrediction): GemmPrediction {
  if (prediction.matmuls !== undefined) return prediction;
  const flops = prediction.tflops * prediction.timeUs * 1e6;
  const withTime = (timeUs: number, source: GemmPrediction['source']): GemmPrediction => ({ ...prediction, timeUs, tflops: flops / timeUs / 1e6, source });

  const exact = indexOf(profile).get(keyOf(prediction));
  if (exact) return withTime(exact.timeUs, 'profile');

  const neighbours = profile.measurements
    .map((measurement) => ({ measurement, distance: logDistance(measurement, prediction) }))
    .filter((entry) => entry.distance <= NEIGHBOUR_RADIUS)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, MAX_NEIGHBOURS);
  if (neighbours.length === 0) return prediction;

  let weightedLogRatio = 0;
  let totalWeight = 0;
  for (const { measurement, distance } of neighbours) {
    const modelled = model({ name: prediction.name, label: prediction.label, m: measurement.m, n: measurement.n, k: measurement.k, batch: measurement.batch });
    const weight = 1 / distance;
    weightedLogRatio += weight * Math.log(measurement.timeUs / modelled.timeUs);
    totalWeight += weight;
  }
  return withTime(prediction.timeUs * Math.exp(weightedLogRatio / totalWeight), 'interpolated');
}

const indexes = new WeakMap<GemmProfile, Map<string, GemmMeasurement>>();

function indexOf(profile: GemmProfile): Map<string, GemmMeasurement> {
  let index = indexes.get(profile);
  if (!index) {
    index = new Map(profile.measurements.map((measurement) => [keyOf(measurement), measurement]));
    indexes.set(profile, index);
  }
  return index;
}
