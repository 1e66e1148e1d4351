/**
 * Property-based: fixtures mutated at random (deleted, duplicated and inserted text, hostile
 * characters, emoji, deep brackets) go through every reader, check, hover, inlay hints, code lens
 * and the report. Every range and edit stays inside the document; every safe fix replaces a
 * number with a number (byte-safe: nothing else changes), clears its diagnostic, and fixing
 * again changes nothing.
 *
 * `npm test` runs a fixed seed and a bounded count; a long run:
 *   SHAPELINT_PROPERTY_RUNS=1000000 [SHAPELINT_PROPERTY_SEED=n] node --import tsx --test test/unit/property.test.ts
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { suite, test } from 'node:test';
import fc from 'fast-check';
import { codeLens } from '../../server/src/core/features/code-lens';
import { applyFixes, safeFixes } from '../../server/src/core/features/fixes';
import { doHover } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlay-hints';
import { renderReportHtml, reportData } from '../../server/src/core/features/report';
import { check, type CheckResult } from '../../server/src/core/pipeline/check';
import type { Span } from '../../server/src/core/pipeline/document';
import { FORMAT_IDS, type FormatId } from '../../server/src/core/pipeline/shape';

const RUNS = Number(process.env.SHAPELINT_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.SHAPELINT_PROPERTY_SEED ?? 20261201);
const FIXTURES = join(__dirname, '..', 'fixtures');

function fixtureFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return /\.(json|ya?ml|sh|slurm|py|toml)$/.test(name) ? [path] : [];
  });
}

const FIXTURE_TEXTS = fixtureFiles(FIXTURES).map((path) => ({ fileName: basename(path), text: readFileSync(path, 'utf8') }));

/** Pieces that stress the readers: syntax of every format, emoji (surrogate pairs), deep nesting. */
const HOSTILE = ['{', '}', '[', ']', '(', ')', '"', "'", '\\', '\\\n', '$', '${', '${model.', '}}', '$((', '`', ':', ': ', '- ', '#', '\n', '\r\n', '\t', ',', '*', '&a ', '*a', '<<', '???', '=', '--hidden-size ', '--num-attention-heads=', 'if ', 'then ', 'fi\n', 'case ', ';;', 'esac', '😀', '\u{10FFFF}', '\uD800', '0', '7', '64', '-1', '1e309', '2560', ' '];

type Mutation = { kind: 'delete' | 'duplicate'; at: number; length: number } | { kind: 'insert'; at: number; piece: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    piece: fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('')),
      fc.integer({ min: 1, max: 3000 }).chain((depth) => fc.constantFrom('[', '{', '(', '${a:-', '-').map((open) => open.repeat(depth))),
      fc.string({ maxLength: 12 }),
    ),
  }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const change of mutations) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1);
    if (change.kind === 'insert') result = result.slice(0, at) + change.piece + result.slice(at);
    else if (change.kind === 'delete') result = result.slice(0, at) + result.slice(at + change.length);
    else result = result.slice(0, at) + result.slice(at, at + change.length) + result.slice(at);
  }
  return result;
}

const inside = (text: string, span: Span, what: string) =>
  assert.ok(span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length, `${what}: ${span.offset}+${span.length} outside 0..${text.length}`);

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
}

/** Every feature answers, and every range it gives is inside the text. */
function assertFeatures(text: string, fileName: string, result: CheckResult): void {
  for (const finding of result.findings) {
    inside(text, finding.span, finding.ruleId);
    if (finding.ruleId === 'syntax') assert.ok(!isLowSurrogate(text, finding.span.offset) && !isLowSurrogate(text, finding.span.offset + finding.span.length), 'syntax range splits a surrogate pair');
    for (const related of finding.related) inside(text, related.span, `${finding.ruleId} related`);
    for (const edit of finding.fixes.flatMap((fix) => fix.edits)) inside(text, edit, `${finding.ruleId} edit`);
  }
  if (!result.reader) return;
  for (const hint of inlayHints(result)) assert.ok(hint.offset >= 0 && hint.offset <= text.length, 'inlay hint outside the text');
  for (const offset of [0, text.length >> 2, text.length >> 1, text.length]) {
    const hover = doHover(result, offset);
    if (hover) inside(text, hover.span, 'hover');
  }
  codeLens(result);
  const report = reportData(result, fileName);
  if (report) assert.ok(renderReportHtml(report).length > 0);
}

/** Safe fixes: numbers for numbers, nothing else touched; they clear their findings, and a second pass does nothing. */
function assertSafeFixes(text: string, fileName: string, format: FormatId | undefined, result: CheckResult): void {
  const fixes = safeFixes(result.findings);
  if (fixes.length === 0) return;
  for (const edit of fixes.flatMap((fix) => fix.edits)) {
    assert.match(text.slice(edit.offset, edit.offset + edit.length), /^[-+]?\d+$/, 'a safe fix replaces an integer literal');
    assert.match(edit.newText, /^\d+$/, 'with an integer literal');
  }
  const fixed = applyFixes(text, fixes);
  // Byte-safe: outside the edited literals, the text is unchanged.
  const edits = fixes.flatMap((fix) => fix.edits).sort((a, b) => a.offset - b.offset);
  const kept = (source: string, ranges: { offset: number; length: number }[]) => {
    let last = 0;
    const pieces: string[] = [];
    for (const range of ranges) {
      pieces.push(source.slice(last, range.offset));
      last = range.offset + range.length;
    }
    return [...pieces, source.slice(last)];
  };
  let shift = 0;
  const after = edits.map((edit) => {
    const moved = { offset: edit.offset + shift, length: edit.newText.length };
    shift += edit.newText.length - edit.length;
    return moved;
  });
  assert.deepEqual(kept(fixed, after), kept(text, edits), 'only the fixed literals change');
  const again = check(fixed, fileName, format ? { format } : {});
  for (const fix of fixes) {
    const [edit] = fix.edits;
    const moved = after[edits.indexOf(edit)];
    const stillThere = again.findings.some((finding) => finding.fixes.some((other) => other.safe && other.edits.some((e) => e.offset === moved.offset)));
    assert.ok(!stillThere, `${fix.title}: its finding is still offered a safe fix after it`);
  }
  assert.equal(applyFixes(fixed, safeFixes(again.findings)), fixed, 'fixing again changes nothing');
}

suite(`property: mutated fixtures (${RUNS} cases, seed ${SEED})`, () => {
  test('readers, check and every feature: no crash, every range inside the text, safe fixes byte-safe and final', () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURE_TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, ...FORMAT_IDS), (index, mutations, format) => {
        const { fileName, text: original } = FIXTURE_TEXTS[index];
        const text = mutate(original, mutations);
        const result = check(text, fileName, format ? { format } : {});
        assertFeatures(text, fileName, result);
        assertSafeFixes(text, fileName, format, result);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
  });
});
