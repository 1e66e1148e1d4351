import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from '../lsp/node-host';
import { startLanguageServer } from '../lsp/server';
import { stdioConnection } from '../lsp/stdio';
import { UsageError, type CliCommand } from './io';

const TRANSPORTS = ['--stdio', '--node-ipc'] as const;

const HELP = `usage: shapelint lsp --stdio

Runs the shapelint language server, speaking LSP over stdin/stdout, for any editor
(see docs/editors.md for Neovim, Helix and Emacs).
`;

/** `shapelint lsp --stdio`: the language server; runs until the client disconnects. */
export const lsp: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  // vscode-languageclient adds --clientProcessId=PID; vscode-languageserver watches that process itself.
  const transportArgs = args.filter((arg) => !/^--clientProcessId=\d+$/.test(arg));
  const [transport] = transportArgs;
  if (transportArgs.length !== 1 || !TRANSPORTS.some((known) => known === transport)) {
    throw new UsageError(`expected one of ${TRANSPORTS.join(', ')}, got '${args.join(' ')}'`);
  }
  let connection;
  if (transport === '--stdio') {
    // stdout carries the protocol: anything else printed goes to stderr, which editors log.
    for (const method of ['log', 'info', 'warn', 'debug'] as const) console[method] = console.error;
    connection = stdioConnection(process.stdin, process.stdout, (code) => process.exit(code));
  } else {
    connection = createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  }
  // The server owns its process: a stray rejected promise is logged, never fatal.
  process.on('unhandledRejection', (reason) => connection.console.error(`shapelint: unhandled rejection: ${String(reason)}`));
  startLanguageServer(connection, nodeHost());
  // The connection exits the process when the client disconnects.
  return new Promise<number>(() => {});
};

export default lsp;
