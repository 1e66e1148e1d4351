/**
 * A server that cannot be wedged: the real built process, driven with what a confused or hostile
 * client or workspace sends (repeated versions, broken frames, bad settings, a FIFO for a profile).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { applyEdits, fixture, FIXTURES, LspClient, offsetOf, ROOT, SERVER_CLI } from './harness';

const uriFor = (test: string, fileName: string) => pathToFileURL(join(FIXTURES, 'cases', test, fileName)).href;
const hf = fixture('config.json');
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();

suite('lsp: analyses belong to exact text', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  test('a didChange that repeats a version gets its own analysis, and Fix all edits the text it was computed on', async () => {
    // GPT-NeoX pads at load: its divisor fix is the safe one Fix all applies.
    const neox = fixture('neox-divisor-100.yml');
    const uri = uriFor('repeated-version', 'neox.yml');
    await client.open(uri, neox.text);
    await client.diagnostics(uri);
    // Same version 1, other text: a key inserted before the divisor moves every offset after it.
    const moved = neox.text.replace('"seq-length": 2048,', '"seq-length": 2048,\n  "make_vocab_size_divisible_by_note": "x",');
    await client.change(uri, moved, 1);
    const divisorOffset = offsetOf(moved, '"make-vocab-size-divisible-by": 100');
    const diagnostics = await client.diagnosticsWhere(uri, (candidates) => candidates.some((d) => d.code === 'vocab-size' && d.range.start.line === moved.slice(0, divisorOffset).split('\n').length - 1));
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) as CodeAction[];
    const edits = actions[0]?.edit?.changes?.[uri] ?? [];
    const padded = moved.replace('"make-vocab-size-divisible-by": 100', '"make-vocab-size-divisible-by": 128');
    assert.equal(applyEdits(moved, edits), padded);
    // A quick fix carried in data published for the first text is not offered for the second.
    const stale = { ...diagnostics.find((d) => d.code === 'vocab-size')!, data: { version: 1, textHash: 'other-text', fixes: [{ title: 'stale', isPreferred: true, safe: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' }] }] } };
    const quick = (await client.codeActions(uri, stale.range, [stale], ['quickfix'])) as CodeAction[];
    assert.ok(quick.length > 0, 'the fix is recomputed for the current text');
    assert.ok(quick.every((action) => action.title !== 'stale'));
    assert.equal(applyEdits(moved, quick[0].edit?.changes?.[uri] ?? []), padded);
  });

  test('a burst of changes: every publication is for the text of its version, in order, ending with the last', async () => {
    const uri = uriFor('burst', 'config.json');
    await client.open(uri, hf.text);
    await client.diagnostics(uri);
    const seen = client.history.length;
    // Odd versions move the vocabulary down a line; even ones do not.
    const texts = new Map<number, string>();
    let version = 1;
    for (let i = 0; i < 30; i++) {
      const text = i % 2 === 0 ? hf.text.replace('"n_positions": 2048,', '"n_positions": 2048,\n  "padding_note": 1,') : hf.text;
      version = await client.change(uri, text);
      texts.set(version, text);
    }
    await client.diagnostics(uri);
    const published = client.history.slice(seen).filter((params) => params.uri === uri);
    assert.equal(published.at(-1)?.version, version);
    const versions = published.map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
    for (const params of published) {
      const text = texts.get(params.version ?? 0)!;
      const vocab = params.diagnostics.find((diagnostic) => diagnostic.code === 'vocab-size');
      assert.equal(vocab?.range.start.line, text.slice(0, offsetOf(text, '"vocab_size": 50257')).split('\n').length - 1, `v${params.version}: a range for other text`);
    }
  });

  test('a document that is not a file (a virtual workspace) is checked from its text alone, even with a profile set', async () => {
    await client.configure({ gpuProfile: 'test/fixtures/lsp/h100.profile.json' });
    const uri = 'vscode-vfs://github/org/repo/config.json';
    await client.open(uri, hf.text, 'json');
    assert.deepEqual(codes(await client.diagnostics(uri)), ['head-dim', 'vocab-size']);
    const hover = await client.hover(uri, offsetOf(hf.text, '"n_embd": 2560') + 10);
    assert.match(JSON.stringify(hover), /TFLOP\/s/);
    await client.configure({});
  });
});

suite('lsp: a bad setting is reported once, and the rest apply', () => {
  let client: LspClient;
  let scratch: string;
  before(async () => {
    client = await LspClient.start({ gpu: 'a100-sxm4-40gb', associations: { '**/launch/{a,b.txt': 'megatron', '**/launch/*.args': 'megatron' } });
    scratch = mkdtempSync(join(ROOT, 'test', 'fixtures', 'lsp', 'profile-trust-'));
  });
  after(async () => {
    await client.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("an unbalanced '{' in shapelint.associations: told once; other globs, the GPU and every feature still work", async () => {
    const text = '--hidden-size 2560 --num-attention-heads 32\n';
    const uri = uriFor('bad-glob', 'launch/run.args');
    await client.open(uri, text, 'plaintext');
    assert.deepEqual(codes(await client.diagnostics(uri)), ['head-dim']);
    await client.open(uriFor('bad-glob', 'config.json'), hf.text);
    const diagnostics = await client.diagnostics(uriFor('bad-glob', 'config.json'));
    assert.deepEqual(codes(diagnostics), ['head-dim', 'vocab-size']);
    const hover = await client.hover(uriFor('bad-glob', 'config.json'), offsetOf(hf.text, '"n_embd": 2560') + 10);
    assert.match(JSON.stringify(hover), /A100/);
    const warnings = client.messages.filter((message) => message.includes("'**/launch/{a,b.txt'"));
    assert.deepEqual(warnings, ["shapelint.associations: the pattern '**/launch/{a,b.txt' has a '{' that is never closed; it is ignored."]);
  });

  test('a profile outside the workspace, a FIFO and /dev/zero are refused without hanging, and nothing of their content is shown', async () => {
    const fifo = join(scratch, 'profile.fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const uri = uriFor('profile-trust', 'config.json');
    await client.open(uri, hf.text);
    for (const [setting, reason] of [
      ['${workspaceFolder}/../../../../../../../../etc/passwd', 'outside the workspace folders and your home folder'],
      ['/dev/zero', 'outside the workspace folders and your home folder'],
      [fifo, 'not a regular file'],
      ['test/fixtures/lsp/config.json', 'not a valid'],
    ] as const) {
      await client.configure({ gpuProfile: setting });
      // The hover still answers: the profile is read without blocking the server.
      const hover = await client.hover(uri, offsetOf(hf.text, '"n_embd": 2560') + 10);
      assert.match(JSON.stringify(hover), /TFLOP\/s/);
      const message = client.messages.find((candidate) => candidate.includes(`'${setting}'`));
      assert.ok(message, `no warning for ${setting}`);
      if (reason !== 'not a valid') assert.match(message, new RegExp(reason));
      assert.doesNotMatch(message, /root:|GPT-3 2\.7B|_comment/, 'never echoes the file');
    }
  });
});

suite('lsp: a file the server fails on', () => {
  test('gets a diagnostic saying it was not checked, and the other files are still checked', async () => {
    // 900 levels is within the reader's bound, but a 100 KB stack cannot parse it: a real internal failure.
    const client = await LspClient.start({}, ['--stack-size=100', SERVER_CLI, 'lsp', '--stdio']);
    try {
      const deep = uriFor('internal-error', 'config.json');
      await client.open(deep, `{"model_type": "gpt2", "n_embd": 2560, "n_head": 32, "a": ${'['.repeat(900)}${']'.repeat(900)}}`);
      const [diagnostic, ...rest] = await client.diagnostics(deep);
      assert.equal(rest.length, 0);
      assert.equal(diagnostic.severity, 2);
      assert.match(String(diagnostic.message), /^shapelint could not check this file \(internal error: RangeError: Maximum call stack size exceeded\); nothing in it was checked\.$/);
      const good = uriFor('internal-error', 'other/config.json');
      await client.open(good, hf.text);
      assert.deepEqual(codes(await client.diagnostics(good)), ['head-dim', 'vocab-size']);
    } finally {
      await client.stop();
    }
  });
});

/** The built server on raw stdio, for bytes no well-behaved client sends. */
function rawServer(): { write(bytes: string): void; output(): string; exited: Promise<number | null>; waitForOutput(pattern: RegExp): Promise<string>; kill(): void } {
  const child = spawn(process.execPath, [SERVER_CLI, 'lsp', '--stdio'], { cwd: ROOT, stdio: 'pipe' });
  let stdout = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString('utf8');
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    write: (bytes) => child.stdin.write(bytes),
    output: () => stdout,
    exited,
    waitForOutput: (pattern) =>
      new Promise((resolve) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) {
            waiters.delete(check);
            resolve(match[0]);
          }
        };
        waiters.add(check);
        check();
      }),
    kill: () => child.kill(),
  };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

suite('lsp: framing and JSON errors', () => {
  test('a header without Content-Length ends the connection: the server exits', async () => {
    const server = rawServer();
    server.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{}');
    assert.equal(await server.exited, 1);
  });

  test('a body that is not JSON is answered with -32700, and the server goes on', async () => {
    const server = rawServer();
    try {
      server.write(frame('{"jsonrpc":"2.0","id":1,"method":"initialize",'));
      const error = JSON.parse(await server.waitForOutput(/\{"jsonrpc":"2\.0","id":null,"error":\{[^}]*\}\}/));
      assert.equal(error.error.code, -32700);
      assert.equal(error.error.message, 'Parse error: the message body is not JSON');
      server.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
      assert.match(await server.waitForOutput(/"id":2,"result":\{"capabilities"/), /capabilities/);
    } finally {
      server.kill();
    }
  });
});
