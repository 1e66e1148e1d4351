/**
 * The extension in the web worker extension host (vscode.dev, github.dev): the language server
 * runs in a web worker, and reads files (a GPU profile) through this client.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ReadProfileRequest, type ReadProfileParams, type ReadProfileResult } from '../../server/src/protocol';
import { activateWith } from './extension';

// The worker globals of the web worker extension host (this project's tsconfig has no DOM or WebWorker lib).
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await activateWith(context, async (clientOptions) => {
    // new Worker(extension URI) is refused for remote extensions ("Creating workers from remote extensions is
    // currently not supported"): read the bundle and start it from a Blob URL. The client gets the Worker itself,
    // not a function making one: the host replaces the global Worker, so the client's instanceof check would fail.
    const bundle = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'cli.js')));
    const worker = new Worker(URL.createObjectURL(new Blob([asWorkerScript(bundle)], { type: 'text/javascript' })), { name: 'shapelint language server' });
    const created = new LanguageClient('shapelint', 'shapelint', worker, clientOptions);
    created.onRequest(ReadProfileRequest, readProfile);
    return created;
  });
}

/**
 * The CLI bundle (CommonJS, run by Node) as a classic worker script: without its `#!` line, which is
 * valid only as a script's first line, and with the `module` it assigns its exports to.
 */
function asWorkerScript(cliBundle: string): string {
  return `var module = { exports: {} }, exports = module.exports;\n${cliBundle.replace(/^#!.*\n/, '')}`;
}

/** Where a `shapelint.gpuProfile` setting points, as the Node server resolves it: absolute, else from the document's workspace folder (or its folder). */
async function readProfile({ setting, uri }: ReadProfileParams): Promise<ReadProfileResult> {
  const document = vscode.Uri.parse(uri);
  const path = setting.replace(/^\$\{workspaceFolder\}[\\/]?/, '');
  const base = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
  const profile = path.startsWith('/') ? document.with({ path }) : vscode.Uri.joinPath(base, path);
  try {
    return { source: profile.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(profile)) };
  } catch (error) {
    return { source: profile.toString(), error: error instanceof vscode.FileSystemError ? error.code || error.message : String(error) };
  }
}
