/**
 * Issue 18 in the real server process: a document past the size limit, a client that sends an
 * incremental change at a fractional position, and the memory of closed documents.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MAX_CHECKED_LENGTH } from '../../server/src/core/check';
import { fixture, FIXTURES, LspClient, offsetOf, positionAt } from './harness';

const uriFor = (test: string, fileName: string) => pathToFileURL(join(FIXTURES, 'cases', test, fileName)).href;
/** GPT-NeoX configs/2-7B.yml (brace style, test/fixtures/lsp/neox-2-7B.yml). */
const neox = fixture('neox-2-7B.yml');
const hf = fixture('config.json');

/** The NeoX config with comment lines after it until it is `length` characters long. */
function padded(length: number): string {
  const line = '# padding: a comment line that says nothing about the shape\n';
  return neox.text + line.repeat(Math.ceil((length - neox.text.length) / line.length));
}

suite('lsp: a document past the size limit', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  test('gets one not-read diagnostic with the limit, after a one-character edit too; back under the limit, it is checked', async () => {
    const uri = uriFor('size-limit', 'neox.yml');
    const text = padded(MAX_CHECKED_LENGTH + 1);
    await client.open(uri, text);
    const [notRead, ...rest] = await client.diagnostics(uri);
    assert.deepEqual(rest, []);
    assert.equal(notRead.code, 'not-read');
    assert.deepEqual(notRead.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(notRead.message), new RegExp(`^This file has ${text.length.toLocaleString('en-US')} characters .*shapelint reads files of up to 10,485,760 \\(10\\.0 MB\\), so nothing in it is checked\\.$`));
    const end = positionAt(text, text.length);
    await client.changeRange(uri, { start: end, end }, '#');
    assert.deepEqual((await client.diagnostics(uri)).map((diagnostic) => diagnostic.code), ['not-read']);
    await client.change(uri, neox.text);
    assert.ok((await client.diagnostics(uri)).every((diagnostic) => diagnostic.code !== 'not-read'));
  });
});

suite('lsp: an incremental change at a fractional position', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  test('is refused: one diagnostic says the file is no longer checked, nothing is misplaced, and a full text or reopening resyncs', async () => {
    const uri = uriFor('fractional', 'config.json');
    await client.open(uri, hf.text);
    const before = await client.diagnostics(uri);
    assert.ok(before.some((diagnostic) => diagnostic.code === 'vocab-size'));
    for (const range of [
      { start: { line: 0.5, character: 0 }, end: { line: 0.5, character: 0 } },
      { start: { line: 1, character: -1 }, end: { line: 1, character: 2 } },
      { start: { line: 1, character: 0 } },
    ]) {
      const seen = client.history.length;
      await client.changeRange(uri, range, '\n\n\n');
      const [stopped, ...rest] = await client.diagnosticsAfter(uri, seen);
      assert.deepEqual(rest, []);
      assert.equal(stopped.code, undefined);
      assert.match(String(stopped.message), /^shapelint stopped checking this file: the editor sent a change at a position that is not a whole line and character \(.*\), so the server no longer knows the text\. Close and reopen the file to check it again\.$/);
      assert.equal(await client.hover(uri, offsetOf(hf.text, '"n_embd": 2560') + 11), null);
      // Later incremental changes cannot be applied to text the server does not have: still not checked.
      const next = client.history.length;
      await client.changeRange(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ' ');
      assert.match(String((await client.diagnosticsAfter(uri, next))[0].message), /^shapelint stopped checking this file/);
      // A change with the whole text resyncs: the diagnostics are where that text has them.
      const moved = `\n\n${hf.text}`;
      await client.change(uri, moved);
      const resynced = await client.diagnostics(uri);
      const vocab = resynced.find((diagnostic) => diagnostic.code === 'vocab-size');
      assert.deepEqual(vocab?.range.start, positionAt(moved, offsetOf(moved, '"vocab_size": 50257') + '"vocab_size": '.length));
      await client.change(uri, hf.text);
      await client.diagnostics(uri);
    }
    await client.changeRange(uri, { start: { line: 0.5, character: 0 }, end: { line: 0.5, character: 0 } }, 'x');
    await client.close(uri);
    await client.open(uri, hf.text);
    assert.deepEqual(await client.diagnostics(uri), before);
  });
});

suite('lsp: closed documents', () => {
  test("their memory is given back once closing pauses, not held until the next edit", async () => {
    const client = await LspClient.start();
    try {
      const base = client.residentMb();
      const text = padded(512 * 1024);
      const uris = Array.from({ length: 80 }, (_, index) => uriFor(`closed-${index}`, 'neox.yml'));
      for (const uri of uris) await client.open(uri, text);
      for (const uri of uris) await client.diagnostics(uri);
      const peak = client.residentMb();
      assert.ok(peak - base > 100, `80 documents of 512 KB took ${(peak - base).toFixed(0)} MB`);
      for (const uri of uris) await client.close(uri);
      await client.poll(() => client.residentMb() < base + (peak - base) / 2, `the server's memory (${client.residentMb().toFixed(0)} MB, from ${base.toFixed(0)} before and ${peak.toFixed(0)} at the peak) to fall by half its growth`);
    } finally {
      await client.stop();
    }
  });
});
