import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ConfigDocument } from '../../../server/src/core/model/document';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { composeYaml, parseYaml } from '../../../server/src/core/parse/yaml';

function valueAt(document: ConfigDocument, path: string): unknown {
  return document.entries.find((entry) => entry.path.join('.') === path)?.value;
}

function textAt(document: ConfigDocument, path: string): string | undefined {
  const entry = document.entries.find((candidate) => candidate.path.join('.') === path);
  return entry && document.text.slice(entry.valueSpan.offset, entry.valueSpan.offset + entry.valueSpan.length);
}

suite('yaml parser', () => {
  test('flattens mappings and sequences with key and value spans', () => {
    const document = parseYaml('model:\n  hidden_size: 4096 # comment\n  name: "x"\nlist: [1, 2]\n');
    assert.deepEqual(document.errors, []);
    const hidden = document.entries.find((entry) => entry.path.join('.') === 'model.hidden_size');
    assert.equal(hidden?.value, 4096);
    assert.equal(document.text.slice(hidden!.keySpan.offset, hidden!.keySpan.offset + hidden!.keySpan.length), 'hidden_size');
    assert.equal(textAt(document, 'model.hidden_size'), '4096');
    assert.equal(textAt(document, 'model.name'), '"x"');
    assert.equal(valueAt(document, 'list.1'), 2);
  });

  test('brace style with comments, trailing commas and True (GPT-NeoX)', () => {
    const document = parseYaml('{\n  "a-b": 1, # c\n  "c": True,\n  "d": [[["flash"], 2]],\n}\n');
    assert.deepEqual(document.errors, []);
    assert.equal(valueAt(document, 'a-b'), 1);
    assert.equal(valueAt(document, 'c'), true);
    assert.equal(valueAt(document, 'd.0.0.0'), 'flash');
  });

  test('an empty value mid-typing is a null entry with an empty span after the colon', () => {
    const text = 'hidden_size:\nnum_layers: 2\n';
    const document = parseYaml(text);
    const entry = document.entries.find((candidate) => candidate.path[0] === 'hidden_size');
    assert.equal(entry?.value, null);
    assert.equal(entry?.valueSpan.offset, text.indexOf(':') + 1);
    assert.equal(entry?.valueSpan.length, 0);
  });

  test('broken YAML mid-typing still yields the other entries, and an error where it breaks', () => {
    const text = 'model:\n  hidden_size: 4096\n  num_layers: "32\n  ffn_hidden_size: 11008\n  num_attention_heads: 32\n';
    const document = parseYaml(text);
    assert.ok(document.errors.length > 0);
    const error = document.errors[0];
    assert.ok(error.span.offset >= text.indexOf('"32') && error.span.offset <= text.length, `error at ${error.span.offset}`);
    assert.equal(valueAt(document, 'model.hidden_size'), 4096);
    assert.equal(valueAt(document, 'model.ffn_hidden_size'), 11008);
    assert.equal(textAt(document, 'model.ffn_hidden_size'), '11008');
    assert.equal(valueAt(document, 'model.num_attention_heads'), 32);
  });

  test('a key without its colon breaks one line, not the file', () => {
    const text = 'hidden_size: 4096\nnum_layers 32\nnum_attention_heads: 32\n';
    const document = parseYaml(text);
    assert.ok(document.errors.length > 0);
    assert.equal(valueAt(document, 'hidden_size'), 4096);
    assert.equal(valueAt(document, 'num_attention_heads'), 32);
  });

  test('a 5 MB file parses', () => {
    const line = (index: number) => `  key_${index}: ${index} # padding padding padding padding\n`;
    const lines = ['model:\n', '  hidden_size: 4096\n'];
    let size = 0;
    for (let index = 0; size < 5 * 1024 * 1024; index++) {
      lines.push(line(index));
      size += lines[lines.length - 1].length;
    }
    const document = parseYaml(lines.join(''));
    assert.deepEqual(document.errors, []);
    assert.equal(valueAt(document, 'model.hidden_size'), 4096);
    assert.ok(document.entries.length > 50_000);
  });
});

suite('yaml: the JSON-with-comments fast path', () => {
  const fixtures = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? fixtures(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
  const FIXTURES = join(__dirname, '..', '..', 'fixtures');

  test('reads every YAML fixture exactly as the YAML parser does (entries, values, spans, errors)', () => {
    let fast = 0;
    for (const path of fixtures(FIXTURES)) {
      const text = readFileSync(path, 'utf8');
      const composed = composeYaml(text);
      const read = parseYaml(text);
      assert.deepEqual(read, composed, path);
      if (/^(?:\s|#[^\n]*)*\{/.test(text) && composed.errors.length === 0) fast++;
    }
    assert.ok(fast >= 5, `only ${fast} fixtures are JSON-with-comments`);
  });

  test('NeoX spellings: # comments, True/False, trailing commas; a single quote or a plain scalar falls back', () => {
    const text = '# GPT-NeoX\n{\n  "hidden_size": 2560, # h\n  "bias_gelu_fusion": True,\n  "zero": {"stage": 1, "overlap": False,},\n  "name": "a # not a comment",\n}\n';
    assert.deepEqual(parseYaml(text), composeYaml(text));
    assert.equal(parseYaml(text).entries.find((entry) => entry.path.join('.') === 'zero.overlap')?.value, false);
    for (const other of ["{ 'hidden_size': 2560 }\n", '{ "norm": layernorm, "hidden_size": 2560 }\n', '{ "a": 1 }\n---\n{ "a": 2 }\n']) {
      assert.deepEqual(parseYaml(other), composeYaml(other), other);
    }
  });
});
