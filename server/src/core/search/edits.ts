/**
 * A candidate shape as edits to the file, made the way quick fixes make them (literalEdit: the
 * literal a person would edit, through shell variables and interpolations), and checked again:
 * a candidate is offered only when the edited file reads back as that shape and no alignment
 * rule fires on it.
 */
import { check, type CheckResult } from '../check';
import { spanText } from '../model/document';
import type { TextEdit } from '../model/findings';
import type { LayerSpec } from '../perf';
import { applyFixes } from '../rules/fixes';
import { literalEdit } from '../rules/support';
import { FIELD_LABELS, NUMERIC_FIELDS, shapeValues, type ModelShape, type NumberField, type NumericFieldName } from '../model/shape';
import { DIM_NAMES, type SearchDims } from './space';

/** The rules a candidate must pass: alignment, divisibility and the parallel splits. */
export const ALIGNMENT_RULES = ['heads-divide-hidden', 'kv-heads', 'tensor-parallel', 'vocab-size', 'head-dim', 'hidden-size', 'ffn-size', 'gated-mlp-width', 'pipeline-parallel'] as const;

/** Fields the search writes; the vocabulary goes through the vocab-size rule's own padding fix. */
const EDITED_FIELDS: readonly NumericFieldName[] = ['hiddenSize', 'numHeads', 'numKvHeads', 'headDim', 'ffnHiddenSize', 'numLayers'];

export interface Change {
  field: keyof SearchDims;
  /** The field's plain name ("MLP size"). */
  label: string;
  /** The key as the file spells it, when the file has one. */
  key?: string;
  /** The values the framework will use (a GPT-NeoX gated MLP's width, not its `intermediate_size`). */
  from: number;
  to: number;
  /** Follows from the others (h/a, the framework's MLP width for h), no edit of its own. */
  derived: boolean;
}

/**
 * The changed fields. With a file, the vocabulary's change is that of the padding edit: a
 * divisor, or the size itself.
 */
export function changesBetween(current: SearchDims, candidate: SearchDims, base: FileBase | null): Change[] {
  const shape = base?.result.shape;
  const changes: Change[] = DIM_NAMES.filter((name) => name !== 'vocabSize' && current[name] !== candidate[name]).map((name) => ({
    field: name,
    label: FIELD_LABELS[name],
    // A key whose literal the framework transforms (GPT-NeoX's gated intermediate_size) would read as that literal: the label says what changes.
    ...(shape?.[name].key && !shape[name].toLiteral ? { key: shape[name].key } : {}),
    from: current[name],
    to: candidate[name],
    derived: shape ? !editable(shape, name, base.text) : name === 'headDim' || (name === 'numKvHeads' && current.numKvHeads === current.numHeads),
  }));
  if (!base || !shape) {
    if (current.vocabSize !== candidate.vocabSize) changes.push({ field: 'vocabSize', label: FIELD_LABELS.vocabSize, from: current.vocabSize, to: candidate.vocabSize, derived: false });
    return changes;
  }
  for (const edit of base.vocabEdits) {
    // The padding edit lands on the field's literal, or on its reference when the literal is shared.
    const name = VOCAB_FIELDS.find((field) => [shape[field].valueSpan, shape[field].reference].some((span) => span?.offset === edit.offset));
    if (!name) continue;
    const key = shape[name].key;
    changes.push({ field: 'vocabSize', label: FIELD_LABELS[name], ...(key ? { key } : {}), from: shape[name].value ?? 0, to: Number(edit.newText.replace(/["']/g, '')), derived: false });
  }
  return changes;
}

const VOCAB_FIELDS: readonly NumericFieldName[] = ['paddedVocabSize', 'vocabDivisor', 'vocabSize'];

/** The dims a checked file has, or null when a spec is missing. */
export function dimsOf(result: CheckResult): SearchDims | null {
  return result.spec ? dimsOfSpec(result.spec) : null;
}

export function dimsOfSpec(spec: LayerSpec): SearchDims {
  return {
    hiddenSize: spec.hiddenSize,
    numHeads: spec.numHeads,
    numKvHeads: spec.numKvHeads,
    headDim: spec.headDim,
    ffnHiddenSize: spec.ffnHiddenSize,
    numLayers: spec.numLayers,
    vocabSize: spec.vocabSize,
  };
}

export function sameDims(a: SearchDims, b: SearchDims): boolean {
  return DIM_NAMES.every((name) => a[name] === b[name]);
}

/**
 * Whether the search may change a field: a number literal in the file (maybe reached through a
 * variable or interpolation). A resolver such as `${multiply:4, ${.hidden_size}}` is left to
 * follow what it refers to.
 */
export function editable(shape: ModelShape, name: NumericFieldName, text: string): boolean {
  const span = shape[name].valueSpan;
  return shape[name].origin === 'file' && span !== undefined && NUMBER_LITERAL.test(spanText(text, span));
}

const NUMBER_LITERAL = /^(["']?)\d+\1$/;

export type Verified = { ok: true; edits: TextEdit[]; result: CheckResult } | { ok: false; reason: string };

/**
 * The file's text and its check, and the padding fix of the vocab-size rule (empty when the
 * vocabulary is aligned or kept): the edits every candidate builds on.
 */
export interface FileBase {
  text: string;
  fileName: string;
  result: CheckResult;
  vocabEdits: TextEdit[];
}

/**
 * The vocab-size rule's padding fix on the current file, unless the run loads a checkpoint whose
 * embedding it would no longer match. Unlike `--fix`, the search may pad a Hugging Face vocabulary:
 * a candidate lists the change, and a person applies it knowingly.
 */
export function vocabPaddingEdits(result: CheckResult): TextEdit[] {
  if (result.shape?.loadsCheckpoint !== undefined) return [];
  const finding = result.findings.find((candidate) => candidate.ruleId === 'vocab-size');
  return finding?.fixes.find((candidate) => candidate.isPreferred)?.edits ?? [];
}

/**
 * Edits turning the file into `dims`; null when a changed field is not a literal the search can
 * write. A literal shared with values the candidate does not change the same way (`H=4096` for
 * both the hidden size and the sequence length) is left alone where the key has a reference to
 * write a literal in place of; where it has none, the literal is edited and verifyCandidate
 * drops the candidate if anything it does not list changes with it.
 */
export function candidateEdits(base: FileBase, current: SearchDims, dims: SearchDims): TextEdit[] | null {
  const shape = base.result.shape as ModelShape;
  const edits: TextEdit[] = [...base.vocabEdits];
  const changed = EDITED_FIELDS.filter((name) => dims[name as keyof SearchDims] !== current[name as keyof SearchDims] && editable(shape, name, base.text));
  for (const name of changed) {
    const wanted = dims[name as keyof SearchDims];
    const edit = searchEdit(base, shape[name], wanted, readersChangedAlike(shape, changed, name, dims));
    if (!edit) return null;
    // Two fields through one variable: fine when they want the same value, a conflict otherwise.
    const same = edits.find((other) => other.offset === edit.offset);
    if (same && same.newText !== edit.newText) return null;
    if (!same) edits.push(edit);
  }
  return edits;
}

/**
 * The edit writing `wanted` for a field: at the key when its literal is shared with values not
 * changed alike and the key has a reference; else the literal itself, and verifyCandidate's
 * read-back rejects the candidate if an unlisted field changes with it.
 */
function searchEdit(base: FileBase, field: NumberField, wanted: number, readersChanged: number): TextEdit | undefined {
  return literalEdit(base, field, wanted, readersChanged) ?? literalEdit(base, field, wanted, Infinity);
}

/** The keys among the changed fields that read `name`'s literal and want the same value (each key once). */
function readersChangedAlike(shape: ModelShape, changed: readonly NumericFieldName[], name: NumericFieldName, dims: SearchDims): number {
  const span = shape[name].valueSpan;
  const keys = new Set<number | undefined>();
  for (const other of changed) {
    const field = shape[other];
    if (field.valueSpan?.offset === span?.offset && field.valueSpan?.length === span?.length && dims[other as keyof SearchDims] === dims[name as keyof SearchDims]) keys.add(field.keySpan?.offset);
  }
  return keys.size;
}

/**
 * Applies the edits and checks the file again: it must read as `dims`, with no alignment finding
 * other than one the file already has word for word (a kept field, a vocabulary the file does
 * not let the search pad), which the candidate leaves as it was.
 */
export function verifyCandidate(base: FileBase, current: SearchDims, dims: SearchDims): Verified {
  const edits = candidateEdits(base, current, dims);
  if (!edits) return { ok: false, reason: 'a field it changes is not a literal in the file' };
  const text = applyFixes(base.text, [{ title: '', isPreferred: false, safe: false, edits }]);
  const result = check(text, base.fileName, base.result.options);
  const readBack = dimsOf(result);
  if (!readBack || !sameDims(readBack, dims)) return { ok: false, reason: 'the edited file reads back as another shape' };
  const unlisted = unlistedChange(base.result.shape as ModelShape, result.shape);
  if (unlisted) return { ok: false, reason: `the edit would also change the ${unlisted}, through a literal it shares` };
  const before = new Set(base.result.findings.map((finding) => `${finding.ruleId} ${finding.message}`));
  const failing = result.findings.find(
    (finding) => ((ALIGNMENT_RULES as readonly string[]).includes(finding.ruleId) || finding.severity === 'error') && !before.has(`${finding.ruleId} ${finding.message}`),
  );
  if (failing) return { ok: false, reason: `the edited file fails ${failing.ruleId}` };
  return { ok: true, edits, result };
}

/** Fields the candidate's dims cover (the vocabulary's padding settings through its padded size); any other must not change. */
const SEARCHED_FIELDS: ReadonlySet<string> = new Set<string>([...DIM_NAMES, 'paddedVocabSize', 'vocabDivisor']);

/** The first field outside the searched ones whose value differs after the edits (sequence length, TP, dropout...), by label. */
export function unlistedChange(before: ModelShape, after: ModelShape | null): string | undefined {
  if (!after) return 'shape';
  const old = shapeValues(before);
  const now = shapeValues(after);
  const changed = Object.keys(old).find((name) => !SEARCHED_FIELDS.has(name) && old[name] !== now[name]);
  if (changed === undefined) return undefined;
  return (NUMERIC_FIELDS as readonly string[]).includes(changed) ? FIELD_LABELS[changed as NumericFieldName] : changed;
}

/** The hidden size written into the file and checked again: what the framework derives from it (an MLP width that is not its own setting). */
export function derivedWithHidden(base: FileBase, hidden: number): CheckResult | null {
  const shape = base.result.shape as ModelShape;
  const edit = searchEdit(base, shape.hiddenSize, hidden, 1);
  if (!edit) return null;
  return check(applyFixes(base.text, [{ title: '', isPreferred: false, safe: false, edits: [...base.vocabEdits, edit] }]), base.fileName, base.result.options);
}
