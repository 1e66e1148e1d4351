// The walkthrough (contributes.walkthroughs): it opens, and its example step gives a config with findings.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { listDiagnostics, ruleId, waitForRules } from './helpers';

suite('walkthrough', () => {
  test('opens, and "Open an example config" opens GPT-3 2.7B as an untitled config.json with head-dim and vocab-size', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'shapelint.shapelint#shapelint.gettingStarted', false);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('shapelint.openExample');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'untitled');
    assert.ok(document.uri.path.endsWith('/config.json') || document.uri.path.endsWith('config.json'), document.uri.toString());
    const diagnostics = await waitForRules(document.uri, ['head-dim', 'vocab-size']);
    const vocab = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'vocab-size');
    assert.equal(vocab && document.getText(vocab.range), '50257', listDiagnostics(diagnostics));
    // Untitled and unsaved: close it without a save prompt.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
