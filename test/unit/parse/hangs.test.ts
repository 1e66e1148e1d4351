/**
 * Issue 18's hangs: inputs whose cost blew up (a backtracking regular expression, aliases that
 * expand forever, a glob with many stars). Each is checked by how its cost grows with its size
 * (a ratio of times, see growth.ts), never by an absolute time, and read in full besides.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/pipeline/check';
import type { ConfigDocument } from '../../../server/src/core/pipeline/document';
import { firstSignificantOffset, parseYaml } from '../../../server/src/core/parse/yaml';
import { compileGlob } from '../../../server/src/lsp/glob';
import { growthRatio } from '../growth';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const value = (document: ConfigDocument, path: string) => document.entries.find((entry) => entry.path.join('.') === path)?.value;

/** MaxText's llama2-7b.yml: block-style YAML under 14 lines of `#` comments, as MaxText ships it. */
const MAXTEXT = fixture('formats/maxtext/llama2-7b.yml');
/** Linear work doubled costs at most twice as much (here less: the rest of the file is the same); with margin for a loaded machine. The backtracking this replaced cost 2^12 times more. */
const LINEAR = 4;

function checkedHiddenSize(text: string): unknown {
  const result = check(text, 'llama2-7b.yml');
  assert.equal(result.reader?.id, 'maxtext');
  return result.shape?.hiddenSize.value;
}

suite('hangs: the leading-comment scan is linear', () => {
  test('a banner line of # before block YAML: 24 cost as much as 12 (the regex took 2^12 times longer)', () => {
    const banner = (hashes: number) => `${'#'.repeat(hashes)}\n${MAXTEXT}`;
    const ratio = growthRatio((hashes) => checkedHiddenSize(banner(hashes)), 12, 24);
    assert.ok(ratio < LINEAR, `a 24-# banner cost ${ratio.toFixed(1)}× a 12-# one`);
    assert.equal(checkedHiddenSize(banner(40)), 4096);
  });

  test('CRLF comment lines: 24 cost as much as 12', () => {
    const crlf = (lines: number) => `${'# a comment line\r\n'.repeat(lines)}${MAXTEXT.replace(/\n/g, '\r\n')}`;
    const ratio = growthRatio((lines) => checkedHiddenSize(crlf(lines)), 12, 24);
    assert.ok(ratio < LINEAR, `24 CRLF comment lines cost ${ratio.toFixed(1)}× 12`);
    assert.equal(checkedHiddenSize(crlf(40)), 4096);
  });

  test('a CR-only file: 24 comment lines cost as much as 12, and its keys are read', () => {
    const cr = (lines: number) => `${'# a comment line\r'.repeat(lines)}${MAXTEXT.replace(/\n/g, '\r')}`;
    const ratio = growthRatio((lines) => checkedHiddenSize(cr(lines)), 12, 24);
    assert.ok(ratio < LINEAR, `24 CR comment lines cost ${ratio.toFixed(1)}× 12`);
    assert.equal(checkedHiddenSize(cr(40)), 4096);
  });

  test('the scan stops at the first character outside blanks and comments; a comment ends at \\n or \\r', () => {
    assert.equal(firstSignificantOffset('  # a\n\t{'), 7);
    assert.equal(firstSignificantOffset('# a\r{'), 4);
    assert.equal(firstSignificantOffset('# a { b\nc'), 8);
    assert.equal(firstSignificantOffset(`${'#'.repeat(100_000)}\r\n`), 100_002);
  });

  test('GPT-NeoX brace style under a banner still takes the JSON path (same entries as composed YAML)', () => {
    const text = `${'#'.repeat(40)}\r\n${fixture('formats/neox/2-7B.yml').replace(/\n/g, '\r\n')}`;
    const result = check(text, '2-7B.yml');
    assert.equal(result.reader?.id, 'neox');
    assert.equal(result.shape?.hiddenSize.value, 2560);
  });
});

suite('hangs: YAML aliases are bounded by the expansions they cost, not only by the entries they emit', () => {
  test('a self-referencing alias (x: &x [*x]) is read, and the rest of the file with it', () => {
    const document = parseYaml(fixture('robustness/self-alias.yml'));
    assert.equal(value(document, 'hidden_size'), 2560);
    assert.equal(check(document.text, 'neox.yml', { format: 'neox' }).shape?.numHeads.value, 32);
  });

  test('an alias bomb of empty lists and maps is read, and costs no more at 12 levels than at 6', () => {
    const text = fixture('robustness/alias-bomb.yml');
    assert.equal(value(parseYaml(text), 'hidden_size'), 2560);
    const levels = (count: number) => text.split('\n').filter((line) => !/^[am](\d+):/.exec(line) || Number(/^[am](\d+):/.exec(line)![1]) <= count).join('\n');
    // Each level multiplies the expansions by four: 4^6 more at 12 than at 6 without a bound.
    const ratio = growthRatio((count) => parseYaml(levels(count)), 6, 12);
    assert.ok(ratio < 8, `12 levels cost ${ratio.toFixed(1)}× 6`);
  });

  test('aliases still expand up to the bound: 100 uses of an anchored map each give its keys', () => {
    const text = ['base: &b {hidden_size: 1024, num_layers: 2}', ...Array.from({ length: 100 }, (_, i) => `m${i}: *b`)].join('\n');
    const document = parseYaml(text);
    assert.equal(value(document, 'm99.hidden_size'), 1024);
    assert.equal(document.entries.length, 2 + 200);
  });
});

suite('hangs: association globs match without backtracking', () => {
  test('*a*a*a*a*b on a long name that does not match: twice the name costs about twice', () => {
    const glob = compileGlob('*a*a*a*a*a*b');
    const ratio = growthRatio((length) => glob.test('a'.repeat(length)), 200, 400);
    // A backtracking regular expression costs length^5 here: 32 times more at twice the length.
    assert.ok(ratio < 3 * LINEAR, `a name twice as long cost ${ratio.toFixed(1)}× more`);
    assert.equal(compileGlob(`${'*a'.repeat(40)}*b`).test('a'.repeat(5000)), false);
    assert.equal(compileGlob(`${'*a'.repeat(40)}*b`).test(`${'a'.repeat(5000)}b`), true);
  });

  test('braces expand to a bounded number of alternatives; past it the pattern is refused', () => {
    assert.ok(compileGlob('{a,b{c,d}}.yml').test('bd.yml'));
    assert.throws(() => compileGlob('{a,b}'.repeat(10)), /more than 256 alternatives/);
    assert.throws(() => compileGlob('{'.repeat(10_000)), /never closed/);
  });
});
