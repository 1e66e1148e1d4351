// Runs the end-to-end suite inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
// driven by Debian's Chromium, on machines without a desktop VS Code or internet access.
// Needs test/e2e/setup.sh to have run and the extension and suite to be built
// (`npm run build && node test/e2e/build.mjs`).
//
// The workbench loads the extension and the suite through its `payload` query
// (extensionDevelopmentPath, extensionTestsPath) and runs the suite in the server's Node
// extension host; when the suite settles it calls window.codeAutomationExit(code, logs).
// The suite asks for screenshots over a loopback HTTP endpoint (SHAPELINT_E2E_SCREENSHOT_URL).
//
// With SHAPELINT_E2E_VSIX the extension is the packaged one: `code-server --install-extension`
// puts it in the extensions folder, and the development path is a stub without code that only
// carries the test runner (the workbench runs tests only for a development extension). With
// SHAPELINT_E2E_HOST=web the installed extension runs in the web worker extension host (the user
// setting remote.extensionKind moves it there), and the suite is test/e2e/out/web/index.js, copied
// into the stub, a web extension, so that the workbench runs it in the same web worker host.
// After the suite, the launcher opens Developer: Show Running Extensions and records the
// extension's activation time (activation.json).
//
// Usage: node --import tsx test/e2e/run-code-server.ts
// Environment: SHAPELINT_E2E_EXTENSION (default: this repository), SHAPELINT_E2E_TESTS (folder with the built suite's index.js, default
// test/e2e/out), SHAPELINT_E2E_WORKSPACE (default test/e2e/workspace), SHAPELINT_CHROMIUM
// (default /usr/bin/chromium), SHAPELINT_E2E_TIMEOUT_S (default 600), SHAPELINT_E2E_VSIX (a VSIX
// to install and test instead of the repository), SHAPELINT_E2E_HOST (node or web; web needs the
// VSIX), SHAPELINT_E2E_RESULTS_DIR (default test-results).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

const repoRoot = resolve(__dirname, '../..');
const resultsDir = resolve(process.env.SHAPELINT_E2E_RESULTS_DIR ?? join(repoRoot, 'test-results'));
const codeServerEntry = join(repoRoot, '.tools/code-server/node_modules/code-server/out/node/entry.js');
const extensionPath = resolve(process.env.SHAPELINT_E2E_EXTENSION ?? repoRoot);
const testsPath = resolve(process.env.SHAPELINT_E2E_TESTS ?? join(repoRoot, 'test/e2e/out'));
const workspaceSource = resolve(process.env.SHAPELINT_E2E_WORKSPACE ?? join(repoRoot, 'test/e2e/workspace'));
const chromiumPath = process.env.SHAPELINT_CHROMIUM ?? '/usr/bin/chromium';
const runTimeoutMs = Number(process.env.SHAPELINT_E2E_TIMEOUT_S ?? 600) * 1000;
const vsixPath = process.env.SHAPELINT_E2E_VSIX ? resolve(process.env.SHAPELINT_E2E_VSIX) : undefined;
const extensionHost = process.env.SHAPELINT_E2E_HOST === 'web' ? 'web' : 'node';
const EXTENSION_ID = 'shapelint.shapelint';

// Flags from ../shared notes: headless Chromium that reaches nothing but loopback.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// A quiet, reproducible workbench: no welcome page, trust prompt, tips or update checks.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
};

// What must be on screen before each screenshot the suite asks for is taken.
interface ShotTarget {
  selector: string;
  text?: string;
  /** The element lives in the webview's inner frame. */
  inWebview?: boolean;
  /** Something else that must be on screen too, so that the picture is consistent. */
  alsoVisible?: { selector: string; text: string };
}
const SCREENSHOT_TARGETS: Record<string, ShotTarget> = {
  hover: { selector: '.monaco-hover', text: 'TFLOP/s' },
  problems: { selector: '.markers-panel .monaco-list-row' },
  // The suite has just put shapelint.gpu back to the default: the editor re-requests code lenses
  // a moment after the status bar updates, so wait for the lens to name the same GPU.
  'quick-fix': { selector: '.action-widget .monaco-list-row', alsoVisible: { selector: '.codelens-decoration', text: 'H100' } },
  report: { selector: 'body', inWebview: true },
  search: { selector: '#search .candidates', inWebview: true },
  'gpu-picker': { selector: '.quick-input-widget .monaco-list-row' },
};
const SHOT_WAIT_MS = 15_000;

interface ExtensionHostLog {
  relativePath: string;
  contents: string;
}
interface SuiteOutcome {
  code: number;
  logs: ExtensionHostLog[];
}

class Run {
  readonly consoleLines: string[] = [];
  readonly serverLines: string[] = [];
  readonly screenshots: string[] = [];
  readonly scratch = mkdtempSync(join(tmpdir(), 'shapelint-e2e-'));
  server?: ChildProcess;
  browser?: Browser;
  page?: Page;
  shots?: Server;

  log(line: string): void {
    console.log(`[e2e] ${line}`);
  }

  async takeScreenshot(name: string): Promise<string> {
    const page = this.page;
    if (!page) throw new Error('no workbench page yet');
    const target = SCREENSHOT_TARGETS[name];
    if (target) {
      const root = target.inWebview ? page.frameLocator('iframe.webview.ready').frameLocator('#active-frame') : page;
      const element = root.locator(target.selector, target.text ? { hasText: target.text } : {}).first();
      await element.waitFor({ state: 'visible', timeout: SHOT_WAIT_MS });
      if (target.alsoVisible) {
        await page.locator(target.alsoVisible.selector, { hasText: target.alsoVisible.text }).first().waitFor({ state: 'visible', timeout: SHOT_WAIT_MS });
      }
    }
    const file = join(resultsDir, `screenshot-${name}.png`);
    // Hovers and menus fade in: finish the animation rather than photograph it half-way.
    await page.screenshot({ path: file, animations: 'disabled' });
    this.screenshots.push(file);
    return file;
  }

  /** Loopback endpoint the suite calls: POST /?name=hover → 200 once the shot is on disk. */
  startScreenshotEndpoint(): Promise<string> {
    this.shots = createServer((request, response) => {
      const name = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name') ?? 'unnamed';
      if (!/^[a-z0-9-]+$/.test(name)) {
        response.writeHead(400).end(`bad screenshot name ${name}`);
        return;
      }
      this.takeScreenshot(name).then(
        (file) => {
          this.log(`screenshot ${file}`);
          response.writeHead(200).end(file);
        },
        (error: unknown) => {
          this.log(`screenshot ${name} failed: ${String(error)}`);
          response.writeHead(500).end(String(error));
        },
      );
    });
    return listen(this.shots).then((port) => `http://127.0.0.1:${port}/`);
  }

  readonly userDataDir = join(this.scratch, 'user-data');
  /** A copy of the fixture workspace per run: what one run's editor does to a file cannot reach the repository or another run. */
  readonly workspacePath = join(this.scratch, 'workspace');
  readonly extensionsDir = join(this.scratch, 'extensions');

  /** `code-server --install-extension`, as a user installs a VSIX; the installed folder. */
  installVsix(vsix: string): string {
    const install = spawnSync(process.execPath, [codeServerEntry, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    this.log(`code-server --install-extension ${vsix}: ${(install.stdout + install.stderr).trim().split('\n').pop()}`);
    const folder = readdirSync(this.extensionsDir).find((name) => name.startsWith(`${EXTENSION_ID}-`));
    if (install.status !== 0 || !folder) throw new Error(`installing ${vsix} failed (exit ${install.status}): ${install.stderr}`);
    return join(this.extensionsDir, folder);
  }

  /**
   * The development extension the workbench needs to run tests at all, without code of its own; for the
   * web worker host it is a web extension that carries the suite, since the workbench runs a tests file in
   * the host of the extension that holds it.
   */
  writeRunnerStub(webSuite?: string): { folder: string; tests: string } {
    const folder = join(this.scratch, 'e2e-runner');
    mkdirSync(folder, { recursive: true });
    const manifest = { name: 'e2e-runner', publisher: 'shapelint-test', version: '0.0.0', engines: { vscode: '^1.100.0' }, ...(webSuite ? { browser: './runner.js' } : {}) };
    writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
    if (!webSuite) return { folder, tests: testsPath };
    writeFileSync(join(folder, 'runner.js'), 'exports.activate = function () {};\n');
    copyFileSync(webSuite, join(folder, 'suite.js'));
    return { folder, tests: join(folder, 'suite.js') };
  }

  async startCodeServer(screenshotUrl: string, expectedExtension: string): Promise<number> {
    const userDataDir = this.userDataDir;
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    // In the web worker host a VSIX with both `main` and `browser` runs only when the user asks for it.
    const settings = extensionHost === 'web' ? { ...USER_SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : USER_SETTINGS;
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const port = await freePort();
    const args = [
      codeServerEntry,
      '--config', join(this.scratch, 'config.yaml'),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', this.extensionsDir,
      this.workspacePath,
    ];
    // The extension host inherits this environment: that is how the suite finds the
    // screenshot endpoint, where to write its summary, and where the installed extension must be.
    const env = {
      ...process.env,
      SHAPELINT_E2E_SCREENSHOT_URL: screenshotUrl,
      SHAPELINT_E2E_RESULTS: resultsDir,
      SHAPELINT_E2E_EXPECTED_EXTENSION: expectedExtension,
    };
    // Its own process group, so that killing it also ends the extension host it forks.
    const server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = server;
    for (const stream of [server.stdout, server.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => this.serverLines.push(...chunk.split('\n').filter(Boolean)));
    }
    await waitUntilHealthy(port, server);
    return port;
  }

  async runSuite(port: number, development: { folder: string; tests: string }): Promise<SuiteOutcome> {
    this.browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const page = await this.browser.newPage({ viewport: { width: 1440, height: 900 } });
    this.page = page;
    page.on('console', (message) => void this.recordConsole(message));
    page.on('pageerror', (error) => this.consoleLines.push(`[pageerror] ${error.message}`));
    const outcome = new Promise<SuiteOutcome>((resolveOutcome) => {
      void page.exposeFunction('codeAutomationExit', (code: number, logs: ExtensionHostLog[] = []) => {
        resolveOutcome({ code, logs });
      });
    });
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(development.folder)],
      ['extensionTestsPath', remote(development.tests)],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(this.workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    this.log(`workbench loaded; running the suite (up to ${runTimeoutMs / 1000} s)`);
    this.watchActivationTime().catch((error: unknown) => this.log(`no activation time: ${String(error).split('\n')[0]}`));
    return withTimeout(outcome, runTimeoutMs, () => this.serverExited(), 'the suite did not finish');
  }

  /**
   * The extension's activation time as Developer: Show Running Extensions shows it (code loading plus
   * the activate() call: VS Code's own measure). The suite opens that editor while the extension host
   * still runs and waits for `activation.json` in the workspace, which this writes (and to the results).
   */
  async watchActivationTime(): Promise<void> {
    const page = this.page;
    if (!page) return;
    const time = page.locator('.runtime-extensions-editor .extension', { hasText: 'shapelint' }).locator('.activation-time').filter({ hasText: /\d+ms/ });
    await time.first().waitFor({ state: 'visible', timeout: runTimeoutMs });
    const shown = (await time.first().textContent()) ?? '';
    await this.takeScreenshot('running-extensions');
    const record = `${JSON.stringify({ host: extensionHost, activationMs: Number(/(\d+)ms/.exec(shown)?.[1]), shown }, null, 2)}\n`;
    writeFileSync(join(resultsDir, 'activation.json'), record);
    writeFileSync(join(this.workspacePath, 'activation.json'), record);
    this.log(`activation in the ${extensionHost} extension host: ${shown} (Developer: Show Running Extensions)`);
  }

  /** Console lines as the devtools would show them (format strings applied, %c styles dropped). */
  async recordConsole(message: ConsoleMessage): Promise<void> {
    const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '[unserialisable]')));
    const text = values.length > 0 ? format(...values) : message.text();
    this.consoleLines.push(`[${message.type()}] ${text}`);
  }

  serverExited(): string | undefined {
    const server = this.server;
    return server && server.exitCode !== null ? `code-server exited with ${server.exitCode}` : undefined;
  }

  /** The workbench console, code-server's output and the workbench's own logs (extension host included). */
  writeLogs(logs: ExtensionHostLog[]): void {
    // The web worker host cannot write files: its suite's report reaches only the console.
    if (extensionHost === 'web') {
      const report = this.consoleLines.filter((line) => /^\[log\]\s+INFO\s{2,}|passing|failing/.test(line)).map((line) => line.replace(/^\[log\]\s+INFO /, '').replace(/%[sd] ?/g, ''));
      writeFileSync(join(resultsDir, 'e2e-report.txt'), report.join('\n') + '\n');
    }
    writeFileSync(join(resultsDir, 'workbench-console.log'), this.consoleLines.join('\n') + '\n');
    writeFileSync(join(resultsDir, 'code-server.log'), this.serverLines.join('\n') + '\n');
    for (const { relativePath, contents } of logs) {
      const file = join(resultsDir, 'logs', relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (this.server) await killGroup(this.server);
    this.shots?.close();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen((server.address() as AddressInfo).port));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((done) => probe.close(done));
  return port;
}

async function waitUntilHealthy(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode} before it was ready`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((tick) => setTimeout(tick, 200));
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

/** Settles with `promise`, or fails after `ms`, or as soon as `fatal()` names a reason. */
function withTimeout<T>(promise: Promise<T>, ms: number, fatal: () => string | undefined, message: string): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const deadline = Date.now() + ms;
    const watch = setInterval(() => {
      const reason = fatal() ?? (Date.now() > deadline ? `${message} within ${ms / 1000} s` : undefined);
      if (reason) {
        clearInterval(watch);
        reject(new Error(reason));
      }
    }, 500);
    promise.then(
      (value) => {
        clearInterval(watch);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearInterval(watch);
        reject(error);
      },
    );
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((done) => child.once('exit', done));
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The suite's own report (the extension host's console only reaches the browser). */
function printReport(): void {
  const report = join(resultsDir, 'e2e-report.txt');
  if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
}

async function main(): Promise<number> {
  if (!existsSync(codeServerEntry)) throw new Error(`code-server is not installed in .tools/: run test/e2e/setup.sh first`);
  const webSuite = join(testsPath, 'web', 'index.js');
  if (!existsSync(join(testsPath, 'index.js')) || !existsSync(webSuite)) throw new Error(`no built suite in ${testsPath}: run node test/e2e/build.mjs first`);
  if (vsixPath && !existsSync(vsixPath)) throw new Error(`no VSIX at ${vsixPath}: run npm run package first`);
  if (extensionHost === 'web' && !vsixPath) throw new Error('SHAPELINT_E2E_HOST=web tests the packaged extension: set SHAPELINT_E2E_VSIX too');
  const main = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')).main as string;
  if (!vsixPath && !existsSync(join(extensionPath, main))) throw new Error(`the extension is not built (${main} is missing): run npm run build first`);
  // Only this run's evidence: a stale screenshot or log would mislead.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const run = new Run();
  const started = Date.now();
  let outcome: SuiteOutcome = { code: 1, logs: [] };
  try {
    const screenshotUrl = await run.startScreenshotEndpoint();
    cpSync(workspaceSource, run.workspacePath, { recursive: true });
    const installed = vsixPath && run.installVsix(vsixPath);
    const development = installed ? run.writeRunnerStub(extensionHost === 'web' ? webSuite : undefined) : { folder: extensionPath, tests: testsPath };
    const port = await run.startCodeServer(screenshotUrl, installed || extensionPath);
    run.log(`code-server on 127.0.0.1:${port}, workspace ${run.workspacePath} (a copy of ${workspaceSource}), extension host: ${extensionHost}`);
    outcome = await run.runSuite(port, development);
  } catch (error) {
    run.log(`error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (outcome.code !== 0) await run.takeScreenshot('failure').catch((error: unknown) => run.log(`no failure screenshot: ${String(error)}`));
    run.writeLogs(outcome.logs);
    printReport();
    await run.stop();
  }
  run.log(`logs in ${resultsDir}`);
  run.log(`exit code ${outcome.code} after ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots: ${run.screenshots.join(', ') || 'none'}`);
  return outcome.code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
