import type { Rule } from './rule';
import { architectureFixes, fieldName, isPositiveInteger, literalEdit } from './support';

/** Below this predicted gain, doubling the micro-batch is not worth its memory. */
const WORTHWHILE_SPEEDUP = 1.1;

export const microBatchRule: Rule = {
  id: 'micro-batch',
  defaultSeverity: 'information',
  description: 'The throughput model predicts a clearly faster layer with twice the micro-batch size (memory permitting).',
  check(context) {
    const field = context.shape.microBatchSize;
    const b = field.value;
    if (field.origin !== 'file' || !isPositiveInteger(b)) return;
    const doubled = 2 * b;
    const estimate = context.estimate({ microBatchSize: doubled });
    if (!estimate || estimate.speedup < WORTHWHILE_SPEEDUP) return;
    const gain = Math.round((estimate.speedup - 1) * 100);
    context.report({
      message: `${fieldName(field, 'microBatchSize')} ${b}: the throughput model predicts +${gain}% layer throughput at ${doubled}, if activations fit in memory (the paper: micro-batch as large as possible, VI-B).`,
      span: context.anchor(field),
      fixes: architectureFixes(context, [{ change: `Use micro-batch size ${doubled}`, edits: [literalEdit(context, field, doubled)], spec: { microBatchSize: doubled } }]),
    });
  },
};
