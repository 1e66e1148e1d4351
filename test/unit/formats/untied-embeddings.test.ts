import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { doHover } from '../../../server/src/core/features/hover';
import { launchAssumptions } from '../../../server/src/core/perf/assumptions';
import { RUN_CONSTANTS } from '../../../server/src/core/perf/run/constants';
import type { FieldOrigin, ShapeField } from '../../../server/src/core/model/shape';
import { readText } from './fixture';

/**
 * Tied or untied embeddings, read from every format that says or whose framework defaults it. The
 * texts keep the keys of the real files they stand for: meta-llama/Meta-Llama-3-8B config.json,
 * Megatron-LM examples/llama/train_llama3_8b_h100_fp8.sh, NeMo megatron_gpt_config.yaml, Pythia's
 * GPT-NeoX configs (EleutherAI/pythia models/*.yml: no-weight-tying: true), torchtitan
 * torchtitan/models/llama3/train_configs/llama3_8b.toml, MaxText configs/models/*.yml and nanotron
 * examples/config_tiny_llama.yaml.
 */
const LLAMA3_8B_HF = (extra = '') =>
  `{"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 128256${extra}}`;

function assertUntied(field: ShapeField<boolean> | undefined, value: boolean | null, origin: FieldOrigin, note?: RegExp): void {
  assert.ok(field, 'untiedEmbeddings is read');
  assert.deepEqual([field.value, field.origin], [value, origin]);
  if (note) assert.match(field.note ?? '', note);
}

suite('untied embeddings: from the file, else the framework or model class default, with its source', () => {
  test('HF: tie_word_embeddings wins; else the model class default (LlamaConfig False, GemmaConfig True, GPT2Config none: PretrainedConfig True)', () => {
    assertUntied(readText('config.json', LLAMA3_8B_HF()).untiedEmbeddings, true, 'default', /LlamaConfig default tie_word_embeddings False .*configuration_llama\.py/);
    assertUntied(readText('config.json', LLAMA3_8B_HF(', "tie_word_embeddings": true')).untiedEmbeddings, false, 'file');
    const gemma = '{"model_type": "gemma", "hidden_size": 2048, "num_attention_heads": 8, "num_hidden_layers": 18, "vocab_size": 256000}';
    assertUntied(readText('config.json', gemma).untiedEmbeddings, false, 'default', /GemmaConfig default tie_word_embeddings True/);
    const gpt2 = '{"model_type": "gpt2", "n_embd": 2560, "n_head": 32, "n_layer": 32, "vocab_size": 50257}';
    assertUntied(readText('config.json', gpt2).untiedEmbeddings, false, 'default', /PretrainedConfig's default True/);
  });

  test('HF: a multimodal config takes its text model class (Gemma3TextConfig True under text_config)', () => {
    const text = '{"model_type": "gemma3", "text_config": {"model_type": "gemma3_text", "hidden_size": 5376, "num_attention_heads": 32, "num_hidden_layers": 62, "vocab_size": 262208}}';
    assertUntied(readText('config.json', text).untiedEmbeddings, false, 'default', /Gemma3TextConfig default tie_word_embeddings True/);
  });

  test("nanoGPT ties them in its model code (wte.weight = lm_head.weight)", () => {
    const train = "out_dir = 'out-shakespeare'\nn_layer = 12\nn_head = 12\nn_embd = 768\nblock_size = 1024\nbatch_size = 12\n";
    assertUntied(readText('train_gpt2.py', train).untiedEmbeddings, false, 'default', /nanoGPT's GPT ties them/);
  });

  test('HF: an unknown model_type is unknown, counted tied, and the launch says so', () => {
    const text = '{"model_type": "cohere", "hidden_size": 8192, "num_attention_heads": 64, "num_hidden_layers": 40, "vocab_size": 256000}';
    assertUntied(readText('config.json', text).untiedEmbeddings, null, 'unknown', /model_type cohere/);
    const { launch } = check(text, 'config.json');
    assert.ok(launch);
    assert.deepEqual([launch.untiedEmbeddings.value, launch.untiedEmbeddings.origin], [false, 'setting']);
    assert.match(launch.untiedEmbeddings.note ?? '', /model_type cohere.*counted tied, Megatron-LM's default.*--untied-embeddings/);
  });

  test('Megatron-LM: --untie-embeddings-and-output-weights, else tied', () => {
    const script = (flags: string) => `#!/bin/bash\ntorchrun pretrain_gpt.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --seq-length 8192 ${flags}\n`;
    assertUntied(readText('train.sh', script('--untie-embeddings-and-output-weights --swiglu')).untiedEmbeddings, true, 'file');
    assertUntied(readText('train.sh', script('--swiglu')).untiedEmbeddings, false, 'default', /--untie-embeddings-and-output-weights .*arguments\.py/);
  });

  test('NeMo share_embeddings_and_output_weights, GPT-NeoX no-weight-tying, each with its default', () => {
    const nemo = (extra: string) => `trainer:\n  devices: 8\nmodel:\n  micro_batch_size: 1\n  encoder_seq_length: 4096\n  num_layers: 32\n  hidden_size: 4096\n  num_attention_heads: 32\n  tensor_model_parallel_size: 1\n${extra}`;
    assertUntied(readText('megatron_gpt_config.yaml', nemo('  share_embeddings_and_output_weights: False\n')).untiedEmbeddings, true, 'file');
    assertUntied(readText('megatron_gpt_config.yaml', nemo('')).untiedEmbeddings, false, 'default', /share_embeddings_and_output_weights: True/);
    const neox = (extra: string) => `{\n  "num-layers": 32,\n  "hidden-size": 4096,\n  "num-attention-heads": 32,\n  "seq-length": 2048,\n  "pos-emb": "rotary",\n${extra}  "norm": "layernorm"\n}\n`;
    assertUntied(readText('pythia-6.9b.yml', neox('  "no-weight-tying": true,\n')).untiedEmbeddings, true, 'file');
    assertUntied(readText('pythia-6.9b.yml', neox('')).untiedEmbeddings, false, 'default', /no_weight_tying False/);
  });

  test("torchtitan's llama3 and LitGPT's GPT have their own output layer; other torchtitan models are unknown", () => {
    const toml = (name: string) => `[model]\nname = "${name}"\nflavor = "8B"\n\n[training]\nlocal_batch_size = 1\nseq_len = 8192\n`;
    assertUntied(readText('llama3_8b.toml', toml('llama3')).untiedEmbeddings, true, 'default', /llama3\/model\/model\.py/);
    assertUntied(readText('deepseek.toml', toml('deepseek_v3')).untiedEmbeddings, null, 'unknown');
    const litgpt = 'model_name: Llama-3-8B\nout_dir: out/pretrain\ntrain:\n  micro_batch_size: 1\n';
    assertUntied(readText('pretrain.yaml', litgpt).untiedEmbeddings, true, 'default', /lm_head .* litgpt\/model\.py/);
  });

  test("MaxText logits_via_embedding: the file's, the named model file's, base.yml's false", () => {
    const run = (model: string, extra = '') => `base_config: "base.yml"\nmodel_name: ${model}\nper_device_batch_size: 1\n${extra}`;
    assertUntied(readText('run.yml', run('llama3-8b')).untiedEmbeddings, true, 'catalogue', /logits_via_embedding false from model_name llama3-8b/);
    assertUntied(readText('run.yml', run('gemma3-4b')).untiedEmbeddings, false, 'catalogue', /logits_via_embedding true/);
    assertUntied(readText('run.yml', run('llama3-8b', 'logits_via_embedding: True\n')).untiedEmbeddings, false, 'file');
    assertUntied(readText('run.yml', run('mixtral-8x7b')).untiedEmbeddings, true, 'default', /base\.yml default false/);
  });

  test('nanotron: tie_word_embeddings, else LlamaConfig/Qwen2Config False', () => {
    const yaml = (extra: string) => `model:\n  model_config:\n    hidden_size: 2048\n    num_attention_heads: 32\n    num_hidden_layers: 24\n    vocab_size: 49152\n${extra}parallelism:\n  dp: 8\n  tp: 1\n  pp: 1\ntokens:\n  sequence_length: 2048\n  micro_batch_size: 4\n`;
    assertUntied(readText('config.yaml', yaml('')).untiedEmbeddings, true, 'default', /models_config\.py/);
    assertUntied(readText('config.yaml', yaml('    tie_word_embeddings: true\n')).untiedEmbeddings, false, 'file');
  });
});

suite('untied embeddings in the run: parameters and model state, not FLOPs', () => {
  test("Llama 3 8B untied holds V·h more parameters, 16 B each in Megatron's mixed-precision Adam; its compute is unchanged", () => {
    const options = { gpu: 'h100-sxm', launch: { gpus: 8 } };
    const untied = check(LLAMA3_8B_HF(), 'config.json', options).run;
    const tied = check(LLAMA3_8B_HF(', "tie_word_embeddings": true'), 'config.json', options).run;
    assert.ok(untied && tied);
    const extra = 128256 * 4096;
    const { weights, gradients, optimizer } = RUN_CONSTANTS.modelState.none.value;
    const term = (run: typeof tied, name: 'weights' | 'gradients' | 'optimizerStates') => run.memory.terms[name]?.value ?? 0;
    assert.equal(term(untied, 'weights') - term(tied, 'weights'), extra * weights);
    assert.equal(term(untied, 'gradients') - term(tied, 'gradients'), extra * gradients);
    assert.equal(term(untied, 'optimizerStates') - term(tied, 'optimizerStates'), extra * optimizer);
    assert.equal(untied.time.compute?.value, tied.time.compute?.value);
  });

  test('the hover on the switch says what it does and shows the run', () => {
    const text = LLAMA3_8B_HF(', "tie_word_embeddings": false');
    const hover = doHover(check(text, 'config.json', { launch: { gpus: 8 } }), text.indexOf('"tie_word_embeddings"') + 2)?.markdown ?? '';
    assert.match(hover, /^\*\*untied embeddings\*\* · `tie_word_embeddings` = true/);
    assert.match(hover, /the logits GEMM runs either way/);
    assert.match(hover, /Memory per GPU \(GiB\): weights [\d.]+/);
  });

  test('the assumption is shown with its source; --untied-embeddings forces it over the file', () => {
    const result = check(LLAMA3_8B_HF(', "tie_word_embeddings": true'), 'config.json', { launch: { untiedEmbeddings: true } });
    assert.ok(result.launch && result.spec);
    assert.deepEqual([result.launch.untiedEmbeddings.value, result.launch.untiedEmbeddings.origin], [true, 'setting']);
    const line = launchAssumptions(result.launch, result.options.gpu, result.spec.headDim).find((item) => item.name === 'untiedEmbeddings');
    assert.deepEqual([line?.label, line?.value, line?.source], ['untied embeddings', 'true', 'set by --untied-embeddings, over the file']);
  });
});
