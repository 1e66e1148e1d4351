import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { nanogptReader } from '../../../server/src/core/formats/nanogpt';
import { modelParams } from '../../../server/src/core/perf/layer';
import { assertField, readFixture, readText } from './fixture';

suite('nanogpt reader', () => {
  test('train_gpt2.py: GPT-2 124M from train.py defaults, batch from the file', () => {
    const { text, reader, shape } = readFixture('nanogpt/train_gpt2.py');
    assert.equal(reader.id, 'nanogpt');
    assertField(text, shape.hiddenSize, { value: 768, origin: 'default' });
    assert.match(shape.hiddenSize.note ?? '', /train\.py default/);
    assertField(text, shape.numLayers, { value: 12, origin: 'default' });
    assertField(text, shape.microBatchSize, { value: 12, origin: 'file', literal: '12', key: 'batch_size' });
    assertField(text, shape.seqLength, { value: 1024, origin: 'file', key: 'block_size' });
    assertField(text, shape.vocabSize, { value: 50304, origin: 'default' });
    assert.match(shape.vocabSize.note ?? '', /50304/);
    assertField(text, shape.ffnHiddenSize, { value: 3072, origin: 'derived' });
    assert.equal(shape.vocabDivisor.value, null);
  });

  test('arithmetic and names are read, never run', () => {
    const { text, shape } = readFixture('nanogpt/train_small.py');
    assertField(text, shape.hiddenSize, { value: 384, origin: 'file', literal: '6*64' });
    assertField(text, shape.numHeads, { value: 6, origin: 'file', literal: '6', usedAt: 'heads' });
    assertField(text, shape.numLayers, { value: 6, origin: 'file' });
    assertField(text, shape.headDim, { value: 64, origin: 'derived' });
  });

  test("init_from = 'gpt2-xl' loads GPT-2 XL's shape and vocabulary", () => {
    const { text, shape } = readFixture('nanogpt/eval_gpt2_xl.py');
    assertField(text, shape.hiddenSize, { value: 1600, origin: 'default', usedAt: "'gpt2-xl'" });
    assertField(text, shape.numHeads, { value: 25, origin: 'default' });
    assertField(text, shape.numLayers, { value: 48, origin: 'default' });
    assertField(text, shape.vocabSize, { value: 50257, origin: 'default' });
  });

  test('detection: nanoGPT names in a .py without functions', () => {
    assert.ok(nanogptReader.detect('c.py', 'n_layer = 2\nn_head = 2\nn_embd = 64\n') >= 0.5);
    assert.ok(nanogptReader.detect('setup.py', 'from setuptools import setup\nsetup(name="x")\n') < 0.5);
    assert.ok(nanogptReader.detect('model.py', 'n_layer = 2\nn_head = 2\nn_embd = 64\ndef f():\n    pass\n') < 0.5);
  });

  test('nanoMoE fork (train_nano_moe.py): n_exp 8 experts of 4·n_embd, top_k 2', () => {
    const { text, reader, shape } = readFixture('nanogpt/train_nano_moe.py');
    assert.equal(reader.id, 'nanogpt');
    assertField(text, shape.numExperts, { value: 8, origin: 'file', key: 'n_exp', literal: '8' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'file', key: 'top_k' });
    assertField(text, shape.hiddenSize, { value: 384, origin: 'file' });
    assert.equal(shape.ffnHiddenSize.value, 1536);
  });

  test('nanoMoE stride (train_nano_moe.py: stride = 2, 6 layers): blocks 0, 2, 4 run experts, 3 keep the 4·n_embd MLP, none shared', () => {
    const { text, shape } = readFixture('nanogpt/train_nano_moe.py');
    assertField(text, shape.denseLayers, { value: 3, origin: 'derived', key: 'stride', literal: '2' });
    assertField(text, shape.denseFfnHiddenSize, { value: 1536, origin: 'derived' });
    assertField(text, shape.sharedExpertFfnSize, { value: 0, origin: 'default' });
    const spec = check(text, 'config/train_nano_moe.py').spec!;
    assert.equal(spec.denseLayers, 3);
    // Each dense block holds one 384×1536 MLP where an MoE block holds 8 and a 384×8 router.
    const mlp = 2 * 384 * 1536 + 1536 + 384;
    assert.equal(modelParams({ ...spec, denseLayers: 0 }) - modelParams(spec), 3 * (7 * mlp + 384 * 8));
  });

  test("nanoMoE stride by default (niklassheth/nanoMoE train_gpt2_moe.py): train.py's stride = 2; stride 1 puts experts in every block; stride 0 is invalid", () => {
    const { text, shape } = readFixture('nanogpt/nanomoe_train_gpt2_moe.py');
    assertField(text, shape.denseLayers, { value: 3, origin: 'default' });
    assert.match(shape.denseLayers.note ?? '', /nanoMoE train\.py default stride = 2/);
    const everyBlock = readText('config/moe.py', text.replace('n_exp = 4', 'n_exp = 4\nstride = 1'));
    assert.deepEqual([everyBlock.denseLayers.value, everyBlock.denseLayers.origin], [0, 'derived']);
    const zero = text.replace('n_exp = 4', 'n_exp = 4\nstride = 0');
    assertField(zero, readText('config/moe.py', zero).denseLayers, { value: null, origin: 'invalid', literal: '0' });
    // Worked out from the file's literals: stride 3 makes blocks 0 and 3 MoE.
    const computed = readText('config/moe.py', text.replace('n_embd = 384', 'n_embd = 384\nstride = n_layer // 2'));
    assert.deepEqual([computed.denseLayers.value, computed.denseLayers.origin], [4, 'derived']);
  });

  test('top_k without experts is sampling, not routing; n_exp without top_k takes nanoMoE\'s default 2', () => {
    const sampling = readText('config/sample.py', "init_from = 'gpt2'\nn_layer = 12\nn_head = 12\nbatch_size = 4\ntop_k = 200\n");
    assert.deepEqual([sampling.numExperts.value, sampling.expertsPerToken.value], [1, 1]);
    const moe = readText('config/moe.py', 'n_layer = 6\nn_head = 6\nn_embd = 384\nn_exp = 4\n');
    assert.deepEqual([moe.expertsPerToken.value, moe.expertsPerToken.origin], [2, 'default']);
    assert.match(moe.expertsPerToken.note ?? '', /nanoMoE GPTConfig default top_k 2/);
  });

  test('use_moe forks (watarungurunnn/nanoGPT train_enwik8_char_moe.py): num_experts 4 experts of 4·n_embd, num_experts_per_tok 2', () => {
    const { text, reader, shape } = readFixture('nanogpt/train_enwik8_char_moe.py');
    assert.equal(reader.id, 'nanogpt');
    assertField(text, shape.numExperts, { value: 4, origin: 'file', key: 'num_experts', literal: '4' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'file', key: 'num_experts_per_tok', literal: '2' });
    // Each expert is the fork's MLP(config): 4 · n_embd 384, no width key of its own.
    assert.equal(shape.ffnHiddenSize.value, 1536);
    const result = check(text, 'config/train_enwik8_char_moe.py');
    assert.deepEqual([result.spec?.numExperts, result.spec?.expertsPerToken], [4, 2]);
  });

  test('use_moe forks: num_experts counts only under use_moe True; its defaults are train.py\'s 4 and 2', () => {
    const off = readText('config/moe.py', 'n_layer = 8\nn_head = 8\nn_embd = 384\nnum_experts = 8\n');
    assert.deepEqual([off.numExperts.value, off.numExperts.origin, off.expertsPerToken.value], [1, 'default', 1]);
    assert.match(off.numExperts.note ?? '', /train\.py default use_moe = False .*@ 28f84015/);
    const disabled = readText('config/moe.py', 'n_layer = 8\nn_head = 8\nn_embd = 384\nuse_moe = False\nnum_experts = 8\n');
    assert.deepEqual([disabled.numExperts.value, disabled.numExperts.origin, disabled.numExperts.key], [1, 'file', 'use_moe']);
    const defaults = readText('config/moe.py', 'n_layer = 8\nn_head = 8\nn_embd = 384\nuse_moe = True\n');
    assert.deepEqual([defaults.numExperts.value, defaults.numExperts.origin, defaults.expertsPerToken.value, defaults.expertsPerToken.origin], [4, 'default', 2, 'default']);
  });

  test('hbfreed/nanoMOE (told apart by n_ctx, block_k, expert_sizes): n_ctx the sequence, block_size a Triton tile, experts 4·n_embd // num_experts_per_tok wide', () => {
    const { text, reader, shape } = readFixture('nanogpt/nanomoe_train_moe_gpt2.py');
    assert.equal(reader.id, 'nanogpt');
    assertField(text, shape.numExperts, { value: 8, origin: 'file', key: 'num_experts', literal: '8' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'file', key: 'num_experts_per_tok', literal: '2' });
    assertField(text, shape.seqLength, { value: 1024, origin: 'file', key: 'n_ctx', literal: '1024' });
    // MoeMLPSTK: d_ffn = 4·768 // 2 = 1536, a multiple of the 128 tile already.
    assertField(text, shape.ffnHiddenSize, { value: 1536, origin: 'derived' });
    assert.match(shape.ffnHiddenSize.note ?? '', /model\.py @ fe2f7396/);
    assert.deepEqual([check(text, 'train_moe_gpt2.py').spec?.ffnHiddenSize, check(text, 'train_moe_gpt2.py').spec?.seqLength], [1536, 1024]);
    // A list of variable widths (expert_sizes), here computed, is not resolved: said on the literal.
    const variable = readText('config/moe/x.py', text.replace('block_k = 128', 'block_k = 128\nexpert_sizes = [(num_experts, n_embd * 4 // num_experts_per_tok)]'));
    assert.deepEqual([variable.ffnHiddenSize.value, variable.ffnHiddenSize.origin, variable.ffnHiddenSize.key], [null, 'unresolved', 'expert_sizes']);
  });
});
