import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { uriPath, type LanguageServerHost } from './host';
import { localHubConfig } from './hf-cache';
import { ProfileCache, resolveProfilePath } from './profiles';

/** The server under Node: file URIs are paths on this machine; profiles and the Hugging Face cache are read from disk as untrusted input. */
export function nodeHost(): LanguageServerHost {
  const profiles = new ProfileCache();
  const fileNameOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uriPath(uri));
  return {
    fileNameOf,
    hubConfig: localHubConfig(),
    collectGarbage: garbageCollector(),
    async loadProfile(setting, documentUri, workspaceFolderUris) {
      // Only a document on disk has a workspace folder that the profile's path can be checked against.
      if (!documentUri.startsWith('file:')) return null;
      const documentPath = fileNameOf(documentUri);
      const folders = workspaceFolderUris.filter((uri) => uri.startsWith('file:')).map(fileNameOf);
      return { source: resolveProfilePath(setting, documentPath, folders), ...(await profiles.load(setting, documentPath, folders)) };
    },
  };
}

/** V8's `gc`, exposed for this process (Node's documented flag, set at run time); undefined where V8 refuses. */
function garbageCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => gc() : undefined;
  } catch {
    return undefined;
  }
}
