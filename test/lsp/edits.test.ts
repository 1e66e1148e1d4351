/**
 * Typing in the real server process, one incremental change per keystroke: an edit inside a
 * value reuses the previous parse (parse/scalar-edit.ts), any other edit parses the whole text.
 * Either way each version must get exactly the diagnostics a fresh open of its text gets.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fixture, FIXTURES, LspClient, offsetOf, positionAt } from './harness';

const uriFor = (fileName: string) => pathToFileURL(join(FIXTURES, 'cases', 'typing', fileName)).href;
/** GPT-NeoX configs/2-7B.yml (brace style): GPT-3 2.7B's 32 heads of head dim 80 get `head-dim`. */
const neox = fixture('neox-2-7B.yml');

const shown = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, severity, range, message }) => ({ code, severity, range, message }));

/** One keystroke: `insert` at the offset of `needle` (plus `skip`), or `remove` characters there. */
interface Keystroke {
  needle: string;
  skip?: number;
  insert?: string;
  remove?: number;
}

suite('lsp: typing, one keystroke per change', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  test('every version gets the diagnostics a fresh open of the same text gets', async () => {
    const uri = uriFor('neox.yml');
    let text = neox.text;
    await client.open(uri, text);
    const initial = await client.diagnostics(uri);
    assert.ok(initial.some((diagnostic) => diagnostic.code === 'head-dim'));
    const keystrokes: Keystroke[] = [
      // A layer count typed longer and back, before the head count's finding: it must move with the edit.
      { needle: '"num-layers": 32', skip: 16, insert: '4' },
      { needle: '"num-layers": 324', skip: 16, remove: 1 },
      // 32 heads → 20 (head dim 128), a digit at a time: inside the value each time.
      { needle: '"num-attention-heads": 32', skip: 25, remove: 1 },
      { needle: '"num-attention-heads": 3', skip: 24, remove: 1 },
      { needle: '"num-attention-heads": ', skip: 23, insert: '2' },
      { needle: '"num-attention-heads": 2', skip: 24, insert: '0' },
      // Inside a quoted string.
      { needle: '"layernorm"', skip: 5, insert: 'x' },
      // Not inside a value: a comment, then a new key (a full parse each).
      { needle: '# model settings', skip: 16, insert: ' (edited)' },
      { needle: '"seq-length"', insert: '"num-layers": 24,\n  ' },
    ];
    let fresh = 0;
    for (const keystroke of keystrokes) {
      const at = offsetOf(text, keystroke.needle) + (keystroke.skip ?? 0);
      const removed = keystroke.remove ?? 0;
      const range = { start: positionAt(text, at), end: positionAt(text, at + removed) };
      await client.changeRange(uri, range, keystroke.insert ?? '');
      text = text.slice(0, at) + (keystroke.insert ?? '') + text.slice(at + removed);
      const typed = await client.diagnostics(uri);
      const freshUri = uriFor(`fresh-${fresh++}.yml`);
      await client.open(freshUri, text);
      assert.deepEqual(shown(typed), shown(await client.diagnostics(freshUri)), `after typing at ${keystroke.needle}`);
      await client.close(freshUri);
    }
    assert.ok(!(await client.diagnostics(uri)).some((diagnostic) => diagnostic.code === 'head-dim'), '20 heads of head dim 128 are aligned');
  });
});
