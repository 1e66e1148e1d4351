import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { doHover } from '../../../server/src/core/features/hover';
import { launchAssumptions } from '../../../server/src/core/perf/assumptions';
import type { FieldOrigin, ShapeField } from '../../../server/src/core/model/shape';
import { readFixture, readText } from './fixture';

/**
 * Transformer Engine's tensor-parallel communication overlap, read from every format that has the
 * switch. The fixtures are the real files (NeMo-Framework-Launcher's Llama 2 70B config, NeMo's
 * megatron_gpt_config.yaml, the NeMo 2 llama3_70b recipe module); the texts keep the keys of the
 * real files they stand for: Megatron-LM's `--tp-comm-overlap` (megatron/training/arguments.py),
 * NeMo 2's `pretrain_recipe(performance_mode=...)` (nemo/collections/llm/recipes/llama3_70b.py) and
 * Megatron-Bridge's `cfg.comm_overlap` (src/megatron/bridge/recipes/llama/llama3_70b.py).
 */
function assertOverlap(field: ShapeField<boolean> | undefined, value: boolean | null, origin: FieldOrigin, note?: RegExp): void {
  assert.ok(field, 'tpCommOverlap is read');
  assert.deepEqual([field.value, field.origin], [value, origin]);
  if (note) assert.match(field.note ?? '', note);
}

const MEGATRON = (flags: string) =>
  `#!/bin/bash\ntorchrun --nproc-per-node 8 pretrain_gpt.py --num-layers 80 --hidden-size 8192 --num-attention-heads 64 --seq-length 4096 --micro-batch-size 1 --global-batch-size 64 --tensor-model-parallel-size 8 --bf16 ${flags}\n`;
const NEMO2 = (call: string, extra = '') => `import nemo_run as run\nfrom nemo.collections import llm\n\nrecipe = llm.llama3_70b.pretrain_recipe(${call})\n${extra}`;
const BRIDGE = (extra = '') => `from megatron.bridge.recipes.llama import llama3_70b_pretrain_config\ncfg = llama3_70b_pretrain_config(mock=True)\n${extra}`;

suite('tensor-parallel communication overlap: from the file, else the framework or recipe default, with its source', () => {
  test('Megatron-LM: --tp-comm-overlap, else off (store_true in arguments.py)', () => {
    assertOverlap(readText('train.sh', MEGATRON('--sequence-parallel --tp-comm-overlap')).tpCommOverlap, true, 'file');
    assertOverlap(readText('train.sh', MEGATRON('--sequence-parallel')).tpCommOverlap, false, 'default', /--tp-comm-overlap .*arguments\.py @ 307dcf37/);
  });

  test("NeMo: ub_tp_comm_overlap (the launcher's Llama 2 70B sets true, megatron_gpt_config.yaml False), else megatron_gpt_config.yaml's False", () => {
    const launcher = readFixture('nemo/launcher-llama2-70b.yaml');
    assert.equal(launcher.reader.id, 'nemo');
    assertOverlap(launcher.shape.tpCommOverlap, true, 'file');
    assert.equal(launcher.text.slice(launcher.shape.tpCommOverlap!.valueSpan!.offset, launcher.shape.tpCommOverlap!.valueSpan!.offset + 4), 'true');
    assertOverlap(readFixture('nemo/megatron-gpt-config.yaml').shape.tpCommOverlap, false, 'file');
    const silent = 'trainer:\n  devices: 8\nmodel:\n  micro_batch_size: 1\n  encoder_seq_length: 4096\n  num_layers: 32\n  hidden_size: 4096\n  num_attention_heads: 32\n  tensor_model_parallel_size: 2\n';
    assertOverlap(readText('megatron_gpt_config.yaml', silent).tpCommOverlap, false, 'default', /ub_tp_comm_overlap: False .*@ 8cfedd72/);
  });

  test("NeMo 2: the recipe's default, or its performance_mode's MegatronCommOverlapCallback; an assignment wins", () => {
    assertOverlap(readText('pretrain.py', NEMO2('num_nodes=8')).tpCommOverlap, false, 'default', /recipe llama3_70b default tp_comm_overlap False/);
    assertOverlap(readText('pretrain.py', NEMO2('num_nodes=8, performance_mode=True')).tpCommOverlap, true, 'file', /performance_mode=True: tp_comm_overlap True .*MegatronCommOverlapCallback/);
    assertOverlap(readText('pretrain.py', NEMO2('performance_mode=True', 'recipe.model.config.tp_comm_overlap = False\n')).tpCommOverlap, false, 'file');
    // The recipe module itself: its pretrain_recipe(performance_mode: bool = False).
    assertOverlap(readFixture('nemo2/llama3_70b.py').shape.tpCommOverlap, false, 'file', /performance_mode=False/);
  });

  test("Megatron-Bridge: the recipe's CommOverlapConfig (llama3_70b on, llama3_8b off), else cfg.comm_overlap.tp_comm_overlap", () => {
    assertOverlap(readText('train.py', BRIDGE()).tpCommOverlap, true, 'default', /CommOverlapConfig\(tp_comm_overlap=True\).*@ 3594df94/);
    assertOverlap(readText('train.py', BRIDGE('cfg.comm_overlap.tp_comm_overlap = False\n')).tpCommOverlap, false, 'file');
    assertOverlap(readFixture('nemo2/bridge-pretrain_llama3_8b.py').shape.tpCommOverlap, false, 'default', /tp_comm_overlap=False/);
  });

  test('a script that builds its own MegatronCommOverlapCallback or CommOverlapConfig is unknown: its arguments are not evaluated', () => {
    const callback = "recipe.trainer.callbacks.append(run.Config(MegatronCommOverlapCallback, tp_comm_overlap=True))\n";
    assertOverlap(readText('pretrain.py', NEMO2('performance_mode=False', callback)).tpCommOverlap, null, 'unknown', /builds its own MegatronCommOverlapCallback/);
    const bridge = 'from megatron.bridge.recipes.llama import llama3_70b_pretrain_config\nfrom megatron.bridge.training.comm_overlap import CommOverlapConfig\ncfg = llama3_70b_pretrain_config(comm_overlap_config=CommOverlapConfig(tp_comm_overlap=False))\n';
    assertOverlap(readText('train.py', bridge).tpCommOverlap, null, 'unknown', /builds its own CommOverlapConfig/);
  });

  test('a recipe the catalogue has not checked is unknown; the launch counts it not overlapped and says why', () => {
    const text = 'import nemo_run as run\nfrom nemo.collections import llm\n\nrecipe = llm.mixtral_8x7b.pretrain_recipe(num_nodes=8)\n';
    assertOverlap(readText('pretrain.py', text).tpCommOverlap, null, 'unknown', /mixtral_8x7b .*not in the recipe catalogue/);
    const { launch } = check(text, 'pretrain.py');
    assert.ok(launch);
    assert.deepEqual([launch.tpCommOverlap.value, launch.tpCommOverlap.origin], [false, 'setting']);
    assert.match(launch.tpCommOverlap.note ?? '', /not in the recipe catalogue; tensor-parallel communication counted not overlapped/);
  });
});

suite('tensor-parallel communication overlap in the run: step time', () => {
  const options = { gpu: 'h100-sxm', launch: {} };

  test("a Megatron script's --tp-comm-overlap shows in the run's time and assumptions; without sequence parallelism nothing is hidden", () => {
    const overlapped = check(MEGATRON('--sequence-parallel --tp-comm-overlap'), 'train.sh', options);
    const exposed = check(MEGATRON('--sequence-parallel'), 'train.sh', options);
    assert.ok(overlapped.run && exposed.run && overlapped.launch);
    assert.ok(Math.abs(overlapped.run.time.tensorParallel!.value - exposed.run.time.tensorParallel!.value / 16) < 1e-12);
    assert.match(overlapped.run.time.tensorParallel!.formula, /overlapped with the GEMMs/);
    const assumption = launchAssumptions(overlapped.launch, overlapped.options.gpu, 128).find((item) => item.name === 'tpCommOverlap');
    assert.deepEqual([assumption?.value, assumption?.origin, assumption?.source], ['true', 'file', '--tp-comm-overlap in the file']);
    const withoutSp = check(MEGATRON('--tp-comm-overlap'), 'train.sh', options);
    assert.match(withoutSp.run!.time.tensorParallel!.formula, /not overlapped \(the overlap needs sequence parallelism\)/);
  });

  test('the hover on the switch says what it does', () => {
    const text = MEGATRON('--sequence-parallel --tp-comm-overlap');
    const hover = doHover(check(text, 'train.sh', options), text.indexOf('--tp-comm-overlap') + 3);
    assert.ok(hover);
    assert.match(hover.markdown, /Transformer Engine userbuffers run the tensor-parallel all-gathers and reduce-scatters under the GEMMs/);
  });
});
