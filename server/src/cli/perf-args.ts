import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_GPU_ID, findGpu } from '../core/perf/gpus';
import { type GpuSpec } from '../core/model/hardware';
import { ProfileError, loadGemmProfile, type Dtype, type GemmProfile } from '../core/perf';
import { ATTENTION_OVERRIDES, type AttentionOverride, type CheckOptions } from '../core/model/options';
import { RECOMPUTE_MODES, type RecomputeMode } from '../core/model/shape';
import { UsageError, type CliIO } from './io';

/** Option parsing shared by the `gemm` and `predict` commands. */

export const DTYPES: readonly Dtype[] = ['bf16', 'fp16', 'fp8'];

export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) throw new UsageError(`${flag} must be a positive integer, got '${value}'`);
  return number;
}

export function requiredInteger(value: string | undefined, flag: string): number {
  const number = positiveInteger(value, flag);
  if (number === undefined) throw new UsageError(`${flag} is required`);
  return number;
}

function gpuOption(value: string | undefined): GpuSpec {
  const gpu = findGpu(value ?? DEFAULT_GPU_ID);
  if (!gpu) throw new UsageError(`unknown GPU '${value}' (see 'shapelint gpus')`);
  return gpu;
}

export function dtypeOption(value: string | undefined): Dtype {
  if (value === undefined) return 'bf16';
  if (!DTYPES.includes(value as Dtype)) throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, got '${value}'`);
  return value as Dtype;
}

export function formatOption(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be text or json, got '${value}'`);
}

export function readTextFile(path: string, io: CliIO, what: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} '${path}': ${error instanceof Error ? error.message : String(error)}`);
  }
}

function profileOption(path: string | undefined, gpu: GpuSpec, dtype: Dtype, io: CliIO): GemmProfile | undefined {
  if (path === undefined) return undefined;
  let profile: GemmProfile;
  try {
    profile = loadGemmProfile(readTextFile(path, io, 'profile'));
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(`bad profile '${path}': ${error.message} (see docs/profile-format.md)`);
    throw error;
  }
  if (profile.dtype !== dtype) io.stderr(`shapelint: note: the profile was measured in ${profile.dtype}, not ${dtype}; it is not used\n`);
  else if (profile.gpu.catalogId !== undefined && profile.gpu.catalogId !== gpu.id) {
    io.stderr(`shapelint: note: the profile is for ${profile.gpu.catalogId}, not ${gpu.id}; it is not used\n`);
  }
  return profile;
}

/** The launch choices `check`, `predict` and `search` may force over the file and the framework's defaults. */
export const LAUNCH_OPTIONS = {
  attention: { type: 'string' },
  dropout: { type: 'string' },
  recompute: { type: 'string' },
} as const;

export const LAUNCH_HELP = `  --attention flash|unfused   the attention kernel, over the file and the framework's default
                              (default: what the framework runs: SDPA, Transformer Engine, ...)
  --dropout P                 attention and hidden dropout probability, over the file's
  --recompute none|selective|full
                              activation recomputation in the backward, over the file's`;

/** The --attention, --dropout and --recompute flags, checked. */
export function launchChoices(values: { attention?: string; dropout?: string; recompute?: string }): Pick<CheckOptions, 'attention' | 'dropout' | 'recompute'> {
  const choices: Pick<CheckOptions, 'attention' | 'dropout' | 'recompute'> = {};
  if (values.attention !== undefined) {
    if (!(ATTENTION_OVERRIDES as readonly string[]).includes(values.attention)) throw new UsageError(`--attention must be ${ATTENTION_OVERRIDES.join(' or ')}, got '${values.attention}'`);
    choices.attention = values.attention as AttentionOverride;
  }
  if (values.dropout !== undefined) {
    const probability = Number(values.dropout);
    if (values.dropout.trim() === '' || !(probability >= 0 && probability < 1)) throw new UsageError(`--dropout must be a probability from 0 to below 1, got '${values.dropout}'`);
    choices.dropout = probability;
  }
  if (values.recompute !== undefined) {
    if (!(RECOMPUTE_MODES as readonly string[]).includes(values.recompute)) throw new UsageError(`--recompute must be ${RECOMPUTE_MODES.join(', ')}, got '${values.recompute}'`);
    choices.recompute = values.recompute as RecomputeMode;
  }
  return choices;
}

/** Options every prediction command (`gemm`, `predict`) takes. */
/** The shape and launch flags that `predict` and `search` both take (a config, or the shape in numbers). */
export const SHAPE_OPTIONS = {
  config: { type: 'string' },
  hidden: { type: 'string' },
  heads: { type: 'string' },
  'kv-heads': { type: 'string' },
  ffn: { type: 'string' },
  vocab: { type: 'string' },
  layers: { type: 'string' },
  activation: { type: 'string' },
  seq: { type: 'string' },
  'micro-batch': { type: 'string' },
  tp: { type: 'string' },
} as const;

export const PREDICTION_OPTIONS = {
  gpu: { type: 'string' },
  dtype: { type: 'string' },
  profile: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface PredictionTarget {
  gpu: GpuSpec;
  dtype: Dtype;
  format: 'text' | 'json';
  profile: GemmProfile | undefined;
}

/** The GPU, dtype, output format and measured profile that PREDICTION_OPTIONS name, with their notes on stderr. */
export function predictionTarget(values: { gpu?: string; dtype?: string; profile?: string; format?: string }, io: CliIO): PredictionTarget {
  const gpu = gpuOption(values.gpu);
  const dtype = dtypeOption(values.dtype);
  const format = formatOption(values.format);
  noteDtype(gpu, dtype, io);
  return { gpu, dtype, format, profile: profileOption(values.profile, gpu, dtype, io) };
}

/** Warns when the GPU has no tensor path for the dtype (the model then uses its 16-bit rate). */
function noteDtype(gpu: GpuSpec, dtype: Dtype, io: CliIO): void {
  if (gpu.peakTflops[dtype] === undefined) io.stderr(`shapelint: note: ${gpu.name} has no ${dtype} tensor-core path; predicting at its 16-bit rate\n`);
}

/** Right-aligned text table with a header row. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (row: string[]): string => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export const fixed = (value: number, digits = 1): string => value.toFixed(digits);
