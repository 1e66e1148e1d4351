/**
 * server/out/cli.js is also the web extension's language server: started as a web worker (as
 * client/src/browser.ts starts it: no `#!` line, a `module` to assign), it answers LSP over
 * postMessage without Node: no require, no process. A vm context stands in for the worker's global scope.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { ROOT } from './harness';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
}

test('cli.js, loaded as a web worker, serves initialize, diagnostics and hover over postMessage', async () => {
  const bundle = readFileSync(join(ROOT, 'server', 'out', 'cli.js'), 'utf8');
  const posted: Message[] = [];
  let arrived = () => {};
  const worker: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    WorkerGlobalScope: function WorkerGlobalScope() {},
    // postMessage clones; so does this, into this realm's objects.
    postMessage: (message: Message) => {
      posted.push(JSON.parse(JSON.stringify(message)) as Message);
      arrived();
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  worker.globalThis = worker;
  worker.self = worker;
  createContext(worker);
  runInContext(`var module = { exports: {} }, exports = module.exports;\n${bundle.replace(/^#!.*\n/, '')}`, worker);
  assert.equal(typeof worker.require, 'undefined');
  assert.equal(typeof worker.process, 'undefined');

  const send = (message: Message) => (worker.onmessage as (event: { data: unknown }) => void)({ data: { jsonrpc: '2.0', ...message } });
  const next = async (match: (message: Message) => boolean): Promise<Message> => {
    for (;;) {
      const found = posted.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => (arrived = resolve));
    }
  };
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(typeof worker.onmessage, 'function', 'the server listens on the worker scope');

  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const initialized = await next((message) => message.id === 1);
  assert.equal((initialized.result?.serverInfo as { name: string }).name, 'shapelint');

  const uri = 'vscode-vfs://github/example/model/config.json';
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'config.json'), 'utf8');
  send({ method: 'initialized', params: {} });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text } } });
  const published = await next((message) => message.method === 'textDocument/publishDiagnostics');
  const codes = (published.params?.diagnostics as { code: string }[]).map((diagnostic) => diagnostic.code).sort();
  assert.deepEqual(codes, ['head-dim', 'vocab-size']);

  const line = text.split('\n').findIndex((entry) => entry.includes('"n_embd"'));
  send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('2560') + 1 } } });
  const hover = await next((message) => message.id === 2);
  assert.match((hover.result?.contents as { value: string }).value, /\*\*≈ [\d.]+ TFLOP\/s\*\*/);
});
