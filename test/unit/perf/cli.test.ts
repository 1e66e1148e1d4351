import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { main } from '../../../server/src/cli';
import { GPUS } from '../../../server/src/core/perf/gpus';
import { PROFILE_SCHEMA } from '../../../server/src/core/perf';
import { LAUNCH_FIELDS } from '../../../server/src/core/model/shape';
import { RUN_LAUNCH_OPTIONS } from '../../../server/src/cli/run-args';

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

/** GPT-3 2.7B (Brown et al. 2020): h=2560, a=32, L=32, v=50257. */
const GPT3 = ['--hidden', '2560', '--heads', '32', '--vocab', '50257', '--layers', '32', '--seq', '2048', '--micro-batch', '4'];

suite('shapelint gemm', () => {
  test('--format json gives tflops, timeUs, waves, tile and bound', async () => {
    const { code, stdout } = await run(['gemm', '--m', '8192', '--n', '7680', '--k', '2560', '--gpu', 'a100', '--format', 'json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    for (const key of ['tflops', 'timeUs', 'waves']) assert.equal(typeof result[key], 'number', key);
    assert.equal(result.tile.length, 2);
    assert.ok(['compute', 'memory'].includes(result.bound));
    assert.equal(result.gpu, 'a100-sxm4-80gb');
    assert.equal(result.flops, 2 * 8192 * 7680 * 2560);
  });

  test('--batch multiplies the work; text output names the GPU', async () => {
    const one = JSON.parse((await run(['gemm', '--m', '2048', '--n', '2048', '--k', '128', '--gpu', 'h100', '--format', 'json'])).stdout);
    const many = JSON.parse((await run(['gemm', '--m', '2048', '--n', '2048', '--k', '128', '--batch', '64', '--gpu', 'h100', '--format', 'json'])).stdout);
    assert.equal(many.flops, 64 * one.flops);
    const text = await run(['gemm', '--m', '2048', '--n', '2048', '--k', '128', '--gpu', 'h100']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /H100/);
  });

  test('bad usage exits 2 with a message', async () => {
    for (const args of [
      ['gemm', '--n', '1', '--k', '1'],
      ['gemm', '--m', 'x', '--n', '1', '--k', '1'],
      ['gemm', '--m', '1', '--n', '1', '--k', '1', '--gpu', 'tpu-v5'],
      ['gemm', '--m', '1', '--n', '1', '--k', '1', '--dtype', 'int4'],
      ['gemm', '--m', '1', '--n', '1', '--k', '1', '--unknown'],
      ['gemm', '--m', '1', '--n', '1', '--k', '1', '--profile', 'missing.json'],
    ]) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.ok(stderr.length > 0);
    }
  });
});

suite('shapelint predict', () => {
  test('--format json: gpu, layer, named gemms and model; the layer excludes the logits', async () => {
    const { code, stdout } = await run(['predict', ...GPT3, '--gpu', 'a100-sxm4-40gb', '--attention', 'unfused', '--format', 'json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.gpu, 'a100-sxm4-40gb');
    assert.deepEqual(
      result.gemms.map((g: { name: string }) => g.name),
      ['qkv', 'attention_score', 'attention_over_value', 'attention_projection', 'mlp_up', 'mlp_down', 'logits'],
    );
    for (const gemm of result.gemms) for (const key of ['m', 'n', 'k', 'batch', 'tflops', 'timeUs', 'waves']) assert.equal(typeof gemm[key], 'number', key);
    const layerGemmTime = result.gemms.filter((g: { name: string }) => g.name !== 'logits').reduce((t: number, g: { timeUs: number }) => t + g.timeUs, 0);
    assert.ok(result.layer.timeUs >= layerGemmTime);
    const logits = result.gemms.find((g: { name: string }) => g.name === 'logits');
    assert.ok(result.layer.timeUs < layerGemmTime + logits.timeUs);
    assert.equal(result.model.params, 12 * 2560 * 2560 * 32 + 13 * 2560 * 32 + 50257 * 2560);
    for (const key of ['flopsPerToken', 'tokensPerSecond']) assert.ok(result.model[key] > 0);
  });

  test('--activation swiglu adds mlp_gate; --kv-heads narrows qkv; --attention flash fuses attention; --backward adds gradients', async () => {
    const args = ['predict', '--hidden', '4096', '--heads', '32', '--kv-heads', '8', '--ffn', '14336', '--activation', 'swiglu', '--seq', '4096', '--micro-batch', '1', '--attention', 'unfused', '--format', 'json'];
    const swiglu = JSON.parse((await run(args)).stdout);
    const names = swiglu.gemms.map((g: { name: string }) => g.name);
    assert.ok(names.includes('mlp_gate'));
    assert.equal(swiglu.gemms[0].n, (32 + 16) * 128);
    const flash = JSON.parse((await run([...args, '--attention', 'flash'])).stdout);
    assert.ok(flash.gemms.some((g: { name: string }) => g.name === 'flash_attention'));
    assert.deepEqual(JSON.parse((await run([...args.filter((arg) => arg !== 'unfused' && arg !== '--attention'), '--flash'])).stdout).gemms, flash.gemms, '--flash is --attention flash');
    const backward = JSON.parse((await run([...args, '--backward'])).stdout);
    assert.equal(backward.gemms.length, 3 * swiglu.gemms.length);
  });

  test('--format json has the assumptions, each with its value, origin and source', async () => {
    const config = join(__dirname, '..', '..', 'fixtures', 'perf', 'gpt3-2.7b', 'config.json');
    const result = JSON.parse((await run(['predict', '--config', config, '--gpu', 'a100-sxm4-40gb', '--micro-batch', '8', '--recompute', 'full', '--format', 'json'])).stdout);
    const byName = new Map(result.assumptions.map((item: { name: string }) => [item.name, item]));
    assert.deepEqual(
      result.assumptions.map((item: { name: string }) => item.name),
      [...LAUNCH_FIELDS],
    );
    assert.deepEqual(byName.get('attentionKernel'), {
      name: 'attentionKernel',
      label: 'attention',
      value: 'PyTorch SDPA → FlashAttention-2',
      origin: 'default',
      source: byName.get('attentionKernel') && (byName.get('attentionKernel') as { source: string }).source,
    });
    assert.match((byName.get('attentionKernel') as { source: string }).source, /since v4\.36.*this file does not set attn_implementation; PyTorch SDPA picks: FlashAttention-2/);
    assert.deepEqual([(byName.get('seqLength') as { origin: string }).origin, (byName.get('microBatchSize') as { origin: string; source: string }).source], ['file', 'set by --micro-batch, over the file']);
    assert.deepEqual([(byName.get('recompute') as { value: string }).value, (byName.get('recompute') as { origin: string }).origin], ['full', 'setting']);
    assert.equal(result.spec.recompute, 'full');
    assert.match(result.accuracy.layer.text, /not validated at this level/);
  });

  test("--config on a torchtitan file: its selective recomputation is torchtitan's per-op policy in the run's memory", async () => {
    const config = join(__dirname, '..', '..', 'fixtures', 'formats', 'torchtitan', 'llama3_8b.toml');
    const result = JSON.parse((await run(['predict', '--config', config, '--gpus', '8', '--format', 'json'])).stdout);
    // Llama 3 8B at s 8192, b 1: 63,616 B per token per layer (run-model.test.ts works it out) × 32 layers.
    assert.equal(result.run.memory.terms.activations, 63616 * 8192 * 32);
  });

  test('--recompute full runs the forward again in the backward: more time, the same model FLOPs', async () => {
    const args = ['predict', ...GPT3, '--gpu', 'a100', '--backward', '--format', 'json'];
    const none = JSON.parse((await run(args)).stdout);
    const full = JSON.parse((await run([...args, '--recompute', 'full'])).stdout);
    const selective = JSON.parse((await run([...args, '--recompute', 'selective'])).stdout);
    assert.ok(full.gemms.some((gemm: { label: string }) => gemm.label === 'qkv.recompute'));
    assert.ok(selective.gemms.every((gemm: { label: string; name: string }) => !gemm.label.endsWith('.recompute') || gemm.name === 'flash_attention'));
    assert.equal(full.model.flopsPerToken, none.model.flopsPerToken);
    assert.ok(none.layer.timeUs < selective.layer.timeUs && selective.layer.timeUs < full.layer.timeUs);
    // A full recompute adds one forward to forward + backward (about 3 forwards): about a third more time.
    assert.ok(full.layer.timeUs / none.layer.timeUs > 1.25 && full.layer.timeUs / none.layer.timeUs < 1.4, String(full.layer.timeUs / none.layer.timeUs));
    assert.equal((await run([...args, '--recompute', 'some'])).code, 2);
  });

  test('--tp gives per-GPU shapes', async () => {
    const result = JSON.parse((await run(['predict', ...GPT3, '--tp', '2', '--format', 'json'])).stdout);
    assert.equal(result.gemms[0].n, (3 * 2560) / 2);
  });

  test('text output is a table with the layer and model summary, and names what it assumed', async () => {
    const { code, stdout } = await run(['predict', ...GPT3, '--gpu', 'a100', '--attention', 'unfused']);
    assert.equal(code, 0);
    assert.match(stdout, /attention_over_value/);
    assert.match(stdout, /^assumes: attention unfused attention \(setting\), .*recompute none \(setting\)/m);
    assert.match(stdout, /the layer: not validated at this level; its GEMMs: /);
    const silent = (await run(['predict', ...GPT3, '--gpu', 'a100'])).stdout;
    assert.match(silent, /^assumes: attention PyTorch SDPA → FlashAttention-2 \(setting\)/m);
    assert.match(stdout, /layer \(logits excluded\)/);
    assert.match(stdout, /tokens\/s/);
  });

  test('--profile with a measured shape marks it "profile"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shapelint-profile-'));
    const profile = {
      schema: PROFILE_SCHEMA,
      gpu: { name: 'synthetic', catalogId: 'h100-sxm' },
      dtype: 'bf16',
      date: '2026-01-01',
      measurements: [{ m: 8192, n: 7680, k: 2560, batch: 1, timeUs: 123.4 }],
    };
    writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
    const result = JSON.parse((await run(['predict', ...GPT3, '--profile', 'profile.json', '--format', 'json'], dir)).stdout);
    assert.equal(result.gemms[0].source, 'profile');
    assert.equal(result.gemms[0].timeUs, 123.4);
  });

  test('--config reads the shape with check(); --seq and --micro-batch override the file', async () => {
    // GPT-3 2.7B as an HF GPT-2 config.json (Brown et al. 2020: h=2560, a=32, L=32, v=50257).
    const config = join(__dirname, '..', '..', 'fixtures', 'perf', 'gpt3-2.7b', 'config.json');
    const fromFile = JSON.parse((await run(['predict', '--config', config, '--gpu', 'a100', '--format', 'json'])).stdout);
    const fromFlags = JSON.parse((await run(['predict', ...GPT3, '--gpu', 'a100', '--format', 'json'])).stdout);
    assert.deepEqual(
      [fromFile.spec.hiddenSize, fromFile.spec.numHeads, fromFile.spec.numLayers, fromFile.spec.vocabSize],
      [2560, 32, 32, 50257],
    );
    assert.equal(fromFile.gemms[0].m, fromFile.spec.seqLength * fromFile.spec.microBatchSize);
    const overridden = JSON.parse((await run(['predict', '--config', config, '--seq', '1024', '--micro-batch', '2', '--format', 'json'])).stdout);
    assert.equal(overridden.gemms[0].m, 2048);
    assert.equal(fromFile.model.params, fromFlags.model.params);
  });

  test('bad usage exits 2', async () => {
    for (const args of [
      ['predict', '--heads', '32', '--seq', '2048', '--micro-batch', '4'],
      ['predict', '--hidden', '2560', '--heads', '32', '--micro-batch', '4'],
      ['predict', '--hidden', '2560', '--heads', '33', '--seq', '2048', '--micro-batch', '4'],
      ['predict', ...GPT3, '--activation', 'relu'],
      ['predict', '--config', 'does-not-exist.json'],
      ['predict', '--config', 'x.json', '--hidden', '2560'],
    ]) {
      const { code } = await run(args);
      assert.equal(code, 2, args.join(' '));
    }
  });
});

/** Llama-2-70B (Touvron et al. 2023): h 8192, 64 heads, 8 kv heads, SwiGLU 28672, 80 layers, v 32000. */
const LLAMA2_70B = ['--hidden', '8192', '--heads', '64', '--kv-heads', '8', '--ffn', '28672', '--activation', 'swiglu', '--layers', '80', '--vocab', '32000', '--seq', '4096', '--micro-batch', '1'];
const LLAMA2_7B = ['--hidden', '4096', '--heads', '32', '--ffn', '11008', '--activation', 'swiglu', '--layers', '32', '--vocab', '32000', '--seq', '4096', '--micro-batch', '1'];

suite('shapelint predict: the whole run (--gpus)', () => {
  for (const command of ['predict', 'search']) {
    test(`${command} --help names every run flag in its usage synopsis`, async () => {
      const { code, stdout } = await run([command, '--help']);
      assert.equal(code, 0);
      const synopsis = stdout.split('\n\n')[0];
      for (const flag of Object.keys(RUN_LAUNCH_OPTIONS)) assert.match(synopsis, new RegExp(`--${flag}\\b`), `${command}: --${flag}`);
    });
  }

  test('--format json gains run{} with tokens/s per GPU, step time, MFU, its FLOP convention, memory by term and time by part', async () => {
    const args = ['predict', ...LLAMA2_7B, '--gpu', 'h100', '--gpus', '16', '--tp', '2', '--pp', '2', '--vp', '2', '--global-batch', '64', '--sequence-parallel', '--distributed-optimizer', '--recompute', 'selective', '--attention', 'flash', '--dtype', 'bf16', '--format', 'json'];
    const { code, stdout } = await run(args);
    assert.equal(code, 0);
    const { run: result } = JSON.parse(stdout);
    for (const key of ['tokensPerSecondPerGpu', 'stepSeconds', 'mfu']) assert.ok(typeof result[key] === 'number' && result[key] > 0, key);
    assert.match(result.flopsConvention, /model FLOPs/);
    assert.ok(result.mfu < 1);
    assert.equal(result.memory.capacityBytes, 79.6 * 1024 ** 3);
    assert.equal(result.memory.fits, true);
    const termSum = Object.values(result.memory.terms as Record<string, number>).reduce((total, value) => total + value, 0);
    assert.ok(Math.abs(termSum - result.memory.peakBytesPerGpu) < 1, 'the terms add up to the peak');
    for (const key of ['compute', 'tensorParallel', 'pipelineBubble', 'dataParallel', 'optimizer']) assert.equal(typeof result.time[key], 'number', key);
    assert.ok(result.time.pipelineBubble > 0 && result.time.tensorParallel > 0 && result.time.recompute > 0);
    const timeSum = Object.values(result.time as Record<string, number>).reduce((total, value) => total + value, 0);
    assert.ok(Math.abs(timeSum - result.stepSeconds) < 1e-9, 'the parts add up to the step');
    assert.ok(Math.abs(result.tokensPerSecondPerGpu - (64 * 4096) / result.stepSeconds / 16) < 1e-6);
    assert.deepEqual(result.layout, { dataParallel: 4, microBatches: 16, expertDataParallel: 4, layersPerStage: 16 });
    assert.match(result.formulas.memory.activations.source, /Korthikanti/);
  });

  test('text output shows the memory and the step time as two tables', async () => {
    const { code, stdout } = await run(['predict', ...LLAMA2_7B, '--gpu', 'h100', '--gpus', '8', '--tp', '2', '--distributed-optimizer']);
    assert.equal(code, 0);
    assert.match(stdout, /tokens\/s per GPU, MFU/);
    assert.match(stdout, /memory per GPU +GiB/);
    assert.match(stdout, /step time +ms +share/);
    assert.match(stdout, /peak per GPU .* fits in 79\.60 GiB/);
  });

  test('Llama-2-70B with no model parallelism on 8 H100s does not fit; the launch defaults to global batch = micro-batch × DP', async () => {
    const { run: result } = JSON.parse((await run(['predict', ...LLAMA2_70B, '--gpu', 'h100', '--gpus', '8', '--format', 'json'])).stdout);
    assert.equal(result.memory.fits, false);
    assert.ok(result.memory.peakBytesPerGpu > result.memory.capacityBytes);
    assert.equal(result.layout.microBatches, 1);
  });

  test('--tp-comm-overlap hides the TP traffic behind the GEMMs and says so in run.launch, the assumptions and the formula; it needs --sequence-parallel', async () => {
    const args = ['predict', ...LLAMA2_70B, '--gpu', 'h100', '--gpus', '64', '--tp', '8', '--pp', '4', '--global-batch', '64', '--sequence-parallel', '--distributed-optimizer', '--format', 'json'];
    const exposed = JSON.parse((await run(args)).stdout);
    const overlapped = JSON.parse((await run([...args, '--tp-comm-overlap'])).stdout);
    assert.deepEqual(exposed.run.launch.tpCommOverlap.value, false);
    assert.match(exposed.run.launch.tpCommOverlap.note, /counted not overlapped.*--tp-comm-overlap/);
    assert.deepEqual([overlapped.run.launch.tpCommOverlap.value, overlapped.run.launch.tpCommOverlap.origin], [true, 'setting']);
    const assumption = overlapped.assumptions.find((item: { name: string }) => item.name === 'tpCommOverlap');
    assert.deepEqual([assumption.value, assumption.source], ['true', 'set by --tp-comm-overlap, over the file']);
    // Llama 2 70B at TP 8 on H100: the GEMMs outlast the traffic, so 1/16 of it shows (run-model.test.ts works out the share).
    assert.ok(Math.abs(overlapped.run.time.tensorParallel - exposed.run.time.tensorParallel / 16) < 1e-12);
    assert.match(overlapped.run.formulas.time.tensorParallel.formula, /overlapped with the GEMMs/);
    assert.ok(overlapped.run.tokensPerSecondPerGpu > exposed.run.tokensPerSecondPerGpu);
    const refused = await run(['predict', ...LLAMA2_70B, '--gpu', 'h100', '--gpus', '64', '--tp', '8', '--tp-comm-overlap', '--format', 'json']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--tp-comm-overlap needs sequence parallelism/);
  });

  test('MoE flags, fsdp, --zero, --cp and the cluster flags are read', async () => {
    const moe = JSON.parse((await run(['predict', ...LLAMA2_7B, '--experts', '8', '--experts-per-token', '2', '--expert-ffn', '14336', '--ep', '8', '--gpu', 'h100', '--gpus', '8', '--zero', '1', '--format', 'json'])).stdout);
    assert.equal(moe.spec.numExperts, 8);
    assert.ok(moe.run.time.expertParallel > 0);
    const slow = JSON.parse((await run(['predict', ...LLAMA2_7B, '--gpu', 'h100', '--gpus', '16', '--fsdp', '--cp', '2', '--gpus-per-node', '4', '--inter-node-gbps', '25', '--format', 'json'])).stdout);
    const fast = JSON.parse((await run(['predict', ...LLAMA2_7B, '--gpu', 'h100', '--gpus', '16', '--fsdp', '--cp', '2', '--format', 'json'])).stdout);
    assert.ok(slow.run.time.dataParallel > fast.run.time.dataParallel, 'a slower network costs more');
  });

  test('--config reads the launch from a Megatron-LM script (torchrun GPUs, parallel sizes, global batch); flags override it and say so', async () => {
    const script = join(__dirname, '..', '..', 'fixtures', 'perf', 'megatron-gpt3-175b', 'train_gpt3_175b_distributed.sh');
    const asWritten = await run(['predict', '--config', script, '--gpu', 'a100', '--format', 'json']);
    assert.equal(asWritten.code, 2, 'the example runs TP 8 × PP 16 on one node of 8');
    assert.match(asWritten.stderr, /8 GPUs are not a multiple of TP 8 × PP 16 × CP 1 = 128/);
    const { run: result } = JSON.parse((await run(['predict', '--config', script, '--gpu', 'a100', '--gpus', '1024', '--format', 'json'])).stdout);
    assert.deepEqual(result.launch.gpus, { value: 1024, origin: 'setting', note: 'set by --gpus, over the file' });
    assert.equal(result.launch.pipelineParallel.origin, 'file');
    assert.equal(result.launch.globalBatchSize.value, 1536);
    assert.equal(result.launch.sharding.origin, 'default');
    assert.deepEqual(result.layout, { dataParallel: 8, microBatches: 192, expertDataParallel: 8, layersPerStage: 6 });
  });

  test('bad launches exit 2 and say why', async () => {
    for (const [args, why] of [
      [['--gpus', '12', '--tp', '8'], /not a multiple/],
      [['--gpus', '8', '--zero', '4'], /--zero must be/],
      [['--gpus', '8', '--zero', '1', '--fsdp'], /alternatives/],
      [['--gpus', '8', '--vp', '2'], /--vp needs/],
      [['--gpus', '8', '--ep', '2'], /--ep needs/],
      [['--gpus', '8', '--recompute', 'some'], /--recompute must be/],
      [['--gpus', '8', '--global-batch', '12'], /not a multiple of micro-batch/],
      [['--gpus', '8', '--sequence-parallel'], /needs tensor parallelism/],
      [['--gpus', '8', '--attention', 'sparse'], /--attention must be/],
      [['--gpus', '8', '--inter-node-gbps', 'fast'], /--inter-node-gbps/],
    ] as const) {
      const { code, stderr } = await run(['predict', ...LLAMA2_7B, ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, why, args.join(' '));
    }
  });
});

suite('shapelint gpus', () => {
  test('--format json lists every catalogue entry with its sources', async () => {
    const { code, stdout } = await run(['gpus', '--format', 'json']);
    assert.equal(code, 0);
    const entries = JSON.parse(stdout);
    assert.deepEqual(entries.map((gpu: { id: string }) => gpu.id), GPUS.map((gpu) => gpu.id));
    for (const id of ['v100-sxm2', 'a100-sxm4-40gb', 'a100-sxm4-80gb', 'a10', 'l4', 'l40s', 'h100-sxm', 'h100-pcie', 'h200', 'b200', 'mi250x-gcd', 'mi300x', 'rtx-4090']) {
      assert.ok(entries.some((gpu: { id: string }) => gpu.id === id), id);
    }
    for (const entry of entries) assert.ok(entry.sources.length > 0, entry.id);
  });

  test('short aliases resolve: v100, a100 (80GB), h100 (SXM), b200, mi300x', async () => {
    const resolved = [];
    for (const alias of ['v100', 'a100', 'h100', 'b200', 'mi300x']) {
      resolved.push(JSON.parse((await run(['gemm', '--m', '64', '--n', '64', '--k', '64', '--gpu', alias, '--format', 'json'])).stdout).gpu);
    }
    assert.deepEqual(resolved, ['v100-sxm2', 'a100-sxm4-80gb', 'h100-sxm', 'b200', 'mi300x']);
  });

  test('text output is a table', async () => {
    const { code, stdout } = await run(['gpus']);
    assert.equal(code, 0);
    assert.match(stdout, /h100-sxm \(default\)/);
  });
});
