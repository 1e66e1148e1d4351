import { TextDecoder } from 'node:util';
import { createConnection, ErrorCodes, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type Message } from 'vscode-languageserver/node';

/** A notification nobody handles: what a body that is not JSON becomes once answered. */
const IGNORED = '$/shapelint/unparsable';

/**
 * The LSP connection over stdin/stdout, hardened where vscode-jsonrpc only reports an error and
 * waits: a body that is not JSON is answered with -32700 (JSON-RPC's parse error, id null) and
 * reading goes on; a frame that cannot be read (a header without Content-Length, or a length
 * that is not a number) leaves no way to find the next message, so the server exits.
 */
export function stdioConnection(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, exit: (code: number) => void): Connection {
  const writer = new StreamMessageWriter(output);
  const reader = new StreamMessageReader(input, {
    charset: 'utf-8',
    contentTypeDecoder: {
      name: 'application/json',
      decode: async (buffer) => {
        try {
          return JSON.parse(new TextDecoder('utf-8').decode(buffer)) as Message;
        } catch {
          // V8's message may quote the body; the answer names the problem only.
          await writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: 'Parse error: the message body is not JSON' } } as Message);
          return { jsonrpc: '2.0', method: IGNORED } as Message;
        }
      },
    },
  });
  reader.onError((error) => {
    process.stderr.write(`shapelint: cannot read the LSP stream (${error.message.split('\n')[0]}); exiting\n`);
    exit(1);
  });
  // Given a reader rather than the stream, the connection no longer exits when the client goes.
  input.on('end', () => exit(0));
  input.on('close', () => exit(0));
  return createConnection(ProposedFeatures.all, reader, writer);
}
