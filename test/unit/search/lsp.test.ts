/** The search through the real server process (`shapelint lsp --stdio`): the code action, the request, Apply's edits, cancellation. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, suite, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError, type CodeAction, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { runInSlices } from '../../../server/src/lsp/search';
import { Commands, SEARCH_ACTION_KIND } from '../../../server/src/protocol';
import { applyEdits, LspClient, offsetOf, positionAt, ROOT } from '../../lsp/harness';

/** GPT-3 2.7B in GPT-2 form (examples/gpt3-2.7b), on the paper's A100 40GB. */
const GPT3_URI = pathToFileURL(join(ROOT, 'test', 'fixtures', 'cli', 'gpt3-2.7b', 'config.json')).href;
const GPT3_TEXT = readFileSync(new URL(GPT3_URI), 'utf8');
/** Llama-2-7B: 833 layer shapes, so the search spans many slices. */
const LLAMA_URI = pathToFileURL(join(ROOT, 'test', 'fixtures', 'cli', 'llama-2-7b', 'config.json')).href;
const LLAMA_TEXT = readFileSync(new URL(LLAMA_URI), 'utf8');

suite('shape search in the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ gpu: 'a100-sxm4-40gb', sequenceLength: 2048, microBatchSize: 4 });
    await client.open(GPT3_URI, GPT3_TEXT);
    await client.open(LLAMA_URI, LLAMA_TEXT);
    await client.diagnostics(GPT3_URI);
  });
  after(() => client.stop());

  test('a code action "Find faster shapes (±5% parameters)" on a shape field runs the command on the document; not elsewhere, not among quick fixes only', async () => {
    const heads = positionAt(GPT3_TEXT, offsetOf(GPT3_TEXT, '"n_head": 32') + '"n_head": '.length);
    const range = { start: heads, end: heads };
    const actions = (await client.codeActions(GPT3_URI, range, [])) as CodeAction[];
    const search = actions.find((action) => action.kind === SEARCH_ACTION_KIND);
    assert.ok(search);
    assert.equal(search.title, 'Find faster shapes (±5% parameters)');
    assert.deepEqual(search.command, { title: search.title, command: Commands.findFasterShapes, arguments: [GPT3_URI] });
    const quickFixesOnly = (await client.codeActions(GPT3_URI, range, [], ['quickfix'])) as CodeAction[];
    assert.ok(!quickFixesOnly.some((action) => action.kind === SEARCH_ACTION_KIND));
    const onTheArchitectures = positionAt(GPT3_TEXT, offsetOf(GPT3_TEXT, 'GPT2LMHeadModel'));
    const elsewhere = (await client.codeActions(GPT3_URI, { start: onTheArchitectures, end: onTheArchitectures }, [])) as CodeAction[];
    assert.ok(!elsewhere.some((action) => action.kind === SEARCH_ACTION_KIND));
  });

  test('the request answers the section and per-candidate edits; applied, the diagnostics lose head-dim and vocab-size', async () => {
    const reply = await client.search({ uri: GPT3_URI });
    assert.ok(reply);
    assert.equal(reply.version, 1);
    assert.match(reply.html, /<h2>Faster shapes within ±5% parameters<\/h2>/);
    assert.match(reply.html, /<button class="apply" data-apply="0"/);
    assert.match(reply.html, /class="pareto-front"/);
    assert.match(reply.html, /class="point current"/);
    assert.equal(reply.candidates.length, 10);
    const twenty = reply.candidates.findIndex((candidate) => candidate.title.startsWith('h=2560 a=20 (d=128)'));
    assert.ok(twenty >= 0, reply.candidates.map((candidate) => candidate.title).join('; '));
    const edited = applyEdits(GPT3_TEXT, reply.candidates[twenty].edits);
    assert.equal(edited, GPT3_TEXT.replace('"n_head": 32', '"n_head": 20').replace('"vocab_size": 50257', '"vocab_size": 50304'));
    const before = await client.diagnostics(GPT3_URI);
    assert.deepEqual(before.map((diagnostic) => diagnostic.code).sort(), ['head-dim', 'vocab-size']);
    await client.change(GPT3_URI, edited);
    await client.diagnosticsWhere(GPT3_URI, (diagnostics) => diagnostics.length === 0);
    await client.change(GPT3_URI, GPT3_TEXT);
  });

  test('the request ranks by the run: rankedBy, and per candidate its tokens/s per GPU, MFU, peak memory per GPU and fits (GPT-3 2.7B at micro-batch 4 needs about 70 GiB of a 40 GB A100)', async () => {
    const reply = await client.search({ uri: GPT3_URI });
    assert.ok(reply);
    assert.equal(reply.rankedBy, 'run');
    assert.match(reply.rankedByNote, /^the run's tokens\/s per GPU \(8 GPUs: TP 1 × PP 1 × DP 8, global batch 32, recompute none, sharding none\)$/);
    assert.equal(reply.candidates.length, 10);
    for (const { run } of reply.candidates) {
      assert.ok(run);
      assert.ok(run.tokensPerSecondPerGpu > 1000 && run.mfu > 0.2 && run.mfu < 1, JSON.stringify(run));
      assert.ok(run.peakBytesPerGpu > 60 * 2 ** 30 && run.fits === false, JSON.stringify(run));
    }
    const speedups = reply.candidates.map((candidate) => candidate.run!.sizeAdjustedSpeedup);
    assert.deepEqual(speedups, [...speedups].sort((a, b) => b - a));
    assert.match(reply.html, /<th class="num">tokens\/s\/GPU<\/th>/);
    assert.match(reply.html, /<p class="meta memory-note">Memory: the current shape needs 70 GiB per GPU/);
  });

  test('hovers are answered while a search runs; a cancelled search answers RequestCancelled', async () => {
    const cancel = new CancellationTokenSource();
    const order: string[] = [];
    const search = client.search({ uri: LLAMA_URI }, cancel.token).then(
      () => order.push('search'),
      (error: unknown) => {
        order.push('search');
        return error;
      },
    );
    const hover = await client.hover(LLAMA_URI, offsetOf(LLAMA_TEXT, '"hidden_size": 4096') + 16);
    order.push('hover');
    assert.ok(hover);
    cancel.cancel();
    const error = await search;
    assert.deepEqual(order, ['hover', 'search']);
    assert.ok(error instanceof ResponseError, String(error));
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
  });

  test('a budget the CLI would refuse (1e308, 0, -1) is refused alike (InvalidParams), and the server goes on serving', async () => {
    for (const budget of [1e308, 0, -1]) {
      await assert.rejects(client.search({ uri: GPT3_URI, budget }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && /must be above 0 and at most 0\.5/.test(error.message));
    }
    assert.equal((await client.search({ uri: GPT3_URI, budget: 0.05 }))?.candidates.length, 10);
  });

  test('hidden 65536: the search is bounded and answers (it ran for minutes)', async () => {
    const uri = pathToFileURL(join(ROOT, 'test', 'fixtures', 'search', 'hidden-65536.json')).href;
    await client.open(uri, readFileSync(new URL(uri), 'utf8'));
    const reply = await client.search({ uri });
    assert.equal(reply?.candidates.length, 10);
    assert.match(reply.html, /coarsened: hidden sizes and MLP widths in steps of \d+, not 64, to keep the search within 2,000 layer shapes/);
  });

  test('a file that is not a config gets no search', async () => {
    const uri = pathToFileURL(join(ROOT, 'notes.json')).href;
    await client.open(uri, '{"name": "not a model"}');
    assert.equal(await client.search({ uri }), null);
  });
});

/** A search of `slices` slices that answers 'done'. */
function* slices(count: number): Generator<{ done: number; total: number }, string> {
  for (let done = 1; done <= count; done++) yield { done, total: count };
  return 'done';
}

/** A progress reporter that records what it is told; `cancelled` is the user's cancel button. */
function recorder() {
  const events: string[] = [];
  const cancel = new CancellationTokenSource();
  const reporter = {
    token: cancel.token,
    begin: (title: string) => void events.push(`begin ${title}`),
    report: (percentage: number) => void events.push(`report ${percentage}`),
    done: () => void events.push('done'),
  } as unknown as WorkDoneProgressServerReporter;
  return { events, cancel, create: () => Promise.resolve(reporter) };
}

suite('search slices: progress and cancellation', () => {
  test('a search past the threshold shows progress by slice and ends it', async () => {
    const progress = recorder();
    const result = await runInSlices(slices(4), new CancellationTokenSource().token, { after: 0, create: progress.create });
    assert.equal(result, 'done');
    assert.deepEqual(progress.events, ['begin shapelint: finding faster shapes', 'report 25', 'report 50', 'report 75', 'report 100', 'done']);
  });

  test('a quick search shows none', async () => {
    const progress = recorder();
    assert.equal(await runInSlices(slices(4), new CancellationTokenSource().token, { after: 60_000, create: progress.create }), 'done');
    assert.deepEqual(progress.events, []);
  });

  test("the progress UI's cancel stops the search after the slice in hand, and the progress ends", async () => {
    const progress = recorder();
    const search = slices(10);
    const running = runInSlices(search, new CancellationTokenSource().token, { after: 0, create: progress.create });
    progress.cancel.cancel();
    await assert.rejects(running, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.equal(progress.events.at(-1), 'done');
    assert.ok(progress.events.filter((event) => event.startsWith('report')).length < 10);
  });
});
