/** The walkthrough's example: GPT-3 2.7B as an HF config.json, opened as an untitled copy so the user can edit it freely. */
import * as vscode from 'vscode';

/** Named config.json, so that the server reads it as a Hugging Face config. */
const EXAMPLE_URI = vscode.Uri.from({ scheme: 'untitled', path: 'gpt3-2.7b/config.json' });

export async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(EXAMPLE_URI);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (document.getText().length === 0) {
    const example = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'gpt3-2.7b', 'config.json'));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), new TextDecoder().decode(example)));
  }
  return editor;
}
