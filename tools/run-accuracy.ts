/**
 * The "Whole runs" section of docs/accuracy.md and the run-level band of validation-error.ts,
 * from the published training runs in data/runs (schema: data/runs/README.md). Called by
 * tools/accuracy-table.ts, which writes both files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIVE_BUS_FRACTION, RUN_CALIBRATION_SOURCES, TRAINING_COMPUTE_EFFICIENCY, ZERO3_COLLECTIVE_EFFICIENCY } from '../server/src/core/perf/calibration';
import { scoreRuns, summarizeRuns, type RunErrorSummary, type RunFile, type ScoredRun } from '../server/src/core/perf/run/measured';

export const RUNS_DIR = join(__dirname, '..', 'data', 'runs');

export function loadRuns(dir = RUNS_DIR): RunFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as RunFile);
}

const pct = (fraction: number): string => (Number.isNaN(fraction) ? '–' : `${(fraction * 100).toFixed(1)}%`);
const signed = (fraction: number): string => (Number.isNaN(fraction) ? '–' : `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`);

function markdown(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const HEADER = ['', 'runs with tokens/s', 'tokens/s: median abs error', 'signed median', 'within 20%', 'pairs ≥5% apart', 'order right', 'runs with memory', 'memory: median abs error', 'memory within 20%'];
const row = (label: string, s: RunErrorSummary): string[] => [
  label,
  String(s.runs),
  pct(s.medianAbsError),
  signed(s.signedMedianError),
  pct(s.within20),
  String(s.pairs),
  pct(s.orderAccuracy),
  String(s.memoryRuns),
  pct(s.memoryMedianAbsError),
  pct(s.memoryWithin20),
];

function groupBy(scored: ScoredRun[], key: (run: ScoredRun) => string): Map<string, ScoredRun[]> {
  const groups = new Map<string, ScoredRun[]>();
  for (const run of scored) groups.set(key(run), [...(groups.get(key(run)) ?? []), run]);
  return groups;
}

function table(scored: ScoredRun[], overall: string): string {
  const rows = [row(overall, summarizeRuns(scored))];
  for (const dtype of [...new Set(scored.map((run) => run.dtype))].sort()) rows.push(row(`${dtype} only`, summarizeRuns(scored.filter((run) => run.dtype === dtype))));
  for (const [gpu, runs] of groupBy(scored, (run) => run.gpu)) rows.push(row(gpu, summarizeRuns(runs)));
  for (const [key, runs] of groupBy(scored, (run) => `\`${run.source}\` on ${run.gpu}, ${run.dtype}`)) rows.push(row(key, summarizeRuns(runs)));
  return markdown(HEADER, rows);
}

function sources(files: RunFile[]): string {
  return markdown(
    ['source', 'role', 'runs', 'framework', 'FLOP convention of what it published', 'where'],
    files.map(({ source, runs }) => [
      `\`${source.id}\``,
      source.role,
      String(runs.length),
      source.framework,
      source.flopsConvention,
      `${source.url ?? `${source.repo} \`${source.path}\` @ ${source.commit?.slice(0, 7)}`}${source.arxiv ? ` (arXiv ${source.arxiv})` : ''}: ${source.where}`,
    ]),
  );
}

export function wholeRunsSection(files: RunFile[]): string {
  const scored = scoreRuns(files);
  const validation = scored.filter((run) => run.role === 'validation');
  const calibration = scored.filter((run) => run.role === 'calibration');
  const validationSources = files.filter((file) => file.source.role === 'validation');
  const constants = [
    ['`TRAINING_COMPUTE_EFFICIENCY`', String(TRAINING_COMPUTE_EFFICIENCY.value), TRAINING_COMPUTE_EFFICIENCY.fittedOn.join(', '), TRAINING_COMPUTE_EFFICIENCY.how],
    ['`ZERO3_COLLECTIVE_EFFICIENCY`', String(ZERO3_COLLECTIVE_EFFICIENCY.value), ZERO3_COLLECTIVE_EFFICIENCY.fittedOn.join(', '), ZERO3_COLLECTIVE_EFFICIENCY.how],
    ...Object.entries(COLLECTIVE_BUS_FRACTION).map(([link, constant]) => [`\`COLLECTIVE_BUS_FRACTION.${link}\``, String(constant.value), constant.fittedOn.join(', ') || '(a publication, not a stored run)', constant.how]),
  ];
  return `## Whole runs

\`shapelint predict --gpus N …\` predicts a whole training run: memory per GPU by term and step time by
part, hence tokens/s per GPU and MFU ([throughput-model.md](throughput-model.md#the-whole-run)). Here it
is held against ${scored.length} published, measured runs from ${files.length} sources in
[\`data/runs/\`](../data/runs/README.md). Tokens/s per GPU is compared, never a FLOP rate: each source
states its own FLOP convention (below), and Narayanan et al.'s TFLOP/s are turned into tokens/s with
their Eq. 3, which counts the recomputed forward. shapelint's MFU counts model FLOPs (3 × the forward
matmuls, recomputation not counted: Megatron's convention and Eq. 3 without its recompute term).
Peak memory is compared in the terms each source measured it (its \`memoryMeasure\`): a torch
allocator count (torchtitan's max reserved, Megatron's max allocated) leaves out what the CUDA
context and NCCL hold outside the allocator, so the prediction less its \`runtime\` term is compared.

Roles were chosen per source before the model's error on it was looked at: calibration
(${RUN_CALIBRATION_SOURCES.map((id) => `\`${id}\``).join(', ')}) may inform the fitted constants below; validation
(${validationSources.map((file) => `\`${file.source.id}\``).join(', ')}) informs none. The model's
structure was developed while the validation errors were visible (see the notes in CHANGELOG); no
constant was fitted on them.

### Validation runs

${table(validation, 'all validation runs')}

### Calibration runs (in-sample)

${table(calibration, 'all calibration runs (in-sample)')}

### Fitted constants

${markdown(['constant', 'value', 'fitted on', 'how'], constants)}

### Sources

${sources(files)}
`;
}

/** The run-level band per GPU, from the validation runs: what the code lens and hovers quote. */
export function runValidationEntries(files: RunFile[]): string[] {
  const validation = scoreRuns(files.filter((file) => file.source.role === 'validation'));
  // A GPU whose validation runs published only memory (LitGPT's LoRA table on A10G) gets no band: its memory rule keeps the largest known margin.
  return [...groupBy(validation, (run) => run.gpu)].flatMap(([gpu, runs]) => {
    const summary = summarizeRuns(runs);
    if (summary.runs === 0) return [];
    const memory = summary.memoryRuns ? `, memoryMedianAbsError: ${summary.memoryMedianAbsError.toFixed(3)}` : '';
    return [`  '${gpu}': { runs: ${summary.runs}, medianAbsError: ${summary.medianAbsError.toFixed(3)}, within20: ${summary.within20.toFixed(3)}${memory}, sources: [${[...new Set(runs.map((run) => `'${run.source}'`))].join(', ')}] },`];
  });
}
