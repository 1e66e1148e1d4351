import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { renderSearchHtml } from '../../../server/src/core/features/report';
import { DEFAULT_SEARCH_SETTINGS, runSearch } from '../../../server/src/core/search';

/** Llama-2-7B (meta-llama/Llama-2-7b-hf config.json) on A100 40GB at s = 4096, b = 1. */
const PATH = join(__dirname, '..', '..', 'fixtures', 'cli', 'llama-2-7b', 'config.json');
const text = readFileSync(PATH, 'utf8');
const result = runSearch({ kind: 'file', text, fileName: PATH, result: check(text, PATH, { gpu: 'a100-sxm4-40gb', sequenceLength: 4096, microBatchSize: 1 }) }, DEFAULT_SEARCH_SETTINGS);
const html = renderSearchHtml(result);
const count = (pattern: RegExp) => (html.match(pattern) ?? []).length;

suite('report: the search section', () => {
  test('one row and one Apply button per candidate, numbered in rank order', () => {
    assert.equal(count(/<button class="apply" data-apply="\d+"/g), result.candidates.length);
    result.candidates.forEach((_, index) => assert.match(html, new RegExp(`data-apply="${index}"`)));
    assert.equal(count(/<tr( class="(pareto|no-fit|pareto no-fit)")?><td>\d+<\/td>/g), result.candidates.length);
  });

  test('the chart marks the current shape once, every Pareto point, and each candidate', () => {
    assert.equal(count(/class="point current"/g), 1);
    assert.equal(count(/class="point pareto"/g), result.points.filter((point) => point.pareto).length);
    assert.equal(count(/class="point candidate( no-fit)?"/g), result.candidates.length);
    const front = /<polyline class="pareto-front" points="([^"]*)"/.exec(html);
    assert.ok(front);
    const xs = front[1].split(' ').map((pair) => Number(pair.split(',')[0]));
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b), 'the front is drawn left to right');
  });

  test('the Pareto front: no in-budget shape is both bigger and faster than a front point', () => {
    const front = result.points.filter((point) => point.pareto);
    assert.ok(front.length > 0);
    for (const point of front) {
      assert.ok(!result.points.some((other) => other.params >= point.params && other.rankedTokensPerSecond > point.rankedTokensPerSecond));
    }
  });

  test('it says what was searched and what the model does not know', () => {
    // 833 with head dim 256; 703 without it, the default (--max-head-dim 128).
    assert.match(html, /703 layer shapes searched/);
    assert.match(html, /head dim 64\/128 \(none above 128, the largest whose fused backward runs at full speed/);
    assert.match(html, /knows nothing of convergence/);
  });

  test('it says what every number assumed, how far it is validated, and where each gain comes from', () => {
    assert.match(html, /Assumes: attention PyTorch SDPA → FlashAttention-2 \(default\), attention dropout 0 \(default\)/);
    assert.match(html, /Accuracy: the model&#39;s tokens\/s: not validated at this level|Accuracy: the model's tokens\/s: not validated at this level/);
    assert.equal(count(/<td class="gain">GEMMs [+−][\d.]+% · attention [+−][\d.]+% · element-wise [+−][\d.]+% · logits [+−][\d.]+%<\/td>/g), result.candidates.length);
  });

  test('ranked by the run: tokens/s per GPU, MFU and memory per GPU per candidate; Llama-2-7B on 8 A100 40GB without sharding does not fit, so every shape is kept and marked', () => {
    assert.equal(result.rankedBy, 'run');
    assert.match(html, /ranked by the run&#39;s tokens\/s per GPU \(8 GPUs: TP 1 × PP 1 × DP 8, global batch 8, recompute none, sharding none\)/);
    assert.match(html, /<th class="num">tokens\/s\/GPU<\/th>/);
    assert.match(html, /<p class="meta memory-note">Memory: the current shape needs \d+ GiB per GPU, more than the 40 GiB of the NVIDIA A100 SXM4 40GB/);
    // Every row carries the run's numbers, marked as not fitting.
    assert.equal(count(/<td class="num">[\d,]+<\/td><td class="num">[+−][\d.]+%<\/td><td class="num">[+−][\d.]+%<\/td><td class="num">\d+%<\/td><td class="num">\d+ GiB ✗<\/td>/g), result.candidates.length);
    assert.equal(count(/<tr class="(pareto )?no-fit">/g), result.candidates.length);
    assert.match(html, />tokens\/s\/GPU<\/text>/);
  });
});
