import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { detectFormat } from '../../../server/src/core/formats';
import { check } from '../../../server/src/core/check';
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

suite('OLMo trainer YAML: its own format, never llm-foundry', () => {
  test('OLMo-7B.yaml: MLP 11008 per SwiGLU branch (ff_proj 22016 halved), embedding_size 50304 is the padded vocabulary', () => {
    const { text, reader, shape } = readFixture('olmo/OLMo-7B.yaml');
    assert.equal(reader.id, 'olmo');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file', key: 'd_model' });
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', literal: '22016' });
    assert.equal(shape.ffnHiddenSize.toLiteral?.(11008), 22016);
    assertField(text, shape.vocabSize, { value: 50280, origin: 'file' });
    assertField(text, shape.paddedVocabSize, { value: 50304, origin: 'file', key: 'embedding_size' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'default' });
    assertField(text, shape.seqLength, { value: 2048, origin: 'file' });
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file' });
    assert.equal(shape.gatedMlp, true);
  });

  test('padded by embedding_size: no vocab-size finding for vocab_size 50280', () => {
    const { text } = readFixture('olmo/OLMo-7B.yaml');
    assert.deepEqual(check(text, 'OLMo-7B.yaml').findings.filter((finding) => finding.ruleId === 'vocab-size'), []);
  });

  test('ModelConfig defaults where the file is silent: mlp_ratio 4 × d_model, halved by SwiGLU', () => {
    // allenai/OLMo olmo/config.py @ 362f460f ModelConfig defaults under an OLMo-1B-style model section.
    const text = 'model:\n  d_model: 2048\n  n_heads: 16\n  n_layers: 16\n  weight_tying: true\n  block_type: sequential\n  include_bias: false\n';
    const reader = detectFormat('OLMo-1B.yaml', text);
    assert.equal(reader?.id, 'olmo');
    const shape = reader.read(reader.parse(text));
    assert.deepEqual([shape.ffnHiddenSize.value, shape.ffnHiddenSize.origin, shape.vocabSize.value, shape.paddedVocabSize.value, shape.seqLength.value], [4096, 'default', 50257, 50304, 1024]);
  });
});
