/**
 * A minimal LSP client for tests: spawns the built server (`node server/out/cli.js lsp --stdio`)
 * and speaks JSON-RPC to it over the child's stdio. Waits on notifications, never on the clock.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type CodeLens,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { ReportRequest, SearchRequest, type ReportResult, type SearchParams, type SearchReply } from '../../server/src/protocol';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER_CLI = join(ROOT, 'server', 'out', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'lsp');
const WAIT_MS = 10_000;

export function fixture(name: string): { uri: string; text: string } {
  const path = join(FIXTURES, name);
  return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
}

export class LspClient {
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<() => void>();
  private exited = false;
  private code: number | null = null;
  /** Every publishDiagnostics, in arrival order. */
  readonly history: PublishDiagnosticsParams[] = [];
  /** What the server logged (window/logMessage) and showed (window/showMessage, window/showMessageRequest). */
  readonly messages: string[] = [];
  /** How many times the server asked the client to re-request code lenses (workspace/codeLens/refresh). */
  codeLensRefreshes = 0;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
    public settings: Record<string, unknown>,
  ) {
    child.on('exit', (code) => {
      this.exited = true;
      this.code = code;
      this.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.history.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.messages.push(params.message);
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.notify();
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
  }

  /** Starts the built shapelint server, or another stdio language server (`command`: node arguments), for comparison. */
  static async start(settings: Record<string, unknown> = {}, command: string[] = [SERVER_CLI, 'lsp', '--stdio']): Promise<LspClient> {
    const script = command.find((argument) => !argument.startsWith('-')) ?? '';
    if (!existsSync(script)) throw new Error(`${script} is missing: run 'npm run build' first`);
    const child = spawn(process.execPath, command, { cwd: ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const client = new LspClient(child, connection, settings);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'shapelint' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server's CPU time so far in ms (Linux /proc), to tell its own cost from a busy machine's. */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  get alive(): boolean {
    return !this.exited;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves with the first non-undefined `probe()`, re-checked on every message from the server. */
  private waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const value = probe();
        if (value !== undefined) {
          finish();
          resolvePromise(value);
        } else if (this.exited) {
          finish();
          reject(new Error(`server exited while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${what}; last: ${JSON.stringify(this.history.at(-1))}`));
      }, WAIT_MS);
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  async open(uri: string, text: string, languageId = languageOf(uri)): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a new version, unless `version` repeats one, as some clients do). */
  async change(uri: string, text: string, version = (this.versions.get(uri) ?? 0) + 1): Promise<number> {
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change: `range` replaced by `text`, as the client computes it (a range may be anything a client sends). */
  async changeRange(uri: string, range: unknown, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: range as Range, text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The server's resident memory in MB (Linux /proc). */
  residentMb(): number {
    const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').split('\n').find((candidate) => candidate.startsWith('VmRSS:')) ?? '';
    return Number(/\d+/.exec(line)?.[0] ?? NaN) / 1024;
  }

  /** Resolves once `probe()` holds, re-checked every 50 ms (for what the server does not announce, such as freeing memory). */
  poll(probe: () => boolean, what: string): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const started = Date.now();
      const check = () => {
        if (probe()) resolvePromise();
        else if (Date.now() - started > WAIT_MS) reject(new Error(`timed out waiting for ${what}`));
        else setTimeout(check, 50);
      };
      check();
    });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  /** The diagnostics published for the document's current version. */
  diagnostics(uri: string): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const latest = this.published.get(uri);
      return latest && latest.version === this.versions.get(uri) ? latest.diagnostics : undefined;
    }, `diagnostics of ${uri} v${this.versions.get(uri)}`);
  }

  /** The first diagnostics published for `uri` after `seen` publications in all (take `history.length` before a change). */
  diagnosticsAfter(uri: string, seen: number): Promise<Diagnostic[]> {
    return this.waitFor(() => this.history.slice(seen).find((published) => published.uri === uri)?.diagnostics, `diagnostics of ${uri} after #${seen}`);
  }

  hover(uri: string, offset: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(this.text(uri), offset) });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  inlayHints(uri: string): Promise<InlayHint[] | null> {
    const text = this.text(uri);
    return this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) } });
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  report(uri: string): Promise<ReportResult | null> {
    return this.connection.sendRequest(ReportRequest, { uri });
  }

  search(params: SearchParams, token?: CancellationToken): Promise<SearchReply | null> {
    return this.connection.sendRequest(SearchRequest, params, token);
  }

  /** New settings for every resource; the server is told to read them again. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Waits until the server has asked for code lenses to be re-requested more than `seen` times. */
  codeLensRefreshAfter(seen: number): Promise<number> {
    return this.waitFor(() => (this.codeLensRefreshes > seen ? this.codeLensRefreshes : undefined), 'workspace/codeLens/refresh');
  }

  /** Sends raw bytes on the server's stdin: framing and JSON errors. */
  writeRaw(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  /** Waits until the server process has exited, and gives its exit code. */
  exitCode(): Promise<number | null> {
    return this.waitFor(() => (this.exited ? this.code : undefined), 'server exit');
  }

  /** Waits until the server publishes diagnostics for the current version that satisfy `accept`. */
  diagnosticsWhere(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const latest = this.published.get(uri);
      return latest && latest.version === this.versions.get(uri) && accept(latest.diagnostics) ? latest.diagnostics : undefined;
    }, `matching diagnostics of ${uri}`);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exit = this.waitFor(() => (this.exited ? true : undefined), 'server exit');
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exit;
    this.connection.dispose();
  }
}

function languageOf(uri: string): string {
  if (uri.endsWith('.json')) return 'json';
  if (/\.ya?ml$/.test(uri)) return 'yaml';
  if (uri.endsWith('.sh')) return 'shellscript';
  if (uri.endsWith('.py')) return 'python';
  return 'plaintext';
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** The offset of the n-th occurrence of `needle` (0-based n), for pointing at a literal. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' not found`);
  }
  return offset;
}
