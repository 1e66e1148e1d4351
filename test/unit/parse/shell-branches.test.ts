import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/pipeline/check';
import { parseShell } from '../../../server/src/core/parse/shell';
import { byRule, spanOf } from '../rules/shape-builder';

const valueOf = (text: string, flag: string) => {
  const entry = parseShell(text).entries.find((candidate) => candidate.path[0] === flag);
  return { value: entry?.value, unresolved: entry?.unresolved };
};

// bigscience Megatron-DeepSpeed run_bf16.sh picks its shape on DEBUG_MODE: 512 or 1024.
const DEBUG_OR_REAL = `#!/bin/bash
if [[ $DEBUG_MODE == 1 ]]; then
        HIDDEN=512
else
        HIDDEN=1024
fi
HEADS=32
torchrun pretrain_gpt.py --hidden-size $HIDDEN --num-attention-heads $HEADS --num-layers 24
`;

suite('shell: values that depend on a branch are unknown, never guessed', () => {
  test('a variable assigned differently in if/else', () => {
    assert.deepEqual(valueOf(DEBUG_OR_REAL, '--hidden-size'), { value: null, unresolved: '$HIDDEN is 512 or 1024 depending on a branch of the script' });
    assert.deepEqual(valueOf(DEBUG_OR_REAL, '--num-attention-heads'), { value: '32', unresolved: undefined });
  });

  test('a default set only when unset is its value (as ${X:-default})', () => {
    const text = 'if [ -z "$HIDDEN" ]; then HIDDEN=4096; fi\npython train.py --hidden-size $HIDDEN\n';
    assert.deepEqual(valueOf(text, '--hidden-size'), { value: '4096', unresolved: undefined });
  });

  test('straight-line reassignment: the last value wins; one branch overriding it is ambiguous', () => {
    assert.equal(valueOf('H=4096\nH=5120\npython t.py --hidden-size $H\n', '--hidden-size').value, '5120');
    assert.equal(valueOf('H=4096\nif [ "$BIG" ]; then\n  H=8192\nfi\npython t.py --hidden-size $H\n', '--hidden-size').value, null);
    // A later unconditional assignment settles it again.
    assert.equal(valueOf('if [ "$BIG" ]; then H=8192; fi\nH=4096\npython t.py --hidden-size $H\n', '--hidden-size').value, '4096');
  });

  test('a flag written with different values in case branches', () => {
    const text = 'case "$SIZE" in\n  small) ARGS="--hidden-size 2048" ;;\n  *) ARGS="--hidden-size 4096" ;;\nesac\n';
    assert.deepEqual(valueOf(text, '--hidden-size'), { value: null, unresolved: '--hidden-size is 2048 or 4096 depending on a branch of the script' });
  });

  test('a launch inside an if is read as usual when nothing else competes', () => {
    const text = 'if [ -n "$SLURM_JOB_ID" ]; then\n  srun python pretrain_gpt.py --hidden-size 2560 --num-attention-heads 32\nfi\n';
    assert.equal(valueOf(text, '--hidden-size').value, '2560');
  });

  test('unresolved-value reports it where it is used, and the rules that need it stay silent', () => {
    const findings = check(DEBUG_OR_REAL, 'run.sh').findings;
    const [note, ...rest] = byRule(findings, 'unresolved-value');
    assert.equal(rest.length, 0);
    assert.equal(note.severity, 'information');
    assert.deepEqual(note.span, spanOf(DEBUG_OR_REAL, '$HIDDEN'));
    assert.match(note.message, /^--hidden-size: \$HIDDEN is 512 or 1024 depending on a branch of the script, so shapelint does not check the hidden size\.$/);
    assert.deepEqual(byRule(findings, 'head-dim'), []);
  });

  test('a key set to null means the default and is not reported', () => {
    const text = 'language_model:\n  hidden_size: 4096\n  num_attention_heads: 32\n  num_layers: 32\nvocab_size: null\n';
    assert.deepEqual(byRule(check(text, 'gpt_config.yaml', { format: 'megatron' }).findings, 'unresolved-value'), []);
  });
});
