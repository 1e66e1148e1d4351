// Runs the end-to-end suite in a desktop VS Code through @vscode/test-electron, for
// machines that have one or can download one (a laptop, CI with internet access). The
// offline route, used here and in .ci/run, is run-code-server.ts.
//
//   npm run test:e2e:electron
//
// Without VSCODE_EXECUTABLE_PATH, test-electron downloads (once, into .vscode-test/) the
// VS Code release this extension declares as its minimum in engines.vscode (1.100.0), so
// the suite proves the oldest editor the manifest accepts. With VSCODE_EXECUTABLE_PATH
// (a local build or an installed `code` binary) it runs that one instead; on a Linux
// machine without a display, run it under `xvfb-run -a`.
import { runTests } from '@vscode/test-electron';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');

/** "^1.100.0" → "1.100.0": the oldest VS Code the extension claims to support. */
function minimumVsCodeVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const version = /\d+\.\d+\.\d+/.exec(manifest.engines.vscode)?.[0];
  if (!version) throw new Error(`engines.vscode "${manifest.engines.vscode}" names no version`);
  return version;
}

async function main(): Promise<void> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  const resultsDir = join(repoRoot, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const exitCode = await runTests({
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: minimumVsCodeVersion() }),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'test/e2e/out/index.js'),
    extensionTestsEnv: { SHAPELINT_E2E_RESULTS: resultsDir },
    launchArgs: [
      join(repoRoot, 'test/e2e/workspace'),
      // Only the extension under test: a developer's own extensions must not interfere.
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
  process.exitCode = exitCode;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
