/**
 * Issue 18's hangs: inputs whose cost blew up (a backtracking regular expression, aliases that
 * expand forever, a glob with many stars). Each is checked by how its cost grows with its size
 * (a ratio of times, see growth.ts), never by an absolute time, and read in full besides.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../../server/src/core/check';
import type { ConfigDocument } from '../../../server/src/core/model/document';
import { firstSignificantOffset, parseYaml } from '../../../server/src/core/parse/yaml';
import { compileGlob } from '../../../server/src/lsp/glob';
import { growthRatio } from '../growth';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const value = (document: ConfigDocument, path: string) => document.entries.find((entry) => entry.path.join('.') === path)?.value;

/** MaxText's llama2-7b.yml: block-style YAML under 14 lines of `#` comments, as MaxText ships it. */
const MAXTEXT = fixture('formats/maxtext/llama2-7b.yml');
/** The same without its comments: the regex's cost grew with every leading comment line, so the growth is measured on this. */
const MAXTEXT_BODY = MAXTEXT.replace(/^(?:#.*\n)+/, '');
/**
 * Twice the comments cost about as much as once here (the rest of the file is the same); the regex
 * this replaced cost 50 to 1,000 times more at the sizes below, and never finished on the whole file. The bound leaves
 * room for a loaded machine (ratios from 0.2 to 8 were seen on 2 shared vCPUs at a load average of 12).
 */
const NOT_EXPONENTIAL = 10;

function checkedHiddenSize(text: string): unknown {
  const result = check(text, 'llama2-7b.yml');
  assert.equal(result.reader?.id, 'maxtext');
  return result.shape?.hiddenSize.value;
}

suite('hangs: the leading-comment scan is linear', () => {
  // Each case: how the cost grows when the comments double, then the whole MaxText file under 40 of them is read.
  // The sizes keep one run of the old regex within seconds, so that it fails rather than hangs: a
  // CR-only file is one long "line" to `[^\n]*`, and 12 lines took it 1.4 s.
  const cases: [string, number, (count: number, body: string) => string][] = [
    ['a banner line of 24 # costs as much as one of 12', 12, (hashes, body) => `${'#'.repeat(hashes)}\n${body}`],
    ['24 CRLF comment lines cost as much as 12', 12, (lines, body) => `${'# a comment line\r\n'.repeat(lines)}${body.replace(/\n/g, '\r\n')}`],
    ['a CR-only file: 12 comment lines cost as much as 6', 6, (lines, body) => `${'# a comment line\r'.repeat(lines)}${body.replace(/\n/g, '\r')}`],
  ];
  for (const [name, small, withComments] of cases) {
    test(`${name}, and 40 before the whole file are read through`, () => {
      const ratio = growthRatio((count) => checkedHiddenSize(withComments(count, MAXTEXT_BODY)), small, 2 * small);
      assert.ok(ratio < NOT_EXPONENTIAL, `twice the comments cost ${ratio.toFixed(1)}× as much`);
      assert.equal(checkedHiddenSize(withComments(40, MAXTEXT)), 4096);
    });
  }

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
    assert.ok(ratio < NOT_EXPONENTIAL, `12 levels cost ${ratio.toFixed(1)}× 6`);
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
    const ratio = growthRatio((length) => glob.test('a'.repeat(length)), 40, 80);
    // A backtracking regular expression costs about length^5 / 5! here: 36 times more at twice the length.
    assert.ok(ratio < 12, `a name twice as long cost ${ratio.toFixed(1)}× more`);
    assert.equal(compileGlob(`${'*a'.repeat(40)}*b`).test('a'.repeat(5000)), false);
    assert.equal(compileGlob(`${'*a'.repeat(40)}*b`).test(`${'a'.repeat(5000)}b`), true);
  });

  test('matches what the regular expression it replaced matched, on short patterns and paths', () => {
    const token = fc.constantFrom('a', 'b', '/', '.', '*', '**/', '?', '{a,b/}', '{,a.}');
    const path = fc.array(fc.constantFrom('a', 'b', '/', '.'), { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }).map((tokens) => tokens.join('')), path, (glob, candidate) => {
        assert.equal(compileGlob(glob).test(candidate), backtrackingGlob(glob).test(candidate), `${glob} on ${candidate}`);
      }),
      { seed: 18, numRuns: 3000 },
    );
  });

  test('braces expand to a bounded number of alternatives; past it the pattern is refused', () => {
    assert.ok(compileGlob('{a,b{c,d}}.yml').test('bd.yml'));
    assert.throws(() => compileGlob('{a,b}'.repeat(10)), /more than 256 alternatives/);
    assert.throws(() => compileGlob('{'.repeat(10_000)), /never closed/);
  });
});

/** What association globs were matched with before (main at 8b4ea9f): a regular expression, right but backtracking. */
function backtrackingGlob(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  const anchored = glob.startsWith('/') || glob.startsWith('**') || !glob.includes('/') ? '^' : '(?:^|/)';
  return new RegExp(`${anchored}${source}$`);
}
