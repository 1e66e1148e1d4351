import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
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

  // Excerpt of alibaba/Pai-Megatron-Patch examples/llama3/run_pretrain_llama_70b.sh
  // (commit 33191bdd4017cab3d96d0627c248fae06e423768, Apache-2.0): only the A14B branch fills
  // moe_options, which every launch expands.
  const PAI_MOE = `MODEL_SIZE=$2
if [ $MODEL_SIZE = 70B ]; then
HIDDEN_SIZE=8192
moe_options=" \\
            "
elif [ $MODEL_SIZE = A14B ]; then
HIDDEN_SIZE=3584
NUM_EXPERTS=64
moe_options=" \\
            --moe-router-topk 8 \\
            --num-experts \${NUM_EXPERTS} \\
            --moe-ffn-hidden-size 2560"
fi
megatron_options="--num-layers 80 --swiglu"
if [ $FL = true ]; then
    flash_options="--use-flash-attn"
fi
torchrun pretrain.py --hidden-size \${HIDDEN_SIZE} \${megatron_options} \${flash_options} \${moe_options}
`;

  test('a flag held by a variable only one branch fills in is unknown, not taken as certain', () => {
    assert.deepEqual(valueOf(PAI_MOE, '--num-experts'), { value: null, unresolved: '--num-experts is set only in some branches of the script' });
    assert.deepEqual(valueOf(PAI_MOE, '--moe-ffn-hidden-size'), { value: null, unresolved: '--moe-ffn-hidden-size is set only in some branches of the script' });
    assert.deepEqual(valueOf(PAI_MOE, '--use-flash-attn'), { value: null, unresolved: '--use-flash-attn is set only in some branches of the script' });
    // What every launch has stays certain.
    assert.deepEqual(valueOf(PAI_MOE, '--num-layers'), { value: '80', unresolved: undefined });
    assert.deepEqual(valueOf(PAI_MOE, '--hidden-size'), { value: null, unresolved: '$HIDDEN_SIZE is 8192 or 3584 depending on a branch of the script' });
    const shape = check(PAI_MOE, 'run_pretrain_llama_70b.sh').shape;
    assert.equal(shape?.numExperts.value, null);
    assert.equal(shape?.ffnHiddenSize.value, null);
  });

  test('a variable set in only some branches is unknown where it is used', () => {
    const text = 'if [ "$BIG" ]; then\n  TP=8\nfi\npython t.py --tensor-model-parallel-size $TP\n';
    assert.deepEqual(valueOf(text, '--tensor-model-parallel-size'), { value: null, unresolved: '$TP is set only in some branches of the script' });
    // elif without else: some run takes neither branch.
    const chain = 'if [ $S = a ]; then H=1024; elif [ $S = b ]; then H=1024; fi\npython t.py --hidden-size $H\n';
    assert.deepEqual(valueOf(chain, '--hidden-size'), { value: null, unresolved: '$H is set only in some branches of the script' });
  });

  test('a value every branch sets alike is certain: if/else, case with *), appended option strings', () => {
    assert.equal(valueOf('if [ $A ]; then H=4096; else H=4096; fi\npython t.py --hidden-size $H\n', '--hidden-size').value, '4096');
    const text = 'case "$SIZE" in\n  small|tiny) OPTS="--num-layers 24 --hidden-size 1024" ;;\n  *) OPTS="--num-layers 24 --hidden-size 2048" ;;\nesac\npython t.py $OPTS\n';
    assert.deepEqual(valueOf(text, '--num-layers'), { value: '24', unresolved: undefined });
    assert.deepEqual(valueOf(text, '--hidden-size'), { value: null, unresolved: '--hidden-size is 1024 or 2048 depending on a branch of the script' });
    // microsoft/Megatron-DeepSpeed ds_pretrain_gpt_13B.sh: OPTS="$OPTS --x" in an if keeps what OPTS held.
    const appended = 'OPTS="--num-layers 40 --hidden-size 5120"\nif [ "$CKPT" = true ]; then\nOPTS="${OPTS} --checkpoint-activations"\nfi\ndeepspeed t.py $OPTS\n';
    assert.deepEqual(valueOf(appended, '--hidden-size'), { value: '5120', unresolved: undefined });
    assert.deepEqual(valueOf(appended, '--checkpoint-activations'), { value: null, unresolved: '--checkpoint-activations is set only in some branches of the script' });
  });

  test('case branches: only the branch taken matters, and a missing *) leaves a value maybe unset', () => {
    const text = 'case $1 in\n  a) L=24 ;;\n  b) L=24 ;;\nesac\npython t.py --num-layers $L\n';
    assert.deepEqual(valueOf(text, '--num-layers'), { value: null, unresolved: '$L is set only in some branches of the script' });
    const oneLine = 'case $1 in a) L=12 ;; *) L=12 ;; esac\npython t.py --num-layers $L\n';
    assert.equal(valueOf(oneLine, '--num-layers').value, '12');
  });
});
