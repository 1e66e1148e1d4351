/**
 * What the run model (memory per GPU and time per step of the whole launch) adds to one check:
 * the run's prediction, and the rules that read it (memory; micro-batch, which predicts the run
 * again at each size it weighs). The run-model issue's budget is 2 ms per check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, predictShape, runRules } from '../../server/src/core/check';
import { runForLaunch, runLaunchOf } from '../../server/src/core/perf/run/for-launch';
import { memoryRule } from '../../server/src/core/rules/memory';
import { microBatchRule } from '../../server/src/core/rules/micro-batch';

const RUNS = 300;
const FIXTURES = join(__dirname, '..', 'fixtures');

/** GPT-NeoX's 2-7B.yml, Llama-2-7B's HF config.json, and Megatron-LM's GPT-3 2.7B launch script. */
const CASES = ['lsp/neox-2-7B.yml', 'cli/llama-2-7b/config.json', 'lsp/pretrain_gpt3_2.7b.sh'];

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function p95(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)];
}

/** Milliseconds each call of `work` takes, after a warm-up. */
function timed(work: () => unknown): number[] {
  for (let i = 0; i < 50; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export async function run(): Promise<void> {
  for (const file of CASES) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const result = check(text, file);
    const { document, shape, spec, launch, options } = result;
    if (!document || !shape || !spec || !launch) throw new Error(`${file} does not read as a model config`);
    const predicted = predictShape(shape, options, launch);
    const runPart = timed(() => runForLaunch(spec, runLaunchOf(launch, options, shape), options));
    const runRulesPart = timed(() => runRules([memoryRule, microBatchRule], { text, document, shape, ...predicted, options }));
    const whole = timed(() => check(text, file));
    const added = runPart.map((time, index) => time + runRulesPart[index]);
    console.log(
      `run model in a check of ${file}: median ${median(added).toFixed(2)} ms, p95 ${p95(added).toFixed(2)} ms (the run ${median(runPart).toFixed(2)} ms, its rules ${median(runRulesPart).toFixed(2)} ms) of a whole check's median ${median(whole).toFixed(2)} ms, over ${RUNS} runs; budget 2 ms`,
    );
  }
}
