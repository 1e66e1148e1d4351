import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { layerActivations } from '../../../server/src/core/perf/run';
import { assertField, readFixture } from './fixture';

const H100 = { gpu: 'h100-sxm', launch: { gpus: 8 } };

suite("torchtitan [activation_checkpoint] selective_ac_option: the per-op policy, or every Nth layer checkpointed whole", () => {
  test('debug_model.toml: selective_ac_option \'2\' checkpoints 3 of its 6 layers whole, the file saying so in the recompute note', () => {
    const { text, reader, shape } = readFixture('torchtitan/debug_model.toml');
    assert.equal(reader.id, 'torchtitan');
    assertField(text, shape.selectiveRecompute!, { value: { kind: 'layers', every: 2 }, origin: 'file', key: 'selective_ac_option', literal: "'2'" });
    assertField(text, shape.recompute, { value: 'selective', origin: 'file', literal: '"selective"' });
    assert.match(shape.recompute.note ?? '', /selective_ac_option "2": every 2nd block checkpointed whole, .*_apply_layer_sac @ 01db32e9/);
  });

  test('every N layers: k = ⌊L/N⌋ layers keep only their input, the others everything; their forward runs again', () => {
    const { text } = readFixture('torchtitan/debug_model.toml');
    const every2 = check(text, 'debug_model.toml', H100);
    const full = check(text.replace('mode = "selective"', 'mode = "full"'), 'debug_model.toml', H100);
    assert.ok(every2.run && every2.spec && full.run);
    const layer = layerActivations(every2.spec, { contextParallel: 1, sequenceParallel: false });
    // 6 layers, every 2nd checkpointed: 3 × input + 3 × (stored + attention core), one micro-batch in flight.
    assert.equal(every2.run.memory.terms.activations!.value, 3 * layer.input + 3 * (layer.stored + layer.attentionCore));
    assert.match(every2.run.memory.terms.activations!.formula, /every 2 layers: 3 checkpointed layers × .* \+ 3 layers ×/);
    // Three of the six layers' forward again: half of what full recomputation repeats.
    assert.equal(every2.run.time.recompute!.value / full.run.time.recompute!.value, 0.5);
    assert.match(every2.run.time.recompute!.formula, /3 of 6 layers checkpointed whole/);
  });

  test('"op" is the per-op policy; "1" and "0" checkpoint every layer, as full recomputation does; another value is not used, saying why', () => {
    const { text } = readFixture('torchtitan/debug_model.toml');
    const option = (value: string) => check(text.replace("selective_ac_option = '2'", `selective_ac_option = '${value}'`), 'debug_model.toml', H100);
    const op = option('op');
    assert.deepEqual(op.shape?.selectiveRecompute?.value, { kind: 'per-op' });
    assert.match(op.run!.memory.terms.activations!.formula, /torchtitan per-op selective recomputation/);
    const full = check(text.replace('mode = "selective"', 'mode = "full"'), 'debug_model.toml', H100).run!;
    for (const every of ['1', '0']) {
      const run = option(every).run!;
      assert.equal(run.memory.terms.activations!.value, full.memory.terms.activations!.value, every);
      assert.equal(run.time.recompute!.value, full.time.recompute!.value, every);
    }
    const bad = option('half');
    assert.deepEqual([bad.shape?.recompute.value, bad.shape?.recompute.origin], [null, 'unknown']);
    assert.match(bad.launch?.recompute.note ?? '', /^selective_ac_option "half" is neither "op" nor a whole number: torchtitan raises ValueError .*: shapelint's default none/);
  });

  test('a file without selective_ac_option takes torchtitan\'s default "2", stated as the default', () => {
    const { text } = readFixture('torchtitan/debug_model.toml');
    const { shape } = check(text.replace("selective_ac_option = '2'", ''), 'debug_model.toml', H100);
    assert.deepEqual([shape?.selectiveRecompute?.value, shape?.selectiveRecompute?.origin], [{ kind: 'layers', every: 2 }, 'default']);
    assert.match(shape?.recompute.note ?? '', /default \[activation_checkpoint\] selective_ac_option "2" \(pytorch\/torchtitan torchtitan\/config\/job_config\.py ActivationCheckpoint @ 6404b932\)/);
  });
});

suite('torchtitan [compile] enable and components (older: [training] compile): the loss\'s is modelled, the blocks\' is not', () => {
  test('debug_model.toml: [compile] enable=false, shown as an assumption with its origin', () => {
    const { text } = readFixture('torchtitan/debug_model.toml');
    const { launch } = check(text, 'debug_model.toml', H100);
    assertField(text, launch!.compile, { value: 'none', origin: 'file', key: 'enable', literal: 'false' });
  });

  test('enable=true with components ["model", "loss"]: the loss keeps 4 B per logit, not 12; ["model"] alone leaves the loss eager', () => {
    const { text } = readFixture('torchtitan/debug_model.toml');
    const eager = check(text, 'debug_model.toml', H100).run!;
    const compiled = check(text.replace('enable=false', 'enable=true'), 'debug_model.toml', H100);
    assertField(text, compiled.launch!.compile, { value: 'model and loss', origin: 'file', key: 'enable' });
    assert.match(compiled.launch!.compile.note ?? '', /components \["model", "loss"\] .*_maybe_compile @ 00a388d9.*fusion of element-wise work is not modelled/);
    const sb = 2048 * 8;
    const finalNorm = 4 * sb * 256;
    assert.equal(eager.memory.terms.lossLogits!.value, 12 * sb * 2048 + finalNorm);
    assert.equal(compiled.run!.memory.terms.lossLogits!.value, 4 * sb * 2048 + finalNorm);
    // The blocks' compile changes no term: everything but the loss is the same.
    assert.equal(compiled.run!.time.compute!.value, eager.time.compute!.value);
    const modelOnly = check(text.replace('enable=false', 'enable=true').replace('components = ["model", "loss"]', 'components = ["model"]'), 'debug_model.toml', H100);
    assert.equal(modelOnly.launch!.compile.value, 'model');
    assert.equal(modelOnly.run!.memory.terms.lossLogits!.value, eager.memory.terms.lossLogits!.value);
  });

  test('components = [] (debug_model_compile_nothing.toml): nothing compiled, not the default ["model", "loss"]; the loss keeps 12 B per logit', () => {
    const { text } = readFixture('torchtitan/debug_model_compile_nothing.toml');
    const nothing = check(text, 'debug_model.toml', H100);
    assertField(text, nothing.launch!.compile, { value: 'none', origin: 'file', key: 'enable', literal: 'true' });
    assert.match(nothing.launch!.compile.note ?? '', /components \[\] /);
    const sb = 2048 * 8;
    assert.equal(nothing.run!.memory.terms.lossLogits!.value, 12 * sb * 2048 + 4 * sb * 256);
    // Without the key, torchtitan's default compiles both.
    const silent = check(text.replace('components = []\n', ''), 'debug_model.toml', H100).launch!.compile;
    assert.equal(silent.value, 'model and loss');
    assert.match(silent.note ?? '', /components not written, so \["model", "loss"\]/);
  });

  test('the older [training] compile (llama3_8b.toml @ f3534d77) compiled the blocks and the loss; no key is torchtitan\'s default, off', () => {
    const { text } = readFixture('torchtitan/llama3_8b.toml');
    assertField(text, check(text, 'llama3_8b.toml', H100).launch!.compile, { value: 'none', origin: 'file', key: 'compile', literal: 'false' });
    const on = check(text.replace('compile = false', 'compile = true'), 'llama3_8b.toml', H100).launch!.compile;
    assert.deepEqual([on.value, on.origin], ['model and loss', 'file']);
    const silent = check(text.replace('compile = false\n', ''), 'llama3_8b.toml', H100).launch!.compile;
    assert.deepEqual([silent.value, silent.origin], ['none', 'default']);
  });

  test('a format whose reader does not read torch.compile: unknown, counted as not compiled, and it says so', () => {
    const { launch } = check('{"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "num_hidden_layers": 32, "intermediate_size": 11008, "vocab_size": 32000}', 'config.json');
    assert.deepEqual([launch!.compile.value, launch!.compile.origin], [null, 'unknown']);
    assert.match(launch!.compile.note ?? '', /not read: counted as not compiled/);
  });
});
