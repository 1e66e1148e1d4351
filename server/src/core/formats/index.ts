import type { FormatId } from '../model/shape';
import type { FormatReader } from './format';
import { axolotlReader } from './axolotl';
import { flagscaleReader } from './flagscale';
import { foundryReader } from './foundry';
import { hfReader } from './hf';
import { litgptReader } from './litgpt';
import { maxtextReader } from './maxtext';
import { megatronReader } from './megatron';
import { metaReader } from './meta';
import { nanogptReader } from './nanogpt';
import { nanotronReader } from './nanotron';
import { nemoReader } from './nemo';
import { nemo2Reader } from './nemo2';
import { olmoReader } from './olmo';
import { neoxReader } from './neox';
import { torchtitanReader } from './torchtitan';

export type { FormatReader } from './format';
export { refusal, type Refusal } from './refusals';
import { presentNames, sniffHead } from './sniff';

/** Explicit registry, in the order detection breaks ties. */
export const FORMAT_READERS: readonly FormatReader[] = [hfReader, neoxReader, megatronReader, nemoReader, litgptReader, nanogptReader, nanotronReader, flagscaleReader, metaReader, axolotlReader, torchtitanReader, maxtextReader, foundryReader, nemo2Reader, olmoReader];

export function formatReader(id: FormatId): FormatReader | undefined {
  return FORMAT_READERS.find((reader) => reader.id === id);
}

/** Below this, a file is not taken for a model config at all. */
export const DETECTION_THRESHOLD = 0.5;

/** Why a file was read as `reader`: the evidence names its head has. */
export function detectionEvidence(reader: FormatReader, text: string): string[] {
  return presentNames(sniffHead(text), reader.evidence);
}

export function detectFormat(fileName: string, text: string): FormatReader | undefined {
  let best: FormatReader | undefined;
  let bestScore = DETECTION_THRESHOLD;
  for (const reader of FORMAT_READERS) {
    const score = reader.detect(fileName, text);
    if (score >= bestScore && (best === undefined || score > bestScore)) {
      best = reader;
      bestScore = score;
    }
  }
  return best;
}
