/** How long one whole-layer prediction takes: it runs on every hover, so it must stay well under 1 ms. */
import { findGpu } from '../../server/src/core/perf/gpus';
import { predictLayer, type LayerSpec } from '../../server/src/core/perf';

/** Llama-2-7B (h=4096 a=32 ffn=11008 v=32000 L=32) and GPT-3 2.7B (h=2560 a=32 v=50257 L=32). */
const SPECS: Array<[string, LayerSpec]> = [
  ['Llama-2-7B, SwiGLU', { hiddenSize: 4096, numHeads: 32, numKvHeads: 32, headDim: 128, ffnHiddenSize: 11008, gatedMlp: true, vocabSize: 32000, numLayers: 32, seqLength: 4096, microBatchSize: 1, tensorParallel: 1, numExperts: 1, expertsPerToken: 1, flashAttention: true }],
  ['GPT-3 2.7B, backward', { hiddenSize: 2560, numHeads: 32, numKvHeads: 32, headDim: 80, ffnHiddenSize: 10240, gatedMlp: false, vocabSize: 50257, numLayers: 32, seqLength: 2048, microBatchSize: 4, tensorParallel: 1, numExperts: 1, expertsPerToken: 1, flashAttention: false }],
];

const RUNS = 5000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export async function run(): Promise<void> {
  const gpu = findGpu('h100-sxm')!;
  for (const [name, spec] of SPECS) {
    const backward = name.includes('backward');
    for (let i = 0; i < 200; i++) predictLayer(spec, gpu, { dtype: 'bf16', backward });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      predictLayer(spec, gpu, { dtype: 'bf16', backward });
      times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(`predictLayer (${name}): median ${percentile(times, 0.5).toFixed(1)} µs, p95 ${percentile(times, 0.95).toFixed(1)} µs over ${RUNS} runs`);
  }
}
