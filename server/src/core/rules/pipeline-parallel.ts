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
    if (!isPositiveInteger(layers) || !isPositiveInteger(stages) || stages <= 1 || layers % stages === 0) return;
    const fewer = Math.floor(layers / stages) * stages;
    const more = fewer + stages;
    const nearest = [fewer, more].filter((n) => n > 0).join(' or ');
    context.report({
      message:
        `${layers} layers do not split evenly over ${fieldName(shape.pipelineParallel, 'pipelineParallel')} ${stages}: ` +
        `some stages get ${Math.ceil(layers / stages)} layers and others ${Math.floor(layers / stages)}, and the slowest stage sets the pace (nearest even splits: ${nearest} layers).`,
      span: context.anchor(shape.numLayers, shape.pipelineParallel),
      related: relatedAt(shape.pipelineParallel, 'pipeline-parallel size'),
    });
  },
};
