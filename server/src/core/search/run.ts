/**
 * What the search ranks by. Where the launch is known enough to lay the run out (a checked file,
 * whose launch the file, the framework's defaults and the settings give; bare numbers with a GPU
 * count), every candidate is predicted as the whole run on its GPUs (perf/run): tokens/s per GPU,
 * MFU and memory per GPU against the GPU's. Elsewhere the model's tokens/s on one replica.
 */
import type { Launch } from '../model/shape';
import type { ResolvedCheckOptions } from '../model/options';
import type { LayerSpec } from '../model/prediction';
import type { RunLaunch } from '../perf/run';
import { runForLaunch, runLaunchOf, type RunShapeFacts } from '../perf/run/for-launch';

/** `run`: the run's tokens/s per GPU; `model`: the model's tokens/s on one replica (forward and backward, logits included). */
export type RankedBy = 'run' | 'model';

/** A shape's run, as the search shows it. */
export interface SearchRun {
  tokensPerSecondPerGpu: number;
  mfu: number;
  peakBytesPerGpu: number;
  fits: boolean;
}

/** How the search ranks, and what it can say about memory. */
export type RankBasis =
  | { by: 'run'; note: string; capacityBytes: number; runOf: (spec: LayerSpec) => SearchRun | null }
  | { by: 'model'; note: string };

/**
 * The run of the current spec decides: it ranks by the run when the launch lays it out, and says
 * why not otherwise. `file` is what the run model takes from the config searched, if any;
 * `unknownLaunch` is why there is no launch to lay out (bare numbers without a GPU count).
 */
export function rankBasis(spec: LayerSpec, launch: Launch, options: ResolvedCheckOptions, { file, unknownLaunch }: { file?: RunShapeFacts; unknownLaunch?: string } = {}): RankBasis {
  const replica = spec.tensorParallel > 1 ? `one TP-${spec.tensorParallel} replica` : 'one GPU';
  const model = (why: string): RankBasis => ({ by: 'model', note: `the model's tokens/s on ${replica} (forward and backward, logits included): ${why}` });
  if (unknownLaunch) return model(unknownLaunch);
  const runLaunch = runLaunchOf(launch, options, file);
  const current = runForLaunch(spec, runLaunch, options);
  // The search asks for the current shape's run again (as a candidate); it is the one above.
  const runOf = (candidate: LayerSpec): SearchRun | null => {
    const { run } = sameSpec(candidate, spec) ? current : runForLaunch(candidate, runLaunch, options);
    return run && { tokensPerSecondPerGpu: run.tokensPerSecondPerGpu, mfu: run.mfu, peakBytesPerGpu: run.memory.peakBytesPerGpu, fits: run.memory.fits };
  };
  const { run, runError } = current;
  if (!run) return model(`the run cannot be laid out (${runError ?? 'unknown launch'})`);
  return { by: 'run', note: `the run's tokens/s per GPU (${layoutText(spec, runLaunch, run.layout.dataParallel)})`, capacityBytes: run.memory.capacityBytes, runOf };
}

/** Every field equal: the run model would predict the same. */
function sameSpec(a: LayerSpec, b: LayerSpec): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof LayerSpec>;
  return [...keys].every((key) => a[key] === b[key]);
}

function layoutText(spec: LayerSpec, launch: RunLaunch, dataParallel: number): string {
  const sizes = [`TP ${spec.tensorParallel}`, `PP ${launch.pipelineParallel}`, ...(launch.contextParallel > 1 ? [`CP ${launch.contextParallel}`] : []), `DP ${dataParallel}`];
  return `${launch.gpus} GPUs: ${sizes.join(' × ')}, global batch ${launch.globalBatch}, recompute ${launch.recompute}, sharding ${launch.sharding}`;
}
