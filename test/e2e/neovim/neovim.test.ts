// The language server inside Neovim's built-in LSP client (Debian's neovim 0.7, headless):
// proves `shapelint lsp --stdio` works with an editor this project did not write.
// Run: node --import tsx --test test/e2e/neovim/neovim.test.ts (needs `npm run build` and nvim).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

const repoRoot = resolve(__dirname, '../../..');
const cli = join(repoRoot, 'server/out/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'shapelint-nvim-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Opens `file` in headless Neovim and returns the rule ids its LSP client received. */
function ruleIdsInNeovim(file: string, expected: readonly string[]): string[] {
  const out = join(scratch, `${expected.join('_')}-${Date.now()}.txt`);
  const result = spawnSync('nvim', ['--headless', '--clean', '-u', join(__dirname, 'init.lua')], {
    env: { ...process.env, SHAPELINT_CLI: cli, SHAPELINT_FILE: join(repoRoot, file), SHAPELINT_EXPECT: expected.join(','), SHAPELINT_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, `nvim exited with ${result.status}: ${result.error ?? ''}${result.stderr}`);
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const ids = lines.filter((line) => !line.startsWith('ERROR '));
  const error = lines.find((line) => line.startsWith('ERROR '));
  assert.equal(error, undefined, `${error} (received: ${ids.join(', ') || 'nothing'})`);
  return ids;
}

// GPT-3 2.7B (Brown et al. 2020): head dim 2560/32 = 80 and GPT-2's vocab 50257 are both
// off the 64-element alignment.
test('Neovim receives head-dim and vocab-size on the GPT-3 2.7B HF config.json', () => {
  const ids = ruleIdsInNeovim('test/e2e/workspace/hf/config.json', ['head-dim', 'vocab-size']);
  assert.ok(ids.includes('head-dim'), `got ${ids.join(', ')}`);
  assert.ok(ids.includes('vocab-size'), `got ${ids.join(', ')}`);
});

test('Neovim receives head-dim on the Megatron launch script (heads through a variable)', () => {
  const ids = ruleIdsInNeovim('test/e2e/workspace/megatron/pretrain_gpt3_2.7b.sh', ['head-dim']);
  assert.ok(ids.includes('head-dim'), `got ${ids.join(', ')}`);
});
