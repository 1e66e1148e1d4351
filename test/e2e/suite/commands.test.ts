// The extension's commands: the status-bar GPU picker, the shape report, fix-all.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { listDiagnostics, literalRange, openFixture, revert, ruleId, screenshot, setGpu, shapelintDiagnostics, waitFor, waitForRules } from './helpers';

const FIXTURE = 'hf/config.json';

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('shapelint.report'));
}

suite('commands', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    editor = await openFixture(FIXTURE);
    await waitForRules(editor.document.uri, ['head-dim']);
  });

  suiteTeardown(async () => {
    await setGpu(undefined);
    await revert(editor);
  });

  test('shapelint.selectGpu (the status-bar item) sets shapelint.gpu from its picker', async () => {
    await setGpu(undefined);
    const picked = vscode.commands.executeCommand<string | undefined>('shapelint.selectGpu');
    let settled = false;
    void picked.then(() => (settled = true), () => (settled = true));
    await screenshot('gpu-picker');
    // Accept the picker's highlighted entry as soon as it is up.
    await waitFor(
      async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      },
      (done) => done,
      { what: 'the GPU picker to accept an entry' },
    );
    const id = await picked;
    assert.ok(id, 'a GPU was picked');
    assert.equal(vscode.workspace.getConfiguration('shapelint').get('gpu'), id);
    // The picked GPU may align differently (a V100 pads the vocab to a multiple of 8).
    await setGpu(undefined);
  });

  test('shapelint.showReport opens the shape report', async () => {
    await vscode.commands.executeCommand('shapelint.showReport', editor.document.uri);
    await waitFor(() => reportTabs().length, (count) => count > 0, { what: 'the report tab' });
    await screenshot('report');
  });

  // On the default GPU (H100), like the quick fix suite.
  test('shapelint.applyAllSafeFixes leaves an HF config alone and pads a GPT-NeoX vocab through its divisor, architecture untouched', async () => {
    // An HF config.json sits beside a checkpoint whose embedding would no longer match: its vocab padding is offered, never safe.
    await vscode.window.showTextDocument(editor.document, { preview: false });
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('shapelint.applyAllSafeFixes'), false, 'no safe fix in an HF config');
    assert.equal(editor.document.getText(), before);

    // GPT-NeoX pads at load to make_vocab_size_divisible_by × model_parallel_size: raising the divisor is safe.
    const neox = await openFixture('neox/2-7B.yml');
    try {
      await waitForRules(neox.document.uri, ['vocab-size']);
      const heads = literalRange(neox.document, '"num-attention-heads": ', '32');
      assert.equal(await vscode.commands.executeCommand<boolean>('shapelint.applyAllSafeFixes'), true, 'fix-all found a safe fix and applied it');
      assert.match(neox.document.getText(), /"make_vocab_size_divisible_by": (?!1,)\d+,/);
      assert.equal(neox.document.getText(heads), '32', 'head count is an architecture change: not applied');
      await waitFor(
        () => shapelintDiagnostics(neox.document.uri),
        (diagnostics) => !diagnostics.some((entry) => ruleId(entry) === 'vocab-size'),
        { what: 'vocab-size to clear after fix-all', show: listDiagnostics },
      );
    } finally {
      await revert(neox);
    }
  });
});
