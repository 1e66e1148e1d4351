import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'derived-sizes');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const MAXTEXT = 'maxtext-llama2-7b-scaled.yml';
/** The last occurrence: the setting, after the comments that describe it. */
const lastSpanOf = (text: string, needle: string) => ({ offset: text.lastIndexOf(needle), length: needle.length });

function maxtextWithScale(scale: string, layers = '32') {
  const text = read(MAXTEXT).replace('global_parameter_scale: 0.3', `global_parameter_scale: ${scale}`).replace('base_num_decoder_layers: 32', `base_num_decoder_layers: ${layers}`);
  return { text, result: check(text, MAXTEXT) };
}

suite('MaxText global_parameter_scale as get_individual_scales applies it (issue 18)', () => {
  // [scale, emb_dim, heads (query and kv), mlp_dim, layers]: 2^k with k = 3·base + rem; heads and
  // MLP get 2^(base + (rem > 0)), the embedding 2^(base + (rem > 1)), the layers 2^base.
  const cases: [string, number, number, number, number][] = [
    ['1', 4096, 32, 11008, 32],
    ['2', 4096, 64, 22016, 32],
    ['4', 8192, 64, 22016, 32],
    ['8', 8192, 64, 22016, 64],
    ['16', 8192, 128, 44032, 64],
    ['0.5', 4096, 32, 11008, 16],
    ['0.25', 2048, 32, 11008, 16],
    ['0.125', 2048, 16, 5504, 16],
  ];
  for (const [scale, emb, heads, mlp, layers] of cases) {
    test(`scale ${scale}: emb ${emb}, heads ${heads}, MLP ${mlp}, layers ${layers}, and a prediction`, () => {
      const { result } = maxtextWithScale(scale);
      const shape = result.shape!;
      assert.deepEqual([shape.hiddenSize.value, shape.numHeads.value, shape.numKvHeads.value, shape.ffnHiddenSize.value, shape.numLayers.value], [emb, heads, heads, mlp, layers]);
      assert.ok(result.spec, 'predicted');
      assert.ok(!result.findings.some((finding) => finding.ruleId === 'invalid-value'));
    });
  }

  for (const scale of ['0.3', '3', '6', '0', '-2', '"2"']) {
    test(`scale ${scale} is refused as MaxText refuses it: invalid-value on the scale, nothing predicted`, () => {
      const { text, result } = maxtextWithScale(scale);
      const invalid = result.findings.filter((finding) => finding.ruleId === 'invalid-value');
      assert.equal(invalid.length, 1);
      assert.deepEqual(invalid[0].span, lastSpanOf(text, scale));
      assert.equal(result.spec, null);
      assert.equal(result.shape!.hiddenSize.value, null);
    });
  }

  test('a scaled size that is no whole number (3 layers at scale 0.5) or past the limits (scale 2^40) is invalid, not predicted', () => {
    const half = maxtextWithScale('0.5', '3');
    assert.equal(half.result.shape!.numLayers.origin, 'invalid');
    assert.match(half.result.shape!.numLayers.note ?? '', /= 1\.5, which is not a whole number/);
    assert.equal(half.result.spec, null);
    const huge = maxtextWithScale(String(2 ** 40));
    assert.equal(huge.result.shape!.hiddenSize.origin, 'invalid');
    assert.match(huge.result.shape!.hiddenSize.note ?? '', /implausibly large/);
    assert.equal(huge.result.spec, null);
  });
});

suite('derived widths are positive integers within the limits, or invalid-value (issue 18)', () => {
  test("Meta ffn_dim_multiplier -1: the MLP (-10240) is invalid, on the multiplier; nothing predicted", () => {
    const text = read('meta-llama3-8b-negative-multiplier.json');
    const result = check(text, 'params.json');
    const ffn = result.shape!.ffnHiddenSize;
    assert.equal(ffn.origin, 'invalid');
    assert.equal(ffn.invalidText, '-10240');
    const [finding] = result.findings.filter((candidate) => candidate.ruleId === 'invalid-value');
    assert.deepEqual(finding.span, lastSpanOf(text, '-1'));
    assert.equal(result.spec, null);
    // The published multiplier gives Llama 3 8B's 14336.
    assert.equal(check(text.replace('"ffn_dim_multiplier": -1', '"ffn_dim_multiplier": 1.3'), 'params.json').shape!.ffnHiddenSize.value, 14336);
  });

  test('llm-foundry expansion_ratio 100000: the MLP (76.8M) is invalid, on the ratio; nothing predicted', () => {
    const text = read('foundry-mpt-125m-expansion.yaml');
    const result = check(text, 'mpt-125m.yaml');
    assert.equal(result.shape!.ffnHiddenSize.origin, 'invalid');
    assert.equal(result.shape!.ffnHiddenSize.invalidText, '76800000');
    const [finding] = result.findings.filter((candidate) => candidate.ruleId === 'invalid-value');
    assert.deepEqual(finding.span, lastSpanOf(text, '100000'));
    assert.equal(result.spec, null);
  });

  test('GPT-NeoX expansion_factor -1 or 1.0e+7 and mlp_multiple_of 1.0e+9 round the MLP past any model, and 1e7 is a string to PyYAML: invalid, on that setting', () => {
    // EleutherAI/gpt-neox configs/llama2/7B.yml's shape (hidden 4096, 32 heads, 32 layers, swiglu).
    const base = '{\n  "pipe_parallel_size": 1,\n  "model_parallel_size": 1,\n  "num_layers": 32,\n  "hidden_size": 4096,\n  "num_attention_heads": 32,\n  "activation": "swiglu",\n  SETTING\n}\n';
    for (const [setting, literal] of [
      ['"expansion_factor": -1', '-1'],
      ['"expansion_factor": 1.0e+7', '1.0e+7'],
      ['"expansion_factor": 1e7', '1e7'],
      ['"intermediate_size": 32768, "mlp_multiple_of": 1.0e+9', '1.0e+9'],
      ['"intermediate_size": 32768, "mlp_multiple_of": 1e9', '1e9'],
    ]) {
      const text = base.replace('SETTING', setting);
      const result = check(text, 'neox.yml');
      assert.equal(result.shape!.ffnHiddenSize.origin, 'invalid', setting);
      const [finding] = result.findings.filter((candidate) => candidate.ruleId === 'invalid-value');
      assert.deepEqual(finding.span, lastSpanOf(text, literal), setting);
      assert.equal(result.spec, null);
    }
  });
});
