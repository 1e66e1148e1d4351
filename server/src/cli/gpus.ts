import { parseArgs } from 'node:util';
import { DEFAULT_GPU_ID, GPUS } from '../core/perf/gpus';
import { EXIT_OK, type CliCommand } from './io';
import { formatOption, table } from './perf-args';

const HELP = `usage: shapelint gpus [--format text|json]

Lists the GPU catalogue the throughput model knows (ids, aliases, SMs, peaks, bandwidth, sources).
`;

export const gpus: CliCommand = async (args, io) => {
  const { values } = parseArgs({ args, strict: true, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (formatOption(values.format) === 'json') {
    const entries = GPUS.map(({ tiles, ...gpu }) => ({ ...gpu, tiles: tiles.map((tile) => [...tile]), default: gpu.id === DEFAULT_GPU_ID }));
    io.stdout(JSON.stringify(entries, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = GPUS.map((gpu) => [
    gpu.id + (gpu.id === DEFAULT_GPU_ID ? ' (default)' : ''),
    gpu.aliases.join(', ') || '-',
    String(gpu.computeUnits),
    String(gpu.peakTflops.bf16 ?? gpu.peakTflops.fp16 ?? '-'),
    String(gpu.peakTflops.fp8 ?? '-'),
    String(gpu.memoryBandwidthGBs),
    String(gpu.l2CacheMB),
    String(gpu.alignmentBytes),
    `${Math.round(gpu.achievableFraction * 100)}%`,
  ]);
  io.stdout(table(['id', 'aliases', 'SMs/CUs', '16-bit TFLOP/s', 'fp8', 'GB/s', 'L2 MB', 'align B', 'achievable'], rows));
  io.stdout("\nDense peaks; sources per number: 'shapelint gpus --format json'.\n");
  return EXIT_OK;
};
