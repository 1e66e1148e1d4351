/// <reference types="mocha" />
// Test entry point that VS Code's extension host loads (extensionTestsPath): runs the
// Mocha suite inside the editor and settles when it is done; the host turns the
// settlement into the editor's exit code (codeAutomationExit under code-server).
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

// Each suite module registers its tests with the TDD globals when it is required, so the
// list is explicit (the bundle cannot glob) and loaded only after Mocha set the globals.
function loadSuites(): void {
  require('./installed.test');
  require('./diagnostics.test');
  require('./hover.test');
  require('./quickfix.test');
  require('./commands.test');
  require('./search.test');
  require('./walkthrough.test');
}

/**
 * Under code-server the host's console reaches only the browser, so the report is also
 * kept and written to SHAPELINT_E2E_RESULTS (e2e-report.txt, e2e-summary.json) for the
 * launcher to print.
 */
function keepReport(): { lines: string[]; write(summary: object): void } {
  const lines: string[] = [];
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    lines.push(format(...data));
    consoleLog(...data);
  };
  return {
    lines,
    write(summary) {
      const dir = process.env.SHAPELINT_E2E_RESULTS;
      if (!dir) return;
      writeFileSync(join(dir, 'e2e-report.txt'), lines.join('\n') + '\n');
      writeFileSync(join(dir, 'e2e-summary.json'), JSON.stringify(summary, null, 2) + '\n');
    },
  };
}

export function run(): Promise<void> {
  const report = keepReport();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'shapelint-e2e', mocha);
  loadSuites();
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      report.write({ tests: runner.stats?.tests ?? 0, passes: runner.stats?.passes ?? 0, failures, failed });
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, error: unknown) => {
      failed.push(`${test.fullTitle()}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    });
  });
}
