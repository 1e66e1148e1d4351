// The vocab quick fix: offered on the diagnostic, pads 50257 to 50304, and the warning goes.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { listDiagnostics, literalRange, openFixture, revert, ruleId, screenshot, shapelintDiagnostics, waitFor, waitForRules } from './helpers';

const FIXTURE = 'hf/config.json';
// GPT-2's 50257 tokens padded to the next multiple of 64 (what nanoGPT does by hand).
const PADDED_VOCAB = '50304';

function vocabFix(actions: readonly vscode.CodeAction[], range: vscode.Range, uri: vscode.Uri): vscode.CodeAction | undefined {
  return actions.find((action) =>
    action.edit
      ?.get(uri)
      .some((edit) => edit.newText === PADDED_VOCAB && edit.range.isEqual(range)),
  );
}

suite('vocab quick fix', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    editor = await openFixture(FIXTURE);
  });

  suiteTeardown(() => revert(editor));

  test('is offered on the vocab-size diagnostic and applying it clears the warning', async () => {
    const { document } = editor;
    const vocab = literalRange(document, '"vocab_size": ', '50257');
    const [diagnostic] = (await waitForRules(document.uri, ['vocab-size'])).filter((entry) => ruleId(entry) === 'vocab-size');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = vocabFix(actions, vocab, document.uri);
    assert.ok(fix, `a fix replacing 50257 with ${PADDED_VOCAB}; offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(fix.kind?.contains(vscode.CodeActionKind.QuickFix), 'a quick fix');
    // Padding is the safe fix, so it is the preferred one (the API does not pass on diagnostics).
    assert.equal(fix.isPreferred, true, 'the preferred fix');

    editor.selection = new vscode.Selection(vocab.start, vocab.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget');

    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(new vscode.Range(vocab.start, vocab.start.translate(0, PADDED_VOCAB.length))), PADDED_VOCAB);
    const after = await waitFor(
      () => shapelintDiagnostics(document.uri),
      (diagnostics) => !diagnostics.some((entry) => ruleId(entry) === 'vocab-size') && diagnostics.some((entry) => ruleId(entry) === 'head-dim'),
      { what: 'vocab-size to clear (head-dim stays)', show: listDiagnostics },
    );
    assert.ok(after.every((entry) => ruleId(entry) !== 'vocab-size'));
  });
});
