import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { doHover } from '../../../server/src/core/features/hover';
import { inlayHints } from '../../../server/src/core/features/inlay-hints';
import { renderReportHtml, reportData } from '../../../server/src/core/features/report';
import { layerPattern } from '../../../server/src/core/formats/moe-layers';
import { modelParams } from '../../../server/src/core/perf/layer';
import { assertField, readFixture, readText } from './fixture';

suite('MoE layer patterns: dense layers, their width and shared experts, from every format that writes them', () => {
  test('Megatron-LM list expressions are read as text: repeats, sums, parentheses; anything else is not a pattern', () => {
    assert.deepEqual(layerPattern('([0]+[1]*3)'), [0, 1, 1, 1]);
    assert.deepEqual(layerPattern('[0]*3+[1]*2'), [0, 0, 0, 1, 1]);
    assert.deepEqual(layerPattern('([1]*2+[0]*1)*2'), [1, 1, 0, 1, 1, 0]);
    assert.deepEqual(layerPattern('[0, 1, 1]'), [0, 1, 1]);
    assert.equal(layerPattern('[i % 2 for i in range(4)]'), null);
    assert.equal(layerPattern('2'), null);
    assert.equal(layerPattern('([0]*3'), null);
    // A repeat past any model's depth is refused before it is built.
    assert.equal(layerPattern('[0]*1000000000'), null);
    assert.equal(layerPattern('([1]*1000)*1000000'), null);
  });

  test('HF DeepSeek-V3: first_k_dense_replace 3 dense layers of intermediate_size, one shared expert of moe_intermediate_size', () => {
    const { text, shape } = readFixture('hf/deepseek-v3-moe-layers.json');
    assertField(text, shape.ffnHiddenSize, { value: 2048, origin: 'file', key: '"moe_intermediate_size"' });
    assertField(text, shape.denseLayers, { value: 3, origin: 'file', key: '"first_k_dense_replace"', literal: '3' });
    assertField(text, shape.denseFfnHiddenSize, { value: 18432, origin: 'file', key: '"intermediate_size"' });
    assertField(text, shape.sharedExpertFfnSize, { value: 2048, origin: 'derived', key: '"n_shared_experts"', literal: '1' });
  });

  test('HF DeepSeek-V3 without the pattern keys: DeepseekV3Config defaults (3 dense layers, one shared expert)', () => {
    const { shape } = readFixture('hf/deepseek-v3.json');
    assert.deepEqual([shape.denseLayers.value, shape.denseLayers.origin], [3, 'default']);
    assert.match(shape.denseLayers.note ?? '', /configuration_deepseek_v3\.py @ 0fc683d1/);
    assert.deepEqual([shape.sharedExpertFfnSize.value, shape.sharedExpertFfnSize.origin], [2048, 'default']);
    assert.equal(shape.denseFfnHiddenSize.value, 18432);
  });

  test('HF Qwen1.5-MoE: decoder_sparse_step 1 makes every layer MoE; shared_expert_intermediate_size is the shared expert', () => {
    const { text, shape } = readFixture('hf/qwen1.5-moe-a2.7b.json');
    assertField(text, shape.denseLayers, { value: 0, origin: 'derived', key: '"decoder_sparse_step"' });
    assertField(text, shape.sharedExpertFfnSize, { value: 5632, origin: 'file', key: '"shared_expert_intermediate_size"' });
    assert.equal(shape.denseFfnHiddenSize.value, null);
    assert.equal(shape.ffnHiddenSize.value, 1408);
  });

  test('HF Qwen2-MoE decoder_sparse_step 2 with mlp_only_layers [1]: 13 of 24 layers dense, intermediate_size wide', () => {
    const { text, shape } = readFixture('hf/qwen2-moe-sparse-step.json');
    assertField(text, shape.denseLayers, { value: 13, origin: 'derived', key: '"decoder_sparse_step"', literal: '2' });
    assertField(text, shape.denseFfnHiddenSize, { value: 5632, origin: 'file', key: '"intermediate_size"' });
  });

  test('HF Qwen3-MoE: every layer MoE, no shared expert (Qwen3MoeSparseMoeBlock has none)', () => {
    const { shape } = readFixture('hf/qwen3-30b-a3b.json');
    assert.deepEqual([shape.denseLayers.value, shape.denseLayers.origin], [0, 'derived']);
    assert.deepEqual([shape.sharedExpertFfnSize.value, shape.sharedExpertFfnSize.origin], [0, 'default']);
  });

  test('HF Llama 4 Maverick: interleave_moe_layer_step 2 leaves 24 dense layers of intermediate_size_mlp; one shared expert of intermediate_size', () => {
    const { text, shape } = readFixture('hf/llama4-maverick.json');
    assertField(text, shape.ffnHiddenSize, { value: 8192, origin: 'file' });
    assertField(text, shape.denseLayers, { value: 24, origin: 'derived', key: '"interleave_moe_layer_step"' });
    assertField(text, shape.denseFfnHiddenSize, { value: 16384, origin: 'file', key: '"intermediate_size_mlp"' });
    assert.deepEqual([shape.sharedExpertFfnSize.value, shape.sharedExpertFfnSize.origin], [8192, 'derived']);
  });

  test('HF Mixtral: every layer MoE, nothing shared (MixtralDecoderLayer); a dense model has none of the fields', () => {
    const { shape } = readFixture('hf/mixtral-8x7b.json');
    assert.deepEqual([shape.denseLayers.value, shape.sharedExpertFfnSize.value], [0, 0]);
    const dense = readFixture('hf/llama-2-7b.json').shape;
    assert.deepEqual([dense.denseLayers.value, dense.denseFfnHiddenSize.value, dense.sharedExpertFfnSize.value], [null, null, null]);
  });

  test('HF MoE model_type whose model class was not read: unknown, counted as all MoE, and says so', () => {
    const shape = readText('config.json', '{"model_type": "olmoe", "hidden_size": 2048, "num_attention_heads": 16, "num_hidden_layers": 16, "num_experts": 64, "num_experts_per_tok": 8, "intermediate_size": 1024}');
    assert.equal(shape.denseLayers.value, null);
    assert.match(shape.denseLayers.note ?? '', /every layer counted as MoE/);
  });

  test('Megatron-LM DeepSeek-V2-Lite: --moe-layer-freq ([0]+[1]*26) is 1 dense layer of --ffn-hidden-size, shared experts 2816', () => {
    const { text, shape } = readFixture('megatron/deepseek-v2-lite-moe.sh');
    assertField(text, shape.ffnHiddenSize, { value: 1408, origin: 'file', key: '--moe-ffn-hidden-size' });
    assertField(text, shape.denseLayers, { value: 1, origin: 'derived', key: '--moe-layer-freq', literal: '([0]+[1]*26)' });
    assertField(text, shape.denseFfnHiddenSize, { value: 10944, origin: 'file', key: '--ffn-hidden-size' });
    assertField(text, shape.sharedExpertFfnSize, { value: 2816, origin: 'file', key: '--moe-shared-expert-intermediate-size' });
  });

  test('Megatron-LM --moe-layer-freq 2 over 32 layers: 16 dense layers; no --moe-ffn-hidden-size, so experts and dense layers share --ffn-hidden-size', () => {
    const { text, shape } = readFixture('megatron/moe-layer-freq-int.sh');
    assertField(text, shape.denseLayers, { value: 16, origin: 'derived', literal: '2' });
    assert.equal(shape.denseFfnHiddenSize.value, 14336);
    assert.deepEqual([shape.sharedExpertFfnSize.value, shape.sharedExpertFfnSize.origin], [0, 'default']);
  });

  test('Megatron-LM: a pattern of another length than --num-layers is invalid (Megatron asserts it), and nothing is predicted from it', () => {
    const text = 'torchrun pretrain_gpt.py --num-layers 4 --hidden-size 1024 --num-attention-heads 16 --num-experts 8 --moe-layer-freq "[0,1,1]" --seq-length 1024 --micro-batch-size 1 --vocab-size 32000\n';
    const shape = readText('train.sh', text);
    assert.equal(shape.denseLayers.origin, 'invalid');
    const result = check(text, 'train.sh');
    assert.equal(result.spec, null);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'invalid-value'));
  });

  test('NeMo 1: a YAML list moe_layer_freq, moe_ffn_hidden_size for the experts, ffn_hidden_size for the dense layer', () => {
    const { text, shape } = readFixture('nemo/moe-layer-freq.yaml');
    assertField(text, shape.ffnHiddenSize, { value: 1408, origin: 'file', key: 'moe_ffn_hidden_size' });
    assert.deepEqual([shape.denseLayers.value, shape.denseLayers.origin], [1, 'derived']);
    assertField(text, shape.denseFfnHiddenSize, { value: 10944, origin: 'file', key: 'ffn_hidden_size' });
    assertField(text, shape.sharedExpertFfnSize, { value: 2816, origin: 'file' });
  });

  test('MaxText deepseek3-671b.yml: first_num_dense_layers 3 of base_mlp_dim, shared_experts 1 × base_moe_mlp_dim', () => {
    const { text, shape } = readFixture('maxtext/deepseek3-671b.yml');
    assertField(text, shape.denseLayers, { value: 3, origin: 'file', key: 'first_num_dense_layers' });
    assertField(text, shape.denseFfnHiddenSize, { value: 18432, origin: 'file', key: 'base_mlp_dim' });
    assertField(text, shape.sharedExpertFfnSize, { value: 2048, origin: 'derived', key: 'shared_experts' });
  });

  test('MaxText: a run naming mixtral-8x7b has no dense layers and no shared experts (decoder_block mixtral)', () => {
    const shape = readText('run.yml', 'base_config: "base.yml"\nmodel_name: mixtral-8x7b\nper_device_batch_size: 1\nmax_target_length: 4096\n');
    assert.deepEqual([shape.denseLayers.value, shape.sharedExpertFfnSize.value], [0, 0]);
    assert.match(shape.denseLayers.note ?? '', /decoder_block mixtral/);
  });

  test('GPT-NeoX 125M-moe.yml: expert_interval 2 by default ("every 2 layers"), so 6 of 12 layers keep the dense MLP of the same width', () => {
    const { shape } = readFixture('neox/125M-moe.yml');
    assert.deepEqual([shape.denseLayers.value, shape.denseLayers.origin], [6, 'default']);
    assert.equal(shape.denseFfnHiddenSize.value, shape.ffnHiddenSize.value);
    const written = readText('moe.yml', '{"num_layers": 12, "hidden_size": 768, "num_attention_heads": 12, "seq_length": 2048, "moe_num_experts": 4, "expert_interval": 3, "model_parallel_size": 1, "pipe_parallel_size": 1}');
    assert.deepEqual([written.denseLayers.value, written.denseLayers.origin], [8, 'derived']);
  });

  test("GPT-NeoX 125M-moe.yml: moe_type deepspeed with moe_use_residual's default True runs the 3072-wide expert MLP on every token as a shared expert", () => {
    const { text, shape } = readFixture('neox/125M-moe.yml');
    assertField(text, shape.sharedExpertFfnSize, { value: 3072, origin: 'default' });
    assert.match(shape.sharedExpertFfnSize.note ?? '', /GPT-NeoX default moe_use_residual True/);
    const residual = check(text, '125M-moe.yml');
    const { text: plainText, shape: plain } = readFixture('neox/125M-moe-no-residual.yml');
    assertField(plainText, plain.sharedExpertFfnSize, { value: 0, origin: 'file', key: '"moe_use_residual"', literal: 'false' });
    const noResidual = check(plainText, '125M-moe-no-residual.yml');
    assert.deepEqual([residual.spec?.sharedExpertFfnSize, noResidual.spec?.sharedExpertFfnSize], [3072, undefined]);
    // The 6 MoE layers each hold one more 768×3072 GELU MLP with its biases.
    assert.equal(modelParams(residual.spec!) - modelParams(noResidual.spec!), 6 * (2 * 768 * 3072 + 3072 + 768));
  });

  test('GPT-NeoX 125M-dmoe.yml @ ea7aefd8 names no key of one MoE version: NeoXArgsMoE defaults, every layer MoE, no residual, the older interval 2 said', () => {
    const { shape } = readFixture('neox/125M-dmoe.yml');
    assert.deepEqual([shape.numExperts.value, shape.denseLayers.value, shape.denseLayers.origin], [8, 0, 'default']);
    assert.match(shape.denseLayers.note ?? '', /^moe_expert_interval 1: .*neox_args\.py @ 923afa65 .*first MoE arguments \(neox_args\.py @ c291906d\) defaulted otherwise: expert_interval 2/);
    assert.deepEqual([shape.sharedExpertFfnSize.value, shape.sharedExpertFfnSize.origin], [0, 'default']);
    assert.match(shape.sharedExpertFfnSize.note ?? '', /GPT-NeoX default use_deepspeed_moe False/);
  });

  test('GPT-NeoX NeoXArgsMoE spellings: moe_expert_interval 2 on its literal, use_deepspeed_moe with moe_deepspeed_use_residual (default True) a shared expert', () => {
    const { text, shape } = readFixture('neox/125M-dmoe-deepspeed-interval.yml');
    assertField(text, shape.denseLayers, { value: 6, origin: 'derived', key: '"moe_expert_interval"', literal: '2' });
    assertField(text, shape.sharedExpertFfnSize, { value: 3072, origin: 'default' });
    assert.match(shape.sharedExpertFfnSize.note ?? '', /GPT-NeoX default moe_deepspeed_use_residual True: .*@ 923afa65/);
    const off = text.replace('"use_deepspeed_moe": true,', '"use_deepspeed_moe": true, "moe_deepspeed_use_residual": false,');
    assertField(off, readText('moe.yml', off).sharedExpertFfnSize, { value: 0, origin: 'file', key: '"moe_deepspeed_use_residual"', literal: 'false' });
    const dropless = text.replace('"use_deepspeed_moe": true,', '"use_deepspeed_moe": false,');
    assertField(dropless, readText('moe.yml', dropless).sharedExpertFfnSize, { value: 0, origin: 'file', key: '"use_deepspeed_moe"', literal: 'false' });
    const typo = text.replace('"use_deepspeed_moe": true,', '"use_deepspeed_moe": "yes please",');
    assertField(typo, readText('moe.yml', typo).sharedExpertFfnSize, { value: null, origin: 'invalid', literal: '"yes please"' });
  });

  test("GPT-NeoX: a NeoXArgsMoE key (125M-moe-deepspeed.yml's moe_deepspeed_expert_parallel_size @ 923afa65) takes that version's interval 1", () => {
    const { shape } = readFixture('neox/125M-moe-deepspeed.yml');
    assert.deepEqual([shape.denseLayers.value, shape.denseLayers.origin], [0, 'default']);
    assert.match(shape.denseLayers.note ?? '', /the file's moe_deepspeed_expert_parallel_size is of that version/);
  });

  test('GPT-NeoX: megablocks (the default moe_type) has no residual MLP; moe_use_residual true is located on its literal; a non-boolean is invalid', () => {
    const base = readFixture('neox/125M-moe.yml').text;
    const megablocks = base.replace('"moe_type": "deepspeed"', '"moe_type": "megablocks"');
    assertField(megablocks, readText('moe.yml', megablocks).sharedExpertFfnSize, { value: 0, origin: 'file', key: '"moe_type"', literal: '"megablocks"' });
    const silent = base.replace('"moe_type": "deepspeed",', '');
    const unset = readText('moe.yml', silent).sharedExpertFfnSize;
    assert.deepEqual([unset.value, unset.origin], [0, 'default']);
    assert.match(unset.note ?? '', /GPT-NeoX default moe_type megablocks/);
    const on = base.replace('"moe_type": "deepspeed",', '"moe_type": "deepspeed", "moe-use-residual": true,');
    assertField(on, readText('moe.yml', on).sharedExpertFfnSize, { value: 3072, origin: 'derived', key: '"moe-use-residual"', literal: 'true' });
    const typo = base.replace('"moe_type": "deepspeed",', '"moe_type": "deepspeed", "moe_use_residual": "maybe",');
    assertField(typo, readText('moe.yml', typo).sharedExpertFfnSize, { value: null, origin: 'invalid', literal: '"maybe"' });
  });

  test('torchtitan deepseek_v3 16B: n_dense_layers 1 of inter_dim 10944, n_shared_experts 2 × moe_inter_dim 1408', () => {
    const { shape } = readFixture('torchtitan/deepseek_v3_16b.toml');
    assert.deepEqual([shape.denseLayers.value, shape.denseFfnHiddenSize.value, shape.sharedExpertFfnSize.value], [1, 10944, 2816]);
    assert.equal(shape.denseLayers.origin, 'catalogue');
  });
});

suite('MoE layer patterns in the numbers a checked file shows', () => {
  test('DeepSeek-V3 config.json: the prediction has 3 dense layers; the hover on intermediate_size shows their MLP GEMMs and says which layers', () => {
    const { text } = readFixture('hf/deepseek-v3-moe-layers.json');
    const result = check(text, 'config.json');
    assert.deepEqual([result.spec?.denseLayers, result.spec?.denseFfnHiddenSize, result.spec?.sharedExpertFfnSize], [3, 18432, 2048]);
    const hover = doHover(result, text.indexOf('"intermediate_size"') + 2);
    assert.ok(hover);
    assert.match(hover.markdown, /Dense layers \(3 of 61\)/);
    assert.match(hover.markdown, /\| mlp_up \| \d+×18432×7168 \|/);
    const expertHover = doHover(result, text.indexOf('"moe_intermediate_size"') + 2);
    assert.match(expertHover?.markdown ?? '', /MoE layers \(58 of 61\)/);
    assert.doesNotMatch(expertHover?.markdown ?? '', /Dense layers/);
  });

  test('inlay hints count a layer pattern and the shared experts where the file writes them as a pattern or a count', () => {
    const megatron = readFixture('megatron/deepseek-v2-lite-moe.sh').text;
    const hints = inlayHints(check(megatron, 'DeepSeek-V2-Lite.sh'));
    const pattern = hints.find((hint) => hint.label === 'dense layers = 1 of 27');
    assert.equal(pattern?.offset, megatron.indexOf('([0]+[1]*26)') + '([0]+[1]*26)'.length);
    const hf = readFixture('hf/deepseek-v3-moe-layers.json').text;
    const shared = inlayHints(check(hf, 'config.json')).find((hint) => hint.label === 'shared MLP = 2048');
    assert.equal(shared?.offset, hf.indexOf('"n_shared_experts": 1') + '"n_shared_experts": 1'.length);
  });

  test('the shape report shows an MoE layer’s GEMMs and a dense layer’s MLP GEMMs, each saying how many layers it stands for', () => {
    const { text } = readFixture('hf/deepseek-v3-moe-layers.json');
    const data = reportData(check(text, 'config.json'), 'config.json');
    assert.ok(data?.denseLayers);
    assert.deepEqual(data.denseLayers.gemms.map((gemm) => [gemm.name, gemm.n]), [['mlp_up', 18432], ['mlp_gate', 18432], ['mlp_down', 7168]]);
    const html = renderReportHtml(data);
    assert.match(html, /GEMMs of one MoE layer \(58 of 61 layers\)/);
    assert.match(html, /MLP GEMMs of one dense layer \(3 of 61 layers/);
    assert.ok(data.shape.some((row) => row.label === 'dense layers' && row.value === 3));
  });
});
