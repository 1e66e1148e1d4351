/** The target GPU: a status-bar item that shows it and a picker over the catalogue that sets `shapelint.gpu`. */
import * as vscode from 'vscode';
import { findGpu, GPUS } from '../../server/src/core/perf/gpus';
import { Commands, DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../server/src/protocol';

export class GpuStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shapelint.gpu', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  /** Shown only while the active editor has one of `languages`. */
  constructor(private readonly languages: readonly string[]) {
    this.item.name = 'shapelint target GPU';
    this.item.command = Commands.selectGpu;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.gpu`)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.languages.includes(document.languageId)) {
      this.item.hide();
      return;
    }
    const id = currentGpuId(document.uri);
    const gpu = findGpu(id);
    this.item.text = `$(circuit-board) ${gpu?.name ?? id}`;
    this.item.tooltip = gpu ? `shapelint predicts for ${gpu.name} (${gpu.id}). Click to change.` : `Unknown GPU '${id}'. Click to pick one.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function currentGpuId(scope: vscode.Uri | undefined): string {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<string>('gpu') ?? DEFAULT_SETTINGS.gpu;
}

/** "Select target GPU": a QuickPick of the catalogue; writes the setting where it is already set, else user-wide. */
export async function selectGpu(): Promise<string | undefined> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  const current = findGpu(currentGpuId(scope))?.id;
  const picked = await vscode.window.showQuickPick(
    GPUS.map((gpu) => ({
      label: gpu.name,
      description: gpu.id === current ? `${gpu.id} (current)` : gpu.id,
      detail: `${gpu.computeUnits} ${gpu.vendor === 'amd' ? 'CUs' : 'SMs'} · ${gpu.peakTflops.bf16 ?? gpu.peakTflops.fp16 ?? '?'} TFLOP/s dense · ${gpu.memoryBandwidthGBs} GB/s`,
      id: gpu.id,
    })),
    { title: 'shapelint: target GPU', placeHolder: 'The GPU predictions and speed-ups are computed for', matchOnDescription: true },
  );
  if (!picked) return undefined;
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const inspected = configuration.inspect<string>('gpu');
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await configuration.update('gpu', picked.id, target);
  return picked.id;
}
