import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parsePython } from '../../../server/src/core/parse/python';

suite('python parser', () => {
  test('top-level assignments: literals, arithmetic, names; read, never executed', () => {
    const text = "import os\nn_layer = 12\nn_embd = 12*64\nn_head = n_layer\nname = 'gpt2' # c\nflag = True\nneg = -4\nx = os.getenv('X')\nif True:\n    n_layer = 99\n";
    const document = parsePython(text);
    const entry = (name: string) => document.entries.find((candidate) => candidate.path[0] === name);
    const span = (name: string) => {
      const found = entry(name);
      return found && text.slice(found.valueSpan.offset, found.valueSpan.offset + found.valueSpan.length);
    };
    assert.equal(entry('n_layer')?.value, 12);
    assert.equal(entry('n_embd')?.value, 768);
    assert.equal(span('n_embd'), '12*64');
    assert.equal(entry('n_head')?.value, 12);
    assert.equal(span('n_head'), '12');
    assert.equal(entry('name')?.value, 'gpt2');
    assert.equal(entry('flag')?.value, true);
    assert.equal(entry('neg')?.value, -4);
    assert.equal(span('neg'), '-4');
    assert.equal(entry('x')?.value, null);
    assert.ok(entry('x')?.unresolved);
  });

  test('an unterminated string is an error and later lines are still read', () => {
    const document = parsePython("name = 'oops\nn_layer = 6\n");
    assert.equal(document.errors.length, 1);
    assert.equal(document.entries.find((entry) => entry.path[0] === 'n_layer')?.value, 6);
  });
});
