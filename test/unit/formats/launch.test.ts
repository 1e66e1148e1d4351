import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { formatReader } from '../../../server/src/core/formats';
import { check } from '../../../server/src/core/check';
import type { FormatId } from '../../../server/src/core/model/shape';
import { assertField, readFixture } from './fixture';

const GPT3_HF = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'gpt3-2.7b', 'config.json'), 'utf8');

function read(format: FormatId, text: string) {
  const reader = formatReader(format);
  assert.ok(reader);
  return reader.read(reader.parse(text));
}

const withHfKey = (key: string, value: string): string => GPT3_HF.replace('"n_embd": 2560,', `"n_embd": 2560,\n  "${key}": ${value},`);

/** GPT-NeoX's neox-2-7B-style brace YAML, with one line added. */
const neox = (line: string): string => `{\n  "num_layers": 32,\n  "hidden_size": 2560,\n  "num_attention_heads": 32,\n  "seq_length": 2048,\n  ${line}\n}\n`;

const megatron = (flags: string): string => `#!/bin/bash\ntorchrun pretrain_gpt.py --num-layers 32 --hidden-size 2560 --num-attention-heads 32 --seq-length 2048 ${flags}\n`;

suite('launch: every launch choice is a field with an origin', () => {
  test("Hugging Face: silent → SDPA, transformers' default since v4.36; sdpa as written; eager → unfused; flash_attention_2 → flash", () => {
    const silent = read('hf', GPT3_HF);
    assert.deepEqual([silent.attentionKernel.value, silent.attentionKernel.origin], ['sdpa', 'default']);
    assert.match(silent.attentionKernel.note ?? '', /since v4\.36.*this file does not set attn_implementation/);
    const sdpa = withHfKey('attn_implementation', '"sdpa"');
    assertField(sdpa, read('hf', sdpa).attentionKernel, { value: 'sdpa', origin: 'file', literal: '"sdpa"' });
    const eager = withHfKey('_attn_implementation', '"eager"');
    assertField(eager, read('hf', eager).attentionKernel, { value: 'unfused', origin: 'file', literal: '"eager"' });
    assert.equal(read('hf', withHfKey('attn_implementation', '"flash_attention_2"')).attentionKernel.value, 'flash');
    // A kernel shapelint does not model is unknown, not guessed; the launch then says it fell back.
    const flex = read('hf', withHfKey('attn_implementation', '"flex_attention"')).attentionKernel;
    assert.deepEqual([flex.value, flex.origin], [null, 'unknown']);
    assert.deepEqual([silent.recompute.value, silent.recompute.origin], ['none', 'default']);
    assert.equal(read('hf', withHfKey('gradient_checkpointing', 'true')).recompute.value, 'full');
  });

  test('GPT-NeoX: attention_config global → unfused, flash → flash, silent → the default global; checkpoint_activations → full', () => {
    const global = neox('"attention_config": [[["global"], 32]],');
    assertField(global, read('neox', global).attentionKernel, { value: 'unfused', origin: 'file', literal: '"global"' });
    assert.equal(read('neox', neox('"attention_config": [[["flash"], 32]],')).attentionKernel.value, 'flash');
    const silent = read('neox', neox('"hidden_dropout": 0,')).attentionKernel;
    assert.deepEqual([silent.value, silent.origin], ['unfused', 'default']);
    assert.match(silent.note ?? '', /neox_args\.py/);
    const { text, shape } = readFixture('neox/2-7B.yml');
    assertField(text, shape.recompute, { value: 'full', origin: 'file', literal: 'true', key: '"checkpoint_activations"' });
  });

  test('Megatron-LM: Transformer Engine by default, local without --use-flash-attn unfused, --attention-backend read, --recompute-* read', () => {
    const silent = read('megatron', megatron('')).attentionKernel;
    assert.deepEqual([silent.value, silent.origin], ['transformer-engine', 'default']);
    assert.match(silent.note ?? '', /--transformer-impl transformer_engine.*AttnBackend\.auto/);
    const local = megatron('--transformer-impl local');
    assertField(local, read('megatron', local).attentionKernel, { value: 'unfused', origin: 'file', literal: 'local' });
    assert.equal(read('megatron', megatron('--transformer-impl local --use-flash-attn')).attentionKernel.value, 'flash');
    assert.equal(read('megatron', megatron('--attention-backend fused')).attentionKernel.value, 'cudnn');
    assert.equal(read('megatron', megatron('--attention-backend unfused')).attentionKernel.value, 'unfused');
    assert.equal(read('megatron', megatron('--attention-backend auto')).attentionKernel.value, 'transformer-engine');
    assert.equal(read('megatron', megatron('--attention-backend auto --transformer-impl local')).attentionKernel.value, 'unfused');
    const full = megatron('--recompute-granularity full --recompute-method uniform');
    assertField(full, read('megatron', full).recompute, { value: 'full', origin: 'file', literal: 'full' });
    assert.equal(read('megatron', megatron('--recompute-activations')).recompute.value, 'selective');
    assert.deepEqual([read('megatron', megatron('')).recompute.value, read('megatron', megatron('')).recompute.origin], ['none', 'default']);
  });

  test('NeMo: transformer_engine True → Transformer Engine; otherwise use_flash_attention; activations_checkpoint_granularity', () => {
    const { shape } = readFixture('nemo/megatron-gpt-config.yaml');
    assert.deepEqual([shape.attentionKernel.value, shape.attentionKernel.origin], ['unfused', 'file']);
    assert.deepEqual([shape.recompute.value, shape.recompute.origin], ['none', 'default']);
    const engine = 'model:\n  hidden_size: 2560\n  num_attention_heads: 32\n  num_layers: 32\n  transformer_engine: True\n  activations_checkpoint_granularity: selective\n';
    const read_ = read('nemo', engine);
    assert.equal(read_.attentionKernel.value, 'transformer-engine');
    assert.equal(read_.recompute.value, 'selective');
  });

  test('nanoGPT, LitGPT and torchtitan run SDPA; torchtitan recomputes selectively by default', () => {
    for (const path of ['nanogpt/train_gpt2.py', 'torchtitan/llama3_8b.toml']) {
      const { shape } = readFixture(path);
      assert.deepEqual([shape.attentionKernel.value, shape.attentionKernel.origin], ['sdpa', 'default'], path);
    }
    const { shape } = readFixture('torchtitan/llama3_8b.toml');
    assert.equal(shape.recompute.value, 'selective');
  });

  test('the launch: flags win over the file, sizes fill in where the file is silent, and each says where it came from', () => {
    const silent = check(GPT3_HF, 'config.json', { gpu: 'a100-sxm4-40gb' });
    assert.ok(silent.launch && silent.spec);
    assert.deepEqual([silent.launch.attentionKernel.value, silent.launch.attentionKernel.origin], ['sdpa', 'default']);
    assert.equal(silent.spec.flashAttention, true);
    assert.deepEqual([silent.launch.seqLength.value, silent.launch.seqLength.origin], [2048, 'file']);
    assert.deepEqual([silent.launch.microBatchSize.value, silent.launch.microBatchSize.origin], [4, 'setting']);
    assert.match(silent.launch.microBatchSize.note ?? '', /shapelint's default 4 \(--micro-batch/);
    assert.deepEqual([silent.launch.dtype.value, silent.launch.dtype.origin], ['bf16', 'setting']);

    const forced = check(GPT3_HF, 'config.json', { gpu: 'a100-sxm4-40gb', attention: 'unfused', dropout: 0.1, recompute: 'full', microBatchSize: 8 });
    assert.ok(forced.launch && forced.spec);
    assert.deepEqual([forced.launch.attentionKernel.value, forced.launch.attentionKernel.origin], ['unfused', 'setting']);
    assert.match(forced.launch.attentionKernel.note ?? '', /set by --attention/);
    assert.equal(forced.spec.flashAttention, false);
    assert.deepEqual([forced.launch.hiddenDropout.value, forced.launch.hiddenDropout.origin], [0.1, 'setting']);
    assert.deepEqual([forced.launch.recompute.value, forced.spec.recompute], ['full', 'full']);
    assert.equal(forced.launch.microBatchSize.value, 8);
    assert.match(forced.launch.microBatchSize.note ?? '', /set by --micro-batch/);

    // Nothing in a params.json names the attention: the setting's default, saying so.
    const meta = check('{"dim": 4096, "n_layers": 32, "n_heads": 32, "vocab_size": 128256, "multiple_of": 1024}', 'params.json');
    assert.deepEqual([meta.launch?.attentionKernel.value, meta.launch?.attentionKernel.origin], ['sdpa', 'setting']);
    assert.match(meta.launch?.attentionKernel.note ?? '', /params\.json.*shapelint's default sdpa/);
  });

  test('precision: --bf16/--fp16/--fp8-format, NeoX fp16/bf16 sections, NeMo trainer.precision; FP32 is unknown; the file wins over the default setting', () => {
    assert.equal(read('megatron', megatron('--bf16')).dtype.value, 'bf16');
    assert.equal(read('megatron', megatron('--fp16 --fp8-format hybrid')).dtype.value, 'fp8');
    const fp32 = read('megatron', megatron('')).dtype;
    assert.deepEqual([fp32.value, fp32.origin], [null, 'unknown']);
    assert.match(fp32.note ?? '', /FP32/);
    const { text, shape } = readFixture('neox/2-7B.yml');
    assertField(text, shape.dtype, { value: 'fp16', origin: 'file', literal: 'true' });
    assert.equal(read('neox', neox('"precision": "bfloat16",')).dtype.value, 'bf16');
    assert.equal(readFixture('nemo/megatron-gpt-config.yaml').shape.dtype.value, 'bf16');
    // V100 has no bf16 tensor path: the file's fp16 is what the prediction uses.
    const result = check(megatron('--fp16'), 'pretrain.sh', { gpu: 'v100-sxm2' });
    assert.deepEqual([result.launch?.dtype.value, result.launch?.dtype.origin, result.options.dtype], ['fp16', 'file', 'fp16']);
    const silent = check(megatron(''), 'pretrain.sh', { gpu: 'v100-sxm2', dtype: 'fp16' });
    assert.deepEqual([silent.launch?.dtype.value, silent.launch?.dtype.origin], ['fp16', 'setting']);
  });
});
