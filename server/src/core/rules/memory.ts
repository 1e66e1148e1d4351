import { GIB, type RunLaunch, type RunPrediction } from '../perf/run';
import { RUN_VALIDATION_ERROR } from '../perf/validation-error';
import type { Fix, TextEdit } from '../model/findings';
import type { NumberField, Sharding } from '../model/shape';
import { FRAMEWORK_REMEDIES, type FrameworkRemedies } from '../formats/catalogue/remedy-settings';
import type { LayerSpec } from '../model/prediction';
import type { Rule, RuleContext } from './rule';
import { literalEdit, statedGpus } from './support';

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
function largerTensorParallel(context: RuleContext, spec: LayerSpec, launch: RunLaunch, withTensorParallel: Partial<RunLaunch>): number | undefined {
  let largest: number | undefined;
  for (let t = spec.tensorParallel * 2; t <= launch.gpusPerNode; t *= 2) {
    if (spec.numHeads % t !== 0 || launch.gpus % (t * launch.pipelineParallel * launch.contextParallel) !== 0) continue;
    if (context.rerun({ spec: { tensorParallel: t }, launch: withTensorParallel })?.memory.fits) return t;
    largest = t;
  }
  return largest;
}

/** How the remedies call a sharding level. */
const SHARDING_NAMES: Record<Exclude<Sharding, 'none'>, string> = {
  'distributed-optimizer': 'The distributed optimizer',
  'zero-1': 'ZeRO-1 optimizer sharding',
  'zero-2': 'ZeRO-2',
  'zero-3': 'ZeRO-3',
  fsdp: 'FSDP full sharding',
};

/**
 * The remedies the issue names, in that order: recomputation, TP within the node, sharding the
 * optimizer, a smaller micro-batch; each as the file's framework offers it (FRAMEWORK_REMEDIES:
 * full recomputation where it has no selective level, sequence parallelism only where it has it)
 * and named as the file would write it.
 */
function remedies(context: RuleContext, spec: LayerSpec, launch: RunLaunch, framework: FrameworkRemedies): Remedy[] {
  const { shape } = context;
  const found: Remedy[] = [];
  if (launch.recompute === 'none') {
    const { mode, setting } = framework.recompute;
    found.push({ change: `${mode === 'selective' ? 'Selective' : 'Full'} recomputation (${setting})`, launch: { recompute: mode } });
  }
  const { setting: tpSetting, sequenceParallel } = framework.tensorParallel;
  const withTensorParallel: Partial<RunLaunch> = sequenceParallel ? { sequenceParallel: true } : {};
  const t = largerTensorParallel(context, spec, launch, withTensorParallel);
  if (t !== undefined) {
    const change = `Tensor parallelism ${spec.tensorParallel} → ${t} within the node${tpSetting ? ` (${tpSetting})` : ''}${sequenceParallel ? `, with sequence parallelism (${sequenceParallel})` : ''}`;
    found.push({ change, spec: { tensorParallel: t }, launch: withTensorParallel, edit: literalEdit(context, shape.tensorParallel, t) });
  }
  // Under LoRA the optimizer holds only the adapters' states: sharding them saves next to nothing.
  if (launch.sharding === 'none' && !launch.adapter) {
    const { sharding, setting } = framework.optimizerSharding;
    found.push({ change: `${SHARDING_NAMES[sharding]} (${setting})`, launch: { sharding } });
  }
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
    // Memory per GPU depends on how the model state is spread over the GPUs: a config that leaves
    // their count to its launcher (an HF config.json, GPT-NeoX YAML) is not judged on shapelint's default.
    if (!run || !spec || !runLaunch || run.memory.fits || statedGpus(context, true) === undefined || context.shape.memoryNotModelled !== undefined) return;
    const gpu = context.options.gpu;
    const margin = memoryErrorMargin(gpu.id);
    if (run.memory.peakBytesPerGpu <= run.memory.capacityBytes * (1 + margin)) return;
    const tried = remedies(context, spec, runLaunch, FRAMEWORK_REMEDIES[context.shape.format]).flatMap((remedy) => {
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
