import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { doHover } from '../../../server/src/core/features/hover';
import { reportData } from '../../../server/src/core/features/report';
import { predictionOf } from '../../../server/src/core/features/presentation';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture } from './fixture';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const A100_40GB = { gpu: 'a100-sxm4-40gb' };
/** The paper's measured layers ran the unfused attention (Megatron-LM's Transformer Engine default would fuse it): `--attention unfused`. */
const PAPER_SETTING = { ...A100_40GB, attention: 'unfused' } as const;

function checkFixture(path: string, edit: (text: string) => string = (text) => text, options: Parameters<typeof check>[2] = A100_40GB) {
  const text = edit(readFileSync(join(FIXTURES, path), 'utf8'));
  return { text, result: check(text, path, options) };
}

function layerTflops(result: ReturnType<typeof check>): number {
  const prediction = predictionOf(result);
  assert.ok(prediction);
  return prediction.layer.tflops;
}

suite('dropout: each reader states the dropout the framework runs', () => {
  test("Megatron-LM without --*-dropout runs its defaults, 0.1 each: the paper's GPT-3 2.7B layer drops from ≈154 to ≈127 TFLOP/s on A100 40GB", () => {
    const { result } = checkFixture('lsp/pretrain_gpt3_2.7b.sh', undefined, PAPER_SETTING);
    assert.ok(result.shape && result.spec);
    assert.deepEqual([result.shape.attentionDropout.value, result.shape.attentionDropout.origin], [0.1, 'default']);
    assert.match(result.shape.hiddenDropout.note ?? '', /Megatron-LM default --hidden-dropout 0\.1/);
    assert.equal(result.spec.dropout, true);
    assert.equal(result.spec.attentionDropout, true);
    const names = predictionOf(result)!.elementwise.map((work) => work.name);
    assert.ok(names.includes('attention_dropout'));
    const withDropout = layerTflops(result);
    const { result: without } = checkFixture('lsp/pretrain_gpt3_2.7b.sh', (text) => text.replace('--micro-batch-size 4', '--micro-batch-size 4\n    --attention-dropout 0.0\n    --hidden-dropout 0.0'), PAPER_SETTING);
    assert.equal(without.shape?.hiddenDropout.origin, 'file');
    const noDropout = layerTflops(without);
    assert.ok(Math.abs(withDropout - 127) < 4, `with Megatron's default dropout ${withDropout.toFixed(1)} ≈ 127`);
    assert.ok(Math.abs(noDropout - 154) < 4, `with dropout 0 ${noDropout.toFixed(1)} ≈ 154`);
  });

  test('Megatron-LM --attention-dropout 0 --hidden-dropout 0.1: the residual masks stay, the attention-dropout kernel goes', () => {
    const { result } = checkFixture('lsp/pretrain_gpt3_2.7b.sh', (text) => text.replace('--micro-batch-size 4', '--micro-batch-size 4\n    --attention-dropout 0\n    --hidden-dropout 0.1'), PAPER_SETTING);
    assert.equal(result.spec?.dropout, true);
    assert.equal(result.spec?.attentionDropout, false);
    const names = predictionOf(result)!.elementwise.map((work) => work.name);
    assert.ok(!names.includes('attention_dropout'));
  });

  test('GPT-NeoX: the file\'s attention-dropout / hidden_dropout; silent means unknown (neox_args.py changed its default)', () => {
    const silent = checkFixture('lsp/neox-2-7B.yml').result;
    assert.equal(silent.shape?.hiddenDropout.origin, 'unknown');
    assert.match(silent.shape?.hiddenDropout.note ?? '', /0\.1 in older neox_args\.py and 0\.0 in newer/);
    assert.equal(silent.spec?.dropout, false);
    const { text, result } = checkFixture('lsp/neox-2-7B.yml', (source) => source.replace('"num-layers": 32,', '"num-layers": 32,\n  "attention-dropout": 0.1,\n  "hidden_dropout": 0.1,'));
    assertField(text, result.shape!.attentionDropout, { value: 0.1, origin: 'file', literal: '0.1' });
    assertField(text, result.shape!.hiddenDropout, { value: 0.1, origin: 'file', literal: '0.1' });
    const counted = layerTflops(result);
    const uncounted = layerTflops(silent);
    assert.ok(uncounted / counted > 1.15 && uncounted / counted < 1.3, `dropout costs the non-flash layer ${((uncounted / counted - 1) * 100).toFixed(0)}%`);
  });

  test("GPT-NeoX configs/2-7B.yml (the paper's GPT-3 2.7B) writes dropout 0: no dropout counted, ≈154 TFLOP/s; at 0.1 ≈127", () => {
    const { text, shape } = readFixture('neox/2-7B.yml');
    assertField(text, shape.hiddenDropout, { value: 0, origin: 'file', literal: '0', key: '"hidden_dropout"' });
    assertField(text, shape.attentionDropout, { value: 0, origin: 'file', literal: '0', key: '"attention_dropout"' });
    const none = checkFixture('formats/neox/2-7B.yml').result;
    assert.equal(none.spec?.dropout, false);
    const withDropout = checkFixture('formats/neox/2-7B.yml', (source) => source.replace('"hidden_dropout": 0,', '"hidden_dropout": 0.1,').replace('"attention_dropout": 0,', '"attention_dropout": 0.1,')).result;
    assert.ok(Math.abs(layerTflops(none) - 154) < 4, `dropout 0: ${layerTflops(none).toFixed(1)}`);
    assert.ok(Math.abs(layerTflops(withDropout) - 127) < 4, `dropout 0.1: ${layerTflops(withDropout).toFixed(1)}`);
  });

  test('Megatron-LM examples/gpt3 175B launch (no dropout flags) gets the defaults, located nowhere in the file', () => {
    const { shape } = readFixture('megatron/gpt3-175b.sh');
    assert.deepEqual([shape.attentionDropout.value, shape.attentionDropout.origin, shape.attentionDropout.valueSpan], [0.1, 'default', undefined]);
    assert.deepEqual([shape.hiddenDropout.value, shape.hiddenDropout.origin], [0.1, 'default']);
  });

  test('NeMo megatron_gpt_config.yaml sets 0.1 and 0.1; without the keys NeMo\'s defaults are the same', () => {
    const { text, shape } = readFixture('nemo/megatron-gpt-config.yaml');
    assertField(text, shape.hiddenDropout, { value: 0.1, origin: 'file', literal: '0.1', key: 'hidden_dropout' });
    assertField(text, shape.attentionDropout, { value: 0.1, origin: 'file', literal: '0.1', key: 'attention_dropout' });
    const { shape: llama } = readFixture('nemo/llama2-7b.yaml');
    assert.ok(['file', 'default'].includes(llama.hiddenDropout.origin));
    assert.notEqual(llama.hiddenDropout.value, null);
  });

  test('nanoGPT: `dropout = 0.2` drives both; FlashAttention fuses the attention part, so only the residual masks cost', () => {
    const { text, shape } = readFixture('nanogpt/train_small.py');
    assertField(text, shape.hiddenDropout, { value: 0.2, origin: 'file', literal: '0.2', key: 'dropout' });
    assert.equal(shape.attentionDropout.value, 0.2);
    const { shape: silent } = readFixture('nanogpt/train_gpt2.py');
    assert.deepEqual([silent.hiddenDropout.value, silent.hiddenDropout.origin], [0, 'default']);
    const result = checkFixture('formats/nanogpt/train_small.py').result;
    assert.equal(result.spec?.flashAttention, true);
    const names = predictionOf(result)!.elementwise.map((work) => work.name);
    assert.ok(!names.includes('attention_dropout'), 'fused into the flash kernel');
    const noDropout = checkFixture('formats/nanogpt/train_small.py', (source) => source.replace('dropout = 0.2', 'dropout = 0.0')).result;
    assert.ok(layerTflops(noDropout) > layerTflops(result), 'the masks in the residual adds still cost');
  });

  test('Hugging Face: keys by family (resid_pdrop, hidden_dropout_prob, attention_dropout), defaults only for config classes read', () => {
    const { shape: llama } = readFixture('hf/llama-2-7b.json');
    assert.deepEqual([llama.attentionDropout.value, llama.hiddenDropout.value, llama.hiddenDropout.origin], [0, 0, 'default']);
    const { shape: neo } = readFixture('hf/gpt-neo-2.7B.json');
    assert.equal(neo.hiddenDropout.origin, 'unknown');
    const gpt2 = check('{"model_type": "gpt2", "n_embd": 2560, "n_head": 32, "n_layer": 32, "n_positions": 2048}', 'config.json', A100_40GB);
    assert.deepEqual([gpt2.shape?.attentionDropout.value, gpt2.shape?.hiddenDropout.value], [0.1, 0.1]);
    const bert = check('{"model_type": "bert", "hidden_size": 768, "num_attention_heads": 12, "num_hidden_layers": 12, "hidden_dropout_prob": 0.2}', 'config.json', A100_40GB);
    assert.deepEqual([bert.shape?.attentionDropout.value, bert.shape?.hiddenDropout.value, bert.shape?.hiddenDropout.origin], [0.1, 0.2, 'file']);
    const invalid = check('{"model_type": "gpt2", "n_embd": 768, "n_head": 12, "n_layer": 12, "resid_pdrop": 1.5}', 'config.json', A100_40GB);
    assert.equal(invalid.shape?.hiddenDropout.origin, 'invalid');
    assert.equal(invalid.spec?.dropout, false);
  });

  test('llm-foundry, MaxText, FlagScale: MPTConfig defaults 0.0, enable_dropout False, Megatron arguments in YAML', () => {
    assert.deepEqual([readFixture('foundry/mpt-125m.yaml').shape.hiddenDropout.value, readFixture('foundry/mpt-125m.yaml').shape.hiddenDropout.origin], [0, 'default']);
    const maxtext = readFixture('maxtext/llama2-7b.yml');
    assertField(maxtext.text, maxtext.shape.hiddenDropout, { value: 0, origin: 'file', key: 'enable_dropout' });
    const flagscale = readFixture('flagscale/llama3-70b.yaml');
    assertField(flagscale.text, flagscale.shape.attentionDropout, { value: 0, origin: 'file', key: 'attention_dropout' });
  });

  test('LitGPT, Meta params.json, torchtitan llama3, Axolotl on a Llama: models without dropout state 0 with the model code; Nanotron stays unknown', () => {
    for (const [path, source] of [
      ['litgpt/llama-2-7b.yaml', /litgpt\/model\.py @ 981d0418/],
      ['litgpt/tinyllama-name.yaml', /litgpt\/model\.py/],
      ['meta/llama3_2_vision-text-decoder-params.json', /llama3\/model\.py @ 43e87a37/],
      ['torchtitan/llama3_8b.toml', /torchtitan\/models\/llama3\/model\/model\.py/],
      ['axolotl/llama-3-lora-8b.yml', /configuration_llama\.py/],
    ] as const) {
      const { shape } = readFixture(path);
      assert.deepEqual([shape.attentionDropout.value, shape.hiddenDropout.value, shape.hiddenDropout.origin], [0, 0, 'default'], path);
      assert.match(shape.hiddenDropout.note ?? '', source, path);
    }
    assert.equal(readFixture('nanotron/config_qwen.yaml').shape.hiddenDropout.origin, 'unknown');
  });

  test('the hover and the report name the dropout counted and where it comes from', () => {
    const { text, result } = checkFixture('lsp/pretrain_gpt3_2.7b.sh', undefined, PAPER_SETTING);
    const hover = doHover(result, text.indexOf('--num-layers') + 2);
    assert.ok(hover);
    assert.match(hover.markdown, /Counted around the GEMMs: softmax [\d.]+ [µm]s, attention dropout [\d.]+ [µm]s/);
    assert.match(hover.markdown, /Dropout: attention dropout 0\.1 \(Megatron-LM default --attention-dropout 0\.1\); hidden dropout 0\.1/);
    const report = reportData(result, 'pretrain_gpt3_2.7b.sh');
    assert.match(report?.frameworkWork ?? '', /attention dropout [\d.]+ [µm]s/);
    const unknown = checkFixture('lsp/neox-2-7B.yml').result;
    assert.match(doHover(unknown, readFileSync(join(FIXTURES, 'lsp/neox-2-7B.yml'), 'utf8').indexOf('num-layers') + 2)!.markdown, /hidden dropout unknown, not counted/);
  });
});
