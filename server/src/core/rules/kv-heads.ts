import { divisorsOf } from '../model/shape';
import type { Rule } from './rule';
import {
  architectureFixes,
  fieldName,
  isPositiveInteger,
  kvHeadsFitTensorParallel,
  literalEdit,
  nearestOnEachSide,
  relatedAt,
  tensorParallelSize,
} from './support';

export const kvHeadsRule: Rule = {
  id: 'kv-heads',
  defaultSeverity: 'error',
  description: 'The number of attention heads is not divisible by the number of key/value heads (query groups).',
  check(context) {
    const { shape } = context;
    const heads = shape.numHeads.value;
    const kvHeads = shape.numKvHeads.value;
    if (!isPositiveInteger(heads) || !isPositiveInteger(kvHeads) || heads % kvHeads === 0) return;
    const t = tensorParallelSize(context);
    const candidates = divisorsOf(heads).filter((d) => kvHeadsFitTensorParallel(context, d, t));
    const headDim = shape.headDim.value;
    context.report({
      message: `${heads} attention heads are not divisible by ${fieldName(shape.numKvHeads, 'numKvHeads')} ${kvHeads}: grouped-query attention shares each key/value head among a whole number of query heads.`,
      span: context.anchor(shape.numKvHeads, shape.numHeads),
      related: relatedAt(shape.numHeads, 'attention heads'),
      fixes: architectureFixes(
        context,
        nearestOnEachSide(kvHeads, candidates).map((wanted) => ({
          change: `Use ${wanted} kv heads${isPositiveInteger(headDim) ? ` (kv width ${wanted * headDim})` : ''}`,
          edits: [literalEdit(context, shape.numKvHeads, wanted)],
          spec: { numKvHeads: wanted },
        })),
      ),
    });
  },
};
