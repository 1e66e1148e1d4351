import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { LATENT_ATTENTION_FIELDS, type FieldOrigin, type ModelShape } from '../../../server/src/core/model/shape';
import { assertField, readFixture, readText } from './fixture';

// Multi-latent attention: the score GEMM's inner size is the query-key head dim (no-position
// part + rotary part), not h/a: DeepSeek-V3's 7168/128 = 56 would be a false head-dim warning.
suite('multi-latent attention head dim', () => {
  test('HF DeepSeek-V3: qk_nope_head_dim + qk_rope_head_dim = 128 + 64', () => {
    const { text, shape } = readFixture('hf/deepseek-v3.json');
    assertField(text, shape.headDim, { value: 192, origin: 'derived' });
    assert.match(shape.headDim.note ?? '', /qk_nope_head_dim \+ qk_rope_head_dim/);
    assert.deepEqual(check(text, 'config.json').findings.filter((finding) => finding.ruleId === 'head-dim'), []);
  });

  test('Megatron --multi-latent-attention: --qk-head-dim + --qk-pos-emb-head-dim, not --kv-channels', () => {
    const { text, shape } = readFixture('megatron/deepseek-v2-lite-mla.sh');
    assertField(text, shape.headDim, { value: 192, origin: 'derived' });
    assert.deepEqual(check(text, 'deepseek-v2-lite-mla.sh').findings.filter((finding) => finding.ruleId === 'head-dim'), []);
  });

  test('without --multi-latent-attention, --kv-channels is the head dim', () => {
    const { text } = readFixture('megatron/deepseek-v2-lite-mla.sh');
    const plain = text.replace('    --multi-latent-attention \\\n', '');
    const result = check(plain, 'plain.sh');
    assert.equal(result.shape?.headDim.value, 16);
    assert.equal(result.findings.filter((finding) => finding.ruleId === 'head-dim').length, 1);
  });
});

/** The five sizes of a shape's multi-latent attention, in LATENT_ATTENTION_FIELDS order, with their origins. */
function latentSizes(shape: ModelShape): [number | null, FieldOrigin][] {
  const latent = shape.latentAttention;
  assert.ok(latent, 'no multi-latent attention read');
  return LATENT_ATTENTION_FIELDS.map((name) => [latent[name].value, latent[name].origin]);
}

// Each reader's multi-latent attention keys: q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim.
suite('multi-latent attention sizes', () => {
  test('HF DeepSeek-V3 config.json: every size from the file, at its literal', () => {
    const { text, shape } = readFixture('hf/deepseek-v3.json');
    assert.deepEqual(latentSizes(shape), [[1536, 'file'], [512, 'file'], [128, 'file'], [64, 'file'], [128, 'file']]);
    assertField(text, shape.latentAttention!.qLoraRank, { value: 1536, origin: 'file', literal: '1536', key: '"q_lora_rank"' });
  });

  test('HF DeepSeek-V2-Lite: q_lora_rank null is no query latent (0), located at the key', () => {
    const { text, shape } = readFixture('hf/deepseek-v2-lite.json');
    assert.deepEqual(latentSizes(shape), [[0, 'default'], [512, 'file'], [128, 'file'], [64, 'file'], [128, 'file']]);
    assertField(text, shape.latentAttention!.qLoraRank, { value: 0, origin: 'default', literal: 'null', key: '"q_lora_rank"' });
    assert.match(shape.latentAttention!.qLoraRank.note ?? '', /no query compression/);
  });

  test('HF model_type deepseek_v3 without the keys: DeepseekV3Config defaults, and the head dim 128 + 64 from them', () => {
    const shape = readText('config.json', JSON.stringify({ model_type: 'deepseek_v3', hidden_size: 7168, num_attention_heads: 128, num_hidden_layers: 61 }));
    assert.deepEqual(latentSizes(shape), [[1536, 'default'], [512, 'default'], [128, 'default'], [64, 'default'], [128, 'default']]);
    assert.match(shape.latentAttention!.vHeadDim.note ?? '', /DeepseekV3Config defaults .*configuration_deepseek_v3\.py @ 001f85b3/);
    assert.equal(shape.headDim.value, 192);
  });

  test('HF kv_lora_rank on a model class shapelint has no defaults for: the missing sizes are unknown', () => {
    const shape = readText('config.json', JSON.stringify({ model_type: 'kimi_k2', hidden_size: 7168, num_attention_heads: 64, num_hidden_layers: 61, kv_lora_rank: 512 }));
    assert.deepEqual(latentSizes(shape), [[null, 'unknown'], [512, 'file'], [null, 'unknown'], [null, 'unknown'], [null, 'unknown']]);
  });

  test('HF without kv_lora_rank: standard attention', () => {
    const shape = readText('config.json', JSON.stringify({ model_type: 'llama', hidden_size: 4096, num_attention_heads: 32, num_hidden_layers: 32 }));
    assert.equal(shape.latentAttention, undefined);
  });

  test('MaxText deepseek3-671b model file: attention_type mla and its five keys', () => {
    const { text, shape } = readFixture('maxtext/deepseek3-671b.yml');
    assert.deepEqual(latentSizes(shape), [[1536, 'file'], [512, 'file'], [128, 'file'], [64, 'file'], [128, 'file']]);
    assertField(text, shape.latentAttention!.kvLoraRank, { value: 512, origin: 'file', literal: '512', key: 'kv_lora_rank' });
  });

  test('MaxText attention_type mla without the keys: base.yml q_lora_rank 0, kv_lora_rank 512, 128 + 64, v 128', () => {
    const shape = readText('run.yml', 'base_emb_dim: 2048\nbase_num_query_heads: 16\nbase_num_decoder_layers: 27\nattention_type: mla\n');
    assert.deepEqual(latentSizes(shape), [[0, 'default'], [512, 'default'], [128, 'default'], [64, 'default'], [128, 'default']]);
    assert.match(shape.latentAttention!.qLoraRank.note ?? '', /base\.yml default 0/);
  });

  test('MaxText without attention_type mla: standard attention', () => {
    const shape = readText('run.yml', 'base_emb_dim: 2048\nbase_num_query_heads: 16\nbase_num_decoder_layers: 16\nattention_type: global\n');
    assert.equal(shape.latentAttention, undefined);
  });

  test('torchtitan deepseek_v3 16B: the flavor\'s q_lora_rank 0 and kv_lora_rank 512 from the catalogue, on the flavor', () => {
    const { text, shape } = readFixture('torchtitan/deepseek_v3_16b.toml');
    assert.deepEqual(latentSizes(shape), [[0, 'catalogue'], [512, 'catalogue'], [128, 'catalogue'], [64, 'catalogue'], [128, 'catalogue']]);
    assertField(text, shape.latentAttention!.qLoraRank, { value: 0, origin: 'catalogue', literal: '"16B"' });
  });

  test('Megatron --multi-latent-attention: its flags; no --q-lora-rank is no query latent', () => {
    const { text, shape } = readFixture('megatron/deepseek-v2-lite-mla.sh');
    assert.deepEqual(latentSizes(shape), [[0, 'default'], [512, 'file'], [128, 'file'], [64, 'file'], [128, 'file']]);
    assertField(text, shape.latentAttention!.vHeadDim, { value: 128, origin: 'file', literal: '128', key: '--v-head-dim' });
  });

  test('a size that is not a positive integer is an invalid-value error and nothing is predicted', () => {
    const { text } = readFixture('hf/deepseek-v3.json');
    const result = check(text.replace('"kv_lora_rank": 512', '"kv_lora_rank": -512'), 'config.json');
    const invalid = result.findings.filter((finding) => finding.ruleId === 'invalid-value');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].message, /^kv_lora_rank: -512 is not positive; shapelint cannot check the key\/value latent rank\.$/);
    assert.equal(result.spec, null);
  });
});
