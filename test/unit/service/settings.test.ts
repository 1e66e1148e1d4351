import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { resolveProfilePath } from '../../../server/src/lsp/profiles';
import { compileGlob } from '../../../server/src/lsp/glob';
import { associatedFormat, checkOptions, normalizeSettings, settingsProblems } from '../../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/protocol';

suite('settings', () => {
  test('junk falls back to defaults, field by field', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const settings = normalizeSettings({
      gpu: 'a100',
      dtype: 'int4',
      microBatchSize: -1,
      sequenceLength: 4096,
      tensorParallelSize: 2.5,
      rules: { 'head-dim': 'off', 'vocab-size': 'loud' },
      inlayHints: { enabled: 'no' },
      associations: { '*.cfg': 'neox', '*.txt': 'word' },
    });
    assert.equal(settings.gpu, 'a100');
    assert.equal(settings.dtype, 'bf16');
    assert.equal(settings.microBatchSize, DEFAULT_SETTINGS.microBatchSize);
    assert.equal(settings.sequenceLength, 4096);
    assert.equal(settings.tensorParallelSize, 1);
    assert.deepEqual(settings.rules, { 'head-dim': 'off' });
    assert.equal(settings.inlayHints.enabled, true);
    assert.deepEqual(settings.associations, { '*.cfg': 'neox' });
  });

  test('check options carry the settings and the associated format', () => {
    const settings = normalizeSettings({ gpu: 'h200', rules: { 'ffn-size': 'error' } });
    assert.deepEqual(checkOptions(settings, 'megatron'), {
      format: 'megatron',
      gpu: 'h200',
      dtype: 'bf16',
      microBatchSize: DEFAULT_SETTINGS.microBatchSize,
      sequenceLength: DEFAULT_SETTINGS.sequenceLength,
      tensorParallelSize: 1,
      rules: { 'ffn-size': 'error' },
    });
  });

  test('attention, dropout and recompute force a launch choice only when set; junk forces nothing', () => {
    const forced = normalizeSettings({ attention: 'unfused', dropout: 0.1, recompute: 'selective' });
    assert.deepEqual([forced.attention, forced.dropout, forced.recompute], ['unfused', 0.1, 'selective']);
    const options = checkOptions(forced, undefined);
    assert.deepEqual([options.attention, options.dropout, options.recompute], ['unfused', 0.1, 'selective']);
    const junk = normalizeSettings({ attention: 'fast', dropout: 1.5, recompute: 'always' });
    assert.deepEqual([junk.attention, junk.dropout, junk.recompute], ['auto', null, 'auto']);
    const none = checkOptions(junk, undefined);
    assert.ok(!('attention' in none) && !('dropout' in none) && !('recompute' in none));
  });

  test('gpus, gpusPerNode and pipelineParallelSize fill in the run where the file is silent, and say so; junk fills in nothing and is reported once', () => {
    // GPT-3 2.7B as a Hugging Face config.json (the LSP fixture): 32 layers, silent on the launch.
    const config = readFileSync(join(__dirname, '..', '..', 'fixtures', 'lsp', 'config.json'), 'utf8');
    const settings = normalizeSettings({ gpus: 64, gpusPerNode: 4, pipelineParallelSize: 4 });
    const options = checkOptions(settings, undefined);
    assert.deepEqual(options.launchDefaults, { gpus: 64, gpusPerNode: 4, pipelineParallel: 4 });
    assert.ok(!('launch' in options), 'no setting forces the file');
    const silent = check(config, 'config.json', checkOptions(normalizeSettings({}), undefined));
    const filled = check(config, 'config.json', options);
    assert.ok(silent.launch && silent.run && filled.launch && filled.run);
    assert.deepEqual([silent.launch.gpus.value, silent.launch.pipelineParallel.value], [8, 1]);
    assert.match(silent.launch.gpus.note ?? '', /^not in the file: shapelint's default 8, one node \(--gpus, shapelint\.gpus\)$/);
    assert.deepEqual(
      [filled.launch.gpus, filled.launch.gpusPerNode.value, filled.launch.pipelineParallel.note],
      [{ value: 64, origin: 'setting', note: 'not in the file: set by shapelint.gpus' }, 4, 'not in the file: set by shapelint.pipelineParallelSize'],
    );
    // Four stages hold 8 of the 32 layers each: a quarter of the weights per GPU.
    assert.equal(filled.run.layout.layersPerStage, 8);
    assert.ok(filled.run.memory.terms.weights!.value < 0.3 * silent.run.memory.terms.weights!.value);
    const junk = { gpus: 0, gpusPerNode: 2.5, pipelineParallelSize: 'four' };
    const normalized = normalizeSettings(junk);
    assert.deepEqual([normalized.gpus, normalized.gpusPerNode, normalized.pipelineParallelSize], [null, null, null]);
    assert.ok(!('launchDefaults' in checkOptions(normalized, undefined)));
    assert.deepEqual(settingsProblems(junk), [
      "shapelint.gpus: 0 is not a positive whole number; the file's value (else shapelint's default) is used.",
      "shapelint.gpusPerNode: 2.5 is not a positive whole number; the file's value (else shapelint's default) is used.",
      'shapelint.pipelineParallelSize: "four" is not a positive whole number; the file\'s value (else shapelint\'s default) is used.',
    ]);
    assert.deepEqual(settingsProblems({ gpus: null, pipelineParallelSize: 2 }), []);
  });

  test('the file wins over every size setting alike (TP, micro-batch, sequence, GPUs, GPUs per node, PP); the origin is the file\'s', () => {
    const script = [
      '#!/bin/bash',
      'torchrun --nproc-per-node 8 --nnodes 2 pretrain_gpt.py --num-layers 32 --hidden-size 2560 --num-attention-heads 32 \\',
      '  --seq-length 2048 --micro-batch-size 4 --tensor-model-parallel-size 2 --pipeline-model-parallel-size 2',
      '',
    ].join('\n');
    const settings = normalizeSettings({ tensorParallelSize: 4, microBatchSize: 8, sequenceLength: 4096, gpus: 64, gpusPerNode: 4, pipelineParallelSize: 4 });
    const { launch, run } = check(script, 'pretrain.sh', checkOptions(settings, undefined));
    assert.ok(launch && run);
    const read = (name: 'tensorParallel' | 'microBatchSize' | 'seqLength' | 'gpus' | 'gpusPerNode' | 'pipelineParallel') => [launch[name].value, launch[name].origin];
    assert.deepEqual(
      [read('tensorParallel'), read('microBatchSize'), read('seqLength'), read('gpus'), read('gpusPerNode'), read('pipelineParallel')],
      [[2, 'file'], [4, 'file'], [2048, 'file'], [16, 'derived'], [8, 'file'], [2, 'file']],
    );
    assert.deepEqual(run.layout, { dataParallel: 4, microBatches: 1, expertDataParallel: 4, layersPerStage: 16 });
  });

  test('associations: a name pattern matches the file name, a path pattern the path', () => {
    const associations = { '*.launch': 'megatron', 'configs/**/*.yaml': 'nemo', '**/exp/{a,b}.txt': 'neox' } as const;
    assert.equal(associatedFormat(associations, '/repo/run/train.launch'), 'megatron');
    assert.equal(associatedFormat(associations, '/repo/configs/big/model.yaml'), 'nemo');
    assert.equal(associatedFormat(associations, 'C:\\repo\\exp\\b.txt'), 'neox');
    assert.equal(associatedFormat(associations, '/repo/other/model.yaml'), undefined);
    assert.equal(associatedFormat(associations, '/repo/exp/c.txt'), undefined);
  });

  test('globs: * stays within a folder, ** crosses folders', () => {
    assert.ok(compileGlob('*.yml').test('a.yml'));
    assert.ok(!compileGlob('src/*.yml').test('src/deep/a.yml'));
    assert.ok(compileGlob('src/**/*.yml').test('src/a.yml'));
    assert.ok(compileGlob('src/**/*.yml').test('src/deep/er/a.yml'));
    assert.ok(!compileGlob('a?c').test('a/c'));
  });

  test('a relative profile path starts at the workspace folder holding the document', () => {
    assert.equal(resolveProfilePath('profiles/h100.json', '/ws/configs/a.yml', ['/other', '/ws']), '/ws/profiles/h100.json');
    assert.equal(resolveProfilePath('${workspaceFolder}/p.json', '/ws/a.yml', ['/ws']), '/ws/p.json');
    assert.equal(resolveProfilePath('p.json', '/elsewhere/a.yml', ['/ws']), '/elsewhere/p.json');
    assert.equal(resolveProfilePath('/abs/p.json', '/ws/a.yml', ['/ws']), '/abs/p.json');
  });
});
