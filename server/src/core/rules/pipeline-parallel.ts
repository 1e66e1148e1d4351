import type { Rule } from './rule';
import { fieldName, isPositiveInteger, relatedAt } from './support';

export const pipelineParallelRule: Rule = {
  id: 'pipeline-parallel',
  defaultSeverity: 'warning',
  description: 'The number of layers is not divisible by the number of pipeline stages.',
  check(context) {
    const { shape } = context;
    const layers = shape.numLayers.value;
    const stages = shape.pipelineParallel.value;
    const split = shape.pipelineSplit;
    if (!isPositiveInteger(layers) || !isPositiveInteger(stages) || stages <= 1 || split?.uneven) return;
    // What the framework balances: the transformer layers plus what it counts with them.
    const extra = split?.extraLayers ?? 0;
    const units = layers + extra;
    if (units % stages === 0) return;
    const fewer = Math.floor(units / stages) * stages - extra;
    const nearest = [fewer, fewer + stages].filter((n) => n > 0).join(' or ');
    const counted = split ? ` (${layers} + ${extra}: ${split.note})` : '';
    context.report({
      message:
        `${units} layers${counted} do not split evenly over ${fieldName(shape.pipelineParallel, 'pipelineParallel')} ${stages}: ` +
        `some stages get ${Math.ceil(units / stages)} layers and others ${Math.floor(units / stages)}, and the slowest stage sets the pace (nearest even splits: ${nearest} layers).`,
      span: context.anchor(shape.numLayers, shape.pipelineParallel),
      related: relatedAt(shape.pipelineParallel, 'pipeline-parallel size'),
    });
  },
};
