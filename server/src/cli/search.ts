import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, resolveOptions, UnknownGpuError } from '../core/check';
import type { ResolvedCheckOptions } from '../core/model/options';
import { formatCount, formatSpeedup } from '../core/rules/fix-titles';
import { checkedBudget, DEFAULT_SEARCH_SETTINGS, GAIN_PARTS, MAX_SEARCH_BUDGET, runSearch, SEARCH_FIELDS, SearchError, type SearchField, type SearchRank, type SearchResult, type SearchSource } from '../core/search';
import { describeChanges, describeDims, describeMemory, describeRanking, describeRun, rankedColumn } from '../core/search/describe';
import { assumptionsLine } from '../core/perf/assumptions';
import { thousands } from '../core/features/presentation';
import { EXIT_OK, UsageError, type CliCommand, type CliIO } from './io';
import { resolveLaunch } from '../core/model/launch';
import { dtypeOption, formatOption, LAUNCH_HELP, LAUNCH_OPTIONS, launchChoices, positiveInteger, readTextFile, SHAPE_OPTIONS, table } from './perf-args';
import { specFromFlags } from './predict';
import { launchOptionsFromFlags, RUN_LAUNCH_HELP, RUN_LAUNCH_OPTIONS, RUN_SWITCHES_USAGE, wantsRun } from './run-args';

const HELP = `usage: shapelint search (--config FILE | --hidden H --heads A --layers L [--kv-heads K] [--ffn F]
                        [--vocab V] [--activation gelu|swiglu])
                       [--params 5%] [--keep ${SEARCH_FIELDS.join(',')}] [--top 10] [--rank size-adjusted|tokens]
                       [--gpu ID] [--dtype bf16|fp16|fp8] [--seq S] [--micro-batch B] [--tp T]
                       [--attention flash|unfused] [--dropout P] [--recompute none|selective|full]
                       [--gpus N] [--pp P] [--cp C] [--ep E] [--vp V] [--global-batch G] [--sequence-parallel]
                       [--zero 0|1|2|3 | --fsdp | --distributed-optimizer] [--gpus-per-node G] [--inter-node-gbps BW]
                       ${RUN_SWITCHES_USAGE}
                       [--max-head-dim 128] [--format text|json]

Finds the shapes near the current one that the throughput model predicts run fastest on the
GPU, within a parameter budget (total parameters, the embedding counted once as tied). It
enumerates hidden sizes, heads (head dim 64/128 or the current one; 256 with --max-head-dim 256),
kv heads, MLP widths and the layer count that holds the parameter count; every candidate passes
the alignment and divisibility rules. Each prediction assumes the attention kernel the framework
runs (the file's, else its default), which the output names with the other assumptions.
Ranked by the whole run's tokens/s per GPU (with --config, whose launch comes from the file, the
framework's defaults and the run flags; with a shape given by flags, when --gpus is given), else
by the model's tokens/s (forward and backward, logits included), scaled to the current parameter
count (--rank tokens: tokens/s as they are); the output says which. Shapes that do not fit in the
GPU's memory are dropped and counted; where the current one does not fit either, they are kept,
marked, after those that fit. With --config, each candidate comes with the edits that turn the
file into it, re-checked. See docs/shape-search.md.

  --params P%        the parameter budget, ± (default 5%)
  --keep FIELDS      fields to hold at their current value, comma-separated
  --top N            how many candidates to print (default 10)
  --max-head-dim D   the largest head dim to propose (default 128, the largest whose fused
                     backward runs at full speed on the GPUs in the catalogue)
${LAUNCH_HELP}

The run (each flag over the file):
${RUN_LAUNCH_HELP}
`;

const PERCENT = /^(\d+(?:\.\d+)?)%?$/;

export const search: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...SHAPE_OPTIONS,
      params: { type: 'string' },
      keep: { type: 'string' },
      top: { type: 'string' },
      rank: { type: 'string' },
      gpu: { type: 'string' },
      dtype: { type: 'string' },
      'max-head-dim': { type: 'string' },
      ...LAUNCH_OPTIONS,
      ...RUN_LAUNCH_OPTIONS,
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const format = formatOption(values.format);
  const options = launchOptions(values);
  const settings = {
    ...DEFAULT_SEARCH_SETTINGS,
    budget: budgetOption(values.params),
    keep: keepOption(values.keep),
    top: positiveInteger(values.top, '--top') ?? DEFAULT_SEARCH_SETTINGS.top,
    rank: rankOption(values.rank),
    maxHeadDim: positiveInteger(values['max-head-dim'], '--max-head-dim') ?? DEFAULT_SEARCH_SETTINGS.maxHeadDim,
  };
  const source = values.config !== undefined ? fileSource(values.config, values, options, io) : numbersSource(values, options);
  let result: SearchResult;
  try {
    result = runSearch(source, settings);
  } catch (error) {
    if (error instanceof SearchError) throw new UsageError(`${values.config ?? 'the shape'}: ${error.message}`);
    throw error;
  }
  const text = source.kind === 'file' ? source.text : null;
  io.stdout(format === 'json' ? JSON.stringify(jsonOutput(result, text), null, 2) + '\n' : textOutput(result, values.config ?? 'the given shape', options));
  return EXIT_OK;
};

type Values = Record<string, string | boolean | undefined>;

function launchOptions(values: Values): ResolvedCheckOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  try {
    return resolveOptions({
      gpu: text('gpu'),
      dtype: dtypeOption(text('dtype')),
      sequenceLength: positiveInteger(text('seq'), '--seq'),
      microBatchSize: positiveInteger(text('micro-batch'), '--micro-batch'),
      tensorParallelSize: positiveInteger(text('tp'), '--tp'),
      ...launchChoices({ attention: text('attention'), dropout: text('dropout'), recompute: text('recompute') }),
      ...launchOptionsFromFlags(values),
    });
  } catch (error) {
    if (error instanceof UnknownGpuError) throw new UsageError(error.message);
    throw error;
  }
}

function budgetOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEARCH_SETTINGS.budget;
  const match = PERCENT.exec(value.trim());
  try {
    return checkedBudget(match ? Number(match[1]) / 100 : NaN);
  } catch (error) {
    if (!(error instanceof SearchError)) throw error;
    throw new UsageError(`--params takes a percentage above 0 and at most ${MAX_SEARCH_BUDGET * 100}, like 5%, got '${value}'`);
  }
}

function keepOption(value: string | undefined): SearchField[] {
  if (value === undefined) return [];
  const fields = value.split(',').map((field) => field.trim()).filter((field) => field.length > 0);
  const unknown = fields.filter((field) => !(SEARCH_FIELDS as readonly string[]).includes(field));
  if (unknown.length > 0) throw new UsageError(`--keep takes ${SEARCH_FIELDS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return fields as SearchField[];
}

function rankOption(value: string | undefined): SearchRank {
  if (value === undefined) return DEFAULT_SEARCH_SETTINGS.rank;
  if (value !== 'tokens' && value !== 'size-adjusted') throw new UsageError(`--rank must be size-adjusted or tokens, got '${value}'`);
  return value;
}

const SHAPE_FLAGS = ['hidden', 'heads', 'kv-heads', 'ffn', 'vocab', 'layers', 'activation'] as const;

function fileSource(path: string, values: Values, options: ResolvedCheckOptions, io: CliIO): SearchSource {
  const given = SHAPE_FLAGS.filter((flag) => values[flag] !== undefined);
  if (given.length > 0) throw new UsageError(`--config takes the shape from the file; drop --${given.join(', --')}`);
  const text = readTextFile(path, io, 'config');
  const result = check(text, path, options);
  if (!result.reader) throw new UsageError(`'${path}' is not a model config shapelint recognises`);
  return { kind: 'file', text, fileName: path, result };
}

function numbersSource(values: Values, options: ResolvedCheckOptions): SearchSource {
  if (values.layers === undefined) throw new UsageError('--layers is required: the parameter budget counts every layer');
  const launch = resolveLaunch(null, options);
  const spec = specFromFlags(values, launch, options.gpu);
  const activation = typeof values.activation === 'string' ? values.activation : 'gelu';
  return { kind: 'numbers', spec, launch, options, activation, ...(wantsRun(values) ? {} : { noRun: 'no --gpus, so no run to lay out' }) };
}

function jsonOutput(result: SearchResult, text: string | null) {
  const document = text === null ? null : TextDocument.create('file:///search', 'plaintext', 0, text);
  const range = (edit: { offset: number; length: number }) => document && { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) };
  return {
    gpu: result.gpu.id,
    dtype: result.dtype,
    budget: result.budget,
    rank: result.rank,
    rankedBy: result.rankedBy,
    rankedByNote: result.rankedByNote,
    memoryNote: result.memoryNote,
    params: 'total parameters, the embedding counted once (tied)',
    assumptions: result.assumptions,
    maxHeadDim: result.maxHeadDim,
    accuracy: result.accuracy,
    tokensPerSecond: 'the model\'s tokens/s on one replica (forward and backward, logits included); run: the whole run on its GPUs, null where the search ranks by the model',
    gainSplit: 'each candidate\'s gain in the model\'s tokens/s by kind of work (linear GEMMs, attention BMMs or fused kernel, element-wise kernels, logits); they add up to speedup − 1',
    current: { shape: result.current.shape, params: result.current.params, tokensPerSecond: result.current.tokensPerSecond, run: result.current.run },
    candidates: result.candidates.map((candidate) => ({
      shape: candidate.shape,
      params: candidate.params,
      tokensPerSecond: candidate.tokensPerSecond,
      speedup: candidate.speedup,
      sizeAdjustedSpeedup: candidate.sizeAdjustedSpeedup,
      gainSplit: candidate.gainSplit,
      run: candidate.run,
      changes: candidate.changes,
      edits: candidate.edits.map((edit) => ({ range: range(edit), newText: edit.newText })),
      satisfies: candidate.satisfies,
      pareto: candidate.pareto,
    })),
    bounds: result.bounds,
    held: result.held,
    stats: result.stats,
  };
}

function textOutput(result: SearchResult, name: string, options: ResolvedCheckOptions): string {
  const { current } = result;
  const lines = [
    `${name} on ${options.gpu.name}, ${result.dtype}, forward and backward: shapes within ±${result.budget * 100}% of ${formatCount(current.params)} parameters (total, the embedding counted once)`,
    `ranked by: ${describeRanking(result)}`,
    ...(result.memoryNote ? [`memory: ${result.memoryNote}`] : []),
    `assumes: ${assumptionsLine(result.assumptions)}`,
    `accuracy: ${result.accuracy}`,
    `current: ${describeDims(current.dims)}: ${formatCount(current.params)} params, ${Math.round(current.tokensPerSecond).toLocaleString('en-US')} tokens/s (model)${current.run ? `; run: ${describeRun(current.run)}` : ''}`,
    '',
  ];
  if (result.candidates.length === 0) {
    lines.push('no candidate within the budget passes the alignment rules');
  } else {
    const byRun = result.rankedBy === 'run';
    const rows = result.candidates.map((candidate, index) => [
      String(index + 1),
      ...(candidate.run
        ? [thousands(candidate.run.tokensPerSecondPerGpu), formatSpeedup(candidate.run.speedup), formatSpeedup(candidate.run.sizeAdjustedSpeedup), `${Math.round(candidate.run.mfu * 100)}%`, describeMemory(candidate.run), formatSpeedup(candidate.speedup)]
        : [thousands(candidate.tokensPerSecond), formatSpeedup(candidate.speedup), formatSpeedup(candidate.sizeAdjustedSpeedup)]),
      formatCount(candidate.params),
      formatSpeedup(candidate.params / current.params),
      ...GAIN_PARTS.map((part) => formatSpeedup(1 + candidate.gainSplit[part])),
    ]);
    // The changes, left-aligned after the numbers.
    const ranked = byRun ? [rankedColumn('run'), 'Δ', 'at equal size', 'MFU', 'memory/GPU', 'Δ model'] : [rankedColumn('model'), 'Δ tokens/s', 'at equal size'];
    const [header, ...body] = table(['#', ...ranked, 'params', 'Δ params', 'GEMMs', 'attention', 'elem.', 'logits'], rows).trimEnd().split('\n');
    lines.push(`${header}  changes (derived in parentheses)`, ...body.map((row, index) => `${row}  ${describeChanges(result.candidates[index].changes, current.dims, result.candidates[index].dims)}`));
    const passedByAll = result.candidates[0].satisfies.filter((rule) => result.candidates.every((candidate) => candidate.satisfies.includes(rule)));
    if (byRun) lines.push('', `Δ model: the model's tokens/s on one replica, which GEMMs, attention, elem. and logits split; ✗: does not fit in the GPU's memory`);
    lines.push('', `every candidate passes: ${passedByAll.join(', ')}${result.candidates[0].edits.length > 0 ? ' (each edited file re-checked)' : ''}`);
  }
  lines.push(`searched: ${result.stats.layerShapes} layer shapes, ${result.stats.shapesInBudget} within the budget; ${result.bounds.join('; ')}`);
  if (result.held.length > 0) lines.push(`held: ${result.held.join('; ')}`);
  for (const { reason, count } of result.stats.pruned) lines.push(`pruned: ${count} ${reason}`);
  lines.push('predicted by the throughput model; a shape change can change what the model learns, which it does not know (docs/shape-search.md)', '');
  return lines.join('\n');
}
