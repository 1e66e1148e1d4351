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
// Usage: node --import tsx test/e2e/run-code-server.ts
// Environment: SHAPELINT_E2E_EXTENSION (default: this repository), SHAPELINT_E2E_TESTS (folder with the built suite's index.js, default
// test/e2e/out), SHAPELINT_E2E_WORKSPACE (default test/e2e/workspace), SHAPELINT_CHROMIUM
// (default /usr/bin/chromium), SHAPELINT_E2E_TIMEOUT_S (default 600).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

const repoRoot = resolve(__dirname, '../..');
const resultsDir = join(repoRoot, 'test-results');
const codeServerEntry = join(repoRoot, '.tools/code-server/node_modules/code-server/out/node/entry.js');
const extensionPath = resolve(process.env.SHAPELINT_E2E_EXTENSION ?? repoRoot);
const testsPath = resolve(process.env.SHAPELINT_E2E_TESTS ?? join(repoRoot, 'test/e2e/out'));
const workspacePath = resolve(process.env.SHAPELINT_E2E_WORKSPACE ?? join(repoRoot, 'test/e2e/workspace'));
const chromiumPath = process.env.SHAPELINT_CHROMIUM ?? '/usr/bin/chromium';
const runTimeoutMs = Number(process.env.SHAPELINT_E2E_TIMEOUT_S ?? 600) * 1000;

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

  async startCodeServer(screenshotUrl: string): Promise<number> {
    const userDataDir = join(this.scratch, 'user-data');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
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
      '--extensions-dir', join(this.scratch, 'extensions'),
      workspacePath,
    ];
    // The extension host inherits this environment: that is how the suite finds the
    // screenshot endpoint and where to write its summary.
    const env = { ...process.env, SHAPELINT_E2E_SCREENSHOT_URL: screenshotUrl, SHAPELINT_E2E_RESULTS: resultsDir };
    // Its own process group, so that killing it also ends the extension host it forks.
    const server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = server;
    for (const stream of [server.stdout, server.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => this.serverLines.push(...chunk.split('\n').filter(Boolean)));
    }
    await waitUntilHealthy(port, server);
    return port;
  }

  async runSuite(port: number): Promise<SuiteOutcome> {
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
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    this.log(`workbench loaded; running the suite (up to ${runTimeoutMs / 1000} s)`);
    return withTimeout(outcome, runTimeoutMs, () => this.serverExited(), 'the suite did not finish');
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
  if (!existsSync(join(testsPath, 'index.js'))) throw new Error(`no built suite in ${testsPath}: run node test/e2e/build.mjs first`);
  const main = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')).main as string;
  if (!existsSync(join(extensionPath, main))) throw new Error(`the extension is not built (${main} is missing): run npm run build first`);
  // Only this run's evidence: a stale screenshot or log would mislead.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const run = new Run();
  const started = Date.now();
  let outcome: SuiteOutcome = { code: 1, logs: [] };
  try {
    const screenshotUrl = await run.startScreenshotEndpoint();
    const port = await run.startCodeServer(screenshotUrl);
    run.log(`code-server on 127.0.0.1:${port}, workspace ${workspacePath}`);
    outcome = await run.runSuite(port);
  } catch (error) {
    run.log(`error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    printReport();
    if (outcome.code !== 0) await run.takeScreenshot('failure').catch((error: unknown) => run.log(`no failure screenshot: ${String(error)}`));
    run.writeLogs(outcome.logs);
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
