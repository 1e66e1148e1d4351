/**
 * How long a shape search takes over its whole candidate set (the target: under 1 s for a typical
 * config), and how many layer shapes it evaluates: each costs one whole-model prediction.
 */
import { check } from '../../server/src/core/check';
import type { CheckOptions } from '../../server/src/core/model/options';
import { DEFAULT_SEARCH_SETTINGS, runSearch } from '../../server/src/core/search';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 5;

const FIXTURES = join(__dirname, '..', 'fixtures');

/** GPT-3 2.7B (HF config.json, the paper's A100 at s 2048, b 4; its MLP follows h), Llama-2-7B (HF; MLP widths searched too) and GPT-NeoX 2.7B YAML. */
const CASES: Array<[string, string, CheckOptions]> = [
  ['GPT-3 2.7B, HF config.json, A100 40GB', 'cli/gpt3-2.7b/config.json', { gpu: 'a100-sxm4-40gb', sequenceLength: 2048, microBatchSize: 4 }],
  ['Llama-2-7B, HF config.json, A100 40GB', 'cli/llama-2-7b/config.json', { gpu: 'a100-sxm4-40gb', sequenceLength: 4096, microBatchSize: 1 }],
  ['GPT-NeoX 2.7B YAML, H100', 'lsp/neox-2-7B.yml', { gpu: 'h100-sxm' }],
];

export async function run(): Promise<void> {
  for (const [name, file, options] of CASES) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const times: number[] = [];
    let evaluated = 0;
    let inBudget = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const result = runSearch({ kind: 'file', text, fileName: file, result: check(text, file, options) }, DEFAULT_SEARCH_SETTINGS);
      times.push(performance.now() - start);
      evaluated = result.stats.layerShapes;
      inBudget = result.stats.shapesInBudget;
    }
    times.sort((a, b) => a - b);
    console.log(`search (${name}): median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, max ${times[RUNS - 1].toFixed(0)} ms over ${RUNS} runs; ${evaluated} layer shapes evaluated, ${inBudget} within ±5% parameters`);
  }
}
