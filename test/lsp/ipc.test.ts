/** The server as the VS Code client starts it (server/out/cli.js lsp over Node IPC) answers LSP too. */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProtocolConnection, ExitNotification, InitializeRequest, IPCMessageReader, IPCMessageWriter, ShutdownRequest } from 'vscode-languageserver/node';
import { ROOT } from './harness';

test('server/out/cli.js lsp speaks LSP over --node-ipc with the arguments vscode-languageclient adds', async () => {
  const child = fork(join(ROOT, 'server', 'out', 'cli.js'), ['lsp', '--node-ipc', `--clientProcessId=${process.pid}`], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(result.serverInfo?.name, 'shapelint');
  assert.equal(result.capabilities.hoverProvider, true);
  assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.shapelint', 'refactor.rewrite.shapelint.search'] });
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});
