import type { RunPrediction } from '../perf/run';
import { gib } from './memory';
import type { Rule, RuleContext } from './rule';
import { architectureFixes, fieldName, isPositiveInteger, literalEdit } from './support';

/** Below this predicted gain, doubling the micro-batch is not worth its memory. */
const WORTHWHILE_SPEEDUP = 1.1;
/** The rule suggests no micro-batch above this: past it, memory rather than GEMM shape decides. */
const LARGEST_SUGGESTED_MICRO_BATCH = 64;

/**
 * The run at another micro-batch, the global batch kept as close as the new size allows (a
 * multiple of micro-batch × data-parallel size); null without a run.
 */
function runAt(context: RuleContext, size: number): RunPrediction | null {
  const { run, runLaunch } = context;
  if (!run || !runLaunch) return null;
  const perStep = size * run.layout.dataParallel;
  return context.rerun({ spec: { microBatchSize: size }, launch: { globalBatch: perStep * Math.max(1, Math.round(runLaunch.globalBatch / perStep)) } });
}

/**
 * The micro-batch to suggest: doubling from `b` while the model predicts at least 10% for each
 * doubling and the run still fits in memory. Stopping where the next doubling gains less is what
 * keeps the rule quiet after its own fix (at the suggestion, doubling again is not worth it).
 */
function suggestedMicroBatch(context: RuleContext, b: number): { size: number; speedup: number; run: RunPrediction | null } | undefined {
  let best: { size: number; speedup: number; run: RunPrediction | null } | undefined;
  let currentSpeedup = 1;
  for (let size = 2 * b; size <= LARGEST_SUGGESTED_MICRO_BATCH; size *= 2) {
    const estimate = context.estimate({ microBatchSize: size });
    if (!estimate || estimate.speedup < WORTHWHILE_SPEEDUP * currentSpeedup) break;
    const run = runAt(context, size);
    if (context.run && !run?.memory.fits) break;
    best = { size, speedup: estimate.speedup, run };
    currentSpeedup = estimate.speedup;
  }
  return best;
}

export const microBatchRule: Rule = {
  id: 'micro-batch',
  defaultSeverity: 'information',
  description: 'The throughput model predicts a clearly faster layer with a larger micro-batch, and says what it costs in activation memory.',
  check(context) {
    const field = context.shape.microBatchSize;
    const b = field.value;
    if (field.origin !== 'file' || !isPositiveInteger(b) || !context.spec) return;
    const suggestion = suggestedMicroBatch(context, b);
    if (!suggestion) return;
    const { size, speedup, run } = suggestion;
    const gain = Math.round((speedup - 1) * 100);
    const memory = context.run && run ? `, and the run still fits: ${gib(context.run.memory.peakBytesPerGpu)} → ${gib(run.memory.peakBytesPerGpu)} of ${gib(run.memory.capacityBytes)} GiB per GPU (run model)` : '';
    context.report({
      message:
        `${fieldName(field, 'microBatchSize')} ${b}: the throughput model predicts +${gain}% layer throughput at ${size} (doubling again gains under ${Math.round((WORTHWHILE_SPEEDUP - 1) * 100)}%, or would not fit)${memory}. ` +
        'The paper: micro-batch as large as memory allows, VI-B.',
      span: context.anchor(field),
      fixes: architectureFixes(context, [{ change: `Use micro-batch size ${size}`, edits: [literalEdit(context, field, size)], spec: { microBatchSize: size } }]),
    });
  },
};
