/**
 * The shape report webview: HTML from the server's `shapelint/report`, styled by media/, live as
 * the file changes; with its search section (`shapelint/search`) once asked for, whose Apply
 * buttons edit the file with the candidate's edits.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReportRequest, SearchRequest, SETTINGS_SECTION, STALE_SEARCH_HTML, type SearchReply } from '../../server/src/protocol';

/**
 * What the search section's Apply buttons run (uri, candidate index): an internal command, so
 * that a button and a test take the same path.
 */
export const APPLY_CANDIDATE_COMMAND = 'shapelint.applySearchCandidate';

/** Quiet time after an edit before the report is recomputed. */
const REFRESH_DELAY_MS = 300;

export class ReportPanel {
  private static readonly panels = new Map<string, ReportPanel>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  /** The last search, for the document version it was made on. */
  private search: SearchReply | null = null;
  private searching: vscode.CancellationTokenSource | undefined;

  /** Opens (or reveals) the report; with `search`, runs the search and answers its reply. */
  static async show(context: vscode.ExtensionContext, client: BaseLanguageClient, uri: vscode.Uri | undefined, options: { search?: boolean } = {}): Promise<SearchReply | null> {
    if (!uri) {
      void vscode.window.showInformationMessage('shapelint: open a model config to see its shape report.');
      return null;
    }
    // The server checks only documents the editor has open.
    await vscode.workspace.openTextDocument(uri);
    const existing = ReportPanel.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      if (options.search) return existing.runSearch();
      await existing.refresh();
      return null;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('shapelint.report', 'Shape report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    const report = new ReportPanel(panel, client, uri, media);
    ReportPanel.panels.set(uri.toString(), report);
    await report.refresh(true);
    return options.search ? report.runSearch() : null;
  }

  /** Applies candidate `index` of the last search of `uri`'s report. */
  static async applyCandidate(uri: vscode.Uri, index: number): Promise<boolean> {
    return (await ReportPanel.panels.get(uri.toString())?.apply(index)) ?? false;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: BaseLanguageClient,
    private readonly uri: vscode.Uri,
    private readonly media: vscode.Uri,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION, uri)) this.scheduleRefresh();
      }),
      // A hidden webview loses its content; shown again, it is written whole.
      panel.onDidChangeViewState(() => {
        if (panel.visible) void this.refresh(true);
      }),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: { type?: string; index?: number }) => {
        if (message.type === 'apply' && typeof message.index === 'number') void vscode.commands.executeCommand(APPLY_CANDIDATE_COMMAND, uri, message.index);
        if (message.type === 'search') void this.runSearch();
      }),
    ];
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    if (!this.panel.visible) return;
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Runs the server's search (a newer one cancels the older), then shows its section. */
  async runSearch(): Promise<SearchReply | null> {
    this.searching?.cancel();
    const cancel = (this.searching = new vscode.CancellationTokenSource());
    try {
      this.search = await this.client.sendRequest(SearchRequest, { uri: this.uri.toString() }, cancel.token);
    } catch (error) {
      if (!cancel.token.isCancellationRequested) void vscode.window.showWarningMessage(`shapelint: the shape search failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      if (this.searching === cancel) this.searching = undefined;
    }
    await this.refresh();
    void this.panel.webview.postMessage({ type: 'reveal', id: 'search' });
    return this.search;
  }

  /** Edits the file into candidate `index`, if the file is still the version searched. */
  private async apply(index: number): Promise<boolean> {
    const candidate = this.search?.candidates[index];
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (!candidate || !this.search || document.version !== this.search.version) {
      void vscode.window.showInformationMessage('shapelint: the file changed since the search; search again.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const change of candidate.edits) {
      const { start, end } = change.range;
      edit.replace(this.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
    }
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) void vscode.window.setStatusBarMessage(`shapelint: applied ${candidate.title}`, 5000);
    return applied;
  }

  /** The search section for the current version; after an edit, a button to search again. */
  private async searchSection(): Promise<string> {
    if (!this.search) return '';
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (document.version === this.search.version) return this.search.html;
    return STALE_SEARCH_HTML;
  }

  /** The first time the page is written whole; afterwards only its content is swapped, keeping the scroll position. */
  private async refresh(firstTime = false): Promise<void> {
    const result = await this.client.sendRequest(ReportRequest, { uri: this.uri.toString() });
    const body = result ? `${await this.searchSection()}\n${result.html}` : '<p>This file is not a model config shapelint reads.</p>';
    this.panel.title = result?.title ?? 'Shape report';
    if (firstTime) this.panel.webview.html = this.page(body);
    else void this.panel.webview.postMessage({ type: 'update', html: body });
  }

  private page(body: string): string {
    const webview = this.panel.webview;
    const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.media, name)).toString();
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('report.css')}">
<title>Shape report</title></head>
<body><main id="report">${body}</main><script nonce="${nonce}" src="${asset('report.js')}"></script></body></html>`;
  }

  private dispose(): void {
    clearTimeout(this.refreshTimer);
    this.searching?.cancel();
    ReportPanel.panels.delete(this.uri.toString());
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
