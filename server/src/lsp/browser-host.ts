import type { Connection } from 'vscode-languageserver';
import { loadGemmProfile } from '../core/perf';
import { ReadProfileRequest } from '../protocol';
import { uriPath, type LanguageServerHost } from './host';

/** The server in a web worker: no file system, so the client reads the profile through VS Code's workspace.fs. */
export function browserHost(connection: Connection): LanguageServerHost {
  return {
    fileNameOf: uriPath,
    async loadProfile(setting, documentUri) {
      const read = await connection.sendRequest(ReadProfileRequest, { setting, uri: documentUri });
      if ('error' in read) return read;
      try {
        return { source: read.source, profile: loadGemmProfile(read.text) };
      } catch (error) {
        return { source: read.source, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
