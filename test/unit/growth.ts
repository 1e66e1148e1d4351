/**
 * How the cost of some work grows with its size, as a ratio of times, never an absolute time: a
 * loaded machine slows both sizes alike. Each sample repeats the work until it lasts long enough
 * to measure; both sizes run uncounted first (the JIT compiles on first use); samples of the two
 * sizes are interleaved and their fastest compared, since load only ever adds time. Work that
 * blows up (backtracking) is stopped once it has clearly lost: the ratio is then a lower bound,
 * which is enough to fail the test without waiting for it.
 */
import { performance } from 'node:perf_hooks';

const SAMPLES = 9;
/** How long one sample of the small size lasts at least, in milliseconds. */
const SAMPLE_MS = 50;
/** A sample of the large size is cut off at this many times the small one's. */
const GIVE_UP_FACTOR = 50;

export function growthRatio(work: (size: number) => void, small: number, large: number): number {
  const calibrate = () => {
    let repetitions = 1;
    let elapsed = 0;
    while ((elapsed = repeat(work, small, repetitions, Infinity)) < SAMPLE_MS && repetitions < 1 << 20) repetitions *= 2;
    return { repetitions, elapsed };
  };
  const warm = calibrate();
  repeat(work, large, warm.repetitions, GIVE_UP_FACTOR * warm.elapsed);
  // Again, now that both sizes have run: the first calibration ran partly before compilation.
  const { repetitions, elapsed } = calibrate();
  let smallest = Infinity;
  let largest = Infinity;
  for (let sample = 0; sample < SAMPLES; sample++) {
    smallest = Math.min(smallest, repeat(work, small, repetitions, Infinity));
    largest = Math.min(largest, repeat(work, large, repetitions, GIVE_UP_FACTOR * Math.min(smallest, elapsed)));
  }
  return largest / smallest;
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
