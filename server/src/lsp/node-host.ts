import { fileURLToPath } from 'node:url';
import { uriPath, type LanguageServerHost } from './host';
import { ProfileCache, resolveProfilePath } from './profiles';

/** The server under Node: file URIs are paths on this machine, and profiles are read from disk. */
export function nodeHost(): LanguageServerHost {
  const profiles = new ProfileCache();
  const fileNameOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uriPath(uri));
  return {
    fileNameOf,
    async loadProfile(setting, documentUri, workspaceFolderUris) {
      const path = resolveProfilePath(setting, fileNameOf(documentUri), workspaceFolderUris.map(fileNameOf));
      return { source: path, ...profiles.load(path) };
    },
  };
}
