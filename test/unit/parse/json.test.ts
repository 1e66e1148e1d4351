import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parseJson } from '../../../server/src/core/parse/json';

suite('json parser', () => {
  test('comments and trailing commas are allowed; keys and values keep their spans', () => {
    const text = '{\n  // a comment\n  "hidden_size": 4096,\n  "text_config": {"n_head": 8,},\n  "architectures": ["LlamaForCausalLM"],\n}\n';
    const document = parseJson(text);
    assert.deepEqual(document.errors, []);
    const hidden = document.entries.find((entry) => entry.path.join('.') === 'hidden_size');
    assert.equal(hidden?.value, 4096);
    assert.equal(text.slice(hidden!.keySpan.offset, hidden!.keySpan.offset + hidden!.keySpan.length), '"hidden_size"');
    assert.equal(text.slice(hidden!.valueSpan.offset, hidden!.valueSpan.offset + hidden!.valueSpan.length), '4096');
    assert.equal(document.entries.find((entry) => entry.path.join('.') === 'text_config.n_head')?.value, 8);
    assert.equal(document.entries.find((entry) => entry.path.join('.') === 'architectures.0')?.value, 'LlamaForCausalLM');
  });

  test('a missing comma is an error at its offset and the rest is still read', () => {
    const text = '{\n  "hidden_size": 4096\n  "num_attention_heads": 32,\n  "vocab_size": 32000\n}\n';
    const document = parseJson(text);
    assert.equal(document.errors.length, 1);
    assert.equal(document.errors[0].span.offset, text.indexOf('"num_attention_heads"'));
    assert.match(document.errors[0].message, /comma/i);
    assert.equal(document.entries.find((entry) => entry.path[0] === 'vocab_size')?.value, 32000);
    assert.equal(document.entries.find((entry) => entry.path[0] === 'num_attention_heads')?.value, 32);
  });

  test('a key typed without its value yet is a null entry', () => {
    const document = parseJson('{"hidden_size": , "n_head": 8}');
    assert.ok(document.errors.length > 0);
    assert.equal(document.entries.find((entry) => entry.path[0] === 'n_head')?.value, 8);
  });
});
