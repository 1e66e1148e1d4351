import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ConfigDocument } from '../../../server/src/core/model/document';
import { parseJson } from '../../../server/src/core/parse/json';
import { parseToml } from '../../../server/src/core/parse/toml';
import { parseYaml } from '../../../server/src/core/parse/yaml';

/** Each entry as path, value, empty marker, and the text at its key and value spans. */
function entries(document: ConfigDocument): [string, unknown, string | undefined, string, string][] {
  const at = (span: { offset: number; length: number }) => document.text.slice(span.offset, span.offset + span.length);
  return document.entries.map((entry) => [entry.path.join('.'), entry.value, entry.empty, at(entry.keySpan), at(entry.valueSpan)]);
}

suite('an empty list or map written as a value is one entry marked empty, in every structured format; an absent key has none', () => {
  test('TOML: an empty array and an empty inline table; a [table] header alone is no value', () => {
    assert.deepEqual(entries(parseToml('a = [ ]\nb = [1]\nc = {}\nd = [[], 2]\n[compile]\ncomponents = []\n[empty]\n')), [
      ['a', null, 'list', 'a', '[ ]'],
      ['b.0', 1, undefined, 'b', '1'],
      ['c', null, 'map', 'c', '{}'],
      ['d.0', null, 'list', 'd', '[]'],
      ['d.1', 2, undefined, 'd', '2'],
      ['compile.components', null, 'list', 'components', '[]'],
    ]);
  });

  test('JSON: keys whose value is [] or {}, and empty elements of a list; a key with no value stays unmarked', () => {
    assert.deepEqual(entries(parseJson('{"a": [ ], "b": [1], "c": {"d": {}}, "e": [[], {}], "f": }')), [
      ['a', null, 'list', '"a"', '[ ]'],
      ['b.0', 1, undefined, '1', '1'],
      ['c.d', null, 'map', '"d"', '{}'],
      ['e.0', null, 'list', '[]', '[]'],
      ['e.1', null, 'map', '{}', '{}'],
      ['f', null, undefined, '"f"', ''],
    ]);
    // The document itself is no entry, empty or not.
    assert.deepEqual(parseJson('{}').entries, []);
  });

  test('YAML: flow [] and {}, through an alias too; `key:` with nothing is null, not empty', () => {
    const document = parseYaml('a: [ ]  # none\nb: [1]\nc: {}\nd:\ne: [[], {}]\nf: &none []\ng: *none\n', 'pyyaml');
    assert.deepEqual(entries(document), [
      ['a', null, 'list', 'a', '[ ]'],
      ['b.0', 1, undefined, '1', '1'],
      ['c', null, 'map', 'c', '{}'],
      ['d', null, undefined, 'd', ''],
      ['e.0', null, 'list', '[]', '[]'],
      ['e.1', null, 'map', '{}', '{}'],
      ['f', null, 'list', 'f', '[]'],
      ['g', null, 'list', 'g', '[]'],
    ]);
    assert.equal(document.text.slice(document.entries[7].usedAt!.offset).startsWith('*none'), true);
  });
});
