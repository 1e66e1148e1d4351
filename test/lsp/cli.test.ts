import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../server/src/cli';
import { EXIT_USAGE } from '../../server/src/cli/io';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: process.cwd() });
  return { code, stdout, stderr };
}

test('shapelint lsp needs a transport; --help says how to run it', async () => {
  const missing = await run(['lsp']);
  assert.equal(missing.code, EXIT_USAGE);
  assert.match(missing.stderr, /--stdio/);
  assert.equal((await run(['lsp', '--tcp'])).code, EXIT_USAGE);
  const help = await run(['lsp', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /shapelint lsp --stdio/);
  assert.match((await run(['--help'])).stdout, /^ {2}lsp +run the language server/m);
});
