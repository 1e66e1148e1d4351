/**
 * The language server's entry point (server/out/server.js). The extension starts it over IPC
 * (`--node-ipc`); any other editor can run `node server/out/server.js --stdio`, or
 * `shapelint lsp --stdio`, which starts the same server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/server';

startLanguageServer(createConnection(ProposedFeatures.all));
