import type { LayerSpec } from '../perf/types';
import type { Rule, RuleContext } from './rule';
import { architectureFixes, fieldName, isPositiveInteger, literalEdit } from './support';

/** Below this predicted gain, doubling the micro-batch is not worth its memory. */
const WORTHWHILE_SPEEDUP = 1.1;
/** The rule suggests no micro-batch above this: past it, memory rather than GEMM shape decides. */
const LARGEST_SUGGESTED_MICRO_BATCH = 64;

/**
 * Activation bytes one layer keeps for the backward pass, 16-bit, no recomputation, tensor
 * parallelism t without sequence parallelism: s·b·h·(10 + 24/t + 5·a·s/(h·t)) (Korthikanti et al.
 * 2022, "Reducing Activation Recomputation in Large Transformer Models", eq. 2). FlashAttention
 * keeps no s×s scores, so its 5·a·s/(h·t) term goes. Under 1F1B pipelining the first stage holds
 * p micro-batches of L/p layers: L layers' worth, the same as without pipelining (their §4.1).
 */
export function activationBytes(spec: LayerSpec, microBatchSize: number): number {
  const { seqLength: s, hiddenSize: h, numHeads: a, tensorParallel: t, numLayers } = spec;
  const scores = spec.flashAttention ? 0 : (5 * a * s) / (h * t);
  return numLayers * s * microBatchSize * h * (10 + 24 / t + scores);
}

/**
 * The micro-batch to suggest: doubling from `b` while the model predicts at least 10% for each
 * doubling. Stopping where the next doubling gains less is what keeps the rule quiet after its own
 * fix (at the suggestion, doubling again is not worth it).
 */
function suggestedMicroBatch(context: RuleContext, b: number): { size: number; speedup: number } | undefined {
  let best: { size: number; speedup: number } | undefined;
  let currentSpeedup = 1;
  for (let size = 2 * b; size <= LARGEST_SUGGESTED_MICRO_BATCH; size *= 2) {
    const estimate = context.estimate({ microBatchSize: size });
    if (!estimate || estimate.speedup < WORTHWHILE_SPEEDUP * currentSpeedup) break;
    best = { size, speedup: estimate.speedup };
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
    const { size, speedup } = suggestion;
    const gain = Math.round((speedup - 1) * 100);
    const memory = `${gib(activationBytes(context.spec, b))} to ${gib(activationBytes(context.spec, size))} GiB per GPU`;
    context.report({
      message:
        `${fieldName(field, 'microBatchSize')} ${b}: the throughput model predicts +${gain}% layer throughput at ${size} (doubling again gains under ${Math.round((WORTHWHILE_SPEEDUP - 1) * 100)}%), ` +
        `but activations grow from ${memory} (16-bit, no recomputation; Korthikanti et al. 2022). Raise it only if that fits; the paper: micro-batch as large as memory allows, VI-B.`,
      span: context.anchor(field),
      fixes: architectureFixes(context, [{ change: `Use micro-batch size ${size}`, edits: [literalEdit(context, field, size)], spec: { microBatchSize: size } }]),
    });
  },
};

function gib(bytes: number): string {
  const value = bytes / 2 ** 30;
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}
