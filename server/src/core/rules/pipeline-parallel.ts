import type { PipelineSplit } from '../model/shape';
import type { Rule, RuleContext } from './rule';
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
    if (!isPositiveInteger(layers) || !isPositiveInteger(stages) || stages <= 1) return;
    if (split && (split.firstStageLayers !== undefined || split.lastStageLayers !== undefined)) checkMiddleStages(context, layers, stages, split);
    else if (!split?.uneven) checkEvenSplit(context, layers, stages, split);
  },
};

/** A finding on the layers (else the stages), error where the framework refuses the split. */
function reportSplit(context: RuleContext, split: PipelineSplit | undefined, message: string): void {
  const { shape } = context;
  context.report({
    message: split?.refusedBy ? `${message} ${split.refusedBy}.` : message,
    span: context.anchor(shape.numLayers, shape.pipelineParallel),
    related: relatedAt(shape.pipelineParallel, 'pipeline-parallel size'),
    ...(split?.refusedBy ? { severity: 'error' as const } : {}),
  });
}

/** All the layers, with what the framework counts as layers besides them (embedding, loss), over all the stages. */
function checkEvenSplit(context: RuleContext, layers: number, stages: number, split: PipelineSplit | undefined): void {
  const extra = split?.extraLayers ?? 0;
  const units = layers + extra;
  if (units % stages === 0) return;
  const fewer = Math.floor(units / stages) * stages - extra;
  const nearest = [fewer, fewer + stages].filter((n) => n > 0).join(' or ');
  const counted = split ? ` (${layers} + ${extra}: ${split.note})` : '';
  reportSplit(
    context,
    split,
    `${units} layers${counted} do not split evenly over ${fieldName(context.shape.pipelineParallel, 'pipelineParallel')} ${stages}: ` +
      `some stages get ${Math.ceil(units / stages)} layers and others ${Math.floor(units / stages)}, and the slowest stage sets the pace (nearest even splits: ${nearest} layers).`,
  );
}

/** First and last stages of a set size (Megatron-Core's num_layers_in_first/last_pipeline_stage): the middle stages share the rest evenly. */
function checkMiddleStages(context: RuleContext, layers: number, stages: number, split: PipelineSplit): void {
  const ends = [split.firstStageLayers, split.lastStageLayers].filter((n): n is number => n !== undefined);
  const middleLayers = layers - ends.reduce((sum, n) => sum + n, 0);
  const middleStages = stages - ends.length;
  const stagesText = `${fieldName(context.shape.pipelineParallel, 'pipelineParallel')} ${stages}`;
  if (middleStages === 0 ? middleLayers !== 0 : middleLayers <= 0 || middleLayers % middleStages !== 0) {
    const left = `${layers} layers less ${split.note} leave ${middleLayers}`;
    const over = middleStages === 0 ? `for no middle stage (${stagesText})` : `for the ${middleStages} middle stages of ${stagesText}, which do not split them evenly`;
    reportSplit(context, split, `${left} ${over}.`);
  }
}
