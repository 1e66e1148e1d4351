import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ConfigDocument, ConfigEntry } from '../../../server/src/core/model/document';
import { parseShell } from '../../../server/src/core/parse/shell';

function flag(document: ConfigDocument, name: string): ConfigEntry {
  const entry = document.entries.filter((candidate) => candidate.path[0] === name).pop();
  assert.ok(entry, `${name} not found`);
  return entry;
}

function at(document: ConfigDocument, span: { offset: number; length: number } | undefined): string | undefined {
  return span && document.text.slice(span.offset, span.offset + span.length);
}

suite('shell parser', () => {
  test('flags in command lines, arrays and strings with continuations', () => {
    const document = parseShell(
      'ARGS=(\n  --num-layers 24 # layers\n  --swiglu\n)\nOPTS=" \\\n  --hidden-size 1024 \\\n  "\npython train.py ${ARGS[@]} $OPTS --seq-length=2048 \\\n  --fp16\n',
    );
    assert.deepEqual(document.errors, []);
    assert.equal(flag(document, '--num-layers').value, '24');
    assert.equal(flag(document, '--swiglu').value, true);
    assert.equal(flag(document, '--hidden-size').value, '1024');
    assert.equal(flag(document, '--seq-length').value, '2048');
    assert.equal(at(document, flag(document, '--seq-length').valueSpan), '2048');
    assert.equal(flag(document, '--fp16').value, true);
  });

  test('a quoted value with blanks is one argument, as bash passes it', () => {
    const document = parseShell('python train.py --seq-length "2048 4096" --lr=\'1e-4 2e-4\' model.name="a b" "--num-layers 24 --swiglu" --hidden-size "1024"\n');
    assert.equal(flag(document, '--seq-length').value, '2048 4096');
    assert.equal(at(document, flag(document, '--seq-length').valueSpan), '2048 4096');
    assert.equal(flag(document, '--lr').value, '1e-4 2e-4');
    assert.equal(document.entries.find((entry) => entry.path.join('.') === 'model.name')?.value, 'a b');
    // A flag list quoted as one word is still read flag by flag.
    assert.equal(flag(document, '--num-layers').value, '24');
    assert.equal(flag(document, '--swiglu').value, true);
    assert.equal(flag(document, '--hidden-size').value, '1024');
  });

  test('variables resolve to their literal: X=, export X=, ${X:-d}, : ${X:=v}, chains', () => {
    const document = parseShell('H=4096\nexport L=32\n: ${TP:=8}\nHID=$H\npython t.py --hidden-size "$HID" --num-layers ${L} --tp $TP --seq ${SEQ:-2048}\n');
    const hidden = flag(document, '--hidden-size');
    assert.equal(hidden.value, '4096');
    assert.equal(hidden.valueSpan.offset, document.text.indexOf('4096'));
    assert.equal(at(document, hidden.usedAt), '$HID');
    assert.equal(at(document, flag(document, '--num-layers').usedAt), '${L}');
    assert.equal(at(document, flag(document, '--tp').valueSpan), '8');
    assert.equal(at(document, flag(document, '--seq').valueSpan), '2048');
  });

  test('what is not statically resolvable is unresolved, never guessed', () => {
    const document = parseShell('N=$((4 * NODES))\nM=$(nproc)\npython t.py --a $N --b $M --c $1 --d $UNSET --e `hostname` --f ${X:+y}\n');
    for (const name of ['--a', '--b', '--c', '--d', '--e', '--f']) {
      const entry = flag(document, name);
      assert.equal(entry.value, null, name);
      assert.ok(entry.unresolved, name);
    }
    assert.match(flag(document, '--a').unresolved ?? '', /arithmetic/);
    assert.match(flag(document, '--d').unresolved ?? '', /not set in this file/);
  });

  test('arithmetic over integers the script sets is what bash computes, marked computed (Megatron-DeepSpeed MICRO_BATCH)', () => {
    // Issue 17's Megatron-DeepSpeed launch arithmetic (WORLD_SIZE from the node counts, MICRO_BATCH from the
    // global batch); bash's integer division truncates, and `<<` is not evaluated.
    const document = parseShell('GPUS_PER_NODE=8\nNNODES=2\nWORLD_SIZE=$(($GPUS_PER_NODE*$NNODES))\nGLOBAL_BATCH=512\nMICRO_BATCH=$((GLOBAL_BATCH/WORLD_SIZE))\nODD=$(( (7 - 2) / 2 % 3 ))\npython t.py --micro-batch-size $MICRO_BATCH --x $ODD --y $((GLOBAL_BATCH / 0)) --z $((1 << 3))\n');
    const micro = flag(document, '--micro-batch-size');
    assert.equal(micro.value, '32');
    assert.equal(at(document, micro.valueSpan), '$((GLOBAL_BATCH/WORLD_SIZE))');
    assert.equal(at(document, micro.usedAt), '$MICRO_BATCH');
    assert.equal(micro.computed, '$((GLOBAL_BATCH/WORLD_SIZE)) = 512/16 = 32');
    assert.equal(flag(document, '--x').value, '2');
    for (const name of ['--y', '--z']) {
      assert.equal(flag(document, name).value, null, name);
      assert.match(flag(document, name).unresolved ?? '', /arithmetic/, name);
    }
  });

  test('heredoc bodies and comments are not command lines', () => {
    const document = parseShell('cat <<EOT > ds.json\n{ "--num-layers": 99 }\nEOT\n# --hidden-size 7\npython t.py --num-layers 2\n');
    assert.equal(document.entries.filter((entry) => entry.path[0] === '--num-layers').length, 1);
    assert.equal(flag(document, '--num-layers').value, '2');
    assert.equal(document.entries.some((entry) => entry.path[0] === '--hidden-size'), false);
  });

  test('Hydra overrides are entries with their dotted path', () => {
    const document = parseShell('HS=4096\npython run.py model.hidden_size=$HS +model.num_layers=32\n');
    const hidden = document.entries.find((entry) => entry.path.join('.') === 'model.hidden_size');
    assert.equal(hidden?.value, '4096');
    assert.equal(at(document, hidden?.keySpan), 'model.hidden_size');
    assert.equal(document.entries.find((entry) => entry.path.join('.') === 'model.num_layers')?.value, '32');
  });

  test('an unterminated quote is an error, and the lines after it are still read', () => {
    const document = parseShell('python t.py --name "oops --x 1\npython t.py --num-layers 4\n');
    assert.equal(document.errors.length, 1);
    assert.equal(document.errors[0].span.offset, document.text.indexOf('"'));
    assert.equal(flag(document, '--num-layers').value, '4');
  });

  // The streaming reader resolves only fields that expand a variable ahead of the flags, and reads
  // `$NAME` in place: these pin what it must keep doing.
  test('${X:=v} outside a flag value assigns before later flags; a long $NAME reads 199 characters', () => {
    const assigned = parseShell('python t.py ${TP:=8} --tp $TP --name plain\n');
    assert.equal(flag(assigned, '--tp').value, '8');
    assert.equal(at(assigned, flag(assigned, '--tp').valueSpan), '8');
    assert.equal(at(assigned, flag(assigned, '--tp').usedAt), '$TP');
    assert.equal(flag(assigned, '--name').value, 'plain');
    const name = 'V'.repeat(250);
    const long = parseShell(`${name.slice(0, 199)}=5\npython t.py --n $${name} --m x\n`);
    assert.equal(flag(long, '--n').value, `5${'V'.repeat(51)}`);
    assert.equal(flag(long, '--m').value, 'x');
  });

  test('an unterminated quote keeps the text before it in the word and ends at its line', () => {
    const document = parseShell('python t.py --x ab"cd ef\n--y 2\n');
    assert.deepEqual(document.errors, [{ span: { offset: 18, length: 1 }, message: 'Unterminated double quote' }]);
    assert.equal(flag(document, '--x').value, 'abcd ef');
    assert.equal(at(document, flag(document, '--x').valueSpan), 'ab"cd ef');
    assert.equal(flag(document, '--y').value, '2');
  });
});
