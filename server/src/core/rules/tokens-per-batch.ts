import { largestPowerOfTwoDividing } from '../model/shape';
import type { Rule } from './rule';
import { alignment, microBatchSize, relatedAt, sequenceLength } from './support';

export const tokensPerBatchRule: Rule = {
  id: 'tokens-per-batch',
  defaultSeverity: 'warning',
  description: 'Tokens per micro-batch (micro-batch size × sequence length) is not a multiple of 64.',
  check(context) {
    const { shape } = context;
    const { seqLength, microBatchSize: microBatch } = shape;
    // Only the file's own choices are judged; the settings' defaults are aligned by construction.
    if (seqLength.origin !== 'file' && microBatch.origin !== 'file') return;
    const b = microBatchSize(context);
    const s = sequenceLength(context);
    const align = alignment(context, 'linear');
    const tokens = b * s;
    if (!Number.isInteger(tokens) || tokens <= 0 || tokens % align === 0) return;
    const blame = seqLength.origin === 'file' && s % align !== 0 ? seqLength : microBatch.origin === 'file' ? microBatch : seqLength;
    const other = blame === seqLength ? microBatch : seqLength;
    context.report({
      message: `b·s = ${b}·${s} = ${tokens} tokens per micro-batch is not a multiple of ${align} (largest power-of-two factor: ${largestPowerOfTwoDividing(tokens)}): it is the row count of every GEMM in the layer.`,
      span: context.anchor(blame, other),
      related: relatedAt(other, blame === seqLength ? 'micro-batch size' : 'sequence length'),
    });
  },
};
