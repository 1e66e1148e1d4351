import { parseArgs } from 'node:util';
import { DEFAULT_MLP_EXPANSION, megatronSwigluWidth } from '../core/formats/framework-defaults';
import { errorBand, type ErrorBand } from '../core/perf/error-band';
import type { GpuSpec } from '../core/perf/gpus';
import { predictLayer, type Dtype, type LayerPrediction, type LayerSpec } from '../core/perf';
import type { RunPrediction } from '../core/perf/run';
import { runForLaunch, runLaunchOf } from '../core/perf/spec';
import { check, resolveOptions } from '../core/pipeline/check';
import { resolveLaunch } from '../core/pipeline/launch';
import type { CheckOptions, ResolvedCheckOptions } from '../core/pipeline/options';
import type { Launch } from '../core/pipeline/shape';
import { EXIT_OK, UsageError, type CliCommand, type CliIO } from './io';
import { fixed, positiveInteger, PREDICTION_OPTIONS, predictionTarget, readTextFile, requiredInteger, SHAPE_OPTIONS, table } from './perf-args';
import { checkLaunch, launchOptionsFromFlags, RUN_OPTIONS, wantsRun, withExperts } from './run-args';
import { formatRun, launchJson, runJson } from './run-output';

const HELP = `usage: shapelint predict (--config FILE | --hidden H --heads A [--kv-heads K] [--head-dim D] [--ffn F]
                         [--vocab V] [--layers L] [--activation gelu|swiglu] [--flash])
                        [--experts E --experts-per-token k --expert-ffn F]
                        [--seq S] [--micro-batch B] [--tp T] [--gpu ID] [--dtype bf16|fp16|fp8]
                        [--attention flash|unfused] [--backward] [--profile FILE] [--format text|json]
                        [--gpus N [--pp P] [--cp C] [--ep E] [--vp V] [--global-batch G]
                         [--sequence-parallel] [--zero 0|1|2|3 | --fsdp | --distributed-optimizer]
                         [--overlap-grad-reduce] [--untied-embeddings] [--recompute none|selective|full]
                         [--gpus-per-node G] [--inter-node-gbps BW]]

Predicts every GEMM of one transformer layer on a GPU (default h100-sxm), the layer's TFLOP/s
(logits excluded) and the model's tokens/s (logits included). With --config the shape comes from
the file; --seq, --micro-batch, --tp and --flash then override it. Without --config, --seq and
--micro-batch are required; --ffn defaults to 4h (gelu) or Megatron's SwiGLU int(8h/3/64)·64;
--vocab defaults to none (no logits); --layers to 1.

With --gpus, it predicts the whole run too: memory per GPU by term against the GPU's capacity,
step time by part, tokens/s per GPU and MFU (the FLOP convention is printed with it). Absent
launch flags take Megatron-LM's defaults: PP/CP/EP/VP 1, global batch = micro-batch × data-parallel
size, no optimizer sharding, no recomputation; --gpus-per-node and --inter-node-gbps default to the
GPU catalogue's node (its NVLink domain, its network bandwidth per GPU).
`;

const SHAPE_FLAGS = ['hidden', 'heads', 'kv-heads', 'head-dim', 'ffn', 'vocab', 'layers', 'activation'] as const;

type Values = Record<string, string | boolean | undefined>;

function str(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function specFromFlags(values: Values): LayerSpec {
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
    seqLength: requiredInteger(str(values, 'seq'), '--seq'),
    microBatchSize: requiredInteger(str(values, 'micro-batch'), '--micro-batch'),
    tensorParallel: positiveInteger(str(values, 'tp'), '--tp') ?? 1,
    numExperts: 1,
    expertsPerToken: 1,
    flashAttention: attentionFused(values) ?? false,
  };
}

/** `--attention flash|unfused`, or the older `--flash`; undefined when neither is given. */
function attentionFused(values: Values): boolean | undefined {
  const attention = str(values, 'attention');
  if (attention === undefined) return values.flash === true ? true : undefined;
  if (attention !== 'flash' && attention !== 'unfused') throw new UsageError(`--attention must be flash or unfused, got '${attention}'`);
  return attention === 'flash';
}

interface Predicted {
  spec: LayerSpec;
  launch: Launch;
  options: ResolvedCheckOptions;
}

function fromFlags(values: Values, gpu: GpuSpec, dtype: Dtype, launchOptions: CheckOptions): Predicted {
  const spec = withExperts(specFromFlags(values), values);
  const attention = attentionFused(values);
  const options = resolveOptions({
    gpu: gpu.id,
    dtype,
    sequenceLength: spec.seqLength,
    microBatchSize: spec.microBatchSize,
    tensorParallelSize: spec.tensorParallel,
    ...(attention !== undefined ? { attention: attention ? 'flash' : 'unfused' } : {}),
    ...launchOptions,
  });
  return { spec, launch: resolveLaunch(null, options), options };
}

function fromConfig(path: string, values: Values, gpu: GpuSpec, dtype: Dtype, io: CliIO, launchOptions: CheckOptions): Predicted {
  const given = SHAPE_FLAGS.filter((flag) => values[flag] !== undefined);
  if (given.length > 0) throw new UsageError(`--config takes the shape from the file; drop --${given.join(', --')}`);
  const seq = positiveInteger(str(values, 'seq'), '--seq');
  const microBatch = positiveInteger(str(values, 'micro-batch'), '--micro-batch');
  const tp = positiveInteger(str(values, 'tp'), '--tp');
  const attention = attentionFused(values);
  const result = check(readTextFile(path, io, 'config'), path, {
    gpu: gpu.id,
    dtype,
    ...(seq ? { sequenceLength: seq } : {}),
    ...(microBatch ? { microBatchSize: microBatch } : {}),
    ...(tp ? { tensorParallelSize: tp } : {}),
    ...(attention !== undefined ? { attention: attention ? 'flash' : 'unfused' } : {}),
    ...launchOptions,
  });
  if (!result.reader) throw new UsageError(`'${path}' is not a model config shapelint recognises`);
  if (!result.spec || !result.launch) throw new UsageError(`'${path}' does not say its hidden size and attention heads; nothing to predict`);
  const spec = withExperts(
    {
      ...result.spec,
      ...(seq ? { seqLength: seq } : {}),
      ...(microBatch ? { microBatchSize: microBatch } : {}),
      ...(tp ? { tensorParallel: tp } : {}),
    },
    values,
  );
  return { spec, launch: result.launch, options: result.options };
}

/** The whole run for the spec and launch; a launch that cannot run is a usage error that says why. */
function runOf({ spec, launch, options }: Predicted, values: Values): RunPrediction {
  const runLaunch = runLaunchOf(launch, options);
  checkLaunch(spec, runLaunch, values);
  const { run, runError } = runForLaunch(spec, runLaunch, options);
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
      attention: { type: 'string' },
      ...RUN_OPTIONS,
      ...PREDICTION_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const { gpu, dtype, format, profile } = predictionTarget(values, io);
  const launchOptions = { ...launchOptionsFromFlags(values), ...(profile ? { profile } : {}) };
  const predicted = values.config !== undefined ? fromConfig(values.config, values, gpu, dtype, io, launchOptions) : fromFlags(values, gpu, dtype, launchOptions);
  const { spec, launch } = predicted;
  const prediction = predictLayer(spec, gpu, { dtype, backward: values.backward === true, profile });
  const run = wantsRun(values) || values.config !== undefined ? runOf(predicted, values) : undefined;
  if (format === 'json') {
    const { gpu: id, dtype: type, ...rest } = prediction;
    const runPart = run ? { run: { ...runJson(run), launch: launchJson(launch) } } : {};
    io.stdout(JSON.stringify({ gpu: id, dtype: type, spec, ...rest, accuracy: errorBand(gpu, dtype, profile), ...runPart }, null, 2) + '\n');
  } else {
    io.stdout(formatPrediction(prediction, spec, gpu, errorBand(gpu, dtype, profile)) + (run ? formatRun(run, gpu, launch) : ''));
  }
  return EXIT_OK;
};


function compact(value: number): string {
  if (value >= 1e12) return `${fixed(value / 1e12, 2)}T`;
  if (value >= 1e9) return `${fixed(value / 1e9, 2)}B`;
  if (value >= 1e6) return `${fixed(value / 1e6, 1)}M`;
  return String(Math.round(value));
}

function formatPrediction(prediction: LayerPrediction, spec: LayerSpec, gpu: GpuSpec, band: ErrorBand): string {
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
    `${gpu.name} (${gpu.id}), ${prediction.dtype}; h=${spec.hiddenSize} a=${spec.numHeads} kv=${spec.numKvHeads} d=${spec.headDim} ffn=${spec.ffnHiddenSize}${spec.gatedMlp ? ' (gated)' : ''} v=${spec.vocabSize || '-'}; s=${spec.seqLength} b=${spec.microBatchSize} t=${spec.tensorParallel}${spec.flashAttention ? '; FlashAttention' : ''}`,
    '',
    table(['GEMM', 'M', 'N', 'K', 'batch', 'tile', 'waves', 'bound', 'µs', 'TFLOP/s', 'source'], gemmRows),
    `element-wise (not fused): ${elementwise}`,
    `layer (logits excluded): ${fixed(prediction.layer.timeUs)} µs, ${fixed(prediction.layer.tflops)} TFLOP/s, ${fixed(prediction.fractionOfPeak * 100)}% of the ${prediction.dtype} dense peak; ${band.text}`,
    `model (${spec.numLayers} layer${spec.numLayers === 1 ? '' : 's'}, logits included): ${compact(prediction.model.params)} params, ${compact(prediction.model.flopsPerToken)} FLOP/token, ${compact(prediction.model.tokensPerSecond)} tokens/s${spec.tensorParallel > 1 ? ` per ${spec.tensorParallel}-GPU replica` : ''}`,
    '',
  ];
  return lines.join('\n');
}
