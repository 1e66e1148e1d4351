/** The shape report webview: HTML from the server's `shapelint/report`, styled by media/, live as the file changes. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReportRequest, SETTINGS_SECTION } from '../../server/src/protocol';

/** Quiet time after an edit before the report is recomputed. */
const REFRESH_DELAY_MS = 300;

export class ReportPanel {
  private static readonly panels = new Map<string, ReportPanel>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  static async show(context: vscode.ExtensionContext, client: BaseLanguageClient, uri: vscode.Uri | undefined): Promise<void> {
    if (!uri) {
      void vscode.window.showInformationMessage('shapelint: open a model config to see its shape report.');
      return;
    }
    // The server checks only documents the editor has open.
    await vscode.workspace.openTextDocument(uri);
    const existing = ReportPanel.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.refresh();
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
    ];
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    if (!this.panel.visible) return;
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** The first time the page is written whole; afterwards only its content is swapped, keeping the scroll position. */
  private async refresh(firstTime = false): Promise<void> {
    const result = await this.client.sendRequest(ReportRequest, { uri: this.uri.toString() });
    const body = result?.html ?? '<p>This file is not a model config shapelint reads.</p>';
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
    ReportPanel.panels.delete(this.uri.toString());
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
