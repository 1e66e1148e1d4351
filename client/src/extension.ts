/** The extension: starts the language server over IPC and adds the GPU picker, the report and fix-all. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, FIX_ALL_KIND, SETTINGS_SECTION } from '../../server/src/protocol';
import { GpuStatus, selectGpu } from './gpu';
import { APPLY_CANDIDATE_COMMAND, ReportPanel } from './report';

/** The languages model configs are written in; the server decides which documents are configs. */
const CONFIG_LANGUAGES = ['yaml', 'json', 'jsonc', 'shellscript', 'python'];
/** Launch scripts VS Code may not give a shell language id. */
const EXTRA_PATTERNS = ['**/*.slurm', '**/*.sbatch'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const associations = Object.keys(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<Record<string, string>>('associations') ?? {});
  const documentSelector: DocumentSelector = [
    ...CONFIG_LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    ...[...EXTRA_PATTERNS, ...associations].map((pattern) => ({ scheme: 'file', pattern: pattern.includes('/') ? pattern : `**/${pattern}` })),
  ];
  const clientOptions: LanguageClientOptions = { documentSelector, synchronize: { configurationSection: SETTINGS_SECTION } };
  client = new LanguageClient('shapelint', 'shapelint', serverOptions, clientOptions);

  const started = client;
  const status = new GpuStatus(CONFIG_LANGUAGES);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(Commands.selectGpu, selectGpu),
    vscode.commands.registerCommand(Commands.showReport, async (uri?: string | vscode.Uri) => void (await ReportPanel.show(context, started, toUri(uri)))),
    vscode.commands.registerCommand(Commands.applyAllSafeFixes, applyAllSafeFixes),
    vscode.commands.registerCommand(Commands.findFasterShapes, (uri?: string | vscode.Uri) => ReportPanel.show(context, started, toUri(uri), { search: true })),
    vscode.commands.registerCommand(APPLY_CANDIDATE_COMMAND, (uri: string | vscode.Uri, index: number) => ReportPanel.applyCandidate(toUri(uri) as vscode.Uri, index)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function toUri(uri: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri === undefined) return vscode.window.activeTextEditor?.document.uri;
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
}

/** Runs the server's `source.fixAll.shapelint` action on the active editor. */
async function applyAllSafeFixes(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, FIX_ALL_KIND);
  const fixAll = actions?.find((action) => action.kind?.value === FIX_ALL_KIND && action.edit);
  if (!fixAll?.edit) {
    void vscode.window.setStatusBarMessage('shapelint: no safe fixes to apply', 3000);
    return false;
  }
  return vscode.workspace.applyEdit(fixAll.edit);
}
