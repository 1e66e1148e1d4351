/**
 * The page's side of the language server: the same server the web extension runs
 * (server/src/browser-server.ts) in a web worker, spoken to over LSP. One document is open at a
 * time; settings are pushed (`didChangeConfiguration`), as for an editor that cannot be asked
 * per file.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/browser';
import { FIX_ALL_KIND, ReportRequest, SearchRequest, SETTINGS_SECTION, type ReportResult, type SearchReply } from '../../server/src/protocol';

export interface OpenDocument {
  uri: string;
  version: number;
}

export interface LanguageServerEvents {
  /** Diagnostics of `version` of the open document (older versions are dropped here). */
  diagnostics(version: number, diagnostics: Diagnostic[]): void;
  /** A message the server shows the user (an unknown GPU, a failed check). */
  message(text: string): void;
}

export class PlaygroundLanguageServer {
  private readonly connection: ProtocolConnection;
  private document: OpenDocument | null = null;

  private constructor(worker: Worker, events: LanguageServerEvents) {
    this.connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const current = this.document;
      if (current && params.uri === current.uri && params.version === current.version) events.diagnostics(params.version, params.diagnostics);
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => events.message(params.message));
    this.connection.onNotification(LogMessageNotification.type, (params) => console.log(params.message));
    this.connection.listen();
  }

  static async start(workerUrl: string, events: LanguageServerEvents): Promise<PlaygroundLanguageServer> {
    const server = new PlaygroundLanguageServer(new Worker(workerUrl), events);
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix, CodeActionKind.Source] } }, dataSupport: true },
        },
      },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  get openDocument(): OpenDocument | null {
    return this.document;
  }

  /** The `shapelint.*` settings; the server re-checks the open document with them. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: settings } });
  }

  /** Opens `text` as `fileName` (the server detects the format from it), closing the document open before. */
  async open(fileName: string, text: string): Promise<void> {
    if (this.document) await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.document.uri } });
    // A file URI: the server sees its path, so a name like neox/2-7B.yml is detected as a file of that name would be.
    const uri = `file:///${fileName.split('/').map(encodeURIComponent).join('/')}`;
    this.document = { uri, version: 1 };
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: languageIdOf(fileName), version: 1, text } });
  }

  /** The whole new text: configs are small, and the server diffs nothing either way. */
  async change(text: string): Promise<void> {
    const document = this.document;
    if (!document) return;
    document.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: document.uri, version: document.version }, contentChanges: [{ text }] });
  }

  hover(position: Position): Promise<Hover | null> {
    const document = this.requireDocument();
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: document.uri }, position });
  }

  /** The quick fixes of `diagnostics`, each action naming the diagnostic it fixes. */
  async quickFixes(diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return this.codeActions(diagnostics, CodeActionKind.QuickFix);
  }

  /** "Apply all safe shape fixes", when there is a safe fix to apply. */
  async fixAll(diagnostics: Diagnostic[]): Promise<CodeAction | undefined> {
    return (await this.codeActions(diagnostics, FIX_ALL_KIND))[0];
  }

  /** The code lens's title: the layer's (or, with a run model, the run's) headline numbers. */
  async headline(): Promise<string | undefined> {
    const lenses = await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: this.requireDocument().uri } });
    return lenses?.[0]?.command?.title;
  }

  report(): Promise<ReportResult | null> {
    return this.connection.sendRequest(ReportRequest, { uri: this.requireDocument().uri });
  }

  search(): Promise<SearchReply | null> {
    return this.connection.sendRequest(SearchRequest, { uri: this.requireDocument().uri });
  }

  private async codeActions(diagnostics: Diagnostic[], kind: string): Promise<CodeAction[]> {
    const everything = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };
    const actions = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: this.requireDocument().uri },
      range: everything,
      context: { diagnostics, only: [kind] },
    });
    return (actions ?? []).filter((action): action is CodeAction => CodeAction.is(action));
  }

  private requireDocument(): OpenDocument {
    if (!this.document) throw new Error('no document is open');
    return this.document;
  }
}

/** The language id an editor would give the file; the server detects formats from the name and text, so this is only informative. */
function languageIdOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const ids: Record<string, string> = { json: 'json', yaml: 'yaml', yml: 'yaml', sh: 'shellscript', bash: 'shellscript', py: 'python', toml: 'toml' };
  return ids[extension] ?? 'plaintext';
}
