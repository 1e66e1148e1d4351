/**
 * What the language server needs from where it runs. Node (the CLI's `shapelint lsp`, which the
 * VS Code extension starts) reads files itself; a web worker (vscode.dev, github.dev) has no file
 * system and asks the client.
 */
import type { HubConfigLookup } from '../core/model/options';
import type { ProfileLoad } from './profiles';

export interface LanguageServerHost {
  /** The path the core sees for a document URI (formats are detected by file name). */
  fileNameOf(uri: string): string;
  /**
   * The measured GEMM profile that the `shapelint.gpuProfile` setting names for a document; `source`
   * says where it was looked for. Null when this host reads no profile for such a document.
   */
  loadProfile(setting: string, documentUri: string, workspaceFolderUris: readonly string[]): Promise<(ProfileLoad & { source: string }) | null>;
  /** The local Hugging Face cache's config.json for a Hub id the catalogue lacks; absent where there is no file system. */
  hubConfig?: HubConfigLookup;
  /**
   * Collects garbage now, where the host can. V8 collects only when JavaScript allocates, so a
   * server left idle after closing documents would hold their memory (808 MB after 10,000) until
   * its next edit.
   */
  collectGarbage?(): void;
}

/** The decoded path of a URI (`vscode-vfs://github/o/r/config.json` → `/o/r/config.json`); the text itself when it is no URI. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
