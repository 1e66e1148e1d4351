// `npm run test:e2e`: the packaged extension (dist/*.vsix, from `npm run package`) installed into
// code-server and tested in VS Code's Node extension host (the whole suite) and in its web worker
// extension host (the web suite), then the Neovim check, the pre-commit hook and the playground page
// in Chromium; each runs whatever the others did, so
// that one failure does not hide another; exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = `dist/shapelint-${version}.vsix`;
const codeServer = ['--import', 'tsx', 'test/e2e/run-code-server.ts'];

const steps = [
  ['VS Code, Node extension host (installed VSIX)', codeServer, { SHAPELINT_E2E_VSIX: vsix }],
  ['VS Code, web worker extension host (installed VSIX)', codeServer, { SHAPELINT_E2E_VSIX: vsix, SHAPELINT_E2E_HOST: 'web', SHAPELINT_E2E_RESULTS_DIR: 'test-results/web' }],
  ['Neovim', ['--import', 'tsx', '--test', 'test/e2e/neovim/neovim.test.ts'], {}],
  ['pre-commit', ['--import', 'tsx', '--test', 'test/e2e/pre-commit/pre-commit.test.ts'], {}],
  ['playground page (Chromium)', ['--import', 'tsx', '--test', 'test/e2e/playground/playground.test.ts'], {}],
];

const failed = [];
for (const [name, args, env] of steps) {
  console.log(`[e2e] ${name}`);
  const { status, signal } = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) failed.push(`${name} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`[e2e] failed: ${failed.join(', ')}`);
  process.exit(1);
}
