/** The extension in VS Code's Node extension host: the language server is the CLI bundle's `shapelint lsp`, over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'cli.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, args: ['lsp'], transport: TransportKind.ipc },
    debug: { module, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // vscode-vfs: a virtual workspace (GitHub Repositories) in the desktop host; the server reads such a document from its text.
  await activateWith(context, (clientOptions) => new LanguageClient('shapelint', 'shapelint', serverOptions, clientOptions), ['file', 'untitled', 'vscode-vfs']);
}
