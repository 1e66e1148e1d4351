import { parseArgs } from 'node:util';
import { check, resolveOptions } from '../core/check';
import { resolveLaunch } from '../core/model/launch';
import type { CheckOptions } from '../core/model/options';
import type { Launch } from '../core/model/shape';
import { assumptionsLine, launchAssumptions } from '../core/perf/assumptions';
import { attentionSpec } from '../core/perf/spec';
import { DEFAULT_MLP_EXPANSION, megatronSwigluWidth } from '../core/formats/catalogue/framework-defaults';
import { aboveGemmBand, errorBand, type ErrorBand } from '../core/perf/error-band';
import type { GpuSpec } from '../core/model/hardware';
import { predictLayer, type Dtype, type LayerPrediction, type LayerSpec } from '../core/perf';
import type { RunPrediction } from '../core/perf/run';
import { unpredictableReason } from '../core/perf/spec';
import { runForLaunch, runLaunchOf, type RunShapeFacts } from '../core/perf/run/for-launch';
import { EXIT_OK, UsageError, type CliCommand, type CliIO } from './io';
import { fixed, LAUNCH_HELP, LAUNCH_OPTIONS, launchChoices, positiveInteger, PREDICTION_OPTIONS, predictionTarget, readTextFile, requiredInteger, SHAPE_OPTIONS, table } from './perf-args';
import { checkLaunch, launchOptionsFromFlags, RUN_HELP, RUN_OPTIONS, RUN_SWITCHES_USAGE, wantsRun, withExperts } from './run-args';
import { formatRun, launchJson, runJson } from './run-output';

const HELP = `usage: shapelint predict (--config FILE | --hidden H --heads A [--kv-heads K] [--head-dim D] [--ffn F]
                         [--vocab V] [--layers L] [--activation gelu|swiglu])
                        [--seq S] [--micro-batch B] [--tp T] [--gpu ID] [--dtype bf16|fp16|fp8]
                        [--attention flash|unfused] [--dropout P] [--recompute none|selective|full]
                        [--experts E --experts-per-token k --expert-ffn F]
                        [--gpus N [--pp P] [--cp C] [--ep E] [--vp V] [--global-batch G] [--sequence-parallel]
                         [--zero 0|1|2|3 | --fsdp | --distributed-optimizer] [--gpus-per-node G] [--inter-node-gbps BW]
                         ${RUN_SWITCHES_USAGE}]
                        [--backward] [--profile FILE] [--format text|json]

Predicts every GEMM of one transformer layer on a GPU (default h100-sxm), the layer's TFLOP/s
(logits excluded) and the model's tokens/s (logits included), and says what it assumed (the
attention kernel, dropout, recomputation, sizes: each from the file, the framework's default or a
flag). With --config the shape comes from the file; --seq, --micro-batch and --tp then override
it. Without --config, --seq and --micro-batch are required; --ffn defaults to 4h (gelu) or
Megatron's SwiGLU int(8h/3/64)·64; --vocab defaults to none (no logits); --layers to 1; the
attention to PyTorch SDPA.

${LAUNCH_HELP}
  --flash                     the same as --attention flash

${RUN_HELP}
`;

const SHAPE_FLAGS = ['hidden', 'heads', 'kv-heads', 'head-dim', 'ffn', 'vocab', 'layers', 'activation'] as const;

type Values = Record<string, string | boolean | undefined>;

function str(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The shape from the flags, with the launch's sizes, attention kernel, dropout and recomputation. */
export function specFromFlags(values: Values, launch: Launch, gpu: GpuSpec): LayerSpec {
  const hiddenSize = requiredInteger(str(values, 'hidden'), '--hidden');
  const numHeads = requiredInteger(str(values, 'heads'), '--heads');
  const activation = str(values, 'activation') ?? 'gelu';
  if (activation !== 'gelu' && activation !== 'swiglu') throw new UsageError(`--activation must be gelu or swiglu, got '${activation}'`);
  const headDim = positiveInteger(str(values, 'head-dim'), '--head-dim') ?? hiddenSize / numHeads;
  if (!Number.isInteger(headDim)) throw new UsageError(`--hidden ${hiddenSize} is not divisible by --heads ${numHeads}; give --head-dim`);
  const gated = activation === 'swiglu';
  return {
    hiddenSize,
    numHeads,
    numKvHeads: positiveInteger(str(values, 'kv-heads'), '--kv-heads') ?? numHeads,
    headDim,
    ffnHiddenSize: positiveInteger(str(values, 'ffn'), '--ffn') ?? (gated ? megatronSwigluWidth(hiddenSize) : DEFAULT_MLP_EXPANSION * hiddenSize),
    gatedMlp: gated,
    vocabSize: positiveInteger(str(values, 'vocab'), '--vocab') ?? 0,
    numLayers: positiveInteger(str(values, 'layers'), '--layers') ?? 1,
    seqLength: launch.seqLength.value,
    microBatchSize: launch.microBatchSize.value,
    tensorParallel: launch.tensorParallel.value,
    numExperts: 1,
    expertsPerToken: 1,
    ...attentionSpec(launch, gpu, headDim),
    recompute: launch.recompute.value,
    dropout: (launch.hiddenDropout.value ?? 0) > 0,
    attentionDropout: (launch.attentionDropout.value ?? 0) > 0,
  };
}

/** What `predict` and `search` take from the flags besides the shape: the target and the launch. */
export function launchFromFlags(values: Values, gpu: GpuSpec, dtype: Dtype): CheckOptions {
  const text = (name: string) => str(values, name);
  const choices = launchChoices({ attention: text('attention') ?? (values.flash === true ? 'flash' : undefined), dropout: text('dropout'), recompute: text('recompute') });
  const seq = positiveInteger(text('seq'), '--seq');
  const microBatch = positiveInteger(text('micro-batch'), '--micro-batch');
  const tp = positiveInteger(text('tp'), '--tp');
  return {
    gpu: gpu.id,
    dtype,
    ...choices,
    ...(seq ? { sequenceLength: seq } : {}),
    ...(microBatch ? { microBatchSize: microBatch } : {}),
    ...(tp ? { tensorParallelSize: tp } : {}),
  };
}

/** A size flag given with --config overrides the file: the launch says so. */
function overridden(launch: Launch, values: Values): Launch {
  const flags = [['seqLength', 'seq'], ['microBatchSize', 'micro-batch'], ['tensorParallel', 'tp']] as const;
  const result = { ...launch };
  for (const [name, flag] of flags) {
    const value = positiveInteger(str(values, flag), `--${flag}`);
    if (value !== undefined) result[name] = { value, origin: 'setting', note: `set by --${flag}, over the file` };
  }
  return result;
}

/** What to predict: the layer, its launch, and what the run model takes from the file it came from (its framework's recomputation policy, gradient precision). */
interface PredictionSource {
  spec: LayerSpec;
  launch: Launch;
  file?: RunShapeFacts;
}

function fromConfig(path: string, values: Values, options: CheckOptions, io: CliIO): PredictionSource {
  const given = SHAPE_FLAGS.filter((flag) => values[flag] !== undefined);
  if (given.length > 0) throw new UsageError(`--config takes the shape from the file; drop --${given.join(', --')}`);
  const result = check(readTextFile(path, io, 'config'), path, options);
  if (!result.reader) throw new UsageError(`'${path}' is not a model config shapelint recognises`);
  if (!result.spec || !result.launch) throw new UsageError(`'${path}' ${result.shape ? unpredictableReason(result.shape) : 'has no shape'}; nothing to predict`);
  const launch = overridden(result.launch, values);
  return { spec: { ...result.spec, seqLength: launch.seqLength.value, microBatchSize: launch.microBatchSize.value, tensorParallel: launch.tensorParallel.value }, launch, file: result.shape ?? undefined };
}

function fromFlags(values: Values, options: CheckOptions, gpu: GpuSpec): PredictionSource {
  requiredInteger(str(values, 'seq'), '--seq');
  requiredInteger(str(values, 'micro-batch'), '--micro-batch');
  const launch = resolveLaunch(null, resolveOptions(options));
  return { spec: specFromFlags(values, launch, gpu), launch };
}

/** The whole run for the spec and launch; a launch that cannot run is a usage error that says why. */
function runOf(spec: LayerSpec, launch: Launch, options: CheckOptions, values: Values, file?: RunShapeFacts): RunPrediction {
  const resolved = resolveOptions(options);
  const runLaunch = runLaunchOf(launch, resolved, file);
  checkLaunch(spec, runLaunch, values);
  const { run, runError } = runForLaunch(spec, runLaunch, resolved);
  if (!run) throw new UsageError(runError ?? 'the launch cannot run');
  return run;
}

export const predict: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...SHAPE_OPTIONS,
      'head-dim': { type: 'string' },
      flash: { type: 'boolean' },
      backward: { type: 'boolean' },
      ...LAUNCH_OPTIONS,
      ...RUN_OPTIONS,
      ...PREDICTION_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const { gpu, dtype, format, profile } = predictionTarget(values, io);
  const options = { ...launchFromFlags(values, gpu, dtype), ...launchOptionsFromFlags(values), ...(profile ? { profile } : {}) };
  const fromSource = values.config !== undefined ? fromConfig(values.config, values, options, io) : fromFlags(values, options, gpu);
  const { launch } = fromSource;
  const spec = withExperts(fromSource.spec, values);
  // The file's precision, where it gives one, over --dtype's default (as check does).
  const used = launch.dtype.value;
  const prediction = predictLayer(spec, gpu, { dtype: used, backward: values.backward === true, profile });
  const assumptions = launchAssumptions(launch, gpu, spec.headDim);
  const run = wantsRun(values) || values.config !== undefined ? runOf(spec, launch, options, values, fromSource.file) : undefined;
  if (format === 'json') {
    const { gpu: id, dtype: type, ...rest } = prediction;
    const runPart = run ? { run: { ...runJson(run), launch: launchJson(launch) } } : {};
    io.stdout(JSON.stringify({ gpu: id, dtype: type, spec, assumptions, ...rest, accuracy: { gemm: errorBand(gpu, used, profile), layer: aboveGemmBand('layer', gpu, used, profile) }, ...runPart }, null, 2) + '\n');
  } else {
    io.stdout(formatPrediction(prediction, spec, gpu, aboveGemmBand('layer', gpu, used, profile), assumptionsLine(assumptions)) + (run ? formatRun(run, gpu, launch) : ''));
  }
  return EXIT_OK;
};

function compact(value: number): string {
  if (value >= 1e12) return `${fixed(value / 1e12, 2)}T`;
  if (value >= 1e9) return `${fixed(value / 1e9, 2)}B`;
  if (value >= 1e6) return `${fixed(value / 1e6, 1)}M`;
  return String(Math.round(value));
}

function formatPrediction(prediction: LayerPrediction, spec: LayerSpec, gpu: GpuSpec, band: ErrorBand, assumptions: string): string {
  const gemmRows = prediction.gemms.map((gemm) => [
    gemm.label,
    String(gemm.m),
    String(gemm.n),
    String(gemm.k),
    String(gemm.batch),
    `${gemm.tile[0]}×${gemm.tile[1]}`,
    String(gemm.waves),
    gemm.bound,
    fixed(gemm.timeUs),
    fixed(gemm.tflops),
    gemm.source,
  ]);
  const elementwise = prediction.elementwise.map((work) => `${work.label} ${fixed(work.timeUs)} µs`).join(', ');
  const lines = [
    `${gpu.name} (${gpu.id}), ${prediction.dtype}; h=${spec.hiddenSize} a=${spec.numHeads} kv=${spec.numKvHeads} d=${spec.headDim} ffn=${spec.ffnHiddenSize}${spec.gatedMlp ? ' (gated)' : ''} v=${spec.vocabSize || '-'}; s=${spec.seqLength} b=${spec.microBatchSize} t=${spec.tensorParallel}`,
    `assumes: ${assumptions}`,
    '',
    table(['GEMM', 'M', 'N', 'K', 'batch', 'tile', 'waves', 'bound', 'µs', 'TFLOP/s', 'source'], gemmRows),
    `element-wise (not fused): ${elementwise}`,
    `layer (logits excluded): ${fixed(prediction.layer.timeUs)} µs, ${fixed(prediction.layer.tflops)} TFLOP/s, ${fixed(prediction.fractionOfPeak * 100)}% of the ${prediction.dtype} dense peak; ${band.text}`,
    `model (${spec.numLayers} layer${spec.numLayers === 1 ? '' : 's'}, logits included): ${compact(prediction.model.params)} params, ${compact(prediction.model.flopsPerToken)} FLOP/token, ${compact(prediction.model.tokensPerSecond)} tokens/s${spec.tensorParallel > 1 ? ` per ${spec.tensorParallel}-GPU replica` : ''}`,
    '',
  ];
  return lines.join('\n');
}
