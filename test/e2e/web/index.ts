/// <reference types="mocha" />
// The web extension's suite: runs in code-server's web worker extension host (no Node, no
// file system), against the installed VSIX, whose language server runs in a nested web worker.
// The launcher copies the bundle (test/e2e/out/web/index.js) into a stub web extension, so that
// the workbench runs it in the web worker host (see run-code-server.ts).
import * as vscode from 'vscode';
import { hoverText, listDiagnostics, literalRange, openFixture, revert, ruleId, shapelintDiagnostics, shownActivationMs, waitFor, waitForRules } from '../suite/helpers';
import * as assert from './assert';

// mocha's browser build (Node's `mocha` entry needs fs and child_process); it sets the `Mocha` global. Its UMD
// wrapper also assigns this bundle's module.exports (mocha is an ES module package), so the suite's run() is
// exported last, by hand.
require('mocha/mocha.js');
declare const Mocha: typeof import('mocha');

const FIXTURE = 'hf/config.json';
const EXTENSION_ID = 'shapelint.shapelint';

function registerTests(): void {
  suite('web extension (web worker extension host)', () => {
    let editor: vscode.TextEditor;

    suiteSetup(async () => {
      editor = await openFixture(FIXTURE);
    });

    suiteTeardown(async () => {
      await vscode.workspace.getConfiguration('shapelint').update('gpuProfile', undefined, vscode.ConfigurationTarget.Global);
      await revert(editor);
    });

    test('diagnostics: head-dim on the head count and vocab-size on the vocabulary, at their exact ranges', async () => {
      const { document } = editor;
      const diagnostics = await waitForRules(document.uri, ['head-dim', 'vocab-size']);
      const at = (id: string) => diagnostics.find((diagnostic) => ruleId(diagnostic) === id)?.range;
      assert.ok(at('head-dim')?.isEqual(literalRange(document, '"n_head": ', '32')), `head-dim on 32: ${listDiagnostics(diagnostics)}`);
      assert.ok(at('vocab-size')?.isEqual(literalRange(document, '"vocab_size": ', '50257')), `vocab-size on 50257: ${listDiagnostics(diagnostics)}`);
    });

    test('runs in a web worker, from the installed VSIX', async () => {
      // Activated by the JSON document the suite opened.
      await waitForRules(editor.document.uri, ['head-dim']);
      assert.equal(typeof process, 'undefined', 'no Node process in this host');
      assert.ok('WorkerGlobalScope' in globalThis, 'a web worker');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension?.isActive, `${EXTENSION_ID} is active`);
      assert.match(extension.extensionUri.path, /\/extensions\/shapelint\.shapelint-\d+\.\d+\.\d+[^/]*$/, 'the copy --install-extension put in the extensions folder');
    });

    test('hover: the predicted TFLOP/s of the GEMMs the hidden size feeds', async () => {
      const hidden = literalRange(editor.document, '"n_embd": ', '2560');
      const hover = await waitFor(() => hoverAt(editor.document.uri, hidden.start.translate(0, 1)), (text) => /\*\*≈ [\d.]+ TFLOP\/s\*\*/.test(text), {
        what: 'a hover with TFLOP/s on n_embd',
      });
      assert.match(hover, /H100/, 'for the default GPU');
    });

    test('quick fix: pads vocab_size to 50304, and the warning goes', async () => {
      const { document } = editor;
      const vocab = literalRange(document, '"vocab_size": ', '50257');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, vocab);
      const fix = actions.find((action) => action.edit?.get(document.uri).some((edit) => edit.newText === '50304' && edit.range.isEqual(vocab)));
      assert.ok(fix?.edit, `a fix replacing 50257 with 50304; offered: ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.getText(new vscode.Range(vocab.start, vocab.start.translate(0, 5))), '50304');
      await waitFor(
        () => shapelintDiagnostics(document.uri),
        (diagnostics) => !diagnostics.some((entry) => ruleId(entry) === 'vocab-size') && diagnostics.some((entry) => ruleId(entry) === 'head-dim'),
        { what: 'vocab-size to clear (head-dim stays)', show: listDiagnostics },
      );
    });

    test('shapelint.gpuProfile: the server in the worker gets the profile through the client, and its time replaces the model', async () => {
      // The synthetic profile times the qkv GEMM (b·s 8192, 3h 7680, h 2560) at 4321 µs.
      await vscode.workspace.getConfiguration('shapelint').update('gpuProfile', 'profiles/h100.profile.json', vscode.ConfigurationTarget.Global);
      const hidden = literalRange(editor.document, '"n_embd": ', '2560');
      const hover = await waitFor(() => hoverAt(editor.document.uri, hidden.start.translate(0, 1)), (text) => /\| qkv \|[^\n]*4\.32 ms/.test(text), {
        what: 'the measured 4.32 ms in the qkv row',
      });
      assert.match(hover, /\| 8192×7680×2560 \| [\d.]+ \| 4\.32 ms \|/);
    });

    test('its activation time shows in Developer: Show Running Extensions', async () => {
      const activationMs = await shownActivationMs();
      assert.ok(Number.isInteger(activationMs) && activationMs >= 0, `activation ${activationMs} ms`);
    });
  });
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

function run(): Promise<void> {
  // Our own instance, as the Node suite does: the global one's browser run() reports to the DOM, which a worker has not.
  const mocha = new Mocha({ ui: 'tdd', reporter: Mocha.reporters.Spec, timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'shapelint-web-e2e', mocha);
  registerTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web extension test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
