import type { CheckResult } from '../pipeline/check';
import { assumptionsText, bandOf, formatBand, formatPercent, formatTflops, formatTime, predictionOf } from './presentation';

export interface CodeLensData {
  title: string;
  tooltip: string;
}

/** The first-line lens: predicted layer throughput and its share of the GPU's peak. */
export function codeLens(result: CheckResult): CodeLensData | null {
  const prediction = predictionOf(result);
  if (!prediction) return null;
  const { gpu, dtype } = result.options;
  const peak = gpu.peakTflops[dtype];
  const share = peak ? ` (${formatPercent(prediction.fractionOfPeak)} of peak)` : '';
  const band = bandOf(result);
  return {
    title: `Layer: ≈ ${formatTflops(prediction.layer.tflops)} TFLOP/s ${formatBand(band)}${share} on ${gpu.name}, ${dtype}`,
    tooltip: `Predicted forward time of one transformer layer: ${formatTime(prediction.layer.timeUs)}; ${band.text}. ${assumptionsText(result)} Click for the shape report.`,
  };
}
