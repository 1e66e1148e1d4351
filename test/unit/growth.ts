/**
 * How the cost of some work grows with its size, as a ratio of times, never an absolute time: a
 * loaded machine slows both sizes alike. Each sample repeats the work until it lasts long enough
 * to measure; both sizes run once uncounted (the JIT compiles on first use); samples of the two sizes are interleaved and their medians compared. Work that blows
 * up (backtracking) is stopped once it has clearly lost: the ratio is then a lower bound, which is
 * enough to fail the test without waiting for it.
 */
import { performance } from 'node:perf_hooks';

const SAMPLES = 7;
/** How long one sample of the small size lasts at least, in milliseconds. */
const SAMPLE_MS = 25;
/** A sample of the large size is cut off at this many times the small one's median. */
const GIVE_UP_FACTOR = 50;

export function growthRatio(work: (size: number) => void, small: number, large: number): number {
  let repetitions = 1;
  let calibration = 0;
  while ((calibration = repeat(work, small, repetitions, Infinity)) < SAMPLE_MS && repetitions < 1 << 20) repetitions *= 2;
  // A first run of the large size compiles what only it reaches; it is not counted.
  repeat(work, large, repetitions, GIVE_UP_FACTOR * calibration);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    smallTimes.push(repeat(work, small, repetitions, Infinity));
    largeTimes.push(repeat(work, large, repetitions, GIVE_UP_FACTOR * median(smallTimes)));
  }
  return median(largeTimes) / median(smallTimes);
}

/** Milliseconds for `repetitions` runs, or as long as it took to pass `giveUpMs`. */
function repeat(work: (size: number) => void, size: number, repetitions: number, giveUpMs: number): number {
  const start = performance.now();
  for (let run = 0; run < repetitions; run++) {
    work(size);
    if (performance.now() - start > giveUpMs) break;
  }
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
