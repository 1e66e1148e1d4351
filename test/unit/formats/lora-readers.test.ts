import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { readFixture, readText } from './fixture';

const ALL_LINEAR = ['query', 'key', 'value', 'projection', 'mlpGate', 'mlpUp', 'mlpDown'];

suite('axolotl adapter: adapter, lora_r, lora_target_modules / lora_target_linear, lora_dropout, load_in_4bit / load_in_8bit', () => {
  test('examples/llama-3/lora-8b.yml: LoRA r 32 on every linear over an 8-bit base, adapter in fp32, dropout 0.05', () => {
    const { shape } = readFixture('axolotl/llama-3-lora-8b.yml');
    const { note, ...adapter } = shape.adapter!;
    assert.deepEqual(adapter, { kind: 'lora', baseWeights: 'int8', rank: 32, targets: ALL_LINEAR, adapterState: 'fp32', dropout: true });
    assert.match(note, /lora_r 32; lora_target_linear: every linear layer but lm_head/);
    assert.equal(shape.memoryNotModelled, undefined);
  });

  test('examples/llama-3/qlora-fsdp-70b.yaml: QLoRA r 8, NF4 with double quantization', () => {
    const { shape } = readFixture('axolotl/qlora-fsdp-70b.yaml');
    assert.deepEqual([shape.adapter?.kind, shape.adapter?.baseWeights, shape.adapter?.rank], ['qlora', 'nf4-dq', 8]);
  });

  test('lora_target_modules by PEFT name; a fused query_key_value wraps all three; lm_head the head', () => {
    const { text } = readFixture('axolotl/llama-3-lora-8b.yml');
    const listed = text.replace('lora_target_linear: true', 'lora_target_modules:\n  - query_key_value\n  - down_proj\n  - lm_head');
    assert.deepEqual(readText('lora.yml', listed).adapter?.targets, ['query', 'key', 'value', 'mlpDown', 'head']);
  });

  test('no targets, no rank, no dropout: PEFT\'s defaults, r 8 on q_proj and v_proj, no dropout; a 16-bit base', () => {
    const { text } = readFixture('axolotl/llama-3-lora-8b.yml');
    const bare = text.replace('lora_target_linear: true\n', '').replace('lora_r: 32\n', '').replace('lora_dropout: 0.05\n', '').replace('load_in_8bit: true', 'load_in_8bit: false');
    const { note, ...adapter } = readText('lora.yml', bare).adapter!;
    assert.deepEqual(adapter, { kind: 'lora', baseWeights: 'bf16', rank: 8, targets: ['query', 'value'], adapterState: 'fp32', dropout: false });
    assert.match(note, /PEFT LoraConfig default r 8/);
    assert.match(note, /TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING/);
  });

  test('what cannot be sized keeps the memory rule silent and says why: an unknown module, a regex, another adapter, a quantized base alone', () => {
    const { text } = readFixture('axolotl/llama-3-lora-8b.yml');
    const unknown = readText('lora.yml', text.replace('lora_target_linear: true', 'lora_target_modules:\n  - mixer'));
    assert.equal(unknown.adapter, undefined);
    assert.match(unknown.memoryNotModelled ?? '', /^adapter lora, load_in_8bit: lora_target_modules mixer: not a linear the run model knows/);
    assert.match(unknown.sharding.note ?? '', /not modelled for this adapter/);
    const pattern = readText('lora.yml', text.replace('lora_target_linear: true', 'lora_target_modules: ".*proj"'));
    assert.match(pattern.memoryNotModelled ?? '', /lora_target_modules \.\*proj is a pattern/);
    assert.match(readText('lora.yml', text.replace('adapter: lora', 'adapter: llama-adapter')).memoryNotModelled ?? '', /only LoRA and QLoRA adapters are modelled/);
    assert.match(readText('lora.yml', text.replace('adapter: lora\n', '')).memoryNotModelled ?? '', /^load_in_8bit: full fine-tune memory not modelled for a quantized base/);
  });

  test('the run model uses it: Llama 3 8B LoRA on one L4 is sized by its adapter, not as a full fine-tune', () => {
    const { text } = readFixture('axolotl/llama-3-lora-8b.yml');
    const result = check(text, 'lora-8b.yml', { gpu: 'l4', launch: { gpus: 1 } });
    assert.ok(result.run);
    assert.match(result.run.memory.terms.optimizerStates!.formula, /adapter parameters \(rank 32 on query, key, value, projection, mlpGate, mlpUp, mlpDown\) × 8 B/);
    assert.match(result.run.memory.terms.weights!.formula, /× 1 B \(int8\)/);
  });

  test('a LoRA run that does not fit gets the memory warning; its remedies leave out sharding the tiny adapter state', () => {
    const { text } = readFixture('axolotl/llama-3-lora-8b.yml');
    // sequence_len 4096 at micro-batch 2 without gradient checkpointing: ≈ 80 GiB of activations on a 24 GB L4.
    const result = check(text.replace('gradient_checkpointing: true', 'gradient_checkpointing: false'), 'lora-8b.yml', { gpu: 'l4', launch: { gpus: 1 } });
    const [finding] = result.findings.filter((entry) => entry.ruleId === 'memory');
    assert.ok(finding, 'a memory warning');
    assert.match(finding.message, /weights, gradients and optimizer states 8\.7 GiB/);
    // Axolotl runs transformers' gradient checkpointing, which recomputes whole layers.
    assert.match(finding.message, /Full recomputation \(gradient_checkpointing: true\)/);
    assert.doesNotMatch(finding.message, /distributed optimizer|ZeRO/);
  });
});

suite('litgpt adapter: lora_r, the lora_* switches, quantize, precision (litgpt/finetune/lora.py @ 01fe959c)', () => {
  test('finetune/mistral-7b/qlora.yaml: QLoRA r 32 on query and value, NF4 without double quantization, everything else in bf16 (bf16-true)', () => {
    const { shape } = readFixture('litgpt/mistral-7b-qlora.yaml');
    const { note, ...adapter } = shape.adapter!;
    assert.deepEqual(adapter, { kind: 'qlora', baseWeights: 'nf4', rank: 32, targets: ['query', 'value'], adapterState: 'bf16', dropout: true });
    assert.match(note, /quantize bnb\.nf4/);
    assert.equal(shape.memoryNotModelled, undefined);
    assert.doesNotMatch(shape.sharding.note ?? '', /not modelled/);
  });

  test('switches and quantize modes: lora_mlp wraps gate, up and down; nf4-dq; int8-training is LoRA over an int8 base', () => {
    const { text } = readFixture('litgpt/mistral-7b-qlora.yaml');
    const switched = readText('qlora.yaml', text.replace('lora_mlp: false', 'lora_mlp: true').replace('lora_head: false', 'lora_head: true').replace('bnb.nf4', 'bnb.nf4-dq'));
    assert.deepEqual(switched.adapter?.targets, ['query', 'value', 'mlpGate', 'mlpUp', 'mlpDown', 'head']);
    assert.equal(switched.adapter?.baseWeights, 'nf4-dq');
    const int8 = readText('qlora.yaml', text.replace('bnb.nf4', 'bnb.int8-training'));
    assert.deepEqual([int8.adapter?.kind, int8.adapter?.baseWeights], ['lora', 'int8']);
  });

  test('no quantize: bf16-true keeps a 16-bit base and a bf16 adapter state; bf16-mixed keeps fp32 parameters; defaults fill missing switches', () => {
    const { text } = readFixture('litgpt/mistral-7b-qlora.yaml');
    const plain = text.replace('quantize: bnb.nf4\n', '');
    assert.deepEqual([readText('lora.yaml', plain).adapter?.baseWeights, readText('lora.yaml', plain).adapter?.adapterState], ['bf16', 'bf16']);
    const mixed = readText('lora.yaml', plain.replace('bf16-true', 'bf16-mixed').replace('lora_value: true\n', '').replace('lora_dropout: 0.05\n', ''));
    assert.deepEqual([mixed.adapter?.baseWeights, mixed.adapter?.adapterState, mixed.adapter?.targets, mixed.adapter?.dropout], ['fp32', 'fp32', ['query', 'value'], true]);
  });

  test('a quantize mode the run model does not know keeps the memory rule silent and says why', () => {
    const { text } = readFixture('litgpt/mistral-7b-qlora.yaml');
    const shape = readText('qlora.yaml', text.replace('bnb.nf4', 'gptq'));
    assert.equal(shape.adapter, undefined);
    assert.match(shape.memoryNotModelled ?? '', /quantize gptq, which the run model does not size/);
  });
});
