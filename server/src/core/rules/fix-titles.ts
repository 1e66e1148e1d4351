/** How numbers read in titles, hovers and reports: one place, so that they read the same everywhere. */
import type { FixEstimate } from '../model/findings';

/** +18%, −3%, +0.4%: a predicted speed-up ratio as a change. */
export function formatSpeedup(speedup: number): string {
  const change = (speedup - 1) * 100;
  const rounded = Math.abs(change) < 10 ? change.toFixed(1) : change.toFixed(0);
  return `${change >= 0 ? '+' : '−'}${rounded.replace('-', '')}%`;
}

/** 2.65B, 124M, 50.3K: parameter counts. */
export function formatCount(count: number): string {
  const magnitude = Math.abs(count);
  if (magnitude >= 1e9) return `${(count / 1e9).toFixed(2)}B`;
  if (magnitude >= 1e6) return `${(count / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e3) return `${(count / 1e3).toFixed(1)}K`;
  return String(Math.round(count));
}

/** "+18% layer throughput, −1.2M params": what a fix is predicted to do. */
export function describeEstimate(estimate: FixEstimate): string {
  const parts = [`${formatSpeedup(estimate.speedup)} ${estimate.scope} throughput`];
  if (estimate.paramsDelta !== 0) parts.push(`${estimate.paramsDelta > 0 ? '+' : '−'}${formatCount(Math.abs(estimate.paramsDelta))} params`);
  return parts.join(', ');
}
