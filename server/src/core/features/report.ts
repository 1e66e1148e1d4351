/**
 * The shape report: the layer's GEMMs on the target GPU and two sweeps drawn from the model,
 * predicted layer throughput against the head count (the paper's Figure 1) and against the
 * MLP size near the current one (Figure 10), for the user's own model. The HTML is a fragment
 * of tables and inline SVG with class names only; the page around it (CSS, theme) is the
 * client's, so it works offline and follows the editor's theme.
 */
import type { CheckResult } from '../check';
import type { Severity } from '../model/findings';
import type { GemmPrediction, LayerSpec } from '../model/prediction';
import { changedSpec } from '../perf/spec';
import { assumptionsText, bandOf, DENSE_LAYER_GEMMS, formatCount, formatGemmShape, formatPercent, formatTflops, formatTime, frameworkWorkText, gibText, memoryUpperBound, predict, predictionOf, runBandText, runHeadline } from './presentation';
import { divisorsOf, FIELD_LABELS, NUMERIC_FIELDS, type FieldOrigin, type Launch } from '../model/shape';
import { GIB, type MemoryTermName, type RunPrediction, type RunTerm, type TimeTermName } from '../perf/run';
import { GAIN_PARTS, type GainSplit, type SearchResult } from '../search';
import { assumptionsLine, launchAssumptions } from '../perf/assumptions';
import { describeChanges, describeDims, describeMemory, describeRanking, describeRun, rankedColumn } from '../search/describe';
import { formatSpeedup } from '../rules/fix-titles';

export interface SweepPoint {
  x: number;
  label: string;
  tflops: number;
  current: boolean;
}

export interface ReportData {
  fileName: string;
  format: string;
  gpu: { id: string; name: string };
  dtype: string;
  shape: { label: string; value: number; origin: FieldOrigin; note?: string }[];
  layer: { tflops: number; timeUs: number; fractionOfPeak: number; params: number } | null;
  /** How wrong the numbers typically are on this GPU (validation error or the profile's own fit). */
  accuracy: string;
  /** What the prediction assumed (attention kernel, recompute, dtype, sizes), with where each came from. */
  assumptions: string;
  /** The framework work counted around the GEMMs and the dropout it assumes (empty without a prediction). */
  frameworkWork: string;
  gemms: GemmPrediction[];
  /** A mixture of experts that keeps dense layers: `gemms` are an MoE layer's, these a dense layer's MLP GEMMs, with how many layers each kind is. */
  denseLayers: { count: number; moeCount: number; gemms: GemmPrediction[] } | null;
  headSweep: SweepPoint[];
  ffnSweep: SweepPoint[];
  findings: { ruleId: string; severity: Severity; message: string }[];
  /** The whole run on its GPUs; null without one (`runError` says why, where the launch cannot be laid out). */
  run: RunReport | null;
  runError: string | null;
}

/** A table of GEMMs with tiles, waves and bound, under a heading. */
function gemmSection(gemms: readonly GemmPrediction[], heading: string): string[] {
  if (gemms.length === 0) return [];
  return [
    `<section><h2>${escapeHtml(heading)}</h2><table class="gemms"><thead><tr>`,
    '<th>GEMM</th><th>M×N×K</th><th>tile</th><th class="num">waves</th><th>bound</th><th class="num">TFLOP/s</th><th class="num">time</th>',
    '</tr></thead><tbody>',
    ...gemms.map(
      (gemm) =>
        `<tr><td>${escapeHtml(gemm.label)}</td><td>${formatGemmShape(gemm)}</td><td>${gemm.tile[0]}×${gemm.tile[1]}</td>` +
        `<td class="num">${gemm.waves}</td><td>${gemm.bound}</td><td class="num">${formatTflops(gemm.tflops)}</td><td class="num">${formatTime(gemm.timeUs)}</td></tr>`,
    ),
    '</tbody></table></section>',
  ];
}

/** One part of a GPU's memory (bytes) or of a step (seconds), with its formula and source. */
export interface RunPart {
  name: string;
  label: string;
  value: number;
  formula: string;
  source: string;
}

export interface RunReport {
  /** "≈ 3,900 tokens/s/GPU · MFU 41% ±12% · 52 of 80 GiB". */
  headline: string;
  gpus: number;
  memory: { parts: RunPart[]; peakBytes: number; capacityBytes: number; fits: boolean; peakStage: string; upperBound: string | null };
  time: { parts: RunPart[]; stepSeconds: number };
  /** The run model's typical error on this GPU, from its validation runs. */
  band: string;
  flopsConvention: string;
  /** The launch choices the run depends on, each with its value and where it came from. */
  assumptions: { label: string; value: string; source: string }[];
}

const MEMORY_LABELS: Record<MemoryTermName, string> = {
  weights: 'weights',
  gradients: 'gradients',
  optimizerStates: 'optimizer states',
  gatheredWeights: 'gathered weights',
  activations: 'activations',
  recomputeWorkingLayer: 'recompute working layer',
  embeddingActivations: 'embedding activations',
  lossLogits: 'loss logits',
  heldQuantizedInputs: 'held 4-bit linear inputs',
  dequantizedHead: 'dequantized 4-bit head',
  runtime: 'CUDA context and libraries',
  allocator: 'allocator fragmentation',
};

const TIME_LABELS: Record<TimeTermName, string> = {
  compute: 'compute',
  recompute: 'recomputation',
  tensorParallel: 'tensor-parallel communication',
  contextParallel: 'context-parallel communication',
  expertParallel: 'expert-parallel communication',
  pipelineP2p: 'pipeline send/receive',
  pipelineBubble: 'pipeline bubble',
  dataParallel: 'data-parallel gradient reduction',
  optimizer: 'optimizer step',
};

/** The launch choices that size the run (the layer's own kernel choices are in the header's assumptions). */
const RUN_ASSUMPTIONS: readonly (keyof Launch)[] = [
  'gpus',
  'gpusPerNode',
  'tensorParallel',
  'pipelineParallel',
  'virtualStages',
  'contextParallel',
  'expertParallel',
  'sequenceParallel',
  'sharding',
  'microBatchSize',
  'globalBatchSize',
  'recompute',
];

/** Points per chart the MLP sweep aims for, so the alignment saw-tooth stays visible. */
const FFN_SWEEP_POINTS = 64;
/** How far around the current MLP size the sweep looks, as a fraction of it. */
const FFN_SWEEP_SPAN = 0.1;

export function reportData(result: CheckResult, fileName: string): ReportData | null {
  if (!result.reader || !result.shape) return null;
  const shape = result.shape;
  const prediction = predictionOf(result);
  return {
    fileName,
    format: result.reader.label,
    gpu: { id: result.options.gpu.id, name: result.options.gpu.name },
    dtype: result.options.dtype,
    shape: NUMERIC_FIELDS.flatMap((name) => {
      const field = shape[name];
      return field.value === null ? [] : [{ label: FIELD_LABELS[name], value: field.value, origin: field.origin, note: field.note }];
    }),
    layer: prediction ? { ...prediction.layer, fractionOfPeak: prediction.fractionOfPeak, params: prediction.model.params } : null,
    accuracy: bandOf(result).text,
    assumptions: assumptionsText(result),
    frameworkWork: prediction ? frameworkWorkText(result, prediction) : '',
    gemms: prediction?.gemms ?? [],
    denseLayers: prediction?.denseLayers
      ? { count: prediction.denseLayers.count, moeCount: prediction.denseLayers.moeCount, gemms: prediction.denseLayers.gemms.filter((gemm) => DENSE_LAYER_GEMMS.includes(gemm.name)) }
      : null,
    headSweep: result.spec ? headSweep(result.spec, result) : [],
    ffnSweep: result.spec ? ffnSweep(result.spec, result) : [],
    findings: result.findings.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })),
    run: result.run && result.launch && result.spec ? runReport(result.run, result.launch, result.spec.headDim, result) : null,
    runError: result.runError,
  };
}

function runReport(run: RunPrediction, launch: Launch, headDim: number, result: CheckResult): RunReport {
  const parts = <T extends string>(terms: Partial<Record<T, RunTerm>>, labels: Record<T, string>): RunPart[] =>
    (Object.entries(terms) as [T, RunTerm | undefined][]).flatMap(([name, term]) => (term && term.value > 0 ? [{ name, label: labels[name], ...term }] : []));
  const assumed = launchAssumptions(launch, result.options.gpu, headDim);
  return {
    headline: runHeadline(result) ?? '',
    gpus: launch.gpus.value,
    memory: { parts: parts(run.memory.terms, MEMORY_LABELS), peakBytes: run.memory.peakBytesPerGpu, capacityBytes: run.memory.capacityBytes, fits: run.memory.fits, peakStage: run.memory.peakStage, upperBound: memoryUpperBound(result) },
    time: { parts: parts(run.time, TIME_LABELS), stepSeconds: run.stepSeconds },
    band: runBandText(result.options.gpu.id),
    flopsConvention: run.flopsConvention,
    assumptions: RUN_ASSUMPTIONS.flatMap((name) => {
      const item = assumed.find((assumption) => assumption.name === name);
      return item ? [{ label: item.label, value: String(item.value ?? 'unknown'), source: item.origin === 'file' ? item.source : `${item.origin}: ${item.source}` }] : [];
    }),
  };
}

/** Every head count that divides h (and that tensor parallelism can split), as Figure 1 compares them. */
export function headSweep(spec: LayerSpec, result: CheckResult): SweepPoint[] {
  return divisorsOf(spec.hiddenSize)
    .filter((heads) => heads % spec.tensorParallel === 0)
    .map((heads) => {
      const headDim = spec.hiddenSize / heads;
      const numKvHeads = spec.numKvHeads === spec.numHeads ? heads : largestDivisorAtMost(heads, spec.numKvHeads);
      const tflops = predict(changedSpec(spec, { numHeads: heads, numKvHeads, headDim }, result.launch, result.options.gpu), result).layer.tflops;
      return { x: heads, label: `${heads} heads (head dim ${headDim})`, tflops, current: heads === spec.numHeads && headDim === spec.headDim };
    });
}

/** MLP sizes within ±10% of the current one, in steps of a multiple of 8, the current one included. */
export function ffnSweep(spec: LayerSpec, result: CheckResult): SweepPoint[] {
  const current = spec.ffnHiddenSize;
  const span = Math.max(64, Math.round(current * FFN_SWEEP_SPAN));
  const step = 8 * Math.max(1, Math.ceil((2 * span) / FFN_SWEEP_POINTS / 8));
  const sizes = new Set<number>([current]);
  for (let size = Math.max(step, Math.ceil((current - span) / step) * step); size <= current + span; size += step) sizes.add(size);
  return [...sizes]
    .sort((a, b) => a - b)
    .map((size) => ({
      x: size,
      label: `MLP size ${size}`,
      tflops: predict({ ...spec, ffnHiddenSize: size }, result).layer.tflops,
      current: size === current,
    }));
}

function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d > 1; d--) if (n % d === 0) return d;
  return 1;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderReportHtml(data: ReportData): string {
  const parts: string[] = [];
  parts.push(`<header><h1>${escapeHtml(data.fileName)}</h1><p class="meta">${escapeHtml(data.format)} · ${escapeHtml(data.gpu.name)} · ${escapeHtml(data.dtype)}</p>`);
  if (data.layer) {
    parts.push(
      `<p class="headline"><strong>≈ ${formatTflops(data.layer.tflops)} TFLOP/s</strong> per layer (${formatPercent(data.layer.fractionOfPeak)} of peak), ` +
        `${formatTime(data.layer.timeUs)} forward · ${formatCount(data.layer.params)} parameters</p>` +
        `<p class="meta">${escapeHtml(data.accuracy)}</p>` +
        `<p class="meta assumptions">${escapeHtml(data.assumptions)}</p>` +
        `<p class="meta">${escapeHtml(data.frameworkWork)}</p>`,
    );
  } else {
    parts.push('<p class="headline">The hidden size or the head count is unknown: nothing to predict.</p>');
  }
  parts.push('</header>');

  if (data.findings.length > 0) {
    parts.push('<section><h2>Findings</h2><ul class="findings">');
    for (const finding of data.findings) {
      parts.push(`<li class="${finding.severity}"><code>${escapeHtml(finding.ruleId)}</code> ${escapeHtml(finding.message)}</li>`);
    }
    parts.push('</ul></section>');
  }

  const dense = data.denseLayers;
  const total = dense ? dense.count + dense.moeCount : 0;
  parts.push(...gemmSection(data.gemms, dense ? `GEMMs of one MoE layer (${dense.moeCount} of ${total} layers)` : 'GEMMs of one layer'));
  if (dense) parts.push(...gemmSection(dense.gemms, `MLP GEMMs of one dense layer (${dense.count} of ${total} layers; the attention is the MoE layers')`));

  if (data.run) parts.push(renderRunHtml(data.run));
  else if (data.runError) parts.push(`<section><h2>The run</h2><p>The run cannot be laid out: ${escapeHtml(data.runError)}.</p></section>`);

  if (data.headSweep.length > 1) {
    parts.push('<section><h2>Layer throughput against the head count</h2>', lineChart(data.headSweep, 'attention heads'), '</section>');
  }
  if (data.ffnSweep.length > 1) {
    parts.push('<section><h2>Layer throughput against the MLP size</h2>', lineChart(data.ffnSweep, 'MLP size'), '</section>');
  }

  parts.push('<section><h2>Shape</h2><table class="shape"><tbody>');
  for (const row of data.shape) {
    const origin = row.origin === 'file' ? '' : ` <span class="origin">${escapeHtml(row.note ?? row.origin)}</span>`;
    parts.push(`<tr><th>${escapeHtml(row.label)}</th><td class="num">${row.value}</td><td>${origin}</td></tr>`);
  }
  parts.push('</tbody></table></section>');
  return parts.join('\n');
}

/** The run: memory per GPU by term against the GPU's capacity and the step by part, each a bar with its table. */
function renderRunHtml(run: RunReport): string {
  const { memory, time } = run;
  const memoryScale = Math.max(memory.capacityBytes, memory.peakBytes);
  const stage = memory.peakStage === 'only' ? '' : ` (the ${memory.peakStage} pipeline stage, which peaks)`;
  return [
    `<section id="run"><h2>The run on ${run.gpus} GPUs</h2>`,
    `<p class="headline"><strong>${escapeHtml(run.headline)}</strong></p>`,
    `<p class="meta">${escapeHtml(run.band)} MFU counts ${escapeHtml(run.flopsConvention)}.</p>`,
    `<h3>Memory per GPU${escapeHtml(stage)}: ${memory.upperBound ? '≤ ' : ''}${gibText(memory.peakBytes)} of ${gibText(memory.capacityBytes)} GiB${memory.upperBound ? ' (upper bound)' : memory.fits ? '' : ', does not fit'}</h3>`,
    ...(memory.upperBound ? [`<p class="meta">Memory not modelled for this run: ${escapeHtml(memory.upperBound)}.</p>`] : []),
    barChart(memory.parts, memoryScale, (bytes) => `${gibText(bytes)} GiB`, { value: memory.capacityBytes, label: `capacity ${gibText(memory.capacityBytes)} GiB` }, 'Memory per GPU by term'),
    partsTable(memory.parts, memory.peakBytes, (bytes) => `${(bytes / GIB).toFixed(2)} GiB`),
    `<h3>Step time: ${formatSeconds(time.stepSeconds)}</h3>`,
    barChart(time.parts, time.stepSeconds, formatSeconds, null, 'Step time by part'),
    partsTable(time.parts, time.stepSeconds, formatSeconds),
    '<h3>What the run assumes</h3><table class="shape"><tbody>',
    ...run.assumptions.map((item) => `<tr><th>${escapeHtml(item.label)}</th><td class="num">${escapeHtml(item.value)}</td><td><span class="origin">${escapeHtml(item.source)}</span></td></tr>`),
    '</tbody></table></section>',
  ].join('\n');
}

function formatSeconds(seconds: number): string {
  return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1e3).toFixed(1)} ms`;
}

/** The parts in a table: the value, its share of the whole, the formula, the source on hover. */
function partsTable(parts: readonly RunPart[], whole: number, format: (value: number) => string): string {
  const rows = parts.map(
    (part, index) =>
      `<tr><td><span class="swatch part-${index % PART_COLOURS}"></span>${escapeHtml(part.label)}</td><td class="num">${format(part.value)}</td>` +
        `<td class="num">${formatPercent(part.value / whole)}</td><td title="${escapeHtml(part.source)}">${escapeHtml(part.formula)}</td></tr>`,
  );
  return `<table class="run-parts"><tbody>${rows.join('')}</tbody></table>`;
}

/** Colours the bar segments cycle through (CSS classes part-0 … part-5). */
const PART_COLOURS = 6;
const BAR = { width: 640, height: 56, left: 8, right: 8, top: 8, bar: 24 };

/**
 * One horizontal bar of stacked parts on a scale from zero to `scale`, each part titled with its
 * value; `limit` draws a line (the GPU's capacity) the bar must stay under.
 */
function barChart(parts: readonly RunPart[], scale: number, format: (value: number) => string, limit: { value: number; label: string } | null, ariaLabel: string): string {
  const { width, height, left, right, top, bar } = BAR;
  const plotWidth = width - left - right;
  const x = (value: number) => left + (value / scale) * plotWidth;
  const svg: string[] = [`<svg class="chart bar-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(ariaLabel)}">`];
  let start = 0;
  parts.forEach((part, index) => {
    svg.push(
      `<rect class="segment part-${index % PART_COLOURS}" x="${x(start).toFixed(1)}" y="${top}" width="${(x(start + part.value) - x(start)).toFixed(1)}" height="${bar}">` +
        `<title>${escapeHtml(part.label)}: ${format(part.value)}</title></rect>`,
    );
    start += part.value;
  });
  if (limit) {
    const at = x(limit.value).toFixed(1);
    svg.push(`<line class="limit" x1="${at}" x2="${at}" y1="${top - 4}" y2="${top + bar + 4}"/>`, `<text class="tick" x="${at}" y="${height - 6}" text-anchor="end">${escapeHtml(limit.label)}</text>`);
  }
  svg.push(`<text class="tick" x="${left}" y="${height - 6}">0</text>`, '</svg>');
  return svg.join('');
}

const CHART = { width: 640, height: 260, left: 56, right: 16, top: 16, bottom: 44 };
/** Above this many points, only every n-th x label is written (the current one always). */
const MAX_X_LABELS = 16;

/**
 * A line chart of predicted TFLOP/s, points evenly spaced in sweep order, the current config
 * marked. The y axis starts at zero unless every point sits in the upper half, where a zoomed
 * axis shows the alignment saw-tooth (Figure 10's) that a zero-based one would flatten.
 */
export function lineChart(points: readonly SweepPoint[], xTitle: string): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const values = points.map((point) => point.tflops);
  const [yMin, yMax] = yRange(Math.min(...values), Math.max(...values));
  const x = (index: number) => left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (tflops: number) => top + plotHeight - ((tflops - yMin) / (yMax - yMin)) * plotHeight;
  const labelEvery = Math.ceil(points.length / MAX_X_LABELS);
  const currentIndex = points.findIndex((point) => point.current);
  const labelled = (i: number) => i === currentIndex || (i % labelEvery === 0 && (currentIndex < 0 || Math.abs(i - currentIndex) >= labelEvery));

  const svg: string[] = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Predicted layer TFLOP/s against ${escapeHtml(xTitle)}">`,
  ];
  for (let tick = 0; tick <= Y_TICKS; tick++) {
    const value = yMin + ((yMax - yMin) * tick) / Y_TICKS;
    svg.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}"/>`,
      `<text class="tick" x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${formatTick(value)}</text>`,
    );
  }
  svg.push(`<polyline class="series" points="${points.map((point, i) => `${x(i).toFixed(1)},${y(point.tflops).toFixed(1)}`).join(' ')}"/>`);
  points.forEach((point, i) => {
    const cx = x(i).toFixed(1);
    const cy = y(point.tflops).toFixed(1);
    svg.push(
      `<circle class="${point.current ? 'point current' : 'point'}" cx="${cx}" cy="${cy}" r="${point.current ? 6 : 3}"><title>${escapeHtml(point.label)}: ${formatTflops(point.tflops)} TFLOP/s${point.current ? ' (current)' : ''}</title></circle>`,
    );
    if (labelled(i)) {
      svg.push(`<text class="${point.current ? 'tick current' : 'tick'}" x="${cx}" y="${top + plotHeight + 16}" text-anchor="middle">${point.x}</text>`);
    }
  });
  svg.push(
    `<text class="axis-title" x="${left + plotWidth / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(xTitle)}</text>`,
    `<text class="axis-title" x="14" y="${top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + plotHeight / 2})">TFLOP/s</text>`,
    '</svg>',
  );
  return svg.join('');
}

const Y_TICKS = 4;

/** Zero to a round maximum; or, when all values are in the upper half, a round window around them. */
function yRange(min: number, max: number): [number, number] {
  if (!(max > 0)) return [0, 1];
  if (min < max / 2) return [0, niceCeiling(max)];
  const step = niceCeiling(Math.max(max - min, max * 0.02) / (Y_TICKS - 1));
  const low = Math.floor(min / step) * step;
  return [low, low + step * Y_TICKS];
}

function formatTick(value: number): string {
  return Number.isInteger(value) || value >= 10 ? value.toFixed(0) : value.toPrecision(2);
}

/** 1, 2 or 5 times a power of ten, at or above the value: round axis ends. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Points drawn in the search chart beyond the Pareto front, the candidates and the current shape: enough to show the cloud. */
const MAX_CLOUD_POINTS = 400;

/**
 * The report's search section: the candidates (each with an Apply button the client wires to
 * its edits, by index), and the tokens/s the search ranks by against parameters for every shape
 * within the budget, the current one, the Pareto front (the fastest for their size) and the
 * shapes that do not fit in the GPU's memory marked.
 */
export function renderSearchHtml(result: SearchResult): string {
  const { current } = result;
  const byRun = result.rankedBy === 'run';
  const parts: string[] = [
    `<section id="search"><h2>Faster shapes within ±${result.budget * 100}% parameters</h2>`,
    `<p class="meta">${escapeHtml(result.gpu.name)} · ${escapeHtml(result.dtype)} · forward and backward · ranked by ${escapeHtml(describeRanking(result))} · ` +
      `current: ${escapeHtml(describeDims(current.dims))}, ${formatCount(current.params)} parameters, ${Math.round(current.tokensPerSecond).toLocaleString('en-US')} tokens/s (model)` +
      `${current.run ? `; run: ${escapeHtml(describeRun(current.run))}` : ''}</p>`,
    ...(result.memoryNote ? [`<p class="meta memory-note">Memory: ${escapeHtml(result.memoryNote)}.</p>`] : []),
    `<p class="meta assumptions">Assumes: ${escapeHtml(assumptionsLine(result.assumptions))}. Accuracy: ${escapeHtml(result.accuracy)}.</p>`,
  ];
  parts.push(scatterChart(result));
  if (result.candidates.length === 0) {
    parts.push('<p>No shape within the budget passes the alignment rules.</p>');
  } else {
    const runHeads = byRun ? '<th class="num">MFU</th><th class="num">memory/GPU</th><th class="num">Δ model</th>' : '';
    parts.push(
      `<table class="candidates"><thead><tr><th>#</th><th class="num">${rankedColumn(result.rankedBy)}</th><th class="num">Δ</th><th class="num">at equal size</th>${runHeads}<th class="num">params</th><th>gain from (model)</th><th>changes</th><th></th></tr></thead><tbody>`,
    );
    result.candidates.forEach((candidate, index) => {
      const changes = escapeHtml(describeChanges(candidate.changes, current.dims, candidate.dims));
      const { run } = candidate;
      const ranked = run
        ? `<td class="num">${Math.round(run.tokensPerSecondPerGpu).toLocaleString('en-US')}</td><td class="num">${formatSpeedup(run.speedup)}</td><td class="num">${formatSpeedup(run.sizeAdjustedSpeedup)}</td>` +
          `<td class="num">${formatPercent(run.mfu)}</td><td class="num">${escapeHtml(describeMemory(run))}</td><td class="num">${formatSpeedup(candidate.speedup)}</td>`
        : `<td class="num">${Math.round(candidate.tokensPerSecond).toLocaleString('en-US')}</td><td class="num">${formatSpeedup(candidate.speedup)}</td><td class="num">${formatSpeedup(candidate.sizeAdjustedSpeedup)}</td>`;
      const classes = [candidate.pareto ? 'pareto' : '', run && !run.fits ? 'no-fit' : ''].filter(Boolean).join(' ');
      parts.push(
        `<tr${classes ? ` class="${classes}"` : ''}><td>${index + 1}</td>${ranked}` +
          `<td class="num">${formatCount(candidate.params)} (${formatSpeedup(candidate.params / current.params)})</td><td class="gain">${gainText(candidate.gainSplit)}</td><td>${changes}</td>` +
          `<td>${candidate.edits.length > 0 ? `<button class="apply" data-apply="${index}" title="Edit the file into this shape">Apply</button>` : ''}</td></tr>`,
      );
    });
    parts.push('</tbody></table>');
  }
  parts.push(`<p class="meta">${escapeHtml(result.bounds.join('; '))}. ${result.stats.layerShapes} layer shapes searched, ${result.stats.shapesInBudget} within the budget.`);
  for (const { reason, count } of result.stats.pruned) parts.push(` ${count} ${escapeHtml(reason)}.`);
  if (result.held.length > 0) parts.push(` Held: ${escapeHtml(result.held.join('; '))}.`);
  parts.push(' Predicted by the throughput model, which knows nothing of convergence: a shape change can change what the model learns.</p></section>');
  return parts.join('\n');
}

const GAIN_LABELS: Record<(typeof GAIN_PARTS)[number], string> = { gemms: 'GEMMs', attention: 'attention', elementwise: 'element-wise', logits: 'logits' };

/** A candidate's gain by kind of work: "GEMMs +1.1% · attention +8.1% · element-wise +1.2% · logits +4.3%". */
function gainText(split: GainSplit): string {
  return GAIN_PARTS.map((part) => `${GAIN_LABELS[part]} ${formatSpeedup(1 + split[part])}`).join(' · ');
}

/** The ranked tokens/s against parameters: the cloud (those that do not fit hollow), the Pareto front as a line, the numbered candidates and the current shape. */
function scatterChart(result: SearchResult): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const points = result.points.map((point) => ({ ...point, tokensPerSecond: point.rankedTokensPerSecond }));
  const candidates = result.candidates.map((candidate) => ({ params: candidate.params, tokensPerSecond: candidate.run?.tokensPerSecondPerGpu ?? candidate.tokensPerSecond }));
  const axis = rankedColumn(result.rankedBy);
  const all = [...points, ...candidates];
  const [xMin, xMax] = [Math.min(...all.map((point) => point.params)), Math.max(...all.map((point) => point.params))];
  const xPad = Math.max((xMax - xMin) * 0.05, xMax * 0.002);
  const x = (params: number) => left + ((params - (xMin - xPad)) / (xMax - xMin + 2 * xPad)) * plotWidth;
  const [yMin, yMax] = yRange(Math.min(...all.map((point) => point.tokensPerSecond)), Math.max(...all.map((point) => point.tokensPerSecond)));
  const y = (tps: number) => top + plotHeight - ((tps - yMin) / (yMax - yMin)) * plotHeight;
  const at = (point: { params: number; tokensPerSecond: number }) => `cx="${x(point.params).toFixed(1)}" cy="${y(point.tokensPerSecond).toFixed(1)}"`;
  const svg: string[] = [`<svg class="chart search-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Predicted ${axis} against parameters">`];
  for (let tick = 0; tick <= Y_TICKS; tick++) {
    const value = yMin + ((yMax - yMin) * tick) / Y_TICKS;
    svg.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}"/>`, `<text class="tick" x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${formatCount(value)}</text>`);
  }
  for (const params of [xMin, (xMin + xMax) / 2, xMax]) {
    svg.push(`<text class="tick" x="${x(params).toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle">${formatCount(params)}</text>`);
  }
  const cloud = points.filter((point) => !point.pareto && !point.current);
  const every = Math.ceil(cloud.length / MAX_CLOUD_POINTS);
  cloud.filter((_, index) => index % every === 0).forEach((point) => svg.push(`<circle class="point cloud${point.fits === false ? ' no-fit' : ''}" ${at(point)} r="2"/>`));
  const front = points.filter((point) => point.pareto).sort((a, b) => a.params - b.params);
  svg.push(`<polyline class="pareto-front" points="${front.map((point) => `${x(point.params).toFixed(1)},${y(point.tokensPerSecond).toFixed(1)}`).join(' ')}"/>`);
  front.forEach((point) => svg.push(`<circle class="point pareto" ${at(point)} r="3"><title>Pareto front: ${formatCount(point.params)} parameters, ${Math.round(point.tokensPerSecond).toLocaleString('en-US')} ${axis}</title></circle>`));
  result.candidates.forEach((candidate, index) => {
    svg.push(
      `<circle class="point candidate${candidate.run?.fits === false ? ' no-fit' : ''}" ${at(candidates[index])} r="4"><title>#${index + 1}: ${escapeHtml(describeDims(candidate.dims))}, ${formatSpeedup(candidate.speedup)}</title></circle>`,
      `<text class="tick label" x="${(x(candidate.params) + 6).toFixed(1)}" y="${(y(candidates[index].tokensPerSecond) - 5).toFixed(1)}">${index + 1}</text>`,
    );
  });
  const current = { params: result.current.params, tokensPerSecond: result.current.run?.tokensPerSecondPerGpu ?? result.current.tokensPerSecond };
  svg.push(
    `<circle class="point current" ${at(current)} r="6"><title>current: ${escapeHtml(describeDims(result.current.dims))}</title></circle>`,
    `<text class="tick current" x="${(x(current.params) + 9).toFixed(1)}" y="${(y(current.tokensPerSecond) + 4).toFixed(1)}">current</text>`,
    `<text class="axis-title" x="${left + plotWidth / 2}" y="${height - 6}" text-anchor="middle">parameters</text>`,
    `<text class="axis-title" x="14" y="${top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + plotHeight / 2})">${axis}</text>`,
    '</svg>',
  );
  return svg.join('');
}
