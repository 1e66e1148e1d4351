import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');
const GPT3 = 'examples/gpt3-2.7b/config.json';
const PAPER = ['--gpu', 'a100-sxm4-40gb', '--seq', '2048', '--micro-batch', '4'];

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['search', ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: ROOT });
  return { code, stdout, stderr };
}

interface JsonCandidate {
  shape: Record<string, number | string | boolean | null>;
  params: number;
  tokensPerSecond: number;
  speedup: number;
  changes: { field: string; key?: string; from: number; to: number; derived: boolean }[];
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

suite('shapelint search', () => {
  test('--format json: current, candidates with the shape check prints, speed-up and LSP-range edits that turn the file into it', async () => {
    const { code, stdout } = await run(['--config', GPT3, ...PAPER, '--params', '5%', '--top', '10', '--format', 'json']);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as { current: { shape: Record<string, unknown>; params: number; tokensPerSecond: number }; candidates: JsonCandidate[] };
    assert.equal(output.current.shape.numHeads, 32);
    assert.equal(output.current.shape.hiddenSize, 2560);
    assert.equal(output.candidates.length, 10);
    const twenty = output.candidates.find((candidate) => candidate.shape.hiddenSize === 2560 && candidate.shape.numHeads === 20);
    assert.ok(twenty);
    assert.equal(twenty.shape.headDim, 128);
    assert.equal(twenty.shape.vocabSize, 50304);
    assert.ok(Math.abs(twenty.speedup - twenty.tokensPerSecond / output.current.tokensPerSecond) < 1e-12);
    const text = readFileSync(join(ROOT, GPT3), 'utf8');
    const document = TextDocument.create('file:///x', 'json', 0, text);
    const edited = TextDocument.applyEdits(document, twenty.edits);
    assert.equal(edited, text.replace('"n_head": 32', '"n_head": 20').replace('"vocab_size": 50257', '"vocab_size": 50304'));
    for (const candidate of output.candidates) assert.ok(Math.abs(candidate.params / output.current.params - 1) <= 0.05);
  });

  test('text: the current shape first, then the ranked candidates with their changes', async () => {
    const { code, stdout } = await run(['--config', GPT3, ...PAPER, '--top', '3']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0], /±5% of 2\.65B parameters \(total, the embedding counted once\)/);
    assert.equal(lines[1], "ranked by: the run's tokens/s per GPU (8 GPUs: TP 1 × PP 1 × DP 8, global batch 32, recompute none, sharding none), at equal size (× params / current params)");
    // 2.65B parameters × 16 B of model state and 21 GiB of activations on a 40 GB A100.
    assert.match(lines[2], /^memory: the current shape needs 70 GiB per GPU, more than the 40 GiB of the NVIDIA A100 SXM4 40GB: shapes that do not fit are kept, marked, after those that fit$/);
    assert.match(lines[3], /^assumes: attention PyTorch SDPA → FlashAttention-2 \(default\), attention dropout 0\.1 \(default\), .*sequence length 2048 \(file\)/);
    assert.match(lines[4], /^accuracy: the model's tokens\/s: not validated at this level; its GEMMs: /);
    assert.match(lines[5], /^current: h=2560 a=32 \(d=80\) ffn=10240 L=32 v=50257: 2\.65B params, [\d,]+ tokens\/s \(model\); run: [\d,]+ tokens\/s\/GPU, MFU \d+%, 70 GiB per GPU: does not fit$/);
    assert.match(stdout, /tokens\/s\/GPU +Δ +at equal size +MFU +memory\/GPU +Δ model +params +Δ params +GEMMs +attention +elem\. +logits +changes/);
    const rows = lines.filter((line) => /^\d+ +[\d,]+ /.test(line));
    assert.equal(rows.length, 3);
    for (const row of rows) assert.match(row, /n_head 32 → \d+.*vocab_size 50257 → 50304$/);
    assert.match(stdout, /every candidate passes: .*head-dim.*\(each edited file re-checked\)/);
  });

  test('--format json: ranked by the run, each candidate with its tokens/s per GPU, MFU, peak memory per GPU and whether it fits', async () => {
    const { code, stdout } = await run(['--config', GPT3, ...PAPER, '--top', '5', '--format', 'json']);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as { rankedBy: string; rankedByNote: string; memoryNote: string | null; current: { run: Record<string, unknown> }; candidates: (JsonCandidate & { run: { tokensPerSecondPerGpu: number; mfu: number; peakBytesPerGpu: number; fits: boolean; speedup: number } })[] };
    assert.equal(output.rankedBy, 'run');
    assert.match(output.rankedByNote, /^the run's tokens\/s per GPU \(8 GPUs: TP 1 × PP 1 × DP 8/);
    assert.deepEqual(Object.keys(output.current.run).sort(), ['fits', 'mfu', 'peakBytesPerGpu', 'tokensPerSecondPerGpu']);
    assert.equal(output.current.run.fits, false);
    assert.match(output.memoryNote ?? '', /the current shape needs 70 GiB per GPU/);
    for (const candidate of output.candidates) {
      const { run: summary } = candidate;
      assert.ok(summary.tokensPerSecondPerGpu > 0 && summary.mfu > 0 && summary.mfu < 1);
      // Without sharding each GPU holds 16 B of model state per parameter: 2.6B of them are past 40 GiB alone.
      assert.ok(summary.peakBytesPerGpu > 16 * candidate.params && summary.fits === false);
      assert.ok(Math.abs(summary.speedup - summary.tokensPerSecondPerGpu / Number(output.current.run.tokensPerSecondPerGpu)) < 1e-12);
    }
  });

  test('run flags override the file: --pp 2 lays the run out over two stages, and every candidate\'s layers split over them', async () => {
    const { code, stdout } = await run(['--config', GPT3, ...PAPER, '--pp', '2', '--distributed-optimizer', '--format', 'json']);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as { rankedByNote: string; candidates: JsonCandidate[] };
    assert.match(output.rankedByNote, /8 GPUs: TP 1 × PP 2 × DP 4, global batch 16, recompute none, sharding distributed-optimizer/);
    for (const candidate of output.candidates) assert.equal(Number(candidate.shape.numLayers) % 2, 0);
  });

  test('bare numbers rank by the model without --gpus, and say so; by the run with it', async () => {
    const shape = ['--hidden', '2560', '--heads', '32', '--layers', '32', '--vocab', '50257', ...PAPER, '--top', '3', '--format', 'json'];
    const withoutGpus = JSON.parse((await run(shape)).stdout) as { rankedBy: string; rankedByNote: string; candidates: { run: unknown }[] };
    assert.equal(withoutGpus.rankedBy, 'model');
    assert.equal(withoutGpus.rankedByNote, "the model's tokens/s on one GPU (forward and backward, logits included): no --gpus, so no run to lay out");
    assert.deepEqual(withoutGpus.candidates.map((candidate) => candidate.run), [null, null, null]);
    const withGpus = JSON.parse((await run([...shape, '--gpus', '16'])).stdout) as { rankedBy: string; rankedByNote: string; candidates: { run: { fits: boolean } }[] };
    assert.equal(withGpus.rankedBy, 'run');
    assert.match(withGpus.rankedByNote, /16 GPUs: TP 1 × PP 1 × DP 16/);
    assert.equal(withGpus.candidates.length, 3);
  });

  test('bare numbers: Llama-2-7B shape, kept MLP-only search lists aligned widths', async () => {
    const { code, stdout } = await run(['--hidden', '4096', '--heads', '32', '--layers', '32', '--ffn', '10922', '--activation', 'swiglu', '--vocab', '32000', '--keep', 'hidden,heads,layers', '--format', 'json']);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as { candidates: JsonCandidate[] };
    assert.ok(output.candidates.length > 0);
    for (const candidate of output.candidates) {
      assert.equal(Number(candidate.shape.ffnHiddenSize) % 64, 0);
      assert.deepEqual(candidate.edits, []);
    }
  });

  test('usage errors exit 2 with the reason', async () => {
    for (const [args, reason] of [
      [['--config', GPT3, '--params', 'lots'], /--params takes a percentage/],
      [['--config', GPT3, '--params', '1e308%'], /--params takes a percentage above 0 and at most 50, like 5%, got '1e308%'/],
      [['--config', GPT3, '--params', '50.5'], /--params takes a percentage above 0 and at most 50/],
      [['--config', GPT3, '--keep', 'depth'], /--keep takes hidden, heads/],
      [['--config', GPT3, '--hidden', '2048'], /drop --hidden/],
      [['--hidden', '2048', '--heads', '16'], /--layers is required/],
      [['--config', 'test/fixtures/cli/not-a-config.txt'], /not a model config/],
      [['--config', GPT3, '--attention', 'fast'], /--attention must be flash or unfused/],
      [['--config', GPT3, '--dropout', '1.5'], /--dropout must be a probability/],
      [['--config', GPT3, '--max-head-dim', '0'], /--max-head-dim must be a positive integer/],
    ] as const) {
      const { code, stderr } = await run([...args]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, reason);
    }
  });

  test("GPT-3 2.7B's config.json on A100 40GB: the framework's fused attention, no head dim above 128, 20 heads of 128 in the top ten, the gain split", async () => {
    type Output = { assumptions: { name: string; value: string; origin: string; source: string }[]; accuracy: string; candidates: (JsonCandidate & { gainSplit: Record<string, number> })[] };
    const output = JSON.parse((await run(['--config', GPT3, ...PAPER, '--format', 'json'])).stdout) as Output;
    const attention = output.assumptions.find((item) => item.name === 'attentionKernel');
    assert.deepEqual([attention?.value, attention?.origin], ['PyTorch SDPA → FlashAttention-2', 'default']);
    assert.match(attention?.source ?? '', /transformers' default since v4\.36/);
    assert.match(output.accuracy, /not validated at this level/);
    const best = Math.max(...output.candidates.map((candidate) => candidate.speedup));
    assert.ok(best > 1 && best <= 1.3, `best gain ${best}`);
    assert.ok(output.candidates.every((candidate) => Number(candidate.shape.headDim) <= 128));
    const twenty = output.candidates.find((candidate) => candidate.shape.hiddenSize === 2560 && candidate.shape.numHeads === 20);
    assert.ok(twenty && twenty.shape.headDim === 128);
    for (const candidate of output.candidates) {
      const { gemms, attention: attentionGain, elementwise, logits } = candidate.gainSplit;
      assert.ok(Math.abs(gemms + attentionGain + elementwise + logits - (candidate.speedup - 1)) < 1e-9, 'the split adds up to the gain');
    }
    // The head-dim change saves attention time; the vocabulary pad saves logits time.
    assert.ok(twenty.gainSplit.attention > 0.02 && twenty.gainSplit.logits > 0.02 && Math.abs(twenty.gainSplit.gemms) < 0.005, JSON.stringify(twenty.gainSplit));

    const wide = JSON.parse((await run(['--config', GPT3, ...PAPER, '--max-head-dim', '256', '--top', '40', '--format', 'json'])).stdout) as Output;
    assert.ok(wide.candidates.some((candidate) => candidate.shape.headDim === 256), '--max-head-dim 256 proposes head dim 256');
  });

  test("--attention unfused reproduces the paper's setting: 20 heads of 128 gains at least 8%", async () => {
    type Output = { assumptions: { name: string; value: string; origin: string }[]; candidates: JsonCandidate[] };
    const output = JSON.parse((await run(['--config', GPT3, ...PAPER, '--attention', 'unfused', '--format', 'json'])).stdout) as Output;
    const attention = output.assumptions.find((item) => item.name === 'attentionKernel');
    assert.deepEqual([attention?.value, attention?.origin], ['unfused attention', 'setting']);
    const twenty = output.candidates.find((candidate) => candidate.shape.hiddenSize === 2560 && candidate.shape.numHeads === 20);
    assert.ok(twenty && twenty.speedup >= 1.08, String(twenty?.speedup));
  });

  test('--layers 2^53 - 1 (was a V8 fatal error) prints its candidates', async () => {
    const { code, stdout } = await run(['--hidden', '4096', '--heads', '32', '--layers', '9007199254740991', '--format', 'json']);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as { candidates: JsonCandidate[] };
    assert.equal(output.candidates.length, 10);
  });
});
