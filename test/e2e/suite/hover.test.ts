// Hover on the hidden size: predicted TFLOP/s, and numbers that follow the target GPU.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, literalRange, openFixture, screenshot, setGpu, waitFor } from './helpers';

const FIXTURE = 'hf/config.json';
const TFLOPS = /(\d+(?:\.\d+)?)\s*TFLOP\/s/g;

function hoverAt(uri: vscode.Uri, position: vscode.Position): Thenable<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
}

function tflopFigures(text: string): number[] {
  return [...text.matchAll(TFLOPS)].map((match) => Number(match[1]));
}

suite('hover', () => {
  let editor: vscode.TextEditor;
  let hiddenSize: vscode.Position;

  suiteSetup(async () => {
    editor = await openFixture(FIXTURE);
    // Inside the 2560 of "n_embd": the hidden size, whose GEMMs the hover predicts.
    hiddenSize = literalRange(editor.document, '"n_embd": ', '2560').start.translate(0, 2);
  });

  suiteTeardown(() => setGpu(undefined));

  test('shows predicted TFLOP/s on the hidden size', async () => {
    const text = await waitFor(
      async () => hoverText(await hoverAt(editor.document.uri, hiddenSize)),
      (hover) => tflopFigures(hover).length > 0,
      { what: 'a hover with TFLOP/s on n_embd' },
    );
    assert.ok(tflopFigures(text).every((figure) => figure > 0 && figure < 10_000), `plausible figures: ${tflopFigures(text).join(', ')}`);

    editor.selection = new vscode.Selection(hiddenSize, hiddenSize);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover');
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  test('changing shapelint.gpu changes the numbers', async () => {
    await setGpu('h100-sxm');
    const onH100 = await waitFor(
      async () => hoverText(await hoverAt(editor.document.uri, hiddenSize)),
      (hover) => /H100/.test(hover) && tflopFigures(hover).length > 0,
      { what: 'an H100 hover' },
    );
    await setGpu('a100-sxm4-80gb');
    const onA100 = await waitFor(
      async () => hoverText(await hoverAt(editor.document.uri, hiddenSize)),
      (hover) => /A100/.test(hover) && tflopFigures(hover).length > 0,
      { what: 'the hover to follow shapelint.gpu to the A100' },
    );
    assert.notDeepEqual(tflopFigures(onA100), tflopFigures(onH100));
    // An A100's dense BF16 peak is about a third of an H100's: the layer cannot be faster.
    assert.ok(Math.max(...tflopFigures(onA100)) < Math.max(...tflopFigures(onH100)), `A100 ${tflopFigures(onA100)} vs H100 ${tflopFigures(onH100)}`);
  });
});
