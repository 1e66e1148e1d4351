/**
 * The language server as an editor sees it: the real built process (`shapelint lsp --stdio`),
 * spoken to over JSON-RPC. Fixtures encode GPT-3 2.7B (Brown et al. 2020, Table 2.1: h 2560,
 * 32 heads of 80, 32 layers) with GPT-2's 50257-token vocabulary (Radford et al. 2019).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import { applyEdits, fixture, FIXTURES, LspClient, offsetOf, positionAt } from './harness';

/** A fresh document URI per test, so tests do not see each other's versions. */
function uriFor(test: string, fileName: string): string {
  return pathToFileURL(join(FIXTURES, 'cases', test, fileName)).href;
}

/** The range of `literal` where it follows `prefix` (e.g. the value of a key). */
function rangeAfter(text: string, prefix: string, literal: string): Range {
  const offset = offsetOf(text, prefix) + prefix.length;
  assert.equal(text.slice(offset, offset + literal.length), literal);
  return { start: positionAt(text, offset), end: positionAt(text, offset + literal.length) };
}

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === rule);
  assert.ok(found, `no ${rule} diagnostic in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  return found;
}

function quickFixesOf(actions: unknown[] | null): CodeAction[] {
  return (actions ?? []).filter((action): action is CodeAction => typeof action === 'object' && action !== null && 'kind' in action && action.kind === 'quickfix');
}

const hf = fixture('config.json');

suite('shapelint lsp --stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('HF config.json of GPT-3 2.7B: head-dim on the head count, vocab-size on the vocabulary, with docs links and fix data', async () => {
    const uri = uriFor('hf-diagnostics', 'config.json');
    await client.open(uri, hf.text);
    const diagnostics = await client.diagnostics(uri);
    const headDim = byRule(diagnostics, 'head-dim');
    const vocab = byRule(diagnostics, 'vocab-size');
    assert.deepEqual(headDim.range, rangeAfter(hf.text, '"n_head": ', '32'));
    assert.deepEqual(vocab.range, rangeAfter(hf.text, '"vocab_size": ', '50257'));
    for (const diagnostic of [headDim, vocab]) {
      assert.equal(diagnostic.source, 'shapelint');
      assert.equal(diagnostic.codeDescription?.href, `https://github.com/shapelint/shapelint/blob/main/docs/rules/${diagnostic.code}.md`);
      assert.ok((diagnostic.data as { fixes: unknown[] }).fixes.length > 0, `${diagnostic.code} carries its fixes in data`);
    }
  });

  test('GPT-NeoX YAML: head-dim on num-attention-heads', async () => {
    const neox = fixture('neox-2-7B.yml');
    const uri = uriFor('neox', '2-7B.yml');
    await client.open(uri, neox.text);
    const headDim = byRule(await client.diagnostics(uri), 'head-dim');
    assert.deepEqual(headDim.range, rangeAfter(neox.text, '"num-attention-heads": ', '32'));
  });

  test('Megatron launch script: head-dim on --num-attention-heads', async () => {
    const megatron = fixture('pretrain_gpt3_2.7b.sh');
    const uri = uriFor('megatron', 'pretrain_gpt3_2.7b.sh');
    await client.open(uri, megatron.text);
    const headDim = byRule(await client.diagnostics(uri), 'head-dim');
    assert.deepEqual(headDim.range, rangeAfter(megatron.text, '--num-attention-heads ', '32'));
  });

  test('related information points at the other field: tensor parallelism of 3 cannot split 32 heads', async () => {
    const text = fixture('pretrain_gpt3_2.7b.sh').text.replace('--tensor-model-parallel-size 1', '--tensor-model-parallel-size 3');
    const uri = uriFor('related', 'pretrain_gpt3_2.7b.sh');
    await client.open(uri, text);
    const tp = (await client.diagnostics(uri)).filter((diagnostic) => diagnostic.code === 'tensor-parallel');
    const onHeads = tp.find((diagnostic) => JSON.stringify(diagnostic.range) === JSON.stringify(rangeAfter(text, '--num-attention-heads ', '32')));
    assert.ok(onHeads, JSON.stringify(tp.map((diagnostic) => diagnostic.range)));
    assert.equal(onHeads.severity, 1, 'an error: Megatron refuses to start');
    assert.deepEqual(onHeads.relatedInformation?.map((related) => related.location), [{ uri, range: rangeAfter(text, '--tensor-model-parallel-size ', '3') }]);
    // The hidden size reaches the script through $HIDDEN: the diagnostic sits on the literal a person edits.
    assert.ok(tp.some((diagnostic) => JSON.stringify(diagnostic.range) === JSON.stringify(rangeAfter(text, 'HIDDEN=', '2560'))));
  });

  test('hover on the hidden size shows the predicted TFLOP/s of its GEMMs on the target GPU', async () => {
    const uri = uriFor('hover', 'config.json');
    await client.open(uri, hf.text);
    const hover = await client.hover(uri, offsetOf(hf.text, '"n_embd": 2560') + 10 + 1);
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    const markdown = hover.contents.value;
    assert.match(markdown, /TFLOP\/s/);
    assert.match(markdown, /hidden size/);
    assert.match(markdown, /H100/);
    assert.deepEqual(hover.range, rangeAfter(hf.text, '"n_embd": ', '2560'));
    assert.equal(await client.hover(uri, offsetOf(hf.text, 'model_type')), null, 'no hover off shape fields');
  });

  test('hover on a flagged field names the best alternative with its speed-up', async () => {
    const uri = uriFor('hover-flagged', 'config.json');
    await client.open(uri, hf.text);
    await client.diagnostics(uri);
    const hover = await client.hover(uri, offsetOf(hf.text, '"n_head"') + 2);
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /head-dim/);
    assert.match(hover.contents.value, /Best alternative: .*[+−]\d+(\.\d)?%/);
  });

  test('quick fixes: one per fix, the preferred first, edits on the literal only', async () => {
    const uri = uriFor('quick-fixes', 'config.json');
    await client.open(uri, hf.text);
    const diagnostics = await client.diagnostics(uri);

    const headDim = byRule(diagnostics, 'head-dim');
    const headFixes = quickFixesOf(await client.codeActions(uri, headDim.range, [headDim]));
    assert.ok(headFixes.length >= 1);
    assert.equal(headFixes[0].isPreferred, true);
    for (const action of headFixes) {
      const edits = action.edit?.changes?.[uri] ?? [];
      assert.equal(edits.length, 1);
      assert.deepEqual(edits[0].range, rangeAfter(hf.text, '"n_head": ', '32'));
      const heads = Number(edits[0].newText);
      assert.ok(2560 % heads === 0 && (2560 / heads) % 64 === 0, `${heads} heads give an aligned head dim`);
    }
    const speedups = headFixes.slice(1).map((action) => Number(/([+−-]?\d+(?:\.\d+)?)%/.exec(action.title)?.[1].replace('−', '-') ?? NaN));
    assert.deepEqual(speedups, [...speedups].sort((a, b) => b - a), 'alternatives ranked by predicted speed-up');

    const vocab = byRule(diagnostics, 'vocab-size');
    const [padVocab] = quickFixesOf(await client.codeActions(uri, vocab.range, [vocab]));
    assert.deepEqual(padVocab.edit?.changes?.[uri], [{ range: rangeAfter(hf.text, '"vocab_size": ', '50257'), newText: '50304' }]);
  });

  test('quick fixes are keyed on code and range when a client does not send data back', async () => {
    const uri = uriFor('no-data', 'config.json');
    await client.open(uri, hf.text);
    const vocab = byRule(await client.diagnostics(uri), 'vocab-size');
    const withoutData = { ...vocab, data: undefined, message: 'a client may rewrite the message' };
    const [padVocab] = quickFixesOf(await client.codeActions(uri, vocab.range, [withoutData]));
    assert.deepEqual(padVocab?.edit?.changes?.[uri], [{ range: rangeAfter(hf.text, '"vocab_size": ', '50257'), newText: '50304' }]);
    const elsewhere = { ...withoutData, range: rangeAfter(hf.text, '"n_embd": ', '2560') };
    assert.deepEqual(quickFixesOf(await client.codeActions(uri, elsewhere.range, [elsewhere])), [], 'no finding of that rule there');
  });

  test('applying the vocabulary fix, then didChange, clears the vocab-size diagnostic', async () => {
    const uri = uriFor('apply-vocab', 'config.json');
    await client.open(uri, hf.text);
    const vocab = byRule(await client.diagnostics(uri), 'vocab-size');
    const [padVocab] = quickFixesOf(await client.codeActions(uri, vocab.range, [vocab]));
    const fixed = applyEdits(hf.text, padVocab.edit?.changes?.[uri] ?? []);
    assert.match(fixed, /"vocab_size": 50304/);
    await client.change(uri, fixed);
    const after = await client.diagnostics(uri);
    assert.equal(after.find((diagnostic) => diagnostic.code === 'vocab-size'), undefined);
    byRule(after, 'head-dim');
  });

  test('source.fixAll.shapelint applies the safe fixes only: pads the divisor, keeps the heads', async () => {
    const neox = fixture('neox-divisor-100.yml');
    const uri = uriFor('fix-all', 'neox.yml');
    await client.open(uri, neox.text);
    await client.diagnostics(uri);
    const whole = { start: { line: 0, character: 0 }, end: positionAt(neox.text, neox.text.length) };
    const actions = (await client.codeActions(uri, whole, [], ['source.fixAll.shapelint'])) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.shapelint');
    const fixed = applyEdits(neox.text, actions[0].edit?.changes?.[uri] ?? []);
    assert.equal(fixed, neox.text.replace('"make-vocab-size-divisible-by": 100', '"make-vocab-size-divisible-by": 128'));
    assert.deepEqual(quickFixesOf(await client.codeActions(uri, whole, [], ['source.fixAll.shapelint'])), [], 'no quick fixes when only fixAll is asked for');
  });

  test('inlay hints: the head dim after the head count', async () => {
    const uri = uriFor('inlay', 'config.json');
    await client.open(uri, hf.text);
    const hints = (await client.inlayHints(uri)) ?? [];
    const headDim = hints.find((hint) => hint.label === 'head_dim = 80');
    assert.ok(headDim, JSON.stringify(hints));
    assert.deepEqual(headDim.position, rangeAfter(hf.text, '"n_head": ', '32').end);
    await client.configure({ inlayHints: { enabled: false } });
    const off = await client.inlayHints(uri);
    await client.configure({});
    assert.deepEqual(off, [], 'shapelint.inlayHints.enabled: false turns them off');
  });

  test('code lens on the first line: layer TFLOP/s and % of peak, opening the report', async () => {
    const uri = uriFor('lens', 'config.json');
    await client.open(uri, hf.text);
    const [lens] = (await client.codeLenses(uri)) ?? [];
    assert.ok(lens?.command);
    assert.equal(lens.range.start.line, 0);
    assert.match(lens.command.title, /\d TFLOP\/s (±\d+%|unvalidated) \(\d+% of peak\)/);
    assert.equal(lens.command.command, 'shapelint.showReport');
    assert.deepEqual(lens.command.arguments, [uri]);
  });

  test('a GPU change asks the client to refresh code lenses, and the lens names the new GPU', async () => {
    const uri = uriFor('lens-gpu', 'config.json');
    await client.open(uri, hf.text);
    const title = async () => ((await client.codeLenses(uri)) ?? [])[0]?.command?.title ?? '';
    assert.match(await title(), /H100/);
    const seen = client.codeLensRefreshes;
    await client.configure({ gpu: 'a100' });
    await client.codeLensRefreshAfter(seen);
    assert.match(await title(), /A100/);
    await client.configure({});
    await client.codeLensRefreshAfter(seen + 1);
    assert.match(await title(), /H100/);
  });

  test('shapelint.gpus and shapelint.pipelineParallelSize change the run in the code lens, and its tooltip says they are settings', async () => {
    const uri = uriFor('lens-launch', 'config.json');
    await client.open(uri, hf.text);
    const lens = async () => ((await client.codeLenses(uri)) ?? [])[0]?.command;
    const memory = (title: string) => /· ([\d.]+) of [\d.]+ GiB/.exec(title)?.[1];
    const oneNode = await lens();
    assert.ok(oneNode);
    assert.match(oneNode.tooltip ?? '', /GPUs 8 \(setting\)/);
    const seen = client.codeLensRefreshes;
    await client.configure({ gpus: 64, pipelineParallelSize: 4 });
    try {
      await client.codeLensRefreshAfter(seen);
      const pipelined = await lens();
      assert.ok(pipelined);
      assert.ok(Number(memory(pipelined.title)) < Number(memory(oneNode.title)), `four stages hold less per GPU: ${pipelined.title} vs ${oneNode.title}`);
      assert.match(pipelined.tooltip ?? '', /pipeline-parallel size 4 \(setting\).*GPUs 64 \(setting\)/);
    } finally {
      await client.configure({});
    }
  });

  test('shapelint/report returns the GEMM table and the head-count and MLP sweeps with the current config marked', async () => {
    const uri = uriFor('report', 'config.json');
    await client.open(uri, hf.text);
    const report = await client.report(uri);
    assert.ok(report);
    assert.ok(report.data.gemms.some((gemm) => gemm.name === 'qkv'));
    assert.deepEqual(
      report.data.headSweep.filter((point) => point.current).map((point) => point.x),
      [32],
    );
    assert.ok(report.data.headSweep.some((point) => point.x === 20));
    assert.equal(report.data.ffnSweep.filter((point) => point.current).length, 1);
    assert.equal((report.html.match(/<svg/g) ?? []).length, 4, 'the two sweeps, memory per GPU and step time');
    assert.equal(await client.report(uriFor('report', 'not-open.json')), null);
  });

  test('a workspace/configuration answer with gpu a100 changes the hover numbers', async () => {
    const uri = uriFor('settings', 'config.json');
    await client.open(uri, hf.text);
    const offset = offsetOf(hf.text, '"n_embd": 2560') + 10;
    const text = async () => {
      const hover = await client.hover(uri, offset);
      return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };
    const onH100 = await text();
    await client.configure({ gpu: 'a100' });
    const onA100 = await text();
    await client.configure({});
    assert.match(onA100, /A100/);
    const tflops = (markdown: string) => /\*\*≈ ([\d.]+) TFLOP\/s\*\*/.exec(markdown)?.[1];
    assert.notEqual(tflops(onA100), tflops(onH100));
    assert.ok(Number(tflops(onA100)) < Number(tflops(onH100)), 'an A100 (312 TFLOP/s peak) is predicted slower than an H100 (989)');
  });

  test('shapelint.gpuProfile: a measured GEMM time replaces the model in the hover', async () => {
    const uri = uriFor('profile', 'config.json');
    await client.open(uri, hf.text);
    const offset = offsetOf(hf.text, '"n_embd": 2560') + 10;
    const qkvRow = async () => {
      const hover = await client.hover(uri, offset);
      const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      return /\| qkv \|[^\n]*/.exec(markdown)?.[0] ?? '';
    };
    // The synthetic profile times the qkv GEMM of b·s = 8192, 3h = 7680, h = 2560 at 4321 µs.
    await client.configure({ gpuProfile: 'test/fixtures/lsp/h100.profile.json' });
    const measured = await qkvRow();
    await client.configure({ gpuProfile: 'test/fixtures/lsp/missing.profile.json' });
    const missing = await qkvRow();
    await client.configure({});
    assert.match(measured, /\| 8192×7680×2560 \| [\d.]+ \| 4\.32 ms \|$/);
    assert.doesNotMatch(missing, /4\.32 ms/, 'an unreadable profile is ignored');
    assert.ok(client.messages.some((message) => message.includes('missing.profile.json')), 'and the user is told');
  });

  test('shapelint.associations maps a file the core would not recognise to a format', async () => {
    // Two Megatron flags in a .txt: too little for detection by name and content.
    const text = '--hidden-size 2560 --num-attention-heads 32\n';
    const unmapped = uriFor('associations', 'other/args.txt');
    const mapped = uriFor('associations', 'launch/args.txt');
    await client.configure({ associations: { '**/launch/*.txt': 'megatron' } });
    try {
      await client.open(unmapped, text, 'plaintext');
      await client.open(mapped, text, 'plaintext');
      assert.deepEqual(rangeAfter(text, '--num-attention-heads ', '32'), byRule(await client.diagnostics(mapped), 'head-dim').range);
      assert.equal(await client.hover(unmapped, offsetOf(text, '2560')), null, 'an unmapped .txt is not a config');
    } finally {
      await client.configure({});
    }
  });

  test('rules set to off in settings disappear from the diagnostics', async () => {
    const uri = uriFor('rules-off', 'config.json');
    await client.open(uri, hf.text);
    byRule(await client.diagnostics(uri), 'vocab-size');
    await client.configure({ rules: { 'vocab-size': 'off' } });
    try {
      await client.diagnosticsWhere(uri, (diagnostics) => diagnostics.every((diagnostic) => diagnostic.code !== 'vocab-size'));
    } finally {
      await client.configure({});
    }
  });

  test('a burst of edits: diagnostics are never for stale text, and the last text is reported last', async () => {
    const uri = uriFor('burst', 'config.json');
    await client.open(uri, hf.text);
    await client.diagnostics(uri);
    const headsAt = new Map<number, number>();
    let version = 1;
    for (const heads of [33, 34, 35, 36, 20]) {
      version = await client.change(uri, hf.text.replace('"n_head": 32', `"n_head": ${heads}`));
      headsAt.set(version, heads);
    }
    const final = await client.diagnostics(uri);
    assert.equal(final.find((diagnostic) => diagnostic.code === 'head-dim'), undefined, '20 heads of 128 are aligned');
    // A version may be published before the next edit arrives (checks start at once); what is
    // published for it must be that version's findings, in order, ending with the last text.
    const afterBurst = client.history.filter((params) => params.uri === uri && (params.version ?? 0) > 1);
    const versions = afterBurst.map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published in order: ${versions}`);
    assert.equal(versions.at(-1), version);
    for (const params of afterBurst) {
      const heads = headsAt.get(params.version ?? 0) ?? 0;
      const divides = params.diagnostics.some((diagnostic) => diagnostic.code === 'heads-divide-hidden');
      assert.equal(divides, 2560 % heads !== 0, `version ${params.version} (${heads} heads): heads-divide-hidden ${divides}`);
    }
  });

  test('a broken, half-typed YAML document does not kill the server', async () => {
    const neox = fixture('neox-2-7B.yml').text;
    const uri = uriFor('broken', 'half-typed.yml');
    await client.open(uri, neox.slice(0, 20));
    // Type the file out in chunks: every prefix is a broken document.
    for (let end = 27; end < neox.length; end += 23) await client.change(uri, neox.slice(0, end));
    await client.change(uri, `${neox.slice(0, neox.indexOf('"seq-length"'))}"seq-length": [}{ ,, : "`);
    await client.diagnostics(uri);
    await client.hover(uri, 40);
    assert.ok(client.alive);
    const other = uriFor('broken', 'config.json');
    await client.open(other, hf.text);
    const hover = await client.hover(other, offsetOf(hf.text, '"n_embd": 2560') + 10);
    assert.ok(hover, 'the next request still answers');
  });
});
