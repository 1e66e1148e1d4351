/** The extension's entry for both extension hosts: Node (`main`) and the web worker (`browser`, vscode.dev and github.dev). */
import type * as vscode from 'vscode';

export { deactivate } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Imported on demand: the web worker never evaluates the Node client, nor Node the browser one.
  const host = 'WorkerGlobalScope' in globalThis ? await import('./browser.js') : await import('./node.js');
  await host.activate(context);
}
