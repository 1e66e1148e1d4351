import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findModel, MODEL_CATALOGUE } from '../../../server/src/core/formats/catalogue/models';
import { huggingFaceTokenizerSize, tokenizerTypeSize } from '../../../server/src/core/formats/catalogue/tokenizers';
import { doHover } from '../../../server/src/core/features/hover';
import { check } from '../../../server/src/core/check';
import { readFixture, slice } from './fixture';

suite('model catalogue', () => {
  test('every name people write finds the model: LitGPT name, HF id, repository part, checkpoint path, any case', () => {
    for (const name of ['Phi-3-mini-4k-instruct', 'microsoft/Phi-3-mini-4k-instruct', 'phi-3-mini-4k-instruct', 'checkpoints/microsoft/Phi-3-mini-4k-instruct', '/models/Phi-3-mini-4k-instruct/']) {
      assert.equal(findModel(name)?.name, 'Phi-3-mini-4k-instruct', name);
    }
    // The LitGPT name and the Hugging Face repository differ: both find Llama-3-8B.
    assert.equal(findModel('checkpoints/meta-llama/Meta-Llama-3-8B')?.name, 'Llama-3-8B');
    assert.equal(findModel('Llama-3-8B')?.name, 'Llama-3-8B');
    assert.equal(findModel('no-such-model-7b'), undefined);
    assert.equal(findModel(''), undefined);
  });

  test('rows apply LitGPT Config defaults and __post_init__ (litgpt/config.py)', () => {
    // phi-2: n_embd 2560 with the default n_head 32 gives head size 80; GptNeoxMLP: 4·n_embd.
    const phi2 = findModel('phi-2')!;
    assert.deepEqual([phi2.numHeads, phi2.headDim, phi2.ffnHiddenSize, phi2.vocabSize, phi2.paddedVocabSize, phi2.gatedMlp], [32, 80, 10240, 50257, 51200, false]);
    // pythia-6.9b: defaults n_embd 4096, n_head 32, vocab 50254 padded to padding_multiple 256.
    const pythia = findModel('EleutherAI/pythia-6.9b-deduped')!;
    assert.deepEqual([pythia.hiddenSize, pythia.numLayers, pythia.paddedVocabSize, pythia.seqLength], [4096, 32, 50432, 2048]);
    // Mistral-7B: padded_vocab_size 32000 caps the default vocab_size 50254.
    assert.equal(findModel('mistralai/Mistral-7B-v0.1')!.vocabSize, 32000);
    // Qwen3-30B-A3B: MoE, the expert width is moe_intermediate_size.
    const qwenMoe = findModel('Qwen/Qwen3-30B-A3B')!;
    assert.deepEqual([qwenMoe.numExperts, qwenMoe.expertsPerToken, qwenMoe.ffnHiddenSize, qwenMoe.headDim], [128, 8, 768, 128]);
    // NeMo qwen2.py Qwen2Config7B: 28 layers, h 3584, 28 heads, 4 query groups, ffn 18944, vocab 152064.
    const qwen2 = findModel('Qwen/Qwen2-7B-Instruct')!;
    assert.deepEqual([qwen2.numLayers, qwen2.hiddenSize, qwen2.numKvHeads, qwen2.ffnHiddenSize, qwen2.paddedVocabSize, qwen2.vocabSize], [28, 3584, 4, 18944, 152064, null]);
    // Gemma 2 27B sets head_size 128 apart from n_embd / n_head = 144.
    assert.equal(findModel('google/gemma-2-27b-it')!.headDim, 128);
  });

  test('torchtitan flavors: compute_ffn_hidden_dim as in torchtitan llama3_configs', () => {
    // 70B: 4096 · ceil(int(1.3 · 21845) / 4096) = 28672; 405B: 4096 · ceil(int(1.2 · 43690) / 4096) = 53248; debugmodel: 256 · ceil(682 / 256) = 768.
    assert.equal(findModel('torchtitan llama3 70B')?.ffnHiddenSize, 28672);
    assert.equal(findModel('torchtitan llama3 405B')?.ffnHiddenSize, 53248);
    assert.deepEqual([findModel('torchtitan llama3 debugmodel')?.ffnHiddenSize, findModel('torchtitan llama3 debugmodel')?.vocabSize], [768, 2048]);
  });

  test('the families the issue names are all there, each row with a source file and commit', () => {
    const families = new Set(MODEL_CATALOGUE.map((model) => model.family));
    for (const family of ['Llama 2', 'Llama 3', 'Llama 3.1', 'Llama 3.2', 'Llama 3.3', 'Mistral', 'Mixtral', 'Qwen 2', 'Qwen 2.5', 'Qwen 3', 'Gemma', 'Gemma 2', 'Gemma 3', 'Phi 2', 'Phi 3', 'Phi 4', 'DeepSeek V2', 'DeepSeek V3', 'OLMo', 'Falcon', 'Pythia', 'GPT-2', 'GPT-NeoX', 'StarCoder2', 'Nemotron']) {
      assert.ok(families.has(family), family);
    }
    for (const model of MODEL_CATALOGUE) {
      assert.match(model.source.commit, /^[0-9a-f]{40}$/, model.name);
      assert.ok(Number.isInteger(model.headDim) && model.headDim > 0, `${model.name} head dim ${model.headDim}`);
    }
  });

  test('tokenizers: Megatron types and Hugging Face ids give their vocabulary, with a source', () => {
    assert.equal(tokenizerTypeSize('GPT2BPETokenizer')?.vocabSize, 50257);
    assert.match(tokenizerTypeSize('GPT2BPETokenizer')!.source, /nanoGPT/);
    assert.equal(tokenizerTypeSize('BertWordPieceLowerCase')?.vocabSize, 30522);
    assert.equal(tokenizerTypeSize('HuggingFaceTokenizer'), undefined);
    assert.equal(huggingFaceTokenizerSize('meta-llama/Meta-Llama-3-8B')?.vocabSize, 128256);
    assert.equal(huggingFaceTokenizerSize('meta-llama/Llama-2-7b-hf')?.vocabSize, 32000);
    // Qwen pads its embedding past the tokenizer: its length is not the embedding's, so it is not claimed.
    assert.equal(huggingFaceTokenizerSize('Qwen/Qwen2.5-7B'), undefined);
  });

  test('LitGPT finetune that names Phi-3 by checkpoint_dir: head-dim warning on the name, hover with shape and prediction', () => {
    const { text } = readFixture('litgpt/phi-3-finetune.yaml');
    const result = check(text, 'phi-3-finetune.yaml');
    assert.equal(result.shape?.catalogueModel, 'Phi-3-mini-4k-instruct');
    const headDim = result.findings.find((finding) => finding.ruleId === 'head-dim');
    assert.ok(headDim, 'head-dim fires');
    assert.equal(slice(text, headDim.span), 'checkpoints/microsoft/Phi-3-mini-4k-instruct');
    assert.match(headDim.message, /head dim 96 \(hidden size of Phi-3-mini-4k-instruct \(model catalogue\) 3072 \/ 32 heads\)/);
    // No literal to edit: a catalogue value never gets a fix.
    assert.ok(headDim.fixes.every((fix) => fix.edits.length === 0 || !fix.safe));
    const hover = doHover(result, headDim.span.offset + 5);
    assert.ok(hover);
    assert.match(hover.markdown, /Phi-3-mini-4k-instruct from the model catalogue: hidden 3072, 32 layers, 32 heads, head dim 96, MLP 8192 \(swiglu\), vocabulary 32000 \(embedding 32064\)/);
    assert.match(hover.markdown, /TFLOP\/s/);
    // Finetuning loads the checkpoint: the shape is the checkpoint's.
    assert.match(result.shape?.loadsCheckpoint ?? '', /checkpoint_dir checkpoints\/microsoft\/Phi-3-mini-4k-instruct/);
  });

  test('model_name: phi-3-mini-4k-instruct (any case) without model_config: the head-dim warning sits on that line', () => {
    const text = 'model_name: phi-3-mini-4k-instruct\nout_dir: out/pretrain\ntrain:\n  micro_batch_size: 4\n  max_seq_length: 4096\n';
    const result = check(text, 'pretrain.yaml');
    const headDim = result.findings.find((finding) => finding.ruleId === 'head-dim');
    assert.ok(headDim);
    assert.equal(slice(text, headDim.span), 'phi-3-mini-4k-instruct');
    assert.match(headDim.message, /model catalogue/);
    // Pretraining from scratch loads nothing.
    assert.equal(result.shape?.loadsCheckpoint, undefined);
  });
});
