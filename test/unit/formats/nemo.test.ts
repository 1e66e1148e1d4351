import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { nemoReader } from '../../../server/src/core/formats/nemo';
import { assertField, readFixture } from './fixture';
import { check } from '../../../server/src/core/check';
import { GIB } from '../../../server/src/core/perf/run';

suite('nemo reader', () => {
  test('Llama-2-7B NeMo config: model: section, encoder_seq_length, fast-swiglu per-branch ffn, nulls as defaults', () => {
    const { text, reader, document, shape } = readFixture('nemo/llama2-7b.yaml');
    assert.equal(reader.id, 'nemo');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'file', literal: '4096', key: 'hidden_size' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file', key: 'encoder_seq_length' });
    assertField(text, shape.ffnHiddenSize, { value: 11008, origin: 'file', literal: '11008' });
    assertField(text, shape.numKvHeads, { value: 32, origin: 'default', key: 'num_query_groups', literal: 'null' });
    assertField(text, shape.headDim, { value: 128, origin: 'derived' });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file' });
    assertField(text, shape.microBatchSize, { value: 1, origin: 'file' });
    assertField(text, shape.vocabDivisor, { value: 128, origin: 'file' });
    assertField(text, shape.attentionKernel, { value: 'flash', origin: 'file', literal: 'True' });
    assert.equal(shape.activation.value, 'fast-swiglu');
    assert.equal(shape.gatedMlp, true);
    assert.equal(shape.kvHeadsMayDivideTensorParallel, true);
    // Interpolations resolve to the literal they name; the reference is where it is used.
    const position = document.entries.find((entry) => entry.path.join('.') === 'model.max_position_embeddings');
    assert.equal(position?.value, 4096);
    assert.equal(text.slice(position!.usedAt!.offset, position!.usedAt!.offset + position!.usedAt!.length), '${.encoder_seq_length}');
    const dataSeq = document.entries.find((entry) => entry.path.join('.') === 'data.seq_length');
    assert.equal(dataSeq?.value, 4096);
    assert.equal(dataSeq?.valueSpan.offset, shape.seqLength.valueSpan?.offset);
    // ${training.model.x}: the launcher mounts the file under `training`.
    const parallel = document.entries.find((entry) => entry.path.join('.') === 'exp_manager.checkpoint_callback_params.model_parallel_size');
    assert.equal(parallel?.value, 2);
    // ??? is a value the command line must give.
    const tokenizer = document.entries.find((entry) => entry.path.join('.') === 'model.tokenizer.model');
    assert.equal(tokenizer?.value, null);
    assert.match(tokenizer?.unresolved ?? '', /\?\?\?/);
  });

  test('GPT-126M: ${multiply:4, ${.hidden_size}}, ??? and an environment resolver', () => {
    const { text, shape } = readFixture('nemo/gpt-126m.yaml');
    // Two literals make the value (4 and 768): the expression itself is what to edit.
    assertField(text, shape.ffnHiddenSize, { value: 3072, origin: 'file', literal: '${multiply:4, ${.hidden_size}}' });
    assertField(text, shape.seqLength, { value: null, origin: 'unresolved', literal: '???' });
    assertField(text, shape.numKvHeads, { value: null, origin: 'unresolved', usedAt: '${oc.env:KV_GROUPS}' });
  });

  test('detection: a model: section with NeMo keys', () => {
    assert.ok(nemoReader.detect('c.yaml', 'trainer:\n  devices: 1\nmodel:\n  encoder_seq_length: 2048\n  num_layers: 2\n  hidden_size: 64\n  tensor_model_parallel_size: 1\n') >= 0.8);
    assert.ok(nemoReader.detect('c.yaml', 'model:\n  name: resnet\n  lr: 0.1\n') < 0.5);
  });
});

suite('nemo reader: named tokenizer', () => {
  test('megatron_gpt_config.yaml: tokenizer library megatron, type GPT2BPETokenizer means 50257 tokens, padded to 50304', () => {
    const { text, shape } = readFixture('nemo/megatron-gpt-config.yaml');
    assertField(text, shape.vocabSize, { value: 50257, origin: 'catalogue', literal: "'GPT2BPETokenizer'" });
    assert.match(shape.vocabSize.note ?? '', /GPT-2's BPE vocabulary/);
    assertField(text, shape.paddedVocabSize, { value: 50304, origin: 'derived' });
  });
});

suite('nemo reader: the launch of a NeMo Framework Launcher config', () => {
  test('mistral_nemo_12b.yaml: data.seq_length (2048) is the trained length, not encoder_seq_length (1024000); mcore_distributed_optim shards the optimizer', () => {
    const { text, shape } = readFixture('nemo/mistral-nemo-12b.yaml');
    assertField(text, shape.seqLength, { value: 2048, origin: 'file', literal: '2048', key: 'seq_length' });
    assert.match(shape.seqLength.note ?? '', /model\.data\.seq_length: the dataset's sequence length.*megatron_gpt_model\.py.*encoder_seq_length 1024000 only sizes the position embeddings/);
    assertField(text, shape.sharding, { value: 'distributed-optimizer', origin: 'file', literal: 'mcore_distributed_optim' });
  });

  test('the run fits its 128 H100s once both are read (it was 763 GiB per GPU on a 1024000-token sequence without the distributed optimizer)', () => {
    const { text } = readFixture('nemo/mistral-nemo-12b.yaml');
    const { run } = check(text, 'mistral_nemo_12b.yaml', { gpu: 'h100-sxm' });
    assert.ok(run);
    assert.ok(run.memory.fits, `${(run.memory.peakBytesPerGpu / GIB).toFixed(1)} GiB`);
    assert.ok(run.memory.peakBytesPerGpu < 40 * GIB);
  });

  test('optim.name fused_adam keeps every optimizer state on every rank', () => {
    const yaml = 'trainer:\n  devices: 8\nmodel:\n  encoder_seq_length: 2048\n  num_layers: 2\n  hidden_size: 64\n  num_attention_heads: 4\n  tensor_model_parallel_size: 1\n  optim:\n    name: fused_adam\n';
    assert.equal(nemoReader.read(nemoReader.parse(yaml)).sharding.value, 'none');
  });
});
