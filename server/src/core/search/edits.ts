/**
 * A candidate shape as edits to the file, made the way quick fixes make them (literalEdit: the
 * literal a person would edit, through shell variables and interpolations), and checked again:
 * a candidate is offered only when the edited file reads back as that shape and no alignment
 * rule fires on it.
 */
import { check, type CheckResult } from '../pipeline/check';
import { spanText } from '../pipeline/document';
import type { TextEdit } from '../pipeline/findings';
import type { LayerSpec } from '../perf';
import { applyFixes } from '../features/fixes';
import { literalEdit } from '../rules/support';
import { FIELD_LABELS, type ModelShape, type NumericFieldName } from '../pipeline/shape';
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
    const name = VOCAB_FIELDS.find((field) => shape[field].valueSpan?.offset === edit.offset);
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

/** The vocab-size rule's preferred safe fix on the current file: padding, never a resize the framework would not do. */
export function vocabPaddingEdits(result: CheckResult): TextEdit[] {
  const finding = result.findings.find((candidate) => candidate.ruleId === 'vocab-size');
  const fix = finding?.fixes.find((candidate) => candidate.safe && candidate.isPreferred) ?? finding?.fixes.find((candidate) => candidate.safe);
  return fix?.edits ?? [];
}

/** Edits turning the file into `dims`; null when a changed field is not a literal the search can write. */
export function candidateEdits(base: FileBase, current: SearchDims, dims: SearchDims): TextEdit[] | null {
  const shape = base.result.shape as ModelShape;
  const edits: TextEdit[] = [...base.vocabEdits];
  for (const name of EDITED_FIELDS) {
    const wanted = dims[name as keyof SearchDims];
    if (wanted === current[name as keyof SearchDims] || !editable(shape, name, base.text)) continue;
    const edit = literalEdit(base, shape[name], wanted);
    if (!edit) return null;
    // Two fields through one variable: fine when they want the same value, a conflict otherwise.
    const same = edits.find((other) => other.offset === edit.offset);
    if (same && same.newText !== edit.newText) return null;
    if (!same) edits.push(edit);
  }
  return edits;
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
  const before = new Set(base.result.findings.map((finding) => `${finding.ruleId} ${finding.message}`));
  const failing = result.findings.find(
    (finding) => ((ALIGNMENT_RULES as readonly string[]).includes(finding.ruleId) || finding.severity === 'error') && !before.has(`${finding.ruleId} ${finding.message}`),
  );
  if (failing) return { ok: false, reason: `the edited file fails ${failing.ruleId}` };
  return { ok: true, edits, result };
}

/** The hidden size written into the file and checked again: what the framework derives from it (an MLP width that is not its own setting). */
export function derivedWithHidden(base: FileBase, hidden: number): CheckResult | null {
  const shape = base.result.shape as ModelShape;
  const edit = literalEdit(base, shape.hiddenSize, hidden);
  if (!edit) return null;
  return check(applyFixes(base.text, [{ title: '', isPreferred: false, safe: false, edits: [...base.vocabEdits, edit] }]), base.fileName, base.result.options);
}
