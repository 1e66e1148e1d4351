import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
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
  const [transport] = args;
  if (args.length !== 1 || !TRANSPORTS.some((known) => known === transport)) {
    throw new UsageError(`expected one of ${TRANSPORTS.join(', ')}, got '${args.join(' ')}'`);
  }
  if (transport === '--stdio') {
    // stdout carries the protocol: anything else printed goes to stderr, which editors log.
    for (const method of ['log', 'info', 'warn', 'debug'] as const) console[method] = console.error;
    startLanguageServer(stdioConnection(process.stdin, process.stdout, (code) => process.exit(code)));
  } else {
    startLanguageServer(createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process)));
  }
  // The connection exits the process when the client disconnects.
  return new Promise<number>(() => {});
};

export default lsp;
