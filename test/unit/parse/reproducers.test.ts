/** Inputs that crashed a reader or misread a file (issue 11's probe), each read in full now. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import type { ConfigDocument } from '../../../server/src/core/model/document';
import { resolveInterpolations } from '../../../server/src/core/parse/interpolation';
import { parsePython } from '../../../server/src/core/parse/python';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { byRule, spanOf } from '../rules/shape-builder';

const entry = (document: ConfigDocument, path: string) => document.entries.find((candidate) => candidate.path.join('.') === path);
const messages = (text: string, fileName: string, format: 'hf' | 'nanogpt' | 'nemo' | 'megatron' | 'neox') =>
  check(text, fileName, { format }).findings.map((finding) => `${finding.ruleId}: ${finding.message}`);

suite('deep nesting is read without recursion, or reported', () => {
  test('JSON nested 20,000 deep: one not-read finding (the file is valid), no crash', () => {
    const text = `{"hidden_size": 4096, "a": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    assert.deepEqual(messages(text, 'config.json', 'hf'), ['not-read: Nested more than 1000 levels deep, deeper than shapelint reads; nothing in this file is checked.']);
  });

  test('JSON nested 900 deep is still read', () => {
    const text = `{"hidden_size": 4096, "num_attention_heads": 32, "a": ${'['.repeat(900)}${']'.repeat(900)}}`;
    assert.equal(check(text, 'config.json', { format: 'hf' }).shape?.hiddenSize.value, 4096);
  });

  test('Python: 5,000 parentheses and 20,000 unary minus signs are unresolved values, not stack overflows', () => {
    for (const expression of [`${'('.repeat(5000)}768${')'.repeat(5000)}`, `${'-'.repeat(20_000)}768`]) {
      const text = `n_embd = ${expression}\nn_head = 12\nn_layer = 12\n`;
      assert.deepEqual(messages(text, 'train_gpt2.py', 'nanogpt'), ['unresolved-value: n_embd: nested more than 100 levels deep, so shapelint does not check the hidden size.']);
    }
    // Within the bound, the value is read.
    assert.equal(entry(parsePython(`n_embd = ${'('.repeat(50)}768${')'.repeat(50)}\n`), 'n_embd')?.value, 768);
  });

  test("Python: nanoGPT's 1 ** 1 ** ... with 5,000 operands is unresolved like parentheses; 50 are read (** is right-associative)", () => {
    const text = `n_embd = ${Array.from({ length: 5000 }, () => '1').join(' ** ')}\nn_head = 12\nn_layer = 12\n`;
    assert.deepEqual(messages(text, 'train_gpt2.py', 'nanogpt'), ['unresolved-value: n_embd: nested more than 100 levels deep, so shapelint does not check the hidden size.']);
    assert.equal(entry(parsePython(`n_embd = 2 ** 3 ** 2 ** ${Array.from({ length: 47 }, () => '1').join(' ** ')}\n`), 'n_embd')?.value, 512);
  });

  test('Python: a 10 MB string literal (and a 3 MB one of escapes) is read, not a stack overflow of the tokenizer', () => {
    const long = 'a'.repeat(10_000_000);
    const document = parsePython(`n_embd = 768\nnotes = "${long}"\nescaped = '${'\\n'.repeat(1_500_000)}'\n`);
    assert.deepEqual(document.errors, []);
    assert.equal(entry(document, 'notes')?.value, long);
    assert.equal((entry(document, 'escaped')?.value as string).length, 1_500_000);
    assert.equal(entry(document, 'n_embd')?.value, 768);
  });

  test('shell: ${X:-${Y:-...}} nested 1,500 deep is unresolved, not a stack overflow', () => {
    const text = `python t.py --num-layers 2 --hidden-size ${'${X:-'.repeat(1500)}1${'}'.repeat(1500)}\n`;
    const notes = messages(text, 'run.sh', 'megatron').filter((message) => message.startsWith('unresolved-value'));
    assert.deepEqual(notes, ['unresolved-value: --hidden-size: ${X:-...} is nested more than 64 levels deep, so shapelint does not check the hidden size.']);
  });

  test('NeMo: a 1,400-link ${} chain and ${multiply:} nested 1,100 deep are unresolved, not stack overflows', () => {
    const chain = ['model:', '  hidden_size: ${model.l1400}', ...Array.from({ length: 1400 }, (_, i) => `  l${1400 - i}: \${model.l${1399 - i}}`), '  l0: 4096'].join('\n');
    const document = resolveInterpolations(parseYaml(chain));
    assert.equal(entry(document, 'model.hidden_size')?.unresolved, 'interpolations chained or nested more than 200 deep');
    // Links near the literal still resolve.
    assert.equal(entry(document, 'model.l100')?.value, 4096);
    const nested = `model:\n  a: 2\n  hidden_size: ${'${multiply:'.repeat(1100)}\${model.a}${',2}'.repeat(1100)}\n  num_attention_heads: 32\n  num_layers: 24\n`;
    assert.deepEqual(messages(nested, 'megatron_gpt_config.yaml', 'nemo'), [
      'unresolved-value: hidden_size: interpolations chained or nested more than 200 deep, so shapelint does not check the hidden size.',
    ]);
  });

  test('NeMo: a 1,000-link chain referenced 10,000 times resolves every reference (each link once)', () => {
    const lines = ['model:', '  l0: 4096', ...Array.from({ length: 1000 }, (_, i) => `  l${i + 1}: \${model.l${i}}`), 'refs:', ...Array.from({ length: 10_000 }, (_, i) => `  r${i}: \${model.l1000}`)];
    const text = lines.join('\n');
    const document = resolveInterpolations(parseYaml(text));
    const refs = document.entries.filter((candidate) => candidate.path[0] === 'refs');
    assert.equal(refs.length, 10_000);
    assert.ok(refs.every((ref) => ref.value === 4096 && ref.valueSpan.offset === text.indexOf('4096')));
  });

  test('YAML flow collections 10,000 deep: the rest is read, and the nesting is not-read, not a syntax error', () => {
    for (const [open, close] of [['[', ']'], ['{a: ', '}']]) {
      const text = `hidden_size: 4096\nnum_attention_heads: 32\nnum_layers: 24\na: ${open.repeat(10_000)}1${close.repeat(10_000)}\n`;
      const document = parseYaml(text);
      assert.equal(entry(document, 'hidden_size')?.value, 4096);
      assert.deepEqual(document.errors, []);
      const findings = check(text, 'megatron_gpt_config.yaml', { format: 'nemo' }).findings;
      assert.deepEqual(
        findings.map((finding) => finding.ruleId),
        ['not-read'],
      );
      assert.match(findings[0].message, /^Nested deeper than the YAML parser shapelint uses can read/);
      assert.ok(findings[0].span.offset > text.indexOf('a: '), 'at the nesting, not the file start');
    }
  });

  test('block YAML over 6 MiB is not composed (one not-read finding); JSON-shaped YAML that long is still read', () => {
    const head = 'num_layers: 32\nhidden_size: 4096\nnum_attention_heads: 32\n';
    const block = head + Array.from({ length: 320_000 }, (_, i) => `extra_${i}:\n  key: ${i}\n`).join('');
    const findings = check(block, 'neox.yml', { format: 'neox' }).findings;
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['not-read']);
    assert.match(findings[0].message, /^This YAML file has [\d,]+ characters; shapelint reads YAML of up to 6,291,456 \(6 MiB\), or 10 MiB of JSON-shaped YAML/);
    const jsonShaped = `{\n  "hidden_size": 2560,\n  "num_attention_heads": 32,\n${Array.from({ length: 250_000 }, (_, i) => `  "extra_${i}": ${i}, # unrelated`).join('\n')}\n}\n`;
    assert.ok(jsonShaped.length > 6 * 1024 * 1024);
    assert.deepEqual(check(jsonShaped, 'neox.yml', { format: 'neox' }).findings.map((finding) => finding.ruleId), ['head-dim']);
  });

  test('TOML nested 10,000 deep, or over 1 MiB (a 1 MB string with it): one not-read finding, not a syntax error', () => {
    const head = '[model]\nname = "llama3"\nflavor = "8B"\n[training]\nseq_len = 8192\n';
    const cases: [string, RegExp][] = [
      [`x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /^Nested too deep, or a string too long, for the TOML parser/],
      [`x = ${'{a = '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, /^Nested too deep, or a string too long, for the TOML parser/],
      [`x = "${'a'.repeat(1_100_000)}"\n`, /^This TOML file has 1,100,\d{3} characters; shapelint reads TOML of up to 1,048,576 \(1 MiB\)/],
      [Array.from({ length: 60_000 }, (_, i) => `[extra_${i}]\nkey = ${i}\n`).join(''), /^This TOML file has [\d,]+ characters; shapelint reads TOML of up to/],
    ];
    for (const [tail, message] of cases) {
      const findings = check(head + tail, 'llama3_8b.toml', { format: 'torchtitan' }).findings;
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['not-read']);
      assert.match(findings[0].message, message);
    }
  });
});

suite('wrong results fixed', () => {
  test('Python: a backslash line continuation is valid and read (LF and CRLF)', () => {
    const text = 'n_embd = 64 * \\\n    12\nblock_size = 1024 \\\r\n  + 0\nn_head = 12\nn_layer = 12\n';
    const document = parsePython(text);
    assert.deepEqual(document.errors, []);
    assert.equal(entry(document, 'n_embd')?.value, 768);
    assert.equal(entry(document, 'block_size')?.value, 1024);
    assert.deepEqual(byRule(check(text, 'train_gpt2.py', { format: 'nanogpt' }).findings, 'syntax'), []);
  });

  test('Python: a negated name spans the sign and the name, never back to the literal it names (found by the property test)', () => {
    const text = 'heads = 6\nn_head = - heads\n';
    const head = entry(parsePython(text), 'n_head');
    assert.equal(head?.value, -6);
    assert.deepEqual(head?.valueSpan, spanOf(text, '- heads'));
  });

  test('JSON: a malformed number (502e) stays text for the reader to reject, not 502', () => {
    const text = '{"n_embd": 2560, "n_head": 32, "vocab_size": 502e}';
    assert.equal(check(text, 'config.json', { format: 'hf' }).shape?.vocabSize.value, null);
    assert.deepEqual(byRule(check(text, 'config.json', { format: 'hf' }).findings, 'vocab-size'), []);
  });

  test('YAML: an alias value (hidden-size: *h) is read from its anchor, and used where the alias is', () => {
    const text = 'hidden: &h 2560\n"hidden-size": *h\n"num-attention-heads": 32\n"num-layers": 32\n';
    const hidden = entry(parseYaml(text), 'hidden-size');
    assert.equal(hidden?.value, 2560);
    assert.deepEqual(hidden?.valueSpan, spanOf(text, '2560'));
    assert.deepEqual(hidden?.usedAt, spanOf(text, '*h'));
    // The head-dim warning (2560 / 32 = 80) that went missing.
    const [headDim] = byRule(check(text, 'neox.yml', { format: 'neox' }).findings, 'head-dim');
    assert.match(headDim.message, /^head dim 80 \(hidden-size 2560 \/ 32 heads\)/);
  });

  test('YAML: aliases of collections expand, but a billion-laughs file stays bounded', () => {
    const text = 'base: &b {hidden_size: 1024}\nmodel: *b\n';
    assert.equal(entry(parseYaml(text), 'model.hidden_size')?.value, 1024);
    const laughs = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    assert.ok(parseYaml(laughs).entries.length <= 10_000 + 100);
  });

  test('a syntax range never ends inside a surrogate pair', () => {
    const text = '{"h"😀idden_size": 4096, "num-layers": 2}';
    const findings = byRule(check(text, 'neox.yml', { format: 'neox' }).findings, 'syntax');
    assert.ok(findings.length > 0);
    for (const { span } of findings) {
      for (const edge of [span.offset, span.offset + span.length]) {
        const code = text.charCodeAt(edge);
        assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `range edge ${edge} splits the emoji`);
      }
    }
    assert.ok(findings.some(({ span }) => text.slice(span.offset, span.offset + span.length).includes('😀')));
  });
});
