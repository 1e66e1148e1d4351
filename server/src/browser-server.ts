/**
 * The language server in a web worker, for VS Code's web worker extension host (vscode.dev,
 * github.dev): the client starts server/out/cli.js as a worker, and cli.ts loads this module.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './lsp/browser-host';
import { startLanguageServer } from './lsp/server';

// The worker's global scope is the message port (this project's tsconfig has no WebWorker lib).
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
startLanguageServer(connection, browserHost(connection));
