import type { ConfigDocument } from '../model/document';
import type { FormatId, ModelShape } from '../model/shape';
import type { HubConfigLookup } from '../model/options';

/** What a reader may ask of where it runs, beyond the file: nothing the core reads itself. */
export interface ReadContext {
  /** A Hub model's `config.json` from the local Hugging Face cache (the Node host's; absent elsewhere). */
  hubConfig?: HubConfigLookup;
}

/**
 * A format reader maps a parsed document to a ModelShape with the framework's semantics
 * (defaults, padding, gated-MLP widths). It never judges: rules do.
 */
export interface FormatReader {
  id: FormatId;
  /** Human name, e.g. "GPT-NeoX YAML". */
  label: string;
  /**
   * How sure we are that this text is this format, 0 (not at all) to 1 (certain), from the
   * file name and a cheap look at the content. Must stay fast on a 5 MB file.
   */
  detect(fileName: string, text: string): number;
  /**
   * The keys, flags or sections whose presence tells this format (the ones `detect` weighs);
   * `check --format json` lists those a file has, as the reason it was read so.
   */
  evidence: readonly string[];
  parse(text: string): ConfigDocument;
  read(document: ConfigDocument, context?: ReadContext): ModelShape;
}
