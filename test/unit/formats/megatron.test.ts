import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { EntryIndex } from '../../../server/src/core/formats/fields';
import { megatronReader } from '../../../server/src/core/formats/megatron';
import { parseShell } from '../../../server/src/core/parse/shell';
import { assertField, readFixture } from './fixture';

suite('megatron reader', () => {
  test('GPT-3 175B launch script: values through variables, arrays, strings and continuations', () => {
    const { text, reader, shape } = readFixture('megatron/gpt3-175b.sh');
    assert.equal(reader.id, 'megatron');
    assertField(text, shape.hiddenSize, { value: 12288, origin: 'file', literal: '12288', key: '--hidden-size', usedAt: '$HIDDEN' });
    assertField(text, shape.numLayers, { value: 96, origin: 'file', literal: '96', usedAt: '${NUM_LAYERS}' });
    assertField(text, shape.numHeads, { value: 96, origin: 'file', literal: '96', key: '--num-attention-heads' });
    assert.equal(text.slice(shape.numHeads.valueSpan!.offset - 22, shape.numHeads.valueSpan!.offset), '--num-attention-heads ');
    // ${SEQ_LEN:-2048}: SEQ_LEN is not set in the file, so the default literal is the one to edit.
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', literal: '2048', usedAt: '$SEQ' });
    // : ${TP:=8} assigns the default.
    assertField(text, shape.tensorParallel, { value: 8, origin: 'file', literal: '8', usedAt: '$TP' });
    assertField(text, shape.pipelineParallel, { value: 16, origin: 'file', literal: '16' });
    // $((...)) is never evaluated.
    assertField(text, shape.microBatchSize, { value: null, origin: 'unresolved', literal: '$((WORLD_SIZE / 64))' });
    assert.match(shape.microBatchSize.note ?? '', /arithmetic/);
    assertField(text, shape.vocabSize, { value: 50257, origin: 'file', literal: '50257', key: '--vocab-size' });
    // ceil(50257 / (128 · 8)) · 1024 = 51200
    assertField(text, shape.paddedVocabSize, { value: 51200, origin: 'derived' });
    assertField(text, shape.vocabDivisor, { value: 128, origin: 'default' });
    assertField(text, shape.ffnHiddenSize, { value: 49152, origin: 'default' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    assert.equal(shape.kvHeadsMayDivideTensorParallel, true);
    assert.equal(shape.gatedMlp, false);
  });

  test('--swiglu without --ffn-hidden-size: int(4h·2/3/64)·64; GQA with --group-query-attention', () => {
    const { text, shape } = readFixture('megatron/llama3-8b-swiglu.sh');
    assertField(text, shape.ffnHiddenSize, { value: 10880, origin: 'derived' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file', literal: '8', key: '--num-query-groups' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'file' });
    // 128256 = 501 · 256 is not a multiple of 128 · TP 4 = 512: ceil(128256 / 512) · 512 = 128512.
    assertField(text, shape.paddedVocabSize, { value: 128512, origin: 'derived' });
    assertField(text, shape.vocabDivisor, { value: 128, origin: 'file', literal: '128' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file', key: '--use-flash-attn' });
    assert.equal(shape.activation.value, 'swiglu');
    assert.equal(shape.gatedMlp, true);
  });

  test('--num-query-groups is ignored without --group-query-attention', () => {
    const { text, shape } = readFixture('megatron/no-gqa-switch.sh');
    assertField(text, shape.numKvHeads, { value: 16, origin: 'default' });
    assert.match(shape.numKvHeads.note ?? '', /ignored without --group-query-attention/);
  });

  test('language_model / model_parallel YAML', () => {
    const { text, reader, shape } = readFixture('megatron/language-model.yaml');
    assert.equal(reader.id, 'megatron');
    assertField(text, shape.hiddenSize, { value: 1024, origin: 'file', key: 'hidden_size' });
    assertField(text, shape.numKvHeads, { value: 4, origin: 'file' });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', key: 'tensor_model_parallel_size' });
    assertField(text, shape.pipelineParallel, { value: 4, origin: 'file' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file' });
    // ffn_hidden_size: null with swiglu: int(4·1024·2/3 / 64)·64 = 2688, anchored on the null.
    assertField(text, shape.ffnHiddenSize, { value: 2688, origin: 'derived', key: 'ffn_hidden_size' });
    assert.equal(shape.gatedMlp, true);
  });

  test('functional-test YAML: --flags as keys under MODEL_ARGS', () => {
    const { text, reader, shape } = readFixture('megatron/functional-test.yaml');
    assert.equal(reader.id, 'megatron');
    assertField(text, shape.hiddenSize, { value: 6144, origin: 'file', key: '--hidden-size', literal: '6144' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'file' });
    assertField(text, shape.microBatchSize, { value: 4, origin: 'file' });
    assert.equal(shape.activation.value, 'squared-relu');
  });

  test('detection: Megatron flags, not any shell script', () => {
    assert.ok(megatronReader.detect('run.sh', 'python train.py --num-layers 2 --hidden-size 64\n') >= 0.9);
    assert.ok(megatronReader.detect('build.sh', '#!/bin/bash\nset -e\nnpm ci\nnpm test --silent\n') < 0.5);
    assert.ok(megatronReader.detect('model.yaml', 'language_model:\n  hidden_size: 64\n') >= 0.9);
    assert.ok(megatronReader.detect('ci.yaml', 'MODEL_ARGS:\n  foo: 1\n') < 0.5);
  });
});

suite('megatron reader: gated MLPs and named tokenizers', () => {
  test('--quick-geglu (gpt-oss) is a gated MLP', () => {
    const text = 'torchrun pretrain_gpt.py --num-layers 12 --hidden-size 512 --ffn-hidden-size 2048 --num-attention-heads 64 --quick-geglu\n';
    const reader = megatronReader;
    const shape = reader.read(reader.parse(text));
    assert.equal(shape.gatedMlp, true);
    assert.equal(shape.activation.value, 'quick-geglu');
  });

  test('--tokenizer-type GPT2BPETokenizer gives 50257 on the type; a Llama 3 --tokenizer-model gives 128256', () => {
    const gpt2 = 'torchrun pretrain_gpt.py --num-layers 24 --hidden-size 1024 --num-attention-heads 16 --tokenizer-type GPT2BPETokenizer\n';
    const shape = megatronReader.read(megatronReader.parse(gpt2));
    assert.equal(shape.vocabSize.value, 50257);
    assert.equal(shape.vocabSize.origin, 'catalogue');
    assert.equal(gpt2.slice(shape.vocabSize.valueSpan!.offset, shape.vocabSize.valueSpan!.offset + shape.vocabSize.valueSpan!.length), 'GPT2BPETokenizer');
    // Megatron pads 50257 to a multiple of its default 128.
    assert.equal(shape.paddedVocabSize.value, 50304);
    const llama = 'torchrun pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --tokenizer-type HuggingFaceTokenizer --tokenizer-model meta-llama/Meta-Llama-3-8B\n';
    assert.equal(megatronReader.read(megatronReader.parse(llama)).vocabSize.value, 128256);
  });

  test('--grad-reduce-in-bf16 halves the gradient buffer: Megatron-LM\'s Llama 3 8B fp8 example fits on its 8 H100s', () => {
    const { text, shape } = readFixture('megatron/llama3-8b-h100-fp8.sh');
    assert.equal(shape.gradientReduceInBf16, true);
    const result = check(text, 'train_llama3_8b_h100_fp8.sh', { gpu: 'h100-sxm' });
    const terms = result.run!.memory.terms;
    // 2 B per parameter, as the bf16 weights: fp32 main gradients would be twice the weights.
    assert.equal(terms.gradients!.value, terms.weights!.value);
    assert.match(terms.gradients!.source, /--grad-reduce-in-bf16/);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'memory'), []);
    const withoutFlag = check(text.replace('    --grad-reduce-in-bf16\n', ''), 'train_llama3_8b_h100_fp8.sh', { gpu: 'h100-sxm' });
    assert.equal(withoutFlag.shape!.gradientReduceInBf16, undefined);
    assert.equal(withoutFlag.run!.memory.terms.gradients!.value, 2 * terms.weights!.value);
  });

  test('--recompute-activations wins over --recompute-granularity full, as validate_args makes it selective', () => {
    const script = 'torchrun pretrain_gpt.py --num-layers 24 --hidden-size 2048 --num-attention-heads 16 --recompute-granularity full --recompute-activations\n';
    const recompute = megatronReader.read(megatronReader.parse(script)).recompute;
    assert.equal(recompute.value, 'selective');
    assert.equal(recompute.key, '--recompute-activations');
    const full = megatronReader.read(megatronReader.parse(script.replace(' --recompute-activations', ''))).recompute;
    assert.equal(full.value, 'full');
  });

  test('an index told the keys it reads holds only those, and the last entry of a key wins', () => {
    const document = parseShell('python t.py --hidden-size 1 --extra-option 2 --hidden_size 3\n');
    const index = new EntryIndex<'hidden_size'>(document, (path) => path[0].slice(2).replaceAll('-', '_'), new Set(['hidden_size']));
    assert.deepEqual([...index.keys()], ['hidden_size']);
    assert.equal(index.get('hidden_size')?.value, '3');
    assert.equal(new EntryIndex(document, (path) => path[0]).has('--extra-option'), true);
  });
});
