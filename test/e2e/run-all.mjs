// `npm run test:e2e`: the suite inside VS Code (code-server), then the Neovim check, each run
// whatever the other did, so that one failure does not hide the other; exits non-zero if either failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['VS Code (code-server)', ['--import', 'tsx', 'test/e2e/run-code-server.ts']],
  ['Neovim', ['--import', 'tsx', '--test', 'test/e2e/neovim/neovim.test.ts']],
];

const failed = [];
for (const [name, args] of steps) {
  const { status, signal } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (status !== 0) failed.push(`${name} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`[e2e] failed: ${failed.join(', ')}`);
  process.exit(1);
}
