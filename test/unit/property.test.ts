/**
 * Property-based: fixtures mutated at random (deleted, duplicated and inserted text, hostile
 * characters, prototype names, emoji, deep brackets; and the shapes that found issue 18's hangs
 * and crashes: `#` banners, CRLF and CR-only line ends, YAML anchors and aliases that refer to
 * themselves or multiply, flow maps, TOML inline tables and `**` chains nested thousands deep) go
 * through every reader, check, hover, inlay hints, code lens and the report. No finding is a stack
 * overflow passed off as a syntax error. Every range and edit stays inside the document; every
 * size in the shape is a usable number or flagged invalid; every safe fix writes a number over a
 * literal or a reference to one (byte-safe: nothing else changes), changes no field but the
 * vocabulary (re-read from the fixed text), clears its diagnostic, and fixing again changes nothing.
 * Generated files add what found issue 18: literals shared by two fields (a shell variable, a
 * YAML anchor, an interpolation, a Python name), MaxText scales and derived MLP widths.
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
import { applyFixes, safeFixes } from '../../server/src/core/rules/fixes';
import { doHover } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlay-hints';
import { renderReportHtml, reportData } from '../../server/src/core/features/report';
import { check, type CheckResult } from '../../server/src/core/check';
import type { Span } from '../../server/src/core/model/document';
import { FIELD_LIMITS } from '../../server/src/core/formats/fields';
import { FORMAT_IDS, NUMERIC_FIELDS, shapeValues, type FormatId } from '../../server/src/core/model/shape';
import { MODEL_FIELDS } from '../../server/src/core/perf/spec';

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
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const HOSTILE = [...PROTOTYPE_NAMES, ...PROTOTYPE_NAMES.map((name) => `\${${name}:4096}`), '{', '}', '[', ']', '(', ')', '"', "'", '\\', '\\\n', '$', '${', '${model.', '}}', '$((', '`', ':', ': ', '- ', '#', '\n', '\r\n', '\t', ',', '*', '&a ', '*a', '<<', '???', '=', '--hidden-size ', '--num-attention-heads=', 'if ', 'then ', 'fi\n', 'case ', ';;', 'esac', '😀', '\u{10FFFF}', '\uD800', '0', '7', '64', '-1', '1e309', '2560', ' '];

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

/** Every size in the shape is a usable number (FIELD_LIMITS) or unknown; one that is invalid leaves nothing predicted. */
function assertSizes(result: CheckResult): void {
  if (!result.shape) return;
  for (const name of NUMERIC_FIELDS) {
    const { value, origin } = result.shape[name];
    if (value === null) continue;
    const zeroAllowed = FIELD_LIMITS[name].zeroMeansOff === true || origin === 'default';
    assert.ok(Number.isInteger(value) && (value > 0 || (value === 0 && zeroAllowed)) && value <= FIELD_LIMITS[name].above, `${name} ${value} (${origin}) is not a usable size`);
  }
  // The launch's sizes (sequence, batches, parallel sizes, GPUs) leave the layer predictable; the model's do not.
  if (MODEL_FIELDS.some((name) => result.shape?.[name].origin === 'invalid')) {
    assert.equal(result.spec, null, 'an invalid size of the model is predicted on');
  }
}

/** Every feature answers, and every range it gives is inside the text. */
function assertFeatures(text: string, fileName: string, result: CheckResult): void {
  assertSizes(result);
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
    // An integer literal, or the reference at the key when the literal is shared (`$ONE`, `*one`, `${.x}`, a name).
    assert.match(text.slice(edit.offset, edit.offset + edit.length), /^([-+]?\d+|\$\w+|\$\{[^}]*\}|\*\S+|[A-Za-z_]\w*)$/, 'a safe fix replaces an integer literal or a reference');
    assert.match(edit.newText, /^\d+$/, 'with an integer literal');
  }
  const fixed = applyFixes(text, fixes);
  assertOnlyVocabularyChanges(result, check(fixed, fileName, format ? { format } : {}));
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

const VOCABULARY_FIELDS = new Set(['vocabSize', 'paddedVocabSize', 'vocabDivisor']);

/** A safe fix pads the vocabulary: every other field of the shape, re-read from the fixed text, is as it was. */
function assertOnlyVocabularyChanges(before: CheckResult, after: CheckResult): void {
  if (!before.shape) return;
  assert.ok(after.shape, 'the fixed file still reads');
  const old = shapeValues(before.shape);
  const now = shapeValues(after.shape);
  const changed = Object.keys(old).filter((name) => !VOCABULARY_FIELDS.has(name) && old[name] !== now[name]);
  assert.deepEqual(changed, [], `a safe fix changed ${changed.map((name) => `${name} ${old[name]} → ${now[name]}`).join(', ')}`);
}

/**
 * Files that share one literal between the vocabulary divisor and other fields, in every way the
 * formats allow: a shell variable (also read by arithmetic), a YAML anchor (on either side), a
 * NeMo interpolation (direct or chained), a Python name. The vocabulary 50257 is never aligned.
 */
const SHARED_FIELDS = {
  megatron: ['--tensor-model-parallel-size', '--pipeline-model-parallel-size', '--micro-batch-size', '--num-layers'],
  neox: ['model_parallel_size', 'pipe_parallel_size', 'train_micro_batch_size_per_gpu', 'num_layers'],
  nemo: ['tensor_model_parallel_size', 'pipeline_model_parallel_size', 'micro_batch_size', 'num_layers'],
} as const;

const sharedLiteralFile: fc.Arbitrary<{ fileName: string; text: string }> = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 8 }), sharing: fc.subarray([...SHARED_FIELDS.megatron], { minLength: 1 }), arithmetic: fc.boolean(), ownVariable: fc.boolean() }).map(({ value, sharing, arithmetic, ownVariable }) => {
    const flags = SHARED_FIELDS.megatron.filter((flag) => !sharing.includes(flag)).map((flag) => `${flag} 2`);
    const divisor = ownVariable ? 'DIV' : 'V';
    return {
      fileName: 'train.sh',
      text: [
        `V=${value}`,
        ...(ownVariable ? [`DIV=$V`] : []),
        'torchrun pretrain_gpt.py --hidden-size 1024 --num-attention-heads 16 --seq-length 1024 --vocab-size 50257 \\',
        `  ${[...sharing.map((flag) => `${flag} $V`), ...flags].join(' ')} \\`,
        `  ${arithmetic ? '--global-batch-size $((V * 64)) ' : ''}--make-vocab-size-divisible-by $${divisor}`,
        '',
      ].join('\n'),
    };
  }),
  fc.record({ value: fc.integer({ min: 1, max: 8 }), sharing: fc.subarray([...SHARED_FIELDS.neox], { minLength: 1 }), anchorOnDivisor: fc.boolean() }).map(({ value, sharing, anchorOnDivisor }) => {
    const lines = SHARED_FIELDS.neox.map((key) => (sharing.includes(key) ? `${key}: ${anchorOnDivisor ? '*v' : key === sharing[0] ? `&v ${value}` : '*v'}` : `${key}: 2`));
    const divisor = `make_vocab_size_divisible_by: ${anchorOnDivisor ? `&v ${value}` : '*v'}`;
    return { fileName: 'neox.yml', text: [...(anchorOnDivisor ? [divisor] : []), ...lines, ...(anchorOnDivisor ? [] : [divisor]), 'hidden_size: 1024', 'num_attention_heads: 16', 'seq_length: 1024', 'vocab_size: 50257', ''].join('\n') };
  }),
  fc.record({ value: fc.integer({ min: 1, max: 8 }), sharing: fc.subarray([...SHARED_FIELDS.nemo], { minLength: 1 }), chained: fc.boolean() }).map(({ value, sharing, chained }) => {
    const [source, ...readers] = sharing;
    const lines = SHARED_FIELDS.nemo.map((key) => (key === source ? `  ${key}: ${value}` : readers.includes(key) ? `  ${key}: \${.${source}}` : `  ${key}: 2`));
    const divisor = chained && readers.length > 0 ? readers[0] : source;
    return {
      fileName: 'megatron_gpt_config.yaml',
      text: ['model:', ...lines, '  hidden_size: 1024', '  num_attention_heads: 16', '  encoder_seq_length: 1024', `  make_vocab_size_divisible_by: \${.${divisor}}`, '  tokenizer:', '    library: megatron', '    type: GPT2BPETokenizer', ''].join('\n'),
    };
  }),
  fc.record({ value: fc.integer({ min: 1, max: 48 }), sharing: fc.subarray(['n_layer', 'n_head', 'vocab_size'], { minLength: 2 }) }).map(({ value, sharing }) => ({
    fileName: 'train_gpt2.py',
    text: [`shared = ${value}`, ...['n_layer', 'n_head', 'vocab_size'].map((name) => `${name} = ${sharing.includes(name) ? 'shared' : name === 'vocab_size' ? 50257 : 12}`), 'n_embd = 768', ''].join('\n'),
  })),
);

/** MaxText's rotation, stated as doublings: step i (1, 2, 3, ...) doubles heads and MLP, then the embedding, then the layers. */
function rotationExponents(k: number): { embedding: number; heads: number; layers: number } {
  const exponents = { embedding: 0, heads: 0, layers: 0 };
  const dimension = (step: number) => (['layers', 'heads', 'embedding'] as const)[((step % 3) + 3) % 3];
  for (let step = 1; step <= k; step++) exponents[dimension(step)]++;
  for (let step = 0; step > k; step--) exponents[dimension(step)]--;
  return exponents;
}

const maxtextScale = fc.oneof(fc.integer({ min: -6, max: 24 }).map((k) => 2 ** k), fc.double({ min: -4, max: 100, noNaN: true }));
const derivedWidthFile = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((multiplier) => ({ fileName: 'params.json', text: `{"dim": 4096, "n_layers": 32, "n_heads": 32, "multiple_of": 256, "ffn_dim_multiplier": ${multiplier}, "vocab_size": 128256}` })),
  fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.double({ min: -10, max: 1e6, noNaN: true })).map((ratio) => ({ fileName: 'mpt.yaml', text: `model:\n  name: mpt_causal_lm\n  d_model: 768\n  n_heads: 12\n  n_layers: 12\n  expansion_ratio: ${ratio}\n  vocab_size: 50368\n` })),
  fc.record({ factor: fc.double({ min: -10, max: 1e5, noNaN: true }), multipleOf: fc.oneof(fc.integer({ min: -4, max: 1e9 }), fc.double({ min: -4, max: 1e9, noNaN: true })), gated: fc.boolean() }).map(({ factor, multipleOf, gated }) => ({
    fileName: 'neox.yml',
    text: `{"pipe_parallel_size": 1, "model_parallel_size": 1, "num_layers": 32, "hidden_size": 4096, "num_attention_heads": 32, "activation": "${gated ? 'swiglu' : 'gelu'}", "expansion_factor": ${factor}, "mlp_multiple_of": ${multipleOf}}\n`,
  })),
);

suite(`property: generated files (${RUNS} cases, seed ${SEED})`, () => {
  test('shared literals: a safe fix changes no field but the vocabulary, whatever shares the divisor', () => {
    fc.assert(
      fc.property(sharedLiteralFile, ({ fileName, text }) => {
        const result = check(text, fileName);
        assert.ok(result.reader, text);
        assertFeatures(text, fileName, result);
        assertSafeFixes(text, fileName, undefined, result);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
  });

  test('MaxText scales: a power of two scales each dimension as the rotation says; anything else is invalid-value, unpredicted', () => {
    fc.assert(
      fc.property(maxtextScale, fc.integer({ min: 1, max: 64 }), (scale, layers) => {
        const text = `base_emb_dim: 2048\nbase_num_query_heads: 16\nbase_num_kv_heads: 8\nbase_mlp_dim: 5632\nbase_num_decoder_layers: ${layers}\nhead_dim: 128\nglobal_parameter_scale: ${scale}\n`;
        const result = check(text, 'model.yml');
        assertFeatures(text, 'model.yml', result);
        const shape = result.shape!;
        const k = Math.log2(scale);
        if (!Number.isInteger(k)) {
          assert.ok(result.findings.some((finding) => finding.ruleId === 'invalid-value' && text.slice(finding.span.offset).startsWith(String(scale))), `scale ${scale}`);
          assert.equal(result.spec, null);
          return;
        }
        const { embedding, heads, layers: layerExponent } = rotationExponents(k);
        const expected = { hiddenSize: 2048 * 2 ** embedding, numHeads: 16 * 2 ** heads, numKvHeads: 8 * 2 ** heads, ffnHiddenSize: 5632 * 2 ** heads, numLayers: layers * 2 ** layerExponent };
        for (const [name, value] of Object.entries(expected) as [keyof typeof expected, number][]) {
          if (shape[name].origin === 'invalid') assert.ok(!Number.isInteger(value) || value > FIELD_LIMITS[name].above, `${name} ${value} is usable but flagged`);
          else assert.equal(shape[name].value, value, `${name} at scale ${scale}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
  });

  test('derived MLP widths (Meta ffn_dim_multiplier, llm-foundry expansion_ratio) are usable sizes or invalid-value, unpredicted', () => {
    fc.assert(
      fc.property(derivedWidthFile, ({ fileName, text }) => {
        const result = check(text, fileName);
        assertFeatures(text, fileName, result);
        const ffn = result.shape!.ffnHiddenSize;
        if (ffn.origin === 'invalid') assert.ok(result.findings.some((finding) => finding.ruleId === 'invalid-value'), text);
        else assert.ok(result.spec !== null || result.shape!.hiddenSize.origin === 'invalid', text);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
    );
  });
});

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
