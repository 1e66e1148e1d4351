/**
 * Property-based: fixtures mutated at random (deleted, duplicated and inserted text, hostile
 * characters, emoji, deep brackets; and the shapes that found issue 18's hangs and crashes:
 * `#` banners, CRLF and CR-only line ends, YAML anchors and aliases that refer to themselves or
 * multiply, flow maps, TOML inline tables and `**` chains nested thousands deep) go through every
 * reader, check, hover, inlay hints, code lens and the report. No finding is a stack overflow
 * passed off as a syntax error. Every range and edit stays inside the document; every safe fix replaces a
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

/** An alias bomb of `depth` levels, each holding two aliases of the one before (2^depth expansions unbounded). */
function aliasBomb(depth: number, empty: '[]' | '{}'): string {
  const lines = [`b0: &b0 ${empty}`];
  for (let level = 1; level <= depth; level++) lines.push(empty === '[]' ? `b${level}: &b${level} [*b${level - 1}, *b${level - 1}]` : `b${level}: &b${level} {x: *b${level - 1}, y: *b${level - 1}}`);
  return `\n${lines.join('\n')}\n`;
}

/** Issue 18's shapes: each made a reader hang, crash, or report a stack overflow as a syntax error. */
const ISSUE_18_PIECES: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((hashes) => `${'#'.repeat(hashes)}\n`),
  fc.integer({ min: 1, max: 40 }).map((lines) => '# a comment line\r\n'.repeat(lines)),
  fc.constantFrom('\nx: &x [*x]\n', '\nx: &x {a: *x}\n', '\n<<: *x\n', '&h ', '*h'),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('[]' as const, '{}' as const)).map(([depth, empty]) => aliasBomb(depth, empty)),
  fc.tuple(fc.integer({ min: 1, max: 12_000 }), fc.constantFrom(['{a: ', '}'], ['{a = ', '}'], ['[', ']'])).map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`),
  fc.integer({ min: 2, max: 6000 }).map((operands) => Array.from({ length: operands }, () => '1').join(' ** ')),
);

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
      ISSUE_18_PIECES,
    ),
  }),
);

/** How the mutated text's lines end: as written, CRLF (a Windows checkout with autocrlf), or CR only. */
type LineEnds = 'as-written' | 'crlf' | 'cr';

function withLineEnds(text: string, lineEnds: LineEnds): string {
  if (lineEnds === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (lineEnds === 'cr') return text.replace(/\r?\n/g, '\r');
  return text;
}

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
    assert.doesNotMatch(finding.message, /Maximum call stack/, `${finding.ruleId}: a stack overflow reported as a finding`);
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
      fc.property(
        fc.nat({ max: FIXTURE_TEXTS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(undefined, ...FORMAT_IDS),
        fc.constantFrom<LineEnds>('as-written', 'as-written', 'crlf', 'cr'),
        // At the start of the file, where a banner is read by the leading-comment scan: one case in four.
        fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: ISSUE_18_PIECES, weight: 1 }),
        (index, mutations, format, lineEnds, prefix) => {
          const { fileName, text: original } = FIXTURE_TEXTS[index];
          const text = prefix + withLineEnds(mutate(original, mutations), lineEnds);
          const result = check(text, fileName, format ? { format } : {});
          assertFeatures(text, fileName, result);
          assertSafeFixes(text, fileName, format, result);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
  });
});
