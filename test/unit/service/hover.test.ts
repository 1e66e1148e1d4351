import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { doHover } from '../../../server/src/core/features/hover';
import { gibText } from '../../../server/src/core/features/presentation';
import { spanOf } from '../rules/shape-builder';
import { GPT3_2_7B, resultFor } from './check-result';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../server/src/core/check';

suite('hover', () => {
  const result = resultFor(GPT3_2_7B);

  test('on the micro-batch: the whole run, tokens/s and MFU with the run band, memory per GPU by term, the step by part', () => {
    const text = `${GPT3_2_7B}micro_batch_size: 2\n`;
    const hover = doHover(resultFor(text), text.lastIndexOf('2\n'))!.markdown;
    assert.match(hover, /Run on 8 GPUs: \*\*≈ [\d,]+ tokens\/s\/GPU · MFU \d+% ±\d+% · [\d.]+ of 80 GiB/);
    assert.match(hover, /Memory per GPU \(GiB\): weights [\d.]+, gradients [\d.]+, optimizerStates [\d.]+, activations [\d.]+/);
    assert.match(hover, /Step [\d.]+ s: compute \d+%.*Typical error ±\d+% \(median over \d+ validation runs\)/);
    assert.doesNotMatch(doHover(result, spanOf(GPT3_2_7B, '2560').offset)!.markdown, /tokens\/s\/GPU/, 'the hidden size hover keeps to the layer');
  });

  test('on the hidden size: purpose, derived values, the GEMMs it feeds with TFLOP/s, the layer on the GPU', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '2560').offset + 2);
    assert.ok(hover);
    assert.deepEqual(hover.span, spanOf(GPT3_2_7B, '2560'));
    assert.match(hover.markdown, /^\*\*hidden size\*\* · `hidden_size` = 2560/);
    assert.match(hover.markdown, /head dim 80/);
    assert.match(hover.markdown, /B params/);
    for (const gemm of ['qkv', 'mlp_up', 'mlp_down', 'logits']) assert.match(hover.markdown, new RegExp(`\\| ${gemm}\\b[^|]*\\| \\d+×\\d+×\\d+ \\| [\\d.]+ \\|`));
    assert.match(hover.markdown, /Layer on NVIDIA H100[^:]*: \*\*≈ [\d.]+ TFLOP\/s\*\* \(\d+% of peak\)/);
    assert.match(hover.markdown, /_the layer: not validated at this level; its GEMMs: ±\d+% typical on NVIDIA H100 SXM5 80GB in bf16 \(median error on \d+ validation GEMMs\)_/);
  });

  test("says what it assumed: an HF config silent on attn_implementation runs transformers' default SDPA", () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'gpt3-2.7b', 'config.json'), 'utf8');
    const hover = doHover(check(text, 'config.json', { gpu: 'a100-sxm4-40gb' }), text.indexOf('2560', text.indexOf('"n_embd"')))!.markdown;
    assert.match(hover, /Assumes attention PyTorch SDPA → FlashAttention-2 \(transformers' default since v4\.36 .*; this file does not set attn_implementation; PyTorch SDPA picks: FlashAttention-2\)/);
    assert.match(hover, /recompute none \(transformers TrainingArguments gradient_checkpointing=False/);
  });

  test('says which tokens the prediction is for, and when settings filled them in', () => {
    // GPT3_2_7B sets seq_length 2048 but no micro-batch: the default (4) comes from the settings.
    assert.match(doHover(result, spanOf(GPT3_2_7B, '2560').offset)!.markdown, /for micro-batch 4 × sequence 2048 \(settings fill in what the file does not say\)/);
    const complete = `${GPT3_2_7B}micro_batch_size: 8\n`;
    const hover = doHover(resultFor(complete), spanOf(complete, '2560').offset)!.markdown;
    assert.match(hover, /for micro-batch 8 × sequence 2048/);
    assert.doesNotMatch(hover, /settings fill in/);
  });

  test('on the key as on the value', () => {
    const onKey = doHover(result, spanOf(GPT3_2_7B, 'hidden_size').offset);
    assert.ok(onKey);
    assert.deepEqual(onKey.span, spanOf(GPT3_2_7B, 'hidden_size'));
  });

  test('on the vocabulary: only the logit GEMM', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '50257').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /\| logits/);
    assert.doesNotMatch(hover.markdown, /\| qkv/);
  });

  test('on a flagged field: the finding and the best alternative with its predicted speed-up', () => {
    const hover = doHover(result, spanOf(GPT3_2_7B, '32').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*head-dim\*\*/);
    assert.match(hover.markdown, /Best alternative: \*\*Use (20|40) heads[^\n]*\+\d+(\.\d)?%[^\n]*\*\*/);
  });

  test('nothing off the shape fields', () => {
    assert.equal(doHover(result, GPT3_2_7B.length), null);
    assert.equal(doHover(resultFor('note: hello\n'), 2), null);
  });

  test('an unusable value is named, and nothing is predicted from it', () => {
    const text = 'hidden_size: abc\nnum_attention_heads: 32\n';
    const hover = doHover(resultFor(text), spanOf(text, 'abc').offset);
    assert.ok(hover);
    assert.match(hover.markdown, /= `abc` \(not usable\)/);
    assert.doesNotMatch(hover.markdown, /TFLOP\/s/);
  });
});

/** Issue 15 §5: the recompute, sharding and sequence-parallel choices show the run, as the size hovers do. */
suite('hover on the run choices', () => {
  const megatron = (flags: string) =>
    `#!/bin/bash\ntorchrun --nproc-per-node 8 pretrain_gpt.py --num-layers 32 --hidden-size 2560 --num-attention-heads 32 --seq-length 2048 --micro-batch-size 4 --tensor-model-parallel-size 2 ${flags}\n`;

  /** The hover at the last `needle` (its second character), which must cover exactly `needle`, and the run it shows. */
  function hoverOn(text: string, fileName: string, needle: string, options = {}) {
    const result = check(text, fileName, { gpu: 'a100-sxm4-40gb', ...options });
    const offset = text.lastIndexOf(needle);
    assert.ok(offset >= 0, needle);
    const hover = doHover(result, offset + 1);
    assert.ok(hover && result.run, needle);
    assert.deepEqual(hover.span, { offset, length: needle.length });
    const { run } = result;
    // The headline and the memory by term are the run's own numbers.
    const headline = new RegExp(`Run on 8 GPUs: \\*\\*≈ ${Math.round(run.tokensPerSecondPerGpu).toLocaleString('en-US')} tokens/s/GPU · MFU ${Math.round(run.mfu * 100)}% ±\\d+% · [\\d.]+ of 40 GiB`);
    assert.match(hover.markdown, headline);
    assert.match(hover.markdown, new RegExp(`activations ${gibText(run.memory.terms.activations!.value).replace('.', '\\.')}[,.]`));
    assert.match(hover.markdown, /Step [\d.]+ s: compute \d+%.*Typical error ±\d+% \(median over \d+ validation runs\)/);
    return { markdown: hover.markdown, run };
  }

  test('Megatron --recompute-activations: selective, and what it saves against none', () => {
    const selective = hoverOn(megatron('--recompute-activations'), 'pretrain.sh', '--recompute-activations');
    assert.match(selective.markdown, /^\*\*recompute\*\* · `--recompute-activations` = selective\n\nActivation recomputation in the backward/);
    const none = check(megatron(''), 'pretrain.sh', { gpu: 'a100-sxm4-40gb' }).run;
    assert.ok(none && none.memory.terms.activations!.value > selective.run.memory.terms.activations!.value);
  });

  test('Megatron --recompute-granularity full: on the value as on the key; the step counts the recompute', () => {
    const text = megatron('--recompute-granularity full --recompute-method uniform');
    const full = hoverOn(text, 'pretrain.sh', 'full');
    assert.match(full.markdown, /^\*\*recompute\*\* · `--recompute-granularity` = full/);
    assert.match(full.markdown, /recompute \d+%/);
    assert.ok(doHover(check(text, 'pretrain.sh'), text.indexOf('--recompute-granularity') + 1));
  });

  test('Megatron --use-distributed-optimizer and --sequence-parallel', () => {
    const text = megatron('--use-distributed-optimizer --sequence-parallel');
    const sharded = hoverOn(text, 'pretrain.sh', '--use-distributed-optimizer');
    assert.match(sharded.markdown, /^\*\*optimizer sharding\*\* · `--use-distributed-optimizer` = distributed-optimizer/);
    // The optimizer states split over the 4 data-parallel ranks: a quarter of what each GPU holds without it.
    const unsharded = check(megatron('--sequence-parallel'), 'pretrain.sh', { gpu: 'a100-sxm4-40gb' }).run;
    assert.ok(unsharded);
    const states = (run: typeof unsharded) => run.memory.terms.optimizerStates!.value;
    assert.ok(Math.abs((4 * states(sharded.run)) / states(unsharded) - 1) < 1e-9);
    assert.match(sharded.markdown, new RegExp(`optimizerStates ${gibText(states(sharded.run)).replace('.', '\\.')},`));
    const parallel = hoverOn(text, 'pretrain.sh', '--sequence-parallel');
    assert.match(parallel.markdown, /^\*\*sequence parallel\*\* · `--sequence-parallel` = true/);
  });

  test('NeMo activations_checkpoint_granularity, GPT-NeoX checkpoint-activations, torchtitan [activation_checkpoint] mode', () => {
    const nemo = 'trainer:\n  devices: 8\n  num_nodes: 1\nmodel:\n  num_layers: 32\n  hidden_size: 2560\n  num_attention_heads: 32\n  encoder_seq_length: 2048\n  micro_batch_size: 4\n  activations_checkpoint_granularity: selective\n';
    assert.match(hoverOn(nemo, 'megatron_gpt_config.yaml', 'selective').markdown, /^\*\*recompute\*\* · `activations_checkpoint_granularity` = selective/);
    const neox = '{\n  "num-layers": 32,\n  "hidden-size": 2560,\n  "num-attention-heads": 32,\n  "seq-length": 2048,\n  "train_micro_batch_size_per_gpu": 4,\n  "checkpoint-activations": true\n}\n';
    assert.match(hoverOn(neox, '2-7B.yml', '"checkpoint-activations"').markdown, /^\*\*recompute\*\* · `checkpoint-activations` = full/);
    const titan = '[model]\nname = "llama3"\nflavor = "8B"\n[training]\nseq_len = 2048\nlocal_batch_size = 1\n[activation_checkpoint]\nmode = "selective"\n';
    assert.match(hoverOn(titan, 'llama3_8b.toml', 'mode').markdown, /^\*\*recompute\*\* · `mode` = selective/);
  });

  test('a setting that chooses otherwise is said: the prediction ran with it', () => {
    const { markdown } = hoverOn(megatron('--recompute-activations'), 'pretrain.sh', '--recompute-activations', { recompute: 'full' });
    assert.match(markdown, /Predicted with full \(set by --recompute, shapelint\.recompute\)\./);
  });
});

suite('hover on a multi-latent attention size', () => {
  // DeepSeek-V3's config.json (deepseek-ai/DeepSeek-V3): q_lora_rank 1536, kv_lora_rank 512, qk_rope_head_dim 64, v_head_dim 128.
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'formats', 'hf', 'deepseek-v3.json'), 'utf8');
  const result = check(text, 'config.json');
  const hoverAt = (needle: string) => doHover(result, text.indexOf(needle) + needle.length - 2);

  test('kv_lora_rank: its purpose, the layer, and the two key/value GEMMs it shapes, not the MLP', () => {
    const hover = hoverAt('"kv_lora_rank": 512');
    assert.ok(hover);
    assert.equal(text.slice(hover.span.offset, hover.span.offset + hover.span.length), '512');
    assert.match(hover.markdown, /^\*\*key\/value latent rank\*\* · `kv_lora_rank` = 512/);
    assert.match(hover.markdown, /Layer on .*TFLOP\/s/);
    for (const gemm of ['mla_kv_down', 'mla_kv_up']) assert.match(hover.markdown, new RegExp(`\\| ${gemm} \\| \\d+×\\d+×\\d+ \\| [\\d.]+ \\|`));
    assert.doesNotMatch(hover.markdown, /\| (mla_q_down|mlp_up|logits) \|/);
  });

  test('v_head_dim: the attention over values and the output projection', () => {
    const hover = hoverAt('"v_head_dim": 128');
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*value head dim\*\* · `v_head_dim` = 128/);
    assert.match(hover.markdown, /\| attention_projection \| \d+×\d+×\d+/);
    assert.doesNotMatch(hover.markdown, /\| mla_kv_down \|/);
  });
});
