/**
 * Typing never crashes the core: every fixture, cut off at many points (as it is mid-typing)
 * and with its numbers turned into words (a string where a number belongs), still checks, and
 * every finding and fix edit stays inside the text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../server/src/core/check';
import { doHover } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlay-hints';

const FIXTURES = join(__dirname, '..', 'fixtures');
const CUTS_PER_FILE = 40;

function fixtureFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return /\.(json|ya?ml|toml|sh|slurm|py)$/.test(name) ? [path] : [];
  });
}

function assertWellFormed(text: string, fileName: string, what: string): void {
  const result = check(text, fileName);
  for (const finding of result.findings) {
    const { offset, length } = finding.span;
    assert.ok(offset >= 0 && length >= 0 && offset + length <= text.length, `${what}: ${finding.ruleId} span ${offset}+${length} outside ${text.length}`);
    for (const edit of finding.fixes.flatMap((fix) => fix.edits)) {
      assert.ok(edit.offset >= 0 && edit.offset + edit.length <= text.length, `${what}: ${finding.ruleId} edit outside the text`);
    }
  }
  if (result.reader) {
    inlayHints(result);
    for (const offset of [0, Math.floor(text.length / 2), text.length]) doHover(result, offset);
  }
}

suite('robustness: half-typed and mistyped configs', () => {
  test('an error at the end of a half-typed file is an empty span at its end, and the rest is still checked', () => {
    const text = '{"model_type": "gpt2", "n_embd": 2560, "n_head": 32, "vocab_size": 50257';
    const findings = check(text, 'config.json').findings;
    const syntax = findings.filter((finding) => finding.ruleId === 'syntax');
    assert.deepEqual(syntax.map((finding) => finding.span), [{ offset: text.length, length: 0 }]);
    assert.deepEqual(findings.map((finding) => finding.ruleId).filter((id) => id !== 'syntax').sort(), ['head-dim', 'vocab-size']);
  });

  for (const path of fixtureFiles(FIXTURES)) {
    const name = relative(FIXTURES, path);
    const fileName = path.split('/').pop()!;
    const text = readFileSync(path, 'utf8');

    test(`${name}: cut off at ${CUTS_PER_FILE} points`, () => {
      for (let i = 1; i <= CUTS_PER_FILE; i++) {
        const cut = Math.floor((text.length * i) / (CUTS_PER_FILE + 1));
        assertWellFormed(text.slice(0, cut), fileName, `cut at ${cut}`);
      }
    });

    test(`${name}: numbers written as words`, () => {
      assertWellFormed(text.replace(/\b\d{2,}\b/g, 'many'), fileName, 'numbers as words');
    });
  }
});
