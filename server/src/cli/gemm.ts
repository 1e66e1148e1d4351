import { parseArgs } from 'node:util';
import { gemmFlops, predictGemmShape, type GemmShape } from '../core/perf';
import { errorBand } from '../core/perf/error-band';
import { EXIT_OK, type CliCommand } from './io';
import { fixed, positiveInteger, PREDICTION_OPTIONS, predictionTarget, requiredInteger } from './perf-args';

const HELP = `usage: shapelint gemm --m M --n N --k K [--batch B] [--gpu ID] [--dtype bf16|fp16|fp8] [--profile FILE] [--format text|json]

Predicts one GEMM (M×K)·(K×N), B times, on a GPU (default h100-sxm): TFLOP/s, time, tile, waves,
and whether it is compute- or memory-bound.
`;

export const gemm: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      m: { type: 'string' },
      n: { type: 'string' },
      k: { type: 'string' },
      batch: { type: 'string' },
      ...PREDICTION_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  // A plain GEMM: any non-FlashAttention name gives the same model; the label is what prints.
  const shape: GemmShape = {
    name: 'qkv',
    label: 'gemm',
    m: requiredInteger(values.m, '--m'),
    n: requiredInteger(values.n, '--n'),
    k: requiredInteger(values.k, '--k'),
    batch: positiveInteger(values.batch, '--batch') ?? 1,
  };
  const { gpu, dtype, format, profile } = predictionTarget(values, io);
  const prediction = predictGemmShape(shape, gpu, { dtype, profile });
  const result = {
    gpu: gpu.id,
    dtype,
    m: shape.m,
    n: shape.n,
    k: shape.k,
    batch: shape.batch,
    flops: gemmFlops(shape),
    tflops: prediction.tflops,
    timeUs: prediction.timeUs,
    waves: prediction.waves,
    tile: prediction.tile,
    bound: prediction.bound,
    source: prediction.source,
    accuracy: errorBand(gpu, dtype, profile),
  };
  if (format === 'json') {
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return EXIT_OK;
  }
  io.stdout(
    [
      `${gpu.name}, ${dtype}: (${shape.m}×${shape.k})·(${shape.k}×${shape.n})${shape.batch > 1 ? ` × ${shape.batch}` : ''}`,
      `  ≈ ${fixed(result.tflops)} TFLOP/s, ${fixed(result.timeUs)} µs, ${result.bound}-bound (${result.source})`,
      `  ${result.accuracy.text}`,
      `  tile ${result.tile[0]}×${result.tile[1]}, ${result.waves} wave${result.waves === 1 ? '' : 's'} on ${gpu.computeUnits} ${gpu.vendor === 'amd' ? 'CUs' : 'SMs'}`,
    ].join('\n') + '\n',
  );
  return EXIT_OK;
};
