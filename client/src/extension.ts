/**
 * The extension, whichever extension host runs it: the GPU picker, the report, fix-all and the
 * language client's options. The entries say how the server starts: node.ts (a Node process, from
 * the CLI bundle) and browser.ts (a web worker, for vscode.dev and github.dev).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { Commands, FIX_ALL_KIND, SETTINGS_SECTION } from '../../server/src/protocol';
import { openExample } from './example';
import { GpuStatus, selectGpu } from './gpu';
import { APPLY_CANDIDATE_COMMAND, ReportPanel } from './report';

/** The languages model configs are written in; the server decides which documents are configs. */
const CONFIG_LANGUAGES = ['yaml', 'json', 'jsonc', 'shellscript', 'python'];
/**
 * Files matched by name: launch scripts VS Code may not give a shell language id, and torchtitan's
 * TOML configs (VS Code ships no TOML language; a TOML extension adds one).
 */
const EXTRA_PATTERNS = ['**/*.slurm', '**/*.sbatch', '**/*.toml'];

let client: BaseLanguageClient | undefined;

/**
 * Activates with the client `newClient` makes. `schemes` limits the documents the server sees
 * (`file` and `untitled` under Node); in the browser every scheme is a workspace (vscode-vfs, vscode-remote).
 */
export async function activateWith(
  context: vscode.ExtensionContext,
  newClient: (options: LanguageClientOptions) => BaseLanguageClient | Promise<BaseLanguageClient>,
  schemes?: readonly string[],
): Promise<BaseLanguageClient> {
  const associations = Object.keys(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<Record<string, string>>('associations') ?? {});
  const inSchemes = <T extends object>(filter: T) => (schemes ? schemes.map((scheme) => ({ scheme, ...filter })) : [filter]);
  const documentSelector: DocumentSelector = [
    ...CONFIG_LANGUAGES.flatMap((language) => inSchemes({ language })),
    ...[...EXTRA_PATTERNS, ...associations].flatMap((pattern) => inSchemes({ pattern: pattern.includes('/') ? pattern : `**/${pattern}` })),
  ];
  // One log channel for the client and the server; its level is VS Code's (Developer: Set Log Level), the trace is shapelint.trace.server.
  const outputChannel = vscode.window.createOutputChannel('shapelint', { log: true });
  context.subscriptions.push(outputChannel);
  client = await newClient({ documentSelector, outputChannel, synchronize: { configurationSection: SETTINGS_SECTION } });

  const started = client;
  const status = new GpuStatus(CONFIG_LANGUAGES);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(Commands.selectGpu, selectGpu),
    vscode.commands.registerCommand(Commands.showReport, async (uri?: string | vscode.Uri) => void (await ReportPanel.show(context, started, toUri(uri)))),
    vscode.commands.registerCommand(Commands.applyAllSafeFixes, applyAllSafeFixes),
    vscode.commands.registerCommand(Commands.findFasterShapes, (uri?: string | vscode.Uri) => ReportPanel.show(context, started, toUri(uri), { search: true })),
    vscode.commands.registerCommand(APPLY_CANDIDATE_COMMAND, (uri: string | vscode.Uri, index: number) => ReportPanel.applyCandidate(toUri(uri) as vscode.Uri, index)),
    vscode.commands.registerCommand(Commands.openExample, () => openExample(context)),
  );
  await client.start();
  return client;
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
