import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { detectFormat } from '../../../server/src/core/formats';
import { assertField, readFixture } from './fixture';

suite('detection by weight of evidence: a shared key never claims a file', () => {
  test('Axolotl with a model_config override is Axolotl, not LitGPT', () => {
    // axolotl-ai-cloud/axolotl examples/llama-3/lora-8b.yml's keys, plus `model_config:`, which Axolotl's
    // schema takes as an alias of overrides_of_model_config (RemappedParameters).
    const text = 'base_model: NousResearch/Meta-Llama-3-8B\nmodel_config:\n  rope_theta: 1000000.0\nsequence_len: 4096\nmicro_batch_size: 2\nadapter: lora\nlora_r: 32\n';
    assert.equal(detectFormat('lora.yml', text)?.id, 'axolotl');
  });

  test('a MaxText run config with model_name is MaxText, a LitGPT pretrain config with model_name is LitGPT', () => {
    assert.equal(detectFormat('run.yml', 'model_name: llama3-8b\nper_device_batch_size: 4\nmax_target_length: 2048\n')?.id, 'maxtext');
    // Lightning-AI/litgpt config_hub/pretrain/tinyllama.yaml's top-level keys.
    assert.equal(detectFormat('tiny.yaml', 'model_name: tiny-llama-1.1b\nout_dir: out/pretrain/tiny-llama\nprecision: bf16-mixed\ntrain:\n  micro_batch_size: 4\n')?.id, 'litgpt');
  });

  test('model_name alone is nobody\'s', () => {
    assert.equal(detectFormat('x.yml', 'model_name: llama3-8b\n'), undefined);
  });
});

suite('axolotl: the tokenizer sizes the vocabulary, tensor_parallel auto is the launcher\'s', () => {
  test('fft-8b-tp.yml: Llama 3.1 8B\'s tokenizer has 128256 tokens; tensor_parallel \'auto\' is not 1', () => {
    const { text, reader, shape } = readFixture('axolotl/fft-8b-tp.yml');
    assert.equal(reader.id, 'axolotl');
    assertField(text, shape.vocabSize, { value: 128256, origin: 'catalogue', literal: 'NousResearch/Meta-Llama-3.1-8B' });
    assertField(text, shape.tensorParallel, { value: null, origin: 'unknown', literal: "'auto'" });
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'file' });
  });
});

suite('OLMo trainer YAML is not read as llm-foundry', () => {
  test('d_model, n_heads, n_layers with mlp_ratio and embedding_size: refused, not given an MPT MLP or a vocab-size warning', () => {
    // The model section of allenai/OLMo configs/official/OLMo-1B.yaml (ModelConfig names) with its batch keys.
    const text = 'run_name: OLMo-1B\nmodel:\n  d_model: 2048\n  n_heads: 16\n  n_layers: 16\n  mlp_ratio: 8\n  weight_tying: true\n  block_type: sequential\n  include_bias: false\n  layer_norm_type: default\n  max_sequence_length: 2048\n  vocab_size: 50280\n  embedding_size: 50304\nglobal_train_batch_size: 2048\ndevice_train_microbatch_size: 8\nmax_duration: 739_328\n';
    assert.equal(detectFormat('OLMo-1B.yaml', text), undefined);
  });
});
