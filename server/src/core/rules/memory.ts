import { GIB, type RunLaunch, type RunPrediction } from '../perf/run';
import { RUN_VALIDATION_ERROR } from '../perf/validation-error';
import type { Fix, TextEdit } from '../model/findings';
import type { NumberField } from '../model/shape';
import type { LayerSpec } from '../model/prediction';
import type { Rule, RuleContext } from './rule';
import { literalEdit } from './support';

/** One way to make the run fit, tried on the run model. */
interface Remedy {
  change: string;
  spec?: Partial<LayerSpec>;
  launch?: Partial<RunLaunch>;
  /** The literal to rewrite, where the file has one. */
  edit?: TextEdit;
}

export const gib = (bytes: number): string => {
  const value = bytes / GIB;
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
};

const percent = (ratio: number): string => `${ratio >= 1 ? '+' : '−'}${Math.abs(Math.round((ratio - 1) * 100))}%`;

/** Model state (weights, gradients, optimizer) against what the micro-batches add: which of the two decides. */
function modelStateBytes(run: RunPrediction): number {
  const { weights, gradients, optimizerStates, gatheredWeights } = run.memory.terms;
  return (weights?.value ?? 0) + (gradients?.value ?? 0) + (optimizerStates?.value ?? 0) + (gatheredWeights?.value ?? 0);
}

/** The smallest larger tensor-parallel size within the node that fits (dividing the heads and the GPUs), else the largest. */
function largerTensorParallel(context: RuleContext, spec: LayerSpec, launch: RunLaunch): number | undefined {
  let largest: number | undefined;
  for (let t = spec.tensorParallel * 2; t <= launch.gpusPerNode; t *= 2) {
    if (spec.numHeads % t !== 0 || launch.gpus % (t * launch.pipelineParallel * launch.contextParallel) !== 0) continue;
    if (context.rerun({ spec: { tensorParallel: t }, launch: { sequenceParallel: true } })?.memory.fits) return t;
    largest = t;
  }
  return largest;
}

/** The remedies the issue names, in that order: selective recomputation, TP within the node, the distributed optimizer, a smaller micro-batch. */
function remedies(context: RuleContext, spec: LayerSpec, launch: RunLaunch): Remedy[] {
  const { shape } = context;
  const found: Remedy[] = [];
  if (launch.recompute === 'none') found.push({ change: 'Selective recomputation (Megatron --recompute-activations)', launch: { recompute: 'selective' } });
  const t = largerTensorParallel(context, spec, launch);
  if (t !== undefined) {
    found.push({ change: `Tensor parallelism ${spec.tensorParallel} → ${t} within the node, with sequence parallelism`, spec: { tensorParallel: t }, launch: { sequenceParallel: true }, edit: literalEdit(context, shape.tensorParallel, t) });
  }
  // Under LoRA the optimizer holds only the adapters' states: sharding them saves next to nothing.
  if (launch.sharding === 'none' && !launch.adapter) found.push({ change: 'The distributed optimizer (Megatron --use-distributed-optimizer; ZeRO-1)', launch: { sharding: 'distributed-optimizer' } });
  for (let b = spec.microBatchSize - 1; b >= 1; b--) {
    const smaller = context.rerun({ spec: { microBatchSize: b }, launch: { globalBatch: launch.globalBatch } });
    if (smaller?.memory.fits || b === 1) {
      found.push({ change: `Micro-batch ${spec.microBatchSize} → ${b}`, spec: { microBatchSize: b }, edit: literalEdit(context, shape.microBatchSize, b) });
      break;
    }
  }
  return found;
}

/** The field a person would change: the micro-batch when activations decide, else the parallel layout. */
function decidingField(context: RuleContext, run: RunPrediction): NumberField[] {
  const { shape } = context;
  const activations = (run.memory.terms.activations?.value ?? 0) + (run.memory.terms.lossLogits?.value ?? 0);
  return activations > modelStateBytes(run)
    ? [shape.microBatchSize, shape.seqLength, shape.tensorParallel, shape.hiddenSize]
    : [shape.tensorParallel, shape.gpus, shape.numLayers, shape.hiddenSize];
}

/**
 * Whether the run rests on what the user said: how many GPUs it runs on (the file, a flag or a
 * setting), since memory per GPU depends on how the model state is spread over them. A config
 * that leaves the GPU count to its launcher (an HF config.json, GPT-NeoX and LitGPT YAML) would
 * otherwise be judged on shapelint's own default of one node.
 */
function launchStated(context: RuleContext): boolean {
  const { shape, options } = context;
  return shape.gpus.origin === 'file' || shape.gpus.origin === 'derived' || options.requested.launch?.gpus !== undefined || options.requested.launchDefaults?.gpus !== undefined;
}

/**
 * How far the predicted peak may be off: the run model's median memory error on the validation
 * runs for this GPU, else the largest it has on any GPU. The warning is kept for a run that
 * does not fit even that much lower: within it, a real config that fits (NeMo's launcher
 * layouts, which the predictions overshoot) would be told it does not.
 */
function memoryErrorMargin(gpuId: string): number {
  const measured = Object.values(RUN_VALIDATION_ERROR).flatMap((figures) => (figures.memoryMedianAbsError === undefined ? [] : [figures.memoryMedianAbsError]));
  return RUN_VALIDATION_ERROR[gpuId]?.memoryMedianAbsError ?? Math.max(0, ...measured);
}

export const memoryRule: Rule = {
  id: 'memory',
  defaultSeverity: 'warning',
  description: 'The run model predicts more memory per GPU than the GPU has; the fixes that fit are ordered by predicted tokens/s.',
  check(context) {
    const { run, spec, runLaunch } = context;
    if (!run || !spec || !runLaunch || run.memory.fits || !launchStated(context) || context.shape.memoryNotModelled !== undefined) return;
    const gpu = context.options.gpu;
    const margin = memoryErrorMargin(gpu.id);
    if (run.memory.peakBytesPerGpu <= run.memory.capacityBytes * (1 + margin)) return;
    const tried = remedies(context, spec, runLaunch).flatMap((remedy) => {
      const after = context.rerun({ spec: remedy.spec, launch: remedy.launch });
      return after ? [{ remedy, after }] : [];
    });
    tried.sort((a, b) => Number(b.after.memory.fits) - Number(a.after.memory.fits) || b.after.tokensPerSecondPerGpu - a.after.tokensPerSecondPerGpu);
    const describe = ({ remedy, after }: (typeof tried)[number]): string =>
      `${remedy.change}: ${gib(run.memory.peakBytesPerGpu)} → ${gib(after.memory.peakBytesPerGpu)} GiB per GPU${after.memory.fits ? '' : ' (still does not fit)'}, tokens/s per GPU ${percent(after.tokensPerSecondPerGpu / run.tokensPerSecondPerGpu)}`;
    const state = modelStateBytes(run);
    const activations = run.memory.peakBytesPerGpu - state;
    const fixes: Fix[] = tried
      .filter(({ remedy }) => remedy.edit !== undefined)
      .map((entry, index) => ({ title: describe(entry), isPreferred: index === 0 && entry.after.memory.fits, safe: false, edits: [entry.remedy.edit!] }));
    context.report({
      message:
        `The run needs ≈ ${gib(run.memory.peakBytesPerGpu)} GiB per GPU, more than the ${gib(run.memory.capacityBytes)} GiB an ${gpu.name} has ` +
        `(weights, gradients and optimizer states ${gib(state)} GiB; activations, logits and runtime ${gib(activations)} GiB; run model, Korthikanti et al. 2022), ` +
        `beyond its typical memory error of ±${Math.round(margin * 100)}%.` +
        (tried.length ? ` By predicted tokens/s: ${tried.map(describe).join('; ')}.` : ''),
      span: context.anchor(...(decidingField(context, run) as [NumberField, ...NumberField[]])),
      fixes,
    });
  },
};
