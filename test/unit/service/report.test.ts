import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { lineChart, renderReportHtml, reportData } from '../../../server/src/core/features/report';
import { GIB } from '../../../server/src/core/perf/run';
import { GPT3_2_7B, resultFor } from './check-result';

// 2560 = 2^9 · 5 has (9 + 1) · (1 + 1) = 20 divisors.
const DIVISORS_OF_2560 = [1, 2, 4, 5, 8, 10, 16, 20, 32, 40, 64, 80, 128, 160, 256, 320, 512, 640, 1280, 2560];

suite('shape report', () => {
  const data = reportData(resultFor(GPT3_2_7B), 'config<1>.json');

  test('the head-count sweep covers every divisor of h and marks the current 32 heads', () => {
    assert.ok(data);
    assert.deepEqual(data.headSweep.map((point) => point.x), DIVISORS_OF_2560);
    assert.deepEqual(data.headSweep.filter((point) => point.current).map((point) => point.x), [32]);
    assert.equal(data.headSweep.find((point) => point.x === 20)?.label, '20 heads (head dim 128)');
  });

  test('the paper’s Figure 1 order: 20 heads of 128 beat 32 heads of 80', () => {
    assert.ok(data);
    const at = (heads: number) => data.headSweep.find((point) => point.x === heads)!.tflops;
    assert.ok(at(20) > at(32));
  });

  test('the MLP sweep spans ±10% around 4h = 10240 in steps of 8, current marked once', () => {
    assert.ok(data);
    const sizes = data.ffnSweep.map((point) => point.x);
    assert.ok(sizes.includes(10240));
    assert.deepEqual(data.ffnSweep.filter((point) => point.current).map((point) => point.x), [10240]);
    assert.ok(sizes[0] >= 10240 * 0.9 - 8 && sizes.at(-1)! <= 10240 * 1.1);
    assert.ok(sizes.every((size, i) => size % 8 === 0 && (i === 0 || size > sizes[i - 1])));
  });

  test('the GEMM table has shapes, waves, bound and TFLOP/s of each GEMM', () => {
    assert.ok(data);
    assert.ok(data.gemms.length >= 6);
    const html = renderReportHtml(data);
    assert.match(html, /<td>qkv<\/td><td>8192×7680×2560<\/td>/, 'b·s = 4·2048 rows, 3h columns, h deep');
    assert.equal((html.match(/<svg /g) ?? []).length, 4, 'the head and MLP sweeps, memory per GPU and step time');
    assert.match(html, /config&#60;1&#62;\.json/, 'file names are escaped');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing loads from the network');
  });

  test('the run: memory per GPU by term against capacity and the step by part, each a bar whose segments add up, with the band and the assumptions', () => {
    const result = resultFor(GPT3_2_7B);
    assert.ok(data?.run && result.run);
    const { memory, time } = data.run;
    // No sharding, no recomputation, one node of eight: Adam's 16 bytes per parameter plus every layer's activations.
    assert.deepEqual(
      memory.parts.map((part) => part.name),
      ['weights', 'gradients', 'optimizerStates', 'activations', 'embeddingActivations', 'lossLogits', 'allocator', 'runtime'],
    );
    const bytes = (name: string) => memory.parts.find((part) => part.name === name)!.value;
    assert.equal(bytes('gradients'), 2 * bytes('weights'), 'fp32 gradients, bf16 weights');
    assert.equal(bytes('optimizerStates'), 6 * bytes('weights'), 'fp32 master weights and two Adam moments');
    const sum = (parts: readonly { value: number }[]) => parts.reduce((total, part) => total + part.value, 0);
    assert.ok(Math.abs(sum(memory.parts) - result.run.memory.peakBytesPerGpu) < 1);
    assert.ok(Math.abs(sum(time.parts) - result.run.stepSeconds) < 1e-9);
    assert.deepEqual(time.parts.map((part) => part.name), ['compute', 'dataParallel', 'optimizer']);
    assert.equal(data.run.assumptions.find((item) => item.label === 'GPUs')?.value, '8');

    const html = renderReportHtml(data);
    const run = html.slice(html.indexOf('<section id="run">'), html.indexOf('</section>', html.indexOf('<section id="run">')));
    assert.match(run, /<h2>The run on 8 GPUs<\/h2>/);
    assert.match(run, new RegExp(`Memory per GPU: ${Math.round(result.run.memory.peakBytesPerGpu / GIB)} of 80 GiB, does not fit`));
    assert.match(run, new RegExp(`Step time: ${(result.run.stepSeconds * 1e3).toFixed(1)} ms`));
    assert.match(run, /optimizer states<\/td><td class="num">29\.57 GiB/);
    assert.match(run, /Typical error ±\d+% \(median over \d+ validation runs\)/);
    assert.match(run, /GPUs<\/th><td class="num">8<\/td><td><span class="origin">setting: not in the file: shapelint&#39;s default 8/);
    // The peak is over capacity, so the bar spans the peak and the capacity line sits inside it.
    const segments = [...run.matchAll(/<rect class="segment part-\d" x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((match) => Number(match[1]) + Number(match[2]));
    assert.equal(segments.length, memory.parts.length + time.parts.length);
    assert.ok(Math.abs(segments[memory.parts.length - 1] - 632) < 0.2, 'the memory bar ends at the right edge');
    const capacityAt = Number(/<line class="limit" x1="([\d.]+)"/.exec(run)?.[1]);
    assert.ok(Math.abs(capacityAt - (8 + (624 * result.run.memory.capacityBytes) / result.run.memory.peakBytesPerGpu)) < 0.1);
  });

  test('a launch that cannot be laid out says why in the report', () => {
    const result = resultFor(GPT3_2_7B, { check: { launch: { gpus: 6, pipelineParallel: 4 } } });
    assert.ok(result.runError);
    const html = renderReportHtml(reportData(result, 'config.json')!);
    assert.ok(html.includes(`The run cannot be laid out: ${result.runError}`));
    assert.equal((html.match(/<svg /g) ?? []).length, 2);
  });

  test('a chart marks the current point and labels it on the axis', () => {
    const svg = lineChart(
      [
        { x: 1, label: 'one', tflops: 10, current: false },
        { x: 2, label: 'two', tflops: 20, current: true },
      ],
      'heads',
    );
    assert.equal((svg.match(/class="point current"/g) ?? []).length, 1);
    assert.match(svg, /<title>two: 20\.0 TFLOP\/s \(current\)<\/title>/);
    assert.match(svg, /class="tick current"[^>]*>2</);
  });

  test('the y axis starts at zero, unless every point is in the upper half (then it zooms to show the saw-tooth)', () => {
    const ticks = (svg: string) => [...svg.matchAll(/<text class="tick" x="50" [^>]*>([\d.]+)</g)].map((match) => Number(match[1]));
    const spread = lineChart([{ x: 1, label: 'a', tflops: 100, current: false }, { x: 2, label: 'b', tflops: 700, current: true }], 'heads');
    assert.equal(ticks(spread)[0], 0);
    const close = lineChart([{ x: 1, label: 'a', tflops: 395, current: false }, { x: 2, label: 'b', tflops: 416, current: true }], 'MLP size');
    const [low, ...rest] = ticks(close);
    assert.ok(low > 300 && low <= 395 && rest.at(-1)! >= 416, `axis ${low}..${rest.at(-1)}`);
  });

  test('no report for a file that is not a model config', () => {
    const result = resultFor(GPT3_2_7B);
    assert.equal(reportData({ ...result, reader: null, shape: null }, 'x'), null);
  });
});
