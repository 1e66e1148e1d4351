// Shared helpers of the end-to-end suites (the Node one and the web worker one, so nothing
// Node-only here): fixture paths, waiting without sleeping, and the screenshot hook the
// code-server launcher serves.
import * as vscode from 'vscode';

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  /** Names what is awaited in the timeout error. */
  what?: string;
}

export interface WaitForOptions<T> extends WaitOptions {
  /** How the last value appears in the timeout error. */
  show?: (value: T) => string;
}

/**
 * Re-evaluates `produce` until `predicate` holds for its value, and returns that value.
 * Also re-checks at once when VS Code publishes new diagnostics, so a wait on diagnostics
 * ends as soon as the server has answered; the interval covers everything else.
 */
export async function waitFor<T>(
  produce: () => T | Promise<T>,
  predicate: (value: T) => boolean,
  { timeout = 20_000, interval = 100, what = 'condition', show = preview }: WaitForOptions<T> = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await produce();
      if (predicate(last)) return last;
    } catch (error) {
      lastError = error;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const seen = lastError instanceof Error ? `last error: ${lastError.message}` : `last value: ${last === undefined ? 'none' : show(last)}`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; ${seen}`);
    }
    await nextChangeOrTick(Math.min(interval, remaining));
  }
}

function nextChangeOrTick(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics(() => done());
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

function preview<T>(value: T): string {
  try {
    return JSON.stringify(value, (_key, inner) => (inner instanceof vscode.Uri ? inner.toString() : inner))?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The fixture workspace the launchers open; the suite never saves into it. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The end-to-end suite needs the fixture workspace open (test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Rule id of a diagnostic: its code, plain or with a docs link. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function shapelintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'shapelint');
}

/** "head-dim@6:12-6:14, vocab-size@10:16-10:21": what a failed wait saw. */
export function listDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  const at = ({ start, end }: vscode.Range) => `${start.line}:${start.character}-${end.line}:${end.character}`;
  return `[${diagnostics.map((diagnostic) => `${ruleId(diagnostic)}@${at(diagnostic.range)}`).join(', ')}]`;
}

export function waitForRules(uri: vscode.Uri, expected: readonly string[], options: WaitOptions = {}): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => shapelintDiagnostics(uri),
    (diagnostics) => expected.every((id) => diagnostics.some((diagnostic) => ruleId(diagnostic) === id)),
    { what: `rules ${expected.join(', ')} on ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`, show: listDiagnostics, ...options },
  );
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * Asks the code-server launcher (when it is the one running the suite) to photograph the
 * workbench as it is now; the launcher first waits for `name`'s UI element to be visible.
 * A no-op under the desktop launcher, which sets no screenshot URL.
 */
export async function screenshot(name: string): Promise<void> {
  // The web worker host has no `process`.
  const endpoint = typeof process === 'undefined' ? undefined : process.env.SHAPELINT_E2E_SCREENSHOT_URL;
  if (!endpoint) return;
  const response = await fetch(`${endpoint}?name=${encodeURIComponent(name)}`, { method: 'POST' });
  if (!response.ok) console.warn(`screenshot ${name}: ${response.status} ${await response.text()}`);
}

/** The range of `literal` where it first follows `after` (e.g. after '"n_head": ', literal '32'). */
export function literalRange(document: vscode.TextDocument, after: string, literal: string): vscode.Range {
  const text = document.getText();
  const anchor = text.indexOf(after);
  if (anchor < 0) throw new Error(`"${after}" is not in ${document.fileName}`);
  const start = anchor + after.length;
  if (text.slice(start, start + literal.length) !== literal) throw new Error(`"${after}" is not followed by "${literal}" in ${document.fileName}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + literal.length));
}

/** Undoes the suite's edits: fixtures go back to what is on disk, never saved. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  if (!editor.document.isDirty) return;
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => editor.document.isDirty, (dirty) => !dirty, { what: `${editor.document.fileName} reverted` });
}

export async function setGpu(id: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('shapelint').update('gpu', id, vscode.ConfigurationTarget.Global);
}

/**
 * Opens Developer: Show Running Extensions and returns the activation time it shows for shapelint
 * (code loading plus the activate() call), which the code-server launcher reads off the screen and
 * hands back as activation.json in the workspace.
 */
export async function shownActivationMs(): Promise<number> {
  await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  const record = workspaceFile('activation.json');
  const text = await waitFor(
    async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(record)),
    (contents) => contents.length > 0,
    { what: 'the launcher to record the activation time (activation.json)', timeout: 30_000, interval: 250 },
  );
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return (JSON.parse(text) as { activationMs: number }).activationMs;
}
