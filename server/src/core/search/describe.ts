/** How a searched shape, its changes and its run read, the same in the CLI and the report. */
import { gib } from '../rules/memory';
import type { Change } from './edits';
import type { SearchRank } from './index';
import type { RankedBy, SearchRun } from './run';
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

/** What the ranking is by: "the run's tokens/s per GPU (8 GPUs: …) at equal size (× params / current params)". */
export function describeRanking(result: { rank: SearchRank; rankedByNote: string }): string {
  return `${result.rankedByNote}${result.rank === 'tokens' ? '' : ', at equal size (× params / current params)'}`;
}

/** The tokens/s column's heading: what the search ranks by. */
export function rankedColumn(rankedBy: RankedBy): string {
  return rankedBy === 'run' ? 'tokens/s/GPU' : 'tokens/s';
}

/** "70 GiB ✗": memory per GPU, marked where it does not fit. */
export function describeMemory(run: SearchRun): string {
  return `${gib(run.peakBytesPerGpu)} GiB${run.fits ? '' : ' ✗'}`;
}

/** "8,090 tokens/s/GPU, MFU 46%, 70 GiB per GPU: does not fit". */
export function describeRun(run: SearchRun): string {
  return `${Math.round(run.tokensPerSecondPerGpu).toLocaleString('en-US')} tokens/s/GPU, MFU ${Math.round(run.mfu * 100)}%, ${gib(run.peakBytesPerGpu)} GiB per GPU${run.fits ? '' : ': does not fit'}`;
}
