import type { CheckResult } from '../check';
import type { Span } from '../model/document';
import type { NumberField } from '../model/shape';

export interface InlayHintData {
  /** Where the hint sits: right after the value it explains. */
  offset: number;
  label: string;
  tooltip: string;
}

/**
 * `head_dim = 80` after the heads, `padded → 50304` after a vocabulary the framework pads, the
 * dense layers an MoE layer pattern leaves: the values a person otherwise works out in their head. Only hints inside `range` (if given).
 */
export function inlayHints(result: CheckResult, range?: Span): InlayHintData[] {
  const shape = result.shape;
  if (!shape) return [];
  const hints: InlayHintData[] = [];
  const headDim = shape.headDim.value;
  if (headDim !== null && shape.headDim.origin !== 'file') {
    addAfter(hints, shape.numHeads, `head_dim = ${formatHeadDim(headDim)}`, 'Head dimension h/a: the width of each attention head.');
  }
  const padded = shape.paddedVocabSize.value;
  if (padded !== null && shape.vocabSize.value !== null && padded !== shape.vocabSize.value) {
    addAfter(hints, shape.vocabSize, `padded → ${padded}`, 'Embedding rows the framework allocates after padding the vocabulary.');
  }
  // A mixture of experts' layer pattern (`--moe-layer-freq ([0]+[1]*26)`, `decoder_sparse_step 2`) and shared experts (`n_shared_experts 1`), counted.
  const dense = shape.denseLayers;
  if (dense.value !== null && dense.origin === 'derived' && shape.numLayers.value !== null) {
    addAfter(hints, dense, `dense layers = ${dense.value} of ${shape.numLayers.value}`, 'Layers that keep a dense MLP instead of experts, by the file\'s MoE layer pattern.');
  }
  const shared = shape.sharedExpertFfnSize;
  if (shared.value !== null && shared.value > 0 && shared.origin === 'derived') {
    addAfter(hints, shared, `shared MLP = ${shared.value}`, 'Total width of the shared experts every token runs in each MoE layer.');
  }
  return range ? hints.filter((hint) => hint.offset >= range.offset && hint.offset <= range.offset + range.length) : hints;
}

function addAfter(hints: InlayHintData[], field: NumberField, label: string, tooltip: string): void {
  const span = field.valueSpan ?? field.usedAt;
  if (span) hints.push({ offset: span.offset + span.length, label, tooltip });
}

function formatHeadDim(headDim: number): string {
  return Number.isInteger(headDim) ? String(headDim) : headDim.toFixed(2);
}
