// Shape search end to end: the code action opens the report's search section, Apply edits the
// file into a candidate through the candidate's own edits, and the diagnostics follow.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEARCH_TITLE, type SearchReply } from '../../../server/src/protocol';
import { listDiagnostics, openFixture, revert, ruleId, screenshot, shapelintDiagnostics, waitFor, waitForRules } from './helpers';

const FIXTURE = 'hf/config.json';
/** The paper's GPT-3 2.7B change (Figure 1): 20 heads of 128 at the same hidden size. */
const TWENTY_HEADS = 'h=2560 a=20 (d=128)';

suite('shape search', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    editor = await openFixture(FIXTURE);
    await waitForRules(editor.document.uri, ['head-dim', 'vocab-size']);
  });

  suiteTeardown(() => revert(editor));

  test('code action → report search section → Apply: the file becomes the candidate and head-dim and vocab-size clear', async () => {
    const { document } = editor;
    const heads = document.positionAt(document.getText().indexOf('"n_head": 32') + '"n_head": '.length);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(heads, heads));
    const action = actions.find((candidate) => candidate.title === SEARCH_TITLE);
    assert.ok(action?.command, `a "${SEARCH_TITLE}" action; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    assert.ok(action.kind && vscode.CodeActionKind.Refactor.contains(action.kind), 'a refactoring');

    const reply = await vscode.commands.executeCommand<SearchReply | null>(action.command.command, ...(action.command.arguments ?? []));
    assert.ok(reply, 'the search answered');
    assert.equal(reply.version, document.version);
    const index = reply.candidates.findIndex((candidate) => candidate.title.startsWith(TWENTY_HEADS));
    assert.ok(index >= 0, `${TWENTY_HEADS} among ${reply.candidates.map((candidate) => candidate.title).join('; ')}`);
    await screenshot('search');

    // What the row's Apply button posts: the same command, with the row's index.
    const applied = await vscode.commands.executeCommand<boolean>('shapelint.applySearchCandidate', document.uri, index);
    assert.equal(applied, true);
    const text = document.getText();
    assert.match(text, /"n_head": 20,/);
    assert.match(text, /"vocab_size": 50304/);
    assert.match(text, /"n_embd": 2560,/);
    const after = await waitFor(
      () => shapelintDiagnostics(document.uri),
      (diagnostics) => !diagnostics.some((entry) => ruleId(entry) === 'head-dim' || ruleId(entry) === 'vocab-size'),
      { what: 'head-dim and vocab-size to clear', show: listDiagnostics },
    );
    assert.deepEqual(after.filter((entry) => entry.severity <= vscode.DiagnosticSeverity.Warning).map(ruleId), []);
  });
});
