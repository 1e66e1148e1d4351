import type { GpuSpec } from '../core/model/hardware';
import { LAUNCH_FIELDS, LAUNCH_LABELS, type Launch } from '../core/model/shape';
import { GIB, type MemoryTermName, type RunPrediction, type RunTerm, type TimeTermName } from '../core/perf/run';
import { fixed, table } from './perf-args';

const MEMORY_TERMS: readonly MemoryTermName[] = ['weights', 'gradients', 'optimizerStates', 'gatheredWeights', 'activations', 'recomputeWorkingLayer', 'embeddingActivations', 'lossLogits', 'heldQuantizedInputs', 'dequantizedHead', 'allocator', 'runtime'];
const TIME_TERMS: readonly TimeTermName[] = ['compute', 'recompute', 'tensorParallel', 'contextParallel', 'expertParallel', 'pipelineP2p', 'pipelineBubble', 'dataParallel', 'optimizer'];

function values<Name extends string>(names: readonly Name[], terms: Partial<Record<Name, RunTerm>>): Record<Name, number> {
  return Object.fromEntries(names.map((name) => [name, terms[name]?.value ?? 0])) as Record<Name, number>;
}

function explained<Name extends string>(names: readonly Name[], terms: Partial<Record<Name, RunTerm>>): Partial<Record<Name, { formula: string; source: string }>> {
  const result: Partial<Record<Name, { formula: string; source: string }>> = {};
  for (const name of names) {
    const term = terms[name];
    if (term) result[name] = { formula: term.formula, source: term.source };
  }
  return result;
}

/** The `run` object of `predict --format json`: numbers by term (bytes, seconds), then how each was computed. */
export function runJson(run: RunPrediction): object {
  return {
    tokensPerSecondPerGpu: run.tokensPerSecondPerGpu,
    stepSeconds: run.stepSeconds,
    mfu: run.mfu,
    flopsConvention: run.flopsConvention,
    modelFlopsPerToken: run.modelFlopsPerToken,
    layout: run.layout,
    memory: {
      peakBytesPerGpu: run.memory.peakBytesPerGpu,
      capacityBytes: run.memory.capacityBytes,
      fits: run.memory.fits,
      peakStage: run.memory.peakStage,
      terms: values(MEMORY_TERMS, run.memory.terms),
    },
    time: values(TIME_TERMS, run.time),
    formulas: { memory: explained(MEMORY_TERMS, run.memory.terms), time: explained(TIME_TERMS, run.time) },
  };
}

/** Every launch choice the run assumed, with where it came from. */
export function launchJson(launch: Launch): Record<string, { value: unknown; origin: string; note?: string }> {
  return Object.fromEntries(LAUNCH_FIELDS.map((name) => [name, { value: launch[name].value, origin: launch[name].origin, ...(launch[name].note ? { note: launch[name].note } : {}) }]));
}

/** The launch on one line: value, and where it came from where that is not the file. */
function launchLine(launch: Launch): string {
  return LAUNCH_FIELDS.map((name) => {
    const field = launch[name];
    return `${LAUNCH_LABELS[name]} ${String(field.value)}${field.origin === 'file' ? '' : ` (${field.origin})`}`;
  }).join(', ');
}

const gib = (bytes: number): string => fixed(bytes / GIB, 2);

/** The run as two small tables: memory per GPU by term, then step time by part. */
export function formatRun(run: RunPrediction, gpu: GpuSpec, launch: Launch): string {
  const memory = run.memory;
  const memoryRows = MEMORY_TERMS.filter((name) => memory.terms[name]).map((name) => [name, gib(memory.terms[name]!.value), memory.terms[name]!.formula]);
  memoryRows.push(['peak per GPU', gib(memory.peakBytesPerGpu), `${memory.fits ? 'fits' : 'DOES NOT FIT'} in ${gib(memory.capacityBytes)} GiB (${gpu.name})${memory.peakStage === 'only' ? '' : `; the ${memory.peakStage} pipeline stage peaks`}`]);
  const timeRows = TIME_TERMS.filter((name) => run.time[name]).map((name) => {
    const seconds = run.time[name]!.value;
    return [name, fixed(seconds * 1e3, 1), `${fixed((seconds / run.stepSeconds) * 100)}%`, run.time[name]!.formula];
  });
  timeRows.push(['step', fixed(run.stepSeconds * 1e3, 1), '100%', `DP ${run.layout.dataParallel}, ${run.layout.microBatches} micro-batch${run.layout.microBatches === 1 ? '' : 'es'} per step`]);
  return [
    `run: ${fixed(run.tokensPerSecondPerGpu, 0)} tokens/s per GPU, MFU ${fixed(run.mfu * 100)}%, ${fixed(run.stepSeconds, 2)} s per step`,
    `assumed: ${launchLine(launch)}`,
    '',
    table(['memory per GPU', 'GiB', 'how'], memoryRows),
    table(['step time', 'ms', 'share', 'how'], timeRows),
    `MFU counts ${run.flopsConvention}`,
    '',
  ].join('\n');
}
