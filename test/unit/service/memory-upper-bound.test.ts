import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { codeLens } from '../../../server/src/core/features/code-lens';
import { doHover } from '../../../server/src/core/features/hover';
import { renderReportHtml, reportData } from '../../../server/src/core/features/report';
import { GPT3_2_7B, resultFor } from './check-result';

/**
 * Lightning-AI/litgpt config_hub/finetune/mistral-7b/qlora.yaml (the fixture cites its commit), with
 * a quantize mode the run model does not size (gptq for its bnb.nf4): its full fine-tune memory is
 * then only an upper bound.
 */
const QLORA = join(__dirname, '..', '..', 'fixtures', 'formats', 'litgpt', 'mistral-7b-qlora.yaml');

suite('memory that is only an upper bound says so beside the number', () => {
  const text = readFileSync(QLORA, 'utf8').replace('bnb.nf4', 'gptq');
  const result = check(text, 'qlora.yaml', { gpu: 'l4' });
  const why = /Memory not modelled for this run: a LoRA finetune with quantize gptq, which the run model does not size/;

  test('the code lens: ≤ used of capacity (upper bound, may not fit), the reason in its tooltip', () => {
    assert.ok(result.run && result.shape?.memoryNotModelled);
    assert.equal(result.run.memory.fits, false);
    const lens = codeLens(result);
    assert.ok(lens);
    assert.match(lens.title, /· ≤ [\d.]+ of [\d.]+ GiB \(upper bound, may not fit\) · Layer:/);
    assert.doesNotMatch(lens.title, /does not fit/);
    assert.match(lens.tooltip, why);
  });

  test('the hover on a run field: the memory terms, then why they are an upper bound', () => {
    const hover = doHover(result, text.indexOf('micro_batch_size: 2') + 'micro_batch_size: '.length)?.markdown ?? '';
    assert.match(hover, /Memory per GPU \(GiB\): weights [\d.]+,.*\. Memory not modelled for this run: a LoRA finetune/);
  });

  test('the report: the heading marks the bound, a line gives the reason', () => {
    const data = reportData(result, 'qlora.yaml');
    assert.ok(data?.run);
    assert.match(data.run.memory.upperBound ?? '', /^a LoRA finetune/);
    const html = renderReportHtml(data);
    assert.match(html, /<h3>Memory per GPU: ≤ [\d.]+ of [\d.]+ GiB \(upper bound\)<\/h3>/);
    assert.match(html, /<p class="meta">Memory not modelled for this run: a LoRA finetune with quantize gptq/);
  });

  test('a run the model describes carries no such mark', () => {
    const plain = resultFor(GPT3_2_7B, { check: { gpu: 'a100' } });
    assert.doesNotMatch(codeLens(plain)?.title ?? '', /upper bound/);
    assert.equal(reportData(plain, 'config.json')?.run?.memory.upperBound, null);
  });
});
