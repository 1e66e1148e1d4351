import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture } from './fixture';

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
