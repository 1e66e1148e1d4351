import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findModel } from '../../../server/src/core/formats/catalogue/models';
import type { ModelShape } from '../../../server/src/core/model/shape';
import { assertField, readFixture, readText } from './fixture';

function torchtitan(name: string, flavor: string): ModelShape {
  // The [model] table of torchtitan's train configs (torchtitan/models/*/train_configs/*.toml).
  return readText('train.toml', `[model]\nname = "${name}"\nflavor = "${flavor}"\n\n[training]\nlocal_batch_size = 1\nseq_len = 4096\n`);
}

suite('the model catalogue: what today\'s configs name', () => {
  test('torchtitan qwen3 flavors (qwen3_configs @ cfb93265): 4B has head dim 128, 30B-A3B 128 experts of 768, top-8', () => {
    const dense = torchtitan('qwen3', '4B');
    assert.deepEqual([dense.hiddenSize.value, dense.headDim.value, dense.ffnHiddenSize.value, dense.numKvHeads.value, dense.vocabSize.value], [2560, 128, 9728, 8, 151936]);
    const moe = torchtitan('qwen3', '30B-A3B');
    assert.deepEqual([moe.numExperts.value, moe.expertsPerToken.value, moe.ffnHiddenSize.value, moe.numLayers.value], [128, 8, 768, 48]);
  });

  test('torchtitan deepseek_v3 671B (deepseekv3_configs @ 7a639a0c): experts 2048 wide, not inter_dim 18432; MLA head dim 192', () => {
    const shape = torchtitan('deepseek_v3', '671B');
    assert.deepEqual([shape.ffnHiddenSize.value, shape.numExperts.value, shape.expertsPerToken.value, shape.headDim.value, shape.vocabSize.value], [2048, 256, 8, 192, 129280]);
  });

  test('torchtitan gpt_oss 20b (gptoss_configs @ 5a3bc91b): 32 experts, top-4, hidden 2880, head dim 64', () => {
    const shape = torchtitan('gpt_oss', '20b');
    assert.deepEqual([shape.hiddenSize.value, shape.numExperts.value, shape.expertsPerToken.value, shape.headDim.value, shape.numLayers.value], [2880, 32, 4, 64, 24]);
  });

  test('torchtitan llama3 8B: the vocabulary is the Llama 3 tokenizer\'s 128256 (update_from_config)', () => {
    const shape = torchtitan('llama3', '8B');
    assert.equal(shape.vocabSize.value, 128256);
    assert.equal(shape.vocabSize.origin, 'catalogue');
  });

  test('Hub ids: openai/gpt-oss-120b, and casperhansen/llama-3-70b-fp16 as a re-upload of Meta-Llama-3-70B', () => {
    assert.deepEqual([findModel('openai/gpt-oss-120b')?.numExperts, findModel('openai/gpt-oss-120b')?.numLayers], [128, 36]);
    assert.equal(findModel('casperhansen/llama-3-70b-fp16')?.name, 'Llama-3-70B');
  });

  test('Axolotl qlora-fsdp-70b.yaml: the re-upload reads as Llama 3 70B with the tokenizer\'s 128256', () => {
    const { text, shape } = readFixture('axolotl/qlora-fsdp-70b.yaml');
    assertField(text, shape.hiddenSize, { value: 8192, origin: 'catalogue', literal: 'casperhansen/llama-3-70b-fp16' });
    assertField(text, shape.numLayers, { value: 80, origin: 'catalogue' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'catalogue' });
  });

  test('LitGPT stablelm-base-alpha-3b (Config defaults: n_embd 4096, 16 layers, padded vocab 50688)', () => {
    // Lightning-AI/litgpt config_hub/pretrain/*.yaml's top-level keys with LitGPT's StableLM alpha name.
    const shape = readText('pretrain.yaml', 'model_name: stablelm-base-alpha-3b\nout_dir: out/pretrain/stablelm\ntrain:\n  micro_batch_size: 4\n');
    assert.deepEqual([shape.hiddenSize.value, shape.numLayers.value, shape.numHeads.value, shape.paddedVocabSize.value, shape.ffnHiddenSize.value], [4096, 16, 32, 50688, 16384]);
  });

  test('LitGPT pragna-1b (config_hub/pretrain/pragna.yaml; litgpt/config.py @ 8d837e6f): TinyLlama\'s shape with 69632 tokens', () => {
    const { text, reader, shape } = readFixture('litgpt/pretrain-pragna.yaml');
    assert.equal(reader.id, 'litgpt');
    assertField(text, shape.hiddenSize, { value: 2048, origin: 'catalogue', literal: 'pragna-1b' });
    assert.deepEqual(
      (['numLayers', 'numHeads', 'numKvHeads', 'ffnHiddenSize', 'vocabSize', 'paddedVocabSize'] as const).map((name) => shape[name].value),
      [22, 32, 4, 5632, 69632, 69632],
    );
    assert.match(shape.hiddenSize.note ?? '', /litgpt\/config\.py @ 8d837e6f0e4f/);
    assertField(text, shape.microBatchSize, { value: 8, origin: 'file' });
  });

  test('MaxText model_name gpt-oss-20b: 32 experts of 2880 from configs/models/gpt-oss-20b.yml', () => {
    const shape = readText('run.yml', 'model_name: gpt-oss-20b\nper_device_batch_size: 1\nmax_target_length: 4096\n');
    assert.deepEqual([shape.numExperts.value, shape.ffnHiddenSize.value, shape.headDim.value, shape.vocabSize.value], [32, 2880, 64, 201088]);
  });
});

suite('llm-foundry hf_causal_lm: the Hub model pretrained_model_name_or_path names', () => {
  test('llama-3-8b_dolly_sft.yaml: Llama 3 8B from the catalogue, the tokenizer\'s 128256, max_seq_len through ${variables}, micro-batch 8 of global 48', () => {
    const { text, reader, shape } = readFixture('foundry/llama-3-8b_dolly_sft.yaml');
    assert.equal(reader.id, 'foundry');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: 'meta-llama/Meta-Llama-3-8B' });
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'catalogue' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'catalogue' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', literal: '2048' });
    assertField(text, shape.microBatchSize, { value: 8, origin: 'file', literal: '8', key: 'device_train_microbatch_size' });
    // train.py reads global_train_batch_size whatever the model: the hf_causal_lm path too.
    assertField(text, shape.globalBatchSize, { value: 48, origin: 'file', literal: '48', key: 'global_train_batch_size' });
    assert.equal(shape.loadsCheckpoint, 'pretrained_model_name_or_path meta-llama/Meta-Llama-3-8B');
  });
});

suite('llm-foundry MegaBlocks MoE (ffn_type mb_dmoe)', () => {
  test('testing-moe.yaml: ffn_config.moe_num_experts 4, moe_top_k 2, experts expansion_ratio 1 × d_model 128 wide', () => {
    const { text, reader, shape } = readFixture('foundry/testing-moe.yaml');
    assert.equal(reader.id, 'foundry');
    assertField(text, shape.numExperts, { value: 4, origin: 'file', key: 'moe_num_experts' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'file', key: 'moe_top_k' });
    assertField(text, shape.ffnHiddenSize, { value: 128, origin: 'derived', usedAt: '1' });
  });

  test('ffn_config.ffn_hidden_size sets the expert width when written', () => {
    // The DBRX-style ffn_config of llm-foundry (ffn_hidden_size with moe_num_experts/moe_top_k).
    const shape = readText('moe.yaml', 'model:\n  name: mpt_causal_lm\n  d_model: 6144\n  n_heads: 48\n  n_layers: 40\n  max_seq_len: 4096\n  ffn_config:\n    ffn_type: mb_dmoe\n    ffn_hidden_size: 10752\n    moe_num_experts: 16\n    moe_top_k: 4\ndevice_train_microbatch_size: 1\nglobal_train_batch_size: 64\n');
    assert.deepEqual([shape.ffnHiddenSize.value, shape.numExperts.value, shape.expertsPerToken.value], [10752, 16, 4]);
  });
});
