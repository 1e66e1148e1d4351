import { deviceRates, predictGemm } from './gemm';
import type { GpuSpec } from '../model/hardware';
import { applyProfile, profileApplies } from './profile';
import type { Dtype, GemmProfile } from '../model/prediction';
import { VALIDATION_ERROR } from './validation-error';

/**
 * How wrong a prediction typically is, said next to it: the median absolute error on the
 * validation sources for that GPU and dtype (validation-error.ts, generated from data/measurements), or,
 * with a measured profile, the profile's own leave-one-out fit. Never a calibration figure.
 */
export interface ErrorBand {
  /** Typical relative error (0.12 = ±12%); null when nothing measured backs this GPU. */
  typical: number | null;
  /** The band in words, e.g. "±12% typical on NVIDIA H100 SXM5 80GB (median of 226 validation GEMMs)". */
  text: string;
}

/** Fewer validation points than this and a per-GPU median says little. */
export const MIN_BAND_POINTS = 5;

export function errorBand(gpu: GpuSpec, dtype: Dtype, profile?: GemmProfile): ErrorBand {
  const fit = profile && profileApplies(profile, gpu.id, dtype) ? profileFit(profile, gpu) : null;
  if (fit) return { typical: fit.typical, text: `±${percent(fit.typical)} typical (leave-one-out fit of the measured profile, ${fit.points} GEMMs)` };
  const validation = VALIDATION_ERROR[gpu.id];
  if (!validation || validation.points < MIN_BAND_POINTS) {
    const few = validation ? ` (only ${validation.points} validation point${validation.points === 1 ? '' : 's'})` : '';
    return { typical: null, text: `accuracy not validated on ${gpu.name}${few}: see docs/accuracy.md` };
  }
  const ofDtype = validation.byDtype[dtype];
  if (ofDtype && ofDtype.points >= MIN_BAND_POINTS) {
    return { typical: ofDtype.medianAbsError, text: `±${percent(ofDtype.medianAbsError)} typical on ${gpu.name} in ${dtype} (median error on ${ofDtype.points} validation GEMMs)` };
  }
  return {
    typical: validation.medianAbsError,
    text: `±${percent(validation.medianAbsError)} typical on ${gpu.name} (median error on ${validation.points} validation GEMMs, ${ofDtype ? `only ${ofDtype.points}` : 'none'} in ${dtype})`,
  };
}

/**
 * The band of a number above the GEMM level (a layer, a whole model's tokens/s): no layer- or
 * run-level measurement is validation data here (the paper's Figure 1 layers are calibration), so
 * it says so and gives its GEMMs' band for what that is worth.
 */
export function aboveGemmBand(level: 'layer' | 'model', gpu: GpuSpec, dtype: Dtype, profile?: GemmProfile): ErrorBand {
  return { typical: null, text: `${level === 'layer' ? 'the layer' : "the model's tokens/s"}: not validated at this level; its GEMMs: ${errorBand(gpu, dtype, profile).text}` };
}

const percent = (fraction: number): string => `${Math.max(1, Math.round(fraction * 100))}%`;

const fits = new WeakMap<GemmProfile, { typical: number; points: number } | null>();

/** Each measurement predicted from the others (the model scaled by its neighbours), median |error|. */
function profileFit(profile: GemmProfile, gpu: GpuSpec): { typical: number; points: number } | null {
  if (fits.has(profile)) return fits.get(profile)!;
  const rates = deviceRates(gpu, profile.dtype);
  const errors = profile.measurements.map((measured, index) => {
    const others: GemmProfile = { ...profile, measurements: profile.measurements.filter((_, other) => other !== index) };
    const shape = { name: 'mlp_up' as const, label: 'profile', m: measured.m, n: measured.n, k: measured.k, batch: measured.batch };
    const predicted = applyProfile(predictGemm(shape, rates), others, (neighbour) => predictGemm(neighbour, rates));
    return Math.abs(measured.timeUs / predicted.timeUs - 1);
  });
  const sorted = errors.sort((a, b) => a - b);
  const fit = sorted.length < 2 ? null : { typical: sorted[sorted.length >> 1], points: sorted.length };
  fits.set(profile, fit);
  return fit;
}
