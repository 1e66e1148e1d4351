/** How a searched shape and its changes read, the same in the CLI and the report. */
import type { Change } from './edits';
import type { SearchDims } from './space';

/** "h=2560 a=32 (d=80) kv=32 ffn=10240 L=32 v=50257". */
export function describeDims(dims: SearchDims): string {
  const kv = dims.numKvHeads === dims.numHeads ? '' : ` kv=${dims.numKvHeads}`;
  return `h=${dims.hiddenSize} a=${dims.numHeads} (d=${dims.headDim})${kv} ffn=${dims.ffnHiddenSize} L=${dims.numLayers} v=${dims.vocabSize || '-'}`;
}

/** The changes as a line, leaving out kv heads that follow the heads in multi-head attention. */
export function describeChanges(changes: readonly Change[], current: SearchDims, candidate: SearchDims): string {
  const multiHead = current.numKvHeads === current.numHeads && candidate.numKvHeads === candidate.numHeads;
  return changes
    .filter((change) => !(multiHead && change.field === 'numKvHeads'))
    .map(describeChange)
    .join(', ');
}

/** "n_head 32 → 20", or "(head dim 80 → 128)" for what follows from the other changes. */
export function describeChange(change: Change): string {
  const text = `${change.key ?? change.label} ${change.from} → ${change.to}`;
  return change.derived ? `(${text})` : text;
}
