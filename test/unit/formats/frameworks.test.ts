import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { detectFormat } from '../../../server/src/core/formats';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture, readText, slice } from './fixture';

suite('nanotron reader', () => {
  test('config_qwen.yaml: model_config with HF names, parallelism.tp, tokens.*, vocab padded by divisor × TP', () => {
    const { text, reader, shape } = readFixture('nanotron/config_qwen.yaml');
    assert.equal(reader.id, 'nanotron');
    assertField(text, shape.hiddenSize, { value: 2048, origin: 'file', key: 'hidden_size' });
    assertField(text, shape.numLayers, { value: 36, origin: 'file' });
    assertField(text, shape.numKvHeads, { value: 4, origin: 'file', key: 'num_key_value_heads' });
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'file', literal: '128256' });
    // trainer.py: _vocab_size_with_padding(vocab, tp 2, make_vocab_size_divisible_by 1).
    assertField(text, shape.paddedVocabSize, { value: 128256, origin: 'derived' });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', key: 'tp' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file', key: 'sequence_length' });
    assertField(text, shape.microBatchSize, { value: 3, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
    assert.equal(shape.attentionKernel.value, 'flash');
  });

  test('divisor 1 with an aligned vocabulary is not a vocab-size finding', () => {
    const { text } = readFixture('nanotron/config_qwen.yaml');
    assert.deepEqual(check(text, 'config_qwen.yaml').findings.filter((finding) => finding.ruleId === 'vocab-size'), []);
  });
});

suite('flagscale reader', () => {
  test('llama3 70b: Megatron arguments under system/model/data, as the runner flattens them', () => {
    const { text, reader, shape } = readFixture('flagscale/llama3-70b.yaml');
    assert.equal(reader.id, 'flagscale');
    assertField(text, shape.tensorParallel, { value: 8, origin: 'file', key: 'tensor_model_parallel_size' });
    assertField(text, shape.pipelineParallel, { value: 4, origin: 'file' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file' });
    assertField(text, shape.ffnHiddenSize, { value: 28672, origin: 'file' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'file', literal: '128256' });
    // Megatron-LM pads 128256 to a multiple of 64 × TP 8 = 512.
    assertField(text, shape.paddedVocabSize, { value: 128512, origin: 'derived' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });
});

suite('meta params.json reader', () => {
  test('ExecuTorch Llama 3.2 Vision text decoder: MLP width from multiple_of and ffn_dim_multiplier, n_kv_heads', () => {
    const { text, reader, shape } = readFixture('meta/llama3_2_vision-text-decoder-params.json');
    assert.equal(reader.id, 'meta');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file', key: '"dim"' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file', literal: '8' });
    // 1024 · ceil(int(1.3 · int(8·4096/3)) / 1024) = 1024 · ceil(14198 / 1024) = 14336, the file's own intermediate_dim.
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'derived', usedAt: '1.3' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'file' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    assert.equal(shape.gatedMlp, true);
  });

  test('vocab_size -1 is the tokenizer\'s; the default multiple_of is 256', () => {
    const text = '{"dim": 4096, "n_layers": 32, "n_heads": 32, "n_kv_heads": null, "vocab_size": -1, "norm_eps": 1e-05}';
    // n_kv_heads is what tells params.json from other JSON with dim/n_heads.
    const reader = detectFormat('params.json', text);
    assert.equal(reader?.id, 'meta');
    const shape = reader.read(reader.parse(text));
    assert.equal(shape.vocabSize.value, null);
    assert.equal(shape.numKvHeads.value, 32);
    // Llama 2 7B: 256 · ceil(int(8·4096/3) / 256) = 11008.
    assert.equal(shape.ffnHiddenSize.value, 11008);
  });
});

suite('detection refuses what it would half-read', () => {
  test('a FasterTransformer-style checkpoint config (inter_size, layer_num, head_num_kv) is not a model config shapelint recognises', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'refused', 'rtp-llm-fastertransformer-config.json'), 'utf8');
    assert.equal(detectFormat('config.json', text), undefined);
    assert.equal(check(text, 'config.json').reader, null);
  });

  test("DeepSeek's inference JSON (dim, inter_dim, moe_inter_dim) is refused, not read as HF or Meta", () => {
    // deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json layout.
    const text = '{"vocab_size": 129280, "dim": 7168, "inter_dim": 18432, "moe_inter_dim": 2048, "n_layers": 61, "n_dense_layers": 3, "n_heads": 128, "n_routed_experts": 256}';
    assert.equal(detectFormat('config_671B.json', text), undefined);
  });

  test('an HF config with model_type keeps its reader even with a foreign-looking key', () => {
    const text = '{"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "num_hidden_layers": 32, "dim": 4096}';
    assert.equal(detectFormat('config.json', text)?.id, 'hf');
  });

  test('checkpoint-loading configs: the vocabulary padding fix is offered but not safe', () => {
    const text = '#!/bin/bash\ntorchrun pretrain_gpt.py --num-layers 24 --hidden-size 2048 --num-attention-heads 16 --vocab-size 50257 --make-vocab-size-divisible-by 1 --load /ckpt/base\n';
    const result = check(text, 'finetune.sh');
    assert.equal(result.shape?.loadsCheckpoint, '--load /ckpt/base');
    const vocab = result.findings.find((finding) => finding.ruleId === 'vocab-size');
    assert.ok(vocab);
    assert.ok(vocab.fixes.length > 0 && vocab.fixes.every((fix) => !fix.safe), 'offered, not safe');
    assert.match(vocab.fixes[0].title, /loads a checkpoint, --load \/ckpt\/base/);
    // Without --load the same fix is safe.
    const scratch = check(text.replace(' --load /ckpt/base', ''), 'pretrain.sh').findings.find((finding) => finding.ruleId === 'vocab-size');
    assert.ok(scratch?.fixes.some((fix) => fix.safe));
  });

  test('a divisor that makes divisor × TP aligned is not "by chance" for the whole vocabulary', () => {
    const text = '#!/bin/bash\ntorchrun pretrain_gpt.py --num-layers 24 --hidden-size 2048 --num-attention-heads 16 --tensor-model-parallel-size 2 --make-vocab-size-divisible-by 3232 --tokenizer-type GPTSentencePieceTokenizer\n';
    const finding = check(text, 'train.sh').findings.find((candidate) => candidate.ruleId === 'vocab-size');
    assert.ok(finding);
    assert.match(finding.message, /multiple of 3232·2 = 6464, a multiple of 64, but each of the 2 GPUs gets a multiple of 3232 rows/);
    assert.equal(slice(text, finding.span), '3232');
  });
});

suite('axolotl reader', () => {
  test('llama-3 lora-8b: base_model (a re-upload of Meta-Llama-3-8B) through the catalogue, the run settings from the file', () => {
    const { text, reader, shape } = readFixture('axolotl/llama-3-lora-8b.yml');
    assert.equal(reader.id, 'axolotl');
    assert.equal(shape.catalogueModel, 'Llama-3-8B');
    // litgpt/config.py Llama-3-8B: n_embd 4096, n_query_groups 8, intermediate 14336, padded vocab 128256.
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: 'NousResearch/Meta-Llama-3-8B', key: 'base_model' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'catalogue' });
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'catalogue' });
    assertField(text, shape.paddedVocabSize, { value: 128256, origin: 'catalogue' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file', key: 'sequence_len' });
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file' });
    assert.equal(shape.loadsCheckpoint, 'base_model NousResearch/Meta-Llama-3-8B');
  });

  test('a base_model the catalogue does not have leaves the shape unknown, saying why', () => {
    const text = 'base_model: acme/secret-13b\nsequence_len: 2048\nmicro_batch_size: 1\n';
    const reader = detectFormat('x.yml', text);
    assert.equal(reader?.id, 'axolotl');
    const shape = reader.read(reader.parse(text));
    assert.equal(shape.hiddenSize.value, null);
    assert.match(shape.hiddenSize.note ?? '', /acme\/secret-13b.*not in the model catalogue/);
  });
});

suite('torchtitan reader', () => {
  test('llama3_8b.toml: name + flavor through the catalogue (torchtitan llama3_configs), run settings with TOML spans', () => {
    const { text, reader, shape, document } = readFixture('torchtitan/llama3_8b.toml');
    assert.equal(reader.id, 'torchtitan');
    assert.equal(document.syntax, 'toml');
    assert.equal(shape.catalogueModel, 'torchtitan llama3 8B');
    // llama3_configs["8B"]: dim 4096, 32 layers, 32 heads, 8 kv heads, compute_ffn_hidden_dim(4096, 1024, 1.3) = 14336.
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: '"8B"', key: 'flavor' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'catalogue' });
    assertField(text, shape.ffnHiddenSize, { value: 14336, origin: 'catalogue' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'file', key: 'seq_len', literal: '8192' });
    assertField(text, shape.microBatchSize, { value: 1, origin: 'file', key: 'batch_size' });
    assertField(text, shape.tensorParallel, { value: 1, origin: 'file', key: 'tensor_parallel_degree' });
    assert.equal(shape.gatedMlp, true);
  });

  test('broken TOML is a syntax finding, not a crash', () => {
    const text = '[model]\nname = "llama3"\nflavor = "8B"\n[training\nseq_len = \n';
    const result = check(text, 'train.toml');
    assert.equal(result.reader?.id, 'torchtitan');
    assert.ok(result.findings.some((finding) => finding.ruleId === 'syntax'));
  });

  test('a flavor the catalogue does not have leaves the shape unknown, saying why', () => {
    const text = '[model]\nname = "llama3"\nflavor = "3B_custom"\n';
    const reader = detectFormat('x.toml', text)!;
    const shape = reader.read(reader.parse(text));
    assert.equal(shape.hiddenSize.value, null);
    assert.match(shape.hiddenSize.note ?? '', /flavor 3B_custom, which is not in the model catalogue/);
  });
});

suite('maxtext reader', () => {
  test('llama2-7b.yml: base_* fields, explicit head_dim, two mlp_activations make a gated MLP', () => {
    const { text, reader, shape } = readFixture('maxtext/llama2-7b.yml');
    assert.equal(reader.id, 'maxtext');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file', key: 'base_emb_dim' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'file', key: 'base_num_kv_heads' });
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', key: 'base_mlp_dim' });
    assertField(text, shape.headDim, { value: 128, origin: 'file', key: 'head_dim' });
    assertField(text, shape.vocabSize, { value: 32000, origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });

  test('global_parameter_scale 2 doubles heads and MLP only, as get_individual_scales rotates them', () => {
    const text = 'base_emb_dim: 2048\nbase_num_query_heads: 16\nbase_num_kv_heads: 16\nbase_mlp_dim: 8192\nbase_num_decoder_layers: 16\nglobal_parameter_scale: 2\nhead_dim: 128\n';
    const reader = detectFormat('m.yml', text)!;
    const shape = reader.read(reader.parse(text));
    assert.deepEqual([shape.hiddenSize.value, shape.numHeads.value, shape.numKvHeads.value, shape.ffnHiddenSize.value, shape.numLayers.value], [2048, 32, 32, 16384, 16]);
  });
});

suite('llm-foundry reader', () => {
  test('mpt-125m.yaml: MPT names under model, ${max_seq_len} resolved, MLP = expansion_ratio · d_model', () => {
    const { text, reader, shape } = readFixture('foundry/mpt-125m.yaml');
    assert.equal(reader.id, 'foundry');
    assertField(text, shape.hiddenSize, { value: 768, origin: 'file', key: 'd_model' });
    assertField(text, shape.numLayers, { value: 12, origin: 'file' });
    assertField(text, shape.ffnHiddenSize, { value: 3072, origin: 'derived', usedAt: '4' });
    // max_seq_len: ${max_seq_len} resolves to the top-level 2048, which is the literal to edit.
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', literal: '2048' });
    assertField(text, shape.vocabSize, { value: 50368, origin: 'file' });
    assertField(text, shape.microBatchSize, { value: 16, origin: 'file', key: 'device_train_microbatch_size' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file', literal: 'triton' });
    assert.equal(shape.gatedMlp, false);
  });

  test('fsdp_config: FULL_SHARD is FSDP; null (written empty) and absent are no FSDP, as Composer reads None', () => {
    const fullShard = readFixture('foundry/mpt-125m.yaml');
    assertField(fullShard.text, fullShard.shape.sharding, { value: 'fsdp', origin: 'file', literal: 'FULL_SHARD' });
    const nullConfig = readFixture('foundry/mpt-125m-fsdp-null.yaml');
    assertField(nullConfig.text, nullConfig.shape.sharding, { value: 'none', origin: 'file', key: 'fsdp_config' });
    assert.match(nullConfig.shape.sharding.note ?? '', /fsdp_config null: .*without FSDP \(DDP\)/);
    const absent = readText('mpt.yaml', nullConfig.text.replace(/^fsdp_config:\n/m, ''));
    assert.deepEqual([absent.sharding.value, absent.sharding.origin], ['none', 'default']);
    assert.match(absent.sharding.note ?? '', /^no fsdp_config: /);
  });

  test('fsdp_config: {} (and a map without sharding_strategy) is FSDP with FSDPConfig defaults: FULL_SHARD, no checkpointing', () => {
    const { text, shape } = readFixture('foundry/mpt-125m-fsdp-empty.yaml');
    assert.deepEqual([shape.sharding.value, shape.sharding.origin], ['fsdp', 'default']);
    assert.match(shape.sharding.note ?? '', /FSDPConfig default FULL_SHARD/);
    assert.deepEqual([shape.recompute.value, shape.recompute.origin], ['none', 'default']);
    const settingsOnly = readText('mpt.yaml', text.replace(/^fsdp_config: \{\}$/m, 'fsdp_config:\n  mixed_precision: PURE'));
    assert.deepEqual([settingsOnly.sharding.value, settingsOnly.sharding.origin], ['fsdp', 'default']);
  });
});

suite('hf detection without model_type', () => {
  test('needs width, heads and depth; a JSON with two of them is not read as a half HF config', () => {
    assert.equal(detectFormat('config.json', '{"hidden_size": 4096, "num_attention_heads": 32, "vocab_size": 32000}'), undefined);
    assert.equal(detectFormat('config.json', '{"hidden_size": 4096, "num_attention_heads": 32, "num_hidden_layers": 32}')?.id, 'hf');
  });
});
