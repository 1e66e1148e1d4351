/**
 * An edit inside one value reuses the previous parse (parse/scalar-edit.ts). Whatever it
 * returns must be exactly what parsing the whole edited text gives: the property below edits
 * values of every JSON and YAML fixture at random, and compares.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { suite, test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../../server/src/core/check';
import { detectFormat } from '../../../server/src/core/formats';
import type { ConfigDocument } from '../../../server/src/core/model/document';
import { reparseScalarEdit } from '../../../server/src/core/parse/scalar-edit';
import { firstSignificantOffset } from '../../../server/src/core/parse/yaml';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function configFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return configFiles(path);
    return /\.(json|ya?ml)$/.test(name) ? [path] : [];
  });
}

const READABLE = configFiles(FIXTURES).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  const reader = detectFormat(basename(path), text);
  return reader ? [{ name: basename(path), text, reader }] : [];
});

/** Values a person types, and spellings each loader reads its own way. */
const TYPED = ['0', '7', '64', '4096', '-1', '1.5', '1e3', '1E+3', '1_000', '0x10', '0o17', '01', '.5', '+1', 'True', 'false', 'NULL', 'yes', 'off', '~', 'gelu', 'swiglu', 'nan', '.inf', '-', '', '"gelu"', "'swiglu'", '"a # b"', '"x: y"', '""', '"32"', '"with \\" escape"', "'it''s'", '"open'];

function replaced(text: string, offset: number, length: number, by: string): string {
  return text.slice(0, offset) + by + text.slice(offset + length);
}

/** What a full parse gives, and what the reuse gives (undefined when it declined). */
function bothParses(reader: (typeof READABLE)[number]['reader'], previous: ConfigDocument, text: string) {
  return { full: reader.parse(text), reused: reparseScalarEdit(previous, text, (alone) => reader.parse(alone)) };
}

suite('an edit inside one value', () => {
  test('fixtures for JSON, JSON-shaped YAML and block YAML are all covered', () => {
    const syntaxes = new Set(READABLE.map(({ reader, text }) => `${reader.parse(text).syntax}${text[firstSignificantOffset(text)] === '{' ? ' braces' : ''}`));
    for (const kind of ['json braces', 'yaml braces', 'yaml']) assert.ok(syntaxes.has(kind), `no ${kind} fixture`);
  });

  test('reusing the previous parse gives exactly what a full parse gives', () => {
    let reusedCount = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom(...TYPED), fc.nat(), fc.boolean(), (fileIndex, entryIndex, typed, cut, insert) => {
        const { reader, text } = READABLE[fileIndex % READABLE.length];
        const previous = reader.parse(text);
        if (previous.entries.length === 0) return;
        const { valueSpan } = previous.entries[entryIndex % previous.entries.length];
        // Either the whole value retyped, or one character of it inserted or deleted.
        const at = valueSpan.offset + (cut % (valueSpan.length + 1));
        const edited = insert
          ? replaced(text, at, 0, typed.charAt(0) || '5')
          : typed.length > 0 || cut % 2 === 0
            ? replaced(text, valueSpan.offset, valueSpan.length, typed)
            : replaced(text, Math.min(at, text.length - 1), 1, '');
        const { full, reused } = bothParses(reader, previous, edited);
        if (!reused) return;
        reusedCount++;
        assert.deepEqual(reused, full);
      }),
      { numRuns: 3000, seed: 20261206 },
    );
    assert.ok(reusedCount > 500, `only ${reusedCount} of 3000 edits reused the parse`);
  });

  test('typing in a comment: reusing the previous parse gives exactly what a full parse gives', () => {
    const commented = READABLE.filter(({ text }) => text.includes('#'));
    let reusedCount = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom(...TYPED, '\n', '# ', '"', ': x'), fc.boolean(), (fileIndex, hashIndex, cut, typed, insert) => {
        const { reader, text } = commented[fileIndex % commented.length];
        const hashes = [...text.matchAll(/#/g)].map((match) => match.index);
        const hash = hashes[hashIndex % hashes.length];
        const lineEnd = text.slice(hash).search(/[\n\r]|$/) + hash;
        // Anywhere from the `#` itself to its line's end: deleting the `#` is not typing in a comment.
        const at = hash + (cut % (lineEnd - hash + 1));
        const edited = insert ? replaced(text, at, 0, typed) : replaced(text, at, Math.min(1 + (cut % 3), text.length - at), '');
        const { full, reused } = bothParses(reader, reader.parse(text), edited);
        if (!reused) return;
        reusedCount++;
        assert.deepEqual(reused, full);
      }),
      { numRuns: 2000, seed: 20261207 },
    );
    assert.ok(reusedCount > 300, `only ${reusedCount} of 2000 comment edits reused the parse`);
  });

  // GPT-NeoX's 2-7B.yml (EleutherAI/gpt-neox configs/2-7B.yml): 32 heads of hidden 2560, the paper's GPT-3 2.7B.
  const neox = '# GPT-3 2.7B\n{\n  "hidden_size": 2560,\n  "num_attention_heads": 32, # head dim 80\n  "num_layers": 32,\n}\n';
  const hf = '{\n  "hidden_size": 2560,\n  "num_attention_heads": 32,\n  "num_hidden_layers": 32,\n  "model_type": "gpt_neox"\n}\n';
  const block = 'model:\n  hidden_size: 2560 # GPT-3 2.7B\n  num_attention_heads: 32\n  num_layers: 32\n';

  for (const [kind, text, fileName] of [
    ['JSON-shaped YAML', neox, 'neox.yml'],
    ['JSON', hf, 'config.json'],
    ['block YAML', block, 'megatron_gpt_config.yaml'],
  ] as const) {
    test(`typing a head count in ${kind} moves the spans after it and retypes the value`, () => {
      const reader = detectFormat(fileName, text);
      assert.ok(reader);
      const previous = reader.parse(text);
      const edited = text.replace(/(num_attention_heads"?: )32/, '$1320');
      const reused = reparseScalarEdit(previous, edited, (alone) => reader.parse(alone));
      assert.ok(reused, 'the edit was not reused');
      assert.deepEqual(reused, reader.parse(edited));
      const heads = reused.entries.find((entry) => entry.path.at(-1) === 'num_attention_heads');
      assert.equal(heads?.value, 320);
      assert.equal(edited.slice(heads.valueSpan.offset, heads.valueSpan.offset + heads.valueSpan.length), '320');
    });
  }

  test('declines what could change more than one value', () => {
    const reader = detectFormat('neox.yml', neox);
    assert.ok(reader);
    const previous = reader.parse(neox);
    const reuse = (text: string) => reparseScalarEdit(previous, text, (alone) => reader.parse(alone));
    assert.equal(reuse(neox.replace('2560,', '2560, "seq_length": 2048,')), undefined, 'a new key');
    assert.equal(reuse(neox.replace('2560', "'2560'")), undefined, 'a single-quoted string: YAML, not JSON');
    assert.equal(reuse(neox.replace('2560', '"25\\"60"')), undefined, 'an escape in a string');
    assert.equal(reuse(neox.replace('2560', '2_560')), undefined, 'not JSON: the file would be read as YAML');
    assert.equal(reuse(neox.replace('32, # head dim 80', '32,# head dim 80')), undefined, 'the blank that makes the `#` a comment in YAML');
    assert.equal(reuse(neox.replace(', # head dim 80', ', # head dim 80\n  "seq_length": 2048,')), undefined, 'a line break typed in a comment');
    assert.equal(reuse(neox), undefined, 'the same text');
    const anchored = 'hidden_size: &h 2560\nffn_hidden_size: *h\n';
    const anchoredReader = detectFormat('x.yaml', anchored) ?? reader;
    const anchoredDocument = anchoredReader.parse(anchored);
    assert.equal(reparseScalarEdit(anchoredDocument, anchored.replace('2560', '4096'), (alone) => anchoredReader.parse(alone)), undefined, 'a literal an alias reads');
  });

  test('typing inside a quoted string is an edit of that value', () => {
    const quoted = '{\n  "hidden_size": 2560,\n  "activation": "gelu", # GPT-3\n  "num_layers": 32,\n}\n';
    const reader = detectFormat('neox.yml', quoted);
    assert.ok(reader);
    const edited = quoted.replace('"gelu"', '"geglu"');
    const reused = reparseScalarEdit(reader.parse(quoted), edited, (alone) => reader.parse(alone));
    assert.ok(reused, 'the edit was not reused');
    assert.deepEqual(reused, reader.parse(edited));
    assert.equal(reused.entries.find((entry) => entry.path[0] === 'activation')?.value, 'geglu');
  });

  test('typing in a comment after a value moves the entries after it and changes none', () => {
    const reader = detectFormat('neox.yml', neox);
    assert.ok(reader);
    const edited = neox.replace('# head dim 80', '# head dim 80, as GPT-3 2.7B');
    const reused = reparseScalarEdit(reader.parse(neox), edited, (alone) => reader.parse(alone));
    assert.ok(reused, 'the edit was not reused');
    assert.deepEqual(reused, reader.parse(edited));
    const quoted = '{\n  "norm": "layer # norm", # a comment\n  "num_layers": 32,\n}\n';
    const inString = quoted.replace('layer # norm', 'layer # norms');
    const fromString = reparseScalarEdit(reader.parse(quoted), inString, (alone) => reader.parse(alone));
    assert.deepEqual(fromString, reader.parse(inString), 'a `#` inside a string is not a comment');
  });

  test('a check given the previous check finds what a fresh check finds', () => {
    const before = check(neox, 'neox.yml');
    const edited = neox.replace('"num_attention_heads": 32', '"num_attention_heads": 20');
    const fresh = check(edited, 'neox.yml');
    const reused = check(edited, 'neox.yml', {}, before);
    assert.deepEqual(
      reused.findings.map((finding) => [finding.ruleId, finding.span]),
      fresh.findings.map((finding) => [finding.ruleId, finding.span]),
    );
    assert.deepEqual(reused.document, fresh.document);
    assert.equal(reused.shape?.numHeads.value, 20);
  });
});
