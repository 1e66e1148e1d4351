import type { CheckResult } from '../check';
import { assumptionsText, bandOf, formatBand, formatPercent, formatTflops, formatTime, memoryUpperBoundText, predictionOf, runHeadline } from './presentation';

export interface CodeLensData {
  title: string;
  tooltip: string;
}

/** The first-line lens: the run (tokens/s per GPU, MFU, memory against capacity), then the layer's throughput and share of peak. */
export function codeLens(result: CheckResult): CodeLensData | null {
  const prediction = predictionOf(result);
  if (!prediction) return null;
  const { gpu, dtype } = result.options;
  const peak = gpu.peakTflops[dtype];
  const share = peak ? ` (${formatPercent(prediction.fractionOfPeak)} of peak)` : '';
  const band = bandOf(result);
  const run = runHeadline(result);
  const caveat = memoryUpperBoundText(result);
  const dense = prediction.denseLayers;
  // Which layer the number is: an MoE layer where the model keeps dense layers too.
  const which = dense ? `an MoE layer (${dense.moeCount} of ${dense.count + dense.moeCount} layers; each of the ${dense.count} dense ones: ≈ ${formatTflops(dense.layer.tflops)} TFLOP/s, ${formatTime(dense.layer.timeUs)})` : 'one transformer layer';
  return {
    title: `${run ? `${run} · ` : ''}${dense ? 'MoE layer' : 'Layer'}: ≈ ${formatTflops(prediction.layer.tflops)} TFLOP/s ${formatBand(band)}${share} on ${gpu.name}, ${dtype}`,
    tooltip:
      (result.run ? `The whole run: step ${result.run.stepSeconds.toFixed(2)} s; MFU counts ${result.run.flopsConvention}. ${caveat ? `${caveat} ` : ''}` : '') +
      `Predicted forward time of ${which}: ${formatTime(prediction.layer.timeUs)}; ${band.text}. ${assumptionsText(result)} Click for the shape report.`,
  };
}
