// Which copy of the extension the suite is testing: with a VSIX, the one `code-server --install-extension` installed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, shownActivationMs, waitForRules } from './helpers';

suite('extension under test', () => {
  test('is active, and is the copy the launcher named (the installed VSIX, or the development folder)', async () => {
    // The suite's first document, and a Python one: the activation time shown below is then shapelint's own, not
    // shared with the built-in JSON extensions that a config.json activates at the same moment.
    await waitForRules((await openFixture('nanogpt/config/train_gpt3_2p7b.py')).document.uri, ['head-dim']);
    const extension = vscode.extensions.getExtension('shapelint.shapelint');
    assert.ok(extension?.isActive);
    const expected = process.env.SHAPELINT_E2E_EXPECTED_EXTENSION;
    if (expected) assert.ok(extension.extensionUri.fsPath.startsWith(expected), `${extension.extensionUri.fsPath} starts with ${expected}`);
  });

  test('its activation time shows in Developer: Show Running Extensions (code-server launcher)', async () => {
    // Only the code-server launcher reads the screen; under the desktop launcher there is nobody to hand the figure back.
    if (!process.env.SHAPELINT_E2E_SCREENSHOT_URL) return;
    const activationMs = await shownActivationMs();
    assert.ok(Number.isInteger(activationMs) && activationMs >= 0, `activation ${activationMs} ms`);
  });
});
